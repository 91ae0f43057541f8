package server

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound21CivilLifecycle records round-21 civil outcomes through a
// real server on loopback with a SQLite store: the small-claims period
// ended before the case left small claims for the other simplified rules
// (民事诉讼法第一百六十八条、第一百六十九条第一款; until rules 2026-12-04.20 not
// flagged), and the articles a conversion's time limit and review reasons
// cite on the day of the ruling (the 2015 interpretation numbered Interp.
// 278–281 two higher; before 2015-02-04 若干规定第十三条第二款、第二十六条).
// The review reasons are the server's: those a client sends are dropped,
// and the stored outcome carries the same. rules/audit_round21_civil_test.go
// has the full tables.
func TestAuditRound21CivilLifecycle(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	const (
		scToSimp = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
		scToOrd  = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY
		sc168    = rules.ReviewCPL168SmallClaimsPeriodEnded
		late258  = rules.ReviewInterp258ConversionLate
		ended    = rules.ReviewTimeLimitEndedAtRuling
	)
	// The claims in the text name the amount too: a sum there above the
	// field's band leaves small claims to a person (REVIEW_TEXT_AMOUNT,
	// rules 2026-12-04.28).
	filed := func(f *triagev1.Filing, day string, yuan int64) *triagev1.Filing {
		f.FiledOn = day
		f.ClaimAmountFen = yuan * 100
		f.Text = strings.ReplaceAll(f.GetText(), "30000元", strconv.FormatInt(yuan, 10)+"元")
		return f
	}
	type step = chainStep
	cases := []struct {
		name   string
		filing *triagev1.Filing
		setup  []step
		last   step
		due    string
		review []string
		// Fragments the time limit's article and the first review
		// reason's article must hold, and ones they must not.
		tlArticle, reviewArticle, notCited string
	}{
		// Filed 2024-03-05 (辽宁, ¥30,000): small claims due 05-05 (劳动节) → 05-06, simplified 06-05.
		{"small claims → simplified rules on 05-06: in time", loanFiling("r21-1"),
			[]step{{overridden, smallClaims, "2024-03-06"}}, step{scToSimp, simplified, "2024-05-06"}, "2024-06-05", nil, "第一百六十九条", "", ""},
		{"small claims → simplified rules on 05-07: CPL 168's two months over", loanFiling("r21-2"),
			[]step{{overridden, smallClaims, "2024-03-06"}}, step{scToSimp, simplified, "2024-05-07"}, "2024-06-05", []string{sc168}, "第一百六十九条", "民事诉讼法第一百六十八条", ""},
		{"small claims → simplified rules on 06-06: both periods over", loanFiling("r21-3"),
			[]step{{overridden, smallClaims, "2024-03-06"}}, step{scToSimp, simplified, "2024-06-06"}, "2024-06-05", []string{sc168, ended}, "", "第一百六十八条", ""},
		{"small claims → ordinary on 05-07: Interp. 258 ¶2 alone", loanFiling("r21-4"),
			[]step{{overridden, smallClaims, "2024-03-06"}}, step{scToOrd, ordinary, "2024-05-07"}, "2024-09-05", []string{late258}, "民诉法解释第二百八十一条", "民诉法解释第二百五十八条第二款", ""},
		// 2019 (CPL 2017, ¥10,000 under 辽宁's 30% figure): small claims had simplified's three months, due 08-06.
		{"2019 small claims → simplified rules on 08-07: both periods over, CPL 2017 cited", filed(loanFiling("r21-5"), "2019-05-06", 10000),
			nil, step{scToSimp, simplified, "2019-08-07"}, "2019-08-06", []string{sc168, ended}, "民诉法解释（2015年）第二百八十条",
			"民事诉讼法（2012年、2017年修正）第一百六十一条、第一百六十二条", "民事诉讼法第一百六十九条"},
		{"2019 small claims → ordinary on 08-07: the 2015 numbering", filed(loanFiling("r21-6"), "2019-05-06", 10000),
			nil, step{scToOrd, ordinary, "2019-08-07"}, "2019-11-06", []string{late258}, "民诉法解释（2015年）第二百八十三条",
			"民诉法解释（2015年）第二百五十八条第二款", "民诉法解释第二百八十一条"},
		// 2014, before the 2015 interpretation: 若干规定.
		{"2014 small claims → ordinary on 08-07: 若干规定 13 ¶2, 26", filed(loanFiling("r21-7"), "2014-05-06", 8000),
			nil, step{scToOrd, ordinary, "2014-08-07"}, "2014-11-06", []string{late258}, "若干规定第十三条第二款",
			"若干规定第二十六条", "民诉法解释"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, c.filing)
			if d.GetRecommended() != smallClaims {
				t.Fatalf("fixture: recommended %v, want small claims", d.GetRecommended())
			}
			o, stored := recordChain(t, ctx, h.client, st, d, append(c.setup, c.last), c.review)
			if tl := o.GetTimeLimit(); tl.GetDueOn() != c.due || !strings.Contains(tl.GetArticle(), c.tlArticle) ||
				c.notCited != "" && strings.Contains(tl.GetArticle(), c.notCited) {
				t.Errorf("time limit due %s citing %q; want due %s citing %q, not %q", tl.GetDueOn(), tl.GetArticle(), c.due, c.tlArticle, c.notCited)
			}
			for what, rs := range map[string][]*triagev1.Reason{"response": o.GetReviewReasons(), "stored": stored} {
				if len(rs) > 0 && (!strings.Contains(rs[0].GetArticle(), c.reviewArticle) ||
					c.notCited != "" && strings.Contains(rs[0].GetArticle(), c.notCited)) {
					t.Errorf("%s %s cites %q, want %q and not %q", what, rs[0].GetCode(), rs[0].GetArticle(), c.reviewArticle, c.notCited)
				}
			}
		})
	}
}

// chainStep is one outcome of a chain recordChain records: the change,
// the procedure it applies and the day of the ruling.
type chainStep struct {
	change triagev1.ChangeKind
	proc   triagev1.Procedure
	on     string
}

// recordChain records the steps as outcomes of decision d in order through
// the client, each sent with review reasons a client must not be able to
// set; a choice at filing that is the recommendation is sent as CONFIRMED.
// Every outcome but the last must be accepted without review reasons, and
// the last with the review codes want, in the answer and in the store. It
// returns the last outcome as answered and the review reasons stored with it.
func recordChain(t *testing.T, ctx context.Context, c triagev1.TriageServiceClient, st CaseStore, d *triagev1.Decision, steps []chainStep, want []string) (*triagev1.Outcome, []*triagev1.Reason) {
	t.Helper()
	var last *triagev1.Outcome
	for i, s := range steps {
		o := outcome(d, s.change, s.proc, s.on)
		if s.change == overridden && d.GetRecommended() == s.proc {
			o.Change = confirmed
		}
		o.ReviewReasons = []*triagev1.Reason{{Code: "CLIENT_SAYS", Message: "客户端填写"}}
		resp, err := c.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
		if err != nil {
			t.Fatalf("outcome %d (%v → %v): %v", i, o.GetChange(), o.GetProcedure(), err)
		}
		if last = resp.GetOutcome(); i < len(steps)-1 && len(last.GetReviewReasons()) != 0 {
			t.Fatalf("outcome %d (%v) carries review reasons %v", i, o.GetChange(), last.GetReviewReasons())
		}
	}
	stored, err := st.ListOutcomes(ctx, d.GetDecisionId())
	if err != nil {
		t.Fatal(err)
	}
	reviewed := stored[len(stored)-1].GetReviewReasons()
	for what, rs := range map[string][]*triagev1.Reason{"response": last.GetReviewReasons(), "stored": reviewed} {
		var got []string
		for _, r := range rs {
			got = append(got, r.GetCode())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s review reasons %v, want %v", what, got, want)
		}
	}
	return last, reviewed
}
