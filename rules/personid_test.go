package rules

import (
	"strings"
	"testing"
)

// TestValidatePersonIDSaysWho: an empty person id is refused naming the
// field and who the id belongs to: a president for a designation
// (AssignCase's designated_by), a judge or president for an outcome. The
// designation said "the judge or president", a role that cannot designate
// (outside check 31).
func TestValidatePersonIDSaysWho(t *testing.T) {
	for _, tc := range []struct {
		field, id, want, notWant string
	}{
		{"designated_by", "", "designated_by: is required: the id of the president", "judge"},
		{"designated_by", "   ", "the id of the president", "judge"},
		{"outcome.decided_by", "", "outcome.decided_by: is required: the id of the judge or president", ""},
	} {
		err := ValidatePersonID(tc.field, tc.id)
		if err == nil {
			t.Errorf("ValidatePersonID(%q, %q) = nil; want an error", tc.field, tc.id)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tc.want) || (tc.notWant != "" && strings.Contains(msg, tc.notWant)) {
			t.Errorf("ValidatePersonID(%q, %q) = %q; want it to hold %q and not %q", tc.field, tc.id, msg, tc.want, tc.notWant)
		}
	}
	if err := ValidatePersonID("designated_by", "president-07"); err != nil {
		t.Errorf("ValidatePersonID(designated_by, president-07) = %v; want nil", err)
	}
}
