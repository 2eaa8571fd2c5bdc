package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	gast "github.com/yuin/goldmark/ast"
)

// FootnoteMarks must find what the regular expressions it replaced find:
// references (and whether a colon follows), and definitions at a line's
// start after at most three spaces.
var (
	footnoteRefRE = regexp.MustCompile(`\[\^([^\]\s]+)\](:?)`)
	footnoteDefRE = regexp.MustCompile(`(?m)^ {0,3}\[\^([^\]\s]+)\]:`)
)

func checkFootnoteMarks(t *testing.T, src string) {
	t.Helper()
	var refs, defs []string
	FootnoteMarks([]byte(src), func(at int, label string, colon, def, _ bool) {
		refs = append(refs, fmt.Sprintf("%d %s %v", at, label, colon))
		if def {
			defs = append(defs, fmt.Sprintf("%d %s", at, label))
		}
	})
	var wantRefs, wantDefs []string
	for _, m := range footnoteRefRE.FindAllStringSubmatchIndex(src, -1) {
		wantRefs = append(wantRefs, fmt.Sprintf("%d %s %v", m[0], src[m[2]:m[3]], m[5] > m[4]))
	}
	for _, m := range footnoteDefRE.FindAllStringSubmatchIndex(src, -1) {
		at := m[0] + strings.Index(src[m[0]:], "[^")
		wantDefs = append(wantDefs, fmt.Sprintf("%d %s", at, src[m[2]:m[3]]))
	}
	if !slices.Equal(refs, wantRefs) || !slices.Equal(defs, wantDefs) {
		t.Errorf("%q:\nrefs %q\nwant %q\ndefs %q\nwant %q", src, refs, wantRefs, defs, wantDefs)
	}
}

func TestFootnoteMarks(t *testing.T) {
	for _, src := range []string{
		"", "[^", "[^]", "[^a]", "[^a]:", "x [^a]: y", "   [^a]: y", "    [^a]: y",
		"a\n[^b]:\n  [^c]: d [^e] [^f]:", "[^a b]", "[^a[^b]]:", "[^[^x]", "\t[^a]:",
		"[^a]\r\n[^b]:", "[^é]:", "[^\xff]", "[^a\n]", " \n [^x]:",
	} {
		checkFootnoteMarks(t, src)
	}
}

func FuzzFootnoteMarks(f *testing.F) {
	f.Add("a[^x] b\n\n[^x]: note\n   [^y]: z [^w]:")
	f.Fuzz(func(t *testing.T, src string) { checkFootnoteMarks(t, src) })
}

// TestNarrativeGrammar: the one parser of the narrative, as the loader
// checks it (and the layout sets the same tree): every form of Pandoc's
// citation syntax the README names, and what is no citation.
func TestNarrativeGrammar(t *testing.T) {
	const yaml = `title: T
tracks: [{id: a, title: A}]
sources:
  - {id: s, type: book, title: S, author: [{family: Atabaki, given: Touraj}]}
  - {id: çelik2001, type: book, title: Ç}
  - {id: "http://zotero.org/users/1/items/ABCD1234", type: book, title: Z}
events:
  - {id: e, track: a, title: E, date: 1920, cite: [s]}
narrative: story.md
`
	type cite struct {
		key, loc string
		inText   bool
		suppress bool
	}
	for _, tt := range []struct {
		name, story string
		cites       []cite
		err         string
	}{
		{"bracketed", "As [see @s, 3; @çelik2001] said.", []cite{{"s", "3", false, false}, {"çelik2001", "", false, false}}, ""},
		{"a braced URI key, as Zotero exports them", "Z [@{http://zotero.org/users/1/items/ABCD1234}, 7].", []cite{{"http://zotero.org/users/1/items/ABCD1234", "7", false, false}}, ""},
		{"in the text", "@s says so.", []cite{{"s", "", true, false}}, ""},
		{"in the text with a locator", "As @s [12] says.", []cite{{"s", "12", true, false}}, ""},
		{"author suppressed", "Atabaki says so [-@s, 4].", []cite{{"s", "4", false, true}}, ""},
		{"in an author's footnote", "Text.[^1]\n\n[^1]: As [@s, 2] shows.", []cite{{"s", "2", false, false}}, ""},
		{"an e-mail address is none", "Write to me@example.org.", nil, ""},
		{"a link's text is none", "[@s](https://example.org)", nil, ""},
		{"empty items", "See [@s, p. 3 ; ; ].", nil, "story.md:1:16: citation [@s, p. 3 ; ;]: empty citation item (a stray ';'?)"},
		{"an unknown key in the text", "As @nosuch says.", nil, `story.md:1:4: citation of unknown source "nosuch"`},
		{"a Unicode key misspelt", "See [@celik2001].", nil, `story.md:1:6: citation of unknown source "celik2001"; did you mean "çelik2001"?`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"story.md": {Data: []byte(tt.story)}}
			doc, err := Load("h.yaml", []byte(yaml), fsys)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error %v, want %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			root, _ := doc.NarrativeTree()
			var got []cite
			gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
				if x, ok := n.(*CiteNode); ok && entering {
					for _, c := range x.Cites {
						got = append(got, cite{c.Source, c.Locator, x.InText, c.SuppressAuthor})
					}
				}
				return gast.WalkContinue, nil
			})
			if !slices.Equal(got, tt.cites) {
				t.Errorf("cites %+v, want %+v", got, tt.cites)
			}
		})
	}
}
