package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"annalist/content"
	"annalist/layout"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// a development build reports its module version or "devel".
var version = ""

const shortUsage = `usage: annalist [build] [FILE] [-o PATH] [--paper a4|letter] [--grayscale]
       annalist init [DIR]
       annalist watch FILE [-o PATH] [--paper a4|letter] [--grayscale]
       annalist check [FILE...]
       annalist chart [FILE] [-o PATH.svg|.png|.pdf] [--figure N|NAME | --all | --list] [--size 16:9|WxH] [--dpi N]
       annalist import TIMELINE.json [-o PATH.yaml]
       annalist export --timelinejs [FILE] [-o PATH.json]
       annalist completion bash|zsh|fish
       annalist help | version | --help | --version
`

const longUsage = `annalist turns a YAML file of historical events into a printable PDF handout:
a timeline chart with one swim lane per track, narrative pages with
footnotes in Chicago style, a chronology and a bibliography.

` + shortUsage + `
commands:
  build   write the PDF handout (the default command). With no FILE, build
          the handout embedded in annalist (Soviet power on the Caspian,
          1918-1921) into out/.
  init    write a starter project into DIR (default: the current folder):
          handout.yaml, narrative.md, references.bib and the schema the
          YAML names. It builds as it is; init never overwrites a file.
  watch   build FILE, then rebuild it whenever it, its narrative or a
          bibliography changes; a broken input prints its problems and
          keeps the last good PDF. Ctrl-C stops.
  check   validate FILE(s) only; print a summary or every problem found.
          With no FILE, lay out the built-in handout and print the warnings
          about its content, which building it does not print.
  chart   write one of the chart's figures as SVG or PNG, for a slide:
          the overview, or --figure N or NAME (--list names them:
          detail-1, sources); --all stacks every figure and its notes in
          one file; --size 16:9 (or 254x142.9mm) lays the figure out on a
          slide's page, its sources in one line under it.
  import  turn a TimelineJS JSON timeline into an Annalist handout (YAML):
          its groups as tracks, events and eras with their dates; what
          it cannot carry over is kept in comments. Never overwrites.
  export  write FILE (or the built-in handout) as TimelineJS JSON, for a
          web timeline: tracks as groups, sources under each event.
  completion  print a shell completion script (bash, zsh, fish):
          eval "$(annalist completion bash)" in ~/.bashrc.
  help    show this help (also -h, --help).
  version print the version (also --version).

options:
  -o PATH              where to write (default: out/NAME.pdf, or out/NAME-timeline.svg)
                       - writes to standard output; the extension must match
                       (.pdf for build, .svg for chart) or be absent
  --paper a4|letter    paper size, overriding the file's paper: field
  --grayscale          render the whole document in grays
  -h, --help           show this help
  --version            print the version

exit status: 0 ok, 1 input errors (printed as file:line:col: message),
2 usage or a bad SOURCE_DATE_EPOCH.
`

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errReported means the problems were already printed (input errors,
// listed one per line); main only sets exit status 1.
var errReported = errors.New("input errors reported")

// options are the parsed command line.
type options struct {
	cmd        string // build, check, chart, help, version
	files      []string
	out        string
	paper      string
	grayscale  bool
	list       bool   // chart --list: name the figures
	timelinejs bool   // export --timelinejs
	size       string // chart --size: a slide's page
	dpi        int    // chart --dpi, for a PNG
	figure     string // chart --figure: that figure alone, by number or name
	all        bool   // chart --all: every figure in one file
}

// parseArgs reads the command line. Flags may come before or after the
// file, as users type them.
func parseArgs(args []string) (options, error) {
	var o options
	o.cmd = "build"
	if len(args) > 0 {
		switch args[0] {
		case "build", "check", "chart", "init", "import", "export", "watch":
			o.cmd = args[0]
			args = args[1:]
		case "completion":
			o.cmd = args[0]
			if len(args) != 2 {
				return o, usagef("completion takes one shell: bash, zsh or fish")
			}
			o.files = args[1:]
			return o, nil
		case "help", "version":
			// Typed as commands, like "go version": without this a
			// bare "version" would be taken for a file name.
			o.cmd = args[0]
			return o, nil
		}
	}
	fs := flag.NewFlagSet("annalist", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.out, "o", "", "")
	fs.StringVar(&o.paper, "paper", "", "")
	fs.BoolVar(&o.grayscale, "grayscale", false, "")
	fs.BoolVar(&o.list, "list", false, "")
	fs.BoolVar(&o.timelinejs, "timelinejs", false, "")
	fs.StringVar(&o.size, "size", "", "")
	fs.IntVar(&o.dpi, "dpi", 0, "")
	fs.StringVar(&o.figure, "figure", "", "")
	fs.BoolVar(&o.all, "all", false, "")
	var help, ver bool
	fs.BoolVar(&help, "h", false, "")
	fs.BoolVar(&help, "help", false, "")
	fs.BoolVar(&ver, "version", false, "")
	for {
		if err := fs.Parse(args); err != nil {
			return o, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			o.files = append(o.files, args[1:]...)
			break
		}
		o.files = append(o.files, args[0])
		args = args[1:]
	}
	switch {
	case help:
		o.cmd = "help"
		return o, nil
	case ver:
		o.cmd = "version"
		return o, nil
	}
	switch o.paper {
	case "", "a4", "letter":
	default:
		return o, usagef("--paper must be a4 or letter, not %q", o.paper)
	}
	if o.timelinejs && o.cmd != "export" {
		return o, usagef("--timelinejs is for annalist export")
	}
	if (o.list || o.figure != "" || o.all || o.size != "" || o.dpi != 0) && o.cmd != "chart" {
		return o, usagef("--list, --figure, --all, --size and --dpi are for annalist chart")
	}
	if o.all && (o.figure != "" || o.size != "") {
		return o, usagef("--all writes every figure in one file: --figure and --size do not apply")
	}
	if o.dpi != 0 && (o.dpi < 36 || o.dpi > 1200) {
		return o, usagef("--dpi %d: give 36 to 1200", o.dpi)
	}
	switch o.cmd {
	case "check":
		if o.out != "" || o.paper != "" || o.grayscale {
			return o, usagef("check writes nothing: -o, --paper and --grayscale do not apply")
		}
	case "watch":
		if len(o.files) != 1 {
			return o, usagef("watch takes one FILE, got %d", len(o.files))
		}
		if o.out == "-" {
			return o, usagef("watch rebuilds a file: -o - (standard output) does not apply")
		}
		if err := checkOutExt(options{cmd: "build", out: o.out}); err != nil {
			return o, err
		}
	case "export":
		if !o.timelinejs {
			return o, usagef("export writes TimelineJS JSON: annalist export --timelinejs [FILE]")
		}
		if o.paper != "" || o.grayscale {
			return o, usagef("export writes TimelineJS JSON: --paper and --grayscale do not apply")
		}
		if len(o.files) > 1 {
			return o, usagef("export takes at most one FILE, got %d", len(o.files))
		}
	case "import":
		if o.paper != "" || o.grayscale {
			return o, usagef("import writes a YAML handout: --paper and --grayscale do not apply")
		}
		if len(o.files) != 1 {
			return o, usagef("import takes one TimelineJS JSON file, got %d", len(o.files))
		}
	case "init":
		if o.out != "" || o.paper != "" || o.grayscale {
			return o, usagef("init writes a starter project into DIR: -o, --paper and --grayscale do not apply")
		}
		if len(o.files) > 1 {
			return o, usagef("init takes at most one DIR, got %d: %s", len(o.files), strings.Join(o.files, " "))
		}
	case "build", "chart":
		if len(o.files) > 1 {
			return o, usagef("%s takes at most one FILE, got %d: %s", o.cmd, len(o.files), strings.Join(o.files, " "))
		}
		if err := checkOutExt(o); err != nil {
			return o, err
		}
	}
	return o, nil
}

// checkOutExt refuses an -o whose extension says another format than the
// command writes (build -o x.svg wrote a PDF under that name; chart -o
// x.png, SVG). A path with no extension, and - (standard output), are
// taken as given.
func checkOutExt(o options) error {
	if o.out == "" || o.out == "-" {
		return nil
	}
	ext := strings.ToLower(filepath.Ext(o.out))
	switch {
	case ext == "":
		return nil
	case o.cmd == "build" && ext != ".pdf":
		return usagef("build writes a PDF, but -o %s ends in %s: give a path ending in .pdf (or - for standard output); nothing written", o.out, ext)
	case o.cmd == "chart" && ext != ".svg" && ext != ".png" && ext != ".pdf":
		return usagef("chart writes SVG, PNG or PDF, but -o %s ends in %s: give a path ending in .svg, .png or .pdf (or - for SVG on standard output); nothing written", o.out, ext)
	}
	return nil
}

// run is the whole program but for the exit: main calls it with the real
// arguments and streams, tests with their own.
func run(args []string, stdout, stderr io.Writer) error {
	o, err := parseArgs(args)
	if err != nil {
		return err
	}
	switch o.cmd {
	case "help":
		_, err := io.WriteString(stdout, longUsage)
		return err
	case "version":
		_, err := fmt.Fprintf(stdout, "annalist %s\n", versionString())
		return err
	case "check":
		return check(o, stdout, stderr)
	case "completion":
		return completion(o.files[0], stdout)
	case "import":
		return runImport(o, stdout, stderr)
	case "watch":
		return runWatch(o, stdout, stderr)
	case "export":
		return runExport(o, stdout, stderr)
	case "init":
		dir := ""
		if len(o.files) == 1 {
			dir = o.files[0]
		}
		return initProject(dir, stdout)
	}
	doc, name, err := load(o, stderr)
	if err != nil {
		return err
	}
	if o.paper != "" {
		doc.Paper = o.paper
	}
	if len(o.files) > 0 {
		if err := refuseInputAsOutput(o.files[0], doc, outputPath(o, name)); err != nil {
			return err
		}
	}
	switch o.cmd {
	case "chart":
		return writeChart(doc, name, o, stdout)
	default:
		return writeHandout(doc, name, o, stdout, stderr)
	}
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// check validates every file named, laying it out as build does but
// writing nothing, and prints a one-line summary for each good one, or
// all of its problems: a file check passes, build builds.
//
// With no FILE it checks the built-in handout, laying it out, and prints
// the warnings of every stage, which building it does not (see load).
func check(o options, stdout, stderr io.Writer) error {
	if len(o.files) == 0 {
		doc, err := builtin()
		if err != nil {
			return err
		}
		// Laid out too, for the warnings of every stage: what its
		// sources lack is only known once its notes are formatted.
		_, ldoc, err := render(doc, false)
		if err != nil {
			return err
		}
		printWarnings(doc, stderr)
		for _, w := range ldoc.Warnings {
			fmt.Fprintln(stderr, w)
		}
		// Its warnings point into Annalist's source, the one place its
		// files are: say so, for a reader who installed the binary.
		fmt.Fprintf(stdout, "built-in handout: ok: %s (its files, which the warnings name, are content/default/ in Annalist's source code)\n", doc.Summary())
		return nil
	}
	bad := false
	for _, f := range o.files {
		doc, err := loadFile(f)
		if err != nil {
			report(err, stderr)
			bad = true
			continue
		}
		printWarnings(doc, stderr)
		// Laid out as build would, nothing written: a chart too crowded
		// for any page, or a warning only layout finds, is said here
		// too, so a file that passes check builds.
		_, ldoc, err := render(doc, false)
		if err != nil {
			report(err, stderr)
			bad = true
			continue
		}
		for _, w := range ldoc.Warnings {
			fmt.Fprintln(stderr, w)
		}
		fmt.Fprintf(stdout, "%s: ok: %s\n", f, doc.Summary())
	}
	if bad {
		return errReported
	}
	return nil
}

// load reads the input: the file named, or the embedded default. It
// returns the base name for the output file.
//
// The built-in handout's warnings are not printed: they are notes to its
// authors (what its sources lack, an arrow the chart left out), which
// its users can do nothing about and would take for faults. `annalist
// check` with no FILE prints them, and a test keeps them as they are
// (testdata/builtin-warnings.golden).
func load(o options, stderr io.Writer) (*content.Document, string, error) {
	if len(o.files) == 0 {
		doc, err := builtin()
		if err != nil {
			return nil, "", err
		}
		return doc, "caspian-1918-1921", nil
	}
	f := o.files[0]
	doc, err := loadFile(f)
	if err != nil {
		report(err, stderr)
		return nil, "", errReported
	}
	printWarnings(doc, stderr)
	base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
	return doc, base, nil
}

// builtin loads the handout embedded in the binary.
func builtin() (*content.Document, error) {
	doc, err := content.Default()
	if err == nil {
		err = layout.CheckGlyphs(doc)
	}
	if err != nil {
		// The embedded handout is tested; failing here is a bug, but say
		// what failed rather than panic.
		return nil, fmt.Errorf("annalist: the built-in handout does not load: %w", err)
	}
	return doc, nil
}

// maxInput is the largest input file we read: a handout's YAML is
// kilobytes; anything this size is a mistake or an attack.
const maxInput = 16 << 20

// loadFile reads and validates one YAML file, resolving the narrative and
// bibliography files it names relative to its own folder.
func loadFile(path string) (*content.Document, error) {
	// Stat before opening: opening a FIFO blocks, and a device such as
	// /dev/zero never ends; only a regular file is read, and never past
	// the limit.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, cleanErr(err))
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a folder; give the YAML file", path)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: is not a regular file (a device, pipe or socket); give the YAML file", path)
	}
	if fi.Size() > maxInput {
		return nil, fmt.Errorf("%s:1:1: file is %d bytes; the limit is 16 MiB (%d bytes)", path, fi.Size(), maxInput)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, cleanErr(err))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxInput+1))
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, cleanErr(err))
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("%s:1:1: file is more than 16 MiB (%d bytes), the limit", path, maxInput)
	}
	doc, err := content.Load(path, data, os.DirFS(filepath.Dir(path)))
	if err != nil {
		return nil, err
	}
	// Characters no embedded font has are input errors like any other,
	// found before layout so that check reports them too.
	if err := layout.CheckGlyphs(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// cleanErr drops the "open PATH:" prefix the os package adds, since we
// print the path ourselves.
func cleanErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// report prints input errors one per line.
func report(err error, stderr io.Writer) {
	fmt.Fprintln(stderr, err)
	var el content.ErrorList
	if errors.As(err, &el) && len(el) > 1 {
		fmt.Fprintf(stderr, "%d problems; nothing written\n", len(el))
	}
}

func printWarnings(doc *content.Document, stderr io.Writer) {
	for _, w := range doc.Warnings {
		fmt.Fprintln(stderr, w)
	}
}

// outputPath is where the command writes: the handout's PDF, or the
// chart's SVG.
func outputPath(o options, name string) string {
	if o.cmd == "chart" {
		return outPath(o, name+"-timeline", ".svg")
	}
	return outPath(o, name, ".pdf")
}

// refuseInputAsOutput stops a run whose output would replace one of its
// own inputs (`build talk.yaml -o talk.yaml`), before anything is laid
// out or written. Files are compared as files (device and inode), not as
// names, so ./talk.yaml, a symbolic link and a hard link are caught too.
// An output that does not exist yet cannot be an input.
func refuseInputAsOutput(yamlPath string, doc *content.Document, out string) error {
	if out == "-" {
		return nil // standard output
	}
	ofi, err := os.Stat(out)
	if err != nil {
		return nil
	}
	inputs := []struct{ path, what string }{{yamlPath, "the YAML file"}}
	dir := filepath.Dir(yamlPath)
	for _, f := range doc.Files {
		inputs = append(inputs, struct{ path, what string }{
			filepath.Join(dir, filepath.FromSlash(f.Path)),
			fmt.Sprintf("a file the handout reads (%s, named at line %d)", f.Path, f.Pos.Line),
		})
	}
	for _, in := range inputs {
		ifi, err := os.Stat(in.path)
		if err == nil && os.SameFile(ofi, ifi) {
			return usagef("refusing to write %s: it is %s, which the output would replace; give -o another path (nothing written)", out, in.what)
		}
	}
	return nil
}

// outPath is -o, or out/NAME.EXT relative to the working folder.
func outPath(o options, name, ext string) string {
	if o.out != "" {
		return o.out
	}
	return filepath.Join("out", name+ext)
}

// writeAtomic writes data to path through a temporary file in the same
// folder (.NAME.DIGITS.tmp), renamed into place, so a failed or
// interrupted run never leaves a partial file and never replaces a good
// one: the target is the previous file byte for byte, or the complete
// new one. The temporary file is registered with the interrupt handler
// (handleInterrupts) for as long as it exists, so SIGINT or SIGTERM
// removes it; one left by a run killed outright (SIGKILL, a crash) is
// removed by the next write of the same target (removeStaleTemps).
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("annalist: cannot create %s: %w", dir, cleanErr(err))
	}
	removeStaleTemps(dir, filepath.Base(path), time.Now())
	// Where the system can, the data is written to a file with no name
	// (O_TMPFILE), named only when it is whole and synced, and renamed
	// over the target at once: a run killed outright while writing
	// leaves nothing behind. Elsewhere, a named temporary file that an
	// interrupt removes (and a later run, if it was killed).
	if f, ok := createUnnamed(dir); ok {
		if done, err := writeUnnamed(f, dir, path, data); done {
			return err
		}
		// It could not be given a name (no /proc, say): write it again
		// the other way.
	}
	// Created and registered under the lock, so an interrupt cannot come
	// between the two and miss the file.
	pending.Lock()
	tmp, err := os.CreateTemp(dir, tempPrefix(filepath.Base(path))+"*"+tempSuffix)
	if err == nil {
		pending.tmp = tmp.Name()
	}
	pending.Unlock()
	if err != nil {
		return fmt.Errorf("annalist: cannot write in %s: %w", dir, cleanErr(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			pending.Lock()
			os.Remove(tmp.Name())
			pending.tmp = ""
			pending.Unlock()
		}
	}()
	if err = writeData(tmp, data); err != nil {
		return fmt.Errorf("annalist: writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("annalist: writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("annalist: writing %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("annalist: writing %s: %w", path, err)
	}
	// Renamed under the lock: an interrupt handled before this keeps the
	// previous file; one after finds the new file whole and no temporary.
	pending.Lock()
	defer pending.Unlock()
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("annalist: cannot replace %s: %w", path, cleanErr(err))
	}
	pending.tmp = ""
	pending.written = path
	return nil
}

// writeUnnamed is writeAtomic through the unnamed file f in dir: written
// and synced with no name, then, under the interrupt lock, linked as a
// temporary name and renamed over path. Only between the link and the
// rename (two system calls) does a temporary name exist. done is false
// when the file could not be named, and nothing was changed: the caller
// writes a named temporary file instead.
func writeUnnamed(f *os.File, dir, path string, data []byte) (done bool, err error) {
	defer f.Close()
	if err = writeData(f, data); err != nil {
		return true, fmt.Errorf("annalist: writing %s: %w", path, err)
	}
	if err = f.Chmod(0o644); err != nil {
		return true, fmt.Errorf("annalist: writing %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return true, fmt.Errorf("annalist: writing %s: %w", path, err)
	}
	pending.Lock()
	defer pending.Unlock()
	tmp := filepath.Join(dir, tempPrefix(filepath.Base(path))+strconv.Itoa(os.Getpid())+strconv.FormatInt(time.Now().UnixNano()%1e9, 10)+tempSuffix)
	if err = linkUnnamed(f, tmp); err != nil {
		return false, nil
	}
	if err = os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return true, fmt.Errorf("annalist: cannot replace %s: %w", path, cleanErr(err))
	}
	pending.tmp = ""
	pending.written = path
	return true, nil
}

const tempSuffix = ".tmp"

// tempPrefix is the start of the temporary files' names for target base:
// hidden, and named after the target, so a user who sees one knows what
// it is.
func tempPrefix(base string) string { return "." + base + "." }

// staleAge is how old (since last modified) a temporary file of the
// target must be for removeStaleTemps to take it for one left by a
// killed run. A live run's exists only while the finished PDF is being
// written and synced (10-35 ms for the 9.5 MB of a 1,000-page handout on
// this project's machine), so one unchanged for a minute has no writer;
// removing a live one would only make that run fail to rename, with the
// target left as it was.
const staleAge = time.Minute

// removeStaleTemps removes the temporary files writeAtomic makes for
// target base in dir (.BASE.DIGITS.tmp, regular files only) that were
// last modified staleAge or more before now: what a run killed outright
// left behind. Other files are never touched; failures are ignored,
// since the write itself does not depend on them.
func removeStaleTemps(dir, base string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range ents {
		name := e.Name()
		digits, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		digits, ok = strings.CutSuffix(digits, tempSuffix)
		if !ok || digits == "" || strings.Trim(digits, "0123456789") != "" || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) >= staleAge {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// slowWrite, when set at link time (-ldflags "-X main.slowWrite=20ms"),
// makes writeData say on stderr that it begins and pause that long after
// each 64 KiB: the interrupt tests build the command so, to signal it
// while the PDF is being written, which otherwise takes milliseconds.
// Empty in every real build.
var slowWrite string

// writeData writes data to f, in one call unless slowWrite is set.
func writeData(f *os.File, data []byte) error {
	pause, _ := time.ParseDuration(slowWrite)
	if pause <= 0 {
		_, err := f.Write(data)
		return err
	}
	// Said so the interrupt tests know the write has begun: the file
	// being written may have no name to watch for (createUnnamed).
	fmt.Fprintln(os.Stderr, "annalist: (slowed) writing")
	for len(data) > 0 {
		n := min(len(data), 64<<10)
		if _, err := f.Write(data[:n]); err != nil {
			return err
		}
		data = data[n:]
		time.Sleep(pause)
	}
	return nil
}

// pending is what the interrupt handler must know of writeAtomic: the
// temporary file while it exists, and the target once it is in place.
var pending struct {
	sync.Mutex
	tmp, written string
}

// handleInterrupts makes SIGINT and SIGTERM end the command cleanly: the
// temporary file of a write under way is removed (the target keeps its
// previous content), and the exit status is 128 + the signal's number,
// 130 or 143, as a shell reports a process the signal ended. main calls
// it; tests that call run do not, and keep the default.
func handleInterrupts(stderr io.Writer) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-c
		// Held until the exit, so no rename can follow.
		pending.Lock()
		switch {
		case pending.tmp != "":
			os.Remove(pending.tmp)
			fmt.Fprintf(stderr, "annalist: interrupted (%v); nothing written\n", sig)
		case pending.written != "":
			fmt.Fprintf(stderr, "annalist: interrupted (%v) after %s was written whole\n", sig, pending.written)
		default:
			fmt.Fprintf(stderr, "annalist: interrupted (%v); nothing written\n", sig)
		}
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}

// envError is a bad value in the environment the command runs in
// (SOURCE_DATE_EPOCH): like a usage error, exit status 2, but printed
// without the usage, which it has nothing to do with.
type envError struct{ err error }

func (e envError) Error() string { return e.err.Error() }

// sourceDateEpoch is the document date for reproducible builds, the
// SOURCE_DATE_EPOCH convention: set is false when the variable is empty
// or absent (the writer then uses its fixed date), and 0 is 1970-01-01.
// A value that is not a date (negative, not a number, after 9999) is an
// envError: exit 2, nothing written, rather than a date silently dropped.
func sourceDateEpoch() (date int64, set bool, err error) {
	date, set, err = layout.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return 0, false, envError{err}
	}
	return date, set, nil
}
