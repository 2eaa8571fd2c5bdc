package charts

import (
	"fmt"
	"strings"
	"testing"

	"annalist/content"
	"annalist/layout"
)

// withContext is the small document with context far before and after
// its main period (1920-1921): a revolution decades before, a span that
// crosses the main period's start, and two events decades after.
func withContext(t *testing.T) *content.Document {
	doc := caspian(t)
	add := func(id, track, title, date string) *content.Event {
		e := &content.Event{ID: id, Track: track, Title: title, Date: mustDate(t, date), Context: true}
		doc.Events = append(doc.Events, e)
		doc.EventByID[id] = e
		return e
	}
	add("const-rev", "gilan", "Constitutional Revolution", "1905/1909")
	add("war", "turkish-soviet", "World War", "1914-07-28/1920-04")
	add("shot", "gilan", "Ehsanollah Khan shot", "1938")
	add("hungary", "azerbaijan", "Hungary", "1956")
	return doc
}

// TestContextBreaks lays out a document whose context lies decades away
// from its main period: the scale breaks on both sides, the main period
// keeps most of the width, a bar crossing a break is cut there, and
// every invariant holds.
func TestContextBreaks(t *testing.T) {
	doc := withContext(t)
	tl := &Timeline{Doc: doc, Dests: true}
	c := layoutChecked(t, "context", tl, 760, 420, &counter{})
	// The state at the origin layoutChecked draws at.
	s, err := tl.fitState(20, 30, 760, 420, fixed{}, &counter{})
	if err != nil {
		t.Fatal(err)
	}
	segs := s.sc.Segs
	if len(segs) != 3 || !segs[1].Main {
		t.Fatalf("segments %+v: want context, main, context", segs)
	}
	y0, _, _ := content.FromDayNumber(int64(segs[1].From))
	y1, _, _ := content.FromDayNumber(int64(segs[1].To) - 1)
	if y0 != 1920 || y1 != 1921 {
		t.Errorf("main segment %d-%d, want 1920-1921", y0, y1)
	}
	if w, all := segs[1].X1-segs[1].X0, s.sc.X1-s.sc.X0; w < all*0.7 {
		t.Errorf("main segment %.0f pt of %.0f: context takes too much", w, all)
	}
	// The war (1914 to April 1920) runs into the first break: its bar is
	// cut at the break, not drawn across it.
	br := s.sc.Breaks()[0]
	var pieces []layout.Rect
	for i, it := range c.items {
		if r, ok := it.(layout.Rect); ok && c.owners[i] == "war" && c.kinds[i] == kMark && r.Fill != nil {
			pieces = append(pieces, r)
		}
	}
	if len(pieces) != 1 || pieces[0].X+pieces[0].W > br.X0+0.01 {
		t.Errorf("the war's bar: %v, want one piece, ending at the break %v (the war ends where the main period starts)", pieces, br)
	}
	// The ticks: coarse years in each context segment, months in the
	// main one.
	var labels []string
	for _, tk := range s.axis.Ticks {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	got := strings.Join(labels, " ")
	for _, want := range []string{"1910", "Apr", "1940"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("axis labels %q lack %q", got, want)
		}
	}
	if !legendHas(s, "scale break") {
		t.Error("the legend does not explain the scale break")
	}
	// The caspian document alone has no context far away: no break.
	if s := mustState(t, &Timeline{Doc: caspian(t)}, layout.Size{W: 760, H: 420}); len(s.sc.Segs) != 0 {
		t.Errorf("caspian: %d segments, want a linear scale", len(s.sc.Segs))
	}
}

func legendHas(s *layoutState, text string) bool {
	for _, e := range s.legendEntries() {
		if strings.Contains(e.text, text) {
			return true
		}
	}
	return false
}

// TestCondense: with Condense, the events wholly inside the detail window
// become one summary mark per lane (when there are at least three), the
// summary links to the detail figure, is the destination of each of its
// events, and cites none of them; the detail figure is titled.
func TestCondense(t *testing.T) {
	doc := caspian(t)
	// Three more Azerbaijani events inside April-June 1920.
	for i, d := range []string{"1920-04-10", "1920-05-02", "1920-06-20"} {
		e := &content.Event{ID: fmt.Sprint("az", i), Track: "azerbaijan", Title: fmt.Sprint("Azerbaijani event ", i), Date: mustDate(t, d), Cite: []content.Cite{{Source: "s", Locator: fmt.Sprint("p. ", i)}}}
		doc.Events = append(doc.Events, e)
		doc.EventByID[e.ID] = e
	}
	plain, cond := &counter{}, &counter{}
	layoutChecked(t, "plain", &Timeline{Doc: doc, Dests: true}, 760, 420, plain)
	tl := &Timeline{Doc: doc, Dests: true, Condense: true}
	c := layoutChecked(t, "condensed", tl, 760, 420, cond)
	s := mustState(t, tl, layout.Size{W: 760, H: 420})
	var sums []*mark
	for _, lane := range s.lanes {
		for _, mk := range lane {
			if mk.cluster != nil {
				sums = append(sums, mk)
			}
		}
	}
	// Azerbaijan: Baku (27-28 Apr), Ganja (25 May-Jun?) and the three:
	// five events. Gilan's two in the window stay as they are.
	if len(sums) != 1 || len(sums[0].cluster) != 5 {
		t.Fatalf("%d summaries %v, want one of five events", len(sums), sums)
	}
	dest := layout.FigureDest(doc.Details[0].Title)
	dests := map[string]int{}
	links := 0
	for _, it := range c.items {
		switch v := it.(type) {
		case layout.Dest:
			dests[v.Name]++
		case layout.Link:
			if v.Dest == dest {
				links++
			}
		}
	}
	for _, ev := range sums[0].cluster {
		if dests["chart-"+ev.ID] != 1 {
			t.Errorf("chart-%s: %d destinations, want 1", ev.ID, dests["chart-"+ev.ID])
		}
	}
	if links == 0 {
		t.Errorf("no link to %s", dest)
	}
	// The summarised events' sources are not cited on the condensed
	// chart: Baku's, Ganja's and the three new notes.
	if cond.n != plain.n-5 {
		t.Errorf("condensed chart cites %d notes, the plain one %d: want 5 fewer", cond.n, plain.n)
	}
	if !legendHas(s, "detail figure") {
		t.Error("the legend does not explain the summary mark")
	}
}

// TestPlanLabelsRatherThanCondenses: a document whose main chart does
// not fit one box at full detail, but does with the detail window
// condensed into a summary mark, is not condensed when that would hide
// more than a third of its events behind the summary: its overview takes
// more windows, each labelling enough of its events, and the detail
// figure follows, titled.
func TestPlanLabelsRatherThanCondenses(t *testing.T) {
	doc := caspian(t)
	for i := 0; i < 24; i++ {
		e := &content.Event{ID: fmt.Sprint("az", i), Track: "azerbaijan", Title: fmt.Sprint("Azerbaijani event number ", i),
			Date: mustDate(t, fmt.Sprintf("1920-05-%02d", 1+i)), Cite: []content.Cite{{Source: "s"}}}
		doc.Events = append(doc.Events, e)
		doc.EventByID[e.ID] = e
	}
	box := layout.Size{W: 760, H: 330}
	from, to, _ := Span(doc)
	if fits(&Timeline{Doc: doc, From: from, To: to, Window: true, noGroup: true}, box, fixed{}) {
		t.Fatal("the test document fits without condensing: make it denser")
	}
	if !fits(&Timeline{Doc: doc, From: from, To: to, Window: true, Condense: true, noGroup: true}, box, fixed{}) {
		t.Fatal("the test document does not fit condensed either: the test proves nothing")
	}
	blocks, err := planTimelines(doc, box, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	var mains []*Timeline
	var titles []string
	for _, b := range blocks {
		tl := b.(*Timeline)
		if tl.Dests {
			mains = append(mains, tl)
		} else {
			titles = append(titles, tl.Title())
		}
	}
	if len(mains) < 2 {
		t.Errorf("%d main blocks, want the overview in windows", len(mains))
	}
	for i, tl := range mains {
		if tl.Condense {
			t.Errorf("window %d condensed", i)
		}
		l, n := mustState(t, tl, box).labelShare()
		if !labelsEnough(l, n) {
			t.Errorf("window %d: %d of %d events labelled", i, l, n)
		}
	}
	if len(titles) == 0 || !strings.HasPrefix(titles[0], doc.Details[0].Title) {
		t.Errorf("detail titles %q, want %q", titles, doc.Details[0].Title)
	}
	for i, b := range blocks {
		tl := b.(*Timeline)
		layoutChecked(t, fmt.Sprint("prefer-", i), tl, box.W, box.H, &counter{})
	}
	// A split detail figure's first part carries the whole figure's
	// destination, for the summary's link.
	for _, b := range blocks {
		if tl := b.(*Timeline); strings.HasSuffix(tl.Title(), "(1 of 2)") && tl.Anchor != layout.FigureDest(doc.Details[0].Title) {
			t.Errorf("first part %q has anchor %q", tl.Title(), tl.Anchor)
		}
	}
}

// TestOneNotePerCitation: the same citation cited twice on one chart (an
// event and the version its date follows; two events on one passage)
// gets one note, printed with both; another chart (block) cites afresh.
func TestOneNotePerCitation(t *testing.T) {
	doc := caspian(t)
	// The republic's event and its first version both cite Atabaki's
	// para. 9 now; the coup cites it too.
	rep := doc.EventByID["gilan-republic"]
	rep.Cite = []content.Cite{{Source: "atabaki2017", Locator: "para. 9"}}
	doc.EventByID["rasht-coup"].Cite = rep.Cite
	notes := &counter{}
	s, err := (&Timeline{Doc: doc}).fitState(0, 0, 760, 420, fixed{}, notes)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for i, cs := range notes.cites {
		k := fmt.Sprint(cs)
		if j, ok := seen[k]; ok {
			t.Errorf("notes %d and %d cite the same %v", j+1, i+1, cs)
		}
		seen[k] = i
	}
	var labels []string
	for _, lane := range s.lanes {
		for _, mk := range lane {
			labels = append(labels, mk.label+" "+mk.vlabel)
		}
	}
	all := strings.Join(labels, "|")
	n := seen[fmt.Sprint(rep.Cite)] + 1
	if c := strings.Count(all, fmt.Sprintf("[%d]", n)); c != 3 {
		t.Errorf("note %d printed %d times in %q, want 3 (republic, its version, the coup)", n, c, all)
	}
}

// TestGroupDense: a cluster of events too close for even callouts to
// save rows becomes one keyed summary: a box with a tick per event, the
// range of their numbers beside it, each event a line of the key (with
// its note), and each still a destination for the narrative's links.
func TestGroupDense(t *testing.T) {
	tracks := []*content.Track{{ID: "a", Title: "Dense"}, {ID: "b", Title: "Sparse"}}
	var evs []*content.Event
	for i := 0; i < 9; i++ {
		evs = append(evs, &content.Event{ID: fmt.Sprint("d", i), Track: "a", Title: fmt.Sprint("Dense event number ", i),
			Date: mustDate(t, fmt.Sprintf("1920-01-%02d", 1+2*i)), Cite: []content.Cite{{Source: "s", Locator: fmt.Sprint(i)}}})
	}
	for y := 1921; y <= 1928; y++ {
		evs = append(evs, &content.Event{ID: fmt.Sprint("s", y), Track: "b", Title: fmt.Sprint("Sparse ", y), Date: mustDate(t, fmt.Sprint(y))})
	}
	doc := newDoc(tracks, evs)
	const w, h = 600, 150
	from, to, _ := Span(doc)
	if fits(&Timeline{Doc: doc, From: from, To: to, Window: true, noGroup: true}, layout.Size{W: w, H: h}, fixed{}) {
		t.Fatal("the test document fits without grouping: make the box smaller")
	}
	tl := &Timeline{Doc: doc, Dests: true}
	notes := &counter{}
	c := layoutChecked(t, "grouped", tl, w, h, notes)
	if notes.n != 9 {
		t.Errorf("%d notes, want one per dense event", notes.n)
	}
	s, err := tl.fitState(20, 30, w, h, fixed{}, &counter{})
	if err != nil {
		t.Fatal(err)
	}
	var sum *mark
	for _, mk := range s.lanes[0] {
		if mk.members != nil {
			sum = mk
		}
	}
	if sum == nil || len(sum.members) != 9 {
		t.Fatalf("no keyed summary of the nine dense events: %+v", s.lanes[0])
	}
	s.callouts()
	texts := map[string]bool{}
	dests := map[string]int{}
	for _, it := range c.items {
		switch v := it.(type) {
		case layout.Text:
			texts[v.Text] = true
		case layout.Dest:
			dests[v.Name]++
		}
	}
	if r := keyName(sum.first) + "–" + keyName(sum.callout); r != "A–I" || !texts[r] || sum.callout-sum.first != 8 {
		t.Errorf("range %q not printed (or not nine letters from A)", r)
	}
	for i, mk := range sum.members {
		if mk.callout != sum.first+i {
			t.Errorf("member %d numbered %d, want %d", i, mk.callout, sum.first+i)
		}
		if !texts[mk.label] || !texts[keyName(mk.callout)] {
			t.Errorf("key line %q (%s) not printed", mk.label, keyName(mk.callout))
		}
		if dests["chart-"+mk.ev.ID] != 1 {
			t.Errorf("chart-%s: %d destinations, want 1", mk.ev.ID, dests["chart-"+mk.ev.ID])
		}
	}
	if !legendHas(s, "lettered in the key") {
		t.Error("the legend does not explain the keyed summary")
	}
}

// TestDefaultHandoutLabelled plans the default handout with the real
// fonts in the boxes A4 and US Letter landscape pages leave once their
// notes have their room (measured through layout.Build): every window of
// the overview labels at least labelTarget of its events beside their
// marks (a second page rather than a page of numbers), the chart as a
// whole does too, every window passes the invariant checks, and every
// event is a destination exactly once across all the blocks.
func TestDefaultHandoutLabelled(t *testing.T) {
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := layout.NewMeasurer()
	for _, box := range []layout.Size{{W: 762, H: 370}, {W: 712, H: 377}} {
		blocks, err := planTimelines(doc, box, m)
		if err != nil {
			t.Fatal(err)
		}
		dests := map[string]int{}
		mains, labelled, events := 0, 0, 0
		for i, b := range blocks {
			tl := b.(*Timeline)
			c, err := tl.draw(0, 0, box.W, box.H, m, &counter{})
			if err != nil {
				t.Fatalf("%v block %d: %v", box, i, err)
			}
			for _, e := range checkCanvas(c, box0(box), m) {
				t.Errorf("%v block %d %q: %s", box, i, tl.Title(), e)
			}
			for _, it := range c.items {
				if d, ok := it.(layout.Dest); ok && strings.HasPrefix(d.Name, "chart-") {
					dests[d.Name]++
				}
			}
			if !tl.Dests {
				continue
			}
			mains++
			s, err := tl.fitState(0, 0, box.W, box.H, m, &counter{})
			if err != nil {
				t.Fatal(err)
			}
			l, n := s.labelShare()
			if !labelsEnough(l, n) {
				t.Errorf("%v window %d: %d of %d events labelled", box, i, l, n)
			}
			labelled, events = labelled+l, events+n
		}
		if mains > 4 {
			t.Errorf("%v: %d overview pages, want at most 4", box, mains)
		}
		if float64(labelled) < labelTarget*float64(events) {
			t.Errorf("%v: %d of %d events labelled", box, labelled, events)
		}
		t.Logf("%v: %d overview pages, %d of %d events labelled", box, mains, labelled, events)
		for _, ev := range doc.Events {
			if n := dests["chart-"+ev.ID]; n != 1 {
				t.Errorf("%v: chart-%s: %d destinations, want 1", box, ev.ID, n)
			}
		}
	}
}

func box0(s layout.Size) box { return box{0, 0, s.W, s.H} }

// TestKeyName: the key's names run A to Z, then AA, AB: bijective base
// 26, so that every entry has a name and no two share one.
func TestKeyName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 2: "B", 26: "Z", 27: "AA", 28: "AB", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA"} {
		if got := keyName(n); got != want {
			t.Errorf("keyName(%d) = %q, want %q", n, got, want)
		}
	}
	seen := map[string]bool{}
	for n := 1; n <= 2000; n++ {
		k := keyName(n)
		if seen[k] {
			t.Fatalf("keyName(%d) = %q twice", n, k)
		}
		seen[k] = true
	}
}
