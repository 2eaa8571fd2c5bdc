// Package charts draws the timeline chart (our own geometry on our own
// calendar axis) and the go-chart figures (through a chart.Renderer that
// records vector layout items) into a box it is given. It knows nothing
// of pages beyond that box. It is the only package that imports go-chart;
// it imports layout and content, never fpdf or YAML.
//
// The timeline is built from parts that are each testable alone:
//
//   - scale.go: Scale maps day numbers (content.DayNumber) to x, linearly
//     or broken into segments (context far before or after the main
//     period compressed, each side its own segment past an axis break);
//     MakeAxis chooses calendar-aligned ticks (days, months, quarters,
//     years) whose labels fit, per segment, BCE-safe.
//   - pack.go: lane packing, the interval-graph greedy over footprints
//     that include each label's extent, with numbered callouts when a lane
//     must give up rows.
//   - timeline.go: marks (bars, diamonds, precision whiskers, tapers,
//     dashes, arrows, version ticks), label alternatives and the fit loop:
//     9 pt down to 7 pt, then callouts lane by lane, then dense clusters
//     as keyed summaries (a box with a tick per event, numbered in the
//     key); with Condense, a detail window's events as one summary
//     linked to the detail figure.
//   - emit.go: drawing, arrow routing through the gaps between rows, the
//     legend and the callout key.
//   - plan.go: Plan fits the whole span in one box if it can (plain,
//     condensed, grouped, in that order), else cuts the time into windows
//     that fit, plus the detail figures.
//   - style.go: track styles that stay apart in gray (pattern, luma).
//   - gochart.go, figures.go: the go-chart figures (activity strip,
//     source coverage) through the recording renderer.
//   - svg.go: WriteSVG, the same items as an SVG file.
//
// Invariants, checked by the tests and the fuzzer on every chart: no text
// overlaps another text, a mark or an arrow; nothing leaves the box; no
// text is set under MinTextSize (7 pt).
package charts
