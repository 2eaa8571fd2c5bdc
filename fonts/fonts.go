package fonts

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The files are embedded one by one as []byte, not through an embed.FS:
// ReadFile would copy 6 MB onto the heap at start-up.
var (
	//go:embed NotoSerif-Regular.ttf
	notoSerifRegular []byte
	//go:embed NotoSerif-Italic.ttf
	notoSerifItalic []byte
	//go:embed NotoSerif-Bold.ttf
	notoSerifBold []byte
	//go:embed NotoSerif-BoldItalic.ttf
	notoSerifBoldItalic []byte
	//go:embed NotoSans-Regular.ttf
	notoSansRegular []byte
	//go:embed NotoSans-Italic.ttf
	notoSansItalic []byte
	//go:embed NotoSans-Bold.ttf
	notoSansBold []byte
	//go:embed DejaVuSerif.ttf
	dejaVuSerif []byte
	//go:embed DejaVuSerif-Bold.ttf
	dejaVuSerifBold []byte
	//go:embed DejaVuSans.ttf
	dejaVuSans []byte
	//go:embed DejaVuSans-Bold.ttf
	dejaVuSansBold []byte
)

// Style selects a face of a family. The values match layout.FontStyle, so
// layout converts with a plain conversion.
type Style uint8

// Styles.
const (
	Regular Style = iota
	Italic
	Bold
	BoldItalic
)

func (s Style) String() string {
	switch s {
	case Regular:
		return "Regular"
	case Italic:
		return "Italic"
	case Bold:
		return "Bold"
	case BoldItalic:
		return "BoldItalic"
	}
	return fmt.Sprintf("Style(%d)", uint8(s))
}

// Families. Serif and Sans are the ones the handout is set in; the DejaVu
// families are there for the characters Noto lacks (arrows, geometric
// shapes, dingbats), but may also be named directly.
const (
	Serif       = "serif"
	Sans        = "sans"
	DejaVuSerif = "dejavu-serif"
	DejaVuSans  = "dejavu-sans"
)

// Face is one embedded font file: a family in one style.
type Face struct {
	// Name is the face's PostScript-like name, unique among the faces
	// ("NotoSerif-Bold"); the PDF writer registers each face under it.
	Name   string
	Family string
	Style  Style
	// Data is the TrueType (glyf) file. It is shared: do not modify it.
	Data []byte

	once sync.Once
	err  error
	// gid maps every BMP rune to its glyph (0: none). Runes above U+FFFF
	// are never covered: fpdf panics on them.
	gid []uint16
	// adv is each glyph's advance in thousandths of an em, rounded the way
	// fpdf rounds it into the PDF's /W array, so a width measured here is
	// the width the viewer draws.
	adv            []uint16
	ascent         int // thousandths of an em, above the baseline
	descent        int // thousandths of an em, below the baseline (positive)
	missingAdvance int // advance of glyph 0 (.notdef)
}

// faces lists every embedded face. Order matters only for Faces.
var faces = []*Face{
	{Name: "NotoSerif-Regular", Family: Serif, Style: Regular, Data: notoSerifRegular},
	{Name: "NotoSerif-Italic", Family: Serif, Style: Italic, Data: notoSerifItalic},
	{Name: "NotoSerif-Bold", Family: Serif, Style: Bold, Data: notoSerifBold},
	{Name: "NotoSerif-BoldItalic", Family: Serif, Style: BoldItalic, Data: notoSerifBoldItalic},
	{Name: "NotoSans-Regular", Family: Sans, Style: Regular, Data: notoSansRegular},
	{Name: "NotoSans-Italic", Family: Sans, Style: Italic, Data: notoSansItalic},
	{Name: "NotoSans-Bold", Family: Sans, Style: Bold, Data: notoSansBold},
	{Name: "DejaVuSerif", Family: DejaVuSerif, Style: Regular, Data: dejaVuSerif},
	{Name: "DejaVuSerif-Bold", Family: DejaVuSerif, Style: Bold, Data: dejaVuSerifBold},
	{Name: "DejaVuSans", Family: DejaVuSans, Style: Regular, Data: dejaVuSans},
	{Name: "DejaVuSans-Bold", Family: DejaVuSans, Style: Bold, Data: dejaVuSansBold},
}

// chains is each family's fallback order. Every chain ends with all the
// other faces, so every family covers the same runes and Missing is the
// single answer to "can this text be set": a serif glyph in a sans label
// beats a blank box.
var chains = map[string][]string{
	Serif:       {Serif, DejaVuSerif, DejaVuSans, Sans},
	Sans:        {Sans, DejaVuSans, Serif, DejaVuSerif},
	DejaVuSerif: {DejaVuSerif, DejaVuSans, Serif, Sans},
	DejaVuSans:  {DejaVuSans, DejaVuSerif, Sans, Serif},
}

// Faces returns every embedded face, in a fixed order.
func Faces() []*Face {
	out := make([]*Face, len(faces))
	copy(out, faces)
	return out
}

// Families returns the family names Lookup and Resolve know.
func Families() []string { return []string{Serif, Sans, DejaVuSerif, DejaVuSans} }

// Lookup returns family's face in style, or the nearest style the family
// has (bold italic falls back to bold, then italic, then regular; italic
// and bold fall back to regular). It returns nil for an unknown family.
func Lookup(family string, style Style) *Face {
	var order []Style
	switch style {
	case BoldItalic:
		order = []Style{BoldItalic, Bold, Italic, Regular}
	case Bold:
		order = []Style{Bold, Regular}
	case Italic:
		order = []Style{Italic, Regular}
	default:
		order = []Style{Regular}
	}
	for _, s := range order {
		for _, f := range faces {
			if f.Family == family && f.Style == s {
				return f
			}
		}
	}
	return nil
}

// Chain returns the faces Resolve tries for family in style, in order; nil
// for an unknown family. It holds the chain's families in the nearest
// style first, then every other face of them: a glyph only the regular
// DejaVu Sans has is better in bold text than no glyph.
func Chain(family string, style Style) []*Face {
	if style > BoldItalic {
		style = Regular
	}
	return builtChains[family][style]
}

var builtChains = func() map[string][4][]*Face {
	m := map[string][4][]*Face{}
	for family, names := range chains {
		var byStyle [4][]*Face
		for s := Regular; s <= BoldItalic; s++ {
			var c []*Face
			for _, n := range names {
				c = append(c, Lookup(n, s))
			}
			for _, n := range names {
				for _, f := range faces {
					if f.Family == n && !slices.Contains(c, f) {
						c = append(c, f)
					}
				}
			}
			byStyle[s] = c
		}
		m[family] = byStyle
	}
	return m
}()

// Resolve returns the first face of family's fallback chain (in style)
// that has a glyph for r, and false if none has.
func Resolve(family string, style Style, r rune) (*Face, bool) {
	for _, f := range Chain(family, style) {
		if f.Has(r) {
			return f, true
		}
	}
	return nil, false
}

// Missing returns the runes of s that no face has, each once, in order of
// first appearance; nil when every rune can be set. Since every family's
// chain holds every face, this holds for text in any family. Runes above
// U+FFFF are always missing (the PDF writer cannot set them). ASCII
// whitespace (tab, CR, ...) never is: layout sets it as a space.
func Missing(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] {
			continue
		}
		seen[r] = true
		// ASCII whitespace is set as a space, not drawn.
		if r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' {
			continue
		}
		if !anyHas(r) {
			out = append(out, r)
		}
	}
	return out
}

func anyHas(r rune) bool {
	for _, f := range faces {
		if f.Has(r) {
			return true
		}
	}
	return false
}

// Has reports whether the face has a glyph for r that Annalist can set.
// Runes of right-to-left and joining scripts (Arabic, Hebrew, Syriac, ...)
// are never covered even where DejaVu has their glyphs: fpdf neither
// shapes nor reorders, so they would print as isolated letters in the
// wrong order. The loader reports them as input errors instead.
func (f *Face) Has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	f.load()
	return f.gid != nil && f.gid[r] != 0
}

// unsettable reports runes of scripts that need shaping or bidi reordering.
func unsettable(r rune) bool {
	return r >= 0x0590 && unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac,
		unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic)
}

// Advance is r's advance width in thousandths of an em, rounded to an
// integer exactly as fpdf rounds it for the PDF; the advance of .notdef
// when the face lacks r.
func (f *Face) Advance(r rune) int {
	f.load()
	if !f.Has(r) {
		return f.missingAdvance
	}
	return int(f.adv[f.gid[r]])
}

// Ascent and Descent are the face's extents above and below the baseline
// (hhea, or OS/2 typo metrics when the font asks for them) in thousandths
// of an em; Descent is positive.
func (f *Face) Ascent() int { f.load(); return f.ascent }

// Descent: see Ascent.
func (f *Face) Descent() int { f.load(); return f.descent }

// Err reports whether the face's file failed to parse; such a face has no
// glyphs. The embedded files are checked by the tests, so this is nil.
func (f *Face) Err() error { f.load(); return f.err }

// load parses the font once and builds the rune → glyph and glyph →
// advance tables. A table for the whole BMP costs 128 KiB per face and a
// few milliseconds, once, and makes every later query an index.
func (f *Face) load() {
	f.once.Do(func() {
		if err := f.parse(); err != nil {
			f.err = fmt.Errorf("fonts: %s: %w", f.Name, err)
			f.gid, f.adv = nil, nil
		}
	})
}

func (f *Face) parse() error {
	sf, err := sfnt.Parse(f.Data)
	if err != nil {
		return err
	}
	var buf sfnt.Buffer
	upem := int(sf.UnitsPerEm())
	if upem <= 0 {
		return fmt.Errorf("units per em %d", upem)
	}
	ppem := fixed.Int26_6(upem << 6) // one pixel per font unit: no scaling
	n := sf.NumGlyphs()
	if n > math.MaxUint16+1 {
		return fmt.Errorf("%d glyphs", n)
	}
	// fpdf computes scale once and multiplies, and so do we: the same
	// float operations give the same rounding.
	scale := 1000.0 / float64(upem)
	f.adv = make([]uint16, n)
	for g := range n {
		a, err := sf.GlyphAdvance(&buf, sfnt.GlyphIndex(g), ppem, font.HintingNone)
		if err != nil {
			return fmt.Errorf("glyph %d: %w", g, err)
		}
		units := float64(a) / 64
		f.adv[g] = uint16(int(math.Round(scale * units)))
	}
	f.missingAdvance = int(f.adv[0])
	f.gid = make([]uint16, 0x10000)
	for r := rune(0); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not characters
		}
		g, err := sf.GlyphIndex(&buf, r)
		if err != nil {
			return fmt.Errorf("cmap: %w", err)
		}
		if g != 0 && !unsettable(r) {
			f.gid[r] = uint16(g)
		}
	}
	m, err := sf.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	f.ascent = int(math.Round(scale * float64(m.Ascent) / 64))
	f.descent = int(math.Round(scale * float64(m.Descent) / 64))
	return nil
}
