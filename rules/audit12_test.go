package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound12 holds the round-12 statute scenarios (2026-12-03), each
// expectation worked out from the texts in /work/shared/law/ (and the older
// texts docs/statutes.md cites) before the rules were read.
func TestAuditRound12(t *testing.T) { runTable(t, audit12Cases(t)) }

func audit12Cases(tb testing.TB) []tcase {
	civ := civilBase(tb) // 民间借贷 ¥30,000, 杭州市上城区人民法院, 浙江, 2024-03-05
	crim := crimBase(tb) // 危险驾驶罪, 4 months, plea and consent, 2024-03-05
	adm := adminBase(tb) // 行政处罚 ¥5,000, 2024-03-05
	js := func(mods ...mod) *triagev1.Filing {
		return with(civ, append([]mod{province("江苏省"), court("南京市鼓楼区人民法院")}, mods...)...)
	}
	mid := func(mods ...mod) *triagev1.Filing {
		return with(civ, append([]mod{court("杭州市中级人民法院"), level(intermediateCourt)}, mods...)...)
	}
	cs := func(m func(c *triagev1.Circumstances)) mod { return circ(m) }
	remanded := cs(func(c *triagev1.Circumstances) { c.Remanded = true })
	retrial := cs(func(c *triagev1.Circumstances) { c.Retrial = true })
	counter := cs(func(c *triagev1.Circumstances) { c.Counterclaim = true })
	both := cs(func(c *triagev1.Circumstances) { c.PartiesAgreeSmallClaims = true; c.PartiesAgreeSimplified = true })
	pl := func(admits, accepts, consents bool) mod {
		return func(f *triagev1.Filing) {
			plea(admits, accepts)(f)
			f.Circumstances.ConsentsFastTrack = consents
		}
	}
	theft := func(mods ...mod) *triagev1.Filing {
		return with(crim, append([]mod{cause("盗窃罪"), pl(true, true, true)}, mods...)...)
	}
	bj := func(date string, mods ...mod) *triagev1.Filing {
		return theft(append([]mod{court("北京市海淀区人民法院"), province("北京市"), filedOn(date)}, mods...)...)
	}
	sjz := func(date string, mods ...mod) *triagev1.Filing {
		return theft(append([]mod{court("石家庄市长安区人民法院"), province("河北省"), filedOn(date)}, mods...)...)
	}
	return []tcase{
		// --- civil: first instance at an intermediate or higher court (CPL 160, 165) ---
		{name: "civil intermediate 2024 ¥30,000", filing: mid(),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSC, "CPL165_COURT_LEVEL"), at(locSimp, "CPL160_COURT_LEVEL")}},
		{name: "civil intermediate 2024 ¥30,000 both agreements", filing: mid(both),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSC, "CPL165_COURT_LEVEL"), at(locSimp, "CPL160_COURT_LEVEL")}},
		{name: "civil intermediate 2021-12-31", filing: mid(filedOn("2021-12-31")),
			avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSC, "CPL162_COURT_LEVEL"), at(locSimp, "CPL2017_157_COURT_LEVEL")}},
		{name: "civil intermediate 2022-01-01", filing: mid(filedOn("2022-01-01")),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locSC, "CPL165_COURT_LEVEL"), at(locSimp, "CPL160_COURT_LEVEL")},
			silent: []string{"CPL162_COURT_LEVEL", "CPL2017_157_COURT_LEVEL"}},
		{name: "civil intermediate 2013-01-01", filing: mid(filedOn("2013-01-01")),
			avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSC, "CPL162_COURT_LEVEL"), at(locSimp, "CPL2017_157_COURT_LEVEL")}},
		{name: "civil high court 2024 agreed", filing: with(civ, court("浙江省高级人民法院"), level(highCourt), both),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "civil intermediate name stated basic", filing: with(civ, court("杭州市中级人民法院")),
			avail: av(pSC, avU, pSimp, avU),
			fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "civil people's tribunal basic", filing: with(civ, court("杭州市上城区人民法院笕桥人民法庭")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true)},
		{name: "civil intermediate remanded 2024", filing: mid(remanded),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "civil intermediate retrial agreed 2024", filing: mid(retrial, both),
			avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP257_RETRIAL")}},

		// --- civil: amounts ---
		{name: "civil 江苏 2024-03-05 exactly ¥60,862, interest claimed separately in text", filing: js(fen(60862_00),
			text("诉讼请求：1.判令被告偿还借款60862元；2.判令被告支付利息（以60862元为基数按LPR计算至实际清偿之日）；3.诉讼费由被告承担。")),
			avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "civil 江苏 2024-03-05 ¥60,862.01", filing: js(fen(60862_01)),
			avail: av(pSC, avU, pSimp, avA)},
		{name: "civil 江苏 2024-01-05 ¥55,000 (old figure 51,811)", filing: js(filedOn("2024-01-05"), yuan(55000)),
			avail: av(pSC, avU)},
		{name: "civil 江苏 2024-01-06 ¥55,000 (new figure 60,862)", filing: js(filedOn("2024-01-06"), yuan(55000)),
			avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "civil 民间借贷 with no amount: 标的额 unknown, a person decides", filing: with(civ, fen(0)),
			avail: av(pSC, avD, pSimp, avA), review: ptr(true),
			fires:  []string{at(locSC, rules.CodeCPL165AmountNotStated), at(locReview, rules.CodeCPL165AmountNotStated)},
			silent: []string{rules.CodeCPL165NotMoneyPayment, rules.CodeCPL165Mandatory}},
		{name: "civil 买卖合同纠纷 with no amount, agreed small claims", filing: with(civ, cause("买卖合同纠纷"), fen(0), cs(agreeSmallClaims)),
			avail: av(pSC, avD), review: ptr(true), fires: []string{at(locSC, rules.CodeCPL165AmountNotStated)}},
		{name: "civil 民间借贷 with no amount 2021-12-31: CPL 2017 art. 162", filing: with(civ, fen(0), filedOn("2021-12-31")),
			avail: av(pSC, avD), review: ptr(true),
			fires: []string{at(locSC, rules.CodeCPL162AmountNotStated)}, silent: []string{rules.CodeCPL165AmountNotStated}},
		// Near misses: one fen stated; a non-money claim stated; another bar
		// decides small claims whatever the amount; before 2013 there were none.
		{name: "civil 民间借贷 of one fen", filing: with(civ, fen(1)),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false), silent: []string{rules.CodeCPL165AmountNotStated}},
		{name: "civil 民间借贷 with no amount, non-monetary claims stated", filing: with(civ, fen(0),
			cs(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })),
			avail: av(pSC, avU), review: ptr(false),
			fires: []string{at(locSC, rules.CodeCPL165NotMoneyPayment)}, silent: []string{rules.CodeCPL165AmountNotStated}},
		{name: "civil 民间借贷 with no amount at an intermediate court", filing: mid(fen(0)),
			avail: av(pSC, avU), review: ptr(false),
			fires: []string{at(locSC, "CPL165_COURT_LEVEL")}, silent: []string{rules.CodeCPL165AmountNotStated}},
		{name: "civil 民间借贷 with no amount and a counterclaim", filing: with(civ, fen(0), counter),
			avail: av(pSC, avU), review: ptr(false), silent: []string{rules.CodeCPL165AmountNotStated}},
		{name: "civil 民间借贷 with no amount 2012-12-31", filing: with(civ, fen(0), filedOn("2012-12-31")),
			avail: av(pSC, avU), review: ptr(false),
			fires: []string{at(locSC, "CPL162_NOT_IN_FORCE")}, silent: []string{rules.CodeCPL162AmountNotStated}},
		{name: "civil 房屋租赁合同纠纷 (mixed) with no amount", filing: with(civ, cause("房屋租赁合同纠纷"), fen(0)),
			avail: av(pSC, avU), review: ptr(false),
			fires: []string{at(locSC, rules.CodeCPL165NotMoneyPayment)}, silent: []string{rules.CodeCPL165AmountNotStated}},

		// --- civil: counterclaims, joinder, foreign ---
		{name: "civil counterclaim 2024", filing: with(civ, counter),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "CPL166_COUNTERCLAIM")}},
		{name: "civil counterclaim 2023-12-31", filing: with(civ, filedOn("2023-12-31"), counter),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "CPL166_COUNTERCLAIM")}},
		{name: "civil counterclaim 2021-06-01 ¥10,000", filing: with(civ, filedOn("2021-06-01"), yuan(10000), counter),
			avail: av(pSC, avA, pSimp, avA), silent: []string{"CPL166_COUNTERCLAIM"}},
		{name: "civil 1 plaintiff 9 defendants (not numerous)", filing: with(civ, setParties(1, 9)),
			avail: av(pSC, avA, pSimp, avA)},
		{name: "civil 10 defendants numerous", filing: with(civ, setParties(1, 10)),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "INTERP257_NUMEROUS_PARTIES")}},
		{name: "civil 香港 defendant 2024", filing: with(civ, party(1, foreign)),
			avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_FOREIGN"), "CPL287_FOREIGN_NO_TIME_LIMIT"}},
		{name: "civil foreign 2023-12-31", filing: with(civ, filedOn("2023-12-31"), party(1, foreign)),
			fires: []string{"CPL2021_277_FOREIGN_NO_TIME_LIMIT"}, silent: []string{"CPL287_FOREIGN_NO_TIME_LIMIT"}},
		{name: "civil foreign 2024-01-01", filing: with(civ, filedOn("2024-01-01"), party(1, foreign)),
			fires: []string{"CPL287_FOREIGN_NO_TIME_LIMIT"}, silent: []string{"CPL2021_277_FOREIGN_NO_TIME_LIMIT"}},
		{name: "civil foreign 2021-12-31", filing: with(civ, filedOn("2021-12-31"), party(1, foreign)),
			avail: av(pSC, avU), fires: []string{at(locSC, "INTERP2015_275_FOREIGN"), "CPL2017_270_FOREIGN_NO_TIME_LIMIT"}},
		{name: "civil foreign plaintiff, counterclaim, agreement 2024", filing: with(civ, party(0, foreign), counter, both),
			avail: av(pSC, avU, pSimp, avA)},

		// --- civil: remand and retrial (Interp. 257) ---
		{name: "civil remanded basic 2024 agreed", filing: with(civ, remanded, both),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "INTERP257_REMANDED"), at(locSimp, "INTERP264_AGREEMENT_NOT_ALLOWED")}},
		{name: "civil retrial basic 2019", filing: with(civ, filedOn("2019-06-03"), retrial),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "INTERP257_RETRIAL")}},
		{name: "civil remanded basic 2014", filing: with(civ, filedOn("2014-06-03"), remanded),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "PROV1_REMANDED")}, silent: []string{"INTERP257_REMANDED"}},
		{name: "civil retrial basic 2015-02-04", filing: with(civ, filedOn("2015-02-04"), retrial),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "INTERP257_RETRIAL")}, silent: []string{"PROV1_RETRIAL"}},

		// --- criminal (CrPL 2018 arts. 21, 214–226) ---
		{name: "crim theft 24 months 认罪认罚 2024", filing: theft(sentenceKind(fixedTerm, 24)),
			avail: av(pFT, avA, pSimp, avA)},
		{name: "crim theft 36 months", filing: theft(sentenceKind(fixedTerm, 36)), avail: av(pFT, avA, pSimp, avA)},
		{name: "crim theft 37 months", filing: theft(sentenceKind(fixedTerm, 37)), avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, "CRPL222_SENTENCE_OVER_3_YEARS"), at(locSimp, "CRPL216_PANEL_REQUIRED")}},
		{name: "crim minor", filing: theft(sentenceKind(fixedTerm, 12), party(0, minor)), avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, "CRPL223_MINOR_DEFENDANT")}},
		{name: "crim impaired", filing: theft(sentenceKind(fixedTerm, 12), party(0, impaired)), avail: av(pFT, avU, pSimp, avU)},
		{name: "crim co-defendant objects fast-track", filing: theft(sentenceKind(fixedTerm, 12), addParties(1, defendant),
			cs(func(c *triagev1.Circumstances) { c.CoDefendantObjectsFastTrack = true })), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim co-defendant disputes charge", filing: theft(sentenceKind(fixedTerm, 12), addParties(1, defendant),
			cs(func(c *triagev1.Circumstances) { c.CoDefendantDisputesChargeOrSentence = true })), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim co-defendant denies facts", filing: theft(sentenceKind(fixedTerm, 12), addParties(1, defendant),
			cs(func(c *triagev1.Circumstances) { c.CoDefendantDeniesChargedFacts = true })), avail: av(pFT, avU, pSimp, avU)},
		{name: "crim co-defendant objects simplified", filing: theft(sentenceKind(fixedTerm, 12), addParties(1, defendant),
			cs(func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true })), avail: av(pFT, avA, pSimp, avU)},
		{name: "crim 附带民事 not settled", filing: theft(sentenceKind(fixedTerm, 12),
			cs(func(c *triagev1.Circumstances) { c.VictimSettlementMissing = true })), avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, "CRPL223_NO_VICTIM_SETTLEMENT")}},
		{name: "crim 认罚 withdrawn", filing: theft(sentenceKind(fixedTerm, 12), pl(true, false, true)), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim no 认罪", filing: theft(sentenceKind(fixedTerm, 12), pl(false, false, true)), avail: av(pFT, avU, pSimp, avU)},
		{name: "crim no consent", filing: theft(sentenceKind(fixedTerm, 12), pl(true, true, false)), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim objects simplified, consents FT", filing: theft(sentenceKind(fixedTerm, 12),
			cs(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })), avail: av(pFT, avA, pSimp, avU)},
		{name: "crim major social impact", filing: theft(sentenceKind(fixedTerm, 12),
			cs(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })), avail: av(pFT, avU, pSimp, avU), review: ptr(true)},
		{name: "crim defence not guilty 2020-06-01", filing: theft(filedOn("2020-06-01"), sentenceKind(fixedTerm, 12),
			cs(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })), avail: av(pFT, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP2012_290_DEFENCE_PLEADS_NOT_GUILTY")}},
		{name: "crim defence not guilty 2021-03-01", filing: theft(filedOn("2021-03-01"), sentenceKind(fixedTerm, 12),
			cs(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })), avail: av(pFT, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP360_DEFENCE_PLEADS_NOT_GUILTY")}},
		{name: "crim life at basic", filing: theft(cause("故意杀人罪"), sentenceKind(life, 0)), avail: av(pFT, avU, pSimp, avU),
			review: ptr(true), fires: []string{at(locSimp, "CRPL21_INTERMEDIATE_JURISDICTION")}},
		{name: "crim death at intermediate", filing: theft(cause("故意杀人罪"), court("杭州市中级人民法院"), level(intermediateCourt), sentenceKind(death, 0)),
			avail: av(pFT, avU, pSimp, avU)},
		{name: "crim intermediate 24 months", filing: theft(court("杭州市中级人民法院"), level(intermediateCourt), sentenceKind(fixedTerm, 24)),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locFT, "CRPL222_COURT_LEVEL"), at(locSimp, "CRPL214_COURT_LEVEL")}},
		{name: "crim remanded", filing: theft(sentenceKind(fixedTerm, 12), remanded), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim retrial", filing: theft(sentenceKind(fixedTerm, 12), retrial), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim group interest", filing: theft(sentenceKind(fixedTerm, 12), cs(func(c *triagev1.Circumstances) { c.GroupInterest = true })),
			avail: av(pFT, avU)},
		{name: "crim maritime court", filing: theft(sentenceKind(fixedTerm, 12), court("宁波海事法院")), avail: av(pFT, avU, pSimp, avU)},

		// --- criminal: the law in force and the pilots ---
		{name: "crim 石家庄 2018-10-25", filing: sjz("2018-10-25", sentenceKind(fixedTerm, 12)), avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, "CRPL222_NOT_IN_FORCE"), at(locSimp, "CRPL2012_208_ELIGIBLE")}},
		{name: "crim 石家庄 2018-10-26", filing: sjz("2018-10-26", sentenceKind(fixedTerm, 12)), avail: av(pFT, avA, pSimp, avA),
			fires: []string{at(locFT, "CRPL222_ELIGIBLE"), at(locSimp, "CRPL214_ELIGIBLE")}},
		{name: "crim 北京 2014-08-25", filing: bj("2014-08-25", sentenceKind(detention, 4)), avail: av(pFT, avU)},
		{name: "crim 北京 2014-08-26 拘役 4", filing: bj("2014-08-26", sentenceKind(detention, 4)), avail: av(pFT, avA),
			fires: []string{at(locFT, "PILOT2014_FAST_TRACK_ELIGIBLE")}},
		{name: "crim 北京 2015 盗窃 13 months", filing: bj("2015-03-02", sentenceKind(fixedTerm, 13)), avail: av(pFT, avU),
			fires: []string{at(locFT, "PILOT2014_SENTENCE_OVER_1_YEAR")}},
		{name: "crim 北京 2015 盗窃 12 months", filing: bj("2015-03-02", sentenceKind(fixedTerm, 12)), avail: av(pFT, avA)},
		{name: "crim 北京 2016-08-22 lapsed", filing: bj("2016-08-22", sentenceKind(fixedTerm, 6)), avail: av(pFT, avU),
			fires: []string{at(locFT, "PILOT2014_LAPSED")}},
		{name: "crim 北京 2016-11-30 24 months", filing: bj("2016-11-30", sentenceKind(fixedTerm, 24)), avail: av(pFT, avA),
			fires: []string{at(locFT, "PILOT2016_FAST_TRACK_ELIGIBLE")}},
		{name: "crim 北京 2017 37 months", filing: bj("2017-05-02", sentenceKind(fixedTerm, 37)), avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, "PILOT2016_SENTENCE_OVER_3_YEARS")}},
		{name: "crim 北京 2017 minor", filing: bj("2017-05-02", sentenceKind(fixedTerm, 6), party(0, minor)), avail: av(pFT, avU),
			fires: []string{at(locFT, "PILOT_EXCLUDED")}},
		{name: "crim 北京 2017 认罚 withdrawn", filing: bj("2017-05-02", sentenceKind(fixedTerm, 6), pl(true, false, true)), avail: av(pFT, avU, pSimp, avA)},
		{name: "crim 北京 2018-10-25 24 months", filing: bj("2018-10-25", sentenceKind(fixedTerm, 24)), avail: av(pFT, avA)},
		{name: "crim 北京 2017 附带民事 not settled", filing: bj("2017-05-02", sentenceKind(fixedTerm, 6),
			cs(func(c *triagev1.Circumstances) { c.VictimSettlementMissing = true })), avail: av(pFT, avU)},
		{name: "crim 2012-12-31 theft 12 months", filing: theft(filedOn("2012-12-31"), sentenceKind(fixedTerm, 12)),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, "CRPL222_NOT_IN_FORCE")}},

		// --- administrative (ALL 2014/2017 arts. 81–84) ---
		{name: "adm ¥2,000", filing: with(adm, yuan(2000)), avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_SMALL_AMOUNT")}},
		{name: "adm ¥2,000.01", filing: with(adm, fen(2000_01)), avail: av(pSimp, avU)},
		{name: "adm ¥5,000 agreed", filing: with(adm, cs(agreeSimplified)), avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_AGREEMENT")}},
		{name: "adm agreed remanded", filing: with(adm, cs(agreeSimplified), remanded), avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_REMANDED")}},
		{name: "adm on the spot retrial", filing: with(adm, cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true }), retrial),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_RETRIAL")}},
		{name: "adm info disclosure intermediate", filing: with(adm, court("杭州市中级人民法院"), level(intermediateCourt),
			cs(func(c *triagev1.Circumstances) { c.InformationDisclosure = true })), avail: av(pSimp, avA)},
		{name: "adm 2015-04-30 on the spot", filing: with(adm, filedOn("2015-04-30"), cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_NOT_IN_FORCE")}},
		{name: "adm 2015-05-01 on the spot", filing: with(adm, filedOn("2015-05-01"), cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })),
			avail: av(pSimp, avA)},
		{name: "adm 45 days 2024-03-05", filing: with(adm, yuan(2000)),
			extra: func(t *testing.T, a *rules.Assessment) {
				if d := a.Option(pSimp).GetTimeLimit().GetDueOn(); d != "2024-04-19" {
					t.Errorf("simplified due %s, want 2024-04-19", d)
				}
				if d := a.Option(pOrd).GetTimeLimit().GetDueOn(); d != "2024-09-05" {
					t.Errorf("ordinary due %s, want 2024-09-05", d)
				}
			}},
		{name: "adm 45 days into National Day 2025", filing: with(adm, yuan(2000), filedOn("2025-08-17")),
			extra: func(t *testing.T, a *rules.Assessment) {
				if d := a.Option(pSimp).GetTimeLimit().GetDueOn(); d != "2025-10-09" {
					t.Errorf("simplified due %s, want 2025-10-09", d)
				}
			}},
		{name: "adm no amount nothing else", filing: with(adm, fen(0)), avail: av(pSimp, avU)},

		// --- hostile: fields that contradict each other ---
		{name: "civil cause is a criminal charge", filing: with(civ, cause("盗窃罪")), review: ptr(true)},
		{name: "criminal cause is a civil cause", filing: theft(cause("民间借贷纠纷"), sentenceKind(fixedTerm, 12)), review: ptr(true)},
		{name: "administrative cause is a civil cause", filing: with(adm, cause("离婚纠纷"), yuan(2000)), review: ptr(true)},
		// Province against court name: the figure is the court's province's
		// (CPL 165 ¶1); 浙江 ¥54,323 and 江苏 ¥60,862 on 2024-03-05.
		{name: "civil province 江苏 court 浙江省杭州市上城区人民法院 ¥58,000: the figures disagree", filing: with(civ, province("江苏省"),
			court("浙江省杭州市上城区人民法院"), yuan(58000)),
			avail: av(pSC, avD, pSimp, avA), review: ptr(true),
			fires:  []string{at(locSC, rules.CodeReviewCourtProvince), at(locReview, rules.CodeReviewCourtProvince)},
			silent: []string{rules.CodeCPL165Mandatory}},
		{name: "civil province 江苏 court 杭州市上城区人民法院 ¥58,000 (pilot-city table places 杭州)", filing: with(civ, province("江苏省"),
			court("杭州市上城区人民法院"), yuan(58000)),
			avail: av(pSC, avD), review: ptr(true), fires: []string{at(locSC, rules.CodeReviewCourtProvince)}},
		{name: "civil province 浙江 court 南京市鼓楼区人民法院 ¥58,000 over 浙江's figure", filing: with(civ, province("浙江省"),
			court("南京市鼓楼区人民法院"), yuan(58000)),
			avail: av(pSC, avD), review: ptr(true), fires: []string{at(locSC, rules.CodeReviewCourtProvince)},
			silent: []string{rules.CodeCPL165OverMandatory}},
		// Near misses: both figures answer alike (flagged, answer kept); no
		// conflict; a city fenjian cannot place.
		{name: "civil province 江苏 court in 浙江 ¥30,000: both figures mandatory, flagged", filing: with(civ, province("江苏省"),
			court("浙江省杭州市上城区人民法院")),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewCourtProvince), at(locSC, rules.CodeCPL165Mandatory)},
			silent: []string{at(locSC, rules.CodeReviewCourtProvince)}},
		{name: "civil province 浙江 court 杭州市上城区人民法院 ¥58,000: no conflict", filing: with(civ, province("浙江省"),
			court("杭州市上城区人民法院"), yuan(58000)),
			avail: av(pSC, avU), review: ptr(false),
			fires: []string{at(locSC, rules.CodeCPL165OverMandatory)}, silent: []string{rules.CodeReviewCourtProvince}},
		{name: "civil province code 330000 with 浙江省杭州市上城区人民法院: no conflict", filing: with(civ, province("330102"),
			court("浙江省杭州市上城区人民法院")),
			review: ptr(false), silent: []string{rules.CodeReviewCourtProvince}},
		// A known gap until statute round 32, which reads the prefecture-level
		// city a court's name opens with: 温州 is 浙江's.
		{name: "civil province 江苏 court 温州市鹿城区人民法院: 温州 placed in 浙江 (round 32)", filing: with(civ, province("江苏省"),
			court("温州市鹿城区人民法院")),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(true),
			fires: []string{at(locReview, rules.CodeReviewCourtProvince)}},
		{name: "civil province 江苏 court in 浙江 with a counterclaim: barred anyway, flagged", filing: with(civ, province("江苏省"),
			court("浙江省杭州市上城区人民法院"), yuan(58000), counter),
			avail: av(pSC, avU), review: ptr(true),
			fires: []string{at(locSC, "CPL166_COUNTERCLAIM"), at(locReview, rules.CodeReviewCourtProvince)}},
		{name: "crim province 浙江 court in 北京 2017", filing: bj("2017-05-02", province("浙江省"), sentenceKind(fixedTerm, 6)),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locReview, rules.CodeReviewCourtProvinceCPL2017)}},
		{name: "crim province 北京 court in 北京 2017", filing: bj("2017-05-02", sentenceKind(fixedTerm, 6)),
			avail: av(pFT, avA), review: ptr(false), silent: []string{rules.CodeReviewCourtProvince}},
		{name: "adm province 江苏 court 杭州市西湖区人民法院", filing: with(adm, province("江苏省"), yuan(2000)),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locReview, rules.CodeReviewCourtProvince)}},
		// --- second batch: time limits, maritime and internet courts, pilot edges ---
		{name: "crim 2024-03-05 due dates: FT 10 days, simplified 20 days, ordinary 2 months into May Day", filing: theft(sentenceKind(fixedTerm, 13)),
			extra: func(t *testing.T, a *rules.Assessment) {
				for p, want := range map[triagev1.Procedure]string{pFT: "2024-03-15", pSimp: "2024-03-25", pOrd: "2024-05-06"} {
					if d := a.Option(p).GetTimeLimit().GetDueOn(); d != want {
						t.Errorf("%s due %s, want %s", procLoc(p), d, want)
					}
				}
			}},
		{name: "crim 2024-03-05 detained: ordinary due in the holiday, not moved (CrPL 105 ¶4)", filing: theft(sentenceKind(fixedTerm, 13),
			cs(func(c *triagev1.Circumstances) { c.DefendantDetained = true })),
			extra: func(t *testing.T, a *rules.Assessment) {
				if d := a.Option(pOrd).GetTimeLimit().GetDueOn(); d != "2024-05-05" {
					t.Errorf("ordinary due %s, want 2024-05-05", d)
				}
			}},
		{name: "civil 2024-03-05 due dates: SC 2 months into May Day, simplified 3, ordinary 6", filing: with(civ),
			extra: func(t *testing.T, a *rules.Assessment) {
				for p, want := range map[triagev1.Procedure]string{pSC: "2024-05-06", pSimp: "2024-06-05", pOrd: "2024-09-05"} {
					if d := a.Option(p).GetTimeLimit().GetDueOn(); d != want {
						t.Errorf("%s due %s, want %s", procLoc(p), d, want)
					}
				}
			}},
		{name: "civil 2021-06-01 due dates: SC is simplified's 3 months (CPL 2017 art. 161)", filing: with(civ, filedOn("2021-06-01"), yuan(10000)),
			extra: func(t *testing.T, a *rules.Assessment) {
				for p, want := range map[triagev1.Procedure]string{pSC: "2021-09-01", pSimp: "2021-09-01", pOrd: "2021-12-01"} {
					if d := a.Option(p).GetTimeLimit().GetDueOn(); d != want {
						t.Errorf("%s due %s, want %s", procLoc(p), d, want)
					}
				}
			}},
		{name: "civil 2019 香港 plaintiff, agreed small claims ¥10,000: excluded, no agreement rule then", filing: with(civ, filedOn("2019-06-03"),
			yuan(10000), party(0, foreign), cs(agreeSmallClaims)),
			avail: av(pSC, avU), fires: []string{at(locSC, "INTERP2015_275_FOREIGN")}, silent: []string{"CPL165_AGREEMENT_NOT_ALLOWED"}},
		{name: "civil 2024 counterclaim, agreed small claims", filing: with(civ, counter, cs(agreeSmallClaims)),
			avail: av(pSC, avU), fires: []string{at(locSC, "CPL166_COUNTERCLAIM"), at(locSC, "CPL165_AGREEMENT_NOT_ALLOWED")}},
		{name: "civil 2024 intermediate remanded: new panel (CPL 41)", filing: mid(remanded),
			fires: []string{at(locOrd, "CPL41_PANEL_REQUIRED")}},
		{name: "civil 2024 宁波海事法院 ¥30,000: small claims optional (Interp. 273), simplified (MSPL 98)", filing: with(civ,
			court("宁波海事法院"), level(intermediateCourt)),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(false),
			fires: []string{at(locSC, "INTERP273_MARITIME_SMALL_CLAIMS_OPTIONAL"), at(locSimp, "MSPL98_MARITIME_SIMPLIFIED")}},
		{name: "civil 2024 杭州互联网法院 ¥30,000: a basic court", filing: with(civ, court("杭州互联网法院"), province("浙江省")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true)},
		{name: "civil 2024 one of nine defendants' whereabouts unknown", filing: with(civ, setParties(1, 9), party(5, whereaboutsUnknown)),
			avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSC, "CPL166_WHEREABOUTS_UNKNOWN"), at(locSimp, "INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN")}},
		{name: "civil 2024 plaintiff's whereabouts unknown", filing: with(civ, party(0, whereaboutsUnknown)),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "CPL166_WHEREABOUTS_UNKNOWN")}},
		{name: "civil 2021-06-01 plaintiff's whereabouts unknown ¥10,000", filing: with(civ, filedOn("2021-06-01"), yuan(10000), party(0, whereaboutsUnknown)),
			avail: av(pSC, avA, pSimp, avA)},
		{name: "crim 北京 2016-11-29 between the phases", filing: bj("2016-11-29", sentenceKind(fixedTerm, 6)), avail: av(pFT, avU),
			fires: []string{at(locFT, "PILOT_LAPSED")}},
		{name: "crim 北京 2015 非法经营罪 6 months: not on the 2014 list", filing: bj("2015-03-02", cause("非法经营罪"), sentenceKind(fixedTerm, 6)),
			avail: av(pFT, avU), fires: []string{at(locFT, "PILOT2014_OFFENCE_NOT_LISTED")}},
		{name: "crim 北京 2017 盗窃罪 without a recommendation", filing: bj("2017-05-02", sentenceKind(0, 0)),
			avail: av(pFT, avU), fires: []string{at(locFT, "PILOT_SENTENCE_UNKNOWN")}},
		{name: "crim 2013-06-03 盗窃罪 48 months: simplified with a panel (CrPL 2012 art. 210)", filing: theft(filedOn("2013-06-03"), sentenceKind(fixedTerm, 48)),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locSimp, "CRPL2012_210_PANEL_REQUIRED")}},
		{name: "crim 2024 盗窃罪 without a recommendation: fast-track not established", filing: theft(sentenceKind(0, 0)),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, "CRPL222_SENTENCE_UNKNOWN")}},
		{name: "crim 2024 故意伤害罪 认罪认罚 with an impaired co-defendant", filing: theft(cause("故意伤害罪"), sentenceKind(fixedTerm, 12),
			addParties(1, defendant, impaired)), avail: av(pFT, avU, pSimp, avU)},
		{name: "adm 2024 agreed at an intermediate court (no level condition)", filing: with(adm, court("杭州市中级人民法院"), level(intermediateCourt), cs(agreeSimplified)),
			avail: av(pSimp, avA)},
		// Court level against court name, downwards: a basic court's name with
		// a higher level keeps the basic-court procedures closed (the safe
		// side), but if the name is right CPL 165 ¶1 may make small claims
		// mandatory, so a person checks.
		{name: "civil 杭州市上城区人民法院 stated intermediate", filing: with(civ, court("杭州市上城区人民法院"), province("浙江省"), level(intermediateCourt)),
			avail: av(pSC, avU, pSimp, avU), review: ptr(true), fires: []string{at(locReview, rules.CodeReviewCourtLevel)}},
		{name: "civil 江苏省昆山市人民法院 stated high", filing: with(civ, court("江苏省昆山市人民法院"), province("江苏省"), level(highCourt)),
			avail: av(pSC, avU), review: ptr(true), fires: []string{at(locReview, rules.CodeReviewCourtLevel)}},
		{name: "civil 杭州市上城区人民法院笕桥人民法庭 stated intermediate", filing: with(civ, court("杭州市上城区人民法院笕桥人民法庭"), province("浙江省"), level(intermediateCourt)),
			review: ptr(true), fires: []string{at(locReview, rules.CodeReviewCourtLevel)}},
		{name: "crim 杭州市上城区人民法院 stated intermediate", filing: theft(sentenceKind(fixedTerm, 12), level(intermediateCourt)),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locReview, rules.CodeReviewCourtLevelCrPL2018)}, silent: []string{rules.CodeReviewCourtLevel}},
		{name: "civil 杭州市中级人民法院 stated intermediate: no conflict", filing: mid(),
			review: ptr(false), silent: []string{rules.CodeReviewCourtLevel}},
		{name: "civil 甘肃矿区人民法院 stated intermediate: not read as basic", filing: with(civ, court("甘肃矿区人民法院"), province("甘肃省"), level(intermediateCourt)),
			silent: []string{rules.CodeReviewCourtLevel}},
		{name: "civil 宁波海事法院 stated intermediate: no conflict", filing: with(civ, court("宁波海事法院"), level(intermediateCourt)),
			silent: []string{rules.CodeReviewCourtLevel}},
		{name: "civil 北京铁路运输中级法院 stated intermediate: no conflict", filing: with(civ, court("北京铁路运输中级法院"), province("北京市"), level(intermediateCourt)),
			silent: []string{rules.CodeReviewCourtLevel}},
		{name: "civil 杭州市上城区人民法院 stated basic: no conflict", filing: with(civ, court("杭州市上城区人民法院"), province("浙江省")),
			review: ptr(false), silent: []string{rules.CodeReviewCourtLevel}},
		{name: "adm 杭州市西湖区人民法院 stated intermediate: nothing turns on the level (ALL 82)", filing: with(adm, level(intermediateCourt), yuan(2000)),
			avail: av(pSimp, avA), review: ptr(false), silent: []string{rules.CodeReviewCourtLevel}},
	}
}
