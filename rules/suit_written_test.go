package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestSuitNamedBesideItsDispute: a 公益诉讼 or 第三人撤销之诉 written beside
// the dispute it concerns, or in a remark, is that suit. The catalogue
// look-up resolves such a cause to the dispute ("环境污染责任纠纷公益诉讼" →
// 环境污染责任纠纷) or to nothing, and until rules 2026-12-04.22 a ¥10,000
// environmental or consumer public-interest suit at a basic court got
// mandatory small claims, a procedure 民诉法解释第二百五十七条第五项 closes to
// it with the rest of simplified procedure (the administrative suit had the
// same defect, fixed in round 21). The near misses are the disputes alone,
// and a 2014 suit, which the 2012 text's inference code names.
func TestSuitNamedBesideItsDispute(t *testing.T) {
	civ := civilBase(t) // 民间借贷 ¥30,000, 温州市鹿城区人民法院, 浙江, 2024-03-05
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(10000)}, mods...)...) }
	closed := av(pSC, avU, pSimp, avU, pOrd, avA)
	runTable(t, []tcase{
		{name: "环境污染责任纠纷公益诉讼", filing: c(cause("环境污染责任纠纷公益诉讼")), avail: closed, review: ptr(true),
			fires: []string{"INFER_PUBLIC_INTEREST_FROM_CAUSE", at(locSimp, "INTERP257_PUBLIC_INTEREST"), at(locOrd, "CPL42_PANEL_REQUIRED")}},
		{name: "消费者权益保护纠纷（民事公益诉讼）", filing: c(cause("消费者权益保护纠纷（民事公益诉讼）")), avail: closed, review: ptr(true),
			fires: []string{"INFER_PUBLIC_INTEREST_FROM_CAUSE", at(locSimp, "INTERP257_PUBLIC_INTEREST")}},
		{name: "侵害英雄烈士名誉、荣誉纠纷 公益诉讼", filing: c(cause("侵害英雄烈士名誉、荣誉纠纷 公益诉讼")), avail: closed, review: ptr(true),
			fires: []string{"INFER_PUBLIC_INTEREST_FROM_CAUSE"}},
		{name: "2014: 环境污染责任纠纷公益诉讼 (CPL 2012 art. 55)", filing: c(filedOn("2014-06-03"), cause("环境污染责任纠纷公益诉讼")),
			fires: []string{"INFER_PUBLIC_INTEREST_FROM_CAUSE_CPL2012"}},
		{name: "房屋买卖合同纠纷第三人撤销之诉", filing: c(cause("房屋买卖合同纠纷第三人撤销之诉")), avail: closed,
			fires: []string{"INFER_THIRD_PARTY_REVOCATION_FROM_CAUSE", at(locSimp, "INTERP257_THIRD_PARTY_REVOCATION"), at(locOrd, "INTERP292_PANEL_REQUIRED")}},
		// Near misses: the disputes alone are not the suits.
		{name: "环境污染责任纠纷 (near miss)", filing: c(cause("环境污染责任纠纷")), avail: av(pSC, avA), mandatory: ptr(true),
			silent: []string{"INFER_PUBLIC_INTEREST_FROM_CAUSE", at(locSimp, "INTERP257_PUBLIC_INTEREST")}},
		{name: "房屋买卖合同纠纷 (near miss)", filing: c(cause("房屋买卖合同纠纷")), avail: av(pSimp, avA),
			silent: []string{"INFER_THIRD_PARTY_REVOCATION_FROM_CAUSE"}},
	})
}
