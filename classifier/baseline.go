package classifier

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// BaselineVersion is the model_version of decisions made by the baseline.
const BaselineVersion = "baseline-cause-amount"

// Baseline is the rule of thumb of 繁简分流 practice: the cause (案由) and the
// amount claimed (标的额) decide, nothing else. It is the yardstick for trained
// models (docs/architecture.md, Models) and the scorer when no model is loaded.
type Baseline struct{}

// NewBaseline returns the cause + amount baseline.
func NewBaseline() Baseline { return Baseline{} }

// Version implements triage.Scorer.
func (Baseline) Version() string { return BaselineVersion }

// complexCauses are causes practice sends to ordinary trial teams whatever the
// amount: they usually need appraisal, expertise or many parties.
var complexCauses = map[string]bool{
	"建设工程施工合同纠纷": true, "建设工程分包合同纠纷": true, "医疗损害责任纠纷": true, "股权转让纠纷": true,
	"证券虚假陈述责任纠纷": true, "环境污染责任纠纷": true, "合伙合同纠纷": true, "技术合同纠纷": true,
	"著作权权属、侵权纠纷": true, "侵害商标权纠纷": true, "损害公司利益责任纠纷": true, "特许经营合同纠纷": true,
}

// baselineFallbackFen stands in for the small-claims limit when none is
// configured: practice's rough "五万元以下".
const baselineFallbackFen = 50_000_00

// claimRatio is the claim against the province's small-claims limit of the
// filing date, or against baselineFallbackFen when no limit is known; 0 for
// no amount.
func claimRatio(f *triagev1.Filing, a *rules.Assessment) float64 {
	ratio := a.Facts.AmountToLimit
	if ratio == 0 && f.GetClaimAmountFen() > 0 {
		ratio = float64(f.GetClaimAmountFen()) / baselineFallbackFen
	}
	return ratio
}

// Score implements triage.Scorer.
func (Baseline) Score(f *triagev1.Filing, a *rules.Assessment, p *triage.Probabilities) {
	const (
		sc  = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
		sim = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		ord = triagev1.Procedure_PROCEDURE_ORDINARY
		ft  = triagev1.Procedure_PROCEDURE_FAST_TRACK
	)
	set := func(small, simp, ordinary, fast float64) {
		p[sc], p[sim], p[ord], p[ft] = small, simp, ordinary, fast
	}
	fx := a.Facts
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		ratio := claimRatio(f, a)
		switch {
		case complexCauses[fx.Cause.Name]:
			set(0.05, 0.25, 0.70, 0)
		case fx.PersonalStatus:
			set(0, 0.60, 0.40, 0)
		case fx.PropertyConfirmation:
			set(0, 0.45, 0.55, 0)
		case fx.Cause.Category == rules.CategoryMoneyPayment && ratio <= 1:
			set(0.60, 0.30, 0.10, 0)
		case fx.Cause.Category == rules.CategoryMoneyPayment && ratio <= 4:
			set(0.10, 0.60, 0.30, 0)
		case fx.Cause.Category == rules.CategoryMoneyPayment:
			set(0.02, 0.38, 0.60, 0)
		case ratio > 0 && ratio <= 1:
			set(0.30, 0.50, 0.20, 0)
		case ratio > 0 && ratio <= 4:
			set(0.05, 0.55, 0.40, 0)
		default:
			set(0.02, 0.33, 0.65, 0)
		}
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		set(0, 0.60, 0.40, 0)
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		switch m := f.GetCircumstances().GetRecommendedSentenceMonths(); {
		case m == 0:
			set(0, 0.40, 0.60, 0)
		case m <= 12:
			set(0, 0.30, 0.10, 0.60)
		case m <= 36:
			set(0, 0.30, 0.15, 0.55)
		default:
			set(0, 0.50, 0.50, 0)
		}
	}
}
