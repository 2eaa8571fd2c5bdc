package layout

import (
	"fmt"
	"slices"
	"strconv"
)

// This file keeps the footnote invariant: a note is set at the foot of the
// page that holds its marker. Following Typst (compose.rs, footnote and
// footnote_spill), a line fits on a page only together with the first
// lines of its notes and, for the first note of the page, the separator.
// When a note does not fit, the line with its marker moves to the next
// page. When a long note does not fit whole but enough of it does, it is
// split: the rest "spills" to the foot of the next page, under the rule
// and a "continued" label, before any note of that page. No marker may
// follow a split note on its page (its note would land after the spill,
// on the next page), so the page ends there: later notes queue behind the
// spill, and their markers' lines go to the next page with them.

// noteLine is one line of a set note.
type noteLine struct {
	h     Pt
	items []Item // Y relative to the line's top
}

// noteText is a note set into lines, once, when its first marker is
// collected.
type noteText struct {
	num   int
	lines []noteLine
	h     Pt
	label Text // the "continued" label, positioned for a line at y = 0
	used  bool
}

// The note area's spaces may shrink when that keeps a line on its page
// with its notes, as TeX's \skip\footins (plain TeX's 12pt minus 4pt):
// without it, a line whose notes overshoot the page by a point or two
// goes over and leaves several empty lines above the notes. The gap above
// the rule keeps two thirds of its height, the space between notes half:
// the notes stay apart, and the body's lines keep their leading.
const (
	noteGapShrink     = 1.0 / 3
	noteSpacingShrink = 1.0 / 2
)

// Minimum lines of a split note left on its first page: one line of a
// note alone above the foot reads as a mistake, so a note splits only if
// two lines stay, unless its marker's line is the first of the page (the
// note cannot do better on any page).
const minNoteSplit = 2

// prepareNotes sets the paragraphs of the notes nums (those not set
// yet) all at once, with setMany, for setNote to assemble.
func (f *flow) prepareNotes(nums []int) {
	var specs []*parSpec
	var owners []int
	for _, num := range nums {
		src, ok := f.src[num]
		if _, done := f.notes[num]; done || !ok || src == nil {
			continue
		}
		for i := range src.Paras {
			number := 0
			if i == 0 {
				number = num
			}
			specs = append(specs, f.spec(&src.Paras[i], number))
			owners = append(owners, num)
		}
		if len(src.Paras) == 0 {
			specs = append(specs, f.spec(emptyNote, num))
			owners = append(owners, num)
		}
	}
	f.noteSet = map[int][]setResult{}
	for i, r := range f.setMany(specs) {
		f.noteSet[owners[i]] = append(f.noteSet[owners[i]], r)
	}
}

// emptyNote is the paragraph of a note with no text: its number alone.
var emptyNote = &Para{Runs: []Run{{Font: Font{Family: "serif"}, Size: 9}}}

// setNotePar is the lines of note num's paragraph i, p (numbered number
// when it is the first): as prepareNotes set them, else set now. The paragraph's warnings join the flow's here, in
// the order a sequential build gives.
func (f *flow) setNotePar(num, i int, p *Para, number int) []parLine {
	if rs := f.noteSet[num]; i < len(rs) {
		f.set.warnings = append(f.set.warnings, rs[i].warnings...)
		return rs[i].lines
	}
	return f.set.setPar(f.spec(p, number))
}

// setNote sets note num into lines, from the paragraphs prepareNotes
// set (or setting them now).
func (f *flow) setNote(num int) {
	if _, ok := f.notes[num]; ok {
		return
	}
	src, ok := f.src[num]
	if !ok || src == nil {
		f.warns = append(f.warns, fmt.Sprintf("layout: warning: note %d is referenced but has no text", num))
		f.notes[num] = &noteText{num: num}
		return
	}
	nt := &noteText{num: num}
	for i := range src.Paras {
		p := &src.Paras[i]
		number := 0
		if i == 0 {
			number = num
		}
		gap := Pt(0)
		if i > 0 {
			gap = src.Paras[i-1].SpaceAfter + p.SpaceBefore
		}
		for j, ln := range f.setNotePar(num, i, p, number) {
			items := ln.items
			h := ln.h
			if j == 0 && gap > 0 {
				for k, it := range items {
					items[k] = shiftItem(it, 0, gap)
				}
				h += gap
			}
			nt.lines = append(nt.lines, noteLine{h: h, items: items})
			nt.h += h
		}
	}
	if len(src.Paras) == 0 {
		// A note with no text still prints its number.
		lines := f.setNotePar(num, 0, emptyNote, num)
		for _, ln := range lines {
			nt.lines = append(nt.lines, noteLine{h: ln.h, items: ln.items})
			nt.h += ln.h
		}
	}
	if f.frame.ContinuedLabel != "" && len(nt.lines) > 0 {
		var r Run
		if len(src.Paras) > 0 {
			r = firstTextRun(src.Paras[0].Runs)
		} else {
			r = firstTextRun(nil)
		}
		font := r.Font
		font.Style = Italic
		h := nt.lines[0].h
		asc, desc := f.m.Ascent(font, r.Size), f.m.Descent(font, r.Size)
		nt.label = Text{X: f.frame.Left, Y: (h-(asc+desc))/2 + asc, Text: f.frame.ContinuedLabel,
			Font: font, Size: r.Size, Color: r.Color, W: f.m.Width(f.frame.ContinuedLabel, font, r.Size)}
	}
	f.notes[num] = nt
}

// labelHeight is the height of the continued label's line.
func (nt *noteText) labelHeight(f *flow) Pt {
	if f.frame.ContinuedLabel == "" || len(nt.lines) == 0 {
		return 0
	}
	return nt.lines[0].h
}

// checkNotesUsed warns of notes given but never referenced: the caller
// numbers notes by reference, so one left over is a bug upstream.
func (f *flow) checkNotesUsed() {
	var unused []int
	for num := range f.src {
		if _, ok := f.notes[num]; !ok {
			unused = append(unused, num)
		}
	}
	slices.Sort(unused)
	for _, num := range unused {
		f.warns = append(f.warns, fmt.Sprintf("layout: warning: note %d is never referenced", num))
	}
}

// placedUnit is a unit on a page at y from the top of the frame.
type placedUnit struct {
	u *unit
	y Pt
}

// placedNote is lines [from, to) of a note on a page; cont when it
// continues from the page before.
type placedNote struct {
	n        *noteText
	from, to int
	cont     bool
}

// pageBuild is a page being filled.
type pageBuild struct {
	units  []placedUnit
	notes  []placedNote
	y      Pt   // body height used
	notesH Pt   // note area height, separator included, at natural spacing
	shrink Pt   // how much notesH may shrink (see noteGapShrink)
	closed bool // a note split here: no more markers on this page
}

// spill is what is left of a split note.
type spill struct {
	n    *noteText
	from int
}

// noteNeed is the height a whole note adds to a page's note area.
func (f *flow) noteNeed(nt *noteText, first bool) Pt {
	h := f.frame.NoteSpacing + nt.h
	if first {
		h += f.frame.NoteGap
	}
	return h
}

// noteShrink is how much of a note's spacing may shrink.
func (f *flow) noteShrink(first bool) Pt {
	z := f.frame.NoteSpacing * noteSpacingShrink
	if first {
		z += f.frame.NoteGap * noteGapShrink
	}
	return z
}

// linesFitting returns how many lines of nt, from line from, fit in room.
func linesFitting(nt *noteText, from int, room Pt) int {
	k := 0
	for i := from; i < len(nt.lines); i++ {
		room -= nt.lines[i].h
		if room < -eps {
			break
		}
		k++
	}
	return k
}

// eps absorbs rounding in height sums.
const eps = 1e-6

// fitPlan is the outcome of trying a chunk of units on a page.
type fitPlan struct {
	ok    bool
	split int // > 0: the chunk's last note keeps this many lines here
}

// fit tries units on pb: all of them, with all their notes whole, or with
// the last note split.
func (f *flow) fit(pb *pageBuild, chunk []unit) fitPlan {
	y := pb.y
	var notes []int
	for i := range chunk {
		if len(pb.units) > 0 || i > 0 {
			y += chunk[i].gapBefore
		}
		y += chunk[i].h
		notes = append(notes, chunk[i].notes...)
	}
	if len(notes) > 0 && pb.closed {
		return fitPlan{}
	}
	nh, shrink := pb.notesH, pb.shrink
	first := len(pb.notes) == 0
	var lastNeed Pt
	for _, num := range notes {
		nt := f.notes[num]
		if len(nt.lines) == 0 || nt.used {
			continue
		}
		lastNeed = f.noteNeed(nt, first)
		nh += lastNeed
		shrink += f.noteShrink(first)
		first = false
	}
	if y+nh-shrink <= f.avail+eps {
		return fitPlan{ok: true}
	}
	if len(notes) == 0 {
		return fitPlan{}
	}
	// Split the last note: it takes the room the rest leaves.
	nt := f.notes[notes[len(notes)-1]]
	if len(nt.lines) < 2 || nt.used {
		return fitPlan{}
	}
	room := f.avail - y - (nh - lastNeed) - (lastNeed - nt.h) + shrink
	k := linesFitting(nt, 0, room)
	least := minNoteSplit
	if len(pb.units) == 0 {
		least = 1
	}
	// Nor a single line alone on the next page, when the note is long
	// enough to leave two on each.
	if rest := len(nt.lines) - minNoteSplit; k > rest && rest >= least {
		k = rest
	}
	if k >= least && k < len(nt.lines) {
		return fitPlan{ok: true, split: k}
	}
	return fitPlan{}
}

// place commits chunk to pb according to plan; it returns the spill of a
// split note, if any.
func (f *flow) place(pb *pageBuild, chunk []unit, plan fitPlan) *spill {
	for i := range chunk {
		u := &chunk[i]
		if len(pb.units) > 0 {
			pb.y += u.gapBefore
		}
		pb.units = append(pb.units, placedUnit{u: u, y: pb.y})
		pb.y += u.h
	}
	var notes []int
	for i := range chunk {
		notes = append(notes, chunk[i].notes...)
	}
	var sp *spill
	for i, num := range notes {
		nt := f.notes[num]
		if len(nt.lines) == 0 || nt.used {
			continue
		}
		nt.used = true
		to := len(nt.lines)
		if plan.split > 0 && i == len(notes)-1 {
			to = plan.split
			sp = &spill{n: nt, from: to}
			pb.closed = true
		}
		f.addNote(pb, placedNote{n: nt, from: 0, to: to})
	}
	return sp
}

// addNote adds lines of a note to pb's note area.
func (f *flow) addNote(pb *pageBuild, pn placedNote) {
	pb.shrink += f.noteShrink(len(pb.notes) == 0)
	if len(pb.notes) == 0 {
		pb.notesH += f.frame.NoteGap
	}
	pb.notesH += f.frame.NoteSpacing
	if pn.cont {
		pb.notesH += pn.n.labelHeight(f)
	}
	for i := pn.from; i < pn.to; i++ {
		pb.notesH += pn.n.lines[i].h
	}
	pb.notes = append(pb.notes, pn)
}

// placeSpill starts a page with the rest of a split note; it returns what
// still does not fit.
func (f *flow) placeSpill(pb *pageBuild, sp *spill) *spill {
	room := f.avail - f.frame.NoteGap - f.frame.NoteSpacing - sp.n.labelHeight(f)
	k := max(linesFitting(sp.n, sp.from, room), 1) // always progress
	to := sp.from + k
	f.addNote(pb, placedNote{n: sp.n, from: sp.from, to: to, cont: true})
	if to < len(sp.n.lines) {
		pb.closed = true
		return &spill{n: sp.n, from: to}
	}
	return nil
}

// distribute fills pages with units. Units that must stay together (a
// paragraph's first two and last two lines, a heading and what follows)
// form a chunk that goes on a page whole or moves to the next one.
func (f *flow) distribute() []*pageBuild {
	var pages []*pageBuild
	var sp *spill
	i := 0
	for i < len(f.units) || sp != nil {
		pb := &pageBuild{}
		if sp != nil {
			sp = f.placeSpill(pb, sp)
		}
		for i < len(f.units) {
			j := i + 1
			for j < len(f.units) && f.units[j].keepWithPrev {
				j++
			}
			chunk := f.units[i:j]
			if plan := f.fit(pb, chunk); plan.ok {
				if s := f.place(pb, chunk, plan); s != nil {
					sp = s
				}
				i = j
				continue
			}
			if len(pb.units) > 0 || len(pb.notes) > 0 {
				// The chunk goes to the next page. Below a spill it will
				// find a page with no spill at all, or a smaller one.
				break
			}
			// The chunk does not fit on an empty page: break it where it
			// must, unit by unit.
			k := i
			for k < j {
				plan := f.fit(pb, f.units[k:k+1])
				if !plan.ok {
					if len(pb.units) > 0 {
						break
					}
					plan = f.force(pb, &f.units[k])
				}
				if s := f.place(pb, f.units[k:k+1], plan); s != nil {
					sp = s
				}
				k++
				if pb.closed {
					break
				}
			}
			i = k
			break
		}
		pages = append(pages, pb)
	}
	return pages
}

// force places a unit that fits on no page: it is reported as an error of
// the input, and placed anyway so the flow goes on.
func (f *flow) force(pb *pageBuild, u *unit) fitPlan {
	label := f.blockLabel(u.block)
	if u.h > f.avail {
		f.errs = append(f.errs, fmt.Errorf("layout: %s is taller (%.2fpt) than the page's text area (%.2fpt)", label, float64(u.h), float64(f.avail)))
	} else {
		f.errs = append(f.errs, fmt.Errorf("layout: %s: a line and the first lines of its notes %v do not fit on an empty page", label, u.notes))
	}
	// Keep as much of the last note as fits, at least one line.
	if len(u.notes) > 0 {
		nt := f.notes[u.notes[len(u.notes)-1]]
		if len(nt.lines) > 1 {
			return fitPlan{ok: true, split: 1}
		}
	}
	return fitPlan{ok: true}
}

// composeNotes sets the note area at the foot of the page: the rule, a
// third of the text width, then the notes.
func (f *flow) composeNotes(pb *pageBuild, pg *Page) {
	if len(pb.notes) == 0 {
		return
	}
	// Shrink the spaces as much as the body needs, evenly.
	gap, spacing := f.frame.NoteGap, f.frame.NoteSpacing
	notesH := pb.notesH
	if over := pb.y + pb.notesH - f.avail; over > eps && pb.shrink > 0 {
		k := min(over/pb.shrink, 1)
		gap -= k * gap * noteGapShrink
		spacing -= k * spacing * noteSpacingShrink
		notesH -= k * pb.shrink
	}
	bottom := f.frame.Size.H - f.frame.Bottom
	top := bottom - notesH
	ruleY := top + gap
	pg.Items = append(pg.Items, Rule{X1: f.frame.Left, Y1: ruleY, X2: f.frame.Left + f.textWidth()/3, Y2: ruleY, Width: 0.5, Color: Black})
	y := ruleY
	for _, pn := range pb.notes {
		y += spacing
		if pn.cont {
			pg.Items = append(pg.Items, Dest{Name: "note-" + strconv.Itoa(pn.n.num) + "-cont", X: f.frame.Left, Y: y})
			if h := pn.n.labelHeight(f); h > 0 {
				pg.Items = append(pg.Items, shiftItem(pn.n.label, 0, y))
				y += h
			}
		}
		for i := pn.from; i < pn.to; i++ {
			ln := &pn.n.lines[i]
			for _, it := range ln.items {
				pg.Items = append(pg.Items, shiftItem(it, 0, y))
			}
			y += ln.h
		}
	}
}
