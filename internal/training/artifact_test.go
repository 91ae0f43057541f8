package training

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/classifier"
)

// writtenFixture writes the trained fixture into a fresh directory and reads
// it back as an artifact, as `triagectl adjust` and `promote` do.
func writtenFixture(t *testing.T) (*Artifact, string) {
	t.Helper()
	res, _ := trained(t)
	dir := filepath.Join(t.TempDir(), "model")
	if err := res.Artifact.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	art, err := ReadArtifact(dir)
	if err != nil {
		t.Fatal(err)
	}
	return art, dir
}

// TestAdjust attaches blends and priors to the trained fixture: a valid
// adjustment gives a new version that loads and records what was attached;
// an invalid one is refused and leaves the artifact's files as they were.
func TestAdjust(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	prior := &classifier.RealPrior{Alpha: 5, Counts: map[string][]float64{"CASE_KIND_CIVIL": {0, 3, 2, 1, 0}}, Weight: map[string]float64{"CASE_KIND_CIVIL": 0.5}}
	tests := []struct {
		name    string
		blend   map[string]float64
		prior   *classifier.RealPrior
		wantErr string
	}{
		{"blend only", map[string]float64{"CASE_KIND_CRIMINAL": 0.25}, nil, ""},
		{"prior only", nil, prior, ""},
		{"blend of an unknown kind", map[string]float64{"CASE_KIND_MARITIME": 0.5}, nil, "CASE_KIND_MARITIME"},
		{"blend weight above 1", map[string]float64{"CASE_KIND_CIVIL": 1.5}, nil, "CASE_KIND_CIVIL"},
		{"prior without alpha", nil, &classifier.RealPrior{Counts: prior.Counts}, "alpha"},
		{"prior counts of the wrong length", nil, &classifier.RealPrior{Alpha: 5, Counts: map[string][]float64{"CASE_KIND_CIVIL": {1}}}, "counts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, dir := writtenFixture(t)
			before := art.Files()
			trained := art.Manifest.Version
			m, err := art.Adjust(tt.blend, tt.prior, now)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Adjust error %v, want one naming %q", err, tt.wantErr)
				}
				for name, b := range art.Files() {
					if !bytes.Equal(b, before[name]) {
						t.Errorf("refused adjustment changed %s", name)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			man := m.Manifest()
			if man.Version == trained || man.Adjusted == nil || man.Adjusted.Trained != trained {
				t.Errorf("version %q, adjusted %+v: want a new version adjusting %q", man.Version, man.Adjusted, trained)
			}
			if !man.Created.Equal(now) {
				t.Errorf("created %v, want %v", man.Created, now)
			}
			if (m.RealPrior() != nil) != (tt.prior != nil) {
				t.Errorf("real prior attached: %v, want %v", m.RealPrior() != nil, tt.prior != nil)
			}
			if err := art.WriteDir(dir); err != nil {
				t.Fatal(err)
			}
			loaded, err := classifier.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if loaded.Version() != man.Version {
				t.Errorf("loaded version %q, adjusted %q", loaded.Version(), man.Version)
			}
		})
	}
}

// TestRecordPromotion: recording a promotion rewrites the manifest only; the
// model files, their checksums and the version stay, and the result loads.
func TestRecordPromotion(t *testing.T) {
	art, dir := writtenFixture(t)
	before := art.Files()
	p := &classifier.Promotion{At: time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC), Replaced: "old", Forced: true, ForcedReason: "test"}
	if err := art.RecordPromotion(p); err != nil {
		t.Fatal(err)
	}
	after := art.Files()
	for _, name := range []string{classifier.FeaturesFile, classifier.ModelFile} {
		if !bytes.Equal(after[name], before[name]) {
			t.Errorf("%s changed", name)
		}
	}
	if bytes.Equal(after[classifier.ManifestFile], before[classifier.ManifestFile]) {
		t.Error("manifest unchanged")
	}
	if err := art.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	m, err := classifier.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Manifest().Promotion; got == nil || got.ForcedReason != "test" || m.Version() != art.Manifest.Version {
		t.Errorf("loaded promotion %+v, version %q; want the recorded one, version %q", got, m.Version(), art.Manifest.Version)
	}
}

// TestReadArtifactRefuses: a directory that is not a valid artifact is an
// error naming the directory.
func TestReadArtifactRefuses(t *testing.T) {
	_, err := ReadArtifact(filepath.Join(t.TempDir(), "nope"))
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("ReadArtifact of a missing directory: %v", err)
	}
}
