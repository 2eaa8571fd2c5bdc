package layout

import (
	"reflect"
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
