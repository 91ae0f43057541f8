package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Round 34 of the statute audit (2026-12-06): administrative filings at a
// basic court. Every row was written from the texts before fenjian was run:
//
//   - 行政诉讼法第十五条第一项 (对国务院部门…所作的行政行为提起诉讼的案件) and
//     第二项 (海关处理的案件), 第十四条, 第二十二条: a 国务院部门 the complaint
//     names with the body of it that decides in its own name (国家知识产权局
//     专利复审委员会, 国家工商行政管理总局商标评审委员会: the department's
//     授权确权 decisions), or a second defendant after 、, is the intermediate
//     court's; a local branch (国家外汇管理局浙江省分局, 中国民用航空华东地区管理
//     局) is not a 国务院部门;
//   - 行政诉讼法（1989年）第十四条第一项 (确认发明专利权的案件、海关处理的案件),
//     read from public copies (not in /work/shared/law; spot-check): a case
//     about an invention patent's grant or validity before 2015-05-01 is
//     reviewed under item 1; a utility model or design (实用新型、外观设计) is not
//     an 发明专利;
//   - 第八十二条第三款 (发回重审、按照审判监督程序再审的案件不适用简易程序) with
//     行诉法解释第一百零九条 (撤销原审裁定，指令原审人民法院依法立案受理或者继续
//     审理: no remand) and 第一百一十九条.
func TestAuditRound34Admin(t *testing.T) { runTable(t, audit34AdminCases(t)) }

func audit34AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		all15   = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
		all89   = "REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT"
		bar     = "ALL15_INTERMEDIATE_JURISDICTION"
		remand  = "ALL82_REMANDED"
		retrial = "ALL82_RETRIAL"

		art14one = "行政诉讼法（1989年）第十四条第一项"
	)
	closed := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, bar)}}
	}
	open := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avA, pOrd, avA),
			silent: []string{at(locSimp, bar), at(locReview, all15), at(locReview, all89)}}
	}
	era89 := func(name string, f *triagev1.Filing, article string) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU), review: ptr(true),
			fires: []string{at(locReview, all89)}, extra: citesArticle(all89, article)}
	}
	quiet89 := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU), silent: []string{at(locReview, all89)}}
	}
	notSimp := func(name, code string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU, pOrd, avA), review: ptr(true), fires: []string{at(locSimp, code)}}
	}
	return []tcase{
		// --- 1. 国务院部门 (第十五条第一项) read from the text ---
		closed("15(1): 被告国家知识产权局专利复审委员会", a(cm.disclosure, text("被告国家知识产权局专利复审委员会作出无效宣告请求审查决定。"))),
		closed("15(1): 被告专利复审委员会 (written short)", a(cm.disclosure, text("被告专利复审委员会作出复审请求审查决定，维持驳回决定。"))),
		closed("15(1): 被告国家工商行政管理总局商标评审委员会", a(cm.disclosure, text("被告国家工商行政管理总局商标评审委员会作出商标驳回复审决定。"))),
		closed("15(1): a second defendant after 、 (被告杭州市西湖区市场监督管理局、杭州市人民政府)",
			a(cm.disclosure, text("被告杭州市西湖区市场监督管理局、杭州市人民政府共同作出强制拆除决定。"))),
		closed("15(1): 被告中华人民共和国海关总署", a(cm.disclosure, text("被告中华人民共和国海关总署作出处罚决定。"))),
		closed("15(1): 被告一：杭州市人民政府", a(cm.disclosure, text("被告一：杭州市人民政府。被告二：杭州市西湖区城市管理局。"))),
		closed("15(1): the defendant party named 国家知识产权局专利复审委员会", a(cm.disclosure, named(1, "国家知识产权局专利复审委员会"))),
		open("near miss: 被告国家外汇管理局浙江省分局 (a branch)", a(cm.disclosure, text("被告国家外汇管理局浙江省分局作出处罚决定。"))),
		open("near miss: 被告中国民用航空华东地区管理局 (a regional administration)", a(cm.disclosure, text("被告中国民用航空华东地区管理局作出处罚决定。"))),
		open("near miss: 被告杭州市知识产权局 (a local office)", a(cm.disclosure, text("被告杭州市知识产权局作出专利侵权纠纷处理决定。"))),
		open("near miss: 被告依据《通知》、杭州市人民政府的批复 (a document, not a second defendant)",
			a(cm.disclosure, text("被告依据《通知》、杭州市人民政府的批复作出处罚决定。"))),
		open("near miss: 被告杭州市西湖区市场监督管理局、杭州市西湖区城市管理局 (both bureaus)",
			a(cm.disclosure, text("被告杭州市西湖区市场监督管理局、杭州市西湖区城市管理局共同作出处罚决定。"))),
		closed("15(1): three defendants, the government third",
			a(cm.disclosure, text("被告杭州市西湖区市场监督管理局、杭州市西湖区城市管理局、杭州市西湖区人民政府共同作出强制拆除决定。"))),
		open("near miss: 专利复审委员会 named as a third party's, not the defendant",
			a(cm.disclosure, text("被告杭州市市场监督管理局依据专利复审委员会的决定作出处罚。"))),

		// --- 2. before 2015-05-01: 1989 art. 14(1) ---
		era89("1989 14(1): 被告专利复审委员会 (2013)", a(filedOn("2013-06-01"), text("被告专利复审委员会作出第12345号无效宣告请求审查决定，宣告原告的发明专利权全部无效。")), art14one),
		era89("1989 14(1): 确认发明专利权 (2012)", a(filedOn("2012-06-01"), text("请求确认原告对涉案发明专利享有专利权，撤销被告作出的驳回决定。")), art14one),
		era89("1989 14(1): 被告国家知识产权局, 发明专利申请驳回 (2014)", a(filedOn("2014-06-01"), text("被告国家知识产权局驳回原告的发明专利申请。")), art14one),
		era89("1989 14(2): 被告国家工商行政管理总局商标评审委员会 (2013; no 发明专利)",
			a(filedOn("2013-06-01"), text("被告国家工商行政管理总局商标评审委员会作出商标驳回复审决定。")), "行政诉讼法（1989年）第十四条第二项"),
		open("near miss: 发明专利 from 2015-05-01 at a local office (ALL 15 has no patent item)",
			a(filedOn("2016-06-01"), cm.disclosure, text("被告杭州市市场监督管理局认定原告宣传的发明专利已被宣告无效，作出处罚。"))),
		quiet89("near miss: 1989, 实用新型专利 at a local office (2012)", a(filedOn("2012-06-01"), text("被告杭州市知识产权局就原告的实用新型专利侵权纠纷作出处理决定。"))),

		// --- 3. 第八十二条第三款: a remand or retrial in the text ---
		notSimp("82 ¶3: 发回原审人民法院重新审理", remand, a(cm.disclosure, text("本案经杭州市中级人民法院二审，裁定撤销原判，发回原审人民法院重新审理。"))),
		notSimp("82 ¶3: 本案系发回重审案件 (2016)", remand, a(filedOn("2016-06-01"), cm.disclosure, text("本案系发回重审案件。"))),
		notSimp("82 ¶3: 本院依审判监督程序再审", retrial, a(cm.disclosure, text("本院依照审判监督程序对本案进行再审。"))),
		notSimp("82 ¶3: 指令本院再审", retrial, a(cm.disclosure, text("浙江省高级人民法院裁定指令本院再审本案。"))),
		notSimp("82 ¶3: 二审发回本院重审 (a court named in full)", remand,
			a(cm.disclosure, text("浙江省杭州市中级人民法院裁定撤销浙江省杭州市西湖区人民法院行政判决，发回本院重审。"))),
		open("near miss: Interp. 109 指令继续审理 is no remand",
			a(cm.disclosure, text("杭州市中级人民法院裁定撤销原审驳回起诉的裁定，指令本院继续审理。"))),
		open("near miss: 申请再审被驳回 (no retrial)", a(cm.disclosure, text("原告曾就前案申请再审，被驳回。"))),
	}
}
