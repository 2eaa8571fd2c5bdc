package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// starter is the project `annalist init` writes: a handout with two
// tracks and an event of each common date form, its narrative with
// citations, a BibLaTeX bibliography, and the JSON Schema the YAML's first
// line names, so that an editor with a YAML language server checks the
// file as it is typed.
//
//go:embed starter/handout.yaml starter/narrative.md starter/references.bib schema/annalist.schema.json
var starter embed.FS

// starterFiles are the starter's files, in the order init writes and
// names them: embedded path, and name in the new project.
var starterFiles = [][2]string{
	{"starter/handout.yaml", "handout.yaml"},
	{"starter/narrative.md", "narrative.md"},
	{"starter/references.bib", "references.bib"},
	{"schema/annalist.schema.json", "annalist.schema.json"},
}

// initProject writes the starter project into dir (made if missing). It
// never overwrites: if any of its files exists, it writes none and says
// which.
func initProject(dir string, stdout io.Writer) error {
	if dir == "" {
		dir = "."
	}
	var exist []string
	for _, f := range starterFiles {
		p := filepath.Join(dir, f[1])
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("init: %v", err)
		}
	}
	if len(exist) > 0 {
		return fmt.Errorf("init: %s already exist%s; nothing written (init never overwrites a file: give another folder, annalist init DIR)",
			strings.Join(exist, ", "), map[bool]string{true: "s", false: ""}[len(exist) == 1])
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("init: %v", err)
	}
	var wrote []string
	for _, f := range starterFiles {
		data, err := starter.ReadFile(f[0])
		if err != nil {
			return err
		}
		p := filepath.Join(dir, f[1])
		// O_EXCL: a file made since the check above is not overwritten
		// either.
		out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = out.Write(data)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fmt.Errorf("init: %v (wrote %d of %d files: %s)", err, len(wrote), len(starterFiles), strings.Join(wrote, ", "))
		}
		wrote = append(wrote, p)
	}
	_, err := fmt.Fprintf(stdout, "wrote %s\nbuild it with: annalist build %s\n", strings.Join(wrote, ", "), filepath.Join(dir, "handout.yaml"))
	return err
}
