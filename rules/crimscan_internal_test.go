package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// dropCauseSeparatorsByRune is dropCauseSeparators as it was before issue
// 13's byte search: each rune looked up in causeSeparators.
func dropCauseSeparatorsByRune(s string) string {
	if !strings.ContainsAny(s, causeSeparators) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(causeSeparators, r) {
			return -1
		}
		return r
	}, s)
}

// TestDropCauseSeparatorsMatchesRunes: dropCauseSeparators answers what
// the rune-by-rune removal answers, for random texts of separators, their
// cut bytes, other CJK punctuation sharing 、's lead byte, bytes that are
// not UTF-8, charge names and the real texts (and their folds).
func TestDropCauseSeparatorsMatchesRunes(t *testing.T) {
	pieces := []string{"、", ",", "，", "。", "\u3000", "《", "\xe3", "\xe3\x80", "\x80\x81", "\xff", "x", "1", "罪", "盗窃",
		"掩饰、隐瞒犯罪所得罪", "武装叛乱、暴乱罪", "é", "𠀀"}
	pieces = append(pieces, nationalSecurityCharges[:]...)
	pieces = append(pieces, terrorismCharges[:]...)
	check := func(s string) {
		t.Helper()
		if got, want := dropCauseSeparators(s), dropCauseSeparatorsByRune(s); got != want {
			t.Fatalf("dropCauseSeparators(%q) = %q, want %q", s, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(13, 37))
	for i := range 100000 {
		check(randomText(rng, pieces, i%40))
	}
	for _, text := range realTexts(t) {
		check(text)
		check(foldCause(text))
	}
}
