package rules

import (
	"math"
	"strings"
)

// Statute round 30 (civil): the claims' sums added up.
//
// CPL 165 ¶1 puts a case in small claims by its 标的额, which is what the
// claims ask: principal, interest or penalties computed to filing ("暂计至起诉
// 之日为8000元"), costs such as a lawyer's fee — the claims together
// (《诉讼费用交纳办法》第十三条 charges on the same 标的额). readClaims kept
// the largest sum alone (MaxFen), so "1.本金50000元；2.利息8000元" read
// ¥50,000 against a ¥54,323 figure and small claims stayed mandatory for a
// ¥58,000 claim. The sum is read only to doubt the amount field (claimsInDoubt:
// REVIEW_TEXT_AMOUNT, small claims undetermined), never to open a procedure.

// claimPieceEnds split a claims clause into the pieces whose sums add up:
// commas, brackets and the conjunctions that join two claims
// ("借款50000元及利息8000元").
var claimPieceEnds = [...]string{"，", ",", "（", "(", "）", ")", "及", "并", "、", "和"}

// claimTotalWords make a piece's sum a total of the pieces before it
// ("以上合计55000元"), not another claim.
var claimTotalWords = [...]string{"合计", "共计", "总计", "累计", "以上", "总额", "共"}

// claimPartWords make a piece's sum a part, a rest or a repeat of a claim
// already counted ("已还10000元", "尚欠40000元", "大写：伍万元", "¥50000元"),
// not another claim.
var claimPartWords = [...]string{"已还", "已付", "已支付", "已归还", "已偿还", "已给付", "尚欠", "尚余", "剩余", "下欠",
	"其中", "大写", "小写", "即", "折合", "约合", "扣除", "减去", "¥", "￥", "含"}

// addClaimItemsFen adds the sums of one claims clause (claimClauses) to
// running, the sum of the clauses before it: each piece's claimed sum
// (claimedSumFen, so bases and measures are left out), a total replacing
// what it totals when larger, a part or a repeat left out. A bracket after
// a piece that names a sum explains that sum ("损失7800元（租赁费5800元，电脑
// 损失2000元）", "5000元（人民币伍仟元）", a real 2017 filing's words) and
// adds nothing; a bracket after a claim without a sum gives its sum ("及利
// 息（…暂计至起诉之日为8000元）"). It saturates instead of overflowing.
func addClaimItemsFen(running int64, cl string) int64 {
	depth, explainedAt := 0, -1 // explainedAt: the depth whose bracket explains a sum
	for rest := cl; rest != ""; {
		piece, next, end := rest, "", ""
		for _, e := range claimPieceEnds {
			if i := pieceEndIndex(rest, e); i >= 0 && i < len(piece) {
				piece, next, end = rest[:i], rest[i+len(e):], e
			}
		}
		s := timesShares(claimedSumFen(piece), eachShareCount(cl[:len(cl)-len(rest)], piece))
		switch {
		case s == 0, explainedAt >= 0 && depth >= explainedAt:
		case containsAny(piece, claimPartWords[:]):
		case containsAny(piece, claimTotalWords[:]):
			running = max(running, s)
		case running > math.MaxInt64-s:
			running = math.MaxInt64
		default:
			running += s
		}
		switch end {
		case "（", "(":
			depth++
			if explainedAt < 0 && s > 0 {
				explainedAt = depth
			}
		case "）", ")":
			if depth == explainedAt {
				explainedAt = -1
			}
			depth = max(depth-1, 0)
		}
		rest = next
	}
	return running
}

// pieceEndIndex is the index of the first e in s that ends a piece, or -1:
// a comma between digits separates thousands ("88,926.00元"), not claims.
func pieceEndIndex(s, e string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], e)
		if i < 0 {
			return -1
		}
		i += from
		if e != "," || i == 0 || i+1 >= len(s) || !isASCIIDigit(s[i-1]) || !isASCIIDigit(s[i+1]) {
			return i
		}
		from = i + 1
	}
}
