package charts

import (
	"fmt"
	"strings"
	"testing"

	"annalist/content"
	"annalist/layout"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		from, to int64
		k        int
	}{{0, 99, 1}, {0, 99, 3}, {0, 1000, 4}, {-500000, 3000, 7}, {10, 12, 5}} {
		ws := split(tc.from, tc.to, tc.k)
		if ws[0][0] != tc.from || ws[len(ws)-1][1] != tc.to {
			t.Errorf("split(%d, %d, %d) = %v: does not cover the span", tc.from, tc.to, tc.k, ws)
		}
		for i := 1; i < len(ws); i++ {
			if ws[i][0] != ws[i-1][1]+1 || ws[i][1] < ws[i][0] {
				t.Errorf("split(%d, %d, %d) = %v: window %d not contiguous or empty", tc.from, tc.to, tc.k, ws, i)
			}
		}
		if len(ws) > tc.k {
			t.Errorf("split(%d, %d, %d) gave %d windows", tc.from, tc.to, tc.k, len(ws))
		}
	}
}

// TestPlanSplits forces the small document into boxes too narrow for one
// window and checks every page: the invariants, contiguous windows, a
// continued bar marked, and exactly one chart-<id> destination per
// event across the pages.
func TestPlanSplits(t *testing.T) {
	doc := caspian(t)
	for _, size := range []layout.Size{{W: 260, H: 220}, {W: 280, H: 205}} {
		blocks, err := planTimelines(doc, size, fixed{})
		if err != nil {
			t.Fatal(err)
		}
		var main []*Timeline
		for _, b := range blocks {
			if tl := b.(*Timeline); tl.Dests {
				main = append(main, tl)
			}
		}
		if len(main) < 2 {
			t.Fatalf("%v: %d main windows, want a split", size, len(main))
		}
		// A detail figure may itself be split; its parts are titled
		// after it.
		for _, b := range blocks {
			if tl := b.(*Timeline); !tl.Dests && !strings.HasPrefix(tl.Title(), doc.Details[0].Title) {
				t.Errorf("%v: detail block titled %q", size, tl.Title())
			}
		}
		// Each detail figure is drawn, unless a window of the overview
		// already shows its months at nearly its scale.
		for _, d := range doc.Details {
			f, _, _ := pointSpan(d.Date.Start)
			_, l, _ := pointSpan(d.Date.End)
			drawn := false
			for _, b := range blocks {
				if tl := b.(*Timeline); !tl.Dests && strings.HasPrefix(tl.Title(), d.Title) {
					drawn = true
				}
			}
			covered := false
			for _, tl := range main {
				if tl.From <= f && l <= tl.To && float64(tl.To-tl.From+1) <= detailScale*float64(l-f+1) {
					covered = true
				}
			}
			if drawn == covered {
				t.Errorf("%v: detail %q drawn %v, covered by a window of the overview %v", size, d.Title, drawn, covered)
			}
		}
		dests := map[string]int{}
		chevrons := 0
		for i, tl := range main {
			if i > 0 && tl.From != main[i-1].To+1 {
				t.Errorf("%v: window %d starts at %d, previous ended at %d", size, i, tl.From, main[i-1].To)
			}
			c := layoutChecked(t, fmt.Sprintf("plan-%.0f-%d", float64(size.W), i), tl, size.W, size.H, &counter{})
			for _, it := range c.items {
				if d, ok := it.(layout.Dest); ok {
					dests[d.Name]++
				}
			}
			for _, lane := range mustState(t, tl, size).lanes {
				for _, mk := range lane {
					if mk.contL || mk.contR {
						chevrons++
					}
				}
			}
		}
		for _, ev := range doc.Events {
			if n := dests["chart-"+ev.ID]; n != 1 {
				t.Errorf("%v: chart-%s is a destination %d times, want once", size, ev.ID, n)
			}
		}
		if chevrons == 0 {
			t.Errorf("%v: no bar marked as continued across %d windows", size, len(main))
		}
	}
}

func mustState(t *testing.T, tl *Timeline, size layout.Size) *layoutState {
	t.Helper()
	s, err := tl.fitState(0, 0, size.W, size.H, fixed{}, &counter{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestQuantileSplit: with events clustered late, windows by events put
// the boundary inside the cluster; time-weighted windows put it between.
func TestQuantileSplit(t *testing.T) {
	tracks := []*content.Track{{ID: "a", Title: "A"}}
	var evs []*content.Event
	for i, d := range []string{"1905-03", "1906-07", "1908-01"} {
		evs = append(evs, &content.Event{ID: fmt.Sprint("early", i), Track: "a", Title: "x", Date: mustDate(t, d)})
	}
	for i := 0; i < 30; i++ {
		evs = append(evs, &content.Event{ID: fmt.Sprint("late", i), Track: "a", Title: "x", Date: mustDate(t, fmt.Sprintf("1920-%02d-10", 1+i%12))})
	}
	doc := newDoc(tracks, evs)
	from, to, _ := Span(doc)
	byEvents := quantileSplit(doc, from, to, 2, 0)
	y, _, _ := content.FromDayNumber(byEvents[1][0])
	if y != 1920 {
		t.Errorf("by events, the second window starts in %d, want 1920: %v", y, byEvents)
	}
	mixed := quantileSplit(doc, from, to, 2, 1)
	y, _, _ = content.FromDayNumber(mixed[1][0])
	if y < 1909 || y > 1919 {
		t.Errorf("time-weighted, the second window starts in %d, want between the clusters", y)
	}
	for _, ws := range [][][2]int64{byEvents, mixed} {
		if ws[0][0] != from || ws[len(ws)-1][1] != to || ws[1][0] != ws[0][1]+1 {
			t.Errorf("windows %v do not tile [%d, %d]", ws, from, to)
		}
	}
}
