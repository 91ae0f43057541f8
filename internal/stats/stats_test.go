package stats_test

import (
	"math"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/stats"
)

const (
	sc   = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	simp = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	ord  = triagev1.Procedure_PROCEDURE_ORDINARY
	ft   = triagev1.Procedure_PROCEDURE_FAST_TRACK
)

func decision(id, filedOn string, kind triagev1.CaseKind, rec triagev1.Procedure, review bool) *triagev1.Decision {
	return &triagev1.Decision{DecisionId: id, FiledOn: filedOn, CaseKind: kind, Recommended: rec, NeedsReview: review}
}

func outcome(p, prev triagev1.Procedure, ch triagev1.ChangeKind, basis string) *triagev1.Outcome {
	return &triagev1.Outcome{Procedure: p, Previous: prev, Change: ch, LegalBasis: basis}
}

func TestReport(t *testing.T) {
	civil, crim := triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL
	cases := []stats.Case{
		// March: 4 cases.
		{Decision: decision("a", "2024-03-01", civil, sc, false), Outcomes: []*triagev1.Outcome{
			outcome(sc, sc, triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, ""),
		}},
		{Decision: decision("b", "2024-03-02", civil, simp, false), Outcomes: []*triagev1.Outcome{
			outcome(simp, simp, triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, ""),
			outcome(ord, simp, triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY, "民事诉讼法第一百七十条"),
		}},
		{Decision: decision("c", "2024-03-03", civil, simp, true), Outcomes: []*triagev1.Outcome{
			outcome(ord, simp, triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN, ""),
		}},
		{Decision: decision("d", "2024-03-04", crim, ft, false)}, // no outcome yet
		// April: 1 case.
		{Decision: decision("e", "2024-04-01", civil, simp, true), Outcomes: []*triagev1.Outcome{
			outcome(simp, simp, triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, ""),
			outcome(ord, simp, triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY, "民事诉讼法第一百七十条"),
		}},
	}
	b := stats.NewBuilder()
	for _, c := range cases {
		if err := b.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	r := b.Report()
	if len(r.Periods) != 2 || r.Periods[0].Period != "2024-03" || r.Periods[1].Period != "2024-04" {
		t.Fatalf("periods %+v", r.Periods)
	}
	mar := r.Periods[0]
	checks := []struct {
		name      string
		got, want float64
	}{
		{"march cases", float64(mar.Cases), 4},
		{"march with outcome", float64(mar.WithOutcome), 3},
		{"march recommended simplified", float64(mar.Recommended["SIMPLIFIED"]), 2},
		{"march applied ordinary", float64(mar.Applied["ORDINARY"]), 2},
		{"march small-claims rate (1 of 3 civil with outcome)", mar.SmallClaimsRate, 1.0 / 3},
		{"march 简转普", float64(mar.SimplifiedToOrdinary), 1},
		// b ran under simplified and converted; c was overridden to ordinary
		// at filing and never ran under simplified, so it is not counted.
		{"march 简转普 rate", mar.SimplifiedToOrdinaryRate, 1.0},
		{"march review rate", mar.ReviewRate, 1.0 / 4},
		{"march agreement (a, b first applied as recommended)", mar.Agreement, 2.0 / 3},
		{"march final agreement (a only)", mar.FinalAgreement, 1.0 / 3},
		{"overall cases", float64(r.Overall.Cases), 5},
		{"overall 简转普", float64(r.Overall.SimplifiedToOrdinary), 2},
		{"overall review rate", r.Overall.ReviewRate, 2.0 / 5},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if len(r.Overall.ConversionReasons) != 1 || r.Overall.ConversionReasons[0] != (stats.ReasonCount{Reason: "民事诉讼法第一百七十条", Count: 2}) {
		t.Errorf("conversion reasons %+v", r.Overall.ConversionReasons)
	}
}

func TestAddRejectsIncompleteCases(t *testing.T) {
	b := stats.NewBuilder()
	if err := b.Add(stats.Case{}); err == nil {
		t.Error("case without decision accepted")
	}
	if err := b.Add(stats.Case{Decision: &triagev1.Decision{DecisionId: "x"}}); err == nil {
		t.Error("decision without filed_on accepted")
	}
	if r := b.Report(); r.Overall.Cases != 0 {
		t.Errorf("rejected cases counted: %+v", r.Overall)
	}
}
