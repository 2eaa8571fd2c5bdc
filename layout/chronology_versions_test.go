package layout

import (
	"reflect"
	"strings"
	"testing"

	"annalist/content"
)

// TestVersionLines: each version of an event is worded with its source
// (first author's family name, else its short title, title or id) and
// locator, and what it says: a date, a start or end, a title, a place or
// a summary.
func TestVersionLines(t *testing.T) {
	mustDate := func(s string) *content.Date {
		d, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	start := mustDate("1920-04-27").Start
	doc := &content.Document{SourceByID: map[string]*content.Source{
		"g":  {ID: "g", Author: []content.Name{{Family: "Gafarov", Given: "Vasif"}}, Title: "T"},
		"rb": {ID: "rb", Title: "How the Bolsheviks Tried", TitleShort: "Bolsheviks Tried"},
		"w":  {ID: "w", Author: []content.Name{{Literal: "Wilson Center"}}},
		"u":  {ID: "u"},
	}}
	e := &content.Event{Versions: []content.Version{
		{Date: mustDate("1920-04-27"), Source: "g", Locator: "para. 37"},
		{Start: &start, Source: "rb"},
		{Field: "title", Value: "Baku falls", Source: "w", Locator: "p. 2"},
		{Field: "places", Value: "Baku", Source: "u"},
		{Field: "summary", Value: "It says more.", Source: "nosuch"},
	}}
	got := versionLines(doc, e)
	want := []versionLine{
		{"Gafarov, para. 37", "27 April 1920"},
		{"Bolsheviks Tried", "from 27 April 1920"},
		{"Wilson Center, p. 2", "as “Baku falls”"},
		{"u", "at Baku"},
		{"nosuch", "It says more."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("versionLines =\n%q\nwant\n%q", got, want)
	}
}

// TestChronologyPrintsSummaryAndVersions: an event's row holds its
// title, then its summary, then each version with its source, in that
// order down the Event column, all inside the text block.
func TestChronologyPrintsSummaryAndVersions(t *testing.T) {
	doc := datedDoc(t, "")
	e := doc.Events[0]
	e.Summary = "Summary words here."
	d, _ := content.ParseDate("1920-05-19")
	e.Versions = []content.Version{{Date: &d, Source: "kh", Locator: "p. 9"}}
	seq := &NoteSeq{}
	rows := chronologyRows(doc, seq)
	notes := seq.Format(&fakeCiter{}, DefaultStyle())
	g, _ := geometryFor("a4")
	pages := chronologyPages(rows, notes, g, DefaultStyle(), fixedMeasurer{})
	var ys = map[string]Pt{}
	for _, p := range pages {
		for _, it := range p.Items {
			if x, ok := it.(Text); ok {
				if _, seen := ys[x.Text]; !seen {
					ys[x.Text] = x.Y
				}
				if x.X+x.W > g.page.W-g.frame.Right+0.01 {
					t.Errorf("%q runs past the text block", x.Text)
				}
			}
		}
	}
	title, okT := ys[e.Title]
	sum, okS := ys["Summary words here."]
	src := Pt(-1)
	for text, y := range ys {
		if strings.HasSuffix(strings.TrimSpace(text), ", p. 9:") {
			src = y
		}
	}
	if !okT || !okS || src < 0 {
		t.Fatalf("title %v, summary %v, version %v: not all printed (%v)", okT, okS, src >= 0, ys)
	}
	if !(title < sum && sum < src) {
		t.Errorf("title at %.1f, summary at %.1f, version at %.1f: want them in that order", title, sum, src)
	}
}
