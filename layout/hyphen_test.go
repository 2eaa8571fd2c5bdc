package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// hyphenated writes word with a hyphen at each point of at.
func hyphenated(word string, at []int) string {
	var b strings.Builder
	last := 0
	for _, a := range at {
		b.WriteString(word[last:a])
		b.WriteByte('-')
		last = a
	}
	b.WriteString(word[last:])
	return b.String()
}

// TestHyphenationExceptions checks a document's exceptions: one wins
// over the patterns (and over the patterns file's own exceptions), in
// any case of the word; a word listed without hyphens is never broken;
// points too near either end are dropped, as TeX drops them; and the
// shared patterns are untouched, so another document (nil) still gets
// the patterns' answer.
func TestHyphenationExceptions(t *testing.T) {
	doc := newHyphenation([]string{"Teh-ran", "Tu-kha-chev-sky", "Maj-lis", "Azerbaijan", "a-zer-bai-ja-n-is", "de-mo-crat", "REV-O-LU-TION"})
	tests := []struct {
		word     string
		patterns string // the patterns alone (a nil *hyphenation)
		doc      string // with the document's exceptions
	}{
		{"Tehran", "Tehran", "Teh-ran"},                             // the patterns find no point
		{"Tukhachevsky", "Tukhachevsky", "Tu-kha-chev-sky"},         // nor here
		{"Majlis", "Ma-jlis", "Maj-lis"},                            // the patterns' point is wrong
		{"majlis", "ma-jlis", "maj-lis"},                            // any case
		{"Azerbaijan", "Azer-bai-jan", "Azerbaijan"},                // listed whole: never broken
		{"Azerbaijanis", "Azer-bai-ja-nis", "Azer-bai-ja-nis"},      // the minimums drop "a-" and "-is"
		{"democrat", "dem-o-crat", "de-mo-crat"},                    // over the file's exception
		{"revolution", "rev-o-lu-tion", "rev-o-lu-tion"},            // listed in capitals
		{"Rasht", "Rasht", "Rasht"},                                 // not listed
		{"revolutionary", "rev-o-lu-tion-ary", "rev-o-lu-tion-ary"}, // whole words only
	}
	for _, tt := range tests {
		var none *hyphenation
		if got := hyphenated(tt.word, none.hyphenate(tt.word)); got != tt.patterns {
			t.Errorf("patterns: %q, want %q", got, tt.patterns)
		}
		if got := hyphenated(tt.word, doc.hyphenate(tt.word)); got != tt.doc {
			t.Errorf("document: %q, want %q", got, tt.doc)
		}
	}
	// After the document's lookups, the shared patterns answer as before.
	if got := hyphenated("Majlis", englishHyphenator().hyphenate("Majlis")); got != "Ma-jlis" {
		t.Errorf("shared patterns changed: %q", got)
	}
}

// TestParseException checks the reading of one exception: bad entries
// (which the loader refuses) are skipped rather than misread.
func TestParseException(t *testing.T) {
	for _, tt := range []struct {
		in   string
		word string
		at   []int
		ok   bool
	}{
		{"Teh-ran", "tehran", []int{3}, true},
		{"Tu-kha-chev-sky", "tukhachevsky", []int{2, 5, 9}, true},
		{"Baku", "baku", nil, true},
		{"", "", nil, false},
		{"-Tehran", "", nil, false},
		{"Tehran-", "", nil, false},
		{"Teh--ran", "", nil, false},
		{"Teh ran", "", nil, false},
		{"Kü-çük", "", nil, false},
	} {
		at, word, ok := parseException(tt.in)
		if word != tt.word || !slices.Equal(at, tt.at) || ok != tt.ok {
			t.Errorf("parseException(%q) = %v, %q, %v; want %v, %q, %v", tt.in, at, word, ok, tt.at, tt.word, tt.ok)
		}
	}
}

// TestExceptionsInParagraph sets a narrow paragraph that must break a
// word: with the document's exceptions the line breaker breaks Tehran
// at its syllable; without them it cannot break it at all.
func TestExceptionsInParagraph(t *testing.T) {
	// 12 characters at 10pt: "talks with" fits, and "Teh-" after it
	// only as a hyphenated piece.
	spec := func() *parSpec {
		return &parSpec{runs: []Run{{Text: "talks with Tehran began", Font: serif, Size: 10}}, align: Justify, width: 75, leading: 12}
	}
	set := func(hy *hyphenation) string {
		s := newSetter(fixedMeasurer{})
		s.b.hyph = hy
		var lines []string
		for _, ln := range s.setPar(spec()) {
			var ws []string
			for _, it := range ln.items {
				if tx, ok := it.(Text); ok {
					ws = append(ws, tx.Text)
				}
			}
			lines = append(lines, strings.Join(ws, " "))
		}
		return fmt.Sprint(lines)
	}
	got := set(newHyphenation([]string{"Teh-ran"}))
	t.Log(got)
	if !strings.Contains(got, "Teh-") {
		t.Errorf("with Teh-ran: %s; want a line ending Teh-", got)
	}
	if got := set(nil); strings.Contains(got, "Teh-") {
		t.Errorf("without exceptions: %s; the patterns have no point in Tehran", got)
	}
}
