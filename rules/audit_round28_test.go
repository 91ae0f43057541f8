package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 28 of the statute audit (2026-12-05). Every row was written from the
// texts first, then run. Only readings that add a review; none opens or
// closes a procedure.
//
//   - 刑事诉讼法 (2018) 第二百二十二条第一款 ("被告人认罪认罚并同意适用速裁程序的，
//     可以适用速裁程序"), 第二百二十三条 (its bars: item 4 names a co-defendant's
//     objection to 速裁程序, not to 简易程序), 第二百一十四条第一款第三项 ("被告人对
//     适用简易程序没有异议的") and 第二百一十五条第三项 ("共同犯罪案件中部分被告人…
//     对适用简易程序有异议的"): a defendant (or a co-defendant) who objects to
//     simplified procedure closes it, not fast-track. But a defendant who
//     consents to the one-judge, shorter procedure and objects to the simpler
//     one has stated wishes that conflict (outside check 21, (2024)外检刑36/37):
//     fast-track stays open and the judge is asked to confirm them. Where
//     fast-track is closed anyway, nothing is added.
//   - 行政诉讼法 (2017) 第二十六条第二款 (复议维持: 作出原行政行为的行政机关和复议
//     机关是共同被告), 第十五条第一项; 行诉法解释 (2018) 第一百三十四条第三款 ("以
//     作出原行政行为的行政机关确定案件的级别管辖"): in a complaint about a 复议, the
//     original organ the text names as the defendant who made the act decides
//     the level; a 县级以上地方人民政府 there is reviewed as ALL 15(1) says. The
//     复议机关 (named in a clause about the 复议) is not read.

// r28WishesConflict is this round's new code, as a literal so the table
// compiles (and fails) without the change.
const r28WishesConflict = "REVIEW_PROCEDURE_WISHES_CONFLICT"

// TestAuditRound28Criminal: filings.
func TestAuditRound28Criminal(t *testing.T) { runTable(t, audit28CriminalCases(t)) }

func audit28CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents to fast-track; 杭州市上城区, 2024-03-05
	const (
		eligFT  = "CRPL222_ELIGIBLE"
		objects = "CRPL214_DEFENDANT_OBJECTS"
		sCo     = "CRPL215_CO_DEFENDANT_DISPUTE"
		over3   = "CRPL222_SENTENCE_OVER_3_YEARS"
		noCons  = "CRPL222_NO_CONSENT"
		ftCo    = "CRPL223_CO_DEFENDANT_DISPUTE"
		notYet  = "CRPL222_NOT_IN_FORCE"
	)
	two := cm.twoDefendants
	conflict := func(name string, f *triagev1.Filing, simpBar string) tcase {
		return tcase{name: name, filing: f, avail: av(pFT, avA, pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locFT, eligFT), at(locSimp, simpBar), at(locReview, r28WishesConflict)}}
	}
	quiet := func(name string, f *triagev1.Filing, ft triagev1.Availability, fires ...string) tcase {
		return tcase{name: name, filing: f, avail: av(pFT, ft), fires: fires, silent: []string{at(locReview, r28WishesConflict)}}
	}
	return []tcase{
		// CrPL 222 ¶1, 214 ¶1(3): the defendant's own wishes conflict.
		conflict("objects_simplified, consents to fast-track (外检刑36)", crim(10, cm.objects), objects),
		conflict("objects_simplified, 6 months", crim(6, cm.objects), objects),
		conflict("text: 同意适用速裁程序，但对适用简易程序有异议", crim(10, text("被告人王某认罪认罚，同意适用速裁程序，但对适用简易程序有异议。")), objects),
		// CrPL 222 ¶1, 215(3): a co-defendant's objection to simplified
		// procedure is no bar of 223(4).
		conflict("co-defendant objects to simplified procedure (外检刑37)", crim(10, two, cm.coObjS), sCo),
		conflict("text: 被告人李某对适用简易程序有异议", crim(10, two, text("被告人王某伙同被告人李某盗窃，被告人李某对适用简易程序有异议。")), sCo),
		// Fast-track closed anyway: nothing added.
		quiet("near miss: objects, no consent to fast-track", crim(10, cm.objects, cm.noConsent), avU, at(locFT, noCons)),
		quiet("near miss: objects, 48 months", crim(48, cm.objects), avU, at(locFT, over3)),
		quiet("near miss: co-defendant objects to both", crim(10, two, cm.coObjS, cm.coObjFT), avU, at(locFT, ftCo)),
		quiet("near miss: objects, filed 2018-06-04 outside the pilot", crim(10, cm.objects, courtIn("苏州市姑苏区人民法院", "江苏省"), filedOn("2018-06-04")), avU, at(locFT, notYet)),
		quiet("near miss: no objection", crim(10), avA, at(locFT, eligFT)),
		quiet("near miss: co-defendant objects to fast-track only", crim(10, two, cm.coObjFT), avU, at(locFT, ftCo)),

		// CrPL 215(3), 223(4): 李某不认罪 in a sentence of its own, without
		// 被告人 or 对, of a name the text gives a 被告人: a co-defendant's
		// denial closes both; of a name it does not, nothing.
		{name: "被告人王某、李某盗窃。李某不认罪。", filing: crim(10, two, text("被告人王某、李某盗窃他人财物。李某不认罪。")),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locFT, ftCo), at(locSimp, sCo), at(locReview, r23DisputeInText)}},
		{name: "被告人王某伙同被告人李某盗窃。李某始终拒不认罪。", filing: crim(10, two, text("被告人王某伙同被告人李某盗窃。李某始终拒不认罪。")),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locFT, ftCo), at(locSimp, sCo), at(locReview, r23DisputeInText)}},
		{name: "near miss: 张某不认罪, 张某 no 被告人 (a witness)", filing: crim(10, two, text("被告人王某、李某盗窃他人财物。证人张某证实。张某不认罪。")),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r23DisputeInText)}},
		{name: "near miss: 李某当庭认罪", filing: crim(10, two, text("被告人王某、李某盗窃他人财物。李某当庭认罪。")),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r23DisputeInText)}},
		{name: "near miss: 李某提出异议, 李某 the victim", filing: crim(10, two, text("被告人王某盗窃被害人李某财物。李某提出异议。")),
			avail: av(pFT, avA, pSimp, avA), silent: []string{at(locReview, r23DisputeInText)}},
	}
}

// TestAuditRound28Admin: 复议维持 complaints (ALL 26 ¶2, Interp. 134 ¶3).
func TestAuditRound28Admin(t *testing.T) { runTable(t, audit28AdminCases(t)) }

func audit28AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		all15 = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
		all89 = "REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT"
	)
	row := func(name, words string, want string, mods ...mod) tcase {
		c := tcase{name: name, filing: a(append([]mod{text(words)}, mods...)...), avail: av(pOrd, avA)}
		if want != "" {
			c.fires, c.review = []string{at(locReview, want)}, ptr(true)
		} else {
			c.silent = []string{at(locReview, all15), at(locReview, all89)}
		}
		return c
	}
	return []tcase{
		row("original organ a district government, the city government 复议机关",
			"被告杭州市西湖区人民政府作出房屋征收决定，原告不服，向杭州市人民政府申请行政复议，杭州市人民政府作出复议决定维持。", all15),
		row("original organ a city government, the province 复议机关 (不服被告…作出的)",
			"原告不服被告杭州市人民政府作出的征收补偿决定，向浙江省人民政府申请复议，浙江省人民政府维持。", all15),
		row("original organ a county government, written short",
			"被告淳安县政府作出强制拆除决定，原告申请行政复议后，复议机关予以维持。", all15),
		row("filed 2015-04-30: the 1989 law (复议维持: the original organ alone is the defendant)",
			"被告杭州市人民政府作出征收决定，原告申请复议，复议机关维持。", all89, filedOn("2015-04-30")),
		row("near miss: original organ a police bureau, the district government 复议机关",
			"被告杭州市公安局西湖分局作出罚款决定，原告申请复议，被告杭州市西湖区人民政府作出复议决定维持。", ""),
		row("near miss: original organ a bureau, 向被告…申请行政复议",
			"被告杭州市西湖区住房和城乡建设局作出限期拆除决定，原告向被告杭州市西湖区人民政府申请行政复议，复议维持。", ""),
		row("near miss: the government only as 复议机关",
			"被告杭州市西湖区人民政府作出复议决定维持原处罚决定。", ""),
		row("near miss: the government a party, the text names no original organ",
			"原告申请复议后起诉。", "", named(1, "杭州市西湖区人民政府")),
		row("near miss: original organ a town government",
			"被告三墩镇人民政府作出处罚决定，原告向杭州市西湖区人民政府申请复议，复议维持。", ""),
	}
}

// FuzzReadTextFactsRound28: a named defendant's denial appended to any text
// in a sentence of its own is always read; the same denial of a name no
// 被告人 bears never adds one.
func FuzzReadTextFactsRound28(f *testing.F) {
	for _, s := range []string{"", "被告人", "被告人王某、", "李某", "不认罪", "、欧阳", "被告人欧阳", "拒", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if rules.ReadTextFacts(text+"。被告人王某、李某盗窃。李某不认罪。").Dispute == "" {
			t.Fatalf("%q + 李某不认罪 of a defendant: no dispute read", text)
		}
		if strings.Contains(text, "欧阳") {
			return
		}
		if rules.ReadTextFacts(text).Dispute == "" && rules.ReadTextFacts(text+"。欧阳某始终拒不认罪。").Dispute != "" {
			t.Fatalf("%q + the denial of a name no defendant bears: dispute read", text)
		}
	})
}
