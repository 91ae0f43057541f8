package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 34 (civil), each row written from the article's text
// (/work/shared/law/ and the texts docs/statutes.md names) before the
// engine was run; a reading may only close a procedure the law closes or
// leave it to a person, never open one.
//
//   - CPL 169 ¶2 ("当事人认为案件适用小额诉讼的程序审理违反法律规定的，可以
//     向人民法院提出异议。人民法院对当事人提出的异议应当审查"), Interp. 279
//     (2015 text art. 281: "当事人对按照小额诉讼案件审理有异议的，应当在开庭前
//     提出"), Interp. 269 (an objection to simplified procedure, of which
//     small claims is a form: Interp. 281; 若干规定 arts. 3, 13 before
//     2015-02-04): a complaint stating a party's objection is a question
//     the court must examine. Small claims may then not be offered as the
//     court's duty: undetermined, reviewed; simplified stays open. So for
//     an objection to a single judge (CPL 43 ¶2 from 2022: "当事人认为案件由
//     审判员一人独任审理违反法律规定的，可以向人民法院提出异议"), which small
//     claims always is (CPL 40 ¶2).
//   - CPL 165 ¶1 (2013–2021 art. 162): the figure is that of the court's
//     province. A county (县, 自治县, 旗) court named alone ("苍南县人民法院")
//     was placed nowhere; the NBS statistical division codes (2016 and
//     2023 lists) now place it, to show the conflict with the field.
//   - One decision names CPL 2012/2017 art. 162 one way: the limit's
//     "民事诉讼法（2012年修正）" or "（2017年修正）", never beside the reasons'
//     "（2012年、2017年修正）".
//   - Pins: suits whose kind fixes the procedure (督促程序, 公示催告程序:
//     若干规定 art. 1(4); 执行异议之诉: Interp. 308; 第三人撤销之诉: Interp.
//     257(6)); CPL 41 ¶3 (remand).
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥30,000
// 民间借贷纠纷; 浙江's figure then is ¥54,323 (2018-09-03: ¥24,225;
// 2014-06-01: ¥15,059).
func TestAuditRound34Civil(t *testing.T) { runTable(t, round34CivilCases(t)) }

func round34CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, mods...) }
	loan := func(sum, facts string) string {
		return "诉讼请求：1.判令被告偿还借款" + sum + "元。事实与理由：被告向原告借款" + sum + "元，至今未还。" + facts
	}
	const (
		obj          = rules.CodeReviewSmallClaimsObjectionInText
		obj2015      = rules.CodeReviewSmallClaimsObjectionInTextInterp2015
		obj2003      = rules.CodeReviewSmallClaimsObjectionInTextProv2003
		judge        = rules.CodeReviewSingleJudgeObjectionInTextCivil
		mismatch     = rules.CodeReviewCourtProvince
		mismatch2017 = rules.CodeReviewCourtProvinceCPL2017
	)
	objCodes := []string{obj, obj2015, obj2003, judge}
	// objects: small claims undetermined (not closed), simplified and
	// ordinary open, reviewed.
	objects := func(name, code, facts string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{text(loan("30000", facts))}, mods...)...),
			avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, code), at(locReview, code)}}
	}
	// noObjection: near misses that stay mandatory small claims.
	noObjection := func(name, facts string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(append([]mod{text(loan("30000", facts))}, mods...)...),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: objCodes}
	}
	courtElsewhere := func(name, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false),
			review: ptr(true), fires: []string{at(locSC, code), at(locReview, code)}}
	}
	courtFlagged := func(name, courtName, prov string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{yuan(5000), text(loan("5000", "")), court(courtName), province(prov)}, mods...)...),
			avail: av(pSC, avA, pSimp, avA), review: ptr(true),
			fires: []string{at(locReview, code2017If(mods, mismatch, mismatch2017))}, silent: []string{at(locSC, mismatch), at(locSC, mismatch2017)}}
	}
	courtAgrees := func(name, courtName, prov string) tcase {
		return tcase{name: name + " (near miss)", filing: c(province(prov), court(courtName)),
			silent: []string{mismatch, mismatch2017}}
	}
	// oneName: every reason citing CPL art. 162 names the amendment the
	// limit names (民事诉讼法（2012年修正） or （2017年修正）), never both.
	oneName := func(name, want string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), extra: func(t *testing.T, a *rules.Assessment) {
			t.Helper()
			if got := a.Limit.GetArticle(); !strings.HasPrefix(got, want) {
				t.Errorf("limit article %q, want %s…", got, want)
			}
			n := 0
			for _, r := range allReasons(a) {
				if !strings.Contains(r.GetArticle(), "第一百六十二条") {
					continue
				}
				n++
				if strings.Contains(r.GetArticle(), "2012年、2017年修正") || !strings.Contains(r.GetArticle(), want) {
					t.Errorf("%s cites %q beside the limit's %q", r.GetCode(), r.GetArticle(), want)
				}
			}
			if n == 0 {
				t.Errorf("no reason cites art. 162: %s", describe(a))
			}
		}}
	}
	const (
		cpl2012 = "民事诉讼法（2012年修正）"
		cpl2017 = "民事诉讼法（2017年修正）"
	)
	kindBars := func(name, causeName string, simpCode string) tcase {
		return tcase{name: name, filing: c(cause(causeName)), avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, simpCode)}}
	}
	return []tcase{
		// --- CPL 169 ¶2, Interp. 279 (2015 text art. 281), Interp. 269: a party's objection.
		objects("2024: 被告不同意适用小额诉讼程序 (CPL 169 ¶2)", obj, "被告表示不同意适用小额诉讼程序。"),
		objects("2024: 原告对适用小额诉讼程序有异议", obj, "原告对本案适用小额诉讼程序有异议。"),
		objects("2024: 被告对按照小额诉讼案件审理有异议 (Interp. 279's words)", obj, "被告对按照小额诉讼案件审理有异议。"),
		objects("2024: 原告认为本案不宜适用小额诉讼程序 (CPL 166(6)'s words)", obj, "原告认为本案不宜适用小额诉讼程序。"),
		objects("2024: 原告申请不适用小额诉讼程序", obj, "原告申请本案不适用小额诉讼程序审理。"),
		objects("2024: 被告对适用小额诉讼的程序提出异议", obj, "被告已对适用小额诉讼的程序提出异议。"),
		objects("2024: 原告不同意适用简易程序 (Interp. 269, 281: small claims is its form)", obj, "原告不同意适用简易程序审理本案。"),
		objects("2024: 被告不同意一审终审", obj, "被告不同意一审终审。"),
		{name: "2024: ¥80,000 agreed, yet 被告不同意适用小额诉讼程序 (CPL 165 ¶2 needs both)",
			filing: c(yuan(80000), circ(agreeSmallClaims), text(loan("80000", "被告不同意适用小额诉讼程序。"))),
			avail:  av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, obj), at(locReview, obj)}},
		objects("2018: 被告对适用小额诉讼程序提出异议 (Interp. 2015 art. 281)", obj2015, "被告对适用小额诉讼程序提出异议。",
			filedOn("2018-09-03"), yuan(5000), text(loan("5000", "被告对适用小额诉讼程序提出异议。"))),
		objects("2014: 原告不同意适用小额诉讼程序 (若干规定 arts. 3, 13; CPL 2012 art. 162)", obj2003, "原告不同意适用小额诉讼程序。",
			filedOn("2014-06-01"), yuan(5000), text(loan("5000", "原告不同意适用小额诉讼程序。"))),
		// CPL 43 ¶2 (from 2022): an objection to a single judge, which
		// small claims always is (CPL 40 ¶2); before 2022 one to
		// simplified procedure, the only single judge (CPL 2017 art. 39 ¶2).
		objects("2024: 原告不同意由审判员一人独任审理 (CPL 43 ¶2)", judge, "原告不同意由审判员一人独任审理本案。"),
		objects("2024: 被告申请组成合议庭审理本案", judge, "被告申请组成合议庭审理本案。"),
		objects("2024: 原告对本案由独任审理提出异议", judge, "原告对本案由独任审理提出异议。"),
		objects("2018: 原告申请组成合议庭审理 (Interp. 2015 art. 269)", obj2015, "原告申请组成合议庭审理。",
			filedOn("2018-09-03"), yuan(5000), text(loan("5000", "原告申请组成合议庭审理。"))),
		objects("2024: 诉讼请求 …本案不适用小额诉讼程序 (a party's own claim)", obj, "",
			text("诉讼请求：1.判令被告偿还借款30000元；2.本案不适用小额诉讼程序审理。事实与理由：被告向原告借款30000元，至今未还。")),
		objects("2024: 原告认为本案不应适用小额诉讼程序", obj, "原告认为本案不应适用小额诉讼程序。"),
		noObjection("本案不适用普通程序 (not small claims)", "原告认为本案无需适用普通程序。"),
		noObjection("原告同意独任审理", "原告同意由审判员一人独任审理。"),
		noObjection("原告未申请组成合议庭", "原告未申请组成合议庭。"),
		noObjection("另案经合议庭审理 (another suit)", "另案经合议庭审理，判决被告偿还借款。"),
		noObjection("被告对独任审理无异议", "被告对独任审理无异议。"),
		noObjection("原告同意适用小额诉讼程序", "原告同意适用小额诉讼程序。"),
		noObjection("被告对适用小额诉讼程序无异议", "被告对适用小额诉讼程序无异议。"),
		noObjection("被告对管辖权有异议 (Interp. 276: jurisdiction, not the procedure)", "被告对管辖权有异议。"),
		noObjection("另案中被告曾对适用小额诉讼程序提出异议 (another suit)", "另案中被告曾对适用小额诉讼程序提出异议。"),
		noObjection("原告不同意适用普通程序 (not small claims)", "原告不同意适用普通程序。"),
		noObjection("被告并非不同意适用小额诉讼程序 (negated)", "被告并非不同意适用小额诉讼程序。"),
		{name: "2012: 原告不同意适用小额诉讼程序 (no small claims yet: near miss)",
			filing: c(filedOn("2012-10-08"), yuan(5000), text(loan("5000", "原告不同意适用小额诉讼程序。"))),
			avail:  av(pSC, avU, pSimp, avA), silent: objCodes},

		// --- CPL 165 ¶1 (2013–2021 art. 162): the province of a county court.
		courtElsewhere("2024: 苍南县人民法院 (浙江) filed as 江苏省, ¥58,000: over 浙江's ¥54,323", mismatch,
			province("江苏省"), court("苍南县人民法院"), yuan(58000)),
		courtElsewhere("2024: 仙居县人民法院 (浙江) filed as 广东's code 440000, ¥57,000", mismatch,
			province("440000"), court("仙居县人民法院"), yuan(57000)),
		courtElsewhere("2016: 无为县人民法院 (安徽, a county until 2019) filed as 江苏省, ¥17,000", mismatch2017,
			filedOn("2016-09-01"), province("江苏省"), court("无为县人民法院"), yuan(17000)),
		courtFlagged("2024: 社旗县人民法院 (河南) filed as 湖北省", "社旗县人民法院", "湖北省"),
		courtFlagged("2024: 兰坪白族普米族自治县人民法院 (云南) filed as 四川省", "兰坪白族普米族自治县人民法院", "四川省"),
		courtFlagged("2024: 乌审旗人民法院 (内蒙古) filed as 陕西省", "乌审旗人民法院", "陕西省"),
		courtFlagged("2024: 苍南县人民法院灵溪人民法庭 (a tribunal) filed as 福建省", "苍南县人民法院灵溪人民法庭", "福建省"),
		courtFlagged("2017: 海安县人民法院 (江苏, a county until 2018) filed as 浙江省", "海安县人民法院", "浙江省", filedOn("2017-09-01")),
		courtAgrees("2024: 苍南县人民法院 filed as 浙江省", "苍南县人民法院", "浙江省"),
		courtAgrees("2024: 朝阳县人民法院 (辽宁) is not 北京's 朝阳区", "朝阳县人民法院", "辽宁省"),
		courtAgrees("2024: 长沙县人民法院 (湖南) by the county, not the city", "长沙县人民法院", "湖南省"),
		courtAgrees("2024: 北京市朝阳区人民法院 filed as 北京市", "北京市朝阳区人民法院", "北京市"),

		// --- One name for CPL art. 162 in one decision.
		oneName("2014: a mandatory small claim names CPL 2012 art. 162 one way", cpl2012, filedOn("2014-06-01"), yuan(5000)),
		oneName("2018: a mandatory small claim names CPL 2017 art. 162 one way", cpl2017, filedOn("2018-09-03"), yuan(5000)),
		oneName("2018: a claim over the figure", cpl2017, filedOn("2018-09-03"), yuan(30000)),
		oneName("2016: a foreign party (Interp. 2015 art. 275(2))", cpl2012, filedOn("2016-09-01"), yuan(5000),
			party(1, foreign)),
		oneName("2019: a court named intermediate at basic level", cpl2017, filedOn("2019-09-02"), yuan(5000),
			court("温州市中级人民法院")),

		// --- Pins: the kind of suit fixes the procedure.
		kindBars("2024: 申请支付令 (督促程序)", "申请支付令", rules.CodeNonContentiousProcedure),
		kindBars("2024: 申请公示催告 (公示催告程序)", "申请公示催告", rules.CodeNonContentiousProcedure),
		// CPL 184 (ch. 15, 特别程序) names its cases by their sections;
		// 若干规定 art. 1(4) keeps them out of simplified procedure. A
		// cause written in those words, without the catalogue's 申请, was
		// unknown or a contentious dispute (实现担保物权 was a mandatory
		// small claim).
		kindBars("2024: 实现担保物权 (CPL ch. 15 §8)", "实现担保物权", rules.CodeNonContentiousProcedure),
		kindBars("2024: 实现担保物权纠纷", "实现担保物权纠纷", rules.CodeNonContentiousProcedure),
		kindBars("2024: 指定遗产管理人 (CPL ch. 15 §4)", "指定遗产管理人", rules.CodeNonContentiousProcedure),
		kindBars("2024: 认定公民无民事行为能力 (CPL ch. 15 §5)", "认定公民无民事行为能力", rules.CodeNonContentiousProcedure),
		kindBars("2024: 认定公民限制民事行为能力", "认定公民限制民事行为能力", rules.CodeNonContentiousProcedure),
		kindBars("2024: 认定财产无主 (CPL ch. 15 §6)", "认定财产无主", rules.CodeNonContentiousProcedure),
		kindBars("2024: 确认调解协议 (CPL ch. 15 §7)", "确认调解协议", rules.CodeNonContentiousProcedure),
		kindBars("2024: 宣告失踪 (CPL ch. 15 §3)", "宣告失踪", rules.CodeNonContentiousProcedure),
		kindBars("2024: 宣告死亡", "宣告死亡", rules.CodeNonContentiousProcedure),
		kindBars("2024: 撤销监护人资格 (民法典 art. 36; special procedure)", "撤销监护人资格", rules.CodeNonContentiousProcedure),
		kindBars("2024: 人身安全保护令", "人身安全保护令", rules.CodeNonContentiousProcedure),
		kindBars("2024: 撤销仲裁裁决 (仲裁法 art. 58)", "撤销仲裁裁决", rules.CodeNonContentiousProcedure),
		kindBars("2024: 确认仲裁协议效力 (仲裁法 art. 20)", "确认仲裁协议效力", rules.CodeNonContentiousProcedure),
		kindBars("2024: 督促程序 (CPL ch. 17's name)", "督促程序", rules.CodeNonContentiousProcedure),
		kindBars("2024: 海事请求保全 (海事诉讼特别程序法 ch. 3)", "海事请求保全", rules.CodeNonContentiousProcedure),
		{name: "2024: 实现担保物权纠纷 beside 借款合同纠纷 is no contentious small claim",
			filing: c(cause("借款合同纠纷、实现担保物权纠纷")), avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, rules.CodeNonContentiousProcedure)}},
		{name: "2024: 担保物权纠纷 is a contentious suit (near miss)",
			filing: c(cause("担保物权纠纷")), silent: []string{rules.CodeNonContentiousProcedure}},
		{name: "2024: 监护权纠纷 is a contentious suit (near miss)",
			filing: c(cause("监护权纠纷")), silent: []string{rules.CodeNonContentiousProcedure}},
		kindBars("2024: 案外人执行异议之诉 (Interp. 308)", "案外人执行异议之诉", rules.CodeInterp308OrdinaryOnly),
		kindBars("2024: 第三人撤销之诉 (Interp. 257(6))", "第三人撤销之诉", rules.CodeInterp257ThirdPartyRevoke),
		{name: "2024: 发回重审 with the small-claims agreement (CPL 41 ¶3, Interp. 257(2))",
			filing: c(circ(func(x *triagev1.Circumstances) { x.Remanded = true }), circ(agreeSmallClaims)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSimp, rules.CodeInterp257Remanded)}},
	}
}

// code2017If is the era code of a row whose mods file it before 2022.
func code2017If(mods []mod, now, before string) string {
	f := &triagev1.Filing{Circumstances: &triagev1.Circumstances{}}
	for _, m := range mods {
		m(f)
	}
	if f.GetFiledOn() != "" && f.GetFiledOn() < "2022-01-01" {
		return before
	}
	return now
}
