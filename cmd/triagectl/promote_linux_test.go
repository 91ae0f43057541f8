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

// TestPromoteDiskFullKeepsServedModel: a promotion whose last file cannot
// be written (here a file size limit, as a full disk would do) leaves the
// served directory as it was, loadable. Written and renamed file by file,
// the candidate's trees were already in place beside the old manifest: the
// running servers kept their model, but none could start from the
// directory (checksum mismatch), so any restart failed. The manifest is
// the file that fails because its -reason makes it the largest. Not
// parallel: the limit is the process's.
func TestPromoteDiskFullKeepsServedModel(t *testing.T) {
	served := filepath.Join(t.TempDir(), "served")
	modeltest.Write(t, served, "model-a")
	// The candidate's trees differ from the served ones (adjust stores the
	// blend in them), as a retrained model's do.
	candidate := filepath.Join(t.TempDir(), "candidate")
	e, _, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"adjust", "-model", served, "-out", candidate, "-blend", "civil=0.5"}); code != 0 {
		t.Fatalf("adjust: exit %d: %s", code, stderr)
	}
	read := func(dir, name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	trees := read(candidate, classifier.ModelFile)
	if bytes.Equal(read(served, classifier.ModelFile), trees) {
		t.Fatal("the served and candidate trees are the same: a half promotion would go unseen")
	}
	reason := strings.Repeat("理由", len(trees)/3+1) // the manifest outgrows the trees
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	// Writes past the limit fail with EFBIG (Go ignores SIGXFSZ).
	limit := old
	limit.Cur = uint64(max(len(trees), len(read(candidate, classifier.FeaturesFile))))
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Skipf("cannot limit the file size: %v", err)
	}
	e, _, errb := testEnv("")
	code := dispatch(context.Background(), e, []string{"promote", "-from", candidate, "-to", served, "-force", "-reason", reason})
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if code != 1 || !strings.Contains(errb.String(), "file too large") {
		t.Fatalf("promote with the manifest unwritable: exit %d, want 1 and the write error: %s", code, errb)
	}
	m, err := classifier.Load(served)
	if err != nil {
		t.Fatalf("the served directory no longer loads after a failed promotion: %v", err)
	}
	if m.Version() != "model-a" {
		t.Errorf("served %s after a failed promotion, want model-a", m.Version())
	}
	if leftovers, _ := filepath.Glob(filepath.Join(served, ".promote-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
