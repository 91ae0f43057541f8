package main

import (
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsNameEveryCommand holds the two places that list triagectl's
// commands to the commands it has: the package comment (`go doc
// ./cmd/triagectl`) and the cmd/triagectl row of docs/architecture.md's
// package table. Both had missed the commands added since they were
// written (realcv, adjust, export, stats, audit keygen), so a reader of
// either did not know the tool had them.
func TestDocsNameEveryCommand(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	pkgDoc := f.Doc.Text()

	arch, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	var row string
	for _, line := range strings.Split(string(arch), "\n") {
		if strings.HasPrefix(line, "| `cmd/triagectl` |") {
			row = line
		}
	}
	if row == "" {
		t.Fatal("docs/architecture.md has no `cmd/triagectl` row in its package table")
	}

	names := []string{"audit verify", "audit redraw", "audit keygen"}
	for _, c := range commands() {
		if c.name != "audit" {
			names = append(names, c.name)
		}
	}
	for _, c := range commands() {
		if c.name != "audit" {
			continue
		}
		// triagectl help lists audit's subcommands in its one-line summary.
		for _, sub := range []string{"audit verify", "audit redraw", "audit keygen"} {
			if !strings.Contains(c.summary, sub) {
				t.Errorf("triagectl help's audit summary does not name %q: %s", sub, c.summary)
			}
		}
	}
	for _, name := range names {
		// A command is named as a word of its own: "eval" is not found in
		// "evaluate", nor "gen" in "generate".
		word := regexp.MustCompile(`(^|[^a-z])` + regexp.QuoteMeta(name) + `([^a-z]|$)`)
		if !word.MatchString(row) {
			t.Errorf("docs/architecture.md's cmd/triagectl row does not name %q:\n%s", name, row)
		}
		if !word.MatchString(pkgDoc) {
			t.Errorf("the package comment of cmd/triagectl does not name %q:\n%s", name, pkgDoc)
		}
	}
}
