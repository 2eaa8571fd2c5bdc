package charts

import (
	"fmt"
	"strings"
	"testing"

	"annalist/content"
	"annalist/layout"
)

// TestTitleShort: an event whose title has no room beside its mark is
// labelled by its title-short there, not lettered; the key does not list
// it. Without title-short the same event is lettered in the key.
func TestTitleShort(t *testing.T) {
	long := "An event whose title is far too long to be set beside its mark in so narrow a chart"
	for _, short := range []string{"Short title", ""} {
		tracks := []*content.Track{{ID: "a", Title: "A"}}
		evs := []*content.Event{
			{ID: "e", Track: "a", Title: long, TitleShort: short, Date: mustDate(t, "1920-06-15")},
			{ID: "f", Track: "a", Title: "First", Date: mustDate(t, "1920-01-10")},
			{ID: "g", Track: "a", Title: "Last", Date: mustDate(t, "1920-12-20")},
		}
		tl := &Timeline{Doc: newDoc(tracks, evs)}
		const w, h = 300, 200
		c := layoutChecked(t, "short-"+short, tl, w, h, &counter{})
		s := mustState(t, tl, layout.Size{W: w, H: h})
		var mk *mark
		for _, m := range s.lanes[0] {
			if m.ev.ID == "e" {
				mk = m
			}
		}
		texts := map[string]bool{}
		for _, it := range c.items {
			if v, ok := it.(layout.Text); ok {
				texts[v.Text] = true
			}
		}
		switch {
		case short != "" && (mk.mode != shortRight && mk.mode != shortLeft || !texts[short]):
			t.Errorf("with title-short: mode %d, texts %v; want the short title beside the mark", mk.mode, texts)
		case short != "" && texts[long]:
			t.Errorf("with title-short: the full title is printed too (in the key?)")
		case short == "" && (!mk.mode.callout() || !texts["A"]):
			t.Errorf("without title-short: mode %d, want the event lettered A", mk.mode)
		}
	}
}

// TestShareWarning: a window that cannot label enough of its events
// even a day long (twelve events on one day of one track) warns at its
// first lettered event, in the loader's file:line:col form, and names
// title-short as a remedy; a chart that labels enough does not warn.
func TestShareWarning(t *testing.T) {
	tracks := []*content.Track{{ID: "a", Title: "Crowded"}}
	var evs []*content.Event
	for i := 0; i < 12; i++ {
		evs = append(evs, &content.Event{ID: fmt.Sprint("e", i), Track: "a", Title: fmt.Sprint("A rather long title for event number ", i),
			Date: mustDate(t, "1920-05-18"), Pos: content.Pos{File: "h.yaml", Line: 10 + 5*i, Column: 5}})
	}
	doc := newDoc(tracks, evs)
	box := layout.Size{W: 500, H: 120}
	blocks, err := planTimelines(doc, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		if _, err := b.Layout(0, 0, box.W, box.H, fixed{}, &counter{}); err != nil {
			t.Fatal(err)
		}
	}
	ws := strings.Join(Warnings(blocks), "\n")
	if !strings.Contains(ws, "h.yaml:") || !strings.Contains(ws, ": warning: the timeline of 1920-05-18") || !strings.Contains(ws, "labels only 0 of its 12 events") || !strings.Contains(ws, "title-short") {
		t.Errorf("warnings %q, want one at the first lettered event naming title-short", ws)
	}
	// The Caspian test document labels enough: no such warning.
	tl := &Timeline{Doc: caspian(t)}
	if _, err := tl.Layout(0, 0, 760, 420, fixed{}, &counter{}); err != nil {
		t.Fatal(err)
	}
	for _, w := range tl.Warnings {
		if strings.Contains(w, "labels only") {
			t.Errorf("caspian: %q", w)
		}
	}
}
