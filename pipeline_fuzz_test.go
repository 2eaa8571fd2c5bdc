package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"annalist/content"
	"annalist/layout"
)

// FuzzPipeline feeds the whole pipeline (YAML bytes → load → glyph check
// → chart plan → layout → PDF bytes) arbitrary input, with the built-in
// handout's narrative and a small bibliography beside it. It must not
// panic; an input the loader refuses gets positioned problems; an input
// it accepts either fails to render with a message or gives a PDF that
// pdfcpu's strict validation accepts, byte-identical when rendered again.
func FuzzPipeline(f *testing.F) {
	seeds, _ := filepath.Glob("content/testdata/good/*.yaml")
	seeds = append(seeds, "content/default/handout.yaml", "examples/apollo.yaml")
	bad, _ := filepath.Glob("content/testdata/bad/*.yaml")
	seeds = append(seeds, bad...)
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(hostileYAML))
	narrative, err := os.ReadFile("content/default/narrative.md")
	if err != nil {
		f.Fatal(err)
	}
	fsys := fstest.MapFS{
		"narrative.md": {Data: narrative},
		"n.md":         {Data: []byte("# Intro\n\nText.[@doe, 3] See [[e1]].[^1]\n\n[^1]: A note.\n")},
		"refs.bib":     {Data: []byte(hostileBib)},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Larger inputs are the benchmarks' and the limits tests'
		// business: a fuzz run is many small inputs, each quick.
		if len(data) > 128<<10 {
			t.Skip()
		}
		doc, err := content.Load("h.yaml", data, fsys)
		if err == nil {
			err = layout.CheckGlyphs(doc)
		}
		if err != nil {
			var list content.ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					if e.Pos.File == "" || e.Pos.Line < 1 || e.Pos.Column < 1 {
						t.Errorf("unpositioned problem %q", e.Error())
					}
				}
			}
			return
		}
		pdf, _, err := render(doc, false)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("output does not start %%PDF-: %q", pdf[:min(len(pdf), 16)])
		}
		validatePDF(t, pdf)
		doc2, err := content.Load("h.yaml", data, fsys)
		if err != nil {
			t.Fatalf("a second load fails: %v", err)
		}
		pdf2, _, err := render(doc2, false)
		if err != nil || !bytes.Equal(pdf, pdf2) {
			t.Fatalf("a second render differs (err %v)", err)
		}
	})
}
