package layout

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"annalist/content"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Markdown converts the document's narrative into blocks for the flow:
// headings, paragraphs, block quotes and list items, with citations and
// author's footnotes registered in seq in reading order (so they are
// numbered by first reference, after whatever seq already holds).
//
// Problems the author must fix (an event link, a citation or a footnote
// reference naming nothing) are returned together as one error, each as file:line:col.
// Markdown the handout cannot set (HTML, images, tables) is reported in
// warnings and dropped or set as plain text.
func Markdown(doc *content.Document, seq *NoteSeq, st *Style) ([]Para, []string, error) {
	c := &mdConv{doc: doc, seq: seq, st: st, fnNum: map[int]int{}, fnDefs: map[int]*east.Footnote{}}
	root, src := doc.NarrativeTree()
	c.src = src
	c.lineStarts = []int{0}
	for i, b := range c.src {
		if b == '\n' {
			c.lineStarts = append(c.lineStarts, i+1)
		}
	}
	// Footnote definitions come last in the tree; collect them first so
	// a reference can convert its note when it is first met.
	var referenced = map[string]bool{}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if list, ok := n.(*east.FootnoteList); ok {
			for f := list.FirstChild(); f != nil; f = f.NextSibling() {
				if fn, ok := f.(*east.Footnote); ok {
					c.fnDefs[fn.Index] = fn
					referenced[string(fn.Ref)] = true
				}
			}
		}
	}
	c.warnUnreferenced(referenced)
	c.blocks(root, blockCtx{})
	return mergeAll(c.out), c.warnings, errors.Join(c.errs...)
}

type mdConv struct {
	// blockPos is where the block being converted is written, given to
	// the paragraphs it makes (Para.Pos).
	blockPos   content.Pos
	doc        *content.Document
	seq        *NoteSeq
	st         *Style
	src        []byte
	lineStarts []int
	out        []Para
	warnings   []string
	errs       []error
	fnNum      map[int]int // goldmark footnote index -> note number
	fnDefs     map[int]*east.Footnote
	sections   int
	prevBody   bool // the last block was a body paragraph: indent the next
}

// blockCtx is what a block inherits from the blocks around it.
type blockCtx struct {
	left, right Pt
	quote       bool
	listLevel   int
}

// pos turns a byte offset in the narrative into a position in its file.
func (c *mdConv) pos(off int) content.Pos {
	i := sort.Search(len(c.lineStarts), func(i int) bool { return c.lineStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	col := utf8.RuneCount(c.src[c.lineStarts[i]:min(off, len(c.src))]) + 1
	return c.doc.NarrativeAt(i, col)
}

func (c *mdConv) warnf(off int, format string, args ...any) {
	c.warnings = append(c.warnings, c.pos(off).String()+": warning: "+fmt.Sprintf(format, args...))
}

func (c *mdConv) errorf(off int, format string, args ...any) {
	c.errs = append(c.errs, errors.New(c.pos(off).String()+": "+fmt.Sprintf(format, args...)))
}

// offset finds where a node starts in the source, for messages.
func offset(n gast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == gast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if t, ok := n.(*gast.Text); ok {
			return t.Segment.Start
		}
		switch x := n.(type) {
		case *content.CiteNode:
			return x.Off
		case *content.EventLinkNode:
			return x.Off
		}
	}
	return 0
}

// warnUnreferenced reports footnote definitions nothing refers to.
// goldmark drops them silently; a careful author wants to know. (The
// scan is on the source text, so a definition-like line inside a code
// block would be reported too; narratives have no code.)
func (c *mdConv) warnUnreferenced(referenced map[string]bool) {
	content.FootnoteMarks(c.src, func(at int, label string, _, def, _ bool) {
		if def && !referenced[label] {
			c.warnf(at, "footnote [^%s] is never referred to; dropped", label)
		}
	})
}

func (c *mdConv) emit(p Para) {
	if p.Pos.File == "" {
		p.Pos = c.blockPos
	}
	c.out = append(c.out, p)
}

// blocks converts the block children of n.
func (c *mdConv) blocks(n gast.Node, ctx blockCtx) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.block(ch, ctx)
	}
}

func (c *mdConv) block(n gast.Node, ctx blockCtx) {
	c.blockPos = c.pos(offset(n))
	st := c.st
	switch n := n.(type) {
	case *gast.Heading:
		lv := n.Level
		if lv > 3 {
			c.warnf(offset(n), "heading level %d set as level 3", lv)
			lv = 3
		}
		runs := c.runs(n, inl{size: st.HeadSize[lv-1], style: headStyle(lv)})
		title := plainText(runs)
		p := Para{Kind: Heading, Level: lv, Runs: runs, Align: Left, Leading: st.HeadLeading[lv-1],
			SpaceBefore: st.HeadBefore[lv-1], SpaceAfter: st.HeadAfter[lv-1], KeepWithNext: true, Bookmark: title}
		c.sections++
		p.Dest = "sec-" + strconv.Itoa(c.sections)
		c.emit(p)
		c.prevBody = false
	case *gast.Paragraph, *gast.TextBlock:
		c.paragraph(n, ctx)
	case *gast.Blockquote:
		inner := ctx
		inner.left += st.QuoteIndent
		inner.right += st.QuoteIndent
		inner.quote = true
		first := len(c.out)
		c.prevBody = false
		c.blocks(n, inner)
		if len(c.out) > first {
			c.out[first].SpaceBefore = max(c.out[first].SpaceBefore, 7)
			c.out[len(c.out)-1].SpaceAfter = max(c.out[len(c.out)-1].SpaceAfter, 7)
		}
		c.prevBody = false
	case *gast.List:
		inner := ctx
		inner.listLevel++
		inner.left += st.ListIndent
		num := n.Start
		if num == 0 {
			num = 1
		}
		first := len(c.out)
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			marker := "•"
			if inner.listLevel%2 == 0 {
				marker = "–"
			}
			if n.IsOrdered() {
				marker = strconv.Itoa(num) + "."
				num++
			}
			start := len(c.out)
			c.prevBody = false
			c.blocks(it, inner)
			if len(c.out) > start {
				// The marker goes on the item's first block; its later
				// blocks (and nested lists) hang from the same indent.
				p := &c.out[start]
				if p.Kind == Body {
					p.Kind = ListItem
				}
				p.Marker = []Run{{Text: marker, Font: st.font(Regular), Size: p.runSize(st.BodySize), Color: Black}}
				p.SpaceBefore = max(p.SpaceBefore, 2)
			}
		}
		if len(c.out) > first && inner.listLevel == 1 {
			c.out[first].SpaceBefore = max(c.out[first].SpaceBefore, 6)
			c.out[len(c.out)-1].SpaceAfter = max(c.out[len(c.out)-1].SpaceAfter, 6)
		}
		c.prevBody = false
	case *gast.ThematicBreak:
		c.emit(Para{Kind: Body, Align: Center, Leading: st.BodyLeading, SpaceBefore: 6, SpaceAfter: 6,
			Runs: []Run{{Text: "*   *   *", Font: st.font(Regular), Size: st.BodySize, Color: Black}}})
		c.prevBody = false
	case *gast.CodeBlock, *gast.FencedCodeBlock:
		c.warnf(offset(n), "code block set as plain text")
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(c.src))
		}
		for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
			c.emit(Para{Kind: Body, Align: Left, Leading: st.BodyLeading, Left: ctx.left + st.ParIndent, Right: ctx.right,
				Runs: []Run{{Text: line, Font: st.font(Regular), Size: st.QuoteSize, Color: Black, NoBreak: true}}})
		}
		c.prevBody = false
	case *gast.HTMLBlock:
		c.warnf(offset(n), "HTML block dropped (the handout sets Markdown only)")
	case *east.Table:
		c.warnf(offset(n), "table set as plain lines (tables are not supported in the narrative)")
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var runs []Run
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if len(runs) > 0 {
					runs = append(runs, Run{Text: " — ", Font: st.font(Regular), Size: st.BodySize, Color: Black})
				}
				runs = append(runs, c.runs(cell, inl{size: st.BodySize})...)
			}
			c.emit(Para{Kind: Body, Align: Left, Leading: st.BodyLeading, Left: ctx.left, Right: ctx.right, Runs: runs})
		}
		c.prevBody = false
	case *east.FootnoteList:
		// Set where they are referred to.
	case *gast.ListItem:
		c.blocks(n, ctx)
	default:
		c.warnf(offset(n), "unsupported Markdown block %s dropped", n.Kind())
	}
}

func headStyle(level int) FontStyle {
	if level == 3 {
		return Italic
	}
	return Bold
}

func (p *Para) runSize(def Pt) Pt {
	for _, r := range p.Runs {
		if r.Size > 0 {
			return r.Size
		}
	}
	return def
}

func (c *mdConv) paragraph(n gast.Node, ctx blockCtx) {
	st := c.st
	size, leading := st.BodySize, st.BodyLeading
	kind := Body
	if ctx.quote {
		size, leading, kind = st.QuoteSize, st.QuoteLeading, Quote
	}
	runs := c.runs(n, inl{size: size})
	if len(runs) == 0 {
		return
	}
	p := Para{Kind: kind, Runs: runs, Align: Justify, Leading: leading, Left: ctx.left, Right: ctx.right}
	if ctx.listLevel > 0 && !ctx.quote {
		p.Kind = ListItem
	}
	// Book convention: a paragraph that follows another is indented, the
	// first after a heading, quote or list is not; no space between.
	if c.prevBody && kind == Body && ctx.listLevel == 0 {
		p.FirstIndent = st.ParIndent
	}
	if kind == Quote && len(c.out) > 0 && c.out[len(c.out)-1].Kind == Quote {
		p.SpaceBefore = 3
	}
	c.emit(p)
	c.prevBody = kind == Body && ctx.listLevel == 0
}

// inl is the inline style in force.
type inl struct {
	size         Pt
	style        FontStyle
	link         string
	italic, bold bool // toggled by emphasis, on top of style
}

func (s inl) font(family string) Font {
	st := s.style
	it := st == Italic || st == BoldItalic
	bd := st == Bold || st == BoldItalic
	if s.italic {
		it = !it
	}
	if s.bold {
		bd = true
	}
	switch {
	case it && bd:
		st = BoldItalic
	case it:
		st = Italic
	case bd:
		st = Bold
	default:
		st = Regular
	}
	return Font{Family: family, Style: st}
}

// runs converts the inline children of n for the body: citations become
// note markers, registered in the sequence now.
func (c *mdConv) runs(n gast.Node, s inl) []Run {
	var pieces []notePiece
	c.inlines(n, s, &pieces, false)
	runs := make([]Run, 0, len(pieces))
	for _, p := range pieces {
		runs = append(runs, p.run)
	}
	runs = mergeRuns(trimRuns(runs))
	// A range of numbers takes an en dash (1905–1909); the typographer
	// only knows "--", and splits the text at every hyphen, so this is
	// done on the merged runs.
	for i := range runs {
		runs[i].Text = digitDashes(runs[i].Text)
	}
	return runs
}

func (c *mdConv) text(out *[]notePiece, s inl, t string) {
	if t == "" {
		return
	}
	*out = append(*out, notePiece{run: Run{Text: asSpaces(t), Font: s.font(c.st.Family), Size: s.size, Color: Black, Link: s.link}})
}

// inlines converts the inline children of n into pieces. In a note
// (inNote), a citation stays a citation piece, set inline when the notes
// are formatted; in the body it becomes a note marker.
func (c *mdConv) inlines(n gast.Node, s inl, out *[]notePiece, inNote bool) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch x := ch.(type) {
		case *gast.Text:
			// goldmark keeps a backslash escape in the text's segment and
			// leaves it to the renderer to drop (as its HTML writer does):
			// "\*" or "\[^x]" is the character alone.
			v := x.Segment.Value(c.src)
			if !x.IsRaw() {
				v = util.UnescapePunctuations(v)
			}
			c.text(out, s, string(v))
			if x.SoftLineBreak() || x.HardLineBreak() {
				c.text(out, s, " ")
			}
		case *gast.String:
			c.text(out, s, string(x.Value))
		case *gast.Emphasis:
			in := s
			if x.Level >= 2 {
				in.bold = true
			} else {
				in.italic = !in.italic
			}
			c.inlines(x, in, out, inNote)
		case *gast.CodeSpan:
			var b strings.Builder
			for t := x.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*gast.Text); ok {
					b.Write(tt.Segment.Value(c.src))
				}
			}
			c.text(out, s, b.String())
		case *gast.Link:
			in := s
			in.link = string(x.Destination)
			c.inlines(x, in, out, inNote)
		case *gast.AutoLink:
			in := s
			in.link = string(x.URL(c.src))
			c.text(out, in, string(x.Label(c.src)))
		case *gast.Image:
			c.warnf(offset(x), "image dropped (its alt text is set instead)")
			c.inlines(x, s, out, inNote)
		case *gast.RawHTML:
			c.warnf(x.Segments.At(0).Start, "inline HTML dropped")
		case *content.CiteNode:
			cites, off, err := c.parseCites(x)
			if err != nil {
				c.errorf(off, "%v", err)
				continue
			}
			if inNote {
				// In an author's note an in-text citation is the
				// citation itself, set inline: it names the author.
				*out = append(*out, notePiece{cites: cites, inText: x.InText})
				continue
			}
			if x.InText {
				// "@key says": the name in the text, the reference in a
				// note; a particle starting a sentence is capitalized
				// ("Van Gennep", CMOS 8.5).
				name := content.InTextName(c.doc.SourceByID[cites[0].Source])
				if sentenceStart(*out) {
					name = upperFirst(name)
				}
				c.text(out, s, name)
			}
			// A citation followed at once by an author's note is one
			// note, the citation first (Chicago: one note reference at
			// one point).
			// Punctuation between them does not part them: both markers
			// go after it ("[@a].[^1]").
			next, punct := ch.NextSibling(), ""
			if t, ok := next.(*gast.Text); ok {
				if v := string(t.Segment.Value(c.src)); v != "" && strings.Trim(v, ".,;:!?") == "" && !t.SoftLineBreak() && !t.HardLineBreak() {
					next, punct = t.NextSibling(), v
				}
			}
			if fl, ok := next.(*east.FootnoteLink); ok && c.fnNum[fl.Index] == 0 {
				num := c.authorNoteWith(fl.Index, cites)
				c.fnNum[fl.Index] = num
				// The marker before the punctuation, as the citation
				// was written: notePunct sets it after.
				*out = append(*out, notePiece{run: Run{Note: num, Font: s.font(c.st.Family), Size: s.size, Color: Black}})
				c.text(out, s, punct)
				ch = next
				continue
			}
			num := c.seq.Cite(cites)
			*out = append(*out, notePiece{run: Run{Note: num, Font: s.font(c.st.Family), Size: s.size, Color: Black}})
		case *content.EventLinkNode:
			ev := c.doc.EventByID[x.ID]
			if ev == nil {
				c.errorf(x.Off, "event link [[%s]]: no event has this id", x.ID)
				c.text(out, s, x.Label)
				continue
			}
			label := x.Label
			if label == "" {
				label = numberDashes(ev.Title)
			}
			in := s
			in.link = "chart-" + ev.ID
			c.text(out, in, label)
		case *east.FootnoteLink:
			if inNote {
				c.warnf(offset(n), "footnote reference inside a footnote ignored")
				continue
			}
			num, ok := c.fnNum[x.Index]
			if next, isCite := ch.NextSibling().(*content.CiteNode); !ok && isCite && !next.InText && next.Err == nil {
				// An author's note followed at once by a citation: one
				// note, the citation first, as above.
				if cites, _, err := c.parseCites(next); err == nil {
					num = c.authorNoteWith(x.Index, cites)
					c.fnNum[x.Index] = num
					*out = append(*out, notePiece{run: Run{Note: num, Font: s.font(c.st.Family), Size: s.size, Color: Black}})
					ch = ch.NextSibling()
					continue
				}
			}
			if !ok {
				num = c.authorNote(x.Index)
				c.fnNum[x.Index] = num
			}
			*out = append(*out, notePiece{run: Run{Note: num, Font: s.font(c.st.Family), Size: s.size, Color: Black}})
		case *east.FootnoteBacklink:
		default:
			c.inlines(x, s, out, inNote)
		}
	}
}

// sentenceStart reports whether text added after pieces starts a
// sentence: at the start of a block, or after a full stop and a space.
func sentenceStart(pieces []notePiece) bool {
	seenSpace := false
	for i := len(pieces) - 1; i >= 0; i-- {
		t := pieces[i].run.Text
		switch {
		case pieces[i].cites != nil:
			return false
		case pieces[i].run.Note > 0:
			continue // a marker after the full stop: look before it
		case strings.TrimSpace(t) == "":
			seenSpace = true
			continue
		}
		trimmed := strings.TrimRight(t, " ")
		return (seenSpace || len(trimmed) < len(t)) && strings.ContainsAny(trimmed[len(trimmed)-1:], ".?!")
	}
	return true
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// authorNoteWith registers footnote definition idx as one note with
// the citation cites before its text.
func (c *mdConv) authorNoteWith(idx int, cites []content.Cite) int {
	num := c.authorNote(idx)
	en := &c.seq.entries[num-1]
	lead := []notePiece{{cites: cites, lead: true}, {run: Run{Text: " ", Font: inl{size: c.st.NoteSize}.font(c.st.Family), Size: c.st.NoteSize, Color: Black}}}
	if len(en.author) == 0 {
		en.author = []authorPara{lead[:1]}
	} else {
		en.author[0] = append(lead, en.author[0]...)
	}
	return num
}

// authorNote converts footnote definition idx and registers it.
func (c *mdConv) authorNote(idx int) int {
	def := c.fnDefs[idx]
	var paras []authorPara
	if def != nil {
		for b := def.FirstChild(); b != nil; b = b.NextSibling() {
			var pieces []notePiece
			c.inlines(b, inl{size: c.st.NoteSize}, &pieces, true)
			if len(pieces) > 0 {
				paras = append(paras, authorPara(pieces))
			}
		}
	}
	return c.seq.author(paras)
}

// trimRuns drops leading and trailing spaces of a paragraph.
func trimRuns(runs []Run) []Run {
	for len(runs) > 0 && runs[0].Note == 0 && strings.TrimSpace(runs[0].Text) == "" {
		runs = runs[1:]
	}
	for len(runs) > 0 && runs[len(runs)-1].Note == 0 && strings.TrimSpace(runs[len(runs)-1].Text) == "" {
		runs = runs[:len(runs)-1]
	}
	if len(runs) > 0 && runs[0].Note == 0 {
		runs[0].Text = strings.TrimLeftFunc(runs[0].Text, unicode.IsSpace)
	}
	if k := len(runs) - 1; k >= 0 && runs[k].Note == 0 {
		runs[k].Text = strings.TrimRightFunc(runs[k].Text, unicode.IsSpace)
	}
	return runs
}

// mergeRuns joins neighbouring runs of the same style, so the engine and
// the dumps see words, not goldmark's text segments.
func mergeRuns(runs []Run) []Run {
	var out []Run
	for _, r := range runs {
		if k := len(out) - 1; k >= 0 && r.Note == 0 && out[k].Note == 0 && r.Dest == "" && out[k].Dest == "" &&
			r.Font == out[k].Font && r.Size == out[k].Size && r.Color == out[k].Color && r.Link == out[k].Link && r.NoBreak == out[k].NoBreak {
			out[k].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

func mergeAll(ps []Para) []Para {
	for i := range ps {
		ps[i].Runs = mergeRuns(notePunct(mergeRuns(ps[i].Runs)))
	}
	return ps
}

// notePunct moves a note marker after the punctuation that follows it
// and drops the space before it, as Pandoc does for note styles and
// Chicago asks: "reached Enzeli [@rb]." prints "reached Enzeli.¹".
func notePunct(runs []Run) []Run {
	for i := range runs {
		if runs[i].Note == 0 {
			continue
		}
		// Consecutive markers move as one group.
		j := i
		for j+1 < len(runs) && runs[j+1].Note != 0 {
			j++
		}
		if i > 0 && runs[i-1].Note == 0 {
			runs[i-1].Text = strings.TrimRight(runs[i-1].Text, " ")
		}
		if i == 0 || runs[i-1].Note != 0 || j+1 >= len(runs) {
			continue
		}
		next := &runs[j+1]
		k := 0
		for k < len(next.Text) && strings.IndexByte(".,;:!?", next.Text[k]) >= 0 {
			k++
		}
		if k > 0 && !strings.HasSuffix(runs[i-1].Text, next.Text[:k]) {
			runs[i-1].Text += next.Text[:k]
		}
		next.Text = next.Text[k:]
	}
	return runs
}

func plainText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Note == 0 {
			b.WriteString(r.Text)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// parseCites returns a citation's items, as the narrative's parser read
// them, and checks their sources (the loader has reported both already
// for a loaded document; this is for one made otherwise).
func (c *mdConv) parseCites(x *content.CiteNode) ([]content.Cite, int, error) {
	if x.Err != nil {
		return nil, x.ErrOff, fmt.Errorf("citation [%s]: %v", x.Raw, x.Err)
	}
	cites := slices.Clone(x.Cites)
	var bad []string
	for i := range cites {
		if c.doc.SourceByID[cites[i].Source] == nil {
			bad = append(bad, strconv.Quote(cites[i].Source))
		}
		cites[i].Pos = c.pos(x.Off)
	}
	if bad != nil {
		return nil, x.Off, fmt.Errorf("citation [%s]: unknown source %s", x.Raw, strings.Join(bad, ", "))
	}
	return cites, x.Off, nil
}
