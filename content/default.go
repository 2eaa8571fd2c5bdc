package content

import (
	"embed"
	"io/fs"
)

// defaultFiles is the default handout, shipped in the binary so that
// `annalist` with no input prints a real example.
//
//go:embed default
var defaultFiles embed.FS

// DefaultFS returns the folder of the default handout: handout.yaml and
// the files it names.
func DefaultFS() fs.FS {
	// fs.Sub fails only on an invalid path, and "default" is valid.
	sub, _ := fs.Sub(defaultFiles, "default")
	return sub
}

// Default loads the default handout. It is named by its path in
// Annalist's source, the one place it is a file, so that what `annalist
// check` says about it points at a file its authors can open.
func Default() (*Document, error) {
	fsys := DefaultFS()
	data, err := fs.ReadFile(fsys, "handout.yaml")
	if err != nil {
		return nil, err
	}
	return Load("content/default/handout.yaml", data, fsys)
}
