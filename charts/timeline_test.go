package charts

import (
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annalist/content"
	"annalist/layout"
)

var svgDir = flag.String("svg", "", "write each test chart as SVG into this directory, to look at")

// layoutChecked lays out a timeline into a box and fails the test on any
// breach of the chart's invariants.
func layoutChecked(t *testing.T, name string, tl *Timeline, w, h layout.Pt, notes layout.Notes) *canvas {
	t.Helper()
	const x, y = 20, 30
	c, err := tl.draw(x, y, w, h, fixed{}, notes)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
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
	return c
}

func TestCaspian(t *testing.T) {
	doc := caspian(t)
	a4 := layout.A4.Landscape()
	tl := &Timeline{Doc: doc, Dests: true}
	notes := &counter{}
	c := layoutChecked(t, "caspian", tl, a4.W-40, a4.H-60, notes)
	if len(tl.Warnings) > 0 {
		t.Errorf("warnings: %v", tl.Warnings)
	}
	_ = c
}

func TestCrowdedLane(t *testing.T) {
	doc := crowded(t, 20)
	tl := &Timeline{Doc: doc}
	c := layoutChecked(t, "crowded", tl, 500, 300, &counter{})
	callouts := 0
	for i, it := range c.items {
		if tx, ok := it.(layout.Text); ok && c.kinds[i] == kText && tx.Size == smallSize && !strings.Contains(tx.Text, " ") {
			callouts++
		}
	}
	if callouts == 0 {
		t.Errorf("a lane of 20 events in one month in a 300 pt box should need callouts")
	}
}

func TestManyEvents(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var tracks []*content.Track
	for i := 0; i < 5; i++ {
		tracks = append(tracks, &content.Track{ID: string(rune('a' + i)), Title: "Track " + string(rune('A'+i))})
	}
	var evs []*content.Event
	words := strings.Fields("treaty landing revolt congress mission fleet army decree conference strike uprising")
	for i := 0; i < 500; i++ {
		y, m, d := 1900+rng.Intn(30), 1+rng.Intn(12), 1+rng.Intn(28)
		s := content.Date{}
		s.Start = content.Point{Year: y, Month: m, Day: d, Precision: content.PrecisionDay}
		s.End = s.Start
		if rng.Intn(3) == 0 {
			s.Interval = true
			ey := y + rng.Intn(3)
			s.End = content.Point{Year: ey, Month: 1 + rng.Intn(12), Precision: content.PrecisionMonth}
			if ey == y && s.End.Month < m {
				s.End.Month = m
			}
		}
		title := words[rng.Intn(len(words))] + " " + words[rng.Intn(len(words))]
		evs = append(evs, &content.Event{ID: "e" + string(rune('0'+i%10)) + strings.Repeat("x", i/10), Track: tracks[rng.Intn(5)].ID, Title: title, Date: s})
	}
	doc := newDoc(tracks, evs)
	a4 := layout.A4.Landscape()
	tl := &Timeline{Doc: doc}
	if _, err := tl.draw(20, 30, a4.W-40, a4.H-60, fixed{}, &counter{}); err == nil {
		t.Logf("500 events fit one page")
	}
	// The planner must split them into pages that each pass the checks.
	blocks, err := planTimelines(doc, layout.Size{W: a4.W - 40, H: a4.H - 60}, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) < 2 {
		t.Fatalf("Plan gave %d blocks for 500 events over 30 years", len(blocks))
	}
	for i, b := range blocks {
		layoutChecked(t, "many-"+string(rune('a'+i)), b.(*Timeline), a4.W-40, a4.H-60, &counter{})
	}
}
