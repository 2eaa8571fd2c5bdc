package charts

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"annalist/content"
	"annalist/internal/synth"
	"annalist/layout"
)

// manyTracks is a document of n tracks with three-word titles, each
// track holding a span and a point in 1920.
func manyTracks(t testing.TB, n int) *content.Document {
	var tracks []*content.Track
	var evs []*content.Event
	for i := range n {
		id := fmt.Sprintf("t%d", i)
		tracks = append(tracks, &content.Track{ID: id, Title: fmt.Sprintf("Provincial committee %d", i)})
		evs = append(evs,
			&content.Event{ID: id + "-span", Track: id, Title: fmt.Sprintf("Committee %d sits", i),
				Date: mustDate(t, fmt.Sprintf("1920-%02d/1920-%02d", 1+i%6, 7+i%6)), Cite: []content.Cite{{Source: "s"}}},
			&content.Event{ID: id + "-point", Track: id, Title: fmt.Sprintf("Committee %d dissolved", i),
				Date: mustDate(t, fmt.Sprintf("1920-%02d-15", 8+i%5))})
	}
	return newDoc(tracks, evs)
}

// TestPlanTrackGroups: forty lanes cannot share a page even over a
// week, so Plan draws the tracks in groups. Every track is in exactly
// one group, in order; every group is titled after its first and last
// tracks; every page passes the checker; every event has one chart
// destination.
func TestPlanTrackGroups(t *testing.T) {
	doc := manyTracks(t, 40)
	box := layout.Size{W: 700, H: 360}
	if _, err := windows(doc, newDocSpans(doc), nil, 0, 1, box, fixed{}, true); err == nil {
		t.Fatal("forty lanes fit one page: the test needs more")
	}
	blocks, err := planTimelines(doc, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	dests := map[string]int{}
	groups := map[string]bool{}
	for i, b := range blocks {
		tl := b.(*Timeline)
		if tl.Tracks == nil {
			t.Fatalf("block %d draws every track", i)
		}
		if !strings.HasPrefix(tl.Title(), "Timeline: Provincial committee") || !strings.Contains(tl.Title(), " to ") {
			t.Errorf("block %d titled %q", i, tl.Title())
		}
		key := strings.Join(tl.Tracks, ",")
		if !groups[key] {
			groups[key] = true
			seen = append(seen, tl.Tracks...)
		}
		c := layoutChecked(t, fmt.Sprintf("groups-%d", i), tl, box.W, box.H, &counter{})
		for _, it := range c.items {
			if d, ok := it.(layout.Dest); ok {
				dests[d.Name]++
			}
		}
		if s := mustState(t, tl, box); len(s.lanes) != len(tl.Tracks) {
			t.Errorf("block %d: %d lanes for %d tracks", i, len(s.lanes), len(tl.Tracks))
		}
	}
	if len(groups) < 2 {
		t.Errorf("%d groups", len(groups))
	}
	if len(seen) != len(doc.Tracks) {
		t.Errorf("groups hold %d tracks, want %d", len(seen), len(doc.Tracks))
	}
	for i, id := range seen {
		if i < len(doc.Tracks) && id != doc.Tracks[i].ID {
			t.Errorf("group order: track %d is %s, want %s", i, id, doc.Tracks[i].ID)
			break
		}
	}
	for _, ev := range doc.Events {
		if n := dests["chart-"+ev.ID]; n != 1 {
			t.Errorf("chart-%s is a destination %d times, want once", ev.ID, n)
		}
	}
	// A group keeps the colours and patterns its tracks have on a chart
	// of them all.
	all := TrackStyles(doc.Tracks)
	tl := blocks[len(blocks)-1].(*Timeline)
	tracks, styles := tl.lanes()
	for i, tr := range tracks {
		k := 0
		for k < len(doc.Tracks) && doc.Tracks[k] != tr {
			k++
		}
		if styles[i] != all[k] {
			t.Errorf("track %s: style %+v, want %+v", tr.ID, styles[i], all[k])
		}
	}
}

// TestPlanWideTitles: eight tracks whose titles wrap into three lines in
// the narrow title column are too tall for the box; with the titles
// given more width the chart fits one page.
func TestPlanWideTitles(t *testing.T) {
	doc := manyTracks(t, 8)
	for _, tr := range doc.Tracks {
		tr.Title = "Regional " + tr.Title
	}
	box := layout.Size{W: 700, H: 250}
	from, to, _ := Span(doc)
	narrow := &Timeline{Doc: doc, From: from, To: to, Window: true, noGroup: true}
	if _, err := narrow.fitAt(0, 0, box.W, box.H, fixed{}, &counter{}, MinTextSize, fitVariant{}); err == nil {
		t.Fatal("the narrow title column fits: the test needs a smaller box")
	}
	blocks, err := planTimelines(doc, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 1 || blocks[0].(*Timeline).Tracks != nil {
		t.Fatalf("%d blocks, want the whole chart on one page", len(blocks))
	}
	s := mustState(t, blocks[0].(*Timeline), box)
	if !s.wideTitles {
		t.Error("fitted without the wide title column")
	}
	layoutChecked(t, "wide-titles", blocks[0].(*Timeline), box.W, box.H, &counter{})
}

// TestProbeCoversNoteNumbers: a chart of more than 999 citations gets
// four-digit note numbers, and the planner measures with them, so a
// window planned to fit still fits when numbered for real.
func TestProbeCoversNoteNumbers(t *testing.T) {
	for _, tc := range []struct{ events, versions, want int }{{0, 0, 999}, {10, 3, 999}, {999, 0, 999}, {1000, 0, 9999}, {900, 200, 9999}, {12000, 0, 99999}} {
		doc := &content.Document{}
		for i := range tc.events {
			e := &content.Event{}
			if i == 0 {
				e.Versions = make([]content.Version, tc.versions)
			}
			doc.Events = append(doc.Events, e)
		}
		if got := int(probeFor(doc)); got != tc.want {
			t.Errorf("%d events, %d versions: probe %d, want %d", tc.events, tc.versions, got, tc.want)
		}
	}
	// Planned with the probe, laid out with one running sequence that
	// passes 1,000: every window still fits.
	tracks := []*content.Track{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}}
	var evs []*content.Event
	for i := range 1100 {
		y, m, d := content.FromDayNumber(content.DayNumber(1900, 1, 1) + int64(9*i))
		evs = append(evs, &content.Event{ID: fmt.Sprint("e", i), Track: tracks[i%2].ID, Title: fmt.Sprint("Event ", i),
			Date: mustDate(t, fmt.Sprintf("%04d-%02d-%02d", y, m, d)), Cite: []content.Cite{{Source: "s", Locator: fmt.Sprint("p. ", i)}}})
	}
	doc := newDoc(tracks, evs)
	box := layout.Size{W: 700, H: 420}
	blocks, err := planTimelines(doc, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	seq := layoutInSequence(t, blocks, box, fixed{})
	if seq.n < 1000 {
		t.Errorf("only %d notes: the test needs more than 999", seq.n)
	}
}

// TestPlanDenseDayGrouped: thirty events on one day of one lane stack
// thirty marks at one x, too tall for the box however short the window,
// and forty years of events in another lane need windows; the windows
// are then found with the cluster grouped (its events numbered in the
// key), and every page passes the checker, with the real fonts.
func TestPlanDenseDayGrouped(t *testing.T) {
	tracks := []*content.Track{{ID: "a", Title: "Crowded"}, {ID: "b", Title: "Quiet"}}
	var evs []*content.Event
	for i := range 30 {
		evs = append(evs, &content.Event{ID: fmt.Sprint("e", i), Track: "a", Title: fmt.Sprintf("Event number %d of the day", i),
			Date: mustDate(t, "1920-05-10"), Cite: []content.Cite{{Source: "s", Locator: fmt.Sprint(i)}}})
	}
	// Forty years of other events, so that the chart needs windows.
	for i := range 160 {
		evs = append(evs, &content.Event{ID: fmt.Sprint("q", i), Track: "b", Title: fmt.Sprintf("Another event, number %d", i),
			Date: mustDate(t, fmt.Sprintf("%d-%02d", 1900+i/4, 1+3*(i%4)))})
	}
	doc := newDoc(tracks, evs)
	box := layout.Size{W: 762, H: 250}
	m := layout.NewMeasurer()
	from, to, _ := Span(doc)
	if _, err := windows(doc, newDocSpans(doc), nil, from, to, box, m, false); err == nil {
		t.Fatal("the day fits without grouping: the test needs more events")
	}
	blocks, err := planTimelines(doc, box, m)
	if err != nil {
		t.Fatal(err)
	}
	seq := &counter{}
	for i, b := range blocks {
		c, err := b.(*Timeline).draw(0, 0, box.W, box.H, m, seq)
		if err != nil {
			t.Fatalf("block %d: %v", i, err)
		}
		for _, e := range checkCanvas(c, box0(box), m) {
			t.Errorf("block %d: %s", i, e)
		}
	}
}

// TestPlanDayWindows: three hundred events in one month of one lane are
// too many for some weeks even with clusters grouped; those weeks are
// split into windows of days. The windows tile the span, and each lays
// out and passes the checker.
func TestPlanDayWindows(t *testing.T) {
	doc := crowded(t, 300)
	box := layout.Size{W: 762, H: 369}
	from, to, _ := Span(doc)
	ds := newDocSpans(doc)
	ws, err := windows(doc, ds, []string{"a"}, from, to, box, fixed{}, true)
	if err != nil {
		t.Fatal(err)
	}
	short := 0
	for i, w := range ws {
		if i > 0 && w[0] != ws[i-1][1]+1 {
			t.Errorf("window %d starts at %d, the last ended at %d", i, w[0], ws[i-1][1])
		}
		if w[1]-w[0] < 6 && w[1] < to {
			short++
			if fitsWindow(doc, ds, []string{"a"}, w[0], w[0]+6, box, fixed{}, true, true) {
				t.Errorf("window %v is under a week, but the week from its start fits", w)
			}
		}
		tl := &Timeline{Doc: doc, From: w[0], To: w[1], Window: true, Tracks: []string{"a"}}
		layoutChecked(t, fmt.Sprintf("days-%d", i), tl, box.W, box.H, &counter{})
	}
	if ws[0][0] != from || ws[len(ws)-1][1] != to {
		t.Errorf("windows %v do not cover [%d, %d]", ws, from, to)
	}
	if short == 0 {
		t.Errorf("no window under a week in %v: the test needs more events", ws)
	}
}

func TestBusiestDay(t *testing.T) {
	day := func(s string) int64 { f, _, _ := pointSpan(mustDate(t, s).Start); return f }
	tracks := []*content.Track{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}}
	ev := func(id, track, date string) *content.Event {
		return &content.Event{ID: id, Track: track, Title: id, Date: mustDate(t, date)}
	}
	for _, tc := range []struct {
		name   string
		events []*content.Event
		want   string // "" for none
	}{
		{"none", nil, ""},
		{"other track only", []*content.Event{ev("x", "b", "1920-05-01")}, ""},
		{"one point", []*content.Event{ev("x", "a", "1920-05-03")}, "1920-05-03"},
		{"points pile up", []*content.Event{ev("x", "a", "1920-05-01"), ev("y", "a", "1920-05-04"), ev("z", "a", "1920-05-04")}, "1920-05-04"},
		{"spans overlap", []*content.Event{ev("x", "a", "1920-05-01/1920-05-10"), ev("y", "a", "1920-05-08/1920-05-20"), ev("z", "a", "1920-05-15")}, "1920-05-08"},
		{"a month counts every day", []*content.Event{ev("x", "a", "1920-05"), ev("y", "a", "1920-05-20")}, "1920-05-20"},
		{"touching spans do not overlap", []*content.Event{ev("x", "a", "1920-05-01/1920-05-05"), ev("y", "a", "1920-05-06/1920-05-09")}, "1920-05-01"},
	} {
		doc := newDoc(tracks, tc.events)
		got, ok := busiestDay(doc, newDocSpans(doc), "a", day("1900-01-01"), day("1999-12-31"))
		if tc.want == "" {
			if ok {
				t.Errorf("%s: busiest day %d, want none", tc.name, got)
			}
			continue
		}
		if !ok || got != day(tc.want) {
			y, m, d := content.FromDayNumber(got)
			t.Errorf("%s: busiest day %04d-%02d-%02d (%v), want %s", tc.name, y, m, d, ok, tc.want)
		}
	}
}

// TestPlanImpossibleDay: eight hundred events in a month put some thirty
// on one day of one lane, too many for a page even grouped. Plan says so,
// naming the day and the track, before trying any window (the planner
// used to try every window and grouping first, for a minute and a half).
func TestPlanImpossibleDay(t *testing.T) {
	doc := crowded(t, 800)
	_, err := Plan(doc, layout.Size{W: 762, H: 369}, layout.NewMeasurer())
	if !errors.Is(err, ErrTooCrowded) || !strings.Contains(err.Error(), `even the day 1920-05-`) || !strings.Contains(err.Error(), `of track "a"`) {
		t.Fatalf("err = %v", err)
	}
}

// TestPlanTightRows: the built-in handout's timeline on one page of a US
// Letter's width, condensed, has a box height at which it is a few
// points too tall at 7 pt with rows rowGap apart, and fits with them
// tightRowGap apart; fitting then sets it tight rather than failing.
func TestPlanTightRows(t *testing.T) {
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := layout.NewMeasurer()
	from, to, _ := Span(doc)
	loose := &Timeline{Doc: doc, From: from, To: to, Window: true, Condense: true, noGroup: true}
	var box layout.Size
	for h := layout.Pt(360); h <= 480; h++ {
		_, errLoose := loose.fitAt(0, 0, 712, h, m, probeFor(doc), MinTextSize, fitVariant{})
		_, errWide := loose.fitAt(0, 0, 712, h, m, probeFor(doc), MinTextSize, fitVariant{wide: true})
		_, errTight := loose.fitAt(0, 0, 712, h, m, probeFor(doc), MinTextSize, fitVariant{tight: true})
		if errLoose != nil && errWide != nil && errTight == nil {
			box = layout.Size{W: 712, H: h}
			break
		}
	}
	if box.H == 0 {
		t.Fatal("no box height where only closer rows fit: the test proves nothing")
	}
	s, err := loose.fitState(0, 0, box.W, box.H, m, probeFor(doc))
	if err != nil {
		t.Fatalf("%v: %v", box, err)
	}
	if !s.tight {
		t.Errorf("%v: fitted without closer rows", box)
	}
	c, err := loose.draw(0, 0, box.W, box.H, m, &counter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range checkCanvas(c, box0(box), m) {
		t.Error(e)
	}
}

// TestPlannedWindowsLayOut: every block Plan returns for a long, crowded
// handout lays out in the box it was planned for, with notes numbered
// from 1 in one sequence as the handout numbers them. (Windows planned
// without grouping were laid out with it allowed, and a layout that
// tried closer rows only after grouping failed where the plan had
// fitted.)
func TestPlannedWindowsLayOut(t *testing.T) {
	doc, err := synth.Load(synth.Config{Seed: 1, Events: 500, Tracks: 8})
	if err != nil {
		t.Fatal(err)
	}
	m := layout.NewMeasurer()
	box := layout.Size{W: 762, H: 497}
	blocks, err := Plan(doc, box, m)
	if err != nil {
		t.Fatal(err)
	}
	layoutInSequence(t, blocks, box, m)
}

// TestPlanProbeWidens: 995 events of three weeks each, one every three
// days, are cited once per window they cross, so the chart numbers more
// than 999 notes though it has fewer than 999 events. Plan finds that
// its three-digit probe is too narrow and plans again with four; every
// block then lays out with the notes numbered in one sequence, and the
// probe covers the last number.
func TestPlanProbeWidens(t *testing.T) {
	tracks := []*content.Track{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}}
	var evs []*content.Event
	for i := range 995 {
		d0 := content.DayNumber(1900, 1, 1) + int64(3*i)
		y, m, d := content.FromDayNumber(d0)
		y2, m2, d2 := content.FromDayNumber(d0 + 20)
		evs = append(evs, &content.Event{ID: fmt.Sprint("e", i), Track: tracks[i%2].ID, Title: fmt.Sprint("Event ", i),
			Date: mustDate(t, fmt.Sprintf("%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2, d2)), Cite: []content.Cite{{Source: "s", Locator: fmt.Sprint("p. ", i)}}})
	}
	doc := newDoc(tracks, evs)
	if probeFor(doc) != 999 {
		t.Fatalf("probeFor = %d, want 999: the test needs fewer events", probeFor(doc))
	}
	box := layout.Size{W: 700, H: 420}
	blocks, err := planTimelines(doc, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	seq := layoutInSequence(t, blocks, box, fixed{})
	if seq.n <= 999 {
		t.Fatalf("%d notes: the test needs more than 999", seq.n)
	}
	if p := int(blocks[0].(*Timeline).spans.probe); p < seq.n {
		t.Errorf("probe %d, but the chart numbers %d notes", p, seq.n)
	}
}

// layoutInSequence lays out every block in box, in order, numbering their
// notes in one sequence as a handout does, and reports each that fails.
func layoutInSequence(t *testing.T, blocks []layout.Block, box layout.Size, m layout.Measurer) *counter {
	t.Helper()
	seq := &counter{}
	for i, b := range blocks {
		if _, err := b.Layout(0, 0, box.W, box.H, m, seq); err != nil {
			t.Errorf("block %d of %d (notes up to %d): %v", i, len(blocks), seq.n, err)
		}
	}
	return seq
}
