package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Round 32 of the statute audit (2026-12-06): administrative filings. Every
// row was written from the texts before fenjian was run:
//
//   - 行政诉讼法第十四条 (基层人民法院管辖第一审行政案件) and 第十五条 (中级人民
//     法院管辖…（一）对国务院部门或者县级以上地方人民政府所作的行政行为提起诉讼的
//     案件；（二）海关处理的案件), 第二十二条 (不属于本院管辖的，应当移送): a basic
//     court tries such a case in no procedure, so it is never recommended
//     simplified procedure there; 行诉法解释第一百三十四条第三款 (复议机关作共同
//     被告的，以作出原行政行为的行政机关确定级别管辖) is the near miss; before
//     2015-05-01 (行政诉讼法（1989年）第十四条) there was no simplified
//     procedure to close;
//   - 第八十二条: ¶1's three items, ¶2's agreement, ¶3's remand and retrial
//     (发回重审、按照审判监督程序再审的案件不适用简易程序), at their boundaries.

// allIntermediate is the round's bar, a literal so the table compiles (and
// fails) without the change.
const allIntermediate = "ALL15_INTERMEDIATE_JURISDICTION"

// TestAuditRound32Admin: filings.
func TestAuditRound32Admin(t *testing.T) { runTable(t, audit32AdminCases(t)) }

func audit32AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		all15   = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
		customs = "REVIEW_ALL15_CUSTOMS_DEFENDANT"
		all89   = "REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT"
	)
	inter := courtAt("浙江省杭州市中级人民法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE)
	closed := func(name string, f *triagev1.Filing, review string) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, allIntermediate), at(locReview, review)}}
	}
	open := func(name string, f *triagev1.Filing, silent ...string) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avA, pOrd, avA), silent: append([]string{at(locSimp, allIntermediate)}, silent...)}
	}
	namedDefendant := func(name string) mod {
		return func(f *triagev1.Filing) {
			for _, p := range f.GetParties() {
				if p.GetRole() == defendant {
					p.Name = name
				}
			}
		}
	}
	return []tcase{
		// --- 1. 第十五条 at a basic court, with an item of 第八十二条 ---
		closed("15(1): 被告商务部, 政府信息公开", a(cm.disclosure, text("被告商务部未在法定期限内答复原告的政府信息公开申请。")), all15),
		closed("15(1): 被告杭州市人民政府, an on-the-spot act", a(cm.spot, text("被告杭州市人民政府作出的决定违法。")), all15),
		closed("15(1): 被告西湖区政府 (written short), agreement", a(cm.agreeS, text("被告西湖区政府作出强制拆除决定。")), all15),
		closed("15(1): a defendant party named 中华人民共和国商务部, ¥1,500", a(yuan(1500), namedDefendant("中华人民共和国商务部")), all15),
		closed("15(2): 被告杭州海关, ¥1,500", a(yuan(1500), text("被告杭州海关对原告处以罚款1500元。")), customs),
		closed("15(1): 2015-05-01 (the 2014 amendment's first day)", a(filedOn("2015-05-01"), cm.disclosure, text("被告浙江省人民政府未答复原告的政府信息公开申请。")), all15),
		// --- near misses ---
		open("near miss: 被告三墩镇人民政府 (below the county)", a(cm.disclosure, text("被告三墩镇人民政府未答复原告的政府信息公开申请。")), at(locReview, all15)),
		open("near miss: 被告杭州市西湖区市场监督管理局 (a county department)", a(cm.disclosure, text("被告杭州市西湖区市场监督管理局未答复原告的政府信息公开申请。")), at(locReview, all15)),
		open("near miss: 复议机关 西湖区人民政府, the original organ a bureau (行诉法解释第一百三十四条第三款)",
			a(cm.disclosure, text("被告杭州市西湖区市场监督管理局作出处罚决定，原告向被告杭州市西湖区人民政府申请复议，被告杭州市西湖区人民政府作出复议决定维持。")), at(locReview, all15)),
		open("near miss: 被告杭州市人民政府 at the intermediate court (第八十二条 names no level)", a(inter, cm.disclosure, text("被告杭州市人民政府未答复原告的政府信息公开申请。")), at(locReview, all15)),
		{name: "near miss: 2015-04-30, 被告商务部 (1989 law: no simplified procedure, review only)", filing: a(filedOn("2015-04-30"), cm.disclosure, text("被告商务部作出反倾销调查裁定。")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_NOT_IN_FORCE"), at(locReview, all89)}, silent: []string{at(locSimp, allIntermediate)}},
		// --- 2. 第八十二条 at its boundaries ---
		{name: "82 ¶1(2): ¥2,000.00", filing: a(fen(200000)), avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_SMALL_AMOUNT")}},
		{name: "82 ¶1(2): ¥2,000.01", filing: a(fen(200001)), avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_NOT_QUALIFIED")}},
		{name: "82 ¶3: 发回重审 in the text beats 政府信息公开", filing: a(cm.disclosure, text("本案经杭州市中级人民法院裁定撤销原判，发回重审。")), avail: av(pSimp, avU),
			fires: []string{at(locSimp, "ALL82_REMANDED")}},
		{name: "82 ¶3: 再审 beats the parties' agreement", filing: a(cm.agreeS, cm.retrial), avail: av(pSimp, avU), fires: []string{at(locSimp, "ALL82_RETRIAL")}},
		{name: "82 ¶2: agreement alone", filing: a(cm.agreeS), avail: av(pSimp, avA), fires: []string{at(locSimp, "ALL82_AGREEMENT")}},
	}
}
