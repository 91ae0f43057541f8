package server

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/internal/testpki"
)

// TestCertificateExpires runs a real TLS server on loopback with an
// injected clock (Security.Clock): a client certificate proves its
// identity until the earliest expiry of its verified chain (its own
// NotAfter, or its CA's when that comes first), and from then on its calls
// on the connection it opened before are refused UNAUTHENTICATED
// ("client certificate expired") and its open team feed ends with that
// refusal, while the feed of a certificate valid longer stays open. The
// TLS handshake checks a certificate's dates once, when the connection
// opens; a feed held on that connection outlived the certificate, as an
// expired token's feed did before tokens had expiries.
func TestCertificateExpires(t *testing.T) {
	ctx := testContext(t)
	clock := newFakeClock(time.Now())
	ca := testpki.NewCA(t)
	serverCert, serverKey := ca.Issue(t, "server-1")
	// lead-early's certificate expires in 30 minutes, before the CA;
	// lead-late's in two hours, after it: its chain expires with the CA.
	earlyCert, earlyKey := ca.IssueUntil(t, "lead-early", time.Now().Add(30*time.Minute))
	lateCert, lateKey := ca.IssueUntil(t, "lead-late", time.Now().Add(2*time.Hour))

	kp, err := tls.X509KeyPair(serverCert, serverKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	tlsCfg := TLSConfig{Config: &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{kp},
		ClientCAs: pool, ClientAuth: tls.VerifyClientCertIfGiven}}
	roles, err := auth.ParseRoles([]byte(`{"certificates":[
		{"cn":"lead-early","roles":["filing","team:civil"]},
		{"cn":"lead-late","roles":["filing","team:civil"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: writeTeams(t, tinyTeams()),
		sec: &Security{Roles: roles, TLS: tlsCfg, Clock: clock}})
	addr := h.conn.Target()

	dialCert := func(certPEM, keyPEM []byte) *grpc.ClientConn {
		kp, err := tls.X509KeyPair(certPEM, keyPEM)
		if err != nil {
			t.Fatal(err)
		}
		conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{
			RootCAs: pool, ServerName: "localhost", Certificates: []tls.Certificate{kp}})))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = conn.Close() })
		if _, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
			t.Fatalf("health over TLS: %v", err)
		}
		return conn
	}
	early, late := dialCert(earlyCert, earlyKey), dialCert(lateCert, lateKey)
	call := func(conn *grpc.ClientConn) error {
		_, err := triagev1.NewTriageServiceClient(conn).Triage(ctx, &triagev1.TriageRequest{Filing: validFiling(), DryRun: true})
		return err
	}
	feed := func(conn *grpc.ClientConn) <-chan error {
		stream, err := triagev1.NewTriageServiceClient(conn).WatchAssignments(ctx, &triagev1.WatchAssignmentsRequest{TeamId: "civil"})
		if err != nil {
			t.Fatalf("WatchAssignments: %v", err)
		}
		ended := make(chan error, 1)
		go func() {
			for {
				if _, err := stream.Recv(); err != nil {
					ended <- err
					return
				}
			}
		}()
		return ended
	}
	wantExpired := func(t *testing.T, what string, err error) {
		t.Helper()
		if st := status.Convert(err); st.Code() != codes.Unauthenticated || !strings.Contains(st.Message(), "client certificate expired") {
			t.Errorf("%s: %v, want UNAUTHENTICATED saying the client certificate expired", what, err)
		}
	}
	ended := func(t *testing.T, what string, feed <-chan error) {
		t.Helper()
		select {
		case err := <-feed:
			wantExpired(t, what, err)
		case <-time.After(5 * time.Second):
			t.Errorf("%s: still open 5 s after its certificate expired", what)
		}
	}
	stillOpen := feedStaysOpen
	notAfter := func(certPEM []byte) time.Time {
		b, _ := pem.Decode(certPEM)
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		return c.NotAfter
	}
	// The fake clock moves to a second before an expiry, then to it.
	advanceTo := func(at time.Time) { clock.Advance(at.Sub(clock.Now())) }

	if err := call(early); err != nil {
		t.Fatalf("Triage by certificate lead-early before its expiry: %v", err)
	}
	earlyFeed, lateFeed := feed(early), feed(late)
	time.Sleep(feedQuiet) // the feeds' requests have arrived

	advanceTo(notAfter(earlyCert).Add(-time.Second))
	stillOpen(t, "lead-early's feed a second before its certificate expires", earlyFeed)
	if err := call(early); err != nil {
		t.Errorf("Triage a second before the certificate expires = %v, want admitted", err)
	}
	advanceTo(notAfter(earlyCert))
	t.Run("feed ends at the certificate's expiry", func(t *testing.T) { ended(t, "lead-early's feed", earlyFeed) })
	t.Run("call refused at the certificate's expiry", func(t *testing.T) {
		wantExpired(t, "Triage on the connection opened before", call(early))
	})
	stillOpen(t, "lead-late's feed", lateFeed)
	if err := call(late); err != nil {
		t.Errorf("Triage by lead-late, valid longer = %v, want admitted", err)
	}

	// lead-late's own certificate outlives the CA that issued it: its
	// chain expires with the CA.
	advanceTo(ca.Cert.NotAfter)
	t.Run("feed ends at the CA's expiry", func(t *testing.T) { ended(t, "lead-late's feed", lateFeed) })
	t.Run("call refused at the CA's expiry", func(t *testing.T) { wantExpired(t, "Triage by lead-late", call(late)) })

	// Four refusals, each counted and logged naming its identity: the
	// two feeds ended and the two calls.
	if v, _ := metricValue(h.reg, "fenjian_grpc_refused_total", map[string]string{"code": "Unauthenticated"}); v != 4 {
		t.Errorf("fenjian_grpc_refused_total{code=\"Unauthenticated\"} = %v, want 4", v)
	}
	for _, who := range []string{"lead-early", "lead-late"} {
		if n := refusalsLogged(t, h.logs.String(), who); n != 2 {
			t.Errorf("%d UNAUTHENTICATED refusals of %s logged, want 2 (its feed and its call):\n%s", n, who, h.logs.String())
		}
	}
}

// refusalsLogged counts the "call refused" records of logs that are
// UNAUTHENTICATED and name caller.
func refusalsLogged(t *testing.T, logs, caller string) int {
	t.Helper()
	n := 0
	for line := range strings.Lines(logs) {
		var rec struct{ Msg, Code, Caller string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec.Msg == "call refused" && rec.Code == "Unauthenticated" && rec.Caller == caller {
			n++
		}
	}
	return n
}
