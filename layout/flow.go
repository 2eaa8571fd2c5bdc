package layout

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"annalist/content"
)

// This file is the page-flow engine: text blocks in, pages of items out,
// with every footnote on the page of its marker. It follows the structure
// of Typst's flow layout: collect (break every block into lines, each line
// knowing its notes and what it must stay with), distribute (fill pages
// line by line, a line fitting only together with its notes), compose
// (turn a page's lines and notes into positioned items). The footnote
// rules live in footnote.go.

// Align is a paragraph's alignment.
type Align uint8

// Alignments. Justify falls back to ragged-right for a paragraph whose
// lines cannot be set well.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// Run is a piece of inline text in one style.
type Run struct {
	Text  string
	Font  Font
	Size  Pt
	Color Color
	// Link makes the run clickable: a named destination (internal) or,
	// when it starts with a scheme, a URL.
	Link string
	// Note, when > 0, makes this run a note marker: the engine sets it as
	// a superscript number, links it to the note, and keeps the note on
	// the marker's page. Text is ignored (the number is printed).
	Note int
	// Dest names a destination at this run's position (a link target).
	Dest string
	// NoBreak forbids hyphenating this run (names, dates).
	NoBreak bool
}

// BlockKind says what a paragraph is, for widow/orphan and keep rules and
// for the golden dumps.
type BlockKind uint8

// Block kinds.
const (
	Body BlockKind = iota
	Heading
	Quote
	ListItem
	NoteText
	Caption
	Figure
)

// Para is one block of the flow: a paragraph, heading, quoted paragraph or
// list item, or a figure (a fixed-height box of items).
type Para struct {
	// Pos is where the block is written in the input (the narrative's
	// line and column), for warnings about it; zero for blocks Annalist
	// makes itself (the contents, the chronology, the bibliography).
	Pos   content.Pos
	Kind  BlockKind
	Runs  []Run
	Align Align
	// Leading is the baseline-to-baseline distance.
	Leading Pt
	// Left and Right indent the whole block; FirstIndent indents its first
	// line (negative for a hanging indent, as in a bibliography).
	Left, Right, FirstIndent Pt
	SpaceBefore, SpaceAfter  Pt
	// Marker is set in the left indent of the first line (a bullet or
	// number of a list item), right-aligned to Left - 4pt.
	Marker []Run
	// KeepWithNext keeps this block on the page of the first two lines of
	// the next one (headings).
	KeepWithNext bool
	// Level is a heading's level (1-3), for the outline.
	Level int
	// Bookmark, when non-empty, adds an outline entry at this block.
	Bookmark string
	// Dest names a destination at the top of this block.
	Dest string
	// Height and Items make a Figure: a box of fixed height whose items
	// are relative to the block's top-left corner. A figure's notes are
	// found from its Dest items named "ref-N" (the marker's destination,
	// as the engine itself names it for text): they are set on the
	// figure's page.
	Height Pt
	Items  []Item
}

// Note is the text of one footnote.
type Note struct {
	Number int
	Paras  []Para // runs in note style; the engine prefixes the number
}

// Frame is the page geometry the flow fills.
type Frame struct {
	Size                     Size
	Top, Bottom, Left, Right Pt // margins
	// NoteGap is the space between the body and the note separator rule;
	// NoteSpacing between two notes. On a page whose last line would
	// otherwise go over, the engine shrinks them, NoteGap by up to a
	// third and NoteSpacing by up to half (see noteGapShrink).
	NoteGap, NoteSpacing Pt
	// ContinuedLabel is set above a note continued from the previous page.
	ContinuedLabel string
}

// FlowResult is the outcome of flowing blocks into pages.
type FlowResult struct {
	Pages    []*Page
	Outline  []Bookmark // Page indexes are into Pages
	Warnings []string
	// DestPage maps every Dest to the index of the page it landed on, for
	// the table of contents.
	DestPage map[string]int
}

// unit is one unbreakable piece of the flow: a line of text or a figure.
type unit struct {
	h         Pt
	gapBefore Pt     // space above it, dropped at the top of a page
	items     []Item // X absolute; Y relative to the unit's top
	notes     []int
	// keepWithPrev forbids a page break between this unit and the one
	// before it: the second line of a paragraph (no orphans), its last
	// (no widows), the first of a block after a heading.
	keepWithPrev bool
	block        int
	first        bool // the block's first unit
}

// flow is the state of one Flow call.
type flow struct {
	blocks []Para
	frame  Frame
	m      Measurer
	set    *setter
	units  []unit
	notes  map[int]*noteText
	// workers are the setters setMany sets paragraphs with, made on
	// first use; set keeps the warnings, in order.
	workers []*setter
	// noteSet holds the notes' paragraphs as prepareNotes set them, by
	// note number, until setNote assembles them.
	noteSet map[int][]setResult
	src     map[int]*Note
	errs    []error
	warns   []string
	avail   Pt    // the height of the text area
	heads   []int // the levels of the open headings, for the outline
}

// Flow sets blocks onto as many pages as needed, with notes at the foot
// of the page that holds their marker.
//
// The error is non-nil only for impossible input (a line and the first
// line of its note taller than an empty page, a figure taller than the
// page); the result is then still complete, with the offending content
// placed anyway, so that the caller can show it.
func Flow(blocks []Para, notes map[int]*Note, frame Frame, m Measurer) (*FlowResult, error) {
	return flowWith(blocks, notes, frame, m, nil)
}

// flowWith is Flow with a document's hyphenation exceptions (nil for the
// patterns alone), as Build sets a handout.
func flowWith(blocks []Para, notes map[int]*Note, frame Frame, m Measurer, hy *hyphenation) (*FlowResult, error) {
	f := &flow{blocks: blocks, frame: frame, m: m, set: newSetter(m), notes: map[int]*noteText{}, src: notes}
	f.set.b.hyph = hy
	f.avail = frame.Size.H - frame.Top - frame.Bottom
	if f.avail <= 0 || frame.Size.W-frame.Left-frame.Right <= 0 {
		return nil, fmt.Errorf("layout: frame %+v leaves no room for text", frame)
	}
	f.collect()
	res := &FlowResult{DestPage: map[string]int{}}
	pages := f.distribute()
	for i, pb := range pages {
		res.Pages = append(res.Pages, f.compose(pb, i, res))
	}
	f.checkNotesUsed()
	res.Warnings = append(append(res.Warnings, f.set.warnings...), f.warns...)
	return res, errors.Join(f.errs...)
}

// textWidth is the width of the frame's text area.
func (f *flow) textWidth() Pt { return f.frame.Size.W - f.frame.Left - f.frame.Right }

// collect breaks every block into units.
func (f *flow) collect() {
	// Every paragraph is set first, all at once (setMany), then every
	// note they cite, in the order of first citation; the loop below then
	// only assembles. Warnings are appended in the order a sequential
	// build gives: a block's own, then those of the notes it cites first.
	specs := make([]*parSpec, 0, len(f.blocks))
	for bi := range f.blocks {
		if p := &f.blocks[bi]; p.Kind != Figure {
			specs = append(specs, f.spec(p, 0))
		}
	}
	set := f.setMany(specs)
	figures := map[int]unit{}
	var nums []int
	seen := map[int]bool{}
	cite := func(notes []int) {
		for _, n := range notes {
			if !seen[n] {
				seen[n] = true
				nums = append(nums, n)
			}
		}
	}
	next := 0
	for bi := range f.blocks {
		if p := &f.blocks[bi]; p.Kind == Figure {
			u := f.figureUnit(p)
			figures[bi] = u
			cite(u.notes)
			continue
		}
		for _, ln := range set[next].lines {
			cite(ln.notes)
		}
		next++
	}
	f.prepareNotes(nums)

	keepNext := false
	var prevAfter Pt
	prevKind := Body
	next = 0
	for bi := range f.blocks {
		p := &f.blocks[bi]
		start := len(f.units)
		gap := prevAfter + p.SpaceBefore
		if bi == 0 {
			gap = p.SpaceBefore
		}
		if p.Kind == Figure {
			f.units = append(f.units, figures[bi])
		} else {
			for _, ln := range set[next].lines {
				f.units = append(f.units, unit{h: ln.h, items: ln.items, notes: ln.notes})
			}
			f.set.warnings = append(f.set.warnings, set[next].warnings...)
			next++
		}
		us := f.units[start:]
		n := len(us)
		for i := range us {
			us[i].block = bi
			// No orphans (a first line alone at the foot of a page) and
			// no widows (a last line alone at the head of one).
			us[i].keepWithPrev = n >= 2 && (i == 1 || i == n-1)
		}
		if n > 0 {
			us[0].first = true
			us[0].gapBefore = gap
			us[0].keepWithPrev = keepNext || (p.Kind == Caption && prevKind == Figure)
			if p.Dest != "" {
				us[0].items = append([]Item{Dest{Name: p.Dest, X: f.frame.Left + p.Left, Y: 0}}, us[0].items...)
			}
		}
		for i := range us {
			for _, num := range us[i].notes {
				f.setNote(num)
			}
		}
		keepNext = p.KeepWithNext
		prevAfter = p.SpaceAfter
		prevKind = p.Kind
	}
}

// setResult is one paragraph set by setMany, with the warnings setting
// it gave.
type setResult struct {
	lines    []parLine
	warnings []string
}

// parsPerWorker is the fewest paragraphs worth a goroutine of their own:
// a short document (a test's, a contents page) is set on one.
const parsPerWorker = 32

// setMany sets the paragraphs specs, spread over up to GOMAXPROCS
// goroutines. Line breaking is most of a long document's layout, and each
// paragraph's lines depend on its spec alone, so the result is the same
// whatever the scheduling; it comes back in the order of specs. Each
// goroutine has its own setter; the first shares the flow's hyphenation
// memo, the others fork it (its exceptions, their own memo).
func (f *flow) setMany(specs []*parSpec) []setResult {
	res := make([]setResult, len(specs))
	workers := min(runtime.GOMAXPROCS(0), (len(specs)+parsPerWorker-1)/parsPerWorker)
	for len(f.workers) < max(workers, 1) {
		s := newSetter(f.m)
		s.b.hyph = f.set.b.hyph
		if len(f.workers) > 0 {
			s.b.hyph = f.set.b.hyph.fork()
		}
		f.workers = append(f.workers, s)
	}
	var next atomic.Int64
	work := func(s *setter) {
		for {
			i := int(next.Add(1) - 1)
			if i >= len(specs) {
				return
			}
			n := len(s.warnings)
			res[i].lines = s.setPar(specs[i])
			res[i].warnings = s.warnings[n:len(s.warnings):len(s.warnings)]
		}
	}
	if workers <= 1 {
		work(f.workers[0])
		return res
	}
	var wg sync.WaitGroup
	for _, s := range f.workers[:workers] {
		wg.Go(func() { work(s) })
	}
	wg.Wait()
	return res
}

// spec is the paragraph setter's view of a block.
func (f *flow) spec(p *Para, noteNumber int) *parSpec {
	leading := p.Leading
	if leading <= 0 {
		leading = 1.2 * firstTextRun(p.Runs).Size
	}
	return &parSpec{
		runs:        p.Runs,
		align:       p.Align,
		x:           f.frame.Left + p.Left,
		width:       f.textWidth() - p.Left - p.Right,
		firstIndent: p.FirstIndent,
		leading:     leading,
		marker:      p.Marker,
		noteNumber:  noteNumber,
		pos:         p.Pos,
	}
}

// figureUnit places a figure's items relative to its unit and finds the
// notes it cites.
func (f *flow) figureUnit(p *Para) unit {
	x := f.frame.Left + p.Left
	u := unit{h: p.Height, items: make([]Item, 0, len(p.Items))}
	for _, it := range p.Items {
		u.items = append(u.items, shiftItem(it, x, 0))
		if d, ok := it.(Dest); ok {
			if n, ok := strings.CutPrefix(d.Name, "ref-"); ok {
				if num, err := strconv.Atoi(n); err == nil && num > 0 {
					u.notes = append(u.notes, num)
				}
			}
		}
	}
	return u
}

// blockLabel names a block in messages by its first words.
func (f *flow) blockLabel(bi int) string {
	p := &f.blocks[bi]
	if p.Kind == Figure {
		if p.Dest != "" {
			return fmt.Sprintf("figure %q", p.Dest)
		}
		return fmt.Sprintf("figure (block %d)", bi+1)
	}
	var words []string
	for _, r := range p.Runs {
		words = append(words, strings.Fields(r.Text)...)
		if len(words) >= 6 {
			words = words[:6]
			break
		}
	}
	return fmt.Sprintf("paragraph %q…", strings.Join(words, " "))
}

// shiftItem moves an item by (dx, dy).
func shiftItem(it Item, dx, dy Pt) Item {
	switch v := it.(type) {
	case Text:
		v.X += dx
		v.Y += dy
		return v
	case Rule:
		v.X1 += dx
		v.X2 += dx
		v.Y1 += dy
		v.Y2 += dy
		return v
	case Rect:
		v.X += dx
		v.Y += dy
		return v
	case Path:
		ops := make([]PathOp, len(v.Ops))
		for i, op := range v.Ops {
			pts := make([]Pt, len(op.Pts))
			for j, q := range op.Pts {
				if j%2 == 0 {
					pts[j] = q + dx
				} else {
					pts[j] = q + dy
				}
			}
			ops[i] = PathOp{Op: op.Op, Pts: pts}
		}
		v.Ops = ops
		return v
	case Link:
		v.X += dx
		v.Y += dy
		return v
	case Dest:
		v.X += dx
		v.Y += dy
		return v
	}
	return it
}

// compose turns a distributed page into items: the body from the top of
// the frame, the notes at its foot under the separator rule.
func (f *flow) compose(pb *pageBuild, index int, res *FlowResult) *Page {
	pg := &Page{Size: f.frame.Size}
	n := 0
	for _, pu := range pb.units {
		n += len(pu.u.items)
	}
	pg.Items = make([]Item, 0, n+8)
	for _, pu := range pb.units {
		top := f.frame.Top + pu.y
		if pu.u.first {
			if p := &f.blocks[pu.u.block]; p.Bookmark != "" {
				// A heading may skip levels (# then ###), but an outline
				// deepens one level at a time: an entry's level is the
				// number of open headings above it, not its own depth.
				for len(f.heads) > 0 && f.heads[len(f.heads)-1] >= p.Level {
					f.heads = f.heads[:len(f.heads)-1]
				}
				level := len(f.heads)
				f.heads = append(f.heads, p.Level)
				res.Outline = append(res.Outline, Bookmark{Title: p.Bookmark, Level: level, Page: index, Y: top})
			}
		}
		for _, it := range pu.u.items {
			pg.Items = append(pg.Items, shiftItem(it, 0, top))
		}
	}
	f.composeNotes(pb, pg)
	for _, it := range pg.Items {
		if d, ok := it.(Dest); ok {
			if _, seen := res.DestPage[d.Name]; !seen {
				res.DestPage[d.Name] = index
			}
		}
	}
	return pg
}
