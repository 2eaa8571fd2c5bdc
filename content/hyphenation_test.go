package content

import (
	"slices"
	"strings"
	"testing"
)

// TestHyphenationEntries checks the loader's reading of hyphenation:
// good lists come through as written; each bad entry is reported at the
// character that is wrong, with exactly this message, and all at once.
func TestHyphenationEntries(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string // the hyphenation field, appended to minimal
		want []string
		errs []string
	}{
		{name: "none", in: "", want: nil},
		{name: "flow list", in: "hyphenation: [Teh-ran, Tu-kha-chev-sky, Baku]\n",
			want: []string{"Teh-ran", "Tu-kha-chev-sky", "Baku"}},
		{name: "block list, quoted", in: "hyphenation:\n  - 'Len-in-grad'\n  - \"Ordzhonikidze\"\n",
			want: []string{"Len-in-grad", "Ordzhonikidze"}},
		{name: "empty list", in: "hyphenation: []\n", want: nil},
		{name: "not a list", in: "hyphenation: Teh-ran\n", errs: []string{
			`h.yaml:6:14: hyphenation must be a list of words, like [Teh-ran, Tu-kha-chev-sky]`,
		}},
		{name: "space", in: "hyphenation: [Kuchik Khan]\n", errs: []string{
			`h.yaml:6:21: hyphenation: "Kuchik Khan" has a space: list one word per item`,
		}},
		{name: "digit", in: "hyphenation: [Tu-kha-chev-sky2, 1920]\n", errs: []string{
			`h.yaml:6:30: hyphenation: "Tu-kha-chev-sky2" has a digit (2): a word is letters a-z, with hyphens where it may break`,
			`h.yaml:6:33: hyphenation: "1920" has a digit (1): a word is letters a-z, with hyphens where it may break`,
		}},
		{name: "quoted digit", in: "hyphenation: ['Teh-r4n']\n", errs: []string{
			`h.yaml:6:21: hyphenation: "Teh-r4n" has a digit (4): a word is letters a-z, with hyphens where it may break`,
		}},
		{name: "hyphens", in: "hyphenation: [-Tehran, Teh-ran-, Teh--ran]\n", errs: []string{
			`h.yaml:6:15: hyphenation: "-Tehran" starts with a hyphen: put hyphens only between letters`,
			`h.yaml:6:31: hyphenation: "Teh-ran-" ends with a hyphen: put hyphens only between letters`,
			`h.yaml:6:37: hyphenation: "Teh--ran" has two hyphens together: put one hyphen at each break`,
		}},
		{name: "other characters", in: "hyphenation: [Kemal’s, Kü-çük, \"Teh_ran\"]\n", errs: []string{
			`h.yaml:6:20: hyphenation: "Kemal’s" has '’': a word is letters a-z, with hyphens where it may break`,
			`h.yaml:6:25: hyphenation: "Kü-çük" has 'ü': the hyphenation patterns are English, so a word with letters beyond a-z is never hyphenated; leave it out`,
			`h.yaml:6:36: hyphenation: "Teh_ran" has '_': a word is letters a-z, with hyphens where it may break`,
		}},
		{name: "empty and null", in: "hyphenation:\n  - ''\n  -\n  - [Teh-ran]\n", errs: []string{
			`h.yaml:7:5: hyphenation: "" is empty: write the word with a hyphen where it may break, like Teh-ran`,
			`h.yaml:8:4: hyphenation: each item must be a word, like Teh-ran`,
			`h.yaml:9:5: hyphenation: each item must be a word, like Teh-ran`,
		}},
		{name: "twice", in: "hyphenation:\n  - Teh-ran\n  - tehran\n  - Baku\n  - TEHR-AN\n", errs: []string{
			`h.yaml:8:5: hyphenation: "tehran" is listed twice (first at line 7): keep one`,
			`h.yaml:10:5: hyphenation: "TEHR-AN" is listed twice (first at line 7): keep one`,
		}},
		{name: "misspelt field", in: "hyphenations: [Teh-ran]\n", errs: []string{
			`h.yaml:6:1: unknown field "hyphenations"; did you mean "hyphenation"?`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Load("h.yaml", []byte(minimal+tc.in), nil)
			if tc.errs != nil {
				if err == nil {
					t.Fatalf("no error; want\n%s", strings.Join(tc.errs, "\n"))
				}
				if got := err.Error(); got != strings.Join(tc.errs, "\n") {
					t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", numbered(minimal+tc.in), got, strings.Join(tc.errs, "\n"))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(doc.Hyphenation, tc.want) {
				t.Errorf("Hyphenation = %q, want %q", doc.Hyphenation, tc.want)
			}
		})
	}
}
