package rules_test

import (
	"testing"
	"unicode/utf8"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// benchFiling is the civil fixture with a text of exactly 1,000 characters,
// the size the in-process latency target is set on (docs/architecture.md).
func benchFiling(tb testing.TB) *triagev1.Filing {
	f := civilBase(tb)
	t := f.GetText()
	for utf8.RuneCountInString(t) < 1000 {
		t += "原告多次催讨，被告以各种理由推脱，至今分文未还。"
	}
	f.Text = string([]rune(t)[:1000])
	if n := utf8.RuneCountInString(f.Text); n != 1000 {
		tb.Fatalf("text has %d characters", n)
	}
	return f
}

func BenchmarkEvaluate(b *testing.B) {
	e := defaultEngine(b)
	f := benchFiling(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Evaluate(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordOutcome is what the server does with an outcome that
// corrects the facts (server.recordOutcome): check it, compute its time
// limit, and review it; here small claims → ordinary on a claim raised to
// ¥300,000 (民诉法解释第二百八十条), the 1,000-character filing of
// BenchmarkEvaluate. "separate" calls the engine's functions one by one,
// each evaluating the corrected filing (three evaluations); "record" reads
// one OutcomeRecord, as the server does (one).
func BenchmarkRecordOutcome(b *testing.B) {
	e := defaultEngine(b)
	f := benchFiling(b)
	d := withInferences(b, f, triagev1.Procedure_PROCEDURE_SMALL_CLAIMS)
	prior := outs(outcome(triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, on("2024-03-06")))
	raised := benchFiling(b)
	raised.ClaimAmountFen = 30_000_000
	o := outcome(triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, triagev1.Procedure_PROCEDURE_ORDINARY, on("2024-04-01"))
	o.Correction = &triagev1.FactCorrection{Filing: raised, Basis: "原告2024年4月1日增加诉讼请求申请书；民诉法解释第二百八十条"}
	b.Run("separate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			o := proto.CloneOf(o)
			if _, err := e.CheckOutcome(d, f, prior, o); err != nil {
				b.Fatal(err)
			}
			tl, err := e.OutcomeTimeLimitFromRecord(d, prior, o, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := e.OutcomeReview(d, prior, o, tl); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("record", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := e.CheckOutcomeRecord(d, f, prior, proto.CloneOf(o))
			if err != nil {
				b.Fatal(err)
			}
			r.RoutingView()
			tl, err := r.TimeLimit(nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := r.Review(tl); err != nil {
				b.Fatal(err)
			}
		}
	})
}
