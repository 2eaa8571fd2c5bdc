package charts

import (
	"fmt"
	"strings"
	"testing"

	"annalist/content"
	"annalist/layout"
)

func TestAxis(t *testing.T) {
	st := AxisStyle{Font: layout.Font{Family: "sans"}, Size: 7.5, Pad: 2, Gap: 6}
	tests := []struct {
		name     string
		from, to [3]int // y, m, d, inclusive
		width    layout.Pt
		unit     Unit
		labels   string // the first tick labels, space-separated
		context  string // the context row, "|"-separated
		nTicks   int
	}{
		// Years folded into the month row, at each January.
		{"two years", [3]int{1920, 1, 1}, [3]int{1921, 12, 31}, 600, Unit{Months, 1}, "1920 Feb Mar Apr", "", 25},
		{"narrow two years", [3]int{1920, 1, 1}, [3]int{1921, 12, 31}, 200, Unit{Months, 3}, "1920 Apr Jul Oct 1921", "", 9},
		{"a decade", [3]int{1910, 1, 1}, [3]int{1919, 12, 31}, 600, Unit{Months, 6}, "1910 Jul 1911 Jul", "", 21},
		// Not folded: the window starts inside a year (the first year
		// has no January), or a year would crowd the next month.
		{"from April", [3]int{1920, 4, 1}, [3]int{1921, 12, 31}, 600, Unit{Months, 1}, "Apr May Jun", "1920|1921", 22},
		{"tight months", [3]int{1920, 1, 1}, [3]int{1921, 12, 31}, 530, Unit{Months, 1}, "Jan Feb Mar", "1920|1921", 25},
		{"three days", [3]int{1920, 5, 17}, [3]int{1920, 5, 19}, 300, Unit{Days, 1}, "17 18 19", "May 1920", 4},
		{"month starting mid-way", [3]int{1920, 4, 20}, [3]int{1920, 6, 10}, 500, Unit{Days, 5}, "21 26 1 6", "Apr 1920|May 1920|Jun 1920", 11},
		{"BCE", [3]int{-99, 1, 1}, [3]int{-43, 12, 31}, 500, Unit{Years, 5}, "100 BCE 95 BCE 90 BCE", "", 12},
		{"across the era", [3]int{-20, 1, 1}, [3]int{20, 12, 31}, 500, Unit{Years, 5}, "20 BCE 15 BCE", "", 8},
		{"millennia", [3]int{-2999, 1, 1}, [3]int{2000, 12, 31}, 600, Unit{Years, 500}, "3000 BCE 2500 BCE", "", 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			from := content.DayNumber(tc.from[0], tc.from[1], tc.from[2])
			to := content.DayNumber(tc.to[0], tc.to[1], tc.to[2])
			sc := Scale{From: float64(from), To: float64(to + 1), X0: 50, X1: 50 + tc.width}
			a := MakeAxis(sc, st, fixed{})
			if a.Unit != tc.unit {
				t.Errorf("unit = %v, want %v", a.Unit, tc.unit)
			}
			if len(a.Ticks) != tc.nTicks {
				t.Errorf("%d ticks, want %d", len(a.Ticks), tc.nTicks)
			}
			var labels []string
			for _, tk := range a.Ticks {
				labels = append(labels, tk.Label)
			}
			if got := strings.Join(labels, " "); !strings.HasPrefix(got, tc.labels) {
				t.Errorf("labels = %q, want prefix %q", got, tc.labels)
			}
			var ctx []string
			for _, l := range a.Context {
				ctx = append(ctx, l.Label)
			}
			if got := strings.Join(ctx, "|"); !strings.HasPrefix(got, tc.context) {
				t.Errorf("context = %q, want prefix %q", got, tc.context)
			}
			checkAxis(t, a, sc, st)
		})
	}
}

// checkAxis checks the axis's own invariants: ticks inside the scale and
// increasing, labels inside it and never closer than Gap.
func checkAxis(t *testing.T, a Axis, sc Scale, st AxisStyle) {
	t.Helper()
	m := fixed{}
	var lastEnd layout.Pt = -1e9
	for i, tk := range a.Ticks {
		if tk.X < sc.X0-0.01 || tk.X > sc.X1+0.01 {
			t.Errorf("tick %d at %.2f outside [%.2f, %.2f]", i, tk.X, sc.X0, sc.X1)
		}
		if i > 0 && tk.Day <= a.Ticks[i-1].Day {
			t.Errorf("tick %d not after tick %d", i, i-1)
		}
		if tk.Label == "" {
			continue
		}
		x := tk.X + st.Pad
		if x < lastEnd+st.Gap-0.01 {
			t.Errorf("label %q at %.2f closer than %.0f to the previous ending %.2f", tk.Label, x, st.Gap, lastEnd)
		}
		lastEnd = x + m.Width(tk.Label, st.Font, st.Size)
		if lastEnd > sc.X1+0.01 {
			t.Errorf("label %q runs off the axis", tk.Label)
		}
	}
	for _, l := range a.Context {
		if l.X+m.Width(l.Label, st.Font, st.Size) > sc.X1+0.01 {
			t.Errorf("context label %q runs off the axis", l.Label)
		}
	}
}

func TestScale(t *testing.T) {
	sc := Scale{From: 100, To: 200, X0: 10, X1: 210}
	for _, tc := range []struct {
		day  float64
		want layout.Pt
	}{{100, 10}, {200, 210}, {150, 110}, {125.5, 61}} {
		if got := sc.X(tc.day); got != tc.want {
			t.Errorf("X(%v) = %v, want %v", tc.day, got, tc.want)
		}
	}
	if sc.PerDay() != 2 {
		t.Errorf("PerDay = %v", sc.PerDay())
	}
}

// TestChartDates: the chart prints dates with the text's one printer
// (content's), never more precisely than given: a decade stays a decade
// ("192X" is "1920s", not "1920"), a BCE year is marked, "c." keeps its
// date on the line.
func TestChartDates(t *testing.T) {
	for y, want := range map[int]string{1920: "1920", 1: "1", 0: "1 BCE", -43: "44 BCE"} {
		if got := content.FormatYear(y); got != want {
			t.Errorf("FormatYear(%d) = %q, want %q", y, got, want)
		}
	}
	for in, want := range map[string]string{
		"192X": "1920s", "1920-09-23": "23 Sep 1920", "1920-09": "Sep 1920", "1920-21": "spring 1920",
		"1920-05~": "c.\u00a0May 1920", "1920?": "1920?", "-0043-03-15": "15 Mar 44 BCE",
	} {
		if got := mustDate(t, in).Start.Short(); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// TestBrokenScale: a broken scale is monotone, linear within each
// segment, puts each break between the segments' edges, and gives ticks
// per segment, BCE included.
func TestBrokenScale(t *testing.T) {
	day := func(y, m, d int) float64 { return float64(content.DayNumber(y, m, d)) }
	tests := []struct {
		name string
		sc   Scale
		// x at given days
		at     map[float64]layout.Pt
		breaks []Break
		labels string // every tick label, space-separated
	}{
		{
			name: "context before and after, days hidden after",
			sc: Scale{Segs: []Segment{
				{From: day(1905, 1, 1), To: day(1918, 1, 1), X0: 100, X1: 180},
				{From: day(1918, 1, 1), To: day(1922, 1, 1), X0: 194, X1: 600, Main: true},
				{From: day(1938, 1, 1), To: day(1969, 1, 1), X0: 614, X1: 700},
			}},
			at: map[float64]layout.Pt{
				day(1905, 1, 1): 100, day(1918, 1, 1): 194, day(1922, 1, 1): 600,
				day(1930, 1, 1): 600 + 14*layout.Pt((day(1930, 1, 1)-day(1922, 1, 1))/(day(1938, 1, 1)-day(1922, 1, 1))),
				day(1938, 1, 1): 614, day(1969, 1, 1): 700, day(1800, 1, 1): 100, day(2000, 1, 1): 700,
			},
			breaks: []Break{{180, 194}, {600, 614}},
			labels: "1905 1910 1915 1918 Apr Jul Oct 1919 Apr Jul Oct 1920 Apr Jul Oct 1921 Apr Jul Oct 1940 1950 1960",
		},
		{
			name: "BCE context before an ancient main period",
			sc: Scale{Segs: []Segment{
				{From: day(-999, 1, 1), To: day(-99, 1, 1), X0: 0, X1: 80},
				{From: day(-99, 1, 1), To: day(-42, 1, 1), X0: 94, X1: 500, Main: true},
			}},
			at:     map[float64]layout.Pt{day(-999, 1, 1): 0, day(-99, 1, 1): 94, day(-42, 1, 1): 500},
			breaks: []Break{{80, 94}},
			labels: "1000 BCE 500 BCE 100 BCE 95 BCE 90 BCE 85 BCE 80 BCE 75 BCE 70 BCE 65 BCE 60 BCE 55 BCE 50 BCE",
		},
	}
	st := AxisStyle{Font: layout.Font{Family: "sans"}, Size: 7.5, Pad: 2, Gap: 6}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := tc.sc
			sc.From, sc.To = sc.Segs[0].From, sc.Segs[len(sc.Segs)-1].To
			sc.X0, sc.X1 = sc.Segs[0].X0, sc.Segs[len(sc.Segs)-1].X1
			for d, want := range tc.at {
				if got := sc.X(d); abs(got-want) > 0.01 {
					t.Errorf("X(%v) = %.3f, want %.3f", d, got, want)
				}
			}
			if got := sc.Breaks(); fmt.Sprint(got) != fmt.Sprint(tc.breaks) {
				t.Errorf("breaks %v, want %v", got, tc.breaks)
			}
			// Monotone everywhere; within a segment, equal steps in
			// time are equal steps in x; XEnd at a segment's end is its
			// right edge.
			prev := layout.Pt(-1e9)
			for d := sc.From - 400; d <= sc.To+400; d += 7 {
				x := sc.X(d)
				if x < prev-1e-9 {
					t.Fatalf("X(%v) = %.3f after %.3f: not monotone", d, x, prev)
				}
				prev = x
			}
			for _, g := range sc.Segs {
				a, b, c := g.From, (g.From+g.To)/2, g.To-1
				if d1, d2 := sc.X(b)-sc.X(a), sc.X(c)-sc.X(b); abs(d1/layout.Pt(b-a)-d2/layout.Pt(c-b)) > 1e-6 {
					t.Errorf("segment %v..%v not linear: %.4f vs %.4f per day", g.From, g.To, d1/layout.Pt(b-a), d2/layout.Pt(c-b))
				}
				if got := sc.XEnd(g.To); abs(got-g.X1) > 0.01 {
					t.Errorf("XEnd(%v) = %.2f, want the segment's right edge %.2f", g.To, got, g.X1)
				}
			}
			a := MakeAxis(sc, st, fixed{})
			var labels []string
			for i, tk := range a.Ticks {
				if i > 0 && tk.Day <= a.Ticks[i-1].Day {
					t.Errorf("tick %d (%s) not after the previous", i, tk.Label)
				}
				in := false
				for _, g := range sc.Segs {
					in = in || tk.X >= g.X0-0.01 && tk.X <= g.X1+0.01
				}
				if !in {
					t.Errorf("tick %s at %.2f is in a break", tk.Label, tk.X)
				}
				if tk.Label != "" {
					labels = append(labels, tk.Label)
				}
			}
			if got := strings.Join(labels, " "); got != tc.labels {
				t.Errorf("labels\n got %s\nwant %s", got, tc.labels)
			}
		})
	}
}

// TestAxisEras: an axis that crosses the era marks its CE years ("14
// CE" beside "31 BCE"); one wholly CE or wholly BCE does not.
func TestAxisEras(t *testing.T) {
	day := func(y int) int64 { return content.DayNumber(y, 1, 1) }
	for _, tt := range []struct {
		from, to, at int
		want         string
	}{
		{-30, 14, 14, "14 CE"},
		{-30, 14, -30, "31 BCE"},
		{1918, 1921, 1920, "1920"},
		{-200, -100, -150, "151 BCE"},
	} {
		got := tickLabel(Unit{Years, 1}, day(tt.at), crossesEra(day(tt.from), day(tt.to)))
		if got != tt.want {
			t.Errorf("%d–%d, year %d: %q, want %q", tt.from, tt.to, tt.at, got, tt.want)
		}
	}
}
