package rules

import (
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
		// As Engine.evaluate calls it: the fold made once, with its
		// characters.
		out := civilRemandInText(hanscan.NewText(foldCause(s)), in, a)
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
		if again := civilRemandInText(hanscan.NewText(foldCause(foldCause(s))), &triagev1.Filing{Text: foldCause(s)}, &Assessment{}); again.GetCircumstances().GetRemanded() != want {
			t.Fatalf("civilRemandInText(%q) and its folded form read differently", s)
		}
	})
}
