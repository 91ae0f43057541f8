package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestAddClaimItemsFen pins how the claims' sums add up (statute round 30):
// separate claims add, a bracket explains the sum before it, a total
// replaces what it totals, parts, repeats and bases are left out.
func TestAddClaimItemsFen(t *testing.T) {
	for _, c := range []struct {
		text string
		want int64 // yuan
	}{
		{"诉讼请求：1.判令被告偿还借款本金50000元；2.判令被告支付利息8000元。", 58000},
		{"诉讼请求：1.判令被告偿还借款50000元及利息（按年利率15%计算，暂计至2024年3月1日为8000元）。", 58000},
		{"诉讼请求：1.偿还借款50000元；2.支付违约金（以50000元为基数，暂计至起诉之日为6000元）。", 56000},
		{"诉讼请求：1.支付货款40000元；2.支付违约金10000元；3.支付律师费5000元。", 55000},
		{"诉讼请求：要求被告支付损失7800元（租赁费5800元，电脑损失2000元）。", 7800},
		{"诉讼请求：1.偿还借款50000元（大写：伍万元整）。", 50000},
		{"诉讼请求：1.偿还借款5000元（人民币伍仟元）。", 5000},
		{"诉讼请求：1.偿还借款40000元（借款50000元，已还10000元）。", 40000},
		{"诉讼请求：1.偿还借款40000元；2.支付违约金10000元；以上合计50000元。", 50000},
		{"诉讼请求：1.偿还借款40000元；2.支付违约金10000元；以上合计60000元。", 60000},
		{"诉讼请求：1.偿还借款2.5万元和利息3000元。", 28000},
		{"诉讼请求：1.偿还借款伍万元；2.支付利息捌仟元。", 58000},
		{"诉讼请求：判令被告支付货款88,926.00元,违约金1,500元。", 90426},
		{"诉讼请求：1.判令被告返还借款及利息。", 0},
		{"诉讼请求：1.本案诉讼费由被告承担。事实与理由：被告借款90000元未还。", 0},
	} {
		if got := readClaims(c.text).SumFen; got != c.want*100 {
			t.Errorf("readClaims(%q).SumFen = %d, want %d", c.text, got, c.want*100)
		}
	}
}

// FuzzAddClaimItemsFen: any claims text, no panic, no negative or
// overflowing sum, no sum where the largest-sum reader reads none, a text
// and its folded form read alike, and one more separate claim never makes
// the sum smaller.
func FuzzAddClaimItemsFen(f *testing.F) {
	for _, s := range []string{
		"诉讼请求：1.判令被告偿还借款本金50000元；2.判令被告支付利息8000元。",
		"诉讼请求：支付损失7800元（租赁费5800元，电脑损失2000元）",
		"诉讼请求：借款50000元及利息（暂计为8000元）", "诉讼请求：以上合计50000元", "（（（5元）", "）5元(6元",
		"诉讼请求：9999999999999999999万元；9999999999999999999万元", "诉讼请求：伍万元（大写）", "5万、元",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cr := readClaims(s)
		if cr.SumFen < 0 {
			t.Fatalf("readClaims(%q).SumFen = %d", s, cr.SumFen)
		}
		if cr.MaxFen == 0 && cr.SumFen != 0 {
			t.Fatalf("readClaims(%q): SumFen %d without a sum (MaxFen 0)", s, cr.SumFen)
		}
		if again := readClaims(foldCause(s)); again.SumFen != cr.SumFen {
			t.Fatalf("readClaims(%q).SumFen = %d, of its folded form %d", s, cr.SumFen, again.SumFen)
		}
		if !strings.Contains(s, "诉讼请求") {
			return
		}
		more := addClaimItemsFen(cr.SumFen, "支付违约金1元")
		if more < cr.SumFen {
			t.Fatalf("adding a claim to %q: %d < %d", s, more, cr.SumFen)
		}
	})
}

// FuzzReadWhereabouts: any text, no panic; read only when the text holds
// one of the words and a party; a text and its folded form read alike once
// folded; the words negated right before are never read; an imprecise
// address (不明确) is never read.
func FuzzReadWhereabouts(f *testing.F) {
	for _, s := range []string{"被告借款后去向不明。", "被告收取的款项去向不明", "原告之父去向不明", "被告并非去向不明",
		"被继承人的存款已被取出，去向不明", "被告现行踪不明，", "去向不明", "被告\n去向不明", "\xff被告不知去向",
		"被告住址不明确", "原告王五失联", "被告借款后未还。此后下落不明"} {
		f.Add(s)
	}
	defendants, others := []string{"被告"}, []string{"原告"}
	f.Fuzz(func(t *testing.T, s string) {
		got := readWhereabouts(nil, s, defendants, others)
		words := append(slices.Clone(whereaboutsWords[:]), unreachableWords...)
		if got != (whereaboutsReading{}) && (!containsAny(s, []string{"被告", "原告"}) || !containsAny(s, words)) {
			t.Fatalf("readWhereabouts(nil, %q) = %+v without a party or the words", s, got)
		}
		if fs := foldCause(s); readWhereabouts(nil, fs, defendants, others) != readWhereabouts(nil, foldCause(fs), defendants, others) {
			t.Fatalf("readWhereabouts of %q and its fold differ", fs)
		}
		for _, w := range words {
			if r := readWhereabouts(nil, "被告并非"+w, defendants, others); r != (whereaboutsReading{}) {
				t.Fatalf("negated %s read: %+v", w, r)
			}
		}
		for _, w := range []string{"住址不明确", "住所不明确", "地址不明确", "具体住址不详", "详细地址不详"} {
			if r := readWhereabouts(nil, "被告"+w, defendants, others); r != (whereaboutsReading{}) {
				t.Fatalf("an imprecise address %s read: %+v", w, r)
			}
		}
	})
}
