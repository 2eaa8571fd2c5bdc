package charts

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"annalist/fonts"
	"annalist/layout"

	"golang.org/x/image/font/sfnt"
	fx "golang.org/x/image/math/fixed"
)

// Text in an SVG is drawn from the embedded fonts' own glyph outlines,
// so that a chart looks the same in every viewer, on any machine: a
// viewer's substitute for "sans-serif" is wider or narrower, and would
// make labels collide. Each glyph is defined once (at 1000 units to the
// em, y down) and placed with <use>; the text itself follows, invisible,
// so that it can still be found and copied.

// outliner collects the glyphs a document uses.
type outliner struct {
	defs  strings.Builder
	ids   map[glyphKey]string
	fonts map[*fonts.Face]*sfnt.Font
	buf   sfnt.Buffer
}

type glyphKey struct {
	face *fonts.Face
	g    sfnt.GlyphIndex
}

var parsed sync.Map // *fonts.Face -> *sfnt.Font

func newOutliner() *outliner {
	return &outliner{ids: map[glyphKey]string{}, fonts: map[*fonts.Face]*sfnt.Font{}}
}

func (o *outliner) font(face *fonts.Face) *sfnt.Font {
	if f, ok := parsed.Load(face); ok {
		return f.(*sfnt.Font)
	}
	f, err := sfnt.Parse(face.Data)
	if err != nil {
		return nil
	}
	parsed.Store(face, f)
	return f
}

// glyph returns the id of r's glyph in face, defining it on first use;
// "" for a glyph with no outline (a space).
func (o *outliner) glyph(face *fonts.Face, r rune) string {
	f := o.font(face)
	if f == nil {
		return ""
	}
	g, err := f.GlyphIndex(&o.buf, r)
	if err != nil || g == 0 {
		return ""
	}
	k := glyphKey{face, g}
	if id, ok := o.ids[k]; ok {
		return id
	}
	segs, err := f.LoadGlyph(&o.buf, g, fx.I(1000), nil)
	if err != nil || len(segs) == 0 {
		o.ids[k] = ""
		return ""
	}
	id := fmt.Sprintf("g%d", len(o.ids))
	o.ids[k] = id
	pt := func(p fx.Point26_6) string { return num(layout.Pt(p.X)/64) + " " + num(layout.Pt(p.Y)/64) }
	fmt.Fprintf(&o.defs, `<path id="%s" d="`, id)
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			o.defs.WriteString("M" + pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			o.defs.WriteString("L" + pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			o.defs.WriteString("Q" + pt(s.Args[0]) + " " + pt(s.Args[1]))
		case sfnt.SegmentOpCubeTo:
			o.defs.WriteString("C" + pt(s.Args[0]) + " " + pt(s.Args[1]) + " " + pt(s.Args[2]))
		}
	}
	o.defs.WriteString(`Z"/>` + "\n")
	return id
}

// text writes t as placed glyphs: each rune in the face that draws it
// (the chain's fallback, as the PDF writer and the measurer choose), at
// the advances the measurer gave, stretched to t.W as the PDF is.
func (o *outliner) text(out *strings.Builder, t layout.Text) {
	family := t.Font.Family
	if fonts.Lookup(family, fonts.Regular) == nil {
		family = fonts.Serif
	}
	style := fonts.Style(t.Font.Style)
	type placed struct {
		id string
		x  float64
	}
	var gs []placed
	x := 0.0
	for _, r := range t.Text {
		face, ok := fonts.Resolve(family, style, r)
		if !ok {
			continue
		}
		if id := o.glyph(face, r); id != "" {
			gs = append(gs, placed{id, x})
		}
		x += float64(face.Advance(r)) * float64(t.Size) / 1000
	}
	hs := 1.0
	if t.W > 0 && x > 0 {
		hs = float64(t.W) / x
	}
	k := float64(t.Size) / 1000
	fmt.Fprintf(out, `<g fill="%s" transform="translate(%s %s)">`, hex(t.Color), num(t.X), num(t.Y))
	for _, g := range gs {
		fmt.Fprintf(out, `<use href="#%s" transform="translate(%s 0) scale(%s %s)"/>`, g.id, num(layout.Pt(g.x*hs)), fine(k*hs), fine(k))
	}
	out.WriteString("</g>\n")
}

// fine prints a scale factor with the precision a glyph's placement needs.
func fine(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }
