package layout

import (
	"errors"
	"strings"
	"testing"

	"annalist/content"
)

func TestCheckGlyphs(t *testing.T) {
	const yaml = `title: Test
tracks:
  - {id: a, title: "Ağ şəhər Баку"}
sources:
  - {id: s, type: book, title: "Kitab", author: [{family: "Əliyev"}]}
events:
  - id: e1
    track: a
    title: "Enzeli انزلی"
    date: 1920
    cite: [s]
  - id: e2
    track: a
    title: "Fine: İstanbul, Москва, ə"
    date: 1921
    cite: [s]
narrative: |
  # Heading

  A line with Hebrew שלום in it.
`
	doc, err := content.Load("t.yaml", []byte(yaml), nil)
	if err != nil {
		t.Fatal(err)
	}
	err = CheckGlyphs(doc)
	var el content.ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("CheckGlyphs = %v, want an ErrorList", err)
	}
	var got []string
	for _, e := range el {
		got = append(got, e.Error())
	}
	want := []string{
		`t.yaml:7:5: event "e1": title: no font can print 'ا' (U+0627), 'ن' (U+0646), 'ز' (U+0632), 'ل' (U+0644), 'ی' (U+06CC)`,
		`t.yaml:20:22: narrative: no font can print 'ש' (U+05E9), 'ל' (U+05DC), 'ו' (U+05D5), 'ם' (U+05DD)`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
	// Latin with Turkish and Azerbaijani letters and Cyrillic pass.
	doc.Events = doc.Events[1:]
	doc.Narrative = "Ağ şəhər Баку İı"
	if err := CheckGlyphs(doc); err != nil {
		t.Errorf("covered text reported: %v", err)
	}
}
