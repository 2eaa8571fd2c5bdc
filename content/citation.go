package content

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CitationError is a problem in Pandoc citation syntax. Col is the
// 1-based column (in runes) within the string given to ParseCitation, so
// that a caller who knows where the citation sits can report
// file:line:col.
type CitationError struct {
	Col int
	Msg string
}

func (e *CitationError) Error() string { return "column " + itoa(e.Col) + ": " + e.Msg }

// ParseCitation parses the inside of a Pandoc bracketed citation, such as
// "see @a, 12; cf. @b, pp. 3-5, for example" (the enclosing brackets may
// be given or not). Items are separated by semicolons; each holds one key
// written @key or @{key}, with optional text before it (the prefix) and
// after it: first a locator, then the suffix.
//
// As in Pandoc, the locator is the leading part after the key's comma
// that starts with a locator term ("p.", "para.", "ll.", "chapter", ...)
// followed by a number, or with a bare number (a page); numbers may be
// ranges and comma lists ("33-35, 38"). A locator in braces is taken
// whole: "@a, {pp. iv, vi-xi}". One extension for archival references:
// a locator continues over ", term number" groups, so
// "f. 558, op. 11, d. 317, ll. 1-3" is one locator. The suffix keeps its
// leading punctuation (", for example").
func ParseCitation(s string) ([]Cite, error) {
	base := 0
	t := strings.TrimSpace(s)
	base = strings.Index(s, t)
	if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && len(t) >= 2 {
		t = t[1 : len(t)-1]
		base++
	}
	col := func(off int) int { return utf8.RuneCountInString(s[:base+off]) + 1 }
	if strings.TrimSpace(t) == "" {
		return nil, &CitationError{Col: col(0), Msg: "empty citation"}
	}
	var cites []Cite
	start, depth := 0, 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) {
			switch t[i] {
			case '{':
				depth++
				continue
			case '}':
				if depth == 0 {
					return nil, &CitationError{Col: col(i), Msg: "unbalanced '}'"}
				}
				depth--
				continue
			case ';':
				if depth > 0 {
					continue
				}
			default:
				continue
			}
		}
		if depth > 0 {
			return nil, &CitationError{Col: col(start), Msg: "unclosed '{'"}
		}
		c, err := parseCiteItem(t[start:i])
		if err != nil {
			err.Col = col(start + err.Col)
			return nil, err
		}
		cites = append(cites, c)
		start = i + 1
	}
	return cites, nil
}

// parseCiteItem parses one item; the error's Col is a byte offset in item.
func parseCiteItem(item string) (Cite, *CitationError) {
	at := findKeyAt(item)
	if at < 0 {
		if strings.TrimSpace(item) == "" {
			return Cite{}, &CitationError{Col: 0, Msg: "empty citation item (a stray ';'?)"}
		}
		lead := len(item) - len(strings.TrimLeft(item, " \t\n"))
		return Cite{}, &CitationError{Col: lead, Msg: "citation item " + quote(strings.TrimSpace(item)) + " has no @key"}
	}
	var c Cite
	c.Prefix = strings.TrimSpace(item[:at])
	if strings.HasSuffix(c.Prefix, "-") && at > 0 && item[at-1] == '-' {
		// -@key: the note without the author, named in the text.
		c.SuppressAuthor = true
		c.Prefix = strings.TrimSpace(strings.TrimSuffix(c.Prefix, "-"))
	}
	key, n := scanKey(item[at+1:])
	if n == 0 {
		return Cite{}, &CitationError{Col: at, Msg: "'@' is not followed by a citation key"}
	}
	if key == "" {
		return Cite{}, &CitationError{Col: at, Msg: "empty citation key"}
	}
	c.Source = key
	rest := item[at+1+n:]
	if j := findKeyAt(rest); j >= 0 {
		return Cite{}, &CitationError{Col: at + 1 + n + j, Msg: "two keys in one citation item; separate citations with ';'"}
	}
	c.Locator, c.Suffix = splitLocator(rest)
	return c, nil
}

// findKeyAt returns the byte offset of the '@' that starts a key: one not
// preceded by a letter or digit (so that an e-mail address in a prefix is
// not a citation) and followed by a key character or '{'.
func findKeyAt(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		return i
	}
	return -1
}

// scanKey reads a key after '@': {anything but braces} or a run of
// letters, digits, '_' and internal punctuation. It returns the key and
// the bytes consumed; n == 0 means no key.
func scanKey(s string) (key string, n int) {
	if strings.HasPrefix(s, "{") {
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return "", 0
		}
		return strings.TrimSpace(s[1:end]), end + 1
	}
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			i += w
		case strings.ContainsRune(":.#$%&-+?<>~/", r) && i > 0:
			// Internal punctuation only: a run of it must be followed by
			// a key character, so "@a." and "@a," end the key before the
			// dot, and a bare URI, Zotero's id, is one key
			// ("@http://zotero.org/users/1/items/ABCD1234").
			j := i
			for j < len(s) && strings.IndexByte(":.#$%&-+?<>~/", s[j]) >= 0 {
				j++
			}
			r2, _ := utf8.DecodeRuneInString(s[j:])
			if !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '_') {
				return s[:i], i
			}
			i = j
		default:
			return s[:i], i
		}
	}
	return s[:i], i
}

// locatorTerms are the labels that start a locator, lower-cased, with
// their trailing period if any: Pandoc's English terms, and the Russian
// archival units (fond, opis', delo, list) the default handout cites.
var locatorTerms = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`book books bk. bks. chapter chapters chap. chaps. ch.
		column columns col. cols. figure figures fig. figs. folio folios fol. fols.
		number numbers no. nos. line lines l. ll. note notes n. nn. opus opera op. opp.
		page pages p. pp. paragraph paragraphs para. paras. ¶ ¶¶ part parts pt. pts.
		section sections sec. secs. § §§ s.v. s.vv. verse verses v. vv.
		volume volumes vol. vols. f. ff. d. dd. table tables tab.`) {
		locatorTerms[t] = true
	}
}

// splitLocator splits the text after a key into locator and suffix.
func splitLocator(rest string) (locator, suffix string) {
	trimmed := strings.TrimLeft(rest, " \t\n")
	if !strings.HasPrefix(trimmed, ",") {
		return "", strings.TrimSpace(rest)
	}
	after := strings.TrimLeft(trimmed[1:], " \t\n")
	if strings.HasPrefix(after, "{") {
		if end := strings.IndexByte(after, '}'); end > 0 {
			return strings.TrimSpace(after[1:end]), strings.TrimSpace(after[end+1:])
		}
	}
	n := scanLocator(after, true)
	if n == 0 {
		return "", strings.TrimSpace(trimmed)
	}
	// Later ", term number" groups belong to the same archival locator.
	for {
		t := after[n:]
		if !strings.HasPrefix(t, ",") {
			break
		}
		sp := len(t) - len(strings.TrimLeft(t[1:], " "))
		m := scanLocator(t[sp:], false)
		if m == 0 {
			break
		}
		n += sp + m
	}
	return strings.TrimSpace(after[:n]), strings.TrimSpace(after[n:])
}

// scanLocator reads "term value" (or a bare value if bare is true) at the
// start of s and returns its length, or 0.
func scanLocator(s string, bare bool) int {
	i := 0
	if term, n := scanTerm(s); term {
		i = n
		for i < len(s) && s[i] == ' ' {
			i++
		}
	} else if !bare {
		return 0
	}
	v := scanValue(s[i:], i > 0)
	if v == 0 {
		return 0
	}
	return i + v
}

// scanTerm reports whether s starts with a locator term (followed by a
// space or, for a symbol, by anything), and its length.
func scanTerm(s string) (bool, int) {
	// "sub verbo" is the one two-word term.
	if len(s) >= 9 && strings.EqualFold(s[:9], "sub verbo") {
		return true, 9
	}
	end := strings.IndexAny(s, " \t")
	if end < 0 {
		end = len(s)
	}
	w := strings.ToLower(s[:end])
	if locatorTerms[w] {
		return true, end
	}
	// "§12" and "¶4" need no space.
	for _, sym := range []string{"§§", "¶¶", "§", "¶"} {
		if strings.HasPrefix(s, sym) {
			return true, len(sym)
		}
	}
	return false, 0
}

// scanValue reads a number, range or list of them: tokens holding a digit
// or being roman numerals, joined by '-', '–', '&' or ", ".
func scanValue(s string, termed bool) int {
	end := 0
	i := 0
	for {
		n := scanNumberToken(s[i:], termed)
		if n == 0 {
			return end
		}
		i += n
		end = i
		// A separator must be followed by another token.
		j := i
		if k := strings.TrimLeft(s[j:], " "); strings.HasPrefix(k, "&") {
			j = len(s) - len(k)
		}
		switch {
		case strings.HasPrefix(s[j:], "–"):
			j += len("–")
		case strings.HasPrefix(s[j:], "-"), strings.HasPrefix(s[j:], "&"):
			j++
		case strings.HasPrefix(s[j:], ", "), strings.HasPrefix(s[j:], ","):
			j++
			for j < len(s) && s[j] == ' ' {
				j++
			}
			// ", ll. 3" starts a new group, not a list item.
			if ok, _ := scanTerm(s[j:]); ok {
				return end
			}
		default:
			return end
		}
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if scanNumberToken(s[j:], termed) == 0 {
			return end
		}
		i = j
	}
}

// scanNumberToken reads a run of letters and digits that holds a digit
// (12, 12a, 0001) or is a roman numeral, ending at a word boundary. After
// a term any roman numeral counts ("vol. II"); a bare one must be lower
// case ("xiv", front matter), so that "I think" and "Civil War" stay
// suffix text.
func scanNumberToken(s string, termed bool) int {
	i := 0
	digit := false
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			break
		}
		if unicode.IsDigit(r) {
			digit = true
		}
		i += w
	}
	if i == 0 {
		return 0
	}
	if digit {
		return i
	}
	tok := s[:i]
	if !termed && strings.ToLower(tok) != tok {
		return 0
	}
	if !romanNumeral.MatchString(strings.ToUpper(tok)) {
		return 0
	}
	return i
}

var romanNumeral = regexp.MustCompile(`^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$`)

// quote puts s in double quotes for an error message.
func quote(s string) string { return "\"" + s + "\"" }
