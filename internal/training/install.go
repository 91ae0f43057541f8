package training

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fenjian/fenjian/classifier"
)

// tempPrefix begins the names of the links Install makes before renaming
// them into place; the next promotion removes those a crash left.
const tempPrefix = ".promote-"

// lockFile is the file Install locks for its whole run, so that two
// promotions into one directory never remove each other's version.
const lockFile = ".promote.lock"

// topLevel are an artifact's names in the order Install makes them
// visible: the manifest last, so that a reader that finds the manifest's
// link already finds the others'.
var topLevel = []string{classifier.FeaturesFile, classifier.ModelFile, classifier.ManifestFile}

// installStep is called after each step of Install that changes the file
// system, with what was done. Tests of crashes replace it to kill the
// process there.
var installStep = func(string) {}

// Install makes files (an artifact's three, as Artifact.Files returns them)
// the model dir serves, in the layout classifier's modeldir.go describes.
// The new version is written, synced, into a directory of its own; one
// rename of the CurrentLink symlink switches dir to it; the directory is
// synced; then the previous versions are removed. Killed at any instant,
// dir serves the complete old model or the complete new one: before the
// rename nothing served has changed (a crashed promotion leaves a version
// directory no reader looks at, removed by the next promotion), after it
// every file is the new one's. A directory served by its files themselves
// (train -out, promotions before this layout) is first brought to the
// layout without changing what it serves: its files are copied into a
// version, and each name is replaced by a link to the same bytes.
//
// ctx is checked until the switch; from then on Install finishes.
func Install(ctx context.Context, dir string, files map[string][]byte) (err error) {
	for _, name := range topLevel {
		if len(files[name]) == 0 {
			return fmt.Errorf("install into %s: no %s", dir, name)
		}
	}
	if err := refuseVersionDir(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	unlock, err := lockDir(filepath.Join(dir, lockFile))
	if err != nil {
		return err
	}
	defer unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := adoptDir(dir); err != nil {
		return err
	}
	version, err := writeVersion(dir, files)
	if err != nil {
		return err
	}
	switched := false
	defer func() {
		if !switched {
			_ = os.RemoveAll(filepath.Join(dir, version)) // the error says what failed
		}
	}()
	// The last moment a Ctrl-C leaves the served model as it was.
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := replaceLink(dir, classifier.CurrentLink, version); err != nil {
		return err
	}
	switched = true
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("%s serves the new model, but it may not survive a power loss: %w", dir, err)
	}
	installStep("sync the switch")
	if err := removeStale(dir, version); err != nil {
		return fmt.Errorf("%s serves the new model; the next promotion removes what is left: %w", dir, err)
	}
	return verifyServed(dir, files)
}

// adoptDir brings dir to the promoted layout without changing what it
// serves. A directory already in it only has its top-level links checked.
// One that serves nothing (no manifest) gets the links at once: they point
// at no version until the switch. One served by its files has them copied
// into a version CurrentLink names, then each name replaced by a link to
// the same bytes, the manifest last: a reader of the files by name reads
// the old model throughout, and so does one that follows the manifest's
// link into the version.
func adoptDir(dir string) error {
	manifest := filepath.Join(dir, classifier.ManifestFile)
	if target, err := os.Readlink(manifest); err == nil && target == classifier.ServedLink(classifier.ManifestFile) {
		return linkTopLevel(dir)
	}
	switch _, err := os.Lstat(manifest); {
	case errors.Is(err, fs.ErrNotExist):
		// Nothing is served. A CurrentLink left without a manifest must
		// not become visible with the links.
		if err := os.Remove(filepath.Join(dir, classifier.CurrentLink)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("promote into %s: %w", dir, err)
		}
		return linkTopLevel(dir)
	case err != nil:
		return fmt.Errorf("promote into %s: %w", dir, err)
	}
	old := make(map[string][]byte, len(topLevel))
	for _, name := range topLevel {
		b, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			// Missing before, missing behind the link.
		case err != nil:
			return fmt.Errorf("promote into %s: %w", dir, err)
		default:
			old[name] = b
		}
	}
	version, err := writeVersion(dir, old)
	if err != nil {
		return err
	}
	if err := replaceLink(dir, classifier.CurrentLink, version); err != nil {
		return err
	}
	return linkTopLevel(dir)
}

// linkTopLevel makes each top-level name the link into CurrentLink, where
// it is not already, and syncs dir when it changed.
func linkTopLevel(dir string) error {
	changed := false
	for _, name := range topLevel {
		link := classifier.ServedLink(name)
		if target, err := os.Readlink(filepath.Join(dir, name)); err == nil && target == link {
			continue
		}
		if err := replaceLink(dir, name, link); err != nil {
			return err
		}
		changed = true
	}
	if !changed {
		return nil
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	installStep("sync the links")
	return nil
}

// writeVersion writes files into a new version directory of dir, each
// file and the directory synced, then dir synced (its new entry), and
// returns the version directory's name. Files and directory are readable by
// all: the server may run as another user than the one who promotes.
func writeVersion(dir string, files map[string][]byte) (_ string, err error) {
	path, err := os.MkdirTemp(dir, classifier.VersionPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("promote into %s: %w", dir, err)
	}
	installStep("create " + classifier.VersionPrefix)
	defer func() {
		if err != nil {
			_ = os.RemoveAll(path) // the error says what failed
		}
	}()
	if err := os.Chmod(path, 0o755); err != nil {
		return "", fmt.Errorf("promote into %s: %w", dir, err)
	}
	for _, name := range topLevel {
		if b, ok := files[name]; ok {
			if err := writeSynced(filepath.Join(path, name), b); err != nil {
				return "", err
			}
		}
	}
	if err := syncDir(path); err != nil {
		return "", err
	}
	installStep("sync " + classifier.VersionPrefix)
	if err := syncDir(dir); err != nil {
		return "", err
	}
	installStep("sync the new " + classifier.VersionPrefix)
	return filepath.Base(path), nil
}

// writeSynced creates path (it must not exist) with b, mode 0644, synced.
func writeSynced(path string, b []byte) (err error) {
	// Each error of os names the operation and the file.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("promote: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("promote: %w", cerr)
		}
	}()
	// The umask may have taken bits away.
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("promote: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		return fmt.Errorf("promote: %w", err)
	}
	installStep("write " + filepath.Base(path))
	if err := f.Sync(); err != nil {
		return fmt.Errorf("promote: %w", err)
	}
	installStep("sync " + filepath.Base(path))
	return nil
}

// replaceLink makes dir/name a symlink to target by renaming a new link
// over it: a reader finds the old name or the new one, never neither.
func replaceLink(dir, name, target string) error {
	tmp := filepath.Join(dir, tempPrefix+name)
	// One left by a crashed promotion; Install holds the lock.
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("promote into %s: %w", dir, err)
	}
	if err := os.Symlink(target, tmp); err != nil {
		return fmt.Errorf("promote into %s: %w", dir, err)
	}
	installStep("link " + name)
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		_ = os.Remove(tmp) // the error says what failed
		return fmt.Errorf("promote into %s: %w", dir, err)
	}
	installStep("rename " + name)
	return nil
}

// removeStale removes the version directories of dir other than keep and
// the temporary links crashed promotions left, then syncs dir. Readers
// that were still reading a removed version read the current one instead
// (classifier.ReadDir).
func removeStale(dir, keep string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("clean %s: %w", dir, err)
	}
	var errs []error
	for _, e := range entries {
		name, prefix := e.Name(), ""
		switch {
		case name == keep:
		case strings.HasPrefix(name, classifier.VersionPrefix):
			prefix = classifier.VersionPrefix
		case strings.HasPrefix(name, tempPrefix):
			prefix = tempPrefix
		}
		if prefix == "" {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			errs = append(errs, err)
			continue
		}
		installStep("remove " + prefix)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("clean %s: %w", dir, err)
	}
	return syncDir(dir)
}

// verifyServed checks dir now serves exactly files (which the caller
// verified), read back from where a server reads them.
func verifyServed(dir string, files map[string][]byte) error {
	served, err := classifier.ServedVersionDir(dir)
	if err != nil {
		return fmt.Errorf("verify %s after the switch: %w", dir, err)
	}
	got, err := classifier.ReadArtifactFiles(os.DirFS(served))
	if err != nil {
		return fmt.Errorf("verify %s after the switch: %w", dir, err)
	}
	for _, name := range topLevel {
		if !bytes.Equal(got[name], files[name]) {
			return fmt.Errorf("verify %s after the switch: %s is not the promoted one", dir, name)
		}
	}
	return nil
}

// syncDir makes the entries created, renamed and removed in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
