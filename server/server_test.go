package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/store"
)

// fixedNow is the injected clock of the test servers.
var fixedNow = time.Date(2024, 3, 5, 9, 30, 15, 123456789, time.UTC)

// harness is one real gRPC server on 127.0.0.1:0 and a real client.
type harness struct {
	svc    *Service
	reg    *prometheus.Registry
	health *Health
	srv    *grpc.Server
	conn   *grpc.ClientConn
	client triagev1.TriageServiceClient
	logs   *syncBuffer
}

type deps struct {
	decider Decider
	store   CaseStore
	// teams, if set, routes decisions and enables the case workflow's
	// AssignCase and WatchAssignments (Options.Teams).
	teams *routing.Teams
	// teamsTable, if set instead of teams, holds the teams, for a test to
	// swap as a reload does (Options.TeamsTable).
	teamsTable *routing.Table
	// notServing leaves health NOT_SERVING, as at process start.
	notServing bool
	// admin, if set, is served as the AdminService.
	admin triagev1.AdminServiceServer
	// sec, if set, replaces testSecurity.
	sec *Security
	// shadow, if set, is offered the recorded decisions (Options.Shadow).
	shadow ShadowQueue
	// maxConnectionAge, if set, replaces MaxConnectionAge.
	maxConnectionAge time.Duration
	// now, if set, replaces the fixed clock (fixedNow) as Options.Now.
	now func() time.Time
}

func (d deps) security(t testing.TB) Security {
	if d.sec != nil {
		return *d.sec
	}
	return testSecurity(t)
}

// startServer serves a Service over deps on a real listener, with health
// SERVING unless d.notServing, and stops it at the end of the test.
func startServer(t testing.TB, d deps) *harness {
	t.Helper()
	h := &harness{reg: prometheus.NewRegistry(), health: NewHealth(), logs: &syncBuffer{}}
	logger := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	now := d.now
	if now == nil {
		now = func() time.Time { return fixedNow }
	}
	svc, err := NewService(Options{
		Decider:    d.decider,
		Store:      d.store,
		Logger:     logger,
		Registerer: h.reg,
		Now:        now,
		Teams:      d.teams,
		TeamsTable: d.teamsTable,
		Shadow:     d.shadow,
	})
	if err != nil {
		t.Fatalf("NewService: %v", err)
	}
	h.svc = svc
	h.srv, err = NewGRPCServer(svc, h.health, GRPCOptions{Logger: logger, Registerer: h.reg, Security: d.security(t), Admin: d.admin, MaxConnectionAge: d.maxConnectionAge})
	if err != nil {
		t.Fatalf("NewGRPCServer: %v", err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- h.srv.Serve(lis) }()
	t.Cleanup(func() {
		h.srv.Stop()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	if !d.notServing {
		h.health.SetServing()
	}
	h.conn = dial(t, lis.Addr().String())
	h.client = triagev1.NewTriageServiceClient(h.conn)
	return h
}

// startDefaultServer is the set-up of the tests that take filings and
// outcomes through the whole server (the statute and audit rounds among
// them): a new SQLite store, the default rules and teams, a server on
// loopback over them (startServer), and a context bounded by the test. The
// store is returned for the tests that read behind the server (the audit
// chain, what was recorded).
func startDefaultServer(t *testing.T) (*harness, *store.SQLite, context.Context) {
	t.Helper()
	st := openStore(t, tempDB(t))
	return startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)}), st, testContext(t)
}

// dial connects as the test clerk (testToken); dialAs picks the identity.
func dial(t testing.TB, addr string) *grpc.ClientConn {
	t.Helper()
	return dialAs(t, addr, testToken)
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// validFiling is the civil example of docs/architecture.md, with party names and
// claim text the logs must never show.
func validFiling() *triagev1.Filing {
	return &triagev1.Filing{
		Id:             "(2024)辽0102民初1234号",
		CaseKind:       triagev1.CaseKind_CASE_KIND_CIVIL,
		Court:          "沈阳市和平区人民法院",
		CourtLevel:     triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province:       "辽宁省",
		FiledOn:        "2024-03-05",
		Cause:          "民间借贷纠纷",
		ClaimAmountFen: 3000000,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "王秀英"},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "李建国"},
		},
		Text: "诉讼请求：1.判令被告偿还借款30000元及利息；2.诉讼费由被告承担。事实与理由：被告于2023年1月向原告借款，到期未还。",
	}
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Failure injections. They wrap the real components and replace only the
// call that must fail.

// failingStore is a real store whose SaveDecision or GetDecision fails.
type failingStore struct {
	CaseStore
	saveErr, getErr error
}

func (s failingStore) SaveDecision(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
	if s.saveErr != nil {
		return s.saveErr
	}
	return s.CaseStore.SaveDecision(ctx, d, f)
}

func (s failingStore) GetDecision(ctx context.Context, id string) (*triagev1.Decision, error) {
	if s.getErr != nil {
		return nil, s.getErr
	}
	return s.CaseStore.GetDecision(ctx, id)
}

// countingStore is a real store that counts SaveDecision calls.
type countingStore struct {
	CaseStore
	saves atomic.Int64
}

func (s *countingStore) SaveDecision(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
	s.saves.Add(1)
	return s.CaseStore.SaveDecision(ctx, d, f)
}

// blockingStore is a real store whose calls hold until the request's context
// ends, as a hung database would; started is closed when the first call
// arrives.
type blockingStore struct {
	CaseStore
	started chan struct{}
	once    sync.Once
}

func (s *blockingStore) SaveDecision(ctx context.Context, _ *triagev1.Decision, _ *triagev1.Filing) error {
	s.once.Do(func() { close(s.started) })
	<-ctx.Done()
	return fmt.Errorf("save: %w", ctx.Err())
}

// panicDecider panics, as a bug in the engine would.
type panicDecider struct{}

func (panicDecider) Decide(context.Context, *triagev1.Filing) (*triagev1.Decision, error) {
	var m map[string]int
	m["boom"]++ //nolint:staticcheck // SA5000: the runtime panic is the point of panicDecider
	return nil, nil
}

// errDecider fails with err.
type errDecider struct{ err error }

func (d errDecider) Decide(context.Context, *triagev1.Filing) (*triagev1.Decision, error) {
	return nil, d.err
}

// nilDecider returns neither a decision nor an error.
type nilDecider struct{}

func (nilDecider) Decide(context.Context, *triagev1.Filing) (*triagev1.Decision, error) {
	return nil, nil
}

// errSecret is an internal error text that must never reach a client.
var errSecret = errors.New("sqlite: disk I/O error at /secret/path")

func mustNotLeak(t testing.TB, msg string) {
	t.Helper()
	if strings.Contains(msg, "secret") || strings.Contains(msg, "I/O") {
		t.Errorf("client message leaks internal detail: %q", msg)
	}
}
