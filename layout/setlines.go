package layout

import (
	"strings"
	"unicode/utf8"
)

// This file sets short ragged text for the page furniture: table cells,
// the title page, contents lines, notes on chart and chronology pages.
// Body text goes through the engine (Flow); these are places where the
// text is set into a fixed box, where greedy ragged lines are what a
// typesetter would use anyway.

type piece struct {
	run  Run
	text string
	w    Pt
}

type word struct {
	pieces []piece
	w      Pt
	space  Pt // width of the space before it, in its first piece's font
}

// splitWords splits runs into words at spaces; a word may change style
// within itself ("Pravda," in italics, then the comma).
func splitWords(runs []Run, m Measurer) []word {
	var out []word
	var cur word
	spaceBefore := false
	flush := func() {
		if len(cur.pieces) > 0 {
			out = append(out, cur)
		}
		cur = word{}
	}
	for _, r := range runs {
		if r.Note > 0 {
			continue
		}
		var b strings.Builder
		emit := func() {
			if b.Len() == 0 {
				return
			}
			t := b.String()
			if len(cur.pieces) == 0 && len(out) > 0 || spaceBefore {
				cur.space = m.Width(" ", r.Font, r.Size)
			}
			spaceBefore = false
			p := piece{run: r, text: t, w: m.Width(t, r.Font, r.Size)}
			cur.pieces = append(cur.pieces, p)
			cur.w += p.w
			b.Reset()
		}
		for _, ch := range r.Text {
			if ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f' {
				emit()
				flush()
				spaceBefore = true
				continue
			}
			b.WriteRune(ch)
		}
		emit()
	}
	flush()
	return out
}

// splitLong breaks a word wider than w after one of urlBreaks or, failing
// those, anywhere, so a long URL never runs out of its box.
func splitLong(wd word, w Pt, m Measurer) []word {
	var out []word
	for wd.w > w {
		// Find the longest prefix of pieces' text that fits.
		var head word
		head.space = wd.space
		rest := word{}
		used := Pt(0)
		done := false
		for pi, p := range wd.pieces {
			if done {
				rest.pieces = append(rest.pieces, p)
				rest.w += p.w
				continue
			}
			if used+p.w <= w {
				head.pieces = append(head.pieces, p)
				used += p.w
				continue
			}
			// Split inside p.
			cut, good := 0, 0
			for i := range p.text {
				if i == 0 {
					continue
				}
				if used+m.Width(p.text[:i], p.run.Font, p.run.Size) > w {
					break
				}
				cut = i
				if strings.ContainsRune(urlBreaks, rune(p.text[i-1])) {
					good = i
				}
			}
			if good > 0 {
				cut = good
			}
			if cut == 0 && len(head.pieces) == 0 {
				_, sz := utf8.DecodeRuneInString(p.text)
				cut = sz
			}
			if cut > 0 {
				a := piece{run: p.run, text: p.text[:cut], w: m.Width(p.text[:cut], p.run.Font, p.run.Size)}
				head.pieces = append(head.pieces, a)
				used += a.w
			}
			if cut < len(p.text) {
				b := piece{run: p.run, text: p.text[cut:], w: m.Width(p.text[cut:], p.run.Font, p.run.Size)}
				rest.pieces = append(rest.pieces, b)
				rest.w += b.w
			}
			for _, q := range wd.pieces[pi+1:] {
				rest.pieces = append(rest.pieces, q)
				rest.w += q.w
			}
			done = true
			break
		}
		head.w = used
		out = append(out, head)
		if len(rest.pieces) == 0 {
			return out
		}
		wd = rest
	}
	return append(out, wd)
}

// setLines sets runs as ragged lines no wider than w, the first baseline
// at y, and returns the items and the number of lines. align is Left,
// Center or Right (Justify is set Left: these are short texts).
func setLines(runs []Run, x, y, w, leading Pt, align Align, m Measurer) ([]Item, int) {
	var lines [][]word
	var line []word
	lw := Pt(0)
	for _, wd := range splitWords(runs, m) {
		parts := []word{wd}
		if wd.w > w {
			parts = splitLong(wd, w, m)
		}
		for pi, p := range parts {
			if pi > 0 {
				p.space = 0
			}
			if len(line) > 0 && lw+p.space+p.w > w {
				lines = append(lines, line)
				line, lw = nil, 0
			}
			if len(line) == 0 {
				p.space = 0
				p = trimLead(p, m)
			}
			line = append(line, p)
			lw += p.space + p.w
		}
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	var items []Item
	for i, ln := range lines {
		total := Pt(0)
		for _, wd := range ln {
			total += wd.space + wd.w
		}
		cx := x
		switch align {
		case Center:
			cx = x + (w-total)/2
		case Right:
			cx = x + w - total
		}
		by := y + Pt(i)*leading
		// Pieces of one style run together with their spaces into one
		// Text, so the PDF's text copies out as words and lines.
		var cur *Text
		var curRun Run
		flush := func() {
			if cur == nil {
				return
			}
			items = append(items, *cur)
			if curRun.Link != "" {
				items = append(items, linkItem(curRun.Link, cur.X, by-curRun.Size*0.8, cur.W, curRun.Size))
			}
			cur = nil
		}
		for _, wd := range ln {
			for k, p := range wd.pieces {
				sp := Pt(0)
				if k == 0 {
					sp = wd.space
				}
				if p.run.Dest != "" {
					items = append(items, Dest{Name: p.run.Dest, X: cx + sp, Y: by - p.run.Size})
				}
				same := cur != nil && p.run.Font == curRun.Font && p.run.Size == curRun.Size && p.run.Color == curRun.Color && p.run.Link == curRun.Link
				if same {
					if sp > 0 {
						cur.Text += " "
					}
					cur.Text += p.text
					cur.W = cx + sp + p.w - cur.X
				} else {
					flush()
					cur = &Text{X: cx + sp, Y: by, Text: p.text, Font: p.run.Font, Size: p.run.Size, Color: p.run.Color, W: p.w}
					curRun = p.run
				}
				cx += sp + p.w
			}
		}
		flush()
	}
	return items, len(lines)
}

// linkItem makes a clickable area; a target with a scheme is a URL.
func linkItem(target string, x, y, w, h Pt) Link {
	if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
		return Link{X: x, Y: y, W: w, H: h, URL: target}
	}
	return Link{X: x, Y: y, W: w, H: h, Dest: target}
}

// trimLead drops the fixed spaces (en, em) that separate run-in notes
// from the start of a line, where they would only indent it.
func trimLead(wd word, m Measurer) word {
	if len(wd.pieces) == 0 {
		return wd
	}
	p := wd.pieces[0]
	t := strings.TrimLeft(p.text, "\u2002\u2003")
	if t == p.text {
		return wd
	}
	if t == "" {
		if len(wd.pieces) == 1 {
			return wd
		}
		wd.w -= p.w
		wd.pieces = wd.pieces[1:]
		return wd
	}
	pieces := append([]piece(nil), wd.pieces...)
	nw := m.Width(t, p.run.Font, p.run.Size)
	wd.w += nw - p.w
	pieces[0] = piece{run: p.run, text: t, w: nw}
	wd.pieces = pieces
	return wd
}
