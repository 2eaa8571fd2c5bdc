package content

import (
	"errors"
	"fmt"
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
		// BibLaTeX's extended form, as Better BibLaTeX writes particles
		// (its fixture "AuthorsAlpha cannot properly deal with lastname
		// with prefix like von van de ... #3272").
		{"family=Dijk, given=Marten, prefix=van, useprefix=true", []Name{{Family: "van Dijk", Given: "Marten"}}},
		{"family=Stevenson, given=Adlai E., suffix=III, juniorcomma=true", []Name{{Family: "Stevenson III", Given: "Adlai E."}}},
	} {
		got, msg, soft := parseBibNames(tt.in)
		if msg != "" || soft != "" || !reflect.DeepEqual(got, tt.want) {
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
	srcs, warns := ParseBibTeX("x.bib", []byte(data))
	if warns != nil {
		t.Fatal(warns)
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

// TestBibTeXCommentLines: a line starting with % is a comment, as biber
// reads it, so an "@" in it starts no entry; text between entries is
// ignored as BibTeX ignores it.
func TestBibTeXCommentLines(t *testing.T) {
	srcs, warns := ParseBibTeX("c.bib", []byte("% cite it as [@a, 2]\n  % or @b\n@book{a, title = {A}}\nsome text\n@book{b, title = {B}}\n"))
	if warns != nil || len(srcs) != 2 {
		t.Errorf("%d sources, warnings %v; want 2 and none", len(srcs), warns)
	}
}

// TestParseBibNamesEmpty: an empty name, often a macro defined in
// another file, is skipped with a warning; the others are kept.
func TestParseBibNamesEmpty(t *testing.T) {
	got, msg, soft := parseBibNames(" and Gerald J. Sussman")
	if msg != "" || soft == "" || !reflect.DeepEqual(got, []Name{{Family: "Sussman", Given: "Gerald J."}}) {
		t.Errorf("got %+v, %q, %q", got, msg, soft)
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
	srcs, warns := ParseBibTeX("refs.bib", []byte(data))
	want := strings.Join([]string{
		`refs.bib:1:23: entry "a": year: cannot read date "19x0": ` + dateErrText("19x0") + `; printed without it`,
		`refs.bib:2:9: entry "b": expected ',' after the key`,
		`refs.bib:3:1: entry "c": @boook is no BibLaTeX entry type; read as a document (@misc)`,
		`refs.bib:4:23: entry "d": author: cannot read name "Smith, J, K, L": too many commas; the entry is left out`,
		`refs.bib:5:18: unknown macro "foo" (define it with @string); read as empty`,
		`refs.bib:6:1: duplicate key "a" (first at 1:1); this one is left out`,
		`refs.bib:7:23: entry "g": field "title" given twice; the first is used`,
		`refs.bib:8:10: entry "h": date: "27 July 2017" is not an EDTF date; read as 2017-07-27`,
		`refs.bib:9:7: @book entry has no citation key`,
		`refs.bib:10:1: entry "e" is not closed with '}'`,
	}, "\n")
	if got := errors.Join(warns...); got == nil || got.Error() != want {
		t.Errorf("warnings:\n%v\nwant:\n%s", got, want)
	}
	// What can be read is kept, so that its citations still resolve: a
	// date that is not EDTF as far as it goes, an unknown type as a
	// document, an entry without its unreadable date.
	var got []string
	for _, s := range srcs {
		d := ""
		if s.Issued != nil {
			d = s.Issued.Source
		}
		got = append(got, s.ID+" "+s.Type+" "+d)
	}
	if w := []string{"a book ", "c document ", "f book ", "g book ", "h book 2017-07-27", "ok book "}; !slices.Equal(got, w) {
		t.Errorf("sources kept = %q, want %q", got, w)
	}
	// Left out, each at its entry, for a citation of it to say so.
	lib, _ := parseBibTeX("refs.bib", []byte(data))
	var bad []string
	for k, p := range lib.bad {
		bad = append(bad, fmt.Sprintf("%s@%d", k, p.Line))
	}
	slices.Sort(bad)
	if w := []string{"b@2", "d@4", "e@10"}; !slices.Equal(bad, w) {
		t.Errorf("left out = %q, want %q", bad, w)
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
		srcs, warns := ParseBibTeX("f.bib", data)
		for _, w := range warns {
			for _, line := range strings.Split(w.Error(), "\n") {
				if !strings.HasPrefix(line, "f.bib:") {
					t.Fatalf("unpositioned warning %q", line)
				}
			}
		}
		// The good entries come back with the warnings: they must be as
		// sound as those of a file without any.
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
	srcs, warns := ParseBibTeX("refs.bib", []byte(`@book{k, title = {{\"u}ber all: {de} Gaulle in exile}, year = 1920}`))
	if warns != nil {
		t.Fatal(warns)
	}
	c := NewCiter(testDoc(srcs), CiteOptions{})
	got := render(c.Note([]Cite{{Source: "k"}}))
	want := "*über All: de Gaulle in Exile* (1920)"
	if !strings.Contains(got, want) {
		t.Errorf("note %q, want it to contain %q", got, want)
	}
}
