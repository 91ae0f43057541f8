package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/testpki"
)

// TestServeRolesReloadTLS runs triaged over TLS with client certificates
// (a CA, the server's and a client's certificate made by the test) and a
// -roles file, and edits the file while it serves: the certificate's CN
// gets the role the file in force gives it, a swap takes effect from the
// next call, a CN removed proves a name without roles, and a file the start
// would refuse is refused (fenjian_roles_last_reload_successful 0, which
// FenjianRolesReloadRefused pages on) while the roles serving stay.
func TestServeRolesReloadTLS(t *testing.T) {
	dir := t.TempDir()
	ca := testpki.NewCA(t)
	caPath, rolesPath := filepath.Join(dir, "ca.pem"), filepath.Join(dir, "roles.json")
	if err := os.WriteFile(caPath, ca.PEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	srvCert, srvKey := filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key")
	ca.IssueFiles(t, "localhost", srvCert, srvKey)
	certPEM, keyPEM := ca.Issue(t, "J-0421")
	clientCert, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	roles := func(r string) []byte {
		if r == "" {
			return []byte(`{"certificates":[{"cn":"ops","roles":["admin"]}]}`)
		}
		return []byte(`{"certificates":[{"cn":"J-0421","roles":[` + r + `]}]}`)
	}
	replaceFile(t, rolesPath, roles(`"judge"`))

	logs, _, _ := runServe(t, "-data-dir="+dir, "-tls-cert="+srvCert, "-tls-key="+srvKey, "-tls-client-ca="+caPath,
		"-roles="+rolesPath, "-tokens-watch=20ms")
	serving := waitForLog(t, logs, nil, "serving")
	metricsURL := "http://" + serving["http_addr"].(string) + "/metrics"
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	conn, err := grpc.NewClient(serving["grpc_addr"].(string), grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{
		RootCAs: pool, ServerName: "localhost", Certificates: []tls.Certificate{clientCert}, MinVersion: tls.VersionTLS12})))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	waitMetric := func(prefix string, want float64) {
		t.Helper()
		waitForMetric(t, ctx, metricsURL, logs, prefix, want)
	}
	c := triagev1.NewTriageServiceClient(conn)
	// GetDecision is open to a judge and a filing system, Triage to a
	// filing system only; an admitted call with no such decision or an
	// empty filing gets its handler's answer.
	expect := func(when string, getDecision, triage codes.Code) {
		t.Helper()
		_, err := c.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: "0190a5c0-0000-7000-8000-000000000000"})
		if got := status.Code(err); got != getDecision {
			t.Errorf("%s: GetDecision as certificate J-0421: %v, want %v", when, err, getDecision)
		}
		_, err = c.Triage(ctx, &triagev1.TriageRequest{})
		if got := status.Code(err); got != triage {
			t.Errorf("%s: Triage as certificate J-0421: %v, want %v", when, err, triage)
		}
	}
	expect("at start, a judge", codes.NotFound, codes.PermissionDenied)

	replaceFile(t, rolesPath, roles(`"filing"`))
	waitMetric(`fenjian_roles_reloads_total{result="swapped",trigger="watch"}`, 1)
	expect("a filing system after a reload", codes.NotFound, codes.InvalidArgument)

	// Refused: the filing role stays.
	replaceFile(t, rolesPath, roles(`"judge","god"`))
	waitMetric(`fenjian_roles_reloads_total{result="refused",trigger="watch"}`, 1)
	waitMetric("fenjian_roles_last_reload_successful", 0)
	expect("after a refused file", codes.NotFound, codes.InvalidArgument)
	if !strings.Contains(logs.String(), "roles file refused") || !strings.Contains(logs.String(), "unknown role") {
		t.Error("no refusal record saying roles file refused, unknown role")
	}

	// The CN removed: a name without roles.
	replaceFile(t, rolesPath, roles(""))
	waitMetric(`fenjian_roles_reloads_total{result="swapped",trigger="watch"}`, 2)
	waitMetric("fenjian_roles_last_reload_successful", 1)
	expect("after its CN was removed", codes.PermissionDenied, codes.PermissionDenied)
}
