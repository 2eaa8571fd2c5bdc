package layout

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// fixedMeasurer gives every character (spaces included) half the font
// size in width: 5pt at 10pt; ascent 0.8 and descent 0.2 of the size.
type fixedMeasurer struct{}

func (fixedMeasurer) Width(s string, f Font, size Pt) Pt {
	return Pt(len([]rune(s))) * size / 2
}
func (fixedMeasurer) Ascent(f Font, size Pt) Pt  { return 0.8 * size }
func (fixedMeasurer) Descent(f Font, size Pt) Pt { return 0.2 * size }

var serif = Font{Family: "serif"}

// runs builds runs from text where "^N" is note marker N.
func runs(text string, size Pt) []Run {
	var rs []Run
	for len(text) > 0 {
		i := strings.IndexByte(text, '^')
		if i < 0 {
			rs = append(rs, Run{Text: text, Font: serif, Size: size})
			break
		}
		if i > 0 {
			rs = append(rs, Run{Text: text[:i], Font: serif, Size: size})
		}
		j := i + 1
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		var n int
		fmt.Sscan(text[i+1:j], &n)
		rs = append(rs, Run{Note: n, Font: serif, Size: size})
		text = text[j:]
	}
	return rs
}

func bodyNotes(text string) Para {
	return Para{Kind: Body, Runs: runs(text, 10), Leading: 12}
}

func note(n int, text string) *Note {
	return &Note{Number: n, Paras: []Para{{Kind: NoteText, Runs: runs(text, 8), Leading: 10}}}
}

var words = strings.Fields(`the of and a to in was that it with for as on by at from his they were which this had but
not be are or revolution republic soviet government commissar council army navy port city oil workers party congress
Baku Enzeli Rasht Moscow Ankara Tehran delegation treaty recognition independence assembly committee troops landing
cabinet ministers nationalist movement negotiation agreement declaration provisional proclamation leadership`)

// prose makes n words of deterministic pseudo-prose.
func prose(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := words[r.IntN(len(words))]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

// smallFrame is a 200×160pt page with 20pt margins: 160pt of text width
// (32 characters at 10pt) and 120pt of height (10 lines at 12pt).
var smallFrame = Frame{Size: Size{W: 200, H: 160}, Top: 20, Bottom: 20, Left: 20, Right: 20,
	NoteGap: 6, NoteSpacing: 2, ContinuedLabel: "(continued)"}
