package main

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
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

		// Rewrite B's decision behind the store's back, as someone with
		// database access would: drop the append-only trigger and change
		// the recommendation in the stored blob.
		victim := fx.byKey["B"].decision.GetDecisionId()
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
		if _, err := db.Exec(b.q(`UPDATE decisions SET decision = ? WHERE decision_id = ?`), forged, victim); err == nil {
			t.Fatal("the append-only trigger let an UPDATE through")
		}
		if _, err := db.Exec(b.dropTrigger); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(b.q(`UPDATE decisions SET decision = ? WHERE decision_id = ?`), forged, victim); err != nil {
			t.Fatal(err)
		}
		var seq int64
		if err := db.QueryRow(b.q(`SELECT seq FROM audit_log WHERE record_kind = 'decision' AND record_id = ?`), victim).Scan(&seq); err != nil {
			t.Fatal(err)
		}

		code, bad, stderr := runVerify(t, b.target)
		if code != 1 || bad.OK {
			t.Fatalf("tampered store: exit %d, ok %v\n%s", code, bad.OK, stderr)
		}
		want := auditProblem{Seq: seq, Kind: "decision", ID: victim, Problem: "record altered"}
		if bad.Problem == nil || bad.Problem.Seq != want.Seq || bad.Problem.Kind != want.Kind ||
			bad.Problem.ID != want.ID || bad.Problem.Problem != want.Problem || bad.Problem.Detail == "" {
			t.Errorf("problem %+v, want %+v with a detail", bad.Problem, want)
		}
		if bad.HeadSeq != rep.HeadSeq || bad.HeadHash != rep.HeadHash || bad.Records != seq-1 {
			t.Errorf("tampered report: head %d %s, %d records checked; want head %d %s, %d checked",
				bad.HeadSeq, bad.HeadHash, bad.Records, rep.HeadSeq, rep.HeadHash, seq-1)
		}
		for _, s := range []string{fmt.Sprintf("FAILED at seq %d", seq), "record altered", victim} {
			if !strings.Contains(stderr, s) {
				t.Errorf("stderr does not name the record (%q):\n%s", s, stderr)
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
