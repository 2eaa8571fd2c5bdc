package charts

import (
	"annalist/content"
	"annalist/layout"
)

// Plan returns the blocks that show doc's timeline in boxes of size box:
// one block when every label can be set at MinTextSize or more in one
// box, otherwise the time split into as few equal windows as that needs
// (axis, lane titles and legend repeated on each; bars across a window's
// edge marked as continued); then one detail block per doc.Details
// window. Only the first block of the main chart carries the
// "chart-<id>" destinations... of the events it starts.
func Plan(doc *content.Document, box layout.Size, m layout.Measurer) []layout.Block {
	from, to, ok := Span(doc)
	if !ok {
		return nil
	}
	var out []layout.Block
	for k := 1; k <= 64; k++ {
		wins := split(from, to, k)
		var blocks []layout.Block
		okAll := true
		for _, w := range wins {
			tl := &Timeline{Doc: doc, From: w[0], To: w[1], Window: true, Dests: true}
			if _, err := tl.draw(0, 0, box.W, box.H, m, probe{}); err != nil {
				okAll = false
				break
			}
			blocks = append(blocks, tl)
		}
		if okAll {
			out = blocks
			break
		}
	}
	for _, d := range doc.Details {
		f, _, fok := pointSpan(d.Date.Start)
		_, l, lok := pointSpan(d.Date.End)
		if !fok || !lok || l < f {
			continue
		}
		out = append(out, &Timeline{Doc: doc, From: f, To: l, Window: true})
	}
	return out
}

// split cuts [from, to] into k windows of nearly equal length, each
// starting on the first of a month when the windows are longer than two
// months, so that page edges fall where a reader expects them.
func split(from, to int64, k int) [][2]int64 {
	var out [][2]int64
	n := to - from + 1
	start := from
	for i := 1; i <= k; i++ {
		end := from + n*int64(i)/int64(k) - 1
		if i < k && n/int64(k) > 62 {
			end = monthStart(end+1) - 1
		}
		if end < start {
			continue
		}
		if i == k {
			end = to
		}
		out = append(out, [2]int64{start, end})
		start = end + 1
	}
	return out
}

// probe is the Notes the planner measures with: it reports a three-digit
// number for every note, the widest a handout's notes will be, so a
// window that fits while planning fits when laid out for real.
type probe struct{}

func (probe) Cite([]content.Cite) int { return 999 }
