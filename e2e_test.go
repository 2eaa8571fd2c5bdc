package main

// End-to-end tests: the command as a user runs it, through run(), on the
// embedded handout and on examples/apollo.yaml, with the PDF read back
// by tools that are not ours (pdfcpu's validator; poppler's pdftotext,
// pdftoppm). The unit tests of each package prove their parts; these
// prove the parts were put together right.

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"annalist/content"
	"annalist/internal/synth"
	"annalist/layout"
)

func init() {
	// pdfcpu otherwise writes a config file into the user's config dir.
	model.ConfigPath = "disable"
}

func pdfcpuConf(mode int) *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = mode
	return conf
}

// validatePDF fails the test unless data is a valid PDF by pdfcpu's
// strict validator (`pdfcpu validate -m s`), with no exception: the two
// things fpdf wrote that it rejected are patched in third_party/fpdf.
func validatePDF(t testing.TB, data []byte) {
	t.Helper()
	if err := api.Validate(bytes.NewReader(data), pdfcpuConf(model.ValidationStrict)); err != nil {
		t.Fatalf("pdfcpu (strict): invalid PDF: %v", err)
	}
}

// poppler returns the path of a poppler-utils program. Without it the
// test is skipped, unless ANNALIST_REQUIRE_POPPLER=1 (CI sets it, so
// these checks cannot silently stop running there).
func poppler(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("ANNALIST_REQUIRE_POPPLER") == "1" {
			t.Fatalf("%s not found and ANNALIST_REQUIRE_POPPLER=1: install poppler-utils", name)
		}
		t.Skipf("%s not found: install poppler-utils (pdftotext, pdftoppm) to run this check", name)
	}
	return p
}

// pageText is pdftotext's text of page (1-based), its whitespace
// (including the en space between run-in notes) folded to single spaces.
func pageText(t testing.TB, tool, file string, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	out, err := exec.Command(tool, "-enc", "UTF-8", "-f", n, "-l", n, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -f %d %s: %v", page, file, err)
	}
	return fold(string(out))
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// cli runs the command with args and returns its exit status and output,
// as main would.
func cli(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = exitCode(run(args, &out, &errb), &errb)
	return code, out.String(), errb.String()
}

// buildCLI runs `annalist ARGS -o DIR/NAME` and returns the PDF written.
func buildCLI(t *testing.T, name string, args ...string) (path string, data []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), name)
	code, stdout, stderr := cli(append(args, "-o", path)...)
	if code != 0 {
		t.Fatalf("annalist %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote "+path+" (") {
		t.Errorf("annalist %s: stdout %q, want it to say it wrote %s", strings.Join(args, " "), stdout, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// loadExample loads a YAML file as the command does.
func loadExample(t *testing.T, path string) *content.Document {
	t.Helper()
	doc, err := loadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestE2EDefaultHandout builds the embedded handout through the command
// twice and once in-process (to have its layout), and checks the file
// is valid, reproducible, and has every note on its marker's page.
func TestE2EDefaultHandout(t *testing.T) {
	path, data := buildCLI(t, "caspian.pdf")
	_, again := buildCLI(t, "again.pdf")
	if !bytes.Equal(data, again) {
		t.Fatalf("two builds of the default handout differ (%d and %d bytes)", len(data), len(again))
	}
	validatePDF(t, data)

	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	pdf, ldoc, err := render(doc, false)
	if err != nil {
		t.Fatal(err)
	}
	// The layout below is the layout of the file the command wrote.
	if !bytes.Equal(pdf, data) {
		t.Fatal("render in-process gives a different PDF from the command's; the layout checked would not be the file's")
	}
	if n, err := api.PageCount(bytes.NewReader(data), pdfcpuConf(model.ValidationStrict)); err != nil || n != len(ldoc.Pages) {
		t.Fatalf("pdfcpu counts %d pages (%v); the layout has %d", n, err, len(ldoc.Pages))
	}

	t.Run("invariants", func(t *testing.T) {
		for _, e := range layout.CheckInvariants(ldoc.Pages, layout.NewMeasurer()) {
			t.Error(e)
		}
	})
	t.Run("notes", func(t *testing.T) {
		checkNotesInPDF(t, path, ldoc, 100)
	})
	t.Run("grayscale", func(t *testing.T) {
		poppler(t, "pdftoppm")
		gpath, gdata := buildCLI(t, "gray.pdf", "--grayscale")
		validatePDF(t, gdata)
		checkGray(t, path, gpath, chartPage(t, ldoc))
	})
}

// TestE2EApollo builds the second example, on US Letter, and checks it
// as the default handout is checked.
func TestE2EApollo(t *testing.T) {
	const file = "examples/apollo.yaml"
	path, data := buildCLI(t, "apollo.pdf", file)
	validatePDF(t, data)
	pdf, ldoc, err := render(loadExample(t, file), false)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pdf, data) {
		t.Fatal("render in-process gives a different PDF from the command's")
	}
	for _, e := range layout.CheckInvariants(ldoc.Pages, layout.NewMeasurer()) {
		t.Error(e)
	}
	checkPaper(t, data, layout.Letter)
	t.Run("notes", func(t *testing.T) {
		checkNotesInPDF(t, path, ldoc, 10)
	})
}

// TestE2EPaperLetter overrides the default handout's A4 with --paper.
func TestE2EPaperLetter(t *testing.T) {
	_, data := buildCLI(t, "letter.pdf", "--paper", "letter")
	validatePDF(t, data)
	checkPaper(t, data, layout.Letter)
}

// TestE2ESyntheticStrict renders a 200-page synthetic handout (the scale
// the outline and the links are most numerous at), and a Letter one in
// grays, and validates them strictly, as the small handouts are.
func TestE2ESyntheticStrict(t *testing.T) {
	for _, tc := range []struct {
		c    synth.Config
		gray bool
	}{
		{synth.Config{Pages: 200, Seed: 1}, false},
		{synth.Config{Pages: 30, Seed: 3, Paper: "letter"}, true},
	} {
		t.Run(fmt.Sprintf("pages=%d,paper=%s,gray=%v", tc.c.Pages, tc.c.Paper, tc.gray), func(t *testing.T) {
			doc, err := synth.Load(tc.c)
			if err != nil {
				t.Fatal(err)
			}
			data, ldoc, err := render(doc, tc.gray)
			if err != nil {
				t.Fatal(err)
			}
			if len(ldoc.Pages) < tc.c.Pages {
				t.Fatalf("%d pages for %d of narrative asked", len(ldoc.Pages), tc.c.Pages)
			}
			validatePDF(t, data)
		})
	}
}

// checkPaper checks every page is the paper's size, portrait or (the
// chart pages) landscape, and that both occur.
func checkPaper(t *testing.T, data []byte, paper layout.Size) {
	t.Helper()
	dims, err := api.PageDims(bytes.NewReader(data), pdfcpuConf(model.ValidationStrict))
	if err != nil {
		t.Fatal(err)
	}
	near := func(a float64, b layout.Pt) bool { return a > float64(b)-0.5 && a < float64(b)+0.5 }
	portrait, landscape := 0, 0
	for i, d := range dims {
		switch {
		case near(d.Width, paper.W) && near(d.Height, paper.H):
			portrait++
		case near(d.Width, paper.H) && near(d.Height, paper.W):
			landscape++
		default:
			t.Errorf("page %d is %.2f x %.2f pt, want %.0f x %.0f either way", i+1, d.Width, d.Height, paper.W, paper.H)
		}
	}
	if portrait == 0 || landscape == 0 {
		t.Errorf("%d portrait and %d landscape pages; want the text portrait and the chart landscape", portrait, landscape)
	}
}

// noteStart is where the layout set note n: its page and the first words
// of its text, as they should come out of the PDF.
type noteStart struct {
	page  int // 0-based
	words string
}

// noteStarts finds, for every note of the layout, the page of its
// marker ("ref-N"), the page of the note ("note-N"), and the number
// "N." with the text that follows it on the same line.
func noteStarts(t *testing.T, ldoc *layout.Document) (refs map[int]int, notes map[int]noteStart) {
	refs, notes = map[int]int{}, map[int]noteStart{}
	for pi, pg := range ldoc.Pages {
		for _, it := range pg.Items {
			d, ok := it.(layout.Dest)
			if !ok {
				continue
			}
			if s, ok := strings.CutPrefix(d.Name, "ref-"); ok {
				if n, err := strconv.Atoi(s); err == nil {
					if _, seen := refs[n]; !seen {
						refs[n] = pi
					}
				}
			}
			if s, ok := strings.CutPrefix(d.Name, "note-"); ok {
				if n, err := strconv.Atoi(s); err == nil { // not "N-cont"
					notes[n] = noteStart{page: pi, words: firstWords(pg, n)}
				}
			}
		}
	}
	return refs, notes
}

// firstWords is "N." and up to three words of the text set after it:
// the next Text in the page's item order, which is the order the lines
// were set in (the rest of its line, or the start of the next when the
// number ends a line). A word broken by a hyphen is left out.
func firstWords(pg *layout.Page, n int) string {
	num := strconv.Itoa(n) + "."
	for i, it := range pg.Items {
		mark, ok := it.(layout.Text)
		if !ok || mark.Text != num {
			continue
		}
		for _, it := range pg.Items[i+1:] {
			next, ok := it.(layout.Text)
			if !ok {
				continue
			}
			if next.Size != mark.Size || next.Y < mark.Y || next.Y == mark.Y && next.X < mark.X {
				return num // not the note's text: only the number to look for
			}
			ws := strings.Fields(strings.ReplaceAll(next.Text, "\u2002", " "))
			if len(ws) > 0 && strings.HasSuffix(ws[len(ws)-1], "-") {
				ws = ws[:len(ws)-1]
			}
			ws = ws[:min(len(ws), 3)]
			return strings.Join(append([]string{num}, ws...), " ")
		}
		return num
	}
	return ""
}

// checkNotesInPDF checks, against the PDF's own text, that each note
// starts on the page of its marker: the layout says where it put the
// marker and the note, and pdftotext must find "N. first words" on that
// page. wantAtLeast guards against finding nothing to check.
func checkNotesInPDF(t *testing.T, path string, ldoc *layout.Document, wantAtLeast int) {
	t.Helper()
	tool := poppler(t, "pdftotext")
	refs, notes := noteStarts(t, ldoc)
	if len(notes) < wantAtLeast {
		t.Fatalf("the layout sets %d notes; want at least %d", len(notes), wantAtLeast)
	}
	texts := map[int]string{}
	bare := 0 // notes found by number only
	defer func() {
		// The number alone proves little; most notes must be found by
		// their words too.
		if bare > len(notes)/10 {
			t.Errorf("%d of %d notes could be checked by their number only", bare, len(notes))
		}
	}()
	for n := 1; n <= len(notes); n++ {
		ns, ok := notes[n]
		if !ok {
			t.Errorf("note %d is not set; the notes are numbered 1-%d", n, len(notes))
			continue
		}
		if rp, ok := refs[n]; !ok {
			t.Errorf("note %d has no marker", n)
		} else if rp != ns.page {
			t.Errorf("note %d: marker on page %d, note on page %d", n, rp+1, ns.page+1)
		}
		if ns.words == "" {
			t.Errorf("note %d: no %q text on page %d", n, strconv.Itoa(n)+".", ns.page+1)
			continue
		}
		if !strings.Contains(ns.words, " ") {
			bare++
		}
		if _, ok := texts[ns.page]; !ok {
			texts[ns.page] = pageText(t, tool, path, ns.page+1)
		}
		if !strings.Contains(texts[ns.page], ns.words) {
			t.Errorf("note %d: pdftotext does not find %q on page %d:\n%s", n, ns.words, ns.page+1, texts[ns.page])
		}
	}
}

// chartPage is the 1-based page of the first timeline page.
func chartPage(t *testing.T, ldoc *layout.Document) int {
	for _, b := range ldoc.Outline {
		if b.Title == "Timeline" || strings.HasPrefix(b.Title, "Timeline") {
			return b.Page + 1
		}
	}
	t.Fatal("no Timeline in the outline")
	return 0
}

// checkGray renders page of the colour and the grayscale PDF and checks
// the grayscale render has only gray pixels, and the colour one does
// not (so the check can tell them apart).
func checkGray(t *testing.T, colour, gray string, page int) {
	t.Helper()
	tool := poppler(t, "pdftoppm")
	if n := colourPixels(t, tool, colour, page); n == 0 {
		t.Fatalf("the colour chart page %d has no coloured pixel; the grayscale check would prove nothing", page)
	}
	if n := colourPixels(t, tool, gray, page); n != 0 {
		t.Errorf("--grayscale: page %d has %d pixels that are not gray", page, n)
	}
}

func colourPixels(t *testing.T, tool, file string, page int) int {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "p")
	n := strconv.Itoa(page)
	if out, err := exec.Command(tool, "-r", "50", "-png", "-f", n, "-l", n, "-singlefile", file, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != g || g != bl {
				count++
			}
		}
	}
	return count
}

// TestE2EBadInput gives the command a file with three errors over a good
// PDF: it must exit 1, print every error as file:line:col: message,
// write nothing, and leave the good PDF as it was.
func TestE2EBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(`title: A bad handout
tracks:
  - {id: t1, title: One}
sources:
  - {id: s1, type: book, title: A Book}
events:
  - id: e1
    track: t9
    title: First
    date: 1920-13-01
    cite: [s1]
  - id: e2
    track: t1
    title: Second
    date: 1920-05
    cite: [nosuch]
`), 0o644)
	out := filepath.Join(dir, "handout.pdf")
	good := []byte("%PDF-1.3 a good handout from before\n")
	if err := os.WriteFile(out, good, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli("-o", out, bad)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing", stdout)
	}
	want := []string{
		bad + `:8:12: event "e1": unknown track "t9"; the track ids are t1`,
		bad + `:10:16: event "e1": date "1920-13-01": month 13 out of range (01-12, or 21-24 for a season)`,
		bad + `:16:12: event "e2": cite 1: unknown source "nosuch"; the source ids are s1`,
		"3 problems; nothing written",
	}
	if got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n"); !slices.Equal(got, want) {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
	// Every problem line has the form an editor jumps to.
	posRE := regexp.MustCompile(`^.+:\d+:\d+: \S`)
	for _, l := range want[:3] {
		if !posRE.MatchString(l) {
			t.Errorf("%q is not file:line:col: message", l)
		}
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.Equal(b, good) {
		t.Errorf("the good PDF was changed (%v)", err)
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"bad.yaml", "handout.pdf"}) {
		t.Errorf("the folder holds %v; want only bad.yaml and handout.pdf", names)
	}

	// check reports the same problems, and exits 1.
	code, stdout, stderr2 := cli("check", bad)
	if code != 1 || stdout != "" || stderr2 != stderr {
		t.Errorf("check: exit %d, stdout %q, stderr\n%s\nwant exit 1 and the build's problems", code, stdout, stderr2)
	}
}

// TestE2ECheck validates both examples and prints one summary line each.
func TestE2ECheck(t *testing.T) {
	code, stdout, stderr := cli("check", "examples/apollo.yaml", "content/default/handout.yaml")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	a := loadExample(t, "examples/apollo.yaml")
	d := loadExample(t, "content/default/handout.yaml")
	want := fmt.Sprintf("examples/apollo.yaml: ok: %d events in %d tracks, %d sources\ncontent/default/handout.yaml: ok: %d events in %d tracks, %d sources\n",
		len(a.Events), len(a.Tracks), len(a.Sources), len(d.Events), len(d.Tracks), len(d.Sources))
	if stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
	}
	if len(a.Events) == 0 || len(d.Events) == 0 {
		t.Error("an example has no events")
	}
}

// TestE2EChartSVG writes the default timeline as SVG.
func TestE2EChartSVG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.svg")
	code, stdout, stderr := cli("chart", "-o", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote "+path) {
		t.Errorf("stdout %q", stdout)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Well-formed XML whose root is an SVG element, and drawing something
	// for every track.
	dec := xml.NewDecoder(bytes.NewReader(data))
	root, texts := "", 0
	var chars strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", path, err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = v.Name.Local
			}
			if v.Name.Local == "text" {
				texts++
			}
		case xml.CharData:
			chars.Write(v)
		}
	}
	if root != "svg" {
		t.Errorf("root element %q, want svg", root)
	}
	doc, _ := content.Default()
	all := fold(chars.String())
	for _, tr := range doc.Tracks {
		if !strings.Contains(all, fold(tr.Title)) {
			t.Errorf("the SVG does not name track %q", tr.Title)
		}
	}
	if texts < len(doc.Events) {
		t.Errorf("%d text elements for %d events", texts, len(doc.Events))
	}
}

// TestE2EUsage checks the exit statuses of help and of a bad flag.
func TestE2EUsage(t *testing.T) {
	code, stdout, _ := cli("--help")
	if code != 0 || !strings.Contains(stdout, "usage: annalist") {
		t.Errorf("--help: exit %d, stdout %q; want 0 and the usage", code, stdout)
	}
	code, stdout, stderr := cli("--colour")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "flag provided but not defined: -colour") || !strings.Contains(stderr, "usage: annalist") {
		t.Errorf("--colour: exit %d, stdout %q, stderr %q; want 2 and the usage on stderr", code, stdout, stderr)
	}
}

// TestE2ERealBibliographies builds a handout whose bibliographies are
// real files (content/testdata/realworld): it builds, the PDF is valid,
// the invariants hold, every note is on its marker's page, the only
// warning is the fixture's one real oddity, and the notes say what
// Chicago says.
func TestE2ERealBibliographies(t *testing.T) {
	const file = "content/testdata/realworld/handout.yaml"
	code, _, stderr := cli("check", file)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	// The files' real oddities, each a warning at its place.
	for _, want := range []string{
		`bbt-dates.csl.json:288:5: warning: item "t2": "accessed": cannot read date "13th cent"`,
		`bbt-patent.bib:1:1: warning: duplicate key "laufenberg" (also at content/testdata/realworld/biblatex-examples.bib:1525:1): the first read is used`,
		`biblatex-examples.bib:1552:1: warning: key "sorace" is given again at content/testdata/realworld/bbt-patent.bib:16:1: this one is used`,
		`bbt-reprint.bib:12:3: warning: entry "PittRivers1875EvolutionCulture": year: "1875 [2004]" is not an EDTF date; read as 2004, first published 1875`,
		`bbt-dates.csl.json:189:3: warning: source "doe9_edtf_2011" has no site, no URL`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check printed:\n%s\nwant the warning %s", stderr, want)
		}
	}
	if n := strings.Count(stderr, "warning:"); n != 8 {
		t.Errorf("%d warnings, want 8:\n%s", n, stderr)
	}
	path, data := buildCLI(t, "real.pdf", "build", file)
	validatePDF(t, data)
	_, ldoc, err := render(loadExample(t, file), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range layout.CheckInvariants(ldoc.Pages, layout.NewMeasurer()) {
		t.Error(e)
	}
	checkNotesInPDF(t, path, ldoc, 10)
	tool := poppler(t, "pdftotext")
	var all strings.Builder
	for p := 1; p <= len(ldoc.Pages); p++ {
		all.WriteString(pageText(t, tool, path, p) + " ")
	}
	text := all.String()
	for _, want := range []string{
		"Van Gennep", // an in-text citation starting a sentence
		"in Space and Beyond: The Frontier Theme in Science Fiction, ed. Gary Westfahl (Westport, Conn.; London: Greenwood, 2000), 57",
		"Westfahl, “True Frontier,” 58",
		"vol. A of Computers & Typesetting",
		"ed. and trans. Ursula Blank-Sangmeister",
		"(1875; repr., London: Routledge, 2004), 190",
		"US Patent 5668842, issued September 16, 1997",
		"directed by Miloš Forman (United Artists, 1975)",
		"https://arxiv.org/abs/math/0307200v3",
		"Sheldon Glashow, “Partial Symmetries of Weak Interactions,”",
		"Gennep, Arnold van. Les rites de passage. Paris: Nourry, 1909.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestE2EInit: `annalist init DIR` writes a starter project that checks
// and builds as it is; run again, or where one of its files exists, it
// writes nothing and leaves every file as it was.
func TestE2EInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "course")
	code, stdout, stderr := cli("init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"handout.yaml", "narrative.md", "references.bib", "annalist.schema.json"} {
		if !strings.Contains(stdout, filepath.Join(dir, f)) {
			t.Errorf("init did not say it wrote %s:\n%s", f, stdout)
		}
	}
	yaml := filepath.Join(dir, "handout.yaml")
	first, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(first, []byte("# yaml-language-server: $schema=annalist.schema.json\n")) {
		t.Errorf("the YAML does not start with the schema line:\n%.80s", first)
	}
	code, stdout, stderr = cli("check", yaml)
	if code != 0 || !strings.Contains(stdout, "ok: 4 events in 2 tracks, 2 sources") {
		t.Fatalf("check of the starter: exit %d\n%s%s", code, stdout, stderr)
	}
	// Its only warnings are what its two real sources lack.
	if n := strings.Count(stderr, "warning:"); n != 2 || strings.Contains(stderr, "is not followed by") {
		t.Errorf("check warned:\n%s", stderr)
	}
	path, data := buildCLI(t, "starter.pdf", "build", yaml)
	validatePDF(t, data)
	text := fold(string(mustRun(t, poppler(t, "pdftotext"), "-enc", "UTF-8", path, "-")))
	for _, want := range []string{"The Enzeli landing and the Gilan republic", "Soviet landing at Enzeli", "Atabaki", "the pretext"} {
		if !strings.Contains(text, want) {
			t.Errorf("the starter's PDF lacks %q", want)
		}
	}
	// Never overwrites: again, or with one file in the way.
	code, _, stderr = cli("init", dir)
	if code != 1 || !strings.Contains(stderr, "already exist") || !strings.Contains(stderr, "nothing written") {
		t.Errorf("init again: exit %d\n%s", code, stderr)
	}
	if now, _ := os.ReadFile(yaml); !bytes.Equal(now, first) {
		t.Error("init again changed handout.yaml")
	}
	other := t.TempDir()
	mine := filepath.Join(other, "narrative.md")
	if err := os.WriteFile(mine, []byte("my own"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = cli("init", other)
	if code != 1 || !strings.Contains(stderr, mine) {
		t.Errorf("init over a narrative.md: exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(mine); string(got) != "my own" {
		t.Error("init overwrote narrative.md")
	}
	if _, err := os.Stat(filepath.Join(other, "handout.yaml")); err == nil {
		t.Error("init wrote handout.yaml beside an existing narrative.md")
	}
	if code, _, _ := cli("init", dir, "-o", "x.pdf"); code != 2 {
		t.Errorf("init -o: exit %d, want 2", code)
	}
}

func mustRun(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out
}

// TestE2EChartFigures: `annalist chart --list` names the chart's figures
// by number, `--figure N` writes the Nth alone, and no text of the SVG
// (the notes under the figure included) runs past the image's width.
func TestE2EChartFigures(t *testing.T) {
	code, stdout, stderr := cli("chart", "--list")
	// The overview may take more than one window to label its events
	// ("overview-2"); the detail figure and the sources follow.
	detailNum := regexp.MustCompile(`(?m)^([0-9]+)  detail-1 +April–June 1920`).FindStringSubmatch(stdout)
	figures := strings.Count(stdout, "\n")
	if code != 0 || !strings.HasPrefix(stdout, "1  overview    Timeline\n") || detailNum == nil || !regexp.MustCompile(`(?m)^[0-9]+  sources `).MatchString(stdout) {
		t.Fatalf("chart --list: exit %d\n%s%s", code, stdout, stderr)
	}
	path := filepath.Join(t.TempDir(), "detail.svg")
	if code, _, stderr := cli("chart", "--figure", detailNum[1], "-o", path); code != 0 {
		t.Fatalf("chart --figure %s: exit %d\n%s", detailNum[1], code, stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var width float64
	if m := regexp.MustCompile(`<svg [^>]*viewBox="0 0 ([0-9.]+) `).FindSubmatch(data); m != nil {
		width, _ = strconv.ParseFloat(string(m[1]), 64)
	}
	if width == 0 {
		t.Fatal("no viewBox")
	}
	text := string(data)
	if !strings.Contains(text, "April–June 1920: Baku falls, the Enzeli landing") || strings.Contains(text, ">Timeline<") {
		t.Errorf("--figure %s is not the detail figure alone", detailNum[1])
	}
	for _, m := range regexp.MustCompile(`<text x="([0-9.]+)"[^>]*textLength="([0-9.]+)"`).FindAllStringSubmatch(text, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		w, _ := strconv.ParseFloat(m[2], 64)
		if x+w > width-36+0.5 {
			t.Errorf("text at x=%.1f, %.1f wide, runs past the right margin of a %.1f-wide image", x, w, width)
		}
	}
	if code, _, _ := cli("chart", "--figure", "99"); code != 2 {
		t.Errorf("--figure 99 of %d: exit %d, want 2", figures, code)
	}
	// By name as --list gives it; the overview alone by default; every
	// figure with --all.
	byName := filepath.Join(t.TempDir(), "d.svg")
	if code, _, stderr := cli("chart", "--figure", "detail-1", "-o", byName); code != 0 {
		t.Fatalf("--figure detail-1: exit %d\n%s", code, stderr)
	}
	if d, _ := os.ReadFile(byName); !bytes.Equal(d, data) {
		t.Errorf("--figure detail-1 is not --figure %s", detailNum[1])
	}
	for _, tt := range []struct {
		args []string
		want string
	}{{nil, "(1 figure,"}, {[]string{"--all"}, fmt.Sprintf("(%d figures,", figures)}} {
		out := filepath.Join(t.TempDir(), "c.svg")
		if code, stdout, stderr := cli(append([]string{"chart", "-o", out}, tt.args...)...); code != 0 || !strings.Contains(stdout, tt.want) {
			t.Errorf("chart %v: exit %d, %s%s; want %s", tt.args, code, stdout, stderr, tt.want)
		}
	}
	if code, _, _ := cli("build", "--list"); code != 2 {
		t.Errorf("build --list: exit %d, want 2", code)
	}
}

// TestE2EImportTimelineJS: `annalist import` turns TimelineJS3's own
// example files into handouts that check and build; what Annalist cannot
// hold (cosmological years) is left out with a positioned reason, media
// are kept in comments, and an existing file is never overwritten.
func TestE2EImportTimelineJS(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		file   string
		events int
		eras   int
		left   int // events left out
	}{
		{"eras.json", 20, 3, 0},
		{"cosmo.json", 1, 0, 6},
		{"marktwain.json", 17, 0, 0},
		{"my-own-timeline.csv", 10, 0, 0}, // the spreadsheet template
	} {
		t.Run(tt.file, func(t *testing.T) {
			in := filepath.Join("testdata", "timelinejs", tt.file)
			out := filepath.Join(dir, strings.TrimSuffix(tt.file, filepath.Ext(tt.file))+".yaml")
			code, stdout, stderr := cli("import", in, "-o", out)
			if code != 0 {
				t.Fatalf("import: exit %d\n%s", code, stderr)
			}
			if !strings.Contains(stdout, "("+plural(tt.events, "event")+")") {
				t.Errorf("stdout %q, want %d events", stdout, tt.events)
			}
			if n := strings.Count(stderr, "left out: "); n != tt.left {
				t.Errorf("%d left out, want %d:\n%s", n, tt.left, stderr)
			}
			if tt.left > 0 && !strings.Contains(stderr, in+": event 1 (\"The Big Bang\") left out: year -13800000000 is beyond") {
				t.Errorf("stderr:\n%s", stderr)
			}
			doc := loadExample(t, out)
			if len(doc.Events) != tt.events || len(doc.Eras) != tt.eras {
				t.Errorf("%d events and %d eras, want %d and %d", len(doc.Events), len(doc.Eras), tt.events, tt.eras)
			}
			_, data := buildCLI(t, "imported.pdf", "build", out)
			validatePDF(t, data)
			if code, _, stderr := cli("import", in, "-o", out); code != 1 || !strings.Contains(stderr, "already exists") {
				t.Errorf("import over an existing file: exit %d\n%s", code, stderr)
			}
		})
	}
	yaml, _ := os.ReadFile(filepath.Join(dir, "eras.yaml"))
	for _, want := range []string{
		"title: \"Eras Test\"",
		"date: 0602/0629",
		"# not carried over: media: {\"url\":\"https://en.wikipedia.org/wiki/Roman-Persian_Wars\"}",
		"- {id: era-test-650-700, title: \"Era Test 650-700\", date: 0650/0700}",
	} {
		if !strings.Contains(string(yaml), want) {
			t.Errorf("eras.yaml lacks %s", want)
		}
	}
	if code, _, stderr := cli("import", "README.md"); code != 1 || !strings.Contains(stderr, "not TimelineJS JSON") {
		t.Errorf("import README.md: exit %d\n%s", code, stderr)
	}
}

// TestE2EExportTimelineJS: the built-in handout exported as TimelineJS
// JSON, and imported back: every event returns with its id, track and
// date (those TimelineJS can place; an open end comes back dated at its
// known end, its "by ..." kept in display_date), and the sources are
// under each event's text.
func TestE2EExportTimelineJS(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "caspian.json")
	code, stdout, stderr := cli("export", "--timelinejs", "-o", js)
	if code != 0 || !strings.Contains(stdout, "(67 events for TimelineJS)") {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"group": "The Gilan republic"`,
		`"display_date": "by 16 November 1920"`,
		`Sources: Touraj Atabaki, “The Soviet Socialist Republic of Iran 1920–1921,”`,
		`"display_date": "spring 1920"`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the export lacks %s", want)
		}
	}
	back := filepath.Join(dir, "back.yaml")
	if code, _, stderr := cli("import", js, "-o", back); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	orig, _ := content.Default()
	got := loadExample(t, back)
	if len(got.Events) != len(orig.Events) || len(got.Tracks) != len(orig.Tracks) {
		t.Fatalf("%d events on %d tracks came back, want %d on %d", len(got.Events), len(got.Tracks), len(orig.Events), len(orig.Tracks))
	}
	for _, ev := range orig.Events {
		b := got.EventByID[ev.ID]
		if b == nil {
			t.Errorf("event %s did not come back", ev.ID)
			continue
		}
		d := ev.Date
		if !d.Qualified() && d.Start.Known() && (!d.Interval || d.End.Known()) && !d.Start.IsSeason() && d.Start.UnspecifiedYearDigits == 0 &&
			!(d.Interval && d.End.IsSeason()) && b.Date.Source != d.Source {
			t.Errorf("%s: date %q came back as %q", ev.ID, d.Source, b.Date.Source)
		}
	}
	if code, _, _ := cli("export", "-o", js); code != 2 {
		t.Errorf("export without --timelinejs: exit %d, want 2", code)
	}
}

// syncBuffer is a bytes.Buffer safe for a watch's goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestE2EWatch: `annalist watch` builds, rebuilds when the narrative is
// written and when the YAML is saved by rename (as many editors save),
// prints a broken input's problems and keeps the last good PDF, and
// rebuilds again once it is fixed.
func TestE2EWatch(t *testing.T) {
	dir := t.TempDir()
	if err := initProject(dir, io.Discard); err != nil {
		t.Fatal(err)
	}
	yaml, pdf := filepath.Join(dir, "handout.yaml"), filepath.Join(dir, "h.pdf")
	var stdout, stderr syncBuffer
	watchStop = make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- run([]string{"watch", yaml, "-o", pdf}, &stdout, &stderr) }()
	defer func() {
		close(watchStop)
		if err := <-done; err != nil {
			t.Errorf("watch: %v", err)
		}
		watchStop = nil
	}()
	// waitFor waits until stdout says "wrote" (or "not built") n times.
	waitFor := func(what string, n int) {
		t.Helper()
		for i := 0; i < 200; i++ {
			if strings.Count(stdout.String(), what) >= n {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("no %d×%q after 10 s:\n%s\n%s", n, what, stdout.String(), stderr.String())
	}
	waitFor("watching", 1)
	waitFor("wrote", 1)
	first, _ := os.ReadFile(pdf)
	narrative := filepath.Join(dir, "narrative.md")
	f, err := os.OpenFile(narrative, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nA paragraph added while watching.\n")
	f.Close()
	waitFor("wrote", 2)
	second, _ := os.ReadFile(pdf)
	if bytes.Equal(first, second) {
		t.Error("the PDF did not change with the narrative")
	}
	good, _ := os.ReadFile(yaml)
	saveByRename := func(data []byte) {
		tmp := yaml + ".tmp"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, yaml); err != nil {
			t.Fatal(err)
		}
	}
	saveByRename(append(append([]byte(nil), good...), "oops: [\n"...))
	waitFor("not built", 1)
	if !strings.Contains(stderr.String(), "handout.yaml:") {
		t.Errorf("the problem was not printed:\n%s", stderr.String())
	}
	if now, _ := os.ReadFile(pdf); !bytes.Equal(now, second) {
		t.Error("a broken input changed the last good PDF")
	}
	saveByRename(good)
	waitFor("wrote", 3)
}

// TestE2EChartSlide: `annalist chart --size 16:9` writes one figure on a
// 960 x 540 pt page, its labels without note numbers and its sources in
// one line under it, nothing past the margins; a width and height in mm
// work too, and a size too small is a usage error.
func TestE2EChartSlide(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slide.svg")
	code, stdout, stderr := cli("chart", "--size", "16:9", "--figure", "detail-1", "-o", path)
	if code != 0 || !strings.Contains(stdout, "960 x 540 pt") {
		t.Fatalf("chart --size 16:9: exit %d\n%s%s", code, stdout, stderr)
	}
	data, _ := os.ReadFile(path)
	svg := string(data)
	if !strings.Contains(svg, `viewBox="0 0 960 540"`) {
		t.Errorf("no 960 x 540 viewBox: %.200s", svg)
	}
	if !strings.Contains(svg, ">Sources: ") || !strings.Contains(svg, "April–June 1920") {
		t.Error("the slide lacks its source line or its figure's title")
	}
	// Its text is drawn from the embedded fonts' outlines, so it looks the
	// same in every viewer; the text itself is there, invisible, to copy.
	if !strings.Contains(svg, `<path id="g0" d="M`) || !strings.Contains(svg, `<use href="#g`) || !strings.Contains(svg, `fill-opacity="0"`) {
		t.Error("the slide's text is not drawn from glyph outlines")
	}
	if regexp.MustCompile(`\[[0-9]+\]<`).MatchString(svg) {
		t.Error("a label on the slide carries a note number")
	}
	for _, m := range regexp.MustCompile(`<text x="([0-9.]+)" y="([0-9.]+)"[^>]*textLength="([0-9.]+)"`).FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		w, _ := strconv.ParseFloat(m[3], 64)
		if x+w > 960-24+0.5 || y > 540-24+0.5 {
			t.Errorf("text at (%.1f, %.1f), %.1f wide, past the slide's margins", x, y, w)
		}
	}
	if code, stdout, _ := cli("chart", "--size", "254x142.9mm", "-o", path); code != 0 || !strings.Contains(stdout, "720 x 405 pt") {
		t.Errorf("--size 254x142.9mm: exit %d, %s", code, stdout)
	}
	if code, _, _ := cli("chart", "--size", "3x3"); code != 2 {
		t.Errorf("--size 3x3: exit %d, want 2", code)
	}
	// -o x.png chooses PNG, drawn in pure Go at --dpi.
	pngPath := filepath.Join(t.TempDir(), "slide.png")
	if code, _, stderr := cli("chart", "--size", "16:9", "--dpi", "144", "-o", pngPath); code != 0 {
		t.Fatalf("chart -o x.png: exit %d\n%s", code, stderr)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 1920 || cfg.Height != 1080 {
		t.Errorf("PNG %dx%d (%v), want 1920x1080 at 144 dpi", cfg.Width, cfg.Height, err)
	}
	if code, stdout, _ := cli("chart", "--dpi", "72", "-o", "-"); code != 0 || !strings.HasPrefix(stdout, "\x89PNG") {
		t.Errorf("chart -o - --dpi 72: exit %d, want a PNG on standard output", code)
	}
	if code, _, _ := cli("chart", "-o", "x.gif"); code != 2 {
		t.Errorf("chart -o x.gif: exit %d, want 2", code)
	}
	// -o x.pdf: a one-page PDF of the figure, strictly valid.
	pdfPath := filepath.Join(t.TempDir(), "slide.pdf")
	if code, _, stderr := cli("chart", "--size", "16:9", "-o", pdfPath); code != 0 {
		t.Fatalf("chart -o x.pdf: exit %d\n%s", code, stderr)
	}
	pdfData, _ := os.ReadFile(pdfPath)
	validatePDF(t, pdfData)
	if text := pageText(t, poppler(t, "pdftotext"), pdfPath, 1); !strings.Contains(text, "Sources: Atabaki") {
		t.Errorf("the figure's PDF lacks its source line:\n%.300s", text)
	}
}
