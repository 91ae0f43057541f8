package rules

import (
	"cmp"
	"strings"
	"unicode/utf8"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 33 (civil): one reading of a party's whereabouts.
//
// Rounds 23, 30 and 32b read a complaint's words of a person who cannot be
// found in three ways: 下落不明 of the defendant by partySubject alone (the
// subject may be in the sentence before: "被告借款后未还。此后下落不明"),
// round 30's 去向不明 … with the defendant in the words' own clause, round
// 32b's 失联 … by the nearest clause of the sentence naming a party. So
// "被告借款后未还。此后去向不明" closed nothing where "此后下落不明" closed two
// procedures, "被告收到的货款至今下落不明" (a thing's) closed them, and
// "原告王五出国后下落不明" was not read where "原告王五出国后失联" was
// reviewed. readWhereabouts reads every such word one way:
//
//   - whose: the nearest clause before the words, within partySubject's
//     window, that names a party (nearestClauseNaming); no party there, not
//     read; a relative or a witness after the party (partySubject), not the
//     party's. A defendant named in that clause makes the words a
//     defendant's.
//   - not negated just before (并非下落不明), not undone later in their
//     sentence (现已联系上: contactRestored; whereaboutsWords undone leave
//     the review), and not a thing's: a thing
//     named just before the words ("款项去向不明", "货款至今下落不明":
//     thingBefore) or, where the words' own clause names no party, a thing
//     named after the party ("被继承人生前的存款已被取出，去向不明":
//     thingNouns).
//   - what they state: whereaboutsWords (下落不明 and the words that say the
//     same: 去向不明, 不知去向, 行踪不明, 下落不详) state the fact CPL 166(4)
//     and Interp. 257(1) speak of; said of a defendant they close small
//     claims and simplified procedure (INFER_WHEREABOUTS_FROM_TEXT, as
//     before). unreachableWords (失联, 联系不上, 住址不明 …) say less: a
//     person may be unreachable at a known address. They, and
//     whereaboutsWords said of another party (CPL 166(4) "一方当事人", which
//     Interp. 257(1)'s "被告" does not reach), leave small claims to a person
//     with the review (REVIEW_WHEREABOUTS_IN_TEXT and its era codes).

// whereaboutsWords are 下落不明 and the everyday words that state the same
// fact (statute round 30): 去向不明, 不知去向, 行踪不明 and 下落不详 say that no
// one knows where the person is, which is what CPL 166(4) ("一方当事人下落
// 不明") and Interp. 257(1) ("起诉时被告下落不明") speak of.
var whereaboutsWords = [...]string{whereaboutsPhrase, "去向不明", "不知去向", "行踪不明", "下落不详"}

// unreachableWords say that a person cannot be reached or found, in words
// short of 下落不明 (statute round 32b). 住址不明, 住所不明, 住址不详 and
// 地址不详 say the complaint does not know where the person lives — 若干规定
// art. 8 (二)'s "原告不能提供被告准确的送达地址", after which the court looks
// for the address and may find the person 下落不明 (CPL 95: 公告送达) — and
// are read; an address said to be imprecise (住址不明确, 地址不准确, 具体地址
// 不详: impreciseAddress) is not: the address is known in part, and serving
// there is the court's ordinary work, not a party's unknown whereabouts.
//
// 宣告失踪 and 宣告死亡 (民法典第四十条、第四十六条) are a court's finding that
// the person is 下落不明, but a suit over a missing person's property is
// brought against the custodian (财产代管人, 民法典第四十三条), who is no
// missing person: the words leave small claims to a person (statute round
// 33); an application to declare (申请宣告失踪) is no finding.
var unreachableWords = []string{"失联", "失去联系", "联系不上", "无法联系", "音讯全无", "杳无音信",
	"住所不明", "住址不明", "住所不详", "住址不详", "地址不明", "地址不详", "宣告失踪", "宣告死亡"}

// contactRestored are the words after which, in the same sentence, the
// person was reached again ("被告曾一度失联，现已联系上").
var contactRestored = []string{"已联系上", "已经联系上", "已取得联系", "恢复联系", "可以联系", "能够联系", "重新出现",
	"已被撤销", "已撤销"}

// imprecisePrefixes, written just before an address word, make it the
// address's details that are unknown ("具体住址不详", "详细地址不详"), not
// the address.
var imprecisePrefixes = []string{"具体", "详细"}

// thingEnds end the nouns of money and things whose 去向 a complaint tells
// ("存款…去向不明", "款项去向不明", "货物去向不明"): the words are then said of
// the thing, not of a person.
const thingEnds = "款钱金物产货车项票据"

// thingBeforeFillers are the adverbs and particles that may stand between a
// thing and the words ("货款至今去向不明", "该款的去向不明").
var thingBeforeFillers = []string{"至今", "目前", "现在", "仍然", "一直", "均", "已", "现", "仍", "也", "都", "的"}

// thingNouns are the things whose whereabouts a complaint tells in a
// clause of their own after a party's ("被告系被继承人之子。被继承人生前的
// 存款已被取出，去向不明"). 借款 (a loan, which a party takes) is not one.
var thingNouns = []string{"存款", "款项", "钱款", "货款", "资金", "财产", "财物", "货物", "车辆", "物品", "现金", "遗产",
	"票据", "钱财", "赃款", "该款", "此款", "上述款"}

// whereaboutsReading is what readWhereabouts finds.
type whereaboutsReading struct {
	// defendant: whereaboutsWords said of a defendant.
	defendant bool
	// party, partyDefendant: the words that leave small claims to a
	// person (unreachableWords of any party, whereaboutsWords of a party
	// other than a defendant), and those of them said of a defendant; ""
	// when none.
	party, partyDefendant string
}

// readWhereabouts reads a folded text's words of a party who cannot be
// found or reached (the round's comment above). defendants are 被告 and the
// defendants' names, others 原告 and the other parties' names.
func readWhereabouts(held *hanscan.Text, text string, defendants, others []string) whereaboutsReading {
	seen := gateSeen{text: text, held: held}
	return readWhereaboutsGated(held, text, defendants, others, &seen)
}

// whereaboutsGates are the fragments several of whereaboutsWords and
// unreachableWords share (wordgates.go): a complaint without 不明, 不详, 联,
// 宣告 or 音 is searched for six words, not nineteen (issue 13: ~37,000
// instructions of a 1,000-character complaint's Decide). 联 stands for
// 失联 and the three 联系 words, 音 for 音讯全无 and 杳无音信: 26 of the
// 290 real complaints say 联系 and 11 more 联 alone (关联, 联合), 4 say 音.
var whereaboutsGates = [...]string{"不明", "不详", "联", "宣告", "音"}

// whereaboutsGated are whereaboutsWords and unreachableWords with their
// gates.
var whereaboutsGated = [2]gatedWords{
	gateWords(whereaboutsWords[:], whereaboutsGates[:]),
	gateWords(unreachableWords, whereaboutsGates[:]),
}

// readWhereaboutsGated is readWhereabouts searching only the words whose
// gate seen finds in text; nil seen searches every word (the reading
// TestReadWhereaboutsGated compares it with).
func readWhereaboutsGated(held *hanscan.Text, text string, defendants, others []string, seen *gateSeen) whereaboutsReading {
	var r whereaboutsReading
	// The subjects are needed only where a word is found, which most
	// complaints never reach: made then, not per call (one allocation).
	var subjects []string
	for i := range whereaboutsGated {
		g := &whereaboutsGated[i]
		strong := i == 0
		for k, w := range g.words {
			if seen != nil && !seen.mayHold(g, k) {
				continue
			}
			for _, at := range unnegatedPhraseAt(held, text, w) {
				if subjects == nil {
					subjects = append(append(make([]string, 0, len(defendants)+len(others)), defendants...), others...)
				}
				side, restored, ok := whoseWhereabouts(text, at, w, subjects)
				if !ok || restored && !strong {
					continue
				}
				isDefendant := anyIn(held, side, defendants)
				switch {
				case strong && isDefendant && !restored:
					r.defendant = true
				case isDefendant:
					r.party = cmp.Or(r.party, w)
					r.partyDefendant = cmp.Or(r.partyDefendant, w)
				default:
					r.party = cmp.Or(r.party, w)
				}
			}
		}
	}
	return r
}

// whoseWhereabouts returns the clause naming the party of whom the words w
// at text[at:] are said, whether they are undone later in their sentence
// (contactRestored), and whether they are read at all: not an imprecise
// address (不明确, 具体地址不详), not a thing's, and said of a party (the
// round's comment). Words undone leave at most the review: "被告曾下落不
// 明，现已联系上" says the defendant was reached before the suit, which is
// a person's to weigh against Interp. 257(1)'s "起诉时".
func whoseWhereabouts(text string, at int, w string, subjects []string) (side string, restored, ok bool) {
	after := text[at+len(w):]
	if strings.HasSuffix(w, "不明") && strings.HasPrefix(after, "确") {
		return "", false, false // 住址不明确, 下落不明确: imprecise, not unknown
	}
	if (strings.Contains(w, "址") || strings.HasPrefix(w, "住所")) && containsAny(lastRunes(text[:at], 2), imprecisePrefixes) {
		return "", false, false
	}
	if strings.HasPrefix(w, "宣告") && strings.HasSuffix(text[:at], "申请") {
		return "", false, false // 申请宣告失踪: an application, no finding
	}
	if thingBefore(text[:at], subjects) || !partySubject(text, at, subjects) {
		return "", false, false
	}
	_, end := spanAround(text, at, sentenceBreaks)
	restored = containsAny(text[at:end], contactRestored)
	window := subjectWindow(text, at)
	i := nearestClauseNamingAt(window, subjects)
	if i < 0 {
		return "", false, false
	}
	side = window[i:]
	if j := clauseEnd(side); j >= 0 {
		// The words' own clause names no party: the clause just before
		// may tell what they are said of.
		if thingTopic(window[:clauseStart(window)], subjects) {
			return "", false, false
		}
		side = side[:j]
	}
	return side, restored, true
}

// thingTopic reports whether the last clause of before (the one just
// before the words' own clause) is about a thing (thingNouns): the thing
// is done to ("存款已被部分继承人取出", "款项被被告转走") or stands before any
// party the clause names ("该款项原告已交付被告"). A thing a party acts on
// ("被告将车辆卖掉") leaves the party the subject.
func thingTopic(before string, subjects []string) bool {
	before = strings.TrimRight(before, clauseBreaks)
	clause := before[clauseStart(before):]
	thing := indexAny(clause, thingNouns)
	if thing < 0 {
		return false
	}
	if strings.Contains(clause[thing:], "被") && !strings.HasPrefix(clause[strings.Index(clause[thing:], "被")+thing:], "被告") {
		return true
	}
	return indexAny(clause, subjects) > thing
}

// subjectWindow is the text partySubject reads before at: its paragraph,
// at most subjectWindowRunes runes.
func subjectWindow(text string, at int) string {
	start := max(strings.LastIndexByte(text[:at], '\n')+1, 0)
	window := text[start:at]
	for utf8.RuneCountInString(window) > subjectWindowRunes {
		_, n := utf8.DecodeRuneInString(window)
		window = window[n:]
	}
	return window
}

// nearestClauseNamingAt returns where the last clause (clauseBreaks) of s,
// the one ending s included, that holds one of subjects starts, -1 when
// none does.
func nearestClauseNamingAt(s string, subjects []string) int {
	for end := len(s); end > 0; {
		i := clauseStart(s[:end])
		if containsAny(s[i:end], subjects) {
			return i
		}
		if i == 0 {
			return -1
		}
		_, n := utf8.DecodeLastRuneInString(s[:i])
		end = i - n
	}
	return -1
}

// clauseEnd is where the first clause of s ends (its break), -1 when s is
// one clause.
func clauseEnd(s string) int { return strings.IndexAny(s, clauseBreaks) }

// thingBefore reports whether before, the text just before the words,
// ends with a thing (thingEnds), past the adverbs and particles of
// thingBeforeFillers ("款项去向不明", "货款至今下落不明", "该款的去向不明"),
// and not with a party (subjects): a name may end with 金 ("被告王金下落不明").
func thingBefore(before string, subjects []string) bool {
	for trimmed := true; trimmed; {
		trimmed = false
		for _, f := range thingBeforeFillers {
			if strings.HasSuffix(before, f) {
				before, trimmed = before[:len(before)-len(f)], true
			}
		}
	}
	for _, s := range subjects {
		if strings.HasSuffix(before, s) {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return r != utf8.RuneError && strings.ContainsRune(thingEnds, r)
}
