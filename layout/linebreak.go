package layout

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"annalist/content"
)

// This file breaks a paragraph of runs into lines: Knuth and Plass's
// total-fit algorithm ("Breaking Paragraphs into Lines", 1981) over boxes,
// glue and penalties for justified text, first-fit for ragged text. It
// knows nothing of pages: it turns one paragraph into positioned lines.

// Line-breaking parameters, TeX's values where TeX has one.
const (
	linePenalty      = 10   // \linepenalty: the cost of one more line
	hyphenPenalty    = 50   // \hyphenpenalty
	exHyphenPenalty  = 50   // \exhyphenpenalty: a break after an explicit hyphen or dash
	flaggedDemerits  = 3000 // two hyphenated lines in a row (Knuth-Plass's alpha)
	fitnessDemerits  = 3000 // a tight line next to a loose one (gamma)
	pretolerance     = 100  // pass 1, without hyphenation
	tolerance        = 200  // pass 2, with hyphenation
	emergencyTol     = 2000 // pass 3, before falling back to ragged-right
	penaltyInfinity  = 10000
	urlBreakPenalty  = 50   // a break after a '/' or '.' of a word wider than the line
	charBreakPenalty = 500  // a break anywhere in such a word, the last resort
	markerScale      = 0.6  // a note marker's size relative to its text
	markerRise       = 0.33 // and its rise, in the text's size
	raggedHyphenFill = 0.8  // ragged text hyphenates a word only if the line would be emptier than this
)

// Inter-word glue. TeX's stretch of half the space and shrink of a third
// are Computer Modern's, whose space is a third of an em: its stretch is
// 1/6 em. Noto Serif's space is 0.26 em, and half of it (0.13 em) made
// lines that TeX would set at badness 100 count as "very loose" (and
// drove the breaker to looser lines elsewhere). So a space stretches by
// half its width but at least by CM's 1/6 em. The shrink stays a third of
// the face's space: Noto's tightest space, 0.17 em, is already tighter
// than CM's.
const (
	glueStretch    = 1.0 / 2 // of the space
	glueMinStretch = 1.0 / 6 // of the font size
	glueShrink     = 1.0 / 3 // of the space
)

// Font expansion, as pdfTeX's (microtype's "expansion"): in a justified
// paragraph every glyph of a line may be widened or narrowed, the whole
// line by one factor, so that the spaces need stretch or shrink less.
// Each word fragment is a box that stretches and shrinks by these
// fractions of its width; the breaker counts that with the glue's, so
// total fit can choose breaks it could not before. microtype's defaults
// are 2% both ways ("stretch=20, shrink=20"), the usual ceiling before
// scaled letters show as wider or narrower than their neighbours'.
// Annalist widens by up to 2%, since loose lines are what it has to cure,
// and narrows by up to 1.5%: a tight line already has tight spaces, and
// narrowed letters on top of them are the first thing to look cramped.
//
// A line's adjustment ratio r says how much of its stretchability is
// used (see lineRatio): up to r = 1 the letters and the spaces take their
// shares of the slack in proportion; past it the letters stay at their
// ceiling and the spaces alone stretch further, so that r > 1 (and the
// badness reckoned from it) measures the spaces a reader sees, as it did
// before there was expansion. A line never shrinks past r = -1.
const (
	expandStretch = 0.02
	expandShrink  = 0.015
	// expandStep is the precision of a line's scale factor: what the
	// PDF writer prints (Tz to two decimals of a percent), so that the
	// layout positions exactly what is drawn.
	expandStep = 1e-4
)

type lbKind uint8

const (
	kBox lbKind = iota
	kGlue
	kPenalty
)

// lbItem is a box, glue or penalty of the paragraph. A box is one fragment
// of text (a word, or a piece of a word between hyphenation points or
// style changes); a glue is an inter-word space; a penalty a possible
// break inside a word. A box (and a hyphen's penalty) has stretch and
// shrink only when the paragraph is expanded: its glyphs' share.
type lbItem struct {
	kind            lbKind
	flagged         bool
	w               Pt
	stretch, shrink Pt
	penalty         float64
	frag            int32 // boxes and hyphen penalties: the fragment; glue: the fragment whose run made the space
}

// textFrag is what a box prints.
type textFrag struct {
	text  string
	style int32 // index into parBuilder.styles; equal styles may merge into one Text
	w     Pt
	dest  string // a destination at the fragment's start
	note  int    // a note marker's number
}

// fragStyle is how a fragment is drawn.
type fragStyle struct {
	font  Font
	size  Pt
	color Color
	rise  Pt
	link  string
}

// parBuilder turns runs into boxes, glue and penalties.
type parBuilder struct {
	m         Measurer
	hyphenate bool
	// expand gives boxes their font expansion (justified text).
	expand bool
	// hyph finds the hyphenation points; nil uses the patterns alone.
	hyph   *hyphenation
	items  []lbItem
	frags  []textFrag
	styles []fragStyle
	spaceW map[fontKey]Pt
}

type fontKey struct {
	f    Font
	size Pt
}

func (b *parBuilder) reset(hyphenate, expand bool) {
	b.hyphenate = hyphenate
	b.expand = expand
	b.items = b.items[:0]
	b.frags = b.frags[:0]
	b.styles = b.styles[:0]
}

func (b *parBuilder) space(f Font, size Pt) Pt {
	k := fontKey{f, size}
	if w, ok := b.spaceW[k]; ok {
		return w
	}
	if b.spaceW == nil {
		b.spaceW = map[fontKey]Pt{}
	}
	w := b.m.Width(" ", f, size)
	b.spaceW[k] = w
	return w
}

func (b *parBuilder) addStyle(s fragStyle) int32 {
	b.styles = append(b.styles, s)
	return int32(len(b.styles) - 1)
}

func (b *parBuilder) addBox(text string, style int32, dest string) {
	s := b.styles[style]
	w := b.m.Width(text, s.font, s.size)
	b.frags = append(b.frags, textFrag{text: text, style: style, w: w, dest: dest})
	b.items = append(b.items, b.textBox(w, int32(len(b.frags)-1)))
}

// textBox is the box of a fragment of text of width w: with its glyphs'
// stretch and shrink when the paragraph is expanded.
func (b *parBuilder) textBox(w Pt, frag int32) lbItem {
	it := lbItem{kind: kBox, w: w, frag: frag}
	if b.expand {
		it.stretch, it.shrink = w*expandStretch, w*expandShrink
	}
	return it
}

// addGlue adds an inter-word space, unless the paragraph is empty or
// already ends in one (spaces do not add up).
func (b *parBuilder) addGlue(style int32) {
	if len(b.items) == 0 || b.items[len(b.items)-1].kind == kGlue {
		return
	}
	s := b.styles[style]
	w := b.space(s.font, s.size)
	sf := Pt(b.spaceFactor())
	stretch, shrink := max(w*glueStretch, s.size*glueMinStretch)*sf, w*glueShrink/sf
	b.items = append(b.items, lbItem{kind: kGlue, w: w, stretch: stretch, shrink: shrink, frag: int32(len(b.frags) - 1)})
}

// spaceFactor is TeX's space factor of a space, divided by 1000: the
// space after a sentence stretches three times as much as a space
// between words and shrinks a third as much, after a colon twice, a
// semicolon 1.5 times, a comma 1.25 times (TeX's \nonfrenchspacing
// values, without its extra width: at natural width every space is one
// space, as Chicago wants). Closing quotes and parentheses pass the
// punctuation before them through, as do note markers; a period after a
// capital ("J. Smith") ends an initial, not a sentence.
func (b *parBuilder) spaceFactor() float64 {
	text := ""
	for i := len(b.items) - 1; i >= 0 && text == ""; i-- {
		it := &b.items[i]
		if it.kind != kBox {
			return 1
		}
		if f := &b.frags[it.frag]; f.note == 0 {
			text = strings.TrimRightFunc(f.text, isClosing)
		}
	}
	last, n := utf8.DecodeLastRuneInString(text)
	switch last {
	case '.', '?', '!':
		if before, _ := utf8.DecodeLastRuneInString(text[:len(text)-n]); unicode.IsUpper(before) {
			return 1
		}
		return 3
	case ':':
		return 2
	case ';':
		return 1.5
	case ',':
		return 1.25
	}
	return 1
}

// isClosing reports whether r is transparent to the space factor.
func isClosing(r rune) bool {
	switch r {
	case ')', ']', '’', '”', '\'', '"':
		return true
	}
	return false
}

// addPenalty adds a possible break inside a word; a hyphen break has the
// width of the hyphen it prints.
func (b *parBuilder) addPenalty(w Pt, p float64, flagged bool) {
	it := lbItem{kind: kPenalty, w: w, penalty: p, flagged: flagged, frag: int32(len(b.frags) - 1)}
	if b.expand {
		it.stretch, it.shrink = w*expandStretch, w*expandShrink
	}
	b.items = append(b.items, it)
}

// addPrefix adds a note's number ("12.") linking back to its marker, and
// a fixed en space after it.
func (b *parBuilder) addNoteNumber(n int, f Font, size Pt, color Color) {
	st := b.addStyle(fragStyle{font: f, size: size, color: color, link: "ref-" + strconv.Itoa(n)})
	b.addBox(strconv.Itoa(n)+".", st, "note-"+strconv.Itoa(n))
	// The en space is a box: it neither stretches nor breaks (nor
	// expands: it is a fixed space, not a glyph).
	kern := b.addStyle(fragStyle{font: f, size: size, color: color})
	b.frags = append(b.frags, textFrag{style: kern, w: size / 2})
	b.items = append(b.items, lbItem{kind: kBox, w: size / 2, frag: int32(len(b.frags) - 1)})
}

// addRun splits a run into words and spaces.
func (b *parBuilder) addRun(r Run) {
	if r.Note > 0 {
		// A marker hugs the word before it: drop the space before it so
		// no line can start with a marker.
		if n := len(b.items); n > 0 && b.items[n-1].kind == kGlue {
			b.items = b.items[:n-1]
		}
		st := b.addStyle(fragStyle{font: r.Font, size: r.Size * markerScale, color: r.Color,
			rise: r.Size * markerRise, link: "note-" + strconv.Itoa(r.Note)})
		b.addBox(strconv.Itoa(r.Note), st, "ref-"+strconv.Itoa(r.Note))
		b.frags[len(b.frags)-1].note = r.Note
		return
	}
	st := b.addStyle(fragStyle{font: r.Font, size: r.Size, color: r.Color, link: r.Link})
	dest := r.Dest
	text := r.Text
	for len(text) > 0 {
		i := strings.IndexAny(text, " \t\n\r\v\f")
		if i == 0 {
			b.addGlue(st)
			text = text[1:]
			continue
		}
		if i < 0 {
			i = len(text)
		}
		b.addWord(text[:i], st, dest, r.NoBreak)
		dest = ""
		text = text[i:]
	}
	if dest != "" {
		// An empty run still marks its place.
		b.frags = append(b.frags, textFrag{style: st, dest: dest})
		b.items = append(b.items, lbItem{kind: kBox, frag: int32(len(b.frags) - 1)})
	}
}

// addWord adds one word (or the part of a word in one run) as boxes, with
// breaks after explicit hyphens and dashes and, when hyphenating, at the
// patterns' hyphenation points.
func (b *parBuilder) addWord(word string, st int32, dest string, noBreak bool) {
	// Explicit hyphens and dashes: a break after them prints nothing more.
	for {
		i := explicitBreak(word)
		if i < 0 {
			break
		}
		b.addWordPart(word[:i], st, dest, noBreak)
		dest = ""
		b.addPenalty(0, exHyphenPenalty, true)
		word = word[i:]
	}
	b.addWordPart(word, st, dest, noBreak)
}

// explicitBreak returns the offset just after the first hyphen or dash of
// word that has letters on both sides, or -1.
func explicitBreak(word string) int {
	for i, r := range word {
		if r != '-' && r != '–' && r != '—' {
			continue
		}
		j := i + utf8.RuneLen(r)
		if i > 0 && j < len(word) {
			before, _ := utf8.DecodeLastRuneInString(word[:i])
			after, _ := utf8.DecodeRuneInString(word[j:])
			if before != '-' && after != '-' && before != ' ' {
				return j
			}
		}
	}
	return -1
}

func (b *parBuilder) addWordPart(word string, st int32, dest string, noBreak bool) {
	if word == "" {
		return
	}
	if !b.hyphenate || noBreak {
		b.addBox(word, st, dest)
		return
	}
	pre, core, _, ok := hyphenatable(word)
	var at []int
	if ok {
		at = b.hyph.hyphenate(core)
	}
	if len(at) == 0 {
		b.addBox(word, st, dest)
		return
	}
	s := b.styles[st]
	hw := b.m.Width("-", s.font, s.size)
	start := 0
	for _, a := range at {
		cut := len(pre) + a
		b.addBox(word[start:cut], st, dest)
		dest = ""
		b.addPenalty(hw, hyphenPenalty, true)
		start = cut
	}
	b.addBox(word[start:], st, "")
}

// urlBreaks are the characters after which a word wider than the line
// (in practice a URL) may break, printing nothing more.
const urlBreaks = "/-._?&="

// breakOverlong makes every unbreakable stretch of boxes wider than limit
// breakable, so that no line need run past the margin: a box that is
// too wide on its own may break after one of urlBreaks and, where a piece
// is still too wide, anywhere; a chain of boxes (a word that changes
// style, a note's number and its first word) breaks between its boxes.
// It reports whether it added any break.
func (b *parBuilder) breakOverlong(limit Pt) bool {
	if limit <= 0 {
		return false
	}
	wide := false
	var acc Pt
	for _, it := range b.items {
		if it.kind != kBox {
			acc = 0
			continue
		}
		if acc += it.w; acc > limit {
			wide = true
			break
		}
	}
	if !wide {
		return false
	}
	old := b.items
	b.items = make([]lbItem, 0, len(old)+16)
	acc = 0
	for _, it := range old {
		if it.kind != kBox {
			b.items = append(b.items, it)
			acc = 0
			continue
		}
		if acc+it.w <= limit {
			b.items = append(b.items, it)
			acc += it.w
			continue
		}
		if acc > 0 {
			b.items = append(b.items, lbItem{kind: kPenalty, penalty: charBreakPenalty, frag: it.frag})
			acc = 0
		}
		if it.w <= limit || b.frags[it.frag].note > 0 {
			b.items = append(b.items, it)
			acc = it.w
			continue
		}
		acc = b.splitBox(it, limit)
	}
	return true
}

// splitBox appends the box it, wider than limit, as pieces no wider than
// limit (but for a single character wider than that) with breaks between
// them, and returns the width of the last piece.
func (b *parBuilder) splitBox(it lbItem, limit Pt) Pt {
	f := b.frags[it.frag]
	s := b.styles[f.style]
	width := func(t string) Pt { return b.m.Width(t, s.font, s.size) }
	var last Pt
	first := true
	add := func(t string, pen float64) {
		if !first {
			b.items = append(b.items, lbItem{kind: kPenalty, penalty: pen, frag: int32(len(b.frags) - 1)})
		}
		w := width(t)
		if first {
			// The first piece keeps the fragment, with its destination.
			b.frags[it.frag].text, b.frags[it.frag].w = t, w
			b.items = append(b.items, b.textBox(w, it.frag))
		} else {
			b.frags = append(b.frags, textFrag{text: t, style: f.style, w: w})
			b.items = append(b.items, b.textBox(w, int32(len(b.frags)-1)))
		}
		first = false
		last = w
	}
	text := f.text
	pen := float64(urlBreakPenalty)
	for text != "" {
		// The segment up to and including the next URL break character.
		seg := text
		if i := strings.IndexAny(text[:len(text)-1], urlBreaks); i >= 0 {
			seg = text[:i+1]
		}
		text = text[len(seg):]
		for seg != "" {
			// The longest prefix that fits, at least one character;
			// widths are summed per character, then checked whole.
			// Only the prefix is measured, never the rest of the
			// segment, so that a word of a megabyte is cut in time
			// linear in its length.
			var sum Pt
			cut := 0
			for i, r := range seg {
				n := utf8.RuneLen(r)
				if sum += width(seg[i : i+n]); sum > limit && cut > 0 {
					break
				}
				cut = i + n
			}
			if cut == len(seg) && width(seg) <= limit {
				add(seg, pen)
				break
			}
			for cut > 0 && width(seg[:cut]) > limit {
				_, n := utf8.DecodeLastRuneInString(seg[:cut])
				if cut-n == 0 {
					break
				}
				cut -= n
			}
			add(seg[:cut], pen)
			seg = seg[cut:]
			pen = charBreakPenalty
		}
		pen = urlBreakPenalty
	}
	return last
}

// finish ends the paragraph: TeX's \parfillskip (glue that takes all the
// slack of the last line) and a forced break.
func (b *parBuilder) finish() {
	if n := len(b.items); n > 0 && b.items[n-1].kind == kGlue {
		b.items = b.items[:n-1]
	}
	b.items = append(b.items,
		lbItem{kind: kPenalty, penalty: penaltyInfinity, frag: -1},
		lbItem{kind: kGlue, frag: -1}, // parfillskip: its stretch is infinite; see ratio
		lbItem{kind: kPenalty, penalty: -penaltyInfinity, frag: -1})
}

// lbNode is a feasible break: an active node of the algorithm.
type lbNode struct {
	pos      int // item index of the break; -1 for the paragraph start
	line     int // number of lines before the break
	fitness  int8
	w, y, z  Pt // sums of widths, the glue's stretch and all shrink up to the first box after the break
	yb       Pt // and of the boxes' stretch (font expansion)
	demerits float64
	ratio    float64 // of the line that ends here
	prev     int32
}

// lineBreaker holds the state of one run of the algorithm; reused across
// paragraphs to avoid allocations.
type lineBreaker struct {
	nodes  []lbNode
	active []int32
	next   []int32
}

// breakLines returns the item indexes of the breaks of the best fit whose
// every line has badness at most tol, and each line's adjustment ratio; ok
// is false if there is none. first and rest are the widths of the first and
// the other lines.
func (lb *lineBreaker) breakLines(items []lbItem, first, rest Pt, tol float64) (breaks []int, ratios []float64, ok bool) {
	lb.nodes = append(lb.nodes[:0], lbNode{pos: -1, fitness: 1, prev: -1})
	lb.active = append(lb.active[:0], 0)
	maxRatio := math.Cbrt(tol / 100)
	last := len(items) - 1
	var s lbSums
	for b := range items {
		it := &items[b]
		legal := false
		switch it.kind {
		case kBox:
			s.w += it.w
			s.yb += it.stretch
			s.z += it.shrink
		case kGlue:
			legal = b > 0 && items[b-1].kind == kBox
		case kPenalty:
			legal = it.penalty < penaltyInfinity
		}
		if legal {
			lb.tryBreak(items, b, b == last, s, first, rest, maxRatio)
			if len(lb.active) == 0 {
				return nil, nil, false
			}
		}
		if it.kind == kGlue {
			s.w += it.w
			s.y += it.stretch
			s.z += it.shrink
		}
	}
	// The forced break at the end deactivated everything before it; the
	// best node at the end is among the newest.
	best := int32(-1)
	for _, a := range lb.active {
		n := &lb.nodes[a]
		if n.pos == last && (best < 0 || n.demerits < lb.nodes[best].demerits) {
			best = a
		}
	}
	if best < 0 {
		return nil, nil, false
	}
	nl := lb.nodes[best].line
	breaks = make([]int, nl)
	ratios = make([]float64, nl)
	for a := best; lb.nodes[a].pos >= 0; a = lb.nodes[a].prev {
		n := &lb.nodes[a]
		breaks[n.line-1] = n.pos
		ratios[n.line-1] = n.ratio
	}
	return breaks, ratios, true
}

// lbSums are running sums over the items: width, the glue's stretch, the
// boxes' stretch, and shrink.
type lbSums struct{ w, y, yb, z Pt }

// lineRatio is the adjustment ratio of a line of natural width L set to
// width, with glue stretch y, box (font expansion) stretch yb and total
// shrink z: the fraction of every item's stretch or shrink it uses. Past
// r = 1 the boxes are at their ceiling and r is the glue's alone.
func lineRatio(L, width, y, yb, z Pt) float64 {
	switch {
	case L < width:
		s := width - L
		if s <= y+yb {
			return float64(s / (y + yb))
		}
		if y > 0 {
			return float64((s - yb) / y)
		}
		return math.Inf(1)
	case L > width:
		if z > 0 {
			return float64((width - L) / z)
		}
		return math.Inf(-1)
	}
	return 0
}

// tryBreak is the inner loop: the break at item b, tried against every
// active node.
func (lb *lineBreaker) tryBreak(items []lbItem, b int, isLast bool, sum lbSums, first, rest Pt, maxRatio float64) {
	it := &items[b]
	forced := it.kind == kPenalty && it.penalty <= -penaltyInfinity
	var bestD [4]float64
	var bestA [4]int32
	var bestR [4]float64
	for c := range bestD {
		bestD[c] = math.Inf(1)
	}
	minD := math.Inf(1)
	lb.next = lb.next[:0]
	for _, a := range lb.active {
		n := &lb.nodes[a]
		width := rest
		if n.line == 0 {
			width = first
		}
		L, yb, z := sum.w-n.w, sum.yb-n.yb, sum.z-n.z
		if it.kind == kPenalty {
			L, yb, z = L+it.w, yb+it.stretch, z+it.shrink
		}
		r := 0.0 // the last line's parfillskip takes the slack
		if !isLast || L > width {
			r = lineRatio(L, width, sum.y-n.y, yb, z)
		}
		if r >= -1 && !forced {
			lb.next = append(lb.next, a)
		}
		if r < -1 || r > maxRatio {
			continue
		}
		bad := 100 * math.Abs(r*r*r)
		var d float64
		switch {
		case it.kind == kPenalty && it.penalty >= 0:
			d = (linePenalty + bad + it.penalty) * (linePenalty + bad + it.penalty)
		case it.kind == kPenalty && it.penalty > -penaltyInfinity:
			d = (linePenalty+bad)*(linePenalty+bad) - it.penalty*it.penalty
		default:
			d = (linePenalty + bad) * (linePenalty + bad)
		}
		if it.kind == kPenalty && it.flagged && n.pos >= 0 && items[n.pos].kind == kPenalty && items[n.pos].flagged {
			d += flaggedDemerits
		}
		var c int8
		switch {
		case r < -0.5:
			c = 0
		case r <= 0.5:
			c = 1
		case r <= 1:
			c = 2
		default:
			c = 3
		}
		if c-n.fitness > 1 || n.fitness-c > 1 {
			d += fitnessDemerits
		}
		d += n.demerits
		if d < bestD[c] {
			bestD[c], bestA[c], bestR[c] = d, a, r
			minD = min(minD, d)
		}
	}
	lb.active, lb.next = lb.next, lb.active
	if math.IsInf(minD, 1) {
		return
	}
	// Sums after the break: the glue and penalties a break discards.
	w, y, z := sum.w, sum.y, sum.z
	for i := b; i < len(items); i++ {
		if items[i].kind == kBox || (i > b && items[i].kind == kPenalty && items[i].penalty <= -penaltyInfinity) {
			break
		}
		if items[i].kind == kGlue {
			w += items[i].w
			y += items[i].stretch
			z += items[i].shrink
		}
	}
	for c := range bestD {
		if bestD[c] <= minD+fitnessDemerits {
			lb.nodes = append(lb.nodes, lbNode{pos: b, line: lb.nodes[bestA[c]].line + 1, fitness: int8(c),
				w: w, y: y, yb: sum.yb, z: z, demerits: bestD[c], ratio: bestR[c], prev: bestA[c]})
			lb.active = append(lb.active, int32(len(lb.nodes)-1))
		}
	}
}

// raggedBreaks sets lines first-fit with natural spaces. It breaks at a
// hyphenation point only when breaking at the last space would leave the
// line emptier than raggedHyphenFill. A word wider than the line stands on
// a line of its own: it is reported as overfull.
func raggedBreaks(items []lbItem, first, rest Pt) (breaks []int, overfull bool) {
	width := first
	var lastGlue, lastPen = -1, -1
	var wGlue Pt // the line's width at the last space
	var L Pt
	for i := 0; i < len(items); i++ {
		it := &items[i]
		switch it.kind {
		case kGlue:
			if i > 0 && items[i-1].kind == kBox {
				lastGlue, wGlue = i, L
			}
			L += it.w
			continue
		case kPenalty:
			if it.penalty <= -penaltyInfinity {
				breaks = append(breaks, i)
				return breaks, overfull
			}
			if it.penalty < penaltyInfinity && L+it.w <= width {
				lastPen = i
			}
			continue
		}
		L += it.w
		if L <= width {
			continue
		}
		// The box at i does not fit: break before it.
		brk := -1
		switch {
		case lastPen > lastGlue && (lastGlue < 0 || wGlue < raggedHyphenFill*width):
			brk = lastPen
		case lastGlue >= 0:
			brk = lastGlue
		case lastPen >= 0:
			brk = lastPen
		}
		if brk < 0 {
			// One unbreakable word wider than the line: it overflows;
			// break at the first chance after it.
			overfull = true
			continue
		}
		breaks = append(breaks, brk)
		// Restart after the break, skipping what it discards.
		i = brk
		for i+1 < len(items) && items[i+1].kind != kBox && !(items[i+1].kind == kPenalty && items[i+1].penalty <= -penaltyInfinity) {
			i++
		}
		width = rest
		lastGlue, lastPen = -1, -1
		L = 0
	}
	return breaks, overfull
}

// parLine is one set line: items positioned with X absolute and Y
// relative to the top of the line's slot; and the notes whose markers it
// holds.
type parLine struct {
	items []Item
	notes []int
	h     Pt
}

// parSpec is a paragraph to set: its runs, width and indents.
type parSpec struct {
	runs        []Run
	align       Align
	x           Pt // left edge of the lines (frame left + Para.Left)
	width       Pt // the width of every line but the first
	firstIndent Pt
	leading     Pt
	marker      []Run
	noteNumber  int         // > 0: a note's text, prefixed by its number
	pos         content.Pos // where the paragraph is written, when it is
}

// setter sets paragraphs; it keeps its buffers across paragraphs.
type setter struct {
	m        Measurer
	b        parBuilder
	lb       lineBreaker
	warnings []string
	// broke is whether the paragraph last built has a word wider than the
	// line, broken to fit.
	broke bool
	// ratios are the adjustment ratios of the lines of the last justified
	// paragraph set (nil if it was set ragged), for tests to judge.
	ratios []float64
	// noExpansion sets justified text without font expansion, for tests
	// that measure what expansion does.
	noExpansion bool
}

func newSetter(m Measurer) *setter {
	return &setter{m: m, b: parBuilder{m: m}}
}

// build makes the paragraph's items. Justified text is expanded: its
// footnotes too, which are justified to the same measure at 8.5pt, with
// long titles and URLs that leave few breaks; the letters of a smaller
// size change by the same fraction, so a page keeps one texture.
// Ragged, centred and right-aligned text (headings, the ragged fallback)
// keeps its natural widths: it has no slack to take up.
func (s *setter) build(p *parSpec, hyphenate bool) {
	s.b.reset(hyphenate, p.align == Justify && !s.noExpansion)
	if p.noteNumber > 0 {
		r := firstTextRun(p.runs)
		s.b.addNoteNumber(p.noteNumber, r.Font, r.Size, r.Color)
	}
	for _, r := range p.runs {
		s.b.addRun(r)
	}
	s.broke = s.b.breakOverlong(min(p.width-p.firstIndent, p.width))
	s.b.finish()
}

func firstTextRun(runs []Run) Run {
	for _, r := range runs {
		if r.Note == 0 && r.Size > 0 {
			return r
		}
	}
	if len(runs) > 0 {
		return runs[0]
	}
	return Run{Font: Font{Family: "serif"}, Size: 10}
}

// setPar breaks a paragraph into lines and positions their text.
func (s *setter) setPar(p *parSpec) []parLine {
	first := p.width - p.firstIndent
	var breaks []int
	var ratios []float64
	ok := false
	justify := p.align == Justify
	if justify {
		// TeX's passes: first without hyphenation, then with, then with
		// an emergency tolerance; a paragraph that fails all three is set
		// ragged-right rather than with lines that run into the margin.
		s.build(p, false)
		breaks, ratios, ok = s.lb.breakLines(s.b.items, first, p.width, pretolerance)
		if !ok {
			s.build(p, true)
			breaks, ratios, ok = s.lb.breakLines(s.b.items, first, p.width, tolerance)
		}
		if !ok {
			breaks, ratios, ok = s.lb.breakLines(s.b.items, first, p.width, emergencyTol)
			if ok {
				for _, r := range ratios {
					if 100*r*r*r > tolerance {
						s.warn(p, "very loose line(s)")
						break
					}
				}
			}
		}
		if !ok && !s.broke {
			// (A broken word says why, below.)
			s.warn(p, "could not be justified; set ragged-right")
		}
	}
	if !ok {
		s.build(p, true) // (boxes may have stretch: lines set ragged, at r = 0, do not use it)
		var overfull bool
		breaks, overfull = raggedBreaks(s.b.items, first, p.width)
		ratios = make([]float64, len(breaks))
		if overfull {
			s.warn(p, "overfull line: a word is wider than the line and runs into the margin")
		}
		if justify {
			justify = false
		}
	}
	if s.broke {
		s.warn(p, "a word wider than the line is broken across lines")
	}
	s.ratios = nil
	if justify {
		s.ratios = ratios
	}
	return s.position(p, breaks, ratios, justify)
}

// warn records a problem with a paragraph, named by its first words, in
// the shape every layout warning has: `layout: warning: paragraph "…": …`.
func (s *setter) warn(p *parSpec, what string) {
	where := "layout"
	if p.pos.File != "" {
		// Where the user wrote it, as the loader says its problems.
		where = p.pos.String()
	}
	s.warnings = append(s.warnings, where+": warning: paragraph "+strconv.Quote(firstWords(p.runs, 6, 60))+": "+what)
}

// firstWords is the start of the runs' text: at most n words and about
// max characters (a 5,000-letter word is cut), with "…" if there is more.
func firstWords(runs []Run, n, max int) string {
	var all []string
	for _, r := range runs {
		all = append(all, strings.Fields(r.Text)...)
		if len(all) > n {
			break
		}
	}
	more := len(all) > n
	all = all[:min(len(all), n)]
	out := strings.Join(all, " ")
	if rs := []rune(out); len(rs) > max {
		out, more = string(rs[:max]), true
	}
	if more {
		out += "…"
	}
	return out
}

// position turns breaks into lines of items.
func (s *setter) position(p *parSpec, breaks []int, ratios []float64, justify bool) []parLine {
	items := s.b.items
	asc, desc := s.parMetrics(p)
	baseline := (p.leading-(asc+desc))/2 + asc
	lines := make([]parLine, 0, len(breaks))
	start := 0
	for li, brk := range breaks {
		// Skip what the previous break discarded.
		for start < brk && items[start].kind != kBox {
			start++
		}
		width, x0 := p.width, p.x
		if li == 0 {
			width -= p.firstIndent
			x0 += p.firstIndent
		}
		last := li == len(breaks)-1
		// End of the line's content: drop glue and penalties before the
		// break (a break at glue excludes it).
		end := brk
		var boxes, glue, stretch, shrink, boxStretch, boxShrink Pt
		for i := start; i < end; i++ {
			switch it := &items[i]; it.kind {
			case kBox:
				boxes += it.w
				boxStretch += it.stretch
				boxShrink += it.shrink
			case kGlue:
				glue += it.w
				stretch += it.stretch
				shrink += it.shrink
			}
		}
		hyphen := items[brk].kind == kPenalty && items[brk].w > 0
		if hyphen {
			boxes += items[brk].w
			boxStretch += items[brk].stretch
			boxShrink += items[brk].shrink
		}
		natural := boxes + glue
		r := 0.0
		if justify && !last {
			r = ratios[li]
		} else if justify && last && natural > width && shrink+boxShrink > 0 {
			r = float64((width - natural) / (shrink + boxShrink))
		}
		// The letters take their share of r, up to their ceiling, as one
		// scale for the line, rounded to what the PDF prints; the spaces
		// take what is left, so the line ends exactly at the margin.
		scale, sw := 1.0, Pt(0)
		switch {
		case r > 0 && boxStretch > 0:
			scale = 1 + min(r, 1)*expandStretch
		case r < 0 && boxShrink > 0:
			scale = 1 + max(r, -1)*expandShrink
		}
		scale = math.Round(scale/expandStep) * expandStep
		if scale != 1 {
			// (The en space after a note's number is a box that does not
			// expand: only boxes with stretch scale.)
			for i := start; i < end; i++ {
				if it := &items[i]; it.kind == kBox && it.stretch > 0 {
					sw += it.w * Pt(scale-1)
				}
			}
			if hyphen && items[brk].stretch > 0 {
				sw += items[brk].w * Pt(scale-1)
			}
		}
		rg := r // the spaces' ratio
		if slack := width - natural - sw; r != 0 {
			switch {
			case slack > 0 && stretch > 0:
				rg = float64(slack / stretch)
			case slack < 0 && shrink > 0:
				rg = float64(slack / shrink)
			default:
				rg = 0
			}
		}
		lineW := natural + sw
		if rg > 0 {
			lineW += Pt(rg) * stretch
		} else if rg < 0 {
			lineW += Pt(rg) * shrink
		}
		switch p.align {
		case Center:
			x0 += (width - lineW) / 2
		case Right:
			x0 += width - lineW
		}
		var ln parLine
		ln.h = p.leading
		e := emitter{s: s, y: baseline, asc: asc, desc: desc, scale: scale}
		x := x0
		for i := start; i < end; i++ {
			it := &items[i]
			switch it.kind {
			case kBox:
				f := &s.b.frags[it.frag]
				w := it.w
				if it.stretch > 0 {
					w *= Pt(scale)
				}
				e.box(&ln, f, x, w, i == end-1 && hyphen, s.m)
				x += w
			case kGlue:
				g := it.w
				if rg > 0 {
					g += Pt(rg) * it.stretch
				} else if rg < 0 {
					g += Pt(rg) * it.shrink
				}
				e.glue(g, rg == 0)
				x += g
			}
		}
		e.flush(&ln)
		if li == 0 && len(p.marker) > 0 {
			s.setMarker(&ln, p, baseline)
		}
		lines = append(lines, ln)
		start = brk + 1
	}
	return lines
}

// parMetrics are the ascent and descent the paragraph's lines are set
// for: those of its largest text.
func (s *setter) parMetrics(p *parSpec) (asc, desc Pt) {
	for _, r := range p.runs {
		if r.Note > 0 || r.Size <= 0 {
			continue
		}
		asc = max(asc, s.m.Ascent(r.Font, r.Size))
		desc = max(desc, s.m.Descent(r.Font, r.Size))
	}
	if asc == 0 && desc == 0 {
		r := firstTextRun(p.runs)
		asc, desc = s.m.Ascent(r.Font, r.Size), s.m.Descent(r.Font, r.Size)
	}
	return asc, desc
}

// setMarker sets a list item's bullet or number in the left indent,
// right-aligned 4pt before the text.
func (s *setter) setMarker(ln *parLine, p *parSpec, baseline Pt) {
	var w Pt
	for _, r := range p.marker {
		w += s.m.Width(r.Text, r.Font, r.Size)
	}
	x := p.x - 4 - w
	for _, r := range p.marker {
		rw := s.m.Width(r.Text, r.Font, r.Size)
		ln.items = append(ln.items, Text{X: x, Y: baseline, Text: r.Text, Font: r.Font, Size: r.Size, Color: r.Color, W: rw})
		x += rw
	}
}

// emitter groups a line's fragments into Text items: adjacent fragments of
// one style join into one Text, and so do words separated by a natural
// (unstretched) space, so that text copies out with its spaces. Stretched
// spaces are left as gaps between Text items, which text extraction reads
// as spaces.
type emitter struct {
	s         *setter
	y         Pt // baseline, relative to the slot's top
	asc, desc Pt
	scale     float64 // the line's font expansion: every Text's HScale
	cur       Text
	buf       []byte // the current Text's string, built without re-copying
	curStyle  int32
	open      bool
	pending   Pt // natural glue waiting between the current Text and the next box
	glueOK    bool
	link      Link
	linkOpen  bool
}

func (e *emitter) glue(w Pt, natural bool) {
	if e.open {
		e.pending += w
		e.glueOK = e.glueOK && natural
	}
}

// box emits a fragment set at x with width w (its width as expanded).
func (e *emitter) box(ln *parLine, f *textFrag, x, w Pt, hyphen bool, m Measurer) {
	st := &e.s.b.styles[f.style]
	text := f.text
	if hyphen {
		text += "-"
		w += m.Width("-", st.font, st.size) * Pt(e.scale)
	}
	if f.dest != "" {
		ln.items = append(ln.items, Dest{Name: f.dest, X: x, Y: 0})
	}
	if f.note > 0 {
		ln.notes = append(ln.notes, f.note)
	}
	// Links: one rectangle per line per run of linked fragments.
	if st.link != "" {
		top := e.y - e.asc
		if e.linkOpen && e.link.Dest == linkDest(st.link) && e.link.URL == linkURL(st.link) {
			e.link.W = x + w - e.link.X
		} else {
			e.closeLink(ln)
			e.link = Link{X: x, Y: top, W: w, H: e.asc + e.desc, Dest: linkDest(st.link), URL: linkURL(st.link)}
			e.linkOpen = true
		}
	} else {
		e.closeLink(ln)
	}
	if text == "" {
		return
	}
	if e.open && e.curStyle == f.style {
		space := e.s.b.space(st.font, st.size)
		switch {
		case e.pending == 0:
			e.buf = append(e.buf, text...)
			e.cur.W = x + w - e.cur.X
			return
		case e.glueOK && math.Abs(float64(e.pending-space)) < 1e-9:
			e.buf = append(append(e.buf, ' '), text...)
			e.cur.W = x + w - e.cur.X
			e.pending = 0
			return
		}
	}
	e.flush(ln)
	e.buf = append(e.buf[:0], text...)
	e.cur = Text{X: x, Y: e.y - st.rise, Font: st.font, Size: st.size, Color: st.color, W: w}
	if e.scale != 1 {
		e.cur.HScale = e.scale
	}
	e.curStyle = f.style
	e.open = true
	e.pending = 0
	e.glueOK = true
}

func (e *emitter) flush(ln *parLine) {
	if e.open {
		e.cur.Text = string(e.buf)
		ln.items = append(ln.items, e.cur)
		e.open = false
	}
	e.closeLink(ln)
	e.pending = 0
}

func (e *emitter) closeLink(ln *parLine) {
	if e.linkOpen {
		ln.items = append(ln.items, e.link)
		e.linkOpen = false
	}
}

// isURL says whether a link target is a URL (has a scheme) rather than a
// destination name.
func isURL(s string) bool {
	i := strings.Index(s, ":")
	if i <= 0 {
		return false
	}
	for _, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func linkDest(s string) string {
	if isURL(s) {
		return ""
	}
	return s
}

func linkURL(s string) string {
	if isURL(s) {
		return s
	}
	return ""
}
