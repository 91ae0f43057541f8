package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
	"google.golang.org/protobuf/types/known/timestamppb"
)

// verifyOK fails t unless the audit chain verifies.
func verifyOK(t testing.TB, s store.Store) store.VerifyReport {
	t.Helper()
	rep, err := s.VerifyAudit(context.Background())
	if err != nil {
		t.Fatalf("VerifyAudit: %v", err)
	}
	if !rep.OK {
		t.Fatalf("VerifyAudit: %s", rep)
	}
	return rep
}

// mixedWorkload writes decisions, triages (assigned and not), outcomes and
// designated assignments, and returns how many of each kind of record.
func mixedWorkload(t testing.TB, s store.Store) (decisions, outcomes, assignments int) {
	t.Helper()
	ctx := context.Background()
	teams := []store.TeamSlot{{TeamID: "A", Capacity: 3}, {TeamID: "B", Capacity: 2}}
	for i := range 12 {
		id := fmt.Sprint(i)
		var err error
		var drawn string // the team the draw gave the case, if any
		switch i % 3 {
		case 0:
			err = save(ctx, s, id)
		default:
			d, f := civilCase(id)
			err = s.SaveTriage(ctx, d, f, plan(uint64(i), teams...))
			if d.GetAssignment() != nil {
				assignments++
				drawn = d.GetAssignment().GetTeamId()
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		decisions++
		if i%4 == 1 {
			if err := s.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: "dec-" + id, Procedure: triagev1.Procedure_PROCEDURE_ORDINARY,
				Change: triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY, DecidedBy: "judge-1", Reason: "案情复杂"}); err != nil {
				t.Fatal(err)
			}
			outcomes++
		}
		if i%5 == 4 {
			// To a team the case is not with: one to its own is refused
			// (ErrSameTeam).
			to := "B"
			if drawn == "B" {
				to = "A"
			}
			if err := s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: "dec-" + id, TeamId: to, DesignatedBy: "president-1", Reason: "关联案件"}); err != nil {
				t.Fatal(err)
			}
			assignments++
		}
	}
	return decisions, outcomes, assignments
}

// seqOf returns the audit seq of a record.
func seqOf(t testing.TB, b *backend, kind, id string) int64 {
	t.Helper()
	var seq int64
	if err := b.raw.QueryRow(b.q(`SELECT seq FROM audit_log WHERE record_kind = ? AND record_id = ?`), kind, id).Scan(&seq); err != nil {
		t.Fatalf("seq of %s %s: %v", kind, id, err)
	}
	return seq
}

func TestVerifyAuditMixedWorkload(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		if rep := verifyOK(t, s); rep.Records != 0 || rep.HeadSeq != 0 {
			t.Errorf("empty store: %s", rep)
		}
		decisions, outcomes, assignments := mixedWorkload(t, s)
		rep := verifyOK(t, s)
		if rep.Decisions != int64(decisions) || rep.Outcomes != int64(outcomes) || rep.Assignments != int64(assignments) ||
			rep.Records != rep.HeadSeq || rep.Records != int64(decisions+outcomes+assignments) || rep.UnchainedDecisions != 0 {
			t.Errorf("report %+v, want %d decisions, %d outcomes, %d assignments", rep, decisions, outcomes, assignments)
		}
		t.Log(rep)

		// The chain's rows are what the package documents, so anyone can
		// recompute them: prev_hash links, seqs run 1, 2, 3 ….
		rows, err := b.raw.Query(`SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		prev, want := strings.Repeat("0", 64), int64(1)
		for rows.Next() {
			var seq int64
			var p, h string
			if err := rows.Scan(&seq, &p, &h); err != nil {
				t.Fatal(err)
			}
			if seq != want || p != prev || len(h) != 64 {
				t.Fatalf("audit row %d: prev %s hash %s (want seq %d, prev %s)", seq, p, h, want, prev)
			}
			prev, want = h, want+1
		}
		if prev != rep.HeadHash {
			t.Errorf("head hash %s, last row's %s", rep.HeadHash, prev)
		}

		// Reopened, the chain continues from its head.
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s = b.open(t, store.Options{})
		if err := save(context.Background(), s, "after-reopen"); err != nil {
			t.Fatal(err)
		}
		if rep2 := verifyOK(t, s); rep2.Records != rep.Records+1 {
			t.Errorf("after reopen: %s", rep2)
		}
	})
}

// TestVerifyAuditTampered tampers with the database as an operator with the
// owner's rights could, and expects VerifyAudit to name exactly the first
// tampered row.
func TestVerifyAuditTampered(t *testing.T) {
	type want struct {
		seq     int64
		kind    string
		id      string
		problem store.AuditProblem
	}
	tests := []struct {
		name   string
		tamper func(t *testing.T, b *backend) want
	}{
		{"decision blob altered", func(t *testing.T, b *backend) want {
			b.exec(t, b.allowChanges("decisions"))
			// Two rows altered: the earlier one is reported.
			b.exec(t, `UPDATE decisions SET decision = filing WHERE decision_id IN ('dec-7', 'dec-4')`)
			return want{seqOf(t, b, "decision", "dec-4"), "decision", "dec-4", store.ProblemRecordAltered}
		}},
		{"decision column altered", func(t *testing.T, b *backend) want {
			b.exec(t, b.allowChanges("decisions"))
			b.exec(t, `UPDATE decisions SET recommended = 'PROCEDURE_ORDINARY' WHERE decision_id = 'dec-5'`)
			return want{seqOf(t, b, "decision", "dec-5"), "decision", "dec-5", store.ProblemRecordAltered}
		}},
		{"filing altered", func(t *testing.T, b *backend) want {
			b.exec(t, b.allowChanges("decisions"))
			b.exec(t, `UPDATE decisions SET filing = decision WHERE decision_id = 'dec-3'`)
			return want{seqOf(t, b, "decision", "dec-3"), "decision", "dec-3", store.ProblemRecordAltered}
		}},
		{"outcome altered", func(t *testing.T, b *backend) want {
			b.exec(t, b.allowChanges("outcomes"))
			b.exec(t, `UPDATE outcomes SET procedure = 'PROCEDURE_SIMPLIFIED' WHERE decision_id = 'dec-5'`)
			var id string
			if err := b.raw.QueryRow(`SELECT outcome_id FROM outcomes WHERE decision_id = 'dec-5'`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			return want{seqOf(t, b, "outcome", id), "outcome", id, store.ProblemRecordAltered}
		}},
		{"assignment moved to another team", func(t *testing.T, b *backend) want {
			b.exec(t, b.allowChanges("assignments"))
			var id string
			if err := b.raw.QueryRow(`SELECT assignment_id FROM assignments ORDER BY seq LIMIT 1`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			b.exec(t, `UPDATE assignments SET team_id = 'Z' WHERE assignment_id = ?`, id)
			return want{seqOf(t, b, "assignment", id), "assignment", id, store.ProblemRecordAltered}
		}},
		{"assignment given a team it never left", func(t *testing.T, b *backend) want {
			// previous_team_id '' is outside the digest (rows from before the
			// column); setting it must still show.
			b.exec(t, b.allowChanges("assignments"))
			var id string
			if err := b.raw.QueryRow(`SELECT assignment_id FROM assignments ORDER BY seq LIMIT 1`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			b.exec(t, `UPDATE assignments SET previous_team_id = 'Z' WHERE assignment_id = ?`, id)
			return want{seqOf(t, b, "assignment", id), "assignment", id, store.ProblemRecordAltered}
		}},
		{"assignment id altered", func(t *testing.T, b *backend) want {
			// The check finds assignments by seq (migration 10 dropped
			// SQLite's index on the id); the row found no longer hashes to
			// what the chain recorded.
			b.exec(t, b.allowChanges("assignments"))
			var id string
			if err := b.raw.QueryRow(`SELECT assignment_id FROM assignments ORDER BY seq LIMIT 1`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			seq := seqOf(t, b, "assignment", id)
			b.exec(t, `UPDATE assignments SET assignment_id = 'forged' WHERE assignment_id = ?`, id)
			return want{seq, "assignment", id, store.ProblemRecordAltered}
		}},
		{"assignment moved to another seq", func(t *testing.T, b *backend) want {
			b.exec(t, b.allowChanges("assignments"))
			var id string
			if err := b.raw.QueryRow(`SELECT assignment_id FROM assignments ORDER BY seq LIMIT 1`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			seq := seqOf(t, b, "assignment", id)
			b.exec(t, `UPDATE assignments SET seq = seq + 1000000 WHERE assignment_id = ?`, id)
			return want{seq, "assignment", id, store.ProblemRecordMissing}
		}},
		{"decision deleted", func(t *testing.T, b *backend) want {
			b.exec(t, b.allowChanges("decisions"))
			b.exec(t, `DELETE FROM decisions WHERE decision_id = 'dec-6'`) // no outcome or assignment refers to it
			return want{seqOf(t, b, "decision", "dec-6"), "decision", "dec-6", store.ProblemRecordMissing}
		}},
		{"audit row deleted", func(t *testing.T, b *backend) want {
			seq := seqOf(t, b, "decision", "dec-6")
			b.exec(t, b.allowChanges("audit_log"))
			b.exec(t, `DELETE FROM audit_log WHERE seq = ?`, seq)
			return want{seq, "", "", store.ProblemSeqGap}
		}},
		{"audit hash altered", func(t *testing.T, b *backend) want {
			seq := seqOf(t, b, "decision", "dec-8")
			b.exec(t, b.allowChanges("audit_log"))
			b.exec(t, `UPDATE audit_log SET hash = ? WHERE seq = ?`, strings.Repeat("a", 64), seq)
			return want{seq, "decision", "dec-8", store.ProblemChainBroken}
		}},
		{"record and its digest altered together", func(t *testing.T, b *backend) want {
			seq := seqOf(t, b, "decision", "dec-2")
			b.exec(t, b.allowChanges("audit_log"))
			b.exec(t, `UPDATE audit_log SET record_sha256 = ? WHERE seq = ?`, strings.Repeat("b", 64), seq)
			return want{seq, "decision", "dec-2", store.ProblemChainBroken}
		}},
		{"tail of the log removed", func(t *testing.T, b *backend) want {
			var head int64
			if err := b.raw.QueryRow(`SELECT seq FROM audit_head`).Scan(&head); err != nil {
				t.Fatal(err)
			}
			b.exec(t, b.allowChanges("audit_log"))
			b.exec(t, `DELETE FROM audit_log WHERE seq >= ?`, head-1)
			return want{head, "", "", store.ProblemHeadMismatch}
		}},
		{"decision inserted behind the store's back", func(t *testing.T, b *backend) want {
			b.exec(t, `INSERT INTO decisions SELECT 'dec-forged', filing_id, case_kind, recommended, needs_review,
				model_version, rules_version, decided_at, decision, filing, filing_key FROM decisions WHERE decision_id = 'dec-1'`)
			var head int64
			if err := b.raw.QueryRow(`SELECT seq FROM audit_head`).Scan(&head); err != nil {
				t.Fatal(err)
			}
			return want{head, "decision", "dec-forged", store.ProblemUnaudited} // named: no decision predates the chain
		}},
		{"filing key altered", func(t *testing.T, b *backend) want {
			// Outside the digest: the chain alone passes it.
			b.exec(t, b.allowChanges("decisions"))
			b.exec(t, `UPDATE decisions SET filing_key = 'x' || filing_key WHERE decision_id = 'dec-3'`)
			return want{seqOf(t, b, "decision", "dec-3"), "decision", "dec-3", store.ProblemFilingKeyAltered}
		}},
		{"team load lowered", func(t *testing.T, b *backend) want {
			b.exec(t, `UPDATE team_load SET assigned = 0 WHERE team_id = 'A'`)
			var head int64
			if err := b.raw.QueryRow(`SELECT seq FROM audit_head`).Scan(&head); err != nil {
				t.Fatal(err)
			}
			return want{head, "team_load", "A 2024-03", store.ProblemLoadMismatch}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachStore(t, func(t *testing.T, b *backend) {
				s := b.open(t, store.Options{})
				mixedWorkload(t, s)
				verifyOK(t, s)
				w := tt.tamper(t, b)
				rep, err := s.VerifyAudit(context.Background())
				if err != nil {
					t.Fatalf("VerifyAudit: %v", err)
				}
				t.Log(rep)
				if rep.OK {
					t.Fatalf("VerifyAudit passed a tampered database: %s", rep)
				}
				if rep.Seq != w.seq || rep.RecordKind != w.kind || rep.RecordID != w.id || rep.Problem != w.problem {
					t.Errorf("VerifyAudit = seq %d %s %q %q, want seq %d %s %q %q",
						rep.Seq, rep.RecordKind, rep.RecordID, rep.Problem, w.seq, w.kind, w.id, w.problem)
				}
			})
		})
	}
}

// TestVerifyAuditFilingDecidedTwice: an insider who alters a decided case's
// filing key gets a second decision, and a second team draw, through the
// store's own write path (the outside check did it to a running triaged:
// audit verify passed), then puts the key back so that nothing looks
// altered. The check names the second decision. Near miss: the same two
// decisions, both decided before migration 14 made the store keep one
// decision per filing key, are counted, not failed; the store let them
// through then.
func TestVerifyAuditFilingDecidedTwice(t *testing.T) {
	for _, legacy := range []bool{false, true} {
		t.Run(fmt.Sprintf("legacy=%v", legacy), func(t *testing.T) {
			forEachStore(t, func(t *testing.T, b *backend) {
				ctx := context.Background()
				s := b.open(t, store.Options{})
				mixedWorkload(t, s)
				verifyOK(t, s)

				// Without the tamper the store refuses the second decision.
				again, f := civilCase("3")
				again.DecisionId, again.DecidedAt = "dec-3-again", timestamppb.Now()
				if err := s.SaveDecision(ctx, again, f); !errors.Is(err, store.ErrFilingDecided) {
					t.Fatalf("second decision of one filing: %v, want ErrFilingDecided", err)
				}
				b.exec(t, b.allowChanges("decisions"))
				b.exec(t, `UPDATE decisions SET filing_key = 'x' || filing_key WHERE decision_id = 'dec-3'`)
				if err := s.SaveDecision(ctx, again, f); err != nil {
					t.Fatalf("second decision under an altered key: %v", err)
				}
				b.exec(t, `UPDATE decisions SET filing_key = substr(filing_key, 2) WHERE decision_id = 'dec-3'`)
				if legacy {
					b.exec(t, b.q(`UPDATE schema_migrations SET applied_at = ? WHERE version = 14`), time.Now().Add(time.Hour).UTC().Format(time.RFC3339Nano))
				}

				rep, err := s.VerifyAudit(ctx)
				if err != nil {
					t.Fatalf("VerifyAudit: %v", err)
				}
				t.Log(rep)
				if legacy {
					if !rep.OK || rep.DecidedTwiceBeforeKeys != 1 {
						t.Fatalf("VerifyAudit = %s (%d decided twice before keys), want OK with 1", rep, rep.DecidedTwiceBeforeKeys)
					}
					return
				}
				want := seqOf(t, b, "decision", "dec-3-again")
				if rep.OK || rep.Problem != store.ProblemFilingDecidedTwice || rep.RecordID != "dec-3-again" || rep.Seq != want {
					t.Fatalf("VerifyAudit = %s, want %q for dec-3-again at seq %d", rep, store.ProblemFilingDecidedTwice, want)
				}
				if !strings.Contains(rep.Detail, "dec-3 ") {
					t.Errorf("detail %q does not name the first decision dec-3", rep.Detail)
				}
			})
		})
	}
}

// TestAuditChainStartsAfterMigration: a database written by a binary of
// schema 2 keeps its decisions, which predate the chain; the chain starts
// with the first record written after the upgrade.
func TestAuditChainStartsAfterMigration(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		// Build schema 2 by hand, as the older binary left it.
		if b.name == "sqlite" {
			if err := os.MkdirAll(filepath.Dir(b.target), 0o750); err != nil {
				t.Fatal(err)
			}
		}
		b.exec(t, `CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)`)
		files, err := filepath.Glob(filepath.Join("migrations", b.name, "000[12]_*.sql"))
		if err != nil || len(files) != 2 {
			t.Fatalf("migrations 1 and 2: %v %v", files, err)
		}
		sort.Strings(files)
		for i, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			b.exec(t, string(body))
			b.exec(t, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, i+1, time.Now().UTC().Format(time.RFC3339Nano))
		}
		for i := range 3 {
			d, f := civilCase(fmt.Sprintf("old-%d", i))
			b.exec(t, `INSERT INTO decisions (decision_id, filing_id, case_kind, recommended, needs_review, model_version, rules_version, decided_at, decision, filing)
				VALUES (?, ?, 'CASE_KIND_CIVIL', 'PROCEDURE_SMALL_CLAIMS', 0, 'm', 'r', ?, ?, ?)`,
				d.GetDecisionId(), f.GetId(), d.GetDecidedAt().AsTime().UnixNano(), []byte{}, []byte{})
		}

		s := b.open(t, store.Options{})
		rep := verifyOK(t, s)
		if rep.UnchainedDecisions != 3 || rep.Records != 0 {
			t.Errorf("after the upgrade: %s", rep)
		}
		mixedWorkload(t, s)
		rep = verifyOK(t, s)
		if rep.UnchainedDecisions != 3 || rep.Records == 0 {
			t.Errorf("after new writes: %s", rep)
		}
		// Old decisions take outcomes and designated assignments like any.
		if err := s.SaveOutcome(context.Background(), &triagev1.Outcome{DecisionId: "dec-old-1", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY}); err != nil {
			t.Fatal(err)
		}
		verifyOK(t, s)
	})
}

// TestVerifyAuditDuringWrites: VerifyAudit reads one snapshot, so writes
// committing while it walks the chain never make it fail.
func TestVerifyAuditDuringWrites(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					d, f := civilCase(fmt.Sprintf("g%d-%d", g, i))
					if err := s.SaveTriage(ctx, d, f, plan(uint64(i), store.TeamSlot{TeamID: "A", Capacity: 1 << 30})); err != nil {
						t.Error(err)
						return
					}
					if i%3 == 0 {
						if err := s.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: d.GetDecisionId(), Procedure: triagev1.Procedure_PROCEDURE_ORDINARY}); err != nil {
							t.Error(err)
							return
						}
					}
				}
			})
		}
		var last int64
		for range 20 {
			rep := verifyOK(t, s)
			if rep.Records < last {
				t.Errorf("the chain shrank: %d after %d", rep.Records, last)
			}
			last = rep.Records
		}
		close(stop)
		wg.Wait()
		if rep := verifyOK(t, s); rep.Records <= last {
			t.Logf("no writes after the last check: %s", rep)
		}
	})
}
