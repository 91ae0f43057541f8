package store

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Record kinds, the values of audit_log.record_kind.
const (
	kindDecision   = "decision"
	kindOutcome    = "outcome"
	kindAssignment = "assignment"
)

// marshalOpts makes the stored bytes a function of the message alone, so the
// audit chain's hashes and exports are stable.
var marshalOpts = proto.MarshalOptions{Deterministic: true}

// decisionRow is one row of the decisions table, ready to bind. It is built
// in the caller's goroutine so that encoding runs in parallel across requests
// and the single writer only does database work. (SaveTriage's decision blob
// is the exception: it holds the assignment, which is drawn in the writer's
// transaction.)
type decisionRow struct {
	decisionID   string
	filingID     string
	filingKey    string // filingKey(filingID): not in the row's digest (insertArgs)
	caseKind     string
	recommended  string
	needsReview  int64
	modelVersion string
	rulesVersion string
	decidedAt    int64 // Unix nanoseconds, UTC
	decision     []byte
	filing       []byte
	// cols is insertArgs as seal took them: what the SQLite insert binds, so
	// that the row's columns are boxed into interfaces once, not once for
	// the digest and again for the insert (docs/performance.md).
	cols []any
}

// args returns the values in the column order of the decisions table,
// the columns the record digest covers.
func (r *decisionRow) args() []any { return r.insertArgs()[:decisionDigestCols] }

// decisionDigestCols is how many of insertArgs the record digest covers:
// all but the filing key. The key is derived from filing_id, so the record
// digest and the audit chain, which decisions stored before the key existed
// were chained with, leave it out.
const decisionDigestCols = 10

// insertArgs returns the values of decisionInsertColumns: args and the
// filing key.
func (r *decisionRow) insertArgs() []any {
	return []any{
		r.decisionID, r.filingID, r.caseKind, r.recommended, r.needsReview,
		r.modelVersion, r.rulesVersion, r.decidedAt, r.decision, r.filing,
		r.filingKey,
	}
}

// appendInsertArgs appends the values of decisionInsertColumns, as seal
// kept them, to dst; without the filing key for a database whose decisions
// have no filing_key column (unkeyed).
func (r *decisionRow) appendInsertArgs(dst []any, unkeyed bool) []any {
	cols := sealedCols(r.cols, r.insertArgs)
	if unkeyed {
		cols = cols[:decisionDigestCols]
	}
	return append(dst, cols...)
}

// digest is the row's record_sha256 (see rowDigest), computed afresh (an
// audit's check of a stored row).
func (r *decisionRow) digest() string { return digestColumns(r.args()) }

// seal returns the row's record_sha256 and keeps the columns (insertArgs)
// for the insert: the batch chains a row once its columns are final.
func (r *decisionRow) seal() string {
	r.cols = r.insertArgs()
	return digestColumns(r.cols[:decisionDigestCols])
}

// sealedCols returns the columns a row's seal kept, or the row's columns
// anew for a row never sealed (none is: every row a batch writes is
// chained first).
func sealedCols(cols []any, args func() []any) []any {
	if cols == nil {
		return args()
	}
	return cols
}

// setNeedsReview sets the needs_review column.
func (r *decisionRow) setNeedsReview(v bool) {
	r.needsReview = 0
	if v {
		r.needsReview = 1
	}
}

// newDecisionRow validates the arguments of SaveDecision and encodes them.
// Its errors are plain (not ErrUnavailable): they are the caller's bugs, and
// retrying cannot help. now supplies decided_at when the decision has none.
// With encodeDecision false the decision blob is left empty for the writer
// to fill (SaveTriage).
func newDecisionRow(d *triagev1.Decision, f *triagev1.Filing, now time.Time, encodeDecision bool) (*decisionRow, error) {
	switch {
	case d == nil:
		return nil, errors.New("store: nil decision")
	case f == nil:
		return nil, errors.New("store: nil filing")
	case d.GetDecisionId() == "":
		return nil, errors.New("store: decision_id is empty")
	case d.GetDryRun():
		// dry_run promises the client that nothing was stored.
		return nil, errors.New("store: decision is a dry run; dry-run decisions are not stored")
	case d.GetAssignment() != nil:
		// An assignment lives in the assignments table and the team's feed
		// too; one only inside the decision would be seen by no team.
		return nil, errors.New("store: decision already carries an assignment; assignments are made by SaveTriage or SaveAssignment")
	case d.GetUnassignedDraw() != nil:
		return nil, errors.New("store: decision already carries an unassigned draw; draws are made by SaveTriage")
	}
	filingID := d.GetFilingId()
	switch {
	case filingID == "":
		filingID = f.GetId()
	case f.GetId() != "" && f.GetId() != filingID:
		// The row would index one filing and carry another.
		return nil, fmt.Errorf("store: decision filing_id %q differs from filing id %q", filingID, f.GetId())
	}
	// PostgreSQL's text type cannot hold NUL, which protobuf strings may
	// carry; refusing it here keeps the two stores answering alike.
	if err := checkNUL("decision_id", d.GetDecisionId(), "filing_id", filingID,
		"model_version", d.GetModelVersion(), "rules_version", d.GetRulesVersion()); err != nil {
		return nil, err
	}
	caseKind := d.GetCaseKind()
	if caseKind == triagev1.CaseKind_CASE_KIND_UNSPECIFIED {
		caseKind = f.GetCaseKind()
	}

	decidedAt := now
	if ts := d.GetDecidedAt(); ts != nil {
		if err := ts.CheckValid(); err != nil {
			return nil, fmt.Errorf("store: decided_at: %w", err)
		}
		decidedAt = ts.AsTime()
	}
	nanos, err := unixNanos("decided_at", decidedAt)
	if err != nil {
		return nil, err
	}

	row := &decisionRow{
		decisionID:   d.GetDecisionId(),
		filingID:     filingID,
		filingKey:    filingKey(filingID),
		caseKind:     caseKind.String(),
		recommended:  d.GetRecommended().String(),
		modelVersion: d.GetModelVersion(),
		rulesVersion: d.GetRulesVersion(),
		decidedAt:    nanos,
	}
	row.setNeedsReview(d.GetNeedsReview())
	if encodeDecision {
		if row.decision, err = marshalOpts.Marshal(d); err != nil {
			return nil, fmt.Errorf("store: encode decision: %w", err)
		}
	}
	if row.filing, err = marshalOpts.Marshal(f); err != nil {
		return nil, fmt.Errorf("store: encode filing: %w", err)
	}
	return row, nil
}

// unixNanos returns t in Unix nanoseconds, refusing times outside roughly
// 1678–2262 where UnixNano is undefined, rather than storing a wrapped-around
// time that sorts in the wrong place.
func unixNanos(name string, t time.Time) (int64, error) {
	nanos := t.UnixNano()
	if !time.Unix(0, nanos).Equal(t) {
		return 0, fmt.Errorf("store: %s %s is out of range", name, t.UTC().Format(time.RFC3339))
	}
	return nanos, nil
}

// checkNUL takes name, value pairs and refuses a value with a NUL byte.
func checkNUL(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.IndexByte(pairs[i+1], 0) >= 0 {
			return fmt.Errorf("store: %s contains a NUL byte", pairs[i])
		}
	}
	return nil
}

// outcomeRow is one row of the outcomes table. seq is set by the writer.
type outcomeRow struct {
	// expectPrior, when ≥ 0, is how many outcomes the caller saw for the
	// decision; the write fails with ErrConflict if there are others by now.
	// Not a column.
	expectPrior int
	// expectTeam, when set, is the team the caller read the case with
	// (WithCaseTeam); the write fails with ErrCaseMoved if it is with
	// another by now. Not a column.
	expectTeam *string
	// reroute, when set, moves the case off a team that does not take the
	// outcome's procedure (batch.reroute). Not a column.
	reroute    *rerouteJob
	outcomeID  string
	decisionID string
	procedure  string
	change     string
	decidedBy  string
	recordedAt int64
	seq        int64
	outcome    []byte
}

func (r *outcomeRow) args() []any {
	return []any{r.outcomeID, r.decisionID, r.procedure, r.change, r.decidedBy, r.recordedAt, r.seq, r.outcome}
}

func (r *outcomeRow) digest() string { return digestColumns(r.args()) }

// assignmentRow is one row of the assignments table, built by the writer.
type assignmentRow struct {
	assignmentID string
	decisionID   string
	teamID       string
	kind         string
	period       string
	assignedAt   int64
	seq          int64
	assignment   []byte
	// previousTeamID is the team the assignment moves the case away from,
	// "" when none (migrations/sqlite/0009_assignments_previous_team.sql).
	previousTeamID string
	// cols is args as seal took them, what the SQLite insert binds (as
	// decisionRow.cols).
	cols []any
}

func (r *assignmentRow) args() []any {
	return []any{r.assignmentID, r.decisionID, r.teamID, r.kind, r.period, r.assignedAt, r.seq, r.assignment, r.previousTeamID}
}

// digest covers previous_team_id only when it is set, so that rows written
// before the column existed keep their digests; setting or clearing it
// still changes the digest.
func (r *assignmentRow) digest() string { return r.digestOf(r.args()) }

// digestOf is the digest of the row's columns cols (args).
func (r *assignmentRow) digestOf(cols []any) string {
	if r.previousTeamID == "" {
		cols = cols[:len(cols)-1]
	}
	return digestColumns(cols)
}

// seal returns the row's record_sha256 and keeps the columns it hashed for
// the insert (as decisionRow.seal).
func (r *assignmentRow) seal() string {
	r.cols = r.args()
	return r.digestOf(r.cols)
}

// appendInsertArgs appends the row's columns, as sealed, to dst.
func (r *assignmentRow) appendInsertArgs(dst []any) []any {
	return append(dst, sealedCols(r.cols, r.args)...)
}

// period returns the intake month "YYYY-MM" of a filed_on date "YYYY-MM-DD".
func period(filedOn string) (string, error) {
	t, err := time.Parse(time.DateOnly, filedOn)
	if err != nil {
		return "", fmt.Errorf("store: filed_on %q is not a YYYY-MM-DD date", filedOn)
	}
	return t.Format("2006-01"), nil
}

// SameFiling reports whether filing f is, as the store would record it, the
// filing stored: their canonical encodings (marshalOpts, the deterministic
// protobuf encoding the filings column holds) are equal, both made by this
// binary, so that a record written by an older one compares by its content.
// Every field the decision depends on is in the encoding, as sent: the id
// as spelled, an empty filed_on or province left empty (what the rules
// inferred from them is in the stored decision), the deprecated guilty_plea
// apart from its successors, the parties in their order, an empty message
// present apart from one absent, unknown fields. Stricter than the
// decision needs, on purpose: a retry sends what it sent, and a false
// "different" costs the client an ALREADY_EXISTS, a false "same" would
// answer it a decision made on other facts. The server answers a Triage of
// an already decided filing with the stored decision only when this holds
// (server.Service.Triage, a retry after a lost answer; TestSameFiling).
func SameFiling(stored, f *triagev1.Filing) (bool, error) {
	a, err := marshalOpts.Marshal(stored)
	if err != nil {
		return false, fmt.Errorf("store: encode stored filing: %w", err)
	}
	b, err := marshalOpts.Marshal(f)
	if err != nil {
		return false, fmt.Errorf("store: encode filing: %w", err)
	}
	return bytes.Equal(a, b), nil
}
