package content

import "regexp"

// KnownFields lists, per kind of object in a handout, the field names the
// loader accepts, in the order the format description gives them. The
// loader checks every mapping's keys against it (and suggests the nearest
// one for a typo); a test keeps it equal to the properties of the JSON
// Schema in schema/annalist.schema.json, kind by kind. "document" is the
// top level of the file.
var KnownFields = map[string][]string{
	"document": {"title", "subtitle", "author", "date", "paper", "language", "ibid", "hyphenation",
		"bibliography",
		"tracks", "sources", "events", "people", "places", "eras", "details", "narrative"},
	"track": {"id", "title", "order", "color", "pattern"},
	"event": {"id", "track", "title", "title-short", "date", "summary", "people", "places", "context", "milestone",
		"cite", "versions", "related"},
	"cite":     {"source", "locator", "prefix", "suffix"},
	"version":  {"field", "date", "start", "end", "value", "source", "locator", "note"},
	"relation": {"event", "kind"},
	"source": {"id", "type", "author", "editor", "translator", "recipient", "title", "title-short",
		"container-title", "collection-title", "publisher", "publisher-place", "issued", "accessed",
		"URL", "DOI", "archive", "archive_location", "archive-place", "page", "volume", "issue",
		"edition", "genre", "medium", "event-place", "note", "language"},
	"name":   {"family", "given", "literal"},
	"person": {"id", "name", "index", "variants", "native", "note"},
	"place":  {"id", "name", "index", "variants", "native", "note"},
	"era":    {"id", "title", "date", "cite"},
	"detail": {"title", "date"},
}

// The closed vocabularies of the format. The JSON Schema has the same
// enums; a test keeps them in step.
var (
	// Papers are the paper sizes a handout is laid out for.
	Papers = []string{"a4", "letter"}
	// Patterns are the fills a track's bars can take, so that tracks stay
	// apart when printed in black and white.
	Patterns = []string{"solid", "hatch", "backhatch", "cross", "dots", "outline"}
	// SourceTypes are the CSL types the citation formatter knows.
	SourceTypes = []string{"book", "chapter", "article-journal", "article-newspaper", "article-magazine",
		"webpage", "entry-encyclopedia", "manuscript", "letter", "thesis", "document", "report",
		"interview", "personal_communication"}
	// RelationKinds are the kinds of link from one event to another.
	RelationKinds = []string{"causes", "follows", "part-of", "related"}
	// VersionFields are the event fields a version can give a variant of.
	VersionFields = []string{"date", "title", "summary", "people", "places"}
)

// IDPattern is what an id of a track, event, source, person, place or era
// looks like. It is Pandoc's citation key (letters, digits and _, with
// punctuation :.#$%&+?<>~/- inside), so that a source id can be cited as
// [@id] in the narrative and a key from a Zotero or BibTeX export fits.
const IDPattern = `^[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?$`

// ColorPattern is a track colour, "#rrggbb".
const ColorPattern = `^#[0-9a-fA-F]{6}$`

var (
	idRE    = regexp.MustCompile(IDPattern)
	colorRE = regexp.MustCompile(ColorPattern)
)
