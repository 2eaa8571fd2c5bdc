package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annalist/content"
)

// builtinWarnings is every warning the built-in handout gives: loading it
// (what its sources lack), then laying it out and charting it.
func builtinWarnings(t *testing.T) string {
	t.Helper()
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	_, ldoc, err := render(doc, false)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(append(append([]string(nil), doc.Warnings...), ldoc.Warnings...), "\n") + "\n"
}

// TestBuiltinWarnings keeps the built-in handout's warnings as they are.
// Building it prints none of them (they are for its authors), so this
// golden is where a new one shows: read it, fix the content or accept it
// with -update.
func TestBuiltinWarnings(t *testing.T) {
	got := builtinWarnings(t)
	path := filepath.Join("testdata", "builtin-warnings.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestBuiltinWarnings -update)", err)
	}
	if got != string(want) {
		t.Errorf("the built-in handout's warnings changed:\n got:\n%s\nwant:\n%s(run go test -run TestBuiltinWarnings -update if the change is right)", got, want)
	}
}

// TestBuiltinQuiet: building the built-in handout says only what it
// wrote; `check` with no FILE prints the warnings of its content and a
// summary.
func TestBuiltinQuiet(t *testing.T) {
	var stdout, stderr strings.Builder
	path := filepath.Join(t.TempDir(), "h.pdf")
	if err := run([]string{"-o", path}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if stderr.String() != "" {
		t.Errorf("building the built-in handout printed:\n%s", stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "wrote "+path+" (") {
		t.Errorf("stdout %q", stdout.String())
	}

	stdout.Reset()
	stderr.Reset()
	if err := run([]string{"check"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	if want := "built-in handout: ok: " + doc.Summary() + " (its files, which the warnings name, are content/default/ in Annalist's source code)\n"; stdout.String() != want {
		t.Errorf("check stdout %q, want %q", stdout.String(), want)
	}
	want := builtinWarnings(t)
	if stderr.String() != want {
		t.Errorf("check stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if strings.TrimSpace(want) == "" {
		t.Error("the built-in handout has no warnings: the check above proves nothing; change it")
	}
}
