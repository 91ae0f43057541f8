package deploy

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"

	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/server"
)

// manifests are the decoded objects of deploy/k8s/base.
type manifests struct {
	deployments []*appsv1.Deployment
	services    []*corev1.Service
	pdbs        []*policyv1.PodDisruptionBudget
	hpas        []*autoscalingv2.HorizontalPodAutoscaler
	configMaps  map[string]*corev1.ConfigMap
	namespaces  []*corev1.Namespace
	policies    []*networkingv1.NetworkPolicy
	pvcs        []*corev1.PersistentVolumeClaim
	// jsonPatches are the overlay files that are JSON patches (RFC 6902,
	// a YAML list of operations), by file name.
	jsonPatches map[string][]jsonPatchOp
	files       []string
}

// loadManifests decodes every document of every YAML file in dir strictly:
// an unknown field (a typo, a field of another API version) fails, as
// kubectl apply --validate=strict would.
func loadManifests(t *testing.T, dir string) *manifests {
	t.Helper()
	m := &manifests{configMaps: map[string]*corev1.ConfigMap{}, jsonPatches: map[string][]jsonPatchOp{}}
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		if filepath.Base(path) == "kustomization.yaml" {
			continue
		}
		m.files = append(m.files, filepath.Base(path))
		if ops, ok := jsonPatchFile(t, path); ok {
			m.jsonPatches[filepath.Base(path)] = ops
			continue
		}
		for i, doc := range manifestDocs(t, path) {
			var tm metav1.TypeMeta
			if err := yaml.Unmarshal([]byte(doc), &tm); err != nil {
				t.Fatalf("%s doc %d: %v", path, i, err)
			}
			var obj any
			switch tm.APIVersion + "/" + tm.Kind {
			case "apps/v1/Deployment":
				d := &appsv1.Deployment{}
				m.deployments, obj = append(m.deployments, d), d
			case "v1/Service":
				s := &corev1.Service{}
				m.services, obj = append(m.services, s), s
			case "policy/v1/PodDisruptionBudget":
				p := &policyv1.PodDisruptionBudget{}
				m.pdbs, obj = append(m.pdbs, p), p
			case "autoscaling/v2/HorizontalPodAutoscaler":
				h := &autoscalingv2.HorizontalPodAutoscaler{}
				m.hpas, obj = append(m.hpas, h), h
			case "v1/ConfigMap":
				c := &corev1.ConfigMap{}
				obj = c
				defer func() { m.configMaps[c.Name] = c }()
			case "v1/Namespace":
				n := &corev1.Namespace{}
				m.namespaces, obj = append(m.namespaces, n), n
			case "v1/PersistentVolumeClaim":
				p := &corev1.PersistentVolumeClaim{}
				m.pvcs, obj = append(m.pvcs, p), p
			case "networking.k8s.io/v1/NetworkPolicy":
				p := &networkingv1.NetworkPolicy{}
				m.policies, obj = append(m.policies, p), p
			default:
				t.Fatalf("%s doc %d: unexpected kind %s/%s", path, i, tm.APIVersion, tm.Kind)
			}
			if err := yaml.UnmarshalStrict([]byte(doc), obj); err != nil {
				t.Fatalf("%s doc %d (%s): strict decode: %v", path, i, tm.Kind, err)
			}
		}
	}
	return m
}

// manifestDocs returns the YAML documents of the manifest file path that
// hold more than comments, in order.
func manifestDocs(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(data), -1) {
		if strings.TrimSpace(stripComments(doc)) != "" {
			docs = append(docs, doc)
		}
	}
	return docs
}

func stripComments(doc string) string {
	var b strings.Builder
	for _, l := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// TestKubernetesManifests checks the invariants issue 11 asks of deploy/k8s.
func TestKubernetesManifests(t *testing.T) {
	m := loadManifests(t, "k8s/base")
	checkKustomization(t, m)
	if len(m.deployments) != 1 || len(m.pdbs) != 1 || len(m.hpas) != 1 || len(m.services) != 2 {
		t.Fatalf("want 1 Deployment, 1 PDB, 1 HPA, 2 Services; got %d, %d, %d, %d",
			len(m.deployments), len(m.pdbs), len(m.hpas), len(m.services))
	}
	d := m.deployments[0]
	o := &k8sObjects{m: m, d: d, spec: d.Spec.Template.Spec, podLabels: labels.Set(d.Spec.Template.Labels)}
	sel, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
	if err != nil || !sel.Matches(o.podLabels) {
		t.Fatalf("Deployment selector %v does not match its pods' labels %v (%v)", d.Spec.Selector, o.podLabels, err)
	}
	for _, sub := range []struct {
		name   string
		checks []k8sCheck
	}{
		{"deployment", deploymentChecks},
		{"services", []k8sCheck{checkServices}},
		{"disruption and scaling", []k8sCheck{checkDisruptionAndScaling}},
		{"configmaps", []k8sCheck{checkConfigMaps}},
		{"network policy", []k8sCheck{checkNetworkPolicy}},
	} {
		t.Run(sub.name, func(t *testing.T) {
			for _, check := range sub.checks {
				check(t, o)
			}
		})
	}
}

// k8sObjects is the decoded base together with the parts of its single
// Deployment that the checks share.
type k8sObjects struct {
	m         *manifests
	d         *appsv1.Deployment
	spec      corev1.PodSpec
	podLabels labels.Set
}

// container is the Deployment's single container; checkOneContainer, run
// before any check that calls it, makes sure there is exactly one.
func (o *k8sObjects) container() corev1.Container { return o.spec.Containers[0] }

// k8sCheck checks one invariant of the decoded objects, reporting on t.
type k8sCheck func(t *testing.T, o *k8sObjects)

// deploymentChecks are the Deployment's invariants, in order: the checks
// after checkOneContainer look at its single container.
var deploymentChecks = []k8sCheck{
	checkReplicasAndRollout,
	checkPodSecurityContext,
	checkOneContainer,
	checkContainerSecurityContext,
	checkVolumes,
	checkResources,
	checkMemoryLimit,
	checkPortsAndProbes,
	checkTLSAndTokens,
	checkArgsAndGracePeriod,
	checkCallSlotsFitMemory,
	checkStoreDSN,
	checkStoreTLS,
	checkConfigFiles,
}

// checkConfigFiles checks -rules, -holidays and -teams each name a file of
// its mounted ConfigMap (checkConfigFilesMounted).
func checkConfigFiles(t *testing.T, o *k8sObjects) {
	t.Helper()
	if err := checkConfigFilesMounted(o.d, o.m.configMaps); err != nil {
		t.Error(err)
	}
}

// checkKustomization checks that every manifest is in the kustomization,
// and nothing else.
func checkKustomization(t *testing.T, m *manifests) {
	t.Helper()
	var kust struct {
		Resources []string `json:"resources"`
	}
	data, err := os.ReadFile("k8s/base/kustomization.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &kust); err != nil {
		t.Fatal(err)
	}
	slices.Sort(kust.Resources)
	if !slices.Equal(kust.Resources, m.files) {
		t.Errorf("kustomization resources %v, files %v", kust.Resources, m.files)
	}
}

// checkReplicasAndRollout checks the Deployment leaves its replica count to
// the HPA (checkDisruptionAndScaling holds it to at least 2) and rolls out
// without taking one down before its successor is ready.
func checkReplicasAndRollout(t *testing.T, o *k8sObjects) {
	t.Helper()
	d := o.d
	if d.Spec.Replicas != nil {
		t.Errorf("replicas = %d: the HPA owns the count; every kubectl apply would reset it to this, and the HPA scale back to its own", *d.Spec.Replicas)
	}
	if ru := d.Spec.Strategy.RollingUpdate; ru == nil || ru.MaxUnavailable == nil || ru.MaxUnavailable.IntValue() != 0 {
		t.Errorf("rolling update must keep every replica until its successor is ready (maxUnavailable 0)")
	}
}

// checkPodSecurityContext checks the pod runs as distroless's non-root user.
func checkPodSecurityContext(t *testing.T, o *k8sObjects) {
	t.Helper()
	psc := o.spec.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.RunAsUser == nil || *psc.RunAsUser != 65532 {
		t.Errorf("pod securityContext must run as non-root 65532 (distroless nonroot): %+v", psc)
	}
}

// checkOneContainer stops the test unless the pod has exactly one container.
func checkOneContainer(t *testing.T, o *k8sObjects) {
	t.Helper()
	if len(o.spec.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(o.spec.Containers))
	}
}

// checkContainerSecurityContext checks the container has a read-only root,
// no privilege escalation, and drops every capability.
func checkContainerSecurityContext(t *testing.T, o *k8sObjects) {
	t.Helper()
	csc := o.container().SecurityContext
	if csc == nil || csc.ReadOnlyRootFilesystem == nil || !*csc.ReadOnlyRootFilesystem ||
		csc.AllowPrivilegeEscalation == nil || *csc.AllowPrivilegeEscalation ||
		csc.Capabilities == nil || !slices.Contains(csc.Capabilities.Drop, "ALL") {
		t.Errorf("container securityContext must have a read-only root, no privilege escalation, drop ALL: %+v", csc)
	}
}

// checkVolumes checks every mount has a volume, the writable directories are
// emptyDirs, and every ConfigMap volume refers to a ConfigMap of the base.
func checkVolumes(t *testing.T, o *k8sObjects) {
	t.Helper()
	volumes := map[string]corev1.Volume{}
	for _, v := range o.spec.Volumes {
		volumes[v.Name] = v
	}
	mounts := map[string]string{}
	for _, vm := range o.container().VolumeMounts {
		if _, ok := volumes[vm.Name]; !ok {
			t.Errorf("volumeMount %s has no volume", vm.Name)
		}
		mounts[vm.MountPath] = vm.Name
	}
	for _, dir := range []string{"/tmp", "/var/lib/fenjian"} {
		if v, ok := volumes[mounts[dir]]; !ok || v.EmptyDir == nil {
			t.Errorf("%s must be an emptyDir on a read-only root file system", dir)
		}
	}
	for name, v := range volumes {
		if v.ConfigMap != nil && o.m.configMaps[v.ConfigMap.Name] == nil {
			t.Errorf("volume %s refers to ConfigMap %s, not in the manifests", name, v.ConfigMap.Name)
		}
	}
}

// checkResources checks the container requests cpu and memory and limits
// memory to no less than its request.
func checkResources(t *testing.T, o *k8sObjects) {
	t.Helper()
	c := o.container()
	if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
		t.Errorf("resources must request cpu and memory and limit memory: %+v", c.Resources)
	}
	if c.Resources.Limits.Memory().Cmp(*c.Resources.Requests.Memory()) < 0 {
		t.Errorf("memory limit below the request")
	}
}

// checkMemoryLimit checks GOMEMLIMIT is a fixed figure of 85–95% of the
// container's memory limit. Equal to the limit (resourceFieldRef
// limits.memory), the Go heap target is the cgroup's own ceiling: the
// collector starts working hard only when the heap is already there, and
// what the runtime holds outside the heap (goroutine stacks, SQLite's and
// the TLS buffers, fragmentation) takes the container over it into the OOM
// killer. Kubernetes cannot scale a resourceFieldRef, so the figure is a
// literal, kept next to the limit by this check.
func checkMemoryLimit(t *testing.T, o *k8sObjects) {
	t.Helper()
	c := o.container()
	limit := c.Resources.Limits.Memory().Value()
	var env *corev1.EnvVar
	for i, e := range c.Env {
		if e.Name == "GOMEMLIMIT" {
			env = &c.Env[i]
		}
	}
	if env == nil {
		t.Errorf("GOMEMLIMIT missing: the Go heap would grow to twice its live size whatever the container's memory limit")
		return
	}
	if env.ValueFrom != nil {
		t.Errorf("GOMEMLIMIT comes from %+v: it must be a literal about 90%% of limits.memory (%d bytes), not the limit itself", env.ValueFrom, limit)
		return
	}
	n, err := parseGoMemLimit(env.Value)
	if err != nil {
		t.Errorf("GOMEMLIMIT=%q: %v", env.Value, err)
		return
	}
	if ratio := float64(n) / float64(limit); ratio < 0.85 || ratio > 0.95 {
		t.Errorf("GOMEMLIMIT=%s is %.1f%% of the memory limit %s; want 85–95%%", env.Value, 100*ratio, c.Resources.Limits.Memory())
	}
}

// parseGoMemLimit parses GOMEMLIMIT as the Go runtime does (runtime
// package documentation): a byte count with an optional unit B, KiB, MiB,
// GiB or TiB.
func parseGoMemLimit(s string) (int64, error) {
	units := []struct {
		suffix string
		factor int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}
	factor, digits := int64(1), s
	for _, u := range units {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			factor, digits = u.factor, rest
			break
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("not a positive byte count with a unit B, KiB, MiB, GiB or TiB")
	}
	return n * factor, nil
}

// containerPorts maps the container's port names to their numbers.
func containerPorts(c corev1.Container) map[string]int32 {
	ports := map[string]int32{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	return ports
}

// checkPortsAndProbes checks the ports are triaged's, and the probes are
// HTTP probes of the http port for the paths triaged serves: the kubelet's
// gRPC probes speak no TLS, and off loopback triaged serves gRPC only over
// TLS (TestImageStartsAsDeployed runs them against the real binary).
func checkPortsAndProbes(t *testing.T, o *k8sObjects) {
	t.Helper()
	c := o.container()
	ports := containerPorts(c)
	if ports["grpc"] != 50051 || ports["http"] != 9090 {
		t.Errorf("ports %v, want grpc 50051 and http 9090 (the image's -grpc-addr and -http-addr)", ports)
	}
	for _, p := range []struct {
		name  string
		probe *corev1.Probe
		path  string
	}{
		{"readiness", c.ReadinessProbe, "/readyz"},
		{"liveness", c.LivenessProbe, "/healthz"},
		{"startup", c.StartupProbe, "/healthz"},
	} {
		if p.probe == nil || p.probe.HTTPGet == nil {
			t.Errorf("%s probe must be an httpGet probe", p.name)
			continue
		}
		if port := p.probe.HTTPGet.Port; port.String() != "http" && port.IntValue() != int(ports["http"]) {
			t.Errorf("%s probe on port %s, want the http port", p.name, port.String())
		}
		if p.probe.HTTPGet.Path != p.path {
			t.Errorf("%s probe path %q, want %q", p.name, p.probe.HTTPGet.Path, p.path)
		}
	}
}

// checkTLSAndTokens checks that the Deployment serves gRPC with TLS and
// names its callers' tokens, each file from a mounted Secret: without TLS
// triaged refuses a non-loopback -grpc-addr, and without -tokens each pod
// would invent local tokens nobody holds.
func checkTLSAndTokens(t *testing.T, o *k8sObjects) {
	t.Helper()
	secretMounts := map[string]bool{}
	volumes := map[string]corev1.Volume{}
	for _, v := range o.spec.Volumes {
		volumes[v.Name] = v
	}
	for _, vm := range o.container().VolumeMounts {
		if v := volumes[vm.Name]; v.Secret != nil {
			secretMounts[vm.MountPath] = true
		}
	}
	args := map[string]string{}
	for _, a := range o.container().Args {
		name, value, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		args[name] = value
	}
	if args["insecure"] != "" {
		t.Errorf("the Deployment must not serve plaintext gRPC (-insecure)")
	}
	for _, flag := range []string{"tls-cert", "tls-key", "tokens"} {
		path, ok := args[flag]
		if !ok {
			t.Errorf("-%s missing", flag)
			continue
		}
		if !secretMounts[filepath.Dir(path)] {
			t.Errorf("-%s=%s is not in a mounted Secret (%v)", flag, path, secretMounts)
		}
	}
}

// checkArgsAndGracePeriod checks every arg is a flag of triaged's, that the
// pod goes on serving for a shutdown delay after SIGTERM, and that the
// termination grace period outlasts the delay, the shutdown deadline and
// the handlers' grace.
func checkArgsAndGracePeriod(t *testing.T, o *k8sObjects) {
	t.Helper()
	known := flagNames(t)
	shutdown := server.DefaultShutdownTimeout
	var delay time.Duration
	for _, a := range o.container().Args {
		name, value, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !known[name] {
			t.Errorf("arg %q: triaged has no flag %q", a, name)
		}
		var err error
		switch name {
		case "shutdown-timeout":
			shutdown, err = time.ParseDuration(value)
		case "shutdown-delay":
			delay, err = time.ParseDuration(value)
		}
		if err != nil {
			t.Errorf("arg %q: %v", a, err)
		}
	}
	// Kubernetes takes the pod out of the Service's endpoints at the same
	// time as it sends SIGTERM; until every node's proxy has heard, calls
	// still come. Without a delay they would find the port closed.
	if delay <= 0 {
		t.Errorf("-shutdown-delay missing: calls routed here before the endpoint removal has spread would be refused")
	}
	grace := time.Duration(*o.spec.TerminationGracePeriodSeconds) * time.Second
	if grace <= delay+shutdown+2*time.Second {
		t.Errorf("terminationGracePeriodSeconds %v must exceed -shutdown-delay %v plus -shutdown-timeout %v plus the 2s handler grace", grace, delay, shutdown)
	}
}

// requestMemory is what one unary call may hold while its request of up to
// server.MaxRecvMsgSize is read and decoded: the bytes in the transport's
// buffer, the message, and its decoded copy. Measured on a running triaged
// with GOMEMLIMIT=460MiB (outside check 11): 200 concurrent 4 MiB Triage
// calls peaked at 352 MB RSS with 16 call slots, 476 MB with 24 and 500 MB
// with 32; 880 MB whatever the slots when they were taken only after the
// request was read.
const requestMemory = 3 * server.MaxRecvMsgSize

// memoryFloor is what triaged holds besides the requests it reads under
// that load (the refused calls' traffic, the runtime, the store).
const memoryFloor = 192 << 20

// connectionMemory is what one open gRPC connection holds, idle or not:
// 2,000 idle TLS connections took a running triaged from 138 to 240 MB RSS
// (outside check 15).
const connectionMemory = 52 << 10

// checkCallSlotsFitMemory checks that the requests -max-concurrent-calls
// lets in at once, beside the connections -max-connections keeps open, fit
// in the container's memory limit: each call holds its slot while its
// request is read (server authorizer.tap), so the slots bound what requests
// may hold, and an idle connection needs no token. The defaults (512 slots,
// 1,024 connections) would let in 6 GiB.
func checkCallSlotsFitMemory(t *testing.T, o *k8sObjects) {
	t.Helper()
	c := o.container()
	slots := int64(server.DefaultMaxConcurrentCalls)
	conns := int64(server.DefaultMaxConnections)
	for _, a := range c.Args {
		name, value, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "max-concurrent-calls" && name != "max-connections" {
			continue
		}
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			t.Errorf("arg %q: %v", a, err)
			return
		}
		if name == "max-connections" {
			conns = n
		} else {
			slots = n
		}
	}
	limit := c.Resources.Limits.Memory().Value()
	held := max(slots, 0)*requestMemory + max(conns, 0)*connectionMemory + memoryFloor
	if slots <= 0 || conns <= 0 || held > limit {
		t.Errorf("-max-concurrent-calls %d, -max-connections %d: calls reading 4 MiB requests at once beside open connections may hold %d MiB, over the memory limit %s",
			slots, conns, held>>20, c.Resources.Limits.Memory())
	}
}

// checkStoreDSN checks the PostgreSQL DSN comes from a Secret into -store's
// variable.
func checkStoreDSN(t *testing.T, o *k8sObjects) {
	t.Helper()
	c := o.container()
	var dsn *corev1.EnvVar
	for i, e := range c.Env {
		if e.Name == "FENJIAN_STORE" {
			dsn = &c.Env[i]
		}
	}
	if dsn == nil || dsn.Value != "" || dsn.ValueFrom == nil || dsn.ValueFrom.SecretKeyRef == nil {
		t.Errorf("FENJIAN_STORE must come from a secretKeyRef: %+v", dsn)
	}
}

// postgresTLSDir is where the Deployment mounts the Secret holding the
// database's CA (and a client certificate) for the DSN's sslrootcert.
const postgresTLSDir = "/etc/fenjian/postgres-tls"

// checkStoreTLS checks the Deployment mounts the optional Secret
// fenjian-postgres-tls read-only where docs/operations.md's DSN takes the
// database's CA from: without it sslmode=verify-full could only check the
// database's certificate against the image's public CAs, which never
// signed a court's own (outside check).
func checkStoreTLS(t *testing.T, o *k8sObjects) {
	t.Helper()
	var vol *corev1.Volume
	for i, v := range o.spec.Volumes {
		if v.Secret != nil && v.Secret.SecretName == "fenjian-postgres-tls" {
			vol = &o.spec.Volumes[i]
		}
	}
	if vol == nil {
		t.Errorf("no volume of the Secret fenjian-postgres-tls: the DSN's sslrootcert has no CA file to name")
		return
	}
	if vol.Secret.Optional == nil || !*vol.Secret.Optional {
		t.Errorf("the Secret fenjian-postgres-tls must be optional: a database with a publicly signed certificate needs none")
	}
	mounted := false
	for _, vm := range o.container().VolumeMounts {
		if vm.Name == vol.Name {
			mounted = vm.MountPath == postgresTLSDir && vm.ReadOnly
		}
	}
	if !mounted {
		t.Errorf("volume %s must be mounted read-only at %s", vol.Name, postgresTLSDir)
	}
	doc, err := os.ReadFile("../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := "sslrootcert=" + postgresTLSDir + "/ca.crt"; !bytes.Contains(doc, []byte(want)) {
		t.Errorf("docs/operations.md gives no DSN with %s: the operator would not know the mounted path", want)
	}
}

// checkServices checks every Service selects the Deployment's pods and
// targets named container ports, and that a headless Service publishes
// unready pods and is the one prometheus.yml discovers.
func checkServices(t *testing.T, o *k8sObjects) {
	t.Helper()
	cports := map[string]bool{}
	for _, p := range o.spec.Containers[0].Ports {
		cports[p.Name] = true
	}
	var headless bool
	for _, s := range o.m.services {
		if !labels.SelectorFromSet(s.Spec.Selector).Matches(o.podLabels) {
			t.Errorf("Service %s selects %v, not the Deployment's pods", s.Name, s.Spec.Selector)
		}
		for _, p := range s.Spec.Ports {
			if !cports[p.TargetPort.String()] {
				t.Errorf("Service %s port %s targets %q, no container port of that name", s.Name, p.Name, p.TargetPort.String())
			}
			// checkTLSAndTokens holds the Deployment to TLS on gRPC.
			if p.AppProtocol != nil && *p.AppProtocol == "kubernetes.io/h2c" {
				t.Errorf("Service %s port %s says appProtocol %s (cleartext HTTP/2), but triaged serves gRPC over TLS", s.Name, p.Name, *p.AppProtocol)
			}
		}
		if s.Spec.ClusterIP == corev1.ClusterIPNone {
			headless = true
			checkHeadlessService(t, s)
		}
	}
	if !headless {
		t.Error("no headless Service for Prometheus's DNS discovery")
	}
}

// checkNetworkPolicy checks that one NetworkPolicy covers the Deployment's
// pods, filters their ingress, and admits each container port only from a
// named set of namespaces: a rule without from (or with an empty selector)
// would admit the whole cluster, and a port named wrong (not a container
// port) would admit nothing, leaving the filing systems or Prometheus shut
// out after the next apply.
func checkNetworkPolicy(t *testing.T, o *k8sObjects) {
	t.Helper()
	if len(o.m.policies) != 1 {
		t.Fatalf("want 1 NetworkPolicy, got %d", len(o.m.policies))
	}
	p := o.m.policies[0]
	sel, err := metav1.LabelSelectorAsSelector(&p.Spec.PodSelector)
	if err != nil || sel.Empty() || !sel.Matches(o.podLabels) {
		t.Errorf("NetworkPolicy %s selects %v, not the Deployment's pods %v (%v)", p.Name, p.Spec.PodSelector, o.podLabels, err)
	}
	if !slices.Contains(p.Spec.PolicyTypes, networkingv1.PolicyTypeIngress) {
		t.Errorf("NetworkPolicy %s policyTypes %v: without Ingress it filters nothing coming in", p.Name, p.Spec.PolicyTypes)
	}
	cports := map[string]bool{}
	for _, cp := range o.container().Ports {
		cports[cp.Name] = true
	}
	admitted := map[string]bool{}
	for i, rule := range p.Spec.Ingress {
		if len(rule.From) == 0 {
			t.Errorf("ingress rule %d admits every source", i)
		}
		for _, peer := range rule.From {
			if peer.IPBlock == nil && (peer.NamespaceSelector == nil || len(peer.NamespaceSelector.MatchLabels)+len(peer.NamespaceSelector.MatchExpressions) == 0) {
				t.Errorf("ingress rule %d: a peer %+v admits every namespace", i, peer)
			}
		}
		if len(rule.Ports) == 0 {
			t.Errorf("ingress rule %d admits every port", i)
		}
		for _, port := range rule.Ports {
			if port.Port == nil || !cports[port.Port.String()] {
				t.Errorf("ingress rule %d: port %v is not a container port's name (%v)", i, port.Port, cports)
				continue
			}
			admitted[port.Port.String()] = true
		}
	}
	for name := range cports {
		if !admitted[name] {
			t.Errorf("container port %s is admitted by no ingress rule: its callers would be shut out", name)
		}
	}
}

// checkHeadlessService checks the headless Service s publishes unready pods,
// so their metrics are still scraped, and that prometheus.yml discovers it.
func checkHeadlessService(t *testing.T, s *corev1.Service) {
	t.Helper()
	if !s.Spec.PublishNotReadyAddresses {
		t.Errorf("headless Service %s must publish unready pods, so their metrics are still scraped", s.Name)
	}
	prom, err := os.ReadFile("prometheus/prometheus.yml")
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%s.%s.svc.cluster.local", s.Name, s.Namespace); !bytes.Contains(prom, []byte(want)) {
		t.Errorf("prometheus.yml does not discover %s", want)
	}
}

// checkDisruptionAndScaling checks the PDB covers the pods without blocking
// drains, and the HPA scales the Deployment from at least 2 replicas.
func checkDisruptionAndScaling(t *testing.T, o *k8sObjects) {
	t.Helper()
	d := o.d
	pdb := o.m.pdbs[0]
	s, err := metav1.LabelSelectorAsSelector(pdb.Spec.Selector)
	if err != nil || !s.Matches(o.podLabels) {
		t.Errorf("PDB selector does not match the pods")
	}
	hpa := o.m.hpas[0]
	if hpa.Spec.ScaleTargetRef.Kind != "Deployment" || hpa.Spec.ScaleTargetRef.Name != d.Name {
		t.Errorf("HPA scales %v, want Deployment %s", hpa.Spec.ScaleTargetRef, d.Name)
	}
	if hpa.Spec.MinReplicas == nil || *hpa.Spec.MinReplicas < 2 || hpa.Spec.MaxReplicas < *hpa.Spec.MinReplicas {
		t.Fatalf("HPA replicas %v..%d, want at least 2", hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas)
	}
	if pdb.Spec.MinAvailable == nil || pdb.Spec.MinAvailable.IntValue() < 1 || int32(pdb.Spec.MinAvailable.IntValue()) >= *hpa.Spec.MinReplicas {
		t.Errorf("PDB minAvailable %v must be at least 1 and below the HPA's minReplicas %d, or drains block", pdb.Spec.MinAvailable, *hpa.Spec.MinReplicas)
	}
}

// TestKubernetesOverlays decodes each overlay's patches strictly and holds
// them to the base's scaling invariants: the replica count stays the HPA's
// (a Deployment patch setting replicas would last until the HPA's next
// decision), and a patched HPA floor stays at least 2, within the base's
// maximum and above the PDB's minAvailable.
func TestKubernetesOverlays(t *testing.T) {
	base := loadManifests(t, "k8s/base")
	dirs, err := filepath.Glob("k8s/overlays/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no overlays (%v)", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			kust := readOverlay(t, dir)
			m := loadManifests(t, dir)
			var paths []string
			for _, p := range kust.Patches {
				paths = append(paths, p.Path)
			}
			for _, r := range kust.Resources {
				if !strings.HasPrefix(r, "../") {
					paths = append(paths, r)
				}
			}
			slices.Sort(paths)
			if !slices.Equal(paths, m.files) {
				t.Errorf("patches and resources %v, files %v", paths, m.files)
			}
			for _, d := range m.deployments {
				if d.Spec.Replicas != nil {
					t.Errorf("Deployment patch sets replicas %d: the HPA owns the count; patch the HPA's minReplicas", *d.Spec.Replicas)
				}
			}
			for _, h := range m.hpas {
				if h.Spec.MinReplicas == nil {
					continue
				}
				maxReplicas := base.hpas[0].Spec.MaxReplicas
				if h.Spec.MaxReplicas != 0 {
					maxReplicas = h.Spec.MaxReplicas
				}
				minAvailable := base.pdbs[0].Spec.MinAvailable.IntValue()
				if min := *h.Spec.MinReplicas; min < 2 || min > maxReplicas || int(min) <= minAvailable {
					t.Errorf("HPA patch minReplicas %d, want at least 2, at most maxReplicas %d and above the PDB's minAvailable %d", min, maxReplicas, minAvailable)
				}
			}
		})
	}
}

// configMapCase is a ConfigMap of the base holding a shipped default file.
type configMapCase struct {
	cm, key, shipped, file string
	load                   func(path string) error
}

// checkConfigMaps checks each ConfigMap loads and equals the shipped
// default it holds; with -update it rewrites them from the shipped files.
func checkConfigMaps(t *testing.T, o *k8sObjects) {
	t.Helper()
	dir := t.TempDir()
	for _, tt := range []configMapCase{
		{"fenjian-rules", "rules.json", "../rules/default_rules.json", "k8s/base/configmap-rules.yaml", func(p string) error { _, err := rules.Open(p); return err }},
		{"fenjian-holidays", "holidays.json", "../rules/holidays.json", "k8s/base/configmap-holidays.yaml", func(p string) error { _, err := rules.OpenHolidays(p); return err }},
		{"fenjian-teams", "teams.json", "../routing/default_teams.json", "k8s/base/configmap-teams.yaml", func(p string) error { _, err := routing.LoadFile(p); return err }},
	} {
		if *update {
			if err := regenerateConfigMap(tt.file, tt.key, tt.shipped); err != nil {
				t.Fatal(err)
			}
			continue
		}
		checkConfigMap(t, o, dir, tt)
	}
}

// checkConfigMap checks the ConfigMap of tt exists, its key loads (written
// into dir), and it holds the shipped file unchanged.
func checkConfigMap(t *testing.T, o *k8sObjects, dir string, tt configMapCase) {
	t.Helper()
	cm := o.m.configMaps[tt.cm]
	if cm == nil {
		t.Errorf("no ConfigMap %s", tt.cm)
		return
	}
	path := filepath.Join(dir, tt.key)
	if err := os.WriteFile(path, []byte(cm.Data[tt.key]), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := tt.load(path); err != nil {
		t.Errorf("ConfigMap %s key %s does not load: %v", tt.cm, tt.key, err)
	}
	shipped, err := os.ReadFile(tt.shipped)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(cm.Data[tt.key]) != strings.TrimSpace(string(shipped)) {
		t.Errorf("ConfigMap %s differs from %s: regenerate it with go test ./deploy/ -run TestKubernetesManifests -update", tt.cm, tt.shipped)
	}
}

// update rewrites the base's ConfigMaps from the embedded defaults:
// go test ./deploy/ -run TestKubernetesManifests -update
var update = flag.Bool("update", false, "rewrite deploy/k8s/base's ConfigMaps from rules/default_rules.json, rules/holidays.json and routing/default_teams.json")

// regenerateConfigMap keeps the manifest up to its "key: |" line and puts
// the shipped file below it, indented as a YAML block scalar.
func regenerateConfigMap(manifest, key, shipped string) error {
	b, err := os.ReadFile(manifest)
	if err != nil {
		return err
	}
	head, _, ok := strings.Cut(string(b), "  "+key+": |\n")
	if !ok {
		return fmt.Errorf("%s: no %q block", manifest, key)
	}
	data, err := os.ReadFile(shipped)
	if err != nil {
		return err
	}
	var out strings.Builder
	out.WriteString(head + "  " + key + ": |\n")
	for line := range strings.Lines(strings.TrimRight(string(data), "\n") + "\n") {
		if strings.TrimSpace(line) == "" {
			out.WriteString("\n")
			continue
		}
		out.WriteString("    " + line)
	}
	return os.WriteFile(manifest, []byte(out.String()), 0o644)
}
