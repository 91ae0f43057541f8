package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// artPilot2020 is the provision a pilot court's limit cites.
const artPilot2020 = "《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条"

// pilotLimitShows checks the decision shows the pilot's fixed figures: no
// share of a wage, announced (not derived), from the 实施办法's issue date.
var pilotLimitShows = limitShows(artPilot2020, 0, false, "2020-01-15", 50000_00, 100000_00)

// civilPilotCases covers small claims under the civil 繁简分流 pilot
// (rules/civilpilot.go): a basic court of a pilot city filed 2020-01-15 to
// 2021-12-31 applies ≤ ¥50,000 (mandatory) and ≤ ¥100,000 (by agreement)
// in place of CPL 2017 art. 162's 30%. 浙江's 30% figures, the exact shares
// of the rules file's wages (rules 2026-12-04.31): 26,664.90 from
// 2019-07-01, 29,896.20 from 2020-07-01, 32,593.50 from 2021-07-01; 50% =
// 54,322.50 from 2022-01-01 and the notice's 54,323 from 2022-01-11. Each rule has its refusal case
// (the pilot's answer, which the statute's 30% would refuse) and its near
// misses: the days either side, a non-pilot city, an intermediate court, a
// maritime court, the bands to the fen, an excluded cause.
func civilPilotCases(tb testing.TB) []tcase {
	base := civilBase(tb)
	hz := func(day string, amount int64, mods ...mod) *triagev1.Filing {
		return with(base, append([]mod{province("浙江省"), court("杭州市西湖区人民法院"), filedOn(day), fen(amount)}, mods...)...)
	}
	// 温州 was in neither pilot: the statute throughout.
	wz := func(day string, amount int64, mods ...mod) *triagev1.Filing {
		return with(base, append([]mod{province("浙江省"), court("温州市鹿城区人民法院"), filedOn(day), fen(amount)}, mods...)...)
	}
	agree := circ(agreeSmallClaims)
	pilotCodes := []string{rules.CodePilot2020Mandatory, rules.CodePilot2020Agreement, rules.CodePilot2020OverMandatory, rules.CodePilot2020OverAgreement}
	statute := func(extra ...string) []string { return append(append([]string{}, pilotCodes...), extra...) }
	return []tcase{
		// The mandatory band: 30% < claim ≤ ¥50,000.
		{
			name: "杭州 2021-03-01 ¥40,000 (over 30% = 29,896): the pilot's small claims, mandatory", filing: hz("2021-03-01", 40000_00),
			avail: av(pSC, avA, pSimp, avA, pOrd, avA), mandatory: ptr(true), review: ptr(false),
			fires:  []string{at(locSC, rules.CodePilot2020Mandatory)},
			silent: []string{rules.CodeCPL162OverLimit, rules.CodeCPL162Mandatory, rules.CodeLimitUnknown},
			extra: func(t *testing.T, a *rules.Assessment) {
				t.Helper()
				pilotLimitShows(t, a)
				if a.Facts.CivilPilot != "杭州" {
					t.Errorf("Facts.CivilPilot = %q, want 杭州", a.Facts.CivilPilot)
				}
			},
		},
		{
			name: "near miss: 温州 (no pilot) 2021-03-01 ¥40,000: over CPL 2017 art. 162's 30%", filing: wz("2021-03-01", 40000_00),
			avail: av(pSC, avU, pSimp, avA), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: statute(),
			extra: func(t *testing.T, a *rules.Assessment) {
				t.Helper()
				limitShows(art162of2017, 30, true, "2020-07-01", 29896_20, 0)(t, a)
				if a.Facts.CivilPilot != "" {
					t.Errorf("Facts.CivilPilot = %q at 温州", a.Facts.CivilPilot)
				}
			},
		},
		{
			name: "near miss: 温州 ¥40,000 with agreement: CPL 162 had no agreement band", filing: wz("2021-03-01", 40000_00, agree),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: statute(rules.CodeCPL165Agreement),
		},
		{
			name: "杭州 ¥29,896.21, one fen over 浙江's 30%: the pilot's mandatory band", filing: hz("2021-03-01", 29896_21),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodePilot2020Mandatory)},
			silent: []string{rules.CodeCPL162OverLimit},
		},
		{
			name: "near miss: 温州 ¥29,896.21: one fen over CPL 2017 art. 162's 30%", filing: wz("2021-03-01", 29896_21),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: statute(),
		},
		{
			name: "near miss: 温州 ¥29,896.20: within the 30%", filing: wz("2021-03-01", 29896_20),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodeCPL162Mandatory)},
			silent: statute(),
		},
		{
			name: "杭州 ¥50,000.00 exactly: within the mandatory band (以下 includes the figure)", filing: hz("2021-03-01", 50000_00),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodePilot2020Mandatory)},
			silent: []string{rules.CodePilot2020OverMandatory},
		},
		{
			name: "杭州 ¥50,000.01 without agreement: over the pilot's ¥50,000", filing: hz("2021-03-01", 50000_01),
			avail: av(pSC, avU, pSimp, avA), review: ptr(false),
			fires:  []string{at(locSC, rules.CodePilot2020OverMandatory)},
			silent: []string{rules.CodePilot2020Mandatory, rules.CodePilot2020Agreement, rules.CodeCPL162OverLimit},
		},
		// The agreement band: ¥50,000 < claim ≤ ¥100,000.
		{
			name: "杭州 ¥50,000.01 with agreement: the pilot's agreement band", filing: hz("2021-03-01", 50000_01, agree),
			avail: av(pSC, avA), mandatory: ptr(false), review: ptr(false),
			fires:  []string{at(locSC, rules.CodePilot2020Agreement)},
			silent: []string{rules.CodePilot2020OverMandatory, rules.CodeCPL165Agreement, rules.CodeLimitAgreementUnknown},
		},
		{
			name: "杭州 ¥100,000.00 with agreement: within ¥100,000", filing: hz("2021-03-01", 100000_00, agree),
			avail: av(pSC, avA), mandatory: ptr(false),
			fires:  []string{at(locSC, rules.CodePilot2020Agreement)},
			silent: []string{rules.CodePilot2020OverAgreement},
		},
		{
			name: "杭州 ¥100,000.01 with agreement: over ¥100,000 whatever the parties agree", filing: hz("2021-03-01", 100000_01, agree),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodePilot2020OverAgreement)},
			silent: []string{rules.CodePilot2020Agreement, rules.CodeCPL165OverAgreement},
		},
		// The days: from the 实施办法's issue to CPL 2021.
		{
			name: "near miss: 杭州 2020-01-14, the day before the 实施办法: CPL 2017 art. 162 (26,664.90)", filing: hz("2020-01-14", 40000_00),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: statute(),
			extra:  limitShows(art162of2017, 30, true, "2019-07-01", 26664_90, 0),
		},
		{
			name: "杭州 2020-01-15, the issue date: the pilot", filing: hz("2020-01-15", 40000_00),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodePilot2020Mandatory)},
			silent: []string{rules.CodeCPL162OverLimit},
			extra:  pilotLimitShows,
		},
		{
			name: "杭州 2021-12-31 ¥52,000: the pilot's last day, over ¥50,000", filing: hz("2021-12-31", 52000_00),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodePilot2020OverMandatory)},
			silent: []string{rules.CodeCPL165Mandatory, rules.CodeCPL162OverLimit},
		},
		{
			name: "near miss: 杭州 2022-01-01 ¥52,000: CPL 165, under 50% (54,323)", filing: hz("2022-01-01", 52000_00),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodeCPL165Mandatory)},
			silent: statute(),
			extra: func(t *testing.T, a *rules.Assessment) {
				t.Helper()
				if a.Limit.GetArticle() != art165 || a.Facts.CivilPilot != "" {
					t.Errorf("limit %v, pilot %q on 2022-01-01", a.Limit, a.Facts.CivilPilot)
				}
			},
		},
		// The courts.
		{
			name: "near miss: 杭州市中级人民法院 ¥40,000: small claims is a basic court's", filing: hz("2021-03-01", 40000_00, court("杭州市中级人民法院"), level(intermediateCourt)),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locSC, rules.CodeCPL162CourtLevel)},
			silent: statute(),
			extra:  limitShows(art162of2017, 30, true, "2020-07-01", 29896_20, 0),
		},
		{
			name: "near miss: 宁波海事法院 ¥20,000: no pilot court, Interp. 2015 art. 273 at 30%", filing: hz("2021-03-01", 20000_00, court("宁波海事法院"), level(intermediateCourt), cause("海上货物运输合同纠纷")),
			avail:  av(pSC, avA),
			fires:  []string{at(locSC, rules.CodeInterp2015MaritimeOptional)},
			silent: statute(),
		},
		{
			name: "杭州互联网法院 ¥40,000: an internet court of the pilot", filing: hz("2021-03-01", 40000_00, court("杭州互联网法院")),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodePilot2020Mandatory)},
			silent: []string{rules.CodeCPL162OverLimit},
		},
		{
			name: "昆山市人民法院 ¥40,000: a county-level city under 苏州", filing: hz("2021-03-01", 40000_00, province("江苏省"), court("昆山市人民法院")),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodePilot2020Mandatory)},
			silent: []string{rules.CodeCPL162OverLimit},
		},
		{
			name: "near miss: 江阴市人民法院 (无锡, no pilot) ¥40,000: CPL 162", filing: hz("2021-03-01", 40000_00, province("江苏省"), court("江阴市人民法院")),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: statute(),
		},
		{
			// Criminal pilot city, not a civil one.
			name: "near miss: 青岛市市南区人民法院 ¥40,000: 青岛 was in the criminal pilot only", filing: hz("2021-03-01", 40000_00, province("山东省"), court("青岛市市南区人民法院")),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: statute(),
		},
		{
			// 北京's 30% (53,453 from 2021-07-01) was above the pilot's
			// fixed ¥50,000: the pilot court's band is the narrower one.
			name: "北京市东城区 2021-08-02 ¥52,000: over the pilot's ¥50,000 though under 北京's 30%", filing: hz("2021-08-02", 52000_00, province("北京市"), court("北京市东城区人民法院")),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodePilot2020OverMandatory)},
			silent: []string{rules.CodeCPL162Mandatory},
		},
		{
			name: "东城区人民法院 with province 北京市: a municipality is a pilot city whole", filing: hz("2021-03-01", 40000_00, province("北京市"), court("东城区人民法院")),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires: []string{at(locSC, rules.CodePilot2020Mandatory)},
		},
		{
			// The court's name says 四川 (成都, a pilot city), the filing 浙江
			// (no pilot court by that name): the two laws answer otherwise.
			// A 2021 filing cites the conflict under CPL 2017 art. 162
			// (reviewCodesOn).
			name: "四川省成都市武侯区人民法院 stated in 浙江省: review, small claims undetermined", filing: hz("2021-03-01", 40000_00, court("四川省成都市武侯区人民法院")),
			avail: av(pSC, avD), review: ptr(true),
			fires:  []string{at(locSC, rules.CodeReviewCourtProvinceCPL2017), at(locReview, rules.CodeReviewCourtProvinceCPL2017)},
			silent: statute(),
		},
		// Bars: the exclusions of every 2020–2021 filing, and the pilot's own.
		{
			name: "杭州 侵害商标权纠纷 ¥10,000 with agreement: excluded, and the agreement cannot change it", filing: hz("2021-03-01", 10000_00, cause("侵害商标权纠纷"), agree),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeInterp2015IntellectualProp), at(locSC, rules.CodePilot2020AgreementExcluded)},
			silent: []string{rules.CodePilot2020Mandatory, rules.CodeCPL165AgreementExcluded},
		},
		{
			name: "near miss: 杭州 侵害商标权纠纷 without agreement: excluded, no agreement to refuse", filing: hz("2021-03-01", 10000_00, cause("侵害商标权纠纷")),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015IntellectualProp)},
			silent: []string{rules.CodePilot2020AgreementExcluded, rules.CodePilot2020Mandatory},
		},
		{
			name: "near miss: 温州 侵害商标权纠纷 with agreement: CPL 162 gave agreement no effect", filing: wz("2021-03-01", 10000_00, cause("侵害商标权纠纷"), agree),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015IntellectualProp)},
			silent: []string{rules.CodePilot2020AgreementExcluded, rules.CodeCPL165AgreementExcluded},
		},
		{
			name: "杭州 personal status ¥10,000: Interp. 2015 art. 275(1) at a pilot court too", filing: hz("2021-03-01", 10000_00, circ(func(c *triagev1.Circumstances) { c.PersonalStatus = true })),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015PersonalStatus)},
			silent: []string{rules.CodePilot2020Mandatory, rules.CodeCPL166PersonalStatus},
		},
		{
			name: "杭州 counterclaim ¥10,000: the pilot's small claims, Interp. 2015 art. 280 as condition", filing: hz("2021-03-01", 10000_00, circ(func(c *triagev1.Circumstances) { c.Counterclaim = true })),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodePilot2020Mandatory), at(locSC, rules.CodeInterp2015Counterclaim)},
			silent: []string{rules.CodeCPL166Counterclaim},
		},
		{
			name: "杭州 non-monetary claims: the pilot's small claims is for money", filing: hz("2021-03-01", 10000_00, circ(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodePilot2020NotMoneyPayment)},
			silent: []string{rules.CodeCPL162NotMoneyPayment, rules.CodePilot2020Mandatory},
		},
		{
			name: "near miss: 温州 non-monetary claims: CPL 2017 art. 162", filing: wz("2021-03-01", 10000_00, circ(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162NotMoneyPayment)},
			silent: []string{rules.CodePilot2020NotMoneyPayment},
		},
		{
			name: "杭州 民间借贷 with no amount: the pilot's band unknown, a person decides", filing: hz("2021-03-01", 0),
			avail: av(pSC, avD), review: ptr(true),
			fires:  []string{at(locSC, rules.CodePilot2020AmountNotStated), at(locReview, rules.CodePilot2020AmountNotStated)},
			silent: []string{rules.CodeCPL162AmountNotStated, rules.CodePilot2020NotMoneyPayment},
		},
		{
			name: "near miss: 杭州 民间借贷 of ¥1: stated, mandatory", filing: hz("2021-03-01", 1_00),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			silent: []string{rules.CodePilot2020AmountNotStated},
		},
	}
}

func TestCivilPilot(t *testing.T) { runTable(t, civilPilotCases(t)) }

// TestCivilPilotCityOf: the civil pilot's cities (the NPCSC decision of
// 2019-12-28) in the shared table, placed by the criminal pilot's rules;
// the criminal lookup does not see the civil-only cities.
func TestCivilPilotCityOf(t *testing.T) {
	for _, tc := range []struct {
		court, province, civil, crim string
	}{
		{"江苏省苏州市姑苏区人民法院", "江苏省", "苏州", ""},
		{"昆山市人民法院", "", "苏州", ""},
		{"宁波市鄞州区人民法院", "浙江省", "宁波", ""},
		{"余姚市人民法院", "浙江省", "宁波", ""},
		{"合肥市蜀山区人民法院", "安徽省", "合肥", ""},
		{"洛阳市西工区人民法院", "河南省", "洛阳", ""},
		{"嵩县人民法院", "河南省", "洛阳", ""},
		{"成都市武侯区人民法院", "四川省", "成都", ""},
		{"贵阳市云岩区人民法院", "贵州省", "贵阳", ""},
		{"石林彝族自治县人民法院", "云南省", "昆明", ""},
		{"银川市兴庆区人民法院", "宁夏回族自治区", "银川", ""},
		{"杭州市西湖区人民法院", "浙江省", "杭州", "杭州"},
		{"杭州互联网法院", "", "杭州", ""},
		{"广州互联网法院", "广东省", "广州", ""},
		{"北京互联网法院", "", "北京", ""},
		{"朝阳区人民法院", "北京市", "北京", "北京"},
		// Criminal pilot cities that were not civil ones.
		{"青岛市市南区人民法院", "山东省", "", "青岛"},
		{"天津市和平区人民法院", "天津市", "", "天津"},
		{"长沙县人民法院", "湖南省", "", "长沙"},
		// A stated province other than the city's rules the match out.
		{"成都市武侯区人民法院", "陕西省", "", ""},
		{"四川省成都市武侯区人民法院", "北京市", "", ""},
		// Not placed.
		{"温州市鹿城区人民法院", "浙江省", "", ""},
		{"苏州工业园区人民法院", "江苏省", "", ""},
	} {
		if got := rules.CivilPilotCityOf(tc.court, tc.province); got != tc.civil {
			t.Errorf("CivilPilotCityOf(%q, %q) = %q, want %q", tc.court, tc.province, got, tc.civil)
		}
		if got := rules.PilotCityOf(tc.court, tc.province); got != tc.crim {
			t.Errorf("PilotCityOf(%q, %q) = %q, want %q", tc.court, tc.province, got, tc.crim)
		}
	}
}
