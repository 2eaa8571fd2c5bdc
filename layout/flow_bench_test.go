package layout

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// a4Frame is a book-like A4 page: 1-inch margins, 10pt text on 12pt.
var a4Frame = Frame{Size: A4, Top: 72, Bottom: 72, Left: 72, Right: 72, NoteGap: 10, NoteSpacing: 3, ContinuedLabel: "(continued)"}

// synthetic makes a document of about pages pages of narrative: paragraphs
// of 60-180 words with a note every ~60 words, notes of 10-60 words.
// About 460 words of text fill a page beside its notes with the fixed
// measurer.
func synthetic(pages int) ([]Para, map[int]*Note) {
	r := rand.New(rand.NewPCG(uint64(pages), 42))
	var blocks []Para
	notes := map[int]*Note{}
	words := 0
	for words < pages*460 {
		if r.IntN(12) == 0 {
			blocks = append(blocks, Para{Kind: Heading, Runs: []Run{{Text: prose(r, 3+r.IntN(4)), Font: Font{Family: "serif", Style: Bold}, Size: 10}},
				Leading: 12, Align: Left, KeepWithNext: true, SpaceBefore: 12, SpaceAfter: 4})
		}
		n := 60 + r.IntN(120)
		var text string
		for done := 0; done < n; {
			k := min(n-done, 40+r.IntN(40))
			text += prose(r, k)
			done += k
			if done < n || r.IntN(2) == 0 {
				num := len(notes) + 1
				notes[num] = note(num, prose(r, 10+r.IntN(50)))
				text += fmt.Sprintf("^%d ", num)
			} else {
				text += " "
			}
		}
		words += n
		blocks = append(blocks, Para{Kind: Body, Runs: runs(text, 10), Leading: 12, FirstIndent: 12})
	}
	return blocks, notes
}

func TestSyntheticInvariants(t *testing.T) {
	blocks, notes := synthetic(200)
	res, err := Flow(blocks, notes, a4Frame, fixedMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d blocks, %d notes, %d pages, %d warnings", len(blocks), len(notes), len(res.Pages), len(res.Warnings))
	if len(notes) < 1000 {
		t.Errorf("only %d notes; the generator should make 1000+ for 200 pages", len(notes))
	}
	for _, e := range CheckInvariants(res.Pages, fixedMeasurer{}) {
		t.Error(e)
	}
	for _, e := range CheckMargins(res.Pages, a4Frame, fixedMeasurer{}) {
		t.Error(e)
	}
}

func BenchmarkFlow(b *testing.B) {
	for _, pages := range []int{10, 100, 200, 1000} {
		blocks, notes := synthetic(pages)
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				res, err := Flow(blocks, notes, a4Frame, fixedMeasurer{})
				if err != nil {
					b.Fatal(err)
				}
				n = len(res.Pages)
			}
			b.ReportMetric(float64(n), "pages")
		})
	}
}
