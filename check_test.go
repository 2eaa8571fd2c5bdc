package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestCheckBadInputs runs `annalist check` on every file in
// content/testdata/bad (one per kind of input error, and one with many at
// once) and compares what it prints with the golden file beside it: the
// exact positioned messages, exit status 1, and nothing on stdout.
func TestCheckBadInputs(t *testing.T) {
	files, err := filepath.Glob("content/testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("only %d bad inputs; want one per error kind (15+)", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run([]string{"check", f}, &stdout, &stderr)
			if code := exitCode(err, &stderr); code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %q, want nothing", stdout.String())
			}
			got := stderr.String()
			if !strings.HasPrefix(got, f+":") {
				t.Errorf("first message does not start with the file's name:\n%s", got)
			}
			golden := strings.TrimSuffix(f, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestCheckBadInputs -update)", err)
			}
			if got != string(want) {
				t.Errorf("check %s printed:\n%s\nwant:\n%s", f, got, want)
			}
		})
	}
}

// TestCheckTooLarge: a file over the 16 MiB limit is refused before it is
// read, with its size.
func TestCheckTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(p, bytes.Repeat([]byte("#"), 16<<20+1), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := run([]string{"check", p}, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if want := p + ":1:1: file is 16777217 bytes; the limit is 16 MiB"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("printed %q, want it to start %q", stderr.String(), want)
	}
}

// TestBuildBadInputWritesNothing: a bad input leaves an existing good PDF
// as it was and no temporary file beside it.
func TestBuildBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "h.pdf")
	if err := os.WriteFile(out, []byte("%PDF good"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := run([]string{"content/testdata/bad/many.yaml", "-o", out}, &stdout, &stderr)
	if !errors.Is(err, errReported) {
		t.Fatalf("run = %v, want input errors", err)
	}
	if n := strings.Count(stderr.String(), "content/testdata/bad/many.yaml:"); n < 8 {
		t.Errorf("reported %d problems, want every one (8+):\n%s", n, stderr.String())
	}
	if b, _ := os.ReadFile(out); string(b) != "%PDF good" {
		t.Errorf("the good PDF was changed")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("the folder holds %d entries, want 1", len(ents))
	}
}

// TestCheckTellsWhatBuildWould: on every YAML file of the test suite,
// `annalist check` prints exactly the problems `annalist build` prints
// (errors and warnings, in the same order, each positioned), and exits as
// build does, since both read the narrative with the one parser and lay
// out the same pages.
func TestCheckTellsWhatBuildWould(t *testing.T) {
	var files []string
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "third_party" || strings.HasPrefix(d.Name(), ".")) && p != "." {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".yaml") && strings.Contains(filepath.ToSlash(p), "testdata/") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d test files found", len(files))
	}
	for _, f := range files {
		t.Run(filepath.ToSlash(f), func(t *testing.T) {
			var checkOut, checkErr, buildOut, buildErr bytes.Buffer
			cErr := run([]string{"check", f}, &checkOut, &checkErr)
			out := filepath.Join(t.TempDir(), "h.pdf")
			bErr := run([]string{"build", f, "-o", out}, &buildOut, &buildErr)
			cc, bc := exitCode(cErr, &checkErr), exitCode(bErr, &buildErr)
			if cc != bc {
				t.Errorf("check exits %d, build %d", cc, bc)
			}
			problems := func(s string) []string {
				var lines []string
				for _, l := range strings.Split(s, "\n") {
					// Only the positioned lines: the summaries differ
					// ("ok" against "wrote h.pdf").
					if i := strings.Index(l, ": "); i > 0 && strings.Count(l[:i], ":") >= 2 {
						lines = append(lines, l)
					}
				}
				return lines
			}
			c, b := problems(checkErr.String()+checkOut.String()), problems(buildErr.String()+buildOut.String())
			if strings.Join(c, "\n") != strings.Join(b, "\n") {
				t.Errorf("check printed:\n%s\nbuild printed:\n%s", strings.Join(c, "\n"), strings.Join(b, "\n"))
			}
		})
	}
}
