package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 37, each row written from the article's text (the texts
// docs/statutes.md names) before the engine was run; a reading may only
// close a procedure the law closes or leave it to a person, never open one.
//
//   - 最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见 (法发〔1992〕22号,
//     in force 1992-07-14) art. 169: "起诉时被告下落不明的案件，不得适用简易
//     程序审理" — the 1992 text of what 若干规定 art. 1(1) said from
//     2003-12-01. A complaint saying the defendant cannot be reached (失联,
//     联系不上) states less than 下落不明, the court's finding: a review,
//     nothing closed, as from 2003-12-01 (round 32b).
//   - The fast-track pilots: the 2014 decision (2014-06-27) and 速裁 试点办法
//     (2014-08) for the first phase, 2014-08-26 to 2016-08-21; the 2016
//     decision (2016-09-03) and 认罪认罚 试点办法 (2016-11) art. 16 for the
//     second, 2016-11-30 to 2018-10-25. A bar on fast-track for a missing
//     consent or an unstated recommendation cites the phase's texts only.
//   - 《人民法院案件类型及其代字标准》: 民监 (the court's own review whether to
//     retry), 民抗 (review of a procuratorate's protest) decide whether a
//     case is retried, then numbered 民再; 民保令 (反家庭暴力法第二十六条: 人身
//     安全保护令由人民法院以裁定形式作出; 第二十八条: 七十二小时内) is no trial.
//     None is a first-instance trial: refused naming filing.id, as 民申,
//     行赔监 and 民特 are.

// The round's new codes, as literals so the tables compile (and fail)
// without the change.
const (
	reviewWhereabouts1992 = "REVIEW_WHEREABOUTS_IN_TEXT_OPINION1992"
	pilot2014NoConsent    = "PILOT2014_NO_CONSENT"
	pilot2014SentenceUnkn = "PILOT2014_SENTENCE_UNKNOWN"
)

// TestAuditRound37Civil: the 1992 意见's art. 169 and a defendant the text
// says cannot be reached.
func TestAuditRound37Civil(t *testing.T) { runTable(t, round37CivilCases(t)) }

func round37CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	loan := func(facts string) mod {
		return text("诉讼请求：1.判令被告偿还借款5000元。事实与理由：" + facts)
	}
	const (
		rev2003 = rules.CodeReviewWhereaboutsInTextProv2003
		bar1992 = rules.CodeOpinion1992Whereabouts
	)
	// reviewed: simplified stays open (the statement is not the court's
	// finding), the review quotes the words and cites art. 169.
	reviewed := func(name, on, facts string) tcase {
		return tcase{name: name, filing: c(filedOn(on), loan(facts)), avail: av(pSimp, avA, pOrd, avA), review: ptr(true),
			fires: []string{at(locReview, reviewWhereabouts1992)}, silent: []string{rev2003, at(locSimp, bar1992)},
			extra: citesAt(locReview, "若干问题的意见第一百六十九条")}
	}
	quiet := func(name string, tc tcase) tcase {
		tc.name += " (near miss)"
		tc.silent = append(tc.silent, reviewWhereabouts1992)
		return tc
	}
	return []tcase{
		reviewed("2000: 被告借款后失联", "2000-06-05", "被告借款后失联。"),
		reviewed("1995: 被告电话关机，联系不上", "1995-03-01", "被告至今未还，现被告电话关机，联系不上。"),
		reviewed("1992-07-14 (the opinion's first day): 被告音讯全无", "1992-07-14", "被告借款后音讯全无。"),
		reviewed("2003-11-30 (若干规定's day before): 被告住所不明", "2003-11-30", "被告住所不明。"),
		// Near misses: another era's text, another party, negated, the
		// stronger reading, the field.
		quiet("2003-12-01: 若干规定 art. 1(1) instead", tcase{name: "2003-12-01: 被告失联", filing: c(filedOn("2003-12-01"), loan("被告借款后失联。")),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locReview, rev2003)}}),
		quiet("1992-07-13: the opinion not yet in force", tcase{name: "1992-07-13: 被告失联", filing: c(filedOn("1992-07-13"), loan("被告借款后失联。")),
			silent: []string{rev2003}}),
		quiet("2000: art. 169 speaks of the defendant", tcase{name: "2000: 原告王五失联", filing: c(filedOn("2000-06-05"), named(0, "王五"),
			loan("原告王五出国务工已失联，由其委托诉讼代理人起诉。")), avail: av(pSimp, avA)}),
		quiet("2000: negated", tcase{name: "2000: 被告并未失联", filing: c(filedOn("2000-06-05"), loan("被告并未失联，仅拒不还款。")),
			avail: av(pSimp, avA)}),
		quiet("2000: 下落不明 read, art. 169 closes simplified", tcase{name: "2000: 被告下落不明", filing: c(filedOn("2000-06-05"),
			loan("被告下落不明，电话也联系不上。")), avail: av(pSimp, avU), fires: []string{at(locSimp, bar1992)}}),
		quiet("2000: the field closes simplified", tcase{name: "2000: whereabouts field set, 被告失联 in the text", filing: c(filedOn("2000-06-05"),
			party(1, whereaboutsUnknown), loan("被告借款后失联。")), avail: av(pSimp, avU), fires: []string{at(locSimp, bar1992)}}),
	}
}

// TestAuditRound37Pilot: each phase's bars cite that phase's texts.
func TestAuditRound37Pilot(t *testing.T) { runTable(t, round37PilotCases(t)) }

func round37PilotCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents; 杭州市上城区 (a pilot city)
	const ban2016 = pilotBan2016 + "第十六条"
	only := func(code string, want, not []string) func(*testing.T, *rules.Assessment) {
		return citesOnly(locFT, code, want, not)
	}
	p14 := []string{pilotDec2014, pilotBan2014}
	p16 := []string{pilotDec2016, ban2016}
	barred := func(name, on string, code, other string, want, not []string, mods ...mod) tcase {
		return tcase{name: name, filing: crim(10, append([]mod{filedOn(on)}, mods...)...), avail: av(pFT, avU),
			fires: []string{at(locFT, code)}, silent: []string{other}, extra: only(code, want, not)}
	}
	noConsent := cm.noConsent
	unknown := []mod{sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, 0)}
	return []tcase{
		// --- No consent: the 2014 办法 / the 2016 办法 art. 16.
		barred("2015-03-02 (first phase): no consent", "2015-03-02", pilot2014NoConsent, rules.CodePilotNoConsent, p14, p16, noConsent),
		barred("2014-08-26 (first phase's first day): no consent", "2014-08-26", pilot2014NoConsent, rules.CodePilotNoConsent, p14, p16, noConsent),
		barred("2016-08-21 (first phase's last day): no consent", "2016-08-21", pilot2014NoConsent, rules.CodePilotNoConsent, p14, p16, noConsent),
		barred("2016-11-30 (second phase's first day): no consent", "2016-11-30", rules.CodePilotNoConsent, pilot2014NoConsent, p16, p14, noConsent),
		barred("2017-03-01 (second phase): no consent", "2017-03-01", rules.CodePilotNoConsent, pilot2014NoConsent, p16, p14, noConsent),
		barred("2018-10-25 (second phase's last day): no consent", "2018-10-25", rules.CodePilotNoConsent, pilot2014NoConsent, p16, p14, noConsent),
		// --- No recommendation: 一年以下 (2014), 三年有期徒刑以下 (2016).
		barred("2015-03-02 (first phase): no recommendation", "2015-03-02", pilot2014SentenceUnkn, rules.CodePilotSentenceUnknown, p14, p16, unknown...),
		barred("2017-03-01 (second phase): no recommendation", "2017-03-01", rules.CodePilotSentenceUnknown, pilot2014SentenceUnkn, p16, p14, unknown...),
		// --- Near misses: consent and a recommendation stated.
		{name: "2015-03-02: consents, 10 months (near miss)", filing: crim(10, filedOn("2015-03-02")), avail: av(pFT, avA),
			silent: []string{pilot2014NoConsent, pilot2014SentenceUnkn, rules.CodePilotNoConsent, rules.CodePilotSentenceUnknown}},
		{name: "2017-03-01: consents, 10 months (near miss)", filing: crim(10, filedOn("2017-03-01")), avail: av(pFT, avA),
			silent: []string{pilot2014NoConsent, pilot2014SentenceUnkn, rules.CodePilotNoConsent, rules.CodePilotSentenceUnknown}},
	}
}

// citesOnly checks that code's reason at loc cites every one of want and
// none of not.
func citesOnly(loc, code string, want, not []string) func(*testing.T, *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		for _, o := range a.Options {
			if procLoc(o.GetProcedure()) != loc {
				continue
			}
			for _, r := range o.GetReasons() {
				if r.GetCode() != code {
					continue
				}
				for _, w := range want {
					if !strings.Contains(r.GetArticle(), w) {
						t.Errorf("%s cites %q, want it to name %q", code, r.GetArticle(), w)
					}
				}
				for _, n := range not {
					if strings.Contains(r.GetArticle(), n) {
						t.Errorf("%s cites %q, which names %q of the other phase", code, r.GetArticle(), n)
					}
				}
				return
			}
		}
		t.Errorf("no %s at %s", code, loc)
	}
}

// TestAuditRound37Refusals: case types that are no first-instance trial.
func TestAuditRound37Refusals(t *testing.T) { runRefusals(t, audit37Refusals(t)) }

func audit37Refusals(tb testing.TB) []refusal {
	c, _, _ := auditBuilders(tb)
	mid := courtAt("温州市中级人民法院", intermediateCourt)
	return []refusal{
		{"民监 review on the court's own motion", c(id("(2024)浙03民监8号"), mid), "filing.id"},
		{"民监 at a basic court", c(id("(2024)浙0302民监8号")), "filing.id"},
		{"民抗 protest review", c(id("(2024)浙03民抗8号"), mid), "filing.id"},
		{"民保令 personal safety protection order", c(id("(2024)浙0302民保令8号")), "filing.id"},
		{"民保令 on a criminal filing (the type, not the kind, is refused)", c(id("(2024)浙0302民保令9号"), kind(triagev1.CaseKind_CASE_KIND_CRIMINAL)), "filing.id"},
	}
}

// TestAuditRound37NumbersNearMiss: the first-instance and retrial numbers
// around the new types still pass validation and triage.
func TestAuditRound37NumbersNearMiss(t *testing.T) {
	c, _, _ := auditBuilders(t)
	e := defaultEngine(t)
	for _, n := range []string{"(2024)浙0302民初8号", "(2024)浙0302民再8号", "(2024)浙0302民撤8号"} {
		if _, err := e.Evaluate(c(id(n))); err != nil {
			t.Errorf("%s: %v, want it evaluated", n, err)
		}
	}
}

// complexAdmin is the round's administrative review code, as a literal.
const complexAdmin = "REVIEW_COMPLEX_IN_TEXT_ADMIN"

// TestAuditRound37Admin: 行政诉讼法第八十二条第一款 (事实清楚、权利义务关系明确、
// 争议不大, the court's finding), 行诉法解释 arts. 102 (their meaning) and 105
// (a case found 案情复杂 goes to ordinary procedure; 103, 104 close
// nothing). A complaint's own 案情复杂 or 不宜适用简易程序 is reviewed where
// simplified procedure is open, and closes nothing.
func TestAuditRound37Admin(t *testing.T) { runTable(t, audit37AdminCases(t)) }

func audit37AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	claims := "诉讼请求：撤销被告作出的罚款5000元的行政处罚决定。事实与理由："
	reviewed := func(name string, mods ...mod) tcase {
		return tcase{name: name, filing: a(append([]mod{cm.spot}, mods...)...), avail: av(pSimp, avA, pOrd, avA), review: ptr(true),
			fires: []string{at(locReview, complexAdmin)}, extra: citesAt(locReview, "行政诉讼法第八十二条第一款")}
	}
	quiet := func(name string, want triagev1.Availability, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: a(mods...), avail: av(pSimp, want, pOrd, avA), silent: []string{complexAdmin}}
	}
	return []tcase{
		reviewed("2024: 本案案情复杂 (on the spot)", text(claims+"本案案情复杂，涉及多个行政行为。")),
		reviewed("2024: 本案事实复杂、争议较大", text(claims+"本案事实复杂、争议较大。")),
		reviewed("2024: 本案属于疑难案件", text(claims+"本案属于疑难案件。")),
		reviewed("2024: 本案不宜适用简易程序 (no agreement marked)", text(claims+"原告认为本案不宜适用简易程序。")),
		reviewed("2015-05-01 (ALL 82's first day): 本案案情复杂", filedOn("2015-05-01"), text(claims+"本案案情复杂。")),
		{name: "2024: agreed (¶2) and 本案案情复杂: the agreement stands, reviewed", filing: a(cm.agreeS, text(claims+"本案案情复杂。")),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locSimp, "ALL82_AGREEMENT"), at(locReview, complexAdmin)}},
		// Near misses.
		quiet("2024: 本案案情并不复杂", avA, cm.spot, text(claims+"本案案情并不复杂，事实清楚。")),
		quiet("2024: 不属于不宜适用简易程序的情形", avA, cm.spot, text(claims+"本案不属于不宜适用简易程序的情形。")),
		quiet("2024: 复杂 of another case (另案)", avA, cm.spot, text(claims+"原告另案诉讼的案情复杂，与本案无关。")),
		quiet("2024: 复杂 of no case (原告家庭情况复杂)", avA, cm.spot, text(claims+"原告家庭情况复杂。")),
		quiet("2024: not qualified: nothing to review", avU, text(claims+"本案案情复杂。")),
		quiet("2014 (ALL 1989): no simplified procedure to review", avU, cm.spot, filedOn("2014-06-01"), text(claims+"本案案情复杂。")),
		{name: "2024: agreed, 不宜适用简易程序: the objection review alone (near miss)", filing: a(cm.agreeS, text(claims+"原告认为本案不宜适用简易程序。")),
			review: ptr(true), fires: []string{at(locReview, "REVIEW_ADMIN_OBJECTION_IN_TEXT")}, silent: []string{complexAdmin}},
	}
}

// complexJoint is the round's criminal bar code, as a literal.
const complexJoint = "INTERP1998_222_COMPLEX_JOINT_CRIME"

// TestAuditRound37Criminal: 刑诉法解释（1998年）第二百二十二条 "具有下列情形之一的，
// 不应当适用简易程序：…（二）比较复杂的共同犯罪案件" (in force 1998-09-08 until
// 2013-01-01; 法发〔2003〕6号 art. 2(1) the same from 2003-03-14). A filing
// whose text calls its case one, in the article's words, is not offered
// simplified procedure; the words are reviewed. CrPL 1996 alone (1997-01-01
// to 1998-09-07) and the 2012 interpretation have no such item.
func TestAuditRound37Criminal(t *testing.T) { runTable(t, audit37CriminalCases(t)) }

func audit37CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪 10 months, admits, accepts; 杭州市上城区
	const unfitReview = "REVIEW_UNSUITABLE_IN_TEXT"
	barred := func(name, on, txt string) tcase {
		return tcase{name: name, filing: crim(10, filedOn(on), text(txt)), avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, complexJoint), at(locReview, unfitReview)}, extra: citesAt(locSimp, "第二百二十二条第二项")}
	}
	open := func(name, on, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: crim(10, filedOn(on), text(txt)), avail: av(pSimp, avA),
			silent: []string{complexJoint, unfitReview}}
	}
	return []tcase{
		barred("2010: 本案系比较复杂的共同犯罪案件", "2010-06-01", "被告人王某伙同李某盗窃。本案系比较复杂的共同犯罪案件。"),
		barred("2005: 属较为复杂的共同犯罪", "2005-06-01", "被告人王某、李某等人结伙盗窃，属较为复杂的共同犯罪。"),
		barred("1998-09-08 (the interpretation's first day)", "1998-09-08", "本案系比较复杂的共同犯罪案件。"),
		barred("2012-12-31 (its last day)", "2012-12-31", "本案系比较复杂的共同犯罪案件。"),
		open("1998-09-07: CrPL 1996 alone", "1998-09-07", "本案系比较复杂的共同犯罪案件。"),
		open("2013-01-01: the 2012 interpretation has no such item", "2013-01-01", "本案系比较复杂的共同犯罪案件。"),
		open("2010: 不属于比较复杂的共同犯罪案件", "2010-06-01", "本案不属于比较复杂的共同犯罪案件。"),
		open("2010: 共同犯罪, 案情简单", "2010-06-01", "被告人王某伙同李某盗窃，系共同犯罪，案情简单。"),
	}
}

// The round's defender-dispute codes, as literals.
const (
	defenderDisputes       = "OPINION2003_DEFENDER_DISPUTES_FACTS"
	reviewDefenderDisputes = "REVIEW_DEFENDER_DISPUTE_IN_TEXT_OPINION2003"
)

// TestAuditRound37Defender: 法发〔2003〕6号 art. 1 "对于同时具有下列情形的公诉
// 案件，可以适用简易程序审理：…（二）被告人及辩护人对所指控的基本犯罪事实没有
// 异议" (in force 2003-03-14; CrPL 2012 from 2013-01-01 asks the defendant
// alone, art. 208 ¶1(2)). A public prosecution whose text states the
// defender disputing the charged facts is not offered simplified
// procedure; a private prosecution (the opinion is on 公诉案件), a dispute
// of the sentence only, a defender without a dispute are near misses.
func TestAuditRound37Defender(t *testing.T) { runTable(t, audit37DefenderCases(t)) }

func audit37DefenderCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪 10 months, admits, accepts
	barred := func(name, on, txt string) tcase {
		return tcase{name: name, filing: crim(10, filedOn(on), text(txt)), avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, defenderDisputes), at(locReview, reviewDefenderDisputes)},
			extra: citesAt(locSimp, "法发〔2003〕6号）第一条第二项")}
	}
	open := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name + " (near miss)", filing: f, avail: av(pSimp, avA), silent: []string{defenderDisputes, reviewDefenderDisputes}}
	}
	quietOnly := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name + " (near miss)", filing: f, silent: []string{defenderDisputes, reviewDefenderDisputes}}
	}
	private := circ(func(c *triagev1.Circumstances) { c.PrivateProsecution = true })
	return []tcase{
		barred("2010: 辩护人对指控的犯罪事实有异议", "2010-06-01", "被告人王某对指控的犯罪事实无异议。辩护人对指控的犯罪事实有异议。"),
		barred("2008: 辩护律师对起诉书指控的基本犯罪事实提出异议", "2008-06-01", "被告人王某认罪。其辩护律师对起诉书指控的基本犯罪事实提出异议。"),
		barred("2005: 辩护人对被告人王某的犯罪事实持异议 (the defender names the defendant after 对)", "2005-06-01", "辩护人对被告人王某的犯罪事实持异议。"),
		barred("2003-03-14 (the opinion's first day)", "2003-03-14", "辩护人对指控的犯罪事实有异议。"),
		barred("2012-12-31 (the last day before CrPL 2012)", "2012-12-31", "辩护人对指控的犯罪事实有异议。"),
		open("2003-03-13: before the opinion", crim(10, filedOn("2003-03-13"), text("辩护人对指控的犯罪事实有异议。"))),
		open("2013-01-01: CrPL 2012 asks the defendant alone", crim(10, filedOn("2013-01-01"), text("辩护人对指控的犯罪事实有异议。"))),
		open("2010: 辩护人对指控的犯罪事实无异议", crim(10, filedOn("2010-06-01"), text("辩护人对指控的犯罪事实无异议。"))),
		open("2010: 辩护人对量刑有异议 (not the facts)", crim(10, filedOn("2010-06-01"), text("辩护人对量刑有异议。"))),
		// Other readings may close simplified procedure here (the
		// dispute read as the defendant's; a private prosecution's own
		// conditions): only this round's codes are asserted silent.
		quietOnly("2010: 公诉机关对辩护人提出的事实有异议 (the procuratorate's)", crim(10, filedOn("2010-06-01"), text("辩护人提出被告人有自首情节，公诉机关对该事实有异议。"))),
		quietOnly("2010: a private prosecution (the opinion is on 公诉案件)", crim(0, filedOn("2010-06-01"), private, sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, 0), text("辩护人对自诉人指控的犯罪事实有异议。"))),
	}
}
