package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestAuditRound35 sends round-35 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round35_*_test.go have the full tables):
//
//   - a co-defendant who 辩称其未参与盗窃 beside one who pleads (刑事诉讼法第
//     二百一十五条第三项、第二百二十三条第四项): both simpler procedures closed,
//     the words reviewed;
//   - a defendant who 未在认罪认罚具结书上签字 (第一百七十四条第一款, 第二百二十
//     二条): fast-track closed, simplified open;
//   - an administrative complaint against a bureau 和杭州市人民政府 at a basic
//     court (行政诉讼法第十五条第一项): simplified closed;
//   - near miss: 辩称其系初犯 pleads in mitigation and closes nothing.
func TestAuditRound35(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		pleaReview = "REVIEW_PLEA_DISPUTE_IN_TEXT"
		all15Bar   = "ALL15_INTERMEDIATE_JURISDICTION"
	)

	t.Run("a co-defendant 辩称其未参与盗窃: neither simpler procedure, reviewed", func(t *testing.T) {
		f := criminalWithText("(2024)辽0102刑初3501号", "被告人王某认罪认罚。被告人李某辩称其未参与盗窃。")
		f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), pleaReview) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), pleaReview)
		}
	})
	t.Run("未在认罪认罚具结书上签字: fast-track closed, simplified open", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初3502号", "被告人王某认罪，但未在认罪认罚具结书上签字。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
	})
	t.Run("被告A和杭州市人民政府共同作出 at a basic court: simplified closed", func(t *testing.T) {
		f := adminFiling("(2024)辽0102行初3503号")
		f.Text = "被告沈阳市和平区城市管理局和沈阳市人民政府共同作出强制拆除决定。"
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if o := decisionOption(t, d, simplified); !slices.Contains(reasonCodes(o.GetReasons()), all15Bar) {
			t.Errorf("simplified reasons %v lack %s", reasonCodes(o.GetReasons()), all15Bar)
		}
	})
	t.Run("near miss: 辩称其系初犯", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初3504号", "被告人王某辩称其系初犯，认罪认罚。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), pleaReview) {
			t.Errorf("review %v holds %s", reviewCodesOf(d), pleaReview)
		}
	})
}
