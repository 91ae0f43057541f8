package rules

import (
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Statute round 38: 行政诉讼法第八十二条第一款第二项 opens simplified
// procedure to a case "涉及款额二千元以下的" — one whose stake is a sum. A
// complaint asking to set aside a small fine together with a measure that is
// no sum (吊销营业执照, 行政拘留十日, 责令停产停业: 行政处罚法第九条's other
// kinds, or a demolition) is not shown to be such a case by the amount
// field: the item is not established, and a person reviews the words. The
// parties' agreement (第二款) and the other items still open it. Until rules
// 2026-12-06.46 the field alone opened it (ALL82_SMALL_AMOUNT).

// adminNonSumWords name a measure of the act sued about that is no sum of
// money: licences revoked or withheld, a lowered qualification, a business
// stopped, closed or restricted, detention, a demolition, a ban. 警告 and
// 通报批评 are lighter than any fine and are not read.
var adminNonSumWords = [...]string{"吊销", "暂扣", "降低资质", "责令停产", "责令停业", "责令关闭", "限制从业", "限制开展生产经营", "拘留", "拆除", "取缔"}

// adminNonSumIn returns the first adminNonSumWords word an administrative
// complaint's claims state not negated in the four runes before it, "" when
// none. The claims are the part from 诉讼请求 to 事实与理由 where the text
// marks them (a fact told of another case, 原告曾被行政拘留, is not this
// case's act), else the whole text.
func adminNonSumIn(text string) string {
	part := text
	if i := strings.Index(part, "诉讼请求"); i >= 0 {
		part = part[i:]
		for _, m := range factsMarkers {
			if j := strings.Index(part, m); j >= 0 {
				part = part[:j]
			}
		}
	}
	for _, w := range adminNonSumWords {
		if statedInClause(part, w, 4) {
			return w
		}
	}
	return ""
}

// adminSmallAmountReview is the review that replaces ALL82_SMALL_AMOUNT
// when the claims name a measure that is no sum (adminNonSumIn), nil when
// they name none or the filing is older than the item (2015-05-01: the 1989
// law had no simplified procedure to review).
func adminSmallAmountReview(f *triagev1.Filing, on time.Time) *triagev1.Reason {
	if on.Before(adminLaw2014InForce) {
		return nil
	}
	if w := adminNonSumIn(f.GetText()); w != "" {
		return reasonWithWords(CodeReviewAdminNotOnlyAmount, w)
	}
	return nil
}
