package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKeywordMatcher(t *testing.T) {
	m := newKeywordMatcher([]string{"群体性", "集体上访", "集体", "上访", "舆情", "a"})
	tests := []struct {
		text string
		want bool
	}{
		{"", false},
		{"被告拖欠工资，引发群体性事件", true},
		{"群体", false}, // a prefix of a phrase is not the phrase
		{"多名工人集体", true},
		{"曾多次上访。", true},
		{"网络舆情", true},
		{"平平无奇的借款纠纷", false},
		{"ABC", false},
		{"xa", true},
		{"\xff\xfe群体性", true}, // invalid bytes before a phrase do not hide it
	}
	for _, tt := range tests {
		if got := m.matchAny(tt.text); got != tt.want {
			t.Errorf("matchAny(%q) = %v, want %v", tt.text, got, tt.want)
		}
		want := false
		for _, p := range []string{"群体性", "集体上访", "集体", "上访", "舆情", "a"} {
			want = want || strings.Contains(tt.text, p)
		}
		if got := m.matchAny(tt.text); got != want {
			t.Errorf("matchAny(%q) = %v, strings.Contains says %v", tt.text, got, want)
		}
	}
	if newKeywordMatcher(nil).matchAny("群体性") {
		t.Error("empty matcher matched")
	}
}

func FuzzKeywordMatcher(f *testing.F) {
	f.Add("群体性事件", "群体性")
	f.Add("abc", "")
	f.Fuzz(func(t *testing.T, text, phrase string) {
		if phrase == "" || !utf8.ValidString(phrase) {
			return // the rules file is JSON: phrases are valid UTF-8
		}
		m := newKeywordMatcher([]string{phrase})
		if got, want := m.matchAny(text), strings.Contains(text, phrase); got != want {
			t.Fatalf("matchAny(%q) with %q = %v, strings.Contains = %v", text, phrase, got, want)
		}
	})
}
