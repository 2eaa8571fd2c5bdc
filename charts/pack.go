package charts

import (
	"sort"

	"annalist/layout"
)

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

// before orders extents by Lo, then Hi.
func (s span) before(o span) bool {
	return s.Lo < o.Lo || s.Lo == o.Lo && s.Hi < o.Hi
}

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
// holds it. A row's extents never come closer than gap (an extent is
// added only where it is free), so each row is kept sorted by Lo (then
// Hi, for extents of no width), which sorts it by Hi too, and a free
// test is a binary search: packing n
// events is n log n, not n squared (a chart of thousands of events was
// minutes).
type rowSet struct {
	rows [][]held
	gap  layout.Pt
}

type held struct {
	span
	item int
}

// free reports whether s comes no closer than gap to any extent in row.
func (r *rowSet) free(row int, s span) bool {
	if row >= len(r.rows) {
		return true
	}
	hs := r.rows[row]
	// The first extent that ends late enough to touch s; every earlier
	// one ends before s begins, every later one begins after this one.
	i := sort.Search(len(hs), func(i int) bool { return hs[i].Hi+r.gap > s.Lo })
	return i == len(hs) || !(hs[i].Lo < s.Hi+r.gap)
}

// remove takes an item's extents out of the rows its footprint f, placed
// at row, holds.
func (r *rowSet) remove(row int, f footprint, item int) {
	for k, s := range f.Rows {
		if row+k >= len(r.rows) {
			break
		}
		hs := r.rows[row+k]
		i := sort.Search(len(hs), func(i int) bool { return !hs[i].span.before(s) })
		for ; i < len(hs) && hs[i].span == s; i++ {
			if hs[i].item == item {
				r.rows[row+k] = append(hs[:i], hs[i+1:]...)
				break
			}
		}
	}
}

// used is the number of rows holding anything.
func (r *rowSet) used() int {
	n := len(r.rows)
	for n > 0 && len(r.rows[n-1]) == 0 {
		n--
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

// add puts f's extents, placed at row, into the rows, each in its place
// by Lo (almost always at the end: items come by their left edge).
func (r *rowSet) add(row int, f footprint, item int) {
	for k, s := range f.Rows {
		for len(r.rows) <= row+k {
			r.rows = append(r.rows, nil)
		}
		hs := r.rows[row+k]
		i := len(hs)
		if i > 0 && s.before(hs[i-1].span) {
			i = sort.Search(len(hs), func(i int) bool { return s.before(hs[i].span) })
		}
		hs = append(hs, held{})
		copy(hs[i+1:], hs[i:])
		hs[i] = held{s, item}
		r.rows[row+k] = hs
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
		if out2, rows2, ok := packCalloutsFirst(items, gap, maxRows); ok {
			return out2, rows2
		}
	}
	return out, rows
}

// packCalloutsFirst packs every item as a callout, then, left to right,
// upgrades each to a full label in any row below maxRows where one fits.
// It gives up (false) as soon as the callouts alone need more than
// maxRows rows: the lane is too crowded either way, and packing on with
// no row limit would make a row per event, each tried by every later
// one (minutes for a chart of thousands).
func packCalloutsFirst(items []packItem, gap layout.Pt, maxRows int) ([]packResult, int, bool) {
	rs := &rowSet{gap: gap}
	out := make([]packResult, len(items))
	for i, it := range items {
		co := it.Callout
		if co <= 0 || co >= len(it.Alts) {
			co = 0 // no callout alternative: the label is all it has
		}
		calls := packItem{Alts: it.Alts[co:]}
		r := placeOne(rs, calls, maxRows)
		out[i] = packResult{r.Row, r.Alt + co}
		if rs.add(out[i].Row, it.Alts[out[i].Alt], i); rs.used() > maxRows {
			return nil, 0, false
		}
	}
	for i, it := range items {
		co := it.Callout
		if co <= 0 || co >= len(it.Alts) {
			continue
		}
		rs.remove(out[i].Row, it.Alts[out[i].Alt], i)
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
	return out, rs.used(), true
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
