package charts

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"annalist/fonts"
	"annalist/layout"

	"golang.org/x/image/font/sfnt"
	fx "golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// WritePNG writes items as a PNG image of size (in points) at dpi, drawn
// from the same display list as the PDF and the SVG, in pure Go: shapes
// with golang.org/x/image/vector, text from the embedded fonts' glyph
// outlines at the advances the measurer gave, hatches from the same tiles
// the PDF's patterns use. Links and destinations draw nothing.
func WritePNG(w io.Writer, items []layout.Item, size layout.Size, dpi float64) error {
	k := dpi / 72
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(float64(size.W)*k)), int(math.Ceil(float64(size.H)*k))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	r := &raster{img: img, k: k}
	for _, it := range items {
		switch v := it.(type) {
		case layout.Text:
			r.text(v)
		case layout.Rule:
			r.line(v.X1, v.Y1, v.X2, v.Y2, v.Width, v.Dash, v.Color)
		case layout.Rect:
			if v.Fill != nil {
				r.fill(rectPath(v.X, v.Y, v.W, v.H), *v.Fill, nil)
			}
			if v.Hatch != "" {
				r.hatch(v)
			}
			if v.Stroke != nil {
				x0, y0, x1, y1 := v.X, v.Y, v.X+v.W, v.Y+v.H
				for _, e := range [][4]layout.Pt{{x0, y0, x1, y0}, {x1, y0, x1, y1}, {x1, y1, x0, y1}, {x0, y1, x0, y0}} {
					r.line(e[0], e[1], e[2], e[3], v.StrokeWidth, v.Dash, *v.Stroke)
				}
			}
		case layout.Path:
			if v.Fill != nil {
				r.fill(v.Ops, *v.Fill, nil)
			}
			if v.Stroke != nil {
				for _, seg := range flatten(v.Ops) {
					for i := 0; i+1 < len(seg); i++ {
						r.line(seg[i][0], seg[i][1], seg[i+1][0], seg[i+1][1], v.StrokeWidth, v.Dash, *v.Stroke)
					}
				}
			}
		}
	}
	return png.Encode(w, img)
}

type raster struct {
	img *image.RGBA
	k   float64
	z   vector.Rasterizer
	buf sfnt.Buffer
}

func rectPath(x, y, w, h layout.Pt) []layout.PathOp {
	return []layout.PathOp{{Op: 'M', Pts: []layout.Pt{x, y}}, {Op: 'L', Pts: []layout.Pt{x + w, y}},
		{Op: 'L', Pts: []layout.Pt{x + w, y + h}}, {Op: 'L', Pts: []layout.Pt{x, y + h}}, {Op: 'Z'}}
}

// fill rasterizes a path in points (nonzero winding), clipped to clip (in
// pixels) when given, rasterizing only its bounding box.
func (r *raster) fill(ops []layout.PathOp, c layout.Color, clip *image.Rectangle) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, op := range ops {
		for i := 0; i+1 < len(op.Pts); i += 2 {
			x, y := float64(op.Pts[i])*r.k, float64(op.Pts[i+1])*r.k
			minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
		}
	}
	if math.IsInf(minX, 0) {
		return
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(r.img.Bounds())
	if clip != nil {
		box = box.Intersect(*clip)
	}
	if box.Empty() {
		return
	}
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	r.z.Reset(box.Dx(), box.Dy())
	pt := func(p []layout.Pt, i int) (float32, float32) {
		return float32(float64(p[i])*r.k) - ox, float32(float64(p[i+1])*r.k) - oy
	}
	open := false
	for _, op := range ops {
		switch op.Op {
		case 'M':
			if open {
				r.z.ClosePath()
			}
			r.z.MoveTo(pt(op.Pts, 0))
			open = true
		case 'L':
			r.z.LineTo(pt(op.Pts, 0))
		case 'C':
			ax, ay := pt(op.Pts, 0)
			bx, by := pt(op.Pts, 2)
			cx, cy := pt(op.Pts, 4)
			r.z.CubeTo(ax, ay, bx, by, cx, cy)
		case 'Z':
			r.z.ClosePath()
			open = false
		}
	}
	if open {
		r.z.ClosePath()
	}
	r.z.Draw(r.img, box, image.NewUniform(color.RGBA{c.R, c.G, c.B, 255}), box.Min)
}

// line strokes a segment as a polygon of its width (butt ends), dashed
// by dash (on, off, ... in points).
func (r *raster) line(x1, y1, x2, y2, width layout.Pt, dash []layout.Pt, c layout.Color) {
	w := math.Max(float64(width), 0.35) // a hairline still shows
	dx, dy := float64(x2-x1), float64(y2-y1)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	ux, uy := dx/l, dy/l
	piece := func(a, b float64) {
		px, py := -uy*w/2, ux*w/2
		ax, ay := float64(x1)+ux*a, float64(y1)+uy*a
		bx, by := float64(x1)+ux*b, float64(y1)+uy*b
		P := func(x, y float64) []layout.Pt { return []layout.Pt{layout.Pt(x), layout.Pt(y)} }
		r.fill([]layout.PathOp{{Op: 'M', Pts: P(ax+px, ay+py)}, {Op: 'L', Pts: P(bx+px, by+py)},
			{Op: 'L', Pts: P(bx-px, by-py)}, {Op: 'L', Pts: P(ax-px, ay-py)}, {Op: 'Z'}}, c, nil)
	}
	if len(dash) == 0 {
		piece(0, l)
		return
	}
	at, i, on := 0.0, 0, true
	for at < l {
		d := math.Max(float64(dash[i%len(dash)]), 0.1)
		if on {
			piece(at, math.Min(at+d, l))
		}
		at += d
		i++
		on = !on
	}
}

// flatten turns a path into polylines, cubic curves in 8 steps.
func flatten(ops []layout.PathOp) [][][2]layout.Pt {
	var out [][][2]layout.Pt
	var cur [][2]layout.Pt
	var start [2]layout.Pt
	for _, op := range ops {
		switch op.Op {
		case 'M':
			if len(cur) > 1 {
				out = append(out, cur)
			}
			start = [2]layout.Pt{op.Pts[0], op.Pts[1]}
			cur = [][2]layout.Pt{start}
		case 'L':
			cur = append(cur, [2]layout.Pt{op.Pts[0], op.Pts[1]})
		case 'C':
			if len(cur) == 0 {
				continue
			}
			p0 := cur[len(cur)-1]
			for s := 1; s <= 8; s++ {
				t := layout.Pt(s) / 8
				u := 1 - t
				x := u*u*u*p0[0] + 3*u*u*t*op.Pts[0] + 3*u*t*t*op.Pts[2] + t*t*t*op.Pts[4]
				y := u*u*u*p0[1] + 3*u*u*t*op.Pts[1] + 3*u*t*t*op.Pts[3] + t*t*t*op.Pts[5]
				cur = append(cur, [2]layout.Pt{x, y})
			}
		case 'Z':
			cur = append(cur, start)
		}
	}
	if len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// hatch paints a rectangle's pattern from the tile the PDF uses, cell by
// cell, clipped to the rectangle.
func (r *raster) hatch(v layout.Rect) {
	t, ok := layout.HatchTileFor(v.Hatch)
	if !ok || t.W <= 0 || t.H <= 0 {
		return
	}
	clip := image.Rect(int(math.Floor(float64(v.X)*r.k)), int(math.Floor(float64(v.Y)*r.k)),
		int(math.Ceil(float64(v.X+v.W)*r.k)), int(math.Ceil(float64(v.Y+v.H)*r.k)))
	// Cells aligned on the tile's origin, as the PDF's pattern is, so
	// that adjacent bars line up.
	x0 := t.X + layout.Pt(math.Floor(float64((v.X-t.X)/t.W)))*t.W
	y0 := t.Y + layout.Pt(math.Floor(float64((v.Y-t.Y)/t.H)))*t.H
	for cy := y0; cy < v.Y+v.H; cy += t.H {
		for cx := x0; cx < v.X+v.W; cx += t.W {
			for _, l := range t.Lines {
				r.clipLine(cx+l[0], cy+l[1], cx+l[2], cy+l[3], t.LineWidth, v.HatchColor, clip)
			}
			for _, d := range t.Dots {
				r.fill(circle(cx+d[0], cy+d[1], t.DotRadius), v.HatchColor, &clip)
			}
		}
	}
}

func (r *raster) clipLine(x1, y1, x2, y2, w layout.Pt, c layout.Color, clip image.Rectangle) {
	dx, dy := float64(x2-x1), float64(y2-y1)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	px, py := layout.Pt(-dy/l)*w/2, layout.Pt(dx/l)*w/2
	r.fill([]layout.PathOp{{Op: 'M', Pts: []layout.Pt{x1 + px, y1 + py}}, {Op: 'L', Pts: []layout.Pt{x2 + px, y2 + py}},
		{Op: 'L', Pts: []layout.Pt{x2 - px, y2 - py}}, {Op: 'L', Pts: []layout.Pt{x1 - px, y1 - py}}, {Op: 'Z'}}, c, &clip)
}

func circle(cx, cy, rad layout.Pt) []layout.PathOp {
	const n = 12
	ops := make([]layout.PathOp, 0, n+1)
	for i := 0; i < n; i++ {
		a := 2 * math.Pi * float64(i) / n
		op := byte('L')
		if i == 0 {
			op = 'M'
		}
		ops = append(ops, layout.PathOp{Op: op, Pts: []layout.Pt{cx + rad*layout.Pt(math.Cos(a)), cy + rad*layout.Pt(math.Sin(a))}})
	}
	return append(ops, layout.PathOp{Op: 'Z'})
}

// text draws t from its fonts' glyph outlines, placed as the SVG places
// them (outliner.text): at the measurer's advances, stretched to t.W.
func (r *raster) text(t layout.Text) {
	family := t.Font.Family
	if fonts.Lookup(family, fonts.Regular) == nil {
		family = fonts.Serif
	}
	style := fonts.Style(t.Font.Style)
	total := 0.0
	for _, ch := range t.Text {
		if face, ok := fonts.Resolve(family, style, ch); ok {
			total += float64(face.Advance(ch)) * float64(t.Size) / 1000
		}
	}
	hs := 1.0
	if t.W > 0 && total > 0 {
		hs = float64(t.W) / total
	}
	x := 0.0
	for _, ch := range t.Text {
		face, ok := fonts.Resolve(family, style, ch)
		if !ok {
			continue
		}
		adv := float64(face.Advance(ch)) * float64(t.Size) / 1000
		f := (&outliner{}).font(face)
		if f != nil {
			if g, err := f.GlyphIndex(&r.buf, ch); err == nil && g != 0 {
				if segs, err := f.LoadGlyph(&r.buf, g, fx.I(1000), nil); err == nil && len(segs) > 0 {
					r.fill(glyphOps(segs, float64(t.X)+x*hs, float64(t.Y), float64(t.Size)/1000*hs, float64(t.Size)/1000), t.Color, nil)
				}
			}
		}
		x += adv
	}
}

// glyphOps places a glyph's segments (1000 units to the em, y down) at
// (ox, oy), scaled by sx and sy, as path ops in points; quadratic curves
// become the cubics they are.
func glyphOps(segs sfnt.Segments, ox, oy, sx, sy float64) []layout.PathOp {
	P := func(p fx.Point26_6) (layout.Pt, layout.Pt) {
		return layout.Pt(ox + float64(p.X)/64*sx), layout.Pt(oy + float64(p.Y)/64*sy)
	}
	var ops []layout.PathOp
	var lx, ly layout.Pt
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			lx, ly = P(s.Args[0])
			ops = append(ops, layout.PathOp{Op: 'M', Pts: []layout.Pt{lx, ly}})
		case sfnt.SegmentOpLineTo:
			lx, ly = P(s.Args[0])
			ops = append(ops, layout.PathOp{Op: 'L', Pts: []layout.Pt{lx, ly}})
		case sfnt.SegmentOpQuadTo:
			qx, qy := P(s.Args[0])
			x, y := P(s.Args[1])
			ops = append(ops, layout.PathOp{Op: 'C', Pts: []layout.Pt{lx + 2*(qx-lx)/3, ly + 2*(qy-ly)/3, x + 2*(qx-x)/3, y + 2*(qy-y)/3, x, y}})
			lx, ly = x, y
		case sfnt.SegmentOpCubeTo:
			ax, ay := P(s.Args[0])
			bx, by := P(s.Args[1])
			x, y := P(s.Args[2])
			ops = append(ops, layout.PathOp{Op: 'C', Pts: []layout.Pt{ax, ay, bx, by, x, y}})
			lx, ly = x, y
		}
	}
	return ops
}
