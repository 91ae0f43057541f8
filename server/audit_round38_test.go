package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestAuditRound38 sends statute round 38's filings through a real server on
// loopback with a SQLite store and the embedded rules, model and teams
// (rules/audit_round38_test.go has the full tables):
//
//   - an administrative fine of ¥1,000 set aside together with 吊销营业执照
//     (行政诉讼法第八十二条第一款第二项: 涉及款额二千元以下 is not established):
//     simplified closed, the words reviewed;
//   - a 2010 criminal filing whose text states the defendant's 美国国籍 at a
//     basic court (刑事诉讼法（1996年）第二十条第三项): simplified closed;
//   - a loan complaint whose facts say the plaintiff, as a third party, asks
//     to set a judgment aside (民诉法解释第二百五十七条第六项): neither small
//     claims nor simplified;
//   - near misses: 警告并处罚款500元; 中国国籍 in 2010.
func TestAuditRound38(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		notOnlyAmount = "REVIEW_ALL82_NOT_ONLY_AMOUNT_IN_TEXT"
		foreignBar    = "CRPL1996_20_FOREIGN_DEFENDANT_IN_TEXT"
	)
	fine := func(id, claims string) *triagev1.Filing {
		f := adminFiling(id)
		f.Cause, f.Circumstances, f.ClaimAmountFen = "行政处罚", &triagev1.Circumstances{}, 1000_00
		f.Text = "诉讼请求：" + claims
		return f
	}
	crim2010 := func(id, text string) *triagev1.Filing {
		f := criminalWithText(id, text)
		f.FiledOn = "2010-06-01"
		return f
	}
	t.Run("罚款1000元并吊销营业执照: simplified closed, reviewed", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, fine("(2024)辽0102行初3801号", "撤销被告作出的罚款1000元并吊销营业执照的行政处罚决定。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), notOnlyAmount) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), notOnlyAmount)
		}
	})
	t.Run("near miss: 警告并处罚款500元", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, fine("(2024)辽0102行初3802号", "撤销被告作出的警告并处罚款500元的行政处罚决定。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: open, ordinary: open})
	})
	t.Run("2010: 被告人…美国国籍 at a basic court: simplified closed", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, crim2010("(2010)辽0102刑初3803号", "被告人JOHN SMITH，男，美国国籍，醉酒驾驶机动车。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if o := decisionOption(t, d, simplified); !slices.Contains(reasonCodes(o.GetReasons()), foreignBar) {
			t.Errorf("simplified reasons %v lack %s", reasonCodes(o.GetReasons()), foreignBar)
		}
	})
	t.Run("near miss: 2010, 中国国籍", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, crim2010("(2010)辽0102刑初3804号", "被告人王某，男，中国国籍，醉酒驾驶机动车。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: open, ordinary: open})
	})
	t.Run("原告作为案外第三人请求撤销生效判决 in the facts: neither small claims nor simplified", func(t *testing.T) {
		f := loanFiling("r38-3")
		f.Text = "诉讼请求：1.判令被告偿还借款30000元。事实与理由：原告作为案外第三人，请求撤销(2023)辽0102民初100号民事判决第二项。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); sc.GetAvailable() || sc.GetMandatory() {
			t.Errorf("small claims %v, want closed", sc)
		}
		if s := decisionOption(t, d, simplified); s.GetAvailable() {
			t.Errorf("simplified %v, want closed", s)
		}
	})
}
