package charts

import "annalist/layout"

// Lane packing: which row of its lane each event takes. An event is a
// set of horizontal extents, one per row it occupies relative to its own
// row (its bar and label in row 0, the labels of disputed dates in row
// 1), and a list of alternatives (label inside, right, left, or a
// numbered callout), best first. Packing is the interval-graph greedy:
// events in order of their left edge, each into the lowest row where one
// of its alternatives fits. For intervals sorted by start this uses the
// fewest rows possible (the number of rows equals the largest number of
// extents over any one x), which is what keeps a lane short.

// span is a closed horizontal extent [Lo, Hi].
type span struct{ Lo, Hi layout.Pt }

// footprint is one alternative placement: an extent per row offset.
type footprint struct {
	Rows []span // Rows[k] is the extent in row (row + k)
}

// packItem is one event to pack.
type packItem struct {
	Alts []footprint
	// Callout is the index of the first alternative that is a callout;
	// alternatives from there on are used only when no full label fits
	// within the row limit.
	Callout int
}

// packResult is where an item went.
type packResult struct {
	Row, Alt int
}

// rowSet is the occupied extents of each row, each with the item that
// holds it.
type rowSet struct {
	rows [][]held
	gap  layout.Pt
}

type held struct {
	span
	item int
}

func (r *rowSet) free(row int, s span) bool {
	if row >= len(r.rows) {
		return true
	}
	for _, o := range r.rows[row] {
		if s.Lo < o.Hi+r.gap && o.Lo < s.Hi+r.gap {
			return false
		}
	}
	return true
}

// remove takes an item's extents out of every row.
func (r *rowSet) remove(item int) {
	for k, row := range r.rows {
		out := row[:0]
		for _, h := range row {
			if h.item != item {
				out = append(out, h)
			}
		}
		r.rows[k] = out
	}
}

// used is the number of rows holding anything.
func (r *rowSet) used() int {
	n := 0
	for k, row := range r.rows {
		if len(row) > 0 {
			n = k + 1
		}
	}
	return n
}

func (r *rowSet) fits(row int, f footprint) bool {
	for k, s := range f.Rows {
		if !r.free(row+k, s) {
			return false
		}
	}
	return true
}

func (r *rowSet) add(row int, f footprint, item int) {
	for k, s := range f.Rows {
		for len(r.rows) <= row+k {
			r.rows = append(r.rows, nil)
		}
		r.rows[row+k] = append(r.rows[row+k], held{s, item})
	}
}

// pack places items (already sorted by left edge) into rows so that no
// two footprints in a row come closer than gap. Full labels are preferred
// in any row below maxRows; then a callout in any row below maxRows;
// only then a row past the limit (the caller sees the overflow in the
// returned row count and decides whether the lane is too crowded).
// maxRows <= 0 means no limit.
func pack(items []packItem, gap layout.Pt, maxRows int) ([]packResult, int) {
	rs := &rowSet{gap: gap}
	out := make([]packResult, len(items))
	for i, it := range items {
		out[i] = placeOne(rs, it, maxRows)
		rs.add(out[i].Row, it.Alts[out[i].Alt], i)
	}
	rows := rs.used()
	if maxRows > 0 && rows > maxRows {
		// Full labels taken greedily, left to right, can fill every row
		// and leave no room even for callouts (a crowded month: each
		// long label blocks its row). Start instead from the tightest
		// packing, all callouts, and give back full labels where they
		// fit.
		if out2, rows2 := packCalloutsFirst(items, gap, maxRows); rows2 < rows {
			return out2, rows2
		}
	}
	return out, rows
}

// packCalloutsFirst packs every item as a callout, then, left to right,
// upgrades each to a full label in any row below maxRows where one fits.
func packCalloutsFirst(items []packItem, gap layout.Pt, maxRows int) ([]packResult, int) {
	rs := &rowSet{gap: gap}
	out := make([]packResult, len(items))
	for i, it := range items {
		co := it.Callout
		if co <= 0 || co >= len(it.Alts) {
			co = 0 // no callout alternative: the label is all it has
		}
		calls := packItem{Alts: it.Alts[co:]}
		r := placeOne(rs, calls, 0)
		out[i] = packResult{r.Row, r.Alt + co}
		rs.add(out[i].Row, it.Alts[out[i].Alt], i)
	}
	if rs.used() > maxRows {
		return out, rs.used()
	}
	for i, it := range items {
		co := it.Callout
		if co <= 0 || co >= len(it.Alts) {
			continue
		}
		rs.remove(i)
		placed := false
		rows := append([]int{out[i].Row}, seq(maxRows)...)
		for _, row := range rows {
			for a := 0; a < co && !placed; a++ {
				f := it.Alts[a]
				if row+len(f.Rows) <= maxRows && rs.fits(row, f) {
					out[i] = packResult{row, a}
					placed = true
				}
			}
			if placed {
				break
			}
		}
		rs.add(out[i].Row, it.Alts[out[i].Alt], i)
	}
	return out, rs.used()
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func placeOne(rs *rowSet, it packItem, maxRows int) packResult {
	limit := maxRows
	if limit <= 0 {
		limit = 1 << 30
	}
	try := func(from, to int) (packResult, bool) {
		for row := 0; row < limit; row++ {
			for a := from; a < to; a++ {
				f := it.Alts[a]
				if row+len(f.Rows) > limit {
					continue
				}
				if rs.fits(row, f) {
					return packResult{row, a}, true
				}
			}
			if row > len(rs.rows) {
				break // every later row is empty: nothing more to try
			}
		}
		return packResult{}, false
	}
	co := it.Callout
	if co <= 0 || co > len(it.Alts) {
		co = len(it.Alts)
	}
	if r, ok := try(0, co); ok {
		return r
	}
	if r, ok := try(co, len(it.Alts)); ok {
		return r
	}
	// Over the limit: the first empty row past everything, with the
	// smallest footprint (the last alternative).
	return packResult{rs.used(), len(it.Alts) - 1}
}
