//go:build unix

package training

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fenjian/fenjian/classifier"
)

// twoModels returns the shipped model and the same with a baseline blend:
// model files that differ, so that a half promotion cannot go unseen.
func twoModels(t *testing.T) (old, cand *Artifact) {
	t.Helper()
	shipped := filepath.Join("..", "..", "classifier", "defaultmodel", "model")
	old, err := ReadArtifact(shipped)
	if err != nil {
		t.Fatal(err)
	}
	cand, err = ReadArtifact(shipped)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cand.Adjust(map[string]float64{"CASE_KIND_CIVIL": 0.5}, nil, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(old.Files()[classifier.ModelFile], cand.Files()[classifier.ModelFile]) {
		t.Fatal("the two models' files are the same")
	}
	return old, cand
}

// TestInstallLayout promotes into the directories an operator may have:
// its files written in place (train -out, promotions before the versioned
// layout), written in place behind the operator's own links, promoted into
// before, empty, or not there yet. Each ends in the versioned layout
// serving the candidate byte for byte, with one version left, its files
// readable by all (0644, under a umask that would take that away) and its
// directory too (0755).
func TestInstallLayout(t *testing.T) {
	old, cand := twoModels(t)
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{"files written in place", func(t *testing.T, dir string) {
			if err := old.WriteDir(dir); err != nil {
				t.Fatal(err)
			}
		}},
		{"files linked by the operator", func(t *testing.T, dir string) {
			elsewhere := filepath.Join(t.TempDir(), "v1")
			if err := old.WriteDir(elsewhere); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range topLevel {
				if err := os.Symlink(filepath.Join(elsewhere, name), filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"promoted before", func(t *testing.T, dir string) {
			if err := Install(context.Background(), dir, old.Files()); err != nil {
				t.Fatal(err)
			}
		}},
		{"empty", func(t *testing.T, dir string) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"not there", func(*testing.T, string) {}},
	}
	umask := syscall.Umask(0o077)
	defer syscall.Umask(umask)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "served")
			tt.setup(t, dir)
			if err := Install(context.Background(), dir, cand.Files()); err != nil {
				t.Fatal(err)
			}
			checkLayout(t, dir, cand)
		})
	}
}

// checkLayout checks dir is in the versioned layout and serves want.
func checkLayout(t *testing.T, dir string, want *Artifact) {
	t.Helper()
	for _, name := range topLevel {
		if target, err := os.Readlink(filepath.Join(dir, name)); err != nil || target != classifier.ServedLink(name) {
			t.Errorf("%s: link to %q (%v), want %q", name, target, err, classifier.ServedLink(name))
		}
	}
	version, err := os.Readlink(filepath.Join(dir, classifier.CurrentLink))
	if err != nil || !strings.HasPrefix(version, classifier.VersionPrefix) {
		t.Fatalf("%s: %q, %v; want a version", classifier.CurrentLink, version, err)
	}
	if fi, err := os.Stat(filepath.Join(dir, version)); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("version directory: %v, %v; want mode 0755", fi.Mode(), err)
	}
	for name, b := range want.Files() {
		path := filepath.Join(dir, name)
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s is not the promoted one (%v)", name, err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, %v; want 0644", name, fi.Mode(), err)
		}
	}
	checkOnlyCurrent(t, dir)
	m, err := classifier.Load(dir)
	if err != nil || m.Version() != want.Manifest.Version {
		t.Fatalf("classifier.Load: %v; want %s", err, want.Manifest.Version)
	}
}

// TestInstallRefuses: a promotion that cannot go ahead leaves the directory
// serving what it served, and no version of its own behind.
func TestInstallRefuses(t *testing.T) {
	old, cand := twoModels(t)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	noManifest := cand.Files()
	delete(noManifest, classifier.ManifestFile)
	tests := []struct {
		name    string
		ctx     context.Context
		files   map[string][]byte
		hold    bool // another promotion holds the lock
		wantErr string
	}{
		{"no manifest", context.Background(), noManifest, false, "no " + classifier.ManifestFile},
		{"canceled", canceled, cand.Files(), false, context.Canceled.Error()},
		{"another promotion running", context.Background(), cand.Files(), true, "another promotion"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "served")
			if err := Install(context.Background(), dir, old.Files()); err != nil {
				t.Fatal(err)
			}
			if tt.hold {
				unlock, err := lockDir(filepath.Join(dir, lockFile))
				if err != nil {
					t.Fatal(err)
				}
				defer unlock()
			}
			err := Install(tt.ctx, dir, tt.files)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Install: %v, want an error with %q", err, tt.wantErr)
			}
			checkLayout(t, dir, old)
		})
	}
}

// TestInstallCanceledDuringAdoption: a Ctrl-C while a directory of files
// is brought to the versioned layout leaves it serving the same model.
func TestInstallCanceledDuringAdoption(t *testing.T) {
	old, cand := twoModels(t)
	dir := filepath.Join(t.TempDir(), "served")
	if err := old.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	installStep = func(step string) {
		if step == "sync the links" {
			cancel()
		}
	}
	defer func() { installStep = func(string) {} }()
	if err := Install(ctx, dir, cand.Files()); !errors.Is(err, context.Canceled) {
		t.Fatalf("Install: %v, want canceled", err)
	}
	checkLayout(t, dir, old)
}

// A directory promote serves is written only by promote. WriteDir (train
// -out, adjust -out, which "may equal -model") renamed its files over the
// served links: `adjust -model models/current -out models/current` in the
// outside check replaced a served model with no -eval evidence and no
// promotion record, three renames a crash could split (a restart then
// refuses to start on the mixed files), and left the served version behind
// the links stale. It is refused, naming promote, and the directory still
// serves what it served.
func TestWriteDirRefusesServedDir(t *testing.T) {
	old, cand := twoModels(t)
	dir := filepath.Join(t.TempDir(), "served")
	if err := Install(context.Background(), dir, old.Files()); err != nil {
		t.Fatal(err)
	}
	err := cand.WriteDir(dir)
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "triagectl promote") {
		t.Fatalf("WriteDir into a promoted directory: %v, want a refusal naming it and triagectl promote", err)
	}
	checkLayout(t, dir, old)
}

// TestInstallRefusesAVersionInside: promoting or writing into a served
// directory's version (DIR/.current, DIR/.version-…, or a link to one) is
// refused and leaves what DIR serves as it was: Install there took a lock
// of its own inside the version, adopted the served files into a nested
// layout and switched them, bypassing DIR's lock and switch (outside check
// 9). A directory named like a version whose parent serves nothing is not
// refused (near miss).
func TestInstallRefusesAVersionInside(t *testing.T) {
	old, cand := twoModels(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "current")
	if err := Install(ctx, dir, old.Files()); err != nil {
		t.Fatal(err)
	}
	version, err := os.Readlink(filepath.Join(dir, classifier.CurrentLink))
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "served-version")
	if err := os.Symlink(filepath.Join(dir, version), link); err != nil {
		t.Fatal(err)
	}
	served := func() []byte {
		t.Helper()
		files, _, err := classifier.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		return files[classifier.ModelFile]
	}
	before := served()
	for _, target := range []string{filepath.Join(dir, classifier.CurrentLink), filepath.Join(dir, version), link} {
		if err := Install(ctx, target, cand.Files()); err == nil || !strings.Contains(err.Error(), "promote into "+dir) {
			t.Errorf("Install into %s = %v; want it refused, naming %s", target, err, dir)
		}
		if err := cand.WriteDir(target); err == nil || !strings.Contains(err.Error(), "promote into "+dir) {
			t.Errorf("WriteDir into %s = %v; want it refused, naming %s", target, err, dir)
		}
		if _, err := os.Lstat(filepath.Join(dir, version, lockFile)); err == nil {
			t.Errorf("a lock file was made inside the served version by %s", target)
		}
	}
	if !bytes.Equal(served(), before) {
		t.Error("the served model changed")
	}
	nearMiss := filepath.Join(t.TempDir(), classifier.VersionPrefix+"mine")
	if err := Install(ctx, nearMiss, cand.Files()); err != nil {
		t.Errorf("Install into %s, whose parent serves nothing: %v", nearMiss, err)
	}
}
