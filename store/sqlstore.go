package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// sqlStore is what SQLite and Postgres share once their database is open:
// the writes and their transaction, the reads, the group-commit writer,
// health and closing. Each exported store wraps one and adds only how to
// open its database and write a batch's rows, so the two cannot drift apart
// in behaviour.
type sqlStore struct {
	dialect dialect
	log     *slog.Logger
	// read serves every read; writes never use it.
	read *sql.DB
	// write is the writer goroutine's pool of one connection.
	write *sql.DB
	// writeBatch inserts a batch's rows and updates the chain head.
	writeBatch writeBatchFunc
	// newTx returns the transaction a batch is written in (batchTx).
	newTx func() batchTx
	// hot are the prepared statements of hotQueries, on write.
	hot map[string]*sql.Stmt
	// readStmts are point reads prepared on read (SQLite, where preparing
	// a statement is a large part of a point read's cost), by their text:
	// readRow uses them.
	readStmts map[string]*sql.Stmt
	writer    *writer
	// feeds wakes the team feeds a commit touched.
	feeds *feedHub
	// closers are what Open got as far as opening, closed in reverse order
	// by Close or by a failed Open.
	closers []io.Closer

	closeOnce sync.Once
	closeErr  error
}

// prepareHot prepares hotQueries on the write pool. database/sql prepares
// them again by itself on a new connection after a reconnect.
func (s *sqlStore) prepareHot(ctx context.Context) error {
	s.hot = map[string]*sql.Stmt{}
	for _, q := range hotQueries(&s.dialect) {
		stmt, err := s.write.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare statements: %w: %w", ErrUnavailable, err)
		}
		s.closers = append(s.closers, stmt)
		s.hot[q] = stmt
	}
	return nil
}

// prepareReads prepares the point read every GetDecision makes
// on the read pool (readStmts). database/sql prepares them again on each
// new connection by itself.
func (s *sqlStore) prepareReads(ctx context.Context) error {
	s.readStmts = map[string]*sql.Stmt{}
	for _, q := range []string{s.dialect.selectDecision} {
		stmt, err := s.read.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare reads: %w: %w", ErrUnavailable, err)
		}
		s.closers = append(s.closers, stmt)
		s.readStmts[q] = stmt
	}
	return nil
}

// startWriter builds the store's metrics and starts its writer goroutine,
// which Close stops and waits for.
func (s *sqlStore) startWriter(timeout time.Duration, opts Options) error {
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return fmt.Errorf("register metrics: %w", err)
	}
	s.feeds = newFeedHub()
	s.writer = newWriter(writerConfig{
		commit:   s.commitBatch,
		dialect:  s.dialect,
		timeout:  timeout,
		maxBatch: opts.maxBatch(),
		metrics:  m,
		log:      s.log,
		afterCommit: func(reqs []*saveRequest) {
			if teams := feedTeams(reqs); len(teams) > 0 {
				s.feeds.notify(teams)
			}
		},
	})
	go s.writer.run()
	return nil
}

// SaveDecision records d, the decision for filing f, and returns only after
// the row is durably committed. A nil argument, an empty decision_id or a
// dry-run decision is refused with a plain error; an id already recorded
// fails with ErrDuplicate and leaves the stored decision untouched; any
// database failure, and any call after Close, fails with ErrUnavailable. If
// ctx ends first, SaveDecision returns ctx's error; the decision may or may
// not be stored.
//
// When d has no decided_at, the time of the call is stored in the
// decided_at column (the stored decision itself is left as given).
func (s *sqlStore) SaveDecision(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
	row, err := newDecisionRow(d, f, time.Now(), true)
	if err != nil {
		return err
	}
	if err := s.writer.submit(ctx, &saveRequest{decision: row}); err != nil {
		return err
	}
	handOverEncoding(ctx, row)
	return nil
}

// SaveTriage records d with a team drawn from plan in the same transaction;
// see Store.SaveTriage.
func (s *sqlStore) SaveTriage(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing, plan *AssignmentPlan) error {
	if plan == nil {
		return s.SaveDecision(ctx, d, f)
	}
	req, err := newTriageRequest(d, f, plan)
	if err != nil {
		return err
	}
	if err := s.writer.submit(ctx, req); err != nil {
		return err
	}
	own := req.triage.d
	d.Assignment = own.Assignment
	d.UnassignedDraw = own.UnassignedDraw
	d.NeedsReview = own.NeedsReview
	d.ReviewReasons = own.ReviewReasons
	handOverEncoding(ctx, req.decision)
	return nil
}

// encodingKey is the context key of WithDecisionEncoding.
type encodingKey struct{}

// WithDecisionEncoding returns a context with which SaveDecision and
// SaveTriage, once the decision is stored, set *dst to the bytes stored as
// its decision column: proto's deterministic encoding of the decision as
// the call left it (with its assignment or unassigned draw), byte for byte
// what the decisions row and its record digest hold. The server answers
// Triage with these bytes instead of encoding the same decision a second
// time (docs/performance.md). *dst is left alone when the call fails; the
// bytes are shared with nothing that changes them, and must not be changed.
func WithDecisionEncoding(ctx context.Context, dst *[]byte) context.Context {
	return context.WithValue(ctx, encodingKey{}, dst)
}

// handOverEncoding gives row's stored decision bytes to the caller that asked
// for them with WithDecisionEncoding.
func handOverEncoding(ctx context.Context, row *decisionRow) {
	if dst, ok := ctx.Value(encodingKey{}).(*[]byte); ok && dst != nil {
		*dst = row.decision
	}
}

// newTriageRequest validates SaveTriage's arguments and does, in the
// caller's goroutine, everything about the request that does not depend on
// the draw: the copy of the decision the writer works on, its encoding cut
// for the writer to join, the filing's encoding and the assignment's id.
func newTriageRequest(d *triagev1.Decision, f *triagev1.Filing, plan *AssignmentPlan) (*saveRequest, error) {
	if err := plan.validate(); err != nil {
		return nil, err
	}
	// The writer works on its own copy, so a caller that gives up never
	// races it; the result is copied back once committed. The copy is
	// shallow (see shallowDecision) when the writer only joins the parts
	// made here; deep when it has to encode the decision itself: a decision
	// with unknown fields, which splitDecision does not cut.
	var own *triagev1.Decision
	switch {
	case d == nil:
	case len(d.ProtoReflect().GetUnknown()) > 0:
		own = proto.CloneOf(d)
	default:
		own = shallowDecision(d)
	}
	// The decision is encoded here, in the caller's goroutine, once: cut
	// into the parts the writer joins with its assignment (splitDecision).
	// Encoding checks its strings (UTF-8), so a bad one fails here.
	row, err := newDecisionRow(own, f, time.Now(), false)
	if err != nil {
		return nil, err
	}
	job := &triageJob{d: own, plan: plan, needsReview: own.GetNeedsReview(), reasons: len(own.GetReviewReasons())}
	if len(plan.Teams) > 0 {
		filedOn := own.GetFiledOn()
		if filedOn == "" {
			filedOn = f.GetFiledOn()
		}
		if job.period, err = period(filedOn); err != nil {
			return nil, err
		}
		if job.assignmentID, err = newID(); err != nil {
			return nil, err
		}
		for _, t := range plan.Teams {
			if !utf8.ValidString(t.TeamID) {
				return nil, fmt.Errorf("store: assignment plan: team_id %q is not valid UTF-8", t.TeamID)
			}
		}
	}
	if job.parts, err = splitDecision(own, plan.NoTeam); err != nil {
		return nil, err
	}
	if job.parts == nil {
		// Not split (unknown fields): the writer encodes its deep copy;
		// the encoding is checked here.
		if _, err := marshalOpts.Marshal(own); err != nil {
			return nil, fmt.Errorf("store: encode decision: %w", err)
		}
		if plan.NoTeam != nil {
			if _, err := marshalOpts.Marshal(plan.NoTeam); err != nil {
				return nil, fmt.Errorf("store: assignment plan: NoTeam: %w", err)
			}
		}
	}
	return &saveRequest{decision: row, triage: job}, nil
}

// shallowDecision copies d's fields into a new message without copying the
// messages they point to, with a review_reasons list of its own: the
// writer sets needs_review, appends to review_reasons and sets assignment
// and unassigned_draw on the copy, and reads nothing else of it but
// scalars. A deep copy (proto.Clone) of a served decision was a quarter of
// SaveTriage's time in the caller; copying through protoreflect (Range and
// Set per field) was a fifth of what was left, so the fields are named, and
// TestDecisionCopiesNameEveryField fails when Decision gains one they miss.
// Unknown fields are not copied: the caller deep-copies a decision that has
// them.
func shallowDecision(d *triagev1.Decision) *triagev1.Decision {
	own := decisionTail(d)
	own.DecisionId, own.Recommended, own.Options = d.DecisionId, d.Recommended, d.Options
	own.NeedsReview, own.ReviewReasons = d.NeedsReview, slices.Clone(d.ReviewReasons)
	return own
}

// SaveAssignment records a designated assignment; see Store.SaveAssignment.
func (s *sqlStore) SaveAssignment(ctx context.Context, a *triagev1.Assignment) error {
	switch {
	case a == nil:
		return errors.New("store: nil assignment")
	case a.GetDecisionId() == "":
		return errors.New("store: assignment decision_id is empty")
	case a.GetTeamId() == "":
		return errors.New("store: assignment team_id is empty")
	case a.GetReason() == "":
		return errors.New("store: a designated assignment needs a reason")
	case a.GetDraw() != nil:
		return errors.New("store: a designated assignment has no draw")
	}
	switch a.GetKind() {
	case triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED, triagev1.AssignmentKind_ASSIGNMENT_KIND_UNSPECIFIED:
	default:
		return fmt.Errorf("store: SaveAssignment records designated assignments, not %s; random ones are drawn by SaveTriage", a.GetKind())
	}
	if err := checkNUL("decision_id", a.GetDecisionId(), "filing_id", a.GetFilingId(), "team_id", a.GetTeamId()); err != nil {
		return err
	}
	id, err := newID()
	if err != nil {
		return err
	}
	own := proto.CloneOf(a)
	own.AssignmentId = id
	own.Kind = triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED
	own.AssignedAt, own.Cursor = nil, ""
	// Checks the strings' UTF-8 here rather than after the writer counted
	// the assignment into the team's load.
	if _, err := marshalOpts.Marshal(own); err != nil {
		return fmt.Errorf("store: encode assignment: %w", err)
	}
	job := &designatedJob{orig: own, expectTeam: caseTeamOf(ctx)}
	if err := s.writer.submit(ctx, &saveRequest{designated: job}); err != nil {
		return err
	}
	proto.Reset(a)
	proto.Merge(a, job.result)
	return nil
}

// ReroutePlan asks SaveConversion to move the case off its team when that
// team does not take the outcome's procedure.
type ReroutePlan struct {
	// Keep are the teams that may keep the case under the outcome's
	// procedure. A case on one of them, or on none, stays where it is.
	Keep map[string]bool
	// Draw is the random draw among the teams that take the case under the
	// outcome's procedure, as for SaveTriage (its NoTeam is not used). With
	// no team, or none with room, the case is left UNROUTED.
	Draw AssignmentPlan
	// Reason is recorded as the new assignment's reason when the case
	// leaves a team Refusals does not name. Required.
	Reason string
	// Refusals are, for teams not in Keep, why each may not hold the case
	// (the rule a designation to it would be refused by): the new
	// assignment's reason when the case leaves that team. The team the case
	// is on is read inside the transaction, so the reason is chosen there.
	Refusals map[string]string
}

// reasonFor is the reason recorded when the case leaves team from.
func (p *ReroutePlan) reasonFor(from string) string {
	if r := p.Refusals[from]; r != "" {
		return r
	}
	return p.Reason
}

// rerouteJob is SaveConversion's part of an outcome's request.
type rerouteJob struct {
	plan         *ReroutePlan
	procedure    triagev1.Procedure
	assignmentID string
	// result is the reassignment the last attempt made, nil for none.
	result *triagev1.Assignment
}

// SaveConversion records o like SaveOutcomeAfter and, in the same
// transaction, moves the case off its team when that team is not in
// plan.Keep; see Store.SaveConversion.
func (s *sqlStore) SaveConversion(ctx context.Context, o *triagev1.Outcome, prior int, plan *ReroutePlan) (*triagev1.Assignment, error) {
	if prior < 0 {
		return nil, errors.New("store: negative prior outcome count")
	}
	if plan == nil {
		return nil, s.saveOutcome(ctx, o, prior, nil)
	}
	if err := plan.Draw.validate(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(plan.Reason) == "" {
		return nil, errors.New("store: reroute plan has no reason")
	}
	for _, r := range append(slices.Collect(maps.Values(plan.Refusals)), plan.Reason) {
		if !utf8.ValidString(r) || strings.IndexByte(r, 0) >= 0 {
			return nil, errors.New("store: reroute plan's reason is not valid UTF-8 text")
		}
	}
	id, err := newID()
	if err != nil {
		return nil, err
	}
	job := &rerouteJob{plan: plan, procedure: o.GetProcedure(), assignmentID: id}
	if err := s.saveOutcome(ctx, o, prior, job); err != nil {
		return nil, err
	}
	return job.result, nil
}

func (s *sqlStore) saveOutcome(ctx context.Context, o *triagev1.Outcome, expectPrior int, reroute *rerouteJob) error {
	switch {
	case o == nil:
		return errors.New("store: nil outcome")
	case o.GetDecisionId() == "":
		return errors.New("store: outcome decision_id is empty")
	case o.GetProcedure() == triagev1.Procedure_PROCEDURE_UNSPECIFIED:
		return errors.New("store: outcome procedure is unspecified")
	}
	if err := checkNUL("decision_id", o.GetDecisionId(), "decided_by", o.GetDecidedBy()); err != nil {
		return err
	}
	id, err := newID()
	if err != nil {
		return err
	}
	now := time.Now()
	recordedAt, err := unixNanos("recorded_at", now)
	if err != nil {
		return err
	}
	oldID, oldAt := o.OutcomeId, o.RecordedAt
	o.OutcomeId, o.RecordedAt = id, timestamppb.New(now)
	blob, err := marshalOpts.Marshal(o)
	if err == nil {
		err = s.writer.submit(ctx, &saveRequest{outcome: &outcomeRow{
			expectPrior: expectPrior,
			expectTeam:  caseTeamOf(ctx),
			reroute:     reroute,
			outcomeID:   id,
			decisionID:  o.GetDecisionId(),
			procedure:   o.GetProcedure().String(),
			change:      o.GetChange().String(),
			decidedBy:   o.GetDecidedBy(),
			recordedAt:  recordedAt,
			outcome:     blob,
		}})
	} else {
		err = fmt.Errorf("store: encode outcome: %w", err)
	}
	if err != nil {
		o.OutcomeId, o.RecordedAt = oldID, oldAt
		return err
	}
	return nil
}

// SaveOutcome records an outcome; see Store.SaveOutcome.
func (s *sqlStore) SaveOutcome(ctx context.Context, o *triagev1.Outcome) error {
	return s.saveOutcome(ctx, o, -1, nil)
}

// SaveOutcomeAfter records an outcome if the decision still has exactly
// prior outcomes; see Store.SaveOutcomeAfter.
func (s *sqlStore) SaveOutcomeAfter(ctx context.Context, o *triagev1.Outcome, prior int) error {
	if prior < 0 {
		return errors.New("store: negative prior outcome count")
	}
	return s.saveOutcome(ctx, o, prior, nil)
}

// TeamChanges returns a channel closed by the next commit that touches
// team's feed; see Store.TeamChanges.
func (s *sqlStore) TeamChanges(team string) <-chan struct{} {
	return s.feeds.wait(team)
}

// newID returns a new UUIDv7: unique, and sorting by creation time.
func newID() (string, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("store: new id: %w", err)
	}
	return id.String(), nil
}

// readByKey is the point read of query for key into dest, with the errors
// every such read gives, each prefixed "op key": an empty key is an
// argument error naming keyField; a key holding NUL is not found (never
// stored: SaveDecision refuses such ids, and PostgreSQL would reject the
// query as an error rather than find nothing); no row is ErrNotFound; a
// caller that gave up gets its context's error (the database may be fine);
// any other failure is ErrUnavailable.
func (s *sqlStore) readByKey(ctx context.Context, op, keyField, key, query string, dest any) error {
	if key == "" {
		return fmt.Errorf("store: %s is empty", keyField)
	}
	if strings.IndexByte(key, 0) >= 0 {
		return fmt.Errorf("%s %q: %w", op, key, ErrNotFound)
	}
	err := s.readRow(ctx, query, []any{key}, dest)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%s %q: %w", op, key, ErrNotFound)
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("%s %q: %w", op, key, ctx.Err())
	case err != nil:
		return fmt.Errorf("%s %q: %w: %w", op, key, ErrUnavailable, err)
	}
	return nil
}

// GetDecision returns the decision recorded under decisionID, or an error
// wrapping ErrNotFound if there is none.
func (s *sqlStore) GetDecision(ctx context.Context, decisionID string) (*triagev1.Decision, error) {
	var blob []byte
	if err := s.readByKey(ctx, "get decision", "decision_id", decisionID, s.dialect.selectDecision, &blob); err != nil {
		return nil, err
	}
	d := &triagev1.Decision{}
	if err := proto.Unmarshal(blob, d); err != nil {
		// Not ErrUnavailable: a row that does not decode will not decode on
		// retry either.
		return nil, fmt.Errorf("get decision %q: decode: %w", decisionID, err)
	}
	return d, nil
}

// GetFiling returns the filing stored with decision decisionID, or an error
// wrapping ErrNotFound if there is none: an outcome that corrects the facts
// is compared with it.
func (s *sqlStore) GetFiling(ctx context.Context, decisionID string) (*triagev1.Filing, error) {
	var blob []byte
	if err := s.readByKey(ctx, "get filing of", "decision_id", decisionID, s.dialect.selectFiling, &blob); err != nil {
		return nil, err
	}
	f := &triagev1.Filing{}
	if err := proto.Unmarshal(blob, f); err != nil {
		return nil, fmt.Errorf("get filing of %q: decode: %w", decisionID, err)
	}
	return f, nil
}

// ListOutcomes returns a decision's outcomes in recording order.
func (s *sqlStore) ListOutcomes(ctx context.Context, decisionID string) ([]*triagev1.Outcome, error) {
	if decisionID == "" {
		return nil, errors.New("store: decision_id is empty")
	}
	if strings.IndexByte(decisionID, 0) >= 0 {
		return nil, fmt.Errorf("list outcomes of %q: %w", decisionID, ErrNotFound)
	}
	var out []*triagev1.Outcome
	err := s.retryRead(ctx, func() error {
		out = nil
		err := s.eachBlob(ctx, s.dialect.q(selectCaseOutcomes), []any{decisionID},
			func(id string, blob []byte) error {
				o, err := decodeOutcome(id, blob)
				if err != nil {
					return err
				}
				out = append(out, o)
				return nil
			})
		if err != nil || len(out) > 0 {
			return err
		}
		// No outcomes: say whether the decision exists at all.
		var one int
		err = s.read.QueryRowContext(ctx, s.dialect.q(`SELECT 1 FROM decisions WHERE decision_id = ?`), decisionID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list outcomes of %q: %w", decisionID, err)
	}
	return out, nil
}

// maxListLimit bounds one ListAssignments page.
const maxListLimit = 10000

// ListAssignments returns a team's assignments after a cursor; see
// Store.ListAssignments.
func (s *sqlStore) ListAssignments(ctx context.Context, teamID string, afterCursor int64, limit int) ([]*triagev1.Assignment, error) {
	switch {
	case teamID == "":
		return nil, errors.New("store: team_id is empty")
	case afterCursor < 0:
		return nil, fmt.Errorf("store: cursor %d is negative", afterCursor)
	case limit <= 0 || limit > maxListLimit:
		return nil, fmt.Errorf("store: limit %d is outside 1..%d", limit, maxListLimit)
	}
	if strings.IndexByte(teamID, 0) >= 0 {
		return nil, nil // no team has such an id
	}
	var out []*triagev1.Assignment
	err := s.retryRead(ctx, func() error {
		out = nil
		// Two ordered index range scans (arrivals, departures), each
		// bounded by the page, merged: a page costs the page, however long
		// the team's history.
		return s.eachBlob(ctx, s.dialect.q(`SELECT decision_id, assignment FROM (
    SELECT * FROM (SELECT seq, decision_id, assignment FROM assignments
        WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?) arrived
    UNION ALL
    SELECT * FROM (SELECT seq, decision_id, assignment FROM assignments
        WHERE previous_team_id = ? AND previous_team_id <> '' AND seq > ? ORDER BY seq LIMIT ?) departed
) feed ORDER BY seq LIMIT ?`), []any{teamID, afterCursor, limit, teamID, afterCursor, limit, limit},
			func(id string, blob []byte) error {
				a, err := decodeAssignment(id, blob)
				if err != nil {
					return err
				}
				out = append(out, a)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("list assignments of team %q: %w", teamID, err)
	}
	return out, nil
}

// CaseRecord is one decided case for exports and statistics.
type CaseRecord struct {
	Decision *triagev1.Decision
	Filing   *triagev1.Filing
	// Outcomes in recording order; empty when none was recorded.
	Outcomes []*triagev1.Outcome
	// Assignment is the case's latest assignment (a designated one recorded
	// after the draw replaces it), nil when it has none.
	Assignment *triagev1.Assignment
}

// scanPage is how many decisions ScanCases reads at a time.
const scanPage = 256

// ScanCases calls fn for every case decided at or after since; see
// Store.ScanCases.
func (s *sqlStore) ScanCases(ctx context.Context, since time.Time, fn func(CaseRecord) error) error {
	if fn == nil {
		return errors.New("store: ScanCases needs a function")
	}
	// Unix nanoseconds cover 1678–2262; decided_at is always inside.
	var from int64
	switch {
	case since.Before(time.Unix(0, math.MinInt64)):
		from = math.MinInt64
	case since.After(time.Unix(0, math.MaxInt64)):
		return nil
	default:
		from = since.UnixNano()
	}
	// Keyset pagination on (decided_at, decision_id): each page is a short
	// query, so fn can take its time without holding a connection or a
	// snapshot open, and memory stays one page.
	var key *pageKey
	for {
		var page []CaseRecord
		var next *pageKey
		err := s.retryRead(ctx, func() error {
			var err error
			page, next, err = s.casePage(ctx, from, key)
			return err
		})
		if err != nil {
			return fmt.Errorf("scan cases: %w", err)
		}
		for _, c := range page {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("scan cases: %w", err)
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		if len(page) < scanPage {
			return nil
		}
		key = next
	}
}

// pageKey is the (decided_at, decision_id) of the last case of a page.
type pageKey struct {
	decidedAt  int64
	decisionID string
}

// The page queries of casePage. The keyset is a row value so that both
// dialects answer it as one range scan of decisions_decided_at_id (migration
// 0004): every page costs the same, and a whole scan is linear in rows.
const (
	firstCasePage = `SELECT decision_id, decided_at, decision, filing FROM decisions
WHERE decided_at >= ? ORDER BY decided_at, decision_id LIMIT ?`
	nextCasePage = `SELECT decision_id, decided_at, decision, filing FROM decisions
WHERE (decided_at, decision_id) > (?, ?) ORDER BY decided_at, decision_id LIMIT ?`
)

// casePage reads the scanPage cases after key (from the start when nil)
// with their outcomes and latest assignments, three queries per page.
func (s *sqlStore) casePage(ctx context.Context, from int64, after *pageKey) ([]CaseRecord, *pageKey, error) {
	var rows *sql.Rows
	var err error
	if after == nil {
		rows, err = s.read.QueryContext(ctx, s.dialect.q(firstCasePage), from, scanPage)
	} else {
		rows, err = s.read.QueryContext(ctx, s.dialect.q(nextCasePage), after.decidedAt, after.decisionID, scanPage)
	}
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var page []CaseRecord
	var key pageKey
	index := map[string]int{}
	for rows.Next() {
		var decBlob, filingBlob []byte
		if err := rows.Scan(&key.decisionID, &key.decidedAt, &decBlob, &filingBlob); err != nil {
			return nil, nil, err
		}
		c := CaseRecord{Decision: &triagev1.Decision{}, Filing: &triagev1.Filing{}}
		if err := proto.Unmarshal(decBlob, c.Decision); err != nil {
			return nil, nil, &errDecode{fmt.Errorf("decision %q: %w", key.decisionID, err)}
		}
		if err := proto.Unmarshal(filingBlob, c.Filing); err != nil {
			return nil, nil, &errDecode{fmt.Errorf("filing of decision %q: %w", key.decisionID, err)}
		}
		index[key.decisionID] = len(page)
		page = append(page, c)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	_ = rows.Close()
	if len(page) == 0 {
		return nil, nil, nil
	}
	ids := make([]any, 0, len(index))
	for id := range index {
		ids = append(ids, id)
	}
	in := s.dialect.list(1, len(ids))
	err = s.eachBlob(ctx, `SELECT decision_id, outcome FROM outcomes WHERE decision_id IN (`+in+`) ORDER BY seq`, ids,
		func(id string, blob []byte) error {
			o, err := decodeOutcome(id, blob)
			if err != nil {
				return err
			}
			c := &page[index[id]]
			c.Outcomes = append(c.Outcomes, o)
			return nil
		})
	if err != nil {
		return nil, nil, err
	}
	err = s.eachBlob(ctx, `SELECT decision_id, assignment FROM assignments WHERE decision_id IN (`+in+`) ORDER BY seq`, ids,
		func(id string, blob []byte) error {
			a, err := decodeAssignment(id, blob)
			if err != nil {
				return err
			}
			page[index[id]].Assignment = a // in seq order: the last one stays
			return nil
		})
	if err != nil {
		return nil, nil, err
	}
	return page, &key, nil
}

// eachBlob runs a query of (decision_id, blob) rows and calls f on each, in
// order; the query's placeholders are already in the dialect's form.
func (s *sqlStore) eachBlob(ctx context.Context, query string, args []any, f func(id string, blob []byte) error) error {
	return eachBlobOn(ctx, s.read, query, args, f)
}

// queryer runs a query on a pool or in a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// eachBlobOn is eachBlob on q: a read snapshot's transaction (GetCase).
func eachBlobOn(ctx context.Context, q queryer, query string, args []any, f func(id string, blob []byte) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var blob []byte
		if err := rows.Scan(&id, &blob); err != nil {
			return err
		}
		if err := f(id, blob); err != nil {
			return err
		}
	}
	return rows.Err()
}

// retryRead runs f, a read that can be repeated from scratch, and runs it
// again when the pooled connection it got turns out to have died since its
// last use (a restarted server, a killed session): each failure retires one
// dead connection, so after at most as many tries as the pool holds it runs
// on a new one. Its error is f's, classified: ErrNotFound and decode errors
// as they are, the caller's context error when the caller gave up, and
// anything else from the database wrapped in ErrUnavailable.
func (s *sqlStore) retryRead(ctx context.Context, f func() error) error {
	var err error
	for range s.read.Stats().MaxOpenConnections + 1 {
		err = f()
		if err == nil || ctx.Err() != nil || !s.dialect.connLost(err) {
			break
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrNotFound) || isDecode(err):
		return err
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return fmt.Errorf("%w: %w", ErrUnavailable, err)
}

// Ping reports whether the store can serve: the writer is running and the
// database answers a read. Failures wrap ErrUnavailable, for readiness probes.
func (s *sqlStore) Ping(ctx context.Context) error {
	if s.writer.isClosed() {
		return errClosed("ping store")
	}
	var version int
	if err := s.readRow(ctx, s.dialect.schemaVersion, nil, &version); err != nil {
		return fmt.Errorf("ping store: %w: %w", ErrUnavailable, err)
	}
	return nil
}

// SchemaVersion returns the highest migration version applied to the
// database.
func (s *sqlStore) SchemaVersion(ctx context.Context) (int, error) {
	var version int
	if err := s.readRow(ctx, s.dialect.schemaVersion, nil, &version); err != nil {
		return 0, fmt.Errorf("read schema version: %w: %w", ErrUnavailable, err)
	}
	return version, nil
}

// readRow runs a one-row read into dest, again on another connection when
// the one it got had died (see retryRead). Its errors are the driver's.
func (s *sqlStore) readRow(ctx context.Context, query string, args []any, dest ...any) error {
	var err error
	stmt := s.readStmts[query]
	for range s.read.Stats().MaxOpenConnections + 1 {
		if stmt != nil {
			err = stmt.QueryRowContext(ctx, args...).Scan(dest...)
		} else {
			err = s.read.QueryRowContext(ctx, query, args...).Scan(dest...)
		}
		if err == nil || ctx.Err() != nil || !s.dialect.connLost(err) {
			return err
		}
	}
	return err
}

// Close stops accepting decisions, waits for the writer to commit and answer
// every decision already queued, wakes the followers waiting on Changes,
// then closes the databases. Later calls return the first call's result.
func (s *sqlStore) Close() error {
	s.closeOnce.Do(func() {
		s.writer.stop()
		s.feeds.close()
		if err := s.closeAll(); err != nil {
			s.closeErr = fmt.Errorf("close %s store: %w", s.dialect.name, err)
		}
		s.log.Info("store closed")
	})
	return s.closeErr
}

// closeAll closes what Open opened, last opened first.
func (s *sqlStore) closeAll() error {
	var errs []error
	for i := len(s.closers) - 1; i >= 0; i-- {
		errs = append(errs, s.closers[i].Close())
	}
	return errors.Join(errs...)
}
