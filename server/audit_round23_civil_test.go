package server

import (
	"slices"
	"strconv"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound23CivilAsWritten triages civil filings whose decisive facts
// are in the party names, the text or an older cause name, through a real
// server on loopback with the embedded rules, model and teams
// (rules/audit_round23_civil_test.go has the full tables). Until rules
// 2026-12-04.28 a ¥30,000 loan whose plaintiff was entered as "张三等15人",
// whose text said the defendant was 下落不明, or whose claims asked for a
// car's return, got mandatory small claims (Interp. 257(3), CPL 166(4),
// CPL 165 ¶1 forbid or doubt it), and the 2011 catalogue's 申请宣告公民失踪
// was offered simplified procedure (若干规定第一条第四项).
func TestAuditRound23CivilAsWritten(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	for i, tc := range []struct {
		name   string
		change func(*triagev1.Filing)
		proc   triagev1.Procedure // the option the reason is on
		avail  triagev1.Availability
		code   string // a reason that option must give
		infer  string // an inference the decision must give, "" for none
	}{
		{"plaintiff entered as 张三等15人", func(f *triagev1.Filing) { f.Parties[0].Name = "张三等15人" },
			simplified, triagev1.Availability_AVAILABILITY_UNAVAILABLE, rules.CodeInterp257Numerous, rules.CodeInferPartyCountFromText},
		{"text: 被告下落不明", func(f *triagev1.Filing) { f.Text += "被告借款后下落不明。" },
			smallClaims, triagev1.Availability_AVAILABILITY_UNAVAILABLE, rules.CodeCPL166Whereabouts, rules.CodeInferWhereaboutsFromText},
		{"claims: 返还车辆", func(f *triagev1.Filing) {
			f.Text = "诉讼请求：1.判令被告返还车辆一台；2.判令被告偿还借款30000元。事实与理由：被告借用原告车辆并借款，到期未还。"
		}, smallClaims, triagev1.Availability_AVAILABILITY_UNDETERMINED, rules.CodeReviewTextNonMoney, ""},
		{"申请宣告公民失踪 (2011 catalogue)", func(f *triagev1.Filing) { f.Cause = "申请宣告公民失踪" },
			simplified, triagev1.Availability_AVAILABILITY_UNAVAILABLE, rules.CodeNonContentiousProcedure, ""},
		// Near miss: a loan whose names and text say nothing more stays
		// mandatory small claims.
		{"near miss: 王秀英 v 李建国", func(*triagev1.Filing) {},
			smallClaims, triagev1.Availability_AVAILABILITY_AVAILABLE, rules.CodeCPL165Mandatory, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := loanFiling("(2024)辽0102民初23" + strconv.Itoa(i) + "号")
			tc.change(f)
			d := triageOK(t, ctx, h.client, f)
			o := decisionOption(t, d, tc.proc)
			var got []string
			for _, r := range o.GetReasons() {
				got = append(got, r.GetCode())
			}
			if o.GetAvailability() != tc.avail || !slices.Contains(got, tc.code) {
				t.Fatalf("%v %v %v, want %v with %s", tc.proc, o.GetAvailability(), got, tc.avail, tc.code)
			}
			if tc.infer != "" && !slices.ContainsFunc(d.GetInferences(), func(r *triagev1.Reason) bool { return r.GetCode() == tc.infer }) {
				t.Errorf("inferences %v lack %s", d.GetInferences(), tc.infer)
			}
			sc := decisionOption(t, d, smallClaims)
			if want := tc.code == rules.CodeCPL165Mandatory; sc.GetMandatory() != want || (d.GetRecommended() == smallClaims) != want {
				t.Errorf("small claims mandatory %v, recommended %v; want mandatory and recommended: %v", sc.GetMandatory(), d.GetRecommended(), want)
			}
		})
	}
}
