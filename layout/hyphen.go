package layout

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// This file is our implementation of Frank Liang's hyphenation algorithm
// (the one TeX uses) over the American English patterns of the TeX
// hyphenation patterns project, shipped unchanged in hyph/ with their
// licence.

//go:embed hyph/hyph-en-us.tex
var hyphEnUS string

// Hyphenation minimums of the patterns (the file's hyphenmins): a hyphen
// leaves at least two letters before it and three after it.
const (
	hyphenLeftMin  = 2
	hyphenRightMin = 3
)

// hyphenator holds the patterns as a map from a pattern's letters to its
// inter-letter values, and the exceptions as whole words.
type hyphenator struct {
	patterns   map[string][]uint8
	maxPattern int // longest pattern, in letters, bounds the lookups
	exceptions map[string][]int
}

var (
	enUSOnce sync.Once
	enUS     *hyphenator
)

// extraExceptions are words the patterns get wrong, hyphenated by hand as
// in a document's \hyphenation{...}. The file's own known_bugs header
// names "de-mo-c-rat" (hyph-utf8 issue #15); its relatives break the same
// way, and dropVowelless alone would make them "de-moc-rat". A word listed
// here is hyphenated exactly so, in any case.
const extraExceptions = `dem-o-crat dem-o-crats dem-o-cratic dem-o-crat-i-cally`

// englishHyphenator parses the embedded patterns once, on first use: most
// paragraphs set without hyphenation and never need them.
func englishHyphenator() *hyphenator {
	enUSOnce.Do(func() {
		enUS = parseTeXPatterns(hyphEnUS)
		for _, w := range strings.Fields(extraExceptions) {
			enUS.addException(w)
		}
	})
	return enUS
}

// parseTeXPatterns reads a TeX patterns file: \patterns{...} and
// \hyphenation{...}, with % comments.
func parseTeXPatterns(src string) *hyphenator {
	h := &hyphenator{patterns: map[string][]uint8{}, exceptions: map[string][]int{}}
	section := ""
	for line := range strings.Lines(src) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		for _, tok := range strings.Fields(line) {
			switch {
			case strings.HasPrefix(tok, `\patterns{`):
				section, tok = "p", strings.TrimPrefix(tok, `\patterns{`)
			case strings.HasPrefix(tok, `\hyphenation{`):
				section, tok = "h", strings.TrimPrefix(tok, `\hyphenation{`)
			}
			tok = strings.TrimSuffix(tok, "}")
			if tok == "" {
				continue
			}
			switch section {
			case "p":
				h.addPattern(tok)
			case "h":
				h.addException(tok)
			}
		}
		// A closing brace ends its section.
		if strings.Contains(line, "}") {
			section = ""
		}
	}
	return h
}

// addPattern stores a pattern such as "a1b2c": letters "abc" and values
// [0 1 2 0] at the gaps before, between and after them.
func (h *hyphenator) addPattern(p string) {
	letters := make([]byte, 0, len(p))
	values := make([]uint8, 1, len(p)+1)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= '0' && c <= '9' {
			values[len(values)-1] = c - '0'
			continue
		}
		letters = append(letters, c)
		values = append(values, 0)
	}
	h.patterns[string(letters)] = values
	h.maxPattern = max(h.maxPattern, len(letters))
}

// addException stores a word hyphenated by hand, such as "ta-ble".
func (h *hyphenator) addException(w string) {
	var at []int
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			at = append(at, b.Len())
			continue
		}
		b.WriteByte(w[i])
	}
	h.exceptions[b.String()] = at
}

// hyphenation is the hyphenator one document's text is set with: the
// shared English patterns (parsed once per process, whatever the
// document), and the document's own exceptions over them, as TeX's
// \hyphenation{...} in a document's preamble. A nil *hyphenation uses
// the patterns alone.
type hyphenation struct {
	// exceptions maps a word in lower case to its hyphenation points.
	exceptions map[string][]int
	// memo keeps the points of every word already hyphenated: running
	// text repeats most of its words (nine in ten over a long handout),
	// and the pattern walk was a tenth of a build's time. It is used from
	// one goroutine; another takes a fork.
	memo map[string][]int
}

// newHyphenation makes a document's hyphenator from its exceptions, each
// a word with a hyphen at every point where it may break ("Teh-ran"), or
// none to keep it whole (content.Document.Hyphenation, which the loader
// has checked). An exception applies to the word in any case. Entries
// with anything but ASCII letters inside are skipped: the patterns only
// ever see such words (see hyphenatable).
func newHyphenation(words []string) *hyphenation {
	h := &hyphenation{exceptions: map[string][]int{}, memo: map[string][]int{}}
	for _, w := range words {
		at, word, ok := parseException(w)
		if ok {
			h.exceptions[word] = at
		}
	}
	return h
}

// parseException splits "Teh-ran" into the word in lower case, "tehran",
// and its break offsets, [3].
func parseException(w string) (at []int, word string, ok bool) {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '-':
			if len(b) == 0 || i == len(w)-1 || w[i+1] == '-' {
				return nil, "", false
			}
			at = append(at, len(b))
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z':
			b = append(b, c)
		default:
			return nil, "", false
		}
	}
	return at, string(b), len(b) > 0
}

// fork is a hyphenation with h's exceptions and a memo of its own, for
// another goroutine: the memo is not safe for concurrent use.
func (h *hyphenation) fork() *hyphenation {
	if h == nil {
		return nil
	}
	return &hyphenation{exceptions: h.exceptions, memo: map[string][]int{}}
}

// hyphenate returns the hyphenation points of word, as the patterns'
// hyphenate does, a document exception winning over the patterns and
// their own exceptions.
func (h *hyphenation) hyphenate(word string) []int {
	if h == nil {
		return englishHyphenator().hyphenateWith(word, nil)
	}
	if at, ok := h.memo[word]; ok {
		return at
	}
	at := englishHyphenator().hyphenateWith(word, h.exceptions)
	h.memo[word] = at
	return at
}

// hyphenate returns the byte offsets in word (ASCII letters only; the
// caller strips punctuation and rejects what must not be hyphenated) where
// a hyphen may go, in increasing order.
func (h *hyphenator) hyphenate(word string) []int { return h.hyphenateWith(word, nil) }

// hyphenateWith is hyphenate with a document's exceptions (lower-case
// word to points), which are looked up first. As in TeX, an exception's
// points are held to the same minimums as the patterns' (two letters
// before a hyphen, three after it).
func (h *hyphenator) hyphenateWith(word string, extra map[string][]int) []int {
	n := len(word)
	if n < hyphenLeftMin+hyphenRightMin {
		return nil
	}
	var lower [64]byte
	if n+2 > len(lower) {
		return nil
	}
	// The word between dots, as the patterns mark its ends.
	lower[0] = '.'
	for i := 0; i < n; i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i+1] = c
	}
	lower[n+1] = '.'
	w := lower[:n+2]
	if at, ok := extra[string(w[1:n+1])]; ok {
		return withinMins(at, n)
	}
	if at, ok := h.exceptions[string(w[1:n+1])]; ok {
		return withinMins(at, n)
	}
	// values[k] is the value at the gap before w[k].
	var values [66]uint8
	for i := 0; i < len(w); i++ {
		for j := i + 1; j <= len(w) && j-i <= h.maxPattern; j++ {
			p, ok := h.patterns[string(w[i:j])] // no allocation: map key conversion
			if !ok {
				continue
			}
			for k, v := range p {
				if v > values[i+k] {
					values[i+k] = v
				}
			}
		}
	}
	var at []int
	// The gap before word[k] is the gap before w[k+1].
	for k := hyphenLeftMin; k <= n-hyphenRightMin; k++ {
		if values[k+1]%2 == 1 {
			at = append(at, k)
		}
	}
	return dropVowelless(w[1:n+1], at)
}

// withinMins keeps the points of an exception that leave at least
// hyphenLeftMin letters before them and hyphenRightMin after them in a
// word of n letters.
func withinMins(at []int, n int) []int {
	var out []int
	for _, a := range at {
		if a >= hyphenLeftMin && a <= n-hyphenRightMin {
			out = append(out, a)
		}
	}
	return out
}

// dropVowelless removes a hyphenation point that would leave a piece with
// no vowel between it and the next point ("de-c-la-ra-tion"): no English
// syllable is consonants alone, so the point is a fault of the patterns
// (the family of their known "de-mo-c-rat"). The consonants join the
// syllable before, as a dictionary divides ("dec-la-ra-tion"). lower is
// the word in lower case.
func dropVowelless(lower []byte, at []int) []int {
	out := at[:0]
	for i, a := range at {
		end := len(lower)
		if i+1 < len(at) {
			end = at[i+1]
		}
		if hasVowel(lower[a:end]) {
			out = append(out, a)
		}
	}
	return out
}

func hasVowel(s []byte) bool {
	for _, c := range s {
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// hyphenatable splits a word as it appears in text into the part to
// hyphenate and what surrounds it (quotes, punctuation, and a possessive
// or contraction: "Kemal’s" hyphenates as "Kemal", as TeX does, the
// apostrophe ending the word), and says whether it may be hyphenated at
// all: not if it has digits or other non-letters inside, non-ASCII
// letters (the patterns are English), or is all capitals (acronyms, roman
// numerals).
func hyphenatable(word string) (pre, core, post string, ok bool) {
	start, end := 0, len(word)
	for start < end {
		r, size := utf8.DecodeRuneInString(word[start:])
		if isASCIILetter(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(word[start:end])
		if isASCIILetter(r) {
			break
		}
		end -= size
	}
	// A short ending after an apostrophe ('s, 't, 'll, 've) is not part
	// of what the patterns see.
	for _, apos := range []string{"’", "'"} {
		if i := strings.LastIndex(word[start:end], apos); i >= 0 && end-(start+i+len(apos)) <= 2 {
			end = start + i
			break
		}
	}
	core = word[start:end]
	if len(core) < hyphenLeftMin+hyphenRightMin {
		return "", "", "", false
	}
	lower := false
	for i := 0; i < len(core); i++ {
		c := core[i]
		if !isASCIILetter(rune(c)) {
			return "", "", "", false
		}
		if c >= 'a' && c <= 'z' {
			lower = true
		}
	}
	if !lower {
		return "", "", "", false
	}
	return word[:start], core, word[end:], true
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
