package store_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// TestGetCaseOneSnapshot: GetCase and GetCaseByFiling read a case in one
// snapshot while conversions are being recorded. Every conversion writes an
// outcome and the re-draw it causes in one transaction, so in any committed
// state the case has one assignment more than it has outcomes (its first
// draw), every re-draw names an outcome of the record and every outcome has
// its re-draw, and the team the case is with is the one of the procedure
// in force (the last outcome's). A read whose outcomes and assignments
// came from different commits (outcomes read, then a conversion commits,
// then assignments read) breaks all three: it shows a re-draw without its
// outcome, and the case on a team of a procedure no outcome has applied.
// Readers run throughout; the writer waits after each commit until a read
// has begun after it, so reads and commits interleave however the
// scheduler runs them.
func TestGetCaseOneSnapshot(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		const id = "7001"
		d, f := civilCase(id)
		if err := s.SaveTriage(ctx, d, f, plan(1, store.TeamSlot{TeamID: "fast", Capacity: 10})); err != nil {
			t.Fatal(err)
		}
		// Each procedure has its own team, so every conversion moves the
		// case and the team says which procedure put it there.
		teamOf := map[triagev1.Procedure]string{
			triagev1.Procedure_PROCEDURE_SMALL_CLAIMS: "fast",
			triagev1.Procedure_PROCEDURE_ORDINARY:     "ordinary",
			triagev1.Procedure_PROCEDURE_SIMPLIFIED:   "simplified",
		}
		const conversions = 60

		var (
			done          atomic.Bool
			started       atomic.Int64 // reads begun
			reads, broken atomic.Int64
			mu            sync.Mutex
			firstBroken   []string
			wg            sync.WaitGroup
		)
		for r := range 2 {
			wg.Go(func() {
				for !done.Load() {
					started.Add(1)
					var c *store.CaseHistory
					var err error
					if r == 0 {
						c, err = s.GetCase(ctx, d.GetDecisionId())
					} else {
						c, err = s.GetCaseByFiling(ctx, f.GetId())
					}
					if err != nil {
						t.Errorf("read %d: %v", r, err)
						return
					}
					reads.Add(1)
					if problem := inconsistency(c, teamOf); problem != "" {
						broken.Add(1)
						mu.Lock()
						if len(firstBroken) < 3 {
							firstBroken = append(firstBroken, problem)
						}
						mu.Unlock()
					}
				}
			})
		}

		procs := []triagev1.Procedure{triagev1.Procedure_PROCEDURE_ORDINARY, triagev1.Procedure_PROCEDURE_SIMPLIFIED}
		for i := range conversions {
			p := procs[i%2]
			o := conversion(id, p)
			rp := &store.ReroutePlan{Keep: map[string]bool{}, Draw: *plan(uint64(i), store.TeamSlot{TeamID: teamOf[p], Capacity: conversions}),
				Reason: "the procedure's own team"}
			a, err := s.SaveConversion(ctx, o, i, rp)
			if err != nil || a.GetTeamId() != teamOf[p] {
				done.Store(true)
				wg.Wait()
				t.Fatalf("conversion %d = %v, %v", i, a, err)
			}
			// A read begun after this commit, so that reads do not all
			// fall before or after the writes.
			for n := started.Load(); started.Load() < n+2 && !t.Failed(); {
				runtime.Gosched()
			}
		}
		done.Store(true)
		wg.Wait()
		if n := broken.Load(); n > 0 {
			t.Errorf("%d of %d reads saw a record no commit left; the first: %q", n, reads.Load(), firstBroken)
		}
		// The last read is after the last commit: the whole record.
		c, err := s.GetCase(ctx, d.GetDecisionId())
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Outcomes) != conversions || inconsistency(c, teamOf) != "" {
			t.Errorf("after the writes: %d outcomes (%s), want %d", len(c.Outcomes), inconsistency(c, teamOf), conversions)
		}
		t.Logf("%d reads during %d conversions", reads.Load(), conversions)
	})
}

// inconsistency says how c is not a record some commit of
// TestGetCaseOneSnapshot left, or "" when it is.
func inconsistency(c *store.CaseHistory, teamOf map[triagev1.Procedure]string) string {
	if len(c.Assignments) != len(c.Outcomes)+1 {
		return fmt.Sprintf("%d outcomes with %d assignments", len(c.Outcomes), len(c.Assignments))
	}
	outcomes := map[string]bool{}
	for _, o := range c.Outcomes {
		outcomes[o.GetOutcomeId()] = true
	}
	for _, a := range c.Assignments[1:] {
		if !outcomes[a.GetOutcomeId()] {
			return fmt.Sprintf("re-draw %s (cursor %s) of outcome %s, which the record lacks", a.GetAssignmentId(), a.GetCursor(), a.GetOutcomeId())
		}
		delete(outcomes, a.GetOutcomeId())
	}
	inForce := c.Decision.GetRecommended()
	if n := len(c.Outcomes); n > 0 {
		inForce = c.Outcomes[n-1].GetProcedure()
	}
	if last := c.Assignments[len(c.Assignments)-1]; last.GetTeamId() != teamOf[inForce] || last.GetProcedure() != inForce {
		return fmt.Sprintf("procedure in force %s, case with team %s for %s", inForce, last.GetTeamId(), last.GetProcedure())
	}
	return ""
}

// TestUndecodableRecordRows: an outcome or assignment row whose stored
// record does not decode (altered by hand; the append-only triggers
// lifted) fails every read that returns it in the same words, naming the
// decision, and not as ErrUnavailable: a retry reads the same bytes. Before
// one decoder served them all, ListOutcomes and ListAssignments said only
// "decode: proto: cannot parse invalid wire-format data".
func TestUndecodableRecordRows(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		d, f := civilCase("7002")
		if err := s.SaveTriage(ctx, d, f, plan(1, store.TeamSlot{TeamID: "fast", Capacity: 10})); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveOutcome(ctx, conversion("7002", triagev1.Procedure_PROCEDURE_ORDINARY)); err != nil {
			t.Fatal(err)
		}
		reads := map[string]func() error{
			"GetCase": func() error { _, err := s.GetCase(ctx, "dec-7002"); return err },
			"GetCaseByFiling": func() error {
				_, err := s.GetCaseByFiling(ctx, f.GetId())
				return err
			},
			"ListOutcomes": func() error { _, err := s.ListOutcomes(ctx, "dec-7002"); return err },
			"ListAssignments": func() error {
				_, err := s.ListAssignments(ctx, "fast", 0, 10)
				return err
			},
			"ScanCases": func() error {
				return s.ScanCases(ctx, time.Time{}, func(store.CaseRecord) error { return nil })
			},
		}
		for _, tt := range []struct {
			table, want string
			reads       []string
		}{
			{"outcomes", `decode: outcome of decision "dec-7002": `, []string{"GetCase", "GetCaseByFiling", "ListOutcomes", "ScanCases"}},
			{"assignments", `decode: assignment of decision "dec-7002": `, []string{"GetCase", "GetCaseByFiling", "ListAssignments", "ScanCases"}},
		} {
			b.exec(t, b.allowChanges(tt.table))
			// A varint cut short: no protobuf message.
			b.exec(t, `UPDATE `+tt.table+` SET `+strings.TrimSuffix(tt.table, "s")+` = ? WHERE decision_id = 'dec-7002'`, []byte{0xff})
			for _, name := range tt.reads {
				err := reads[name]()
				if err == nil || !strings.Contains(err.Error(), tt.want) || errors.Is(err, store.ErrUnavailable) {
					t.Errorf("%s with an undecodable %s row: err = %v, want one containing %q, not ErrUnavailable", name, tt.table, err, tt.want)
				}
			}
			// The next row's reads see only its own damage.
			b.exec(t, `DELETE FROM `+tt.table+` WHERE decision_id = 'dec-7002'`)
		}
	})
}
