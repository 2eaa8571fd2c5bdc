package charts

import (
	"math/rand/v2"
	"testing"

	"annalist/layout"
)

// TestRowSetMatchesNaive drives the sorted rowSet and a plain list of
// extents with the same random adds, removes and free tests, as the
// packer makes them (an extent is added only where it is free), and
// checks they always agree.
func TestRowSetMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		gap := layout.Pt(rng.IntN(4))
		rs := &rowSet{gap: gap}
		type placed struct {
			row  int
			f    footprint
			item int
		}
		var naive []placed
		naiveFree := func(row int, s span) bool {
			for _, p := range naive {
				for k, o := range p.f.Rows {
					if p.row+k == row && s.Lo < o.Hi+gap && o.Lo < s.Hi+gap {
						return false
					}
				}
			}
			return true
		}
		randFoot := func() footprint {
			var f footprint
			for k := 0; k < 1+rng.IntN(2); k++ {
				lo := layout.Pt(rng.IntN(300))
				f.Rows = append(f.Rows, span{lo, lo + layout.Pt(rng.IntN(40))})
			}
			return f
		}
		for op := 0; op < 300; op++ {
			row := rng.IntN(5)
			f := randFoot()
			naiveFits := true
			for k, s := range f.Rows {
				if !naiveFree(row+k, s) {
					naiveFits = false
				}
				if got, want := rs.free(row+k, s), naiveFree(row+k, s); got != want {
					t.Fatalf("trial %d op %d: free(%d, %v) = %v, want %v", trial, op, row+k, s, got, want)
				}
			}
			if got := rs.fits(row, f); got != naiveFits {
				t.Fatalf("trial %d op %d: fits = %v, want %v", trial, op, got, naiveFits)
			}
			switch {
			case naiveFits && rng.IntN(3) > 0:
				rs.add(row, f, op)
				naive = append(naive, placed{row, f, op})
			case len(naive) > 0 && rng.IntN(4) == 0:
				i := rng.IntN(len(naive))
				p := naive[i]
				rs.remove(p.row, p.f, p.item)
				naive = append(naive[:i], naive[i+1:]...)
			}
		}
	}
}

// TestPackManyValid packs
// 20,000 short bars spread over a wide lane gives every one a row and
// keeps every row free of overlaps.
func TestPackManyValid(t *testing.T) {
	var items []packItem
	for i := 0; i < 20000; i++ {
		lo := layout.Pt(i) * 0.5
		items = append(items, packItem{Alts: []footprint{{Rows: []span{{lo, lo + 30}}}, {Rows: []span{{lo, lo + 2}}}}, Callout: 1})
	}
	out, rows := pack(items, 1, 8)
	if rows == 0 || len(out) != len(items) {
		t.Fatalf("rows %d, %d results", rows, len(out))
	}
	byRow := map[int][]span{}
	for i, r := range out {
		for k, s := range items[i].Alts[r.Alt].Rows {
			byRow[r.Row+k] = append(byRow[r.Row+k], s)
		}
	}
	for row, ss := range byRow {
		for i := 1; i < len(ss); i++ {
			if ss[i].Lo < ss[i-1].Hi+1 {
				t.Fatalf("row %d: %v and %v overlap", row, ss[i-1], ss[i])
			}
		}
	}
}
