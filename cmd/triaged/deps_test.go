package main

import (
	"bytes"
	"os"
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

// TestGRPCImporters holds docs/architecture.md's sentence on which packages
// import gRPC ("Only `server` … import gRPC") to `go list`: the sentence
// names exactly the repository's packages whose non-test code imports
// google.golang.org/grpc or a package under it (`api/` standing for the
// generated code). It had named the cmd/ binaries, which import the server
// and no gRPC, and missed internal/protocodec and bench, which do.
func TestGRPCImporters(t *testing.T) {
	goBin := goTool(t)
	const module = "github.com/fenjian/fenjian/"
	cmd := exec.Command(goBin, "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v", err)
	}
	importers := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			if imp == "google.golang.org/grpc" || strings.HasPrefix(imp, "google.golang.org/grpc/") {
				p := strings.TrimPrefix(f[0], module)
				if strings.HasPrefix(p, "api/") {
					p = "api/"
				}
				importers[p] = true
			}
		}
	}
	if !importers["server"] {
		t.Fatalf("go list finds no gRPC import in server; output:\n%s", out)
	}

	arch, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(arch)), " ")
	start := strings.Index(text, "Only `server`")
	end := strings.Index(text[max(start, 0):], "import gRPC")
	if start < 0 || end < 0 {
		t.Fatal("docs/architecture.md has no sentence \"Only `server` … import gRPC\"")
	}
	sentence := text[start : start+end]
	named := map[string]bool{}
	for i, part := range strings.Split(sentence, "`") {
		if i%2 == 1 && !strings.Contains(part, " ") { // a command, not a package
			named[part] = true
		}
	}
	for p := range importers {
		if !named[p] {
			t.Errorf("%s imports gRPC; docs/architecture.md does not name it: %q", p, sentence)
		}
	}
	for p := range named {
		if !importers[p] {
			t.Errorf("docs/architecture.md names %s as importing gRPC; it does not: %q", p, sentence)
		}
	}
}

// TestArchitectureNamesEveryPackage holds docs/architecture.md's package
// table to `go list ./...`: every package of the module is named on the page
// (back-quoted, as the table names them), so a package added or moved is
// placed in the picture. The table had missed six internal packages.
func TestArchitectureNamesEveryPackage(t *testing.T) {
	goBin := goTool(t)
	cmd := exec.Command(goBin, "list", "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v", err)
	}
	arch, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := strings.Fields(string(out))
	if len(pkgs) < 10 {
		t.Fatalf("go list ./... lists %d packages:\n%s", len(pkgs), out)
	}
	for _, p := range pkgs {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, "github.com/fenjian/fenjian"), "/")
		if rel == "" {
			continue // the module root holds no package today
		}
		if !strings.Contains(string(arch), "`"+rel+"`") {
			t.Errorf("docs/architecture.md does not name package `%s`", rel)
		}
	}
}
