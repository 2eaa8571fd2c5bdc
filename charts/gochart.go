package charts

import (
	"fmt"
	"io"
	"math"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"annalist/layout"
)

// The go-chart figures are drawn through recorder, a chart.Renderer that
// records layout items instead of pixels, so they stay vector in the PDF
// and their text is set and measured with our fonts. go-chart works in
// integer pixels; we let it draw at 288 DPI, where a pixel is a quarter
// of a point, and scale down: fine enough that rounding never shows.

// chartDPI is the resolution go-chart draws at.
const chartDPI = 288

// pxPerPt converts our points to go-chart's pixels at chartDPI.
const pxPerPt = chartDPI / 72.0

// recorder implements chart.Renderer by recording layout items, offset to
// (ox, oy) and scaled from pixels to points.
type recorder struct {
	m      layout.Measurer
	ox, oy layout.Pt
	dpi    float64

	stroke, fill, fontColor drawing.Color
	strokeWidth             float64
	dash                    []float64
	fontSize                float64
	rotation                float64

	ops   []layout.PathOp
	items []layout.Item
	// hatches maps a fill colour go-chart was given to the track style it
	// stands for, so a filled box becomes a hatched Rect: go-chart knows
	// only colours, the photocopier only patterns.
	hatches map[layout.Color]TrackStyle
	// sentinel is a fill colour whose boxes are not drawn but reported
	// (the plot canvas, for alignment).
	sentinel   *layout.Color
	sentinelAt []layout.Rect
	problems   []string
}

var _ chart.Renderer = (*recorder)(nil)

func (r *recorder) pt(v int) layout.Pt { return layout.Pt(float64(v) / pxPerPt) }
func (r *recorder) x(v int) layout.Pt  { return r.ox + r.pt(v) }
func (r *recorder) y(v int) layout.Pt  { return r.oy + r.pt(v) }

// ResetStyle implements chart.Renderer.
func (r *recorder) ResetStyle() {
	r.stroke, r.fill, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.strokeWidth, r.dash, r.rotation = 0, nil, 0
}

// GetDPI implements chart.Renderer.
func (r *recorder) GetDPI() float64 { return r.dpi }

// SetDPI implements chart.Renderer.
func (r *recorder) SetDPI(dpi float64) {
	r.dpi = dpi
	if dpi != chartDPI {
		r.problems = append(r.problems, fmt.Sprintf("go-chart set %.0f DPI, want %d", dpi, chartDPI))
	}
}

// SetClassName implements chart.Renderer (SVG classes mean nothing here).
func (r *recorder) SetClassName(string) {}

// SetStrokeColor implements chart.Renderer.
func (r *recorder) SetStrokeColor(c drawing.Color) { r.stroke = c }

// SetFillColor implements chart.Renderer.
func (r *recorder) SetFillColor(c drawing.Color) { r.fill = c }

// SetStrokeWidth implements chart.Renderer. go-chart's widths are in
// pixels, not scaled by DPI.
func (r *recorder) SetStrokeWidth(w float64) { r.strokeWidth = w }

// SetStrokeDashArray implements chart.Renderer.
func (r *recorder) SetStrokeDashArray(d []float64) { r.dash = d }

// MoveTo implements chart.Renderer.
func (r *recorder) MoveTo(x, y int) {
	r.ops = append(r.ops, layout.PathOp{Op: 'M', Pts: []layout.Pt{r.x(x), r.y(y)}})
}

// LineTo implements chart.Renderer.
func (r *recorder) LineTo(x, y int) {
	if len(r.ops) == 0 {
		r.MoveTo(x, y)
		return
	}
	r.ops = append(r.ops, layout.PathOp{Op: 'L', Pts: []layout.Pt{r.x(x), r.y(y)}})
}

// current is the path's current point.
func (r *recorder) current() (layout.Pt, layout.Pt, bool) {
	for i := len(r.ops) - 1; i >= 0; i-- {
		if p := r.ops[i].Pts; len(p) >= 2 {
			return p[len(p)-2], p[len(p)-1], true
		}
	}
	return 0, 0, false
}

// QuadCurveTo implements chart.Renderer, as the equivalent cubic.
func (r *recorder) QuadCurveTo(cx, cy, x, y int) {
	x0, y0, ok := r.current()
	if !ok {
		r.MoveTo(x, y)
		return
	}
	qx, qy, ex, ey := r.x(cx), r.y(cy), r.x(x), r.y(y)
	r.ops = append(r.ops, layout.PathOp{Op: 'C', Pts: []layout.Pt{
		x0 + 2*(qx-x0)/3, y0 + 2*(qy-y0)/3, ex + 2*(qx-ex)/3, ey + 2*(qy-ey)/3, ex, ey}})
}

// ArcTo implements chart.Renderer with short line segments (pie and
// donut charts; the figures here do not use them).
func (r *recorder) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 16)))
	for i := 0; i <= n; i++ {
		a := start + delta*float64(i)/float64(max(n, 1))
		px := r.ox + layout.Pt((float64(cx)+rx*math.Cos(a))/pxPerPt)
		py := r.oy + layout.Pt((float64(cy)+ry*math.Sin(a))/pxPerPt)
		op := byte('L')
		if i == 0 && len(r.ops) == 0 {
			op = 'M'
		}
		r.ops = append(r.ops, layout.PathOp{Op: op, Pts: []layout.Pt{px, py}})
	}
}

// Close implements chart.Renderer.
func (r *recorder) Close() { r.ops = append(r.ops, layout.PathOp{Op: 'Z'}) }

// Stroke implements chart.Renderer.
func (r *recorder) Stroke() { r.flush(false, true) }

// Fill implements chart.Renderer.
func (r *recorder) Fill() { r.flush(true, false) }

// FillStroke implements chart.Renderer.
func (r *recorder) FillStroke() { r.flush(true, true) }

func colorOf(c drawing.Color) (layout.Color, bool) {
	if c.A == 0 {
		return layout.Color{}, false
	}
	// go-chart's translucent colours are blended on white: print has no
	// transparency we want to depend on.
	a := float64(c.A) / 255
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v)*a + 255*(1-a))) }
	return layout.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B)}, true
}

func (r *recorder) flush(fill, stroke bool) {
	ops := r.ops
	r.ops = nil
	if len(ops) == 0 {
		return
	}
	var p layout.Path
	p.Ops = ops
	fc, fok := colorOf(r.fill)
	if fill && fok {
		p.Fill = colorp(fc)
	}
	sc, sok := colorOf(r.stroke)
	if stroke && sok && r.strokeWidth > 0 {
		p.Stroke = colorp(sc)
		p.StrokeWidth = layout.Pt(r.strokeWidth / pxPerPt)
		for _, d := range r.dash {
			p.Dash = append(p.Dash, layout.Pt(d/pxPerPt))
		}
	}
	if p.Fill == nil && p.Stroke == nil {
		return
	}
	if rect, ok := asRect(ops); ok && p.Fill != nil {
		if r.sentinel != nil && *p.Fill == *r.sentinel {
			r.sentinelAt = append(r.sentinelAt, rect)
			return
		}
		rect.Fill, rect.Stroke, rect.StrokeWidth, rect.Dash = p.Fill, p.Stroke, p.StrokeWidth, p.Dash
		if st, ok := r.hatches[*p.Fill]; ok && st.Pattern != "solid" && st.Pattern != "outline" {
			rect.Hatch, rect.HatchColor = st.Pattern, st.Stroke
		}
		r.items = append(r.items, rect)
		return
	}
	r.items = append(r.items, p)
}

// asRect recognises an axis-aligned rectangle path (what go-chart's
// Draw.Box emits), so it can be recorded as a Rect that can be hatched.
func asRect(ops []layout.PathOp) (layout.Rect, bool) {
	var xs, ys []layout.Pt
	for _, op := range ops {
		switch op.Op {
		case 'M', 'L':
			xs, ys = append(xs, op.Pts[0]), append(ys, op.Pts[1])
		case 'Z':
		default:
			return layout.Rect{}, false
		}
	}
	if len(xs) == 5 && xs[4] == xs[0] && ys[4] == ys[0] {
		xs, ys = xs[:4], ys[:4]
	}
	if len(xs) != 4 {
		return layout.Rect{}, false
	}
	for i := 0; i < 4; i++ {
		j := (i + 1) % 4
		if xs[i] != xs[j] && ys[i] != ys[j] {
			return layout.Rect{}, false
		}
	}
	x0, x1 := min(xs[0], xs[1], xs[2], xs[3]), max(xs[0], xs[1], xs[2], xs[3])
	y0, y1 := min(ys[0], ys[1], ys[2], ys[3]), max(ys[0], ys[1], ys[2], ys[3])
	return layout.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, true
}

// Circle implements chart.Renderer.
func (r *recorder) Circle(radius float64, x, y int) {
	const k = 0.5523 // cubic approximation of a quarter circle
	cx, cy, rr := r.x(x), r.y(y), layout.Pt(radius/pxPerPt)
	c := rr * k
	r.ops = append(r.ops,
		layout.PathOp{Op: 'M', Pts: []layout.Pt{cx + rr, cy}},
		layout.PathOp{Op: 'C', Pts: []layout.Pt{cx + rr, cy + c, cx + c, cy + rr, cx, cy + rr}},
		layout.PathOp{Op: 'C', Pts: []layout.Pt{cx - c, cy + rr, cx - rr, cy + c, cx - rr, cy}},
		layout.PathOp{Op: 'C', Pts: []layout.Pt{cx - rr, cy - c, cx - c, cy - rr, cx, cy - rr}},
		layout.PathOp{Op: 'C', Pts: []layout.Pt{cx + c, cy - rr, cx + rr, cy - c, cx + rr, cy}},
		layout.PathOp{Op: 'Z'})
	r.flush(true, true)
}

// SetFont implements chart.Renderer. go-chart's own font (Roboto) is
// ignored: every text is set in our sans, measured by our Measurer.
func (r *recorder) SetFont(*truetype.Font) {}

// SetFontColor implements chart.Renderer.
func (r *recorder) SetFontColor(c drawing.Color) { r.fontColor = c }

// SetFontSize implements chart.Renderer; sizes are in points.
func (r *recorder) SetFontSize(size float64) { r.fontSize = size }

func (r *recorder) size() layout.Pt { return max(layout.Pt(r.fontSize), MinTextSize) }

// Text implements chart.Renderer; (x, y) is the baseline's start.
func (r *recorder) Text(body string, x, y int) {
	if body == "" {
		return
	}
	if r.rotation != 0 {
		// Items have no rotation; the figures here set none.
		r.problems = append(r.problems, fmt.Sprintf("rotated text %q dropped", body))
		return
	}
	col, ok := colorOf(r.fontColor)
	if !ok {
		col = ink
	}
	r.items = append(r.items, layout.Text{X: r.x(x), Y: r.y(y), Text: body, Font: sans, Size: r.size(), Color: col,
		W: r.m.Width(body, sans, r.size())})
}

// MeasureText implements chart.Renderer with our Measurer, in pixels.
func (r *recorder) MeasureText(body string) chart.Box {
	w := r.m.Width(body, sans, r.size())
	h := r.m.Ascent(sans, r.size()) + r.m.Descent(sans, r.size())
	return chart.Box{Right: int(math.Ceil(float64(w) * pxPerPt)), Bottom: int(math.Ceil(float64(h) * pxPerPt))}
}

// SetTextRotation implements chart.Renderer.
func (r *recorder) SetTextRotation(radians float64) { r.rotation = radians }

// ClearTextRotation implements chart.Renderer.
func (r *recorder) ClearTextRotation() { r.rotation = 0 }

// Save implements chart.Renderer; the items are already recorded.
func (r *recorder) Save(io.Writer) error { return nil }

// provider returns a chart.RendererProvider that hands go-chart rec.
func (r *recorder) provider() chart.RendererProvider {
	return func(int, int) (chart.Renderer, error) { return r, nil }
}

func dcolor(c layout.Color) drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: 255} }

// px converts points to go-chart's integer pixels.
func px(p layout.Pt) int { return int(math.Round(float64(p) * pxPerPt)) }
