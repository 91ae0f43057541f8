package server

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

// jiangsuFiling is a ¥300,000 loan in 江苏 with the parties' agreement to
// small claims: over twice the 2024 figure (¥243,448), so CPL 165 ¶2 bars
// small claims even by agreement.
func jiangsuFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	f.Court = "南京市玄武区人民法院"
	f.Province = "江苏省"
	f.ClaimAmountFen = 30_000_000
	f.Text = "诉讼请求：1.判令被告偿还借款300000元；2.诉讼费由被告承担。"
	f.Circumstances = &triagev1.Circumstances{PartiesAgreeSmallClaims: true}
	return f
}

// preconditionSubject returns the subject (the article) of the status's
// PreconditionFailure violation.
func preconditionSubject(t testing.TB, err error) (subject, description string) {
	t.Helper()
	for _, d := range status.Convert(err).Details() {
		if pf, ok := d.(*errdetails.PreconditionFailure); ok && len(pf.GetViolations()) > 0 {
			return pf.GetViolations()[0].GetSubject(), pf.GetViolations()[0].GetDescription()
		}
	}
	t.Fatalf("no PreconditionFailure in %v", err)
	return "", ""
}

// TestRecordOutcomeBarredProcedure: RecordOutcome refuses to move a case into
// a procedure the decision's assessment barred on the facts of the filing,
// with FAILED_PRECONDITION naming the barring code and its article; the same
// move stated with corrected facts and their basis is recorded, with the
// corrected fields named by the server, and round-trips through the store
// (SQLite, and PostgreSQL when FENJIAN_TEST_POSTGRES is set) next to
// outcomes recorded without the field.
func TestRecordOutcomeBarredProcedure(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
		ctx := testContext(t)

		for _, tc := range []struct {
			name    string
			filing  *triagev1.Filing
			code    string
			article string
		}{
			{"¥300,000 over the 江苏 ceiling", jiangsuFiling("bar-1"), rules.CodeCPL165OverAgreement, "民事诉讼法第一百六十五条第二款"},
			{"not a money payment", func() *triagev1.Filing {
				f := loanFiling("bar-2")
				f.Circumstances = &triagev1.Circumstances{NonMonetaryClaims: true}
				return f
			}(), rules.CodeCPL165NotMoneyPayment, "民事诉讼法第一百六十五条"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				d := triageOK(t, ctx, h.client, tc.filing)
				_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, overridden, smallClaims, "2024-03-06")})
				checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
				subject, desc := preconditionSubject(t, err)
				if subject != tc.article || !strings.Contains(desc, tc.code) {
					t.Errorf("violation names %q / %q, want the article %q and the code %s", subject, desc, tc.article, tc.code)
				}
			})
		}

		d := triageOK(t, ctx, h.client, jiangsuFiling("bar-3"))
		corrected := jiangsuFiling("bar-3")
		corrected.ClaimAmountFen = 5_000_000
		const basis = "原告2024年3月6日变更诉讼请求申请书；民诉法解释第二百三十二条"
		withCorrection := func(basis string, changed ...string) *triagev1.RecordOutcomeRequest {
			o := outcome(d, overridden, smallClaims, "2024-03-06")
			o.Correction = &triagev1.FactCorrection{Filing: corrected, Basis: basis, ChangedFields: changed}
			return &triagev1.RecordOutcomeRequest{Outcome: o}
		}
		_, err := h.client.RecordOutcome(ctx, withCorrection(""))
		checkStatus(t, err, codes.InvalidArgument, "outcome.correction.basis", "")
		unchanged := withCorrection(basis)
		unchanged.Outcome.Correction.Filing = jiangsuFiling("bar-3")
		_, err = h.client.RecordOutcome(ctx, unchanged)
		checkStatus(t, err, codes.InvalidArgument, "outcome.correction.filing", "")

		resp, err := h.client.RecordOutcome(ctx, withCorrection(basis, "text", "claimed by the client"))
		if err != nil {
			t.Fatalf("corrected outcome refused: %v", err)
		}
		got := resp.GetOutcome()
		if c := got.GetCorrection(); !slices.Equal(c.GetChangedFields(), []string{"claim_amount_fen"}) || c.GetBasis() != basis {
			t.Errorf("correction %v: want changed_fields set by the server to [claim_amount_fen]", c)
		}
		// A later conversion is checked on the corrected facts.
		if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
			Outcome: outcome(d, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-04-01"),
		}); err != nil {
			t.Fatalf("conversion after the correction: %v", err)
		}
		stored, err := st.ListOutcomes(ctx, d.GetDecisionId())
		if err != nil {
			t.Fatal(err)
		}
		if len(stored) != 2 || cmp.Diff(got, stored[0], protocmp.Transform()) != "" || stored[1].GetCorrection() != nil {
			t.Errorf("stored %v, want the corrected outcome as returned, then one without a correction", stored)
		}

		// A record written before corrections existed (no field 14) loads
		// and is checked as before.
		old := triageOK(t, ctx, h.client, loanFiling("bar-4"))
		legacy := outcome(old, confirmed, smallClaims, "2024-03-06")
		if err := st.SaveOutcome(ctx, legacy); err != nil {
			t.Fatal(err)
		}
		if b, _ := proto.Marshal(legacy); strings.Contains(string(b), basis) {
			t.Fatal("fixture: legacy outcome carries a correction")
		}
		if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
			Outcome: outcome(old, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-04-01"),
		}); err != nil {
			t.Fatalf("outcome after a legacy record: %v", err)
		}
		reopened := reopen(t, st, b.target)
		again, err := reopened.ListOutcomes(context.Background(), d.GetDecisionId())
		if err != nil || len(again) != 2 || cmp.Diff(got, again[0], protocmp.Transform()) != "" {
			t.Errorf("after reopening the store: %v, %v", again, err)
		}
	})
}

// reopen closes st and opens its target again, so that what is read comes
// from the database, not from anything the store object kept.
func reopen(t *testing.T, st store.Store, target string) store.Store {
	t.Helper()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return openTarget(t, target)
}

// rulesDecider is a Decider that names its rules.
type rulesDecider struct {
	Decider
	r *rules.Engine
}

func (d rulesDecider) Rules() *rules.Engine { return d.r }

// TestRulesFor: an outcome is checked with the rules its decision recorded
// when the server has them, else with the current rules; due dates always
// count with the current calendar.
func TestRulesFor(t *testing.T) {
	embedded, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	b := strings.Replace(string(rules.DefaultFile()), `"version": "`, `"version": "court-`, 1)
	courtRules, err := rules.Load([]byte(b))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := rules.LoadHolidays([]byte(`{"version":"cal-x","notices":[{"year":2024,"title":"t","number":"n","issued_on":"2023-10-25","rest":["2024-10-01..2024-10-07"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if courtRules.Version() == embedded.Version() {
		t.Fatal("fixture: the court's rules share the embedded version")
	}
	courtRules = courtRules.WithHolidays(cal)
	svc := &Service{decider: rulesDecider{r: courtRules}}
	for _, tc := range []struct {
		name, version, want string
	}{
		{"decided with the current rules", courtRules.Version(), courtRules.Version()},
		{"decided with the embedded rules", embedded.Version(), embedded.Version()},
		{"decided with rules the server no longer has", "2019-01-01+deadbeef", courtRules.Version()},
	} {
		e, err := svc.rulesFor(&triagev1.Decision{RulesVersion: tc.version})
		if err != nil {
			t.Fatal(err)
		}
		if e.Version() != tc.want || e.Holidays().Version() != "cal-x" {
			t.Errorf("%s: rules %s with calendar %s, want %s with cal-x", tc.name, e.Version(), e.Holidays().Version(), tc.want)
		}
	}
	plain := &Service{decider: nil}
	if e, err := plain.rulesFor(&triagev1.Decision{}); err != nil || e.Version() != embedded.Version() {
		t.Errorf("without a RulesSource: %v, %v; want the embedded rules", e, err)
	}
}

// TestCorrectionBackToTheFiledFacts: a second correction is compared with
// the facts as last corrected, not only with the filing as decided. A
// plaintiff who reduced a ¥300,000 claim to ¥50,000 (the case went to small
// claims) and then raised it back (small claims → ordinary, 民诉法解释第二百
// 八十条) restates the facts first filed; that was refused as "changes
// nothing: it equals the decided filing", which left the record on the
// reduced claim for every later outcome, routing and time limit. A
// correction that repeats the facts as last corrected is still refused (the
// near miss).
func TestCorrectionBackToTheFiledFacts(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	const (
		reduce = "原告2024年3月6日变更诉讼请求申请书；民诉法解释第二百三十二条"
		raise  = "原告2024年4月1日增加诉讼请求申请书；民诉法解释第二百八十条"
	)
	d := triageOK(t, ctx, h.client, jiangsuFiling("back-1"))
	reduced := jiangsuFiling("back-1")
	reduced.ClaimAmountFen = 5_000_000
	o := outcome(d, overridden, smallClaims, "2024-03-06")
	o.Correction = &triagev1.FactCorrection{Filing: reduced, Basis: reduce}
	if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o}); err != nil {
		t.Fatalf("the reduced claim to small claims: %v", err)
	}

	// Near miss: the reduced claim again changes nothing.
	again := outcome(d, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-04-01")
	again.LegalBasis = "民诉法解释第二百八十条"
	again.Correction = &triagev1.FactCorrection{Filing: jiangsuFiling("back-1"), Basis: raise}
	again.Correction.Filing.ClaimAmountFen = 5_000_000
	_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: again})
	checkStatus(t, err, codes.InvalidArgument, "outcome.correction.filing", "")

	back := outcome(d, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-04-01")
	back.LegalBasis = "民诉法解释第二百八十条"
	back.Correction = &triagev1.FactCorrection{Filing: jiangsuFiling("back-1"), Basis: raise}
	resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: back})
	if err != nil {
		t.Fatalf("the claim raised back to the filed ¥300,000: %v", err)
	}
	if got := resp.GetOutcome().GetCorrection().GetChangedFields(); len(got) != 0 {
		t.Errorf("changed_fields %v; the corrected filing is the decided one, which it is compared with", got)
	}
}
