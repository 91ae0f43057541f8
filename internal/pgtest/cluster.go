//go:build unix

package pgtest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/fenjian/fenjian/internal/pgcluster"
)

// Cluster is a throwaway PostgreSQL server in a temporary directory, for
// tests that stop and restart the database under a store or a server, which
// the shared server of FENJIAN_TEST_POSTGRES must never be.
type Cluster struct {
	t testing.TB
	c *pgcluster.Cluster
}

// StartCluster initialises and starts a server on a free port on 127.0.0.1
// with trust authentication, stopped when t ends. It skips t, saying why,
// when the server binaries are not installed or cannot be run.
//
// Like Schema it runs only when FENJIAN_TEST_POSTGRES is set: the variable
// is how a run asks for the PostgreSQL tests, and the machines that set it
// are the ones with PostgreSQL installed.
func StartCluster(t testing.TB) *Cluster {
	t.Helper()
	DSN(t)
	base := t.TempDir()
	if os.Geteuid() == 0 {
		// The postgres user must be able to pass through the per-test
		// directory above t.TempDir(), private to root.
		if err := os.Chmod(filepath.Dir(base), 0o711); err != nil {
			t.Fatal(err)
		}
	}
	pc, err := pgcluster.Init(base)
	if errors.Is(err, pgcluster.ErrNotInstalled) {
		t.Skipf("%v; install the postgresql package to run this test", err)
	}
	if err != nil {
		t.Skipf("cannot run a throwaway server here: %v", err)
	}
	c := &Cluster{t: t, c: pc}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("throwaway server log:\n%s", pc.LogTail(40))
		}
		_ = pc.Stop("immediate")
	})
	c.Start()
	return c
}

// URL is the URL of the cluster's postgres database. A short
// connect_timeout keeps outage tests quick should connecting hang.
func (c *Cluster) URL() string { return c.c.URL() }

// Start starts the server and waits until it accepts connections.
func (c *Cluster) Start() {
	c.t.Helper()
	if err := c.c.Start(); err != nil {
		c.t.Fatal(err)
	}
}

// Stop stops the server: mode "fast" ends sessions and shuts down cleanly,
// "immediate" kills the server processes as a crash would.
func (c *Cluster) Stop(mode string) {
	c.t.Helper()
	if err := c.c.Stop(mode); err != nil {
		c.t.Fatal(err)
	}
}

// EnableTLS restarts the server serving TLS as t says (pgcluster.TLS):
// stopped cleanly, reconfigured, started again.
func (c *Cluster) EnableTLS(t pgcluster.TLS) {
	c.t.Helper()
	c.Stop("fast")
	if err := c.c.EnableTLS(t); err != nil {
		c.t.Fatal(err)
	}
	c.Start()
}
