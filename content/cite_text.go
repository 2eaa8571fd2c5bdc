package content

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file holds the typography of citations: the span builder with
// American punctuation around quotation marks, headline-style titles,
// short titles, Chicago dates, locators and sort keys.

// builder accumulates spans, merging adjacent spans of the same style.
type builder struct {
	spans []Span
	// desc stands in roman for a missing title (a description of an
	// untitled work); empty, a missing title is
	// left out.
	desc string
}

func (b *builder) add(sp Span) {
	if sp.Text == "" {
		return
	}
	if parts := markedSpans(sp); len(parts) != 1 || parts[0].Text != sp.Text {
		for _, p := range parts {
			b.add(p)
		}
		return
	}
	if n := len(b.spans); n > 0 {
		last := &b.spans[n-1]
		if last.URL == "" && sp.URL == "" && last.Italic == sp.Italic && last.Bold == sp.Bold {
			last.Text += sp.Text
			return
		}
	}
	b.spans = append(b.spans, sp)
}

func (b *builder) text(s string) {
	if len(b.spans) == 0 {
		// An element left out at the start leaves no space behind.
		s = strings.TrimLeft(s, " ")
	}
	b.add(Span{Text: s})
}
func (b *builder) link(u string) { b.add(Span{Text: u, URL: u}) }

// italic writes a title in italics; a missing one as its description.
func (b *builder) italic(s string) {
	if s == "" {
		b.description()
		return
	}
	if supplied(s) {
		b.text(s)
		return
	}
	b.add(Span{Text: s, Italic: true})
}

// quoted writes a title in curly double quotation marks; a missing one as
// its description.
func (b *builder) quoted(t string) {
	if t == "" {
		b.description()
		return
	}
	if supplied(t) {
		b.text(t)
		return
	}
	b.text("“" + nestQuotes(t) + "”")
}

// nestQuotes turns double quotation marks inside a quoted title into
// single ones (CMOS 6.11): “The ‘Red’ Flag.”
func nestQuotes(t string) string {
	if !strings.ContainsAny(t, "“”\"") {
		return t
	}
	var b strings.Builder
	open := false
	for _, r := range t {
		switch r {
		case '“':
			b.WriteRune('‘')
		case '”':
			b.WriteRune('’')
		case '"':
			if open {
				b.WriteRune('’')
			} else {
				b.WriteRune('‘')
			}
			open = !open
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// description writes the description of an untitled work, capitalized
// at the start of a note or entry.
func (b *builder) description() {
	if len(b.spans) == 0 {
		b.text(upperFirst(b.desc))
		return
	}
	b.text(b.desc)
}

// sep starts the next element of a note: ", " then s.
func (b *builder) sep(s string) {
	b.punct(",")
	b.text(" " + s)
}

// stop ends an element of a bibliography entry: ". ".
func (b *builder) stop() {
	b.punct(".")
	b.text(" ")
}

// punct appends a punctuation mark the way American typography wants it:
// a comma or period goes inside a closing quotation mark; none follows a
// title ending in a question or exclamation mark; no period doubles the
// period of an abbreviation ("ed.", "n.d.").
func (b *builder) punct(p string) {
	b.trimSpace()
	n := len(b.spans)
	if n == 0 {
		return
	}
	last := &b.spans[n-1]
	t := last.Text
	// An element left out (a missing title) leaves its separator behind:
	// the new mark replaces it.
	if last.URL == "" && !last.Italic && (p == "," || p == ".") && strings.HasSuffix(t, ",") {
		last.Text = strings.TrimSuffix(t, ",")
		b.punct(p)
		return
	}
	if p == "," || p == "." {
		if last.URL == "" && strings.HasSuffix(t, "”") {
			inner := strings.TrimSuffix(t, "”")
			if strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!") ||
				strings.HasSuffix(inner, ".") || strings.HasSuffix(inner, ",") {
				if p == "." && strings.HasSuffix(inner, ",") {
					last.Text = strings.TrimSuffix(inner, ",") + ".”"
				}
				return
			}
			// Inside both marks when the title ends with a quotation
			// of its own: “The Word ‘Soviet,’”.
			if q := strings.TrimSuffix(inner, "’"); q != inner && strings.Contains(q, "‘") {
				last.Text = q + p + "’”"
				return
			}
			last.Text = inner + p + "”"
			return
		}
		if last.URL == "" && (strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")) {
			return
		}
		if p == "." && last.URL == "" && strings.HasSuffix(t, ".") {
			return
		}
	}
	b.text(p)
}

// punctText appends text that starts with its own punctuation (a
// Pandoc suffix such as ", for example").
func (b *builder) punctText(s string) {
	r, w := utf8.DecodeRuneInString(s)
	b.punct(string(r))
	b.text(s[w:])
}

// trimSpace drops trailing spaces of the last plain span.
func (b *builder) trimSpace() {
	for n := len(b.spans); n > 0; n = len(b.spans) {
		last := &b.spans[n-1]
		if last.URL != "" {
			return
		}
		last.Text = strings.TrimRight(last.Text, " ")
		if last.Text != "" {
			return
		}
		b.spans = b.spans[:n-1]
	}
}

// ---- titles

// english reports whether a source's titles are English (or of unstated
// language), and so are set headline-style.
func english(s *Source) bool {
	l := strings.ToLower(strings.TrimSpace(s.Language))
	return l == "" || l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_")
}

// formatTitle prepares a title for print: an en dash between numbers
// ("1920–1921", CMOS 6.78) and, in English, headline style.
func formatTitle(s *Source, t string) string {
	t = strings.TrimSpace(numberDashes(typographic(t)))
	if english(s) && !supplied(t) {
		// A colon spaced as French spaces it ("Material Culture :
		// Critical Concepts") is set as English sets it.
		t = headline(strings.ReplaceAll(t, " : ", ": "), s.KeepCase)
	}
	return t
}

// supplied reports whether a title is one the citer supplied for an
// untitled work, in brackets: it is a description, printed in roman,
// without quotation marks or italics, and in sentence style as given.
func supplied(t string) bool {
	return len(t) > 2 && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && !strings.Contains(t[1:len(t)-1], "]")
}

// minorWords stay lower case inside a headline-style title (CMOS 8.159):
// articles, prepositions, the conjunctions and, but, for, or, nor, "to"
// and "as", and name particles. Prepositions that are often adverbs
// (down, off, out, past) are left out: capitalizing a lower-case word
// wrongly is the lesser harm.
var minorWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and but for or nor as to
		at by in of on up via per from into onto upon with over than vs. v. via
		about above across after against along among amid around before behind below
		beneath beside besides between beyond during except inside outside through
		throughout till toward towards under underneath until unto within without
		de del della di du da des la le van von der den al el`) {
		minorWords[w] = true
	}
}

// headline capitalizes the words of a title given in lower case, except
// minor words that are neither first nor last nor the first of a
// subtitle. Words with a capital, a digit or a dot inside (iPhone, 1920s,
// e.g.) are kept as given, and so are the words in keep (those protected
// with braces in BibTeX).
func headline(t string, keep []string) string {
	words := strings.Split(t, " ")
	last := len(words) - 1
	for last > 0 && words[last] == "" {
		last--
	}
	startOfPart := true
	for i, w := range words {
		if w == "" {
			continue
		}
		core, lead := wordCore(w)
		lower := strings.ToLower(core)
		asGiven := core == "" || core != lower || strings.ContainsAny(core, "0123456789/@") ||
			strings.Contains(strings.TrimSuffix(core, "."), ".") || slices.Contains(keep, w) ||
			i > 0 && units[lower] && isNumber(words[i-1]) // "5 mg", "20 km" (CMOS 8.159)
		if !asGiven {
			minor := minorWords[lower] || minorWords[strings.TrimSuffix(lower, ".")]
			particle := strings.HasPrefix(lower, "al-") || strings.HasPrefix(lower, "el-")
			if !(startOfPart || i == last) && (minor || particle) {
				asGiven = true
			}
		}
		if !asGiven {
			r, n := utf8.DecodeRuneInString(w[lead:])
			words[i] = w[:lead] + string(unicode.ToUpper(r)) + w[lead+n:]
		}
		if !slices.Contains(keep, w) {
			words[i] = hyphenParts(words[i])
		}
		startOfPart = strings.HasSuffix(w, ":") || strings.HasSuffix(w, "?") ||
			strings.HasSuffix(w, "!") || strings.HasSuffix(w, "—") || w == "—" || w == "–"
	}
	return strings.Join(words, " ")
}

// units are the units of measure headline style leaves in lower case
// after a number.
var units = setOf(`mm cm m km g kg mg µg ml l s ms min h kb kbit hz khz mhz ghz mol mmol ha`)

// isNumber reports whether a word is a number ("5", "1,200", "3.5").
func isNumber(w string) bool {
	return w != "" && strings.Trim(w, "0123456789.,") == "" && strings.ContainsAny(w, "0123456789")
}

// hyphenParts capitalizes the elements after the first of a hyphenated
// compound (CMOS 8.161: "Nineteenth-Century", "Pd-N-Heterocyclic"),
// except articles, prepositions and conjunctions ("Out-of-Print" keeps
// "of") and the element after a prefix that is no word on its own
// ("Anti-intellectual", "Pre-war"). Elements with a capital or a digit
// inside are left as given.
func hyphenParts(w string) string {
	if !strings.Contains(w, "-") {
		return w
	}
	parts := strings.Split(w, "-")
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		core, lead := wordCore(p)
		lower := strings.ToLower(core)
		prev, _ := wordCore(parts[i-1])
		if core == "" || lead != 0 || core != lower || strings.ContainsAny(core, "0123456789") ||
			minorWords[lower] || prefixes[strings.ToLower(prev)] {
			continue
		}
		r, n := utf8.DecodeRuneInString(p)
		parts[i] = string(unicode.ToUpper(r)) + p[n:]
	}
	return strings.Join(parts, "-")
}

// prefixes are the combining forms that are no words on their own, after
// which CMOS 8.161 leaves the next element lower case.
var prefixes = setOf(`anti co counter de extra inter intra micro mid mini multi non over post pre
	pro pseudo re semi sub super trans ultra un under`)

// wordCore strips a word's leading and trailing punctuation; lead is the
// byte offset of its first letter in w.
func wordCore(w string) (core string, lead int) {
	start := strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if start < 0 {
		return "", 0
	}
	end := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' })
	// Keep a trailing dot only when the word has another (an abbreviation).
	core = w[start : end+1]
	if strings.HasSuffix(core, ".") && strings.Count(core, ".") == 1 && !minorWords[strings.ToLower(core)] {
		core = strings.TrimSuffix(core, ".")
	}
	return core, start
}

// shortTitle is the title of a short note (CMOS 14.32): title-short if
// given; else the main title (before any subtitle), without a leading
// English article, cut to its first four words and then without trailing
// minor words ("The Soviet Socialist Republic of Iran
// 1920–1921" → "Soviet Socialist Republic").
func shortTitle(s *Source) string {
	if s.TitleShort != "" {
		return formatTitle(s, s.TitleShort)
	}
	t := formatTitle(s, s.Title)
	if t == "" {
		return ""
	}
	if supplied(t) {
		inner := shortTitle(&Source{Title: t[1 : len(t)-1], Language: "und"})
		return "[" + inner + "]"
	}
	main := t
	for _, sep := range []string{": ", "? ", "! ", " — "} {
		if i := strings.Index(main, sep); i > 0 {
			keep := i
			if sep == "? " || sep == "! " {
				keep++
			}
			main = main[:keep]
		}
	}
	words := strings.Fields(main)
	if english(s) && len(words) > 1 {
		switch strings.ToLower(words[0]) {
		case "a", "an", "the":
			words = words[1:]
		}
	}
	if len(words) <= 4 {
		return strings.Join(words, " ")
	}
	words = words[:4]
	for len(words) > 1 {
		c, _ := wordCore(words[len(words)-1])
		if !minorWords[strings.ToLower(c)] {
			break
		}
		words = words[:len(words)-1]
	}
	out := strings.Join(words, " ")
	return strings.TrimRight(out, ",;:—–")
}

// dropArticle removes a leading English article, for sorting.
func dropArticle(t string) string {
	t = strings.TrimLeft(t, "“\"‘'([ ")
	l := strings.ToLower(t)
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(l, a) {
			return t[len(a):]
		}
	}
	return t
}

// ---- dashes

// numberDashes sets an en dash for a hyphen between two digits.
func numberDashes(s string) string {
	digits := func(a, b rune) bool { return unicode.IsDigit(a) && unicode.IsDigit(b) }
	dates := isoDateRE.FindAllStringIndex(s, -1)
	if dates == nil {
		return replaceHyphens(s, digits)
	}
	// "2011-05-25" is a date, not a range: its hyphens stay.
	var b strings.Builder
	at := 0
	for _, d := range dates {
		b.WriteString(replaceHyphens(s[at:d[0]], digits))
		b.WriteString(s[d[0]:d[1]])
		at = d[1]
	}
	b.WriteString(replaceHyphens(s[at:], digits))
	return b.String()
}

// isoDateRE finds ISO dates (YYYY-MM, YYYY-MM-DD) in a title.
var isoDateRE = regexp.MustCompile(`\b\d{4}-\d{2}(-\d{2})?\b`)

// dashes sets an en dash for a hyphen (or "--") inside a range of page
// or leaf numbers, arabic or roman ("3-5", "xv-xvii", "0001-0003").
func dashes(s string) string {
	s = strings.ReplaceAll(s, "--", "–")
	return replaceHyphens(s, func(a, b rune) bool {
		return (unicode.IsLetter(a) || unicode.IsDigit(a)) && (unicode.IsLetter(b) || unicode.IsDigit(b))
	})
}

func replaceHyphens(s string, between func(a, b rune) bool) string {
	if !strings.Contains(s, "-") {
		return s
	}
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '-' && between(rs[i-1], rs[i+1]) {
			rs[i] = '–'
		}
	}
	return string(rs)
}

// ---- locators

// locatorLabels maps each way of writing a locator term to Chicago's
// singular and plural abbreviations.
var locatorLabels = map[string][2]string{}

func init() {
	for _, g := range []struct {
		forms string
		sing  string
		plur  string
	}{
		{"paragraph paragraphs para. paras.", "para.", "paras."},
		{"line lines l. ll.", "l.", "ll."},
		{"note notes n. nn.", "n.", "nn."},
		{"chapter chapters chap. chaps. ch.", "chap.", "chaps."},
		{"figure figures fig. figs.", "fig.", "figs."},
		{"volume volumes vol. vols.", "vol.", "vols."},
		{"section sections sec. secs.", "sec.", "secs."},
		{"column columns col. cols.", "col.", "cols."},
		{"folio folios fol. fols.", "fol.", "fols."},
		{"number numbers no. nos.", "no.", "nos."},
		{"part parts pt. pts.", "pt.", "pts."},
		{"book books bk. bks.", "bk.", "bks."},
		{"verse verses v. vv.", "v.", "vv."},
		{"s.v. s.vv.", "s.v.", "s.vv."},
		{"page pages p. pp.", "", ""},
	} {
		for _, f := range strings.Fields(g.forms) {
			locatorLabels[f] = [2]string{g.sing, g.plur}
		}
	}
}

// formatLocator prints a locator the Chicago way: a page number bare
// ("45", not "p. 45"), other terms abbreviated and singular or plural as
// the value is one number or a range ("paragraph 3-5" → "paras. 3–5"),
// an en dash in ranges. A locator of several groups (archival "f. 558,
// op. 11, d. 317, ll. 1-3") and unknown terms are kept as given, but for
// the dashes.
func formatLocator(loc string) string {
	loc = dashes(strings.TrimSpace(loc))
	if loc == "" {
		return ""
	}
	ok, n := scanTerm(loc)
	if !ok {
		return loc
	}
	term, value := loc[:n], strings.TrimSpace(loc[n:])
	if value == "" || scanLocator(value, true) != len(value) {
		return loc // several groups, or a value we cannot read
	}
	labels, known := locatorLabels[strings.ToLower(term)]
	if !known {
		return loc
	}
	if labels[0] == "" {
		return value
	}
	if strings.ContainsAny(value, "–,&") {
		return labels[1] + " " + value
	}
	return labels[0] + " " + value
}

// ---- dates

// citeSeasons are capitalized as in a journal issue's date ("Spring
// 2013", CMOS 14.171); the month names are date.go's.
var citeSeasons = [...]string{"Spring", "Summer", "Autumn", "Winter"}

// chicagoDate prints a date as Chicago's notes do, month before day
// (CMOS 14.12): "July 27, 2017", "July 2017", "2017", "ca. 1920",
// "1920?", "April 27–May 12, 1920".
func chicagoDate(d Date) string {
	if !d.Interval {
		return chicagoPoint(d.Start)
	}
	a, b := d.Start, d.End
	// Open and unknown ends read as Date.String reads them.
	if a.Open || a.Unknown {
		return "by " + chicagoPoint(b)
	}
	if b.Open || b.Unknown {
		return "from " + chicagoPoint(a)
	}
	plain := func(p Point) bool {
		return !p.Approximate && !p.Uncertain && !p.Open && !p.Unknown && p.UnspecifiedYearDigits == 0
	}
	if plain(a) && plain(b) && a.Year == b.Year && a.Precision == b.Precision && a.Precision >= PrecisionMonth && validMonth(a.Month) && validMonth(b.Month) {
		if a.Precision == PrecisionDay {
			if a.Month == b.Month {
				return monthNames[a.Month-1] + " " + itoa(a.Day) + "–" + itoa(b.Day) + ", " + yearText(a)
			}
			return monthNames[a.Month-1] + " " + itoa(a.Day) + "–" + monthNames[b.Month-1] + " " + itoa(b.Day) + ", " + yearText(a)
		}
		return monthNames[a.Month-1] + "–" + monthNames[b.Month-1] + " " + yearText(a)
	}
	return chicagoPoint(a) + "–" + chicagoPoint(b)
}

func validMonth(m int) bool { return m >= 1 && m <= 12 }

func chicagoPoint(p Point) string {
	if p.Open || p.Unknown {
		return ""
	}
	var s string
	switch {
	case p.Precision >= PrecisionDay && validMonth(p.Month) && !p.UnspecifiedMonth && !p.UnspecifiedDay && p.Day > 0:
		s = monthNames[p.Month-1] + " " + itoa(p.Day) + ", " + yearText(p)
	case p.Precision >= PrecisionMonth && validMonth(p.Month) && !p.UnspecifiedMonth:
		s = monthNames[p.Month-1] + " " + yearText(p)
	case p.Precision >= PrecisionMonth && p.Month >= 21 && p.Month <= 24:
		s = citeSeasons[p.Month-21] + " " + yearText(p)
	default:
		s = yearText(p)
	}
	if p.Approximate {
		s = "ca. " + s
	}
	if p.Uncertain {
		s += "?"
	}
	return s
}

// yearText: "1920", "44 BCE" (astronomical year -43), "1920s" for 192X.
func yearText(p Point) string {
	y := p.Year
	bce := y <= 0
	if bce {
		y = 1 - y
	}
	s := itoa(y)
	switch p.UnspecifiedYearDigits {
	case 0:
	case 1, 2:
		s += "s"
	default:
		s += "?"
	}
	if bce {
		s += " BCE"
	}
	return s
}

// ---- sorting

// SortKey is the key names and titles sort by, as an index or a
// bibliography sorts them: lower case, without diacritics (NFD splits an
// accent from its letter; letters NFD cannot split, like ł and æ, are
// folded by table) or punctuation, spaces and hyphens as one space (so
// "Kuchuk-Khan" sorts as "Kuchuk Khan").
func SortKey(s string) string {
	s = stripMarks(s)
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if f, ok := foldLetter[r]; ok {
			b.WriteString(f)
			space = false
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining accent, split from its letter by NFD.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		case unicode.IsSpace(r) || r == '-' || r == '‐' || r == '–':
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// foldLetter maps the letters that NFD does not split into a base letter
// and an accent.
var foldLetter = map[rune]string{
	'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'ħ': "h",
	'ı': "i", 'ß': "ss", 'þ': "th", 'ŀ': "l", 'ŧ': "t", 'ĸ': "k", 'ŋ': "n",
}

// upperFirst capitalizes the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// typographic sets a title's straight quotes and apostrophes as curly
// ones, as a typesetter would: ' after a letter or digit is an
// apostrophe (or a closing quote), else an opening single quote; " opens
// at the start or after a space or opening bracket, and closes
// elsewhere.
func typographic(t string) string {
	if !strings.ContainsAny(t, `'"`) {
		return t
	}
	var b strings.Builder
	var prev rune = ' '
	for _, r := range t {
		switch r {
		case '\'':
			if unicode.IsLetter(prev) || unicode.IsDigit(prev) || unicode.IsPunct(prev) && prev != '(' && prev != '[' {
				r = '’'
			} else {
				r = '‘'
			}
		case '"':
			if unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '‘' || prev == '—' {
				r = '“'
			} else {
				r = '”'
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
