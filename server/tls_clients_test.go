package server

import (
	"crypto/x509"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/internal/testpki"
)

// steppedClock is a time that a test moves.
type steppedClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *steppedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *steppedClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// clientExpiries returns the series of
// fenjian_tls_client_certificate_expiry_timestamp_seconds in g, by subject.
func clientExpiries(t *testing.T, g prometheus.Gatherer) map[string]int64 {
	t.Helper()
	const name = "fenjian_tls_client_certificate_expiry_timestamp_seconds"
	got, err := samples(g, name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for sample, v := range got {
		subject, ok := strings.CutPrefix(sample, name+`{subject="`)
		if !ok || !strings.HasSuffix(subject, `"}`) {
			t.Fatalf("sample %s, want the subject label alone", sample)
		}
		out[strings.TrimSuffix(subject, `"}`)] = int64(v)
	}
	return out
}

// TestClientCertificateExpiryGauge runs Run with TLS and -tls-client-ca on
// loopback and connects clients: each subject's series is the earliest
// expiry among its certificates seen at a handshake in the last 24 hours
// (a chain's, its CA's when that comes first), a renewed certificate's old
// expiry stays until a day after the old one was last seen, a client
// without a certificate (a bearer token's) has none, and a certificate the
// CA bundle does not verify has none.
func TestClientCertificateExpiryGauge(t *testing.T) {
	serverCA, clientCA, stranger := testpki.NewCA(t), testpki.NewCAUntil(t, time.Now().Add(400*24*time.Hour)), testpki.NewCA(t)
	vol := newTLSVolume(t)
	cert, key := serverCA.Issue(t, "server-1")
	vol.publish(map[string][]byte{"tls.crt": cert, "tls.key": key, "ca.crt": clientCA.PEM()})
	tlsCfg, err := LoadTLS(TLSFiles{CertFile: vol.path("tls.crt"), KeyFile: vol.path("tls.key"), ClientCAFile: vol.path("ca.crt")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	clock := &steppedClock{now: time.Now()}
	tlsCfg.reload.metrics.clients.now = clock.Now
	r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: openStore(t, tempDB(t))}, Security: Security{TLS: tlsCfg}})
	roots := x509.NewCertPool()
	roots.AddCert(serverCA.Cert)

	day := 24 * time.Hour
	at := func(d time.Duration) time.Time { return time.Now().Add(d).Truncate(time.Second) }
	filingOld, filingNew, portal, lead := at(30*day), at(90*day), at(10*day), at(800*day)
	type pair struct{ cert, key []byte }
	issue := func(ca *testpki.CA, cn string, until time.Time) pair {
		c, k := ca.IssueUntil(t, cn, until)
		return pair{c, k}
	}
	certs := map[string]pair{
		"filing old": issue(clientCA, "filing-system-1", filingOld),
		"filing new": issue(clientCA, "filing-system-1", filingNew),
		"portal":     issue(clientCA, "court-portal", portal),
		// Valid after its CA: the chain expires with the CA.
		"lead":     issue(clientCA, "lead-1", lead),
		"stranger": issue(stranger, "stranger-1", portal),
	}
	caEnd := clientCA.Cert.NotAfter.Unix()
	for _, step := range []struct {
		name    string
		advance time.Duration
		connect []string
		want    map[string]int64
	}{
		{"no client yet", 0, nil, map[string]int64{}},
		{"a client without a certificate", 0, []string{""}, map[string]int64{}},
		{"a certificate the CAs do not verify", 0, []string{"stranger"}, map[string]int64{}},
		{"three clients", 0, []string{"filing old", "portal", "lead"},
			map[string]int64{"filing-system-1": filingOld.Unix(), "court-portal": portal.Unix(), "lead-1": caEnd}},
		{"renewed: the old expiry stays, the earliest", time.Hour, []string{"filing new"},
			map[string]int64{"filing-system-1": filingOld.Unix(), "court-portal": portal.Unix(), "lead-1": caEnd}},
		{"a day after the old was last seen", day, []string{"filing new", "portal"},
			map[string]int64{"filing-system-1": filingNew.Unix(), "court-portal": portal.Unix()}},
	} {
		t.Run(step.name, func(t *testing.T) {
			clock.add(step.advance)
			for _, name := range step.connect {
				c := certs[name]
				_, herr := handshake(t, r.grpcAddr, roots, c.cert, c.key)
				if herr != nil && name != "stranger" {
					t.Fatalf("connect %s: %v", name, herr)
				}
			}
			got := clientExpiries(t, r.reg)
			if fmt.Sprint(got) != fmt.Sprint(step.want) {
				t.Errorf("gauge %v, want %v", got, step.want)
			}
		})
	}
}

// TestClientCertsBounded: past MaxClientCertSubjects subjects the gauge
// keeps those whose certificates expire first; a subject's certificates
// are bounded too, the least recently seen giving its place.
func TestClientCertsBounded(t *testing.T) {
	start := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	clock := &steppedClock{now: start}
	expiry := func(days int) time.Time { return start.Add(time.Duration(days) * 24 * time.Hour) }
	full := func() *clientCerts {
		cc := newClientCerts()
		cc.now = clock.Now
		for i := range MaxClientCertSubjects {
			cc.seen(fmt.Sprintf("client-%03d", i), expiry(100+i))
		}
		return cc
	}
	last := fmt.Sprintf("client-%03d", MaxClientCertSubjects-1)
	for _, tt := range []struct {
		name     string
		do       func(cc *clientCerts)
		has, not []string
	}{
		{"a new subject expiring first takes the latest's place", func(cc *clientCerts) { cc.seen("new", expiry(5)) },
			[]string{"new", "client-000"}, []string{last}},
		{"a new subject expiring last is left out", func(cc *clientCerts) { cc.seen("new", expiry(9999)) },
			[]string{last}, []string{"new"}},
		{"a subject seen again is kept", func(cc *clientCerts) { cc.seen(last, expiry(1)); cc.seen("new", expiry(50)) },
			[]string{last, "new"}, []string{fmt.Sprintf("client-%03d", MaxClientCertSubjects-2)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cc := full()
			tt.do(cc)
			reg := prometheus.NewRegistry()
			reg.MustRegister(cc)
			got := clientExpiries(t, reg)
			if len(got) != MaxClientCertSubjects {
				t.Errorf("%d series, want %d", len(got), MaxClientCertSubjects)
			}
			for _, s := range tt.has {
				if _, ok := got[s]; !ok {
					t.Errorf("no series of %s", s)
				}
			}
			for _, s := range tt.not {
				if _, ok := got[s]; ok {
					t.Errorf("a series of %s", s)
				}
			}
		})
	}
	t.Run("certificates of one subject", func(t *testing.T) {
		cc := newClientCerts()
		cc.now = clock.Now
		for i := range maxCertsPerSubject + 1 {
			clock.add(time.Second)
			cc.seen("renewing", expiry(10+i))
		}
		reg := prometheus.NewRegistry()
		reg.MustRegister(cc)
		if n := len(cc.bySubject["renewing"]); n != maxCertsPerSubject {
			t.Errorf("%d certificates kept, want %d", n, maxCertsPerSubject)
		}
		// The first seen, the earliest, gave its place.
		if got := clientExpiries(t, reg)["renewing"]; got != expiry(11).Unix() {
			t.Errorf("gauge %d, want %d", got, expiry(11).Unix())
		}
	})
}
