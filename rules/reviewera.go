package rules

import (
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// The days the court-management texts behind the review signals were
// issued (each took effect on issue). docs/statutes.md cites the copies read.
var (
	// 最高人民法院关于完善人民法院司法责任制的若干意见 (法发〔2015〕13号),
	// published in full on 2015-09-21: art. 24 first listed the cases whose
	// progress 院长、副院长、庭长 may require reported.
	opinion2015Issued = time.Date(2015, 9, 21, 0, 0, 0, 0, time.UTC)
	// 关于进一步完善“四类案件”监督管理工作机制的指导意见 (法发〔2021〕30号),
	// issued 2021-11-04, which replaced art. 24's list (its item 2) and
	// spelt out 重大、疑难、复杂、敏感 (item 3), adding 国家利益、社会公共利益
	// and 敏感 cases.
	opinion2021Issued = time.Date(2021, 11, 4, 0, 0, 0, 0, time.UTC)
	// 最高人民法院关于适用《中华人民共和国行政诉讼法》的解释 (法释〔2018〕1号),
	// in force 2018-02-08: its art. 48 is the first period article of an
	// administrative text.
	adminInterp2018InForce = time.Date(2018, 2, 8, 0, 0, 0, 0, time.UTC)
)

// reviewCodes are the review signals' codes as the texts in force on a
// filing date support them, as civilInferCodes are the inferences'.
type reviewCodes struct {
	groupDispute, groupCause, majorImpact, textSignal string
	sensitiveCause, publicInterest                    string
	courtProvince                                     string
	// groupInterest: a civil or administrative filing stating group
	// interests (人民陪审员法第十五条第一款第一项, from 2018-04-27), and for a
	// civil filing from 2022-01-01 CPL 42(2) beside it. Empty before
	// 2018-04-27 and for a criminal filing, which criminal() judges.
	groupInterest string
}

// reviewCodesOn returns the review codes for a filing of that date:
//   - from 2021-11-04 法发〔2021〕30号; the public interest also cites CPL
//     42 from 2022-01-01, when it came into force;
//   - 2015-09-21 to 2021-11-03 法发〔2015〕13号 art. 24 where an item holds
//     the signal: (1) 涉及群体性纠纷，可能影响社会稳定的 for a group dispute
//     and a group-prone cause, (2) 疑难、复杂且在社会上有重大影响的 for
//     major social impact (which the message says must be difficult or
//     complex too), the whole article for the text's keywords. No item
//     names a public interest or a sensitive case: those codes cite
//     nothing;
//   - before 2015-09-21 no SPC text listed cases for supervision: every
//     such signal still asks for review (a person looks; routing is
//     unchanged) but cites nothing and says so;
//   - the court/province conflict by the small-claims law of the date (the
//     regime's article, and the maritime courts' text as the maritime
//     inference cites it); before 2013 no province decided anything, and
//     its code cites nothing;
//   - the public interest cites CPL 42 on a civil filing only: a criminal
//     or administrative case is not tried under the CPL's 审判组织
//     articles (行政诉讼法第一百零一条 does not send them there), so from
//     2022 those kinds cite 法发〔2021〕30号 alone, as before 2022;
//   - group interests: 人民陪审员法 alone before 2022-01-01 (civil) or
//     always (administrative); with CPL 42(2) on a civil filing from 2022.
func reviewCodesOn(kind triagev1.CaseKind, on time.Time) reviewCodes {
	rc := reviewCodes{
		groupDispute: CodeReviewGroupDispute, groupCause: CodeReviewGroupCause,
		majorImpact: CodeReviewMajorImpact, textSignal: CodeReviewTextSignal,
		sensitiveCause: CodeReviewSensitiveCause, publicInterest: CodeReviewPublicInterest,
		courtProvince: CodeReviewCourtProvince,
	}
	civil := kind == triagev1.CaseKind_CASE_KIND_CIVIL
	switch {
	case kind == triagev1.CaseKind_CASE_KIND_CRIMINAL || on.Before(assessorsLawInForce):
	case civil && !on.Before(cpl2021InForce):
		rc.groupInterest = CodeReviewGroupInterest
	default:
		rc.groupInterest = CodeReviewGroupInterestAssessors15
	}
	if !civil {
		rc.publicInterest = CodeReviewPublicInterest2021
	}
	if on.Before(cpl2021InForce) {
		rc.publicInterest = CodeReviewPublicInterest2021
		rc.courtProvince = CodeReviewCourtProvinceCPL2017
	}
	if on.Before(opinion2021Issued) {
		rc.groupDispute, rc.groupCause = CodeReviewGroupDispute2015, CodeReviewGroupCause2015
		rc.majorImpact, rc.textSignal = CodeReviewMajorImpact2015, CodeReviewTextSignal2015
		rc.sensitiveCause, rc.publicInterest = CodeReviewSensitiveNoText, CodeReviewPublicInterestNoText
	}
	if on.Before(opinion2015Issued) {
		rc.groupDispute, rc.groupCause = CodeReviewGroupDisputeNoText, CodeReviewGroupCauseNoText
		rc.majorImpact, rc.textSignal = CodeReviewMajorImpactNoText, CodeReviewTextSignalNoText
	}
	switch {
	case on.Before(cpl2012InForce):
		rc.courtProvince = CodeReviewCourtProvinceNoText
	case on.Before(maritimeReply2013InForce):
		rc.courtProvince = CodeReviewCourtProvinceCPL2012
	case on.Before(interp2015InForce):
		rc.courtProvince = CodeReviewCourtProvinceReply2013
	}
	return rc
}

// holidayMissingCodeOn returns the code that says a due date was not
// checked against the holidays, citing the period article of the case
// kind's text in force on the filing date:
//   - from 2022-01-01 the current code, which names all three (CPL 85 ¶3,
//     CrPL 105 ¶4, 行诉法解释 48 ¶3, each in force by then);
//   - civil: CPL 2012/2017 art. 82 ¶3 from 2013-01-01, CPL 1991/2007 art.
//     75 ¶3 before (the same words);
//   - criminal: CrPL 105 ¶4 from 2018-10-26, CrPL 2012 art. 103 ¶4 from
//     2013-01-01, the 1998 interpretation's art. 103 from 1998-09-08; before
//     it the 1996 law's art. 79, which has no holiday rule at all;
//   - administrative: 行诉法解释 48 ¶3 from 2018-02-08; from 2015-05-01
//     ALL art. 101, which sends 期间 to the CPL (art. 82 ¶3); before, the
//     1989 law had no period article and the interpretations' reference to
//     civil procedure was not checked by date: the code cites nothing.
func holidayMissingCodeOn(kind triagev1.CaseKind, on time.Time) string {
	if !on.Before(cpl2021InForce) {
		return CodeHolidayCalendarMissing
	}
	switch kind {
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		switch {
		case !on.Before(crpl2018InForce):
			return CodeHolidayMissingCrPL2018
		case !on.Before(crpl2012InForce):
			return CodeHolidayMissingCrPL2012
		case !on.Before(crInterp1998InForce):
			return CodeHolidayMissingInterp1998
		}
		return CodeHolidayMissingCrPL1996
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		switch {
		case !on.Before(adminInterp2018InForce):
			return CodeHolidayMissingAdmin2018
		case !on.Before(adminLaw2014InForce):
			return CodeHolidayMissingAdmin2014
		}
		return CodeHolidayMissingAdmin1989
	}
	if on.Before(cpl2012InForce) {
		return CodeHolidayMissingCPL2007
	}
	return CodeHolidayMissingCPL2017
}

// isDetainedCode reports whether code is one of the custody inferences
// crimCodesOn gives: a stored decision may carry any of them, including
// CRPL105_… on a filing before 2013, which rules versions before
// 2026-12-04 gave.
func isDetainedCode(code string) bool {
	switch code {
	case CodeCrPL105Detained, CodeCrPL2012Detained, CodeInterp1998Detained, CodeCrPL1996Detained:
		return true
	}
	return false
}
