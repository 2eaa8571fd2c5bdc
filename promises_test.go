package main

// Tests of the small promises the README makes (its "Promises"
// section), through the command as a user runs it.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"annalist/internal/synth"
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

// buildSlowBinary builds the command into dir with slowWrite set, so
// that its temporary file is being written for long enough to be
// signalled during the write (see slowWrite).
func buildSlowBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "annalist")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.slowWrite=20ms", ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeSynth writes a synthetic handout of pages pages into dir and
// returns the YAML file's path.
func writeSynth(t *testing.T, dir string, pages int) string {
	t.Helper()
	y, md := synth.Files(synth.Config{Pages: pages, Seed: 1})
	in := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(in, y, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, synth.NarrativeFile), md, 0o644); err != nil {
		t.Fatal(err)
	}
	return in
}

// temps lists the temporary files of target h.pdf in dir, named as
// os.CreateTemp names them from writeAtomic's pattern: .h.pdf.DIGITS.tmp.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".h.pdf.*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range m {
		mid := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), ".h.pdf."), ".tmp")
		if mid != "" && strings.Trim(mid, "0123456789") == "" {
			out = append(out, f)
		}
	}
	return out
}

// waitWriting waits until the command, whose stderr goes to the file
// errPath, says it has begun writing the PDF (a build with slowWrite set
// says so; the file it writes may have no name to watch for).
func waitWriting(t *testing.T, errPath string, done <-chan struct{}) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(errPath); bytes.Contains(b, []byte("annalist: (slowed) writing")) {
			time.Sleep(60 * time.Millisecond) // a few chunks into the write
			return
		}
		select {
		case <-done:
			t.Fatal("the command ended before it began writing")
		default:
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("the command did not begin writing within 60 s")
}

// unnamedTemps reports whether writeAtomic can write through a file with
// no name in dir (O_TMPFILE), so that even SIGKILL leaves nothing.
func unnamedTemps(dir string) bool {
	f, ok := createUnnamed(dir)
	if ok {
		f.Close()
	}
	return ok
}

// interruptRun prepares a build of in by the command bin over a folder
// holding previous as h.pdf, its stderr going to the file errPath (read
// while it runs, by waitWriting). The command is not started.
func interruptRun(t *testing.T, bin, in string, previous []byte) (dir, out, errPath string, cmd *exec.Cmd) {
	t.Helper()
	dir = t.TempDir()
	out = filepath.Join(dir, "h.pdf")
	if err := os.WriteFile(out, previous, 0o644); err != nil {
		t.Fatal(err)
	}
	errPath = filepath.Join(t.TempDir(), "stderr")
	errFile, err := os.Create(errPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { errFile.Close() })
	cmd = exec.Command(bin, "build", in, "-o", out)
	cmd.Stderr = errFile
	return dir, out, errPath, cmd
}

// TestInterrupts signals the real command (built here) while it lays out
// a large handout and while it writes the PDF: SIGINT exits 130 and
// SIGTERM 143, the PDF already there is byte-identical, and no
// temporary file is left beside it.
func TestInterrupts(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM to send on Windows")
	}
	if testing.Short() {
		t.Skip("builds the command and lays out 1,000 pages")
	}
	bin := buildSlowBinary(t, t.TempDir())
	inputs := t.TempDir()
	big := writeSynth(t, inputs, 1000) // about 1.4 s of layout here
	smallDir := t.TempDir()
	small := writeSynth(t, smallDir, 200) // 2 MB of PDF: 0.6 s of slowed write
	previous := []byte("%PDF-1.4 the previous handout, to be kept byte for byte\n")
	for _, tt := range []struct {
		name  string
		sig   syscall.Signal
		code  int
		in    string
		early bool // during layout, before any file is made; else during the write
	}{
		{"SIGINT during layout", syscall.SIGINT, 130, big, true},
		{"SIGTERM during layout", syscall.SIGTERM, 143, big, true},
		{"SIGINT during the write", syscall.SIGINT, 130, small, false},
		{"SIGTERM during the write", syscall.SIGTERM, 143, small, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, out, errPath, cmd := interruptRun(t, bin, tt.in, previous)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait(); close(done) }()
			if tt.early {
				// Long after the handler is installed (the first thing
				// main does), long before the layout of 1,000 pages ends.
				time.Sleep(300 * time.Millisecond)
				if m := temps(t, dir); len(m) > 0 {
					t.Fatalf("already writing at 300 ms (%v): the layout was to take longer", m)
				}
			} else {
				waitWriting(t, errPath, done)
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			<-done
			<-waited
			if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); ws.Signaled() {
				t.Fatalf("killed by %v, not handled", ws.Signal())
			}
			stderr, _ := os.ReadFile(errPath)
			if code := cmd.ProcessState.ExitCode(); code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, stderr)
			}
			if !bytes.Contains(stderr, []byte("annalist: interrupted")) {
				t.Errorf("stderr %q, want it to say interrupted", stderr)
			}
			if b, _ := os.ReadFile(out); !bytes.Equal(b, previous) {
				t.Errorf("the previous PDF changed (%d bytes now)", len(b))
			}
			if m := temps(t, dir); len(m) > 0 {
				t.Errorf("temporary files left: %v", m)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Errorf("the folder holds %d entries, want h.pdf only", len(ents))
			}
		})
	}

	// SIGKILL cannot be handled, and the previous PDF is still
	// byte-identical (it is only ever replaced by a rename). Where the
	// PDF is written to a file with no name (Linux's O_TMPFILE), nothing
	// is left behind either; elsewhere the named temporary file stays,
	// and the next write of the same target removes it once it is stale
	// (staleAge unchanged), never a younger one, which may be a live
	// run's, nor any other file.
	t.Run("SIGKILL during the write, then the next run", func(t *testing.T) {
		dir, out, errPath, cmd := interruptRun(t, bin, small, previous)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		waitWriting(t, errPath, done)
		cmd.Process.Kill()
		<-done
		if b, _ := os.ReadFile(out); !bytes.Equal(b, previous) {
			t.Fatalf("the previous PDF changed (%d bytes now)", len(b))
		}
		left := temps(t, dir)
		if unnamedTemps(dir) {
			if len(left) != 0 {
				t.Fatalf("files left after SIGKILL though the PDF was written unnamed: %v", left)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Fatalf("the folder holds %d entries after SIGKILL, want h.pdf only", len(ents))
			}
			// The clean-up of what a killed run on another system
			// leaves: made here by hand.
			p := filepath.Join(dir, ".h.pdf.123456.tmp")
			if err := os.WriteFile(p, []byte("%PDF-1.7 half"), 0o644); err != nil {
				t.Fatal(err)
			}
			left = []string{p}
		} else if len(left) != 1 {
			t.Fatalf("temporary files after SIGKILL: %v, want the one being written", left)
		}
		// Files the clean-up must not touch, made stale too.
		others := []string{".h.pdf.notes.tmp", ".other.pdf.123.tmp", ".h.pdf.123.tmp.keep"}
		old := time.Now().Add(-2 * staleAge)
		for _, o := range others {
			p := filepath.Join(dir, o)
			os.WriteFile(p, []byte("x"), 0o644)
			os.Chtimes(p, old, old)
		}
		tiny := filepath.Join(dir, "tiny.yaml")
		os.WriteFile(tiny, []byte(handoutYAML), 0o644)
		run := func() {
			t.Helper()
			if out, err := exec.Command(bin, "build", tiny, "-o", out).CombinedOutput(); err != nil {
				t.Fatalf("next run: %v\n%s", err, out)
			}
		}
		run()
		if got := temps(t, dir); len(got) != 1 || got[0] != left[0] {
			t.Errorf("a fresh temporary file (%v) was removed, or others made: %v", left, got)
		}
		os.Chtimes(left[0], old, old)
		run()
		if got := temps(t, dir); len(got) != 0 {
			t.Errorf("stale temporary file not removed: %v", got)
		}
		for _, o := range others {
			if _, err := os.Stat(filepath.Join(dir, o)); err != nil {
				t.Errorf("%s, not a temporary file of h.pdf, was removed", o)
			}
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || bytes.Equal(data, previous) {
			t.Fatalf("the next run did not write its PDF (%v)", err)
		}
		validatePDF(t, data)
	})
}
