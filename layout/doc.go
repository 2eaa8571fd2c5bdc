// Package layout turns a content.Document (and the chart blocks that
// package charts produces) into a display list: pages of positioned,
// self-styled items. It measures text, breaks lines, flows pages with
// footnotes kept on the page of their marker, and builds the page
// furniture (title page, contents, running heads, chronology).
//
// Layout never draws. The PDF writer (pdf.go) is the only code in Annalist
// that imports fpdf; it turns a finished display list into a PDF file.
// Layout imports content and fonts, never charts or go-chart.
package layout
