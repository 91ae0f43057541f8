package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound22Criminal sends round-22 filings through a real server on
// loopback and a SQLite store (rules/audit_round22_criminal_test.go has the
// full tables): a 危害国家安全 charge written second, with the 罪 the list
// shares (间谍、合同诈骗罪), closes simplified procedure and fast-track at a
// basic court and is reviewed (刑事诉讼法第二十一条第一项; 刑诉法解释第十五条);
// until rules 2026-12-04.24 both stayed open without review. A second
// charge that names nothing known is reviewed (REVIEW_CHARGE_UNRESOLVED),
// and a cause that once resolved a 危险驾驶罪 remark of 数罪并罚 to the
// charge's maximum now needs the recommendation. 盗窃罪、诈骗罪 is the near
// miss: both procedures open, no review for its charges.
func TestAuditRound22Criminal(t *testing.T) {
	h, _, ctx := startDefaultServer(t)

	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
	)
	filing := func(id, cause string, months int32) *triagev1.Filing {
		f := criminalFiling(id, true)
		f.Cause, f.Circumstances.RecommendedSentenceMonths = cause, months
		return f
	}
	hasReason := func(o *triagev1.ProcedureOption, code string) bool {
		return slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == code })
	}

	t.Run("security charge second, shared 罪", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, filing("r22-1", "间谍、合同诈骗罪", 24))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		for _, p := range []triagev1.Procedure{fastTrack, simplified} {
			if o := decisionOption(t, d, p); !hasReason(o, rules.CodeCrPL21SecurityTerror) {
				t.Errorf("%v reasons %v lack %s", p, o.GetReasons(), rules.CodeCrPL21SecurityTerror)
			}
		}
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), rules.CodeReviewSecurityTerror) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), rules.CodeReviewSecurityTerror)
		}
		if d.GetRecommended() != ordinary {
			t.Errorf("recommended %v, want ordinary", d.GetRecommended())
		}
	})
	t.Run("unknown second charge", func(t *testing.T) {
		d := dryTriage(t, ctx, h.client, filing("r22-2", "盗窃罪、某某罪", 24), "")
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), rules.CodeReviewChargeUnresolved) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), rules.CodeReviewChargeUnresolved)
		}
	})
	t.Run("数罪并罚 remark: no ceiling", func(t *testing.T) {
		d := dryTriage(t, ctx, h.client, filing("r22-3", "危险驾驶罪（数罪并罚）", 0), "")
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed})
		if o := decisionOption(t, d, fastTrack); !hasReason(o, rules.CodeCrPL222SentenceUnknown) {
			t.Errorf("fast-track reasons %v lack %s", o.GetReasons(), rules.CodeCrPL222SentenceUnknown)
		}
	})
	t.Run("near miss: 盗窃罪、诈骗罪", func(t *testing.T) {
		d := dryTriage(t, ctx, h.client, filing("r22-4", "盗窃罪、诈骗罪", 24), "")
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		for _, c := range []string{rules.CodeReviewChargeUnresolved, rules.CodeReviewSecurityTerror, rules.CodeCauseUnknown} {
			if slices.Contains(reviewCodesOf(d), c) {
				t.Errorf("review %v has %s", reviewCodesOf(d), c)
			}
		}
	})
}
