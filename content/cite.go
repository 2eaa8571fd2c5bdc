package content

// This file is the contract of the citation formatter (Chicago
// notes-bibliography, 17th edition). The implementation is being written.

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
}

// NewCiter returns a formatter for doc's sources.
func NewCiter(doc *Document, opts CiteOptions) *Citer {
	return &Citer{doc: doc, opts: opts}
}

// Note formats the next note in the sequence, citing cites in order,
// separated by semicolons, ending with a period.
func (c *Citer) Note(cites []Cite) []Span { panic("unimplemented") }

// Bibliography returns the entries of every source cited so far, sorted
// as Chicago sorts them, with a 3-em dash for a repeated author.
func (c *Citer) Bibliography() [][]Span { panic("unimplemented") }
