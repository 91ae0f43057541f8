package rules

import (
	"math"
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

// TestOpenInterestYearFen pins a year of interest to payment at a stated
// rate (statute round 31).
func TestOpenInterestYearFen(t *testing.T) {
	for _, c := range []struct {
		clause string
		before int64 // yuan
		want   int64 // yuan
	}{
		{"1.判令被告偿还借款50000元及利息(按年利率15%,自2023年3月1日起计算至实际清偿之日止)", 0, 7500},
		{"2.判令被告支付利息(按月利率1%计算至付清之日止)", 50000, 6000},
		{"判令被告偿还借款22000元及利息(按年利率24%计算至还清之日止)", 0, 5280},
		{"判令被告偿还借款50000元及利息(年利率500%计算至实际清偿之日止)", 0, 50000},
		{"判令被告偿还借款50000元及利息(按年利率15%计算至实际清偿之日止,暂计至起诉之日为8000元)", 0, 0},
		{"判令被告偿还借款50000元及利息(按LPR的四倍计算至实际清偿之日止)", 0, 0},
		{"判令被告偿还借款50000元及利息(按年利率15%计算至2023年4月1日止)", 0, 0},
	} {
		if got := openInterestYearFen(foldCause(c.clause), c.before*100); got != c.want*100 {
			t.Errorf("openInterestYearFen(%q, %d) = %d, want %d", c.clause, c.before, got, c.want*100)
		}
	}
}

// FuzzOpenInterestYearFen: any clause, no panic, never negative, never more
// than the clause's largest sum or the sum before (a rate is read up to
// 100% a year), nothing without an open end and a rate, and a clause and
// its folded form read alike.
func FuzzOpenInterestYearFen(f *testing.F) {
	for _, s := range []string{"借款50000元及利息(按年利率15%计算至实际清偿之日止)", "利息按月利率1%计算至付清之日止",
		"9999999999999999999万元年利率999.9999%至还清之日", "年息%至还清之日", "月利率0%至付清之日"} {
		f.Add(s, int64(5000000))
	}
	f.Fuzz(func(t *testing.T, s string, before int64) {
		before = max(before, 0)
		got := openInterestYearFen(s, before)
		if got < 0 || got > max(maxYuanFen(s), before) && got != math.MaxInt64/2 {
			t.Fatalf("openInterestYearFen(%q, %d) = %d", s, before, got)
		}
		if got > 0 && (!strings.Contains(s, "%") || !containsAny(s, openEndedWords[:])) {
			t.Fatalf("openInterestYearFen(%q, %d) = %d without a rate and an open end", s, before, got)
		}
		if a, b := readClaims(s).OpenInterestFen, readClaims(foldCause(s)).OpenInterestFen; a != b {
			t.Fatalf("readClaims(%q).OpenInterestFen = %d, of its folded form %d", s, a, b)
		}
	})
}
