package server

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/fenjian/fenjian/internal/testpki"
)

// tlsVolume is a directory of TLS files laid out as Kubernetes mounts a
// Secret (cert-manager's renewals among them): each name is a symlink
// into ..data, itself a symlink to the version serving, swapped in one
// rename, so the certificate and its key change together.
type tlsVolume struct {
	t        *testing.T
	dir      string
	versions int
}

func newTLSVolume(t *testing.T) *tlsVolume { return &tlsVolume{t: t, dir: t.TempDir()} }

// startTLSFromVolume starts a server on a SQLite store with TLS files from a
// new volume holding a certificate of ca valid until notAfter, as a
// Kubernetes Secret mounts them; the tests then publish other files there.
func startTLSFromVolume(t *testing.T, ca *testpki.CA, notAfter time.Time) (*tlsVolume, *running) {
	t.Helper()
	vol := newTLSVolume(t)
	cert, key := ca.IssueUntil(t, "server-1", notAfter)
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key})
	tlsCfg, err := LoadTLS(TLSFiles{CertFile: vol.path("tls.crt"), KeyFile: vol.path("tls.key")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return vol, startRun(t, Config{Service: Options{Decider: newDecider(t), Store: openStore(t, tempDB(t))}, Security: Security{TLS: tlsCfg}})
}

func (v *tlsVolume) path(name string) string { return filepath.Join(v.dir, name) }

// publish makes files the volume's content, as the kubelet does.
func (v *tlsVolume) publish(files map[string][]byte) {
	v.t.Helper()
	v.versions++
	version := fmt.Sprintf("..v%d", v.versions)
	if err := os.Mkdir(v.path(version), 0o700); err != nil {
		v.t.Fatal(err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(v.path(version), name), b, 0o600); err != nil {
			v.t.Fatal(err)
		}
		if _, err := os.Lstat(v.path(name)); os.IsNotExist(err) {
			if err := os.Symlink(filepath.Join("..data", name), v.path(name)); err != nil {
				v.t.Fatal(err)
			}
		}
	}
	if err := os.Symlink(version, v.path("..data_tmp")); err != nil {
		v.t.Fatal(err)
	}
	if err := os.Rename(v.path("..data_tmp"), v.path("..data")); err != nil {
		v.t.Fatal(err)
	}
}

// handshake opens a new TLS connection to addr, with the client
// certificate if certPEM is set, and returns the server's certificate, or
// the error of a health check over the connection.
func handshake(t *testing.T, addr string, roots *x509.CertPool, certPEM, keyPEM []byte) (*x509.Certificate, error) {
	t.Helper()
	var served *x509.Certificate
	cfg := &tls.Config{RootCAs: roots, ServerName: "localhost", VerifyConnection: func(cs tls.ConnectionState) error {
		served = cs.PeerCertificates[0]
		return nil
	}}
	if certPEM != nil {
		kp, err := tls.X509KeyPair(certPEM, keyPEM)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Certificates = []tls.Certificate{kp}
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err = healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{})
	return served, err
}

// startClientCAServer runs a server on loopback with TLS from a Secret-like
// volume: a certificate serverCA issued and clientCA as -tls-client-ca.
// It returns the volume and the certificate's files, to publish a
// rotation with.
func startClientCAServer(t *testing.T, serverCA, clientCA *testpki.CA) (vol *tlsVolume, cert, key []byte, r *running) {
	t.Helper()
	vol = newTLSVolume(t)
	cert, key = serverCA.Issue(t, "server-1")
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key, "ca.crt": clientCA.PEM()})
	tlsCfg, err := LoadTLS(TLSFiles{CertFile: vol.path("tls.crt"), KeyFile: vol.path("tls.key"), ClientCAFile: vol.path("ca.crt")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return vol, cert, key, startRun(t, Config{Service: Options{Decider: newDecider(t), Store: openStore(t, tempDB(t))}, Security: Security{TLS: tlsCfg}})
}

// TestTLSRenewalWithoutHandshakes: under Run, a renewed certificate (a
// Secret volume's swap) is loaded and fenjian_tls_certificate_expiry_
// timestamp_seconds moves to its notAfter without any connection (the
// files were checked only on a handshake: a quiet server exported the old
// expiry, and an expiry alert kept firing after the renewal, or never saw
// one that failed); the next connection is served the renewed
// certificate. A broken renewal is counted once, sets
// fenjian_tls_last_reload_successful to 0 and the renewed certificate
// keeps serving; the next good one loads.
func TestTLSRenewalWithoutHandshakes(t *testing.T) {
	ca := testpki.NewCA(t)
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	first := time.Now().Add(3 * time.Hour)
	vol, r := startTLSFromVolume(t, ca, first)
	server := map[string]string{"certificate": "server"}
	ok := map[string]string{"certificate": "server", "result": "ok"}
	failed := map[string]string{"certificate": "server", "result": "failed"}
	const expiry = "fenjian_tls_certificate_expiry_timestamp_seconds"
	if got := gathered(t, r.reg, expiry, server); got != float64(first.Unix()) {
		t.Fatalf("%s at start = %v, want %d", expiry, got, first.Unix())
	}
	loadedAtStart := gathered(t, r.reg, "fenjian_tls_last_load_success_timestamp_seconds", server)
	if gathered(t, r.reg, "fenjian_tls_reloads_total", failed) != 0 || gathered(t, r.reg, "fenjian_tls_last_reload_successful", server) != 1 {
		t.Fatal("a failed reload counted at start")
	}

	// Renewed, and no client connects: the ticker loads it.
	time.Sleep(time.Second) // the load timestamp is in seconds
	renewed := time.Now().Add(5 * time.Hour)
	cert, key := ca.IssueUntil(t, "server-2", renewed)
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key})
	waitMetric(t, r.reg, expiry, server, float64(renewed.Unix()))
	waitMetric(t, r.reg, "fenjian_tls_reloads_total", ok, 1)
	if got := gathered(t, r.reg, "fenjian_tls_last_load_success_timestamp_seconds", server); got <= loadedAtStart {
		t.Errorf("last load %v after the renewal, at start %v: want later", got, loadedAtStart)
	}
	served, err := handshake(t, r.grpcAddr, roots, nil, nil)
	if err != nil || served.Subject.CommonName != "server-2" {
		t.Fatalf("after the renewal: served %v, %v; want server-2", served, err)
	}

	// A broken renewal (the key of another certificate) is refused once:
	// the renewed certificate keeps serving.
	_, otherKey := ca.Issue(t, "server-3")
	cert3, _ := ca.IssueUntil(t, "server-3", time.Now().Add(7*time.Hour))
	vol.publish(map[string][]byte{"tls.crt": cert3, "tls.key": otherKey})
	waitMetric(t, r.reg, "fenjian_tls_reloads_total", failed, 1)
	waitMetric(t, r.reg, "fenjian_tls_last_reload_successful", server, 0)
	time.Sleep(3 * tlsCheckInterval)
	if got := gathered(t, r.reg, "fenjian_tls_reloads_total", failed); got != 1 {
		t.Errorf("one broken renewal counted %v failures after three checks; want 1 (retried only when the files change)", got)
	}
	if got := gathered(t, r.reg, expiry, server); got != float64(renewed.Unix()) {
		t.Errorf("%s after a broken renewal = %v, want the serving %d", expiry, got, renewed.Unix())
	}
	if served, err := handshake(t, r.grpcAddr, roots, nil, nil); err != nil || served.Subject.CommonName != "server-2" {
		t.Fatalf("after a broken renewal: served %v, %v; want server-2 still", served, err)
	}

	// Fixed: it loads.
	fixed := time.Now().Add(9 * time.Hour)
	cert, key = ca.IssueUntil(t, "server-4", fixed)
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key})
	waitMetric(t, r.reg, expiry, server, float64(fixed.Unix()))
	waitMetric(t, r.reg, "fenjian_tls_last_reload_successful", server, 1)
	waitMetric(t, r.reg, "fenjian_tls_reloads_total", ok, 2)
	if served, err := handshake(t, r.grpcAddr, roots, nil, nil); err != nil || served.Subject.CommonName != "server-4" {
		t.Fatalf("after the fix: served %v, %v; want server-4", served, err)
	}
	if _, err := r.stop(); err != nil {
		t.Fatal(err)
	}
}

// TestExpiredCertificateRefused: a server certificate whose chain has
// expired, or a client CA bundle whose every CA has, is refused as a
// broken file is. At start LoadTLS fails naming
// it; under Run, a Secret set back to an expired certificate is counted a
// failed reload (fenjian_tls_last_reload_successful 0, the expiry gauge
// kept) and the certificate serving stays. Before (outside check 30) it
// was swapped in and logged as reloaded, and every client's handshake
// failed while the replica stayed ready.
func TestExpiredCertificateRefused(t *testing.T) {
	ca := testpki.NewCA(t)
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	expiredCert, expiredKey := ca.IssueUntil(t, "server-old", time.Now().Add(-time.Minute))

	start := newTLSVolume(t)
	start.publish(map[string][]byte{"tls.crt": expiredCert, "tls.key": expiredKey})
	if _, err := LoadTLS(TLSFiles{CertFile: start.path("tls.crt"), KeyFile: start.path("tls.key")}, nil); err == nil || !strings.Contains(err.Error(), "expired") {
		t.Errorf("LoadTLS with an expired certificate: %v; want an error saying it expired", err)
	}

	valid := time.Now().Add(3 * time.Hour)
	vol, r := startTLSFromVolume(t, ca, valid)
	server := map[string]string{"certificate": "server"}
	vol.publish(map[string][]byte{"tls.crt": expiredCert, "tls.key": expiredKey})
	waitMetric(t, r.reg, "fenjian_tls_reloads_total", map[string]string{"certificate": "server", "result": "failed"}, 1)
	waitMetric(t, r.reg, "fenjian_tls_last_reload_successful", server, 0)
	if got := gathered(t, r.reg, "fenjian_tls_reloads_total", map[string]string{"certificate": "server", "result": "ok"}); got != 0 {
		t.Errorf("an expired certificate counted %v successful reloads; want 0", got)
	}
	if got := gathered(t, r.reg, "fenjian_tls_certificate_expiry_timestamp_seconds", server); got != float64(valid.Unix()) {
		t.Errorf("expiry gauge after the expired certificate = %v; want the serving %d", got, valid.Unix())
	}
	if served, err := handshake(t, r.grpcAddr, roots, nil, nil); err != nil || served.Subject.CommonName != "server-1" {
		t.Errorf("after an expired certificate was published: served %v, %v; want server-1 still", served, err)
	}
	if _, err := r.stop(); err != nil {
		t.Fatal(err)
	}

	// The client CAs: a bundle whose every CA has expired verifies no
	// client certificate and is refused the same way, at start and at a
	// reload; one expired CA beside a valid one (a rotation) loads.
	clientCA := testpki.NewCA(t)
	expiredCA := testpki.NewCAUntil(t, time.Now().Add(-time.Minute))
	judgeCert, judgeKey := clientCA.Issue(t, "J-0421")
	dir := t.TempDir()
	caFile, certFile, keyFile := filepath.Join(dir, "ca.pem"), filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	if err := os.WriteFile(caFile, expiredCA.PEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	ca.IssueFiles(t, "server-1", certFile, keyFile) // valid: only the bundle has expired
	if _, err := LoadTLS(TLSFiles{CertFile: certFile, KeyFile: keyFile, ClientCAFile: caFile}, nil); err == nil || !strings.Contains(err.Error(), "every CA of the bundle has expired") {
		t.Errorf("LoadTLS with only an expired client CA: %v; want an error saying it expired", err)
	}
	cvol, ccert, ckey, cr := startClientCAServer(t, ca, clientCA)
	clientFailed := map[string]string{"certificate": "client_ca", "result": "failed"}
	cvol.publish(map[string][]byte{"tls.crt": ccert, "tls.key": ckey, "ca.crt": expiredCA.PEM()})
	waitMetric(t, cr.reg, "fenjian_tls_reloads_total", clientFailed, 1)
	if _, err := handshake(t, cr.grpcAddr, roots, judgeCert, judgeKey); err != nil {
		t.Errorf("a client of the serving CA after a bundle of expired CAs was published: %v; want admitted", err)
	}
	cvol.publish(map[string][]byte{"tls.crt": ccert, "tls.key": ckey, "ca.crt": append(expiredCA.PEM(), clientCA.PEM()...)})
	waitMetric(t, cr.reg, "fenjian_tls_reloads_total", map[string]string{"certificate": "client_ca", "result": "ok"}, 1)
	if _, err := handshake(t, cr.grpcAddr, roots, judgeCert, judgeKey); err != nil {
		t.Errorf("a client of the valid CA of a bundle beside an expired one: %v; want admitted", err)
	}
	if _, err := cr.stop(); err != nil {
		t.Fatal(err)
	}
}

// TestClientCARotation: the -tls-client-ca bundle is reloaded on change (a
// CA rotation needed a restart: the pool read at start verified every
// handshake). A bundle of the old and the new CA admits clients of both;
// without the old CA, its client is refused at the handshake and the new
// one's admitted. A broken bundle is refused and counted, the bundle
// serving stays. fenjian_tls_certificate_expiry_timestamp_seconds
// {certificate="client_ca"} is the earliest notAfter of the bundle.
func TestClientCARotation(t *testing.T) {
	serverCA := testpki.NewCA(t)
	roots := x509.NewCertPool()
	roots.AddCert(serverCA.Cert)
	oldCA := testpki.NewCAUntil(t, time.Now().Add(2*time.Hour))
	newCA := testpki.NewCAUntil(t, time.Now().Add(4*time.Hour))
	oldCert, oldKey := oldCA.Issue(t, "judge-old")
	newCert, newKey := newCA.Issue(t, "judge-new")

	vol, cert, key, r := startClientCAServer(t, serverCA, oldCA)
	clientCA := map[string]string{"certificate": "client_ca"}
	const expiry = "fenjian_tls_certificate_expiry_timestamp_seconds"
	admits := func(step, who string, certPEM, keyPEM []byte, want bool) {
		t.Helper()
		_, err := handshake(t, r.grpcAddr, roots, certPEM, keyPEM)
		if (err == nil) != want {
			t.Errorf("%s: client of %s: %v; want admitted %v", step, who, err, want)
		}
	}
	if got := gathered(t, r.reg, expiry, clientCA); got != float64(oldCA.Cert.NotAfter.Unix()) {
		t.Errorf("client CA expiry at start %v, want %d", got, oldCA.Cert.NotAfter.Unix())
	}
	admits("at start", "the old CA", oldCert, oldKey, true)
	admits("at start", "the new CA", newCert, newKey, false)

	// The rotation's first step: both CAs.
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key, "ca.crt": append(oldCA.PEM(), newCA.PEM()...)})
	waitMetric(t, r.reg, "fenjian_tls_reloads_total", map[string]string{"certificate": "client_ca", "result": "ok"}, 1)
	if got := gathered(t, r.reg, expiry, clientCA); got != float64(oldCA.Cert.NotAfter.Unix()) {
		t.Errorf("client CA expiry of both CAs %v, want the earlier %d", got, oldCA.Cert.NotAfter.Unix())
	}
	admits("both CAs", "the old CA", oldCert, oldKey, true)
	admits("both CAs", "the new CA", newCert, newKey, true)

	// The old CA removed.
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key, "ca.crt": newCA.PEM()})
	waitMetric(t, r.reg, expiry, clientCA, float64(newCA.Cert.NotAfter.Unix()))
	admits("the new CA only", "the old CA", oldCert, oldKey, false)
	admits("the new CA only", "the new CA", newCert, newKey, true)

	// A broken bundle (cut short inside a certificate) is refused.
	broken := append(newCA.PEM(), oldCA.PEM()[:200]...)
	broken = append(broken, []byte("\n-----END CERTIFICATE-----\n")...)
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key, "ca.crt": broken})
	waitMetric(t, r.reg, "fenjian_tls_reloads_total", map[string]string{"certificate": "client_ca", "result": "failed"}, 1)
	waitMetric(t, r.reg, "fenjian_tls_last_reload_successful", clientCA, 0)
	admits("a broken bundle", "the new CA", newCert, newKey, true)
	if got := gathered(t, r.reg, "fenjian_tls_reloads_total", map[string]string{"certificate": "server", "result": "failed"}); got != 0 {
		t.Errorf("server certificate reload failures %v; want 0 (only the bundle changed)", got)
	}
	if _, err := r.stop(); err != nil {
		t.Fatal(err)
	}
}

// TestParseCertificates: a client CA bundle is refused when a block in it
// does not decode, wherever it is (pem.Decode skips it and goes on, as
// AppendCertsFromPEM did: a bundle cut short lost a CA without a word);
// blocks of other types are skipped.
func TestParseCertificates(t *testing.T) {
	a, b := testpki.NewCA(t).PEM(), testpki.NewCA(t).PEM()
	cut := append([]byte(nil), a[:120]...)
	cut = append(cut, "\n-----END CERTIFICATE-----\n"...)
	join := func(parts ...[]byte) []byte {
		var out []byte
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		bundle []byte
		certs  int // 0: refused
	}{
		{"two CAs", join(a, b), 2},
		{"a key block skipped", join(a, []byte("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n")), 1},
		{"cut short at the end", join(a, cut), 0},
		{"cut short in the middle", join(cut, b), 0},
		{"no certificate", []byte("not PEM"), 0},
		{"empty", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			certs, err := parseCertificates(tc.bundle)
			if tc.certs == 0 {
				if err == nil {
					t.Fatalf("%d certificates, want refused", len(certs))
				}
				return
			}
			if err != nil || len(certs) != tc.certs {
				t.Fatalf("%d certificates, %v; want %d", len(certs), err, tc.certs)
			}
		})
	}
}

// TestClientCARemovedNoResumption: a client of a CA that a rotation
// removed cannot come back through TLS session resumption. A resumed
// handshake presents no certificate, so a server that resumed a ticket
// issued before the rotation would take the old CA's word for the caller
// after the bundle dropped it. Go's server (since 1.25.7, CVE-2025-68121)
// refuses a ticket when the configuration a handshake gets from
// GetConfigForClient no longer verifies the ticket's chain, which is what
// lets fenjian keep session tickets with -tls-client-ca; this test holds
// that to be so for the configuration caReloader builds, having first
// shown that resumption is in play (the same client resumes while its CA
// is served).
func TestClientCARemovedNoResumption(t *testing.T) {
	serverCA := testpki.NewCA(t)
	roots := x509.NewCertPool()
	roots.AddCert(serverCA.Cert)
	oldCA := testpki.NewCAUntil(t, time.Now().Add(2*time.Hour))
	newCA := testpki.NewCAUntil(t, time.Now().Add(4*time.Hour)) // another expiry: the gauge tells the reload
	oldCert, oldKey := oldCA.Issue(t, "judge-old")
	kp, err := tls.X509KeyPair(oldCert, oldKey)
	if err != nil {
		t.Fatal(err)
	}
	vol, cert, key, r := startClientCAServer(t, serverCA, oldCA)
	cache := tls.NewLRUClientSessionCache(4)
	// dial connects with the old CA's certificate and the shared session
	// cache, reads the server's first bytes (its HTTP/2 settings: by then
	// a TLS 1.3 ticket has arrived, and a refused certificate's alert) and
	// says whether the session was resumed and whether the server let the
	// connection stand.
	dial := func() (resumed bool, err error) {
		t.Helper()
		conn, err := tls.Dial("tcp", r.grpcAddr, &tls.Config{
			RootCAs: roots, ServerName: "localhost", NextProtos: []string{"h2"},
			Certificates: []tls.Certificate{kp}, ClientSessionCache: cache,
		})
		if err != nil {
			return false, err
		}
		defer func() { _ = conn.Close() }()
		if _, err := conn.Write([]byte("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00")); err != nil {
			return conn.ConnectionState().DidResume, err
		}
		_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 64)
		_, err = conn.Read(buf)
		return conn.ConnectionState().DidResume, err
	}
	if _, err := dial(); err != nil {
		t.Fatalf("first connection of the old CA's client: %v", err)
	}
	if resumed, err := dial(); err != nil || !resumed {
		t.Fatalf("second connection while its CA is served: resumed %v, %v; want a resumed session (else this test shows nothing)", resumed, err)
	}
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key, "ca.crt": newCA.PEM()})
	waitMetric(t, r.reg, "fenjian_tls_certificate_expiry_timestamp_seconds", map[string]string{"certificate": "client_ca"}, float64(newCA.Cert.NotAfter.Unix()))
	resumed, err := dial()
	if resumed {
		t.Errorf("after the old CA was removed its client resumed a session from before (err %v); want a full handshake, refused", err)
	}
	if err == nil {
		t.Errorf("after the old CA was removed its client's connection stood; want it refused")
	}
	if _, err := r.stop(); err != nil {
		t.Fatal(err)
	}
}
