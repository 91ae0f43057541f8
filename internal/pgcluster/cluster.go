//go:build unix

// Package pgcluster runs a throwaway PostgreSQL server in a directory of its
// own, for the tests and fault runs that stop, crash and restart the database
// under a store or a server, which a shared server must never be. It needs
// the server binaries (initdb, pg_ctl, postgres) installed; it never touches
// any other server.
package pgcluster

import (
	"errors"
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
)

// ErrNotInstalled is returned by Init when there are no PostgreSQL server
// binaries to run, or, as root, no postgres user to run them as.
var ErrNotInstalled = errors.New("no PostgreSQL server binaries to run")

// Cluster is a PostgreSQL server in a private data directory, listening on
// a free port of 127.0.0.1 with trust authentication.
type Cluster struct {
	bin  string // directory holding initdb, pg_ctl and postgres
	data string
	log  string
	port int
	// cred runs the server binaries as the postgres user when the caller
	// runs as root, which initdb and pg_ctl refuse; nil otherwise.
	cred *syscall.Credential
}

// Init creates a data directory under dir and initialises it; the server
// is not started (Start). The error wraps ErrNotInstalled when there is
// nothing to run. As root, dir is made traversable (0711) so the postgres
// user can reach its own directory inside it; directories above dir must
// be traversable already.
func Init(dir string) (*Cluster, error) {
	bin := findBin()
	if bin == "" {
		return nil, fmt.Errorf("%w: no initdb and pg_ctl in /usr/lib/postgresql/*/bin or PATH", ErrNotInstalled)
	}
	c := &Cluster{bin: bin}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("%w: running as root, and initdb refuses root: no postgres user to run it as: %w", ErrNotInstalled, err)
		}
		uid, _ := strconv.ParseUint(u.Uid, 10, 32)
		gid, _ := strconv.ParseUint(u.Gid, 10, 32)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chmod(dir, 0o711); err != nil {
			return nil, err
		}
	}
	own := filepath.Join(dir, "pg")
	if err := os.Mkdir(own, 0o700); err != nil {
		return nil, err
	}
	if c.cred != nil {
		if err := os.Chown(own, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			return nil, err
		}
	}
	c.data = filepath.Join(own, "data")
	c.log = filepath.Join(own, "server.log")
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	c.port = port

	// --no-sync: initdb's own fsyncs only; the server still syncs commits.
	if out, err := c.run("initdb", "-D", c.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync"); err != nil {
		return nil, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	conf := fmt.Sprintf("\nport = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"+
		"max_connections = 40\nshared_buffers = 16MB\n", c.port)
	f, err := os.OpenFile(filepath.Join(c.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(conf); err != nil {
		_ = f.Close()
		return nil, err
	}
	return c, f.Close()
}

// URL is the URL of the cluster's postgres database. A short
// connect_timeout keeps outages quick should connecting hang.
func (c *Cluster) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=3", c.port)
}

// Start starts the server and waits until it accepts connections.
func (c *Cluster) Start() error {
	if out, err := c.run("pg_ctl", "-D", c.data, "-l", c.log, "-w", "-t", "60", "start"); err != nil {
		return fmt.Errorf("pg_ctl start: %w\n%s", err, out)
	}
	return nil
}

// Stop stops the server: mode "fast" ends sessions and shuts down cleanly,
// "immediate" kills the server processes as a crash would.
func (c *Cluster) Stop(mode string) error {
	if out, err := c.run("pg_ctl", "-D", c.data, "-m", mode, "-w", "-t", "60", "stop"); err != nil {
		return fmt.Errorf("pg_ctl stop -m %s: %w\n%s", mode, err, out)
	}
	return nil
}

// TLS is what EnableTLS serves: the server's certificate and key, the CAs
// of the client certificates it takes (ssl_ca_file; nil for none), and the
// pg_hba.conf lines that replace initdb's (which admit every local
// connection, encrypted or not, on trust).
type TLS struct {
	CertPEM, KeyPEM []byte
	ClientCAPEM     []byte
	HBA             []string
}

// EnableTLS turns ssl on with t's certificate and key and replaces
// pg_hba.conf with t.HBA; it takes effect at the next Start. The files go
// into the data directory, owned by the server's user with the mode the
// server requires of a key (0600).
func (c *Cluster) EnableTLS(t TLS) error {
	files := map[string][]byte{"server.crt": t.CertPEM, "server.key": t.KeyPEM}
	conf := "\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"
	if t.ClientCAPEM != nil {
		files["client_ca.crt"] = t.ClientCAPEM
		conf += "ssl_ca_file = 'client_ca.crt'\n"
	}
	files["pg_hba.conf"] = []byte(strings.Join(t.HBA, "\n") + "\n")
	for name, b := range files {
		p := filepath.Join(c.data, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			return err
		}
		if c.cred != nil {
			if err := os.Chown(p, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
				return err
			}
		}
	}
	f, err := os.OpenFile(filepath.Join(c.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(conf); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// LogTail is the last lines of the server's log, for a failure's report.
func (c *Cluster) LogTail(lines int) string {
	b, err := os.ReadFile(c.log)
	if err != nil {
		return ""
	}
	all := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
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
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
