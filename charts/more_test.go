package charts

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"annalist/content"
	"annalist/layout"
)

// TestTrackStylesGray checks that tracks stay apart on a gray printer:
// distinct patterns while any is left, and fill lumas at least 12 apart
// between neighbouring lanes.
func TestTrackStylesGray(t *testing.T) {
	var tracks []*content.Track
	for i := 0; i < 7; i++ {
		tracks = append(tracks, &content.Track{ID: fmt.Sprint(i)})
	}
	tracks[2].Pattern = "cross"
	tracks[5].Color = "#ff0000"
	st := TrackStyles(tracks)
	seen := map[string]bool{}
	for i, s := range st {
		if seen[s.Pattern] {
			t.Errorf("track %d: pattern %q used twice among 7 tracks", i, s.Pattern)
		}
		seen[s.Pattern] = true
		if i > 0 && s.Pattern != "outline" && st[i-1].Pattern != "outline" {
			if d := Luma(s.Fill) - Luma(st[i-1].Fill); d < 12 && d > -12 {
				t.Errorf("tracks %d and %d: fill lumas %.0f and %.0f too close", i-1, i, Luma(st[i-1].Fill), Luma(s.Fill))
			}
		}
		if Luma(s.Stroke) > 80 {
			t.Errorf("track %d: outline luma %.0f too light to print", i, Luma(s.Stroke))
		}
	}
	if st[2].Pattern != "cross" {
		t.Errorf("track 2 asked for cross, got %q", st[2].Pattern)
	}
}

// TestWriteSVG checks the SVG is well-formed XML and carries text as
// text and hatches as patterns.
func TestWriteSVG(t *testing.T) {
	doc := caspian(t)
	tl := &Timeline{Doc: doc}
	items, err := tl.Layout(20, 20, 700, 400, fixed{}, &counter{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSVG(&buf, items, layout.Size{W: 740, H: 440}); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&buf)
	counts := map[string]int{}
	var texts []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name.Local]++
		}
		if cd, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(cd)) != "" {
			texts = append(texts, string(cd))
		}
	}
	if counts["pattern"] == 0 || counts["text"] == 0 || counts["a"] == 0 {
		t.Errorf("SVG elements %v: want pattern, text and a", counts)
	}
	if !strings.Contains(strings.Join(texts, "|"), "Soviet landing at Enzeli [1]") {
		t.Errorf("label text not found in SVG")
	}
}

// TestSpans lays out documents over very different spans: BCE
// centuries, three days, a single point; each must pass the invariants
// and label its axis as expected.
func TestSpans(t *testing.T) {
	tr := []*content.Track{{ID: "r", Title: "Rome"}, {ID: "g", Title: "Gaul"}}
	ev := func(id, track, title, date string) *content.Event {
		return &content.Event{ID: id, Track: track, Title: title, Date: mustDate(t, date), Cite: []content.Cite{{Source: "s"}}}
	}
	for _, tc := range []struct {
		name  string
		evs   []*content.Event
		label string // a text the axis must show
	}{
		{"bce", []*content.Event{
			ev("caesar-gaul", "g", "Gallic wars", "-0057/-0049"),
			ev("rubicon", "r", "Crossing of the Rubicon", "-0048-01-10"),
			ev("ides", "r", "Assassination of Caesar", "-0043-03-15"),
			ev("sulla", "r", "Dictatorship of Sulla", "-0081~/-0078?"),
		}, "60 BCE"},
		{"three-days", []*content.Event{
			ev("a", "r", "First day", "1920-05-17"),
			ev("b", "g", "Second and third", "1920-05-18/1920-05-19"),
		}, "May 1920"},
		{"one-point", []*content.Event{ev("a", "r", "Alone", "1920")}, "1920"},
		{"decade", []*content.Event{ev("a", "r", "Some time in the 1920s", "192X"), ev("b", "g", "Then", "1935-06")}, "1925"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := newDoc(tr, tc.evs)
			c := layoutChecked(t, "span-"+tc.name, &Timeline{Doc: doc}, 500, 250, &counter{})
			found := false
			for _, it := range c.items {
				if tx, ok := it.(layout.Text); ok && tx.Text == tc.label {
					found = true
				}
			}
			if !found {
				t.Errorf("no %q on the axis", tc.label)
			}
		})
	}
}
