package rules

import (
	"strings"
	"testing"
)

// adminComplexUngated is adminComplexIn without its word gates: the
// gated reader must answer as this one does on every text.
func adminComplexUngated(text string) string {
	for sent := range sentencesOf(text) {
		if w := complexIn(nil, sent); w != "" {
			return w
		}
	}
	for _, w := range unfitSimplWords {
		if StatedInClause(text, w) {
			return w
		}
	}
	return ""
}

// FuzzAdminComplexIn: a complaint is outside input; the reader must not
// panic, must return words of the text or "", and its gates (复杂, 疑难,
// 不宜) must change no answer.
func FuzzAdminComplexIn(f *testing.F) {
	for _, s := range []string{
		"", "本案案情复杂。", "本案案情并不复杂。", "本案属于疑难案件", "原告认为本案不宜适用简易程序。",
		"本案不属于不宜适用简易程序的情形。", "原告另案诉讼的案情复杂。", "本案疑难复杂。", "本案\xff复杂", "复杂；本案",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := adminComplexIn(text)
		if got != "" && !strings.Contains(text, got) {
			t.Fatalf("adminComplexIn(%q) = %q, not words of the text", text, got)
		}
		if want := adminComplexUngated(text); got != want {
			t.Fatalf("adminComplexIn(%q) = %q, ungated %q", text, got, want)
		}
	})
}

// FuzzRound37Readers: the round's criminal readers take outside text; they
// must not panic and must return words of the text or "".
func FuzzRound37Readers(f *testing.F) {
	for _, s := range []string{
		"", "辩护人对指控的犯罪事实有异议。", "辩护人对被告人王某的犯罪事实持异议", "对异议辩护事实", "辩护人\xff对事实有异议",
		"本案系比较复杂的共同犯罪案件。", "本案不属于比较复杂的共同犯罪案件", "复杂的共同犯罪",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, got := range []string{defenderDisputesFactsIn(text), complexJointCrimeIn(text)} {
			if got != "" && !strings.Contains(text, got) {
				t.Fatalf("reader(%q) = %q, not words of the text", text, got)
			}
		}
	})
}
