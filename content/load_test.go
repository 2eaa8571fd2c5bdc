package content

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The -update flag rewrites golden files. Other golden tests of the
// package may define it too; package variables are set before init runs,
// so this defines it only when no one else has.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestLoadGood loads each testdata/good/*.yaml and compares a text dump of
// the model with its .golden file.
func TestLoadGood(t *testing.T) {
	files, err := filepath.Glob("testdata/good/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no inputs in testdata/good: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Load(file, data, os.DirFS(filepath.Dir(file)))
			if err != nil {
				t.Fatalf("Load:\n%v", err)
			}
			checkDocument(t, doc)
			got := dump(doc)
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			if updateGolden() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("dump differs from %s (go test -update rewrites it):\n%s", golden, got)
			}
		})
	}
}

// checkDocument checks what every loaded Document must satisfy: every
// reference resolves, the lookup maps hold exactly the objects, tracks
// are in order.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	if d.Title == "" || len(d.Tracks) == 0 || len(d.Events) == 0 {
		t.Errorf("document lacks title, tracks or events")
	}
	for i, tr := range d.Tracks {
		if d.TrackByID[tr.ID] != tr {
			t.Errorf("TrackByID[%q] is not the track", tr.ID)
		}
		if i > 0 && d.Tracks[i-1].Order > tr.Order {
			t.Errorf("tracks out of order: %d before %d", d.Tracks[i-1].Order, tr.Order)
		}
	}
	for _, s := range d.Sources {
		if d.SourceByID[s.ID] != s {
			t.Errorf("SourceByID[%q] is not the source", s.ID)
		}
	}
	source := func(id string) {
		if d.SourceByID[id] == nil {
			t.Errorf("unresolved source %q", id)
		}
	}
	for _, e := range d.Events {
		if d.EventByID[e.ID] != e {
			t.Errorf("EventByID[%q] is not the event", e.ID)
		}
		if d.TrackByID[e.Track] == nil {
			t.Errorf("event %q: unresolved track %q", e.ID, e.Track)
		}
		for _, c := range e.Cite {
			source(c.Source)
		}
		for _, v := range e.Versions {
			source(v.Source)
		}
		for _, r := range e.Related {
			if d.EventByID[r.Event] == nil {
				t.Errorf("event %q: unresolved relation to %q", e.ID, r.Event)
			}
		}
		for _, p := range e.People {
			if d.PersonByID[p] == nil {
				t.Errorf("event %q: unresolved person %q", e.ID, p)
			}
		}
		for _, p := range e.Places {
			if d.PlaceByID[p] == nil {
				t.Errorf("event %q: unresolved place %q", e.ID, p)
			}
		}
	}
	for _, e := range d.Eras {
		for _, c := range e.Cite {
			source(c.Source)
		}
	}
	if len(d.PersonByID) != len(d.People) || len(d.PlaceByID) != len(d.Places) ||
		len(d.EventByID) != len(d.Events) || len(d.SourceByID) != len(d.Sources) || len(d.TrackByID) != len(d.Tracks) {
		t.Errorf("a lookup map and its list differ in length")
	}
}

// dump prints the model one field a line, leaving out empty fields.
func dump(d *Document) string {
	var b strings.Builder
	p := func(indent, name string, v any) {
		switch v := v.(type) {
		case string:
			if v == "" {
				return
			}
		case bool:
			if !v {
				return
			}
		case int:
			if v == 0 {
				return
			}
		case []string:
			if len(v) == 0 {
				return
			}
		case *Date:
			if v == nil {
				return
			}
			fmt.Fprintf(&b, "%s%s: %s\n", indent, name, dumpDate(*v))
			return
		case Date:
			fmt.Fprintf(&b, "%s%s: %s\n", indent, name, dumpDate(v))
			return
		case *Point:
			if v == nil {
				return
			}
			fmt.Fprintf(&b, "%s%s: %s\n", indent, name, dumpPoint(*v))
			return
		case []Name:
			for _, n := range v {
				fmt.Fprintf(&b, "%s%s: %q %q %q\n", indent, name, n.Family, n.Given, n.Literal)
			}
			return
		}
		fmt.Fprintf(&b, "%s%s: %v\n", indent, name, v)
	}
	p("", "title", d.Title)
	p("", "subtitle", d.Subtitle)
	p("", "author", d.Author)
	p("", "date", d.Date)
	p("", "paper", d.Paper)
	p("", "language", d.Language)
	p("", "short-ibid", d.ShortIbid)
	p("", "hyphenation", d.Hyphenation)
	for _, t := range d.Tracks {
		fmt.Fprintf(&b, "track %s at %v\n", t.ID, t.Pos)
		p("  ", "title", t.Title)
		p("  ", "order", t.Order)
		p("  ", "color", t.Color)
		p("  ", "pattern", t.Pattern)
	}
	for _, s := range d.Sources {
		fmt.Fprintf(&b, "source %s at %v\n", s.ID, s.Pos)
		p("  ", "type", s.Type)
		p("  ", "author", s.Author)
		p("  ", "editor", s.Editor)
		p("  ", "translator", s.Translator)
		p("  ", "recipient", s.Recipient)
		p("  ", "title", s.Title)
		p("  ", "title-short", s.TitleShort)
		p("  ", "container-title", s.ContainerTitle)
		p("  ", "collection-title", s.CollectionTitle)
		p("  ", "publisher", s.Publisher)
		p("  ", "publisher-place", s.PublisherPlace)
		p("  ", "issued", s.Issued)
		p("  ", "accessed", s.Accessed)
		p("  ", "URL", s.URL)
		p("  ", "DOI", s.DOI)
		p("  ", "archive", s.Archive)
		p("  ", "archive_location", s.ArchiveLocation)
		p("  ", "archive-place", s.ArchivePlace)
		p("  ", "page", s.Page)
		p("  ", "volume", s.Volume)
		p("  ", "issue", s.Issue)
		p("  ", "edition", s.Edition)
		p("  ", "genre", s.Genre)
		p("  ", "medium", s.Medium)
		p("  ", "event-place", s.EventPlace)
		p("  ", "note", s.Note)
		p("  ", "language", s.Language)
	}
	for _, x := range d.People {
		fmt.Fprintf(&b, "person %s at %v\n", x.ID, x.Pos)
		p("  ", "name", x.Name)
		p("  ", "index", x.Index)
		p("  ", "variants", x.Variants)
		p("  ", "native", x.Native)
		p("  ", "note", x.Note)
	}
	for _, x := range d.Places {
		fmt.Fprintf(&b, "place %s at %v\n", x.ID, x.Pos)
		p("  ", "name", x.Name)
		p("  ", "index", x.Index)
		p("  ", "variants", x.Variants)
		p("  ", "native", x.Native)
		p("  ", "note", x.Note)
	}
	for _, e := range d.Events {
		fmt.Fprintf(&b, "event %s at %v\n", e.ID, e.Pos)
		p("  ", "track", e.Track)
		p("  ", "title", e.Title)
		p("  ", "title-short", e.TitleShort)
		p("  ", "date", e.Date)
		p("  ", "summary", e.Summary)
		p("  ", "people", e.People)
		p("  ", "places", e.Places)
		p("  ", "context", e.Context)
		p("  ", "milestone", e.Milestone)
		for _, c := range e.Cite {
			fmt.Fprintf(&b, "  cite %q locator %q prefix %q suffix %q at %v\n", c.Source, c.Locator, c.Prefix, c.Suffix, c.Pos)
		}
		for _, v := range e.Versions {
			fmt.Fprintf(&b, "  version of %s from %q locator %q at %v\n", v.Field, v.Source, v.Locator, v.Pos)
			p("    ", "date", v.Date)
			p("    ", "start", v.Start)
			p("    ", "end", v.End)
			p("    ", "value", v.Value)
			p("    ", "note", v.Note)
		}
		for _, r := range e.Related {
			fmt.Fprintf(&b, "  related %s %s at %v\n", r.Kind, r.Event, r.Pos)
		}
	}
	for _, e := range d.Eras {
		fmt.Fprintf(&b, "era %s at %v\n", e.ID, e.Pos)
		p("  ", "title", e.Title)
		p("  ", "date", e.Date)
		for _, c := range e.Cite {
			fmt.Fprintf(&b, "  cite %q locator %q at %v\n", c.Source, c.Locator, c.Pos)
		}
	}
	for _, x := range d.Details {
		fmt.Fprintf(&b, "detail at %v\n", x.Pos)
		p("  ", "title", x.Title)
		p("  ", "date", x.Date)
	}
	fmt.Fprintf(&b, "narrative at %v in %s: %q\n", d.NarrativePos, d.NarrativeDir, d.Narrative)
	for _, w := range d.Warnings {
		fmt.Fprintf(&b, "%s\n", w)
	}
	fmt.Fprintf(&b, "summary: %s\n", d.Summary())
	return b.String()
}

// dumpDate prints a date as given and by its parts, so that the dump does
// not depend on how dates print in English.
func dumpDate(d Date) string {
	s := fmt.Sprintf("%q", d.Source)
	if d.Interval {
		return fmt.Sprintf("%s interval %s / %s", s, dumpPoint(d.Start), dumpPoint(d.End))
	}
	return fmt.Sprintf("%s %s", s, dumpPoint(d.Start))
}

func dumpPoint(p Point) string {
	return fmt.Sprintf("{y%d m%d d%d p%d approx:%v unc:%v x:%d/%v/%v open:%v unknown:%v}",
		p.Year, p.Month, p.Day, p.Precision, p.Approximate, p.Uncertain,
		p.UnspecifiedYearDigits, p.UnspecifiedMonth, p.UnspecifiedDay, p.Open, p.Unknown)
}

// The smallest valid handout, which the error cases below break.
const minimal = `title: T
tracks: [{id: a, title: A}]
sources: [{id: s, type: book}]
events:
  - {id: e, track: a, title: E, date: 1920, cite: [s]}
`

func TestLoadErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			doc, err := Load("h.yaml", []byte(tc.in), fsys)
			if err == nil {
				t.Fatalf("no error; want\n%s\ngot document %s", strings.Join(tc.want, "\n"), doc.Summary())
			}
			if doc != nil {
				t.Errorf("a document with the errors")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an ErrorList", err)
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(list) {
				t.Errorf("Error() has %d lines for %d errors", len(got), len(list))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", numbered(tc.in), strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// numbered prefixes each line with its number, to read positions off a
// failure.
func numbered(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = fmt.Sprintf("%3d| %s", i+1, lines[i])
	}
	return strings.Join(lines, "\n")
}

func TestWarnings(t *testing.T) {
	in := `title: T
tracks: [{id: a, title: A}]
sources:
  - {id: used, type: book}
  - {id: unused, type: book}
  - {id: in-narrative, type: book}
  - {id: in-era, type: book}
  - {id: in-version, type: book}
people: [{id: named, name: N}, {id: nameless, name: M}]
places: [{id: somewhere, name: S}, {id: nowhere, name: W}]
events:
  - {id: e1, track: a, title: E, date: 1920, cite: [used], people: [named], places: [somewhere]}
  - {id: e2, track: a, title: F, date: 1921, versions: [{date: 1922, source: in-version}]}
eras: [{id: x, title: X, date: 1920/1921, cite: [in-era]}]
narrative: |
  As @in-narrative says.
`
	doc, err := Load("h.yaml", []byte(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`h.yaml:5:5: warning: source "unused": nothing cites this source (no event, version, era or [@unused] in the narrative)`,
		`h.yaml:9:32: warning: person "nameless": no event names this person (add it to an event's people)`,
		`h.yaml:10:36: warning: place "nowhere": no event names this place (add it to an event's places)`,
		`h.yaml:13:5: warning: event "e2": no citation: add cite: [source-id] so a reader can check it`,
	}
	if got := strings.Join(doc.Warnings, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestDefault(t *testing.T) {
	doc, err := Default()
	if err != nil {
		t.Fatalf("the default handout does not load:\n%v", err)
	}
	checkDocument(t, doc)
	for _, w := range doc.Warnings {
		t.Errorf("default handout: %s", w)
	}
	if doc.Narrative == "" {
		t.Errorf("default handout has no narrative")
	}
}

// TestDefaultIndexForms checks that every index form in the default
// handout only reorders the words of its name ("Stalin, Iosif" for
// "Iosif Stalin"): an index form is formatting, never a new spelling.
func TestDefaultIndexForms(t *testing.T) {
	doc, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := func(s string) []string {
		w := strings.Fields(strings.ReplaceAll(s, ",", " "))
		slices.Sort(w)
		return w
	}
	check := func(what, name, index string) {
		if index != "" && !slices.Equal(words(name), words(index)) {
			t.Errorf("%s: index %q is not a reordering of the name %q", what, index, name)
		}
		if index != "" && !strings.Contains(index, ",") {
			t.Errorf("%s: index %q has no comma: leave it out to use the name as written", what, index)
		}
	}
	n := 0
	for _, p := range doc.People {
		check("person "+p.ID, p.Name, p.Index)
		if p.Index != "" {
			n++
		}
	}
	for _, p := range doc.Places {
		check("place "+p.ID, p.Name, p.Index)
	}
	if n == 0 {
		t.Error("no person in the default handout has an index form")
	}
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		events, tracks, sources int
		want                    string
	}{
		{62, 3, 5, "62 events in 3 tracks, 5 sources"},
		{1, 1, 1, "1 event in 1 track, 1 source"},
		{0, 2, 0, "0 events in 2 tracks, 0 sources"},
	} {
		d := &Document{
			Events:  make([]*Event, tc.events),
			Tracks:  make([]*Track, tc.tracks),
			Sources: make([]*Source, tc.sources),
		}
		if got := d.Summary(); got != tc.want {
			t.Errorf("Summary() = %q, want %q", got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"title", "title", 0},
		{"titel", "title", 1},
		{"", "abc", 3},
		{"colour", "color", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3}, // optimal string alignment: no edit of a transposed pair
	} {
		if got := editDistance([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := editDistance([]rune(tc.b), []rune(tc.a)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestLoadNoFolder(t *testing.T) {
	_, err := Load("h.yaml", []byte(minimal+"narrative: story.md\nbibliography: refs.bib\n"), nil)
	want := "h.yaml:6:12: narrative \"story.md\": no folder was given to read files from\n" +
		"h.yaml:7:15: bibliography \"refs.bib\": no folder was given to read files from"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestForeignErrors checks the forms of error the bibliography readers
// may return all end up as positioned problems.
func TestForeignErrors(t *testing.T) {
	at := Pos{"h.yaml", 7, 15}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&Error{Pos{"refs.json", 2, 3}, "bad"}, "refs.json:2:3: bad"},
		{ErrorList{{Pos{"refs.json", 2, 3}, "bad"}, {Pos{"refs.json", 4, 1}, "worse"}}, "refs.json:2:3: bad\nrefs.json:4:1: worse"},
		{errors.Join(errors.New("refs.bib:3:4: no key"), &Error{Pos{"refs.bib", 9, 1}, "no title"}), "refs.bib:3:4: no key\nrefs.bib:9:1: no title"},
		{fmt.Errorf("reading: %w", &Error{Pos{"refs.bib", 1, 2}, "empty"}), "refs.bib:1:2: empty"},
		{errors.New("out of memory"), `h.yaml:7:15: bibliography "refs.json": out of memory`},
		{errors.New("C:/refs.json:2:3: bad\nplain"), "C:/refs.json:2:3: bad\n" + `h.yaml:7:15: bibliography "refs.json": plain`},
	} {
		l := &loader{name: "h.yaml"}
		l.foreign(tc.err, at, `bibliography "refs.json"`, &l.errs)
		if got := l.errs.Error(); got != tc.want {
			t.Errorf("%#v:\ngot  %s\nwant %s", tc.err, got, tc.want)
		}
	}
}

// TestBibliography loads sources from bibliography files, which join the
// handout's own: cited ones resolve, a duplicate of a YAML id is refused.
func TestBibliography(t *testing.T) {
	fsys := fstest.MapFS{
		"refs.json": {Data: []byte(`[{"id": "atabaki2017", "type": "webpage", "title": "The Soviet Socialist Republic of Iran 1920-1921",
  "author": [{"family": "Atabaki", "given": "Touraj"}], "issued": {"date-parts": [[2017, 7, 27]]}},
 {"id": "s", "type": "book", "title": "Twice"},
 {"id": "never-cited", "type": "book", "title": "Shared bibliographies hold more than one handout cites"}]`)},
		"refs.bib": {Data: []byte("@book{gafarov2011,\n  author = {Gafarov, Vasif},\n  title = {Soviet Russia and Turkey},\n  year = {2011}\n}\n")},
	}
	in := minimal + "bibliography: [refs.json, refs.bib]\n" +
		"eras: [{id: x, title: X, date: 1920, cite: [atabaki2017, gafarov2011]}]\n"
	doc, err := Load("h.yaml", []byte(in), fsys)
	if err != nil && strings.Contains(err.Error(), "not supported yet") {
		t.Skip("the bibliography readers of the branch cite are not merged yet")
	}
	// At both places: the YAML's source and the file's entry.
	want := "h.yaml:3:16: source id \"s\" is given again at refs.json:3:2: ids must be unique\n" +
		`refs.json:3:2: duplicate source id "s" (the first is at h.yaml:3:16): ids must be unique`
	if err == nil || err.Error() != want {
		t.Fatalf("got\n%v\nwant\n%s", err, want)
	}
	in = strings.Replace(in, "{id: s, type: book}", "{id: s0, type: book}", 1)
	in = strings.Replace(in, "cite: [s]", "cite: [s0]", 1)
	doc, err = Load("h.yaml", []byte(in), fsys)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range doc.Sources {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "s0 atabaki2017 s never-cited gafarov2011" {
		t.Errorf("sources %s", got)
	}
	if s := doc.SourceByID["gafarov2011"]; s == nil || s.Title != "Soviet Russia and Turkey" || s.Pos.File != "refs.bib" {
		t.Errorf("gafarov2011 = %+v", s)
	}
	if len(doc.Warnings) != 0 {
		t.Errorf("warnings for sources from a bibliography file: %q", doc.Warnings)
	}
}

// TestExamples loads every example handout: each must load without an
// error or a warning, as the default does.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../examples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no examples/*.yaml")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Load(file, data, os.DirFS(filepath.Dir(file)))
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		checkDocument(t, doc)
		for _, w := range doc.Warnings {
			t.Errorf("%s", w)
		}
	}
}

// TestBOM loads files that start with a UTF-8 byte order mark, as some
// Windows editors write them: the mark is dropped, so the narrative's
// first line is still a heading, and the bibliographies still parse.
func TestBOM(t *testing.T) {
	const bom = "\uFEFF"
	fsys := fstest.MapFS{
		"n.md":      {Data: []byte(bom + "# Intro\n\nText [@j; @b].\n")},
		"refs.json": {Data: []byte(bom + `[{"id": "j", "type": "book", "title": "J"}]`)},
		"refs.bib":  {Data: []byte(bom + "@book{b,\n  title = {B},\n  year = {2011}\n}\n")},
	}
	in := minimal + "narrative: n.md\nbibliography: [refs.json, refs.bib]\n"
	doc, err := Load("h.yaml", []byte(in), fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.Narrative, "# Intro\n") {
		t.Errorf("narrative starts %q, want %q", doc.Narrative[:min(len(doc.Narrative), 12)], "# Intro\n")
	}
	// Columns count from after the mark, as editors count them.
	for id, want := range map[string]Pos{"j": {"refs.json", 1, 2}, "b": {"refs.bib", 1, 1}} {
		if s := doc.SourceByID[id]; s == nil || s.Pos != want {
			t.Errorf("source %q = %+v, want one at %v", id, s, want)
		}
	}
}

// TestBibliographyBadEntry: a bibliography file is someone else's data,
// so what is wrong in it is a warning where it is, and the file's other
// entries still resolve; an entry left out for its problems is an error
// only where it is cited, and then its problems are errors too, at the
// entry, so that the author sees what to fix. A key that no entry has is
// still unknown.
func TestBibliographyBadEntry(t *testing.T) {
	fsys := fstest.MapFS{
		"refs.json": {Data: []byte(`[{"id": "a", "type": "book", "title": "A"},
 {"id": "bad", "type": "book", "titel": "B"},
 {"id": "http://zotero.org/1", "citation-key": "keyed", "type": "boook"}]`)},
		"refs.bib": {Data: []byte("@book{c, title = {C}}\n@book{worse, title = {W}, year = {19x0}}\n" +
			"@book{broken, title = {B} year = {1920}}\n@book{d, title = {D}}\n")},
	}
	in := minimal + "bibliography: [refs.json, refs.bib]\n" +
		"eras: [{id: x, title: X, date: 1920, cite: [a, c, bad, worse, keyed, broken, d, nosuch]}]\n" +
		"narrative: \"Told [@bad, 3] and [see @broken].\"\n"
	_, err := Load("h.yaml", []byte(in), fsys)
	want := strings.Join([]string{
		`h.yaml:7:70: era "x": cite 6: source "broken" cannot be cited: its entry at refs.bib:3:1 has errors; fix them there`,
		`h.yaml:7:81: era "x": cite 8: unknown source "nosuch"; the source ids are s, a, bad, keyed, c, worse, d`,
		`h.yaml:8:37: citation: source "broken" cannot be cited: its entry at refs.bib:3:1 has errors; fix them there`,
		`refs.bib:3:27: entry "broken": expected ',' or '}'`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}

	// Uncited, the broken entry is only a warning.
	in = strings.NewReplacer("broken, ", "", "nosuch", "s", " and [see @broken]", "").Replace(in)
	doc, err := Load("h.yaml", []byte(in), fsys)
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Join([]string{
		`refs.bib:2:27: warning: entry "worse": year: cannot read date "19x0": ` + dateErrText("19x0") + `; printed without it`,
		`refs.bib:3:27: warning: entry "broken": expected ',' or '}'`,
		`refs.json:2:32: warning: item "bad": field "titel" is no CSL variable and is ignored; did you mean "title"?`,
		`refs.json:3:57: warning: item "keyed": "boook" is no CSL type; read as a document`,
	}, "\n")
	if got := strings.Join(doc.Warnings, "\n"); got != want {
		t.Errorf("warnings\n%s\nwant\n%s", got, want)
	}
	if s := doc.SourceByID["worse"]; s == nil || s.Issued != nil || s.Title != "W" {
		t.Errorf("worse = %+v, want it without its date", s)
	}
}

// TestBibliographyDuplicateAcrossFiles: a key in two bibliography files
// (one entry in a shared library and in a course's own file) is a
// warning at both, and the first read is used; a key in the YAML's
// sources and a file is an error at both.
func TestBibliographyDuplicateAcrossFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"a.bib":  {Data: []byte("@book{k, title = {First}}\n")},
		"b.json": {Data: []byte(`[{"id": "k", "type": "book", "title": "Second"}]`)},
		"c.bib":  {Data: []byte("@book{s, title = {Clash}}\n")},
	}
	doc, err := Load("h.yaml", []byte(minimal+"bibliography: [a.bib, b.json]\n"), fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`a.bib:1:1: warning: key "k" is given again at b.json:1:2: this one is used`,
		`b.json:1:2: warning: duplicate key "k" (also at a.bib:1:1): the first read is used`,
	}
	if !slices.Equal(doc.Warnings, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(doc.Warnings, "\n"), strings.Join(want, "\n"))
	}
	if doc.SourceByID["k"].Title != "First" {
		t.Errorf("k = %+v, want the first", doc.SourceByID["k"])
	}
	_, err = Load("h.yaml", []byte(minimal+"bibliography: c.bib\n"), fsys)
	if err == nil || !strings.Contains(err.Error(), `c.bib:1:1: duplicate source id "s"`) {
		t.Errorf("error %v, want the YAML's and the file's duplicate", err)
	}
}
