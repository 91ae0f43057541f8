package classifier

import (
	"context"
	"fmt"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/triage"
)

// TestDefaultScorerCivilLegalScenarios holds the shipped scorer to what
// the law prescribes for civil filings of today, whatever the real filings
// (all of 2011–2020) taught it: a simple money claim under the province's
// limit of the filing date goes to small claims (CPL 165 ¶1), and the
// grounds that close small claims or simplified procedure (CPL 166, Interp.
// 257, CPL 160) move the recommendation off them. A scorer fitted on a
// sample in which small loans of 2016–2018 often went ordinary failed the
// first row; this test keeps such a scorer from being shipped.
func TestDefaultScorerCivilLegalScenarios(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range civilLegalViolations(t, m) {
		t.Error(v)
	}
}

// TestCivilLegalScenariosCatchAWrongScorer checks that the scenarios can
// fail: a scorer that always says ordinary breaks the three small-claims
// rows, and only those.
func TestCivilLegalScenariosCatchAWrongScorer(t *testing.T) {
	always, err := NewMajority(map[string]map[string]int{"CASE_KIND_CIVIL": {"PROCEDURE_ORDINARY": 1}})
	if err != nil {
		t.Fatal(err)
	}
	if v := civilLegalViolations(t, always); len(v) != 3 {
		t.Errorf("always ordinary: %d violations, want the 3 small-claims rows:\n%s", len(v), strings.Join(v, "\n"))
	}
}

// civilLegalViolations decides the legal scenarios with scorer and
// returns what breaks the law's answer.
func civilLegalViolations(t *testing.T, scorer triage.Scorer) []string {
	t.Helper()
	const (
		sc  = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
		sim = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		ord = triagev1.Procedure_PROCEDURE_ORDINARY
	)
	// loan is the README's filing: a ¥45,000 loan of 2024-03-05 in 江苏,
	// under the ¥60,862 limit in force since 2024-01-06.
	loan := func(mutate func(*triagev1.Filing)) *triagev1.Filing {
		f := &triagev1.Filing{
			Id: "(2024)苏0106民初1001号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "南京市鼓楼区人民法院",
			CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "江苏省", FiledOn: "2024-03-05",
			Cause: "民间借贷纠纷", ClaimAmountFen: 45_000_00,
			Parties: []*triagev1.Party{
				{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
				{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
			},
			Text: "诉讼请求：1.判令被告偿还借款45000元；2.诉讼费由被告承担。事实和理由：被告向原告借款45000元，到期未还。",
		}
		if mutate != nil {
			mutate(f)
		}
		return f
	}
	tests := []struct {
		name string
		f    *triagev1.Filing
		// want is the recommendation the law leaves; not lists procedures
		// the law closes (checked even when want is set).
		want triagev1.Procedure
		not  []triagev1.Procedure
	}{
		{"2024 ¥45,000 loan under 江苏's limit: small claims mandatory (CPL 165 ¶1)", loan(nil), sc, nil},
		{"the same loan in 浙江 in 2023, under its limit", loan(func(f *triagev1.Filing) {
			f.Province, f.Court, f.FiledOn, f.Id = "浙江省", "杭州市西湖区人民法院", "2023-06-01", "(2023)浙0106民初1001号"
		}), sc, nil},
		{"a ¥5,000 sale of 2025: small claims mandatory", loan(func(f *triagev1.Filing) {
			f.Cause, f.ClaimAmountFen, f.FiledOn = "买卖合同纠纷", 5_000_00, "2025-02-10"
			f.Text = "诉讼请求：判令被告支付货款5000元。事实和理由：原告向被告供货，被告未付款。"
		}), sc, nil},
		{"defendant's whereabouts unknown: no small claims (CPL 166(4)), no simplified (Interp. 257(1))", loan(func(f *triagev1.Filing) {
			f.Parties[1].WhereaboutsUnknown = true
		}), ord, []triagev1.Procedure{sc, sim}},
		{"counterclaim: no small claims (CPL 166(6))", loan(func(f *triagev1.Filing) {
			f.Circumstances = &triagev1.Circumstances{Counterclaim: true}
		}), 0, []triagev1.Procedure{sc}},
		{"appraisal needed: no small claims (CPL 166(3))", loan(func(f *triagev1.Filing) {
			f.Circumstances = &triagev1.Circumstances{AppraisalNeeded: true}
		}), 0, []triagev1.Procedure{sc}},
		{"at an intermediate court: neither small claims nor simplified (CPL 160, 165)", loan(func(f *triagev1.Filing) {
			// The case number is the intermediate court's too (苏01): the
			// engine refuses a number of another level (rules 2026-12-04.13).
			f.CourtLevel, f.Court, f.Id = triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE, "南京市中级人民法院", "(2024)苏01民初1001号"
		}), ord, []triagev1.Procedure{sc, sim}},
		{"a divorce: no small claims (CPL 166(1))", loan(func(f *triagev1.Filing) {
			f.Cause, f.ClaimAmountFen = "离婚纠纷", 0
			f.Text = "诉讼请求：判令原告与被告离婚。事实和理由：双方感情确已破裂。"
		}), 0, []triagev1.Procedure{sc}},
		{"¥500,000 loan, far over the limit: no small claims", loan(func(f *triagev1.Filing) {
			f.ClaimAmountFen = 500_000_00
		}), 0, []triagev1.Procedure{sc}},
	}
	eng := triage.New(testRules(t), scorer)
	var out []string
	for _, tc := range tests {
		d, err := eng.Decide(context.Background(), tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := d.GetRecommended()
		if tc.want != 0 && got != tc.want {
			out = append(out, fmt.Sprintf("%s: recommended %v, want %v", tc.name, got, tc.want))
		}
		for _, p := range tc.not {
			if got == p {
				out = append(out, fmt.Sprintf("%s: recommended %v, which the law closes here", tc.name, got))
			}
		}
	}
	return out
}
