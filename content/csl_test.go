package content

import (
	"errors"
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
	srcs, warns, err := ParseCSLJSON("x.json", []byte(data))
	if err != nil || warns != nil {
		t.Fatal(err, warns)
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
	srcs, warns, err := ParseCSLJSON("refs.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		`refs.json:2:15: item "a": "boook" is no CSL type; read as a document`,
		`refs.json:3:3: item 2 has no "id"`,
		`refs.json:4:31: item "b": field "titel" is no CSL variable and is ignored; did you mean "title"?`,
		`refs.json:4:45: item "b": "issued": "1920-13" is not an EDTF date; read as the year 1920 alone`,
		`refs.json:5:31: item "c": "author": name 1 has no family, given or literal name; the item is left out`,
		`refs.json:5:59: item "c": "title" must be a string; it is ignored`,
		`refs.json:6:4: duplicate key "a" (first at 2:4); this item is left out`,
		`refs.json:7:3: item 6 is not a JSON object; it is left out`,
		`refs.json:8:31: item "d": "issued": "27 July 2017" is not an EDTF date; read as 2017-07-27`,
		`refs.json:10:31: item "e": field "url" is no CSL variable and is ignored; did you mean "URL"?`,
	}, "\n")
	if got := errors.Join(warns...); got == nil || got.Error() != want {
		t.Errorf("warnings:\n%v\nwant:\n%s", got, want)
	}
	// What can be read is kept, so that its citations still resolve.
	var keys []string
	for _, s := range srcs {
		keys = append(keys, s.ID+" "+s.Type)
	}
	if w := []string{"a document", "b book", "d book", "ok book", "e book"}; !slices.Equal(keys, w) {
		t.Errorf("sources kept = %q, want %q", keys, w)
	}
	// A syntax error loses the item it is in, and no other.
	for _, tt := range []struct {
		in    string
		warns []string
		keys  []string
	}{
		{"[\n  {\"id\": \"a\",}\n]", []string{"x.json:2:14: invalid JSON: invalid character '}' looking for beginning of object key string; item 1 is left out"}, nil},
		{"[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"b\" \"x\"},\n  {\"id\": \"c\", \"type\": \"book\"}\n]",
			[]string{"x.json:3:14: invalid JSON: invalid character '\"' after object key:value pair; item 2 is left out"}, []string{"a", "c"}},
		{"[1,\n 2 3]", []string{
			"x.json:1:2: item 1 is not a JSON object; it is left out",
			"x.json:2:4: invalid JSON: invalid character '3' after top-level value; item 2 is left out"}, nil},
		{"[{\"id\": \"a\", \"type\": \"book\"}\n {\"id\": \"b\", \"type\": \"book\"}]", []string{"x.json:2:2: invalid JSON: expected ',' between items"}, []string{"a", "b"}},
		{`[{"id": "a", "type": "book"}`, []string{"x.json:1:29: invalid JSON: the array opened at x.json:1:1 is not closed with ']'"}, []string{"a"}},
		// An item that lost its "{" (found by FuzzParseCSLJSON, which
		// hung here): its fields are broken items, its "}" a stray one,
		// and the next item is still read.
		{"[\n \"id\": \"a\", \"type\": \"book\"},\n {\"id\": \"b\", \"type\": \"book\"}]", []string{
			"x.json:2:6: invalid JSON: invalid character ':' after top-level value; item 1 is left out",
			"x.json:2:19: invalid JSON: invalid character ':' after top-level value; item 2 is left out"}, []string{"b"}},
		// A backslash as the file's last byte, in an unclosed string
		// (found by FuzzParseCSLJSON: it indexed past the end).
		{"[\"\\", []string{"x.json:1:3: invalid JSON: invalid character ' ' in string escape code; item 1 is left out", "x.json:1:4: invalid JSON: the array opened at x.json:1:1 is not closed with ']'"}, nil},
		{"[}}}]", []string{"x.json:1:2: invalid JSON: invalid character '}' looking for beginning of value; item 1 is left out"}, nil},
		{`[{"id": "a", "type": "book"}, {"id": "b", "title": "unclosed`, []string{
			"x.json:1:61: invalid JSON: the array opened at x.json:1:1 is not closed with ']'",
			`x.json:1:61: invalid JSON: unexpected end of the item; item 2 is left out`}, []string{"a"}},
	} {
		srcs, warns, err := ParseCSLJSON("x.json", []byte(tt.in))
		if err != nil {
			t.Errorf("ParseCSLJSON(%q): %v", tt.in, err)
			continue
		}
		var got, keys []string
		for _, w := range warns {
			got = append(got, w.Error())
		}
		for _, s := range srcs {
			keys = append(keys, s.ID)
		}
		if !slices.Equal(got, tt.warns) || !slices.Equal(keys, tt.keys) {
			t.Errorf("ParseCSLJSON(%q):\n%q, kept %q\nwant\n%q, kept %q", tt.in, got, keys, tt.warns, tt.keys)
		}
	}
	// Only a file that is no array at all is an error.
	for _, tt := range []struct{ in, want string }{
		{`{"id": "a"}`, "x.json:1:1: CSL-JSON must be an array of items, [{...}, {...}]"},
		{``, "x.json:1:1: CSL-JSON must be an array of items, [{...}, {...}]"},
	} {
		_, _, err := ParseCSLJSON("x.json", []byte(tt.in))
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
		errs: []string{`x.json:2:14: duplicate key "k" (first at 1:14); this item is left out`},
	}, {
		name: "a citation key that is another item's id",
		in: `[{"id": "k", "type": "book"},
 {"id": "2", "citation-key": "k", "type": "book"}]`,
		keys: []string{"k"},
		errs: []string{`x.json:2:14: duplicate key "k" (first at 1:3); this item is left out`},
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
			srcs, warns, err := ParseCSLJSON("x.json", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, s := range srcs {
				keys = append(keys, s.ID)
			}
			if !slices.Equal(keys, tc.keys) {
				t.Errorf("keys %q, want %q", keys, tc.keys)
			}
			var got []string
			for _, w := range warns {
				got = append(got, w.Error())
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
		srcs, warns, err := ParseCSLJSON("f.json", data)
		if err != nil {
			warns = append(warns, err)
		}
		for _, w := range warns {
			for _, line := range strings.Split(w.Error(), "\n") {
				if !strings.HasPrefix(line, "f.json:") {
					t.Fatalf("unpositioned problem %q", line)
				}
			}
		}
		// The good items come back with the warnings: they must be as
		// sound as those of a file without any.
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
