package server

import (
	"strings"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound21Admin triages administrative filings and records their
// outcomes through a real server on loopback with the embedded rules, model
// and teams (rules/audit_round21_admin_test.go has the full tables):
//   - a 行政公益诉讼 whose cause names the suit beside a longer catalogue
//     name (不履行法定职责行政公益诉讼) is tried by seven judges and assessors
//     from 2018-04-27 (人民陪审员法第十六条第二项), so no simplified procedure,
//     agreement or not; until rules 2026-12-04.21 it was offered one;
//   - simplified procedure chosen at filing with every party's agreement is
//     lawful for any first-instance case (行政诉讼法第八十二条第二款) unless ¶3
//     or another law closes it; until rules 2026-12-04.21 the agreement the
//     outcome stated was ignored and the choice refused;
//   - a conversion ruled before 2018-02-08 cites 行政诉讼法第一百零一条 and
//     民诉法解释（2015年）第二百五十八条, not 行诉法解释, then not in force.
func TestAuditRound21Admin(t *testing.T) {
	ts := defaultTeams(t)
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: ts})
	ctx := testContext(t)
	record := func(o *triagev1.Outcome) (*triagev1.RecordOutcomeResponse, error) {
		return h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
	}
	// filing is a 行政处罚 of ¥5,000 at 沈阳市和平区人民法院: no art. 82 ¶1 item.
	filing := func(id, filedOn, cause string, agreed bool) *triagev1.Filing {
		f := adminFiling(id)
		f.FiledOn, f.Cause, f.ClaimAmountFen = filedOn, cause, 500_000
		f.Text = "诉讼请求：撤销被告作出的罚款5000元的行政处罚决定。"
		f.Circumstances = &triagev1.Circumstances{PartiesAgreeSimplified: agreed}
		return f
	}
	with := func(o *triagev1.Outcome, basis string, agreed bool) *triagev1.Outcome {
		o.LegalBasis, o.PartiesAgree = basis, agreed
		return o
	}
	// checkTeam: the team holding the case after resp takes procedure p.
	checkTeam := func(t *testing.T, d *triagev1.Decision, resp *triagev1.RecordOutcomeResponse, p triagev1.Procedure) {
		t.Helper()
		id := d.GetAssignment().GetTeamId()
		if ra := resp.GetReassignment(); ra != nil {
			id = ra.GetTeamId()
		}
		if team, ok := ts.Team(id); !ok || !team.Takes(d.GetCaseKind(), p) {
			t.Errorf("case under %v left with team %q", p, id)
		}
	}
	codesOf := func(rs []*triagev1.Reason) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.GetCode())
		}
		return strings.Join(out, ",")
	}

	t.Run("不履行法定职责行政公益诉讼 agreed: no simplified procedure", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, filing("(2024)辽0102行初2101号", "2024-03-05", "不履行法定职责行政公益诉讼", true))
		o := decisionOption(t, d, simplified)
		if o.GetAvailable() || !strings.Contains(codesOf(o.GetReasons()), rules.CodeAssessors16PublicInterestSuit) {
			t.Fatalf("simplified option %v, want it barred by %s", o, rules.CodeAssessors16PublicInterestSuit)
		}
		if d.GetRecommended() != ordinary {
			t.Errorf("recommended %v, want ordinary", d.GetRecommended())
		}
		_, err := record(with(outcome(d, overridden, simplified, "2024-03-05"), "行政诉讼法第八十二条第二款", true))
		st := checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeAssessors16PublicInterestSuit) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeAssessors16PublicInterestSuit)
		}
	})
	t.Run("near miss: 不履行法定职责 agreed is no suit", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, filing("(2024)辽0102行初2102号", "2024-03-05", "不履行法定职责", true))
		if o := decisionOption(t, d, simplified); !o.GetAvailable() {
			t.Errorf("simplified option %v, want it open by the agreement", o)
		}
	})

	t.Run("simplified at filing with the parties' agreement, then 简转普", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, filing("(2024)辽0102行初2103号", "2024-03-05", "行政处罚", false))
		if d.GetRecommended() != ordinary {
			t.Fatalf("fixture recommends %v, want ordinary", d.GetRecommended())
		}
		resp, err := record(with(outcome(d, overridden, simplified, "2024-03-05"), "行政诉讼法第八十二条第二款", true))
		if err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
		if lim := resp.GetOutcome().GetTimeLimit(); lim.GetDays() != 45 || lim.GetDueOn() != "2024-04-19" {
			t.Errorf("time limit %v, want 45 days to 2024-04-19 (行政诉讼法第八十三条)", lim)
		}
		checkTeam(t, d, resp, simplified)
		resp, err = record(with(outcome(d, simpToOrd, ordinary, "2024-04-01"), "行政诉讼法第八十四条", false))
		if err != nil {
			t.Fatalf("简转普: %v", err)
		}
		if lim := resp.GetOutcome().GetTimeLimit(); lim.GetMonths() != 6 || lim.GetDueOn() != "2024-09-05" ||
			!strings.Contains(lim.GetArticle(), "行诉法解释第一百零五条第二款") {
			t.Errorf("time limit %v, want six months from 立案 to 2024-09-05 (行诉法解释第一百零五条第二款)", lim)
		}
		checkTeam(t, d, resp, ordinary)
	})
	t.Run("near miss: without the agreement, refused", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, filing("(2024)辽0102行初2104号", "2024-03-05", "行政处罚", false))
		_, err := record(with(outcome(d, overridden, simplified, "2024-03-05"), "行政诉讼法第八十二条", false))
		st := checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeAdmin82NotQualified) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeAdmin82NotQualified)
		}
	})
	t.Run("agreed but remanded: refused under ¶3 alone", func(t *testing.T) {
		f := filing("(2024)辽0102行初2105号", "2024-03-05", "行政处罚", false)
		f.Circumstances.Remanded = true
		d := triageOK(t, ctx, h.client, f)
		_, err := record(with(outcome(d, overridden, simplified, "2024-03-05"), "行政诉讼法第八十二条第二款", true))
		st := checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if msg := st.Message(); !strings.Contains(msg, rules.CodeAdmin82Remanded) || strings.Contains(msg, rules.CodeAdmin82NotQualified) {
			t.Errorf("refusal %q: want %s and no %s (the parties agreed)", msg, rules.CodeAdmin82Remanded, rules.CodeAdmin82NotQualified)
		}
	})

	// simplifiedCase triages an on-the-spot case and puts it in simplified
	// procedure at filing (confirming or choosing it).
	simplifiedCase := func(t *testing.T, id, filedOn string) *triagev1.Decision {
		t.Helper()
		f := filing(id, filedOn, "行政处罚", false)
		f.Circumstances.ActOnTheSpot = true
		d := triageOK(t, ctx, h.client, f)
		change := overridden
		if d.GetRecommended() == simplified {
			change = confirmed
		}
		if _, err := record(with(outcome(d, change, simplified, filedOn), "行政诉讼法第八十二条第一款第一项", false)); err != nil {
			t.Fatalf("simplified at filing: %v", err)
		}
		return d
	}
	// A late 简转普 on each side of 2018-02-08: its period's article and the
	// review reason name the texts in force on the day of the ruling.
	for _, c := range []struct {
		name, id, filedOn, ruledOn string
		cites, notCites, review    string
	}{
		{"简转普 ruled 2017-05-02, late: ALL 101 and Interp. 2015 art. 258", "(2017)辽0102行初2106号", "2017-03-01", "2017-05-02",
			"民诉法解释（2015年）第二百五十八条第三款", "行诉法解释", rules.ReviewAdmin2015ConversionLate},
		{"near miss: 简转普 ruled 2018-02-08, late: 行诉法解释", "(2017)辽0102行初2107号", "2017-12-01", "2018-02-08",
			"行诉法解释第一百零五条第二款", "民诉法解释", rules.ReviewAdmin105ConversionLate},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := simplifiedCase(t, c.id, c.filedOn)
			resp, err := record(with(outcome(d, simpToOrd, ordinary, c.ruledOn), "行政诉讼法第八十四条", false))
			if err != nil {
				t.Fatalf("简转普: %v", err)
			}
			o := resp.GetOutcome()
			if art := o.GetTimeLimit().GetArticle(); !strings.Contains(art, c.cites) || strings.Contains(art, c.notCites) {
				t.Errorf("time limit cites %q, want %s and no %s", art, c.cites, c.notCites)
			}
			if got := codesOf(o.GetReviewReasons()); got != c.review {
				t.Errorf("review reasons %s, want %s", got, c.review)
			}
		})
	}
	t.Run("普转简 ruled 2016-03-04: refused without citing 行诉法解释", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, filing("(2016)辽0102行初2108号", "2016-03-01", "行政处罚", false))
		_, err := record(with(outcome(d, ordToSimp, simplified, "2016-03-04"), "行政诉讼法第八十二条第二款", true))
		st := checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleAdminSimplifiedToOrdinaryOnly)
		if strings.Contains(st.Message(), "行诉法解释") {
			t.Errorf("refusal %q cites 行诉法解释, not in force on 2016-03-04", st.Message())
		}
	})
}
