package charts

import (
	"annalist/content"
)

// This file holds the few calendar facts the axis needs, all derived from
// content.DayNumber and content.FromDayNumber so the chart and the text
// share one proleptic Gregorian calendar (go-chart's float UnixNano time
// wraps before 1678 and cannot be used for history).

// historicalYear is the year number as printed (no year zero), used to
// align year ticks on round numbers on both sides of the era boundary.
func historicalYear(y int) int {
	if y <= 0 {
		return 1 - y
	}
	return y
}

// monthStart returns the day number of the first day of the month that
// contains day n.
func monthStart(n int64) int64 {
	y, m, _ := content.FromDayNumber(n)
	return content.DayNumber(y, m, 1)
}

// addMonths returns the first day of the month k months after the month
// (y, m).
func addMonths(y, m, k int) (int, int) {
	t := y*12 + (m - 1) + k
	// Floor division keeps BCE (negative) years right.
	ny := t / 12
	if t%12 < 0 {
		ny--
	}
	return ny, t - ny*12 + 1
}

// pointSpan returns the first and last day covered by one end of a date
// at its precision (a month-precision end covers the whole month).
func pointSpan(p content.Point) (first, last int64, ok bool) {
	// Point.Span directly: through a Date it was computed twice, and the
	// planner asks for every event's span on every fitting attempt.
	return p.Span()
}
