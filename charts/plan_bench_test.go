package charts

import (
	"fmt"
	"testing"

	"annalist/content"
	"annalist/internal/synth"
	"annalist/layout"
)

// BenchmarkPlan is the chart's planning alone (Plan: the windows, the
// detail figures, the coverage figure) for synthetic handouts of 400,
// 2,000 events on 8 tracks and 10,000 on 16, in the A4 figure box less the
// room a third of it takes for notes. The README reports it. (A handout
// holds at most content.MaxEvents; the planner is measured past it, as
// the issue asks, with two synthetic handouts merged.)
func BenchmarkPlan(b *testing.B) {
	m := layout.NewMeasurer()
	box := layout.Size{W: 762, H: 370}
	for _, n := range []int{400, 2000, 10000} {
		doc, err := synthDoc(n)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			var blocks []layout.Block
			for b.Loop() {
				if blocks, err = Plan(doc, box, m); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(blocks)), "figures")
		})
	}
}

// synthDoc is a synthetic document of n events: one synthetic handout
// on 8 tracks up to content.MaxEvents, else two merged, the second's
// events and tracks renamed (16 tracks).
func synthDoc(n int) (*content.Document, error) {
	if n <= content.MaxEvents {
		return synth.Load(synth.Config{Seed: 1, Events: n, Tracks: 8})
	}
	a, err := synth.Load(synth.Config{Seed: 1, Events: n / 2, Tracks: 8})
	if err != nil {
		return nil, err
	}
	b, err := synth.Load(synth.Config{Seed: 2, Events: n - n/2, Tracks: 8})
	if err != nil {
		return nil, err
	}
	for _, tr := range b.Tracks {
		t2 := *tr
		t2.ID = "b-" + tr.ID
		a.Tracks = append(a.Tracks, &t2)
		a.TrackByID[t2.ID] = &t2
	}
	for _, e := range b.Events {
		e2 := *e
		e2.ID, e2.Track = "b-"+e.ID, "b-"+e.Track
		e2.Related = nil
		for _, r := range e.Related {
			r.Event = "b-" + r.Event
			e2.Related = append(e2.Related, r)
		}
		a.Events = append(a.Events, &e2)
		a.EventByID[e2.ID] = &e2
	}
	return a, nil
}
