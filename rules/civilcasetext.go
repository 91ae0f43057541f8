package rules

import (
	"cmp"
	"iter"
	"strings"
	"unicode"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 25 (civil): the facts of this case a civil filing's text
// states and its circumstances do not. A retrial under 审判监督程序, a third
// party's suit against an effective judgment, the national or social public
// interest, a major social impact and a counterclaim each close a procedure
// (民诉法解释第二百五十七条第四项至第六项; 民事诉讼法第四十二条第一项、第三项,
// 第一百六十六条第五项), yet until rules 2026-12-04.36 a civil filing's text
// was read for none of them: "本院按照审判监督程序对本案进行再审" kept small
// claims mandatory. Each is read in the strict direction only, set on a copy
// of the filing and reviewed with the words read; as for a remand
// (civilremand.go), only a sentence that speaks of this case counts.
const (
	// CodeReviewRetrialInTextCivil: the text states that this case is
	// retried under 审判监督程序 (民诉法解释第二百五十七条第四项; 民事诉讼法
	// 第四十一条第四款).
	CodeReviewRetrialInTextCivil = "REVIEW_RETRIAL_IN_TEXT_CIVIL"
	// CodeReviewThirdPartyRevocationInText: the text states a third party's
	// suit to change or set aside an effective judgment, ruling or
	// mediation statement (民事诉讼法第五十九条第三款; 民诉法解释第二百五十七条
	// 第六项、第二百九十二条).
	CodeReviewThirdPartyRevocationInText = "REVIEW_THIRD_PARTY_REVOCATION_IN_TEXT"
	// CodeReviewPublicInterestInTextCivil: the text states that this case
	// concerns the national or social public interest (民诉法解释第二百五十七条
	// 第五项; 民事诉讼法第四十二条第一项).
	CodeReviewPublicInterestInTextCivil = "REVIEW_PUBLIC_INTEREST_IN_TEXT_CIVIL"
	// CodeReviewCounterclaimInText: the text states a counterclaim in this
	// case (民事诉讼法第一百六十六条第五项 from 2022-01-01).
	CodeReviewCounterclaimInText = "REVIEW_COUNTERCLAIM_IN_TEXT"
	// CodeReviewMajorImpactInTextCivil: the text states that this case has a
	// major social impact (民事诉讼法第四十二条第三项; 人民陪审员法第十六条第四项).
	CodeReviewMajorImpactInTextCivil = "REVIEW_MAJOR_SOCIAL_IMPACT_IN_TEXT_CIVIL"
)

// CivilCaseFacts are the facts of this case a civil filing's text states:
// each is the words that state it, "" when none.
type CivilCaseFacts struct {
	// Retrial: this case is retried under 审判监督程序 (retrialIn in a
	// sentence naming this case).
	Retrial string
	// ThirdPartyRevocation: the claims ask to change or set aside an
	// effective judgment, ruling or mediation statement (revokesJudgment),
	// or the text says this suit is a 第三人撤销之诉.
	ThirdPartyRevocation string
	// PublicInterest: 涉及国家利益, 涉及社会公共利益 not negated, said of
	// this case.
	PublicInterest string
	// MajorImpact: 重大社会影响, 社会影响重大 not negated (majorImpactIn),
	// said of this case.
	MajorImpact string
	// Counterclaim: 反诉 not negated nor withdrawn, said of this case; or
	// (round 26) the defendant's request that the court order the
	// plaintiff, or its 反请求 (counterRequestIn).
	Counterclaim string
	// PropertyConfirmation (round 26): a claim to confirm a property right
	// (propertyConfirmationIn).
	PropertyConfirmation string
	// Changed (round 26): a party added or the claims changed (changeIn).
	Changed string
	// Complex (round 26): this case called complex, difficult or new
	// (complexIn).
	Complex string
	// NotSimple (round 32): this case called 新类型 or 疑难复杂, the
	// forms complexIn leaves to the review keywords (notSimpleIn).
	NotSimple string
	// GroupImpact (round 33): this case called a group dispute or one of
	// wide public attention in CPL 42 (2), (3)'s words (groupImpactIn).
	GroupImpact string
	// Denial (round 26): the defendant denies the facts or the debt
	// (denialIn).
	Denial string
	// PersonalStatus (round 27): a claim to decide a personal status
	// (ClaimsReading.PersonalStatus).
	PersonalStatus string
	// ChangedFen (round 27): the largest sum a changed or increased claim
	// states (changeSumFen), in fen; 0 when none.
	ChangedFen int64
}

// sentenceBreaks end a sentence for the readers of this case's facts, in
// foldCause's form (；！？ fold to ;!?, a line break is dropped).
const sentenceBreaks = "。；;!?！？\n"

// sentencesOf yields the sentences of a folded text: its non-empty runs
// between sentenceBreaks, as strings.FieldsFuncSeq with a test of each
// rune against them would. It looks at bytes (sentenceBreakAt): the rune
// test cost ~150 instructions a rune, a fifth of a Decide once round 26's
// readers read most complaints sentence by sentence (callgrind,
// 2026-12-05). TestSentencesOf compares the two on random texts.
func sentencesOf(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		t := &sentenceBreakLeads
		for i := 0; i < len(text); {
			// Four bytes a step while none begins a break: breaks are
			// a few in a hundred bytes, and one byte a step was half
			// the cost of the round-25 and round-26 readers (callgrind,
			// 2026-12-05).
			for i+4 <= len(text) {
				w := text[i : i+4]
				if t[w[0]] || t[w[1]] || t[w[2]] || t[w[3]] {
					break
				}
				i += 4
			}
			if i >= len(text) {
				break
			}
			if !t[text[i]] {
				i++
				continue
			}
			n := sentenceBreakAt(text, i)
			if n == 0 {
				i++
				continue
			}
			if i > start && !yield(text[start:i]) {
				return
			}
			i += n
			start = i
		}
		if start < len(text) {
			yield(text[start:])
		}
	}
}

// sentenceBreakLeads are the first bytes of sentenceBreaks: any other byte
// starts none, and is passed without a call (most of a text's bytes).
var sentenceBreakLeads = func() (t [256]bool) {
	for _, r := range sentenceBreaks {
		t[string(r)[0]] = true
	}
	return t
}()

// sentenceBreakAt is the length of the sentence break (sentenceBreaks) that
// starts at byte i of s, 0 when none does. The ASCII breaks are never part
// of another rune, and the lead bytes of 。 (0xE3) and of ；！？ (0xEF) begin a
// rune wherever they stand, so a byte test finds what a rune test finds.
func sentenceBreakAt(s string, i int) int {
	switch s[i] {
	case ';', '!', '?', '\n':
		return 1
	case 0xe3:
		if strings.HasPrefix(s[i:], "。") {
			return len("。")
		}
	case 0xef:
		rest := s[i:]
		if strings.HasPrefix(rest, "；") || strings.HasPrefix(rest, "！") || strings.HasPrefix(rest, "？") {
			return len("；")
		}
	}
	return 0
}

// namesThisCase reports whether a sentence names the case being filed
// (thisCaseMarks).
func namesThisCase(sent string) bool {
	for _, m := range thisCaseMarks {
		if strings.Contains(sent, m) {
			return true
		}
	}
	return false
}

// otherCaseMarks name another suit than this one: a sentence holding one
// tells that suit's history ("被告曾在另案中提出反诉").
var otherCaseMarks = [...]string{"另案", "前案", "该案", "他案"}

// ownSuitWords are the words in which a pleading speaks of its own
// counterclaim or third-party revocation suit ("被告提出反诉", "反诉原告
// （本诉被告）", "原告提起第三人撤销之诉"): without another suit's mark
// (otherCaseMarks) such a sentence is of this case even where it names it
// no other way.
var ownSuitWords = [...]string{"本诉", "反诉原告", "反诉被告", "反诉请求", "提出反诉", "提起反诉", "提起第三人撤销之诉", "提出第三人撤销之诉"}

// ofOwnSuit reports whether a sentence speaks of this suit's counterclaim
// or revocation suit: it names this case or uses ownSuitWords, and names
// no other suit.
func ofOwnSuit(sent string) bool {
	for _, m := range otherCaseMarks {
		if strings.Contains(sent, m) {
			return false
		}
	}
	if namesThisCase(sent) {
		return true
	}
	for _, w := range ownSuitWords {
		if strings.Contains(sent, w) {
			return true
		}
	}
	return false
}

// publicInterestWords state that a case concerns the public interest
// (民诉法解释第二百五十七条第五项, 民事诉讼法第四十二条第一项: "涉及国家利益、
// 社会公共利益的"). 损害社会公共利益 alone is not read: a contract said to
// harm it (民法典第一百五十三条) does not make the suit one of them.
var publicInterestWords = [...]string{"涉及国家利益", "涉及社会公共利益", "涉及公共利益"}

// thirdPartyRevocationSuit names the suit of 民事诉讼法第五十九条第三款.
const thirdPartyRevocationSuit = "第三人撤销之诉"

// counterclaimWord and its withdrawals: a counterclaim withdrawn
// (撤回反诉) or given up (放弃反诉) is none.
const counterclaimWord = "反诉"

var counterclaimWithdrawn = [...]string{"撤回", "放弃"}

// counterclaimIntended are the words that, in the four runes before 反诉,
// make it one the defendant only means to bring ("被告称将提起反诉",
// "拟提出反诉"): CPL 166(5) closes small claims to a case in which a party
// 提出反诉, and one not yet brought is left to Interp. 278 when it comes.
var counterclaimIntended = [...]string{"将", "拟", "准备", "打算", "可能", "欲", "要", "会"}

// counterclaimIntendedRunes is how far before 反诉 counterclaimIntended
// is looked for: "将提起反诉", "准备提出反诉".
const counterclaimIntendedRunes = 4

// ReadCivilCaseText reads the facts of this case a civil filing's text
// states (CivilCaseFacts). The text is folded first (foldCause:
// traditional 審判監督程序, full-width punctuation).
func ReadCivilCaseText(text string) CivilCaseFacts {
	if !mayStateCaseFacts(text) {
		return CivilCaseFacts{}
	}
	folded := foldCause(text)
	held := hanscan.NewText(folded)
	t := readFoldedCaseFacts(held)
	// The engine has the claims read already (Facts.Claims): civilCaseText
	// takes the personal status from there.
	t.PersonalStatus = readFoldedClaims(held, folded).PersonalStatus
	return t
}

// readFoldedCaseFacts is ReadCivilCaseText on a text foldCause has folded,
// with its characters.
func readFoldedCaseFacts(held *hanscan.Text) CivilCaseFacts {
	text := held.String()
	var t CivilCaseFacts
	r26 := readersFor26(held)
	t.PropertyConfirmation = propertyConfirmationIn(held, text)
	// Every round-25 fact needs one of caseFactWords (a revoked judgment
	// too: revokeVerbs are among them): a text without any is read by the
	// round-26 readers alone.
	facts25 := anyIn(held, text, caseFactWords[:])
	if !facts25 && !r26.any() {
		return t
	}
	for sent := range sentencesOf(text) {
		if !facts25 || !anyIn(held, sent, caseFactWords[:]) {
			readCaseFacts26(held, sent, &t, r26)
			continue
		}
		if namesThisCase(sent) {
			if t.Retrial == "" {
				t.Retrial = civilRetrialIn(sent)
			}
			if t.PublicInterest == "" {
				t.PublicInterest = firstStated(sent, publicInterestWords[:], 4)
			}
			if t.MajorImpact == "" {
				t.MajorImpact = majorImpactIn(sent)
			}
		}
		if !ofOwnSuit(sent) {
			readCaseFacts26(held, sent, &t, r26)
			continue
		}
		if t.Counterclaim == "" && counterclaimIn(sent) {
			t.Counterclaim = sent
		}
		if t.ThirdPartyRevocation == "" && statedNotNegated(sent, thirdPartyRevocationSuit, 4) {
			t.ThirdPartyRevocation = thirdPartyRevocationSuit
		}
		readCaseFacts26(held, sent, &t, r26)
	}
	if facts25 && t.ThirdPartyRevocation == "" {
		t.ThirdPartyRevocation = revokesJudgmentIn(held, text)
	}
	if facts25 && t.ThirdPartyRevocation == "" {
		t.ThirdPartyRevocation = thirdPartyAsksRevocationIn(held, text) // round 38
	}
	// An increase adds to the claims made (statute round 29): the total,
	// read once a change was found.
	if t.Changed != "" {
		t.ChangedFen = max(t.ChangedFen, increasedClaimsFen(held, text))
	}
	return t
}

// civilRetrialIn returns the words of a sentence that state a retrial of
// the case (retrialIn), but 审判监督程序 only in a clause with nothing of
// retrialNot: a complaint tells of a party's application ("被告曾依照审判监督
// 程序申请再审，被驳回"), which is no retrial, more often than an indictment
// does.
func civilRetrialIn(sent string) string {
	for _, cl := range strings.FieldsFunc(sent, func(r rune) bool { return strings.ContainsRune(clauseBreaks, r) }) {
		if statedNotNegated(cl, retrialSupervision, 4) && !containsAny(cl, retrialNot[:]) {
			return retrialSupervision
		}
	}
	return retrialOrderIn(sent)
}

// caseFactWords are the words one of which every fact ReadCivilCaseText
// reads holds, in the folded text: a sentence with none is not read
// further, a text with none not at all (the readers are on the request
// path).
var caseFactWords = [...]string{"再审", "审判监督", "撤销", "改变", "利益", "社会影响", "反诉"}

// caseFactRunes are the runes one of which every fact ReadCivilCaseText
// reads holds (再审, 审判监督, 撤销, 改变, 利益, 影响, 反诉), in foldCause's
// input form: ReadCivilCaseText, given a text not yet folded, folds none
// that holds none (the engine passes the text it folded once for every
// civil reader to readFoldedCaseFacts and needs no prefilter).
const caseFactRunes = "再监監撤改益反影"

// mayStateCaseFacts reports whether a text may state a fact
// ReadCivilCaseText reads: it holds one of caseFactRunes, or a rune that
// NFKC may fold into one (foldsToIdeograph).
func mayStateCaseFacts(text string) bool {
	return strings.ContainsAny(text, caseFactRunes) || strings.ContainsAny(text, caseFactRunes26) ||
		strings.ContainsAny(text, caseFactRunes27) || strings.ContainsFunc(text, foldsToIdeograph)
}

// foldsToIdeograph reports whether NFKC may fold r into a CJK ideograph of
// another code point: a radical (⼊), an enclosed or squared ideograph (㊬
// is 監, 🈞 is 再) or a compatibility ideograph.
func foldsToIdeograph(r rune) bool {
	return unicode.In(r, unicode.Radical) || r >= 0x3200 && r <= 0x33FF || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0x1F200 && r <= 0x1F2FF || r >= 0x2F800 && r <= 0x2FA1F
}

// firstStated returns the first of ws stated in text without a negation in
// the n runes before it (statedNotNegated), "" when none.
func firstStated(text string, ws []string, n int) string {
	for _, w := range ws {
		if statedNotNegated(text, w, n) {
			return w
		}
	}
	return ""
}

// counterclaimIn reports whether a sentence states a counterclaim: 反诉
// neither negated in the three runes before it (未提出反诉, 不反诉), nor
// withdrawn (撤回反诉, 放弃反诉), nor only intended (counterclaimIntended).
func counterclaimIn(sent string) bool {
	return statedBrought(sent, counterclaimWord)
}

// revokeVerbs ask to set aside or change (民诉法解释第二百五十七条第六项:
// "请求改变或者撤销").
var revokeVerbs = [...]string{"撤销", "改变"}

// judgmentDocs name an effective judgment, ruling or mediation statement
// of a court as a claim names it ("（2023）浙0302民初88号民事判决",
// "民事调解书"); 判决 alone is not read, for "判决被告赔偿" is a claim's verb.
var judgmentDocs = [...]string{"民事判决", "民事裁定", "调解书", "判决书", "裁定书", "号判决", "号裁定"}

// revokesJudgmentIn returns the claim of a folded text that asks to change
// or set aside a court's judgment, ruling or mediation statement, "" when
// none: in the claims a text marks (claimsPart) every clause, in a text
// that marks none only a clause that asks (claimVerbs). A third party's
// suit is the only first-instance suit that asks so (民事诉讼法第五十九条第三
// 款); an arbitral award (仲裁) is set aside on an application, not by a
// suit, and 撤销原判 is an appellate court's words, not a claim.
func revokesJudgmentIn(held *hanscan.Text, text string) string {
	part, marked := claimsPart(held, text)
	for rest := part; rest != ""; {
		var cl string
		if cl, rest = nextClause(rest); cl == "" {
			continue
		}
		if !marked && !anyIn(held, cl, claimVerbs) {
			continue
		}
		if revokesJudgment(cl) {
			return cl
		}
	}
	return ""
}

// revokesJudgment reports whether a clause asks to change or set aside a
// court's judgment, ruling or mediation statement: a revokeVerbs word not
// negated in the two runes before it nor applied for (申请撤销), followed in
// the clause by one of judgmentDocs, and nothing of an arbitration.
func revokesJudgment(cl string) bool {
	if strings.Contains(cl, "仲裁") || strings.Contains(cl, "撤销原判") {
		return false
	}
	for _, v := range revokeVerbs {
		for at, before := range occurrences(cl, v) {
			if !negatedWithin(before, 2) && !strings.HasSuffix(before, "申请") && containsAny(cl[at+len(v):], judgmentDocs[:]) {
				return true
			}
		}
	}
	return false
}

// containsAny reports whether s contains one of ws. It runs over the
// whole complaint once per civil Decide (caseFactWords), where
// strings.Contains stops at every byte a Chinese word's first byte shares
// with thousands of characters: hanscan.Contains answers the same.
func containsAny(s string, ws []string) bool { return anyIn(nil, s, ws) }

// civilCaseText sets on a copy of a civil filing the facts of this case its
// text, folded (foldCause) by the caller once for every civil reader,
// states (ReadCivilCaseText) and its circumstances and cause do not,
// each with the review that quotes the words read; f itself when the text
// states nothing new. The public interest and a third-party revocation are
// also set in a.Facts, which Engine.facts has filled from the circumstances
// already. Round 26 (civilcasetext26.go) adds a property confirmation the
// claims or the written cause state, set as the others are, and three
// readings that only add their review (civilCaseText26).
func civilCaseText(f *triagev1.Filing, a *Assessment, held *hanscan.Text) *triagev1.Filing {
	t := readFoldedCaseFacts(held)
	c := f.GetCircumstances()
	// A party's objection to small claims (statute round 34).
	readSmallClaimsObjection(held, a, held.String())
	fx := &a.Facts
	t.PersonalStatus = fx.Claims.PersonalStatus
	// A written cause the catalogue does not place exactly may name a
	// property right's confirmation ("确认股权纠纷", "专利权权属纠纷", round
	// 26): read as the claims are.
	if t.PropertyConfirmation == "" && fx.Cause.Match != MatchExact {
		t.PropertyConfirmation = propertyCauseIn(foldCause(f.GetCause()))
	}
	if t == (CivilCaseFacts{}) {
		return f
	}
	civilCaseText26(t, a)
	// A case the text calls complex, difficult or new is no small claim
	// the court must hear (round 32, notSimpleSmallClaims).
	a.Facts.NotSimple = cmp.Or(t.Complex, t.NotSimple)
	a.Facts.GroupImpact = t.GroupImpact
	// A changed claim's sum is compared with the figure by the small-claims
	// rules (changedClaimBand, round 27).
	if t.ChangedFen > 0 {
		a.Facts.ChangedClaimFen, a.Facts.ChangedClaim = t.ChangedFen, t.Changed
	}
	return withTextReadings(f, a, []textReading{
		{t.Retrial, CodeReviewRetrialInTextCivil, c.GetRetrial(), func(c *triagev1.Circumstances) { c.Retrial = true }},
		{t.ThirdPartyRevocation, CodeReviewThirdPartyRevocationInText, fx.ThirdPartyRevocation ||
			causeUnder(fx.Cause, thirdPartyRevocationNode) || causeNames(fx.Cause.Written, thirdPartyRevocationNode),
			func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true; fx.ThirdPartyRevocation = true }},
		{t.PublicInterest, CodeReviewPublicInterestInTextCivil, fx.PublicInterest ||
			causeUnder(fx.Cause, publicInterestNode) || causeNames(fx.Cause.Written, publicInterestNode),
			func(c *triagev1.Circumstances) { c.PublicInterest = true; fx.PublicInterest = true }},
		{t.MajorImpact, CodeReviewMajorImpactInTextCivil, c.GetMajorSocialImpact(), func(c *triagev1.Circumstances) { c.MajorSocialImpact = true }},
		{t.Counterclaim, CodeReviewCounterclaimInText, c.GetCounterclaim(), func(c *triagev1.Circumstances) { c.Counterclaim = true }},
		{t.PropertyConfirmation, CodeReviewPropertyConfirmationInText, propertyStated(c, fx.Cause),
			func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true }},
		{t.PersonalStatus, CodeReviewPersonalStatusInText, personalStatusStated(c, fx.Cause),
			func(c *triagev1.Circumstances) { c.PersonalStatus = true }},
	})
}
