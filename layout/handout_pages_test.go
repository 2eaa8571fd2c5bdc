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

// TestHandoutKeepRules checks the page breaks of the default handout's
// narrative, on both papers: no heading ends a page, no page ends with
// the first line of a paragraph of several lines (orphan) or starts with
// its last (widow).
func TestHandoutKeepRules(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			doc, err := content.Default()
			if err != nil {
				t.Fatal(err)
			}
			st := DefaultStyle()
			g, _ := geometryFor(paper)
			seq := &NoteSeq{Origin: FromText}
			blocks, _, err := Markdown(doc, seq, st)
			if err != nil {
				t.Fatal(err)
			}
			notes := seq.Format(content.NewCiter(doc, content.CiteOptions{ShortIbid: doc.ShortIbid}), st)
			m := NewMeasurer()
			f := &flow{blocks: blocks, frame: g.frame, m: m, set: newSetter(m), notes: map[int]*noteText{}, src: notes}
			f.avail = g.frame.Size.H - g.frame.Top - g.frame.Bottom
			f.collect()
			lines := map[int]int{} // lines per block
			for _, u := range f.units {
				lines[u.block]++
			}
			pages := f.distribute()
			if len(pages) < 10 {
				t.Fatalf("%d pages; the narrative should fill more than 10", len(pages))
			}
			for i, pb := range pages[:len(pages)-1] {
				last := pb.units[len(pb.units)-1].u
				if blocks[last.block].Kind == Heading {
					t.Errorf("page %d ends with heading %s", i+1, f.blockLabel(last.block))
				}
				if last.first && lines[last.block] > 1 {
					t.Errorf("page %d ends with the first line of %s (an orphan)", i+1, f.blockLabel(last.block))
				}
				next := pages[i+1].units[0].u
				if !next.first && lines[next.block] > 1 && next == &f.units[lastUnitOf(f.units, next.block)] {
					t.Errorf("page %d starts with the last line of %s (a widow)", i+2, f.blockLabel(next.block))
				}
			}
		})
	}
}

func lastUnitOf(units []unit, block int) int {
	k := -1
	for i := range units {
		if units[i].block == block {
			k = i
		}
	}
	return k
}
