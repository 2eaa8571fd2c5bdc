package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadFootnoteReferences: a footnote reference with no definition is
// an error at the reference, in a narrative file or inline in the YAML,
// as a citation of an unknown source is; a defined one, an escaped one
// and one defined after it are not. Defined means as Markdown defines it:
// the loader checks the tree the layout sets.
func TestLoadFootnoteReferences(t *testing.T) {
	const noDef = `footnote [^%s] has no definition: add a line "[^%s]: text" (or write \[^%s] for the brackets themselves)`
	msg := func(pos, label string) string {
		return pos + ": " + strings.ReplaceAll(noDef, "%s", label)
	}
	file := minimal + "narrative: story.md\n"
	tests := []struct {
		name, yaml, story string
		want              []string
	}{
		{"undefined, in the narrative file", file, "# Story\n\nA note.[^nosuch3] more.\n",
			[]string{msg("story.md:3:8", "nosuch3")}},
		{"undefined, inline at its YAML line", minimal + "narrative: |\n  # Story\n\n  A note.[^nosuch3] more.\n", "",
			[]string{msg("h.yaml:9:10", "nosuch3")}},
		{"each reference reported", file, "One[^x].\nTwo ünï[^x] and[^y].\n",
			[]string{msg("story.md:1:4", "x"), msg("story.md:2:8", "x"), msg("story.md:2:16", "y")}},
		{"a near label suggested", file, "A[^note1] b.\n\n[^note2]: The note.\n",
			[]string{msg("story.md:1:2", "note1") + "; did you mean [^note2]?"}},
		{"with the other narrative errors, in order", file, "As [@t] said.[^n] See [[nope]].\n",
			[]string{
				`story.md:1:5: citation of unknown source "t"; the source ids are s`,
				msg("story.md:1:14", "n"),
				`story.md:1:23: link to unknown event "nope"; the event ids are e`,
			}},
		{"defined", file, "A[^n] b.\n\n[^n]: The note.\n", nil},
		{"defined before it is used", file, "[^n]: The note.\n\nA[^n] b.\n", nil},
		{"escaped", file, "The pattern \\[^a-z] is no note.\n", nil},
		{"not a label", file, "[^] and [^ x] and [^x\n", nil},
		// "[^ok]:" mid-line is no definition to Markdown: both are
		// references without one. (Markdown's rule, which the layout
		// sets, not a looser one of the loader's own.)
		{"definition mid-line", file, "a[^ok] b.\nc [^ok]: no\n",
			[]string{msg("story.md:1:2", "ok"), msg("story.md:2:3", "ok")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"story.md": &fstest.MapFile{Data: []byte(tt.story)}}
			doc, err := Load("h.yaml", []byte(tt.yaml), fsys)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("error: %v", err)
				}
				if doc == nil {
					t.Fatal("no document")
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; want\n%s", strings.Join(tt.want, "\n"))
			}
			if doc != nil {
				t.Error("a document with the errors")
			}
			if got := err.Error(); got != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}
