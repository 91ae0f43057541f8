//go:build unix

package server

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sys/unix"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// readinessInterval is the store probe interval of these tests; the
// readiness deadlines below are a few intervals plus the probe timeout.
const (
	readinessInterval = 500 * time.Millisecond
	readinessDeadline = 5 * time.Second
)

// TestReadinessFollowsStore breaks the store under a running server in the
// ways issue 11 found readiness blind to, and checks that gRPC health (the
// whole server and the TriageService), /readyz and fenjian_store_up drop to
// NOT_SERVING within seconds and come back once the store is repaired, with
// the same server and store, never restarted.
func TestReadinessFollowsStore(t *testing.T) {
	tests := []struct {
		name string
		// open returns the store, and break and repair functions.
		open func(t *testing.T) (st store.Store, breakIt, repair func())
	}{
		{"postgres outage", postgresStopped},
		{"full disk", sqliteDiskFull},
		{"database file moved away", func(t *testing.T) (store.Store, func(), func()) {
			// The open file keeps taking commits under its old inode:
			// readiness must not follow the commits but the path.
			parent := t.TempDir()
			dir, moved := filepath.Join(parent, "data"), filepath.Join(parent, "data.moved")
			st := openStore(t, filepath.Join(dir, "fenjian.db"))
			rename := func(from, to string) func() {
				return func() {
					if err := os.Rename(from, to); err != nil {
						t.Fatal(err)
					}
				}
			}
			return st, rename(dir, moved), rename(moved, dir)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, breakIt, repair := tt.open(t)
			reg := prometheus.NewRegistry()
			r := startRunOn(t, reg, Config{Service: Options{Decider: newDecider(t), Store: st}, StoreCheckInterval: readinessInterval})
			conn := dial(t, r.grpcAddr)
			hc := healthpb.NewHealthClient(conn)
			client := triagev1.NewTriageServiceClient(conn)

			state := func() (grpcServing, readyz bool, up float64) {
				ctx := testContext(t)
				grpcServing = true
				for _, svc := range []string{"", triageService} {
					resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{Service: svc})
					if err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
						grpcServing = false
					}
				}
				code, err := httpStatus(t, "http://"+r.httpAddr+"/readyz")
				return grpcServing, err == nil && code == 200, gathered(t, reg, "fenjian_store_up", nil)
			}
			waitState := func(want bool, what string) time.Duration {
				t.Helper()
				start := time.Now()
				var g, h bool
				var up float64
				for time.Since(start) < readinessDeadline {
					g, h, up = state()
					if g == want && h == want && (up == 1) == want {
						return time.Since(start)
					}
					time.Sleep(50 * time.Millisecond)
				}
				t.Fatalf("%s: after %v gRPC SERVING=%v, /readyz 200=%v, fenjian_store_up=%v; want all %v",
					what, readinessDeadline, g, h, up, want)
				return 0
			}

			waitState(true, "at start")
			if _, err := client.Triage(testContext(t), &triagev1.TriageRequest{Filing: validFiling()}); err != nil {
				t.Fatalf("Triage with a healthy store: %v", err)
			}
			breakIt()
			down := waitState(false, "store broken")
			// Liveness stays SERVING: restarting would not bring the store back.
			if resp, err := hc.Check(testContext(t), &healthpb.HealthCheckRequest{Service: LivenessService}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
				t.Errorf("liveness with the store broken = %v, %v; want SERVING", resp, err)
			}
			// What readiness now keeps away from this replica: a call that
			// could not be recorded (a new filing: the first is decided).
			second := validFiling()
			second.Id += "-2"
			if _, err := client.Triage(testContext(t), &triagev1.TriageRequest{Filing: second}); err == nil {
				t.Logf("note: a Triage call still committed after readiness dropped (the floor is ahead of the failure)")
			} else if status.Code(err) != codes.Unavailable {
				t.Errorf("Triage with the store broken = %v, want UNAVAILABLE", err)
			}
			repair()
			up := waitState(true, "store repaired")
			changes := gathered(t, reg, "fenjian_readiness_changes_total", nil)
			if changes < 3 { // up at start, down, up
				t.Errorf("fenjian_readiness_changes_total = %v, want at least 3", changes)
			}
			if failures := gathered(t, reg, "fenjian_store_probe_failures_total", nil); failures < 1 {
				t.Errorf("fenjian_store_probe_failures_total = %v, want at least 1", failures)
			}
			t.Logf("NOT_SERVING %v after the store broke, SERVING %v after it was repaired (probe every %v)",
				down.Round(time.Millisecond), up.Round(time.Millisecond), readinessInterval)
		})
	}
}

// startRunOn is startRun with the caller's registry, to read the metrics.
func startRunOn(t *testing.T, reg *prometheus.Registry, cfg Config) *running {
	t.Helper()
	cfg.Service.Registerer, cfg.Gatherer = reg, reg
	return startRunWithRegistry(t, cfg)
}

// mountTmpfs mounts a tmpfs of size bytes on a temporary directory,
// unmounted when t ends, or skips t when this process may not mount.
func mountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	dir := t.TempDir()
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
		t.Skipf("cannot mount a tmpfs for the full-disk test (needs root or CAP_SYS_ADMIN): %v", err)
	}
	// Registered before the store's cleanups, so it runs after them.
	t.Cleanup(func() {
		if err := unix.Unmount(dir, unix.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fillDisk writes path until the file system has no space left.
func fillDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	for {
		if _, err := f.Write(buf); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return
			}
			t.Fatalf("fill disk: %v", err)
		}
	}
}

// postgresStopped is a PostgreSQL store on its own cluster, broken by
// stopping the cluster and repaired by starting it again (readiness and
// the store-down refusal tests).
func postgresStopped(t *testing.T) (store.Store, func(), func()) {
	c := pgtest.StartCluster(t)
	st, err := store.OpenPostgres(context.Background(), c.URL(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st, func() { c.Stop("immediate") }, c.Start
}

// sqliteDiskFull is a SQLite store on a 48 MiB tmpfs, broken by filling
// the filesystem and repaired by removing the filler.
func sqliteDiskFull(t *testing.T) (store.Store, func(), func()) {
	dir := mountTmpfs(t, 48<<20)
	st := openStore(t, filepath.Join(dir, "fenjian.db"))
	filler := filepath.Join(dir, "filler")
	return st, func() { fillDisk(t, filler) }, func() {
		if err := os.Remove(filler); err != nil {
			t.Fatal(err)
		}
	}
}
