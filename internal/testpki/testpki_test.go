package testpki_test

import (
	"crypto/tls"
	"crypto/x509"
	"path/filepath"
	"testing"

	"github.com/fenjian/fenjian/internal/testpki"
)

// TestIssuedCertificateVerifies checks that a certificate the CA issues
// loads as a key pair and verifies against the CA as a localhost server and
// as a client, and not against another CA.
func TestIssuedCertificateVerifies(t *testing.T) {
	ca := testpki.NewCA(t)
	dir := t.TempDir()
	certPath, keyPath := filepath.Join(dir, "c.pem"), filepath.Join(dir, "c.key")
	ca.IssueFiles(t, "judge-17", certPath, keyPath)
	pair, err := tls.LoadX509KeyPair(certPath, keyPath)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(pair.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	if leaf.Subject.CommonName != "judge-17" {
		t.Errorf("common name %q, want judge-17", leaf.Subject.CommonName)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca.PEM()) {
		t.Fatal("CA PEM does not parse")
	}
	for _, usage := range []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth} {
		if _, err := leaf.Verify(x509.VerifyOptions{DNSName: "localhost", Roots: pool, KeyUsages: []x509.ExtKeyUsage{usage}}); err != nil {
			t.Errorf("usage %v: %v", usage, err)
		}
	}
	other := x509.NewCertPool()
	other.AppendCertsFromPEM(testpki.NewCA(t).PEM())
	if _, err := leaf.Verify(x509.VerifyOptions{DNSName: "localhost", Roots: other}); err == nil {
		t.Error("verified against a CA that did not issue it")
	}
}
