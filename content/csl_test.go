package content

import (
	"os"
	"path/filepath"
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
		`refs.json:6:3: duplicate id "a" (first at 2:3)`,
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
