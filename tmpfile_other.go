//go:build !linux

package main

import (
	"errors"
	"os"
)

// createUnnamed is Linux's O_TMPFILE; elsewhere writeAtomic makes a named
// temporary file.
func createUnnamed(dir string) (*os.File, bool) { return nil, false }

func linkUnnamed(f *os.File, name string) error {
	return errors.New("no unnamed files on this system")
}
