package charts

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
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

// stripBars returns the bars of the activity strip a timeline drew.
func stripBars(c *canvas) []layout.Rect {
	var out []layout.Rect
	for i, it := range c.items {
		if r, ok := it.(layout.Rect); ok && c.owners[i] == "strip" && r.Fill != nil {
			out = append(out, r)
		}
	}
	return out
}

// TestTimelineActivityStrip draws the strip inside the timeline block,
// on a linear and on a broken scale, and leaves it out with a warning
// when the chart has no room for it.
func TestTimelineActivityStrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *content.Document
	}{
		{"linear", caspian(t)},
		{"broken", withContext(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := &Timeline{Doc: tc.doc, Activity: true}
			c := layoutChecked(t, "activity-"+tc.name, tl, 760, 420, &counter{})
			bars := stripBars(c)
			if len(bars) == 0 {
				t.Fatalf("no strip drawn; warnings %q", tl.Warnings)
			}
			main := tl.plotSc.shift(20).Main()
			lanesBot := layout.Pt(0)
			for i, it := range c.items {
				if r, ok := it.(layout.Rect); ok && c.owners[i] != "strip" {
					lanesBot = max(lanesBot, r.Y+r.H)
				}
			}
			for _, r := range bars {
				// Bars only in the main period's segment, under the chart.
				if r.X < main.X0-0.3 || r.X+r.W > main.X1+0.3 {
					t.Errorf("bar %.2f..%.2f outside the main segment %.2f..%.2f", r.X, r.X+r.W, main.X0, main.X1)
				}
				if r.Y < lanesBot-0.01 && r.Y+r.H > lanesBot {
					t.Errorf("bar at y %.2f..%.2f overlaps the chart, which ends at %.2f", r.Y, r.Y+r.H, lanesBot)
				}
			}
			checkBarsOnScale(t, c, tl.plotSc.shift(20))
			if (len(tl.plotSc.Segs) > 0) != (tc.name == "broken") {
				t.Errorf("scale broken = %v, want %v", len(tl.plotSc.Segs) > 0, tc.name == "broken")
			}
			// A box just tall enough for the chart alone: no strip.
			bare := &Timeline{Doc: tc.doc}
			s, err := bare.fitState(20, 30, 760, 420, fixed{}, &counter{})
			if err != nil {
				t.Fatal(err)
			}
			s.spare = 0
			tight := &Timeline{Doc: tc.doc, Activity: true}
			c = layoutChecked(t, "activity-tight-"+tc.name, tight, 760, s.height()+10, &counter{})
			if n := len(stripBars(c)); n != 0 {
				t.Errorf("%d strip bars in a box with no room for them", n)
			}
			if len(tight.Warnings) == 0 || !strings.Contains(tight.Warnings[len(tight.Warnings)-1], "activity strip left out") {
				t.Errorf("no warning for the strip left out: %q", tight.Warnings)
			}
		})
	}
}

// TestPlanFigures: Plan ends with the source coverage figure, titled for
// its page, and asks the one-page main chart for its activity strip.
func TestPlanFigures(t *testing.T) {
	doc := caspian(t)
	box, err := layout.FigureBox("a4")
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := Plan(doc, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) < 2 {
		t.Fatalf("%d blocks", len(blocks))
	}
	cov, ok := blocks[len(blocks)-1].(*SourceCoverage)
	if !ok {
		t.Fatalf("last block is %T, want *SourceCoverage", blocks[len(blocks)-1])
	}
	var titled layout.Titled = cov
	if titled.Title() == "" || titled.Title() == "Timeline" {
		t.Errorf("coverage title %q", titled.Title())
	}
	if tl := blocks[0].(*Timeline); !tl.Activity {
		t.Errorf("the one-page main chart does not ask for its activity strip")
	}
	// A document citing nothing has no coverage figure.
	bare := caspian(t)
	for _, e := range bare.Events {
		e.Cite, e.Versions = nil, nil
	}
	blocks, err = Plan(bare, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		if _, ok := b.(*SourceCoverage); ok {
			t.Errorf("a coverage figure for a document that cites nothing")
		}
	}
}

// checkBarsOnScale checks that every strip bar in c spans its month on
// sc: from the month's first day to the day after its last, less the
// hairline gap drawOn leaves between months (within go-chart's pixel).
func checkBarsOnScale(t *testing.T, c *canvas, sc Scale) {
	t.Helper()
	bars := stripBars(c)
	if len(bars) == 0 {
		t.Fatal("no strip bars")
	}
	main := sc.Main()
	from := int64(main.From)
	for _, r := range bars {
		mid := r.X + r.W/2
		found := false
		fy, fm, _ := content.FromDayNumber(from)
		for y, mo := fy, fm; content.DayNumber(y, mo, 1) < int64(main.To); y, mo = addMonths(y, mo, 1) {
			ny, nm := addMonths(y, mo, 1)
			lo, hi := max(content.DayNumber(y, mo, 1), from), content.DayNumber(ny, nm, 1)-1
			n := float64(hi - lo + 1)
			x0, x1 := sc.X(float64(lo)+0.04*n), sc.X(float64(hi+1)-0.04*n)
			if mid < x0 || mid > x1 {
				continue
			}
			found = true
			// go-chart draws on a grid of quarter points and insets
			// each bar a little: within 0.4 pt, a hair at print size.
			if math.Abs(float64(r.X-x0)) > 0.4 || math.Abs(float64(r.X+r.W-x1)) > 0.4 {
				t.Errorf("bar of %d-%02d at x %.2f..%.2f, the scale puts the month at %.2f..%.2f", y, mo, r.X, r.X+r.W, x0, x1)
			}
		}
		if !found {
			t.Errorf("bar at x %.2f..%.2f is in no month of the main period", r.X, r.X+r.W)
		}
	}
}

// TestActivityPanel: when the default handout's main chart leaves no
// room for the strip, Plan puts it on the coverage figure's page, with
// no warning, drawn on exactly the timeline's scale (the same box x and
// width), the timeline's tick labels repeated, and the figure keeps the
// invariants.
func TestActivityPanel(t *testing.T) {
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := layout.NewMeasurer()
	fig := layout.Size{W: 761.89, H: 369.28} // the default handout's figure box
	blocks, err := Plan(doc, fig, m)
	if err != nil {
		t.Fatal(err)
	}
	// The overview takes several pages to label its events, so the
	// strip of the whole period is drawn on the figures page on the
	// scale the chart would have on one page.
	cov, ok := blocks[len(blocks)-1].(*SourceCoverage)
	if !ok || cov.Strip == nil {
		t.Fatalf("last block %T carries no strip", blocks[len(blocks)-1])
	}
	tl := cov.Strip
	for _, b := range blocks {
		if b == layout.Block(tl) {
			t.Fatalf("the strip's timeline is also drawn: the strip would be drawn twice")
		}
		if w, ok := b.(*Timeline); ok && w.Activity {
			t.Errorf("window %d..%d draws a strip too", w.From, w.To)
		}
	}
	if tl.Activity {
		t.Errorf("the main chart asks for a strip under it too: it would be drawn twice")
	}
	const x, y = 20, 30
	// The scale the strip is drawn on: the timeline's on one page, as
	// it is laid out when it fits one, else as its scale alone.
	var plotSc Scale
	var plotAxis Axis
	if _, err := tl.draw(x, y, fig.W, fig.H, m, &counter{}); err == nil {
		plotSc, plotAxis = tl.plotSc, tl.plotAxis
	} else {
		sc, axis, _, err := cov.stripScale(0, 0, fig.W, fig.H, m)
		if err != nil {
			t.Fatal(err)
		}
		plotSc, plotAxis = sc, axis
	}
	if len(plotSc.Segs) == 0 {
		t.Errorf("the default chart's scale is not broken: the test no longer covers breaks")
	}
	for _, w := range Warnings(blocks) {
		if strings.Contains(w, "activity") {
			t.Errorf("warning %q", w)
		}
	}
	c, err := cov.draw(x, y, fig.W, fig.H, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range checkCanvas(c, box{x, y, x + fig.W, y + fig.H}, m) {
		t.Error(e)
	}
	sc := plotSc.shift(x)
	checkBarsOnScale(t, c, sc)
	// The bars in the lower half; the timeline's tick labels repeated
	// at the same x.
	texts := map[string]layout.Pt{}
	for _, it := range c.items {
		if tx, ok := it.(layout.Text); ok {
			texts[fmt.Sprintf("%s@%.2f", tx.Text, float64(tx.X))] = tx.Y
		}
	}
	for _, r := range stripBars(c) {
		if r.Y < y+fig.H/2 {
			t.Errorf("bar at y %.2f in the top half", r.Y)
		}
	}
	labels := 0
	for _, tk := range plotAxis.shift(x).Ticks {
		if tk.Label == "" {
			continue
		}
		labels++
		if _, ok := texts[fmt.Sprintf("%s@%.2f", tk.Label, float64(tk.X+2))]; !ok {
			t.Errorf("tick label %q at x %.2f not repeated", tk.Label, float64(tk.X+2))
		}
	}
	if labels == 0 {
		t.Error("the timeline has no tick labels")
	}
	// Laid out before the timeline, the figure fits the timeline's scale
	// itself, and finds the same one.
	fresh := &SourceCoverage{Doc: doc, Strip: &Timeline{Doc: tl.Doc, From: tl.From, To: tl.To, Window: tl.Window, Condense: tl.Condense, noGroup: tl.noGroup}}
	c2, err := fresh.draw(x, y, fig.W, fig.H, m)
	if err != nil {
		t.Fatal(err)
	}
	checkBarsOnScale(t, c2, sc)
}
