package layout

// Style is the handout's type: sizes, leadings and indents of every kind
// of block. DefaultStyle is a classic book page: 11pt serif on 14.5pt.
type Style struct {
	Family string // body family ("serif")

	BodySize, BodyLeading   Pt
	ParIndent               Pt // first-line indent of a paragraph that follows another
	QuoteSize, QuoteLeading Pt
	QuoteIndent             Pt // both sides
	ListIndent              Pt // per level of nesting
	NoteSize, NoteLeading   Pt
	// Heading sizes and leadings by level (index 0 = level 1).
	HeadSize, HeadLeading [3]Pt
	HeadBefore, HeadAfter [3]Pt
	// Furniture.
	HeadlineSize Pt // running heads and folios
	SmallSize    Pt // chronology table, chart-page notes (never under 7pt)
	SmallLeading Pt
}

// DefaultStyle returns the house style.
func DefaultStyle() *Style {
	return &Style{
		Family:       "serif",
		BodySize:     11,
		BodyLeading:  14.5,
		ParIndent:    14,
		QuoteSize:    10,
		QuoteLeading: 13,
		QuoteIndent:  20,
		ListIndent:   18,
		NoteSize:     8.5,
		NoteLeading:  10.5,
		HeadSize:     [3]Pt{15, 12, 11},
		HeadLeading:  [3]Pt{19, 15, 14.5},
		HeadBefore:   [3]Pt{22, 14, 10},
		HeadAfter:    [3]Pt{8, 5, 3},
		HeadlineSize: 8.5,
		SmallSize:    8,
		SmallLeading: 10,
	}
}

func (st *Style) font(s FontStyle) Font { return Font{Family: st.Family, Style: s} }

// notePara wraps note runs in a note paragraph.
func (st *Style) notePara(runs []Run) Para {
	return Para{Kind: NoteText, Runs: runs, Align: Justify, Leading: st.NoteLeading}
}

// chartNotes is the style of the notes at the foot of a figure's page:
// a little smaller, since a chart cites many events at once.
func (st *Style) chartNotes() *Style {
	c := *st
	c.NoteSize, c.NoteLeading = st.SmallSize-0.5, st.SmallLeading-1
	return &c
}
