package layout

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"annalist/fonts"
)

// Fonts of the writer's tests; serif (regular) is helpers_test.go's.
var (
	serifI  = Font{Family: "serif", Style: Italic}
	serifB  = Font{Family: "serif", Style: Bold}
	serifBI = Font{Family: "serif", Style: BoldItalic}
	sans    = Font{Family: "sans", Style: Regular}
	sansB   = Font{Family: "sans", Style: Bold}
)

// Strings the checks look for in the extracted text.
const (
	trText  = "Ankara ile Moskova arasındaki ilişkiler: Ağrı, Iğdır, İzmir, Şark"
	azText  = "Azərbaycan Xalq Cümhuriyyəti: Bakı, Gəncə, Şəki, Ərdəbil"
	ruText  = "Совет народных комиссаров: Баку, Энзели, Решт"
	mixText = "Enzeli → Rasht ◆ Bakı ✔"
)

func ptr(c Color) *Color { return &c }

// testDocument exercises every item type on A4 portrait and US Letter
// landscape pages, with internal and external links and a two-level
// outline.
func testDocument() *Document {
	m := NewMeasurer()
	text := func(x, y Pt, s string, f Font, size Pt, c Color) Text {
		return Text{X: x, Y: y, Text: s, Font: f, Size: size, Color: c, W: m.Width(s, f, size)}
	}
	red, blue, green, ochre := Color{200, 30, 30}, Color{30, 60, 200}, Color{30, 150, 60}, Color{200, 150, 40}
	p1 := &Page{Size: A4, Items: []Item{
		Dest{Name: "intro", X: 72, Y: 60},
		text(72, 90, "Soviet Power on the Caspian, 1918–1921", serifB, 18, Black),
		text(72, 130, trText, serif, 11, Black),
		text(72, 150, azText, serifI, 11, Black),
		text(72, 170, ruText, serifBI, 11, Black),
		text(72, 190, mixText, sans, 11, blue),
		text(72, 210, "Parentheses (and) back\\slash survive", serif, 11, Black),
		Rule{X1: 72, Y1: 220, X2: 523, Y2: 220, Width: 0.5, Color: Black},
		Rule{X1: 72, Y1: 228, X2: 523, Y2: 228, Width: 1, Color: red, Dash: []Pt{4, 2}},
		Rule{X1: 72, Y1: 236, X2: 523, Y2: 236, Width: 1, Color: Black, Dash: []Pt{1, 2}},
		Dest{Name: "patterns", X: 72, Y: 250},
	}}
	for i, h := range []string{"hatch", "backhatch", "cross", "dots", "vertical"} {
		x := 72 + Pt(i)*90
		p1.Items = append(p1.Items,
			Rect{X: x, Y: 260, W: 80, H: 40, Fill: ptr(Color{230, 230, 240}), Stroke: ptr(Black), StrokeWidth: 0.8, Hatch: h, HatchColor: blue},
			text(x, 312, h, sans, 8, Black),
		)
	}
	p1.Items = append(p1.Items,
		Rect{X: 72, Y: 330, W: 120, H: 30, Stroke: ptr(red), StrokeWidth: 1, Dash: []Pt{3, 3}},
		Path{Ops: []PathOp{
			{Op: 'M', Pts: []Pt{220, 360}},
			{Op: 'L', Pts: []Pt{260, 330}},
			{Op: 'C', Pts: []Pt{280, 320, 300, 370, 320, 345}},
			{Op: 'L', Pts: []Pt{320, 360}},
			{Op: 'Z'},
		}, Fill: ptr(ochre), Stroke: ptr(Black), StrokeWidth: 0.7},
		Path{Ops: []PathOp{{Op: 'M', Pts: []Pt{340, 360}}, {Op: 'L', Pts: []Pt{400, 330}}, {Op: 'L', Pts: []Pt{460, 360}}},
			Stroke: ptr(green), StrokeWidth: 1.5, Dash: []Pt{6, 2, 1, 2}},
		text(72, 400, "See the chart on the next page.", serif, 11, blue),
		Link{X: 72, Y: 390, W: m.Width("See the chart on the next page.", serif, 11), H: 13, Dest: "chart"},
		text(72, 420, "Source: https://socialhistory.org", serif, 11, blue),
		Link{X: 72, Y: 410, W: 200, H: 13, URL: "https://socialhistory.org/"},
		text(72, 440, "Moscow treaty (Moskova Antlaşması)", serif, 11, blue),
		Link{X: 72, Y: 430, W: 200, H: 13, URL: "https://tr.wikipedia.org/wiki/Moskova_Antlaşması"},
	)
	land := Letter.Landscape()
	p2 := &Page{Size: land, Items: []Item{
		Dest{Name: "chart", X: 40, Y: 40},
		text(40, 60, "Timeline — Хронология — Zaman çizelgesi", sansB, 16, Black),
	}}
	tracks := []struct {
		name  string
		c     Color
		hatch string
	}{{"Gilan", red, "hatch"}, {"Azərbaycan", blue, "dots"}, {"Türkiye–RSFSR", green, "backhatch"}}
	for i, tr := range tracks {
		y := 100 + Pt(i)*60
		p2.Items = append(p2.Items,
			text(40, y+20, tr.name, sans, 10, Black),
			Rect{X: 160, Y: y, W: 300 + Pt(i)*80, H: 30, Fill: ptr(tr.c), Hatch: tr.hatch, HatchColor: White, Stroke: ptr(Black), StrokeWidth: 0.5},
		)
	}
	p2.Items = append(p2.Items,
		text(40, 330, "Back to the introduction", sans, 10, blue),
		Link{X: 40, Y: 320, W: m.Width("Back to the introduction", sans, 10), H: 12, Dest: "intro"},
	)
	p3 := &Page{Size: A4, Items: []Item{
		Dest{Name: "notes", X: 72, Y: 80},
		text(72, 100, "Notes", serifB, 14, Black),
		text(72, 130, "1. Touraj Atabaki, “The Soviet Socialist Republic of Iran 1920–1921,” 2017.", serif, 9, Black),
		Link{X: 72, Y: 120, W: 100, H: 12, Dest: "patterns"},
	}}
	return &Document{
		Pages: []*Page{p1, p2, p3},
		Meta: Meta{Title: "Soviet Power on the Caspian — Каспий", Author: "Annalist tests",
			Subject: "Gilan, Azərbaycan, Türkiye", Keywords: "Caspian, 1920", Date: 1700000000},
		Outline: []Bookmark{
			{Title: "Introduction — Giriş", Level: 0, Page: 0, Y: 60},
			{Title: "Patterns — Узоры", Level: 1, Page: 0, Y: 250},
			{Title: "Chart", Level: 0, Page: 1, Y: 40},
			{Title: "Notes", Level: 0, Page: 2, Y: 80},
		},
	}
}

func writeDoc(t testing.TB, doc *Document, opts WritePDFOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDFWith(&buf, doc, opts); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	return buf.Bytes()
}

func TestWritePDFValid(t *testing.T) {
	data := writeDoc(t, testDocument(), WritePDFOptions{})
	validatePDF(t, data)
	if n := pdfPageCount(t, data); n != 3 {
		t.Errorf("page count %d, want 3", n)
	}
	if os.Getenv("ANNALIST_KEEP_PDF") != "" {
		os.WriteFile(os.Getenv("ANNALIST_KEEP_PDF"), data, 0o644)
		os.WriteFile(os.Getenv("ANNALIST_KEEP_PDF")+".gray.pdf", writeDoc(t, testDocument(), WritePDFOptions{Grayscale: true}), 0o644)
	}

	file := writeTemp(t, "doc.pdf", data)
	info := pdfInfo(t, file, "-f", "1", "-l", "3")
	want := map[string]string{
		"Title":          "Soviet Power on the Caspian — Каспий",
		"Author":         "Annalist tests",
		"Subject":        "Gilan, Azərbaycan, Türkiye",
		"Creator":        "Annalist",
		"Page    1 size": "595.28 x 841.89 pts (A4)",
		"Page    2 size": "792 x 612 pts (letter)",
		"Page    3 size": "595.28 x 841.89 pts (A4)",
	}
	for k, v := range want {
		if info[k] != v {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], v)
		}
	}
	if !strings.Contains(info["CreationDate"], "2023") {
		t.Errorf("CreationDate %q, want the 2023 Meta.Date", info["CreationDate"])
	}
}

func TestWritePDFFontsSubset(t *testing.T) {
	data := writeDoc(t, testDocument(), WritePDFOptions{})
	out, err := exec.Command(needTool(t, "pdffonts"), writeTemp(t, "doc.pdf", data)).Output()
	if err != nil {
		t.Fatal(err)
	}
	// Every face the document uses, and only those, embedded. fpdf names
	// a UTF-8 font "utf8" + its key, without the ABCDEF+ subset tag, so
	// pdffonts says "sub no"; the size shows the subsetting.
	used := []string{"NotoSerif-Regular", "NotoSerif-Italic", "NotoSerif-Bold", "NotoSerif-BoldItalic",
		"NotoSans-Regular", "NotoSans-Bold", "DejaVuSans"}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
		f := strings.Fields(line)
		names = append(names, f[0])
		if emb := f[len(f)-5]; emb != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
	}
	slices.Sort(names)
	var want []string
	for _, u := range used {
		want = append(want, "utf8"+strings.ToLower(u))
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("fonts in the PDF %q, want %q", names, want)
	}
	full := 0
	for _, f := range fonts.Faces() {
		if slices.Contains(used, f.Name) {
			full += len(f.Data)
		}
	}
	if len(data) > full/10 {
		t.Errorf("PDF is %d bytes; the fonts it uses are %d unsubset: not subset?", len(data), full)
	}
}

func TestWritePDFDeterministic(t *testing.T) {
	a := writeDoc(t, testDocument(), WritePDFOptions{})
	b := writeDoc(t, testDocument(), WritePDFOptions{})
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same document differ")
	}
	// The date is the only input that changed; the bytes must follow it,
	// or the date is not where it should be.
	doc := testDocument()
	doc.Meta.Date++
	if bytes.Equal(a, writeDoc(t, doc, WritePDFOptions{})) {
		t.Error("changing Meta.Date did not change the output")
	}
}

func TestWritePDFDate(t *testing.T) {
	tests := []struct {
		name, env string
		meta      int64
		want      string
	}{
		{"Meta.Date wins", "946684800", 1700000000, "D:20231114221320"},
		{"SOURCE_DATE_EPOCH", "1600000000", 0, "D:20200913122640"},
		// 0 is a time, 1970-01-01, not "unset" (reproducible-builds.org).
		{"SOURCE_DATE_EPOCH=0", "0", 0, "D:19700101000000"},
		{"SOURCE_DATE_EPOCH, the last second of 9999", "253402300799", 0, "D:99991231235959"},
		{"fixed epoch", "", 0, "D:20000101000000"},
		{"Meta.Date 0, set", "1600000000", 0, "D:19700101000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tt.env)
			doc := testDocument()
			doc.Meta.Date = tt.meta
			doc.Meta.DateSet = strings.HasSuffix(tt.name, ", set")
			data := writeDoc(t, doc, WritePDFOptions{})
			for _, key := range []string{"/CreationDate", "/ModDate"} {
				if !bytes.Contains(data, []byte(key+" ("+tt.want+")")) {
					t.Errorf("%s is not %s", key, tt.want)
				}
			}
		})
	}
	t.Run("bad SOURCE_DATE_EPOCH", func(t *testing.T) {
		t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
		doc := testDocument()
		doc.Meta.Date = 0
		if err := WritePDF(&bytes.Buffer{}, doc); err == nil || !strings.Contains(err.Error(), `SOURCE_DATE_EPOCH="yesterday"`) {
			t.Errorf("err = %v, want a SOURCE_DATE_EPOCH error", err)
		}
	})
	t.Run("Meta.Date after 9999", func(t *testing.T) {
		doc := testDocument()
		doc.Meta.Date = maxDate + 1
		if err := WritePDF(&bytes.Buffer{}, doc); err == nil || !strings.Contains(err.Error(), "years 1-9999") {
			t.Errorf("err = %v, want a range error", err)
		}
	})
}

// TestSourceDateEpoch: the variable's values as the reproducible-builds
// specification has them. Empty is unset, 0 is 1970; a sign, a
// fraction, white space or a year after 9999 is an error naming the
// variable and the value.
func TestSourceDateEpoch(t *testing.T) {
	tests := []struct {
		in      string
		sec     int64
		set     bool
		problem string // "" for no error
	}{
		{"", 0, false, ""},
		{"0", 0, true, ""},
		{"00", 0, true, ""},
		{"1600000000", 1600000000, true, ""},
		{"253402300799", 253402300799, true, ""},
		{"253402300800", 0, false, "is after the year 9999"},
		{"99999999999999999999", 0, false, "is after the year 9999"}, // beyond int64
		{"-1", 0, false, "is negative"},
		{"-9223372036854775809", 0, false, "is negative"},
		{"+5", 0, false, "is not a whole number"},
		{"1.5", 0, false, "is not a whole number"},
		{" 5", 0, false, "is not a whole number"},
		{"5\n", 0, false, "is not a whole number"},
		{"-", 0, false, "is not a whole number"},
		{"1e9", 0, false, "is not a whole number"},
		{"yesterday", 0, false, "is not a whole number"},
		{"٣", 0, false, "is not a whole number"}, // an Arabic-Indic three
	}
	for _, tt := range tests {
		sec, set, err := SourceDateEpoch(tt.in)
		if tt.problem == "" {
			if err != nil || sec != tt.sec || set != tt.set {
				t.Errorf("%q: %d, %v, %v; want %d, %v, no error", tt.in, sec, set, err, tt.sec, tt.set)
			}
			continue
		}
		want := fmt.Sprintf("SOURCE_DATE_EPOCH=%q %s", tt.in, tt.problem)
		if err == nil || !strings.HasPrefix(err.Error(), want) || set {
			t.Errorf("%q: set %v, err %v; want an error starting %q", tt.in, set, err, want)
		}
	}
}

func TestWritePDFText(t *testing.T) {
	file := writeTemp(t, "doc.pdf", writeDoc(t, testDocument(), WritePDFOptions{}))
	tests := []struct {
		page int
		want []string
	}{
		{1, []string{"Soviet Power on the Caspian, 1918–1921", trText, azText, ruText, "Parentheses (and) back\\slash survive"}},
		{2, []string{"Timeline — Хронология — Zaman çizelgesi", "Azərbaycan", "Türkiye–RSFSR"}},
		{3, []string{"“The Soviet Socialist Republic of Iran 1920–1921,”"}},
	}
	for _, tt := range tests {
		got := pdfText(t, file, tt.page)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("page %d text lacks %q; got:\n%s", tt.page, w, got)
			}
		}
	}
	// A run split across Noto Sans and DejaVu Sans still extracts whole:
	// the pieces abut, so pdftotext joins them. Spacing may be loosened.
	got := strings.Join(strings.Fields(pdfText(t, file, 1)), " ")
	for _, w := range []string{"Enzeli", "→", "Rasht", "◆", "Bakı", "✔"} {
		if !strings.Contains(got, w) {
			t.Errorf("mixed-face run lost %q: %s", w, got)
		}
	}
}

var (
	linkDestRE    = regexp.MustCompile(`/Subtype /Link /Rect \[[^\]]*\] /Border \[0 0 0\] /Dest \[(\d+) 0 R /XYZ 0 ([\d.-]+) null\]`)
	linkURIRE     = regexp.MustCompile(`/Subtype /Link /Rect \[[^\]]*\] /Border \[0 0 0\] /A <</S /URI /URI \(([^)]*)\)`)
	outlineDestRE = regexp.MustCompile(`(?m)^/Dest \[(\d+) 0 R /XYZ 0 ([\d.-]+) null\]`)
)

// pageObj is the object number fpdf gives page i (0-based).
func pageObj(i int) string { return strconv.Itoa(3 + 2*i) }

func TestWritePDFLinks(t *testing.T) {
	data := writeDoc(t, testDocument(), WritePDFOptions{})
	// fpdf writes annotations and outline items outside compressed
	// streams, so their destinations can be read from the bytes.
	got := linkDestRE.FindAllStringSubmatch(string(data), -1)
	want := [][2]string{
		{pageObj(1), "572.00"}, // "chart": y 40 on the 612pt landscape page
		{pageObj(0), "781.89"}, // "intro": y 60 on A4
		{pageObj(0), "591.89"}, // "patterns": y 250 on A4
	}
	if len(got) != len(want) {
		t.Fatalf("%d internal link annotations, want %d", len(got), len(want))
	}
	for i, g := range got {
		if g[1] != want[i][0] || g[2] != want[i][1] {
			t.Errorf("link %d goes to object %s y %s, want object %s y %s", i, g[1], g[2], want[i][0], want[i][1])
		}
	}
	uris := linkURIRE.FindAllStringSubmatch(string(data), -1)
	var gotURIs []string
	for _, u := range uris {
		gotURIs = append(gotURIs, u[1])
	}
	wantURIs := []string{"https://socialhistory.org/", "https://tr.wikipedia.org/wiki/Moskova_Antla%C5%9Fmas%C4%B1"}
	if !slices.Equal(gotURIs, wantURIs) {
		t.Errorf("URI links %q, want %q", gotURIs, wantURIs)
	}
}

func TestWritePDFBookmarks(t *testing.T) {
	data := writeDoc(t, testDocument(), WritePDFOptions{})
	bms := pdfBookmarks(t, data)
	var got []string
	var walk func(bs []pdfBookmarkT, depth int)
	walk = func(bs []pdfBookmarkT, depth int) {
		for _, b := range bs {
			got = append(got, fmt.Sprintf("%d %s p%d", depth, b.Title, b.PageFrom))
			walk(b.Kids, depth+1)
		}
	}
	walk(bms, 0)
	want := []string{"0 Introduction — Giriş p1", "1 Patterns — Узоры p1", "0 Chart p2", "0 Notes p3"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// fpdf computes every outline target from the last page's height; the
	// writer corrects for it. The last page is A4, so the target on the
	// landscape Letter chart page is the one that would go wrong: it must
	// be 612 - 40 from the bottom, not 841.89 - 40.
	dests := outlineDestRE.FindAllStringSubmatch(string(data), -1)
	wantDest := [][2]string{{pageObj(0), "781.89"}, {pageObj(0), "591.89"}, {pageObj(1), "572.00"}, {pageObj(2), "761.89"}}
	if len(dests) != len(wantDest) {
		t.Fatalf("%d outline destinations, want %d", len(dests), len(wantDest))
	}
	for i, d := range dests {
		if d[1] != wantDest[i][0] || d[2] != wantDest[i][1] {
			t.Errorf("bookmark %d goes to object %s y %s, want object %s y %s", i, d[1], d[2], wantDest[i][0], wantDest[i][1])
		}
	}
}

// outlineItemRE is one outline item object as fpdf writes it: from its
// title to the end of its dictionary, which ends the object.
var outlineItemRE = regexp.MustCompile(`(?s)<</Title .*?>>\nendobj`)

// TestWritePDFOutlineCounts checks /Count on every outline item as ISO
// 32000-1 (12.3.3) has it, for an outline three levels deep: an item
// with children counts its visible descendants (all items are open),
// a leaf has no /Count, and the root counts every visible item.
func TestWritePDFOutlineCounts(t *testing.T) {
	doc := testDocument()
	levels := []int{0, 1, 2, 1, 0, 0, 1}
	want := []int{3, 1, -1, -1, -1, 1, -1} // -1: no /Count
	doc.Outline = nil
	for i, lv := range levels {
		doc.Outline = append(doc.Outline, Bookmark{Title: fmt.Sprint("Entry ", i), Level: lv, Page: 0, Y: Pt(60 + 10*i)})
	}
	data := writeDoc(t, doc, WritePDFOptions{})
	validatePDF(t, data)
	items := outlineItemRE.FindAllString(string(data), -1)
	if len(items) != len(want) {
		t.Fatalf("%d outline items, want %d", len(items), len(want))
	}
	countRE := regexp.MustCompile(`/Count (-?\d+)`)
	for i, it := range items {
		got := -1
		if m := countRE.FindStringSubmatch(it); m != nil {
			got, _ = strconv.Atoi(m[1])
		}
		if got != want[i] {
			t.Errorf("outline item %d (level %d): /Count %d, want %d (-1: none)", i, levels[i], got, want[i])
		}
	}
	root := regexp.MustCompile(`<</Type /Outlines [^>]*/Count (\d+)>>`).FindStringSubmatch(string(data))
	if root == nil || root[1] != strconv.Itoa(len(levels)) {
		t.Errorf("outline root: %v, want /Count %d", root, len(levels))
	}
}

// TestWritePDFAnnotsIndirect checks each page's /Annots lists indirect
// references (ISO 32000-1, Table 30), one per link on the page, each to
// an object that is a link annotation.
func TestWritePDFAnnotsIndirect(t *testing.T) {
	data := string(writeDoc(t, testDocument(), WritePDFOptions{}))
	arrays := regexp.MustCompile(`/Annots \[([^\]]*)\]`).FindAllStringSubmatch(data, -1)
	refRE := regexp.MustCompile(`^(\d+ 0 R ?)+$`)
	n := 0
	for _, a := range arrays {
		if !refRE.MatchString(a[1]) {
			t.Fatalf("/Annots [%s]: want only indirect references", a[1])
		}
		for _, ref := range strings.Split(strings.TrimSpace(a[1]), " 0 R") {
			if ref = strings.TrimSpace(ref); ref == "" {
				continue
			}
			n++
			obj := regexp.MustCompile(`(?m)^` + ref + ` 0 obj\n<</Type /Annot /Subtype /Link `)
			if !obj.MatchString(data) {
				t.Errorf("annotation %s 0 R is not a link annotation object", ref)
			}
		}
	}
	// One annotation per Link item of the test document, no more.
	links := 0
	for _, p := range testDocument().Pages {
		for _, it := range p.Items {
			if _, ok := it.(Link); ok {
				links++
			}
		}
	}
	if n != links {
		t.Errorf("%d annotation references, want %d (one per link)", n, links)
	}
}

// TestWritePDFGrayscale renders the landscape chart page and checks that
// every pixel is gray with the option and that some are not without it.
func TestWritePDFGrayscale(t *testing.T) {
	tool := needTool(t, "pdftoppm")
	render := func(opts WritePDFOptions) (colored, total int) {
		file := writeTemp(t, "doc.pdf", writeDoc(t, testDocument(), opts))
		out, err := exec.Command(tool, "-r", "30", "-f", "2", "-l", "2", file).Output()
		if err != nil {
			t.Fatalf("pdftoppm: %v", err)
		}
		// Binary PPM: "P6\n<w> <h>\n255\n" then RGB triples.
		var w, h, maxv int
		n, err := fmt.Sscanf(string(out), "P6\n%d %d\n%d\n", &w, &h, &maxv)
		if err != nil || n != 3 {
			t.Fatalf("not a PPM: %v", err)
		}
		px := out[len(out)-3*w*h:]
		for i := 0; i+2 < len(px); i += 3 {
			if px[i] != px[i+1] || px[i+1] != px[i+2] {
				colored++
			}
		}
		return colored, w * h
	}
	if c, n := render(WritePDFOptions{}); c < n/50 {
		t.Errorf("colour render: only %d of %d pixels coloured", c, n)
	}
	if c, _ := render(WritePDFOptions{Grayscale: true}); c != 0 {
		t.Errorf("grayscale render: %d coloured pixels", c)
	}
}

// pageStreams returns the content streams of an uncompressed PDF's pages,
// which fpdf writes first, in page order.
func pageStreams(data []byte, pages int) []string {
	var out []string
	rest := string(data)
	for range pages {
		_, after, ok := strings.Cut(rest, "stream\n")
		if !ok {
			break
		}
		body, after2, _ := strings.Cut(after, "\nendstream")
		out = append(out, body)
		rest = after2
	}
	return out
}

// TestWritePDFStrokeState follows the graphics state through each page's
// operators (q/Q save and restore the dash) and checks every rectangle
// outline is stroked with its own dash pattern. A Q restores the dash from
// before its q: a writer that trusts its cache of the last dash set
// across one gets this wrong. (Hatching was drawn inside such a clip; it
// is a pattern fill now, which sets no dash on the page.)
func TestWritePDFStrokeState(t *testing.T) {
	doc := testDocument()
	data := writeDoc(t, doc, WritePDFOptions{uncompressed: true})
	streams := pageStreams(data, len(doc.Pages))
	if len(streams) != len(doc.Pages) {
		t.Fatalf("found %d page streams, want %d", len(streams), len(doc.Pages))
	}
	// Sanity: the streams are the pages', with hatching in them.
	if !strings.Contains(streams[1], "/Pattern cs") || !strings.Contains(streams[1], "Tj") {
		t.Fatalf("page 2 stream lacks a pattern fill or text:\n%.300s", streams[1])
	}
	dashRE := regexp.MustCompile(`^\[([^\]]*)\] [\d.]+ d$`)
	for pi, page := range doc.Pages {
		var want []string
		for _, it := range page.Items {
			if r, ok := it.(Rect); ok && r.Stroke != nil {
				var ds []string
				for _, d := range r.Dash {
					ds = append(ds, fmt.Sprintf("%.2f", d))
				}
				want = append(want, strings.Join(ds, " "))
			}
		}
		// The dash at page start is fpdf's last one carried over: unknown
		// until set on the page.
		dash, stack := "?", []string{}
		var got []string
		for _, line := range strings.Split(streams[pi], "\n") {
			for _, op := range strings.SplitAfter(line, " re ") {
				op = strings.TrimSpace(op)
				switch {
				case dashRE.MatchString(op):
					dash = dashRE.FindStringSubmatch(op)[1]
				case op == "q" || strings.HasPrefix(op, "q "):
					stack = append(stack, dash)
				case op == "Q":
					dash, stack = stack[len(stack)-1], stack[:len(stack)-1]
				case op == "S" && strings.HasSuffix(line, " re S"):
					got = append(got, dash)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("page %d: rectangles stroked with dashes %q, want %q", pi+1, got, want)
		}
	}
}

func TestWritePDFErrors(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(d *Document)
		want   []string
	}{
		{"no pages", func(d *Document) { d.Pages = nil }, []string{"no pages"}},
		{"rune above the BMP", func(d *Document) {
			d.Pages[0].Items = append(d.Pages[0].Items, Text{X: 1, Y: 1, Text: "a\U0001F600", Font: serif, Size: 10})
		}, []string{"page 1: item", "no font has U+1F600"}},
		{"Arabic", func(d *Document) {
			d.Pages[2].Items = append(d.Pages[2].Items, Text{X: 1, Y: 1, Text: "رشت", Font: sans, Size: 10})
		}, []string{"page 3", "no font has U+0631, U+0634, U+062A"}},
		{"bad UTF-8", func(d *Document) {
			d.Pages[0].Items = append(d.Pages[0].Items, Text{X: 1, Y: 1, Text: "a\xffb", Font: serif, Size: 10})
		}, []string{"not valid UTF-8"}},
		{"unknown family", func(d *Document) {
			d.Pages[0].Items = append(d.Pages[0].Items, Text{X: 1, Y: 1, Text: "a", Font: Font{Family: "comic"}, Size: 10})
		}, []string{`unknown font family "comic"`}},
		{"title above the BMP", func(d *Document) { d.Meta.Title = "\U0001F600" }, []string{"title", "Basic Multilingual Plane"}},
		{"bookmark above the BMP", func(d *Document) { d.Outline[0].Title = "\U0001F600" }, []string{"outline entry 0", "Basic Multilingual Plane"}},
		{"unknown destination", func(d *Document) {
			d.Pages[1].Items = append(d.Pages[1].Items, Link{X: 1, Y: 1, W: 1, H: 1, Dest: "nowhere"})
		}, []string{`page 2: item 10: link to unknown destination "nowhere"`}},
		{"duplicate destination", func(d *Document) {
			d.Pages[2].Items = append(d.Pages[2].Items, Dest{Name: "chart"})
		}, []string{`destination "chart" already defined on page 2`}},
		{"link with both", func(d *Document) {
			d.Pages[0].Items = append(d.Pages[0].Items, Link{Dest: "chart", URL: "https://x"})
		}, []string{"exactly one of Dest and URL"}},
		{"NaN", func(d *Document) {
			d.Pages[0].Items = append(d.Pages[0].Items, Rule{X1: Pt(math.NaN()), Width: 1})
		}, []string{"rule has a bad coordinate"}},
		{"bad path", func(d *Document) {
			d.Pages[0].Items = append(d.Pages[0].Items, Path{Ops: []PathOp{{Op: 'L', Pts: []Pt{1, 2}}, {Op: 'C', Pts: []Pt{1}}, {Op: 'Q'}}, Stroke: ptr(Black)})
		}, []string{"not a move", `op 1 'C': want 6`, "unknown op 'Q'"}},
		{"unknown hatch", func(d *Document) {
			d.Pages[0].Items = append(d.Pages[0].Items, Rect{W: 1, H: 1, Hatch: "plaid"})
		}, []string{`unknown hatch "plaid"`}},
		{"outline out of order", func(d *Document) { d.Outline[2].Page = 2; d.Outline[3].Page = 1 }, []string{"outline must be in page order"}},
		{"outline level jump", func(d *Document) { d.Outline[0].Level = 1 }, []string{"level 1 after level -1"}},
		{"nil item", func(d *Document) { d.Pages[0].Items = append(d.Pages[0].Items, nil) }, []string{"nil item"}},
		{"every problem at once", func(d *Document) {
			d.Meta.Title = "\U0001F600"
			d.Pages[0].Items = append(d.Pages[0].Items, Rect{Hatch: "plaid"}, Dest{})
		}, []string{"title", "plaid", "destination without a name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testDocument()
			tt.mutate(doc)
			var buf bytes.Buffer
			err := WritePDF(&buf, doc)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes for an invalid document", buf.Len())
			}
		})
	}
}

// TestMeasureMatchesFpdf checks the Measurer against fpdf's own width for
// every face, on strings that face sets alone, and on a run that falls
// back across faces against the sum of fpdf's widths of its pieces.
func TestMeasureMatchesFpdf(t *testing.T) {
	m := NewMeasurer()
	samples := []string{
		"Soviet Power on the Caspian, 1918–1921",
		trText, azText, ruText,
		"“Quoted,” she said — (with) [brackets]; 50% & §3 … fin.",
		"WAVE Tj AV To LT yo",
		// Above the measurer's fast table (U+3000): the slow path.
		"ﬁne ﬂow ﬀ \uFEFF\uFFFD",
		"→ ◆ ◇ ✔ ☞ ≈ ∞",
	}
	for _, face := range fonts.Faces() {
		f := Font{Family: face.Family, Style: FontStyle(face.Style)}
		if fonts.Lookup(f.Family, fonts.Style(f.Style)) != face {
			t.Fatalf("font %v does not select %s", f, face.Name)
		}
		for _, s := range samples {
			// Keep the runes this face sets itself, so no fallback
			// enters and fpdf's one-font measure is comparable.
			s = strings.Map(func(r rune) rune {
				if face.Has(r) {
					return r
				}
				return -1
			}, s)
			for _, size := range []Pt{7, 9.5, 11, 24} {
				want, err := fpdfStringWidth(face, s, size)
				if err != nil {
					t.Fatalf("%s: %v", face.Name, err)
				}
				if got := m.Width(s, f, size); math.Abs(float64(got-want)) > 0.01 {
					t.Errorf("%s %gpt %q: Measurer %.4f, fpdf %.4f", face.Name, size, s, got, want)
				}
			}
		}
	}
	// A run that needs DejaVu for the arrow and the diamond.
	var want Pt
	pieces := []struct {
		face *fonts.Face
		s    string
	}{
		{fonts.Lookup("sans", fonts.Regular), "Enzeli "},
		{fonts.Lookup("dejavu-sans", fonts.Regular), "→"},
		{fonts.Lookup("sans", fonts.Regular), " Rasht "},
		{fonts.Lookup("dejavu-sans", fonts.Regular), "◆"},
	}
	for _, p := range pieces {
		w, err := fpdfStringWidth(p.face, p.s, 10)
		if err != nil {
			t.Fatal(err)
		}
		want += w
	}
	if got := m.Width("Enzeli → Rasht ◆", sans, 10); math.Abs(float64(got-want)) > 0.01 {
		t.Errorf("fallback run: Measurer %.4f, fpdf pieces %.4f", got, want)
	}
}

func TestMeasureMetrics(t *testing.T) {
	m := NewMeasurer()
	for _, f := range []Font{serif, serifB, sans, sansB, {Family: "dejavu-sans"}} {
		a, d := m.Ascent(f, 10), m.Descent(f, 10)
		if a < 7 || a > 12 || d < 1.5 || d > 4 {
			t.Errorf("%v at 10pt: ascent %.2f descent %.2f", f, a, d)
		}
	}
	if m.Width("", serif, 10) != 0 {
		t.Error("empty string has a width")
	}
	if w1, w2 := m.Width("ab", serif, 10), m.Width("a", serif, 10)+m.Width("b", serif, 10); math.Abs(float64(w1-w2)) > 1e-9 {
		t.Errorf("width not additive (kerning?): %v vs %v", w1, w2)
	}
	if w1, w2 := m.Width("Hello", serif, 10), m.Width("Hello", serif, 20); math.Abs(float64(2*w1-w2)) > 1e-9 {
		t.Errorf("width not proportional to size: %v, %v", w1, w2)
	}
}

// bigDocument is n A4 pages of 60 lines of body text each.
func bigDocument(n int) *Document {
	m := NewMeasurer()
	lines := []string{trText, azText, ruText, "Soviet Power on the Caspian, 1918–1921: Enzeli, Rasht, Baku."}
	doc := &Document{Meta: Meta{Title: "Benchmark", Date: 1700000000}}
	for p := range n {
		page := &Page{Size: A4}
		for l := range 60 {
			s := lines[(p+l)%len(lines)]
			page.Items = append(page.Items, Text{X: 72, Y: 72 + Pt(l)*12, Text: s, Font: serif, Size: 10, W: m.Width(s, serif, 10)})
		}
		doc.Pages = append(doc.Pages, page)
		doc.Outline = append(doc.Outline, Bookmark{Title: fmt.Sprint("Page ", p+1), Page: p})
	}
	return doc
}

func BenchmarkWritePDF(b *testing.B) {
	doc := bigDocument(200)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WritePDF(&buf, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

func BenchmarkMeasure(b *testing.B) {
	m := NewMeasurer()
	s := trText + " " + ruText
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		m.Width(s, serif, 10)
	}
}

// FuzzWritePDFText checks the writer's contract for any text: it never
// panics, and it fails exactly when the text is not UTF-8 or has a rune
// the fonts package reports missing; otherwise the PDF is valid.
func FuzzWritePDFText(f *testing.F) {
	for _, s := range []string{"", "a", trText, ruText, mixText, "رشت", "\U0001F600", "a\xffb", "(\\)", "\t\n", "\u0301e\u0308"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, bold bool) {
		font := sans
		if bold {
			font = serifBI
		}
		doc := &Document{Pages: []*Page{{Size: A4, Items: []Item{Text{X: 10, Y: 20, Text: s, Font: font, Size: 10}}}}}
		var buf bytes.Buffer
		err := WritePDF(&buf, doc)
		settable := utf8.ValidString(s) && len(fonts.Missing(s)) == 0
		if settable != (err == nil) {
			t.Fatalf("text %q: settable=%v but err=%v", s, settable, err)
		}
		if err == nil {
			validatePDF(t, buf.Bytes())
		}
	})
}

// TestMeasureConcurrent measures from several goroutines at once, for the
// race detector: the width tables are shared by the whole process.
func TestMeasureConcurrent(t *testing.T) {
	m := NewMeasurer()
	fontsUsed := []Font{serif, serifI, serifB, sans, sansB, {Family: "dejavu-serif", Style: Bold}}
	want := make([]Pt, len(fontsUsed))
	for i, f := range fontsUsed {
		want[i] = newFontMeasurer().Width(mixText+trText, f, 10)
	}
	done := make(chan error)
	for g := range 4 {
		go func() {
			for i := range fontsUsed {
				k := (i + g) % len(fontsUsed)
				if got := m.Width(mixText+trText, fontsUsed[k], 10); got != want[k] {
					done <- fmt.Errorf("%v: %v, want %v", fontsUsed[k], got, want[k])
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func BenchmarkWritePDFSmall(b *testing.B) {
	doc := &Document{Pages: []*Page{{Size: A4, Items: []Item{Text{X: 10, Y: 20, Text: trText, Font: serif, Size: 10}}}}}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WritePDF(&buf, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWritePDFFlowed sets flowed narrative (the page-flow engine with the
// real Measurer) and checks the writer accepts what the engine makes, the
// invariants hold with real widths, and the text comes out of the PDF.
func TestWritePDFFlowed(t *testing.T) {
	blocks, notes := synthetic(4)
	m := NewMeasurer()
	res, err := Flow(blocks, notes, a4Frame, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range CheckInvariants(res.Pages, m) {
		t.Error(e)
	}
	doc := &Document{Pages: res.Pages, Outline: res.Outline, Meta: Meta{Title: "Flowed", Date: 1700000000}}
	data := writeDoc(t, doc, WritePDFOptions{})
	validatePDF(t, data)
	if n := pdfPageCount(t, data); n != len(res.Pages) {
		t.Errorf("PDF has %d pages, flow made %d", n, len(res.Pages))
	}
	if os.Getenv("ANNALIST_KEEP_PDF") != "" {
		os.WriteFile(os.Getenv("ANNALIST_KEEP_PDF")+".flowed.pdf", data, 0o644)
	}
	// The first page's first body line, as the engine set it, extracts.
	var first string
	for _, it := range res.Pages[0].Items {
		if tx, ok := it.(Text); ok && tx.Size == 10 && len(tx.Text) > 3 {
			first = tx.Text
			break
		}
	}
	if got := pdfText(t, writeTemp(t, "flowed.pdf", data), 1); first == "" || !strings.Contains(got, strings.TrimSpace(first)) {
		t.Errorf("page 1 text lacks the first run %q:\n%.500s", first, got)
	}
}

// TestWritePDFHScale follows the horizontal scaling (Tz) through each
// page's operators: a scaled Text is drawn under its scale, written once
// for a run of Texts that share it and set back to 100 for unscaled
// text; a new page starts at 100, and unscaled text there writes no Tz. A run split across faces places its
// pieces by their scaled advances, so they still abut. The scaled PDF is
// valid and its words extract.
func TestWritePDFHScale(t *testing.T) {
	m := NewMeasurer()
	text := func(y Pt, s string, f Font, h float64) Text {
		tx := Text{X: 72, Y: y, Text: s, Font: f, Size: 10, HScale: h}
		tx.W = m.Width(s, f, 10) * Pt(tx.hscale())
		return tx
	}
	doc := &Document{Meta: Meta{Title: "Tz", Date: 1700000000}, Pages: []*Page{
		{Size: A4, Items: []Item{
			text(100, "widened", serif, 1.02),
			text(120, "widened again", serif, 1.02),
			text(140, "natural", serif, 0),
			text(160, "natural again", serif, 1),
			text(180, "Enzeli → Rasht", sans, 0.985),
		}},
		{Size: A4, Items: []Item{text(100, "widened", serif, 1.02), text(120, "natural", serif, 0)}},
		{Size: A4, Items: []Item{text(100, "natural", serif, 0), text(120, "natural again", serif, 1)}},
	}}
	data := writeDoc(t, doc, WritePDFOptions{uncompressed: true})
	streams := pageStreams(data, 3)
	if len(streams) != 3 {
		t.Fatalf("found %d page streams", len(streams))
	}
	opRE := regexp.MustCompile(`(?m)^([\d.]+) Tz$|BT ([\d.]+) [\d.]+ Td`)
	var got [][]string
	var tds [][]float64
	for _, st := range streams {
		var ops []string
		var xs []float64
		for _, mm := range opRE.FindAllStringSubmatch(st, -1) {
			if mm[1] != "" {
				ops = append(ops, mm[1]+" Tz")
				continue
			}
			ops = append(ops, "BT")
			x, _ := strconv.ParseFloat(mm[2], 64)
			xs = append(xs, x)
		}
		got = append(got, ops)
		tds = append(tds, xs)
	}
	want := [][]string{
		{"102.00 Tz", "BT", "BT", "100.00 Tz", "BT", "BT", "98.50 Tz", "BT", "BT", "BT"},
		{"102.00 Tz", "BT", "100.00 Tz", "BT"},
		{"BT", "BT"},
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("page %d: operators %q, want %q", i+1, got[i], want[i])
		}
	}
	// "Enzeli " and " Rasht" are Noto Sans, "→" DejaVu: each piece
	// starts where the scaled advance of the ones before it ends.
	if xs := tds[0]; len(xs) == 7 {
		for i, before := range []string{"", "Enzeli ", "Enzeli →"} {
			want := 72 + float64(m.Width(before, sans, 10))*0.985
			if math.Abs(xs[4+i]-want) > 0.01 {
				t.Errorf("piece %d at %.2f, want %.2f", i+1, xs[4+i], want)
			}
		}
	} else {
		t.Errorf("page 1: %d text objects, want 7 (the mixed run in three pieces)", len(xs))
	}
	compressed := writeDoc(t, doc, WritePDFOptions{})
	validatePDF(t, compressed)
	got1 := strings.Join(strings.Fields(pdfText(t, writeTemp(t, "tz.pdf", compressed), 1)), " ")
	for _, w := range []string{"widened again", "natural again", "Enzeli", "Rasht"} {
		if !strings.Contains(got1, w) {
			t.Errorf("page 1 text lacks %q: %s", w, got1)
		}
	}
}
