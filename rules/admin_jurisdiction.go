package rules

import (
	"strings"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// 行政诉讼法第十五条第一项 (2014 amendment, in force 2015-05-01): the
// intermediate court tries at first instance "对国务院部门或者县级以上地方人民
// 政府所作的行政行为提起诉讼的案件". A basic court holding one holds a case
// that is not its own; art. 82 names no court level, so no procedure is
// closed, but a person must see it before the case is routed (statute round
// 24; round 23 left it unread). The 1989 text's art. 14 named 省级 governments
// only; its wording was not confirmed, so filings before 2015-05-01 are not
// read. 行诉法解释第一百三十四条第三款 takes the level of a case with the
// 复议机关 as co-defendant from the original agency, so a government named
// beside 复议 is not read either.

// governmentSuffix ends the name of a 地方人民政府.
const governmentSuffix = "人民政府"

// countyOrAbove reports whether name is a 县级以上地方人民政府 by its name:
// it ends in 人民政府, and the level before it is not a 乡 or 镇 (乡、民族乡、镇
// 人民政府 are below the county, 地方各级人民代表大会和地方各级人民政府组织法).
func countyOrAbove(name string) bool {
	name = strings.TrimSpace(name)
	if !strings.HasSuffix(name, governmentSuffix) {
		return false
	}
	before := strings.TrimSuffix(name, governmentSuffix)
	r, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && r != '乡' && r != '镇'
}

// defendantMark opens the defendant's name in a complaint (被告：…, 被告…).
const defendantMark = "被告"

// governmentDefendantIn returns a 县级以上地方人民政府 the text names as the
// defendant right after 被告 (被告杭州市西湖区人民政府, 被告：…), "" when none;
// 被告人 (a criminal defendant) is not the mark.
func governmentDefendantIn(text string) string {
	for rest := text; ; {
		i := strings.Index(rest, defendantMark)
		if i < 0 {
			return ""
		}
		after := strings.TrimLeft(rest[i+len(defendantMark):], "：: ")
		rest = rest[i+len(defendantMark):]
		if strings.HasPrefix(after, "人") {
			continue
		}
		if j := strings.Index(after, governmentSuffix); j >= 0 && utf8.RuneCountInString(after[:j]) <= 16 &&
			!strings.ContainsAny(after[:j], clauseBreaks+"作对的") && countyOrAbove(after[:j+len(governmentSuffix)]) &&
			!departmentAfter(after[j+len(governmentSuffix):]) {
			return after[:j+len(governmentSuffix)]
		}
	}
}

// departmentRunes begin what continues a government's name into one of its
// departments (人民政府办公室, 办公厅, 信访局, 法制办, 征收办, 派出机构).
const departmentRunes = "办厅室局委所部处信法征派"

// departmentAfter reports whether rest, the text right after 人民政府,
// continues the name into a department.
func departmentAfter(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(departmentRunes, r)
}

// adminIntermediateReview adds REVIEW_ALL15_GOVERNMENT_DEFENDANT to an
// administrative filing at a basic court filed from 2015-05-01 whose
// defendant (a party's name, or the text after 被告) is a 县级以上地方人民政府.
func adminIntermediateReview(f *triagev1.Filing, a *Assessment) {
	if f.GetCourtLevel() != triagev1.CourtLevel_COURT_LEVEL_BASIC || a.FiledOn.Before(adminLaw2014InForce) ||
		strings.Contains(f.GetText(), "复议") {
		return
	}
	name := governmentDefendantIn(f.GetText())
	for _, p := range f.GetParties() {
		if name == "" && p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT && countyOrAbove(p.GetName()) {
			name = strings.TrimSpace(p.GetName())
		}
	}
	if name != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewAdmin15GovernmentDefendant, name))
	}
}
