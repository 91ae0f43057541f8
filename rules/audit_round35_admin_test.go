package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Round 35 of the statute audit (2026-12-06): administrative filings at a
// basic court. Every row was written from the texts before fenjian was run:
//
//   - 行政诉讼法第十五条第一项 (对国务院部门或者县级以上地方人民政府所作的行政
//     行为提起诉讼的案件): a government sued beside another organ, joined by
//     和, 及 or 与 (被告A和B共同作出…), is sued whoever else is; a government
//     that only signed with the defendant (被告A与B签订的协议) is not sued;
//     国家知识产权局专利局复审和无效审理部, the patent board's name since 2019,
//     decides the department's 授权确权 cases as round 34's 专利复审委员会 did;
//   - 第十五条第二项 (海关处理的案件);
//   - 第八十二条第一款第二项 (案件涉及款额二千元以下的) for 行政赔偿: the law
//     opens simplified procedure for a small claim and closes it (without the
//     parties' consent, ¶2) for a large one.
func TestAuditRound35Admin(t *testing.T) { runTable(t, audit35AdminCases(t)) }

func audit35AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		all15 = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
		bar   = "ALL15_INTERMEDIATE_JURISDICTION"
	)
	closed := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, bar)}}
	}
	open := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avA, pOrd, avA),
			silent: []string{at(locSimp, bar), at(locReview, all15)}}
	}
	return []tcase{
		// --- 1. 第十五条第一项: co-defendants joined by 和, 及, 与 ---
		closed("15(1): 被告A和杭州市人民政府共同作出", a(cm.disclosure, text("被告杭州市西湖区市场监督管理局和杭州市人民政府共同作出强制拆除决定。"))),
		closed("15(1): 被告A及杭州市西湖区人民政府", a(cm.disclosure, text("被告杭州市西湖区城市管理局及杭州市西湖区人民政府于2023年5月1日作出强制拆除决定。"))),
		closed("15(1): 被告A与杭州市西湖区人民政府联合作出", a(cm.disclosure, text("被告杭州市西湖区城市管理局与杭州市西湖区人民政府联合作出强制拆除决定。"))),
		closed("15(1): 被告A和商务部 (a 国务院部门 second)", a(cm.disclosure, text("被告杭州市商务局和商务部共同作出处理决定。"))),
		open("near miss: 被告A与杭州市人民政府签订的协议 (a counterparty)",
			a(cm.disclosure, text("被告杭州市西湖区市场监督管理局与杭州市人民政府签订的协议约定了职责分工。"))),
		open("near miss: 被告A和B (two bureaus)", a(cm.disclosure, text("被告杭州市西湖区市场监督管理局和杭州市西湖区城市管理局共同作出处罚决定。"))),
		open("near miss: 被告依据杭州市人民政府和浙江省人民政府的文件 (documents)",
			a(cm.disclosure, text("被告杭州市西湖区城市管理局依据杭州市人民政府和浙江省人民政府的文件作出处罚。"))),

		// --- 2. 第十五条第一项: the patent board's name since 2019 ---
		closed("15(1): 被告国家知识产权局专利局复审和无效审理部", a(cm.disclosure, text("被告国家知识产权局专利局复审和无效审理部作出无效宣告请求审查决定。"))),
		closed("15(1): 被告专利局复审和无效审理部 (short)", a(cm.disclosure, text("被告专利局复审和无效审理部作出复审决定。"))),

		// --- 3. 第十五条第二项: 海关 ---
		closed("15(2): 被告中华人民共和国宁波海关", a(cm.disclosure, text("被告中华人民共和国宁波海关作出行政处罚决定。"))),
		open("near miss: 被告杭州市西湖区市场监督管理局 cites 海关的通报", a(cm.disclosure, text("被告杭州市西湖区市场监督管理局根据杭州海关的通报作出处罚。"))),

		// --- 4. 第八十二条: 行政赔偿 by the amount ---
		{name: "82 ¶1(2): 行政赔偿 ¥1,500 (款额二千元以下)", filing: a(cause("行政赔偿"), yuan(1500)), avail: av(pSimp, avA, pOrd, avA)},
		{name: "82: 行政赔偿 ¥50,000 without consent", filing: a(cause("行政赔偿"), yuan(50000)), avail: av(pSimp, avU, pOrd, avA)},
	}
}
