package rules

import (
	"strings"
	"testing"
)

// TestEachShareCount pins how many shares a piece's sum is (statute round
// 31): a distributive 各 with the parties counted before it.
func TestEachShareCount(t *testing.T) {
	for _, c := range []struct {
		before, piece string
		want          int64
	}{
		{"", "判令被告向三原告各支付货款20000元", 3},
		{"", "判令两被告各偿还借款30000元", 2},
		{"", "判令被告向12名原告各支付工资2000元", 12},
		{"", "判令被告向十二名原告各支付工资2000元", 12},
		{"判令被告支付三原告补偿款，", "各20000元", 3},
		{"", "判令两被告向三原告各支付20000元", 3},
		{"", "判令被告支付各项损失30000元", 1},
		{"", "判令被告向三原告支付各类费用30000元", 1},
		{"", "判令被告向第二被告各支付30000元", 1},
		{"", "判令两被告偿还借款30000元", 1},
		{"", "判令被告向原告各支付30000元", 1},
	} {
		if got := eachShareCount(c.before, c.piece); got != c.want {
			t.Errorf("eachShareCount(%q, %q) = %d, want %d", c.before, c.piece, got, c.want)
		}
	}
}

// FuzzEachShareCount: any text, no panic; at least one share, more only
// with a distributive 各 and a plaintiff or defendant counted, never more
// than 999 (chineseCount's bound); and a sum of shares never overflows.
func FuzzEachShareCount(f *testing.F) {
	for _, s := range []string{"判令被告向三原告各支付货款20000元", "两被告各偿还借款30000元", "第二被告各支付",
		"九百九十九名原告各支付9999999999999999999元", "十一被告各1元", "各各各原告", "3名原告，各5元"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		cut = min(max(cut, 0), len(s))
		n := eachShareCount(s[:cut], s[cut:])
		if n < 1 || n > 999 {
			t.Fatalf("eachShareCount(%q, %q) = %d", s[:cut], s[cut:], n)
		}
		if n > 1 && (!strings.Contains(s[cut:], "各") || !strings.Contains(s, "原告") && !strings.Contains(s, "被告")) {
			t.Fatalf("eachShareCount(%q, %q) = %d without 各 and a party", s[:cut], s[cut:], n)
		}
		if got := timesShares(1<<62, n); got < 0 {
			t.Fatalf("timesShares(1<<62, %d) = %d", n, got)
		}
		if cr := readClaims(s); cr.SumFen < 0 {
			t.Fatalf("readClaims(%q).SumFen = %d", s, cr.SumFen)
		}
	})
}
