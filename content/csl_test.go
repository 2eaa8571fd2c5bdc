package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseCSLJSONFields(t *testing.T) {
	data := `[{"id": 7, "type": "book",
  "author": [{"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"}, {"literal": "Wilson Center"}],
  "title": "T", "volume": 3, "issued": {"date-parts": [[1920, 5]], "circa": true},
  "accessed": {"date-parts": [[2026, 11, 1]]}, "abstract": "ignored", "ISBN": "1"},
 {"id": "s", "type": "article-journal", "title": "S", "issued": {"date-parts": [[1920]], "season": 1}},
 {"id": "r", "type": "book", "title": "R", "issued": {"date-parts": [[1920, 6, 5], [1921, 9]]}},
 {"id": "bc", "type": "book", "title": "B", "issued": {"date-parts": [[-44, 3, 15]]}},
 {"id": "raw", "type": "book", "title": "B", "issued": {"literal": "1920?"}}]`
	srcs, err := ParseCSLJSON("x.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	s := srcs[0]
	if s.ID != "7" || s.Volume != "3" || s.Author[0] != (Name{Family: "de Gaulle", Given: "Charles"}) ||
		s.Author[1] != (Name{Literal: "Wilson Center"}) || s.Pos != (Pos{File: "x.json", Line: 1, Column: 2}) {
		t.Errorf("got %+v", s)
	}
	for i, want := range []string{"1920-05~", "1920-21", "1920-06-05/1921-09", "-0043-03-15", "1920?"} {
		if got := srcs[i].Issued.Source; got != want {
			t.Errorf("%s: issued %q, want %q", srcs[i].ID, got, want)
		}
	}
	if got := chicagoDate(*srcs[0].Issued); got != "ca. May 1920" {
		t.Errorf("circa date printed %q", got)
	}
	if got := chicagoDate(*srcs[3].Issued); got != "March 15, 44 BCE" {
		t.Errorf("BC date printed %q", got)
	}
	if srcs[0].Accessed == nil || srcs[0].Accessed.Source != "2026-11-01" {
		t.Errorf("accessed %+v", srcs[0].Accessed)
	}
}

func TestParseCSLJSONErrors(t *testing.T) {
	data := `[
  {"id": "a", "type": "boook", "title": "x"},
  {"type": "book"},
  {"id": "b", "type": "book", "titel": "x", "issued": {"date-parts": [[1920, 13]]}},
  {"id": "c", "type": "book", "author": [{"famly": "x"}], "title": ["x"]},
  {"id": "a", "type": "book"},
  "not an object",
  {"id": "d", "type": "book", "issued": {"raw": "27 July 2017"}},
  {"id": "ok", "type": "book", "title": "Fine"},
  {"id": "e", "type": "book", "url": "https://example.org", "zqxwv": 1}
]`
	srcs, err := ParseCSLJSON("refs.json", []byte(data))
	want := strings.Join([]string{
		`refs.json:2:15: item "a": unknown type "boook"`,
		`refs.json:3:3: item 2 has no "id"`,
		`refs.json:4:45: item "b": "issued": cannot read date "1920-13": ` + dateErrText("1920-13"),
		`refs.json:4:31: item "b": unknown field "titel"; did you mean "title"?`,
		`refs.json:5:31: item "c": "author": name 1 has no family, given or literal name`,
		`refs.json:5:59: item "c": "title" must be a string`,
		`refs.json:6:4: duplicate key "a" (first at 2:4)`,
		`refs.json:7:3: item 6 is not a JSON object`,
		`refs.json:8:31: item "d": "issued": cannot read date "27 July 2017": ` + dateErrText("27 July 2017"),
		`refs.json:10:31: item "e": unknown field "url"; did you mean "URL"?`,
		`refs.json:10:61: item "e": unknown field "zqxwv"`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
	// The good item is kept, so that its citations still resolve.
	if len(srcs) != 1 || srcs[0].ID != "ok" || srcs[0].Title != "Fine" {
		t.Errorf("sources with the errors = %v, want the one good item", srcs)
	}
	for _, tt := range []struct{ in, want string }{
		{`{"id": "a"}`, "x.json:1:1: CSL-JSON must be an array of items"},
		{"[\n  {\"id\": \"a\",}\n]", "x.json:2:14: invalid JSON: invalid character '}' looking for beginning of object key string"},
		{"[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"b\" \"x\"}\n]", "x.json:3:14: invalid JSON: invalid character '\"' after object key:value pair"},
		{"[1,\n 2 3]", "x.json:2:4: invalid JSON: invalid character '3' after array element"},
		{`[{"id": "a", "type": "book"}`, "x.json:1:29: invalid JSON: unexpected end of file"},
		{``, "x.json:1:1: invalid JSON: unexpected end of file"},
	} {
		_, err := ParseCSLJSON("x.json", []byte(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseCSLJSON(%q) error = %v, want %s", tt.in, err, tt.want)
		}
	}
}

// TestParseCSLJSONCitationKey checks which field gives an item's key: a
// non-empty "citation-key" (as Better BibTeX exports it) over "id", which
// is then no key at all; and that duplicates are found among the keys so
// chosen, at the field each key is from.
func TestParseCSLJSONCitationKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		keys []string // the keys of the good items, in order
		errs []string
	}{{
		name: "citation-key over a URI id",
		in: `[{"id": "http://zotero.org/users/1/items/ABCD1234", "citation-key": "atabaki2017", "type": "book"},
 {"id": 12, "citation-key": "gafarov2020", "type": "book"}]`,
		keys: []string{"atabaki2017", "gafarov2020"},
	}, {
		name: "no citation-key, or an empty one: the id",
		in:   `[{"id": "a", "type": "book"}, {"id": 7, "citation-key": "", "type": "book"}, {"id": "b", "citation-key": "  ", "type": "book"}]`,
		keys: []string{"a", "7", "b"},
	}, {
		name: "a citation key needs no id",
		in:   `[{"citation-key": "k", "type": "book"}]`,
		keys: []string{"k"},
	}, {
		name: "spaces around a key are not part of it",
		in:   `[{"id": "x", "citation-key": " k ", "type": "book"}]`,
		keys: []string{"k"},
	}, {
		// One item's id is not a key, so another item may have it as
		// its citation key.
		name: "an ignored id is no duplicate",
		in:   `[{"id": "a", "citation-key": "k", "type": "book"}, {"id": "z", "citation-key": "a", "type": "book"}]`,
		keys: []string{"k", "a"},
	}, {
		name: "the same citation key twice",
		in: `[{"id": "1", "citation-key": "k", "type": "book"},
 {"id": "2", "citation-key": "k", "type": "book"}]`,
		keys: []string{"k"},
		errs: []string{`x.json:2:14: duplicate key "k" (first at 1:14)`},
	}, {
		name: "a citation key that is another item's id",
		in: `[{"id": "k", "type": "book"},
 {"id": "2", "citation-key": "k", "type": "book"}]`,
		keys: []string{"k"},
		errs: []string{`x.json:2:14: duplicate key "k" (first at 1:3)`},
	}, {
		name: "a citation key that is a number",
		in:   `[{"id": "a", "citation-key": 123, "type": "book"}]`,
		errs: []string{`x.json:1:14: item "a": "citation-key" must be a string`},
	}, {
		name: "a citation key that is not text",
		in:   `[{"id": "a", "citation-key": ["k"], "type": "book"}]`,
		errs: []string{`x.json:1:14: item "a": "citation-key" must be a string`},
	}, {
		name: "an empty citation key and no id",
		in:   `[{"citation-key": "", "type": "book"}]`,
		errs: []string{`x.json:1:3: item 1: "citation-key" is empty and there is no "id": give either`},
	}, {
		name: "neither",
		in:   `[{"type": "book"}]`,
		errs: []string{`x.json:1:2: item 1 has no "id"`},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			srcs, err := ParseCSLJSON("x.json", []byte(tc.in))
			var keys []string
			for _, s := range srcs {
				keys = append(keys, s.ID)
			}
			if !slices.Equal(keys, tc.keys) {
				t.Errorf("keys %q, want %q", keys, tc.keys)
			}
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if !slices.Equal(got, tc.errs) {
				t.Errorf("errors\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.errs, "\n\t"))
			}
		})
	}
}

// dateErrText is the date parser's own message, which the CSL error wraps.
func dateErrText(s string) string {
	_, err := ParseDate(s)
	if err == nil {
		return "<no error>"
	}
	return err.Error()
}

func FuzzParseCSLJSON(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "cite", "sources.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`[{"id": "a", "type": "book", "issued": {"date-parts": [[1920, 5, 18], [1921]]}}]`))
	f.Add([]byte(`[{"id": 1, "type": "letter", "author": [{"literal": "x"}], "issued": {"raw": "1920-05~"}}]`))
	f.Add([]byte(`[{"id": "http://zotero.org/users/1/items/A", "citation-key": "a", "type": "book"}, {"citation-key": " ", "type": "book"}, {"id": "a", "type": "book"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		srcs, err := ParseCSLJSON("f.json", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.json:") {
					t.Fatalf("unpositioned error %q", line)
				}
			}
			// The good items come back with the errors: they must be
			// as sound as those of a file without errors.
		}
		c := NewCiter(testDoc(srcs), CiteOptions{})
		for _, s := range srcs {
			if s.ID == "" || s.Pos.File != "f.json" || s.Pos.Line < 1 {
				t.Fatalf("bad source %+v", s)
			}
			c.Note([]Cite{{Source: s.ID, Locator: "1-2"}})
			c.Note([]Cite{{Source: s.ID}})
		}
		c.Bibliography()
		c.Lacks()
	})
}
