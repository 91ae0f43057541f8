package deploy

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"
)

// jsonPatchOp is one operation of a JSON patch (RFC 6902) in an overlay.
type jsonPatchOp struct {
	Op    string          `json:"op"`
	Path  string          `json:"path"`
	Value json.RawMessage `json:"value"`
}

// jsonPatchFile decodes path as a JSON patch when it is one: a YAML list
// (kustomize tells a JSON patch from a strategic merge patch the same way).
// Unknown fields fail, as in loadManifests.
func jsonPatchFile(t *testing.T, path string) ([]jsonPatchOp, bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(stripComments(string(data))), "- ") {
		return nil, false
	}
	var ops []jsonPatchOp
	if err := yaml.UnmarshalStrict(data, &ops); err != nil {
		t.Fatalf("%s: JSON patch: %v", path, err)
	}
	return ops, true
}

// applyJSONPatch applies ops to the JSON document doc. Only "add" is
// taken, the one operation the overlays use; anything else fails rather
// than being skipped, so the rendering checked is the one kustomize makes.
func applyJSONPatch(doc []byte, ops []jsonPatchOp) ([]byte, error) {
	var root any
	if err := json.Unmarshal(doc, &root); err != nil {
		return nil, err
	}
	for _, op := range ops {
		if op.Op != "add" {
			return nil, fmt.Errorf("op %q at %s: this check renders only add", op.Op, op.Path)
		}
		var value any
		if err := json.Unmarshal(op.Value, &value); err != nil {
			return nil, fmt.Errorf("add %s: %w", op.Path, err)
		}
		tokens := strings.Split(strings.TrimPrefix(op.Path, "/"), "/")
		for i, tok := range tokens {
			tokens[i] = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		}
		var err error
		if root, err = addAt(root, tokens, value); err != nil {
			return nil, fmt.Errorf("add %s: %w", op.Path, err)
		}
	}
	return json.Marshal(root)
}

// addAt adds value at the JSON pointer tokens under node and returns the
// node changed: a list grows ("-" appends), an object gains the member.
func addAt(node any, tokens []string, value any) (any, error) {
	tok, last := tokens[0], len(tokens) == 1
	switch n := node.(type) {
	case map[string]any:
		if last {
			n[tok] = value
			return n, nil
		}
		child, ok := n[tok]
		if !ok {
			return nil, fmt.Errorf("no member %q", tok)
		}
		c, err := addAt(child, tokens[1:], value)
		n[tok] = c
		return n, err
	case []any:
		i := len(n)
		if tok != "-" {
			var err error
			if i, err = strconv.Atoi(tok); err != nil || i < 0 || i > len(n) {
				return nil, fmt.Errorf("index %q of a list of %d", tok, len(n))
			}
		}
		if last {
			return slices.Insert(n, i, value), nil
		}
		if i == len(n) {
			return nil, fmt.Errorf("index %q past the list's end", tok)
		}
		c, err := addAt(n[i], tokens[1:], value)
		n[i] = c
		return n, err
	default:
		return nil, fmt.Errorf("%q: not an object or a list", tok)
	}
}

// overlay is what the checks read of an overlay's kustomization.yaml.
type overlay struct {
	Resources []string `json:"resources"`
	Patches   []struct {
		Path   string `json:"path"`
		Target *struct {
			Kind string `json:"kind"`
			Name string `json:"name"`
		} `json:"target"`
	} `json:"patches"`
}

// readOverlay reads the kustomization.yaml of the overlay dir.
func readOverlay(t *testing.T, dir string) overlay {
	t.Helper()
	var kust overlay
	data, err := os.ReadFile(filepath.Join(dir, "kustomization.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &kust); err != nil {
		t.Fatal(err)
	}
	return kust
}

// renderDeployment is the base's Deployment with the overlay dir's JSON
// patches that target it applied, as kustomize renders it.
func renderDeployment(t *testing.T, dir string, base *appsv1.Deployment, m *manifests) *appsv1.Deployment {
	t.Helper()
	kust := readOverlay(t, dir)
	doc, err := json.Marshal(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range kust.Patches {
		ops, ok := m.jsonPatches[p.Path]
		if !ok {
			continue
		}
		if p.Target == nil || p.Target.Kind != "Deployment" || p.Target.Name != base.Name {
			t.Fatalf("JSON patch %s targets %+v; want the Deployment %s", p.Path, p.Target, base.Name)
		}
		if doc, err = applyJSONPatch(doc, ops); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
	}
	d := &appsv1.Deployment{}
	if err := json.Unmarshal(doc, d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestProductionWritesAuditCheckpoints renders the production overlay's
// Deployment and checks that it writes signed audit checkpoints: the base
// shipped none, so FenjianAuditCheckpointRefused and
// FenjianAuditCheckpointFailing could never fire in the deployment the
// docs apply (outside check). The signer key must come from a Secret
// mounted read-only, the directory from a PersistentVolumeClaim of the
// overlay that every replica can write (ReadWriteMany: the replicas sign
// one chain; an emptyDir would lose the checkpoints with its pod), and the
// rendered Deployment must keep every invariant of the base.
func TestProductionWritesAuditCheckpoints(t *testing.T) {
	const dir = "k8s/overlays/production"
	base := loadManifests(t, "k8s/base")
	m := loadManifests(t, dir)
	d := renderDeployment(t, dir, base.deployments[0], m)
	o := &k8sObjects{m: base, d: d, spec: d.Spec.Template.Spec, podLabels: labels.Set(d.Spec.Template.Labels)}
	t.Run("base invariants", func(t *testing.T) {
		for _, check := range deploymentChecks {
			check(t, o)
		}
	})

	args := map[string]string{}
	for _, a := range o.container().Args {
		name, value, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		args[name] = value
	}
	volumes := map[string]corev1.Volume{}
	for _, v := range o.spec.Volumes {
		volumes[v.Name] = v
	}
	mountOf := func(path string) (corev1.VolumeMount, corev1.Volume, bool) {
		for _, vm := range o.container().VolumeMounts {
			if vm.MountPath == path {
				return vm, volumes[vm.Name], true
			}
		}
		return corev1.VolumeMount{}, corev1.Volume{}, false
	}

	key, dirFlag := args["checkpoint-key"], args["checkpoint-dir"]
	if key == "" || dirFlag == "" {
		t.Fatalf("-checkpoint-dir=%q -checkpoint-key=%q: production writes no audit checkpoints, and the checkpoint alerts never fire", dirFlag, key)
	}
	if vm, v, ok := mountOf(filepath.Dir(key)); !ok || v.Secret == nil || !vm.ReadOnly {
		t.Errorf("-checkpoint-key=%s: its directory must be a Secret mounted read-only (%+v)", key, v)
	} else {
		if v.Secret.Optional != nil && *v.Secret.Optional {
			t.Errorf("the checkpoint key's Secret %s is optional: a pod would start without it and fail", v.Secret.SecretName)
		}
		if mode := v.Secret.DefaultMode; mode == nil || *mode&0o007 != 0 {
			t.Errorf("the checkpoint key's Secret is readable by others (defaultMode %v): the signer is for triaged only", mode)
		}
	}
	vm, v, ok := mountOf(dirFlag)
	if !ok || v.PersistentVolumeClaim == nil || vm.ReadOnly {
		t.Fatalf("-checkpoint-dir=%s must be a writable PersistentVolumeClaim mount (%+v): the checkpoints must outlive the pod", dirFlag, v)
	}
	var claim *corev1.PersistentVolumeClaim
	for _, p := range m.pvcs {
		if p.Name == v.PersistentVolumeClaim.ClaimName {
			claim = p
		}
	}
	if claim == nil {
		t.Fatalf("PersistentVolumeClaim %s is not in the overlay", v.PersistentVolumeClaim.ClaimName)
	}
	if claim.Namespace != d.Namespace {
		t.Errorf("PersistentVolumeClaim %s in namespace %q, the Deployment in %q", claim.Name, claim.Namespace, d.Namespace)
	}
	if !slices.Contains(claim.Spec.AccessModes, corev1.ReadWriteMany) {
		t.Errorf("PersistentVolumeClaim %s access modes %v: every replica writes the checkpoints (ReadWriteMany)", claim.Name, claim.Spec.AccessModes)
	}
	if claim.Spec.Resources.Requests.Storage().IsZero() {
		t.Errorf("PersistentVolumeClaim %s requests no storage", claim.Name)
	}
	if every, ok := args["checkpoint-interval"]; ok {
		if iv, err := time.ParseDuration(every); err != nil || iv <= 0 || iv > 15*time.Minute {
			// FenjianAuditCheckpointFailing waits 15 minutes without one.
			t.Errorf("-checkpoint-interval=%s: want a positive interval within the alert's 15 minutes", every)
		}
	}
}
