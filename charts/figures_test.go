package charts

import (
	"os"
	"path/filepath"
	"testing"

	"annalist/content"
	"annalist/layout"
)

func checkFigure(t *testing.T, name string, c *canvas, x, y, w, h layout.Pt) {
	t.Helper()
	for _, e := range checkCanvas(c, box{x, y, x + w, y + h}, fixed{}) {
		t.Errorf("%s: %s", name, e)
	}
	if *svgDir != "" {
		f, err := os.Create(filepath.Join(*svgDir, name+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := WriteSVG(f, c.items, layout.Size{W: w + 2*x, H: h + 2*y}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestActivityStripAligned draws the strip under a timeline and checks
// that each month's bar lies within that month on the timeline's axis.
func TestActivityStripAligned(t *testing.T) {
	doc := caspian(t)
	tl := &Timeline{Doc: doc}
	const x, y, w = 20, 30, 700
	tc := layoutChecked(t, "strip-timeline", tl, w, 300, &counter{})
	strip := &ActivityStrip{Doc: doc, Align: tl}
	c, err := strip.draw(x, y, w, 40, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	checkFigure(t, "strip", c, x, y, w, 40)
	sc := Scale{From: float64(tl.plotFrom), To: float64(tl.plotTo + 1), X0: x + tl.plotX0, X1: x + tl.plotX0 + tl.plotW}
	var bars int
	for _, it := range c.items {
		r, ok := it.(layout.Rect)
		if !ok || r.Fill == nil {
			continue
		}
		bars++
		// The month containing the bar's centre must contain the bar.
		mid := float64(r.X+r.W/2-sc.X0)/float64(sc.PerDay()) + sc.From
		y, mo, _ := content.FromDayNumber(int64(mid))
		lo, hi := sc.X(float64(content.DayNumber(y, mo, 1))), sc.X(float64(monthStart(content.DayNumber(y, mo, 28)+5)))
		if r.X < lo-0.3 || r.X+r.W > hi+0.3 {
			t.Errorf("bar %.2f..%.2f is not within its month %d-%02d at %.2f..%.2f", r.X, r.X+r.W, y, mo, lo, hi)
		}
	}
	if bars == 0 {
		t.Fatal("no bars drawn")
	}
	_ = tc
}

func TestSourceCoverage(t *testing.T) {
	doc := caspian(t)
	sc := &SourceCoverage{Doc: doc}
	rows := sc.rows()
	want := map[string]float64{"atabaki2017": 3, "russia-beyond": 2, "swietochowski": 2, "gokay": 3}
	if len(rows) != len(want) {
		t.Errorf("%d sources, want %d", len(rows), len(want))
	}
	for _, r := range rows {
		if r.total != want[r.id] {
			t.Errorf("%s attests %v events, want %v", r.id, r.total, want[r.id])
		}
	}
	c, err := sc.draw(20, 30, 400, 160, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	checkFigure(t, "coverage", c, 20, 30, 400, 160)
	hatched := 0
	for _, it := range c.items {
		if r, ok := it.(layout.Rect); ok && r.Hatch != "" {
			hatched++
		}
	}
	if hatched == 0 {
		t.Errorf("no bar segment hatched: tracks must differ without colour")
	}
}
