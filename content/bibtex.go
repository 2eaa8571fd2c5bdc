package content

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseBibTeX reads a bibliography in BibTeX or BibLaTeX, as Zotero's
// Better BibTeX exports it, and maps each entry to a Source with CSL
// field names: @book, @incollection/@inbook, @article, @online/@misc with
// a url, @thesis/@phdthesis/@mastersthesis, @unpublished, @letter,
// @inreference, @report, @patent, @video, @software, @dataset and their
// kin; an entry of a type BibLaTeX does not define is read as a document.
// Names are "Last, First and ...", a braced name being a literal one
// ({International Committee of the Red Cross}); TeX accents become
// Unicode ({\"u} → ü, {\c{s}} → ş), "--" an en dash, and protecting
// braces are dropped (words whose small first letter they protect are
// listed in Source.KeepCase, which headline style leaves as written).
// @string macros and the month macros are expanded; @comment and
// @preamble are skipped. A crossref or xdata entry lends its fields to
// the entries that name it, as BibLaTeX's inheritance rules say (a book's
// title becomes its chapter's booktitle); an @set cites its members.
//
// A bibliography file is someone else's data, shared among handouts, so
// nothing in it stops a build: each problem is a warning, as
// name:line:col: message. After a syntax error the parser resumes at the
// next '@'. An entry with a problem it cannot get past is left out; one
// with a date that is not EDTF ("Autumn 2001", "1875 [2004]") keeps what
// could be read of it. The good entries are returned even then: one bad
// entry must not make every citation of the others unresolved.
func ParseBibTeX(name string, data []byte) (sources []*Source, warnings []error) {
	lib, _ := parseBibTeX(name, data)
	return lib.sources, lib.warnings
}

// library is what one bibliography file gives.
type library struct {
	sources []*Source
	// bad are the keys of the entries left out for their problems, each
	// at its entry (the first, for a key given twice), so that a citation
	// of one can say so.
	bad map[string]Pos
	// why are the problems that left each of them out; a citation of
	// one makes them errors.
	why map[string][]error
	// warnings are the problems, each positioned in the file.
	warnings []error
}

// markBad records that the entry key at pos was left out, for the
// problems why (also among the warnings).
func (lib *library) markBad(key string, pos Pos, why ...error) {
	if lib.bad == nil {
		lib.bad = map[string]Pos{}
		lib.why = map[string][]error{}
	}
	if _, ok := lib.bad[key]; !ok {
		lib.bad[key] = pos
	}
	lib.why[key] = append(lib.why[key], why...)
}

// sortWarnings puts the warnings in the order of the file, as the
// loader prints them; problems found together keep their order.
func (lib *library) sortWarnings() {
	pos := func(e error) Pos {
		if m := posPrefixRE.FindStringSubmatch(e.Error()); m != nil {
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			return Pos{m[1], ln, col}
		}
		return Pos{}
	}
	slices.SortStableFunc(lib.warnings, func(a, b error) int { return comparePos(pos(a), pos(b)) })
}

// parseBibTeX is ParseBibTeX, with the keys of the entries left out. Its
// error is always nil (a BibTeX file has no syntax that loses all of it),
// to match parseCSLJSON.
func parseBibTeX(name string, data []byte) (*library, error) {
	data = bytes.TrimPrefix(data, utf8BOM) // as the loader does: a BOM is no text
	p := &bibParser{lines: newLineIndex(name, data), src: data, macros: map[string]string{}}
	for _, m := range monthNames {
		p.macros[strings.ToLower(m[:3])] = m
	}
	lib := &library{}
	seen := map[string]Pos{}
	var entries []*bibEntry
	byKey := map[string]*bibEntry{}
	for {
		at := p.nextEntry()
		if at < 0 {
			break
		}
		e, err := p.entry()
		if err != nil {
			p.errs = append(p.errs, err)
			if e != nil {
				lib.markBad(e.key, p.lines.pos(e.off), err) // its key was read before the error
			}
			continue
		}
		if e == nil {
			continue // @string, @comment, @preamble
		}
		if first, dup := seen[e.key]; dup {
			// The first is kept, with no cause to be cited in error.
			p.errs = append(p.errs, p.lines.errorf(e.off, "duplicate key %q (first at %d:%d); this one is left out", e.key, first.Line, first.Column))
			continue
		}
		seen[e.key] = p.lines.pos(e.off)
		// Keys are case-insensitive in BibLaTeX's crossref and xdata.
		byKey[strings.ToLower(e.key)] = e
		entries = append(entries, e)
	}
	for _, e := range entries {
		p.inherit(e, byKey)
	}
	for _, e := range entries {
		if e.typ == "xdata" {
			continue // a store of fields for others, not a work
		}
		s, why := p.toSource(e, byKey)
		if s == nil {
			lib.markBad(e.key, p.lines.pos(e.off), why...)
			continue
		}
		lib.sources = append(lib.sources, s)
	}
	lib.warnings = p.errs
	lib.sortWarnings()
	return lib, nil
}

type bibParser struct {
	lines  *lineIndex
	src    []byte
	i      int
	macros map[string]string
	errs   []error
}

// bibEntry is an entry as read, before mapping to a Source.
type bibEntry struct {
	typ    string
	key    string
	off    int
	fields map[string]bibField
	order  []string
	// inherited is set once the crossref and xdata fields are resolved.
	inherited bool
}

type bibField struct {
	value string // expanded, still in TeX
	off   int
}

// nextEntry moves to the next '@' (text between entries is a comment in
// BibTeX) and returns its offset, or -1 at the end.
func (p *bibParser) nextEntry() int {
	lineStart := true
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == '@':
			return p.i
		case c == '%' && lineStart:
			// A comment line, as biber and Better BibTeX read them: an
			// "@" in it ("cite it as [@key]") starts no entry.
			for p.i < len(p.src) && p.src[p.i] != '\n' {
				p.i++
			}
			continue
		case c == '\n':
			lineStart = true
		case c != ' ' && c != '\t' && c != '\r':
			lineStart = false
		}
		p.i++
	}
	return -1
}

func (p *bibParser) errorf(off int, format string, args ...any) error {
	return p.lines.errorf(off, format, args...)
}

// fail reports a syntax error at off and skips past it, so that the next
// entry can be read.
func (p *bibParser) fail(off int, format string, args ...any) error {
	if p.i <= off {
		p.i = off + 1
	}
	return p.errorf(off, format, args...)
}

func (p *bibParser) skipSpace() {
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			p.i++
			continue
		}
		// A '%' comment runs to the end of the line.
		if c == '%' {
			for p.i < len(p.src) && p.src[p.i] != '\n' {
				p.i++
			}
			continue
		}
		return
	}
}

// ident reads a type, key, field or macro name.
func (p *bibParser) ident() string {
	start := p.i
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c <= ' ' || strings.IndexByte("{}(),=\"#%@", c) >= 0 {
			break
		}
		p.i++
	}
	return string(p.src[start:p.i])
}

// entry reads one @type{...}; it returns nil for @string, @comment and
// @preamble.
func (p *bibParser) entry() (*bibEntry, error) {
	at := p.i
	p.i++ // '@'
	typ := strings.ToLower(p.ident())
	if typ == "" {
		return nil, p.fail(at, "'@' is not followed by an entry type")
	}
	p.skipSpace()
	if p.i >= len(p.src) || (p.src[p.i] != '{' && p.src[p.i] != '(') {
		if typ == "comment" {
			// "@comment text": BibTeX ignores the rest of the line.
			for p.i < len(p.src) && p.src[p.i] != '\n' {
				p.i++
			}
			return nil, nil
		}
		return nil, p.fail(at, "@%s is not followed by '{'", typ)
	}
	open := p.src[p.i]
	closer := byte('}')
	if open == '(' {
		closer = ')'
	}
	bodyStart := p.i
	p.i++
	switch typ {
	case "comment", "preamble":
		// Skip the body: balanced braces, or up to the closing ')'.
		p.i = bodyStart
		if open == '{' {
			if _, err := p.braced(); err != nil {
				return nil, err
			}
			return nil, nil
		}
		for p.i < len(p.src) && p.src[p.i] != ')' {
			p.i++
		}
		if p.i >= len(p.src) {
			return nil, p.fail(at, "@%s is not closed with ')'", typ)
		}
		p.i++
		return nil, nil
	case "string":
		p.skipSpace()
		noff := p.i
		name := strings.ToLower(p.ident())
		p.skipSpace()
		if name == "" || p.i >= len(p.src) || p.src[p.i] != '=' {
			return nil, p.fail(noff, "@string needs name = value")
		}
		p.i++
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.macros[name] = v
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != closer {
			return nil, p.fail(p.i, "@string is not closed with '%c'", closer)
		}
		p.i++
		return nil, nil
	}
	p.skipSpace()
	keyOff := p.i
	key := p.ident()
	p.skipSpace()
	if key == "" {
		return nil, p.fail(keyOff, "@%s entry has no citation key", typ)
	}
	// From here on, an error returns the entry too: its key is known,
	// for the citations of it.
	e := &bibEntry{typ: typ, key: key, off: at, fields: map[string]bibField{}}
	if p.i >= len(p.src) || (p.src[p.i] != ',' && p.src[p.i] != closer) {
		return e, p.fail(p.i, "entry %q: expected ',' after the key", key)
	}
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return e, p.fail(at, "entry %q is not closed with '%c'", key, closer)
		}
		if p.src[p.i] == closer {
			p.i++
			return e, nil
		}
		if p.src[p.i] == '@' {
			// The next entry begins: this one was never closed. Resume
			// there rather than past it.
			return e, p.errorf(at, "entry %q is not closed with '%c'", key, closer)
		}
		if p.src[p.i] != ',' {
			return e, p.fail(p.i, "entry %q: expected ',' or '%c'", key, closer)
		}
		p.i++
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == closer {
			p.i++
			return e, nil // a trailing comma
		}
		foff := p.i
		fname := strings.ToLower(p.ident())
		if fname == "" {
			return e, p.fail(foff, "entry %q: expected a field name", key)
		}
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != '=' {
			return e, p.fail(p.i, "entry %q: field %q: expected '='", key, fname)
		}
		p.i++
		v, err := p.value()
		if err != nil {
			return e, err
		}
		if _, dup := e.fields[fname]; dup {
			// As BibTeX does: the first is used.
			p.errs = append(p.errs, p.errorf(foff, "entry %q: field %q given twice; the first is used", key, fname))
			continue
		}
		e.fields[fname] = bibField{value: v, off: foff}
		e.order = append(e.order, fname)
	}
}

// value reads a field value: pieces in braces or quotes, numbers and
// macro names, joined with '#'.
func (p *bibParser) value() (string, error) {
	var b strings.Builder
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return "", p.fail(len(p.src)-1, "unexpected end of file in a field value")
		}
		off := p.i
		switch c := p.src[p.i]; {
		case c == '{':
			s, err := p.braced()
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c == '"':
			s, err := p.quoted()
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c >= '0' && c <= '9':
			for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
				p.i++
			}
			b.Write(p.src[off:p.i])
		default:
			name := p.ident()
			if name == "" {
				return "", p.fail(off, "expected a value in braces, quotes, a number or a macro name")
			}
			m, ok := p.macros[strings.ToLower(name)]
			if !ok {
				// As BibTeX does: a warning, and the macro is empty.
				p.errs = append(p.errs, p.errorf(off, "unknown macro %q (define it with @string); read as empty", name))
			}
			b.WriteString(m)
		}
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == '#' {
			p.i++
			continue
		}
		return b.String(), nil
	}
}

// braced reads {...} with nested braces and returns the inside.
func (p *bibParser) braced() (string, error) {
	start := p.i
	depth := 0
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '\\':
			p.i++ // an escaped brace does not count
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				p.i++
				return string(p.src[start+1 : p.i-1]), nil
			}
		case '@':
			// An '@' at the start of a line almost surely begins the next
			// entry: the brace was never closed.
			if p.i > 0 && p.src[p.i-1] == '\n' {
				return "", p.fail(start, "unbalanced '{'")
			}
		}
		p.i++
	}
	return "", p.fail(start, "unbalanced '{'")
}

// quoted reads "..." (braces inside may hold quotes) and returns the
// inside.
func (p *bibParser) quoted() (string, error) {
	start := p.i
	p.i++
	depth := 0
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '\\':
			p.i++
		case '{':
			depth++
		case '}':
			depth--
		case '"':
			if depth == 0 {
				p.i++
				return string(p.src[start+1 : p.i-1]), nil
			}
		}
		p.i++
	}
	return "", p.fail(start, "unterminated '\"'")
}

// ---- mapping to CSL

// bibTypes maps entry types to CSL types.
var bibTypes = map[string]string{
	"book": "book", "mvbook": "book", "booklet": "pamphlet", "manual": "book", "collection": "book",
	"mvcollection": "book", "proceedings": "book", "mvproceedings": "book", "periodical": "periodical",
	"reference": "book", "mvreference": "book", "commentary": "book",
	"incollection": "chapter", "inbook": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
	"suppcollection": "chapter",
	"inproceedings":  "paper-conference", "conference": "paper-conference",
	"article": "article-journal", "suppperiodical": "article-journal",
	"online": "webpage", "www": "webpage", "electronic": "webpage",
	"thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
	"unpublished": "manuscript",
	"letter":      "letter",
	"inreference": "entry-encyclopedia",
	"report":      "report", "techreport": "report",
	"misc": "document",
	// BibLaTeX's other types, as Better BibTeX maps them to CSL.
	"patent": "patent", "video": "motion_picture", "movie": "motion_picture",
	"audio": "song", "music": "song", "artwork": "graphic", "image": "graphic",
	"software": "software", "dataset": "dataset", "standard": "standard",
	"performance": "performance", "review": "review", "legislation": "legislation",
	"legal": "legislation", "jurisdiction": "legal_case", "interview": "interview",
	"map": "map", "bibnote": "document", "set": "set",
	// Zotero's item types, which Mendeley and others write as BibTeX
	// types (@web_page, @book_section), underscores dropped.
	"journalarticle": "article-journal", "magazinearticle": "article-magazine",
	"newspaperarticle": "article-newspaper", "booksection": "chapter", "webpage": "webpage",
	"conferencepaper": "paper-conference", "encyclopediaarticle": "entry-encyclopedia",
	"dictionaryentry": "entry-dictionary", "blogpost": "post-weblog", "forumpost": "post",
	"email": "personal_communication", "presentation": "speech", "film": "motion_picture",
	"videorecording": "motion_picture", "audiorecording": "song", "podcast": "song",
	"tvbroadcast": "broadcast", "radiobroadcast": "broadcast", "computerprogram": "software",
	"statute": "legislation", "case": "legal_case", "hearing": "hearing", "bill": "bill",
	"manuscript": "manuscript", "generic": "document", "internet": "webpage",
}

// crossInherit is how BibLaTeX renames a crossref parent's fields in its
// child (the BibLaTeX manual, appendix B): a book's title is the
// booktitle of a chapter in it, a multi-volume work's title the maintitle
// of its volume. Keys are "parent>child" types; the parent's other fields
// are copied under their own names.
var crossInherit = func() map[string]map[string]string {
	m := map[string]map[string]string{}
	add := func(parents, children string, fields map[string]string) {
		for _, pt := range strings.Fields(parents) {
			for _, ct := range strings.Fields(children) {
				k := pt + ">" + ct
				if m[k] == nil {
					m[k] = map[string]string{}
				}
				for from, to := range fields {
					m[k][from] = to
				}
			}
		}
	}
	main := map[string]string{"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon"}
	book := map[string]string{"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon"}
	add("mvbook", "book inbook bookinbook suppbook", main)
	add("mvcollection mvreference", "collection reference incollection inreference suppcollection", main)
	add("mvproceedings", "proceedings inproceedings", main)
	add("book", "inbook bookinbook suppbook", book)
	add("collection reference", "incollection inreference suppcollection", book)
	add("proceedings", "inproceedings", book)
	add("periodical", "article suppperiodical", map[string]string{"title": "journaltitle", "subtitle": "journalsubtitle"})
	add("mvbook book", "inbook bookinbook suppbook", map[string]string{"author": "bookauthor"})
	return m
}()

// notInherited are the fields a child never takes from its parent: they
// name or sort the parent itself.
var notInherited = setOf(`ids crossref xref xdata entryset entrysubtype execute label options presort
	related relatedoptions relatedstring relatedtype shorthand shorthandintro sortkey sorttitle
	shorttitle indextitle indexsorttitle`)

// inherit fills e's missing fields from the entries its xdata and
// crossref fields name, theirs first resolved in turn; a key that names
// no entry, or a loop, is a warning.
func (p *bibParser) inherit(e *bibEntry, byKey map[string]*bibEntry) {
	p.inheritFrom(e, byKey, map[*bibEntry]bool{})
}

func (p *bibParser) inheritFrom(e *bibEntry, byKey map[string]*bibEntry, busy map[*bibEntry]bool) {
	if e.inherited || busy[e] {
		return
	}
	busy[e] = true
	defer func() { e.inherited = true; delete(busy, e) }()
	parent := func(field, key string) *bibEntry {
		f := e.fields[field]
		pe := byKey[strings.ToLower(key)]
		switch {
		case pe == nil:
			p.errs = append(p.errs, p.lines.errorf(f.off, "entry %q: %s %q names no entry in this file; nothing is inherited", e.key, field, key))
			return nil
		case busy[pe]:
			p.errs = append(p.errs, p.lines.errorf(f.off, "entry %q: %s %q leads back to this entry; nothing is inherited", e.key, field, key))
			return nil
		}
		p.inheritFrom(pe, byKey, busy)
		return pe
	}
	take := func(name string, f bibField) {
		if _, has := e.fields[name]; !has && !notInherited[name] {
			e.fields[name] = f
			e.order = append(e.order, name)
		}
	}
	if f, ok := e.fields["xdata"]; ok {
		for _, key := range strings.Split(f.value, ",") {
			if key = strings.TrimSpace(key); key == "" {
				continue
			}
			if pe := parent("xdata", key); pe != nil {
				for _, name := range pe.order {
					take(name, pe.fields[name])
				}
			}
		}
	}
	if f, ok := e.fields["crossref"]; ok {
		if pe := parent("crossref", strings.TrimSpace(f.value)); pe != nil {
			renamed := crossInherit[pe.typ+">"+e.typ]
			for _, name := range pe.order {
				if to, ok := renamed[name]; ok {
					take(to, pe.fields[name])
				}
			}
			for _, name := range pe.order {
				if _, ok := renamed[name]; !ok || name == "author" {
					take(name, pe.fields[name])
				}
			}
		}
	}
}

// toSource maps an entry to a Source, adding its problems to p.errs. It
// returns nil when the entry is left out, and why.
func (p *bibParser) toSource(e *bibEntry, byKey map[string]*bibEntry) (_ *Source, why []error) {
	s := &Source{ID: e.key, Pos: p.lines.pos(e.off)}
	var errs []error // problems that leave the entry out
	warn := func(off int, format string, args ...any) {
		p.errs = append(p.errs, p.errorf(off, "entry %q: "+format, append([]any{e.key}, args...)...))
	}
	typ, known := bibTypes[strings.ReplaceAll(e.typ, "_", "")]
	if !known {
		// As BibLaTeX does with a type it does not define.
		warn(e.off, "@%s is no BibLaTeX entry type; read as a document (@misc)", e.typ)
		typ = "document"
	}
	if typ == "set" {
		return p.set(e, s, byKey)
	}
	get := func(names ...string) string {
		for _, n := range names {
			if f, ok := e.fields[n]; ok {
				if v, keep := detexKeepCase(f.value); v != "" {
					for _, w := range keep {
						if !slices.Contains(s.KeepCase, w) {
							s.KeepCase = append(s.KeepCase, w)
						}
					}
					return v
				}
			}
		}
		return ""
	}
	names := func(field string) []Name {
		f, ok := e.fields[field]
		if !ok {
			return nil
		}
		ns, msg, soft := parseBibNames(f.value)
		if soft != "" {
			warn(f.off, "%s: %s", field, soft)
		}
		if msg != "" {
			errs = append(errs, p.errorf(f.off, "entry %q: %s: %s; the entry is left out", e.key, field, msg))
		}
		return ns
	}
	s.Author = names("author")
	s.Editor = names("editor")
	// BibLaTeX names a film's director as its editor, of editortype
	// director (as Better BibTeX exports @video).
	if strings.EqualFold(get("editortype"), "director") {
		s.Director, s.Editor = s.Editor, nil
	}
	s.Translator = names("translator")
	s.Recipient = names("recipient")

	// A title, its subtitle and its addon, as BibLaTeX prints them.
	title := func(main, sub, addon string) string {
		t := get(main)
		if st := get(sub); st != "" && t != "" {
			t += ": " + st
		}
		if a := get(addon); a != "" && t != "" {
			t += ". " + a
		}
		return t
	}
	s.Title = title("title", "subtitle", "titleaddon")
	s.TitleShort = get("shorttitle")
	// BibLaTeX lists ("Westport, Conn. and London") print as CSL
	// lists do, with semicolons.
	// The split is on the TeX, where braces protect an "and" that is
	// part of a name ("Routledge {and} Kegan Paul").
	list := func(names ...string) string {
		for _, n := range names {
			f, ok := e.fields[n]
			if !ok {
				continue
			}
			var parts []string
			for _, part := range splitDepth0(" "+strings.Join(strings.Fields(f.value), " ")+" ", " and ") {
				if v := strings.TrimSpace(detex(part)); v != "" {
					parts = append(parts, v)
				}
			}
			if len(parts) > 0 {
				return strings.Join(parts, "; ")
			}
		}
		return ""
	}
	s.Publisher = list("publisher", "institution", "school", "organization")
	s.PublisherPlace = list("location", "address")
	s.OriginalPublisher = list("origpublisher")
	s.OriginalPlace = list("origlocation")
	s.CollectionTitle = get("series")
	s.Volume = get("volume")
	s.Volumes = get("volumes")
	s.Part = get("part")
	s.Page = get("pages")
	s.Edition = get("edition")
	s.Note = get("note")
	s.Language = bibLanguage(get("langid", "language"))
	// URLs and DOIs are not TeX: "~" and "--" in them are literal.
	verbatim := func(name string) string {
		f, ok := e.fields[name]
		if !ok {
			return ""
		}
		v := strings.TrimSpace(f.value)
		if u := urlIn(v); u != "" {
			v = u
		}
		return strings.NewReplacer(`\_`, "_", `\%`, "%", `\#`, "#", `\&`, "&", "{", "", "}", "").Replace(v)
	}
	s.DOI = verbatim("doi")
	s.URL = verbatim("url")
	// An e-print (BibLaTeX eprint, eprinttype) is a link where there is
	// no other.
	if ep := verbatim("eprint"); ep != "" {
		kind := strings.ToLower(get("eprinttype", "archiveprefix"))
		switch {
		case kind == "doi" && s.DOI == "":
			s.DOI = ep
		case s.URL != "" || s.DOI != "":
		case kind == "arxiv":
			s.URL = "https://arxiv.org/abs/" + ep
		case kind == "jstor":
			s.URL = "https://www.jstor.org/stable/" + ep
		case kind == "hdl":
			s.URL = "https://hdl.handle.net/" + ep
		case kind == "pubmed":
			s.URL = "https://www.ncbi.nlm.nih.gov/pubmed/" + ep
		}
	}
	s.Archive = get("archive")
	s.ArchiveLocation = get("archivelocation", "archive_location")
	s.ArchivePlace = get("archiveplace")
	s.Genre = get("type")
	if how := get("howpublished"); how != "" {
		if u := urlIn(e.fields["howpublished"].value); u != "" {
			if s.URL == "" {
				s.URL = u
			}
		} else {
			s.ContainerTitle = how
		}
	}

	if (typ == "book" || typ == "chapter" || typ == "paper-conference" || typ == "report") && s.CollectionTitle != "" {
		// A book's number is its number in its series.
		s.CollectionNumber = get("number")
	}
	if typ == "book" || typ == "chapter" || typ == "paper-conference" {
		// The work this volume is part of; a chapter's book is its
		// container, and its maintitle that book's whole work.
		if m := title("maintitle", "mainsubtitle", "maintitleaddon"); m != "" && m != s.Title {
			s.MainTitle = m
		}
	}
	switch e.typ {
	case "article":
		s.ContainerTitle = title("journaltitle", "journalsubtitle", "journaltitleaddon")
		if s.ContainerTitle == "" {
			s.ContainerTitle = get("journal")
		}
		s.Issue = get("number", "issue")
		switch strings.ToLower(get("entrysubtype")) {
		case "newspaper":
			typ = "article-newspaper"
		case "magazine":
			typ = "article-magazine"
		}
	case "incollection", "inbook", "bookinbook", "suppbook", "inproceedings", "conference", "inreference":
		s.ContainerTitle = title("booktitle", "booksubtitle", "booktitleaddon")
		if s.ContainerTitle == "" {
			s.ContainerTitle, s.MainTitle = s.MainTitle, ""
		}
	case "online", "www", "electronic":
		// The organization is the site's owner (CSL publisher); a site
		// that is a publication is its journaltitle.
		// Better BibTeX puts a website's name in titleaddon: it is no
		// part of the page's title.
		s.Title = title("title", "subtitle", "")
		if c := get("journaltitle", "maintitle", "titleaddon"); c != "" && s.ContainerTitle == "" {
			s.ContainerTitle = c
		}
	case "misc":
		if s.URL != "" {
			typ = "webpage"
		}
	case "phdthesis":
		if s.Genre == "" {
			s.Genre = "PhD diss."
		}
	case "mastersthesis":
		if s.Genre == "" {
			s.Genre = "Master’s thesis"
		}
	case "patent":
		s.Number = get("number")
		// BibLaTeX's patent types (type = {patentus}) as Chicago names
		// them; a country's application is a patent application.
		t := strings.ToLower(s.Genre)
		if strings.HasPrefix(t, "patent") || strings.HasPrefix(t, "patreq") {
			country := map[string]string{"us": "US", "eu": "European", "de": "German", "uk": "British",
				"fr": "French", "jp": "Japanese", "ch": "Swiss", "at": "Austrian", "dk": "Danish"}[t[6:]]
			if strings.HasPrefix(t, "patreq") {
				s.Genre = strings.TrimSpace(country + " patent application")
			} else {
				s.Genre = strings.TrimSpace(country + " Patent")
			}
			if country == "" {
				s.Genre = upperFirst(s.Genre)
			}
		}
		// Its location is the countries it holds in, as BibLaTeX's
		// localization keys (countryfr), no place of publication.
		s.PublisherPlace = ""
	case "letter":
		// The place of a letter is where it was written.
		s.EventPlace, s.PublisherPlace = s.PublisherPlace, ""
	}
	if typ == "thesis" {
		switch strings.ToLower(s.Genre) {
		case "phdthesis", "phd thesis", "phd":
			s.Genre = "PhD diss."
		case "mathesis", "mastersthesis", "master's thesis":
			s.Genre = "Master’s thesis"
		}
	}
	s.Type = typ

	// A date that is not EDTF is read as far as it goes, with a
	// warning; one with no year in it is left out, the entry kept.
	date := func(dst **Date, f bibField, name, text string) {
		edtf := strings.TrimSpace(text)
		// BibLaTeX writes an open end as an empty one ("1920/"),
		// EDTF as "..".
		if strings.HasSuffix(edtf, "/") {
			edtf += ".."
		} else if strings.HasPrefix(edtf, "/") {
			edtf = ".." + edtf
		}
		d, orig, read, ok := looseDate(edtf)
		switch {
		case !ok:
			warn(f.off, "%s: cannot read date %q: %s; printed without it", name, edtf, looseDateError(edtf))
			return
		case read != "":
			warn(f.off, "%s: %q is not an EDTF date; read %s", name, edtf, read)
		}
		*dst = &d
		if orig != nil && s.Original == nil {
			s.Original = orig
		}
	}
	if f, ok := e.fields["date"]; ok {
		date(&s.Issued, f, "date", detex(f.value))
	} else if f, ok := e.fields["year"]; ok {
		year := strings.TrimSpace(detex(f.value))
		edtf, msg := yearMonthDay(year, get("month"), get("day"))
		_, yearErr := strconv.Atoi(year)
		switch {
		case msg == "":
			date(&s.Issued, f, "year", edtf)
		case yearErr == nil:
			// The month or the day is what cannot be read.
			at := f
			for _, n := range []string{"day", "month"} {
				if g, ok := e.fields[n]; ok {
					at = g
				}
			}
			warn(at.off, "%s; read as the year %s alone", msg, year)
			date(&s.Issued, f, "year", year)
		default:
			// "year = {Autumn 2001}", "{1875 [2004]}": read with the
			// month, if any, as far as it goes.
			date(&s.Issued, f, "year", strings.TrimSpace(get("month")+" "+year))
		}
	}
	if f, ok := e.fields["origdate"]; ok {
		date(&s.Original, f, "origdate", detex(f.value))
	}
	if f, ok := e.fields["urldate"]; ok {
		date(&s.Accessed, f, "urldate", detex(f.value))
	}
	if len(errs) > 0 {
		p.errs = append(p.errs, errs...)
		return nil, errs
	}
	return s, nil
}

// set reads an @set: a citation of it cites its members, the entries
// its entryset field names, in order.
func (p *bibParser) set(e *bibEntry, s *Source, byKey map[string]*bibEntry) (*Source, []error) {
	f, ok := e.fields["entryset"]
	if !ok {
		err := p.errorf(e.off, "entry %q: @set has no entryset; the entry is left out", e.key)
		p.errs = append(p.errs, err)
		return nil, []error{err}
	}
	for _, key := range strings.Split(detex(f.value), ",") {
		key = strings.TrimSpace(key)
		switch m := byKey[strings.ToLower(key)]; {
		case key == "":
		case m == nil:
			p.errs = append(p.errs, p.errorf(f.off, "entry %q: entryset: %q names no entry in this file; it is left out of the set", e.key, key))
		case m.typ == "set":
			p.errs = append(p.errs, p.errorf(f.off, "entry %q: entryset: %q is itself a set; it is left out of the set", e.key, key))
		default:
			s.Members = append(s.Members, m.key)
		}
	}
	if len(s.Members) == 0 {
		err := p.errorf(f.off, "entry %q: the set has no members; the entry is left out", e.key)
		p.errs = append(p.errs, err)
		return nil, []error{err}
	}
	s.Type = "set"
	return s, nil
}

// yearMonthDay builds an EDTF date from BibTeX's year, month and day.
func yearMonthDay(year, month, day string) (string, string) {
	year = strings.TrimSpace(year)
	if _, err := strconv.Atoi(year); err != nil {
		return "", fmt.Sprintf("%q is not a year", year)
	}
	edtf := year
	if month = strings.TrimSpace(month); month != "" {
		m := 0
		if n, err := strconv.Atoi(month); err == nil {
			m = n
		} else {
			// "May", "may", "Sep", "Sept.", "September".
			abbr := strings.ToLower(strings.TrimSuffix(month, "."))
			for i, name := range monthNames {
				if len(abbr) >= 3 && strings.HasPrefix(strings.ToLower(name), abbr) {
					m = i + 1
				}
			}
		}
		if m < 1 || m > 12 {
			return "", fmt.Sprintf("%q is not a month", month)
		}
		edtf += fmt.Sprintf("-%02d", m)
		if day = strings.TrimSpace(day); day != "" {
			d, err := strconv.Atoi(day)
			if err != nil {
				return "", fmt.Sprintf("%q is not a day", day)
			}
			edtf += fmt.Sprintf("-%02d", d)
		}
	}
	return edtf, ""
}

// bibLanguage maps BibLaTeX language names to BCP 47 tags where they are
// common; an unknown name is kept (only English matters to formatting).
func bibLanguage(l string) string {
	switch strings.ToLower(l) {
	case "english", "american", "british", "usenglish", "ukenglish", "en", "en-us", "en-gb":
		return "en"
	case "russian":
		return "ru"
	case "german", "ngerman":
		return "de"
	case "french":
		return "fr"
	case "turkish":
		return "tr"
	case "persian", "farsi":
		return "fa"
	case "azerbaijani":
		return "az"
	}
	return l
}

// urlIn returns the URL of a "\url{...}" value, or of a value that is a
// bare URL.
func urlIn(v string) string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, `\url{`) && strings.HasSuffix(v, "}") {
		return strings.TrimSpace(v[5 : len(v)-1])
	}
	if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
		return v
	}
	return ""
}

// parseBibNames splits "Last, First and {Literal Name} and First von
// Last".
func parseBibNames(v string) (_ []Name, msg, soft string) {
	var out []Name
	// "and" may end a line: split on single spaces.
	v = " " + strings.Join(strings.Fields(v), " ") + " "
	for _, part := range splitDepth0(v, " and ") {
		part = strings.TrimSpace(part)
		if part == "" {
			// Often a macro defined in another file, read as empty.
			soft = "an empty name (a stray \"and\"?) is skipped"
			continue
		}
		if part == "others" {
			continue // "and others": et al., which Chicago prints from the count
		}
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") && braceDepthOK(part[1:len(part)-1]) {
			out = append(out, Name{Literal: strings.TrimSpace(detex(part[1 : len(part)-1]))})
			continue
		}
		commas := splitDepth0(part, ",")
		var n Name
		if ext, ok := extendedName(commas); ok {
			n, commas = ext, nil
		}
		switch len(commas) {
		case 0: // BibLaTeX's extended form, read above
		case 1:
			words := splitWords(part)
			if len(words) == 1 {
				n.Family = detex(words[0])
				break
			}
			// First von Last: "von" starts at the first lower-case word
			// before the last one.
			last := len(words) - 1
			von := last
			for i := 1; i < last; i++ {
				if startsLower(words[i]) {
					von = i
					break
				}
			}
			n.Given = detex(strings.Join(words[:von], " "))
			n.Family = detex(strings.Join(words[von:], " "))
		case 2:
			n.Family = detex(strings.TrimSpace(commas[0]))
			n.Given = detex(strings.TrimSpace(commas[1]))
		case 3:
			n.Family = detex(strings.TrimSpace(commas[0])) + " " + detex(strings.TrimSpace(commas[1]))
			n.Given = detex(strings.TrimSpace(commas[2]))
		default:
			return nil, fmt.Sprintf("cannot read name %q: too many commas", part), soft
		}
		n.Family, n.Given = strings.TrimSpace(n.Family), strings.TrimSpace(n.Given)
		if n.Family == "" && n.Given == "" {
			return nil, fmt.Sprintf("cannot read name %q", part), soft
		}
		if n.Family == "" {
			n.Family, n.Given = n.Given, ""
		}
		out = append(out, n)
	}
	return out, "", soft
}

// extendedName reads BibLaTeX's extended name format, as Better BibLaTeX
// writes names with particles: "family=Dijk, given=Marten, prefix=van,
// useprefix=true". A prefix joins the family name, as "von" does in
// "von Last, First".
func extendedName(parts []string) (Name, bool) {
	var n Name
	var prefix, suffix string
	named := false
	for _, part := range parts {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return Name{}, false
		}
		v = detex(strings.Trim(strings.TrimSpace(v), `"`))
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "family":
			n.Family, named = v, true
		case "given":
			n.Given, named = v, true
		case "prefix":
			prefix = v
		case "suffix":
			suffix = v
		}
		// Other keys (useprefix, juniorcomma, given-i) shape how
		// BibLaTeX prints the name, not what it is.
	}
	if !named {
		return Name{}, false
	}
	if prefix != "" {
		n.Family = strings.TrimSpace(prefix + " " + n.Family)
	}
	if suffix != "" {
		n.Family += " " + suffix
	}
	return n, n.Family != "" || n.Given != ""
}

// closingBrace returns the offset of the brace that closes the one at
// s[open], or -1.
func closingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func braceDepthOK(s string) bool {
	d := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			d++
		case '}':
			d--
			if d < 0 {
				return false
			}
		}
	}
	return d == 0
}

// splitDepth0 splits s at sep outside braces (sep matched
// case-insensitively).
func splitDepth0(s, sep string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth == 0 && i+len(sep) <= len(s) && strings.EqualFold(s[i:i+len(sep)], sep) {
			out = append(out, s[start:i])
			start = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(out, s[start:])
}

func splitWords(s string) []string {
	var out []string
	for _, w := range splitDepth0(strings.Join(strings.Fields(s), " "), " ") {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// startsLower reports whether a name word starts with a lower-case letter
// outside braces ("von", "de"; not "{de}").
func startsLower(w string) bool {
	if strings.HasPrefix(w, "{") && !strings.HasPrefix(w, "{\\") {
		return false
	}
	for _, r := range detex(w) {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// ---- TeX to Unicode

// accents maps a TeX accent command and a base letter to the accented
// letter. Letters not listed get a combining mark.
var accents = map[string]struct {
	table   string // pairs: base letter, accented letter
	combine rune
}{
	"'":  {"aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆnńNŃsśSŚzźZŹlĺLĹrŕRŔgǵGǴ", '\u0301'},
	"`":  {"aàeèiìoòuùAÀEÈIÌOÒUÙ", '\u0300'},
	"^":  {"aâeêiîoôuûAÂEÊIÎOÔUÛcĉCĈgĝGĜhĥHĤjĵJĴsŝSŜwŵWŴyŷYŶ", '\u0302'},
	"\"": {"aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸ", '\u0308'},
	"~":  {"aãnñoõAÃNÑOÕiĩIĨuũUŨ", '\u0303'},
	"=":  {"aāeēiīoōuūAĀEĒIĪOŌUŪ", '\u0304'},
	".":  {"zżZŻeėEĖgġGĠIİcċCĊ", '\u0307'},
	"u":  {"aăAĂgğGĞuŭUŬeĕEĔiĭIĬoŏOŎ", '\u0306'},
	"v":  {"cčCČsšSŠzžZŽrřRŘeěEĚnňNŇdďDĎtťTŤgǧGǦ", '\u030C'},
	"H":  {"oőOŐuűUŰ", '\u030B'},
	"c":  {"cçCÇsşSŞtţTŢgģGĢkķKĶlļLĻnņNŅrŗRŖ", '\u0327'},
	"k":  {"aąAĄeęEĘiįIĮuųUŲ", '\u0328'},
	"r":  {"aåAÅuůUŮ", '\u030A'},
}

// letterCommands are TeX commands that stand for a letter or sign.
var letterCommands = map[string]string{
	"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
	"l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
	"hyphen": "-", "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "S": "§", "P": "¶", "ldots": "…", "dots": "…",
	"textellipsis": "…", "LaTeX": "LaTeX", "TeX": "TeX", "textasciitilde": "~", "textbackslash": "\\",
}

// detex turns TeX text into plain Unicode: accents, letter commands,
// escaped specials, dashes and quotes; formatting commands (\emph{x},
// \textit{x}, \url{x}) keep their argument; braces are dropped.
func detex(s string) string {
	return stripMarks(detexMarked(s, false))
}

// protectOpen and protectClose mark, in detexMarked's output, where a
// brace group opened and closed: private-use characters, which no
// bibliography holds (detexKeepCase drops any from its input).
const protectOpen, protectClose = '\uE000', '\uE001'

// detexKeepCase is detex that also returns the words whose first letter
// is a small letter inside braces: BibTeX's way to protect case ({\"u}ber,
// {von} Neumann), which headline style must respect.
func detexKeepCase(s string) (text string, keep []string) {
	s = strings.Map(func(r rune) rune {
		if r == protectOpen || r == protectClose {
			return -1
		}
		return r
	}, s)
	var words []string
	depth := 0
	for _, w := range strings.Fields(detexMarked(s, true)) {
		var b strings.Builder
		protected, seenLetter := false, false
		for _, r := range w {
			switch r {
			case protectOpen:
				depth++
				continue
			case protectClose:
				depth = max(0, depth-1)
				continue
			}
			if !seenLetter && unicode.IsLetter(r) {
				// A capital is kept anyway: only a protected small
				// letter needs saying.
				seenLetter, protected = true, depth > 0 && unicode.IsLower(r)
			}
			b.WriteRune(r)
		}
		if b.Len() == 0 {
			continue // only an empty group, as in \LaTeX{}
		}
		words = append(words, b.String())
		if protected {
			keep = append(keep, b.String())
		}
	}
	return strings.Join(words, " "), keep
}

// detexMarked is detex; with mark, brace groups are kept as protectOpen
// and protectClose.
func detexMarked(s string, mark bool) string {
	if !strings.ContainsAny(s, "\\{}~-`'") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			cmd, n := texCommand(s[i+1:])
			i += 1 + n
			if a, ok := accents[cmd]; ok {
				arg, m := texArgument(s[i:])
				i += m
				b.WriteString(accent(a.table, a.combine, detex(arg)))
				continue
			}
			if l, ok := letterCommands[cmd]; ok {
				b.WriteString(l)
				// "\ss{}" and "\o " end with an empty group or a space.
				if strings.HasPrefix(s[i:], "{}") {
					i += 2
				} else if i < len(s) && s[i] == ' ' && isLetterCmd(cmd) {
					i++
				}
				continue
			}
			if len(cmd) == 1 && !isLetterCmd(cmd) {
				// \& \% \$ \# \_ \{ \} and a control space.
				b.WriteString(cmd)
				continue
			}
			// Any other command: keep its argument, if any; the
			// emphasis commands mark it as rich text.
			for i < len(s) && s[i] == ' ' {
				i++
			}
			on, off := rune(0), rune(0)
			switch cmd {
			case "emph", "textit", "mkbibemph", "textsl", "mkbibitalic":
				on, off = markItalicOn, markItalicOff
			case "textbf", "mkbibbold":
				on, off = markBoldOn, markBoldOff
			}
			if on != 0 && i < len(s) && s[i] == '{' {
				if end := closingBrace(s, i); end > i {
					b.WriteRune(on)
					b.WriteString(detexMarked(s[i+1:end], mark))
					b.WriteRune(off)
					i = end + 1
				}
			}
		case c == '{' || c == '}':
			if mark && c == '{' {
				b.WriteRune(protectOpen)
			} else if mark {
				b.WriteRune(protectClose)
			}
			i++
		case c == '~':
			b.WriteByte(' ')
			i++
		case strings.HasPrefix(s[i:], "---"):
			b.WriteString("—")
			i += 3
		case strings.HasPrefix(s[i:], "--"):
			b.WriteString("–")
			i += 2
		case strings.HasPrefix(s[i:], "``"):
			b.WriteString("“")
			i += 2
		case strings.HasPrefix(s[i:], "''"):
			b.WriteString("”")
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func isLetterCmd(cmd string) bool {
	r, _ := utf8.DecodeRuneInString(cmd)
	return unicode.IsLetter(r)
}

// texCommand reads a command name after a backslash: a run of letters,
// or one other character.
func texCommand(s string) (string, int) {
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		n++
	}
	if n == 0 {
		if s == "" {
			return "", 0
		}
		_, w := utf8.DecodeRuneInString(s)
		return s[:w], w
	}
	// The one-letter accent commands (\c, \u, \v, \H, \k, \r) are
	// followed by a brace or a space; a longer run is a longer command.
	return s[:n], n
}

// texArgument reads an accent's argument: {x}, or a single letter (after
// optional spaces), or a command such as \i.
func texArgument(s string) (string, int) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i < len(s) && s[i] == '{' {
		if j := closingBrace(s, i); j > 0 {
			return s[i+1 : j], j + 1
		}
		return s[i+1:], len(s)
	}
	if i < len(s) && s[i] == '\\' {
		cmd, n := texCommand(s[i+1:])
		return "\\" + cmd, i + 1 + n
	}
	if i < len(s) {
		_, w := utf8.DecodeRuneInString(s[i:])
		return s[i : i+w], i + w
	}
	return "", i
}

// accent puts an accent on the first letter of arg.
func accent(table string, combine rune, arg string) string {
	if arg == "" {
		return string(combine)
	}
	r, n := utf8.DecodeRuneInString(arg)
	if r == 'ı' {
		r = 'i' // \'\i is í
	}
	if r == 'ȷ' {
		r = 'j'
	}
	rs := []rune(table)
	for k := 0; k+1 < len(rs); k += 2 {
		if rs[k] == r {
			return string(rs[k+1]) + arg[n:]
		}
	}
	return string(r) + string(combine) + arg[n:]
}
