package layout

import (
	"fmt"
	"math"
	"testing"
)

// TestNoteAreaShrinks: on the small page (120pt of text, 12pt lines,
// note gap 6 and spacing 2, so 3pt of shrink for one note), seven lines
// and then a line whose note is one line of the given leading. At 13pt
// the page has 1pt to spare; at 17pt it is 1pt over and the note area's
// spaces shrink to keep the line home; at 20pt it is 4pt over, more than
// they can give, and the line goes to the next page with its note. The
// notes end at the foot of the text area either way.
func TestNoteAreaShrinks(t *testing.T) {
	tests := []struct {
		leading  Pt
		wantPage int // of the marker's line and its note
		wantRule Pt  // the rule's y: the note's top less the space above it
	}{
		{13, 0, 140 - 13 - 2},           // 1pt to spare: natural spacing
		{17, 0, 140 - 17 - (2 - 1.0/3)}, // 1pt over: the 3pt of shrink give a third each
		{20, 1, 140 - 20 - 2},           // 4pt over: on page 2, at natural spacing
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.leading), func(t *testing.T) {
			var blocks []Para
			for i := range 7 {
				blocks = append(blocks, Para{Kind: Body, Align: Left, Leading: 12, Runs: runs(fmt.Sprintf("Line %d.", i+1), 10)})
			}
			blocks = append(blocks, Para{Kind: Body, Align: Left, Leading: 12, Runs: runs("The marker.^1", 10)})
			notes := map[int]*Note{1: {Number: 1, Paras: []Para{{Kind: NoteText, Runs: runs("Ibid.", 8), Leading: tt.leading}}}}
			res, err := Flow(blocks, notes, smallFrame, fixedMeasurer{})
			if err != nil {
				t.Fatal(err)
			}
			if got := destPage(res, "ref-1"); got != tt.wantPage {
				t.Fatalf("marker on page %d, want %d", got+1, tt.wantPage+1)
			}
			if got := destPage(res, "note-1"); got != tt.wantPage {
				t.Fatalf("note on page %d, want %d", got+1, tt.wantPage+1)
			}
			pg := res.Pages[tt.wantPage]
			var rule Rule
			var noteBottom Pt
			for _, it := range pg.Items {
				switch v := it.(type) {
				case Rule:
					rule = v
				case Text:
					if v.Size == 8 {
						// The note's one line: its slot ends leading
						// below its top, baseline at (h-(asc+desc))/2+asc.
						noteBottom = v.Y - ((tt.leading-8)/2 + 0.8*8) + tt.leading
					}
				}
			}
			if math.Abs(float64(noteBottom-140)) > 1e-6 {
				t.Errorf("note ends at %.2f, want the foot of the text area, 140", float64(noteBottom))
			}
			if math.Abs(float64(rule.Y1-tt.wantRule)) > 1e-6 {
				t.Errorf("rule at %.3f, want %.3f", float64(rule.Y1), float64(tt.wantRule))
			}
			for _, e := range CheckInvariants(res.Pages, fixedMeasurer{}) {
				t.Error(e)
			}
		})
	}
}
