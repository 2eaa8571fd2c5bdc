package charts

import (
	"strconv"

	"annalist/content"
	"annalist/layout"
)

// Scale maps time to x. Time is a continuous day number (content.DayNumber);
// day n covers [n, n+1), so an event that lasts from day a to day b (both
// inclusive) is drawn from X(a) to X(b+1).
//
// A scale with Segs is broken: each segment maps its own days linearly to
// its own stretch of x, at its own rate (the main period wide, context
// long before or after it compressed), and the x between two segments,
// the break, holds the days between them, if any. X stays monotone and
// is continuous within each segment.
type Scale struct {
	From, To float64 // day numbers: the left and right edges of the window
	X0, X1   layout.Pt
	Segs     []Segment // ordered left to right; nil: one linear segment
}

// Segment is one linear stretch of a broken scale.
type Segment struct {
	From, To float64 // day numbers, as Scale's
	X0, X1   layout.Pt
	// Main marks the main period's segment; the others are context.
	Main bool
}

// X returns the x of a day number (fractional days allowed). Days
// outside a broken scale's window are clamped to its edges. X is
// right-continuous: the first day of a segment that follows a break with
// no days hidden in it is at that segment's left edge (XEnd gives the
// other side).
func (s Scale) X(day float64) layout.Pt {
	if len(s.Segs) > 0 {
		return s.broken(day, false)
	}
	if s.To == s.From {
		return s.X0
	}
	return s.X0 + layout.Pt((day-s.From)/(s.To-s.From))*(s.X1-s.X0)
}

// XEnd is X, but left-continuous: for the exclusive end of a span (day
// b+1 for a span ending on day b), which belongs with the segment the
// span ends in.
func (s Scale) XEnd(day float64) layout.Pt {
	if len(s.Segs) > 0 {
		return s.broken(day, true)
	}
	return s.X(day)
}

func (s Scale) broken(day float64, left bool) layout.Pt {
	if day <= s.Segs[0].From {
		return s.Segs[0].X0
	}
	for i, g := range s.Segs {
		if i+1 == len(s.Segs) {
			return g.x(min(day, g.To))
		}
		if day < g.To || left && day == g.To {
			return g.x(day)
		}
		// In the break: the days hidden there, if any, spread across it.
		if n := s.Segs[i+1]; day < n.From {
			return g.X1 + layout.Pt((day-g.To)/(n.From-g.To))*(n.X0-g.X1)
		}
	}
	return s.Segs[len(s.Segs)-1].X1 // not reached: the last segment returns
}

func (g Segment) x(day float64) layout.Pt {
	if g.To == g.From {
		return g.X0
	}
	return g.X0 + layout.Pt((day-g.From)/(g.To-g.From))*(g.X1-g.X0)
}

// linear is the segment as a scale of its own.
func (g Segment) linear() Scale { return Scale{From: g.From, To: g.To, X0: g.X0, X1: g.X1} }

// Segments returns the scale's segments: Segs, or the whole scale as one
// main segment.
func (s Scale) Segments() []Segment {
	if len(s.Segs) > 0 {
		return s.Segs
	}
	return []Segment{{From: s.From, To: s.To, X0: s.X0, X1: s.X1, Main: true}}
}

// Main returns the main period's segment (the whole scale when it is
// not broken).
func (s Scale) Main() Segment {
	for _, g := range s.Segments() {
		if g.Main {
			return g
		}
	}
	return s.Segments()[0]
}

// Break is the stretch of x between two segments of a broken scale.
type Break struct{ X0, X1 layout.Pt }

// Breaks returns the breaks, left to right.
func (s Scale) Breaks() []Break {
	var out []Break
	for i := 1; i < len(s.Segs); i++ {
		out = append(out, Break{s.Segs[i-1].X1, s.Segs[i].X0})
	}
	return out
}

// PerDay is the width of one day (of the main segment, on a broken
// scale).
func (s Scale) PerDay() layout.Pt {
	if len(s.Segs) > 0 {
		return s.Main().linear().PerDay()
	}
	if s.To == s.From {
		return 0
	}
	return (s.X1 - s.X0) / layout.Pt(s.To-s.From)
}

// UnitKind is the calendar unit of an axis's ticks.
type UnitKind uint8

// Tick units.
const (
	Days UnitKind = iota + 1
	Months
	Years
)

// Unit is a tick interval aligned to the calendar: every Step days of the
// month (1, 6, 11, ... for 5), every Step months from January, or every
// year whose printed number is a multiple of Step.
type Unit struct {
	Kind UnitKind
	Step int
}

func (u Unit) String() string {
	return strconv.Itoa(u.Step) + [...]string{"?", "d", "mo", "y"}[u.Kind]
}

// units are the candidate tick units, finest first.
var units = []Unit{
	{Days, 1}, {Days, 5}, {Days, 10},
	{Months, 1}, {Months, 3}, {Months, 6},
	{Years, 1}, {Years, 2}, {Years, 5}, {Years, 10}, {Years, 20}, {Years, 25}, {Years, 50},
	{Years, 100}, {Years, 200}, {Years, 250}, {Years, 500}, {Years, 1000}, {Years, 2000}, {Years, 5000},
}

// Tick is one calendar-aligned tick of the axis.
type Tick struct {
	Day   int64
	X     layout.Pt
	Label string // "" when the label is dropped (it would run off the axis)
	// Major ticks start a larger unit (a year on a month axis, a month on
	// a day axis); the chart draws a light gridline there.
	Major bool
	// Strong labels are set in bold: the year that replaces "Jan" when
	// the years are folded into the month row (foldYears).
	Strong bool
}

// AxisLabel is a label of the axis's second row (the year over month
// ticks, the month over day ticks), left-aligned at X.
type AxisLabel struct {
	X     layout.Pt
	Label string
}

// Axis is a scale's ticks and labels for one width.
type Axis struct {
	Unit    Unit
	Ticks   []Tick
	Context []AxisLabel // second row; empty for year units
}

// AxisStyle is what the axis needs to measure its labels.
type AxisStyle struct {
	Font layout.Font
	Size layout.Pt
	// Pad is the space between a tick and its label; Gap the least space
	// between one label's end and the next label.
	Pad, Gap layout.Pt
}

// tickDays lists the days of the unit's ticks within [from, to].
func tickDays(u Unit, from, to int64) []int64 {
	var out []int64
	y, m, d := content.FromDayNumber(from)
	switch u.Kind {
	case Days:
		for n := from; n <= to; n++ {
			_, _, d = content.FromDayNumber(n)
			// Days 1, 1+Step, ...; at most 28 so the last tick of a
			// month is never crowded against the next month's first.
			if (d-1)%u.Step == 0 && (u.Step == 1 || d <= 28) {
				out = append(out, n)
			}
		}
	case Months:
		if d != 1 {
			y, m = addMonths(y, m, 1)
		}
		for {
			n := content.DayNumber(y, m, 1)
			if n > to {
				break
			}
			if (m-1)%u.Step == 0 {
				out = append(out, n)
			}
			y, m = addMonths(y, m, 1)
		}
	case Years:
		if m != 1 || d != 1 {
			y++
		}
		for ; ; y++ {
			n := content.DayNumber(y, 1, 1)
			if n > to {
				break
			}
			if historicalYear(y)%u.Step == 0 {
				out = append(out, n)
			}
		}
	}
	return out
}

// tickLabel is the label of a tick at day n; mixed says the axis
// crosses the era, so a CE year is marked as such.
func tickLabel(u Unit, n int64, mixed bool) string {
	y, m, d := content.FromDayNumber(n)
	switch u.Kind {
	case Days:
		return strconv.Itoa(d)
	case Months:
		return content.MonthAbbr(m)
	}
	return content.FormatYearBeside(y, mixed)
}

// crossesEra reports whether days from to to hold both BCE and CE years:
// their CE years are then marked ("14 CE" beside "31 BCE").
func crossesEra(from, to int64) bool {
	y0, _, _ := content.FromDayNumber(from)
	y1, _, _ := content.FromDayNumber(to)
	return y0 <= 0 && y1 > 0
}

// isMajor says whether day n starts the unit above u.
func isMajor(u Unit, n int64) bool {
	_, m, d := content.FromDayNumber(n)
	switch u.Kind {
	case Days:
		return d == 1
	case Months:
		return m == 1
	}
	return true
}

// MakeAxis chooses the finest calendar unit whose labels fit the scale's
// width (each label, set Pad right of its tick, ends at least Gap before
// the next tick) and returns its ticks. A span too long for even the
// coarsest unit gets that unit anyway, with the labels that do not fit
// dropped.
//
// A broken scale gets an axis per segment, each with its own unit (the
// context segments' coarser), joined; Unit is the main segment's.
func MakeAxis(s Scale, st AxisStyle, m layout.Measurer) Axis {
	if len(s.Segs) > 0 {
		var out Axis
		for i, g := range s.Segs {
			a := MakeAxis(g.linear(), st, m)
			if g.Main {
				out.Unit = a.Unit
			}
			for _, t := range a.Ticks {
				// The first day after a segment is the next
				// segment's first tick, across the break.
				if i+1 < len(s.Segs) && float64(t.Day) >= g.To {
					continue
				}
				out.Ticks = append(out.Ticks, t)
			}
			out.Context = append(out.Context, a.Context...)
		}
		return out
	}
	from, to := int64(ceil(s.From)), int64(floor(s.To))
	var best Axis
	for _, u := range units {
		// Skip, without listing their ticks, units so fine that the
		// ticks alone would be closer than Gap (a day unit over five
		// millennia would list two million days).
		per := [...]float64{0, 1, 30.4, 365.2}[u.Kind] * float64(u.Step)
		if per*float64(s.PerDay()) < float64(st.Gap) && u != units[len(units)-1] {
			continue
		}
		a := axisFor(u, s, from, to, st, m)
		best = a
		if a.fits(st, m) {
			break
		}
	}
	// Drop the labels that would run off the right edge, and any that
	// still collide (coarsest unit only).
	var lastEnd layout.Pt = -1e9
	for i := range best.Ticks {
		t := &best.Ticks[i]
		w := m.Width(t.Label, st.Font, st.Size)
		if t.X+st.Pad+w > s.X1 || t.X+st.Pad < lastEnd+st.Gap {
			t.Label = ""
			continue
		}
		lastEnd = t.X + st.Pad + w
	}
	best.Context = contextLabels(best.Unit, s, from, to, st, m)
	if best.Unit.Kind == Months {
		best.foldYears(s, st, m)
	}
	return best
}

// foldYears puts the years into the month row when every year label of
// the second row stands at a January tick: "1919 Apr Jul Oct 1920",
// one row instead of two. It leaves the axis as it is when a year would
// crowd the next label, or when the window starts inside a year (its
// first year has no January to stand on).
func (a *Axis) foldYears(s Scale, st AxisStyle, m layout.Measurer) {
	if len(a.Context) == 0 {
		return
	}
	bold := layout.Font{Family: st.Font.Family, Style: layout.Bold}
	ticks := append([]Tick(nil), a.Ticks...)
	at := map[int]bool{}
	for _, l := range a.Context {
		found := false
		for i, t := range ticks {
			if _, mo, d := content.FromDayNumber(t.Day); mo == 1 && d == 1 && abs(t.X+st.Pad-l.X) < 0.01 && t.Label != "" {
				ticks[i].Label, ticks[i].Strong = l.Label, true
				at[i], found = true, true
			}
		}
		if !found {
			return
		}
	}
	for i, t := range ticks {
		if !at[i] {
			continue
		}
		end := t.X + st.Pad + m.Width(t.Label, bold, st.Size)
		if end > s.X1 {
			return
		}
		for _, n := range ticks[i+1:] {
			if n.Label != "" {
				if end+st.Gap > n.X {
					return
				}
				break
			}
		}
	}
	a.Ticks, a.Context = ticks, nil
}

func axisFor(u Unit, s Scale, from, to int64, st AxisStyle, m layout.Measurer) Axis {
	a := Axis{Unit: u}
	for _, n := range tickDays(u, from, to) {
		a.Ticks = append(a.Ticks, Tick{Day: n, X: s.X(float64(n)), Label: tickLabel(u, n, crossesEra(from, to)), Major: isMajor(u, n)})
	}
	return a
}

// fits reports whether every label ends Gap before the next tick. A
// single tick (or none) fits only if the unit is the coarsest that still
// gives two ticks, which MakeAxis's fine-to-coarse order ensures.
func (a Axis) fits(st AxisStyle, m layout.Measurer) bool {
	if len(a.Ticks) == 0 {
		return false
	}
	for i, t := range a.Ticks {
		// The last label is not checked against the edge: MakeAxis
		// drops it if it runs off, rather than coarsening the whole axis.
		if i+1 == len(a.Ticks) {
			break
		}
		end := t.X + st.Pad + m.Width(t.Label, st.Font, st.Size)
		if end+st.Gap > a.Ticks[i+1].X {
			return false
		}
	}
	return true
}

// contextLabels are the second row: the month and year over day ticks,
// the year over month ticks, at each boundary and at the left edge when
// the window starts inside a month or year. A label that would collide
// with the next or run off the edge is dropped.
func contextLabels(u Unit, s Scale, from, to int64, st AxisStyle, m layout.Measurer) []AxisLabel {
	var out []AxisLabel
	var starts []int64
	mixed := crossesEra(from, to)
	label := func(n int64) string {
		y, mo, _ := content.FromDayNumber(n)
		if u.Kind == Days {
			return content.MonthAbbr(mo) + " " + content.FormatYearBeside(y, mixed)
		}
		return content.FormatYearBeside(y, mixed)
	}
	switch u.Kind {
	case Days:
		starts = tickDays(Unit{Months, 1}, from, to)
	case Months:
		starts = tickDays(Unit{Years, 1}, from, to)
	default:
		return nil
	}
	if len(starts) == 0 || starts[0] != from {
		starts = append([]int64{from}, starts...)
	}
	for i, n := range starts {
		x := s.X(float64(n)) + st.Pad
		if n == from {
			x = s.X0 + st.Pad
		}
		w := m.Width(label(n), st.Font, st.Size)
		if x+w > s.X1 {
			continue
		}
		if i+1 < len(starts) && x+w+st.Gap > s.X(float64(starts[i+1])) {
			continue
		}
		out = append(out, AxisLabel{X: x, Label: label(n)})
	}
	return out
}

func floor(f float64) float64 {
	i := float64(int64(f))
	if i > f {
		i--
	}
	return i
}

func ceil(f float64) float64 {
	i := floor(f)
	if i < f {
		i++
	}
	return i
}

// shift returns the scale moved by dx along x.
func (s Scale) shift(dx layout.Pt) Scale {
	out := Scale{From: s.From, To: s.To, X0: s.X0 + dx, X1: s.X1 + dx}
	for _, g := range s.Segs {
		g.X0, g.X1 = g.X0+dx, g.X1+dx
		out.Segs = append(out.Segs, g)
	}
	return out
}

// shift returns the axis moved by dx along x.
func (a Axis) shift(dx layout.Pt) Axis {
	out := Axis{Unit: a.Unit}
	for _, t := range a.Ticks {
		t.X += dx
		out.Ticks = append(out.Ticks, t)
	}
	for _, l := range a.Context {
		l.X += dx
		out.Context = append(out.Context, l)
	}
	return out
}
