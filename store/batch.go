package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// saveRequest is one write waiting for its commit: a decision (SaveDecision,
// SaveTriage), an outcome (SaveOutcome) or a designated assignment
// (SaveAssignment). Exactly one of decision, outcome and designated is set.
type saveRequest struct {
	// ctx is the caller's context: the writer skips requests whose caller has
	// already given up, so nothing is stored that nobody was told about.
	ctx context.Context
	// decision is the decision's row; its blob is filled by the writer when
	// triage is set.
	decision *decisionRow
	// triage is SaveTriage's assignment work, nil for SaveDecision.
	triage *triageJob
	// outcome is SaveOutcome's row; seq is filled by the writer.
	outcome *outcomeRow
	// designated is SaveAssignment's work.
	designated *designatedJob
	done       chan error // buffered: the writer never blocks on a departed caller

	// Set by each attempt to commit the request.
	// rejected is the request's own failure found inside the transaction
	// (an unknown decision, a failed draw): the request is left out and the
	// rest of the batch commits.
	rejected error
	// assignedKind is the kind of the assignment the request made, "" for
	// none: for the assignments metric.
	assignedKind string
	// feedTeams are the teams whose feeds the request's assignment is on:
	// the team it went to and the team it left. The commit wakes them.
	feedTeams []string
}

// op names the request's operation in errors.
func (r *saveRequest) op() string {
	switch {
	case r.outcome != nil:
		return "save outcome"
	case r.designated != nil:
		return "save assignment"
	}
	return "save decision"
}

// id is the request's record id for logs.
func (r *saveRequest) id() string {
	switch {
	case r.outcome != nil:
		return r.outcome.decisionID
	case r.designated != nil:
		return r.designated.orig.GetDecisionId()
	}
	return r.decision.decisionID
}

// TeamSlot is a team eligible for a case, with its capacity: how many cases
// it may be assigned per intake month (the filing's filed_on month).
type TeamSlot struct {
	TeamID   string
	Capacity int64
}

// AssignmentPlan asks SaveTriage to draw a team for the decision inside the
// decision's own transaction, by routing.Pick: the one draw, whose record
// routing.Redraw and RedrawAssignments replay.
type AssignmentPlan struct {
	// Teams are the eligible teams in the order they are listed to the
	// draw. Team ids must be unique and not empty, capacities positive.
	Teams []TeamSlot
	// Seed seeds the draw; recorded with the assignment so the draw can be
	// re-run.
	Seed uint64
	// NoTeam is appended to the decision's review_reasons when no team has
	// free capacity (or Teams is empty); nil appends nothing.
	NoTeam *triagev1.Reason
	// Reason, when not empty, is recorded as the drawn assignment's reason:
	// what the team lead should know about how the case was routed (a
	// juvenile case drawn among a court's teams without a juvenile team,
	// routing.NoJuvenileTeamNote). It does not enter the draw.
	Reason string
	// TeamsVersion is the version of the teams table Teams were taken from
	// (routing.Teams.Version), recorded on the assignment the plan makes
	// (random or, for a conversion, UNROUTED): the table is reloaded while
	// the server runs, and an auditor checks the candidates against the
	// version named. Empty records none.
	TeamsVersion string
}

// validate checks what the caller got wrong, with plain errors.
func (p *AssignmentPlan) validate() error {
	seen := make(map[string]bool, len(p.Teams))
	for i, t := range p.Teams {
		switch {
		case t.TeamID == "":
			return fmt.Errorf("store: assignment plan: team %d has an empty team_id", i)
		case seen[t.TeamID]:
			return fmt.Errorf("store: assignment plan: team %q is listed twice", t.TeamID)
		case t.Capacity <= 0:
			return fmt.Errorf("store: assignment plan: team %q has capacity %d; want > 0", t.TeamID, t.Capacity)
		}
		if err := checkNUL("team_id", t.TeamID); err != nil {
			return err
		}
		seen[t.TeamID] = true
	}
	if !utf8.ValidString(p.Reason) {
		return errors.New("store: assignment plan: reason is not valid UTF-8")
	}
	if !utf8.ValidString(p.TeamsVersion) {
		return errors.New("store: assignment plan: teams_version is not valid UTF-8")
	}
	return checkNUL("reason", p.Reason, "teams_version", p.TeamsVersion)
}

// triageJob is SaveTriage's part of a request. d is the writer's own copy of
// the caller's decision; each attempt to commit starts from its original
// review state, and the caller copies the outcome back after success.
type triageJob struct {
	d      *triagev1.Decision
	plan   *AssignmentPlan
	period string // "" when the plan has no teams
	// The decision's review state as given, restored before each attempt.
	needsReview bool
	reasons     int
	// parts is the decision's encoding cut around what the writer sets,
	// made by the caller; nil makes the writer encode the whole decision.
	parts *decisionParts
	// assignmentID is the id a drawn assignment gets, made by the caller:
	// a UUIDv7 reads the system's random source, which is no work for the
	// one writer goroutine. "" makes the writer make one.
	assignmentID string
}

func (j *triageJob) reset() {
	j.d.Assignment, j.d.UnassignedDraw = nil, nil
	j.d.NeedsReview = j.needsReview
	j.d.ReviewReasons = j.d.ReviewReasons[:j.reasons]
}

// designatedJob is SaveAssignment's part of a request: orig is the caller's
// assignment as given (cloned), result the stored one of the last attempt.
type designatedJob struct {
	orig   *triagev1.Assignment
	result *triagev1.Assignment
	// expectTeam, when set, is the team the caller read the case with
	// (WithCaseTeam).
	expectTeam *string
}

// checkTeam rejects a write made under WithCaseTeam(team) when the case is
// with another team by now (currentTeam, inside the transaction).
func checkTeam(decisionID string, want *string, now string) error {
	if want == nil || *want == now {
		return nil
	}
	return reject(fmt.Errorf("decision %q is with team %q, the caller read %q: %w", decisionID, now, *want, ErrCaseMoved))
}

// rejection wraps an error that fails one request, not its transaction.
type rejection struct{ err error }

func (r *rejection) Error() string { return r.err.Error() }

func reject(err error) error { return &rejection{err} }

// batch is one write transaction being built: the records to insert, in
// seq order, and the audit rows that chain them.
type batch struct {
	// q runs the transaction's statements: the *sql.Tx (SQLite), or the
	// *sql.Conn whose session holds the transaction (PostgreSQL, which
	// begins and commits it in pipelines of its own: postgresTx).
	q querier
	// tx is SQLite's transaction, for its prepared statements; nil on
	// PostgreSQL.
	tx *sql.Tx
	d  *dialect
	// hot holds the writer's prepared statements by their text (SQLite).
	hot map[string]*sql.Stmt
	// at is the transaction's time: assigned_at and audit recorded_at; now
	// is at in Unix nanoseconds.
	at  time.Time
	now int64

	// seq is the last seq given out; headHash is the hash of the head read
	// when the transaction began, then of the last audit row added.
	seq      int64
	headHash string

	decisions   []*decisionRow
	outcomes    []*outcomeRow
	assignments []*assignmentRow
	audit       []auditRow

	// loads caches team_load.assigned for (team, period) keys read or
	// written in this transaction. The chain lock serialises every writer
	// of team_load, so the cache stays exact until commit.
	loads map[[2]string]int64

	// deferLoads makes draws count into loads and pending in memory, and
	// the batch write each changed key once at the end (loadChanges),
	// guarded so that the write fails unless team_load still holds what was
	// read: one statement per key (SQLite) or none of its own (PostgreSQL,
	// inside the batch's statement) instead of one per drawn decision.
	// When the guard fails (team_load was changed outside the chain lock),
	// the batch is run again without it, taking each unit of capacity with
	// its own conditional increment (the zero value).
	deferLoads bool
	// pending is what this batch's draws added to loads and team_load does
	// not hold yet, by key.
	pending map[[2]string]int64

	// filings maps the filing key of each decision in the batch to that
	// decision: a second decision for one filing in the same batch is
	// refused (checkFiling).
	filings map[string]*decisionRow
	// lookUpFilings makes checkFiling look each decision's filing up in
	// the database. Without it the batch's statement refuses a decided
	// filing itself (dialect.filingGuard), failing with errFilingDecided,
	// and the batch is built again with it.
	lookUpFilings bool
	// storedFilings holds, when lookUpFilings, the first stored decision
	// (id, filing id as stored) of each filing key of the batch that has
	// one, read with one statement before the batch is built
	// (lookUpStoredFilings).
	storedFilings map[string][2]string
}

// errLoadsChanged is the guard of a deferred team_load write failing: the
// batch is rolled back and run again with a conditional increment per draw.
var errLoadsChanged = errors.New("team_load changed outside the chain lock")

// errFilingDecided is the batch's statement finding that a filing in it
// already has a decision (dialect.filingGuard): nothing was written, and the
// batch is built again looking each filing up, to refuse only the requests
// for decided filings.
var errFilingDecided = errors.New("a filing in the batch already has a decision")

// errHeadMoved is a batch built on the chain head its writer last committed
// (PostgreSQL's one-round-trip batch, postgresTx) finding that another
// writer has moved the head since: nothing was written, and the batch is
// built again from the head read under the lock.
var errHeadMoved = errors.New("audit head moved since this writer's last commit")

// loadChange is one key's deferred team_load write: add to assigned, which
// must then be want.
type loadChange struct {
	team, period string
	add, want    int64
}

// loadChanges returns the batch's deferred team_load writes, in a fixed
// order (keys sorted), so that replicas touch rows in the same order.
func (b *batch) loadChanges() []loadChange {
	out := make([]loadChange, 0, len(b.pending))
	for k, add := range b.pending {
		out = append(out, loadChange{team: k[0], period: k[1], add: add, want: b.loads[k]})
	}
	slices.SortFunc(out, func(x, y loadChange) int {
		if c := strings.Compare(x.team, y.team); c != 0 {
			return c
		}
		return strings.Compare(x.period, y.period)
	})
	return out
}

// writeBatch inserts a batch's rows and stores the new head, inside the
// batch's transaction. Each dialect has its own (SQLite: prepared statements
// per row; PostgreSQL: one statement for the whole batch).
type writeBatchFunc func(ctx context.Context, b *batch) error

// commitBatch is the writer's commit: one transaction for reqs, which have
// their rejected and assignedKind set on return. It returns once the
// transaction is durably committed, or has failed; a failure means nothing
// was written, except when the connection died after COMMIT was sent (then
// the callers are told ErrUnavailable, which is safe: none of them answers
// with what it saved).
//
// A batch is tried the cheap way first and built again, at most once for
// each, when what it assumed turns out wrong: the chain head it cached
// (errHeadMoved), that no filing in it has a decision (errFilingDecided:
// then each filing is looked up), that team_load held what was read
// (errLoadsChanged: then each draw takes its unit of capacity with its own
// checked increment).
func (s *sqlStore) commitBatch(ctx context.Context, reqs []*saveRequest) error {
	a := attempt{deferLoads: true, lookUpFilings: !s.dialect.filingGuard}
	headRetried := false
	for {
		err := s.commitOnce(ctx, reqs, a)
		switch {
		case errors.Is(err, errHeadMoved) && !headRetried:
			headRetried = true
		case errors.Is(err, errFilingDecided) && !a.lookUpFilings:
			a.lookUpFilings = true
		case errors.Is(err, errLoadsChanged) && a.deferLoads:
			s.log.Warn("team_load changed outside the chain lock; running the batch again with a checked increment per draw", "batch_size", len(reqs))
			a.deferLoads = false
		default:
			return err
		}
	}
}

// attempt is how one try of a batch's transaction is built.
type attempt struct {
	// deferLoads is batch.deferLoads.
	deferLoads bool
	// lookUpFilings is batch.lookUpFilings.
	lookUpFilings bool
}

// querier is what a batch runs its statements on: *sql.Tx or *sql.Conn.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// batchTx is how a dialect runs a batch's transaction around the work both
// share (filling the batch: draws, chain, rows). SQLite's is sqliteTx;
// PostgreSQL's is postgresTx, which pipelines its statements so that a
// batch is two round trips.
type batchTx interface {
	// begin starts the transaction, sets b.q, reads the chain head into
	// b.seq and b.headHash, locking it until the transaction ends, and
	// reads team_load for keys into b.loads.
	begin(ctx context.Context, b *batch, keys [][2]string) error
	// commit writes b's rows and the new head and commits, returning once
	// the commit is durable or has failed.
	commit(ctx context.Context, b *batch) error
	// end rolls the transaction back unless it committed, and releases
	// its connection. Always called, once.
	end(ctx context.Context)
}

// commitOnce is one attempt at commitBatch's transaction.
func (s *sqlStore) commitOnce(ctx context.Context, reqs []*saveRequest, a attempt) (err error) {
	for _, req := range reqs {
		req.rejected, req.assignedKind, req.feedTeams = nil, "", nil
	}
	now := time.Now()
	b := &batch{d: &s.dialect, hot: s.hot, at: now, now: now.UnixNano(), deferLoads: a.deferLoads, lookUpFilings: a.lookUpFilings}
	tx := s.newTx()
	defer tx.end(ctx)
	if err := tx.begin(ctx, b, loadKeys(reqs)); err != nil {
		return err
	}
	if b.lookUpFilings {
		if err := b.lookUpStoredFilings(ctx, reqs); err != nil {
			return err
		}
	}
	for _, req := range reqs {
		var err error
		switch {
		case req.outcome != nil:
			err = b.addOutcome(ctx, req)
		case req.designated != nil:
			err = b.addDesignated(ctx, req)
		default:
			err = b.addDecision(ctx, req)
		}
		if r, ok := errors.AsType[*rejection](err); ok {
			req.rejected, req.assignedKind, req.feedTeams = r.err, "", nil
			continue
		}
		if err != nil {
			return err
		}
	}
	if len(b.audit) == 0 {
		return nil // every request was rejected: nothing to write
	}
	return tx.commit(ctx, b)
}

// sqliteTx is a batch's transaction through database/sql: BEGIN, each
// statement and COMMIT one call each, which costs nothing on an in-process
// file. s.writeBatch writes the rows.
type sqliteTx struct {
	s         *sqlStore
	tx        *sql.Tx
	committed bool
}

func (t *sqliteTx) begin(ctx context.Context, b *batch, keys [][2]string) error {
	tx, err := t.s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t.tx, b.tx, b.q = tx, tx, tx
	if err := b.stmt(ctx, t.s.dialect.lockHead).QueryRowContext(ctx).Scan(&b.seq, &b.headHash); err != nil {
		return fmt.Errorf("lock audit head: %w", err)
	}
	return b.readLoads(ctx, keys)
}

func (t *sqliteTx) commit(ctx context.Context, b *batch) error {
	if err := t.s.writeBatch(ctx, b); err != nil {
		return err
	}
	// No Rollback through database/sql after Commit, failed or not: it is
	// done with the tx.
	t.committed = true
	if err := t.tx.Commit(); err != nil {
		if t.s.dialect.rollbackAfterFailedCommit {
			// SQLite may leave the transaction open after a failed COMMIT
			// (full disk, I/O error); database/sql would then hand the
			// connection back mid-transaction. "No transaction is active"
			// is the expected answer when SQLite already rolled back.
			_, _ = t.s.write.ExecContext(ctx, "ROLLBACK")
		}
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func (t *sqliteTx) end(context.Context) {
	if t.tx != nil && !t.committed {
		_ = t.tx.Rollback() // the error being returned says more
	}
}

// hotQueries are the statements every write transaction, or every drawn
// assignment, runs: prepared once on the writer's connection rather than
// parsed each time (SQLite prepares a statement on every call otherwise).
func hotQueries(d *dialect) []string {
	return []string{d.lockHead, d.q(incrementLoad), d.q(selectLoad), d.selectDecisionsForFilings}
}

// stmt returns the prepared statement for query inside b's transaction.
func (b *batch) stmt(ctx context.Context, query string) *sql.Stmt {
	return b.tx.StmtContext(ctx, b.hot[query])
}

// chain appends the audit row for a record at seq (which must be b.seq+1).
func (b *batch) chain(seq int64, kind, id, digest string) {
	h := chainHash(b.headHash, seq, kind, id, digest)
	b.audit = append(b.audit, auditRow{
		seq: seq, recordKind: kind, recordID: id, recordSHA256: digest,
		prevHash: b.headHash, hash: h, recordedAt: b.now,
	})
	b.seq, b.headHash = seq, h
}

func (b *batch) addDecision(ctx context.Context, req *saveRequest) error {
	row := req.decision
	if err := b.checkFiling(ctx, row); err != nil {
		return err
	}
	if req.triage == nil {
		b.keepDecision(row, b.seq+1)
		return nil
	}
	job := req.triage
	job.reset()
	d := job.d
	var a *triagev1.Assignment
	if len(job.plan.Teams) > 0 {
		var err error
		if a, d.UnassignedDraw, err = b.draw(ctx, job, row); err != nil {
			return err
		}
	}
	decSeq := b.seq + 1
	if a == nil {
		// No team can take the case: it is stored, unassigned, for a person
		// to route (docs/architecture.md, Routing), with the draw that found
		// no room when there were eligible teams.
		d.NeedsReview = true
		if job.plan.NoTeam != nil {
			d.ReviewReasons = append(d.ReviewReasons, proto.CloneOf(job.plan.NoTeam))
		}
	}
	// Not a rejection: team_load may already count the draw. SaveTriage
	// encoded the decision once in the caller, so this cannot fail on its
	// content.
	var aBlob []byte
	if a != nil {
		a.AssignedAt = timestamppb.New(b.at)
		a.Cursor = strconv.FormatInt(decSeq+1, 10)
		d.Assignment = a
		var err error
		if aBlob, err = marshalOpts.Marshal(a); err != nil {
			return fmt.Errorf("store: encode assignment: %w", err)
		}
	}
	var blob []byte
	if job.parts != nil {
		var drawBlob []byte
		if d.UnassignedDraw != nil {
			var err error
			if drawBlob, err = marshalOpts.Marshal(d.UnassignedDraw); err != nil {
				return fmt.Errorf("store: encode unassigned draw: %w", err)
			}
			drawBlob = append([]byte{}, drawBlob...) // present, even if empty
		}
		blob = job.parts.join(d.NeedsReview, a == nil && job.plan.NoTeam != nil, a != nil, aBlob, drawBlob)
	} else {
		var err error
		if blob, err = marshalOpts.Marshal(d); err != nil {
			return fmt.Errorf("store: encode decision: %w", err)
		}
	}
	row.decision = blob
	row.setNeedsReview(d.NeedsReview)
	b.keepDecision(row, decSeq)
	if a != nil {
		if err := b.addAssignmentRow(a, aBlob, job.period, decSeq+1); err != nil {
			return err
		}
		req.assignedKind = "random"
		req.feedTeams = []string{a.GetTeamId()}
	}
	return nil
}

// keepDecision adds row, chained at seq, to the batch.
func (b *batch) keepDecision(row *decisionRow, seq int64) {
	b.decisions = append(b.decisions, row)
	if b.filings == nil {
		b.filings = make(map[string]*decisionRow)
	}
	b.filings[row.filingKey] = row
	b.chain(seq, kindDecision, row.decisionID, row.seal())
}

// checkFiling rejects a decision for a filing that already has one, stored
// or earlier in this batch: one decision per filing, as a second would
// draw a team again and a caller could resubmit until the draw suited it
// (随机分案). Filings are one when their keys are (filingKey: the same case
// number written with other brackets, digits or composition). Checked
// here, under the chain lock every writer takes, two calls racing for one
// filing cannot both pass, whatever replica they reach. A decision whose
// own id is the one found is not refused here: it is a duplicate id, which
// the insert refuses as ErrDuplicate.
func (b *batch) checkFiling(ctx context.Context, row *decisionRow) error {
	var prevID, prevFiling string
	if prev, ok := b.filings[row.filingKey]; ok {
		prevID, prevFiling = prev.decisionID, prev.filingID
	} else if stored, ok := b.storedFilings[b.lookupKey(row)]; ok {
		prevID, prevFiling = stored[0], stored[1]
	}
	if prevID != "" && prevID != row.decisionID {
		e := &FilingDecidedError{FilingID: row.filingID, DecisionID: prevID}
		if prevFiling != row.filingID {
			e.StoredFilingID = prevFiling
		}
		return reject(e)
	}
	return nil
}

// lookupKey is what row's filing is looked up by: its filing key, or on a
// schema without keys (dialect.unkeyed) the filing id as sent.
func (b *batch) lookupKey(row *decisionRow) string {
	return b.d.filingLookupKey(row.filingID, row.filingKey)
}

// lookUpStoredFilings reads the first stored decision of every filing the
// batch's decisions are for into storedFilings, with one statement: one
// lookup per decision cost the writer a statement's fixed cost each (12 of
// its ~117 µs per decision under load on SQLite, docs/performance.md).
func (b *batch) lookUpStoredFilings(ctx context.Context, reqs []*saveRequest) error {
	b.storedFilings = make(map[string][2]string)
	keys := make([]string, 0, len(reqs))
	for _, req := range reqs {
		if req.outcome == nil && req.designated == nil {
			keys = append(keys, b.lookupKey(req.decision))
		}
	}
	if len(keys) == 0 {
		return nil
	}
	arg, err := b.d.filingKeysArg(keys)
	if err != nil {
		return fmt.Errorf("look up the batch's filings: %w", err)
	}
	var rows *sql.Rows
	if b.tx != nil {
		rows, err = b.stmt(ctx, b.d.selectDecisionsForFilings).QueryContext(ctx, arg)
	} else {
		rows, err = b.q.QueryContext(ctx, b.d.selectDecisionsForFilings, arg)
	}
	if err != nil {
		return fmt.Errorf("look up the batch's filings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, id, filingID string
		if err := rows.Scan(&key, &id, &filingID); err != nil {
			return fmt.Errorf("look up the batch's filings: %w", err)
		}
		if _, ok := b.storedFilings[key]; !ok { // the first decision
			b.storedFilings[key] = [2]string{id, filingID}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("look up the batch's filings: %w", err)
	}
	return nil
}

// addAssignmentRow adds the row of a, whose cursor is seq; blob is a's
// encoding, or nil to have it encoded here.
func (b *batch) addAssignmentRow(a *triagev1.Assignment, blob []byte, period string, seq int64) error {
	if blob == nil {
		// Not a rejection: team_load already counts the assignment. Its
		// strings were checked when the request was made.
		var err error
		if blob, err = marshalOpts.Marshal(a); err != nil {
			return fmt.Errorf("store: encode assignment: %w", err)
		}
	}
	row := &assignmentRow{
		assignmentID: a.GetAssignmentId(),
		decisionID:   a.GetDecisionId(),
		teamID:       a.GetTeamId(),
		kind:         a.GetKind().String(),
		period:       period,
		assignedAt:   b.now,
		seq:          seq,
		assignment:   blob,
		// previous_team_id is in the blob too; the column is the feed's.
		previousTeamID: a.GetPreviousTeamId(),
	}
	b.assignments = append(b.assignments, row)
	b.chain(seq, kindAssignment, row.assignmentID, row.seal())
	return nil
}

// draw makes the plan's random draw (routing.Pick) among its teams with the
// loads read in this transaction and takes one unit of the chosen team's
// capacity. When no team has free capacity it returns no assignment and the
// draw's record.
func (b *batch) draw(ctx context.Context, job *triageJob, row *decisionRow) (*triagev1.Assignment, *triagev1.Draw, error) {
	plan := job.plan
	var full map[string]bool // teams whose conditional increment failed
	for {
		loads, err := b.teamLoads(ctx, job.period, plan.Teams)
		if err != nil {
			return nil, nil, err
		}
		slots := make([]routing.Slot, len(plan.Teams))
		for i, t := range plan.Teams {
			load := loads[i]
			if full[t.TeamID] {
				// The database refused the team a unit: it counts at
				// least its capacity, whatever was read.
				load = max(load, t.Capacity)
			}
			slots[i] = routing.Slot{TeamID: t.TeamID, Capacity: t.Capacity, Load: load}
		}
		draw, i, err := routing.Pick(plan.Seed, slots)
		if err != nil {
			return nil, nil, reject(err)
		}
		if i == routing.NoTeam {
			return nil, draw, nil
		}
		team := plan.Teams[i].TeamID
		ok := true
		if b.deferLoads {
			// loads holds the key: teamLoads just read it.
			key := [2]string{team, job.period}
			b.loads[key]++
			b.pending[key]++
		} else if ok, err = b.increment(ctx, team, job.period, plan.Teams[i].Capacity); err != nil {
			return nil, nil, err
		}
		if !ok {
			// The team is full after all: team_load was changed outside
			// the chain lock. Mark the team, forget what was read, redraw.
			if full == nil {
				full = map[string]bool{}
			}
			full[team] = true
			for _, t := range plan.Teams {
				delete(b.loads, [2]string{t.TeamID, job.period})
			}
			continue
		}
		id := job.assignmentID
		if id == "" {
			if id, err = newID(); err != nil {
				return nil, nil, err
			}
		}
		return &triagev1.Assignment{
			AssignmentId: id,
			DecisionId:   row.decisionID,
			FilingId:     row.filingID,
			TeamId:       team,
			Kind:         triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM,
			Procedure:    job.d.GetRecommended(),
			Draw:         draw,
			Reason:       plan.Reason,
			TeamsVersion: plan.TeamsVersion,
		}, nil, nil
	}
}

// teamLoads returns team_load.assigned for each team in period, in teams'
// order, reading the keys this transaction has not seen yet in one query.
func (b *batch) teamLoads(ctx context.Context, period string, teams []TeamSlot) ([]int64, error) {
	var missing [][2]string
	for _, t := range teams {
		if _, ok := b.loads[[2]string{t.TeamID, period}]; !ok {
			missing = append(missing, [2]string{t.TeamID, period})
		}
	}
	if err := b.readLoads(ctx, missing); err != nil {
		return nil, err
	}
	out := make([]int64, len(teams))
	for i, t := range teams {
		out[i] = b.loads[[2]string{t.TeamID, period}]
	}
	return out, nil
}

// loadKeys returns the team_load keys that reqs' draws will look at, so
// that a batch reads team_load once, when it begins, rather than once per
// period or per redraw.
func loadKeys(reqs []*saveRequest) [][2]string {
	var keys [][2]string
	seen := map[[2]string]bool{}
	for _, req := range reqs {
		if req.triage == nil {
			continue
		}
		for _, t := range req.triage.plan.Teams {
			k := [2]string{t.TeamID, req.triage.period}
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// readLoads reads team_load.assigned for keys into loads (0 for a key with
// no row): PostgreSQL in one query, SQLite with its prepared point lookup
// per key, which costs less in process than planning an IN list.
func (b *batch) readLoads(ctx context.Context, keys [][2]string) error {
	b.zeroLoads(keys)
	if len(keys) == 0 {
		return nil
	}
	if b.d.name == "sqlite" {
		stmt := b.stmt(ctx, b.d.q(selectLoad))
		for _, k := range keys {
			var n int64
			err := stmt.QueryRowContext(ctx, k[0], k[1]).Scan(&n)
			switch {
			case errors.Is(err, sql.ErrNoRows):
			case err != nil:
				return fmt.Errorf("read team load: %w", err)
			default:
				b.loads[k] = n
			}
		}
		return nil
	}
	teams, periods := loadKeyArrays(keys)
	rows, err := b.q.QueryContext(ctx, postgresSelectLoads, teams, periods)
	if err != nil {
		return fmt.Errorf("read team load: %w", err)
	}
	defer rows.Close()
	if err := scanLoads(rows, b.loads); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read team load: %w", err)
	}
	return nil
}

// zeroLoads makes loads hold keys at 0, what a key with no row counts,
// until their rows are read.
func (b *batch) zeroLoads(keys [][2]string) {
	if b.loads == nil {
		b.loads = map[[2]string]int64{}
		b.pending = map[[2]string]int64{}
	}
	for _, k := range keys {
		b.loads[k] = 0
	}
}

// loadKeyArrays returns keys as postgresSelectLoads' two arrays.
func loadKeyArrays(keys [][2]string) (teams, periods []string) {
	teams, periods = make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		teams[i], periods[i] = k[0], k[1]
	}
	return teams, periods
}

// postgresSelectLoads reads the team_load rows of the keys given as two
// arrays, team ids and periods, in one query.
const postgresSelectLoads = `SELECT t.team_id, t.period, t.assigned FROM team_load t
JOIN unnest($1::text[], $2::text[]) AS k(team_id, period) ON t.team_id = k.team_id AND t.period = k.period`

// selectLoad is SQLite's point lookup of one team_load key.
const selectLoad = `SELECT assigned FROM team_load WHERE team_id = ? AND period = ?`

// incrementLoad adds one to a team's load unless it has reached capacity;
// it inserts the row at 1 when there is none.
const incrementLoad = `INSERT INTO team_load (team_id, period, assigned) VALUES (?, ?, 1)
ON CONFLICT (team_id, period) DO UPDATE SET assigned = team_load.assigned + 1
WHERE team_load.assigned < ?`

// increment takes one unit of capacity (math.MaxInt64: no limit) and
// reports whether the team had it.
func (b *batch) increment(ctx context.Context, team, period string, capacity int64) (bool, error) {
	var res sql.Result
	var err error
	if stmt, ok := b.hot[b.d.q(incrementLoad)]; ok && b.tx != nil {
		res, err = b.tx.StmtContext(ctx, stmt).ExecContext(ctx, team, period, capacity)
	} else {
		res, err = b.q.ExecContext(ctx, b.d.q(incrementLoad), team, period, capacity)
	}
	if err != nil {
		return false, fmt.Errorf("update team load: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("update team load: %w", err)
	}
	if n == 0 {
		return false, nil
	}
	key := [2]string{team, period}
	if v, ok := b.loads[key]; ok {
		b.loads[key] = v + 1
	}
	return true, nil
}

func (b *batch) addOutcome(ctx context.Context, req *saveRequest) error {
	row := req.outcome
	if err := b.decisionExists(ctx, row.decisionID); err != nil {
		return err
	}
	if row.expectPrior >= 0 {
		var n int
		if err := b.q.QueryRowContext(ctx, b.d.q(`SELECT COUNT(*) FROM outcomes WHERE decision_id = ?`), row.decisionID).Scan(&n); err != nil {
			return fmt.Errorf("count outcomes of %q: %w", row.decisionID, err)
		}
		for _, o := range b.outcomes { // earlier in this batch, not yet inserted
			if o.decisionID == row.decisionID {
				n++
			}
		}
		if n != row.expectPrior {
			return reject(fmt.Errorf("decision %q has %d outcomes, caller saw %d: %w", row.decisionID, n, row.expectPrior, ErrConflict))
		}
	}
	if row.expectTeam != nil {
		team, err := b.currentTeam(ctx, row.decisionID)
		if err != nil {
			return err
		}
		if err := checkTeam(row.decisionID, row.expectTeam, team); err != nil {
			return err
		}
	}
	mark := b.mark()
	row.seq = b.seq + 1
	b.outcomes = append(b.outcomes, row)
	b.chain(row.seq, kindOutcome, row.outcomeID, row.digest())
	if row.reroute != nil {
		err := b.reroute(ctx, req)
		if _, ok := errors.AsType[*rejection](err); ok {
			b.restore(mark) // the outcome goes with its reassignment or not at all
		}
		return err
	}
	return nil
}

// batchMark is how far a batch had got, for taking back a request that is
// rejected after it added rows.
type batchMark struct {
	seq                          int64
	headHash                     string
	outcomes, assignments, audit int
}

func (b *batch) mark() batchMark {
	return batchMark{b.seq, b.headHash, len(b.outcomes), len(b.assignments), len(b.audit)}
}

func (b *batch) restore(m batchMark) {
	b.seq, b.headHash = m.seq, m.headHash
	b.outcomes, b.assignments, b.audit = b.outcomes[:m.outcomes], b.assignments[:m.assignments], b.audit[:m.audit]
}

// reroute moves the case of a conversion off its team when that team does
// not take the outcome's procedure (docs/architecture.md, Routing): a new
// random draw among the teams that do, recorded like the draw at triage and
// counted into the drawn team's load, or, when none has room, an UNROUTED
// assignment that counts into no load and waits for a president to
// designate a team. Either names the team left in previous_team_id, so
// both feeds show it. A case with no team, or on a team in Keep, stays.
func (b *batch) reroute(ctx context.Context, req *saveRequest) error {
	row, job := req.outcome, req.outcome.reroute
	from, err := b.currentTeam(ctx, row.decisionID)
	if err != nil || from == "" || job.plan.Keep[from] {
		return err
	}
	filingID, _, per, err := b.assignable(ctx, row.decisionID)
	if err != nil {
		return err
	}
	// The store's one draw, as at triage: same candidates rule, same
	// capacity accounting, the seed and candidates recorded.
	draw := &triageJob{d: &triagev1.Decision{Recommended: job.procedure}, plan: &job.plan.Draw, period: per, assignmentID: job.assignmentID}
	var a *triagev1.Assignment
	var none *triagev1.Draw // the draw that found no room, kept for its replay
	if len(job.plan.Draw.Teams) > 0 {
		if a, none, err = b.draw(ctx, draw, &decisionRow{decisionID: row.decisionID, filingID: filingID}); err != nil {
			return err
		}
	}
	req.assignedKind = "random"
	if a == nil {
		a = &triagev1.Assignment{
			AssignmentId: job.assignmentID,
			DecisionId:   row.decisionID,
			FilingId:     filingID,
			Kind:         triagev1.AssignmentKind_ASSIGNMENT_KIND_UNROUTED,
			Procedure:    job.procedure,
			Draw:         none,
			TeamsVersion: job.plan.Draw.TeamsVersion,
		}
		req.assignedKind = "unrouted"
	}
	a.PreviousTeamId, a.Reason, a.OutcomeId = from, job.plan.reasonFor(from), row.outcomeID
	seq := b.seq + 1
	a.AssignedAt = timestamppb.New(b.at)
	a.Cursor = strconv.FormatInt(seq, 10)
	if err := b.addAssignmentRow(a, nil, per, seq); err != nil {
		return err
	}
	req.feedTeams = []string{from}
	if a.GetTeamId() != "" {
		req.feedTeams = append(req.feedTeams, a.GetTeamId())
	}
	job.result = a
	return nil
}

// currentTeam returns the team the decision's latest assignment gave it,
// counting this batch's: "" when it has none, or its latest is UNROUTED.
func (b *batch) currentTeam(ctx context.Context, decisionID string) (string, error) {
	for _, r := range slices.Backward(b.assignments) {
		if r.decisionID == decisionID {
			return r.teamID, nil
		}
	}
	var team string
	err := b.q.QueryRowContext(ctx, b.d.q(`SELECT team_id FROM assignments WHERE decision_id = ? ORDER BY seq DESC LIMIT 1`), decisionID).Scan(&team)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("read assignments of %q: %w", decisionID, err)
	}
	return team, nil
}

// decisionExists rejects the request when the decision is not recorded.
func (b *batch) decisionExists(ctx context.Context, id string) error {
	var one int
	err := b.q.QueryRowContext(ctx, b.d.q(`SELECT 1 FROM decisions WHERE decision_id = ?`), id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return reject(fmt.Errorf("decision %q: %w", id, ErrNotFound))
	case err != nil:
		return fmt.Errorf("read decision %q: %w", id, err)
	}
	return nil
}

// assignable reads what an assignment of a recorded decision needs: its
// filing id, the decision and the intake month whose load it counts into.
func (b *batch) assignable(ctx context.Context, decisionID string) (filingID string, d *triagev1.Decision, per string, err error) {
	var decBlob, filingBlob []byte
	err = b.q.QueryRowContext(ctx, b.d.q(`SELECT filing_id, decision, filing FROM decisions WHERE decision_id = ?`), decisionID).
		Scan(&filingID, &decBlob, &filingBlob)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", nil, "", reject(fmt.Errorf("decision %q: %w", decisionID, ErrNotFound))
	case err != nil:
		return "", nil, "", fmt.Errorf("read decision %q: %w", decisionID, err)
	}
	d = &triagev1.Decision{}
	if err := proto.Unmarshal(decBlob, d); err != nil {
		return "", nil, "", reject(fmt.Errorf("store: decision %q: decode: %w", decisionID, err))
	}
	filedOn := d.GetFiledOn()
	if filedOn == "" {
		f := &triagev1.Filing{}
		if err := proto.Unmarshal(filingBlob, f); err != nil {
			return "", nil, "", reject(fmt.Errorf("store: decision %q: decode filing: %w", decisionID, err))
		}
		filedOn = f.GetFiledOn()
	}
	if per, err = period(filedOn); err != nil {
		return "", nil, "", reject(fmt.Errorf("decision %q: %w", decisionID, err))
	}
	return filingID, d, per, nil
}

func (b *batch) addDesignated(ctx context.Context, req *saveRequest) error {
	job := req.designated
	a := proto.CloneOf(job.orig)
	job.result = a

	filingID, d, per, err := b.assignable(ctx, a.GetDecisionId())
	if err != nil {
		return err
	}
	// The team the case leaves, whose feed shows it going.
	from, err := b.currentTeam(ctx, a.GetDecisionId())
	if err != nil {
		return err
	}
	if err := checkTeam(a.GetDecisionId(), job.expectTeam, from); err != nil {
		return err
	}
	if from == a.GetTeamId() {
		// Nothing is written: a second DESIGNATED row would show the case
		// arriving again on the team's feed and count it twice in team_load.
		return reject(fmt.Errorf("decision %q is with team %q: %w", a.GetDecisionId(), from, ErrSameTeam))
	}
	a.PreviousTeamId = from
	switch {
	case a.GetFilingId() == "":
		a.FilingId = filingID
	case a.GetFilingId() != filingID:
		return reject(fmt.Errorf("store: assignment filing_id %q differs from decision %q's filing %q", a.GetFilingId(), a.GetDecisionId(), filingID))
	}
	if a.GetProcedure() == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
		// The procedure in force: the last outcome's, else the recommendation.
		a.Procedure = d.GetRecommended()
		var name string
		err := b.q.QueryRowContext(ctx, b.d.q(`SELECT procedure FROM outcomes WHERE decision_id = ? ORDER BY seq DESC LIMIT 1`), a.GetDecisionId()).Scan(&name)
		switch {
		case err == nil:
			a.Procedure = triagev1.Procedure(triagev1.Procedure_value[name])
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("read outcomes of %q: %w", a.GetDecisionId(), err)
		}
	}
	// Designation is the logged exception (docs/architecture.md, Routing): it counts into
	// the team's load without a capacity check.
	if _, err := b.increment(ctx, a.GetTeamId(), per, math.MaxInt64); err != nil {
		return err
	}
	seq := b.seq + 1
	a.AssignedAt = timestamppb.New(b.at)
	a.Cursor = strconv.FormatInt(seq, 10)
	if err := b.addAssignmentRow(a, nil, per, seq); err != nil {
		return err
	}
	req.assignedKind = "designated"
	req.feedTeams = []string{a.GetTeamId()}
	if from := a.GetPreviousTeamId(); from != "" {
		req.feedTeams = append(req.feedTeams, from)
	}
	return nil
}

// loadRows is what scanLoads reads: database/sql's rows and pgx's both.
type loadRows interface {
	Next() bool
	Scan(dest ...any) error
}

// scanLoads reads postgresSelectLoads' (team, period, assigned) rows into
// loads; the caller checks the rows' own error.
func scanLoads(rows loadRows, loads map[[2]string]int64) error {
	for rows.Next() {
		var k [2]string
		var n int64
		if err := rows.Scan(&k[0], &k[1], &n); err != nil {
			return fmt.Errorf("read team load: %w", err)
		}
		loads[k] = n
	}
	return nil
}
