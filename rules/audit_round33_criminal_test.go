package rules_test

import (
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// Round 33 of the statute audit (2026-12-06), criminal: each row written
// from the article first, then run.
//
//   - 刑事诉讼法第二百二十二条第一款 (被告人认罪认罚并同意适用速裁程序) with
//     第一百七十四条第一款 (同意量刑建议和程序适用, 签署认罪认罚具结书): a
//     defendant who refuses the recommendation in words (不同意…量刑建议,
//     不接受量刑建议) does not 认罚; simplified procedure (第二百一十四条第一
//     款第二项: 承认自己所犯罪行，对指控的犯罪事实没有异议) stays open;
//   - 刑诉法解释第三百六十条第五项、第三百七十条第七项 (辩护人作无罪辩护) with
//     刑法第二十条第一款、第二十一条第一款 (正当防卫、紧急避险 "不负刑事责任"):
//     a defence that the act was 正当防卫 is a plea of not guilty; one of
//     防卫过当 (第二十条第二款 "应当负刑事责任") is not;
//   - 刑事诉讼法第二百二十三条第五项 (没有就附带民事诉讼赔偿等事项达成调解或者
//     和解协议): 未赔偿 or 未取得谅解 alone does not say no settlement was
//     reached, so it is reviewed, not barred;
//   - 刑事诉讼法（1996年）第二十条第三项 (外国人犯罪的刑事案件, the
//     intermediate court's; deleted in 2012): a nationality the text states
//     is reviewed as the party's flag is (港澳台 residents are no 外国人).
//   - The two 试点办法 (2014-08, 2016-11) were searched for again (stored
//     public pages): secondary accounts only; nothing new is read of them.

// Literals, so the table compiles (and fails) without the change.
const (
	uncompensated   = "REVIEW_VICTIM_UNCOMPENSATED_IN_TEXT"
	foreign1996     = "REVIEW_CRPL1996_20_FOREIGN_DEFENDANT"
	pleaDispute     = "REVIEW_PLEA_DISPUTE_IN_TEXT"
	defenceNotGuilt = "REVIEW_DEFENCE_NOT_GUILTY_IN_TEXT"
)

// TestAuditRound33Criminal: filings.
func TestAuditRound33Criminal(t *testing.T) { runTable(t, audit33CriminalCases(t)) }

func audit33CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents to fast-track; 杭州市上城区, 2024-03-05
	two := cm.twoDefendants
	suzhou := courtIn("江苏省苏州市姑苏区人民法院", "江苏省")
	both := ftSimp
	not := ftSimpNot
	return []tcase{
		// (1) CrPL 222 ¶1, 174 ¶1: the recommendation refused in words.
		both("222: 不同意检察机关的量刑建议", crim(10, text("被告人王某不同意检察机关的量刑建议。")), avU, avA,
			at(locFT, "CRPL222_NO_ACCEPTANCE"), at(locReview, pleaDispute)),
		both("222: 不接受量刑建议", crim(10, text("被告人王某表示不接受量刑建议。")), avU, avA, at(locReview, pleaDispute)),
		both("222: 拒不接受公诉机关提出的量刑建议", crim(10, text("被告人王某拒不接受公诉机关提出的量刑建议。")), avU, avA),
		both("223(4): 同案被告人李某不同意量刑建议", crim(10, two, text("被告人王某认罪认罚，同案被告人李某不同意量刑建议。")), avU, avA),
		not("near miss: 同意量刑建议", crim(10, text("被告人王某同意量刑建议，签署了认罪认罚具结书。")), avA, avA, nil, at(locReview, pleaDispute)),
		not("near miss: 不同意适用简易程序 is no refusal of the recommendation (214 ¶1(3))",
			crim(10, text("被告人王某不同意适用简易程序。")), avA, avU, nil, "CRPL222_NO_ACCEPTANCE"),
		not("near miss: 不同意 far from 量刑建议 (another clause)",
			crim(10, text("被告人王某不同意被害人的说法，对量刑建议无异议。")), avA, avA, nil, "CRPL222_NO_ACCEPTANCE"),
		// (2) Interp. 360(5), 370(7): 正当防卫 is a plea of not guilty.
		both("360(5): 辩护人提出被告人系正当防卫", crim(10, text("辩护人提出被告人王某系正当防卫。")), avU, avU,
			at(locSimp, "INTERP360_DEFENCE_PLEADS_NOT_GUILTY"), at(locFT, "INTERP370_DEFENCE_PLEADS_NOT_GUILTY"), at(locReview, defenceNotGuilt)),
		both("360(5): 辩护人认为属于紧急避险", crim(10, text("辩护人认为被告人王某的行为属于紧急避险。")), avU, avU),
		both("360(5): 辩护人认为被告人不负刑事责任", crim(10, text("辩护人认为被告人王某作案时不能辨认自己的行为，不负刑事责任。")), avU, avU),
		not("near miss: 超过正当防卫的必要限度 (防卫过当, 刑法第二十条第二款)",
			crim(10, text("辩护人认为被告人王某的行为超过正当防卫的必要限度，属于防卫过当。")), avA, avA, nil, at(locReview, defenceNotGuilt)),
		not("near miss: 不属于正当防卫", crim(10, text("辩护人认为被告人王某的行为不属于正当防卫。")), avA, avA, nil, at(locReview, defenceNotGuilt)),
		not("near miss: 公诉机关认为不属于正当防卫 (no defender)", crim(10, text("公诉机关认为被告人王某的行为不属于正当防卫。")), avA, avA, nil, at(locReview, defenceNotGuilt)),
		// (3) CrPL 223(5): uncompensated or unforgiving is a review.
		not("223(5)?: 未赔偿被害人的经济损失", crim(10, text("被告人王某未赔偿被害人张某的经济损失。")), avA, avA,
			[]string{at(locReview, uncompensated)}, "CRPL223_NO_VICTIM_SETTLEMENT"),
		not("223(5)?: 未取得被害人谅解", crim(10, text("被告人王某未取得被害人张某的谅解。")), avA, avA, []string{at(locReview, uncompensated)}),
		not("near miss: 已赔偿并取得谅解", crim(10, text("被告人王某已赔偿被害人张某的经济损失并取得谅解。")), avA, avA, nil, at(locReview, uncompensated)),
		not("near miss: 达成和解协议，未取得谅解 (a settlement is stated)", crim(10, text("被告人王某与被害人张某达成和解协议，但未取得谅解。")), avA, avA, nil, at(locReview, uncompensated)),
		not("near miss: 未取得 of no 谅解", crim(10, text("被告人王某未取得驾驶证，撞伤被害人张某。")), avA, avA, nil, at(locReview, uncompensated)),
		not("near miss: fast-track closed already (a minor): no review", crim(10, text("被告人王某系未成年人，未赔偿被害人张某的损失。")), avU, avA, nil, at(locReview, uncompensated)),
		not("near miss: 2017 outside the pilot (no fast-track to review)", crim(10, suzhou, filedOn("2017-03-01"), text("被告人王某未赔偿被害人张某的经济损失。")), avU, avA, nil, at(locReview, uncompensated)),
		// (4) CrPL 1996 art. 20(3): a foreign defendant stated in the text.
		// Statute round 38: a nationality the text states closes
		// simplified procedure (CRPL1996_20_FOREIGN_DEFENDANT_IN_TEXT);
		// until then it stayed open beside the review.
		{name: "1996 20(3): 被告人…美国国籍 (2012)", filing: crim(10, suzhou, filedOn("2012-06-01"), text("被告人JOHN SMITH，男，美国国籍。")),
			avail: av(pSimp, avU), review: ptr(true), fires: []string{at(locReview, foreign1996), at(locSimp, "CRPL1996_20_FOREIGN_DEFENDANT_IN_TEXT")}},
		{name: "1996 20(3): 被告人系外籍人员 (2010)", filing: crim(10, suzhou, filedOn("2010-06-01"), text("被告人金某系外籍人员。")),
			review: ptr(true), fires: []string{at(locReview, foreign1996)}},
		{name: "near miss: 中国国籍 (2012)", filing: crim(10, suzhou, filedOn("2012-06-01"), text("被告人王某，男，中国国籍。")), silent: []string{at(locReview, foreign1996)}},
		{name: "near miss: 香港特别行政区居民 (no 外国人)", filing: crim(10, suzhou, filedOn("2012-06-01"), text("被告人陈某，男，香港特别行政区居民，台湾籍亲属。")), silent: []string{at(locReview, foreign1996)}},
		{name: "near miss: the victim's nationality", filing: crim(10, suzhou, filedOn("2012-06-01"), text("被告人王某盗窃被害人外籍人士JOHN的手机。")), silent: []string{at(locReview, foreign1996)}},
		{name: "near miss: 2013-01-01 (CrPL 2012 art. 20 deleted the item)", filing: crim(10, suzhou, filedOn("2013-01-01"), text("被告人JOHN SMITH，男，美国国籍。")), silent: []string{at(locReview, foreign1996)}},
	}
}

// TestReadTextRound33: the new readings on their own.
func TestReadTextRound33(t *testing.T) {
	for _, c := range []struct{ text, dispute string }{
		{"被告人王某不同意检察机关的量刑建议。", "不同意检察机关的量刑建议"},
		{"被告人王某不接受量刑建议。", "不接受量刑建议"},
		{"被告人王某不同意被害人的说法，对量刑建议无异议。", ""},
	} {
		if got := rules.ReadTextFacts(c.text).Dispute; got != c.dispute {
			t.Errorf("ReadTextFacts(%q).Dispute = %q, want %q", c.text, got, c.dispute)
		}
	}
}
