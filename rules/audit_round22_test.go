package rules_test

import (
	"testing"
)

// TestAuditRound22 holds the round-22 scenarios (2026-12-04): the law items
// earlier rounds left open, each row written from the texts docs/statutes.md
// cites (section "Audit (2026-12-04, round 22: open items)") before the
// rules were changed:
//   - 人民陪审员法第十五条 (in force 2018-04-27): group or public interests call
//     for judges and assessors, but "法律规定由法官独任审理…的，从其规定" (¶2),
//     and CrPL 183 ¶1 lets a basic court try simplified and fast-track cases
//     alone; only 刑诉法解释第二百一十三条 (from 2021-03-01) lists such cases
//     with no proviso. Before it the court decides: reviewed, not barred;
//   - 人民法院案件类型及其代字标准: 行赔初 is an administrative compensation
//     case's first instance, 行赔再 its retrial, 行赔终/申/监/抗 not a first-
//     instance trial; compensation suits are tried under the ALL (行政诉讼法
//     第三十八条第二款、第六十条; 行诉法解释第六十八条), so ALL 82 ¶3 closes
//     simplified procedure to a retrial;
//   - 深圳金融法庭, named alone, is 深圳市中级人民法院's financial tribunal;
//     甘肃矿区人民法院's appeals go to the 甘肃 high court; the PLA's military
//     court is of high level, the 战区 and 总直属 courts (and before 2016 the
//     军区 and arm-of-service courts) intermediate: none is a basic court, so
//     neither small claims (CPL 165), simplified procedure (CPL 160; CrPL 214)
//     nor fast-track (CrPL 222).
//
// Refusals by case number are in TestAuditRound22Refusals.
func TestAuditRound22(t *testing.T) { runTable(t, audit22Cases(t)) }

func audit22Cases(tb testing.TB) []tcase {
	c, a, crim := auditBuilders(tb)
	const review15 = "REVIEW_ASSESSORS15_CRIMINAL"
	interp213 := []string{at(locFT, "INTERP213_FAST_TRACK_BARRED"), at(locSimp, "INTERP213_ASSESSOR_PANEL")}
	aboveBasic := []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME", at(locSC, "CPL165_COURT_LEVEL"), at(locSimp, "CPL160_COURT_LEVEL")}
	crimAbove := []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME", at(locFT, "CRPL222_COURT_LEVEL"), at(locSimp, "CRPL214_COURT_LEVEL")}
	notAbove := []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME", "INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME", "INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME_CRPL2012"}
	return []tcase{
		// ===== 人民陪审员法第十五条 and 刑诉法解释第二百一十三条 =====
		{name: "crim 2021-02-28 group interest: fast-track open, reviewed (15 ¶2)", filing: crim(6, filedOn("2021-02-28"), cm.group),
			avail: av(pFT, avA, pSimp, avA, pOrd, avA), review: ptr(true), fires: []string{at(locReview, review15)}, silent: interp213},
		{name: "crim 2021-03-01 group interest: Interp. 213 bars fast-track", filing: crim(6, filedOn("2021-03-01"), cm.group),
			avail: av(pFT, avU, pSimp, avA), fires: interp213, silent: []string{review15}},
		{name: "crim 2019-06-03 public interest: fast-track open, no panel condition", filing: crim(6, filedOn("2019-06-03"), cm.public),
			avail: av(pFT, avA, pSimp, avA), fires: []string{at(locReview, review15)}, silent: interp213},
		// Before 2018-04-27 no law then in force named the case: reviewed,
		// citing nothing; 2018-04-27 to 2018-10-25 人民陪审员法 beside CrPL
		// 2012 art. 178 (audit of citations by era).
		{name: "crim 2018-04-26 group interest: before the assessors law, reviewed all the same", filing: crim(6, filedOn("2018-04-26"), cm.group),
			avail: av(pSimp, avA), fires: []string{at(locReview, "REVIEW_ASSESSORS_CRIMINAL_NO_TEXT")}, silent: append([]string{review15}, interp213...)},
		{name: "crim 2018-04-27 group interest: 人民陪审员法, CrPL 2012 art. 178", filing: crim(6, filedOn("2018-04-27"), cm.group),
			avail: av(pSimp, avA), fires: []string{at(locReview, "REVIEW_ASSESSORS15_CRIMINAL_CRPL2012")}, silent: append([]string{review15, "REVIEW_ASSESSORS_CRIMINAL_NO_TEXT"}, interp213...)},
		{name: "crim 2018-10-26 group interest: 人民陪审员法, CrPL 183", filing: crim(6, filedOn("2018-10-26"), cm.group),
			avail: av(pSimp, avA), fires: []string{at(locReview, review15)}, silent: append([]string{"REVIEW_ASSESSORS15_CRIMINAL_CRPL2012"}, interp213...)},
		{name: "crim 2024 public interest: Interp. 213", filing: crim(6, cm.public),
			avail: av(pFT, avU), fires: interp213, silent: []string{review15}},
		{name: "crim 2019-06-03 no interest: no review (near miss)", filing: crim(6, filedOn("2019-06-03")),
			avail: av(pFT, avA), silent: []string{review15}},
		{name: "civ 2019-06-03 group interest: the civil review, not the criminal one", filing: c(filedOn("2019-06-03"), cm.group),
			fires: []string{at(locReview, "REVIEW_GROUP_INTEREST_ASSESSORS15")}, silent: []string{review15, "REVIEW_GROUP_INTEREST"}},

		// ===== 行政赔偿 case numbers =====
		{name: "adm 行赔再 number agreed: a retrial by its number (ALL 82 ¶3)", filing: a(id("(2024)浙0106行赔再3号"), cm.agreeS),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{"INFER_RETRIAL_FROM_CASE_NUMBER", at(locSimp, "ALL82_RETRIAL")}},
		{name: "adm 行赔再 number no agreement: a retrial", filing: a(id("(2024)浙0106行赔再3号"), yuan(1500)),
			avail: av(pSimp, avU), fires: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "adm 行赔初 number ¥1,500: first instance, ALL 82 ¶1(2)", filing: a(id("(2024)浙0106行赔初3号"), yuan(1500)),
			avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_SMALL_AMOUNT")}, silent: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "adm 行赔初 number agreed: simplified by ¶2", filing: a(id("(2024)浙0106行赔初3号"), cm.agreeS),
			avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_AGREEMENT")}},

		// ===== 金融法庭 named alone =====
		{name: "fin 深圳金融法庭 civil stated basic: the intermediate court's tribunal", filing: c(placeAt("深圳金融法庭", "广东省"), cause("金融借款合同纠纷")),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), fires: aboveBasic, extra: panelByLaw(true)},
		{name: "fin 深圳金融法庭 criminal stated basic: neither fast-track nor simplified", filing: crim(6, placeAt("深圳金融法庭", "广东省"), cause("内幕交易、泄露内幕信息罪")),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: crimAbove},
		{name: "fin 深圳金融法庭 administrative agreed: ALL 82 names no level", filing: a(placeAt("深圳金融法庭", "广东省"), cm.agreeS),
			avail: av(pSimp, avA)},
		{name: "fin near miss: 深圳市福田区人民法院金融法庭 civil: a basic court's", filing: c(placeAt("深圳市福田区人民法院金融法庭", "广东省"), cause("金融借款合同纠纷")),
			avail: av(pSC, avA, pSimp, avA), silent: notAbove},

		// ===== 甘肃矿区人民法院 =====
		{name: "mine 甘肃矿区人民法院 civil stated basic: intermediate by its name", filing: c(placeAt("甘肃矿区人民法院", "甘肃省")),
			avail: av(pSC, avU, pSimp, avU), fires: aboveBasic, extra: panelByLaw(true)},
		{name: "mine 甘肃矿区人民法院 criminal stated basic", filing: crim(6, placeAt("甘肃矿区人民法院", "甘肃省")),
			avail: av(pFT, avU, pSimp, avU), fires: crimAbove},
		{name: "mine 甘肃矿区人民法院 stated intermediate: no mismatch", filing: c(placeAt("甘肃矿区人民法院", "甘肃省"), level(intermediateCourt)),
			avail: av(pSC, avU), silent: []string{"REVIEW_COURT_LEVEL_MISMATCH"}},
		{name: "mine near miss: 阳泉市矿区人民法院 (a district's) stated basic", filing: c(placeAt("阳泉市矿区人民法院", "山西省")),
			avail: av(pSC, avA, pSimp, avA), silent: notAbove},
		{name: "mine near miss: 阳泉市矿区人民法院 stated intermediate: a district's court, flagged", filing: c(placeAt("阳泉市矿区人民法院", "山西省"), level(intermediateCourt)),
			fires: []string{at(locReview, "REVIEW_COURT_LEVEL_MISMATCH")}},

		// ===== military courts =====
		{name: "mil 中国人民解放军军事法院 stated basic: high by its name", filing: crim(6, placeAt("中国人民解放军军事法院", "北京市")),
			avail: av(pFT, avU, pSimp, avU), fires: crimAbove},
		{name: "mil 东部战区军事法院 stated basic", filing: crim(6, placeAt("中国人民解放军东部战区军事法院", "江苏省")),
			avail: av(pFT, avU, pSimp, avU), fires: crimAbove},
		{name: "mil 西部战区第二军事法院 stated basic", filing: crim(6, placeAt("中国人民解放军西部战区第二军事法院", "甘肃省")),
			avail: av(pFT, avU, pSimp, avU), fires: crimAbove},
		{name: "mil 总直属军事法院 civil stated basic", filing: c(placeAt("中国人民解放军总直属军事法院", "北京市")),
			avail: av(pSC, avU, pSimp, avU), fires: aboveBasic},
		{name: "mil 2015 南京军区军事法院 stated basic", filing: crim(6, placeAt("中国人民解放军南京军区军事法院", "江苏省"), filedOn("2015-06-01")),
			avail: av(pSimp, avU), fires: []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME_CRPL2012", at(locSimp, "CRPL2012_208_COURT_LEVEL")}},
		{name: "mil 2015 海军军事法院 stated basic", filing: crim(6, placeAt("中国人民解放军海军军事法院", "北京市"), filedOn("2015-06-01")),
			avail: av(pSimp, avU)},
		{name: "mil near miss: 中国人民解放军上海军事法院 (basic) stated basic", filing: crim(6, placeAt("中国人民解放军上海军事法院", "上海市")),
			avail: av(pFT, avA, pSimp, avA), silent: notAbove},
		{name: "mil near miss: 2015 北京军区空军军事法院 (basic) stated basic", filing: crim(6, placeAt("中国人民解放军北京军区空军军事法院", "北京市"), filedOn("2015-06-01")),
			avail: av(pSimp, avA), silent: notAbove},
		{name: "mil near miss: 海军北海舰队军事法院 (basic) stated basic", filing: crim(6, placeAt("中国人民解放军海军北海舰队军事法院", "山东省"), filedOn("2015-06-01")),
			avail: av(pSimp, avA), silent: notAbove},
	}
}

// TestAuditRound22Refusals: a 行政赔偿 number on another case kind, or of a
// type that is not a first-instance trial, is refused naming the field.
func TestAuditRound22Refusals(t *testing.T) { runRefusals(t, audit22Refusals(t)) }

func audit22Refusals(tb testing.TB) []refusal {
	c, a, crim := auditBuilders(tb)
	mid := courtAt("杭州市中级人民法院", intermediateCourt)
	return []refusal{
		{"civil kind, 行赔初 number", c(id("(2024)浙0106行赔初3号")), "filing.case_kind"},
		{"criminal kind, 行赔初 number", crim(6, id("(2024)浙0102行赔初3号")), "filing.case_kind"},
		{"civil kind, 行赔再 number", c(id("(2024)浙0106行赔再3号")), "filing.case_kind"},
		{"行赔终 second instance", a(id("(2024)浙01行赔终8号"), mid), "filing.id"},
		{"行赔申 retrial petition review", a(id("(2024)浙01行赔申8号"), mid), "filing.id"},
		{"行赔监 review on the court's own motion", a(id("(2024)浙01行赔监8号"), mid), "filing.id"},
		{"行赔抗 protest review", a(id("(2024)浙01行赔抗8号"), mid), "filing.id"},
	}
}
