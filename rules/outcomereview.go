package rules

import (
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Review codes of a recorded outcome (Outcome.review_reasons). They flag, and
// never refuse: the record fenjian sees does not show an approved extension
// (民事诉讼法第一百六十四条) or the periods the law leaves out of a time limit
// (公告、鉴定、调解…, 民诉法解释第二百四十三条, 行诉法解释第五十条), either of
// which can make a ruling after the computed due date timely. Rules
// 2026-12-04.6 (audit round 16); until then such outcomes were recorded
// without a word.
const (
	// ReviewInterp258ConversionLate: a civil conversion to ordinary procedure
	// (简转普, small claims → ordinary) ruled after the period of the
	// procedure it leaves had ended. 民诉法解释第二百五十八条第二款: "应当在
	// 审理期限届满前作出裁定"; small claims through 第二百八十一条.
	ReviewInterp258ConversionLate = "INTERP258_CONVERSION_AFTER_TIME_LIMIT"
	// ReviewAdmin105ConversionLate: the administrative 简转普 ruled after the
	// 45 days of 行政诉讼法第八十三条. 行诉法解释第一百零五条第一款: "应当在审理
	// 期限届满前作出裁定".
	ReviewAdmin105ConversionLate = "ADMIN105_CONVERSION_AFTER_TIME_LIMIT"
	// ReviewTimeLimitEndedAtRuling: a civil or administrative conversion into
	// a procedure whose period, counted from 立案 as these periods are, had
	// already ended on the day of the ruling (普转简 or small claims → the
	// other simplified rules after three months). No text says how such a
	// period counts; the due date shown is in the past.
	ReviewTimeLimitEndedAtRuling = "TIME_LIMIT_ENDED_BEFORE_RULING"
	// ReviewSmallClaimsNotApplied: simplified procedure chosen at filing
	// for a civil case the decision (or the correction recorded with the
	// choice) found small claims mandatory for, without the parties'
	// agreement. Lawful only where the court found the case one that 不宜
	// small claims (民事诉讼法第一百六十六条第六项; filed 2013–2021, 民诉法
	// 解释（2015年）第二百七十五条第五项), a finding the record does not
	// carry (audit round 20).
	ReviewSmallClaimsNotApplied = "SMALL_CLAIMS_MANDATORY_SIMPLIFIED_AT_FILING"
)

// outcomeReviewDefs is the table of outcome review codes, for documentation
// and for the tests that check each one fires.
var outcomeReviewDefs = [...]reasonDef{
	{ReviewInterp258ConversionLate, "民诉法解释第二百五十八条第二款、第二百八十一条；最高人民法院关于适用简易程序审理民事案件的若干规定第二十六条",
		"转为普通程序的裁定应当在审理期限届满前作出；本次裁定日期晚于原程序按立案日计算的审理期限届满日。请核对是否经院长批准延长审理期限，或有不计入审理期限的期间（公告、鉴定等）。"},
	{ReviewAdmin105ConversionLate, "行诉法解释第一百零五条第一款；行政诉讼法第八十三条",
		"转为普通程序的裁定应当在审理期限届满前作出；本次裁定日期晚于简易程序自立案之日起四十五日的届满日。请核对有无不计入审理期限的期间（行诉法解释第五十条）。"},
	{ReviewSmallClaimsNotApplied, "民事诉讼法第一百六十五条第一款、第一百六十六条第六项；民诉法解释（2015年）第二百七十五条第五项（2022年以前立案的）",
		"依立案信息，本案应当适用小额诉讼程序（实行一审终审），立案时却选择了简易程序，当事人双方也没有约定适用简易程序。只有人民法院认定本案属于不宜适用小额诉讼程序审理的案件（民事诉讼法第一百六十六条第六项；2022年以前为民诉法解释（2015年）第二百七十五条第五项“其他不宜适用一审终审的纠纷”）时才可以不适用小额诉讼程序；记录中没有该认定，请核对。"},
	{ReviewTimeLimitEndedAtRuling, "",
		"转换后程序的审理期限自立案之日计算，裁定之日该期限已经届满；所示届满日已过，法律未规定此种情形的审理期限如何计算，请人工核对。"},
}

// OutcomeReviewCodes lists every outcome review reason, for documentation
// and tests.
func OutcomeReviewCodes() []*triagev1.Reason {
	out := make([]*triagev1.Reason, len(outcomeReviewDefs))
	for i, d := range outcomeReviewDefs {
		out[i] = &triagev1.Reason{Code: d.code, Article: d.article, Message: d.message}
	}
	return out
}

func outcomeReview(code, detail string) *triagev1.Reason {
	for _, d := range outcomeReviewDefs {
		if d.code == code {
			return &triagev1.Reason{Code: d.code, Article: d.article, Message: d.message + detail}
		}
	}
	panic("rules: unknown outcome review code " + code)
}

// OutcomeReview returns what the court should check about outcome o, which
// ValidateOutcome accepted and whose time limit (OutcomeTimeLimitFromRecord)
// is tl: a conversion to ordinary ruled after the period of the procedure it
// leaves had ended (civil: 民诉法解释第二百五十八条第二款, through 第二百八十一
// 条 for small claims; administrative: 行诉法解释第一百零五条第一款), and a
// conversion into a procedure whose period, counted from 立案, had already
// ended on the day of the ruling. Criminal conversions restart their period
// from the decision (刑诉法解释第三百六十八条第二款、第三百七十六条) and no
// criminal text bounds the date of the decision, so criminal outcomes get
// none; nor does a panel ruling, which changes no period. A civil choice at
// filing is read by filingChoiceReview instead (it changes no period
// either).
// A ruling on the last day of the period is in time.
func (e *Engine) OutcomeReview(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome, tl *triagev1.TimeLimit) ([]*triagev1.Reason, error) {
	kind := d.GetCaseKind()
	if kind == kCriminal {
		return nil, nil
	}
	if o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN {
		return e.filingChoiceReview(d, o)
	}
	switch o.GetChange() {
	case triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY,
		triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED, triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED:
	default:
		return nil, nil
	}
	decided, err := ParseDate(o.GetDecidedOn())
	if err != nil {
		return nil, fieldErrorf("outcome.decided_on", "%v", err)
	}
	var out []*triagev1.Reason
	if o.GetProcedure() == pOrdinary {
		// The period of the procedure the case leaves, on the same facts
		// and from the same 立案 (civil and administrative clocks never
		// restart), as a choice of it at filing would show it.
		left := &triagev1.Outcome{
			DecisionId: o.GetDecisionId(),
			Procedure:  CurrentProcedure(d, prior),
			Change:     triagev1.ChangeKind_CHANGE_KIND_CONFIRMED,
			DecidedOn:  o.GetDecidedOn(),
			Correction: o.GetCorrection(),
		}
		prev, err := e.OutcomeTimeLimitFromRecord(d, prior, left, nil)
		if err != nil {
			return nil, err
		}
		if late(prev, decided) {
			code := ReviewInterp258ConversionLate
			if kind == kAdmin {
				code = ReviewAdmin105ConversionLate
			}
			out = append(out, outcomeReview(code, "（"+procName(left.GetProcedure())+"审理期限届满日："+prev.GetDueOn()+"；裁定日期："+o.GetDecidedOn()+"）"))
		}
	}
	if late(tl, decided) {
		out = append(out, outcomeReview(ReviewTimeLimitEndedAtRuling, "（"+procName(o.GetProcedure())+"审理期限届满日："+tl.GetDueOn()+"；裁定日期："+o.GetDecidedOn()+"）"))
	}
	return out, nil
}

// late reports whether a time limit's due date is before day.
func late(tl *triagev1.TimeLimit, day time.Time) bool {
	if tl == nil || tl.GetNoStatutoryLimit() || tl.GetDueOn() == "" {
		return false
	}
	due, err := ParseDate(tl.GetDueOn())
	return err == nil && due.Before(day)
}

// filingChoiceReview flags simplified procedure chosen at filing where the
// decision, or the correction recorded with the choice (a choice at filing
// is the case's first outcome), found small claims mandatory (CPL 165 ¶1;
// filed 2013–2021, CPL 2012/2017 art. 162 or the 2020 pilot's art. 5) and
// neither the outcome (parties_agree) nor the filing (the simplified
// option's agreement reason) states the parties' agreement to simplified
// procedure (CPL 160 ¶2). It is flagged, not refused: the court may find a
// case in the band one that 不宜 small claims (CPL 166(6); 民诉法解释（2015
// 年）第二百七十五条第五项) and try it under the other simplified rules, as
// CPL 169 provides when it finds so during the trial; the record does not
// say whether it did. Ordinary procedure at filing needs no flag.
func (e *Engine) filingChoiceReview(d *triagev1.Decision, o *triagev1.Outcome) ([]*triagev1.Reason, error) {
	if o.GetProcedure() != pSimplified || o.GetPartiesAgree() {
		return nil, nil
	}
	view := assessed{options: d.GetOptions()}
	if c := o.GetCorrection(); c != nil {
		a, err := e.evaluateRecorded(d, c)
		if err != nil {
			return nil, err
		}
		view = assessed{options: a.Options, corrected: true}
	}
	sc := view.option(pSmallClaims)
	if !sc.GetMandatory() {
		return nil, nil
	}
	for _, r := range view.option(pSimplified).GetReasons() {
		switch r.GetCode() {
		case CodeCPL160Agreement, CodeCPL2017SimplifiedAgreement, CodeProv2Agreement:
			return nil, nil // the filing states the agreement
		}
	}
	detail := ""
	for _, r := range sc.GetReasons() {
		switch r.GetCode() {
		case CodeCPL165Mandatory, CodeCPL162Mandatory, CodePilot2020Mandatory:
			detail = "（" + source(view) + "：" + r.GetCode() + "，" + r.GetArticle() + "）"
		}
	}
	return []*triagev1.Reason{outcomeReview(ReviewSmallClaimsNotApplied, detail)}, nil
}
