package charts

import (
	"bytes"
	"image/png"
	"testing"

	"annalist/layout"
)

// TestWritePNG: the PNG is drawn from the display list at its dpi: a
// filled box is its colour where it is and white elsewhere, a rule and
// text leave ink where they stand, hatching alternates ink and fill.
func TestWritePNG(t *testing.T) {
	red := layout.Color{R: 200}
	items := []layout.Item{
		layout.Rect{X: 10, Y: 10, W: 20, H: 10, Fill: &red},
		layout.Rule{X1: 10, Y1: 40, X2: 60, Y2: 40, Width: 2, Color: layout.Black},
		layout.Text{X: 10, Y: 70, Text: "Enzeli", Font: layout.Font{Family: "sans"}, Size: 12, Color: layout.Black},
		layout.Rect{X: 70, Y: 10, W: 24, H: 24, Fill: &layout.White, Hatch: "hatch", HatchColor: layout.Black},
	}
	var buf bytes.Buffer
	if err := WritePNG(&buf, items, layout.Size{W: 100, H: 80}, 144); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 160 {
		t.Fatalf("size %v, want 200 x 160 at 144 dpi", b)
	}
	px := func(x, y int) (uint32, uint32, uint32) {
		r, g, b, _ := img.At(x, y).RGBA()
		return r >> 8, g >> 8, b >> 8
	}
	if r, g, b := px(40, 30); r != 200 || g != 0 || b != 0 {
		t.Errorf("inside the box: %d %d %d, want 200 0 0", r, g, b)
	}
	if r, g, b := px(5, 5); r != 255 || g != 255 || b != 255 {
		t.Errorf("outside: %d %d %d, want white", r, g, b)
	}
	if r, _, _ := px(60, 80); r > 60 {
		t.Errorf("on the rule: %d, want ink", r)
	}
	dark := func(x0, y0, x1, y1 int) int {
		n := 0
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				if r, _, _ := px(x, y); r < 128 {
					n++
				}
			}
		}
		return n
	}
	if n := dark(20, 110, 120, 142); n < 100 {
		t.Errorf("the text left %d dark pixels, want its glyphs", n)
	}
	if n, all := dark(142, 22, 186, 66), 44*44; n < all/10 || n > all*9/10 {
		t.Errorf("the hatch: %d of %d pixels dark, want lines and gaps", n, all)
	}
}
