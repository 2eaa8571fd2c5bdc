package synth

import (
	"bytes"
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	c := Config{Pages: 5, Seed: 7}
	y1, m1 := Files(c)
	y2, m2 := Files(c)
	if !bytes.Equal(y1, y2) || !bytes.Equal(m1, m2) {
		t.Fatal("the same Config gave different files")
	}
	y3, m3 := Files(Config{Pages: 5, Seed: 8})
	if bytes.Equal(y1, y3) || bytes.Equal(m1, m3) {
		t.Error("a different seed gave the same files")
	}
}

// TestLoads checks that what the generator writes is valid input, of
// the size asked for: the loader accepts it, every event, track and
// source is there, and the narrative has the words and citations wanted.
func TestLoads(t *testing.T) {
	for _, c := range []Config{{Pages: 0}, {Pages: 3, Seed: 1}, {Pages: 20, Events: 200, Tracks: 7, Sources: 30, Seed: 2, Paper: "letter"}} {
		doc, err := Load(c)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		c = c.withDefaults()
		if len(doc.Events) != c.Events || len(doc.Tracks) != c.Tracks || len(doc.Sources) != c.Sources || doc.Paper != c.Paper {
			t.Errorf("%+v: loaded %d events, %d tracks, %d sources, paper %q", c, len(doc.Events), len(doc.Tracks), len(doc.Sources), doc.Paper)
		}
		words := len(strings.Fields(doc.Narrative))
		cites := strings.Count(doc.Narrative, "[@") + strings.Count(doc.Narrative, "[see @")
		want := c.Pages * WordsPerPage
		if words < want || words > want+want/5+400 {
			t.Errorf("%+v: %d words of narrative, want about %d", c, words, want)
		}
		// A citation every ~60 words of text.
		if c.Pages > 0 && (cites < want/75 || cites > want/45) {
			t.Errorf("%+v: %d citations in %d words, want one every ~60", c, cites, words)
		}
		for _, w := range doc.Warnings {
			t.Logf("%+v: %s", c, w)
		}
	}
}

// TestVocabulary checks the narrative's word statistics are those of
// prose: thousands of distinct words in a long text, the commonest few
// making up a large share.
func TestVocabulary(t *testing.T) {
	_, md := Files(Config{Pages: 200, Seed: 1})
	counts := map[string]int{}
	total := 0
	for _, w := range strings.Fields(string(md)) {
		w = strings.ToLower(strings.Trim(w, ".,;:[]@#>-^"))
		if w != "" {
			counts[w]++
			total++
		}
	}
	if len(counts) < 3000 || len(counts) > 8000 {
		t.Errorf("%d distinct words in %d; want some thousands", len(counts), total)
	}
	if share := float64(counts["the"]) / float64(total); share < 0.02 {
		t.Errorf(`"the" is %.3f of the words; Zipf's law gives it several percent`, share)
	}
}
