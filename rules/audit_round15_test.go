package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestAuditRound15 holds the round-15 statute scenarios (2026-12-04) that
// decide a procedure at filing. Each expectation was written from the texts
// in /work/shared/law before the rules deciding it were read: 民事诉讼法
// (2023) arts. 40–43, 160–170, 287; 民诉法解释 (2022) arts. 75, 140,
// 257–281; 行政诉讼法 (2017) arts. 81–84; 行诉法解释 arts. 102–105; 刑事诉讼法
// (2018) arts. 21, 105, 183, 214–226; 刑诉法解释 (2021) arts. 15, 17, 213,
// 360, 366, 368–377, 566. Rows name the article they come from; a near miss
// stands beside each bar. The outcomes (fact corrections) are in
// TestAuditRound15Outcomes.
func TestAuditRound15(t *testing.T) { runTable(t, audit15Cases(t)) }

func audit15Cases(tb testing.TB) []tcase {
	civ := civilBase(tb)  // 民间借贷 ¥30,000, 温州市鹿城区人民法院, 浙江, 2024-03-05
	adm := adminBase(tb)  // 行政处罚 ¥5,000, 杭州市西湖区人民法院, 2024-03-05
	crim0 := crimBase(tb) // 危险驾驶罪, 4 months, 杭州市上城区人民法院, 2024-03-05
	c, a, crim := auditBuilders(tb)
	// The province's figures on the base's date (民事诉讼法第一百六十五条),
	// read from the engine, so that the boundary rows sit on them to the fen.
	base, err := defaultEngine(tb).Evaluate(civ)
	if err != nil {
		tb.Fatal(err)
	}
	limit, twice := base.Limit.GetMandatoryLimitFen(), base.Limit.GetAgreementLimitFen()
	if limit == 0 || twice == 0 {
		tb.Fatalf("no small-claims figures for the civil fixture: %v", base.Limit)
	}

	shijiazhuang := func(f *triagev1.Filing) { f.Court = "石家庄市长安区人民法院"; f.Province = "河北省" }

	return []tcase{
		// ===== civil: small claims, 民事诉讼法第一百六十五条、第一百六十六条 =====
		{name: "civ ¥30,000 loan: mandatory small claims (CPL 165 ¶1)", filing: c(), avail: av(pSC, avA, pSimp, avA, pOrd, avA),
			mandatory: ptr(true), fires: []string{"CPL165_MANDATORY"}},
		{name: "civ at the 50% figure to the fen: mandatory (以下 includes it)", filing: c(fen(limit)), avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "civ one fen over the figure, no agreement (CPL 165 ¶2)", filing: c(fen(limit + 1)), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL165_OVER_LIMIT_NO_AGREEMENT")}},
		{name: "civ one fen over the figure, agreed (CPL 165 ¶2)", filing: c(fen(limit+1), cm.agreeSC), avail: av(pSC, avA), mandatory: ptr(false),
			fires: []string{"CPL165_AGREEMENT"}},
		{name: "civ twice the wage to the fen, agreed: in the band", filing: c(fen(twice), cm.agreeSC), avail: av(pSC, avA), mandatory: ptr(false)},
		{name: "civ one fen over twice the wage, agreed: out (CPL 165 ¶2)", filing: c(fen(twice+1), cm.agreeSC), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL165_OVER_AGREEMENT_LIMIT")}},
		{name: "civ under the figure with an agreement: still mandatory", filing: c(cm.agreeSC), avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "civ agreed band with a counterclaim (CPL 166(5))", filing: c(fen(limit+1), cm.agreeSC, cm.counter), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_COUNTERCLAIM"), at(locSC, "CPL165_AGREEMENT_NOT_ALLOWED")}},
		{name: "civ divorce with a money figure (CPL 166(1) personal status)", filing: c(cause("离婚纠纷")), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_PERSONAL_STATUS")}},
		{name: "civ ownership confirmation (CPL 166(1))", filing: c(cause("所有权确认纠纷")), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_PROPERTY_RIGHTS_CONFIRMATION")}},
		{name: "civ foreign defendant (CPL 166(2), 287)", filing: c(party(1, foreign)), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_FOREIGN")}, extra: all(noLimit(pOrd), periodIs(pSimp, 3, 0, "2024-06-05"))},
		{name: "civ appraisal needed (CPL 166(3)): simplified open", filing: c(cm.appraisal), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_APPRAISAL")}},
		{name: "civ defendant's whereabouts unknown (CPL 166(4), Interp. 257(1))", filing: c(party(1, whereaboutsUnknown)), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSC, "CPL166_WHEREABOUTS_UNKNOWN"), at(locSimp, "INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN")}},
		{name: "civ plaintiff's whereabouts unknown: small claims only (CPL 166(4))", filing: c(party(0, whereaboutsUnknown)), avail: av(pSC, avU, pSimp, avA),
			silent: []string{"INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN"}},
		{name: "civ defendant's whereabouts unknown, simplified agreed (Interp. 264 ¶2)", filing: c(party(1, whereaboutsUnknown), cm.agreeS),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "INTERP264_AGREEMENT_NOT_ALLOWED")}},
		{name: "civ public notice expected (Interp. 140)", filing: c(cm.notice), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP140_PUBLIC_NOTICE")}},
		{name: "civ remanded (Interp. 257(2), CPL 41 ¶3)", filing: c(cm.remanded), avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, "INTERP257_REMANDED"), at(locOrd, "CPL41_PANEL_REQUIRED")}},
		{name: "civ retrial (Interp. 257(4), CPL 41 ¶4)", filing: c(cm.retrial), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP257_RETRIAL"), at(locOrd, "CPL41_PANEL_REQUIRED")}},
		{name: "civ remanded, both agreements (Interp. 264 ¶2)", filing: c(cm.remanded, cm.agreeS, cm.agreeSC), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP264_AGREEMENT_NOT_ALLOWED")}},
		{name: "civ ten plaintiffs (Interp. 75, 257(3))", filing: c(setParties(10, 1)), avail: av(pSC, avU, pSimp, avU), review: ptr(true),
			fires: []string{at(locSimp, "INTERP257_NUMEROUS_PARTIES"), "INFER_NUMEROUS_PARTIES"}},
		{name: "civ nine plaintiffs (near miss)", filing: c(setParties(9, 1)), avail: av(pSC, avA, pSimp, avA), silent: []string{"INTERP257_NUMEROUS_PARTIES"}},
		{name: "civ ten third parties: no side is numerous", filing: c(addParties(10, thirdParty)), avail: av(pSimp, avA), silent: []string{"INTERP257_NUMEROUS_PARTIES"}},
		{name: "civ public interest (Interp. 257(5), CPL 42(1))", filing: c(cm.public), avail: av(pSC, avU, pSimp, avU), review: ptr(true),
			fires: []string{at(locSimp, "INTERP257_PUBLIC_INTEREST"), at(locOrd, "CPL42_PANEL_REQUIRED")}},
		{name: "civ third-party revocation flag (Interp. 257(6), 292)", filing: c(cm.thirdRevoke), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP257_THIRD_PARTY_REVOCATION"), at(locOrd, "INTERP292_PANEL_REQUIRED")}},
		{name: "civ 第三人撤销之诉 cause without the flag", filing: c(cause("第三人撤销之诉")), avail: av(pSimp, avU),
			fires: []string{"INFER_THIRD_PARTY_REVOCATION_FROM_CAUSE"}},
		{name: "civ 环境污染民事公益诉讼 cause", filing: c(cause("环境污染民事公益诉讼")), avail: av(pSC, avU, pSimp, avU),
			fires: []string{"INFER_PUBLIC_INTEREST_FROM_CAUSE"}},
		{name: "civ 案外人执行异议之诉 (Interp. 308)", filing: c(cause("案外人执行异议之诉"), cm.agreeS), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP308_EXECUTION_OBJECTION_ORDINARY")}},
		{name: "civ 申请支付令: non-contentious (若干规定 art. 1(4))", filing: c(cause("申请支付令")), avail: av(pSimp, avU), review: ptr(true),
			fires: []string{"NON_CONTENTIOUS_SPECIAL_PROCEDURE"}},
		{name: "civ major social impact 2024 (CPL 42(3))", filing: c(cm.impact), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "CPL42_SINGLE_JUDGE_BARRED"), at(locOrd, "CPL42_PANEL_REQUIRED")}},
		{name: "civ major social impact 2021-12-31 (人民陪审员法 16(4))", filing: c(filedOn("2021-12-31"), cm.impact), avail: av(pSimp, avU),
			fires: []string{at(locSimp, "ASSESSORS16_MAJOR_SOCIAL_IMPACT")}},
		{name: "civ major social impact 2018-04-26: open, reviewed", filing: c(filedOn("2018-04-26"), cm.impact), avail: av(pSimp, avA), review: ptr(true)},
		{name: "civ group interest 2024: reviewed, nothing barred", filing: c(cm.group), avail: av(pSC, avA), mandatory: ptr(true), review: ptr(true),
			fires: []string{"REVIEW_GROUP_INTEREST"}},
		{name: "civ non-monetary claims (CPL 165)", filing: c(cm.nonMoney), avail: av(pSC, avU, pSimp, avA), fires: []string{"CPL165_NOT_MONEY_PAYMENT"}},
		{name: "civ a loan without an amount: undetermined, reviewed", filing: c(fen(0)), avail: av(pSC, avD), review: ptr(true),
			fires: []string{"CPL165_AMOUNT_NOT_STATED"}},
		{name: "civ intermediate court (CPL 160, 165)", filing: c(courtAt("温州市中级人民法院", intermediateCourt)), avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{"CPL165_COURT_LEVEL", "CPL160_COURT_LEVEL"}},
		{name: "civ intermediate court, both agreements: still barred", filing: c(courtAt("温州市中级人民法院", intermediateCourt), cm.agreeS, cm.agreeSC),
			avail: av(pSC, avU, pSimp, avU)},
		{name: "civ a 人民法庭 of a basic court", filing: c(court("温州市鹿城区人民法院七都人民法庭")), avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "civ an internet court (basic)", filing: c(court("杭州互联网法院")), avail: av(pSC, avA, pSimp, avA)},
		{name: "civ an IP court stated basic: above basic by its name", filing: c(court("北京知识产权法院"), province("北京市")), avail: av(pSC, avU, pSimp, avU),
			fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "civ a financial court stated basic", filing: c(court("上海金融法院"), province("上海市")), avail: av(pSC, avU, pSimp, avU)},
		{name: "civ a maritime court (Interp. 273: may, not must)", filing: c(courtAt("宁波海事法院", intermediateCourt)), avail: av(pSC, avA, pSimp, avA),
			mandatory: ptr(false), fires: []string{"INTERP273_MARITIME_SMALL_CLAIMS_OPTIONAL", "MSPL98_MARITIME_SIMPLIFIED"}},
		{name: "civ a maritime court, remanded", filing: c(courtAt("宁波海事法院", intermediateCourt), cm.remanded), avail: av(pSC, avU, pSimp, avU)},
		{name: "civ a maritime court, ten plaintiffs", filing: c(courtAt("宁波海事法院", intermediateCourt), setParties(10, 1)), avail: av(pSC, avU, pSimp, avU)},
		{name: "civ 2021-12-31: CPL 2017 art. 162", filing: c(filedOn("2021-12-31"), yuan(10000)), avail: av(pSC, avA), fires: []string{"CPL162_MANDATORY"}},
		{name: "civ 2012-12-31: no small claims (CPL 2012 art. 162 not in force)", filing: c(filedOn("2012-12-31"), yuan(10000)), avail: av(pSC, avU, pSimp, avA),
			fires: []string{"CPL162_NOT_IN_FORCE"}},
		{name: "civ 2013-01-01: small claims in force", filing: c(filedOn("2013-01-01"), yuan(5000)), silent: []string{"CPL162_NOT_IN_FORCE"}},
		{name: "civ 2015-02-03 ten plaintiffs: 若干规定 art. 1(3)", filing: c(filedOn("2015-02-03"), setParties(10, 1)), avail: av(pSimp, avU),
			fires: []string{"PROV1_NUMEROUS_PARTIES"}, silent: []string{"INTERP257_NUMEROUS_PARTIES"}},
		{name: "civ 2015-02-04 ten plaintiffs: Interp. 257(3)", filing: c(filedOn("2015-02-04"), setParties(10, 1)), avail: av(pSimp, avU),
			fires: []string{"INTERP257_NUMEROUS_PARTIES"}},
		{name: "civ 2021-12-31 copyright: Interp. 2015 art. 275(3)", filing: c(filedOn("2021-12-31"), cause("著作权权属、侵权纠纷"), yuan(10000)),
			fires: []string{"INTERP2015_275_INTELLECTUAL_PROPERTY"}},
		{name: "civ simplified 3 months, ordinary 6 (CPL 164, 152)", filing: c(), extra: all(periodIs(pSimp, 3, 0, "2024-06-05"), periodIs(pOrd, 6, 0, "2024-09-05"))},

		// ===== criminal: 刑事诉讼法第二百一十四条至第二百二十六条, 刑诉法解释 =====
		{name: "crim 4 months DUI: fast-track and simplified", filing: crim0, avail: av(pFT, avA, pSimp, avA, pOrd, avA)},
		{name: "crim 36 months: fast-track open (CrPL 222 以下)", filing: crim(36), avail: av(pFT, avA, pSimp, avA), silent: []string{"CRPL216_PANEL_REQUIRED"}},
		{name: "crim 37 months: fast-track barred, simplified a panel (CrPL 216)", filing: crim(37), avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, "CRPL222_SENTENCE_OVER_3_YEARS"), at(locSimp, "CRPL216_PANEL_REQUIRED")}},
		{name: "crim 拘役 6 months", filing: crim(0, sentenceKind(detention, 6)), avail: av(pFT, avA)},
		{name: "crim 缓刑 36 months", filing: crim(0, sentenceKind(suspended, 36)), avail: av(pFT, avA)},
		{name: "crim 免予刑事处罚", filing: crim(0, sentenceKind(exemption, 0)), avail: av(pFT, avA)},
		{name: "crim 单处罚金", filing: crim(0, sentenceKind(fineOnly, 0)), avail: av(pFT, avA)},
		{name: "crim 盗窃罪 without a recommendation: fast-track not established", filing: crim(0, sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, 0)),
			avail: av(pFT, avU, pSimp, avA), fires: []string{"CRPL222_SENTENCE_UNKNOWN"}},
		{name: "crim 危险驾驶罪 without a recommendation: the charge's ceiling", filing: with(crim0, sentence(0)), avail: av(pFT, avA),
			fires: []string{"INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE"}},
		{name: "crim life at a basic court (CrPL 21(2), Interp. 17)", filing: crim(0, sentenceKind(life, 0)), avail: av(pFT, avU, pSimp, avU), review: ptr(true),
			fires: []string{at(locSimp, "CRPL21_INTERMEDIATE_JURISDICTION")}},
		{name: "crim intermediate court (CrPL 214, 222)", filing: crim(6, courtAt("杭州市中级人民法院", intermediateCourt)), avail: av(pFT, avU, pSimp, avU),
			fires: []string{"CRPL222_COURT_LEVEL", "CRPL214_COURT_LEVEL"}},
		{name: "crim an intermediate court's name stated basic", filing: crim(6, court("杭州市中级人民法院")), avail: av(pFT, avU, pSimp, avU),
			fires: []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "crim a maritime court", filing: crim(6, court("宁波海事法院")), avail: av(pFT, avU, pSimp, avU), fires: []string{"INFER_CRIMINAL_MARITIME_COURT"}},
		{name: "crim a railway transport court (basic)", filing: crim(6, court("杭州铁路运输法院")), avail: av(pFT, avA, pSimp, avA)},
		{name: "crim a minor defendant (CrPL 223(2); Interp. 566)", filing: crim(6, party(0, minor)), avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, "CRPL223_MINOR_DEFENDANT"), at(locSimp, "INTERP566_MINOR_REPRESENTATIVE_CONSULTED")}},
		{name: "crim a minor co-defendant", filing: crim(6, cm.twoDefendants, party(1, minor)), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim a minor victim: nothing barred", filing: crim(6, addParties(1, plaintiff, minor)), avail: av(pFT, avA, pSimp, avA),
			silent: []string{"INTERP566_MINOR_REPRESENTATIVE_CONSULTED"}},
		{name: "crim an impaired defendant (CrPL 215(1), 223(1))", filing: crim(6, party(0, impaired)), avail: av(pFT, avU, pSimp, avU),
			fires: []string{"CRPL223_IMPAIRED_DEFENDANT", "CRPL215_IMPAIRED_DEFENDANT"}},
		{name: "crim an impaired co-defendant", filing: crim(6, cm.twoDefendants, party(1, impaired)), avail: av(pFT, avU, pSimp, avU)},
		{name: "crim an impaired victim: nothing barred", filing: crim(6, addParties(1, plaintiff, impaired)), avail: av(pFT, avA, pSimp, avA)},
		{name: "crim major social impact (CrPL 215(2), 223(3))", filing: crim(6, cm.impact), avail: av(pFT, avU, pSimp, avU)},
		{name: "crim a co-defendant denies the facts (215(3), 223(4))", filing: crim(6, cm.twoDefendants, cm.coDenies), avail: av(pFT, avU, pSimp, avU)},
		{name: "crim a co-defendant disputes the sentence: fast-track only (223(4))", filing: crim(6, cm.twoDefendants, cm.coCharge), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim a co-defendant objects to simplified: simplified only (215(3))", filing: crim(6, cm.twoDefendants, cm.coObjS), avail: av(pFT, avA, pSimp, avU)},
		{name: "crim a co-defendant objects to fast-track: fast-track only", filing: crim(6, cm.twoDefendants, cm.coObjFT), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim no victim settlement: fast-track only (223(5))", filing: crim(6, cm.noSettlement), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim defence pleads not guilty (Interp. 360(5), 370(7))", filing: crim(6, cm.notGuilty), avail: av(pFT, avU, pSimp, avU),
			fires: []string{"INTERP370_DEFENCE_PLEADS_NOT_GUILTY", "INTERP360_DEFENCE_PLEADS_NOT_GUILTY"}},
		{name: "crim defence pleads not guilty 2021-02-28: Interp. 2012 art. 290(5)", filing: crim(6, filedOn("2021-02-28"), cm.notGuilty), avail: av(pSimp, avU),
			fires: []string{"INTERP2012_290_DEFENCE_PLEADS_NOT_GUILTY"}},
		{name: "crim admits, does not accept: simplified only (CrPL 214 vs 222)", filing: crim(6, plea(true, false)), avail: av(pFT, avU, pSimp, avA),
			fires: []string{"CRPL222_NO_ACCEPTANCE"}},
		{name: "crim does not admit: neither", filing: crim(6, plea(false, false)), avail: av(pFT, avU, pSimp, avU), fires: []string{"CRPL214_NO_ADMISSION"}},
		{name: "crim no consent to fast-track", filing: crim(6, cm.noConsent), avail: av(pFT, avU, pSimp, avA), fires: []string{"CRPL222_NO_CONSENT"}},
		{name: "crim objects to simplified, consents to fast-track", filing: crim(6, cm.objects), avail: av(pFT, avA, pSimp, avU), fires: []string{"CRPL214_DEFENDANT_OBJECTS"}},
		{name: "crim remanded (CrPL 239; Interp. 377)", filing: crim(6, cm.remanded), avail: av(pFT, avU, pSimp, avA),
			fires: []string{"CRPL239_REMANDED_FAST_TRACK_BARRED", at(locOrd, "CRPL239_REMANDED_NEW_PANEL")}},
		{name: "crim retrial (CrPL 256)", filing: crim(6, cm.retrial), avail: av(pFT, avU, pSimp, avA), fires: []string{"CRPL256_RETRIAL_FAST_TRACK_BARRED"}},
		{name: "crim public interest (Interp. 213 ¶1(1))", filing: crim(6, cm.public), avail: av(pFT, avU, pSimp, avA),
			fires: []string{"INTERP213_FAST_TRACK_BARRED", at(locSimp, "INTERP213_ASSESSOR_PANEL")}},
		{name: "crim group interest (Interp. 213 ¶1(1))", filing: crim(6, cm.group), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim 间谍罪 at a basic court (CrPL 21(1))", filing: crim(24, cause("间谍罪")), avail: av(pFT, avU, pSimp, avU),
			fires: []string{"CRPL21_NATIONAL_SECURITY_TERRORISM"}},
		{name: "crim 盗窃罪、间谍罪 (Interp. 15)", filing: crim(24, cause("盗窃罪、间谍罪")), avail: av(pFT, avU, pSimp, avU)},
		{name: "crim 2018-10-25 outside the pilot: no fast-track", filing: crim(6, shijiazhuang, filedOn("2018-10-25")), avail: av(pFT, avU, pSimp, avA),
			fires: []string{"CRPL222_NOT_IN_FORCE"}},
		{name: "crim 2018-10-26 outside the pilot: fast-track", filing: crim(6, shijiazhuang, filedOn("2018-10-26")), avail: av(pFT, avA)},
		{name: "crim 2012-12-31, 37 months: the 1996 cap", filing: crim(37, filedOn("2012-12-31")), avail: av(pSimp, avU), fires: []string{"CRPL1996_174_SENTENCE_CAP"}},
		{name: "crim 2013-01-01, 37 months: a panel (CrPL 2012 art. 210)", filing: crim(37, filedOn("2013-01-01")), avail: av(pSimp, avA),
			fires: []string{"CRPL2012_210_PANEL_REQUIRED"}},
		{name: "crim 1996-12-31: no simplified procedure yet", filing: crim(6, filedOn("1996-12-31")), avail: av(pSimp, avU), fires: []string{"CRPL1996_174_NOT_IN_FORCE"}},
		{name: "crim fast-track 10 days, simplified 20 (CrPL 225, 220)", filing: crim(6), extra: all(periodIs(pFT, 0, 10, "2024-03-15"), periodIs(pSimp, 0, 20, "2024-03-25"))},
		{name: "crim detained: the inference of CrPL 105 ¶4", filing: crim(6, cm.detained), fires: []string{"CRPL105_DETAINED_NO_HOLIDAY_EXTENSION"}},

		// ===== administrative: 行政诉讼法第八十二条至第八十四条 =====
		{name: "adm ¥5,000 penalty, no item, no agreement (82)", filing: adm, avail: av(pSimp, avU, pOrd, avA), fires: []string{"ALL82_NOT_QUALIFIED"}},
		{name: "adm ¥2,000.00 (82 ¶1(2))", filing: a(yuan(2000)), avail: av(pSimp, avA), fires: []string{"ALL82_SMALL_AMOUNT"}},
		{name: "adm ¥2,000.01 (near miss)", filing: a(fen(200001)), avail: av(pSimp, avU)},
		{name: "adm on the spot (82 ¶1(1))", filing: a(cm.spot), avail: av(pSimp, avA), fires: []string{"ALL82_ACT_ON_THE_SPOT"}},
		{name: "adm information disclosure (82 ¶1(3))", filing: a(cm.disclosure), avail: av(pSimp, avA), fires: []string{"ALL82_INFORMATION_DISCLOSURE"}},
		{name: "adm all parties agree (82 ¶2)", filing: a(cm.agreeS), avail: av(pSimp, avA), fires: []string{"ALL82_AGREEMENT"}},
		{name: "adm remanded on the spot (82 ¶3)", filing: a(cm.spot, cm.remanded), avail: av(pSimp, avU), fires: []string{"ALL82_REMANDED"}},
		{name: "adm retrial agreed (82 ¶3)", filing: a(cm.agreeS, cm.retrial), avail: av(pSimp, avU), fires: []string{"ALL82_RETRIAL"}},
		{name: "adm intermediate court on the spot: no level condition", filing: a(cm.spot, courtAt("杭州市中级人民法院", intermediateCourt)), avail: av(pSimp, avA)},
		{name: "adm 2015-04-30 on the spot: not yet in force", filing: a(cm.spot, filedOn("2015-04-30")), avail: av(pSimp, avU), fires: []string{"ALL82_NOT_IN_FORCE"}},
		{name: "adm 2015-05-01 on the spot", filing: a(cm.spot, filedOn("2015-05-01")), avail: av(pSimp, avA)},
		{name: "adm 行政公益诉讼 agreed 2024 (人民陪审员法 16(2))", filing: a(cause("行政公益诉讼"), cm.agreeS), avail: av(pSimp, avU),
			fires: []string{"ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT"}},
		{name: "adm 行政公益诉讼 agreed 2018-04-26", filing: a(cause("行政公益诉讼"), cm.agreeS, filedOn("2018-04-26")), avail: av(pSimp, avA)},
		{name: "adm major social impact on the spot (人民陪审员法 16(4))", filing: a(cm.spot, cm.impact), avail: av(pSimp, avU),
			fires: []string{"ASSESSORS16_MAJOR_SOCIAL_IMPACT"}},
		{name: "adm ten plaintiffs on the spot: open, reviewed", filing: a(cm.spot, setParties(10, 1)), avail: av(pSimp, avA), review: ptr(true)},
		{name: "adm civil and criminal fields on the spot change nothing", filing: a(cm.spot, cm.counter, party(0, minor)), avail: av(pSimp, avA)},
		{name: "adm 45 days and six months (83, 81)", filing: a(cm.spot), extra: all(periodIs(pSimp, 0, 45, "2024-04-19"), periodIs(pOrd, 6, 0, "2024-09-05"))},
	}
}
