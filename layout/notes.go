package layout

import (
	"strings"

	"annalist/content"
)

// CitationFormatter formats the document's notes in sequence and, at the
// end, its bibliography. *content.Citer (Chicago notes-bibliography) is
// the one Build uses unless Options.Citer names another.
type CitationFormatter interface {
	// Note formats the next note of the sequence; it must be called in
	// note order, because the form (full, short, Ibid.) depends on the
	// notes before.
	Note(cites []content.Cite) []content.Span
	// Inline formats the next citation of the sequence set within a
	// sentence (in an author's note): lower case, no closing period.
	Inline(cites []content.Cite) []content.Span
	// Bibliography returns the entries of every source cited so far.
	Bibliography() [][]content.Span
}

// Origin says which part of the handout registered a note; the chronology
// looks up the numbers the chart gave an event's sources.
type Origin uint8

// Origins, in the order the notes are numbered.
const (
	FromChart Origin = iota
	FromText
	FromChronology
)

// notePiece is one piece of an author's note: a run of text, or a
// citation set inline (formatted when the notes are formatted, in
// sequence, so "Ibid." stays right).
type notePiece struct {
	run   Run
	cites []content.Cite
	// lead marks a citation that opens the note it shares with the
	// author's text: set as a whole citation note is, with its period.
	lead bool
	// inText marks an in-text citation (@key): set inline without
	// parentheses, since it names the author where the text would.
	inText bool
}

// authorPara is one paragraph of an author's note.
type authorPara []notePiece

type noteEntry struct {
	origin Origin
	cites  []content.Cite // a citation note
	author []authorPara   // an author's note ([^x] in the narrative)
}

// NoteSeq is the document's one footnote sequence, shared by the chart
// pages, the narrative and the chronology. Notes are numbered by first
// reference: whoever registers a note first gets the next number. The
// text of every note is formatted only once all are registered (Format),
// because the citation style depends on the order of the whole sequence.
//
// NoteSeq implements Notes. Its Origin field says who is registering now
// (Build switches it as it goes from chart to text to chronology).
type NoteSeq struct {
	Origin  Origin
	entries []noteEntry
}

// Cite registers a citation note and returns its number (from 1).
func (s *NoteSeq) Cite(cites []content.Cite) int {
	s.entries = append(s.entries, noteEntry{origin: s.Origin, cites: append([]content.Cite(nil), cites...)})
	return len(s.entries)
}

// author registers an author's note and returns its number.
func (s *NoteSeq) author(paras []authorPara) int {
	s.entries = append(s.entries, noteEntry{origin: s.Origin, author: paras})
	return len(s.entries)
}

// Len is the number of notes registered so far.
func (s *NoteSeq) Len() int { return len(s.entries) }

// EventNotes returns the numbers of the chart's notes for event e, in
// order: those citing exactly the event's citations, or exactly one of
// its versions' sources. The chart registers an event's sources through
// Notes.Cite, which does not name the event, so the match is on the
// citations themselves; two events citing exactly the same share notes,
// which do support both.
func (s *NoteSeq) EventNotes(e *content.Event) []int {
	versions := map[string]bool{}
	for _, v := range e.Versions {
		versions[citeKey(v.Source, v.Locator)] = true
	}
	var nums []int
	seen := map[string]bool{} // a figure split into windows cites an event in each: list the first
	for i, en := range s.entries {
		if en.origin != FromChart || len(en.cites) == 0 {
			continue
		}
		if sameCites(en.cites, e.Cite) || len(en.cites) == 1 && versions[citeKey(en.cites[0].Source, en.cites[0].Locator)] {
			var k strings.Builder
			for _, c := range en.cites {
				k.WriteString(citeKey(c.Source, c.Locator) + "\x01")
			}
			if !seen[k.String()] {
				seen[k.String()] = true
				nums = append(nums, i+1)
			}
		}
	}
	return nums
}

func sameCites(a, b []content.Cite) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Source != b[i].Source || a[i].Locator != b[i].Locator || a[i].Prefix != b[i].Prefix || a[i].Suffix != b[i].Suffix {
			return false
		}
	}
	return true
}

func citeKey(src, loc string) string { return src + "\x00" + loc }

// Format formats every registered note, in number order, with f, and
// returns them by number. Note text is set in the note style st.
func (s *NoteSeq) Format(f CitationFormatter, st *Style) map[int]*Note {
	out := make(map[int]*Note, len(s.entries))
	for i, en := range s.entries {
		n := &Note{Number: i + 1}
		if en.author == nil {
			n.Paras = []Para{st.notePara(mergeRuns(spanRuns(f.Note(en.cites), st)))}
		} else {
			for _, ap := range en.author {
				var runs []Run
				for _, p := range ap {
					if p.cites == nil {
						r := p.run
						r.Text = digitDashes(r.Text)
						runs = append(runs, r)
						continue
					}
					// A citation inside an author's note is set in
					// parentheses, without the closing period the
					// formatter gives a whole note, and "ibid." in lower
					// case, so that the author's sentence can go on.
					if p.lead {
						runs = append(runs, spanRuns(f.Note(p.cites), st)...)
						continue
					}
					rs := spanRuns(f.Inline(p.cites), st)
					if len(rs) > 0 && !p.inText {
						open, cls := rs[0], rs[len(rs)-1]
						open.Text, open.Font.Style, open.Link = "(", Regular, ""
						cls.Text, cls.Font.Style, cls.Link = ")", Regular, ""
						rs = append(append([]Run{open}, rs...), cls)
					}
					runs = append(runs, rs...)
				}
				n.Paras = append(n.Paras, st.notePara(mergeRuns(trimRuns(runs))))
			}
		}
		out[n.Number] = n
	}
	return out
}

// spanRuns turns formatted citation text into runs in the note style.
func spanRuns(spans []content.Span, st *Style) []Run {
	return spanRunsAt(spans, st, st.NoteSize)
}

// spanRunsAt turns formatted citation text into runs of size size: the
// notes' and the bibliography's one converter.
func spanRunsAt(spans []content.Span, st *Style, size Pt) []Run {
	runs := make([]Run, 0, len(spans))
	for _, sp := range spans {
		r := Run{Text: sp.Text, Font: Font{Family: st.Family, Style: Regular}, Size: size, Color: Black, Link: sp.URL}
		switch {
		case sp.Italic && sp.Bold:
			r.Font.Style = BoldItalic
		case sp.Italic:
			r.Font.Style = Italic
		case sp.Bold:
			r.Font.Style = Bold
		}
		runs = append(runs, r)
	}
	return runs
}
