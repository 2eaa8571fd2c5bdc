package layout

import (
	"slices"
	"sync"
	"sync/atomic"

	"annalist/fonts"
)

// FontMeasurer is the real Measurer: it reads advance widths from the
// embedded fonts, choosing per rune the face of the font's fallback chain
// that has the glyph, exactly as the PDF writer does. It does not kern,
// because fpdf does not: a measured width is the width that is drawn.
// It is safe for concurrent use.
type FontMeasurer struct{}

// NewMeasurer returns the Measurer backed by the embedded fonts.
func NewMeasurer() Measurer { return newFontMeasurer() }

func newFontMeasurer() *FontMeasurer { return &FontMeasurer{} }

// tables caches each font's widthTable for the life of the process: the
// fonts are embedded, so a table never changes, and every measurer and
// writer can share it. Readers load the list without a lock and scan it
// (a handout uses half a dozen fonts): table is called for every word
// measured, and a mutex and a map keyed by a struct with a string cost
// more than the measuring. Writers copy the list under mu.
var tables struct {
	mu   sync.Mutex
	list atomic.Pointer[[]*widthTable]
}

// fastRunes is the size of the per-font table of resolved widths: Latin,
// Greek, Cyrillic, general punctuation, arrows and shapes all fall below
// it, so nearly every rune of a handout is one index.
const fastRunes = 0x3000

// widthTable holds a font's resolved faces and advances (thousandths of
// an em) for runes below fastRunes; the rest resolve through the chain.
// The PDF writer splits runs with the same table, so what is measured is
// what is drawn.
type widthTable struct {
	font     Font
	primary  *fonts.Face
	fast     [fastRunes]uint16
	fastFace [fastRunes]uint8 // 1 + index into allFaces; 0 = no face
}

// allFaces is fonts.Faces, indexed by widthTable.fastFace.
var allFaces = fonts.Faces()

func (m *FontMeasurer) table(f Font) *widthTable {
	if l := tables.list.Load(); l != nil {
		for _, t := range *l {
			if t.font == f {
				return t
			}
		}
	}
	tables.mu.Lock()
	defer tables.mu.Unlock()
	var old []*widthTable
	if l := tables.list.Load(); l != nil {
		old = *l
		for _, t := range old {
			if t.font == f {
				return t
			}
		}
	}
	t := &widthTable{font: f, primary: primaryFace(f)}
	for r := range rune(fastRunes) {
		if face, ok := t.resolve(r); ok {
			t.fast[r] = uint16(face.Advance(r))
			t.fastFace[r] = uint8(slices.Index(allFaces, face) + 1)
		} else {
			t.fast[r] = uint16(t.primary.Advance(r))
		}
	}
	l := append(slices.Clip(old), t)
	tables.list.Store(&l)
	return t
}

// primaryFace is the face a font is set in, before fallback. An unknown
// family measures as serif; the PDF writer rejects it.
func primaryFace(f Font) *fonts.Face {
	if face := fonts.Lookup(f.Family, fonts.Style(f.Style)); face != nil {
		return face
	}
	return fonts.Lookup(fonts.Serif, fonts.Style(f.Style))
}

func fontFamily(f Font) string {
	if fonts.Lookup(f.Family, fonts.Regular) == nil {
		return fonts.Serif
	}
	return f.Family
}

func (t *widthTable) resolve(r rune) (*fonts.Face, bool) {
	return fonts.Resolve(fontFamily(t.font), fonts.Style(t.font.Style), r)
}

// face is the face that draws r in this font, and false if none has it.
func (t *widthTable) face(r rune) (*fonts.Face, bool) {
	if r >= 0 && r < fastRunes {
		i := t.fastFace[r]
		if i == 0 {
			return nil, false
		}
		return allFaces[i-1], true
	}
	return t.resolve(r)
}

// slow resolves r through the fallback chain. A rune no face has measures
// as the primary face's .notdef box; the loader reports such runes, and
// the writer refuses them.
func (t *widthTable) slow(r rune) int {
	if face, ok := t.resolve(r); ok {
		return face.Advance(r)
	}
	return t.primary.Advance(r)
}

// units is the advance of s in thousandths of an em.
func (t *widthTable) units(s string) int {
	sum := 0
	for _, r := range s {
		if r >= 0 && r < fastRunes {
			sum += int(t.fast[r])
		} else {
			sum += t.slow(r)
		}
	}
	return sum
}

// Width is the advance width of s set in f at size, summed rune by rune
// over the faces that draw each rune. fpdf computes a run's width as the
// integer sum of its thousandths times size/1000; doing the same keeps
// the two equal, not merely close.
func (m *FontMeasurer) Width(s string, f Font, size Pt) Pt {
	return Pt(float64(m.table(f).units(asSpaces(s))) * float64(size) / 1000)
}

// asSpaces turns ASCII whitespace (tab, CR, line and form feeds) into
// spaces: it is whitespace to an author, but no font has a glyph for it.
func asSpaces(s string) string {
	// A byte loop, not strings.ContainsAny: this runs on every word drawn,
	// and the characters sought are all ASCII controls below a space.
	// Replaced byte by byte, not with strings.Map, which would also turn
	// invalid UTF-8 into U+FFFD and hide it from the writer's check.
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '\t' && c <= '\r' {
			if b == nil {
				b = []byte(s)
			}
			b[i] = ' '
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// Ascent is the primary face's extent above the baseline at size.
func (m *FontMeasurer) Ascent(f Font, size Pt) Pt {
	return Pt(float64(primaryFace(f).Ascent()) * float64(size) / 1000)
}

// Descent is the primary face's extent below the baseline at size
// (positive).
func (m *FontMeasurer) Descent(f Font, size Pt) Pt {
	return Pt(float64(primaryFace(f).Descent()) * float64(size) / 1000)
}
