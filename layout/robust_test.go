package layout

import (
	"bytes"
	"fmt"
	"testing"

	"annalist/content"
)

// buildNarrative builds a handout with the given narrative, as the
// command does, with the real fonts.
func buildWith(t *testing.T, doc *content.Document) *Document {
	t.Helper()
	m := NewMeasurer()
	d, err := Build(doc, nil, Options{Measurer: m, Date: 1700000000})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range CheckInvariants(d.Pages, m) {
		t.Error(err)
	}
	return d
}

func writeOK(t *testing.T, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSkippedHeadingLevels checks that any Markdown heading structure
// builds: the outline deepens one level at a time however the headings
// skip, and a #### heading is set like ###.
func TestSkippedHeadingLevels(t *testing.T) {
	for _, tc := range []struct {
		narrative string
		want      string // the narrative's outline levels
	}{
		{"# A\n\nText.\n\n### C\n\nText.\n", "[A:0 C:1]"},
		{"### C\n\nText.\n\n# A\n\nText.\n", "[C:0 A:0]"},
		{"## B\n\nText.\n\n#### D\n\nText.\n\n## E\n\nText.\n", "[B:0 D:1 E:0]"},
		{"# A\n\n## B\n\n#### D\n\n###### F\n\nText.\n", "[A:0 B:1 D:2 F:2]"},
	} {
		doc := datedDoc(t, tc.narrative)
		d := buildWith(t, doc)
		writeOK(t, d)
		var got []string
		for _, b := range d.Outline {
			switch b.Title {
			case "A", "B", "C", "D", "E", "F":
				got = append(got, fmt.Sprintf("%s:%d", b.Title, b.Level))
			}
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%q: outline %v, want %s", tc.narrative, got, tc.want)
		}
	}
	doc := datedDoc(t, "#### D\n\nText.\n")
	blocks, _, err := Markdown(doc, &NoteSeq{}, DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	if blocks[0].Kind != Heading || blocks[0].Level != 3 {
		t.Errorf("#### heading: kind %v level %d, want a level 3 heading", blocks[0].Kind, blocks[0].Level)
	}
}
