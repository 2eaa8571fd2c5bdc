package main

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchStop ends a watch when closed (the tests' way; a user's is
// Ctrl-C, which the interrupt handler turns into an exit).
var watchStop chan struct{}

// watchDebounce is how long a watch waits after a change for the next
// one, so that an editor's save (often a write, a rename and a chmod) is
// one rebuild.
const watchDebounce = 150 * time.Millisecond

// runWatch is `annalist watch FILE`: it builds FILE, then rebuilds it
// whenever the YAML, its narrative or a bibliography file changes, as
// `typst watch` does. It watches the files' folders, not the files, so
// that editors that save by writing a new file and renaming it over the
// old one are seen too. A broken input prints its problems and leaves
// the last good PDF in place (a build writes nothing on bad input).
func runWatch(o options, stdout, stderr io.Writer) error {
	o.cmd = "build"
	yaml, err := filepath.Abs(o.files[0])
	if err != nil {
		return err
	}
	var mu sync.Mutex // the output streams, shared with the build
	inputs := map[string]bool{yaml: true}
	build := func() {
		mu.Lock()
		defer mu.Unlock()
		stamp := time.Now().Format("15:04:05")
		doc, name, err := load(o, stderr)
		if err == nil {
			// The files it names now, to watch: a narrative or
			// bibliography added to the YAML is watched from here on.
			for _, f := range doc.Files {
				inputs[filepath.Join(filepath.Dir(yaml), filepath.FromSlash(f.Path))] = true
			}
			if err = refuseInputAsOutput(o.files[0], doc, outputPath(o, name)); err == nil {
				fmt.Fprintf(stdout, "[%s] ", stamp)
				err = writeHandout(doc, name, o, stdout, stderr)
			}
		}
		if err != nil {
			if err != errReported {
				fmt.Fprintln(stderr, err)
			}
			fmt.Fprintf(stdout, "[%s] not built: fix the problems above; the last good PDF is kept\n", stamp)
		}
	}
	build()
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %v", err)
	}
	defer w.Close()
	watched := map[string]bool{}
	watchDirs := func() {
		mu.Lock()
		defer mu.Unlock()
		for in := range inputs {
			d := filepath.Dir(in)
			if !watched[d] {
				if err := w.Add(d); err == nil {
					watched[d] = true
				}
			}
		}
	}
	watchDirs()
	mu.Lock()
	var names []string
	for in := range inputs {
		names = append(names, filepath.Base(in))
	}
	sort.Strings(names)
	fmt.Fprintf(stdout, "watching %s for changes (Ctrl-C to stop)\n", strings.Join(names, ", "))
	mu.Unlock()
	var timer <-chan time.Time
	for {
		select {
		case <-watchStop:
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			mu.Lock()
			mine := inputs[filepath.Clean(ev.Name)]
			mu.Unlock()
			if mine && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Remove) != 0 {
				timer = time.After(watchDebounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			mu.Lock()
			fmt.Fprintf(stderr, "watch: %v\n", err)
			mu.Unlock()
		case <-timer:
			timer = nil
			build()
			watchDirs()
		}
	}
}
