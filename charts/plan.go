package charts

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"annalist/content"
	"annalist/layout"
)

// Plan returns the blocks that show doc's timeline in boxes of size box:
// one block when every label can be set at MinTextSize or more in one
// box (trying, in turn: every event drawn; the events of a detail window
// condensed into a summary linked to its figure; then also the clusters
// too dense for callouts grouped, their events lettered in the key);
// otherwise the time split into windows, each a block with the axis,
// lane titles and legend repeated and the bars that cross its edges
// marked as continued; then the detail blocks, one per doc.Details
// window (split too when it is too dense), titled (Timeline.Title);
// last, the source coverage figure (SourceCoverage), when it fits. A
// main chart on one page draws the activity strip under it when there
// is room (Timeline.Activity); when there is not, the coverage figure
// draws it in the lower half of its page, on the chart's scale
// (SourceCoverage.Strip); failing both, the chart warns that it left the
// strip out.
// The main chart's blocks carry the "chart-<id>" destinations, once per
// event (in the window where it starts; a summarised event at its
// summary), detail blocks none.
//
// It fails only when even a day of one track does not fit the box (it
// checks the busiest day of each track first, and says which).
func Plan(doc *content.Document, box layout.Size, m layout.Measurer) ([]layout.Block, error) {
	from, to, ok := Span(doc)
	if !ok {
		return nil, nil
	}
	ds := newDocSpans(doc)
	if err := checkBusiestDays(doc, ds, from, to, box, m); err != nil {
		return nil, err
	}
	for {
		out, err := plan(doc, ds, from, to, box, m)
		if err != nil || !ds.probeTooNarrow(out, m, box) {
			return out, err
		}
		// More notes than the planner's note numbers allowed for (an
		// event cited in several windows and a detail figure): plan
		// again with a digit more.
		ds.probe = ds.probe*10 + 9
	}
}

// probeTooNarrow reports whether the timelines among blocks cite more
// notes, numbered from 1 in one sequence, than the planner's probe has
// digits for. It lays them out to count only when they could: when the
// events and versions, each cited at most once per timeline, could
// number more.
func (ds *docSpans) probeTooNarrow(blocks []layout.Block, m layout.Measurer, box layout.Size) bool {
	var tls []*Timeline
	for _, b := range blocks {
		if tl, ok := b.(*Timeline); ok {
			tls = append(tls, tl)
		}
	}
	if cites(ds.doc)*len(tls) <= int(ds.probe) {
		return false
	}
	n := &noteCount{}
	for _, tl := range tls {
		trial := *tl // Layout keeps warnings and the plot on the timeline
		if _, err := trial.Layout(0, 0, box.W, box.H, m, n); err != nil {
			// Numbers past the probe may be why it does not fit (a
			// four-digit note where three were planned for): too narrow.
			// Otherwise the caller's own layout will say so.
			return n.n > int(ds.probe)
		}
	}
	return n.n > int(ds.probe)
}

// noteCount numbers notes from 1, for probeTooNarrow.
type noteCount struct{ n int }

func (c *noteCount) Cite([]content.Cite) int { c.n++; return c.n }

func plan(doc *content.Document, ds *docSpans, from, to int64, box layout.Size, m layout.Measurer) ([]layout.Block, error) {
	var out []layout.Block
	// Fitting before splitting: the whole span on one page, at 9 pt down
	// to 7 pt with callouts where lanes are crowded; then with the
	// events a detail figure shows condensed into summary marks linked
	// to it; then with the clusters still too dense grouped, their
	// events lettered in the key; only then split into windows of time.
	var cands []*Timeline
	cand := func(condense, group bool) {
		cands = append(cands, &Timeline{Doc: doc, From: from, To: to, Window: true, Dests: true, Condense: condense, noGroup: !group, spans: ds})
	}
	cand(false, false)
	if len(doc.Details) > 0 {
		cand(true, false)
		cand(true, true)
	} else {
		cand(false, true)
	}
	// A candidate must label enough of its events beside their marks
	// (labelsEnough): a second page of the overview is better than a
	// page of numbers.
	var main, onePage *Timeline // onePage: the first that fits at all
	for _, c := range cands {
		enough, ok := fitsShare(c, box, m)
		if ok && onePage == nil {
			onePage = c
		}
		if ok && enough {
			main = c
			break
		}
	}
	// The strip of events per month goes under the chart when the page
	// has room left; else on the figures page, with the source coverage
	// (below). It never makes the chart split.
	var stripLater *Timeline
	var windowsOf []laneGroup // the overview's windows, when it has several
	switch {
	case main != nil:
		if ok, _ := main.stripFits(0, 0, box.W, box.H, m); ok {
			main.Activity = true
		} else {
			stripLater = main
		}
		out = append(out, main)
	default:
		groups, err := groupWindows(doc, ds, from, to, box, m)
		if err != nil {
			return nil, err
		}
		// Each window draws the strip of its own months under it when
		// every window has room for it; a strip under some pages and
		// not others would read as months without events.
		strips := true
		var mains []*Timeline
		for _, g := range groups {
			for _, w := range g.windows {
				tl := &Timeline{Doc: doc, From: w[0], To: w[1], Window: true, Dests: true, Tracks: g.tracks, spans: ds, noGroup: !g.grouped}
				if len(groups) > 1 {
					tl.FigureTitle = "Timeline: " + g.label
				}
				if strips {
					strips, _ = tl.stripFits(0, 0, box.W, box.H, m)
				}
				mains = append(mains, tl)
				out = append(out, tl)
			}
		}
		if strips && len(groups) == 1 {
			for _, tl := range mains {
				tl.Activity = true
			}
		} else {
			// The strip of the whole period goes on the figures page,
			// on the scale the chart would have on one page.
			stripLater = onePage
			if stripLater == nil {
				stripLater = cands[len(cands)-1]
			}
		}
		windowsOf = groups
	}
	for _, d := range doc.Details {
		f, _, fok := pointSpan(d.Date.Start)
		_, l, lok := pointSpan(d.Date.End)
		if !fok || !lok || l < f {
			continue
		}
		if redundantDetail(windowsOf, f, l) {
			// A window of the overview already draws these months at
			// nearly the detail's scale: the figure would repeat it.
			continue
		}
		// A detail window too dense for one box is split like the main
		// chart, its parts titled "(1 of 2)" and so on.
		groups, err := groupWindows(doc, ds, f, l, box, m)
		if err != nil {
			return nil, fmt.Errorf("detail %q: %w", d.Title, err)
		}
		first := true
		for _, g := range groups {
			name := d.Title
			if len(groups) > 1 {
				name += ": " + g.label
			}
			for i, w := range g.windows {
				title := name
				if len(g.windows) > 1 {
					title = fmt.Sprintf("%s (%d of %d)", name, i+1, len(g.windows))
				}
				tl := &Timeline{Doc: doc, From: w[0], To: w[1], Window: true, FigureTitle: title, Tracks: g.tracks, spans: ds, noGroup: !g.grouped}
				if first && title != d.Title {
					tl.Anchor = layout.FigureDest(d.Title)
				}
				first = false
				out = append(out, tl)
			}
		}
	}
	// Which source attests which strand: a figure page of its own, when
	// any event cites a source and the figure fits the box.
	// The activity strip that had no room under the main chart shares
	// its page, in the lower half.
	placed := stripLater == nil
	if cov := (&SourceCoverage{Doc: doc}); len(cov.rows()) > 0 {
		if stripLater != nil {
			cov.Strip = stripLater
			if _, err := cov.draw(0, 0, box.W, box.H, m); err == nil {
				placed = true
			} else {
				cov.Strip = nil
			}
		}
		if cov.Strip != nil {
			out = append(out, cov)
		} else if _, err := cov.draw(0, 0, box.W, box.H, m); err == nil {
			out = append(out, cov)
		}
	}
	if !placed {
		// Neither under the chart nor on the figures page: the chart
		// draws no strip, and says so (Layout's warning).
		stripLater.Activity = true
	}
	return out, nil
}

// redundantDetail reports whether a detail window [f, l] lies inside a
// window of the overview (all tracks) that is at most detailScale times
// as long: drawn across the same width, the overview's page then shows
// the detail's months at two thirds of its scale or more, and the
// detail figure would only repeat it.
func redundantDetail(groups []laneGroup, f, l int64) bool {
	if len(groups) != 1 {
		return false
	}
	for _, w := range groups[0].windows {
		if w[0] <= f && l <= w[1] && float64(w[1]-w[0]+1) <= detailScale*float64(l-f+1) {
			return true
		}
	}
	return false
}

// detailScale: see redundantDetail.
const detailScale = 1.5

// laneGroup is a group of tracks drawn together and the windows of time
// they are drawn in.
type laneGroup struct {
	tracks  []string // nil: every track
	label   string   // "First track to last track"
	windows [][2]int64
	grouped bool // the windows were planned with dense clusters grouped
}

// groupWindows finds the windows of [from, to] for every track together
// (windows). When even a day of them is too tall for the box, the
// windows are found again with dense clusters grouped (their events
// lettered in the key); failing that, the tracks are split, in order,
// into the fewest groups of nearly equal size whose windows fit, each
// group drawn on pages of its own. It fails when a single track's day
// does not fit even grouped.
func groupWindows(doc *content.Document, ds *docSpans, from, to int64, box layout.Size, m layout.Measurer) ([]laneGroup, error) {
	ws, grouped, err := windowsEither(doc, ds, nil, from, to, box, m)
	if err == nil {
		return []laneGroup{{windows: ws, grouped: grouped}}, nil
	}
	if !errors.Is(err, ErrTooCrowded) {
		return nil, err
	}
	n := len(doc.Tracks)
	for k := 2; k <= n; k++ {
		var groups []laneGroup
		for g := range k {
			part := doc.Tracks[g*n/k : (g+1)*n/k]
			var ids []string
			for _, tr := range part {
				ids = append(ids, tr.ID)
			}
			ws, grouped, gerr := windowsEither(doc, ds, ids, from, to, box, m)
			if gerr != nil {
				if len(part) == 1 {
					// A track that does not fit alone does not fit in
					// any smaller group.
					return nil, gerr
				}
				err = gerr
				groups = nil
				break
			}
			label := part[0].Title
			if len(part) > 1 {
				label += " to " + part[len(part)-1].Title
			}
			groups = append(groups, laneGroup{tracks: ids, label: label, windows: ws, grouped: grouped})
		}
		if groups != nil {
			return groups, nil
		}
	}
	return nil, err
}

// checkBusiestDays fits the busiest day of each track in [from, to],
// alone and with clusters grouped: the least any plan must fit. Plan
// checks it first, so that a handout that cannot be drawn is told so at
// once, not after every window and grouping has been tried in vain.
func checkBusiestDays(doc *content.Document, ds *docSpans, from, to int64, box layout.Size, m layout.Measurer) error {
	for _, tr := range doc.Tracks {
		if day, ok := busiestDay(doc, ds, tr.ID, from, to); ok && !fitsWindow(doc, ds, []string{tr.ID}, day, day, box, m, true, false) {
			return crowdedErr(doc, ds, []string{tr.ID}, day, box)
		}
	}
	return nil
}

// crowdedErr says that even one day of tracks (nil: all) does not fit.
func crowdedErr(doc *content.Document, ds *docSpans, tracks []string, day int64, box layout.Size) error {
	what := fmt.Sprintf("the %d tracks", len(doc.Tracks))
	if tracks != nil {
		what = fmt.Sprintf("%d of the %d tracks", len(tracks), len(doc.Tracks))
		if len(tracks) == 1 {
			what = fmt.Sprintf("track %q", tracks[0])
		}
	}
	y, mo, d := content.FromDayNumber(day)
	err := fmt.Errorf("%w: even the day %04d-%02d-%02d of %s does not fit a %.0f x %.0f pt box at %g pt; give that day's events in one track fewer overlapping spans, or shorten the track titles", ErrTooCrowded, y, mo, d, what, float64(box.W), float64(box.H), float64(MinTextSize))
	// Said at the first event of that day and those tracks, as the
	// loader says its problems: that is where the user can act.
	show := map[string]bool{}
	for _, id := range tracks {
		show[id] = true
	}
	for i, e := range doc.Events {
		if tracks != nil && !show[e.Track] {
			continue
		}
		if b := ds.bounds[i]; b[0] <= day && day <= b[1] && e.Pos.File != "" {
			return fmt.Errorf("%s: %w", e.Pos, err)
		}
	}
	return err
}

// busiestDay is the day in [from, to] that most of the track's events
// (by their outermost days, docSpans.bounds) fall on, the first of
// equals; false when the track has no event there.
func busiestDay(doc *content.Document, ds *docSpans, track string, from, to int64) (int64, bool) {
	type edge struct {
		day int64
		d   int
	}
	var edges []edge
	for i, e := range doc.Events {
		if e.Track != track {
			continue
		}
		lo, hi := max(ds.bounds[i][0], from), min(ds.bounds[i][1], to)
		if lo > hi {
			continue
		}
		edges = append(edges, edge{lo, 1}, edge{hi + 1, -1})
	}
	if len(edges) == 0 {
		return 0, false
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].day != edges[j].day {
			return edges[i].day < edges[j].day
		}
		return edges[i].d < edges[j].d // ends before starts on the same day
	})
	best, bestDay, n := 0, int64(0), 0
	for _, e := range edges {
		n += e.d
		if n > best {
			best, bestDay = n, e.day
		}
	}
	return bestDay, true
}

// windowsEither is windows without grouping clusters, or, when a day
// does not fit so, with it.
//
// grouped says which: the windows' timelines must be laid out as they
// were planned (Timeline.noGroup), or the layout may try what the plan
// did not, and find a window too tall that the plan found to fit.
func windowsEither(doc *content.Document, ds *docSpans, tracks []string, from, to int64, box layout.Size, m layout.Measurer) (ws [][2]int64, grouped bool, err error) {
	ws, err = windows(doc, ds, tracks, from, to, box, m, false)
	if errors.Is(err, ErrTooCrowded) {
		if gws, gerr := windows(doc, ds, tracks, from, to, box, m, true); gerr == nil {
			return gws, true, nil
		}
	}
	return ws, false, err
}

// fitsWindow reports whether the window [from, to] of the tracks (nil:
// all) can be laid out in box. A window is tried without grouping unless
// group is set: a page of time is split further rather than its events
// hidden behind numbers, as long as a day of it fits.
//
// With labelled, the window must also label enough of its events beside
// their marks (labelsEnough).
func fitsWindow(doc *content.Document, ds *docSpans, tracks []string, from, to int64, box layout.Size, m layout.Measurer, group, labelled bool) bool {
	tl := &Timeline{Doc: doc, From: from, To: to, Window: true, noGroup: !group, Tracks: tracks, spans: ds}
	if labelled {
		return fitsLabelled(tl, box, m)
	}
	return fits(tl, box, m)
}

// fits reports whether tl can be laid out in box.
func fits(tl *Timeline, box layout.Size, m layout.Measurer) bool {
	_, ok := fitsShare(tl, box, m)
	return ok
}

// fitsLabelled reports whether tl can be laid out in box with enough of
// its events labelled beside their marks (labelsEnough).
func fitsLabelled(tl *Timeline, box layout.Size, m layout.Measurer) bool {
	enough, ok := fitsShare(tl, box, m)
	return ok && enough
}

// fitsShare lays tl out on trial at the smallest size (Layout, trying
// larger ones first, finds this one at worst; it labels the most) and
// reports whether it labels enough events and whether it fits at all.
func fitsShare(tl *Timeline, box layout.Size, m layout.Measurer) (enough, ok bool) {
	s, err := tl.fitSizes(0, 0, box.W, box.H, m, tl.spansOf().probe, labelSizes[len(labelSizes)-1:])
	if err != nil {
		return false, false
	}
	l, n := s.labelShare()
	return labelsEnough(l, n), true
}

// windows finds the windows: the whole span if it fits; else the fewest
// equal windows that all fit, if that is no more than the greedy count;
// else the greedy windows, each as long as fits (a dense year and a
// quiet decade need different widths).
//
// A window must label enough of its events beside their marks
// (labelsEnough), so a crowded period takes more pages rather than
// numbers; a window that cannot, even a day long (a dozen events on one
// day of one track), need only fit, its labels lettered in the key.
func windows(doc *content.Document, ds *docSpans, tracks []string, from, to int64, box layout.Size, m layout.Measurer, group bool) ([][2]int64, error) {
	strict := true
	fit := func(from, to int64) bool { return fitsWindow(doc, ds, tracks, from, to, box, m, group, strict) }
	if fit(from, to) {
		return [][2]int64{{from, to}}, nil
	}
	var greedy [][2]int64
	loose := false // some greedy window could not label enough
	for start := from; start <= to; {
		strict = true
		lo, hi := min(start+6, to), to // lo: the least window we accept
		// A week too crowded for a page (a day-by-day chronology of a
		// revolution) is split into days rather than refused.
		for lo > start && !fit(start, lo) {
			lo = start + (lo-start)/2
		}
		if !fit(start, lo) {
			strict, loose = false, true
			lo = min(start+6, to)
			for lo > start && !fit(start, lo) {
				lo = start + (lo-start)/2
			}
			if !fit(start, lo) {
				return nil, crowdedErr(doc, ds, tracks, start, box)
			}
		}
		// Gallop before bisecting: doubling from the least window finds
		// a window too long within twice the longest that fits, so no
		// fit is tried on the whole rest of the period (with thousands
		// of events, each such try packs them all, and the windows
		// became quadratic in the events).
		for step := max(lo-start, 7); lo < hi; step *= 2 {
			next := min(lo+step, hi)
			if !fit(start, next) {
				hi = next - 1
				break
			}
			lo = next
		}
		for lo < hi { // the longest window that fits, by bisection
			mid := lo + (hi-lo+1)/2
			if fit(start, mid) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		end := lo
		if end < to && end-start > 62 {
			// End on a month's last day, where a reader expects a page
			// to turn.
			// Fitting is not quite monotonic in the window's length
			// (packing is greedy), so the shorter window is checked too.
			if e := monthStart(end+1) - 1; e > start+31 && fit(start, e) {
				end = e
			}
		}
		greedy = append(greedy, [2]int64{start, end})
		start = end + 1
	}
	// As few windows as the greedy found, with as many events in each:
	// events cluster (a quiet decade of context, then a crowded year), so
	// windows of equal time would leave one page empty and cram another.
	// Time and events weigh equally first (a quiet decade gets a page of
	// its own rather than squeezing the crowded year into a corner), then
	// events alone.
	//
	// The greedy windows, each as long as fits, are the fewest there can
	// be when fitting is monotonic in a window's length; it is nearly so
	// (packing is greedy), so one window fewer is tried, never more:
	// trying every count from two made the windows quadratic in their
	// number, and a chart of thousands of events took minutes.
	if loose {
		// Balanced windows would spread the crowded day's numbers
		// over windows that could have labelled their events.
		return greedy, nil
	}
	for k := max(2, len(greedy)-1); k <= len(greedy); k++ {
		for _, timeWeight := range []float64{1, 0} {
			ws := quantileSplit(doc, from, to, k, timeWeight)
			ok := len(ws) == k
			for _, w := range ws {
				if !ok || !fit(w[0], w[1]) {
					ok = false
					break
				}
			}
			if ok {
				return ws, nil
			}
		}
	}
	return greedy, nil
}

// quantileSplit cuts [from, to] into k windows of about equal weight,
// each boundary on the first of a month. An event start weighs 1; time
// weighs timeWeight times as much as the events, spread evenly (0: split
// by events alone).
func quantileSplit(doc *content.Document, from, to int64, k int, timeWeight float64) [][2]int64 {
	var starts []int64
	for _, e := range doc.Events {
		if f, _, ok := pointSpan(e.Date.Start); ok && f >= from && f <= to {
			starts = append(starts, f)
		}
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i] < starts[j] })
	n := float64(len(starts))
	if n < float64(k) {
		return split(from, to, k)
	}
	span := float64(to - from + 1)
	total := n * (1 + timeWeight)
	// weight(t) is the weight of [from, t); it rises with t, so each
	// boundary is found by bisection.
	weight := func(t int64) float64 {
		i := sort.Search(len(starts), func(i int) bool { return starts[i] >= t })
		return float64(i) + timeWeight*n*float64(t-from)/span
	}
	var out [][2]int64
	start := from
	for i := 1; i < k; i++ {
		target := total * float64(i) / float64(k)
		lo, hi := from, to
		for lo < hi {
			mid := lo + (hi-lo)/2
			if weight(mid) < target {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		b := monthStart(lo)
		if b <= start || b > to {
			continue
		}
		out = append(out, [2]int64{start, b - 1})
		start = b
	}
	return append(out, [2]int64{start, to})
}

// split cuts [from, to] into k windows of nearly equal length, each
// starting on the first of a month when the windows are longer than two
// months, so that page edges fall where a reader expects them.
func split(from, to int64, k int) [][2]int64 {
	var out [][2]int64
	n := to - from + 1
	start := from
	for i := 1; i <= k; i++ {
		end := from + n*int64(i)/int64(k) - 1
		if i < k && n/int64(k) > 62 {
			end = monthStart(end+1) - 1
		}
		if end < start {
			continue
		}
		if i == k {
			end = to
		}
		out = append(out, [2]int64{start, end})
		start = end + 1
	}
	return out
}

// probe is the Notes the planner measures with: it reports for every
// note the widest number a chart's notes can have (probeFor), so a window
// that fits while planning fits when laid out for real.
type probe int

func (p probe) Cite([]content.Cite) int { return int(p) }

// probeFor is the first probe for doc: all nines, with as many digits as
// the count of citations one timeline of doc can make (an event's, and
// each of its versions'), and at least three. The chart's notes are the
// first of the handout's; when its timelines together cite more (an
// event in several windows), Plan plans again with more digits
// (probeTooNarrow).
func probeFor(doc *content.Document) probe {
	p, n := 999, cites(doc)
	for p < n {
		p = p*10 + 9
	}
	return probe(p)
}

// cites is how many citations one timeline of doc can make at most.
func cites(doc *content.Document) int {
	n := len(doc.Events)
	for _, e := range doc.Events {
		n += len(e.Versions)
	}
	return n
}

// Warnings returns the warnings of the timelines among blocks, as their
// last Layout left them: relations left out, activity strips omitted.
// Layout knows nothing of them, so the caller reports them. They read
// "charts: warning: ...", in the shape of layout's own warnings.
func Warnings(blocks []layout.Block) []string {
	var out []string
	for _, b := range blocks {
		if tl, ok := b.(*Timeline); ok {
			for _, w := range tl.Warnings {
				if !strings.Contains(w, ": warning: ") {
					// Not about one place in the input: about the chart.
					w = "charts: warning: " + w
				}
				out = append(out, w)
			}
		}
	}
	return out
}
