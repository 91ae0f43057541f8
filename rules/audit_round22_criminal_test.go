package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 22 of the statute audit (2026-12-04): charges (罪名) as filings
// write them, several charges in one cause, and the court level a charge
// needs. Every row was written from the texts before the criminal rules
// were read:
//
//   - 刑事诉讼法 (2018) 第二十条、第二十一条 (危害国家安全、恐怖活动案件 and cases
//     that may carry 无期徒刑、死刑 are the intermediate court's), 第二百一十四
//     条 and 第二百二十二条 ("基层人民法院管辖的案件"), 第二百二十二条 (三年有期
//     徒刑以下); 刑诉法解释 (2021) 第十五条 ("一人犯数罪…其中一罪属于上级人民法院
//     管辖的，全案由上级人民法院管辖"), 第十七条, 第二百一十九条第一款第一项;
//   - the 2012 text's art. 20(1) and the 1996 text's art. 20(1) by filing date
//     (terrorism from 2013-01-01); 刑法第六十九条 (数罪并罚 may exceed one
//     charge's maximum); the 2014 fast-track pilot's list of offences.
//
// What a careful service does, and these tables require: a 危害国家安全 or
// terrorism charge bars simplified procedure and fast-track at a basic
// court wherever it stands in a list and however the list is punctuated; a
// charge's statutory maximum binds only a case of that charge alone; a part
// of the cause that names no known charge is reviewed, never read as
// harmless; one sensitive charge of several makes the case sensitive.

// r22Unresolved is the code added in round 22, as a literal so that the
// tables compile (and fail) without the change.
const r22Unresolved = "REVIEW_CHARGE_UNRESOLVED"

// TestAuditRound22Criminal: filings.
func TestAuditRound22Criminal(t *testing.T) { runTable(t, audit22CriminalCases(t)) }

func audit22CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	// Every row has an id that is no case number, so no case-number check
	// joins in, and a date of its own where it needs one.
	id := func(f *triagev1.Filing) { f.Id = "JS-R22-" + f.GetCause() + "-" + f.GetFiledOn() }
	on := func(day string) mod { return func(f *triagev1.Filing) { f.FiledOn = day; id(f) } }
	beijing := func(day string) mod {
		return func(f *triagev1.Filing) {
			f.Court, f.Province, f.FiledOn = "北京市朝阳区人民法院", "北京市", day
			id(f)
		}
	}
	charged := func(written string, months int32, mods ...mod) *triagev1.Filing {
		return crim(months, append([]mod{cause(written), id}, mods...)...)
	}
	const (
		juris     = "CRPL21_NATIONAL_SECURITY_TERRORISM"
		juris2012 = "CRPL2012_20_NATIONAL_SECURITY_TERRORISM"
		juris1996 = "CRPL1996_20_NATIONAL_SECURITY"
		review    = "REVIEW_NATIONAL_SECURITY_TERRORISM_JURISDICTION"
		fromCh    = "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE"
		unknownS  = "CRPL222_SENTENCE_UNKNOWN"
		over3     = "CRPL222_SENTENCE_OVER_3_YEARS"
		sensitive = "REVIEW_SENSITIVE_CAUSE"
	)
	// passedUp: both basic-court procedures barred by the charge, and the
	// filing reviewed (刑诉法解释第二百一十九条第一款第一项).
	passedUp := func(name, written string, mods ...mod) tcase {
		return tcase{name: name, filing: charged(written, 24, mods...),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locFT, juris), at(locSimp, juris), at(locReview, review)}}
	}
	// notPassedUp: the near miss, a charge of another chapter.
	notPassedUp := func(name, written string) tcase {
		return tcase{name: name, filing: charged(written, 24),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{at(locFT, juris), at(locSimp, juris), at(locReview, review)}}
	}
	// ceiling: no recommendation; the charge alone establishes 三年以下.
	ceiling := func(name, written string) tcase {
		return tcase{name: name, filing: charged(written, 0),
			avail: av(pFT, avA), fires: []string{at(locInfer, fromCh)}, silent: []string{at(locFT, unknownS)}}
	}
	// noCeiling: several charges (or a remark naming another): the
	// recommendation is needed.
	noCeiling := func(name, written string) tcase {
		return tcase{name: name, filing: charged(written, 0),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, unknownS)}, silent: []string{at(locInfer, fromCh)}}
	}
	unresolved := func(name, written, part string) tcase {
		return tcase{name: name, filing: charged(written, 24), review: ptr(true),
			fires:  []string{at(locReview, r22Unresolved)},
			silent: []string{at(locReview, rules.CodeCauseUnknown)},
			extra:  reviewSays(r22Unresolved, "未识别："+part)}
	}
	resolved := func(name, written string) tcase {
		return tcase{name: name, filing: charged(written, 24),
			silent: []string{at(locReview, r22Unresolved), at(locReview, rules.CodeCauseUnknown)}}
	}
	return []tcase{
		// --- 1. A 危害国家安全 or terrorism charge in a list (CrPL 21(1); Interp. 15) ---
		passedUp("list: 武装叛乱暴乱罪 written without its 、", "盗窃罪、武装叛乱暴乱罪"),
		passedUp("list: 为境外窃取…情报罪 without its 、", "盗窃罪、为境外窃取刺探收买非法提供国家秘密情报罪"),
		passedUp("list: 强制穿戴…服饰标志罪 without its 、", "盗窃罪、强制穿戴宣扬恐怖主义极端主义服饰标志罪"),
		passedUp("list: 非法持有…物品罪 without its 、", "盗窃罪、非法持有宣扬恐怖主义极端主义物品罪"),
		passedUp("shared 罪: 间谍、合同诈骗罪", "间谍、合同诈骗罪"),
		passedUp("shared 罪: 叛逃、诈骗罪", "叛逃、诈骗罪"),
		passedUp("shared 罪: 资敌、盗窃罪", "资敌、盗窃罪"),
		passedUp("shared 罪, middle of three: 合同诈骗、间谍、盗窃罪", "合同诈骗、间谍、盗窃罪"),
		passedUp("a space inside the second charge: 间 谍罪", "盗窃罪、间 谍罪"),
		passedUp("等罪 after the second: 盗窃罪、间谍等罪", "盗窃罪、间谍等罪"),
		passedUp("a short name: 武装叛乱罪", "武装叛乱罪"),
		passedUp("a short name: 暴乱罪", "暴乱罪"),
		passedUp("a short name: 宣扬恐怖主义罪", "宣扬恐怖主义罪"),
		passedUp("a short name: 宣扬恐怖主义、极端主义罪", "宣扬恐怖主义、极端主义罪"),
		// Passed before round 22 too (what fenjian did right).
		passedUp("list: 盗窃罪、分裂国家罪", "盗窃罪、分裂国家罪"),
		passedUp("list: 盗窃罪、武装叛乱、暴乱罪", "盗窃罪、武装叛乱、暴乱罪"),
		passedUp("list with 和: 盗窃罪和间谍罪", "盗窃罪和间谍罪"),
		passedUp("list with 及: 盗窃罪及资敌罪", "盗窃罪及资敌罪"),
		passedUp("remark on the first: 故意伤害罪（致人重伤）、投敌叛变罪", "故意伤害罪（致人重伤）、投敌叛变罪"),
		passedUp("no separator: 诈骗罪间谍罪", "诈骗罪间谍罪"),
		passedUp("涉嫌分裂国家罪", "涉嫌分裂国家罪"),
		passedUp("被告人某某犯分裂国家罪", "被告人某某犯分裂国家罪"),
		passedUp("分裂国家案", "分裂国家案"),
		passedUp("分裂国家罪（未遂）", "分裂国家罪（未遂）"),
		passedUp("资助危害国家安全犯罪活动罪 first", "资助危害国家安全犯罪活动罪、盗窃罪"),
		passedUp("list: 组织领导参加恐怖组织罪", "盗窃罪、组织领导参加恐怖组织罪"),
		// By date: the 1996 text (national security only), the 2012 text.
		{name: "1996 text: 盗窃罪、武装叛乱暴乱罪 on 2010-05-01", filing: charged("盗窃罪、武装叛乱暴乱罪", 24, on("2010-05-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, juris1996), at(locReview, "REVIEW_NATIONAL_SECURITY_JURISDICTION_CRPL1996")}},
		{name: "2012 text: 间谍、合同诈骗罪 at a pilot court, 2016-05-01", filing: charged("间谍、合同诈骗罪", 24, beijing("2016-05-01")),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locFT, juris2012), at(locSimp, juris2012)}},
		{name: "terrorism before 2013 is no art. 20(1) case: 盗窃罪、组织恐怖组织罪 on 2012-12-31", filing: charged("盗窃罪、组织恐怖组织罪", 24, on("2012-12-31")),
			avail: av(pSimp, avA), silent: []string{at(locSimp, juris2012), at(locSimp, juris1996)}},
		// Near misses: charges of other chapters that share words.
		notPassedUp("军人叛逃罪 (刑法第四百三十条)", "军人叛逃罪"),
		notPassedUp("盗窃罪、军人叛逃罪", "盗窃罪、军人叛逃罪"),
		notPassedUp("拒绝提供间谍犯罪证据罪", "拒绝提供间谍犯罪证据罪"),
		notPassedUp("编造、故意传播虚假恐怖信息罪", "编造、故意传播虚假恐怖信息罪"),
		notPassedUp("盗窃罪、诈骗罪", "盗窃罪、诈骗罪"),

		// --- 2. A charge's maximum binds a case of that charge alone (刑法第六十九条) ---
		noCeiling("remark: 危险驾驶罪（数罪并罚）", "危险驾驶罪（数罪并罚）"),
		noCeiling("remark naming another charge: 危险驾驶罪（另犯盗窃罪）", "危险驾驶罪（另犯盗窃罪）"),
		noCeiling("remark naming 开设赌场: 赌博罪（开设赌场）", "赌博罪（开设赌场）"),
		noCeiling("the same charge twice: 危险驾驶罪、危险驾驶罪", "危险驾驶罪、危险驾驶罪"),
		noCeiling("危险驾驶罪等: no ceiling", "危险驾驶罪等"),
		noCeiling("危险驾驶等罪", "危险驾驶等罪"),
		noCeiling("危险驾驶罪、盗窃罪", "危险驾驶罪、盗窃罪"),
		noCeiling("盗窃罪、危险驾驶罪", "盗窃罪、危险驾驶罪"),
		noCeiling("危险驾驶、盗窃罪", "危险驾驶、盗窃罪"),
		noCeiling("危险驾驶罪 盗窃罪", "危险驾驶罪 盗窃罪"),
		noCeiling("危险驾驶罪盗窃罪", "危险驾驶罪盗窃罪"),
		noCeiling("重婚罪、遗弃罪", "重婚罪、遗弃罪"),
		// The words around one charge do not make it several.
		ceiling("危险驾驶罪一案", "危险驾驶罪一案"),
		ceiling("涉嫌危险驾驶罪", "涉嫌危险驾驶罪"),
		ceiling("被告人张三犯危险驾驶罪", "被告人张三犯危险驾驶罪"),
		ceiling("危险驾驶罪。", "危险驾驶罪。"),
		ceiling("remark of the conduct: 危险驾驶罪（醉酒驾驶）", "危险驾驶罪（醉酒驾驶）"),
		ceiling("remark of the conduct: 赌博罪（聚众赌博）", "赌博罪（聚众赌博）"),
		ceiling("危险驾驶 罪", "危险驾驶 罪"),
		ceiling("危险驾驶案", "危险驾驶案"),
		{name: "1996 cap: 重婚罪、遗弃罪 on 2010-05-01 has no ceiling", filing: charged("重婚罪、遗弃罪", 0, on("2010-05-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "CRPL1996_174_SENTENCE_CAP")}},
		{name: "1996 cap: 重婚罪 on 2010-05-01 has its ceiling", filing: charged("重婚罪", 0, on("2010-05-01")),
			avail: av(pSimp, avA), fires: []string{at(locInfer, "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE_CRPL1996")}},

		// --- 3. A recommendation over three years, whatever the charge's wording (CrPL 222) ---
		{name: "危险驾驶罪, 48 months recommended", filing: charged("危险驾驶罪", 48), avail: av(pFT, avU), fires: []string{at(locFT, over3)}, silent: []string{at(locInfer, fromCh)}},
		{name: "危险驾驶罪一案, 37 months", filing: charged("危险驾驶罪一案", 37), avail: av(pFT, avU), fires: []string{at(locFT, over3)}},
		{name: "盗窃罪（入户盗窃）, 37 months", filing: charged("盗窃罪（入户盗窃）", 37), avail: av(pFT, avU), fires: []string{at(locFT, over3)}},
		{name: "盗窃罪、诈骗罪, 37 months", filing: charged("盗窃罪、诈骗罪", 37), avail: av(pFT, avU), fires: []string{at(locFT, over3)}},
		{name: "盗窃罪、诈骗罪, 36 months (near miss)", filing: charged("盗窃罪、诈骗罪", 36), avail: av(pFT, avA), silent: []string{at(locFT, over3)}},
		// Traditional characters are folded by the cause normaliser (round 22, civil), so the
		// charge resolves and only the recommendation closes fast-track.
		{name: "危險駕駛罪 (traditional), 48 months", filing: charged("危險駕駛罪", 48), avail: av(pFT, avU), fires: []string{at(locFT, over3)}, silent: []string{at(locReview, rules.CodeCauseUnknown)}},
		{name: "故意杀人罪、盗窃罪 with death at a basic court", filing: charged("故意杀人罪、盗窃罪", 0, sentenceKind(death, 0)),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locSimp, "CRPL21_INTERMEDIATE_JURISDICTION"), at(locReview, "REVIEW_INTERMEDIATE_JURISDICTION")}},

		// --- 4. A part that names no known charge is reviewed ---
		unresolved("second charge unknown: 盗窃罪、某某罪", "盗窃罪、某某罪", "某某罪"),
		unresolved("first charge unknown: 某某罪、盗窃罪", "某某罪、盗窃罪", "某某罪"),
		resolved("second charge in traditional characters: 盗窃罪、故意傷害罪 resolves", "盗窃罪、故意傷害罪"),
		{name: "a security charge in traditional characters: 盗窃罪、分裂國家罪 is barred at a basic court", filing: charged("盗窃罪、分裂國家罪", 24),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locSimp, "CRPL21_NATIONAL_SECURITY_TERRORISM")}, silent: []string{at(locReview, r22Unresolved)}},
		unresolved("盗窃罪等数罪", "盗窃罪等数罪", "等"),
		unresolved("危险驾驶罪等: reviewed", "危险驾驶罪等", "等"),
		resolved("盗窃罪、诈骗罪 resolves", "盗窃罪、诈骗罪"),
		resolved("盗窃罪（入户盗窃） resolves", "盗窃罪（入户盗窃）"),
		resolved("盗窃罪、 (a trailing separator) resolves", "盗窃罪、"),
		resolved("组织参与国（境）外赌博罪 resolves", "组织参与国（境）外赌博罪"),
		resolved("非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪 resolves", "非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪"),
		resolved("掩饰、隐瞒犯罪所得、犯罪所得收益罪、盗窃罪 resolves", "掩饰、隐瞒犯罪所得、犯罪所得收益罪、盗窃罪"),
		{name: "one unknown charge: CAUSE_UNKNOWN alone", filing: charged("某某罪", 24), review: ptr(true),
			fires: []string{at(locReview, rules.CodeCauseUnknown)}, silent: []string{at(locReview, r22Unresolved)}},

		// --- 5. One sensitive charge of several ---
		{name: "盗窃罪、故意杀人罪: sensitive by the second", filing: charged("盗窃罪、故意杀人罪", 24), fires: []string{at(locReview, sensitive)}},
		{name: "盗窃罪、诈骗罪: not sensitive (near miss)", filing: charged("盗窃罪、诈骗罪", 24), silent: []string{at(locReview, sensitive)}},

		// --- 6. The 2014 pilot's list: every charge on it ---
		{name: "2014 pilot: 盗窃罪、强奸罪 is not on the list", filing: charged("盗窃罪、强奸罪", 6, beijing("2015-06-01")),
			avail: av(pFT, avU), fires: []string{at(locFT, rules.CodePilot2014Offence)}},
		{name: "2014 pilot: 盗窃罪、诈骗罪 is (near miss)", filing: charged("盗窃罪、诈骗罪", 6, beijing("2015-06-01")),
			avail: av(pFT, avA), silent: []string{at(locFT, rules.CodePilot2014Offence)}},
		{name: "2014 pilot: 盗窃罪等 is not established", filing: charged("盗窃罪等", 6, beijing("2015-06-01")),
			avail: av(pFT, avU), fires: []string{at(locFT, rules.CodePilot2014Offence)}},
	}
}

// reviewSays checks that the review reason code says words.
func reviewSays(code, words string) func(t *testing.T, a *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		for _, r := range a.ReviewReasons {
			if r.GetCode() == code {
				if !strings.Contains(r.GetMessage(), words) {
					t.Errorf("%s says %q, want %q", code, r.GetMessage(), words)
				}
				return
			}
		}
		t.Errorf("no review reason %s", code)
	}
}
