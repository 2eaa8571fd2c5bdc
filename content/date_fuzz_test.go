package content

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseDate checks, for any input, the promises other packages rely
// on: ParseDate never panics; an error is a *DateError pointing inside
// the input; a date prints as non-empty English, has at least one known
// end and a span that does not run backwards, parses the same way twice,
// and round-trips through its canonical EDTF form.
//
//	go test ./content -run XXX -fuzz FuzzParseDate -fuzztime 5m
func FuzzParseDate(f *testing.F) {
	for _, tc := range validDates {
		f.Add(tc.in)
	}
	for _, tc := range badDates {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Source != s || de.Offset < 0 || de.Offset > len(s) || de.Reason == "" {
				t.Fatalf("ParseDate(%q): error %#v is not a *DateError inside the input", s, err)
			}
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) returned %+v with error %v", s, d, err)
			}
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("ParseDate(%q): error message is not UTF-8: %q", s, err)
			}
			return
		}
		if d.Source != s {
			t.Fatalf("ParseDate(%q).Source = %q", s, d.Source)
		}
		str := d.String()
		if str == "" || !utf8.ValidString(str) || strings.ContainsAny(str, "\x00\n\t") {
			t.Fatalf("ParseDate(%q).String() = %q", s, str)
		}
		first, last, fok, lok := d.Span()
		if !fok && !lok {
			t.Fatalf("ParseDate(%q) = %+v has no known end", s, d)
		}
		if fok && lok && first > last {
			t.Fatalf("ParseDate(%q): span %d..%d runs backwards", s, first, last)
		}
		if !d.Interval && d.End != d.Start {
			t.Fatalf("ParseDate(%q): single point with End %+v != Start %+v", s, d.End, d.Start)
		}
		again, err := ParseDate(d.Source)
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) twice: %+v then %+v, %v", s, d, again, err)
		}
		if Compare(d, again) != 0 {
			t.Fatalf("Compare(%q, itself) != 0", s)
		}
		canon := d.EDTF()
		c, err := ParseDate(canon)
		if err != nil || c.Start != d.Start || c.End != d.End || c.Interval != d.Interval {
			t.Fatalf("ParseDate(%q).EDTF() = %q parses to %+v, %v; want %+v", s, canon, c, err, d)
		}
		if c.String() != str {
			t.Fatalf("ParseDate(%q) prints %q but its EDTF %q prints %q", s, str, canon, c.String())
		}
	})
}
