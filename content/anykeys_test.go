package content

import (
	"regexp"
	"slices"
	"testing"
)

// anyKeyRE is the regular expression anyKeys stands for; the tests hold
// the two to the same answers.
var anyKeyRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_])-?@(` + citeKey + `)`)

func anyKeysRE(text string) []string {
	var keys []string
	for _, m := range anyKeyRE.FindAllStringSubmatch(text, -1) {
		keys = append(keys, m[1])
	}
	return keys
}

func collectKeys(text string) []string {
	var keys []string
	anyKeys(text, func(k string) { keys = append(keys, k) })
	return keys
}

var anyKeysSeeds = []string{
	"",
	"@a",
	"see [@atabaki2017, para. 3] and @kh.",
	"mail me at x@y.org, or -@neg and (@paren)",
	"@a@b @c.@d @e..f @g_ @_h @é-ü @1920",
	"word@notkey _@no 9@no é@no -@yes",
	"[see @a, 3; -@b, 4] @c:d/e#f @g: @h-",
	"\xff@bad utf8 \xe2@x",
	"@@double @-@x @@",
}

func TestAnyKeysMatchesRegexp(t *testing.T) {
	for _, s := range anyKeysSeeds {
		if got, want := collectKeys(s), anyKeysRE(s); !slices.Equal(got, want) {
			t.Errorf("anyKeys(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzAnyKeys(f *testing.F) {
	for _, s := range anyKeysSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collectKeys(s), anyKeysRE(s); !slices.Equal(got, want) {
			t.Errorf("anyKeys(%q) = %q, want %q", s, got, want)
		}
	})
}
