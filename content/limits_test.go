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

// TestInlineNarrativePositions: a problem in an inline narrative is said
// at its line and column when the narrative is a literal block (|) or a
// one-line plain scalar, whose text is the file's; at the narrative
// value itself when YAML rewrote its lines (folded >, quoted), never at
// a line that holds something else or past the end of the file.
func TestInlineNarrativePositions(t *testing.T) {
	head := "title: T\ntracks:\n  - id: t1\n    title: One\nevents:\n  - id: e1\n    track: t1\n    title: X\n    date: 1920\n"
	tests := []struct{ narrative, want string }{
		{"narrative: |\n  # Intro\n\n  First line.\n\n  See [[nosuch]] here.\n", "h.yaml:15:7:"},
		{"narrative: |-\n    # Intro\n\n    See [[nosuch]] here.\n", "h.yaml:13:9:"},
		{"narrative: See [[nosuch]] here.\n", "h.yaml:10:16:"},
		{"narrative: >\n  # Intro\n\n  First line.\n\n  See [[nosuch]] here.\n", "h.yaml:10:12:"},
		{"narrative: \"# Intro\\n\\nSee [[nosuch]] here.\"\n", "h.yaml:10:12:"},
		{"narrative: 'See [[nosuch]] here.'\n", "h.yaml:10:17:"},
		{"narrative: 'It''s [[nosuch]] here.'\n", "h.yaml:10:12:"},
		{"narrative: See\n  [[nosuch]] here.\n", "h.yaml:10:12:"},
	}
	for _, tt := range tests {
		_, err := Load("h.yaml", []byte(head+tt.narrative), fstest.MapFS{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want+` link to unknown event "nosuch"`) {
			t.Errorf("%q: error %v, want it at %s", tt.narrative, err, tt.want)
		}
	}
}
