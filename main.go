// Command annalist turns a YAML file of historical events into a printable
// PDF handout: a timeline chart with one swim lane per track, narrative
// pages with footnotes, a chronology and a bibliography.
//
// Usage:
//
//	annalist [build] [FILE] [-o PATH] [--paper a4|letter] [--grayscale]
//	annalist check [FILE...]
//	annalist chart [FILE] [-o PATH.svg]
//	annalist --help | --version
//
// With no FILE it builds the handout embedded in the binary.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	handleInterrupts(os.Stderr)
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err (if any) and maps it to the exit status: 0 ok,
// 1 input errors (or any failure to produce the output), 2 usage or a bad
// environment (SOURCE_DATE_EPOCH).
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "annalist: %v\n%s", ue.msg, shortUsage)
		return 2
	}
	var ee envError
	if errors.As(err, &ee) {
		fmt.Fprintf(stderr, "annalist: %v\n", ee)
		return 2
	}
	if errors.Is(err, errReported) {
		return 1
	}
	fmt.Fprintf(stderr, "%v\n", err)
	return 1
}
