package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestMaxEvents: one event past the limit is an error at the events key,
// said at once, naming the limit; the limit itself loads.
func TestMaxEvents(t *testing.T) {
	gen := func(n int) []byte {
		var b strings.Builder
		b.WriteString("title: T\ntracks:\n  - id: t1\n    title: One\nevents:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - {id: e%d, track: t1, title: Event %d, date: %d}\n", i, i, 1000+i%900)
		}
		return []byte(b.String())
	}
	if _, err := Load("ok.yaml", gen(MaxEvents), fstest.MapFS{}); err != nil {
		t.Fatalf("%d events: %v", MaxEvents, err)
	}
	_, err := Load("big.yaml", gen(MaxEvents+1), fstest.MapFS{})
	want := fmt.Sprintf("big.yaml:5:1: %d events; a handout has at most %d", MaxEvents+1, MaxEvents)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error %v, want it to start %q", err, want)
	}
}
