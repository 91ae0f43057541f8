package rules

import (
	"slices"
	"strings"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 36 (civil): a foreign party stated in words the earlier
// readers did not know, each of which closes small claims by law (CPL 166
// (2); Interp. 520, 549):
//
//   - a party's name in the complaint's heading ("被告：日本某某株式会社上海
//     代表处", "原告：香港某某贸易有限公司"), read as a party field's name is
//     (foreignBodyName, regionalName): INFER_FOREIGN_FROM_PARTY_NAME;
//   - a party "在中华人民共和国领域内没有住所" (CPL 2023 art. 276 ¶1's
//     words for a defendant the foreign-related jurisdiction rules reach;
//     Interp. 520 (2)): INFER_FOREIGN_DOMICILE_FROM_TEXT.
//
// A Chinese legal person with foreign capital (外商独资企业, 中外合资经营企业)
// is no foreign party: its heading's name is a mainland body's.

// partyHeadings open a party as a complaint's heading names it; the name
// follows (headingName). plaintiffHeadings are the plaintiffs' alone.
var partyHeadings = [...]string{"原告:", "被告:", "第三人:"}

// foreignNameInHeadings reports whether a folded text's heading names a
// party whose name is a Hong Kong, Macao or Taiwan body's (regionalName)
// or a foreign body's (foreignBodyName).
//
// Every heading ends in a colon: one scan for the colon, asking what
// stands before it, finds every occurrence of each heading that three
// searches for the headings would (a third of the cost, on complaints of
// a dozen colons; callgrind 2026-12-06).
func foreignNameInHeadings(held *hanscan.Text, text string) bool {
	for at := range occurrencesIn(held, text, ":") {
		if !slices.ContainsFunc(partyHeadings[:], func(h string) bool { return strings.HasSuffix(text[:at+1], h) }) {
			continue
		}
		if name := headingName(text[at+1:]); name != "" && (regionalName(name) || foreignBodyName(name, name)) {
			return true
		}
	}
	return false
}

// The words of a statement that a party has no domicile in China, read
// backwards from its 住所: 没有 or 无, then 领域内 or 境内, then the
// country named (a 境内 or 领域内 alone may be a city's: "在本市境内没有住所"
// is a venue question, CPL 22). A scan from each 住所 rather than a
// regular expression over the whole text: the expression cost a civil
// complaint's Decide some 490,000 instructions (callgrind, 2026-12-06),
// three times all the rest; TestNoDomicileInChinaAsExpression compares
// the two on random texts.
var (
	noDomicileNegations = []string{"没有", "无"}
	noDomicileRealms    = []string{"领域内", "境内"}
	noDomicileCountries = []string{"中华人民共和国", "中国", "我国"}
)

// noDomicileInChinaAt returns where the statement that ends at the 住所 at
// i begins (its country's first byte), or -1 when the words before that
// 住所 are not such a statement.
func noDomicileInChinaAt(text string, i int) int {
	before := text[:i]
	for _, words := range [...][]string{noDomicileNegations, noDomicileRealms, noDomicileCountries} {
		w := suffixIn(before, words)
		if w == "" {
			return -1
		}
		before = before[:len(before)-len(w)]
	}
	return len(before)
}

// noDomicileInChinaStated reports whether a folded text says a party
// (partySubject) has no domicile in China (noDomicileInChinaAt), not
// negated just before (并非在中国境内没有住所).
func noDomicileInChinaStated(held *hanscan.Text, text string, subjects []string) bool {
	if !held.Contains(text, "住所") || !strings.Contains(text, "内") {
		return false
	}
	for at := range occurrencesIn(held, text, "住所") {
		start := noDomicileInChinaAt(text, at)
		if start < 0 {
			continue
		}
		before := strings.TrimSuffix(text[:start], "在")
		if suffixIn(before, negations) != "" {
			continue
		}
		if partySubject(text, start, subjects) {
			return true
		}
	}
	return false
}
