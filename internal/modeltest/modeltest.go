// Package modeltest writes real model directories for tests of reloading and
// promotion: the repository's trained default model under a version of the
// test's choosing, so tests can tell models apart without training.
package modeltest

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// defaultModelDir is classifier/defaultmodel/model, found from this file so
// tests of any package (and bench's fault runs) can use it.
func defaultModelDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("modeltest: cannot locate the repository")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "classifier", "defaultmodel", "model"), nil
}

// Write writes the default model into dir as version, the way a promotion
// does: model files first, the manifest last by an atomic rename.
func Write(t testing.TB, dir, version string) {
	t.Helper()
	if err := Promote(dir, version, false); err != nil {
		t.Fatal(err)
	}
}

// WriteBroken is Write with the model file truncated before the manifest is
// renamed into place: a broken promotion, whole from the first moment a
// watcher can see its manifest.
func WriteBroken(t testing.TB, dir, version string) {
	t.Helper()
	if err := Promote(dir, version, true); err != nil {
		t.Fatal(err)
	}
}

// Promote is Write (broken false) and WriteBroken (broken true) for callers
// without a testing.TB.
func Promote(dir, version string, broken bool) error {
	src, err := defaultModelDir()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"features.json", "model.json.gz"} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return err
		}
		if broken && name == "model.json.gz" {
			b = b[:len(b)/2]
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	b, err := os.ReadFile(filepath.Join(src, "manifest.json"))
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	m["version"] = version
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, "manifest.json.tmp")
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "manifest.json"))
}

// Corrupt truncates the model file of dir, as a half-copied promotion would.
func Corrupt(t testing.TB, dir string) {
	t.Helper()
	p := filepath.Join(dir, "model.json.gz")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
}
