package layout

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"annalist/content"
)

func TestIndexKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Kuchik Khan", "kuchik khan"},
		{"Kuchuk-Khan", "kuchuk khan"},
		{"Ömer Naci", "omer naci"},
		{"Ünye", "unye"},
		{"Łódź", "lodz"},
		{"Æthelred", "aethelred"},
		{"Şevket  Bey", "sevket bey"},
		{"A.B. Shirokorad", "ab shirokorad"},
		{"Major-General M.G. Tlehas", "major general mg tlehas"},
		{"Баку", "баку"},
		{"", ""},
	} {
		if got := content.SortKey(c.in); got != c.want {
			t.Errorf("content.SortKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// entryLines renders entries as "Name" or "Variant -> Name; Name".
func entryLines(es []indexEntry) []string {
	var out []string
	for _, e := range es {
		if e.thing != nil {
			out = append(out, e.text)
			continue
		}
		var to []string
		for _, t := range e.see {
			to = append(to, t.head)
		}
		out = append(out, e.text+" -> "+strings.Join(to, "; "))
	}
	return out
}

func TestIndexEntries(t *testing.T) {
	th := func(name string, variants ...string) *namedThing {
		return &namedThing{dest: "person-" + name, name: name, head: name, variants: variants}
	}
	// ix is a thing with an index form.
	ix := func(name, index string, variants ...string) *namedThing {
		return &namedThing{dest: "person-" + name, name: name, head: index, variants: variants}
	}
	for _, c := range []struct {
		name   string
		things []*namedThing
		want   []string
	}{{
		name: "variants interleaved, diacritics and case ignored",
		things: []*namedThing{
			th("Kuchik Khan", "Mirza Kuchik", "Kuchak Khan", "Kuchuk Khan"),
			th("Ömer Bey"),
			th("Enver Pasha"),
			th("ahmad"),
		},
		want: []string{"ahmad", "Enver Pasha", "Kuchak Khan -> Kuchik Khan", "Kuchik Khan", "Kuchuk Khan -> Kuchik Khan", "Mirza Kuchik -> Kuchik Khan", "Ömer Bey"},
	}, {
		// "Kuchuk-Khan" sorts as "Kuchuk Khan": the reader finds that
		// line; "Zeydar Khan" sorts as the name itself.
		name:   "a variant that sorts as another line is left out",
		things: []*namedThing{th("Kuchik Khan", "Kuchuk Khan", "Kuchuk-Khan", "Kuchik-Khan"), th("Zeydar-Khan", "Zeydar Khan")},
		want:   []string{"Kuchik Khan", "Kuchuk Khan -> Kuchik Khan", "Zeydar-Khan"},
	}, {
		name:   "a cross-reference beside an entry that begins with it is left out",
		things: []*namedThing{th("Mustafa Kemal Pasha", "Mustafa Kemal", "Kemal"), th("Baha Sait Bey", "Baha Sait")},
		want:   []string{"Baha Sait Bey", "Kemal -> Mustafa Kemal Pasha", "Mustafa Kemal Pasha"},
	}, {
		// Leaving one out brings the next beside the target: it goes too.
		name:   "left out until none is beside its target",
		things: []*namedThing{th("Ab", "Ab Cd", "Ab Cd Ef"), th("Ac", "Aa")},
		want:   []string{"Aa -> Ac", "Ab", "Ac"},
	}, {
		name:   "a spelling two names share points to both",
		things: []*namedThing{th("Ahmad Shah Qajar", "Ahmad Shah"), th("Ahmad Shah Durrani", "Ahmad Shah")},
		want:   []string{"Ahmad Shah -> Ahmad Shah Qajar; Ahmad Shah Durrani", "Ahmad Shah Durrani", "Ahmad Shah Qajar"},
	}, {
		// Chicago 16: "Stalin, Iosif" under S; a name without a surname
		// as written; the name as written is no cross-reference.
		name: "sorted and printed by the index form",
		things: []*namedThing{
			ix("Iosif Stalin", "Stalin, Iosif", "I. V. Stalin", "Iosif Stalin"),
			th("Kuchik Khan"),
			ix("Sergey Kirov", "Kirov, Sergey"),
			th("Halil Pasha"),
		},
		want: []string{"Halil Pasha", "I. V. Stalin -> Stalin, Iosif", "Kirov, Sergey", "Kuchik Khan", "Stalin, Iosif"},
	}, {
		// Alphabetizing stops at the comma (Chicago 16.61), so the
		// surname comes before longer words that begin with it.
		name: "a comma sorts before a space and a letter",
		things: []*namedThing{
			th("Stalinabad"),
			th("London Bridge"),
			ix("Jack London", "London, Jack"),
			ix("Iosif Stalin", "Stalin, Iosif"),
			ix("The Caspian", "Caspian, The"),
			th("Caspian Sea"),
		},
		want: []string{"Caspian, The", "Caspian Sea", "London, Jack", "London Bridge", "Stalin, Iosif", "Stalinabad"},
	}, {
		// A variant that the index form begins with sits beside its
		// entry: the reader lands on the entry, as above. One that does
		// not stays, pointing to the index form.
		name: "cross-references beside an index form",
		things: []*namedThing{
			ix("Mirza Kuchik Khan", "Kuchik Khan, Mirza", "Kuchik Khan", "Kuchak Khan"),
			ix("Shalva Eliava", "Eliava, Shalva", "Eliava"),
		},
		want: []string{"Eliava, Shalva", "Kuchak Khan -> Kuchik Khan, Mirza", "Kuchik Khan, Mirza"},
	}, {
		name: "a variant shared by two names points to both index forms",
		things: []*namedThing{
			ix("Mikhail Levandovsky", "Levandovsky, Mikhail", "Levandovsky"),
			ix("Mikhail Yefremov", "Yefremov, Mikhail", "Mikhail"),
			ix("Mikhail Frunze", "Frunze, Mikhail", "Mikhail"),
		},
		want: []string{"Frunze, Mikhail", "Levandovsky, Mikhail", "Mikhail -> Yefremov, Mikhail; Frunze, Mikhail", "Yefremov, Mikhail"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			got := entryLines(indexEntries(c.things))
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

func TestCurlyQuotes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`"the old Persian revolutionary" of Stalin's telegram`, "“the old Persian revolutionary” of Stalin’s telegram"},
		{`called ("Red") by 'them'`, "called (“Red”) by ‘them’"},
		{"no quotes", "no quotes"},
	} {
		if got := curlyQuotes(c.in); got != c.want {
			t.Errorf("curlyQuotes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// pageLines gives a page's text as lines, top to bottom, each line's
// runs joined left to right, a space where they stand apart.
func pageLines(pg *Page) []string {
	type run struct {
		x, y, w Pt
		s       string
	}
	var rs []run
	for _, it := range pg.Items {
		if tx, ok := it.(Text); ok {
			rs = append(rs, run{tx.X, tx.Y, tx.W, tx.Text})
		}
	}
	slices.SortStableFunc(rs, func(a, b run) int {
		if abs(a.y-b.y) > 0.5 {
			return cmp.Compare(a.y, b.y)
		}
		return cmp.Compare(a.x, b.x)
	})
	var out []string
	for i, r := range rs {
		if p := rs[max(i-1, 0)]; i > 0 && abs(r.y-p.y) <= 0.5 {
			// Words are set apart: a gap is a space.
			if r.x > p.x+p.w+0.5 {
				out[len(out)-1] += " "
			}
			out[len(out)-1] += r.s
			continue
		}
		out = append(out, r.s)
	}
	return out
}

func peopleDoc(t *testing.T) *content.Document {
	doc := datedDoc(t, "# The story\n\nKuchik Khan took Rasht [@rb, 1].\n")
	doc.People = []*content.Person{
		{ID: "kuchik", Name: "Kuchik Khan", Variants: []string{"Kuchak Khan", "Mirza Kuchik"}, Note: "leader of the Jangalis"},
		{ID: "omer", Name: "Ömer Bey", Native: "Ömer"},
		{ID: "enver", Name: "Enver Pasha"},
		{ID: "stalin", Name: "Iosif Stalin", Index: "Stalin, Iosif", Variants: []string{"I. V. Stalin"}},
	}
	doc.Places = []*content.Place{
		{ID: "enzeli", Name: "Enzeli", Variants: []string{"Anzali"}},
		{ID: "caspian", Name: "The Caspian", Index: "Caspian, The", Variants: []string{"Caspian Sea"}},
	}
	return doc
}

// TestPeopleAppendix builds a small handout and finds the appendix
// between the chronology and the bibliography, in the contents and the
// outline, with its entries in order and its cross-references linked
// to the entries they name.
func TestPeopleAppendix(t *testing.T) {
	doc := peopleDoc(t)
	d, err := Build(doc, nil, Options{Measurer: fixedMeasurer{}, Date: 1700000000})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range CheckInvariants(d.Pages, fixedMeasurer{}) {
		t.Error(err)
	}
	destPage := map[string]int{}
	for i, pg := range d.Pages {
		for _, it := range pg.Items {
			if x, ok := it.(Dest); ok {
				destPage[x.Name] = i
			}
		}
	}
	pp, ok := destPage["people"]
	if !ok {
		t.Fatal("no destination \"people\"")
	}
	if !(destPage["chronology"] < pp && pp < destPage["bibliography"]) {
		t.Errorf("pages: chronology %d, people %d, bibliography %d; want people between", destPage["chronology"], pp, destPage["bibliography"])
	}
	var titles []string
	for _, b := range d.Outline {
		if b.Level == 0 {
			titles = append(titles, b.Title)
		}
	}
	i := slices.Index(titles, "People and places")
	if i < 1 || i+1 >= len(titles) || titles[i-1] != "Chronology" || titles[i+1] != "Bibliography" {
		t.Errorf("outline %q: want People and places between Chronology and Bibliography", titles)
	}
	if b := d.Outline[slices.IndexFunc(d.Outline, func(b Bookmark) bool { return b.Title == "People and places" })]; b.Page != pp {
		t.Errorf("outline entry on page %d, appendix on %d", b.Page, pp)
	}
	contents := strings.Join(pageLines(d.Pages[1]), "\n")
	if !strings.Contains(contents, "People and places") {
		t.Errorf("contents lack the appendix:\n%s", contents)
	}
	linked := false
	for _, it := range d.Pages[1].Items {
		if l, ok := it.(Link); ok && l.Dest == "people" {
			linked = true
		}
	}
	if !linked {
		t.Error("the contents line does not link to the appendix")
	}

	lines := pageLines(d.Pages[pp])
	var got []string
	from := slices.Index(lines, "People")
	if from < 0 {
		t.Fatalf("no People heading in\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines[from:] {
		if strings.HasPrefix(l, "A Test Handout") || l == "PEOPLE AND PLACES" {
			continue
		}
		got = append(got, l)
	}
	want := []string{
		"People",
		"Enver Pasha",
		"I. V. Stalin, see Stalin, Iosif",
		"Kuchak Khan, see Kuchik Khan",
		"Kuchik Khan — also Kuchak Khan, Mirza Kuchik; leader of the Jangalis",
		"Mirza Kuchik, see Kuchik Khan",
		"Ömer Bey (Ömer)",
		"Stalin, Iosif — also I. V. Stalin",
		"Places",
		"Anzali, see Enzeli",
		"Caspian, The — also Caspian Sea",
		"Caspian Sea, see Caspian, The",
		"Enzeli — also Anzali",
	}
	// The folio ends the page.
	if len(got) != len(want)+1 || !slices.Equal(got[:len(want)], want) {
		t.Errorf("appendix lines\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	// Each cross-reference's name links to its entry.
	links := map[string]bool{}
	for _, it := range d.Pages[pp].Items {
		if l, ok := it.(Link); ok {
			links[l.Dest] = true
		}
	}
	for _, dst := range []string{"person-kuchik", "person-stalin", "place-enzeli"} {
		if !links[dst] {
			t.Errorf("no link to %s", dst)
		}
		if destPage[dst] != pp {
			t.Errorf("destination %s on page %d, want %d", dst, destPage[dst], pp)
		}
	}

	// Nobody and nowhere: no appendix.
	doc.People, doc.Places = nil, nil
	d, err = Build(doc, nil, Options{Measurer: fixedMeasurer{}, Date: 1700000000})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range d.Outline {
		if b.Title == "People and places" {
			t.Error("an appendix for a handout with no people or places")
		}
	}
}

// TestPeopleDefaultHandout builds the default handout with the real
// fonts: the invariants hold, and every variant spelling the handout
// records is printed in the appendix, in its entry or as a
// cross-reference.
func TestPeopleDefaultHandout(t *testing.T) {
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMeasurer()
	// Letter paper sets it differently; the invariants hold there too.
	letter, err := Build(doc, nil, Options{Measurer: m, Date: 1700000000, Paper: "letter"})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range CheckInvariants(letter.Pages, m) {
		t.Error("letter:", err)
	}
	d, err := Build(doc, nil, Options{Measurer: m, Date: 1700000000})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range CheckInvariants(d.Pages, m) {
		t.Error(err)
	}
	var text []string
	in := false
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if x, ok := it.(Dest); ok {
				switch {
				case x.Name == "people":
					in = true
				case x.Name == "bibliography":
					in = false
				}
			}
		}
		if in {
			text = append(text, pageLines(pg)...)
		}
	}
	all := strings.Join(text, "\n")
	if all == "" {
		t.Fatal("no appendix in the default handout")
	}
	// Lines are broken, so compare without line ends and hyphens.
	flat := strings.ReplaceAll(all, "\n", " ")
	// Each entry is headed by the index form, or the name without one.
	for _, p := range doc.People {
		for _, s := range append([]string{cmp.Or(p.Index, p.Name)}, p.Variants...) {
			if !strings.Contains(flat, s) {
				t.Errorf("appendix lacks %q (person %s)", s, p.ID)
			}
		}
	}
	for _, p := range doc.Places {
		for _, s := range append([]string{cmp.Or(p.Index, p.Name)}, p.Variants...) {
			if !strings.Contains(flat, s) {
				t.Errorf("appendix lacks %q (place %s)", s, p.ID)
			}
		}
	}
	for _, want := range []string{"Kuchak Khan, see Kuchik Khan", "Anzali, see Enzeli", "I. V. Stalin, see Stalin, Iosif",
		"Ussubekov, see Yusifbeyli, Nasib", "Stalin, Iosif — also I. V. Stalin"} {
		if !strings.Contains(all, want) {
			t.Errorf("appendix lacks the line %q", want)
		}
	}
}
