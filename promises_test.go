package main

// Tests of the small promises the README makes (its "Promises"
// section), through the command as a user runs it.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// handoutYAML is a small valid handout; narrative is appended to it.
const handoutYAML = `title: Footnotes
tracks: [{id: a, title: A}]
sources: [{id: s, type: book, title: A Book}]
events:
  - {id: e, track: a, title: E, date: 1920, cite: [s]}
`

// TestDanglingFootnote: a footnote reference with no definition is an
// input error at its position, in a narrative file or at its real line
// of the YAML for an inline narrative, from check and from build alike:
// exit 1, and a PDF already there is left as it was, with nothing beside
// it.
func TestDanglingFootnote(t *testing.T) {
	const msg = `footnote [^nosuch3] has no definition: add a line "[^nosuch3]: text" (or write \[^nosuch3] for the brackets themselves)`
	tests := []struct {
		name  string
		yaml  string
		story string // narrative.md beside the YAML, when not ""
		pos   string // FILE:LINE:COL, FILE relative to the folder
	}{
		{"narrative file", handoutYAML + "narrative: narrative.md\n",
			"# Story\n\nA note.[^nosuch3] more.[^ok]\n\n[^ok]: A real note.\n", "narrative.md:3:8"},
		{"inline narrative", handoutYAML + "narrative: |\n  # Story\n\n  A note.[^nosuch3] more.\n", "", "h.yaml:9:10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "h.yaml")
			if err := os.WriteFile(in, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.story != "" {
				if err := os.WriteFile(filepath.Join(dir, "narrative.md"), []byte(tt.story), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := filepath.Join(dir, tt.pos) + ": " + msg + "\n"
			out := filepath.Join(dir, "out", "h.pdf")
			os.MkdirAll(filepath.Dir(out), 0o755)
			if err := os.WriteFile(out, []byte("%PDF good"), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"check", in}, {"build", in, "-o", out}} {
				code, stdout, stderr := cli(args...)
				if code != 1 {
					t.Errorf("%s: exit %d, want 1", args[0], code)
				}
				if stdout != "" {
					t.Errorf("%s: stdout %q, want nothing", args[0], stdout)
				}
				if stderr != want {
					t.Errorf("%s: stderr\n%s\nwant\n%s", args[0], stderr, want)
				}
			}
			if b, _ := os.ReadFile(out); string(b) != "%PDF good" {
				t.Error("build changed the PDF already there")
			}
			if ents, _ := os.ReadDir(filepath.Dir(out)); len(ents) != 1 {
				t.Errorf("out/ holds %d entries, want the old PDF only", len(ents))
			}
			// Defined, the same note builds.
			fixed := strings.Replace(tt.yaml, "more.\n", "more.\n\n  [^nosuch3]: Now defined.\n", 1)
			story := strings.Replace(tt.story, "[^ok]: A real note.\n", "[^ok]: A real note.\n\n[^nosuch3]: Now defined.\n", 1)
			os.WriteFile(in, []byte(fixed), 0o644)
			if tt.story != "" {
				os.WriteFile(filepath.Join(dir, "narrative.md"), []byte(story), 0o644)
			}
			if code, _, stderr := cli("build", in, "-o", out); code != 0 {
				t.Errorf("with the definition: exit %d\n%s", code, stderr)
			}
		})
	}
}
