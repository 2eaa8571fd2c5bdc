package layout

import (
	"testing"

	"annalist/content"
)

// flowHandout flows the default handout's narrative as Build does, with
// the embedded fonts and Chicago notes, on paper.
func flowHandout(t *testing.T, paper string) (*FlowResult, []Para, geometry) {
	t.Helper()
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	st := DefaultStyle()
	g, err := geometryFor(paper)
	if err != nil {
		t.Fatal(err)
	}
	seq := &NoteSeq{Origin: FromText}
	blocks, _, err := Markdown(doc, seq, st)
	if err != nil {
		t.Fatal(err)
	}
	notes := seq.Format(content.NewCiter(doc, content.CiteOptions{ShortIbid: doc.ShortIbid}), st)
	res, err := Flow(blocks, notes, g.frame, NewMeasurer())
	if err != nil {
		t.Fatal(err)
	}
	return res, blocks, g
}

// TestHandoutPagesEndFull: a narrative page of the default handout that
// ends because its next line went over (with its notes) is at most three
// lines short: the space between its last body line and the note rule is
// the note gap and at most three lines more. Three, because the last two
// lines of a paragraph go over together (no widows), each with its notes.
// Before the note area could shrink, pages were 3.3 to 4 lines short. A
// page before a heading may end shorter (a heading keeps its first lines
// with it), and so may the last.
func TestHandoutPagesEndFull(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			res, blocks, g := flowHandout(t, paper)
			st := DefaultStyle()
			bottom := g.page.H - g.frame.Bottom
			for i, pg := range res.Pages[:len(res.Pages)-1] {
				var bodyEnd Pt = g.frame.Top
				noteTop := bottom
				for _, it := range pg.Items {
					switch v := it.(type) {
					case Rule:
						noteTop = v.Y1 - g.frame.NoteGap
					}
				}
				for _, it := range pg.Items {
					if v, ok := it.(Text); ok && v.Y < noteTop {
						bodyEnd = max(bodyEnd, v.Y+(st.BodyLeading-st.BodySize)/2+0.3*st.BodySize)
					}
				}
				short := noteTop - bodyEnd
				next := firstBlockOn(res.Pages[i+1], blocks)
				t.Logf("page %d: %.1fpt short, next %v", i+1, float64(short), next)
				if short > 3*st.BodyLeading && next != Heading {
					t.Errorf("page %d ends %.1fpt (%.1f lines) short of its notes", i+1, float64(short), float64(short/st.BodyLeading))
				}
			}
		})
	}
}

// firstBlockOn is the kind of the block that starts at the top of pg, or
// Body if the page starts inside a block.
func firstBlockOn(pg *Page, blocks []Para) BlockKind {
	for _, it := range pg.Items {
		if d, ok := it.(Dest); ok {
			for _, b := range blocks {
				if b.Dest == d.Name && b.Dest != "" {
					return b.Kind
				}
			}
		}
		if _, ok := it.(Text); ok {
			break
		}
	}
	return Body
}
