package charts

import (
	"annalist/content"
	"annalist/layout"
)

// TrackStyle is how one track's marks are drawn so that it can be told
// from the others on a black-and-white photocopy: a hatch pattern, a fill
// whose luma differs from the other tracks', and a dark outline.
type TrackStyle struct {
	Pattern string // solid, hatch, backhatch, cross, dots, vertical, outline
	Fill    layout.Color
	Stroke  layout.Color
}

// patterns is the order in which patterns are assigned to tracks that do
// not name one. "solid" first: the first strand is the plainest.
var patterns = []string{"solid", "hatch", "dots", "backhatch", "cross", "vertical", "outline"}

// lumas are the fill lumas (0-255) assigned in track order: far apart
// from one another so that neighbouring lanes differ even in gray.
var lumas = []float64{150, 215, 185, 235, 170, 200, 250}

// palette are the default hues (Okabe-Ito, safe for colour-blind
// readers), before their luma is set; the two blues are kept apart.
var palette = []layout.Color{
	rgb(0, 114, 178), rgb(230, 159, 0), rgb(0, 158, 115), rgb(204, 121, 167), rgb(213, 94, 0), rgb(86, 180, 233), rgb(240, 228, 66),
}

func rgb(r, g, b uint8) layout.Color { return layout.Color{R: r, G: g, B: b} }

// TrackStyles returns one style per track, in doc.Tracks order.
func TrackStyles(tracks []*content.Track) []TrackStyle {
	out := make([]TrackStyle, len(tracks))
	used := map[string]bool{}
	for _, t := range tracks {
		if t.Pattern != "" {
			used[t.Pattern] = true
		}
	}
	next := 0
	for i, t := range tracks {
		st := TrackStyle{Pattern: t.Pattern}
		if st.Pattern == "" {
			// Assign the next pattern no track asked for, so that named
			// and assigned patterns do not repeat while any is left.
			for k := 0; k < len(patterns); k++ {
				p := patterns[(next+k)%len(patterns)]
				if !used[p] || k == len(patterns)-1 {
					st.Pattern = p
					next = (next + k + 1) % len(patterns)
					used[p] = true
					break
				}
			}
		}
		hue := palette[i%len(palette)]
		if c, ok := parseHex(t.Color); ok {
			hue = c
		}
		st.Fill = withLuma(hue, lumas[i%len(lumas)])
		st.Stroke = withLuma(hue, 45)
		if st.Pattern == "outline" {
			st.Fill = layout.White
		}
		out[i] = st
	}
	return out
}

// Luma is the Rec. 601 luma of c, what a gray printer keeps of it.
func Luma(c layout.Color) float64 {
	return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)
}

// withLuma mixes c with white (to raise its luma) or black (to lower it)
// until its luma is target, keeping its hue.
func withLuma(c layout.Color, target float64) layout.Color {
	l := Luma(c)
	mix := func(a, b uint8, t float64) uint8 {
		v := float64(a) + (float64(b)-float64(a))*t
		if v < 0 {
			v = 0
		}
		if v > 255 {
			v = 255
		}
		return uint8(v + 0.5)
	}
	if target >= l {
		t := (target - l) / (255 - l + 1e-9)
		return layout.Color{R: mix(c.R, 255, t), G: mix(c.G, 255, t), B: mix(c.B, 255, t)}
	}
	t := (l - target) / (l + 1e-9)
	return layout.Color{R: mix(c.R, 0, t), G: mix(c.G, 0, t), B: mix(c.B, 0, t)}
}

func parseHex(s string) (layout.Color, bool) {
	if len(s) != 7 || s[0] != '#' {
		return layout.Color{}, false
	}
	var v [3]uint8
	for i := 0; i < 3; i++ {
		h, ok1 := hexDigit(s[1+2*i])
		l, ok2 := hexDigit(s[2+2*i])
		if !ok1 || !ok2 {
			return layout.Color{}, false
		}
		v[i] = h<<4 | l
	}
	return layout.Color{R: v[0], G: v[1], B: v[2]}, true
}

func hexDigit(b byte) (uint8, bool) {
	switch {
	case b >= '0' && b <= '9':
		return b - '0', true
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10, true
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}
