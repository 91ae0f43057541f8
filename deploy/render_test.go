package deploy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// Why not kubeconform: it validates against JSON schemas it downloads
// from a GitHub repository (yannh/kubernetes-json-schema) at run time, or
// reads from a directory; CI has no network, and the schemas are no Go
// module the module proxy serves, so they could be neither fetched nor
// pinned. The rendered manifests are checked against the Kubernetes API's
// own Go types instead (k8s.io/api, pinned in go.mod at the cluster's
// release), rendered by kustomize's own library (what kubectl apply -k
// runs), all offline.

// renderedKinds are the API types the manifests may hold, by apiVersion
// and kind, and whether the kind is namespaced. A kind not listed fails
// (a typo, or an apiVersion the cluster no longer serves): add it here
// with its k8s.io/api type when the manifests start using it.
var renderedKinds = map[string]struct {
	new        func() metav1.Object
	namespaced bool
}{
	"v1/Namespace":                           {func() metav1.Object { return &corev1.Namespace{} }, false},
	"v1/ConfigMap":                           {func() metav1.Object { return &corev1.ConfigMap{} }, true},
	"v1/Service":                             {func() metav1.Object { return &corev1.Service{} }, true},
	"v1/PersistentVolumeClaim":               {func() metav1.Object { return &corev1.PersistentVolumeClaim{} }, true},
	"apps/v1/Deployment":                     {func() metav1.Object { return &appsv1.Deployment{} }, true},
	"policy/v1/PodDisruptionBudget":          {func() metav1.Object { return &policyv1.PodDisruptionBudget{} }, true},
	"autoscaling/v2/HorizontalPodAutoscaler": {func() metav1.Object { return &autoscalingv2.HorizontalPodAutoscaler{} }, true},
	"networking.k8s.io/v1/NetworkPolicy":     {func() metav1.Object { return &networkingv1.NetworkPolicy{} }, true},
}

// renderedObject is one object kustomize rendered: its apiVersion/kind,
// name and YAML.
type renderedObject struct {
	kind, name string
	yaml       []byte
}

// render builds the kustomization in dir of fsys as kubectl apply -k
// does (kustomize's defaults: no plugins, no Helm).
func render(fsys filesys.FileSystem, dir string) ([]renderedObject, error) {
	m, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("kustomize build %s: %w", dir, err)
	}
	var out []renderedObject
	for _, r := range m.Resources() {
		b, err := r.AsYAML()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.CurId(), err)
		}
		out = append(out, renderedObject{kind: r.GetApiVersion() + "/" + r.GetKind(), name: r.GetName(), yaml: b})
	}
	return out, nil
}

// validateRendered decodes o strictly into its k8s.io/api type (an
// unknown field, a duplicate field, a value of the wrong type or a
// malformed quantity fails, as kubectl apply --validate=strict refuses)
// and validates its metadata as the API server does (name, namespace,
// labels, annotations).
func validateRendered(o renderedObject) error {
	k, ok := renderedKinds[o.kind]
	if !ok {
		return fmt.Errorf("%s %s: no k8s.io/api type for this apiVersion/kind", o.kind, o.name)
	}
	obj := k.new()
	if err := yaml.UnmarshalStrict(o.yaml, obj); err != nil {
		return fmt.Errorf("%s %s: %w", o.kind, o.name, err)
	}
	// Every k8s.io/api object embeds its ObjectMeta (metav1.ObjectMetaAccessor).
	meta := obj.(metav1.ObjectMetaAccessor).GetObjectMeta().(*metav1.ObjectMeta)
	if errs := apivalidation.ValidateObjectMeta(meta, k.namespaced, apivalidation.NameIsDNSSubdomain, field.NewPath("metadata")); len(errs) > 0 {
		return fmt.Errorf("%s %s: %w", o.kind, o.name, errs.ToAggregate())
	}
	return nil
}

// validateRenderedSet validates every object of objs (validateRendered)
// and then checks, as the cluster would run them, that the rendered
// Deployment passes -rules, -holidays and -teams files of its mounted
// ConfigMaps (checkConfigFilesMounted): an overlay that drops a mount or
// a flag, or renames a ConfigMap, fails here, not in a pod that quietly
// serves the embedded file.
func validateRenderedSet(objs []renderedObject) error {
	var errs []error
	var deployments []*appsv1.Deployment
	configMaps := map[string]*corev1.ConfigMap{}
	for _, o := range objs {
		if err := validateRendered(o); err != nil {
			errs = append(errs, err)
			continue
		}
		switch o.kind {
		case "apps/v1/Deployment":
			d := &appsv1.Deployment{}
			if err := yaml.Unmarshal(o.yaml, d); err != nil {
				return err
			}
			deployments = append(deployments, d)
		case "v1/ConfigMap":
			c := &corev1.ConfigMap{}
			if err := yaml.Unmarshal(o.yaml, c); err != nil {
				return err
			}
			configMaps[c.Name] = c
		}
	}
	for _, d := range deployments {
		if err := checkConfigFilesMounted(d, configMaps); err != nil {
			errs = append(errs, fmt.Errorf("Deployment %s: %w", d.Name, err))
		}
	}
	return errors.Join(errs...)
}

// kustomizations are deploy/k8s/base and every overlay.
func kustomizations(t *testing.T) []string {
	t.Helper()
	overlays, err := filepath.Glob("k8s/overlays/*")
	if err != nil || len(overlays) == 0 {
		t.Fatalf("no overlays (%v)", err)
	}
	return append([]string{"k8s/base"}, overlays...)
}

// TestRenderedManifestsValidate renders deploy/k8s/base and every overlay
// with kustomize, as kubectl apply -k does, and validates every rendered
// object against the Kubernetes API types: what the cluster would be
// sent, after the overlays' patches, the namespace and the image, not
// only the files one by one (loadManifests). Offline.
func TestRenderedManifestsValidate(t *testing.T) {
	for _, dir := range kustomizations(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			objs, err := render(filesys.MakeFsOnDisk(), dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateRenderedSet(objs); err != nil {
				t.Error(err)
			}
			var kinds []string
			for _, o := range objs {
				kinds = append(kinds, o.kind)
			}
			// Every file the kustomization lists is rendered: a
			// kustomization that dropped the Deployment would validate.
			for _, want := range []string{"apps/v1/Deployment", "v1/Service", "policy/v1/PodDisruptionBudget",
				"autoscaling/v2/HorizontalPodAutoscaler", "networking.k8s.io/v1/NetworkPolicy", "v1/Namespace", "v1/ConfigMap"} {
				if !slices.Contains(kinds, want) {
					t.Errorf("rendered %v; no %s", kinds, want)
				}
			}
		})
	}
}

// TestRenderedManifestsValidateRefuses: an overlay of the real base that
// gets a manifest wrong in each way the check is for fails, naming the
// problem, so the check above passes only because the manifests are right.
func TestRenderedManifestsValidateRefuses(t *testing.T) {
	const kust = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n"
	deploymentPatch := func(ops string) map[string]string {
		return map[string]string{
			"kustomization.yaml": kust + "patches:\n  - path: p.yaml\n    target:\n      kind: Deployment\n      name: fenjian\n",
			"p.yaml":             ops,
		}
	}
	for _, tc := range []struct {
		name  string
		files map[string]string // the overlay's files
		want  string
	}{
		{"unknown field by a patch", deploymentPatch("- op: add\n  path: /spec/replica\n  value: 3\n"), `unknown field "replica"`},
		{"wrong type by a patch", deploymentPatch("- op: add\n  path: /spec/replicas\n  value: three\n"), "spec.replicas"},
		{"malformed quantity", deploymentPatch("- op: add\n  path: /spec/template/spec/containers/0/resources/limits/memory\n  value: lots\n"), "quantities must match"},
		{"unknown field in a strategic merge patch", map[string]string{
			"kustomization.yaml": kust + "patches:\n  - path: p.yaml\n",
			"p.yaml":             "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: fenjian\n  namespace: fenjian\nspec:\n  minReplica: 3\n",
		}, `unknown field "minReplica"`},
		{"kind misspelt", map[string]string{
			"kustomization.yaml": kust + "  - ingress.yaml\n",
			"ingress.yaml":       "apiVersion: networking.k8s.io/v1\nkind: Ingres\nmetadata:\n  name: fenjian\n",
		}, "networking.k8s.io/v1/Ingres fenjian: no k8s.io/api type"},
		{"apiVersion the cluster no longer serves", map[string]string{
			"kustomization.yaml": kust + "  - pdb.yaml\n",
			"pdb.yaml":           "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: other\nspec:\n  minAvailable: 1\n",
		}, "policy/v1beta1/PodDisruptionBudget other: no k8s.io/api type"},
		{"name not a DNS subdomain", map[string]string{
			"kustomization.yaml": kust + "  - cm.yaml\n",
			"cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Fenjian_Extra\n",
		}, "metadata.name: Invalid value"},
		{"label value too long", map[string]string{
			"kustomization.yaml": kust + "  - cm.yaml\n",
			"cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  labels:\n    team: " + strings.Repeat("a", 64) + "\n",
		}, "metadata.labels: Invalid value"},
		{"patch of no object", map[string]string{
			"kustomization.yaml": kust + "patches:\n  - path: p.yaml\n",
			"p.yaml":             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fenjan\n  namespace: fenjian\nspec:\n  replicas: 2\n",
		}, "fenjan"},
		{"resource file missing", map[string]string{"kustomization.yaml": kust + "  - missing.yaml\n"}, "missing.yaml"},
		{"holidays flag dropped", deploymentPatch(dropArg(t, "-holidays=/etc/fenjian/holidays/holidays.json")), "-holidays missing"},
		{"holidays mount dropped", deploymentPatch(dropMount(t, "/etc/fenjian/holidays")), "nothing is mounted at /etc/fenjian/holidays"},
		{"holidays mounted by subPath", deploymentPatch(
			"- op: add\n  path: /spec/template/spec/containers/0/volumeMounts/" + strconv.Itoa(mountIndex(t, "/etc/fenjian/holidays")) + "/subPath\n  value: holidays.json\n"),
			"mounted with a subPath"},
		{"holidays ConfigMap renamed", map[string]string{
			"kustomization.yaml": kust + "patches:\n  - path: p.yaml\n",
			"p.yaml":             "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fenjian-holidays\n  namespace: fenjian\ndata:\n  holidays.json: null\n  calendar.json: \"{}\"\n",
		}, "ConfigMap fenjian-holidays has no key holidays.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := inMemoryK8s(t)
			for name, content := range tc.files {
				if err := fsys.WriteFile(filepath.Join("/k8s/overlays/broken", name), []byte(content)); err != nil {
					t.Fatal(err)
				}
			}
			objs, err := render(fsys, "/k8s/overlays/broken")
			if err == nil {
				err = validateRenderedSet(objs)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("render and validate: %v; want an error saying %q", err, tc.want)
			}
		})
	}
}

// baseContainer is the container of deploy/k8s/base/deployment.yaml, for
// the patches that name an arg or a mount by its index.
func baseContainer(t *testing.T) corev1.Container {
	t.Helper()
	m := loadManifests(t, "k8s/base")
	return m.deployments[0].Spec.Template.Spec.Containers[0]
}

// dropArg is a JSON patch removing arg from the base's container.
func dropArg(t *testing.T, arg string) string {
	t.Helper()
	i := slices.Index(baseContainer(t).Args, arg)
	if i < 0 {
		t.Fatalf("the base Deployment has no arg %s", arg)
	}
	return fmt.Sprintf("- op: remove\n  path: /spec/template/spec/containers/0/args/%d\n", i)
}

// mountIndex is the index of the base container's mount at path.
func mountIndex(t *testing.T, path string) int {
	t.Helper()
	i := slices.IndexFunc(baseContainer(t).VolumeMounts, func(vm corev1.VolumeMount) bool { return vm.MountPath == path })
	if i < 0 {
		t.Fatalf("the base Deployment mounts nothing at %s", path)
	}
	return i
}

// dropMount is a JSON patch removing the base container's mount at path.
func dropMount(t *testing.T, path string) string {
	t.Helper()
	return fmt.Sprintf("- op: remove\n  path: /spec/template/spec/containers/0/volumeMounts/%d\n", mountIndex(t, path))
}

// inMemoryK8s copies deploy/k8s into an in-memory file system at /k8s.
func inMemoryK8s(t *testing.T) filesys.FileSystem {
	t.Helper()
	fsys := filesys.MakeFsInMemory()
	err := filepath.WalkDir("k8s", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return fsys.WriteFile("/"+filepath.ToSlash(path), b)
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}
