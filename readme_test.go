package main

import (
	"os"
	"strings"
	"testing"

	"annalist/content"
)

// TestREADMEExample loads the input-format example the README shows, so the
// documentation cannot drift from what the loader accepts.
func TestREADMEExample(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	const start = "```yaml\n# yaml-language-server:"
	i := strings.Index(s, start)
	if i < 0 {
		t.Fatal("README has no yaml example starting with the schema comment")
	}
	body := s[i+len("```yaml\n"):]
	body = body[:strings.Index(body, "```\n")]
	doc, err := content.Load("README.md", []byte(body), os.DirFS("."))
	if err != nil {
		t.Fatalf("the README's example does not load:\n%v", err)
	}
	if len(doc.Warnings) > 0 {
		t.Errorf("the README's example has warnings:\n%s", strings.Join(doc.Warnings, "\n"))
	}
	if got, want := doc.Summary(), "3 events in 2 tracks, 2 sources"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if _, _, err := render(doc, false); err != nil {
		t.Errorf("the README's example does not render: %v", err)
	}
}
