package training

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
)

// Artifact is a model directory's content with its encoded files: what
// training produces and `triagectl adjust` and `promote` rewrite. Loading
// and verifying stay in package classifier, which the server links; this
// side writes.
type Artifact struct {
	classifier.Artifact
	files map[string][]byte
}

// Files returns the artifact's files by name (manifest included).
func (a *Artifact) Files() map[string][]byte {
	out := make(map[string][]byte, len(a.files))
	for k, v := range a.files {
		out[k] = bytes.Clone(v)
	}
	return out
}

// encode serialises the feature config and model, fills the manifest's
// checksums and version, and serialises the manifest. Everything but
// Manifest.Created is a function of the inputs, so equal training runs give
// byte-identical files.
func (a *Artifact) encode() error {
	feat, err := a.Features.Encode()
	if err != nil {
		return fmt.Errorf("encode %s: %w", classifier.FeaturesFile, err)
	}
	mj, err := json.Marshal(&a.Params)
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(mj); err != nil {
		return fmt.Errorf("compress model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress model: %w", err)
	}
	a.files = map[string][]byte{classifier.FeaturesFile: feat, classifier.ModelFile: gz.Bytes()}
	a.Manifest.Files = map[string]string{
		classifier.FeaturesFile: classifier.FileChecksum(feat),
		classifier.ModelFile:    classifier.FileChecksum(gz.Bytes()),
	}
	if a.Manifest.Version == "" {
		id := classifier.FileChecksum(append(append([]byte{}, feat...), gz.Bytes()...))[:8]
		a.Manifest.Version = fmt.Sprintf("%s-%s-%s", classifier.ModelKind, a.Manifest.Created.UTC().Format("20060102"), id)
	}
	return a.encodeManifest()
}

// encodeManifest serialises the manifest alone.
func (a *Artifact) encodeManifest() error {
	man, err := json.MarshalIndent(&a.Manifest, "", "  ")
	if err != nil {
		return fmt.Errorf("encode manifest: %w", err)
	}
	a.files[classifier.ManifestFile] = append(man, '\n')
	return nil
}

// load runs the artifact's encoded files through the same verification as
// classifier.LoadFS and returns the model exactly as the server will load it.
func (a *Artifact) load() (*classifier.Model, error) {
	dec, err := classifier.DecodeArtifact(a.Files())
	if err != nil {
		return nil, err
	}
	return dec.Model()
}

// WriteDir writes the artifact into dir, creating it if needed. Files are
// written to temporaries and renamed, the manifest last, so a reader never
// sees a manifest whose files are not all in place.
//
// A directory in promote's layout (Install) is refused: renaming the files
// over its links would replace the served model without promote's evidence
// and record, in three steps a crash could split.
func (a *Artifact) WriteDir(dir string) error {
	if err := refuseServed(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create model directory: %w", err)
	}
	for _, name := range []string{classifier.FeaturesFile, classifier.ModelFile, classifier.ManifestFile} {
		if err := writeFileAtomic(filepath.Join(dir, name), a.files[name]); err != nil {
			return err
		}
	}
	return nil
}

// CheckWritable returns the error WriteDir would refuse dir with, before
// any work is done for it (train checks its -out before training, not
// half a minute later).
func CheckWritable(dir string) error { return refuseServed(dir) }

// refuseServed returns an error when dir is in promote's layout: it has
// Install's CurrentLink or lock file.
func refuseServed(dir string) error {
	if err := refuseVersionDir(dir); err != nil {
		return err
	}
	for _, name := range []string{classifier.CurrentLink, lockFile} {
		// Another error (no such directory, dir a file) is the writes' to
		// report.
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return fmt.Errorf("%s is a model directory that triagectl promote serves (it has %s): write the model elsewhere and promote it", dir, name)
		}
	}
	return nil
}

// refuseVersionDir returns an error when dir is, or leads through a link
// to, a version directory of a model directory in promote's layout (its
// CurrentLink or a VersionPrefix directory beside that link or the lock):
// writing or promoting there changed the served files in place, outside
// the served directory's lock and its one-rename switch (outside check 9:
// promote -to DIR/.current -force promoted a nested layout into the served
// version).
func refuseVersionDir(dir string) error {
	paths := []string{filepath.Clean(dir)}
	if resolved, err := filepath.EvalSymlinks(dir); err == nil {
		paths = append(paths, resolved)
	}
	for _, p := range paths {
		base := filepath.Base(p)
		if base != classifier.CurrentLink && !strings.HasPrefix(base, classifier.VersionPrefix) {
			continue
		}
		parent := filepath.Dir(p)
		for _, name := range []string{classifier.CurrentLink, lockFile} {
			if _, err := os.Lstat(filepath.Join(parent, name)); err == nil {
				return fmt.Errorf("%s is a version inside %s, a model directory that triagectl promote serves: promote into %s itself", dir, parent, parent)
			}
		}
	}
	return nil
}

func writeFileAtomic(path string, b []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(b); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("chmod %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("rename %s: %w", path, err)
	}
	return nil
}

// RecordPromotion sets the manifest's promotion record and re-encodes the
// manifest only: the model files, their checksums and the version stay.
func (a *Artifact) RecordPromotion(p *classifier.Promotion) error {
	a.Manifest.Promotion = p
	return a.encodeManifest()
}

// ReadArtifact reads and verifies the model a directory serves (a promoted
// directory's current version: classifier.ReadDir) as an artifact that can
// be adjusted and written again.
func ReadArtifact(dir string) (*Artifact, error) {
	files, dec, err := classifier.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", dir, err)
	}
	if _, err := dec.Model(); err != nil {
		return nil, fmt.Errorf("read model %s: %w", dir, err)
	}
	return &Artifact{Artifact: *dec, files: files}, nil
}

// Adjust attaches a baseline blend and a real prior (either may be empty)
// to the trained model and re-encodes it under a new version. The trained
// parameters are unchanged; the manifest keeps the trained model's held-out
// figures and records the adjustment in Manifest.Adjusted. An invalid blend
// or prior leaves the artifact as it was.
func (a *Artifact) Adjust(blend map[string]float64, prior *classifier.RealPrior, now time.Time) (*classifier.Model, error) {
	m, err := a.load()
	if err != nil {
		return nil, err
	}
	if _, err := m.With(blend, prior); err != nil {
		return nil, err
	}
	adj := &classifier.Adjustment{Trained: a.Manifest.Version, BaselineBlend: blend}
	if a.Manifest.Adjusted != nil {
		adj.Trained = a.Manifest.Adjusted.Trained
	}
	a.Params.BaselineBlend = nil
	for k, w := range blend {
		if w > 0 {
			if a.Params.BaselineBlend == nil {
				a.Params.BaselineBlend = map[string]float64{}
			}
			a.Params.BaselineBlend[k] = w
		}
	}
	a.Params.RealPrior = prior
	if prior != nil {
		adj.RealPriorWeight, adj.RealPriorAlpha = prior.Weight, prior.Alpha
		for _, k := range []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL, triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE} {
			for _, v := range prior.Counts[k.String()] {
				adj.RealPriorFilings += int(v)
			}
		}
	}
	a.Manifest.Adjusted = adj
	a.Manifest.Created = now.UTC().Truncate(time.Second)
	a.Manifest.Version = ""
	if err := a.encode(); err != nil {
		return nil, err
	}
	return a.load()
}
