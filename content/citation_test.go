package content

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

var citationTests = []struct {
	in   string
	want []Cite
}{
	{"@key", []Cite{{Source: "key"}}},
	{"[@key]", []Cite{{Source: "key"}}},
	{"@key, para. 3", []Cite{{Source: "key", Locator: "para. 3"}}},
	{"@atabaki2017, 3", []Cite{{Source: "atabaki2017", Locator: "3"}}},
	{"see @a, 12; cf. @b, pp. 3–5, for example", []Cite{
		{Source: "a", Locator: "12", Prefix: "see"},
		{Source: "b", Locator: "pp. 3–5", Prefix: "cf.", Suffix: ", for example"},
	}},
	{"@smith04, pp. 33-35, 38-39 and passim", []Cite{{Source: "smith04", Locator: "pp. 33-35, 38-39", Suffix: "and passim"}}},
	{"@a, and elsewhere", []Cite{{Source: "a", Suffix: ", and elsewhere"}}},
	{"@a, Civil War chapter", []Cite{{Source: "a", Suffix: ", Civil War chapter"}}},
	{"@a, xiv", []Cite{{Source: "a", Locator: "xiv"}}},
	{"@a, vol. II, 12", []Cite{{Source: "a", Locator: "vol. II, 12"}}},
	{"@a, chapter 3", []Cite{{Source: "a", Locator: "chapter 3"}}},
	{"@a, §12", []Cite{{Source: "a", Locator: "§12"}}},
	{"@a, {pp. iv, vi-xi, (xv)-(xvii)} with suffix", []Cite{{Source: "a", Locator: "pp. iv, vi-xi, (xv)-(xvii)", Suffix: "with suffix"}}},
	{"@stalin1920, f. 558, op. 11, d. 317, ll. 1-3", []Cite{{Source: "stalin1920", Locator: "f. 558, op. 11, d. 317, ll. 1-3"}}},
	{"@stalin1920, l. 2, the handwritten original", []Cite{{Source: "stalin1920", Locator: "l. 2", Suffix: ", the handwritten original"}}},
	{"@doe:2020.b/x-1", []Cite{{Source: "doe:2020.b/x-1"}}},
	{"@doe.", []Cite{{Source: "doe", Suffix: "."}}},
	{"@{Weird key, 1}, 4", []Cite{{Source: "Weird key, 1", Locator: "4"}}},
	{"write to me@example.com about @a", []Cite{{Source: "a", Prefix: "write to me@example.com about"}}},
	{" @a ;  @b , 7 ", []Cite{{Source: "a"}, {Source: "b", Locator: "7"}}},
	{"@a, 12a", []Cite{{Source: "a", Locator: "12a"}}},
	{"@a, pp. 3 & 5", []Cite{{Source: "a", Locator: "pp. 3 & 5"}}},
	{"@a, p.", []Cite{{Source: "a", Suffix: ", p."}}},
	// Pandoc's author-suppressing form, Unicode keys, braced URI keys.
	{"[-@a, 12]", []Cite{{Source: "a", Locator: "12", SuppressAuthor: true}}},
	{"see -@a", []Cite{{Source: "a", Prefix: "see", SuppressAuthor: true}}},
	{"@çelik2001, 3", []Cite{{Source: "çelik2001", Locator: "3"}}},
	{"@http://zotero.org/users/1/items/ABCD1234, 7", []Cite{{Source: "http://zotero.org/users/1/items/ABCD1234", Locator: "7"}}},
	{"@a.. and more", []Cite{{Source: "a", Suffix: ".. and more"}}},
	{"@{http://zotero.org/users/1/items/ABCD1234}, 7", []Cite{{Source: "http://zotero.org/users/1/items/ABCD1234", Locator: "7"}}},
}

func TestParseCitation(t *testing.T) {
	for _, tt := range citationTests {
		got, err := ParseCitation(tt.in)
		if err != nil {
			t.Errorf("ParseCitation(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseCitation(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseCitationErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "column 1: empty citation"},
		{"[ ]", "column 2: empty citation"},
		{"see Smith", `column 1: citation item "see Smith" has no @key`},
		{"@a;;@b", "column 4: empty citation item (a stray ';'?)"},
		{"@a; see", `column 5: citation item "see" has no @key`},
		{"@a and @b", "column 8: two keys in one citation item; separate citations with ';'"},
		{"@", "column 1: '@' is not followed by a citation key"},
		{"@a; @!x", "column 5: '@' is not followed by a citation key"},
		{"@{}", "column 1: empty citation key"},
		{"@{a", "column 1: unclosed '{'"},
		{"@a}", "column 3: unbalanced '}'"},
		{"«é» @a; ü", `column 9: citation item "ü" has no @key`},
	} {
		_, err := ParseCitation(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseCitation(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParseCitation(f *testing.F) {
	for _, tt := range citationTests {
		f.Add(tt.in)
	}
	f.Add("[see @a, 12, and @b]")
	f.Fuzz(func(t *testing.T, s string) {
		cites, err := ParseCitation(s)
		if err != nil {
			ce, ok := err.(*CitationError)
			if !ok {
				t.Fatalf("error of type %T", err)
			}
			if ce.Col < 1 || ce.Col > utf8.RuneCountInString(s)+1 {
				t.Fatalf("column %d outside %q", ce.Col, s)
			}
			return
		}
		if len(cites) == 0 {
			t.Fatalf("no cites and no error for %q", s)
		}
		for _, c := range cites {
			if c.Source == "" {
				t.Fatalf("empty key from %q", s)
			}
			// Every part of a cite comes from the input text.
			for _, part := range []string{c.Source, c.Prefix, c.Locator, c.Suffix} {
				if !strings.Contains(s, part) {
					t.Fatalf("%q is not in the input %q", part, s)
				}
			}
		}
	})
}
