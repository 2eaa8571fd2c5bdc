package layout

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"annalist/content"
)

// headsNarrative is four sections, the first pad paragraphs long, so
// that the later headings land at the top of a page or part-way down
// as pad varies.
func headsNarrative(pad int) string {
	r := rand.New(rand.NewPCG(7, uint64(pad)))
	var b strings.Builder
	for _, s := range []struct {
		title string
		paras int
	}{{"Alpha", pad}, {"Bravo", 9}, {"Charlie", 3}, {"Delta", 11}} {
		fmt.Fprintf(&b, "# %s\n\n", s.title)
		for range s.paras {
			fmt.Fprintf(&b, "%s\n\n", prose(r, 60))
		}
	}
	return b.String()
}

func buildHeads(t *testing.T, pad int) *Document {
	t.Helper()
	doc := datedDoc(t, headsNarrative(pad))
	d, err := Build(doc, nil, Options{Measurer: fixedMeasurer{}, Date: 1700000000,
		NewCiter: func(*content.Document) CitationFormatter { return &fakeCiter{} }})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pageHead is a page's right-hand running head: the text right of the
// middle above the text block, as printed.
func pageHead(p *Page, g geometry) string {
	for _, it := range p.Items {
		if x, ok := it.(Text); ok && x.Y < g.frame.Top-20 && x.X > p.Size.W/2 {
			return x.Text
		}
	}
	return ""
}

// TestRunningHeads checks each page's right-hand head on built
// documents: the section in force at the top of the page, or the one
// whose heading opens the page; never a section that only begins
// further down.
func TestRunningHeads(t *testing.T) {
	g, _ := geometryFor("a4")
	for _, tc := range []struct {
		pad   int
		heads []string // title page, contents, narrative..., chronology, bibliography
	}{
		// Bravo begins low on page 3 and Charlie part-way down page 5;
		// Delta opens page 6.
		{9, []string{"", "CONTENTS", "ALPHA", "ALPHA", "BRAVO", "DELTA", "DELTA", "CHRONOLOGY", "BIBLIOGRAPHY"}},
		// Bravo opens page 4; Charlie and Delta both begin on page 5,
		// which stays Bravo's, and Delta is in force on page 6.
		{7, []string{"", "CONTENTS", "ALPHA", "BRAVO", "BRAVO", "DELTA", "DELTA", "CHRONOLOGY", "BIBLIOGRAPHY"}},
	} {
		t.Run(fmt.Sprint("pad", tc.pad), func(t *testing.T) {
			d := buildHeads(t, tc.pad)
			var got []string
			for _, p := range d.Pages {
				got = append(got, pageHead(p, g))
			}
			if !slices.Equal(got, tc.heads) {
				t.Errorf("heads\n got %q\nwant %q", got, tc.heads)
			}
		})
	}
}

// TestRunningHeadsFollowPages checks the rule against what a reader
// sees, over layouts where the headings fall in many places: a page's
// head is the section whose heading (a 15pt line) opens the page, or
// else the last section heading printed on an earlier page. It also
// checks that the layouts tried hold both cases that matter: a section
// beginning part-way down a page that another section opens or
// continues, and a section opening a page.
func TestRunningHeadsFollowPages(t *testing.T) {
	g, _ := geometryFor("a4")
	size := DefaultStyle().HeadSize[0]
	midPage, atTop := 0, 0
	later := map[string]bool{"Bravo": true, "Charlie": true, "Delta": true}
	for pad := 1; pad <= 11; pad++ {
		d := buildHeads(t, pad)
		cur := ""
		for i, p := range d.Pages[1:] {
			var lines []Text
			for _, it := range p.Items {
				if x, ok := it.(Text); ok && x.Y >= g.frame.Top {
					lines = append(lines, x)
				}
			}
			slices.SortStableFunc(lines, func(a, b Text) int { return int(a.Y - b.Y) })
			want := cur
			for k, x := range lines {
				if x.Size != size {
					continue
				}
				if k == 0 {
					want = x.Text
				}
				switch {
				case !later[x.Text]:
				case k == 0:
					atTop++
				default:
					midPage++
				}
				cur = x.Text
			}
			if want == "" {
				t.Errorf("pad %d page %d: no section in force; the test expects a heading on the first page", pad, i+2)
			}
			if got := pageHead(p, g); got != strings.ToUpper(want) {
				t.Errorf("pad %d page %d: head %q, want %q", pad, i+2, got, strings.ToUpper(want))
			}
		}
	}
	if midPage == 0 || atTop == 0 {
		t.Errorf("layouts tried hold %d sections begun part-way down a page and %d at the top; want both", midPage, atTop)
	}
}

// TestSectionHeads covers the cases a built document rarely shows: text
// ahead of the first heading, a page with no heading at all, level-2
// entries (never a head).
func TestSectionHeads(t *testing.T) {
	const top = 84
	bm := func(title string, level, page int, y Pt) Bookmark {
		return Bookmark{Title: title, Level: level, Page: page, Y: y}
	}
	for _, tc := range []struct {
		name    string
		outline []Bookmark
		pages   int
		want    []string
	}{
		{"none", nil, 2, []string{"", ""}},
		{"preface then a section part-way down", []Bookmark{bm("One", 0, 0, 300)}, 2, []string{"One", "One"}},
		{"preface page, section on the next", []Bookmark{bm("One", 0, 1, 300)}, 3, []string{"", "One", "One"}},
		{"two begun on one page", []Bookmark{bm("One", 0, 0, top), bm("Two", 0, 1, 200), bm("Three", 0, 1, 500)}, 3,
			[]string{"One", "One", "Three"}},
		{"at the top wins", []Bookmark{bm("One", 0, 0, top), bm("Two", 0, 1, top), bm("Three", 0, 1, 500)}, 3,
			[]string{"One", "Two", "Three"}},
		{"subsections do not count", []Bookmark{bm("One", 0, 0, top), bm("One.a", 1, 1, top), bm("One.b", 1, 1, 400)}, 2,
			[]string{"One", "One"}},
	} {
		if got := sectionHeads(tc.outline, tc.pages, top); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
