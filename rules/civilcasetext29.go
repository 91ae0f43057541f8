package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 29: what round 28 left unread of a case foreign by its
// facts or its parties, and an increase of the claims compared with the
// figure by its own sum.
//
//   - 民诉法解释第五百二十条 (the 2015 text's art. 522, the 1992 opinion's
//     art. 304 before): "（二）当事人一方或者双方的经常居所地在中华人民共和国
//     领域外的；（三）标的物在中华人民共和国领域外的；（四）产生、变更或者消灭
//     民事关系的法律事实发生在中华人民共和国领域外的"; art. 549 for Hong Kong,
//     Macao and Taiwan. CPL 166(2) closes small claims to such a case.
//     "原告在日本购买", "在美国登记结婚", "侵权行为地在境外", "标的物在境外",
//     "被告已定居加拿大", "被告系旅居美国的华侨" kept small claims mandatory.
//   - 民诉法解释第二百七十八条第一款 with CPL 165: an increase adds to the
//     claims made; "诉讼请求：…30000元 … 增加诉讼请求，要求…违约金30000元" is a
//     claim of ¥60,000, which round 27 compared as ¥30,000.

// factAbroad29: a legal fact done abroad in the words round 28's
// factAbroad does not hold (Interp. 520(4)): a sale or purchase, a loan, a
// marriage or divorce, a blow (在日本购买, 在美国登记结婚, 在日本大阪将原告打伤).
// The gap holds what factAbroad's does not (no second place, time, return,
// 的 or other party).
var factAbroad29 = regexp.MustCompile(`(?:在|于)` + abroadPlace + `[^，,；;：:。在于回返后的与和同跟向]{0,6}?` +
	`(?:购买|购得|购置|买受|出售|售出|销售|借款|出借|借给|登记结婚|结婚|离婚|打伤|殴打|撞伤|撞倒|致伤)`)

// tortPlaceAbroad: the place of a tort or of its damage told as a place
// (侵权行为地在境外, 损害结果发生地为日本; Interp. 520(4), the tort being the
// fact that made the relation).
var tortPlaceAbroad = regexp.MustCompile(`(?:侵权行为|侵权|损害结果|损害行为)(?:发生|实施)?地(?:点)?(?:在|于|为|位于)` + abroadPlace)

// thingAtAbroad: the thing in dispute where it is, with plain 在 or where
// it is kept (标的物在境外, 货物现存放于越南海防港; Interp. 520(3)). The gap
// holds no party, person or giving (原告, 被告, 其, 人, 给, 与 …): "房屋出售给
// 被告在美国的亲属" places the relative, not the house.
var thingAtAbroad = regexp.MustCompile(`(?:房屋|房产|不动产|土地|住宅|公寓|别墅|商铺|店铺|仓库|厂房|货物|车辆|船舶|标的物)` +
	`[^，,；;：:。告人其给与和同跟向的]{0,8}?(?:在|存放于|存放在|停放于|停放在|存放地为|所在地为|所在地在)` + abroadPlace)

// meantBefore29 add to notDone the words of a wish (欲在美国购买).
var meantBefore29 = [...]string{"欲", "希望", "意图", "想要"}

// businessNameAfter follow a country's name when it names a kind of shop
// or cuisine at home (日本料理店, 韩国烤肉, 美国品牌): round 28's
// placeNameAfter names streets and buildings.
var businessNameAfter = [...]string{"料理", "餐厅", "餐馆", "菜", "烤肉", "风味", "品牌", "进口", "产", "店", "馆", "商品"}

// foreignFactExpressions29 are the round-29 expressions foreignFactInClause
// matches besides round 28's; each one's first group is the place, which
// stands right after a mark of placeMarks (在, 于, 为).
var foreignFactExpressions29 = [...]*regexp.Regexp{factAbroad29, tortPlaceAbroad, thingAtAbroad}

// placeIsBusiness reports whether the place a match names is a shop's or
// a cuisine's name at home (businessNameAfter).
func placeIsBusiness(after string) bool { return prefixIn(after, businessNameAfter[:]) > 0 }

// residenceAbroad29 matches a party's settled residence abroad in the
// words complaints use for it (定居加拿大, 长期居住在日本, 侨居美国, 旅居日本,
// 移居澳大利亚), or a permanent residence abroad (取得美国永久居留权: 国务院
// 侨办《关于界定华侨外籍华人归侨侨眷身份的规定》(国侨发〔2009〕5号) counts it
// as 定居): Interp. 520(2)'s 经常居所地, which round 27 read only in those
// words.
//
// Statute round 31 added 移民 (移民加拿大, 已移民至美国: emigrated, to settle)
// and a country's 绿卡 (美国绿卡: its permanent residence card), each only
// with the place right after it (移民局, 移民中介 name no place).
var residenceAbroad29 = regexp.MustCompile(`(?:定居|长期居住|常年居住|侨居|旅居|移居|移民)(?:在|于|到|至)?(?:` + foreignCountries + `|境外|国外|海外|香港|澳门|台湾)` +
	`|(?:` + foreignCountries + `|境外|国外|香港|澳门|台湾)(?:的|地区的)?(?:永久居留权|长期居留权|永久居留身份|永久性居民身份|绿卡)`)

// settledRunesBefore are the runes before 居 in residenceAbroad29's words
// (定居, 长期居住, 常年居住, 侨居, 旅居, 移居, 永久居留, 长期居留).
var settledRunesBefore = [...]string{"定", "期", "年", "侨", "旅", "移", "久"}

// mayStateSettled reports whether a folded text holds 侨 (华侨, 侨居), 移民,
// 绿卡 or a 居 after one of settledRunesBefore: a complaint with none is not
// matched. It runs on every civil Decide, and complaints say 居住 often:
// two scans and a look at the rune before each 居 (five scans of the
// words, the first version, cost 15,000 instructions per Decide:
// callgrind, 2026-12-05).
func mayStateSettled(held *hanscan.Text, text string) bool {
	if held.Contains(text, "侨") || held.Contains(text, "移民") || held.Contains(text, "绿卡") {
		return true
	}
	for at := range occurrencesIn(held, text, "居") {
		if suffixIn(text[:at], settledRunesBefore[:]) != "" {
			return true
		}
	}
	return false
}

// overseasChinese is 华侨: "定居在国外的中国公民" (《归侨侨眷权益保护法》第二条),
// a person whose habitual residence is abroad; 归国华侨 and 归侨 have
// returned. It counts only as a party's status, followed by a clause's
// end or 身份 (华侨城, 华侨农场 are places).
const overseasChinese = "华侨"

// overseasChineseEnds may follow 华侨 when it is a person's status.
var overseasChineseEnds = [...]string{"，", ",", "。", "；", ";", "、", "身份", "）", ")"}

// settledAbroadStated reports whether a folded text says a party settled
// abroad (residenceAbroad29) or is a 华侨 (overseasChinese), of one of
// subjects (partySubject), not negated just before (negations), not only
// meant (notDone, meantBefore29, in the clause before it).
func settledAbroadStated(held *hanscan.Text, text string, subjects []string) bool {
	if !mayStateSettled(held, text) {
		return false
	}
	said := func(at int) bool {
		start, _ := clauseAround(text, at)
		before := text[start:at]
		return suffixIn(text[:at], negations) == "" && !anyIn(held, before, notDone[:]) && !anyIn(held, before, meantBefore29[:]) &&
			partySubject(text, at, subjects)
	}
	for _, loc := range residenceAbroad29.FindAllStringIndex(text, -1) {
		if said(loc[0]) {
			return true
		}
	}
	for at := range occurrencesIn(held, text, overseasChinese) {
		off := at + len(overseasChinese)
		if strings.HasSuffix(text[:at], "归国") || strings.HasSuffix(text[:at], "归") {
			continue
		}
		if (off == len(text) || prefixIn(text[off:], overseasChineseEnds[:]) > 0) && said(at) {
			return true
		}
	}
	return false
}

// increaseWords are claimChanges' words of an increase (增加诉讼请求), whose
// sum adds to the claims made unless the sentence states the total.
var increaseWords = [...]string{"增加诉讼请求", "增加诉请", "增加其诉讼请求"}

// totalMarks state the claims' total in an increase's sentence (以上共计
// 40000元, 增加诉讼请求至50000元): the sum then is the total, not an addition.
var totalMarks = [...]string{"共计", "合计", "总计", "累计", "总额", "总金额", "变更为", "增加为", "增加至", "调整为", "调整至"}

// increasedClaimsFen is the largest total a claims increase the folded
// text states gives the claims (Interp. 278 ¶1): the largest sum the
// claims before it name (claimedSumFen of each claimClauses of the text
// before the increase's sentence) plus the increase's own (changeSumFen),
// for an increase whose sentence states no total (totalMarks, or 至 / 为
// right after the words); 0 when none. Both sums are lower bounds, so the
// total is one too. The claims are read before the sentence because the
// amount field may already hold the increase.
func increasedClaimsFen(held *hanscan.Text, text string) int64 {
	var most int64
	for _, w := range increaseWords {
		for at := range occurrencesIn(held, text, w) {
			off := at + len(w)
			start := strings.LastIndexAny(text[:at], sentenceBreaks)
			if start < 0 {
				start = 0
			} else {
				_, n := utf8.DecodeRuneInString(text[start:])
				start += n
			}
			end := len(text)
			if j := strings.IndexAny(text[off:], sentenceBreaks); j >= 0 {
				end = off + j
			}
			sent := text[start:end]
			// changeIn: not in another suit, not only reserved.
			if changeIn(held, sent) == "" || !statedBrought(sent, w) || anyIn(held, text[off:end], totalMarks[:]) || prefixIn(text[off:end], newValueMarks[:]) > 0 {
				continue
			}
			added := changeSumFen(sent, w)
			if added == 0 {
				continue
			}
			var base int64
			for cl := range claimClauses(held, text[:start]) {
				base = max(base, claimedSumFen(dropOldSums(cl)))
			}
			if base > 0 {
				most = max(most, base+added)
			}
		}
	}
	return most
}

// foreignKinds are the words that call a case foreign-related or one of
// Hong Kong, Macao or Taiwan (涉外, 涉港, 涉澳, 涉台), after 涉.
var foreignKinds = [...]string{"外", "港", "澳", "台"}

// thisCaseIs are the words by which a text says what this case is ("本案系
// 涉外民事案件", "本案属于涉港纠纷", "本案具有涉外因素"); a negation between
// 本案 and 涉 ("本案不属于涉外案件") does not match.
var thisCaseIs = [...]string{"本案系", "本案属于", "本案属", "本案为", "本案是", "本案具有", "本案涉及", "本案系一起", "本案为一起", "本案属于一起"}

// foreignCaseStated reports whether a filing says the case itself is
// foreign-related (民诉法解释第五百二十条; 第五百四十九条 for 涉港澳台): its
// written cause, folded, holds 涉外, 涉港, 涉澳 or 涉台 ("涉外民间借贷纠纷", a
// name in no catalogue, which the look-up resolves to 民间借贷纠纷), or its
// folded text says 本案 is such a case (thisCaseIs). The clerk or the
// complaint has made the finding the article's items lead to; CPL 166(2)
// follows.
func foreignCaseStated(held *hanscan.Text, causeWritten, text string) bool {
	if foreignKindAt(held, causeWritten, func(int) bool { return true }) {
		return true
	}
	return foreignKindAt(held, text, func(at int) bool { return suffixIn(text[:at], thisCaseIs[:]) != "" })
}

// foreignKindAt reports whether s holds 涉 followed by one of foreignKinds
// at a place ok accepts (the byte offset of 涉). One scan of 涉.
func foreignKindAt(held *hanscan.Text, s string, ok func(at int) bool) bool {
	for at := range occurrencesIn(held, s, "涉") {
		if prefixIn(s[at+len("涉"):], foreignKinds[:]) > 0 && ok(at) {
			return true
		}
	}
	return false
}
