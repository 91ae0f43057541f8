package rules

import (
	"strings"
	"testing"
)

// TestGovernmentDefendantIn: the complaint reader of 行政诉讼法第十五条第一项
// alone (statute round 24).
func TestGovernmentDefendantIn(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"", ""},
		{"被告杭州市人民政府", "杭州市人民政府"},
		{"被告：浙江省人民政府。", "浙江省人民政府"},
		{"被告: 淳安县人民政府", "淳安县人民政府"},
		{"被告三墩镇人民政府", ""},
		{"被告西湖区人民政府办公室", ""},
		{"被告西湖区人民政府征收办作出的决定", ""},
		{"被告西湖区人民政府作出的决定", "西湖区人民政府"},
		{"被告人王某到区人民政府上访", ""},
		{"被告作出的处罚决定经区人民政府批准", ""},
		{"被告杭州市公安局西湖分局", ""},
		{"被告杭州市公安局。另案被告杭州市人民政府", "杭州市人民政府"},
	} {
		if got := governmentDefendantIn(c.text); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzGovernmentDefendantIn: any text reads without a panic; a name read is
// words of the text ending in 人民政府; a government named after 被告 in a
// sentence appended to any text is read.
func FuzzGovernmentDefendantIn(f *testing.F) {
	for _, s := range []string{"", "被告", "被告人", "被告：", "人民政府", "被告乡人民政府", "被告\xff人民政府"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got := governmentDefendantIn(text); got != "" && (!strings.Contains(text, got) || !strings.HasSuffix(got, governmentSuffix)) {
			t.Fatalf("%q: read %q", text, got)
		}
		if governmentDefendantIn(text+"。被告杭州市人民政府。") == "" {
			t.Fatalf("%q + a government defendant: nothing read", text)
		}
	})
}
