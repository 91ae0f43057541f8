package rules

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fenjian/fenjian/internal/dataset/realtest"
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

// matchAnyRunewise is the matcher keywordMatcher replaced (until
// 2026-12-05): every rune decoded, a phrase compared where its first rune
// stands. TestKeywordMatcherRandom checks the byte matcher against it.
func matchAnyRunewise(phrases []string, text string) bool {
	first := map[rune][]string{}
	for _, p := range phrases {
		r, _ := utf8.DecodeRuneInString(p)
		first[r] = append(first[r], p)
	}
	for i, r := range text {
		for _, p := range first[r] {
			if strings.HasPrefix(text[i:], p) {
				return true
			}
		}
	}
	return false
}

// keywordPieces make the random texts and phrases: characters whose low
// bits give the same key3 as others' (群 U+7FA4 and 䦤 U+49A4 differ only
// in the lead byte's high bits; 访 and 芿 share the continuation bytes),
// ASCII, a two-byte character, a four-byte one and invalid bytes.
var keywordPieces = []string{"群", "体", "性", "集", "上", "访", "舆", "情", "䦤", "芿", "訪", "a", "b", "é", "𠀀", "，", "\xff", "\xe7\xbe", "\x80"}

// TestKeywordMatcherRandom compares matchAny with the rune-wise matcher
// and with strings.Contains on 20,000 random texts and phrase sets, and on
// the real filings' texts (when found) with the default rules' phrases and
// with phrases cut from the texts themselves.
func TestKeywordMatcherRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 13))
	piece := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(keywordPieces[r.IntN(len(keywordPieces))])
		}
		return b.String()
	}
	check := func(t *testing.T, phrases []string, text string) {
		t.Helper()
		m := newKeywordMatcher(phrases)
		got := m.matchAny(text)
		contains := slices.ContainsFunc(phrases, func(p string) bool { return strings.Contains(text, p) })
		if got != contains {
			t.Fatalf("matchAny(%q) with %q = %v, strings.Contains %v", text, phrases, got, contains)
		}
		valid := !slices.ContainsFunc(phrases, func(p string) bool { return p == "" || !utf8.ValidString(p) })
		if valid && got != matchAnyRunewise(phrases, text) {
			t.Fatalf("matchAny(%q) with %q = %v, the rune-wise matcher %v", text, phrases, got, !got)
		}
	}
	for range 20000 {
		var phrases []string
		for range 1 + r.IntN(5) {
			phrases = append(phrases, piece(1+r.IntN(3)))
		}
		check(t, phrases, piece(r.IntN(300)))
	}
	t.Run("real", func(t *testing.T) {
		texts := realTexts(t)
		defaults := defaultReviewKeywords(t)
		for i, text := range texts {
			check(t, defaults, text)
			// Pieces of the text are found in it; pieces of the next are mostly not.
			next := texts[(i+1)%len(texts)]
			for k := 0; k+9 <= len(next) && k < 900; k += 90 {
				check(t, []string{next[k : k+9], text[k%max(len(text)-6, 1):][:min(6, len(text))]}, text)
			}
		}
	})
}

// defaultReviewKeywords are the embedded rules file's review_keywords.
func defaultReviewKeywords(t *testing.T) []string {
	t.Helper()
	var f struct {
		ReviewKeywords []string `json:"review_keywords"`
	}
	if err := json.Unmarshal(defaultRules, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.ReviewKeywords) == 0 {
		t.Fatal("no review_keywords in the default rules")
	}
	return f.ReviewKeywords
}

// realTexts are the texts of the shared real filings (realtest.Filings:
// t is skipped where there are none; CI has no copy).
func realTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, lf := range realtest.Filings(t) {
		texts = append(texts, lf.GetFiling().GetText())
	}
	return texts
}
