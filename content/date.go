package content

// This file is the EDTF date type: parsing, printing in English, the span
// of days a date covers, ordering, and the day-number calendar arithmetic
// the timeline scale is built on.
//
// The grammar is EDTF (ISO 8601-2) level 1, with three decisions of ours:
//
//   - A qualifier may also follow a part of a date (level 2's 1920~-05 or
//     1920-05?-18). We widen it to the whole point: a handout cannot show
//     doubt about the year alone, and widening never claims more certainty
//     than the source gave.
//   - Unspecified digits (X) are the level-1 set: the last one or two digits
//     of a CE year (192X, 19XX), a month (1920-XX) and a day (1920-05-XX,
//     1920-XX-XX). A decade or century of BCE years, or one that takes in
//     year 0000, is rejected: "1920s BCE" does not mean -192X, and there is
//     no honest name for it.
//   - Years are exactly four digits, from -9999 (10000 BCE) to 9999; the
//     'Y' prefix for longer years is not supported.
//
// Dates never go through time.Time: go-chart's and time's conveniences stop
// working well before the BCE years a history handout needs.

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
//
// Unspecified parts: for 192X, Year is 1920 (the first year of the range)
// with UnspecifiedYearDigits 1 and PrecisionYear. For 1920-XX, Month is 0,
// UnspecifiedMonth is set and the precision is PrecisionYear, because that
// is all that is known; likewise 1920-05-XX has Day 0, UnspecifiedDay and
// PrecisionMonth. A season (1920-21 .. 1920-24) has PrecisionMonth and
// Month 21-24.
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

// Seasons, as EDTF numbers them in the month position.
const (
	seasonSpring = 21
	seasonWinter = 24
)

// maxDateLen bounds the input: the longest level-1 date is about 25 bytes,
// and a bound keeps error messages and fuzzing cheap.
const maxDateLen = 64

// DateError is a malformed date. It carries the byte offset of the problem
// in Source so that the YAML loader can point its file:line:col at the
// character rather than at the start of the value.
type DateError struct {
	Source string // the text given to ParseDate
	Offset int    // byte offset in Source where the problem is
	Reason string // what is wrong and what form is expected
}

// Error prints `date "SOURCE": REASON`, quoting the source with Go escapes
// so that control characters and invalid UTF-8 are visible, and cutting
// very long input short.
func (e *DateError) Error() string {
	src := e.Source
	if len(src) > 40 {
		src = src[:40]
		return fmt.Sprintf("date %q...: %s", src, e.Reason)
	}
	return fmt.Sprintf("date %q: %s", src, e.Reason)
}

func dateErr(src string, off int, format string, args ...any) error {
	return &DateError{Source: src, Offset: off, Reason: fmt.Sprintf(format, args...)}
}

// ParseDate parses an EDTF level-1 string: a point YYYY, YYYY-MM,
// YYYY-MM-DD or YYYY-SS (season 21-24), each optionally followed by ~
// (approximate), ? (uncertain) or % (both), with X for unspecified digits;
// or an interval A/B whose ends are points, ".." (open) or empty
// (unknown). Errors are *DateError and say what is wrong and which form is
// expected.
func ParseDate(s string) (Date, error) {
	if err := checkDateChars(s); err != nil {
		return Date{}, err
	}
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		if s == ".." {
			return Date{}, dateErr(s, 0, "'..' is an open end and needs an interval: ../1920 or 1920/..")
		}
		p, err := parsePoint(s, 0, s)
		if err != nil {
			return Date{}, err
		}
		return Date{Start: p, End: p, Source: s}, nil
	}
	if i := strings.IndexByte(s[slash+1:], '/'); i >= 0 {
		return Date{}, dateErr(s, slash+1+i, "more than one '/': an interval has exactly two ends (1920/1921)")
	}
	a, b := s[:slash], s[slash+1:]
	start, err := parseEnd(a, 0, s)
	if err != nil {
		return Date{}, err
	}
	end, err := parseEnd(b, slash+1, s)
	if err != nil {
		return Date{}, err
	}
	if !start.Known() && !end.Known() {
		return Date{}, dateErr(s, 0, "an interval needs at least one dated end (1920/.., ../1920, 1920/)")
	}
	if start.Known() && end.Known() {
		first, _, _ := start.Span()
		_, last, _ := end.Span()
		if last < first {
			return Date{}, dateErr(s, slash+1, "interval ends (%s) before it starts (%s)", b, a)
		}
	}
	return Date{Start: start, End: end, Interval: true, Source: s}, nil
}

// checkDateChars rejects, with a specific message, every character that
// cannot appear in a level-1 date, so the parser proper sees only
// 0-9 X - / . ~ ? %.
func checkDateChars(s string) error {
	if s == "" {
		return dateErr(s, 0, "empty: expected an EDTF date such as 1920, 1920-05, 1920-05-18 or 1920/1921")
	}
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9', r == 'X', r == '-', r == '/', r == '.', r == '~', r == '?', r == '%':
			continue
		case r == utf8.RuneError:
			return dateErr(s, i, "invalid UTF-8 at byte %d", i)
		case unicode.IsSpace(r):
			return dateErr(s, i, "whitespace at byte %d: write the date without spaces (1920-05-18, 1920/1921)", i)
		case unicode.IsControl(r):
			return dateErr(s, i, "control character %U at byte %d", r, i)
		case r == 'x':
			return dateErr(s, i, "unspecified digits are written with a capital X (192X, 1920-XX)")
		case r == 'u' || r == 'U':
			return dateErr(s, i, "unspecified digits are written X, not u (192X, 1920-XX)")
		case r == 'T' || r == ':' || r == 'Z':
			return dateErr(s, i, "times are not supported: give a date only (1920-05-18)")
		case r == 'Y':
			return dateErr(s, i, "years beyond four digits ('Y' prefix) are not supported; years run from -9999 to 9999")
		case r == '[' || r == ']' || r == '{' || r == '}' || r == ',':
			return dateErr(s, i, "sets and lists ([...], {...}) are EDTF level 2 and not supported; use an interval (1920/1921)")
		case r == '+':
			return dateErr(s, i, "'+' is not used: write 1920 for 1920 CE and -0043 for 44 BCE")
		case r == '\u2013' || r == '\u2014' || r == '\u2012' || r == '\u2212':
			return dateErr(s, i, "dash %U at byte %d: write intervals with '/' (1920/1921) and BCE years with '-' (-0043)", r, i)
		default:
			return dateErr(s, i, "unexpected %q at byte %d: a date uses digits, X, '-', '/', '..' and the qualifiers ~ ? %%", r, i)
		}
	}
	if len(s) > maxDateLen {
		return dateErr(s, maxDateLen, "too long (%d bytes) to be a date", len(s))
	}
	return nil
}

// parseEnd parses one end of an interval; off is its offset in src.
func parseEnd(t string, off int, src string) (Point, error) {
	switch {
	case t == "":
		return Point{Unknown: true}, nil
	case t == "..":
		return Point{Open: true}, nil
	case strings.HasPrefix(t, ".."):
		return Point{}, dateErr(src, off+2, "an open end '..' stands alone, with no qualifier or date after it")
	}
	return parsePoint(t, off, src)
}

func isQualifier(c byte) bool { return c == '~' || c == '?' || c == '%' }

func isDigitOrX(c byte) bool { return c >= '0' && c <= '9' || c == 'X' }

// parsePoint parses [-]YYYY[-MM[-DD]] with qualifiers; t is the point's
// text, off its offset in src (the whole input, for messages).
func parsePoint(t string, off int, src string) (Point, error) {
	var p Point
	fail := func(i int, format string, args ...any) (Point, error) {
		return Point{}, dateErr(src, off+i, format, args...)
	}
	// unexpected reports a character the grammar does not allow at i.
	unexpected := func(i int, want string) (Point, error) {
		c := t[i]
		switch {
		case c == '.':
			return fail(i, "unexpected '.' at byte %d: '..' is only an open interval end (../1920, 1920/..)", off+i)
		case isQualifier(c):
			return fail(i, "a qualifier follows the date it qualifies (1920~, 1920-05?), it does not precede it")
		}
		return fail(i, "unexpected %q at byte %d: expected %s", c, off+i, want)
	}
	// qualifier reads an optional qualifier at i and returns the index after it.
	qualifier := func(i int) (int, error) {
		if i >= len(t) || !isQualifier(t[i]) {
			return i, nil
		}
		switch t[i] {
		case '~':
			p.Approximate = true
		case '?':
			p.Uncertain = true
		case '%':
			p.Approximate, p.Uncertain = true, true
		}
		if i+1 < len(t) && isQualifier(t[i+1]) {
			_, err := fail(i+1, "one qualifier at a time: ~ approximate, ? uncertain, %% both (1920%%)")
			return 0, err
		}
		return i + 1, nil
	}
	// field reads a run of digits and X from i.
	field := func(i int) string {
		j := i
		for j < len(t) && isDigitOrX(t[j]) {
			j++
		}
		return t[i:j]
	}

	i := 0
	if t[0] != '-' && !isDigitOrX(t[0]) {
		return unexpected(0, "a four-digit year")
	}
	neg := t[0] == '-'
	if neg {
		i++
	}
	ytext := field(i)
	switch {
	case ytext == "":
		if i < len(t) {
			return unexpected(i, "a four-digit year")
		}
		return fail(i, "expected a four-digit year after '-' (-0043 is 44 BCE)")
	case len(ytext) > 4:
		return fail(i, "year %s has more than four digits; years run from -9999 to 9999", ytext)
	case len(ytext) < 4:
		if strings.IndexByte(ytext, 'X') < 0 {
			return fail(i, "year must have four digits (%s%s)", strings.Repeat("0", 4-len(ytext)), ytext)
		}
		return fail(i, "year must have four digits (1920, 192X)")
	}
	nx := 0
	if x := strings.IndexByte(ytext, 'X'); x >= 0 {
		if strings.Trim(ytext[x:], "X") != "" {
			return fail(i+x, "X may only replace the last digits of a year (192X, 19XX)")
		}
		nx = 4 - x
		if nx > 2 {
			return fail(i+x, "only the last one or two digits of a year may be X (192X, 19XX)")
		}
		if neg {
			return fail(i+x, "X digits in BCE years are not supported: write an interval (-0099/-0090)")
		}
	}
	year := 0
	for k := 0; k < 4; k++ {
		year *= 10
		if c := ytext[k]; c != 'X' {
			year += int(c - '0')
		}
	}
	if year == 0 && neg {
		return fail(0, "-0000 is not a year: write 0000 for 1 BCE")
	}
	if year == 0 && nx > 0 {
		return fail(i, "%s would take in year 0000 (1 BCE) and CE years alike: write an interval (0000/0099)", ytext)
	}
	if neg {
		year = -year
	}
	p.Year, p.Precision, p.UnspecifiedYearDigits = year, PrecisionYear, nx
	i += 4

	i, err := qualifier(i)
	if err != nil {
		return Point{}, err
	}
	if i == len(t) {
		return p, nil
	}
	if t[i] != '-' {
		return unexpected(i, "'-' and a two-digit month, or a qualifier ~ ? %")
	}
	if nx > 0 {
		return fail(i, "a year with X digits takes no month (192X, not 192X-05)")
	}
	i++

	// Month, or season.
	mtext := field(i)
	switch {
	case mtext == "":
		if i < len(t) {
			return unexpected(i, "a two-digit month (01-12) or season (21-24)")
		}
		return fail(i, "expected a two-digit month after '-' (%s-05)", t[:i-1])
	case len(mtext) == 1 && mtext != "X":
		return fail(i, "month must have two digits (%s-0%s)", t[:i-1], mtext)
	case len(mtext) != 2:
		return fail(i, "month must have two digits (01-12) or be a season (21-24)")
	case mtext == "XX":
		p.UnspecifiedMonth = true
	case strings.IndexByte(mtext, 'X') >= 0:
		return fail(i, "a month is two digits or XX, not %s", mtext)
	default:
		m := int(mtext[0]-'0')*10 + int(mtext[1]-'0')
		switch {
		case m >= 1 && m <= 12, m >= seasonSpring && m <= seasonWinter:
			p.Month, p.Precision = m, PrecisionMonth
		case m >= 25 && m <= 41:
			return fail(i, "season %d is EDTF level 2 and not supported; use 21-24 (spring, summer, autumn, winter)", m)
		default:
			return fail(i, "month %s out of range (01-12, or 21-24 for a season)", mtext)
		}
	}
	i += 2

	if i, err = qualifier(i); err != nil {
		return Point{}, err
	}
	if i == len(t) {
		return p, nil
	}
	if t[i] != '-' {
		return unexpected(i, "'-' and a two-digit day, or a qualifier ~ ? %")
	}
	if p.Month >= seasonSpring {
		return fail(i, "a season (21-24) takes no day")
	}
	i++

	dtext := field(i)
	switch {
	case dtext == "":
		if i < len(t) {
			return unexpected(i, "a two-digit day")
		}
		return fail(i, "expected a two-digit day after '-' (%s-01)", t[:i-1])
	case len(dtext) == 1 && dtext != "X":
		return fail(i, "day must have two digits (%s-0%s)", t[:i-1], dtext)
	case len(dtext) != 2:
		return fail(i, "day must have two digits (01-31)")
	case dtext == "XX":
		p.UnspecifiedDay = true
	case strings.IndexByte(dtext, 'X') >= 0:
		return fail(i, "a day is two digits or XX, not %s", dtext)
	case p.UnspecifiedMonth:
		return fail(i, "a day cannot be given when the month is XX (1920-XX-XX or 1920-05-18)")
	default:
		d := int(dtext[0]-'0')*10 + int(dtext[1]-'0')
		n := DaysInMonth(p.Year, p.Month)
		if d < 1 || d > n {
			return fail(i, "day %s out of range for %s %s (01-%02d)", dtext, MonthName(p.Month), FormatYear(p.Year), n)
		}
		p.Day, p.Precision = d, PrecisionDay
	}
	i += 2

	if i, err = qualifier(i); err != nil {
		return Point{}, err
	}
	if i == len(t) {
		return p, nil
	}
	if t[i] == '-' {
		return fail(i, "too many parts: a date is YYYY, YYYY-MM or YYYY-MM-DD")
	}
	return unexpected(i, "the end of the date or a qualifier ~ ? %")
}

// Known reports whether the point is a date, rather than an open ("..")
// or unknown ("") interval end, or a zero Point.
func (p Point) Known() bool {
	_, _, ok := p.Span()
	return ok
}

// IsSeason reports whether the point names a season (month 21-24), so
// that callers that step through months can treat it as a three-month
// range.
func (p Point) IsSeason() bool {
	return p.Precision == PrecisionMonth && p.Month >= seasonSpring && p.Month <= seasonWinter
}

// Span returns the first and last day the point covers (see DayNumber).
// A decade covers ten whole years, a month all its days, and a season the
// northern-hemisphere meteorological months: spring March-May, summer
// June-August, autumn September-November, winter December of its year to
// February of the next (so winter 1920 ends on 28 or 29 February 1921).
// Qualifiers do not widen the span: how far "c." reaches is not ours to
// invent; the chart shows doubt by its line style instead. ok is false for
// an open or unknown end and for a Point that is not a valid date.
func (p Point) Span() (first, last int64, ok bool) {
	if p.Open || p.Unknown || p.Year < -9999 || p.Year > 9999 {
		return 0, 0, false
	}
	switch p.Precision {
	case PrecisionYear:
		n := p.UnspecifiedYearDigits
		if n < 0 || n > 3 {
			return 0, 0, false
		}
		width := [...]int{1, 10, 100, 1000}[n]
		y0 := p.Year - mod(p.Year, width)
		return DayNumber(y0, 1, 1), DayNumber(y0+width-1, 12, 31), true
	case PrecisionMonth:
		switch {
		case p.Month >= 1 && p.Month <= 12:
			return DayNumber(p.Year, p.Month, 1), DayNumber(p.Year, p.Month, DaysInMonth(p.Year, p.Month)), true
		case p.IsSeason():
			m := 3 * (p.Month - seasonSpring + 1) // first month: 3, 6, 9, 12
			return DayNumber(p.Year, m, 1), DayNumber(p.Year, m+3, 1) - 1, true
		}
	case PrecisionDay:
		if p.Month >= 1 && p.Month <= 12 && p.Day >= 1 && p.Day <= DaysInMonth(p.Year, p.Month) {
			n := DayNumber(p.Year, p.Month, p.Day)
			return n, n, true
		}
	}
	return 0, 0, false
}

// end is the point that ends d: End for an interval, Start otherwise, so
// that a hand-built single Date with a zero End still works.
func (d Date) end() Point {
	if d.Interval {
		return d.End
	}
	return d.Start
}

// Span returns the first and last day covered, as continuous day numbers
// (days since an epoch, proleptic Gregorian; see DayNumber). An open or
// unknown end reports ok=false for that end.
func (d Date) Span() (first, last int64, firstOK, lastOK bool) {
	first, _, firstOK = d.Start.Span()
	_, last, lastOK = d.end().Span()
	return first, last, firstOK, lastOK
}

// Qualified reports whether either end is approximate or uncertain, so
// that the chart can draw it in its doubtful style.
func (d Date) Qualified() bool {
	e := d.end()
	return d.Start.Approximate || d.Start.Uncertain || e.Approximate || e.Uncertain
}

// Compare orders dates by start, then end, then precision (coarser first).
// Open and unknown starts sort first (open before unknown); open and
// unknown ends sort last (unknown before open). Ties then fall to a single
// point before an interval, unqualified before qualified, the Source text
// and finally every field, so the order is total and deterministic and
// sorting with slices.SortStableFunc gives the same result on every run.
func Compare(a, b Date) int {
	ae, be := a.end(), b.end()
	af, _, afOK := a.Start.Span()
	bf, _, bfOK := b.Start.Span()
	_, al, alOK := ae.Span()
	_, bl, blOK := be.Span()
	if c := cmp.Compare(startRank(a.Start, afOK), startRank(b.Start, bfOK)); c != 0 {
		return c
	}
	if afOK {
		if c := cmp.Compare(af, bf); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(endRank(ae, alOK), endRank(be, blOK)); c != 0 {
		return c
	}
	if alOK {
		if c := cmp.Compare(al, bl); c != 0 {
			return c
		}
	}
	return cmp.Or(
		cmp.Compare(precisionRank(a.Start), precisionRank(b.Start)),
		cmp.Compare(precisionRank(ae), precisionRank(be)),
		compareBool(a.Interval, b.Interval),
		cmp.Compare(qualifierRank(a.Start), qualifierRank(b.Start)),
		cmp.Compare(qualifierRank(ae), qualifierRank(be)),
		strings.Compare(a.Source, b.Source),
		comparePoints(a.Start, b.Start),
		comparePoints(a.End, b.End),
	)
}

func startRank(p Point, ok bool) int {
	switch {
	case p.Open:
		return 0
	case p.Unknown:
		return 1
	case ok:
		return 2
	}
	return 3 // not a valid point: last, out of the way
}

func endRank(p Point, ok bool) int {
	switch {
	case ok:
		return 0
	case p.Unknown:
		return 1
	case p.Open:
		return 2
	}
	return 3
}

// precisionRank orders precisions coarsest first, counting a decade or
// century as coarser than a year and a season as coarser than a month.
func precisionRank(p Point) int {
	switch {
	case p.Open || p.Unknown:
		return 0
	case p.Precision == PrecisionYear:
		return 4 - min(max(p.UnspecifiedYearDigits, 0), 3)
	case p.IsSeason():
		return 5
	case p.Precision == PrecisionMonth:
		return 6
	case p.Precision == PrecisionDay:
		return 7
	}
	return 8
}

func qualifierRank(p Point) int {
	r := 0
	if p.Approximate {
		r++
	}
	if p.Uncertain {
		r += 2
	}
	return r
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func comparePoints(a, b Point) int {
	return cmp.Or(
		cmp.Compare(a.Year, b.Year),
		cmp.Compare(a.Month, b.Month),
		cmp.Compare(a.Day, b.Day),
		cmp.Compare(a.Precision, b.Precision),
		compareBool(a.Approximate, b.Approximate),
		compareBool(a.Uncertain, b.Uncertain),
		cmp.Compare(a.UnspecifiedYearDigits, b.UnspecifiedYearDigits),
		compareBool(a.UnspecifiedMonth, b.UnspecifiedMonth),
		compareBool(a.UnspecifiedDay, b.UnspecifiedDay),
		compareBool(a.Open, b.Open),
		compareBool(a.Unknown, b.Unknown),
	)
}

// ---- Printing ----

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

var seasonNames = [...]string{"spring", "summer", "autumn", "winter"}

var monthAbbrs = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// MonthAbbr is month 1-12 abbreviated as a chart's labels and axis print
// it ("Sep"), or "" for any other number.
func MonthAbbr(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthAbbrs[m-1]
}

// MonthName is the English name of month 1-12 ("May"), or "" for any other
// number; the chart's axis labels use it too.
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthNames[m-1]
}

// SeasonName is the English name of EDTF season 21-24 ("spring",
// "summer", "autumn", "winter"), or "" for any other number. Lower case,
// because that is how a season reads inside a sentence.
func SeasonName(m int) string {
	if m < seasonSpring || m > seasonWinter {
		return ""
	}
	return seasonNames[m-seasonSpring]
}

// FormatYear prints an astronomical year as a reader expects it: "1920",
// "44 BCE" for -43, "1 BCE" for 0. There is no year 0 in print.
func FormatYear(y int) string {
	if y <= 0 {
		return fmt.Sprintf("%d BCE", 1-y)
	}
	return fmt.Sprint(y)
}

// FormatYearBeside is FormatYear for a year printed beside BCE ones (an
// axis or a list that crosses the era): a CE year is marked "14 CE", so
// that neither era is read for the other.
func FormatYearBeside(y int, bce bool) string {
	if bce && y > 0 {
		return fmt.Sprintf("%d CE", y)
	}
	return FormatYear(y)
}

// pointText is a point's English form taken apart, so that intervals can
// share the year ("May–June 1920") and era ("100–44 BCE").
type pointText struct {
	lead  string // "18 May", "May", "spring", or "" at year precision
	day   int    // day of month at day precision, for "18–25 May 1920"
	month int    // month at day precision
	year  string // "1920", "1920s", "44" (era apart)
	bce   bool
}

func (p Point) text() (pointText, bool) { return p.textIn(MonthName) }

func (p Point) textIn(month func(int) string) (pointText, bool) {
	if !p.Known() {
		return pointText{}, false
	}
	var t pointText
	y := p.Year
	if n := p.UnspecifiedYearDigits; p.Precision == PrecisionYear && n > 0 {
		width := [...]int{1, 10, 100, 1000}[n]
		t.year = fmt.Sprintf("%ds", y-mod(y, width))
	}
	if y <= 0 {
		t.bce = true
		y = 1 - y
	}
	if t.year == "" {
		t.year = fmt.Sprint(y)
	}
	switch {
	case p.Precision == PrecisionDay:
		t.lead = fmt.Sprintf("%d %s", p.Day, month(p.Month))
		t.day, t.month = p.Day, p.Month
	case p.IsSeason():
		t.lead = SeasonName(p.Month)
	case p.Precision == PrecisionMonth:
		t.lead = month(p.Month)
	}
	return t, true
}

// yearText is the year with its era: "1920", "44 BCE", and "14 CE" when
// ce asks for it (beside a BCE year, a bare "14" would be ambiguous).
func (t pointText) yearText(ce bool) string {
	switch {
	case t.bce:
		return t.year + " BCE"
	case ce:
		return t.year + " CE"
	}
	return t.year
}

// body is the unqualified English form: "18 May 1920", "spring 1920".
func (t pointText) body(ce bool) string {
	if t.lead == "" {
		return t.yearText(ce)
	}
	return t.lead + " " + t.yearText(ce)
}

// qualify adds the point's qualifiers: "c." before for approximate, "?"
// after for uncertain, both for %. The space after "c." is a no-break
// space: a line never ends with "c." apart from its date.
func (p Point) qualify(s string) string {
	if p.Approximate {
		s = "c.\u00a0" + s
	}
	if p.Uncertain {
		s += "?"
	}
	return s
}

// String prints the point in English at exactly its precision, with its
// qualifiers: "18 May 1920", "c. May 1920", "1920?", "spring 1920",
// "1920s", "44 BCE". Open and unknown ends print as "": Date.String words
// them ("by", "from", "?") in context.
func (p Point) String() string {
	t, ok := p.text()
	if !ok {
		return ""
	}
	return p.qualify(t.body(false))
}

// Short prints the point as a chart's labels do: as String, with the
// month abbreviated ("18 Sep 1921", "Sep 1921", "spring 1920", "1920s",
// "c. May 1920", "44 BCE"). The chart and the text print a date alike,
// never more precisely than it was given.
func (p Point) Short() string {
	t, ok := p.textIn(MonthAbbr)
	if !ok {
		return ""
	}
	return p.qualify(t.body(false))
}

// DateText is the document's date as its title page prints it: an EDTF
// date ("2024-10-01") in words, as every other date in the handout is
// printed ("1 October 2024"); free text ("November 2026") as given.
func (d *Document) DateText() string {
	if t, err := ParseDate(strings.TrimSpace(d.Date)); err == nil {
		return t.String()
	}
	return d.Date
}

// dash joins two sides of a range with an en dash, spaced when either side
// has a space in it ("May 1920 – June 1921") and closed up otherwise
// ("1905–1909"), as the Chicago Manual of Style has it.
func dash(a, b string) string {
	if strings.ContainsAny(a, " \u00a0") || strings.ContainsAny(b, " \u00a0") {
		return a + " \u2013 " + b
	}
	return a + "\u2013" + b
}

// String prints the date in English at exactly its precision:
// "18 May 1920", "c. May 1920", "1920?", "spring 1920", "1905–1909",
// "44 BCE", "by 1920", "from 1920".
//
// Intervals share what their ends share when neither is qualified:
// "1905–1909", "100–44 BCE", "May–June 1920", "18–25 May 1920",
// "18 May – 5 June 1920"; otherwise each end is printed whole, "c. 1920 –
// 1921?". A BCE start with a CE end marks both eras: "31 BCE – 14 CE". An
// interval whose ends print alike prints once ("1920" for 1920/1920-XX).
// Open ends read "by 1920" (../1920) and "from 1920" (1920/..); unknown
// ends read "1920 – ?" (1920/) and "? – 1920" (/1920), so that an unknown
// end is never mistaken for an open one. A zero Date prints as "".
func (d Date) String() string {
	if !d.Interval {
		return d.Start.String()
	}
	s, e := d.Start, d.End
	switch {
	case s.Open:
		return "by " + e.String()
	case e.Open:
		return "from " + s.String()
	case s.Unknown:
		return "? \u2013 " + e.String()
	case e.Unknown:
		return s.String() + " \u2013 ?"
	}
	ts, okS := s.text()
	te, okE := e.text()
	if !okS || !okE {
		return ""
	}
	qualified := d.Qualified()
	mixed := ts.bce != te.bce
	if !qualified && !mixed {
		fs, fe := ts.body(false), te.body(false)
		switch {
		case fs == fe:
			return fs
		case ts.lead == "" && te.lead == "":
			return dash(ts.year, te.year) + era(ts.bce)
		case ts.year == te.year && sameKind(s, e):
			if s.Precision == PrecisionDay && ts.month == te.month {
				return fmt.Sprintf("%s %s %s", dash(fmt.Sprint(ts.day), fmt.Sprint(te.day)), MonthName(ts.month), ts.yearText(false))
			}
			return dash(ts.lead, te.lead) + " " + ts.yearText(false)
		}
		return dash(fs, fe)
	}
	return dash(s.qualify(ts.body(mixed)), e.qualify(te.body(mixed)))
}

func era(bce bool) string {
	if bce {
		return " BCE"
	}
	return ""
}

// sameKind reports whether two points name the same kind of thing (days,
// months or seasons), so that their leads can share a year.
func sameKind(a, b Point) bool {
	return a.Precision == b.Precision && a.IsSeason() == b.IsSeason()
}

// EDTF is the canonical EDTF text of the date: qualifiers written once, as
// a suffix of each point (1920~-05 becomes 1920-05~). Parsing it gives back
// the same Start, End and Interval; it is what a normalizing writer or a
// JSON export should emit. A zero Date gives "".
func (d Date) EDTF() string {
	if !d.Interval {
		return d.Start.edtf()
	}
	return d.Start.edtf() + "/" + d.End.edtf()
}

func (p Point) edtf() string {
	switch {
	case p.Open:
		return ".."
	case !p.Known():
		return "" // an unknown end, or a Point that is not a date
	}
	var b strings.Builder
	y := p.Year
	if y < 0 {
		b.WriteByte('-')
		y = -y
	}
	ys := fmt.Sprintf("%04d", y)
	if n := p.UnspecifiedYearDigits; n > 0 && n <= len(ys) {
		ys = ys[:len(ys)-n] + strings.Repeat("X", n)
	}
	b.WriteString(ys)
	switch {
	case p.UnspecifiedMonth:
		b.WriteString("-XX")
	case p.Precision >= PrecisionMonth:
		fmt.Fprintf(&b, "-%02d", p.Month)
	}
	switch {
	case p.UnspecifiedDay:
		b.WriteString("-XX")
	case p.Precision >= PrecisionDay:
		fmt.Fprintf(&b, "-%02d", p.Day)
	}
	switch {
	case p.Approximate && p.Uncertain:
		b.WriteByte('%')
	case p.Approximate:
		b.WriteByte('~')
	case p.Uncertain:
		b.WriteByte('?')
	}
	return b.String()
}

// ---- Calendar arithmetic ----

// IsLeapYear reports whether the astronomical year y is a leap year in the
// proleptic Gregorian calendar (so year 0, 1 BCE, is one).
func IsLeapYear(y int) bool {
	return mod(y, 4) == 0 && (mod(y, 100) != 0 || mod(y, 400) == 0)
}

// DaysInMonth is the number of days in month m (1-12) of astronomical
// year y, proleptic Gregorian; 0 for a month outside 1-12.
func DaysInMonth(y, m int) int {
	switch m {
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	case 4, 6, 9, 11:
		return 30
	case 2:
		if IsLeapYear(y) {
			return 29
		}
		return 28
	}
	return 0
}

// mod is the floor modulus, always in [0, n) for n > 0, which Go's %
// is not for negative years.
func mod(a, n int) int {
	r := a % n
	if r < 0 {
		r += n
	}
	return r
}

// floorDiv is division rounding toward minus infinity.
func floorDiv(a, n int64) int64 {
	q := a / n
	if (a%n != 0) && ((a < 0) != (n < 0)) {
		q--
	}
	return q
}

// Day-number arithmetic counts in 400-year eras of 146097 days, with years
// starting on 1 March so that the leap day falls at the end of the year
// (Howard Hinnant's days_from_civil). Pure integer arithmetic, exact for
// any year an int64 day count can hold.
const (
	daysPer400Years = 146097
	// epochShift is the day number of 1970-01-01 counted from 0000-03-01.
	epochShift = 719468
)

// DayNumber is the continuous day number of a proleptic Gregorian date in
// astronomical years, valid at least from 10000 BCE to 3000 CE. Day 0 is
// 1 January 1970 so that modern dates have small, familiar values.
//
// A month outside 1-12 or a day outside the month carries over, as with
// time.Date: DayNumber(1921, 2, 29) is the day number of 1 March 1921.
func DayNumber(year, month, day int) int64 {
	y := int64(year) + floorDiv(int64(month)-1, 12)
	m := int64(mod(month-1, 12)) + 1
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March = 0 .. February = 11
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*daysPer400Years + doe - epochShift
}

// FromDayNumber is the inverse of DayNumber.
func FromDayNumber(n int64) (year, month, day int) {
	z := n + epochShift
	era := floorDiv(z, daysPer400Years)
	doe := z - era*daysPer400Years                         // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11]
	d := doy - (153*mp+2)/5 + 1                            // [1, 31]
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}
