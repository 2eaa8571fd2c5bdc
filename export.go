package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"annalist/content"
)

// tlOutDate is a TimelineJS date as its JSON format gives one: parts as
// numbers, those the date does not know left out, and the date as the
// handout prints it in display_date when TimelineJS could not show it
// truthfully (approximate, uncertain, a season, a decade).
type tlOutDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tlOutText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type tlOutSlide struct {
	Start       *tlOutDate `json:"start_date,omitempty"`
	End         *tlOutDate `json:"end_date,omitempty"`
	Text        tlOutText  `json:"text"`
	Group       string     `json:"group,omitempty"`
	DisplayDate string     `json:"display_date,omitempty"`
	UniqueID    string     `json:"unique_id,omitempty"`
}

type tlOut struct {
	Title  *tlOutSlide  `json:"title,omitempty"`
	Events []tlOutSlide `json:"events"`
	Eras   []tlOutSlide `json:"eras,omitempty"`
}

// tlPoint is one end of a date for TimelineJS, ok false for an open or
// unknown end, which TimelineJS has no way to say.
func tlPoint(p content.Point) (*tlOutDate, bool) {
	if !p.Known() {
		return nil, false
	}
	d := &tlOutDate{Year: p.Year}
	if p.Precision >= content.PrecisionMonth && !p.IsSeason() && !p.UnspecifiedMonth {
		d.Month = p.Month
		if p.Precision >= content.PrecisionDay && !p.UnspecifiedDay {
			d.Day = p.Day
		}
	}
	if p.Approximate || p.Uncertain || p.IsSeason() || p.UnspecifiedYearDigits > 0 {
		d.DisplayDate = p.String()
	}
	return d, true
}

// exportTimelineJS writes doc as TimelineJS JSON: its tracks as groups,
// its events and eras with their dates and summaries, each event's
// sources as a line of notes under its text (formatted as the handout's
// full notes are), and the date as the handout prints it wherever
// TimelineJS's own display would say more than the sources ("c. May
// 1920", "by 16 November 1920", "spring 1920").
func exportTimelineJS(doc *content.Document, w io.Writer) error {
	out := tlOut{Title: &tlOutSlide{Text: tlOutText{Headline: doc.Title, Text: doc.Subtitle}}}
	citer := content.NewCiter(doc, content.CiteOptions{ShortIbid: true})
	noteText := func(cites []content.Cite) string {
		var parts []string
		for _, c := range cites {
			var b strings.Builder
			for _, s := range citer.Note([]content.Cite{c}) {
				b.WriteString(s.Text)
			}
			parts = append(parts, b.String())
		}
		return strings.Join(parts, " ")
	}
	slide := func(d content.Date) (start, end *tlOutDate, display string, ok bool) {
		s, sok := tlPoint(d.Start)
		var e *tlOutDate
		eok := false
		if d.Interval {
			e, eok = tlPoint(d.End)
		}
		switch {
		case sok:
			start = s
			if eok {
				end = e
			}
		case eok:
			start = e // "by 16 November 1920": TimelineJS places it at its end
		default:
			return nil, nil, "", false
		}
		if d.Interval && (!sok || !eok) || d.Qualified() {
			display = d.String()
		}
		return start, end, display, true
	}
	trackTitle := map[string]string{}
	for _, t := range doc.Tracks {
		trackTitle[t.ID] = t.Title
	}
	for _, ev := range doc.Events {
		start, end, display, ok := slide(ev.Date)
		if !ok {
			continue
		}
		text := ev.Summary
		if n := noteText(ev.Cite); n != "" {
			if text != "" {
				text += " "
			}
			text += "Sources: " + n
		}
		out.Events = append(out.Events, tlOutSlide{Start: start, End: end, DisplayDate: display, UniqueID: ev.ID,
			Text: tlOutText{Headline: ev.Title, Text: text}, Group: trackTitle[ev.Track]})
	}
	for _, era := range doc.Eras {
		start, end, _, ok := slide(era.Date)
		if !ok || end == nil {
			continue // TimelineJS's eras need both ends
		}
		out.Eras = append(out.Eras, tlOutSlide{Start: start, End: end, Text: tlOutText{Headline: era.Title}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// runExport is `annalist export --timelinejs [FILE] [-o PATH.json]`.
func runExport(o options, stdout, stderr io.Writer) error {
	doc, name, err := load(o, stderr)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := exportTimelineJS(doc, &b); err != nil {
		return err
	}
	path := outPath(o, name+"-timelinejs", ".json")
	if path == "-" {
		_, err := io.WriteString(stdout, b.String())
		return err
	}
	if len(o.files) > 0 {
		if err := refuseInputAsOutput(o.files[0], doc, path); err != nil {
			return err
		}
	}
	if err := writeAtomic(path, []byte(b.String())); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "wrote %s (%s for TimelineJS)\n", path, plural(strings.Count(b.String(), `"unique_id"`), "event"))
	return err
}
