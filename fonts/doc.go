// Package fonts embeds the font files Annalist typesets with (Noto Serif
// for text, Noto Sans for the chart, DejaVu as per-character fallback),
// their licences, and answers coverage queries: which face has a glyph for
// a rune. It is a leaf package.
package fonts
