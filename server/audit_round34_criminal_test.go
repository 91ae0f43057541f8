package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"google.golang.org/grpc/codes"
)

// TestAuditRound34 sends round-34 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round34_*_test.go have the full tables):
//
//   - an allegation naming 帮助恐怖活动罪 beside the cause field's 危险驾驶罪:
//     刑事诉讼法第二十一条第一项 and 刑诉法解释第十五条 give the whole case to
//     the intermediate court, so neither simpler procedure is open, the words
//     are reviewed and recording fast-track is refused;
//   - a defendant unit that does not plead beside a 被告人 who does (第二百
//     一十五条第三项): both simpler procedures closed;
//   - an administrative complaint against 国家知识产权局专利复审委员会 at a
//     basic court (行政诉讼法第十五条第一项): simplified closed;
//   - near miss: 编造虚假恐怖信息罪 is no 恐怖活动案件 and closes nothing.
func TestAuditRound34(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		terrorBar    = "CRPL21_NATIONAL_SECURITY_TERRORISM"
		terrorReview = "REVIEW_SECURITY_TERROR_CHARGE_IN_TEXT"
		all15Bar     = "ALL15_INTERMEDIATE_JURISDICTION"
		excluded     = "PROCEDURE_EXCLUDED"
	)

	t.Run("帮助恐怖活动罪 in the allegation: neither simpler procedure, reviewed, recording fast-track refused", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初3401号", "公诉机关指控被告人王某犯危险驾驶罪、帮助恐怖活动罪。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		for _, p := range []triagev1.Procedure{fastTrack, simplified} {
			if o := decisionOption(t, d, p); !slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == terrorBar }) {
				t.Errorf("%s reasons %v lack %s", p, reasonCodes(o.GetReasons()), terrorBar)
			}
		}
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), terrorReview) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), terrorReview)
		}
		o := outcome(d, overridden, fastTrack, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十二条"
		checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", excluded)
	})
	t.Run("被告单位不认罪 beside a 被告人 who pleads: neither simpler procedure", func(t *testing.T) {
		f := criminalWithText("(2024)辽0102刑初3402号", "被告单位沈阳某某物流有限公司不认罪，被告人王某认罪认罚。")
		f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION})
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		if !d.GetNeedsReview() {
			t.Errorf("needs_review false, want the dispute reviewed: %v", reviewCodesOf(d))
		}
	})
	t.Run("被告国家知识产权局专利复审委员会 at a basic court: simplified closed", func(t *testing.T) {
		f := adminFiling("(2024)辽0102行初3403号")
		f.Text = "被告国家知识产权局专利复审委员会作出无效宣告请求审查决定。"
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if o := decisionOption(t, d, simplified); !slices.Contains(reasonCodes(o.GetReasons()), all15Bar) {
			t.Errorf("simplified reasons %v lack %s", reasonCodes(o.GetReasons()), all15Bar)
		}
	})
	t.Run("near miss: 编造虚假恐怖信息罪", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初3404号", "公诉机关指控被告人王某犯编造虚假恐怖信息罪，认罪认罚。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), terrorReview) {
			t.Errorf("review %v holds %s", reviewCodesOf(d), terrorReview)
		}
	})
}
