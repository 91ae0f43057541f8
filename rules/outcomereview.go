package rules

import (
	"fmt"
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
	// ReviewCPL168SmallClaimsPeriodEnded: a civil case sent from small
	// claims to the other simplified rules (民事诉讼法第一百六十九条第一款)
	// after the small-claims period had ended: 第一百六十八条 "应当在立案之日
	// 起两个月内审结" (one more month with the president's approval; filed
	// 2013–2021, simplified procedure's three months, 民事诉讼法（2012年、
	// 2017年修正）第一百六十一条、第一百六十二条). The case ran past it in small
	// claims, as one sent to ordinary procedure does (ReviewInterp258ConversionLate);
	// no text moves the small-claims period by the later ruling. Rules
	// 2026-12-04.20 (audit round 21); until then only the simplified period's
	// end (ReviewTimeLimitEndedAtRuling) was flagged.
	ReviewCPL168SmallClaimsPeriodEnded = "CPL168_CONVERSION_AFTER_TIME_LIMIT"
	// ReviewAdmin105ConversionLate: the administrative 简转普 ruled after the
	// 45 days of 行政诉讼法第八十三条. 行诉法解释第一百零五条第一款: "应当在审理
	// 期限届满前作出裁定".
	ReviewAdmin105ConversionLate = "ADMIN105_CONVERSION_AFTER_TIME_LIMIT"
	// ReviewAdmin2015ConversionLate: the same for a ruling from 2015-05-01
	// to 2018-02-07, before 行诉法解释: 行政诉讼法第一百零一条 applied the CPL's
	// provisions, and 民诉法解释（2015年）第二百五十八条第二款 said the same
	// words. Until rules 2026-12-04.21 such a ruling cited the 2018
	// interpretation (audit round 21).
	ReviewAdmin2015ConversionLate = "ALL101_CONVERSION_AFTER_TIME_LIMIT"
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
	// ReviewCrPL205LateReturn: a criminal 补充侦查 restart whose file came
	// back more than one month after the longest period the trial could
	// have had without a higher court's approval, counted from the clock's
	// last start. The postponement is decided during the trial (刑事诉讼法
	// 第二百零四条第二项) and the procuratorate has one month (第二百零五条),
	// so either the postponement came after the period had run out or the
	// investigation took longer; an approved extension or a suspension
	// (第二百零六条) the record does not show can explain it (audit round 21).
	ReviewCrPL205LateReturn = "CRPL205_SUPPLEMENTARY_INVESTIGATION_LATE_RETURN"
)

// outcomeReviewDefs is the table of outcome review codes, for documentation
// and for the tests that check each one fires.
var outcomeReviewDefs = [...]reasonDef{
	{ReviewInterp258ConversionLate, "民诉法解释第二百五十八条第二款、第二百八十一条；最高人民法院关于适用简易程序审理民事案件的若干规定第二十六条",
		"转为普通程序的裁定应当在审理期限届满前作出；本次裁定日期晚于原程序按立案日计算的审理期限届满日。请核对是否经院长批准延长审理期限，或有不计入审理期限的期间（公告、鉴定等）。"},
	{ReviewCPL168SmallClaimsPeriodEnded, "民事诉讼法第一百六十八条、第一百六十九条第一款",
		"小额诉讼程序的审理期限自立案之日计算，在本次转为适用简易程序其他规定的裁定之前已经届满：案件在该期限届满后仍按小额诉讼程序审理，转换程序不改变已经届满的小额诉讼审理期限。请核对是否经院长批准延长审理期限，或有不计入审理期限的期间（公告、鉴定等）。"},
	{ReviewAdmin105ConversionLate, "行诉法解释第一百零五条第一款；行政诉讼法第八十三条",
		"转为普通程序的裁定应当在审理期限届满前作出；本次裁定日期晚于简易程序自立案之日起四十五日的届满日。请核对有无不计入审理期限的期间（行诉法解释第五十条）。"},
	{ReviewAdmin2015ConversionLate, "行政诉讼法第一百零一条；民诉法解释（2015年）第二百五十八条第二款；行政诉讼法第八十三条",
		"转为普通程序的裁定应当在审理期限届满前作出；本次裁定日期晚于简易程序自立案之日起四十五日的届满日。请核对有无不计入审理期限的期间（公告、鉴定、中止诉讼等）。"},
	{ReviewSmallClaimsNotApplied, "民事诉讼法第一百六十五条第一款、第一百六十六条第六项；民诉法解释（2015年）第二百七十五条第五项（2022年以前立案的）",
		"依立案信息，本案应当适用小额诉讼程序（实行一审终审），立案时却选择了简易程序，当事人双方也没有约定适用简易程序。只有人民法院认定本案属于不宜适用小额诉讼程序审理的案件（民事诉讼法第一百六十六条第六项；2022年以前为民诉法解释（2015年）第二百七十五条第五项“其他不宜适用一审终审的纠纷”）时才可以不适用小额诉讼程序；记录中没有该认定，请核对。"},
	{ReviewCrPL205LateReturn, "刑事诉讼法第二百零四条第二项、第二百零五条",
		"补充侦查完毕移送人民法院之日，距本次审判的审理期限（不经上级人民法院批准可以达到的最长期限）届满已逾一个月：延期审理应当在审理期限内决定，人民检察院应当在一个月以内补充侦查完毕，因此或者延期审理时审理期限已经届满，或者补充侦查超过了一个月。请核对是否经批准延长审理期限、有无中止审理等不计入审理期限的期间。"},
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
// 条 for small claims; administrative: 行诉法解释第一百零五条第一款, ruled
// before 2018-02-08 行政诉讼法第一百零一条 with 民诉法解释（2015年）第二百五十八
// 条第二款), small claims → the other simplified rules ruled after the
// small-claims period (民事诉讼法第一百六十八条), and a conversion into a
// procedure whose period, counted from 立案, had already ended on the day of
// the ruling. Civil articles are those of the ruling's day
// (interp258LateArticle, smallClaimsPeriodEndedArticle). Criminal conversions restart their period
// from the decision (刑诉法解释第三百六十八条第二款、第三百七十六条) and no
// criminal text bounds the date of the decision, so they get none; a
// criminal 补充侦查 restart is read by investigationReview (刑事诉讼法第二百
// 零五条). Nor does a panel ruling, which changes no period. A civil choice at
// filing is read by filingChoiceReview instead (it changes no period
// either).
// A ruling on the last day of the period is in time.
func (e *Engine) OutcomeReview(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome, tl *triagev1.TimeLimit) ([]*triagev1.Reason, error) {
	return e.recordOf(d, prior, o).Review(tl)
}

// Review is OutcomeReview for the outcome of the record, whose time limit
// (OutcomeRecord.TimeLimit) is tl, read on the assessment CheckOutcomeRecord
// made of the facts as last corrected.
func (r *OutcomeRecord) Review(tl *triagev1.TimeLimit) ([]*triagev1.Reason, error) {
	d, prior, o := r.d, r.prior, r.o
	kind := d.GetCaseKind()
	if kind == kCriminal {
		return r.investigationReview()
	}
	if o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN {
		return r.filingChoiceReview()
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
	// The period of the procedure the case leaves is checked on a
	// conversion to ordinary (Interp. 258 ¶2, 行诉法解释 105 ¶1) and on
	// small claims → the other simplified rules (CPL 168: the small-claims
	// period is its own, shorter from 2022 than simplified's).
	leaves := o.GetProcedure() == pOrdinary || o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
	if leaves {
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
		prev, err := r.timeLimitOf(left, nil)
		if err != nil {
			return nil, err
		}
		if late(prev, decided) {
			code := ReviewInterp258ConversionLate
			switch {
			case kind == kAdmin && decided.Before(adminInterp2018InForce):
				code = ReviewAdmin2015ConversionLate
			case kind == kAdmin:
				code = ReviewAdmin105ConversionLate
			case o.GetProcedure() != pOrdinary:
				code = ReviewCPL168SmallClaimsPeriodEnded
			}
			rev := outcomeReview(code, "（"+procName(left.GetProcedure())+"审理期限届满日："+prev.GetDueOn()+"；裁定日期："+o.GetDecidedOn()+"）")
			switch code { // the texts of the ruling's day
			case ReviewCPL168SmallClaimsPeriodEnded:
				// With the period of the filing's day.
				filed, _ := ParseDate(d.GetFiledOn()) // parsed for prev
				rev.Article = smallClaimsPeriodEndedArticle(prev.GetArticle(), filed, decided)
			case ReviewInterp258ConversionLate:
				rev.Article = interp258LateArticle(prev.GetArticle(), decided)
			}
			out = append(out, rev)
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
func (r *OutcomeRecord) filingChoiceReview() ([]*triagev1.Reason, error) {
	o := r.o
	if o.GetProcedure() != pSimplified || o.GetPartiesAgree() {
		return nil, nil
	}
	view := assessedOf(r.d, nil)
	if o.GetCorrection() != nil {
		a, err := r.assessment()
		if err != nil {
			return nil, err
		}
		view = assessedOf(r.d, a)
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
			// The article, not the reason code: the message is read by
			// judges (outside check 21 found CPL165_MANDATORY in it).
			detail = "（" + source(view) + "：依" + r.GetArticle() + "应当适用小额诉讼程序）"
		}
	}
	return []*triagev1.Reason{outcomeReview(ReviewSmallClaimsNotApplied, detail)}, nil
}

// investigationReview flags a 补充侦查 restart (刑事诉讼法第二百零八条第三款)
// whose decided_on, the day the procuratorate returned the file, is more
// than one month after the longest period the trial in progress could have
// had without a higher court's approval (outerPeriod), counted from the
// clock's last start (the decision's 受理, or the last conversion or
// restart). Nothing else about a criminal outcome is flagged.
func (r *OutcomeRecord) investigationReview() ([]*triagev1.Reason, error) {
	d, prior, o := r.d, r.prior, r.o
	if o.GetChange() != triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED ||
		o.GetRestart() != triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION {
		return nil, nil
	}
	returned, err := ParseDate(o.GetDecidedOn())
	if err != nil {
		return nil, fieldErrorf("outcome.decided_on", "%v", err)
	}
	start, err := ParseDate(d.GetFiledOn())
	if err != nil {
		return nil, fmt.Errorf("rules: stored decision %q: filed_on: %w", d.GetDecisionId(), err)
	}
	for i := len(prior) - 1; i >= 0; i-- {
		if q := prior[i]; restartsClock(kCriminal, q.GetChange()) {
			if t, err := ParseDate(q.GetDecidedOn()); err == nil {
				start = t
			}
			break
		}
	}
	// The facts of the period in force: the decision's, or the latest
	// correction recorded before this restart (one this outcome carries
	// speaks for the period it starts).
	before, err := r.assessmentBefore()
	if err != nil {
		return nil, err
	}
	months, days := outerPeriod(CurrentProcedure(d, prior), overThreeYears(assessedOf(d, before)), start)
	end := DueDate(start, months, days)
	limit := DueDate(end, 1, 0)
	if !returned.After(limit) {
		return nil, nil
	}
	rev := outcomeReview(ReviewCrPL205LateReturn, fmt.Sprintf("（审理期限自%s起算，最长至%s；补充侦查完毕移送日：%s，已超过%s）",
		start.Format(time.DateOnly), end.Format(time.DateOnly), o.GetDecidedOn(), limit.Format(time.DateOnly)))
	if a := investigationArticleOn(ReviewCrPL205LateReturn, returned); a != "" {
		rev.Article = a
	}
	return []*triagev1.Reason{rev}, nil
}

// outerPeriod is the longest first-instance period of procedure p, for a
// clock started on start, that needs no higher court's approval:
// ordinary "至迟不得超过三个月" (刑事诉讼法第二百零八条第一款; before 2013
// 一个半月, 1996年 第一百六十八条), simplified twenty days or, over three
// years, a month and a half (第二百二十条; before 2013 twenty days, 1996年
// 第一百七十八条), fast-track ten or fifteen days (第二百二十五条). Half a
// month is fifteen days (刑诉法解释第二百零二条).
func outerPeriod(p triagev1.Procedure, overThree bool, start time.Time) (months, days int) {
	before2013 := start.Before(crpl2012InForce)
	switch p {
	case pOrdinary:
		if before2013 {
			return 1, 15
		}
		return 3, 0
	case pSimplified:
		if overThree && !before2013 {
			return 1, 15
		}
		return 0, 20
	}
	return 0, 15
}

// overThreeYears reports whether an assessment found the recommendation
// over three years' fixed-term imprisonment: its simplified option then
// carries the panel condition of CrPL 216 (2012 text art. 210).
func overThreeYears(view assessed) bool {
	for _, r := range view.option(pSimplified).GetReasons() {
		if c := r.GetCode(); c == CodeCrPL216PanelRequired || c == CodeCrPL2012PanelRequired {
			return true
		}
	}
	return false
}
