package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// servingForbidden are the import path prefixes the server binary must not
// link: model training (golearn and what it pulls in), the evaluation
// report's tables, plots and charts, the CLI's progress bars, and the
// repository's own training and evaluation packages. The server loads a
// trained model (package classifier) and nothing that trains or reports.
var servingForbidden = []string{
	"github.com/sjwhitworth/golearn",
	"gonum.org/v1/gonum",
	"gonum.org/v1/plot",
	"gonum.org/v1/netlib",
	"github.com/gonum/",
	"github.com/rocketlaunchr/dataframe-go",
	"github.com/olekukonko/tablewriter",
	"github.com/guptarohit/asciigraph",
	"github.com/schollz/progressbar",
	"github.com/fenjian/fenjian/internal/training",
	"github.com/fenjian/fenjian/internal/evaluation",
}

// TestServingDependencies lists what `go list -deps` says this command
// links and fails on any training or plotting package: the split between
// serving (classifier) and training (internal/training) is kept by this
// test, not by convention.
func TestServingDependencies(t *testing.T) {
	goBin := goTool(t)
	out, err := exec.Command(goBin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 || !strings.Contains(string(out), "github.com/fenjian/fenjian/classifier\n") {
		t.Fatalf("go list -deps lists no classifier; output:\n%s", out)
	}
	for _, dep := range deps {
		for _, bad := range servingForbidden {
			if dep == strings.TrimSuffix(bad, "/") || strings.HasPrefix(dep, strings.TrimSuffix(bad, "/")+"/") {
				t.Errorf("triaged links %s (forbidden: %s)", dep, bad)
			}
		}
	}
}

// goTool returns the go command of the toolchain that `go env GOROOT`
// names, so the listing uses the same toolchain as the build.
func goTool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command on PATH: %v", err)
	}
	root, err := exec.Command(path, "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	return filepath.Join(string(bytes.TrimSpace(root)), "bin", "go")
}
