package batch_test

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/batch"
	"github.com/fenjian/fenjian/server"
	"github.com/fenjian/fenjian/store"
)

// startServer runs the real fenjian gRPC server (package server) on
// 127.0.0.1:0 over the real triage engine and a SQLite store in a temporary
// directory, and returns its address. Everything stops at the end of the test.
func startServer(t *testing.T) string {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	svc, err := server.NewService(server.Options{Decider: newEngine(t), Store: st})
	if err != nil {
		t.Fatalf("NewService: %v", err)
	}
	health := server.NewHealth()
	srv, err := server.NewGRPCServer(svc, health, server.GRPCOptions{})
	if err != nil {
		t.Fatalf("NewGRPCServer: %v", err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(lis) }()
	t.Cleanup(func() {
		srv.Stop()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	health.SetServing()
	return lis.Addr().String()
}

// freeAddr returns a local address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	if err := lis.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

func remote(t *testing.T, addr string, opts batch.RemoteOptions) *batch.Remote {
	t.Helper()
	conn, err := batch.Dial(addr, batch.DialOptions{})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return batch.NewRemote(conn, opts)
}

func TestRemoteScore(t *testing.T) {
	addr := startServer(t)
	local := batch.NewLocal(newEngine(t))
	tests := []struct {
		name      string
		addr      string
		opts      batch.RemoteOptions
		filing    *triagev1.Filing
		wantCode  string // "" for a decision
		wantField string
		wantID    bool // a stored decision has an id
	}{
		{
			name:   "stored",
			addr:   addr,
			opts:   batch.RemoteOptions{Timeout: 5 * time.Second},
			filing: loanFiling("(2024)辽0102民初1234号"),
			wantID: true,
		},
		{
			name:   "dry run",
			addr:   addr,
			opts:   batch.RemoteOptions{Timeout: 5 * time.Second, DryRun: true},
			filing: drunkDrivingFiling("(2024)苏0102刑初215号"),
		},
		{
			name:      "invalid filing",
			addr:      addr,
			opts:      batch.RemoteOptions{Timeout: 5 * time.Second},
			filing:    negativeFiling("(2024)辽0102民初1301号"),
			wantCode:  "INVALID_ARGUMENT",
			wantField: "filing.claim_amount_fen",
		},
		{
			name:     "no server",
			addr:     freeAddr(t),
			opts:     batch.RemoteOptions{Timeout: 5 * time.Second},
			filing:   loanFiling("(2024)辽0102民初1235号"),
			wantCode: "UNAVAILABLE",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := testContext(t)
			d, err := remote(t, tc.addr, tc.opts).Score(ctx, tc.filing)
			if tc.wantCode != "" {
				rec := batch.NewErrorRecord(1, tc.filing.GetId(), err)
				if err == nil || rec.Error.Code != tc.wantCode || rec.Error.Field != tc.wantField {
					t.Fatalf("got decision %v, error record %+v; want code %s field %q", d, rec, tc.wantCode, tc.wantField)
				}
				return
			}
			if err != nil {
				t.Fatalf("Score: %v", err)
			}
			if (d.GetDecisionId() != "") != tc.wantID || d.GetDryRun() != tc.opts.DryRun {
				t.Fatalf("decision id %q, dry_run %v; want id %v, dry_run %v", d.GetDecisionId(), d.GetDryRun(), tc.wantID, tc.opts.DryRun)
			}
			// The server decides exactly as the engine does in process.
			want, err := local.Score(ctx, tc.filing)
			if err != nil {
				t.Fatal(err)
			}
			if diff := decisionDiff(want, d); diff != "" {
				t.Fatalf("remote decision differs from local (-local +remote):\n%s", diff)
			}
		})
	}
}

// TestRunRemote runs a mixed batch through a real server: the same ordered
// output as in process.
func TestRunRemote(t *testing.T) {
	addr := startServer(t)
	input, wants := mixedInput(t, 40)
	for _, dryRun := range []bool{false, true} {
		var c collector
		s := remote(t, addr, batch.RemoteOptions{Timeout: 5 * time.Second, DryRun: dryRun})
		sum, err := batch.Run(testContext(t), strings.NewReader(input), s, batch.Options{Concurrency: 8}, c.emit)
		if err != nil {
			t.Fatalf("Run (dry run %v): %v", dryRun, err)
		}
		got := c.get()
		checkResults(t, got, wants)
		for _, r := range got {
			if r.Err == nil && (r.Decision.GetDecisionId() == "") != dryRun {
				t.Fatalf("dry run %v: line %d has decision id %q", dryRun, r.Line, r.Decision.GetDecisionId())
			}
		}
		if sum.Scored+sum.Failed != len(wants) {
			t.Fatalf("summary %v, want %d results", sum, len(wants))
		}
	}
}

// TestRemoteCanceled: a run against a server stops when its context ends,
// and the calls cut short are not reported as failed lines.
func TestRemoteCanceled(t *testing.T) {
	addr := startServer(t)
	input, wants := mixedInput(t, 40)
	ctx, cancel := context.WithCancel(testContext(t))
	defer cancel()
	var c collector
	emit := func(r batch.Result) error {
		_ = c.emit(r)
		if r.Line >= wants[10].line {
			cancel()
		}
		return nil
	}
	s := remote(t, addr, batch.RemoteOptions{Timeout: 5 * time.Second, DryRun: true})
	sum, err := batch.Run(ctx, strings.NewReader(input), s, batch.Options{Concurrency: 4}, emit)
	if err == nil || ctx.Err() == nil || !sum.Interrupted {
		t.Fatalf("Run: %v, summary %v; want interrupted by cancellation", err, sum)
	}
	got := c.get()
	if len(got) < 11 {
		t.Fatalf("emitted %d, want at least 11", len(got))
	}
	checkResults(t, got, wants[:len(got)])
}

// decisionDiff compares two decisions but for what only the recording side
// sets: the id, the time and the dry-run mark; "" when they agree.
func decisionDiff(a, b *triagev1.Decision) string {
	strip := func(d *triagev1.Decision) *triagev1.Decision {
		c := proto.CloneOf(d)
		c.DecisionId, c.DecidedAt, c.DryRun = "", nil, false
		return c
	}
	return cmp.Diff(strip(a), strip(b), protocmp.Transform())
}

// TestRunRemoteCountsReplays sends one batch three times to a real server:
// stored, sent again unchanged (a run resumed after an interruption), and
// dry. The second run's decisions are the stored ones, which the server
// answers replayed: the summary says how many, where "scored N" read as N
// new decisions (outside check 26). A dry run is never a replay.
func TestRunRemoteCountsReplays(t *testing.T) {
	addr := startServer(t)
	input, wants := mixedInput(t, 30)
	decided := 0
	for _, w := range wants {
		if w.code == "" {
			decided++
		}
	}
	tests := []struct {
		name   string
		dryRun bool
		want   int
	}{
		{"first run", false, 0},
		{"sent again", false, decided},
		{"dry run", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c collector
			s := remote(t, addr, batch.RemoteOptions{Timeout: 5 * time.Second, DryRun: tt.dryRun})
			sum, err := batch.Run(testContext(t), strings.NewReader(input), s, batch.Options{Concurrency: 8}, c.emit)
			if err != nil {
				t.Fatal(err)
			}
			checkResults(t, c.get(), wants)
			if got := s.Replayed(); got != tt.want {
				t.Errorf("Replayed() = %d; want %d", got, tt.want)
			}
			sum.Replayed = s.Replayed()
			said := fmt.Sprintf("(%d of them decided before", tt.want)
			if got := sum.String(); tt.want > 0 != strings.Contains(got, said) || tt.want == 0 && strings.Contains(got, "decided before") {
				t.Errorf("summary %q; want it to say %q only when there are replays", got, said)
			}
		})
	}
}
