package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 25 of the statute audit (2026-12-05): administrative filings. Every
// row was written from the texts before fenjian was run:
//
//   - 行政诉讼法 (2017 text, /work/shared/law; the 2014 amendment, in force
//     2015-05-01, gave it these numbers) 第十五条: the intermediate court tries
//     at first instance "（一）对国务院部门或者县级以上地方人民政府所作的行政行为
//     提起诉讼的案件；（二）海关处理的案件". Art. 82 names no court level, so a
//     basic court holding such a case closes nothing: it is reviewed.
//   - 行政诉讼法 (1989, in force 1990-10-01 to 2015-04-30) 第十四条: "（一）确认
//     发明专利权的案件、海关处理的案件；（二）对国务院各部门或者省、自治区、直辖市
//     人民政府所作的具体行政行为提起诉讼的案件；（三）本辖区内重大、复杂的案件";
//     最高人民法院关于行政案件管辖若干问题的规定 (法释〔2008〕1号, in force
//     2008-02-01) 第一条第一项 read item 3 as "被告为县级以上人民政府的案件，但以
//     县级人民政府名义办理不动产物权登记的案件可以除外". The 1989 text is not in
//     /work/shared/law: its art. 14 and the 2008 provisions were read in
//     secondary reprints (docs/statutes.md, round 25). The 1989 law had no
//     simplified procedure, so these rows are reviews beside
//     ALL82_NOT_IN_FORCE.
//   - 行政诉讼法第八十二条第二款: "除前款规定以外的第一审行政案件，当事人各方同意
//     适用简易程序的，可以适用简易程序": a complaint stating that a party does
//     not agree leaves the agreement short of 各方; an ¶1 item needs no
//     agreement and stays.

// Codes added in round 25 (administrative), as literals so that the table
// compiles (and fails) without the change.
const (
	r25Admin1989    = "REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT"
	r25Customs      = "REVIEW_ALL15_CUSTOMS_DEFENDANT"
	r25AdminObjects = "REVIEW_ADMIN_OBJECTION_IN_TEXT"
)

// TestAuditRound25Admin: filings.
func TestAuditRound25Admin(t *testing.T) { runTable(t, audit25AdminCases(t)) }

func audit25AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		agreed  = "ALL82_AGREEMENT"
		notQual = "ALL82_NOT_QUALIFIED"
		notInF  = "ALL82_NOT_IN_FORCE"
		spot    = "ALL82_ACT_ON_THE_SPOT"
	)
	all := []string{r24Admin15, r25Customs, r25Admin1989}
	others := func(code string) []string {
		var out []string
		for _, c := range all {
			if c != code {
				out = append(out, at(locReview, c))
			}
		}
		return out
	}
	// jur: a defendant named as a party (name) or in the complaint (words),
	// filed on date; code is the review wanted ("" for none). The agreement
	// keeps simplified procedure open from 2015-05-01 unless the case is
	// reviewed as the intermediate court's (statute round 32: the basic
	// court transfers it, 第二十二条; until then art. 82's silence on the
	// level kept it open).
	jur := func(name, date, partyName, words, code string, mods ...mod) tcase {
		ms := []mod{filedOn(date), cm.agreeS}
		if partyName != "" {
			ms = append(ms, named(1, partyName))
		}
		if words != "" {
			ms = append(ms, text(words))
		}
		c := tcase{name: name, filing: a(append(ms, mods...)...), silent: others(code)}
		switch {
		case date >= "2015-05-01" && code != "":
			// Statute round 32: the basic court transfers the case
			// (第二十二条), so simplified procedure closes there.
			c.avail = av(pSimp, avU, pOrd, avA)
			c.fires = []string{at(locSimp, allIntermediate)}
		case date >= "2015-05-01":
			c.avail = av(pSimp, avA, pOrd, avA)
		default:
			c.avail = av(pSimp, avU, pOrd, avA)
			c.fires = []string{at(locSimp, notInF)}
		}
		if code != "" {
			c.fires, c.review = append(c.fires, at(locReview, code)), ptr(true)
		}
		return c
	}
	interm := courtAt("杭州市中级人民法院", intermediateCourt)
	return []tcase{
		// --- 行政诉讼法第十五条第一项 (from 2015-05-01): a 国务院部门 ---
		jur("ministry as the defendant party (中华人民共和国商务部)", "2024-03-05", "中华人民共和国商务部", "", r24Admin15),
		jur("直属机构 as the defendant party (国家市场监督管理总局)", "2024-03-05", "国家市场监督管理总局", "", r24Admin15),
		jur("ministry in the text (被告国家知识产权局…)", "2024-03-05", "", "请求撤销被告国家知识产权局作出的驳回决定。", r24Admin15),
		jur("ministry after 被告： (交通运输部)", "2024-03-05", "", "被告：中华人民共和国交通运输部。请求确认被告不履行法定职责违法。", r24Admin15),
		jur("former ministry name on its date (国家工商行政管理总局, 2016)", "2016-06-01", "国家工商行政管理总局", "", r24Admin15),
		jur("near miss: a local tax bureau under 国家税务总局", "2024-03-05", "国家税务总局杭州市西湖区税务局", "", ""),
		jur("near miss: a local 商务局 in the text", "2024-03-05", "", "请求撤销被告杭州市商务局作出的处罚决定。", ""),
		jur("near miss: an office of 国家知识产权局 in the text", "2024-03-05", "", "请求撤销被告国家知识产权局专利局杭州代办处作出的通知。", ""),
		jur("near miss: the ministry as 复议机关 (行诉法解释第一百三十四条第三款)", "2024-03-05", "", "被告商务部作出复议决定维持原处罚决定。", ""),
		jur("near miss: the ministry at the intermediate court", "2024-03-05", "中华人民共和国商务部", "", "", interm),
		jur("near miss: 被告人 (not an administrative defendant)", "2024-03-05", "", "另案被告人王某曾向公安部举报。", ""),

		// --- 行政诉讼法第十五条第二项 (from 2015-05-01): 海关处理的案件 ---
		jur("customs as the defendant party (中华人民共和国杭州海关)", "2024-03-05", "中华人民共和国杭州海关", "", r25Customs),
		jur("customs in the text (被告钱塘海关作出的…)", "2024-03-05", "", "请求撤销被告钱塘海关作出的行政处罚决定。", r25Customs),
		jur("near miss: the customs' anti-smuggling bureau (a police organ)", "2024-03-05", "", "请求撤销被告杭州海关缉私分局作出的决定。", ""),
		jur("near miss: customs at the intermediate court", "2024-03-05", "杭州海关", "", "", interm),

		// --- 行政诉讼法（1989年）第十四条 (before 2015-05-01) ---
		jur("1989 art. 14(2): provincial government (2010)", "2010-06-01", "浙江省人民政府", "", r25Admin1989),
		jur("1989 art. 14(2): autonomous region in the text (2005)", "2005-06-01", "", "请求撤销被告广西壮族自治区人民政府作出的决定。", r25Admin1989),
		jur("1989 art. 14(2): ministry in the text (2003)", "2003-06-01", "", "请求撤销被告中华人民共和国商务部作出的决定。", r25Admin1989),
		jur("1989 art. 14(1): customs (2012)", "2012-09-01", "中华人民共和国杭州海关", "", r25Admin1989),
		jur("法释〔2008〕1号 art. 1(1): district government, 2012", "2012-03-01", "杭州市西湖区人民政府", "", r25Admin1989),
		jur("法释〔2008〕1号 art. 1(1): first day, 2008-02-01", "2008-02-01", "杭州市西湖区人民政府", "", r25Admin1989),
		jur("法释〔2008〕1号 art. 1(1): last day, 2015-04-30", "2015-04-30", "杭州市西湖区人民政府", "", r25Admin1989),
		jur("district government 2008-01-31 (法释〔2000〕8号第八条第一项; round 33: was a near miss)", "2008-01-31", "杭州市西湖区人民政府", "", r25Admin1989),
		jur("near miss: district government 2000-03-09 (1989 art. 14 named 省级 only; 法释〔2000〕8号 not yet in force)", "2000-03-09", "杭州市西湖区人民政府", "", ""),
		jur("near miss: city government 2000 (not 省级)", "2000-01-04", "杭州市人民政府", "", ""),
		jur("near miss: 镇人民政府 2012 (below the county)", "2012-03-01", "三墩镇人民政府", "", ""),
		jur("near miss: provincial government 2010 at the intermediate court", "2010-06-01", "浙江省人民政府", "", "", interm),
		jur("era neighbour: district government 2015-05-01 is art. 15's", "2015-05-01", "杭州市西湖区人民政府", "", r24Admin15),

		// --- 行政诉讼法第八十二条第二款: a party's refusal stated in the complaint ---
		{name: "agreed in the field, 被告不同意适用简易程序 in the text", filing: a(cm.agreeS, text("诉讼请求：撤销处罚决定。被告不同意适用简易程序。")),
			avail: av(pSimp, avU, pOrd, avA), review: ptr(true), fires: []string{at(locSimp, notQual), at(locReview, r25AdminObjects)}, silent: []string{at(locSimp, agreed)}},
		{name: "agreed in the field, 原告对适用简易程序有异议", filing: a(cm.agreeS, text("原告对适用简易程序有异议，请求组成合议庭审理。")),
			avail: av(pSimp, avU, pOrd, avA), review: ptr(true), fires: []string{at(locSimp, notQual), at(locReview, r25AdminObjects)}},
		{name: "agreed and on the spot, 第三人不同意适用简易程序: ¶1(1) needs no agreement", filing: a(cm.agreeS, cm.spot, text("第三人不同意适用简易程序。")),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locSimp, spot), at(locReview, r25AdminObjects)}, silent: []string{at(locSimp, agreed)}},
		{name: "near miss: 对适用简易程序没有异议", filing: a(cm.agreeS, text("双方当事人对适用简易程序没有异议。")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, agreed)}, silent: []string{at(locReview, r25AdminObjects)}},
		{name: "near miss: 同意适用简易程序", filing: a(cm.agreeS, text("原、被告均同意适用简易程序。")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, agreed)}, silent: []string{at(locReview, r25AdminObjects)}},
		{name: "near miss: no agreement in the field (nothing to take back)", filing: a(text("被告不同意适用简易程序。")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, notQual)}, silent: []string{at(locReview, r25AdminObjects)}},
	}
}

// TestAuditRound25AdminOutcomes: the court's choice of simplified procedure
// under ¶2 is refused when the complaint states that a party does not agree
// and the outcome records no agreement; an outcome recording the parties'
// agreement (reached after filing) stands, as does on the spot (¶1(1)).
func TestAuditRound25AdminOutcomes(t *testing.T) {
	e := defaultEngine(t)
	_, a, _ := auditBuilders(t)
	basis := func(s string) omod { return func(o *triagev1.Outcome) { o.LegalBasis = s } }
	runR24Outcomes(t, e, []r24Outcome{
		{outcomeRow{"agreed, 被告不同意适用简易程序 in the text", a(cm.agreeS, text("被告不同意适用简易程序。")), pOrd,
			outcome(chOver, pSimp, basis("行政诉讼法第八十二条第二款"), on("2024-03-05")), rules.RuleProcedureExcluded}, "第八十二条"},
		{outcomeRow{"被告不同意适用简易程序 in the text, the outcome records the agreement", a(cm.agreeS, text("被告不同意适用简易程序。")), pOrd,
			outcome(chOver, pSimp, basis("行政诉讼法第八十二条第二款"), agreed, on("2024-03-05")), ""}, ""},
		{outcomeRow{"on the spot, 被告不同意适用简易程序 (¶1(1) needs no agreement)", a(cm.agreeS, cm.spot, text("被告不同意适用简易程序。")), pOrd,
			outcome(chOver, pSimp, basis("行政诉讼法第八十二条第一款第一项"), on("2024-03-05")), ""}, ""},
	})
}
