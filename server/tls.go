package server

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile"
)

// TLSConfig is the gRPC listener's TLS, built by LoadTLS.
type TLSConfig struct {
	// Config is nil for a plaintext server.
	Config *tls.Config
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
	// certReloadInterval, on a handshake), so a renewed certificate needs no
	// restart; a renewal that fails to load is logged and the old
	// certificate keeps serving.
	CertFile, KeyFile string
	// ClientCAFile, if set, makes client certificates count: a client
	// certificate is verified against these CAs and its subject CN becomes
	// the caller's identity (mTLS). Clients without a certificate may still
	// connect and use a bearer token.
	ClientCAFile string
}

// certReloadInterval bounds how often the certificate files are checked.
const certReloadInterval = time.Second

// LoadTLS loads the server certificate (and client CAs) and returns a TLS
// configuration that reloads the certificate when its files change.
func LoadTLS(files TLSFiles, logger *slog.Logger) (TLSConfig, error) {
	if files.CertFile == "" || files.KeyFile == "" {
		return TLSConfig{}, errors.New("tls: both the certificate and the key file are required")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	r := &certReloader{cert: files.CertFile, key: files.KeyFile, logger: logger}
	if err := r.load(); err != nil {
		return TLSConfig{}, err
	}
	cfg := &tls.Config{
		MinVersion:     tls.VersionTLS12,
		GetCertificate: r.get,
	}
	if files.ClientCAFile != "" {
		pem, err := boundedfile.Read(files.ClientCAFile, MaxTLSFileBytes)
		if err != nil {
			return TLSConfig{}, fmt.Errorf("tls: client CAs: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return TLSConfig{}, fmt.Errorf("tls: client CAs %s: no PEM certificate", files.ClientCAFile)
		}
		cfg.ClientCAs = pool
		cfg.ClientAuth = tls.VerifyClientCertIfGiven
	}
	return TLSConfig{Config: cfg}, nil
}

// certReloader serves the certificate in two files, reloading it when they
// change.
type certReloader struct {
	cert, key string
	logger    *slog.Logger

	mu      sync.Mutex
	current *tls.Certificate
	stamp   string // modification times and sizes of both files
	checked time.Time
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

// load reads the files; the caller holds mu or is the constructor.
func (r *certReloader) load() error {
	stamp, err := fileStamp(r.cert, r.key)
	if err != nil {
		return fmt.Errorf("tls: %w", err)
	}
	certPEM, err := boundedfile.Read(r.cert, MaxTLSFileBytes)
	if err != nil {
		return fmt.Errorf("tls: %w", err)
	}
	keyPEM, err := boundedfile.Read(r.key, MaxTLSFileBytes)
	if err != nil {
		return fmt.Errorf("tls: %w", err)
	}
	c, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return fmt.Errorf("tls: load %s and %s: %w", r.cert, r.key, err)
	}
	r.current, r.stamp = &c, stamp
	return nil
}

func (r *certReloader) get(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if now := time.Now(); now.Sub(r.checked) >= certReloadInterval {
		r.checked = now
		if stamp, err := fileStamp(r.cert, r.key); err == nil && stamp != r.stamp {
			// A half-written renewal fails to load; the next check (the
			// stamp is still different) tries again.
			if err := r.load(); err != nil {
				r.logger.Warn("TLS certificate reload failed; the previous certificate keeps serving", slog.String("error", err.Error()))
			} else {
				r.logger.Info("TLS certificate reloaded", slog.String("cert", r.cert))
			}
		}
	}
	return r.current, nil
}
