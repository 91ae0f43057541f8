package rules_test

import (
	"errors"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound21Admin holds the round-21 administrative scenarios at
// filing (2026-12-04), written from 行政诉讼法 (2017 text, in
// /work/shared/law; arts. 14–17, 81–84, 101) and 行诉法解释 (2018, arts. 50,
// 102–105), the 1989 law's art. 57 and 人民陪审员法第十六条 as
// docs/statutes.md cites them, before the rules deciding them were read:
//   - no simplified procedure before 2015-05-01 (the 1989 law had none; three
//     months, art. 57), and from then the art. 82 ¶1 items or the parties'
//     agreement (¶2), never a remanded case or a retrial (¶3), at any court
//     level (art. 82 names none, arts. 14–17);
//   - nothing at filing turns on 2018-02-08 (the 2018 interpretation defines
//     art. 82's standard and governs service, evidence and conversion);
//   - a 行政公益诉讼 (art. 25 ¶4) from 2018-04-27 goes to seven judges and
//     assessors (人民陪审员法第十六条第二项), which leaves no single judge for
//     art. 83, however the cause names the suit.
//
// Outcomes are in TestAuditRound21AdminOutcomes.
func TestAuditRound21Admin(t *testing.T) { runTable(t, audit21AdminCases(t)) }

func audit21AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区, basic, filed 2024-03-05
	suit := func(name string) mod { return cause(name) }
	return []tcase{
		// ===== the 2014 amendment (in force 2015-05-01) =====
		{name: "adm 2015-04-30 on the spot: the 1989 law had no simplified procedure", filing: a(filedOn("2015-04-30"), cm.spot),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{at(locSimp, "ALL82_NOT_IN_FORCE")},
			extra: all(periodIs(pOrd, 3, 0, "2015-07-30"), limitCites(pOrd, "行政诉讼法（1989年）第五十七条"))},
		{name: "adm 2015-04-30 agreed: the 1989 law all the same", filing: a(filedOn("2015-04-30"), cm.agreeS),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_NOT_IN_FORCE")}},
		{name: "adm 2015-05-01 on the spot: simplified open, 45 days, six months ordinary", filing: a(filedOn("2015-05-01"), cm.spot),
			avail: av(pSimp, avA, pOrd, avA), fires: []string{at(locSimp, "ALL82_ACT_ON_THE_SPOT")}, silent: []string{"ALL82_NOT_IN_FORCE"},
			extra: all(periodIs(pSimp, 0, 45, "2015-06-15"), periodIs(pOrd, 6, 0, "2015-11-02"), limitCites(pOrd, "行政诉讼法第八十一条"))},
		{name: "adm 2015-05-01 agreed only (art. 82 ¶2)", filing: a(filedOn("2015-05-01"), cm.agreeS),
			avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_AGREEMENT")}},

		// ===== art. 82 ¶1 and ¶2 =====
		{name: "adm 2024 no item, no agreement: not qualified", filing: a(),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{at(locSimp, "ALL82_NOT_QUALIFIED")}},
		{name: "adm 2024 agreed: simplified by ¶2", filing: a(cm.agreeS),
			avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_AGREEMENT")}},
		{name: "adm ¥2,000.00 (以下 includes the figure)", filing: a(yuan(2000)), avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_SMALL_AMOUNT")}},
		{name: "adm ¥2,000.01", filing: a(fen(200001)), avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_NOT_QUALIFIED")}},

		// ===== art. 82 ¶3 =====
		{name: "adm agreed and remanded: ¶3 wins", filing: a(cm.agreeS, cm.remanded),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_REMANDED")}, silent: []string{"ALL82_NOT_QUALIFIED"}},
		{name: "adm agreed and retrial: ¶3 wins", filing: a(cm.agreeS, cm.retrial),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_RETRIAL")}},
		{name: "adm disclosure and remanded", filing: a(cm.disclosure, cm.remanded), avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_REMANDED")}},
		{name: "adm 行再 number agreed: a retrial by its number", filing: a(id("(2024)浙0106行再3号"), cm.agreeS),
			avail: av(pSimp, avU), fires: []string{"INFER_RETRIAL_FROM_CASE_NUMBER", at(locSimp, "ALL82_RETRIAL")}},

		// ===== court levels (arts. 14–17; art. 82 names none) =====
		{name: "adm intermediate court disclosure: open", filing: a(courtAt("杭州市中级人民法院", intermediateCourt), cm.disclosure),
			avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_INFORMATION_DISCLOSURE")}},
		{name: "adm high court agreed: open", filing: a(courtAt("浙江省高级人民法院", highCourt), cm.agreeS),
			avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_AGREEMENT")}},
		{name: "adm intermediate court, no item, no agreement: closed", filing: a(courtAt("杭州市中级人民法院", intermediateCourt)),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_NOT_QUALIFIED")}},

		// ===== 2018-02-07 / 2018-02-08: nothing at filing changes =====
		{name: "adm 2018-02-07 on the spot", filing: a(filedOn("2018-02-07"), cm.spot),
			avail: av(pSimp, avA), extra: all(periodIs(pSimp, 0, 45, "2018-03-26"), periodIs(pOrd, 6, 0, "2018-08-07"))},
		{name: "adm 2018-02-08 on the spot", filing: a(filedOn("2018-02-08"), cm.spot),
			avail: av(pSimp, avA), extra: all(periodIs(pSimp, 0, 45, "2018-03-26"), periodIs(pOrd, 6, 0, "2018-08-08"))},

		// ===== 行政公益诉讼 (人民陪审员法第十六条第二项, from 2018-04-27) =====
		{name: "adm 行政公益诉讼 agreed on the spot: seven judges and assessors", filing: a(suit("行政公益诉讼"), cm.agreeS, cm.spot),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{at(locSimp, "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT"), "REVIEW_PUBLIC_INTEREST_OPINION2021"}, silent: []string{"REVIEW_PUBLIC_INTEREST"}},
		{name: "adm 环境行政公益诉讼 agreed", filing: a(suit("环境行政公益诉讼"), cm.agreeS),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT")}},
		// Defect of round 21: a cause naming the suit inside a longer catalogue
		// name resolved to that name ("不履行法定职责" is longer than "公益诉讼"),
		// and simplified procedure stayed open on an agreement.
		{name: "adm 不履行法定职责行政公益诉讼 agreed: the suit all the same", filing: a(suit("不履行法定职责行政公益诉讼"), cm.agreeS),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{at(locSimp, "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT"), "REVIEW_PUBLIC_INTEREST_OPINION2021"}},
		{name: "adm 不履行法定职责（行政公益诉讼） agreed", filing: a(suit("不履行法定职责（行政公益诉讼）"), cm.agreeS),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT")}},
		{name: "adm 房屋征收或者征用补偿行政公益诉讼 on the spot", filing: a(suit("房屋征收或者征用补偿行政公益诉讼"), cm.spot),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT")}},
		{name: "adm 不履行法定职责 公益诉讼 (a space) agreed", filing: a(suit("不履行法定职责 公益 诉讼"), cm.agreeS),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT")}},
		{name: "adm 不履行法定职责 agreed: no suit (near miss)", filing: a(suit("不履行法定职责"), cm.agreeS),
			avail: av(pSimp, avA), silent: []string{"ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT", "REVIEW_PUBLIC_INTEREST"}},
		{name: "adm 不履行法定职责行政公益诉讼 filed 2018-04-26: before 人民陪审员法 (near miss)", filing: a(filedOn("2018-04-26"), suit("不履行法定职责行政公益诉讼"), cm.agreeS),
			avail: av(pSimp, avA), fires: []string{"REVIEW_PUBLIC_INTEREST_NO_TEXT"}, silent: []string{"ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT"}},
		{name: "adm public_interest flag agreed: reviewed, not a suit (near miss)", filing: a(cm.public, cm.agreeS),
			avail: av(pSimp, avA), fires: []string{"REVIEW_PUBLIC_INTEREST_OPINION2021"}, silent: []string{"ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT"}},

		// ===== 人民陪审员法第十六条第四项 =====
		{name: "adm major social impact 2018-04-27 on the spot", filing: a(filedOn("2018-04-27"), cm.impact, cm.spot),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ASSESSORS16_MAJOR_SOCIAL_IMPACT")}},
		{name: "adm major social impact 2018-04-26 on the spot (near miss)", filing: a(filedOn("2018-04-26"), cm.impact, cm.spot),
			avail: av(pSimp, avA), silent: []string{"ASSESSORS16_MAJOR_SOCIAL_IMPACT"}},
	}
}

// TestAuditRound21AdminOutcomes holds the round-21 administrative outcomes,
// written from the same texts before conversion.go was read: what the court
// may record at filing and after (行政诉讼法第八十二条至第八十四条), the time
// limit afterwards (第八十一条, 第八十三条; 行诉法解释第一百零五条第二款 from
// 2018-02-08, before it 行政诉讼法第一百零一条 with 民诉法解释（2015年）第二百五十
// 八条第三款) and what a late conversion is flagged with. Rows run through
// Engine.ValidateOutcome with the original filing, as the server does, then
// OutcomeTimeLimitFromRecord and OutcomeReview.
func TestAuditRound21AdminOutcomes(t *testing.T) {
	e := defaultEngine(t)
	for _, r := range audit21AdminOutcomeRows(t) {
		t.Run(r.name, func(t *testing.T) { r.check(t, e) })
	}
}

// admin21Row is one outcome scenario. want: "" accepted, "*" refused by any
// rule, else the rule; cites / notCites: what a refusal's article must and
// must not contain; lim: an accepted outcome's period; review: the outcome
// review codes wanted (nil: none).
type admin21Row struct {
	name   string
	f      *triagev1.Filing
	rec    triagev1.Procedure
	prior  []*triagev1.Outcome
	out    *triagev1.Outcome
	want   string
	cites  []string
	notCit []string
	lim    *admin21Limit
	review []string
	// reviewCites: what the first review reason's article must contain.
	reviewCites []string
}

// admin21Limit is an accepted outcome's time limit: the period, its due date
// and what its article must and must not contain.
type admin21Limit struct {
	months, days int32
	due          string
	cites        []string
	notCites     []string
}

func (r admin21Row) check(t *testing.T, e *rules.Engine) {
	t.Helper()
	d := withInferences(t, r.f, r.rec)
	err := e.ValidateOutcome(d, r.f, r.prior, r.out)
	checkVerdict(t, err, r.want, "")
	var ce *rules.ConversionError
	if errors.As(err, &ce) {
		if !containsAll(ce.Article, r.cites) {
			t.Errorf("refusal cites %q, want %q", ce.Article, r.cites)
		}
		for _, s := range r.notCit {
			if strings.Contains(ce.Article, s) || strings.Contains(ce.Message, s) {
				t.Errorf("refusal %v names %q", err, s)
			}
		}
	}
	if err != nil {
		return
	}
	tl, err := e.OutcomeTimeLimitFromRecord(d, r.prior, r.out, nil)
	if err != nil {
		t.Fatalf("time limit: %v", err)
	}
	if r.lim != nil {
		checkPeriod(t, tl, r.lim.months, r.lim.days, r.lim.due)
		if !containsAll(tl.GetArticle(), r.lim.cites) {
			t.Errorf("time limit cites %q, want %q", tl.GetArticle(), r.lim.cites)
		}
		for _, s := range r.lim.notCites {
			if strings.Contains(tl.GetArticle(), s) {
				t.Errorf("time limit cites %q, which names %q", tl.GetArticle(), s)
			}
		}
	}
	rv, err := e.OutcomeReview(d, r.prior, r.out, tl)
	if err != nil {
		t.Fatalf("review: %v", err)
	}
	if got := reasonCodes(rv); strings.Join(got, ",") != strings.Join(r.review, ",") {
		t.Errorf("review reasons %v, want %v", got, r.review)
	}
	if len(rv) > 0 && !containsAll(rv[0].GetArticle(), r.reviewCites) {
		t.Errorf("review reason cites %q, want %q", rv[0].GetArticle(), r.reviewCites)
	}
}

func audit21AdminOutcomeRows(tb testing.TB) []admin21Row {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, filed 2024-03-05
	basis := func(s string) omod { return func(o *triagev1.Outcome) { o.LegalBasis = s } }
	agree := basis("行政诉讼法第八十二条第二款")
	convert := basis("行政诉讼法第八十四条")
	spot := a(cm.spot)
	spot2017 := a(cm.spot, filedOn("2017-03-01"))
	spot2018 := a(cm.spot, filedOn("2017-12-01")) // 45 days end 2018-01-15
	const (
		interp2018 = "行诉法解释"
		late2018   = "ADMIN105_CONVERSION_AFTER_TIME_LIMIT"
		late2015   = "ALL101_CONVERSION_AFTER_TIME_LIMIT"
	)
	restart := func(o *triagev1.Outcome) {
		o.Restart = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_CHANGED
	}
	// The parties' agreement stated by a correction recorded with the
	// choice, beside another corrected fact.
	corrected := func(f *triagev1.Filing) omod {
		return func(o *triagev1.Outcome) {
			o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "原告2024年3月5日变更诉讼请求申请书"}
		}
	}
	return []admin21Row{
		// ===== the choice at filing: 行政诉讼法第八十二条第二款 =====
		// Defect of round 21: the agreement the court records with its choice
		// was ignored, so a lawful choice of simplified procedure was refused
		// as ALL82_NOT_QUALIFIED ("当事人各方未同意").
		{name: "filing: simplified with the parties' agreement (¶2)", f: a(), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), lim: &admin21Limit{days: 45, due: "2024-04-19", cites: []string{"行政诉讼法第八十三条"}}},
		{name: "filing: simplified without agreement, no ¶1 item", f: a(), rec: pOrd,
			out: outcome(chOver, pSimp, agree, on("2024-03-05")), want: rules.RuleProcedureExcluded, cites: []string{"行政诉讼法第八十二条"}},
		{name: "filing: agreed but remanded (¶3)", f: a(cm.remanded), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), want: rules.RuleProcedureExcluded, cites: []string{"第八十二条第三款"}, notCit: []string{"ALL82_NOT_QUALIFIED"}},
		{name: "filing: agreed but a retrial (¶3)", f: a(cm.retrial), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), want: rules.RuleProcedureExcluded, cites: []string{"第八十二条第三款"}},
		{name: "filing: agreed, filed 2015-04-30 (the 1989 law)", f: a(filedOn("2015-04-30")), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2015-04-30")), want: rules.RuleProcedureExcluded, cites: []string{"行政诉讼法（2014年修正）第八十二条"}},
		{name: "filing: agreed, filed 2015-05-01", f: a(filedOn("2015-05-01")), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2015-05-04")), lim: &admin21Limit{days: 45, due: "2015-06-15"}},
		{name: "filing: agreed, a 行政公益诉讼 (人民陪审员法第十六条第二项)", f: a(cause("行政公益诉讼")), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), want: rules.RuleProcedureExcluded, cites: []string{"人民陪审员法第十六条"}},
		{name: "filing: agreed, 不履行法定职责行政公益诉讼", f: a(cause("不履行法定职责行政公益诉讼")), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), want: rules.RuleProcedureExcluded, cites: []string{"人民陪审员法第十六条"}},
		{name: "filing: agreed, major social impact", f: a(cm.impact), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), want: rules.RuleProcedureExcluded, cites: []string{"人民陪审员法第十六条第四项"}},
		{name: "filing: agreed at an intermediate court", f: a(courtAt("杭州市中级人民法院", intermediateCourt)), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-06")), lim: &admin21Limit{days: 45, due: "2024-04-19"}},
		{name: "filing: agreed, with a correction of the amount (still no ¶1 item)", f: a(), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05"), corrected(a(yuan(6000)))), lim: &admin21Limit{days: 45, due: "2024-04-19"}},
		{name: "filing: a correction without agreement, no ¶1 item", f: a(), rec: pOrd,
			out: outcome(chOver, pSimp, agree, on("2024-03-05"), corrected(a(yuan(6000)))), want: rules.RuleProcedureExcluded},
		{name: "filing: a correction adds the remand, agreed", f: a(), rec: pOrd,
			out: outcome(chOver, pSimp, agree, agreed, on("2024-03-05"), corrected(a(cm.remanded))), want: rules.RuleProcedureExcluded, cites: []string{"第八十二条第三款"}},
		{name: "filing: ordinary instead of simplified", f: spot, rec: pSimp,
			out: outcome(chOver, pOrd, convert, on("2024-03-05")), lim: &admin21Limit{months: 6, due: "2024-09-05", cites: []string{"行政诉讼法第八十一条"}}},
		{name: "filing: ordinary, filed 2015-04-30: three months", f: a(filedOn("2015-04-30"), cm.spot), rec: pOrd,
			out: outcome(chConf, pOrd, convert, on("2015-05-04")), lim: &admin21Limit{months: 3, due: "2015-07-30", cites: []string{"行政诉讼法（1989年）第五十七条"}}},

		// ===== 简转普 (行政诉讼法第八十四条) and the period after it =====
		{name: "简转普 2024 on day 30: six months from 立案", f: spot, rec: pSimp,
			out: outcome(chS2O, pOrd, convert, on("2024-04-04")), lim: &admin21Limit{months: 6, due: "2024-09-05", cites: []string{"行政诉讼法第八十一条", "行诉法解释第一百零五条第二款"}}},
		{name: "agreed at filing, then 简转普", f: a(), rec: pOrd, prior: outs(outcome(chOver, pSimp, agree, agreed, on("2024-03-05"))),
			out: outcome(chS2O, pOrd, convert, on("2024-04-01")), lim: &admin21Limit{months: 6, due: "2024-09-05"}},
		// Citation defects of round 21: before 2018-02-08 the 2018
		// interpretation was not in force; 行政诉讼法第一百零一条 sent the matter
		// to 民诉法解释（2015年）第二百五十八条, whose ¶3 counts from 立案 and ¶2
		// wants the ruling before the period ends.
		{name: "简转普 ruled 2017-04-01: ALL 101 and Interp. 2015 art. 258 ¶3", f: spot2017, rec: pSimp,
			out: outcome(chS2O, pOrd, convert, on("2017-04-01")), lim: &admin21Limit{months: 6, due: "2017-09-01",
				cites: []string{"行政诉讼法第一百零一条", "民诉法解释（2015年）第二百五十八条第三款"}, notCites: []string{interp2018}}},
		{name: "简转普 ruled 2017-05-02, late: flagged under Interp. 2015 art. 258 ¶2", f: spot2017, rec: pSimp,
			out: outcome(chS2O, pOrd, convert, on("2017-05-02")), lim: &admin21Limit{months: 6, due: "2017-09-01", notCites: []string{interp2018}},
			review: []string{late2015}, reviewCites: []string{"行政诉讼法第一百零一条", "民诉法解释（2015年）第二百五十八条第二款"}},
		{name: "简转普 ruled 2018-02-07, late", f: spot2018, rec: pSimp,
			out: outcome(chS2O, pOrd, convert, on("2018-02-07")), lim: &admin21Limit{months: 6, due: "2018-06-01", notCites: []string{interp2018}},
			review: []string{late2015}},
		{name: "简转普 ruled 2018-02-08, late: 行诉法解释 in force (near miss)", f: spot2018, rec: pSimp,
			out: outcome(chS2O, pOrd, convert, on("2018-02-08")), lim: &admin21Limit{months: 6, due: "2018-06-01", cites: []string{"行诉法解释第一百零五条第二款"}},
			review: []string{late2018}, reviewCites: []string{"行诉法解释第一百零五条第一款"}},
		{name: "简转普 on day 45, the last day: in time", f: spot, rec: pSimp,
			out: outcome(chS2O, pOrd, convert, on("2024-04-19")), lim: &admin21Limit{months: 6, due: "2024-09-05"}},
		{name: "简转普 from ordinary: not from the procedure in force", f: spot, rec: pOrd,
			out: outcome(chS2O, pOrd, convert, on("2024-04-01")), want: rules.RuleChangeNotFromCurrent},

		// ===== 普转简: the ALL has no such conversion (left refused since round 13) =====
		{name: "普转简 agreed ruled 2024", f: a(), rec: pOrd,
			out: outcome(chO2S, pSimp, agree, agreed, on("2024-03-20")), want: rules.RuleAdminSimplifiedToOrdinaryOnly, cites: []string{"行诉法解释第一百零五条"}},
		{name: "普转简 agreed ruled 2016-03-04: no 行诉法解释 yet", f: a(cm.spot, filedOn("2016-03-01")), rec: pOrd,
			out: outcome(chO2S, pSimp, agree, agreed, on("2016-03-04")), want: rules.RuleAdminSimplifiedToOrdinaryOnly, cites: []string{"行政诉讼法第八十二条、第八十四条"}, notCit: []string{interp2018}},
		{name: "普转简 ruled 2015-04-20: no simplified procedure at all", f: a(filedOn("2015-04-01")), rec: pOrd,
			out: outcome(chO2S, pSimp, agree, agreed, on("2015-04-20")), want: rules.RuleAdminSimplifiedToOrdinaryOnly, cites: []string{"行政诉讼法（2014年修正）第八十二条"}, notCit: []string{interp2018}},

		// ===== what the ALL does not have =====
		{name: "a panel in simplified procedure (art. 83: one judge)", f: spot, rec: pSimp,
			out: outcome(chPanel, pSimp, convert, on("2024-03-20")), want: rules.RuleAdminNoSingleJudgeToPanel},
		{name: "a criminal restart of the time limit", f: spot, rec: pSimp,
			out: outcome(triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED, pSimp, convert, restart, on("2024-03-20")), want: "TIME_LIMIT_RESTART_CRIMINAL_ONLY"},
		{name: "small claims at filing", f: spot, rec: pSimp, out: outcome(chOver, pSC, agree, on("2024-03-05")), want: "*"},
	}
}
