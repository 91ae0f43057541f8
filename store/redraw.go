package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// Replaying draws (随机分案 must be replayable). Every random assignment
// records its draw (routing.Pick): the seed, every eligible team with its
// capacity and its load — the cases already assigned to it in the intake
// month — and the algorithm. RedrawAssignments re-runs each draw and checks
// it against the record around it:
//
//   - the row's indexed columns say what its stored assignment says;
//   - routing.Redraw on the record gives the assigned team, and the record
//     is one Pick could have made (free = capacity - load);
//   - each candidate's load is the number of assignments to that team in
//     that month before this one (seq order), which is what team_load held
//     when the chain lock was taken. A load raised in team_load to steer
//     draws away from a team is recorded as such and shows here.
//
// A decision left unassigned because every eligible team was full
// (NO_TEAM_CAPACITY) carries the draw that found no room
// (Decision.unassigned_draw): it replays the same way, and must give no
// team. A designated assignment is explained by its designation record (who
// and why); a random assignment recorded before draws recorded capacities and
// loads is redrawn from its seed and candidates, but its loads cannot be
// checked: it is reported as not replayable. The capacities themselves are
// the teams file's, which the record does not hold; an auditor compares them
// with the file in force.
//
// The check reads the rows as they are: it does not prove them unaltered,
// which is the audit chain's job (VerifyAudit); it proves that the records
// explain the assignments.

// DrawVerdict is what replaying one assignment found.
type DrawVerdict string

const (
	// DrawExplained: the draw gives the assigned team and every candidate's
	// load matches the assignments before it.
	DrawExplained DrawVerdict = "explained"
	// DrawDesignated: a designated assignment, explained by its
	// designation record (designated_by and reason).
	DrawDesignated DrawVerdict = "designated"
	// DrawNotReplayable: recorded before draws recorded capacities and
	// loads; the seed and candidates give the assigned team, the loads
	// cannot be checked.
	DrawNotReplayable DrawVerdict = "not replayable"
	// DrawUnexplained: the record does not explain the assignment.
	DrawUnexplained DrawVerdict = "unexplained"
)

// notReplayableDetail says why an old random assignment is not replayed.
const notReplayableDetail = "not replayable (recorded before draws recorded each team's capacity and load): " +
	"its seed and candidates redraw the assigned team, but the loads the draw saw cannot be checked"

// DrawCheck is one assignment replayed.
type DrawCheck struct {
	Seq          int64
	AssignmentID string
	DecisionID   string
	TeamID       string
	Kind         string
	Period       string
	Verdict      DrawVerdict
	// Detail says what did not match, or who designated and why.
	Detail string
}

// RedrawReport is what RedrawAssignments found.
type RedrawReport struct {
	// OK is true when no assignment or unassigned draw is unexplained.
	OK bool
	// Assignments counts the assignments checked and Unassigned the
	// decisions left unassigned with a draw; the rest count both by
	// verdict.
	Assignments, Unassigned                           int64
	Explained, Designated, NotReplayable, Unexplained int64
	// Checks lists every assignment of the decision asked for; for the
	// whole store, the unexplained ones only (in seq order).
	Checks []DrawCheck
}

// String is a one-line summary for logs and the CLI.
func (r RedrawReport) String() string {
	s := fmt.Sprintf("%d assignments and %d decisions left unassigned: %d draws replayed, %d designated, %d not replayable (recorded before loads were), %d unexplained",
		r.Assignments, r.Unassigned, r.Explained, r.Designated, r.NotReplayable, r.Unexplained)
	for _, c := range r.Checks {
		if c.Verdict == DrawUnexplained {
			return fmt.Sprintf("draws FAILED: %s; first: decision %s (seq %d, %s): %s", s, c.DecisionID, c.Seq, c.what(), c.Detail)
		}
	}
	return "draws OK: " + s
}

// what names the record checked.
func (c DrawCheck) what() string {
	if c.AssignmentID == "" {
		return "left unassigned"
	}
	return "assignment " + c.AssignmentID
}

func (r *RedrawReport) add(c DrawCheck, keep bool) {
	if c.Kind == kindUnassigned {
		r.Unassigned++
	} else {
		r.Assignments++
	}
	switch c.Verdict {
	case DrawExplained:
		r.Explained++
	case DrawDesignated:
		r.Designated++
	case DrawNotReplayable:
		r.NotReplayable++
	default:
		r.Unexplained++
		r.OK = false
		keep = true
	}
	if keep {
		r.Checks = append(r.Checks, c)
	}
}

// redrawPage is how many assignment rows RedrawAssignments reads at a time.
const redrawPage = 500

// RedrawAssignments replays the draws of decision decisionID's assignments,
// or of every assignment when decisionID is empty, in one read snapshot. An
// unknown decision fails with ErrNotFound; a decision without assignments
// gives an empty report. The error is only for failing to read: what it
// found is the report.
func (s *sqlStore) RedrawAssignments(ctx context.Context, decisionID string) (RedrawReport, error) {
	var rep RedrawReport
	err := s.retryRead(ctx, func() error {
		var err error
		rep, err = s.redrawOnce(ctx, decisionID)
		return err
	})
	if err != nil {
		if decisionID != "" {
			return RedrawReport{}, fmt.Errorf("redraw decision %q: %w", decisionID, err)
		}
		return RedrawReport{}, fmt.Errorf("redraw assignments: %w", err)
	}
	return rep, nil
}

func (s *sqlStore) redrawOnce(ctx context.Context, decisionID string) (RedrawReport, error) {
	rep := RedrawReport{OK: true}
	tx, err := s.read.BeginTx(ctx, s.dialect.snapshotTx)
	if err != nil {
		return rep, err
	}
	defer func() { _ = tx.Rollback() }() // read-only: nothing to keep
	if decisionID != "" {
		err = s.redrawDecision(ctx, tx, decisionID, &rep)
	} else {
		err = s.redrawAll(ctx, tx, &rep)
	}
	if err == nil {
		err = s.redrawUnassigned(ctx, tx, decisionID, &rep)
	}
	slices.SortStableFunc(rep.Checks, func(x, y DrawCheck) int { return cmp.Compare(x.Seq, y.Seq) })
	return rep, err
}

// redrawAll walks every assignment in seq order, counting each team's month
// as it goes: the count before a row is the load its draw must have seen.
func (s *sqlStore) redrawAll(ctx context.Context, tx *sql.Tx, rep *RedrawReport) error {
	counted := map[[2]string]int64{}
	var last int64
	for {
		page, err := s.assignmentRows(ctx, tx, `WHERE seq > ? ORDER BY seq LIMIT ?`, last, redrawPage)
		if err != nil || len(page) == 0 {
			return err
		}
		for _, r := range page {
			c := explain(r, func(team string) (int64, error) { return counted[[2]string{team, r.period}], nil })
			rep.add(c, false)
			counted[[2]string{r.teamID, r.period}]++
			last = r.seq
		}
	}
}

// redrawDecision replays one decision's assignments, counting the loads
// before each with a query.
func (s *sqlStore) redrawDecision(ctx context.Context, tx *sql.Tx, decisionID string, rep *RedrawReport) error {
	var one int
	err := tx.QueryRowContext(ctx, s.dialect.q(`SELECT 1 FROM decisions WHERE decision_id = ?`), decisionID).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return ErrNotFound
	case err != nil:
		return err
	}
	rows, err := s.assignmentRows(ctx, tx, `WHERE decision_id = ? ORDER BY seq`, decisionID)
	if err != nil {
		return err
	}
	for _, r := range rows {
		c, err := explainCounted(ctx, tx, s.dialect.q(countBefore), r.seq, r.period, func(loadBefore func(string) (int64, error)) DrawCheck {
			return explain(r, loadBefore)
		})
		if err != nil {
			return err
		}
		rep.add(c, true)
	}
	return nil
}

// countBefore counts a team's assignments in a month before a seq: the load
// a draw at that seq saw.
const countBefore = `SELECT count(*) FROM assignments WHERE team_id = ? AND period = ? AND seq < ?`

// explainCounted runs an explanation whose loads are counted by query.
func explainCounted(ctx context.Context, tx *sql.Tx, q string, seq int64, period string, explain func(loadBefore func(string) (int64, error)) DrawCheck) (DrawCheck, error) {
	var qerr error
	c := explain(func(team string) (int64, error) {
		var n int64
		if err := tx.QueryRowContext(ctx, q, team, period, seq).Scan(&n); err != nil {
			qerr = err
			return 0, err
		}
		return n, nil
	})
	return c, qerr
}

// kindUnassigned is DrawCheck.Kind of a decision left unassigned.
const kindUnassigned = "unassigned"

// redrawUnassigned replays the draws of decisions left unassigned: one
// decision's, or every one's (decisions flagged for review, in seq order).
func (s *sqlStore) redrawUnassigned(ctx context.Context, tx *sql.Tx, decisionID string, rep *RedrawReport) error {
	const cols = `SELECT a.seq, d.decision_id, d.decision FROM audit_log a JOIN decisions d ON d.decision_id = a.record_id `
	var last int64
	for {
		q, args := cols+`WHERE a.record_kind = 'decision' AND a.seq > ? AND d.needs_review = 1 ORDER BY a.seq LIMIT ?`, []any{last, redrawPage}
		if decisionID != "" {
			q, args = cols+`WHERE a.record_kind = 'decision' AND a.seq > ? AND d.decision_id = ?`, []any{last, decisionID}
		}
		page, err := s.unassignedRows(ctx, tx, q, args...)
		if err != nil || len(page) == 0 {
			return err
		}
		for _, u := range page {
			last = u.seq
			if u.decodeErr != nil {
				// An auditor reading a tampered store wants every finding,
				// not the first row that stops the walk: the chain names
				// the altered record, and this names the draw it hides.
				rep.add(DrawCheck{Seq: u.seq, DecisionID: u.id, Kind: kindUnassigned, Verdict: DrawUnexplained,
					Detail: "the stored decision does not decode: " + u.decodeErr.Error()}, true)
				continue
			}
			if u.d.GetUnassignedDraw() == nil {
				continue
			}
			per, err := s.periodOf(ctx, tx, u.d)
			c := DrawCheck{Seq: u.seq, DecisionID: u.d.GetDecisionId(), Kind: kindUnassigned, Period: per, Verdict: DrawUnexplained}
			if err != nil {
				c.Detail = err.Error()
				rep.add(c, true)
				continue
			}
			c, err = explainCounted(ctx, tx, s.dialect.q(countBefore), u.seq, per, func(loadBefore func(string) (int64, error)) DrawCheck {
				return explainUnassigned(c, u.d.GetUnassignedDraw(), loadBefore)
			})
			if err != nil {
				return err
			}
			rep.add(c, decisionID != "")
		}
	}
}

// unassignedRow is a chained decision with its seq; decodeErr is set, and
// d nil, when its stored blob does not decode.
type unassignedRow struct {
	seq       int64
	id        string
	d         *triagev1.Decision
	decodeErr error
}

func (s *sqlStore) unassignedRows(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]unassignedRow, error) {
	rows, err := tx.QueryContext(ctx, s.dialect.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []unassignedRow
	for rows.Next() {
		var u unassignedRow
		var blob []byte
		if err := rows.Scan(&u.seq, &u.id, &blob); err != nil {
			return nil, err
		}
		u.d = &triagev1.Decision{}
		if err := proto.Unmarshal(blob, u.d); err != nil {
			u.d, u.decodeErr = nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// periodOf is the intake month of a decision: of its filed_on, else its
// filing's, as SaveTriage took it.
func (s *sqlStore) periodOf(ctx context.Context, tx *sql.Tx, d *triagev1.Decision) (string, error) {
	filedOn := d.GetFiledOn()
	if filedOn == "" {
		var blob []byte
		if err := tx.QueryRowContext(ctx, s.dialect.q(`SELECT filing FROM decisions WHERE decision_id = ?`), d.GetDecisionId()).Scan(&blob); err != nil {
			return "", err
		}
		f := &triagev1.Filing{}
		if err := proto.Unmarshal(blob, f); err != nil {
			return "", fmt.Errorf("the stored filing does not decode: %w", err)
		}
		filedOn = f.GetFiledOn()
	}
	return period(filedOn)
}

// assignmentRows reads assignment rows in the table's column order.
func (s *sqlStore) assignmentRows(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]*assignmentRow, error) {
	rows, err := tx.QueryContext(ctx, s.dialect.q(`SELECT `+assignmentColumns+` FROM assignments `+where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*assignmentRow
	for rows.Next() {
		r := &assignmentRow{}
		if err := rows.Scan(&r.assignmentID, &r.decisionID, &r.teamID, &r.kind, &r.period,
			&r.assignedAt, &r.seq, &r.assignment, &r.previousTeamID); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// explain replays one assignment row; loadBefore counts the assignments to
// a team in the row's month before the row.
func explain(r *assignmentRow, loadBefore func(team string) (int64, error)) DrawCheck {
	c := DrawCheck{Seq: r.seq, AssignmentID: r.assignmentID, DecisionID: r.decisionID, TeamID: r.teamID, Kind: r.kind, Period: r.period, Verdict: DrawUnexplained}
	a := &triagev1.Assignment{}
	if err := proto.Unmarshal(r.assignment, a); err != nil {
		c.Detail = "the stored assignment does not decode: " + err.Error()
		return c
	}
	for _, f := range []struct{ name, column, record string }{
		{"assignment_id", r.assignmentID, a.GetAssignmentId()},
		{"decision_id", r.decisionID, a.GetDecisionId()},
		{"team_id", r.teamID, a.GetTeamId()},
		{"kind", r.kind, a.GetKind().String()},
		{"previous_team_id", r.previousTeamID, a.GetPreviousTeamId()},
	} {
		if f.column != f.record {
			c.Detail = fmt.Sprintf("the row's %s column is %q, its stored assignment says %q", f.name, f.column, f.record)
			return c
		}
	}
	switch a.GetKind() {
	case triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED:
		return explainDesignated(c, a)
	case triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM:
		return explainDraw(c, a, loadBefore)
	case triagev1.AssignmentKind_ASSIGNMENT_KIND_UNROUTED:
		return explainUnrouted(c, a, loadBefore)
	}
	c.Detail = fmt.Sprintf("kind %s is neither a draw nor a designation", a.GetKind())
	return c
}

func explainDesignated(c DrawCheck, a *triagev1.Assignment) DrawCheck {
	switch {
	case a.GetDraw() != nil:
		c.Detail = "a designated assignment carries a draw"
	case a.GetDesignatedBy() == "" || a.GetReason() == "":
		c.Detail = "a designated assignment without designated_by and reason"
	default:
		c.Verdict = DrawDesignated
		c.Detail = "designated by " + a.GetDesignatedBy()
		if by := a.GetRecordedBy(); by != "" && by != a.GetDesignatedBy() {
			c.Detail += ", recorded by " + by
		}
		c.Detail += ": " + a.GetReason()
	}
	return c
}

func explainDraw(c DrawCheck, a *triagev1.Assignment, loadBefore func(team string) (int64, error)) DrawCheck {
	d := a.GetDraw()
	if d == nil {
		c.Detail = "a random assignment without its draw"
		return c
	}
	i, err := routing.Redraw(d)
	switch {
	case err != nil:
		c.Detail = "the draw cannot be re-run: " + err.Error()
		return c
	case i == routing.NoTeam:
		c.Detail = "the draw records no team with free capacity, yet the case was assigned"
		return c
	case d.GetCandidates()[i].GetTeamId() != a.GetTeamId():
		c.Detail = fmt.Sprintf("seed %d and the recorded candidates draw team %s, the case is assigned to %s", d.GetSeed(), d.GetCandidates()[i].GetTeamId(), a.GetTeamId())
		return c
	case !routing.LoadsRecorded(d):
		c.Verdict, c.Detail = DrawNotReplayable, notReplayableDetail
		return c
	}
	return checkLoads(c, d, loadBefore)
}

// explainUnrouted explains a conversion that left its case with no team:
// either no team takes the new procedure (no candidates, no draw), or the
// recorded draw among those that do must find none with room.
func explainUnrouted(c DrawCheck, a *triagev1.Assignment, loadBefore func(team string) (int64, error)) DrawCheck {
	switch {
	case a.GetTeamId() != "":
		c.Detail = "an unrouted assignment names a team"
		return c
	case a.GetDraw() == nil:
		c.Verdict, c.Detail = DrawExplained, "no team takes the case under its new procedure"
		return c
	}
	return explainUnassigned(c, a.GetDraw(), loadBefore)
}

// explainUnassigned replays the draw of a decision left unassigned: it must
// give no team, from the loads of the assignments before it.
func explainUnassigned(c DrawCheck, d *triagev1.Draw, loadBefore func(team string) (int64, error)) DrawCheck {
	i, err := routing.Redraw(d)
	switch {
	case err != nil:
		c.Detail = "the draw cannot be re-run: " + err.Error()
		return c
	case i != routing.NoTeam:
		c.Detail = fmt.Sprintf("the draw gives team %s, which had room, yet the case was left unassigned", d.GetCandidates()[i].GetTeamId())
		return c
	}
	return checkLoads(c, d, loadBefore)
}

// checkLoads explains c when every candidate's recorded load is the
// assignments before it.
func checkLoads(c DrawCheck, d *triagev1.Draw, loadBefore func(team string) (int64, error)) DrawCheck {
	for _, cand := range d.GetCandidates() {
		n, err := loadBefore(cand.GetTeamId())
		if err != nil {
			return c // the caller reports the read error
		}
		if n != cand.GetLoad() {
			c.Detail = fmt.Sprintf("the draw saw team %s at load %d, but %d assignments to it in %s precede this one", cand.GetTeamId(), cand.GetLoad(), n, c.Period)
			return c
		}
	}
	c.Verdict = DrawExplained
	return c
}
