package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseCSLJSON reads a bibliography in CSL-JSON, as Zotero and Better
// BibTeX export it: an array of items with "id", "type", names
// ("author": [{"family", "given"} or {"literal"}]), dates ("issued":
// {"date-parts": [[2017, 7, 27]]} or {"raw": "..."}) and the other CSL
// variables.
//
// A bibliography file is someone else's data, shared among handouts, so
// a problem in an item is a warning, as name:line:col: message, and
// never stops the others: each item is read on its own, so even a syntax
// error loses only the item it is in. An item with a problem it cannot
// get past (no key, names that are not names) is left out; one with a
// date that is not EDTF, or a value of the wrong kind, keeps what could
// be read of it. Only a file that is not a JSON array at all is an
// error.
//
// An item's key (the source id cited as [@key]) is its "citation-key"
// (CSL 1.0.2; Better BibTeX and Zotero 7 export the key the author types
// there) when that is not empty, and its "id" otherwise. An item with a
// citation key is known by that key alone: its id, often a URI or a
// number that Zotero made up, is not a second key, so that one item's id
// can never be taken for another's key, and a duplicate is always one
// key given twice.
//
// Fields that are not CSL 1.0.2 variables are ignored; one a letter or
// two from a variable Annalist prints is a warning, so that a typo does
// not silently lose a field.
func ParseCSLJSON(name string, data []byte) (sources []*Source, warnings []error, err error) {
	lib, err := parseCSLJSON(name, data)
	if err != nil {
		return nil, nil, err
	}
	return lib.sources, lib.warnings, nil
}

// parseCSLJSON is ParseCSLJSON, with the keys of the items left out.
func parseCSLJSON(name string, data []byte) (*library, error) {
	data = bytes.TrimPrefix(data, utf8BOM) // as the loader does: a BOM is no text
	lines := newLineIndex(name, data)
	items, warns, err := jsonItems(lines, data)
	if err != nil {
		return nil, err
	}
	lib := &library{warnings: warns}
	seen := map[string]Pos{}
	sug := &suggester{budget: suggestBudget}
	for i, it := range items {
		raw := data[it[0]:it[1]]
		start := it[0]
		var v json.RawMessage
		if err := json.Unmarshal(raw, &v); err != nil {
			off, msg := start, strings.TrimPrefix(err.Error(), "json: ")
			var se *json.SyntaxError
			if errors.As(err, &se) {
				off = start + int(se.Offset) - 1
				if strings.Contains(msg, "end of JSON input") {
					off, msg = it[1], "unexpected end of the item"
				}
			}
			err := lines.errorf(off, "invalid JSON: %s; item %d is left out", msg, i+1)
			lib.warnings = append(lib.warnings, err)
			if key := brokenItemKey(raw); key != "" {
				lib.markBad(key, lines.pos(start), err)
			}
			continue
		}
		s, keyOff, warns, why := parseCSLItem(lines, sug, raw, start, i+1)
		lib.warnings = append(lib.warnings, warns...)
		if s == nil || s.ID == "" {
			continue
		}
		// Both at the field that gives the key: "citation-key" or "id".
		if p, dup := seen[s.ID]; dup {
			lib.warnings = append(lib.warnings, lines.errorf(start+keyOff, "duplicate key %q (first at %d:%d); this item is left out", s.ID, p.Line, p.Column))
			continue
		}
		seen[s.ID] = lines.pos(start + keyOff)
		if why == nil {
			lib.sources = append(lib.sources, s)
		} else {
			lib.markBad(s.ID, s.Pos, why...)
		}
	}
	lib.sortWarnings()
	return lib, nil
}

// jsonItems splits the top-level array of data into its items' byte
// ranges, following strings and nesting but not parsing the items, so
// that a syntax error in one item loses only that item. An item ends at
// a ',' or ']' outside any string, object or array, or where another
// item begins after it without a comma (a warning). Only data that is no
// array at all is an error.
func jsonItems(lines *lineIndex, data []byte) (items [][2]int, warns []error, err error) {
	ws := func(i int) int {
		for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
			i++
		}
		return i
	}
	i := ws(0)
	if i >= len(data) || data[i] != '[' {
		return nil, nil, lines.errorf(i, "CSL-JSON must be an array of items, [{...}, {...}]")
	}
	open := i
	i++
	for {
		i = ws(i)
		if i >= len(data) {
			warns = append(warns, lines.errorf(len(data), "invalid JSON: the array opened at %s is not closed with ']'", lines.pos(open)))
			return items, warns, nil
		}
		if data[i] == ']' {
			if j := ws(i + 1); j < len(data) {
				warns = append(warns, lines.errorf(j, "invalid JSON: text after the array's closing ']' is ignored"))
			}
			return items, warns, nil
		}
		start := i
		depth, inStr := 0, false
	scan:
		for ; i < len(data); i++ {
			c := data[i]
			if inStr {
				switch c {
				case '\\':
					i++
				case '"':
					inStr = false
				}
				continue
			}
			switch c {
			case '"':
				inStr = true
			case '{', '[':
				depth++
			case '}', ']':
				if depth == 0 {
					if c == ']' {
						break scan // the array's own ']'
					}
					continue // a stray '}': part of this (broken) item
				}
				depth--
				if depth == 0 {
					if j := ws(i + 1); j < len(data) && data[j] != ',' && data[j] != ']' {
						warns = append(warns, lines.errorf(j, "invalid JSON: expected ',' between items"))
						i++
						break scan
					}
				}
			case ',':
				if depth == 0 {
					break scan
				}
			}
		}
		// A backslash as the last byte skips past the end: stop there.
		i = min(i, len(data))
		end := i
		for end > start && (data[end-1] == ' ' || data[end-1] == '\t' || data[end-1] == '\n' || data[end-1] == '\r') {
			end--
		}
		if end > start {
			items = append(items, [2]int{start, end})
		} else if i < len(data) && data[i] == ',' {
			warns = append(warns, lines.errorf(i, "invalid JSON: an empty item"))
		}
		if i < len(data) && data[i] == ',' {
			i++
		} else if i == start && i < len(data) && data[i] != ']' {
			i++ // never stand still: the scan must reach the end
		}
	}
}

// brokenKeyRE finds the key of an item that is not valid JSON, so that a
// citation of it can be told where it is.
var brokenKeyRE = regexp.MustCompile(`"(citation-key|id)"\s*:\s*"([^"\\]+)"`)

func brokenItemKey(raw []byte) string {
	key := ""
	for _, m := range brokenKeyRE.FindAllSubmatch(raw, -1) {
		if string(m[1]) == "citation-key" {
			return string(m[2])
		}
		if key == "" {
			key = string(m[2])
		}
	}
	return key
}

// cslTypes are the item types of CSL 1.0.2.
var cslTypes = setOf(`article article-journal article-magazine article-newspaper bill book broadcast
	chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event letter
	figure graphic hearing interview legal_case legislation manuscript map motion_picture
	musical_score pamphlet paper-conference patent performance periodical personal_communication
	post post-weblog regulation report review review-book software song speech standard thesis
	treaty webpage`)

// cslIgnored are CSL variables (and common exporter extras) that are valid
// but not printed in Chicago notes.
var cslIgnored = setOf(`abstract annote authority call-number chapter-number citation-key
	citation-label citation-number container-title-short dimensions division
	event event-title first-reference-note-number ISBN ISSN jurisdiction keyword locator
	number-of-pages original-title
	page-first part part-title PMCID PMID printing references reviewed-genre reviewed-title scale
	section source status supplement version volume-title year-suffix archive_collection
	journalAbbreviation shortTitle categories custom system_id citation-key
	chair collection-editor compiler composer container-author contributor curator
	editorial-director executive-producer guest host illustrator interviewer narrator organizer
	original-author performer producer reviewed-author script-writer series-creator editor-translator
	available-date event-date submitted license printing-number supplement-number
	volume-title-short`)

// cslKnown are the CSL variables Annalist prints.
var cslKnown = setOf(`id type author editor translator recipient title title-short container-title
	collection-title publisher publisher-place issued accessed URL DOI archive archive_location
	archive-place page volume issue edition genre medium event-place note language original-date
	director number collection-number number-of-volumes original-publisher original-publisher-place
	part-number`)

// cslPrinted are the variables Annalist prints, sorted, to suggest the
// nearest for a misspelt one: in a fixed order, so that of two equally
// near names the same one is always suggested.
var cslPrinted = func() []string {
	var all []string
	for k := range cslKnown {
		all = append(all, k)
	}
	slices.Sort(all)
	return all
}()

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// parseCSLItem reads one item that starts at byte offset start of the
// file; n is its 1-based index, for messages about items without a key.
// keyOff is the offset, within the item, of the field its key is from.
// warns are its problems, and why those that leave it out, if any.
func parseCSLItem(lines *lineIndex, sug *suggester, raw []byte, start, n int) (s *Source, keyOff int, warns, why []error) {
	fields, err := objectFields(raw)
	if err != nil {
		err := lines.errorf(start, "item %d is not a JSON object; it is left out", n)
		return nil, 0, []error{err}, []error{err}
	}
	var errs []error // the problems that leave it out
	s = &Source{Pos: lines.pos(start)}
	what := "item " + itoa(n)
	if f, ok := fields["id"]; ok {
		// Named by its id until a citation key names it.
		if id, ok := jsonScalar(f.raw); ok && id != "" {
			what = "item " + strconv.Quote(id)
		}
	}
	ck, hasKey := fields["citation-key"]
	if hasKey {
		var key string
		ok := json.Unmarshal(ck.raw, &key) == nil // a string, not a number (CSL 1.0.2)
		if !ok {
			errs = append(errs, lines.errorf(start+ck.off, "%s: \"citation-key\" must be a string", what))
		} else if key = strings.TrimSpace(key); key != "" {
			s.ID, keyOff = key, ck.off
			what = "item " + strconv.Quote(key)
		}
	}
	switch f, ok := fields["id"]; {
	case s.ID != "":
		// Known by its citation key; the id is not read.
	case ok:
		id, ok := jsonScalar(f.raw)
		if !ok || id == "" {
			errs = append(errs, lines.errorf(start+f.off, "%s: \"id\" must be a string or number", what))
		} else {
			s.ID, keyOff = id, f.off
			what = "item " + strconv.Quote(id)
		}
	case hasKey:
		errs = append(errs, lines.errorf(start+ck.off, "%s: \"citation-key\" is empty and there is no \"id\": give either", what))
	default:
		errs = append(errs, lines.errorf(start, "%s has no \"id\"", what))
	}
	fail := func(f field, format string, args ...any) {
		errs = append(errs, lines.errorf(start+f.off, "%s: "+format+"; the item is left out", append([]any{what}, args...)...))
	}
	warn := func(f field, format string, args ...any) {
		warns = append(warns, lines.errorf(start+f.off, "%s: "+format, append([]any{what}, args...)...))
	}
	str := func(key string, dst *string) {
		f, ok := fields[key]
		if !ok {
			return
		}
		v, ok := jsonScalar(f.raw)
		if !ok {
			if string(f.raw) != "null" {
				warn(f, "%q must be a string; it is ignored", key)
			}
			return
		}
		*dst = strings.TrimSpace(v)
	}
	names := func(key string, dst *[]Name) {
		f, ok := fields[key]
		if !ok {
			return
		}
		ns, msg := cslNames(f.raw)
		if msg != "" {
			fail(f, "%q: %s", key, msg)
			return
		}
		*dst = ns
	}
	date := func(key string, dst **Date) {
		f, ok := fields[key]
		if !ok {
			return
		}
		d, orig, read, msg := cslDate(f.raw)
		if msg != "" {
			warn(f, "%q: %s; printed without it", key, msg)
			return
		}
		if read != "" {
			warn(f, "%q: %s", key, read)
		}
		*dst = d
		if orig != nil && s.Original == nil {
			s.Original = orig
		}
	}

	if f, ok := fields["type"]; ok {
		str("type", &s.Type)
		if s.Type != "" && !cslTypes[s.Type] {
			warn(f, "%q is no CSL type; read as a document", s.Type)
			s.Type = "document"
		}
	} else {
		warns = append(warns, lines.errorf(start, "%s has no \"type\"; read as a document", what))
	}
	if s.Type == "" {
		s.Type = "document"
	}
	names("author", &s.Author)
	names("editor", &s.Editor)
	names("translator", &s.Translator)
	names("recipient", &s.Recipient)
	names("director", &s.Director)
	str("title", &s.Title)
	// A volume with a title of its own: CSL's title is then the whole
	// work's.
	var vt string
	str("volume-title", &vt)
	if vt != "" && vt != s.Title {
		s.MainTitle, s.Title = s.Title, vt
	}
	str("title-short", &s.TitleShort)
	if s.TitleShort == "" {
		str("shortTitle", &s.TitleShort)
	}
	str("container-title", &s.ContainerTitle)
	str("collection-title", &s.CollectionTitle)
	str("publisher", &s.Publisher)
	str("publisher-place", &s.PublisherPlace)
	str("original-publisher", &s.OriginalPublisher)
	str("original-publisher-place", &s.OriginalPlace)
	date("issued", &s.Issued)
	date("original-date", &s.Original)
	date("accessed", &s.Accessed)
	str("URL", &s.URL)
	str("DOI", &s.DOI)
	str("archive", &s.Archive)
	str("archive_location", &s.ArchiveLocation)
	str("archive-place", &s.ArchivePlace)
	str("page", &s.Page)
	str("number", &s.Number)
	str("collection-number", &s.CollectionNumber)
	str("number-of-volumes", &s.Volumes)
	str("part-number", &s.Part)
	str("volume", &s.Volume)
	str("issue", &s.Issue)
	str("edition", &s.Edition)
	str("genre", &s.Genre)
	str("medium", &s.Medium)
	str("event-place", &s.EventPlace)
	str("note", &s.Note)
	str("language", &s.Language)

	// Rich text (<i>, <b>, nocase spans) in the titles.
	for _, t := range []*string{&s.Title, &s.TitleShort, &s.ContainerTitle, &s.CollectionTitle, &s.MainTitle} {
		var keep []string
		*t, keep = cslRichText(*t)
		for _, w := range keep {
			if !slices.Contains(s.KeepCase, w) {
				s.KeepCase = append(s.KeepCase, w)
			}
		}
	}
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return fields[keys[i]].off < fields[keys[j]].off })
	for _, k := range keys {
		// Exporters add fields of their own; only what looks like a
		// misspelt printed variable is worth a word.
		if !cslKnown[k] && !cslIgnored[k] {
			if near := sug.suggest(k, cslPrinted); near != "" {
				warn(fields[k], "field %q is no CSL variable and is ignored; did you mean %q?", k, near)
			}
		}
	}
	warns = append(warns, errs...)
	return s, keyOff, warns, errs
}

// field is a JSON object member: its raw value and the byte offset of the
// key within the object.
type field struct {
	raw json.RawMessage
	off int
}

// objectFields splits a JSON object into its members, keeping where each
// key starts, so that errors can point at the field.
func objectFields(raw []byte) (map[string]field, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("not an object")
	}
	out := map[string]field{}
	for dec.More() {
		off := skipSpace(raw, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out[key] = field{raw: v, off: off}
	}
	return out, nil
}

// jsonScalar reads a string or a number as text (CSL allows numbers for
// "volume", "issue", "page" and for ids).
func jsonScalar(raw []byte) (string, bool) {
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if d.Decode(&v) != nil {
		return "", false
	}
	switch v := v.(type) {
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	}
	return "", false
}

// cslNames reads a list of CSL names. A particle joins the family name
// ("non-dropping-particle": "de" + "Gaulle" → "de Gaulle") or the given
// name (a dropping particle, "Ludwig van"); a suffix follows the family
// name.
func cslNames(raw []byte) ([]Name, string) {
	var list []map[string]any
	if json.Unmarshal(raw, &list) != nil {
		return nil, "must be a list of names ({\"family\", \"given\"} or {\"literal\"})"
	}
	var out []Name
	for i, m := range list {
		get := func(k string) string {
			s, _ := m[k].(string)
			return strings.TrimSpace(s)
		}
		for k, v := range m {
			if _, ok := v.(string); !ok && k != "parse-names" && k != "comma-suffix" && k != "static-ordering" {
				return nil, fmt.Sprintf("name %d: %q must be a string", i+1, k)
			}
		}
		n := Name{Family: get("family"), Given: get("given"), Literal: get("literal")}
		if p := get("non-dropping-particle"); p != "" && n.Family != "" {
			n.Family = p + " " + n.Family
		}
		if p := get("dropping-particle"); p != "" {
			n.Given = strings.TrimSpace(n.Given + " " + p)
		}
		if sfx := get("suffix"); sfx != "" && n.Family != "" {
			n.Family += " " + sfx
		}
		if n.Family == "" && n.Given == "" && n.Literal == "" {
			return nil, fmt.Sprintf("name %d has no family, given or literal name", i+1)
		}
		out = append(out, n)
	}
	return out, ""
}

// cslDate reads a CSL date: "date-parts" (one part, or two for a range),
// with "season" and "circa", or else "raw"/"literal" text in EDTF. The
// result is built by ParseDate from an EDTF string, so it is exactly what
// the same date written in YAML gives. Text that is not EDTF is read as
// looseDate reads it, and read then says how, for a warning; orig is a
// first-publication date read with it ("2004 [1875]").
func cslDate(raw []byte) (d0 *Date, orig *Date, read, msg string) {
	var d struct {
		DateParts [][]any `json:"date-parts"`
		Season    any     `json:"season"`
		Circa     any     `json:"circa"`
		Raw       string  `json:"raw"`
		Literal   string  `json:"literal"`
	}
	if json.Unmarshal(raw, &d) != nil {
		// Some exporters write a bare EDTF string.
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, nil, "", "must be a date object ({\"date-parts\": [[2017, 7, 27]]} or {\"raw\": \"2017-07-27\"})"
		}
		d.Raw = s
	}
	var edtf string
	switch {
	case len(d.DateParts) > 0:
		var ends []string
		for i, parts := range d.DateParts {
			if i == 1 && len(parts) == 1 && fmt.Sprint(parts[0]) == "0" {
				// [[2014, 12, 31], [0]]: citeproc-js's open end.
				ends = append(ends, "..")
				continue
			}
			e, msg := edtfFromParts(parts)
			if msg != "" {
				return nil, nil, "", msg
			}
			ends = append(ends, e)
		}
		if len(ends) > 2 {
			return nil, nil, "", "\"date-parts\" has more than two dates"
		}
		if len(ends) == 1 {
			if s, ok := seasonNumber(d.Season); ok && !strings.Contains(ends[0], "-") {
				ends[0] += fmt.Sprintf("-%d", 20+s)
			}
		}
		edtf = strings.Join(ends, "/")
		if len(ends) == 2 && ends[0] == ends[1] {
			edtf = ends[0]
		}
		if c, _ := d.Circa.(bool); c {
			// Circa qualifies the whole date, both ends of a range.
			switch {
			case len(ends) == 1:
				edtf += "~"
			case len(ends) == 2 && ends[0] != ".." && ends[1] != "..":
				edtf = ends[0] + "~/" + ends[1] + "~"
			}
		}
	case d.Raw != "":
		edtf = strings.TrimSpace(d.Raw)
	case d.Literal != "":
		edtf = strings.TrimSpace(d.Literal)
	default:
		return nil, nil, "", "date has no \"date-parts\", \"raw\" or \"literal\""
	}
	date, orig, how, ok := looseDate(edtf)
	if !ok {
		return nil, nil, "", fmt.Sprintf("cannot read date %q: %s", edtf, looseDateError(edtf))
	}
	if how != "" {
		read = fmt.Sprintf("%q is not an EDTF date; read %s", edtf, how)
	}
	return &date, orig, read, ""
}

// edtfFromParts turns [year, month, day] into EDTF "YYYY-MM-DD". CSL
// years have no year zero (-44 is 44 BC); EDTF years are astronomical.
func edtfFromParts(parts []any) (string, string) {
	if len(parts) == 0 || len(parts) > 3 {
		return "", "\"date-parts\" must hold [year], [year, month] or [year, month, day]"
	}
	var nums []int
	for _, p := range parts {
		var f float64
		switch v := p.(type) {
		case float64:
			f = v
		case string:
			x, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return "", fmt.Sprintf("date part %q is not a number", v)
			}
			f = float64(x)
		default:
			return "", "date parts must be numbers"
		}
		if f != math.Trunc(f) || math.Abs(f) > 99999 {
			return "", fmt.Sprintf("date part %v is not a whole number of at most five digits", f)
		}
		nums = append(nums, int(f))
	}
	y := nums[0]
	if y == 0 {
		return "", "year 0 does not exist in CSL dates (write -1 for 1 BC)"
	}
	if y < 0 {
		y++
	}
	var e string
	if y < 0 {
		e = fmt.Sprintf("-%04d", -y)
	} else {
		e = fmt.Sprintf("%04d", y)
	}
	for _, n := range nums[1:] {
		e += fmt.Sprintf("-%02d", n)
	}
	return e, ""
}

func seasonNumber(v any) (int, bool) {
	switch v := v.(type) {
	case float64:
		if v >= 1 && v <= 4 && v == math.Trunc(v) {
			return int(v), true
		}
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "1", "spring":
			return 1, true
		case "2", "summer":
			return 2, true
		case "3", "autumn", "fall":
			return 3, true
		case "4", "winter":
			return 4, true
		}
	}
	return 0, false
}

// ---- positions

// lineIndex turns byte offsets of a file into line:column positions
// (columns count runes, as the YAML loader's do).
type lineIndex struct {
	name   string
	data   []byte
	starts []int
}

func newLineIndex(name string, data []byte) *lineIndex {
	l := &lineIndex{name: name, data: data, starts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

func (l *lineIndex) pos(off int) Pos {
	if off > len(l.data) {
		off = len(l.data)
	}
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	col := utf8.RuneCount(l.data[l.starts[i]:off]) + 1
	return Pos{File: l.name, Line: i + 1, Column: col}
}

func (l *lineIndex) errorf(off int, format string, args ...any) error {
	return errors.New(l.pos(off).String() + ": " + fmt.Sprintf(format, args...))
}

// skipSpace returns the offset of the first byte at or after off that is
// neither JSON white space nor a comma: where the next value starts.
func skipSpace(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\n', '\r', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}
