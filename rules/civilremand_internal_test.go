package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// FuzzCivilRemandInText: any text, no panic; the caller's filing is never
// changed; the copy is remanded exactly when the folded text states a
// remand of this case (so a text and its folded form read alike), with one
// review; a sentence read names this case and states a remand.
func FuzzCivilRemandInText(f *testing.F) {
	for _, s := range []string{
		"诉讼请求：1.判令被告偿还借款5000元。事实与理由：本案经中级人民法院裁定撤销原判，发回重审。",
		"本案發回重審", "本案髮回重审", "前案发回重审后驳回", "本案。发回重审", "发 回 重 审", "未发回重审", "发回，重审", "原告将货物发回被告处", "发回", "\xff发回重审", "",
		// 发还 alone (round 36), which the gate on the fold must pass too.
		"本案经二审裁定发还重审", "本案發還重審",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := &triagev1.Filing{Text: s}
		keep := proto.CloneOf(in)
		a := &Assessment{}
		out := civilRemandInText(nil, in, a)
		if !proto.Equal(in, keep) {
			t.Fatalf("civilRemandInText(%q) changed the caller's filing", s)
		}
		want := thisCaseRemand(foldCause(s)) != ""
		if got := out.GetCircumstances().GetRemanded(); got != want {
			t.Fatalf("civilRemandInText(%q): remanded %v, want %v", s, got, want)
		}
		if n := len(a.ReviewReasons); want && n != 1 || !want && n != 0 {
			t.Fatalf("civilRemandInText(%q): %d review reasons", s, n)
		}
		if again := civilRemandInText(nil, &triagev1.Filing{Text: foldCause(s)}, &Assessment{}); again.GetCircumstances().GetRemanded() != want {
			t.Fatalf("civilRemandInText(%q) and its folded form read differently", s)
		}
		// As Engine.evaluate calls it: the fold made once, with its
		// characters.
		b := &Assessment{}
		if held := civilRemandInText(hanscan.NewText(foldCause(s)), in, b); held.GetCircumstances().GetRemanded() != want || len(b.ReviewReasons) != len(a.ReviewReasons) {
			t.Fatalf("civilRemandInText(%q) with the folded text's characters reads differently", s)
		}
	})
}

// TestRemandVerbGate: a text remandVerbMayBeIn refuses holds no 发回 or
// 发还 once folded, on random texts of the verbs' characters in simplified
// and traditional forms, what the fold drops between them and other
// characters (the gate decides whether a complaint is folded a second
// time; FuzzCivilRemandInText checks the whole reader against the fold).
// A remand stated in traditional characters with a zero-width space or a
// full-width space inside passes.
func TestRemandVerbGate(t *testing.T) {
	for _, s := range []string{"本案發\u200b迴重審", "本案发\u3000还重审", "本案髮 回重审", "发\xff回"} {
		if !remandVerbMayBeIn(s) {
			t.Errorf("remandVerbMayBeIn(%q) = false, its fold %q names a remand", s, foldCause(s))
		}
	}
	pieces := []string{"发", "發", "髮", "回", "迴", "还", "還", " ", "\u3000", "\u00a0", "\u200b", "\u200e", "\n", "\xff",
		"归还", "借款", "收回", "重审", "本案", "。", "a", "出发"}
	rnd := rand.New(rand.NewPCG(36, 7))
	passed := 0
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rnd.IntN(8); k >= 0; k-- {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		s := b.String()
		folded := foldCause(s)
		holds := strings.Contains(folded, "发回") || strings.Contains(folded, "发还")
		gate := remandVerbMayBeIn(s)
		if holds && !gate {
			t.Fatalf("remandVerbMayBeIn(%q) = false, its fold %q holds the verb", s, folded)
		}
		if gate {
			passed++
		}
	}
	if passed == 0 || passed == 50000 {
		t.Fatalf("the gate passed %d of 50000 texts: the texts do not exercise it", passed)
	}
}
