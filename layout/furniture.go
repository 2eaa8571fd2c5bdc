package layout

import (
	"fmt"
	"strconv"
	"strings"

	"annalist/content"
)

// geometry is the page design for one paper size.
type geometry struct {
	page  Size  // portrait text pages
	frame Frame // the text block of a portrait page
	// headY is the running head's baseline, ruleY the rule under it,
	// folioY the page number's baseline.
	headY, ruleY, folioY Pt
	// land is the landscape chart page and its margin.
	land       Size
	landMargin Pt
	landTop    Pt
}

// geometryFor returns the page design for paper ("a4" or "letter").
// The text block is about 68 characters of 11pt Noto Serif wide (391pt
// on A4; measured 69 on the default handout), centred, with a little
// more margin below than above, as on a classic book page.
func geometryFor(paper string) (geometry, error) {
	var g geometry
	switch strings.ToLower(paper) {
	case "", "a4":
		g.page = A4
		g.frame = Frame{Size: A4, Top: 84, Bottom: 90, Left: 102, Right: 102}
	case "letter", "us-letter", "usletter":
		g.page = Letter
		g.frame = Frame{Size: Letter, Top: 76, Bottom: 80, Left: 108, Right: 108}
	default:
		return g, fmt.Errorf("paper %q: want a4 or letter", paper)
	}
	g.frame.NoteGap = 12
	g.frame.NoteSpacing = 2.5
	g.frame.ContinuedLabel = "(continued)"
	g.headY = g.frame.Top - 30
	g.ruleY = g.headY + 4
	g.folioY = g.page.H - g.frame.Bottom + 40
	g.land = g.page.Landscape()
	g.landMargin = 40
	g.landTop = 58
	return g, nil
}

// titlePage sets the title page: title a third of the way down, the
// subtitle under it, author and date lower; no running head, no folio.
func titlePage(doc *content.Document, g geometry, st *Style, m Measurer) *Page {
	p := &Page{Size: g.page}
	x, w := g.frame.Left, g.page.W-g.frame.Left-g.frame.Right
	y := g.page.H * 0.30
	add := func(text string, fs FontStyle, size, leading, after Pt) {
		if text == "" {
			return
		}
		items, n := setLines([]Run{{Text: text, Font: st.font(fs), Size: size, Color: Black}}, x, y, w, leading, Center, m)
		p.Items = append(p.Items, items...)
		y += Pt(n)*leading + after
	}
	add(numberDashes(doc.Title), Bold, 24, 30, 10)
	add(numberDashes(doc.Subtitle), Italic, 14, 18, 0)
	y += 18
	p.Items = append(p.Items, Rule{X1: g.page.W/2 - 36, Y1: y, X2: g.page.W/2 + 36, Y2: y, Width: 0.6, Color: Black})
	y = g.page.H * 0.58
	add(doc.Author, Regular, 13, 17, 6)
	add(doc.DateText(), Regular, 11, 14, 0)
	return p
}

// tocEntry is one line of the contents.
type tocEntry struct {
	title string
	level int // 1 or 2
	dest  string
	page  int // printed page number (1 = title page)
}

// tocBlocks sets the contents as blocks for the flow: a heading, then a
// line per entry with dot leaders and the page number right-aligned,
// each line a link to its section.
func tocBlocks(entries []tocEntry, width Pt, st *Style, m Measurer) []Para {
	out := []Para{{Kind: Heading, Level: 1, Align: Left, Leading: st.HeadLeading[0], SpaceAfter: 14,
		Runs: []Run{{Text: "Contents", Font: st.font(Bold), Size: st.HeadSize[0], Color: Black}}}}
	size, leading := st.BodySize, st.BodyLeading
	numW := m.Width("0000", st.font(Regular), size)
	dotFont := st.font(Regular)
	dotW := m.Width(". ", dotFont, size)
	for _, e := range entries {
		indent := Pt(0)
		fs := Regular
		before := Pt(0)
		if e.level <= 1 {
			before = 5
		} else {
			indent = 16
		}
		font := st.font(fs)
		asc := m.Ascent(font, size)
		titleW := width - indent - numW - 12
		items, n := setLines([]Run{{Text: e.title, Font: font, Size: size, Color: Black}}, indent, asc, titleW, leading, Left, m)
		// The leaders run from the end of the title's last line to the
		// number, on a grid shared by every line, so they align.
		lastEnd := indent
		for _, it := range items {
			if t, ok := it.(Text); ok && t.Y == asc+Pt(n-1)*leading {
				lastEnd = max(lastEnd, t.X+t.W)
			}
		}
		num := strconv.Itoa(e.page)
		nw := m.Width(num, font, size)
		by := asc + Pt(n-1)*leading
		var dots strings.Builder
		start := Pt(0)
		for dx := Pt(0); dx+dotW <= width; dx += dotW {
			if dx < lastEnd+6 {
				continue
			}
			if dx+dotW > width-nw-6 {
				break
			}
			if dots.Len() == 0 {
				start = dx
			}
			dots.WriteString(". ")
		}
		if dots.Len() > 0 {
			s := strings.TrimRight(dots.String(), " ")
			items = append(items, Text{X: start, Y: by, Text: s, Font: dotFont, Size: size, Color: Black, W: m.Width(s, dotFont, size)})
		}
		items = append(items, Text{X: width - nw, Y: by, Text: num, Font: font, Size: size, Color: Black, W: nw})
		h := Pt(n) * leading
		items = append(items, Link{X: 0, Y: 0, W: width, H: h, Dest: e.dest})
		out = append(out, Para{Kind: Figure, Height: h, Items: items, SpaceBefore: before, Leading: leading})
	}
	return out
}

// headAndFolio adds the running head (the handout's title left, the
// section right, small capitals over a rule) and the page number.
func headAndFolio(p *Page, folio int, left, right string, portrait bool, g geometry, st *Style, m Measurer) {
	x1, x2 := g.frame.Left, p.Size.W-g.frame.Right
	headY, ruleY, folioY := g.headY, g.ruleY, g.folioY
	if !portrait {
		x1, x2 = g.landMargin, p.Size.W-g.landMargin
		headY, ruleY, folioY = g.landTop-22, g.landTop-18, p.Size.H-g.landMargin/2
	}
	font := st.font(Regular)
	size := st.HeadlineSize - 1
	// Small capitals, faked: capitals a size smaller, spaced a little.
	caps := func(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), " ")) }
	l, r := caps(numberDashes(left)), caps(numberDashes(right))
	avail := (x2 - x1) / 2
	l, r = fitText(l, font, size, avail-8, m), fitText(r, font, size, avail-8, m)
	if l != "" {
		p.Items = append(p.Items, Text{X: x1, Y: headY, Text: l, Font: font, Size: size, Color: Black, W: m.Width(l, font, size)})
	}
	if r != "" {
		w := m.Width(r, font, size)
		p.Items = append(p.Items, Text{X: x2 - w, Y: headY, Text: r, Font: font, Size: size, Color: Black, W: w})
	}
	p.Items = append(p.Items, Rule{X1: x1, Y1: ruleY, X2: x2, Y2: ruleY, Width: 0.4, Color: Black})
	num := strconv.Itoa(folio)
	fs := st.HeadlineSize + 0.5
	w := m.Width(num, font, fs)
	p.Items = append(p.Items, Text{X: (x1+x2)/2 - w/2, Y: folioY, Text: num, Font: font, Size: fs, Color: Black, W: w})
}

// fitText shortens s with an ellipsis until it fits in w.
func fitText(s string, f Font, size, w Pt, m Measurer) string {
	if m.Width(s, f, size) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ,;:") + "…"
		if m.Width(t, f, size) <= w {
			return t
		}
	}
	return ""
}

// footNotes sets notes at the foot of a page that the engine does not
// flow (chart and chronology pages): a short rule, then the notes, in
// the fewest columns (up to four, none too narrow) that keep them under
// maxH, or else the lowest setting, each note a
// hanging paragraph after its number. It returns the items, relative to
// the top-left of the notes area, and their height.
func footNotes(nums []int, notes map[int]*Note, width, maxH Pt, st *Style, m Measurer) ([]Item, Pt) {
	if len(nums) == 0 {
		return nil, 0
	}
	const gutter = 14
	var best []Item
	bestH := Pt(0)
	// No column narrower than about 30 characters of note type.
	maxCols := max(1, min(4, int((width+gutter)/(st.NoteSize*17+gutter))))
	for cols := 1; cols <= maxCols; cols++ {
		colW := (width - gutter*Pt(cols-1)) / Pt(cols)
		// Set each note once to learn its height, then fill columns in
		// order, balancing them: start a new column when this one holds
		// its share of the total.
		type setNote struct {
			items []Item
			h     Pt
		}
		var set []setNote
		total := Pt(0)
		for _, n := range nums {
			items, h := setNote1(n, notes[n], colW, st, m)
			set = append(set, setNote{items, h})
			total += h + st.NoteLeading*0.25
		}
		// Balance the columns: the least column height at which the
		// notes, in order, fill no more than cols columns.
		space := st.NoteLeading * 0.25
		fill := func(limit Pt) (int, []Pt) {
			col, y := 0, Pt(0)
			tops := make([]Pt, len(set))
			for i, s := range set {
				if y > 0 && y+s.h > limit {
					col++
					y = 0
				}
				tops[i] = Pt(col)*1e6 + y
				y += s.h + space
			}
			return col + 1, tops
		}
		lo, hi := Pt(0), total
		for range 30 {
			mid := (lo + hi) / 2
			if n, _ := fill(mid); n <= cols {
				hi = mid
			} else {
				lo = mid
			}
		}
		_, tops := fill(hi)
		var items []Item
		colH := Pt(0)
		for i, s := range set {
			col := int(tops[i] / 1e6)
			y := tops[i] - Pt(col)*1e6 + 8
			items = append(items, shift(s.items, Pt(col)*(colW+gutter), y)...)
			colH = max(colH, y+s.h)
		}
		items = append(items, Rule{X1: 0, Y1: 0, X2: 72, Y2: 0, Width: 0.4, Color: Black})
		if best == nil || colH < bestH {
			best, bestH = items, colH
		}
		if colH <= maxH {
			break
		}
	}
	return best, bestH
}

// setNote1 sets one note: its number, then its text with a hanging
// indent so the numbers stand out in a column.
func setNote1(num int, n *Note, w Pt, st *Style, m Measurer) ([]Item, Pt) {
	font := st.font(Regular)
	label := strconv.Itoa(num) + "."
	hang := m.Width("00.", font, st.NoteSize) + 3
	lw := m.Width(label, font, st.NoteSize)
	asc := m.Ascent(font, st.NoteSize)
	items := []Item{
		Text{X: hang - 3 - lw, Y: asc, Text: label, Font: font, Size: st.NoteSize, Color: Black, W: lw},
		Dest{Name: noteName(num), X: 0, Y: 0},
	}
	y := asc
	if n == nil {
		return items, st.NoteLeading
	}
	for _, p := range n.Paras {
		its, lines := setLines(p.Runs, hang, y, w-hang, st.NoteLeading, Left, m)
		items = append(items, its...)
		y += Pt(lines) * st.NoteLeading
	}
	return items, y - asc + (st.NoteLeading - asc)
}

// noteName is the destination name of a note set by this file.
func noteName(n int) string { return "note-" + strconv.Itoa(n) }

// shift moves items by (dx, dy).
func shift(items []Item, dx, dy Pt) []Item {
	out := make([]Item, 0, len(items))
	for _, it := range items {
		out = append(out, shiftItem(it, dx, dy))
	}
	return out
}

// runInNotes sets notes run in, one after another in a continuous
// paragraph ("1. Text. 2. Text."), in balanced columns: the most compact
// setting, for a figure's page, where a chart that cites every event
// brings twenty notes or more and the figure needs the height. Each
// number carries the note's destination ("note-N").
func runInNotes(nums []int, notes map[int]*Note, width Pt, st *Style, m Measurer) ([]Item, Pt) {
	if len(nums) == 0 {
		return nil, 0
	}
	const gutter = 14
	cols := max(1, min(4, int((width+gutter)/(st.NoteSize*20+gutter))))
	colW := (width - gutter*Pt(cols-1)) / Pt(cols)
	font := st.font(Regular)
	var runs []Run
	for i, n := range nums {
		lead := strconv.Itoa(n) + "."
		if i > 0 {
			// An em space between notes, so each number stands clear.
			runs = append(runs, Run{Text: " \u2002", Font: font, Size: st.NoteSize, Color: Black})
		}
		// A no-break space ties the number to the note's first word, so
		// a number never ends a line with its text on the next.
		runs = append(runs, Run{Text: lead, Font: st.font(Bold), Size: st.NoteSize, Color: Black, Dest: noteName(n)},
			Run{Text: "\u00a0", Font: font, Size: st.NoteSize, Color: Black})
		if nt := notes[n]; nt != nil {
			for k, p := range nt.Paras {
				if k > 0 {
					runs = append(runs, Run{Text: " ", Font: font, Size: st.NoteSize, Color: Black})
				}
				for _, r := range p.Runs {
					r.Size = st.NoteSize
					runs = append(runs, r)
				}
			}
		}
	}
	asc := m.Ascent(font, st.NoteSize)
	items, lines := setLines(runs, 0, 0, colW, st.NoteLeading, Left, m)
	per := (lines + cols - 1) / cols
	// Move each line to its column: line i goes to column i/per.
	var out []Item
	for _, it := range items {
		var y Pt
		switch v := it.(type) {
		case Text:
			y = v.Y
		case Link:
			y = v.Y + v.H*0.8
		case Dest:
			y = v.Y + st.NoteSize
		}
		line := int(y/st.NoteLeading + 0.5)
		col := line / per
		dy := -Pt(col*per)*st.NoteLeading + 8 + asc
		out = append(out, shift([]Item{it}, Pt(col)*(colW+gutter), dy)...)
	}
	out = append(out, Rule{X1: 0, Y1: 0, X2: 72, Y2: 0, Width: 0.4, Color: Black})
	return out, 8 + Pt(per)*st.NoteLeading
}

// numberDashes sets a hyphen between two numbers as an en dash
// ("1918-1921" prints "1918–1921"): titles come from YAML, where the
// Markdown typographer does not reach.
//
// It also curls straight quotes, as the typographer does for the
// narrative: an opening quote at the start or after a space or bracket,
// a closing one (or an apostrophe) elsewhere.
func numberDashes(s string) string {
	b := []byte(s)
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		opening := i == 0 || strings.IndexByte(" \t([{–—", b[i-1]) >= 0 || strings.HasSuffix(out.String(), "–")
		switch {
		case b[i] == '-' && i > 0 && i+1 < len(b) && isDigit(b[i-1]) && isDigit(b[i+1]):
			out.WriteString("–")
		case b[i] == '"' && opening:
			out.WriteString("“")
		case b[i] == '"':
			out.WriteString("”")
		case b[i] == '\'' && opening:
			out.WriteString("‘")
		case b[i] == '\'':
			out.WriteString("’")
		default:
			out.WriteByte(b[i])
		}
	}
	return out.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitDashes sets a hyphen between two digits as an en dash.
func digitDashes(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	b := []byte(s)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == '-' && isDigit(b[i-1]) && isDigit(b[i+1]) {
			return s[:i] + "–" + digitDashes(s[i+1:])
		}
	}
	return s
}
