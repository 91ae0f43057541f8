package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/store"
)

var noTeam = &triagev1.Reason{Code: "NO_TEAM_CAPACITY", Message: "没有可分配的团队"}

func plan(seed uint64, teams ...store.TeamSlot) *store.AssignmentPlan {
	return &store.AssignmentPlan{Teams: teams, Seed: seed, NoTeam: noTeam}
}

// triageCase is civilCase filed on the given date.
func triageCase(id, filedOn string) (*triagev1.Decision, *triagev1.Filing) {
	d, f := civilCase(id)
	d.FiledOn, f.FiledOn = filedOn, filedOn
	return d, f
}

// cursor parses an assignment's cursor.
func cursor(t testing.TB, a *triagev1.Assignment) int64 {
	t.Helper()
	c, err := strconv.ParseInt(a.GetCursor(), 10, 64)
	if err != nil || c <= 0 {
		t.Fatalf("assignment %s has cursor %q", a.GetAssignmentId(), a.GetCursor())
	}
	return c
}

// teamLoad reads team_load.assigned (0 when there is no row).
func teamLoad(t testing.TB, b *backend, team, period string) int64 {
	t.Helper()
	var n int64
	err := b.raw.QueryRow(b.q(`SELECT COALESCE(MAX(assigned), 0) FROM team_load WHERE team_id = ? AND period = ?`), team, period).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOutcomes(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		if err := save(ctx, s, "1"); err != nil {
			t.Fatal(err)
		}
		if got, err := s.ListOutcomes(ctx, "dec-1"); err != nil || len(got) != 0 {
			t.Fatalf("ListOutcomes before any outcome = %v, %v; want none", got, err)
		}
		want := []*triagev1.Outcome{
			{DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, Change: triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, DecidedBy: "judge-17", DecidedOn: "2024-03-06"},
			{DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_SIMPLIFIED, Change: triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED,
				DecidedBy: "judge-17", LegalBasis: "民事诉讼法第一百六十九条", Reason: "被告提出反诉", DecidedOn: "2024-03-20",
				Previous: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS},
			{DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY, Change: triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY,
				DecidedBy: "president-2", LegalBasis: "民事诉讼法第一百七十条", Reason: "案情复杂", DecidedOn: "2024-04-02",
				Previous:  triagev1.Procedure_PROCEDURE_SIMPLIFIED,
				TimeLimit: &triagev1.TimeLimit{Procedure: triagev1.Procedure_PROCEDURE_ORDINARY, Months: 6, DueOn: "2024-09-05"}},
		}
		before := time.Now()
		ids := map[string]bool{}
		for _, o := range want {
			if err := s.SaveOutcome(ctx, o); err != nil {
				t.Fatalf("SaveOutcome: %v", err)
			}
			if o.OutcomeId == "" || ids[o.OutcomeId] {
				t.Errorf("outcome_id %q: empty or repeated", o.OutcomeId)
			}
			ids[o.OutcomeId] = true
			if at := o.GetRecordedAt().AsTime(); at.Before(before.Add(-time.Second)) || at.After(time.Now().Add(time.Second)) {
				t.Errorf("recorded_at = %v, want about now", at)
			}
		}
		got, err := s.ListOutcomes(ctx, "dec-1")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("ListOutcomes returned %d outcomes, want %d", len(got), len(want))
		}
		for i := range want {
			if diff := cmp.Diff(want[i], got[i], protocmp.Transform()); diff != "" {
				t.Errorf("outcome %d (-want +got):\n%s", i, diff)
			}
		}

		// Unknown decisions.
		o := &triagev1.Outcome{DecisionId: "dec-unknown", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY}
		if err := s.SaveOutcome(ctx, o); !errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrUnavailable) {
			t.Errorf("SaveOutcome(unknown decision) = %v, want ErrNotFound", err)
		}
		if o.OutcomeId != "" || o.RecordedAt != nil {
			t.Errorf("a failed SaveOutcome left outcome_id %q, recorded_at %v", o.OutcomeId, o.RecordedAt)
		}
		if _, err := s.ListOutcomes(ctx, "dec-unknown"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("ListOutcomes(unknown decision) = %v, want ErrNotFound", err)
		}

		// Invalid outcomes are plain errors.
		for name, o := range map[string]*triagev1.Outcome{
			"nil":                  nil,
			"no decision":          {Procedure: triagev1.Procedure_PROCEDURE_ORDINARY},
			"no procedure":         {DecisionId: "dec-1"},
			"NUL in decided_by":    {DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY, DecidedBy: "x\x00"},
			"invalid UTF-8 reason": {DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY, Reason: "\xff"},
		} {
			err := s.SaveOutcome(ctx, o)
			if err == nil || errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrNotFound) {
				t.Errorf("SaveOutcome(%s) = %v, want a plain error", name, err)
			}
		}
		if got, _ := s.ListOutcomes(ctx, "dec-1"); len(got) != len(want) {
			t.Errorf("invalid outcomes were stored: %d outcomes", len(got))
		}
	})
}

func TestSaveTriageAssignsWithinCapacity(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		reg := prometheus.NewRegistry()
		s := b.open(t, store.Options{Registerer: reg})
		ctx := context.Background()
		teams := []store.TeamSlot{{TeamID: "速裁一组", Capacity: 2}, {TeamID: "速裁二组", Capacity: 1}}
		assigned := map[string]int{}
		for i := range 3 {
			d, f := triageCase(fmt.Sprint(i), "2024-03-05")
			p := plan(uint64(1000+i), teams...)
			if err := s.SaveTriage(ctx, d, f, p); err != nil {
				t.Fatalf("SaveTriage #%d: %v", i, err)
			}
			assigned[checkDrawnAssignment(t, ctx, s, i, d, f, p, teams)]++
		}
		if assigned["速裁一组"] != 2 || assigned["速裁二组"] != 1 {
			t.Errorf("assignments per team = %v, want every place taken once", assigned)
		}
		if got := teamLoad(t, b, "速裁一组", "2024-03"); got != 2 {
			t.Errorf("team_load of 速裁一组 = %d, want 2", got)
		}

		checkOverCapacityUnassigned(t, ctx, b, s, teams)

		// Capacity is per intake month: April has room again.
		d, f := triageCase("april", "2024-04-01")
		if err := s.SaveTriage(ctx, d, f, plan(8, teams...)); err != nil || d.GetAssignment() == nil {
			t.Fatalf("SaveTriage in a new month = %v, assignment %v", err, d.GetAssignment())
		}

		if got := value(t, reg, "fenjian_store_assignments_total", "kind", "random"); got != 4 {
			t.Errorf("assignments_total{kind=random} = %v, want 4", got)
		}
		if got := value(t, reg, "fenjian_store_assignments_total", "kind", "designated"); got != 0 {
			t.Errorf("assignments_total{kind=designated} = %v, want 0", got)
		}
		verifyOK(t, s)
	})
}

// checkDrawnAssignment checks the random assignment SaveTriage #i made for d
// (filing f) under plan p of teams, when 3-i places were free: its fields,
// the recorded draw's seed, candidates and free places, that the draw re-runs
// to the team assigned, and that the stored decision carries it. It returns
// the team assigned.
func checkDrawnAssignment(t *testing.T, ctx context.Context, s store.Store, i int, d *triagev1.Decision, f *triagev1.Filing,
	p *store.AssignmentPlan, teams []store.TeamSlot) string {
	t.Helper()
	a := d.GetAssignment()
	if a == nil {
		t.Fatalf("SaveTriage #%d with free capacity made no assignment", i)
	}
	if d.GetNeedsReview() {
		t.Errorf("#%d: assigned decision flagged for review", i)
	}
	if a.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM || a.GetDecisionId() != d.GetDecisionId() ||
		a.GetFilingId() != f.GetId() || a.GetProcedure() != d.GetRecommended() || a.GetAssignmentId() == "" || a.GetAssignedAt() == nil {
		t.Errorf("#%d: assignment %v", i, a)
	}
	cursor(t, a)
	draw := a.GetDraw()
	if draw.GetSeed() != p.Seed || draw.GetAlgorithm() != routing.Algorithm {
		t.Errorf("#%d: draw records seed %d algorithm %q", i, draw.GetSeed(), draw.GetAlgorithm())
	}
	// The candidates are every team of the plan, in plan order, with
	// the capacity and load the draw saw: 2+1 free before any draw,
	// a team that filled up listed with free 0.
	var free int64
	for k, c := range draw.GetCandidates() {
		if c.GetTeamId() != teams[k].TeamID || c.GetCapacity() != teams[k].Capacity || c.GetFree() != c.GetCapacity()-c.GetLoad() {
			t.Errorf("#%d: candidate %d = %v, want team %v with free = capacity - load", i, k, c, teams[k])
		}
		free += c.GetFree()
	}
	if want := int64(3 - i); free != want || len(draw.GetCandidates()) != len(teams) {
		t.Errorf("#%d: candidates offer %d free places, want %d: %v", i, free, want, draw.GetCandidates())
	}
	// Re-running the recorded draw picks the same team.
	j, err := routing.Redraw(draw)
	if err != nil || draw.GetCandidates()[j].GetTeamId() != a.GetTeamId() {
		t.Errorf("#%d: re-running the draw picks %d (%v), the record says %s", i, j, err, a.GetTeamId())
	}
	// The stored decision carries the assignment.
	got, err := s.GetDecision(ctx, d.GetDecisionId())
	if err != nil {
		t.Errorf("#%d: GetDecision: %v", i, err)
	} else if diff := cmp.Diff(d, got, protocmp.Transform()); diff != "" {
		t.Errorf("#%d: GetDecision (-want +got):\n%s", i, diff)
	}
	return a.GetTeamId()
}

// checkOverCapacityUnassigned saves a case when every place of March is
// taken and checks it is stored unassigned and flagged for review, with the
// plan's reason after the earlier one.
func checkOverCapacityUnassigned(t *testing.T, ctx context.Context, b *backend, s store.Store, teams []store.TeamSlot) {
	t.Helper()
	// Every place of March is taken: the next case is stored unassigned
	// and flagged, with the plan's reason.
	d, f := triageCase("over", "2024-03-28")
	d.NeedsReview = false
	d.ReviewReasons = []*triagev1.Reason{{Code: "EARLIER", Message: "earlier reason"}}
	if err := s.SaveTriage(ctx, d, f, plan(7, teams...)); err != nil {
		t.Fatalf("SaveTriage with no capacity: %v", err)
	}
	if d.GetAssignment() != nil || !d.GetNeedsReview() || len(d.GetReviewReasons()) != 2 || cmp.Diff(noTeam, d.GetReviewReasons()[1], protocmp.Transform()) != "" {
		t.Errorf("unassignable decision = assignment %v, needs_review %v, reasons %v", d.GetAssignment(), d.GetNeedsReview(), d.GetReviewReasons())
	}
	got, err := s.GetDecision(ctx, d.GetDecisionId())
	if err != nil {
		t.Errorf("GetDecision(unassigned): %v", err)
	} else if diff := cmp.Diff(d, got, protocmp.Transform()); diff != "" {
		t.Errorf("GetDecision(unassigned) (-want +got):\n%s", diff)
	}
	var review int
	if err := b.raw.QueryRow(b.q(`SELECT needs_review FROM decisions WHERE decision_id = ?`), d.GetDecisionId()).Scan(&review); err != nil || review != 1 {
		t.Errorf("needs_review column = %d, %v; want 1", review, err)
	}
}

func TestSaveTriageWithoutTeams(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()

		// No eligible team: stored, flagged, with the reason.
		d, f := civilCase("none")
		if err := s.SaveTriage(ctx, d, f, &store.AssignmentPlan{NoTeam: noTeam}); err != nil {
			t.Fatal(err)
		}
		if d.GetAssignment() != nil || !d.GetNeedsReview() || len(d.GetReviewReasons()) != 1 {
			t.Errorf("decision without teams = %v", d)
		}
		// No NoTeam reason: flagged all the same.
		d, f = civilCase("none-2")
		if err := s.SaveTriage(ctx, d, f, &store.AssignmentPlan{}); err != nil {
			t.Fatal(err)
		}
		if !d.GetNeedsReview() || len(d.GetReviewReasons()) != 0 {
			t.Errorf("decision without teams or reason = %v", d)
		}
		// A nil plan is SaveDecision: not flagged.
		d, f = civilCase("nil-plan")
		want := proto.Clone(d)
		if err := s.SaveTriage(ctx, d, f, nil); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, d, protocmp.Transform()); diff != "" {
			t.Errorf("SaveTriage(nil plan) changed the decision (-before +after):\n%s", diff)
		}
		verifyOK(t, s)
	})
}

func TestSaveTriageInvalid(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		team := store.TeamSlot{TeamID: "a", Capacity: 5}
		tests := []struct {
			name string
			plan *store.AssignmentPlan
			mod  func(d *triagev1.Decision, f *triagev1.Filing)
			want string
		}{
			{"duplicate team", plan(1, team, team), nil, "twice"},
			{"empty team id", plan(1, store.TeamSlot{Capacity: 1}), nil, "empty team_id"},
			{"zero capacity", plan(1, store.TeamSlot{TeamID: "z"}), nil, `team "z" has capacity 0`},
			{"negative capacity", plan(1, store.TeamSlot{TeamID: "z", Capacity: -2}), nil, `team "z" has capacity -2`},
			{"no filed_on", plan(1, team), func(d *triagev1.Decision, f *triagev1.Filing) { d.FiledOn, f.FiledOn = "", "" }, "filed_on"},
			{"bad filed_on", plan(1, team), func(d *triagev1.Decision, f *triagev1.Filing) { d.FiledOn = "2024-13-01" }, "filed_on"},
			{"preset assignment", plan(1, team), func(d *triagev1.Decision, _ *triagev1.Filing) { d.Assignment = &triagev1.Assignment{TeamId: "a"} }, "assignment"},
			{"dry run", plan(1, team), func(d *triagev1.Decision, _ *triagev1.Filing) { d.DryRun = true }, "dry run"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d, f := civilCase("bad")
				if tt.mod != nil {
					tt.mod(d, f)
				}
				want := proto.Clone(d)
				err := s.SaveTriage(ctx, d, f, tt.plan)
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("SaveTriage = %v, want an error containing %q", err, tt.want)
				}
				if errors.Is(err, store.ErrUnavailable) {
					t.Errorf("reported as ErrUnavailable: %v", err)
				}
				if diff := cmp.Diff(want, d, protocmp.Transform()); diff != "" {
					t.Errorf("a failed SaveTriage changed the decision (-before +after):\n%s", diff)
				}
			})
		}
		if _, err := s.GetDecision(ctx, "dec-bad"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an invalid SaveTriage stored its decision: %v", err)
		}
		if got := teamLoad(t, b, "a", "2024-03"); got != 0 {
			t.Errorf("invalid saves took capacity: team_load = %d", got)
		}
		// The writer survived the panic.
		if err := saveTriageErr(ctx, s, "good", plan(1, team)); err != nil {
			t.Fatal(err)
		}
		verifyOK(t, s)
	})
}

// saveTriageErr saves civilCase(id) with plan p.
func saveTriageErr(ctx context.Context, s store.Store, id string, p *store.AssignmentPlan) error {
	d, f := civilCase(id)
	return s.SaveTriage(ctx, d, f, p)
}

// TestSaveTriageDuplicateKeepsCapacity: a duplicate decision id in a batch of
// triages fails alone, and the draws of the failed shared transaction do not
// count.
func TestSaveTriageDuplicateKeepsCapacity(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		reg := prometheus.NewRegistry()
		s := b.open(t, store.Options{Registerer: reg, MaxBatch: 64})
		ctx := context.Background()
		team := store.TeamSlot{TeamID: "a", Capacity: 100}
		if err := saveTriageErr(ctx, s, "dup", plan(1, team)); err != nil {
			t.Fatal(err)
		}
		// Stall the writer so the triages below queue up and share one
		// transaction.
		release, wg := stallWriter(ctx, t, b, s, reg)
		const n = 10
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() {
				id := fmt.Sprint(i)
				if i == n/2 {
					id = "dup"
				}
				errs[i] = saveTriageErr(ctx, s, id, plan(uint64(i), team))
			})
		}
		waitFor(t, "the batch to queue", func() bool { return store.QueuedSaves(s) == n })
		release()
		wg.Wait()
		for i, err := range errs {
			if i == n/2 {
				if !errors.Is(err, store.ErrDuplicate) {
					t.Errorf("duplicate: %v, want ErrDuplicate", err)
				}
			} else if err != nil {
				t.Errorf("#%d: %v", i, err)
			}
		}
		if got := writeErrors(t, reg, "batch"); got != 1 {
			t.Errorf("write_errors_total{operation=batch} = %v, want 1: the triages did not share a failed transaction", got)
		}
		if got := teamLoad(t, b, "a", "2024-03"); got != n {
			t.Errorf("team_load = %d, want %d (one per stored assignment)", got, n)
		}
		verifyOK(t, s)
	})
}

func TestDesignatedAssignment(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		reg := prometheus.NewRegistry()
		s := b.open(t, store.Options{Registerer: reg})
		ctx := context.Background()
		full := store.TeamSlot{TeamID: "trial-1", Capacity: 1}
		if err := saveTriageErr(ctx, s, "drawn", plan(3, full)); err != nil {
			t.Fatal(err)
		}
		if err := save(ctx, s, "designated"); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: "dec-designated", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY,
			Change: triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN}); err != nil {
			t.Fatal(err)
		}
		// Designating to a full team is allowed: it is the logged exception.
		a := &triagev1.Assignment{DecisionId: "dec-designated", TeamId: "trial-1", DesignatedBy: "president-2", Reason: "关联案件由同一团队审理"}
		if err := s.SaveAssignment(ctx, a); err != nil {
			t.Fatalf("SaveAssignment: %v", err)
		}
		want, _ := civilCase("designated")
		if a.GetAssignmentId() == "" || a.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED || a.GetAssignedAt() == nil ||
			a.GetFilingId() != want.GetFilingId() || a.GetProcedure() != triagev1.Procedure_PROCEDURE_ORDINARY || a.GetDraw() != nil {
			t.Errorf("designated assignment = %v", a)
		}
		cursor(t, a)
		if got := teamLoad(t, b, "trial-1", "2024-03"); got != 2 {
			t.Errorf("team_load = %d, want 2 (drawn + designated beyond capacity)", got)
		}
		// The team counts as full for draws now.
		d, f := civilCase("after")
		if err := s.SaveTriage(ctx, d, f, plan(4, store.TeamSlot{TeamID: "trial-1", Capacity: 2})); err != nil || d.GetAssignment() != nil {
			t.Errorf("draw after designation: %v, assignment %v; want none", err, d.GetAssignment())
		}
		feed, err := s.ListAssignments(ctx, "trial-1", 0, 10)
		if err != nil || len(feed) != 2 || !proto.Equal(feed[1], a) {
			t.Errorf("feed = %v, %v; want the drawn and the designated assignment", feed, err)
		}

		checkSameTeamRefused(t, b, s, a)

		for name, a := range map[string]*triagev1.Assignment{
			"nil":          nil,
			"no decision":  {TeamId: "t", Reason: "r"},
			"no team":      {DecisionId: "dec-designated", Reason: "r"},
			"no reason":    {DecisionId: "dec-designated", TeamId: "t"},
			"random kind":  {DecisionId: "dec-designated", TeamId: "t", Reason: "r", Kind: triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM},
			"with a draw":  {DecisionId: "dec-designated", TeamId: "t", Reason: "r", Draw: &triagev1.Draw{}},
			"NUL team":     {DecisionId: "dec-designated", TeamId: "t\x00", Reason: "r"},
			"bad UTF-8":    {DecisionId: "dec-designated", TeamId: "t", Reason: "\xff"},
			"other filing": {DecisionId: "dec-designated", TeamId: "t", Reason: "r", FilingId: "(2024)other"},
		} {
			err := s.SaveAssignment(ctx, a)
			if err == nil || errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrNotFound) {
				t.Errorf("SaveAssignment(%s) = %v, want a plain error", name, err)
			}
		}
		err = s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: "dec-unknown", TeamId: "t", Reason: "r"})
		if !errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrUnavailable) {
			t.Errorf("SaveAssignment(unknown decision) = %v, want ErrNotFound", err)
		}
		if got := teamLoad(t, b, "t", "2024-03"); got != 0 {
			t.Errorf("refused assignments took capacity: %d", got)
		}
		// dec-designated to trial-1 and dec-contested to trial-2; no refused one.
		if got := value(t, reg, "fenjian_store_assignments_total", "kind", "designated"); got != 2 {
			t.Errorf("assignments_total{kind=designated} = %v, want 2", got)
		}
		verifyOK(t, s)
	})
}

// checkSameTeamRefused: designating a case to the team it is already with
// fails with ErrSameTeam and changes neither the feed nor team_load. a is
// TestDesignatedAssignment's designation of dec-designated to the full
// trial-1, whose feed holds dec-drawn's draw and a.
func checkSameTeamRefused(t *testing.T, b *backend, s store.Store, a *triagev1.Assignment) {
	t.Helper()
	ctx := context.Background()
	// Whether the team has the case by designation or by draw.
	for _, id := range []string{"dec-designated", "dec-drawn"} {
		err := s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: id, TeamId: "trial-1", DesignatedBy: "president-2", Reason: "再次指定"})
		if !errors.Is(err, store.ErrSameTeam) || errors.Is(err, store.ErrUnavailable) {
			t.Errorf("SaveAssignment(%s to its own team) = %v, want ErrSameTeam", id, err)
		}
	}
	if feed, err := s.ListAssignments(ctx, "trial-1", 0, 10); err != nil || len(feed) != 2 || !proto.Equal(feed[1], a) {
		t.Errorf("feed after same-team designations = %v, %v; want still the drawn and the designated assignment", feed, err)
	}
	if got := teamLoad(t, b, "trial-1", "2024-03"); got != 2 {
		t.Errorf("team_load after same-team designations = %d, want still 2", got)
	}
	// Concurrent designations of one case to one team, in one batch or
	// in several: the first moves it, every other is refused.
	if err := save(ctx, s, "contested"); err != nil {
		t.Fatal(err)
	}
	errs := make([]error, 8)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			errs[i] = s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: "dec-contested", TeamId: "trial-2", DesignatedBy: "president-2", Reason: "关联案件"})
		})
	}
	wg.Wait()
	var moved int
	for _, err := range errs {
		switch {
		case err == nil:
			moved++
		case !errors.Is(err, store.ErrSameTeam):
			t.Errorf("concurrent designation = %v, want nil or ErrSameTeam", err)
		}
	}
	if moved != 1 {
		t.Errorf("%d of %d concurrent designations to one team recorded, want 1", moved, len(errs))
	}
	if feed, err := s.ListAssignments(ctx, "trial-2", 0, 10); err != nil || len(feed) != 1 {
		t.Errorf("trial-2 feed = %v, %v; want the one designation", feed, err)
	}
	if got := teamLoad(t, b, "trial-2", "2024-03"); got != 1 {
		t.Errorf("trial-2 team_load = %d, want 1", got)
	}
}

// TestListAssignmentsCursor: a follower resuming after any cursor gets
// exactly the later assignments of its team, once each, in order, also
// after the store is reopened.
func TestListAssignmentsCursor(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		s, err := store.Open(ctx, b.target, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		teams := []store.TeamSlot{{TeamID: "A", Capacity: 1000}, {TeamID: "B", Capacity: 1000}}
		perTeam := map[string][]*triagev1.Assignment{}
		var wg sync.WaitGroup
		var mu sync.Mutex
		for i := range 40 {
			wg.Go(func() {
				d, f := civilCase(fmt.Sprint(i))
				if err := s.SaveTriage(ctx, d, f, plan(uint64(i), teams...)); err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				perTeam[d.GetAssignment().GetTeamId()] = append(perTeam[d.GetAssignment().GetTeamId()], d.GetAssignment())
				mu.Unlock()
				// Unassigned writes in between take seqs too.
				if err := save(ctx, s, fmt.Sprintf("plain-%d", i)); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if len(perTeam["A"]) == 0 || len(perTeam["B"]) == 0 {
			t.Fatalf("draws went to one team only: %d / %d", len(perTeam["A"]), len(perTeam["B"]))
		}
		check := func(s store.Store) {
			for team, want := range perTeam {
				slices.SortFunc(want, func(x, y *triagev1.Assignment) int { return int(cursor(t, x) - cursor(t, y)) })
				for k := 0; k <= len(want); k++ {
					var after int64
					if k > 0 {
						after = cursor(t, want[k-1])
					}
					// Page through with a small limit: none twice, none missed.
					var got []*triagev1.Assignment
					for {
						page, err := s.ListAssignments(ctx, team, after, 3)
						if err != nil {
							t.Fatal(err)
						}
						got = append(got, page...)
						if len(page) < 3 {
							break
						}
						after = cursor(t, page[len(page)-1])
					}
					if len(got) != len(want)-k {
						t.Fatalf("team %s after #%d: %d assignments, want %d", team, k, len(got), len(want)-k)
					}
					for i := range got {
						if !proto.Equal(got[i], want[k+i]) {
							t.Fatalf("team %s after #%d: item %d = %v, want %v", team, k, i, got[i], want[k+i])
						}
					}
				}
			}
			if got, err := s.ListAssignments(ctx, "nobody", 0, 10); err != nil || len(got) != 0 {
				t.Errorf("unknown team: %v, %v", got, err)
			}
		}
		check(s)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		check(b.open(t, store.Options{}))

		s = b.open(t, store.Options{})
		for _, bad := range []struct {
			team  string
			after int64
			limit int
		}{{"", 0, 1}, {"A", -1, 1}, {"A", 0, 0}, {"A", 0, 10001}} {
			if _, err := s.ListAssignments(ctx, bad.team, bad.after, bad.limit); err == nil || errors.Is(err, store.ErrUnavailable) {
				t.Errorf("ListAssignments(%q, %d, %d) = %v, want a plain error", bad.team, bad.after, bad.limit, err)
			}
		}
	})
}

// TestTeamChanges checks the feeds' change signal: a commit wakes the
// followers of the teams whose feeds it touched (the team assigned, and the
// team a designation moves the case from) and no one else; a follower that
// takes the channel before reading misses nothing; Close wakes everyone.
func TestTeamChanges(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s, err := store.Open(context.Background(), b.target, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		closed := func(ch <-chan struct{}) bool {
			select {
			case <-ch:
				return true
			default:
				return false
			}
		}
		chA, chB := s.TeamChanges("A"), s.TeamChanges("B")
		if err := save(ctx, s, "plain"); err != nil {
			t.Fatal(err)
		}
		if closed(chA) || closed(chB) {
			t.Errorf("a commit without assignments woke a feed")
		}
		if err := saveTriageErr(ctx, s, "drawn", plan(1, store.TeamSlot{TeamID: "A", Capacity: 5})); err != nil {
			t.Fatal(err)
		}
		if !closed(chA) {
			t.Fatalf("TeamChanges(A) did not fire for an assignment to A")
		}
		if closed(chB) {
			t.Fatalf("TeamChanges(B) fired for an assignment to A")
		}
		if ch := s.TeamChanges("A"); closed(ch) {
			t.Fatalf("the next TeamChanges(A) channel is already closed")
		}
		// A follower: takes the channel, reads, waits; it sees every
		// assignment a concurrent writer commits.
		const n = 20
		seen := make(chan int, 1)
		go func() {
			var after int64
			count := 0
			for count < n {
				ch := s.TeamChanges("A")
				page, err := s.ListAssignments(ctx, "A", after, 100)
				if err != nil {
					t.Error(err)
					break
				}
				for _, a := range page {
					after = cursor(t, a)
				}
				count += len(page)
				if count >= n {
					break
				}
				select {
				case <-ch:
				case <-time.After(10 * time.Second):
					t.Error("follower waited 10s for a change")
					seen <- count
					return
				}
			}
			seen <- count
		}()
		for i := range n - 1 {
			if err := saveTriageErr(ctx, s, fmt.Sprint(i), plan(uint64(i), store.TeamSlot{TeamID: "A", Capacity: 100})); err != nil {
				t.Fatal(err)
			}
		}
		if got := <-seen; got != n {
			t.Errorf("follower saw %d assignments, want %d", got, n)
		}
		// A designation of a case without a team wakes its team only.
		chA, chB = s.TeamChanges("A"), s.TeamChanges("B")
		if err := s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: "dec-plain", TeamId: "B", Reason: "r"}); err != nil {
			t.Fatal(err)
		}
		if !closed(chB) || closed(chA) {
			t.Errorf("designating an unassigned case to B: B woken %v (want true), A woken %v (want false)", closed(chB), closed(chA))
		}
		// Moving A's case to B wakes both: A's feed shows it leaving.
		chB = s.TeamChanges("B")
		if err := s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: "dec-drawn", TeamId: "B", Reason: "r"}); err != nil {
			t.Fatal(err)
		}
		if !closed(chA) || !closed(chB) {
			t.Errorf("moving A's case to B: A woken %v, B woken %v, want both", closed(chA), closed(chB))
		}
		chA = s.TeamChanges("A")
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if !closed(chA) || !closed(s.TeamChanges("C")) {
			t.Errorf("TeamChanges not closed after Close: followers would wait forever")
		}
	})
}

func TestScanCases(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		base := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
		const n = 300
		seedScanCases(t, ctx, s, base, n)

		since := base.Add(5 * time.Hour) // cases 35 and after
		var got []store.CaseRecord
		if err := s.ScanCases(ctx, since, func(c store.CaseRecord) error {
			got = append(got, c)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != n-35 {
			t.Fatalf("ScanCases since %v yielded %d cases, want %d", since, len(got), n-35)
		}
		seen := map[string]bool{}
		for i := range got {
			checkScannedCase(t, got, i, since, seen)
		}

		// From the beginning: the designated assignment is the latest.
		var c10 *store.CaseRecord
		count := 0
		if err := s.ScanCases(ctx, time.Time{}, func(c store.CaseRecord) error {
			count++
			if c.Decision.GetDecisionId() == "dec-010" {
				c10 = &c
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if count != n || c10 == nil {
			t.Fatalf("ScanCases from the beginning: %d cases, dec-010 found %v", count, c10 != nil)
		}
		if c10.Assignment.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED || len(c10.Outcomes) != 2 {
			t.Errorf("dec-010: latest assignment %v, %d outcomes", c10.Assignment, len(c10.Outcomes))
		}

		checkScanStops(t, ctx, s)
	})
}

// seedScanCases saves n civil cases concurrently for TestScanCases, seven
// to an hour from base (more than a page of 256, many sharing a decided_at,
// so the keyset pagination's tie-break on decision_id is exercised), every
// fifth with a draw; cases 10, 11 and 299 get two outcomes each and dec-010
// a designation after its draw.
func seedScanCases(t *testing.T, ctx context.Context, s store.Store, base time.Time, n int) {
	t.Helper()
	// More than a page (256), many sharing a decided_at, so the keyset
	// pagination's tie-break on decision_id is exercised.
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			d, f := civilCase(fmt.Sprintf("%03d", i))
			d.DecidedAt = timestamppb.New(base.Add(time.Duration(i/7) * time.Hour))
			var err error
			if i%5 == 0 {
				err = s.SaveTriage(ctx, d, f, plan(uint64(i), store.TeamSlot{TeamID: "A", Capacity: 1000}))
			} else {
				err = s.SaveDecision(ctx, d, f)
			}
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, i := range []int{10, 11, 299} {
		for k := range 2 {
			if err := s.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: fmt.Sprintf("dec-%03d", i), Procedure: triagev1.Procedure_PROCEDURE_ORDINARY,
				Reason: fmt.Sprint(k)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: "dec-010", TeamId: "B", Reason: "redesignated"}); err != nil {
		t.Fatal(err)
	}
}

// checkScannedCase checks got[i], a case ScanCases yielded since since: not
// yielded before (seen records the ids), in decided_at order, not decided
// before since, with its filing, its latest assignment (every fifth case)
// and its outcomes in order.
func checkScannedCase(t *testing.T, got []store.CaseRecord, i int, since time.Time, seen map[string]bool) {
	t.Helper()
	c := got[i]
	id := c.Decision.GetDecisionId()
	if seen[id] {
		t.Fatalf("%s yielded twice", id)
	}
	seen[id] = true
	if i > 0 && c.Decision.GetDecidedAt().AsTime().Before(got[i-1].Decision.GetDecidedAt().AsTime()) {
		t.Fatalf("case %d (%s) out of decided_at order", i, id)
	}
	if c.Decision.GetDecidedAt().AsTime().Before(since) {
		t.Errorf("%s decided before since", id)
	}
	if c.Filing.GetId() != c.Decision.GetFilingId() {
		t.Errorf("%s: filing %q", id, c.Filing.GetId())
	}
	var num int
	fmt.Sscanf(id, "dec-%d", &num)
	if wantAssigned := num%5 == 0; (c.Assignment != nil) != wantAssigned {
		t.Errorf("%s: assignment %v, want one: %v", id, c.Assignment, wantAssigned)
	} else if diff := cmp.Diff(c.Decision.GetAssignment(), c.Assignment, protocmp.Transform()); wantAssigned && diff != "" {
		t.Errorf("%s: latest assignment differs from the drawn one (-drawn +latest):\n%s", id, diff)
	}
	wantOutcomes := 0
	if num == 299 {
		wantOutcomes = 2
	}
	if len(c.Outcomes) != wantOutcomes {
		t.Errorf("%s: %d outcomes, want %d", id, len(c.Outcomes), wantOutcomes)
	}
	for k, o := range c.Outcomes {
		if o.GetReason() != fmt.Sprint(k) {
			t.Errorf("%s: outcome %d has reason %q: out of order", id, k, o.GetReason())
		}
	}
}

// checkScanStops checks fn's error stops ScanCases and comes back as is, as
// does a canceled context, and that a scan since the future yields nothing.
func checkScanStops(t *testing.T, ctx context.Context, s store.Store) {
	t.Helper()
	// fn's error stops the scan and comes back as is.
	stop := errors.New("enough")
	calls := 0
	err := s.ScanCases(ctx, time.Time{}, func(store.CaseRecord) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("ScanCases with a failing fn = %v after %d calls, want %v after 3", err, calls, stop)
	}
	// So does a canceled context.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.ScanCases(cctx, time.Time{}, func(store.CaseRecord) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("ScanCases(canceled) = %v", err)
	}
	if err := s.ScanCases(ctx, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), func(store.CaseRecord) error {
		t.Error("a case decided in the future")
		return nil
	}); err != nil {
		t.Error(err)
	}
}

// TestNewMethodsAfterClose: every method fails with ErrUnavailable once the
// store is closed.
func TestNewMethodsAfterClose(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s, err := store.Open(context.Background(), b.target, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if err := save(ctx, s, "1"); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		_, err1 := s.ListOutcomes(ctx, "dec-1")
		_, err2 := s.ListAssignments(ctx, "A", 0, 10)
		_, err3 := s.VerifyAudit(ctx)
		for name, err := range map[string]error{
			"SaveTriage":      saveTriageErr(ctx, s, "2", plan(1, store.TeamSlot{TeamID: "A", Capacity: 1})),
			"SaveOutcome":     s.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY}),
			"SaveAssignment":  s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: "dec-1", TeamId: "A", Reason: "r"}),
			"ListOutcomes":    err1,
			"ListAssignments": err2,
			"VerifyAudit":     err3,
			"ScanCases":       s.ScanCases(ctx, time.Time{}, func(store.CaseRecord) error { return nil }),
		} {
			if !errors.Is(err, store.ErrUnavailable) {
				t.Errorf("%s after Close = %v, want ErrUnavailable", name, err)
			}
		}
	})
}

// TestNewTablesAppendOnly: outcomes, assignments and the audit log refuse
// changes; team_load is the one mutable table.
func TestNewTablesAppendOnly(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		if err := saveTriageErr(ctx, s, "1", plan(1, store.TeamSlot{TeamID: "A", Capacity: 5})); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY}); err != nil {
			t.Fatal(err)
		}
		stmts := []string{
			`UPDATE outcomes SET procedure = 'PROCEDURE_SIMPLIFIED'`,
			`DELETE FROM outcomes`,
			`UPDATE assignments SET team_id = 'B'`,
			`DELETE FROM assignments`,
			`UPDATE audit_log SET hash = 'x'`,
			`DELETE FROM audit_log`,
			`DELETE FROM audit_head`,
		}
		if b.name == "postgres" {
			stmts = append(stmts, `TRUNCATE outcomes`, `TRUNCATE assignments`, `TRUNCATE audit_log`, `TRUNCATE audit_head`)
		}
		for _, stmt := range stmts {
			_, err := b.raw.Exec(stmt)
			if err == nil || !strings.Contains(err.Error(), "append-only") && !strings.Contains(err.Error(), "never deleted") {
				t.Errorf("%s: %v, want the append-only trigger's refusal", stmt, err)
			}
		}
		b.exec(t, `UPDATE team_load SET assigned = assigned WHERE team_id = 'A'`)
		verifyOK(t, s)
	})
}

func TestNewTablesSameSchema(t *testing.T) {
	want := map[string][]string{
		"outcomes":    {"outcome_id", "decision_id", "procedure", "change", "decided_by", "recorded_at", "seq", "outcome"},
		"assignments": {"assignment_id", "decision_id", "team_id", "kind", "period", "assigned_at", "seq", "assignment", "previous_team_id"},
		"team_load":   {"team_id", "period", "assigned"},
		"audit_log":   {"seq", "record_kind", "record_id", "record_sha256", "prev_hash", "hash", "recorded_at"},
		"audit_head":  {"id", "seq", "hash", "unchained_decisions"},
	}
	forEachStore(t, func(t *testing.T, b *backend) {
		b.open(t, store.Options{})
		for table, cols := range want {
			rows, err := b.raw.Query(`SELECT * FROM ` + table + ` WHERE 1 = 0`)
			if err != nil {
				t.Fatal(err)
			}
			got, err := rows.Columns()
			rows.Close()
			if err != nil || !slices.Equal(got, cols) {
				t.Errorf("%s columns = %v, %v; want %v", table, got, err, cols)
			}
		}
	})
}

// TestSaveOutcomeAfterConflict: outcomes checked against what the caller read
// cannot both be recorded when they race, in one store or across two stores
// on one database (every request serialises on the chain head).
func TestSaveOutcomeAfterConflict(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s1 := b.open(t, store.Options{})
		s2 := s1
		if b.name == "postgres" {
			s2 = b.open(t, store.Options{}) // a second replica on the same schema
		}
		ctx := context.Background()
		if err := save(ctx, s1, "1"); err != nil {
			t.Fatal(err)
		}
		confirm := func() *triagev1.Outcome {
			return &triagev1.Outcome{DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
				Change: triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, DecidedBy: "judge-17", DecidedOn: "2024-03-06"}
		}
		const racers = 8
		errs := make(chan error, racers)
		var wg sync.WaitGroup
		for i := range racers {
			st := s1
			if i%2 == 1 {
				st = s2
			}
			wg.Go(func() { errs <- st.SaveOutcomeAfter(ctx, confirm(), 0) })
		}
		wg.Wait()
		close(errs)
		ok := 0
		for err := range errs {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, store.ErrConflict):
				t.Errorf("racer failed with %v, want ErrConflict", err)
			}
		}
		if ok != 1 {
			t.Fatalf("%d racers recorded a first outcome, want exactly 1", ok)
		}
		got, err := s2.ListOutcomes(ctx, "dec-1")
		if err != nil || len(got) != 1 {
			t.Fatalf("ListOutcomes = %d outcomes, %v; want 1", len(got), err)
		}
		// The next outcome, checked against the one recorded, goes through.
		next := &triagev1.Outcome{DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_SIMPLIFIED,
			Change: triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED, DecidedBy: "judge-17", DecidedOn: "2024-03-20",
			Previous: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS}
		if err := s1.SaveOutcomeAfter(ctx, next, 1); err != nil {
			t.Fatalf("SaveOutcomeAfter with the right count: %v", err)
		}
		if err := s1.SaveOutcomeAfter(ctx, confirm(), -1); err == nil || errors.Is(err, store.ErrConflict) {
			t.Errorf("negative prior count: %v, want a plain error", err)
		}
	})
}
