package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Files no one here wrote, each kept whole or as an excerpt in
// testdata/realworld (see its README for where each is from). A
// lecturer's library is someone else's data: it must load whole, and what
// Annalist prints from it must be what Chicago prints.

func readRealWorld(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "realworld", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// realWorldCiter is a Citer of the BibTeX files named, in testdata/realworld.
func realWorldCiter(t *testing.T, files ...string) *Citer {
	t.Helper()
	var srcs []*Source
	for _, f := range files {
		s, _ := ParseBibTeX(f, readRealWorld(t, f))
		srcs = append(srcs, s...)
	}
	return NewCiter(testDoc(srcs), CiteOptions{})
}

// TestRealWorldLoadsWhole: every entry of every file loads, with no
// entry left out; the warnings are only those named.
func TestRealWorldLoadsWhole(t *testing.T) {
	for _, tt := range []struct {
		file    string
		entries int
		warns   []string
	}{
		// 92 entries, among them two @set, four @patent, crossrefs.
		{"biblatex-examples.bib", 92, nil},
		{"bbt-video.bib", 4, nil},
		{"bbt-patent.bib", 2, nil},
		{"bbt-crossref.bib", 3, nil},
		{"bbt-reprint.bib", 2, []string{
			`bbt-reprint.bib:12:3: entry "PittRivers1875EvolutionCulture": year: "1875 [2004]" is not an EDTF date; read as 2004, first published 1875`,
			`bbt-reprint.bib:24:3: entry "Law1989TechnologyHeterogeneous": year: "1989 [1987]" is not an EDTF date; read as 1989, first published 1987`,
		}},
		{"bbt-dates.csl.json", 15, []string{
			`bbt-dates.csl.json:288:5: item "t2": "accessed": cannot read date "13th cent": ` + dateErrText("13th cent") + `; printed without it`,
		}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data := readRealWorld(t, tt.file)
			var srcs []*Source
			var warns []error
			if strings.HasSuffix(tt.file, ".json") {
				var err error
				srcs, warns, err = ParseCSLJSON(tt.file, data)
				if err != nil {
					t.Fatal(err)
				}
			} else {
				srcs, warns = ParseBibTeX(tt.file, data)
			}
			var got []string
			for _, w := range warns {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.warns, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.warns, "\n"))
			}
			if len(srcs) != tt.entries {
				t.Errorf("%d sources, want %d", len(srcs), tt.entries)
			}
			c := NewCiter(testDoc(srcs), CiteOptions{})
			for _, s := range srcs {
				c.Note([]Cite{{Source: s.ID, Locator: "12"}})
			}
			if bib := c.Bibliography(); len(bib) == 0 {
				t.Error("no bibliography")
			}
		})
	}
}

// TestRealWorldNotes: notes and bibliography entries for entries of many
// kinds from biblatex-examples.bib and Better BibTeX's fixtures, compared
// with what pandoc 2.17's citeproc prints for the same citations with
// ../shared/realworld/chicago-notes-bibliography-17th-edition.csl (italics
// marked with *). Where Annalist differs on purpose, the README's
// "Citations compared with pandoc" says why.
func TestRealWorldNotes(t *testing.T) {
	c := realWorldCiter(t, "biblatex-examples.bib", "bbt-crossref.bib", "bbt-reprint.bib")
	for _, tt := range []struct{ key, note string }{
		// A crossref child: the book's title, subtitle and editor come
		// from the parent entry.
		{"westfahl:space", "Gary Westfahl, “The True Frontier: Confronting and Avoiding the Realities of Space in American Science Fiction Films,” in *Space and Beyond: The Frontier Theme in Science Fiction*, ed. Gary Westfahl (Westport, Conn.; London: Greenwood, 2000), 12."},
		{"aksin", "Özge Aksın et al., “Effect of Immobilization on Catalytic Characteristics of Saturated Pd-N-Heterocyclic Carbenes in Mizoroki-Heck Reactions,” *J. Organomet. Chem.* 691, no. 13 (2006): 12."},
		{"vangennep", "Arnold van Gennep, *Les rites de passage* (Paris: Nourry, 1909), 12."},
		{"moraux", "Paul Moraux, “Le *De Anima* dans la tradition grècque: Quelques aspects de l’interpretation du traité, de Theophraste à Themistius,” in *Aristotle on Mind and the Senses. Proceedings of the Seventh Symposium Aristotelicum*, ed. G. E. R. Lloyd and G. E. L. Owen (Cambridge: Cambridge University Press, 1979), 12."},
		{"loh", "Nin C. Loh, “High-Resolution Micromachined Interferometric Accelerometer” (Master’s thesis, Massachusetts Institute of Technology, 1992), 12."},
		{"ctan", "“CTAN: The Comprehensive TeX Archive Network,” 2006, 12, http://www.ctan.org."},
		{"cicero", "Marcus Tullius Cicero, *De natura deorum. Über das Wesen der Götter*, ed. and trans. Ursula Blank-Sangmeister (Stuttgart: Reclam, 1995), 12."},
		{"baez/article", "John C. Baez and Aaron D. Lauda, “Higher-Dimensional Algebra V: 2-Groups,” *Theory and Applications of Categories* 12 (2004): 12, https://arxiv.org/abs/math/0307200v3."},
		{"kastenholz", "M. A. Kastenholz and Philippe H. Hünenberger, “Computation of Methodology-Independent Ionic Solvation Free Energies from Molecular Simulations: I. The Electrostatic Potential in Molecular Liquids,” *J. Chem. Phys.* 124 (2006): 12, https://doi.org/10.1063/1.2172593."},
		{"gaonkar:in", "Dilip Parameshwar Gaonkar, “On Alternative Modernities,” in *Alternative Modernities*, ed. Dilip Parameshwar Gaonkar (Durham; London: Duke University Press, 2001), 12."},
		// A series and its number, as pandoc sets them.
		{"aristotle:poetics", "Aristotle, *Poetics*, ed. D. W. Lucas, Clarendon Aristotle (Oxford: Clarendon Press, 1968), 12."},
		{"averroes/bland", "Averroes, *The Epistle on the Possibility of Conjunction with the Active Intellect by Ibn Rushd with the Commentary of Moses Narboni*, ed. and trans. Kalman P. Bland, Moreshet: Studies in Jewish History, Literature and Thought 7 (New York: Jewish Theological Seminary of America, 1982), 12."},
		// The number of volumes of a whole work (CMOS 14.121), which the
		// CSL style leaves out.
		{"knuth:ct", "Donald E. Knuth, *Computers & Typesetting*, 5 vols. (Reading, Mass.: Addison-Wesley, 1984–1986), 12."},
		// A volume bound in parts, in a series.
		{"coleridge", "Samuel Taylor Coleridge, *Biographia Literaria, or Biographical Sketches of My Literary Life and Opinions*, ed. Kathleen Coburn, James Engell, and W. Jackson Bate, vol. 7, pt. 2 of *The Collected Works of Samuel Taylor Coleridge*, Bollingen Series 75 (London: Routledge and Kegan Paul, 1983), 12."},
		// Chicago's volume with a title of its own (CMOS 14.121), where
		// the CSL style prints "Computers & Typesetting, A, The TeX Book".
		{"knuth:ct:a", "Donald E. Knuth, *The TeX Book*, vol. A of *Computers & Typesetting* (Reading, Mass.: Addison-Wesley, 1984), 12."},
		// An @set cites its members (pandoc, which has no sets, prints
		// "N.d.").
		{"stdmodel", "Sheldon Glashow, “Partial Symmetries of Weak Interactions,” *Nucl. Phys.* 22 (1961): 579–588; Steven Weinberg, “A Model of Leptons,” *Phys. Rev. Lett.* 19 (1967): 1264–1266; Abdus Salam, “Weak and Electromagnetic Interactions,” in *Elementary Particle Theory: Relativistic Groups and Analyticity. Proceedings of the Eighth Nobel Symposium*, ed. Nils Svartholm (Stockholm: Almquist & Wiksell, 1968), 12."},
		// Better BibTeX's crossref fixture: an @inbook takes its book's
		// editors, place, publisher and date.
		{"inbook", "Hashem El-Husseini, Stefan Toepler, and Lester M. Salamon, “Lebanon,” in *Global Civil Society: Dimensions of the Nonprofit Sector*, ed. Lester M. Salamon and S. Wojciech Sokolowski, vol. 2 (Bloomfield, CT: Kumarian Press, 2004), 12."},
	} {
		if got := render(c.Note([]Cite{{Source: tt.key, Locator: "12"}})); got != tt.note {
			t.Errorf("%s:\n got %s\nwant %s", tt.key, got, tt.note)
		}
	}
	bib := map[string]string{}
	for _, e := range c.Bibliography() {
		r := render(e)
		bib[strings.SplitN(r, ",", 2)[0]] = r
	}
	for _, want := range []string{
		// Sorted and inverted under the name, the particle after the
		// given name (CMOS 8.5).
		"Gennep, Arnold van. *Les rites de passage*. Paris: Nourry, 1909.",
		"Aksın, Özge, Hayati Türkmen, Levent Artok, Bekir Çetinkaya, Chaoying Ni, Orhan Büyükgüngör, and Erhan Özkal. “Effect of Immobilization on Catalytic Characteristics of Saturated Pd-N-Heterocyclic Carbenes in Mizoroki-Heck Reactions.” *J. Organomet. Chem.* 691, no. 13 (2006): 3027–3036.",
		"Cicero, Marcus Tullius. *De natura deorum. Über das Wesen der Götter*. Edited and translated by Ursula Blank-Sangmeister. Stuttgart: Reclam, 1995.",
	} {
		if got := bib[strings.SplitN(want, ",", 2)[0]]; got != want {
			t.Errorf("bibliography:\n got %s\nwant %s", got, want)
		}
	}
}

// TestRealWorldReprint: "year = {1875 [2004]}" (Better BibTeX's "Bulk
// performance test.bib") is a reprint of 2004 of a work of 1875, cited as
// CMOS 14.114 cites one.
func TestRealWorldReprint(t *testing.T) {
	srcs, _ := ParseBibTeX("bbt-reprint.bib", readRealWorld(t, "bbt-reprint.bib"))
	c := NewCiter(testDoc(srcs), CiteOptions{})
	note := render(c.Note([]Cite{{Source: "PittRivers1875EvolutionCulture", Locator: "190"}}))
	want := "A.L.-F. Pitt-Rivers, “On the Evolution of Culture,” in *Material Culture: Critical Concepts in the Social Sciences*, ed. Victor Buchli, vol. 1 (1875; repr., London: Routledge, 2004), 190."
	if note != want {
		t.Errorf("note:\n got %s\nwant %s", note, want)
	}
	bib := render(c.Bibliography()[0])
	want = "Pitt-Rivers, A.L.-F. “On the Evolution of Culture.” In *Material Culture: Critical Concepts in the Social Sciences*, edited by Victor Buchli, 182–206. Vol. 1. 1875. Reprint, London: Routledge, 2004."
	if bib != want {
		t.Errorf("bibliography:\n got %s\nwant %s", bib, want)
	}
}

// TestRichText: CSL-JSON's markup and BibLaTeX's emphasis print as
// italics and bold, never as tags; a nocase span keeps its case in
// headline style; an italic title within an italic title is roman.
func TestRichText(t *testing.T) {
	srcs, warns, err := ParseCSLJSON("r.json", []byte(`[
 {"id": "a", "type": "article-journal", "title": "the ecology of <i>homo sapiens</i> on <span class=\"nocase\">eBay</span>: <b>new</b> H<sub>2</sub>O data", "container-title": "Nature", "issued": {"date-parts": [[2001]]}},
 {"id": "b", "type": "book", "title": "a reader's guide to <i>war and peace</i>", "issued": {"date-parts": [[1999]]}}]`))
	if err != nil || warns != nil {
		t.Fatal(err, warns)
	}
	bib, _ := ParseBibTeX("r.bib", []byte(`@book{c, title = {Reading \emph{Moby-Dick} today}, year = 2010}`))
	srcs = append(srcs, bib...)
	c := NewCiter(testDoc(srcs), CiteOptions{})
	for key, want := range map[string]string{
		"a": "“The Ecology of *Homo Sapiens* on eBay: New H2O Data,” *Nature* (2001).",
		"b": "*A Reader’s Guide to *War and Peace (1999).",
		"c": "*Reading *Moby-Dick* Today* (2010).",
	} {
		if got := render(c.Note([]Cite{{Source: key}})); got != want {
			t.Errorf("%s: got %s, want %s", key, got, want)
		}
	}
	// Bold is a span of its own.
	spans := NewCiter(testDoc(srcs), CiteOptions{}).Note([]Cite{{Source: "a"}})
	bold := ""
	for _, sp := range spans {
		if sp.Bold {
			bold += sp.Text
		}
		if strings.ContainsAny(sp.Text, "<>\uE010\uE011\uE012\uE013") {
			t.Errorf("span %q holds markup", sp.Text)
		}
	}
	if bold != "New" {
		t.Errorf("bold %q, want New", bold)
	}
}

// TestRealWorldPatentsAndFilms: Better BibTeX's @patent and @video
// fixtures, and biblatex-examples.bib's patents, cited as Chicago cites
// patents (by inventor, with the number and date of issue) and films (by
// title, "directed by"; in the bibliography under the director, "dir.",
// CMOS 14.265).
func TestRealWorldPatentsAndFilms(t *testing.T) {
	c := realWorldCiter(t, "bbt-patent.bib", "bbt-video.bib", "biblatex-examples.bib")
	for key, want := range map[string]string{
		"sorace":                  "Ronald E. Sorace, Victor S. Reinhardt, and Steven A. Vaughn, *High-Speed Digital-to-RF Converter*, US Patent 5668842, issued September 16, 1997, 12.",
		"laufenberg":              "Xaver Laufenberg et al., *Elektrische Einrichtung und Betriebsverfahren*, European Patent 1700367, issued September 13, 2006, 12.",
		"almendro":                "José L. Almendro et al., *Elektromagnetisches Signalhorn*, EU-29702195U, issued 1998, 12.",
		"formanOneFlewCuckoo1975": "*One Flew over the Cuckoo’s Nest*, directed by Miloš Forman (United Artists, 1975), 12.",
	} {
		if got := render(c.Note([]Cite{{Source: key, Locator: "12"}})); got != want {
			t.Errorf("%s:\n got %s\nwant %s", key, got, want)
		}
	}
	var bib []string
	for _, e := range c.Bibliography() {
		bib = append(bib, render(e))
	}
	for _, want := range []string{
		"Forman, Miloš, dir. *One Flew over the Cuckoo’s Nest*. United Artists, 1975.",
		"Sorace, Ronald E., Victor S. Reinhardt, and Steven A. Vaughn. *High-Speed Digital-to-RF Converter*. US Patent 5668842, issued September 16, 1997.",
	} {
		if !slices.Contains(bib, want) {
			t.Errorf("bibliography lacks %s\n%s", want, strings.Join(bib, "\n"))
		}
	}
	if l := c.Lacks(); l != nil {
		t.Errorf("lacks %q", l)
	}
}

// TestReprintOriginalPublisher: a reprint's first edition with its own
// place and publisher (CSL original-publisher, BibLaTeX origpublisher),
// as CMOS 14.114 gives it.
func TestReprintOriginalPublisher(t *testing.T) {
	srcs, warns, err := ParseCSLJSON("r.json", []byte(`[{"id": "g", "type": "book", "title": "Les rites de passage",
  "author": [{"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"}], "language": "fr",
  "publisher": "University of Chicago Press", "publisher-place": "Chicago", "issued": {"date-parts": [[1960]]},
  "original-date": {"date-parts": [[1909]]}, "original-publisher": "Nourry", "original-publisher-place": "Paris"}]`))
	if err != nil || warns != nil {
		t.Fatal(err, warns)
	}
	c := NewCiter(testDoc(srcs), CiteOptions{})
	if got, want := render(c.Note([]Cite{{Source: "g", Locator: "3"}})), "Arnold van Gennep, *Les rites de passage* (Paris: Nourry, 1909; repr., Chicago: University of Chicago Press, 1960), 3."; got != want {
		t.Errorf("note:\n got %s\nwant %s", got, want)
	}
	if got, want := render(c.Bibliography()[0]), "Gennep, Arnold van. *Les rites de passage*. Paris: Nourry, 1909. Reprint, Chicago: University of Chicago Press, 1960."; got != want {
		t.Errorf("bibliography:\n got %s\nwant %s", got, want)
	}
}

// TestNoteSentence: a note is a sentence, so a name with a lower-case
// particle starts it capitalized ("Van Gennep, ..."); set inline within
// an author's sentence, the same citation keeps its case, and "ibid." and
// "see" are in lower case, with no closing period.
func TestNoteSentence(t *testing.T) {
	srcs := []*Source{{ID: "g", Type: "book", Title: "Les rites de passage", Language: "fr",
		Author: []Name{{Family: "van Gennep", Given: "Arnold"}}}}
	c := NewCiter(testDoc(srcs), CiteOptions{})
	for i, tt := range []struct {
		inline bool
		cite   Cite
		want   string
	}{
		{false, Cite{Source: "g", Locator: "3"}, "Arnold van Gennep, *Les rites de passage* (n.d.), 3."},
		{false, Cite{Source: "g", Locator: "4"}, "Ibid., 4."},
		{true, Cite{Source: "g", Locator: "4"}, "ibid."},
		{true, Cite{Source: "g", Locator: "5", Prefix: "see"}, "see ibid., 5"},
		{false, Cite{Source: "g", Locator: "6", Prefix: "see"}, "See ibid., 6."},
		{false, Cite{Source: "g", Locator: "7", InText: true}, "Van Gennep, *Les rites de passage*, 7."},
		{true, Cite{Source: "g", Locator: "8", InText: true}, "van Gennep, *Les rites de passage*, 8"},
	} {
		f := c.Note
		if tt.inline {
			f = c.Inline
		}
		if got := render(f([]Cite{tt.cite})); got != tt.want {
			t.Errorf("%d: got %s, want %s", i, got, tt.want)
		}
	}
	// An ISO date in a title keeps its hyphens; a range of numbers gets
	// its en dash.
	if got := formatTitle(&Source{}, "EDTF date range, circa begin: 2011-05-25~/2012-06-26, pp. 3-5"); got != "EDTF Date Range, Circa Begin: 2011-05-25~/2012-06-26, Pp. 3–5" {
		t.Errorf("title %q", got)
	}
}
