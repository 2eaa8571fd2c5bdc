package layout

import (
	"fmt"
	"strings"
	"testing"

	"annalist/content"
)

// citingBlock is a fake chart: it cites each event's sources in document
// order, as the timeline does, and prints the numbers it was given.
type citingBlock struct {
	doc    *content.Document
	events []string
}

func (b citingBlock) Title() string { return "Timeline" }

func (b citingBlock) Layout(x, y, w, h Pt, m Measurer, notes Notes) ([]Item, error) {
	items := []Item{Rect{X: x, Y: y, W: w, H: h, Stroke: &Black, StrokeWidth: 0.5}}
	for i, id := range b.events {
		e := b.doc.EventByID[id]
		n := notes.Cite(e.Cite)
		s := fmt.Sprintf("%s %d", e.Title, n)
		items = append(items, Text{X: x + 10, Y: y + 20 + Pt(i)*12, Text: s, Font: Font{Family: "sans"}, Size: 8, W: m.Width(s, Font{Family: "sans"}, 8)},
			Dest{Name: "chart-" + id, X: x + 10, Y: y + 12 + Pt(i)*12})
	}
	return items, nil
}

func datedDoc(t *testing.T, narrative string) *content.Document {
	doc := testDoc(narrative)
	for i, s := range []string{"1920-05-18", "1920-06-05/1921-09", "1920-04-28"} {
		d, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		doc.Events[i].Date = d
	}
	return doc
}

// TestNumberingSharedByFirstReference checks the one sequence: the
// chart's notes come first, in the order it cites; the narrative's
// follow in reading order, an author's note numbered where it is first
// referred to; the chronology reuses the chart's numbers and registers
// a note only for an event the chart did not cite.
func TestNumberingSharedByFirstReference(t *testing.T) {
	doc := datedDoc(t, "First[^a] then [@kh, 1].\n\nAgain[^a] and [@atabaki, 9].\n\n[^a]: An aside.\n")
	doc.Events[2].Cite = []content.Cite{{Source: "kh", Locator: "7"}} // baku: not on the chart
	g, _ := geometryFor("a4")
	st := DefaultStyle()
	seq := &NoteSeq{Origin: FromChart}
	newCiter := func(*content.Document) CitationFormatter { return &fakeCiter{} }
	cps, err := layoutFigures([]Block{citingBlock{doc, []string{"republic", "landing"}}}, nil, seq, doc, newCiter, g, st, fixedMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	cp := cps[0]
	if fmt.Sprint(cp.notes) != "[1 2]" {
		t.Errorf("chart notes %v, want [1 2] (the trial layout must not register)", cp.notes)
	}
	seq.Origin = FromText
	blocks, _, err := Markdown(doc, seq, st)
	if err != nil {
		t.Fatal(err)
	}
	var markers []int
	for _, b := range blocks {
		for _, r := range b.Runs {
			if r.Note > 0 {
				markers = append(markers, r.Note)
			}
		}
	}
	if fmt.Sprint(markers) != "[3 4 3 5]" {
		t.Errorf("narrative markers %v, want [3 4 3 5]", markers)
	}
	seq.Origin = FromChronology
	rows := chronologyRows(doc, seq)
	got := map[string]string{}
	for _, r := range rows {
		got[r.ev.ID] = fmt.Sprint(r.notes, r.own)
	}
	want := map[string]string{"republic": "[1] []", "landing": "[2] []", "baku": "[6] [6]"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("chronology %s: notes %s, want %s", id, got[id], w)
		}
	}
	if rows[0].ev.ID != "baku" || rows[1].ev.ID != "landing" {
		t.Errorf("chronology not in date order: %s, %s", rows[0].ev.ID, rows[1].ev.ID)
	}
	notes := seq.Format(&fakeCiter{}, st)
	if txt := plainText(notes[3].Paras[0].Runs); txt != "An aside." {
		t.Errorf("note 3 = %q", txt)
	}
}

// TestChronologyHeaderRepeats sets a long chronology on small pages and
// checks every page starts with the header row and no row is split.
func TestChronologyHeaderRepeats(t *testing.T) {
	doc := datedDoc(t, "")
	for i := 0; i < 60; i++ {
		d, _ := content.ParseDate(fmt.Sprintf("19%02d", i+10))
		e := &content.Event{ID: fmt.Sprintf("e%d", i), Track: "t2", Title: strings.Repeat("A long title ", 1+i%4), Date: d, Context: i%7 == 0,
			Cite: []content.Cite{{Source: "kh", Locator: fmt.Sprint(i)}}}
		doc.Events = append(doc.Events, e)
		doc.EventByID[e.ID] = e
	}
	seq := &NoteSeq{}
	rows := chronologyRows(doc, seq)
	notes := seq.Format(&fakeCiter{}, DefaultStyle())
	g, _ := geometryFor("a4")
	pages := chronologyPages(rows, notes, g, DefaultStyle(), fixedMeasurer{})
	if len(pages) < 3 {
		t.Fatalf("%d pages; want the table to break over several", len(pages))
	}
	seen := 0
	for i, p := range pages {
		headers, dests := 0, 0
		for _, it := range p.Items {
			if x, ok := it.(Text); ok && x.Text == "Date" {
				headers++
			}
			if x, ok := it.(Dest); ok && strings.HasPrefix(x.Name, "event-") {
				dests++
			}
			if x, ok := it.(Text); ok && (x.Y > g.page.H-g.frame.Bottom || x.X+x.W > g.page.W-g.frame.Right+0.01) {
				t.Errorf("page %d: %q outside the text block at %.1f,%.1f", i, x.Text, x.X, x.Y)
			}
		}
		if headers != 1 {
			t.Errorf("page %d has %d header rows", i, headers)
		}
		seen += dests
	}
	if seen != len(rows) {
		t.Errorf("%d rows set, want %d", seen, len(rows))
	}
}

func TestNumberDashes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Soviet Power, 1918-1921", "Soviet Power, 1918–1921"},
		{`Turkey's "Interim Government"`, "Turkey’s “Interim Government”"},
		{`'Cry' of 1920-21`, "‘Cry’ of 1920–21"},
		{"Anglo-Soviet", "Anglo-Soviet"},
	}
	for _, tt := range tests {
		if got := numberDashes(tt.in); got != tt.want {
			t.Errorf("numberDashes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDigitDashes(t *testing.T) {
	for in, want := range map[string]string{"1905-1909": "1905–1909", "pp. 3-5, 7-9": "pp. 3–5, 7–9", "Anglo-Soviet 1-": "Anglo-Soviet 1-", "a-1": "a-1"} {
		if got := digitDashes(in); got != want {
			t.Errorf("digitDashes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEventNotes(t *testing.T) {
	ev := &content.Event{ID: "x",
		Cite:     []content.Cite{{Source: "a", Locator: "1"}, {Source: "b", Locator: "2"}},
		Versions: []content.Version{{Source: "c", Locator: "9"}}}
	seq := &NoteSeq{Origin: FromChart}
	seq.Cite([]content.Cite{{Source: "a", Locator: "1"}})                              // 1: part of its cites only
	seq.Cite([]content.Cite{{Source: "a", Locator: "1"}, {Source: "b", Locator: "2"}}) // 2: its cites
	seq.Cite([]content.Cite{{Source: "c", Locator: "9"}})                              // 3: its version
	seq.Cite([]content.Cite{{Source: "a", Locator: "1"}, {Source: "b", Locator: "2"}}) // 4: again, in the next window
	seq.Cite([]content.Cite{{Source: "c", Locator: "8"}})                              // 5: another locator
	seq.Origin = FromText
	seq.Cite([]content.Cite{{Source: "a", Locator: "1"}, {Source: "b", Locator: "2"}}) // 6: the narrative's
	if got := fmt.Sprint(seq.EventNotes(ev)); got != "[2 3]" {
		t.Errorf("EventNotes = %s, want [2 3]", got)
	}
}

// TestRunInNotesNumberKeptWithText: a note's number never ends a line
// while its text begins the next.
func TestRunInNotesNumberKeptWithText(t *testing.T) {
	notes := map[int]*Note{}
	var nums []int
	for n := 1; n <= 40; n++ {
		notes[n] = &Note{Number: n, Paras: []Para{{Runs: []Run{{Text: "Longwordhere " + strings.Repeat("w ", n%9) + "end.", Font: serif, Size: 8}}}}}
		nums = append(nums, n)
	}
	items, _ := runInNotes(nums, notes, 300, DefaultStyle().chartNotes(), fixedMeasurer{})
	var texts []Text
	for _, it := range items {
		if v, ok := it.(Text); ok {
			texts = append(texts, v)
		}
	}
	for i, tx := range texts {
		if tx.Font.Style != Bold {
			continue
		}
		if i+1 == len(texts) || texts[i+1].Y != tx.Y {
			t.Errorf("note number %q ends its line", tx.Text)
		}
	}
}

// TestRunInNotesStartLines checks that no line of run-in notes starts
// with the space that separates two notes.
func TestRunInNotesStartLines(t *testing.T) {
	notes := map[int]*Note{}
	var nums []int
	for n := 1; n <= 30; n++ {
		notes[n] = &Note{Number: n, Paras: []Para{{Runs: []Run{{Text: strings.Repeat("word ", n%7+1) + "end.", Font: serif, Size: 8}}}}}
		nums = append(nums, n)
	}
	items, h := runInNotes(nums, notes, 600, DefaultStyle().chartNotes(), fixedMeasurer{})
	if h <= 0 {
		t.Fatal("no height")
	}
	lineStart := map[Pt]Text{}
	dests := 0
	for _, it := range items {
		switch v := it.(type) {
		case Text:
			key := v.Y + Pt(int(v.X/160))*1000 // one key per column line
			if s, ok := lineStart[key]; !ok || v.X < s.X {
				lineStart[key] = v
			}
		case Dest:
			dests++
		}
	}
	for _, s := range lineStart {
		if strings.HasPrefix(s.Text, "\u2002") || strings.HasPrefix(s.Text, " ") {
			t.Errorf("a line starts with a space: %q", s.Text)
		}
	}
	if dests != 30 {
		t.Errorf("%d note destinations, want 30", dests)
	}
}
