// Package stats computes the figures data staff and court leaders track for
// 繁简分流: per period and procedure, how many cases were recommended and
// applied, the small-claims application rate, the 简转普 rate with its
// reasons, the review rate, and how often the court followed the
// recommendation. It works on decided cases and their outcomes as stored,
// so the figures can always be recomputed from the audit-protected record.
// It also reports how often a shadow model agreed with the serving one, from
// the shadow scores the service keeps beside that record.
package stats

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Case is one decision with the outcomes recorded for it, in order.
type Case struct {
	Decision *triagev1.Decision
	Outcomes []*triagev1.Outcome
}

// Report is the statistics of a set of cases, overall and per period.
type Report struct {
	Overall Period   `json:"overall"`
	Periods []Period `json:"periods"` // by period, ascending
	// Shadow is how often each shadow model (triaged -shadow-model)
	// recommended what the serving model did, over the same decisions; by
	// serving and shadow model.
	Shadow []ShadowAgreement `json:"shadow"`
}

// Period holds the figures of the cases filed in one month ("2024-03"), or of
// all cases for Report.Overall (Period "all").
type Period struct {
	Period string `json:"period"`
	// Cases decided by fenjian.
	Cases int `json:"cases"`
	// WithOutcome is how many of them have a recorded outcome.
	WithOutcome int `json:"with_outcome"`
	// Recommended counts recommendations by procedure.
	Recommended map[string]int `json:"recommended"`
	// Applied counts the procedure finally applied, for cases with an outcome.
	Applied map[string]int `json:"applied"`
	// SmallClaimsRate is the share of civil cases with an outcome that were
	// finally tried as small claims (小额诉讼适用率).
	SmallClaimsRate float64 `json:"small_claims_rate"`
	// SimplifiedToOrdinary counts 简转普 conversions; Rate is their share of
	// the cases that were ever under simplified procedure.
	SimplifiedToOrdinary     int     `json:"simplified_to_ordinary"`
	SimplifiedToOrdinaryRate float64 `json:"simplified_to_ordinary_rate"`
	// ConversionReasons counts the legal bases given for 简转普, most frequent first.
	ConversionReasons []ReasonCount `json:"conversion_reasons"`
	// ReviewRate is the share of decisions flagged for review.
	ReviewRate float64 `json:"review_rate"`
	// Agreement is the share of cases with an outcome whose first outcome
	// applied the recommended procedure; FinalAgreement compares the
	// procedure finally applied.
	Agreement      float64 `json:"agreement"`
	FinalAgreement float64 `json:"final_agreement"`
}

// ReasonCount is one conversion reason and how often it was given.
type ReasonCount struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// acc accumulates one period.
type acc struct {
	p                                           Period
	civilWithOutcome, smallClaims               int
	everSimplified, agree, finalAgree, reviewed int
	reasons                                     map[string]int
}

func newAcc(name string) *acc {
	return &acc{p: Period{Period: name, Recommended: map[string]int{}, Applied: map[string]int{}}, reasons: map[string]int{}}
}

func procName(p triagev1.Procedure) string { return strings.TrimPrefix(p.String(), "PROCEDURE_") }

func (a *acc) add(c Case) {
	d := c.Decision
	a.p.Cases++
	a.p.Recommended[procName(d.GetRecommended())]++
	if d.GetNeedsReview() {
		a.reviewed++
	}
	simplified := false
	for _, o := range c.Outcomes {
		// An override at filing never ran under simplified procedure, so it
		// is not part of the 简转普 denominator.
		if o.GetProcedure() == triagev1.Procedure_PROCEDURE_SIMPLIFIED {
			simplified = true
		}
		if o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY {
			simplified = true
			a.p.SimplifiedToOrdinary++
			why := strings.TrimSpace(o.GetLegalBasis())
			if why == "" {
				why = "(未注明依据)"
			}
			a.reasons[why]++
		}
	}
	if len(c.Outcomes) == 0 {
		return
	}
	a.p.WithOutcome++
	first, final := c.Outcomes[0].GetProcedure(), c.Outcomes[len(c.Outcomes)-1].GetProcedure()
	a.p.Applied[procName(final)]++
	if simplified {
		a.everSimplified++
	}
	if first == d.GetRecommended() {
		a.agree++
	}
	if final == d.GetRecommended() {
		a.finalAgree++
	}
	if d.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CIVIL {
		a.civilWithOutcome++
		if final == triagev1.Procedure_PROCEDURE_SMALL_CLAIMS {
			a.smallClaims++
		}
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func (a *acc) finish() Period {
	p := a.p
	p.SmallClaimsRate = ratio(a.smallClaims, a.civilWithOutcome)
	p.SimplifiedToOrdinaryRate = ratio(p.SimplifiedToOrdinary, a.everSimplified)
	p.ReviewRate = ratio(a.reviewed, p.Cases)
	p.Agreement = ratio(a.agree, p.WithOutcome)
	p.FinalAgreement = ratio(a.finalAgree, p.WithOutcome)
	p.ConversionReasons = make([]ReasonCount, 0, len(a.reasons))
	for r, n := range a.reasons {
		p.ConversionReasons = append(p.ConversionReasons, ReasonCount{r, n})
	}
	slices.SortFunc(p.ConversionReasons, func(x, y ReasonCount) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Reason, y.Reason))
	})
	return p
}

// Builder accumulates cases one at a time, so a whole store can be streamed
// through it in constant memory per period.
type Builder struct {
	overall *acc
	periods map[string]*acc
	shadow  map[[2]string]*ShadowAgreement
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{overall: newAcc("all"), periods: map[string]*acc{}, shadow: map[[2]string]*ShadowAgreement{}}
}

// Add counts one case. The period is the month of the decision's filed_on.
func (b *Builder) Add(c Case) error {
	if c.Decision == nil {
		return fmt.Errorf("stats: case without a decision")
	}
	month := c.Decision.GetFiledOn()
	if len(month) < len("2006-01") {
		return fmt.Errorf("stats: decision %s has no filed_on", c.Decision.GetDecisionId())
	}
	month = month[:7]
	a, ok := b.periods[month]
	if !ok {
		a = newAcc(month)
		b.periods[month] = a
	}
	a.add(c)
	b.overall.add(c)
	return nil
}

// Report returns the statistics of the cases added so far.
func (b *Builder) Report() Report {
	r := Report{Overall: b.overall.finish()}
	for _, a := range b.periods {
		r.Periods = append(r.Periods, a.finish())
	}
	slices.SortFunc(r.Periods, func(x, y Period) int { return strings.Compare(x.Period, y.Period) })
	r.Shadow = []ShadowAgreement{}
	for _, a := range b.shadow {
		a.Agreement = ratio(a.agreed, a.Scored)
		for i := range a.Kinds {
			a.Kinds[i].Agreement = ratio(a.Kinds[i].agreed, a.Kinds[i].Scored)
		}
		slices.SortFunc(a.Kinds, func(x, y ShadowKind) int { return strings.Compare(x.CaseKind, y.CaseKind) })
		slices.SortFunc(a.Pairs, func(x, y ShadowPair) int {
			return cmp.Or(strings.Compare(x.CaseKind, y.CaseKind), strings.Compare(x.Served, y.Served), strings.Compare(x.Shadow, y.Shadow))
		})
		r.Shadow = append(r.Shadow, *a)
	}
	slices.SortFunc(r.Shadow, func(x, y ShadowAgreement) int {
		return cmp.Or(strings.Compare(x.ServedModel, y.ServedModel), strings.Compare(x.ShadowModel, y.ShadowModel))
	})
	return r
}

// ShadowAgreement is how often a shadow model recommended what the serving
// model did, over the decisions it scored.
type ShadowAgreement struct {
	ServedModel string `json:"served_model"`
	ShadowModel string `json:"shadow_model"`
	// Scored is how many decisions the shadow model scored; Agreement the
	// share of them where it recommended the procedure served.
	Scored    int     `json:"scored"`
	Agreement float64 `json:"agreement"`
	// Kinds are the same figures by case kind.
	Kinds []ShadowKind `json:"kinds"`
	// Pairs count the decisions by case kind and pair of recommendations.
	Pairs  []ShadowPair `json:"pairs"`
	agreed int
}

// ShadowKind is a shadow model's agreement on one case kind.
type ShadowKind struct {
	CaseKind  string  `json:"case_kind"`
	Scored    int     `json:"scored"`
	Agreement float64 `json:"agreement"`
	agreed    int
}

// ShadowPair is how many decisions of a case kind were served one procedure
// while the shadow model recommended another (or the same).
type ShadowPair struct {
	CaseKind string `json:"case_kind"`
	Served   string `json:"served"`
	Shadow   string `json:"shadow"`
	Count    int    `json:"count"`
}

// AddShadow counts n decisions of kind for which servedModel recommended
// served and shadowModel recommended shadow.
func (b *Builder) AddShadow(servedModel, shadowModel string, kind triagev1.CaseKind, served, shadow triagev1.Procedure, n int) {
	key := [2]string{servedModel, shadowModel}
	a := b.shadow[key]
	if a == nil {
		a = &ShadowAgreement{ServedModel: servedModel, ShadowModel: shadowModel}
		b.shadow[key] = a
	}
	kindName := strings.TrimPrefix(kind.String(), "CASE_KIND_")
	agreed := 0
	if served == shadow {
		agreed = n
	}
	a.Scored += n
	a.agreed += agreed
	i := slices.IndexFunc(a.Kinds, func(k ShadowKind) bool { return k.CaseKind == kindName })
	if i < 0 {
		a.Kinds = append(a.Kinds, ShadowKind{CaseKind: kindName})
		i = len(a.Kinds) - 1
	}
	a.Kinds[i].Scored += n
	a.Kinds[i].agreed += agreed
	pair := ShadowPair{CaseKind: kindName, Served: procName(served), Shadow: procName(shadow)}
	if j := slices.IndexFunc(a.Pairs, func(p ShadowPair) bool { p.Count = 0; return p == pair }); j >= 0 {
		a.Pairs[j].Count += n
		return
	}
	pair.Count = n
	a.Pairs = append(a.Pairs, pair)
}
