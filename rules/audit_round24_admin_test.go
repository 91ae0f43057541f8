package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 24 of the statute audit (2026-12-05): administrative filings whose
// complaint states what the circumstances do not. Written from 行政诉讼法
// (2017 text, /work/shared/law) arts. 82 ("发回重审、按照审判监督程序再审的
// 案件不适用简易程序", ¶3), 83, 89 ¶1(3)–(4) (the remand) and 人民陪审员法第十六
// 条第四项 (社会影响重大的案件: seven judges and assessors, from 2018-04-27),
// before the rules were read:
//   - a remand or a retrial stated in the text closes simplified procedure
//     whatever the ¶1 item or the parties' agreement (¶3), reviewed;
//   - a major social impact stated in the text closes it from 2018-04-27;
//   - before 2015-05-01 the 1989 law had no simplified procedure at all.
//
// Round 23 left the remand in an administrative text unread (docs/statutes.md).

// Codes added in round 24 (administrative), as literals.
const (
	r24AdminRemanded = "REVIEW_ADMIN_REMANDED_IN_TEXT"
	r24AdminRetrial  = "REVIEW_ADMIN_RETRIAL_IN_TEXT"
	r24Admin15       = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
)

// TestAuditRound24Admin: filings.
func TestAuditRound24Admin(t *testing.T) { runTable(t, audit24AdminCases(t)) }

func audit24AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区, basic, filed 2024-03-05
	const (
		remanded = "ALL82_REMANDED"
		retrial  = "ALL82_RETRIAL"
		agreed   = "ALL82_AGREEMENT"
		assess16 = "ASSESSORS16_MAJOR_SOCIAL_IMPACT"
		notInF   = "ALL82_NOT_IN_FORCE"
	)
	closed := func(name, words, code, review string, mods ...mod) tcase {
		return tcase{name: name, filing: a(append([]mod{text(words)}, mods...)...),
			avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, code), at(locReview, review)}}
	}
	quiet := []string{at(locReview, r24AdminRemanded), at(locReview, r24AdminRetrial), at(locReview, r24MajorImpact),
		at(locSimp, remanded), at(locSimp, retrial), at(locSimp, assess16)}
	open := func(name, words string, mods ...mod) tcase {
		return tcase{name: name, filing: a(append([]mod{text(words), cm.agreeS}, mods...)...),
			avail: av(pSimp, avA), fires: []string{at(locSimp, agreed)}, silent: quiet}
	}
	// gov: the jurisdiction review (wanted or not), simplified open by the
	// agreement either way.
	gov := func(name, words, defendantName string, want bool) tcase {
		mods := []mod{cm.agreeS}
		if words != "" {
			mods = append(mods, text(words))
		}
		if defendantName != "" {
			mods = append(mods, named(1, defendantName))
		}
		c := tcase{name: name, filing: a(mods...), avail: av(pSimp, avA, pOrd, avA)}
		if want {
			// Statute round 32: the basic court transfers the case
			// (第二十二条), so simplified procedure closes there too.
			c.fires, c.review = []string{at(locReview, r24Admin15), at(locSimp, allIntermediate)}, ptr(true)
			c.avail = av(pSimp, avU, pOrd, avA)
		} else {
			c.silent = []string{at(locReview, r24Admin15), at(locSimp, allIntermediate)}
		}
		return c
	}
	return []tcase{
		// --- ¶3: a remand stated in the complaint ---
		closed("撤销原判，发回重审, agreed", "本案经杭州市中级人民法院二审，裁定撤销原判，发回重审。", remanded, r24AdminRemanded, cm.agreeS),
		closed("发回本院重新审理, on the spot", "杭州市中级人民法院以原判决遗漏当事人为由，裁定发回本院重新审理。", remanded, r24AdminRemanded, cm.spot),
		closed("发回原审人民法院重审, government information", "二审法院认为原判决认定基本事实不清，发回原审人民法院重审。", remanded, r24AdminRemanded, cm.disclosure),
		closed("发回重审, ¥2,000 (¶1(2))", "本案系发回重审案件。", remanded, r24AdminRemanded, yuan(2000)),
		closed("发回重审 at an intermediate court, agreed", "本案经浙江省高级人民法院裁定发回重审。", remanded, r24AdminRemanded,
			courtAt("杭州市中级人民法院", intermediateCourt), cm.agreeS),
		{name: "发回重审 filed 2015-04-30: the 1989 law, reviewed", filing: a(text("本案经二审裁定发回重审。"), filedOn("2015-04-30"), cm.spot),
			avail: av(pSimp, avU), review: ptr(true), fires: []string{at(locSimp, notInF), at(locReview, r24AdminRemanded)}},

		// --- ¶3: a retrial stated in the complaint ---
		closed("按照审判监督程序再审, agreed", "本院按照审判监督程序对本案进行再审。", retrial, r24AdminRetrial, cm.agreeS),
		closed("指令…再审, on the spot", "浙江省高级人民法院裁定指令本院再审本案。", retrial, r24AdminRetrial, cm.spot),

		// --- 人民陪审员法第十六条第四项: 社会影响重大 stated in the complaint ---
		closed("社会影响重大, agreed (2024)", "被告的征收行为涉及数百户居民，社会影响重大。", assess16, r24MajorImpact, cm.agreeS),
		{name: "重大社会影响 filed 2018-04-26: before 人民陪审员法, reviewed only", filing: a(text("本案有重大社会影响。"), filedOn("2018-04-26"), cm.agreeS),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locReview, r24MajorImpact)}, silent: []string{at(locSimp, assess16)}},

		// --- 行政诉讼法第十五条第一项: a 县级以上地方人民政府 defendant at a basic
		// court is the intermediate court's case; the jurisdiction is
		// reviewed and, since statute round 32, simplified procedure closes
		// at the basic court (第十四条, 第二十二条) ---
		gov("district government named as the defendant party", "", "杭州市西湖区人民政府", true),
		gov("city government in the text (被告…)", "请求撤销被告杭州市人民政府作出的征收决定。", "", true),
		gov("provincial government after 被告：", "被告：浙江省人民政府。请求撤销其作出的行政复核决定书。", "", true),
		gov("county government in the text", "请求确认被告淳安县人民政府强制拆除行为违法。", "", true),
		gov("near miss: a 镇人民政府 (below the county)", "请求撤销被告三墩镇人民政府作出的处罚决定。", "", false),
		gov("near miss: the government's office (a department)", "", "杭州市西湖区人民政府办公室", false),
		gov("near miss: the government's office in the text", "请求撤销被告杭州市西湖区人民政府办公室作出的告知书。", "", false),
		gov("near miss: the government as 复议机关 (行诉法解释第一百三十四条第三款)", "被告杭州市西湖区人民政府作出复议决定维持原处罚决定。", "", false),
		gov("near miss: 被告作出的… (no government named)", "请求撤销被告作出的处罚决定，该决定经区人民政府批准。", "", false),
		{name: "near miss: the same defendant at the intermediate court (its own case)", filing: a(courtAt("杭州市中级人民法院", intermediateCourt), cm.agreeS, named(1, "杭州市西湖区人民政府")),
			avail: av(pSimp, avA), silent: []string{at(locReview, r24Admin15)}},
		{name: "near miss: the same defendant filed 2015-04-30 (the 1989 law not read)", filing: a(filedOn("2015-04-30"), named(1, "杭州市西湖区人民政府")),
			silent: []string{at(locReview, r24Admin15)}},

		// --- near misses ---
		open("驳回上诉，维持原判 (no remand)", "二审法院判决驳回上诉，维持原判。"),
		open("不得再次发回重审 (ALL 89 ¶2's words)", "依照行政诉讼法第八十九条第二款，第二审人民法院不得再次发回重审。本案为首次起诉。"),
		open("申请再审被驳回 (a prior case)", "原告曾就另一处罚决定申请再审，被驳回。"),
		open("不符合再审条件", "原告提出申诉，不符合再审条件。"),
		open("无重大社会影响", "本案无重大社会影响。"),
		open("被告…责令重新作出 (no remand)", "复议机关撤销原处罚决定，责令被告重新作出行政行为。"),
	}
}

// TestAuditRound24AdminOutcomes: the court's choice of simplified procedure
// with the parties' agreement on a case whose complaint states a remand or a
// retrial is refused (¶3); the agreement meets ALL82_NOT_QUALIFIED only.
func TestAuditRound24AdminOutcomes(t *testing.T) {
	e := defaultEngine(t)
	_, a, _ := auditBuilders(t)
	agree := func(o *triagev1.Outcome) { o.LegalBasis = "行政诉讼法第八十二条第二款" }
	runR24Outcomes(t, e, []r24Outcome{
		{outcomeRow{"agreed, remand in the text", a(text("本案经二审裁定撤销原判，发回重审。")), pOrd,
			outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), rules.RuleProcedureExcluded}, "第八十二条第三款"},
		{outcomeRow{"agreed, retrial in the text", a(text("本院按照审判监督程序对本案进行再审。")), pOrd,
			outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), rules.RuleProcedureExcluded}, "第八十二条第三款"},
		{outcomeRow{"agreed, 社会影响重大 in the text", a(text("本案社会影响重大。")), pOrd,
			outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), rules.RuleProcedureExcluded}, "人民陪审员法第十六条"},
		{outcomeRow{"agreed, 驳回上诉 in the text (near miss)", a(text("二审法院判决驳回上诉，维持原判。")), pOrd,
			outcome(chOver, pSimp, agree, agreed, on("2024-03-05")), ""}, ""},
	})
}
