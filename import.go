package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"annalist/content"
)

// TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format):
// a title slide, events and eras, each with start_date and end_date
// given in parts (year, month, day, ..., as strings or numbers), a text
// with headline and HTML text, an optional group (its track here) and
// display_date, and media and backgrounds Annalist does not print.
type tlFile struct {
	Title  *tlSlide  `json:"title"`
	Events []tlSlide `json:"events"`
	Eras   []tlSlide `json:"eras"`
}

type tlSlide struct {
	Start       *tlDate         `json:"start_date"`
	End         *tlDate         `json:"end_date"`
	Text        *tlText         `json:"text"`
	Group       string          `json:"group"`
	UniqueID    string          `json:"unique_id"`
	DisplayDate string          `json:"display_date"`
	Media       json.RawMessage `json:"media"`
	Background  json.RawMessage `json:"background"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

type tlDate struct {
	Year        json.RawMessage `json:"year"`
	Month       json.RawMessage `json:"month"`
	Day         json.RawMessage `json:"day"`
	Hour        json.RawMessage `json:"hour"`
	DisplayDate string          `json:"display_date"`
}

// part reads a date part given as a string or a number; "" when absent
// or empty.
func part(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("%s is neither a number nor a string", raw)
	}
	return n.String(), nil
}

// edtf turns a TimelineJS date into EDTF at the precision it was given:
// year, year and month, or a day (a time of day is dropped, and said so).
// TimelineJS's years are the JavaScript Date's, astronomical: -43 is 44
// BCE, as in EDTF.
func (d *tlDate) edtf() (date string, dropped []string, err error) {
	y, err := part(d.Year)
	if err != nil {
		return "", nil, err
	}
	if y == "" {
		return "", nil, errors.New("the date has no year")
	}
	year, err := strconv.Atoi(y)
	if err != nil {
		return "", nil, fmt.Errorf("year %q is not a whole number", y)
	}
	if year < -9999 || year > 9999 {
		return "", nil, fmt.Errorf("year %d is beyond the four digits an Annalist date has", year)
	}
	if year < 0 {
		date = fmt.Sprintf("-%04d", -year)
	} else {
		date = fmt.Sprintf("%04d", year)
	}
	m, err := part(d.Month)
	if err != nil {
		return "", nil, err
	}
	if m != "" {
		mo, err := strconv.Atoi(m)
		if err != nil || mo < 1 || mo > 12 {
			return "", nil, fmt.Errorf("month %q is not 1 to 12", m)
		}
		date += fmt.Sprintf("-%02d", mo)
		dd, err := part(d.Day)
		if err != nil {
			return "", nil, err
		}
		if dd != "" {
			day, err := strconv.Atoi(dd)
			if err != nil {
				return "", nil, fmt.Errorf("day %q is not a number", dd)
			}
			date += fmt.Sprintf("-%02d", day)
		}
	}
	if h, _ := part(d.Hour); h != "" {
		dropped = append(dropped, "its time of day")
	}
	if _, err := content.ParseDate(date); err != nil {
		return "", nil, err
	}
	return date, dropped, nil
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plainText is TimelineJS's HTML text as plain text: tags dropped (a
// paragraph or line break a space), entities decoded, white space
// collapsed.
func plainText(s string) string {
	s = strings.NewReplacer("</p>", " ", "<br>", " ", "<br/>", " ", "<br />", " ").Replace(s)
	s = html.UnescapeString(tagRE.ReplaceAllString(s, ""))
	return strings.Join(strings.Fields(s), " ")
}

// slug makes an id from a title: lower-case words joined with hyphens,
// at most five words and 60 characters.
func slug(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, w)
		if len(words) == 5 {
			break
		}
	}
	id := strings.Join(words, "-")
	if r := []rune(id); len(r) > 60 {
		id = strings.TrimRight(string(r[:60]), "-")
	}
	return id
}

// shortHeadline cuts a headline longer than a title may be (200
// characters) at the last space before 190, with an ellipsis; cut says
// it did.
func shortHeadline(h string) (string, bool) {
	r := []rune(h)
	if len(r) <= 200 {
		return h, false
	}
	cut := string(r[:190])
	if i := strings.LastIndexByte(cut, ' '); i > 100 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut) + "…", true
}

// yamlString quotes s for YAML: a JSON string is a YAML double-quoted
// scalar.
func yamlString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// importTimelineJS reads TimelineJS JSON and writes an Annalist handout:
// its groups as tracks (one track when it has none), its events and eras
// with their dates, headlines and texts. What Annalist cannot carry over
// (media, backgrounds, display dates, times of day, a date Annalist
// cannot hold) is said in a comment where it was, and counted on stderr,
// with the JSON item's number.
func importTimelineJS(name string, data []byte) (yaml []byte, notes []string, err error) {
	var f tlFile
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		if f, err = readTimelineCSV(name, data); err != nil {
			return nil, nil, err
		}
	} else if err := json.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return nil, nil, fmt.Errorf("%s: not TimelineJS JSON: %v", name, err)
	}
	if len(f.Events) == 0 {
		return nil, nil, fmt.Errorf("%s: no events (TimelineJS JSON has an \"events\" list)", name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# yaml-language-server: $schema=annalist.schema.json\n")
	kind := "TimelineJS JSON"
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		kind = "TimelineJS spreadsheet"
	}
	fmt.Fprintf(&b, "# Imported from %s (%s) by `annalist import`. Dates are as\n# precise as the timeline gave them; what Annalist does not print (media,\n# backgrounds, display dates) is kept below in comments where it was.\n", filepath.Base(name), kind)
	title := "Imported timeline"
	if f.Title != nil && f.Title.Text != nil && plainText(f.Title.Text.Headline) != "" {
		title = plainText(f.Title.Text.Headline)
	}
	fmt.Fprintf(&b, "title: %s\n", yamlString(title))
	if f.Title != nil && f.Title.Text != nil && plainText(f.Title.Text.Text) != "" {
		fmt.Fprintf(&b, "subtitle: %s\n", yamlString(plainText(f.Title.Text.Text)))
	}
	// Tracks: the groups in the order they first appear.
	var groups []string
	trackOf := map[string]string{}
	for _, ev := range f.Events {
		g := strings.TrimSpace(ev.Group)
		if _, ok := trackOf[g]; !ok {
			id := slug(g)
			if id == "" {
				id = "events"
			}
			for n := 2; containsValue(trackOf, id); n++ {
				id = slug(g) + "-" + strconv.Itoa(n)
			}
			trackOf[g] = id
			groups = append(groups, g)
		}
	}
	b.WriteString("tracks:\n")
	for _, g := range groups {
		t := g
		if t == "" {
			t = "Events"
		}
		fmt.Fprintf(&b, "  - {id: %s, title: %s}\n", trackOf[g], yamlString(t))
	}
	ids := map[string]bool{}
	uniq := func(base, fallback string) string {
		if base == "" {
			base = fallback
		}
		id := base
		for n := 2; ids[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		ids[id] = true
		return id
	}
	dateOf := func(s tlSlide, what string) (string, []string, error) {
		if s.Start == nil {
			return "", nil, errors.New("no start_date")
		}
		start, dropped, err := s.Start.edtf()
		if err != nil {
			return "", nil, err
		}
		if s.End != nil {
			if y, _ := part(s.End.Year); y != "" {
				end, d2, err := s.End.edtf()
				if err != nil {
					return "", nil, fmt.Errorf("end_date: %v", err)
				}
				dropped = append(dropped, d2...)
				if end != start {
					start += "/" + end
				}
				// An end before its start, say, is no date Annalist
				// can hold: the item is left out, with the reason.
				if _, err := content.ParseDate(start); err != nil {
					return "", nil, err
				}
			}
		}
		return start, dropped, nil
	}
	comment := func(indent, s string) {
		for _, line := range strings.Split(s, "\n") {
			fmt.Fprintf(&b, "%s# %s\n", indent, line)
		}
	}
	lost := func(s tlSlide) []string {
		var out []string
		if len(s.Media) > 0 && string(s.Media) != "null" && !bytes.Equal(bytes.TrimSpace(s.Media), []byte("{}")) {
			out = append(out, "media: "+compactJSON(s.Media))
		}
		if len(s.Background) > 0 && string(s.Background) != "null" {
			out = append(out, "background: "+compactJSON(s.Background))
		}
		if s.DisplayDate != "" {
			out = append(out, "display_date (TimelineJS shows it instead of the date): "+s.DisplayDate)
		}
		if s.Start != nil && s.Start.DisplayDate != "" {
			out = append(out, "start_date.display_date: "+s.Start.DisplayDate)
		}
		return out
	}
	b.WriteString("events:\n")
	written := 0
	for i, ev := range f.Events {
		head := ""
		if ev.Text != nil {
			head = plainText(ev.Text.Headline)
		}
		date, dropped, err := dateOf(ev, "event")
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: event %d (%s) left out: %v", name, i+1, quoteOr(head), err))
			comment("  ", fmt.Sprintf("event %d (%s) left out: %v", i+1, quoteOr(head), err))
			continue
		}
		if head == "" {
			head = "Event " + strconv.Itoa(i+1)
		}
		summary := ""
		if ev.Text != nil {
			summary = plainText(ev.Text.Text)
		}
		// A title is a chart label, at most 200 characters: a longer
		// headline is cut at a word, and given whole as the summary's
		// first sentence.
		if short, cut := shortHeadline(head); cut {
			summary = strings.TrimSpace(head + " " + summary)
			head = short
		}
		// The timeline's own id when it has one (an exported handout's
		// event ids come back), else one made from the headline.
		id := slug(ev.UniqueID)
		if id == "" || strings.Join(strings.FieldsFunc(ev.UniqueID, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), "-") != id {
			id = slug(head)
		}
		fmt.Fprintf(&b, "  - id: %s\n    track: %s\n    title: %s\n    date: %s\n", uniq(id, "event-"+strconv.Itoa(i+1)), trackOf[strings.TrimSpace(ev.Group)], yamlString(head), date)
		if summary != "" {
			fmt.Fprintf(&b, "    summary: %s\n", yamlString(summary))
		}
		for _, d := range dropped {
			comment("    ", "not carried over: "+d)
		}
		for _, l := range lost(ev) {
			comment("    ", "not carried over: "+l)
		}
		written++
	}
	if written == 0 {
		return nil, notes, fmt.Errorf("%s: no event has a date Annalist can hold", name)
	}
	if len(f.Eras) > 0 {
		// "eras:" only over at least one era: a key with nothing but
		// comments under it is null, and no list.
		erasAt, written := b.Len(), 0
		b.WriteString("eras:\n")
		for i, era := range f.Eras {
			head := ""
			if era.Text != nil {
				head = plainText(era.Text.Headline)
			}
			date, _, err := dateOf(era, "era")
			if err == nil && !strings.Contains(date, "/") {
				err = errors.New("an era needs an end_date")
			}
			if err != nil {
				notes = append(notes, fmt.Sprintf("%s: era %d (%s) left out: %v", name, i+1, quoteOr(head), err))
				comment("  ", fmt.Sprintf("era %d (%s) left out: %v", i+1, quoteOr(head), err))
				continue
			}
			if head == "" {
				head = "Era " + strconv.Itoa(i+1)
			}
			head, _ = shortHeadline(head)
			fmt.Fprintf(&b, "  - {id: %s, title: %s, date: %s}\n", uniq(slug(head), "era-"+strconv.Itoa(i+1)), yamlString(head), date)
			written++
		}
		if written == 0 {
			rest := b.String()[erasAt+len("eras:\n"):]
			head := b.String()[:erasAt]
			b.Reset()
			b.WriteString(head + rest)
		}
	}
	// A timeline's bytes that are no UTF-8 (in a comment, say) become
	// U+FFFD, and so do the characters the loader refuses (controls,
	// DEL and the C1 controls, which JSON leaves unescaped; characters
	// above U+FFFF): the handout must load as it is written.
	return []byte(loadable(strings.ToValidUTF8(b.String(), "\uFFFD"))), notes, nil
}

// loadable replaces what the loader refuses in a handout with U+FFFD,
// and the Unicode line separators (a line break to YAML, which would end
// a comment early) with spaces.
func loadable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == 0x2028 || r == 0x2029:
			return ' '
		case r < 0x20 || r >= 0x7F && r <= 0x9F || r == 0xFFFE || r == 0xFFFF || r > 0xFFFF:
			return 0xFFFD
		}
		return r
	}, s)
}

func quoteOr(s string) string {
	if s == "" {
		return "no headline"
	}
	return strconv.Quote(s)
}

func containsValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

func compactJSON(raw json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	// As written: "<" rather than JSON's \u003c.
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(b.String())
}

// runImport is `annalist import FILE.json [-o OUT.yaml]`: it writes the
// handout (out/NAME.yaml by default), never over an existing file, and
// says on stderr what it could not carry over.
func runImport(o options, stdout, stderr io.Writer) error {
	in := o.files[0]
	data, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("import: %v", err)
	}
	yaml, notes, err := importTimelineJS(in, data)
	for _, n := range notes {
		fmt.Fprintln(stderr, n)
	}
	if err != nil {
		return err
	}
	// What it wrote must load: the importer's own check.
	if _, err := content.Load(in, yaml, nil); err != nil {
		return fmt.Errorf("import: the handout written from %s does not load (a bug in annalist import):\n%v", in, err)
	}
	out := o.out
	if out == "" {
		out = filepath.Join("out", strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+".yaml")
	}
	if out == "-" {
		_, err := stdout.Write(yaml)
		return err
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("import: %s already exists; nothing written (import never overwrites a file: give another -o)", out)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("import: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("import: %v", err)
	}
	if err := writeAtomic(out, yaml); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%s)\nbuild it with: annalist build %s\n", out, plural(bytes.Count(yaml, []byte("\n  - id: ")), "event"), out)
	return nil
}

// readTimelineCSV reads TimelineJS's spreadsheet, as its Google Sheets
// template exports it: a header row naming the columns (Year, Month, Day,
// Time, End Year, ..., Headline, Text, Media, ..., Type, Group,
// Background), then a row each for the title (Type "title"), the eras
// (Type "era") and the events.
func readTimelineCSV(name string, data []byte) (tlFile, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return tlFile{}, fmt.Errorf("%s: not a TimelineJS spreadsheet: %v", name, err)
	}
	if len(rows) == 0 {
		return tlFile{}, fmt.Errorf("%s: empty", name)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["headline"]; !ok {
		return tlFile{}, fmt.Errorf("%s: not a TimelineJS spreadsheet: no Headline column in its first row", name)
	}
	get := func(row []string, c string) string {
		if i, ok := col[c]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	raw := func(v string) json.RawMessage {
		if v == "" {
			return nil
		}
		b, _ := json.Marshal(v)
		return b
	}
	date := func(row []string, prefix string) *tlDate {
		if get(row, prefix+"year") == "" {
			return nil
		}
		return &tlDate{Year: raw(get(row, prefix+"year")), Month: raw(get(row, prefix+"month")),
			Day: raw(get(row, prefix+"day")), Hour: raw(get(row, prefix+"time"))}
	}
	var f tlFile
	for _, row := range rows[1:] {
		sl := tlSlide{Start: date(row, ""), End: date(row, "end "), Group: get(row, "group"), DisplayDate: get(row, "display date"),
			Text: &tlText{Headline: get(row, "headline"), Text: get(row, "text")}}
		if m := get(row, "media"); m != "" {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // the comment shows the media as written
			enc.Encode(map[string]string{"url": m, "credit": get(row, "media credit"), "caption": get(row, "media caption")})
			sl.Media = bytes.TrimSpace(buf.Bytes())
		}
		if bg := get(row, "background"); bg != "" {
			sl.Background, _ = json.Marshal(bg)
		}
		switch strings.ToLower(get(row, "type")) {
		case "title":
			t := sl
			f.Title = &t
		case "era":
			f.Eras = append(f.Eras, sl)
		default:
			if sl.Start == nil && sl.Text.Headline == "" {
				continue // a blank row
			}
			f.Events = append(f.Events, sl)
		}
	}
	return f, nil
}
