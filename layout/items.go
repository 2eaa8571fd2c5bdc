package layout

import "annalist/content"

// Pt is a length in PDF points (1/72 inch). Coordinates are in points with
// the origin at the top-left of the page and y growing downward, as in fpdf
// and go-chart, so nothing is flipped between stages.
type Pt float64

// Standard page sizes, portrait.
var (
	A4     = Size{W: 595.28, H: 841.89}
	Letter = Size{W: 612, H: 792}
)

// Size is a page size.
type Size struct{ W, H Pt }

// Landscape returns the size turned on its side.
func (s Size) Landscape() Size { return Size{W: s.H, H: s.W} }

// Color is an RGB colour, 0-255 per channel.
type Color struct{ R, G, B uint8 }

// Common colours.
var (
	Black = Color{0, 0, 0}
	White = Color{255, 255, 255}
)

// Document is the display list: what to print, page by page, and nothing
// of how it was laid out.
type Document struct {
	Pages    []*Page
	Meta     Meta
	Outline  []Bookmark
	Warnings []string
}

// Meta is the PDF's document information.
type Meta struct {
	Title, Author, Subject, Keywords, Creator string
	// Date is the creation and modification date as Unix seconds; fixed so
	// the output is byte-identical for the same input. 0 with DateSet
	// false means none: the writer then takes SOURCE_DATE_EPOCH, or a
	// fixed date.
	Date int64
	// DateSet says Date is set even when it is 0 (1970-01-01).
	DateSet bool
}

// Bookmark is one entry of the PDF outline.
type Bookmark struct {
	Title string
	Level int // 0 = top
	Page  int // index into Document.Pages
	Y     Pt
}

// Page is one page: its size and its items, drawn in order.
type Page struct {
	Size  Size
	Items []Item
}

// Item is one positioned, self-styled thing on a page. The concrete types
// are Text, Rule, Rect, Path, Link and Dest.
type Item interface{ isItem() }

// FontStyle selects a face of a family.
type FontStyle uint8

// Font styles.
const (
	Regular FontStyle = iota
	Italic
	Bold
	BoldItalic
)

// Font names a face: a family ("serif", "sans", or a fallback family the
// fonts package knows) and a style.
type Font struct {
	Family string
	Style  FontStyle
}

// Text is a run of text in one font, its baseline starting at (X, Y).
type Text struct {
	X, Y  Pt // Y is the baseline
	Text  string
	Font  Font
	Size  Pt
	Color Color
	// W is the run's advance width as drawn (HScale applied); used for
	// overlap checks.
	W Pt
	// HScale scales the glyphs horizontally (PDF's Tz): 1.02 draws them
	// 2% wider, advances included. The zero value means 1, unscaled.
	// Justified lines set it for font expansion; see expandStretch.
	HScale float64
	// Rise raises the baseline (superscripts), already applied to Y.
}

// hscale is t's horizontal scale, the zero value read as 1.
func (t Text) hscale() float64 {
	if t.HScale == 0 {
		return 1
	}
	return t.HScale
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 Pt
	Width          Pt
	Color          Color
	Dash           []Pt // dash pattern; nil is solid
}

// Rect is a rectangle, filled and/or stroked.
type Rect struct {
	X, Y, W, H  Pt
	Fill        *Color
	Stroke      *Color
	StrokeWidth Pt
	Dash        []Pt
	// Hatch fills the rectangle with a print-safe pattern on top of Fill:
	// "", "hatch" (diagonal lines), "backhatch", "cross", "dots", "vertical".
	Hatch      string
	HatchColor Color
}

// PathOp is one operation of a path.
type PathOp struct {
	Op  byte // 'M' move, 'L' line, 'C' cubic (3 points), 'Z' close
	Pts []Pt // x,y pairs
}

// Path is a vector path, filled and/or stroked.
type Path struct {
	Ops         []PathOp
	Fill        *Color
	Stroke      *Color
	StrokeWidth Pt
	Dash        []Pt
}

// Link is a clickable area that goes to a named destination (internal) or
// a URL (external).
type Link struct {
	X, Y, W, H Pt
	Dest       string // a Dest name, for internal links
	URL        string
}

// Dest is a named destination at a point on the page.
type Dest struct {
	Name string
	X, Y Pt
}

func (Text) isItem() {}
func (Rule) isItem() {}
func (Rect) isItem() {}
func (Path) isItem() {}
func (Link) isItem() {}
func (Dest) isItem() {}

// Measurer measures text. The real one reads the embedded fonts' metrics;
// tests use fixed widths so line breaking and placement are exact. It must
// be safe for concurrent use: the flow sets paragraphs on several
// goroutines at once.
type Measurer interface {
	// Width is the advance width of s set in font f at size.
	Width(s string, f Font, size Pt) Pt
	// Ascent and Descent are the font's extents above and below the
	// baseline at size (Descent positive).
	Ascent(f Font, size Pt) Pt
	Descent(f Font, size Pt) Pt
}

// Notes numbers notes in the document's one footnote sequence, shared by
// the chart pages and the narrative.
type Notes interface {
	// Cite registers a note citing cites (in order) and returns its
	// number. The note's text is formatted by the citation formatter when
	// the page's notes are set.
	Cite(cites []content.Cite) int
}

// Block is something another package (charts) lays out into a box and
// hands to layout to place on a page: a figure.
type Block interface {
	// Layout draws the block into a box of width w and height h whose
	// top-left corner is (x, y). Notes it cites are registered with notes,
	// whose numbers the block prints; layout sets those notes at the foot
	// of the page the block lands on.
	Layout(x, y, w, h Pt, m Measurer, notes Notes) ([]Item, error)
}
