package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args    []string
		want    options
		wantErr string // substring of a usage error
	}{
		{args: nil, want: options{cmd: "build"}},
		{args: []string{"talk.yaml"}, want: options{cmd: "build", files: []string{"talk.yaml"}}},
		{args: []string{"build", "talk.yaml", "-o", "x.pdf"}, want: options{cmd: "build", files: []string{"talk.yaml"}, out: "x.pdf"}},
		{args: []string{"-o", "x.pdf", "talk.yaml", "--paper", "letter"}, want: options{cmd: "build", files: []string{"talk.yaml"}, out: "x.pdf", paper: "letter"}},
		{args: []string{"--grayscale"}, want: options{cmd: "build", grayscale: true}},
		{args: []string{"check", "a.yaml", "b.yaml"}, want: options{cmd: "check", files: []string{"a.yaml", "b.yaml"}}},
		{args: []string{"chart", "-o", "t.svg"}, want: options{cmd: "chart", out: "t.svg"}},
		{args: []string{"--help"}, want: options{cmd: "help"}},
		{args: []string{"-h"}, want: options{cmd: "help"}},
		{args: []string{"help"}, want: options{cmd: "help"}},
		{args: []string{"--version"}, want: options{cmd: "version"}},
		{args: []string{"version"}, want: options{cmd: "version"}},
		{args: []string{"build", "--", "-odd.yaml"}, want: options{cmd: "build", files: []string{"-odd.yaml"}}},
		{args: []string{"check"}, want: options{cmd: "check"}},
		{args: []string{"check", "a.yaml", "-o", "x"}, wantErr: "check writes nothing"},
		{args: []string{"--paper", "a5"}, wantErr: `--paper must be a4 or letter, not "a5"`},
		{args: []string{"a.yaml", "b.yaml"}, wantErr: "build takes at most one FILE, got 2"},
		{args: []string{"--colour"}, wantErr: "flag provided but not defined: -colour"},
		{args: []string{"-o"}, wantErr: "flag needs an argument: -o"},
		{args: []string{"build", "t.yaml", "-o", "t.svg"}, wantErr: "build writes a PDF, but -o t.svg ends in .svg"},
		{args: []string{"t.yaml", "-o", "T.YAML"}, wantErr: "build writes a PDF, but -o T.YAML ends in .yaml"},
		{args: []string{"chart", "-o", "t.gif"}, wantErr: "chart writes SVG, PNG or PDF, but -o t.gif ends in .gif"},
		{args: []string{"chart", "-o", "t.doc"}, wantErr: "chart writes SVG, PNG or PDF, but -o t.doc ends in .doc"},
		{args: []string{"-o", "X.PDF"}, want: options{cmd: "build", out: "X.PDF"}},
		{args: []string{"-o", "handout"}, want: options{cmd: "build", out: "handout"}},
		{args: []string{"-o", "-"}, want: options{cmd: "build", out: "-"}},
		{args: []string{"chart", "-o", "-"}, want: options{cmd: "chart", out: "-"}},
	}
	for _, tt := range tests {
		got, err := parseArgs(tt.args)
		if tt.wantErr != "" {
			var ue usageError
			if !errors.As(err, &ue) || !contains(ue.msg, tt.wantErr) {
				t.Errorf("parseArgs(%q): error %v, want usage error containing %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseArgs(%q): %v", tt.args, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseArgs(%q) = %+v, want %+v", tt.args, got, tt.want)
		}
	}
}

func contains(s, sub string) bool {
	return strings.Contains(s, sub)
}

func TestWriteAtomicReplacesAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "h.pdf")
	if err := writeAtomic(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil || string(b) != "two" {
		t.Fatalf("read %q, %v; want two", b, err)
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Errorf("folder holds %d entries, want only h.pdf: %v", len(ents), ents)
	}
}

func TestWriteAtomicFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "h.pdf")
	if err := os.WriteFile(p, []byte("good"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A target that is a non-empty folder cannot be replaced by rename.
	bad := filepath.Join(dir, "folder")
	os.MkdirAll(filepath.Join(bad, "x"), 0o755)
	if err := writeAtomic(bad, []byte("new")); err == nil {
		t.Fatal("writeAtomic over a folder succeeded")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "h.pdf" && e.Name() != "folder" {
			t.Errorf("left behind %s", e.Name())
		}
	}
	if b, _ := os.ReadFile(p); string(b) != "good" {
		t.Errorf("good file changed to %q", b)
	}
}

// TestWriteUnnamedFallsBack: when the unnamed file cannot be given a
// name, writeUnnamed changes nothing and says so (done false), so that
// writeAtomic writes a named temporary file instead.
func TestWriteUnnamedFallsBack(t *testing.T) {
	dir := t.TempDir()
	f, ok := createUnnamed(dir)
	if !ok {
		t.Skip("no unnamed files here")
	}
	target := filepath.Join(dir, "h.pdf")
	// A folder that does not exist: the link fails.
	done, err := writeUnnamed(f, filepath.Join(dir, "gone"), target, []byte("%PDF-1.7\n"))
	if done || err != nil {
		t.Fatalf("done %v, err %v; want not done, no error", done, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("the folder holds %d entries, want none", len(ents))
	}
	if err := writeAtomic(target, []byte("%PDF-1.7\n")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != "%PDF-1.7\n" {
		t.Errorf("writeAtomic: %q, %v", b, err)
	}
}

// TestCompletion: `annalist completion bash` prints a script bash
// accepts, which completes the commands and --paper's values; zsh and
// fish get theirs; another shell is a usage error.
func TestCompletion(t *testing.T) {
	code, script, stderr := cli("completion", "bash")
	if code != 0 {
		t.Fatalf("completion bash: exit %d\n%s", code, stderr)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	for _, tt := range []struct{ words, want string }{
		{"annalist ch", "check chart"},
		{"annalist build --paper l", "letter"},
		{"annalist completion f", "fish"},
	} {
		words := strings.Fields(tt.words)
		prog := script + "\nCOMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" + strconv.Itoa(len(words)-1) + "; _annalist; echo \"${COMPREPLY[@]}\"\n"
		out, err := exec.Command(bash, "-c", prog).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != tt.want {
			t.Errorf("%q completes to %q (%v), want %q", tt.words, out, err, tt.want)
		}
	}
	for _, sh := range []string{"zsh", "fish"} {
		if code, out, _ := cli("completion", sh); code != 0 || !strings.Contains(out, "annalist") {
			t.Errorf("completion %s: exit %d", sh, code)
		}
	}
	if code, _, _ := cli("completion", "tcsh"); code != 2 {
		t.Errorf("completion tcsh: exit %d, want 2", code)
	}
}
