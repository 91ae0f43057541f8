package logattr_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/logattr"
)

func TestSecondsInJSON(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{"took", 2004369445 * time.Nanosecond, `"took_seconds":2.004369445`},
		{"duration", 460 * time.Millisecond, `"duration_seconds":0.46`},
		{"delay", 0, `"delay_seconds":0`},
		{"timeout", 90 * time.Second, `"timeout_seconds":90`},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", logattr.Seconds(tt.name, tt.d))
		if !strings.Contains(buf.String(), tt.want) {
			t.Errorf("Seconds(%q, %v) logs %s, want %s", tt.name, tt.d, buf.Bytes(), tt.want)
		}
		var rec map[string]any
		if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if _, ok := rec[tt.name+"_seconds"].(float64); !ok {
			t.Errorf("Seconds(%q, %v): %#v is not a JSON number", tt.name, tt.d, rec[tt.name+"_seconds"])
		}
	}
}

// logMethods are the *slog.Logger methods that write a record.
var logMethods = map[string]bool{
	"Debug": true, "Info": true, "Warn": true, "Error": true,
	"DebugContext": true, "InfoContext": true, "WarnContext": true, "ErrorContext": true,
	"Log": true, "LogAttrs": true,
}

// TestNoDurationLoggedOtherwise reads every Go file of the module but the
// tests and bench/ (a load generator printing its own report) and fails on
// a duration logged without Seconds: slog.Duration or slog.DurationValue
// anywhere (nanoseconds in JSON), or a log call with an argument that
// measures time.Since outside a Seconds call (the migrations' "0.46s").
func TestNoDurationLoggedOtherwise(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if rel == "bench" || rel == "internal/logattr" || strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "slog" && (sel.Sel.Name == "Duration" || sel.Sel.Name == "DurationValue") {
				t.Errorf("%s: slog.%s logs integer nanoseconds in JSON; use logattr.Seconds", fset.Position(call.Pos()), sel.Sel.Name)
			}
			if !logMethods[sel.Sel.Name] {
				return true
			}
			for _, arg := range call.Args {
				if isSecondsCall(arg) {
					continue
				}
				ast.Inspect(arg, func(n ast.Node) bool {
					if c, ok := n.(*ast.CallExpr); ok && isSelector(c.Fun, "time", "Since") {
						t.Errorf("%s: a duration logged without logattr.Seconds", fset.Position(c.Pos()))
					}
					return true
				})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read %d Go files under %s: not the module", files, root)
	}
}

func isSecondsCall(e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	return ok && isSelector(c.Fun, "logattr", "Seconds")
}

func isSelector(e ast.Expr, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg && sel.Sel.Name == name
}
