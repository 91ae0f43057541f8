package rules

import (
	"strings"
	"testing"
)

// adminComplexUngated is adminComplexIn without its word gates: the
// gated reader must answer as this one does on every text.
func adminComplexUngated(text string) string {
	for sent := range sentencesOf(text) {
		if w := complexIn(sent); w != "" {
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
