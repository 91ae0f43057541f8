package rules

import (
	"regexp"
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
func foreignNameInHeadings(text string) bool {
	for _, h := range partyHeadings {
		for rest := text; ; {
			i := hanscan.Index(rest, h)
			if i < 0 {
				break
			}
			rest = rest[i+len(h):]
			if name := headingName(rest); name != "" && (regionalName(name) || foreignBodyName(name, name)) {
				return true
			}
		}
	}
	return false
}

// noDomicileInChina matches a statement that a party has no domicile in
// China: the country named (a 境内 or 领域内 alone may be a city's: "在本市
// 境内没有住所" is a venue question, CPL 22), then 领域内 or 境内, then 没有
// or 无 住所.
var noDomicileInChina = regexp.MustCompile(`(?:中华人民共和国|中国|我国)(?:领域内|境内)(?:没有|无)住所`)

// noDomicileInChinaStated reports whether a folded text says a party
// (partySubject) has no domicile in China (noDomicileInChina), not negated
// just before (并非在中国境内没有住所).
func noDomicileInChinaStated(text string, subjects []string) bool {
	if !hanscan.Contains(text, "住所") || !strings.Contains(text, "内") {
		return false
	}
	for _, loc := range noDomicileInChina.FindAllStringIndex(text, -1) {
		before := strings.TrimSuffix(text[:loc[0]], "在")
		if suffixIn(before, negations) != "" {
			continue
		}
		if partySubject(text, loc[0], subjects) {
			return true
		}
	}
	return false
}
