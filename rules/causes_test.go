package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestLookupCause checks how written causes match the catalogue: exactly,
// with or without 纠纷/案, and by the longest catalogue name contained, never
// across case kinds.
func TestLookupCause(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		kind     string
		written  string
		name     string
		category rules.Category
		group    bool
		sens     bool
	}{
		{"civil", "离婚纠纷", "离婚纠纷", rules.CategoryPersonalStatus, false, false},
		{"civil", "离婚", "离婚纠纷", rules.CategoryPersonalStatus, false, false},
		{"civil", " 离婚纠纷 ", "离婚纠纷", rules.CategoryPersonalStatus, false, false},
		{"civil", "离婚纠纷案", "离婚纠纷", rules.CategoryPersonalStatus, false, false},
		// 离婚后财产纠纷 contains 离婚 but is its own, longer cause.
		{"civil", "离婚后财产纠纷", "离婚后财产纠纷", rules.CategoryPropertyConfirmation, false, false},
		{"civil", "离婚后财产分割纠纷", "离婚后财产纠纷", rules.CategoryPropertyConfirmation, false, false},
		{"civil", "所有权确认纠纷", "所有权确认纠纷", rules.CategoryPropertyConfirmation, false, false},
		{"civil", "抚养费纠纷", "抚养费纠纷", rules.CategoryMoneyPayment, false, false},
		{"civil", "抚养纠纷", "抚养纠纷", rules.CategoryPersonalStatus, false, false},
		{"civil", "民间借贷纠纷", "民间借贷纠纷", rules.CategoryMoneyPayment, false, false},
		{"civil", "追索劳动报酬纠纷", "追索劳动报酬纠纷", rules.CategoryMoneyPayment, true, false},
		{"civil", "排除妨害纠纷", "排除妨害纠纷", rules.CategoryNonMonetary, false, false},
		{"civil", "房屋租赁合同纠纷", "房屋租赁合同纠纷", rules.CategoryMixed, false, false},
		{"civil", "某某新类型权益纠纷", "", rules.CategoryUnknown, false, false},
		{"civil", "", "", rules.CategoryUnknown, false, false},
		{"civil", "纠纷", "", rules.CategoryUnknown, false, false},
		// Kinds do not mix: a criminal charge is no civil cause.
		{"civil", "故意杀人罪", "", rules.CategoryUnknown, false, false},
		{"criminal", "故意杀人罪", "故意杀人罪", rules.CategoryUnknown, false, true},
		{"criminal", "离婚纠纷", "", rules.CategoryUnknown, false, false},
		{"criminal", "非法吸收公众存款罪", "非法吸收公众存款罪", rules.CategoryUnknown, true, false},
		{"administrative", "政府信息公开", "政府信息公开", rules.CategoryUnknown, false, false},
		{"administrative", "政府信息公开纠纷", "政府信息公开", rules.CategoryUnknown, false, false},
		// An old name resolves to the current node, which takes the court's
		// attributes.
		{"administrative", "行政征收", "行政征收或者征用", rules.CategoryUnknown, true, false},
		{"", "离婚纠纷", "", rules.CategoryUnknown, false, false},
	} {
		k := map[string]int32{"civil": 1, "administrative": 2, "criminal": 3, "": 0}[tc.kind]
		c := e.LookupCause(triagev1.CaseKind(k), tc.written)
		if c.Name != tc.name || c.Category != tc.category || c.GroupProne != tc.group || c.Sensitive != tc.sens {
			t.Errorf("LookupCause(%s, %q) = %+v, want %s %v group=%v sensitive=%v", tc.kind, tc.written, c, tc.name, tc.category, tc.group, tc.sens)
		}
	}
}

func TestCategoryString(t *testing.T) {
	for c, want := range map[rules.Category]string{
		rules.CategoryUnknown:              "unknown",
		rules.CategoryMoneyPayment:         "money_payment",
		rules.CategoryPersonalStatus:       "personal_status",
		rules.CategoryPropertyConfirmation: "property_confirmation",
		rules.CategoryNonMonetary:          "non_monetary",
		rules.CategoryMixed:                "mixed",
		rules.Category(42):                 "category(42)",
	} {
		if got := c.String(); got != want {
			t.Errorf("Category(%d).String() = %q, want %q", int(c), got, want)
		}
	}
}
