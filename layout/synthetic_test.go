package layout

import (
	"fmt"
	"testing"

	"annalist/internal/synth"
)

// TestSyntheticHandoutInvariants builds long generated handouts with the
// real fonts, the Markdown reader and the Chicago formatter (no figures:
// charts is not importable here) and checks what must hold of every page
// at a scale no hand-written golden reaches: every note set once, on its
// marker's page; nothing off the page or overlapping; the narrative's
// text inside the margins; the note numbers one unbroken sequence.
func TestSyntheticHandoutInvariants(t *testing.T) {
	sizes := []synth.Config{
		{Pages: 60, Seed: 1},
		{Pages: 25, Seed: 2, Paper: "letter", Events: 150, Tracks: 6, Sources: 40},
	}
	if testing.Short() {
		sizes = sizes[1:]
	}
	for _, c := range sizes {
		t.Run(fmt.Sprintf("pages=%d,seed=%d", c.Pages, c.Seed), func(t *testing.T) {
			doc, err := synth.Load(c)
			if err != nil {
				t.Fatal(err)
			}
			m := NewMeasurer()
			ldoc, err := Build(doc, nil, Options{Measurer: m})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range CheckInvariants(ldoc.Pages, m) {
				t.Error(e)
			}
			g, err := geometryFor(doc.Paper)
			if err != nil {
				t.Fatal(err)
			}
			// The narrative's pages are those with a level-0 bookmark of
			// the generator's sections ("1. ...") up to the chronology.
			first, last := -1, -1
			for _, b := range ldoc.Outline {
				if b.Level == 0 && first < 0 && len(b.Title) > 3 && b.Title[:3] == "1. " {
					first = b.Page
				}
				if b.Title == "Chronology" {
					last = b.Page
				}
			}
			if first < 0 || last <= first {
				t.Fatalf("no narrative pages found in the outline (first %d, chronology %d)", first, last)
			}
			if n := last - first; n < c.Pages*9/10 || n > c.Pages*11/10+1 {
				t.Errorf("%d pages of narrative for %d asked", n, c.Pages)
			}
			// CheckMargins wants bare flow pages; the running head and
			// folio lie outside the frame, so drop them (they are the
			// only text above the frame's top or below its bottom).
			var body []*Page
			for _, p := range ldoc.Pages[first:last] {
				q := &Page{Size: p.Size}
				for _, it := range p.Items {
					if tx, ok := it.(Text); ok && (tx.Y < g.frame.Top || tx.Y > g.frame.Size.H-g.frame.Bottom+tx.Size) {
						continue
					}
					q.Items = append(q.Items, it)
				}
				body = append(body, q)
			}
			for _, e := range CheckMargins(body, g.frame, m) {
				t.Error(e)
			}
			// One unbroken sequence of notes, each set once.
			set := map[int]int{}
			for _, p := range ldoc.Pages {
				for _, it := range p.Items {
					if d, ok := it.(Dest); ok {
						if kind, n := noteDest(d.Name); kind == "note" {
							set[n]++
						}
					}
				}
			}
			for n := 1; n <= len(set); n++ {
				if set[n] != 1 {
					t.Errorf("note %d set %d times", n, set[n])
				}
			}
			if len(set) < c.Pages*4 {
				t.Errorf("%d notes in %d pages; the generator cites every ~60 words", len(set), c.Pages)
			}
			t.Logf("%d pages, %d notes, %d warnings", len(ldoc.Pages), len(set), len(ldoc.Warnings))
		})
	}
}
