package layout

// This file is the PDF writer, the only code in Annalist that imports
// fpdf. fpdf is used as a dumb sink: auto page break off, every item drawn
// at an absolute position, nothing laid out here. The display list is
// validated completely before the first fpdf call, because fpdf reports
// some failures only by printing to stdout and panics on others (runes
// above U+FFFF); after validation, its sticky Error() is checked once.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"annalist/fonts"
)

// WritePDFOptions tune WritePDF. The zero value writes the document as
// designed.
type WritePDFOptions struct {
	// Grayscale converts every colour to its luma (0.299 R + 0.587 G +
	// 0.114 B), for the --grayscale preview of a black-and-white print.
	Grayscale bool

	// uncompressed leaves content streams readable, for tests that
	// inspect the operators.
	uncompressed bool
}

// WritePDF writes doc to w as a PDF.
func WritePDF(w io.Writer, doc *Document) error {
	return WritePDFWith(w, doc, WritePDFOptions{})
}

// WritePDFWith writes doc to w as a PDF with options. It writes nothing
// when doc is invalid: every problem found is returned at once. The output
// is byte-identical for the same document, options and date.
func WritePDFWith(w io.Writer, doc *Document, opts WritePDFOptions) error {
	date, err := docDate(doc)
	if err != nil {
		return err
	}
	pw := &pdfWriter{opts: opts, m: newFontMeasurer(), patterns: map[patternKey]string{}}
	if err := pw.validate(doc); err != nil {
		return err
	}
	pdf := pw.render(doc, date)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// epoch is the date stamped on a document that has none and no
// SOURCE_DATE_EPOCH: a fixed date rather than now, so output is stable.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// minDate and maxDate bound a PDF date (ISO 32000-1, 7.9.4: a four-digit
// year): 0001-01-01 and 9999-12-31 23:59:59 UTC, in Unix seconds.
const (
	minDate = -62135596800
	maxDate = 253402300799
)

// docDate is the creation and modification date: Meta.Date when set
// (non-zero, or DateSet), else SOURCE_DATE_EPOCH (the reproducible-builds
// convention), else epoch.
func docDate(doc *Document) (time.Time, error) {
	if doc != nil && (doc.Meta.Date != 0 || doc.Meta.DateSet) {
		if d := doc.Meta.Date; d < minDate || d > maxDate {
			return time.Time{}, fmt.Errorf("pdf: date %d is outside the years 1-9999 a PDF date can hold", d)
		}
		return time.Unix(doc.Meta.Date, 0).UTC(), nil
	}
	sec, set, err := SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return time.Time{}, fmt.Errorf("pdf: %w", err)
	}
	if set {
		return time.Unix(sec, 0).UTC(), nil
	}
	return epoch, nil
}

// SourceDateEpoch reads a value of the SOURCE_DATE_EPOCH variable as the
// reproducible-builds specification has it: empty means unset (set is
// false); otherwise it must be a decimal number of seconds since
// 1970-01-01 00:00:00 UTC, 0 included, and (for a PDF date) no later
// than the year 9999. Anything else, a sign, a fraction, white space, a
// number too large, is an error naming the variable and the value.
func SourceDateEpoch(s string) (sec int64, set bool, err error) {
	if s == "" {
		return 0, false, nil
	}
	bad := func(why string) error {
		return fmt.Errorf("SOURCE_DATE_EPOCH=%q %s; give the seconds since 1970-01-01 00:00 UTC (0 or more, as date +%%s prints them), or leave it empty", s, why)
	}
	digits := func(t string) bool {
		return t != "" && strings.Trim(t, "0123456789") == ""
	}
	switch {
	case s[0] == '-' && digits(s[1:]):
		return 0, false, bad("is negative")
	case !digits(s):
		return 0, false, bad("is not a whole number of seconds")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > maxDate {
		return 0, false, bad("is after the year 9999, the last a PDF date can hold")
	}
	return n, true, nil
}

// pdfWriter carries what validation learns into drawing.
type pdfWriter struct {
	opts WritePDFOptions
	m    *FontMeasurer
	// dests maps each Dest name to where it is, found before drawing
	// because a link may point forward.
	dests map[string]destPos
	// used lists the faces that draw something, in fonts.Faces order, so
	// only those are embedded and always in the same order.
	used map[*fonts.Face]bool
	// links maps a Dest name to its fpdf link id.
	links map[string]int
	// patterns maps each hatch pattern added to fpdf to its name, so each
	// is made once.
	patterns map[patternKey]string
}

type destPos struct {
	page int // index into Document.Pages
	y    Pt
}

// hatches are the Rect.Hatch patterns the writer draws.
var hatches = map[string]bool{"": true, "hatch": true, "backhatch": true, "cross": true, "dots": true, "vertical": true}

// validate checks the whole document and returns every problem found,
// joined. It also records the destinations and the faces used.
func (pw *pdfWriter) validate(doc *Document) error {
	if doc == nil {
		return errors.New("pdf: no document")
	}
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("pdf: "+format, args...))
	}
	if len(doc.Pages) == 0 {
		bad("document has no pages")
	}
	checkString := func(what, s string) {
		if !utf8.ValidString(s) {
			bad("%s %q is not valid UTF-8", what, s)
			return
		}
		for _, r := range s {
			if r > 0xFFFF {
				bad("%s %q: %U is outside the Basic Multilingual Plane, which the PDF writer cannot encode", what, s, r)
				return
			}
		}
	}
	m := doc.Meta
	checkString("title", m.Title)
	checkString("author", m.Author)
	checkString("subject", m.Subject)
	checkString("keywords", m.Keywords)
	checkString("creator", m.Creator)

	pw.dests = map[string]destPos{}
	pw.used = map[*fonts.Face]bool{}
	for pi, p := range doc.Pages {
		where := fmt.Sprintf("page %d", pi+1)
		if p == nil {
			bad("%s: nil page", where)
			continue
		}
		if !finite(p.Size.W, p.Size.H) || p.Size.W <= 0 || p.Size.H <= 0 {
			bad("%s: bad page size %.2fx%.2f", where, p.Size.W, p.Size.H)
		}
		for ii, it := range p.Items {
			at := itemAt{pi, ii}
			switch it := it.(type) {
			case Text:
				pw.validateText(at, it, bad)
			case Rule:
				if !finite(it.X1, it.Y1, it.X2, it.Y2, it.Width) || it.Width < 0 {
					bad("%s: rule has a bad coordinate or width", at)
				}
				checkDash(at, it.Dash, bad)
			case Rect:
				if !finite(it.X, it.Y, it.W, it.H, it.StrokeWidth) || it.StrokeWidth < 0 {
					bad("%s: rect has a bad coordinate or width", at)
				}
				if !hatches[it.Hatch] {
					bad("%s: unknown hatch %q", at, it.Hatch)
				}
				checkDash(at, it.Dash, bad)
			case Path:
				checkPath(at, it, bad)
				checkDash(at, it.Dash, bad)
			case Link:
				if !finite(it.X, it.Y, it.W, it.H) {
					bad("%s: link has a bad coordinate", at)
				}
				if (it.Dest == "") == (it.URL == "") {
					bad("%s: a link needs exactly one of Dest and URL (Dest %q, URL %q)", at, it.Dest, it.URL)
				}
				if it.URL != "" {
					checkString(at.String()+": link URL", it.URL)
				}
			case Dest:
				if !finite(it.X, it.Y) {
					bad("%s: destination %q has a bad coordinate", at, it.Name)
				}
				if it.Name == "" {
					bad("%s: destination without a name", at)
				} else if d, dup := pw.dests[it.Name]; dup {
					bad("%s: destination %q already defined on page %d", at, it.Name, d.page+1)
				} else {
					pw.dests[it.Name] = destPos{page: pi, y: it.Y}
				}
			case nil:
				bad("%s: nil item", at)
			default:
				bad("%s: unknown item type %T", at, it)
			}
		}
	}
	// Links may point forward, so they are checked once every Dest is known.
	for pi, p := range doc.Pages {
		if p == nil {
			continue
		}
		for ii, it := range p.Items {
			if l, ok := it.(Link); ok && l.Dest != "" {
				if _, ok := pw.dests[l.Dest]; !ok {
					bad("page %d: item %d: link to unknown destination %q", pi+1, ii, l.Dest)
				}
			}
		}
	}
	prevPage, prevLevel := 0, -1
	for i, b := range doc.Outline {
		at := fmt.Sprintf("outline entry %d %q", i, b.Title)
		checkString(at, b.Title)
		if b.Page < 0 || b.Page >= len(doc.Pages) {
			bad("%s: page %d out of range", at, b.Page)
		} else if b.Page < prevPage {
			// fpdf files a bookmark under the page being drawn, so the
			// outline must be in page order to come out as given.
			bad("%s: page %d comes after page %d; the outline must be in page order", at, b.Page+1, prevPage+1)
		}
		if b.Level < 0 || b.Level > prevLevel+1 {
			bad("%s: level %d after level %d (levels may deepen by one at a time)", at, b.Level, prevLevel)
		}
		if !finite(b.Y) {
			bad("%s: bad y", at)
		}
		prevPage, prevLevel = max(prevPage, b.Page), b.Level
	}
	return errors.Join(errs...)
}

// itemAt names an item in the writer's messages, "page 3: item 12". It
// is formatted only when there is something to report: a document has
// tens of thousands of items, and formatting each name up front was a
// third of the validation's time.
type itemAt struct{ page, item int }

func (a itemAt) String() string { return fmt.Sprintf("page %d: item %d", a.page+1, a.item) }

func (pw *pdfWriter) validateText(at itemAt, t Text, bad func(string, ...any)) {
	if !utf8.ValidString(t.Text) {
		bad("%s: text %q is not valid UTF-8", at, t.Text)
		return
	}
	t.Text = asSpaces(t.Text)
	if !finite(t.X, t.Y, t.Size) || t.Size <= 0 {
		bad("%s: text %q has a bad position or size", at, t.Text)
	}
	if h := t.HScale; math.IsNaN(h) || h < 0 || h > 10 {
		bad("%s: text %q has a bad horizontal scale %v", at, t.Text, h)
	}
	if fonts.Lookup(t.Font.Family, fonts.Regular) == nil {
		bad("%s: text %q: unknown font family %q", at, t.Text, t.Font.Family)
		return
	}
	if t.Font.Style > BoldItalic {
		bad("%s: text %q: unknown font style %d", at, t.Text, t.Font.Style)
		return
	}
	tab := pw.m.table(t.Font)
	var missing []string
	var last *fonts.Face // a run is mostly one face: mark each once
	for _, r := range t.Text {
		face, ok := tab.face(r)
		if !ok {
			missing = append(missing, fmt.Sprintf("%U", r))
			continue
		}
		if face != last {
			pw.used[face] = true
			last = face
		}
	}
	if len(missing) > 0 {
		bad("%s: text %q: no font has %s", at, t.Text, strings.Join(missing, ", "))
	}
}

func checkDash(at itemAt, dash []Pt, bad func(string, ...any)) {
	total := Pt(0)
	for _, d := range dash {
		if !finite(d) || d < 0 {
			bad("%s: bad dash pattern %v", at, dash)
			return
		}
		total += d
	}
	if len(dash) > 0 && total == 0 {
		bad("%s: dash pattern %v is all zeros", at, dash)
	}
}

func checkPath(at itemAt, p Path, bad func(string, ...any)) {
	if !finite(p.StrokeWidth) || p.StrokeWidth < 0 {
		bad("%s: path has a bad stroke width", at)
	}
	if len(p.Ops) == 0 {
		bad("%s: empty path", at)
		return
	}
	if p.Ops[0].Op != 'M' {
		bad("%s: path starts with %q, not a move", at, p.Ops[0].Op)
	}
	for i, op := range p.Ops {
		want := map[byte]int{'M': 2, 'L': 2, 'C': 6, 'Z': 0}
		n, ok := want[op.Op]
		if !ok {
			bad("%s: path op %d: unknown op %q", at, i, op.Op)
			continue
		}
		if len(op.Pts) != n || !finite(op.Pts...) {
			bad("%s: path op %d %q: want %d finite coordinates, have %v", at, i, op.Op, n, op.Pts)
		}
	}
}

// render draws a validated document. fpdf's errors are sticky; the
// caller checks Error() once.
func (pw *pdfWriter) render(doc *Document, date time.Time) *fpdf.Fpdf {
	first := doc.Pages[0].Size
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: float64(first.W), Ht: float64(first.H)},
	})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(!pw.opts.uncompressed)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	m := doc.Meta
	pdf.SetTitle(m.Title, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetKeywords(m.Keywords, true)
	creator := m.Creator
	if creator == "" {
		creator = "Annalist"
	}
	pdf.SetCreator(creator, true)
	pdf.SetDisplayMode("fullpage", "continuous")

	// Embed only the faces that draw something. fpdf subsets each to the
	// runes drawn with it.
	for _, f := range fonts.Faces() {
		if !pw.used[f] {
			continue
		}
		pdf.AddUTF8FontFromBytes(f.Name, "", f.Data)
		// A font fpdf cannot parse is reported on stdout, not in Error():
		// its descriptor stays empty.
		if d := pdf.GetFontDesc(f.Name, ""); d.Ascent == 0 && d.Descent == 0 {
			pdf.SetError(fmt.Errorf("font %s failed to load", f.Name))
			return pdf
		}
	}

	// Internal links: one fpdf link per destination, in the order the
	// destinations appear, so the ids are stable.
	pw.links = map[string]int{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if d, ok := it.(Dest); ok {
				id := pdf.AddLink()
				pos := pw.dests[d.Name]
				pdf.SetLink(id, float64(pos.y), pos.page+1)
				pw.links[d.Name] = id
			}
		}
	}

	// fpdf writes every bookmark's target as (height of the LAST page -
	// y), whatever the bookmark's page; correct y so mixed page heights
	// land where they should.
	lastH := doc.Pages[len(doc.Pages)-1].Size.H
	next := 0
	for pi, p := range doc.Pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: float64(p.Size.W), Ht: float64(p.Size.H)})
		st := drawState{}
		for ; next < len(doc.Outline) && doc.Outline[next].Page == pi; next++ {
			b := doc.Outline[next]
			pdf.Bookmark(b.Title, b.Level, float64(b.Y+lastH-p.Size.H))
		}
		for _, it := range p.Items {
			pw.draw(pdf, &st, it, p.Size.H)
		}
	}
	return pdf
}

// drawState remembers what was last set on the page, to avoid repeating
// operators (fpdf writes each setter's operator every time). A page of
// justified text is a Text item per word, so without this every word
// would repeat its font's Tf operator and format its colour again.
type drawState struct {
	dash    string
	dashSet bool

	face      *fonts.Face // font last selected; nil: none yet on this page
	faceSize  float64
	textColor Color
	// textSet: textColor is fpdf's text colour AND the page's fill colour.
	// PDF paints text with the fill colour; when fpdf's fill and text
	// colours differ it wraps every Text in "q <colour> ... Q", so drawText
	// sets both alike. Whatever else sets the fill clears textSet.
	textSet bool
	// hscale is the horizontal scaling (Tz) in force, 0 for a new page's
	// 100%. Tz is text state: it persists across BT/ET to the end of the
	// page's content stream (and nothing here draws text inside q/Q), so
	// it is written when a Text's scale differs from the last one's.
	hscale float64
}

func (pw *pdfWriter) color(c Color) (int, int, int) {
	if pw.opts.Grayscale {
		y := int(math.Round(0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)))
		return y, y, y
	}
	return int(c.R), int(c.G), int(c.B)
}

func (pw *pdfWriter) setDash(pdf *fpdf.Fpdf, st *drawState, dash []Pt) {
	key := fmt.Sprint(dash)
	if st.dashSet && st.dash == key {
		return
	}
	fd := make([]float64, len(dash))
	for i, d := range dash {
		fd[i] = float64(d)
	}
	pdf.SetDashPattern(fd, 0)
	st.dash, st.dashSet = key, true
}

func (pw *pdfWriter) draw(pdf *fpdf.Fpdf, st *drawState, it Item, pageH Pt) {
	switch it := it.(type) {
	case Text:
		pw.drawText(pdf, st, it)
	case Rule:
		pdf.SetDrawColor(pw.color(it.Color))
		pdf.SetLineWidth(float64(it.Width))
		pw.setDash(pdf, st, it.Dash)
		pdf.Line(float64(it.X1), float64(it.Y1), float64(it.X2), float64(it.Y2))
	case Rect:
		pw.drawRect(pdf, st, it, pageH)
	case Path:
		pw.drawPath(pdf, st, it)
	case Link:
		if it.Dest != "" {
			pdf.Link(float64(it.X), float64(it.Y), float64(it.W), float64(it.H), pw.links[it.Dest])
		} else {
			pdf.LinkString(float64(it.X), float64(it.Y), float64(it.W), float64(it.H), uriString(it.URL))
		}
	case Dest:
		// Resolved before drawing; nothing to draw.
	}
}

// uriString makes a URL fit a PDF URI action, which holds 7-bit ASCII:
// non-ASCII bytes, controls and spaces are percent-encoded (the IRI to URI
// mapping of RFC 3987, 3.1), so a cited Wikipedia address with Turkish
// letters still opens.
func uriString(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// drawText draws a run at its baseline, split into sub-runs by the face
// that has each rune; each sub-run starts where the previous one's
// measured advance ends, with the same integer widths fpdf puts in the
// PDF, so the pieces abut exactly.
func (pw *pdfWriter) drawText(pdf *fpdf.Fpdf, st *drawState, t Text) {
	t.Text = asSpaces(t.Text) // a tab would print as nothing, or as a box
	if t.Text == "" {
		return
	}
	if !st.textSet || st.textColor != t.Color {
		pdf.SetTextColor(pw.color(t.Color))
		pdf.SetFillColor(pw.color(t.Color))
		st.textColor, st.textSet = t.Color, true
	}
	scale := t.hscale()
	if cur := st.hscale; scale != cur && (cur != 0 || scale != 1) {
		pdf.RawWriteStr(strconv.FormatFloat(100*scale, 'f', 2, 64) + " Tz")
		st.hscale = scale
	}
	tab := pw.m.table(t.Font)
	size := float64(t.Size)
	units := 0 // advance so far, thousandths of an em
	start := 0
	var cur *fonts.Face
	flush := func(end int) {
		if cur == nil || end == start {
			return
		}
		s := t.Text[start:end]
		if cur != st.face || size != st.faceSize {
			pdf.SetFont(cur.Name, "", size)
			st.face, st.faceSize = cur, size
		}
		pdf.Text(float64(t.X)+float64(units)*size/1000*scale, float64(t.Y), s)
		for _, r := range s {
			units += cur.Advance(r)
		}
	}
	for i, r := range t.Text {
		face, _ := tab.face(r) // validated: every rune has a face
		if face != cur {
			flush(i)
			cur, start = face, i
		}
	}
	flush(len(t.Text))
}

func (pw *pdfWriter) drawRect(pdf *fpdf.Fpdf, st *drawState, r Rect, pageH Pt) {
	x, y, w, h := float64(r.X), float64(r.Y), float64(r.W), float64(r.H)
	if r.Fill != nil {
		pdf.SetFillColor(pw.color(*r.Fill))
		st.textSet = false
		pdf.Rect(x, y, w, h, "F")
	}
	if r.Hatch != "" {
		pw.drawHatch(pdf, st, r, pageH)
	}
	// The outline goes on top of the hatching, so it stays crisp.
	if r.Stroke != nil {
		pdf.SetDrawColor(pw.color(*r.Stroke))
		pdf.SetLineWidth(float64(r.StrokeWidth))
		pw.setDash(pdf, st, r.Dash)
		pdf.Rect(x, y, w, h, "D")
	}
}

// drawHatch fills the rectangle with its hatch's tiling pattern. Pattern
// space is tied to the page, not to the rectangle, so neighbouring bars
// with the same pattern line up like one texture; and the page's content
// stream holds one rectangle where it held a line or circle per repeat
// (76,000 curves on one chart page).
func (pw *pdfWriter) drawHatch(pdf *fpdf.Fpdf, st *drawState, r Rect, pageH Pt) {
	x0, y0 := float64(min(r.X, r.X+r.W)), float64(min(r.Y, r.Y+r.H))
	x1, y1 := float64(max(r.X, r.X+r.W)), float64(max(r.Y, r.Y+r.H))
	if x1-x0 <= 0 || y1-y0 <= 0 {
		return
	}
	cr, cg, cb := pw.color(r.HatchColor)
	key := patternKey{hatch: r.Hatch, r: cr, g: cg, b: cb, pageH: pageH}
	name, ok := pw.patterns[key]
	if !ok {
		tile, _ := HatchTileFor(r.Hatch) // validated
		name = pdf.AddTilingPattern(tilingPattern(tile, cr, cg, cb, pageH))
		pw.patterns[key] = name
	}
	pdf.SetFillPattern(name)
	st.textSet = false
	pdf.Rect(x0, y0, x1-x0, y1-y0, "F")
}

// patternKey is what makes two hatch patterns different: the hatch, its
// colour as written (after any grayscale conversion), and the page's
// height, since the pattern is anchored to the page's top-left corner.
type patternKey struct {
	hatch   string
	r, g, b int
	pageH   Pt
}

// tilingPattern is the PDF tiling pattern of a hatch cell in one colour,
// for pages pageH high. Pattern space is the cell's own: y down, origin
// at the cell's corner; the matrix flips it into the page's y-up default
// space and puts a cell's corner at (tile.X, tile.Y) from the top left,
// where the display list's coordinates start.
func tilingPattern(t HatchTile, r, g, b int, pageH Pt) fpdf.TilingPattern {
	var c strings.Builder
	num := func(v ...Pt) {
		for _, x := range v {
			c.WriteString(pdfNum(float64(x)))
			c.WriteByte(' ')
		}
	}
	col := func(gray, rgb string) {
		if r == g && g == b {
			c.WriteString(pdfNum(float64(r)/255) + " " + gray + "\n")
			return
		}
		c.WriteString(pdfNum(float64(r)/255) + " " + pdfNum(float64(g)/255) + " " + pdfNum(float64(b)/255) + " " + rgb + "\n")
	}
	if len(t.Lines) > 0 {
		// The cell starts from the page's initial graphics state, not
		// from where it is used: set everything the strokes depend on.
		col("G", "RG")
		num(t.LineWidth)
		c.WriteString("w 0 J [] 0 d\n")
		for _, l := range t.Lines {
			num(l[0], l[1])
			c.WriteString("m ")
			num(l[2], l[3])
			c.WriteString("l\n")
		}
		c.WriteString("S\n")
	}
	if len(t.Dots) > 0 {
		col("g", "rg")
		// A circle as four cubic Béziers, the control points 0.5523·r
		// along the tangents.
		rad := t.DotRadius
		k := rad * 0.5522847498
		for _, d := range t.Dots {
			x, y := d[0], d[1]
			num(x+rad, y)
			c.WriteString("m ")
			num(x+rad, y+k, x+k, y+rad, x, y+rad)
			c.WriteString("c ")
			num(x-k, y+rad, x-rad, y+k, x-rad, y)
			c.WriteString("c ")
			num(x-rad, y-k, x-k, y-rad, x, y-rad)
			c.WriteString("c ")
			num(x+k, y-rad, x+rad, y-k, x+rad, y)
			c.WriteString("c\n")
		}
		c.WriteString("f\n")
	}
	return fpdf.TilingPattern{
		BBox:    [4]float64{0, 0, float64(t.W), float64(t.H)},
		XStep:   float64(t.W),
		YStep:   float64(t.H),
		Matrix:  [6]float64{1, 0, 0, -1, float64(t.X), float64(pageH - t.Y)},
		Content: c.String(),
	}
}

// pdfNum formats a number for a content stream: at most four decimals
// (a 40,000th of a point), no trailing zeros.
func pdfNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

func (pw *pdfWriter) drawPath(pdf *fpdf.Fpdf, st *drawState, p Path) {
	if p.Fill == nil && p.Stroke == nil {
		return
	}
	style := ""
	if p.Fill != nil {
		pdf.SetFillColor(pw.color(*p.Fill))
		st.textSet = false
		style += "F"
	}
	if p.Stroke != nil {
		pdf.SetDrawColor(pw.color(*p.Stroke))
		pdf.SetLineWidth(float64(p.StrokeWidth))
		pw.setDash(pdf, st, p.Dash)
		style += "D"
	}
	for _, op := range p.Ops {
		c := make([]float64, len(op.Pts))
		for i, v := range op.Pts {
			c[i] = float64(v)
		}
		switch op.Op {
		case 'M':
			pdf.MoveTo(c[0], c[1])
		case 'L':
			pdf.LineTo(c[0], c[1])
		case 'C':
			pdf.CurveBezierCubicTo(c[0], c[1], c[2], c[3], c[4], c[5])
		case 'Z':
			pdf.ClosePath()
		}
	}
	pdf.DrawPath(style)
}

// fpdfStringWidth is fpdf's own measure of s set in face at size: what
// GetStringWidth reports. The tests compare the Measurer with it; it lives
// here because only this file may import fpdf.
func fpdfStringWidth(face *fonts.Face, s string, size Pt) (Pt, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt"})
	pdf.AddUTF8FontFromBytes(face.Name, "", face.Data)
	pdf.SetFont(face.Name, "", float64(size))
	w := pdf.GetStringWidth(s)
	return Pt(w), pdf.Error()
}
