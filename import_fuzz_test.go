package main

import (
	"os"
	"path/filepath"
	"testing"

	"annalist/content"
)

// FuzzImportTimelineJS: the importer never panics on any bytes, and a
// handout it writes always loads.
func FuzzImportTimelineJS(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "timelinejs", "*.json"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"events": [{"start_date": {"year": -43, "month": "3", "day": 15}, "text": {"headline": "<b>Ides</b> &amp; March"}, "group": "Rome"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		yaml, _, err := importTimelineJS("t.json", data)
		if err != nil {
			return
		}
		if _, err := content.Load("t.yaml", yaml, nil); err != nil {
			t.Fatalf("the imported handout does not load:\n%v\n%s", err, yaml)
		}
	})
}
