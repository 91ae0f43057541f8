package rules

import (
	"testing"
)

// TestReadTextSentenceGate: ReadTextSentence, which reads only a text
// holding a recommendation mark, answers what its ungated form (sentenceOf
// of all the text's runes) answers, over random texts of the marks, their
// parts and near misses, terms, negations and bad bytes (long enough for
// hanscan's own search), and over the real texts; and it finds
// recommendations.
func TestReadTextSentenceGate(t *testing.T) {
	pieces := []string{"建", "议", "请", "求", "判处", "量刑", "意见", "不", "可能", "应", "\xe5\xbb", "\xae", "\xff", "x",
		"被告人王某", "有期徒刑一年", "有期徒刑三年六个月", "拘役四个月", "无期徒刑", "缓刑", "剥夺政治权利", "。", "，", "以上", "以下"}
	pieces = append(pieces, recommendationMarks[:]...)
	ungated := func(text string) TextSentence { return sentenceOf([]rune(text)) }
	check := sameAsReference(t, "ReadTextSentence", ReadTextSentence, ungated, func(got TextSentence) bool { return got.Found })
	sameOnRandomAndReal(t, 215, pieces, 30000, 40, "recommend a sentence", check)
}
