package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 28: a case is foreign-related not only by its parties but
// by where the thing in dispute lies or where the facts that made, changed
// or ended the relation happened (民诉法解释第五百二十条第三项、第四项; the
// 2015 text's art. 522 (3), (4); the 1992 opinion's art. 304: "法律事实发生
// 在外国，或者诉讼标的物在外国"; Hong Kong, Macao and Taiwan by art. 549), and
// CPL 166(2) closes small claims to it. Until rules 2026-12-04.48 only a
// party was read so; "原、被告在日本签订借款合同" or "位于美国的房屋" kept small
// claims mandatory.

// abroadPlace is a place outside the mainland as a complaint names it.
const abroadPlace = `(` + foreignCountries + `|境外|国外|海外|香港|澳门|台湾)`

// Each expression's first group is the place (abroadPlace), and each
// place stands right after 在, 于 or 为 (placeMarks), which
// foreignFactsStated looks for first.
var (
	// thingAbroad: a thing in dispute that lies abroad (Interp. 520(3)):
	// "房屋位于美国", "位于美国加利福尼亚州的房屋", "货物位于境外仓库".
	thingAbroad = regexp.MustCompile(`(?:房屋|房产|不动产|土地|住宅|公寓|别墅|商铺|店铺|仓库|厂房|货物|车辆|船舶|标的物)` +
		`[^，,；;：:。]{0,12}?(?:位于|坐落于|坐落在)` + abroadPlace)
	thingAbroadAfter = regexp.MustCompile(`(?:位于|坐落于|坐落在)` + abroadPlace +
		`[^，,；;：:。]{0,16}?(?:房屋|房产|不动产|土地|住宅|公寓|别墅|商铺|店铺|仓库|厂房|货物|车辆|船舶|标的物)`)
	// factAbroad: a legal fact done abroad (Interp. 520(4)): "在日本签订",
	// "在美国纽约签署", "在境外交付", "在泰国发生交通事故"; a short gap (a
	// city) holds no second place, time or return (在, 于, 回, 返, 后), no
	// 的 (the place then tells of a noun: "一家在美国上市的公司签订") and no
	// other party (与, 和, 同, 跟, 向).
	factAbroad = regexp.MustCompile(`(?:在|于)` + abroadPlace + `[^，,；;：:。在于回返后的与和同跟向]{0,6}?(?:签订|签署|订立|交付|交货|发生)`)
	// factPlaceAbroad: the place of a legal fact told after it:
	// "签订地为新加坡", "事故发生于泰国", "交付地点在境外".
	factPlaceAbroad = regexp.MustCompile(`(?:签订|签署|订立|交付|交货|发生)(?:地点|地)?(?:在|于|为|位于)` + abroadPlace)
)

// placeMarks stand right before the place of every expression above.
var placeMarks = [...]string{"在", "于", "为"}

// abroadPlaces are abroadPlace's names, and abroadFirst their first runes:
// one rune after a mark decides for nearly every 在, 于 and 为 of a text.
// abroadFirst is a bit a rune of the Basic Multilingual Plane, where every
// name begins (checked when made), in place of a map; with abroadByFirst
// (below) placeAbroadAt, asked ~16 times in a 1,000-character complaint's
// Decide, went from ~7,600 instructions to ~1,400 (callgrind
// 2026-12-06).
var (
	abroadPlaces = strings.Split(abroadPlace[1:len(abroadPlace)-1], "|")
	abroadFirst  = func() *[0x10000 / 64]uint64 {
		var m [0x10000 / 64]uint64
		for _, p := range abroadPlaces {
			r, _ := utf8.DecodeRuneInString(p)
			if r >= 0x10000 {
				panic("rules: abroadPlaces: a name beginning outside the Basic Multilingual Plane: " + p)
			}
			m[r>>6] |= 1 << (r & 63)
		}
		return &m
	}()
)

// placeAbroadAt reports whether s begins with one of abroadPlaces.
func placeAbroadAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r >= 0x10000 || abroadFirst[r>>6]&(1<<(r&63)) == 0 {
		return false
	}
	// 法, 新, 加, 美 … begin common words too (在法院, 为新增): only the
	// names beginning with r are asked.
	return prefixIn(s, abroadByFirst[r]) > 0
}

// abroadByFirst are abroadPlaces by their first rune.
var abroadByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, p := range abroadPlaces {
		r, _ := utf8.DecodeRuneInString(p)
		m[r] = append(m[r], p)
	}
	return m
}()

// notDone are the words before a fact, in its clause, that make it one
// agreed or meant, not done ("双方约定货物在日本交付").
var notDone = [...]string{"约定", "拟", "计划", "打算", "准备", "应当", "应于", "应在", "将在", "将于"}

// placeNameAfter are what follow a place's name when it names a street, a
// building or a district at home ("香港路", "香港中路", "美国大道").
var placeNameAfter = [...]string{"路", "街", "大道", "道", "巷", "村", "镇", "里", "弄", "花园", "广场", "城", "大厦", "小区", "公寓", "中路", "东路", "西路", "南路", "北路", "新村"}

// foreignFactsStated reports whether a folded text says the thing in
// dispute lies, or a legal fact was done, outside the mainland
// (foreignFactExpressions), not negated just before (negations: "并非在日本
// 签订"), not only agreed or meant (notDone, meantBefore29), the place no
// home street's name (placeNameAfter: "位于香港路") nor a shop's or a
// cuisine's (businessNameAfter: "在日本料理店购买", round 29).
func foreignFactsStated(held *hanscan.Text, text string) bool {
	// Only the clause of a mark followed by a place is matched: a
	// complaint signs, delivers and lets things happen in most of its
	// clauses, and names a place abroad in few (callgrind, 2026-12-05).
	for _, m := range placeMarks {
		for off := 0; ; {
			i := held.Index(text[off:], m)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(m)
			if !placeAbroadAt(text[off:]) {
				continue
			}
			start, end := clauseAround(text, at)
			if foreignFactInClause(text[start:end]) {
				return true
			}
			off = max(end, off)
		}
	}
	return false
}

// clauseAround returns the bounds of the clause (clauseBreaks) holding
// text[at].
func clauseAround(text string, at int) (start, end int) {
	return spanAround(text, at, clauseBreaks)
}

// spanAround returns the bounds of the run of text holding text[at]
// between two of breaks (or the text's ends): a clause with clauseBreaks,
// a sentence with sentenceBreaks.
func spanAround(text string, at int, breaks string) (start, end int) {
	start = strings.LastIndexAny(text[:at], breaks)
	if start < 0 {
		start = 0
	} else {
		_, n := utf8.DecodeRuneInString(text[start:])
		start += n
	}
	end = len(text)
	if j := strings.IndexAny(text[at:], breaks); j >= 0 {
		end = at + j
	}
	return start, end
}

// foreignFactExpressions are round 28's expressions and round 29's
// (foreignFactExpressions29: a purchase, a marriage or a blow abroad, the
// place of a tort, a thing where it is kept).
var foreignFactExpressions = append([]*regexp.Regexp{thingAbroad, thingAbroadAfter, factAbroad, factPlaceAbroad}, foreignFactExpressions29[:]...)

// foreignFactInClause reports whether one clause states the thing or a
// legal fact abroad (foreignFactsStated).
func foreignFactInClause(cl string) bool {
	for _, re := range foreignFactExpressions {
		for _, m := range re.FindAllStringSubmatchIndex(cl, -1) {
			before := cl[:m[0]]
			if suffixIn(before, negations) != "" || containsAny(before, notDone[:]) || containsAny(before, meantBefore29[:]) ||
				prefixIn(cl[m[3]:], placeNameAfter[:]) > 0 || placeIsBusiness(cl[m[3]:]) || costIncurred(cl, m) {
				continue
			}
			return true
		}
	}
	return false
}

// costIncurred reports whether a match m of a clause cl is a cost that
// arose abroad (发生 with 费 in the clause: "在美国就医期间发生医疗费"), which
// is damage, not the fact that made the relation.
func costIncurred(cl string, m []int) bool {
	return strings.Contains(cl[m[0]:m[1]], "发生") && strings.Contains(cl, "费")
}
