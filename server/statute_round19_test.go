package server

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestStatuteRound19 sends round-19 filings through a real server on
// loopback (rules/audit_round19_test.go has the full tables): the case
// number (案号, 法〔2015〕137号 arts. 2–5 as amended by 法〔2018〕335号) against
// the other fields. A number of another case kind, court level or province,
// or of a 收案年度 its 立案 date cannot have, is INVALID_ARGUMENT naming the
// field; a type that is not a first-instance trial (民终, 民特, 民督, 执 …) is
// INVALID_ARGUMENT naming filing.id; a 民再 number is a retrial (民诉法解释第二
// 百五十七条第四项); a next-year number is reviewed on a 立案 date before 21
// December. Until rules 2026-12-04.13 every one of these was routed by the
// stated fields: a 刑初 number as a civil small-claims case, a 民特 number to
// small claims, 辽0103 by 江苏's limit.
func TestStatuteRound19(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	ctx := testContext(t)
	open, closed := triagev1.Availability_AVAILABILITY_AVAILABLE, triagev1.Availability_AVAILABILITY_UNAVAILABLE
	civil, crim, adm := statuteBuilders()
	num := func(id string) func(*triagev1.Filing) { return func(f *triagev1.Filing) { f.Id = id } }
	type want = map[triagev1.Procedure]triagev1.Availability
	cases := []struct {
		name   string
		filing *triagev1.Filing
		field  string // INVALID_ARGUMENT naming it; "" for a decision
		want   want
		review bool
		code   string // a reason the decision must carry
	}{
		{name: "civil kind, 刑初 number", filing: civil("", num("(2024)辽0102刑初7号")), field: "filing.case_kind"},
		{name: "criminal kind, 民初 number", filing: crim("(2024)辽0102民初7号", func(*triagev1.Filing) {}), field: "filing.case_kind"},
		{name: "administrative kind, pre-2016 刑初字", filing: adm("(2015)和刑初字第00007号", func(f *triagev1.Filing) { f.FiledOn = "2015-06-01" }), field: "filing.case_kind"},
		{name: "民特 special procedure", filing: civil("", num("(2024)辽0102民特7号")), field: "filing.id"},
		{name: "民督 payment order", filing: civil("", num("(2024)辽0102民督7号")), field: "filing.id"},
		{name: "执 enforcement", filing: civil("", num("(2024)辽0102执7号")), field: "filing.id"},
		{name: "刑终 second instance", filing: crim("(2024)辽01刑终7号", func(f *triagev1.Filing) {
			f.CourtLevel, f.Court = triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE, "沈阳市中级人民法院"
		}), field: "filing.id"},
		{name: "辽01 stated basic", filing: civil("", num("(2024)辽01民初7号")), field: "filing.court_level"},
		{name: "辽0103 with province 江苏", filing: civil("", func(f *triagev1.Filing) { f.Id, f.Province = "(2024)辽0103民初7号", "江苏省" }), field: "filing.province"},
		{name: "2024 number filed 2019", filing: civil("", func(f *triagev1.Filing) { f.Id, f.FiledOn = "(2024)辽0102民初7号", "2019-06-03" }), field: "filing.filed_on"},
		{name: "near miss: 辽01 at an intermediate court", filing: civil("", func(f *triagev1.Filing) {
			f.Id, f.CourtLevel, f.Court = "(2024)辽01民初7号", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE, "沈阳市中级人民法院"
		}), want: want{smallClaims: closed, simplified: closed, ordinary: open}},
		{name: "near miss: 辽0103 with 210000", filing: civil("", func(f *triagev1.Filing) { f.Id, f.Province = "(2024)辽0103民初7号", "210000" }),
			want: want{smallClaims: open}},
		{name: "民再 read as a retrial", filing: civil("", num("(2024)辽0102民再7号")),
			want: want{smallClaims: closed, simplified: closed, ordinary: open}, code: "INFER_RETRIAL_FROM_CASE_NUMBER"},
		{name: "2025 number, 立案 2024-12-10: reviewed", filing: civil("", func(f *triagev1.Filing) { f.Id, f.FiledOn = "(2025)辽0102民初7号", "2024-12-10" }),
			review: true, code: "REVIEW_CASE_NUMBER_YEAR_AHEAD"},
		{name: "near miss: 2025 number, 立案 2024-12-28", filing: civil("", func(f *triagev1.Filing) { f.Id, f.FiledOn = "(2025)辽0102民初7号", "2024-12-28" }),
			want: want{smallClaims: open}},
		{name: "near miss: JS-2024-0604 is not a case number", filing: civil("", num("JS-2024-0604")), want: want{smallClaims: open}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := dryTriage(t, ctx, h.client, c.filing, c.field)
			if d == nil {
				return
			}
			checkOpenProcedures(t, d, c.want)
			if d.GetNeedsReview() != c.review {
				t.Errorf("needs_review = %v, want %v", d.GetNeedsReview(), c.review)
			}
			if c.code != "" && !decisionHasCode(d, c.code) {
				t.Errorf("no %s in the decision", c.code)
			}
		})
	}
}

// decisionHasCode reports whether any reason of d, anywhere, has code.
func decisionHasCode(d *triagev1.Decision, code string) bool {
	for _, o := range d.GetOptions() {
		for _, r := range o.GetReasons() {
			if r.GetCode() == code {
				return true
			}
		}
	}
	for _, rs := range [][]*triagev1.Reason{d.GetReviewReasons(), d.GetInferences()} {
		for _, r := range rs {
			if r.GetCode() == code {
				return true
			}
		}
	}
	return false
}
