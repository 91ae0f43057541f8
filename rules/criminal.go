package rules

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Sentence thresholds of CrPL 222 (fast-track: 三年有期徒刑以下), 225 (一年)
// and 216/220 (三年), in months of 有期徒刑.
const (
	fastTrackMaxSentence   = 36
	fastTrackLongSentence  = 12
	simplifiedLongSentence = 36
)

// criminal decides fast-track (CrPL 222–223, Interp. 370), simplified (CrPL
// 214–216, Interp. 360) and ordinary procedure for a public or (with
// private_prosecution) private prosecution at first instance. A condition the filing does not establish is not met:
// without the admission neither fast-track nor simplified, without the
// acceptance of the sentencing recommendation no fast-track.
func criminal(f *triagev1.Filing, a *Assessment) {
	c := f.GetCircumstances()
	fx := &a.Facts
	fx.Plea, fx.CoDefendants, fx.Sentence = PleaOf(c), CoDefendantsOf(c), SentenceOf(c)
	// The indictment's text may state a heavier recommendation than the
	// fields (a range's upper end, 三年以上, 数罪并罚, another defendant's):
	// the likely sentence is the heaviest (criminal_text.go).
	sentenceFromText(f, a)
	if sc, ok := ceilingOf(fx.Charges, a.FiledOn); ok && !fx.Sentence.Known {
		// No recommendation, but the one charge cannot be punished by
		// more than three years: the charge establishes what the
		// recommendation would have.
		fx.Sentence = fx.Sentence.withCeiling(sc)
		a.Inferences = append(a.Inferences, ceilingInference(sc, crimCodesOn(a.FiledOn).sentenceFromCharge))
	}
	plea, co, s := fx.Plea, fx.CoDefendants, fx.Sentence
	// Simplified procedure and fast-track belong to basic courts (CrPL 214,
	// 222); a court named as a higher level's is none (basicCourtOf).
	basic, byName := basicCourtOf(f)
	if byName {
		a.Inferences = append(a.Inferences, reason(crimCodesOn(a.FiledOn).courtAboveBasic))
	}
	// A 海事法院 is of intermediate level: the high court hears its
	// appeals (全国人大常委会关于在沿海港口城市设立海事法院的决定第三条). Civil
	// law gives it simplified procedure and small claims by rules of its
	// own (civil.go); criminal law gives it neither simplified procedure
	// nor fast-track, which are for 基层人民法院管辖的案件.
	if basic && maritimeCourt(f) {
		basic = false
		a.Inferences = append(a.Inferences, reason(crimCodesOn(a.FiledOn).maritimeCourt))
	}
	// Before 2013 the 1996 text's art. 20(3) gave 外国人犯罪的刑事案件 to the
	// intermediate court (the 2012 amendment deleted it). `foreign` also
	// marks 港澳台 defendants, who are not 外国人, so it bars nothing: a
	// person must check the defendant's nationality. A text that states a
	// foreign nationality has checked it (statute round 38).
	foreign := foreignDefendantBars(f, a, basic)
	impaired := anyDefendant(f, (*triagev1.Party).GetImpaired)
	minor := anyDefendant(f, (*triagev1.Party).GetMinor)
	if basic {
		fx.PassUp = PassUp{
			SecurityOrTerror: intermediateByCharge(f.GetCause(), fx.Charges, a.FiledOn),
			LifeOrDeath:      s.LifeOrDeath,
		}
		// A charge of CrPL 21(1) the allegation names and the cause field
		// does not (statute round 34): the whole case is the intermediate
		// court's (Interp. 15), reviewed with the words.
		if !fx.PassUp.SecurityOrTerror {
			if w := IntermediateChargeInText(f.GetText(), a.FiledOn); w != "" {
				fx.PassUp.SecurityOrTerror = true
				a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewSecurityTerrorChargeInText, w))
			}
		}
	}

	// Cases the law gives to a panel, whatever the sentence. Fast-track is
	// always one judge (CrPL 222), so it is barred; simplified procedure may
	// sit as a panel (CrPL 216), so it stays open on that condition, as does
	// ordinary procedure, which says which panel. Before 2013 it could not
	// (CrPL 1996 art. 174: one judge), and a new panel barred it too.
	law := crimCodesOn(a.FiledOn)
	var ftPanel, panel, simpPanel []*triagev1.Reason
	if c.GetRemanded() { // CrPL 239 (2012: 228; 1996: 192): 另行组成合议庭; Interp. 377
		ftPanel = appendCode(ftPanel, law.remandedFastTrack)
		panel = append(panel, reason(law.remandedPanel))
		simpPanel = appendCode(simpPanel, law.remandedSimplified)
		// A fast-track case remanded for 事实不清 / 证据不足 goes to the
		// ordinary procedure (Interp. 377, remand377.go).
		simpPanel = append(simpPanel, remand377(f, a)...)
	}
	if c.GetRetrial() { // CrPL 256 (2012: 245; 1996: 206): 另行组成合议庭
		ftPanel = appendCode(ftPanel, law.retrialFastTrack)
		panel = append(panel, reason(law.retrialPanel))
		simpPanel = appendCode(simpPanel, law.retrialSimplified)
	}
	// Group or public interests: Interp. 213 ¶1 (1) gives the case to judges
	// and assessors, with no proviso, from 2021-03-01. Before it only 人民陪审
	// 员法第十五条 spoke (from 2018-04-27; the 2004 decision before), and its
	// ¶2 lets a law's single judge stand ("法律规定由法官独任审理…的，从其规
	// 定"; CrPL 183 ¶1 for simplified procedure and fast-track): the panel is
	// the court's choice, so the case is reviewed, not barred, under the
	// code of the filing date (crimCodes.assessorsReview).
	if c.GetPublicInterest() || c.GetGroupInterest() {
		if law.assessorsReview != "" {
			a.ReviewReasons = append(a.ReviewReasons, reason(law.assessorsReview))
		} else {
			ftPanel = append(ftPanel, reason(CodeInterp213FastTrackBarred))
			panel = append(panel, reason(CodeInterp213AssessorPanel))
		}
	}

	// A 危害国家安全 or terrorism charge is the intermediate court's case
	// at first instance whatever the sentence (CrPL 21(1); 2012 text art.
	// 20(1)), so at a basic court it is not "基层人民法院管辖的案件" of arts.
	// 214 and 222: neither simplified procedure nor fast-track. Terrorism
	// came into art. 20(1) with the 2012 amendment; the 1996 text's art.
	// 20(1) named 反革命案件、危害国家安全案件 only.
	var juris []*triagev1.Reason
	if fx.PassUp.SecurityOrTerror {
		juris = append(juris, reason(law.securityOrTerror))
	}
	juris = append(juris, foreign...)
	ftPanel = append(ftPanel, juris...)

	// Before the 2018 amendment fast-track existed only in the basic courts
	// of the 18 pilot cities, under the pilot's own conditions (pilot.go).
	phase := criminalPilotPhase(f, a.FiledOn)
	// Special proceedings the text states (statute round 30): they close
	// fast-track where the law of the filing date had it (the pilots,
	// CrPL 2018) and simplified procedure on every date.
	// A private prosecution read from the text closes fast-track only: it
	// is not the field, which also changes simplified procedure before 2013
	// and the period (specialProceedingsIn).
	special := specialProceedingsIn(f, a, phase, basic)
	ftPanel = append(ftPanel, special.ft...)
	// The text calls the case unsuitable for a simpler procedure (statute
	// round 35b: CrPL 215(4), 223(6); Interp. 360(6)–(7), 370(8); round 36:
	// the law before 2013 and the pilots).
	unfitFT, unfitSimpl := unsuitableBars(f, a, phase)
	ftPanel = append(ftPanel, unfitFT...)
	if phase == pilot2014 || phase == pilot2016 {
		ft, ftConds := pilotFastTrack(f, phase, a.Facts.Charges, plea, co, s, impaired, minor)
		if special.private {
			ft = append(ft, reason(pilotCode(phase == pilot2014, CodePilot2014PrivateProsecution, CodePilotPrivateProsecution)))
		}
		// The first 试点办法's exclusions the fields do not carry (累犯,
		// 教唆未成年人犯罪, a breach of bail), read from the text.
		if phase == pilot2014 {
			if w := pilot2014ExclusionIn(f.GetText()); w != "" {
				ft = append(ft, reasonWithWords(CodePilot2014ExcludedInText, w))
				a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewPilot2014ExcludedInText, w))
			}
		}
		ft = append(ft, ftPanel...)
		a.Options = append(a.Options, option(triagev1.Procedure_PROCEDURE_FAST_TRACK, ft, ftConds))
	} else {
		ft := crpl222FastTrack(f, a, plea, co, s, basic, impaired, minor, special.private, phase, ftPanel)
		a.Options = append(a.Options, ft)
		uncompensatedReview(f, a, ft)
	}

	// A private prosecution (自诉) before 2013 took simplified procedure
	// under CrPL 1996 art. 174(2)–(3), not item 1's: no three-year cap, no
	// procuratorate to propose it, and the 2003 opinion that made the
	// defendant's consent a condition is one on 公诉案件 (its title). From
	// 2013 the same conditions serve both (CrPL 214 "基层人民法院管辖的案件";
	// Interp. 327 ¶1).
	private := c.GetPrivateProsecution()
	if private && law.sentenceCap {
		law.sentenceCap, law.eligible, law.objects = false, CodeCrPL1996PrivateEligible, ""
	}

	// Before 1997 the law had no simplified procedure (crimCodes1996).
	simp := appendCode(nil, law.simplifiedNotInForce)
	if !basic {
		simp = append(simp, reason(law.courtLevel))
	} else if fx.PassUp.LifeOrDeath {
		// Filed at a basic court, but a case punishable by life or death
		// is the intermediate court's (CrPL 21(2)): not 基层人民法院管辖的
		// 案件 in the sense of art. 214, whatever the defendant admits.
		simp = append(simp, reason(law.intermediate))
	}
	simp = append(simp, juris...)
	simp = append(simp, special.simpl...)
	simp = append(simp, unfitSimpl...)
	// Before 2013: the procuratorate's or the defender's refusal the text
	// states (objection1996.go).
	simp = append(simp, consentBars1996(f, a, private)...)
	// Before 2013 simplified procedure had one judge only, so a new panel
	// bars it instead of being its condition (crimCodes.remandedSimplified).
	simp = append(simp, simpPanel...)
	if law.sentenceCap && !(s.Known && s.WithinThreeYears) {
		simp = append(simp, reason(CodeCrPL1996SentenceCap))
	}
	simp = append(simp, simplifiedStatedBars(c, law, plea, co, impaired, minor)...)
	a.Options = append(a.Options,
		option(triagev1.Procedure_PROCEDURE_SIMPLIFIED, simp, simplifiedConditions(law, s, minor, panel)),
		option(triagev1.Procedure_PROCEDURE_ORDINARY, nil, panel))
}

// foreignDefendantBars reviews a basic court's filing before 2013 whose
// defendant is foreign (foreignDefendantReview) and returns the bar a
// nationality its text states puts on simplified procedure from 1997-01-01
// (CRPL1996_20_FOREIGN_DEFENDANT_IN_TEXT; before 1997 the 1979 law had no
// simplified procedure to close, CRPL1996_174_NOT_IN_FORCE says so).
func foreignDefendantBars(f *triagev1.Filing, a *Assessment, basic bool) []*triagev1.Reason {
	if !basic || !a.FiledOn.Before(crpl2012InForce) {
		return nil
	}
	w := foreignDefendantReview(f, a)
	if w == "" || a.FiledOn.Before(crpl1996InForce) {
		return nil
	}
	return []*triagev1.Reason{reasonWithWords(CodeCrPL1996ForeignDefendant, w)}
}

// foreignDefendantReview adds REVIEW_CRPL1996_20_FOREIGN_DEFENDANT to a
// basic court's filing before 2013 whose defendant is stated foreign in the
// text (foreignDefendantIn, statute round 33: the flag alone was read until
// then) or is marked foreign, and returns the text's words ("" when the
// flag alone says so). The words name a nationality, not a 港澳台 region,
// so the case is 外国人犯罪的刑事案件 and the intermediate court's (art.
// 20(3)): the caller closes simplified procedure on them (statute round
// 38: until rules 2026-12-06.46 it stayed open beside the review). The
// flag, which marks 港澳台 defendants too, is only reviewed.
func foreignDefendantReview(f *triagev1.Filing, a *Assessment) string {
	if w := foreignDefendantIn(f.GetText()); w != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewForeignDefendant1996, w))
		return w
	}
	if anyDefendant(f, (*triagev1.Party).GetForeign) {
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeReviewForeignDefendant1996))
	}
	return ""
}

// uncompensatedReview adds REVIEW_VICTIM_UNCOMPENSATED_IN_TEXT where CrPL
// 2018's fast-track (ft) is open and the text says the victim was not
// compensated or did not forgive (victimUncompensatedIn): CrPL 223(5) in
// other words, a person's judgement, not a bar (statute round 33).
func uncompensatedReview(f *triagev1.Filing, a *Assessment, ft *triagev1.ProcedureOption) {
	if !ft.GetAvailable() || a.FiledOn.Before(crpl2018InForce) {
		return
	}
	if w := victimUncompensatedIn(f.GetText()); w != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewVictimUncompensatedInText, w))
	}
}

// simplifiedStatedBars are the bars of simplified procedure the filing's
// circumstances and parties state (CrPL 214 ¶1(2)–(3), 215; Interp. 360(5),
// 566), under the law of the filing date (law).
func simplifiedStatedBars(c *triagev1.Circumstances, law crimCodes, plea Plea, co CoDefendants, impaired, minor bool) []*triagev1.Reason {
	var bars []*triagev1.Reason
	// A code is empty where the law of the filing date had no such rule
	// (crimCodes1996: major social impact before 2013, the 1998
	// interpretation's bars before 1998-09-08, the defendant's consent
	// before 2003-03-14).
	if !plea.Admits {
		bars = appendCode(bars, law.noAdmission)
	}
	if c.GetObjectsSimplified() {
		bars = appendCode(bars, law.objects)
	}
	if impaired {
		bars = appendCode(bars, law.impaired)
	}
	if c.GetMajorSocialImpact() {
		bars = appendCode(bars, law.majorImpact)
	}
	// A co-defendant's objection bars only where the defendant's consent is
	// a condition (law.objects; before 2003-03-14 it was not: crimCodes1996).
	if co.barsSimplified(law.objects != "") {
		bars = appendCode(bars, law.coDefendant)
	}
	if c.GetDefencePleadsNotGuilty() {
		bars = appendCode(bars, law.defenceNotGuilty)
	}
	// A minor defendant's legal representative or defender objects: "上述
	// 人员提出异议的，不适用简易程序" (Interp. 566). Validation refuses the
	// field without a minor defendant.
	if minor && c.GetRepresentativeObjectsSimplified() {
		bars = appendCode(bars, law.representativeObjects)
	}
	return bars
}

// simplifiedConditions are the conditions an open simplified option rests
// on: the article's own (law.eligible), a panel over three years (CrPL 216)
// and the panel the case goes to whatever the sentence (panel).
func simplifiedConditions(law crimCodes, s Sentence, minor bool, panel []*triagev1.Reason) []*triagev1.Reason {
	conds := []*triagev1.Reason{reason(law.eligible)}
	// A minor defendant's own assent is not enough: the legal
	// representative and the defender are asked too, and either one's
	// objection bars simplified procedure (Interp. 566). The filing cannot
	// say what they will answer, so it is the option's condition.
	if minor {
		conds = appendCode(conds, law.minorConsulted)
	}
	if s.OverThreeYears {
		conds = appendCode(conds, law.panelOverThreeYears)
	}
	return append(conds, panel...)
}

// crpl222FastTrack decides fast-track under CrPL 222–223 (Interp. 370): in
// force from 2018-10-26; before it, outside the pilot, CRPL222_NOT_IN_FORCE
// (with PILOT_LAPSED at a pilot court between the two 试点办法).
func crpl222FastTrack(f *triagev1.Filing, a *Assessment, plea Plea, co CoDefendants, s Sentence,
	basic, impaired, minor, private bool, phase pilotPhase, ftPanel []*triagev1.Reason) *triagev1.ProcedureOption {
	c := f.GetCircumstances()
	law := crimCodesOn(a.FiledOn)
	var ft []*triagev1.Reason
	if a.FiledOn.Before(crpl2018InForce) {
		// No law the filing date knows provides fast-track here (outside the
		// pilot courts and periods, which pilotFastTrack judges): that alone
		// closes it. Art. 222's conditions are not listed beside it, since
		// each would cite an article not yet in force to a judge reading an
		// earlier case (outside check 18: 108 of 236 real criminal filings).
		ft = append(ft, reason(CodeCrPL222NotInForce))
		if phase == pilotGap {
			ft = append(ft, reason(pilotLapsedCode(a.FiledOn)))
		}
		ft = append(ft, ftPanel...)
		return option(triagev1.Procedure_PROCEDURE_FAST_TRACK, ft, []*triagev1.Reason{reason(CodeCrPL222Eligible)})
	}
	if phase == pilotGap {
		ft = append(ft, reason(pilotLapsedCode(a.FiledOn)))
	}
	if !basic {
		ft = append(ft, reason(CodeCrPL222CourtLevel))
	}
	// CRPL222_NO_GUILTY_PLEA keeps its meaning (neither half established);
	// the half-pleas the split fields can express get codes of their own.
	switch {
	case !plea.Admits && !plea.Accepts:
		ft = append(ft, reason(CodeCrPL222NoGuiltyPlea))
	case !plea.Admits:
		ft = append(ft, reason(CodeCrPL222NoAdmission))
	case !plea.Accepts:
		ft = append(ft, reason(CodeCrPL222NoAcceptance))
	}
	if !c.GetConsentsFastTrack() {
		ft = append(ft, reason(CodeCrPL222NoConsent))
	}
	switch {
	case !s.Known:
		ft = append(ft, reason(CodeCrPL222SentenceUnknown))
	case !s.WithinThreeYears:
		ft = append(ft, reason(CodeCrPL222SentenceOver3Y))
	}
	if impaired {
		ft = append(ft, reason(law.ftImpaired))
	}
	if minor {
		ft = append(ft, reason(law.ftMinor))
	}
	if c.GetMajorSocialImpact() {
		ft = append(ft, reason(law.ftMajorImpact))
	}
	if co.BarsFastTrack() {
		ft = append(ft, reason(law.ftCoDefendant))
	}
	if c.GetVictimSettlementMissing() {
		ft = append(ft, reason(law.ftNoSettlement))
	}
	if c.GetDefencePleadsNotGuilty() {
		ft = append(ft, reason(law.ftDefenceNotGuilty))
	}
	// Fast-track is for cases the procuratorate prosecutes: it may propose
	// it "在提起公诉的时候" (222 ¶2), 认罚 accepts its recommendation, and a
	// case that leaves fast-track is retried under "本章第一节或者第三节"
	// (226: public prosecution or simplified), where art. 221 sends a
	// simplified case to "第一节或者第二节" (public or private); Interp.
	// 369, 371 and 372 speak of the procuratorate and the prosecutor only.
	if private {
		ft = append(ft, reason(law.ftPrivate))
	}
	ft = append(ft, ftPanel...)
	// An objection to simplified procedure, the defendant's own (214 ¶1(3))
	// or a co-defendant's (215(3)), is no bar of art. 223 (item 4 names an
	// objection to fast-track only), so fast-track stays open; but a
	// defendant who consents to the one-judge procedure yet objects to the
	// simpler one, or co-defendants who want different procedures, have
	// stated wishes that conflict: the judge confirms them before the
	// recommendation is followed (outside check 21). Where fast-track is
	// closed anyway there is nothing to confirm.
	if len(ft) == 0 && (c.GetObjectsSimplified() || co.ObjectsSimplified) {
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeReviewProcedureWishesConflict))
	}
	return option(triagev1.Procedure_PROCEDURE_FAST_TRACK, ft, []*triagev1.Reason{reason(CodeCrPL222Eligible)})
}

// appendCode appends code's reason to rs unless code is empty: a crimCodes
// field is empty where the law of the filing date has no such rule.
func appendCode(rs []*triagev1.Reason, code string) []*triagev1.Reason {
	if code == "" {
		return rs
	}
	return append(rs, reason(code))
}
