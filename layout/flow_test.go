package layout

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/flow")

// goldenCase is a flow on the small page that forces one rule of the page
// flow; check asserts that rule on the result, beyond the golden dump.
type goldenCase struct {
	name   string
	blocks []Para
	notes  map[int]*Note
	check  func(t *testing.T, res *FlowResult)
}

// words of pseudo-prose from a fixed seed per case.
func text(seed uint64, n int) string {
	return prose(rand.New(rand.NewPCG(seed, seed)), n)
}

// bodyLines returns, per page, the baselines of body text (10pt, above
// any note rule) in order.
func bodyLines(pg *Page) []Pt {
	var ys []Pt
	for _, it := range pg.Items {
		if tx, ok := it.(Text); ok && tx.Size == 10 && !slices.Contains(ys, tx.Y) {
			ys = append(ys, tx.Y)
		}
	}
	return ys
}

// linesOf returns the number of lines of block text on each page, the
// text found by a predicate on Text items.
func linesOf(res *FlowResult, pred func(Text) bool) []int {
	var out []int
	for _, pg := range res.Pages {
		var ys []Pt
		for _, it := range pg.Items {
			if tx, ok := it.(Text); ok && pred(tx) && !slices.Contains(ys, tx.Y) {
				ys = append(ys, tx.Y)
			}
		}
		out = append(out, len(ys))
	}
	return out
}

// destPage returns the page (0-based) of a Dest, or -1.
func destPage(res *FlowResult, name string) int {
	if p, ok := res.DestPage[name]; ok {
		return p
	}
	return -1
}

// itemIndex returns the index of Dest name among the items of a page.
func itemIndex(pg *Page, name string) int {
	return slices.IndexFunc(pg.Items, func(it Item) bool { d, ok := it.(Dest); return ok && d.Name == name })
}

func para(seed uint64, n int, extra string) Para {
	return bodyNotes(text(seed, n) + extra)
}

func goldenCases() []goldenCase {
	return []goldenCase{
		{
			// Page 1 would hold the marker's line, but not with its note:
			// the line moves to page 2 and page 1 ends short.
			name: "note_pushes_line",
			blocks: []Para{
				para(1, 30, ""),
				bodyNotes(text(2, 11) + "^1 " + text(3, 40)),
			},
			notes: map[int]*Note{1: note(1, text(4, 25))},
			check: func(t *testing.T, res *FlowResult) {
				if p := destPage(res, "ref-1"); p != 1 {
					t.Fatalf("marker on page %d, want 2", p+1)
				}
				if n := len(bodyLines(res.Pages[0])); n >= 10 {
					t.Errorf("page 1 has %d lines: the marker's line would have fitted without its note", n)
				}
				if first := bodyLines(res.Pages[1])[0]; !slices.ContainsFunc(res.Pages[1].Items, func(it Item) bool {
					d, ok := it.(Dest)
					return ok && d.Name == "ref-1" && d.Y < first
				}) {
					t.Errorf("the marker is not on the first line of page 2")
				}
			},
		},
		{
			// A note too long for the room under its marker splits; the
			// rest continues at the foot of the next page.
			name:   "note_split",
			blocks: []Para{bodyNotes(text(5, 6) + "^1 " + text(6, 90))},
			notes:  map[int]*Note{1: note(1, text(7, 62))},
			check: func(t *testing.T, res *FlowResult) {
				if destPage(res, "note-1") != 0 || destPage(res, "note-1-cont") != 1 {
					t.Fatalf("note-1 on page %d, continued on page %d; want 1 and 2", destPage(res, "note-1")+1, destPage(res, "note-1-cont")+1)
				}
				if !slices.ContainsFunc(res.Pages[1].Items, func(it Item) bool { tx, ok := it.(Text); return ok && tx.Text == "(continued)" }) {
					t.Error("no continued label on page 2")
				}
			},
		},
		{
			// Note 1 spills to page 2; note 2's marker comes after note 1's
			// on page 1, so its line goes to page 2, where note 2 follows
			// the spill.
			name:   "queue_behind_spill",
			blocks: []Para{bodyNotes(text(8, 6) + "^1 " + text(9, 12) + "^2 " + text(10, 60))},
			notes:  map[int]*Note{1: note(1, text(11, 56)), 2: note(2, text(12, 12))},
			check: func(t *testing.T, res *FlowResult) {
				if destPage(res, "note-1-cont") != 1 || destPage(res, "ref-2") != 1 {
					t.Fatalf("continuation on page %d, marker 2 on page %d; want both on 2", destPage(res, "note-1-cont")+1, destPage(res, "ref-2")+1)
				}
				if pg := res.Pages[1]; itemIndex(pg, "note-1-cont") > itemIndex(pg, "note-2") {
					t.Error("note 2 is set before the spill of note 1")
				}
			},
		},
		{
			// Paragraph 2 would leave its last line alone on page 2: a
			// second line goes with it.
			name:   "widow",
			blocks: []Para{para(13, 28, ""), para(14, 20, "")},
			check: func(t *testing.T, res *FlowResult) {
				need(t, para(13, 28, ""), 6)
				need(t, para(14, 20, ""), 5)
				if got := linesOf(res, isBody); !slices.Equal(got, []int{9, 2}) {
					t.Errorf("lines per page = %v, want [9 2]", got)
				}
			},
		},
		{
			// Paragraph 2 would leave its first line alone at the foot of
			// page 1: it starts page 2.
			name:   "orphan",
			blocks: []Para{para(15, 40, ""), para(16, 22, "")},
			check: func(t *testing.T, res *FlowResult) {
				need(t, para(15, 40, ""), 9)
				need(t, para(16, 22, ""), 6)
				if got := linesOf(res, isBody); !slices.Equal(got, []int{9, 6}) {
					t.Errorf("lines per page = %v, want [9 6]", got)
				}
			},
		},
		{
			// The heading would be the last line of page 1: it moves with
			// the first two lines of what follows.
			name: "heading_keep",
			blocks: []Para{
				para(17, 38, ""),
				{Kind: Heading, Runs: []Run{{Text: "The landing at Enzeli", Font: Font{Family: "serif", Style: Bold}, Size: 10}},
					Leading: 12, KeepWithNext: true, Align: Left, Level: 1, Bookmark: "The landing at Enzeli", Dest: "sec-enzeli"},
				para(18, 30, ""),
			},
			check: func(t *testing.T, res *FlowResult) {
				need(t, para(17, 38, ""), 9)
				if destPage(res, "sec-enzeli") != 1 {
					t.Fatalf("heading on page %d, want 2", destPage(res, "sec-enzeli")+1)
				}
				if len(res.Outline) != 1 || res.Outline[0].Page != 1 || res.Outline[0].Title != "The landing at Enzeli" {
					t.Errorf("outline = %+v", res.Outline)
				}
				if bold := linesOf(res, func(tx Text) bool { return tx.Font.Style == Bold }); bold[1] != 1 {
					t.Errorf("heading lines per page = %v", bold)
				}
			},
		},
		{
			// A block quote (indented, smaller) breaks across pages like
			// any paragraph.
			name: "quote_break",
			blocks: []Para{
				para(19, 30, ""),
				{Kind: Quote, Runs: runs(text(20, 45), 9), Leading: 11, Left: 15, Right: 15, SpaceBefore: 4, SpaceAfter: 4},
				para(21, 10, ""),
			},
			check: func(t *testing.T, res *FlowResult) {
				q := linesOf(res, func(tx Text) bool { return tx.Size == 9 })
				if len(q) < 2 || q[0] < 2 || q[1] < 2 {
					t.Errorf("quote lines per page = %v, want it split with at least 2 on each", q)
				}
			},
		},
		{
			// List items with numbers in the indent, across the break.
			name: "list_break",
			blocks: func() []Para {
				bs := []Para{para(22, 30, "")}
				for i := 1; i <= 4; i++ {
					bs = append(bs, Para{Kind: ListItem, Runs: runs(text(22+uint64(i), 12+3*i), 10), Leading: 12, Left: 15,
						Marker: []Run{{Text: fmt.Sprintf("%d.", i), Font: serif, Size: 10}}, Align: Left})
				}
				return bs
			}(),
			check: func(t *testing.T, res *FlowResult) {
				m := linesOf(res, func(tx Text) bool { return strings.HasSuffix(tx.Text, ".") && len(tx.Text) == 2 && tx.X < 35 })
				if len(res.Pages) < 2 || m[0] == 0 || m[1] == 0 {
					t.Errorf("list markers per page = %v, want items on both pages", m)
				}
			},
		},
		{
			// A figure that does not fit under the text moves whole to the
			// next page, with the note it cites.
			name: "figure_moved",
			blocks: []Para{
				para(27, 35, ""),
				{Kind: Figure, Height: 60, Dest: "fig-1", Items: []Item{
					Rect{X: 0, Y: 0, W: 160, H: 50, Stroke: &Black, StrokeWidth: 0.5},
					Text{X: 4, Y: 58, Text: "Figure 1", Font: serif, Size: 8, W: 32},
					Text{X: 36, Y: 55, Text: "3", Font: serif, Size: 5, W: 2.5},
					Dest{Name: "ref-3", X: 36, Y: 48},
				}},
				para(28, 10, ""),
			},
			notes: map[int]*Note{3: note(3, text(29, 8))},
			check: func(t *testing.T, res *FlowResult) {
				if destPage(res, "ref-3") != 1 || destPage(res, "note-3") != 1 {
					t.Errorf("figure's marker on page %d, its note on %d; want 2", destPage(res, "ref-3")+1, destPage(res, "note-3")+1)
				}
			},
		},
	}
}

func isBody(tx Text) bool { return tx.Size == 10 }

// need checks a precondition of a case: that p sets in n lines on the
// small page (if the setter changes, the case must be re-tuned).
func need(t *testing.T, p Para, n int) {
	t.Helper()
	f := &flow{frame: smallFrame, set: newSetter(fixedMeasurer{})}
	if got := len(f.set.setPar(f.spec(&p, 0))); got != n {
		t.Fatalf("precondition: paragraph sets in %d lines, the case needs %d", got, n)
	}
}

func TestGolden(t *testing.T) {
	m := fixedMeasurer{}
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			res, err := Flow(c.blocks, c.notes, smallFrame, m)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			Dump(&buf, res.Pages)
			for _, w := range res.Warnings {
				fmt.Fprintln(&buf, w)
			}
			path := filepath.Join("testdata", "flow", c.name+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./layout -run Golden -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("dump differs from %s; run with -update and diff:\n%s", path, buf.String())
			}
			for _, e := range CheckInvariants(res.Pages, m) {
				t.Error(e)
			}
			for _, e := range CheckMargins(res.Pages, smallFrame, m) {
				t.Error(e)
			}
			if c.check != nil {
				c.check(t, res)
			}
		})
	}
}

// Impossible input ends, with an error naming the block, and every note
// still on its marker's page or continued from it.
func TestFlowImpossible(t *testing.T) {
	tall := Frame{Size: Size{W: 200, H: 60}, Top: 10, Bottom: 10, Left: 20, Right: 20, NoteGap: 6, NoteSpacing: 2}
	tests := []struct {
		name   string
		blocks []Para
		notes  map[int]*Note
		errHas string
	}{
		{"figure taller than the page", []Para{para(30, 10, ""), {Kind: Figure, Height: 100, Dest: "fig-big"}, para(31, 10, "")}, nil, `figure "fig-big" is taller`},
		{"huge note", []Para{bodyNotes(text(32, 5) + "^1 " + text(33, 30))}, map[int]*Note{1: note(1, text(34, 200))}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Flow(tt.blocks, tt.notes, tall, fixedMeasurer{})
			if tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)) {
				t.Fatalf("err = %v, want one containing %q", err, tt.errHas)
			}
			if res == nil || len(res.Pages) == 0 {
				t.Fatal("no pages")
			}
			if tt.errHas == "" {
				for _, e := range CheckInvariants(res.Pages, fixedMeasurer{}) {
					t.Error(e)
				}
			}
		})
	}
}
