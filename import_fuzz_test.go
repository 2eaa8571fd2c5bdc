package main

import (
	"os"
	"path/filepath"
	"testing"

	"annalist/content"
)

// FuzzImportTimelineJS: the importer never panics on any bytes, read as
// JSON or as the spreadsheet, and a handout it writes always loads.
func FuzzImportTimelineJS(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "timelinejs", "*.*"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"events": [{"start_date": {"year": -43, "month": "3", "day": 15}, "text": {"headline": "<b>Ides</b> &amp; March"}, "group": "Rome"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The same bytes as JSON and as the spreadsheet (CSV).
		for _, name := range []string{"t.json", "t.csv"} {
			yaml, _, err := importTimelineJS(name, data)
			if err != nil {
				continue
			}
			if _, err := content.Load("t.yaml", yaml, nil); err != nil {
				t.Fatalf("%s: the imported handout does not load:\n%v\n%s", name, err, yaml)
			}
		}
	})
}
