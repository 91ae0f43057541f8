package classifier

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A model directory that `triagectl promote` installs into (internal/training's
// Install) serves one version at a time and switches versions with one
// rename:
//
//	manifest.json -> .current/manifest.json
//	features.json -> .current/features.json
//	model.json.gz -> .current/model.json.gz
//	.current      -> .version-…        the switch: one symlink, renamed over
//	.version-…/   manifest.json, features.json, model.json.gz
//
// The three names at the top stay where readers (triaged's -model, its
// manifest watch, an older triaged that reads them one by one) look for
// them. A directory written otherwise — the three files themselves, as
// `triagectl train -out` and promotions before this layout wrote them — is
// read as it always was.
const (
	// CurrentLink is the symlink naming the served version's directory.
	CurrentLink = ".current"
	// VersionPrefix begins the name of every version directory.
	VersionPrefix = ".version-"
)

// readAttempts bounds how often ReadDir starts again when a promotion
// switched the directory to another version while it read one.
const readAttempts = 5

// readingVersion is called by ReadDir with each version directory it is
// about to read; tests switch the directory there.
var readingVersion = func(string) {}

// ServedLink is where the top-level name (ManifestFile, FeaturesFile or
// ModelFile) of a promoted directory points.
func ServedLink(name string) string { return CurrentLink + "/" + name }

// ServedVersionDir returns the directory holding the files dir serves: the
// version directory CurrentLink names when dir's manifest.json is the
// promoted layout's link, else dir itself.
func ServedVersionDir(dir string) (string, error) {
	target, err := os.Readlink(filepath.Join(dir, ManifestFile))
	if err != nil || target != ServedLink(ManifestFile) {
		// A regular manifest (or one linked elsewhere by the operator,
		// or none): the files are read by their own names.
		return dir, nil
	}
	version, err := os.Readlink(filepath.Join(dir, CurrentLink))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// The links are made before the first version is switched in: a
		// first promotion that did not reach its switch serves nothing,
		// as before it.
		return dir, nil
	case err != nil:
		return "", fmt.Errorf("%s: %w", CurrentLink, err)
	case !filepath.IsLocal(version) || filepath.Base(version) != version:
		return "", fmt.Errorf("%s: %w: points at %q, not a version in %s", CurrentLink, ErrInvalid, version, dir)
	}
	return filepath.Join(dir, version), nil
}

// ReadDir reads and verifies (DecodeArtifact) the model dir serves and
// returns its files and the decoded artifact. The files of one version are
// read together: when reading fails and, meanwhile, a promotion switched
// dir to another version (and may have removed the one being read), it
// reads the new one instead, so that a server starting or reloading during
// a promotion loads the old model or the new one, never fails on the
// switch.
func ReadDir(dir string) (map[string][]byte, *Artifact, error) {
	served, err := ServedVersionDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for attempt := 1; ; attempt++ {
		readingVersion(served)
		files, art, err := readArtifact(os.DirFS(served))
		if err == nil {
			return files, art, nil
		}
		again, rerr := ServedVersionDir(dir)
		if rerr != nil || again == served || attempt == readAttempts {
			return nil, nil, err
		}
		served = again
	}
}

// readArtifact reads and decodes the artifact at fsys's root.
func readArtifact(fsys fs.FS) (files map[string][]byte, art *Artifact, err error) {
	err = guard(func() error {
		if files, err = ReadArtifactFiles(fsys); err != nil {
			return err
		}
		art, err = DecodeArtifact(files)
		return err
	})
	return files, art, err
}

// guard runs f, turning a panic into ErrInvalid. Validation is meant to
// catch everything; this is the last line of defence for a loader of files
// from outside.
func guard(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrInvalid, r)
		}
	}()
	return f()
}
