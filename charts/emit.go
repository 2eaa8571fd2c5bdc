package charts

import (
	"sort"
	"strings"

	"annalist/content"
	"annalist/layout"
)

// This file turns a fitted layoutState into items. Everything here is
// drawing: the decisions (rows, label sides, callouts) were made before.

// rect is an axis-aligned box used for obstacles in arrow routing.
type rect struct{ x0, y0, x1, y1 layout.Pt }

func (r rect) hitsV(x, y0, y1 layout.Pt) bool {
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	return x >= r.x0 && x <= r.x1 && y1 >= r.y0 && y0 <= r.y1
}

func (r rect) hitsH(y, x0, x1 layout.Pt) bool {
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	return y >= r.y0 && y <= r.y1 && x1 >= r.x0 && x0 <= r.x1
}

// placed is where an event's mark landed, for arrows and links.
type placed struct {
	mk       *mark
	top, bot layout.Pt // bar (or diamond) top and bottom
	cy       layout.Pt
}

type emitter struct {
	*layoutState
	c         *canvas
	lanesTop  layout.Pt
	lanesBot  layout.Pt
	laneTops  []layout.Pt
	laneH     []layout.Pt
	obstacles []rect // texts, for arrows: they must cross none
	markRects []rect // marks, with owners, so arrows avoid other marks
	markOwner []string
	at        map[string]placed
	leftmost  bool // the window starts where the whole chart starts
}

func (s *layoutState) emit() *canvas {
	e := &emitter{layoutState: s, c: &canvas{}, at: map[string]placed{}}
	if docFrom, _, ok := Span(s.t.Doc); !ok || s.from <= docFrom {
		e.leftmost = true
	}
	calls := s.callouts()
	if s.t.Anchor != "" {
		e.c.add(kLink, "", layout.Dest{Name: s.t.Anchor, X: s.x, Y: s.y})
	}
	y := s.y
	eraTop := y
	y += s.eraHeight()
	axisTop := y
	y += s.axisHeight()
	e.lanesTop = y
	for i := range s.lanes {
		e.laneTops = append(e.laneTops, y)
		h := s.laneHeight(i, s.rows[i])
		e.laneH = append(e.laneH, h)
		y += h
	}
	lanesBot := y
	e.lanesBot = lanesBot
	e.backgrounds(lanesBot)
	e.erasDraw(eraTop, lanesBot)
	e.breaksDraw(lanesBot)
	e.axisDraw(axisTop, lanesBot)
	e.laneTitles()
	for _, lane := range s.lanes {
		for _, mk := range lane {
			e.event(mk)
		}
	}
	e.relations()
	e.clearLabels()
	y = lanesBot + sectionGap
	s.legendKey = len(calls) > 0
	y = e.legend(y)
	if len(calls) > 0 {
		e.key(y+sectionGap, calls)
	}
	return e.c
}

// clearLabels breaks the vertical lines that run down the lanes (major
// gridlines, an era's dashed edges) where they would cross a label, with
// half a point to spare: a line struck through a word makes it hard to
// read, and on a photocopy a dashed one reads as a stray character.
func (e *emitter) clearLabels() {
	c := e.c
	var items []layout.Item
	var kinds []kind
	var owners []string
	for i, it := range c.items {
		r, ok := it.(layout.Rule)
		if !ok || c.kinds[i] != kGrid || r.X1 != r.X2 || min(r.Y1, r.Y2) < e.lanesTop-0.5 || max(r.Y1, r.Y2) > e.lanesBot+0.5 {
			items, kinds, owners = append(items, it), append(kinds, c.kinds[i]), append(owners, c.owners[i])
			continue
		}
		// The spans of the line that labels cover, in order.
		var cut [][2]layout.Pt
		for _, o := range e.obstacles {
			if r.X1 >= o.x0-1 && r.X1 <= o.x1+1 {
				cut = append(cut, [2]layout.Pt{o.y0 - 0.5, o.y1 + 0.5})
			}
		}
		sort.Slice(cut, func(a, b int) bool { return cut[a][0] < cut[b][0] })
		y, end := min(r.Y1, r.Y2), max(r.Y1, r.Y2)
		for _, k := range append(cut, [2]layout.Pt{end, end}) {
			if k[0] > y+0.5 {
				seg := r
				seg.Y1, seg.Y2 = y, min(k[0], end)
				items, kinds, owners = append(items, seg), append(kinds, kGrid), append(owners, c.owners[i])
			}
			y = max(y, k[1])
			if y >= end {
				break
			}
		}
	}
	c.items, c.kinds, c.owners = items, kinds, owners
}

func (e *emitter) rowTop(ln, row int) layout.Pt {
	return e.laneTops[ln] + lanePad + layout.Pt(row)*(e.rowH+e.gap())
}

// text adds a label and records it as an obstacle.
func (e *emitter) text(owner string, x, baseline layout.Pt, s string, f layout.Font, size layout.Pt, col layout.Color) layout.Pt {
	w := e.m.Width(s, f, size)
	// A label that runs across a break of the scale (a context event's,
	// into the main period) is kept clear of the break's zigzags.
	for _, b := range e.sc.Breaks() {
		x0, x1 := max(x, b.X0-2), min(x+w, b.X1+2)
		if x0 < x1 && baseline > e.lanesTop && baseline < e.lanesBot {
			a := e.m.Ascent(f, size)
			e.c.add(kBackground, "", layout.Rect{X: x0, Y: baseline - a - 0.5, W: x1 - x0, H: a + e.m.Descent(f, size) + 1, Fill: colorp(layout.White)})
		}
	}
	e.c.add(kText, owner, layout.Text{X: x, Y: baseline, Text: s, Font: f, Size: size, Color: col, W: w})
	e.obstacles = append(e.obstacles, rect{x, baseline - e.m.Ascent(f, size), x + w, baseline + e.m.Descent(f, size)})
	return w
}

func (e *emitter) backgrounds(lanesBot layout.Pt) {
	for i := range e.lanes {
		if i%2 == 1 {
			e.c.add(kBackground, "", layout.Rect{X: e.x, Y: e.laneTops[i], W: e.w, H: e.laneH[i], Fill: colorp(gray(242))})
		}
		if i > 0 {
			e.c.add(kGrid, "", layout.Rule{X1: e.x, Y1: e.laneTops[i], X2: e.x + e.w, Y2: e.laneTops[i], Width: 0.3, Color: gray(170)})
		}
	}
	e.c.add(kGrid, "", layout.Rule{X1: e.x, Y1: lanesBot, X2: e.x + e.w, Y2: lanesBot, Width: 0.5, Color: softInk})
}

func (e *emitter) erasDraw(top, lanesBot layout.Pt) {
	lineH := e.smallLine() + 2
	for i, em := range e.eras {
		// A band is filled only where it is alone: overlapping eras
		// filled alike would gray the whole chart and tell nothing, so
		// they keep their dashed edges and the brackets in the header.
		alone := true
		for j, o := range e.eras {
			if j != i && o.x0 < em.x1 && em.x0 < o.x1 {
				alone = false
			}
		}
		if alone {
			e.c.add(kBackground, "", layout.Rect{X: em.x0, Y: e.lanesTop, W: em.x1 - em.x0, H: lanesBot - e.lanesTop, Fill: colorp(gray(232))})
		}
		for _, x := range []layout.Pt{em.x0, em.x1} {
			if x > e.sc.X0+0.5 && x < e.sc.X1-0.5 {
				e.c.add(kGrid, "", layout.Rule{X1: x, Y1: e.lanesTop, X2: x, Y2: lanesBot, Width: 0.4, Color: gray(120), Dash: []layout.Pt{2, 2}})
			}
		}
		rowTop := top + layout.Pt(em.row)*lineH
		base := rowTop + e.m.Ascent(sans, smallSize)
		e.text("", em.tx, base, em.title, sans, smallSize, ink)
		// A bracket under the title shows the era's extent in the header.
		by := rowTop + lineH - 0.5
		e.c.add(kGrid, "", layout.Rule{X1: em.x0, Y1: by, X2: em.x1, Y2: by, Width: 0.5, Color: softInk})
		for _, x := range []layout.Pt{em.x0, em.x1} {
			e.c.add(kGrid, "", layout.Rule{X1: x, Y1: by - 1.5, X2: x, Y2: by, Width: 0.5, Color: softInk})
		}
	}
}

func (e *emitter) axisDraw(top, lanesBot layout.Pt) {
	axisY := e.lanesTop
	row := top
	if len(e.axis.Context) > 0 {
		base := row + e.asc + 1.5
		for _, l := range e.axis.Context {
			e.text("", l.X, base, l.Label, sansBold, e.labelSize, ink)
		}
		row += e.rowH
	}
	base := row + e.asc + 1.5
	for _, t := range e.axis.Ticks {
		if t.Label != "" {
			f := sans
			if t.Strong {
				f = sansBold
			}
			e.text("", t.X+2, base, t.Label, f, e.labelSize, ink)
		}
		w := layout.Pt(0.4)
		if t.Major {
			w = 0.7
			e.c.add(kGrid, "", layout.Rule{X1: t.X, Y1: axisY, X2: t.X, Y2: lanesBot, Width: 0.3, Color: gray(190)})
		}
		e.c.add(kGrid, "", layout.Rule{X1: t.X, Y1: axisY - tickLen, X2: t.X, Y2: axisY, Width: w, Color: ink})
	}
	for _, g := range e.sc.Segments() {
		e.c.add(kGrid, "", layout.Rule{X1: g.X0, Y1: axisY, X2: g.X1, Y2: axisY, Width: 0.6, Color: ink})
	}
	// A break in the axis: the line stops, and a slash at each end of
	// the gap says the scale changes there.
	for _, b := range e.sc.Breaks() {
		for _, x := range []layout.Pt{b.X0, b.X1} {
			e.c.add(kGrid, "", layout.Rule{X1: x - 1.8, Y1: axisY + 2.5, X2: x + 1.8, Y2: axisY - 2.5, Width: 0.7, Color: ink})
		}
	}
}

// breaksDraw blanks the lanes at each break of a broken scale, between
// two zigzag edges, so no gridline or band runs on as if time were
// continuous there. Marks are drawn later; bars that cross a break are
// cut at its edges (drawMark).
func (e *emitter) breaksDraw(lanesBot layout.Pt) {
	for _, b := range e.sc.Breaks() {
		e.c.add(kBackground, breakOwner, layout.Rect{X: b.X0, Y: e.lanesTop, W: b.X1 - b.X0, H: lanesBot - e.lanesTop, Fill: colorp(layout.White)})
		for _, x := range []layout.Pt{b.X0, b.X1} {
			ops := []layout.PathOp{{Op: 'M', Pts: []layout.Pt{x, e.lanesTop}}}
			const step, amp = 3, 1.2
			k := 0
			for y := e.lanesTop + step; y < lanesBot; y += step {
				k++
				dx := layout.Pt(amp)
				if k%2 == 0 {
					dx = -amp
				}
				ops = append(ops, layout.PathOp{Op: 'L', Pts: []layout.Pt{x + dx, y}})
			}
			ops = append(ops, layout.PathOp{Op: 'L', Pts: []layout.Pt{x, lanesBot}})
			e.c.add(kGrid, breakOwner, layout.Path{Ops: ops, Stroke: colorp(gray(110)), StrokeWidth: 0.5})
		}
	}
}

// breakOwner owns a scale break's items, so that the invariant checks
// can tell the break from other backgrounds: no label crosses it.
const breakOwner = "scale-break"

func (e *emitter) laneTitles() {
	lineH := e.m.Ascent(sansBold, e.titleSize) + e.m.Descent(sansBold, e.titleSize) + 1
	for i, lines := range e.titles {
		top := e.laneTops[i] + lanePad
		sw := e.styles[i]
		sh := e.barH * 0.8
		e.c.add(kMark, "", e.styleRect(sw, e.x+1, top+(lineH-sh)/2, swatchW-2, sh, false))
		for k, l := range lines {
			base := top + layout.Pt(k)*lineH + e.m.Ascent(sansBold, e.titleSize)
			e.text("", e.x+swatchW+2, base, l, sansBold, e.titleSize, ink)
		}
	}
}

// styleRect is a bar in a track's style.
func (e *emitter) styleRect(st TrackStyle, x, y, w, h layout.Pt, dashed bool) layout.Rect {
	r := layout.Rect{X: x, Y: y, W: w, H: h, Fill: colorp(st.Fill), Stroke: colorp(st.Stroke), StrokeWidth: 0.6}
	switch st.Pattern {
	case "solid", "outline", "":
	default:
		r.Hatch = st.Pattern
		r.HatchColor = st.Stroke
	}
	if st.Pattern == "outline" {
		r.StrokeWidth = 1.2
	}
	if dashed {
		r.Dash = []layout.Pt{2.5, 1.5}
	}
	return r
}

func (e *emitter) styleFor(mk *mark) TrackStyle {
	st := e.styles[mk.lane]
	if mk.ev != nil && mk.ev.Context {
		// Context events, before or after the main period, are drawn
		// lighter so the eye goes to the main story first.
		st.Fill = withLuma(st.Fill, min(250, Luma(st.Fill)+30))
		st.Stroke = gray(120)
	}
	return st
}

func dashOf(b bool) []layout.Pt {
	if b {
		return []layout.Pt{2.5, 1.5}
	}
	return nil
}

// drawMark draws a mark's shape (not its labels) with its bar centred on
// cy; it is shared by the events and the legend's samples.
func (e *emitter) drawMark(owner string, mk *mark, st TrackStyle, cy layout.Pt) {
	c := e.c
	top, bot := cy-e.barH/2, cy+e.barH/2
	stroke := st.Stroke
	for _, w := range mk.whisk {
		// The thin line with end ticks: known only to this month or year.
		// A date that is nothing but such a range has a heavier line, so
		// it holds its own beside diamonds and bars.
		lw := layout.Pt(0.9)
		if mk.coarse {
			lw = 1.4
		}
		c.add(kMark, owner, layout.Rule{X1: w.Lo, Y1: cy, X2: w.Hi, Y2: cy, Width: lw, Color: stroke, Dash: dashOf(mk.dashed)})
		for _, x := range []layout.Pt{w.Lo, w.Hi} {
			c.add(kMark, owner, layout.Rule{X1: x, Y1: top + 0.5, X2: x, Y2: bot - 0.5, Width: lw, Color: stroke})
		}
	}
	if mk.point {
		// A lead towards an open or unknown other end: a dotted line with
		// an arrowhead, solid for open (".."), outlined for unknown, short
		// enough that it cannot be read as a duration.
		lead := func(from, dir layout.Pt, unknown bool) {
			// Cut to the mark's extent, which stays in the box.
			tip := min(max(from+dir*leadLen, mk.lo), mk.hi)
			c.add(kMark, owner, layout.Rule{X1: from, Y1: cy, X2: tip - dir*arrowLen, Y2: cy, Width: 0.9, Color: stroke, Dash: []layout.Pt{1, 1.5}})
			p := layout.Path{Ops: []layout.PathOp{
				{Op: 'M', Pts: []layout.Pt{tip - dir*arrowLen, cy - 2.5}}, {Op: 'L', Pts: []layout.Pt{tip, cy}},
				{Op: 'L', Pts: []layout.Pt{tip - dir*arrowLen, cy + 2.5}}, {Op: 'Z'},
			}, Stroke: colorp(stroke), StrokeWidth: 0.7, Fill: colorp(stroke)}
			if unknown {
				p.Fill = colorp(layout.White)
			}
			c.add(kMark, owner, p)
		}
		l0, l1 := mk.px-diamondW, mk.px+diamondW
		if mk.coarse && len(mk.whisk) > 0 {
			l0, l1 = mk.whisk[0].Lo, mk.whisk[0].Hi
		}
		if mk.leadL {
			lead(l0, -1, mk.unknL)
		}
		if mk.leadR {
			lead(l1, 1, mk.unknR)
		}
		dh := e.barH/2 + 1
		px := mk.px
		if !mk.coarse {
			c.add(kMark, owner, layout.Path{Ops: []layout.PathOp{
				{Op: 'M', Pts: []layout.Pt{px - diamondW, cy}}, {Op: 'L', Pts: []layout.Pt{px, cy - dh}},
				{Op: 'L', Pts: []layout.Pt{px + diamondW, cy}}, {Op: 'L', Pts: []layout.Pt{px, cy + dh}}, {Op: 'Z'},
			}, Fill: colorp(st.Fill), Stroke: colorp(stroke), StrokeWidth: 0.8, Dash: dashOf(mk.dashed)})
		}
		if mk.taperL {
			// Approximate: spikes that taper away from the diamond (or
			// from the ends of a coarse date's range).
			for _, sgn := range []layout.Pt{-1, 1} {
				x0 := px + sgn*diamondW
				if mk.coarse && len(mk.whisk) > 0 {
					x0 = mk.whisk[0].Lo
					if sgn > 0 {
						x0 = mk.whisk[0].Hi
					}
				}
				// At the window's edge the spike is cut to the mark's
				// extent, which stays in the box.
				tip := min(max(x0+sgn*taperLen, mk.lo), mk.hi)
				c.add(kMark, owner, layout.Path{Ops: []layout.PathOp{
					{Op: 'M', Pts: []layout.Pt{x0, cy - 1.5}}, {Op: 'L', Pts: []layout.Pt{tip, cy}},
					{Op: 'L', Pts: []layout.Pt{x0, cy + 1.5}}, {Op: 'Z'},
				}, Fill: colorp(stroke)})
			}
		}
		return
	}
	b0, b1 := mk.bx0, mk.bx1
	if b1 <= b0 {
		return
	}
	if mk.cluster != nil {
		// A summary: an open box over the cluster's time, a tick at
		// each of its events, so the reader sees how they fall.
		c.add(kMark, owner, layout.Rect{X: b0, Y: top, W: b1 - b0, H: e.barH, Fill: colorp(layout.White), Stroke: colorp(stroke), StrokeWidth: 0.8})
		for _, x := range mk.rug {
			x = min(max(x, b0+1), b1-1)
			c.add(kMark, owner, layout.Rule{X1: x, Y1: top + 1.2, X2: x, Y2: bot - 1.2, Width: 0.7, Color: stroke})
		}
		return
	}
	tl, tr := layout.Pt(0), layout.Pt(0)
	room := (b1 - b0) / 3
	if mk.taperL {
		tl = min(taperLen, room)
	}
	if mk.taperR {
		tr = min(taperLen, room)
	}
	// A bar across a break of the scale is cut at the break's edges,
	// with a double slash between the pieces, as on the axis.
	x0, x1 := b0+tl, b1-tr
	dashed := mk.dashed
	for _, br := range e.sc.Breaks() {
		if br.X0 <= x0 || br.X0 >= x1 {
			continue
		}
		c.add(kMark, owner, e.styleRect(st, x0, top, br.X0-x0, e.barH, dashed))
		mid := (br.X0 + br.X1) / 2
		for _, dx := range []layout.Pt{-1.5, 1.5} {
			c.add(kMark, owner, layout.Rule{X1: mid + dx - 1.5, Y1: bot, X2: mid + dx + 1.5, Y2: top, Width: 0.8, Color: stroke})
		}
		x0 = br.X1
	}
	if x1 > x0 {
		c.add(kMark, owner, e.styleRect(st, x0, top, x1-x0, e.barH, dashed))
	}
	taper := func(xBase, xTip layout.Pt) {
		c.add(kMark, owner, layout.Path{Ops: []layout.PathOp{
			{Op: 'M', Pts: []layout.Pt{xBase, top}}, {Op: 'L', Pts: []layout.Pt{xTip, cy}},
			{Op: 'L', Pts: []layout.Pt{xBase, bot}}, {Op: 'Z'},
		}, Fill: colorp(st.Fill), Stroke: colorp(stroke), StrokeWidth: 0.6, Dash: dashOf(mk.dashed)})
	}
	if tl > 0 {
		taper(b0+tl, b0)
	}
	if tr > 0 {
		taper(b1-tr, b1)
	}
	chevrons := func(x, dir layout.Pt) {
		// Two chevrons at the window's edge: the bar goes on, on the
		// previous or next page. A white underlay keeps them visible on
		// any hatch.
		for k := 0; k < 2; k++ {
			xx := x + dir*layout.Pt(k)*3
			ops := []layout.PathOp{
				{Op: 'M', Pts: []layout.Pt{xx - dir*2.5, top + 1}}, {Op: 'L', Pts: []layout.Pt{xx, cy}},
				{Op: 'L', Pts: []layout.Pt{xx - dir*2.5, bot - 1}},
			}
			c.add(kMark, owner, layout.Path{Ops: ops, Stroke: colorp(layout.White), StrokeWidth: 2})
			c.add(kMark, owner, layout.Path{Ops: ops, Stroke: colorp(ink), StrokeWidth: 0.8})
		}
	}
	if mk.contL {
		chevrons(b0+4.5, -1)
	}
	if mk.contR {
		chevrons(b1-4.5, 1)
	}
}

// event draws one event: mark, version ticks, label or callout number,
// link and destination.
func (e *emitter) event(mk *mark) {
	id := mk.ev.ID
	top := e.rowTop(mk.lane, mk.row)
	cy := top + e.rowH/2
	st := e.styleFor(mk)
	e.drawMark(id, mk, st, cy)
	e.markRects = append(e.markRects, rect{mk.lo, cy - e.barH/2 - 1.5, mk.hi, cy + e.barH/2 + 1.5})
	e.markOwner = append(e.markOwner, id)
	base := top + (e.rowH-(e.asc+e.desc))/2 + e.asc
	col := ink
	if mk.ev.Context {
		col = softInk
	}
	switch mk.mode {
	case labelInside, shortInside, calloutInside:
		in0, _, _ := mk.inner()
		lx := in0 + insidePad
		if mk.taperL || mk.contL {
			lx += taperLen + 1
		}
		s, f, size := mk.label, sans, e.labelSize
		if mk.mode == shortInside {
			s = mk.short
		}
		if mk.mode == calloutInside {
			s, f, size = calloutText(mk), sans, smallSize
			mid := (mk.bx0 + mk.bx1) / 2
			if mk.bx1 <= mk.bx0 {
				mid = (mk.lo + mk.hi) / 2 // a whisker across the window
			}
			lx = mid - e.m.Width(s, f, size)/2
		}
		w := e.m.Width(s, f, size)
		e.c.add(kKnock, id, layout.Rect{X: lx - 1, Y: base - e.m.Ascent(f, size) - 0.5, W: w + 2, H: e.m.Ascent(f, size) + e.m.Descent(f, size) + 1, Fill: colorp(layout.White)})
		// The bar's outline over the white window, so the bar still
		// reads as one bar from start to end.
		if mk.bx1 > mk.bx0 {
			e.c.add(kMark, id, layout.Rect{X: mk.bx0, Y: cy - e.barH/2, W: mk.bx1 - mk.bx0, H: e.barH, Stroke: colorp(st.Stroke), StrokeWidth: 0.6, Dash: dashOf(mk.dashed)})
		}
		e.text(id, lx, base, s, f, size, col)
	case labelRight:
		e.text(id, mk.hi+labelGap, base, mk.label, sans, e.labelSize, col)
	case labelLeft:
		e.text(id, mk.lo-labelGap-mk.labelW, base, mk.label, sans, e.labelSize, col)
	case shortRight:
		e.text(id, mk.hi+labelGap, base, mk.short, sans, e.labelSize, col)
	case shortLeft:
		e.text(id, mk.lo-labelGap-mk.shortW, base, mk.short, sans, e.labelSize, col)
	case calloutRight:
		e.text(id, mk.hi+2, base, calloutText(mk), sans, smallSize, col)
	case calloutLeft:
		w := e.m.Width(calloutText(mk), sans, smallSize)
		e.text(id, mk.lo-2-w, base, calloutText(mk), sans, smallSize, col)
	}
	if mk.vlabel != "" {
		// A version's tick away from its event's mark is joined to it by
		// a dotted line at the mark's height, so that no tick stands
		// alone (the row was kept clear between them).
		c0, c1 := mk.bx0, mk.bx1
		if mk.point {
			c0, c1 = mk.px-diamondW, mk.px+diamondW
			if mk.coarse && len(mk.whisk) > 0 {
				c0, c1 = mk.whisk[0].Lo, mk.whisk[0].Hi
			}
		}
		for _, x := range mk.vticks {
			switch {
			case x > c1+1:
				e.c.add(kMark, id, layout.Rule{X1: c1, Y1: cy, X2: x, Y2: cy, Width: 0.6, Color: ink, Dash: []layout.Pt{1, 1.5}})
			case x < c0-1:
				e.c.add(kMark, id, layout.Rule{X1: x, Y1: cy, X2: c0, Y2: cy, Width: 0.6, Color: ink, Dash: []layout.Pt{1, 1.5}})
			}
		}
	}
	if mk.vlabel != "" && mk.mode.callout() {
		// The dates are in the key; their ticks cross the bar only.
		for _, x := range mk.vticks {
			e.c.add(kMark, id, layout.Rule{X1: x, Y1: cy - e.barH/2 - 1.5, X2: x, Y2: cy + e.barH/2 + 1.5, Width: 0.9, Color: ink})
		}
	} else if mk.vlabel != "" {
		vtop := e.rowTop(mk.lane, mk.row+1)
		vbase := vtop + e.m.Ascent(sans, smallSize) + 0.5
		for _, x := range mk.vticks {
			e.c.add(kMark, id, layout.Rule{X1: x, Y1: cy - e.barH/2 - 1.5, X2: x, Y2: vtop + 0.5, Width: 0.9, Color: ink})
		}
		e.text(id, mk.vx, vbase, mk.vlabel, sans, smallSize, col)
	}
	e.at[id] = placed{mk: mk, top: cy - e.barH/2, bot: cy + e.barH/2, cy: cy}
	if d := linkDest(mk); d != "" {
		e.c.add(kLink, id, layout.Link{X: mk.lo, Y: top, W: mk.hi - mk.lo, H: e.rowH, Dest: d})
	}
	// One destination per event across the blocks of a split chart: in
	// the window where the event starts (an open start counts as the
	// first window). A summary is the destination of each of its
	// events: the main chart is where the narrative's links land.
	if e.t.Dests && !mk.contL && !mk.early {
		if mk.cluster == nil {
			e.c.add(kLink, id, layout.Dest{Name: "chart-" + id, X: mk.lo, Y: top})
		}
		for _, ev := range mk.cluster {
			e.c.add(kLink, id, layout.Dest{Name: "chart-" + ev.ID, X: mk.lo, Y: top})
		}
	}
}

// linkDest is where a click on a mark goes: the event's entry in the
// chronology, or a summary's detail figure.
func linkDest(mk *mark) string {
	if mk.cluster != nil {
		return mk.figure // "" for a keyed summary: its key lines link
	}
	return "event-" + mk.ev.ID
}

// calloutText is the number printed for a callout: a keyed summary's
// is the range of its events' numbers.
func calloutText(mk *mark) string {
	if mk.members != nil {
		return keyName(mk.first) + "–" + keyName(mk.callout)
	}
	return keyName(mk.callout)
}

// keyName is the name of the nth entry of the key (from 1): A to Z, then
// AA, AB and so on. Letters, so that a key entry cannot be taken for a
// note number ([12]) or a day of the month beside a mark.
func keyName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// keyNameWidth is the width of the widest of the first n key names.
func keyNameWidth(n int, m layout.Measurer) layout.Pt {
	if n > 26 {
		return m.Width(strings.Repeat("W", len(keyName(n))), sans, smallSize)
	}
	var w layout.Pt
	for i := 1; i <= max(n, 1); i++ {
		w = max(w, m.Width(keyName(i), sans, smallSize))
	}
	return w
}

// channels are the y of the gaps between rows and lanes: relations run
// along them, where no label is.
func (e *emitter) channels() []layout.Pt {
	var ys []layout.Pt
	for ln := range e.lanes {
		ys = append(ys, e.laneTops[ln]+lanePad/2)
		for r := 0; r+1 < e.rows[ln]; r++ {
			ys = append(ys, e.rowTop(ln, r)+e.rowH+e.gap()/2)
		}
		ys = append(ys, e.laneTops[ln]+e.laneH[ln]-lanePad/2)
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	return ys
}

// relations draws an arrow for every Event.Related whose both ends are
// on the chart, routed orthogonally: down (or up) from the source mark
// into a channel, along it, and into the target mark, crossing no label
// and no other mark. A relation with no such route is left out, with a
// warning.
func (e *emitter) relations() {
	chans := e.channels()
	drawn := map[[2]string]bool{}
	for _, lane := range e.lanes {
		for _, mk := range lane {
			for _, rel := range mk.ev.Related {
				src, ok1 := e.at[mk.ev.ID]
				dst, ok2 := e.at[rel.Event]
				if rel.Kind == "follows" {
					// "a follows b": the arrow runs from b to a, in time.
					src, dst = dst, src
				}
				if !ok1 || !ok2 || rel.Event == mk.ev.ID {
					continue
				}
				// Two relations between the same events the same way
				// ("a causes b" on a, "b follows a" on b) are one arrow,
				// not two drawn over each other.
				pair := [2]string{src.mk.ev.ID, dst.mk.ev.ID}
				if drawn[pair] {
					continue
				}
				drawn[pair] = true
				if !e.route(src, dst, chans) {
					// Said where the relation is written, when it is.
					w := "the arrow from " + mk.ev.ID + " to " + rel.Event + " is not drawn: every way between them on the chart would cross a label"
					if rel.Pos.File != "" {
						w = rel.Pos.String() + ": warning: " + w
					}
					e.t.Warnings = append(e.t.Warnings, w)
				}
			}
		}
	}
}

func samples(p placed) []layout.Pt {
	if p.mk.point {
		return []layout.Pt{p.mk.px}
	}
	b0, b1 := p.mk.bx0, p.mk.bx1
	if b1 <= b0 {
		b0, b1 = p.mk.lo, p.mk.hi
	}
	var xs []layout.Pt
	for k := 0; k <= 6; k++ {
		xs = append(xs, b0+1.5+(b1-b0-3)*layout.Pt(k)/6)
	}
	// Centre first: a route from the middle reads best.
	xs[0], xs[3] = xs[3], xs[0]
	return xs
}

func (e *emitter) route(src, dst placed, chans []layout.Pt) bool {
	// A way over no mark; failing that (a long bar lies between the
	// two, as a republic's bar lies between its events), a way over
	// marks but still across no label, drawn on a white casing so that
	// it reads over the bar.
	return e.routeOver(src, dst, chans, false) || e.routeOver(src, dst, chans, true)
}

func (e *emitter) routeOver(src, dst placed, chans []layout.Pt, overMarks bool) bool {
	blocked := func(x, y0, y1 layout.Pt, vertical bool, skip ...string) bool {
		for _, o := range e.obstacles {
			if (vertical && o.hitsV(x, y0, y1)) || (!vertical && o.hitsH(x, y0, y1)) {
				return true
			}
		}
		if overMarks {
			return false
		}
		for i, o := range e.markRects {
			own := e.markOwner[i]
			if own == src.mk.ev.ID || own == dst.mk.ev.ID {
				continue
			}
			if (vertical && o.hitsV(x, y0, y1)) || (!vertical && o.hitsH(x, y0, y1)) {
				return true
			}
		}
		return false
	}
	best := layout.Pt(-1)
	var bestOps []layout.Pt // xs, ys, c, xt, yt
	for _, c := range chans {
		var ys, yt layout.Pt
		switch {
		case dst.cy > src.cy+0.1:
			ys, yt = src.bot, dst.top-1
			if c < ys || c > yt {
				continue
			}
		case dst.cy < src.cy-0.1:
			ys, yt = src.top, dst.bot+1
			if c > ys || c < yt {
				continue
			}
		default: // the same row: out and back through a gap of the lane
			ln := src.mk.lane
			laneTop, laneBot := e.laneTops[ln], e.laneTops[ln]+e.laneH[ln]
			switch {
			case c > src.bot && c < laneBot:
				ys, yt = src.bot, dst.bot+1
			case c < src.top && c > laneTop:
				ys, yt = src.top, dst.top-1
			default:
				continue
			}
		}
		for _, xs := range samples(src) {
			if blocked(xs, ys, c, true) {
				continue
			}
			for _, xt := range samples(dst) {
				if blocked(xt, c, yt, true) || blocked(c, xs, xt, false) {
					continue
				}
				l := abs(c-ys) + abs(xt-xs) + abs(yt-c)
				if best < 0 || l < best {
					best = l
					bestOps = []layout.Pt{xs, ys, c, xt, yt}
				}
			}
		}
	}
	var pts []layout.Pt // x,y pairs; the last is the arrow's tip
	if best >= 0 {
		xs, ys, c, xt, yt := bestOps[0], bestOps[1], bestOps[2], bestOps[3], bestOps[4]
		pts = []layout.Pt{xs, ys, xs, c, xt, c, xt, yt}
	} else if pts = e.jog(src, dst, chans, blocked); pts == nil {
		return false
	}
	e.arrow(src.mk.ev.ID, dst.mk.ev.ID, pts, overMarks)
	return true
}

// jog is the fallback route when no straight drop works (a column of
// labels stands between the two marks): into the channel next to the
// source, along it to a free vertical corridor, through the rows to the
// channel next to the target, along that, and into the target. Five legs,
// still orthogonal, still crossing no label.
func (e *emitter) jog(src, dst placed, chans []layout.Pt, blocked func(x, y0, y1 layout.Pt, vertical bool, skip ...string) bool) []layout.Pt {
	near := func(y layout.Pt, below bool) (layout.Pt, bool) {
		best, ok := layout.Pt(0), false
		for _, c := range chans {
			if below && c > y && (!ok || c < best) {
				best, ok = c, true
			}
			if !below && c < y && (!ok || c > best) {
				best, ok = c, true
			}
		}
		return best, ok
	}
	type leg struct{ c, y layout.Pt }
	var starts, ends []leg
	if c, ok := near(src.bot, true); ok {
		starts = append(starts, leg{c, src.bot})
	}
	if c, ok := near(src.top, false); ok {
		starts = append(starts, leg{c, src.top})
	}
	if c, ok := near(dst.top, false); ok {
		ends = append(ends, leg{c, dst.top - 1})
	}
	if c, ok := near(dst.bot, true); ok {
		ends = append(ends, leg{c, dst.bot + 1})
	}
	bestLen := layout.Pt(-1)
	var best []layout.Pt
	for _, s := range starts {
		for _, t := range ends {
			// The free corridors between the two channels, every 2 pt.
			var free []layout.Pt
			for xm := e.sc.X0 + 1; xm <= e.sc.X1-1; xm += 2 {
				if !blocked(xm, s.c, t.c, true) {
					free = append(free, xm)
				}
			}
			if len(free) == 0 {
				continue
			}
			for _, xs := range samples(src) {
				if blocked(xs, s.y, s.c, true) {
					continue
				}
				for _, xt := range samples(dst) {
					if blocked(xt, t.c, t.y, true) {
						continue
					}
					for _, xm := range free {
						// A detour of more than a fifth of the plot's
						// width reads as a different relation: omit it.
						if abs(xm-xs)+abs(xt-xm) > abs(xt-xs)+(e.sc.X1-e.sc.X0)/5 {
							continue
						}
						l := abs(s.c-s.y) + abs(xm-xs) + abs(t.c-s.c) + abs(xt-xm) + abs(t.y-t.c)
						if bestLen >= 0 && l >= bestLen {
							continue
						}
						if blocked(s.c, xs, xm, false) || blocked(t.c, xm, xt, false) {
							continue
						}
						bestLen = l
						best = []layout.Pt{xs, s.y, xs, s.c, xm, s.c, xm, t.c, xt, t.c, xt, t.y}
					}
				}
			}
		}
	}
	return best
}

// arrow draws a relation along pts (x,y pairs), its head at the last
// point, pointing along the last (vertical) leg.
func (e *emitter) arrow(from, to string, pts []layout.Pt, cased bool) {
	n := len(pts)
	xt, yt, cy := pts[n-2], pts[n-1], pts[n-3]
	dir := layout.Pt(1)
	if yt < cy {
		dir = -1
	}
	// The head is 3 pt long, or as long as the last leg when the channel
	// runs close by the target.
	head := min(3, abs(yt-cy))
	ops := []layout.PathOp{{Op: 'M', Pts: []layout.Pt{pts[0], pts[1]}}}
	for i := 2; i+2 < n; i += 2 {
		ops = append(ops, layout.PathOp{Op: 'L', Pts: []layout.Pt{pts[i], pts[i+1]}})
	}
	ops = append(ops, layout.PathOp{Op: 'L', Pts: []layout.Pt{xt, yt - dir*head}})
	if cased {
		e.c.add(kArrow, from, layout.Path{Ops: ops, Stroke: colorp(layout.White), StrokeWidth: 2})
	}
	e.c.add(kArrow, from, layout.Path{Ops: ops, Stroke: colorp(softInk), StrokeWidth: 0.6})
	e.c.add(kMark, to, layout.Path{Ops: []layout.PathOp{
		{Op: 'M', Pts: []layout.Pt{xt - 1.8, yt - dir*head}}, {Op: 'L', Pts: []layout.Pt{xt, yt}},
		{Op: 'L', Pts: []layout.Pt{xt + 1.8, yt - dir*head}}, {Op: 'Z'},
	}, Fill: colorp(softInk)})
}

func abs(p layout.Pt) layout.Pt {
	if p < 0 {
		return -p
	}
	return p
}

// legendEntry is one sample and its explanation.
type legendEntry struct {
	sample func(e *emitter, x, cy layout.Pt)
	text   string
}

// legendEntries lists the conventions this chart uses, each with a drawn
// sample, so the chart explains itself on paper.
func (s *layoutState) legendEntries() []legendEntry {
	var has struct {
		point, taper, dashed, whisk, coarse, open, unknown, cont, versions, related, eras, context, breaks, summary, keyed bool
	}
	has.breaks = len(s.sc.Breaks()) > 0
	onChart := map[string]bool{}
	for _, lane := range s.lanes {
		for _, mk := range lane {
			onChart[mk.ev.ID] = true
		}
	}
	for _, lane := range s.lanes {
		for _, mk := range lane {
			has.point = has.point || mk.point && !mk.coarse
			has.taper = has.taper || mk.taperL || mk.taperR
			has.dashed = has.dashed || mk.dashed
			has.whisk = has.whisk || len(mk.whisk) > 0
			has.open = has.open || (mk.leadL && !mk.unknL) || (mk.leadR && !mk.unknR)
			has.unknown = has.unknown || mk.unknL || mk.unknR
			has.coarse = has.coarse || mk.coarse
			has.cont = has.cont || mk.contL || mk.contR
			has.versions = has.versions || mk.vlabel != ""
			has.context = has.context || mk.ev.Context
			has.summary = has.summary || mk.cluster != nil && mk.members == nil
			has.keyed = has.keyed || mk.members != nil
			for _, r := range mk.ev.Related {
				has.related = has.related || onChart[r.Event]
			}
		}
	}
	has.eras = len(s.eras) > 0
	neutral := TrackStyle{Pattern: "solid", Fill: gray(200), Stroke: gray(40)}
	bar := func(mod func(*mark)) func(e *emitter, x, cy layout.Pt) {
		return func(e *emitter, x, cy layout.Pt) {
			mk := &mark{bx0: x, bx1: x + sampleW, lo: x, hi: x + sampleW}
			mod(mk)
			e.drawMark("", mk, neutral, cy)
		}
	}
	var out []legendEntry
	if has.point {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			e.drawMark("", &mark{point: true, px: x + sampleW/2}, neutral, cy)
		}, "a single date"})
	}
	if has.coarse {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			e.drawMark("", &mark{point: true, coarse: true, px: x + sampleW/2, whisk: []span{{x + 2, x + sampleW - 2}}}, neutral, cy)
		}, "month, season or year only: its whole range"})
	}
	if has.whisk && !has.coarse {
		out = append(out, legendEntry{bar(func(mk *mark) {
			mk.bx1 = mk.bx0 + sampleW - 7
			mk.whisk = []span{{mk.bx1, mk.bx1 + 7}}
		}), "an end known only to the month or year: its whole range"})
	}
	if has.taper {
		out = append(out, legendEntry{bar(func(mk *mark) { mk.taperR = true }), "approximate date (~)"})
	}
	if has.dashed {
		out = append(out, legendEntry{bar(func(mk *mark) { mk.dashed = true }), "uncertain date (?)"})
	}
	// A lead sample: the dated end as a diamond, the lead to the left
	// (the usual case in a handout: "by 16 November 1920").
	leadSample := func(unknown bool) func(e *emitter, x, cy layout.Pt) {
		return func(e *emitter, x, cy layout.Pt) {
			px := x + sampleW - diamondW
			e.drawMark("", &mark{point: true, px: px, leadL: true, unknL: unknown, lo: x, hi: px + diamondW}, neutral, cy)
		}
	}
	if has.open {
		out = append(out, legendEntry{leadSample(false), "one end open (..)"})
	}
	if has.unknown {
		out = append(out, legendEntry{leadSample(true), "one end unknown"})
	}
	if has.cont {
		out = append(out, legendEntry{bar(func(mk *mark) { mk.contR = true }), "continues beyond this window"})
	}
	if has.versions {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			e.drawMark("", &mark{bx0: x, bx1: x + sampleW - 5}, neutral, cy)
			e.c.add(kMark, "", layout.Rule{X1: x + sampleW - 2, Y1: cy - e.barH/2 - 1.5, X2: x + sampleW - 2, Y2: cy + e.barH/2 + 1.5, Width: 0.9, Color: ink})
		}, "sources disagree: each date with its note [n]"})
	}
	if has.related {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			e.c.add(kMark, "", layout.Path{Ops: []layout.PathOp{
				{Op: 'M', Pts: []layout.Pt{x, cy}}, {Op: 'L', Pts: []layout.Pt{x + sampleW - 3, cy}},
			}, Stroke: colorp(softInk), StrokeWidth: 0.6})
			e.c.add(kMark, "", layout.Path{Ops: []layout.PathOp{
				{Op: 'M', Pts: []layout.Pt{x + sampleW - 3, cy - 1.8}}, {Op: 'L', Pts: []layout.Pt{x + sampleW, cy}},
				{Op: 'L', Pts: []layout.Pt{x + sampleW - 3, cy + 1.8}}, {Op: 'Z'},
			}, Fill: colorp(softInk)})
		}, "related events"})
	}
	if has.context {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			// A context mark as the chart draws one: a lane's own fill
			// and pattern, lighter, with a gray outline. A plain gray
			// swatch would read as the gray band behind every other lane.
			light := neutral
			if len(e.styles) > 0 {
				light = e.styleFor(&mark{ev: &content.Event{Context: true}})
			}
			e.drawMark("", &mark{bx0: x, bx1: x + sampleW}, light, cy)
		}, "context, outside the main period"})
	}
	if has.summary {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			e.drawMark("", &mark{bx0: x, bx1: x + sampleW, cluster: []*content.Event{nil}, rug: []layout.Pt{x + 3, x + 6, x + 13}}, neutral, cy)
		}, "several events (ticks): see the detail figure"})
	}
	if has.keyed {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			e.drawMark("", &mark{bx0: x, bx1: x + sampleW, cluster: []*content.Event{nil}, rug: []layout.Pt{x + 3, x + 6, x + 13}}, neutral, cy)
		}, "several events (ticks): lettered in the key"})
	}
	if s.legendKey {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			base := cy - (e.m.Ascent(sans, smallSize)+e.m.Descent(sans, smallSize))/2 + e.m.Ascent(sans, smallSize)
			e.text("", x+sampleW/2-e.m.Width("A", sans, smallSize)/2, base, "A", sans, smallSize, ink)
		}, "an event with no room for its title: named in the key"})
	}
	if has.breaks {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			mk := &mark{bx0: x, bx1: x + sampleW}
			e.drawMark("", mk, neutral, cy)
			// The sample's own break, drawn as drawMark cuts a bar.
			mid := x + sampleW/2
			e.c.add(kMark, "", layout.Rect{X: mid - 3, Y: cy - e.barH/2 - 0.5, W: 6, H: e.barH + 1, Fill: colorp(layout.White)})
			for _, dx := range []layout.Pt{-1.5, 1.5} {
				e.c.add(kMark, "", layout.Rule{X1: mid + dx - 1.5, Y1: cy + e.barH/2, X2: mid + dx + 1.5, Y2: cy - e.barH/2, Width: 0.8, Color: neutral.Stroke})
			}
		}, "scale break: context years compressed"})
	}
	if has.eras {
		out = append(out, legendEntry{func(e *emitter, x, cy layout.Pt) {
			e.c.add(kMark, "", layout.Rect{X: x, Y: cy - e.barH/2, W: sampleW, H: e.barH, Fill: colorp(gray(232)), Stroke: colorp(gray(120)), StrokeWidth: 0.4, Dash: []layout.Pt{2, 2}})
		}, "era"})
	}
	return out
}

// legendFlow positions the legend's entries in rows across the box.
func (s *layoutState) legendFlow() (xs []layout.Pt, rows []int, n int) {
	ents := s.legendEntries()
	x, row := s.x, 0
	for _, en := range ents {
		w := sampleW + 4 + s.m.Width(en.text, sans, smallSize)
		if x > s.x && x+w > s.x+s.w {
			x, row = s.x, row+1
		}
		xs = append(xs, x)
		rows = append(rows, row)
		x += w + legendGap
	}
	if len(ents) == 0 {
		return nil, nil, 0
	}
	return xs, rows, row + 1
}

func (s *layoutState) legendLine() layout.Pt {
	return max(s.smallLine(), s.barH+3) + 1
}

func (s *layoutState) legendHeight() layout.Pt {
	if !s.legendOK {
		// With the key's entry, which only the packing decides: room
		// is kept for it (a line of the legend at most).
		s.legendKey = true
		_, _, n := s.legendFlow()
		s.legendH, s.legendOK = layout.Pt(n)*s.legendLine(), true
	}
	return s.legendH
}

func (e *emitter) legend(y layout.Pt) layout.Pt {
	ents := e.legendEntries()
	xs, rows, n := e.legendFlow()
	lh := e.legendLine()
	for i, en := range ents {
		top := y + layout.Pt(rows[i])*lh
		cy := top + lh/2
		en.sample(e, xs[i], cy)
		base := cy - (e.m.Ascent(sans, smallSize)+e.m.Descent(sans, smallSize))/2 + e.m.Ascent(sans, smallSize)
		e.text("", xs[i]+sampleW+4, base, en.text, sans, smallSize, ink)
	}
	return y + layout.Pt(n)*lh
}

// keyPlan is where the callout key's entries go: "n  Title [note]",
// in columns, read down then across.
type keyPlan struct {
	colW     layout.Pt
	rows     int        // lines in the tallest column
	lines    [][]string // each entry's lines
	col, row []int      // each entry's column and first line
}

// keyFlow plans the key. Entries one line each, in as many columns of
// the widest entry as fit, read best; when the entries differ much in
// length, narrower columns with the long entries wrapped under their
// text (never cut) take fewer lines, and are used then.
func (s *layoutState) keyFlow(calls []*mark) keyPlan {
	if len(calls) == 0 {
		return keyPlan{}
	}
	var widest layout.Pt
	for _, mk := range calls {
		widest = max(widest, s.keyWidth(mk))
	}
	best := s.keyColumns(calls, min(widest+keyGap, s.w))
	const narrow = 170 // a column of about 45 characters of 7 pt
	for n := int((s.w + keyGap) / (widest + keyGap)); n+1 <= int((s.w+keyGap)/(narrow+keyGap)); n++ {
		if p := s.keyColumns(calls, (s.w+keyGap)/layout.Pt(n+1)); p.rows < best.rows {
			best = p
		}
	}
	return best
}

// keyColumns fills columns of width colW (its gap included) in order,
// each up to the fewest lines that let every entry in.
func (s *layoutState) keyColumns(calls []*mark, colW layout.Pt) keyPlan {
	p := keyPlan{colW: colW}
	cols := max(1, int((s.w+keyGap)/colW))
	total, longest := 0, 0
	for _, mk := range calls {
		ls := s.wrapKey(mk, colW-keyGap-s.numW())
		if len(ls) == 0 {
			ls = []string{""}
		}
		p.lines = append(p.lines, ls)
		total += len(ls)
		longest = max(longest, len(ls))
	}
	// A column is at least as tall as the longest entry, which is never
	// split: else an entry of three lines at the head of a column in a
	// key planned two lines tall ran past the chart's foot.
	for per := max((total+cols-1)/cols, longest); ; per++ {
		p.col, p.row = p.col[:0], p.row[:0]
		col, line := 0, 0
		for _, ls := range p.lines {
			if line > 0 && line+len(ls) > per {
				col, line = col+1, 0
			}
			p.col, p.row = append(p.col, col), append(p.row, line)
			line += len(ls)
		}
		if col < cols {
			p.rows = per
			return p
		}
	}
}

// keyLinesKey names a key entry as set at a width: its mark, and whether
// its text carries the disputed dates (keyText), which a mark's mode can
// change while fitting. Keyed by the mark, not its text, so a lookup does
// not hash the text.
type keyLinesKey struct {
	mk    *mark
	full  bool
	width layout.Pt
}

// wrapKey is wrap of mk's key text in the key's type, memoized. The
// lines are shared: callers do not modify them.
func (s *layoutState) wrapKey(mk *mark, width layout.Pt) []string {
	k := keyLinesKey{mk, keyFull(mk), width}
	if ls, ok := s.keyLines[k]; ok {
		return ls
	}
	ls := wrap(keyText(mk), width, sans, smallSize, s.m)
	if s.keyLines == nil {
		s.keyLines = map[keyLinesKey][]string{}
	}
	s.keyLines[k] = ls
	return ls
}

func (s *layoutState) numW() layout.Pt { return s.calloutW + 3 }

func (s *layoutState) keyWidth(mk *mark) layout.Pt {
	k := keyLinesKey{mk: mk, full: keyFull(mk)}
	w, ok := s.keyWidths[k]
	if !ok {
		w = s.m.Width(keyText(mk), sans, smallSize)
		if s.keyWidths == nil {
			s.keyWidths = map[keyLinesKey]layout.Pt{}
		}
		s.keyWidths[k] = w
	}
	return s.numW() + w
}

// keyFull reports whether mk's key entry carries its disputed dates.
func keyFull(mk *mark) bool { return mk.vlabel != "" && mk.mode.callout() }

// keyText is an event's line in the key: its label, and its disputed
// dates when it is a callout (they are not printed under its bar then).
func keyText(mk *mark) string {
	if keyFull(mk) {
		return mk.label + ": " + mk.vlabel
	}
	return mk.label
}

func (s *layoutState) keyHeight() layout.Pt {
	return layout.Pt(s.keyFlow(s.callouts()).rows) * s.smallLine()
}

func (e *emitter) key(y layout.Pt, calls []*mark) {
	p := e.keyFlow(calls)
	for i, mk := range calls {
		x := e.x + layout.Pt(p.col[i])*p.colW
		top := y + layout.Pt(p.row[i])*e.smallLine()
		base := top + e.m.Ascent(sans, smallSize)
		num := keyName(mk.callout)
		e.text(mk.ev.ID, x+e.calloutW-e.m.Width(num, sans, smallSize), base, num, sans, smallSize, ink)
		for k, l := range p.lines[i] {
			// A word wider than the column was broken by wrap; one
			// that still overflows is shortened, never run on.
			l = ellipsize(l, p.colW-keyGap-e.numW(), sans, smallSize, e.m)
			e.text(mk.ev.ID, x+e.numW(), base+layout.Pt(k)*e.smallLine(), l, sans, smallSize, ink)
		}
		e.c.add(kLink, mk.ev.ID, layout.Link{X: x, Y: top, W: p.colW - keyGap, H: layout.Pt(len(p.lines[i])) * e.smallLine(), Dest: linkDest(mk)})
	}
}

// ellipsize shortens s with "…" until it fits width.
func ellipsize(s string, width layout.Pt, f layout.Font, size layout.Pt, m layout.Measurer) string {
	if m.Width(s, f, size) <= width {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		t := string(r[:n]) + "…"
		if m.Width(t, f, size) <= width {
			return t
		}
	}
	return "…"
}
