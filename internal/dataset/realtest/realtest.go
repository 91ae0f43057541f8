// Package realtest gives tests the real filings of the development set
// (internal/dataset.RealDir), or skips them with a message where the
// filings are absent: they are not in the repository, and a clean clone
// must still pass.
package realtest

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
)

// Filings reads every real filing, or skips t when there are none to read;
// a directory that is there but does not read fails t.
func Filings(t testing.TB) []*triagev1.LabeledFiling {
	t.Helper()
	dir := dataset.RealDir()
	if dir == "" {
		t.Skipf("no real filings: set %s or place them in ../shared/real", dataset.RealDirEnv)
	}
	real, err := dataset.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return real
}
