package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func TestEraCitations(t *testing.T) { runTable(t, eraCases(t)) }

// eraCases pin the article a civil reason cites to the law in force on the
// filing date, at the boundary days (docs/statutes.md, Audit):
//   - 2022-01-01, CPL 2021 in force: art. 166 lists the small-claims
//     exclusions ("（一）人身关系、财产确权案件；（二）涉外案件；（三）需要评估、
//     鉴定或者对诉前评估、鉴定结果有异议的案件；（四）一方当事人下落不明的案件；
//     （五）当事人提出反诉的案件"), art. 41 ¶3, ¶4 the new panel, art. 42 the
//     cases no single judge may hear;
//   - until 2021-12-31, 民诉法解释（2015年）第二百七十五条 ("（一）人身关系、
//     财产确权纠纷；（二）涉外民事纠纷；（三）知识产权纠纷；（四）需要评估、鉴定
//     或者对诉前评估、鉴定结果有异议的纠纷；（五）其他不宜适用一审终审的纠纷"),
//     its art. 280 (a counterclaim that takes the case out of small claims),
//     art. 273 (maritime courts, 30%), art. 257(1) (defendant's whereabouts,
//     simplified procedure); CPL 2012/2017 art. 39 (first instance: a panel,
//     or one judge in simplified procedure) and art. 40 ¶2, ¶3 (remanded and
//     retried cases: a new panel); no single-judge bar list;
//   - 2015-02-03, before the interpretation: CPL 2012 art. 162 ("审理符合本法
//     第一百五十七条第一款规定的简单的民事案件") is cited first.
//
// ¥10,000 is under every 北京 and 浙江 figure of these dates.
func eraCases(tb testing.TB) []tcase {
	base := civilBase(tb)
	bj := func(day string, mods ...mod) *triagev1.Filing {
		return with(base, append([]mod{province("北京市"), court("北京市东城区人民法院"), filedOn(day), yuan(10000)}, mods...)...)
	}
	maritime := func(day string) *triagev1.Filing {
		return with(base, court("宁波海事法院"), level(intermediateCourt), province("浙江省"), cause("海上货物运输合同纠纷"), filedOn(day), yuan(10000))
	}
	personal := circ(func(c *triagev1.Circumstances) { c.PersonalStatus = true })
	property := circ(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true })
	appraisal := circ(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })
	counterclaim := circ(func(c *triagev1.Circumstances) { c.Counterclaim = true })
	impact := circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })
	public := circ(func(c *triagev1.Circumstances) { c.PublicInterest = true })
	remanded := circ(func(c *triagev1.Circumstances) { c.Remanded = true })
	retrial := circ(func(c *triagev1.Circumstances) { c.Retrial = true })
	agreeSimp := circ(func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true })
	thirdParty := circ(func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true })
	notice := circ(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })
	cites := func(code, prefix string) func(t *testing.T, a *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			for _, r := range allReasons(a) {
				if r.GetCode() == code && !strings.HasPrefix(r.GetArticle(), prefix) {
					t.Errorf("%s cites %q, want it to begin %q", code, r.GetArticle(), prefix)
				}
			}
		}
	}
	// noLimit checks the ordinary time limit of a foreign-related case: none,
	// under the article in force on the filing date.
	noLimit := func(article string) func(t *testing.T, a *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			tl := a.Option(pOrd).GetTimeLimit()
			if !tl.GetNoStatutoryLimit() || tl.GetDueOn() != "" || tl.GetArticle() != article {
				t.Errorf("foreign ordinary time limit: %v, want none under %s", tl, article)
			}
		}
	}
	// timeLimit checks the time limit of procedure p: its months, article,
	// and a phrase its extension must contain.
	timeLimit := func(p triagev1.Procedure, months int32, article, ext string) func(t *testing.T, a *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			tl := a.Option(p).GetTimeLimit()
			if tl.GetMonths() != months || tl.GetArticle() != article || !strings.Contains(tl.GetExtension(), ext) {
				t.Errorf("%s time limit: %v, want %d months under %s, extension with %q", procLoc(p), tl, months, article, ext)
			}
		}
	}
	both := func(checks ...func(t *testing.T, a *rules.Assessment)) func(t *testing.T, a *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			for _, c := range checks {
				c(t, a)
			}
		}
	}
	// Before 2022 a panel was as much required: RequiresPanel must see the
	// pre-2022 codes, or a remanded 2019 case could go to a 速裁团队.
	panel := func(t *testing.T, a *rules.Assessment) {
		if !rules.RequiresPanel(a.Option(pOrd)) {
			t.Errorf("RequiresPanel(ordinary) = false, want true: %v", a.Option(pOrd).GetReasons())
		}
	}
	return []tcase{
		// --- Personal status, property confirmation, foreign, appraisal:
		// Interp. 2015 art. 275 (1), (2), (4) until 2021-12-31, CPL 166 after.
		{
			name: "2021-12-31 personal status: Interp. 2015 art. 275(1)", filing: bj("2021-12-31", personal),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015PersonalStatus)},
			silent: []string{rules.CodeCPL166PersonalStatus},
		},
		{
			name: "2022-01-01 personal status: CPL 166(1)", filing: bj("2022-01-01", personal),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166PersonalStatus)},
			silent: []string{rules.CodeInterp2015PersonalStatus},
		},
		{
			name: "2015-02-04 personal status: the interpretation's first day", filing: bj("2015-02-04", personal),
			avail: av(pSC, avU),
			fires: []string{at(locSC, rules.CodeInterp2015PersonalStatus)},
		},
		{
			// Before the interpretation CPL 2012 art. 162 alone applied; the
			// exclusion rests on its "简单的民事案件", cited alone (audit of
			// citations by era: the 2015 interpretation was not in force).
			name: "2015-02-03 personal status: CPL 2012 art. 162 cited first", filing: bj("2015-02-03", personal),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL2012PersonalStatus)},
			silent: []string{rules.CodeInterp2015PersonalStatus},
			extra:  cites(rules.CodeCPL2012PersonalStatus, "民事诉讼法（2012年修正）第一百六十二条"),
		},
		{
			name: "2021-12-31 property confirmation: Interp. 2015 art. 275(1)", filing: bj("2021-12-31", property),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015PropertyRights)},
			silent: []string{rules.CodeCPL166PropertyRights},
		},
		{
			name: "2022-01-01 property confirmation: CPL 166(1)", filing: bj("2022-01-01", property),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166PropertyRights)},
			silent: []string{rules.CodeInterp2015PropertyRights},
		},
		{
			name: "2021-12-31 foreign party: Interp. 2015 art. 275(2)", filing: bj("2021-12-31", party(1, foreign)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015Foreign)},
			silent: []string{rules.CodeCPL166Foreign},
		},
		{
			name: "2022-01-01 foreign party: CPL 166(2)", filing: bj("2022-01-01", party(1, foreign)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166Foreign)},
			silent: []string{rules.CodeInterp2015Foreign},
		},
		{
			name: "2015-02-03 appraisal: CPL 2012 art. 162 cited first", filing: bj("2015-02-03", appraisal),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL2012Appraisal)},
			silent: []string{rules.CodeInterp2015Appraisal},
			extra:  cites(rules.CodeCPL2012Appraisal, "民事诉讼法（2012年修正）第一百六十二条"),
		},
		{
			name: "2021-12-31 appraisal: Interp. 2015 art. 275(4)", filing: bj("2021-12-31", appraisal),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015Appraisal)},
			silent: []string{rules.CodeCPL166Appraisal},
		},
		{
			name: "2022-01-01 appraisal: CPL 166(3)", filing: bj("2022-01-01", appraisal),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166Appraisal)},
			silent: []string{rules.CodeInterp2015Appraisal},
		},

		// --- Whereabouts: before 2022 only a defendant's, through the
		// simplified-procedure bar; CPL 166(4) any party's.
		{
			name: "2021-12-31 defendant's whereabouts unknown: Interp. 2015 art. 257(1)", filing: bj("2021-12-31", party(1, whereaboutsUnknown)),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015Whereabouts), at(locSimp, rules.CodeInterp257Whereabouts)},
			silent: []string{rules.CodeCPL166Whereabouts},
		},
		{
			// Round 10: the small-claims option cited INTERP2015_257_* (民诉法解释
			// （2015年）第二百五十七条) on a filing before that interpretation existed,
			// while its other simplified-procedure bars cited 若干规定 art. 1.
			name: "2015-02-03 defendant's whereabouts unknown: 若干规定 art. 1(1) on small claims", filing: bj("2015-02-03", party(1, whereaboutsUnknown)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeProv1Whereabouts)},
			silent: []string{rules.CodeInterp2015Whereabouts, rules.CodeInterp257Whereabouts},
		},
		{
			name: "2015-02-04 defendant's whereabouts unknown: Interp. 2015 art. 257(1) on small claims", filing: bj("2015-02-04", party(1, whereaboutsUnknown)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015Whereabouts)},
			silent: []string{at(locSC, rules.CodeProv1Whereabouts)},
		},
		{
			// Near miss: a third party's unknown whereabouts barred nothing before 2022.
			name: "2015-02-03 third party's whereabouts unknown: small claims open", filing: bj("2015-02-03", func(f *triagev1.Filing) {
				f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_THIRD_PARTY, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, WhereaboutsUnknown: true})
			}),
			avail:  av(pSC, avA, pSimp, avA),
			silent: []string{rules.CodeProv1Whereabouts, rules.CodeInterp2015Whereabouts, rules.CodeCPL166Whereabouts},
		},
		{
			// Behaviour change: no rule before 2022 excluded a case for a
			// plaintiff's unknown whereabouts.
			name: "2021-12-31 plaintiff's whereabouts unknown: small claims open", filing: bj("2021-12-31", party(0, whereaboutsUnknown)),
			avail: av(pSC, avA), mandatory: ptr(true),
			silent: []string{rules.CodeCPL166Whereabouts, rules.CodeInterp2015Whereabouts},
		},
		{
			name: "2022-01-01 plaintiff's whereabouts unknown: CPL 166(4)", filing: bj("2022-01-01", party(0, whereaboutsUnknown)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166Whereabouts)},
			silent: []string{rules.CodeInterp2015Whereabouts},
		},

		// --- Counterclaim: CPL 166(5) excludes it from 2022; before, art.
		// 278 took the case out only when it no longer met the conditions.
		{
			// Outside the 繁简分流 pilot's courts; at 北京's, the pilot's
			// band with the same condition (civilpilot_test.go).
			name: "2021-12-31 counterclaim: small claims open, Interp. 2015 art. 280 as condition", filing: bj("2021-12-31", counterclaim, province("河北省"), court("石家庄市长安区人民法院")),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodeCPL162Mandatory), at(locSC, rules.CodeInterp2015Counterclaim)},
			silent: []string{rules.CodeCPL166Counterclaim},
		},
		{
			name: "2022-01-01 counterclaim: CPL 166(5)", filing: bj("2022-01-01", counterclaim),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL166Counterclaim)},
			silent: []string{rules.CodeInterp2015Counterclaim},
		},

		// --- Maritime courts: the 2015 art. 273's 30%, then 50%.
		{
			name: "2021-12-31 maritime court: Interp. 2015 art. 273, 30%", filing: maritime("2021-12-31"),
			avail: av(pSC, avA), mandatory: ptr(false),
			fires:  []string{at(locSC, rules.CodeInterp2015MaritimeOptional)},
			silent: []string{rules.CodeInterp273NotMandatory},
			extra: func(t *testing.T, a *rules.Assessment) {
				if a.Limit.GetPercent() != 30 {
					t.Errorf("limit percent %d, want 30", a.Limit.GetPercent())
				}
			},
		},
		{
			name: "2022-01-01 maritime court: Interp. 273, 50%", filing: maritime("2022-01-01"),
			avail: av(pSC, avA), mandatory: ptr(false),
			fires:  []string{at(locSC, rules.CodeInterp273NotMandatory)},
			silent: []string{rules.CodeInterp2015MaritimeOptional},
		},

		// 法释〔2013〕16号 (in force 2013-06-26) before the interpretation;
		// before it, CPL 2012 art. 162 gave small claims to basic courts only.
		{
			name: "2015-02-03 maritime court: the 2013 reply, 30%", filing: maritime("2015-02-03"),
			avail: av(pSC, avA), mandatory: ptr(false),
			fires:  []string{at(locSC, rules.CodeReply2013MaritimeOptional)},
			silent: []string{rules.CodeInterp2015MaritimeOptional},
		},
		{
			name: "2015-02-04 maritime court: Interp. 2015 art. 273", filing: maritime("2015-02-04"),
			avail: av(pSC, avA), mandatory: ptr(false),
			fires:  []string{at(locSC, rules.CodeInterp2015MaritimeOptional)},
			silent: []string{rules.CodeReply2013MaritimeOptional},
		},
		{
			name: "2013-06-26 maritime court: the reply's first day", filing: maritime("2013-06-26"),
			avail: av(pSC, avA), mandatory: ptr(false),
			fires: []string{at(locSC, rules.CodeReply2013MaritimeOptional)},
		},
		{
			// Behaviour change: before the reply an intermediate maritime
			// court had no small claims; MSPL 98 still opens simplified.
			name: "2013-06-25 maritime court: no small claims yet", filing: maritime("2013-06-25"),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL162CourtLevel), at(locSimp, rules.CodeMSPL98Simplified)},
			silent: []string{rules.CodeReply2013MaritimeOptional},
		},

		// --- Bench: CPL 2012/2017 art. 39, 40 until 2021-12-31; CPL 40–42 after.
		{
			// Before CPL 42 the bar on a single judge for social impact was
			// 人民陪审员法第十六条第四项 (2018-04-27; round 14): a seven-member
			// panel with assessors.
			name: "2021-12-31 major social impact: 人民陪审员法 16(4) bars a single judge, ordinary sits as a panel (art. 39)", filing: bj("2021-12-31", impact),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, rules.CodeAssessors16MajorSocialImpact), at(locSC, rules.CodeAssessors16MajorSocialImpact),
				at(locOrd, rules.CodeCPL2017PanelRequired), at(locReview, rules.CodeReviewMajorImpact)},
			silent: []string{rules.CodeCPL42SingleJudgeBarred, rules.CodeCPL42PanelRequired},
			extra:  panel,
		},
		{
			// The day before the assessors law: no rule barred a single judge
			// for social impact; the review signal still flags the case.
			name: "2018-04-26 major social impact: no single-judge bar, ordinary sits as a panel (art. 39)", filing: bj("2018-04-26", impact),
			avail: av(pSC, avA, pSimp, avA, pOrd, avA), review: ptr(true),
			fires:  []string{at(locOrd, rules.CodeCPL2017PanelRequired), at(locReview, rules.CodeReviewMajorImpact2015)},
			silent: []string{rules.CodeCPL42SingleJudgeBarred, rules.CodeCPL42PanelRequired, rules.CodeAssessors16MajorSocialImpact},
			extra:  panel,
		},
		{
			name: "2022-01-01 major social impact: CPL 42(3)", filing: bj("2022-01-01", impact),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCPL42SingleJudgeBarred), at(locOrd, rules.CodeCPL42PanelRequired)},
			silent: []string{rules.CodeCPL2017PanelRequired},
		},
		{
			// Interp. 2015 art. 257(5) still bars simplified procedure.
			name: "2021-12-31 public interest: Interp. 257(5) bars, ordinary a panel (art. 39)", filing: bj("2021-12-31", public),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, rules.CodeInterp257PublicInterest), at(locOrd, rules.CodeCPL2017PanelRequired)},
		},
		{
			name: "2021-12-31 remanded: CPL 2017 art. 40 ¶2", filing: bj("2021-12-31", remanded),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locOrd, rules.CodeCPL2017NewPanel), at(locSC, rules.CodeCPL2017NewPanelSingleJudge),
				at(locSimp, rules.CodeCPL2017NewPanelSingleJudge)},
			silent: []string{rules.CodeCPL41PanelRequired, rules.CodeCPL41SingleJudgeBarred},
			extra:  panel,
		},
		{
			name: "2022-01-01 remanded: CPL 41 ¶3", filing: bj("2022-01-01", remanded),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL41PanelRequired), at(locSimp, rules.CodeCPL41SingleJudgeBarred)},
			silent: []string{rules.CodeCPL2017NewPanel, rules.CodeCPL2017NewPanelSingleJudge},
		},
		{
			name: "2015-02-03 retrial: CPL 2012 art. 40 ¶3", filing: bj("2015-02-03", retrial),
			avail: av(pSimp, avU, pOrd, avA),
			fires: []string{at(locOrd, rules.CodeCPL2017NewPanel), at(locSimp, rules.CodeCPL2017NewPanelSingleJudge)},
		},

		// --- Simplified procedure: CPL 2012/2017 art. 157 until 2021-12-31
		// (its art. 162 reads "符合本法第一百五十七条第一款规定的简单的民事案件";
		// the 若干规定 cites "民事诉讼法第一百五十七条"), CPL 160 after.
		{
			name: "2021-12-31 simplified: CPL 2017 art. 157 ¶1", filing: bj("2021-12-31"),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2017SimplifiedSimple)},
			silent: []string{rules.CodeCPL160Simple, rules.CodeCPL2017SimplifiedAgreement},
		},
		{
			name: "2022-01-01 simplified: CPL 160 ¶1", filing: bj("2022-01-01"),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL160Simple)},
			silent: []string{rules.CodeCPL2017SimplifiedSimple},
		},
		{
			name: "2021-12-31 agreed simplified: CPL 2017 art. 157 ¶2", filing: bj("2021-12-31", agreeSimp),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2017SimplifiedAgreement)},
			silent: []string{rules.CodeCPL160Agreement, rules.CodeCPL2017SimplifiedSimple},
		},
		{
			name: "2022-01-01 agreed simplified: CPL 160 ¶2", filing: bj("2022-01-01", agreeSimp),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL160Agreement)},
			silent: []string{rules.CodeCPL2017SimplifiedAgreement},
		},
		{
			name: "2021-12-31 intermediate court: CPL 2017 art. 157", filing: bj("2021-12-31", level(intermediateCourt)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2017SimplifiedCourtLevel), at(locSC, rules.CodeCPL162CourtLevel)},
			silent: []string{rules.CodeCPL160CourtLevel},
		},
		{
			name: "2022-01-01 intermediate court: CPL 160", filing: bj("2022-01-01", level(intermediateCourt)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCPL160CourtLevel), at(locSC, rules.CodeCPL165CourtLevel)},
			silent: []string{rules.CodeCPL2017SimplifiedCourtLevel},
		},

		// --- Simplified-procedure bars before the 2015 interpretation:
		// 若干规定 art. 1 "（一）起诉时被告下落不明的；（二）发回重审的；（三）共同
		// 诉讼中一方或者双方当事人人数众多的；（四）法律规定应当适用特别程序、审判
		// 监督程序…的", art. 2 the agreement; Interp. 257, 264 from 2015-02-04.
		{
			name: "2015-02-03 defendant's whereabouts: 若干规定 art. 1(1)", filing: bj("2015-02-03", party(1, whereaboutsUnknown)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1Whereabouts)},
			silent: []string{rules.CodeInterp257Whereabouts},
		},
		{
			name: "2015-02-04 defendant's whereabouts: Interp. 257(1)", filing: bj("2015-02-04", party(1, whereaboutsUnknown)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp257Whereabouts)},
			silent: []string{rules.CodeProv1Whereabouts},
		},
		{
			name: "2015-02-03 remanded, agreed: 若干规定 art. 1(2), art. 2", filing: bj("2015-02-03", remanded, agreeSimp),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1Remanded), at(locSimp, rules.CodeProv1AgreementExcluded), at(locSC, rules.CodeProv1Remanded)},
			silent: []string{rules.CodeInterp257Remanded, rules.CodeInterp264NoAgreement},
		},
		{
			name: "2015-02-04 remanded, agreed: Interp. 257(2), 264", filing: bj("2015-02-04", remanded, agreeSimp),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp257Remanded), at(locSimp, rules.CodeInterp264NoAgreement)},
			silent: []string{rules.CodeProv1Remanded, rules.CodeProv1AgreementExcluded},
		},
		{
			name: "2015-02-03 ten plaintiffs: 若干规定 art. 1(3)", filing: bj("2015-02-03", setParties(10, 1)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1Numerous)},
			silent: []string{rules.CodeInterp257Numerous},
		},
		{
			name: "2015-02-04 ten plaintiffs: Interp. 257(3)", filing: bj("2015-02-04", setParties(10, 1)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp257Numerous)},
			silent: []string{rules.CodeProv1Numerous},
		},
		{
			name: "2015-02-03 retrial: 若干规定 art. 1(4)", filing: bj("2015-02-03", retrial),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1Retrial)},
			silent: []string{rules.CodeInterp257Retrial},
		},
		{
			name: "2015-02-04 retrial: Interp. 257(4)", filing: bj("2015-02-04", retrial),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp257Retrial)},
			silent: []string{rules.CodeProv1Retrial},
		},

		// --- Foreign-related: no ordinary time limit, by the article of the
		// filing date: CPL 2012/2017 art. 270 until 2021-12-31, CPL 2021
		// art. 277 ("人民法院审理涉外民事案件的期间，不受本法第一百五十二条、
		// 第一百八十三条规定的限制") until 2023-12-31, CPL 2023 art. 287 after.
		{
			name: "2021-12-31 foreign: CPL 2017 art. 270", filing: bj("2021-12-31", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2017ForeignNoTimeLimit)},
			silent: []string{rules.CodeCPL2021ForeignNoTimeLimit, rules.CodeCPL287NoTimeLimit},
			extra:  noLimit("民事诉讼法（2012年、2017年修正）第二百七十条"),
		},
		{
			name: "2022-01-01 foreign: CPL 2021 art. 277", filing: bj("2022-01-01", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2021ForeignNoTimeLimit)},
			silent: []string{rules.CodeCPL2017ForeignNoTimeLimit, rules.CodeCPL287NoTimeLimit},
			extra:  noLimit("民事诉讼法（2021年修正）第二百七十七条"),
		},
		{
			name: "2023-12-31 foreign: still CPL 2021 art. 277", filing: bj("2023-12-31", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2021ForeignNoTimeLimit)},
			silent: []string{rules.CodeCPL287NoTimeLimit},
			extra:  noLimit("民事诉讼法（2021年修正）第二百七十七条"),
		},
		{
			name: "2024-01-01 foreign: CPL 2023 art. 287", filing: bj("2024-01-01", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL287NoTimeLimit)},
			silent: []string{rules.CodeCPL2021ForeignNoTimeLimit, rules.CodeCPL2017ForeignNoTimeLimit},
			extra:  noLimit("民事诉讼法第二百八十七条"),
		},
		{
			name: "2023-12-31 domestic: the six months of CPL 152 run", filing: bj("2023-12-31"),
			avail:  av(pOrd, avA),
			silent: []string{rules.CodeCPL2021ForeignNoTimeLimit, rules.CodeCPL287NoTimeLimit, rules.CodeCPL2017ForeignNoTimeLimit},
			extra: func(t *testing.T, a *rules.Assessment) {
				if tl := a.Option(pOrd).GetTimeLimit(); tl.GetNoStatutoryLimit() || tl.GetMonths() != 6 || tl.GetArticle() != "民事诉讼法第一百五十二条" {
					t.Errorf("domestic ordinary time limit: %v", tl)
				}
			},
		},
		// --- Before 2013: CPL 1991 and its 2007 amendment (in force
		// 2008-04-01), which numbered the first-instance articles alike
		// (the amendment changed arts. 103, 104 and 178 on): art. 142
		// simplified procedure ("基层人民法院和它派出的法庭审理事实清楚、权利
		// 义务关系明确、争议不大的简单的民事案件，适用本章规定"), no agreement
		// paragraph (若干规定 art. 2 from 2003-12-01), art. 146 three months
		// without extension, art. 135 six months, art. 40 (panel; one judge
		// in simplified procedure), art. 41 ¶2, ¶3 (a new panel); the
		// foreign-related exemption art. 250 (1991), art. 248 (2007).
		{
			// The filing of the issue: 2010, a ¥5,000 loan in 南京.
			name:   "2010-05-04 simplified: CPL 2007 art. 142, art. 146's three months, art. 135's six",
			filing: with(base, province("江苏省"), court("南京市鼓楼区人民法院"), filedOn("2010-05-04"), yuan(5000)),
			avail:  av(pSC, avU, pSimp, avA, pOrd, avA),
			fires:  []string{at(locSC, rules.CodeCPL162NotInForce), at(locSimp, rules.CodeCPL2007SimplifiedSimple)},
			silent: []string{rules.CodeCPL2017SimplifiedSimple, rules.CodeCPL160Simple},
			extra: both(
				timeLimit(pSimp, 3, "民事诉讼法（1991年、2007年修正）第一百四十六条", "未规定延长"),
				timeLimit(pOrd, 6, "民事诉讼法（1991年、2007年修正）第一百三十五条", "可以延长六个月"),
			),
		},
		{
			name: "2012-12-31 simplified: CPL 2007 art. 142, 146, 135", filing: bj("2012-12-31"),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2007SimplifiedSimple)},
			silent: []string{rules.CodeCPL2017SimplifiedSimple, rules.CodeProv2Agreement},
			extra: both(
				timeLimit(pSimp, 3, "民事诉讼法（1991年、2007年修正）第一百四十六条", "未规定延长"),
				timeLimit(pOrd, 6, "民事诉讼法（1991年、2007年修正）第一百三十五条", "报请上级人民法院批准"),
			),
		},
		{
			name: "2013-01-01 simplified: CPL 2012 art. 157 ¶1, 161, 149", filing: bj("2013-01-01"),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2017SimplifiedSimple)},
			silent: []string{rules.CodeCPL2007SimplifiedSimple},
			extra: both(
				timeLimit(pSimp, 3, "民事诉讼法（2012年、2017年修正）第一百六十一条", "未规定延长"),
				timeLimit(pOrd, 6, "民事诉讼法（2012年、2017年修正）第一百四十九条", "可以延长六个月"),
			),
		},
		{
			name: "2012-12-31 intermediate court: CPL 2007 art. 142", filing: bj("2012-12-31", level(intermediateCourt)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2007SimplifiedCourtLevel), at(locSC, rules.CodeCPL162NotInForce)},
			silent: []string{rules.CodeCPL2017SimplifiedCourtLevel, rules.CodeCPL160CourtLevel},
		},
		{
			name: "2013-01-01 intermediate court: CPL 2012 art. 157", filing: bj("2013-01-01", level(intermediateCourt)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2017SimplifiedCourtLevel)},
			silent: []string{rules.CodeCPL2007SimplifiedCourtLevel},
		},
		{
			// CPL 2007 had no agreement paragraph: 若干规定 art. 2 ("当事人各方
			// 自愿选择适用简易程序，经人民法院审查同意的，可以适用简易程序").
			name: "2012-12-31 agreed simplified: 若干规定 art. 2", filing: bj("2012-12-31", agreeSimp),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeProv2Agreement)},
			silent: []string{rules.CodeCPL2017SimplifiedAgreement, rules.CodeCPL2007SimplifiedSimple},
		},
		{
			name: "2013-01-01 agreed simplified: CPL 2012 art. 157 ¶2", filing: bj("2013-01-01", agreeSimp),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2017SimplifiedAgreement)},
			silent: []string{rules.CodeProv2Agreement},
		},
		{
			name: "2003-12-01 agreed simplified: 若干规定 art. 2's first day", filing: bj("2003-12-01", agreeSimp),
			avail: av(pSimp, avA),
			fires: []string{at(locSimp, rules.CodeProv2Agreement)},
		},
		{
			// No text let the parties choose before 若干规定 (in force
			// 2003-12-01): only the simple case opens simplified procedure.
			name: "2003-11-30 agreed simplified: no agreement rule yet, the simple case", filing: bj("2003-11-30", agreeSimp),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2007SimplifiedSimple)},
			silent: []string{rules.CodeProv2Agreement},
		},
		{
			// An agreement had no rule to rest on before 若干规定 (in force
			// 2003-12-01), so none to refuse either: the remand bars alone.
			name: "2003-11-30 remanded, agreed: no agreement rule to refuse it", filing: bj("2003-11-30", remanded, agreeSimp),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCPL2007NewPanelSingleJudge)},
			silent: []string{rules.CodeProv1AgreementExcluded},
		},
		// Statute round 36: before 若干规定 (2003-12-01) the 1992 意见 held
		// three of its art. 1 bars, art. 169 (the defendant's unknown
		// whereabouts) and art. 174 (a remand, a retrial); from that day
		// art. 1 (1), (2), (4). Until rules 2026-12-06.42 the earlier
		// filings cited 若干规定 before it existed.
		{
			name: "2003-11-30 defendant's whereabouts: 1992 意见 art. 169", filing: bj("2003-11-30", party(1, whereaboutsUnknown)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeOpinion1992Whereabouts)},
			silent: []string{rules.CodeProv1Whereabouts},
			extra:  citesAt(locSimp, "若干问题的意见第一百六十九条"),
		},
		{
			name: "2003-12-01 defendant's whereabouts: 若干规定 art. 1(1)", filing: bj("2003-12-01", party(1, whereaboutsUnknown)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1Whereabouts)},
			silent: []string{rules.CodeOpinion1992Whereabouts},
		},
		{
			name: "2003-11-30 remanded: 1992 意见 art. 174", filing: bj("2003-11-30", remanded),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeOpinion1992Remanded)},
			silent: []string{rules.CodeProv1Remanded},
			extra:  citesAt(locSimp, "若干问题的意见第一百七十四条"),
		},
		{
			name: "2003-12-01 remanded: 若干规定 art. 1(2)", filing: bj("2003-12-01", remanded),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1Remanded)},
			silent: []string{rules.CodeOpinion1992Remanded},
		},
		{
			name: "1995-06-01 retrial: 1992 意见 art. 174", filing: bj("1995-06-01", retrial),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeOpinion1992Retrial)},
			silent: []string{rules.CodeProv1Retrial},
			extra:  citesAt(locSimp, "若干问题的意见第一百七十四条"),
		},
		{
			name: "2003-12-01 retrial: 若干规定 art. 1(4)", filing: bj("2003-12-01", retrial),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1Retrial)},
			silent: []string{rules.CodeOpinion1992Retrial},
		},
		{
			name: "2003-12-01 remanded, agreed: 若干规定 arts. 1, 2 refuse the agreement", filing: bj("2003-12-01", remanded, agreeSimp),
			avail: av(pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, rules.CodeProv1AgreementExcluded), at(locSimp, rules.CodeCPL2007NewPanelSingleJudge)},
		},
		{
			name: "2012-12-31 remanded: CPL 2007 art. 41 ¶2", filing: bj("2012-12-31", remanded),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locOrd, rules.CodeCPL2007NewPanel), at(locSimp, rules.CodeCPL2007NewPanelSingleJudge),
				at(locSimp, rules.CodeProv1Remanded)},
			silent: []string{rules.CodeCPL2017NewPanel, rules.CodeCPL2017NewPanelSingleJudge, rules.CodeCPL41PanelRequired},
			extra:  panel,
		},
		{
			name: "2013-01-01 remanded: CPL 2012 art. 40 ¶2", filing: bj("2013-01-01", remanded),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2017NewPanel), at(locSC, rules.CodeCPL2017NewPanelSingleJudge), at(locSimp, rules.CodeCPL2017NewPanelSingleJudge)},
			silent: []string{rules.CodeCPL2007NewPanel, rules.CodeCPL2007NewPanelSingleJudge},
			extra:  panel,
		},
		{
			name: "2008-03-31 retrial: CPL 1991 art. 41 ¶3", filing: bj("2008-03-31", retrial),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2007NewPanel), at(locSimp, rules.CodeCPL2007NewPanelSingleJudge)},
			silent: []string{rules.CodeCPL2017NewPanel},
			extra:  panel,
		},
		{
			name: "2012-12-31 major social impact: ordinary a panel (CPL 2007 art. 40)", filing: bj("2012-12-31", impact),
			avail: av(pSimp, avA, pOrd, avA), review: ptr(true),
			fires:  []string{at(locOrd, rules.CodeCPL2007PanelRequired)},
			silent: []string{rules.CodeCPL2017PanelRequired, rules.CodeCPL42SingleJudgeBarred},
			extra:  panel,
		},
		{
			name: "2013-01-01 major social impact: ordinary a panel (CPL 2012 art. 39)", filing: bj("2013-01-01", impact),
			avail:  av(pSimp, avA, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2017PanelRequired)},
			silent: []string{rules.CodeCPL2007PanelRequired},
			extra:  panel,
		},
		{
			// Small claims did not exist: the exclusions of the law that
			// created it (CPL 2012 art. 162, Interp. 2015 art. 275) are no
			// reason; CPL162_NOT_IN_FORCE says all.
			name: "2012-12-31 personal status: only the missing procedure is said", filing: bj("2012-12-31", personal),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL162NotInForce)},
			silent: []string{rules.CodeInterp2015PersonalStatus, rules.CodeCPL166PersonalStatus},
		},
		{
			name: "2013-01-01 personal status: CPL 2012 art. 162", filing: bj("2013-01-01", personal),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL2012PersonalStatus)},
			silent: []string{rules.CodeCPL162NotInForce, rules.CodeInterp2015PersonalStatus},
		},
		{
			name: "2008-03-31 foreign: CPL 1991 art. 250", filing: bj("2008-03-31", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL1991ForeignNoTimeLimit), at(locSC, rules.CodeCPL162NotInForce)},
			silent: []string{rules.CodeCPL2007ForeignNoTimeLimit, rules.CodeCPL287NoTimeLimit, rules.CodeInterp2015Foreign},
			extra:  noLimit("民事诉讼法（1991年）第二百五十条"),
		},
		{
			name: "2008-04-01 foreign: CPL 2007 art. 248", filing: bj("2008-04-01", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2007ForeignNoTimeLimit)},
			silent: []string{rules.CodeCPL1991ForeignNoTimeLimit, rules.CodeCPL287NoTimeLimit},
			extra:  noLimit("民事诉讼法（2007年修正）第二百四十八条"),
		},
		{
			name: "2012-12-31 foreign: still CPL 2007 art. 248", filing: bj("2012-12-31", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2007ForeignNoTimeLimit)},
			silent: []string{rules.CodeCPL2017ForeignNoTimeLimit},
			extra:  noLimit("民事诉讼法（2007年修正）第二百四十八条"),
		},
		{
			name: "2013-01-01 foreign: CPL 2012 art. 270", filing: bj("2013-01-01", party(0, foreign)),
			avail:  av(pSC, avU, pOrd, avA),
			fires:  []string{at(locOrd, rules.CodeCPL2017ForeignNoTimeLimit)},
			silent: []string{rules.CodeCPL2007ForeignNoTimeLimit},
			extra:  noLimit("民事诉讼法（2012年、2017年修正）第二百七十条"),
		},
		{
			name: "2008-03-31 domestic: CPL 1991 art. 135's six months run", filing: bj("2008-03-31"),
			avail:  av(pOrd, avA),
			silent: []string{rules.CodeCPL1991ForeignNoTimeLimit, rules.CodeCPL2007ForeignNoTimeLimit},
			extra:  timeLimit(pOrd, 6, "民事诉讼法（1991年、2007年修正）第一百三十五条", "可以延长六个月"),
		},

		// --- Suits the 2015 interpretation first named (Interp. 257 (5),
		// (6)) and public notice (Interp. 140), before 2015-02-04. No text
		// then in force barred simplified procedure in a public-interest
		// suit (CPL 2012 art. 55) or a third-party revocation suit (art. 56
		// ¶3): only the court's finding under 若干规定 art. 1(5) ("人民法院认为
		// 不宜适用简易程序进行审理的"), which fenjian takes as made and says so.
		// Public notice: 若干规定 art. 8(1) sent a case whose defendant could
		// not be served directly or by leaving to ordinary procedure.
		{
			name: "2015-02-03 public interest: 若干规定 art. 1(5), ordinary a panel (art. 39)", filing: bj("2015-02-03", public),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, rules.CodeProv1PublicInterest), at(locSC, rules.CodeProv1PublicInterest),
				at(locOrd, rules.CodeCPL2017PanelRequired)},
			silent: []string{rules.CodeInterp257PublicInterest},
			extra:  cites(rules.CodeProv1PublicInterest, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项"),
		},
		{
			name: "2015-02-04 public interest: Interp. 257(5)", filing: bj("2015-02-04", public),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeInterp257PublicInterest)},
			silent: []string{rules.CodeProv1PublicInterest},
		},
		{
			name: "2015-02-03 public interest, agreed: the agreement cannot open it (若干规定 art. 1, 2)", filing: bj("2015-02-03", public, agreeSimp),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeProv1PublicInterest), at(locSimp, rules.CodeProv1AgreementExcluded)},
			silent: []string{rules.CodeInterp264NoAgreement},
		},
		{
			name: "2012-12-31 public interest: 若干规定 art. 1(5), ordinary a panel (CPL 2007 art. 40)", filing: bj("2012-12-31", public),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeProv1PublicInterest), at(locOrd, rules.CodeCPL2007PanelRequired)},
			silent: []string{rules.CodeInterp257PublicInterest, rules.CodeCPL2017PanelRequired},
			extra:  panel,
		},
		{
			name: "2015-02-03 third-party revocation: 若干规定 art. 1(5)", filing: bj("2015-02-03", thirdParty),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeProv1ThirdPartyRevocation), at(locSC, rules.CodeProv1ThirdPartyRevocation)},
			silent: []string{rules.CodeInterp257ThirdPartyRevoke, rules.CodeInterp292PanelRequired},
		},
		{
			name: "2015-02-04 third-party revocation: Interp. 257(6), a panel (Interp. 2015 art. 294)", filing: bj("2015-02-04", thirdParty),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeInterp257ThirdPartyRevoke), at(locOrd, rules.CodeInterp2015PanelRequired)},
			silent: []string{rules.CodeProv1ThirdPartyRevocation, rules.CodeInterp292PanelRequired},
		},
		{
			name: "2015-02-03 public notice: 若干规定 art. 8(1)", filing: bj("2015-02-03", notice),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeProv8PublicNotice), at(locSC, rules.CodeProv8PublicNotice)},
			silent: []string{rules.CodeInterp140PublicNotice},
			extra:  cites(rules.CodeProv8PublicNotice, "最高人民法院关于适用简易程序审理民事案件的若干规定第八条第一项"),
		},
		{
			name: "2015-02-04 public notice: Interp. 140", filing: bj("2015-02-04", notice),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeInterp140PublicNotice), at(locSC, rules.CodeInterp140PublicNotice)},
			silent: []string{rules.CodeProv8PublicNotice},
		},
		{
			name: "2012-12-31 public notice: 若干规定 art. 8(1)", filing: bj("2012-12-31", notice),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeProv8PublicNotice)},
			silent: []string{rules.CodeInterp140PublicNotice},
		},
		{
			name: "2021-12-31 first hearing: no panel reason", filing: bj("2021-12-31"),
			avail:  av(pSC, avA, pSimp, avA, pOrd, avA),
			silent: []string{rules.CodeCPL2017PanelRequired, rules.CodeCPL2017NewPanel, rules.CodeCPL2017NewPanelSingleJudge},
		},
	}
}
