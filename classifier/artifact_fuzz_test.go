package classifier

import (
	"encoding/json"
	"maps"
	"testing"
)

// FuzzDecodeArtifact feeds DecodeArtifact and Artifact.Model a model
// directory whose manifest or feature configuration is arbitrary bytes (a
// promoted directory is outside input: anyone who can write the models
// directory writes it). The model file stays the embedded default's, so
// the fuzzer gets past the checksums: when the features are fuzzed the
// manifest is made to agree with them. Nothing may panic; a directory
// refused is refused with an error, and one accepted must load or say why.
func FuzzDecodeArtifact(f *testing.F) {
	base := artifactFiles(f)
	f.Add(base[ManifestFile], false)
	f.Add(base[FeaturesFile], true)
	f.Add([]byte(`{"format":1}`), false)
	f.Add([]byte(`{}`), true)
	f.Fuzz(func(t *testing.T, data []byte, features bool) {
		files := maps.Clone(base)
		if features {
			files[FeaturesFile] = data
			var m map[string]any
			if err := json.Unmarshal(base[ManifestFile], &m); err != nil {
				t.Fatal(err)
			}
			m["files"].(map[string]any)[FeaturesFile] = FileChecksum(data)
			m["feature_config_hash"] = FileChecksum(data)
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			files[ManifestFile] = b
		} else {
			files[ManifestFile] = data
		}
		a, err := DecodeArtifact(files)
		if err != nil {
			if a != nil {
				t.Fatalf("DecodeArtifact returned an artifact with error %v", err)
			}
			return
		}
		if m, err := a.Model(); err == nil && m == nil {
			t.Fatal("Artifact.Model returned neither a model nor an error")
		}
	})
}

// artifactFiles returns the embedded default model's files by name.
func artifactFiles(tb testing.TB) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	for name, mf := range artifactFS(tb) {
		files[name] = mf.Data
	}
	return files
}
