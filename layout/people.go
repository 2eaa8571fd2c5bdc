package layout

import (
	"cmp"
	"sort"
	"strings"
	"unicode"

	"annalist/content"
)

// This file sets the "People and places" appendix: the handout records,
// for each person and place, the spelling it uses and the spellings
// other sources use, so that a reader who meets a name in any source
// finds it. The appendix lists both, alphabetically: every name the
// handout uses, with its variants, native form and note, and every
// variant as a cross-reference to the name used.

// namedThing is a person or a place, as the appendix lists it.
type namedThing struct {
	dest     string // the destination of its entry, "person-ID" or "place-ID"
	name     string // the name as the handout writes it
	head     string // the index form its entry prints and sorts by: "Stalin, Iosif"; the name when it has none
	variants []string
	native   string
	note     string
}

// indexEntry is one line of a list: a name's own entry (thing set), or
// a variant pointing to the names that use it (see set).
type indexEntry struct {
	key   string // sort key (indexKey)
	text  string // the name as printed: the index form of an entry, a variant as written
	thing *namedThing
	see   []*namedThing
}

// indexEntries orders things and their variants into one alphabetical
// list, ignoring case and diacritics. An entry is printed and sorted by
// its index form ("Stalin, Iosif"); a variant as written, and its
// cross-reference points to the index form, as Chicago's "see"
// references name the heading they point to. A variant that sorts as its own
// name does (a hyphen, a capital), or as an earlier variant does, is
// left out: the reader would find the same line. So is a cross-reference
// that would sit right next to the entry it points to when one of the two
// begins with the other ("Mustafa Kemal" beside "Mustafa Kemal Pasha"):
// the reader who looks for the variant lands on the entry. "Kuchak Khan"
// beside "Kuchik Khan" stays, since the entry does not read as the
// variant.
func indexEntries(things []*namedThing) []indexEntry {
	var out []indexEntry
	for _, t := range things {
		out = append(out, indexEntry{key: indexKey(t.head), text: t.head, thing: t})
	}
	// Variants by their text, so that one spelling two names share
	// points to both.
	byText := map[string]int{}
	var refs []indexEntry
	for _, t := range things {
		// The name as written is no variant of its own index form:
		// "Iosif Stalin, see Stalin, Iosif" would tell nothing.
		seen := map[string]bool{indexKey(t.name): true, indexKey(t.head): true}
		for _, v := range t.variants {
			k := indexKey(v)
			if seen[k] || k == "" {
				continue
			}
			seen[k] = true
			if i, ok := byText[v]; ok {
				refs[i].see = append(refs[i].see, t)
				continue
			}
			byText[v] = len(refs)
			refs = append(refs, indexEntry{key: k, text: v, see: []*namedThing{t}})
		}
	}
	out = append(out, refs...)
	sortEntries(out)
	// Drop such cross-references until none is left (dropping one can
	// bring another next to its target).
	for changed := true; changed; {
		changed = false
		for i, e := range out {
			if len(e.see) != 1 {
				continue
			}
			beside := func(j int) bool {
				return j >= 0 && j < len(out) && out[j].thing == e.see[0] && wordPrefix(out[j].key, e.key)
			}
			if beside(i-1) || beside(i+1) {
				out = append(out[:i], out[i+1:]...)
				changed = true
				break
			}
		}
	}
	return out
}

// wordPrefix reports whether one of two keys is the other followed by
// more words ("kuchik khan" and "kuchik khan mirza", or the key of
// "Kuchik Khan, Mirza").
func wordPrefix(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a+" ") || strings.HasPrefix(b, a+keyComma)
}

// keyComma stands for a comma in an index key. It sorts before the space
// and every letter, so that alphabetizing stops at the comma, as in an
// index (Chicago 16.61): "London, Jack" before "London Bridge", "Stalin,
// Iosif" before "Stalinabad".
const keyComma = "\x01"

// indexKey is the key a name sorts by in the appendix: content.SortKey
// (case and diacritics ignored, hyphens as spaces, other punctuation
// dropped) of each part between commas, joined by keyComma.
func indexKey(s string) string {
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if k := content.SortKey(p); k != "" {
			parts = append(parts, k)
		}
	}
	return strings.Join(parts, keyComma)
}

// sortEntries sorts by key, then by the printed text, then a name's own
// entry before a cross-reference of the same spelling.
func sortEntries(es []indexEntry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.key != b.key {
			return a.key < b.key
		}
		if a.text != b.text {
			return a.text < b.text
		}
		return a.thing != nil && b.thing == nil
	})
}

// peopleThings gathers the document's people and places.
func peopleThings(doc *content.Document) (people, places []*namedThing) {
	for _, p := range doc.People {
		people = append(people, &namedThing{dest: "person-" + p.ID, name: p.Name, head: cmp.Or(p.Index, p.Name), variants: p.Variants, native: p.Native, note: p.Note})
	}
	for _, p := range doc.Places {
		places = append(places, &namedThing{dest: "place-" + p.ID, name: p.Name, head: cmp.Or(p.Index, p.Name), variants: p.Variants, native: p.Native, note: p.Note})
	}
	return people, places
}

// peopleBlocks sets the appendix: a heading, a line saying how to read
// it, and a list for the people and one for the places, each under its
// own heading. It returns nil when the document names nobody and
// nowhere.
func peopleBlocks(doc *content.Document, st *Style) []Para {
	people, places := peopleThings(doc)
	if len(people) == 0 && len(places) == 0 {
		return nil
	}
	reg, it, bold := st.font(Regular), st.font(Italic), st.font(Bold)
	// The intro as the chronology's; the entries at the note size, as
	// an index is set, so that a handout's names fit on few pages.
	introSize, size, leading := st.BodySize-1, st.NoteSize, st.NoteLeading
	const title = "People and places"
	out := []Para{
		{Kind: Heading, Level: 1, Align: Left, Leading: st.HeadLeading[0], SpaceAfter: st.HeadAfter[0], KeepWithNext: true,
			Bookmark: title, Dest: "people",
			Runs: []Run{{Text: title, Font: bold, Size: st.HeadSize[0], Color: Black}}},
		{Kind: Body, Align: Left, Leading: st.QuoteLeading, SpaceAfter: 4, Runs: []Run{
			{Text: "The spelling this handout uses, in bold, with the spellings other sources use, in italics. " +
				"A name in another spelling points to the one used here.", Font: reg, Size: introSize, Color: Black}}},
	}
	for _, list := range []struct {
		head   string
		things []*namedThing
	}{{"People", people}, {"Places", places}} {
		if len(list.things) == 0 {
			continue
		}
		out = append(out, Para{Kind: Heading, Level: 2, Align: Left, Leading: st.HeadLeading[1],
			SpaceBefore: st.HeadBefore[1], SpaceAfter: st.HeadAfter[1], KeepWithNext: true,
			Runs: []Run{{Text: list.head, Font: bold, Size: st.HeadSize[1], Color: Black}}})
		for _, e := range indexEntries(list.things) {
			p := Para{Kind: Body, Align: Left, Leading: leading, Left: 12, FirstIndent: -12, SpaceAfter: 1.5}
			r := func(s string, f Font) Run { return Run{Text: s, Font: f, Size: size, Color: Black} }
			if t := e.thing; t != nil {
				p.Dest = t.dest
				p.Runs = append(p.Runs, Run{Text: t.head, Font: bold, Size: size, Color: Black, NoBreak: true})
				if t.native != "" {
					p.Runs = append(p.Runs, r(" ("+t.native+")", reg))
				}
				var rest [][]Run
				if len(t.variants) > 0 {
					also := []Run{r("also ", reg)}
					for i, v := range t.variants {
						if i > 0 {
							also = append(also, r(", ", reg))
						}
						also = append(also, Run{Text: v, Font: it, Size: size, Color: Black, NoBreak: true})
					}
					rest = append(rest, also)
				}
				if t.note != "" {
					rest = append(rest, []Run{r(curlyQuotes(numberDashes(t.note)), reg)})
				}
				for i, rs := range rest {
					sep := "; "
					if i == 0 {
						sep = " — "
					}
					p.Runs = append(p.Runs, r(sep, reg))
					p.Runs = append(p.Runs, rs...)
				}
			} else {
				p.Runs = append(p.Runs, Run{Text: e.text, Font: reg, Size: size, Color: Black, NoBreak: true}, r(", ", reg), r("see", it), r(" ", reg))
				for i, t := range e.see {
					if i > 0 {
						p.Runs = append(p.Runs, r("; ", reg))
					}
					p.Runs = append(p.Runs, Run{Text: t.head, Font: reg, Size: size, Color: Black, Link: t.dest, NoBreak: true})
				}
			}
			p.Runs = mergeRuns(p.Runs)
			out = append(out, p)
		}
	}
	return out
}

// curlyQuotes turns straight quotation marks into typographic ones, as
// the narrative's typographer does: a double quote opens at the start or
// after a space or an opening bracket and closes elsewhere; a single
// quote between letters is an apostrophe.
func curlyQuotes(s string) string {
	if !strings.ContainsAny(s, `"'`) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		opening := i == 0 || unicode.IsSpace(rs[i-1]) || strings.ContainsRune("([—–", rs[i-1])
		switch {
		case r == '"' && opening:
			b.WriteRune('“')
		case r == '"':
			b.WriteRune('”')
		case r == '\'' && opening:
			b.WriteRune('‘')
		case r == '\'':
			b.WriteRune('’')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
