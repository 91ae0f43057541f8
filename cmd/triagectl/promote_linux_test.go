package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/modeltest"
)

// TestPromoteDiskFullKeepsServedModel: a promotion that cannot write a file
// (here a file size limit, as a full disk would do) leaves the served
// directory serving what it served, loadable, and nothing of its own
// behind: whether the write that fails is the copy of the served files (a
// directory of files is first brought to the versioned layout) or the
// candidate's manifest, the last file of the new version (its -reason makes
// it the largest). Written and renamed file by file, the candidate's trees
// were once in place beside the old manifest: the running servers kept
// their model, but none could start from the directory (checksum
// mismatch). Not parallel: the limit is the process's.
func TestPromoteDiskFullKeepsServedModel(t *testing.T) {
	read := func(dir, name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		// limit is the file size limit, from the served and candidate trees.
		limit func(served, candidate int) int
		// failing is the file whose write fails.
		failing string
	}{
		{"copying the served files", func(served, _ int) int { return served - 1 }, classifier.ModelFile},
		{"the candidate's manifest", func(served, candidate int) int { return max(served, candidate) }, classifier.ManifestFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			served := filepath.Join(t.TempDir(), "served")
			modeltest.Write(t, served, "model-a")
			// The candidate's trees differ from the served ones (adjust
			// stores the blend in them), as a retrained model's do.
			candidate := filepath.Join(t.TempDir(), "candidate")
			e, _, stderr := testEnv("")
			if code := dispatch(context.Background(), e, []string{"adjust", "-model", served, "-out", candidate, "-blend", "civil=0.5"}); code != 0 {
				t.Fatalf("adjust: exit %d: %s", code, stderr)
			}
			trees, servedTrees := read(candidate, classifier.ModelFile), read(served, classifier.ModelFile)
			if bytes.Equal(servedTrees, trees) {
				t.Fatal("the served and candidate trees are the same: a half promotion would go unseen")
			}
			limit := tt.limit(len(servedTrees), len(trees))
			reason := strings.Repeat("理由", limit/3+1) // the manifest outgrows the trees
			var old syscall.Rlimit
			if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
				t.Fatal(err)
			}
			// Writes past the limit fail with EFBIG (Go ignores SIGXFSZ).
			lim := old
			lim.Cur = uint64(limit)
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
				t.Skipf("cannot limit the file size: %v", err)
			}
			e, _, errb := testEnv("")
			code := dispatch(context.Background(), e, []string{"promote", "-from", candidate, "-to", served, "-force", "-reason", reason})
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
				t.Fatal(err)
			}
			if code != 1 || !strings.Contains(errb.String(), tt.failing+": file too large") {
				t.Fatalf("promote with %s unwritable: exit %d, want 1 and the write error: %s", tt.failing, code, errb)
			}
			m, err := classifier.Load(served)
			if err != nil {
				t.Fatalf("the served directory no longer loads after a failed promotion: %v", err)
			}
			if m.Version() != "model-a" {
				t.Errorf("served %s after a failed promotion, want model-a", m.Version())
			}
			checkNoLeftovers(t, served)
		})
	}
}
