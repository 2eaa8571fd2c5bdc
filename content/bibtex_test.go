package content

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDetex(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`G{\"o}kay`, "Gökay"},
		{`G\"okay`, "Gökay"},
		{`Kapu{\'s}ci{\'n}ski`, "Kapuściński"},
		{`{\c{S}}ahin`, "Şahin"},
		{`\c Sahin`, "Şahin"},
		{`Erd{\H o}s`, "Erdős"},
		{`{\v{S}}koda`, "Škoda"},
		{`Stra{\ss}e`, "Straße"},
		{`{\o}re`, "øre"},
		{`{\'\i}`, "í"},
		{`\u{g}`, "ğ"},
		{"\\'e\\`a\\^o\\~n\\=a\\.z\\k{a}\\r{a}", "éàôñāżąå"},
		{`\'x`, "x\u0301"},
		{`{The} {Soviet} Union, 1920--1921`, "The Soviet Union, 1920–1921"},
		{`a---b`, "a—b"},
		{"``quoted''", "“quoted”"},
		{`R\&D 50\% \$5 \#1 a\_b`, "R&D 50% $5 #1 a_b"},
		{`\emph{Pravda} and \textit{Izvestiia}`, "Pravda and Izvestiia"},
		{`I.~B. Tauris`, "I. B. Tauris"},
		{"  spaced\n  out  ", "spaced out"},
		{`\LaTeX{} users`, "LaTeX users"},
	} {
		if got := detex(tt.in); got != tt.want {
			t.Errorf("detex(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseBibNames(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []Name
	}{
		{"Atabaki, Touraj", []Name{{Family: "Atabaki", Given: "Touraj"}}},
		{"Touraj Atabaki and Erik J. Zürcher", []Name{{Family: "Atabaki", Given: "Touraj"}, {Family: "Zürcher", Given: "Erik J."}}},
		{"{International Committee of the Red Cross}", []Name{{Literal: "International Committee of the Red Cross"}}},
		{"{Barnes and Noble} and Smith, J.", []Name{{Literal: "Barnes and Noble"}, {Family: "Smith", Given: "J."}}},
		{"Charles de Gaulle", []Name{{Family: "de Gaulle", Given: "Charles"}}},
		{"de Gaulle, Charles", []Name{{Family: "de Gaulle", Given: "Charles"}}},
		{"King, Jr, Martin Luther", []Name{{Family: "King Jr", Given: "Martin Luther"}}},
		{"Aristotle", []Name{{Family: "Aristotle"}}},
		{"Smith, Ann AND Jones, Bob and others", []Name{{Family: "Smith", Given: "Ann"}, {Family: "Jones", Given: "Bob"}}},
		{`G{\"o}kay, B{\"u}lent`, []Name{{Family: "Gökay", Given: "Bülent"}}},
	} {
		got, msg := parseBibNames(tt.in)
		if msg != "" || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseBibNames(%q) = %+v, %q; want %+v", tt.in, got, msg, tt.want)
		}
	}
}

func TestParseBibTeXFields(t *testing.T) {
	data := `@Comment{jabref-meta: x}
@comment(a {stray brace)
@preamble{"\newcommand{\noop}[1]{}"}
@string{ny = "New York"}
@phdthesis{t1, author = "Doe, Jane", title = "A " # {{Study}}, school = {Columbia University},
  address = ny, year = 1999, month = jul}
@mastersthesis(t2, author = {Roe, R.}, title = {B}, school = {X}, year = {2001}, month = {7}, day = {4})
@misc{w, title = {Page}, howpublished = {\url{https://example.org/a~b}}, urldate = {2026-11-01}}
@article{n, entrysubtype = {magazine}, title = {M}, journal = {Ogonek}, date = {1920-05}, langid = {russian}}
@book{e, title = {E}, date = {1920-06-05/1921-09}, note = {A note}, series = {Series}, edition = {2}}
@book{open, title = {O}, date = {1920/}}
`
	srcs, err := ParseBibTeX("x.bib", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*Source{}
	for _, s := range srcs {
		byID[s.ID] = s
	}
	t1, t2, w, n, e := byID["t1"], byID["t2"], byID["w"], byID["n"], byID["e"]
	if t1.Type != "thesis" || t1.Genre != "PhD diss." || t1.Title != "A Study" || t1.Publisher != "Columbia University" ||
		t1.PublisherPlace != "New York" || t1.Issued.Source != "1999-07" || t1.Pos != (Pos{File: "x.bib", Line: 5, Column: 1}) {
		t.Errorf("t1 = %+v", t1)
	}
	if t2.Genre != "Master’s thesis" || t2.Issued.Source != "2001-07-04" {
		t.Errorf("t2 = %+v", t2)
	}
	if w.Type != "webpage" || w.URL != "https://example.org/a~b" || w.Accessed.Source != "2026-11-01" {
		t.Errorf("w = %+v", w)
	}
	if n.Type != "article-magazine" || n.ContainerTitle != "Ogonek" || n.Language != "ru" {
		t.Errorf("n = %+v", n)
	}
	if !e.Issued.Interval || e.Note != "A note" || e.CollectionTitle != "Series" || e.Edition != "2" {
		t.Errorf("e = %+v", e)
	}
	if d := byID["open"].Issued; d == nil || !d.End.Open || chicagoDate(*d) != "from 1920" {
		t.Errorf("open date = %+v", d)
	}
}

func TestParseBibTeXErrors(t *testing.T) {
	data := `@book{a, title = {x}, year = {19x0}}
@book{b title = {x}}
@boook{c, title = {x}}
@book{d, title = {x}, author = {Smith, J, K, L}}
@book{f, title = foo}
@book{a, title = {dup}}
@book{g, title = {x}, title = {y}}
@book{h, date = {27 July 2017}}
@book{, title = {x}}
@book{e, title = {unclosed}
@book{ok, title = {Fine}}
`
	srcs, err := ParseBibTeX("refs.bib", []byte(data))
	want := strings.Join([]string{
		`refs.bib:1:23: entry "a": year: "19x0" is not a year`,
		`refs.bib:2:9: entry "b": expected ',' after the key`,
		`refs.bib:3:1: entry "c": unknown entry type @boook`,
		`refs.bib:4:23: entry "d": author: cannot read name "Smith, J, K, L": too many commas`,
		`refs.bib:5:18: unknown macro "foo" (define it with @string)`,
		`refs.bib:6:1: duplicate key "a" (first at 1:1)`,
		`refs.bib:7:23: entry "g": field "title" given twice`,
		`refs.bib:8:10: entry "h": date: cannot read date "27 July 2017": ` + dateErrText("27 July 2017"),
		`refs.bib:9:7: @book entry has no citation key`,
		`refs.bib:10:1: entry "e" is not closed with '}'`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
	// The good entry is kept, so that its citations still resolve.
	if len(srcs) != 1 || srcs[0].ID != "ok" || srcs[0].Title != "Fine" {
		t.Errorf("sources with the errors = %v, want the one good entry", srcs)
	}
}

func FuzzParseBibTeX(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "cite", "sources.bib"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`@string{x = "a" # {b}} @article{k, author = {{Lit} and von Last, Jr, First}, title = x # "{\"u}", year = 1920, month = may}`))
	f.Add([]byte(`@book(k, title = {\c{s}\'{e}\v s}, date = {1920-05~}, urldate = {2020})`))
	f.Fuzz(func(t *testing.T, data []byte) {
		srcs, err := ParseBibTeX("f.bib", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.bib:") {
					t.Fatalf("unpositioned error %q", line)
				}
			}
			// The good entries come back with the errors: they must be
			// as sound as those of a file without errors.
		}
		c := NewCiter(testDoc(srcs), CiteOptions{})
		for _, s := range srcs {
			if s.ID == "" || s.Pos.File != "f.bib" || s.Pos.Line < 1 {
				t.Fatalf("bad source %+v", s)
			}
			c.Note([]Cite{{Source: s.ID, Locator: "1-2"}})
			c.Note([]Cite{{Source: s.ID}})
		}
		c.Bibliography()
		c.Lacks()
	})
}

// TestDetexKeepCase: a small letter that braces protect is reported, so
// that headline style leaves its word as written.
func TestDetexKeepCase(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		keep     []string
	}{
		{`{\"u}ber alles`, "über alles", []string{"über"}},
		{`\"{u}ber alles`, "über alles", nil}, // the braces are the accent's argument
		{`{von} Neumann's legacy, {eBay}.`, "von Neumann's legacy, eBay.", []string{"von", "eBay."}},
		{`{the rise of {t}he} west`, "the rise of the west", []string{"the", "rise", "of", "the"}},
		{`{The} {Soviet} Union`, "The Soviet Union", nil}, // capitals are kept anyway
		{`\LaTeX{} users`, "LaTeX users", nil},
		{"a \uE000b\uE001 c", "a b c", nil}, // stray markers in the input are no braces
		{`plain title`, "plain title", nil},
	} {
		got, keep := detexKeepCase(tt.in)
		if got != tt.want || !slices.Equal(keep, tt.keep) {
			t.Errorf("detexKeepCase(%q) = %q, %q; want %q, %q", tt.in, got, keep, tt.want, tt.keep)
		}
		if d := detex(tt.in); d != got && !strings.ContainsRune(tt.in, protectOpen) {
			t.Errorf("detex(%q) = %q, detexKeepCase's text %q", tt.in, d, got)
		}
	}
}

// TestBibTeXProtectedCase: the headline style of a note leaves a word
// whose small letter is protected with braces as it is written.
func TestBibTeXProtectedCase(t *testing.T) {
	srcs, err := ParseBibTeX("refs.bib", []byte(`@book{k, title = {{\"u}ber all: {de} Gaulle in exile}, year = 1920}`))
	if err != nil {
		t.Fatal(err)
	}
	c := NewCiter(testDoc(srcs), CiteOptions{})
	got := render(c.Note([]Cite{{Source: "k"}}))
	want := "*über All: de Gaulle in Exile* (1920)"
	if !strings.Contains(got, want) {
		t.Errorf("note %q, want it to contain %q", got, want)
	}
}
