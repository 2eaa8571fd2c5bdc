package content

import (
	"sort"
	"strings"
	"unicode"
)

// This file formats citations in Chicago notes-bibliography style (The
// Chicago Manual of Style, 17th edition, chapter 14): the full note for
// the first citation of a source, the short form later, "Ibid." for the
// same source cited again in the next note, and the bibliography of the
// sources cited. It returns text as spans; where the text goes on the
// page is layout's business.
//
// Principles kept throughout:
//   - never invent a field: what the source lacks is left out, or printed
//     as Chicago prints an absence ("n.d."), and reported by Lacks;
//   - titles of English-language sources are set headline-style (CMOS
//     8.159) by capitalizing words given in lower case; titles in other
//     languages are kept as given;
//   - a comma or period after a quoted title goes inside the closing
//     quotation mark, and is dropped after a title ending in ? or !.

// CiteOptions are the citation formatter's options; the zero value works.
type CiteOptions struct {
	// ShortIbid uses the short form instead of "Ibid." for a source cited
	// again in the next note.
	ShortIbid bool
}

// Citer formats the notes of one document in sequence: the first
// citation of a source in full, later ones short, a repeat as "Ibid.".
type Citer struct {
	doc  *Document
	opts CiteOptions

	byID  map[string]*Source
	seen  map[string]bool
	cited []*Source // in order of first citation
	prev  []Cite    // the previous note's cites, locators normalized
	// suppress is set while a cite with SuppressAuthor is formatted.
	suppress bool
	// unknown records citations of ids the document does not define, so
	// that Lacks can report them; the note shows the id with a "?".
	unknown []Cite
}

// NewCiter returns a formatter for doc's sources. The short form replaces
// "Ibid." if either opts.ShortIbid or doc.ShortIbid is set.
func NewCiter(doc *Document, opts CiteOptions) *Citer {
	c := &Citer{doc: doc, opts: opts, byID: map[string]*Source{}, seen: map[string]bool{}}
	if doc != nil {
		c.opts.ShortIbid = c.opts.ShortIbid || doc.ShortIbid
		for _, s := range doc.Sources {
			if s != nil {
				c.byID[s.ID] = s
			}
		}
		for id, s := range doc.SourceByID {
			if _, ok := c.byID[id]; !ok && s != nil {
				c.byID[id] = s
			}
		}
	}
	return c
}

// Note formats the next note in the sequence, citing cites in order,
// separated by semicolons, ending with a period.
//
// A cite's prefix is set before it (capitalized at the start of the
// note: "See"); its suffix after it, joined with a comma unless it starts
// with punctuation of its own, as Pandoc's suffixes do (", for example").
func (c *Citer) Note(cites []Cite) []Span { return c.note(cites, true) }

// Inline formats the next citation of the sequence as part of a
// sentence, as an author's note sets one: as Note does, but in lower case
// where Note starts a sentence ("see", "ibid.", "van Gennep") and without
// the closing period.
func (c *Citer) Inline(cites []Cite) []Span { return c.note(cites, false) }

func (c *Citer) note(cites []Cite, sentence bool) []Span {
	var b builder
	var norm []Cite
	cites = c.expandSets(cites)
	for i, ct := range cites {
		if i > 0 {
			b.punct(";")
			b.text(" ")
		}
		prefix := strings.TrimSpace(ct.Prefix)
		if i == 0 && sentence {
			prefix = upperFirst(prefix)
		}
		if prefix != "" {
			b.text(prefix + " ")
		}
		loc := formatLocator(ct.Locator)
		n := ct
		n.Locator = loc
		norm = append(norm, n)
		src := c.byID[ct.Source]
		c.suppress = ct.SuppressAuthor
		switch {
		case src == nil:
			b.text(ct.Source + "?")
			if loc != "" {
				b.text(", " + loc)
			}
			c.unknown = append(c.unknown, ct)
		case !ct.InText && c.isIbid(i, ct.Source, loc):
			if i == 0 && prefix == "" && sentence {
				b.text("Ibid.")
			} else {
				b.text("ibid.")
			}
			// "Ibid." alone means the same place (CMOS 14.34).
			if loc != "" && loc != c.prev[0].Locator {
				b.punct(",")
				b.text(" " + loc)
			}
		case c.seen[src.ID]:
			c.shortNote(&b, src, loc)
		default:
			c.fullNote(&b, src, loc)
			c.seen[src.ID] = true
			c.cited = append(c.cited, src)
		}
		if suf := strings.TrimSpace(ct.Suffix); suf != "" {
			if strings.ContainsRune(",;:.)]", []rune(suf)[0]) {
				b.punctText(suf)
			} else {
				b.punct(",")
				b.text(" " + suf)
			}
		}
	}
	if len(cites) > 0 && sentence {
		b.punct(".")
	}
	// A note is a sentence: "N.d., 3." for a source with nothing before
	// its date, "Van Gennep, *Rites*" for a name with a particle (CMOS
	// 8.5). (Titles and keys are left as given.)
	if sentence && len(b.spans) > 0 && !b.spans[0].Italic && b.spans[0].URL == "" {
		if t := b.spans[0].Text; strings.HasPrefix(t, "n.d.") || c.startsWithParticle(t, cites) {
			b.spans[0].Text = upperFirst(t)
		}
	}
	c.prev = norm
	return b.spans
}

// ShortRef is a source's short reference as plain text (CMOS 14.29:
// surname and short title), as a later note names it, for labels that
// name sources outside the notes (the coverage figure): "van Gennep,
// Les rites de passage", "Atabaki, “Soviet Socialist Republic”", and for
// an untitled document what it is and when.
func ShortRef(s *Source) string {
	var b builder
	(&Citer{}).shortNote(&b, s, "")
	var t strings.Builder
	for _, sp := range b.spans {
		t.WriteString(sp.Text)
	}
	return strings.TrimSpace(t.String())
}

// InTextName is what an in-text citation, @key, sets in the text before
// its note, as pandoc's citeproc does for a notes style: the authors' (or
// editors') surnames, "Atabaki", "Keddie and Richard"; for a work with
// neither, its short title.
func InTextName(s *Source) string {
	if s == nil {
		return ""
	}
	if names, _ := bibNames(s); len(names) > 0 {
		return stripMarks(namesShort(names))
	}
	return stripMarks(shortTitle(s))
}

// startsWithParticle reports whether note text t starts with the
// family name, written with a lower-case particle ("van Gennep"), of the
// first cited source's first author: a sentence capitalizes it.
func (c *Citer) startsWithParticle(t string, cites []Cite) bool {
	if len(cites) == 0 || strings.TrimSpace(cites[0].Prefix) != "" {
		return false
	}
	src := c.byID[cites[0].Source]
	if src == nil {
		return false
	}
	names, _ := bibNames(src)
	return len(names) > 0 && names[0].Family != "" && startsLower(names[0].Family) && strings.HasPrefix(t, names[0].Family)
}

// expandSets replaces the citation of a set of works (BibLaTeX's @set)
// with citations of its members, as BibLaTeX prints one: the prefix
// before the first, the locator and suffix after the last.
func (c *Citer) expandSets(cites []Cite) []Cite {
	var out []Cite
	for i, ct := range cites {
		src := c.byID[ct.Source]
		if src == nil || len(src.Members) == 0 {
			if out != nil {
				out = append(out, ct)
			}
			continue
		}
		if out == nil {
			out = append([]Cite(nil), cites[:i]...)
		}
		for j, m := range src.Members {
			n := Cite{Source: m, Pos: ct.Pos}
			if j == 0 {
				n.Prefix = ct.Prefix
			}
			if j == len(src.Members)-1 {
				n.Locator, n.Suffix = ct.Locator, ct.Suffix
			}
			out = append(out, n)
		}
	}
	if out == nil {
		return cites
	}
	return out
}

// isIbid reports whether cite i of the current note, of source id with
// locator loc, is "Ibid.": the previous note cited this one source alone
// (CMOS 14.34), and the locator does not leave the page in doubt (a cite
// without a locator after one with a locator is not "Ibid.", which would
// mean the same page; the CSL rule).
func (c *Citer) isIbid(i int, id, loc string) bool {
	if c.opts.ShortIbid || i != 0 || len(c.prev) != 1 || c.prev[0].Source != id || !c.seen[id] {
		return false
	}
	return loc != "" || c.prev[0].Locator == ""
}

// Bibliography returns the entries of every source cited so far, sorted
// as Chicago sorts them, with a 3-em dash for a repeated author.
//
// Entries sort by the first author's surname and given name, then the
// other authors (so a single author's works come before the same
// author's joint works), then the title; a source with no author sorts by
// its title, and an unsigned news or web article by its outlet, under
// which Chicago lists it (CMOS 14.207). Leading English articles and
// diacritics are ignored.
func (c *Citer) Bibliography() [][]Span {
	type entry struct {
		src   *Source
		key   string
		names []Name
	}
	var es []entry
	for _, s := range c.cited {
		names, _ := bibNames(s)
		var key string
		switch {
		case len(names) > 0:
			key = sortName(names[0]) + "\x00"
			for _, n := range names[1:] {
				key += sortName(n) + " "
			}
			key += "\x01" + sortTitle(s, or(s.Title, description(s)))
		case listedUnder(s) != "":
			key = sortTitle(s, listedUnder(s)) + "\x01" + sortTitle(s, s.Title)
		default:
			key = sortTitle(s, or(s.Title, description(s)))
		}
		es = append(es, entry{s, key, names})
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].key != es[j].key {
			return es[i].key < es[j].key
		}
		return es[i].src.ID < es[j].src.ID
	})
	var out [][]Span
	for i, e := range es {
		dash := i > 0 && len(e.names) > 0 && sameNames(e.names, es[i-1].names)
		out = append(out, c.bibEntry(e.src, dash))
	}
	return out
}

// Lacks returns a warning for each cited source that lacks what Chicago
// expects of its type, in order of first citation, as
// `file:line:col: warning: source "x" has no date, no URL`, and one for
// each citation of a source the document does not define.
func (c *Citer) Lacks() []string {
	var out []string
	for _, s := range c.cited {
		if miss := lacks(s); len(miss) > 0 {
			out = append(out, s.Pos.String()+": warning: source "+quote(s.ID)+" has no "+strings.Join(miss, ", no "))
		}
	}
	for _, ct := range c.unknown {
		out = append(out, ct.Pos.String()+": warning: unknown source "+quote(ct.Source))
	}
	return out
}

// lacks lists the fields a source of its type should have and does not.
func lacks(s *Source) []string {
	var miss []string
	need := func(ok bool, what string) {
		if !ok {
			miss = append(miss, what)
		}
	}
	hasAuthor := len(s.Author) > 0
	hasDate := s.Issued != nil
	need(s.Title != "" || isLetter(s), "title")
	switch kind(s) {
	case kindBook:
		need(hasAuthor || len(s.Editor) > 0, "author or editor")
		need(s.PublisherPlace != "", "place of publication")
		need(s.Publisher != "", "publisher")
		need(hasDate, "date")
	case kindChapter:
		need(hasAuthor, "author")
		need(s.ContainerTitle != "", "book title")
		need(s.Publisher != "", "publisher")
		need(hasDate, "date")
		need(s.Page != "", "page range")
	case kindJournal:
		need(hasAuthor, "author")
		need(s.ContainerTitle != "", "journal")
		need(s.Volume != "" || s.Issue != "", "volume or issue")
		need(hasDate, "date")
		need(s.Page != "", "page range")
	case kindNews:
		need(hasAuthor, "author")
		need(s.ContainerTitle != "", "outlet")
		need(hasDate, "date")
		need(s.URL != "" || s.DOI != "" || s.Page != "", "URL or page")
	case kindWeb:
		need(hasAuthor, "author")
		need(outlet(s) != "", "site")
		need(hasDate || s.Accessed != nil, "date")
		need(s.URL != "" || s.DOI != "", "URL")
	case kindEntry:
		need(s.ContainerTitle != "", "reference work")
		need(hasDate || s.Accessed != nil || s.Edition != "", "date or edition")
	case kindLetter:
		need(hasAuthor, "author")
		need(len(s.Recipient) > 0, "recipient")
		need(hasDate, "date")
		need(s.Archive != "" || s.ContainerTitle != "" || s.Publisher != "" || s.URL != "", "archive or publication")
	case kindThesis:
		need(hasAuthor, "author")
		need(s.Publisher != "", "university")
		need(hasDate, "date")
	case kindPatent:
		need(hasAuthor, "inventor")
		need(s.Number != "", "number")
		need(hasDate, "date")
	case kindFilm:
		need(s.Title != "", "title")
		need(hasDate, "date")
	default: // manuscripts and documents
		need(hasAuthor, "author")
		need(hasDate, "date")
	}
	return miss
}

// Kinds of source, by how Chicago styles them.
const (
	kindBook     = iota // book, report: italic title, (Place: Publisher, Year)
	kindChapter         // chapter, paper in a volume: "in *Book*, ed. X"
	kindJournal         // article-journal: *Journal* 12, no. 3 (2017): 45
	kindNews            // newspaper and magazine articles: *Outlet*, date
	kindWeb             // web pages and posts: Site, date, URL
	kindEntry           // encyclopedia and dictionary entries: s.v.
	kindLetter          // letters, telegrams: A to B, date
	kindThesis          // "Title" (PhD diss., University, Year)
	kindDocument        // manuscripts, archival documents
	kindPatent          // Inventor, *Title*, US Patent 5,668,842, issued September 16, 1997
	kindFilm            // *Title*, directed by X (Place: Studio, Year)
)

func kind(s *Source) int {
	if isLetter(s) {
		return kindLetter
	}
	switch s.Type {
	case "chapter", "paper-conference":
		return kindChapter
	case "article-journal", "article":
		return kindJournal
	case "article-newspaper", "article-magazine":
		return kindNews
	case "webpage", "post", "post-weblog":
		return kindWeb
	case "entry-encyclopedia", "entry-dictionary", "entry":
		return kindEntry
	case "thesis":
		return kindThesis
	case "patent":
		return kindPatent
	case "motion_picture", "broadcast":
		return kindFilm
	case "manuscript", "document", "interview", "speech":
		return kindDocument
	}
	return kindBook
}

func isLetter(s *Source) bool {
	return s.Type == "letter" || s.Type == "personal_communication" || len(s.Recipient) > 0
}

// outlet is the publication an article or page appeared in: the
// container, or for a web page with none, its owner (the publisher).
func outlet(s *Source) string {
	if s.ContainerTitle != "" {
		return s.ContainerTitle
	}
	if kind(s) == kindWeb {
		return s.Publisher
	}
	return ""
}

// listedUnder is what an entry without author names is listed under in
// the bibliography, if not its title: an unsigned news or web article's
// outlet (CMOS 14.207, 14.206), a reference work's name.
func listedUnder(s *Source) string {
	switch k := kind(s); {
	case len(s.Author) == 0 && (k == kindNews || k == kindWeb):
		return outlet(s)
	case k == kindEntry:
		return s.ContainerTitle
	}
	return ""
}

// bibNames are the names that head a source's entry and stand for its
// author in notes: the authors, or for a book without one its editors. An
// entry in a reference work is headed by the work (its author follows,
// "by ...").
func bibNames(s *Source) (names []Name, editors bool) {
	if kind(s) == kindEntry && s.ContainerTitle != "" {
		return nil, false
	}
	if len(s.Author) > 0 {
		return s.Author, false
	}
	if kind(s) == kindBook && len(s.Editor) > 0 {
		return s.Editor, true
	}
	if kind(s) == kindFilm && len(s.Director) > 0 {
		return s.Director, true // listed under the director, "dir."
	}
	return nil, false
}

// roleLabel follows names listed in an author's place: editors' "ed."
// or "eds.", a director's "dir.".
func roleLabel(s *Source, n int) string {
	if kind(s) == kindFilm {
		return "dir."
	}
	return edLabel(n)
}

// patentFacts: "US Patent 5668842, issued September 16, 1997".
func patentFacts(s *Source) string {
	f := s.Number
	if s.Genre != "" {
		f = strings.TrimSpace(s.Genre + " " + f)
	}
	if s.Issued != nil {
		f = strings.TrimPrefix(f+", issued "+chicagoDate(*s.Issued), ", ")
	}
	return f
}

// fullNote writes the first, complete citation of s with locator loc.
func (c *Citer) fullNote(b *builder, s *Source, loc string) {
	names, byEditors := bibNames(s)
	head := func() {
		if len(names) > 0 && !c.suppress {
			b.text(namesNote(names))
			if byEditors {
				b.punct(",")
				b.text(" " + roleLabel(s, len(names)))
			}
			b.punct(",")
			b.text(" ")
		}
	}
	tail := func() {
		if loc != "" {
			b.sep(loc)
		}
		if u := sourceURL(s); u != "" {
			b.punct(",")
			b.text(" ")
			b.link(u)
		}
	}
	title := formatTitle(s, s.Title)
	b.desc = description(s)
	switch kind(s) {
	case kindBook:
		head()
		b.italic(title)
		transDone := false
		if !byEditors && len(s.Editor) > 0 {
			b.sep(edLabelNote(s) + namesNote(s.Editor))
			transDone = edTrans(s)
		}
		c.bookMiddleNote(b, s, transDone)
		b.text(" (" + reprintNote(s) + pubFacts(s, s.Publisher) + ")")
		tail()
	case kindChapter:
		head()
		b.quoted(title)
		if s.ContainerTitle != "" {
			b.sep("in ")
			b.italic(formatTitle(s, s.ContainerTitle))
		}
		if len(s.Editor) > 0 {
			b.sep(edLabelNote(s) + namesNote(s.Editor))
		}
		c.bookMiddleNote(b, s, edTrans(s))
		b.text(" (" + reprintNote(s) + pubFacts(s, s.Publisher) + ")")
		tail()
	case kindJournal:
		head()
		b.quoted(title)
		if s.ContainerTitle != "" {
			b.punct(",")
			b.text(" ")
			b.italic(formatTitle(s, s.ContainerTitle))
			b.text(volIssue(s) + " (" + dateOrND(s.Issued) + ")")
			pages := loc
			if pages == "" {
				pages = dashes(s.Page)
			}
			if pages != "" {
				b.punct(":")
				b.text(" " + pages)
			}
			loc = ""
		} else {
			b.sep(dateOrND(s.Issued))
		}
		if len(s.Translator) > 0 {
			b.sep(transAbbr + namesNote(s.Translator))
		}
		tail()
	case kindNews, kindWeb:
		head()
		b.quoted(title)
		if s.ContainerTitle != "" {
			if kind(s) == kindNews {
				b.punct(",")
				b.text(" ")
				b.italic(formatTitle(s, s.ContainerTitle))
			} else {
				b.sep(formatTitle(s, s.ContainerTitle))
			}
		}
		if kind(s) == kindWeb && s.Publisher != "" && s.Publisher != s.ContainerTitle {
			b.sep(s.Publisher)
		}
		b.sep(webDate(s))
		tail()
	case kindEntry:
		if s.ContainerTitle != "" {
			b.italic(formatTitle(s, s.ContainerTitle))
			if s.Edition != "" {
				b.sep(edition(s.Edition))
			}
			if title != "" {
				b.sep("s.v. ")
				b.quoted(title)
			}
			if len(s.Author) > 0 {
				b.sep("by " + namesNote(s.Author))
			}
			if d := webDate(s); d != "n.d." {
				b.sep(d)
			}
		} else {
			head()
			b.quoted(title)
			if s.Genre != "" {
				b.sep(s.Genre)
			}
			b.sep(webDate(s))
		}
		tail()
	case kindThesis:
		head()
		b.quoted(title)
		b.text(" (" + thesisFacts(s) + ")")
		tail()
	case kindPatent:
		head()
		b.italic(title)
		b.sep(patentFacts(s))
		tail()
	case kindFilm:
		// Listed by its title in a note, its director after it
		// (CMOS 14.265).
		b.italic(title)
		if len(s.Director) > 0 {
			b.sep("directed by " + namesNote(s.Director))
		}
		b.text(" (" + pubFacts(s, s.Publisher) + ")")
		tail()
	case kindLetter:
		names := letterNames(s)
		b.text(names)
		if s.Title != "" && len(s.Recipient) == 0 {
			if names != "" {
				b.sep("")
			}
			b.quoted(title)
		}
		switch g := noteGenre(s.Genre); {
		case names == "" && s.Title == "":
			// No sender, recipient or title: the kind of document
			// is all there is to name it.
			b.text(upperFirst(or(g, "letter")))
		case g != "":
			b.sep(g)
		}
		if s.EventPlace != "" {
			b.sep(s.EventPlace)
		}
		b.sep(dateOrND(s.Issued))
		c.archiveNote(b, s)
		tail()
	default: // kindDocument
		head()
		if s.Archive == "" && s.ArchiveLocation == "" && s.ContainerTitle == "" && s.URL == "" && s.Type == "manuscript" {
			// An unpublished manuscript, in no archive (CMOS 14.224).
			b.quoted(title)
			genre := s.Genre
			if genre == "" {
				genre = "unpublished manuscript"
			}
			b.text(" (" + genre + ", " + dateOrND(s.Issued) + ")")
			if len(s.Translator) > 0 {
				b.sep(transAbbr + namesNote(s.Translator))
			}
			tail()
			return
		}
		b.quoted(title)
		if g := noteGenre(s.Genre); g != "" {
			b.sep(g)
		}
		if s.EventPlace != "" {
			b.sep(s.EventPlace)
		}
		b.sep(dateOrND(s.Issued))
		c.archiveNote(b, s)
		tail()
	}
}

const (
	edAbbr    = "ed. "
	transAbbr = "trans. "
)

// edTrans reports whether a source's editor is its translator too, to be
// named once, "ed. and trans." (CMOS 14.104).
func edTrans(s *Source) bool {
	return len(s.Editor) > 0 && sameNames(s.Editor, s.Translator)
}

// edLabelNote is the label before the editors in a note.
func edLabelNote(s *Source) string {
	if edTrans(s) {
		return "ed. and trans. "
	}
	return edAbbr
}

// edLabelBib is the label before the editors in the bibliography.
func edLabelBib(s *Source) string {
	if edTrans(s) {
		return "Edited and translated by "
	}
	return "Edited by "
}

// bookMiddleNote writes what follows a book's title in a note: the
// translator (unless transDone: named with the editor), edition and
// volume.
func (c *Citer) bookMiddleNote(b *builder, s *Source, transDone bool) {
	if len(s.Translator) > 0 && !transDone {
		b.sep(transAbbr + namesNote(s.Translator))
	}
	if s.Edition != "" {
		b.sep(edition(s.Edition))
	}
	if s.Volume != "" && (kind(s) == kindBook || kind(s) == kindChapter || s.MainTitle != "") {
		if s.MainTitle != "" {
			// A volume with a title of its own (CMOS 14.121).
			b.sep("vol. " + volPart(s) + " of ")
			b.italic(formatTitle(s, s.MainTitle))
		} else {
			b.sep("vol. " + volPart(s))
		}
	} else if s.MainTitle != "" {
		b.sep("in ")
		b.italic(formatTitle(s, s.MainTitle))
	} else if s.Volumes != "" && kind(s) == kindBook {
		b.sep(s.Volumes + " vols.") // the whole work (CMOS 14.121)
	}
	if s.CollectionTitle != "" {
		b.sep(seriesText(s))
	}
}

// volPart is a volume's number with its part, if it is bound in parts:
// "2, pt. 1".
func volPart(s *Source) string {
	if s.Part == "" {
		return s.Volume
	}
	return s.Volume + ", pt. " + s.Part
}

// seriesText is a book's series and its number in it, "Studies in
// Legal History 12".
func seriesText(s *Source) string {
	return strings.TrimSpace(formatTitle(s, s.CollectionTitle) + " " + s.CollectionNumber)
}

// archiveNote writes where a document is kept or published: the
// collection, archive, its place and the location in it ("RGASPI, f. 558,
// op. 11, d. 317, ll. 1–3"), the translator, and the publication that
// reproduces it (a digital archive and its owner).
func (c *Citer) archiveNote(b *builder, s *Source) {
	for _, part := range archiveParts(s) {
		b.sep(part)
	}
	if len(s.Translator) > 0 {
		b.sep(transAbbr + namesNote(s.Translator))
	}
	if s.ContainerTitle != "" {
		b.sep(formatTitle(s, s.ContainerTitle))
	}
	if s.Publisher != "" {
		b.sep(s.Publisher)
	}
}

func archiveParts(s *Source) []string {
	var parts []string
	for _, p := range []string{s.CollectionTitle, s.Archive, s.ArchivePlace, dashes(s.ArchiveLocation)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// shortNote writes the short form of a later citation (CMOS 14.29-32):
// the authors' surnames, a short title of at most four words, and the
// locator.
func (c *Citer) shortNote(b *builder, s *Source, loc string) {
	names, _ := bibNames(s)
	title := shortTitle(s)
	switch k := kind(s); {
	case k == kindLetter:
		b.text(letterShortNames(s))
		b.sep(dateOrND(s.Issued))
	case k == kindEntry && s.ContainerTitle != "":
		b.italic(formatTitle(s, s.ContainerTitle))
		if title != "" {
			b.sep("s.v. ")
			b.quoted(title)
		}
	default:
		if len(names) > 0 && !c.suppress {
			b.text(namesShort(names))
			b.punct(",")
			b.text(" ")
		}
		switch {
		case title == "" && len(names) == 0:
			// Nothing else identifies it: its outlet, or its id.
			if o := outlet(s); o != "" {
				b.text(formatTitle(s, o))
			} else {
				b.text(s.ID)
			}
		case italicTitle(s):
			b.italic(title) // a missing title is left out: "Gafarov, 3."
		default:
			b.quoted(title)
		}
	}
	if loc != "" {
		b.sep(loc)
	}
}

// noteGenre is a letter's or document's genre as a note prints it, in
// the middle of a sentence: a generic term in lower case ("Telegram" →
// "telegram"; "PhD diss." and names are kept), and nothing for "letter",
// which a letter's "A to B" form already says (CMOS 14.111).
func noteGenre(g string) string {
	g = strings.TrimSpace(g)
	if strings.EqualFold(g, "letter") {
		return ""
	}
	first, rest, _ := strings.Cut(g, " ")
	r := []rune(first)
	if len(r) > 1 && unicode.IsUpper(r[0]) && strings.ToLower(string(r[1:])) == string(r[1:]) {
		g = string(unicode.ToLower(r[0])) + string(r[1:])
		if rest != "" {
			g += " " + rest
		}
	}
	return g
}

// description is what stands for a missing title: the genre, for the
// kinds of source that do not print their genre otherwise ("article on
// Soviet-Turkish relations"). It is the user's words, never ours.
func description(s *Source) string {
	if s.Title != "" {
		return ""
	}
	switch kind(s) {
	case kindBook, kindChapter, kindJournal, kindNews, kindWeb:
		return s.Genre
	}
	return ""
}

// italicTitle reports whether the source's own title is italic (a book)
// rather than quoted (a part of something).
func italicTitle(s *Source) bool {
	k := kind(s)
	return k == kindBook || k == kindFilm || k == kindPatent
}

// bibEntry writes the bibliography entry of s; dash replaces the
// author's name with a 3-em dash (CMOS 14.67).
func (c *Citer) bibEntry(s *Source, dash bool) []Span {
	var b builder
	names, byEditors := bibNames(s)
	if len(names) > 0 {
		if dash {
			b.text("———")
		} else {
			b.text(namesBib(names))
		}
		if byEditors {
			b.punct(",")
			b.text(" " + roleLabel(s, len(names)))
		}
		b.stop()
	}
	title := formatTitle(s, s.Title)
	b.desc = upperFirst(description(s))
	tail := func() {
		if u := sourceURL(s); u != "" {
			b.stop()
			b.link(u)
		}
		b.punct(".")
	}
	switch kind(s) {
	case kindBook:
		b.italic(title)
		b.stop()
		transDone := false
		if !byEditors && len(s.Editor) > 0 {
			b.text(edLabelBib(s) + namesNote(s.Editor))
			b.stop()
			transDone = edTrans(s)
		}
		c.bookMiddleBib(&b, s, transDone)
		reprintBib(&b, s)
		b.text(upperFirst(pubFacts(s, s.Publisher)))
		tail()
	case kindChapter:
		b.quoted(title)
		b.stop()
		if s.ContainerTitle != "" {
			b.text("In ")
			b.italic(formatTitle(s, s.ContainerTitle))
			if len(s.Editor) > 0 {
				b.sep(strings.ToLower(edLabelBib(s)[:1]) + edLabelBib(s)[1:] + namesNote(s.Editor))
			}
			if s.Page != "" {
				b.sep(dashes(s.Page))
			}
			b.stop()
		} else if len(s.Editor) > 0 {
			b.text(edLabelBib(s) + namesNote(s.Editor))
			b.stop()
		}
		c.bookMiddleBib(&b, s, edTrans(s))
		reprintBib(&b, s)
		b.text(upperFirst(pubFacts(s, s.Publisher)))
		tail()
	case kindJournal:
		b.quoted(title)
		b.stop()
		if len(s.Translator) > 0 {
			b.text("Translated by " + namesNote(s.Translator))
			b.stop()
		}
		if s.ContainerTitle != "" {
			b.italic(formatTitle(s, s.ContainerTitle))
			b.text(volIssue(s) + " (" + dateOrND(s.Issued) + ")")
			if s.Page != "" {
				b.punct(":")
				b.text(" " + dashes(s.Page))
			}
		} else {
			b.text(upperFirst(dateOrND(s.Issued)))
		}
		tail()
	case kindNews, kindWeb:
		site := ""
		if s.ContainerTitle != "" {
			site = formatTitle(s, s.ContainerTitle)
		}
		owner := ""
		if kind(s) == kindWeb && s.Publisher != "" && s.Publisher != s.ContainerTitle {
			owner = s.Publisher
		}
		if len(s.Author) == 0 && (site != "" || owner != "") {
			// Listed under its outlet: "New York Times. “Title.” Date."
			first, rest := site, owner
			if first == "" {
				first, rest = owner, ""
			}
			c.outletText(&b, s, first)
			b.stop()
			b.quoted(title)
			b.stop()
			if rest != "" {
				b.text(rest)
				b.sep(webDate(s))
			} else {
				b.text(upperFirst(webDate(s)))
			}
			tail()
			return b.spans
		}
		b.quoted(title)
		b.stop()
		if site != "" || owner != "" {
			if site != "" {
				c.outletText(&b, s, site)
			}
			if owner != "" {
				if site != "" {
					b.sep(owner)
				} else {
					b.text(owner)
				}
			}
			if s.Issued == nil {
				b.stop()
				b.text(upperFirst(webDate(s)))
			} else {
				b.sep(webDate(s))
			}
		} else {
			b.text(upperFirst(webDate(s)))
		}
		tail()
	case kindEntry:
		if s.ContainerTitle != "" {
			b.italic(formatTitle(s, s.ContainerTitle))
			if s.Edition != "" {
				b.sep(edition(s.Edition))
			}
			b.stop()
			if title != "" {
				b.text("S.v. ")
				b.quoted(title)
				b.stop()
			}
			if len(s.Author) > 0 {
				b.text("By " + namesNote(s.Author))
				b.stop()
			}
			if d := webDate(s); d != "n.d." {
				b.text(upperFirst(d))
			}
		} else {
			b.quoted(title)
			b.stop()
			if s.Genre != "" {
				b.text(upperFirst(s.Genre))
				b.stop()
			}
			b.text(upperFirst(webDate(s)))
		}
		tail()
	case kindThesis:
		b.quoted(title)
		b.stop()
		b.text(upperFirst(thesisFacts(s)))
		tail()
	case kindPatent:
		b.italic(title)
		b.stop()
		b.text(upperFirst(patentFacts(s)))
		tail()
	case kindFilm:
		b.italic(title)
		b.stop()
		b.text(upperFirst(pubFacts(s, s.Publisher)))
		tail()
	case kindLetter:
		genre := upperFirst(s.Genre)
		if genre == "" {
			genre = "Letter"
		}
		if len(s.Recipient) > 0 {
			b.text(genre + " to " + namesNote(s.Recipient))
		} else if s.Title != "" {
			b.quoted(title)
		} else {
			b.text(genre)
		}
		b.stop()
		if s.EventPlace != "" {
			b.text(s.EventPlace)
			b.sep(dateOrND(s.Issued))
		} else {
			b.text(upperFirst(dateOrND(s.Issued)))
		}
		c.archiveBib(&b, s)
		tail()
	default:
		b.quoted(title)
		b.stop()
		if s.Archive == "" && s.ArchiveLocation == "" && s.ContainerTitle == "" && s.URL == "" && s.Type == "manuscript" {
			genre := s.Genre
			if genre == "" {
				genre = "unpublished manuscript"
			}
			b.text(upperFirst(genre) + ", " + dateOrND(s.Issued))
			if len(s.Translator) > 0 {
				b.stop()
				b.text("Translated by " + namesNote(s.Translator))
			}
			tail()
			return b.spans
		}
		if s.Genre != "" {
			b.text(upperFirst(s.Genre))
			b.stop()
		}
		if s.EventPlace != "" {
			b.text(s.EventPlace)
			b.sep(dateOrND(s.Issued))
		} else {
			b.text(upperFirst(dateOrND(s.Issued)))
		}
		c.archiveBib(&b, s)
		tail()
	}
	return b.spans
}

// outletText writes a periodical's name in italics, a site's in roman
// (CMOS 14.206: websites are roman unless they are publications).
func (c *Citer) outletText(b *builder, s *Source, name string) {
	if kind(s) == kindNews && name == formatTitle(s, s.ContainerTitle) {
		b.italic(name)
	} else {
		b.text(name)
	}
}

func (c *Citer) bookMiddleBib(b *builder, s *Source, transDone bool) {
	if len(s.Translator) > 0 && !transDone {
		b.text("Translated by " + namesNote(s.Translator))
		b.stop()
	}
	if s.Edition != "" {
		b.text(upperFirst(edition(s.Edition)))
		b.stop()
	}
	if s.Volume != "" && (kind(s) == kindBook || kind(s) == kindChapter || s.MainTitle != "") {
		if s.MainTitle != "" {
			b.text("Vol. " + volPart(s) + " of ")
			b.italic(formatTitle(s, s.MainTitle))
		} else {
			b.text("Vol. " + volPart(s))
		}
		b.stop()
	} else if s.MainTitle != "" {
		b.text("In ")
		b.italic(formatTitle(s, s.MainTitle))
		b.stop()
	} else if s.Volumes != "" && kind(s) == kindBook {
		b.text(s.Volumes + " vols.")
		b.stop()
	}
	if s.CollectionTitle != "" {
		b.text(seriesText(s))
		b.stop()
	}
}

func (c *Citer) archiveBib(b *builder, s *Source) {
	if parts := archiveParts(s); len(parts) > 0 {
		b.stop()
		b.text(strings.Join(parts, ", "))
	}
	if len(s.Translator) > 0 {
		b.stop()
		b.text("Translated by " + namesNote(s.Translator))
	}
	if s.ContainerTitle != "" || s.Publisher != "" {
		b.stop()
		var parts []string
		if s.ContainerTitle != "" {
			parts = append(parts, formatTitle(s, s.ContainerTitle))
		}
		if s.Publisher != "" {
			parts = append(parts, s.Publisher)
		}
		b.text(strings.Join(parts, ", "))
	}
}

// pubFacts are a book's facts of publication: "London: I. B. Tauris,
// 2006", with "n.d." for a missing date.
// reprintNote is what a note gives before the facts of a reprint's
// publication: the date it first appeared, "1875; repr., " (CMOS 14.114).
func reprintNote(s *Source) string {
	if s.Original == nil || s.Issued == nil || s.Original.Source == s.Issued.Source {
		return ""
	}
	return originalFacts(s) + "; repr., "
}

// originalFacts are where and when a reprinted work first appeared:
// "Paris: Nourry, 1909", or its year alone.
func originalFacts(s *Source) string {
	o := &Source{PublisherPlace: s.OriginalPlace, Issued: s.Original}
	return pubFacts(o, s.OriginalPublisher)
}

// reprintBib writes the bibliography's "1875. Reprint, " before a
// reprint's facts of publication.
func reprintBib(b *builder, s *Source) {
	if r := reprintNote(s); r != "" {
		b.text(originalFacts(s))
		b.stop()
		b.text("Reprint, ")
	}
}

func pubFacts(s *Source, publisher string) string {
	var f string
	switch {
	case s.PublisherPlace != "" && publisher != "":
		f = s.PublisherPlace + ": " + publisher + ", "
	case s.PublisherPlace != "":
		f = s.PublisherPlace + ", "
	case publisher != "":
		f = publisher + ", "
	}
	return f + dateOrND(s.Issued)
}

// thesisFacts: "PhD diss., University of Chicago, 2010".
func thesisFacts(s *Source) string {
	genre := s.Genre
	if genre == "" {
		genre = "thesis"
	}
	f := genre + ", "
	if s.Publisher != "" {
		f += s.Publisher + ", "
	}
	return f + dateOrND(s.Issued)
}

// volIssue: " 12, no. 3", " 12", ", no. 3" (CMOS 14.171, 14.180).
func volIssue(s *Source) string {
	v := ""
	if s.Volume != "" {
		v = " " + s.Volume
	}
	if s.Issue != "" {
		if v != "" {
			v += ", no. " + s.Issue
		} else {
			v = ", no. " + s.Issue
		}
	}
	return v
}

// webDate is the date of an article or page: its date of publication;
// failing that, the date it was accessed (CMOS 14.12); failing both,
// "n.d.".
func webDate(s *Source) string {
	if s.Issued != nil {
		return chicagoDate(*s.Issued)
	}
	if s.Accessed != nil {
		return "accessed " + chicagoDate(*s.Accessed)
	}
	return "n.d."
}

func dateOrND(d *Date) string {
	if d == nil {
		return "n.d."
	}
	return chicagoDate(*d)
}

// sourceURL is the link Chicago prefers: the DOI, else the URL.
func sourceURL(s *Source) string {
	if s.DOI != "" {
		d := strings.TrimSpace(s.DOI)
		if strings.HasPrefix(d, "http://") || strings.HasPrefix(d, "https://") {
			return d
		}
		d = strings.TrimPrefix(d, "doi:")
		return "https://doi.org/" + d
	}
	return strings.TrimSpace(s.URL)
}

// edition: "2" → "2nd ed.", "2nd" → "2nd ed.", "rev. ed." as given.
func edition(e string) string {
	e = strings.TrimSpace(e)
	if strings.Contains(strings.ToLower(e), "ed") {
		return e
	}
	if allDigits(e) {
		return ordinal(e) + " ed."
	}
	return e + " ed."
}

func ordinal(n string) string {
	suffix := "th"
	last := n[len(n)-1]
	ten := len(n) >= 2 && n[len(n)-2] == '1'
	if !ten {
		switch last {
		case '1':
			suffix = "st"
		case '2':
			suffix = "nd"
		case '3':
			suffix = "rd"
		}
	}
	return n + suffix
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func edLabel(n int) string {
	if n > 1 {
		return "eds."
	}
	return "ed."
}

// ---- names

// fullName: "Touraj Atabaki"; a literal name as given.
func fullName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	if n.Given == "" {
		return n.Family
	}
	if n.Family == "" {
		return n.Given
	}
	return n.Given + " " + n.Family
}

// invertedName: "Atabaki, Touraj"; a particle written in lower case
// follows the given name, "Gennep, Arnold van", "Gaulle, Charles de"
// (CMOS 8.5-8.7, as Chicago's CSL style demotes it for display and sort).
func invertedName(n Name) string {
	if n.Literal != "" || n.Given == "" || n.Family == "" {
		return fullName(n)
	}
	if particle, core := splitParticle(n.Family); particle != "" {
		return core + ", " + n.Given + " " + particle
	}
	return n.Family + ", " + n.Given
}

// splitParticle splits the lower-case particle off a family name ("van
// Gennep", "de la Fontaine"); a capitalized one ("De Vries", "Van Buren")
// is part of the name, as in English usage.
func splitParticle(family string) (particle, core string) {
	words := strings.Fields(family)
	i := 0
	for i < len(words)-1 && startsLower(words[i]) {
		i++
	}
	if i == 0 {
		return "", family
	}
	return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
}

func shortName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	if n.Family != "" {
		return n.Family
	}
	return n.Given
}

// namesNote lists names for a note: "A", "A and B", "A, B, and C"; four
// or more as "A et al." (CMOS 14.76).
func namesNote(ns []Name) string {
	return joinNames(ns, fullName, 3)
}

func namesShort(ns []Name) string {
	return joinNames(ns, shortName, 3)
}

func joinNames(ns []Name, f func(Name) string, max int) string {
	switch {
	case len(ns) == 0:
		return ""
	case len(ns) > max:
		return f(ns[0]) + " et al."
	case len(ns) == 1:
		return f(ns[0])
	case len(ns) == 2:
		return f(ns[0]) + " and " + f(ns[1])
	}
	var parts []string
	for _, n := range ns[:len(ns)-1] {
		parts = append(parts, f(n))
	}
	return strings.Join(parts, ", ") + ", and " + f(ns[len(ns)-1])
}

// namesBib lists names for the bibliography, the first inverted: up to
// ten names; more than ten, the first seven and "et al." (CMOS 14.76).
func namesBib(ns []Name) string {
	if len(ns) > 10 {
		ns = ns[:7]
		return namesBib(ns) + ", et al."
	}
	first := invertedName(ns[0])
	switch len(ns) {
	case 1:
		return first
	case 2:
		return first + ", and " + fullName(ns[1])
	}
	var parts []string
	parts = append(parts, first)
	for _, n := range ns[1 : len(ns)-1] {
		parts = append(parts, fullName(n))
	}
	return strings.Join(parts, ", ") + ", and " + fullName(ns[len(ns)-1])
}

// letterNames: "Joseph Stalin to Vladimir Lenin" (CMOS 14.111).
func letterNames(s *Source) string {
	from := namesNote(s.Author)
	if len(s.Recipient) == 0 {
		return from
	}
	if from == "" {
		return "To " + namesNote(s.Recipient)
	}
	return from + " to " + namesNote(s.Recipient)
}

func letterShortNames(s *Source) string {
	from := namesShort(s.Author)
	if len(s.Recipient) == 0 {
		switch {
		case from != "":
			return from
		case s.Title != "":
			return "“" + shortTitle(s) + "”"
		}
		return upperFirst(or(s.Genre, "letter"))
	}
	if from == "" {
		return "To " + namesShort(s.Recipient)
	}
	return from + " to " + namesShort(s.Recipient)
}

func or(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}

func sameNames(a, b []Name) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sortName(n Name) string {
	if n.Literal != "" {
		return SortKey(n.Literal)
	}
	_, core := splitParticle(n.Family)
	return SortKey(core + " " + n.Given)
}

// sortTitle is a title's sort key: folded, with a leading English article
// dropped.
func sortTitle(s *Source, t string) string {
	if english(s) {
		t = dropArticle(t)
	}
	return SortKey(t)
}
