// Package fonts embeds the font files Annalist typesets with (Noto Serif
// for text, Noto Sans for the chart, DejaVu as per-character fallback),
// their licences, and answers coverage queries: which face has a glyph for
// a rune. It is a leaf package.
//
// Only glyf TrueType files are embedded, unmodified, because fpdf loads
// nothing else. Coverage is limited to the Basic Multilingual Plane and
// to scripts that need neither shaping nor bidi reordering, because fpdf
// does neither: Missing reports everything else, so that the loader can
// reject it as an input error before a page is laid out.
package fonts
