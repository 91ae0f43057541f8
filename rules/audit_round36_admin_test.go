package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Round 36 of the statute audit (2026-12-06), administrative: each row
// written from the text first, then run.
//
//   - 行政诉讼法（1989年）: no simplified procedure; the 2014 amendment's art.
//     82 took effect on 2015-05-01, and a filing before it cites no article
//     of it (ALL82_NOT_IN_FORCE alone, not ¶3's remand or retrial bar);
//   - 行政诉讼法第八十二条第一款 (一)–(三) (当场作出, 款额二千元以下, 政府信息
//     公开), ¶2 ("当事人各方同意适用简易程序的"), ¶3 (发回重审、再审), art. 82
//     not confined to basic courts;
//   - ¶2 again: a party who asks for the ordinary procedure, calls the case
//     unfit for the simplified one (第八十四条's 不宜适用简易程序) or refuses
//     it has not agreed, whatever the agreement field says (new readings of
//     round 25's REVIEW_ADMIN_OBJECTION_IN_TEXT).
//
// The rows marked "new" failed before rules 2026-12-06.41.

// TestAuditRound36Admin: filings.
func TestAuditRound36Admin(t *testing.T) { runTable(t, audit36AdminCases(t)) }

func audit36AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		notInForce = "ALL82_NOT_IN_FORCE"
		spot       = "ALL82_ACT_ON_THE_SPOT"
		small      = "ALL82_SMALL_AMOUNT"
		disclosure = "ALL82_INFORMATION_DISCLOSURE"
		agreed     = "ALL82_AGREEMENT"
		notQual    = "ALL82_NOT_QUALIFIED"
		remanded   = "ALL82_REMANDED"
		retrial    = "ALL82_RETRIAL"
		objects    = "REVIEW_ADMIN_OBJECTION_IN_TEXT"
	)
	row := func(name string, f *triagev1.Filing, want triagev1.Availability, fires []string, silent ...string) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, want, pOrd, avA), fires: fires, silent: silent}
	}
	return []tcase{
		// --- 1. ALL 1989: no simplified procedure until 2015-05-01 ---
		row("ALL 1989: on the spot, the last day 2015-04-30", a(cm.spot, filedOn("2015-04-30")), avU, []string{at(locSimp, notInForce)}),
		row("ALL 82 ¶1(1): on the spot, the first day 2015-05-01", a(cm.spot, filedOn("2015-05-01")), avA, []string{at(locSimp, spot)}, at(locSimp, notInForce)),
		row("ALL 1989: 政府信息公开 (2014)", a(cm.disclosure, filedOn("2014-06-01")), avU, []string{at(locSimp, notInForce)}),
		row("ALL 1989: ¥1,500 (2014)", a(yuan(1500), filedOn("2014-06-01")), avU, []string{at(locSimp, notInForce)}),
		row("ALL 1989: the parties agree (1995)", a(cm.agreeS, filedOn("1995-06-01")), avU, []string{at(locSimp, notInForce)}),
		row("ALL 1989: remanded, on the spot (2014): no ¶3 to cite", a(cm.spot, cm.remanded, filedOn("2014-06-01")), avU, []string{at(locSimp, notInForce)}, at(locSimp, remanded)),
		row("ALL 1989: retried, disclosure (2012): no ¶3 to cite", a(cm.disclosure, cm.retrial, filedOn("2012-06-01")), avU, []string{at(locSimp, notInForce)}, at(locSimp, retrial)),
		row("ALL 82 ¶3: remanded, on the spot (2015-05-01)", a(cm.spot, cm.remanded, filedOn("2015-05-01")), avU, []string{at(locSimp, remanded)}, at(locSimp, notInForce)),
		row("ALL 82 ¶3: retried, disclosure (2016)", a(cm.disclosure, cm.retrial, filedOn("2016-06-01")), avU, []string{at(locSimp, retrial)}),

		// --- 2. ALL 82 ¶1(2): 二千元以下 to the fen ---
		row("82 ¶1(2): ¥2,000.00 exactly", a(fen(2000_00)), avA, []string{at(locSimp, small)}),
		row("82 ¶1(2): ¥2,000.01 is over", a(fen(2000_01)), avU, []string{at(locSimp, notQual)}, at(locSimp, small)),
		// art. 82 names no court level (unlike CPL 160, CrPL 214).
		row("82 ¶2: agreed at an intermediate court", a(cm.agreeS, courtAt("浙江省杭州市中级人民法院", intermediateCourt)), avA, []string{at(locSimp, agreed)}),
		row("82 ¶1(3): disclosure at an intermediate court", a(cm.disclosure, courtAt("浙江省杭州市中级人民法院", intermediateCourt)), avA, []string{at(locSimp, disclosure)}),

		// --- 3. new: ¶2's agreement contradicted by the text ---
		{name: "new: 82 ¶2: 原告申请适用普通程序审理", filing: a(cm.agreeS, text("原告申请本案适用普通程序审理。")),
			avail: av(pSimp, avU, pOrd, avA), review: ptr(true), fires: []string{at(locSimp, notQual), at(locReview, objects)}, silent: []string{at(locSimp, agreed)}},
		{name: "new: 82 ¶2, 84: 被告认为本案不宜适用简易程序", filing: a(cm.agreeS, text("被告认为本案不宜适用简易程序。")),
			avail: av(pSimp, avU, pOrd, avA), review: ptr(true), fires: []string{at(locSimp, notQual), at(locReview, objects)}},
		{name: "new: 82 ¶2: 第三人要求适用普通程序", filing: a(cm.agreeS, text("第三人要求适用普通程序审理本案。")),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{at(locSimp, notQual), at(locReview, objects)}},
		{name: "new: 82 ¶2: 被告拒绝适用简易程序", filing: a(cm.agreeS, text("被告拒绝适用简易程序。")),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{at(locSimp, notQual), at(locReview, objects)}},
		{name: "new: 82 ¶1(1) needs no agreement: 被告认为不宜适用简易程序, on the spot (reviewed)", filing: a(cm.agreeS, cm.spot, text("被告认为本案不宜适用简易程序。")),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locSimp, spot), at(locReview, objects)}},
		{name: "near miss: 原告未申请适用普通程序", filing: a(cm.agreeS, text("原告未申请适用普通程序。")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, agreed)}, silent: []string{at(locReview, objects)}},
		{name: "near miss: 不属于不宜适用简易程序的情形", filing: a(cm.agreeS, text("本案不属于不宜适用简易程序的情形。")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, agreed)}, silent: []string{at(locReview, objects)}},
	}
}
