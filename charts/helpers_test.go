package charts

import (
	"fmt"
	"testing"

	"annalist/content"
	"annalist/layout"
)

// fixed is the test Measurer: every rune is half the font size wide,
// ascent 0.8 and descent 0.2 of the size, so every position is exact.
type fixed struct{}

func (fixed) Width(s string, f layout.Font, size layout.Pt) layout.Pt {
	return layout.Pt(len([]rune(s))) * size * 0.5
}
func (fixed) Ascent(f layout.Font, size layout.Pt) layout.Pt  { return size * 0.8 }
func (fixed) Descent(f layout.Font, size layout.Pt) layout.Pt { return size * 0.2 }

// counter numbers notes in the order they are cited.
type counter struct {
	n     int
	cites [][]content.Cite
}

func (c *counter) Cite(cites []content.Cite) int {
	c.n++
	c.cites = append(c.cites, cites)
	return c.n
}

func mustDate(t testing.TB, s string) content.Date {
	t.Helper()
	d, err := content.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func mustPoint(t testing.TB, s string) *content.Point {
	d := mustDate(t, s)
	return &d.Start
}

// newDoc builds a validated-looking document from tracks and events,
// filling the lookup tables the loader would fill.
func newDoc(tracks []*content.Track, events []*content.Event, eras ...*content.Era) *content.Document {
	doc := &content.Document{Title: "Test", Tracks: tracks, Events: events, Eras: eras,
		TrackByID: map[string]*content.Track{}, EventByID: map[string]*content.Event{}}
	for _, tr := range tracks {
		doc.TrackByID[tr.ID] = tr
	}
	for _, e := range events {
		doc.EventByID[e.ID] = e
	}
	return doc
}

// caspian is a small hand-written document with every feature the chart
// draws: three tracks, spans and points, approximate, uncertain, month
// precision, an open interval, disputed ends, an era, relations and a
// detail window.
func caspian(t testing.TB) *content.Document {
	cite := func(src, loc string) []content.Cite { return []content.Cite{{Source: src, Locator: loc}} }
	ev := func(id, track, title, date string, c []content.Cite) *content.Event {
		return &content.Event{ID: id, Track: track, Title: title, Date: mustDate(t, date), Cite: c}
	}
	tracks := []*content.Track{
		{ID: "gilan", Title: "The Gilan republic"},
		{ID: "azerbaijan", Title: "The sovietization of Azerbaijan"},
		{ID: "turkish-soviet", Title: "Turkish-Soviet contacts"},
	}
	enzeli := ev("enzeli-landing", "gilan", "Soviet landing at Enzeli", "1920-05-18", cite("russia-beyond", "para. 4"))
	enzeli.Milestone = true
	rep := ev("gilan-republic", "gilan", "Soviet Socialist Republic of Iran", "1920-06-05/1921-09", cite("atabaki2017", "para. 3"))
	rep.Versions = []content.Version{
		{End: mustPoint(t, "1921-09"), Source: "atabaki2017", Locator: "para. 9"},
		{End: mustPoint(t, "1921-11"), Source: "russia-beyond", Locator: "para. 12"},
	}
	rasht := ev("rasht-coup", "gilan", "Coup in Rasht", "1920-07-31~", cite("atabaki2017", "para. 6"))
	jangal := ev("jangali-movement", "gilan", "Jangali movement", "../1921-12", cite("atabaki2017", "para. 1"))
	jangal.Context = true
	baku := ev("baku-falls", "azerbaijan", "Red Army enters Baku", "1920-04-27/1920-04-28", cite("swietochowski", "p. 176"))
	baku.Related = []content.Relation{{Event: "enzeli-landing", Kind: "causes"}}
	ganja := ev("ganja-revolt", "azerbaijan", "Ganja revolt", "1920-05-25/1920-06?", cite("swietochowski", "p. 180"))
	azssr := ev("azssr", "azerbaijan", "Azerbaijan SSR", "1920-04-28/..", nil)
	treaty := ev("moscow-treaty", "turkish-soviet", "Treaty of Moscow", "1921-03-16", cite("gokay", "p. 95"))
	mission := ev("bekir-sami", "turkish-soviet", "Bekir Sami mission to Moscow", "1920-07/1920-09", cite("gokay", "p. 80"))
	treaty.Related = []content.Relation{{Event: "bekir-sami", Kind: "follows"}}
	kars := ev("kars-treaty", "turkish-soviet", "Treaty of Kars", "1921-10-13", cite("gokay", "p. 120"))
	kars.Related = []content.Relation{{Event: "moscow-treaty", Kind: "follows"}}
	events := []*content.Event{jangal, enzeli, rep, rasht, baku, ganja, azssr, mission, treaty, kars}
	era := &content.Era{ID: "ssr-iran", Title: "Soviet Socialist Republic of Iran", Date: mustDate(t, "1920-06/1921-09")}
	doc := newDoc(tracks, events, era)
	doc.Details = []*content.Detail{{Title: "April-June 1920: Baku and Enzeli", Date: mustDate(t, "1920-04/1920-06")}}
	return doc
}

// crowded returns a document whose one lane holds n events in one month.
func crowded(t testing.TB, n int) *content.Document {
	tracks := []*content.Track{{ID: "a", Title: "Crowded"}, {ID: "b", Title: "Quiet"}}
	var evs []*content.Event
	for i := 0; i < n; i++ {
		d := fmt.Sprintf("1920-05-%02d", 1+i%30)
		if i%3 == 0 {
			d += "/1920-05-" + fmt.Sprintf("%02d", min(31, 3+i%30))
		}
		evs = append(evs, &content.Event{ID: fmt.Sprintf("e%d", i), Track: "a", Title: fmt.Sprintf("Event number %d of the crowded month", i),
			Date: mustDate(t, d), Cite: []content.Cite{{Source: "s"}}})
	}
	evs = append(evs, &content.Event{ID: "q", Track: "b", Title: "Quiet event", Date: mustDate(t, "1920-04/1920-07")})
	return newDoc(tracks, evs)
}

// planTimelines is Plan without its source coverage figure: the
// timeline blocks, for tests of how the time is split into pages.
func planTimelines(doc *content.Document, box layout.Size, m layout.Measurer) ([]layout.Block, error) {
	blocks, err := Plan(doc, box, m)
	var out []layout.Block
	for _, b := range blocks {
		if _, ok := b.(*SourceCoverage); !ok {
			out = append(out, b)
		}
	}
	return out, err
}
