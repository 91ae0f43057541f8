package store

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/testing/protocmp"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// TestDrawRedrawsWhenTeamFull drives the redraw path that the chain lock
// makes unreachable in normal operation: the transaction believes a team has
// room (a stale load, as if team_load were changed outside the lock), the
// conditional increment refuses, and the draw is made again with the load
// read anew and recorded as such.
func TestDrawRedrawsWhenTeamFull(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "fenjian.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.write.ExecContext(ctx, `INSERT INTO team_load (team_id, period, assigned) VALUES ('A', '2024-03', 5)`); err != nil {
		t.Fatal(err)
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	now := time.Now()
	b := &batch{tx: tx, q: tx, d: &s.dialect, hot: s.hot, at: now, now: now.UnixNano(), headHash: genesisHash,
		loads: map[[2]string]int64{{"A", "2024-03"}: 0}} // stale: A is full

	teams := []TeamSlot{{TeamID: "A", Capacity: 5}, {TeamID: "B", Capacity: 3}}
	// A seed whose first draw, on the stale loads, takes A.
	var seed uint64
	for ; ; seed++ {
		if _, i, err := routing.Pick(seed, []routing.Slot{{TeamID: "A", Capacity: 5}, {TeamID: "B", Capacity: 3}}); err != nil || i == 0 {
			break
		}
	}
	plan := &AssignmentPlan{Teams: teams, Seed: seed}
	job := &triageJob{d: &triagev1.Decision{DecisionId: "d", Recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED}, plan: plan, period: "2024-03"}
	a, none, err := b.draw(ctx, job, &decisionRow{decisionID: "d", filingID: "f"})
	if err != nil || none != nil {
		t.Fatalf("draw: %v, unassigned draw %v", err, none)
	}
	if a == nil || a.GetTeamId() != "B" {
		t.Fatalf("draw = %v, want team B", a)
	}
	// The record is the redraw's, with A at the load the database holds.
	want := &triagev1.Draw{Seed: seed, Algorithm: routing.Algorithm, Candidates: []*triagev1.DrawCandidate{
		{TeamId: "A", Capacity: 5, Load: 5, Free: 0}, {TeamId: "B", Capacity: 3, Load: 0, Free: 3}}}
	if diff := cmp.Diff(want, a.GetDraw(), protocmp.Transform()); diff != "" {
		t.Errorf("recorded draw (-want +got):\n%s", diff)
	}
	var loadA, loadB int64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT assigned FROM team_load WHERE team_id = 'A'), (SELECT assigned FROM team_load WHERE team_id = 'B')`).Scan(&loadA, &loadB); err != nil {
		t.Fatal(err)
	}
	if loadA != 5 || loadB != 1 {
		t.Errorf("team_load A=%d B=%d, want 5 and 1", loadA, loadB)
	}
	// Designated increments ignore capacity.
	if ok, err := b.increment(ctx, "A", "2024-03", math.MaxInt64); !ok || err != nil {
		t.Errorf("unbounded increment = %v, %v", ok, err)
	}
}

// TestRerouteRejectionTakesOutcomeBack drives batch.restore, which the
// store's own validation makes unreachable in normal operation: a conversion
// whose re-draw is rejected inside the transaction must take its outcome
// back, audit row, seq and chain hash included, or the rest of its batch
// would commit an outcome its caller was told failed, or chain onto it. The
// rejected plan has a team without capacity, which SaveConversion refuses
// before the writer sees it and routing.Pick rejects inside the
// transaction; here it shares one real transaction (commitBatch) with a
// good conversion of the same case that comes after it.
func TestRerouteRejectionTakesOutcomeBack(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "fenjian.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := &triagev1.Filing{
		Id: "f-1", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "某区人民法院", Province: "辽宁省",
		FiledOn: "2024-03-05", Cause: "民间借贷纠纷", ClaimAmountFen: 3_000_000,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "张三"},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "李四"},
		},
		Text: "诉讼请求：判令被告偿还借款30000元", Circumstances: &triagev1.Circumstances{},
	}
	d := &triagev1.Decision{
		DecisionId: "dec-1", FilingId: f.GetId(), CaseKind: f.GetCaseKind(), FiledOn: f.GetFiledOn(),
		Recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED,
		Options: []*triagev1.ProcedureOption{
			{Procedure: triagev1.Procedure_PROCEDURE_SIMPLIFIED, Available: true, Probability: 0.9},
			{Procedure: triagev1.Procedure_PROCEDURE_ORDINARY, Available: true, Probability: 0.1},
		},
		ModelVersion: "m-1", RulesVersion: "r-1",
		DecidedAt: timestamppb.New(time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)),
	}
	if err := s.SaveTriage(ctx, d, f, &AssignmentPlan{Teams: []TeamSlot{{TeamID: "fast", Capacity: 5}}, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	head, err := s.AuditHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// conversion is the request saveOutcome submits for a conversion of
	// dec-1 to ordinary after prior outcomes, re-drawn among teams.
	conversion := func(id string, prior int, teams ...TeamSlot) *saveRequest {
		t.Helper()
		o := &triagev1.Outcome{OutcomeId: id, DecisionId: d.GetDecisionId(), Procedure: triagev1.Procedure_PROCEDURE_ORDINARY,
			Change: triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY, DecidedBy: "judge-1", RecordedAt: timestamppb.Now()}
		blob, err := marshalOpts.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		return &saveRequest{ctx: ctx, outcome: &outcomeRow{
			expectPrior: prior,
			reroute: &rerouteJob{
				plan:      &ReroutePlan{Keep: map[string]bool{}, Reason: "简转普", Draw: AssignmentPlan{Teams: teams, Seed: 1}},
				procedure: o.GetProcedure(), assignmentID: "a-" + id,
			},
			outcomeID: id, decisionID: o.GetDecisionId(), procedure: o.GetProcedure().String(), change: o.GetChange().String(),
			decidedBy: o.GetDecidedBy(), recordedAt: o.GetRecordedAt().AsTime().UnixNano(), outcome: blob,
		}}
	}
	bad := conversion("o-bad", 0, TeamSlot{TeamID: "civil", Capacity: 0})
	good := conversion("o-good", 0, TeamSlot{TeamID: "civil", Capacity: 3})
	if err := s.commitBatch(ctx, []*saveRequest{bad, good}); err != nil {
		t.Fatalf("commitBatch: %v", err)
	}
	if err := bad.rejected; err == nil || !strings.Contains(err.Error(), "capacity 0") || bad.outcome.reroute.result != nil {
		t.Errorf("conversion with a rejected re-draw: rejected %v, reassignment %v; want the draw's rejection and none",
			err, bad.outcome.reroute.result)
	}
	// The good conversion saw no earlier outcome (its prior of 0 holds)
	// and moved the case.
	if a := good.outcome.reroute.result; good.rejected != nil || a.GetTeamId() != "civil" || a.GetPreviousTeamId() != "fast" {
		t.Fatalf("conversion after the rejected one: rejected %v, reassignment %v; want a move from fast to civil", good.rejected, a)
	}
	if got, err := s.ListOutcomes(ctx, d.GetDecisionId()); err != nil || len(got) != 1 || got[0].GetOutcomeId() != "o-good" {
		t.Errorf("outcomes = %v, %v; want o-good only", got, err)
	}
	// Two records (the outcome and its reassignment) chained onto the head
	// before the batch, not onto the rejected outcome.
	rep, err := s.VerifyAudit(ctx)
	if err != nil || !rep.OK || rep.Records != head.Seq+2 || rep.Outcomes != 1 || rep.Assignments != 2 {
		t.Errorf("VerifyAudit = %+v, %v; want OK with %d records, 1 outcome and 2 assignments", rep, err, head.Seq+2)
	}
}
