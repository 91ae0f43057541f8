package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound18 holds the round-18 statute scenarios (2026-12-04): the
// specialised courts. Each row was written from the establishing texts before
// the rules that read court names and levels were read:
//
//   - 知识产权法院: 全国人大常委会关于在北京、上海、广州设立知识产权法院的决定
//     (2014-08-31) 二、四 — first-instance patent, plant-variety, layout-design
//     and technical-secret cases, appeals to the high court: intermediate
//     level; 全国人大常委会关于设立海南自由贸易港知识产权法院的决定 (2020-12-26,
//     in force 2021-01-01) 二 — also the intermediate courts' first-instance IP
//     criminal cases, appeals to the 海南 high court;
//   - 金融法院: the decisions on 上海金融法院 (2018-04-27, in force 2018-04-28) 二,
//     北京金融法院 (2021-01-22, in force 2021-01-23) 二 and 成渝金融法院
//     (2022-02-28) — cases the intermediate courts would hear, appeals to the
//     high court: intermediate level;
//   - 互联网法院: 最高人民法院关于互联网法院审理案件若干问题的规定 (法释〔2018〕16号,
//     in force 2018-09-07) art. 2 — first-instance cases "应当由基层人民法院受理":
//     basic level, so small claims, simplified procedure and a single judge in
//     ordinary procedure stay open;
//   - railway, forestry, 农垦 and 兵团 courts by the level their names give
//     (…中级法院 / …基层法院 / …法院), maritime courts' tribunals as the
//     maritime court (民诉法解释第二百七十三条), and criminal and administrative
//     cases at all of them (刑事诉讼法第二百一十四条、第二百二十二条 name the basic
//     court; 行政诉讼法第八十二条 names no level).
//
// Civil small claims (民事诉讼法第一百六十五条), simplified procedure (第一百六十
// 条) and a single judge in ordinary procedure (第四十条第二款) are basic-court
// procedures, and so are criminal simplified and fast-track procedure.
func TestAuditRound18(t *testing.T) { runTable(t, audit18Cases(t)) }

// panelByLaw checks whether the law tries the civil ordinary case of an
// assessment by a panel whatever its facts (rules.PanelByLaw, which keeps it
// off a 速裁团队): above the basic court, CPL 40 ¶2 gives no single judge.
func panelByLaw(want bool) func(*testing.T, *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		d := &triagev1.Decision{CaseKind: civilKind, Options: a.Options}
		if got := rules.PanelByLaw(d, pOrd); got != want {
			t.Errorf("PanelByLaw(ordinary) = %v, want %v: %s", got, want, describe(a))
		}
	}
}

// placeAt puts a filing at a named court in a province, keeping its level.
func placeAt(name, prov string) mod {
	return func(f *triagev1.Filing) { f.Court = name; f.Province = prov }
}

func audit18Cases(tb testing.TB) []tcase {
	c, a, crim := auditBuilders(tb)
	bjIP := placeAt("北京知识产权法院", "北京市")
	shIP := placeAt("上海知识产权法院", "上海市")
	gzIP := placeAt("广州知识产权法院", "广东省")
	hnIP := placeAt("海南自由贸易港知识产权法院", "海南省")
	shFin := placeAt("上海金融法院", "上海市")
	bjFin := placeAt("北京金融法院", "北京市")
	cyFin := placeAt("成渝金融法院", "重庆市")
	hzNet := placeAt("杭州互联网法院", "浙江省")
	bjNet := placeAt("北京互联网法院", "北京市")
	gzNet := placeAt("广州互联网法院", "广东省")
	patent := cause("侵害发明专利权纠纷")
	finLoan := cause("金融借款合同纠纷")
	shop := cause("网络购物合同纠纷")
	tm := cause("假冒注册商标罪")
	aboveBasic := []string{at(locSC, "CPL165_COURT_LEVEL"), at(locSimp, "CPL160_COURT_LEVEL")}
	crimAbove := []string{at(locFT, "CRPL222_COURT_LEVEL"), at(locSimp, "CRPL214_COURT_LEVEL")}
	notAbove := []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME", at(locSC, "CPL165_COURT_LEVEL"), at(locSimp, "CPL160_COURT_LEVEL")}
	crimNotAbove := []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME", "CRPL222_COURT_LEVEL", "CRPL214_COURT_LEVEL"}

	return []tcase{
		// ===== 知识产权法院 (intermediate level; 2014 decision 二、四; 2020 decision 二) =====
		{name: "ip 北京知识产权法院 intermediate 2024 patent ¥30,000: no basic-court procedure", filing: c(bjIP, level(intermediateCourt), patent),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), fires: aboveBasic, extra: panelByLaw(true)},
		{name: "ip 北京知识产权法院 stated basic 2024 patent ¥30,000: above basic by its name", filing: c(bjIP, patent),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}, extra: panelByLaw(true)},
		{name: "ip 上海知识产权法院 stated basic with both agreements: still barred (CPL 160 ¶2, 165 ¶2)", filing: c(shIP, patent, cm.agreeS, cm.agreeSC),
			avail: av(pSC, avU, pSimp, avU), extra: panelByLaw(true)},
		{name: "ip 广州知识产权法院 stated basic 2015-06-01 (CPL 2012 arts. 157, 162)", filing: c(gzIP, patent, filedOn("2015-06-01"), yuan(5000)),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSC, "CPL162_COURT_LEVEL")}, extra: panelByLaw(true)},
		{name: "ip 广州知识产权法院 intermediate 2015-06-01 agreed simplified (CPL 2012 art. 157 ¶2)", filing: c(gzIP, level(intermediateCourt), patent, filedOn("2015-06-01"), cm.agreeS),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "CPL2017_157_COURT_LEVEL")}},
		{name: "ip 海南自由贸易港知识产权法院 stated basic 2022-03-01", filing: c(hnIP, patent, filedOn("2022-03-01")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}, extra: panelByLaw(true)},
		{name: "ip 海南自由贸易港知识产权法院 intermediate 2024 计算机软件 ¥8,000", filing: c(hnIP, level(intermediateCourt), cause("侵害计算机软件著作权纠纷"), yuan(8000)),
			avail: av(pSC, avU, pSimp, avU), fires: aboveBasic},
		{name: "ip 北京知识产权法院 stated basic 2021-06-01 pilot ¥40,000: no pilot small claims (basic courts only)", filing: c(bjIP, patent, filedOn("2021-06-01"), yuan(40000)),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"PILOT2020_SMALL_CLAIMS_MANDATORY", "PILOT2020_SMALL_CLAIMS_AGREEMENT"}, extra: panelByLaw(true)},
		{name: "ip 上海知识产权法院 intermediate 2020-06-01 pilot agreed ¥150,000: no pilot small claims", filing: c(shIP, level(intermediateCourt), patent, filedOn("2020-06-01"), yuan(150000), cm.agreeSC),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"PILOT2020_SMALL_CLAIMS_AGREEMENT"}, extra: panelByLaw(true)},
		{name: "ip 上海知识产权法院 intermediate 2021-12-31: ordinary by a panel (no pilot single judge at first instance)", filing: c(shIP, level(intermediateCourt), patent, filedOn("2021-12-31")),
			avail: av(pOrd, avA), extra: panelByLaw(true)},
		{name: "ip 北京知识产权法院 stated basic 2012-06-01 (before the court; CPL 2007 art. 142 by name)", filing: c(bjIP, patent, filedOn("2012-06-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "CPL2007_142_COURT_LEVEL")}},
		{name: "ip near miss: 上海市浦东新区人民法院 copyright ¥10,000 2024 keeps small claims", filing: c(placeAt("上海市浦东新区人民法院", "上海市"), cause("侵害作品信息网络传播权纠纷"), yuan(10000)),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: notAbove, extra: panelByLaw(false)},
		{name: "ip near miss: 南京市中级人民法院知识产权法庭 stated intermediate", filing: c(placeAt("南京市中级人民法院知识产权法庭", "江苏省"), level(intermediateCourt), patent),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"REVIEW_COURT_LEVEL_MISMATCH"}},
		// An intermediate court's cross-regional IP tribunal (最高人民法院关于同意南京市、
		// 苏州市、武汉市、成都市中级人民法院内设专门审判机构并跨区域管辖部分知识产权案件
		// 的批复, 2017-01; later 杭州、宁波、深圳… 知识产权法庭) is part of that court,
		// and filings name it alone ("南京知识产权法庭"). Until rules 2026-12-04.12
		// such a filing stating basic got small claims as mandatory.
		{name: "ip 南京知识产权法庭 stated basic 2024 patent ¥30,000: the intermediate court's tribunal", filing: c(placeAt("南京知识产权法庭", "江苏省"), patent),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}, extra: panelByLaw(true)},
		{name: "ip 武汉知识产权审判庭 stated basic 2019 agreed simplified", filing: c(placeAt("武汉知识产权审判庭", "湖北省"), patent, filedOn("2019-05-06"), cm.agreeS),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME_CPL2017"}, extra: panelByLaw(true)},
		{name: "ip 杭州知识产权法庭 criminal stated basic 6 months", filing: crim(6, placeAt("杭州知识产权法庭", "浙江省"), tm),
			avail: av(pFT, avU, pSimp, avU), fires: []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "ip near miss: a basic court's IP tribunal named with its court stays basic", filing: c(placeAt("杭州市滨江区人民法院知识产权法庭", "浙江省"), cause("侵害作品信息网络传播权纠纷"), yuan(10000)),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: notAbove, extra: panelByLaw(false)},
		{name: "ip near miss: a basic court's IP tribunal, criminal: fast-track", filing: crim(6, placeAt("杭州市滨江区人民法院知识产权法庭", "浙江省"), tm),
			avail: av(pFT, avA, pSimp, avA), silent: crimNotAbove},
		{name: "ip 深圳知识产权法庭 stated intermediate: no mismatch flag", filing: c(placeAt("深圳知识产权法庭", "广东省"), level(intermediateCourt), patent),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"REVIEW_COURT_LEVEL_MISMATCH"}},
		{name: "ip 海南自由贸易港知识产权法院 criminal intermediate 6 months (CrPL 214, 222)", filing: crim(6, hnIP, level(intermediateCourt), tm),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: crimAbove},
		{name: "ip 海南自由贸易港知识产权法院 criminal stated basic 6 months: above basic by its name", filing: crim(6, hnIP, tm),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "ip 海南自由贸易港知识产权法院 criminal stated basic 2021-03-01, 拘役", filing: crim(0, hnIP, tm, filedOn("2021-03-01"), sentenceKind(detention, 4)),
			avail: av(pFT, avU, pSimp, avU)},
		{name: "ip 北京知识产权法院 criminal stated basic: above basic by its name", filing: crim(6, bjIP, tm),
			avail: av(pFT, avU, pSimp, avU)},
		{name: "ip near miss: 海口市美兰区人民法院 trademark crime 6 months: fast-track", filing: crim(6, placeAt("海口市美兰区人民法院", "海南省"), tm),
			avail: av(pFT, avA, pSimp, avA), silent: crimNotAbove},
		{name: "ip 北京知识产权法院 administrative intermediate disclosure: ALL 82 names no level", filing: a(bjIP, level(intermediateCourt), cm.disclosure),
			avail: av(pSimp, avA), fires: []string{"ALL82_INFORMATION_DISCLOSURE"}},
		{name: "ip 北京知识产权法院 administrative stated basic, all agree (82 ¶2)", filing: a(bjIP, cm.agreeS),
			avail: av(pSimp, avA)},
		{name: "ip 北京知识产权法院 administrative, nothing: ordinary only (82)", filing: a(bjIP, level(intermediateCourt), fen(0)),
			avail: av(pSimp, avU), fires: []string{"ALL82_NOT_QUALIFIED"}},

		// ===== 金融法院 (intermediate level; decisions of 2018, 2021, 2022) =====
		{name: "fin 上海金融法院 intermediate 2024 金融借款 ¥30,000: no basic-court procedure", filing: c(shFin, level(intermediateCourt), finLoan),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), fires: aboveBasic, extra: panelByLaw(true)},
		{name: "fin 上海金融法院 stated basic 2019-05-06 ¥30,000: above basic by its name", filing: c(shFin, finLoan, filedOn("2019-05-06")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME_CPL2017"}, extra: panelByLaw(true)},
		{name: "fin 上海金融法院 stated basic 2024 ¥30,000", filing: c(shFin, finLoan),
			avail: av(pSC, avU, pSimp, avU), extra: panelByLaw(true)},
		{name: "fin 上海金融法院 stated basic 2020-09-01 pilot ¥40,000: no pilot small claims", filing: c(shFin, finLoan, filedOn("2020-09-01"), yuan(40000)),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"PILOT2020_SMALL_CLAIMS_MANDATORY"}, extra: panelByLaw(true)},
		{name: "fin 北京金融法院 stated basic 2022-03-01", filing: c(bjFin, finLoan, filedOn("2022-03-01")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}, extra: panelByLaw(true)},
		{name: "fin 北京金融法院 stated basic agreed simplified 2024 (CPL 160 ¶2 names basic courts)", filing: c(bjFin, finLoan, cm.agreeS),
			avail: av(pSimp, avU)},
		{name: "fin 北京金融法院 intermediate 2021-06-01 pilot ¥40,000", filing: c(bjFin, level(intermediateCourt), finLoan, filedOn("2021-06-01"), yuan(40000)),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"PILOT2020_SMALL_CLAIMS_MANDATORY"}, extra: panelByLaw(true)},
		{name: "fin 成渝金融法院 stated basic 2023-03-01 重庆", filing: c(cyFin, finLoan, filedOn("2023-03-01")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}, extra: panelByLaw(true)},
		{name: "fin 成渝金融法院 stated basic 2024 四川 (成都办公区)", filing: c(placeAt("成渝金融法院", "四川省"), finLoan),
			avail: av(pSC, avU, pSimp, avU), extra: panelByLaw(true)},
		{name: "fin 成渝金融法院 intermediate 2024", filing: c(cyFin, level(intermediateCourt), finLoan),
			avail: av(pSC, avU, pSimp, avU), fires: aboveBasic, extra: panelByLaw(true)},
		{name: "fin near miss: 上海市浦东新区人民法院 金融借款 ¥30,000 2024", filing: c(placeAt("上海市浦东新区人民法院", "上海市"), finLoan),
			avail: av(pSC, avA, pSimp, avA), silent: notAbove, extra: panelByLaw(false)},
		{name: "fin near miss: 重庆市渝中区人民法院 金融借款 2024", filing: c(placeAt("重庆市渝中区人民法院", "重庆市"), finLoan),
			avail: av(pSimp, avA), silent: notAbove, extra: panelByLaw(false)},
		{name: "fin 上海金融法院 administrative on the spot: ALL 82 names no level", filing: a(shFin, level(intermediateCourt), cm.spot),
			avail: av(pSimp, avA), fires: []string{"ALL82_ACT_ON_THE_SPOT"}},
		{name: "fin 北京金融法院 administrative stated basic ¥2,000 (82 ¶1(2))", filing: a(bjFin, yuan(2000)),
			avail: av(pSimp, avA)},

		// ===== 互联网法院 (basic level; 法释〔2018〕16号 art. 2) =====
		{name: "net 杭州互联网法院 2024 网络购物 ¥30,000: small claims mandatory", filing: c(hzNet, shop),
			avail: av(pSC, avA, pSimp, avA, pOrd, avA), mandatory: ptr(true), silent: notAbove, extra: panelByLaw(false)},
		{name: "net 杭州互联网法院 2024 ¥100,000 agreed (CPL 165 ¶2)", filing: c(hzNet, shop, yuan(100000), cm.agreeSC),
			avail: av(pSC, avA), mandatory: ptr(false), silent: notAbove},
		{name: "net 杭州互联网法院 2024 ¥300,000: ordinary by one judge (CPL 40 ¶2)", filing: c(hzNet, shop, yuan(300000)),
			avail: av(pSimp, avA, pOrd, avA), silent: notAbove, extra: panelByLaw(false)},
		{name: "net 北京互联网法院 2021-06-01 pilot ¥50,000: pilot small claims mandatory", filing: c(bjNet, shop, filedOn("2021-06-01"), yuan(50000)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{"PILOT2020_SMALL_CLAIMS_MANDATORY"}, silent: notAbove},
		{name: "net 广州互联网法院 2020-06-01 pilot ¥50,000", filing: c(gzNet, shop, filedOn("2020-06-01"), yuan(50000)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{"PILOT2020_SMALL_CLAIMS_MANDATORY"}},
		{name: "net 杭州互联网法院 2020-06-01 pilot ¥50,000", filing: c(hzNet, shop, filedOn("2020-06-01"), yuan(50000)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{"PILOT2020_SMALL_CLAIMS_MANDATORY"}},
		{name: "net 广州互联网法院 2022-01-01: the pilot is over", filing: c(gzNet, shop, filedOn("2022-01-01"), yuan(50000)),
			silent: []string{"PILOT2020_SMALL_CLAIMS_MANDATORY", "PILOT2020_SMALL_CLAIMS_AGREEMENT"}},
		{name: "net 杭州互联网法院 2017-09-01 simplified open", filing: c(hzNet, shop, filedOn("2017-09-01"), yuan(5000)),
			avail: av(pSimp, avA), silent: notAbove},
		{name: "net 北京互联网法院 2018-09-10 simplified open", filing: c(bjNet, shop, filedOn("2018-09-10")),
			avail: av(pSimp, avA), silent: notAbove},
		{name: "net 北京互联网法院 stated intermediate: the stated level governs, flagged", filing: c(bjNet, shop, level(intermediateCourt)),
			avail: av(pSC, avU, pSimp, avU), review: ptr(true)},
		{name: "net 杭州互联网法院 administrative on the spot", filing: a(hzNet, cm.spot),
			avail: av(pSimp, avA)},

		// ===== railway transport courts =====
		{name: "rail 北京铁路运输法院 basic 2024: basic procedures open", filing: c(placeAt("北京铁路运输法院", "北京市")),
			avail: av(pSimp, avA), silent: notAbove, extra: panelByLaw(false)},
		{name: "rail 北京铁路运输中级法院 stated basic: above basic by its name", filing: c(placeAt("北京铁路运输中级法院", "北京市")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}, extra: panelByLaw(true)},
		{name: "rail 兰州铁路运输中级法院 criminal stated basic", filing: crim(6, placeAt("兰州铁路运输中级法院", "甘肃省")),
			avail: av(pFT, avU, pSimp, avU), fires: []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "rail 上海铁路运输法院 criminal basic: fast-track (near miss)", filing: crim(6, placeAt("上海铁路运输法院", "上海市")),
			avail: av(pFT, avA, pSimp, avA), silent: crimNotAbove},
		{name: "rail 兰州铁路运输法院 administrative basic on the spot", filing: a(placeAt("兰州铁路运输法院", "甘肃省"), cm.spot),
			avail: av(pSimp, avA)},
		{name: "rail 兰州铁路运输中级法院 administrative intermediate agreed (82 ¶2)", filing: a(placeAt("兰州铁路运输中级法院", "甘肃省"), level(intermediateCourt), cm.agreeS),
			avail: av(pSimp, avA)},

		// ===== forestry courts =====
		{name: "forest 黑龙江省林区中级人民法院 criminal stated basic", filing: crim(6, placeAt("黑龙江省林区中级人民法院", "黑龙江省")),
			avail: av(pFT, avU, pSimp, avU), fires: []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "forest 吉林省长春林区中级法院 civil stated basic", filing: c(placeAt("吉林省长春林区中级法院", "吉林省")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "forest 甘肃省林区中级法院 civil stated intermediate", filing: c(placeAt("甘肃省林区中级法院", "甘肃省"), level(intermediateCourt)),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"REVIEW_COURT_LEVEL_MISMATCH"}},
		{name: "forest 卓尼林区基层法院 civil basic: basic procedures (near miss)", filing: c(placeAt("卓尼林区基层法院", "甘肃省")),
			avail: av(pSimp, avA), silent: notAbove, extra: panelByLaw(false)},
		{name: "forest 卓尼林区基层法院 criminal basic: fast-track", filing: crim(6, placeAt("卓尼林区基层法院", "甘肃省"), cause("滥伐林木罪")),
			avail: av(pFT, avA, pSimp, avA), silent: crimNotAbove},
		{name: "forest 湖北省神农架林区人民法院 civil basic: basic procedures", filing: c(placeAt("湖北省神农架林区人民法院", "湖北省")),
			avail: av(pSimp, avA), silent: notAbove, extra: panelByLaw(false)},
		{name: "forest 湖北省神农架林区人民法院 criminal basic: fast-track", filing: crim(6, placeAt("湖北省神农架林区人民法院", "湖北省")),
			avail: av(pFT, avA), silent: crimNotAbove},
		{name: "forest 子午岭林区法院 civil basic", filing: c(placeAt("子午岭林区法院", "甘肃省")),
			avail: av(pSimp, avA), silent: notAbove},

		// ===== 农垦 and 兵团 courts =====
		{name: "farm 黑龙江省农垦中级法院 criminal stated intermediate", filing: crim(6, placeAt("黑龙江省农垦中级法院", "黑龙江省"), level(intermediateCourt)),
			avail: av(pFT, avU, pSimp, avU), fires: crimAbove},
		{name: "farm 黑龙江省建三江农垦法院 criminal basic: fast-track", filing: crim(6, placeAt("黑龙江省建三江农垦法院", "黑龙江省")),
			avail: av(pFT, avA), silent: crimNotAbove},
		{name: "farm 新疆生产建设兵团第八师中级人民法院 criminal stated basic", filing: crim(6, placeAt("新疆生产建设兵团第八师中级人民法院", "新疆维吾尔自治区")),
			avail: av(pFT, avU, pSimp, avU), fires: []string{"INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "farm 新疆维吾尔自治区高级人民法院生产建设兵团分院 civil stated basic", filing: c(placeAt("新疆维吾尔自治区高级人民法院生产建设兵团分院", "新疆维吾尔自治区")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_COURT_ABOVE_BASIC_FROM_NAME"}},
		{name: "farm 石河子市人民法院 civil basic (near miss)", filing: c(placeAt("石河子市人民法院", "新疆维吾尔自治区")),
			avail: av(pSimp, avA), silent: notAbove},

		// ===== maritime courts and their tribunals (intermediate level) =====
		{name: "sea 宁波海事法院 criminal intermediate 6 months (CrPL 214, 222)", filing: crim(6, placeAt("宁波海事法院", "浙江省"), level(intermediateCourt), cause("交通肇事罪")),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: crimAbove},
		{name: "sea 宁波海事法院 criminal stated basic 6 months: above basic by its name", filing: crim(6, placeAt("宁波海事法院", "浙江省"), cause("交通肇事罪")),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA)},
		{name: "sea 宁波海事法院 criminal stated basic 2019: above basic", filing: crim(6, placeAt("宁波海事法院", "浙江省"), cause("交通肇事罪"), filedOn("2019-05-06")),
			avail: av(pFT, avU, pSimp, avU)},
		{name: "sea 宁波海事法院舟山法庭 civil stated basic: the maritime court's panel, small claims optional", filing: c(placeAt("宁波海事法院舟山法庭", "浙江省"), cause("船员劳务合同纠纷")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(false), fires: []string{at(locOrd, "CPL40_MARITIME_COURT_PANEL")}, extra: panelByLaw(true)},
		{name: "sea 上海海事法院洋山深水港派出法庭 civil intermediate ¥300,000", filing: c(placeAt("上海海事法院洋山深水港派出法庭", "上海市"), level(intermediateCourt), cause("船舶碰撞损害责任纠纷"), yuan(300000)),
			avail: av(pSimp, avA), fires: []string{at(locOrd, "CPL40_MARITIME_COURT_PANEL")}, extra: panelByLaw(true)},
		{name: "sea 武汉海事法院 (inland) civil intermediate", filing: c(placeAt("武汉海事法院", "湖北省"), level(intermediateCourt)),
			fires: []string{at(locOrd, "CPL40_MARITIME_COURT_PANEL")}, extra: panelByLaw(true)},
		{name: "sea 宁波海事法院 administrative on the spot: ALL 82 names no level", filing: a(placeAt("宁波海事法院", "浙江省"), level(intermediateCourt), cm.spot),
			avail: av(pSimp, avA)},
		{name: "sea near miss: 舟山市定海区人民法院 crime 6 months: fast-track", filing: crim(6, placeAt("舟山市定海区人民法院", "浙江省"), cause("交通肇事罪")),
			avail: av(pFT, avA, pSimp, avA), silent: crimNotAbove},

		// ===== military courts: the stated level governs =====
		{name: "mil 中国人民解放军军事法院 stated high: neither (CrPL 214, 222)", filing: crim(6, placeAt("中国人民解放军军事法院", "北京市"), level(highCourt)),
			avail: av(pFT, avU, pSimp, avU), fires: crimAbove},
		{name: "mil 东部战区军事法院 stated intermediate: neither", filing: crim(6, placeAt("中国人民解放军东部战区军事法院", "江苏省"), level(intermediateCourt)),
			avail: av(pFT, avU, pSimp, avU), fires: crimAbove},

		// ===== 甘肃矿区人民法院: the stated level (its level was not confirmed from a text) =====
		{name: "mine 甘肃矿区人民法院 stated intermediate civil: barred, no mismatch", filing: c(placeAt("甘肃矿区人民法院", "甘肃省"), level(intermediateCourt)),
			avail: av(pSC, avU, pSimp, avU), silent: []string{"REVIEW_COURT_LEVEL_MISMATCH"}},
		{name: "mine 甘肃矿区人民法院 stated intermediate criminal: barred", filing: crim(6, placeAt("甘肃矿区人民法院", "甘肃省"), level(intermediateCourt)),
			avail: av(pFT, avU, pSimp, avU)},
	}
}

// TestAuditRound18Outcomes: a choice at filing or a conversion at a
// specialised court. The court decides the procedure (民事诉讼法第一百三十六条),
// but not one the law closes to it: small claims, simplified procedure and
// fast-track are basic-court procedures; an internet court is a basic court.
// want: "" accepted, "*" refused by some rule, else the rule.
func TestAuditRound18Outcomes(t *testing.T) {
	e := defaultEngine(t)
	_, _, crimB := auditBuilders(t)
	civ := civilBase(t)
	basis := func(s string) omod { return func(o *triagev1.Outcome) { o.LegalBasis = s } }
	bjIP := placeAt("北京知识产权法院", "北京市")
	shFin := placeAt("上海金融法院", "上海市")
	hnIP := placeAt("海南自由贸易港知识产权法院", "海南省")
	hzNet := placeAt("杭州互联网法院", "浙江省")
	sea := placeAt("宁波海事法院", "浙江省")

	rows := []outcomeRow{
		{"ip 北京知识产权法院 stated basic: small claims chosen refused (CPL 165)", with(civ, bjIP, cause("侵害发明专利权纠纷")), pOrd,
			outcome(chOver, pSC, on("2024-03-06"), basis("民事诉讼法第一百六十五条")), "*"},
		{"ip 北京知识产权法院 stated basic: 普转简 agreed refused (CPL 160)", with(civ, bjIP, cause("侵害发明专利权纠纷")), pOrd,
			outcome(chO2S, pSimp, on("2024-03-20"), agreed, basis("民事诉讼法第一百六十条第二款")), "*"},
		{"ip 北京知识产权法院 intermediate: single judge → panel refused, a panel already (CPL 40)", with(civ, bjIP, level(intermediateCourt), cause("侵害发明专利权纠纷")), pOrd,
			outcome(chPanel, pOrd, on("2024-03-20"), basis("民事诉讼法第四十三条")), "*"},
		{"fin 上海金融法院 stated basic: simplified chosen refused (CPL 160)", with(civ, shFin, cause("金融借款合同纠纷")), pOrd,
			outcome(chOver, pSimp, on("2024-03-06"), basis("民事诉讼法第一百六十条")), "*"},
		{"fin 上海金融法院 stated basic: single judge → panel refused", with(civ, shFin, cause("金融借款合同纠纷")), pOrd,
			outcome(chPanel, pOrd, on("2024-03-20"), basis("民事诉讼法第四十三条")), "*"},
		{"ip 海南自由贸易港知识产权法院 stated basic: fast-track chosen refused (CrPL 222)", crimB(6, hnIP, cause("假冒注册商标罪")), pOrd,
			outcome(chOver, pFT, on("2024-03-06"), basis("刑事诉讼法第二百二十二条")), "*"},
		{"sea 宁波海事法院 stated basic: fast-track chosen refused (CrPL 222)", crimB(6, sea, cause("交通肇事罪")), pOrd,
			outcome(chOver, pFT, on("2024-03-06"), basis("刑事诉讼法第二百二十二条")), "*"},
		{"sea 宁波海事法院 stated basic: simplified chosen refused (CrPL 214)", crimB(6, sea, cause("交通肇事罪")), pOrd,
			outcome(chOver, pSimp, on("2024-03-06"), basis("刑事诉讼法第二百一十四条")), "*"},
		{"ip 南京知识产权法庭 stated basic: small claims chosen refused (CPL 165)", with(civ, placeAt("南京知识产权法庭", "江苏省"), cause("侵害发明专利权纠纷")), pOrd,
			outcome(chOver, pSC, on("2024-03-06"), basis("民事诉讼法第一百六十五条")), "*"},
		{"ip 南京知识产权法庭 stated basic: single judge → panel refused, a panel already (CPL 40)", with(civ, placeAt("南京知识产权法庭", "江苏省"), cause("侵害发明专利权纠纷")), pOrd,
			outcome(chPanel, pOrd, on("2024-03-20"), basis("民事诉讼法第四十三条")), "*"},
		{"net 杭州互联网法院: small claims confirmed (near miss)", with(civ, hzNet, cause("网络购物合同纠纷")), pSC,
			outcome(chConf, pSC, on("2024-03-06")), ""},
		{"net 杭州互联网法院 ¥300,000: single judge → panel accepted (near miss, CPL 43)", with(civ, hzNet, cause("网络购物合同纠纷"), yuan(300000)), pOrd,
			outcome(chPanel, pOrd, on("2024-03-20"), basis("民事诉讼法第四十三条")), ""},
	}
	runOutcomeRows(t, e, rows)
}

// TestAuditRound18PanelByLaw: an intermediate-level specialised court's civil
// ordinary case is tried by a panel (民事诉讼法第四十条第二款 gives the single
// judge to basic courts), so rules.PanelByLaw keeps it off a 速裁团队 whatever
// level the filing states; an internet court's stays open to one.
func TestAuditRound18PanelByLaw(t *testing.T) {
	civ := civilBase(t)
	runPanelByLawRows(t, []panelByLawRow{
		{"北京知识产权法院 intermediate", with(civ, placeAt("北京知识产权法院", "北京市"), level(intermediateCourt)), true},
		{"北京知识产权法院 stated basic", with(civ, placeAt("北京知识产权法院", "北京市")), true},
		{"海南自由贸易港知识产权法院 stated basic", with(civ, placeAt("海南自由贸易港知识产权法院", "海南省")), true},
		{"上海金融法院 stated basic", with(civ, placeAt("上海金融法院", "上海市")), true},
		{"成渝金融法院 stated basic", with(civ, placeAt("成渝金融法院", "重庆市")), true},
		{"宁波海事法院舟山法庭 stated basic", with(civ, placeAt("宁波海事法院舟山法庭", "浙江省")), true},
		{"南京知识产权法庭 stated basic", with(civ, placeAt("南京知识产权法庭", "江苏省")), true},
		{"near miss: 杭州市滨江区人民法院知识产权法庭", with(civ, placeAt("杭州市滨江区人民法院知识产权法庭", "浙江省"), yuan(300000)), false},
		{"near miss: 北京互联网法院", with(civ, placeAt("北京互联网法院", "北京市"), yuan(300000)), false},
		{"near miss: 北京铁路运输法院", with(civ, placeAt("北京铁路运输法院", "北京市"), yuan(300000)), false},
	})
}

// outcomeRow is one outcome of a statute-audit table: filing f, recommended
// rec, the outcome recorded and the verdict wanted ("" accepted, "*"
// refused by some rule, else the rule).
type outcomeRow struct {
	name string
	f    *triagev1.Filing
	rec  triagev1.Procedure
	out  *triagev1.Outcome
	want string
}

// runOutcomeRows validates each row's outcome against its decision.
func runOutcomeRows(t *testing.T, e *rules.Engine, rows []outcomeRow) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) { checkOutcomeRow(t, e, r, "") })
	}
}

// checkOutcomeRow validates a row's outcome against its decision; article,
// when set, must be cited by the refusal (checkVerdict).
func checkOutcomeRow(t *testing.T, e *rules.Engine, r outcomeRow, article string) {
	t.Helper()
	d := withInferences(t, r.f, r.rec)
	checkVerdict(t, e.ValidateOutcome(d, r.f, nil, r.out), r.want, article)
}

// panelByLawRow is one civil filing and whether the law tries its ordinary
// case by a panel whatever its facts.
type panelByLawRow struct {
	name string
	f    *triagev1.Filing
	want bool
}

// runPanelByLawRows checks rules.PanelByLaw on each row's decision.
func runPanelByLawRows(t *testing.T, rows []panelByLawRow) {
	t.Helper()
	for _, c := range rows {
		t.Run(c.name, func(t *testing.T) {
			if got := rules.PanelByLaw(decisionOf(t, c.f, pOrd), pOrd); got != c.want {
				t.Errorf("PanelByLaw = %v, want %v", got, c.want)
			}
		})
	}
}
