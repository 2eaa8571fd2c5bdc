package charts

import (
	"errors"
	"fmt"
	"testing"

	"annalist/content"
	"annalist/layout"
)

// docFromBytes builds a document from fuzz input: a box size, then six
// bytes per event (track, start, length, precision and qualifiers,
// title length, relation).
func docFromBytes(t testing.TB, data []byte) (*content.Document, layout.Size) {
	size := layout.Size{W: 420, H: 300}
	if len(data) >= 2 {
		size = layout.Size{W: 300 + layout.Pt(data[0])*2, H: 220 + layout.Pt(data[1])*2}
		data = data[2:]
	}
	tracks := []*content.Track{{ID: "a", Title: "First strand"}, {ID: "b", Title: "A second strand with a long title"}, {ID: "c", Title: "Third"}}
	var evs []*content.Event
	for i := 0; i+6 <= len(data) && i < 6*120; i += 6 {
		b := data[i : i+6]
		start := content.DayNumber(1919, 1, 1) + int64(b[1])*4
		y, m, d := content.FromDayNumber(start)
		p := content.Point{Year: y, Month: m, Day: d, Precision: content.PrecisionDay}
		switch b[3] % 4 {
		case 1:
			p.Precision, p.Day = content.PrecisionMonth, 0
		case 2:
			p.Precision, p.Month, p.Day = content.PrecisionYear, 0, 0
		}
		p.Approximate = b[3]&4 != 0
		p.Uncertain = b[3]&8 != 0
		date := content.Date{Start: p, End: p}
		if b[2] > 100 {
			ey, em, ed := content.FromDayNumber(start + int64(b[2]-100)*3)
			date.Interval = true
			date.End = content.Point{Year: ey, Month: em, Day: ed, Precision: content.PrecisionDay, Approximate: b[3]&16 != 0}
			if b[3]&32 != 0 {
				date.End = content.Point{Open: true}
			}
		}
		ev := &content.Event{ID: fmt.Sprintf("e%d", i/6), Track: tracks[int(b[0])%3].ID, Date: date,
			Title:     "Event " + string(make([]byte, 0)) + fmt.Sprint(i/6) + " " + "abcdefghijklmnopqrstuvwxyz"[:int(b[4])%26],
			Milestone: b[3]&64 != 0}
		if b[5]%3 == 0 {
			ev.Cite = []content.Cite{{Source: "s", Locator: fmt.Sprint(i)}}
		}
		if b[5]%5 == 1 && i > 0 {
			ev.Related = []content.Relation{{Event: fmt.Sprintf("e%d", int(b[5])%(i/6)), Kind: "related"}}
		}
		if b[5]%7 == 2 {
			e := content.Point{Year: y + 1, Month: 1 + int(b[5])%12, Precision: content.PrecisionMonth}
			ev.Versions = []content.Version{{End: &e, Source: "v"}}
		}
		evs = append(evs, ev)
	}
	if len(evs) == 0 {
		evs = append(evs, &content.Event{ID: "only", Track: "a", Title: "Only", Date: mustDate(t, "1920-05-18")})
	}
	doc := newDoc(tracks, evs)
	doc.Details = []*content.Detail{{Title: "Spring 1919", Date: mustDate(t, "1919-03/1919-05")}}
	return doc, size
}

// FuzzTimeline checks that for any document the planner's blocks lay out
// without breaking an invariant: no overlaps, nothing off the box, no
// text under 7 pt.
func FuzzTimeline(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{10, 10, 0, 5, 120, 1, 7, 3, 1, 6, 0, 2, 20, 9, 2, 7, 101, 3, 30, 0})
	f.Add([]byte{0, 0, 0, 1, 200, 4, 25, 2, 1, 1, 150, 36, 12, 7, 2, 1, 1, 8, 3, 14, 0, 3, 0, 1, 1, 2, 9, 64, 5, 16})
	dense := []byte{50, 50}
	for i := 0; i < 60; i++ {
		dense = append(dense, byte(i%3), byte(i%7), byte(90+i%40), byte(i), byte(i*7), byte(i*11))
	}
	f.Add(dense)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, size := docFromBytes(t, data)
		blocks, err := planTimelines(doc, size, fixed{})
		if err != nil {
			if errors.Is(err, ErrTooCrowded) {
				return
			}
			t.Fatal(err)
		}
		for i, b := range blocks {
			tl := b.(*Timeline)
			c, err := tl.draw(0, 0, size.W, size.H, fixed{}, &counter{})
			if err != nil {
				t.Fatalf("block %d: Plan said it fits, Layout says %v", i, err)
			}
			for _, e := range checkCanvas(c, box{0, 0, size.W, size.H}, fixed{}) {
				t.Errorf("block %d: %s", i, e)
			}
		}
	})
}
