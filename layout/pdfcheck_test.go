package layout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func init() {
	// pdfcpu otherwise writes a config file into the user's config dir.
	model.ConfigPath = "disable"
}

// pdfcpuConf is a strict validation configuration (`pdfcpu validate -m
// s`), used to read the files back as well: what the writer makes must
// pass it with no exception.
func pdfcpuConf() *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	return conf
}

// validatePDF fails the test unless data is a valid PDF by pdfcpu's
// strict validator. It once let through two things fpdf wrote ("/Count
// 0" on outline items with children, annotations inline in /Annots);
// both are patched in third_party/fpdf (PATCHES.md), so nothing is let
// through now.
func validatePDF(t testing.TB, data []byte) {
	t.Helper()
	if err := api.Validate(bytes.NewReader(data), pdfcpuConf()); err != nil {
		t.Fatalf("pdfcpu (strict): invalid PDF: %v", err)
	}
}

// pdfBookmarkT is pdfcpu's outline entry.
type pdfBookmarkT = pdfcpu.Bookmark

// pdfBookmarks returns the PDF's outline as pdfcpu reads it.
func pdfBookmarks(t testing.TB, data []byte) []pdfcpu.Bookmark {
	t.Helper()
	bms, err := api.Bookmarks(bytes.NewReader(data), pdfcpuConf())
	if err != nil {
		t.Fatalf("pdfcpu: bookmarks: %v", err)
	}
	return bms
}

// pdfPageCount returns the number of pages pdfcpu counts.
func pdfPageCount(t testing.TB, data []byte) int {
	t.Helper()
	n, err := api.PageCount(bytes.NewReader(data), pdfcpuConf())
	if err != nil {
		t.Fatalf("pdfcpu: page count: %v", err)
	}
	return n
}

// needTool skips the test when a poppler-utils program is absent; CI
// installs poppler-utils so these checks always run there.
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found: install poppler-utils to run this check", name)
	}
	return p
}

// writeTemp writes data to a file in the test's temp dir.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText extracts page (1-based) as text with pdftotext.
func pdfText(t testing.TB, file string, page int) string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	n := strconv.Itoa(page)
	out, err := exec.Command(tool, "-enc", "UTF-8", "-f", n, "-l", n, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pdfInfo returns pdfinfo's key: value lines as a map.
func pdfInfo(t testing.TB, file string, args ...string) map[string]string {
	t.Helper()
	tool := needTool(t, "pdfinfo")
	out, err := exec.Command(tool, append(args, file)...).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return m
}
