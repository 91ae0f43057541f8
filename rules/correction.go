package rules

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// MaxCorrectionBasisChars bounds outcome.correction.basis: a document and an
// article, e.g. "原告2024年3月10日变更诉讼请求申请书；民诉法解释第二百三十二条".
const MaxCorrectionBasisChars = 500

// CheckCorrection checks the fact correction an outcome carries against the
// decision d and its stored filing original, sets the correction's
// changed_fields, and returns the assessment of the corrected filing. Errors
// are *FieldError naming outcome.correction…, or a plain error when original
// is missing (the server's record, not the request, is at fault).
//
// A correction restates the filing, it does not replace the case: its id
// (in any spelling of the case number, FilingKey: it is stored under the
// decided one), case kind and 立案 date must stay those of the decision, and
// it must differ somewhere from the facts as they stand (prior's latest
// correction, else the original), or there is nothing to correct.
func (e *Engine) CheckCorrection(d *triagev1.Decision, original *triagev1.Filing, prior []*triagev1.Outcome, o *triagev1.Outcome) (*Assessment, error) {
	c := o.GetCorrection()
	basis := strings.TrimSpace(c.GetBasis())
	switch {
	case basis == "":
		return nil, fieldErrorf("outcome.correction.basis", "is required: what establishes the corrected facts (a document, a ruling, the article)")
	case utf8.RuneCountInString(c.GetBasis()) > MaxCorrectionBasisChars:
		return nil, fieldErrorf("outcome.correction.basis", "is longer than %d characters", MaxCorrectionBasisChars)
	}
	if err := ValidateText("outcome.correction.basis", c.GetBasis(), SingleLine); err != nil {
		return nil, err
	}
	f := c.GetFiling()
	if f == nil {
		return nil, fieldErrorf("outcome.correction.filing", "is required: the filing as the court now has it")
	}
	if original == nil {
		return nil, fmt.Errorf("rules: decision %q: the stored filing is needed to check a correction", d.GetDecisionId())
	}
	// By the engine's clock, as the corrected filing is evaluated below.
	if _, err := validateAt(f, e.now(), original.GetId()); err != nil {
		return nil, correctionField(err)
	}
	switch {
	case FilingKey(f.GetId()) != FilingKey(original.GetId()):
		return nil, fieldErrorf("outcome.correction.filing.id", "must be the decided filing's id %q (or another spelling of that case number)", original.GetId())
	case f.GetCaseKind() != d.GetCaseKind():
		return nil, fieldErrorf("outcome.correction.filing.case_kind", "must stay %s: a correction does not change the kind of case", d.GetCaseKind())
	case f.GetFiledOn() != d.GetFiledOn():
		// The 立案 date is the court's own act that starts every time
		// limit, not a fact of the filing to correct.
		return nil, fieldErrorf("outcome.correction.filing.filed_on", "must stay the decision's 立案 date %s", d.GetFiledOn())
	}
	if f.GetId() != original.GetId() {
		// Another spelling of the decided case number (FilingKey), as the
		// clerk's system writes it: the store holds the case under one
		// decision whichever system filed it, so the correction restates
		// that filing under the id it was decided under, and the record
		// and its exports spell one case one way.
		f.Id = original.GetId()
	}
	// Nothing to correct is judged against the facts as they stand, the
	// latest correction recorded before o, else the filing as decided: a
	// claim reduced and then raised back restates the filed facts, and
	// refusing that as no change (as until outside check 8) left the record
	// on the reduced claim for good. changed_fields stays the difference
	// from the filing as decided (the proto's contract), empty then.
	current, against := original, "the decided filing"
	if last := latestCorrection(prior); last != nil {
		current, against = last.GetFiling(), "the facts as last corrected"
	}
	if len(ChangedFields(current, f)) == 0 {
		return nil, fieldErrorf("outcome.correction.filing", "changes nothing: it equals %s", against)
	}
	c.ChangedFields = ChangedFields(original, f)
	a, err := e.evaluate(f, original.GetId())
	if err != nil {
		return nil, correctionField(err)
	}
	return a, nil
}

// RoutingView is decision d as the teams must read it once its facts are
// corrected (routing.OffFastTrack in a re-draw after an outcome, and in a
// designation): the options and review reasons of the latest corrected
// filing — o's correction when o carries one (o may be nil), else the latest
// recorded in prior — beside those of d's review reasons that do not come
// from the rules (the classifier's, NO_TEAM_CAPACITY), which a correction
// does not re-run. Without a correction it is d itself.
//
// A correction re-evaluates the case for the procedure (Engine.ValidateOutcome);
// it must re-evaluate it for the bench too, or a case whose corrected facts
// require a panel (a 第三人撤销之诉, Interp. 292) or review (a 公益诉讼) would
// stay with, or be designated to, a 速裁团队 on the facts first filed.
// Call it after ValidateOutcome, which checked the correction; a caller
// that records an outcome gets the same view from CheckOutcomeRecord's
// OutcomeRecord.RoutingView, without evaluating the filing again.
func (e *Engine) RoutingView(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome) (*triagev1.Decision, error) {
	r := e.recordOf(d, prior, o)
	if _, err := r.assessment(); err != nil {
		return nil, err
	}
	return r.RoutingView(), nil
}

// OutcomeRecord is outcome o of decision d on the record it joins: the
// outcomes recorded before it (prior, oldest first, as stored) and the
// facts as last corrected, o's correction, else the latest recorded in
// prior, else the decision's. Everything a recorded outcome needs of those
// facts (the conversion rules, the routing view, the time limit, the
// outcome review) reads one assessment of the corrected filing, evaluated
// at most once (each used to evaluate it again: three times for one
// outcome).
//
// Engine.CheckOutcomeRecord makes one for an outcome about to be recorded.
// It is not safe for concurrent use: it evaluates when first asked.
type OutcomeRecord struct {
	e     *Engine
	d     *triagev1.Decision
	prior []*triagev1.Outcome
	o     *triagev1.Outcome
	// correction is the facts as last corrected (nil: the decision's), and
	// corrected its assessment, once evaluated.
	correction *triagev1.FactCorrection
	corrected  *Assessment
	// before is the assessment of the latest correction in prior when o
	// carries its own, once evaluated: the facts of the period a 补充侦查
	// restart ends (investigationReview).
	before *Assessment
}

// recordOf is o's record, nothing evaluated yet.
func (e *Engine) recordOf(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome) *OutcomeRecord {
	c := o.GetCorrection()
	if c == nil {
		c = latestCorrection(prior)
	}
	return &OutcomeRecord{e: e, d: d, prior: prior, o: o, correction: c}
}

// assessment is the assessment of the facts as last corrected, nil when no
// outcome corrects them, evaluated on the first call.
func (r *OutcomeRecord) assessment() (*Assessment, error) {
	if r.corrected == nil && r.correction != nil {
		a, err := r.e.evaluateRecorded(r.d, r.correction)
		if err != nil {
			return nil, err
		}
		r.corrected = a
	}
	return r.corrected, nil
}

// assessmentBefore is the assessment of the facts as they stood before o:
// the latest correction in prior (nil: none), evaluated on the first call
// only when o carries a correction of its own.
func (r *OutcomeRecord) assessmentBefore() (*Assessment, error) {
	if r.o.GetCorrection() == nil {
		return r.assessment()
	}
	if c := latestCorrection(r.prior); r.before == nil && c != nil {
		a, err := r.e.evaluateRecorded(r.d, c)
		if err != nil {
			return nil, err
		}
		r.before = a
	}
	return r.before, nil
}

// assessedOf is the legal assessment an outcome is checked against: the
// decision's options, or those of a corrected filing's assessment a.
func assessedOf(d *triagev1.Decision, a *Assessment) assessed {
	if a == nil {
		return assessed{options: d.GetOptions()}
	}
	return assessed{options: a.Options, corrected: true}
}

// RoutingView is the decision as the teams must read it once the outcome
// is recorded (Engine.RoutingView), from the assessment CheckOutcomeRecord
// made of the facts as last corrected.
func (r *OutcomeRecord) RoutingView() *triagev1.Decision {
	return routingViewOf(r.d, r.corrected)
}

// evaluateRecorded evaluates a correction that was checked when it was
// recorded. Failing now is the server's fault (its record, or rules that
// changed since), not the request's: the error does not wrap the
// *FieldError, which would reach the caller as INVALID_ARGUMENT naming a
// field it never sent.
func (e *Engine) evaluateRecorded(d *triagev1.Decision, c *triagev1.FactCorrection) (*Assessment, error) {
	a, err := e.evaluate(c.GetFiling(), d.GetFilingId())
	if err != nil {
		return nil, fmt.Errorf("rules: re-evaluate the corrected filing of decision %q: %v", d.GetDecisionId(), err) //nolint:errorlint // not %w: see above
	}
	return a, nil
}

// routingViewOf is d with the options and rule review reasons of the
// corrected filing's assessment a (d itself when a is nil): see RoutingView.
func routingViewOf(d *triagev1.Decision, a *Assessment) *triagev1.Decision {
	if a == nil {
		return d
	}
	v := proto.Clone(d).(*triagev1.Decision)
	v.Options = a.Options
	v.ReviewReasons = nil
	for _, r := range d.GetReviewReasons() {
		if _, fromRules := reasonTable()[r.GetCode()]; !fromRules {
			v.ReviewReasons = append(v.ReviewReasons, r)
		}
	}
	v.ReviewReasons = append(v.ReviewReasons, a.ReviewReasons...)
	v.NeedsReview = len(v.ReviewReasons) > 0
	return v
}

// correctionField renames a filing's field error to the correction's path.
func correctionField(err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: "outcome.correction." + fe.Field, Problem: fe.Problem}
	}
	return err
}

// ChangedFields lists the paths of the fields in which two filings differ,
// in proto field names ("claim_amount_fen", "circumstances.guilty_plea",
// "parties[1].minor", "parties" when the number of parties differs), in
// field-number order.
func ChangedFields(a, b *triagev1.Filing) []string {
	var out []string
	diffMessage("", a.ProtoReflect(), b.ProtoReflect(), &out)
	return out
}

func diffMessage(prefix string, a, b protoreflect.Message, out *[]string) {
	fields := a.Descriptor().Fields()
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		path := prefix + string(fd.Name())
		va, vb := a.Get(fd), b.Get(fd)
		switch {
		case fd.IsList():
			la, lb := va.List(), vb.List()
			if la.Len() != lb.Len() {
				*out = append(*out, path)
				continue
			}
			for j := 0; j < la.Len(); j++ {
				ep := fmt.Sprintf("%s[%d]", path, j)
				if fd.Message() != nil {
					diffMessage(ep+".", la.Get(j).Message(), lb.Get(j).Message(), out)
				} else if !la.Get(j).Equal(lb.Get(j)) {
					*out = append(*out, ep)
				}
			}
		case fd.IsMap():
			if !va.Equal(vb) {
				*out = append(*out, path)
			}
		case fd.Message() != nil:
			// An absent message reads as its empty value, so "not set"
			// and "all false" do not count as a change.
			diffMessage(path+".", va.Message(), vb.Message(), out)
		default:
			if !va.Equal(vb) {
				*out = append(*out, path)
			}
		}
	}
}
