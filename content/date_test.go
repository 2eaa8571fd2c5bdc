package content

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// pt builds a known Point for the tables. The precision follows from the
// zeros (day given: day; month given: month; else year); flags adds
// qualifiers and unspecified parts: '~' approximate, '?' uncertain,
// 'X' one more unspecified year digit, 'M' unspecified month,
// 'D' unspecified day.
func pt(y, m, d int, flags string) Point {
	p := Point{Year: y, Month: m, Day: d, Precision: PrecisionYear}
	switch {
	case d != 0:
		p.Precision = PrecisionDay
	case m != 0:
		p.Precision = PrecisionMonth
	}
	for _, f := range flags {
		switch f {
		case '~':
			p.Approximate = true
		case '?':
			p.Uncertain = true
		case 'X':
			p.UnspecifiedYearDigits++
		case 'M':
			p.UnspecifiedMonth = true
		case 'D':
			p.UnspecifiedDay = true
		default:
			panic("pt: unknown flag " + string(f))
		}
	}
	return p
}

var (
	open    = Point{Open: true}
	unknown = Point{Unknown: true}
)

// validDates: parse → fields, String, and Span (as y-m-d, "" for no end).
// end is the zero Point for a single point (then End must equal Start).
var validDates = []struct {
	in          string
	start, end  Point
	str         string
	first, last string
}{
	// Precision.
	{"1920", pt(1920, 0, 0, ""), Point{}, "1920", "1920-01-01", "1920-12-31"},
	{"1920-05", pt(1920, 5, 0, ""), Point{}, "May 1920", "1920-05-01", "1920-05-31"},
	{"1920-05-18", pt(1920, 5, 18, ""), Point{}, "18 May 1920", "1920-05-18", "1920-05-18"},
	{"1920-01-01", pt(1920, 1, 1, ""), Point{}, "1 January 1920", "1920-01-01", "1920-01-01"},
	{"1920-12-31", pt(1920, 12, 31, ""), Point{}, "31 December 1920", "1920-12-31", "1920-12-31"},
	{"1920-02", pt(1920, 2, 0, ""), Point{}, "February 1920", "1920-02-01", "1920-02-29"},
	{"1921-02", pt(1921, 2, 0, ""), Point{}, "February 1921", "1921-02-01", "1921-02-28"},
	{"1900-02", pt(1900, 2, 0, ""), Point{}, "February 1900", "1900-02-01", "1900-02-28"},
	{"2000-02-29", pt(2000, 2, 29, ""), Point{}, "29 February 2000", "2000-02-29", "2000-02-29"},
	{"1920-02-29", pt(1920, 2, 29, ""), Point{}, "29 February 1920", "1920-02-29", "1920-02-29"},
	{"1920-04-30", pt(1920, 4, 30, ""), Point{}, "30 April 1920", "1920-04-30", "1920-04-30"},
	{"1582-10-04", pt(1582, 10, 4, ""), Point{}, "4 October 1582", "1582-10-04", "1582-10-04"},
	{"1582-10-15", pt(1582, 10, 15, ""), Point{}, "15 October 1582", "1582-10-15", "1582-10-15"},
	{"3000-12-31", pt(3000, 12, 31, ""), Point{}, "31 December 3000", "3000-12-31", "3000-12-31"},
	{"9999-12-31", pt(9999, 12, 31, ""), Point{}, "31 December 9999", "9999-12-31", "9999-12-31"},
	{"0476", pt(476, 0, 0, ""), Point{}, "476", "476-01-01", "476-12-31"},
	{"0001", pt(1, 0, 0, ""), Point{}, "1", "1-01-01", "1-12-31"},

	// BCE: astronomical years.
	{"0000", pt(0, 0, 0, ""), Point{}, "1 BCE", "0-01-01", "0-12-31"},
	{"0000-02", pt(0, 2, 0, ""), Point{}, "February 1 BCE", "0-02-01", "0-02-29"},
	{"-0001", pt(-1, 0, 0, ""), Point{}, "2 BCE", "-1-01-01", "-1-12-31"},
	{"-0043", pt(-43, 0, 0, ""), Point{}, "44 BCE", "-43-01-01", "-43-12-31"},
	{"-0043-03-15", pt(-43, 3, 15, ""), Point{}, "15 March 44 BCE", "-43-03-15", "-43-03-15"},
	{"-0004-02-29", pt(-4, 2, 29, ""), Point{}, "29 February 5 BCE", "-4-02-29", "-4-02-29"},
	{"-9999", pt(-9999, 0, 0, ""), Point{}, "10000 BCE", "-9999-01-01", "-9999-12-31"},
	{"-9999-01-01", pt(-9999, 1, 1, ""), Point{}, "1 January 10000 BCE", "-9999-01-01", "-9999-01-01"},
	{"-0043~", pt(-43, 0, 0, "~"), Point{}, "c.\u00a044 BCE", "-43-01-01", "-43-12-31"},

	// Qualifiers on the whole point.
	{"1920~", pt(1920, 0, 0, "~"), Point{}, "c.\u00a01920", "1920-01-01", "1920-12-31"},
	{"1920?", pt(1920, 0, 0, "?"), Point{}, "1920?", "1920-01-01", "1920-12-31"},
	{"1920%", pt(1920, 0, 0, "~?"), Point{}, "c.\u00a01920?", "1920-01-01", "1920-12-31"},
	{"1920-05~", pt(1920, 5, 0, "~"), Point{}, "c.\u00a0May 1920", "1920-05-01", "1920-05-31"},
	{"1920-05?", pt(1920, 5, 0, "?"), Point{}, "May 1920?", "1920-05-01", "1920-05-31"},
	{"1920-05%", pt(1920, 5, 0, "~?"), Point{}, "c.\u00a0May 1920?", "1920-05-01", "1920-05-31"},
	{"1920-05-18~", pt(1920, 5, 18, "~"), Point{}, "c.\u00a018 May 1920", "1920-05-18", "1920-05-18"},
	{"1920-05-18?", pt(1920, 5, 18, "?"), Point{}, "18 May 1920?", "1920-05-18", "1920-05-18"},
	{"1920-05-18%", pt(1920, 5, 18, "~?"), Point{}, "c.\u00a018 May 1920?", "1920-05-18", "1920-05-18"},

	// Qualifiers on a part (level 2's form) widen to the whole point.
	{"1920~-05", pt(1920, 5, 0, "~"), Point{}, "c.\u00a0May 1920", "1920-05-01", "1920-05-31"},
	{"1920?-05-18", pt(1920, 5, 18, "?"), Point{}, "18 May 1920?", "1920-05-18", "1920-05-18"},
	{"1920-05~-18", pt(1920, 5, 18, "~"), Point{}, "c.\u00a018 May 1920", "1920-05-18", "1920-05-18"},
	{"1920~-05?", pt(1920, 5, 0, "~?"), Point{}, "c.\u00a0May 1920?", "1920-05-01", "1920-05-31"},

	// Unspecified digits.
	{"192X", pt(1920, 0, 0, "X"), Point{}, "1920s", "1920-01-01", "1929-12-31"},
	{"19XX", pt(1900, 0, 0, "XX"), Point{}, "1900s", "1900-01-01", "1999-12-31"},
	{"192X~", pt(1920, 0, 0, "X~"), Point{}, "c.\u00a01920s", "1920-01-01", "1929-12-31"},
	{"199X?", pt(1990, 0, 0, "X?"), Point{}, "1990s?", "1990-01-01", "1999-12-31"},
	{"001X", pt(10, 0, 0, "X"), Point{}, "10s", "10-01-01", "19-12-31"},
	{"1920-XX", pt(1920, 0, 0, "M"), Point{}, "1920", "1920-01-01", "1920-12-31"},
	{"1920-XX-XX", pt(1920, 0, 0, "MD"), Point{}, "1920", "1920-01-01", "1920-12-31"},
	{"1920-05-XX", pt(1920, 5, 0, "D"), Point{}, "May 1920", "1920-05-01", "1920-05-31"},
	{"1920-05-XX?", pt(1920, 5, 0, "D?"), Point{}, "May 1920?", "1920-05-01", "1920-05-31"},
	{"1920-XX~", pt(1920, 0, 0, "M~"), Point{}, "c.\u00a01920", "1920-01-01", "1920-12-31"},

	// Seasons: northern-hemisphere meteorological.
	{"1920-21", pt(1920, 21, 0, ""), Point{}, "spring 1920", "1920-03-01", "1920-05-31"},
	{"1920-22", pt(1920, 22, 0, ""), Point{}, "summer 1920", "1920-06-01", "1920-08-31"},
	{"1920-23", pt(1920, 23, 0, ""), Point{}, "autumn 1920", "1920-09-01", "1920-11-30"},
	{"1920-24", pt(1920, 24, 0, ""), Point{}, "winter 1920", "1920-12-01", "1921-02-28"},
	{"1919-24", pt(1919, 24, 0, ""), Point{}, "winter 1919", "1919-12-01", "1920-02-29"},
	{"1920-21~", pt(1920, 21, 0, "~"), Point{}, "c.\u00a0spring 1920", "1920-03-01", "1920-05-31"},
	{"1920-22?", pt(1920, 22, 0, "?"), Point{}, "summer 1920?", "1920-06-01", "1920-08-31"},
	{"-0043-23", pt(-43, 23, 0, ""), Point{}, "autumn 44 BCE", "-43-09-01", "-43-11-30"},

	// Intervals.
	{"1905/1909", pt(1905, 0, 0, ""), pt(1909, 0, 0, ""), "1905–1909", "1905-01-01", "1909-12-31"},
	{"1920-05/1920-06", pt(1920, 5, 0, ""), pt(1920, 6, 0, ""), "May–June 1920", "1920-05-01", "1920-06-30"},
	{"1920-05/1921-06", pt(1920, 5, 0, ""), pt(1921, 6, 0, ""), "May 1920 – June 1921", "1920-05-01", "1921-06-30"},
	{"1920-05-18/1920-05-25", pt(1920, 5, 18, ""), pt(1920, 5, 25, ""), "18–25 May 1920", "1920-05-18", "1920-05-25"},
	{"1920-05-18/1920-06-05", pt(1920, 5, 18, ""), pt(1920, 6, 5, ""), "18 May – 5 June 1920", "1920-05-18", "1920-06-05"},
	{"1920-05-18/1921-06-05", pt(1920, 5, 18, ""), pt(1921, 6, 5, ""), "18 May 1920 – 5 June 1921", "1920-05-18", "1921-06-05"},
	{"1920-06-05/1921-09", pt(1920, 6, 5, ""), pt(1921, 9, 0, ""), "5 June 1920 – September 1921", "1920-06-05", "1921-09-30"},
	{"1920/1920-05", pt(1920, 0, 0, ""), pt(1920, 5, 0, ""), "1920 – May 1920", "1920-01-01", "1920-05-31"},
	{"1920-05-18/1920-05", pt(1920, 5, 18, ""), pt(1920, 5, 0, ""), "18 May 1920 – May 1920", "1920-05-18", "1920-05-31"},
	{"1920/1920", pt(1920, 0, 0, ""), pt(1920, 0, 0, ""), "1920", "1920-01-01", "1920-12-31"},
	{"1920-05-18/1920-05-18", pt(1920, 5, 18, ""), pt(1920, 5, 18, ""), "18 May 1920", "1920-05-18", "1920-05-18"},
	{"1920/1920-XX", pt(1920, 0, 0, ""), pt(1920, 0, 0, "M"), "1920", "1920-01-01", "1920-12-31"},
	{"1920-05-XX/1920-06-XX", pt(1920, 5, 0, "D"), pt(1920, 6, 0, "D"), "May–June 1920", "1920-05-01", "1920-06-30"},
	{"1999-12-31/2000-01-01", pt(1999, 12, 31, ""), pt(2000, 1, 1, ""), "31 December 1999 – 1 January 2000", "1999-12-31", "2000-01-01"},
	{"1920-21/1920-22", pt(1920, 21, 0, ""), pt(1920, 22, 0, ""), "spring–summer 1920", "1920-03-01", "1920-08-31"},
	{"1920-24/1921-21", pt(1920, 24, 0, ""), pt(1921, 21, 0, ""), "winter 1920 – spring 1921", "1920-12-01", "1921-05-31"},
	{"1920-05/1920-22", pt(1920, 5, 0, ""), pt(1920, 22, 0, ""), "May 1920 – summer 1920", "1920-05-01", "1920-08-31"},
	{"192X/193X", pt(1920, 0, 0, "X"), pt(1930, 0, 0, "X"), "1920s–1930s", "1920-01-01", "1939-12-31"},
	{"1920~/1921?", pt(1920, 0, 0, "~"), pt(1921, 0, 0, "?"), "c.\u00a01920 – 1921?", "1920-01-01", "1921-12-31"},
	{"1920?/1921", pt(1920, 0, 0, "?"), pt(1921, 0, 0, ""), "1920?–1921", "1920-01-01", "1921-12-31"},
	{"1920%/1925%", pt(1920, 0, 0, "~?"), pt(1925, 0, 0, "~?"), "c.\u00a01920? – c.\u00a01925?", "1920-01-01", "1925-12-31"},
	{"1920-05~/1920-06", pt(1920, 5, 0, "~"), pt(1920, 6, 0, ""), "c.\u00a0May 1920 – June 1920", "1920-05-01", "1920-06-30"},

	// Intervals with BCE.
	{"-0099/-0043", pt(-99, 0, 0, ""), pt(-43, 0, 0, ""), "100–44 BCE", "-99-01-01", "-43-12-31"},
	{"-0043-03/-0043-05", pt(-43, 3, 0, ""), pt(-43, 5, 0, ""), "March–May 44 BCE", "-43-03-01", "-43-05-31"},
	{"-0030/0014", pt(-30, 0, 0, ""), pt(14, 0, 0, ""), "31 BCE – 14 CE", "-30-01-01", "14-12-31"},
	{"0000/0001", pt(0, 0, 0, ""), pt(1, 0, 0, ""), "1 BCE – 1 CE", "0-01-01", "1-12-31"},
	{"-0001-12-31/0000-01-01", pt(-1, 12, 31, ""), pt(0, 1, 1, ""), "31 December 2 BCE – 1 January 1 BCE", "-1-12-31", "0-01-01"},
	{"-0030~/0014", pt(-30, 0, 0, "~"), pt(14, 0, 0, ""), "c.\u00a031 BCE – 14 CE", "-30-01-01", "14-12-31"},

	// Open and unknown ends.
	{"../1920", open, pt(1920, 0, 0, ""), "by 1920", "", "1920-12-31"},
	{"1920/..", pt(1920, 0, 0, ""), open, "from 1920", "1920-01-01", ""},
	{"1920/", pt(1920, 0, 0, ""), unknown, "1920 – ?", "1920-01-01", ""},
	{"/1920", unknown, pt(1920, 0, 0, ""), "? – 1920", "", "1920-12-31"},
	{"../1920-05-18~", open, pt(1920, 5, 18, "~"), "by c.\u00a018 May 1920", "", "1920-05-18"},
	{"1920-05?/..", pt(1920, 5, 0, "?"), open, "from May 1920?", "1920-05-01", ""},
	{"-0043-03-15/", pt(-43, 3, 15, ""), unknown, "15 March 44 BCE – ?", "-43-03-15", ""},
	{"/192X", unknown, pt(1920, 0, 0, "X"), "? – 1920s", "", "1929-12-31"},
}

// badDates: each malformed string and a substring of its error.
var badDates = []struct{ in, err string }{
	{"", "empty"},
	{" 1920", "whitespace at byte 0"},
	{"1920 ", "whitespace at byte 4"},
	{"1920-05-18\n", "whitespace"},
	{"1920\x00", "control character U+0000"},
	{"1920\x07", "control character U+0007"},
	{"\xff1920", "invalid UTF-8"},
	{"1920-13", "month 13 out of range (01-12"},
	{"1920-00", "month 00 out of range"},
	{"1920-5", `month must have two digits (1920-05)`},
	{"1920-123", "month must have two digits"},
	{"1920-05-5", "day must have two digits (1920-05-05)"},
	{"1920-05-32", "day 32 out of range for May 1920 (01-31)"},
	{"1920-04-31", "day 31 out of range for April 1920 (01-30)"},
	{"1921-02-29", "day 29 out of range for February 1921 (01-28)"},
	{"1900-02-29", "day 29 out of range for February 1900 (01-28)"},
	{"1920-02-30", "(01-29)"},
	{"1920-05-00", "day 00 out of range"},
	{"-0043-02-29", "day 29 out of range for February 44 BCE"},
	{"192", "year must have four digits (0192)"},
	{"20", "year must have four digits (0020)"},
	{"19200", "more than four digits"},
	{"-10000", "more than four digits"},
	{"Y-10000", "'Y' prefix"},
	{"1920-05-18T10:00", "times are not supported"},
	{"1920-05-18Z", "times are not supported"},
	{"1920/1919", "interval ends (1919) before it starts (1920)"},
	{"1920-05/1919", "interval ends (1919) before it starts (1920-05)"},
	{"1920-06/1920-05", "interval ends (1920-05) before it starts (1920-06)"},
	{"1920-05-31~/1920-05-30", "before it starts"},
	{"-0043/-0044", "before it starts"},
	{"1920-13/1921", "month 13 out of range"},
	{"1920/1921-02-30", "day 30 out of range"},
	{"1920x", "capital X"},
	{"192u", "written X, not u"},
	{"19X0", "X may only replace the last digits"},
	{"1XXX", "only the last one or two digits"},
	{"XXXX", "only the last one or two digits"},
	{"-192X", "BCE years are not supported"},
	{"00XX", "year 0000 (1 BCE)"},
	{"192X-05", "a year with X digits takes no month"},
	{"1920-XX-18", "a day cannot be given when the month is XX"},
	{"1920-1X", "a month is two digits or XX"},
	{"1920-05-1X", "a day is two digits or XX"},
	{"1920-25", "season 25 is EDTF level 2"},
	{"1920-41", "season 41 is EDTF level 2"},
	{"1920-42", "month 42 out of range"},
	{"1920-21-05", "a season (21-24) takes no day"},
	{"1920~?", "one qualifier at a time"},
	{"1920-05%%", "one qualifier at a time"},
	{"~1920", "a qualifier follows the date"},
	{"1920-?05", "a qualifier follows the date"},
	{"1920/1921/1922", "more than one '/'"},
	{"/", "at least one dated end"},
	{"../..", "at least one dated end"},
	{"/..", "at least one dated end"},
	{"..", "needs an interval"},
	{"..~/1920", "stands alone"},
	{"..1920/1921", "stands alone"},
	{"1920..1925", "'..' is only an open interval end"},
	{"-0000", "-0000 is not a year"},
	{"-", "expected a four-digit year after '-'"},
	{"--1920", "expected a four-digit year"},
	{"1920-", "expected a two-digit month after '-' (1920-05)"},
	{"1920-05-", "expected a two-digit day after '-' (1920-05-01)"},
	{"1920-05-18-01", "too many parts"},
	{"1920–1921", "write intervals with '/'"},
	{"+1920", "'+' is not used"},
	{"1920abc", `unexpected 'a' at byte 4`},
	{"[1920,1921]", "EDTF level 2"},
	{"{1920..1925}", "EDTF level 2"},
	{"1920-05-18" + strings.Repeat("~", 60), "too long"},
	{"1920-05~x", "capital X"},
	{"1920-05-18~1", "unexpected '1' at byte 11"},
}

func ymd(n int64, ok bool) string {
	if !ok {
		return ""
	}
	y, m, d := FromDayNumber(n)
	return fmt.Sprintf("%d-%02d-%02d", y, m, d)
}

func TestParseDateValid(t *testing.T) {
	if len(validDates) < 60 {
		t.Errorf("only %d valid cases; want at least 60", len(validDates))
	}
	for _, tc := range validDates {
		d, err := ParseDate(tc.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tc.in, err)
			continue
		}
		want := Date{Start: tc.start, End: tc.end, Source: tc.in, Interval: strings.Contains(tc.in, "/")}
		if !want.Interval {
			want.End = want.Start
		}
		if d != want {
			t.Errorf("ParseDate(%q)\n got %+v\nwant %+v", tc.in, d, want)
		}
		if got := d.String(); got != tc.str {
			t.Errorf("ParseDate(%q).String() = %q, want %q", tc.in, got, tc.str)
		}
		first, last, fok, lok := d.Span()
		if got := ymd(first, fok); got != tc.first {
			t.Errorf("ParseDate(%q) first day %q, want %q", tc.in, got, tc.first)
		}
		if got := ymd(last, lok); got != tc.last {
			t.Errorf("ParseDate(%q) last day %q, want %q", tc.in, got, tc.last)
		}
		// The canonical form parses back to the same date.
		c, err := ParseDate(d.EDTF())
		if err != nil || c.Start != d.Start || c.End != d.End || c.Interval != d.Interval {
			t.Errorf("ParseDate(%q).EDTF() = %q, which parses to %+v, %v", tc.in, d.EDTF(), c, err)
		}
	}
}

func TestParseDateInvalid(t *testing.T) {
	if len(badDates) < 25 {
		t.Errorf("only %d malformed cases; want at least 25", len(badDates))
	}
	for _, tc := range badDates {
		d, err := ParseDate(tc.in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %+v, want error containing %q", tc.in, d, tc.err)
			continue
		}
		if !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseDate(%q) error\n got %q\nwant it to contain %q", tc.in, err, tc.err)
		}
		var de *DateError
		if !errors.As(err, &de) || de.Source != tc.in || de.Offset < 0 || de.Offset > len(tc.in) {
			t.Errorf("ParseDate(%q) error %#v: want a *DateError with Source and an offset inside it", tc.in, err)
		}
		if d != (Date{}) {
			t.Errorf("ParseDate(%q) returned %+v with its error, want the zero Date", tc.in, d)
		}
	}
}

// The offset points at the problem, so the loader can report its column.
func TestDateErrorOffset(t *testing.T) {
	for _, tc := range []struct {
		in  string
		off int
	}{
		{"1920-13", 5},
		{"1920-05-32", 8},
		{"1921/1920-13", 10},
		{"1920 ", 4},
		{"1920/1919", 5},
		{"1920/1921/1922", 9},
	} {
		_, err := ParseDate(tc.in)
		var de *DateError
		if !errors.As(err, &de) || de.Offset != tc.off {
			t.Errorf("ParseDate(%q) error %v: want offset %d", tc.in, err, tc.off)
		}
	}
}

func TestZeroDate(t *testing.T) {
	var d Date
	if s := d.String(); s != "" {
		t.Errorf("zero Date prints %q, want \"\"", s)
	}
	if s := d.EDTF(); s != "" {
		t.Errorf("zero Date EDTF %q, want \"\"", s)
	}
	if _, _, fok, lok := d.Span(); fok || lok {
		t.Errorf("zero Date has a span")
	}
	if Compare(d, d) != 0 {
		t.Errorf("Compare(zero, zero) != 0")
	}
}

func TestDayNumberAnchors(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		n       int64
	}{
		{1970, 1, 1, 0},
		{1969, 12, 31, -1},
		{1970, 1, 2, 1},
		{2000, 1, 1, 10957},
		{2000, 3, 1, 11017},
		{1582, 10, 15, -141427}, // first day of the Gregorian reform, here proleptic
		{1582, 10, 4, -141438},  // its Julian eve is a different, proleptic Gregorian, day
		{0, 3, 1, -719468},
		{-4713, 11, 24, -2440588}, // Julian Day Number 0, in the Gregorian calendar
		{1920, 5, 18, -18125},
	} {
		if got := DayNumber(tc.y, tc.m, tc.d); got != tc.n {
			t.Errorf("DayNumber(%d, %d, %d) = %d, want %d", tc.y, tc.m, tc.d, got, tc.n)
		}
		if y, m, d := FromDayNumber(tc.n); y != tc.y || m != tc.m || d != tc.d {
			t.Errorf("FromDayNumber(%d) = %d-%d-%d, want %d-%d-%d", tc.n, y, m, d, tc.y, tc.m, tc.d)
		}
	}
	// Out-of-range months and days carry over, as with time.Date.
	for _, tc := range []struct{ y, m, d, wy, wm, wd int }{
		{1921, 2, 29, 1921, 3, 1},
		{1920, 13, 1, 1921, 1, 1},
		{1920, 0, 1, 1919, 12, 1},
		{1920, 1, 0, 1919, 12, 31},
		{1920, -11, 1, 1919, 1, 1},
	} {
		if got, want := DayNumber(tc.y, tc.m, tc.d), DayNumber(tc.wy, tc.wm, tc.wd); got != want {
			t.Errorf("DayNumber(%d, %d, %d) = %d, want %d (%d-%d-%d)", tc.y, tc.m, tc.d, got, want, tc.wy, tc.wm, tc.wd)
		}
	}
}

// Every day from 10000 BCE to 3000 CE: the day numbers are consecutive and
// FromDayNumber inverts DayNumber. The calendar is walked independently
// with DaysInMonth, so an error in either function shows.
func TestDayNumberRoundTrip(t *testing.T) {
	y, m, d := -9999, 1, 1
	n := DayNumber(y, m, d)
	end := DayNumber(3000, 12, 31)
	count := 0
	for ; n <= end; n++ {
		if got := DayNumber(y, m, d); got != n {
			t.Fatalf("DayNumber(%d, %d, %d) = %d, want %d", y, m, d, got, n)
		}
		if gy, gm, gd := FromDayNumber(n); gy != y || gm != m || gd != d {
			t.Fatalf("FromDayNumber(%d) = %d-%d-%d, want %d-%d-%d", n, gy, gm, gd, y, m, d)
		}
		count++
		if d++; d > DaysInMonth(y, m) {
			d = 1
			if m++; m > 12 {
				m = 1
				y++
			}
		}
	}
	if y != 3001 || m != 1 || d != 1 {
		t.Fatalf("walk ended at %d-%d-%d, want 3001-1-1", y, m, d)
	}
	// 13000 years of 365 days, plus one for each leap year.
	leap := 0
	for y := -9999; y <= 3000; y++ {
		if IsLeapYear(y) {
			leap++
		}
	}
	if want := 13000*365 + leap; count != want {
		t.Errorf("walked %d days, want %d", count, want)
	}
}

// An independent oracle: time.Date uses the same proleptic Gregorian
// calendar with astronomical years. Tests may lean on it; the code may not.
func TestDayNumberAgainstTime(t *testing.T) {
	for y := -9999; y <= 3000; y++ {
		for m := 1; m <= 12; m++ {
			want := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
			if got := DayNumber(y, m, 1); got != want {
				t.Fatalf("DayNumber(%d, %d, 1) = %d, time says %d", y, m, got, want)
			}
		}
	}
}

func TestLeapYears(t *testing.T) {
	for y, want := range map[int]bool{2000: true, 1900: false, 1920: true, 1921: false, 0: true, -4: true, -1: false, -100: false, -400: true} {
		if IsLeapYear(y) != want {
			t.Errorf("IsLeapYear(%d) = %v", y, !want)
		}
	}
}

func TestFormatYearAndNames(t *testing.T) {
	for y, want := range map[int]string{1920: "1920", 1: "1", 0: "1 BCE", -1: "2 BCE", -43: "44 BCE", -9999: "10000 BCE"} {
		if got := FormatYear(y); got != want {
			t.Errorf("FormatYear(%d) = %q, want %q", y, got, want)
		}
	}
	if MonthName(5) != "May" || MonthName(0) != "" || MonthName(13) != "" {
		t.Errorf("MonthName wrong")
	}
	if SeasonName(21) != "spring" || SeasonName(24) != "winter" || SeasonName(5) != "" || SeasonName(25) != "" {
		t.Errorf("SeasonName wrong")
	}
}

func TestQualified(t *testing.T) {
	for in, want := range map[string]bool{
		"1920": false, "1920~": true, "1920?": true, "1920%": true, "1920/1921?": true,
		"1920~/1921": true, "../1920": false, "1920-05-18/1920-06": false, "1920?-05": true,
	} {
		d, err := ParseDate(in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Qualified() != want {
			t.Errorf("ParseDate(%q).Qualified() = %v, want %v", in, !want, want)
		}
	}
}

func TestCompareSort(t *testing.T) {
	want := []string{
		"../1919", // open starts first, by their end
		"../1920",
		"/1920", // then unknown starts
		"-0043",
		"19XX",
		"1920",
		"1920-XX", // same span and precision as 1920: Source breaks the tie
		"1920~",   // unqualified first
		"1920%",
		"1920/1920", // a single point before an interval
		"1920/1921",
		"192X",    // starts with 1920 but ends in 1929
		"1920/",   // unknown ends after known ones
		"1920/..", // and open ends last
		"1920-21",
		"1920-05",
		"1920-05?",
		"1920-05/1920-06",
		"1920-05-18",
		"1920-05-18/1920-05-25",
		"1920-05-18/1920-06",
		"1920-06",
		"1920-24",
		"1921",
	}
	dates := make([]Date, len(want))
	for i, s := range want {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		dates[i] = d
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		r.Shuffle(len(dates), func(i, j int) { dates[i], dates[j] = dates[j], dates[i] })
		slices.SortStableFunc(dates, Compare)
		got := make([]string, len(dates))
		for i, d := range dates {
			got[i] = d.Source
		}
		if !slices.Equal(got, want) {
			t.Fatalf("sorted:\n got %q\nwant %q", got, want)
		}
	}
}

// Compare is a total order over every parsed test date: reflexive,
// antisymmetric and transitive, and 0 only for identical dates.
func TestCompareTotal(t *testing.T) {
	var dates []Date
	for _, tc := range validDates {
		d, err := ParseDate(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		dates = append(dates, d)
	}
	dates = append(dates, Date{})
	for _, a := range dates {
		for _, b := range dates {
			ab, ba := Compare(a, b), Compare(b, a)
			if ab != -ba {
				t.Fatalf("Compare(%q, %q) = %d but Compare(%q, %q) = %d", a.Source, b.Source, ab, b.Source, a.Source, ba)
			}
			if (ab == 0) != (a == b) {
				t.Fatalf("Compare(%q, %q) = %d", a.Source, b.Source, ab)
			}
			for _, c := range dates {
				if ab <= 0 && Compare(b, c) <= 0 && Compare(a, c) > 0 {
					t.Fatalf("not transitive: %q <= %q <= %q but %q > %q", a.Source, b.Source, c.Source, a.Source, c.Source)
				}
			}
		}
	}
}

// TestDocumentDateText: a title page's EDTF date is printed in words, as
// the handout's other dates are; free text is kept.
func TestDocumentDateText(t *testing.T) {
	for in, want := range map[string]string{"2024-10-01": "1 October 2024", "2026-11": "November 2026", "2026": "2026",
		"November 2026": "November 2026", "Spring term, 2026": "Spring term, 2026", "": ""} {
		if got := (&Document{Date: in}).DateText(); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
