package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"annalist/content"
	"annalist/layout"
)

// stackBar is one bar of a stacked bar series: its extent along the
// category axis (in data units) and one value per track.
type stackBar struct {
	lo, hi float64
	vals   []float64
}

// stackedBars is a go-chart series of stacked bars, vertical (x is the
// category axis) or horizontal (y is). go-chart's own StackedBarChart
// normalises every bar to 100% and lays bars out by itself, which can
// neither show counts nor align with our time axis.
type stackedBars struct {
	bars       []stackBar
	styles     []TrackStyle
	horizontal bool
	axis       chart.YAxisType // the y axis the bars are measured on
}

func (s stackedBars) GetName() string           { return "stacked bars" }
func (s stackedBars) GetYAxis() chart.YAxisType { return s.axis }
func (s stackedBars) GetStyle() chart.Style     { return chart.Style{} }
func (s stackedBars) Validate() error           { return nil }

// Render draws each bar's segments bottom-up (left to right when
// horizontal), in the track's fill and outline; the recorder turns each
// box into a Rect hatched in the track's pattern.
func (s stackedBars) Render(r chart.Renderer, cb chart.Box, xr, yr chart.Range, _ chart.Style) {
	for _, b := range s.bars {
		cum := 0.0
		for k, v := range b.vals {
			if v <= 0 {
				continue
			}
			var box chart.Box
			if s.horizontal {
				box = chart.Box{Left: cb.Left + xr.Translate(cum), Right: cb.Left + xr.Translate(cum+v),
					Top: cb.Bottom - yr.Translate(b.hi), Bottom: cb.Bottom - yr.Translate(b.lo)}
			} else {
				box = chart.Box{Left: cb.Left + xr.Translate(b.lo), Right: cb.Left + xr.Translate(b.hi),
					Top: cb.Bottom - yr.Translate(cum+v), Bottom: cb.Bottom - yr.Translate(cum)}
			}
			st := s.styles[k]
			chart.Draw.Box(r, box, chart.Style{FillColor: dcolor(st.Fill), StrokeColor: dcolor(st.Stroke), StrokeWidth: 0.5 * pxPerPt})
			cum += v
		}
	}
}

// transparent is go-chart's "draw nothing" colour.
var transparent = chart.ColorTransparent

// ActivityStrip is a go-chart figure: the events that start in each
// month, stacked by track, on the same time axis as a timeline above it,
// so a reader sees where the story is dense. It implements layout.Block.
type ActivityStrip struct {
	Doc *content.Document
	// From, To and Window choose the time as for Timeline. Align, when
	// set and already laid out at the same x and width, gives the strip
	// its timeline's plot area, so months line up exactly (unless the
	// timeline's scale is broken).
	From, To int64
	Window   bool
	Align    *Timeline

	// panel makes drawOn leave out the title column and measure the bars
	// against a count axis of whole steps (yTop) that the caller draws;
	// drawOn reports the tallest month in peak and peakAt.
	panel      bool
	peak, yTop float64
	peakAt     int64
	coarse     int  // events dated only to a season or year, not counted
	mixed      bool // its span crosses the era: CE years are marked
}

// Layout draws the strip into the box: the title column at the left
// ("Events per month", the peak), the bars in the plot area.
func (a *ActivityStrip) Layout(x, y, w, h layout.Pt, m layout.Measurer, notes layout.Notes) ([]layout.Item, error) {
	c, err := a.draw(x, y, w, h, m)
	if err != nil {
		return nil, err
	}
	return c.items, nil
}

func (a *ActivityStrip) draw(x, y, w, h layout.Pt, m layout.Measurer) (*canvas, error) {
	if a.Align != nil && a.Align.plotW > 0 {
		return a.drawOn(a.Align.plotSc.shift(x), x, y, w, h, m)
	}
	from, to, ok := a.From, a.To, a.Window
	if !ok {
		from, to, ok = Span(a.Doc)
	}
	if !ok {
		return nil, fmt.Errorf("charts: activity strip has no dated event")
	}
	// The scale a timeline of the same window would have in this box,
	// broken like it when context stands far from the main period.
	tl := &Timeline{Doc: a.Doc, From: from, To: to, Window: true}
	s, err := tl.fitState(x, 0, w, 1e6, m, nil)
	if err != nil {
		return nil, err
	}
	return a.drawOn(s.sc, x, y, w, h, m)
}

// drawOn draws the strip on the time scale sc. On a broken scale the
// bars are the main period's months, in its segment: a context segment
// squeezes decades into a few points, where a month's bar would be a
// hairline and the counts would mislead.
func (a *ActivityStrip) drawOn(sc Scale, x, y, w, h layout.Pt, m layout.Measurer) (*canvas, error) {
	main := sc.Main()
	from, to := int64(math.Ceil(main.From)), int64(math.Ceil(main.To))-1
	x0, x1 := main.X0, main.X1
	if to < from {
		return nil, fmt.Errorf("charts: activity strip: empty window")
	}
	styles := TrackStyles(a.Doc.Tracks)
	laneOf := map[string]int{}
	for i, tr := range a.Doc.Tracks {
		laneOf[tr.ID] = i
	}
	// One bar per calendar month in the window (clipped to it).
	type month struct {
		lo, hi int64
		vals   []float64
	}
	var months []month
	fy, fm, _ := content.FromDayNumber(from)
	for yy, mm := fy, fm; ; yy, mm = addMonths(yy, mm, 1) {
		lo := content.DayNumber(yy, mm, 1)
		if lo > to {
			break
		}
		ny, nm := addMonths(yy, mm, 1)
		months = append(months, month{max(lo, from), min(content.DayNumber(ny, nm, 1)-1, to), make([]float64, len(a.Doc.Tracks))})
	}
	coarse := 0 // events in the span dated only to a season or year
	for _, ev := range a.Doc.Events {
		ln, ok := laneOf[ev.Track]
		f, l, fok := pointSpan(ev.Date.Start)
		if !ok || !fok || f < from || f > to {
			continue
		}
		// A start known only to a season or year has no month to be
		// counted in (counting it in its first month would pile every
		// such event into January); it is left out, and the title says
		// how many were.
		if p := ev.Date.Start; p.Precision < content.PrecisionMonth || p.IsSeason() || l-f > 31 {
			coarse++
			continue
		}
		for i := range months {
			if f >= months[i].lo && f <= months[i].hi {
				months[i].vals[ln]++
			}
		}
	}
	series := stackedBars{styles: styles}
	peak, peakAt := 0.0, int64(0)
	for _, mo := range months {
		sum := 0.0
		for _, v := range mo.vals {
			sum += v
		}
		if sum > peak {
			peak, peakAt = sum, mo.lo
		}
		// A hairline between months keeps neighbouring bars apart.
		series.bars = append(series.bars, stackBar{float64(mo.lo) + 0.04*float64(mo.hi-mo.lo+1), float64(mo.hi+1) - 0.04*float64(mo.hi-mo.lo+1), mo.vals})
	}
	a.peak, a.peakAt, a.yTop, a.coarse = peak, peakAt, peak, coarse
	a.mixed = crossesEra(from, to)
	if a.panel && peak > 0 {
		step := niceStep(peak, 4)
		a.yTop = step * math.Ceil(peak/step)
	}
	c := &canvas{}
	// The title column: what the strip shows, and its scale in words.
	base := y + m.Ascent(sans, smallSize)
	tw := sc.X0 - x - 6
	title := []string{"Events per month", "(tallest: " + strconv.Itoa(int(peak)) + ")"}
	if coarse > 0 {
		title = append(title, strconv.Itoa(coarse)+" dated only to a season or year: not counted")
	}
	if a.panel {
		title = nil // the panel has its own heading and count axis
	}
	for _, line := range title {
		if line[0] == '(' && peak == 0 {
			continue
		}
		if peak > 0 && line[0] == '(' {
			py, pm, _ := content.FromDayNumber(peakAt)
			line = "tallest: " + strconv.Itoa(int(peak)) + ", " + content.MonthAbbr(pm) + " " + content.FormatYearBeside(py, a.mixed)
		}
		for _, l := range wrap(line, tw, sans, smallSize, m) {
			if base+m.Descent(sans, smallSize) > y+h {
				break
			}
			c.add(kText, "", layout.Text{X: x, Y: base, Text: l, Font: sans, Size: smallSize, Color: ink, W: m.Width(l, sans, smallSize)})
			base += m.Ascent(sans, smallSize) + m.Descent(sans, smallSize) + 1
		}
	}
	c.add(kGrid, "", layout.Rule{X1: x0, Y1: y + h - 0.5, X2: x1, Y2: y + h - 0.5, Width: 0.5, Color: softInk})
	if peak == 0 {
		return c, nil
	}
	rec := &recorder{m: m, ox: x, oy: y, hatches: map[layout.Color]TrackStyle{}}
	for _, st := range styles {
		rec.hatches[st.Fill] = st
	}
	ch := chart.Chart{
		Width: px(w), Height: px(h), DPI: chartDPI,
		Background: chart.Style{FillColor: transparent, StrokeColor: transparent,
			Padding: chart.Box{Left: px(x0 - x), Right: px(x + w - x1), Top: px(1), Bottom: px(0.5), IsSet: true}},
		Canvas:         chart.Style{FillColor: transparent, StrokeColor: transparent},
		XAxis:          chart.XAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: float64(from), Max: float64(to + 1)}},
		YAxis:          chart.YAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: 0, Max: a.yTop}},
		YAxisSecondary: chart.YAxis{Style: chart.Hidden()},
		Series:         []chart.Series{series},
	}
	if err := ch.Render(rec.provider(), nil); err != nil {
		return nil, fmt.Errorf("charts: activity strip: %w", err)
	}
	for _, it := range rec.items {
		c.add(kMark, "", it)
	}
	return c, nil
}

// SourceCoverage is a go-chart figure: for each source, the events it
// attests (cited for the event or for a version of it), stacked by
// track, so a reader sees which strand rests on which sources. It
// implements layout.Block.
type SourceCoverage struct {
	Doc *content.Document
	// Strip, when set, is the main timeline whose activity strip has no
	// room under it (Plan sets it): the figure then takes the top half
	// of its page and draws the strip in the lower half, on exactly the
	// timeline's scale in a box of the same x and width, so that the two
	// pages laid side by side line up month for month.
	Strip *Timeline
}

// Title is the figure's title (layout.Titled), for its page's running
// head, the outline and the contents.
func (sc *SourceCoverage) Title() string {
	if sc.Strip != nil {
		return "Events each source attests; events per month"
	}
	return "Events each source attests"
}

// coverageRow is one source's counts.
type coverageRow struct {
	id, name string
	vals     []float64
	total    float64
}

func (sc *SourceCoverage) rows() []coverageRow {
	laneOf := map[string]int{}
	for i, tr := range sc.Doc.Tracks {
		laneOf[tr.ID] = i
	}
	bySrc := map[string]*coverageRow{}
	var order []string
	for _, ev := range sc.Doc.Events {
		ln, ok := laneOf[ev.Track]
		if !ok {
			continue
		}
		seen := map[string]bool{}
		var ids []string
		for _, c := range ev.Cite {
			ids = append(ids, c.Source)
		}
		for _, v := range ev.Versions {
			ids = append(ids, v.Source)
		}
		for _, id := range ids {
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			r := bySrc[id]
			if r == nil {
				r = &coverageRow{id: id, name: id, vals: make([]float64, len(sc.Doc.Tracks))}
				if s := sc.Doc.SourceByID[id]; s != nil {
					// As a short note names it: one way to name a source.
					r.name = content.ShortRef(s)
				}
				bySrc[id] = r
				order = append(order, id)
			}
			r.vals[ln]++
			r.total++
		}
	}
	out := make([]coverageRow, 0, len(order))
	for _, id := range order {
		out = append(out, *bySrc[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].total > out[j].total })
	return out
}

// coverageSize is the size of the coverage figure's source names and
// counts: a point above the minimum, since they are the figure's only
// words and the page has room.
const coverageSize layout.Pt = 8

// coverageRowMax is the most height a source's row takes: a few sources
// would otherwise give bars as thick as a thumb.
const coverageRowMax layout.Pt = 26

// niceStep is a step of 1, 2 or 5 times a power of ten that divides max
// into at most n intervals.
func niceStep(max float64, n int) float64 {
	step := 1.0
	for {
		for _, k := range []float64{1, 2, 5} {
			if max/(k*step) <= float64(n) {
				return k * step
			}
		}
		step *= 10
	}
}

// Layout draws the figure: horizontal bars, the source names on the
// right axis (go-chart's primary Y axis), counts on the X axis, and a key
// of the tracks' patterns under it.
func (sc *SourceCoverage) Layout(x, y, w, h layout.Pt, m layout.Measurer, notes layout.Notes) ([]layout.Item, error) {
	c, err := sc.draw(x, y, w, h, m)
	if err != nil {
		return nil, err
	}
	return c.items, nil
}

func (sc *SourceCoverage) draw(x, y, w, h layout.Pt, m layout.Measurer) (*canvas, error) {
	if sc.Strip == nil {
		return sc.drawCoverage(x, y, w, h, m)
	}
	// The coverage figure needs no more than the top half of a page;
	// the strip goes in the lower half.
	half := (h - panelGap) / 2
	c, err := sc.drawCoverage(x, y, w, half, m)
	if err != nil {
		return nil, err
	}
	// The timeline's scale in its box, which is this one.
	tsc, axis, size, err := sc.stripScale(x, y, w, h, m)
	if err != nil {
		return nil, err
	}
	p, err := sc.activityPanel(tsc, axis, size, x, y+half+panelGap, w, h-half-panelGap, m)
	if err != nil {
		return nil, err
	}
	for i, it := range p.items {
		c.add(p.kinds[i], p.owners[i], it)
	}
	return c, nil
}

// panelGap is the space between the coverage figure and the activity
// panel under it.
const panelGap layout.Pt = 18

// panelPlotMax is the most height the activity panel's bars take: taller
// bars would say no more.
const panelPlotMax layout.Pt = 150

// stripScale returns the scale and axis of the timeline sc.Strip in a
// box at x of width w, and its label size: those of its last Layout when
// that was in a box as wide (every figure of a handout has the same
// box), else those it fits at in the box (x, y, w, h).
func (sc *SourceCoverage) stripScale(x, y, w, h layout.Pt, m layout.Measurer) (Scale, Axis, layout.Pt, error) {
	tl := sc.Strip
	if tl.laidW == w && tl.plotW > 0 {
		return tl.plotSc.shift(x), tl.plotAxis.shift(x), tl.plotLabelSize, nil
	}
	trial := *tl // fitting resets the warnings: the timeline keeps its own
	trial.Activity, trial.Warnings = false, nil
	s, err := trial.fitState(x, y, w, h, m, tl.spansOf().probe)
	if err != nil {
		// The timeline does not fit one page (its overview takes
		// several): the strip has the scale it would have on one.
		if s, err = trial.scaleState(x, y, w, h, m, labelSizes[1], fitVariant{}); err != nil {
			return Scale{}, Axis{}, 0, fmt.Errorf("charts: activity panel: %w", err)
		}
	}
	return s.sc, s.axis, s.labelSize, nil
}

// activityPanel draws the activity strip in the box (x, y, w, h): a
// heading naming the tallest month, the count axis at the left, the
// bars on the timeline's scale tsc with its breaks, the timeline's time
// axis repeated under them (its labels at size), and the key of the
// tracks' patterns.
func (sc *SourceCoverage) activityPanel(tsc Scale, axis Axis, size layout.Pt, x, y, w, h layout.Pt, m layout.Measurer) (*canvas, error) {
	c := &canvas{}
	asc, desc := m.Ascent(sans, size), m.Descent(sans, size)
	rowH := asc + desc + 3
	axisH := rowH + tickLen
	if len(axis.Context) > 0 {
		axisH += rowH
	}
	styles := TrackStyles(sc.Doc.Tracks)
	// The key of tracks, flowed in rows under the axis.
	keys, keyLine, keyH := flowTrackKey(sc.Doc.Tracks, x, w, m)
	headAsc, headDesc := m.Ascent(sansBold, coverageSize), m.Descent(sansBold, coverageSize)
	headH := headAsc + headDesc + 6
	plotH := min(panelPlotMax, h-headH-axisH-4-keyH)
	if plotH < 40 {
		return nil, fmt.Errorf("%w: the activity panel needs %.0f pt, has %.0f", ErrTooCrowded, float64(headH+axisH+4+keyH+40), float64(h))
	}
	py := y + headH
	strip := &ActivityStrip{Doc: sc.Doc, panel: true}
	bars, err := strip.drawOn(tsc, x, py, w, plotH, m)
	if err != nil {
		return nil, err
	}
	// The heading, and the tallest month in words.
	head := "Events per month, on the timeline’s scale"
	hw := m.Width(head, sansBold, coverageSize)
	c.add(kText, "", layout.Text{X: x, Y: y + headAsc, Text: head, Font: sansBold, Size: coverageSize, Color: ink, W: hw})
	if strip.peak > 0 {
		py, pm, _ := content.FromDayNumber(strip.peakAt)
		n := strconv.Itoa(int(strip.peak))
		unit := " events, "
		if strip.peak == 1 {
			unit = " event, "
		}
		text := "tallest bar: " + n + unit + content.MonthName(pm) + " " + content.FormatYearBeside(py, strip.mixed)
		if strip.coarse > 0 {
			text += "; " + strconv.Itoa(strip.coarse) + " dated only to a season or year, not counted"
		}
		note := ellipsize(text, w-hw-12, sans, coverageSize, m)
		if note != "" {
			c.add(kText, "", layout.Text{X: x + hw + 12, Y: y + headAsc, Text: note, Font: sans, Size: coverageSize, Color: ink, W: m.Width(note, sans, coverageSize)})
		}
	}
	// Count gridlines and labels, behind the bars: the bars span the
	// plot from 1 pt under its top to 0.5 pt above its foot (drawOn).
	top, bot := py+1, py+plotH-0.5
	axisY := py + plotH
	if strip.peak > 0 {
		step := niceStep(strip.peak, 4)
		for v := step; v <= strip.yTop+1e-9; v += step {
			gy := bot - layout.Pt(v/strip.yTop)*(bot-top)
			for _, g := range tsc.Segments() {
				c.add(kGrid, "", layout.Rule{X1: g.X0, Y1: gy, X2: g.X1, Y2: gy, Width: 0.3, Color: gray(200)})
			}
			l := strconv.Itoa(int(v))
			lw := m.Width(l, sans, size)
			c.add(kText, "", layout.Text{X: tsc.X0 - 4 - lw, Y: gy + (asc-desc)/2, Text: l, Font: sans, Size: size, Color: ink, W: lw})
		}
	}
	for _, t := range axis.Ticks {
		if t.Major {
			c.add(kGrid, "", layout.Rule{X1: t.X, Y1: py, X2: t.X, Y2: axisY, Width: 0.3, Color: gray(190)})
		}
	}
	for i, it := range bars.items {
		c.add(bars.kinds[i], "strip", it)
	}
	// The time axis, under the bars: the timeline's ticks and labels.
	base := axisY + tickLen + asc + 1
	for _, t := range axis.Ticks {
		sw := layout.Pt(0.4)
		if t.Major {
			sw = 0.7
		}
		c.add(kGrid, "", layout.Rule{X1: t.X, Y1: axisY, X2: t.X, Y2: axisY + tickLen, Width: sw, Color: ink})
		if t.Label != "" {
			f := sans
			if t.Strong {
				f = sansBold
			}
			c.add(kText, "", layout.Text{X: t.X + 2, Y: base, Text: t.Label, Font: f, Size: size, Color: ink, W: m.Width(t.Label, f, size)})
		}
	}
	if len(axis.Context) > 0 {
		for _, l := range axis.Context {
			c.add(kText, "", layout.Text{X: l.X, Y: base + rowH, Text: l.Label, Font: sansBold, Size: size, Color: ink, W: m.Width(l.Label, sansBold, size)})
		}
	}
	for _, g := range tsc.Segments() {
		c.add(kGrid, "", layout.Rule{X1: g.X0, Y1: axisY, X2: g.X1, Y2: axisY, Width: 0.6, Color: ink})
	}
	for _, b := range tsc.Breaks() {
		for _, bx := range []layout.Pt{b.X0, b.X1} {
			c.add(kGrid, "", layout.Rule{X1: bx - 1.8, Y1: axisY + 2.5, X2: bx + 1.8, Y2: axisY - 2.5, Width: 0.7, Color: ink})
		}
	}
	ky := axisY + axisH + 4
	for i, k := range keys {
		kt := ky + layout.Pt(k.row)*keyLine
		c.add(kMark, "", (&emitter{layoutState: &layoutState{}}).styleRect(styles[i], k.x, kt+1.5, swatchW-2, keyLine-4.5, false))
		c.add(kText, "", layout.Text{X: k.x + swatchW + 2, Y: kt + m.Ascent(sans, smallSize) + 0.5, Text: k.title, Font: sans, Size: smallSize, Color: ink, W: m.Width(k.title, sans, smallSize)})
	}
	return c, nil
}

func (sc *SourceCoverage) drawCoverage(x, y, w, h layout.Pt, m layout.Measurer) (*canvas, error) {
	rows := sc.rows()
	if len(rows) == 0 {
		return nil, fmt.Errorf("charts: source coverage: no event cites a source")
	}
	styles := TrackStyles(sc.Doc.Tracks)
	// The key of tracks under the chart, flowed in rows.
	keys, lineH, keyH := flowTrackKey(sc.Doc.Tracks, x, w, m)
	// Under the counts' axis, what they count.
	capLine := m.Ascent(sans, smallSize) + m.Descent(sans, smallSize) + 4
	chartH := min(h-keyH-capLine-4, layout.Pt(len(rows))*coverageRowMax+2+coverageSize*2)
	// Names longer than a third of the box are shortened: the bars need
	// room.
	maxName := w / 3
	ticks := make([]chart.Tick, len(rows))
	// The names at the left, on go-chart's secondary axis, where the
	// eye starts each bar.
	series := stackedBars{styles: styles, horizontal: true, axis: chart.YAxisSecondary}
	peak := 0.0
	for i, r := range rows {
		// The first source at the top: go-chart's y grows upward.
		pos := float64(len(rows) - 1 - i)
		ticks[i] = chart.Tick{Value: pos + 0.5, Label: ellipsize(r.name, maxName, sans, coverageSize, m)}
		series.bars = append(series.bars, stackBar{pos + 0.2, pos + 0.8, r.vals})
		peak = max(peak, r.total)
	}
	// go-chart sets an axis's range to its ticks' span: unlabelled ticks
	// at both ends keep the range 0..n, so each bar sits at its name.
	ticks = append(ticks, chart.Tick{Value: 0}, chart.Tick{Value: float64(len(rows))})
	sort.Slice(ticks, func(i, j int) bool { return ticks[i].Value < ticks[j].Value })
	step := niceStep(peak, 6)
	top := step * float64(int(peak/step+0.999999))
	var xt []chart.Tick
	for v := 0.0; v <= top+1e-9; v += step {
		xt = append(xt, chart.Tick{Value: v, Label: strconv.Itoa(int(v))})
	}
	if chartH < float64Pt(len(rows))*9+20 {
		return nil, fmt.Errorf("%w: source coverage needs %.0f pt, has %.0f", ErrTooCrowded, float64(len(rows))*9+20+float64(keyH), float64(h))
	}
	axisStyle := chart.Style{FontSize: float64(coverageSize), FontColor: drawing.ColorBlack, StrokeColor: dcolor(softInk), StrokeWidth: 0.5 * pxPerPt}
	rec := &recorder{m: m, ox: x, oy: y, hatches: map[layout.Color]TrackStyle{}}
	for _, st := range styles {
		rec.hatches[st.Fill] = st
	}
	ch := chart.Chart{
		Width: px(w), Height: px(chartH), DPI: chartDPI,
		Background: chart.Style{FillColor: transparent, StrokeColor: transparent,
			Padding: chart.Box{Left: px(2), Right: px(2), Top: px(2), Bottom: px(2), IsSet: true}},
		Canvas: chart.Style{FillColor: transparent, StrokeColor: transparent},
		XAxis: chart.XAxis{Style: axisStyle, Range: &chart.ContinuousRange{Min: 0, Max: top}, Ticks: xt,
			GridMajorStyle: chart.Style{StrokeColor: dcolor(gray(200)), StrokeWidth: 0.3 * pxPerPt}, GridLines: gridLines(xt)},
		// go-chart (v2.1.2) takes the secondary axis's range from the
		// primary axis's ticks: the hidden primary gets the same ones.
		YAxis:          chart.YAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: 0, Max: float64(len(rows))}, Ticks: ticks},
		YAxisSecondary: chart.YAxis{Style: axisStyle, Range: &chart.ContinuousRange{Min: 0, Max: float64(len(rows))}, Ticks: ticks},
		Series:         []chart.Series{series},
	}
	if err := ch.Render(rec.provider(), nil); err != nil {
		return nil, fmt.Errorf("charts: source coverage: %w", err)
	}
	c := &canvas{}
	for _, it := range rec.items {
		k := kMark
		switch it.(type) {
		case layout.Text:
			k = kText
		case layout.Path:
			k = kGrid // axis lines, ticks and gridlines
		}
		c.add(k, "", it)
	}
	caption := "Events attested (an event counts once for each source cited for it or for a version of it)"
	caption = ellipsize(caption, w, sans, smallSize, m)
	cy := y + chartH + m.Ascent(sans, smallSize) + 2
	c.add(kText, "", layout.Text{X: x, Y: cy, Text: caption, Font: sans, Size: smallSize, Color: ink, W: m.Width(caption, sans, smallSize)})
	ky := y + chartH + capLine + 4
	for i, k := range keys {
		top := ky + layout.Pt(k.row)*lineH
		c.add(kMark, "", (&emitter{layoutState: &layoutState{}}).styleRect(styles[i], k.x, top+1.5, swatchW-2, lineH-4.5, false))
		c.add(kText, "", layout.Text{X: k.x + swatchW + 2, Y: top + m.Ascent(sans, smallSize) + 0.5, Text: k.title, Font: sans, Size: smallSize, Color: ink, W: m.Width(k.title, sans, smallSize)})
	}
	return c, nil
}

func float64Pt(n int) layout.Pt { return layout.Pt(n) }

func gridLines(ticks []chart.Tick) []chart.GridLine {
	var out []chart.GridLine
	for _, t := range ticks[1:] {
		out = append(out, chart.GridLine{Value: t.Value})
	}
	return out
}

// keyItem is one entry of a track key: its swatch's x, its row and its
// (possibly shortened) title.
type keyItem struct {
	x     layout.Pt
	row   int
	title string
}

// flowTrackKey lays the key of tracks out in rows within [x, x+w]: a
// swatch and the track's title each, wrapping to a new row when the next
// would pass the right edge. It returns the entries, the height of a row
// and the key's whole height.
func flowTrackKey(tracks []*content.Track, x, w layout.Pt, m layout.Measurer) (keys []keyItem, lineH, keyH layout.Pt) {
	kx, krow := x, 0
	lineH = m.Ascent(sans, smallSize) + m.Descent(sans, smallSize) + 3
	for _, tr := range tracks {
		title := ellipsize(tr.Title, w-swatchW-4, sans, smallSize, m)
		iw := swatchW + 4 + m.Width(title, sans, smallSize)
		if kx > x && kx+iw > x+w {
			kx, krow = x, krow+1
		}
		keys = append(keys, keyItem{kx, krow, title})
		kx += iw + legendGap
	}
	return keys, lineH, layout.Pt(krow+1) * lineH
}
