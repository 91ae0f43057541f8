package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/store"
)

// redrawFixture is a store with drawn assignments among two teams in March
// 2024 (at least four), one designation on top of the first, a decision
// left unassigned because both teams were full, and one without an
// eligible team.
type redrawFixture struct {
	s     store.Store
	teams []store.TeamSlot
	drawn []*triagev1.Decision
	// designated is the designation of drawn[0]'s case.
	designated *triagev1.Assignment
	// full is the decision that found both teams full.
	full *triagev1.Decision
}

func newRedrawFixture(t *testing.T, b *backend) *redrawFixture {
	t.Helper()
	ctx := context.Background()
	fx := &redrawFixture{s: b.open(t, store.Options{}), teams: []store.TeamSlot{{TeamID: "trial-a", Capacity: 3}, {TeamID: "trial-b", Capacity: 2}}}
	for i := range 4 {
		d, f := triageCase(fmt.Sprint("r", i), "2024-03-05")
		if err := fx.s.SaveTriage(ctx, d, f, plan(uint64(100+i), fx.teams...)); err != nil || d.GetAssignment() == nil {
			t.Fatalf("SaveTriage #%d = %v, assignment %v", i, err, d.GetAssignment())
		}
		fx.drawn = append(fx.drawn, d)
	}
	fx.designated = &triagev1.Assignment{DecisionId: fx.drawn[0].GetDecisionId(), TeamId: "trial-b",
		DesignatedBy: "president-1", RecordedBy: "clerk-07", Reason: "承办法官回避"}
	if err := fx.s.SaveAssignment(ctx, fx.designated); err != nil {
		t.Fatal(err)
	}
	// Five places, four drawn and one designated: the teams fill up.
	for i := 0; fx.full == nil; i++ {
		d, f := triageCase(fmt.Sprint("r-late", i), "2024-03-10")
		if err := fx.s.SaveTriage(ctx, d, f, plan(uint64(200+i), fx.teams...)); err != nil {
			t.Fatal(err)
		}
		switch {
		case d.GetAssignment() != nil:
			fx.drawn = append(fx.drawn, d)
		case d.GetUnassignedDraw() == nil:
			t.Fatalf("a decision left unassigned among eligible teams has no draw: %v", d)
		default:
			fx.full = d
		}
		if i > 2 {
			t.Fatal("the teams never filled up")
		}
	}
	// No team takes a second designated case's share: a decision with no
	// eligible team is stored unassigned and has nothing to replay.
	d, f := triageCase("unassigned", "2024-03-06")
	if err := fx.s.SaveTriage(ctx, d, f, &store.AssignmentPlan{NoTeam: noTeam}); err != nil {
		t.Fatal(err)
	}
	return fx
}

func redraw(t *testing.T, s store.Store, decisionID string) store.RedrawReport {
	t.Helper()
	rep, err := s.RedrawAssignments(context.Background(), decisionID)
	if err != nil {
		t.Fatalf("RedrawAssignments(%q): %v", decisionID, err)
	}
	return rep
}

// TestRedrawAssignments: a clean store replays every draw from its record;
// one decision's assignments are listed with their verdicts.
func TestRedrawAssignments(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		fx := newRedrawFixture(t, b)
		rep := redraw(t, fx.s, "")
		drawn := int64(len(fx.drawn))
		if !rep.OK || rep.Assignments != drawn+1 || rep.Unassigned != 1 || rep.Explained != drawn+1 || rep.Designated != 1 || rep.Unexplained != 0 || len(rep.Checks) != 0 {
			t.Fatalf("clean store: %+v", rep)
		}
		if want := fmt.Sprintf("draws OK: %d assignments and 1 decisions left unassigned: %d draws replayed, 1 designated", drawn+1, drawn+1); !strings.HasPrefix(rep.String(), want) {
			t.Errorf("summary %q, want %q…", rep.String(), want)
		}
		checkRedrawNoRoom(t, b, fx)

		checkRedrawDrawnAndDesignated(t, fx)
		if r := redraw(t, fx.s, "dec-unassigned"); !r.OK || r.Assignments != 0 {
			t.Errorf("unassigned decision: %+v", r)
		}
		if _, err := fx.s.RedrawAssignments(context.Background(), "dec-nonesuch"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown decision: %v, want ErrNotFound", err)
		}
		verifyOK(t, fx.s)
	})
}

// checkRedrawNoRoom replays the draw of the fixture's decision that found no
// room: it gives no team, every candidate full from the loads the
// assignments before it account for, and the decision is stored as the
// deterministic encoding of what SaveTriage returned.
func checkRedrawNoRoom(t *testing.T, b *backend, fx *redrawFixture) {
	t.Helper()
	// The decision that found no room: its draw gives no team, from the
	// loads the assignments before it account for.
	full := redraw(t, fx.s, fx.full.GetDecisionId())
	if !full.OK || full.Unassigned != 1 || len(full.Checks) != 1 || full.Checks[0].Verdict != store.DrawExplained ||
		full.Checks[0].Kind != "unassigned" || full.Checks[0].Period != "2024-03" {
		t.Errorf("unassigned decision: %+v", full)
	}
	for _, c := range fx.full.GetUnassignedDraw().GetCandidates() {
		if c.GetFree() != 0 || c.GetLoad() < c.GetCapacity() {
			t.Errorf("unassigned draw candidate %v has room", c)
		}
	}
	// Stored as the deterministic encoding, as every record is.
	var blob []byte
	if err := b.raw.QueryRow(b.q(`SELECT decision FROM decisions WHERE decision_id = ?`), fx.full.GetDecisionId()).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	if want, err := (proto.MarshalOptions{Deterministic: true}).Marshal(fx.full); err != nil || string(blob) != string(want) {
		t.Errorf("stored decision is not the deterministic encoding of what SaveTriage returned (%v)", err)
	}
}

// checkRedrawDrawnAndDesignated replays the fixture's first decision: its
// draw is explained and its designation listed with who designated and
// recorded it and why.
func checkRedrawDrawnAndDesignated(t *testing.T, fx *redrawFixture) {
	t.Helper()
	first := fx.drawn[0]
	one := redraw(t, fx.s, first.GetDecisionId())
	if !one.OK || len(one.Checks) != 2 {
		t.Fatalf("decision %s: %+v", first.GetDecisionId(), one)
	}
	if c := one.Checks[0]; c.Verdict != store.DrawExplained || c.AssignmentID != first.GetAssignment().GetAssignmentId() ||
		c.TeamID != first.GetAssignment().GetTeamId() || c.Kind != "ASSIGNMENT_KIND_RANDOM" || c.Period != "2024-03" {
		t.Errorf("the draw: %+v", c)
	}
	if c := one.Checks[1]; c.Verdict != store.DrawDesignated || c.TeamID != "trial-b" ||
		c.Detail != "designated by president-1, recorded by clerk-07: 承办法官回避" {
		t.Errorf("the designation: %+v", c)
	}
}

// assignmentOf reads a stored assignment row's blob.
func assignmentOf(t *testing.T, b *backend, id string) *triagev1.Assignment {
	t.Helper()
	var blob []byte
	if err := b.raw.QueryRow(b.q(`SELECT assignment FROM assignments WHERE assignment_id = ?`), id).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	a := &triagev1.Assignment{}
	if err := proto.Unmarshal(blob, a); err != nil {
		t.Fatal(err)
	}
	return a
}

// rewrite stores a's encoding and team as a's row, as someone with write
// access to the database would.
func rewrite(t *testing.T, b *backend, a *triagev1.Assignment) {
	t.Helper()
	blob, err := proto.MarshalOptions{Deterministic: true}.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	b.exec(t, `UPDATE assignments SET assignment = ?, team_id = ? WHERE assignment_id = ?`, blob, a.GetTeamId(), a.GetAssignmentId())
}

// otherSeed returns a seed with which d's candidates draw another team than
// d's seed does.
func otherSeed(t *testing.T, d *triagev1.Draw) uint64 {
	t.Helper()
	i, err := routing.Redraw(d)
	if err != nil {
		t.Fatal(err)
	}
	for s := range uint64(1000) {
		e := proto.CloneOf(d)
		e.Seed = s
		if j, err := routing.Redraw(e); err == nil && j != i {
			return s
		}
	}
	t.Fatal("no seed draws another team")
	return 0
}

// TestRedrawReportsTampering: a team, a seed or a load changed in the
// database is reported, naming the decision; an assignment recorded before
// draws carried loads is "not replayable", not a failure.
func TestRedrawReportsTampering(t *testing.T) {
	other := map[string]string{"trial-a": "trial-b", "trial-b": "trial-a"}
	tests := []struct {
		name string
		// victim is the index of the drawn decision tampered with.
		victim  int
		tamper  func(t *testing.T, b *backend, a *triagev1.Assignment)
		verdict store.DrawVerdict
		detail  string
	}{
		{"team column", 2, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			b.exec(t, `UPDATE assignments SET team_id = ? WHERE assignment_id = ?`, other[a.GetTeamId()], a.GetAssignmentId())
		}, store.DrawUnexplained, "the row's team_id column is"},
		{"team in row and record", 2, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			a.TeamId = other[a.GetTeamId()]
			rewrite(t, b, a)
		}, store.DrawUnexplained, "and the recorded candidates draw team"},
		{"seed", 1, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			a.Draw.Seed = otherSeed(t, a.GetDraw())
			rewrite(t, b, a)
		}, store.DrawUnexplained, "and the recorded candidates draw team"},
		{"load, free kept", 3, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			a.Draw.Candidates[0].Load++
			rewrite(t, b, a)
		}, store.DrawUnexplained, "the draw cannot be re-run: routing: redraw: candidates[0] (trial-a) records free"},
		{"load, capacity raised to match", 3, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			// free, and so the draw, stay as they were.
			c := a.Draw.Candidates[1]
			c.Load, c.Capacity = c.GetLoad()+1, c.GetCapacity()+1
			rewrite(t, b, a)
		}, store.DrawUnexplained, "assignments to it in 2024-03 precede this one"},
		{"designation without its reason", -1, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			a.Reason = ""
			rewrite(t, b, a)
		}, store.DrawUnexplained, "without designated_by and reason"},
		{"random assignment without its draw", 0, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			a.Draw = nil
			rewrite(t, b, a)
		}, store.DrawUnexplained, "a random assignment without its draw"},
		{"recorded before loads were", 1, func(t *testing.T, b *backend, a *triagev1.Assignment) {
			var old []*triagev1.DrawCandidate
			for _, c := range a.GetDraw().GetCandidates() {
				if c.GetFree() > 0 {
					old = append(old, &triagev1.DrawCandidate{TeamId: c.GetTeamId(), Free: c.GetFree()})
				}
			}
			a.Draw.Candidates = old
			rewrite(t, b, a)
		}, store.DrawNotReplayable, "not replayable (recorded before draws recorded each team's capacity and load)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachStore(t, func(t *testing.T, b *backend) {
				fx := newRedrawFixture(t, b)
				id := fx.designated.GetAssignmentId()
				decision := fx.designated.GetDecisionId()
				if tt.victim >= 0 {
					id, decision = fx.drawn[tt.victim].GetAssignment().GetAssignmentId(), fx.drawn[tt.victim].GetDecisionId()
				}
				b.exec(t, b.allowChanges("assignments"))
				tt.tamper(t, b, assignmentOf(t, b, id))

				rep := redraw(t, fx.s, "")
				if rep.OK != (tt.verdict != store.DrawUnexplained) || len(rep.Checks) == 0 && !rep.OK {
					t.Fatalf("report %+v", rep)
				}
				one := redraw(t, fx.s, decision)
				var got *store.DrawCheck
				for i, c := range one.Checks {
					if c.AssignmentID == id {
						got = &one.Checks[i]
					}
				}
				if got == nil || got.Verdict != tt.verdict || got.DecisionID != decision || !strings.Contains(got.Detail, tt.detail) {
					t.Fatalf("decision %s: %+v; want %s containing %q", decision, one.Checks, tt.verdict, tt.detail)
				}
				if tt.verdict == store.DrawUnexplained {
					if rep.Checks[0].DecisionID != decision || !strings.Contains(rep.String(), "draws FAILED") || !strings.Contains(rep.String(), decision) {
						t.Errorf("whole store: first unexplained %+v, summary %q; want decision %s", rep.Checks[0], rep, decision)
					}
				} else if rep.NotReplayable != 1 || rep.Explained != int64(len(fx.drawn)) {
					t.Errorf("whole store: %+v", rep)
				}
			})
		})
	}
}

// TestRedrawReportsRaisedLoad: team_load raised behind the store's back
// steers the next draw away from the team; the draw records the load it
// saw, and the replay shows it was not the assignments'.
func TestRedrawReportsRaisedLoad(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		fx := newRedrawFixture(t, b)
		ctx := context.Background()
		b.exec(t, `UPDATE team_load SET assigned = 25 WHERE team_id = 'trial-a' AND period = '2024-03'`)
		d, f := triageCase("steered", "2024-03-20")
		if err := fx.s.SaveTriage(ctx, d, f, plan(7, store.TeamSlot{TeamID: "trial-a", Capacity: 30}, store.TeamSlot{TeamID: "trial-b", Capacity: 30})); err != nil {
			t.Fatal(err)
		}
		rep := redraw(t, fx.s, "")
		if rep.OK || rep.Unexplained != 1 || len(rep.Checks) != 1 {
			t.Fatalf("report %+v", rep)
		}
		c := rep.Checks[0]
		if c.DecisionID != d.GetDecisionId() || !strings.Contains(c.Detail, "the draw saw team trial-a at load 25, but") {
			t.Errorf("check %+v; want decision %s with trial-a's load", c, d.GetDecisionId())
		}
	})
}

// TestRedrawUnassigned: a decision left unassigned replays only if its draw
// gives no team from the loads the assignments account for: a record that
// shows a team with room, or a team_load raised to fill the teams, is
// reported naming the decision.
func TestRedrawUnassigned(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		fx := newRedrawFixture(t, b)
		ctx := context.Background()

		// Someone fills both teams of April in team_load, and the next
		// April case finds no room.
		b.exec(t, `INSERT INTO team_load (team_id, period, assigned) VALUES ('trial-a', '2024-04', 3), ('trial-b', '2024-04', 2)`)
		d, f := triageCase("pushed", "2024-04-02")
		if err := fx.s.SaveTriage(ctx, d, f, plan(9, fx.teams...)); err != nil || d.GetAssignment() != nil {
			t.Fatalf("SaveTriage = %v, assignment %v; want it left unassigned", err, d.GetAssignment())
		}
		rep := redraw(t, fx.s, "")
		if rep.OK || rep.Unexplained != 1 || rep.Checks[0].DecisionID != d.GetDecisionId() || rep.Checks[0].Kind != "unassigned" ||
			!strings.Contains(rep.Checks[0].Detail, "the draw saw team trial-a at load 3, but 0 assignments") {
			t.Fatalf("report %+v", rep)
		}
		if !strings.Contains(rep.String(), d.GetDecisionId()+" (seq") || !strings.Contains(rep.String(), "left unassigned") {
			t.Errorf("summary %q", rep)
		}

		// The first full decision's record rewritten to show room.
		var blob []byte
		if err := b.raw.QueryRow(b.q(`SELECT decision FROM decisions WHERE decision_id = ?`), fx.full.GetDecisionId()).Scan(&blob); err != nil {
			t.Fatal(err)
		}
		forged := &triagev1.Decision{}
		if err := proto.Unmarshal(blob, forged); err != nil {
			t.Fatal(err)
		}
		c := forged.GetUnassignedDraw().GetCandidates()[0]
		c.Load, c.Free = c.GetCapacity()-1, 1
		if blob, err := (proto.MarshalOptions{Deterministic: true}).Marshal(forged); err != nil {
			t.Fatal(err)
		} else {
			b.exec(t, b.allowChanges("decisions"))
			b.exec(t, `UPDATE decisions SET decision = ? WHERE decision_id = ?`, blob, fx.full.GetDecisionId())
		}
		one := redraw(t, fx.s, fx.full.GetDecisionId())
		if one.OK || len(one.Checks) != 1 || !strings.Contains(one.Checks[0].Detail, "the draw gives team trial-a, which had room, yet the case was left unassigned") {
			t.Errorf("forged room: %+v", one)
		}
	})
}
