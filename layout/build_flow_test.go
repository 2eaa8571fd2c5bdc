package layout

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"annalist/content"
)

const buildNarrative = `# The landing

In May 1920 the Caspian flotilla reached Enzeli [see @rb, para. 4]. It was
not an invasion, said the note[^a]; the British withdrew [@atabaki, 3; @rb, para. 5].
Later, [[landing|the landing]] led to [[republic]] and to [[baku]].

> We have taken Enzeli. The British have gone.

## After the landing

The republic lasted a year [@atabaki, 9].

# The republic

It fell in 1921 [@kh, 2].

[^a]: In *Pravda*.
`

func buildTestDoc(t *testing.T) *content.Document {
	doc := datedDoc(t, buildNarrative)
	// Pad the narrative so it runs over several pages.
	var b strings.Builder
	b.WriteString(buildNarrative)
	for i := 0; i < 14; i++ {
		fmt.Fprintf(&b, "\nParagraph %d of the long part, which goes on long enough to fill some lines of the page and more lines again. [@kh, %d]\n", i, i+10)
	}
	b.WriteString("\n# Last words\n\nThe end [@rb, 1].\n")
	doc.Narrative = b.String()
	doc.Events[2].Cite = []content.Cite{{Source: "kh", Locator: "7"}}
	return doc
}

func buildTest(t *testing.T, paper string) *Document {
	t.Helper()
	doc := buildTestDoc(t)
	fig := citingBlock{doc, []string{"republic", "landing"}}
	d, err := Build(doc, []Block{fig}, Options{Paper: paper, Measurer: fixedMeasurer{}, Date: 1700000000,
		NewCiter: func(*content.Document) CitationFormatter { return &fakeCiter{} }})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBuildGolden(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			d := buildTest(t, paper)
			for _, err := range CheckInvariants(d.Pages, fixedMeasurer{}) {
				t.Error(err)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "meta %+v\n", d.Meta)
			for _, bm := range d.Outline {
				fmt.Fprintf(&b, "outline %d %q page %d\n", bm.Level, bm.Title, bm.Page+1)
			}
			for _, w := range d.Warnings {
				fmt.Fprintf(&b, "warning %s\n", w)
			}
			if err := Dump(&b, d.Pages); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "build-"+paper+".golden", b.String())
		})
	}
}

// TestContentsPageNumbers checks that each contents line prints the
// number of the page its section landed on, and links to it.
func TestContentsPageNumbers(t *testing.T) {
	d := buildTest(t, "a4")
	destPage := map[string]int{}
	for i, p := range d.Pages {
		for _, it := range p.Items {
			if x, ok := it.(Dest); ok {
				destPage[x.Name] = i + 1
			}
		}
	}
	// The contents are page 2 on: each line is a Link over the line,
	// with the page number the rightmost text in it.
	checked := 0
	for _, p := range d.Pages[1:] {
		var links []Link
		for _, it := range p.Items {
			if l, ok := it.(Link); ok && l.Dest != "" {
				links = append(links, l)
			}
		}
		if len(links) == 0 {
			break
		}
		for _, l := range links {
			var num Text
			for _, it := range p.Items {
				if x, ok := it.(Text); ok && x.Y > l.Y && x.Y < l.Y+l.H && x.X > num.X {
					num = x
				}
			}
			want, ok := destPage[l.Dest]
			if !ok {
				t.Errorf("contents line links to %q, which is nowhere", l.Dest)
				continue
			}
			if num.Text != fmt.Sprint(want) {
				t.Errorf("contents: %q printed as page %q, lands on page %d", l.Dest, num.Text, want)
			}
			checked++
		}
	}
	if checked < 5 {
		t.Errorf("checked %d contents lines; want the sections, chart, chronology and bibliography", checked)
	}
	// Every folio is its page's number; the title page has none.
	for i, p := range d.Pages {
		last := ""
		for _, it := range p.Items {
			if x, ok := it.(Text); ok && x.Y > p.Size.H-60 {
				last = x.Text
			}
		}
		want := fmt.Sprint(i + 1)
		if i == 0 {
			want = ""
		}
		if last != want {
			t.Errorf("page %d: folio %q, want %q", i+1, last, want)
		}
	}
}

// TestPlanLeavesRoomForNotes checks that Build re-plans the figures for
// the box their notes leave, and that the notes then sit below the
// figure, inside the page.
func TestPlanLeavesRoomForNotes(t *testing.T) {
	doc := buildTestDoc(t)
	var boxes []Size
	plan := func(box Size) ([]Block, error) {
		boxes = append(boxes, box)
		return []Block{citingBlock{doc, []string{"republic", "landing", "baku"}}}, nil
	}
	d, err := Build(doc, nil, Options{Measurer: fixedMeasurer{}, Plan: plan,
		NewCiter: func(*content.Document) CitationFormatter { return &fakeCiter{} }})
	if err != nil {
		t.Fatal(err)
	}
	if len(boxes) != 2 || boxes[1].H >= boxes[0].H || boxes[1].W != boxes[0].W {
		t.Fatalf("planned in boxes %v; want the full box, then one less the notes", boxes)
	}
	page := d.Pages[2] // title, contents, figure
	var figBottom, rule Pt
	for _, it := range page.Items {
		switch v := it.(type) {
		case Rect:
			figBottom = v.Y + v.H
		case Rule:
			if v.X2-v.X1 == 72 {
				rule = v.Y1
			}
		}
	}
	if figBottom == 0 || rule <= figBottom || rule > page.Size.H-40 {
		t.Errorf("figure ends at %.2f, notes rule at %.2f (page height %.2f)", figBottom, rule, page.Size.H)
	}
	for _, err := range CheckInvariants(d.Pages, fixedMeasurer{}) {
		t.Error(err)
	}
}

// TestBuildDeterministic builds the same handout twice: the display
// lists must be identical, or the PDF would not be byte-stable.
func TestBuildDeterministic(t *testing.T) {
	var dumps [2]strings.Builder
	for i := range dumps {
		d := buildTest(t, "a4")
		if err := Dump(&dumps[i], d.Pages); err != nil {
			t.Fatal(err)
		}
	}
	if dumps[0].String() != dumps[1].String() {
		t.Error("two builds of the same handout differ")
	}
}

// TestBuildRealPDF builds the test handout with the embedded fonts and
// the Chicago formatter, checks the invariants, writes the PDF and reads
// its text back: the contents, a note, the chronology and the
// bibliography must be there, as text that copies out.
func TestBuildRealPDF(t *testing.T) {
	doc := buildTestDoc(t)
	m := NewMeasurer()
	d, err := Build(doc, []Block{citingBlock{doc, []string{"republic", "landing"}}}, Options{Measurer: m, Date: 1700000000})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range CheckInvariants(d.Pages, m) {
		t.Error(err)
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (install poppler-utils) to check the PDF's text")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &buf
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Contents", "The republic", "Chronology", "Red Army enters Baku", "Bibliography", "Landing", "28 April 1920"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}
