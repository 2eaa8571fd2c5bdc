package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"annalist/charts"
	"annalist/content"
	"annalist/fonts"
	"annalist/internal/synth"
	"annalist/layout"
)

// benchSizes are the narrative lengths measured, in pages asked of the
// generator; the pages set come out within about a tenth of that.
var benchSizes = []int{10, 100, 200, 1000}

// synthFiles caches the generated files per size, so a benchmark run
// generates each once.
var synthFiles = map[int][2][]byte{}

func synthInput(b testing.TB, pages int) (yamlData, narrative []byte) {
	if f, ok := synthFiles[pages]; ok {
		return f[0], f[1]
	}
	y, md := synth.Files(synth.Config{Pages: pages, Seed: 1})
	synthFiles[pages] = [2][]byte{y, md}
	return y, md
}

func synthDoc(b testing.TB, pages int) *content.Document {
	b.Helper()
	doc, err := synth.LoadFiles(synthInput(b, pages))
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// buildLayout is the layout stage as the command runs it: the charts
// planned into the box layout offers, then the whole handout.
func buildLayout(b testing.TB, doc *content.Document) *layout.Document {
	b.Helper()
	m := layout.NewMeasurer()
	ldoc, err := layout.Build(doc, nil, layout.Options{
		Measurer: m,
		Plan: func(box layout.Size) ([]layout.Block, error) {
			return charts.Plan(doc, box, m)
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	return ldoc
}

// countNotes counts the notes set in a laid-out document (their first
// part, "note-N").
func countNotes(d *layout.Document) int {
	n := 0
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if dst, ok := it.(layout.Dest); ok && len(dst.Name) > 5 && dst.Name[:5] == "note-" && !bytes.HasSuffix([]byte(dst.Name), []byte("-cont")) {
				n++
			}
		}
	}
	return n
}

// textPages counts the pages of narrative: from the generator's first
// section ("1. ...") to the chronology.
func textPages(d *layout.Document) int {
	first, chron := -1, len(d.Pages)
	for _, b := range d.Outline {
		if b.Level != 0 {
			continue
		}
		if first < 0 && strings.HasPrefix(b.Title, "1. ") {
			first = b.Page
		}
		if b.Title == "Chronology" {
			chron = b.Page
		}
	}
	if first < 0 {
		return 0
	}
	return chron - first
}

// BenchmarkPipeline is the whole build of a synthetic handout, from its
// YAML and Markdown bytes to the PDF bytes: load, chart plan, layout,
// write. Only the disk write is left out.
func BenchmarkPipeline(b *testing.B) {
	for _, pages := range benchSizes {
		y, md := synthInput(b, pages)
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			var ld *layout.Document
			var size int
			for b.Loop() {
				doc, err := synth.LoadFiles(y, md)
				if err != nil {
					b.Fatal(err)
				}
				pdf, l, err := render(doc, false)
				if err != nil {
					b.Fatal(err)
				}
				ld, size = l, len(pdf)
			}
			b.ReportMetric(float64(len(ld.Pages)), "pages")
			b.ReportMetric(float64(textPages(ld)), "text-pages")
			b.ReportMetric(float64(countNotes(ld)), "notes")
			b.ReportMetric(float64(size), "pdf-bytes")
		})
	}
}

// BenchmarkLoad is content.Load alone.
func BenchmarkLoad(b *testing.B) {
	for _, pages := range benchSizes {
		y, md := synthInput(b, pages)
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := synth.LoadFiles(y, md); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLayout is the layout stage alone (charts.Plan and
// layout.Build) on a loaded document.
func BenchmarkLayout(b *testing.B) {
	for _, pages := range benchSizes {
		doc := synthDoc(b, pages)
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buildLayout(b, doc)
			}
		})
	}
}

// BenchmarkWritePDF is the writer alone on a laid-out document.
func BenchmarkWritePDF(b *testing.B) {
	for _, pages := range benchSizes {
		ldoc := buildLayout(b, synthDoc(b, pages))
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := layout.WritePDFWith(&buf, ldoc, layout.WritePDFOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDefault is the whole pipeline on the handout built into the
// binary: what `annalist` with no arguments does, but for the write.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	var ld *layout.Document
	for b.Loop() {
		doc, err := content.Default()
		if err != nil {
			b.Fatal(err)
		}
		if _, ld, err = render(doc, false); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(ld.Pages)), "pages")
	b.ReportMetric(float64(countNotes(ld)), "notes")
}

// BenchmarkEvents is the whole build of synthetic handouts with many
// events and no narrative, up to the loader's limit (content.MaxEvents):
// the chart's planning is what grows. The README's limits cite it.
func BenchmarkEvents(b *testing.B) {
	for _, c := range []struct{ events, tracks int }{{1000, 8}, {2500, 12}, {content.MaxEvents, 12}} {
		y, md := synth.Files(synth.Config{Events: c.events, Tracks: c.tracks, Seed: 1})
		b.Run(fmt.Sprintf("events=%d/tracks=%d", c.events, c.tracks), func(b *testing.B) {
			var ld *layout.Document
			for b.Loop() {
				doc, err := synth.LoadFiles(y, md)
				if err != nil {
					b.Fatal(err)
				}
				_, l, err := render(doc, false)
				if err != nil {
					b.Fatal(err)
				}
				ld = l
			}
			b.ReportMetric(float64(len(ld.Pages)), "pages")
		})
	}
}

// BenchmarkFloor measures the whole build of the issue-18 handout (200
// pages of narrative and a 400-event chart) beside its floor: the same
// pages written with plain fpdf calls, one Text call per text item (a
// word of justified text, a run of ragged), in the same embedded fonts,
// with no layout, no chart shapes and no links. pipeline/floor is the
// cost of everything Annalist does beyond putting the text on the page;
// the README reports it.
func BenchmarkFloor(b *testing.B) {
	y, md := synth.Files(synth.Config{Pages: 200, Events: 400, Seed: 1})
	doc, err := synth.LoadFiles(y, md)
	if err != nil {
		b.Fatal(err)
	}
	_, ldoc, err := render(doc, false)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("pipeline", func(b *testing.B) {
		b.ReportAllocs()
		var size int
		for b.Loop() {
			doc, err := synth.LoadFiles(y, md)
			if err != nil {
				b.Fatal(err)
			}
			pdf, _, err := render(doc, false)
			if err != nil {
				b.Fatal(err)
			}
			size = len(pdf)
		}
		b.ReportMetric(float64(size), "pdf-bytes")
	})
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		var size int
		for b.Loop() {
			size = writeFloor(b, ldoc)
		}
		b.ReportMetric(float64(size), "pdf-bytes")
	})
}

var floorDump string // set by a test to look at the floor's pages

// writeFloor writes the text of ldoc's pages with bare fpdf calls and
// returns the PDF's size.
func writeFloor(b *testing.B, ldoc *layout.Document) int {
	first := ldoc.Pages[0].Size
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: float64(first.W), Ht: float64(first.H)}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	added := map[*fonts.Face]bool{}
	for _, p := range ldoc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(layout.Text); ok {
				f := fonts.Lookup(t.Font.Family, fonts.Style(t.Font.Style))
				if f != nil && !added[f] {
					pdf.AddUTF8FontFromBytes(f.Name, "", f.Data)
					added[f] = true
				}
			}
		}
	}
	var cur *fonts.Face
	var curSize layout.Pt
	for _, p := range ldoc.Pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: float64(p.Size.W), Ht: float64(p.Size.H)})
		for _, it := range p.Items {
			t, ok := it.(layout.Text)
			if !ok {
				continue
			}
			f := fonts.Lookup(t.Font.Family, fonts.Style(t.Font.Style))
			if f == nil {
				continue
			}
			if f != cur || t.Size != curSize {
				pdf.SetFont(f.Name, "", float64(t.Size))
				cur, curSize = f, t.Size
			}
			pdf.Text(float64(t.X), float64(t.Y), t.Text)
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		b.Fatal(err)
	}
	if floorDump != "" {
		os.WriteFile(floorDump, buf.Bytes(), 0o644)
	}
	return buf.Len()
}
