package content

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds the loader arbitrary input. It must not panic and must
// return either a Document that satisfies the invariants of a loaded
// document or an ErrorList of positioned, sorted problems.
func FuzzLoad(f *testing.F) {
	for _, tc := range errorCases {
		if len(tc.in) < 1<<16 {
			f.Add([]byte(tc.in))
		}
	}
	files, _ := filepath.Glob("testdata/good/*.yaml")
	files = append(files, "default/handout.yaml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(minimal + "narrative: story.md\n"))
	f.Add([]byte(minimal + "hyphenation: [Teh-ran, 'Tu-kha-chev-sky', Baku]\n"))
	f.Add([]byte(minimal + "bibliography: [refs.json, refs.bib]\neras: [{id: x, title: X, date: 1920, cite: [k]}]\n"))
	story, err := os.ReadFile("testdata/good/narrative.md")
	if err != nil {
		f.Fatal(err)
	}
	fsys := fstest.MapFS{
		"narrative.md": {Data: story},
		"story.md":     {Data: []byte("As [@s, 3] said [[e]].\n")},
		"refs.json":    {Data: []byte(`[{"id": "j", "type": "book", "title": "T", "issued": {"date-parts": [[1920]]}}]`)},
		"refs.bib":     {Data: []byte("@book{k,\n  author = {Gafarov, Vasif},\n  title = {T},\n  year = {2011}\n}\n")},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Load("h.yaml", data, fsys)
		if err != nil {
			if doc != nil {
				t.Fatalf("a document with the errors")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
			}
			// Lines end at \n, and for YAML also at a lone \r, U+2028
			// and U+2029; a syntax error may point just past the last line.
			lines := 2
			for _, br := range []string{"\n", "\r", "\u2028", "\u2029"} {
				lines += bytes.Count(data, []byte(br))
			}
			for i, e := range list {
				if e.Pos.File == "" || e.Pos.Line < 1 || e.Pos.Column < 1 || e.Msg == "" {
					t.Errorf("badly positioned error %q", e.Error())
				}
				if e.Pos.File == "h.yaml" && e.Pos.Line > lines {
					t.Errorf("error past the end of the input: %q", e.Error())
				}
				if i > 0 && comparePos(list[i-1].Pos, e.Pos) > 0 {
					t.Errorf("errors out of order: %s before %s", list[i-1].Pos, e.Pos)
				}
			}
			return
		}
		checkDocument(t, doc)
		for _, w := range doc.Warnings {
			if !strings.Contains(w, ": warning: ") {
				t.Errorf("malformed warning %q", w)
			}
		}
	})
}
