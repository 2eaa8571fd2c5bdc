package charts

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"annalist/layout"
)

// WriteSVG writes items as an SVG image of the given size, in points. It
// draws the same display list the PDF writer draws: text as <text> (its
// length pinned to the measured width, so a viewer's font cannot make
// labels collide), hatches as <pattern>s, links as <a>. It is what
// `annalist chart` writes and what we look at while the PDF writer is
// elsewhere.
func WriteSVG(w io.Writer, items []layout.Item, size layout.Size) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%spt" height="%spt" viewBox="0 0 %s %s">`+"\n",
		num(size.W), num(size.H), num(size.W), num(size.H))
	p(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	// Patterns first: one per (hatch, colour) used.
	pats := map[string]bool{}
	for _, it := range items {
		if r, ok := it.(layout.Rect); ok && r.Hatch != "" {
			pats[patternID(r.Hatch, r.HatchColor)] = true
		}
	}
	if len(pats) > 0 {
		ids := make([]string, 0, len(pats))
		for id := range pats {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		p("<defs>\n")
		for _, id := range ids {
			p("%s\n", patternDef(id))
		}
		p("</defs>\n")
	}
	glyphs := newOutliner()
	for _, it := range items {
		switch v := it.(type) {
		case layout.Text:
			// Drawn from the fonts' outlines (see outline.go); the
			// <text> after it is invisible, for finding and copying.
			var g strings.Builder
			glyphs.text(&g, v)
			bw.WriteString(g.String())
			weight, style := "normal", "normal"
			if v.Font.Style == layout.Bold || v.Font.Style == layout.BoldItalic {
				weight = "bold"
			}
			if v.Font.Style == layout.Italic || v.Font.Style == layout.BoldItalic {
				style = "italic"
			}
			fam := "sans-serif"
			if v.Font.Family == "serif" {
				fam = "serif"
			}
			p(`<text x="%s" y="%s" font-family="%s" font-size="%s" font-weight="%s" font-style="%s" fill="%s" fill-opacity="0"`,
				num(v.X), num(v.Y), fam, num(v.Size), weight, style, hex(v.Color))
			if v.W > 0 {
				p(` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(v.W))
			}
			p(">%s</text>\n", escape(v.Text))
		case layout.Rule:
			p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`+"\n",
				num(v.X1), num(v.Y1), num(v.X2), num(v.Y2), hex(v.Color), num(v.Width), dash(v.Dash))
		case layout.Rect:
			geo := fmt.Sprintf(`x="%s" y="%s" width="%s" height="%s"`, num(v.X), num(v.Y), num(v.W), num(v.H))
			if v.Fill != nil {
				p(`<rect %s fill="%s"/>`+"\n", geo, hex(*v.Fill))
			}
			if v.Hatch != "" {
				p(`<rect %s fill="url(#%s)"/>`+"\n", geo, patternID(v.Hatch, v.HatchColor))
			}
			if v.Stroke != nil {
				p(`<rect %s fill="none" stroke="%s" stroke-width="%s"%s/>`+"\n", geo, hex(*v.Stroke), num(v.StrokeWidth), dash(v.Dash))
			}
		case layout.Path:
			fill, stroke := "none", ""
			if v.Fill != nil {
				fill = hex(*v.Fill)
			}
			if v.Stroke != nil {
				stroke = fmt.Sprintf(` stroke="%s" stroke-width="%s" stroke-linejoin="round"%s`, hex(*v.Stroke), num(v.StrokeWidth), dash(v.Dash))
			}
			p(`<path d="%s" fill="%s"%s/>`+"\n", pathData(v.Ops), fill, stroke)
		case layout.Link:
			href := v.URL
			if href == "" {
				href = "#" + v.Dest
			}
			p(`<a xlink:href="%s"><rect x="%s" y="%s" width="%s" height="%s" fill="#ffffff" fill-opacity="0"/></a>`+"\n",
				escape(href), num(v.X), num(v.Y), num(v.W), num(v.H))
		case layout.Dest:
			p(`<g id="%s" transform="translate(%s %s)"/>`+"\n", escape(v.Name), num(v.X), num(v.Y))
		default:
			return fmt.Errorf("charts: WriteSVG: unknown item %T", it)
		}
	}
	if glyphs.defs.Len() > 0 {
		p("<defs>\n%s</defs>\n", glyphs.defs.String())
	}
	p("</svg>\n")
	return bw.Flush()
}

func num(p layout.Pt) string {
	s := fmt.Sprintf("%.2f", float64(p))
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func hex(c layout.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func dash(d []layout.Pt) string {
	if len(d) == 0 {
		return ""
	}
	parts := make([]string, len(d))
	for i, v := range d {
		parts[i] = num(v)
	}
	return ` stroke-dasharray="` + strings.Join(parts, " ") + `"`
}

func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func pathData(ops []layout.PathOp) string {
	var b strings.Builder
	for _, op := range ops {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(op.Op)
		for _, v := range op.Pts {
			b.WriteByte(' ')
			b.WriteString(num(v))
		}
	}
	return b.String()
}

func patternID(hatch string, c layout.Color) string {
	return "hatch-" + hatch + "-" + strings.TrimPrefix(hex(c), "#")
}

// patternDef is the <pattern> for a hatch id: layout.HatchTileFor's cell,
// the one the PDF writer makes its tiling patterns of, so the SVG and the
// PDF draw the same marks in the same places. userSpaceOnUse ties the
// tiles to the drawing, not to each rectangle, so neighbouring bars line
// up like one texture.
func patternDef(id string) string {
	parts := strings.SplitN(strings.TrimPrefix(id, "hatch-"), "-", 2)
	kind, col := parts[0], "#"+parts[1]
	t, ok := layout.HatchTileFor(kind)
	if !ok {
		return fmt.Sprintf(`<pattern id="%s" patternUnits="userSpaceOnUse" width="1" height="1"/>`, id)
	}
	var body strings.Builder
	if len(t.Lines) > 0 {
		fmt.Fprintf(&body, `<path d="`)
		for i, l := range t.Lines {
			if i > 0 {
				body.WriteByte(' ')
			}
			fmt.Fprintf(&body, "M%s %sL%s %s", fnum(l[0]), fnum(l[1]), fnum(l[2]), fnum(l[3]))
		}
		fmt.Fprintf(&body, `" stroke="%s" stroke-width="%s" stroke-linecap="butt" fill="none"/>`, col, fnum(t.LineWidth))
	}
	for _, d := range t.Dots {
		fmt.Fprintf(&body, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, fnum(d[0]), fnum(d[1]), fnum(t.DotRadius), col)
	}
	return fmt.Sprintf(`<pattern id="%s" patternUnits="userSpaceOnUse" x="%s" y="%s" width="%s" height="%s">%s</pattern>`,
		id, fnum(t.X), fnum(t.Y), fnum(t.W), fnum(t.H), body.String())
}

// fnum is num with four decimals, for pattern cells: a cell's size must
// be exact, or its small error adds up over the hundreds of cells across
// a chart.
func fnum(p layout.Pt) string {
	s := strconv.FormatFloat(float64(p), 'f', 4, 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
