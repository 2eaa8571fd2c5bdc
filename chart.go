package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"annalist/charts"
	"annalist/content"
	"annalist/layout"
)

// chartNotes numbers the chart's citations for `annalist chart`, which
// writes the chart without the rest of the handout: the numbers the
// chart prints are explained in a list of notes under it.
type chartNotes struct{ cites [][]content.Cite }

func (n *chartNotes) Cite(c []content.Cite) int {
	n.cites = append(n.cites, c)
	return len(n.cites)
}

// writeChart writes the timeline (every window, then the detail figures)
// as one SVG, the blocks stacked down the image with the notes under them.
func writeChart(doc *content.Document, name string, o options, stdout io.Writer) error {
	if o.size != "" {
		return writeSlide(doc, name, o, stdout)
	}
	size := layout.A4.Landscape()
	if doc.Paper == "letter" {
		size = layout.Letter.Landscape()
	}
	const margin = 36
	box := layout.Size{W: size.W - 2*margin, H: size.H - 2*margin}
	m := layout.NewMeasurer()
	blocks, err := charts.Plan(doc, box, m)
	if err != nil {
		return fmt.Errorf("annalist: the chart does not fit: %w", err)
	}
	if len(blocks) == 0 {
		return fmt.Errorf("annalist: nothing to chart: no event has a known date")
	}
	if o.list {
		listFigures(blocks, stdout)
		return nil
	}
	suffix := "-charts"
	if !o.all {
		// One figure a file, the overview unless --figure names another.
		n, err := pickFigure(blocks, o.figure, "")
		if err != nil {
			return err
		}
		suffix = "-" + figureNames(blocks)[n]
		blocks = blocks[n : n+1]
	}
	notes := &chartNotes{}
	var items []layout.Item
	y := layout.Pt(margin)
	// Each block under its title, as the handout heads its page: the
	// windows of a split chart, its groups of tracks and the detail
	// figures are told apart by them.
	bold := layout.Font{Family: "sans", Style: layout.Bold}
	const titleSize = 10
	for _, b := range blocks {
		title := blockTitle(b)
		items = append(items, layout.Text{X: margin, Y: y + titleSize, Text: title, Font: bold, Size: titleSize, Color: layout.Black, W: m.Width(title, bold, titleSize)})
		y += 2 * titleSize
		its, err := b.Layout(margin, y, box.W, box.H, m, notes)
		if err != nil {
			return err
		}
		items = append(items, its...)
		y += box.H + margin
	}
	// The notes, in small type, one a line.
	citer := content.NewCiter(doc, content.CiteOptions{ShortIbid: doc.ShortIbid})
	font := layout.Font{Family: "sans"}
	const size8 = 8
	for i, c := range notes.cites {
		var sb strings.Builder
		fmt.Fprintf(&sb, "%d. ", i+1)
		for _, s := range citer.Note(c) {
			sb.WriteString(s.Text)
		}
		// Wrapped to the chart's width, later lines indented: a long
		// note stays on the image.
		indent := layout.Pt(0)
		for _, line := range wrapWords(sb.String(), box.W, func(t string) layout.Pt { return m.Width(t, font, size8) }) {
			y += 11
			items = append(items, layout.Text{X: margin + indent, Y: y, Text: line, Font: font, Size: size8, Color: layout.Black, W: m.Width(line, font, size8)})
			indent = 12
		}
	}
	var buf bytes.Buffer
	path := outPath(o, name+suffix, ".svg")
	if err := writeFigure(&buf, path, o, items, layout.Size{W: size.W, H: y + margin}); err != nil {
		return err
	}
	if path == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := writeAtomic(path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%s, %s)\n", path, plural(len(blocks), "figure"), plural(len(notes.cites), "source note"))
	return nil
}

// plural is "1 figure", "3 figures".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// blockTitle names a chart block as the handout heads its page.
func blockTitle(b layout.Block) string {
	if t, ok := b.(layout.Titled); ok && t.Title() != "" {
		return t.Title()
	}
	return "Timeline"
}

// wrapWords breaks text into lines no wider than w (the first line) or
// w-12 (the others, indented), at spaces; a word wider than a line is a
// line of its own.
func wrapWords(text string, w layout.Pt, width func(string) layout.Pt) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(text) {
		limit := w
		if len(lines) > 0 {
			limit = w - 12
		}
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if cur != "" && width(next) > limit {
			lines = append(lines, cur)
			cur = word
			continue
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// sourceNotes records the sources a figure cites, in order, and gives
// each citation the number 0: a slide names them in one source line, not
// in numbered notes.
type sourceNotes struct {
	ids  []string
	seen map[string]bool
}

func (n *sourceNotes) Cite(cs []content.Cite) int {
	for _, c := range cs {
		if !n.seen[c.Source] {
			n.seen[c.Source] = true
			n.ids = append(n.ids, c.Source)
		}
	}
	return 0
}

// slideSize reads --size: a ratio ("16:9", "4:3", sized as a 16:9 slide
// of 960 x 540 pt is) or a width and height, "254x142.9mm", "10x5.625in",
// "960x540" (points).
func slideSize(s string) (layout.Size, error) {
	if a, b, ok := strings.Cut(s, ":"); ok {
		w, err1 := strconv.ParseFloat(a, 64)
		h, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil || w <= 0 || h <= 0 || w/h > 4 || h/w > 4 {
			return layout.Size{}, usagef("--size %s: give a ratio such as 16:9 or 4:3, or a width and height such as 254x142.9mm", s)
		}
		return layout.Size{W: layout.Pt(540 * w / h), H: 540}, nil
	}
	unit := 1.0
	for suffix, u := range map[string]float64{"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72, "pt": 1} {
		if strings.HasSuffix(s, suffix) {
			s, unit = strings.TrimSuffix(s, suffix), u
		}
	}
	a, b, ok := strings.Cut(s, "x")
	w, err1 := strconv.ParseFloat(a, 64)
	h, err2 := strconv.ParseFloat(b, 64)
	if !ok || err1 != nil || err2 != nil || w*unit < 200 || h*unit < 120 || w*unit > 5000 || h*unit > 5000 {
		return layout.Size{}, usagef("--size %s: give a ratio such as 16:9 or a width and height such as 254x142.9mm (at least 200 x 120 pt)", s)
	}
	return layout.Size{W: layout.Pt(w * unit), H: layout.Pt(h * unit)}, nil
}

// writeSlide writes one figure (--figure, the first by default) on a
// page of --size for a slide: the figure under its title, and under it
// the sources it cites in one short line (their short references, as a
// later note gives them), instead of numbered notes.
func writeSlide(doc *content.Document, name string, o options, stdout io.Writer) error {
	size, err := slideSize(o.size)
	if err != nil {
		return err
	}
	const margin, titleSize, srcSize = 24, 11, 8
	m := layout.NewMeasurer()
	font, bold := layout.Font{Family: "sans"}, layout.Font{Family: "sans", Style: layout.Bold}
	srcLine := layout.Pt(srcSize + 3)
	box := layout.Size{W: size.W - 2*margin, H: size.H - 2*margin - 2*titleSize - 3*srcLine}
	blocks, err := charts.Plan(doc, box, m)
	if err != nil {
		return fmt.Errorf("annalist: the chart does not fit a slide of %s: %w", o.size, err)
	}
	if len(blocks) == 0 {
		return fmt.Errorf("annalist: nothing to chart: no event has a known date")
	}
	if o.list {
		listFigures(blocks, stdout)
		return nil
	}
	idx, err := pickFigure(blocks, o.figure, " --size "+o.size)
	if err != nil {
		return err
	}
	b := blocks[idx]
	title := blockTitle(b)
	items := []layout.Item{layout.Text{X: margin, Y: margin + titleSize, Text: title, Font: bold, Size: titleSize, Color: layout.Black, W: m.Width(title, bold, titleSize)}}
	notes := &sourceNotes{seen: map[string]bool{}}
	its, err := b.Layout(margin, margin+2*titleSize, box.W, box.H, m, notes)
	if err != nil {
		return err
	}
	items = append(items, its...)
	var refs []string
	for _, id := range notes.ids {
		if s := doc.SourceByID[id]; s != nil {
			refs = append(refs, content.ShortRef(s))
		}
	}
	if len(refs) > 0 {
		line := "Sources: " + strings.Join(refs, "; ") + "."
		// American punctuation: the period inside a closing quotation mark.
		line = strings.TrimSuffix(line, "”.")
		if !strings.HasSuffix(line, ".") {
			line += ".”"
		}
		lines := wrapWords(line, box.W, func(t string) layout.Pt { return m.Width(t, font, srcSize) })
		if len(lines) > 3 {
			lines = append(lines[:2], lines[2]+" …")
		}
		y := margin + 2*titleSize + box.H
		for i, line := range lines {
			x := layout.Pt(margin)
			if i > 0 {
				x += 12
			}
			y += srcLine
			items = append(items, layout.Text{X: x, Y: y, Text: line, Font: font, Size: srcSize, Color: layout.Black, W: m.Width(line, font, srcSize)})
		}
	}
	var buf bytes.Buffer
	path := outPath(o, name+"-slide-"+figureNames(blocks)[idx], ".svg")
	if err := writeFigure(&buf, path, o, items, size); err != nil {
		return err
	}
	if path == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := writeAtomic(path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%q, %.0f x %.0f pt, %s)\n", path, title, size.W, size.H, plural(len(refs), "source"))
	return nil
}

// writeFigure draws items as the output path's extension says: a
// one-page PDF for .pdf, PNG at --dpi (300 unless given) for .png (and
// for - with a --dpi), SVG otherwise.
func writeFigure(w io.Writer, path string, o options, items []layout.Item, size layout.Size) error {
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		// One page the figure's size, by the handout's own PDF writer:
		// fonts embedded, patterns as patterns. Links into the handout
		// (its chronology, its other figures) go nowhere in a figure
		// alone and are dropped; links within it and to URLs stay.
		dests := map[string]bool{}
		for _, it := range items {
			if d, ok := it.(layout.Dest); ok {
				dests[d.Name] = true
			}
		}
		kept := make([]layout.Item, 0, len(items))
		for _, it := range items {
			if l, ok := it.(layout.Link); ok && l.URL == "" && !dests[l.Dest] {
				continue
			}
			kept = append(kept, it)
		}
		return layout.WritePDF(w, &layout.Document{Pages: []*layout.Page{{Size: size, Items: kept}},
			Meta: layout.Meta{Title: "Chart", Creator: "Annalist"}})
	}
	// -o - writes SVG, or PNG when a --dpi asks for pixels.
	if strings.EqualFold(filepath.Ext(path), ".png") || path == "-" && o.dpi != 0 {
		dpi := o.dpi
		if dpi == 0 {
			dpi = 300
		}
		return charts.WritePNG(w, items, size, float64(dpi))
	}
	return charts.WriteSVG(w, items, size)
}

// figureNames names the chart's figures as --figure takes them: the
// overview (overview-2 ... for the windows of a split one, or its groups
// of tracks), detail-1, detail-2 ..., and the sources figure.
func figureNames(blocks []layout.Block) []string {
	names := make([]string, len(blocks))
	overview, detail, other := 0, 0, 0
	for i, b := range blocks {
		switch t := b.(type) {
		case *charts.Timeline:
			if t.Dests {
				overview++
				names[i] = "overview"
				if overview > 1 {
					names[i] = fmt.Sprintf("overview-%d", overview)
				}
				continue
			}
			detail++
			names[i] = fmt.Sprintf("detail-%d", detail)
		case *charts.SourceCoverage:
			names[i] = "sources"
		default:
			other++
			names[i] = fmt.Sprintf("figure-%d", other)
		}
	}
	return names
}

// listFigures prints each figure's number, name and title.
func listFigures(blocks []layout.Block, stdout io.Writer) {
	for i, name := range figureNames(blocks) {
		fmt.Fprintf(stdout, "%d  %-10s  %s\n", i+1, name, blockTitle(blocks[i]))
	}
}

// pickFigure finds the figure --figure names, by number or name; the
// overview when it names none.
func pickFigure(blocks []layout.Block, figure, hint string) (int, error) {
	if figure == "" {
		return 0, nil
	}
	names := figureNames(blocks)
	if n, err := strconv.Atoi(figure); err == nil && n >= 1 && n <= len(blocks) {
		return n - 1, nil
	}
	for i, name := range names {
		if name == figure {
			return i, nil
		}
	}
	return 0, usagef("--figure %s: the chart's figures are %s (annalist chart%s --list)", figure, strings.Join(names, ", "), hint)
}
