package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// at places a filing at a court of a province.
func courtIn(name, prov string) mod {
	return func(f *triagev1.Filing) { f.Court, f.Province = name, prov }
}

// zhengzhou is a basic court of a pilot city (郑州, both NPCSC decisions).
var zhengzhou = courtIn("河南省郑州市中原区人民法院", "河南省")

// pilotCases covers the fast-track pilot before 2018-10-26: the NPCSC
// decisions of 2014-06-27 (速裁程序试点, one year, listed offences) and
// 2016-09-03 (认罪认罚从宽试点, the fast-track pilot continued with a cap of
// three years under the 2016 试点办法 art. 16), each boundary with the day on
// either side, and the courts just outside. The base is criminal_dui.json:
// 危险驾驶罪, admits and accepts, consents, 4 months.
func pilotCases(tb testing.TB) []tcase {
	base := crimBase(tb)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	ft2014 := at(locFT, rules.CodePilot2014Eligible)
	ft2016 := at(locFT, rules.CodePilot2016Eligible)
	pilotSilent := []string{rules.CodePilot2014Eligible, rules.CodePilot2016Eligible, rules.CodePilotLapsed}
	crplSilent := []string{rules.CodeCrPL222NotInForce, rules.CodeCrPL222Eligible, rules.CodeCrPL222NoConsent}
	return []tcase{
		// The second phase, and its end at the amendment.
		{
			name:   "pilot 2016: 郑州 basic court, 2018-06-25, 2 months, consent: fast-track under the pilot",
			filing: w(zhengzhou, filedOn("2018-06-25"), sentence(2)),
			avail:  av(pFT, avA, pSimp, avA),
			fires:  []string{ft2016},
			silent: append(append([]string{}, crplSilent...), rules.CodePilot2014Eligible, rules.CodePilotLapsed),
		},
		{
			name:   "pilot 2016: the day before the amendment still the pilot",
			filing: w(zhengzhou, filedOn("2018-10-25")),
			avail:  av(pFT, avA),
			fires:  []string{ft2016},
			silent: []string{rules.CodeCrPL222Eligible, rules.CodeCrPL222NotInForce},
		},
		{
			name:   "pilot city on the amendment's day: CrPL 222, no pilot",
			filing: w(zhengzhou, filedOn("2018-10-26")),
			avail:  av(pFT, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222Eligible)},
			silent: pilotSilent,
		},
		{
			name:   "pilot 2016: 36 months is within three years",
			filing: w(zhengzhou, filedOn("2018-01-02"), sentence(36)),
			avail:  av(pFT, avA),
			fires:  []string{ft2016},
			silent: []string{rules.CodePilot2016Over3Y, rules.CodePilot2014Over1Y},
		},
		{
			name:   "pilot 2016: 37 months is not",
			filing: w(zhengzhou, filedOn("2018-01-02"), sentence(37)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodePilot2016Over3Y)},
			silent: []string{rules.CodeCrPL222SentenceOver3Y, rules.CodeCrPL222NotInForce},
		},
		{
			name:   "pilot 2016: 13 months is within three years (the first phase's cap is gone)",
			filing: w(zhengzhou, filedOn("2017-03-01"), sentence(13)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Over1Y, rules.CodePilot2016Over3Y},
		},
		{
			name:   "pilot 2016: no offence list (非法拘禁罪)",
			filing: w(zhengzhou, filedOn("2017-03-01"), cause("非法拘禁罪")),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Offence},
		},
		{
			name:   "pilot 2016 opens on 2016-11-30",
			filing: w(zhengzhou, filedOn("2016-11-30")),
			avail:  av(pFT, avA),
			fires:  []string{ft2016},
			silent: []string{rules.CodePilotLapsed},
		},
		// Between the phases.
		{
			name:   "between the phases (2016-11-29): lapsed, not in force",
			filing: w(zhengzhou, filedOn("2016-11-29")),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodePilotLapsed), at(locFT, rules.CodeCrPL222NotInForce)},
			silent: []string{rules.CodePilot2016Eligible, rules.CodePilot2014Eligible},
		},
		{
			name:   "between the phases (2016-08-22): the first phase has ended",
			filing: w(zhengzhou, filedOn("2016-08-22")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodePilot2014Lapsed)},
			silent: []string{rules.CodePilot2014Eligible},
		},
		// The first phase.
		{
			name:   "pilot 2014: last day 2016-08-21",
			filing: w(zhengzhou, filedOn("2016-08-21")),
			avail:  av(pFT, avA),
			fires:  []string{ft2014},
			silent: []string{rules.CodePilotLapsed, rules.CodePilot2016Eligible},
		},
		{
			name:   "pilot 2014: first day 2014-08-26",
			filing: w(zhengzhou, filedOn("2014-08-26")),
			avail:  av(pFT, avA),
			fires:  []string{ft2014},
			silent: []string{rules.CodeCrPL222NotInForce},
		},
		{
			name:   "the day before the first 试点办法 (2014-08-25): not in force",
			filing: w(zhengzhou, filedOn("2014-08-25")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222NotInForce)},
			silent: append(append([]string{}, pilotSilent...), rules.CodePilotNoConsent, rules.CodePilot2014NoConsent),
		},
		{
			name:   "pilot 2014: 12 months is within one year",
			filing: w(zhengzhou, filedOn("2015-05-05"), sentence(12)),
			avail:  av(pFT, avA),
			fires:  []string{ft2014},
			silent: []string{rules.CodePilot2014Over1Y},
		},
		{
			name:   "pilot 2014: 13 months is not",
			filing: w(zhengzhou, filedOn("2015-05-05"), sentence(13)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodePilot2014Over1Y)},
			silent: []string{rules.CodePilot2016Over3Y},
		},
		{
			name:   "pilot 2014: a fine alone is within the decision's list",
			filing: w(zhengzhou, filedOn("2015-05-05"), sentenceKind(fineOnly, 0)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Over1Y, rules.CodePilot2014SentenceUnknown, rules.CodePilotSentenceUnknown},
		},
		{
			name:   "pilot 2014: suspended without its term is not established within one year",
			filing: w(zhengzhou, filedOn("2015-05-05"), sentenceKind(suspended, 0)),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodePilot2014Over1Y)},
		},
		// The 试点办法's eleven: six charges and five classes.
		{
			name:   "pilot 2014: 非法拘禁罪 is one of the 试点办法's charges",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("非法拘禁罪")),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Offence},
		},
		{
			name:   "pilot 2014: 容留他人吸毒罪 is a drug offence (刑法 ch. 6 s. 7)",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("容留他人吸毒罪")),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Offence},
		},
		{
			name:   "pilot 2014: 走私、贩卖、运输、制造毒品罪, the section's first charge",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("贩卖毒品罪")),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Offence},
		},
		{
			name:   "pilot 2014: 对非国家工作人员行贿罪 is a bribe-giving offence",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("对非国家工作人员行贿罪")),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Offence},
		},
		{
			name:   "pilot 2014: 合同诈骗罪 is of the 诈骗 class",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("合同诈骗罪")),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Offence},
		},
		{
			name:   "pilot 2014: 受贿罪 takes a bribe, it does not give one",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("受贿罪")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodePilot2014Offence)},
		},
		{
			name:   "pilot 2014: 聚众扰乱公共场所秩序、交通秩序罪: in a public place is not stated",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("聚众扰乱公共场所秩序、交通秩序罪")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodePilot2014Offence)},
		},
		{
			name:   "pilot 2014: 非法经营罪 is not on the list",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("非法经营罪")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodePilot2014Offence)},
		},
		{
			name:   "pilot 2014: 故意伤害罪 is (伤害)",
			filing: w(zhengzhou, filedOn("2015-05-05"), cause("故意伤害罪")),
			avail:  av(pFT, avA),
			silent: []string{rules.CodePilot2014Offence},
		},
		// The pilot's own conditions: not established, not met.
		{
			name:   "pilot: no consent stated",
			filing: w(zhengzhou, filedOn("2018-06-25"), circ(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = false })),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodePilotNoConsent)},
			silent: []string{rules.CodeCrPL222NoConsent, rules.CodePilotNoGuiltyPlea},
		},
		{
			name:   "pilot: admits without accepting the recommendation",
			filing: w(zhengzhou, filedOn("2018-06-25"), plea(true, false)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodePilotNoGuiltyPlea)},
			silent: []string{rules.CodeCrPL222NoAcceptance},
		},
		{
			name:   "pilot: no sentence stated",
			filing: w(zhengzhou, filedOn("2018-06-25"), sentence(0), cause("盗窃罪")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodePilotSentenceUnknown)},
			silent: []string{rules.CodeCrPL222SentenceUnknown},
		},
		{
			name:   "pilot: a minor defendant is excluded",
			filing: w(zhengzhou, filedOn("2018-06-25"), party(0, minor)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodePilotExcluded)},
			silent: []string{rules.CodeCrPL223Minor},
		},
		{
			name:   "pilot: a remanded case still needs a new panel",
			filing: w(zhengzhou, filedOn("2018-06-25"), circ(func(c *triagev1.Circumstances) { c.Remanded = true })),
			avail:  av(pFT, avU),
			// 2018-06-25: the 2012 amendment's art. 228, not the 2018 text's 239.
			fires:  []string{at(locFT, rules.CodeCrPL2012RemandedFastTrack), at(locSimp, rules.CodeCrPL2012RemandedPanel)},
			silent: []string{rules.CodePilotExcluded, rules.CodeCrPL239FastTrackBarred},
		},
		// Which courts.
		{
			name:   "a county-level city under 福州 (福建省长乐市人民法院, 2017)",
			filing: w(courtIn("福建省长乐市人民法院", "福建省"), filedOn("2017-09-14")),
			avail:  av(pFT, avA),
			fires:  []string{ft2016},
		},
		{
			name:   "a county under 长沙 (湖南省长沙县人民法院)",
			filing: w(courtIn("湖南省长沙县人民法院", "湖南省"), filedOn("2018-09-10")),
			avail:  av(pFT, avA),
			fires:  []string{ft2016},
		},
		{
			name:   "just outside 郑州: 河南省辉县市人民法院 (新乡)",
			filing: w(courtIn("河南省辉县市人民法院", "河南省"), filedOn("2018-06-25")),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222NotInForce)},
			silent: pilotSilent,
		},
		{
			name:   "a 上海 district court named without the municipality, province 上海市 (2017)",
			filing: w(courtIn("松江区人民法院", "上海市"), filedOn("2017-06-12")),
			avail:  av(pFT, avA),
			fires:  []string{ft2016},
		},
		{
			name:   "the same bare district name without a province: no pilot city known",
			filing: w(courtIn("松江区人民法院", ""), filedOn("2017-06-12")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222NotInForce)},
			silent: pilotSilent,
		},
		{
			name:   "a district named 西安 in 辽源 is not 西安",
			filing: w(courtIn("吉林省辽源市西安区人民法院", "吉林省"), filedOn("2018-06-25")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222NotInForce)},
			silent: pilotSilent,
		},
		{
			name:   "an intermediate court of a pilot city: no pilot",
			filing: w(courtIn("河南省郑州市中级人民法院", "河南省"), level(intermediateCourt), filedOn("2018-06-25")),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222NotInForce)},
			silent: pilotSilent,
		},
		// Before 2018-10-26 outside a pilot, fast-track is closed by the
		// law's date alone: art. 222's conditions, which would cite an
		// article not yet in force, are not listed (outside check 18).
		{
			name:   "before the amendment outside a pilot: art. 222's conditions not cited",
			filing: w(courtIn("河南省郑州市中级人民法院", "河南省"), level(intermediateCourt), filedOn("2017-03-01")),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222NotInForce)},
			silent: []string{rules.CodeCrPL222CourtLevel, rules.CodeCrPL222NoConsent, rules.CodeCrPL222SentenceUnknown, rules.CodeCrPL222NoGuiltyPlea},
		},
	}
}

func TestPilot(t *testing.T) { runTable(t, pilotCases(t)) }

// TestPilotCityOf: the court → city table (rules/pilot.go), with the names
// that must not match.
func TestPilotCityOf(t *testing.T) {
	for _, tc := range []struct{ court, province, want string }{
		{"福建省福州市鼓楼区人民法院", "福建省", "福州"},
		{"福建省长乐市人民法院", "福建省", "福州"},
		{"福建省长乐市人民法院", "", "福州"},
		{"长乐市人民法院", "浙江省", ""}, // a stated province rules it out
		{"广东省深圳市福田区人民法院", "广东省", "深圳"},
		{"山东省青岛市黄岛区人民法院", "山东省", "青岛"},
		{"山东省胶州市人民法院", "山东省", "青岛"},
		{"上海市松江区人民法院", "上海市", "上海"},
		{"上海市松江区人民法院", "310000", "上海"},
		// A municipality's court named without it: the province places it.
		{"松江区人民法院", "上海市", "上海"},
		{"海淀区人民法院", "北京", "北京"},
		{"重庆市渝中区人民法院", "500000", "重庆"},
		{"松江区人民法院", "", ""},       // near miss: no province, a bare district
		{"海淀区人民法院", "河北省", ""},    // near miss: another province
		{"北京市海淀区人民法院", "河北省", ""}, // a stated province rules the name out
		{"江苏省昆山市人民法院", "上海市", ""}, // the name says another province: nothing established
		{"湖南省长沙县人民法院", "湖南省", "长沙"},
		{"湖南省浏阳市人民法院", "湖南", "长沙"},
		{"湖南省湘潭县人民法院", "湖南省", ""},
		{"浙江省海盐县人民法院", "浙江省", ""},
		{"河南省辉县市人民法院", "河南省", ""},
		{"吉林省辽源市西安区人民法院", "吉林省", ""},
		{"江苏省徐州市鼓楼区人民法院", "江苏省", ""}, // 鼓楼区 alone is not 福州 or 南京
		{"常州市金坛区人民法院", "江苏省", ""},
		{"陕西省户县人民法院", "陕西省", "西安"},
	} {
		if got := rules.PilotCityOf(tc.court, tc.province); got != tc.want {
			t.Errorf("PilotCityOf(%q, %q) = %q, want %q", tc.court, tc.province, got, tc.want)
		}
	}
}
