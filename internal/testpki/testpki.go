// Package testpki makes a throwaway certificate authority and certificates
// for tests that start a real TLS server (triaged with -tls-cert/-tls-key,
// mutual TLS with client certificates). Keys are ECDSA P-256, certificates
// valid from an hour ago for two hours; nothing here is fit for production.
package testpki

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"testing"
	"time"
)

// CA is a test certificate authority.
type CA struct {
	Cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// NewCA makes a self-signed CA, valid for an hour; it fails the test on
// error.
func NewCA(tb testing.TB) *CA {
	tb.Helper()
	return NewCAUntil(tb, time.Now().Add(time.Hour))
}

// NewCAUntil is NewCA for a CA that expires at notAfter: a bundle of CAs
// whose earliest expiry a test chooses.
func NewCAUntil(tb testing.TB, notAfter time.Time) *CA {
	tb.Helper()
	key := newKey(tb)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: notAfter,
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return &CA{Cert: cert, key: key}
}

// PEM is the CA certificate in PEM, for a client's or server's trust pool.
func (ca *CA) PEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw})
}

// Issue returns a certificate for common name cn, signed by ca, in PEM, and
// its PKCS #8 key in PEM. It is valid as a server for localhost and
// 127.0.0.1 and as a client (the name is the caller's identity under mTLS).
func (ca *CA) Issue(tb testing.TB, cn string) (certPEM, keyPEM []byte) {
	tb.Helper()
	return ca.issue(tb, pkix.Name{CommonName: cn}, time.Now().Add(time.Hour))
}

// IssueUntil is Issue for a certificate that expires at notAfter (which
// may come before the CA's own expiry, an hour after NewCA): a client
// certificate that expires while its connection is open.
func (ca *CA) IssueUntil(tb testing.TB, cn string, notAfter time.Time) (certPEM, keyPEM []byte) {
	tb.Helper()
	return ca.issue(tb, pkix.Name{CommonName: cn}, notAfter)
}

// IssueNames is Issue for a subject holding every one of cns as a common
// name, in order: a certificate that names more than one caller.
func (ca *CA) IssueNames(tb testing.TB, cns ...string) (certPEM, keyPEM []byte) {
	tb.Helper()
	var subject pkix.Name
	for _, cn := range cns {
		subject.ExtraNames = append(subject.ExtraNames, pkix.AttributeTypeAndValue{Type: asn1.ObjectIdentifier{2, 5, 4, 3}, Value: cn})
	}
	return ca.issue(tb, subject, time.Now().Add(time.Hour))
}

func (ca *CA) issue(tb testing.TB, subject pkix.Name, notAfter time.Time) (certPEM, keyPEM []byte) {
	tb.Helper()
	key := newKey(tb)
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: subject,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: notAfter,
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.Cert, &key.PublicKey, ca.key)
	if err != nil {
		tb.Fatal(err)
	}
	kb, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kb})
}

// IssueFiles writes Issue's certificate and key to certPath and keyPath
// (mode 0600).
func (ca *CA) IssueFiles(tb testing.TB, cn, certPath, keyPath string) {
	tb.Helper()
	cert, key := ca.Issue(tb, cn)
	writeFiles(tb, certPath, cert, keyPath, key)
}

// IssueNamesFiles writes IssueNames's certificate and key to certPath and
// keyPath (mode 0600).
func (ca *CA) IssueNamesFiles(tb testing.TB, certPath, keyPath string, cns ...string) {
	tb.Helper()
	cert, key := ca.IssueNames(tb, cns...)
	writeFiles(tb, certPath, cert, keyPath, key)
}

func writeFiles(tb testing.TB, certPath string, cert []byte, keyPath string, key []byte) {
	tb.Helper()
	for path, b := range map[string][]byte{certPath: cert, keyPath: key} {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
}

func newKey(tb testing.TB) *ecdsa.PrivateKey {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	return key
}
