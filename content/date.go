package content

// This file is the contract of the EDTF date type. The implementation is
// being written; signatures here are fixed so other packages can build.

// Precision is how much of a date was given.
type Precision uint8

// Precisions, from coarsest to finest.
const (
	PrecisionYear Precision = iota + 1
	PrecisionMonth
	PrecisionDay
)

// Point is one end of a date: a single calendar date at some precision,
// possibly qualified, possibly open or unknown (interval ends only).
type Point struct {
	Year      int       // astronomical year: 0 is 1 BCE, -1 is 2 BCE
	Month     int       // 1-12, or 0 when not given; 21-24 for a season (spring..winter)
	Day       int       // 1-31, or 0 when not given
	Precision Precision // year, month or day
	// Approximate (~) and Uncertain (?) qualify the whole point.
	Approximate, Uncertain bool
	// Unspecified marks X digits: e.g. 192X sets UnspecifiedYearDigits=1.
	UnspecifiedYearDigits int
	UnspecifiedMonth      bool
	UnspecifiedDay        bool
	Open                  bool // ".." : the interval runs on without end
	Unknown               bool // "" : the end exists but is not known
}

// Date is a parsed EDTF level-1 date: a single point or an interval.
type Date struct {
	Start    Point
	End      Point // equal to Start for a single point
	Interval bool
	Source   string // the EDTF text as given
}

// ParseDate parses an EDTF level-1 string.
func ParseDate(s string) (Date, error) { panic("unimplemented") }

// String prints the date in English at exactly its precision:
// "18 May 1920", "c. May 1920", "1920?", "spring 1920", "1905–1909",
// "44 BCE", "by 1920", "from 1920".
func (d Date) String() string { panic("unimplemented") }

// Span returns the first and last day covered, as continuous day numbers
// (days since an epoch, proleptic Gregorian; see DayNumber). An open or
// unknown end reports ok=false for that end.
func (d Date) Span() (first, last int64, firstOK, lastOK bool) { panic("unimplemented") }

// Compare orders dates by start, then end, then precision (coarser first).
func Compare(a, b Date) int { panic("unimplemented") }

// DayNumber is the continuous day number of a proleptic Gregorian date in
// astronomical years, valid at least from 10000 BCE to 3000 CE. Day 0 is
// 1 January 1970 so that modern dates have small, familiar values.
func DayNumber(year, month, day int) int64 { panic("unimplemented") }

// FromDayNumber is the inverse of DayNumber.
func FromDayNumber(n int64) (year, month, day int) { panic("unimplemented") }
