package server

import (
	"slices"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound31Civil triages statute round 31's civil scenarios through
// a real server on loopback with a SQLite store and the embedded rules
// (rules/audit_round31_civil_test.go has the full table). Until rules
// 2026-12-06.11 "判令两被告各偿还借款30000元" with ¥30,000 in the amount field
// was compared with 辽宁's ¥47,000 as ¥30,000 and small claims stayed
// mandatory, where 民事诉讼法第一百六十五条's 标的额 is both shares, ¥60,000;
// and ¥40,000 with interest at 24% a year to the day of payment was read as
// ¥40,000, where a year of that interest puts the 标的额 over the figure.
func TestAuditRound31Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	for i, c := range []struct {
		name, claims string
		doubt        bool
		fieldFen     int64
	}{
		{"两被告各偿还借款30000元: small claims left to a person", "1.判令两被告各偿还借款30000元；2.诉讼费由被告承担。", true, 0},
		{"40000元及利息（年利率24%…至实际清偿之日止）: a year adds ¥9,600 over ¥47,000", "1.判令被告偿还借款40000元及利息（按年利率24%计算至实际清偿之日止）。", true, 4_000_000},
		{"near miss: 两被告连带偿还借款30000元, small claims mandatory", "1.判令两被告连带偿还借款30000元；2.诉讼费由被告承担。", false, 0},
	} {
		id := "r31-" + string(rune('1'+i))
		t.Run(c.name, func(t *testing.T) {
			f := loanFiling(id)
			if c.fieldFen > 0 {
				f.ClaimAmountFen = c.fieldFen
			}
			f.Text = "诉讼请求：" + c.claims + "事实与理由：两被告于2023年1月各向原告借款30000元，到期未还。"
			d := triageOK(t, ctx, h.client, f)
			sc := decisionOption(t, d, smallClaims)
			if sc.GetMandatory() == c.doubt || (c.doubt && d.GetRecommended() == smallClaims) {
				t.Errorf("small claims %v (recommended %v), want mandatory %v", sc, d.GetRecommended(), !c.doubt)
			}
			if rs := reviewCodesOf(d); slices.Contains(rs, rules.CodeReviewTextAmount) != c.doubt {
				t.Errorf("review reasons %v, want %s: %v", rs, rules.CodeReviewTextAmount, c.doubt)
			}
		})
	}
}
