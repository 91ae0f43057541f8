package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func TestStatutoryCeilings(t *testing.T) { runTable(t, ceilingCases(t)) }

// ceilingCases: 刑事诉讼法第二百二十二条第一款 asks whether the case "可能判处
// 三年有期徒刑以下刑罚". A filing without a sentencing recommendation
// establishes that when its one charge cannot be punished by more (危险驾驶罪,
// 刑法第一百三十三条之一: 处拘役; 重婚罪, 第二百五十八条: 二年以下; 赌博罪,
// 第三百零三条第一款: 三年以下). Near misses: a charge that reaches beyond
// three years (盗窃罪), two charges (数罪并罚, 刑法第六十九条, can exceed
// either maximum), a stated recommendation (the rules read it as given), a
// filing before the charge's article was in force.
func ceilingCases(tb testing.TB) []tcase {
	base := with(crimBase(tb), sentence(0)) // 危险驾驶罪, admits, accepts, consents
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	infer := at(locInfer, rules.CodeInferSentenceFromCharge)
	names := func(charge, article string) func(t *testing.T, a *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			t.Helper()
			for _, r := range a.Inferences {
				if r.GetCode() == rules.CodeInferSentenceFromCharge {
					if !strings.Contains(r.GetMessage(), charge) || !strings.Contains(r.GetMessage(), article) {
						t.Errorf("inference %q does not name %s and %s", r.GetMessage(), charge, article)
					}
					return
				}
			}
			t.Errorf("no %s inference", rules.CodeInferSentenceFromCharge)
		}
	}
	return []tcase{
		{
			name:   "危险驾驶罪, no recommendation: 拘役 at most, fast-track open",
			filing: w(),
			avail:  av(pFT, avA, pSimp, avA, pOrd, avA),
			fires:  []string{infer, at(locFT, rules.CodeCrPL222Eligible)},
			silent: []string{rules.CodeCrPL222SentenceUnknown, rules.CodeCrPL216PanelRequired},
			extra:  names("危险驾驶罪", "刑法第一百三十三条之一"),
		},
		{
			name:   "危险驾驶 written without 罪: the same charge",
			filing: w(cause("危险驾驶")),
			avail:  av(pFT, avA),
			fires:  []string{infer},
		},
		{
			name:   "重婚罪 (二年以下), no recommendation: fast-track open",
			filing: w(cause("重婚罪")),
			avail:  av(pFT, avA),
			fires:  []string{infer},
			extra:  names("重婚罪", "刑法第二百五十八条"),
		},
		{
			name:   "赌博罪 (三年以下), no recommendation: fast-track open",
			filing: w(cause("赌博罪")),
			avail:  av(pFT, avA),
			fires:  []string{infer},
		},
		{
			name:   "near miss: 盗窃罪 reaches 无期徒刑: no recommendation, no fast-track",
			filing: w(cause("盗窃罪")),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceUnknown)},
			silent: []string{rules.CodeInferSentenceFromCharge},
		},
		{
			name:   "near miss: 开设赌场罪 is not 赌博罪 (五年以上 since 刑法修正案（十一）)",
			filing: w(cause("开设赌场罪")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceUnknown)},
			silent: []string{rules.CodeInferSentenceFromCharge},
		},
		{
			name:   "near miss: two charges, each within three years: 数罪并罚 may exceed both",
			filing: w(cause("危险驾驶罪、妨害公务罪")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceUnknown)},
			silent: []string{rules.CodeInferSentenceFromCharge},
		},
		{
			name:   "near miss: a stated recommendation governs, nothing inferred",
			filing: w(sentence(2)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodeInferSentenceFromCharge, rules.CodeCrPL222SentenceUnknown},
		},
		{
			name:   "the ceiling opens no bar the filing has: without consent, no fast-track",
			filing: w(circ(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = false })),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{infer, at(locFT, rules.CodeCrPL222NoConsent)},
			silent: []string{rules.CodeCrPL222SentenceUnknown},
		},
		{
			name:   "妨害安全驾驶罪 on 2021-03-01, the day 刑法修正案（十一） took effect",
			filing: w(cause("妨害安全驾驶罪"), filedOn("2021-03-01")),
			avail:  av(pFT, avA),
			fires:  []string{infer},
			extra:  names("妨害安全驾驶罪", "刑法第一百三十三条之二"),
		},
		{
			name:   "near miss: 妨害安全驾驶罪 on 2021-02-28, before its article existed",
			filing: w(cause("妨害安全驾驶罪"), filedOn("2021-02-28")),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceUnknown)},
			silent: []string{rules.CodeInferSentenceFromCharge},
		},
		// CrPL 1996 art. 174(1): simplified procedure only where "依法可能判处
		// 三年以下有期徒刑、拘役、管制、单处罚金"; 危险驾驶罪 from 2011-05-01
		// (刑法修正案（八）).
		{
			name:   "1996 law: 危险驾驶罪 on 2012-12-31 without recommendation is within the cap",
			filing: w(filedOn("2012-12-31"), courtIn("浙江省衢州市柯城区人民法院", "浙江省")),
			avail:  av(pSimp, avA),
			fires:  []string{at(locInfer, rules.CodeInferSentenceFromCharge1996)},
			silent: []string{rules.CodeCrPL1996SentenceCap},
		},
		{
			name:   "near miss: 危险驾驶罪 on 2011-04-30, before 刑法修正案（八）: the cap is not established",
			filing: w(filedOn("2011-04-30"), courtIn("浙江省衢州市柯城区人民法院", "浙江省")),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL1996SentenceCap)},
			silent: []string{rules.CodeInferSentenceFromCharge},
		},
		// The 2014 pilot: 一年以下有期徒刑、拘役、管制 or a fine alone; the 2016
		// pilot: 三年以下.
		{
			name:   "2014 pilot: 危险驾驶罪 (拘役) without recommendation is within one year",
			filing: w(zhengzhou, filedOn("2014-08-26")),
			avail:  av(pFT, avA),
			fires:  []string{at(locInfer, rules.CodeInferSentenceFromCharge2012), at(locFT, rules.CodePilot2014Eligible)},
			silent: []string{rules.CodePilot2014SentenceUnknown, rules.CodePilotSentenceUnknown, rules.CodePilot2014Over1Y},
		},
		{
			name:   "near miss: 2014 pilot, 非法侵入住宅罪 (三年以下) without recommendation: one year not established",
			filing: w(zhengzhou, filedOn("2014-08-26"), cause("非法侵入住宅罪")),
			avail:  av(pFT, avU),
			fires:  []string{at(locInfer, rules.CodeInferSentenceFromCharge2012), at(locFT, rules.CodePilot2014SentenceUnknown)},
			silent: []string{rules.CodePilot2014Over1Y, rules.CodePilotSentenceUnknown},
		},
		{
			name:   "2016 pilot: 赌博罪 (三年以下) without recommendation",
			filing: w(zhengzhou, filedOn("2017-03-01"), cause("赌博罪")),
			avail:  av(pFT, avA),
			fires:  []string{at(locInfer, rules.CodeInferSentenceFromCharge2012), at(locFT, rules.CodePilot2016Eligible)},
			silent: []string{rules.CodePilotSentenceUnknown},
		},
	}
}
