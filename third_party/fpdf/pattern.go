// Copyright ©2026 The Annalist authors. Use of this source code is governed
// by the MIT-style license in the LICENSE file of this package.

package fpdf

// [Annalist patch] Coloured tiling patterns (PDF 32000-1:2008, 8.7.3.2:
// PatternType 1, PaintType 1). fpdf v0.12 has none, so a repeating fill
// such as a hatch had to be drawn as one line or circle per repeat: tens of
// thousands of path operators on a page. A pattern is one small stream that
// the viewer repeats, and every page that fills with it refers to the same
// object through the shared resource dictionary.

import (
	"fmt"
	"strconv"
	"strings"
)

// TilingPattern is one cell of a coloured tiling pattern and how it
// repeats. Its numbers are in pattern space, which Matrix maps to the
// default coordinate space of the page being filled: points, origin at the
// bottom left, y up. fpdf's unit and its y-down convention do not apply.
// Because pattern space is anchored to the page and not to the shape being
// filled, two neighbouring shapes filled with one pattern show one
// continuous texture.
type TilingPattern struct {
	// BBox is the cell, [llx lly urx ury]; the cell's content is clipped
	// to it.
	BBox [4]float64
	// XStep and YStep are the spacing of the cells, horizontally and
	// vertically; both must be non-zero.
	XStep, YStep float64
	// Matrix maps pattern space to the page's default space. The zero
	// value means the identity.
	Matrix [6]float64
	// Content is the content stream that paints one cell: PDF operators
	// that set their own colours, line width, cap and dash, since a
	// pattern cell starts from the graphics state at the beginning of the
	// page and not from the state where it is used. It may use no named
	// resources (fonts, images).
	Content string
}

// tilingPatterns is what Fpdf keeps of the patterns added, in the order
// they were first added, which is the order they are written.
type tilingPatterns struct {
	list   []tilingPatternEntry
	byDict map[string]int // pattern dictionary and content -> index in list
}

type tilingPatternEntry struct {
	dict    string // the dictionary's entries but /Length and /Filter
	content string
	objNum  int
}

// AddTilingPattern registers p and returns its resource name, such as
// "P1", for SetFillPattern. Adding a pattern equal to one already added
// returns the earlier name, so a caller may add a pattern wherever it uses
// one. Names are numbered in the order patterns are first added, so the
// output does not depend on anything but the calls made.
func (f *Fpdf) AddTilingPattern(p TilingPattern) string {
	if f.err != nil {
		return ""
	}
	if p.XStep == 0 || p.YStep == 0 {
		f.err = fmt.Errorf("tiling pattern with a zero step (%g, %g)", p.XStep, p.YStep)
		return ""
	}
	m := p.Matrix
	if m == [6]float64{} {
		m = [6]float64{1, 0, 0, 1, 0, 0}
	}
	var b strings.Builder
	nums := func(v ...float64) {
		for i, x := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(patternNum(x))
		}
	}
	b.WriteString("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [")
	nums(p.BBox[:]...)
	b.WriteString("] /XStep ")
	nums(p.XStep)
	b.WriteString(" /YStep ")
	nums(p.YStep)
	b.WriteString(" /Matrix [")
	nums(m[:]...)
	// A pattern's content stream must have a resource dictionary, even
	// one that names nothing.
	b.WriteString("] /Resources <</ProcSet [/PDF]>>")
	dict := b.String()
	key := dict + "\x00" + p.Content
	if i, ok := f.patterns.byDict[key]; ok {
		return patternName(i)
	}
	if f.patterns.byDict == nil {
		f.patterns.byDict = map[string]int{}
	}
	i := len(f.patterns.list)
	f.patterns.list = append(f.patterns.list, tilingPatternEntry{dict: dict, content: p.Content})
	f.patterns.byDict[key] = i
	return patternName(i)
}

// SetFillPattern makes the pattern named by AddTilingPattern the fill
// colour: what Rect, DrawPath and the other filling methods paint with
// until the next SetFillColor (or SetFillSpotColor, or SetFillPattern).
// Text is painted with the text colour as before: fpdf knows the fill is
// no longer the text colour and sets that around each string. While a
// pattern is the fill, GetFillColor returns zeros.
func (f *Fpdf) SetFillPattern(name string) {
	if f.err != nil {
		return
	}
	if !f.patterns.has(name) {
		f.err = fmt.Errorf("tiling pattern %q was not added", name)
		return
	}
	// Recorded as the fill colour's operators, as a spot colour is, so
	// AddPage sets it again on the next page and Text sees that the fill
	// and text colours differ.
	f.color.fill = colorType{mode: colorModeRGB, str: "/Pattern cs /" + name + " scn"}
	f.colorFlag = f.color.fill.str != f.color.text.str
	if f.page > 0 {
		f.out(f.color.fill.str)
	}
}

func (ps *tilingPatterns) has(name string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(name, "P"))
	return err == nil && strings.HasPrefix(name, "P") && n >= 1 && n <= len(ps.list) && patternName(n-1) == name
}

func patternName(i int) string { return "P" + strconv.Itoa(i+1) }

// patternNum writes a number as PDF wants it: no exponent, at most six
// decimals, no trailing zeros.
func patternNum(x float64) string {
	s := strconv.FormatFloat(x, 'f', 6, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" || s == "" {
		s = "0"
	}
	return s
}

// putTilingPatterns writes the pattern objects, before the resource
// dictionary that names them.
func (f *Fpdf) putTilingPatterns() {
	for i := range f.patterns.list {
		p := &f.patterns.list[i]
		f.newobj()
		p.objNum = f.n
		data := []byte(p.content)
		filter := ""
		if f.compress {
			mem := xmem.compress(data)
			data = mem.copy()
			mem.release()
			filter = " /Filter /FlateDecode"
		}
		f.outf("<<%s%s /Length %d>>", p.dict, filter, len(data))
		f.putstream(data)
		f.out("endobj")
	}
}

// tilingPatternPutResourceDict names the patterns in the resource
// dictionary every page shares.
func (f *Fpdf) tilingPatternPutResourceDict() {
	if len(f.patterns.list) == 0 {
		return
	}
	f.out("/Pattern <<")
	for i, p := range f.patterns.list {
		f.outf("/%s %d 0 R", patternName(i), p.objNum)
	}
	f.out(">>")
}
