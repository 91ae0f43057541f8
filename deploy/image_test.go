package deploy

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/checkpoint"
	"github.com/fenjian/fenjian/internal/testpki"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

// dockerfileCommand returns the JSON array of the Dockerfile instruction
// that matches re (ENTRYPOINT, or the CMD of HEALTHCHECK).
func dockerfileCommand(t *testing.T, re string) []string {
	t.Helper()
	b, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(re).FindSubmatch(b)
	if m == nil {
		t.Fatalf("Dockerfile has no line matching %s", re)
	}
	var cmd []string
	if err := json.Unmarshal(m[1], &cmd); err != nil {
		t.Fatalf("Dockerfile %s: %v", m[0], err)
	}
	return cmd
}

// TestImageStartsAsDeployed runs triaged exactly as the image and the
// Deployment start it — the Dockerfile's ENTRYPOINT followed by the
// container's args, its env, each volume at its mount path (ConfigMaps with
// their data, the TLS and tokens Secrets with a test certificate and token)
// — and checks that it serves: the Dockerfile's HEALTHCHECK and every probe
// of the Deployment pass, gRPC answers over TLS, and a token from the
// mounted tokens file is accepted and one not in it refused. Only
// the listen ports (":0", still every interface) and the store (a SQLite
// file instead of the PostgreSQL Secret) differ from a pod.
//
// It runs the base's Deployment and the production overlay's, rendered:
// the production one with a signer key from triagectl audit keygen's
// format in the checkpoint key's Secret, and it must have written a signed
// checkpoint of the Triage call's head into the checkpoints' volume by the
// time it has stopped.
func TestImageStartsAsDeployed(t *testing.T) {
	const production = "k8s/overlays/production"
	m := loadManifests(t, "k8s/base")
	prod := renderDeployment(t, production, m.deployments[0], loadManifests(t, production))
	for _, tt := range []struct {
		name string
		d    *appsv1.Deployment
	}{{"base", m.deployments[0]}, {"production", prod}} {
		root := t.TempDir()
		t.Run(tt.name, func(t *testing.T) { startAsDeployed(t, m, tt.d, root) })
		args := map[string]string{}
		for _, a := range tt.d.Spec.Template.Spec.Containers[0].Args {
			name, value, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
			args[name] = value
		}
		if dir, ok := args["checkpoint-dir"]; ok {
			written, _ := filepath.Glob(filepath.Join(root, dir, "*.checkpoint"))
			if len(written) == 0 {
				t.Errorf("%s: no signed checkpoint in -checkpoint-dir=%s after the stop", tt.name, dir)
			}
		} else if tt.name == "production" {
			t.Errorf("production writes no checkpoints (no -checkpoint-dir)")
		}
	}
}

// startAsDeployed runs triaged as the Deployment d starts it, its volumes
// under root, and checks it serves; it is stopped when t ends.
func startAsDeployed(t *testing.T, m *manifests, d *appsv1.Deployment, root string) {
	entry := dockerfileCommand(t, `(?m)^ENTRYPOINT (\[.*\])$`)
	health := dockerfileCommand(t, `(?m)^\s*CMD (\[.*"healthcheck".*\])$`)
	c := d.Spec.Template.Spec.Containers[0]
	local := func(p string) string { return filepath.Join(root, p) }

	ca, token := mountVolumes(t, m, d, local)

	args := append(append([]string{}, entry[1:]...), c.Args...)
	for i, a := range args {
		switch a {
		case ":50051", ":9090":
			args[i] = ":0"
			continue
		}
		for _, vm := range c.VolumeMounts {
			if strings.HasPrefix(a, vm.MountPath) || strings.Contains(a, "="+vm.MountPath) {
				args[i] = strings.Replace(a, vm.MountPath, local(vm.MountPath), 1)
			}
		}
	}
	env := []string{"FENJIAN_STORE=" + filepath.Join(root, "fenjian.db")}
	for _, e := range c.Env {
		if e.Name == "GOMEMLIMIT" {
			env = append(env, "GOMEMLIMIT="+e.Value) // a literal (checkMemoryLimit)
		}
	}
	tr := runTriaged(t, env, args)
	grpcAddr, httpAddr := loopback(t, tr.grpcAddr), loopback(t, tr.httpAddr)

	// The image's HEALTHCHECK, as written, against the real port.
	hc := append([]string{}, health[1:]...)
	for i, a := range hc {
		hc[i] = strings.Replace(a, "127.0.0.1:9090", httpAddr, 1)
	}
	if out, err := exec.Command(triagedBinary(t), hc...).CombinedOutput(); err != nil {
		t.Errorf("HEALTHCHECK %q: %v\n%s", hc, err, out)
	}
	// Every probe of the Deployment.
	for name, p := range map[string]*corev1.Probe{"readiness": c.ReadinessProbe, "liveness": c.LivenessProbe, "startup": c.StartupProbe} {
		resp, err := http.Get("http://" + httpAddr + p.HTTPGet.Path)
		if err != nil {
			t.Errorf("%s probe: %v", name, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s probe %s: %s", name, p.HTTPGet.Path, resp.Status)
		}
	}

	// gRPC over TLS: health for anyone, Triage for the token's holder only.
	conn, err := grpc.NewClient(grpcAddr, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{RootCAs: ca, ServerName: "localhost"})))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if resp, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("gRPC health over TLS: %v %v", resp, err)
	}
	client := triagev1.NewTriageServiceClient(conn)
	req := &triagev1.TriageRequest{Filing: civilFiling("(2024)辽0102民初901号", "")}
	// The test dials loopback, as kubectl port-forward's tunnel into the
	// pod does: the Deployment listens on every interface, so no caller is
	// anonymous there (an anonymous Triage was stored, with its team draw,
	// before outside check 30). A token the mounted file does not hold is
	// refused too.
	if _, err := client.Triage(ctx, req); status.Code(err) != codes.Unauthenticated {
		t.Errorf("anonymous Triage from loopback as deployed: %v, want Unauthenticated", err)
	}
	wrong := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer fjt_not-in-the-file")
	if _, err := client.Triage(wrong, req); status.Code(err) != codes.Unauthenticated {
		t.Errorf("Triage with a token not in the mounted file: %v, want Unauthenticated", err)
	}
	authed := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
	if resp, err := client.Triage(authed, req); err != nil || resp.GetDecision().GetDecisionId() == "" {
		t.Errorf("Triage with the mounted token: %v %v", resp, err)
	}
}

// mountVolumes writes each volume of d at its mount path under local: the
// ConfigMaps' data, a test certificate and key for the TLS Secret, a token
// for the tokens Secret, a signer key for the checkpoint key's Secret, and
// nothing for an optional Secret. It returns the pool of the certificate's
// CA and the token.
func mountVolumes(t *testing.T, m *manifests, d *appsv1.Deployment, local func(string) string) (*x509.CertPool, string) {
	t.Helper()
	c := d.Spec.Template.Spec.Containers[0]
	volumes := map[string]corev1.Volume{}
	for _, v := range d.Spec.Template.Spec.Volumes {
		volumes[v.Name] = v
	}
	ca, token := x509.NewCertPool(), "fjt_image-test-token"
	for _, vm := range c.VolumeMounts {
		dir := local(vm.MountPath)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		v := volumes[vm.Name]
		switch {
		case v.ConfigMap != nil:
			for key, data := range m.configMaps[v.ConfigMap.Name].Data {
				writeFile(t, filepath.Join(dir, key), data)
			}
		case v.Secret != nil && v.Secret.SecretName == "fenjian-tls":
			pki := testpki.NewCA(t)
			cert, key := pki.Issue(t, "localhost")
			writeFile(t, filepath.Join(dir, "tls.crt"), string(cert))
			writeFile(t, filepath.Join(dir, "tls.key"), string(key))
			ca.AppendCertsFromPEM(pki.PEM())
		case v.Secret != nil && v.Secret.SecretName == "fenjian-tokens":
			sum := sha256.Sum256([]byte(token))
			writeFile(t, filepath.Join(dir, "tokens.json"),
				`{"tokens": [{"name": "filing-system", "roles": ["filing"], "sha256": "`+hex.EncodeToString(sum[:])+`"}]}`)
		case v.Secret != nil && v.Secret.SecretName == "fenjian-checkpoint-key":
			signer, _, err := checkpoint.GenerateKey("fenjian.image-test")
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "checkpoint.key"), signer)
		case v.Secret != nil && v.Secret.Optional != nil && *v.Secret.Optional:
			// Kubernetes mounts an optional Secret that is not there as
			// an empty directory: the DSN names no file of it here.
		case v.Secret != nil:
			t.Fatalf("volume %s: Secret %s has no test content here", v.Name, v.Secret.SecretName)
		}
	}
	return ca, token
}

// loopback turns a bound address such as "[::]:41234" into one a client on
// this machine dials.
func loopback(t *testing.T, addr string) string {
	t.Helper()
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatalf("address %q: %v", addr, err)
	}
	return net.JoinHostPort("127.0.0.1", port)
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}
