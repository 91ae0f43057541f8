//go:build unix

package server

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// lockAuditHead holds PostgreSQL's audit_head of the schema at dsn in ACCESS
// EXCLUSIVE mode, as a stranded session does (outside check 27: every write
// and the probe's heartbeat wait on it), until the returned release is
// called (or the test ends).
func lockAuditHead(t *testing.T, dsn string) (release func()) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatalf("begin the locking session: %v", err)
	}
	if _, err := tx.Exec("LOCK TABLE audit_head IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatalf("lock audit_head: %v", err)
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		_ = tx.Rollback()
		_ = db.Close()
	}
	t.Cleanup(release)
	return release
}

// storeRefusal checks that err is a write refused because the store is down:
// UNAVAILABLE with ErrorInfo STORE_UNAVAILABLE and RetryInfo retry.
func storeRefusal(err error, retry time.Duration) (ok bool, why string) {
	st := status.Convert(err)
	if st.Code() != codes.Unavailable {
		return false, "code " + st.Code().String()
	}
	var reason string
	var delay time.Duration
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			reason = d.GetReason()
		case *errdetails.RetryInfo:
			delay = d.GetRetryDelay().AsDuration()
		}
	}
	if reason != ReasonStoreUnavailable || delay != retry {
		return false, "ErrorInfo reason " + reason + ", RetryInfo " + delay.String()
	}
	return true, ""
}

// TestStoreDownRefusesWrites: outside check 27 found that while the store's
// probe failed (readiness NOT_SERVING) a stored Triage was still taken and
// waited on the dead store, 10 to 20 s against a hung database, holding a
// call slot. With the store made unavailable for real under a running
// server (PostgreSQL stopped, PostgreSQL hung on a lock, SQLite's disk
// full), the stored writes (Triage, RecordOutcome, AssignCase) are refused
// at once with UNAVAILABLE STORE_UNAVAILABLE and a RetryInfo, counted in
// fenjian_store_refused_total, nothing of them stored; a dry run and the
// health service are still served; and once the store is repaired, writes
// are taken again, the same requests stored as new.
func TestStoreDownRefusesWrites(t *testing.T) {
	tests := []struct {
		name string
		open func(t *testing.T) (st store.Store, breakIt, repair func())
	}{
		{"postgres stopped", postgresStopped},
		{"postgres hung on a lock", func(t *testing.T) (store.Store, func(), func()) {
			dsn := pgtest.Schema(t)
			st := openTarget(t, dsn)
			var release func()
			return st, func() { release = lockAuditHead(t, dsn) }, func() { release() }
		}},
		{"sqlite disk full", sqliteDiskFull},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, breakIt, repair := tt.open(t)
			reg := prometheus.NewRegistry()
			r := startRunOn(t, reg, Config{
				Service:            Options{Decider: newDecider(t), Store: st, Teams: defaultTeams(t)},
				StoreCheckInterval: readinessInterval,
			})
			conn := dial(t, r.grpcAddr)
			client := triagev1.NewTriageServiceClient(conn)
			hc := healthpb.NewHealthClient(conn)
			ctx := testContext(t)
			d := triageOK(t, ctx, client, loanFiling("store-down-0"))
			outcomeReq := &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, d.GetRecommended(), "2024-03-06")}
			assignReq := &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-2", DesignatedBy: "president-07", Reason: "原承办团队需回避，院长指定。"}

			breakIt()
			broke := time.Now()
			// Until the probe has found it down twice, a write may be taken
			// and wait on the store: each try is bounded, and its filing is
			// not one the test checks afterwards.
			for n := 0; ; n++ {
				if time.Since(broke) > readinessDeadline {
					t.Fatalf("stored Triage not refused with STORE_UNAVAILABLE %v after the store broke", readinessDeadline)
				}
				cctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
				_, err := client.Triage(cctx, &triagev1.TriageRequest{Filing: loanFiling(fmt.Sprintf("store-down-try-%d", n))})
				cancel()
				if ok, _ := storeRefusal(err, readinessInterval); ok {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			refusedAfter := time.Since(broke)

			refused := loanFiling("store-down-refused")
			calls := []struct {
				method string
				call   func() error
			}{
				{"Triage", func() error {
					_, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: refused})
					return err
				}},
				{"RecordOutcome", func() error { _, err := client.RecordOutcome(ctx, outcomeReq); return err }},
				{"AssignCase", func() error { _, err := client.AssignCase(ctx, assignReq); return err }},
			}
			for _, c := range calls {
				start := time.Now()
				err := c.call()
				took := time.Since(start)
				if ok, why := storeRefusal(err, readinessInterval); !ok {
					t.Errorf("%s with the store down = %v (%s); want UNAVAILABLE, ErrorInfo %s, RetryInfo %v", c.method, err, why, ReasonStoreUnavailable, readinessInterval)
				}
				if took > 250*time.Millisecond {
					t.Errorf("%s with the store down answered after %v; want at once", c.method, took)
				}
				if got := gathered(t, reg, "fenjian_store_refused_total", map[string]string{"method": c.method}); got < 1 {
					t.Errorf("fenjian_store_refused_total{method=%q} = %v, want at least 1", c.method, got)
				}
			}
			// What needs no store is still served.
			if resp, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("store-down-dry"), DryRun: true}); err != nil || !resp.GetDecision().GetDryRun() {
				t.Errorf("dry-run Triage with the store down = %v, %v; want a dry-run decision", resp.GetDecision().GetDryRun(), err)
			}
			if resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
				t.Errorf("readiness with the store down = %v, %v; want NOT_SERVING", resp.GetStatus(), err)
			}
			if resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{Service: LivenessService}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
				t.Errorf("liveness with the store down = %v, %v; want SERVING", resp.GetStatus(), err)
			}

			repair()
			repaired := time.Now()
			var back *triagev1.Decision
			for back == nil {
				if time.Since(repaired) > readinessDeadline {
					t.Fatalf("stored Triage still not taken %v after the store was repaired", readinessDeadline)
				}
				resp, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("store-down-back")})
				switch ok, _ := storeRefusal(err, readinessInterval); {
				case err == nil:
					back = resp.GetDecision()
				case !ok:
					t.Fatalf("Triage once the store was repaired = %v; want OK or STORE_UNAVAILABLE until it is taken", err)
				default:
					time.Sleep(20 * time.Millisecond)
				}
			}
			takenAfter := time.Since(repaired)
			code, err := httpStatus(t, "http://"+r.httpAddr+"/readyz")
			if err != nil || code != http.StatusOK {
				t.Errorf("/readyz once a write was taken again = %v, %v; want 200", code, err)
			}
			// The refused requests were not stored: sent again, each is
			// stored as new, none answered as a replay.
			if resp, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: refused}); err != nil || resp.GetReplayed() {
				t.Errorf("refused Triage sent again = replayed %v, %v; want stored as new", resp.GetReplayed(), err)
			}
			if resp, err := client.RecordOutcome(ctx, outcomeReq); err != nil || resp.GetReplayed() {
				t.Errorf("refused RecordOutcome sent again = replayed %v, %v; want stored as new", resp.GetReplayed(), err)
			}
			if resp, err := client.AssignCase(ctx, assignReq); err != nil || resp.GetReplayed() {
				t.Errorf("refused AssignCase sent again = replayed %v, %v; want stored as new", resp.GetReplayed(), err)
			}
			t.Logf("writes refused %v after the store broke, taken again %v after it was repaired (probe every %v)",
				refusedAfter.Round(time.Millisecond), takenAfter.Round(time.Millisecond), readinessInterval)
		})
	}
}

// TestStoreRecheckAfterFailedWrite: a PostgreSQL restart shorter than the
// probe interval may not show in readiness at all (outside check 27: two of
// three restarts). With an interval of a minute, so that no scheduled probe
// falls in the test: a write failing on the stopped server asks for a probe
// at once, and readiness drops within a second; once the server is back,
// the next write's refusal asks again, and writes are taken within a second
// too, not at the next interval.
func TestStoreRecheckAfterFailedWrite(t *testing.T) {
	c := pgtest.StartCluster(t)
	st, err := store.OpenPostgres(context.Background(), c.URL(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	reg := prometheus.NewRegistry()
	r := startRunOn(t, reg, Config{Service: Options{Decider: newDecider(t), Store: st}, StoreCheckInterval: time.Minute})
	client := triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))
	ctx := testContext(t)
	triageOK(t, ctx, client, loanFiling("recheck-0"))
	readyz := "http://" + r.httpAddr + "/readyz"
	waitReady := func(want int, what string) time.Duration {
		t.Helper()
		start := time.Now()
		for time.Since(start) < 2*time.Second {
			if code, err := httpStatus(t, readyz); err == nil && code == want {
				return time.Since(start)
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s: /readyz not %d within 2s (the probe interval is a minute)", what, want)
		return 0
	}

	c.Stop("fast")
	if _, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("recheck-1")}); status.Code(err) != codes.Unavailable {
		t.Fatalf("Triage with the server stopped = %v, want UNAVAILABLE", err)
	}
	down := waitReady(http.StatusServiceUnavailable, "after a write failed on the stopped server")
	if _, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("recheck-2")}); !func() bool { ok, _ := storeRefusal(err, time.Minute); return ok }() {
		t.Errorf("Triage once the store was found down = %v, want STORE_UNAVAILABLE", err)
	}

	c.Start()
	started := time.Now()
	for {
		_, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("recheck-3")})
		if err == nil {
			break
		}
		if time.Since(started) > 2*time.Second {
			t.Fatalf("Triage still refused 2s after the server was back: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	up := waitReady(http.StatusOK, "once a write was taken again")
	if got := gathered(t, reg, "fenjian_store_rechecks_total", nil); got < 2 {
		t.Errorf("fenjian_store_rechecks_total = %v, want at least 2 (the failed write, a refused one)", got)
	}
	t.Logf("NOT_SERVING %v after the failed write; writes taken %v after the server was back, SERVING %v after",
		down.Round(time.Millisecond), time.Since(started).Round(time.Millisecond), up.Round(time.Millisecond))
}

// TestStoreSlowProbeRefusesNothing: one heartbeat slower than the probe's
// timeout, the store answering the next, must not refuse writes (readiness
// drops, as it did before; a write waits and is stored). PostgreSQL's
// audit_head is locked until the first probe has timed out, then released
// while the second, run at once to confirm, waits on it: a Triage sent
// between the two is stored, and fenjian_store_refused_total stays 0.
func TestStoreSlowProbeRefusesNothing(t *testing.T) {
	dsn := pgtest.Schema(t)
	st := openTarget(t, dsn)
	reg := prometheus.NewRegistry()
	r := startRunOn(t, reg, Config{Service: Options{Decider: newDecider(t), Store: st}, StoreCheckInterval: readinessInterval})
	client := triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))
	ctx := testContext(t)
	triageOK(t, ctx, client, loanFiling("slow-0"))

	release := lockAuditHead(t, dsn)
	start := time.Now()
	for gathered(t, reg, "fenjian_store_probe_failures_total", nil) < 1 {
		if time.Since(start) > readinessDeadline {
			t.Fatalf("no probe failed %v into the lock", readinessDeadline)
		}
		time.Sleep(10 * time.Millisecond)
	}
	answered := make(chan error, 1)
	go func() {
		_, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("slow-1")})
		answered <- err
	}()
	time.Sleep(200 * time.Millisecond) // the Triage waits on the lock
	release()
	if err := <-answered; err != nil {
		t.Errorf("Triage sent after one slow probe, the store fine again = %v; want OK", err)
	}
	if got := gathered(t, reg, "fenjian_store_refused_total", map[string]string{"method": "Triage"}); got != 0 {
		t.Errorf("fenjian_store_refused_total{method=Triage} = %v after one slow probe, want 0", got)
	}
}
