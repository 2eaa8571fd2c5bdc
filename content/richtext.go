package content

import (
	"regexp"
	"strings"
)

// Rich text in titles. CSL-JSON marks it with a few HTML tags (<i>, <b>,
// <sup>, <sub>, small caps, nocase), BibLaTeX with \emph and \textit; a
// title keeps it as these private-use characters, which headline style
// and the title rules pass over as they do punctuation, and the citation
// builder turns into italic and bold spans. Nothing prints a tag.
const (
	markItalicOn  = '\uE010'
	markItalicOff = '\uE011'
	markBoldOn    = '\uE012'
	markBoldOff   = '\uE013'
)

var (
	cslTagRE    = regexp.MustCompile(`(?i)<(/?)(i|b|sup|sub|span)(\s[^>]*)?>`)
	cslNocaseRE = regexp.MustCompile(`(?i)<span class="nocase">(.*?)</span>`)
)

// cslRichText turns CSL-JSON's markup in s into marks, and returns the
// words of its nocase spans, which headline style leaves as written.
// Superscript, subscript and small caps are set as plain text.
func cslRichText(s string) (string, []string) {
	if !strings.Contains(s, "<") {
		return s, nil
	}
	var keep []string
	s = cslNocaseRE.ReplaceAllStringFunc(s, func(m string) string {
		inner := cslNocaseRE.FindStringSubmatch(m)[1]
		keep = append(keep, strings.Fields(stripMarks(cslTagRE.ReplaceAllString(inner, "")))...)
		return inner
	})
	s = cslTagRE.ReplaceAllStringFunc(s, func(m string) string {
		g := cslTagRE.FindStringSubmatch(m)
		closing, tag := g[1] == "/", strings.ToLower(g[2])
		switch {
		case tag == "i" && !closing:
			return string(markItalicOn)
		case tag == "i":
			return string(markItalicOff)
		case tag == "b" && !closing:
			return string(markBoldOn)
		case tag == "b":
			return string(markBoldOff)
		}
		return ""
	})
	return s, keep
}

// PlainText is a source's field without its rich-text marks: the
// characters that print.
func PlainText(s string) string { return stripMarks(s) }

// stripMarks removes the rich-text marks, for sorting and comparing.
func stripMarks(s string) string {
	if !strings.ContainsAny(s, "\uE010\uE011\uE012\uE013") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= markItalicOn && r <= markBoldOff {
			return -1
		}
		return r
	}, s)
}

// markedSpans splits a span whose text holds marks into spans: italic
// marks toggle italics (within an italic title, roman), bold marks set
// bold.
func markedSpans(sp Span) []Span {
	if !strings.ContainsAny(sp.Text, "\uE010\uE011\uE012\uE013") {
		return []Span{sp}
	}
	var out []Span
	cur := sp
	cur.Text = ""
	flush := func() {
		if cur.Text != "" {
			out = append(out, cur)
		}
		cur.Text = ""
	}
	for _, r := range sp.Text {
		switch r {
		case markItalicOn, markItalicOff:
			flush()
			if r == markItalicOn {
				cur.Italic = !sp.Italic
			} else {
				cur.Italic = sp.Italic
			}
		case markBoldOn, markBoldOff:
			flush()
			cur.Bold = r == markBoldOn
		default:
			cur.Text += string(r)
		}
	}
	flush()
	return out
}
