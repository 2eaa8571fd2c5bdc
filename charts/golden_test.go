package charts

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annalist/content"
	"annalist/layout"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// dumpItems prints a display list one item a line, coordinates to two
// decimals, so a golden diff shows exactly what moved.
func dumpItems(items []layout.Item) string {
	var b strings.Builder
	f := func(p layout.Pt) string { return fmt.Sprintf("%.2f", float64(p)) }
	col := func(c *layout.Color) string {
		if c == nil {
			return "-"
		}
		return hex(*c)
	}
	for _, it := range items {
		switch v := it.(type) {
		case layout.Text:
			fmt.Fprintf(&b, "text %s,%s %s/%d %s w=%s %s %q\n", f(v.X), f(v.Y), v.Font.Family, v.Font.Style, f(v.Size), f(v.W), hex(v.Color), v.Text)
		case layout.Rule:
			fmt.Fprintf(&b, "rule %s,%s %s,%s w=%s %s dash=%v\n", f(v.X1), f(v.Y1), f(v.X2), f(v.Y2), f(v.Width), hex(v.Color), v.Dash)
		case layout.Rect:
			fmt.Fprintf(&b, "rect %s,%s %sx%s fill=%s stroke=%s/%s dash=%v hatch=%s\n", f(v.X), f(v.Y), f(v.W), f(v.H), col(v.Fill), col(v.Stroke), f(v.StrokeWidth), v.Dash, v.Hatch)
		case layout.Path:
			fmt.Fprintf(&b, "path %s fill=%s stroke=%s/%s dash=%v\n", pathData(v.Ops), col(v.Fill), col(v.Stroke), f(v.StrokeWidth), v.Dash)
		case layout.Link:
			fmt.Fprintf(&b, "link %s,%s %sx%s -> %s%s\n", f(v.X), f(v.Y), f(v.W), f(v.H), v.Dest, v.URL)
		case layout.Dest:
			fmt.Fprintf(&b, "dest %s at %s,%s\n", v.Name, f(v.X), f(v.Y))
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden at line %d:\n got: %s\nwant: %s\n(run go test -update if the change is right)", path, i+1, g, w)
			}
		}
	}
}

// TestGolden lays out the small hand-written document in a box the size
// of a landscape A5 (so it is tight enough for callouts to matter) and
// compares the display list, the notes it cited and the planner's
// windows with testdata/caspian.golden.
func TestGolden(t *testing.T) {
	doc := caspian(t)
	notes := &counter{}
	tl := &Timeline{Doc: doc, Dests: true}
	c := layoutChecked(t, "golden", tl, 540, 340, notes)
	var b strings.Builder
	b.WriteString("# notes cited, in order\n")
	for i, cs := range notes.cites {
		var parts []string
		for _, c := range cs {
			parts = append(parts, c.Source+" "+c.Locator)
		}
		fmt.Fprintf(&b, "[%d] %s\n", i+1, strings.Join(parts, "; "))
	}
	b.WriteString("# warnings\n")
	for _, w := range tl.Warnings {
		b.WriteString(w + "\n")
	}
	b.WriteString("# plan for a 300 x 250 pt box\n")
	blocks, err := planTimelines(doc, layout.Size{W: 300, H: 250}, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	for _, blk := range blocks {
		p := blk.(*Timeline)
		y1, m1, d1 := content.FromDayNumber(p.From)
		y2, m2, d2 := content.FromDayNumber(p.To)
		fmt.Fprintf(&b, "window %d-%02d-%02d..%d-%02d-%02d dests=%v condense=%v title=%q anchor=%q\n", y1, m1, d1, y2, m2, d2, p.Dests, p.Condense, p.Title(), p.Anchor)
	}
	b.WriteString("# items\n")
	b.WriteString(dumpItems(c.items))
	golden(t, "caspian", b.String())
}

// TestGoldenContext dumps the small document with context decades before
// and after it (a broken scale) and its detail window condensed, in an
// A4 landscape box: testdata/context.golden.
func TestGoldenContext(t *testing.T) {
	doc := withContext(t)
	tl := &Timeline{Doc: doc, Dests: true, Condense: true}
	c := layoutChecked(t, "golden-context", tl, 760, 420, &counter{})
	golden(t, "context", dumpItems(c.items))
}

// TestGoldenFigures dumps the go-chart figures of the small document:
// the activity strip aligned under its timeline, and source coverage.
func TestGoldenFigures(t *testing.T) {
	doc := caspian(t)
	tl := &Timeline{Doc: doc}
	if _, err := tl.Layout(20, 30, 700, 300, fixed{}, &counter{}); err != nil {
		t.Fatal(err)
	}
	strip, err := (&ActivityStrip{Doc: doc, Align: tl}).draw(20, 340, 700, 40, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	cov, err := (&SourceCoverage{Doc: doc}).draw(20, 400, 400, 160, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "figures", "# activity strip\n"+dumpItems(strip.items)+"# source coverage\n"+dumpItems(cov.items))
}

// TestGoldenDefault dumps the chart blocks of the default handout
// (content.Default) as the pipeline plans them: in the box layout.Build
// finally asks for on A4 landscape, with the real Measurer, each block
// checked for the invariants: testdata/default.golden.
func TestGoldenDefault(t *testing.T) {
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := layout.NewMeasurer()
	var blocks []layout.Block
	var fig layout.Size
	if _, err := layout.Build(doc, nil, layout.Options{Measurer: m, Plan: func(b layout.Size) ([]layout.Block, error) {
		bs, err := Plan(doc, b, m)
		blocks, fig = bs, b
		return bs, err
	}}); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# box %.2f x %.2f pt\n", float64(fig.W), float64(fig.H))
	const x, y = 0, 0
	for i, blk := range blocks {
		var c *canvas
		var err error
		switch v := blk.(type) {
		case *Timeline:
			c, err = v.draw(x, y, fig.W, fig.H, m, &counter{})
		case *SourceCoverage:
			c, err = v.draw(x, y, fig.W, fig.H, m)
		default:
			t.Fatalf("block %d: unexpected %T", i, blk)
		}
		if err != nil {
			t.Fatalf("block %d (%T): %v", i, blk, err)
		}
		for _, e := range checkCanvas(c, box{x, y, x + fig.W, y + fig.H}, m) {
			t.Errorf("block %d (%T): %s", i, blk, e)
		}
		title := figureTitleOf(blk)
		fmt.Fprintf(&b, "# block %d: %T %q\n", i, blk, title)
		if tl, ok := blk.(*Timeline); ok {
			y1, m1, d1 := content.FromDayNumber(tl.From)
			y2, m2, d2 := content.FromDayNumber(tl.To)
			fmt.Fprintf(&b, "# window %d-%02d-%02d..%d-%02d-%02d dests=%v condense=%v activity=%v strip bars=%d\n", y1, m1, d1, y2, m2, d2, tl.Dests, tl.Condense, tl.Activity, len(stripBars(c)))
			for _, w := range tl.Warnings {
				if !strings.Contains(w, ": warning: ") {
					w = "warning: " + w
				}
				b.WriteString("# " + w + "\n")
			}
		}
		b.WriteString(dumpItems(c.items))
	}
	golden(t, "default", b.String())
}

func figureTitleOf(b layout.Block) string {
	if t, ok := b.(layout.Titled); ok {
		return t.Title()
	}
	return ""
}
