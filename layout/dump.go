package layout

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Dump writes pages as stable text, one item per line with lengths to two
// decimals, for golden files: a diff of two dumps shows what moved.
func Dump(w io.Writer, pages []*Page) error {
	bw := bufio.NewWriter(w)
	for i, pg := range pages {
		fmt.Fprintf(bw, "page %d %.2fx%.2f\n", i+1, pg.Size.W, pg.Size.H)
		for _, it := range pg.Items {
			bw.WriteString("  ")
			bw.WriteString(dumpItem(it))
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

func dumpItem(it Item) string {
	switch v := it.(type) {
	case Text:
		s := fmt.Sprintf("text %.2f %.2f w=%.2f %s %.2f %q", v.X, v.Y, v.W, dumpFont(v.Font), v.Size, v.Text)
		if v.Color != Black {
			s += " " + dumpColor(v.Color)
		}
		if h := v.hscale(); h != 1 {
			s += fmt.Sprintf(" hscale=%.2f%%", 100*h)
		}
		return s
	case Rule:
		s := fmt.Sprintf("rule %.2f %.2f %.2f %.2f w=%.2f", v.X1, v.Y1, v.X2, v.Y2, v.Width)
		if v.Color != Black {
			s += " " + dumpColor(v.Color)
		}
		return s + dumpDash(v.Dash)
	case Rect:
		s := fmt.Sprintf("rect %.2f %.2f %.2f %.2f", v.X, v.Y, v.W, v.H)
		if v.Fill != nil {
			s += " fill=" + dumpColor(*v.Fill)
		}
		if v.Stroke != nil {
			s += fmt.Sprintf(" stroke=%s/%.2f", dumpColor(*v.Stroke), v.StrokeWidth)
		}
		if v.Hatch != "" {
			s += " hatch=" + v.Hatch + "/" + dumpColor(v.HatchColor)
		}
		return s + dumpDash(v.Dash)
	case Path:
		var b strings.Builder
		b.WriteString("path")
		for _, op := range v.Ops {
			fmt.Fprintf(&b, " %c", op.Op)
			for _, p := range op.Pts {
				fmt.Fprintf(&b, " %.2f", p)
			}
		}
		if v.Fill != nil {
			b.WriteString(" fill=" + dumpColor(*v.Fill))
		}
		if v.Stroke != nil {
			fmt.Fprintf(&b, " stroke=%s/%.2f", dumpColor(*v.Stroke), v.StrokeWidth)
		}
		return b.String() + dumpDash(v.Dash)
	case Link:
		target := "#" + v.Dest
		if v.URL != "" {
			target = v.URL
		}
		return fmt.Sprintf("link %.2f %.2f %.2f %.2f %s", v.X, v.Y, v.W, v.H, target)
	case Dest:
		return fmt.Sprintf("dest %.2f %.2f %s", v.X, v.Y, v.Name)
	}
	return fmt.Sprintf("unknown %T", it)
}

func dumpFont(f Font) string {
	return f.Family + "/" + [...]string{"regular", "italic", "bold", "bolditalic"}[f.Style&3]
}

func dumpColor(c Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func dumpDash(d []Pt) string {
	if len(d) == 0 {
		return ""
	}
	s := " dash="
	for i, x := range d {
		if i > 0 {
			s += ","
		}
		s += fmt.Sprintf("%.2f", x)
	}
	return s
}
