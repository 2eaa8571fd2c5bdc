package layout

import "math"

// Hatch geometry, in points: coarse and heavy enough to survive a
// photocopy, fine enough to read as a tone behind labels.
//
// Each cell is a whole number of pixels at 100 dpi, and so at 300 and 600
// dpi too (a pixel at 100 dpi is 0.72 pt). poppler and Ghostscript round a
// tiling pattern's cell to whole device pixels: a 3.5 pt dot spacing, the
// one the writer drew dot by dot before it used patterns, rendered as
// 3.6 pt at 100 and 300 dpi there and as 3.5 pt in MuPDF, so the renders
// disagreed and drifted apart across a bar. With these sizes every viewer
// and printer driver draws the same grid. The spacings are within 3% of
// the old ones (4 pt between lines, 3.5 pt between dots), and the line
// width and dot radius are scaled with them, so the tone, the share of the
// area inked, is the old one.
const (
	px = 0.72 // one pixel at 100 dpi

	// diagStep is the diagonal hatches' period along x (and y): lines
	// diagStep/√2 = 4.07 pt apart, measured across them.
	diagStep  = 8 * px
	diagWidth = 0.6 * diagStep / (4 * math.Sqrt2)
	// vertCell holds three vertical lines, 4.08 pt apart.
	vertCell  = 17 * px
	vertLines = 3
	vertWidth = 0.6 * vertCell / vertLines / 4
	// dotStep is the distance between dots in a row and between rows.
	dotStep   = 5 * px
	dotRadius = 0.6 * dotStep / 3.5
)

// HatchTile is one cell of a Rect.Hatch pattern, the texture's single
// definition: the PDF writer makes a tiling pattern of it and the SVG
// writer a <pattern>, so both draw the same marks in the same places.
//
// Coordinates are in points with y growing down, like the display list.
// The cell is W wide and H high; it repeats every W across and every H
// down, and one copy has its top-left corner at (X, Y) of the page (or of
// the SVG's user space). The texture is thus anchored to the page, not to
// the rectangle it fills, and neighbouring bars with the same pattern line
// up like one texture.
type HatchTile struct {
	W, H Pt
	X, Y Pt
	// Lines are segments, [x1 y1 x2 y2] in cell coordinates, stroked
	// LineWidth wide with butt caps. A line that crosses the cell's edge
	// is drawn past it, and the parts that show in the neighbouring cells
	// are drawn there too, so the clipped pieces join up.
	Lines     [][4]Pt
	LineWidth Pt
	// Dots are the centres of filled circles of radius DotRadius, in cell
	// coordinates, each far enough inside the cell not to be clipped.
	Dots      [][2]Pt
	DotRadius Pt
}

// HatchTileFor returns the cell of a Rect.Hatch pattern; false for "" and
// unknown names.
func HatchTileFor(hatch string) (HatchTile, bool) {
	// Diagonal lines at 45°. With y growing down, the lines x + y = c rise
	// to the right on paper ("/", hatch) and x - y = c fall to the right
	// ("\", backhatch). A d×d cell holds one period of each, with c a
	// multiple of d.
	const d = diagStep
	const e = 1       // overhang past the cell, more than half the line width
	slash := [][4]Pt{ // x + y = 0, d, 2d
		{-e, e, e, -e},
		{-e, d + e, d + e, -e},
		{d - e, d + e, d + e, d - e},
	}
	backslash := [][4]Pt{ // x - y = -d, 0, d
		{-e, d - e, e, d + e},
		{-e, -e, d + e, d + e},
		{d - e, -e, d + e, e},
	}
	diag := func(lines ...[][4]Pt) HatchTile {
		t := HatchTile{W: d, H: d, LineWidth: diagWidth}
		for _, l := range lines {
			t.Lines = append(t.Lines, l...)
		}
		return t
	}
	switch hatch {
	case "hatch":
		return diag(slash), true
	case "backhatch":
		return diag(backslash), true
	case "cross":
		return diag(slash, backslash), true
	case "vertical":
		// Lines at x = k·step, each down the middle of its column, so no
		// line lies on a cell's edge: the cell starts half a step left of
		// the page's origin.
		const step = vertCell / vertLines
		t := HatchTile{W: vertCell, H: vertCell, X: -step / 2, LineWidth: vertWidth}
		for i := range vertLines {
			x := Pt(step/2 + float64(i)*step)
			t.Lines = append(t.Lines, [4]Pt{x, -e, x, vertCell + e})
		}
		return t, true
	case "dots":
		// Rows dotStep apart, every other row shifted by half a step, so
		// the dots read as an even tone: dots at (i·s, 2j·s) and
		// (i·s + s/2, (2j+1)·s). The cell holds two rows and starts a
		// quarter step left and half a row above the origin, so both its
		// dots sit well inside it.
		const s = dotStep
		return HatchTile{
			W: s, H: 2 * s, X: -s / 4, Y: -s / 2,
			Dots:      [][2]Pt{{s / 4, s / 2}, {s / 4 * 3, s / 2 * 3}},
			DotRadius: dotRadius,
		}, true
	}
	return HatchTile{}, false
}
