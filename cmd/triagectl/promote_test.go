package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/modeltest"
)

func TestPromote(t *testing.T) {
	served := filepath.Join(t.TempDir(), "served")
	modeltest.Write(t, served, "model-a")
	candidate := filepath.Join(t.TempDir(), "candidate")
	modeltest.Write(t, candidate, "model-b")
	broken := filepath.Join(t.TempDir(), "broken")
	modeltest.Write(t, broken, "model-c")
	modeltest.Corrupt(t, broken)

	tests := []struct {
		name    string
		args    []string
		code    int
		serving string
	}{
		{"usage", []string{"promote", "-from", candidate}, 2, "model-a"},
		{"broken candidate is refused and nothing is copied", []string{"promote", "-from", broken, "-to", served}, 1, "model-a"},
		{"good candidate", []string{"promote", "-from", candidate, "-to", served}, 0, "model-b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _, errb := testEnv("")
			if code := dispatch(context.Background(), e, tt.args); code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errb.String())
			}
			m, err := classifier.Load(served)
			if err != nil {
				t.Fatalf("served directory does not load: %v", err)
			}
			if m.Version() != tt.serving {
				t.Fatalf("served %s, want %s", m.Version(), tt.serving)
			}
			leftovers, _ := filepath.Glob(filepath.Join(served, ".promote-*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(served, "manifest.json")); err != nil {
		t.Fatal(err)
	}
}
