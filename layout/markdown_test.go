package layout

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annalist/content"
)

// fakeCiter formats a note as "key locator" per cite, "Ibid." for a
// repeat of the previous note, so numbering and order are visible.
type fakeCiter struct {
	last string
	seen []string
}

// Inline is Note within a sentence: no closing period.
func (f *fakeCiter) Inline(cites []content.Cite) []content.Span {
	n := f.Note(cites)
	return n[:len(n)-1]
}

func (f *fakeCiter) Note(cites []content.Cite) []content.Span {
	var parts []string
	for _, c := range cites {
		s := strings.TrimSpace(c.Prefix + " " + c.Source + " " + c.Locator)
		parts = append(parts, s)
		f.seen = append(f.seen, c.Source)
	}
	text := strings.Join(parts, "; ")
	out := text
	if text == f.last {
		out = "Ibid"
	}
	f.last = text
	return []content.Span{{Text: "src "}, {Text: out, Italic: true}, {Text: "."}}
}

func (f *fakeCiter) Bibliography() [][]content.Span {
	var out [][]content.Span
	done := map[string]bool{}
	for _, s := range f.seen {
		if !done[s] {
			done[s] = true
			out = append(out, []content.Span{{Text: "Author, A. "}, {Text: "Book " + s, Italic: true}, {Text: ". Place: Press, 1920."}})
		}
	}
	return out
}

func testDoc(narrative string) *content.Document {
	d := &content.Document{
		Title:        "A Test Handout",
		Subtitle:     "Small and Exact",
		Author:       "A. Tester",
		Date:         "November 2026",
		Narrative:    narrative,
		NarrativePos: content.Pos{File: "story.md", Line: 1, Column: 1},
		Tracks:       []*content.Track{{ID: "t1", Title: "Track one"}, {ID: "t2", Title: "Track two"}},
		Sources:      []*content.Source{{ID: "atabaki", Title: "Soviet Republic"}, {ID: "rb", Title: "Landing"}, {ID: "kh", Title: "Telegram"}},
		Events: []*content.Event{
			{ID: "landing", Track: "t1", Title: "Soviet landing at Enzeli", Cite: []content.Cite{{Source: "rb", Locator: "para. 4"}}},
			{ID: "republic", Track: "t1", Title: "Gilan republic proclaimed", Cite: []content.Cite{{Source: "atabaki", Locator: "3"}}},
			{ID: "baku", Track: "t2", Title: "Red Army enters Baku"},
		},
	}
	d.TrackByID = map[string]*content.Track{}
	for _, t := range d.Tracks {
		d.TrackByID[t.ID] = t
	}
	d.SourceByID = map[string]*content.Source{}
	for _, s := range d.Sources {
		d.SourceByID[s.ID] = s
	}
	d.EventByID = map[string]*content.Event{}
	for _, e := range d.Events {
		d.EventByID[e.ID] = e
	}
	return d
}

// dumpParas prints blocks one per line group, for goldens.
func dumpParas(b *strings.Builder, ps []Para) {
	kinds := map[BlockKind]string{Body: "body", Heading: "heading", Quote: "quote", ListItem: "item", NoteText: "note", Caption: "caption", Figure: "figure"}
	for _, p := range ps {
		fmt.Fprintf(b, "%s", kinds[p.Kind])
		if p.Level > 0 {
			fmt.Fprintf(b, " level=%d", p.Level)
		}
		fmt.Fprintf(b, " lead=%.1f", p.Leading)
		if p.Left != 0 || p.Right != 0 || p.FirstIndent != 0 {
			fmt.Fprintf(b, " indent=%.0f/%.0f/%.0f", p.Left, p.Right, p.FirstIndent)
		}
		if p.SpaceBefore != 0 || p.SpaceAfter != 0 {
			fmt.Fprintf(b, " space=%.0f/%.0f", p.SpaceBefore, p.SpaceAfter)
		}
		if p.KeepWithNext {
			b.WriteString(" keep")
		}
		if p.Dest != "" {
			fmt.Fprintf(b, " dest=%s", p.Dest)
		}
		if p.Bookmark != "" {
			fmt.Fprintf(b, " bookmark=%q", p.Bookmark)
		}
		if p.Marker != nil {
			fmt.Fprintf(b, " marker=%q", plainText(p.Marker))
		}
		b.WriteString("\n")
		for _, r := range p.Runs {
			b.WriteString("    ")
			b.WriteString(dumpRun(r))
			b.WriteString("\n")
		}
	}
}

func dumpRun(r Run) string {
	styles := []string{"R", "I", "B", "BI"}
	s := fmt.Sprintf("%s%s %.1f", r.Font.Family, styles[r.Font.Style], r.Size)
	if r.Note > 0 {
		return s + fmt.Sprintf(" note=%d", r.Note)
	}
	if r.Link != "" {
		s += " link=" + r.Link
	}
	if r.Dest != "" {
		s += " dest=" + r.Dest
	}
	return s + fmt.Sprintf(" %q", r.Text)
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden; got:\n%s", name, got)
	}
}

const sampleNarrative = `# The landing 1920-21

In May 1920 the "Caspian flotilla" -- under Raskolnikov -- reached Enzeli [see @rb, para. 4].
It was *not* an **invasion**, said the Soviet note[^tel]; the British withdrew.[@atabaki, 3; @rb, para. 5]

Later, [[landing|the landing]] led to [[republic]].[^tel] See [the archive](https://example.org/a).

> We have taken Enzeli. The British have gone.
>
> --- Telegram, 18 May 1920

## Aftermath

- first point [@atabaki, 4]
- second point
  1. nested one
  2. nested two

[^tel]: The telegram is in *Pravda*, citing [@kh, l. 2]. More.

[^unused]: Never referred to.
`

func TestMarkdownGolden(t *testing.T) {
	doc := testDoc(sampleNarrative)
	seq := &NoteSeq{}
	// A chart note first: the narrative's numbers follow it.
	seq.Cite([]content.Cite{{Source: "rb", Locator: "para. 4"}})
	seq.Origin = FromText
	blocks, warnings, err := Markdown(doc, seq, DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	dumpParas(&b, blocks)
	b.WriteString("-- notes\n")
	notes := seq.Format(&fakeCiter{}, DefaultStyle())
	for i := 1; i <= len(notes); i++ {
		fmt.Fprintf(&b, "%d:\n", i)
		dumpParas(&b, notes[i].Paras)
	}
	b.WriteString("-- warnings\n")
	for _, w := range warnings {
		b.WriteString(w + "\n")
	}
	checkGolden(t, "markdown.golden", b.String())
}

func TestMarkdownErrors(t *testing.T) {
	tests := []struct {
		name, md string
		pos      content.Pos
		want     string
	}{
		{"unknown event", "Text\n\nsee [[nope]] here", content.Pos{File: "n.md", Line: 1}, "n.md:3:5: event link [[nope]]: no event has this id"},
		{"unknown source", "a [@zz, 3] b", content.Pos{File: "n.md", Line: 1}, `n.md:1:3: citation [@zz, 3]: unknown source "zz"`},
		{"syntax", "x [see @rb, }3] y", content.Pos{File: "n.md", Line: 1}, "n.md:1:13: citation [see @rb, }3]: unbalanced '}'"},
		{"two at once", "[[x]] and [@y]", content.Pos{File: "h.yaml", Line: 40, Column: 3},
			"h.yaml:40:3: event link [[x]]: no event has this id\n" + `h.yaml:40:13: citation [@y]: unknown source "y"`},
		// An inline narrative's later lines are indented like its first.
		{"inline, later line", "One\n\ntwo [[x]]", content.Pos{File: "h.yaml", Line: 40, Column: 3}, "h.yaml:42:7: event link [[x]]: no event has this id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testDoc(tt.md)
			doc.NarrativePos = tt.pos
			_, _, err := Markdown(doc, &NoteSeq{}, DefaultStyle())
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant    %s", err, tt.want)
			}
		})
	}
}

func TestMarkdownWarnings(t *testing.T) {
	tests := []struct{ md, want string }{
		{"<div>x</div>\n", "story.md:1:1: warning: HTML block dropped"},
		{"a ![alt](p.png) b\n", "story.md:1:5: warning: image dropped"},
		{"| a | b |\n|---|---|\n| 1 | 2 |\n", "story.md:1:3: warning: table set as plain lines"},
		{"#### deep\n", "story.md:1:6: warning: heading level 4 set as level 3"},
		{"x\n\n[^a]: never\n", "story.md:3:1: warning: footnote [^a] is never referred to"},
	}
	for _, tt := range tests {
		_, warnings, err := Markdown(testDoc(tt.md), &NoteSeq{}, DefaultStyle())
		if err != nil {
			t.Errorf("%q: %v", tt.md, err)
		}
		if len(warnings) != 1 || !strings.HasPrefix(warnings[0], tt.want) {
			t.Errorf("%q: warnings %q, want one starting %q", tt.md, warnings, tt.want)
		}
	}
}

// TestMarkdownEscapedFootnote: "\[^x]" is the brackets themselves, set
// as written, and no error; a backslash escape sets the character alone.
func TestMarkdownEscapedFootnote(t *testing.T) {
	blocks, warnings, err := Markdown(testDoc("the regex \\[^a-z] matches \\*one\\* star\n"), &NoteSeq{}, DefaultStyle())
	if err != nil || len(warnings) != 0 {
		t.Fatalf("err %v, warnings %q", err, warnings)
	}
	var b strings.Builder
	for _, p := range blocks {
		for _, r := range p.Runs {
			b.WriteString(r.Text)
		}
	}
	if got := b.String(); !strings.Contains(got, "regex [^a-z] matches *one* star") {
		t.Errorf("text %q, want the brackets as written", got)
	}
}

func TestCitationNotLink(t *testing.T) {
	// A link whose text starts with @ and an email-like text are not
	// citations.
	for _, md := range []string{"[@rb](https://x.org)", "write to [me@example.org]", "[plain] text"} {
		seq := &NoteSeq{}
		blocks, _, err := Markdown(testDoc(md), seq, DefaultStyle())
		if err != nil {
			t.Fatal(err)
		}
		if seq.Len() != 0 {
			t.Errorf("%q registered %d notes, want none", md, seq.Len())
		}
		if len(blocks) != 1 {
			t.Errorf("%q: %d blocks", md, len(blocks))
		}
	}
}

func TestCitationAcrossLines(t *testing.T) {
	seq := &NoteSeq{}
	_, _, err := Markdown(testDoc("text [see @atabaki,\n3; @rb] more"), seq, DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	if seq.Len() != 1 || len(seq.entries[0].cites) != 2 || seq.entries[0].cites[0].Prefix != "see" || seq.entries[0].cites[0].Locator != "3" {
		t.Errorf("entries = %+v", seq.entries)
	}
}

func FuzzMarkdown(f *testing.F) {
	f.Add(sampleNarrative)
	f.Add("[[")
	f.Add("[@")
	f.Add("[^x]\n\n[^x]: [^x] [@rb] [[landing]]")
	f.Add("> - [@rb, 3\n> ]")
	f.Fuzz(func(t *testing.T, md string) {
		seq := &NoteSeq{}
		blocks, _, err := Markdown(testDoc(md), seq, DefaultStyle())
		var e interface{ Unwrap() []error }
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error not joined: %v", err)
		}
		for _, p := range blocks {
			for _, r := range p.Runs {
				if r.Note > seq.Len() {
					t.Fatalf("marker %d beyond %d notes", r.Note, seq.Len())
				}
			}
		}
		seq.Format(&fakeCiter{}, DefaultStyle())
	})
}

// TestInTextCitation: "@key says" sets the author's name in the text and
// the reference in a note, as pandoc's citeproc does for a notes style;
// [-@key] leaves the author out of the note, and a citation in an
// author's note is set in parentheses with "ibid." in lower case.
func TestInTextCitation(t *testing.T) {
	doc := testDoc("@atabaki [3] argues it.[^1] So Raskolnikov [-@rb, 4].\n\n[^1]: As [@atabaki, 4] shows.\n")
	doc.SourceByID["atabaki"].Author = []content.Name{{Family: "Atabaki", Given: "Touraj"}}
	doc.SourceByID["atabaki"].Type = "book"
	doc.SourceByID["rb"].Author = []content.Name{{Family: "Raskolnikov", Given: "Fyodor"}}
	doc.SourceByID["rb"].Type = "book"
	seq := &NoteSeq{}
	blocks, _, err := Markdown(doc, seq, DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := markedText(blocks), "Atabaki[1] argues it.[2] So Raskolnikov.[3]"; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
	// A particle starting a sentence is capitalized; mid-sentence not.
	doc2 := testDoc("@rb [2] says so. Then @rb [3] again.[^1]\n\n[^1]: As @rb [4] has it.\n")
	doc2.SourceByID["rb"].Author = []content.Name{{Family: "van Gennep", Given: "Arnold"}}
	seq2 := &NoteSeq{}
	blocks2, _, err := Markdown(doc2, seq2, DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	var b2 strings.Builder
	for _, p := range blocks2 {
		for _, r := range p.Runs {
			b2.WriteString(r.Text)
		}
	}
	if got, want := b2.String(), "Van Gennep says so. Then van Gennep again."; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
	n2 := seq2.Format(content.NewCiter(doc2, content.CiteOptions{}), DefaultStyle())
	var b3 strings.Builder
	for _, r := range n2[3].Paras[0].Runs {
		b3.WriteString(r.Text)
	}
	// In an author's note the in-text citation is the citation, inline.
	if got, want := b3.String(), "As van Gennep, Landing, 4 has it."; got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	notes := seq.Format(content.NewCiter(doc, content.CiteOptions{}), DefaultStyle())
	for n, want := range map[int]string{
		1: "Touraj Atabaki, Soviet Republic (n.d.), 3.",
		2: "As (ibid., 4) shows.",
		3: "Landing (n.d.), 4.",
	} {
		var b strings.Builder
		for _, p := range notes[n].Paras {
			for _, r := range p.Runs {
				b.WriteString(r.Text)
			}
		}
		if got := b.String(); got != want {
			t.Errorf("note %d %q, want %q", n, got, want)
		}
	}
}

// TestOneNotePerPoint: a citation and an author's note at one point,
// in either order and with punctuation between, are one note, the
// citation first; markers elsewhere stay apart.
func TestOneNotePerPoint(t *testing.T) {
	for _, tt := range []struct{ md, body, note string }{
		{"Text [@rb, 3].[^1] More.\n\n[^1]: The telegram is lost.\n", "Text.[1] More.", "src rb 3. The telegram is lost."},
		{"Text[^1][@rb] more.\n\n[^1]: The telegram is lost.\n", "Text[1] more.", "src rb. The telegram is lost."},
		{"Text [@rb]. More.[^1]\n\n[^1]: Lost.\n", "Text.[1] More.[2]", ""},
	} {
		seq := &NoteSeq{}
		blocks, _, err := Markdown(testDoc(tt.md), seq, DefaultStyle())
		if err != nil {
			t.Fatal(err)
		}
		if got := markedText(blocks); got != tt.body {
			t.Errorf("%q: body %q, want %q", tt.md, got, tt.body)
		}
		if tt.note == "" {
			continue
		}
		notes := seq.Format(&fakeCiter{}, DefaultStyle())
		var b strings.Builder
		for _, r := range notes[1].Paras[0].Runs {
			b.WriteString(r.Text)
		}
		if got := b.String(); got != tt.note || len(notes) != 1 {
			t.Errorf("%q: %d notes, note 1 %q, want one, %q", tt.md, len(notes), got, tt.note)
		}
	}
}

// markedText is the text of blocks with each note marker as [n].
func markedText(blocks []Para) string {
	var b strings.Builder
	for _, p := range blocks {
		for _, r := range p.Runs {
			if r.Note > 0 {
				fmt.Fprintf(&b, "[%d]", r.Note)
			}
			b.WriteString(r.Text)
		}
	}
	return b.String()
}
