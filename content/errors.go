package content

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Error is one problem in the input, at a position.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats the problem as file:line:col: message.
func (e *Error) Error() string {
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList is every problem found in one run, so that an author fixes them
// all at once instead of one per run. Load returns it sorted by position;
// use errors.As to get at the single problems.
type ErrorList []*Error

// Error formats the problems one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the problems by file, line and column, keeping the order in
// which they were found for problems at the same position.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int { return comparePos(a.Pos, b.Pos) })
}

func comparePos(a, b Pos) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
	)
}

// quoteValue quotes a value from the input for a message, cut short so that a
// stray megabyte of text does not become a megabyte of message.
func quoteValue(s string) string {
	const max = 60
	if len(s) <= max {
		return strconv.Quote(s)
	}
	n := 0
	for i := range s {
		if n == max {
			return strconv.Quote(s[:i]) + "..."
		}
		n++
	}
	return strconv.Quote(s)
}
