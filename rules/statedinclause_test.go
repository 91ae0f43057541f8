package rules_test

import (
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestStatedInClause checks that a word counts as stated only where no
// negation stands before it in its own clause, and that every occurrence
// is tried: the sentencing circumstances the real linear prior reads.
func TestStatedInClause(t *testing.T) {
	tests := []struct {
		name, text, w string
		want          bool
	}{
		{"stated", "被告人到案后如实供述，已退赔被害人损失并取得谅解。", "谅解", true},
		{"negated right before", "被告人无前科。", "前科", false},
		{"negated earlier in the clause", "被告人未能取得被害人谅解。", "谅解", false},
		{"refused", "被害人拒绝谅解被告人。", "谅解", false},
		{"refused with 拒不", "被告人拒不退赃。", "退赃", false},
		{"a negation in the clause before does not reach", "被告人未婚，系累犯。", "累犯", true},
		{"a later occurrence stated", "被告人虽无自首情节，但到案后主动投案，系自首。", "自首", true},
		{"a negation after the word does not deny it", "被告人系累犯，不予从轻。", "累犯", true},
		{"absent", "被告人盗窃财物。", "累犯", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := rules.StatedInClause(tc.text, tc.w); got != tc.want {
				t.Errorf("StatedInClause(%q, %q) = %v, want %v", tc.text, tc.w, got, tc.want)
			}
		})
	}
}
