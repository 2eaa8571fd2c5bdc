package charts

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"annalist/content"
	"annalist/layout"
)

// MinTextSize is the smallest type the chart ever sets: below 7 pt a
// photocopied handout is no longer legible.
const MinTextSize layout.Pt = 7

// ErrTooCrowded is returned by Timeline.Layout when the chart cannot be
// set in its box with every label at MinTextSize or larger, even with
// numbered callouts; the planner then splits the time window.
var ErrTooCrowded = errors.New("charts: timeline too crowded for its box")

// Timeline is the timeline chart of a document, or of a window of its
// time: one lane per track, events packed into rows, labels beside or
// inside their marks or as numbered callouts with a key under the chart,
// uncertainty drawn so that it survives a photocopy, disputed dates as
// labelled ticks, eras as bands, relations as routed arrows, and a legend.
// It implements layout.Block.
type Timeline struct {
	Doc *content.Document
	// From and To (inclusive day numbers) restrict the chart to a window
	// when Window is set; otherwise the chart spans the whole document.
	From, To int64
	Window   bool
	// Dests makes the chart emit a destination "chart-<id>" at each
	// mark, for links from the narrative. Only one chart of a handout
	// (the main one) should set it, so names stay unique.
	Dests bool
	// FigureTitle names a detail figure ("April-June 1920: Baku and
	// Enzeli"); the chart does not print it: Title hands it to layout,
	// which heads the figure's page, outline entry and contents line
	// with it.
	FigureTitle string
	// Anchor, when set, is a destination the chart emits at its top
	// left: Plan names the first part of a detail figure split across
	// pages after the whole figure, for the main chart's summary marks.
	Anchor string
	// Condense draws, in each lane, the events that lie wholly inside a
	// detail window (doc.Details) as one summary mark, when there are at
	// least condenseMin of them: a box over their time with a tick at
	// each event, labelled with their number and linked to the detail
	// figure, which draws them one by one. Plan sets it on a main chart
	// that would not otherwise fit one page. The summarised events are
	// not cited here; the detail figure cites them.
	Condense bool
	// Tracks, when set, are the ids of the tracks drawn, as lanes in the
	// document's order; nil draws every track. Plan sets it when the
	// lanes of every track are too tall for one page even over a week:
	// the tracks are then drawn in groups, each on its own pages, in the
	// colours and patterns they have on a chart of them all. Relations
	// to events of other groups are not drawn.
	Tracks []string
	// spans are the document's dates as fitting reads them (spansOf);
	// Plan shares one among the timelines it makes.
	spans *docSpans
	// noGroup stops the fit from grouping dense clusters into keyed
	// summaries (groupDense): Plan tries a chart without them first.
	noGroup bool
	// Activity draws an activity strip (events per month, by track)
	// under the legend and key, on the chart's own time scale, when the
	// box has room for it at the chart's fitted size; when it has not,
	// the strip is left out with a warning. Plan sets it on the main
	// chart.
	Activity bool
	// Warnings are set by Layout: relations that could not be drawn
	// without crossing a label; an activity strip left out.
	Warnings []string

	// The plot area of the last Layout, relative to its box, for figures
	// aligned with this chart (ActivityStrip).
	plotX0, plotW    layout.Pt
	plotFrom, plotTo int64
	plotBroken       bool  // a broken scale: the strip follows its main segment
	plotSc           Scale // the scale, its x relative to the box
	plotAxis         Axis  // the axis's ticks, their x relative to the box
	plotLabelSize    layout.Pt
	laidW            layout.Pt // the width of the box of the last Layout
}

// Title is the figure's title (layout.Titled): a detail figure's, or ""
// for the main chart, which layout calls "Timeline".
func (t *Timeline) Title() string { return t.FigureTitle }

// Sizes and spacing, in points.
const (
	smallSize            = MinTextSize // callout numbers, key, legend, era titles
	rowGap     layout.Pt = 3           // between rows: the channel relations run in
	lanePad    layout.Pt = 3
	labelGap   layout.Pt = 3 // mark to its label
	packGap    layout.Pt = 4 // least space between two footprints in a row
	diamondW   layout.Pt = 4.5
	swatchW    layout.Pt = 12
	arrowLen   layout.Pt = 5
	leadLen    layout.Pt = 14 // the lead of a date whose other end is open or unknown
	taperLen   layout.Pt = 6
	insidePad  layout.Pt = 2.5
	tickLen    layout.Pt = 3
	legendGap  layout.Pt = 12
	sampleW    layout.Pt = 18
	keyGap     layout.Pt = 10
	minBarW    layout.Pt = 2
	sectionGap layout.Pt = 6
)

var (
	sans     = layout.Font{Family: "sans", Style: layout.Regular}
	sansBold = layout.Font{Family: "sans", Style: layout.Bold}
	ink      = gray(0)
	softInk  = gray(90)
)

// labelMode is where an event's label went.
type labelMode uint8

const (
	labelInside labelMode = iota
	labelRight
	labelLeft
	// The event's title-short, where its title has no room.
	shortInside
	shortRight
	shortLeft
	calloutRight
	calloutLeft
	calloutInside // the number inside a bar that fills the window
)

func (l labelMode) callout() bool { return l >= calloutRight }

// mark is one event's geometry in x and its label text, before packing.
type mark struct {
	ev    *content.Event
	lane  int
	order int // document order, for stable sorting

	point  bool      // a single date: a diamond, or its range when coarse
	coarse bool      // a date known only to its month, season or year: its whole range, no diamond
	px     layout.Pt // diamond centre
	// leadL, leadR: the other end of the event is open or unknown, drawn
	// as a short lead from the dated end towards it (unknL, unknR: it is
	// unknown, not open).
	leadL, leadR bool
	bx0          layout.Pt // bar body (bx0 == bx1: none)
	bx1          layout.Pt
	whisk        []span // precision ranges drawn as a thin line with end ticks
	taperL       bool   // approximate start
	taperR       bool
	dashed       bool // uncertain
	unknL        bool
	unknR        bool
	contL        bool // runs on before the window (continued from another page)
	contR        bool
	// early: a point known only to a month, season or year that began
	// before the window (its whisker is cut at the edge); the window
	// where it begins holds its destination.
	early  bool
	lo, hi layout.Pt // whole mark extent

	label  string
	labelW layout.Pt
	short  string // the title-short and note, or ""
	shortW layout.Pt

	vticks  []layout.Pt // disputed-date ticks
	vlabel  string
	vx      layout.Pt // version label's x
	vw      layout.Pt
	callout int // callout number, when the label went to the key

	// A summary mark (Timeline.Condense) stands for the cluster's
	// events; rug holds the x of each, figure the detail figure's
	// destination.
	cluster []*content.Event
	rug     []layout.Pt
	figure  string
	// A keyed summary (groupDense) has no detail figure: its members,
	// numbered first..callout, are listed in the callout key.
	members []*mark
	first   int

	// After packing:
	row  int
	mode labelMode
}

// layoutState is everything Layout computes before emitting items.
type layoutState struct {
	t          *Timeline
	x, y, w, h layout.Pt
	m          layout.Measurer
	sc         Scale
	from, to   int64 // inclusive window
	axis       Axis
	styles     []TrackStyle
	asc, desc  layout.Pt // label font extents
	rowH, barH layout.Pt
	titleW     layout.Pt
	tracks     []*content.Track // the tracks drawn, one lane each
	titles     [][]string       // wrapped lane titles
	wideTitles bool             // the title column may take up to a quarter of the box
	tight      bool             // rows tightRowGap apart, not rowGap
	// keyLines memoizes the callout key's wrapped entries by text and
	// width: fitting asks for the key's height after every change to the
	// lanes, at several column widths, mostly of the same entries.
	keyLines map[keyLinesKey][]string
	// keyWidths memoizes the width of each key entry's text, and
	// legendH the legend's height, which depends only on what kinds of
	// mark the chart has: not on the packing, so fitting need not read
	// every mark again for each row it takes (groupDense resets it).
	keyWidths map[keyLinesKey]layout.Pt
	legendH   layout.Pt
	legendOK  bool
	// legendKey: the legend explains the key's letters (set by the
	// legend's height, which keeps room for it, and by emit, which draws
	// it only when the chart letters an event).
	legendKey bool
	alts      map[packKey]laneAlts // packLane's alternatives, per lane
	lanes     [][]*mark
	rows      []int // rows per lane
	maxRows   []int
	eraRows   [][]*eraMark
	eras      []*eraMark
	calloutW  layout.Pt
	// labelSize is the size of event labels and axis labels; titleSize
	// of lane titles. Callouts, keys, legend and era titles are 7 pt.
	labelSize, titleSize layout.Pt
	// spare is added to the gap between rows when the chart is shorter
	// than its box, so a sparse chart spreads over its page instead of
	// huddling at the top.
	spare layout.Pt
}

func (s *layoutState) gap() layout.Pt {
	if s.tight {
		return tightRowGap + s.spare
	}
	return rowGap + s.spare
}

type eraMark struct {
	era    *content.Era
	x0, x1 layout.Pt
	tx, tw layout.Pt
	title  string
	row    int
}

// Layout draws the chart into the box (x, y, w, h). It registers the
// events' and versions' citations with notes, in the order the chart is
// read (lane by lane, left to right), and prints the returned numbers.
func (t *Timeline) Layout(x, y, w, h layout.Pt, m layout.Measurer, notes layout.Notes) ([]layout.Item, error) {
	c, err := t.draw(x, y, w, h, m, notes)
	if err != nil {
		return nil, err
	}
	return c.items, nil
}

// Span returns the window of days (inclusive) that the chart shows when
// no window is set: every dated event and era, padded to whole months
// (or years for long spans) so that the first and last marks do not sit
// on the box's edge.
func Span(doc *content.Document) (from, to int64, ok bool) {
	first, last := int64(1<<62), int64(-1<<62)
	see := func(d content.Date) {
		for _, p := range []content.Point{d.Start, d.End} {
			if f, l, ok := pointSpan(p); ok {
				first = min(first, f)
				last = max(last, l)
			}
		}
	}
	for _, e := range doc.Events {
		see(e.Date)
		for _, v := range e.Versions {
			if v.Date != nil {
				see(*v.Date)
			}
			for _, p := range []*content.Point{v.Start, v.End} {
				if p != nil {
					see(content.Date{Start: *p, End: *p})
				}
			}
		}
	}
	for _, e := range doc.Eras {
		see(e.Date)
	}
	if first > last {
		return 0, 0, false
	}
	return padSpan(first, last)
}

// eachSpan calls f with the first and last day of every dated thing the
// chart may draw: events (with their versions' dates) and eras. ctx says
// whether the thing is context (a context event, or an era).
func eachSpan(doc *content.Document, f func(first, last int64, ctx bool)) {
	see := func(d content.Date, ctx bool) {
		first, last := int64(1<<62), int64(-1<<62)
		for _, p := range []content.Point{d.Start, d.End} {
			if a, b, ok := pointSpan(p); ok {
				first, last = min(first, a), max(last, b)
			}
		}
		if first <= last {
			f(first, last, ctx)
		}
	}
	for _, e := range doc.Events {
		see(e.Date, e.Context)
		for _, v := range e.Versions {
			if v.Date != nil {
				see(*v.Date, e.Context)
			}
			for _, p := range []*content.Point{v.Start, v.End} {
				if p != nil {
					see(content.Date{Start: *p, End: *p}, e.Context)
				}
			}
		}
	}
	for _, e := range doc.Eras {
		see(e.Date, true)
	}
}

// docSpans is what fitting a chart needs of a document's dates, worked
// out once: the planner fits hundreds of windows of a long handout, and
// reading every event's dates again for each was most of the time a
// window took.
type docSpans struct {
	doc   *content.Document
	spans []docSpan // eachSpan's, in its order
	// bounds[i] holds every day doc.Events[i] may be drawn on: its start
	// and end, open or unknown ends as far as they go (±1<<62). A window
	// that misses them does not draw the event.
	bounds           [][2]int64
	mainFrom, mainTo int64
	mainOK           bool
	// short holds the events at most shortSpan days long, by their
	// first day; long the others, in document order. A window finds its
	// events by a binary search of short and a pass over long, not a pass
	// over every event: planning tries many windows of a long chart.
	short, long []int
	// probe is the note number the planner measures labels with, and
	// the layout too (noteDigits): probeFor, or wider when Plan found
	// its timelines cite more notes.
	probe probe
}

type docSpan struct {
	first, last int64
	ctx         bool
}

func newDocSpans(doc *content.Document) *docSpans {
	ds := &docSpans{doc: doc, probe: probeFor(doc)}
	eachSpan(doc, func(f, l int64, ctx bool) { ds.spans = append(ds.spans, docSpan{f, l, ctx}) })
	ds.mainFrom, ds.mainTo, ds.mainOK = mainSpan(ds.spans)
	ds.bounds = make([][2]int64, len(doc.Events))
	for i, e := range doc.Events {
		lo, hi := int64(1<<62), int64(-1<<62)
		for _, p := range []content.Point{e.Date.Start, e.Date.End} {
			if f, l, ok := pointSpan(p); ok {
				lo, hi = min(lo, f), max(hi, l)
			} else {
				lo, hi = -1<<62, 1<<62
			}
		}
		ds.bounds[i] = [2]int64{lo, hi}
		if lo > -1<<61 && hi < 1<<61 && hi-lo <= shortSpan { // (open ends are long)
			ds.short = append(ds.short, i)
		} else {
			ds.long = append(ds.long, i)
		}
	}
	sort.SliceStable(ds.short, func(a, b int) bool { return ds.bounds[ds.short[a]][0] < ds.bounds[ds.short[b]][0] })
	return ds
}

// shortSpan: see docSpans.short.
const shortSpan = 400

// inWindow returns the indices of the events that may be drawn in the
// days from..to, in document order.
func (ds *docSpans) inWindow(from, to int64) []int {
	var out []int
	for _, i := range ds.long {
		if ds.bounds[i][1] >= from && ds.bounds[i][0] <= to {
			out = append(out, i)
		}
	}
	// A short event that reaches from starts at most shortSpan days
	// before it.
	k := sort.Search(len(ds.short), func(k int) bool { return ds.bounds[ds.short[k]][0] >= from-shortSpan })
	for ; k < len(ds.short) && ds.bounds[ds.short[k]][0] <= to; k++ {
		if i := ds.short[k]; ds.bounds[i][1] >= from {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// spansOf is the timeline's docSpans: the one Plan shares among the
// timelines it makes, or one made for it.
func (t *Timeline) spansOf() *docSpans {
	// The cache is the document's as it was: a caller that adds events
	// to it (Timeline is exported) gets a new one.
	if t.spans == nil || t.spans.doc != t.Doc || len(t.spans.bounds) != len(t.Doc.Events) {
		t.spans = newDocSpans(t.Doc)
	}
	return t.spans
}

// MainSpan returns the main period: the days of the events that are not
// context, padded as Span pads (to whole years when it is longer than
// two), or ok false when every event is context.
func MainSpan(doc *content.Document) (from, to int64, ok bool) {
	var spans []docSpan
	eachSpan(doc, func(f, l int64, ctx bool) { spans = append(spans, docSpan{f, l, ctx}) })
	return mainSpan(spans)
}

func mainSpan(spans []docSpan) (from, to int64, ok bool) {
	first, last := int64(1<<62), int64(-1<<62)
	for _, sp := range spans {
		if !sp.ctx {
			first, last = min(first, sp.first), max(last, sp.last)
		}
	}
	if first > last {
		return 0, 0, false
	}
	if last-first > 2*366 {
		// "1918-1921", not "May 1918-Dec 1921": a reader counts a period
		// of years in whole years.
		y, _, _ := content.FromDayNumber(first)
		ly, _, _ := content.FromDayNumber(last)
		return content.DayNumber(y, 1, 1), content.DayNumber(ly+1, 1, 1) - 1, true
	}
	return padSpan(first, last)
}

// Widths of a broken scale's parts.
const (
	breakW   layout.Pt = 14   // the break between two segments
	contextW           = 0.11 // a context segment's share of the plot, at most
)

// brokenScale breaks the linear scale sc of the window [from, to] when
// context lies far outside the main period (more time on one side than
// half the main period): that side gets a compressed segment of its own,
// covering only the part of the window that holds something, and the
// main period the rest of the width. Otherwise sc is returned as it is.
func brokenScale(ds *docSpans, from, to int64, sc Scale) Scale {
	mf, mt, ok := ds.mainFrom, ds.mainTo, ds.mainOK
	mf, mt = max(mf, from), min(mt, to)
	if !ok || mf > mt {
		return sc
	}
	long := (mt - mf + 1) / 2
	// The context's days on each side, within the window.
	bFirst, bLast := int64(1<<62), int64(-1<<62)
	aFirst, aLast := int64(1<<62), int64(-1<<62)
	for _, sp := range ds.spans {
		f, l := max(sp.first, from), min(sp.last, to)
		if f > l {
			continue
		}
		if f < mf {
			bFirst, bLast = min(bFirst, f), max(bLast, min(l, mf-1))
		}
		if l > mt {
			aFirst, aLast = min(aFirst, max(f, mt+1)), max(aLast, l)
		}
	}
	before := bFirst <= bLast && mf-from > long
	after := aFirst <= aLast && to-mt > long
	if !before && !after {
		return sc
	}
	width := sc.X1 - sc.X0
	total := float64(to - from + 1)
	var segs []Segment
	x := sc.X0
	mainFrom, mainTo := from, to
	if before {
		_, pt, _ := padSpan(bFirst, bLast)
		pt = min(pt, mf-1)
		w := min(contextW*width, max(40, width*layout.Pt(float64(pt-from+1)/total)))
		segs = append(segs, Segment{From: float64(from), To: float64(pt + 1), X0: x, X1: x + w})
		x += w + breakW
		mainFrom = mf
	}
	var last *Segment
	if after {
		pf, _, _ := padSpan(aFirst, aLast)
		pf = max(pf, mt+1)
		w := min(contextW*width, max(40, width*layout.Pt(float64(to-pf+1)/total)))
		last = &Segment{From: float64(pf), To: float64(to + 1), X0: sc.X1 - w, X1: sc.X1}
		mainTo = mt
	}
	mx1 := sc.X1
	if last != nil {
		mx1 = last.X0 - breakW
	}
	segs = append(segs, Segment{From: float64(mainFrom), To: float64(mainTo + 1), X0: x, X1: mx1, Main: true})
	if last != nil {
		segs = append(segs, *last)
	}
	sc.Segs = segs
	return sc
}

// padSpan widens [first, last] to whole months (to whole years beyond ten
// years, to whole decades beyond a century), plus a little room.
func padSpan(first, last int64) (int64, int64, bool) {
	days := last - first + 1
	switch {
	case days <= 31:
		return first - 1, last + 1, true
	case days <= 3660:
		y, mo, _ := content.FromDayNumber(first)
		from := content.DayNumber(y, mo, 1)
		y, mo, _ = content.FromDayNumber(last)
		ny, nm := addMonths(y, mo, 1)
		return from, content.DayNumber(ny, nm, 1) - 1, true
	case days <= 36600:
		y, _, _ := content.FromDayNumber(first)
		ly, _, _ := content.FromDayNumber(last)
		return content.DayNumber(y, 1, 1), content.DayNumber(ly+1, 1, 1) - 1, true
	}
	y, _, _ := content.FromDayNumber(first)
	ly, _, _ := content.FromDayNumber(last)
	y -= ((y % 10) + 10) % 10
	ly += 10 - ((ly%10)+10)%10
	return content.DayNumber(y, 1, 1), content.DayNumber(ly, 1, 1) - 1, true
}

func (t *Timeline) window() (int64, int64, bool) {
	if t.Window {
		return t.From, t.To, t.To >= t.From
	}
	return Span(t.Doc)
}

func (t *Timeline) draw(x, y, w, h layout.Pt, m layout.Measurer, notes layout.Notes) (*canvas, error) {
	strip, sizes := t.Activity, labelSizes
	if strip {
		strip, sizes = t.stripFits(x, y, w, h, m)
	}
	bh := h
	if strip {
		bh = h - stripH - sectionGap
	} else {
		sizes = labelSizes
	}
	s, err := t.fitSizes(x, y, w, bh, m, notes, sizes)
	if err != nil {
		return nil, err
	}
	t.plotX0, t.plotW, t.plotFrom, t.plotTo = s.sc.X0-x, s.sc.X1-s.sc.X0, s.from, s.to
	t.plotBroken = len(s.sc.Segs) > 0
	t.plotSc = s.sc.shift(-x)
	t.plotAxis, t.plotLabelSize, t.laidW = s.axis.shift(-x), s.labelSize, w
	c := s.emit()
	if w := s.shareWarning(); w != "" {
		t.Warnings = append(t.Warnings, w)
	}
	if t.Activity && !strip {
		t.Warnings = append(t.Warnings, fmt.Sprintf("activity strip left out: the chart leaves no %.0f pt under it", float64(stripH+sectionGap)))
	}
	if strip {
		sy := y + s.height() + sectionGap
		sc, err := (&ActivityStrip{Doc: t.Doc}).drawOn(s.sc, x, sy, w, stripH, m)
		if err != nil {
			return nil, err
		}
		for i, it := range sc.items {
			c.add(sc.kinds[i], "strip", it)
		}
	}
	return c, nil
}

// stripFits reports whether the activity strip fits under the chart in
// the box (x, y, w, h), and the label sizes the chart is then fitted at.
// The strip takes its room from the foot of the box only if the chart
// still fits above it at the label size it has in the whole box, with as
// many events labelled beside their marks: smaller labels, or fewer,
// are not worth a strip. The trial uses the planner's widest note
// numbers (probe), so that the notes are registered once, for real.
func (t *Timeline) stripFits(x, y, w, h layout.Pt, m layout.Measurer) (bool, []layout.Pt) {
	if h <= stripH+sectionGap {
		return false, labelSizes
	}
	trial := &Timeline{Doc: t.Doc, From: t.From, To: t.To, Window: t.Window, Condense: t.Condense, noGroup: t.noGroup, Tracks: t.Tracks, spans: t.spans}
	s, err := trial.fitState(x, y, w, h, m, t.spansOf().probe)
	if err != nil {
		return false, labelSizes
	}
	sizes := []layout.Pt{s.labelSize}
	s2, err := trial.fitSizes(x, y, w, h-stripH-sectionGap, m, t.spansOf().probe, sizes)
	if err != nil {
		return false, labelSizes
	}
	// Nor at the cost of a label: events lettered in the key to make
	// room for counting them are a poor trade.
	if l2, _ := s2.labelShare(); l2 < func() int { l, _ := s.labelShare(); return l }() {
		return false, labelSizes
	}
	return true, sizes
}

// stripH is the height of the activity strip drawn under a timeline.
const stripH layout.Pt = 54

// fitState computes the whole layout (rows, label places) without
// emitting items.
func (t *Timeline) fitState(x, y, w, h layout.Pt, m layout.Measurer, notes layout.Notes) (*layoutState, error) {
	return t.fitSizes(x, y, w, h, m, notes, labelSizes)
}

// labelSizes are the label sizes a chart tries, largest first: a chart
// with room to spare is set larger, one short of room down to 7 pt.
var labelSizes = []layout.Pt{9, 8, 7.5, MinTextSize}

// fitSizes lays the chart out at the first of sizes that fits. The notes
// are registered once, on the first attempt, and replayed on the others,
// so each note gets one number however many attempts are made.
//
// A size is taken when it labels enough of the events beside their marks
// (labelsEnough); when none does, the size that labels the most, the
// larger of equals: small type that labels more events reads better
// than large type that sends the reader to the key.
func (t *Timeline) fitSizes(x, y, w, h layout.Pt, m layout.Measurer, notes layout.Notes, sizes []layout.Pt) (*layoutState, error) {
	memo := &memoNotes{inner: notes}
	var err error
	var best *layoutState
	bestL := -1
	for i, size := range sizes {
		// Lane titles wrapped into the narrow column that leaves the
		// axis most room can make lanes taller than their bars need
		// (eight tracks with three-word names); then the titles are
		// given the width to take fewer lines, and the axis less. At
		// the smallest size, rows may also be a little closer
		// (tightRowGap) before the chart is split over pages for the
		// sake of a few points. The planner and the layout measure
		// labels alike (noteDigits), so they try the same variants.
		vs := []fitVariant{{}}
		for k := 0; k < len(vs); k++ {
			memo.i = 0
			var s *layoutState
			once := &onceNotes{inner: memo, nums: map[string]int{}}
			if s, err = t.fitAt(x, y, w, h, m, once, size, vs[k]); err == nil {
				l, n := s.labelShare()
				if labelsEnough(l, n) {
					return s, nil
				}
				if l > bestL {
					best, bestL = s, l
				}
				break
			}
			if s == nil {
				break
			}
			if k == 0 {
				if s.titlesBind() {
					vs = append(vs, fitVariant{wide: true})
				}
				if i == len(sizes)-1 && s.height() <= s.h*tightReach {
					vs = append(vs, fitVariant{tight: true})
					if s.titlesBind() {
						vs = append(vs, fitVariant{wide: true, tight: true})
					}
				}
			}
		}
	}
	if best != nil {
		return best, nil
	}
	return nil, err
}

// labelTarget is the least share of a chart's events that should be
// labelled beside their marks: the rest are lettered in the key or
// stand in a summary mark, and a chart that mostly sends its reader to
// the key does not tell its story at a glance. The planner splits the
// time into more windows rather than fall below it.
const labelTarget = 0.7

// labelsEnough reports whether labelled of n events meet labelTarget.
// It counts in whole events, so a window of three events labels all
// three.
func labelsEnough(labelled, n int) bool {
	return n-labelled <= int(float64(n)*(1-labelTarget)+1e-9)
}

// labelShare counts the events the chart draws (a keyed or summary mark
// counts each of its events) and those of them labelled beside their
// marks: inside a bar, before or after it.
func (s *layoutState) labelShare() (labelled, events int) {
	for _, lane := range s.lanes {
		for _, mk := range lane {
			switch {
			case mk.members != nil:
				events += len(mk.members)
			case mk.cluster != nil:
				events += len(mk.cluster)
			default:
				events++
				if !mk.mode.callout() {
					labelled++
				}
			}
		}
	}
	return labelled, events
}

// shareWarning says, at the first event lettered in the key, that the
// chart labels fewer of its events beside their marks than labelTarget
// (the planner gave it all the pages it could: a day too crowded for a
// page), and what would help; "" when it labels enough.
func (s *layoutState) shareWarning() string {
	l, n := s.labelShare()
	if labelsEnough(l, n) {
		return ""
	}
	var first *content.Event
	for _, lane := range s.lanes {
		for _, mk := range lane {
			var ev *content.Event
			switch {
			case mk.members != nil:
				ev = mk.members[0].ev
			case mk.cluster != nil:
				ev = mk.cluster[0]
			case mk.mode.callout():
				ev = mk.ev
			}
			if ev != nil && (first == nil || ev.Pos.File != "" && (first.Pos.File == "" || ev.Pos.Line < first.Pos.Line)) {
				first = ev
			}
		}
	}
	w := fmt.Sprintf("the timeline of %s labels only %d of its %d events beside their marks (%d%%); the rest are lettered in the key. Shorter titles (title-short) or fewer events on one day of one track would let it label more",
		dayRange(s.from, s.to), l, n, 100*l/max(n, 1))
	if first != nil && first.Pos.File != "" {
		w = first.Pos.String() + ": warning: " + w
	}
	return w
}

// dayRange names the days from..to as the user wrote dates.
func dayRange(from, to int64) string {
	day := func(d int64) string {
		y, m, dd := content.FromDayNumber(d)
		return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
	}
	if from == to {
		return day(from)
	}
	return day(from) + ".." + day(to)
}

// fitVariant is how a fit may set the chart beyond the label size: lane
// titles in a wider column, rows closer together.
type fitVariant struct{ wide, tight bool }

// tightRowGap is the gap between rows of a chart set tight (rowGap
// otherwise), still a channel for relation arrows. Closer rows are tried
// only when the chart at its smallest size is at most tightReach times
// as tall as its box: they save a row's gap in eight, and trying them on
// every window too long for a page tripled the planning of long charts.
const (
	tightRowGap = layout.Pt(1.5)
	tightReach  = 1.08
)

// lanes returns the tracks the chart draws and their styles, which are
// the styles they have on a chart of every track.
func (t *Timeline) lanes() ([]*content.Track, []TrackStyle) {
	all := TrackStyles(t.Doc.Tracks)
	if t.Tracks == nil {
		return t.Doc.Tracks, all
	}
	show := map[string]bool{}
	for _, id := range t.Tracks {
		show[id] = true
	}
	var tracks []*content.Track
	var styles []TrackStyle
	for i, tr := range t.Doc.Tracks {
		if show[tr.ID] {
			tracks = append(tracks, tr)
			styles = append(styles, all[i])
		}
	}
	return tracks, styles
}

// titlesBind reports whether some lane's title, wrapped into more than
// one line, is taller than the lane's bars: a wider title column might
// save height.
func (s *layoutState) titlesBind() bool {
	if s.rows == nil {
		return false
	}
	lineH := s.m.Ascent(sansBold, s.titleSize) + s.m.Descent(sansBold, s.titleSize) + 1
	for i := range s.lanes {
		rh := max(layout.Pt(s.rows[i])*(s.rowH+s.gap())-s.gap(), s.rowH)
		if len(s.titles[i]) > 1 && layout.Pt(len(s.titles[i]))*lineH > rh {
			return true
		}
	}
	return false
}

// onceNotes gives the same citations, cited twice on one chart, one
// note: a disputed date supported by the very passage that supports its
// event, or two events on one paragraph, point to the same note on the
// same page instead of repeating it.
type onceNotes struct {
	inner layout.Notes
	nums  map[string]int
}

func (n *onceNotes) Cite(c []content.Cite) int {
	var k strings.Builder
	for _, ci := range c {
		k.WriteString(ci.Prefix + "\x00" + ci.Source + "\x00" + ci.Locator + "\x00" + ci.Suffix + "\x01")
	}
	if num, ok := n.nums[k.String()]; ok {
		return num
	}
	num := 0
	if n.inner != nil {
		num = n.inner.Cite(c)
	}
	n.nums[k.String()] = num
	return num
}

// memoNotes replays the note numbers of an earlier attempt.
type memoNotes struct {
	inner layout.Notes
	nums  []int
	i     int
}

func (n *memoNotes) Cite(c []content.Cite) int {
	if n.i < len(n.nums) {
		n.i++
		return n.nums[n.i-1]
	}
	num := 0
	if n.inner != nil {
		num = n.inner.Cite(c)
	}
	n.nums = append(n.nums, num)
	n.i++
	return num
}

// fitAt lays the chart out with labels of size, set as v says: the lane
// titles in the narrow column or one up to a quarter of the box, rows
// rowGap or tightRowGap apart. When the lanes do not fit, it returns the
// state with the error, for fitSizes to judge.
func (t *Timeline) fitAt(x, y, w, h layout.Pt, m layout.Measurer, notes layout.Notes, size layout.Pt, v fitVariant) (*layoutState, error) {
	t.Warnings = nil
	s, err := t.scaleState(x, y, w, h, m, size, v)
	if err != nil {
		return nil, err
	}
	s.collect(notes)
	s.layoutEras()
	if err := s.fit(); err != nil {
		// Callouts did not save enough rows: the marks themselves stand
		// too close (a dozen events in a month). Each dense cluster
		// becomes one mark, its events lettered in the key.
		if t.noGroup || !s.groupDense() {
			return s, err
		}
		if err := s.fit(); err != nil {
			return s, err
		}
	}
	rows := 0
	for _, r := range s.rows {
		rows += r
	}
	if h := s.height(); h < s.h && rows > 0 {
		s.spare = min((s.h-h)/layout.Pt(rows), s.rowH)
		for s.spare > 0.5 && s.height() > s.h {
			s.spare /= 2 // lane titles taller than their rows absorb some
		}
		if s.height() > s.h {
			s.spare = 0
		}
	}
	return s, nil
}

// scaleState is the chart's state as far as its scale and axis, which
// depend on the box, the label size and the lane titles, not on the
// events' rows.
func (t *Timeline) scaleState(x, y, w, h layout.Pt, m layout.Measurer, size layout.Pt, v fitVariant) (*layoutState, error) {
	from, to, ok := t.window()
	if !ok {
		return nil, fmt.Errorf("charts: timeline has no dated event to draw")
	}
	s := &layoutState{t: t, x: x, y: y, w: w, h: h, m: m, from: from, to: to, wideTitles: v.wide, tight: v.tight}
	s.labelSize, s.titleSize = size, size+0.5
	s.tracks, s.styles = t.lanes()
	s.asc, s.desc = m.Ascent(sans, s.labelSize), m.Descent(sans, s.labelSize)
	s.rowH = s.asc + s.desc + 3
	s.barH = s.rowH - 3.5
	s.layoutTitles()
	s.sc = brokenScale(t.spansOf(), from, to, Scale{From: float64(from), To: float64(to + 1), X0: x + s.titleW + 6, X1: x + w - arrowLen - 1})
	if s.sc.X1-s.sc.X0 < 40 {
		return nil, fmt.Errorf("%w: box %.0f pt wide leaves no room for the axis", ErrTooCrowded, float64(w))
	}
	s.axis = MakeAxis(s.sc, AxisStyle{Font: sans, Size: s.labelSize, Pad: 2, Gap: 6}, m)
	return s, nil
}

// layoutTitles sets the width of the lane title column and wraps each
// track's title into it.
func (s *layoutState) layoutTitles() {
	widest := layout.Pt(0)
	for _, tr := range s.tracks {
		widest = max(widest, s.m.Width(tr.Title, sansBold, s.titleSize))
	}
	// The column holds the longest word of any title unbroken, so a
	// title breaks between words ("The sovietization / of Azerbaijan"),
	// never inside one, unless that word alone is a third of the box.
	longest := layout.Pt(0)
	for _, tr := range s.tracks {
		for _, word := range strings.Fields(tr.Title) {
			longest = max(longest, s.m.Width(word, sansBold, s.titleSize))
		}
	}
	s.titleW = min(max(widest*0.5, longest), s.w*0.16, 160) + swatchW + 4
	s.titleW = max(s.titleW, min(s.w*0.1, 70), min(longest+swatchW+4, s.w/3))
	if s.wideTitles {
		s.titleW = max(s.titleW, min(widest, s.w/4)+swatchW+4)
	}
	for _, tr := range s.tracks {
		s.titles = append(s.titles, wrap(tr.Title, s.titleW-swatchW-4, sansBold, s.titleSize, s.m))
	}
}

// wrap breaks s into lines no wider than width, between words, and
// inside a word only when the word alone is wider than the line.
//
// Each word is measured once and a line's width is the sum of its words
// and spaces (widths add: the Measurer does not kern). The key of a
// crowded chart is wrapped at several column widths on every fitting
// attempt, so measuring each longer line afresh made wrapping a third of
// the default handout's build. A sum within a rounding error of the
// width is measured whole, so a line breaks exactly where measuring it
// would break it.
func wrap(s string, width layout.Pt, f layout.Font, size layout.Pt, m layout.Measurer) []string {
	var lines []string
	words := strings.Fields(s)
	first, curW := 0, layout.Pt(0) // the line so far is words[first:i]
	spaceW := m.Width(" ", f, size)
	for i := 0; i < len(words); i++ {
		word := words[i]
		wordW := m.Width(word, f, size)
		if i > first {
			tryW := curW + spaceW + wordW
			if d := tryW - width; d > -1e-6 && d < 1e-6 {
				tryW = m.Width(strings.Join(words[first:i+1], " "), f, size)
			}
			if tryW <= width {
				curW = tryW
				continue
			}
			lines = append(lines, strings.Join(words[first:i], " "))
		}
		// (A lone letter wider than the line stays whole: the caller
		// shortens what still overflows.)
		for wordW > width && utf8.RuneCountInString(word) > 1 {
			r := []rune(word)
			n := len(r) - 1
			for n > 1 && m.Width(string(r[:n]), f, size) > width {
				n--
			}
			lines = append(lines, string(r[:n]))
			word = string(r[n:])
			wordW = m.Width(word, f, size)
		}
		words[i] = word
		first, curW = i, wordW
	}
	if first < len(words) {
		lines = append(lines, strings.Join(words[first:], " "))
	}
	return lines
}

// collect computes every visible event's mark and label, lane by lane,
// and registers the notes in reading order.
func (s *layoutState) collect(notes layout.Notes) {
	laneOf := map[string]int{}
	for i, tr := range s.tracks {
		laneOf[tr.ID] = i
	}
	s.lanes = make([][]*mark, len(s.tracks))
	for _, i := range s.t.spansOf().inWindow(s.from, s.to) {
		ev := s.t.Doc.Events[i]
		ln, ok := laneOf[ev.Track]
		if !ok {
			continue
		}
		mk := s.geom(ev)
		if mk == nil {
			continue
		}
		mk.lane, mk.order = ln, i
		s.lanes[ln] = append(s.lanes[ln], mk)
	}
	if s.t.Condense {
		for ln := range s.lanes {
			s.lanes[ln] = s.condense(ln, s.lanes[ln])
		}
	}
	for _, lane := range s.lanes {
		sort.SliceStable(lane, func(i, j int) bool {
			if lane[i].lo != lane[j].lo {
				return lane[i].lo < lane[j].lo
			}
			return lane[i].hi < lane[j].hi
		})
		for _, mk := range lane {
			s.labels(mk, notes)
		}
	}
}

// groupDense replaces, in each lane, every run of at least condenseMin
// short marks (diamonds, short bars; no disputed dates, no open or
// continued ends) that stand within a callout's width of one another
// with a keyed summary: a box over them with a tick at each, and the
// range of their callout numbers beside it. It reports whether it made
// any.
func (s *layoutState) groupDense() bool {
	s.legendOK = false
	made := false
	for ln, lane := range s.lanes {
		short := func(mk *mark) bool {
			return mk.cluster == nil && mk.vlabel == "" && !mk.early && !mk.leadL && !mk.leadR && !mk.contL && !mk.contR &&
				mk.hi-mk.lo <= 4*diamondW
		}
		var out, run []*mark
		var runHi layout.Pt
		flush := func() {
			if len(run) < condenseMin {
				out = append(out, run...)
			} else {
				out = append(out, s.keyedSummary(ln, run))
				made = true
			}
			run = nil
		}
		for _, mk := range lane {
			if !short(mk) {
				out = append(out, mk)
				continue
			}
			if len(run) > 0 && mk.lo > runHi+packGap+s.calloutW {
				flush()
			}
			if len(run) == 0 {
				runHi = mk.hi
			}
			run = append(run, mk)
			runHi = max(runHi, mk.hi)
		}
		flush()
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].lo != out[j].lo {
				return out[i].lo < out[j].lo
			}
			return out[i].hi < out[j].hi
		})
		s.lanes[ln] = out
	}
	return made
}

// keyedSummary is the mark that stands for run, a dense cluster.
func (s *layoutState) keyedSummary(ln int, run []*mark) *mark {
	sum := &mark{lane: ln, order: run[0].order, members: run, bx0: run[0].lo, bx1: run[0].hi}
	for _, mk := range run {
		sum.cluster = append(sum.cluster, mk.ev)
		x := mk.px
		if !mk.point {
			x = (mk.bx0 + mk.bx1) / 2
		}
		sum.rug = append(sum.rug, x)
		sum.bx0, sum.bx1 = min(sum.bx0, mk.lo), max(sum.bx1, mk.hi)
	}
	sum.ev = &content.Event{ID: "group-" + run[0].ev.ID, Track: run[0].ev.Track}
	sum.lo, sum.hi = sum.bx0, sum.bx1
	return sum
}

// rangeW is the width a keyed summary's "first–last" numbers may take.
func (s *layoutState) rangeW() layout.Pt {
	return 2*s.calloutW + s.m.Width("–", sans, smallSize)
}

// condenseMin is the fewest events a summary mark stands for: one or
// two events are drawn as they are.
const condenseMin = 3

// condense replaces, for each detail window, the lane's marks whose
// events lie wholly inside it (every date and version, no open end)
// with one summary mark, when there are at least condenseMin of them.
func (s *layoutState) condense(ln int, lane []*mark) []*mark {
	for _, d := range s.t.Doc.Details {
		df, _, fok := pointSpan(d.Date.Start)
		_, dl, lok := pointSpan(d.Date.End)
		if !fok || !lok {
			continue
		}
		var in, out []*mark
		first, last := int64(1<<62), int64(-1<<62)
		for _, mk := range lane {
			f, l, ok := eventSpan(mk.ev)
			if mk.cluster == nil && ok && f >= df && l <= dl && f >= s.from && l <= s.to {
				in = append(in, mk)
				first, last = min(first, f), max(last, l)
				continue
			}
			out = append(out, mk)
		}
		if len(in) < condenseMin {
			continue
		}
		sum := &mark{lane: ln, order: in[0].order, figure: layout.FigureDest(d.Title)}
		for _, mk := range in {
			sum.cluster = append(sum.cluster, mk.ev)
			sum.rug = append(sum.rug, mk.px)
			if !mk.point {
				sum.rug[len(sum.rug)-1] = mk.bx0
			}
		}
		sum.ev = &content.Event{ID: "summary-" + strconv.Itoa(ln) + "-" + layout.FigureDest(d.Title), Track: in[0].ev.Track,
			Title: strconv.Itoa(len(in)) + " events: see the detail figure"}
		sum.bx0, sum.bx1 = s.sc.X(float64(first)), s.sc.XEnd(float64(last+1))
		if sum.bx1-sum.bx0 < 8 {
			c := (sum.bx0 + sum.bx1) / 2
			sum.bx0, sum.bx1 = c-4, c+4
		}
		sum.lo, sum.hi = sum.bx0, sum.bx1
		s.clampMark(sum)
		lane = append(out, sum)
	}
	return lane
}

// eventSpan is the first and last day of an event's dates and versions;
// ok is false when an end of the event's own date is open or unknown.
func eventSpan(ev *content.Event) (first, last int64, ok bool) {
	d := ev.Date
	if d.Start.Open || d.Start.Unknown || d.Interval && (d.End.Open || d.End.Unknown) {
		return 0, 0, false
	}
	first, last = int64(1<<62), int64(-1<<62)
	see := func(p content.Point) {
		if f, l, pok := pointSpan(p); pok {
			first, last = min(first, f), max(last, l)
		}
	}
	see(d.Start)
	if d.Interval {
		see(d.End)
	}
	for _, v := range ev.Versions {
		if v.Date != nil {
			see(v.Date.Start)
			if v.Date.Interval {
				see(v.Date.End)
			}
		}
		for _, p := range []*content.Point{v.Start, v.End} {
			if p != nil {
				see(*p)
			}
		}
	}
	return first, last, first <= last
}

// geom computes an event's mark in x, or nil when it lies outside the
// window.
func (s *layoutState) geom(ev *content.Event) *mark {
	d := ev.Date
	sc := s.sc
	// X for a day's start, XE for the exclusive end of a span (the day
	// after its last): they differ only at a break hiding no days.
	X := func(day int64) layout.Pt { return sc.X(float64(day)) }
	XE := func(day int64) layout.Pt { return sc.XEnd(float64(day)) }
	sf, sl, sok := pointSpan(d.Start)
	ef, el, eok := pointSpan(d.End)
	mk := &mark{ev: ev}
	// pointMark makes mk the mark of one date p, spanning days f to l: a
	// diamond for a day, and for a date known only to its month, season
	// or year its whole range with no point inside it, which would claim
	// a day the sources do not give.
	pointMark := func(p content.Point, f, l int64) *mark {
		lo, hi := X(max(f, s.from)), XE(min(l, s.to)+1)
		mk.point = true
		mk.early = f < s.from
		mk.px = (lo + hi) / 2
		mk.taperL, mk.taperR = p.Approximate, p.Approximate
		mk.dashed = p.Uncertain
		mk.lo, mk.hi = mk.px-diamondW, mk.px+diamondW
		if l > f {
			mk.coarse = true
			// Never narrower than a diamond, so that it reads as a range
			// even where a month is a point wide.
			if hi-lo < 2*diamondW {
				lo, hi = mk.px-diamondW, mk.px+diamondW
			}
			mk.whisk = append(mk.whisk, span{lo, hi})
			mk.lo, mk.hi = lo, hi
		}
		if mk.taperL {
			mk.lo, mk.hi = mk.lo-taperLen, mk.hi+taperLen
		}
		return mk
	}
	if !d.Interval || ev.Milestone {
		if !sok {
			sf, sl, sok = ef, el, eok
		}
		if !sok || sl < s.from || sf > s.to {
			return nil
		}
		pointMark(d.Start, sf, sl)
		s.clampMark(mk)
		return mk
	}
	if sok != eok {
		// One end open or unknown ("../1920-11-16": by 16 November
		// 1920): only the other is dated, so it is drawn as that date,
		// with a short lead towards the unknown side that cannot be read
		// as a duration; never a bar from the axis edge.
		p, f, l := d.End, ef, el
		if sok {
			p, f, l = d.Start, sf, sl
		}
		if l < s.from || f > s.to {
			return nil
		}
		pointMark(p, f, l)
		mk.leadL, mk.leadR = !sok, !eok
		mk.unknL, mk.unknR = !sok && d.Start.Unknown, !eok && d.End.Unknown
		if mk.leadL {
			mk.lo -= leadLen
		}
		if mk.leadR {
			mk.hi += leadLen
		}
		s.clampMark(mk)
		return mk
	}
	if !sok {
		return nil // neither end dated: nothing to draw
	}
	// An interval dated at both ends. Its first and last visible days
	// decide whether it is in the window.
	first, last := sf, el
	if last < s.from || first > s.to {
		return nil
	}
	// The solid body runs between the precision ranges of the two ends;
	// an end known only to the month or year gets a whisker over that
	// month or year instead.
	b0, b1 := X(max(first, s.from)), XE(min(last, s.to)+1)
	if sok {
		if sl > sf && sl >= s.from {
			mk.whisk = append(mk.whisk, span{X(max(sf, s.from)), XE(min(sl, s.to) + 1)})
			b0 = X(min(max(sl+1, s.from), s.to+1))
		}
		if sf < s.from {
			mk.contL = true
		}
		mk.taperL = d.Start.Approximate
	}
	if eok {
		if el > ef {
			if ef <= s.to {
				mk.whisk = append(mk.whisk, span{X(max(ef, s.from)), XE(min(el, s.to) + 1)})
			}
			b1 = XE(max(min(ef, s.to+1), s.from))
		}
		if el > s.to {
			mk.contR = true
		}
		mk.taperR = d.End.Approximate
	}
	mk.dashed = d.Start.Uncertain || d.End.Uncertain
	if b1-b0 < minBarW && len(mk.whisk) == 0 {
		c := (b0 + b1) / 2
		b0, b1 = c-minBarW/2, c+minBarW/2
	}
	if b1 < b0 {
		b1 = b0 // the whiskers overlap: no solid body
	}
	mk.bx0, mk.bx1 = b0, b1
	mk.lo, mk.hi = b0, b1
	// The chevrons of a continued bar sit inside its last 8 pt; a bar
	// shorter than that still keeps them clear of its neighbours.
	if mk.contR {
		mk.lo = min(mk.lo, b1-8)
	}
	if mk.contL {
		mk.hi = max(mk.hi, b0+8)
	}
	for _, wsp := range mk.whisk {
		mk.lo, mk.hi = min(mk.lo, wsp.Lo), max(mk.hi, wsp.Hi)
	}
	s.clampMark(mk)
	return mk
}

func (s *layoutState) clampMark(mk *mark) {
	mk.lo = max(mk.lo, s.sc.X0-arrowLen)
	mk.hi = min(mk.hi, s.sc.X1+arrowLen)
}

// labels sets an event's label text (title and note number) and the
// ticks and label of its disputed dates.
func (s *layoutState) labels(mk *mark, notes layout.Notes) {
	ev := mk.ev
	mk.label = ev.Title
	if mk.cluster != nil {
		mk.labelW = s.m.Width(mk.label, sans, s.labelSize)
		return
	}
	// Labels are measured with every note number as wide as three
	// digits, so the planner (which cannot know the numbers) and the
	// real layout pack exactly the same widths: a window the planner
	// found to fit then always fits.
	measure := ev.Title
	if len(ev.Cite) > 0 && notes != nil {
		// A number of 0 is a note the caller names otherwise (a slide's
		// source line): the label goes without.
		if n := notes.Cite(ev.Cite); n > 0 {
			mk.label += " [" + strconv.Itoa(n) + "]"
			measure += " [" + s.noteDigits(n) + "]"
		}
	}
	mk.labelW = s.m.Width(measure, sans, s.labelSize)
	if ev.TitleShort != "" && ev.TitleShort != ev.Title {
		mk.short = ev.TitleShort + strings.TrimPrefix(mk.label, ev.Title)
		mk.shortW = s.m.Width(ev.TitleShort+strings.TrimPrefix(measure, ev.Title), sans, s.labelSize)
	}
	var parts, mparts []string
	for _, v := range ev.Versions {
		if v.Field != "" && v.Field != "date" {
			continue
		}
		var pts []content.Point
		var text string
		switch {
		case v.Date != nil:
			pts = append(pts, v.Date.Start)
			text = v.Date.Start.Short()
			if v.Date.Interval {
				pts = append(pts, v.Date.End)
				text += "–" + v.Date.End.Short()
			}
		case v.Start != nil && v.End != nil:
			pts = append(pts, *v.Start, *v.End)
			text = v.Start.Short() + "–" + v.End.Short()
		case v.Start != nil:
			pts = append(pts, *v.Start)
			text = "from " + v.Start.Short()
		case v.End != nil:
			pts = append(pts, *v.End)
			text = v.End.Short()
		default:
			continue
		}
		mtext := text
		ticks := 0
		for _, p := range pts {
			f, l, ok := pointSpan(p)
			if !ok || l < s.from || f > s.to {
				continue
			}
			mid := (float64(f) + float64(l) + 1) / 2
			mid = min(max(mid, float64(s.from)), float64(s.to+1))
			mk.vticks = append(mk.vticks, s.sc.X(mid))
			ticks++
		}
		if ticks == 0 {
			// The variant lies outside this window: it is shown (and
			// cited) on the page where its tick falls, not here, where
			// its label would hang by no tick.
			continue
		}
		if v.Source != "" && notes != nil {
			if n := notes.Cite([]content.Cite{{Source: v.Source, Locator: v.Locator}}); n > 0 {
				text += " [" + strconv.Itoa(n) + "]"
				mtext += " [" + s.noteDigits(n) + "]"
			}
		}
		parts = append(parts, text)
		mparts = append(mparts, mtext)
	}
	if len(parts) == 0 {
		return
	}
	mk.vlabel = strings.Join(parts, " / ")
	mk.vw = s.m.Width(strings.Join(mparts, " / "), sans, smallSize)
	vx := mk.lo
	if len(mk.vticks) > 0 {
		vx = mk.vticks[0]
		for _, t := range mk.vticks {
			vx = min(vx, t)
		}
		// The version ticks widen the mark.
		for _, t := range mk.vticks {
			mk.lo, mk.hi = min(mk.lo, t-1), max(mk.hi, t+1)
		}
	}
	// Keep the label in the box: shift it left if it would run off.
	vx = min(vx, s.x+s.w-mk.vw)
	vx = max(vx, s.sc.X0)
	// Nor across a scale break: it goes before the break, or after it
	// when there is no room before.
	for _, b := range s.sc.Breaks() {
		if vx < b.X1+2.2 && b.X0-2.2 < vx+mk.vw {
			if b.X0-2.2-mk.vw >= s.sc.X0 {
				vx = b.X0 - 2.2 - mk.vw
			} else {
				vx = b.X1 + 2.2
			}
		}
	}
	mk.vx = vx
}

// footprints returns an event's alternative placements, best first, and
// the index of the first callout alternative. A label reads best after
// its mark; leftFirst tries it before the mark first, which packs a
// dense cluster into half the rows (each row then holds one label
// running back into the quiet time before the cluster and one running
// on after it).
func (s *layoutState) footprints(mk *mark, leftFirst bool) ([]footprint, []labelMode, int) {
	var fs []footprint
	var modes []labelMode
	right := s.x + s.w
	breaks := s.sc.Breaks()
	// crosses reports whether text from x0 to x1 would run across a
	// scale break's zigzag, where it would read as two labels.
	crosses := func(x0, x1 layout.Pt) bool {
		for _, b := range breaks {
			if x0 < b.X1+1 && b.X0-1 < x1 {
				return true
			}
		}
		return false
	}
	add := func(lo, hi layout.Pt, mode labelMode) {
		if !mode.callout() {
			var t0, t1 layout.Pt
			switch mode {
			case labelRight:
				t0, t1 = mk.hi+labelGap, mk.hi+labelGap+mk.labelW
			case shortRight:
				t0, t1 = mk.hi+labelGap, mk.hi+labelGap+mk.shortW
			case labelLeft:
				t0, t1 = mk.lo-labelGap-mk.labelW, mk.lo-labelGap
			case shortLeft:
				t0, t1 = mk.lo-labelGap-mk.shortW, mk.lo-labelGap
			default: // inside: from the inner part's start
				in0, _, _ := mk.inner()
				w := mk.labelW
				if mode == shortInside {
					w = mk.shortW
				}
				t0 = in0 + insidePad
				if mk.taperL || mk.contL {
					t0 += taperLen + 1
				}
				t1 = t0 + w
			}
			if crosses(t0, t1) {
				return
			}
		}
		switch w := s.calloutW; {
		case mk.members != nil && mode == calloutRight:
			if crosses(mk.hi+2, hi) {
				return
			}
		case mk.members != nil && mode == calloutLeft:
			if crosses(lo, mk.lo-2) {
				return
			}
		case mode == calloutRight && crosses(mk.hi+2, mk.hi+2+w), mode == calloutLeft && crosses(mk.lo-2-w, mk.lo-2):
			return
		}
		f := footprint{Rows: []span{{lo, hi}}}
		// A callout takes its disputed dates to the key with its
		// title: the ticks stay on the bar, the row under it is free.
		if mk.vlabel != "" && !mode.callout() {
			vlo, vhi := mk.vx, mk.vx+mk.vw
			for _, t := range mk.vticks {
				vlo, vhi = min(vlo, t-1), max(vhi, t+1)
			}
			f.Rows = append(f.Rows, span{vlo, vhi})
		}
		fs = append(fs, f)
		modes = append(modes, mode)
	}
	if mk.members != nil {
		// A keyed summary has only its numbers to place.
		w := s.rangeW()
		if mk.hi+2+w <= right {
			add(mk.lo, mk.hi+2+w, calloutRight)
		}
		if mk.lo-2-w >= s.sc.X0-arrowLen {
			add(mk.lo-2-w, mk.hi, calloutLeft)
		}
		if len(fs) == 0 || mk.bx1-mk.bx0 >= w+2*insidePad {
			add(mk.lo, mk.hi, calloutInside)
		}
		return fs, modes, len(fs)
	}
	// Beside the mark reads best; inside a long bar (on a white window,
	// the bar's outline kept) when neither side has room, as for a bar
	// that spans the whole window.
	rightOK := mk.hi+labelGap+mk.labelW <= right
	leftOK := mk.lo-labelGap-mk.labelW >= s.sc.X0
	if leftFirst && leftOK {
		add(mk.lo-labelGap-mk.labelW, mk.hi, labelLeft)
	}
	if rightOK {
		add(mk.lo, mk.hi+labelGap+mk.labelW, labelRight)
	}
	if !leftFirst && leftOK {
		add(mk.lo-labelGap-mk.labelW, mk.hi, labelLeft)
	}
	in0, in1, inOK := mk.inner()
	if inOK && in1-in0 >= mk.labelW+2*insidePad+s.taperRoom(mk) {
		add(mk.lo, mk.hi, labelInside)
	}
	if mk.short != "" {
		// The short title, where the full one has no room: still a
		// label beside the mark, not a number to look up.
		if leftFirst && mk.lo-labelGap-mk.shortW >= s.sc.X0 {
			add(mk.lo-labelGap-mk.shortW, mk.hi, shortLeft)
		}
		if mk.hi+labelGap+mk.shortW <= right {
			add(mk.lo, mk.hi+labelGap+mk.shortW, shortRight)
		}
		if !leftFirst && mk.lo-labelGap-mk.shortW >= s.sc.X0 {
			add(mk.lo-labelGap-mk.shortW, mk.hi, shortLeft)
		}
		if inOK && in1-in0 >= mk.shortW+2*insidePad+s.taperRoom(mk) {
			add(mk.lo, mk.hi, shortInside)
		}
	}
	co := len(fs)
	if mk.hi+2+s.calloutW <= right {
		add(mk.lo, mk.hi+2+s.calloutW, calloutRight)
	}
	if mk.lo-2-s.calloutW >= s.sc.X0-arrowLen {
		add(mk.lo-2-s.calloutW, mk.hi, calloutLeft)
	}
	if len(fs) == 0 {
		// Not even a number fits beside the mark (a bar across the whole
		// window): put the number inside the bar.
		add(mk.lo, mk.hi, calloutInside)
	}
	return fs, modes, co
}

// inner is the part of a mark a label may be set inside, on a white
// window: a bar's body, or the line of a date known only to its month,
// season or year (its end ticks stay clear of the label, so the range
// still reads from end to end).
func (mk *mark) inner() (x0, x1 layout.Pt, ok bool) {
	switch {
	case !mk.point && mk.bx1 > mk.bx0:
		return mk.bx0, mk.bx1, true
	case mk.point && mk.coarse && len(mk.whisk) > 0 && !mk.leadL && !mk.leadR:
		return mk.whisk[0].Lo + 1, mk.whisk[0].Hi - 1, true
	}
	return 0, 0, false
}

// taperRoom is the part of a bar's ends taken by tapers, arrows and
// chevrons, where an inside label must not go.
func (s *layoutState) taperRoom(mk *mark) layout.Pt {
	var r layout.Pt
	for _, b := range []bool{mk.taperL || mk.contL, mk.taperR || mk.contR} {
		if b {
			r += taperLen + 1
		}
	}
	return r
}

// packLane packs one lane with a row limit and records each mark's row
// and label mode; it returns the number of rows used.
//
// It packs the lane twice, labels after their marks first and before
// them first, and keeps the packing that labels more events beside
// their marks; on a tie, labels after their marks, which read best and
// leave the channels between rows clearer for relation arrows.
func (s *layoutState) packLane(ln int, maxRows int) int {
	lane := s.lanes[ln]
	type packing struct {
		res      []packResult
		modes    [][]labelMode
		rows     int
		labelled int
	}
	try := func(leftFirst bool) packing {
		// A lane's alternatives do not change while fit takes rows from
		// it: they are made once per lane and order (fit clears them).
		k := packKey{ln, leftFirst}
		alts, ok := s.alts[k]
		if !ok {
			alts.items = make([]packItem, len(lane))
			alts.modes = make([][]labelMode, len(lane))
			for i, mk := range lane {
				fs, ms, co := s.footprints(mk, leftFirst)
				alts.items[i] = packItem{Alts: fs, Callout: co}
				alts.modes[i] = ms
			}
			if s.alts == nil {
				s.alts = map[packKey]laneAlts{}
			}
			s.alts[k] = alts
		}
		p := packing{modes: alts.modes}
		p.res, p.rows = pack(alts.items, packGap, maxRows)
		for i, mk := range lane {
			if mk.cluster == nil && !p.modes[i][p.res[i].Alt].callout() {
				p.labelled++
			}
		}
		return p
	}
	over := func(p packing) bool { return maxRows > 0 && p.rows > maxRows }
	best := try(false)
	if alt := try(true); over(best) && !over(alt) ||
		over(best) == over(alt) && alt.labelled > best.labelled {
		best = alt
	}
	for i, mk := range lane {
		mk.row = best.res[i].Row
		mk.mode = best.modes[i][best.res[i].Alt]
	}
	s.orderRows(lane, best.rows)
	return best.rows
}

// packKey names a lane's packing alternatives: the lane, and whether
// labels before their marks come first.
type packKey struct {
	lane      int
	leftFirst bool
}

// laneAlts is a lane's packing alternatives and their label modes.
type laneAlts struct {
	items []packItem
	modes [][]labelMode
}

// orderRows renumbers a lane's rows so that they read as a staircase,
// the row whose first mark is earliest on top (packing by callouts first
// can leave later events in upper rows). Rows holding the second line of
// a disputed date must stay under their bar, so a lane with any is left
// as packed.
func (s *layoutState) orderRows(lane []*mark, rows int) {
	first := make([]layout.Pt, rows)
	for i := range first {
		first[i] = 1e18
	}
	for _, mk := range lane {
		if mk.vlabel != "" && !mk.mode.callout() {
			return
		}
		first[mk.row] = min(first[mk.row], mk.lo)
	}
	order := make([]int, rows)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return first[order[a]] < first[order[b]] })
	newRow := make([]int, rows)
	for to, from := range order {
		newRow[from] = to
	}
	for _, mk := range lane {
		mk.row = newRow[mk.row]
	}
}

// laneHeight is a lane's height for a number of rows.
func (s *layoutState) laneHeight(ln, rows int) layout.Pt {
	rh := layout.Pt(rows)*(s.rowH+s.gap()) - s.gap()
	lineH := s.m.Ascent(sansBold, s.titleSize) + s.m.Descent(sansBold, s.titleSize) + 1
	th := layout.Pt(len(s.titles[ln])) * lineH
	return max(rh, th, s.rowH) + 2*lanePad
}

// fit packs every lane, then, while the chart is taller than its box,
// takes a row from the lane with the most rows (its labels that no
// longer fit become numbered callouts). It fails when no lane can give
// up a row.
func (s *layoutState) fit() error {
	n := len(s.lanes)
	s.rows = make([]int, n)
	s.maxRows = make([]int, n)
	count := 0
	for _, l := range s.lanes {
		for _, mk := range l {
			count += max(1, len(mk.members))
		}
	}
	s.calloutW = keyNameWidth(count, s.m)
	s.alts = nil // they depend on the lanes' marks and calloutW
	for i := range s.lanes {
		s.rows[i] = s.packLane(i, 0)
	}
	// A lane with more rows than the box could hold even were every
	// other lane one row high and the key empty starts at the most it
	// could have, rather than giving up its rows one repack at a time:
	// a crowded lane of thousands of events has hundreds of rows, and
	// repacking it once per row made fitting quadratic.
	fixed := s.eraHeight() + s.axisHeight() + sectionGap + s.legendHeight()
	for i := range s.lanes {
		others := fixed
		for j := range s.lanes {
			if j != i {
				others += s.laneHeight(j, 1)
			}
		}
		limit := s.rows[i]
		for limit > 1 && others+s.laneHeight(i, limit) > s.h {
			limit = max(1, min(limit-1, limit*int(s.h-others)/int(max(1, s.laneHeight(i, limit)))))
		}
		if limit < s.rows[i] {
			s.maxRows[i] = limit
			s.rows[i] = s.packLane(i, limit)
			if s.rows[i] > limit {
				// Even as numbered callouts its events need more rows
				// than the box could give it; fewer rows hold fewer.
				return fmt.Errorf("%w: %.0f pt needed, %.0f pt available", ErrTooCrowded, float64(s.height()), float64(s.h))
			}
		}
	}
	stuck := make([]bool, n)
	for s.height() > s.h {
		best := -1
		for i := range s.lanes {
			if !stuck[i] && s.rows[i] > 1 && (best < 0 || s.laneHeight(i, s.rows[i]) > s.laneHeight(best, s.rows[best])) {
				best = i
			}
		}
		if best < 0 {
			return fmt.Errorf("%w: %.0f pt needed, %.0f pt available", ErrTooCrowded, float64(s.height()), float64(s.h))
		}
		before, limit := s.rows[best], s.maxRows[best]
		s.maxRows[best] = before - 1
		s.rows[best] = s.packLane(best, s.maxRows[best])
		if s.rows[best] >= before || s.rows[best] > s.maxRows[best] {
			// (Or the callouts overflowed the limit: a row fewer only
			// overflows more, one row at a time.)
			// Callouts did not save a row: restore the last limit that
			// worked (not no limit: the rows the lane gave up so far
			// stay given up) and stop trying here.
			s.maxRows[best] = limit
			s.rows[best] = s.packLane(best, limit)
			stuck[best] = true
		}
	}
	return nil
}

// callouts numbers the callout marks in reading order.
func (s *layoutState) callouts() []*mark {
	var out []*mark
	for _, lane := range s.lanes {
		for _, mk := range lane {
			mk.callout = 0
			if mk.members != nil {
				// Its events, in order, each a line of the key.
				mk.first = len(out) + 1
				for _, m := range mk.members {
					out = append(out, m)
					m.callout = len(out)
				}
				mk.callout = len(out)
				continue
			}
			if mk.mode.callout() {
				out = append(out, mk)
				mk.callout = len(out)
			}
		}
	}
	return out
}

// Vertical structure, top to bottom: era titles, axis labels, lanes,
// legend, callout key.
func (s *layoutState) eraHeight() layout.Pt {
	if len(s.eraRows) == 0 {
		return 0
	}
	return layout.Pt(len(s.eraRows))*(s.smallLine()+2) + 2
}

func (s *layoutState) smallLine() layout.Pt {
	return s.m.Ascent(sans, smallSize) + s.m.Descent(sans, smallSize) + 1
}

func (s *layoutState) axisHeight() layout.Pt {
	h := s.rowH + tickLen
	if len(s.axis.Context) > 0 {
		h += s.rowH
	}
	return h
}

func (s *layoutState) lanesHeight() layout.Pt {
	var h layout.Pt
	for i := range s.lanes {
		h += s.laneHeight(i, s.rows[i])
	}
	return h
}

func (s *layoutState) height() layout.Pt {
	h := s.eraHeight() + s.axisHeight() + s.lanesHeight()
	h += sectionGap + s.legendHeight()
	if k := s.keyHeight(); k > 0 {
		h += sectionGap + k
	}
	return h
}

// layoutEras places each era's title in the lowest title row where it
// does not collide with another.
func (s *layoutState) layoutEras() {
	var ems []*eraMark
	for _, e := range s.t.Doc.Eras {
		f, _, fok := pointSpan(e.Date.Start)
		_, l, lok := pointSpan(e.Date.End)
		// An open end runs to the window's edge, or to the main
		// period's on a broken scale.
		main := s.sc.Main()
		if !fok {
			f = max(s.from, int64(main.From))
		}
		if !lok {
			l = min(s.to, int64(main.To)-1)
		}
		if l < s.from || f > s.to || l < f {
			continue
		}
		em := &eraMark{era: e, x0: s.sc.X(float64(max(f, s.from))), x1: s.sc.XEnd(float64(min(l, s.to) + 1))}
		em.title = e.Title
		em.tw = s.m.Width(em.title, sans, smallSize)
		em.tx = min(em.x0+2, s.x+s.w-em.tw)
		em.tx = max(em.tx, s.sc.X0)
		ems = append(ems, em)
	}
	sort.SliceStable(ems, func(i, j int) bool { return min(ems[i].x0, ems[i].tx) < min(ems[j].x0, ems[j].tx) })
	items := make([]packItem, len(ems))
	for i, em := range ems {
		items[i] = packItem{Alts: []footprint{{Rows: []span{{min(em.x0, em.tx), max(em.x1, em.tx+em.tw)}}}}}
	}
	res, rows := pack(items, packGap, 0)
	s.eraRows = make([][]*eraMark, rows)
	for i, em := range ems {
		em.row = res[i].Row
		s.eraRows[em.row] = append(s.eraRows[em.row], em)
	}
	s.eras = ems
}

// noteDigits is a stand-in for note number n as wide as the widest the
// planner assumes (probeFor: at least three digits, more for a chart of
// a thousand citations or more), or as n if it is wider. Measuring the
// layout's labels as the planner measured them makes the two pack alike,
// so a window the planner found to fit is laid out in the same rows.
func (s *layoutState) noteDigits(n int) string {
	return strings.Repeat("9", len(strconv.Itoa(max(n, int(s.t.spansOf().probe)))))
}
