package main

// Tests of the small promises the README makes (its "Promises"
// section), through the command as a user runs it.

import (
	"bytes"
	"fmt"
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

// TestSourceDateEpochCLI: SOURCE_DATE_EPOCH=0 dates the PDF 1970-01-01
// (it is a time, not "unset"); empty is unset (the fixed 2000-01-01); a
// value that is no date is exit 2 with a message naming the variable and
// the value, and nothing written.
func TestSourceDateEpochCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "h.yaml")
	if err := os.WriteFile(in, []byte(handoutYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "h.pdf")
	for _, tt := range []struct{ env, date string }{
		{"0", "D:19700101000000"},
		{"", "D:20000101000000"},
		{"1600000000", "D:20200913122640"},
	} {
		t.Setenv("SOURCE_DATE_EPOCH", tt.env)
		if code, _, stderr := cli("build", in, "-o", out); code != 0 {
			t.Fatalf("SOURCE_DATE_EPOCH=%q: exit %d\n%s", tt.env, code, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"/CreationDate", "/ModDate"} {
			if !bytes.Contains(data, []byte(key+" ("+tt.date+")")) {
				t.Errorf("SOURCE_DATE_EPOCH=%q: %s is not %s", tt.env, key, tt.date)
			}
		}
		validatePDF(t, data)
	}
	good, _ := os.ReadFile(out)
	for _, tt := range []struct{ env, why string }{
		{"-1", "is negative"},
		{"253402300800", "is after the year 9999, the last a PDF date can hold"},
		{"18446744073709551616", "is after the year 9999, the last a PDF date can hold"},
		{"1.5", "is not a whole number of seconds"},
		{"yesterday", "is not a whole number of seconds"},
	} {
		t.Setenv("SOURCE_DATE_EPOCH", tt.env)
		code, stdout, stderr := cli("build", in, "-o", out)
		want := fmt.Sprintf("annalist: SOURCE_DATE_EPOCH=%q %s; ", tt.env, tt.why)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("SOURCE_DATE_EPOCH=%q: exit %d, stdout %q, stderr %q; want exit 2 and one line starting %q", tt.env, code, stdout, stderr, want)
		}
		if b, _ := os.ReadFile(out); !bytes.Equal(b, good) {
			t.Errorf("SOURCE_DATE_EPOCH=%q: the PDF already there was changed", tt.env)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("the folder holds %d entries, want h.yaml and h.pdf", len(ents))
	}
}
