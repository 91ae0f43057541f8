package server

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestProvinceInferredThroughTheServer: a civil filing that states no
// province is decided by the province its case number's 法院代字 names
// (rules/province_inference_test.go has the table; the caller's filing is
// not changed). Through rules 2026-12-04.13 the same filing
// was LIMIT_UNKNOWN: small claims undetermined and the case reviewed.
func TestProvinceInferredThroughTheServer(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	ctx := testContext(t)
	f := loanFiling("(2024)辽0102民初4321号")
	f.Province = ""
	resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	d := resp.GetDecision()
	if got := d.GetSmallClaimsLimit().GetProvince(); got != "辽宁省" || !d.GetSmallClaimsLimit().GetKnown() {
		t.Errorf("small_claims_limit = %v, want 辽宁省's, known", d.GetSmallClaimsLimit())
	}
	if !decisionHasCode(d, "INFER_PROVINCE_FROM_CASE_NUMBER") {
		t.Error("no INFER_PROVINCE_FROM_CASE_NUMBER in the decision")
	}
	if decisionHasCode(d, "LIMIT_UNKNOWN") || d.GetNeedsReview() {
		t.Errorf("needs_review = %v, LIMIT_UNKNOWN = %v; want neither", d.GetNeedsReview(), decisionHasCode(d, "LIMIT_UNKNOWN"))
	}
	// An id that is not a case number at the court whose official name
	// carries its municipality without 市: 北京's limit, not LIMIT_UNKNOWN
	// (outside check 12; rules/province_inference_test.go has the rows).
	b := loanFiling("BJI-2024-4321")
	b.Province, b.Court = "", "北京互联网法院"
	bd := dryTriage(t, ctx, h.client, b, "")
	if got := bd.GetSmallClaimsLimit().GetProvince(); got != "北京市" || !decisionHasCode(bd, "INFER_PROVINCE_FROM_COURT_NAME") {
		t.Errorf("北京互联网法院: limit's province %q, INFER_PROVINCE_FROM_COURT_NAME %v; want 北京市 and the inference",
			got, decisionHasCode(bd, "INFER_PROVINCE_FROM_COURT_NAME"))
	}
	// Near miss: an id that is not a case number, a court named by its
	// district alone (天津 and 沈阳 both have a 和平区): the limit stays
	// unknown and the case is reviewed.
	g := loanFiling("SY-2024-4321")
	g.Province, g.Court = "", "和平区人民法院"
	nd := dryTriage(t, ctx, h.client, g, "")
	if !decisionHasCode(nd, "LIMIT_UNKNOWN") || !nd.GetNeedsReview() {
		t.Errorf("near miss: LIMIT_UNKNOWN = %v, needs_review = %v; want both", decisionHasCode(nd, "LIMIT_UNKNOWN"), nd.GetNeedsReview())
	}
}
