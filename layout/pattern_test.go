package layout

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

var hatchNames = []string{"hatch", "backhatch", "cross", "dots", "vertical"}

// patternDocument has two chart-like pages of the same size, each with a
// row of abutting bars per hatch in each of two colours, and a portrait
// page with none.
func patternDocument() *Document {
	colours := []Color{{200, 30, 30}, {30, 60, 200}}
	land := A4.Landscape()
	var pages []*Page
	for range 2 {
		p := &Page{Size: land}
		for hi, h := range hatchNames {
			for ci, c := range colours {
				y := 40 + Pt(hi*2+ci)*30
				for b := range 12 { // abutting bars, as a chart's segments are
					x := 40 + Pt(b)*60
					p.Items = append(p.Items, Rect{X: x, Y: y, W: 60, H: 20,
						Fill: ptr(Color{240, 235, 225}), Hatch: h, HatchColor: c})
				}
			}
		}
		pages = append(pages, p)
	}
	pages = append(pages, &Page{Size: A4, Items: []Item{Rule{X1: 72, Y1: 72, X2: 500, Y2: 72, Width: 1}}})
	return &Document{Pages: pages, Meta: Meta{Title: "Patterns", Date: 1700000000}}
}

// TestWritePDFPatterns checks that hatches are tiling patterns: one
// pattern object per hatch and colour however many bars and pages use
// it, each a few hundred bytes; page streams of one "re f" per bar and
// no per-dot or per-line paths; every pattern named in a page's stream
// defined in the resources; and a PDF that pdfcpu's strict validator
// accepts.
func TestWritePDFPatterns(t *testing.T) {
	doc := patternDocument()
	data := writeDoc(t, doc, WritePDFOptions{uncompressed: true})

	// The document has no outline and no links, so the strict validator
	// runs to the end and judges the patterns too.
	if err := api.Validate(bytes.NewReader(data), pdfcpuConf()); err != nil {
		t.Fatalf("pdfcpu (strict): %v", err)
	}

	s := string(data)
	patRE := regexp.MustCompile(`(\d+) 0 obj\n<</Type /Pattern /PatternType 1 /PaintType 1 [^\n]*/Length (\d+)>>\nstream\n`)
	objs := patRE.FindAllStringSubmatch(s, -1)
	if want := len(hatchNames) * 2; len(objs) != want {
		t.Fatalf("%d pattern objects, want %d (one per hatch and colour)", len(objs), want)
	}
	for _, o := range objs {
		var n int
		fmt.Sscan(o[2], &n)
		if n > 600 {
			t.Errorf("pattern object %s: content %d bytes, want a few hundred", o[1], n)
		}
	}
	// The resource dictionary every page shares names them all.
	res := regexp.MustCompile(`/Pattern <<\n((?:/P\d+ \d+ 0 R\n)+)>>`).FindStringSubmatch(s)
	if res == nil {
		t.Fatal("no /Pattern resource dictionary")
	}
	defined := map[string]bool{}
	for _, m := range regexp.MustCompile(`/(P\d+) (\d+) 0 R`).FindAllStringSubmatch(res[1], -1) {
		defined[m[1]] = true
	}
	if len(defined) != len(objs) {
		t.Errorf("resources name %d patterns, %d objects written", len(defined), len(objs))
	}

	streams := pageStreams(data, len(doc.Pages))
	for pi, st := range streams[:2] {
		used := regexp.MustCompile(`/Pattern cs /(P\d+) scn`).FindAllStringSubmatch(st, -1)
		names := map[string]bool{}
		for _, u := range used {
			if !defined[u[1]] {
				t.Errorf("page %d fills with %s, which the resources do not define", pi+1, u[1])
			}
			names[u[1]] = true
		}
		if len(names) != len(objs) {
			t.Errorf("page %d uses %d patterns, want all %d", pi+1, len(names), len(objs))
		}
		bars := 0
		for _, it := range doc.Pages[pi].Items {
			if _, ok := it.(Rect); ok {
				bars++
			}
		}
		// Each bar: its background and its pattern, one rectangle each.
		if n := strings.Count(st, " re f\n"); n != 2*bars {
			t.Errorf("page %d: %d filled rectangles, want %d", pi+1, n, 2*bars)
		}
		if strings.Contains(st, " c\n") || strings.Contains(st, " l\n") || strings.Contains(st, " W n") {
			t.Errorf("page %d: curves, lines or clips in the page stream: hatching drawn shape by shape", pi+1)
		}
		// Bounded per bar: a bar's background colour, its pattern and two
		// rectangles, not a circle per dot.
		if max := 120 * bars; len(st) > max {
			t.Errorf("page %d: content stream %d bytes for %d bars, want under %d", pi+1, len(st), bars, max)
		}
	}
	// Page 3 has no hatch. (Its stream may still select the last
	// pattern as the fill: fpdf carries the fill colour over to a new
	// page, as it does any colour, and nothing on the page fills.)
	if strings.Contains(streams[2], "re f") {
		t.Errorf("page 3 fills a rectangle:\n%s", streams[2])
	}

	again := writeDoc(t, patternDocument(), WritePDFOptions{uncompressed: true})
	if !bytes.Equal(data, again) {
		t.Error("two writes of the same document differ")
	}
	validatePDF(t, writeDoc(t, doc, WritePDFOptions{}))
}

// TestWritePDFPatternGray checks that --grayscale converts the patterns'
// colours too: their operators are gray ones.
func TestWritePDFPatternGray(t *testing.T) {
	data := string(writeDoc(t, patternDocument(), WritePDFOptions{uncompressed: true, Grayscale: true}))
	_, pats, ok := strings.Cut(data, "/Type /Pattern")
	if !ok {
		t.Fatal("no patterns")
	}
	if strings.Contains(pats, " RG\n") || strings.Contains(pats, " rg\n") {
		t.Error("a pattern sets an RGB colour in a grayscale PDF")
	}
	if !strings.Contains(pats, " G\n") || !strings.Contains(pats, " g\n") {
		t.Error("patterns set no gray colour")
	}
}

// TestWritePDFPatternPageHeight: a pattern is anchored to the top left of
// the page, so pages of another height get their own pattern objects, and
// pages of one height share them.
func TestWritePDFPatternPageHeight(t *testing.T) {
	r := Rect{X: 50, Y: 50, W: 100, H: 20, Hatch: "dots", HatchColor: Color{10, 20, 30}}
	doc := &Document{Pages: []*Page{
		{Size: A4, Items: []Item{r}},
		{Size: A4.Landscape(), Items: []Item{r}},
		{Size: A4, Items: []Item{r}},
	}}
	data := string(writeDoc(t, doc, WritePDFOptions{uncompressed: true}))
	if n := strings.Count(data, "/PatternType 1"); n != 2 {
		t.Errorf("%d pattern objects for one hatch on pages of two heights, want 2", n)
	}
}

// TestHatchTiles checks each cell against the texture it stands for,
// defined on the whole page: lines x+y = k·d (hatch), x-y = k·d
// (backhatch), both (cross), x = k·s (vertical); dots on rows s apart,
// every other row shifted half a step. At points over a stretch of page
// (negative coordinates too), a point is inked by the tiled cell exactly
// when it is inked by the texture, so cells join up without gaps or
// doubled marks at their edges and the phase is anchored to the page.
func TestHatchTiles(t *testing.T) {
	d := float64(diagStep)
	near := func(v, period float64) float64 { // distance to the nearest multiple
		return math.Abs(v - period*math.Round(v/period))
	}
	texture := map[string]func(x, y float64) float64{ // signed: < 0 inside the mark
		"hatch":     func(x, y float64) float64 { return near(x+y, d)/math.Sqrt2 - diagWidth/2 },
		"backhatch": func(x, y float64) float64 { return near(x-y, d)/math.Sqrt2 - diagWidth/2 },
		"cross": func(x, y float64) float64 {
			return min(near(x+y, d), near(x-y, d))/math.Sqrt2 - diagWidth/2
		},
		"vertical": func(x, y float64) float64 { return near(x, vertCell/vertLines) - vertWidth/2 },
		"dots": func(x, y float64) float64 {
			s := float64(dotStep)
			best := math.Inf(1)
			for _, row := range []float64{math.Floor(y / s), math.Floor(y/s) + 1} {
				off := 0.0
				if int(row)%2 != 0 {
					off = s / 2
				}
				cx := off + s*math.Round((x-off)/s)
				best = min(best, math.Hypot(x-cx, y-row*s))
			}
			return best - dotRadius
		},
	}
	for _, h := range hatchNames {
		tile, ok := HatchTileFor(h)
		if !ok {
			t.Fatalf("%s: no tile", h)
		}
		// Whole pixels at 100 dpi (0.72 pt), so renderers that round a
		// cell to device pixels draw it at its size.
		for _, v := range []Pt{tile.W, tile.H} {
			if n := float64(v) / 0.72; math.Abs(n-math.Round(n)) > 1e-9 {
				t.Errorf("%s: cell side %.4f pt is %.3f pixels at 100 dpi, not a whole number", h, v, n)
			}
		}
		for _, c := range tile.Dots {
			r := tile.DotRadius
			if c[0]-r < 0 || c[1]-r < 0 || c[0]+r > tile.W || c[1]+r > tile.H {
				t.Errorf("%s: dot at %v crosses the cell's edge", h, c)
			}
		}
		inked := func(x, y float64) float64 {
			u := math.Mod(x-float64(tile.X), float64(tile.W))
			v := math.Mod(y-float64(tile.Y), float64(tile.H))
			if u < 0 {
				u += float64(tile.W)
			}
			if v < 0 {
				v += float64(tile.H)
			}
			best := math.Inf(1)
			for _, l := range tile.Lines {
				best = min(best, segmentDist(u, v, l)-float64(tile.LineWidth)/2)
			}
			for _, c := range tile.Dots {
				best = min(best, math.Hypot(u-float64(c[0]), v-float64(c[1]))-float64(tile.DotRadius))
			}
			return best
		}
		want := texture[h]
		bad := 0
		for y := -30.0; y < 30; y += 0.097 {
			for x := -30.0; x < 30; x += 0.113 {
				w, g := want(x, y), inked(x, y)
				if math.Abs(w) < 1e-6 || math.Abs(g) < 1e-6 {
					continue // on an edge of a mark
				}
				if (w < 0) != (g < 0) {
					if bad++; bad <= 3 {
						t.Errorf("%s: at (%.3f, %.3f) the texture is inked %v, the tiled cell %v", h, x, y, w < 0, g < 0)
					}
				}
			}
		}
	}
	if _, ok := HatchTileFor("plaid"); ok {
		t.Error("a tile for an unknown hatch")
	}
}

// segmentDist is the distance from (x, y) to a segment stroked with butt
// caps: to the segment's line where the foot of the perpendicular falls
// on the segment, infinite past its ends.
func segmentDist(x, y float64, l [4]Pt) float64 {
	x1, y1, x2, y2 := float64(l[0]), float64(l[1]), float64(l[2]), float64(l[3])
	dx, dy := x2-x1, y2-y1
	t := ((x-x1)*dx + (y-y1)*dy) / (dx*dx + dy*dy)
	if t < 0 || t > 1 {
		return math.Inf(1)
	}
	return math.Abs((x-x1)*dy-(y-y1)*dx) / math.Hypot(dx, dy)
}

// TestTilingPatternMatrix: the pattern's matrix takes a point of the cell
// to where the display list has it on the page, (X+u, Y+v) counted from
// the top left, whatever the page's height; the cell's box and steps are
// the tile's.
func TestTilingPatternMatrix(t *testing.T) {
	for _, pageH := range []Pt{A4.H, A4.W, Letter.H} {
		for _, h := range hatchNames {
			tile, _ := HatchTileFor(h)
			p := tilingPattern(tile, 10, 20, 30, pageH)
			m := p.Matrix
			for _, c := range [][2]float64{{0, 0}, {1, 2}, {float64(tile.W), float64(tile.H)}} {
				u, v := c[0], c[1]
				x, y := m[0]*u+m[2]*v+m[4], m[1]*u+m[3]*v+m[5] // PDF: y up from the bottom
				gx, gy := x, float64(pageH)-y                  // the display list: y down from the top
				if math.Abs(gx-(float64(tile.X)+u)) > 1e-9 || math.Abs(gy-(float64(tile.Y)+v)) > 1e-9 {
					t.Errorf("%s, page %.2f high: cell (%g, %g) lands at (%g, %g), want (%g, %g)",
						h, pageH, u, v, gx, gy, float64(tile.X)+u, float64(tile.Y)+v)
				}
			}
			if p.BBox != [4]float64{0, 0, float64(tile.W), float64(tile.H)} || p.XStep != float64(tile.W) || p.YStep != float64(tile.H) {
				t.Errorf("%s: box %v, steps %g, %g; want the %gx%g cell", h, p.BBox, p.XStep, p.YStep, tile.W, tile.H)
			}
		}
	}
}
