package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A small handout that reads a narrative file and a bibliography, for the
// tests of what the command line does with hostile and careless paths.
const hostileYAML = `title: T
tracks:
  - id: t1
    title: One
events:
  - id: e1
    track: t1
    title: Something
    date: 1920-05-18
    cite: [doe]
bibliography: refs.bib
narrative: n.md
`

const hostileBib = `@book{doe, author = {Doe, Jane}, title = {A Book}, publisher = {P}, address = {L}, year = {1990}}
`

// hostileDir writes the handout into a new folder and returns the folder.
func hostileDir(t *testing.T, yaml string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"a.yaml":   yaml,
		"n.md":     "# Intro\n\nText.[@doe, 3]\n",
		"refs.bib": hostileBib,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot returns every file in dir and its bytes, to show that nothing
// was written or changed.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			l, _ := os.Readlink(p)
			m[e.Name()] = "link to " + l
		case fi.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			m[e.Name()] = string(b)
		default:
			m[e.Name()] = fi.Mode().String()
		}
	}
	return m
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if w, ok := after[k]; !ok {
			t.Errorf("%s was removed", k)
		} else if w != v {
			t.Errorf("%s was changed", k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s was written", k)
		}
	}
}

// TestOutputIsAnInput: an output path that is one of the inputs, by any
// name, is refused with exit 2 and nothing is written.
func TestOutputIsAnInput(t *testing.T) {
	tests := []struct {
		name  string
		setup func(dir string) // makes extra names for the inputs
		args  []string         // relative to the folder
		want  string
	}{
		// Named as themselves, the inputs are refused by their
		// extension before anything is compared.
		{name: "yaml", args: []string{"build", "a.yaml", "-o", "a.yaml"}, want: "build writes a PDF, but -o a.yaml ends in .yaml"},
		{name: "dot-slash", args: []string{"build", "a.yaml", "-o", "./a.yaml"}, want: "build writes a PDF, but -o ./a.yaml ends in .yaml"},
		{name: "default command", args: []string{"a.yaml", "-o", "a.yaml"}, want: "build writes a PDF"},
		{name: "chart over yaml", args: []string{"chart", "a.yaml", "-o", "a.yaml"}, want: "chart writes SVG, PNG or PDF, but -o a.yaml ends in .yaml"},
		// By another name, they are compared as files.
		{name: "symlink", setup: func(dir string) { must(os.Symlink("a.yaml", filepath.Join(dir, "l.pdf"))) }, args: []string{"build", "a.yaml", "-o", "l.pdf"}, want: "refusing to write l.pdf: it is the YAML file"},
		{name: "hard link", setup: func(dir string) { must(os.Link(filepath.Join(dir, "a.yaml"), filepath.Join(dir, "h.pdf"))) }, args: []string{"build", "a.yaml", "-o", "h.pdf"}, want: "it is the YAML file"},
		{name: "no extension", setup: func(dir string) { must(os.Link(filepath.Join(dir, "a.yaml"), filepath.Join(dir, "talk"))) }, args: []string{"build", "a.yaml", "-o", "./talk"}, want: "refusing to write ./talk: it is the YAML file"},
		{name: "narrative", setup: func(dir string) { must(os.Link(filepath.Join(dir, "n.md"), filepath.Join(dir, "n.pdf"))) }, args: []string{"build", "a.yaml", "-o", "n.pdf"}, want: "(n.md, named at line 12)"},
		{name: "bibliography", setup: func(dir string) { must(os.Symlink("refs.bib", filepath.Join(dir, "r.pdf"))) }, args: []string{"build", "a.yaml", "-o", "r.pdf"}, want: "(refs.bib, named at line 11)"},
		{name: "chart over narrative", setup: func(dir string) { must(os.Symlink("n.md", filepath.Join(dir, "n.svg"))) }, args: []string{"chart", "a.yaml", "-o", "./n.svg"}, want: "(n.md, named at line 12)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := hostileDir(t, hostileYAML)
			if tt.setup != nil {
				tt.setup(dir)
			}
			before := snapshot(t, dir)
			code, _, stderr := cliIn(t, dir, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "nothing written") {
				t.Errorf("stderr does not say %q and nothing written:\n%s", tt.want, stderr)
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
	// The same file by a path through another folder.
	dir := hostileDir(t, hostileYAML)
	sub := filepath.Join(dir, "sub")
	must(os.Mkdir(sub, 0o755))
	must(os.Link(filepath.Join(dir, "a.yaml"), filepath.Join(dir, "a.pdf")))
	code, _, stderr := cliIn(t, sub, "build", "../a.yaml", "-o", "../sub/../a.pdf")
	if code != 2 || !strings.Contains(stderr, "it is the YAML file") {
		t.Errorf("../sub/../a.yaml: exit %d, stderr:\n%s", code, stderr)
	}
	// And an output that is no input is written.
	code, _, stderr = cliIn(t, dir, "build", "a.yaml", "-o", "b.pdf")
	if code != 0 {
		t.Fatalf("a good build: exit %d:\n%s", code, stderr)
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// cliIn runs the command line in dir.
func cliIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	return cli(args...)
}

// TestNotARegularFile: a FIFO, a device, a folder or a socket named as
// the YAML, the narrative or a bibliography is an error at the key that
// names it, at once; nothing blocks on a FIFO or reads a device forever.
func TestNotARegularFile(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string // replaces hostileYAML's narrative/bibliography lines
		setup func(dir string)
		want  string
	}{
		{name: "narrative fifo", setup: func(dir string) { mkfifo(t, filepath.Join(dir, "pipe.md")) },
			yaml: "bibliography: refs.bib\nnarrative: pipe.md\n", want: `a.yaml:12:12: narrative "pipe.md" is a named pipe (FIFO), not a file`},
		{name: "bibliography fifo", setup: func(dir string) { mkfifo(t, filepath.Join(dir, "pipe.bib")) },
			yaml: "bibliography: pipe.bib\nnarrative: n.md\n", want: `a.yaml:11:15: bibliography "pipe.bib" is a named pipe (FIFO), not a file`},
		{name: "narrative /dev/zero", yaml: "bibliography: refs.bib\nnarrative: /dev/zero\n", want: `a.yaml:12:12: narrative "/dev/zero"`},
		{name: "narrative link to /dev/zero", setup: func(dir string) { must(os.Symlink("/dev/zero", filepath.Join(dir, "z.md"))) },
			yaml: "bibliography: refs.bib\nnarrative: z.md\n", want: `a.yaml:12:12: narrative "z.md" is a device, not a file`},
		{name: "bibliography link to /dev/zero", setup: func(dir string) { must(os.Symlink("/dev/zero", filepath.Join(dir, "z.bib"))) },
			yaml: "bibliography: z.bib\nnarrative: n.md\n", want: `a.yaml:11:15: bibliography "z.bib" is a device, not a file`},
		{name: "narrative folder", setup: func(dir string) { must(os.Mkdir(filepath.Join(dir, "notes.md"), 0o755)) },
			yaml: "bibliography: refs.bib\nnarrative: notes.md\n", want: `a.yaml:12:12: narrative "notes.md" is a folder, not a file`},
	}
	base := strings.TrimSuffix(hostileYAML, "bibliography: refs.bib\nnarrative: n.md\n")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := hostileDir(t, base+tt.yaml)
			if tt.setup != nil {
				tt.setup(dir)
			}
			before := snapshot(t, dir)
			for _, cmd := range []string{"check", "build"} {
				args := []string{cmd, "a.yaml"}
				if cmd == "build" {
					args = append(args, "-o", "a.pdf")
				}
				code, stderr := cliTimed(t, dir, args...)
				if code != 1 {
					t.Errorf("%s: exit %d, want 1; stderr:\n%s", cmd, code, stderr)
				}
				if !strings.Contains(stderr, tt.want) {
					t.Errorf("%s: stderr does not hold %q:\n%s", cmd, tt.want, stderr)
				}
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

// TestYAMLNotARegularFile: the YAML itself is a FIFO, a device or a
// folder.
func TestYAMLNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "p.yaml"))
	must(os.Symlink("/dev/zero", filepath.Join(dir, "z.yaml")))
	must(os.Mkdir(filepath.Join(dir, "d.yaml"), 0o755))
	for _, tt := range []struct{ file, want string }{
		{"p.yaml", "p.yaml: is not a regular file"},
		{"z.yaml", "z.yaml: is not a regular file"},
		{"d.yaml", "d.yaml: is a folder"},
	} {
		code, stderr := cliTimed(t, dir, "check", tt.file)
		if code != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("check %s: exit %d, stderr:\n%s", tt.file, code, stderr)
		}
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
}

// cliTimed runs the command line in dir and fails the test if it takes
// more than a few seconds: what this guards against is a run that never
// ends (a FIFO no one writes to, a device with no end).
func cliTimed(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	t.Chdir(dir)
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := exitCode(run(args, &out, &errb), &errb)
		done <- result{code, errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(20 * time.Second):
		t.Fatalf("%q did not finish in 20 s", args)
		return 0, ""
	}
}

// TestCrowdedDayPositioned: a day too crowded for any chart is an error
// at the first event of that day and track, in the loader's format, from
// build and from check alike, and nothing is written.
func TestCrowdedDayPositioned(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: T\ntracks:\n  - id: t1\n    title: One\nevents:\n  - {id: early, track: t1, title: Early, date: 1919}\n")
	for i := range 400 {
		fmt.Fprintf(&b, "  - {id: e%d, track: t1, title: Event number %d with a long title, date: 1920-05-18}\n", i, i)
	}
	dir := t.TempDir()
	must(os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(b.String()), 0o644))
	before := snapshot(t, dir)
	want := `c.yaml:7:5: charts: timeline too crowded for its box: even the day 1920-05-18 of track "t1"`
	// check lays out as build does, so it says so too.
	for _, args := range [][]string{{"build", "c.yaml", "-o", "c.pdf"}, {"check", "c.yaml"}} {
		code, stderr := cliTimed(t, dir, args...)
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr does not hold %q:\n%s", args[0], code, want, stderr)
		}
	}
	sameSnapshot(t, before, snapshot(t, dir))
}

// TestHugeWordBuilds: a narrative paragraph holding a megabyte without a
// space builds (the word is cut in linear time), and the warning about
// it is said at the paragraph's line in the narrative file.
func TestHugeWordBuilds(t *testing.T) {
	dir := hostileDir(t, hostileYAML)
	must(os.WriteFile(filepath.Join(dir, "n.md"), []byte("# Intro\n\nText.[@doe, 3]\n\nBefore "+strings.Repeat("x", 1<<20)+" after.\n"), 0o644))
	code, stderr := cliTimed(t, dir, "build", "a.yaml", "-o", "a.pdf")
	if code != 0 {
		t.Fatalf("exit %d:\n%.2000s", code, stderr)
	}
	want := `n.md:5:1: warning: paragraph "Before xxx`
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "a word wider than the line is broken across lines") {
		t.Errorf("stderr does not hold %q:\n%.2000s", want, stderr)
	}
	if fi, err := os.Stat(filepath.Join(dir, "a.pdf")); err != nil || fi.Size() == 0 {
		t.Errorf("no PDF: %v", err)
	}
}

// TestOutputStdout: -o - writes the PDF (or the chart's SVG) to standard
// output and no file; with bad input, nothing at all.
func TestOutputStdout(t *testing.T) {
	dir := hostileDir(t, hostileYAML)
	before := snapshot(t, dir)
	code, stdout, stderr := cliIn(t, dir, "build", "a.yaml", "-o", "-")
	if code != 0 || !strings.HasPrefix(stdout, "%PDF-") || !strings.Contains(stdout, "%%EOF") {
		t.Fatalf("build -o -: exit %d, stdout %.20q, stderr:\n%s", code, stdout, stderr)
	}
	validatePDF(t, []byte(stdout))
	code, stdout, _ = cliIn(t, dir, "chart", "a.yaml", "-o", "-")
	if code != 0 || !strings.Contains(stdout, "<svg") {
		t.Fatalf("chart -o -: exit %d, stdout %.40q", code, stdout)
	}
	sameSnapshot(t, before, snapshot(t, dir))
	must(os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("title: T\n"), 0o644))
	code, stdout, _ = cliIn(t, dir, "build", "bad.yaml", "-o", "-")
	if code != 1 || stdout != "" {
		t.Errorf("bad input to -o -: exit %d, stdout %q", code, stdout)
	}
}
