package layout

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"annalist/content"
)

// buildNarrative builds a handout with the given narrative, as the
// command does, with the real fonts.
func buildWith(t *testing.T, doc *content.Document) *Document {
	t.Helper()
	m := NewMeasurer()
	d, err := Build(doc, nil, Options{Measurer: m, Date: 1700000000})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range CheckInvariants(d.Pages, m) {
		t.Error(err)
	}
	return d
}

func writeOK(t *testing.T, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSkippedHeadingLevels checks that any Markdown heading structure
// builds: the outline deepens one level at a time however the headings
// skip, and a #### heading is set like ###.
func TestSkippedHeadingLevels(t *testing.T) {
	for _, tc := range []struct {
		narrative string
		want      string // the narrative's outline levels
	}{
		{"# A\n\nText.\n\n### C\n\nText.\n", "[A:0 C:1]"},
		{"### C\n\nText.\n\n# A\n\nText.\n", "[C:0 A:0]"},
		{"## B\n\nText.\n\n#### D\n\nText.\n\n## E\n\nText.\n", "[B:0 D:1 E:0]"},
		{"# A\n\n## B\n\n#### D\n\n###### F\n\nText.\n", "[A:0 B:1 D:2 F:2]"},
	} {
		doc := datedDoc(t, tc.narrative)
		d := buildWith(t, doc)
		writeOK(t, d)
		var got []string
		for _, b := range d.Outline {
			switch b.Title {
			case "A", "B", "C", "D", "E", "F":
				got = append(got, fmt.Sprintf("%s:%d", b.Title, b.Level))
			}
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%q: outline %v, want %s", tc.narrative, got, tc.want)
		}
	}
	doc := datedDoc(t, "#### D\n\nText.\n")
	blocks, _, err := Markdown(doc, &NoteSeq{}, DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	if blocks[0].Kind != Heading || blocks[0].Level != 3 {
		t.Errorf("#### heading: kind %v level %d, want a level 3 heading", blocks[0].Kind, blocks[0].Level)
	}
}

// inMargins reports every Text that runs past the text block's sides.
func inMargins(t *testing.T, d *Document) {
	t.Helper()
	g, _ := geometryFor("a4")
	for pi, p := range d.Pages {
		if p.Size != g.page {
			continue // a landscape chart page
		}
		for _, it := range p.Items {
			if tx, ok := it.(Text); ok && (tx.X < g.frame.Left-0.01 || tx.X+tx.W > p.Size.W-g.frame.Right+0.01) {
				t.Errorf("page %d: %.30q… from x=%.1f to %.1f, outside %.1f–%.1f", pi+1, tx.Text, tx.X, tx.X+tx.W, g.frame.Left, p.Size.W-g.frame.Right)
			}
		}
	}
}

// TestOverlongWordsBreak checks that a long URL and a 5,000-letter word
// in the narrative break to fit the line, that the text is all there,
// and that the warning names the paragraph in the one shape.
func TestOverlongWordsBreak(t *testing.T) {
	long := strings.Repeat("abcdefghij", 500)
	url := "https://example.org/archive/collections/sovietcaspian_1920/documents?id=12345&page=7&lang=ru&format=fulltextwithannotations.and.more"
	doc := datedDoc(t, "# A\n\nSee "+url+" for the text.\n\nThe word "+long+" ends here.\n")
	d := buildWith(t, doc)
	writeOK(t, d)
	inMargins(t, d)
	var all strings.Builder
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(Text); ok {
				all.WriteString(tx.Text)
			}
		}
	}
	if got := strings.Count(all.String(), "j"); got != 500 {
		t.Errorf("the long word lost letters: %d of 500 j's left", got)
	}
	// The URL breaks only after a '/', '.', '?', '&', '=' or '_'.
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(Text); ok && len(tx.Text) > 10 && strings.Contains(url, strings.TrimPrefix(tx.Text, "See ")) && !strings.HasSuffix(url, tx.Text) {
				if !strings.ContainsAny(tx.Text[len(tx.Text)-1:], urlBreaks) {
					t.Errorf("URL broken after %q", tx.Text)
				}
			}
		}
	}
	var broke int
	for _, w := range d.Warnings {
		if !strings.HasPrefix(w, "layout: warning: paragraph \"") && !strings.Contains(w, ": warning: ") {
			t.Errorf("warning %q is not in the one shape", w)
		}
		if strings.Contains(w, "broken across lines") {
			broke++
		}
	}
	if broke != 2 {
		t.Errorf("%d broken-word warnings, want 2: %q", broke, d.Warnings)
	}
}

// TestChronologyTallRow checks that an event whose title fills more than
// a page (5,000 letters in one word, then as many in words) is set in
// full: its row continues on the next pages under the header repeated.
func TestChronologyTallRow(t *testing.T) {
	for _, title := range []string{strings.Repeat("abcdefghij", 500), strings.Repeat("abcdefghi ", 800)} {
		doc := datedDoc(t, "# A\n\nText.\n")
		doc.Events[1].Title = title
		d := buildWith(t, doc)
		writeOK(t, d)
		inMargins(t, d)
		var js, headers, rowPages int
		for _, p := range d.Pages {
			row := false
			for _, it := range p.Items {
				if tx, ok := it.(Text); ok {
					if strings.Contains(tx.Text, "abcdefghi") {
						js += strings.Count(tx.Text, "i")
						row = true
					}
					if tx.Text == "Event" {
						headers++
					}
				}
			}
			if row {
				rowPages++
			}
		}
		want := strings.Count(title, "i")
		if js != want {
			t.Errorf("%d of the title's %d i's printed", js, want)
		}
		if rowPages < 2 || headers < rowPages {
			t.Errorf("the title is on %d pages, the chronology's header on %d", rowPages, headers)
		}
	}
}

// TestTabsAreSpaces checks that a tab (or CR) in a YAML title and in the
// narrative is whitespace: the glyph check passes it, and the handout
// builds and prints it as a space.
func TestTabsAreSpaces(t *testing.T) {
	doc := datedDoc(t, "# A\n\n-\titem one\n-\titem\ttwo\r\n\nSome\ttext.\n")
	doc.Title = "The\tCaspian"
	doc.Events[1].Title = "Gilan\trepublic\rproclaimed"
	if err := CheckGlyphs(doc); err != nil {
		t.Fatalf("CheckGlyphs: %v", err)
	}
	d := buildWith(t, doc)
	inMargins(t, d)
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(Text); ok && strings.ContainsAny(tx.Text, "\t\r") {
				t.Errorf("text %q keeps its tab or CR", tx.Text)
			}
		}
	}
	text := pdftotextOf(t, writeOK(t, d))
	for _, want := range []string{"The Caspian", "item two", "Some text.", "Gilan republic proclaimed"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The writer draws a stray tab as a space rather than refusing it.
	m := NewMeasurer()
	pg := &Page{Size: A4, Items: []Item{Text{X: 72, Y: 90, Text: "Two\twords", Font: serif, Size: 11, W: m.Width("Two\twords", serif, 11)}}}
	if got := pdftotextOf(t, writeOK(t, &Document{Pages: []*Page{pg}})); !strings.Contains(got, "Two words") {
		t.Errorf("drawn %q, want Two words", got)
	}
}

func pdftotextOf(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (install poppler-utils)")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
