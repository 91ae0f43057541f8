package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/fenjian/fenjian/internal/modeltest"
	"github.com/fenjian/fenjian/store"
)

// faultCallers is how many callers keep stored Triage going through a fault.
const faultCallers = 32

// faultKinds are the faults -faults knows, in the order the table lists them.
var faultKinds = []string{"kill", "pg-restart", "bad-model", "bad-rules", "disk-full"}

// faultRow is one line of the fault table: what the clients were told and
// what the store holds afterwards.
type faultRow struct {
	store, fault string
	sent         int64
	acked        []string
	errs         map[codes.Code]int
	served       map[string]int // "model / rules" versions in the answers
	stored, lost int
	unacked      int // stored, the client never told (died before answering)
	audit        string
	note         string
	// allowed are the codes a client may be told during this fault, as
	// docs/performance.md documents them; any other is a failure.
	allowed []codes.Code
	// servedPrefix, when set, is how every answer's "model / rules" must
	// begin: the fault must not change what decides.
	servedPrefix string
	// failure is what else the fault found wrong, "" for nothing.
	failure string
}

// faultTable runs each fault of c.faultKinds under stored load and prints a
// row per store and fault. It fails when an acknowledged decision is lost,
// when a client was told a code the fault does not allow, or when a fault
// could not be set up for a reason other than the machine lacking what it
// needs (PostgreSQL binaries, permission to mount a tmpfs), which is
// printed as a skipped row instead.
func faultTable(ctx context.Context, c config, bin, teams, dir string, stdout, stderr io.Writer) error {
	fmt.Fprintf(stdout, "Faults: %d callers send stored Triage on one connection for about %v while the fault happens. "+
		"Acknowledged = answered with a decision id; lost = acknowledged but not in the store afterwards (must be 0); "+
		"stored, not acknowledged = committed, but the client was not told (allowed: it never got the id). "+
		"When the load stops, the requests in flight are answered, not cut off.\n\n", faultCallers, c.duration)
	fmt.Fprintln(stdout, "| store | fault | sent | acknowledged | stored | lost | stored, not acknowledged | errors by code | served | audit chain | notes |")
	fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	f := &faults{c: c, bin: bin, teams: teams, dir: dir, stdout: stdout, stderr: stderr}
	var bad []string
	for _, kind := range c.faultKinds {
		rows, err := f.run(ctx, kind)
		if err != nil {
			return fmt.Errorf("%s: %w", kind, err)
		}
		for _, r := range rows {
			fmt.Fprintln(stdout, r.line())
			if why := r.wrong(); why != "" {
				bad = append(bad, fmt.Sprintf("%s, %s: %s", r.store, r.fault, why))
			}
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}

// faults is what every fault run needs.
type faults struct {
	c               config
	bin, teams, dir string
	stdout, stderr  io.Writer
	runs            int // numbers each run's own directory
}

// run runs one kind of fault on the stores it applies to.
func (f *faults) run(ctx context.Context, kind string) ([]*faultRow, error) {
	switch kind {
	case "kill":
		var rows []*faultRow
		for _, name := range f.c.stores {
			t, err := f.target(ctx, name)
			if err != nil {
				fmt.Fprintf(f.stderr, "bench: PostgreSQL skipped: %v\n", err)
				continue
			}
			r, err := f.killUnderLoad(ctx, t)
			t.drop()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			rows = append(rows, r)
		}
		return rows, nil
	case "pg-restart":
		if !slices.Contains(f.c.stores, "postgres") {
			return nil, nil
		}
		r, err := f.postgresRestart(ctx)
		return []*faultRow{r}, err
	case "bad-model":
		r, err := f.badModel(ctx)
		return []*faultRow{r}, err
	case "bad-rules":
		r, err := f.badRules(ctx)
		return []*faultRow{r}, err
	case "disk-full":
		r, err := f.diskFull(ctx)
		return []*faultRow{r}, err
	}
	return nil, fmt.Errorf("unknown fault %q", kind)
}

// target is a fresh store of the named kind for one run.
func (f *faults) target(ctx context.Context, name string) (target, error) {
	f.runs++
	if name == "postgres" {
		return postgresTarget(ctx, f.c.postgres)
	}
	return sqliteTarget(f.dir, fmt.Sprintf("faults-%d", f.runs)), nil
}

// phase is how long the load runs between the steps of a fault.
func (f *faults) phase(steps int) time.Duration {
	return max(300*time.Millisecond, f.c.duration/time.Duration(steps+1))
}

// load is faultCallers callers sending stored Triage until stopped.
type load struct {
	sent   atomic.Int64
	acks   atomic.Int64
	mu     sync.Mutex
	acked  []string
	errs   map[codes.Code]int
	served map[string]int
	halt   atomic.Bool // no new requests; those in flight finish
	wg     sync.WaitGroup
	conn   *grpc.ClientConn
}

// startLoad connects to addr and starts the callers. The connection
// outlives restarts of the server at the same address.
func startLoad(ctx context.Context, addr string) (*load, error) {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	l := &load{conn: conn, errs: map[codes.Code]int{}, served: map[string]int{}}
	cl := newCaller(conn, modeStored)
	for range faultCallers {
		l.wg.Go(func() {
			for !l.halt.Load() && ctx.Err() == nil {
				rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
				d, err := cl.decide(rctx)
				cancel()
				l.sent.Add(1)
				l.mu.Lock()
				if err != nil || d.GetDecisionId() == "" {
					l.errs[status.Code(err)]++
				} else {
					l.acked = append(l.acked, d.GetDecisionId())
					l.served[d.GetModelVersion()+" / "+d.GetRulesVersion()]++
					l.acks.Add(1)
				}
				l.mu.Unlock()
				if err != nil {
					time.Sleep(20 * time.Millisecond) // no hot loop while the server refuses
				}
			}
		})
	}
	return l, nil
}

// finish stops the callers, lets the requests in flight finish (none is
// cut off: a cancelled request could be stored without its answer) and
// returns the row's client side.
func (l *load) finish(storeName, fault string) *faultRow {
	l.halt.Store(true)
	l.wg.Wait()
	_ = l.conn.Close()
	return &faultRow{store: storeName, fault: fault, sent: l.sent.Load(), acked: l.acked, errs: l.errs, served: l.served}
}

// judge opens the store the way triaged does and looks up every decision
// id a client was given; it verifies the audit chain.
func (r *faultRow) judge(ctx context.Context, storeTarget string) error {
	st, err := store.Open(ctx, storeTarget, store.Options{})
	if err != nil {
		return fmt.Errorf("open the store after the run: %w", err)
	}
	defer st.Close()
	for _, id := range r.acked {
		_, err := st.GetDecision(ctx, id)
		switch {
		case err == nil:
			r.stored++
		case errors.Is(err, store.ErrNotFound):
			r.lost++
		default:
			return fmt.Errorf("read decision %s: %w", id, err)
		}
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		return fmt.Errorf("verify audit chain: %w", err)
	}
	r.audit = "OK"
	if !rep.OK {
		r.audit = rep.String()
	}
	r.unacked = int(rep.Decisions) - r.stored
	return nil
}

func (r *faultRow) line() string {
	if r.audit == "" { // skipped
		return fmt.Sprintf("| %s | %s | – | – | – | – | – | – | – | – | skipped: %s |", r.store, r.fault, r.note)
	}
	return fmt.Sprintf("| %s | %s | %d | %d | %d | %d | %d | %s | %s | %s | %s |",
		r.store, r.fault, r.sent, len(r.acked), r.stored, r.lost, r.unacked, codeCounts(r.errs), counts(r.served), r.audit, r.note)
}

// wrong says what makes the row a failure, "" when nothing does.
func (r *faultRow) wrong() string {
	if r.audit == "" {
		return ""
	}
	var why []string
	if r.failure != "" {
		why = append(why, r.failure)
	}
	if r.lost > 0 {
		why = append(why, fmt.Sprintf("%d acknowledged decisions lost", r.lost))
	}
	if r.audit != "OK" {
		why = append(why, "audit chain: "+r.audit)
	}
	for code, n := range r.errs {
		if !slices.Contains(r.allowed, code) {
			why = append(why, fmt.Sprintf("%d answered %v", n, code))
		}
	}
	if len(r.acked) == 0 {
		why = append(why, "no request was acknowledged")
	}
	if r.servedPrefix != "" {
		for v, n := range r.served {
			if !strings.HasPrefix(v, r.servedPrefix) || len(r.served) > 1 {
				why = append(why, fmt.Sprintf("%d answered by %s", n, v))
			}
		}
	}
	slices.Sort(why)
	return strings.Join(why, ", ")
}

// codeCounts is "UNAVAILABLE 12, DEADLINE_EXCEEDED 1", most first; "0" for none.
func codeCounts(m map[codes.Code]int) string {
	s := map[string]int{}
	for c, n := range m {
		s[codeName(c)] = n
	}
	return counts(s)
}

// codeName is the code as the gRPC spec writes it: DEADLINE_EXCEEDED, not
// DeadlineExceeded.
func codeName(c codes.Code) string {
	var b strings.Builder
	for i, r := range c.String() {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// counts is "a 3, b 1", most first; "0" for none.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "0"
	}
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// serveUnderLoad starts triaged on store with extra flags, its log named
// after the fault and the run, and the stored-Triage load against it.
func (f *faults) serveUnderLoad(ctx context.Context, fault, store string, extra ...string) (*server, *load, error) {
	logPath := filepath.Join(f.dir, fmt.Sprintf("%s-%d.log", fault, f.runs))
	srv, err := startServer(ctx, f.bin, store, f.teams, logPath, "", extra...)
	if err != nil {
		return nil, nil, err
	}
	l, err := startLoad(ctx, srv.grpcAddr)
	if err != nil {
		srv.kill()
		return nil, nil, err
	}
	return srv, l, nil
}

// killUnderLoad kills triaged with SIGKILL under stored load c.kills times,
// restarting it on the same store each time.
func (f *faults) killUnderLoad(ctx context.Context, t target) (*faultRow, error) {
	logPath := filepath.Join(f.dir, fmt.Sprintf("%s-kill-%d.log", t.name, f.runs))
	srv, err := startServer(ctx, f.bin, t.store, f.teams, logPath, "")
	if err != nil {
		return nil, err
	}
	addr := srv.grpcAddr
	l, err := startLoad(ctx, addr)
	if err != nil {
		srv.kill()
		return nil, err
	}
	phase := f.phase(f.c.kills)
	var runErr error
	for range f.c.kills {
		if runErr = sleep(ctx, phase); runErr != nil {
			break
		}
		srv.kill()
		if srv, runErr = startServer(ctx, f.bin, t.store, f.teams, logPath, addr); runErr != nil {
			break
		}
	}
	if runErr == nil {
		runErr = sleep(ctx, phase)
	}
	r := l.finish(t.name, fmt.Sprintf("kill -9 ×%d", f.c.kills))
	if runErr != nil {
		if srv != nil {
			srv.kill()
		}
		return nil, runErr
	}
	if err := srv.stop(); err != nil {
		return nil, fmt.Errorf("stop triaged: %w", err)
	}
	// A client whose request was in flight when the process died is told
	// UNAVAILABLE; so is one that calls while it restarts.
	r.allowed = []codes.Code{codes.Unavailable}
	return r, r.judge(ctx, t.store)
}

// badModel serves a model directory, then pushes a broken promotion into
// it under load (a new manifest naming a truncated model file) and sends
// SIGHUP: the manifest watch and the signal each try the new model, both
// must refuse it, and every answer must come from the model serving before.
func (f *faults) badModel(ctx context.Context) (*faultRow, error) {
	t, _ := f.target(ctx, "sqlite")
	modelDir := filepath.Join(f.dir, fmt.Sprintf("model-%d", f.runs))
	const good, broken = "bench-good", "bench-broken"
	if err := promoteModel(modelDir, good, false); err != nil {
		return nil, err
	}
	srv, l, err := f.serveUnderLoad(ctx, "bad-model", t.store, "-model", modelDir, "-model-watch", "100ms")
	if err != nil {
		return nil, err
	}
	phase := f.phase(2)
	runErr := sleep(ctx, phase)
	if runErr == nil {
		runErr = promoteModel(modelDir, broken, true)
	}
	if runErr == nil {
		runErr = sleep(ctx, phase/2)
	}
	if runErr == nil {
		runErr = srv.cmd.Process.Signal(syscall.SIGHUP)
	}
	if runErr == nil {
		runErr = sleep(ctx, phase)
	}
	r := l.finish("sqlite", "corrupted model pushed")
	refused, merr := refusedReloads(ctx, srv.httpAddr)
	if runErr != nil || merr != nil {
		srv.kill()
		return nil, errors.Join(runErr, merr)
	}
	if err := srv.stop(); err != nil {
		return nil, fmt.Errorf("stop triaged: %w", err)
	}
	r.note = "reloads refused: " + counts(refused)
	if refused["watch"] == 0 || refused["sighup"] == 0 {
		r.failure = "the broken model was not refused by both the watch and SIGHUP"
	}
	r.servedPrefix = good + " / "
	return r, r.judge(ctx, t.store)
}

// promoteModel writes the repository's default model into dir as version,
// the way a promotion does (model files, then the manifest by rename);
// broken truncates the model file first.
func promoteModel(dir, version string, broken bool) error {
	return modeltest.Promote(dir, version, broken)
}

// refusedReloads reads fenjian_model_reloads_total{result="refused"} from
// triaged's /metrics, by trigger.
func refusedReloads(ctx context.Context, httpAddr string) (map[string]int, error) {
	m, err := scrape(ctx, httpAddr)
	if err != nil {
		return nil, err
	}
	return m.sumBy("fenjian_model_reloads_total", "trigger", `result="refused"`), nil
}

// badRules serves a rules file, then overwrites it with a broken one under
// load. triaged reads its rules at start only (there is no rules reload), so
// the running server must go on answering with the rules it has; a second
// triaged started on the broken file, as a restart or a rollout would, must
// refuse to start.
func (f *faults) badRules(ctx context.Context) (*faultRow, error) {
	t, _ := f.target(ctx, "sqlite")
	root, err := moduleRoot(ctx)
	if err != nil {
		return nil, err
	}
	good, err := os.ReadFile(filepath.Join(root, "rules", "default_rules.json"))
	if err != nil {
		return nil, err
	}
	rulesPath := filepath.Join(f.dir, fmt.Sprintf("rules-%d.json", f.runs))
	if err := os.WriteFile(rulesPath, good, 0o600); err != nil {
		return nil, err
	}
	srv, l, err := f.serveUnderLoad(ctx, "bad-rules", t.store, "-rules", rulesPath)
	if err != nil {
		return nil, err
	}
	phase := f.phase(2)
	runErr := sleep(ctx, phase)
	var refusal string
	if runErr == nil {
		// Cut mid-way, as an interrupted copy leaves it.
		runErr = os.WriteFile(rulesPath, good[:len(good)/2], 0o600)
	}
	if runErr == nil {
		refusal, runErr = refusedStart(ctx, f.bin, t.store, f.teams, filepath.Join(f.dir, fmt.Sprintf("bad-rules-start-%d.log", f.runs)), "-rules", rulesPath)
	}
	if runErr == nil {
		runErr = sleep(ctx, phase)
	}
	r := l.finish("sqlite", "broken rules file pushed")
	if runErr != nil {
		srv.kill()
		return nil, runErr
	}
	if err := srv.stop(); err != nil {
		return nil, fmt.Errorf("stop triaged: %w", err)
	}
	r.note = "running server kept its rules; a triaged started on the broken file refused to start: " + refusal
	// One version throughout: the one the server started with.
	for v := range r.served {
		r.servedPrefix = v
	}
	return r, r.judge(ctx, t.store)
}

// refusedStart starts triaged with extra flags and expects it to exit with
// an error before serving; it returns the error's line from the log.
func refusedStart(ctx context.Context, bin, storeTarget, teams, logPath string, extra ...string) (string, error) {
	srv, err := startServer(ctx, bin, storeTarget, teams, logPath, "", extra...)
	if err == nil {
		srv.kill()
		return "", errors.New("triaged started on a broken file")
	}
	b, rerr := os.ReadFile(logPath)
	if rerr != nil {
		return "", rerr
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	last := lines[len(lines)-1]
	var entry struct{ Error string }
	if json.Unmarshal([]byte(last), &entry) == nil && entry.Error != "" {
		last = entry.Error // triaged logs JSON; its error is the reason
	}
	return "`" + strings.ReplaceAll(last, "|", `\|`) + "`", nil
}
