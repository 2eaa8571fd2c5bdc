package layout

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"annalist/content"
	"annalist/fonts"
)

// CheckGlyphs reports every character of doc that no embedded font can
// print, as positioned input errors (content.ErrorList), so the author
// learns of them as of any other mistake in the file, before anything is
// laid out. fpdf would otherwise print nothing for such a character, and
// Arabic-script letters, which it cannot shape, count as missing too.
func CheckGlyphs(doc *content.Document) error {
	var errs content.ErrorList
	field := func(pos content.Pos, what, s string) {
		s = content.PlainText(s) // rich-text marks are no characters
		if s == "" {
			return
		}
		if miss := fonts.Missing(s); len(miss) > 0 {
			errs = append(errs, &content.Error{Pos: pos, Msg: fmt.Sprintf("%s: %s", what, noFont(miss))})
		}
	}
	// The document's own fields carry no position of their own; the
	// first track's file names the file at least.
	for _, s := range []struct{ what, v string }{{"title", doc.Title}, {"subtitle", doc.Subtitle}, {"author", doc.Author}, {"date", doc.Date}} {
		field(docPos(doc), s.what, s.v)
	}
	for _, t := range doc.Tracks {
		field(t.Pos, fmt.Sprintf("track %q: title", t.ID), t.Title)
	}
	for _, e := range doc.Events {
		pre := fmt.Sprintf("event %q: ", e.ID)
		field(e.Pos, pre+"title", e.Title)
		field(e.Pos, pre+"summary", e.Summary)
		for _, c := range e.Cite {
			field(c.Pos, pre+"cite", c.Prefix+c.Locator+c.Suffix)
		}
		for _, v := range e.Versions {
			field(v.Pos, pre+"version", v.Value+v.Note+v.Locator)
		}
	}
	for _, s := range doc.Sources {
		pre := fmt.Sprintf("source %q: ", s.ID)
		var names []string
		for _, ns := range [][]content.Name{s.Author, s.Editor, s.Translator, s.Recipient} {
			for _, n := range ns {
				names = append(names, n.Family, n.Given, n.Literal)
			}
		}
		field(s.Pos, pre+"name", strings.Join(names, ""))
		for _, f := range []struct{ what, v string }{
			{"title", s.Title}, {"title-short", s.TitleShort}, {"container-title", s.ContainerTitle},
			{"collection-title", s.CollectionTitle}, {"publisher", s.Publisher}, {"publisher-place", s.PublisherPlace},
			{"archive", s.Archive}, {"archive_location", s.ArchiveLocation}, {"archive-place", s.ArchivePlace},
			{"page", s.Page}, {"volume", s.Volume}, {"issue", s.Issue}, {"edition", s.Edition},
			{"genre", s.Genre}, {"medium", s.Medium}, {"event-place", s.EventPlace}, {"note", s.Note},
			{"URL", s.URL}, {"DOI", s.DOI},
		} {
			field(s.Pos, pre+f.what, f.v)
		}
	}
	for _, p := range doc.People {
		field(p.Pos, fmt.Sprintf("person %q: ", p.ID)+"name", p.Name+p.Index+strings.Join(p.Variants, "")+p.Native+p.Note)
	}
	for _, p := range doc.Places {
		field(p.Pos, fmt.Sprintf("place %q: ", p.ID)+"name", p.Name+p.Index+strings.Join(p.Variants, "")+p.Native+p.Note)
	}
	for _, e := range doc.Eras {
		field(e.Pos, fmt.Sprintf("era %q: title", e.ID), e.Title)
	}
	for _, d := range doc.Details {
		field(d.Pos, "detail: title", d.Title)
	}
	// The narrative, line by line, at the column of the first character
	// no font has.
	for i, line := range strings.Split(doc.Narrative, "\n") {
		miss := fonts.Missing(line)
		if len(miss) == 0 {
			continue
		}
		pos := doc.NarrativeAt(i, utf8.RuneCountInString(line[:strings.IndexRune(line, miss[0])])+1)
		errs = append(errs, &content.Error{Pos: pos, Msg: "narrative: " + noFont(miss)})
	}
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}

// docPos is where the document's top-level fields are reported: line 1
// of the file the tracks came from.
func docPos(doc *content.Document) content.Pos {
	if len(doc.Tracks) > 0 {
		return content.Pos{File: doc.Tracks[0].Pos.File, Line: 1, Column: 1}
	}
	return content.Pos{}
}

// noFont says which characters cannot be printed and what to do.
func noFont(miss []rune) string {
	var b strings.Builder
	b.WriteString("no font can print ")
	for i, r := range miss {
		if i > 0 {
			b.WriteString(", ")
		}
		if i == 6 {
			fmt.Fprintf(&b, "and %d more", len(miss)-i)
			break
		}
		fmt.Fprintf(&b, "%q (U+%04X)", r, r)
	}
	b.WriteString("; the fonts cover Latin, Greek and Cyrillic (right-to-left scripts cannot be set yet): transliterate, or remove the characters")
	return b.String()
}
