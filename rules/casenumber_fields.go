package rules

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// This file checks a filing's case number (案号) against its other fields.
// The number is the court's own record of what the case is: its 收案年度,
// its court (法院代字) and its type (类型代字), 《关于人民法院案件案号的若干规定》
// (法〔2015〕137号, as amended by 法〔2018〕335号) arts. 2–5 and
// 《人民法院案件类型及其代字标准》. The procedures the law offers follow the
// case type and the court, and the small-claims limit the court's province
// (民事诉讼法第一百六十五条), so when the number and a field disagree neither
// can be trusted to route by: the filing is refused naming the field, and
// the clerk corrects one or the other. Only what a number states plainly is
// checked; a type code not listed here (the standard has been revised since
// 2015) is not read, and an id that is not a case number is not checked.

// typeStage is what a type code says about the stage of a case.
type typeStage int

const (
	// stageFirst: a first-instance trial (a remanded case is numbered
	// anew with the first-instance code).
	stageFirst typeStage = iota + 1
	// stageRetrial: a retrial (审判监督程序); tried, when by the first-instance
	// court, under the first-instance procedure, but never simplified
	// (民诉法解释第二百五十七条第四项, 行政诉讼法第八十二条第三款) and by a newly
	// formed panel (民事诉讼法第四十一条, 刑事诉讼法第二百五十六条).
	stageRetrial
	// stageOther: not a first-instance trial of the kind fenjian triages:
	// second instance, retrial review, special procedures (民事诉讼法第十五、
	// 十七、十八章), bankruptcy, enforcement, preservation, jurisdiction,
	// criminal special proceedings.
	stageOther
	// stageThirdPartyRevocation: a third party's suit to revoke or change
	// an effective judgment, ruling or mediation statement (民撤, 民事诉讼法
	// 第五十九条第三款), a first-instance trial that simplified procedure,
	// and so small claims, may not hear (民诉法解释第二百五十七条第六项) and
	// a panel hears (民诉法解释第二百九十二条); statute round 36.
	stageThirdPartyRevocation
)

// caseType is the case kind and stage a type code states.
type caseType struct {
	kind  triagev1.CaseKind // UNSPECIFIED: no one kind (enforcement, preservation)
	stage typeStage
	what  string // how the refusal names it
}

var (
	numCivil = triagev1.CaseKind_CASE_KIND_CIVIL
	numAdmin = triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE
	numCrim  = triagev1.CaseKind_CASE_KIND_CRIMINAL
)

// caseTypes are the 类型代字 of 《人民法院案件类型及其代字标准》 whose meaning
// for fenjian is certain, and the pre-2016 maritime codes 海商初 and 海事初.
var caseTypes = map[string]caseType{
	"民初": {numCivil, stageFirst, "民事一审"}, "海商初": {numCivil, stageFirst, "海商一审"}, "海事初": {numCivil, stageFirst, "海事一审"},
	"刑初": {numCrim, stageFirst, "刑事一审"}, "行初": {numAdmin, stageFirst, "行政一审"},
	"民再": {numCivil, stageRetrial, "民事再审"}, "刑再": {numCrim, stageRetrial, "刑事再审"}, "行再": {numAdmin, stageRetrial, "行政再审"},
	"民终": {numCivil, stageOther, "民事二审"}, "刑终": {numCrim, stageOther, "刑事二审"}, "行终": {numAdmin, stageOther, "行政二审"},
	"民申": {numCivil, stageOther, "民事申请再审审查"}, "刑申": {numCrim, stageOther, "刑事申诉审查"}, "行申": {numAdmin, stageOther, "行政申请再审审查"},
	"民特": {numCivil, stageOther, "特别程序（民事诉讼法第十五章）"},
	"民督": {numCivil, stageOther, "督促程序（民事诉讼法第十七章）"},
	"民催": {numCivil, stageOther, "公示催告程序（民事诉讼法第十八章）"},
	"民辖": {numCivil, stageOther, "管辖案件"},
	"民撤": {numCivil, stageThirdPartyRevocation, "第三人撤销之诉"},
	// Statute round 37: the court's own review whether to retry (民监) and
	// the review of a procuratorate's protest (民抗) decide whether a case
	// is retried, which is then numbered 民再 (like 行赔监, 行赔抗); an
	// application for a personal safety protection order (民保令) is
	// decided by a ruling within 72 hours (反家庭暴力法第二十六条 "人身安全
	// 保护令由人民法院以裁定形式作出", 第二十八条), not by a first-instance
	// trial, as the special procedures are not.
	"民监":  {numCivil, stageOther, "民事依职权再审审查"},
	"民抗":  {numCivil, stageOther, "民事抗诉再审审查"},
	"民保令": {numCivil, stageOther, "人身安全保护令案件（反家庭暴力法第四章）"},
	"破":   {numCivil, stageOther, "破产案件"}, "破申": {numCivil, stageOther, "破产申请审查"},
	"刑核": {numCrim, stageOther, "刑事复核"}, "刑更": {numCrim, stageOther, "减刑、假释"},
	"刑医": {numCrim, stageOther, "强制医疗"}, "刑没": {numCrim, stageOther, "违法所得没收"},
	"行审": {numAdmin, stageOther, "非诉行政行为申请执行审查"},
	// 行政赔偿 (the standard's 0501–0507, as court systems' code tables copy
	// it; docs/statutes.md round 22): a compensation suit, brought alone or
	// with the act (行诉法解释第六十八条第一款第五项、第二款), is tried under the ALL
	// (行政诉讼法第三十八条第二款、第六十条), so its first instance takes ALL
	// 82–84 and its retrial ALL 82 ¶3's bar, like 行初 and 行再.
	"行赔初": {numAdmin, stageFirst, "行政赔偿一审"}, "行赔再": {numAdmin, stageRetrial, "行政赔偿再审"},
	"行赔终": {numAdmin, stageOther, "行政赔偿二审"}, "行赔申": {numAdmin, stageOther, "行政赔偿申请再审审查"},
	"行赔监": {numAdmin, stageOther, "行政赔偿依职权再审审查"}, "行赔抗": {numAdmin, stageOther, "行政赔偿抗诉再审审查"},
	"执": {stage: stageOther, what: "执行案件"}, "执恢": {stage: stageOther, what: "恢复执行"},
	"执异": {stage: stageOther, what: "执行异议"}, "执复": {stage: stageOther, what: "执行复议"},
	"财保": {stage: stageOther, what: "诉前财产保全"},
}

// specialDivision is the 专门审判代字 法〔2018〕335号 introduced (知, for
// the technical IP cases): it precedes the type code.
const specialDivision = "知"

// lookupCaseType reads a number's codes: a type code, or 知 and one.
func lookupCaseType(codes string) (caseType, bool) {
	if t, ok := caseTypes[codes]; ok {
		return t, true
	}
	if rest, ok := strings.CutPrefix(codes, specialDivision); ok {
		t, ok := caseTypes[rest]
		return t, ok
	}
	return caseType{}, false
}

// oldCaseTypes are the endings of a pre-2016 number's codes
// ((2015)临潼民初字第01826号): court abbreviation and type were written
// together, so only an ending that is certainly a type is read; a civil
// division's digit (民二初) is dropped first.
var oldCaseTypes = []string{"海商初", "海事初", "民初", "刑初", "行初", "民再", "刑再", "行再", "民终", "刑终", "行终", "民特", "民督", "民催", "商初"}

// numberFacts is what a filing id states, read as a case number.
type numberFacts struct {
	number string // the id as read, for messages
	year   int
	court  string // 法院代字; "" for a pre-2016 number
	typ    caseType
	typed  bool // typ was read
}

// idReading is a filing id read once as a case number: validateAt's
// checks (refuseDigitLookalike, validateCaseNumber) and evaluate's
// inferences all read the same reading. Each read folded and parsed the id
// again, three times a Decide, ~4% of the bench complaint's (callgrind
// 2026-12-06).
type idReading struct {
	id       string      // as sent
	folded   string      // FoldFilingID(id)
	current  bool        // folded is a case number of the current form (readCaseNumber)
	facts    numberFacts // what either form states
	numbered bool        // id is a case number of either form; else facts is empty (and not checked)
}

// readID reads id as a case number of the current form, else of the
// pre-2016 one (readOldNumber).
func readID(id string) idReading {
	r := idReading{id: id, folded: FoldFilingID(id)}
	if c, ok := readCaseNumber(r.folded); ok {
		t, typed := lookupCaseType(c.kind)
		r.current, r.numbered = true, true
		r.facts = numberFacts{number: c.String(), year: c.year, court: c.court, typ: t, typed: typed}
		return r
	}
	r.facts, r.numbered = readOldNumber(r.folded)
	return r
}

// readOldNumber reads the pre-2016 form "(2015)临潼民初字第01826号" (no
// spaces, 第 optional): its year and, when its codes end in one of
// oldCaseTypes, its type.
func readOldNumber(s string) (numberFacts, bool) {
	sc := scanner{s: s}
	if !sc.take("(") {
		return numberFacts{}, false
	}
	year := sc.digits()
	if len(year) != 4 || !sc.take(")") {
		return numberFacts{}, false
	}
	y, _ := strconv.Atoi(year) // four ASCII digits
	if y >= firstRulesYear {
		return numberFacts{}, false
	}
	start := sc.i
	for {
		r, size := utf8.DecodeRuneInString(sc.rest())
		if size == 0 || !unicode.Is(unicode.Han, r) || r == '字' {
			break
		}
		sc.i += size
	}
	codes := sc.s[start:sc.i]
	if codes == "" || !sc.take("字") {
		return numberFacts{}, false
	}
	sc.take("第")
	if sc.digits() == "" || !sc.take("号") || sc.rest() != "" {
		return numberFacts{}, false
	}
	nf := numberFacts{number: s, year: y}
	codes = dropDivisionDigit(codes)
	for _, end := range oldCaseTypes {
		if strings.HasSuffix(codes, end) {
			if end == "商初" {
				end = "民初" // a commercial division's first instance is civil
			}
			nf.typ, nf.typed = caseTypes[end], true
			break
		}
	}
	return nf, true
}

// dropDivisionDigit turns 民二初 into 民初: civil divisions numbered their
// cases by division before 2016.
func dropDivisionDigit(codes string) string {
	for _, d := range "一二三四五六七八九" {
		if i := strings.Index(codes, "民"+string(d)); i >= 0 {
			return codes[:i] + "民" + codes[i+len("民"+string(d)):]
		}
	}
	return codes
}

// courtCodeLevel is the level a 法院代字 states (art. 5): 最高法, a high
// court's character alone, two digits for an intermediate court, four for
// a basic one.
func courtCodeLevel(code string) triagev1.CourtLevel {
	if code == supremeCourt {
		return triagev1.CourtLevel_COURT_LEVEL_SUPREME
	}
	_, size := utf8.DecodeRuneInString(code)
	switch len(code) - size {
	case 0:
		return triagev1.CourtLevel_COURT_LEVEL_HIGH
	case 2:
		return triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE
	}
	return triagev1.CourtLevel_COURT_LEVEL_BASIC
}

// maritimeCourtDigits are the two digits of a maritime court (art. 5 ¶2
// (3) as amended, 72): its dispatched tribunals sit in other provinces too
// and the filing states the tribunal's (民诉法解释第二百七十三条), so its
// number says nothing about the province.
const maritimeCourtDigits = "72"

var levelNames = map[triagev1.CourtLevel]string{
	triagev1.CourtLevel_COURT_LEVEL_BASIC: "基层", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE: "中级",
	triagev1.CourtLevel_COURT_LEVEL_HIGH: "高级", triagev1.CourtLevel_COURT_LEVEL_SUPREME: "最高",
}

// levelWords are the court levels in the English of INVALID_ARGUMENT
// messages (docs/integration.md: the message's language).
var levelWords = map[triagev1.CourtLevel]string{
	triagev1.CourtLevel_COURT_LEVEL_BASIC: "basic", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE: "intermediate",
	triagev1.CourtLevel_COURT_LEVEL_HIGH: "high", triagev1.CourtLevel_COURT_LEVEL_SUPREME: "supreme",
}

var kindNames = map[triagev1.CaseKind]string{numCivil: "民事", numAdmin: "行政", numCrim: "刑事"}

// validateCaseNumber refuses a filing whose case number contradicts its
// other fields (already validated): a type fenjian does not triage, another
// case kind, court level or province, or a 收案年度 its 立案 date cannot
// have. A number of the year after a December 立案 date passes here; the
// engine sends it to review (numberFacts.yearAhead).
func validateCaseNumber(f *triagev1.Filing, r idReading) error {
	nf := r.facts
	if !r.numbered {
		return nil
	}
	if nf.typed {
		if nf.typ.stage == stageOther {
			return fieldErrorf("filing.id", "案号 %s is %s, not a first-instance case: small claims, the simplified, the ordinary and the fast-track procedures are first-instance procedures, and fenjian triages only first-instance filings", nf.number, nf.typ.what)
		}
		if nf.typ.kind != f.GetCaseKind() {
			return fieldErrorf("filing.case_kind", "案号 %s is a %s case (%s) but case_kind is %s: the procedure depends on the kind; check the 案号 or the case kind", nf.number, kindName(nf.typ.kind), kindNames[nf.typ.kind], kindName(f.GetCaseKind()))
		}
	}
	if nf.court != "" {
		if want := courtCodeLevel(nf.court); want != f.GetCourtLevel() {
			return fieldErrorf("filing.court_level", "案号 %s has the 法院代字 %s of a %s court (%s法院) but court_level is %s: small claims, the simplified and the fast-track procedures are for basic courts (基层人民法院) only; check the 案号 or the court level", nf.number, nf.court, levelWords[want], levelNames[want], levelWords[f.GetCourtLevel()])
		}
		if err := checkNumberProvince(nf, f.GetProvince()); err != nil {
			return err
		}
	}
	return checkNumberYear(nf, f.GetFiledOn())
}

// checkNumberProvince refuses a province other than the one the court code
// names: the small-claims limit is that province's (CPL 165 ¶1).
func checkNumberProvince(nf numberFacts, province string) error {
	stated, ok := LookupProvince(province)
	if !ok {
		return nil // none stated (an unknown one is refused before)
	}
	named, ok := nf.province()
	if !ok {
		return nil
	}
	if stated.Code != named.Code {
		return fieldErrorf("filing.province", "案号 %s has the 法院代字 %s of a court in %s but province is %s: the small-claims limit is the court's province's (previous-year average wage); check the 案号 or the province", nf.number, nf.court, named.Name, stated.Name)
	}
	return nil
}

// province is the province the number's 法院代字 names (art. 4: its first
// character), if it names one: not a pre-2016 number, 最高法 or 军, nor a
// maritime court's (maritimeCourtDigits).
func (nf numberFacts) province() (Province, bool) {
	r, size := utf8.DecodeRuneInString(nf.court)
	named, ok := provinceOfCourtCode(r)
	if !ok || strings.HasPrefix(nf.court[size:], maritimeCourtDigits) {
		return Province{}, false
	}
	return named, true
}

// checkNumberYear refuses a 收案年度 the 立案 date cannot have. 收案 comes
// first: a case received in one year may be registered (立案) early in the
// next (民事诉讼法第一百二十六条: within seven days, longer after 补正), so
// the number's year is the 立案 year or the one before. A number of the
// next year on a December 立案 date is not provided for by the rules
// (收案年度 is the calendar year of receipt, art. 2) but is the courts'
// practice of closing the year's statistics about 20 December and
// numbering what arrives after with the next year's numbers (two of the
// 290 real filings: 12-21 and 12-28): from 21 December it passes, earlier
// in December it is kept for review (numberFacts.yearAhead); any other year
// is refused.
func checkNumberYear(nf numberFacts, filedOn string) error {
	if filedOn == "" {
		return nil
	}
	on, err := ParseDate(filedOn)
	if err != nil {
		return nil //nolint:nilerr // validated before: cannot happen
	}
	switch d := nf.year - on.Year(); {
	case d == 0 || d == -1:
		return nil
	case d == 1 && on.Month() == time.December:
		return nil
	}
	return fieldErrorf("filing.filed_on", "案号 %s has the 收案年度 %d but the 立案 date is %s: a case is received (收案) before it is filed (立案), so its year is the 立案 year or the one before; check the 案号 or filed_on", nf.number, nf.year, filedOn)
}

// yearAhead reports whether the number is of the year after the 立案 date
// filedOn in December before the 21st, the statistical year's end:
// validateCaseNumber let it pass; it is reviewed.
func (nf numberFacts) yearAhead(filedOn string) bool {
	if filedOn == "" {
		return false
	}
	on, err := ParseDate(filedOn)
	return err == nil && nf.year == on.Year()+1 && on.Month() == time.December && on.Day() <= statisticalYearEndDay
}

// statisticalYearEndDay is the December day the courts' statistical year
// ends in practice; a next-year number from the day after is normal.
const statisticalYearEndDay = 20

// retrialFor reports whether the number says the case is a retrial while
// the filing's circumstances c do not.
func (nf numberFacts) retrialFor(c *triagev1.Circumstances) bool {
	return !c.GetRetrial() && nf.typed && nf.typ.stage == stageRetrial
}

// thirdPartyRevocationFor reports whether the number says the case is a
// third party's suit to revoke (民撤) while the filing's circumstances c
// do not.
func (nf numberFacts) thirdPartyRevocationFor(c *triagev1.Circumstances) bool {
	return !c.GetThirdPartyRevocation() && nf.typed && nf.typ.stage == stageThirdPartyRevocation
}
