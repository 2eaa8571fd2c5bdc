package charts

import (
	"testing"

	"annalist/content"
	"annalist/layout"
)

// TestHonestMarks: each mark says what its date says and no more, on the
// display list (issue 11):
//   - a date known to the day is a diamond;
//   - a date known only to its month or season is its whole range, a
//     line with end ticks over exactly those days, and no diamond (a
//     point would claim a day the sources do not give);
//   - an event dated only at its end ("../1920-11-16": by 16 November) is
//     a diamond at that end with a short lead to the left, and no bar:
//     nothing runs from the axis edge that could be read as a duration;
//   - so is one dated only at its start, its lead to the right.
func TestHonestMarks(t *testing.T) {
	doc := caspian(t)
	add := func(id, date string) {
		e := &content.Event{ID: id, Track: "gilan", Title: id, Date: mustDate(t, date)}
		doc.Events = append(doc.Events, e)
		doc.EventByID[id] = e
	}
	add("day", "1920-08-10")
	add("month", "1920-07")
	add("spring", "1921-21")
	add("by", "../1920-11-16")
	add("from", "1921-03-01/..")
	add("bythen", "/1921-06")
	tl := &Timeline{Doc: doc, Dests: true}
	c := layoutChecked(t, "honest", tl, 760, 420, &counter{})
	s, err := tl.fitState(20, 30, 760, 420, fixed{}, &counter{})
	if err != nil {
		t.Fatal(err)
	}
	X := func(d string) layout.Pt {
		f, _, _ := mustDate(t, d).Start.Span()
		return s.sc.X(float64(f))
	}
	type drawn struct {
		diamonds, bars int
		rules          []layout.Rule
		heads          []layout.Path // arrowheads of leads
	}
	of := map[string]*drawn{}
	for i, it := range c.items {
		if c.kinds[i] != kMark {
			continue
		}
		d := of[c.owners[i]]
		if d == nil {
			d = &drawn{}
			of[c.owners[i]] = d
		}
		switch v := it.(type) {
		case layout.Path:
			if len(v.Ops) == 5 { // M L L L Z: a diamond
				d.diamonds++
			} else if len(v.Ops) == 4 {
				d.heads = append(d.heads, v)
			}
		case layout.Rect:
			if v.Fill != nil {
				d.bars++
			}
		case layout.Rule:
			d.rules = append(d.rules, v)
		}
	}
	near := func(a, b layout.Pt) bool { return a-b < 0.6 && b-a < 0.6 }
	if d := of["day"]; d == nil || d.diamonds != 1 || len(d.rules) != 0 {
		t.Errorf("a day: %+v, want one diamond alone", d)
	}
	for _, tt := range []struct{ id, from, to string }{{"month", "1920-07-01", "1920-08-01"}, {"spring", "1921-03-01", "1921-06-01"}} {
		d := of[tt.id]
		if d == nil || d.diamonds != 0 || d.bars != 0 || len(d.rules) != 3 {
			t.Errorf("%s: %+v, want a line and two end ticks, no diamond, no bar", tt.id, d)
			continue
		}
		if line := d.rules[0]; !near(line.X1, X(tt.from)) || !near(line.X2, X(tt.to)) {
			t.Errorf("%s: its range %.1f-%.1f, want exactly %s to %s (%.1f-%.1f)", tt.id, line.X1, line.X2, tt.from, tt.to, X(tt.from), X(tt.to))
		}
	}
	for _, tt := range []struct {
		id    string
		left  bool
		solid bool // open ("..") has a solid head; unknown an outlined one
	}{{"by", true, true}, {"from", false, true}, {"bythen", true, false}} {
		d := of[tt.id]
		if d == nil || d.bars != 0 || len(d.heads) != 1 {
			t.Errorf("%s: %+v, want a mark and one lead, no bar", tt.id, d)
			continue
		}
		var lead layout.Rule
		for _, r := range d.rules {
			if r.Dash != nil && r.Y1 == r.Y2 {
				lead = r
			}
		}
		if w := lead.X2 - lead.X1; w < -leadLen || w > leadLen || w == 0 {
			t.Errorf("%s: lead %.1f pt long, want a short one (at most %.0f)", tt.id, w, leadLen)
		}
		if tt.left != (lead.X2 < lead.X1) {
			t.Errorf("%s: lead %+v points the wrong way", tt.id, lead)
		}
		if h := d.heads[0]; (h.Fill != nil && *h.Fill != layout.White) != tt.solid {
			t.Errorf("%s: arrowhead fill %v, want solid %v", tt.id, h.Fill, tt.solid)
		}
	}
	if d := of["bythen"]; d != nil && d.diamonds != 0 {
		t.Errorf("bythen (by June 1921): %d diamonds, want its month's range", d.diamonds)
	}
}
