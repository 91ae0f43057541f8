package rules

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 27 (civil): what a civil complaint's text states of this
// case and its fields do not, read only in the strict direction (a
// procedure the law closes is closed, or a review is added; nothing is
// opened):
//   - a claim of personal status (人身关系) beside a money claim ("判令原告
//     与被告离婚", "解除…收养关系", "确认…不存在亲子关系", "由原告直接抚养"):
//     CPL 166(1) keeps 人身关系 cases out of small claims (from 2015-02-04
//     to 2021-12-31 Interp. 2015 art. 275(1), and from 2013 CPL 2012 art.
//     162, as for a cause that says so); until this round such a claim was
//     read only as a claim not for money, which leaves small claims to a
//     person;
//   - a changed or increased claim (增加/变更诉讼请求) whose new sum is above
//     the province's figure: Interp. 278 ¶1 (2015 text art. 280) takes the
//     case out of small claims when the change makes it fail their
//     conditions, and a 标的额 above CPL 165's figure (CPL 2012/2017 art.
//     162's before 2022) fails them. The sum is compared with the figure
//     (changedClaimBand); until this round only a review was added.
const (
	// CodeReviewPersonalStatusInText: the claims ask the court to decide a
	// personal status — a divorce, an adoption, parentage, custody or
	// guardianship — under a cause that is not one (CPL 166(1); Interp.
	// 2015 art. 275(1)).
	CodeReviewPersonalStatusInText = "REVIEW_PERSONAL_STATUS_IN_TEXT"
	// CodeInterp278ChangedOverLimit: the text states a changed or increased
	// claim whose sum is above the figure (民诉法解释第二百七十八条第一款, from
	// 2022-04-10).
	CodeInterp278ChangedOverLimit = "INTERP278_CHANGED_CLAIM_OVER_LIMIT"
	// CodeInterp2015ChangedOverLimit: the same under 民诉法解释（2015年）第二百
	// 八十条 (2015-02-04 to 2022-04-09).
	CodeInterp2015ChangedOverLimit = "INTERP2015_280_CHANGED_CLAIM_OVER_LIMIT"
	// CodeCPL2012ChangedOverLimit: the same under 民事诉讼法（2012年修正）第一百
	// 六十二条 alone (2013-01-01 to 2015-02-03): a 标的额 above 30% is no
	// small claim.
	CodeCPL2012ChangedOverLimit = "CPL2012_162_CHANGED_CLAIM_OVER_LIMIT"
)

// caseFactRunes27 hold one rune of every word a round-27 personal-status
// claim needs (statusRunes), in foldCause's input form (caseFactRunes'
// companion for ReadCivilCaseText).
const caseFactRunes27 = "婚养養亲親监監探"

// holdsStatusRune reports whether a clause holds one rune of every word
// personalStatusClaim reads (婚 of 离婚 and 婚姻, 养 of 收养, 抚养, 扶养,
// 赡养, 亲 of 亲子, 监 of 监护, 探 of 探望): readFoldedClaims asks the reader
// of a claims clause only when it does, so that the claims are walked once.
// A switch over the clause's runes is a fifth of strings.ContainsAny's
// cost (callgrind, 2026-12-05).
func holdsStatusRune(cl string) bool {
	for _, r := range cl {
		switch r {
		case '婚', '养', '亲', '监', '探':
			return true
		}
	}
	return false
}

// statusRelations are the relations of 人身关系 a claim may ask the court to
// dissolve, confirm, deny or change (statusVerbs), and statusVerbs those
// acts.
var (
	statusRelations = [...]string{"婚姻关系", "收养关系", "亲子关系", "抚养关系", "扶养关系", "赡养关系", "监护关系"}
	statusVerbs     = [...]string{"解除", "确认", "否认", "变更", "撤销", "终止", "宣告"}
)

// statusWords are claims of status that need no verb: a marriage void or
// set aside, custody, guardianship, visitation.
var statusWords = [...]string{"婚姻无效", "撤销婚姻", "婚姻关系无效", "抚养权", "监护权", "探望权", "监护人资格"}

// custodyBy is "由/归 + party + (直接) + 抚养/监护": a claim that a child
// be raised by a party ("判令婚生女由原告抚养").
var (
	custodyBy    = [...]string{"由", "归"}
	custodyParty = [...]string{"原告", "被告", "申请人", "被申请人"}
	custodyActs  = [...]string{"直接抚养", "抚养", "监护"}
)

// custodyNow, just before 由/归, and custodyPast, just after the act, make
// a custody one the claim tells as a fact ("婚生子现由原告抚养，判令被告支
// 付抚养费", "由原告抚养期间"): a claim for maintenance, which CPL 166(1)
// does not close. "随原告生活" is not read for the same reason: a
// maintenance claim says so of the child far more often than a custody
// claim asks it.
var (
	custodyNow  = [...]string{"现", "目前", "一直", "实际", "已", "均", "长期", "平时", "仍"}
	custodyPast = [...]string{"期间", "至今", "的", "之"}
)

// guardianVerbs, in a clause naming 监护人, make it a claim to appoint,
// change or remove a guardian ("变更原告为李某的监护人").
var guardianVerbs = [...]string{"变更", "指定", "撤销", "确定", "担任"}

// divorceNotClaimed are the words after 离婚 that make it a fact, a
// document or a sum rather than a claim to divorce ("离婚协议", "离婚时",
// "离婚损害赔偿", "离婚后财产").
var divorceNotClaimed = [...]string{"后", "损害", "赔偿", "协议", "时", "证", "登记", "判决", "调解", "纠纷", "案", "诉讼", "财产", "手续", "冷静", "的",
	"产生", "期间", "前", "之", "而"}

// divorceDone are the words before 离婚 that make it one already made or
// its cause ("已离婚", "协议离婚", "2019年离婚", "因离婚").
var divorceDone = [...]string{"已", "协议", "经", "曾", "判决后", "登记", "办理", "后", "因", "年", "月", "日"}

// personalStatusClaim returns the words of a claims clause that ask for a
// divorce (divorceClaimed), to dissolve, confirm, deny or change a relation
// of status (statusRelations after one of statusVerbs, the verb neither
// negated nor the parties' own: 已确认, 双方确认), a marriage void or custody
// (statusWords, not negated), a child's custody given to a party
// (custodyBy), or a guardian appointed or changed; "" when none.
func personalStatusClaim(cl string) string {
	if w := divorceClaimed(cl); w != "" {
		return w
	}
	for _, rel := range statusRelations {
		i := strings.Index(cl, rel)
		if i < 0 {
			continue
		}
		for _, v := range statusVerbs {
			if j := strings.LastIndex(cl[:i], v); j >= 0 && actMade(cl[:j]) {
				return cl[j : i+len(rel)]
			}
		}
	}
	for _, w := range statusWords {
		if statedNotNegated(cl, w, 3) {
			return w
		}
	}
	if w := custodyGiven(cl); w != "" {
		return w
	}
	if i := strings.Index(cl, "监护人"); i >= 0 {
		for _, v := range guardianVerbs {
			if j := strings.LastIndex(cl[:i], v); j >= 0 && actMade(cl[:j]) {
				return cl[j : i+len("监护人")]
			}
		}
	}
	return ""
}

// actMade reports whether what stands before an act's verb leaves it one
// the claim asks for: not negated in the two runes before it, nor one the
// parties made already (已, 双方, 经, 共同).
func actMade(before string) bool {
	return !negatedWithin(lastRunes(before, 2), 2) && suffixIn(before, []string{"已", "双方", "经", "共同"}) == ""
}

// divorceClaimed returns 离婚 where a clause asks for it: not negated in the
// three runes before it (不要求离婚, 不准离婚), nor one already made
// (divorceDone), nor a fact, a document or a sum (divorceNotClaimed); ""
// otherwise.
func divorceClaimed(cl string) string {
	const w = "离婚"
	for at, before := range occurrences(cl, w) {
		if !negatedWithin(lastRunes(before, 3), 3) && suffixIn(before, divorceDone[:]) == "" &&
			prefixIn(cl[at+len(w):], divorceNotClaimed[:]) == 0 {
			return w
		}
	}
	return ""
}

// custodyGiven returns the words of a clause that give a child's custody to
// a party (custodyBy, custodyParty, custodyActs: "由原告直接抚养", "归被告
// 抚养"), not 抚养费 nor one told as a fact (custodyNow, custodyPast); ""
// when none.
func custodyGiven(cl string) string {
	for _, by := range custodyBy {
		for rest, off := cl, 0; ; {
			i := strings.Index(rest, by)
			if i < 0 {
				break
			}
			at := off + i + len(by)
			tail := cl[at:]
			if p := prefixIn(tail, custodyParty[:]); p > 0 {
				act := tail[p:]
				if q := prefixIn(act, custodyActs[:]); q > 0 && !strings.HasPrefix(act[q:], "费") && actMade(cl[:off+i]) &&
					suffixIn(cl[:off+i], custodyNow[:]) == "" && prefixIn(act[q:], custodyPast[:]) == 0 {
					return cl[off+i : at+p+q]
				}
			}
			rest, off = rest[i+len(by):], at
		}
	}
	return ""
}

// changeSumFen is the largest sum in yuan, in fen, a sentence stating a
// changed or increased claim (changeIn read w in it) gives the new claim,
// 0 when none: read after the change's words, clause by clause (before
// them only the clause after a verb of the new value, newValueVerbs, or
// after a claim told as it stands now, presentClaimMarks), and
// in a clause only
//   - not an old sum: what stands from 由 to the next 为, 至 or 到 ("由80000
//     元变更为5000元") is dropped;
//   - not a reduction: a clause with reducedBy (减少, 放弃, 已还 …) is not
//     read, unless the word is followed by 为 or 至 ("减少为3万元");
//   - not a base or a measure: a sum followed by 的, 为基数 or 基数 ("以80000
//     元为基数计算的利息") is not the claim.
//
// It is a lower bound of the new 标的额 (an increase adds to claims it
// does not restate), which is all a comparison with the figure needs.
func changeSumFen(sent, w string) int64 {
	if prefixIn(w, claimChanges[:]) == 0 {
		return 0 // a party added: no sum
	}
	i := strings.Index(sent, w)
	if i < 0 {
		return 0
	}
	// "将诉讼请求金额由5000元变更为80000元，即变更诉讼请求": the new value may
	// stand before the change's words, after a verb of the new value.
	var most int64
	eachClauseAfter(sent[:i], newValueVerbs[:], func(cl string) {
		most = max(most, claimedSumFen(cl))
	})
	// "原告现主张借款本金80000元，故变更诉讼请求": the claim as it now stands,
	// told before the change's words (statute round 28), read as a clause
	// after them is.
	eachClauseAfter(sent[:i], presentClaimMarks[:], func(cl string) {
		if cl = dropOldSums(cl); !reducedClause(cl) && holdsSumUnit(cl) {
			most = max(most, claimedSumFen(cl))
		}
	})
	for rest := sent[i+len(w):]; rest != ""; {
		var cl string
		if j := strings.IndexAny(rest, clauseBreaks); j >= 0 {
			cl, rest = rest[:j], rest[j+1:]
		} else {
			cl, rest = rest, ""
		}
		cl = dropOldSums(cl)
		if reducedClause(cl) || !holdsSumUnit(cl) {
			continue
		}
		most = max(most, claimedSumFen(cl))
	}
	return most
}

// reducedBy are the words that make a clause of a change one that takes
// away from the claims, whose sum is no new 标的额.
var reducedBy = [...]string{"减少", "放弃", "撤回", "扣除", "减去", "降低", "已还", "已付", "已支付", "已偿还", "不再"}

// reducedClause reports whether a clause reduces the claims (reducedBy not
// followed by 为, 至 or 到: "减少本金6万元", not "减少为3万元").
func reducedClause(cl string) bool {
	for _, r := range reducedBy {
		for at := range occurrences(cl, r) {
			if prefixIn(cl[at+len(r):], newValueMarks[:]) == 0 {
				return true
			}
		}
	}
	return false
}

// presentClaimMarks tell the claim as it stands now, before the change's
// words of the same sentence ("现主张80000元，故变更诉讼请求").
var presentClaimMarks = [...]string{"现主张", "现请求", "现要求", "现诉请"}

// newValueVerbs state a claim's new value ("由5000元变更为80000元").
var newValueVerbs = [...]string{"变更为", "变更至", "增加为", "增加至", "调整为", "调整至", "提高为", "提高至"}

// newValueMarks introduce the new value of a change (变更为, 减少至).
var newValueMarks = [...]string{"为", "至", "到"}

// dropOldSums removes from a clause each span from 由 to the next of
// newValueMarks, the old value of a change ("由80000元变更为"); a 由 with
// none after it is kept.
func dropOldSums(cl string) string {
	for {
		i := strings.Index(cl, "由")
		if i < 0 {
			return cl
		}
		tail := cl[i+len("由"):]
		j := -1
		for _, m := range newValueMarks {
			if k := strings.Index(tail, m); k >= 0 && (j < 0 || k < j) {
				j = k
			}
		}
		if j < 0 {
			return cl
		}
		cl = cl[:i] + tail[j+len("为"):] // every newValueMarks word is one rune of 3 bytes
	}
}

// sumQualifiers after a sum make it a base or a measure of the claim, not
// the claim ("以80000元为基数", "80000元的利息").
var sumQualifiers = [...]string{"的", "为基数", "基数", "为本金", "计"}

// claimedSumFen is the largest sum in yuan of a clause in digits
// (nextYuanSum) or Chinese numerals (numeralSums) not followed by one of
// sumQualifiers, in fen; 0 when none.
func claimedSumFen(cl string) int64 {
	var most int64
	for at := 0; ; {
		num, unit, end, ok := nextYuanSum(cl, at)
		if !ok {
			break
		}
		if prefixIn(cl[end:], sumQualifiers[:]) == 0 {
			most = max(most, fenOf(num, unit))
		}
		at = end
	}
	var buf [8][2]int
	for _, loc := range numeralSums(cl, buf[:0]) {
		// A run after a decimal point or a separator is the tail of a sum
		// in digits ("6.5万元"), which nextYuanSum reads.
		if loc[0] > 0 && strings.ContainsRune(".,", rune(cl[loc[0]-1])) || prefixIn(cl[loc[1]:], sumQualifiers[:]) > 0 {
			continue
		}
		most = max(most, maxNumeralFen(cl[loc[0]:loc[1]]))
	}
	return most
}

// changedClaimBand returns the band a changed claim the text states
// (Facts.ChangedClaimFen) puts a small claim in, when it is worse than b,
// the band of the amount field, with the reason that cites the article of
// the filing date (changedOverCodeOn); b and nil otherwise. A claim within
// the mandatory figure changes nothing; without an amount field only a sum
// above every figure the parties could agree (over) decides, the changed
// sum being a lower bound. Before 2015-02-04 the change's review, which
// civilCaseText26 gives from that day, is added here when the sum decides.
func changedClaimBand(a *Assessment, b amountBand, amount int64, agree bool, lim limit, found bool) (amountBand, *triagev1.Reason) {
	fen := a.Facts.ChangedClaimFen
	code := changedOverCodeOn(a.FiledOn)
	if !found || code == "" || fen <= amount || b == bandOverMandatory || b == bandOverAgreement {
		return b, nil
	}
	bc := band(fen, agree, lim)
	over := bc == bandOverMandatory || bc == bandOverAgreement
	if bc == bandMandatory || bc == b || amount == 0 && !over {
		return b, nil
	}
	if a.FiledOn.Before(interp2015InForce) {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewChangeAfterFilingInText, a.Facts.ChangedClaim))
	}
	return bc, reason(code)
}

// changedOverCodeOn is the code of a changed claim above the figure for a
// filing of that date: Interp. 278 from 2022-04-10, the 2015 text's art.
// 280 from 2015-02-04, CPL 2012 art. 162 from 2013-01-01; "" before, when
// there were no small claims.
func changedOverCodeOn(on time.Time) string {
	switch {
	case !on.Before(interp2022InForce):
		return CodeInterp278ChangedOverLimit
	case !on.Before(interp2015InForce):
		return CodeInterp2015ChangedOverLimit
	case !on.Before(cpl2012InForce):
		return CodeCPL2012ChangedOverLimit
	}
	return ""
}

// personalStatusStated reports whether a filing states personal status
// already: its flag, or a cause the catalogue places as one.
func personalStatusStated(c *triagev1.Circumstances, cause Cause) bool {
	return c.GetPersonalStatus() || cause.anyCause(func(o Cause) bool { return o.Category == CategoryPersonalStatus })
}

// regionalResidents are the words that say a person is a resident of Hong
// Kong, Macao or Taiwan (民诉法解释第五百四十九条, with 第五百二十条).
var regionalResidents = [...]string{"香港特别行政区居民", "澳门特别行政区居民", "香港永久性居民", "澳门永久性居民", "香港居民", "澳门居民",
	"台湾地区居民", "台湾居民", "台湾同胞", "台胞", "港澳居民", "港澳台居民"}

// regionalResidentStated reports whether a folded text says a party is a
// resident of Hong Kong, Macao or Taiwan (regionalResidents), not negated
// just before (negations: "被告非香港居民"), of one of subjects
// (partySubject: "证人系香港居民" is no party's).
func regionalResidentStated(held *hanscan.Text, text string, subjects []string) bool {
	// Every word holds 居民 or 胞 (台胞, 台湾同胞): two scans of the text
	// decide most filings, which name neither (it runs on every civil
	// Decide; a gate on 居 alone let the words be searched on a complaint
	// that says 居住, +51,000 instructions: callgrind, 2026-12-05).
	if !held.Contains(text, "居民") && !held.Contains(text, "胞") {
		return false
	}
	for _, w := range regionalResidents {
		for at := range occurrencesIn(held, text, w) {
			if suffixIn(text[:at], negations) == "" && partySubject(text, at, subjects) {
				return true
			}
		}
	}
	return false
}

// sideTotalWords may stand between a side and its count ("原告共计12人").
var sideTotalWords = [...]string{"共计", "合计", "一共", "共", "计"}

// sideTotals returns the most persons the text says a side has where the
// count follows the side itself ("原告共计12人", "原告十二人推选代表人"),
// which sideCounts, reading a count after 等, does not read: each side's
// largest, 0 when none. The count is digits or the numerals chineseCount
// reads, then 人 or 名. The text is walked once, from each 告 (both sides
// end in it): it runs on every civil Decide.
func sideTotals(held *hanscan.Text, text string) (plaintiffs, defendants int) {
	const gao = "告"
	for at := range occurrencesIn(held, text, gao) {
		off := at + len(gao)
		if at < len("原") {
			continue
		}
		side := text[at-len("原") : at]
		if side != "原" && side != "被" {
			continue
		}
		n := sideTotalAt(text[off:])
		if side == "原" {
			plaintiffs = max(plaintiffs, n)
		} else {
			defendants = max(defendants, n)
		}
	}
	return plaintiffs, defendants
}

// sideTotalAt is the count that rest, what follows a side, begins with
// (sideTotals), 0 when none.
func sideTotalAt(rest string) int {
	// Nearly every 原告 and 被告 of a complaint is followed by neither a
	// count nor a word of sideTotalWords: one rune decides.
	if r, _ := utf8.DecodeRuneInString(rest); !countRune(r) && r != '共' && r != '合' && r != '一' && r != '计' {
		return 0
	}
	if p := prefixIn(rest, sideTotalWords[:]); p > 0 {
		rest = rest[p:]
	}
	n := 0
	for _, r := range rest {
		if !countRune(r) {
			break
		}
		n += utf8.RuneLen(r)
	}
	if n == 0 || prefixIn(rest[n:], []string{"人", "名"}) == 0 {
		return 0
	}
	return chineseCount(rest[:n])
}

// countRune reports whether r is a rune of a count chineseCount reads.
func countRune(r rune) bool {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零':
		return true
	}
	return false
}

// habitualResidenceAbroad matches a habitual residence (经常居所地) stated
// outside the mainland: a foreign country, 境外, 国外, or Hong Kong, Macao
// or Taiwan (民诉法解释第五百二十条第二项, 第五百四十九条).
var habitualResidenceAbroad = regexp.MustCompile(`经常居所地?(?:在|为|位于|系|是)?(?:` + foreignCountries + `|境外|国外|香港|澳门|台湾)`)

// residenceAbroadStated reports whether a folded text says a party's
// habitual residence is outside the mainland (habitualResidenceAbroad),
// of one of subjects (partySubject).
func residenceAbroadStated(held *hanscan.Text, text string, subjects []string) bool {
	if !held.Contains(text, "经常居所") {
		return false
	}
	for _, loc := range habitualResidenceAbroad.FindAllStringIndex(text, -1) {
		if partySubject(text, loc[0], subjects) {
			return true
		}
	}
	return false
}

// eachClauseAfter calls f with the rest of the clause after every
// occurrence in text of each of marks, in the order of marks.
func eachClauseAfter(text string, marks []string, f func(clause string)) {
	for _, m := range marks {
		for rest := text; ; {
			k := strings.Index(rest, m)
			if k < 0 {
				break
			}
			rest = rest[k+len(m):]
			cl := rest
			if j := strings.IndexAny(cl, clauseBreaks); j >= 0 {
				cl = cl[:j]
			}
			f(cl)
		}
	}
}
