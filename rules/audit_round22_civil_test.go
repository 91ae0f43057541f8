package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestCausesAsFilingsWriteThem (statute round 22): a civil cause written the
// way clerks and filing systems write it keeps the bars its kind sets. Until
// rules 2026-12-04.23 the look-up resolved a field to the longest catalogue
// name it contained and compared written forms as they came, so
//   - two causes in one field ("民间借贷纠纷、离婚纠纷") were the longer one,
//     a money-payment cause: mandatory small claims for a divorce (CPL 166(1));
//   - a cause with its levels ("婚姻家庭纠纷-离婚纠纷", "物权纠纷>所有权纠纷>
//     共有纠纷") was the longest level, not the leaf: 婚姻家庭纠纷 and 所有权纠纷
//     are mixed causes, and the bar was lost;
//   - traditional characters (離婚糾紛, 執行異議之訴, 公益訴訟) resolved to
//     nothing, and small claims stayed mandatory beside CAUSE_UNKNOWN;
//   - half-width brackets inside a name (企业名称(商号)合同纠纷) fell back to
//     合同纠纷, and a 2015–2021 IP contract lost Interp. 2015 art. 275(3);
//   - an unknown cause got mandatory small claims with a review beside it:
//     now small claims is left undetermined (CAUSE_UNKNOWN), as the law's
//     first condition, a 简单金钱给付 case (CPL 165 ¶1), is not known.
//
// The near misses keep their procedures: money causes however written,
// 离婚后损害责任纠纷 and 抚养费纠纷 (money, though under 婚姻家庭纠纷), and
// 商标侵权 in 2024 (CPL 166 names no IP exclusion).
func TestCausesAsFilingsWriteThem(t *testing.T) {
	civ := civilBase(t) // 民间借贷 ¥30,000, 温州市鹿城区人民法院, 浙江, 2024-03-05
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(10000)}, mods...)...) }
	y2018 := filedOn("2018-06-04")
	scClosed := av(pSC, avU)
	sc := func(code string) []string { return []string{at(locSC, code)} }
	const (
		ps     = "CPL166_PERSONAL_STATUS"
		pc     = "CPL166_PROPERTY_RIGHTS_CONFIRMATION"
		ps2015 = "INTERP2015_275_PERSONAL_STATUS"
		ip2015 = "INTERP2015_275_INTELLECTUAL_PROPERTY"
	)
	open := func(name, written string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(append([]mod{cause(written)}, mods...)...),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			silent: []string{ps, pc, "CAUSE_UNKNOWN", "CPL165_NOT_MONEY_PAYMENT"}}
	}
	runTable(t, []tcase{
		// Two causes in one field: each is read; the field is the one
		// whose kind closes most.
		{name: "民间借贷纠纷、离婚纠纷", filing: c(cause("民间借贷纠纷、离婚纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "民间借贷纠纷;离婚纠纷", filing: c(cause("民间借贷纠纷;离婚纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "离婚纠纷，民间借贷纠纷", filing: c(cause("离婚纠纷，民间借贷纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "买卖合同纠纷、监护权纠纷", filing: c(cause("买卖合同纠纷、监护权纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "离婚、民间借贷 (names without 纠纷)", filing: c(cause("离婚、民间借贷")), avail: scClosed, fires: sc(ps)},
		{name: "物权确认纠纷、借款合同纠纷", filing: c(cause("物权确认纠纷、借款合同纠纷")), avail: scClosed, fires: sc(pc)},
		{name: "2018 民间借贷纠纷、离婚纠纷", filing: c(y2018, cause("民间借贷纠纷、离婚纠纷")), avail: scClosed, fires: sc(ps2015)},
		{name: "民间借贷纠纷、案外人执行异议之诉", filing: c(cause("民间借贷纠纷、案外人执行异议之诉")), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP308_EXECUTION_OBJECTION_ORDINARY")}},
		{name: "買賣合同糾紛、確認合同無效糾紛", filing: c(cause("買賣合同糾紛、確認合同無效糾紛")), avail: scClosed,
			fires: sc("CPL165_NOT_MONEY_PAYMENT")},
		// Levels: the deepest that resolves names the cause.
		{name: "婚姻家庭纠纷-离婚纠纷", filing: c(cause("婚姻家庭纠纷-离婚纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "婚姻家庭纠纷－离婚纠纷", filing: c(cause("婚姻家庭纠纷－离婚纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "婚姻家庭纠纷—离婚纠纷", filing: c(cause("婚姻家庭纠纷—离婚纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "民事>婚姻家庭纠纷>抚养纠纷", filing: c(cause("民事>婚姻家庭纠纷>抚养纠纷")), avail: scClosed, fires: sc(ps)},
		{name: "物权纠纷>所有权纠纷>共有纠纷", filing: c(cause("物权纠纷>所有权纠纷>共有纠纷")), avail: scClosed, fires: sc(pc)},
		{name: "婚姻家庭、继承纠纷>继承纠纷>法定继承纠纷 (property, not status)", filing: c(cause("婚姻家庭、继承纠纷>继承纠纷>法定继承纠纷")),
			avail: scClosed, fires: sc(pc), silent: []string{ps}},
		// Traditional characters.
		{name: "離婚糾紛", filing: c(cause("離婚糾紛")), avail: scClosed, review: ptr(false), fires: sc(ps)},
		{name: "2018 離婚糾紛", filing: c(y2018, cause("離婚糾紛")), avail: scClosed, fires: sc(ps2015)},
		{name: "親子關係糾紛", filing: c(cause("親子關係糾紛")), avail: scClosed, fires: sc(ps)},
		{name: "收養關係糾紛", filing: c(cause("收養關係糾紛")), avail: scClosed, fires: sc(ps)},
		{name: "物權確認糾紛", filing: c(cause("物權確認糾紛")), avail: scClosed, fires: sc(pc)},
		{name: "繼承糾紛", filing: c(cause("繼承糾紛")), avail: scClosed, fires: sc(pc)},
		{name: "環境污染責任糾紛公益訴訟", filing: c(cause("環境污染責任糾紛公益訴訟")), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP257_PUBLIC_INTEREST")}},
		{name: "第三人撤銷之訴", filing: c(cause("第三人撤銷之訴")), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP257_THIRD_PARTY_REVOCATION")}},
		{name: "執行異議之訴", filing: c(cause("執行異議之訴")), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSimp, "INTERP308_EXECUTION_OBJECTION_ORDINARY")}},
		{name: "2018 著作權權屬、侵權糾紛", filing: c(y2018, cause("著作權權屬、侵權糾紛")), avail: scClosed, fires: sc(ip2015)},
		// Widths.
		{name: "2018 企业名称(商号)合同纠纷", filing: c(y2018, cause("企业名称(商号)合同纠纷")), avail: scClosed, fires: sc(ip2015)},
		// An unknown cause: small claims is a person's call.
		{name: "某某纠纷: undetermined, reviewed", filing: c(cause("某某纠纷")), avail: av(pSC, avD), mandatory: ptr(false),
			review: ptr(true), fires: []string{at(locSC, "CAUSE_UNKNOWN"), at(locReview, "CAUSE_UNKNOWN")}},
		{name: "民间借贷纠纷、某某纠纷: one cause unknown", filing: c(cause("民间借贷纠纷、某某纠纷")), avail: av(pSC, avD),
			mandatory: ptr(false), review: ptr(true), fires: []string{at(locSC, "CAUSE_UNKNOWN"), at(locReview, "CAUSE_UNKNOWN")}},
		// Near misses.
		open("民间借贷纠纷", "民间借贷纠纷"),
		open("民間借貸糾紛", "民間借貸糾紛"),
		open("民间借贷 纠纷", "民间借贷 纠纷"),
		open("民间借贷纠纷一案", "民间借贷纠纷一案"),
		open("合同纠纷>借款合同纠纷>民间借贷纠纷", "合同纠纷>借款合同纠纷>民间借贷纠纷"),
		open("民事/合同纠纷>借款合同纠纷", "民事/合同纠纷>借款合同纠纷"),
		open("民间借贷纠纷、买卖合同纠纷", "民间借贷纠纷、买卖合同纠纷"),
		open("离婚后损害责任纠纷", "离婚后损害责任纠纷"),
		open("婚姻家庭纠纷>抚养纠纷>抚养费纠纷", "婚姻家庭纠纷>抚养纠纷>抚养费纠纷"),
		open("商标侵权 2024", "商标侵权"),
		{name: "离婚后财产纠纷 stays property, not status (near miss)", filing: c(cause("离婚后财产纠纷")), avail: scClosed,
			fires: sc(pc), silent: []string{ps}},
		{name: "民间借贷纠纷、离婚后财产纠纷 (property, not status)", filing: c(cause("民间借贷纠纷、离婚后财产纠纷")), avail: scClosed,
			fires: sc(pc), silent: []string{ps}},
	})
}

// TestAdminCausesAsFilingsWriteThem: the administrative rules read the same
// folded causes. A 行政公益诉讼 in traditional characters is still the suit
// (人民陪审员法第十六条第二项: seven judges and assessors, no simplified
// procedure); a field naming 政府信息公开 beside another act is no
// 政府信息公开案件 (行政诉讼法第八十二条第一款第三项): until rules
// 2026-12-04.23 "政府信息公开、行政处罚" resolved to 政府信息公开 and was
// offered simplified procedure for the penalty.
func TestAdminCausesAsFilingsWriteThem(t *testing.T) {
	base := adminBase(t)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	runTable(t, []tcase{
		{name: "不履行法定職責行政公益訴訟", filing: w(filedOn("2024-03-05"), cause("不履行法定職責行政公益訴訟")), avail: av(pSimp, avU),
			fires: []string{at(locSimp, "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT")}},
		{name: "政府信息公开、行政处罚", filing: w(cause("政府信息公开、行政处罚")), avail: av(pSimp, avU),
			fires: []string{at(locSimp, "ALL82_NOT_QUALIFIED")}, silent: []string{at(locSimp, "ALL82_INFORMATION_DISCLOSURE")}},
		{name: "行政处罚、政府信息公开", filing: w(cause("行政处罚、政府信息公开")), avail: av(pSimp, avU),
			silent: []string{at(locSimp, "ALL82_INFORMATION_DISCLOSURE")}},
		{name: "政府資訊公開 is not the catalogue's word (near miss): unknown, reviewed", filing: w(cause("政府資訊公開")),
			review: ptr(true), fires: []string{at(locReview, "CAUSE_UNKNOWN")}},
		{name: "政府信息公開 (near miss): still disclosure", filing: w(cause("政府信息公開")), avail: av(pSimp, avA),
			fires: []string{at(locSimp, "ALL82_INFORMATION_DISCLOSURE")}},
	})
}
