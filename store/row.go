package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// decisionRow is one row of the decisions table, ready to bind. It is built
// in the caller's goroutine so that encoding runs in parallel across requests
// and the single writer only does database work.
type decisionRow struct {
	decisionID   string
	filingID     string
	caseKind     string
	recommended  string
	needsReview  int64
	modelVersion string
	rulesVersion string
	decidedAt    int64 // Unix nanoseconds, UTC
	decision     []byte
	filing       []byte
}

// args returns the values in the column order of dialect.insertDecision.
func (r *decisionRow) args() []any {
	return []any{
		r.decisionID, r.filingID, r.caseKind, r.recommended, r.needsReview,
		r.modelVersion, r.rulesVersion, r.decidedAt, r.decision, r.filing,
	}
}

// newDecisionRow validates the arguments of SaveDecision and encodes them.
// Its errors are plain (not ErrUnavailable): they are the caller's bugs, and
// retrying cannot help. now supplies decided_at when the decision has none.
func newDecisionRow(d *triagev1.Decision, f *triagev1.Filing, now time.Time) (*decisionRow, error) {
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
	for _, c := range []struct{ name, value string }{
		{"decision_id", d.GetDecisionId()}, {"filing_id", filingID},
		{"model_version", d.GetModelVersion()}, {"rules_version", d.GetRulesVersion()},
	} {
		if strings.IndexByte(c.value, 0) >= 0 {
			return nil, fmt.Errorf("store: %s contains a NUL byte", c.name)
		}
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
	nanos := decidedAt.UnixNano()
	// UnixNano is undefined outside roughly 1678–2262; refuse rather than
	// store a wrapped-around time that sorts in the wrong place.
	if !time.Unix(0, nanos).Equal(decidedAt) {
		return nil, fmt.Errorf("store: decided_at %s is out of range", decidedAt.UTC().Format(time.RFC3339))
	}

	// Deterministic encoding makes the stored bytes a function of the message
	// alone, so the audit chain planned in design.md §7 can hash them and
	// exports are stable.
	marshalOpts := proto.MarshalOptions{Deterministic: true}
	decision, err := marshalOpts.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("store: encode decision: %w", err)
	}
	filing, err := marshalOpts.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("store: encode filing: %w", err)
	}
	var needsReview int64
	if d.GetNeedsReview() {
		needsReview = 1
	}
	return &decisionRow{
		decisionID:   d.GetDecisionId(),
		filingID:     filingID,
		caseKind:     caseKind.String(),
		recommended:  d.GetRecommended().String(),
		needsReview:  needsReview,
		modelVersion: d.GetModelVersion(),
		rulesVersion: d.GetRulesVersion(),
		decidedAt:    nanos,
		decision:     decision,
		filing:       filing,
	}, nil
}
