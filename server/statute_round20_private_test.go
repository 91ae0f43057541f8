package server

import (
	"slices"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestStatuteRound20Private sends round-20 filings and outcomes through a real
// server on loopback (rules/audit_round20_private_test.go has the full tables): a
// private prosecution (自诉) gets no fast-track (刑事诉讼法第二百二十二条第二款、
// 第二百二十六条; 刑诉法解释第三百六十九条) but simplified procedure and six
// months for ordinary when the defendant is free (第二百一十二条第二款); a
// minor defendant's representative objecting bars simplified procedure
// (刑诉法解释第五百六十六条); a third 补充侦查 in one trial is refused (刑诉法
// 解释第二百七十四条), as is any 补充侦查 in a private prosecution; what the
// new fields make contradictory is INVALID_ARGUMENT naming the field, in a
// filing and in a correction.
func TestStatuteRound20Private(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	const (
		open       = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed     = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		restarted  = triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED
		ftToSimp   = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
		changed    = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_CHANGED
		reinvested = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION
	)
	// insult is a 侮辱罪 filing (刑法第二百四十六条, at most three years):
	// admitted, accepted, consenting, no recommendation (the charge
	// establishes the sentence).
	insult := func(id string, private bool, m ...func(*triagev1.Filing)) *triagev1.Filing {
		f := criminalFiling(id, true)
		f.Cause = "侮辱罪"
		f.Circumstances.RecommendedSentenceMonths = 0
		f.Circumstances.PrivateProsecution = private
		for _, fm := range m {
			fm(f)
		}
		return f
	}
	minorDefendant := func(f *triagev1.Filing) { f.Parties[0].Minor = true }
	objects := func(f *triagev1.Filing) { f.Circumstances.RepresentativeObjectsSimplified = true }
	reasons := func(o *triagev1.ProcedureOption) []string {
		var out []string
		for _, r := range o.GetReasons() {
			out = append(out, r.GetCode())
		}
		return out
	}

	// Triage: the private prosecution and its public twin.
	priv := triageOK(t, ctx, h.client, insult("r20-1", true))
	checkOpenProcedures(t, priv, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
	if got := reasons(decisionOption(t, priv, fastTrack)); !slices.Contains(got, rules.CodeCrPL222PrivateProsecution) {
		t.Errorf("private prosecution: fast-track reasons %v lack %s", got, rules.CodeCrPL222PrivateProsecution)
	}
	if tl := decisionOption(t, priv, ordinary).GetTimeLimit(); tl.GetMonths() != 6 || tl.GetDueOn() != "2024-09-05" || tl.GetArticle() != "刑事诉讼法第二百一十二条第二款" {
		t.Errorf("private prosecution, ordinary: %v, want six months due 2024-09-05 (CrPL 212 ¶2)", tl)
	}
	public := triageOK(t, ctx, h.client, insult("r20-2", false))
	checkOpenProcedures(t, public, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open})
	if tl := decisionOption(t, public, ordinary).GetTimeLimit(); tl.GetMonths() != 2 {
		t.Errorf("public prosecution, ordinary: %v, want two months (near miss)", tl)
	}

	// A minor defendant's representative objects.
	minor := triageOK(t, ctx, h.client, insult("r20-3", false, minorDefendant, objects))
	checkOpenProcedures(t, minor, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
	if got := reasons(decisionOption(t, minor, simplified)); !slices.Contains(got, rules.CodeInterp566RepresentativeObjects) {
		t.Errorf("minor, representative objects: simplified reasons %v lack %s", got, rules.CodeInterp566RepresentativeObjects)
	}
	checkOpenProcedures(t, dryTriage(t, ctx, h.client, insult("r20-4", false, minorDefendant), ""),
		map[triagev1.Procedure]triagev1.Availability{simplified: open})

	// Refused, naming the field, and nothing stored.
	civil := loanFiling("r20-5")
	civil.Circumstances = &triagev1.Circumstances{PrivateProsecution: true}
	dryTriage(t, ctx, h.client, civil, "filing.circumstances.private_prosecution")
	adm := adminFiling("r20-6")
	adm.Circumstances.RepresentativeObjectsSimplified = true
	dryTriage(t, ctx, h.client, adm, "filing.circumstances.representative_objects_simplified")
	dryTriage(t, ctx, h.client, insult("r20-7", true, func(f *triagev1.Filing) { f.Circumstances.RecommendedSentenceMonths = 6 }),
		"filing.circumstances.recommended_sentence_months")
	dryTriage(t, ctx, h.client, insult("r20-8", false, objects), "filing.circumstances.representative_objects_simplified")
	_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: civil})
	checkStatus(t, err, codes.InvalidArgument, "filing.circumstances.private_prosecution", "")
	if _, err := st.GetFiling(ctx, "r20-5"); err == nil {
		t.Errorf("a refused filing was stored")
	}

	// Restarts.
	record := func(o *triagev1.Outcome) (*triagev1.RecordOutcomeResponse, error) {
		return h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
	}
	restart := func(d *triagev1.Decision, r triagev1.TimeLimitRestart, p triagev1.Procedure, on string) *triagev1.Outcome {
		o := outcome(d, restarted, p, on)
		o.Restart, o.LegalBasis = r, "刑事诉讼法第二百零八条"
		return o
	}
	mustRecord := func(o *triagev1.Outcome) *triagev1.Outcome {
		t.Helper()
		resp, err := record(o)
		if err != nil {
			t.Fatalf("RecordOutcome %v %v on %s: %v", o.GetChange(), o.GetRestart(), o.GetDecidedOn(), err)
		}
		return resp.GetOutcome()
	}
	// A public prosecution in simplified procedure: 补充侦查 twice, 改变管辖
	// (not counted), then a third 补充侦查 is refused.
	simp := triageOK(t, ctx, h.client, criminalFiling("r20-9", false))
	if simp.GetRecommended() != simplified {
		t.Fatalf("r20-9 recommended %v; the test needs simplified", simp.GetRecommended())
	}
	mustRecord(restart(simp, reinvested, simplified, "2024-03-20"))
	mustRecord(restart(simp, reinvested, simplified, "2024-04-22"))
	mustRecord(restart(simp, changed, simplified, "2024-05-06"))
	_, err = record(restart(simp, reinvested, simplified, "2024-05-27"))
	checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleRestartInvestigationLimit)

	// A private prosecution: no 补充侦查 at all; 改变管辖 restarts its six
	// months (near miss).
	if priv.GetRecommended() == fastTrack {
		t.Fatalf("r20-1 recommended fast-track, which it closes")
	}
	_, err = record(restart(priv, reinvested, priv.GetRecommended(), "2024-04-10"))
	checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleRestartInvestigationPrivate)
	mustRecord(restart(priv, changed, priv.GetRecommended(), "2024-04-10"))

	// Corrections read the new fields: a fast-track case found to be a
	// private prosecution cannot stay in fast-track, may go to simplified.
	ft := triageOK(t, ctx, h.client, criminalFiling("r20-10", true))
	if ft.GetRecommended() != fastTrack {
		t.Fatalf("r20-10 recommended %v; the test needs fast-track", ft.GetRecommended())
	}
	asPrivate := func(months int32) *triagev1.Filing {
		f := criminalFiling("r20-10", true)
		f.Circumstances.PrivateProsecution, f.Circumstances.RecommendedSentenceMonths = true, months
		return f
	}
	withCorrection := func(o *triagev1.Outcome, f *triagev1.Filing) *triagev1.Outcome {
		o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "刑事自诉状；刑事诉讼法第二百一十条"}
		o.LegalBasis = "刑事诉讼法第二百二十六条"
		return o
	}
	_, err = record(withCorrection(outcome(ft, confirmed, fastTrack, "2024-03-06"), asPrivate(0)))
	checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
	_, err = record(withCorrection(outcome(ft, ftToSimp, simplified, "2024-03-06"), asPrivate(3)))
	checkStatus(t, err, codes.InvalidArgument, "outcome.correction.filing.circumstances.recommended_sentence_months", "")
	conv := mustRecord(withCorrection(outcome(ft, ftToSimp, simplified, "2024-03-06"), asPrivate(0)))
	if !slices.Contains(conv.GetCorrection().GetChangedFields(), "circumstances.private_prosecution") {
		t.Errorf("changed_fields %v lack circumstances.private_prosecution", conv.GetCorrection().GetChangedFields())
	}
	// The corrected case is a private prosecution: no 补充侦查 now either.
	_, err = record(restart(ft, reinvested, simplified, "2024-04-10"))
	checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleRestartInvestigationPrivate)

	rep, err := st.VerifyAudit(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("VerifyAudit: %+v, %v", rep, err)
	}
}
