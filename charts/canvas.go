package charts

import "annalist/layout"

// kind classifies an emitted item for the overlap checks in tests and for
// the golden dump; it is not part of the display list.
type kind uint8

const (
	kBackground kind = iota // lane tints, era bands: drawn behind, may be overlapped
	kGrid                   // gridlines, axis lines and ticks
	kMark                   // bars, diamonds, whiskers, arrows heads, version ticks, legend samples
	kText                   // every label
	kKnock                  // white box behind a label set inside its own bar
	kArrow                  // relation arrows (lines)
	kLink                   // links and dests
)

// canvas collects items with their kind and owning event (if any).
type canvas struct {
	items  []layout.Item
	kinds  []kind
	owners []string
}

func (c *canvas) add(k kind, owner string, it layout.Item) {
	c.items = append(c.items, it)
	c.kinds = append(c.kinds, k)
	c.owners = append(c.owners, owner)
}

func colorp(c layout.Color) *layout.Color { return &c }

// gray returns a neutral colour of the given luma.
func gray(v uint8) layout.Color { return layout.Color{R: v, G: v, B: v} }
