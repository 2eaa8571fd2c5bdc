package layout

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// CheckInvariants checks what must hold of every page Annalist prints,
// whoever laid it out, and returns every violation found:
//
//   - the note invariant: the first marker of note N (a Dest "ref-N") and
//     the note itself (a Dest "note-N") are on the same page, and a
//     continued note ("note-N-cont") follows its page or continuation;
//   - no coordinate is NaN or infinite;
//   - nothing lies outside its page (text measured by its advance width
//     and the font's ascent and descent);
//   - no two Text items overlap (touching is allowed);
//   - no text is scaled horizontally beyond font expansion's limits;
//   - no two note markers touch ("5" and "97" would read as note 597):
//     Chicago allows one note reference at one point.
//
// Tests run it on every golden; the command runs it on the default
// handout.
func CheckInvariants(pages []*Page, m Measurer) []error {
	var errs []error
	errs = append(errs, checkNotes(pages)...)
	for i, pg := range pages {
		errs = append(errs, checkPage(i, pg, m)...)
		errs = append(errs, checkMarkers(i, pg)...)
	}
	return errs
}

// checkMarkers finds note markers (links to a note) that touch on a
// line: nothing but less than half a point between them.
func checkMarkers(i int, pg *Page) []error {
	var errs []error
	var marks []Link
	for _, it := range pg.Items {
		if l, ok := it.(Link); ok {
			if kind, _ := noteDest(l.Dest); kind == "note" {
				marks = append(marks, l)
			}
		}
	}
	for a := range marks {
		for b := range marks {
			ma, mb := marks[a], marks[b]
			if a == b || ma.Dest == mb.Dest || math.Abs(float64(ma.Y-mb.Y)) > 1 {
				continue
			}
			if gap := mb.X - (ma.X + ma.W); gap >= -0.01 && gap < 0.5 {
				errs = append(errs, fmt.Errorf("page %d: note markers %s and %s touch at (%.2f,%.2f): they read as one number", i+1,
					strings.TrimPrefix(ma.Dest, "note-"), strings.TrimPrefix(mb.Dest, "note-"), mb.X, mb.Y))
			}
		}
	}
	return errs
}

// CheckMargins checks that the text of flow pages stays within the
// frame's margins. Pages with furniture (running heads, folios) outside
// the frame are not flow pages: check only the pages the flow produced.
func CheckMargins(pages []*Page, f Frame, m Measurer) []error {
	var errs []error
	const tol = 0.01
	for i, pg := range pages {
		for _, it := range pg.Items {
			t, ok := it.(Text)
			if !ok {
				continue
			}
			x0, y0, x1, y1 := textBox(t, m)
			if x0 < f.Left-tol || x1 > f.Size.W-f.Right+tol || y0 < f.Top-tol || y1 > f.Size.H-f.Bottom+tol {
				errs = append(errs, fmt.Errorf("page %d: text %q (%.2f,%.2f)-(%.2f,%.2f) outside the margins", i+1, t.Text, x0, y0, x1, y1))
			}
		}
	}
	return errs
}

// noteDest parses the destinations the flow gives markers and notes.
func noteDest(name string) (kind string, n int) {
	for _, k := range []string{"ref-", "note-"} {
		rest, ok := strings.CutPrefix(name, k)
		if !ok {
			continue
		}
		kind = k[:len(k)-1]
		if r, ok := strings.CutSuffix(rest, "-cont"); ok && k == "note-" {
			kind, rest = "cont", r
		}
		if v, err := strconv.Atoi(rest); err == nil && v > 0 {
			return kind, v
		}
	}
	return "", 0
}

func checkNotes(pages []*Page) []error {
	var errs []error
	refPage := map[int]int{}  // first marker's page
	notePage := map[int]int{} // the note's page
	conts := map[int][]int{}  // pages of continuations
	for i, pg := range pages {
		for _, it := range pg.Items {
			d, ok := it.(Dest)
			if !ok {
				continue
			}
			switch kind, n := noteDest(d.Name); kind {
			case "ref":
				if _, seen := refPage[n]; !seen {
					refPage[n] = i
				}
			case "note":
				if p, seen := notePage[n]; seen {
					errs = append(errs, fmt.Errorf("note %d is set twice, on pages %d and %d", n, p+1, i+1))
					continue
				}
				notePage[n] = i
			case "cont":
				conts[n] = append(conts[n], i)
			}
		}
	}
	for _, n := range sortedKeys(refPage) {
		p, ok := notePage[n]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("note %d: marker on page %d, note not set", n, refPage[n]+1))
		case p != refPage[n]:
			errs = append(errs, fmt.Errorf("note %d: marker on page %d, note on page %d", n, refPage[n]+1, p+1))
		}
	}
	for _, n := range sortedKeys(notePage) {
		if _, ok := refPage[n]; !ok {
			errs = append(errs, fmt.Errorf("note %d on page %d has no marker", n, notePage[n]+1))
		}
	}
	for _, n := range sortedKeys(conts) {
		prev, ok := notePage[n]
		if !ok {
			errs = append(errs, fmt.Errorf("note %d: continued on page %d but never begun", n, conts[n][0]+1))
			continue
		}
		for _, p := range conts[n] {
			if p != prev+1 {
				errs = append(errs, fmt.Errorf("note %d: continued on page %d, not right after page %d", n, p+1, prev+1))
			}
			prev = p
		}
	}
	return errs
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// textBox is a Text's bounding box: its advance width by its em box, the
// font's ascent and descent scaled so that together they are one em.
// Fonts declare ascent and descent with headroom for stacked accents
// (Noto's sum to 1.36 em), so boxes from the raw values would overlap on
// every well-set page at 10 pt on 12 pt; the em box is what a typesetter
// means by text colliding, and lines set solid (leading = size) only touch.
func textBox(t Text, m Measurer) (x0, y0, x1, y1 Pt) {
	a, d := m.Ascent(t.Font, t.Size), m.Descent(t.Font, t.Size)
	if s := a + d; s > 0 {
		a, d = t.Size*a/s, t.Size*d/s
	}
	return t.X, t.Y - a, t.X + t.W, t.Y + d
}

func finite(vs ...Pt) bool {
	for _, v := range vs {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return false
		}
	}
	return true
}

func checkPage(i int, pg *Page, m Measurer) []error {
	var errs []error
	const tol = 0.01
	W, H := pg.Size.W, pg.Size.H
	inside := func(what string, x0, y0, x1, y1 Pt) {
		if !finite(x0, y0, x1, y1) {
			errs = append(errs, fmt.Errorf("page %d: %s has a non-finite coordinate", i+1, what))
			return
		}
		if min(x0, x1) < -tol || max(x0, x1) > W+tol || min(y0, y1) < -tol || max(y0, y1) > H+tol {
			errs = append(errs, fmt.Errorf("page %d: %s (%.2f,%.2f)-(%.2f,%.2f) outside the page", i+1, what, x0, y0, x1, y1))
		}
	}
	type box struct {
		x0, y0, x1, y1 Pt
		text           string
	}
	var texts []box
	for _, it := range pg.Items {
		switch v := it.(type) {
		case Text:
			x0, y0, x1, y1 := textBox(v, m)
			inside(fmt.Sprintf("text %q", v.Text), x0, y0, x1, y1)
			if !finite(v.Size, v.W) || v.Size <= 0 {
				errs = append(errs, fmt.Errorf("page %d: text %q has size %v", i+1, v.Text, v.Size))
			}
			if h := v.hscale(); !(h >= 1-expandShrink-1e-9 && h <= 1+expandStretch+1e-9) {
				errs = append(errs, fmt.Errorf("page %d: text %q scaled horizontally by %v", i+1, v.Text, h))
			}
			if v.Text != "" {
				texts = append(texts, box{x0, y0, x1, y1, v.Text})
			}
		case Rule:
			inside("rule", v.X1, v.Y1, v.X2, v.Y2)
		case Rect:
			inside("rect", v.X, v.Y, v.X+v.W, v.Y+v.H)
		case Path:
			for _, op := range v.Ops {
				for j := 0; j+1 < len(op.Pts); j += 2 {
					inside("path", op.Pts[j], op.Pts[j+1], op.Pts[j], op.Pts[j+1])
				}
			}
		case Link:
			inside("link", v.X, v.Y, v.X+v.W, v.Y+v.H)
		case Dest:
			inside("dest "+v.Name, v.X, v.Y, v.X, v.Y)
		}
	}
	// Overlaps: sweep the boxes by their top edge.
	slices.SortFunc(texts, func(a, b box) int { return cmp.Compare(a.y0, b.y0) })
	for a := range texts {
		for b := a + 1; b < len(texts) && texts[b].y0 < texts[a].y1-tol; b++ {
			ta, tb := texts[a], texts[b]
			if min(ta.x1, tb.x1)-max(ta.x0, tb.x0) > tol && min(ta.y1, tb.y1)-max(ta.y0, tb.y0) > tol {
				errs = append(errs, fmt.Errorf("page %d: text %q overlaps %q", i+1, ta.text, tb.text))
			}
		}
	}
	return errs
}
