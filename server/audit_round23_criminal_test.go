package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestAuditRound23Criminal sends round-23 filings through a real server on
// loopback and a SQLite store (rules/audit_round23_criminal_test.go has the
// full tables): an indictment whose text recommends 有期徒刑三年至四年 beside
// a field of 36 months may exceed 三年有期徒刑 (刑事诉讼法第二百二十二条), so
// fast-track is closed, simplified procedure needs its panel (第二百一十六条)
// and the conflict is reviewed; a text saying the defendant 系聋哑人 closes
// both procedures (第二百一十五条第一项、第二百二十三条第一项) with a review.
// Until rules 2026-12-04.27 both were offered fast-track. The near miss:
// 有期徒刑三年，缓刑四年 (the probation is no term) keeps fast-track open.
func TestAuditRound23Criminal(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)

	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		conflict = "REVIEW_SENTENCE_TEXT_CONFLICT"
		impaired = "REVIEW_IMPAIRED_DEFENDANT_IN_TEXT"
	)
	filing := func(id, text string, months int32) *triagev1.Filing {
		f := criminalFiling(id, true)
		f.Cause, f.Text, f.Circumstances.RecommendedSentenceMonths = "盗窃罪", text, months
		return f
	}
	hasReason := func(o *triagev1.ProcedureOption, code string) bool {
		return slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == code })
	}

	t.Run("三年至四年 beside 36 months", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, filing("r23-1", "公诉机关建议对其判处有期徒刑三年至四年，并处罚金。", 36))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
		if o := decisionOption(t, d, simplified); !hasReason(o, "CRPL216_PANEL_REQUIRED") {
			t.Errorf("simplified reasons %v lack CRPL216_PANEL_REQUIRED", o.GetReasons())
		}
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), conflict) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), conflict)
		}
	})
	t.Run("被告人系聋哑人 in the text", func(t *testing.T) {
		d := dryTriage(t, ctx, h.client, filing("r23-2", "被告人王某系聋哑人。2023年5月1日，被告人王某盗窃财物。", 24), "")
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		if !slices.Contains(reviewCodesOf(d), impaired) {
			t.Errorf("review %v lacks %s", reviewCodesOf(d), impaired)
		}
	})
	t.Run("near miss: 三年，缓刑四年", func(t *testing.T) {
		d := dryTriage(t, ctx, h.client, filing("r23-3", "建议判处有期徒刑三年，缓刑四年。", 36), "")
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), conflict) {
			t.Errorf("review %v has %s", reviewCodesOf(d), conflict)
		}
	})
}
