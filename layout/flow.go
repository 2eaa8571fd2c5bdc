package layout

// This file is the contract of the page-flow engine: text blocks in,
// pages of items out, with every footnote on the page of its marker. The
// implementation is being written.

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
	// are relative to the block's top-left corner.
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
	// NoteSpacing between two notes.
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

// Flow sets blocks onto as many pages as needed, with notes at the foot
// of the page that holds their marker.
func Flow(blocks []Para, notes map[int]*Note, frame Frame, m Measurer) (*FlowResult, error) {
	panic("unimplemented")
}
