package layout

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"annalist/content"
)

// Options are Build's options; the zero value works.
type Options struct {
	// Paper overrides the document's paper ("a4" or "letter").
	Paper string
	// Measurer measures text; nil uses the embedded fonts (NewMeasurer).
	Measurer Measurer
	// Date is the PDF's creation date as Unix seconds; fixed by the
	// caller so the same input gives the same file. 0 is no date (the
	// writer's default, see Meta.Date) unless DateSet.
	Date int64
	// DateSet says Date is set even when it is 0: SOURCE_DATE_EPOCH=0 is
	// 1970-01-01, not unset.
	DateSet bool
	// NewCiter returns the formatter of notes and bibliography; nil uses
	// Chicago notes-bibliography (content.NewCiter).
	NewCiter func(doc *content.Document) CitationFormatter
	// Style is the type design; nil uses DefaultStyle.
	Style *Style
	// Plan, when set, makes the figures (and Build's figures argument is
	// ignored): Build calls it with the box a figure page leaves once the
	// figures' notes have their room at its foot, and again with a
	// smaller box if the notes need more (charts.Plan fits this).
	Plan func(box Size) ([]Block, error)
}

// Titled is implemented by a figure Block that has a title, for the
// contents, the outline and the running head of its page.
type Titled interface{ Title() string }

// part is a run of pages of one kind, with the running head they carry.
type part struct {
	pages    []*Page
	portrait bool
	// heads gives the right-hand running head of each page; nil for none.
	heads []string
	// outline entries, Page relative to the part.
	outline []Bookmark
}

// Build lays out the whole handout: the title page, the contents, a
// landscape page per figure with its notes at its foot, the narrative
// with its footnotes, the chronology, the people and places (names and
// their variant spellings) and the bibliography.
//
// Notes are numbered in one sequence by first reference: the figures
// first (they are laid out first and cite as they draw), then the
// narrative in reading order, then the chronology, which reuses the
// numbers the chart gave an event's sources.
func Build(doc *content.Document, figures []Block, opts Options) (*Document, error) {
	m := opts.Measurer
	if m == nil {
		m = NewMeasurer()
	}
	st := opts.Style
	if st == nil {
		st = DefaultStyle()
	}
	paper := doc.Paper
	if opts.Paper != "" {
		paper = opts.Paper
	}
	g, err := geometryFor(paper)
	if err != nil {
		return nil, err
	}
	newCiter := opts.NewCiter
	if newCiter == nil {
		newCiter = func(d *content.Document) CitationFormatter {
			return content.NewCiter(d, content.CiteOptions{ShortIbid: d.ShortIbid})
		}
	}
	out := &Document{}
	seq := &NoteSeq{Origin: FromChart}
	// The document's hyphenation exceptions, over the shared patterns.
	hy := newHyphenation(doc.Hyphenation)

	// 1. Figures: each on its own landscape page. Their notes are set
	// later, once the whole sequence is known and formatted.
	charts, err := layoutFigures(figures, opts.Plan, seq, doc, newCiter, g, st, m)
	if err != nil {
		return nil, err
	}

	// 2. The narrative, in reading order.
	seq.Origin = FromText
	var errs []error
	blocks, warnings, err := Markdown(doc, seq, st)
	if err != nil {
		errs = append(errs, err)
	}
	out.Warnings = append(out.Warnings, warnings...)

	// 3. The chronology's rows, registering notes for events the chart
	// did not cite.
	seq.Origin = FromChronology
	rows := chronologyRows(doc, seq)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	// 4. Every note is registered: format them in order, then the
	// bibliography of what they cite.
	citer := newCiter(doc)
	notes := seq.Format(citer, st)
	bib := citer.Bibliography()
	// A formatter that knows what the cited sources lack (Chicago's does)
	// says so in the warnings.
	if l, ok := citer.(interface{ Lacks() []string }); ok {
		out.Warnings = append(out.Warnings, l.Lacks()...)
	}

	// 5. Set the parts.
	var parts []part
	titles := map[string]bool{}
	for _, cp := range charts {
		p := cp.finish(notes, g, st, m)
		// Windows of one timeline share a title: the contents and the
		// outline list it once, at its first page.
		if titles[cp.title] {
			p.outline = nil
		}
		titles[cp.title] = true
		parts = append(parts, p)
	}
	if len(blocks) > 0 {
		p, err := flowPart(blocks, notes, g, m, hy)
		if err != nil {
			return nil, err
		}
		out.Warnings = append(out.Warnings, p.warnings...)
		parts = append(parts, p.part)
	}
	if len(rows) > 0 {
		pages := chronologyPages(rows, notes, g, st, m)
		p := part{pages: pages, portrait: true,
			outline: []Bookmark{{Title: "Chronology", Level: 0, Page: 0, Y: g.frame.Top}}}
		for range pages {
			p.heads = append(p.heads, "Chronology")
		}
		parts = append(parts, p)
	}
	if pp := peopleBlocks(doc, st); len(pp) > 0 {
		p, err := flowPart(pp, nil, g, m, hy)
		if err != nil {
			return nil, err
		}
		out.Warnings = append(out.Warnings, p.warnings...)
		parts = append(parts, p.part)
	}
	if len(bib) > 0 {
		p, err := flowPart(bibliographyBlocks(bib, st), nil, g, m, hy)
		if err != nil {
			return nil, err
		}
		out.Warnings = append(out.Warnings, p.warnings...)
		parts = append(parts, p.part)
	}

	// 6. The contents, set twice: once to learn how many pages it takes
	// (which moves everything after it), then with the true numbers.
	tocPages := 1
	var toc *FlowResult
	for range 3 {
		entries := contentsEntries(parts, 1+tocPages)
		toc, err = flowWith(tocBlocks(entries, g.page.W-g.frame.Left-g.frame.Right, st, m), nil, g.frame, m, hy)
		if err != nil {
			return nil, fmt.Errorf("layout: contents: %w", err)
		}
		if len(toc.Pages) == tocPages {
			break
		}
		tocPages = len(toc.Pages)
	}

	// 7. Assemble, with running heads and folios.
	out.Pages = append(out.Pages, titlePage(doc, g, st, m))
	out.Outline = append(out.Outline, Bookmark{Title: "Contents", Level: 0, Page: 1, Y: g.frame.Top})
	for _, p := range toc.Pages {
		headAndFolio(p, len(out.Pages)+1, doc.Title, "Contents", true, g, st, m)
		out.Pages = append(out.Pages, p)
	}
	for _, pt := range parts {
		base := len(out.Pages)
		for i, p := range pt.pages {
			right := ""
			if i < len(pt.heads) {
				right = pt.heads[i]
			}
			headAndFolio(p, base+i+1, doc.Title, right, pt.portrait, g, st, m)
			out.Pages = append(out.Pages, p)
		}
		for _, b := range pt.outline {
			b.Page += base
			out.Outline = append(out.Outline, b)
		}
	}
	retargetEventLinks(out)
	out.Meta = Meta{Title: numberDashes(doc.Title), Author: doc.Author, Subject: doc.Subtitle, Creator: "Annalist", Date: opts.Date, DateSet: opts.DateSet}
	var kw []string
	for _, t := range doc.Tracks {
		kw = append(kw, t.Title)
	}
	out.Meta.Keywords = strings.Join(kw, "; ")
	return out, nil
}

// flowed is a part set by the engine, with its warnings.
type flowed struct {
	part
	warnings []string
}

// flowPart flows blocks into portrait pages and works out each page's
// running head (see sectionHeads).
func flowPart(blocks []Para, notes map[int]*Note, g geometry, m Measurer, hy *hyphenation) (flowed, error) {
	used := map[int]*Note{}
	for _, b := range blocks {
		for _, r := range b.Runs {
			if r.Note > 0 && notes[r.Note] != nil {
				used[r.Note] = notes[r.Note]
			}
		}
	}
	res, err := flowWith(blocks, used, g.frame, m, hy)
	if err != nil {
		return flowed{}, err
	}
	p := part{pages: res.Pages, portrait: true, outline: res.Outline}
	p.heads = sectionHeads(res.Outline, len(res.Pages), g.frame.Top)
	return flowed{part: p, warnings: res.Warnings}, nil
}

// sectionHeads gives each of n pages its running head, from the flow's
// outline: as in a printed book, the section in force at the top of the
// page, that is the last top-level section begun on an earlier page, or
// the one that begins at the very top of this page (its heading is the
// page's first line, at the frame's top). A section that begins lower
// down names the next page, not this one: the reader who opens the page
// is still in the section before. A page before any section has begun
// (text ahead of the first heading) takes the first section begun on
// it, or no head.
func sectionHeads(outline []Bookmark, n int, top Pt) []string {
	heads := make([]string, n)
	cur := "" // the section in force at the top of page i
	for i := range heads {
		first, atTop, last := "", "", cur
		for _, b := range outline {
			if b.Level != 0 || b.Page != i {
				continue
			}
			if first == "" {
				first = b.Title
				if b.Y <= top+eps {
					atTop = b.Title
				}
			}
			last = b.Title
		}
		switch {
		case atTop != "":
			heads[i] = atTop
		case cur != "":
			heads[i] = cur
		default:
			heads[i] = first
		}
		cur = last
	}
	return heads
}

// contentsEntries lists the parts' outline entries (two levels) with the
// printed page numbers they will have when the parts start at page
// first+1 (pages are numbered from the title page, as 1).
func contentsEntries(parts []part, first int) []tocEntry {
	var entries []tocEntry
	page := first
	for _, pt := range parts {
		for _, b := range pt.outline {
			if b.Level > 1 {
				continue
			}
			entries = append(entries, tocEntry{title: b.Title, level: b.Level + 1, dest: destFor(pt, b), page: page + b.Page + 1})
		}
		page += len(pt.pages)
	}
	return entries
}

// destFor finds the destination of an outline entry, so a contents line
// can link to it: the destination on the same page whose block carried
// the bookmark.
func destFor(pt part, b Bookmark) string {
	best := ""
	bestY := Pt(1e9)
	for _, it := range pt.pages[b.Page].Items {
		if d, ok := it.(Dest); ok {
			if dy := abs(d.Y - b.Y); dy < bestY {
				best, bestY = d.Name, dy
			}
		}
	}
	return best
}

func abs(x Pt) Pt {
	if x < 0 {
		return -x
	}
	return x
}

// bibliographyBlocks sets the bibliography: a heading and the entries
// with a hanging indent.
func bibliographyBlocks(entries [][]content.Span, st *Style) []Para {
	out := []Para{{Kind: Heading, Level: 1, Align: Left, Leading: st.HeadLeading[0], SpaceAfter: st.HeadAfter[0] + 4,
		KeepWithNext: true, Bookmark: "Bibliography", Dest: "bibliography",
		Runs: []Run{{Text: "Bibliography", Font: st.font(Bold), Size: st.HeadSize[0], Color: Black}}}}
	size := st.BodySize - 1
	for _, e := range entries {
		runs := spanRunsAt(e, st, size)
		out = append(out, Para{Kind: Body, Runs: mergeRuns(runs), Align: Left, Leading: st.QuoteLeading,
			Left: 22, FirstIndent: -22, SpaceAfter: 5})
	}
	return out
}

// retargetEventLinks sends an event link whose chart destination does
// not exist (no chart, or the event not drawn) to the event's row in the
// chronology instead.
//
// It also keeps only the first of destinations of the same name (a
// figure split into windows may mark an event in each): a name must be
// unique in the PDF, and the first is where a reader wants to land.
func retargetEventLinks(d *Document) {
	dests := map[string]bool{}
	for _, p := range d.Pages {
		kept := p.Items[:0]
		for _, it := range p.Items {
			if x, ok := it.(Dest); ok {
				if dests[x.Name] {
					continue
				}
				dests[x.Name] = true
			}
			kept = append(kept, it)
		}
		p.Items = kept
	}
	for _, p := range d.Pages {
		for i, it := range p.Items {
			if l, ok := it.(Link); ok && strings.HasPrefix(l.Dest, "chart-") && !dests[l.Dest] {
				if alt := "event-" + strings.TrimPrefix(l.Dest, "chart-"); dests[alt] {
					l.Dest = alt
					p.Items[i] = l
				}
			}
		}
	}
}

// chartPage is a figure laid out on its landscape page, its notes not
// yet set.
type chartPage struct {
	title          string
	items          []Item
	notes          []int
	notesY, notesW Pt
	size           Size
}

// figureNotesHeight lays figure b out on trial, in a box of height h, with trial (a copy of
// the sequence, which it advances), to learn the notes it cites, and
// measures them at the foot of its page. It returns 0 when the figure
// cites nothing.
func figureNotesHeight(b Block, h Pt, trial *NoteSeq, doc *content.Document, newCiter func(*content.Document) CitationFormatter, g geometry, st *Style, m Measurer) (Pt, error) {
	x, y, w, _ := figureRect(g)
	before := trial.Len()
	if _, err := b.Layout(x, y, w, h, m, trial); err != nil {
		return 0, err
	}
	if trial.Len() == before {
		return 0, nil
	}
	// The figures are the first to cite, so formatting the trial
	// sequence from its start gives these notes their true forms.
	fmtd := trial.Format(newCiter(doc), st)
	var nums []int
	for k := before + 1; k <= trial.Len(); k++ {
		nums = append(nums, k)
	}
	renum := fmtd
	_, nh := runInNotes(nums, renum, w, st.chartNotes(), m)
	return nh + figureNotesGap, nil
}

// figureNotesGap is the space between a figure and its notes.
const figureNotesGap = 12

func figureRect(g geometry) (x, y, w, h Pt) {
	return g.landMargin, g.landTop, g.land.W - 2*g.landMargin, g.land.H - g.landTop - g.landMargin
}

// figureTitle names a figure for the running head, the outline and the
// contents; a figure without a title is a window of the timeline.
func figureTitle(b Block) string {
	if t, ok := b.(Titled); ok && t.Title() != "" {
		return t.Title()
	}
	return "Timeline"
}

// layoutFigures lays out each figure on its own landscape page, leaving
// room at its foot for the notes it cites. Their number is only known
// once the figure has cited them, so each figure is laid out twice:
// first on trial (figureNotesHeight), then for real in the box left.
//
// When plan is given, the figures are planned for the box the notes
// leave: planned for the whole box first, then again for the box less
// the room the tallest notes took, until that room suffices.
func layoutFigures(figures []Block, plan func(Size) ([]Block, error), seq *NoteSeq, doc *content.Document, newCiter func(*content.Document) CitationFormatter, g geometry, st *Style, m Measurer) ([]chartPage, error) {
	_, _, w, h := figureRect(g)
	var heights []Pt
	reserve, ok := Pt(0), Pt(0) // ok: the largest reserve known to plan
	for iter := 0; ; iter++ {
		if plan != nil {
			fs, err := plan(Size{W: w, H: h - reserve})
			if err != nil {
				if iter == 0 || iter >= 6 {
					return nil, err
				}
				// Too small a box to plan in: try halfway back.
				reserve = (reserve + ok) / 2
				continue
			}
			figures, ok = fs, reserve
		}
		trial := &NoteSeq{Origin: FromChart, entries: append([]noteEntry(nil), seq.entries...)}
		heights = heights[:0]
		need := Pt(0)
		for _, b := range figures {
			// On trial in the box it was planned for: a planner's
			// figure need not fit any other.
			nh, err := figureNotesHeight(b, h-reserve, trial, doc, newCiter, g, st, m)
			if err != nil {
				return nil, fmt.Errorf("layout: figure %q: %w", figureTitle(b), err)
			}
			heights = append(heights, nh)
			need = max(need, nh)
		}
		if plan == nil || need <= reserve {
			break
		}
		if iter >= 6 {
			return nil, fmt.Errorf("layout: the figures' notes need %.0fpt at the foot of a page; no plan of the figures leaves that much", need)
		}
		reserve = need
	}
	var pages []chartPage
	x, y, _, _ := figureRect(g)
	for i, b := range figures {
		cp := chartPage{size: g.land, notesW: w, title: figureTitle(b)}
		first := seq.Len()
		bh := h - heights[i]
		if plan != nil {
			// Exactly the box it was planned for.
			bh = h - reserve
		}
		items, err := b.Layout(x, y, w, bh, m, seq)
		if err != nil {
			return nil, fmt.Errorf("layout: figure %q: %w", cp.title, err)
		}
		cp.items = items
		for k := first + 1; k <= seq.Len(); k++ {
			cp.notes = append(cp.notes, k)
		}
		cp.notesY = y + bh + figureNotesGap
		pages = append(pages, cp)
	}
	return pages, nil
}

// finish sets the figure's notes, now formatted, at the foot of its page.
func (cp chartPage) finish(notes map[int]*Note, g geometry, st *Style, m Measurer) part {
	p := &Page{Size: cp.size}
	p.Items = append(p.Items, Dest{Name: FigureDest(cp.title), X: g.landMargin, Y: g.landTop}) // the first of a name is kept
	p.Items = append(p.Items, cp.items...)
	if len(cp.notes) > 0 {
		// The chart prints the numbers; if it did not mark where
		// (Dest "ref-N", as the engine names markers), the figure
		// itself is the marker.
		have := map[string]bool{}
		for _, it := range cp.items {
			if d, ok := it.(Dest); ok {
				have[d.Name] = true
			}
		}
		for _, n := range cp.notes {
			if name := "ref-" + strconv.Itoa(n); !have[name] {
				p.Items = append(p.Items, Dest{Name: name, X: g.landMargin, Y: g.landTop})
			}
		}
		items, h := runInNotes(cp.notes, notes, cp.notesW, st.chartNotes(), m)
		// Bottom-align the notes with the page's margin.
		y := max(cp.notesY, cp.size.H-g.landMargin-h)
		p.Items = append(p.Items, shift(items, g.landMargin, y)...)
	}
	return part{pages: []*Page{p}, portrait: false, heads: []string{cp.title},
		outline: []Bookmark{{Title: cp.title, Level: 0, Page: 0, Y: g.landTop}}}
}

// FigureDest is the name of the destination at the top of the page of
// the figure titled title, for links to it (a chart's summary marks link
// to their detail figure).
func FigureDest(title string) string { return "figure-" + slug(title) }

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// FigureBox is the box a figure is given on its landscape page for paper
// ("a4", "letter"; "" is a4), before Build takes from its foot the room
// the figure's notes need. A planner (charts.Plan) that sizes figures to
// it should leave that room: about a third of the height for a chart
// that cites every event.
func FigureBox(paper string) (Size, error) {
	g, err := geometryFor(paper)
	if err != nil {
		return Size{}, err
	}
	return Size{W: g.land.W - 2*g.landMargin, H: g.land.H - g.landTop - g.landMargin}, nil
}
