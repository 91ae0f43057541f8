package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 33 of the statute audit (2026-12-06): administrative filings at a
// basic court. Every row was written from the texts before fenjian was run:
//
//   - 行政诉讼法第二十六条第二款 (复议机关决定维持原行政行为的，作出原行政行为
//     的行政机关和复议机关是共同被告；复议机关改变原行政行为的，复议机关是被告)
//     and 第三款 (复议机关在法定期限内未作出复议决定…起诉复议机关不作为的，复议
//     机关是被告); 行诉法解释第一百三十三条 (驳回复议申请 is 维持, "但以复议申请
//     不符合受理条件为由驳回的除外"), 第一百三十四条第三款 (复议机关作共同被告
//     的案件，以作出原行政行为的行政机关确定案件的级别管辖; before 2018-02-08
//     法释〔2015〕9号第八条, read from public copies); 第七十九条 (a joint
//     judgment) and 第八十二条、第八十三条 name no bar for a 复议 case: a
//     co-defendant 复议机关 never closes simplified procedure by itself;
//   - 第十四条、第十五条第一项: a 乡、镇 government (and a 苏木, Inner
//     Mongolia's 乡-level area) is below the county, its case the basic
//     court's;
//   - 行政诉讼法（1989年）第十四条 (（一）确认发明专利权的案件、海关处理的案件；
//     （二）对国务院各部门或者省、自治区、直辖市人民政府所作的具体行政行为提起
//     诉讼的案件；（三）本辖区内重大、复杂的案件), read with 法释〔2000〕8号第八条
//     第一项 (in force 2000-03-10: 被告为县级以上人民政府，且基层人民法院不适宜
//     审理的案件) and 法释〔2008〕1号第一条第一项 (in force 2008-02-01: 被告为县
//     级以上人民政府的案件), both read from public copies: the review before
//     2015-05-01 cites the item of its defendant's kind and the provision of
//     its date.

// all26Reconsideration is the round's review, a literal so the table
// compiles (and fails) without the change.
const all26Reconsideration = "REVIEW_ALL26_RECONSIDERATION_DEFENDANT"

// TestAuditRound33Admin: filings.
func TestAuditRound33Admin(t *testing.T) { runTable(t, audit33AdminCases(t)) }

// citesArticle checks that the review code's reason cites article.
func citesArticle(code, article string) func(t *testing.T, a *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		for _, r := range a.ReviewReasons {
			if r.GetCode() == code {
				if r.GetArticle() != article {
					t.Errorf("%s cites %q, want %q", code, r.GetArticle(), article)
				}
				return
			}
		}
		t.Errorf("no %s reason", code)
	}
}

func audit33AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		all15 = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
		all89 = "REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT"
		bar   = "ALL15_INTERMEDIATE_JURISDICTION"

		art14one   = "行政诉讼法（1989年）第十四条第一项"
		art14two   = "行政诉讼法（1989年）第十四条第二项"
		art14three = "行政诉讼法（1989年）第十四条第三项；最高人民法院关于行政案件管辖若干问题的规定（法释〔2008〕1号）第一条第一项"
		art2000    = "行政诉讼法（1989年）第十四条第三项；最高人民法院关于执行《中华人民共和国行政诉讼法》若干问题的解释（法释〔2000〕8号）第八条第一项"
		art26      = "行政诉讼法第二十六条第二款、第三款；最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第一百三十三条、第一百三十四条第三款"
		art26of15  = "行政诉讼法第二十六条第二款、第三款；最高人民法院关于适用《中华人民共和国行政诉讼法》若干问题的解释（法释〔2015〕9号）第八条"
		art25of89  = "行政诉讼法（1989年）第二十五条第二款"
	)
	// closed: simplified is closed at the basic court for want of
	// jurisdiction (第十四条、第十五条第一项、第二十二条).
	closed := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, bar), at(locReview, all15)}, silent: []string{at(locReview, all26Reconsideration)}}
	}
	// unsure: simplified stays open (a qualifying item is set), the level
	// is a person's judgement.
	unsure := func(name string, f *triagev1.Filing, article string) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avA, pOrd, avA), review: ptr(true),
			fires: []string{at(locReview, all26Reconsideration)}, silent: []string{at(locSimp, bar), at(locReview, all15)},
			extra: citesArticle(all26Reconsideration, article)}
	}
	// open: simplified open, no jurisdiction review of any kind.
	open := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avA, pOrd, avA),
			silent: []string{at(locSimp, bar), at(locReview, all15), at(locReview, all26Reconsideration), at(locReview, all89)}}
	}
	// era89: before 2015-05-01, the review with its article.
	era89 := func(name string, f *triagev1.Filing, article string) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU), review: ptr(true),
			fires: []string{at(locSimp, "ALL82_NOT_IN_FORCE"), at(locReview, all89)}, silent: []string{at(locSimp, bar)},
			extra: citesArticle(all89, article)}
	}
	quiet89 := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU), silent: []string{at(locReview, all89), at(locReview, all26Reconsideration)}}
	}
	return []tcase{
		// --- 1. 复议: who is the defendant decides the level (第二十六条第二款、第三款) ---
		closed("26 ¶2: the 复议机关 changed the act (变更) and is the defendant: its level decides",
			a(cm.disclosure, text("被告杭州市人民政府作出复议决定，变更原处罚决定的罚款数额。"))),
		closed("26 ¶2: the 复议机关 set the act aside (撤销) and decided anew",
			a(cm.spot, text("原告不服杭州市西湖区市场监督管理局的处罚决定申请复议。被告杭州市西湖区人民政府作出复议决定撤销原处罚决定，并另行作出处罚。"))),
		closed("26 ¶3: the 复议机关 sued for making no decision (逾期未作出复议决定)",
			a(cm.disclosure, text("原告向被告杭州市人民政府申请行政复议，被告逾期未作出复议决定。"))),
		closed("Interp. 133: rejected as not meeting the conditions of acceptance is no 维持",
			a(cm.disclosure, text("被告杭州市人民政府以不符合受理条件为由驳回原告的复议申请。"))),
		unsure("26 ¶2 changed, the government only a defendant party (it may be joined in error)",
			a(cm.disclosure, named(1, "杭州市人民政府"), text("原告不服杭州市公安局的处罚决定申请复议，复议机关作出复议决定，变更罚款数额。")), art26),
		unsure("26 ¶3 no decision, the government named only in a claim about another act",
			a(cm.disclosure, text("原告曾申请行政复议，复议机关逾期未作出决定。1.确认被告杭州市西湖区人民政府强制拆除原告养殖棚的行为违法。")), art26),
		unsure("unstated: 不服被告…作出的行政复议决定 says neither 维持 nor 改变",
			a(cm.disclosure, text("原告不服被告杭州市人民政府作出的行政复议决定，诉至法院。")), art26),
		unsure("unstated: a government party, the text only says 复议 (round 28's near miss, now reviewed)",
			a(cm.disclosure, named(1, "杭州市西湖区人民政府"), text("原告申请复议后起诉。")), art26),
		unsure("维持, a government party the text never names: it may be the original organ (Interp. 134 ¶3)",
			a(cm.disclosure, named(1, "杭州市西湖区人民政府"), text("被告杭州市西湖区市场监督管理局作出处罚决定，原告申请复议，复议机关维持。")), art26),
		unsure("撤销 in the claims is the plaintiff's, not the 复议机关's (no bar)",
			a(cm.disclosure, text("诉讼请求：撤销被告杭州市人民政府作出的复议决定及杭州市公安局作出的处罚决定。")), art26),
		unsure("Interp. 134 ¶2: 维持 in part and 变更 in part, no original organ stated",
			a(cm.disclosure, text("被告杭州市人民政府作出复议决定，维持原处罚决定中的罚款部分。该复议决定变更了没收部分。")), art26),
		unsure("era: 2016-06-01, the 2015 interpretation's art. 8",
			a(filedOn("2016-06-01"), cm.disclosure, text("原告不服被告杭州市人民政府作出的行政复议决定，诉至法院。")), art26of15),
		{name: "era: 2014-06-01, the 1989 text's art. 25 ¶2 (no simplified procedure)",
			filing: a(filedOn("2014-06-01"), text("原告不服被告杭州市人民政府作出的行政复议决定，诉至法院。")),
			avail:  av(pSimp, avU), review: ptr(true), fires: []string{at(locReview, all26Reconsideration)},
			extra: citesArticle(all26Reconsideration, art25of89)},
		era89("era: 2014-06-01, the 复议机关 changed the act (1989 art. 25 ¶2: it is the defendant)",
			a(filedOn("2014-06-01"), text("被告杭州市人民政府作出复议决定，变更原处罚决定。")), art14three),
		open("near miss: 维持, the 复议机关 named and the original organ a bureau (Interp. 134 ¶3)",
			a(cm.disclosure, text("原告向被告杭州市人民政府申请复议，被告杭州市人民政府作出复议决定维持杭州市公安局作出的处罚决定。"))),
		open("near miss: 82 ¶1(1) with a co-defendant 复议机关 that maintained (82–83 name no bar)",
			a(cm.spot, text("被告杭州市公安局西湖区分局当场作出罚款200元的处罚决定，原告申请复议，被告杭州市西湖区人民政府作出复议决定维持。"))),
		open("near miss: 不予受理 is the original act's, before 申请复议; 维持 stated in a sentence of its own",
			a(cm.disclosure, text("原告不服金华市婺城区人力资源和社会保障局作出的不予受理决定，向被告金华市婺城区人民政府申请行政复议。被告作出维持决定。"))),
		unsure("撤销…《行政复议决定书》 on a numbered line is a claim, not a change",
			a(cm.disclosure, text("(1)撤销被告金华市婺城区人民政府作出的婺行复〔2022〕8号《行政复议决定书》。")), art26),
		closed("26 ¶3: the government sued for its own act after a 复议 with no decision (a request word later in the sentence)",
			a(cm.disclosure, text("被告杭州市西湖区人民政府强制拆除原告房屋，原告曾申请行政复议，复议机关逾期未作出决定，原告另提出行政赔偿请求。"))),
		open("near miss: a 复议机关 that changed the act, a bureau (not an intermediate kind)",
			a(cm.disclosure, text("被告杭州市市场监督管理局作出复议决定，变更原处罚决定。"))),

		// --- 2. below the county: the basic court's case (第十四条) ---
		open("near miss: 被告…乡人民政府", a(cm.disclosure, text("被告淳安县王阜乡人民政府作出责令限期拆除决定。"))),
		open("near miss: 被告…苏木人民政府 (Inner Mongolia's 乡 level)", a(cm.disclosure, text("被告阿巴嘎旗别力古台苏木人民政府作出责令限期拆除决定。"))),
		open("near miss: a 苏木 government as the defendant party", a(cm.disclosure, named(1, "阿巴嘎旗洪格尔高勒苏木人民政府"))),
		open("near miss: 被告…镇政府 written short", a(cm.spot, text("被告三墩镇政府作出强制拆除决定。"))),
		open("near miss: 被告…街道办事处 (a district's 派出机关, not a government)", a(cm.disclosure, text("被告杭州市西湖区西溪街道办事处作出强制拆除决定。"))),
		closed("neighbour: 被告…旗人民政府 is a county-level government", a(cm.disclosure, text("被告阿巴嘎旗人民政府作出征收决定。"))),

		// --- 3. before 2015-05-01: 1989 art. 14 by kind and date ---
		era89("1989 art. 14(2): 被告商务部 (2010)", a(filedOn("2010-06-01"), text("被告商务部作出反倾销调查裁定。")), art14two),
		era89("1989 art. 14(2): 省级人民政府 as the party (1995)", a(filedOn("1995-06-01"), named(1, "浙江省人民政府")), art14two),
		era89("1989 art. 14(1): 海关处理的案件 (2012)", a(filedOn("2012-09-01"), text("被告杭州海关对原告处以罚款。")), art14one),
		era89("法释〔2008〕1号 art. 1(1): 被告…县人民政府 (2012)", a(filedOn("2012-03-01"), text("被告淳安县人民政府作出征收决定。")), art14three),
		era89("法释〔2000〕8号 art. 8(1): 被告…区人民政府 (2005)", a(filedOn("2005-06-01"), text("被告杭州市西湖区人民政府作出征收决定。")), art2000),
		era89("法释〔2000〕8号 art. 8(1): its first day, 2000-03-10", a(filedOn("2000-03-10"), named(1, "杭州市人民政府")), art2000),
		era89("法释〔2008〕1号 art. 1(1): its first day, 2008-02-01", a(filedOn("2008-02-01"), named(1, "杭州市人民政府")), art14three),
		quiet89("near miss: 2000-03-09, a city government (1989 art. 14 named 省级 only)", a(filedOn("2000-03-09"), named(1, "杭州市人民政府"))),
		quiet89("near miss: 2012, a 镇人民政府", a(filedOn("2012-03-01"), text("被告三墩镇人民政府作出处罚决定。"))),
		quiet89("near miss: 2012, a 苏木人民政府", a(filedOn("2012-03-01"), named(1, "别力古台苏木人民政府"))),
		closed("era neighbour: 2015-05-01, a county government is art. 15(1)'s", a(filedOn("2015-05-01"), cm.disclosure, text("被告淳安县人民政府作出征收决定。"))),
	}
}
