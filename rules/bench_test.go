package rules_test

import (
	"testing"
	"unicode/utf8"

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
