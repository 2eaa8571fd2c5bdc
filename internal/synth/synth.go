// Package synth generates synthetic handouts of any size for benchmarks
// and scale tests: a YAML file of events over tracks, sources of several
// kinds, and a Markdown narrative of a given number of pages with a
// citation every ~60 words, headings every few paragraphs, block quotes,
// lists, event links and author's notes. The output is deterministic for
// a seed, so two runs measure the same work.
//
// The generator writes text, not a content.Document: Load parses it with
// content.Load, so whatever measures a build from Load exercises the real
// loader and validator too.
//
// Imports: content only (and the standard library).
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing/fstest"

	"annalist/content"
)

// Config says how big a handout to make. Zero fields take the defaults
// noted.
type Config struct {
	// Pages is the number of pages of narrative wanted (about
	// WordsPerPage words each). 0 means no narrative.
	Pages int
	// Events is the number of events (default 60), over Tracks tracks
	// (default 4), citing Sources sources (default 12).
	Events, Tracks, Sources int
	// Seed makes the text; the same Config gives the same files.
	Seed uint64
	// Paper is "a4" (default) or "letter".
	Paper string
}

// WordsPerPage is how many words of narrative the generator writes per
// page asked for. Measured on the default style (11 pt Noto Serif, a
// text block of about 68 characters, six or so notes a page): 100 pages
// asked for set as 100±10 pages of narrative.
const WordsPerPage = 355

// NarrativeFile is the name the YAML gives its narrative.
const NarrativeFile = "synthetic.md"

// YAMLFile is the name Load gives the YAML file in messages.
const YAMLFile = "synthetic.yaml"

func (c Config) withDefaults() Config {
	if c.Events <= 0 {
		c.Events = 60
	}
	if c.Tracks <= 0 {
		c.Tracks = 4
	}
	if c.Sources <= 0 {
		c.Sources = 12
	}
	if c.Paper == "" {
		c.Paper = "a4"
	}
	return c
}

// Files returns the YAML file and the narrative it names (NarrativeFile).
func Files(c Config) (yamlData, narrative []byte) {
	c = c.withDefaults()
	r := rand.New(rand.NewPCG(c.Seed, 0x5eed))
	g := &gen{c: c, r: r, zipf: rand.NewZipf(r, 1.07, 2, uint64(len(vocabulary)-1))}
	return g.yaml(), g.narrative()
}

// Load generates the files and loads them with content.Load, the
// narrative read through an in-memory file system.
func Load(c Config) (*content.Document, error) {
	y, md := Files(c)
	return LoadFiles(y, md)
}

// LoadFiles loads files made by Files: what a benchmark of the whole
// pipeline calls in its loop, so that generating is not measured.
func LoadFiles(yamlData, narrative []byte) (*content.Document, error) {
	fsys := fstest.MapFS{NarrativeFile: {Data: narrative}}
	return content.Load(YAMLFile, yamlData, fsys)
}

type gen struct {
	c    Config
	r    *rand.Rand
	zipf *rand.Zipf
}

// words are the vocabulary's most frequent words: ordinary English of
// mixed lengths, with some long words that need hyphenation in a narrow
// column.
var words = strings.Fields(`the of and to in a that was for on as with by his it at from
which were had their this they be not but an or its been are who would
into more after than only when them other before government republic
army revolution treaty congress delegation province minister committee
negotiations independence commissariat correspondence administration
representatives international counterrevolutionary nationalities
plenipotentiary reconstruction understanding circumstances
telegram letter report archive copy source account version date month
year spring summer autumn winter north south east west coast port
river city capital border fleet station railway harbour mountains
forces troops soldiers officers commander council party movement
leaders members workers peasants merchants landowners journalists
historians memoirs documents newspapers dispatches proclamations
wrote argued claimed denied reported recalled described insisted
arrived departed returned crossed seized occupied withdrew signed
promised refused accepted demanded proposed rejected announced
quickly slowly openly secretly later earlier again already still
however although because while whereas therefore meanwhile
political economic military diplomatic regional provincial national
foreign domestic uncertain approximate contested official private
long short new old first last second third great small several many`)

// vocabulary is words followed by made-up words of one to four
// syllables, 6,000 in all: a 200-page text draws some 5,000 distinct
// words from it, as real prose of that length does, so that a cache
// keyed by word (of widths, of hyphenation points) is not flattered by a
// tiny vocabulary.
var vocabulary = func() []string {
	onsets := strings.Fields("b c d f g h k l m n p r s t v w b d l m n r s t br ch pr sh st th tr")
	nuclei := strings.Fields("a e i o u a e i o a e i ai ea ou")
	codas := []string{"", "", "", "", "", "", "n", "r", "s", "l", "nd", "st"}
	syllables := []int{1, 2, 2, 2, 3, 3, 3, 4} // mostly two or three
	r := rand.New(rand.NewPCG(1, 2))           // fixed: every Config shares one vocabulary
	seen := map[string]bool{}
	v := append([]string(nil), words...)
	for _, w := range words {
		seen[w] = true
	}
	for len(v) < 6000 {
		var b strings.Builder
		for range syllables[r.IntN(len(syllables))] {
			b.WriteString(onsets[r.IntN(len(onsets))])
			b.WriteString(nuclei[r.IntN(len(nuclei))])
			b.WriteString(codas[r.IntN(len(codas))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			v = append(v, w)
		}
	}
	return v
}()

// word draws a word with Zipf's law, as word frequencies in prose go:
// the common words often, the long tail rarely.
func (g *gen) word() string { return vocabulary[g.zipf.Uint64()] }

// sentence is n words, the first capitalized, now and then a comma,
// ending in a full stop.
func (g *gen) sentence(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
		if i > 0 && i < n-1 && g.r.IntN(14) == 0 {
			ws[i] += ","
		}
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

func (g *gen) title(n int) string {
	ws := make([]string, n)
	for i := range ws {
		w := g.word()
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

func q(s string) string { return strconv.Quote(s) }

var sourceKinds = []string{"book", "article-journal", "chapter", "webpage", "letter", "report"}

var families = strings.Fields(`Abbott Baranov Castellan Demir Esfandiari Fischer Guliyev
Hovannisian Ibrahimov Jafarov Kazemi Lenczowski Mamedov Nasiri Orlov Petrov
Quataert Rahimi Sokolov Tahmasebi Umarov Volkov Walker Yusifov Zarubin`)

var givens = strings.Fields(`Anna Boris Cyrus Dilara Emil Farida Georgi Hasan Irina Javad
Karim Leyla Mikhail Nadia Omar Parviz Rustam Sara Timur Vera`)

func (g *gen) yaml() []byte {
	c := g.c
	var b strings.Builder
	fmt.Fprintf(&b, "# A synthetic handout: %d events over %d tracks, %d sources,\n", c.Events, c.Tracks, c.Sources)
	fmt.Fprintf(&b, "# about %d pages of narrative (seed %d). Generated by annalist/internal/synth.\n", c.Pages, c.Seed)
	fmt.Fprintf(&b, "title: Synthetic Handout of %d Pages, 1900-1950\n", c.Pages)
	b.WriteString("subtitle: Generated text for measuring the pipeline\n")
	b.WriteString("author: Annalist benchmarks\n")
	fmt.Fprintf(&b, "paper: %s\nlanguage: en\n", c.Paper)
	b.WriteString("tracks:\n")
	patterns := []string{"solid", "hatch", "dots", "backhatch", "cross", "outline"}
	for i := range c.Tracks {
		fmt.Fprintf(&b, "  - {id: t%d, title: %s, order: %d, pattern: %s}\n", i+1, q("Track "+g.title(2)), i+1, patterns[i%len(patterns)])
	}
	b.WriteString("sources:\n")
	for i := range c.Sources {
		kind := sourceKinds[i%len(sourceKinds)]
		fmt.Fprintf(&b, "  - id: s%d\n    type: %s\n", i+1, kind)
		fmt.Fprintf(&b, "    author: [{family: %s, given: %s}]\n", families[(i*7)%len(families)], givens[(i*3)%len(givens)])
		fmt.Fprintf(&b, "    title: %s\n", q(g.title(3+g.r.IntN(5))))
		year := 1950 + g.r.IntN(70)
		switch kind {
		case "book", "report":
			fmt.Fprintf(&b, "    publisher: %s\n    publisher-place: %s\n    issued: \"%d\"\n", q(g.title(2)+" Press"), q(g.title(1)), year)
		case "article-journal":
			fmt.Fprintf(&b, "    container-title: %s\n    volume: \"%d\"\n    issue: \"%d\"\n    page: %d-%d\n    issued: \"%d\"\n",
				q("Journal of "+g.title(2)), 1+g.r.IntN(60), 1+g.r.IntN(4), 10+i, 40+i, year)
		case "chapter":
			fmt.Fprintf(&b, "    container-title: %s\n    editor: [{family: %s, given: %s}]\n    publisher: %s\n    publisher-place: %s\n    page: %d-%d\n    issued: \"%d\"\n",
				q(g.title(4)), families[(i*5+3)%len(families)], givens[(i+5)%len(givens)], q(g.title(1)+" University Press"), q(g.title(1)), 100+i, 130+i, year)
		case "webpage":
			fmt.Fprintf(&b, "    container-title: %s\n    URL: https://example.org/synthetic/%d\n    issued: %d-%02d-%02d\n    accessed: 2026-11-01\n",
				q(g.title(2)+" Archive"), i+1, 2000+g.r.IntN(25), 1+g.r.IntN(12), 1+g.r.IntN(28))
		case "letter":
			fmt.Fprintf(&b, "    recipient: [{family: %s, given: %s}]\n    archive: RGASPI\n    archive_location: f. %d, op. %d, d. %d\n    event-place: %s\n    issued: 19%02d-%02d-%02d\n",
				families[(i+11)%len(families)], givens[(i+7)%len(givens)], 100+i, 1+i%9, 10+i, q(g.title(1)), 18+g.r.IntN(4), 1+g.r.IntN(12), 1+g.r.IntN(28))
		}
	}
	b.WriteString("events:\n")
	for i := range c.Events {
		fmt.Fprintf(&b, "  - id: e%d\n    track: t%d\n    title: %s\n    date: %s\n", i+1, 1+g.r.IntN(c.Tracks), q(g.title(2+g.r.IntN(4))), g.date())
		if g.r.IntN(2) == 0 {
			fmt.Fprintf(&b, "    summary: %s\n", q(g.sentence(8+g.r.IntN(12))))
		}
		fmt.Fprintf(&b, "    cite: [{source: s%d, locator: %s}]\n", 1+g.r.IntN(c.Sources), q(g.locator()))
		if g.r.IntN(8) == 0 {
			fmt.Fprintf(&b, "    versions:\n      - {date: %s, source: s%d, locator: %s}\n", g.date(), 1+g.r.IntN(c.Sources), q(g.locator()))
		}
		if i > 0 && g.r.IntN(10) == 0 {
			fmt.Fprintf(&b, "    related: [{event: e%d, kind: follows}]\n", 1+g.r.IntN(i))
		}
	}
	fmt.Fprintf(&b, "narrative: %s\n", NarrativeFile)
	return []byte(b.String())
}

// date is an EDTF date between 1900 and 1950: mostly days and months,
// some years, approximate dates and intervals.
func (g *gen) date() string {
	y, m, d := 1900+g.r.IntN(50), 1+g.r.IntN(12), 1+g.r.IntN(28)
	switch g.r.IntN(8) {
	case 0:
		return strconv.Itoa(y)
	case 1:
		return fmt.Sprintf("%d-%02d~", y, m)
	case 2, 3:
		return fmt.Sprintf("%d-%02d", y, m)
	case 4:
		end := y*12 + m - 1 + 1 + g.r.IntN(30) // months, after the start's
		return fmt.Sprintf("%d-%02d-%02d/%d-%02d", y, m, d, end/12, end%12+1)
	default:
		return fmt.Sprintf("%d-%02d-%02d", y, m, d)
	}
}

func (g *gen) locator() string {
	switch g.r.IntN(3) {
	case 0:
		return "para. " + strconv.Itoa(1+g.r.IntN(60))
	default:
		p := 1 + g.r.IntN(400)
		if g.r.IntN(4) == 0 {
			return fmt.Sprintf("pp. %d-%d", p, p+1+g.r.IntN(5))
		}
		return "p. " + strconv.Itoa(p)
	}
}

// narrative writes Pages*WordsPerPage words: sections (#) of subsections
// (##) of three to five paragraphs of 60-180 words, a citation after
// every ~60 words (the sources in rotation, with locators), now and then
// a block quote, a list, an event link or an author's note.
func (g *gen) narrative() []byte {
	c := g.c
	var b strings.Builder
	want := c.Pages * WordsPerPage
	written, src, note := 0, 0, 0
	cite := func() string {
		src++
		s := fmt.Sprintf("@s%d, %s", 1+src%c.Sources, g.locator())
		if g.r.IntN(6) == 0 {
			src++
			return fmt.Sprintf(" [see %s; @s%d, %s]", s, 1+src%c.Sources, g.locator())
		}
		return " [" + s + "]"
	}
	// para writes n words in sentences, with a citation every ~60.
	para := func(n int) string {
		var p strings.Builder
		since := 0
		for done := 0; done < n; {
			k := min(n-done, 6+g.r.IntN(14))
			s := g.sentence(k)
			if g.r.IntN(12) == 0 {
				s = strings.TrimSuffix(s, ".") + fmt.Sprintf(" [[e%d]].", 1+g.r.IntN(c.Events))
			}
			if p.Len() > 0 {
				p.WriteByte(' ')
			}
			p.WriteString(s)
			done += k
			since += k
			if since >= 50+g.r.IntN(20) {
				// The citation goes before the full stop, as Pandoc users write it.
				str := strings.TrimSuffix(p.String(), ".")
				p.Reset()
				p.WriteString(str + cite() + ".")
				since = 0
			}
		}
		if since > 30 {
			str := strings.TrimSuffix(p.String(), ".")
			p.Reset()
			p.WriteString(str + cite() + ".")
		}
		return p.String()
	}
	var authorNotes []string
	for sec := 1; written < want; sec++ {
		fmt.Fprintf(&b, "# %d. %s\n\n", sec, g.title(2+g.r.IntN(4)))
		for sub := 0; sub < 2+g.r.IntN(3) && written < want; sub++ {
			fmt.Fprintf(&b, "## %s\n\n", g.title(3+g.r.IntN(4)))
			for range 3 + g.r.IntN(3) {
				if written >= want {
					break
				}
				n := 60 + g.r.IntN(120)
				text := para(n)
				if g.r.IntN(15) == 0 {
					note++
					text += fmt.Sprintf("[^n%d]", note)
					authorNotes = append(authorNotes, fmt.Sprintf("[^n%d]: %s%s", note, g.sentence(10+g.r.IntN(20)), cite()))
				}
				b.WriteString(text + "\n\n")
				written += n
				switch g.r.IntN(10) {
				case 0:
					k := 30 + g.r.IntN(40)
					fmt.Fprintf(&b, "> %s\n\n", para(k))
					written += k
				case 1:
					for range 3 + g.r.IntN(3) {
						k := 6 + g.r.IntN(20)
						fmt.Fprintf(&b, "- %s\n", g.sentence(k))
						written += k
					}
					b.WriteString("\n")
				}
			}
		}
	}
	for _, n := range authorNotes {
		b.WriteString(n + "\n\n")
	}
	return []byte(b.String())
}
