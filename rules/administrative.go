package rules

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// adminSmallAmountFen is 行政诉讼法 Art. 82 ¶1(2)'s "款额二千元以下".
const adminSmallAmountFen = 2000_00

// assessorsLawInForce is when 人民陪审员法 took effect (adopted and in force
// 2018-04-27). Its art. 16(2) gives "根据民事诉讼法、行政诉讼法提起的公益诉讼
// 案件" at first instance to a seven-member panel of three judges and four
// people's assessors (art. 14), which leaves no room for Art. 83's single
// judge.
var assessorsLawInForce = time.Date(2018, 4, 27, 0, 0, 0, 0, time.UTC)

// adminPublicInterestSuit is the administrative catalogue's node for
// 行政公益诉讼 (行政诉讼法第二十五条第四款), to which that name resolves.
const adminPublicInterestSuit = "公益诉讼"

// publicInterestSuit reports whether an administrative filing's cause, as
// written (Cause.Written) and as resolved, names a 行政公益诉讼 (行政诉讼法第二十五条第四款):
// it resolves to the catalogue's 公益诉讼 node, or it names the suit beside
// a longer catalogue name it was resolved to instead, the act the
// procuratorate sues about ("不履行法定职责行政公益诉讼" resolves to 不履行
// 职责, "房屋征收或者征用补偿行政公益诉讼" to its compensation node, and a
// trailing "（行政公益诉讼）" is dropped as a remark). Until rules
// 2026-12-04.21 only the resolved node was read, and such a suit was offered
// simplified procedure (audit round 21).
func publicInterestSuit(resolved Cause) bool {
	return resolved.anyCause(func(c Cause) bool { return c.Name == adminPublicInterestSuit }) ||
		causeNames(resolved.Written, adminPublicInterestSuit)
}

// administrative decides simplified (行政诉讼法 82) and ordinary procedure for
// an administrative first-instance filing. Unlike civil and criminal
// simplified procedure, Art. 82 does not confine it to basic courts.
func administrative(f *triagev1.Filing, a *Assessment) {
	c := f.GetCircumstances()
	var blocks, conds []*triagev1.Reason
	if c.GetRemanded() {
		blocks = append(blocks, reason(CodeAdmin82Remanded))
	}
	if c.GetRetrial() {
		blocks = append(blocks, reason(CodeAdmin82Retrial))
	}
	// Read from the cause, not from public_interest: a case that touches
	// the public interest is not thereby a 公益诉讼 brought under art. 25
	// ¶4, and only the suit is art. 16(2)'s.
	if publicInterestSuit(a.Facts.Cause) {
		// The suit is brought for the public interest whatever the flag
		// says: reviewed like a civil 公益诉讼 (REVIEW_PUBLIC_INTEREST, 法发
		// 〔2021〕30号), which the review reads from the fact.
		a.Facts.PublicInterest = true
		if !a.FiledOn.Before(assessorsLawInForce) {
			blocks = append(blocks, reason(CodeAssessors16PublicInterestSuit))
		}
	}
	// 人民陪审员法第十六条第四项: a case of major social impact is tried by
	// seven, three judges and four assessors; Art. 83's single judge cannot
	// sit. Art. 16 has no proviso for a law's single judge (art. 15 ¶1, on
	// the three-member assessor panel, may have one: group interests stay
	// a review signal).
	if c.GetMajorSocialImpact() && !a.FiledOn.Before(assessorsLawInForce) {
		blocks = append(blocks, reason(CodeAssessors16MajorSocialImpact))
	}
	if c.GetActOnTheSpot() {
		conds = append(conds, reason(CodeAdmin82OnTheSpot))
	}
	if amt := f.GetClaimAmountFen(); amt > 0 && amt <= adminSmallAmountFen {
		// The complaint's own sum of the case above the line leaves the
		// item unproven: the stricter reading wins, and the field is
		// reviewed (statute round 26). A sum below the field's never
		// counts the item: a reading only closes.
		if txt := ReadAdminTextAmount(f.GetText()); txt > adminSmallAmountFen {
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewAdminTextAmount, yuanWords(txt)))
		} else if r := adminSmallAmountReview(f, a.FiledOn); r != nil {
			// A measure beside the sum (statute round 38, admintext38.go):
			// the item not established; reviewed unless the parties'
			// agreement opens the procedure anyway (art. 82 ¶2).
			if !c.GetPartiesAgreeSimplified() {
				a.ReviewReasons = append(a.ReviewReasons, r)
			}
		} else {
			conds = append(conds, reason(CodeAdmin82SmallAmount))
		}
	}
	// Every cause the field names must be a disclosure case: Art. 82 ¶1(3)
	// opens simplified procedure to 政府信息公开案件, not to a field naming
	// one beside another act.
	if c.GetInformationDisclosure() || !a.Facts.Cause.anyCause(func(o Cause) bool { return o.Name != "政府信息公开" }) {
		conds = append(conds, reason(CodeAdmin82Disclosure))
	}
	if c.GetPartiesAgreeSimplified() {
		conds = append(conds, reason(CodeAdmin82Agreement))
	}
	switch {
	case a.FiledOn.Before(adminLaw2014InForce):
		// The 1989 law had no simplified procedure; the 2010 pilot
		// (法〔2010〕446号) at courts the high courts chose is not modelled.
		// Nor had it art. 82 ¶3, so a remanded or retried case cites no
		// bar of it: the procedure's absence is the one reason (until the
		// audit of citations by era, 2026-12-05, ALL82_REMANDED and
		// ALL82_RETRIAL cited today's art. 82 ¶3 on a 2013 filing).
		blocks = []*triagev1.Reason{reason(CodeAdmin82NotInForce)}
	case len(conds) == 0:
		blocks = append(blocks, reason(CodeAdmin82NotQualified))
	}
	// A basic court holding a case of 行政诉讼法第十五条第一项、第二项 holds
	// one that is not its own (第十四条) and transfers it (第二十二条): it
	// tries it in no procedure, and a single judge's 45 days is the worst
	// to recommend (statute round 32: until then only reviewed). Before
	// 2015-05-01 there was no simplified procedure to close.
	switch adminIntermediateReview(f, a) {
	case CodeReviewAdmin15GovernmentDefendant, CodeReviewAdmin15Customs:
		blocks = append(blocks, reason(CodeAdmin15IntermediateJurisdiction))
	}
	// The complaint calls its case complex or unfit (statute round 37):
	// the court's finding under art. 82 ¶1, a review, nothing closed; of
	// a case simplified procedure is open to (a closed one has nothing to
	// review, and before 2015-05-01 it is closed by its absence).
	if len(blocks) == 0 {
		adminComplexReview(f, a)
	}
	a.Options = append(a.Options,
		option(triagev1.Procedure_PROCEDURE_SIMPLIFIED, blocks, conds),
		option(triagev1.Procedure_PROCEDURE_ORDINARY, nil, nil))
}

// adminMoneyWords mark a clause whose sum is one the case is about (行政诉讼法
// 第八十二条第一款第二项 "涉及款额"): what the act takes or orders paid (罚款,
// 没收, 违法所得, 征收, 收取, 缴纳), what the plaintiff asks back or for (退还,
// 返还, 补偿, 赔偿), and the nouns of a sum of money (款, 费, 金). A sum in a
// clause with none of them (月收入3000元) is not read.
var adminMoneyWords = [...]string{"罚款", "罚没", "没收", "违法所得", "征收", "收取", "缴纳", "退还", "返还", "补偿", "赔偿", "款", "费", "金"}

// ReadAdminTextAmount returns, in fen, the largest sum of money an
// administrative complaint states in a clause about money the case is
// about (adminMoneyWords), read as civil claims are (maxYuanFen);
// 0 when none. It reads text from outside and must not panic on any string
// (FuzzReadAdminTextAmount).
func ReadAdminTextAmount(text string) int64 {
	var most int64
	folded := foldCause(text)
	for _, cl := range adminClauses(folded) {
		if !strings.ContainsAny(cl, "元万") || !containsAny(cl, adminMoneyWords[:]) {
			continue
		}
		most = max(most, maxYuanFen(cl))
	}
	return most
}

// yuanWords writes fen as a sum in yuan for a reviewer (5000元, 1.5元).
func yuanWords(fen int64) string {
	if fen%100 == 0 {
		return strconv.FormatInt(fen/100, 10) + "元"
	}
	return strconv.FormatFloat(float64(fen)/100, 'f', 2, 64) + "元"
}

// adminClauses splits a folded complaint into clauses at clauseSeparators
// and commas, but not at a comma between digits: 2,500元 is one sum
// (nextYuanSum reads the separator), and until rules 2026-12-04.44 it read
// as 500元, which counted ¶1(2) for a fine of ¥2,500 (statute round 27).
func adminClauses(folded string) []string {
	var out []string
	start := 0
	for i, r := range folded {
		if !strings.ContainsRune(clauseSeparators+",，", r) {
			continue
		}
		if r == ',' && i > 0 && i+1 < len(folded) && isASCIIDigit(folded[i-1]) && isASCIIDigit(folded[i+1]) {
			continue
		}
		if i > start {
			out = append(out, folded[start:i])
		}
		start = i + utf8.RuneLen(r)
	}
	if start < len(folded) {
		out = append(out, folded[start:])
	}
	return out
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
