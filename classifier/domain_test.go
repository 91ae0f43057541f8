package classifier

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

func TestOutOfDistribution(t *testing.T) {
	m := &Model{domain: &Domain{
		Causes:    map[string][]string{"CASE_KIND_CIVIL": {"买卖合同纠纷", "民间借贷纠纷"}},
		TextRunes: map[string][2]int{"CASE_KIND_CIVIL": {20, 2000}},
	}}
	civil := func(cause, text string) *triagev1.Filing {
		return &triagev1.Filing{CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Cause: cause, Text: text}
	}
	long := string(make([]rune, 2500))
	tests := []struct {
		name string
		f    *triagev1.Filing
		ood  bool
	}{
		{"known cause, usual length", civil("民间借贷纠纷", "原告诉称被告借款五万元未还，请求判令被告归还借款。"), false},
		{"unknown cause", civil("劳动合同纠纷", "原告诉称被告拖欠工资五万元未付，请求判令被告支付。"), true},
		{"no cause", civil("", "原告诉称被告借款五万元未还，请求判令被告归还借款。"), true},
		{"too short", civil("民间借贷纠纷", "还钱。"), true},
		{"too long", civil("民间借贷纠纷", long), true},
		{"unknown kind", &triagev1.Filing{CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Cause: "盗窃罪"}, true},
	}
	for _, tc := range tests {
		if got := m.OutOfDistribution(tc.f, nil) != ""; got != tc.ood {
			t.Errorf("%s: out of distribution = %v, want %v", tc.name, got, tc.ood)
		}
	}
	if (&Model{}).OutOfDistribution(civil("劳动合同纠纷", ""), nil) != "" {
		t.Error("a model without a domain must not abstain")
	}
}
