package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestNamesAreWords: every change kind, procedure and case kind a client can
// record has a Chinese name for the text team leads and presidents read
// (server's re-draw reasons and team refusals), never its enum name. A
// value added to the API without one fails here.
func TestNamesAreWords(t *testing.T) {
	for v, name := range triagev1.ChangeKind_name {
		if ch := triagev1.ChangeKind(v); ch != triagev1.ChangeKind_CHANGE_KIND_UNSPECIFIED && strings.Contains(rules.ChangeName(ch), name) {
			t.Errorf("ChangeName(%s) = %q", name, rules.ChangeName(ch))
		}
	}
	for v, name := range triagev1.Procedure_name {
		if p := triagev1.Procedure(v); p != triagev1.Procedure_PROCEDURE_UNSPECIFIED && strings.Contains(rules.ProcedureName(p), name) {
			t.Errorf("ProcedureName(%s) = %q", name, rules.ProcedureName(p))
		}
	}
	for v, name := range triagev1.CaseKind_name {
		if k := triagev1.CaseKind(v); k != triagev1.CaseKind_CASE_KIND_UNSPECIFIED && strings.Contains(rules.CaseKindName(k), name) {
			t.Errorf("CaseKindName(%s) = %q", name, rules.CaseKindName(k))
		}
	}
}
