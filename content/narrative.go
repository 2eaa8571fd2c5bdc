package content

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The narrative's one grammar: CommonMark with footnotes and tables, as
// goldmark parses it, and two inline forms Markdown lacks, Pandoc
// citations and event links. The loader validates the tree this parser
// makes and the layout sets the same tree, so that `check` and `build`
// can never read a narrative differently.

// CiteNode is a Pandoc citation in the narrative: bracketed, [see @a, 3;
// @b], or in the text, @a or @a [3] (the author's name in the text and
// the reference in a note).
type CiteNode struct {
	gast.BaseInline
	// Raw is the citation as written, between the brackets for a
	// bracketed one, with its white space collapsed.
	Raw string
	// Off is the byte offset in the narrative of its "[" (or "@").
	Off int
	// InText marks @key: its author's name is set in the text.
	InText bool
	// Cites are the parsed items, each with KeyOff set; Err is the
	// syntax error instead, at byte offset ErrOff of the narrative.
	Cites  []Cite
	KeyOff []int
	Err    error
	ErrOff int
}

// KindCite is the node kind of a CiteNode.
var KindCite = gast.NewNodeKind("AnnalistCite")

// Kind implements gast.Node.
func (n *CiteNode) Kind() gast.NodeKind { return KindCite }

// Dump implements gast.Node.
func (n *CiteNode) Dump(src []byte, level int) {
	gast.DumpHelper(n, src, level, map[string]string{"Raw": n.Raw}, nil)
}

// EventLinkNode is an event link, [[id]] or [[id|text]].
type EventLinkNode struct {
	gast.BaseInline
	ID, Label string
	Off       int // of the first "["
}

// KindEventLink is the node kind of an EventLinkNode.
var KindEventLink = gast.NewNodeKind("AnnalistEventLink")

// Kind implements gast.Node.
func (n *EventLinkNode) Kind() gast.NodeKind { return KindEventLink }

// Dump implements gast.Node.
func (n *EventLinkNode) Dump(src []byte, level int) {
	gast.DumpHelper(n, src, level, map[string]string{"ID": n.ID, "Label": n.Label}, nil)
}

// narrativeMarkdown is the one goldmark configuration. Its parser is
// safe for concurrent use.
var narrativeMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Footnote, extension.Table,
		// goldmark's typographer writes HTML entities by default; a
		// PDF wants the characters themselves.
		extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
			extension.LeftSingleQuote: "‘", extension.RightSingleQuote: "’",
			extension.LeftDoubleQuote: "“", extension.RightDoubleQuote: "”",
			extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
			extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»",
			extension.Apostrophe: "’",
		}))),
	goldmark.WithParserOptions(parser.WithInlineParsers(
		util.Prioritized(bracketInline{}, 102),
		util.Prioritized(inTextInline{}, 103),
	)),
)

// ParseNarrative parses a narrative's Markdown. The tree's segments
// point into src.
func ParseNarrative(src []byte) gast.Node {
	return narrativeMarkdown.Parser().Parse(gtext.NewReader(src))
}

// NarrativeTree returns the parsed narrative and the bytes its segments
// point into, parsing it once (the loader's tree is the layout's).
func (d *Document) NarrativeTree() (gast.Node, []byte) {
	if d.narrativeTree == nil || d.narrativeSrc != d.Narrative {
		src := []byte(d.Narrative)
		d.narrativeTree, d.narrativeBytes, d.narrativeSrc = ParseNarrative(src), src, d.Narrative
	}
	return d.narrativeTree, d.narrativeBytes
}

// bracketInline parses event links and bracketed citations. It runs
// before goldmark's link parser; when the brackets hold neither, it
// declines and the link parser goes on.
type bracketInline struct{}

func (bracketInline) Trigger() []byte { return []byte{'['} }

func (bracketInline) Parse(parent gast.Node, block gtext.Reader, pc parser.Context) gast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[0] != '[' {
		return nil
	}
	if line[1] == '[' {
		end := bytes.Index(line, []byte("]]"))
		if end < 0 {
			return nil
		}
		inner := string(line[2:end])
		if strings.ContainsAny(inner, "[\n") {
			return nil
		}
		id, label, _ := strings.Cut(inner, "|")
		block.Advance(end + 2)
		// An empty id is kept, for the loader to report.
		return &EventLinkNode{ID: strings.TrimSpace(id), Label: strings.TrimSpace(label), Off: seg.Start}
	}
	// A citation may run over a line end; read through the block.
	l, p := block.Position()
	block.Advance(1)
	var buf []byte
	for {
		ch := block.Peek()
		if ch == gtext.EOF || ch == '[' || len(buf) > 2000 {
			block.SetPosition(l, p)
			return nil
		}
		block.Advance(1)
		if ch == ']' {
			break
		}
		if ch == '\n' || ch == '\r' || ch == '\t' {
			ch = ' '
		}
		buf = append(buf, ch)
	}
	if next := block.Peek(); next == '(' || next == '[' || !isCitation(string(buf)) {
		block.SetPosition(l, p)
		return nil
	}
	return newCiteNode(string(buf), seg.Start+1, seg.Start, false)
}

// inTextInline parses an in-text citation, @key, with an optional
// locator in brackets after a space, @key [12] (Pandoc's form). An @
// after a letter or digit is no citation (an e-mail address), nor is one
// not followed by a key.
type inTextInline struct{}

func (inTextInline) Trigger() []byte { return []byte{'@'} }

func (inTextInline) Parse(parent gast.Node, block gtext.Reader, pc parser.Context) gast.Node {
	// After "[" the brackets were declined as a citation: a link's text.
	if r := block.PrecendingCharacter(); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '[' {
		return nil
	}
	line, seg := block.PeekLine()
	key, n := scanKey(string(line[1:]))
	if n == 0 || key == "" {
		return nil
	}
	raw := string(line[:1+n])
	rest := line[1+n:]
	adv := 1 + n
	// "@key [p. 3]": the brackets are the locator and suffix.
	if len(rest) > 2 && rest[0] == ' ' && rest[1] == '[' && rest[2] != '@' && rest[2] != '[' {
		if end := bytes.IndexByte(rest, ']'); end > 0 && !bytes.ContainsAny(rest[2:end], "@[") &&
			(end+1 >= len(rest) || rest[end+1] != '(' && rest[end+1] != '[') {
			raw += ", " + string(rest[2:end])
			adv += end + 1
		}
	}
	block.Advance(adv)
	return newCiteNode(raw, seg.Start, seg.Start, true)
}

// newCiteNode parses citation text raw, which starts at byte offset
// start of the narrative (off is where the node starts, for messages).
// raw maps one to one onto the source bytes, so that offsets within it
// are offsets in the narrative; white space is collapsed after parsing.
func newCiteNode(raw string, start, off int, inText bool) *CiteNode {
	n := &CiteNode{Raw: strings.Join(strings.Fields(raw), " "), Off: off, InText: inText}
	cites, err := ParseCitation(raw)
	if err != nil {
		n.Err, n.ErrOff = err, off
		var ce *CitationError
		if errors.As(err, &ce) && !inText {
			// Col counts runes in raw, which starts at start.
			runes := []rune(raw)
			n.ErrOff = start + len(string(runes[:min(max(ce.Col-1, 0), len(runes))]))
		}
		if errors.As(err, &ce) {
			n.Err = errors.New(ce.Msg)
		}
		return n
	}
	if inText {
		// "@key [12]" was rewritten as "@key, 12": point at the node.
		start = off
	}
	from := 0
	for i := range cites {
		c := &cites[i]
		c.Prefix, c.Locator, c.Suffix = collapse(c.Prefix), collapse(c.Locator), collapse(c.Suffix)
		c.InText = inText
		at := from
		if k := strings.Index(raw[from:], "@"); k >= 0 {
			at = from + k
			from = at + 1
		}
		n.KeyOff = append(n.KeyOff, start+at)
	}
	n.Cites = cites
	return n
}

func collapse(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCitation reports whether bracket content is a Pandoc citation: an @
// that starts a key, at the start or after a space, "-" or ";".
func isCitation(b string) bool {
	for i := 0; i < len(b); i++ {
		if b[i] != '@' || i+1 >= len(b) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(b[i+1:]); !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '{') {
			continue
		}
		if i == 0 || b[i-1] == ' ' || b[i-1] == ';' || b[i-1] == '-' {
			return true
		}
	}
	return false
}

// FootnoteMarks calls fn for each "[^label]" in src, in order and not
// overlapping: a label is one or more characters neither "]" nor ASCII
// white space. colon says a ":" follows; def, that it is a definition
// (the colon follows and at most three spaces precede it on its line);
// escaped, that its "[" is escaped by a backslash, which Markdown prints
// as written. One pass with bytes.Index: regexp scans of a long narrative
// cost a tenth of its layout.
func FootnoteMarks(src []byte, fn func(at int, label string, colon, def, escaped bool)) {
	for i := 0; i < len(src); {
		k := bytes.Index(src[i:], []byte("[^"))
		if k < 0 {
			return
		}
		at := i + k
		j := at + 2
		for j < len(src) && src[j] != ']' && !strings.ContainsRune(" \t\n\f\r", rune(src[j])) {
			j++
		}
		if j == at+2 || j == len(src) || src[j] != ']' {
			i = at + 2
			continue
		}
		colon := j+1 < len(src) && src[j+1] == ':'
		def := false
		if colon {
			indent := 0
			for p := at - 1; p >= 0 && src[p] == ' '; p-- {
				indent++
			}
			def = indent <= 3 && (at-indent == 0 || src[at-indent-1] == '\n')
		}
		slashes := 0
		for p := at - 1; p >= 0 && src[p] == '\\'; p-- {
			slashes++
		}
		fn(at, string(src[at+2:j]), colon, def, slashes%2 == 1)
		i = j + 1
	}
}
