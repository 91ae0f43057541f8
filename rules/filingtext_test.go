package rules_test

import (
	"testing"
	"unicode/utf8"

	"github.com/fenjian/fenjian/rules"
)

// TestTextRunes: the count an assessment hands the classifier for its
// filing's text is the text's runes, whatever the text is written in, and
// a text the assessment did not read is counted as it is.
func TestTextRunes(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct{ name, text string }{
		{"empty", ""},
		{"ascii", "plaintiff asks for 5000 yuan"},
		{"chinese", "原告张三诉称：被告借款5000元未还，请求判令被告还款。"},
		{"lines", "诉讼请求：\n1. 判令被告还款；\r\n2.\t诉讼费由被告承担。"},
		{"two and four bytes", "Ünïcødé 𠀀𡃁 離婚糾紛 ￥5000元"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := civilBase(t)
			f.Text = tc.text
			a, err := e.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := a.TextRunes(f.GetText()), utf8.RuneCountInString(tc.text); got != want {
				t.Errorf("TextRunes(filing's text) = %d, want %d", got, want)
			}
			other := tc.text + "另"
			if got, want := a.TextRunes(other), utf8.RuneCountInString(other); got != want {
				t.Errorf("TextRunes(another text) = %d, want %d", got, want)
			}
		})
	}
	var none *rules.Assessment
	if got := none.TextRunes("离婚纠纷"); got != 4 {
		t.Errorf("nil assessment: TextRunes = %d, want 4", got)
	}
}
