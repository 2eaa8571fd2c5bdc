package content

import (
	"strings"
	"testing"
)

// TestLooseDate: the dates real bibliography files carry that are not
// EDTF, each read as far as it goes. The forms are from Better BibTeX's
// test fixtures ("Bulk performance test.bib": 1875 [2004]; "Date export
// to Better CSL-JSON #360 #811": 2011-05-25 /2012-06-26; "EDTF dates in
// BibLaTeX #590": u digits) and the issue that asked for them.
func TestLooseDate(t *testing.T) {
	for _, tt := range []struct {
		in, want, orig string
		read           bool // a warning says how it was read
	}{
		{"1920-05-18", "1920-05-18", "", false},
		{"1920-05~", "1920-05~", "", false},
		{"2004-05-05T12:00", "2004-05-05", "", true},
		{"2004-05-05T12:00:00Z", "2004-05-05", "", true},
		{"2004-05-05 12:00", "2004-05-05", "", true},
		{"199u", "199X", "", true},
		{"1999-uu-uu", "1999-XX-XX", "", true},
		{"Autumn 2001", "2001-23", "", true},
		{"fall 2001", "2001-23", "", true},
		{"Winter 1920", "1920-24", "", true},
		{"May 1920", "1920-05", "", true},
		{"5 May 1920", "1920-05-05", "", true},
		{"May 5, 1920", "1920-05-05", "", true},
		{"Sept. 1920", "1920-09", "", true},
		{"1875 [2004]", "2004", "1875", true},
		{"2004 [1875]", "2004", "1875", true},
		{"1829–1830", "1829/1830", "", true},
		{"1829--1830", "1829/1830", "", true},
		{"2011-05-25 /2012-06-26", "2011-05-25/2012-06-26", "", true},
		{"xx 1985", "1985", "", true},
		{"1920-13", "1920", "", true},
		{"Twentieth century", "", "", false},
		{"Forthcoming", "", "", false},
		{"", "", "", false},
		// Pairs within pairs are no date; trying every split of one took
		// time exponential in its length (FuzzParseCSLJSON hung on it).
		{strings.Repeat("a [b -- ", 40) + "c" + strings.Repeat("]", 40), "", "", false},
		{strings.Repeat("1920 [", 30) + strings.Repeat("]", 30), "1920", "", true},
	} {
		d, orig, read, ok := looseDate(tt.in)
		if ok != (tt.want != "") {
			t.Errorf("looseDate(%q) ok = %v", tt.in, ok)
			continue
		}
		if !ok {
			continue
		}
		o := ""
		if orig != nil {
			o = orig.Source
		}
		if d.Source != tt.want || o != tt.orig || (read != "") != tt.read {
			t.Errorf("looseDate(%q) = %q, original %q, read %q; want %q, %q, warned %v", tt.in, d.Source, o, read, tt.want, tt.orig, tt.read)
		}
	}
}

// TestTitleTypography: straight quotes become curly ones, and the
// elements of a hyphenated compound are capitalized in headline style
// (CMOS 8.161), as pandoc's citeproc sets the same titles from
// biblatex-examples.bib.
func TestTitleTypography(t *testing.T) {
	en := &Source{}
	for _, tt := range []struct{ in, want string }{
		{"on aristotle's de anima: l'interpretation", "On Aristotle’s de Anima: L’interpretation"},
		{`the "new" order`, "The “New” Order"},
		{"'tis the season", "‘Tis the Season"},
		{"effect of saturated pd-n-heterocyclic carbenes", "Effect of Saturated Pd-N-Heterocyclic Carbenes"},
		{"Pd-N-heterocyclic carbenes", "Pd-N-Heterocyclic Carbenes"},
		{"computation of methodology-independent energies", "Computation of Methodology-Independent Energies"},
		{"an out-of-print book", "An Out-of-Print Book"},
		{"pre-war anti-intellectual movements", "Pre-war Anti-intellectual Movements"},
		{"the nineteenth-century caspian", "The Nineteenth-Century Caspian"},
		{"1920-1921", "1920–1921"},
		{"effects of 5 mg doses over 20 km", "Effects of 5 mg Doses over 20 km"},
		{"the m of the matter", "The M of the Matter"},
	} {
		if got := formatTitle(en, tt.in); got != tt.want {
			t.Errorf("formatTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzLooseDate: looseDate never panics, and what it reads is EDTF that
// ParseDate reads back the same.
func FuzzLooseDate(f *testing.F) {
	for _, s := range []string{"1875 [2004]", "Autumn 2001", "199u", "2004-05-05T12:00", "May 5, 1920", "1829–1830", "2011-05-25 /2012-06-26", "xx 1985"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, orig, _, ok := looseDate(s)
		if !ok {
			return
		}
		for _, x := range []*Date{&d, orig} {
			if x == nil {
				continue
			}
			back, err := ParseDate(x.Source)
			if err != nil || back.Source != x.Source {
				t.Fatalf("looseDate(%q) = %q, which ParseDate reads as %q, %v", s, x.Source, back.Source, err)
			}
		}
	})
}
