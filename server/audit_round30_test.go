package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"google.golang.org/grpc/codes"
)

// TestAuditRound30 sends round-30 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round30_test.go has the full table):
//   - a 侮辱罪 case whose text says 自诉人…向本院提起自诉 and whose fields do
//     not mark it private: fast-track is the procuratorate's (刑事诉讼法第二百
//     二十二条第二款、第二百二十六条), so it is closed, reviewed, and recording
//     it is refused;
//   - an indictment 按照缺席审判程序 (第二百九十一条): neither fast-track nor
//     simplified procedure, reviewed, ordinary recommended;
//   - near miss: an accomplice 在逃，另案处理 is no trial in absentia.
func TestAuditRound30(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		privateReview  = "REVIEW_PRIVATE_PROSECUTION_IN_TEXT"
		absentiaBar    = "CRPL291_TRIAL_IN_ABSENTIA"
		absentiaReview = "REVIEW_ABSENTIA_IN_TEXT"
	)

	t.Run("自诉 in the text: no fast-track, reviewed, recording fast-track refused", func(t *testing.T) {
		f := criminalWithText("(2024)辽0102刑初3001号", "自诉人张某以被告人王某犯侮辱罪，向本院提起自诉。被告人王某认罪，同意适用速裁程序。")
		f.Cause, f.Circumstances.RecommendedSentenceMonths = "侮辱罪", 0
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
		if o := decisionOption(t, d, fastTrack); !slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == rules.CodeCrPL222PrivateProsecution }) {
			t.Errorf("fast-track reasons %v lack %s", reasonCodes(o.GetReasons()), rules.CodeCrPL222PrivateProsecution)
		}
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), privateReview) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), privateReview)
		}
		o := outcome(d, overridden, fastTrack, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十二条"
		checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
	})
	t.Run("缺席审判 in the text: neither simpler procedure, reviewed", func(t *testing.T) {
		f := criminalWithText("(2024)辽0102刑初3002号", "被告人王某现在境外，人民检察院按照缺席审判程序向本院提起公诉。")
		f.Cause = "贪污罪"
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		if d.GetRecommended() != ordinary {
			t.Errorf("recommended %s, want ordinary", d.GetRecommended())
		}
		if o := decisionOption(t, d, simplified); !slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == absentiaBar }) {
			t.Errorf("simplified reasons %v lack %s", reasonCodes(o.GetReasons()), absentiaBar)
		}
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), absentiaReview) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), absentiaReview)
		}
	})
	t.Run("near miss: 同案犯在逃，另案处理", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初3003号", "被告人王某伙同李某（在逃，另案处理）醉酒驾驶机动车，认罪认罚。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
	})
}
