//go:build unix

package pgtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// Cluster is a throwaway PostgreSQL server in a temporary directory, for
// tests that stop and restart the database under a store or a server, which
// the shared server of FENJIAN_TEST_POSTGRES must never be.
type Cluster struct {
	t    testing.TB
	bin  string // directory holding initdb, pg_ctl and postgres
	data string
	log  string
	port int
	// cred runs the server binaries as the postgres user when the test runs
	// as root, which initdb and pg_ctl refuse; nil otherwise.
	cred *syscall.Credential
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
	bin := findBin()
	if bin == "" {
		t.Skip("no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or PATH; " +
			"install the postgresql package to run this test")
	}
	c := &Cluster{t: t, bin: bin}
	base := t.TempDir()
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skipf("running as root, and initdb refuses root: no postgres user to run it as (%v)", err)
		}
		uid, _ := strconv.ParseUint(u.Uid, 10, 32)
		gid, _ := strconv.ParseUint(u.Gid, 10, 32)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		// The postgres user must be able to pass through t.TempDir() and
		// the per-test directory above it, both private to root.
		for _, dir := range []string{filepath.Dir(base), base} {
			if err := os.Chmod(dir, 0o711); err != nil {
				t.Fatal(err)
			}
		}
	}
	own := filepath.Join(base, "pg")
	if err := os.Mkdir(own, 0o700); err != nil {
		t.Fatal(err)
	}
	if c.cred != nil {
		if err := os.Chown(own, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			t.Fatal(err)
		}
	}
	c.data = filepath.Join(own, "data")
	c.log = filepath.Join(own, "server.log")
	c.port = freePort(t)

	// --no-sync: initdb's own fsyncs only; the server still syncs commits.
	if out, err := c.run("initdb", "-D", c.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync"); err != nil {
		t.Skipf("initdb failed, cannot run a throwaway server here: %v\n%s", err, out)
	}
	conf := fmt.Sprintf("\nport = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"+
		"max_connections = 40\nshared_buffers = 16MB\n", c.port)
	f, err := os.OpenFile(filepath.Join(c.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(conf); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			if log, err := os.ReadFile(c.log); err == nil {
				t.Logf("throwaway server log:\n%s", tail(string(log), 40))
			}
		}
		_, _ = c.run("pg_ctl", "-D", c.data, "-m", "immediate", "-w", "stop")
	})
	c.Start()
	return c
}

// URL is the URL of the cluster's postgres database. A short
// connect_timeout keeps outage tests quick should connecting hang.
func (c *Cluster) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=3", c.port)
}

// Start starts the server and waits until it accepts connections.
func (c *Cluster) Start() {
	c.t.Helper()
	if out, err := c.run("pg_ctl", "-D", c.data, "-l", c.log, "-w", "-t", "60", "start"); err != nil {
		c.t.Fatalf("pg_ctl start: %v\n%s", err, out)
	}
}

// Stop stops the server: mode "fast" ends sessions and shuts down cleanly,
// "immediate" kills the server processes as a crash would.
func (c *Cluster) Stop(mode string) {
	c.t.Helper()
	if out, err := c.run("pg_ctl", "-D", c.data, "-m", mode, "-w", "-t", "60", "stop"); err != nil {
		c.t.Fatalf("pg_ctl stop -m %s: %v\n%s", mode, err, out)
	}
}

func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	// A directory the server's user may enter: initdb and pg_ctl fail
	// when they cannot read their working directory.
	cmd.Dir = filepath.Dir(c.data)
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	return cmd.CombinedOutput()
}

// findBin returns the newest /usr/lib/postgresql/N/bin with initdb and
// pg_ctl (Debian's layout), else the directory of initdb in PATH, else "".
func findBin() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return vb - va
	})
	if p, err := exec.LookPath("initdb"); err == nil {
		dirs = append(dirs, filepath.Dir(p))
	}
	for _, d := range dirs {
		if isExecutable(filepath.Join(d, "initdb")) && isExecutable(filepath.Join(d, "pg_ctl")) {
			return d
		}
	}
	return ""
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

// freePort returns a TCP port on 127.0.0.1 that nothing listened on a
// moment ago.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}
