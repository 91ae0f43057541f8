package rules_test

import (
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// Round 27 of the statute audit (2026-12-05): administrative filings. Every
// row was written from the texts before fenjian was run:
//
//   - 行政诉讼法第八十二条第一款第二项 ("案件涉及款额二千元以下的"): a complaint
//     writes the sum with a thousands separator (2,500元), in the capital
//     numerals of legal documents (贰仟伍佰元, 壹万元), in 万元 (0.3万元) or with
//     千 after Arabic digits (3千元). Above two thousand against an amount field
//     at or below it, the item is not counted (round 26's rule) and reviewed.
//   - 行政诉讼法第八十二条第三款 ("发回重审、按照审判监督程序再审的案件不适用简易
//     程序"): a remand to a court named in full (发回浙江省杭州市西湖区人民法院重审)
//     and a retrial on the procuratorate's protest (抗诉, 行政诉讼法第九十三条)
//     or of 再审案件 named so close simplified procedure whatever ¶1 or ¶2 says.

// TestAuditRound27Admin: filings.
func TestAuditRound27Admin(t *testing.T) { runTable(t, audit27AdminCases(t)) }

func audit27AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		small    = "ALL82_SMALL_AMOUNT"
		notQual  = "ALL82_NOT_QUALIFIED"
		remanded = "ALL82_REMANDED"
		retrial  = "ALL82_RETRIAL"
	)
	over := func(name, words string) tcase {
		return tcase{name: name, filing: a(yuan(1500), text(words)), avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, notQual), at(locReview, r26AdminAmount)}, silent: []string{at(locSimp, small)}}
	}
	within := func(name, words string) tcase {
		return tcase{name: name, filing: a(yuan(1500), text(words)), avail: av(pSimp, avA, pOrd, avA),
			fires: []string{at(locSimp, small)}, silent: []string{at(locReview, r26AdminAmount)}}
	}
	closed := func(name, words, code, review string, mods ...mod) tcase {
		return tcase{name: name, filing: a(append([]mod{text(words)}, mods...)...), avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, code), at(locReview, review)}}
	}
	return []tcase{
		// --- 1. ¶1(2): the sum as complaints write it ---
		over("罚款2,500元 (a thousands separator)", "请求撤销被告作出的罚款2,500元的处罚决定。"),
		over("罚款人民币贰仟伍佰元 (capital numerals)", "请求撤销被告对原告罚款人民币贰仟伍佰元的处罚决定。"),
		over("没收违法所得壹万元", "被告没收原告违法所得壹万元，原告不服。"),
		over("罚款0.3万元", "请求撤销被告罚款0.3万元的决定。"),
		over("罚款3千元", "请求撤销被告罚款3千元的决定。"),
		over("罚款三千元整", "请求撤销被告罚款三千元整的决定。"),
		over("罚款12,000.00元", "请求撤销被告罚款12,000.00元的决定。"),
		within("near miss: 罚款壹仟伍佰元", "请求撤销被告罚款壹仟伍佰元的决定。"),
		within("near miss: 罚款1,500元", "请求撤销被告罚款1,500元的决定。"),
		within("near miss: 罚款贰仟元 (二千元以下)", "请求撤销被告罚款贰仟元的决定。"),

		// --- 2. ¶3: remand and retrial as complaints write them ---
		closed("发回浙江省杭州市西湖区人民法院重审 (a court named in full)", "浙江省杭州市中级人民法院裁定撤销原判，发回浙江省杭州市西湖区人民法院重审。",
			remanded, r24AdminRemanded, cm.agreeS),
		closed("经人民检察院抗诉，本院再审", "经杭州市人民检察院抗诉，本院对本案进行再审。", retrial, r24AdminRetrial, cm.agreeS),
		closed("本案系再审案件", "本案系再审案件，原告请求撤销被告作出的处罚决定。", retrial, r24AdminRetrial, cm.agreeS),
		closed("提审", "浙江省高级人民法院决定提审本案。", retrial, r24AdminRetrial, cm.agreeS),
		{name: "near miss: 原告申请再审被驳回 (no retrial of this case)", filing: a(cm.agreeS, text("原告曾就另案申请再审被驳回。")),
			avail: av(pSimp, avA), silent: []string{at(locSimp, retrial), at(locReview, r24AdminRetrial)}},
		{name: "near miss: 不得再次发回重审", filing: a(cm.agreeS, text("原告认为本案不得再次发回重审。")),
			avail: av(pSimp, avA), silent: []string{at(locSimp, remanded), at(locReview, r24AdminRemanded)}},
	}
}

// FuzzReadAdminTextAmountSeparator: a fine written with a thousands
// separator appended is read whole, whatever the text before it.
func FuzzReadAdminTextAmountSeparator(f *testing.F) {
	for _, s := range []string{"", "罚款", "1", "1,", ",", "款1", "罚款2", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got := rules.ReadAdminTextAmount(text + "。罚款2,500元。"); got < 2500_00 {
			t.Fatalf("%q + 罚款2,500元: %d", text, got)
		}
	})
}
