package classifier

import (
	"math"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/triage"
)

func TestRealPriorBackOff(t *testing.T) {
	r := testRules(t)
	crim := func(id, cause string, plea bool, label triagev1.Procedure) *triagev1.LabeledFiling {
		return &triagev1.LabeledFiling{Label: label, Filing: &triagev1.Filing{
			Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: "某区人民法院",
			CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "浙江省", FiledOn: "2018-05-01", Cause: cause,
			Parties:       []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
			Circumstances: &triagev1.Circumstances{GuiltyPlea: plea},
		}}
	}
	const sim, ord = triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	data := []*triagev1.LabeledFiling{
		crim("1", "贩卖毒品罪", true, sim), crim("2", "贩卖毒品罪", true, sim), crim("3", "贩卖毒品罪", true, sim),
		crim("4", "强奸罪", true, ord), crim("5", "强奸罪", true, ord), crim("6", "强奸罪", true, sim),
	}
	const alpha = 2.0
	rp, err := NewRealPrior(r, data, alpha, map[string]float64{"CASE_KIND_CRIMINAL": 1})
	if err != nil {
		t.Fatal(err)
	}
	// kind: simplified 4/6; drugs: 3 simplified of 3; drugs+plea the same.
	kind := 4.0 / 6
	fam := (3 + alpha*kind) / (3 + alpha)
	famPlea := (3 + alpha*fam) / (3 + alpha)
	tests := []struct {
		name string
		lf   *triagev1.LabeledFiling
		want float64 // probability of simplified
	}{
		{"counted chain", crim("x", "贩卖毒品罪", true, sim), famPlea},
		{"unseen plea backs off to the family", crim("y", "贩卖毒品罪", false, sim), fam},
		{"unknown charge backs off to other, unseen: the kind", crim("z", "重婚罪", true, sim), kind},
	}
	for _, tc := range tests {
		a, err := r.Evaluate(tc.lf.GetFiling())
		if err != nil {
			t.Fatal(err)
		}
		var p triage.Probabilities
		rp.Apply(tc.lf.GetFiling(), a, &p) // weight 1: p becomes the prior
		if math.Abs(p[sim]-tc.want) > 1e-12 {
			t.Errorf("%s: P(simplified) = %v, want %v", tc.name, p[sim], tc.want)
		}
	}
}
