package server

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// replayServer is a server on a fresh store of backend b with the default
// rules and teams, and clients for the test identities.
type replayServer struct {
	h      *harness
	st     store.Store
	reg    *prometheus.Registry // the store's
	filing triagev1.TriageServiceClient
	judge  triagev1.TriageServiceClient
	clerk  triagev1.TriageServiceClient // clerk-07: records for others
	anon   triagev1.TriageServiceClient
}

func startReplayServer(t *testing.T, b backend) *replayServer {
	t.Helper()
	reg := prometheus.NewRegistry()
	st, err := store.Open(context.Background(), b.target, store.Options{Registerer: reg})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	addr := h.conn.Target()
	return &replayServer{
		h: h, st: st, reg: reg,
		filing: triagev1.NewTriageServiceClient(dialAs(t, addr, testFilingToken)),
		judge:  triagev1.NewTriageServiceClient(dialAs(t, addr, testJudgeToken)),
		clerk:  triagev1.NewTriageServiceClient(dialAs(t, addr, testClerkToken)),
		anon:   triagev1.NewTriageServiceClient(dialAs(t, addr, "")),
	}
}

// record is what the store holds, for checking that a call wrote nothing:
// the audit head (every record is chained) and the audit report (team_load
// counted against the assignments).
func (r *replayServer) record(t *testing.T, ctx context.Context) store.AuditHead {
	t.Helper()
	head, err := r.st.AuditHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.st.VerifyAudit(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("audit: %v, %v", rep, err)
	}
	return head
}

// unchanged fails the test unless the record is as it was at head.
func (r *replayServer) unchanged(t *testing.T, ctx context.Context, head store.AuditHead) {
	t.Helper()
	if got := r.record(t, ctx); got != head {
		t.Errorf("audit head %+v after the call, %+v before: it wrote", got, head)
	}
}

// checkReplay checks that resp is first's answer again, marked replayed.
func checkReplay[R replayable](t *testing.T, first, resp R) {
	t.Helper()
	if !resp.GetReplayed() {
		t.Error("replayed = false, want true")
	}
	if diff := cmp.Diff(first, resp, ignoreReplayed); diff != "" {
		t.Errorf("replay differs from the first answer (-first +replay):\n%s", diff)
	}
}

// ignoreReplayed compares responses without their replayed flag.
var ignoreReplayed = cmp.Options{
	protocmp.Transform(),
	protocmp.IgnoreFields(&triagev1.TriageResponse{}, "replayed"),
	protocmp.IgnoreFields(&triagev1.RecordOutcomeResponse{}, "replayed"),
	protocmp.IgnoreFields(&triagev1.AssignCaseResponse{}, "replayed"),
}

// TestTriageReplay: a Triage of a decided filing with the same filing
// (store.SameFiling) by the identity that filed it answers the stored
// decision, its assignment included, byte for byte, marked replayed; it
// writes nothing (the audit head stays, team_load stays: VerifyAudit).
// Every near miss — other facts, the parties in another order, another
// spelling of the case number, another identity — is ALREADY_EXISTS naming
// the decision and saying why, with no decision in the answer; a dry run is
// a dry run. A judge, who may not file, is refused before anything.
func TestTriageReplay(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		r := startReplayServer(t, b)
		ctx := testContext(t)
		f := loanFiling("(2024)辽0102民初7001号")
		first, err := r.filing.Triage(ctx, &triagev1.TriageRequest{Filing: f})
		if err != nil {
			t.Fatalf("first Triage: %v", err)
		}
		if first.GetReplayed() || first.GetDecision().GetAssignment() == nil {
			t.Fatalf("first Triage: replayed %v, assignment %v; want a new, assigned decision", first.GetReplayed(), first.GetDecision().GetAssignment())
		}
		id := first.GetDecision().GetDecisionId()
		head := r.record(t, ctx)
		team := first.GetDecision().GetAssignment().GetTeamId()
		feed := teamFeed(t, r.st, team)

		with := func(e func(*triagev1.Filing)) *triagev1.Filing {
			g := proto.CloneOf(f)
			e(g)
			return g
		}
		tests := []struct {
			name   string
			client triagev1.TriageServiceClient
			f      *triagev1.Filing
			dryRun bool
			code   codes.Code
			why    string // in the ALREADY_EXISTS message
			not    string // not in it
		}{
			{name: "the same filing again", client: r.filing, f: f},
			{name: "the same filing, a fresh copy", client: r.filing, f: with(func(*triagev1.Filing) {})},
			{name: "other facts", client: r.filing, f: with(func(g *triagev1.Filing) { g.ClaimAmountFen++ }), code: codes.AlreadyExists, why: whyOtherFiling},
			{name: "other text", client: r.filing, f: with(func(g *triagev1.Filing) { g.Text += "。" }), code: codes.AlreadyExists, why: whyOtherFiling},
			{name: "a circumstance stated", client: r.filing, f: with(func(g *triagev1.Filing) {
				g.Circumstances = &triagev1.Circumstances{Counterclaim: true}
			}), code: codes.AlreadyExists, why: whyOtherFiling},
			{name: "the parties in another order", client: r.filing, f: with(func(g *triagev1.Filing) {
				g.Parties[0], g.Parties[1] = g.Parties[1], g.Parties[0]
			}), code: codes.AlreadyExists, why: whyOtherFiling},
			{name: "filed_on left to the server", client: r.filing, f: with(func(g *triagev1.Filing) { g.FiledOn = "" }), code: codes.AlreadyExists, why: whyOtherFiling},
			{name: "another spelling of the case number", client: r.filing, f: with(func(g *triagev1.Filing) { g.Id = "（２０２４）辽０１０２民初７００１号" }),
				code: codes.AlreadyExists, why: whyOtherSpelling, not: "RecordOutcome (correction)"},
			{name: "another spelling and other facts", client: r.filing, f: with(func(g *triagev1.Filing) {
				g.Id = "（2024）辽0102民初7001号"
				g.ClaimAmountFen++
			}), code: codes.AlreadyExists, why: whyOtherFiling},
			// The clerk's token has the filing role too: it may file, and
			// read the decision, but it did not file this one.
			{name: "the same filing by another identity", client: r.h.client, f: f, code: codes.AlreadyExists, why: whyOtherIdentity},
			{name: "the same filing, anonymous on loopback", client: r.anon, f: f, code: codes.AlreadyExists, why: whyOtherIdentity},
			{name: "the same filing by a judge", client: r.judge, f: f, code: codes.PermissionDenied},
			{name: "a dry run of it", client: r.filing, f: f, dryRun: true},
		}
		replays := 0
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp, err := tt.client.Triage(ctx, &triagev1.TriageRequest{Filing: tt.f, DryRun: tt.dryRun})
				st := status.Convert(err)
				if st.Code() != tt.code {
					t.Fatalf("Triage = %v; want %v", err, tt.code)
				}
				switch {
				case tt.code == codes.AlreadyExists:
					if !strings.Contains(st.Message(), id) || !strings.Contains(st.Message(), tt.why) {
						t.Errorf("message %q; want it to name %s and say %q", st.Message(), id, tt.why)
					}
					if tt.not != "" && strings.Contains(st.Message(), tt.not) {
						t.Errorf("message %q; want it not to say %q", st.Message(), tt.not)
					}
					if named := resourceName(st); named != id {
						t.Errorf("ResourceInfo names %q, want %s", named, id)
					}
				case tt.code != codes.OK:
				case tt.dryRun:
					if resp.GetReplayed() || !resp.GetDecision().GetDryRun() || resp.GetDecision().GetDecisionId() != "" {
						t.Errorf("dry run: replayed %v, dry_run %v, id %q; want a dry run", resp.GetReplayed(), resp.GetDecision().GetDryRun(), resp.GetDecision().GetDecisionId())
					}
				default:
					replays++
					checkReplay(t, first, resp)
				}
				r.unchanged(t, ctx, head)
			})
		}
		if diff := cmp.Diff(feed, teamFeed(t, r.st, team), protocmp.Transform()); diff != "" {
			t.Errorf("team %s's feed changed (-before +after):\n%s", team, diff)
		}
		waitMetric(t, r.h.reg, "fenjian_replays_total", map[string]string{"method": "Triage"}, float64(replays))
		// One decision counted: the replays are not decisions.
		var decided float64
		for _, review := range []string{"false", "true"} {
			v, _ := metricValue(r.h.reg, "fenjian_decisions_total", map[string]string{
				"case_kind": "CASE_KIND_CIVIL", "recommended": first.GetDecision().GetRecommended().String(), "needs_review": review})
			decided += v
		}
		if decided != 1 {
			t.Errorf("fenjian_decisions_total = %v, want 1", decided)
		}
	})
}

// stall holds backend b's write lock from another connection, so that the
// store's writer, once it takes a save, waits; the saves made meanwhile
// queue up and share its next commit. release ends it.
func stall(t *testing.T, b backend) (release func()) {
	t.Helper()
	driver, lock := "sqlite", []string{"BEGIN IMMEDIATE"}
	if b.name == "postgres" {
		driver, lock = "pgx", []string{"BEGIN", "SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE"}
	}
	db, err := sql.Open(driver, b.target)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lock {
		if _, err := conn.ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
				t.Errorf("release the write lock: %v", err)
			}
			_ = conn.Close()
			_ = db.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// TestTriageReplayRace: identical Triage calls in flight at once, queued
// behind a stalled writer so that they share one group commit (the store
// refuses all but one inside the batch), store one decision, one
// assignment and one unit of capacity, and every caller gets it: one new,
// the others replayed, all the same decision.
func TestTriageReplayRace(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		r := startReplayServer(t, b)
		ctx := testContext(t)
		before := r.record(t, ctx)
		commits := gathered(t, r.reg, "fenjian_store_commit_batch_size", nil)

		release := stall(t, b)
		// The blocker: the writer takes it and waits for the lock.
		var wg sync.WaitGroup
		wg.Go(func() {
			if _, err := r.filing.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("(2024)辽0102民初7100号")}); err != nil {
				t.Errorf("blocker: %v", err)
			}
		})
		time.Sleep(200 * time.Millisecond)
		f := loanFiling("(2024)辽0102民初7101号")
		const n = 8
		resps := make([]*triagev1.TriageResponse, n)
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() { resps[i], errs[i] = r.filing.Triage(ctx, &triagev1.TriageRequest{Filing: proto.CloneOf(f)}) })
		}
		time.Sleep(time.Second) // decided and queued behind the blocker
		release()
		wg.Wait()

		var fresh *triagev1.TriageResponse
		replayed := 0
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("racing Triage %d: %v", i, errs[i])
			}
			if resps[i].GetReplayed() {
				replayed++
			} else {
				fresh = resps[i]
			}
		}
		if fresh == nil || replayed != n-1 {
			t.Fatalf("%d of %d racing calls replayed; want %d, and one new", replayed, n, n-1)
		}
		for i := range n {
			if diff := cmp.Diff(fresh, resps[i], ignoreReplayed); diff != "" {
				t.Errorf("racing Triage %d answered another decision (-new +this):\n%s", i, diff)
			}
		}
		// Two decisions (the blocker's and this one), each with its
		// assignment: four records.
		if after := r.record(t, ctx); after.Seq != before.Seq+4 {
			t.Errorf("audit head moved from %d to %d; want +4 (two decisions, two assignments)", before.Seq, after.Seq)
		}
		c, err := r.st.GetCaseByFiling(ctx, f.GetId())
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Assignments) != 1 {
			t.Errorf("%d assignments of the filing, want 1", len(c.Assignments))
		}
		// The n identical saves took fewer commits than n: some shared one,
		// and the store refused the copies inside it.
		if got := gathered(t, r.reg, "fenjian_store_commit_batch_size", nil) - commits; got >= 1+n {
			t.Errorf("%v commits for the blocker and %d racing saves: none shared a group commit", got, n)
		}
		waitMetric(t, r.h.reg, "fenjian_replays_total", map[string]string{"method": "Triage"}, n-1)
	})
}

// TestOutcomeReplay: RecordOutcome sent again unchanged by the identity
// that recorded it answers the stored outcome and the reassignment made
// with it, byte for byte, replayed, and writes nothing; the same outcome
// from another identity (a clerk entering the judge's ruling), or with any
// field of the client's changed, is checked as new and keeps today's
// refusal. An outcome that is no longer the case's latest is no replay.
func TestOutcomeReplay(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		r := startReplayServer(t, b)
		ctx := testContext(t)
		byJudge := func(o *triagev1.Outcome) *triagev1.Outcome {
			o.DecidedBy = "judge-17"
			return o
		}
		// A confirmation, and a 简转普 that takes the case off its 速裁团队.
		loan := triageOK(t, ctx, r.filing, loanFiling("(2024)辽0102民初7201号"))
		conv := triageOK(t, ctx, r.filing, simplifiedFiling("(2024)辽0102民初7202号"))
		confirm := byJudge(outcome(loan, confirmed, smallClaims, "2024-03-06"))
		convert := byJudge(outcome(conv, simpToOrd, ordinary, "2024-04-01"))
		firsts := map[*triagev1.Outcome]*triagev1.RecordOutcomeResponse{}
		for _, o := range []*triagev1.Outcome{confirm, convert} {
			resp, err := r.judge.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
			if err != nil {
				t.Fatalf("first RecordOutcome: %v", err)
			}
			firsts[o] = resp
		}
		if firsts[convert].GetReassignment() == nil {
			t.Fatalf("简转普 of a case on %s: no reassignment; the test needs one", conv.GetAssignment().GetTeamId())
		}
		head := r.record(t, ctx)

		with := func(o *triagev1.Outcome, e func(*triagev1.Outcome)) *triagev1.Outcome {
			c := proto.CloneOf(o)
			e(c)
			return c
		}
		tests := []struct {
			name   string
			client triagev1.TriageServiceClient
			o      *triagev1.Outcome
			first  *triagev1.RecordOutcomeResponse // the replay's answer; nil: refused
			code   codes.Code
			rule   string
		}{
			{name: "the confirmation again", client: r.judge, o: confirm, first: firsts[confirm]},
			{name: "the conversion again, with its reassignment", client: r.judge, o: convert, first: firsts[convert]},
			{name: "the conversion, decision id in upper case", client: r.judge, o: with(convert, func(o *triagev1.Outcome) { o.DecisionId = strings.ToUpper(o.DecisionId) }), first: firsts[convert]},
			// What the server sets is the server's: a client echoing the
			// stored outcome back is sending the same request.
			{name: "the stored outcome echoed back", client: r.judge, o: firsts[convert].GetOutcome(), first: firsts[convert]},
			{name: "the confirmation, another reason", client: r.judge, o: with(confirm, func(o *triagev1.Outcome) { o.Reason += "另查明。" }),
				code: codes.FailedPrecondition, rule: "FILING_CHOICE_NOT_FIRST"},
			{name: "the confirmation, another day", client: r.judge, o: with(confirm, func(o *triagev1.Outcome) { o.DecidedOn = "2024-03-07" }),
				code: codes.FailedPrecondition, rule: "FILING_CHOICE_NOT_FIRST"},
			{name: "the conversion, another legal basis", client: r.judge, o: with(convert, func(o *triagev1.Outcome) { o.LegalBasis = "民诉法解释第二百五十八条" }),
				code: codes.FailedPrecondition, rule: "CHANGE_NOT_FROM_CURRENT_PROCEDURE"},
			{name: "the confirmation entered by a clerk", client: r.clerk, o: confirm, code: codes.FailedPrecondition, rule: "FILING_CHOICE_NOT_FIRST"},
			{name: "the conversion entered by a clerk", client: r.clerk, o: convert, code: codes.FailedPrecondition, rule: "CHANGE_NOT_FROM_CURRENT_PROCEDURE"},
		}
		replays := 0
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp, err := tt.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: tt.o})
				if tt.first == nil {
					checkStatus(t, err, tt.code, "", tt.rule)
				} else {
					if err != nil {
						t.Fatalf("RecordOutcome = %v; want the stored outcome", err)
					}
					replays++
					checkReplay(t, tt.first, resp)
				}
				r.unchanged(t, ctx, head)
			})
		}
		waitMetric(t, r.h.reg, "fenjian_replays_total", map[string]string{"method": "RecordOutcome"}, float64(replays))

		// No longer the latest: a panel after the conversion, then the
		// conversion again is refused as a conversion from ordinary.
		panel := byJudge(outcome(conv, triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL, ordinary, "2024-04-01"))
		if _, err := r.judge.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: panel}); err != nil {
			t.Fatalf("panel: %v", err)
		}
		_, err := r.judge.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: convert})
		checkStatus(t, err, codes.FailedPrecondition, "", "CHANGE_NOT_FROM_CURRENT_PROCEDURE")

		// Copies of one outcome in flight at once: one recorded, all
		// answered it.
		race := triageOK(t, ctx, r.filing, loanFiling("(2024)辽0102民初7203号"))
		o := byJudge(outcome(race, confirmed, smallClaims, "2024-03-06"))
		raceOutcome(t, ctx, r.st, []triagev1.TriageServiceClient{r.judge}, o, 6)
	})
}

// replayable is a write RPC's response, which says whether it is a replay.
type replayable interface {
	proto.Message
	GetReplayed() bool
}

// raceCopies makes n calls at once (call(i) sends copy i) and fails the
// test unless every one succeeds.
func raceCopies[R replayable](t *testing.T, n int, call func(i int) (R, error)) []R {
	t.Helper()
	resps := make([]R, n)
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			resps[i], errs[i] = call(i)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("racing copy %d: %v", i, err)
		}
	}
	return resps
}

// checkOneStored checks that racing copies of one request all answered the
// record stored (answer(resp) is the record a response carries), one of
// them as new.
func checkOneStored[R replayable](t *testing.T, stored proto.Message, resps []R, answer func(R) proto.Message) {
	t.Helper()
	fresh := 0
	for i, resp := range resps {
		if !resp.GetReplayed() {
			fresh++
		}
		if diff := cmp.Diff(stored, answer(resp), protocmp.Transform()); diff != "" {
			t.Errorf("racing copy %d answered other than stored (-stored +answer):\n%s", i, diff)
		}
	}
	if fresh != 1 {
		t.Errorf("%d of %d racing copies answered as new, want 1", fresh, len(resps))
	}
}

// raceOutcome sends n copies of o at once, spread over clients, and checks
// that one outcome was recorded and every copy answered it.
func raceOutcome(t *testing.T, ctx context.Context, st store.Store, clients []triagev1.TriageServiceClient, o *triagev1.Outcome, n int) {
	t.Helper()
	resps := raceCopies(t, n, func(i int) (*triagev1.RecordOutcomeResponse, error) {
		return clients[i%len(clients)].RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: proto.CloneOf(o)})
	})
	stored, err := st.ListOutcomes(ctx, o.GetDecisionId())
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 {
		t.Fatalf("%d outcomes stored by %d racing copies of one, want 1", len(stored), n)
	}
	checkOneStored(t, stored[0], resps, func(r *triagev1.RecordOutcomeResponse) proto.Message { return r.GetOutcome() })
}

// TestAssignCaseReplay: AssignCase sent again unchanged by the identity
// that designated answers the stored designation, replayed, and writes
// nothing; another reason, another designated_by, or another identity
// entering the same designation keep ALREADY_WITH_TEAM; copies racing
// record one.
func TestAssignCaseReplay(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		r := startReplayServer(t, b)
		ctx := testContext(t)
		president := triagev1.NewTriageServiceClient(dialAs(t, r.h.conn.Target(), testPresidentToken))
		d := triageOK(t, ctx, r.filing, loanFiling("(2024)辽0102民初7301号"))
		req := &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-2", DesignatedBy: "president-1", Reason: "原承办团队需回避，院长指定。"}
		first, err := president.AssignCase(ctx, req)
		if err != nil {
			t.Fatalf("first AssignCase: %v", err)
		}
		head := r.record(t, ctx)
		with := func(e func(*triagev1.AssignCaseRequest)) *triagev1.AssignCaseRequest {
			c := proto.CloneOf(req)
			e(c)
			return c
		}
		tests := []struct {
			name   string
			client triagev1.TriageServiceClient
			req    *triagev1.AssignCaseRequest
			replay bool
		}{
			{name: "the same designation again", client: president, req: req, replay: true},
			// Stored trimmed, compared as stored.
			{name: "the same reason with white space around it", client: president, req: with(func(r *triagev1.AssignCaseRequest) { r.Reason = " " + r.Reason + "\n" }), replay: true},
			{name: "another reason", client: president, req: with(func(r *triagev1.AssignCaseRequest) { r.Reason = "案件重大，院长指定。" })},
			{name: "entered by a clerk", client: r.h.client, req: req},
			{name: "entered by a clerk for another president", client: r.h.client, req: with(func(r *triagev1.AssignCaseRequest) { r.DesignatedBy = "president-2" })},
		}
		replays := 0
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp, err := tt.client.AssignCase(ctx, tt.req)
				if !tt.replay {
					checkStatus(t, err, codes.FailedPrecondition, "", "ALREADY_WITH_TEAM")
				} else {
					if err != nil {
						t.Fatalf("AssignCase = %v; want the stored designation", err)
					}
					replays++
					checkReplay(t, first, resp)
				}
				r.unchanged(t, ctx, head)
			})
		}
		waitMetric(t, r.h.reg, "fenjian_replays_total", map[string]string{"method": "AssignCase"}, float64(replays))

		// Copies racing: one designation recorded, every copy answered it.
		race := triageOK(t, ctx, r.filing, loanFiling("(2024)辽0102民初7302号"))
		rq := proto.CloneOf(req)
		rq.DecisionId = race.GetDecisionId()
		raceAssign(t, ctx, r.st, []triagev1.TriageServiceClient{president}, rq, 6)
	})
}

// raceAssign sends n copies of req at once, spread over clients, and
// checks that one designation was recorded and every copy answered it.
func raceAssign(t *testing.T, ctx context.Context, st store.Store, clients []triagev1.TriageServiceClient, req *triagev1.AssignCaseRequest, n int) {
	t.Helper()
	resps := raceCopies(t, n, func(i int) (*triagev1.AssignCaseResponse, error) {
		return clients[i%len(clients)].AssignCase(ctx, proto.CloneOf(req))
	})
	c, err := st.GetCase(ctx, req.GetDecisionId())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Assignments) != 2 { // the draw and the designation
		t.Fatalf("%d assignments after %d racing copies of one designation, want 2", len(c.Assignments), n)
	}
	checkOneStored(t, c.Assignments[1], resps, func(r *triagev1.AssignCaseResponse) proto.Message { return r.GetAssignment() })
}

// TestReplicasReplayRace: on two replicas of one PostgreSQL record, whose
// in-process case locks do not see each other, copies of one outcome and of
// one designation racing through both store one and answer it every time
// (the store's check under the chain lock refuses the loser: ErrConflict,
// ErrSameTeam, which the server then finds to be its own request).
func TestReplicasReplayRace(t *testing.T) {
	target := pgtest.Schema(t)
	teams := defaultTeams(t)
	a := startReplica(t, target, teams)
	b := startReplica(t, target, teams)
	ctx := testContext(t)
	judges := []triagev1.TriageServiceClient{
		triagev1.NewTriageServiceClient(dialAs(t, a.run.grpcAddr, testJudgeToken)),
		triagev1.NewTriageServiceClient(dialAs(t, b.run.grpcAddr, testJudgeToken)),
	}
	presidents := []triagev1.TriageServiceClient{
		triagev1.NewTriageServiceClient(dialAs(t, a.run.grpcAddr, testPresidentToken)),
		triagev1.NewTriageServiceClient(dialAs(t, b.run.grpcAddr, testPresidentToken)),
	}
	for round := range 3 {
		d := triageOK(t, ctx, a.client, loanFiling("rrace-o-"+string(rune('a'+round))))
		o := outcome(d, confirmed, smallClaims, "2024-03-06")
		o.DecidedBy = "judge-17"
		raceOutcome(t, ctx, a.store, judges, o, 6)

		e := triageOK(t, ctx, b.client, loanFiling("rrace-a-"+string(rune('a'+round))))
		req := &triagev1.AssignCaseRequest{DecisionId: e.GetDecisionId(), TeamId: "civil-trial-2", DesignatedBy: "president-1", Reason: "院长指定。"}
		raceAssign(t, ctx, b.store, presidents, req, 6)
	}
	rep, err := a.store.VerifyAudit(ctx)
	if err != nil || !rep.OK {
		t.Errorf("audit: %v, %v", rep, err)
	}
}

// TestReplayAfterKill9: the server process is killed (SIGKILL) after the
// store committed a filing's decision and before the answer left; the
// client sees the call fail. Sent again to the restarted server, the same
// filing is answered the decision stored, replayed, byte for byte as the
// store holds it, and nothing more is written.
func TestReplayAfterKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	path := tempDB(t)
	f := loanFiling("(2024)辽0102民初7401号")
	p := startServeProcess(t, path, killAfterSaveEnv+"="+f.GetId())
	ctx := testContext(t)
	_, err := triagev1.NewTriageServiceClient(dialAs(t, p.addr, testFilingToken)).Triage(ctx, &triagev1.TriageRequest{Filing: f})
	if code := status.Code(err); code != codes.Unavailable {
		t.Fatalf("Triage through the process that dies = %v; want UNAVAILABLE (the answer lost)", err)
	}
	if werr := p.wait(); werr == nil || !strings.Contains(werr.Error(), "killed") {
		t.Fatalf("server process ended with %v; want killed\n%s", werr, p.stderr.String())
	}

	q := startServeProcess(t, path)
	resp, err := triagev1.NewTriageServiceClient(dialAs(t, q.addr, testFilingToken)).Triage(ctx, &triagev1.TriageRequest{Filing: f})
	if err != nil {
		t.Fatalf("retry after the restart: %v\n%s", err, q.stderr.String())
	}
	if err := q.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = q.wait()
	if !resp.GetReplayed() {
		t.Error("retry after the restart: replayed = false; want the stored decision")
	}
	st := openStore(t, path)
	c, err := st.GetCaseByFiling(ctx, f.GetId())
	if err != nil {
		t.Fatalf("the decision committed before the kill: %v", err)
	}
	if diff := cmp.Diff(c.Decision, resp.GetDecision(), protocmp.Transform()); diff != "" {
		t.Errorf("retry answered other than stored (-stored +answer):\n%s", diff)
	}
	if len(c.Assignments) != 1 {
		t.Errorf("%d assignments of the filing, want 1", len(c.Assignments))
	}
	head, err := st.AuditHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if head.Seq != 2 { // the decision and its assignment
		t.Errorf("audit head at %d; want 2: the retry wrote", head.Seq)
	}
}
