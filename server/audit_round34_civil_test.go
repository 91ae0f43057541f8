package server

import (
	"slices"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound34Civil triages statute round 34's civil scenarios through
// a real server on loopback with a SQLite store and the embedded rules
// (rules/audit_round34_civil_test.go has the full table). Until rules
// 2026-12-06.33 a complaint stating "被告不同意适用小额诉讼程序" left small
// claims mandatory, though 民事诉讼法第一百六十九条第二款 has the court examine
// the objection; a county court named alone ("苍南县人民法院", 浙江) filed as
// 江苏省 with ¥58,000 took 江苏's figure unseen (浙江's ¥54,323 puts it
// over); "实现担保物权纠纷", a special procedure (民事诉讼法第二百零七条), was a
// mandatory small claim; and a 2018 decision cited "民事诉讼法（2017年修正）第一百六十二条" for
// its limit and "（2012年、2017年修正）" for its reasons.
func TestAuditRound34Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	const facts = "事实与理由：被告于2023年1月向原告借款，到期未还。"
	for i, c := range []struct {
		name, court, province, filedOn, text string
		cause                                string // "" keeps the loan's
		fen                                  int64
		review                               string // the review code that must be given, "" none
		mandatory                            bool
		oneName                              string // the amendment every art. 162 citation names, "" unchecked
	}{
		{"被告不同意适用小额诉讼程序: small claims left to a person", "沈阳市和平区人民法院", "辽宁省", "",
			"诉讼请求：1.判令被告偿还借款30000元。" + facts + "被告不同意适用小额诉讼程序。", "", 3_000_000,
			rules.CodeReviewSmallClaimsObjectionInText, false, ""},
		{"苍南县人民法院 filed as 江苏省, ¥58,000: 浙江's figure, left to a person", "苍南县人民法院", "江苏省", "",
			"诉讼请求：1.判令被告偿还借款58000元。" + facts, "", 5_800_000, rules.CodeReviewCourtProvince, false, ""},
		{"实现担保物权纠纷: a special procedure, no small claim", "沈阳市和平区人民法院", "辽宁省", "",
			"申请事项：拍卖、变卖被申请人抵押的房屋，所得价款由申请人优先受偿。", "实现担保物权纠纷", 3_000_000,
			rules.CodeReviewNonContentious, false, ""},
		{"near miss: 被告对适用小额诉讼程序无异议, small claims mandatory", "沈阳市和平区人民法院", "辽宁省", "",
			"诉讼请求：1.判令被告偿还借款30000元。" + facts + "被告对适用小额诉讼程序无异议。", "", 3_000_000, "", true, ""},
		{"2018: one name for CPL art. 162", "沈阳市和平区人民法院", "辽宁省", "2018-09-03",
			"诉讼请求：1.判令被告偿还借款5000元。" + facts, "", 500_000, "", true, "民事诉讼法（2017年修正）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := loanFiling("r34-" + string(rune('1'+i)))
			f.Court, f.Province, f.Text, f.ClaimAmountFen = c.court, c.province, c.text, c.fen
			if c.filedOn != "" {
				f.FiledOn = c.filedOn
			}
			if c.cause != "" {
				f.Cause = c.cause
			}
			d := triageOK(t, ctx, h.client, f)
			if sc := decisionOption(t, d, smallClaims); sc.GetMandatory() != c.mandatory {
				t.Errorf("small claims %v, want mandatory %v", sc, c.mandatory)
			}
			rs := reviewCodesOf(d)
			if c.review != "" && !slices.Contains(rs, c.review) {
				t.Errorf("review reasons %v, want %s", rs, c.review)
			}
			if sc := decisionOption(t, d, smallClaims); c.cause != "" && sc.GetAvailable() {
				t.Errorf("small claims %v, want closed to %s", sc, c.cause)
			}
			if c.review == "" && slices.Contains(rs, rules.CodeReviewSmallClaimsObjectionInText) {
				t.Errorf("review reasons %v, want no %s", rs, rules.CodeReviewSmallClaimsObjectionInText)
			}
			if c.oneName == "" {
				return
			}
			if got := d.GetSmallClaimsLimit().GetArticle(); !strings.HasPrefix(got, c.oneName) {
				t.Errorf("limit article %q, want %s…", got, c.oneName)
			}
			for _, o := range d.GetOptions() {
				for _, r := range o.GetReasons() {
					if strings.Contains(r.GetArticle(), "第一百六十二条") && !strings.Contains(r.GetArticle(), c.oneName) {
						t.Errorf("%s cites %q beside the limit's %s", r.GetCode(), r.GetArticle(), c.oneName)
					}
				}
			}
		})
	}
}
