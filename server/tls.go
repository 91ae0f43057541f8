package server

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/internal/boundedfile"
)

// TLSConfig is the gRPC listener's TLS, built by LoadTLS.
type TLSConfig struct {
	// Config is nil for a plaintext server.
	Config *tls.Config

	// reload keeps the files LoadTLS read current; nil for a Config built
	// by hand. Run registers its metrics and checks the files on a ticker.
	reload *tlsReload
}

// MaxTLSFileBytes bounds each TLS file: a chain, a key or a bundle of CAs
// (a system bundle is about 200 KB). Read whole, -tls-cert /dev/zero ran
// triaged out of memory at start, and a named pipe held the start (or,
// replaced on a renewal, every handshake) forever.
const MaxTLSFileBytes = 4 << 20

// TLSFiles name the PEM files of the server's TLS.
type TLSFiles struct {
	// CertFile and KeyFile are the server's certificate chain and key. They
	// are read again when either file changes (checked at most once per
	// tlsCheckInterval, on a handshake and, under Run, on a ticker), so a
	// renewed certificate needs no restart; a renewal that fails to load
	// is logged, counted and the old certificate keeps serving.
	CertFile, KeyFile string
	// ClientCAFile, if set, makes client certificates count: a client
	// certificate is verified against these CAs and its subject CN becomes
	// the caller's identity (mTLS). Clients without a certificate may still
	// connect and use a bearer token. The bundle is reloaded on change as
	// the certificate is: a handshake verifies against the bundle serving.
	ClientCAFile string
}

// tlsCheckInterval bounds how often the TLS files are checked for a
// change, and is the period of Run's check: a renewal is noticed within
// about this long even when no client connects, so the expiry gauge and
// the reload metrics never wait for traffic.
const tlsCheckInterval = time.Second

// What the TLS metrics' certificate label names.
const (
	tlsServer   = "server"    // -tls-cert, -tls-key
	tlsClientCA = "client_ca" // -tls-client-ca
)

// LoadTLS loads the server certificate (and client CAs) and returns a TLS
// configuration that reloads both when their files change.
func LoadTLS(files TLSFiles, logger *slog.Logger) (TLSConfig, error) {
	if files.CertFile == "" || files.KeyFile == "" {
		return TLSConfig{}, errors.New("tls: both the certificate and the key file are required")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	m := newTLSMetrics()
	cert := &certReloader{cert: files.CertFile, key: files.KeyFile}
	rl := &tlsReload{metrics: m}
	var err error
	if rl.server, err = newTLSWatch(tlsServer, cert.load, m, logger, files.CertFile, files.KeyFile); err != nil {
		return TLSConfig{}, fmt.Errorf("tls: %w", err)
	}
	cfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			rl.server.maybeCheck(time.Now())
			return cert.get(), nil
		},
	}
	if files.ClientCAFile != "" {
		cfg.ClientAuth = tls.VerifyClientCertIfGiven
		// Every handshake's verified client certificate is noted for its
		// expiry gauge; the CA bundle's configurations are clones of cfg.
		m.clients = newClientCerts()
		cfg.VerifyConnection = m.clients.verifyConnection
		cas := &caReloader{file: files.ClientCAFile, template: cfg.Clone()}
		if rl.clientCA, err = newTLSWatch(tlsClientCA, cas.load, m, logger, files.ClientCAFile); err != nil {
			return TLSConfig{}, fmt.Errorf("tls: client CAs: %w", err)
		}
		// The listener's own configuration keeps the pool read at start
		// (for whoever inspects it); handshakes take the one serving.
		cfg.ClientCAs = cas.config().ClientCAs
		cfg.GetConfigForClient = func(*tls.ClientHelloInfo) (*tls.Config, error) {
			rl.clientCA.maybeCheck(time.Now())
			return cas.config(), nil
		}
	}
	return TLSConfig{Config: cfg, reload: rl}, nil
}

// tlsReload is the reload of the server's TLS files: the certificate's
// and, with -tls-client-ca, the client CAs'.
type tlsReload struct {
	server, clientCA *tlsWatch // clientCA nil without -tls-client-ca
	metrics          *tlsMetrics
}

// watcher registers the TLS metrics with reg (Run's registry) and returns
// the check of the files Run runs until its shutdown; without files
// (plaintext, or a Config built by hand) it registers nothing and the
// check returns at once.
func (c TLSConfig) watcher(reg prometheus.Registerer) (func(context.Context), error) {
	if c.reload == nil {
		return func(context.Context) {}, nil
	}
	if err := c.reload.metrics.register(reg); err != nil {
		return nil, err
	}
	return func(ctx context.Context) { c.reload.watch(ctx, tlsCheckInterval) }, nil
}

// watch checks the files every interval until ctx ends, so that a renewal
// is loaded (and the expiry gauge moves) without waiting for a handshake.
func (r *tlsReload) watch(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			r.server.maybeCheck(now)
			if r.clientCA != nil {
				r.clientCA.maybeCheck(now)
			}
		}
	}
}

// tlsWatch reloads one set of TLS files (the certificate and its key, or
// the client CAs) when they change: load reads and judges them and swaps
// them in only when they are good, returning the earliest notAfter of the
// certificates now serving. A change that fails to load is logged,
// counted and tried again only when the files change again (a half-written
// renewal is retried once the writer has finished): retried at every
// check, one broken renewal logged an error and counted a failure every
// second until someone fixed it.
type tlsWatch struct {
	what    string // tlsServer or tlsClientCA
	paths   []string
	load    func() (time.Time, error)
	logger  *slog.Logger
	metrics *tlsMetrics

	mu      sync.Mutex
	stamp   string // of the files serving
	refused string // of the files last refused
	checked time.Time
}

func newTLSWatch(what string, load func() (time.Time, error), m *tlsMetrics, logger *slog.Logger, paths ...string) (*tlsWatch, error) {
	w := &tlsWatch{what: what, paths: paths, load: load, metrics: m,
		logger: logger.With(slog.String("component", "tls"), slog.String("certificate", what))}
	stamp, err := fileStamp(paths...)
	if err != nil {
		return nil, err
	}
	notAfter, err := load()
	if err != nil {
		return nil, err
	}
	w.stamp, w.checked = stamp, time.Now()
	m.loaded(what, notAfter, time.Now())
	return w, nil
}

// maybeCheck reloads the files if they changed, unless they were checked
// less than tlsCheckInterval before now.
func (w *tlsWatch) maybeCheck(now time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if now.Sub(w.checked) < tlsCheckInterval {
		return
	}
	w.checked = now
	// The stamp is taken before the read: a file replaced during the read
	// has a newer stamp than the one recorded, so the next check reads it.
	stamp, err := fileStamp(w.paths...)
	if err != nil || stamp == w.stamp || stamp == w.refused {
		// A file missing for a moment (a Secret volume swaps a symlink)
		// is not a renewal; the old files keep serving.
		return
	}
	notAfter, err := w.load()
	if err != nil {
		w.refused = stamp
		w.metrics.failed(w.what)
		w.logger.Error("TLS reload failed; the previous files keep serving",
			slog.Any("files", w.paths), slog.String("error", err.Error()))
		return
	}
	w.stamp, w.refused = stamp, ""
	w.metrics.loaded(w.what, notAfter, now)
	w.metrics.reloads.WithLabelValues(w.what, tlsReloadOK).Inc()
	w.logger.Info("TLS files reloaded", slog.Any("files", w.paths),
		slog.Time("not_after", notAfter))
}

func fileStamp(paths ...string) (string, error) {
	var s string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return "", err
		}
		s += fmt.Sprintf("%d/%d;", fi.ModTime().UnixNano(), fi.Size())
	}
	return s, nil
}

// certReloader holds the certificate in two files.
type certReloader struct {
	cert, key string

	mu      sync.Mutex
	current *tls.Certificate
}

// load reads the files and swaps the certificate in when they hold a
// certificate and its key and the certificate has not expired; it
// returns the earliest notAfter of the chain. An expired certificate is
// refused like a broken file: swapped in, every client's handshake failed
// while the replica stayed ready and logged a successful reload (outside
// check 30: a Secret set back to an old certificate replaced a working
// one), and at start it would serve no TLS client at all.
func (r *certReloader) load() (time.Time, error) {
	certPEM, err := boundedfile.Read(r.cert, MaxTLSFileBytes)
	if err != nil {
		return time.Time{}, err
	}
	keyPEM, err := boundedfile.Read(r.key, MaxTLSFileBytes)
	if err != nil {
		return time.Time{}, err
	}
	c, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return time.Time{}, fmt.Errorf("load %s and %s: %w", r.cert, r.key, err)
	}
	var certs []*x509.Certificate
	for _, der := range c.Certificate {
		x, err := x509.ParseCertificate(der)
		if err != nil {
			return time.Time{}, fmt.Errorf("%s: %w", r.cert, err)
		}
		certs = append(certs, x)
	}
	// The leaf only: an expired intermediate in the file (a cross-signed
	// one kept for old clients) may leave other clients a valid path.
	if leaf := certs[0]; time.Now().After(leaf.NotAfter) {
		return time.Time{}, fmt.Errorf("%s: certificate %q expired at %s: no client accepts it; install a renewed one",
			r.cert, leaf.Subject.String(), leaf.NotAfter.UTC().Format(time.RFC3339))
	}
	r.mu.Lock()
	r.current = &c
	r.mu.Unlock()
	return earliestNotAfter(certs), nil
}

func (r *certReloader) get() *tls.Certificate {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.current
}

// caReloader holds the client CAs in a file, as the configuration a
// handshake verifies client certificates with.
type caReloader struct {
	file     string
	template *tls.Config // the listener's configuration, before the CAs

	mu      sync.Mutex
	current *tls.Config
}

// load reads the bundle and swaps it in when every certificate in it
// parses and there is at least one; it returns the earliest notAfter of
// the bundle.
func (r *caReloader) load() (time.Time, error) {
	b, err := boundedfile.Read(r.file, MaxTLSFileBytes)
	if err != nil {
		return time.Time{}, err
	}
	certs, err := parseCertificates(b)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w", r.file, err)
	}
	// A bundle whose CAs have all expired verifies no client certificate:
	// swapped in, it would take every mTLS caller's identity at once.
	// One expired CA beside a valid one is a rotation under way and loads.
	if latest := latestNotAfter(certs); time.Now().After(latest) {
		return time.Time{}, fmt.Errorf("%s: every CA of the bundle has expired (the last at %s): no client certificate would verify; install the current CAs",
			r.file, latest.UTC().Format(time.RFC3339))
	}
	pool := x509.NewCertPool()
	for _, c := range certs {
		pool.AddCert(c)
	}
	cfg := r.template.Clone()
	cfg.ClientCAs = pool
	r.mu.Lock()
	r.current = cfg
	r.mu.Unlock()
	return earliestNotAfter(certs), nil
}

func (r *caReloader) config() *tls.Config {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.current
}

// parseCertificates returns the CERTIFICATE blocks of a PEM bundle (other
// blocks are skipped, as x509.CertPool.AppendCertsFromPEM skips them). A
// certificate or block that does not parse refuses the whole bundle:
// skipped, a bundle cut short would drop the CAs in it without a word.
func parseCertificates(b []byte) ([]*x509.Certificate, error) {
	// pem.Decode skips a block that does not decode and goes on with the
	// next: the blocks begun and the blocks decoded must agree.
	begun, blocks := bytes.Count(b, []byte("-----BEGIN ")), 0
	var certs []*x509.Certificate
	for {
		block, rest := pem.Decode(b)
		if block == nil {
			break
		}
		b = rest
		blocks++
		if block.Type != "CERTIFICATE" || len(block.Headers) != 0 {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certificate %d: %w", len(certs)+1, err)
		}
		certs = append(certs, c)
	}
	if blocks != begun {
		return nil, fmt.Errorf("%d of %d PEM blocks do not decode (a bundle cut short?)", begun-blocks, begun)
	}
	if len(certs) == 0 {
		return nil, errors.New("no PEM certificate")
	}
	return certs, nil
}

// latestNotAfter is the latest notAfter of certs.
func latestNotAfter(certs []*x509.Certificate) time.Time {
	var t time.Time
	for _, c := range certs {
		if c.NotAfter.After(t) {
			t = c.NotAfter
		}
	}
	return t
}

func earliestNotAfter(certs []*x509.Certificate) time.Time {
	var t time.Time
	for _, c := range certs {
		if t.IsZero() || c.NotAfter.Before(t) {
			t = c.NotAfter
		}
	}
	return t
}

// Results of fenjian_tls_reloads_total.
const (
	tlsReloadOK     = "ok"
	tlsReloadFailed = "failed"
)

// tlsMetrics are the TLS files' metrics, labelled by certificate (server,
// client_ca). They are made with the configuration, before Run has a
// registry, so that they hold the load at start.
type tlsMetrics struct {
	expiry, lastLoad, lastOK *prometheus.GaugeVec
	reloads                  *prometheus.CounterVec
	// clients are the client certificates seen at handshakes; nil
	// without -tls-client-ca.
	clients *clientCerts
}

func newTLSMetrics() *tlsMetrics {
	return &tlsMetrics{
		expiry: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "fenjian_tls_certificate_expiry_timestamp_seconds",
			Help: "Earliest notAfter (Unix seconds) of the certificates serving: certificate=\"server\" the served chain (-tls-cert), certificate=\"client_ca\" the client CA bundle (-tls-client-ca).",
		}, []string{"certificate"}),
		lastLoad: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "fenjian_tls_last_load_success_timestamp_seconds",
			Help: "When (Unix seconds) the TLS files serving were loaded, at start or by a reload, by certificate (server, client_ca).",
		}, []string{"certificate"}),
		lastOK: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "fenjian_tls_last_reload_successful",
			Help: "1 when the last reload of the TLS files loaded them (and before any), 0 when it failed: the files hold a renewal that is not serving, by certificate (server, client_ca).",
		}, []string{"certificate"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_tls_reloads_total",
			Help: "Reloads of changed TLS files by certificate (server, client_ca) and result (ok, failed: the previous files keep serving).",
		}, []string{"certificate", "result"}),
	}
}

// loaded records files of what loaded at now, whose earliest notAfter is
// notAfter. Failures start at 0: the alert takes their increase, which a
// series born at its first failure (at 1) would never show.
func (m *tlsMetrics) loaded(what string, notAfter, now time.Time) {
	m.expiry.WithLabelValues(what).Set(float64(notAfter.Unix()))
	m.lastLoad.WithLabelValues(what).Set(float64(now.Unix()))
	m.lastOK.WithLabelValues(what).Set(1)
	m.reloads.WithLabelValues(what, tlsReloadFailed)
	m.reloads.WithLabelValues(what, tlsReloadOK)
}

func (m *tlsMetrics) failed(what string) {
	m.lastOK.WithLabelValues(what).Set(0)
	m.reloads.WithLabelValues(what, tlsReloadFailed).Inc()
}

func (m *tlsMetrics) register(reg prometheus.Registerer) error {
	cs := []prometheus.Collector{m.expiry, m.lastLoad, m.lastOK, m.reloads}
	if m.clients != nil {
		cs = append(cs, m.clients)
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}
