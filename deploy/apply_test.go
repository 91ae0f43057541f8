package deploy

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/yaml"
)

// lastAppliedAnnotation is where client-side kubectl apply keeps the whole
// object it applied (k8s.io/api/core/v1.LastAppliedConfigAnnotation).
const lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

// kustomizationFiles lists the manifest files a kustomization directory
// builds, following its resources into other kustomizations, and the
// patches it applies.
func kustomizationFiles(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "kustomization.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var k struct {
		Resources []string `json:"resources"`
		Patches   []struct {
			Path string `json:"path"`
		} `json:"patches"`
	}
	if err := yaml.Unmarshal(data, &k); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	var files []string
	for _, r := range k.Resources {
		p := filepath.Join(dir, r)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			files = append(files, kustomizationFiles(t, p)...)
			continue
		}
		files = append(files, p)
	}
	for _, p := range k.Patches {
		// A JSON patch is a list of operations, no object: the few args
		// and mounts it adds to the Deployment are far below the bound.
		if _, ok := jsonPatchFile(t, filepath.Join(dir, p.Path)); ok {
			continue
		}
		files = append(files, filepath.Join(dir, p.Path))
	}
	return files
}

// clientSideApplyOversize names the objects of the manifest files that
// client-side kubectl apply cannot store: it writes the object, encoded as
// kubectl encodes it (k8s.io/kubectl/pkg/util.GetModifiedConfiguration:
// the unstructured object with its annotations, that one removed, as
// UnstructuredJSONScheme writes it), into the lastAppliedAnnotation, and
// the API server refuses an object whose annotations total more than
// 256 KiB ("metadata.annotations: Too long: must have at most 262144
// bytes"). Server-side apply keeps no such copy.
func clientSideApplyOversize(t *testing.T, files []string) map[string]int {
	t.Helper()
	over := map[string]int{}
	for _, path := range files {
		for i, doc := range manifestDocs(t, path) {
			js, err := yaml.YAMLToJSON([]byte(doc))
			if err != nil {
				t.Fatalf("%s doc %d: %v", path, i, err)
			}
			u := &unstructured.Unstructured{}
			if err := u.UnmarshalJSON(js); err != nil {
				t.Fatalf("%s doc %d: %v", path, i, err)
			}
			annotations := u.GetAnnotations()
			if annotations == nil {
				annotations = map[string]string{}
			}
			delete(annotations, lastAppliedAnnotation)
			u.SetAnnotations(annotations)
			var buf bytes.Buffer
			if err := unstructured.UnstructuredJSONScheme.Encode(u, &buf); err != nil {
				t.Fatalf("%s doc %d: %v", path, i, err)
			}
			applied := map[string]string{lastAppliedAnnotation: buf.String()}
			size := len(lastAppliedAnnotation) + buf.Len()
			for k, v := range annotations {
				applied[k] = v
				size += len(k) + len(v)
			}
			if err := apivalidation.ValidateAnnotationsSize(applied); err != nil {
				over[u.GetKind()+"/"+u.GetName()+" ("+path+")"] = size
			}
		}
	}
	return over
}

// TestApplyCommandsFitTheAPIServer runs every kubectl apply the docs and
// manifests give against the API server's bound on annotations: the rules
// ConfigMap (a 252 KB rules.json) is past what client-side apply can store
// in its last-applied annotation, so `kubectl apply -k
// deploy/k8s/overlays/production` as once documented failed to create
// fenjian-rules (outside check 11). Any command that applies such an
// object must say --server-side.
func TestApplyCommandsFitTheAPIServer(t *testing.T) {
	docs := []string{"../README.md", "../docs/operations.md", "../docs/security.md"}
	yamls, err := filepath.Glob("k8s/*/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob("k8s/overlays/*/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs = append(append(docs, yamls...), more...)
	apply := regexp.MustCompile(`kubectl\s+apply\b[^\n` + "`" + `]*`)
	target := regexp.MustCompile(`\s-(k|f)\s+(\S+)`)
	commands := 0
	for _, doc := range docs {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, cmd := range apply.FindAllString(string(data), -1) {
			m := target.FindStringSubmatch(cmd)
			if m == nil {
				continue // prose about kubectl apply, not a command
			}
			commands++
			// Paths in the docs are from the repository root.
			path := filepath.Join("..", m[2])
			var files []string
			if m[1] == "k" {
				files = kustomizationFiles(t, path)
			} else {
				files = []string{path}
			}
			over := clientSideApplyOversize(t, files)
			if len(over) > 0 && !strings.Contains(cmd, "--server-side") {
				t.Errorf("%s: %q applies objects whose last-applied annotation the API server refuses (over %d bytes: %v); use kubectl apply --server-side",
					doc, cmd, apivalidation.TotalAnnotationSizeLimitB, over)
			}
		}
	}
	if commands == 0 {
		t.Fatal("no kubectl apply command found in the docs: the check reads nothing")
	}
	// Server-side apply lifts the annotation's bound, not the API
	// server's bound on a ConfigMap's data (1 MiB, corev1 validation),
	// which the rules file, growing with every province's limits, meets
	// next.
	for name, cm := range loadManifests(t, "k8s/base").configMaps {
		size := 0
		for k, v := range cm.Data {
			size += len(k) + len(v)
		}
		for k, v := range cm.BinaryData {
			size += len(k) + len(v)
		}
		if size > 1<<20 {
			t.Errorf("ConfigMap %s holds %d bytes, over the API server's 1 MiB", name, size)
		}
	}
}
