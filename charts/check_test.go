package charts

import (
	"fmt"
	"math"

	"annalist/layout"
)

// box is an item's extent, for the invariant checks.
type box struct{ x0, y0, x1, y1 layout.Pt }

func (a box) overlaps(b box) bool {
	const eps = 0.01
	return a.x0 < b.x1-eps && b.x0 < a.x1-eps && a.y0 < b.y1-eps && b.y0 < a.y1-eps
}

func (a box) inside(b box) bool {
	const eps = 0.01
	return a.x0 >= b.x0-eps && a.x1 <= b.x1+eps && a.y0 >= b.y0-eps && a.y1 <= b.y1+eps
}

func textBox(t layout.Text, m layout.Measurer) box {
	return box{t.X, t.Y - m.Ascent(t.Font, t.Size), t.X + t.W, t.Y + m.Descent(t.Font, t.Size)}
}

// itemBox is the extent of a drawn item (half the stroke width outside
// its geometry is ignored: hairlines).
func itemBox(it layout.Item, m layout.Measurer) (box, bool) {
	switch v := it.(type) {
	case layout.Text:
		return textBox(v, m), true
	case layout.Rule:
		return box{min(v.X1, v.X2), min(v.Y1, v.Y2), max(v.X1, v.X2), max(v.Y1, v.Y2)}, true
	case layout.Rect:
		return box{v.X, v.Y, v.X + v.W, v.Y + v.H}, true
	case layout.Path:
		b := box{math.MaxFloat32, math.MaxFloat32, -math.MaxFloat32, -math.MaxFloat32}
		for _, op := range v.Ops {
			for i := 0; i+1 < len(op.Pts); i += 2 {
				b.x0, b.x1 = min(b.x0, op.Pts[i]), max(b.x1, op.Pts[i])
				b.y0, b.y1 = min(b.y0, op.Pts[i+1]), max(b.y1, op.Pts[i+1])
			}
		}
		return b, true
	case layout.Link:
		return box{v.X, v.Y, v.X + v.W, v.Y + v.H}, true
	case layout.Dest:
		return box{v.X, v.Y, v.X, v.Y}, true
	}
	return box{}, false
}

// checkCanvas checks the chart's invariants and returns every breach:
// no two texts overlap; no text overlaps a mark or an arrow (a label set
// inside its own bar on a white knock-out box excepted), nor is crossed
// by a long vertical gridline or era edge; nothing leaves
// the box; no text is under MinTextSize; no NaN.
func checkCanvas(c *canvas, frame box, m layout.Measurer) []string {
	var errs []string
	type tb struct {
		b     box
		owner string
		text  string
	}
	var texts []tb
	var marks []tb
	var knocks []tb
	var grids []tb
	var breaks []tb
	for i, it := range c.items {
		b, ok := itemBox(it, m)
		if !ok {
			errs = append(errs, fmt.Sprintf("item %d: unknown type %T", i, it))
			continue
		}
		for _, v := range []layout.Pt{b.x0, b.y0, b.x1, b.y1} {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				errs = append(errs, fmt.Sprintf("item %d (%T): NaN or Inf", i, it))
			}
		}
		if !b.inside(frame) {
			errs = append(errs, fmt.Sprintf("item %d (%T %v) leaves the box %v", i, it, b, frame))
		}
		switch c.kinds[i] {
		case kText:
			t := it.(layout.Text)
			if t.Size < MinTextSize {
				errs = append(errs, fmt.Sprintf("text %q at %.2f pt, under %.0f pt", t.Text, float64(t.Size), float64(MinTextSize)))
			}
			texts = append(texts, tb{b, c.owners[i], t.Text})
		case kMark, kArrow:
			marks = append(marks, tb{b, c.owners[i], fmt.Sprintf("%T", it)})
			if p, ok := it.(layout.Path); ok && c.kinds[i] == kArrow {
				// An arrow is checked segment by segment, not by its
				// bounding box.
				marks = marks[:len(marks)-1]
				var px, py layout.Pt
				for _, op := range p.Ops {
					x, y := op.Pts[0], op.Pts[1]
					if op.Op == 'L' {
						marks = append(marks, tb{box{min(px, x), min(py, y), max(px, x), max(py, y)}, c.owners[i], "arrow"})
					}
					px, py = x, y
				}
			}
		case kKnock:
			knocks = append(knocks, tb{b, c.owners[i], ""})
		case kBackground:
			if c.owners[i] == breakOwner {
				// The zigzags and the white between them, widened to
				// take in the zigzags' swing.
				breaks = append(breaks, tb{box{b.x0 - 1.2, b.y0, b.x1 + 1.2, b.y1}, breakOwner, "scale break"})
			}
		case kGrid:
			// The long vertical lines (gridlines, era edges) stop at
			// labels (clearLabels); short ones are ticks beside them.
			if r, ok := it.(layout.Rule); ok && r.X1 == r.X2 && b.y1-b.y0 > 10 {
				grids = append(grids, tb{b, "", "gridline"})
			}
		}
	}
	for _, br := range breaks {
		for _, t := range texts {
			if t.b.overlaps(br.b) {
				errs = append(errs, fmt.Sprintf("text %q %v runs across a scale break %v", t.text, t.b, br.b))
			}
		}
	}
	for _, g := range grids {
		for _, t := range texts {
			if t.b.overlaps(g.b) {
				errs = append(errs, fmt.Sprintf("text %q %v is crossed by a gridline %v", t.text, t.b, g.b))
			}
		}
	}
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			if texts[i].b.overlaps(texts[j].b) {
				errs = append(errs, fmt.Sprintf("text %q %v overlaps text %q %v", texts[i].text, texts[i].b, texts[j].text, texts[j].b))
			}
		}
	}
	for _, t := range texts {
		knocked := false
		for _, k := range knocks {
			if k.owner == t.owner && t.b.inside(k.b) {
				knocked = true
			}
		}
		for _, mk := range marks {
			if knocked && mk.owner == t.owner && mk.text != "arrow" {
				continue
			}
			// Zero-width rules (ticks, arrow segments) still count: a
			// segment through a label is the same as a crossing.
			if t.b.overlaps(mk.b) {
				errs = append(errs, fmt.Sprintf("text %q %v overlaps %s of %q %v", t.text, t.b, mk.text, mk.owner, mk.b))
			}
		}
	}
	return errs
}
