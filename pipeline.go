package main

import (
	"bytes"
	"fmt"
	"io"

	"annalist/charts"
	"annalist/content"
	"annalist/layout"
)

// render runs the stages after loading: the chart blocks, the layout of
// the whole handout, and the PDF writer. It returns the PDF bytes and the
// layout's warnings; nothing is written to disk here.
func render(doc *content.Document, grayscale bool) ([]byte, *layout.Document, error) {
	date, dateSet, err := sourceDateEpoch()
	if err != nil {
		return nil, nil, err
	}
	m := layout.NewMeasurer()
	var figures []layout.Block // the last plan, whose blocks Build laid out
	ldoc, err := layout.Build(doc, nil, layout.Options{
		Measurer: m,
		Date:     date,
		DateSet:  dateSet,
		Plan: func(box layout.Size) ([]layout.Block, error) {
			bs, err := charts.Plan(doc, box, m)
			figures = bs
			return bs, err
		},
	})
	if err != nil {
		return nil, nil, err
	}
	ldoc.Warnings = append(ldoc.Warnings, charts.Warnings(figures)...)
	var buf bytes.Buffer
	if err := layout.WritePDFWith(&buf, ldoc, layout.WritePDFOptions{Grayscale: grayscale}); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), ldoc, nil
}

// writeHandout builds the PDF and writes it atomically.
func writeHandout(doc *content.Document, name string, o options, stdout, stderr io.Writer) error {
	pdf, ldoc, err := render(doc, o.grayscale)
	if err != nil {
		return err
	}
	// Every stage's warnings already say "warning:" (positioned, or
	// "layout: warning: ...", "charts: warning: ..."). The built-in
	// handout's are for its authors, not printed (see load).
	if len(o.files) > 0 {
		for _, w := range ldoc.Warnings {
			fmt.Fprintln(stderr, w)
		}
	}
	path := outPath(o, name, ".pdf")
	if path == "-" {
		// -o -: the PDF itself is the output, so no "wrote" line
		// mixes into it.
		_, err := stdout.Write(pdf)
		return err
	}
	if err := writeAtomic(path, pdf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d pages)\n", path, len(ldoc.Pages))
	return nil
}
