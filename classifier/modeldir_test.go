//go:build unix

package classifier

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/fenjian/fenjian/internal/modeltest"
)

// promotedDir makes dir the versioned layout by hand, serving a version
// of the default model named version, and returns the version directory's
// name. (internal/training's Install writes it; this package only reads.)
func promotedDir(t *testing.T, dir, version string) string {
	t.Helper()
	name := VersionPrefix + version
	modeltest.Write(t, filepath.Join(dir, name), version)
	for _, f := range []string{FeaturesFile, ModelFile, ManifestFile} {
		if err := os.Symlink(ServedLink(f), filepath.Join(dir, f)); err != nil && !errors.Is(err, os.ErrExist) {
			t.Fatal(err)
		}
	}
	switchTo(t, dir, name)
	return name
}

// switchTo points dir's CurrentLink at version with one rename.
func switchTo(t *testing.T, dir, version string) {
	t.Helper()
	tmp := filepath.Join(dir, ".tmp-link")
	if err := os.Symlink(version, tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, CurrentLink)); err != nil {
		t.Fatal(err)
	}
}

// TestServedVersionDir: the files are read from the version CurrentLink
// names only when the manifest is the layout's link; a directory of files,
// the operator's own links, or links made before any version was switched
// in are read by name as before; a CurrentLink out of the directory is
// refused.
func TestServedVersionDir(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		want    string // relative to dir
		wantErr error
	}{
		{"files", func(t *testing.T, dir string) { modeltest.Write(t, dir, "a") }, ".", nil},
		{"operator's links", func(t *testing.T, dir string) {
			other := t.TempDir()
			modeltest.Write(t, other, "a")
			if err := os.Symlink(filepath.Join(other, ManifestFile), filepath.Join(dir, ManifestFile)); err != nil {
				t.Fatal(err)
			}
		}, ".", nil},
		{"versioned", func(t *testing.T, dir string) { promotedDir(t, dir, "a") }, VersionPrefix + "a", nil},
		{"links before the first switch", func(t *testing.T, dir string) {
			promotedDir(t, dir, "a")
			if err := os.Remove(filepath.Join(dir, CurrentLink)); err != nil {
				t.Fatal(err)
			}
		}, ".", nil},
		{"current link out of the directory", func(t *testing.T, dir string) {
			promotedDir(t, dir, "a")
			switchTo(t, dir, "../elsewhere")
		}, "", ErrInvalid},
		{"current link absolute", func(t *testing.T, dir string) {
			promotedDir(t, dir, "a")
			switchTo(t, dir, filepath.Join(dir, VersionPrefix+"a"))
		}, "", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			got, err := ServedVersionDir(dir)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ServedVersionDir: %q, %v; want %v", got, err, tt.wantErr)
				}
				return
			}
			if want := filepath.Join(dir, tt.want); err != nil || got != want {
				t.Fatalf("ServedVersionDir: %q, %v; want %q", got, err, want)
			}
		})
	}
}

// TestReadDirFollowsSwitch: a reader whose version is switched away from
// and removed just before it reads it (a promotion's switch and clean-up)
// reads the version switched to; one that finds its version gone every
// time, for longer than readAttempts promotions, or gone with no promotion
// at all, fails, naming the file rather than serving something else.
func TestReadDirFollowsSwitch(t *testing.T) {
	tests := []struct {
		name     string
		switches int  // promotions that land just before the reader reads
		gone     bool // the served version removed, with no switch
		want     string
		wantErr  error
	}{
		{"one promotion", 1, false, "v1", nil},
		{"as many as attempts", readAttempts - 1, false, fmt.Sprintf("v%d", readAttempts-1), nil},
		{"more than attempts", readAttempts, false, "", ErrMissingFile},
		{"version gone", 0, true, "", ErrMissingFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			v0 := promotedDir(t, dir, "v0")
			if tt.gone {
				if err := os.RemoveAll(filepath.Join(dir, v0)); err != nil {
					t.Fatal(err)
				}
			}
			n := 0
			readingVersion = func(version string) {
				if n == tt.switches {
					return
				}
				n++
				next := fmt.Sprintf("v%d", n)
				modeltest.Write(t, filepath.Join(dir, VersionPrefix+next), next)
				switchTo(t, dir, VersionPrefix+next)
				if err := os.RemoveAll(version); err != nil {
					t.Fatal(err)
				}
			}
			defer func() { readingVersion = func(string) {} }()
			_, art, err := ReadDir(dir)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ReadDir: %v; want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || art.Manifest.Version != tt.want {
				t.Fatalf("ReadDir: %v; want %s", err, tt.want)
			}
		})
	}
}
