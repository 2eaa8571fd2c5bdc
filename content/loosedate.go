package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// looseDate reads a date from a bibliography file, which is someone
// else's data and often not EDTF, as far as it goes. EDTF is read as
// ParseDate reads it, and then read is "". Otherwise read says, for a
// warning, what was taken from the text:
//
//   - a time after the day is dropped: "2004-05-05T12:00" is 2004-05-05;
//   - "u" for an unspecified digit (an older EDTF draft, still written by
//     Better BibTeX) is EDTF's "X": "199u" is 199X;
//   - a season or month written out: "Autumn 2001", "May 1920",
//     "5 May 1920", "May 5, 1920";
//   - two dates, one in brackets, "1875 [2004]" or "2004 [1875]": the
//     later is the date of this edition and the earlier, returned as
//     original, the date it first appeared (the form Zotero's users write
//     for a reprint);
//   - failing all that, the first four-digit year in the text.
//
// ok is false when no year can be found at all.
func looseDate(s string) (d Date, original *Date, read string, ok bool) {
	s = strings.TrimSpace(s)
	if d, err := ParseDate(s); err == nil {
		return d, nil, "", true
	}
	if m := bracketDateRE.FindStringSubmatch(s); m != nil {
		a, okA := looseAtom(m[1])
		b, okB := looseAtom(m[2])
		if okA && okB {
			if later(a, b) {
				a, b = b, a
			}
			return b, &a, fmt.Sprintf("as %s, first published %s", b.Source, a.Source), true
		}
	}
	// A range written with a dash, or a slash with spaces around it.
	if m := rangeRE.FindStringSubmatch(s); m != nil {
		a, okA := looseAtom(m[1])
		b, okB := looseAtom(m[2])
		if okA && okB && !a.Interval && !b.Interval {
			if d, err := ParseDate(a.Source + "/" + b.Source); err == nil {
				return d, nil, "as " + d.Source, true
			}
		}
	}
	if e, ok := looseEDTF(s); ok {
		if d, err := ParseDate(e); err == nil {
			return d, nil, "as " + e, true
		}
	}
	if m := yearRE.FindString(s); m != "" {
		d, err := ParseDate(m)
		if err == nil {
			return d, nil, "as the year " + m + " alone", true
		}
	}
	return Date{}, nil, "", false
}

var (
	bracketDateRE = regexp.MustCompile(`^(.+?)\s*\[(.+)\]$`)
	timeRE        = regexp.MustCompile(`^(-?\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$`)
	yearRE        = regexp.MustCompile(`\b\d{4}\b`)
	rangeRE       = regexp.MustCompile(`^(.+?)\s*(?:–|—|--|\s/|/\s)\s*(.+)$`)
	// "Autumn 2001", "May 1920", "5 May 1920", "May 5, 1920".
	wordDateRE = regexp.MustCompile(`^(?i)(?:(\d{1,2})\.?\s+)?([a-z]+)\.?(?:\s+(\d{1,2}),?)?\s+(\d{4})$`)
)

// looseAtom reads one date of a pair ("1875" of "1875 [2004]", a range's
// end) as EDTF or one of looseEDTF's forms, without looking for pairs in
// it again: a pair of pairs is no date, and trying every way to split one
// would take time exponential in its length.
func looseAtom(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if d, err := ParseDate(s); err == nil {
		return d, true
	}
	if e, ok := looseEDTF(s); ok {
		if d, err := ParseDate(e); err == nil {
			return d, true
		}
	}
	return Date{}, false
}

// looseEDTF rewrites the forms looseDate reads into EDTF.
func looseEDTF(s string) (string, bool) {
	if m := timeRE.FindStringSubmatch(s); m != nil {
		return m[1], true
	}
	if strings.ContainsRune(s, 'u') && strings.Trim(s, "0123456789u-/~?%.") == "" {
		return strings.ReplaceAll(s, "u", "X"), true
	}
	m := wordDateRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	word, year := strings.ToLower(m[2]), m[4]
	day := m[1]
	if day == "" {
		day = m[3]
	} else if m[3] != "" {
		return "", false
	}
	switch word {
	case "spring", "summer", "autumn", "fall", "winter":
		if day != "" {
			return "", false
		}
		n := map[string]int{"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}[word]
		return year + "-" + strconv.Itoa(n), true
	}
	e, msg := yearMonthDay(year, word, day)
	return e, msg == ""
}

// later reports whether a starts after b.
func later(a, b Date) bool {
	af, _, okA := a.Start.Span()
	bf, _, okB := b.Start.Span()
	return okA && okB && af > bf
}

// looseDateError says why looseDate could read nothing of s: the date
// parser's own message when s looks like EDTF, since it says what to
// change, and otherwise that no year was found.
func looseDateError(s string) string {
	if strings.ContainsAny(s, "0123456789") {
		if _, err := ParseDate(s); err != nil {
			return err.Error()
		}
	}
	return "no year in it"
}
