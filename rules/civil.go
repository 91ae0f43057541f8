package rules

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// civil decides small claims (CPL 165–166), simplified (CPL 160, Interp. 257,
// 264, 140) and ordinary procedure for a civil first-instance filing. Each
// statutory step is its own function, called in the order that fixes the
// order of the reasons: inferences, then the small-claims, simplified and
// ordinary options.
func (e *Engine) civil(f *triagev1.Filing, a *Assessment) {
	c := f.GetCircumstances()
	g := civilGroundsOf(f, a)
	inferCivilFacts(f, a, g)

	// Small claims, under the law in force on the filing date: none before
	// 2013-01-01, CPL 162 (30%) until 2021-12-31 — at a basic court of the
	// 繁简分流 pilot from 2020-01-15 the pilot's ¥50,000 / ¥100,000 —, CPL
	// 165 (50% / 2×) since.
	law := e.smallClaimsLawOf(f.GetCourt(), f.GetProvince(), g.pilotCourt, a.FiledOn)
	a.Facts.CivilPilot = law.pilotCity
	sc := smallClaimsBars(f, &a.Facts, law.reg, law.inForce, g)

	a.Limit = law.lim.proto(f.GetProvince(), law.found, law.reg)
	if law.found && f.GetClaimAmountFen() > 0 {
		a.Facts.AmountToLimit = float64(f.GetClaimAmountFen()) / float64(law.lim.mandatoryFen)
	}
	if law.inForce {
		a.Options = append(a.Options, e.smallClaimsByAmount(f, a, law, g, sc))
	} else {
		// Before 2013 there was no limit to look for: the procedure itself
		// did not exist, which is no reason to review the case.
		a.Options = append(a.Options, option(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, sc, nil))
	}

	a.Options = append(a.Options, simplifiedOption(c, g))
	a.Options = append(a.Options, ordinaryOption(c, &a.Facts, g, a.FiledOn))
}

// civilGrounds are the findings on a civil filing that the tests of more
// than one procedure use.
type civilGrounds struct {
	// basic is a filing at a basic-level court.
	basic bool
	// levelFromName: the filing states a basic court, but the court's name
	// is that of an intermediate, high or supreme court (namedAboveBasic).
	levelFromName bool
	// pilotCourt: a basic court that is not a maritime court, the courts
	// whose small claims the 繁简分流 pilot governed in its cities
	// (civilPilotCity).
	pilotCourt bool
	// maritime is a filing at a maritime court. Maritime courts sit at
	// intermediate level, yet Interp. 273 lets them use small claims and
	// 海事诉讼特别程序法第九十八条 simplified procedure: the special law
	// displaces CPL 160's basic-court condition for them (its article 2:
	// 本法有规定的，依照其规定).
	maritime bool
	// anyWhereabouts: some party's whereabouts are unknown (CPL 166(4)).
	anyWhereabouts bool
	// defendantWhereabouts: some defendant's whereabouts are unknown
	// (Interp. 257(1)).
	defendantWhereabouts bool
	// newPanel: CPL 41 ¶3, ¶4 send the case to a newly formed panel.
	newPanel bool
	// i257 are the Interp. 257 (2)–(6) bars, in the order of its items.
	i257 []*triagev1.Reason
	// byKind are the bars of simplified procedure and small claims that
	// the kind of suit sets, whatever its facts (suitKindBars).
	byKind []*triagev1.Reason
	// singleJudge are the grounds that rule out a single judge.
	singleJudge []*triagev1.Reason
	// ip2015: the cause is an intellectual-property dispute and the filing
	// date falls under 民诉法解释（2015年）第二百七十五条第三项, which
	// excluded such disputes from small claims until CPL 166 replaced it.
	ip2015 bool
	// pre2015: the filing predates the 2015 interpretation (2015-02-04), so
	// Interp. 257's bars, where they existed, were 若干规定 art. 1's.
	pre2015 bool
	// pre2013: the filing predates CPL 2012 (2013-01-01): small claims did
	// not exist, and the simplified and bench rules were the 1991/2007
	// text's arts. 142, 40 and 41.
	pre2013 bool
	// filedOn is the filing date, for the rules whose articles changed more
	// often than these flags tell (simplifiedCodesOn, benchCodesOn).
	filedOn time.Time
	// pre2022: the filing predates CPL 2021 (in force 2022-01-01), so the
	// small-claims exclusions and bench rules are those of CPL 2012/2017
	// and the 2015 interpretation: other articles, and in part other law.
	pre2022 bool
	// maritimeSmallClaims: a maritime court may use small claims on this
	// date — from 2013-06-26 (法释〔2013〕16号; then Interp. 2015 art. 273,
	// Interp. 273). Before, CPL 2012 art. 162 gave it to basic courts only.
	maritimeSmallClaims bool
}

// civilGroundsOf finds a filing's civilGrounds, and records in a.Facts
// whether the court is a maritime court. It reads a.Facts.Numerous, so
// Engine.facts must have run.
func civilGroundsOf(f *triagev1.Filing, a *Assessment) civilGrounds {
	c := f.GetCircumstances()
	g := civilGrounds{
		maritime: maritimeCourt(f),
	}
	// Simplified procedure and small claims belong to basic courts and
	// their tribunals (CPL 160, 165); holding a stated level against the
	// court's name would make small claims mandatory at an intermediate
	// court.
	g.basic, g.levelFromName = basicCourtOf(f)
	a.Facts.Maritime = g.maritime
	g.pilotCourt = g.basic && !g.maritime
	g.anyWhereabouts, g.defendantWhereabouts = whereaboutsUnknown(f.GetParties())
	g.pre2022 = a.FiledOn.Before(cpl2021InForce)
	g.maritimeSmallClaims = g.maritime && !a.FiledOn.Before(maritimeReply2013InForce)
	g.pre2015 = a.FiledOn.Before(interp2015InForce)
	g.pre2013 = a.FiledOn.Before(cpl2012InForce)
	g.filedOn = a.FiledOn
	// A 公益诉讼 or 第三人撤销之诉 cause is that suit whether or not the
	// filing sets its flag; inferCivilFacts says so. The written cause is
	// read too: until rules 2026-12-04.22 "环境污染责任纠纷公益诉讼" resolved
	// to the tort and "消费者权益保护纠纷（民事公益诉讼）" to no cause, and
	// both got mandatory small claims (Interp. 257(5) closes simplified
	// procedure to the suit).
	fx := &a.Facts
	fx.PublicInterest = fx.PublicInterest || causeUnder(fx.Cause, publicInterestNode) ||
		causeNames(fx.Cause.Written, publicInterestNode)
	fx.ThirdPartyRevocation = fx.ThirdPartyRevocation || causeUnder(fx.Cause, thirdPartyRevocationNode) ||
		causeNames(fx.Cause.Written, thirdPartyRevocationNode)
	g.i257 = interp257Bars(c, fx, g.pre2015, g.filedOn)
	g.byKind = suitKindBars(fx.Cause, a.FiledOn)
	g.singleJudge, g.newPanel = singleJudgeBars(c, a.FiledOn)
	g.ip2015 = interp2015IPExcluded(a.FiledOn) && intellectualProperty(a.Facts.Cause)
	return g
}

// interp2015IPExcluded reports whether 民诉法解释（2015年）第二百七十五条
// 第三项 (知识产权纠纷 not in small claims) governs a filing of that date:
// from the interpretation's entry into force (2015-02-04; the 2020
// amendment kept the article) until CPL 2021's art. 166, in force
// 2022-01-01, which lists the exclusions itself and leaves IP out. Filings
// of 2013-01-01 to 2015-02-03 had CPL 2012 art. 162 alone, which names no
// exclusion, so none is applied to them here.
func interp2015IPExcluded(on time.Time) bool {
	return !on.Before(interp2015InForce) && on.Before(cpl2021InForce)
}

// ipChapters are the chapters of 民事案件案由规定 第五部分 that are
// intellectual-property disputes; its other chapters (不正当竞争纠纷,
// 垄断纠纷) are competition disputes, not 知识产权纠纷.
var ipChapters = []string{"知识产权合同纠纷", "知识产权权属、侵权纠纷"}

// ipWords name an intellectual-property right in a written cause. Filings of
// 2015–2021 use the 2011 catalogue's names (专利合同纠纷, 侵害专利权纠纷,
// 专利权权属纠纷), which do not all resolve into today's IP chapters.
var ipWords = []string{"专利", "著作权", "商标", "植物新品种", "集成电路布图设计"}

// intellectualProperty reports whether the cause, or another its field
// names, is an IP dispute: it lies in an IP chapter of the catalogue, or the
// catalogue placed it no deeper than a chapter (or not at all) and its
// written words (Cause.Written) name an IP right.
// A cause the catalogue puts in a specific node elsewhere (知识产权质权纠纷
// under 物权) is what the catalogue says. A cause resolved only to the 部分
// (知识产权与竞争纠纷) is not established by the path: that part also holds
// the competition chapters.
func intellectualProperty(c Cause) bool {
	return c.anyCause(func(c Cause) bool {
		if len(c.Path) >= 2 && slices.Contains(ipChapters, c.Path[1]) {
			return true
		}
		if c.Level >= 3 {
			return false
		}
		return slices.ContainsFunc(ipWords, func(w string) bool { return strings.Contains(c.Written, w) })
	})
}

// inferCivilFacts completes what the filing states by what the cause
// implies (docs/statutes.md, Inferences), and appends the inferences in
// their fixed order: personal status, property rights, non-monetary, public
// interest, third-party revocation, numerous, foreign, maritime court, a
// court above the basic level by name.
func inferCivilFacts(f *triagev1.Filing, a *Assessment, g civilGrounds) {
	c := f.GetCircumstances()
	fx := &a.Facts
	ic := civilInferCodesOn(g.filedOn)
	// A field naming several causes (Cause.Others) is each of their kinds.
	is := func(cat Category) bool {
		return fx.Cause.anyCause(func(o Cause) bool { return o.Category == cat })
	}
	fx.PersonalStatus = c.GetPersonalStatus()
	if !fx.PersonalStatus && is(CategoryPersonalStatus) {
		fx.PersonalStatus = true
		a.Inferences = append(a.Inferences, reason(ic.personalStatus))
	}
	fx.PropertyConfirmation = c.GetPropertyRightsConfirmation()
	if !fx.PropertyConfirmation && is(CategoryPropertyConfirmation) {
		fx.PropertyConfirmation = true
		a.Inferences = append(a.Inferences, reason(ic.propertyRights))
	}
	fx.NonMonetary = c.GetNonMonetaryClaims()
	if !fx.NonMonetary && (is(CategoryNonMonetary) ||
		notMoneyPaymentForm(fx.Cause) && !fx.PersonalStatus && !fx.PropertyConfirmation) {
		fx.NonMonetary = true
		a.Inferences = append(a.Inferences, reason(ic.nonMonetary))
	}
	if fx.PublicInterest && !c.GetPublicInterest() {
		a.Inferences = append(a.Inferences, reason(ic.publicInterest))
	}
	if fx.ThirdPartyRevocation && !c.GetThirdPartyRevocation() {
		a.Inferences = append(a.Inferences, reason(ic.thirdPartyRevocation))
	}
	if fx.Numerous {
		a.Inferences = append(a.Inferences, reason(ic.numerous))
	}
	if fx.Foreign && !fx.ForeignFacts {
		a.Inferences = append(a.Inferences, reason(ic.foreign))
	}
	// Before MSPL 98 (2000-07-01) a maritime court had no procedure of a
	// basic court, whatever level the filing states, and the inference says
	// so; from then on it is given where the stated level is not basic.
	if g.maritime && (!g.basic || g.filedOn.Before(msplInForce)) {
		a.Inferences = append(a.Inferences, reason(ic.maritime))
	}
	if g.levelFromName {
		a.Inferences = append(a.Inferences, reason(ic.courtAboveBasic))
	}
}

// civilInferCodes are the codes of the civil inferences whose article
// depends on the filing date, as benchCodes are of the bench rules, and of
// the court-level review signal (reviewCourtLevel: CPL 160, 165 / 2012 and
// 2017 arts. 157, 162 / 1991 and 2007 art. 142).
type civilInferCodes struct {
	reviewCourtLevel                                                                   string
	personalStatus, propertyRights, nonMonetary                                        string
	publicInterest, thirdPartyRevocation, numerous, foreign, maritime, courtAboveBasic string
}

// civilInferCodesOn returns the inference codes for a filing of that date:
//   - personal status, property rights, non-monetary claims: CPL 166(1),
//     165 from 2022-01-01; Interp. 2015 arts. 275(1), 274 from 2015-02-04;
//     CPL 2012 art. 162 before (and before 2013, when these facts, which
//     only small claims read, had no article: the amendment that created
//     the procedure is cited, as CPL162_NOT_IN_FORCE cites it);
//   - public interest and third-party revocation: CPL 2021 arts. 42(1), 59
//     ¶3 from 2022-01-01 with Interp. 257(5), (6); from 2015-02-04 Interp.
//     2015 art. 257 with CPL 2012/2017 arts. 55, 56 ¶3; before, CPL 2012
//     arts. 55, 56 ¶3 alone (若干规定 art. 1(5) for the public interest),
//     and so before 2013 too: both suits were created by the 2012
//     amendment, so no older text names them;
//   - numerous parties: Interp. 75 from 2015-02-04, the 1992 opinion's
//     art. 59 before;
//   - a foreign-related case: Interp. 520, 549 from 2022-04-10 (the 2022
//     revision renumbered them), Interp. 2015 arts. 522, 551 from
//     2015-02-04, the 1992 opinion's art. 304 before;
//   - a maritime court: Interp. 273 from 2015-02-04, 法释〔2013〕16号 from
//     2013-06-26, 海事诉讼特别程序法第九十八条 (simplified procedure only)
//     before;
//   - a court named above the basic level: CPL 2021 arts. 18–21, 160, 165
//     from 2022-01-01, CPL 2012/2017 arts. 17–20, 157, 162 from
//     2013-01-01, CPL 1991/2007 arts. 18–21, 142 before.
func civilInferCodesOn(on time.Time) civilInferCodes {
	ic := civilInferCodes{
		personalStatus: CodeInferPersonalStatus, propertyRights: CodeInferPropertyRights,
		nonMonetary:    CodeInferNonMonetary,
		publicInterest: CodeInferPublicInterest, thirdPartyRevocation: CodeInferThirdPartyRevocation,
		numerous: CodeInferNumerous, foreign: CodeInferForeign,
		maritime: CodeInferMaritimeCourt, courtAboveBasic: CodeInferCourtAboveBasic,
		reviewCourtLevel: CodeReviewCourtLevel,
	}
	if on.Before(cpl2021InForce) {
		ic.publicInterest, ic.thirdPartyRevocation = CodeInferPublicInterest2015, CodeInferThirdPartyRevocation2015
		ic.courtAboveBasic, ic.reviewCourtLevel = CodeInferCourtAboveBasic2017, CodeReviewCourtLevelCPL2017
		ic.personalStatus, ic.propertyRights = CodeInferPersonalStatus2015, CodeInferPropertyRights2015
		ic.nonMonetary = CodeInferNonMonetary2015
	}
	if on.Before(interp2022InForce) {
		ic.foreign = CodeInferForeign2015
	}
	if on.Before(interp2015InForce) {
		ic.publicInterest, ic.thirdPartyRevocation = CodeInferPublicInterest2012, CodeInferThirdPartyRevocation2012
		ic.numerous, ic.foreign = CodeInferNumerous1992, CodeInferForeign1992
		ic.maritime = CodeInferMaritimeCourt2013
		ic.personalStatus, ic.propertyRights = CodeInferPersonalStatus2012, CodeInferPropertyRights2012
		ic.nonMonetary = CodeInferNonMonetary2012
	}
	if on.Before(maritimeReply2013InForce) {
		ic.maritime = CodeInferMaritimeCourtMSPL
	}
	if on.Before(msplInForce) {
		ic.maritime = CodeInferMaritimeCourt1984
	}
	if on.Before(cpl2012InForce) {
		ic.courtAboveBasic, ic.reviewCourtLevel = CodeInferCourtAboveBasic2007, CodeReviewCourtLevelCPL2007
	}
	return ic
}

// higherCourtNames are the names CPL 19–21 give the courts above the basic
// level, as they appear in a court's name ("南京市中级人民法院",
// "江苏省高级人民法院"), the 铁路运输中级法院's form without 人民, and the
// specialised courts the NPC Standing Committee set up at intermediate level
// (北京、上海、广州、海南自由贸易港知识产权法院; 上海、北京、成渝金融法院). No
// basic court or tribunal is named so: a basic court's specialised bench is
// a 法庭 (知识产权法庭, 金融法庭), and the internet courts (互联网法院) are basic
// courts. Maritime courts (海事法院), intermediate too, have their own rule
// (civilGrounds.maritime).
var higherCourtNames = []string{"中级人民法院", "高级人民法院", "最高人民法院", "中级法院", "知识产权法院", "金融法院"}

// namedAboveBasic reports whether a court's name is that of a court above
// the basic level, of an intermediate court's tribunal named alone
// (namedIntermediateTribunal), or of a specialised court whose name does
// not say its level (namedSpecialAboveBasic).
func namedAboveBasic(court string) bool {
	return slices.ContainsFunc(higherCourtNames, func(n string) bool { return strings.Contains(court, n) }) ||
		namedIntermediateTribunal(court) || namedSpecialAboveBasic(court)
}

// namedIntermediateTribunal reports whether a court's name is that of a
// tribunal set up inside an intermediate court and named alone: a
// cross-regional IP tribunal approved by the SPC (最高人民法院关于同意南京市、
// 苏州市、武汉市、成都市中级人民法院内设专门审判机构并跨区域管辖部分知识产权案件的
// 批复, 2017, and the like replies for 杭州, 宁波, 深圳 and some twenty cities
// since: "南京知识产权法庭", "武汉知识产权审判庭"), or a financial tribunal
// (深圳市中级人民法院's 深圳金融法庭, set up in 2017; docs/statutes.md round
// 22). Either hears the intermediate court's cases. A basic court's
// tribunal is named with its court ("杭州市滨江区人民法院知识产权法庭"), so a
// name with 人民法院 in it is left to the other rules.
func namedIntermediateTribunal(court string) bool {
	return (strings.Contains(court, "知识产权法庭") || strings.Contains(court, "知识产权审判庭") ||
		strings.Contains(court, "金融法庭")) && !strings.Contains(court, "人民法院")
}

// militaryPLA is the prefix of the PLA's military courts' names.
const militaryPLA = "中国人民解放军"

// militaryCourtsAboveBasic are the military courts above the basic level
// named without a 战区, 军区 or 总直属 (namedSpecialAboveBasic): the PLA's
// military court itself (high level, 法院代字 "军") and, before the 2016
// reform, the navy's, air force's and Second Artillery's (大单位 courts,
// intermediate level).
var militaryCourtsAboveBasic = []string{"军事法院", "海军军事法院", "空军军事法院", "第二炮兵军事法院"}

// namedSpecialAboveBasic reports whether a court's name is that of a
// specialised court above the basic level that higherCourtNames cannot
// tell: 甘肃矿区人民法院, named like a district's court, whose appeals the
// 甘肃 high court hears (so of intermediate level), and the military courts
// of intermediate and high level — since 2016 the PLA's military court (high)
// and the 战区 and 总直属 military courts (intermediate), before it the
// 军区 and arm-of-service courts (intermediate). Basic military courts are
// named by a city or unit ("中国人民解放军上海军事法院", "…北京军区空军军事法院")
// and are not read. Levels and sources: docs/statutes.md, round 22.
func namedSpecialAboveBasic(court string) bool {
	if strings.Contains(court, "甘肃矿区人民法院") || strings.Contains(court, "甘肃省矿区人民法院") {
		return true
	}
	if !strings.HasSuffix(court, "军事法院") {
		return false
	}
	if strings.Contains(court, "战区") || strings.Contains(court, "总直属") || strings.HasSuffix(court, "军区军事法院") {
		return true
	}
	return slices.Contains(militaryCourtsAboveBasic, strings.TrimPrefix(court, militaryPLA))
}

// basicCourtName matches the names only a basic court or its tribunal bears:
// a district's, county's or banner's 人民法院, a county-level city's ("昆山市
// 人民法院", "东莞市第二人民法院": a city's court above the basic level is a
// 中级人民法院), a 人民法庭, an internet court, a railway transport court
// (its intermediate court is a 铁路运输中级法院, which namedAboveBasic reads).
var basicCourtName = regexp.MustCompile(`(区|县|旗|市)(第[一二三四五六七八九十]+)?人民法院|人民法庭|互联网法院|铁路运输法院`)

// namedBasic reports whether a court's name is surely a basic court's. A
// name fenjian reads as above the basic level (甘肃矿区人民法院 among them)
// and a maritime court are not; a district's court named 矿区 (阳泉市矿区人民
// 法院, 井陉矿区人民法院) is.
func namedBasic(court string) bool {
	return basicCourtName.MatchString(court) && !namedAboveBasic(court) &&
		!strings.Contains(court, "海事法院")
}

// maritimeCourt reports whether the filing's court is a 海事法院, a court of
// intermediate level (its appeals go to the high court) that civil law
// gives rules of its own (civilGrounds.maritime) and criminal law none of
// the basic courts' procedures.
func maritimeCourt(f *triagev1.Filing) bool {
	return strings.Contains(f.GetCourt(), "海事法院")
}

// basicCourtOf reports whether a civil or criminal filing is at a basic
// court, and whether the court's name overrode the level it states: a court
// whose name is a higher level's is no basic court, whatever level the
// filing states, for the name is the court's own and the level a field a
// clerk picks. The caller states the inference in its own law's words.
func basicCourtOf(f *triagev1.Filing) (basic, byName bool) {
	if f.GetCourtLevel() != triagev1.CourtLevel_COURT_LEVEL_BASIC {
		return false, false
	}
	if namedAboveBasic(f.GetCourt()) {
		return false, true
	}
	return true, false
}

// The catalogue's 特殊诉讼程序案件案由 and 非讼程序案件案由 (民事案件案由规定,
// parts 10 and 11 of the 2020 edition): suits and applications whose
// procedure the law fixes by their kind, so that the cause alone decides it.
const (
	specialSuitsPart         = "特殊诉讼程序案件案由"
	nonContentiousPart       = "非讼程序案件案由"
	publicInterestNode       = "公益诉讼"
	thirdPartyRevocationNode = "第三人撤销之诉"
	// executionObjectionNode is the suit of CPL 238 (2021 text art. 234),
	// by 案外人 or 申请执行人, that Interp. 302–313 govern; its siblings
	// under 执行程序中的异议之诉 (追加、变更被执行人异议之诉,
	// 执行分配方案异议之诉) rest on other texts, which fix no procedure.
	executionObjectionNode = "执行异议之诉"
)

// causeUnder reports whether a civil cause, or another its field names,
// lies under node in the catalogue's 特殊诉讼程序案件案由 part.
func causeUnder(c Cause, node string) bool {
	return c.anyCause(func(c Cause) bool {
		return len(c.Path) >= 2 && c.Path[0] == specialSuitsPart && slices.Contains(c.Path[1:], node)
	})
}

// nonContentious reports whether a civil cause, or another its field
// names, is a non-contentious case (the catalogue's 非讼程序案件案由: 特别程序,
// 督促程序, 公示催告程序, bankruptcy, preservation, protection orders,
// arbitration review…).
func nonContentious(c Cause) bool {
	return c.anyCause(func(c Cause) bool { return len(c.Path) >= 1 && c.Path[0] == nonContentiousPart })
}

// suitKindBars returns what closes simplified procedure, and with it small
// claims (Interp. 281), because of the kind of suit the cause names:
//   - an execution objection suit "适用普通程序" (Interp. 308; from
//     2015-02-04, when the 2015 interpretation's art. 310 said so first);
//   - a non-contentious case is heard in the procedure the law gives it,
//     not as a simple dispute: 若干规定 art. 1(4) excludes "法律规定应当适用
//     特别程序、审判监督程序、督促程序、公示催告程序和企业法人破产还债程序的"
//     cases from simplified procedure (the review signal
//     REVIEW_NON_CONTENTIOUS_CAUSE says the ordinary option is no answer
//     either).
func suitKindBars(c Cause, filedOn time.Time) []*triagev1.Reason {
	switch {
	case causeUnder(c, executionObjectionNode) && !filedOn.Before(interp2015InForce):
		return []*triagev1.Reason{reason(CodeInterp308OrdinaryOnly)}
	case nonContentious(c):
		return []*triagev1.Reason{reason(CodeNonContentiousProcedure)}
	}
	return nil
}

// notMoneyPaymentForm reports whether a written civil cause (any cause its
// field names, at its deepest level: Cause.Leaves) names, by its first words, an action that is no 金钱给付 (CPL 165 ¶1 "简单金钱给付民事案件"):
// a declaration (确认之诉: "确认借款合同无效纠纷", "确认不侵害专利权纠纷"), the
// rescission, revocation or modification of a legal relation (形成之诉:
// "解除合同纠纷", "撤销权纠纷", "变更…"), or an injunction ("停止侵害纠纷").
// Money may be claimed beside them (return of what was paid, damages), but
// the case is not a simple money-payment case. The catalogue's longest
// contained name would say otherwise (借款合同纠纷, 合同纠纷 and an
// infringement node are money-payment causes), or there is none
// (撤销权纠纷 and 停止侵害纠纷 are no catalogue names). Catalogue causes
// beginning so (确认合同无效纠纷, 债权人撤销权纠纷, 请求变更公司登记纠纷) are
// non-monetary, personal status (撤销婚姻纠纷, 解除收养关系纠纷) or property
// confirmation already.
func notMoneyPaymentForm(c Cause) bool {
	return slices.ContainsFunc(c.leaves(), func(w string) bool {
		return slices.ContainsFunc(notMoneyPaymentPrefixes, func(p string) bool { return strings.HasPrefix(w, p) })
	})
}

// notMoneyPaymentPrefixes are the first words notMoneyPaymentForm reads.
var notMoneyPaymentPrefixes = []string{"确认", "解除", "撤销", "变更", "停止侵害"}

// whereaboutsUnknown reports whether any party's whereabouts are unknown,
// and whether a defendant's are.
func whereaboutsUnknown(parties []*triagev1.Party) (anyParty, defendant bool) {
	for _, p := range parties {
		if p.GetWhereaboutsUnknown() {
			anyParty = true
			if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
				defendant = true
			}
		}
	}
	return anyParty, defendant
}

// interp257Bars returns Interp. 257 (2)–(6): cases that may not use
// simplified procedure, and so neither its small-claims form (Interp. 281).
// Item (1) is checked apart: for small claims CPL 166(4) is wider (any
// party, not only the defendant). Before 2015-02-04 items (2)–(4) were
// 若干规定 art. 1 (2)–(4) ("发回重审的", "共同诉讼中一方或者双方当事人人数众多
// 的", "法律规定应当适用…审判监督程序…的"). Items (5) and (6) had no express
// counterpart: only art. 1(5), "人民法院认为不宜适用简易程序进行审理的", the
// court's own finding, could close simplified procedure to a public-interest
// or third-party revocation suit. fenjian takes that finding as made, so as
// never to offer a procedure the later law forbids, and the codes
// (PROV1_PUBLIC_INTEREST, PROV1_THIRD_PARTY_REVOCATION) say it is the
// court's finding, not an express bar (docs/statutes.md, Civil: simplified).
//
// Before 2003-12-01, when 若干规定 was not yet in force, a remand and a
// retrial cite the 1992 意见's art. 174, which barred them alike; the
// other items keep 若干规定's codes (no article of the day was found for
// them: docs/statutes.md, Known gaps).
func interp257Bars(c *triagev1.Circumstances, fx *Facts, pre2015 bool, filedOn time.Time) []*triagev1.Reason {
	remanded, numerousCode, retrial := CodeInterp257Remanded, CodeInterp257Numerous, CodeInterp257Retrial
	publicInterest, thirdParty := CodeInterp257PublicInterest, CodeInterp257ThirdPartyRevoke
	if pre2015 {
		remanded, numerousCode, retrial = CodeProv1Remanded, CodeProv1Numerous, CodeProv1Retrial
		publicInterest, thirdParty = CodeProv1PublicInterest, CodeProv1ThirdPartyRevocation
	}
	if filedOn.Before(prov2003InForce) {
		remanded, retrial = CodeOpinion1992Remanded, CodeOpinion1992Retrial
	}
	var i257 []*triagev1.Reason
	if c.GetRemanded() {
		i257 = append(i257, reason(remanded))
	}
	if fx.Numerous {
		i257 = append(i257, reason(numerousCode))
	}
	if c.GetRetrial() {
		i257 = append(i257, reason(retrial))
	}
	if fx.PublicInterest {
		i257 = append(i257, reason(publicInterest))
	}
	if fx.ThirdPartyRevocation {
		i257 = append(i257, reason(thirdParty))
	}
	return i257
}

// singleJudgeBars returns the grounds that rule out a single judge, and so
// simplified procedure (small claims included), which is always a single
// judge (CPL 40 ¶2, 163); and whether the case goes to a newly formed panel.
// Before 2022 the CPL had no list of cases barred from a single judge (CPL
// 42 came with the 2021 amendment); from 2018-04-27 to 2021-12-31 a major
// social impact bars one under 人民陪审员法第十六条第四项, before that nothing
// (the review signal still flags it).
func singleJudgeBars(c *triagev1.Circumstances, filedOn time.Time) (bars []*triagev1.Reason, newPanel bool) {
	// CPL 42(3): a case of wide public attention or major social impact may
	// not be heard by a single judge.
	// Before it, from 2018-04-27, 人民陪审员法第十六条第四项 already sent a
	// case of major social impact to a seven-member panel with assessors.
	switch {
	case !c.GetMajorSocialImpact():
	case !filedOn.Before(cpl2021InForce):
		bars = append(bars, reason(CodeCPL42SingleJudgeBarred))
	case !filedOn.Before(assessorsLawInForce):
		bars = append(bars, reason(CodeAssessors16MajorSocialImpact))
	}
	// CPL 41 ¶3, ¶4: a remanded case, and a retrial of a first-instance case,
	// go to a newly formed panel. Interp. 257 (2), (4) already bar simplified
	// procedure; this is the second, independent ground, and the one that
	// also rules out a single judge in ordinary procedure (CPL 40 ¶2).
	// Before 2022 the same rule was CPL 2012/2017 art. 40 ¶2, ¶3, before
	// 2013 CPL 1991/2007 art. 41 ¶2, ¶3 (benchCodesOn).
	newPanel = c.GetRemanded() || c.GetRetrial()
	if newPanel {
		bars = append(bars, reason(benchCodesOn(filedOn).newPanelSingleJudge))
	}
	return bars, newPanel
}

// benchCodes are the codes of the bench rules as numbered in the text in
// force on a filing date: the panel ordinary procedure requires on the
// facts, the newly formed panel of a remanded or retried case, and the bar
// that panel puts on a single judge.
type benchCodes struct {
	panel, newPanel, newPanelSingleJudge string
	// maritimePanel: a maritime court's ordinary procedure is a panel.
	maritimePanel string
}

// benchCodesOn returns the bench codes for a filing of that date:
//   - from 2022-01-01 CPL 42 (1), (3) and 41 ¶3, ¶4;
//   - 2013-01-01 to 2021-12-31 CPL 2012/2017 art. 39 (first instance: a
//     panel, one judge only in simplified procedure) and art. 40 ¶2, ¶3;
//   - before 2013 the same rules as CPL 1991/2007 art. 40 and art. 41 ¶2,
//     ¶3 ("发回重审的案件，原审人民法院应当按照第一审程序另行组成合议庭。审理
//     再审案件，原来是第一审的，按照第一审程序另行组成合议庭").
func benchCodesOn(on time.Time) benchCodes {
	switch {
	case !on.Before(cpl2021InForce):
		return benchCodes{CodeCPL42PanelRequired, CodeCPL41PanelRequired, CodeCPL41SingleJudgeBarred, CodeCPL40MaritimePanel}
	case !on.Before(cpl2012InForce):
		return benchCodes{CodeCPL2017PanelRequired, CodeCPL2017NewPanel, CodeCPL2017NewPanelSingleJudge, CodeCPL2017MaritimePanel}
	}
	return benchCodes{CodeCPL2007PanelRequired, CodeCPL2007NewPanel, CodeCPL2007NewPanelSingleJudge, CodeCPL2007MaritimePanel}
}

// simplifiedCodesOn returns the codes of the simplified-procedure conditions
// as the texts in force on a filing date state them: the court level, the
// simple case, and the parties' agreement.
//   - from 2022-01-01 CPL 160 ¶1, ¶2;
//   - 2013-01-01 to 2021-12-31 CPL 2012/2017 art. 157 ¶1, ¶2;
//   - before 2013 CPL 1991/2007 art. 142, which had no agreement paragraph:
//     from 2003-12-01 若干规定 art. 2 let the parties choose simplified
//     procedure with the court's consent; before it no text did, and only
//     a simple case opens it.
func simplifiedCodesOn(on time.Time) (courtLevel, simple, agreement string) {
	switch {
	case !on.Before(cpl2021InForce):
		return CodeCPL160CourtLevel, CodeCPL160Simple, CodeCPL160Agreement
	case !on.Before(cpl2012InForce):
		return CodeCPL2017SimplifiedCourtLevel, CodeCPL2017SimplifiedSimple, CodeCPL2017SimplifiedAgreement
	case !on.Before(prov2003InForce):
		return CodeCPL2007SimplifiedCourtLevel, CodeCPL2007SimplifiedSimple, CodeProv2Agreement
	}
	return CodeCPL2007SimplifiedCourtLevel, CodeCPL2007SimplifiedSimple, CodeCPL2007SimplifiedSimple
}

// prov1WhereaboutsCode is the bar a defendant's unknown whereabouts puts on
// simplified procedure before 2015-02-04: 若干规定 art. 1(1) from
// 2003-12-01, before it the 1992 意见's art. 169 (from 1992-07-14). Before
// the 意见 no text named the case: CPL 1991 art. 142 opened simplified
// procedure to 事实清楚、权利义务关系明确、争议不大的简单的民事案件 and art. 84
// served a defendant 下落不明 by public notice, deemed served sixty days
// on. Whether such a case was simple is not established by the filing
// (its defendant's side is unheard), so simplified stays closed, citing
// those articles and saying no text barred it in words (statute round 38:
// until rules 2026-12-06.46 the 1992 意见 was cited before it existed).
func prov1WhereaboutsCode(on time.Time) string {
	switch {
	case on.Before(opinion1992InForce):
		return CodeCPL1991Whereabouts
	case on.Before(prov2003InForce):
		return CodeOpinion1992Whereabouts
	}
	return CodeProv1Whereabouts
}

// publicNoticeCode is the bar public-notice service puts on simplified
// procedure (small claims included), as the text in force on the filing
// date states it: Interp. 140 from 2015-02-04; before, 若干规定 art. 8(1),
// which sent a case whose defendant could not be served directly or by
// leaving the papers to ordinary procedure — where public notice could be
// given.
func publicNoticeCode(pre2015 bool) string {
	if pre2015 {
		return CodeProv8PublicNotice
	}
	return CodeInterp140PublicNotice
}

// smallClaimsBars returns what bars small claims whatever the amount: the
// law not in force, or the court and the claim outside it (CPL 165 ¶1 /
// 162), then the exclusions, then an agreement that cannot overcome them.
func smallClaimsBars(f *triagev1.Filing, fx *Facts, reg smallClaimsRegime, inForce bool, g civilGrounds) []*triagev1.Reason {
	var sc []*triagev1.Reason
	if !inForce {
		sc = append(sc, reason(CodeCPL162NotInForce))
	} else {
		if !g.basic && !g.maritimeSmallClaims {
			sc = append(sc, reason(reg.courtLevel))
		}
		// The API's 0 is "no money claimed", which a claim that is not
		// for money explains; a money-payment cause (a loan, a sale's
		// price) without an amount has left its 标的额 unstated, and that
		// decides small claims (smallClaimsByAmount), not the claim's form.
		if fx.NonMonetary || f.GetClaimAmountFen() == 0 && !amountOmitted(f, fx) {
			sc = append(sc, reason(reg.notMoney))
		}
	}
	excluded := smallClaimsExclusions(f.GetCircumstances(), fx, g)
	sc = append(sc, excluded...)
	// Only CPL 165 ¶2 (and before it the pilot's art. 5) lets an agreement
	// matter; under CPL 162 it had no effect.
	if len(excluded) > 0 && f.GetCircumstances().GetPartiesAgreeSmallClaims() && reg.agreement {
		sc = append(sc, reason(reg.agreementExcluded))
	}
	return sc
}

// amountOmitted reports whether a filing without an amount has left out the
// 标的额 of a money claim rather than claimed no money: its cause is a
// money-payment cause (金钱给付: a loan, a price, wages) and it states no
// claim that is not for money. A mixed or non-monetary cause without an
// amount may well ask for no money (腾退房屋 in a 房屋租赁合同纠纷).
//
// So has a filing of another cause whose claims text names a sum and asks
// for nothing but money (Facts.Claims): until rules 2026-12-04.28 "支付
// 租金8000元" in a 房屋租赁合同纠纷 without an amount was confidently no
// money claim (CPL165_NOT_MONEY_PAYMENT), where CPL 165 ¶1 may make small
// claims the court's duty.
func amountOmitted(f *triagev1.Filing, fx *Facts) bool {
	if f.GetClaimAmountFen() != 0 || fx.NonMonetary || fx.PersonalStatus || fx.PropertyConfirmation {
		return false
	}
	return fx.Cause.Category == CategoryMoneyPayment || fx.Claims.MaxFen > 0 && !fx.Claims.NonMoney
}

// smallClaimsExclusions returns the cases excluded from small claims, by
// the law in force on the filing date (docs/statutes.md, Audit):
//   - from 2022-01-01, CPL 166 (1)–(5);
//   - before, 民诉法解释（2015年）第二百七十五条 (1), (2), (4) for personal
//     status, property confirmation, foreign and appraisal; item (3), IP,
//     which CPL 166 dropped (g.ip2015, from 2015-02-04 only). Before
//     2015-02-04 CPL 2012 art. 162 alone applied: small claims only for
//     "符合本法第一百五十七条第一款规定的简单的民事案件", read as excluding
//     the same four kinds; their codes cite art. 162 first;
//   - before 2022 no rule excluded a case because some party's whereabouts
//     were unknown: only a defendant's, through the simplified-procedure bar
//     (Interp. 2015 art. 257(1); before 2015-02-04 the 2003 简易程序规定
//     art. 1(1)), small claims being a form of simplified procedure;
//   - before 2022 a counterclaim did not exclude small claims; it took the
//     case out only when it no longer met the conditions (Interp. 2015 art.
//     280; 2022 text art. 278), which smallClaimsByAmount states as a
//     condition and a text stating a counterclaim sets (civilCaseText);
//   - before 2013 small claims did not exist (CPL162_NOT_IN_FORCE): the
//     exclusions of the law that created it, which cite CPL 2012 art. 162
//     and the 2015 interpretation, are no reason on such a filing.
//
// Public-notice service (Interp. 140; before 2015-02-04 若干规定 art. 8(1)),
// the Interp. 257 bars and the single-judge bars follow: they bar
// simplified procedure, whichever law applies.
func smallClaimsExclusions(c *triagev1.Circumstances, fx *Facts, g civilGrounds) []*triagev1.Reason {
	var excluded []*triagev1.Reason
	exclude := func(cpl166, interp2015, cpl2012 string) {
		switch {
		case g.pre2013:
			// No small claims, so no exclusion from them: CPL162_NOT_IN_FORCE.
		case g.pre2015:
			excluded = append(excluded, reason(cpl2012))
		case g.pre2022:
			excluded = append(excluded, reason(interp2015))
		default:
			excluded = append(excluded, reason(cpl166))
		}
	}
	if fx.PersonalStatus {
		exclude(CodeCPL166PersonalStatus, CodeInterp2015PersonalStatus, CodeCPL2012PersonalStatus)
	}
	if fx.PropertyConfirmation {
		exclude(CodeCPL166PropertyRights, CodeInterp2015PropertyRights, CodeCPL2012PropertyRights)
	}
	if fx.Foreign {
		exclude(CodeCPL166Foreign, CodeInterp2015Foreign, CodeCPL2012Foreign)
	}
	if g.ip2015 {
		excluded = append(excluded, reason(CodeInterp2015IntellectualProp))
	}
	if c.GetAppraisalNeeded() {
		exclude(CodeCPL166Appraisal, CodeInterp2015Appraisal, CodeCPL2012Appraisal)
	}
	switch {
	case g.pre2015 && g.defendantWhereabouts:
		// Before 2015-02-04 the bar is 若干规定 art. 1(1) alone, as for the
		// other simplified-procedure bars on this option (interp257Bars):
		// the 2015 interpretation was not yet in force.
		excluded = append(excluded, reason(prov1WhereaboutsCode(g.filedOn)))
	case g.pre2022 && g.defendantWhereabouts:
		excluded = append(excluded, reason(CodeInterp2015Whereabouts))
	case !g.pre2022 && g.anyWhereabouts:
		excluded = append(excluded, reason(CodeCPL166Whereabouts))
	}
	if c.GetCounterclaim() && !g.pre2022 {
		excluded = append(excluded, reason(CodeCPL166Counterclaim))
	}
	if c.GetPublicNoticeService() {
		excluded = append(excluded, reason(publicNoticeCode(g.pre2015)))
	}
	excluded = append(excluded, g.i257...)
	excluded = append(excluded, g.byKind...)
	excluded = append(excluded, g.singleJudge...)
	return excluded
}

// simplifiedOption returns the simplified-procedure option, under the texts
// in force on the filing date (simplifiedCodesOn): CPL 160's court level,
// Interp. 257's bars, Interp. 264 (an agreement cannot overcome them),
// Interp. 140 and the single-judge bars; its conditions are CPL 160 (simple
// case or agreement) and, at a maritime court, MSPL 98.
func simplifiedOption(c *triagev1.Circumstances, g civilGrounds) *triagev1.ProcedureOption {
	courtLevel, simple, agreement := simplifiedCodesOn(g.filedOn)
	var simp []*triagev1.Reason
	// A maritime court, of intermediate level whatever level the filing
	// states, has simplified procedure by MSPL 98 only, from 2000-07-01;
	// before, CPL 1991 art. 142 left it none.
	switch {
	case g.maritime && g.filedOn.Before(msplInForce):
		simp = append(simp, reason(CodeMSPL98NotInForce))
	case !g.basic && !g.maritime:
		simp = append(simp, reason(courtLevel))
	}
	// Before 2015-02-04 若干规定 art. 1 (1) and art. 2 stood for Interp. 257(1), 264.
	whereabouts, noAgreement := CodeInterp257Whereabouts, CodeInterp264NoAgreement
	if g.pre2015 {
		whereabouts, noAgreement = prov1WhereaboutsCode(g.filedOn), CodeProv1AgreementExcluded
	}
	if g.defendantWhereabouts {
		simp = append(simp, reason(whereabouts))
	}
	simp = append(simp, g.i257...)
	// Before 2003-12-01 no text let the parties choose simplified procedure
	// (simplifiedCodesOn), so there was no agreement for a rule to refuse:
	// PROV1_AGREEMENT_NOT_ALLOWED would cite 若干规定 arts. 1, 2 before they
	// existed.
	agreementRule := !g.filedOn.Before(prov2003InForce)
	if c.GetPartiesAgreeSimplified() && agreementRule && (g.defendantWhereabouts || len(g.i257) > 0) {
		simp = append(simp, reason(noAgreement))
	}
	if c.GetPublicNoticeService() {
		simp = append(simp, reason(publicNoticeCode(g.pre2015)))
	}
	simp = append(simp, g.byKind...)
	simp = append(simp, g.singleJudge...)
	simpConds := []*triagev1.Reason{reason(simple)}
	if c.GetPartiesAgreeSimplified() {
		simpConds[0] = reason(agreement)
	}
	if g.maritime && !g.filedOn.Before(msplInForce) {
		simpConds = append(simpConds, reason(CodeMSPL98Simplified))
	}
	return option(triagev1.Procedure_PROCEDURE_SIMPLIFIED, simp, simpConds)
}

// ordinaryOption returns the ordinary-procedure option: always open; it
// notes when the law requires a panel (CPL 42(1), (3); CPL 41) and that no
// time limit applies to a foreign-related case (CPL 287, or the article of
// that rule in force on the filing date: foreignNoTimeLimitCode). Numerous parties
// alone do not require a panel: CPL 42(2) asks for a group dispute that may
// affect stability, a judgement left to review.
func ordinaryOption(c *triagev1.Circumstances, fx *Facts, g civilGrounds, filedOn time.Time) *triagev1.ProcedureOption {
	var ord []*triagev1.Reason
	// Before 2022 ordinary procedure always sat as a panel (CPL 2012/2017
	// art. 39, CPL 1991/2007 art. 40); the reason is given on the same facts
	// as CPL 42's, so the panel a judge must form is named, with the article
	// then in force.
	bench := benchCodesOn(filedOn)
	if fx.PublicInterest || c.GetMajorSocialImpact() {
		ord = append(ord, reason(bench.panel))
	}
	if g.newPanel {
		ord = append(ord, reason(bench.newPanel))
	}
	// A maritime court is of intermediate level (1984 NPCSC decision, art.
	// 3): CPL 40 ¶2's single judge in ordinary procedure is a basic court's
	// (before 2022 there was none, and the 繁简分流 pilot had no maritime
	// court), so its ordinary cases are heard by a panel. Said on the option,
	// RequiresPanel and basicCourt read it: no 速裁团队 holds such a case.
	if g.maritime {
		ord = append(ord, reason(bench.maritimePanel))
	}
	// Interp. 292 (2015-02-04 to 2022-04-09 its 2015 text's art. 294,
	// INTERP2015_294_PANEL_REQUIRED): a third-party
	// revocation suit is heard by a panel. Before 2015 ordinary procedure
	// was a panel anyway (CPL 2012 art. 39), and no rule named this suit.
	if fx.ThirdPartyRevocation && !g.pre2015 {
		code := CodeInterp292PanelRequired
		if filedOn.Before(interp2022InForce) {
			code = CodeInterp2015PanelRequired
		}
		ord = append(ord, reason(code))
	}
	if fx.Foreign {
		ord = append(ord, reason(foreignNoTimeLimitCode(filedOn)))
	}
	return option(triagev1.Procedure_PROCEDURE_ORDINARY, nil, ord)
}

// smallClaimsLaw is the small-claims law that governs a civil filing: the
// regime of the filing date and the province's figure in force (regimeOn,
// limitFor), or at a court of the 繁简分流 pilot during it the pilot's
// fixed figures (civilPilotCity).
type smallClaimsLaw struct {
	reg     smallClaimsRegime
	inForce bool
	lim     limit
	found   bool
	// pilotCity is the pilot's city, "" where the statute governs.
	pilotCity string
}

// smallClaimsLawOf returns the small-claims law for a filing at court in
// province on a date; pilotCourt says the court is one the pilot can
// reach (civilGrounds.pilotCourt).
func (e *Engine) smallClaimsLawOf(court, province string, pilotCourt bool, on time.Time) smallClaimsLaw {
	if city := civilPilotCity(court, province, pilotCourt, on); city != "" {
		return smallClaimsLaw{reg: civilPilotRegime(), inForce: true, lim: civilPilotLimit(province), found: true, pilotCity: city}
	}
	reg, inForce := regimeOn(on)
	lim, found := e.limitFor(province, on)
	return smallClaimsLaw{reg: reg, inForce: inForce, lim: lim, found: found}
}

// amountBandOf is the band of a small claim: the amount field's against
// the limit (bandUnknown without a limit or an amount), or a changed claim's
// the text states when that is worse (changedClaimBand, Interp. 278), with
// the change's reason.
func amountBandOf(a *Assessment, amount int64, agree bool, lim limit, found bool) (amountBand, *triagev1.Reason) {
	b := bandUnknown
	if found && amount > 0 {
		b = band(amount, agree, lim)
	}
	return changedClaimBand(a, b, amount, agree, lim, found)
}

// overReasons are the reasons a band above the figure bars small claims
// with: the regime's, and a changed claim's (changed, nil when the amount
// field decides); none for another band.
func overReasons(reg smallClaimsRegime, b amountBand, changed *triagev1.Reason) []*triagev1.Reason {
	var rs []*triagev1.Reason
	switch b {
	case bandOverMandatory:
		rs = append(rs, reason(reg.overMandatory))
	case bandOverAgreement:
		rs = append(rs, reason(reg.overAgreement))
	default:
		return nil
	}
	if changed != nil {
		rs = append(rs, changed)
	}
	return rs
}

// smallClaimsByAmount applies the amount bands of the law in force (CPL
// 165's two bands, the pilot's two, or CPL 162's single 30% band) and
// returns the small-claims option with every reason that bars it. An
// unknown or imprecise limit is flagged only where it decides the outcome; a
// derived limit is not flagged: the decision shows it as derived, with the
// statistic it rests on.
func (e *Engine) smallClaimsByAmount(f *triagev1.Filing, a *Assessment, law smallClaimsLaw, g civilGrounds, blocks []*triagev1.Reason) *triagev1.ProcedureOption {
	const p = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	reg, lim, found := law.reg, law.lim, law.found
	// Before 2022 an agreement could not bring a claim into small claims.
	agree := f.GetCircumstances().GetPartiesAgreeSmallClaims() && reg.agreement
	amount := f.GetClaimAmountFen()
	b, changed := amountBandOf(a, amount, agree, lim, found)
	if b != bandUnknown {
		// A derived figure whose statistic a newer one has superseded is
		// probably too low (wages rise): it decides only a claim above it,
		// and only when nothing else bars small claims.
		over := b == bandOverMandatory || b == bandOverAgreement
		if over && len(blocks) == 0 && lim.outdatedOn(a.FiledOn) {
			a.ReviewReasons = append(a.ReviewReasons, reason(CodeLimitDerivedOutdated))
		}
		if len(blocks) == 0 && e.courtProvinceAnswersOtherwise(f, a, g, b) {
			return undetermined(p, reason(reviewCodesOn(triagev1.CaseKind_CASE_KIND_CIVIL, a.FiledOn).courtProvince))
		}
		blocks = append(blocks, overReasons(reg, b, changed)...)
	}
	if len(blocks) > 0 {
		return option(p, blocks, nil)
	}
	if !found {
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeLimitUnknown))
		return undetermined(p, reason(CodeLimitUnknown))
	}
	// A cause the catalogue does not know (or a field naming one beside a
	// known cause) says nothing of whether the case is a 简单金钱给付 case or
	// one CPL 166 (1) excludes: small claims is left to a person (the
	// review's CAUSE_UNKNOWN), never made the court's duty on a guess.
	// Until rules 2026-12-04.23 it was mandatory, with the review beside it.
	if !a.Facts.Cause.Complete() {
		return undetermined(p, reason(CodeCauseUnknown))
	}
	if o := notSimpleSmallClaims(a); o != nil {
		return o
	}
	// A party's objection the court must examine (CPL 169 ¶2, statute
	// round 34): small claims is no one's duty until it has.
	if o := objectedSmallClaims(a); o != nil {
		return o
	}
	// No amount, or claims that doubt it (claimsInDoubt): the 标的额 and
	// the 金钱给付 that CPL 165 ¶1 reads are a person's to read.
	if code := claimsInDoubt(&a.Facts, reg, amount, agree, lim, b); code != "" {
		a.ReviewReasons = append(a.ReviewReasons, reason(code))
		return undetermined(p, reason(code))
	}
	// A party the text says cannot be reached (失联, 联系不上: readCivil
	// gave the review): whether his whereabouts are unknown, which CPL
	// 166(4) (before 2022 Interp. 2015 art. 257(1) or 若干规定 art. 1(1),
	// of the defendant) keeps out of small claims, is the court's to find.
	if why := unreachableReason(&a.Facts, a.FiledOn); why != nil {
		return undetermined(p, why)
	}
	// A month-only effective date leaves the days of that month ambiguous:
	// flag it when the entry before would have given another answer.
	if lim.monthOnly && a.FiledOn.Year() == lim.from.Year() && a.FiledOn.Month() == lim.from.Month() {
		prev, hadPrev := e.limitFor(f.GetProvince(), lim.from.AddDate(0, 0, -1))
		if !hadPrev || band(amount, agree, prev) != b {
			a.ReviewReasons = append(a.ReviewReasons, reason(CodeLimitEffectiveApproximat))
		}
	}
	switch b {
	case bandAgreementUnknown:
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeLimitAgreementUnknown))
		return undetermined(p, reason(CodeLimitAgreementUnknown))
	case bandAgreement:
		conds := []*triagev1.Reason{reason(reg.agreementOK)}
		if changed != nil {
			conds = append(conds, changed)
		}
		return option(p, nil, conds)
	default:
		// Interp. 273: a maritime court "可以" use small claims — an option
		// the court may take, never the CPL 165 ¶1 duty of a basic court;
		// this holds for its 派出法庭 too, whatever level a filing gives them.
		// Before 2022 it did so at 30% (民诉法解释（2015年）第二百七十三条;
		// before 2015-02-04 法释〔2013〕16号).
		var conds []*triagev1.Reason
		switch {
		case a.Facts.Maritime && reg.agreement:
			conds = append(conds, reason(CodeInterp273NotMandatory))
		case a.Facts.Maritime && a.FiledOn.Before(interp2015InForce):
			conds = append(conds, reason(CodeReply2013MaritimeOptional))
		case a.Facts.Maritime:
			conds = append(conds, reason(CodeInterp2015MaritimeOptional))
		default:
			conds = append(conds, reason(reg.mandatory))
		}
		if counterclaimCondition(f, a.FiledOn) {
			conds = append(conds, reason(CodeInterp2015Counterclaim))
		}
		o := option(p, nil, conds)
		o.Mandatory = !a.Facts.Maritime
		return o
	}
}

// notSimpleSmallClaims is the small-claims option of a filing whose text
// calls this case complex, difficult or new (Facts.NotSimple), nil for
// another. Small claims is for 事实清楚、权利义务关系明确、争议不大的简单
// 金钱给付民事案件 (CPL 165 ¶1; 2013–2021 art. 162 with art. 157 ¶1), and
// CPL 42(4) bars a single judge from a 新类型或者疑难复杂 case: whether the
// case is so is the court's finding, not a party's, so nothing is closed,
// but the option is left undetermined rather than offered as the court's
// duty (statute round 32; until then the review alone was given, beside a
// mandatory small claim). The review is REVIEW_COMPLEX_IN_TEXT_CIVIL, or
// for 新类型 and 疑难复杂 the text signal (one phrase, one review).
//
// Statute round 33: a text calling this case a group dispute or one of wide
// public attention in CPL 42 (2), (3)'s words (Facts.GroupImpact) is read
// the same way, with REVIEW_GROUP_IMPACT_IN_TEXT_CIVIL.
func notSimpleSmallClaims(a *Assessment) *triagev1.ProcedureOption {
	switch {
	case a.Facts.NotSimple != "":
		return undetermined(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
			reasonWithWords(CodeReviewComplexInTextCivil, a.Facts.NotSimple))
	case a.Facts.GroupImpact != "":
		return undetermined(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
			reasonWithWords(CodeReviewGroupImpactInTextCivil, a.Facts.GroupImpact))
	}
	return nil
}

// counterclaimCondition reports whether a small claim's option carries
// Interp. 2015 art. 280's condition: from 2015-02-04 to 2021-12-31 a
// counterclaim took the case out of small claims only when it no longer
// met the conditions (the 2022 revision renumbered it 278 and CPL 166(5)
// made a counterclaim an exclusion); at a pilot court too, whose own rule
// was not read (civilpilot.go). Before 2015-02-04 no article said anything
// of a counterclaim in a small claim (CPL 2012 art. 162 alone): nothing is
// cited, the 2015 interpretation not being in force (statute round 26).
func counterclaimCondition(f *triagev1.Filing, on time.Time) bool {
	return f.GetCircumstances().GetCounterclaim() && !on.Before(interp2015InForce) && on.Before(cpl2021InForce)
}

// claimsInDoubt returns the review code that leaves small claims to a
// person when nothing bars it and the limit is known, "" when the amount
// and the claims decide it:
//   - a money-payment cause with no amount (smallClaimsBars let it
//     through): CPL 165 ¶1 makes small claims mandatory or not by the 标的额,
//     which only a person can read from the claims; so for another cause
//     whose claims text names only sums (amountOmitted);
//   - the claims text against the fields (civiltext.go): a claim for more
//     than money is no 金钱给付 case (CPL 165 ¶1), and a sum in the claims
//     above the band b the amount field puts the case in, or in a foreign
//     currency, leaves the 标的额 to a person. Either can make small claims
//     the wrong procedure, so neither may leave it mandatory; neither is
//     certain enough to close it.
func claimsInDoubt(fx *Facts, reg smallClaimsRegime, amount int64, agree bool, lim limit, b amountBand) string {
	cl := fx.Claims
	switch {
	case amount == 0 && fx.Cause.Category == CategoryMoneyPayment:
		return reg.amountNotStated
	case amount == 0:
		return reg.textAmount // omitted by what the claims text names
	case cl.NonMoney:
		return reg.textNonMoney
	case cl.ForeignCurrency || cl.MaxFen > amount && band(cl.MaxFen, agree, lim) != b:
		return reg.textAmount
	case cl.SumFen > amount && band(cl.SumFen, agree, lim) != b:
		// The claims added up are above the band the field gives (statute
		// round 30: principal and interest claimed to filing, CPL 165 ¶1's
		// 标的额): a person reads the 标的额 from the claims.
		return reg.textAmount
	case cl.OpenInterestFen > 0 && amount == cl.SumFen && amount <= math.MaxInt64/2 &&
		band(amount+cl.OpenInterestFen, agree, lim) != b:
		// The field holds the claims' sums alone and interest runs to
		// payment at a stated rate: a year of it would put the 标的额 in
		// another band (statute round 31, CPL 165 ¶1).
		return reg.textAmount
	}
	return ""
}

// courtProvinceAnswersOtherwise reports whether the court's name places it
// in another province than the filing states (Facts.CourtProvince) and the
// law there puts the claim in another band than b: that province's figure
// (CPL 165 ¶1; for a maritime court Interp. 273 says so), or in 2020–2021
// the pilot's where the court's name with that province places it in a
// pilot city and the stated province does not (or the reverse). Neither
// answer can then be trusted; (*Engine).review flags the conflict whatever
// the answer.
func (e *Engine) courtProvinceAnswersOtherwise(f *triagev1.Filing, a *Assessment, g civilGrounds, b amountBand) bool {
	q := a.Facts.CourtProvince
	if q == (Province{}) {
		return false
	}
	there := e.smallClaimsLawOf(f.GetCourt(), q.Name, g.pilotCourt, a.FiledOn)
	agree := f.GetCircumstances().GetPartiesAgreeSmallClaims() && there.reg.agreement
	return !there.found || band(f.GetClaimAmountFen(), agree, there.lim) != b
}

// amountBand is where a claim falls against a limit entry.
type amountBand int

const (
	bandUnknown          amountBand = iota
	bandMandatory                   // ≤ 50% (30% before 2022): small claims mandatory
	bandAgreement                   // ≤ 200% with agreement (CPL 165 ¶2)
	bandAgreementUnknown            // agreed, over 50%, 200% figure not announced
	bandOverMandatory               // over the mandatory figure, no agreement (or before 2022)
	bandOverAgreement               // over 200%
)

// unannouncedAgreementCeiling bounds the unannounced 200% figure: it is four
// times the 50% figure up to the province's rounding, so a claim above 4.5
// times the 50% figure is over it whatever the announcement would say. The
// bound only rules out clear cases; it is never used as a limit.
const unannouncedAgreementCeiling = 4.5

func band(amount int64, agree bool, lim limit) amountBand {
	switch {
	case amount <= lim.mandatoryFen:
		return bandMandatory
	case !agree:
		return bandOverMandatory
	case lim.agreementFen == 0 && float64(amount) > unannouncedAgreementCeiling*float64(lim.mandatoryFen):
		return bandOverAgreement
	case lim.agreementFen == 0:
		return bandAgreementUnknown
	case amount <= lim.agreementFen:
		return bandAgreement
	default:
		return bandOverAgreement
	}
}

func undetermined(p triagev1.Procedure, why *triagev1.Reason) *triagev1.ProcedureOption {
	return &triagev1.ProcedureOption{
		Procedure:    p,
		Availability: triagev1.Availability_AVAILABILITY_UNDETERMINED,
		Reasons:      []*triagev1.Reason{why},
	}
}

// limitFor returns the limit in force in a province on a date: the entry with
// the latest effective date on or before it (effective date inclusive), among
// the entries of the same statutory share as the law in force on that date.
// A 30% figure of 2021 never answers a 2022 filing: the share changed with
// the law, so without a 50% entry the limit is unknown, not stale.
func (e *Engine) limitFor(province string, on time.Time) (limit, bool) {
	p, ok := LookupProvince(province)
	if !ok {
		return limit{}, false
	}
	reg, inForce := regimeOn(on)
	if !inForce {
		return limit{province: p}, false
	}
	ls := e.limits[p.Code]
	for i := len(ls) - 1; i >= 0; i-- {
		if !ls[i].from.After(on) {
			if !sameShare(ls[i].from, reg) {
				break
			}
			return ls[i], true
		}
	}
	return limit{province: p}, false
}

// proto is the limit as a decision shows it. The article and share are those
// of the law in force on the filing date, shown even when no figure is
// configured, so the reader knows which rule the missing figure belongs to.
func (l limit) proto(written string, found bool, reg smallClaimsRegime) *triagev1.SmallClaimsLimit {
	out := &triagev1.SmallClaimsLimit{
		Province:     l.province.Name,
		ProvinceCode: l.province.Code,
		Known:        found,
		Article:      reg.article,
		Percent:      int32(reg.percent),
	}
	if out.Province == "" {
		out.Province = written
	}
	if found {
		out.MandatoryLimitFen = l.mandatoryFen
		out.AgreementLimitFen = l.agreementFen
		out.EffectiveFrom = l.entry.EffectiveFrom
		out.Source = l.entry.Source
		out.Statistic = l.entry.Statistic
		out.Derived = l.entry.Derived
	}
	return out
}
