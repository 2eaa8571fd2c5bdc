package layout

import (
	"math"
	"strings"
	"testing"
)

// TestCheckInvariantsHScale: a Text scaled past font expansion's limits
// is reported; the zero value, 100% and the limits themselves are not.
func TestCheckInvariantsHScale(t *testing.T) {
	tests := []struct {
		hscale float64
		bad    bool
	}{
		{0, false},
		{1, false},
		{1 + expandStretch, false},
		{1 - expandShrink, false},
		{1.03, true},
		{0.9, true},
		{math.NaN(), true},
	}
	for _, tt := range tests {
		pg := &Page{Size: Size{W: 200, H: 100}, Items: []Item{
			Text{X: 10, Y: 50, Text: "Enzeli", Font: serif, Size: 10, W: 30, HScale: tt.hscale},
		}}
		errs := CheckInvariants([]*Page{pg}, fixedMeasurer{})
		if bad := len(errs) > 0; bad != tt.bad || bad && !strings.Contains(errs[0].Error(), "scaled horizontally") {
			t.Errorf("hscale %v: errors %v, want bad = %v", tt.hscale, errs, tt.bad)
		}
	}
}
