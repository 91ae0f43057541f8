package server

import (
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound21Criminal sends round-21 filings and outcomes through a real
// server on loopback, a SQLite store and its audit chain
// (rules/audit_round21_criminal_test.go has the full tables): a minor's
// representative objecting bars simplified procedure in 2015 (刑诉法解释
// （2012年）第四百七十四条); a free private defendant's case of 2010 has six
// months (1998 interpretation art. 109; 法释〔2000〕29号 art. 1); a 简转普 of
// 2015 and a fast-track conversion of 2019 cite the texts then in force; a
// 补充侦查 whose file came back more than a month after the period could have
// ended is recorded with a review reason (刑事诉讼法第二百零五条), one in time
// without.
func TestAuditRound21Criminal(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	const (
		open      = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed    = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		restarted = triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED
		returned  = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION
	)
	dated := func(id, day string, consents bool, m ...func(*triagev1.Filing)) *triagev1.Filing {
		f := criminalFiling(id, consents)
		f.FiledOn = day
		for _, fm := range m {
			fm(f)
		}
		return f
	}
	minorObjects := func(f *triagev1.Filing) {
		f.Parties[0].Minor = true
		f.Circumstances.RepresentativeObjectsSimplified = true
	}
	codesOf := func(rs []*triagev1.Reason) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.GetCode())
		}
		return out
	}
	record := func(o *triagev1.Outcome) *triagev1.Outcome {
		t.Helper()
		resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
		if err != nil {
			t.Fatalf("RecordOutcome %v on %s: %v", o.GetChange(), o.GetDecidedOn(), err)
		}
		return resp.GetOutcome()
	}
	wantLimit := func(what string, o *triagev1.Outcome, months, days int32, due, article string) {
		t.Helper()
		tl := o.GetTimeLimit()
		if tl.GetMonths() != months || tl.GetDays() != days || tl.GetDueOn() != due || !strings.Contains(tl.GetArticle(), article) {
			t.Errorf("%s: time limit %v, want %d months %d days due %s citing %s", what, tl, months, days, due, article)
		}
	}

	// A minor's representative objects, 2015: simplified closed under art.
	// 474; the same filing of 2012-12-31 keeps it open (near miss).
	minor := triageOK(t, ctx, h.client, dated("r21-1", "2015-06-01", false, minorObjects))
	checkOpenProcedures(t, minor, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
	if got := codesOf(decisionOption(t, minor, simplified).GetReasons()); !slices.Contains(got, rules.CodeInterp2012RepresentativeObjects) {
		t.Errorf("2015 minor, representative objects: simplified reasons %v lack %s", got, rules.CodeInterp2012RepresentativeObjects)
	}
	checkOpenProcedures(t, dryTriage(t, ctx, h.client, dated("r21-2", "2012-12-31", false, minorObjects), ""),
		map[triagev1.Procedure]triagev1.Availability{simplified: open})

	// A private prosecution of 2010, the defendant free: six months.
	priv := triageOK(t, ctx, h.client, dated("r21-3", "2010-06-01", false, func(f *triagev1.Filing) {
		f.Cause, f.Circumstances.RecommendedSentenceMonths, f.Circumstances.PrivateProsecution = "侮辱罪", 0, true
	}))
	if tl := decisionOption(t, priv, ordinary).GetTimeLimit(); tl.GetMonths() != 6 || tl.GetDueOn() != "2010-12-01" || !strings.Contains(tl.GetArticle(), "（1998年）第一百零九条") {
		t.Errorf("2010 private prosecution, ordinary: %v, want six months due 2010-12-01 citing the 1998 interpretation's art. 109", tl)
	}

	// 简转普 of 2015: the 2012 interpretation's art. 298, two months from
	// the decision.
	simp2015 := triageOK(t, ctx, h.client, dated("r21-4", "2015-06-01", false))
	if simp2015.GetRecommended() != simplified {
		t.Fatalf("r21-4 recommended %v; the test needs simplified", simp2015.GetRecommended())
	}
	conv := outcome(simp2015, simpToOrd, ordinary, "2015-06-10")
	conv.LegalBasis = "刑事诉讼法（2012年修正）第二百一十五条"
	c := record(conv)
	wantLimit("简转普 2015", c, 2, 0, "2015-08-10", "刑诉法解释（2012年）第二百九十八条")
	if strings.Contains(c.GetTimeLimit().GetArticle(), "第三百六十八条") {
		t.Errorf("简转普 2015 cites the 2021 interpretation: %q", c.GetTimeLimit().GetArticle())
	}

	// Fast-track → ordinary of 2019: CrPL 226, not Interp. 376.
	ft2019 := triageOK(t, ctx, h.client, dated("r21-5", "2019-06-03", true))
	if ft2019.GetRecommended() != fastTrack {
		t.Fatalf("r21-5 recommended %v; the test needs fast-track", ft2019.GetRecommended())
	}
	ftConv := outcome(ft2019, ftToOrd, ordinary, "2019-06-05")
	ftConv.LegalBasis = "刑事诉讼法第二百二十六条"
	wantLimit("速裁转普 2019", record(ftConv), 2, 0, "2019-08-05", "刑事诉讼法第二百二十六条")

	// 补充侦查 in ordinary procedure (filed 2024-03-05: at most three months,
	// to 06-05; one month more, 07-05): back on 07-06 it is flagged, on
	// 07-05 it is not (near miss, another case).
	restart := func(d *triagev1.Decision, on string) *triagev1.Outcome {
		o := outcome(d, restarted, ordinary, on)
		o.Restart, o.LegalBasis = returned, "刑事诉讼法第二百零八条第三款"
		return o
	}
	ordinaryCase := func(id string) *triagev1.Decision {
		d := triageOK(t, ctx, h.client, criminalFiling(id, false))
		record(outcome(d, overridden, ordinary, "2024-03-06"))
		return d
	}
	late := ordinaryCase("r21-6")
	r := record(restart(late, "2024-07-06"))
	if got := codesOf(r.GetReviewReasons()); !slices.Equal(got, []string{rules.ReviewCrPL205LateReturn}) {
		t.Errorf("late 补充侦查: review reasons %v, want %s", got, rules.ReviewCrPL205LateReturn)
	}
	wantLimit("late 补充侦查", r, 2, 0, "2024-09-06", "刑事诉讼法第二百零八条第三款")
	inTime := ordinaryCase("r21-7")
	if r := record(restart(inTime, "2024-07-05")); len(r.GetReviewReasons()) != 0 {
		t.Errorf("补充侦查 on the last day: review reasons %v, want none", codesOf(r.GetReviewReasons()))
	}

	// The store keeps the review reason with the outcome.
	stored, err := st.ListOutcomes(ctx, late.GetDecisionId())
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2 || !slices.Equal(codesOf(stored[1].GetReviewReasons()), []string{rules.ReviewCrPL205LateReturn}) {
		t.Errorf("stored outcomes of r21-6: %v", stored)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("VerifyAudit: %+v, %v", rep, err)
	}
}
