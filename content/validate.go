package content

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// resolve checks every reference by id once all ids are known, scans the
// narrative for citation keys and event links, and collects the warnings
// of things defined but never used.
func (l *loader) resolve() {
	d := l.doc
	candidates := map[string][]string{}
	for _, t := range d.Tracks {
		candidates["track"] = append(candidates["track"], t.ID)
	}
	for _, e := range d.Events {
		candidates["event"] = append(candidates["event"], e.ID)
	}
	for _, s := range d.Sources {
		candidates["source"] = append(candidates["source"], s.ID)
	}
	for _, p := range d.People {
		candidates["person"] = append(candidates["person"], p.ID)
	}
	for _, p := range d.Places {
		candidates["place"] = append(candidates["place"], p.ID)
	}

	used := map[string]map[string]bool{"source": {}, "person": {}, "place": {}}
	for _, r := range l.refs {
		if _, ok := l.ids[r.kind][r.id]; ok {
			if used[r.kind] != nil {
				used[r.kind][r.id] = true
			}
			continue
		}
		if msg, ok := l.unusable(r.kind, r.id); ok {
			l.errorf(r.pos, r.what, "%s", msg)
			continue
		}
		l.errorf(r.pos, r.what, "unknown %s %s%s", r.kind, quoteValue(r.id), l.hint(r.id, r.kind, candidates[r.kind]))
	}
	l.scanNarrative(used["source"], candidates)

	for _, e := range d.Events {
		if len(e.Cite) == 0 {
			name := "event"
			if e.ID != "" {
				name += " " + quoteValue(e.ID)
			}
			l.warnf(e.Pos, name, "no citation: add cite: [source-id] so a reader can check it")
		}
	}
	for _, s := range d.Sources {
		if s.ID != "" && !l.bibSources[s] && !used["source"][s.ID] {
			l.warnf(s.Pos, "source "+quoteValue(s.ID), "nothing cites this source (no event, version, era or [@%s] in the narrative)", s.ID)
		}
	}
	for _, p := range d.People {
		if p.ID != "" && !used["person"][p.ID] {
			l.warnf(p.Pos, "person "+quoteValue(p.ID), "no event names this person (add it to an event's people)")
		}
	}
	for _, p := range d.Places {
		if p.ID != "" && !used["place"][p.ID] {
			l.warnf(p.Pos, "place "+quoteValue(p.ID), "no event names this place (add it to an event's places)")
		}
	}
}

// checkVariantEnds reports a variant start or end that cannot be: a
// variant end before the event starts, a variant start after it ends, or
// a variant start after the variant end. What is only unlikely is left to
// the author.
func checkVariantEnds(o *object, date *Date, v *Version) {
	switch {
	case v.Start != nil && v.End != nil:
		vf, _, ok1 := v.Start.Span()
		_, vl, ok2 := v.End.Span()
		if ok1 && ok2 && vl < vf {
			o.errorf(o.vals["end"], "end %s is before start %s", o.vals["end"].Value, o.vals["start"].Value)
		}
	case v.End != nil:
		ef, _, ok1 := date.Start.Span()
		_, vl, ok2 := v.End.Span()
		if ok1 && ok2 && vl < ef {
			o.errorf(o.vals["end"], "end %s is before the event starts (date %s)", o.vals["end"].Value, date.Source)
		}
	case v.Start != nil && date.Interval:
		_, el, ok1 := date.End.Span()
		vf, _, ok2 := v.Start.Span()
		if ok1 && ok2 && vf > el {
			o.errorf(o.vals["start"], "start %s is after the event ends (date %s)", o.vals["start"].Value, date.Source)
		}
	}
}

// unusable says why a source the handout cites is missing when its key
// is that of a bibliography entry left out for its errors: the entry's
// own errors are listed at the entry, and this one at each citation, so
// that every citation that will not print is found, with where to fix it.
// No "did you mean": the key is right.
func (l *loader) unusable(kind, id string) (string, bool) {
	if kind != "source" {
		return "", false
	}
	p, ok := l.badSources[id]
	if !ok {
		return "", false
	}
	for _, why := range l.badWhy[id] {
		l.foreign(why, p, "", &l.errs)
	}
	delete(l.badWhy, id) // once, however often it is cited
	return fmt.Sprintf("source %s cannot be cited: its entry at %s has errors; fix them there", quoteValue(id), p), true
}

// hint completes "unknown track "x"" with the nearest id, or with the
// list of ids when there are few.
func (l *loader) hint(id, kind string, ids []string) string {
	if s := l.suggest(id, ids); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	var valid []string
	for _, s := range ids {
		if s != "" && !slices.Contains(valid, s) {
			valid = append(valid, s)
			if len(valid) > 8 {
				break // too many to list
			}
		}
	}
	switch {
	case len(ids) == 0:
		return "; the handout has no " + plurals[kind]
	case len(valid) == 0:
		return "; none of the " + plurals[kind] + " has an id"
	case len(valid) <= 8:
		return "; the " + kind + " ids are " + strings.Join(valid, ", ")
	}
	return ""
}

var plurals = map[string]string{"track": "tracks", "event": "events", "source": "sources", "person": "people", "place": "places"}

// scanNarrative walks the parsed narrative (the tree the layout will
// set): it marks the sources the narrative cites, and reports citations
// that do not parse or name unknown sources, links to unknown events,
// and footnote references without a definition.
func (l *loader) scanNarrative(usedSources map[string]bool, candidates map[string][]string) {
	if l.doc.Narrative == "" {
		return
	}
	root, src := l.doc.NarrativeTree()
	at := newPositioner(l.doc, l.doc.Narrative)
	defined := map[string]bool{}
	var labels []string
	gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *CiteNode:
			if x.Err != nil {
				l.errorf(at.pos(x.ErrOff), "", "citation %s: %v", citationText(x), x.Err)
				break
			}
			for i, c := range x.Cites {
				usedSources[c.Source] = true
				if _, ok := l.ids["source"][c.Source]; ok {
					continue
				}
				p := at.pos(x.KeyOff[i])
				if msg, ok := l.unusable("source", c.Source); ok {
					l.errorf(p, "", "citation: %s", msg)
					continue
				}
				l.errorf(p, "", "citation of unknown source %s%s", quoteValue(c.Source), l.hint(c.Source, "source", candidates["source"]))
			}
		case *EventLinkNode:
			switch _, ok := l.ids["event"][x.ID]; {
			case x.ID == "":
				l.errorf(at.pos(x.Off), "", "empty event link: write [[event-id]] or [[event-id|text]]")
			case !ok:
				l.errorf(at.pos(x.Off), "", "link to unknown event %s%s", quoteValue(x.ID), l.hint(x.ID, "event", candidates["event"]))
			}
		case *east.Footnote:
			if label := string(x.Ref); !defined[label] {
				defined[label] = true
				labels = append(labels, label)
			}
		}
		return gast.WalkContinue, nil
	})
	// Definitions nothing refers to are not in the tree, but are the
	// likeliest meant by a misspelt reference.
	FootnoteMarks(src, func(_ int, label string, _, def, _ bool) {
		if def && !slices.Contains(labels, label) {
			labels = append(labels, label)
		}
	})
	// A reference without a definition is plain text to Markdown: the
	// reader would see "[^label]" where the author meant a note.
	FootnoteMarks(src, func(off int, label string, _, def, escaped bool) {
		if def || escaped || defined[label] {
			return
		}
		hint := ""
		if s := l.suggest(label, labels); s != "" {
			hint = fmt.Sprintf("; did you mean [^%s]?", s)
		}
		l.errorf(at.pos(off), "", "footnote [^%s] has no definition: add a line \"[^%s]: text\" (or write \\[^%s] for the brackets themselves)%s", label, label, label, hint)
	})
}

// citationText is a citation as an author wrote it, for messages.
func citationText(x *CiteNode) string {
	if x.InText {
		return x.Raw
	}
	return "[" + x.Raw + "]"
}

// positioner turns byte offsets in the narrative into file positions,
// through Document.NarrativeAt.
type positioner struct {
	doc        *Document
	text       string
	lineStarts []int
}

func newPositioner(doc *Document, text string) *positioner {
	p := &positioner{doc: doc, text: text, lineStarts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
	return p
}

// pos is the position of byte off.
func (p *positioner) pos(off int) Pos {
	line := sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > off }) - 1
	col := utf8.RuneCountInString(p.text[p.lineStarts[line]:off]) + 1
	return p.doc.NarrativeAt(line, col)
}

// suggestBudget bounds the character comparisons spent on suggestions in
// one Load, so that a huge file of bad references stays fast.
const suggestBudget = 4 << 20

// suggester makes "did you mean" suggestions within a budget: the loader
// has one, and so does each bibliography file being parsed.
type suggester struct {
	// budget bounds the work spent on suggestions, so that a file with
	// many thousands of bad references still loads fast.
	budget int
}

// suggest returns the candidate nearest to word, if it is near enough to
// be a likely typo, or "". Case is ignored, and swapping two neighbouring
// letters counts as one edit ("titel" is one edit from "title").
func (l *suggester) suggest(word string, candidates []string) string {
	w := []rune(strings.ToLower(word))
	if len(w) == 0 || len(w) > 64 || l.budget <= 0 {
		return ""
	}
	// Two letters leave no room for a typo: only a difference of case
	// counts ("A4" for "a4"), else "e9" would suggest "e1".
	limit := len(w) / 3
	if len(w) >= 3 {
		limit = max(1, limit)
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		l.budget -= len(c) + 1
		if c == "" || len(c) > 4*64 {
			continue
		}
		cr := []rune(strings.ToLower(c))
		if len(cr) > 64 || abs(len(cr)-len(w)) > limit {
			continue
		}
		l.budget -= len(w) * len(cr)
		if l.budget < 0 {
			return ""
		}
		if d := editDistance(w, cr); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and transpositions of neighbours.
func editDistance(a, b []rune) int {
	// Three rows: the one two back is needed for transpositions.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Summary describes the document in one line, as `annalist check`
// prints it: "62 events in 3 tracks, 5 sources".
func (d *Document) Summary() string {
	return count(len(d.Events), "event") + " in " + count(len(d.Tracks), "track") + ", " + count(len(d.Sources), "source")
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
