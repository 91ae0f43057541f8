package rules

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Statute round 31 (civil): a sum each of several parties pays or is paid.
//
// CPL 165 ¶1 puts a case in small claims by its 标的额, what the claims ask
// together. "判令被告向三原告各支付货款20000元" asks ¥60,000, "两被告各偿还借款
// 20000元" ¥40,000: 各 makes the sum one share of as many shares as the
// parties counted. A filing clerk may enter one share in the amount field;
// the claims' sum (ClaimsReading.SumFen) then counts every share, and
// claimsInDoubt leaves small claims to a person (REVIEW_TEXT_AMOUNT) when
// the total is above the field's band. It never opens a procedure.

// eachShare is a distributive 各 followed by an act of paying or a sum
// ("各支付", "各偿还", "各20000元"): 各项, 各类, 各自, 各方 … name items, not
// shares, and are not read.
var eachShare = regexp.MustCompile(`各(?:自行)?(?:支付|偿还|归还|返还|赔偿|给付|补偿|退还|承担|人民币|[0-9])`)

// partiesCounted counts the plaintiffs or defendants of a clause as written
// with a numeral before them ("三原告", "两被告", "3名原告").
var partiesCounted = regexp.MustCompile(`([一两二三四五六七八九十]+|[1-9][0-9]?)名?(?:原告|被告)`)

// eachShareCount is how many shares a piece's sum is (1 when it is no
// share): the largest count of plaintiffs or defendants written in the
// clause up to a distributive 各 of the piece. Only a count of two or more
// multiplies; where both sides are counted ("两被告向三原告各支付") the larger
// count is taken, not their product, which the words do not settle.
func eachShareCount(before, piece string) int64 {
	if !strings.Contains(piece, "各") {
		return 1
	}
	loc := eachShare.FindStringIndex(piece)
	if loc == nil {
		return 1
	}
	var most int64 = 1
	upTo := before + piece[:loc[0]]
	for _, m := range partiesCounted.FindAllStringSubmatchIndex(upTo, -1) {
		if strings.HasSuffix(upTo[:m[0]], "第") { // 第二被告 names one party
			continue
		}
		most = max(most, int64(chineseCount(upTo[m[2]:m[3]])))
	}
	return most
}

// timesShares multiplies s by n, saturating instead of overflowing.
func timesShares(s, n int64) int64 {
	if n > 1 && s > math.MaxInt64/n {
		return math.MaxInt64
	}
	return s * n
}

// Statute round 31 (civil): interest claimed to the day of payment.
//
// "借款50000元及利息（按年利率15%计算至实际清偿之日止）" claims interest to a day
// after filing; its part up to filing belongs to the 标的额 (CPL 165 ¶1) but
// no sum is written. Where the amount field holds the claims' sums alone
// (the principal) and a year's interest at the rate the claim itself states
// would put the claim in another band, a person reads the 标的额
// (claimsInDoubt: REVIEW_TEXT_AMOUNT, small claims undetermined). Without a
// stated rate nothing is read: no article in /work/shared/law gives one.

// openEndedWords end an interest's period at payment, after filing.
var openEndedWords = [...]string{"实际清偿之日", "付清之日", "还清之日", "清偿之日", "实际履行之日", "实际支付之日", "履行完毕之日", "实际给付之日"}

// statedRate is an annual or monthly interest rate in per cent written in a
// claim ("年利率15%", "月利率1.5%", "年息24%").
var statedRate = regexp.MustCompile(`(年|月)(?:利率|息|化利率|利息)(?:为|按)?([0-9]{1,3}(?:\.[0-9]{1,4})?)%`)

// openInterestYearFen is what a year of interest adds at the rate a claims
// clause (folded) states, on the largest sum the clause names (or, naming
// none, before: the largest sum of the claims before it, "2.支付利息（按月利率
// 1%计算至付清之日止）"), in fen, when
// the clause claims interest to a day after filing and states no sum of it
// up to filing (暂计, 计至起诉之日 …: round 30 adds that one); 0 otherwise.
// A rate above 100% a year is taken as 100%. It reads text from outside and
// must not panic on any string (FuzzOpenInterestYearFen).
func openInterestYearFen(cl string, before int64) int64 {
	if !strings.Contains(cl, "之日") || !strings.Contains(cl, "%") || !containsAny(cl, openEndedWords[:]) ||
		containsAny(cl, []string{"暂计", "暂算", "起诉之日", "立案之日", "计算至起诉"}) {
		return 0
	}
	m := statedRate.FindStringSubmatch(cl)
	if m == nil {
		return 0
	}
	rate, err := strconv.ParseFloat(m[2], 64)
	if err != nil || rate <= 0 {
		return 0
	}
	if m[1] == "月" {
		rate *= 12
	}
	base := maxYuanFen(cl)
	if base == 0 {
		base = before
	}
	if f := float64(base) * min(rate, 100) / 100; f < math.MaxInt64/2 {
		return min(int64(f), base) // a float may round a large base up
	}
	return math.MaxInt64 / 2
}
