package fonts

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFilesEmbedded checks every font file in the directory is a face and
// every face's licence is here.
func TestFilesEmbedded(t *testing.T) {
	ents, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".ttf"); ok {
			names = append(names, n)
		}
	}
	var faceNames []string
	for _, f := range Faces() {
		faceNames = append(faceNames, f.Name)
		b, err := os.ReadFile(f.Name + ".ttf")
		if err != nil || !slices.Equal(b, f.Data) {
			t.Errorf("%s: embedded data differs from %s.ttf (%v)", f.Name, f.Name, err)
		}
	}
	slices.Sort(names)
	slices.Sort(faceNames)
	if !slices.Equal(names, faceNames) {
		t.Errorf("font files %q, faces %q", names, faceNames)
	}
	for file, want := range map[string]string{"LICENSE-Noto.txt": "SIL Open Font License", "LICENSE-DejaVu.txt": "Bitstream Vera"} {
		b, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s: missing or lacks %q (%v)", file, want, err)
		}
	}
}

// TestFacesParse checks every embedded file parses, is glyf TrueType (fpdf
// loads nothing else) and has sane metrics.
func TestFacesParse(t *testing.T) {
	for _, f := range Faces() {
		if err := f.Err(); err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if len(f.Data) < 4 || string(f.Data[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s: not a TrueType (glyf) file: magic %q", f.Name, f.Data[:4])
		}
		if f.Ascent() <= 500 || f.Ascent() > 1300 || f.Descent() <= 100 || f.Descent() > 500 {
			t.Errorf("%s: ascent %d descent %d (thousandths of an em) out of range", f.Name, f.Ascent(), f.Descent())
		}
		if a := f.Advance(' '); a < 150 || a > 400 {
			t.Errorf("%s: space advance %d", f.Name, a)
		}
	}
}

func TestCoverage(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		face string // the face Resolve("serif", Regular, r) must choose; "" = none
	}{
		{"Latin a", 'a', "NotoSerif-Regular"},
		{"Turkish s-cedilla", 'ş', "NotoSerif-Regular"},
		{"Turkish S-cedilla", 'Ş', "NotoSerif-Regular"},
		{"Turkish g-breve", 'ğ', "NotoSerif-Regular"},
		{"Turkish dotless i", 'ı', "NotoSerif-Regular"},
		{"Turkish dotted I", 'İ', "NotoSerif-Regular"},
		{"Azerbaijani schwa", 'ə', "NotoSerif-Regular"},
		{"Azerbaijani Schwa", 'Ə', "NotoSerif-Regular"},
		{"Cyrillic Zhe", 'Ж', "NotoSerif-Regular"},
		{"Cyrillic shha (Azerbaijani Cyrillic)", 'һ', "NotoSerif-Regular"},
		{"Cyrillic schwa", 'ә', "NotoSerif-Regular"},
		{"en dash", '–', "NotoSerif-Regular"},
		{"left double quote", '“', "NotoSerif-Regular"},
		{"section sign", '§', "NotoSerif-Regular"},
		{"rightwards arrow (Noto lacks it)", '→', "DejaVuSerif"},
		{"black diamond", '◆', "DejaVuSerif"},
		{"white diamond", '◇', "DejaVuSerif"},
		{"heavy check mark", '✔', "DejaVuSans"},
		{"Arabic noon", 0x0646, ""},
		{"CJK", '中', ""},
		{"above the BMP", 0x1F600, ""},
		{"Hebrew alef (no bidi)", 0x05D0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := Resolve(Serif, Regular, tt.r)
			got := ""
			if ok {
				got = f.Name
			}
			if got != tt.face {
				t.Errorf("Resolve(serif, %U) = %q, want %q", tt.r, got, tt.face)
			}
			if ok != (len(Missing(string(tt.r))) == 0) {
				t.Errorf("Resolve ok=%v but Missing(%U)=%U", ok, tt.r, Missing(string(tt.r)))
			}
			// Every family covers the same runes (the chains hold every face).
			for _, fam := range Families() {
				if _, ok2 := Resolve(fam, BoldItalic, tt.r); ok2 != ok {
					t.Errorf("Resolve(%s, BoldItalic, %U) ok=%v, serif ok=%v", fam, tt.r, ok2, ok)
				}
			}
		})
	}
}

// TestChainsAgree checks, over the whole BMP, that every family in every
// style resolves exactly the runes Missing does not report (but ASCII
// whitespace, which is set as a space and never missing).
func TestChainsAgree(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not characters: string(r) would be U+FFFD
		}
		if r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' {
			if len(Missing(string(r))) > 0 {
				t.Errorf("Missing reports %U, which is set as a space", r)
			}
			continue
		}
		missing := len(Missing(string(r))) > 0
		for _, fam := range Families() {
			for s := Regular; s <= BoldItalic; s++ {
				f, ok := Resolve(fam, s, r)
				if ok == missing {
					t.Fatalf("Resolve(%s, %v, %U) ok=%v, Missing says missing=%v", fam, s, r, ok, missing)
				}
				if ok && !f.Has(r) {
					t.Fatalf("Resolve(%s, %v, %U) chose %s, which lacks it", fam, s, r, f.Name)
				}
			}
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		family string
		style  Style
		want   string
	}{
		{Serif, Regular, "NotoSerif-Regular"},
		{Serif, Italic, "NotoSerif-Italic"},
		{Serif, Bold, "NotoSerif-Bold"},
		{Serif, BoldItalic, "NotoSerif-BoldItalic"},
		{Sans, Italic, "NotoSans-Italic"},
		{Sans, BoldItalic, "NotoSans-Bold"}, // not embedded: keep the weight
		{DejaVuSerif, Italic, "DejaVuSerif"},
		{DejaVuSans, BoldItalic, "DejaVuSans-Bold"},
		{"comic", Regular, ""},
	}
	for _, tt := range tests {
		got := ""
		if f := Lookup(tt.family, tt.style); f != nil {
			got = f.Name
		}
		if got != tt.want {
			t.Errorf("Lookup(%q, %v) = %q, want %q", tt.family, tt.style, got, tt.want)
		}
	}
	if _, ok := Resolve("comic", Regular, 'a'); ok {
		t.Error("Resolve of an unknown family succeeded")
	}
}

func TestMissing(t *testing.T) {
	tests := []struct {
		in   string
		want []rune
	}{
		{"", nil},
		{"Bakı, Şamaxı, Gəncə; Ərdəbil, İstanbul; Баку → Энзели ◆", nil},
		{"Rasht رشت", []rune{'ر', 'ش', 'ت'}},
		{"a\U0001F600b\U0001F600", []rune{0x1F600}},
	}
	for _, tt := range tests {
		if got := Missing(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Missing(%q) = %U, want %U", tt.in, got, tt.want)
		}
	}
}

func TestStyleDiffers(t *testing.T) {
	// Bold is wider than regular for the same text in Noto Serif: the
	// faces are really different files, not one file four times.
	w := func(f *Face) (sum int) {
		for _, r := range "Soviet Power on the Caspian" {
			sum += f.Advance(r)
		}
		return sum
	}
	reg, bold := w(Lookup(Serif, Regular)), w(Lookup(Serif, Bold))
	if bold <= reg {
		t.Errorf("bold width %d <= regular %d", bold, reg)
	}
}

func BenchmarkResolve(b *testing.B) {
	s := []rune("Bakı, Şamaxı, Gəncə; Баку → Энзели ◆")
	for b.Loop() {
		for _, r := range s {
			Resolve(Serif, Regular, r)
		}
	}
}

// BenchmarkLoad is the one-time cost of a face's tables (per process).
func BenchmarkLoad(b *testing.B) {
	src := Lookup(Serif, Regular)
	for b.Loop() {
		f := &Face{Name: src.Name, Data: src.Data}
		f.load()
	}
}
