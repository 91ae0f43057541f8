//go:build unix

package store_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/fenjian/fenjian/internal/pgcluster"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/internal/testpki"
	"github.com/fenjian/fenjian/store"
)

// TestPostgresVerifyFull runs a private PostgreSQL server with ssl on, its
// certificate from the court's own CA, that admits only TLS connections
// (hostssl), and opens the store as triaged does (store.Open on
// FENJIAN_STORE) with the URL parameters docs/operations.md gives:
// sslmode=verify-full&sslrootcert= the court's CA opens it; another CA, a
// CA file that is not there, or no TLS at all is refused with an error that
// names the problem and not the password. The role certuser must present a
// client certificate of the court's CA (sslcert, sslkey).
func TestPostgresVerifyFull(t *testing.T) {
	c := pgtest.StartCluster(t)
	court, other := testpki.NewCA(t), testpki.NewCA(t)
	serverCert, serverKey := court.Issue(t, "db.court.example")
	c.EnableTLS(pgcluster.TLS{
		CertPEM: serverCert, KeyPEM: serverKey, ClientCAPEM: court.PEM(),
		HBA: []string{
			"hostssl all certuser 127.0.0.1/32 cert",
			"hostssl all all 127.0.0.1/32 trust",
		},
	})

	dir := t.TempDir()
	courtCA, otherCA := filepath.Join(dir, "court-ca.crt"), filepath.Join(dir, "other-ca.crt")
	for path, pem := range map[string][]byte{courtCA: court.PEM(), otherCA: other.PEM()} {
		if err := os.WriteFile(path, pem, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	clientCert, clientKey := filepath.Join(dir, "client.crt"), filepath.Join(dir, "client.key")
	court.IssueFiles(t, "certuser", clientCert, clientKey)

	const password = "Pa55-not-in-any-error"
	base, err := url.Parse(c.URL())
	if err != nil {
		t.Fatal(err)
	}
	target := func(user, db string, params map[string]string) string {
		u := *base
		u.User = url.UserPassword(user, password)
		u.Path = "/" + db
		q := u.Query()
		q.Del("sslmode")
		for k, v := range params {
			q.Set(k, v)
		}
		u.RawQuery = q.Encode()
		return u.String()
	}
	verify := map[string]string{"sslmode": "verify-full", "sslrootcert": courtCA}

	// A database of each role's own, so each opens a new store.
	admin, err := pgx.Connect(context.Background(), target("postgres", "postgres", verify))
	if err != nil {
		t.Fatalf("connect with verify-full and the court's CA: %v", err)
	}
	for _, sql := range []string{"CREATE ROLE certuser LOGIN SUPERUSER", "CREATE DATABASE verified", "CREATE DATABASE bycert OWNER certuser"} {
		if _, err := admin.Exec(context.Background(), sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	_ = admin.Close(context.Background())

	tests := []struct {
		name, user, db string
		params         map[string]string
		// refused is "" for a store that opens, else what the error
		// must say.
		refused string
		// certificate: the server's certificate does not verify, a
		// configuration to fix that must not be ErrUnavailable, an outage.
		certificate bool
	}{
		{"verify-full with the court's CA", "postgres", "verified", verify, "", false},
		{"client certificate", "certuser", "bycert", map[string]string{"sslmode": "verify-full", "sslrootcert": courtCA, "sslcert": clientCert, "sslkey": clientKey}, "", false},
		{"another CA", "postgres", "verified", map[string]string{"sslmode": "verify-full", "sslrootcert": otherCA}, "the server's TLS certificate does not verify against the CA of sslrootcert", true},
		{"another CA, the driver's reason", "postgres", "verified", map[string]string{"sslmode": "verify-full", "sslrootcert": otherCA}, "x509: certificate signed by unknown authority", true},
		{"CA file missing", "postgres", "verified", map[string]string{"sslmode": "verify-full", "sslrootcert": filepath.Join(dir, "no-such-ca.crt")}, "no-such-ca.crt: no such file or directory", false},
		{"without TLS", "postgres", "verified", map[string]string{"sslmode": "disable"}, "no encryption", false},
		{"no client certificate", "certuser", "bycert", verify, "connection requires a valid client certificate", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, target(tt.user, tt.db, tt.params), store.Options{})
			if tt.refused == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer st.Close()
				if err := st.Probe(ctx); err != nil {
					t.Errorf("Probe over TLS: %v", err)
				}
				return
			}
			if err == nil {
				st.Close()
				t.Fatalf("Open succeeded; want it refused with %q", tt.refused)
			}
			if !strings.Contains(err.Error(), tt.refused) {
				t.Errorf("Open: %v\nwant an error saying %q", err, tt.refused)
			}
			// A certificate to fix is no outage to wait out.
			if tt.certificate && errors.Is(err, store.ErrUnavailable) {
				t.Errorf("the error is ErrUnavailable, an outage: %v", err)
			}
			if strings.Contains(err.Error(), password) {
				t.Errorf("the error shows the password: %v", err)
			}
			t.Logf("refused: %v", err)
		})
	}
}
