package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound19 holds the round-19 statute scenarios (2026-12-04): the
// filing as a clerk's system fills it, and what fenjian does when the case
// number (案号) contradicts the other fields. Each row was written from the
// case-number rules and the procedure statutes before the code that reads
// case numbers was read:
//
//   - 最高人民法院关于人民法院案件案号的若干规定 (法〔2015〕137号, in force
//     2016-01-01; amended by 法〔2018〕335号) arts. 2–3: a number is
//     "(收案年度)" + 法院代字 + [专门审判代字] + 类型代字 + 编号; 收案年度 is the
//     calendar year the court received the case; art. 4: the high courts'
//     代字 are the provinces' abbreviations (内蒙古 "内", 兵团分院 "兵"); art. 5:
//     intermediate courts carry two digits, basic courts four, after their
//     high court's 代字; 法〔2018〕335号 adds the 专门审判代字 "知";
//   - 人民法院案件类型及其代字标准: 民初/刑初/行初 are first instance (a remanded
//     case is numbered anew as 初), 民再/刑再/行再 retrial, 民终/刑终/行终 second
//     instance, 民特 特别程序, 民督 督促程序, 民催 公示催告, 破/破申 bankruptcy,
//     执/执恢 enforcement, 刑更/刑医/刑没 the criminal special proceedings;
//   - 民事诉讼法 (2023) 第一百六十条、第一百六十五条 (simplified procedure and
//     small claims are first-instance procedures of basic courts, the limit by
//     the province's wage), 第一百八十四条、第二百二十五条、第二百二十九条 (特别
//     程序, 督促程序, 公示催告 are procedures of their own), 第一百二十六条 (立案
//     within seven days of receipt); 民诉法解释第二百五十七条 (no simplified
//     procedure after remand or in 审判监督程序); 行政诉讼法第八十二条第三款 (the
//     same for administrative cases); 刑事诉讼法第二百五十六条 (a retrial by a
//     panel).
//
// What a careful service does, and this table requires: a number that says
// another case kind, another court level, another province or a 收案年度 the
// 立案 date cannot have is refused (INVALID_ARGUMENT naming the field the
// number contradicts) rather than routed by either field; a number of a type
// fenjian does not triage (second instance, special procedures, enforcement,
// bankruptcy) is refused naming filing.id; a retrial number is read as a
// retrial (stricter); a next-year number on a 立案 date from 21 December (the
// courts' statistical-year practice, which the rules do not provide for, seen
// in two of the 290 real filings) passes, earlier in December it is kept but
// sent to review. An id that is
// not a case number at all is evaluated as before.
func TestAuditRound19(t *testing.T) { runTable(t, audit19Cases(t)) }

// TestAuditRound19Refusals: each contradiction is refused, naming the field.
func TestAuditRound19Refusals(t *testing.T) { runRefusals(t, audit19Refusals(t)) }

// runRefusals evaluates each filing and requires a FieldError naming the
// refusal's field and saying the case number is what contradicts it.
func runRefusals(t *testing.T, refusals []refusal) {
	t.Helper()
	e := defaultEngine(t)
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			a, err := e.Evaluate(r.filing)
			var fe *rules.FieldError
			if !errors.As(err, &fe) {
				got := "an assessment"
				if a != nil {
					got += " " + describe(a)
				}
				t.Fatalf("Evaluate(%s) = %v, %v; want a FieldError naming %s", r.filing.GetId(), got, err, r.field)
			}
			if fe.Field != r.field {
				t.Errorf("FieldError names %q (%v), want %q", fe.Field, fe, r.field)
			}
			if !strings.Contains(fe.Problem, "案号") {
				t.Errorf("problem %q does not say the case number is what contradicts the field", fe.Problem)
			}
		})
	}
}

// refusal is a filing the engine must refuse and the field it must name.
type refusal struct {
	name   string
	filing *triagev1.Filing
	field  string
}

func withRetrial(c *triagev1.Circumstances)  { c.Retrial = true }
func withRemanded(c *triagev1.Circumstances) { c.Remanded = true }

func audit19Refusals(tb testing.TB) []refusal {
	c, a, crim := auditBuilders(tb)
	const (
		fKind     = "filing.case_kind"
		fID       = "filing.id"
		fLevel    = "filing.court_level"
		fProvince = "filing.province"
		fFiled    = "filing.filed_on"
	)
	mid := courtAt("温州市中级人民法院", intermediateCourt)
	return []refusal{
		// The case kind the number states (类型代字) against case_kind.
		{"civil kind, 刑初 number", c(id("(2024)浙0302刑初11号")), fKind},
		{"civil kind, 行初 number", c(id("(2024)浙0302行初11号")), fKind},
		{"civil kind, 知刑初 number", c(id("(2024)浙0302知刑初11号")), fKind},
		{"criminal kind, 民初 number", crim(6, id("(2024)浙0102民初301号")), fKind},
		{"criminal kind, 行初 number", crim(6, id("(2024)浙0102行初301号")), fKind},
		{"administrative kind, 民初 number", a(id("(2024)浙0106民初88号")), fKind},
		{"administrative kind, 刑初 number", a(id("(2024)浙0106刑初88号")), fKind},
		{"criminal kind, pre-2016 民初字 number", crim(6, id("(2015)临潼民初字第01826号"), filedOn("2015-06-01")), fKind},
		{"civil kind, pre-2016 刑初字 number", c(id("(2015)临潼刑初字第00126号"), filedOn("2015-06-01")), fKind},
		{"civil kind, pre-2016 行初字 number", c(id("(2015)临潼行初字第00026号"), filedOn("2015-06-01")), fKind},

		// Types fenjian does not triage: not a first-instance trial.
		{"民终 second instance", c(id("(2024)浙0302民终11号")), fID},
		{"民申 retrial petition review", c(id("(2024)浙03民申11号"), mid), fID},
		{"民特 special procedure (CPL 184)", c(id("(2024)浙0302民特11号")), fID},
		{"民督 payment order (CPL 225)", c(id("(2024)浙0302民督11号")), fID},
		{"民催 public summons (CPL 229)", c(id("(2024)浙0302民催11号")), fID},
		{"破 bankruptcy", c(id("(2024)浙0302破11号")), fID},
		{"破申 bankruptcy application", c(id("(2024)浙0302破申11号")), fID},
		{"执 enforcement", c(id("(2024)浙0302执11号")), fID},
		{"执恢 resumed enforcement", c(id("(2024)浙0302执恢11号")), fID},
		{"民辖 jurisdiction", c(id("(2024)浙0302民辖11号")), fID},
		{"财保 pre-suit preservation", c(id("(2024)浙0302财保11号")), fID},
		{"刑终 criminal second instance", crim(6, id("(2024)浙01刑终301号"), courtAt("杭州市中级人民法院", intermediateCourt)), fID},
		{"刑更 commutation", crim(6, id("(2024)浙0102刑更301号")), fID},
		{"刑医 compulsory treatment", crim(6, id("(2024)浙0102刑医301号")), fID},
		{"刑没 confiscation", crim(6, id("(2024)浙0102刑没301号")), fID},
		{"行终 administrative second instance", a(id("(2024)浙01行终88号"), courtAt("杭州市中级人民法院", intermediateCourt)), fID},
		{"行审 non-litigation enforcement review", a(id("(2024)浙0106行审88号")), fID},
		{"pre-2016 民终字", c(id("(2015)温中民终字第00126号"), filedOn("2015-06-01"), mid), fID},

		// The court level the 法院代字 gives against court_level.
		{"浙03 (intermediate) stated basic", c(id("(2024)浙03民初11号")), fLevel},
		{"浙0302 (basic) stated intermediate", c(id("(2024)浙0302民初11号"), mid), fLevel},
		{"浙 (high court) stated basic", c(id("(2024)浙民初11号")), fLevel},
		{"浙 (high court) stated intermediate", c(id("(2024)浙民初11号"), mid), fLevel},
		{"最高法 stated basic", c(id("(2024)最高法民初11号")), fLevel},
		{"浙73 IP court 知民初 stated basic", c(id("(2024)浙73知民初11号"), court("杭州知识产权法庭")), fLevel},
		{"criminal 浙01 stated basic", crim(6, id("(2024)浙01刑初301号")), fLevel},
		{"administrative 浙0106 stated intermediate", a(id("(2024)浙0106行初89号"), level(intermediateCourt)), fLevel},

		// The province the 法院代字 gives against province: the small-claims
		// limit is that province's (CPL 165).
		{"辽0103 with province 江苏", c(id("(2024)辽0103民初11号"), court("沈阳市和平区人民法院"), province("江苏省")), fProvince},
		{"辽0103 with province code 320000", c(id("(2024)辽0103民初11号"), court("沈阳市和平区人民法院"), province("320000")), fProvince},
		{"浙0302 with province 上海", c(id("(2024)浙0302民初11号"), province("上海市")), fProvince},
		{"京0105 with province 天津", c(id("(2024)京0105民初11号"), court("北京市朝阳区人民法院"), province("天津市")), fProvince},
		{"内0102 with province 辽宁", c(id("(2024)内0102民初11号"), court("呼和浩特市新城区人民法院"), province("辽宁")), fProvince},
		// 兵: the Corps branch of the Xinjiang high court, whose courts sit in Xinjiang.
		{"兵0801 with province 甘肃", c(id("(2024)兵0801民初11号"), court("石河子市人民法院"), province("甘肃省")), fProvince},
		{"粤0304 with province 广西", c(id("(2024)粤0304民初11号"), court("深圳市福田区人民法院"), province("广西壮族自治区")), fProvince},
		{"criminal 浙0102 with province 江苏", crim(6, id("(2024)浙0102刑初302号"), province("江苏省")), fProvince},
		{"administrative 浙0106 with province 上海", a(id("(2024)浙0106行初89号"), province("上海")), fProvince},

		// The 收案年度 against the 立案 date: 收案 precedes 立案.
		{"2024 number, 立案 2019", c(id("(2024)浙0302民初1002号"), filedOn("2019-06-03")), fFiled},
		{"2022 number, 立案 2024", c(id("(2022)浙0302民初1001号")), fFiled},
		{"2026 number, 立案 2024-12-28", c(id("(2026)浙0302民初1号"), filedOn("2024-12-28")), fFiled},
		{"2025 number, 立案 2024-06-03", c(id("(2025)浙0302民初1号"), filedOn("2024-06-03")), fFiled},
		{"pre-2016 number, 立案 2024", c(id("(2015)临潼民初字第01826号")), fFiled},
		{"criminal 2024 number, 立案 2021", crim(6, id("(2024)浙0102刑初302号"), filedOn("2021-06-03")), fFiled},
	}
}

func audit19Cases(tb testing.TB) []tcase {
	c, a, crim := auditBuilders(tb)
	mid := courtAt("温州市中级人民法院", intermediateCourt)
	return []tcase{
		// Near misses: numbers that agree with every field.
		{name: "civil 民初 agrees", filing: c(), avail: av(pSC, avA, pSimp, avA), review: ptr(false),
			silent: []string{"REVIEW_CASE_NUMBER_YEAR_AHEAD", "INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "criminal 刑初 agrees", filing: crim(6), avail: av(pFT, avA, pSimp, avA)},
		{name: "administrative 行初 agrees", filing: a(), avail: av(pSimp, avU, pOrd, avA)},
		{name: "pre-2016 民初字 filed 2015", filing: c(id("(2015)临潼民初字第01826号"), filedOn("2015-06-01")),
			avail: av(pSimp, avA)},
		{name: "pre-2016 民二初字 filed 2015", filing: c(id("(2015)鹿民二初字第00012号"), filedOn("2015-06-01")),
			avail: av(pSimp, avA)},
		{name: "浙03 民初 at an intermediate court", filing: c(id("(2024)浙03民初11号"), mid),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "浙 民初 at the high court", filing: c(id("(2024)浙民初11号"), courtAt("浙江省高级人民法院", highCourt)),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "浙73 知民初 at the IP tribunal, intermediate", filing: c(id("(2024)浙73知民初11号"), courtAt("杭州知识产权法庭", intermediateCourt), cause("侵害发明专利权纠纷")),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "criminal 浙01 刑初 at an intermediate court", filing: crim(6, id("(2024)浙01刑初301号"), courtAt("杭州市中级人民法院", intermediateCourt)),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA)},

		// Provinces written every way the field allows.
		{name: "辽0103 with 辽宁省", filing: c(id("(2024)辽0103民初11号"), court("沈阳市和平区人民法院"), province("辽宁省")), avail: av(pSimp, avA)},
		{name: "辽0103 with 辽宁", filing: c(id("(2024)辽0103民初11号"), court("沈阳市和平区人民法院"), province("辽宁")), avail: av(pSimp, avA)},
		{name: "辽0103 with 210000", filing: c(id("(2024)辽0103民初11号"), court("沈阳市和平区人民法院"), province("210000")), avail: av(pSimp, avA)},
		{name: "内0102 with 内蒙古自治区", filing: c(id("(2024)内0102民初11号"), court("呼和浩特市新城区人民法院"), province("内蒙古自治区")), avail: av(pSimp, avA)},
		{name: "新0102 with 新疆维吾尔自治区", filing: c(id("(2024)新0102民初11号"), court("乌鲁木齐市天山区人民法院"), province("新疆维吾尔自治区")), avail: av(pSimp, avA)},
		{name: "兵0801 with 新疆维吾尔自治区", filing: c(id("(2024)兵0801民初11号"), court("石河子市人民法院"), province("新疆维吾尔自治区")), avail: av(pSimp, avA)},
		{name: "黑0103 with 黑龙江省", filing: c(id("(2024)黑0103民初11号"), court("哈尔滨市南岗区人民法院"), province("黑龙江省")), avail: av(pSimp, avA)},
		{name: "桂0102 with 广西壮族自治区", filing: c(id("(2024)桂0102民初11号"), court("南宁市兴宁区人民法院"), province("广西壮族自治区")), avail: av(pSimp, avA)},
		{name: "粤0304 with 440000", filing: c(id("(2024)粤0304民初11号"), court("深圳市福田区人民法院"), province("440000")), avail: av(pSimp, avA)},
		{name: "鄂72 maritime court's 南京 tribunal in 江苏 (解释273)",
			filing: c(id("(2024)鄂72民初11号"), courtAt("武汉海事法院南京法庭", intermediateCourt), province("江苏省"), cause("海上货物运输合同纠纷")),
			avail:  av(pOrd, avA), fires: []string{"INFER_MARITIME_COURT"}},

		// Retrial and remand.
		{name: "民再 without the retrial flag: read as a retrial", filing: c(id("(2024)浙0302民再11号")),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), fires: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "民再 with the retrial flag", filing: c(id("(2024)浙0302民再11号"), circ(withRetrial)),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), silent: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "民初 remanded (numbered anew as 初)", filing: c(circ(withRemanded)),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA), silent: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "刑再 without the retrial flag: no fast-track", filing: crim(6, id("(2024)浙0102刑再301号")),
			avail: av(pFT, avU, pOrd, avA), fires: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "行再 without the retrial flag: no simplified (ALL 82 ¶3)", filing: a(id("(2024)浙0106行再88号")),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "pre-2016 民再字 without the retrial flag", filing: c(id("(2015)鹿民再字第00012号"), filedOn("2015-06-01")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{"INFER_RETRIAL_FROM_CASE_NUMBER"}},

		// The 收案年度 against the 立案 date.
		{name: "2023 number, 立案 2024-01-05 (received in December)", filing: c(id("(2023)浙0302民初9999号"), filedOn("2024-01-05")),
			avail: av(pSC, avA), silent: []string{"REVIEW_CASE_NUMBER_YEAR_AHEAD"}},
		{name: "2025 number, 立案 2024-12-28: the statistical year's practice", filing: c(id("(2025)浙0302民初1号"), filedOn("2024-12-28")),
			review: ptr(false), silent: []string{"REVIEW_CASE_NUMBER_YEAR_AHEAD"}},
		{name: "2025 number, 立案 2024-12-21: the statistical year's practice", filing: c(id("(2025)浙0302民初1号"), filedOn("2024-12-21")),
			review: ptr(false), silent: []string{"REVIEW_CASE_NUMBER_YEAR_AHEAD"}},
		{name: "2025 number, 立案 2024-12-20: kept, reviewed", filing: c(id("(2025)浙0302民初1号"), filedOn("2024-12-20")),
			review: ptr(true), fires: []string{at(locReview, "REVIEW_CASE_NUMBER_YEAR_AHEAD")}},
		{name: "2025 number, 立案 2024-12-01: kept, reviewed", filing: c(id("(2025)浙0302民初1号"), filedOn("2024-12-01")),
			review: ptr(true), fires: []string{at(locReview, "REVIEW_CASE_NUMBER_YEAR_AHEAD")}},
		{name: "2024 number, 立案 2024-12-31", filing: c(id("(2024)浙0302民初1002号"), filedOn("2024-12-31")),
			silent: []string{"REVIEW_CASE_NUMBER_YEAR_AHEAD"}},

		// Ids that are not case numbers: as before.
		{name: "JS-2024-0604 civil", filing: c(id("JS-2024-0604")), avail: av(pSC, avA, pSimp, avA), review: ptr(false),
			silent: []string{"REVIEW_CASE_NUMBER_YEAR_AHEAD", "INFER_RETRIAL_FROM_CASE_NUMBER"}},
		{name: "JS-2024-0604 criminal", filing: crim(6, id("JS-2024-0604")), avail: av(pFT, avA)},
		{name: "JS-2024-0604 administrative", filing: a(id("JS-2024-0604")), avail: av(pSimp, avU, pOrd, avA)},
		{name: "JS-2019-0604 filed 2024 (a year in a non-number id)", filing: c(id("JS-2019-0604")), avail: av(pSC, avA)},
		{name: "收案号 without a type", filing: c(id("浙0302-2024-001001")), avail: av(pSC, avA)},
		{name: "parenthesised text that is not a number", filing: c(id("(2024)待分配")), avail: av(pSC, avA)},
	}
}

// TestCaseNumberMessages: a case number that contradicts the filing is
// refused in the messages' one language (docs/integration.md): English
// naming the field, the law's words (案号, 法院代字, 收案年度, 立案) in
// Chinese. Outside check 19 found these five in Chinese only.
func TestCaseNumberMessages(t *testing.T) {
	c, _, _ := auditBuilders(t)
	mid := courtAt("温州市中级人民法院", intermediateCourt)
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		f    *triagev1.Filing
		want string
	}{
		{"second instance", c(id("(2024)浙0302民终11号")),
			"filing.id: 案号 (2024)浙0302民终11号 is 民事二审, not a first-instance case: small claims, the simplified, the ordinary and the fast-track procedures are first-instance procedures, and fenjian triages only first-instance filings"},
		{"kind", c(id("(2024)浙0302刑初11号")),
			"filing.case_kind: 案号 (2024)浙0302刑初11号 is a criminal case (刑事) but case_kind is civil: the procedure depends on the kind; check the 案号 or the case kind"},
		{"level", c(id("(2024)浙0302民初11号"), mid),
			"filing.court_level: 案号 (2024)浙0302民初11号 has the 法院代字 浙0302 of a basic court (基层法院) but court_level is intermediate: small claims, the simplified and the fast-track procedures are for basic courts (基层人民法院) only; check the 案号 or the court level"},
		{"province", c(id("(2024)浙0302民初11号"), province("上海市")),
			"filing.province: 案号 (2024)浙0302民初11号 has the 法院代字 浙0302 of a court in 浙江省 but province is 上海市: the small-claims limit is the court's province's (previous-year average wage); check the 案号 or the province"},
		{"year", c(id("(2024)浙0302民初1002号"), filedOn("2019-06-03")),
			"filing.filed_on: 案号 (2024)浙0302民初1002号 has the 收案年度 2024 but the 立案 date is 2019-06-03: a case is received (收案) before it is filed (立案), so its year is the 立案 year or the one before; check the 案号 or filed_on"},
	} {
		if err := rules.ValidateAt(tc.f, now); err == nil || err.Error() != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.name, err, tc.want)
		}
	}
}
