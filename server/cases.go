package server

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/internal/logattr"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

// CaseStore is the store a Service requires: decisions with their random
// assignment in one transaction, outcomes, designated assignments and team
// feeds. *store.SQLite and *store.Postgres satisfy it.
type CaseStore interface {
	DecisionStore
	SaveTriage(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing, plan *store.AssignmentPlan) error
	SaveConversion(ctx context.Context, o *triagev1.Outcome, prior int, plan *store.ReroutePlan) (*triagev1.Assignment, error)
	ListOutcomes(ctx context.Context, decisionID string) ([]*triagev1.Outcome, error)
	GetCase(ctx context.Context, decisionID string) (*store.CaseHistory, error)
	GetCaseByFiling(ctx context.Context, filingID string) (*store.CaseHistory, error)
	GetFiling(ctx context.Context, decisionID string) (*triagev1.Filing, error)
	SaveAssignment(ctx context.Context, a *triagev1.Assignment) error
	ListAssignments(ctx context.Context, teamID string, afterCursor int64, limit int) ([]*triagev1.Assignment, error)
	TeamChanges(teamID string) <-chan struct{}
	AuditHead(ctx context.Context) (store.AuditHead, error)
}

// NoTeamCode is the review reason of a decision no team could take.
const NoTeamCode = "NO_TEAM_CAPACITY"

var noTeam = &triagev1.Reason{
	Code:    NoTeamCode,
	Article: "法发〔2021〕30号（随机分案为主、指定分案为辅）",
	Message: "没有可承接且尚有余量的审判团队，需人工指定分案。",
}

// feedPageSize bounds one read of a team's feed.
const feedPageSize = 100

// plan builds the random draw for a decision by the teams table ts: the
// eligible teams in file order with their capacities and a fresh seed. The
// store draws with the loads it reads under its write lock (routing.Pick).
// ts is one table, read once by the caller: a reload swapping the table
// meanwhile does not mix two tables in one decision's routing.
func (s *Service) plan(ts *routing.Teams, d *triagev1.Decision, f *triagev1.Filing) *store.AssignmentPlan {
	p := planFor(ts, ts.Eligible(d, f))
	p.Reason = juvenileNote(ts, routing.CaseKindOf(d, f), f)
	if p.Reason != "" {
		// Left unassigned, the case carries the note in its review reason,
		// for the person who designates its team.
		p.NoTeam = proto.CloneOf(noTeam)
		p.NoTeam.Message += p.Reason
	}
	return p
}

// juvenileNote is what the assignment of a case of kind k says about its
// minor defendant, "" when nothing: the court has no juvenile team, so the
// case was drawn as any other (刑诉法解释第五百五十条第一款 wants a
// 未成年人案件审判组织); or it has an adult co-defendant and was drawn among
// the juvenile teams, the president deciding otherwise by designation
// (第三款). The note goes on the assignment, not into review_reasons: a
// review reason would set needs_review and keep the case off every
// fast-track team, changing the route the court's file gives it, and the
// draw record (algorithm, candidates) is what replays the draw, not a place
// for prose.
func juvenileNote(ts *routing.Teams, k triagev1.CaseKind, f *triagev1.Filing) string {
	switch {
	case !routing.JuvenileCase(k, f):
		return ""
	case !ts.HasJuvenile():
		return routing.NoJuvenileTeamNote
	case routing.AdultCoDefendant(f):
		return routing.JuvenileCoDefendantNote
	}
	return ""
}

// juvenileOnly reports whether the case must stay with juvenile teams: the
// court has one, and every defendant of the case of kind k in filing f is a
// minor (刑诉法解释第五百五十条第一款). With an adult co-defendant the
// president decides (第三款): the draw still goes to the juvenile teams,
// but a designation elsewhere is lawful.
func juvenileOnly(ts *routing.Teams, k triagev1.CaseKind, f *triagev1.Filing) bool {
	return ts.HasJuvenile() && routing.JuvenileCase(k, f) && !routing.AdultCoDefendant(f)
}

// caseFiling is the filing of decision id as the court last corrected it:
// o's correction when o carries one (o may be nil), else the latest
// recorded in prior, else the filing as decided.
func caseFiling(ctx context.Context, cs CaseStore, id string, prior []*triagev1.Outcome, o *triagev1.Outcome) (*triagev1.Filing, error) {
	if f := o.GetCorrection().GetFiling(); f != nil {
		return f, nil
	}
	for i := len(prior) - 1; i >= 0; i-- {
		if f := prior[i].GetCorrection().GetFiling(); f != nil {
			return f, nil
		}
	}
	f, err := cs.GetFiling(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get filing: %w", err)
	}
	return f, nil
}

// planFor builds a random draw among eligible, teams of ts: the teams in
// file order with their capacities, a fresh seed, and ts's version for the
// assignment's record.
func planFor(ts *routing.Teams, eligible []routing.Team) *store.AssignmentPlan {
	p := &store.AssignmentPlan{
		Teams:        make([]store.TeamSlot, 0, len(eligible)),
		Seed:         routing.NewSeed(),
		NoTeam:       noTeam,
		TeamsVersion: ts.Version(),
	}
	for _, t := range eligible {
		p.Teams = append(p.Teams, store.TeamSlot{TeamID: t.ID, Capacity: t.Capacity})
	}
	return p
}

// RecordOutcome validates an outcome against the decision, the outcomes
// before it and the law, fills in what the server knows (the previous
// procedure, the time limit) and stores it.
func (s *Service) RecordOutcome(ctx context.Context, req *triagev1.RecordOutcomeRequest) (*triagev1.RecordOutcomeResponse, error) {
	start := time.Now()
	resp, err := s.recordOutcome(ctx, req)
	s.storeFailed(withContext(ctx, err))
	attrs := []slog.Attr{
		slog.String("decision_id", logID(req.GetOutcome().GetDecisionId())),
		slog.String("change", req.GetOutcome().GetChange().String()),
		slog.String("procedure", req.GetOutcome().GetProcedure().String()),
	}
	if resp.GetReplayed() {
		attrs = append(attrs, slog.Bool("replayed", true))
	}
	s.logCall(ctx, "RecordOutcome", start, err, attrs...)
	if err != nil {
		return nil, toStatus(withContext(ctx, err)).Err()
	}
	return resp, nil
}

func (s *Service) recordOutcome(ctx context.Context, req *triagev1.RecordOutcomeRequest) (*triagev1.RecordOutcomeResponse, error) {
	in := req.GetOutcome()
	if in == nil {
		return nil, &fieldError{Field: "outcome", Problem: "is required"}
	}
	id, err := validDecisionID(in.GetDecisionId(), "outcome.decision_id")
	if err != nil {
		return nil, err
	}
	if err := s.refuseWrite("RecordOutcome"); err != nil {
		return nil, err
	}
	// The outcome is checked against the outcomes before it, so two calls
	// for one decision must not both check against the same record.
	cs, d, prior, unlock, err := s.lockCase(ctx, id)
	if err != nil {
		return nil, err
	}
	defer unlock()
	// What the server owns is set here, whatever the client sent; the
	// decision id in its canonical form, as the decision is stored.
	o := clientOutcome(in)
	o.DecisionId = id
	// Who entered it, beside who decided it (a clerk for a judge): the
	// proved caller, never what the client says.
	if o.RecordedBy, err = recorder(ctx); err != nil {
		return nil, err
	}

	// A retry of the call that recorded the latest outcome is answered that
	// outcome: checked as new, it would be refused (a second confirmation,
	// a conversion from a procedure no longer in force).
	replay := func(outcomes []*triagev1.Outcome) (*triagev1.RecordOutcomeResponse, error) {
		want := clientOutcome(o)
		want.DecisionId = id
		last, moved, err := s.replayedOutcome(ctx, cs, outcomes, want, o.GetRecordedBy())
		if err != nil || last == nil {
			return nil, err
		}
		s.metrics.observeReplay("RecordOutcome")
		return &triagev1.RecordOutcomeResponse{Outcome: last, Reassignment: moved, Replayed: true}, nil
	}
	if resp, err := replay(prior); resp != nil || err != nil {
		return resp, err
	}
	o.Previous = rules.CurrentProcedure(d, prior)
	eng, err := s.rulesFor(d)
	if err != nil {
		return nil, err
	}
	// A correction is compared with the filing as decided; the fields that
	// differ are the server's to say, whatever the client sent.
	var original *triagev1.Filing
	if c := o.GetCorrection(); c != nil {
		c.ChangedFields = nil
		if original, err = cs.GetFiling(ctx, id); err != nil {
			return nil, fmt.Errorf("get filing: %w", err)
		}
	}
	// rec holds the facts as last corrected, evaluated once for the
	// check, the time limit, the review and the routing below.
	rec, err := eng.CheckOutcomeRecord(d, original, prior, o)
	if err != nil {
		return nil, err
	}
	// decided_by is "an id (judge, president)" (api): a clerk names one
	// the court has given that role. Checked once the outcome is (a
	// malformed decided_by is INVALID_ARGUMENT naming its character).
	// A team clerk's entry is written only if the case is still with the
	// team checked (wctx; another replica may move it meanwhile).
	wctx, err := enteredFor(ctx, "outcome.decided_by", o.GetDecidedBy(), caseTeam(ctx, cs, id), auth.Judge, auth.President)
	if err != nil {
		return nil, err
	}
	// The prosecution's sentencing recommendation (kind and term) chooses
	// a criminal limit's extension text; it is in the filing as last
	// corrected.
	var sentence *triagev1.Circumstances
	if d.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
		f, err := caseFiling(ctx, cs, id, prior, o)
		if err != nil {
			return nil, err
		}
		sentence = f.GetCircumstances()
	}
	tl, err := rec.TimeLimit(sentence)
	if err != nil {
		return nil, fmt.Errorf("time limit: %w", err)
	}
	o.TimeLimit = tl
	// A late conversion is recorded, with what the court should check
	// (rules.OutcomeReview; audit round 16).
	if o.ReviewReasons, err = rec.Review(tl); err != nil {
		return nil, fmt.Errorf("outcome review: %w", err)
	}
	// The case as the teams read it once o is recorded: a correction can
	// require a panel or review that the facts first filed did not.
	plan, err := s.reroutePlan(ctx, cs, rec.RoutingView(), prior, o)
	if err != nil {
		return nil, err
	}
	// The in-process lock above orders this replica's calls; the store's
	// check orders all replicas (ErrConflict → ABORTED: re-read and retry).
	moved, err := cs.SaveConversion(wctx, o, len(prior), plan)
	if errors.Is(err, store.ErrConflict) {
		// Another replica recorded an outcome meanwhile: the same one, when
		// two copies of this request raced.
		outcomes, lerr := cs.ListOutcomes(ctx, id)
		if lerr != nil {
			return nil, fmt.Errorf("list outcomes: %w", lerr)
		}
		if resp, rerr := replay(outcomes); resp != nil || rerr != nil {
			return resp, rerr
		}
	}
	if err != nil {
		return nil, fmt.Errorf("save outcome: %w", err)
	}
	s.metrics.observeOutcome(d, o)
	if moved != nil {
		s.metrics.observeDraw(d.GetFiledOn(), moved)
	}
	return &triagev1.RecordOutcomeResponse{Outcome: o, Reassignment: moved}, nil
}

// reroutePlan is what the store needs to move a case whose outcome o
// changes its procedure, corrects its facts or forms a panel, off a team
// that may not hold it now (nil when none happens, or the server has no
// teams): the teams that may keep it, by the rules a designation is checked
// with (teamRefuses), and a draw among the teams the case would be drawn
// among at triage under the new procedure. The draw is the same routing
// plan Triage makes. d is the decision as last corrected (rules'
// OutcomeRecord.RoutingView, what Engine.RoutingView returns); prior
// are the outcomes recorded before o.
func (s *Service) reroutePlan(ctx context.Context, cs CaseStore, d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome) (*store.ReroutePlan, error) {
	// A panel ruled under the procedure in force (CPL 43, 刑诉法解释第三百
	// 六十六条) takes the case off a 速裁团队 as a panel the law requires
	// does (teamRefuses); until rules 2026-12-04.5 it stayed (audit round 15).
	panel := rules.PanelRuled(d, append(slices.Clip(prior), o))
	// One table for the whole plan (a reload may swap it meanwhile).
	ts := s.teams.Teams()
	if ts == nil || (o.GetProcedure() == o.GetPrevious() && o.GetCorrection() == nil && !panel) {
		return nil, nil
	}
	// The filing as last corrected, not as first filed: a defendant an
	// earlier correction found to be a minor keeps his case with the
	// juvenile teams through every later conversion.
	f, err := caseFiling(ctx, cs, d.GetDecisionId(), prior, o)
	if err != nil {
		return nil, err
	}
	proc := o.GetProcedure()
	k := routing.CaseKindOf(d, f)
	juvenile := juvenileOnly(ts, k, f)
	// What happened, then why the team the case leaves may not hold it:
	// the rule a designation there would be refused by. A generic "the
	// team does not take these cases" was recorded of a 速裁团队 that takes
	// them, left because a correction found the defendant a minor or the
	// law now asks for a panel (outside check 13).
	// In Chinese: team leads read it on both feeds, and a judge in the
	// case's record (outside check 14 found enum names and English there).
	ch := o.GetChange()
	what := rules.ChangeName(ch)
	switch {
	case proc != o.GetPrevious() && ch == triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN:
		what = fmt.Sprintf("%s（%s → %s）", what, rules.ProcedureName(o.GetPrevious()), rules.ProcedureName(proc))
	case proc != o.GetPrevious():
		// A conversion's name says both procedures.
	case o.GetCorrection() == nil && ch != triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL:
		what = fmt.Sprintf("%s（%s），已裁定由合议庭审理", what, rules.ProcedureName(proc))
	default:
		what = fmt.Sprintf("%s（%s）", what, rules.ProcedureName(proc))
	}
	if c := o.GetCorrection(); c != nil {
		what += fmt.Sprintf("，并更正立案信息（%s）", strings.Join(c.GetChangedFields(), "、"))
	}
	note := ""
	if n := juvenileNote(ts, k, f); n != "" {
		note = " " + n
	}
	keep, refusals := map[string]bool{}, map[string]string{}
	for _, t := range ts.All() {
		if err := teamRefuses(t, d, proc, panel, juvenile); err != nil {
			refusals[t.ID] = what + "；" + err.Error() + note
		} else {
			keep[t.ID] = true
		}
	}
	return &store.ReroutePlan{
		Keep:     keep,
		Draw:     *planFor(ts, ts.EligibleCase(k, proc, f.GetCause(), panel || routing.OffFastTrack(d, proc), routing.JuvenileCase(k, f))),
		Reason:   what + "；原承办团队已不在团队文件中" + note,
		Refusals: refusals,
	}, nil
}

// RulesSource is implemented by a Decider that can tell the rules it
// decides with (*triage.Engine does).
type RulesSource interface {
	Rules() *rules.Engine
}

// rulesFor returns the rules an outcome of decision d is checked with, its
// corrections re-evaluated by and its due date counted with.
//
// They are the rules d was decided with when the server still has them: the
// decider's current rules, or the embedded ones (a server started with
// -rules that decided earlier cases on the built-in file), matched on
// d.rules_version. Otherwise, for a decision made under a rules file or a
// build this process no longer has, they are the current rules: the law the
// court applies today, and the decision's own options still bar what they
// barred. Due dates always count with the current holiday calendar, the
// operator's latest (-holidays).
func (s *Service) rulesFor(d *triagev1.Decision) (*rules.Engine, error) {
	var current *rules.Engine
	if src, ok := s.decider.(RulesSource); ok {
		current = src.Rules()
	}
	if current != nil && current.Version() == d.GetRulesVersion() {
		return current, nil
	}
	s.cases.init()
	embedded, err := s.cases.embeddedRules()
	if err != nil {
		return nil, fmt.Errorf("rules for decision %s (rules %s): %w", d.GetDecisionId(), d.GetRulesVersion(), err)
	}
	switch {
	case current == nil:
		return embedded, nil
	case embedded.Version() == d.GetRulesVersion():
		return embedded.WithHolidays(current.Holidays()), nil
	default:
		return current, nil
	}
}

// AssignCase records a designated assignment (指定分案): the logged
// exception to the random draw, with who designated and why.
func (s *Service) AssignCase(ctx context.Context, req *triagev1.AssignCaseRequest) (*triagev1.AssignCaseResponse, error) {
	start := time.Now()
	a, replayed, err := s.assignCase(ctx, req)
	s.storeFailed(withContext(ctx, err))
	attrs := []slog.Attr{slog.String("decision_id", logID(req.GetDecisionId())), slog.String("team_id", logID(req.GetTeamId()))}
	if replayed {
		attrs = append(attrs, slog.Bool("replayed", true))
	}
	s.logCall(ctx, "AssignCase", start, err, attrs...)
	if err != nil {
		return nil, toStatus(withContext(ctx, err)).Err()
	}
	return &triagev1.AssignCaseResponse{Assignment: a, Replayed: replayed}, nil
}

// assignCase records the designation; replayed is true when it answers the
// case's latest assignment, the same designation by the same identity
// (replayedDesignation), and records nothing.
func (s *Service) assignCase(ctx context.Context, req *triagev1.AssignCaseRequest) (_ *triagev1.Assignment, replayed bool, _ error) {
	id, err := validDecisionID(req.GetDecisionId(), "decision_id")
	if err != nil {
		return nil, false, err
	}
	// One table for the whole designation (a reload may swap it meanwhile).
	ts := s.teams.Teams()
	if ts == nil {
		return nil, false, &preconditionError{rule: "NO_TEAMS", msg: "the server has no teams file"}
	}
	team, ok := ts.Team(req.GetTeamId())
	if !ok {
		return nil, false, &fieldError{Field: "team_id", Problem: fmt.Sprintf("%q is not a team of the teams file", clip(req.GetTeamId()))}
	}
	if err := rules.ValidatePersonID("designated_by", req.GetDesignatedBy()); err != nil {
		return nil, false, err
	}
	// Checked as sent, before trimming: TrimSpace would drop a leading
	// NEL (U+0085), and the position reported is in what the caller sent.
	if err := rules.ValidateText("reason", req.GetReason(), rules.MultiLine); err != nil {
		return nil, false, err
	}
	reason := strings.TrimSpace(req.GetReason())
	switch {
	case reason == "":
		return nil, false, &fieldError{Field: "reason", Problem: "is required: a designated assignment must say why"}
	case utf8.RuneCountInString(reason) > 2000:
		return nil, false, &fieldError{Field: "reason", Problem: "is longer than 2,000 characters"}
	}
	if err := s.refuseWrite("AssignCase"); err != nil {
		return nil, false, err
	}
	// The procedure in force is read from the outcomes: no outcome of this
	// decision may be recorded in between.
	cs, d, prior, unlock, err := s.lockCase(ctx, id)
	if err != nil {
		return nil, false, err
	}
	defer unlock()
	proc := rules.CurrentProcedure(d, prior)
	// As last corrected: corrected facts may require a panel or review.
	eng, err := s.rulesFor(d)
	if err != nil {
		return nil, false, err
	}
	rd, err := eng.RoutingView(d, prior, nil)
	if err != nil {
		return nil, false, err
	}
	f, err := caseFiling(ctx, cs, id, prior, nil)
	if err != nil {
		return nil, false, err
	}
	if err := teamRefuses(team, rd, proc, rules.PanelRuled(d, prior), juvenileOnly(ts, routing.CaseKindOf(d, f), f)); err != nil {
		return nil, false, err
	}
	by, err := recorder(ctx)
	if err != nil {
		return nil, false, err
	}
	a := &triagev1.Assignment{
		DecisionId:   d.GetDecisionId(),
		FilingId:     d.GetFilingId(),
		TeamId:       team.ID,
		Kind:         triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED,
		Procedure:    proc,
		DesignatedBy: req.GetDesignatedBy(),
		Reason:       reason,
		RecordedBy:   by,
		TeamsVersion: ts.Version(),
	}
	wctx, err := enteredFor(ctx, "designated_by", req.GetDesignatedBy(), caseTeam(ctx, cs, d.GetDecisionId()), auth.President)
	if err != nil {
		// A team clerk's designation moves the case off the clerk's team,
		// so the same request sent again (its answer lost, or UNAVAILABLE
		// "may be stored" after a lost commit) finds the case with a team
		// the clerk does not serve. It is answered the designation stored,
		// as every retry by the identity that recorded it is (replay.go);
		// it was refused PERMISSION_DENIED, leaving the client unable to
		// tell whether its designation was stored (outside check 28).
		stored, rerr := replayedDesignation(ctx, cs, a)
		switch {
		case rerr != nil:
			return nil, false, rerr
		case stored != nil:
			s.metrics.observeReplay("AssignCase")
			return stored, true, nil
		}
		return nil, false, err
	}
	if err := cs.SaveAssignment(wctx, a); err != nil {
		if errors.Is(err, store.ErrSameTeam) {
			// The case is with the team already: by this very request, when
			// it is a retry (sent again, or racing a copy of itself on
			// another replica), which is answered the designation stored.
			stored, rerr := replayedDesignation(ctx, cs, a)
			if rerr != nil {
				return nil, false, rerr
			}
			if stored != nil {
				s.metrics.observeReplay("AssignCase")
				return stored, true, nil
			}
			// Checked by the store, in the transaction that would record it:
			// under the chain lock, so no other replica's designation slips in.
			return nil, false, &preconditionError{rule: "ALREADY_WITH_TEAM",
				msg: fmt.Sprintf("本案已由%s承办，再次指定该团队不改变承办团队。", teamLabel(team))}
		}
		return nil, false, fmt.Errorf("save assignment: %w", err)
	}
	s.metrics.observeDesignation(d.GetFiledOn(), a, team.Capacity)
	return a, false, nil
}

// teamRefuses says why team may not hold decided case d under procedure
// proc, nil when it may: a designation is checked with it, and a conversion
// moves a case off a team it refuses (reroutePlan). panelRuled: a panel was
// ruled under proc (rules.PanelRuled), which a fast-track team cannot form.
// juvenileOnly: the case must stay with the court's juvenile teams
// (juvenileOnly).
func teamRefuses(team routing.Team, d *triagev1.Decision, proc triagev1.Procedure, panelRuled, juvenileOnly bool) error {
	if !team.Takes(d.GetCaseKind(), proc) {
		return &preconditionError{rule: "TEAM_DOES_NOT_TAKE_CASE",
			msg: fmt.Sprintf("%s不承办适用%s的%s案件。", teamLabel(team), rules.ProcedureName(proc), rules.CaseKindName(d.GetCaseKind()))}
	}
	// 刑诉法解释第五百五十条第一款: a minor defendant's case is tried by the
	// 未成年人案件审判组织, designated or drawn.
	if juvenileOnly && !team.Juvenile {
		return &preconditionError{rule: "JUVENILE_CASE_TO_NON_JUVENILE_TEAM",
			msg: fmt.Sprintf("被告人是未成年人，本院设有未成年人案件审判组织（刑诉法解释第五百五十条第一款）；%s不是未成年人案件审判组织。", teamLabel(team))}
	}
	// 四类案件 and every case flagged for review stay off fast-track teams,
	// designated or not (docs/statutes.md, Review signals); so do cases the
	// law reserves for a panel under the procedure now applied, and cases a
	// court has ruled must be tried by one.
	if team.FastTrack && d.GetNeedsReview() {
		return &preconditionError{rule: "REVIEW_CASE_TO_FAST_TRACK",
			msg: fmt.Sprintf("本案需人工审核，不分入速裁团队；%s是速裁团队。", teamLabel(team))}
	}
	if team.FastTrack && (panelRuled || routing.OffFastTrack(d, proc)) {
		return &preconditionError{rule: "PANEL_CASE_TO_FAST_TRACK",
			msg: fmt.Sprintf("本案适用%s依法应当由合议庭审理；%s是速裁团队，由审判员一人独任审理。", rules.ProcedureName(proc), teamLabel(team))}
	}
	return nil
}

// teamLabel names a team for a clerk, judge or team lead: its name from the
// teams file with its id, which the API and the feeds use (民事速裁团队
// （civil-fast-general）), or the id alone for a team without a name.
func teamLabel(t routing.Team) string {
	if t.Name == "" {
		return t.ID
	}
	return t.Name + "（" + t.ID + "）"
}

// WatchAssignments replays a team's assignments after the cursor, then
// follows new ones until the client goes away. Assignments are read in
// cursor order from the store, whose cursors commit in order, so a client
// that resumes from its last cursor misses nothing and sees nothing twice.
//
// When the server shuts down (StopFeeds) open feeds end with UNAVAILABLE, so
// that their clients reconnect, to another replica or to this one once it is
// back, with their last cursor.
func (s *Service) WatchAssignments(req *triagev1.WatchAssignmentsRequest, stream triagev1.TriageService_WatchAssignmentsServer) error {
	ctx, start := stream.Context(), time.Now()
	err := s.watch(ctx, req, stream)
	s.logCall(ctx, "WatchAssignments", start, err, slog.String("team_id", logID(req.GetTeamId())))
	if errors.Is(err, errFeedsStopped) {
		return status.Error(codes.Unavailable, msgFeedsStopped)
	}
	if err != nil {
		return toStatus(withContext(ctx, err)).Err()
	}
	return nil
}

// StopFeeds ends every open WatchAssignments stream with UNAVAILABLE and
// refuses new ones the same way. A feed otherwise lasts until its client
// leaves, so a graceful stop would wait for it until its deadline: Run calls
// StopFeeds when shutdown begins. It is safe to call more than once.
func (s *Service) StopFeeds() {
	s.cases.init()
	s.cases.stopOnce.Do(func() { close(s.cases.stopped) })
}

// errFeedsStopped ends the feeds of a server that is shutting down. It wraps
// store.ErrUnavailable so that the call is logged as UNAVAILABLE; the client
// gets msgFeedsStopped.
var errFeedsStopped = fmt.Errorf("feeds stopped: server shutting down: %w", store.ErrUnavailable)

const msgFeedsStopped = "server shutting down; reconnect with the last cursor"

// caseState is the case workflow's state in a Service. Its zero value is
// ready to use.
type caseState struct {
	initOnce sync.Once
	// locks serialise, per decision (by hash), the calls that check a
	// request against the decision's outcomes and then record: one slot
	// each, so a waiter can give up when its request ends. They hold within
	// this process; replicas sharing a database are not serialised (the
	// store would have to refuse an outcome recorded on a stale record).
	locks []chan struct{}
	// stopped is closed by StopFeeds.
	stopped  chan struct{}
	stopOnce sync.Once
	// embeddedRules loads the rules built into the binary once, for
	// outcomes of decisions made with them (rulesFor).
	embeddedRules func() (*rules.Engine, error)
}

// decisionLocks is how many stripes the per-decision locks have.
const decisionLocks = 64

func (c *caseState) init() {
	c.initOnce.Do(func() {
		c.locks = make([]chan struct{}, decisionLocks)
		for i := range c.locks {
			c.locks[i] = make(chan struct{}, 1)
		}
		c.stopped = make(chan struct{})
		c.embeddedRules = sync.OnceValues(rules.Default)
	})
}

// lock takes the lock of decision id, or fails when ctx ends first.
func (c *caseState) lock(ctx context.Context, id string) (unlock func(), err error) {
	c.init()
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	l := c.locks[h.Sum32()%decisionLocks]
	select {
	case l <- struct{}{}:
		return func() { <-l }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// feedsStopped is closed once StopFeeds has been called.
func (c *caseState) feedsStopped() <-chan struct{} {
	c.init()
	return c.stopped
}

// heldAssignments reports whether the store has assignments on team's
// feed: a team id as a teams file writes one (routing.ValidTeamID), asked of
// the store only then.
func heldAssignments(ctx context.Context, cs CaseStore, team string) (bool, error) {
	if !routing.ValidTeamID(team) {
		return false, nil
	}
	page, err := cs.ListAssignments(ctx, team, 0, 1)
	if err != nil {
		return false, &storeError{op: "list assignments", err: err}
	}
	return len(page) > 0, nil
}

func (s *Service) watch(ctx context.Context, req *triagev1.WatchAssignmentsRequest, stream triagev1.TriageService_WatchAssignmentsServer) error {
	ts := s.teams.Teams()
	if ts == nil {
		return &preconditionError{rule: "NO_TEAMS", msg: "the server has no teams file"}
	}
	team := req.GetTeamId()
	cs := s.store
	if _, ok := ts.Team(team); !ok {
		// A team the teams file no longer lists (removed by a reload or
		// before a restart) keeps its feed while the store holds
		// assignments of it: its cases stay with it until a conversion or
		// a designation moves them, and each move is on its feed. No new
		// case is drawn to it.
		held, err := heldAssignments(ctx, cs, team)
		if err != nil {
			return err
		}
		if !held {
			return &fieldError{Field: "team_id", Problem: fmt.Sprintf("%q is not a team of the teams file", clip(team))}
		}
	}
	cursor, err := feedCursor(ctx, cs, req.GetAfterCursor())
	if err != nil {
		return err
	}
	stopped := s.cases.feedsStopped()
	feeds := s.metrics.feeds.WithLabelValues(s.metrics.teamIDs.value(team))
	feeds.Inc()
	defer feeds.Dec()
	live := false
	for {
		select {
		case <-stopped:
			return errFeedsStopped
		default:
		}
		// Take the change signal before reading, so a commit between the
		// read and the wait is not slept through.
		changed := cs.TeamChanges(team)
		page, err := cs.ListAssignments(ctx, team, cursor, feedPageSize)
		if err != nil {
			return fmt.Errorf("list assignments: %w", err)
		}
		for _, a := range page {
			if err := stream.Send(feedEvent(team, a)); err != nil {
				return fmt.Errorf("send assignment: %w", err)
			}
			if live {
				s.metrics.observeFeedDelivery(a, time.Now())
			}
			n, err := strconv.ParseInt(a.GetCursor(), 10, 64)
			if err != nil {
				return fmt.Errorf("assignment %s has cursor %q: %w", a.GetAssignmentId(), a.GetCursor(), err)
			}
			cursor = n
		}
		if len(page) == feedPageSize {
			continue // more to replay
		}
		// No timer: the store wakes this feed when a commit, this
		// replica's or (PostgreSQL) another's, touches the team's feed.
		select {
		case <-ctx.Done():
			// The client left or its deadline passed. Never end with OK:
			// a feed has no end, and a client seeing one would stop
			// following (CANCELED or DEADLINE_EXCEEDED instead).
			return ctx.Err()
		case <-stopped:
			return errFeedsStopped
		case <-changed:
		}
		// Past the replay: what the feed sends now was committed while it
		// waited, so its age is the feed's lag.
		live = true
	}
}

// feedCursor parses a feed's after_cursor and checks it against the
// record's head: cursors are audit sequence numbers, so one past the head
// was never given out by this record (a typo, another database's), and a
// feed that waited for it would wait silently for records it has already
// missed.
func feedCursor(ctx context.Context, cs CaseStore, after string) (int64, error) {
	if after == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(after, 10, 64)
	if err != nil || n < 0 {
		return 0, &fieldError{Field: "after_cursor", Problem: "is not a cursor from this feed"}
	}
	head, err := cs.AuditHead(ctx)
	if err != nil {
		return 0, fmt.Errorf("read the record's head: %w", err)
	}
	if n > head.Seq {
		return 0, &fieldError{Field: "after_cursor", Problem: fmt.Sprintf("%d is ahead of the feed's head (%d): not a cursor from this feed", n, head.Seq)}
	}
	return n, nil
}

// feedEvent is assignment a as team's feed shows it: the case arrived, or
// left the team.
func feedEvent(team string, a *triagev1.Assignment) *triagev1.WatchAssignmentsResponse {
	ev := triagev1.FeedEvent_FEED_EVENT_ARRIVED
	if a.GetTeamId() != team {
		ev = triagev1.FeedEvent_FEED_EVENT_LEFT
	}
	return &triagev1.WatchAssignmentsResponse{Assignment: a, Event: ev}
}

// lockCase takes this replica's lock on decision id and reads the decision
// and its outcomes under it, for a call that checks a write against them.
// The caller must call unlock once the write is done; on error nothing is
// held.
func (s *Service) lockCase(ctx context.Context, id string) (cs CaseStore, d *triagev1.Decision, outcomes []*triagev1.Outcome, unlock func(), err error) {
	cs = s.store
	unlock, err = s.cases.lock(ctx, id)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if d, err = cs.GetDecision(ctx, id); err != nil {
		unlock()
		return nil, nil, nil, nil, fmt.Errorf("get decision: %w", err)
	}
	if outcomes, err = cs.ListOutcomes(ctx, id); err != nil {
		unlock()
		return nil, nil, nil, nil, fmt.Errorf("list outcomes: %w", err)
	}
	return cs, d, outcomes, unlock, nil
}

// caseTeam returns a function reading the team decision id is with: its
// latest assignment's team, "" when it has none or its latest is UNROUTED.
// It is read only when a team's clerk enters a record (enteredFor), under
// the case's lock (lockCase), so no call of this replica moves the case
// meanwhile.
func caseTeam(ctx context.Context, cs CaseStore, id string) func() (string, error) {
	return func() (string, error) {
		c, err := cs.GetCase(ctx, id)
		if err != nil {
			return "", fmt.Errorf("read the case's team: %w", err)
		}
		if n := len(c.Assignments); n > 0 {
			return c.Assignments[n-1].GetTeamId(), nil
		}
		return "", nil
	}
}

// preconditionError is a request the state of the service or the record
// does not allow; it maps to FAILED_PRECONDITION with its rule named.
type preconditionError struct{ rule, msg string }

func (e *preconditionError) Error() string { return e.rule + ": " + e.msg }

// validDecisionID checks a decision id given by a client and returns it in
// the canonical form decisions are stored under: like GetDecision, the case
// workflow accepts every form of a UUID (upper case, urn:uuid:, braces).
func validDecisionID(id, field string) (string, error) {
	if strings.TrimSpace(id) == "" {
		return "", &fieldError{Field: field, Problem: "is required"}
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return "", &fieldError{Field: field, Problem: "is not a decision id"}
	}
	return u.String(), nil
}

// logCall writes the record of one call of the case workflow, started at
// start: like Triage's and GetDecision's, it carries duration_seconds, which
// docs/operations.md's log queries filter slow calls on (a feed's is how long
// it stayed open).
func (s *Service) logCall(ctx context.Context, method string, start time.Time, err error, attrs ...slog.Attr) {
	st := toStatus(withContext(ctx, err))
	attrs = append(attrs, logattr.Seconds("duration", time.Since(start)))
	s.log(ctx, st.Code(), err, append([]slog.Attr{slog.String("method", method), slog.String("code", st.Code().String())}, attrs...))
}
