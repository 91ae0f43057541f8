package triage_test

import (
	"context"
	"errors"
	"math"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// fixedScorer returns the same probabilities for every filing, so the
// policy's arithmetic can be checked exactly.
type fixedScorer triage.Probabilities

func (fixedScorer) Version() string { return "fixed" }
func (s fixedScorer) Score(_ *triagev1.Filing, _ *rules.Assessment, p *triage.Probabilities) {
	*p = triage.Probabilities(s)
}

func loanFiling(amountFen int64) *triagev1.Filing {
	return &triagev1.Filing{
		Id: "(2024)苏0102民初1号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL,
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "江苏省", FiledOn: "2024-03-05",
		Cause: "民间借贷纠纷", ClaimAmountFen: amountFen,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
		},
	}
}

// agreedLoan is loanFiling with both parties agreeing to small claims.
func agreedLoan(amountFen int64) *triagev1.Filing {
	f := loanFiling(amountFen)
	f.Circumstances = &triagev1.Circumstances{PartiesAgreeSmallClaims: true}
	return f
}

func mustRules(t testing.TB) *rules.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func probs(small, simp, ord, fast float64) fixedScorer {
	var p triage.Probabilities
	p[triagev1.Procedure_PROCEDURE_SMALL_CLAIMS] = small
	p[triagev1.Procedure_PROCEDURE_SIMPLIFIED] = simp
	p[triagev1.Procedure_PROCEDURE_ORDINARY] = ord
	p[triagev1.Procedure_PROCEDURE_FAST_TRACK] = fast
	return fixedScorer(p)
}

func TestDecidePolicy(t *testing.T) {
	r := mustRules(t)
	tests := []struct {
		name       string
		filing     *triagev1.Filing
		scorer     triage.Scorer
		want       triagev1.Procedure
		wantReview bool
		wantProb   map[triagev1.Procedure]float64
	}{
		{"most probable available wins", loanFiling(3_000_000), probs(0.7, 0.2, 0.1, 0), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false,
			map[triagev1.Procedure]float64{1: 0.7, 2: 0.2, 3: 0.1}},
		{"unavailable small claims is skipped and renormalised", loanFiling(100_000_000), probs(0.5, 0.4, 0.1, 0), triagev1.Procedure_PROCEDURE_SIMPLIFIED, false,
			map[triagev1.Procedure]float64{1: 0, 2: 0.8, 3: 0.2}},
		// ¥150,000 is over 江苏's limit: small claims barred, simplified
		// 0.46 / 0.90 against ordinary 0.44 / 0.90 is within the margin.
		{"ordinary wins a near tie", loanFiling(15_000_000), probs(0.1, 0.46, 0.44, 0), triagev1.Procedure_PROCEDURE_ORDINARY, false, nil},
		// ¥30,000 in 江苏 is in the CPL 165 ¶1 band: small claims is mandatory
		// and the lean towards ordinary does not apply against it.
		{"mandatory small claims is not leaned away from", loanFiling(3_000_000), probs(0.46, 0.12, 0.42, 0), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false, nil},
		// ¥100,000 with an agreement is in the ¶2 band: not mandatory, so a
		// near tie goes to ordinary.
		{"agreed small claims near a tie goes to ordinary", agreedLoan(10_000_000), probs(0.46, 0.12, 0.42, 0), triagev1.Procedure_PROCEDURE_ORDINARY, false, nil},
		{"mandatory small claims still yields to a more probable ordinary", loanFiling(3_000_000), probs(0.30, 0.10, 0.60, 0), triagev1.Procedure_PROCEDURE_ORDINARY, false, nil},
		// In the band a simple case goes to small claims (CPL 165 ¶1), one
		// that is not to ordinary: simplified is no lawful start, and the
		// scorer's share for it (the case is simple) counts for small
		// claims, also in the confidence (0.3 + 0.5, no review).
		{"in the mandatory band a more probable simplified gives small claims", loanFiling(3_000_000), probs(0.30, 0.50, 0.20, 0), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false,
			map[triagev1.Procedure]float64{1: 0.3, 2: 0.5, 3: 0.2}},
		{"in the mandatory band simplified and small claims together beat ordinary", loanFiling(3_000_000), probs(0.0, 0.53, 0.47, 0), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false, nil},
		{"just outside the margin the simpler procedure wins", loanFiling(15_000_000), probs(0.0, 0.53, 0.47, 0), triagev1.Procedure_PROCEDURE_SIMPLIFIED, false, nil},
		// ¥100,000 agreed: small claims open but not mandatory, its 0.36 is
		// below the confidence threshold.
		{"low confidence needs review", agreedLoan(10_000_000), probs(0.36, 0.34, 0.30, 0), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, true, nil},
		// In the band the same scores are 0.70 for a simple case, which the
		// law sends to small claims: sure enough, no review.
		{"in the band small claims and simplified together are the confidence", loanFiling(3_000_000), probs(0.36, 0.34, 0.30, 0), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false, nil},
		// ¥150,000 is over 江苏's limit with no agreement: small claims is
		// barred, simplified and ordinary tie, ordinary wins the tie.
		{"scorer without opinion spreads evenly and leans ordinary", loanFiling(15_000_000), probs(0, 0, 0, 0), triagev1.Procedure_PROCEDURE_ORDINARY, false,
			map[triagev1.Procedure]float64{1: 0, 2: 0.5, 3: 0.5}},
		// In the mandatory band the legal default stands on a tie; the even
		// spread gives a simple case (small claims or simplified) two
		// thirds, above the confidence threshold.
		{"scorer without opinion in the mandatory band keeps small claims", loanFiling(3_000_000), probs(0, 0, 0, 0), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false, nil},
		{"NaN and negative are ignored", loanFiling(3_000_000), probs(math.NaN(), -1, 1, 0), triagev1.Procedure_PROCEDURE_ORDINARY, false,
			map[triagev1.Procedure]float64{1: 0, 2: 0, 3: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := triage.New(r, tt.scorer)
			d, err := e.Decide(context.Background(), tt.filing)
			if err != nil {
				t.Fatal(err)
			}
			if d.GetRecommended() != tt.want {
				t.Errorf("recommended %v, want %v", d.GetRecommended(), tt.want)
			}
			if d.GetNeedsReview() != tt.wantReview {
				t.Errorf("needs_review %v (%v), want %v", d.GetNeedsReview(), d.GetReviewReasons(), tt.wantReview)
			}
			var sum float64
			for _, o := range d.GetOptions() {
				sum += o.GetProbability()
				if w, ok := tt.wantProb[o.GetProcedure()]; ok && math.Abs(o.GetProbability()-w) > 1e-9 {
					t.Errorf("%v probability %v, want %v", o.GetProcedure(), o.GetProbability(), w)
				}
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Errorf("probabilities sum to %v", sum)
			}
			if d.GetTimeLimit().GetProcedure() != d.GetRecommended() {
				t.Errorf("time limit is for %v, recommended %v", d.GetTimeLimit().GetProcedure(), d.GetRecommended())
			}
			if d.GetModelVersion() != "fixed" || d.GetRulesVersion() != r.Version() || d.GetFilingId() != tt.filing.GetId() {
				t.Errorf("versions/id not recorded: %q %q %q", d.GetModelVersion(), d.GetRulesVersion(), d.GetFilingId())
			}
		})
	}
}

func TestDecideBaseline(t *testing.T) {
	e := triage.New(mustRules(t), classifier.NewBaseline())
	tests := []struct {
		name   string
		filing *triagev1.Filing
		want   triagev1.Procedure
	}{
		{"small loan → small claims", loanFiling(3_000_000), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS},
		{"mid loan → simplified", loanFiling(15_000_000), triagev1.Procedure_PROCEDURE_SIMPLIFIED},
		{"large loan → ordinary", loanFiling(900_000_000), triagev1.Procedure_PROCEDURE_ORDINARY},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := e.Decide(context.Background(), tt.filing)
			if err != nil {
				t.Fatal(err)
			}
			if d.GetRecommended() != tt.want || d.GetModelVersion() != classifier.BaselineVersion {
				t.Errorf("got %v by %s, want %v", d.GetRecommended(), d.GetModelVersion(), tt.want)
			}
		})
	}
}

func TestDecideErrors(t *testing.T) {
	e := triage.New(mustRules(t), classifier.NewBaseline())
	bad := loanFiling(-1)
	_, err := e.Decide(context.Background(), bad)
	var fe *rules.FieldError
	if !errors.As(err, &fe) || fe.Field != "filing.claim_amount_fen" {
		t.Fatalf("negative amount: got %v, want FieldError on filing.claim_amount_fen", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Decide(ctx, loanFiling(1)); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: got %v", err)
	}
}

func TestSwapScorer(t *testing.T) {
	e := triage.New(mustRules(t), classifier.NewBaseline())
	e.SetScorer(probs(0, 0, 1, 0))
	d, err := e.Decide(context.Background(), loanFiling(3_000_000))
	if err != nil {
		t.Fatal(err)
	}
	if d.GetModelVersion() != "fixed" || d.GetRecommended() != triagev1.Procedure_PROCEDURE_ORDINARY {
		t.Fatalf("after swap: %s %v", d.GetModelVersion(), d.GetRecommended())
	}
}

func BenchmarkDecideBaseline(b *testing.B) {
	e := triage.New(mustRules(b), classifier.NewBaseline())
	f := loanFiling(3_000_000)
	text := []rune("诉讼请求：1.判令被告偿还借款本金30000元及利息；2.本案诉讼费用由被告承担。事实和理由：")
	for len([]rune(f.Text)) < 1000 {
		f.Text += string(text)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Decide(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}

// pleaFiling is a drink-driving prosecution at a basic court: the defendant
// admits, accepts the 4-month recommendation and consents to fast-track.
func pleaFiling(c *triagev1.Circumstances) *triagev1.Filing {
	c.AdmitsChargedFacts, c.AcceptsSentencingRecommendation, c.ConsentsFastTrack = true, true, true
	c.RecommendedSentenceMonths = 4
	return &triagev1.Filing{
		Id: "(2024)浙0102刑初1号", CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL,
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "浙江省", FiledOn: "2024-03-05",
		Cause:         "危险驾驶罪",
		Parties:       []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
		Circumstances: c,
	}
}

// TestDecidePanelCases: where the law requires a panel (刑事诉讼法第二百三十九条、
// 第二百五十六条, 刑诉法解释第二百一十三条第一款第一项) no scorer can get the
// single-judge fast-track recommended, review flag or not; simplified may be
// recommended, and then carries the panel condition. The near miss is the
// same filing at first hearing, where fast-track wins.
func TestDecidePanelCases(t *testing.T) {
	const (
		ft   = triagev1.Procedure_PROCEDURE_FAST_TRACK
		simp = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	)
	sureOfFastTrack := probs(0, 0.04, 0.01, 0.95)
	for _, tc := range []struct {
		name      string
		c         *triagev1.Circumstances
		want      triagev1.Procedure
		condition string // a reason the recommended option must carry
	}{
		{"first hearing", &triagev1.Circumstances{}, ft, rules.CodeCrPL222Eligible},
		{"remanded", &triagev1.Circumstances{Remanded: true}, simp, rules.CodeCrPL239NewPanel},
		{"retrial", &triagev1.Circumstances{Retrial: true}, simp, rules.CodeCrPL256NewPanel},
		{"public interest", &triagev1.Circumstances{PublicInterest: true}, simp, rules.CodeInterp213AssessorPanel},
		{"group interest", &triagev1.Circumstances{GroupInterest: true}, simp, rules.CodeInterp213AssessorPanel},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := triage.New(mustRules(t), sureOfFastTrack).Decide(context.Background(), pleaFiling(tc.c))
			if err != nil {
				t.Fatal(err)
			}
			if d.GetRecommended() != tc.want {
				t.Fatalf("recommended %v, want %v", d.GetRecommended(), tc.want)
			}
			var rec *triagev1.ProcedureOption
			for _, o := range d.GetOptions() {
				if o.GetProcedure() == ft && tc.want != ft && (o.GetAvailable() || o.GetProbability() != 0) {
					t.Errorf("fast-track open (%v) or scored (%v) in a panel case", o.GetAvailable(), o.GetProbability())
				}
				if o.GetProcedure() == d.GetRecommended() {
					rec = o
				}
			}
			found := false
			for _, r := range rec.GetReasons() {
				found = found || r.GetCode() == tc.condition
			}
			if !found {
				t.Errorf("recommended %v without %s: %v", d.GetRecommended(), tc.condition, rec.GetReasons())
			}
		})
	}
}
