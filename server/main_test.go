package server

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// serveEnv switches the test binary into a server process: with it set to
// a SQLite path, TestMain runs the service (server.Run with the embedded
// rules, baseline scorer and teams) on that store instead of the tests, and
// prints "serving <gRPC address>" once it serves. TestKill9DuringBurst runs
// the binary so and kills it.
const serveEnv = "FENJIAN_SERVER_TEST_SERVE"

// killAfterSaveEnv, set beside serveEnv to a filing id, makes the server
// process kill itself with SIGKILL once the store has committed that
// filing's decision, before the answer is sent: the crash between "stored"
// and "acknowledged" that TestReplayAfterKill9 retries across.
const killAfterSaveEnv = "FENJIAN_SERVER_TEST_KILL_AFTER_SAVE"

// killAfterSave is the real store of the server process, which dies as
// killAfterSaveEnv says.
type killAfterSave struct {
	*store.SQLite
	filingID string
}

func (k killAfterSave) SaveTriage(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing, plan *store.AssignmentPlan) error {
	err := k.SQLite.SaveTriage(ctx, d, f, plan)
	if err == nil && f.GetId() == k.filingID {
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal ends the process; nothing is answered
	}
	return err
}

func TestMain(m *testing.M) {
	if path := os.Getenv(serveEnv); path != "" {
		os.Exit(serveForTest(path))
	}
	os.Exit(m.Run())
}

// serveForTest is the helper process's main.
func serveForTest(path string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fail := func(what string, err error) int {
		fmt.Fprintf(os.Stderr, "test server: %s: %v\n", what, err)
		return 2
	}
	st, err := store.OpenSQLite(ctx, path, store.Options{})
	if err != nil {
		return fail("open store", err)
	}
	defer st.Close()
	r, err := rules.Default()
	if err != nil {
		return fail("rules", err)
	}
	teams, err := routing.Default()
	if err != nil {
		return fail("teams", err)
	}
	tokens, err := parseTestTokens()
	if err != nil {
		return fail("tokens", err)
	}
	var cs CaseStore = st
	if id := os.Getenv(killAfterSaveEnv); id != "" {
		cs = killAfterSave{SQLite: st, filingID: id}
	}
	reg := prometheus.NewRegistry()
	err = Run(ctx, Config{
		Security: Security{Tokens: tokens},
		GRPCAddr: "127.0.0.1:0", HTTPAddr: "127.0.0.1:0",
		Service:   Options{Decider: triage.New(r, classifier.NewBaseline()), Store: cs, Teams: teams, Registerer: reg},
		Gatherer:  reg,
		OnServing: func(g, _ net.Addr) { fmt.Printf("serving %s\n", g) },
	})
	if err != nil {
		return fail("run", err)
	}
	return 0
}
