package rules_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// chargesView is what a test compares of rules.Charges: the charges'
// catalogue names, not their shared paths.
type chargesView struct {
	Named            []string
	Unresolved       []string
	RemarkNamesOther bool
	Repeated         bool
	One              string // the charge of One(), "" when not one
}

func viewCharges(ch rules.Charges) chargesView {
	v := chargesView{Unresolved: ch.Unresolved, RemarkNamesOther: ch.RemarkNamesOther, Repeated: ch.Repeated}
	for _, c := range ch.Named {
		v.Named = append(v.Named, c.Name)
	}
	if c, ok := ch.One(); ok {
		v.One = c.Name
	}
	return v
}

// TestLookupCharges reads causes as criminal filings write them (round 22,
// docs/statutes.md): one charge with the words around it, lists however
// punctuated, names whose parts a separator splits, remarks, 等, and parts
// that name no charge.
func TestLookupCharges(t *testing.T) {
	e := defaultEngine(t)
	one := func(name string) chargesView { return chargesView{Named: []string{name}, One: name} }
	cases := []struct {
		written string
		want    chargesView
	}{
		{"盗窃罪", one("盗窃罪")},
		{"盗窃", one("盗窃罪")},
		{"盗窃案", one("盗窃罪")},
		{"盗窃罪一案", one("盗窃罪")},
		{"涉嫌盗窃罪", one("盗窃罪")},
		{"被告人张三犯盗窃罪", one("盗窃罪")},
		{"犯盗窃罪。", one("盗窃罪")},
		{" 盗窃罪 ", one("盗窃罪")},
		{"盗窃 罪", one("盗窃罪")},
		{"盗窃罪（入户盗窃）", one("盗窃罪")},
		{"盗窃罪(入户盗窃)", one("盗窃罪")},
		{"盗窃罪、", one("盗窃罪")},
		{"掩饰隐瞒犯罪所得罪", one("掩饰、隐瞒犯罪所得、犯罪所得收益罪")},
		{"组织参与国（境）外赌博罪", one("组织参与国（境）外赌博罪")},
		{"帮助信息网络犯罪活动罪", one("帮助信息网络犯罪活动罪")},
		{"武装叛乱、暴乱罪", one("武装叛乱、暴乱罪")},
		{"武装叛乱暴乱罪", one("武装叛乱、暴乱罪")},
		{"非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪", one("非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪")},
		{"销售假药罪", one("生产、销售、提供假药罪")},
		{"盗窃罪、诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃罪，诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃罪；诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃罪 诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃罪　诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃罪和诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃罪以及诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃罪诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"盗窃、诈骗罪", chargesView{Named: []string{"盗窃罪", "诈骗罪"}}},
		{"诈骗罪、盗窃罪", chargesView{Named: []string{"诈骗罪", "盗窃罪"}}},
		{"盗窃罪、武装叛乱、暴乱罪", chargesView{Named: []string{"盗窃罪", "武装叛乱、暴乱罪"}}},
		{"帮助信息网络犯罪活动罪、诈骗罪", chargesView{Named: []string{"帮助信息网络犯罪活动罪", "诈骗罪"}}},
		{"盗窃罪（入户盗窃）、故意伤害罪", chargesView{Named: []string{"盗窃罪", "故意伤害罪"}}},
		{"盗窃罪、盗窃罪", chargesView{Named: []string{"盗窃罪"}, Repeated: true}},
		{"盗窃罪等", chargesView{Named: []string{"盗窃罪"}, Unresolved: []string{"等"}}},
		{"盗窃等罪", chargesView{Named: []string{"盗窃罪"}, Unresolved: []string{"等"}}},
		{"盗窃罪等数罪", chargesView{Named: []string{"盗窃罪"}, Unresolved: []string{"等"}}},
		{"盗窃罪、某某罪", chargesView{Named: []string{"盗窃罪"}, Unresolved: []string{"某某罪"}}},
		{"盗窃罪、分裂國家罪", chargesView{Named: []string{"盗窃罪", "分裂国家罪"}}},
		{"危险驾驶罪（数罪并罚）", chargesView{Named: []string{"危险驾驶罪"}, RemarkNamesOther: true}},
		{"危险驾驶罪（另犯盗窃罪）", chargesView{Named: []string{"危险驾驶罪"}, RemarkNamesOther: true}},
		{"赌博罪（开设赌场）", chargesView{Named: []string{"赌博罪"}, RemarkNamesOther: true}},
		{"危险驾驶罪（醉酒驾驶）", one("危险驾驶罪")},
		{"某某罪", chargesView{Unresolved: []string{"某某罪"}}},
		{"", chargesView{}},
		{"、，；", chargesView{}},
	}
	for _, tc := range cases {
		if diff := cmp.Diff(tc.want, viewCharges(e.LookupCharges(tc.written))); diff != "" {
			t.Errorf("LookupCharges(%q) (-want +got):\n%s", tc.written, diff)
		}
	}
}

// FuzzCharges feeds the charge reader arbitrary causes. Whatever it reads,
// it must not panic, name only known charges, once each, keep as
// unresolved only what the cause wrote (or 等), and say One only of one
// charge. And however the rest is written, a cause that also names
// 分裂国家罪 after a separator is a 危害国家安全 case: at a basic court
// neither simplified procedure nor fast-track (刑事诉讼法第二十一条第一项;
// 刑诉法解释第十五条).
func FuzzCharges(f *testing.F) {
	for _, s := range []string{
		"盗窃罪", "盗窃罪、诈骗罪", "间谍、合同诈骗罪", "危险驾驶罪（数罪并罚）", "被告人张三犯危险驾驶罪一案。",
		"组织参与国（境）外赌博罪", "盗窃罪（", "）罪、", "罪罪罪", "军人", "涉嫌", "被告人犯", "等等罪", "\u00a0盗窃罪",
		strings.Repeat("罪、", 80), strings.Repeat("（", 70),
	} {
		f.Add(s)
	}
	e := defaultEngine(f)
	base := crimBase(f)
	f.Fuzz(func(t *testing.T, written string) {
		if !utf8.ValidString(written) {
			return
		}
		ch := e.LookupCharges(written)
		seen := map[string]bool{}
		for _, c := range ch.Named {
			if !c.Known || c.Name == "" || seen[c.Name] {
				t.Fatalf("LookupCharges(%q): named %+v (unknown or twice)", written, c)
			}
			seen[c.Name] = true
		}
		for _, u := range ch.Unresolved {
			if u != "等" && !strings.Contains(written, u) {
				t.Fatalf("LookupCharges(%q): unresolved %q is not in the cause", written, u)
			}
		}
		if _, ok := ch.One(); ok && len(ch.Named) != 1 {
			t.Fatalf("LookupCharges(%q): One with %d charges", written, len(ch.Named))
		}
		g := with(base, cause(written+"、分裂国家罪"), plea(true, true), sentenceKind(fixedTerm, 12), filedOn("2022-06-15"),
			func(f *triagev1.Filing) { f.Id = "JS-FUZZ-CHARGES" })
		if rules.Validate(g) != nil {
			return
		}
		a, err := e.Evaluate(g)
		if err != nil {
			t.Fatalf("Evaluate(cause %q): %v", g.GetCause(), err)
		}
		for _, p := range []triagev1.Procedure{pFT, pSimp} {
			if a.Option(p).GetAvailable() {
				t.Fatalf("cause %q at a basic court: %s open: %s", g.GetCause(), procLoc(p), describe(a))
			}
		}
		if err := invariants(g, a); err != nil {
			t.Fatal(err)
		}
	})
}
