package content

import gast "github.com/yuin/goldmark/ast"

// Pos is a position in an input file, kept on every model value so that a
// later stage (citations, layout) can still report a problem as
// file:line:col.
type Pos struct {
	File   string
	Line   int
	Column int
}

// String formats the position as file:line:col.
func (p Pos) String() string {
	if p.File == "" && p.Line == 0 {
		return "-"
	}
	return p.File + ":" + itoa(p.Line) + ":" + itoa(p.Column)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// Document is a whole handout, validated: every reference resolves.
type Document struct {
	Title    string
	Subtitle string
	Author   string
	Date     string // free text as given, e.g. "November 2026"
	Paper    string // "a4" or "letter"; "" means a4
	Language string // BCP 47, e.g. "en"

	// Options for citations: ShortIbid uses the short form instead of
	// "Ibid." for a repeated source (Chicago 17 prefers it).
	ShortIbid bool

	// Hyphenation lists words hyphenated by hand, as TeX's
	// \hyphenation{...}: each is written with a hyphen at every point
	// where it may break ("Teh-ran"), or with none to forbid breaking it.
	// The loader checks that each is letters a-z with hyphens between
	// them, and lists no word twice (in any case).
	Hyphenation []string

	Tracks  []*Track
	Events  []*Event
	Sources []*Source
	People  []*Person
	Places  []*Place
	Eras    []*Era

	// Detail names a time window to draw as a detail figure, if any.
	Details []*Detail

	// Narrative is the Markdown text of the narrative pages (read from
	// the file the YAML names, or given inline).
	Narrative    string
	NarrativePos Pos // where the narrative starts (file, line 1 for a file)
	// NarrativeInexact is set when the narrative's lines are not the
	// file's lines one for one: Markdown given as a folded (>) or quoted
	// YAML scalar, whose line breaks YAML rewrites. Its problems are
	// then said at the narrative: value itself (NarrativeAt).
	NarrativeInexact bool
	NarrativeDir     string // directory of the YAML file, for relative paths

	// Lookup tables, filled by the loader.
	TrackByID  map[string]*Track
	EventByID  map[string]*Event
	SourceByID map[string]*Source
	PersonByID map[string]*Person
	PlaceByID  map[string]*Place

	// Warnings are problems a careful author wants to know of that do not
	// stop the build (an event with no citation, an uncited source).
	Warnings []string

	// Files are the files the handout read besides its YAML (the
	// narrative, bibliography files), so that the command line can refuse
	// to write its output over one of them.
	Files []InputFile

	// The parsed Narrative (NarrativeTree), kept so that the layout sets
	// the tree the loader checked; narrativeSrc is the text it is of.
	narrativeTree  gast.Node
	narrativeBytes []byte
	narrativeSrc   string
}

// InputFile is a file the handout names and the loader read.
type InputFile struct {
	Path string // as written in the YAML: slash-separated, relative to the YAML's folder
	Pos  Pos    // where the YAML names it
}

// Track is one swim lane of the chart: a strand of the story.
type Track struct {
	ID      string
	Title   string
	Order   int    // explicit order; ties keep document order
	Color   string // optional "#rrggbb"
	Pattern string // optional: solid, hatch, dots, cross, outline
	Pos     Pos
}

// Cite is one citation of a source, with an optional locator and text
// before or after it, as in Pandoc's [see @a, 12, and elsewhere].
type Cite struct {
	Source  string // source id
	Locator string // e.g. "para. 4", "pp. 3-5", "ll. 1-3"
	Prefix  string
	Suffix  string
	Pos     Pos
	// SuppressAuthor is Pandoc's [-@key]: the note leaves out the
	// author, whom the text names.
	SuppressAuthor bool
	// InText is Pandoc's @key, written in the text's sentence: it is
	// never "Ibid.", which cannot stand for a name.
	InText bool
}

// Version is one source's variant of an event's date or of another field,
// kept because the sources disagree.
type Version struct {
	Field   string // "date" (default when Date/Start/End given), or "title", "place", "summary", ...
	Date    *Date  // a full variant date, if given
	Start   *Point // a variant of the start only
	End     *Point // a variant of the end only
	Value   string // for non-date fields: the variant text
	Source  string // source id (required)
	Locator string
	Note    string // how this source tells it, in our words
	Pos     Pos
}

// Relation links an event to another.
type Relation struct {
	Event string // target event id
	Kind  string // causes, follows, part-of, related
	Pos   Pos
}

// Event is one dated happening in one track.
type Event struct {
	ID    string
	Track string
	Title string
	// TitleShort is a shorter title for the chart, used beside a mark
	// where the full title has no room (the key and the chronology
	// print the full one).
	TitleShort string
	Date       Date
	Summary    string
	People     []string // person ids
	Places     []string // place ids
	Cite       []Cite
	Versions   []Version
	Related    []Relation
	Context    bool // before or after the handout's main period: drawn lighter
	Milestone  bool // draw as a point even when the date is an interval
	Pos        Pos
}

// Name is a CSL name: a family and given name, or a literal (institutions).
type Name struct {
	Family  string
	Given   string
	Literal string
}

// Source is a bibliographic source, with CSL-JSON field names.
type Source struct {
	ID               string
	Type             string // CSL type: book, chapter, article-journal, article-newspaper, article-magazine, webpage, entry-encyclopedia, manuscript, letter, thesis, document, ...
	Author           []Name
	Editor           []Name
	Translator       []Name
	Recipient        []Name
	Director         []Name // of a film or broadcast
	Title            string
	TitleShort       string
	MainTitle        string // of the multivolume work this volume is part of (BibLaTeX maintitle, CSL title beside volume-title)
	ContainerTitle   string
	CollectionTitle  string
	CollectionNumber string // the number in its series
	Volumes          string // how many volumes the whole work has
	Part             string // the part of its volume, when bound in parts
	Publisher        string
	PublisherPlace   string
	Issued           *Date
	Original         *Date // first published, for a reprint (CSL original-date, BibLaTeX origdate)
	// OriginalPublisher and OriginalPlace published a reprint's first
	// edition (BibLaTeX origpublisher, origlocation).
	OriginalPublisher string
	OriginalPlace     string
	Accessed          *Date
	URL               string
	DOI               string
	Archive           string
	ArchiveLocation   string
	ArchivePlace      string
	Page              string
	Number            string // a patent's number
	Volume            string
	Issue             string
	Edition           string
	Genre             string // e.g. "PhD diss.", "telegram"
	Medium            string
	EventPlace        string // where a letter or telegram was sent from
	Note              string
	Language          string
	Pos               Pos

	// Members are the keys a set of works stands for (BibLaTeX's @set):
	// citing the set cites each of them, in order. Type is then "set".
	Members []string

	// KeepCase are words of the titles to print as given, never
	// headline-styled: those whose small first letter BibTeX protects with
	// braces ({\"u}ber, {von} Neumann). Words are as in the titles,
	// punctuation included.
	KeepCase []string
}

// Person is someone the events name, with the spelling the handout uses
// and the variants other sources use.
type Person struct {
	ID   string
	Name string
	// Index is the form the "People and places" appendix prints and
	// sorts by, as an index of names does (Chicago 16): "Stalin, Iosif"
	// for Iosif Stalin, "Caspian, The" for The Caspian. "" means the
	// name as written, as for names without a surname ("Kuchik Khan").
	Index    string
	Variants []string
	Native   string // name in native script, optional
	Note     string
	Pos      Pos
}

// Place is a place the events name, like Person.
type Place struct {
	ID       string
	Name     string
	Index    string // as Person.Index
	Variants []string
	Native   string
	Note     string
	Pos      Pos
}

// Era is a named background span across the lanes.
type Era struct {
	ID    string
	Title string
	Date  Date
	Cite  []Cite
	Pos   Pos
}

// Detail names a window of time the author wants drawn as a detail figure.
type Detail struct {
	Title string
	Date  Date // an interval
	Pos   Pos
}

// Span is a piece of formatted text returned by the citation formatter:
// note and bibliography text is a sequence of spans, some in italics.
type Span struct {
	Text   string
	Italic bool
	Bold   bool   // from a title's rich text (CSL <b>, BibLaTeX \textbf)
	URL    string // when the span is a link
}

// NarrativeAt is the file position of the narrative's line (0-based, as
// split at \n) and column (1-based, in runes): the one place narrative
// offsets become positions, for the loader's checks, the Markdown
// converter and the glyph check alike. A narrative file's lines are its
// own; an inline narrative in a literal block (|) is indented alike on
// every line, by NarrativePos.Column - 1, which the column adds back.
func (d *Document) NarrativeAt(line, col int) Pos {
	p := d.NarrativePos
	if d.NarrativeInexact {
		return p
	}
	if p.Line == 0 {
		p.Line = 1
	}
	if p.Column == 0 {
		p.Column = 1
	}
	return Pos{File: p.File, Line: p.Line + line, Column: p.Column + col - 1}
}
