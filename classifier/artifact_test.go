package classifier

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// artifactFS returns the embedded default model's files as an in-memory FS.
func artifactFS(t testing.TB) fstest.MapFS {
	t.Helper()
	sub, err := fs.Sub(defaultModel, "defaultmodel/model")
	if err != nil {
		t.Fatal(err)
	}
	files, err := ReadArtifactFiles(sub)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// rechecksum makes the manifest agree with a changed file, so that a test
// reaches the check behind the checksum.
func rechecksum(t *testing.T, fsys fstest.MapFS, name string) {
	t.Helper()
	editJSON(t, fsys, ManifestFile, func(m map[string]any) {
		m["files"].(map[string]any)[name] = FileChecksum(fsys[name].Data)
	})
}

func editJSON(t *testing.T, fsys fstest.MapFS, name string, edit func(map[string]any)) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(fsys[name].Data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	fsys[name] = &fstest.MapFile{Data: b}
}

// editModel rewrites model.json.gz through edit and fixes its checksum.
func editModel(t *testing.T, fsys fstest.MapFS, edit func(map[string]any)) {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(fsys[ModelFile].Data))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	raw, err = json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	fsys[ModelFile] = &fstest.MapFile{Data: buf.Bytes()}
	rechecksum(t, fsys, ModelFile)
}

func firstTree(m map[string]any) map[string]any {
	return m["trees"].([]any)[0].(map[string]any)
}

// TestLoadCorrupt: every kind of damage is an error that names the file and
// the problem, never a panic and never a model.
func TestLoadCorrupt(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(t *testing.T, fsys fstest.MapFS)
		want    error
		file    string
	}{
		{"missing manifest", func(t *testing.T, fsys fstest.MapFS) { delete(fsys, ManifestFile) }, ErrMissingFile, ManifestFile},
		{"missing model", func(t *testing.T, fsys fstest.MapFS) { delete(fsys, ModelFile) }, ErrMissingFile, ModelFile},
		{"missing features", func(t *testing.T, fsys fstest.MapFS) { delete(fsys, FeaturesFile) }, ErrMissingFile, FeaturesFile},
		{"manifest not JSON", func(t *testing.T, fsys fstest.MapFS) {
			fsys[ManifestFile] = &fstest.MapFile{Data: []byte("{not json")}
		}, ErrInvalid, ManifestFile},
		{"manifest truncated", func(t *testing.T, fsys fstest.MapFS) {
			d := fsys[ManifestFile].Data
			fsys[ManifestFile] = &fstest.MapFile{Data: d[:len(d)/2]}
		}, ErrInvalid, ManifestFile},
		{"unknown manifest format", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, ManifestFile, func(m map[string]any) { m["format"] = 2 })
		}, ErrFormat, ManifestFile},
		{"unknown model kind", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, ManifestFile, func(m map[string]any) { m["kind"] = "random-forest" })
		}, ErrFormat, ManifestFile},
		{"no version", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, ManifestFile, func(m map[string]any) { m["version"] = " " })
		}, ErrInvalid, ManifestFile},
		{"no checksum for the model", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, ManifestFile, func(m map[string]any) { delete(m["files"].(map[string]any), ModelFile) })
		}, ErrInvalid, ManifestFile},
		{"model bit flip", func(t *testing.T, fsys fstest.MapFS) {
			d := bytes.Clone(fsys[ModelFile].Data)
			d[len(d)/2] ^= 0x40
			fsys[ModelFile] = &fstest.MapFile{Data: d}
		}, ErrChecksum, ModelFile},
		{"model truncated", func(t *testing.T, fsys fstest.MapFS) {
			d := fsys[ModelFile].Data
			fsys[ModelFile] = &fstest.MapFile{Data: d[:len(d)-100]}
		}, ErrChecksum, ModelFile},
		{"model truncated, checksum updated", func(t *testing.T, fsys fstest.MapFS) {
			d := fsys[ModelFile].Data
			fsys[ModelFile] = &fstest.MapFile{Data: d[:len(d)-100]}
			rechecksum(t, fsys, ModelFile)
		}, ErrInvalid, ModelFile},
		{"model not gzip", func(t *testing.T, fsys fstest.MapFS) {
			fsys[ModelFile] = &fstest.MapFile{Data: []byte(`{"format":1}`)}
			rechecksum(t, fsys, ModelFile)
		}, ErrInvalid, ModelFile},
		{"features edited", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, FeaturesFile, func(m map[string]any) { m["ngram_max"] = 2 })
		}, ErrChecksum, FeaturesFile},
		{"features edited, checksum updated", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, FeaturesFile, func(m map[string]any) { m["ngram_max"] = 2 })
			rechecksum(t, fsys, FeaturesFile)
		}, ErrFeatureMismatch, FeaturesFile},
		{"features from another build", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, FeaturesFile, func(m map[string]any) { m["dense"] = []string{"kind_civil"} })
			rechecksum(t, fsys, FeaturesFile)
		}, ErrFeatureMismatch, FeaturesFile},
		{"feature hash mismatch in manifest", func(t *testing.T, fsys fstest.MapFS) {
			editJSON(t, fsys, ManifestFile, func(m map[string]any) { m["feature_config_hash"] = strings.Repeat("0", 64) })
		}, ErrFeatureMismatch, FeaturesFile},
		{"model trained on other features", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { m["feature_config_hash"] = strings.Repeat("1", 64) })
		}, ErrFeatureMismatch, ModelFile},
		{"unknown model format", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { m["format"] = 7 })
		}, ErrFormat, ModelFile},
		{"unknown class", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { m["classes"].([]any)[0] = "PROCEDURE_MEDIATION" })
		}, ErrInvalid, ModelFile},
		{"tree child out of range", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { firstTree(m)["left"].([]any)[0] = 1e6 })
		}, ErrInvalid, ModelFile},
		{"tree cycle", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { firstTree(m)["right"].([]any)[0] = 0 })
		}, ErrInvalid, ModelFile},
		{"tree feature out of range", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { firstTree(m)["feature"].([]any)[0] = 5000 })
		}, ErrInvalid, ModelFile},
		{"tree arrays differ", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) {
				th := firstTree(m)["threshold"].([]any)
				firstTree(m)["threshold"] = th[:len(th)-1]
			})
		}, ErrInvalid, ModelFile},
		{"leaf distribution broken", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) {
				for _, d := range firstTree(m)["dist"].([]any) {
					if d, ok := d.([]any); ok && len(d) > 0 {
						d[0] = 5.0
						return
					}
				}
			})
		}, ErrInvalid, ModelFile},
		{"NB probability out of range", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) {
				m["naive_bayes"].(map[string]any)["cond_prob"].([]any)[0].([]any)[3] = 0
			})
		}, ErrInvalid, ModelFile},
		{"NB bucket out of range", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) {
				m["naive_bayes"].(map[string]any)["buckets"].([]any)[0] = 1 << 30
			})
		}, ErrInvalid, ModelFile},
		{"class weights missing", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { m["class_weights"] = []float64{1} })
		}, ErrInvalid, ModelFile},
		{"stack edges unsorted", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) {
				m["stack_edges"].([]any)[0] = []float64{-1, -3, -2}
			})
		}, ErrInvalid, ModelFile},
		{"no trees", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { m["trees"] = []any{} })
		}, ErrInvalid, ModelFile},
		{"wrong JSON types", func(t *testing.T, fsys fstest.MapFS) {
			editModel(t, fsys, func(m map[string]any) { m["trees"] = "many" })
		}, ErrInvalid, ModelFile},
	}
	if _, err := LoadFS(artifactFS(t)); err != nil {
		t.Fatalf("the intact artifact does not load: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := artifactFS(t)
			tt.corrupt(t, fsys)
			m, err := LoadFS(fsys)
			if err == nil || m != nil {
				t.Fatalf("loaded a corrupt artifact")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %q is not %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %q does not name %s", err, tt.file)
			}
		})
	}
}

func TestLoadMissingDir(t *testing.T) {
	_, err := Load(t.TempDir() + "/nope")
	if !errors.Is(err, ErrMissingFile) {
		t.Fatalf("got %v", err)
	}
}
