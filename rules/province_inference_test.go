package rules_test

import (
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// provinceInferenceCases: a filing that states no province is read as of the
// province its case number's 法院代字 names (最高人民法院关于人民法院案件案号的
// 若干规定第四条), else the one its court's name names; the small-claims
// figure is the court's province's (CPL 165 ¶1) and the fast-track pilot's
// cities are places too. The near misses: a stated province is never
// replaced; a number that names no province (pre-2016 forms, a maritime
// court's …72, whose tribunal may sit elsewhere: 民诉法解释第二百七十三条)
// and a court named without its province leave the limit unknown.
func provinceInferenceCases(tb testing.TB) []tcase {
	c, _, crim := auditBuilders(tb)
	none := province("")
	fromNumber := rules.CodeInferProvinceFromCaseNumber
	fromName := rules.CodeInferProvinceFromCourtName
	limitIn := func(want string) func(*testing.T, *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			t.Helper()
			if got := a.Limit.GetProvince(); got != want {
				t.Errorf("limit's province = %q, want %q", got, want)
			}
		}
	}
	return []tcase{
		{name: "浙0302 number, no province: 浙江's limit, small claims mandatory",
			filing: c(id("(2024)浙0302民初1002号"), none), avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			fires: []string{fromNumber}, silent: []string{fromName, rules.CodeLimitUnknown}, extra: limitIn("浙江省")},
		{name: "浙0302 number, province stated: nothing inferred",
			filing: c(), avail: av(pSC, avA), silent: []string{fromNumber, fromName}, extra: limitIn("浙江省")},
		{name: "浙0302 number, province all spaces: read as none",
			filing: c(id("(2024)浙0302民初1002号"), province("  ")), avail: av(pSC, avA),
			fires: []string{fromNumber}, extra: limitIn("浙江省")},
		{name: "兵0801 number, no province: 新疆 (the Corps branch of 新疆's high court)",
			filing: c(id("(2024)兵0801民初11号"), court("石河子市人民法院"), none),
			fires:  []string{fromNumber}, silent: []string{rules.CodeLimitUnknown}, extra: limitIn("新疆维吾尔自治区")},
		{name: "no case number, the court's name gives 浙江省",
			filing: c(id("WZ-2024-001"), court("浙江省温州市鹿城区人民法院"), none), avail: av(pSC, avA), mandatory: ptr(true),
			fires: []string{fromName}, silent: []string{fromNumber, rules.CodeLimitUnknown}, extra: limitIn("浙江省")},
		{name: "no case number, a pilot city's district court (沈阳市和平区): 辽宁",
			filing: c(id("SY-2024-001"), court("沈阳市和平区人民法院"), none),
			fires:  []string{fromName}, silent: []string{fromNumber, rules.CodeLimitUnknown}, extra: limitIn("辽宁省")},
		// Outside check 12: the official names of a municipality's special
		// courts carry it without 市, and the civil pilot's cities are
		// known by their districts and counties as the criminal pilot's
		// are; all were LIMIT_UNKNOWN through rules 2026-12-04.17.
		{name: "no case number, 北京互联网法院 (official name, no 市): 北京",
			filing: c(id("BJI-2024-001"), court("北京互联网法院"), none), avail: av(pSC, avA), mandatory: ptr(true),
			fires: []string{fromName}, silent: []string{fromNumber, rules.CodeLimitUnknown}, extra: limitIn("北京市")},
		{name: "no case number, 上海铁路运输法院: 上海",
			filing: c(id("SHT-2024-001"), court("上海铁路运输法院"), none),
			fires:  []string{fromName}, silent: []string{rules.CodeLimitUnknown}, extra: limitIn("上海市")},
		{name: "no case number, 重庆两江新区人民法院: 重庆",
			filing: c(id("CQ-2024-001"), court("重庆两江新区人民法院"), none),
			fires:  []string{fromName}, silent: []string{rules.CodeLimitUnknown}, extra: limitIn("重庆市")},
		{name: "no case number, a civil pilot city's district court (成都市武侯区): 四川",
			filing: c(id("CD-2024-001"), court("成都市武侯区人民法院"), none),
			fires:  []string{fromName}, silent: []string{rules.CodeLimitUnknown}, extra: limitIn("四川省")},
		{name: "no case number, a civil pilot city's county-level court (昆山市): 江苏",
			filing: c(id("KS-2024-001"), court("昆山市人民法院"), none),
			fires:  []string{fromName}, silent: []string{rules.CodeLimitUnknown}, extra: limitIn("江苏省")},
		{name: "成都市武侯区人民法院 stated in 江苏省: the conflict is reviewed",
			filing: c(id("CD-2024-002"), court("成都市武侯区人民法院"), province("江苏省")), review: ptr(true),
			fires: []string{rules.CodeReviewCourtProvince}, silent: []string{fromName}, extra: limitIn("江苏省")},
		{name: "成都市武侯区人民法院 stated in 四川省: nothing inferred, no conflict",
			filing: c(id("CD-2024-003"), court("成都市武侯区人民法院"), province("四川省")),
			silent: []string{fromName, fromNumber, rules.CodeReviewCourtProvince}, extra: limitIn("四川省")},
		{name: "no case number, 天津海事法院: a maritime court's name places no province",
			filing: c(id("TJM-2024-001"), courtAt("天津海事法院", intermediateCourt), cause("海上货物运输合同纠纷"), none),
			silent: []string{fromNumber, fromName}, extra: limitIn("")},
		{name: "no case number, 西城区人民法院 (a district alone): the limit is unknown",
			filing: c(id("XC-2024-001"), court("西城区人民法院"), none),
			fires:  []string{rules.CodeLimitUnknown}, silent: []string{fromNumber, fromName}},
		{name: "no case number, a district alone (和平区: 天津 and 沈阳): the limit is unknown",
			filing: c(id("SY-2024-002"), court("和平区人民法院"), none), avail: av(pSC, avD),
			fires: []string{rules.CodeLimitUnknown}, silent: []string{fromNumber, fromName}},
		{name: "no case number, the court's name gives no province: the limit is unknown",
			filing: c(id("WZ-2024-002"), none), avail: av(pSC, avD), review: ptr(true),
			fires: []string{rules.CodeLimitUnknown}, silent: []string{fromNumber, fromName}, extra: limitIn("")},
		{name: "pre-2016 number names no province: the limit is unknown",
			filing: c(id("(2015)鹿民初字第00012号"), filedOn("2015-06-01"), none), avail: av(pSC, avD), review: ptr(true),
			silent: []string{fromNumber, fromName}},
		{name: "maritime court's number (…72) names no province",
			filing: c(id("(2024)浙72民初11号"), courtAt("宁波海事法院", intermediateCourt), cause("海上货物运输合同纠纷"), none),
			silent: []string{fromNumber, fromName}, extra: limitIn("")},
		{name: "辽0103 number, no province, a court named in 浙江省: 辽宁 from the number, the conflict reviewed",
			filing: c(id("(2024)辽0103民初11号"), court("浙江省杭州市上城区人民法院"), none), review: ptr(true),
			fires: []string{fromNumber, rules.CodeReviewCourtProvince}, silent: []string{fromName}, extra: limitIn("辽宁省")},
		{name: "criminal 京0108 number, no province, 2017: the 北京 fast-track pilot",
			filing: crim(4, id("(2017)京0108刑初100号"), court("海淀区人民法院"), filedOn("2017-06-01"), none),
			avail:  av(pFT, avA), fires: []string{fromNumber, at(locFT, rules.CodePilot2016Eligible)}},
		{name: "criminal, no case number, 海淀区人民法院, no province, 2017: no pilot city known",
			filing: crim(4, id("BJ-2017-100"), court("海淀区人民法院"), filedOn("2017-06-01"), none),
			silent: []string{fromNumber, fromName, rules.CodePilot2016Eligible}},
	}
}

// TestProvinceInference runs provinceInferenceCases.
func TestProvinceInference(t *testing.T) { runTable(t, provinceInferenceCases(t)) }

// TestProvinceInferenceLeavesTheFilingAlone: the inference reads a copy; the
// caller's filing (stored as received) keeps its empty province.
func TestProvinceInferenceLeavesTheFilingAlone(t *testing.T) {
	f := with(civilBase(t), id("(2024)浙0302民初1002号"), province(""))
	if _, err := defaultEngine(t).Evaluate(f); err != nil {
		t.Fatal(err)
	}
	if f.GetProvince() != "" {
		t.Errorf("Evaluate changed the caller's filing: province = %q", f.GetProvince())
	}
}
