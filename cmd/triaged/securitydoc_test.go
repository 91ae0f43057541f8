package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestSecurityDocFuzzTargets holds docs/security.md's account of fuzzing to
// .ci/run: the targets the page says CI explores are exactly those .ci/run
// runs with -fuzz. The page had named the holiday and catalogue parsers,
// which CI only runs the seeds of, and left out the filing-key and
// case-number targets, which it explores.
func TestSecurityDocFuzzTargets(t *testing.T) {
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	explored := map[string]bool{}
	for _, m := range regexp.MustCompile(`-fuzz '\^(Fuzz\w+)\$'`).FindAllStringSubmatch(string(ci), -1) {
		explored[m[1]] = true
	}
	if len(explored) == 0 {
		t.Fatal(".ci/run runs no -fuzz target")
	}

	doc, err := os.ReadFile("../../docs/security.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	start := strings.Index(text, "- Fuzz targets")
	end := strings.Index(text[max(start, 0):], "which `.ci/run` explores")
	if start < 0 || end < 0 {
		t.Fatal("docs/security.md has no \"- Fuzz targets … which `.ci/run` explores\" passage")
	}
	passage := text[start : start+end]
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`(Fuzz\\w+)`").FindAllStringSubmatch(passage, -1) {
		named[m[1]] = true
	}
	for f := range explored {
		if !named[f] {
			t.Errorf(".ci/run explores %s; docs/security.md does not say so: %q", f, passage)
		}
	}
	for f := range named {
		if !explored[f] {
			t.Errorf("docs/security.md says .ci/run explores %s; it does not: %q", f, passage)
		}
	}
}
