package rules

import (
	"strings"
	"testing"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// TestRound38Readers: the round's two new readers on their own, each row
// read from the article it serves (行政诉讼法第八十二条第一款第二项; 民诉法解释第
// 二百五十七条第六项), with the near misses beside them.
func TestRound38Readers(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"诉讼请求：撤销被告作出的罚款1000元并吊销营业执照的行政处罚决定。", "吊销"},
		{"诉讼请求：撤销行政拘留十日并处罚款500元的决定。事实与理由：……", "拘留"},
		{"诉讼请求：撤销罚款200元并暂扣驾驶证的决定", "暂扣"},
		{"撤销责令停产停业并罚款1500元的决定", "责令停产"},
		{"诉讼请求：撤销罚款1500元的决定。事实与理由：原告2020年曾被行政拘留。", ""},
		{"诉讼请求：撤销罚款1000元的决定（被告未吊销营业执照）。", ""},
		{"诉讼请求：撤销警告并处罚款500元的决定。", ""},
	} {
		if got := adminNonSumIn(c.text); got != c.want {
			t.Errorf("adminNonSumIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"诉讼请求：偿还借款。事实与理由：原告作为案外第三人，请求撤销(2023)浙0302民初100号民事判决第二项。", true},
		{"原告系另案第三人，要求改变该案民事调解书。", true},
		{"被告曾作为第三人请求撤销另案民事判决，已被驳回。", false},
		{"原告系另案的第三人，该案民事判决已生效。", false},
		{"原告作为第三人，请求撤销仲裁裁决书。", false},
		{"原告作为第三人，不请求撤销该民事判决。", false},
	} {
		var held hanscan.Text
		held.Reset(foldCause(c.text))
		if got := thirdPartyAsksRevocationIn(&held, held.String()); (got != "") != c.want {
			t.Errorf("thirdPartyAsksRevocationIn(%q) = %q, want found=%v", c.text, got, c.want)
		}
	}
}

// FuzzRound38Readers: the new readers never panic, and what they return
// is words of the text they read.
func FuzzRound38Readers(f *testing.F) {
	for _, s := range []string{
		"", "诉讼请求：撤销罚款1000元并吊销营业执照", "诉讼请求", "事实与理由诉讼请求吊销", "拘留\xff",
		"原告作为第三人请求撤销民事判决", "第三人原告请求撤销民事判决", "原告\xff第三人请求撤销调解书",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got := adminNonSumIn(text); got != "" && !strings.Contains(text, got) {
			t.Fatalf("adminNonSumIn(%q) = %q, not words of the text", text, got)
		}
		var held hanscan.Text
		held.Reset(foldCause(text))
		folded := held.String()
		if got := thirdPartyAsksRevocationIn(&held, folded); got != "" && (!strings.Contains(folded, got) || !strings.Contains(got, thirdPartyMark)) {
			t.Fatalf("thirdPartyAsksRevocationIn(%q) = %q, not a sentence of the text naming 第三人", text, got)
		}
	})
}
