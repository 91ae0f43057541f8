package rules

import (
	"math"
	"regexp"
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
