package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest input file the loader reads: far above any
// handout, low enough that a wrong file (a video, a database dump) is
// refused before it is parsed.
const MaxFileSize = 16 << 20

// MaxEvents is the most events a handout may have. Planning the chart
// takes a second or more per thousand events, and more as they crowd
// (5,000 synthetic events on 12 tracks take 16 s); a lecture handout has
// tens or hundreds. Past it the loader says so at once, rather than the
// build running for minutes.
const MaxEvents = 5000

// utf8BOM is the byte order mark some editors write at the start of a
// UTF-8 file.
var utf8BOM = []byte("\xEF\xBB\xBF")

// Load parses and validates a handout. name is the file's name as the
// user gave it, used in every message; data is its content; fsys resolves
// the files the handout names (the narrative, bibliography files) relative
// to the YAML file's folder, and may be nil when there are none.
//
// On any problem Load returns a nil Document and an ErrorList holding
// every problem found, each as file:line:col: message, sorted by
// position. Problems that do not stop the build are in
// Document.Warnings.
func Load(name string, data []byte, fsys fs.FS) (*Document, error) {
	l := &loader{
		name:      name,
		fsys:      fsys,
		suggester: suggester{budget: suggestBudget},
		ids:       map[string]map[string]Pos{},
		doc: &Document{
			TrackByID:    map[string]*Track{},
			EventByID:    map[string]*Event{},
			SourceByID:   map[string]*Source{},
			PersonByID:   map[string]*Person{},
			PlaceByID:    map[string]*Place{},
			NarrativeDir: filepath.Dir(name),
		},
	}
	l.load(data)
	if len(l.errs) > 0 {
		l.errs.Sort()
		return nil, l.errs
	}
	slices.SortStableFunc(l.warns, func(a, b *Error) int { return comparePos(a.Pos, b.Pos) })
	for _, w := range l.warns {
		l.doc.Warnings = append(l.doc.Warnings, w.Pos.String()+": warning: "+w.Msg)
	}
	return l.doc, nil
}

// loader holds the state of one Load: the document being filled, the
// problems found so far, and what is needed to check references once
// everything has been read.
type loader struct {
	name string
	data []byte
	fsys fs.FS
	doc  *Document

	errs  ErrorList
	warns []*Error

	// ids maps a kind (track, event, ...) to its ids and where each was
	// first defined, to report duplicates.
	ids map[string]map[string]Pos
	// refs are the references to check once every id is known.
	refs []ref
	// bibSources are the sources read from bibliography files; nobody is
	// warned that they are uncited, since such a file is usually shared
	// among several handouts.
	bibSources map[*Source]bool
	// bibKeys are where each bibliography file's key was first read.
	bibKeys map[string]Pos
	// badSources are the keys of bibliography entries left out for their
	// errors, each at its entry: a citation of one is told so, not that
	// the source is unknown.
	badSources map[string]Pos
	// badWhy are the problems that left each out: warnings until the
	// entry is cited, errors from then on, since the citation cannot be
	// printed until they are fixed.
	badWhy map[string][]error

	suggester
}

// ref is a reference by id from one object to another.
type ref struct {
	kind string // track, event, source, person, place
	id   string
	pos  Pos
	what string // the referring object, for the message
}

func (l *loader) pos(n *yaml.Node) Pos {
	return Pos{File: l.name, Line: n.Line, Column: n.Column}
}

// errorf records a problem at pos. what names the object the problem is
// in (`event "x"`), or is empty at the top level.
func (l *loader) errorf(pos Pos, what, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if what != "" {
		msg = what + ": " + msg
	}
	l.errs = append(l.errs, &Error{Pos: pos, Msg: msg})
}

func (l *loader) warnf(pos Pos, what, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if what != "" {
		msg = what + ": " + msg
	}
	l.warns = append(l.warns, &Error{Pos: pos, Msg: msg})
}

func (l *loader) load(data []byte) {
	l.data = data
	if len(data) > MaxFileSize {
		l.errorf(Pos{l.name, 1, 1}, "", "the file is %d bytes; a handout is at most 16 MiB (%d bytes)", len(data), MaxFileSize)
		return
	}
	if !l.checkText(Pos{l.name, 1, 1}, data) {
		// The YAML parser would only repeat these problems without a
		// position; stop here.
		return
	}
	root := l.parse(data)
	if root == nil {
		return
	}
	if !l.checkAnchors(root) {
		return
	}
	l.document(root)
	l.resolve()
}

// parse decodes data into a node tree without following aliases.
func (l *loader) parse(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			l.errorf(Pos{l.name, 1, 1}, "", "the file is empty: a handout needs at least title, tracks and events")
		} else {
			l.yamlError(data, err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
	case err != nil:
		l.yamlError(data, err)
		return nil
	default:
		l.errorf(l.pos(&extra), "", "a second YAML document starts here: a handout is one document; remove the second ---")
	}
	return &root
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a syntax error of the YAML parser into a positioned
// problem. The parser tells the line but not the column.
func (l *loader) yamlError(data []byte, err error) {
	msg := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if parserProblems[msg] {
		// The parser (unlike the scanner) reports a 0-based line: the
		// line where the list or mapping it was reading starts.
		line++
	}
	if hint := yamlHints[msg]; hint != "" {
		msg += " (" + hint + ")"
	}
	col := 1
	// yaml.v3 reports "found a tab character that violates indentation"
	// at the line before the tab (where the block it breaks began): move
	// to the first line from there whose indentation holds a tab.
	if strings.Contains(msg, "tab character") {
		for n := line; n <= line+3; n++ {
			text, ok := lineOf(data, n)
			if !ok {
				break
			}
			if strings.Contains(text[:len(text)-len(strings.TrimLeft(text, " \t"))], "\t") {
				line = n
				break
			}
		}
	}
	// A tab in the indentation is the commonest cause of "cannot start
	// any token"; say so, at the tab.
	if text, ok := lineOf(data, line); ok {
		indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 {
			col = i + 1
			msg += " (a tab indents this line: YAML indents with spaces only)"
		}
	}
	l.errorf(Pos{l.name, line, col}, "", "YAML syntax: %s", msg)
}

// parserProblems are the messages of yaml.v3's parser, whose line
// numbers count from 0 (its scanner's count from 1).
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected node content":     true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlHints say what usually causes a YAML syntax error.
var yamlHints = map[string]string{
	"did not find expected ',' or ']'":               "a list opened with [ is not closed, or lacks a comma",
	"did not find expected ',' or '}'":               "a mapping opened with { is not closed, or lacks a comma",
	"did not find expected key":                      "a line near here is indented wrongly",
	"did not find expected '-' indicator":            "a list item near here is indented wrongly, or lacks its -",
	"mapping values are not allowed in this context": `a value with ": " in it must be quoted, e.g. title: "Baku: the fall"`,
}

// lineOf returns the 1-based line n of data.
func lineOf(data []byte, n int) (string, bool) {
	for i := 1; len(data) > 0; i++ {
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		if i == n {
			return string(line), true
		}
		data = rest
	}
	return "", false
}

// maxCharProblems bounds the messages about bad characters in one file:
// a binary file would otherwise give one per byte.
const maxCharProblems = 20

// checkText reports invalid UTF-8, control characters other than tab,
// newline and carriage return, and characters above U+FFFF (the PDF
// writer cannot print them), each at its line and column; start is the
// position of data's first byte. It reports false when the text cannot be
// parsed (invalid UTF-8 or control characters).
func (l *loader) checkText(start Pos, data []byte) bool {
	line, col := start.Line, start.Column
	n, parseable := 0, true
	report := func(format string, args ...any) {
		n++
		if n <= maxCharProblems {
			l.errorf(Pos{start.File, line, col}, "", format, args...)
		}
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			parseable = false
			report("invalid UTF-8 (byte 0x%02X): save the file as UTF-8", data[i])
		case r == '\n' || r == 0x2028 || r == 0x2029 || (r == '\r' && (i+1 == len(data) || data[i+1] != '\n')):
			// The line breaks of YAML, so that lines here agree with
			// the lines of the parser's nodes.
			line, col = line+1, 0
		case r == '\t' || r == '\r':
		case r < 0x20 || (r >= 0x7F && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF:
			parseable = false
			report("control character %U is not allowed: delete it", r)
		case r > 0xFFFF:
			report("character %U is above U+FFFF, which the PDF fonts cannot hold: replace it", r)
		}
		i += size
		col++
	}
	if n > maxCharProblems {
		l.errorf(Pos{start.File, line, col}, "", "%d more such characters in this file", n-maxCharProblems)
	}
	return parseable
}

// checkAnchors rejects anchors and aliases, walking the tree as written
// (never through an alias), before anything else reads it.
func (l *loader) checkAnchors(root *yaml.Node) bool {
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Anchor != "" || n.Kind == yaml.AliasNode {
			ok = false
			l.errorf(l.pos(n), "", "anchors and aliases are not allowed: a handout has no use for them, and they can make a small file expand without bound")
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return ok
}

// object is a YAML mapping being read as one kind of object.
type object struct {
	l    *loader
	node *yaml.Node
	kind string // a key of KnownFields
	what string // names the object in messages
	vals map[string]*yaml.Node
	keys map[string]*yaml.Node // the key of each field in vals, for messages about the whole field
	// suggested holds the fields suggested for misspelt keys, so that
	// `titel: X` is not also reported as a missing title.
	suggested map[string]bool
}

// mapping checks that n is a mapping whose keys are all known fields of
// kind, reporting each unknown or repeated key. label names the object
// before its id is known ("event 3"); when the mapping has a usable id,
// the object is named by it instead (`event "x"`). It returns nil when n
// is not a mapping.
func (l *loader) mapping(n *yaml.Node, kind, label, example string) *object {
	if n.Kind != yaml.MappingNode {
		l.errorf(l.pos(n), "", "%s must be a mapping, like %s", label, example)
		return nil
	}
	o := &object{l: l, node: n, kind: kind, what: label, vals: map[string]*yaml.Node{}}
	if kind == "document" {
		o.what = "" // top-level messages need no name
	}
	if id := n; kind != "document" && kind != "cite" {
		for i := 0; i+1 < len(id.Content); i += 2 {
			k, v := id.Content[i], id.Content[i+1]
			if k.Value == "id" && v.Kind == yaml.ScalarNode && v.Value != "" {
				o.what = kind + " " + quoteValue(v.Value)
				break
			}
		}
	}
	known := KnownFields[kind]
	keys := map[string]*yaml.Node{}
	o.keys = keys
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.errorf(l.pos(k), o.what, "a field name must be plain text")
			continue
		}
		if first, dup := keys[k.Value]; dup {
			l.errorf(l.pos(k), o.what, "field %s is given twice (first at line %d): keep one", quoteValue(k.Value), first.Line)
			continue
		}
		keys[k.Value] = k
		if !slices.Contains(known, k.Value) {
			if pk, pv, ok := commaSplit(n, i); ok {
				// {index: Stalin, Iosif}: the comma ended the value.
				l.errorf(l.pos(k), o.what, "unknown field %s: inside {...} a comma ends a value; if it belongs to %s, quote the value: %s: %s",
					quoteValue(k.Value), pk, pk, strconv.Quote(pv+", "+k.Value))
				continue
			}
			if s := l.suggest(k.Value, known); s != "" {
				l.errorf(l.pos(k), o.what, "unknown field %s; did you mean %q?", quoteValue(k.Value), s)
				if o.suggested == nil {
					o.suggested = map[string]bool{}
				}
				o.suggested[s] = true
			} else {
				l.errorf(l.pos(k), o.what, "unknown field %s; the fields are %s", quoteValue(k.Value), strings.Join(known, ", "))
			}
			continue
		}
		o.vals[k.Value] = v
	}
	return o
}

// commaSplit reports whether the key at n.Content[i] is likely the rest
// of the value before it, cut off by an unquoted comma in a flow mapping:
// a plain key with no value, after a known field with a plain text value
// on the same line. It returns that field and its value.
func commaSplit(n *yaml.Node, i int) (field, value string, ok bool) {
	if n.Style&yaml.FlowStyle == 0 || i < 2 {
		return "", "", false
	}
	k, v := n.Content[i], n.Content[i+1]
	pk, pv := n.Content[i-2], n.Content[i-1]
	if k.Style != 0 || v.Tag != "!!null" || v.Value != "" ||
		pv.Kind != yaml.ScalarNode || pv.Style != 0 || pv.Tag == "!!null" || pv.Line != k.Line {
		return "", "", false
	}
	return pk.Value, pv.Value, true
}

func (o *object) errorf(n *yaml.Node, format string, args ...any) {
	o.l.errorf(o.l.pos(n), o.what, format, args...)
}

// str returns a text field; a missing or null field is "". Numbers,
// dates and booleans are taken as written: `title: 1920` is "1920".
func (o *object) str(field string) string {
	s, _ := o.strNode(field)
	return s
}

func (o *object) strNode(field string) (string, *yaml.Node) {
	v := o.vals[field]
	if v == nil {
		return "", nil
	}
	if v.Kind != yaml.ScalarNode {
		o.errorf(v, "%s must be text, not a %s", field, kindName(v))
		return "", nil
	}
	if v.Tag == "!!null" {
		return "", v
	}
	return v.Value, v
}

// required returns a text field that must be present and not empty.
func (o *object) required(field string) (string, *yaml.Node) {
	s, v := o.strNode(field)
	switch {
	case v == nil && o.vals[field] == nil:
		if !o.suggested[field] {
			o.errorf(o.node, "missing %s", field)
		}
	case v != nil && strings.TrimSpace(s) == "":
		o.errorf(v, "%s must not be empty", field)
	}
	return s, v
}

// MaxTitle is the longest title of a track, event, era or detail, in
// characters: the chart sets these titles as labels, and a label of
// thousands of letters costs minutes of line breaking for nothing.
const MaxTitle = 200

// label returns the required title of an object the chart labels,
// checked against MaxTitle.
func (o *object) label() string {
	t, v := o.required("title")
	if n := utf8.RuneCountInString(t); v != nil && n > MaxTitle {
		o.errorf(v, "title is %d characters; the chart sets titles as labels: keep it under %d and put the rest in summary", n, MaxTitle)
	}
	return t
}

// MaxName is the longest name or index form of a person or place, in
// characters: the appendix sets it as the head of an entry.
const MaxName = 200

// name returns a name field of a person or place (name, index): text,
// not blank when given, at most MaxName characters. A required one must
// be given.
func (o *object) name(field string, required bool) string {
	var s string
	var v *yaml.Node
	if required {
		s, v = o.required(field)
	} else {
		s, v = o.strNode(field)
		if v != nil && strings.TrimSpace(s) == "" {
			o.errorf(v, "%s must not be empty: leave it out to use the name as written", field)
			return ""
		}
	}
	if n := utf8.RuneCountInString(s); v != nil && n > MaxName {
		o.errorf(v, "%s is %d characters; a name in the appendix is at most %d: put the rest in note", field, n, MaxName)
	}
	return s
}

// id returns the object's id, checked against IDPattern. A malformed id
// is reported but still returned, so that references to it do not give
// a second, misleading error.
func (o *object) id() (string, Pos) {
	s, v := o.required("id")
	if v == nil || strings.TrimSpace(s) == "" {
		return "", Pos{}
	}
	if !idRE.MatchString(s) {
		o.errorf(v, "id %s is not a usable id: use letters, digits and _ (with - : . inside), no spaces", quoteValue(s))
	}
	return s, o.l.pos(v)
}

// relPos names position to for a message at position at: its line in
// the same file (with the column on the same line), else file:line:col.
func relPos(at, to Pos) string {
	switch {
	case at.File != to.File:
		return to.String()
	case at.Line == to.Line:
		return "line " + itoa(to.Line) + ", column " + itoa(to.Column)
	}
	return "line " + itoa(to.Line)
}

// define registers an id of kind, reporting a duplicate. It reports
// whether the id is new.
func (l *loader) define(kind, id string, p Pos) bool {
	m := l.ids[kind]
	if m == nil {
		m = map[string]Pos{}
		l.ids[kind] = m
	}
	if first, dup := m[id]; dup {
		l.errorf(p, "", "duplicate %s id %s (the first is at %s): ids must be unique", kind, quoteValue(id), relPos(p, first))
		// And at the first, which may be the one to change: a user
		// reading only the file they are editing sees it there too.
		l.errorf(first, "", "%s id %s is given again at %s: ids must be unique", kind, quoteValue(id), relPos(first, p))
		return false
	}
	m[id] = p
	return true
}

func (o *object) boolean(field string) (val, given bool) {
	v := o.vals[field]
	if v == nil {
		return false, false
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		o.errorf(v, "%s must be true or false", field)
		return false, false
	}
	return strings.EqualFold(v.Value, "true"), true
}

func (o *object) integer(field string) int {
	v := o.vals[field]
	if v == nil {
		return 0
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.ParseInt(v.Value, 0, 32); err == nil {
			return int(n)
		}
	}
	o.errorf(v, "%s must be a whole number", field)
	return 0
}

// strings returns a list of text, as in `variants: [a, b]`.
func (o *object) strings(field, example string) []string {
	v := o.vals[field]
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		o.errorf(v, "%s must be a list, like %s", field, example)
		return nil
	}
	var out []string
	for _, it := range v.Content {
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" {
			o.errorf(it, "each item of %s must be text", field)
			continue
		}
		out = append(out, it.Value)
	}
	return out
}

// idRefs returns a list of references to objects of kind, as in
// `people: [kuchik-khan]`, to be checked once all ids are known.
func (o *object) idRefs(field, kind, example string) []string {
	v := o.vals[field]
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		o.errorf(v, "%s must be a list of %s ids, like %s", field, kind, example)
		return nil
	}
	var out []string
	for _, it := range v.Content {
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" || it.Value == "" {
			o.errorf(it, "each item of %s must be a %s id", field, kind)
			continue
		}
		out = append(out, it.Value)
		o.l.refs = append(o.l.refs, ref{kind, it.Value, o.l.pos(it), o.what})
	}
	return out
}

// enum returns a field whose value must be one of allowed ("" when
// missing).
func (o *object) enum(field string, allowed []string) string {
	s, v := o.strNode(field)
	if v == nil || s == "" {
		if v != nil {
			o.errorf(v, "%s must not be empty: use one of %s", field, strings.Join(allowed, ", "))
		}
		return ""
	}
	if slices.Contains(allowed, s) {
		return s
	}
	if sug := o.l.suggest(s, allowed); sug != "" {
		o.errorf(v, "unknown %s %s; did you mean %q?", field, quoteValue(s), sug)
	} else {
		o.errorf(v, "unknown %s %s; use one of %s", field, quoteValue(s), strings.Join(allowed, ", "))
	}
	return ""
}

// date parses an EDTF date field. ok is false when it is missing or bad.
func (o *object) date(field string, required bool) (d Date, ok bool) {
	var s string
	var v *yaml.Node
	if required {
		s, v = o.required(field)
	} else {
		s, v = o.strNode(field)
	}
	if v == nil || strings.TrimSpace(s) == "" {
		if !required && v != nil {
			o.errorf(v, "%s must not be empty", field)
		}
		return Date{}, false
	}
	d, err := ParseDate(s)
	if err != nil {
		// Point at the character ParseDate stopped at, when the value
		// is written on one line as given.
		p := o.l.pos(v)
		var de *DateError
		if errors.As(err, &de) && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !strings.ContainsAny(de.Source[:min(de.Offset, len(de.Source))], "\\\n") {
			p.Column += utf8.RuneCountInString(de.Source[:min(de.Offset, len(de.Source))])
			if v.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
				p.Column++
			}
		}
		// ParseDate's message quotes the date: `date "1920-13": ...`.
		msg := err.Error()
		if field != "date" {
			msg = field + ": " + msg
		}
		o.l.errorf(p, o.what, "%s", msg)
		return Date{}, false
	}
	return d, true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// seq returns the items of a list field, reporting anything else with the
// message given (e.g. "tracks must be a list of tracks").
func (o *object) seq(field, msg string) []*yaml.Node {
	v := o.vals[field]
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		o.errorf(v, "%s", msg)
		return nil
	}
	return v.Content
}

// document reads the top level of the file.
func (l *loader) document(root *yaml.Node) {
	n := root
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			l.errorf(Pos{l.name, 1, 1}, "", "the file is empty: a handout needs at least title, tracks and events")
			return
		}
		n = n.Content[0]
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		l.errorf(l.pos(n), "", "the file is empty: a handout needs at least title, tracks and events")
		return
	}
	o := l.mapping(n, "document", "the file", "title: ..., tracks: [...], events: [...]")
	if o == nil {
		return
	}
	d := l.doc
	d.Title, _ = o.required("title")
	d.Subtitle = o.str("subtitle")
	d.Author = o.str("author")
	d.Date = o.str("date")
	d.Paper = o.enum("paper", Papers)
	d.Language = o.str("language")
	if ibid, given := o.boolean("ibid"); given {
		d.ShortIbid = !ibid
	}
	d.Hyphenation = l.hyphenation(o)

	if v := o.vals["tracks"]; v == nil {
		o.errorf(n, "missing tracks: a handout needs at least one track")
	} else if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		o.errorf(v, "tracks is empty: a handout needs at least one track")
	}
	for i, it := range o.seq("tracks", "tracks must be a list of tracks, like [{id: gilan, title: The Gilan republic}]") {
		l.track(i, it)
	}
	slices.SortStableFunc(d.Tracks, func(a, b *Track) int { return cmp.Compare(a.Order, b.Order) })

	for i, it := range o.seq("sources", "sources must be a list of sources, like [{id: atabaki2017, type: book, title: ...}]") {
		l.source(i, it)
	}
	l.bibliography(o)

	if v := o.vals["events"]; v == nil {
		o.errorf(n, "missing events: a handout needs at least one event")
	} else if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		o.errorf(v, "events is empty: a handout needs at least one event")
	}
	evs := o.seq("events", "events must be a list of events, like [{id: x, track: t, title: ..., date: 1920}]")
	if len(evs) > MaxEvents {
		o.errorf(o.keys["events"], "%d events; a handout has at most %d: the chart's planner takes seconds per thousand events and more than this would run for minutes; split the period into several handouts", len(evs), MaxEvents)
		evs = nil
	}
	for i, it := range evs {
		l.event(i, it)
	}
	for i, it := range o.seq("people", "people must be a list of people, like [{id: kuchik-khan, name: Mirza Kuchik Khan}]") {
		if p := l.person(i, it, "person"); p != nil {
			d.People = append(d.People, p)
			if p.ID != "" && d.PersonByID[p.ID] == nil {
				d.PersonByID[p.ID] = p
			}
		}
	}
	for i, it := range o.seq("places", "places must be a list of places, like [{id: enzeli, name: Enzeli}]") {
		if p := l.person(i, it, "place"); p != nil {
			d.Places = append(d.Places, (*Place)(p))
			if p.ID != "" && d.PlaceByID[p.ID] == nil {
				d.PlaceByID[p.ID] = (*Place)(p)
			}
		}
	}
	for i, it := range o.seq("eras", "eras must be a list of eras, like [{id: x, title: ..., date: 1920/1921}]") {
		l.era(i, it)
	}
	for i, it := range o.seq("details", "details must be a list, like [{title: ..., date: 1920-04/1920-06}]") {
		l.detail(i, it)
	}
	l.narrative(o)
}

// hyphenation reads the document's hyphenation exceptions: a list of
// words, each with a hyphen at every point where it may break. A bad
// entry is reported at the character that is wrong, when the word is
// written on one line, so that a long list is quick to mend.
func (l *loader) hyphenation(o *object) []string {
	v := o.vals["hyphenation"]
	if v == nil {
		return nil
	}
	const example = "[Teh-ran, Tu-kha-chev-sky]"
	if v.Kind != yaml.SequenceNode {
		o.errorf(v, "hyphenation must be a list of words, like %s", example)
		return nil
	}
	var out []string
	first := map[string]int{} // word without hyphens, in lower case -> line
	for _, it := range v.Content {
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" {
			o.errorf(it, "hyphenation: each item must be a word, like Teh-ran")
			continue
		}
		w := it.Value
		if at, msg := badHyphenation(w); msg != "" {
			p := l.pos(it)
			if at >= 0 && it.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !strings.ContainsAny(w, "\\\n") {
				p.Column += utf8.RuneCountInString(w[:at])
				if it.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
					p.Column++
				}
			}
			l.errorf(p, "", "hyphenation: %s %s", quoteValue(w), msg)
			continue
		}
		key := strings.ToLower(strings.ReplaceAll(w, "-", ""))
		if line, dup := first[key]; dup {
			l.errorf(l.pos(it), "", "hyphenation: %s is listed twice (first at line %d): keep one", quoteValue(w), line)
			continue
		}
		first[key] = it.Line
		out = append(out, w)
	}
	return out
}

// badHyphenation says what is wrong with a hyphenation entry, and at
// which byte offset (-1 for the whole entry); "" when it is good.
func badHyphenation(w string) (int, string) {
	if strings.TrimSpace(w) == "" {
		return -1, "is empty: write the word with a hyphen where it may break, like Teh-ran"
	}
	for i, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r == '-':
			switch {
			case i == 0:
				return i, "starts with a hyphen: put hyphens only between letters"
			case i == len(w)-1:
				return i, "ends with a hyphen: put hyphens only between letters"
			case w[i+1] == '-':
				return i, "has two hyphens together: put one hyphen at each break"
			}
		case r == ' ' || r == '\t':
			return i, "has a space: list one word per item"
		case r >= '0' && r <= '9':
			return i, fmt.Sprintf("has a digit (%c): a word is letters a-z, with hyphens where it may break", r)
		case r > unicode.MaxASCII && unicode.IsLetter(r):
			return i, fmt.Sprintf("has %q: the hyphenation patterns are English, so a word with letters beyond a-z is never hyphenated; leave it out", r)
		default:
			return i, fmt.Sprintf("has %q: a word is letters a-z, with hyphens where it may break", r)
		}
	}
	return -1, ""
}

func (l *loader) track(i int, n *yaml.Node) {
	o := l.mapping(n, "track", "track "+itoa(i+1), "{id: gilan, title: The Gilan republic}")
	if o == nil {
		return
	}
	t := &Track{Pos: l.pos(n)}
	var idPos Pos
	t.ID, idPos = o.id()
	t.Title = o.label()
	t.Order = o.integer("order")
	if c, v := o.strNode("color"); v != nil {
		switch {
		case c == "":
			o.errorf(v, `color is empty: quote it, color: "#1b6b93", since # starts a comment in YAML`)
		case !colorRE.MatchString(c):
			o.errorf(v, `color %s is not a colour: write "#rrggbb", like "#1b6b93"`, quoteValue(c))
		default:
			t.Color = strings.ToLower(c)
		}
	}
	t.Pattern = o.enum("pattern", Patterns)
	l.doc.Tracks = append(l.doc.Tracks, t)
	if t.ID != "" && l.define("track", t.ID, idPos) {
		l.doc.TrackByID[t.ID] = t
	}
}

func (l *loader) source(i int, n *yaml.Node) {
	o := l.mapping(n, "source", "source "+itoa(i+1), "{id: atabaki2017, type: book, title: ...}")
	if o == nil {
		return
	}
	s := &Source{Pos: l.pos(n)}
	var idPos Pos
	s.ID, idPos = o.id()
	if t, v := o.required("type"); v != nil && strings.TrimSpace(t) != "" {
		s.Type = o.enum("type", SourceTypes)
	}
	s.Author = l.names(o, "author")
	s.Editor = l.names(o, "editor")
	s.Translator = l.names(o, "translator")
	s.Recipient = l.names(o, "recipient")
	s.Title = o.str("title")
	s.TitleShort = o.str("title-short")
	s.ContainerTitle = o.str("container-title")
	s.CollectionTitle = o.str("collection-title")
	s.Publisher = o.str("publisher")
	s.PublisherPlace = o.str("publisher-place")
	if d, ok := o.date("issued", false); ok {
		s.Issued = &d
	}
	if d, ok := o.date("accessed", false); ok {
		s.Accessed = &d
	}
	s.URL = o.str("URL")
	s.DOI = o.str("DOI")
	s.Archive = o.str("archive")
	s.ArchiveLocation = o.str("archive_location")
	s.ArchivePlace = o.str("archive-place")
	s.Page = o.str("page")
	s.Volume = o.str("volume")
	s.Issue = o.str("issue")
	s.Edition = o.str("edition")
	s.Genre = o.str("genre")
	s.Medium = o.str("medium")
	s.EventPlace = o.str("event-place")
	s.Note = o.str("note")
	s.Language = o.str("language")
	l.addSource(s, idPos)
}

func (l *loader) addSource(s *Source, idPos Pos) {
	l.doc.Sources = append(l.doc.Sources, s)
	if s.ID != "" && l.define("source", s.ID, idPos) {
		l.doc.SourceByID[s.ID] = s
	}
}

// names reads a list of CSL names (author, editor, ...).
func (l *loader) names(o *object, field string) []Name {
	const example = "[{family: Atabaki, given: Touraj}] or [{literal: Wilson Center}]"
	var out []Name
	for i, it := range o.seq(field, field+" must be a list of names, like "+example) {
		no := l.mapping(it, "name", o.what+": "+field+" "+itoa(i+1), "{family: Atabaki, given: Touraj}")
		if no == nil {
			continue
		}
		nm := Name{Family: no.str("family"), Given: no.str("given"), Literal: no.str("literal")}
		switch {
		case nm.Literal != "" && (nm.Family != "" || nm.Given != ""):
			no.errorf(it, "a name is either literal or family and given, not both")
		case nm.Literal == "" && nm.Family == "":
			no.errorf(it, "a name needs family (and given), or literal for an institution")
		}
		out = append(out, nm)
	}
	return out
}

func (l *loader) event(i int, n *yaml.Node) {
	o := l.mapping(n, "event", "event "+itoa(i+1), "{id: x, track: t, title: ..., date: 1920}")
	if o == nil {
		return
	}
	e := &Event{Pos: l.pos(n)}
	var idPos Pos
	e.ID, idPos = o.id()
	if tr, v := o.required("track"); v != nil && tr != "" {
		e.Track = tr
		l.refs = append(l.refs, ref{"track", tr, l.pos(v), o.what})
	}
	e.Title = o.label()
	e.TitleShort = o.str("title-short")
	var date *Date
	if d, ok := o.date("date", true); ok {
		e.Date, date = d, &d
	}
	e.Summary = o.str("summary")
	e.People = o.idRefs("people", "person", "[kuchik-khan]")
	e.Places = o.idRefs("places", "place", "[enzeli]")
	e.Context, _ = o.boolean("context")
	e.Milestone, _ = o.boolean("milestone")
	e.Cite = l.cites(o)
	for j, it := range o.seq("versions", "versions must be a list, like [{end: 1921-09, source: atabaki2017}]") {
		if v := l.version(o, date, j, it); v != nil {
			e.Versions = append(e.Versions, *v)
		}
	}
	for j, it := range o.seq("related", "related must be a list, like [{event: baku-falls, kind: follows}]") {
		ro := l.mapping(it, "relation", o.what+": related "+itoa(j+1), "{event: baku-falls, kind: follows}")
		if ro == nil {
			continue
		}
		r := Relation{Pos: l.pos(it), Kind: "related"}
		if id, v := ro.required("event"); v != nil && id != "" {
			r.Event = id
			if id == e.ID {
				ro.errorf(v, "an event cannot be related to itself")
			} else {
				l.refs = append(l.refs, ref{"event", id, l.pos(v), ro.what})
			}
		}
		if k := ro.enum("kind", RelationKinds); k != "" {
			r.Kind = k
		}
		e.Related = append(e.Related, r)
	}
	l.doc.Events = append(l.doc.Events, e)
	if e.ID != "" && l.define("event", e.ID, idPos) {
		l.doc.EventByID[e.ID] = e
	}
}

// cites reads a `cite:` list: each item a mapping {source, locator,
// prefix, suffix}, or a string "id" or "id, locator".
func (l *loader) cites(o *object) []Cite {
	var out []Cite
	items := o.seq("cite", `cite must be a list, like [atabaki2017] or ["atabaki2017, para. 3"]`)
	for j, it := range items {
		what := o.what + ": cite " + itoa(j+1)
		c := Cite{Pos: l.pos(it)}
		switch it.Kind {
		case yaml.ScalarNode:
			id, loc, _ := strings.Cut(it.Value, ",")
			c.Source, c.Locator = strings.TrimSpace(id), strings.TrimSpace(loc)
			switch {
			case it.Tag == "!!null" || c.Source == "":
				l.errorf(c.Pos, what, "empty citation: give a source id")
				continue
			case !idRE.MatchString(c.Source) && j > 0 && items[j-1].Kind == yaml.ScalarNode:
				// [atabaki2017, para. 4] is a list of two items in
				// YAML, not one citation with a locator.
				prev, _, _ := strings.Cut(items[j-1].Value, ",")
				l.errorf(c.Pos, what, "%s is not a source id; to give a locator, quote the id and locator as one item: %s", quoteValue(c.Source), quoteValue(strings.TrimSpace(prev)+", "+it.Value))
				continue
			}
		case yaml.MappingNode:
			co := l.mapping(it, "cite", what, "")
			id, v := co.required("source")
			c.Source = id
			c.Locator = co.str("locator")
			c.Prefix = co.str("prefix")
			c.Suffix = co.str("suffix")
			if v == nil || id == "" {
				continue
			}
			l.refs = append(l.refs, ref{"source", c.Source, l.pos(v), what})
			out = append(out, c)
			continue
		default:
			l.errorf(c.Pos, what, `a citation is a source id, "id, locator", or {source: id, locator: ...}`)
			continue
		}
		l.refs = append(l.refs, ref{"source", c.Source, c.Pos, what})
		out = append(out, c)
	}
	return out
}

// version reads one version of an event whose date is date (nil when it
// is missing or bad).
func (l *loader) version(eo *object, date *Date, j int, n *yaml.Node) *Version {
	o := l.mapping(n, "version", eo.what+": version "+itoa(j+1), "{end: 1921-09, source: atabaki2017}")
	if o == nil {
		return nil
	}
	v := &Version{Pos: l.pos(n)}
	if id, sv := o.required("source"); sv != nil && id != "" {
		v.Source = id
		l.refs = append(l.refs, ref{"source", id, l.pos(sv), o.what})
	}
	v.Locator = o.str("locator")
	v.Note = o.str("note")
	if d, ok := o.date("date", false); ok {
		v.Date = &d
	}
	v.Start = l.point(o, "start")
	v.End = l.point(o, "end")
	if date != nil {
		checkVariantEnds(o, date, v)
	}
	field, fv := o.strNode("field")
	if fv != nil && field != "" && !slices.Contains(VersionFields, field) {
		// Not o.enum: "unknown field" would read as a misspelt key.
		if sug := l.suggest(field, VersionFields); sug != "" {
			o.errorf(fv, "a version cannot vary %s; did you mean %q?", quoteValue(field), sug)
		} else {
			o.errorf(fv, "a version cannot vary %s; it can vary %s", quoteValue(field), strings.Join(VersionFields, ", "))
		}
		field = ""
	}
	value, vv := o.strNode("value")
	hasDate := o.vals["date"] != nil || o.vals["start"] != nil || o.vals["end"] != nil
	hasValue := vv != nil
	switch {
	case !hasDate && !hasValue && fv == nil:
		o.errorf(n, "a version needs a variant date (date, start or end) or a variant of another field (field and value)")
	case hasDate && hasValue:
		o.errorf(vv, "a version is a variant date or a variant of another field, not both: drop value or the date")
	case o.vals["date"] != nil && (o.vals["start"] != nil || o.vals["end"] != nil):
		o.errorf(n, "give a whole variant date (date) or a variant of its ends (start, end), not both")
	case hasDate && field != "" && field != "date":
		o.errorf(fv, "field %q takes a value, not a date: write value instead", field)
	case hasValue && fv == nil:
		o.errorf(vv, "value needs field: which field of the event does this version vary?")
	case fv != nil && field == "date" && !hasDate:
		o.errorf(fv, "a variant date goes in date, start or end")
	case fv != nil && field != "" && field != "date" && !hasValue:
		o.errorf(fv, "field %q needs a value: the variant this source gives", field)
	}
	if hasDate && field == "" {
		field = "date"
	}
	v.Field, v.Value = field, value
	return v
}

// point parses a variant start or end: a single EDTF date.
func (l *loader) point(o *object, field string) *Point {
	d, ok := o.date(field, false)
	if !ok {
		return nil
	}
	if d.Interval {
		o.errorf(o.vals[field], "%s must be a single date, not an interval", field)
		return nil
	}
	return &d.Start
}

// person reads a person or a place, which have the same fields (a *Place
// converts from the *Person returned).
func (l *loader) person(i int, n *yaml.Node, kind string) *Person {
	o := l.mapping(n, kind, kind+" "+itoa(i+1), "{id: enzeli, name: Enzeli}")
	if o == nil {
		return nil
	}
	p := &Person{Pos: l.pos(n)}
	var idPos Pos
	p.ID, idPos = o.id()
	p.Name = o.name("name", true)
	p.Index = o.name("index", false)
	p.Variants = o.strings("variants", "[Kuchak Khan, Kuchuk Khan]")
	p.Native = o.str("native")
	p.Note = o.str("note")
	if p.ID != "" {
		// A duplicate is reported here; the lookup map keeps the first.
		l.define(kind, p.ID, idPos)
	}
	return p
}

func (l *loader) era(i int, n *yaml.Node) {
	o := l.mapping(n, "era", "era "+itoa(i+1), "{id: x, title: ..., date: 1920/1921}")
	if o == nil {
		return
	}
	e := &Era{Pos: l.pos(n)}
	var idPos Pos
	e.ID, idPos = o.id()
	e.Title = o.label()
	if d, ok := o.date("date", true); ok {
		e.Date = d
	}
	e.Cite = l.cites(o)
	if e.ID != "" {
		l.define("era", e.ID, idPos)
	}
	l.doc.Eras = append(l.doc.Eras, e)
}

func (l *loader) detail(i int, n *yaml.Node) {
	o := l.mapping(n, "detail", "detail "+itoa(i+1), "{title: ..., date: 1920-04/1920-06}")
	if o == nil {
		return
	}
	dt := &Detail{Pos: l.pos(n)}
	dt.Title = o.label()
	if d, ok := o.date("date", true); ok {
		_, _, firstOK, lastOK := d.Span()
		if !d.Interval || !firstOK || !lastOK {
			o.errorf(o.vals["date"], "a detail's date must be an interval with both ends, like 1920-04/1920-06")
		}
		dt.Date = d
	}
	l.doc.Details = append(l.doc.Details, dt)
}

// bibliography reads the bibliography files the handout names; their
// sources join the handout's own.
func (l *loader) bibliography(o *object) {
	v := o.vals["bibliography"]
	if v == nil {
		return
	}
	var items []*yaml.Node
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag != "!!null":
		items = []*yaml.Node{v}
	case v.Kind == yaml.SequenceNode:
		items = v.Content
	default:
		o.errorf(v, "bibliography must be a file name, like refs.json, or a list of them")
		return
	}
	for _, it := range items {
		if it.Kind != yaml.ScalarNode || it.Value == "" {
			o.errorf(it, "each bibliography must be a file name, like refs.json or refs.bib")
			continue
		}
		var parse func(string, []byte) (*library, error)
		switch strings.ToLower(path.Ext(it.Value)) {
		case ".json":
			parse = parseCSLJSON
		case ".bib":
			parse = parseBibTeX
		default:
			o.errorf(it, "bibliography %s: use a CSL-JSON file (.json) or a BibTeX file (.bib)", quoteValue(it.Value))
			continue
		}
		name, data, ok := l.readFile(it, "bibliography", false)
		if !ok {
			continue
		}
		what := "bibliography " + quoteValue(it.Value)
		lib, err := parse(name, data)
		if err != nil {
			l.foreign(err, l.pos(it), what, &l.errs)
			continue
		}
		// Someone else's data: what is wrong in an entry is a warning,
		// and an error only at a citation of an entry left out (unusable).
		for _, w := range lib.warnings {
			l.foreign(w, l.pos(it), what, (*ErrorList)(&l.warns))
		}
		for key, p := range lib.bad {
			if l.badSources == nil {
				l.badSources = map[string]Pos{}
				l.badWhy = map[string][]error{}
			}
			if _, ok := l.badSources[key]; !ok {
				l.badSources[key] = p
				l.badWhy[key] = lib.why[key]
			}
		}
		if l.bibSources == nil {
			l.bibSources = map[*Source]bool{}
		}
		for _, s := range lib.sources {
			// Two bibliography files with one key, often one entry in a
			// shared library and a course's own: the first read is used,
			// as within one file, and both places are told.
			if first, dup := l.bibKeys[s.ID]; dup {
				l.warnf(s.Pos, "", "duplicate key %s (also at %s): the first read is used", quoteValue(s.ID), relPos(s.Pos, first))
				l.warnf(first, "", "key %s is given again at %s: this one is used", quoteValue(s.ID), relPos(first, s.Pos))
				continue
			}
			if l.bibKeys == nil {
				l.bibKeys = map[string]Pos{}
			}
			l.bibKeys[s.ID] = s.Pos
			l.bibSources[s] = true
			l.addSource(s, s.Pos)
		}
	}
}

var posPrefixRE = regexp.MustCompile(`^(.+):([0-9]+):([0-9]+): (.*)$`)

// foreign adds to list the problems another parser of this package found
// (the bibliography readers): an ErrorList, an *Error, errors joined with
// errors.Join, or errors whose text starts file:line:col. Anything else is
// placed at pos, the name of the file in the YAML, prefixed with what.
func (l *loader) foreign(err error, pos Pos, what string, list *ErrorList) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.foreign(e, pos, what, list)
		}
		return
	}
	var el ErrorList
	var one *Error
	switch {
	case errors.As(err, &el):
		*list = append(*list, el...)
		return
	case errors.As(err, &one):
		*list = append(*list, one)
		return
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if m := posPrefixRE.FindStringSubmatch(line); m != nil {
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			*list = append(*list, &Error{Pos: Pos{m[1], ln, col}, Msg: m[4]})
		} else if line != "" {
			*list = append(*list, &Error{Pos: pos, Msg: what + ": " + line})
		}
	}
}

// readFile reads a file the handout names in node n (narrative,
// bibliography), relative to the handout's folder. name is the file's
// name for messages, joined to the handout's folder. With badTextOK, a
// file with bad characters is still returned, to be checked further.
func (l *loader) readFile(n *yaml.Node, what string, badTextOK bool) (name string, data []byte, ok bool) {
	rel := n.Value
	name = filepath.Join(filepath.Dir(l.name), filepath.FromSlash(rel))
	p := l.pos(n)
	if !fs.ValidPath(rel) {
		l.errorf(p, "", "%s %s: name a file in the handout's folder or below it, with / between folders", what, quoteValue(rel))
		return "", nil, false
	}
	if l.fsys == nil {
		l.errorf(p, "", "%s %s: no folder was given to read files from", what, quoteValue(rel))
		return "", nil, false
	}
	// Stat before opening: opening a FIFO blocks until someone writes to
	// it, and a device such as /dev/zero never ends. Only a regular file
	// has a size to check and an end to reach.
	fi, err := fs.Stat(l.fsys, rel)
	if err != nil {
		l.errorf(p, "", "%s %s: %s", what, quoteValue(rel), fileErr(err))
		return "", nil, false
	}
	if !fi.Mode().IsRegular() {
		l.errorf(p, "", "%s %s is %s, not a file; name a regular file", what, quoteValue(rel), fileKind(fi.Mode()))
		return "", nil, false
	}
	if fi.Size() > MaxFileSize {
		l.errorf(p, "", "%s %s is %d bytes; the limit is 16 MiB (%d bytes)", what, quoteValue(rel), fi.Size(), MaxFileSize)
		return "", nil, false
	}
	data, err = readLimited(l.fsys, rel, MaxFileSize)
	if err != nil {
		l.errorf(p, "", "%s %s: %s", what, quoteValue(rel), fileErr(err))
		return "", nil, false
	}
	if len(data) > MaxFileSize {
		// It grew between the stat and the read.
		l.errorf(p, "", "%s %s is more than 16 MiB (%d bytes), the limit", what, quoteValue(rel), MaxFileSize)
		return "", nil, false
	}
	l.doc.Files = append(l.doc.Files, InputFile{Path: rel, Pos: p})
	// Some Windows editors start UTF-8 files with a byte order mark; it
	// is no text, and left in it would be printed and would hide the
	// narrative's first heading. Positions count from after it, as
	// editors do.
	data = bytes.TrimPrefix(data, utf8BOM)
	if !l.checkText(Pos{name, 1, 1}, data) && !badTextOK {
		return "", nil, false
	}
	return name, data, true
}

// readLimited reads at most limit+1 bytes of the named file, so that a
// file that grows while it is read is caught without reading it all.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// fileErr words a file system error for a message that names the file
// itself.
func fileErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// narrative reads the narrative: a file name (one word ending .md, or
// holding a /), or the Markdown itself.
func (l *loader) narrative(o *object) {
	v := o.vals["narrative"]
	if v == nil {
		return
	}
	if v.Kind != yaml.ScalarNode {
		o.errorf(v, "narrative must be a file name, like narrative.md, or Markdown text in a block (narrative: |)")
		return
	}
	d := l.doc
	if looksLikeFileName(v.Value) {
		name, data, ok := l.readFile(v, "narrative", true)
		if !ok {
			return
		}
		d.Narrative = string(data)
		d.NarrativePos = Pos{name, 1, 1}
		return
	}
	d.Narrative = v.Value
	d.NarrativePos = l.pos(v)
	switch {
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && l.onItsLine(v, 1):
		// Quoted on one line with nothing escaped: the text starts
		// after the quote.
		d.NarrativePos.Column++
	case v.Style&(yaml.FoldedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 ||
		(v.Style&yaml.LiteralStyle == 0 && !l.onItsLine(v, 0)):
		// Folded, quoted with escapes or over lines, or plain over
		// several lines: YAML joined lines or undid escapes, so an
		// offset in the text is no place in the file. Its problems are
		// said at the value.
		d.NarrativeInexact = true
	case v.Style&yaml.LiteralStyle != 0:
		// A block scalar starts on the line after its indicator, at its
		// indentation.
		d.NarrativePos.Line++
		d.NarrativePos.Column = 1
		if text, ok := l.lineAfter(v.Line); ok {
			d.NarrativePos.Column = len(text) - len(strings.TrimLeft(text, " ")) + 1
		}
	}
}

// onItsLine reports whether a scalar's value is written as it is on its
// own line of the file, skip bytes (a quote) after where the node starts:
// not folded from several lines, nothing escaped.
func (l *loader) onItsLine(v *yaml.Node, skip int) bool {
	text, ok := lineOf(l.data, v.Line)
	if !ok || v.Column < 1 || v.Column > len(text)+1 {
		return false
	}
	// Columns count runes; find the byte where the value starts.
	i, col := 0, 1
	for i < len(text) && col < v.Column {
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
		col++
	}
	if i+skip > len(text) {
		return false
	}
	return strings.HasPrefix(text[i+skip:], v.Value)
}

// looksLikeFileName reports whether a narrative: value names a file
// rather than being the Markdown itself: one word with no spaces that
// ends in a text file's extension or holds a path separator. Taken as
// Markdown, "/dev/zero" or "notes/intro.md" would be printed as a
// one-line narrative, which no one means.
func looksLikeFileName(v string) bool {
	if v == "" || strings.ContainsAny(v, " \t\n") {
		return false
	}
	switch strings.ToLower(path.Ext(v)) {
	case ".md", ".markdown", ".txt", ".text":
		return true
	}
	return strings.Contains(v, "/")
}

// lineAfter returns the first line after line n that is not blank.
func (l *loader) lineAfter(n int) (string, bool) {
	data := l.data
	for i := 1; len(data) > 0; i++ {
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		if i > n && len(bytes.TrimSpace(line)) > 0 {
			return string(line), true
		}
		data = rest
	}
	return "", false
}
