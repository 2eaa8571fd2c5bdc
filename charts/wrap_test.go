package charts

import (
	"slices"
	"strings"
	"testing"

	"annalist/layout"
)

// wrapNaive is wrap as first written: every candidate line measured
// whole. wrap sums word widths instead and must break exactly alike.
func wrapNaive(s string, width layout.Pt, f layout.Font, size layout.Pt, m layout.Measurer) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if m.Width(try, f, size) <= width {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
		for m.Width(word, f, size) > width && len([]rune(word)) > 1 {
			r := []rune(word)
			n := len(r) - 1
			for n > 1 && m.Width(string(r[:n]), f, size) > width {
				n--
			}
			lines = append(lines, string(r[:n]))
			word = string(r[n:])
		}
		cur = word
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func checkWrap(t *testing.T, s string, width layout.Pt) {
	t.Helper()
	for _, m := range []layout.Measurer{fixed{}, layout.NewMeasurer()} {
		got := wrap(s, width, sans, smallSize, m)
		want := wrapNaive(s, width, sans, smallSize, m)
		if !slices.Equal(got, want) {
			t.Errorf("wrap(%q, %g) with %T:\n got %q\nwant %q", s, float64(width), m, got, want)
		}
	}
}

func TestWrapMatchesMeasuringWholeLines(t *testing.T) {
	texts := []string{
		"", "   ", "one", "Soviet forces land at Enzeli and the British withdraw",
		"Kuchik Khan proclaims the Persian Socialist Soviet Republic in Rasht",
		"a verylongwordthatcannotfitanywhereatall b", "x  y\tz\nw", "Şəki İstanbul ğ ı ə",
	}
	for _, s := range texts {
		// Every width from too narrow for a letter to wider than the
		// whole text, in steps finer than a letter, so that lines
		// ending exactly at the width are among them.
		for w := layout.Pt(0); w <= 260; w += 0.25 {
			checkWrap(t, s, w)
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("Soviet forces land at Enzeli", 40.0)
	f.Fuzz(func(t *testing.T, s string, w float64) {
		if w < 0 || w > 1000 || w != w || len(s) > 200 {
			return
		}
		checkWrap(t, s, layout.Pt(w))
	})
}
