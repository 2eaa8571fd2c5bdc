package layout

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"annalist/content"
)

// chronoRow is one event of the chronology and the notes that give its
// sources.
type chronoRow struct {
	ev    *content.Event
	track string
	notes []int
	own   []int // notes the chronology itself registered (set at its page's foot)
	// versions are what other sources say of the event, one line each
	// under its title: "Gafarov, para. 37: 27 Apr 1920", so a reader
	// sees every version with its source, not only a note number.
	versions []versionLine
}

// versionLine is one version of an event: its source (and locator) and
// what that source says.
type versionLine struct{ source, what string }

// chronologyRows orders every event by date (context events included)
// and finds each one's notes: the numbers the chart gave its sources, or,
// where the chart did not cite it, a note the chronology registers now.
func chronologyRows(doc *content.Document, seq *NoteSeq) []chronoRow {
	evs := append([]*content.Event(nil), doc.Events...)
	sort.SliceStable(evs, func(i, j int) bool { return content.Compare(placed(evs[i].Date), placed(evs[j].Date)) < 0 })
	rows := make([]chronoRow, 0, len(evs))
	for _, e := range evs {
		r := chronoRow{ev: e, notes: seq.EventNotes(e), versions: versionLines(doc, e)}
		if t := doc.TrackByID[e.Track]; t != nil {
			r.track = t.Title
		}
		if len(r.notes) == 0 {
			if cites := eventCites(e); len(cites) > 0 {
				n := seq.Cite(cites)
				r.notes, r.own = []int{n}, []int{n}
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// versionLines words each version of e with its source and locator.
func versionLines(doc *content.Document, e *content.Event) []versionLine {
	var out []versionLine
	for _, v := range e.Versions {
		src := sourceLabel(doc, v.Source)
		if v.Locator != "" {
			src += ", " + v.Locator
		}
		var what string
		switch {
		case v.Date != nil:
			what = v.Date.String()
		case v.Start != nil && v.End != nil:
			what = v.Start.String() + " – " + v.End.String()
		case v.Start != nil:
			what = "from " + v.Start.String()
		case v.End != nil:
			what = "until " + v.End.String()
		case v.Value != "" && v.Field == "summary":
			what = v.Value
		case v.Value != "" && v.Field == "title":
			what = "as “" + v.Value + "”"
		case v.Value != "" && (v.Field == "places" || v.Field == "place"):
			what = "at " + v.Value
		case v.Value != "":
			what = v.Field + ": " + v.Value
		default:
			continue
		}
		out = append(out, versionLine{src, what})
	}
	return out
}

// sourceLabel names a source briefly, as the chronology's version lines
// do: as an in-text citation names it (its authors' surnames, else its
// short title), else by its id.
func sourceLabel(doc *content.Document, id string) string {
	if n := content.InTextName(doc.SourceByID[id]); n != "" {
		return n
	}
	return id
}

// placed is where a date stands in the chronology: by its start, but an
// interval open or unknown at the start ("by April 1920") by its end, as
// a reader looks for it there, not before everything else.
func placed(d content.Date) content.Date {
	if d.Interval && (d.Start.Open || d.Start.Unknown) && !d.End.Open && !d.End.Unknown {
		return content.Date{Start: d.End, End: d.End}
	}
	return d
}

// eventCites is every source an event gives: its citations, then the
// sources of its versions not already cited.
func eventCites(e *content.Event) []content.Cite {
	cites := append([]content.Cite(nil), e.Cite...)
	seen := map[string]bool{}
	for _, c := range cites {
		seen[citeKey(c.Source, c.Locator)] = true
	}
	for _, v := range e.Versions {
		if k := citeKey(v.Source, v.Locator); !seen[k] {
			seen[k] = true
			cites = append(cites, content.Cite{Source: v.Source, Locator: v.Locator, Pos: v.Pos})
		}
	}
	return cites
}

// chronoCols are the table's column edges, relative to the text block.
type chronoCols struct {
	date, track, title, notes Pt // left edges (notes: right edge = width)
	dateW, trackW, titleW     Pt
	width                     Pt
}

func chronoColumns(rows []chronoRow, width Pt, st *Style, m Measurer) chronoCols {
	reg := st.font(Regular)
	size := st.NoteSize
	const gap = 10
	// Each column as wide as its longest entry, within bounds; the
	// event's title takes what is left.
	var dateW, trackW, notesW Pt
	notesW = m.Width("Notes", st.font(Italic), size)
	for _, r := range rows {
		dateW = max(dateW, m.Width(r.ev.Date.String(), reg, size))
		trackW = max(trackW, m.Width(r.track, reg, size))
		notesW = max(notesW, m.Width(joinInts(r.notes), reg, size))
	}
	c := chronoCols{width: width}
	c.dateW = min(dateW, width*0.2)
	c.trackW = min(trackW, width*0.2)
	notesW = min(notesW, width*0.1)
	c.track = c.dateW + gap
	c.title = c.track + c.trackW + gap
	c.notes = width - notesW
	c.titleW = c.notes - gap - c.title
	return c
}

// chronologyPages sets the chronology as a table on as many portrait
// pages as it needs. It builds the pages itself rather than through the
// flow, because every page repeats the header row; a row is split only
// if it is taller than a page.
// Notes the chronology registered itself are set at the foot of the page
// of their row.
func chronologyPages(rows []chronoRow, notes map[int]*Note, g geometry, st *Style, m Measurer) []*Page {
	f := g.frame
	x0 := f.Left
	width := g.page.W - f.Left - f.Right
	cols := chronoColumns(rows, width, st, m)
	size, leading := st.NoteSize, st.NoteLeading
	reg, it, bold := st.font(Regular), st.font(Italic), st.font(Bold)
	asc := m.Ascent(reg, size)
	const rowGap = 3.5

	var pages []*Page
	var page *Page
	var y Pt
	var pageNotes []int
	context := false
	for _, r := range rows {
		context = context || r.ev.Context
	}

	header := func() {
		page.Items = append(page.Items, Rule{X1: x0, Y1: y, X2: x0 + width, Y2: y, Width: 0.8, Color: Black})
		y += 3 + asc
		for _, h := range []struct {
			x     Pt
			text  string
			right bool
		}{{cols.date, "Date", false}, {cols.track, "Track", false}, {cols.title, "Event", false}, {width, "Notes", true}} {
			w := m.Width(h.text, it, size)
			x := x0 + h.x
			if h.right {
				x -= w
			}
			page.Items = append(page.Items, Text{X: x, Y: y, Text: h.text, Font: it, Size: size, Color: Black, W: w})
		}
		y += leading - asc + 1
		page.Items = append(page.Items, Rule{X1: x0, Y1: y, X2: x0 + width, Y2: y, Width: 0.4, Color: Black})
		y += rowGap
	}
	empty := true // no row on the page yet
	newPage := func(first bool) {
		page = &Page{Size: g.page}
		empty = true
		pages = append(pages, page)
		pageNotes = nil
		y = f.Top
		if first {
			hs := st.HeadSize[0]
			ha := m.Ascent(bold, hs)
			page.Items = append(page.Items, Dest{Name: "chronology", X: x0, Y: y})
			page.Items = append(page.Items, Text{X: x0, Y: y + ha, Text: "Chronology", Font: bold, Size: hs, Color: Black, W: m.Width("Chronology", bold, hs)})
			y += st.HeadLeading[0] + st.HeadAfter[0]
			intro := "Every event in date order, with its summary and the notes that give its sources; where sources differ, each other version under it, with its source."
			if context {
				intro += " Events in italics are context, before or after the main period."
			}
			items, n := setLines([]Run{{Text: intro, Font: reg, Size: st.BodySize - 1, Color: Black}}, x0, y+m.Ascent(reg, st.BodySize-1), width, st.QuoteLeading, Left, m)
			page.Items = append(page.Items, items...)
			y += Pt(n)*st.QuoteLeading + 8
		}
		header()
	}
	finish := func() {
		page.Items = append(page.Items, Rule{X1: x0, Y1: y - rowGap + 2, X2: x0 + width, Y2: y - rowGap + 2, Width: 0.8, Color: Black})
		if len(pageNotes) > 0 {
			items, h := footNotes(pageNotes, notes, width, (g.page.H-f.Top-f.Bottom)/3, st, m)
			page.Items = append(page.Items, shift(items, x0, g.page.H-f.Bottom-h)...)
		}
	}

	newPage(true)
	for _, r := range rows {
		font := reg
		if r.ev.Context {
			font = it
		}
		by := y + asc
		var cells []Item
		d, n1 := setLines([]Run{{Text: r.ev.Date.String(), Font: reg, Size: size, Color: Black, NoBreak: true}}, x0+cols.date, by, cols.dateW, leading, Left, m)
		t, n2 := setLines([]Run{{Text: r.track, Font: reg, Size: size, Color: Black}}, x0+cols.track, by, cols.trackW, leading, Left, m)
		e, n3 := setLines([]Run{{Text: numberDashes(r.ev.Title), Font: font, Size: size, Color: Black}}, x0+cols.title, by, cols.titleW, leading, Left, m)
		cells = append(append(append(cells, d...), t...), e...)
		// The event's summary under its title, then every other
		// version, a line (or more) each, indented a little, its source
		// in italics.
		if sum := strings.TrimSpace(r.ev.Summary); sum != "" {
			v, nv := setLines([]Run{{Text: numberDashes(sum), Font: font, Size: size, Color: Black}}, x0+cols.title+6, by+Pt(n3)*leading, cols.titleW-6, leading, Left, m)
			cells = append(cells, v...)
			n3 += nv
		}
		for _, vl := range r.versions {
			runs := []Run{{Text: vl.source + ": ", Font: it, Size: size, Color: Black}, {Text: numberDashes(vl.what), Font: reg, Size: size, Color: Black}}
			v, nv := setLines(runs, x0+cols.title+6, by+Pt(n3)*leading, cols.titleW-6, leading, Left, m)
			cells = append(cells, v...)
			n3 += nv
		}
		n4 := 0
		if len(r.notes) > 0 {
			// Each number links to its note; a note the chronology
			// registered has its marker ("ref-N", as the engine names
			// markers) here, so it is set at the foot of this page.
			var runs []Run
			for k, n := range r.notes {
				s := strconv.Itoa(n)
				if k < len(r.notes)-1 {
					s += ", "
				}
				run := Run{Text: s, Font: reg, Size: size, Color: Black, Link: noteName(n)}
				if slices.Contains(r.own, n) {
					run.Dest = "ref-" + strconv.Itoa(n)
				}
				runs = append(runs, run)
			}
			var its []Item
			its, n4 = setLines(runs, x0+cols.notes, by, width-cols.notes, leading, Right, m)
			cells = append(cells, its...)
		}
		h := Pt(max(n1, n2, n3, n4, 1))*leading + rowGap
		// Does the row fit, with the notes it brings to this page?
		limit := func(extra []int) Pt {
			all := append(append([]int(nil), pageNotes...), extra...)
			_, nh := footNotes(all, notes, width, (g.page.H-f.Top-f.Bottom)/3, st, m)
			if nh > 0 {
				nh += 10
			}
			return g.page.H - f.Bottom - nh
		}
		if y+h > limit(r.own) && !empty {
			finish()
			newPage(false)
			cells = shift(cells, 0, y+asc-by)
			by = y + asc
		}
		page.Items = append(page.Items, Dest{Name: "event-" + r.ev.ID, X: x0, Y: y})
		pageNotes = append(pageNotes, r.own...)
		// A row taller than the page (a title of thousands of letters)
		// is split between lines: the lines that fit here, the rest on
		// the next page under the header repeated, so no text is lost.
		for y+h > limit(nil) {
			fit := int((limit(nil) - y - rowGap) / leading)
			if fit < 1 {
				break // not even one line fits on an empty page: set it anyway
			}
			// Between the last baseline that fits and the top of the
			// next line's link or destination (a size above its baseline).
			cut := by + Pt(fit-1)*leading + (leading-size)/2
			var here, rest []Item
			for _, c := range cells {
				if itemY(c) <= cut {
					here = append(here, c)
				} else {
					rest = append(rest, c)
				}
			}
			page.Items = append(page.Items, here...)
			y += Pt(fit)*leading + rowGap
			finish()
			newPage(false)
			next := by + Pt(fit)*leading
			cells = shift(rest, 0, y+asc-next)
			by = y + asc
			h -= Pt(fit) * leading
		}
		page.Items = append(page.Items, cells...)
		y += h
		empty = false
	}
	finish()
	return pages
}

// itemY is where a cell's item stands, to tell its line.
func itemY(it Item) Pt {
	switch v := it.(type) {
	case Text:
		return v.Y
	case Link:
		return v.Y
	case Dest:
		return v.Y
	}
	return 0
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}
