package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 27 of the statute audit (2026-12-05): criminal procedure. Every row
// was written from the texts first, then run:
//
//   - 刑事诉讼法 (2018) 第二百二十三条第二项 ("被告人是未成年人的"; 刑诉法解释
//     (2021) 第三百七十条第三项): only the defendant's own minority closes
//     fast-track. A minor the defendant knew of, employed, sold to or is the
//     parent of (被告人王某明知张某系未成年人, 被告人王某的儿子系未成年人,
//     被告人王某为未成年人提供…, 被告人王某系未成年人李某的监护人) is another
//     person: fast-track stays open, and nothing is reviewed. The same holds
//     of an impaired person the defendant knew of or hurt (第二百一十五条第一项,
//     第二百二十三条第一项: 被告人王某殴打患有精神病的李某).
//   - 第二百一十五条第四项 ("共同犯罪案件中部分被告人不认罪或者对适用简易程序有
//     异议的") and 第二百二十三条第四项 ("共同犯罪案件中部分被告人对指控的犯罪
//     事实、罪名、量刑建议或者适用速裁程序有异议的"): a dispute stated of
//     defendants named in a list (被告人王某、李某对…均有异议) or of one of them
//     by name in the list's sentence is a co-defendant's dispute.
//   - 第二百二十二条 ("被告人认罪认罚并同意适用速裁程序的"); 第一百七十四条
//     (认罪认罚具结书); 刑诉法解释第三百七十五条第二项 (a defendant who
//     withdraws his acceptance: 反悔, 撤回认罪认罚具结书): no acceptance, so no
//     fast-track; the admission of the facts is not thereby withdrawn.
//   - 第二百一十五条第一项, 第二百二十三条第一项 ("尚未完全丧失辨认或者控制自己
//     行为能力的精神病人"): 限定责任能力, 辨认能力减弱, an illness stated at 案发时.
//   - 第二十一条 ("可能判处无期徒刑、死刑的案件" go to the intermediate court):
//     a text saying the case 可能判处无期徒刑 at a basic court.
//   - 刑法第四十五条 (有期徒刑 up to fifteen years), 第九十九条: a term written
//     in the capital numerals of legal documents (叁年陆个月) or with 两 or 半.

// Codes read by this round's rows, as literals so the table compiles (and
// fails) without the change.
const r27Withdrawn = "REVIEW_PLEA_WITHDRAWN_IN_TEXT"

// TestAuditRound27Criminal: filings.
func TestAuditRound27Criminal(t *testing.T) { runTable(t, audit27CriminalCases(t)) }

func audit27CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	n := 0
	says := func(text string, mods ...mod) *triagev1.Filing {
		n++
		return crim(10, append([]mod{id("JS-R27-" + strings.Repeat("m", n%7) + text[:min(len(text), 12)]), func(f *triagev1.Filing) { f.Text = text }}, mods...)...)
	}
	const (
		ftMinor    = "CRPL223_MINOR_DEFENDANT"
		ftImpaired = "CRPL223_IMPAIRED_DEFENDANT"
		sImpaired  = "CRPL215_IMPAIRED_DEFENDANT"
		consult    = "INTERP566_MINOR_REPRESENTATIVE_CONSULTED"
		eligCrPL   = "CRPL222_ELIGIBLE"
		eligSimp   = "CRPL214_ELIGIBLE"
		ftCo       = "CRPL223_CO_DEFENDANT_DISPUTE"
		sCo        = "CRPL215_CO_DEFENDANT_DISPUTE"
		noAccept   = "CRPL222_NO_ACCEPTANCE"
		over3      = "CRPL222_SENTENCE_OVER_3_YEARS"
		panel      = "CRPL216_PANEL_REQUIRED"
		interm     = "CRPL21_INTERMEDIATE_JURISDICTION"
	)
	// minorRow: the defendant's own minority (CrPL 223(2)); reviewed.
	minorRow := func(name, text string) tcase {
		return tcase{name: name, filing: says(text), avail: av(pFT, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locFT, ftMinor), at(locSimp, consult), at(locReview, r23Minor)}}
	}
	// nothing: another person's minority or impairment; both procedures open.
	nothing := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, mods...), avail: av(pFT, avA, pSimp, avA),
			fires:  []string{at(locFT, eligCrPL), at(locSimp, eligSimp)},
			silent: []string{at(locFT, ftMinor), at(locFT, ftImpaired), at(locSimp, consult), at(locReview, r23Minor), at(locReview, r23Impaired)}}
	}
	impairedRow := func(name, text string) tcase {
		return tcase{name: name, filing: says(text), avail: av(pFT, avU, pSimp, avU), review: ptr(true),
			fires: []string{at(locFT, ftImpaired), at(locSimp, sImpaired), at(locReview, r23Impaired)}}
	}
	two := cm.twoDefendants
	beijing := courtIn("北京市海淀区人民法院", "北京市")
	const pilotExcl = "PILOT_EXCLUDED"
	return []tcase{
		// --- 1. Another person's minority (CrPL 223(2) is the defendant's own) ---
		nothing("明知张某系未成年人 (the brief's known false reading)", "被告人王某明知张某系未成年人，仍向其出售香烟。"),
		nothing("明知对方是未成年人", "被告人王某明知对方是未成年人，仍与其发生性关系。"),
		nothing("知道李某系未满十八周岁", "被告人王某知道李某系未满十八周岁的在校学生，仍容留其吸毒。"),
		nothing("得知李某为未成年人后", "被告人王某得知李某为未成年人后，仍雇佣其从事危重劳动。"),
		nothing("被告人王某的儿子系未成年人", "被告人王某的儿子系未成年人，王某未尽监护职责。"),
		nothing("为未成年人提供 (为 a preposition)", "被告人王某为未成年人提供互联网上网服务。"),
		nothing("系未成年人李某的监护人", "被告人王某系未成年人李某的监护人，长期对其实施虐待。"),
		nothing("雇佣的李某系未成年人", "被告人王某雇佣的李某系未成年人。"),
		nothing("殴打患有精神病的李某 (impairment of another)", "被告人王某殴打患有精神病的李某，致其轻伤。"),
		nothing("明知张某系聋哑人", "被告人王某明知张某系聋哑人，仍骗取其财物。"),
		// True readings kept: the defendant's own minority.
		minorRow("被告人张某系未成年人", "被告人张某系未成年人。"),
		minorRow("犯罪时未满十八周岁", "被告人王某犯罪时未满十八周岁，于2023年5月1日盗窃。"),
		minorRow("在作案时系未成年人", "被告人王某在作案时系未成年人。"),
		minorRow("系未满十八周岁的在校学生", "被告人王某系未满十八周岁的在校学生。"),
		minorRow("，男，系未成年人，", "被告人王某，男，系未成年人，初中文化。"),
		minorRow("（系未成年人）", "被告人王某（系未成年人）伙同他人盗窃。"),
		minorRow("作案时系不满十八周岁的未成年人", "被告人王某作案时系不满十八周岁的未成年人。"),

		// --- 2. Co-defendants (CrPL 215(4), 223(4)) ---
		{name: "被告人王某、李某对指控的事实均有异议: both closed", filing: says("被告人王某、李某对指控的犯罪事实均有异议。", two),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locFT, ftCo), at(locSimp, sCo), at(locReview, r23DisputeInText)}},
		{name: "被告人王某、李某…李某对量刑建议有异议: fast-track closed", filing: says("被告人王某、李某盗窃他人财物。李某对量刑建议有异议。", two),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locFT, ftCo), at(locReview, r23DisputeInText)}},
		{name: "被告人王某和李某均不同意适用速裁程序", filing: says("被告人王某和李某均不同意适用速裁程序。", two),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, ftCo), at(locReview, r23DisputeInText)}},
		{name: "被告人王某与李某，李某对适用简易程序有异议", filing: says("被告人王某伙同被告人李某盗窃，被告人李某对适用简易程序有异议。", two),
			avail: av(pSimp, avU), review: ptr(true), fires: []string{at(locSimp, sCo), at(locReview, r23DisputeInText)}},
		// A dispute the fields state already: it bars as before, and the
		// review that asks to correct the fields is not given.
		{name: "co-defendant's denial marked, text 被告人王某、李某对指控的事实均有异议: no review", filing: says("被告人王某、李某对指控的犯罪事实均有异议。", two, cm.coDenies),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locFT, ftCo), at(locSimp, sCo)}, silent: []string{at(locReview, r23DisputeInText)}},
		{name: "no admission marked, text 被告人王某不认罪: no review", filing: says("被告人王某不认罪。", plea(false, false)),
			avail: av(pFT, avU, pSimp, avU), silent: []string{at(locReview, r23DisputeInText)}},
		{name: "near miss: 被告人王某、李某对指控的事实均无异议", filing: says("被告人王某、李某对指控的犯罪事实均无异议。", two),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r23DisputeInText)}},
		{name: "near miss: 被害人李某对量刑建议有异议 (a victim's view bars nothing)", filing: says("被告人王某盗窃。被害人李某对量刑建议有异议。", two),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r23DisputeInText)}},

		// --- 3. 认罪认罚 withdrawn (CrPL 222; Interp. 375(2)) ---
		{name: "签署具结书后反悔", filing: says("被告人王某签署认罪认罚具结书后反悔。"),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locFT, noAccept), at(locReview, r27Withdrawn)}},
		{name: "撤回认罪认罚具结书", filing: says("被告人王某于2024年2月1日撤回认罪认罚具结书。"),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locFT, noAccept), at(locReview, r27Withdrawn)}},
		{name: "拒绝签署认罪认罚具结书", filing: says("被告人王某认罪，但拒绝签署认罪认罚具结书。"),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locFT, noAccept), at(locReview, r27Withdrawn)}},
		{name: "two defendants, 被告人李某反悔: a co-defendant's dispute", filing: says("被告人王某认罪认罚，被告人李某反悔。", two),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locFT, ftCo), at(locReview, r27Withdrawn)}},
		{name: "near miss: 未反悔", filing: says("被告人王某签署认罪认罚具结书，至今未反悔。"),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r27Withdrawn)}},
		{name: "near miss: 被害人反悔 (the victim's settlement)", filing: says("被告人王某认罪认罚。被害人李某反悔，要求增加赔偿。"),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r27Withdrawn)}},

		// --- 4. 尚未完全丧失辨认或者控制自己行为能力的精神病人 (CrPL 215(1), 223(1)) ---
		impairedRow("经鉴定属限定责任能力", "被告人王某经鉴定属限定责任能力。"),
		impairedRow("案发时处于精神病发病期", "被告人王某案发时处于精神分裂症发病期。"),
		impairedRow("辨认能力明显削弱", "经鉴定，被告人王某作案时辨认和控制能力明显削弱。"),
		impairedRow("系尚未完全丧失辨认或者控制自己行为能力的精神病人", "被告人王某系尚未完全丧失辨认或者控制自己行为能力的精神病人。"),
		{name: "near miss: 经鉴定具有完全刑事责任能力", filing: says("被告人王某患有精神障碍，经鉴定具有完全刑事责任能力。"),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r23Impaired)}},

		// --- 5. Sentences in words (CrPL 222, 216; 刑法第四十五条) and CrPL 21 ---
		{name: "有期徒刑叁年陆个月 (capital numerals)", filing: says("建议判处被告人王某有期徒刑叁年陆个月。"),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, over3), at(locSimp, panel)}},
		{name: "有期徒刑两年至四年", filing: says("建议判处被告人王某有期徒刑两年至四年。"),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, over3), at(locSimp, panel)}},
		{name: "有期徒刑三年半", filing: says("建议判处被告人王某有期徒刑三年半。"),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, over3), at(locSimp, panel)}},
		{name: "有期徒刑二到四年", filing: says("建议判处被告人王某有期徒刑二到四年。"),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, over3), at(locSimp, panel)}},
		{name: "CrPL 21: 可能判处无期徒刑 at a basic court", filing: says("被告人王某抢劫致人重伤，可能判处无期徒刑。"),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locSimp, interm)}},
		{name: "near miss: 不可能判处无期徒刑", filing: says("被告人王某盗窃，情节较轻，不可能判处无期徒刑。"),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locSimp, interm)}},
		{name: "near miss: 有期徒刑两年 (within three years)", filing: says("建议判处被告人王某有期徒刑两年。"),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locFT, over3), at(locSimp, panel)}},

		// --- 6. The law in force on the filing date: the pilots and CrPL 2012 ---
		{name: "2015 pilot: 明知张某系未成年人 leaves the pilot's fast-track open", filing: says("被告人王某明知张某系未成年人，仍向其出售香烟。", beijing, filedOn("2015-03-02")),
			avail: av(pFT, avA), fires: []string{at(locFT, "PILOT2014_FAST_TRACK_ELIGIBLE")}, silent: []string{at(locFT, pilotExcl), at(locFT, "PILOT2014_EXCLUDED"), at(locReview, r23Minor)}},
		// The first phase's 办法 (statute round 38: PILOT2014_EXCLUDED).
		{name: "2015 pilot: 被告人张某系未成年人 is excluded", filing: says("被告人张某系未成年人。", beijing, filedOn("2015-03-02")),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, "PILOT2014_EXCLUDED"), at(locReview, r23Minor)}},
		{name: "2015 pilot: 有期徒刑壹年陆个月 (over the first phase's year)", filing: says("建议判处被告人王某有期徒刑壹年陆个月。", beijing, filedOn("2015-03-02")),
			avail: av(pFT, avU), fires: []string{at(locFT, "PILOT2014_SENTENCE_OVER_1_YEAR")}},
		{name: "2017 pilot: 有期徒刑叁年陆个月 (over the second phase's three years)", filing: says("建议判处被告人王某有期徒刑叁年陆个月。", beijing, filedOn("2017-03-01")),
			avail: av(pFT, avU), fires: []string{at(locFT, "PILOT2016_SENTENCE_OVER_3_YEARS")}},
		{name: "2017 pilot: 撤回认罪认罚具结书", filing: says("被告人王某撤回认罪认罚具结书。", beijing, filedOn("2017-03-01")),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locReview, r27Withdrawn)}},
		{name: "2013 (CrPL 2012 art. 209(4)): 被告人王某、李某均不认罪", filing: says("被告人王某、李某均不认罪。", two, filedOn("2013-06-03")),
			avail: av(pSimp, avU), review: ptr(true), fires: []string{at(locSimp, "CRPL2012_209_CO_DEFENDANT_DISPUTE")}},
		{name: "2013 (CrPL 2012 art. 20): 可能判处无期徒刑", filing: says("被告人王某抢劫致人死亡，可能判处无期徒刑。", filedOn("2013-06-03")),
			avail: av(pSimp, avU), review: ptr(true), fires: []string{at(locSimp, "CRPL2012_20_INTERMEDIATE_JURISDICTION")}},
		{name: "2013: 明知张某系未成年人 leaves simplified open and unreviewed", filing: says("被告人王某明知张某系未成年人，仍向其出售香烟。", filedOn("2013-06-03")),
			avail: av(pSimp, avA), silent: []string{at(locReview, r23Minor), at(locSimp, "INTERP2012_474_MINOR_REPRESENTATIVE_CONSULTED")}},
	}
}

// TestReadTextFactsRound27: the readings round 27 changed, through
// ReadTextFacts alone.
func TestReadTextFactsRound27(t *testing.T) {
	for _, c := range []struct{ text, minor, impaired, dispute string }{
		{text: "被告人王某明知张某系未成年人，仍向其出售香烟。"},
		{text: "被告人王某的儿子系未成年人。"},
		{text: "被告人王某为未成年人提供住宿。"},
		{text: "被告人王某系未成年人李某的监护人。"},
		{text: "被告人王某殴打患有精神病的李某。"},
		{text: "被告人王某明知李某系聋哑人。"},
		{text: "被告人张某系未成年人。", minor: "未成年人"},
		{text: "被告人王知远系未成年人。", minor: "未成年人"},
		{text: "被告人王某，男，系未成年人，初中文化。", minor: "未成年人"},
		{text: "被告人王某为未成年人，初中文化。", minor: "未成年人"},
		{text: "被告人王某系未满十八周岁的女学生。", minor: "未满十八周岁"},
		{text: "被告人王某案发时系聋哑人。", impaired: "聋哑"},
		{text: "被告人王某经鉴定为限定责任能力。", impaired: "限定责任能力"},
		{text: "被告人王某签署认罪认罚具结书后反悔。", dispute: "反悔"},
		{text: "被告人王某醉酒驾驶，后撤回认罪认罚具结书。", dispute: "撤回认罪认罚"},
		{text: "被告人王某至今未反悔。"},
		{text: "被告人王某认罪。李某对量刑建议有异议。", dispute: "有异议"},
		{text: "被告人王某认罪。被害人李某对量刑建议有异议。"},
		{text: "被告人王某认罪，辩护人对量刑建议有异议。"},
		{text: "被告人王某、李某对指控的事实均有异议。", dispute: "有异议"},
		{text: "被告人王某、李某对指控的事实均无异议。"},
	} {
		got := rules.ReadTextFacts(c.text)
		if got.Minor != c.minor || got.Impaired != c.impaired || got.Dispute != c.dispute {
			t.Errorf("%s: minor %q impaired %q dispute %q, want %q %q %q", c.text, got.Minor, got.Impaired, got.Dispute, c.minor, c.impaired, c.dispute)
		}
	}
}

// FuzzReadTextFactsRound27: any text reads without a panic; another
// person's minority appended never makes a minor of a text that had none;
// the defendant's own appended always does; a withdrawal appended is always
// a dispute; a victim's dispute appended never makes one.
func FuzzReadTextFactsRound27(f *testing.F) {
	for _, s := range []string{"", "被告人", "被告人王某", "被告人王某，男，", "明知", "对", "李某对", "反悔", "，后", "被告人王某、李某", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := rules.ReadTextFacts(text)
		if got.Minor == "" && rules.ReadTextFacts(text+"。被告人王某明知张某系未成年人，仍向其出售香烟。").Minor != "" {
			t.Fatalf("%q + another person's minority: minor read", text)
		}
		if rules.ReadTextFacts(text+"。被告人张某系未成年人。").Minor == "" {
			t.Fatalf("%q + 被告人张某系未成年人: no minor read", text)
		}
		if rules.ReadTextFacts(text+"。被告人王某撤回认罪认罚具结书。").Dispute == "" {
			t.Fatalf("%q + a withdrawal: no dispute read", text)
		}
		if got.Dispute == "" && rules.ReadTextFacts(text+"。被害人李某对量刑建议有异议。").Dispute != "" {
			t.Fatalf("%q + a victim's dispute: dispute read", text)
		}
	})
}
