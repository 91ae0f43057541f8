package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 31 of the statute audit (2026-12-06), criminal: what rounds 29 and
// 30 left, each row written from the article first, then run:
//
//   - a dead defendant (刑事诉讼法第十六条第五项: 不追究刑事责任，已经追究的，
//     应当…终止审理; 第二百九十七条第一款: 被告人死亡的，人民法院应当裁定终止
//     审理; 2012年修正 and 1996年 第十五条第五项): no trial of him, so neither
//     simpler procedure; with several defendants the others' trial goes on
//     (a review only);
//   - an appeal or second instance in a basic court's first-instance text
//     (第二百二十七条第一款: 向上一级人民法院上诉): a review;
//   - a 具结书 stated unsigned in other words (未签订, 未出具; 第一百七十四条
//     第一款: 签署认罪认罚具结书), read as round 29's 未签署;
//   - a 七人合议庭 in the text (人民陪审员法第十六条, from 2018-04-27: (一)
//     十年以上…社会影响重大的刑事案件, (二) 公益诉讼, (三)(四) 社会影响重大):
//     each barred from simplified procedure (第二百一十五条第二项) and
//     fast-track (第二百二十三条第三项); before 2018-04-27 a review.

// Literals, so the table compiles (and fails) without the change.
const (
	dead2018    = "CRPL16_DEFENDANT_DEAD"
	dead2012    = "CRPL2012_15_DEFENDANT_DEAD"
	dead1996    = "CRPL1996_15_DEFENDANT_DEAD"
	deadText    = "REVIEW_DEFENDANT_DEAD_IN_TEXT"
	appealText  = "REVIEW_APPEAL_IN_TEXT"
	sevenBar    = "ASSESSORS16_SEVEN_MEMBER_PANEL"
	sevenReview = "REVIEW_SEVEN_MEMBER_PANEL_IN_TEXT"
	withdrawn   = "REVIEW_PLEA_WITHDRAWN_IN_TEXT"
)

// TestAuditRound31Criminal: filings.
func TestAuditRound31Criminal(t *testing.T) { runTable(t, audit31CriminalCases(t)) }

func audit31CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents to fast-track; 杭州市上城区, 2024-03-05
	two := cm.twoDefendants
	suzhou := courtIn("江苏省苏州市姑苏区人民法院", "江苏省")
	both := ftSimp
	not := ftSimpNot // fires the codes, and not the neighbour's
	quiet := func(name string, f *triagev1.Filing, ftWant, simpWant triagev1.Availability, silent ...string) tcase {
		return tcase{name: name, filing: f, avail: av(pFT, ftWant, pSimp, simpWant), silent: silent}
	}
	return []tcase{
		// (1) A dead defendant (CrPL 16(5), 297 ¶1; 2012 and 1996 art. 15(5)).
		both("dead: 被告人王某已死亡, 2024", crim(10, text("被告人王某已死亡。")), avU, avU,
			at(locFT, dead2018), at(locSimp, dead2018), at(locReview, deadText)),
		both("dead: 于…因病死亡, 2024", crim(10, text("被告人王某于2024年2月1日在羁押期间因病死亡。")), avU, avU, at(locSimp, dead2018)),
		both("dead: 犯罪嫌疑人死亡, 2021-03-01", crim(10, filedOn("2021-03-01"), text("犯罪嫌疑人王某已经死亡。")), avU, avU, at(locFT, dead2018)),
		both("dead: 2018-10-26 (CrPL 2018)", crim(10, filedOn("2018-10-26"), text("被告人王某已死亡。")), avU, avU, at(locSimp, dead2018)),
		not("dead: 2018-10-25 (CrPL 2012 art. 15(5))", crim(10, suzhou, filedOn("2018-10-25"), text("被告人王某已死亡。")), avU, avU,
			[]string{at(locSimp, dead2012)}, dead2018),
		not("dead: 2013-01-01 (CrPL 2012)", crim(10, suzhou, filedOn("2013-01-01"), text("被告人王某已死亡。")), avU, avU,
			[]string{at(locSimp, dead2012)}, dead1996),
		both("dead: pilot 2016 (杭州 2017-03-01)", crim(10, filedOn("2017-03-01"), text("被告人王某已死亡。")), avU, avU,
			at(locFT, dead2012), at(locSimp, dead2012)),
		not("dead: 2012-12-31 (CrPL 1996 art. 15(5))", crim(10, suzhou, filedOn("2012-12-31"), text("被告人王某已死亡。")), avU, avU,
			[]string{at(locSimp, dead1996)}, dead2012),
		not("dead: a co-defendant dead, the other tried: reviewed only", crim(10, two, text("被告人李某已死亡，被告人王某认罪认罚。")), avA, avA,
			[]string{at(locReview, deadText)}, dead2018),
		quiet("near miss: 被告人王某致被害人死亡", crim(10, text("被告人王某驾车致被害人张某死亡。")), avA, avA, dead2018, at(locReview, deadText)),
		quiet("near miss: 造成一人死亡", crim(10, text("被告人王某违反交通运输管理法规，造成一人死亡。")), avA, avA, dead2018, at(locReview, deadText)),
		quiet("near miss: 被告人王某的父亲已死亡", crim(10, text("被告人王某的父亲已死亡，母亲年迈。")), avA, avA, dead2018, at(locReview, deadText)),
		quiet("near miss: 被害人李某死亡", crim(10, text("被害人李某经抢救无效死亡。")), avA, avA, dead2018, at(locReview, deadText)),
		// (2) An appeal in a basic court's first-instance text (CrPL 227 ¶1).
		both("appeal: 上诉人王某不服…提起上诉", crim(10, text("上诉人王某不服本院一审判决，提起上诉。")), avA, avA, at(locReview, appealText)),
		both("appeal: 本案系二审案件", crim(10, text("本案系二审案件，被告人王某认罪认罚。")), avA, avA, at(locReview, appealText)),
		quiet("near miss: 经二审裁定撤销原判，发回重审", crim(10, text("本案经二审裁定撤销原判，发回重审。")), avU, avA, at(locReview, appealText)),
		quiet("near miss: 如不服本判决…提出上诉", crim(10, text("如不服本判决，可在接到判决书的第二日起十日内提出上诉。")), avA, avA, at(locReview, appealText)),
		quiet("near miss: 被告人未提出上诉", crim(10, text("被告人王某未提出上诉。")), avA, avA, at(locReview, appealText)),
		quiet("near miss: an intermediate court's text (its own second instance)", crim(10, intermediate, text("上诉人王某不服一审判决，提起上诉。")), avU, avU, at(locReview, appealText)),
		// (3) A 具结书 unsigned in other words (CrPL 174 ¶1, 222): fast-track
		// closed, simplified procedure open (CrPL 214 asks the admission).
		both("unsigned: 未签订认罪认罚具结书", crim(10, text("被告人王某对指控的犯罪事实无异议，但未签订认罪认罚具结书。")), avU, avA,
			at(locFT, "CRPL222_NO_ACCEPTANCE"), at(locReview, withdrawn)),
		both("unsigned: 没有签订具结书", crim(10, text("被告人王某没有签订具结书。")), avU, avA, at(locReview, withdrawn)),
		both("unsigned: 未出具认罪认罚具结书", crim(10, text("被告人王某认罪，但未出具认罪认罚具结书。")), avU, avA, at(locReview, withdrawn)),
		quiet("near miss: 已签订认罪认罚具结书", crim(10, text("被告人王某已签订认罪认罚具结书。")), avA, avA, at(locReview, withdrawn)),
		// (4) A 七人合议庭 (人民陪审员法第十六条, from 2018-04-27).
		both("seven: 由人民陪审员和法官组成七人合议庭审理", crim(10, text("本案由人民陪审员和法官组成七人合议庭审理。")), avU, avU,
			at(locFT, sevenBar), at(locSimp, sevenBar), at(locReview, sevenReview)),
		both("seven: 2018-04-27 (in force)", crim(10, suzhou, filedOn("2018-04-27"), text("本案依法组成七人合议庭。")), avU, avU, at(locSimp, sevenBar)),
		not("seven: 2018-04-26 (no such panel yet): reviewed only", crim(10, suzhou, filedOn("2018-04-26"), text("本案依法组成七人合议庭。")), avU, avA,
			[]string{at(locReview, sevenReview)}, sevenBar),
		not("seven: beside a public interest suit, the suit's bar alone", crim(10, text("人民检察院一并提起附带民事公益诉讼，由七人合议庭审理。")), avU, avU,
			[]string{at(locSimp, sevenPanel)}, sevenBar),
		quiet("near miss: 无需组成七人合议庭", crim(10, text("本案无需组成七人合议庭。")), avA, avA, sevenBar, at(locReview, sevenReview)),
	}
}

// TestReadSpecialProceedingsRound31: the new readings on their own.
func TestReadSpecialProceedingsRound31(t *testing.T) {
	for _, c := range []struct {
		text string
		want rules.SpecialProceedings
	}{
		{"被告人死亡。", rules.SpecialProceedings{Dead: "被告人死亡"}},
		{"被告人王某已死亡。", rules.SpecialProceedings{Dead: "被告人王某已死亡"}},
		{"犯罪嫌疑人刘某1于2023年5月2日因病死亡。", rules.SpecialProceedings{Dead: "犯罪嫌疑人刘某1于2023年5月2日因病死亡"}},
		{"被告人王某致被害人死亡。", rules.SpecialProceedings{}},
		{"被告人王某的父亲死亡。", rules.SpecialProceedings{}},
		{"被告人王某未死亡。", rules.SpecialProceedings{}},
		{"被告人王某，李某死亡。", rules.SpecialProceedings{}},
		{"上诉人王某。", rules.SpecialProceedings{Appeal: "上诉人"}},
		{"被告人王某提出上诉。", rules.SpecialProceedings{Appeal: "提出上诉"}},
		{"被告人有权提出上诉。", rules.SpecialProceedings{}},
		{"经二审，发回重审。", rules.SpecialProceedings{}},
		{"组成七人合议庭。", rules.SpecialProceedings{SevenPanel: "七人合议庭"}},
		{"不组成七人合议庭。", rules.SpecialProceedings{}},
	} {
		if got := rules.ReadSpecialProceedings(c.text); got != c.want {
			t.Errorf("ReadSpecialProceedings(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}

// FuzzReadSpecialProceedingsRound31: the words read are the text's; a
// tail stating each new reading is read after any text; a tail of near
// misses adds none.
func FuzzReadSpecialProceedingsRound31(f *testing.F) {
	for _, s := range []string{"", "被告人", "犯罪嫌疑人王", "死亡", "上诉", "二审", "七人合议", "不", "\xff\xfe", "被告人王某于"} {
		f.Add(s)
	}
	const (
		stated = "。被告人王某已死亡。上诉人王某提起上诉。组成七人合议庭。"
		misses = "。被告人王某驾车致被害人张某死亡，造成一人死亡。如不服本判决，可以提出上诉。本案经二审发回重审。无需组成七人合议庭。"
	)
	f.Fuzz(func(t *testing.T, text string) {
		got := rules.ReadSpecialProceedings(text)
		for _, w := range []string{got.Dead, got.Appeal, got.SevenPanel} {
			if w != "" && !strings.Contains(text, w) {
				t.Fatalf("%q: read %q, not words of the text", text, w)
			}
		}
		all := rules.ReadSpecialProceedings(text + stated)
		if all.Dead == "" || all.Appeal == "" || all.SevenPanel == "" {
			t.Fatalf("%q + stated: %+v, want each reading", text, all)
		}
		if near := rules.ReadSpecialProceedings(text + misses); near != got {
			t.Fatalf("%q + near misses: %+v, want %+v", text, near, got)
		}
	})
}
