package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create and drop bench's schema
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// buildTriaged builds ./cmd/triaged of the module bench runs in into dir.
func buildTriaged(ctx context.Context, dir string) (string, error) {
	return goBuild(ctx, ".", "./cmd/triaged", filepath.Join(dir, "triaged"))
}

// goBuild builds pkg into bin with the go command run in moduleDir, a
// directory of the module bench runs in ("." for its root, or a tool
// module's directory).
func goBuild(ctx context.Context, moduleDir, pkg, bin string) (string, error) {
	root, err := moduleRoot(ctx)
	if err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, pkg)
	cmd.Dir = filepath.Join(root, moduleDir)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build %s (in %s): %w\n%s", pkg, moduleDir, err, out)
	}
	return bin, nil
}

// moduleRoot is the directory of the module bench runs in.
func moduleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("find the module: %w", err)
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// maxCapacity is the largest monthly capacity routing accepts.
const maxCapacity = 100_000

// writeTeams writes the embedded teams with every capacity raised to the
// most routing accepts, so stored decisions are routed (drawn inside their
// transaction) for the whole run: the cost measured is a routed case's. A
// fresh store per run starts every team at 0.
func writeTeams(ctx context.Context, dir string) (string, error) {
	root, err := moduleRoot(ctx)
	if err != nil {
		return "", err
	}
	src := filepath.Join(root, "routing", "default_teams.json")
	b, err := os.ReadFile(src)
	if err != nil {
		return "", fmt.Errorf("read teams: %w", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		return "", fmt.Errorf("parse %s: %w", src, err)
	}
	teams, _ := doc["teams"].([]any)
	for _, t := range teams {
		if m, ok := t.(map[string]any); ok {
			m["capacity"] = maxCapacity
		}
	}
	b, err = json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "teams.json")
	return path, os.WriteFile(path, b, 0o600)
}

// target is one store bench runs triaged on.
type target struct {
	name  string // sqlite, postgres
	store string // triaged's -store
	drop  func() // removes it
}

// sqliteTarget is a fresh SQLite file in dir.
func sqliteTarget(dir, name string) target {
	return target{name: "sqlite", store: filepath.Join(dir, name, "fenjian.db"), drop: func() {}}
}

// postgresTarget creates a fresh schema in the database at dsn and returns
// a target whose search_path is that schema; the error says why PostgreSQL
// is skipped.
func postgresTarget(ctx context.Context, dsn string) (target, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return target{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	schema := fmt.Sprintf("bench_%d", time.Now().UnixNano())
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		_ = db.Close()
		return target{}, err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		_ = db.Close()
		return target{}, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return target{name: "postgres", store: u.String(), drop: func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, _ = db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
		_ = db.Close()
	}}, nil
}

// server is a running triaged.
type server struct {
	cmd      *exec.Cmd
	grpcAddr string
	httpAddr string // /metrics, /healthz, /readyz
	exited   chan error
	log      *os.File
}

// freeAddr returns a loopback address with a port free right now.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// startServer starts triaged on store and waits until its health check
// answers SERVING. grpcAddr "" picks a free port; a restart passes the old
// one, so clients reconnect to the same address.
//
// extra are more flags for triaged (-model, -rules).
func startServer(ctx context.Context, bin, store, teams, logPath, grpcAddr string, extra ...string) (*server, error) {
	return startServerPicking(ctx, freeAddr, bin, store, teams, logPath, grpcAddr, extra)
}

// startAttempts bounds how often startServerPicking picks new ports: a port
// free when picked can be taken before triaged binds it (in CI the other
// test packages start servers at the same time), which is worth another
// pick, but a machine out of ports is not.
const startAttempts = 5

// startServerPicking is startServer with the port picker as a parameter, so
// a test can hand it a taken port. When triaged exits because a port it was
// given is taken, and bench chose that port, it picks new ones and starts
// triaged again; any other failure is returned with the end of the log.
func startServerPicking(ctx context.Context, pick func() (string, error), bin, store, teams, logPath, grpcAddr string, extra []string) (*server, error) {
	fixedGRPC := grpcAddr != ""
	for attempt := 1; ; attempt++ {
		g := grpcAddr
		var err error
		if !fixedGRPC {
			if g, err = pick(); err != nil {
				return nil, err
			}
		}
		httpAddr, err := pick()
		if err != nil {
			return nil, err
		}
		s, logged, err := startServerAt(ctx, bin, store, teams, logPath, g, httpAddr, extra)
		if err == nil {
			return s, nil
		}
		taken := strings.Contains(logged, "address already in use")
		if taken && attempt < startAttempts && (!fixedGRPC || !strings.Contains(logged, "listen gRPC")) {
			continue
		}
		return nil, fmt.Errorf("triaged did not become ready (log: %s): %w\n%s", logPath, err, lastLines(logged, 10))
	}
}

// startServerAt starts one triaged on the two addresses. On failure it also
// returns what this start wrote to the log.
func startServerAt(ctx context.Context, bin, store, teams, logPath, grpcAddr, httpAddr string, extra []string) (*server, string, error) {
	log, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, "", err
	}
	before, err := log.Seek(0, io.SeekEnd)
	if err != nil {
		_ = log.Close()
		return nil, "", err
	}
	// Its own data directory, for what triaged keeps beside the store (the
	// local tokens it creates on first start), never the caller's ./data.
	dataDir := strings.TrimSuffix(logPath, ".log") + "-data"
	args := append([]string{"-grpc-addr", grpcAddr, "-http-addr", httpAddr, "-data-dir", dataDir,
		"-store", store, "-teams", teams, "-log-level", "warn"}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		_ = log.Close()
		return nil, "", fmt.Errorf("start triaged: %w", err)
	}
	s := &server{cmd: cmd, grpcAddr: grpcAddr, httpAddr: httpAddr, exited: make(chan error, 1), log: log}
	go func() { s.exited <- cmd.Wait() }()
	if err := s.waitServing(ctx, 60*time.Second); err != nil {
		s.kill()
		return nil, logSince(logPath, before), err
	}
	return s, "", nil
}

// logSince is what the log at path holds after its first offset bytes; a
// log that cannot be read is reported in its place.
func logSince(path string, offset int64) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(log unreadable: %v)", err)
	}
	if offset > int64(len(b)) {
		offset = 0
	}
	return string(b[offset:])
}

// lastLines is the last n lines of text, for an error message.
func lastLines(text string, n int) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func (s *server) waitServing(ctx context.Context, limit time.Duration) error {
	conn, err := grpc.NewClient(s.grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	h := healthpb.NewHealthClient(conn)
	deadline := time.Now().Add(limit)
	for {
		select {
		case err := <-s.exited:
			s.exited <- err
			return fmt.Errorf("triaged exited: %w", err)
		default:
		}
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		resp, err := h.Check(cctx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return errors.Join(errors.New("timed out"), err, ctx.Err())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop shuts triaged down gracefully (SIGTERM) and waits for it.
func (s *server) stop() error {
	defer s.log.Close()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.exited:
		return err
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		return errors.New("triaged did not stop within 30s of SIGTERM; killed")
	}
}

// kill is kill -9: no shutdown, no flush, no deferred function.
func (s *server) kill() {
	_ = s.cmd.Process.Kill()
	<-s.exited
	_ = s.log.Close()
}

// pid is for the log.
func (s *server) pid() string { return strconv.Itoa(s.cmd.Process.Pid) }
