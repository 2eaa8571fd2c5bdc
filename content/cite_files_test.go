package content

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// citeSequence cites every source of the test files in full, then short,
// then as "Ibid.", then several in one note.
var citeSequence = []string{
	"@chaqueri1995, 45", "@kapuscinski1992, 12", "@atabaki2006, p. 12", "@gokay1998, 34-36",
	"@gafarov2011, 170", "@manjoo2017", "@atabaki2017, para. 4", "@britannica",
	"@stalin1920", "@golubeva2010, 88",
	"@chaqueri1995, 46", "@kapuscinski1992, 13", "@atabaki2006, 14", "@gokay1998, 40",
	"@gafarov2011, 172", "@manjoo2017", "@atabaki2017, para. 5", "@britannica",
	"@stalin1920, l. 2", "@golubeva2010, 90", "@golubeva2010, 90", "@golubeva2010, 91",
	"see @chaqueri1995, 3; cf. @stalin1920, ll. 2-3, on Kuchuk Khan",
}

// notesAndBibliography formats citeSequence against sources.
func notesAndBibliography(t *testing.T, sources []*Source) string {
	t.Helper()
	c := NewCiter(testDoc(sources), CiteOptions{})
	var b strings.Builder
	for i, s := range citeSequence {
		cites, err := ParseCitation(s)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(itoa(i+1) + ". " + render(c.Note(cites)) + "\n")
	}
	b.WriteString("\nBibliography\n\n")
	for _, e := range c.Bibliography() {
		b.WriteString(render(e) + "\n")
	}
	return b.String()
}

// TestBibliographyFiles reads the same ten sources from CSL-JSON and from
// BibTeX: both give the same sources and the same notes and bibliography,
// which the golden file keeps (read it after -update).
func TestBibliographyFiles(t *testing.T) {
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "cite", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	fromJSON, warns, err := ParseCSLJSON("sources.json", read("sources.json"))
	if err != nil || warns != nil {
		t.Fatalf("ParseCSLJSON: %v %v", err, warns)
	}
	fromBib, warns := ParseBibTeX("sources.bib", read("sources.bib"))
	if warns != nil {
		t.Fatalf("ParseBibTeX: %v", warns)
	}
	if len(fromJSON) != 10 || len(fromBib) != 10 {
		t.Fatalf("read %d sources from JSON and %d from BibTeX, want 10 each", len(fromJSON), len(fromBib))
	}
	for i := range fromJSON {
		a, b := *fromJSON[i], *fromBib[i]
		if a.Pos.File != "sources.json" || b.Pos.File != "sources.bib" || a.Pos.Line < 2 || b.Pos.Line < 2 {
			t.Errorf("%s: positions %v and %v", a.ID, a.Pos, b.Pos)
		}
		a.Pos, b.Pos = Pos{}, Pos{}
		if !reflect.DeepEqual(a.Issued, b.Issued) || !reflect.DeepEqual(a.Accessed, b.Accessed) {
			// Date.Source keeps the text as written ("2017-07-27" either way).
			t.Errorf("%s: dates differ: %+v %+v / %+v %+v", a.ID, a.Issued, b.Issued, a.Accessed, b.Accessed)
		}
		a.Issued, b.Issued, a.Accessed, b.Accessed = nil, nil, nil, nil
		// BibTeX writes ranges "30--52" (an en dash), CSL "30-52" (the
		// formatter's dash): the same once printed.
		for _, f := range []*string{&b.Title, &b.Page, &b.ArchiveLocation} {
			*f = strings.ReplaceAll(*f, "–", "-")
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("source %s differs:\nJSON   %+v\nBibTeX %+v", a.ID, a, b)
		}
	}
	gotJSON := notesAndBibliography(t, fromJSON)
	gotBib := notesAndBibliography(t, fromBib)
	if gotJSON != gotBib {
		t.Errorf("notes differ:\nJSON:\n%s\nBibTeX:\n%s", gotJSON, gotBib)
	}
	golden := filepath.Join("testdata", "cite", "sources.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(gotJSON), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if gotJSON != string(want) {
		t.Errorf("notes and bibliography differ from %s (run with -update and read the diff):\n%s", golden, gotJSON)
	}
}
