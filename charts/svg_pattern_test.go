package charts

import (
	"encoding/xml"
	"strconv"
	"testing"

	"annalist/layout"
)

// TestSVGPatternsAreTheWritersCells checks each hatch's <pattern> is
// layout.HatchTileFor's cell, as the PDF writer's tiling patterns are: the
// same size and phase, in user space (so abutting bars line up), with one
// stroked line per segment of the cell or one circle per dot, in the
// hatch's colour.
func TestSVGPatternsAreTheWritersCells(t *testing.T) {
	type circle struct {
		CX   string `xml:"cx,attr"`
		CY   string `xml:"cy,attr"`
		R    string `xml:"r,attr"`
		Fill string `xml:"fill,attr"`
	}
	type path struct {
		D           string `xml:"d,attr"`
		Stroke      string `xml:"stroke,attr"`
		StrokeWidth string `xml:"stroke-width,attr"`
	}
	type pattern struct {
		Units   string   `xml:"patternUnits,attr"`
		X       string   `xml:"x,attr"`
		Y       string   `xml:"y,attr"`
		Width   string   `xml:"width,attr"`
		Height  string   `xml:"height,attr"`
		Paths   []path   `xml:"path"`
		Circles []circle `xml:"circle"`
	}
	col := layout.Color{R: 0x12, G: 0x34, B: 0x56}
	for _, h := range []string{"hatch", "backhatch", "cross", "dots", "vertical"} {
		tile, ok := layout.HatchTileFor(h)
		if !ok {
			t.Fatalf("%s: no tile", h)
		}
		def := patternDef(patternID(h, col))
		var p pattern
		if err := xml.Unmarshal([]byte(def), &p); err != nil {
			t.Fatalf("%s: %v in %s", h, err, def)
		}
		num := func(s string) layout.Pt {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s: %q is not a number", h, s)
			}
			return layout.Pt(v)
		}
		close := func(a, b layout.Pt) bool { return a-b < 1e-4 && b-a < 1e-4 }
		if p.Units != "userSpaceOnUse" {
			t.Errorf("%s: patternUnits %q, want userSpaceOnUse", h, p.Units)
		}
		if !close(num(p.X), tile.X) || !close(num(p.Y), tile.Y) || !close(num(p.Width), tile.W) || !close(num(p.Height), tile.H) {
			t.Errorf("%s: pattern at %s,%s size %sx%s, want the cell's %v,%v %vx%v", h, p.X, p.Y, p.Width, p.Height, tile.X, tile.Y, tile.W, tile.H)
		}
		segs := 0
		for _, pa := range p.Paths {
			if pa.Stroke != "#123456" || !close(num(pa.StrokeWidth), tile.LineWidth) {
				t.Errorf("%s: path stroked %s %s wide, want #123456 %v wide", h, pa.Stroke, pa.StrokeWidth, tile.LineWidth)
			}
			for _, c := range pa.D {
				if c == 'M' {
					segs++
				}
			}
		}
		if segs != len(tile.Lines) {
			t.Errorf("%s: %d segments, want the cell's %d", h, segs, len(tile.Lines))
		}
		if len(p.Circles) != len(tile.Dots) {
			t.Errorf("%s: %d circles, want the cell's %d", h, len(p.Circles), len(tile.Dots))
		}
		for i, c := range p.Circles {
			d := tile.Dots[i]
			if !close(num(c.CX), d[0]) || !close(num(c.CY), d[1]) || !close(num(c.R), tile.DotRadius) || c.Fill != "#123456" {
				t.Errorf("%s: circle %+v, want at %v radius %v in #123456", h, c, d, tile.DotRadius)
			}
		}
	}
}
