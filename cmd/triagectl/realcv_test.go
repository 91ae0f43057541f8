package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/internal/realcv"
)

// TestRealCVBaseline runs the cross-validation without a trained model (the
// baseline with the real prior) on a small labelled set and checks the
// report: the references, every configuration per kind, the review table.
func TestRealCVBaseline(t *testing.T) {
	dir := realCVData(t)
	out := filepath.Join(t.TempDir(), "cv.json")
	e, stdout, _ := testEnv("")
	if err := runRealCV(context.Background(), e, []string{"-models", "baseline", "-real", dir, "-folds", "2",
		"-blend", "1", "-prior-weight", "0,1", "-bootstrap", "20", "-out", out}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "out of fold") {
		t.Errorf("table lacks its heading:\n%s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep realcv.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Records != 4 || rep.Folds != 2 {
		t.Errorf("records %d folds %d, want 4 labelled records in 2 folds", rep.Records, rep.Folds)
	}
	// baseline, majority, then blend 1 × prior weights 0 and 1.
	if len(rep.Scorers) != 4 {
		t.Fatalf("%d scorers, want 4", len(rep.Scorers))
	}
	for _, s := range rep.Scorers {
		if len(s.ByKind) != 2 {
			t.Errorf("%s blend %v prior %v: %d kinds, want civil and criminal", s.Scorer, s.Blend, s.PriorWeight, len(s.ByKind))
		}
	}
	if len(rep.Review) == 0 {
		t.Error("no review table")
	}
}

// realCVData writes the valid lines of the evaluation fixture (its broken
// lines test eval) as a directory of real filings and returns it.
func realCVData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var lines []string
	for _, l := range strings.Split(evalData(t), "\n") {
		if json.Valid([]byte(l)) && strings.Contains(l, "case_kind") {
			lines = append(lines, l)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "real.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRealCVBootstrapFlag: a negative -bootstrap is a usage error (exit 2)
// naming the flag; it was accepted and the intervals silently dropped. So is
// one above 10,000: every resample's draw is kept (outside check 9).
// -bootstrap 0 (no intervals) still runs.
func TestRealCVBootstrapFlag(t *testing.T) {
	dir := realCVData(t)
	for _, tc := range []struct {
		bootstrap string
		code      int
	}{
		{"-1", 2},
		{"10001", 2},
		{"0", 0},
	} {
		t.Run(tc.bootstrap, func(t *testing.T) {
			e, _, stderr := testEnv("")
			code := dispatch(context.Background(), e, []string{"realcv", "-models", "baseline", "-real", dir, "-folds", "2",
				"-blend", "1", "-prior-weight", "0", "-bootstrap", tc.bootstrap, "-out", filepath.Join(t.TempDir(), "cv.json")})
			if code != tc.code {
				t.Fatalf("-bootstrap %s: exit %d, want %d\n%s", tc.bootstrap, code, tc.code, stderr)
			}
			if tc.code == 2 && !strings.Contains(stderr.String(), "-bootstrap must") {
				t.Errorf("-bootstrap %s: the error does not name the flag:\n%s", tc.bootstrap, stderr)
			}
		})
	}
}

// TestRealCVOutFile: -out is opened before the cross-validation (which
// takes minutes to hours on the real filings) and written under a
// temporary name renamed over it once complete: a directory or a missing
// directory fails at once naming -out, before any table (before, after
// the whole run, as "write report: open …"); "-" is a usage error, as
// stdout carries the table (before, a file named "-"); a complete run
// leaves valid JSON and nothing temporary (outside check 23).
func TestRealCVOutFile(t *testing.T) {
	dir := realCVData(t)
	for _, tc := range []struct {
		name   string
		out    func(dir string) string
		code   int
		stderr string
	}{
		{"a directory", func(dir string) string { return dir }, 1, "-out %s: create output: %[1]s is a directory"},
		{"in a missing directory", func(dir string) string { return filepath.Join(dir, "missing", "cv.json") }, 1, "-out %s: create output: open "},
		{"stdout", func(string) string { return "-" }, 2, "-out - would write the JSON report into the table on stdout"},
		{"a file", func(dir string) string { return filepath.Join(dir, "cv.json") }, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A run that took "-" for a file name wrote it here; remove it
			// whatever the row's outcome, so later rows see their own.
			t.Cleanup(func() { _ = os.Remove("-") })
			outDir := t.TempDir()
			out := tc.out(outDir)
			e, stdout, stderr := testEnv("")
			code := dispatch(context.Background(), e, []string{"realcv", "-models", "baseline", "-real", dir, "-folds", "2",
				"-blend", "1", "-prior-weight", "0", "-bootstrap", "0", "-out", out})
			want := tc.stderr
			if strings.Contains(want, "%") {
				want = fmt.Sprintf(want, out)
			}
			if code != tc.code || !strings.Contains(stderr.String(), want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, want)
			}
			if code != 0 {
				if stdout.Len() != 0 {
					t.Errorf("ran before failing on -out: %.200s", stdout)
				}
			} else if b, err := os.ReadFile(out); err != nil || !json.Valid(b) {
				t.Errorf("report %s (%v): %.80q", out, err, b)
			}
			if left, _ := filepath.Glob(filepath.Join(outDir, ".*.tmp")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			if _, err := os.Stat("-"); err == nil {
				t.Error("a file named \"-\" was written in the package directory")
			}
		})
	}
}
