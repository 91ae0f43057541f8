package server

import (
	"crypto/tls"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/auth"
)

// ClientCertWindow is how long a client certificate seen at a handshake
// counts in fenjian_tls_client_certificate_expiry_timestamp_seconds. A
// client reconnects at least every MaxConnectionAge (2 minutes in the
// Deployment), so a day holds every client that is calling, and one that
// renewed its certificate drops its old expiry a day after it last used
// it: an instance of the client still on the old certificate keeps it.
const ClientCertWindow = 24 * time.Hour

// MaxClientCertSubjects bounds the subjects (certificate CNs) the gauge
// has series for. A court's clients are few (filing systems, portals, a
// team lead's screen); every CN the CA issued could be many more. When it
// is full, a new subject takes the place of the one whose certificate
// expires last, if the new one's expires before it: the gauge keeps the
// subjects whose certificates expire first, which are the ones an alert
// needs. A subject left out is seen again at its next handshake.
const MaxClientCertSubjects = 256

// maxCertsPerSubject bounds the certificates remembered for one subject
// (a client renewing on several instances has a few at once); the one
// seen least recently gives its place.
const maxCertsPerSubject = 8

// clientCerts remembers, by subject, the expiries of the client
// certificates verified at handshakes (-tls-client-ca) and when each was
// last seen, and exports the earliest of those seen within
// ClientCertWindow per subject. The server's own and the CA bundle's
// expiries are fenjian_tls_certificate_expiry_timestamp_seconds; a client's
// certificate expiring was seen only when its calls were refused.
type clientCerts struct {
	now  func() time.Time
	desc *prometheus.Desc

	mu        sync.Mutex
	bySubject map[string][]seenCert
}

// seenCert is one certificate chain's expiry and when it was last seen.
type seenCert struct {
	notAfter, seen time.Time
}

func newClientCerts() *clientCerts {
	return &clientCerts{now: time.Now, bySubject: map[string][]seenCert{},
		desc: prometheus.NewDesc("fenjian_tls_client_certificate_expiry_timestamp_seconds",
			"Earliest expiry (Unix seconds: the earliest notAfter of the verified chain) of the client certificates with this subject CN verified at a handshake in the last 24 hours (-tls-client-ca); at most 256 subjects, those expiring first.",
			[]string{"subject"}, nil)}
}

// verifyConnection is the listener's tls.Config.VerifyConnection: it notes
// the verified client certificate of every handshake and never refuses one
// (the handshake verified it; the authorizer judges it per call).
func (cc *clientCerts) verifyConnection(cs tls.ConnectionState) error {
	if len(cs.VerifiedChains) == 0 || len(cs.VerifiedChains[0]) == 0 {
		return nil
	}
	cn, ok := commonName(cs.VerifiedChains[0][0])
	if !ok {
		return nil
	}
	// Only a CN that can be an identity's name is a label value: at most
	// 64 printable characters (auth.Roles.ForCertificate).
	if _, ok := (*auth.Roles)(nil).ForCertificate(cn); !ok {
		return nil
	}
	cc.seen(cn, chainsExpiry(cs.VerifiedChains))
	return nil
}

// seen notes a certificate of subject expiring at notAfter, seen now.
func (cc *clientCerts) seen(subject string, notAfter time.Time) {
	now := cc.now()
	cc.mu.Lock()
	defer cc.mu.Unlock()
	certs, known := cc.bySubject[subject]
	if !known && len(cc.bySubject) >= MaxClientCertSubjects {
		cc.pruneLocked(now)
		if len(cc.bySubject) >= MaxClientCertSubjects {
			last, lastExpiry := "", time.Time{}
			for s, cs := range cc.bySubject {
				if e := earliest(cs); e.After(lastExpiry) {
					last, lastExpiry = s, e
				}
			}
			if !notAfter.Before(lastExpiry) {
				return
			}
			delete(cc.bySubject, last)
		}
	}
	for i := range certs {
		if certs[i].notAfter.Equal(notAfter) {
			certs[i].seen = now
			return
		}
	}
	if len(certs) >= maxCertsPerSubject {
		oldest := 0
		for i := range certs {
			if certs[i].seen.Before(certs[oldest].seen) {
				oldest = i
			}
		}
		certs = append(certs[:oldest], certs[oldest+1:]...)
	}
	cc.bySubject[subject] = append(certs, seenCert{notAfter: notAfter, seen: now})
}

// pruneLocked forgets the certificates not seen within ClientCertWindow of
// now, and the subjects left with none.
func (cc *clientCerts) pruneLocked(now time.Time) {
	for s, certs := range cc.bySubject {
		kept := certs[:0]
		for _, c := range certs {
			if now.Sub(c.seen) < ClientCertWindow {
				kept = append(kept, c)
			}
		}
		if len(kept) == 0 {
			delete(cc.bySubject, s)
		} else {
			cc.bySubject[s] = kept
		}
	}
}

// earliest is the earliest expiry of certs (zero for none).
func earliest(certs []seenCert) time.Time {
	var e time.Time
	for _, c := range certs {
		if e.IsZero() || c.notAfter.Before(e) {
			e = c.notAfter
		}
	}
	return e
}

// Describe implements prometheus.Collector.
func (cc *clientCerts) Describe(ch chan<- *prometheus.Desc) { ch <- cc.desc }

// Collect implements prometheus.Collector: one series per subject seen
// within ClientCertWindow.
func (cc *clientCerts) Collect(ch chan<- prometheus.Metric) {
	now := cc.now()
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.pruneLocked(now)
	for s, certs := range cc.bySubject {
		ch <- prometheus.MustNewConstMetric(cc.desc, prometheus.GaugeValue, float64(earliest(certs).Unix()), s) //nolint:promlinter // cc.desc is a field promlinter cannot resolve; its name and help are in its NewDesc
	}
}
