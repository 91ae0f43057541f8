package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/fenjian/fenjian/internal/hanscan"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Statute round 26 (civil): more of what a civil filing's text states of
// this case and its fields do not. Each reading only makes the answer
// stricter — it closes a procedure the law closes or adds a review — and
// never opens one:
//   - a counterclaim told without the word 反诉 ("被告向本院提出诉讼请求：判
//     令原告返还押金", "被告提出反请求"): the round-25 counterclaim
//     (CPL 166(5) from 2022-01-01; before, Interp. 2015 art. 280's
//     condition);
//   - a claim to confirm a property right ("确认…房屋归原告所有", "确认原告
//     持有…公司20%股权"), or a written cause that names one the catalogue
//     does not resolve ("确认股权纠纷", "专利权权属纠纷"): a 财产确权 case,
//     which CPL 166(1) (Interp. 2015 art. 275(1) before 2022) keeps out of
//     small claims;
//   - a party added or the claims changed after filing (追加…为被告, 变更诉讼
//     请求): Interp. 278 (2015 text art. 280) takes the case out of small
//     claims only when the change makes it fail their conditions, which a
//     person must weigh — a review;
//   - this case said to be complex or difficult (案情复杂, 疑难案件; 新类型
//     and 疑难复杂 are review keywords already), and the defendant said to deny the facts (被告否认借款
//     事实): CPL 160 and 165 ¶1 open simplified procedure and small claims
//     to a simple case whose dispute is not great (Interp. 256), and CPL
//     42(4) bars a single judge from a 新类型或者疑难复杂 case; but that is
//     the court's finding, not a party's word — a review, nothing closed.
const (
	// CodeReviewPropertyConfirmationInText: the claims, or a written cause
	// the catalogue does not place, ask to confirm a property right
	// (CPL 166(1); Interp. 2015 art. 275(1)).
	CodeReviewPropertyConfirmationInText = "REVIEW_PROPERTY_CONFIRMATION_IN_TEXT"
	// CodeReviewChangeAfterFilingInText: the text states a party added or
	// the claims increased or changed (Interp. 278; 2015 text art. 280).
	CodeReviewChangeAfterFilingInText = "REVIEW_CHANGE_AFTER_FILING_IN_TEXT"
	// CodeReviewComplexInTextCivil: the text says this case is complex,
	// difficult or of a new kind (CPL 160 ¶1, 42(4); Interp. 257(7)).
	CodeReviewComplexInTextCivil = "REVIEW_COMPLEX_IN_TEXT_CIVIL"
	// CodeReviewGroupImpactInTextCivil (statute round 33): the text says
	// this case is a group dispute or draws wide public attention (CPL 42
	// (2), (3) in its own words): small claims is left to a person.
	CodeReviewGroupImpactInTextCivil = "REVIEW_GROUP_IMPACT_IN_TEXT_CIVIL"
	// CodeReviewDefendantDeniesInText: the text says the defendant denies
	// the facts or the debt (CPL 160 ¶1, 165 ¶1; Interp. 256).
	CodeReviewDefendantDeniesInText = "REVIEW_DEFENDANT_DENIES_IN_TEXT"
	// CodeReviewWhereaboutsInText: the text says a party cannot be reached
	// short of 下落不明 (失联, 联系不上; statute round 32b): CPL 166(4),
	// Interp. 257(1); small claims undetermined.
	CodeReviewWhereaboutsInText = "REVIEW_WHEREABOUTS_IN_TEXT"
	// CodeReviewWhereaboutsInTextInterp2015 is CodeReviewWhereaboutsInText of
	// a defendant from 2015-02-04 to 2021-12-31: Interp. 2015 art. 257(1)
	// with CPL 2012/2017 art. 162.
	CodeReviewWhereaboutsInTextInterp2015 = "REVIEW_WHEREABOUTS_IN_TEXT_INTERP2015"
	// CodeReviewWhereaboutsInTextOpinion1992 is CodeReviewWhereaboutsInText
	// of a defendant from 1992-07-14 to 2003-11-30: the 1992 意见's art. 169
	// (statute round 37), before 若干规定.
	CodeReviewWhereaboutsInTextOpinion1992 = "REVIEW_WHEREABOUTS_IN_TEXT_OPINION1992"
	// CodeReviewWhereaboutsInTextProv2003 is CodeReviewWhereaboutsInText of
	// a defendant from 2003-12-01 to 2015-02-03: 若干规定 art. 1(1) (with CPL
	// 2012 art. 162 from 2013).
	CodeReviewWhereaboutsInTextProv2003 = "REVIEW_WHEREABOUTS_IN_TEXT_PROV2003"
)

// caseFactRunes26 hold one rune of every word a round-26 fact needs
// (readers26, and 确认 of a property confirmation), and 型 of round 32's
// 新类型 (notSimpleIn), in foldCause's input form (caseFactRunes' companion
// for ReadCivilCaseText).
const caseFactRunes26 = "原請请追诉訴确確复復複疑否认認承型"

// counterRequestWord is the counter-request a pleading may name instead of
// 反诉 ("被告提出反请求").
const counterRequestWord = "反请求"

// courtOrders are the words of a request that the court order a party
// ("判令原告…"); requestWords those of the request itself.
var (
	courtOrders  = [...]string{"判令", "判决", "责令"}
	requestWords = [...]string{"请求", "要求", "诉请", "主张"}
)

// costsOnly are the words that make an order against the plaintiff one of
// costs, which the court decides whoever asks: no counterclaim.
var costsOnly = [...]string{"诉讼费", "受理费", "诉讼费用"}

// separateSuit marks a claim the defendant brings, or may bring, in a suit
// of its own, which is no counterclaim in this one.
var separateSuit = [...]string{"另行起诉", "另诉", "另行主张", "另案"}

// counterRequestIn returns the words of a sentence in which the defendant
// asks the court to order the plaintiff ("被告向本院提出诉讼请求：1.判令原告
// 返还押金", "被告请求判决原告支付货款"), or states a counter-request
// (反请求), "" when none: a counterclaim in substance, which the round-25
// reader, looking for 反诉, missed. The defendant must be the one asking
// — the last party named before the order is 被告, in the order's clause,
// not the object of another's act (partyObjectMarks: "原告诉被告"), with a
// request word between them, neither negated nor only intended
// (statedBrought) — and the order neither one of costs alone nor one of
// both parties ("判令原告与被告离婚", bothParties). The generated corpus
// writes "申请人…与被告…因离婚纠纷一事，请求法院判令原告与被告离婚" and "被告
// 经催告仍未履行…，另请求判令原告…享有优先受偿权": the plaintiff asks both. A pre-suit demand ("被告要求原告在网上
// 贷款") orders nothing and is not read; nor is a sentence naming another
// or a separate suit.
func counterRequestIn(held *hanscan.Text, sent string) string {
	// Every reading below needs 反请求 or an order just before 原告 that
	// is not one of both parties (counterOrderIn): a sentence without
	// either is not read further.
	if !held.Contains(sent, counterRequestWord) && !counterOrderIn(held, sent) {
		return ""
	}
	if anyIn(held, sent, otherCaseMarks[:]) || anyIn(held, sent, separateSuit[:]) {
		return ""
	}
	if statedBrought(sent, counterRequestWord) {
		return counterRequestWord
	}
	for rest, off := sent, 0; ; {
		i := strings.Index(rest, "原告")
		if i < 0 {
			return ""
		}
		at := off + i
		before := sent[:at]
		if order := suffixIn(before, courtOrders[:]); order != "" {
			asked := before[:len(before)-len(order)]
			d := strings.LastIndex(asked, "被告")
			if d >= 0 && !strings.ContainsAny(asked[d:], clauseBreaks) && !strings.Contains(asked[d:], "原告") &&
				!strings.ContainsAny(lastRune(asked[:d]), partyObjectMarks) && requestedBy(asked[d:]) &&
				!ordersCostsOnly(sent[at:]) && prefixIn(sent[at+len("原告"):], bothParties[:]) == 0 {
				return sent[d : at+len("原告")]
			}
		}
		rest, off = rest[i+len("原告"):], at+len("原告")
	}
}

// partyObjectMarks, just before 被告, make it the object of another's act
// ("原告诉被告", "申请人与被告"), not the one who asks.
const partyObjectMarks = "诉与和向对及、同"

// bothParties, just after 判令原告, make the order one of both parties
// ("判令原告与被告离婚"): the plaintiff's own claim, no counterclaim.
var bothParties = [...]string{"与被告", "和被告", "、被告", "及被告", "同被告"}

// lastRune returns s's last rune as a string, "" for "".
func lastRune(s string) string { return lastRunes(s, 1) }

// lastRunes returns s's last n runes, without the allocation []rune(s)
// costs over a long sentence (the readers are on the request path).
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// suffixIn returns the first of ws that s ends with, "" when none.
func suffixIn(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

// requestedBy reports whether what follows the defendant up to the order
// holds a request word the defendant makes: not negated, withdrawn nor
// only intended (statedBrought).
func requestedBy(s string) bool {
	for _, w := range requestWords {
		if statedBrought(s, w) {
			return true
		}
	}
	return false
}

// ordersCostsOnly reports whether the clause from the ordered party on asks
// only for the costs of the suit ("原告承担本案诉讼费").
func ordersCostsOnly(s string) bool {
	if j := strings.IndexAny(s, clauseBreaks); j >= 0 {
		s = s[:j]
	}
	return containsAny(s, costsOnly[:])
}

// statedBrought reports whether w stands in sent somewhere neither negated
// in the three runes before it (未提出反诉), nor withdrawn (撤回, 放弃), nor
// only intended (counterclaimIntended in the four runes before: 将提起反诉):
// the test a counterclaim, a counter-request and a change of the suit
// (Interp. 278) must pass to have been made.
func statedBrought(sent, w string) bool {
	for _, before := range occurrences(sent, w) {
		// "原告将诉讼请求变更为…": before the claims 将 (or 把) marks what is
		// changed, not a change only meant (statute round 28).
		if strings.HasPrefix(w, "诉讼请求") {
			before = strings.TrimSuffix(strings.TrimSuffix(before, "将"), "把")
		}
		if broughtAfter(before) {
			return true
		}
	}
	return false
}

// broughtAfter reports whether what stands before a word (before) leaves it
// made: no negation in the three runes before it, no 撤回 or 放弃 just
// before it, nothing of counterclaimIntended in the four runes before it.
func broughtAfter(before string) bool {
	for _, x := range counterclaimWithdrawn {
		if strings.HasSuffix(before, x) {
			return false
		}
	}
	near := lastRunes(before, counterclaimIntendedRunes)
	return !negatedWithin(lastRunes(before, 3), 3) && !containsAny(near, counterclaimIntended[:])
}

// claimChanges are the words of Interp. 278's 增加或者变更诉讼请求.
//
// The last four put the claims first ("原告将诉讼请求变更为：判令被告支付80000
// 元"), which round 27 did not read (statute round 28).
var claimChanges = [...]string{"变更诉讼请求", "增加诉讼请求", "变更诉请", "增加诉请", "变更其诉讼请求", "增加其诉讼请求",
	"诉讼请求变更为", "诉讼请求增加为", "诉讼请求变更至", "诉讼请求增加至"}

// addedParties are the parties 追加 may bring in (Interp. 278's 追加当事人).
var addedParties = [...]string{"被告", "第三人", "原告", "当事人"}

// addedPartyGap bounds the runes between 追加 and 为 in "追加李四为被告".
const addedPartyGap = 12

// notAParty are the words that make what is 追加 a sum, a security or an
// investment, not a party ("追加投资", "追加担保").
var notAParty = [...]string{"款", "资", "金", "保", "额"}

// changeIn returns the words of a sentence that state a party added or the
// claims increased or changed (Interp. 278), "" when none, in another suit,
// or only reserved ("保留变更诉讼请求的权利").
func changeIn(held *hanscan.Text, sent string) string {
	if anyIn(held, sent, otherCaseMarks[:]) || strings.Contains(sent, "保留") {
		return ""
	}
	for _, w := range claimChanges {
		if statedBrought(sent, w) {
			return w
		}
	}
	for rest := sent; ; {
		i := strings.Index(rest, "追加")
		if i < 0 {
			return ""
		}
		after := rest[i+len("追加"):]
		if j := strings.IndexAny(after, clauseBreaks); j >= 0 {
			after = after[:j]
		}
		if broughtAfter(rest[:i]) {
			if p := prefixIn(after, addedParties[:]); p > 0 {
				return "追加" + after[:p]
			}
			gap := firstRunes(after, addedPartyGap+1)
			if k := strings.Index(gap, "为"); k >= 0 && !anyIn(held, gap[:k], notAParty[:]) {
				party := strings.TrimPrefix(after[k+len("为"):], "共同")
				if p := prefixIn(party, addedParties[:]); p > 0 {
					return "追加" + after[:len(after)-len(party)+p]
				}
			}
		}
		rest = rest[i+len("追加"):]
	}
}

// propertyRights are the rights a claim to confirm (确认) names in a 财产确权
// case (CPL 166(1)): ownership and its shares, use and contract rights in
// land, a company's equity, intellectual property.
var propertyRights = [...]string{"所有权", "股权", "股份", "股东资格", "股东身份", "专利权", "专利申请权", "商标权", "商标专用权",
	"著作权", "使用权", "承包经营权", "物权", "产权", "共有", "份额"}

// ownedBy are the words before 所有 that say whose a thing is ("归原告所有",
// "为原告所有", "属原告所有").
var ownedBy = [...]string{"归", "为", "属"}

// notConfirmingRight are the words that make a confirmation one of a
// contract's or a resolution's validity, of a debt, or of no infringement
// ("确认股权转让协议无效", "确认股东会决议不成立", "确认不侵害专利权"): no 财产确权.
var notConfirmingRight = [...]string{"合同", "协议", "决议", "效力", "无效", "有效", "不成立", "债权", "债务", "欠款", "借款", "侵害", "侵犯", "侵权"}

// confirmedRight returns the words of a clause from 确认 on that confirm a
// property right ("确认位于…的房屋归原告所有"), "" when none: a propertyRights
// word, or 所有 after one of ownedBy, before the clause ends, with nothing
// of notConfirmingRight; 确认 neither negated nor one the parties made
// already (已确认, 双方确认, 经确认).
func confirmedRight(cl string) string {
	for rest, off := cl, 0; ; {
		i := strings.Index(rest, "确认")
		if i < 0 {
			return ""
		}
		at := off + i
		before := cl[:at]
		seg := cl[at:]
		if j := strings.IndexAny(seg, clauseBreaks); j >= 0 {
			seg = seg[:j]
		}
		made := strings.HasSuffix(before, "已") || strings.HasSuffix(before, "双方") || strings.HasSuffix(before, "经") ||
			strings.HasSuffix(before, "共同")
		if !made && !negatedWithin(lastRunes(before, 2), 2) && !containsAny(seg, notConfirmingRight[:]) && rightNamed(seg) {
			return seg
		}
		rest, off = rest[i+len("确认"):], at+len("确认")
	}
}

// rightNamed reports whether a confirmation names a property right
// (propertyRights, or 所有 after one of ownedBy).
func rightNamed(seg string) bool {
	if containsAny(seg, propertyRights[:]) {
		return true
	}
	if k := strings.Index(seg, "所有"); k > 0 {
		return containsAny(seg[:k], ownedBy[:])
	}
	return false
}

// propertyConfirmationIn returns the claim of a folded text that asks to
// confirm a property right (confirmedRight), "" when none, in the clauses
// readFoldedClaims reads (claimClauses).
func propertyConfirmationIn(held *hanscan.Text, text string) string {
	if !held.Contains(text, "确认") {
		return ""
	}
	for cl := range claimClauses(held, text) {
		if w := confirmedRight(cl); w != "" {
			return w
		}
	}
	return ""
}

// confirmationCauses are a written cause's words that name a dispute over
// whose a right is, as filings write causes the catalogue does not hold
// ("专利权权属纠纷", "房屋确权纠纷").
var confirmationCauses = [...]string{"确权", "权属纠纷", "归属纠纷"}

// propertyCauseIn returns a folded written cause when it names a property
// right's confirmation (confirmationCauses, or 确认 and a right:
// confirmedRight), "" otherwise. Only a cause the catalogue does not
// already place as one is read (civilCaseText).
func propertyCauseIn(cause string) string {
	if containsAny(cause, confirmationCauses[:]) || confirmedRight(cause) != "" {
		return cause
	}
	return ""
}

// complexWords say a case is complex or difficult (CPL 42(4): 新类型或者疑难
// 复杂). 新类型 and 疑难复杂 themselves are review keywords of the default
// rules file (REVIEW_TEXT_SIGNAL, on any text): the reader takes the other
// forms (案情复杂, 重大复杂, 疑难案件), so that one phrase gives one review.
var complexWords = [...]string{"复杂", "疑难"}

// complexKeyword is the review keyword complexIn leaves to the text signal.
const complexKeyword = "疑难复杂"

// complexIn returns the word of a sentence naming this case that calls it
// complex or difficult (complexWords, outside complexKeyword), not negated
// in the three runes before it ("并不复杂"), "" when none.
func complexIn(held *hanscan.Text, sent string) string {
	if !namesThisCase(sent) || anyIn(held, sent, otherCaseMarks[:]) {
		return ""
	}
	for _, w := range complexWords {
		for rest := sent; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			inKeyword := strings.HasPrefix(rest[i:], complexKeyword) || strings.HasSuffix(rest[:i+len(w)], complexKeyword)
			if !inKeyword && !negatedWithin(lastRunes(rest[:i], 3), 3) {
				return w
			}
			rest = rest[i+len(w):]
		}
	}
	return ""
}

// newTypeWord is CPL 42(4)'s 新类型: with complexKeyword, the words a
// complaint calls its case one no single judge may hear.
const newTypeWord = "新类型"

// groupImpactWords are CPL 42 (2) and (3)'s own words for the cases no
// single judge may hear (涉及群体性纠纷，可能影响社会稳定; 人民群众广泛关注
// 或者其他社会影响较大): a complaint saying them of this case states no
// simple case (statute round 33). 重大社会影响 is majorImpactIn's.
var groupImpactWords = [...]string{"群体性纠纷", "社会影响较大", "广泛关注"}

// groupImpactIn returns the word of a sentence naming this case (and no
// other suit) that says it is a group dispute or draws wide attention
// (groupImpactWords), not negated in the three runes before it ("不属于群体
// 性纠纷", "未引起广泛关注"), "" when none.
func groupImpactIn(held *hanscan.Text, sent string) string {
	if !namesThisCase(sent) || anyIn(held, sent, otherCaseMarks[:]) {
		return ""
	}
	return firstNotNegated(sent, groupImpactWords[:])
}

// notSimpleIn returns the word of a sentence naming this case that calls it
// new or complex and difficult in CPL 42(4)'s own words (新类型, 疑难复杂),
// not negated in the three runes before it ("不属于新类型"), "" when none.
// complexIn leaves these forms to the review keywords (REVIEW_TEXT_SIGNAL:
// one phrase, one review); notSimpleIn reads them for what they do to small
// claims alone (notSimpleSmallClaims, statute round 32).
func notSimpleIn(held *hanscan.Text, sent string) string {
	if !namesThisCase(sent) || anyIn(held, sent, otherCaseMarks[:]) {
		return ""
	}
	return firstNotNegated(sent, []string{newTypeWord, complexKeyword})
}

// firstNotNegated returns the first of words, in their order, that occurs
// in sent somewhere not negated in the three runes before it, "" when none:
// one occurrence negated ("不属于新类型…") does not hide a later plain one.
func firstNotNegated(sent string, words []string) string {
	for _, w := range words {
		for _, before := range occurrences(sent, w) {
			if !negatedWithin(lastRunes(before, 3), 3) {
				return w
			}
		}
	}
	return ""
}

// denialWords state that a party denies a fact or a debt.
var denialWords = [...]string{"否认", "不认可", "不承认", "抵赖", "不予认可", "不予承认"}

// denialIn returns the words of a sentence in which the defendant denies
// the facts or the debt ("被告否认借款事实", "被告对欠款不予认可"), "" when
// none: a denial word not negated in the two runes before it (未否认, 不否
// 认) whose subject is the defendant — the last party named before it is
// 被告, with no other person after it (otherPersons: 被告之妻否认) —, in a
// sentence naming no other suit.
func denialIn(held *hanscan.Text, sent string) string {
	if anyIn(held, sent, otherCaseMarks[:]) {
		return ""
	}
	for _, w := range denialWords {
		for rest, off := sent, 0; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			at := off + i
			before := sent[:at]
			d := strings.LastIndex(before, "被告")
			if d >= 0 && !negatedWithin(lastRunes(before, 2), 2) && !strings.Contains(before[d:], "原告") &&
				!anyIn(held, before[d:], otherPersons) {
				return sent[d : at+len(w)]
			}
			rest, off = rest[i+len(w):], at+len(w)
		}
	}
	return ""
}

// orderedPlaintiff are the words every counter-request counterRequestIn
// reads by its order holds: a court order just before 原告.
var orderedPlaintiff = [...]string{"判令原告", "判决原告", "责令原告"}

// counterOrderIn reports whether s holds one of orderedPlaintiff (a
// courtOrders word just before 原告) that no word of bothParties follows:
// every counter-request counterRequestIn reads by its order has one, and a
// divorce complaint's "判令原告与被告离婚" is none, so that its sentences
// are not each read for one (counterRequestIn was 4% of the bench
// complaint's Decide: callgrind 2026-12-06). One search of 原告 and a look
// on either side of each: 原告 does not overlap itself, so no occurrence
// is passed over. A word of bothParties holds no sentence break, so a
// sentence holds such an order exactly where the text holds it in that
// sentence (readersFor26 asks the text, counterRequestIn the sentence).
func counterOrderIn(held *hanscan.Text, s string) bool {
	for at := range occurrencesIn(held, s, "原告") {
		if suffixIn(s[:at], courtOrders[:]) != "" && prefixIn(s[at+len("原告"):], bothParties[:]) == 0 {
			return true
		}
	}
	return false
}

// readers26 says which round-26 sentence readers a folded text can give a
// fact to: each holds, in the whole text, a word without which its reader
// returns "" on every sentence (counterRequestIn: 反请求 or an order just
// before 原告 not of both parties, counterOrderIn; changeIn: claimChanges or 追加; complexIn: complexWords;
// denialIn: denialWords). A complaint names 原告 and 被告 in most of its
// sentences, and a reader run on every sentence of it cost twice the
// rest of a Decide (callgrind, 2026-12-05: 0.40 M → 0.93 M instructions);
// asked once of the whole text, the words leave most readers unrun.
type readers26 struct{ counter, change, complex, denial bool }

// readersFor26 is readers26 for a folded text with its characters.
func readersFor26(held *hanscan.Text) readers26 {
	text := held.String()
	return readers26{
		counter: held.Contains(text, counterRequestWord) || counterOrderIn(held, text),
		change:  changeWordsIn(held) || held.Contains(text, "追加"),
		complex: anyIn(held, text, complexWords[:]) || held.Contains(text, newTypeWord) || anyIn(held, text, groupImpactWords[:]),
		denial:  denialGated.containsAny(held, text),
	}
}

// changeWordsIn reports whether a folded text holds one of claimChanges.
// Each holds 变更 or 增加, which most complaints do not: two searches
// decide them, not ten (statute round 28 added four words).
func changeWordsIn(held *hanscan.Text) bool {
	text := held.String()
	return (held.Contains(text, "变更") || held.Contains(text, "增加")) && anyIn(held, text, claimChanges[:])
}

// any reports whether any round-26 sentence reader can read a fact.
func (r readers26) any() bool { return r.counter || r.change || r.complex || r.denial }

// readCaseFacts26 fills the round-26 facts of one sentence of a folded
// text into t (those not read yet), running only the readers r leaves.
// The property confirmation is read over the whole text's claims by
// readFoldedCaseFacts.
func readCaseFacts26(held *hanscan.Text, sent string, t *CivilCaseFacts, r readers26) {
	if r.counter && t.Counterclaim == "" {
		t.Counterclaim = counterRequestIn(held, sent)
	}
	// Every change sentence is read for its sum (round 27: the largest
	// decides), the first for the words the review quotes.
	if r.change {
		if w := changeIn(held, sent); w != "" {
			if t.Changed == "" {
				t.Changed = w
			}
			t.ChangedFen = max(t.ChangedFen, changeSumFen(sent, w))
		}
	}
	if r.complex && t.Complex == "" {
		t.Complex = complexIn(held, sent)
	}
	if r.complex && t.NotSimple == "" {
		t.NotSimple = notSimpleIn(held, sent)
	}
	if r.complex && t.GroupImpact == "" {
		t.GroupImpact = groupImpactIn(held, sent)
	}
	if r.denial && t.Denial == "" {
		t.Denial = denialIn(held, sent)
	}
}

// civilCaseText26 adds the round-26 reviews that close nothing (a change
// after filing, a complex case, a denial) for a filing of date on: each
// quotes its words. A change after filing is read from 2015-02-04, when the
// 2015 interpretation's art. 280 (the 2022 text's 278) first said what it
// does to a small claim; before, CPL 2012 art. 162 said nothing of it.
func civilCaseText26(t CivilCaseFacts, a *Assessment) {
	if t.Changed != "" && !a.FiledOn.Before(interp2015InForce) {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewChangeAfterFilingInText, t.Changed))
	}
	if t.Complex != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewComplexInTextCivil, t.Complex))
	}
	if t.GroupImpact != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewGroupImpactInTextCivil, t.GroupImpact))
	}
	if t.Denial != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewDefendantDeniesInText, t.Denial))
	}
}

// propertyStated reports whether a filing states a property confirmation
// already: its flag, or a cause the catalogue places as one.
func propertyStated(c *triagev1.Circumstances, cause Cause) bool {
	return c.GetPropertyRightsConfirmation() ||
		cause.anyCause(func(o Cause) bool { return o.Category == CategoryPropertyConfirmation })
}
