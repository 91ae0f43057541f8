package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"google.golang.org/grpc/codes"
)

// TestAuditRound29 sends round-29 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round29_test.go has the full tables):
//   - a 2015 filing at a pilot court (北京) whose defendant consents to
//     fast-track and objects to simplified procedure: the pilot's fast-track
//     simplified CrPL 2012's procedure further (全国人大常委会授权决定
//     2014-06-27), so the objection (刑事诉讼法（2012年修正）第二百零八条第一款
//     第三项) closes it, and recording fast-track is refused;
//   - a 2024 indictment stating 被告人…要求适用普通程序审理: the defendant
//     refuses fast-track (第二百二十二条第一款) and objects to simplified
//     procedure (第二百一十四条第一款第三项), reviewed;
//   - near miss: 本院依法适用普通程序 (the court's words) closes nothing.
func TestAuditRound29(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		// A 2015 filing is in the 2014 pilot's phase: since statute round 39
		// its objection bar cites that pilot alone.
		pilotObjects = "PILOT2014_OBJECTS_SIMPLIFIED"
	)

	t.Run("2015 pilot, objects to simplified procedure: no fast-track, recording refused", func(t *testing.T) {
		f := criminalFiling("(2015)海刑初29001号", true)
		f.Court, f.Province, f.FiledOn, f.Cause = "北京市海淀区人民法院", "北京市", "2015-03-02", "危险驾驶罪"
		f.Circumstances.ObjectsSimplified = true
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		if o := decisionOption(t, d, fastTrack); !slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == pilotObjects }) {
			t.Errorf("fast-track reasons %v lack %s", reasonCodes(o.GetReasons()), pilotObjects)
		}
		o := outcome(d, overridden, fastTrack, "2015-03-03")
		o.LegalBasis = "关于在部分地区开展刑事案件速裁程序试点工作的办法"
		checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
	})
	t.Run("2024 text 要求适用普通程序审理: both simpler procedures closed, reviewed", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2901号", "被告人王某醉酒驾驶机动车，认罪认罚，但要求适用普通程序审理。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		if d.GetRecommended() != ordinary {
			t.Errorf("recommended %s, want ordinary", d.GetRecommended())
		}
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), rules.CodeReviewDisputeInText) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), rules.CodeReviewDisputeInText)
		}
	})
	t.Run("near miss: 本院依法适用普通程序", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2902号", "被告人王某醉酒驾驶机动车，认罪认罚。本院依法适用普通程序。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
	})
}
