package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/store"
)

var hexHash = regexp.MustCompile(`^[0-9a-f]{64}$`)

// runVerify runs `triagectl audit verify` on target and decodes its report.
func runVerify(t *testing.T, target string) (int, auditReport, string) {
	t.Helper()
	e, stdout, stderr := testEnv("")
	code := dispatch(context.Background(), e, []string{"audit", "verify", "-store", target})
	var rep auditReport
	dec := json.NewDecoder(stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("exit %d; stdout is not an audit report: %v\n%s\n%s", code, err, stdout, stderr)
	}
	return code, rep, stderr.String()
}

func TestAuditVerify(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		fx := buildFixture(t, b.target)
		db := b.raw(t)
		rep := checkVerifyClean(t, b, fx, db)
		// Rewrite B's decision behind the store's back, as someone with
		// database access would: drop the append-only trigger and change
		// the recommendation in the stored blob.
		victim := fx.byKey["B"].decision.GetDecisionId()
		seq := forgeDecision(t, b, db, victim)
		checkVerifyTampered(t, b, rep, victim, seq)
	})
}

// checkVerifyClean runs audit verify on the untouched fixture store and
// checks its report: OK, the head of the chain, the counts, the summary on
// stderr. It returns the report.
func checkVerifyClean(t *testing.T, b testBackend, fx *fixture, db *sql.DB) auditReport {
	t.Helper()
	var outcomes int64
	for _, c := range fx.cases {
		outcomes += int64(len(c.outcomes))
	}
	code, rep, stderr := runVerify(t, b.target)
	if code != 0 || !rep.OK || rep.Problem != nil {
		t.Fatalf("untouched store: exit %d, report %+v\n%s", code, rep, stderr)
	}
	var lastSeq int64
	var lastHash string
	if err := db.QueryRow(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&lastSeq, &lastHash); err != nil {
		t.Fatal(err)
	}
	if rep.HeadSeq != fx.records || rep.Records != fx.records || rep.HeadSeq != lastSeq ||
		rep.HeadHash != lastHash || !hexHash.MatchString(rep.HeadHash) {
		t.Errorf("head seq %d hash %q, %d records; want seq %d = %d records, hash %s",
			rep.HeadSeq, rep.HeadHash, rep.Records, fx.records, lastSeq, lastHash)
	}
	if rep.Decisions != int64(len(fx.cases)) || rep.Outcomes != outcomes || rep.Assignments != int64(fx.assignments) {
		t.Errorf("counted %d decisions, %d outcomes, %d assignments; want %d, %d, %d",
			rep.Decisions, rep.Outcomes, rep.Assignments, len(fx.cases), outcomes, fx.assignments)
	}
	if rep.CheckedAt.IsZero() || rep.Store != store.Redact(b.target) {
		t.Errorf("checked_at %v, store %q", rep.CheckedAt, rep.Store)
	}
	if !strings.Contains(stderr, "audit chain OK") || !strings.Contains(stderr, rep.HeadHash) {
		t.Errorf("stderr lacks the summary with the head:\n%s", stderr)
	}
	return rep
}

// forgeDecision changes the recommendation in decision victim's stored
// blob: it checks the append-only trigger refuses the UPDATE, drops it and
// updates. It returns the decision's seq in the audit log.
func forgeDecision(t *testing.T, b testBackend, db *sql.DB, victim string) int64 {
	t.Helper()
	if _, err := db.Exec(b.q(`UPDATE decisions SET decision_id = decision_id WHERE decision_id = ?`), victim); err == nil {
		t.Fatal("the append-only trigger let an UPDATE through")
	}
	if _, err := db.Exec(b.dropTrigger); err != nil {
		t.Fatal(err)
	}
	return rewriteDecision(t, b, db, victim)
}

// rewriteDecision changes the recommendation in decision victim's stored
// blob, the append-only trigger already dropped, and returns its seq.
func rewriteDecision(t *testing.T, b testBackend, db *sql.DB, victim string) int64 {
	t.Helper()
	var blob []byte
	if err := db.QueryRow(b.q(`SELECT decision FROM decisions WHERE decision_id = ?`), victim).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	var d triagev1.Decision
	if err := proto.Unmarshal(blob, &d); err != nil {
		t.Fatal(err)
	}
	d.Recommended = pOrdinary
	forged, err := proto.MarshalOptions{Deterministic: true}.Marshal(&d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(b.q(`UPDATE decisions SET decision = ? WHERE decision_id = ?`), forged, victim); err != nil {
		t.Fatal(err)
	}
	var seq int64
	if err := db.QueryRow(b.q(`SELECT seq FROM audit_log WHERE record_kind = 'decision' AND record_id = ?`), victim).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	return seq
}

// checkVerifyTampered runs audit verify after decision victim (at seq) was
// altered and checks it fails there, naming the record, with the clean
// report rep's head.
func checkVerifyTampered(t *testing.T, b testBackend, rep auditReport, victim string, seq int64) {
	t.Helper()
	code, bad, stderr := runVerify(t, b.target)
	if code != 1 || bad.OK {
		t.Fatalf("tampered store: exit %d, ok %v\n%s", code, bad.OK, stderr)
	}
	want := auditProblem{Seq: seq, Kind: "decision", ID: victim, Problem: "record altered"}
	if bad.Problem == nil || bad.Problem.Seq != want.Seq || bad.Problem.Kind != want.Kind ||
		bad.Problem.ID != want.ID || bad.Problem.Problem != want.Problem || bad.Problem.Detail == "" {
		t.Errorf("problem %+v, want %+v with a detail", bad.Problem, want)
	}
	// The walk goes on past an altered record (the chain row is intact),
	// so every row is checked.
	if bad.HeadSeq != rep.HeadSeq || bad.HeadHash != rep.HeadHash || bad.Records != rep.HeadSeq {
		t.Errorf("tampered report: head %d %s, %d records checked; want head %d %s, %d checked",
			bad.HeadSeq, bad.HeadHash, bad.Records, rep.HeadSeq, rep.HeadHash, rep.HeadSeq)
	}
	if bad.TamperedRecords != 1 || len(bad.Tampered) != 1 || bad.Tampered[0].Seq != seq {
		t.Errorf("tampered %d %+v, want the one record at seq %d", bad.TamperedRecords, bad.Tampered, seq)
	}
	for _, s := range []string{fmt.Sprintf("FAILED at seq %d", seq), "record altered", victim} {
		if !strings.Contains(stderr, s) {
			t.Errorf("stderr does not name the record (%q):\n%s", s, stderr)
		}
	}
}

// TestAuditVerifyEveryTamperedRecord: two decisions rewritten behind the
// store's back are both named, in chain order, with their count, and the
// check exits 1, on SQLite and PostgreSQL; it named only the first, and
// the auditor learned of the second after repairing the first (outside
// check).
func TestAuditVerifyEveryTamperedRecord(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		fx := buildFixture(t, b.target)
		db := b.raw(t)
		clean := checkVerifyClean(t, b, fx, db)
		first, second := fx.byKey["B"].decision.GetDecisionId(), fx.byKey["I"].decision.GetDecisionId()
		seqs := map[string]int64{first: forgeDecision(t, b, db, first), second: rewriteDecision(t, b, db, second)}
		want := []auditProblem{{Seq: seqs[first], Kind: "decision", ID: first, Problem: "record altered"},
			{Seq: seqs[second], Kind: "decision", ID: second, Problem: "record altered"}}
		if want[0].Seq > want[1].Seq {
			want[0], want[1] = want[1], want[0]
		}
		code, rep, stderr := runVerify(t, b.target)
		if code != 1 || rep.OK {
			t.Fatalf("two records tampered: exit %d, ok %v\n%s", code, rep.OK, stderr)
		}
		got := slices.Clone(rep.Tampered)
		for i := range got {
			if got[i].Detail == "" {
				t.Errorf("tampered[%d] has no detail", i)
			}
			got[i].Detail = ""
		}
		if diff := cmp.Diff(want, got); diff != "" || rep.TamperedRecords != 2 {
			t.Errorf("tampered_records %d, tampered (-want +got):\n%s", rep.TamperedRecords, diff)
		}
		if rep.Problem == nil || rep.Problem.Seq != want[0].Seq {
			t.Errorf("problem %+v, want the first tampered record, seq %d", rep.Problem, want[0].Seq)
		}
		if rep.Records != clean.HeadSeq {
			t.Errorf("%d records checked, want all %d", rep.Records, clean.HeadSeq)
		}
		for _, s := range []string{"2 records do not match the chain", fmt.Sprintf("seq %d, %d", want[0].Seq, want[1].Seq)} {
			if !strings.Contains(stderr, s) {
				t.Errorf("stderr lacks %q:\n%s", s, stderr)
			}
		}
	})
}

// TestAuditVerifyUndecodableDecision: a decision row whose stored blob no
// longer decodes (one byte edited with sqlite3 in an outside check) is
// reported, as any altered record, at its seq with the draw it carried, in
// the JSON report; before, the draws' replay stopped at it and the audit
// printed no report, only "redraw assignments: decode: …".
func TestAuditVerifyUndecodableDecision(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		buildFixture(t, b.target)
		db := b.raw(t)
		// The replay reads the decisions flagged for review (those left
		// unassigned are among them), so the victim is one of those.
		var victim string
		var blob []byte
		var seq int64
		if err := db.QueryRow(`SELECT d.decision_id, d.decision, a.seq FROM decisions d JOIN audit_log a ON a.record_id = d.decision_id
			WHERE a.record_kind = 'decision' AND d.needs_review = 1 ORDER BY a.seq LIMIT 1`).Scan(&victim, &blob, &seq); err != nil {
			t.Fatal(err)
		}
		broken := append([]byte{0xff}, blob[1:]...) // an invalid field tag
		if err := proto.Unmarshal(broken, &triagev1.Decision{}); err == nil {
			t.Fatal("the edited blob still decodes")
		}
		if _, err := db.Exec(b.dropTrigger); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(b.q(`UPDATE decisions SET decision = ? WHERE decision_id = ?`), broken, victim); err != nil {
			t.Fatal(err)
		}
		code, rep, stderr := runVerify(t, b.target)
		if code != 1 || rep.OK || rep.Problem == nil || rep.Problem.Seq != seq || rep.Problem.ID != victim || rep.Problem.Problem != "record altered" {
			t.Fatalf("exit %d, problem %+v; want 1 and record altered at seq %d (%s)\n%s", code, rep.Problem, seq, victim, stderr)
		}
		if rep.Draws == nil || rep.Draws.OK || len(rep.Draws.Checks) != 1 || rep.Draws.Checks[0].DecisionID != victim ||
			rep.Draws.Checks[0].Seq != seq || !strings.Contains(rep.Draws.Checks[0].Detail, "does not decode") {
			t.Errorf("draws %+v; want one unexplained check of %s at seq %d: does not decode", rep.Draws, victim, seq)
		}
		for _, s := range []string{fmt.Sprintf("FAILED at seq %d", seq), "record altered", "draws FAILED", victim} {
			if !strings.Contains(stderr, s) {
				t.Errorf("stderr lacks %q:\n%s", s, stderr)
			}
		}
	})
}

func TestAuditUsage(t *testing.T) {
	for name, args := range map[string][]string{
		"no subcommand":      {"audit"},
		"unknown subcommand": {"audit", "repair"},
		"flag before verify": {"audit", "-store", "x.db", "verify"},
		"extra argument":     {"audit", "verify", "now"},
		"unknown flag":       {"audit", "verify", "-fix"},
		"empty -store":       {"audit", "verify", "-store", ""},
	} {
		t.Run(name, func(t *testing.T) {
			e, stdout, stderr := testEnv("")
			if code := dispatch(context.Background(), e, args); code != 2 {
				t.Errorf("exit %d, want 2\n%s", code, stderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %s", stdout)
			}
		})
	}
	for _, args := range [][]string{{"audit", "-h"}, {"audit", "help"}, {"audit", "verify", "-h"}} {
		e, _, stderr := testEnv("")
		if code := dispatch(context.Background(), e, args); code != 0 || !strings.Contains(stderr.String(), "audit verify") {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
}

// runRedraw runs `triagectl audit redraw` with args and decodes its report.
func runRedraw(t *testing.T, args ...string) (int, redrawReport, string) {
	t.Helper()
	e, stdout, stderr := testEnv("")
	code := dispatch(context.Background(), e, append([]string{"audit", "redraw"}, args...))
	var rep redrawReport
	dec := json.NewDecoder(stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("exit %d; stdout is not a redraw report: %v\n%s\n%s", code, err, stdout, stderr)
	}
	return code, rep, stderr.String()
}

// TestAuditRedraw: every draw of a clean store replays, in audit redraw and
// audit verify; a team_load raised behind the store's back steers the next
// draw, and both commands report that decision.
func TestAuditRedraw(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		fx := buildFixture(t, b.target)
		checkRedrawClean(t, b, fx)
		a := fx.byKey["A"].decision
		steered := steerDraw(t, b, fx)
		checkRedrawSteered(t, b, a, steered)
	})
}

// checkRedrawClean checks every draw of the untouched fixture store
// replays, in audit redraw and audit verify, and that redraw of decision A
// alone replays its draw.
func checkRedrawClean(t *testing.T, b testBackend, fx *fixture) {
	t.Helper()
	var designated int64
	for _, c := range fx.cases {
		if c.designate {
			designated++
		}
	}
	code, rep, stderr := runRedraw(t, "-store", b.target)
	want := drawsReport{OK: true, Assignments: int64(fx.assignments), Explained: int64(fx.assignments) - designated, Designated: designated}
	if code != 0 || !rep.OK || rep.DecisionID != "" || rep.Draws == nil || !cmp.Equal(rep.Draws.withoutChecks(), &want) || len(rep.Draws.Checks) != 0 {
		t.Fatalf("clean store: exit %d, report %+v, draws %+v; want %+v\n%s", code, rep, rep.Draws, want, stderr)
	}
	if !strings.Contains(stderr, "draws OK") {
		t.Errorf("stderr lacks the summary:\n%s", stderr)
	}
	code, vrep, stderr := runVerify(t, b.target)
	if code != 0 || !vrep.OK || vrep.Draws == nil || !cmp.Equal(vrep.Draws.withoutChecks(), &want) {
		t.Fatalf("verify, clean store: exit %d, draws %+v\n%s", code, vrep.Draws, stderr)
	}

	// One decision: its draw, replayed.
	a := fx.byKey["A"].decision
	code, one, stderr := runRedraw(t, "-store", b.target, a.GetDecisionId())
	if code != 0 || one.DecisionID != a.GetDecisionId() || len(one.Draws.Checks) != 1 ||
		one.Draws.Checks[0].Verdict != "explained" || one.Draws.Checks[0].TeamID != a.GetAssignment().GetTeamId() {
		t.Fatalf("decision A: exit %d, %+v\n%s", code, one.Draws, stderr)
	}
}

// steerDraw raises A's team's load behind the store's back and decides
// (and saves) the next such case, drawn with it. It returns that decision.
func steerDraw(t *testing.T, b testBackend, fx *fixture) *triagev1.Decision {
	t.Helper()
	a := fx.byKey["A"].decision
	db := b.raw(t)
	var per string
	if err := db.QueryRow(b.q(`SELECT period FROM assignments WHERE decision_id = ?`), a.GetDecisionId()).Scan(&per); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(b.q(`UPDATE team_load SET assigned = assigned + 1 WHERE team_id = ? AND period = ?`), a.GetAssignment().GetTeamId(), per); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), b.target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	teams, err := routing.Default()
	if err != nil {
		t.Fatal(err)
	}
	f := proto.CloneOf(fx.byKey["A"].filing)
	f.Id = "(2024)辽0102民初1235号"
	steered := decideAndSave(context.Background(), t, caseEngine(t), teams, st, f, fx.byKey["A"].decidedAt, 99)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if steered.GetAssignment() == nil {
		t.Fatal("the steered case was not assigned")
	}
	return steered
}

// checkRedrawSteered checks audit redraw and audit verify both fail on the
// steered decision, the one draw that saw A's team's raised load, and name
// it.
func checkRedrawSteered(t *testing.T, b testBackend, a, steered *triagev1.Decision) {
	t.Helper()
	code, bad, stderr := runRedraw(t, "-store", b.target)
	if code != 1 || bad.OK || bad.Draws.Unexplained != 1 || len(bad.Draws.Checks) != 1 || bad.Draws.Checks[0].DecisionID != steered.GetDecisionId() ||
		!strings.Contains(bad.Draws.Checks[0].Detail, "the draw saw team "+a.GetAssignment().GetTeamId()) {
		t.Fatalf("steered draw: exit %d, %+v\n%s", code, bad.Draws, stderr)
	}
	if !strings.Contains(stderr, "draws FAILED") || !strings.Contains(stderr, steered.GetDecisionId()) {
		t.Errorf("stderr does not name the decision:\n%s", stderr)
	}
	code, vbad, stderr := runVerify(t, b.target)
	if code != 1 || vbad.OK || vbad.Draws == nil || vbad.Draws.OK || len(vbad.Draws.Checks) != 1 || vbad.Draws.Checks[0].DecisionID != steered.GetDecisionId() {
		t.Fatalf("verify, steered draw: exit %d, draws %+v\n%s", code, vbad.Draws, stderr)
	}
	if !strings.Contains(stderr, steered.GetDecisionId()) {
		t.Errorf("verify's stderr does not name the decision:\n%s", stderr)
	}
}

// withoutChecks is r without its list, to compare the counts.
func (r *drawsReport) withoutChecks() *drawsReport {
	c := *r
	c.Checks = nil
	return &c
}

func TestAuditRedrawUsage(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir+"/x.db", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		args []string
		code int
		want string
	}{
		"two decisions":    {[]string{"-store", dir + "/x.db", "a", "b"}, 2, "at most one decision id"},
		"empty decision":   {[]string{"-store", dir + "/x.db", " "}, 2, "decision id is empty"},
		"empty -store":     {[]string{"-store", ""}, 2, "-store is empty"},
		"unknown flag":     {[]string{"-fix"}, 2, "-fix"},
		"unknown decision": {[]string{"-store", dir + "/x.db", "nonesuch"}, 1, "decision not found"},
	} {
		t.Run(name, func(t *testing.T) {
			e, stdout, stderr := testEnv("")
			if code := dispatch(context.Background(), e, append([]string{"audit", "redraw"}, tc.args...)); code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, stderr)
			}
			if stdout.Len() != 0 || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stdout %q; stderr lacks %q:\n%s", stdout, tc.want, stderr)
			}
		})
	}
}

// TestAuditVerifyEveryKindOfTamperedRow: a decision rewritten, two
// decision rows inserted without chain entries and another decision's
// filing key altered, behind the store's back, are all listed in one run,
// on SQLite and PostgreSQL. The rows the chain does not name and the keys
// were checked only after a clean walk, so beside the rewritten record
// the forged rows and the altered key went unreported until it was
// repaired (outside check 27).
func TestAuditVerifyEveryKindOfTamperedRow(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		fx := buildFixture(t, b.target)
		db := b.raw(t)
		checkVerifyClean(t, b, fx, db)
		rewritten, rekeyed := fx.byKey["B"].decision.GetDecisionId(), fx.byKey["I"].decision.GetDecisionId()
		seq := forgeDecision(t, b, db, rewritten)
		var forged []string
		for range 2 {
			id := uuid.Must(uuid.NewV7()).String()
			if _, err := db.Exec(b.q(`INSERT INTO decisions (decision_id, filing_id, case_kind, recommended, needs_review, model_version, rules_version, decided_at, decision, filing, filing_key)
SELECT ?, filing_id, case_kind, recommended, needs_review, model_version, rules_version, decided_at, decision, filing, filing_key FROM decisions WHERE decision_id = ?`), id, rewritten); err != nil {
				t.Fatal(err)
			}
			forged = append(forged, id)
		}
		slices.Sort(forged)
		if _, err := db.Exec(b.q(`UPDATE decisions SET filing_key = ? WHERE decision_id = ?`), "forged-key", rekeyed); err != nil {
			t.Fatal(err)
		}
		var keySeq int64
		if err := db.QueryRow(b.q(`SELECT seq FROM audit_log WHERE record_kind = 'decision' AND record_id = ?`), rekeyed).Scan(&keySeq); err != nil {
			t.Fatal(err)
		}
		code, rep, stderr := runVerify(t, b.target)
		if code != 1 || rep.OK {
			t.Fatalf("exit %d, ok %v\n%s", code, rep.OK, stderr)
		}
		got := slices.Clone(rep.Tampered)
		for i := range got {
			got[i].Detail = ""
		}
		want := []auditProblem{
			{Seq: seq, Kind: "decision", ID: rewritten, Problem: "record altered"},
			{Seq: rep.HeadSeq, Kind: "decision", ID: forged[0], Problem: "record unaudited"},
			{Seq: rep.HeadSeq, Kind: "decision", ID: forged[1], Problem: "record unaudited"},
			{Seq: keySeq, Kind: "decision", ID: rekeyed, Problem: "filing key altered"},
		}
		if diff := cmp.Diff(want, got); diff != "" || rep.TamperedRecords != int64(len(want)) {
			t.Errorf("tampered_records %d, tampered (-want +got):\n%s", rep.TamperedRecords, diff)
		}
		if rep.Problem == nil || rep.Problem.ID != rewritten {
			t.Errorf("problem %+v; want the rewritten record, the first found", rep.Problem)
		}
	})
}
