package rules

import (
	"sync"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Reason codes. They are stable identifiers: filing systems, dashboards and
// exported training data key on them, so a code is never renamed or reused.
const (
	// Civil: small claims (CPL 165–169).
	CodeCPL165CourtLevel        = "CPL165_COURT_LEVEL"
	CodeCPL165NotMoneyPayment   = "CPL165_NOT_MONEY_PAYMENT"
	CodeCPL165Mandatory         = "CPL165_MANDATORY"
	CodeCPL165Agreement         = "CPL165_AGREEMENT"
	CodeCPL165OverMandatory     = "CPL165_OVER_LIMIT_NO_AGREEMENT"
	CodeCPL165OverAgreement     = "CPL165_OVER_AGREEMENT_LIMIT"
	CodeCPL165AgreementExcluded = "CPL165_AGREEMENT_NOT_ALLOWED"
	CodeCPL166PersonalStatus    = "CPL166_PERSONAL_STATUS"
	CodeCPL166PropertyRights    = "CPL166_PROPERTY_RIGHTS_CONFIRMATION"
	CodeCPL166Foreign           = "CPL166_FOREIGN"
	CodeCPL166Appraisal         = "CPL166_APPRAISAL"
	CodeCPL166Whereabouts       = "CPL166_WHEREABOUTS_UNKNOWN"
	CodeCPL166Counterclaim      = "CPL166_COUNTERCLAIM"
	// CodeCPL165AmountNotStated: a money-payment cause whose filing states
	// no amount; the 标的额 that decides small claims is unknown.
	CodeCPL165AmountNotStated = "CPL165_AMOUNT_NOT_STATED"
	// Civil: small claims before 2022 (CPL 2012/2017 art. 162, Interp. 2015
	// art. 271–275): 30%, no agreement band. Separate codes, because a
	// decision on a 2019 filing must cite the article then in force.
	CodeCPL162NotInForce      = "CPL162_NOT_IN_FORCE"
	CodeCPL162CourtLevel      = "CPL162_COURT_LEVEL"
	CodeCPL162NotMoneyPayment = "CPL162_NOT_MONEY_PAYMENT"
	CodeCPL162Mandatory       = "CPL162_MANDATORY"
	CodeCPL162OverLimit       = "CPL162_OVER_LIMIT"
	CodeCPL162AmountNotStated = "CPL162_AMOUNT_NOT_STATED"

	// Civil: small claims at a basic court of the 繁简分流 pilot, filed
	// 2020-01-15 to 2021-12-31 (NPCSC decision of 2019-12-28, 实施办法 法
	// 〔2020〕11号 art. 5; rules/civilpilot.go): fixed ¥50,000 / ¥100,000,
	// in place of CPL 2017 art. 162 at those courts.
	CodePilot2020Mandatory         = "PILOT2020_SMALL_CLAIMS_MANDATORY"
	CodePilot2020Agreement         = "PILOT2020_SMALL_CLAIMS_AGREEMENT"
	CodePilot2020OverMandatory     = "PILOT2020_OVER_LIMIT_NO_AGREEMENT"
	CodePilot2020OverAgreement     = "PILOT2020_OVER_AGREEMENT_LIMIT"
	CodePilot2020AgreementExcluded = "PILOT2020_AGREEMENT_NOT_ALLOWED"
	CodePilot2020NotMoneyPayment   = "PILOT2020_NOT_MONEY_PAYMENT"
	CodePilot2020AmountNotStated   = "PILOT2020_AMOUNT_NOT_STATED"

	CodeLimitUnknown             = "LIMIT_UNKNOWN"
	CodeLimitAgreementUnknown    = "LIMIT_AGREEMENT_UNKNOWN"
	CodeLimitEffectiveApproximat = "LIMIT_EFFECTIVE_DATE_APPROXIMATE"
	CodeLimitDerivedOutdated     = "LIMIT_DERIVED_OUTDATED"

	// Civil: simplified (CPL 160, Interp. 257, 264, 140).
	CodeCPL160CourtLevel = "CPL160_COURT_LEVEL"
	CodeCPL160Simple     = "CPL160_SIMPLE_CASE"
	CodeCPL160Agreement  = "CPL160_AGREEMENT"
	// The same conditions on a filing before 2022, when CPL 2012/2017 art.
	// 157 held them (its art. 162 gives small claims to "符合本法第一百五十七条
	// 第一款规定的简单的民事案件"; the 若干规定 of 2020 still cites "民事诉讼法
	// 第一百五十七条"); the 2021 amendment's three new articles before it moved
	// it to art. 160.
	CodeCPL2017SimplifiedCourtLevel = "CPL2017_157_COURT_LEVEL"
	CodeCPL2017SimplifiedSimple     = "CPL2017_157_SIMPLE_CASE"
	CodeCPL2017SimplifiedAgreement  = "CPL2017_157_AGREEMENT"
	// The same conditions on a filing before 2013, under the 1991 text and
	// its 2007 amendment, which numbered them art. 142 alike (the 2007
	// amendment touched arts. 103, 104 and 178 on, and nothing between).
	// Art. 142 had no agreement paragraph: an agreement to simplified
	// procedure rested on 若干规定 art. 2 (in force 2003-12-01), which asks
	// for the court's consent too.
	CodeCPL2007SimplifiedCourtLevel = "CPL2007_142_COURT_LEVEL"
	CodeCPL2007SimplifiedSimple     = "CPL2007_142_SIMPLE_CASE"
	CodeProv2Agreement              = "PROV2_AGREEMENT"
	CodeInterp257Whereabouts        = "INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN"
	CodeInterp257Remanded           = "INTERP257_REMANDED"
	CodeInterp257Numerous           = "INTERP257_NUMEROUS_PARTIES"
	CodeInterp257Retrial            = "INTERP257_RETRIAL"
	CodeInterp257PublicInterest     = "INTERP257_PUBLIC_INTEREST"
	CodeInterp257ThirdPartyRevoke   = "INTERP257_THIRD_PARTY_REVOCATION"
	CodeInterp264NoAgreement        = "INTERP264_AGREEMENT_NOT_ALLOWED"
	// The same bars on a filing before 2015-02-04, when the interpretation
	// did not exist: 最高人民法院关于适用简易程序审理民事案件的若干规定 art. 1
	// (1)–(4) excluded those cases from simplified procedure, and its art. 2
	// (agreement) is subject to art. 1.
	CodeProv1Whereabouts       = "PROV1_DEFENDANT_WHEREABOUTS_UNKNOWN"
	CodeProv1Remanded          = "PROV1_REMANDED"
	CodeProv1Numerous          = "PROV1_NUMEROUS_PARTIES"
	CodeProv1Retrial           = "PROV1_RETRIAL"
	CodeProv1AgreementExcluded = "PROV1_AGREEMENT_NOT_ALLOWED"
	// Three of those bars on a filing before 2003-12-01, when 若干规定 was
	// not yet in force: the SPC's 1992 opinion on applying the CPL (法发
	// 〔1992〕22号) held them, art. 169 ("起诉时被告下落不明的案件，不得适用
	// 简易程序审理") and art. 174 ("发回重审和按照审判监督程序再审的案件，不得
	// 适用简易程序审理"). Statute round 36 (2026-12-06): until then these
	// filings cited 若干规定 art. 1 (1), (2), (4) before it existed.
	CodeOpinion1992Whereabouts = "OPINION1992_169_DEFENDANT_WHEREABOUTS_UNKNOWN"
	// The same before 1992-07-14, when no text barred it in words: CPL
	// 1991 art. 142's simple case is not established (statute round 38).
	CodeCPL1991Whereabouts  = "CPL1991_142_DEFENDANT_WHEREABOUTS_UNKNOWN"
	CodeOpinion1992Remanded = "OPINION1992_174_REMANDED"
	CodeOpinion1992Retrial  = "OPINION1992_174_RETRIAL"
	// Interp. 257 (5), (6) had no counterpart before 2015-02-04: no text
	// then in force barred simplified procedure in a public-interest or
	// third-party revocation suit, and only the court's own finding that a
	// case is unsuited (若干规定 art. 1(5)) closed it. These codes say so;
	// fenjian takes the finding as made rather than offer a procedure the
	// later law forbids (docs/statutes.md, Civil: simplified).
	CodeProv1PublicInterest       = "PROV1_PUBLIC_INTEREST"
	CodeProv1ThirdPartyRevocation = "PROV1_THIRD_PARTY_REVOCATION"
	CodeInterp140PublicNotice     = "INTERP140_PUBLIC_NOTICE"
	// Before 2015-02-04 若干规定 art. 8(1) sent a simplified case whose
	// defendant could not be served directly or by leaving the papers to
	// ordinary procedure: the bar Interp. 140 later stated.
	CodeProv8PublicNotice = "PROV8_PUBLIC_NOTICE"
	// Suits whose procedure the law fixes by their kind: an execution
	// objection suit is heard in ordinary procedure (Interp. 308, from
	// 2015-02-04), a non-contentious case in its own procedure (特别程序,
	// 督促程序, 公示催告程序, bankruptcy; 若干规定 art. 1(4)).
	CodeInterp308OrdinaryOnly   = "INTERP308_EXECUTION_OBJECTION_ORDINARY"
	CodeNonContentiousProcedure = "NON_CONTENTIOUS_SPECIAL_PROCEDURE"

	// Civil: ordinary.
	CodeCPL42PanelRequired     = "CPL42_PANEL_REQUIRED"
	CodeCPL42SingleJudgeBarred = "CPL42_SINGLE_JUDGE_BARRED"
	CodeCPL287NoTimeLimit      = "CPL287_FOREIGN_NO_TIME_LIMIT"
	// The same rule under the text in force on older filing dates: CPL 2021
	// art. 277 (2022-01-01 to 2023-12-31; the 2023 amendment's new
	// foreign-related articles moved it to 287) and CPL 2012/2017 art. 270.
	CodeCPL2021ForeignNoTimeLimit = "CPL2021_277_FOREIGN_NO_TIME_LIMIT"
	CodeCPL2017ForeignNoTimeLimit = "CPL2017_270_FOREIGN_NO_TIME_LIMIT"
	// Before 2013: the 2007 amendment's art. 248 (2008-04-01 to
	// 2012-12-31) and the 1991 text's art. 250; the 2007 amendment deleted
	// the 企业法人破产还债程序 chapter and grew the retrial and execution
	// chapters, which moved the foreign-related part two articles back.
	CodeCPL2007ForeignNoTimeLimit = "CPL2007_248_FOREIGN_NO_TIME_LIMIT"
	CodeCPL1991ForeignNoTimeLimit = "CPL1991_250_FOREIGN_NO_TIME_LIMIT"
	CodeCPL41PanelRequired        = "CPL41_PANEL_REQUIRED"
	CodeCPL41SingleJudgeBarred    = "CPL41_SINGLE_JUDGE_BARRED"
	// A third-party revocation suit is heard by a panel (Interp. 292).
	CodeInterp292PanelRequired = "INTERP292_PANEL_REQUIRED"

	// Civil: maritime courts (海事诉讼特别程序法第九十八条, Interp. 273).
	CodeMSPL98Simplified      = "MSPL98_MARITIME_SIMPLIFIED"
	CodeInterp273NotMandatory = "INTERP273_MARITIME_SMALL_CLAIMS_OPTIONAL"

	// Civil: small claims before 2022, exclusions the 2015 interpretation
	// added to CPL 2012/2017 art. 162 and CPL 166 dropped.
	CodeInterp2015IntellectualProp = "INTERP2015_275_INTELLECTUAL_PROPERTY"
	// The same, for the exclusions CPL 166 later took over (issue: a 2019
	// decision cited CPL 166, not yet in force), and the bench rules of CPL
	// 2012/2017 art. 39–40, which CPL 2021 renumbered 40–42.
	CodeInterp2015PersonalStatus   = "INTERP2015_275_PERSONAL_STATUS"
	CodeInterp2015PropertyRights   = "INTERP2015_275_PROPERTY_RIGHTS_CONFIRMATION"
	CodeInterp2015Foreign          = "INTERP2015_275_FOREIGN"
	CodeInterp2015Appraisal        = "INTERP2015_275_APPRAISAL"
	CodeInterp2015Whereabouts      = "INTERP2015_257_SMALL_CLAIMS_DEFENDANT_WHEREABOUTS"
	CodeInterp2015Counterclaim     = "INTERP2015_280_COUNTERCLAIM"
	CodeInterp2015MaritimeOptional = "INTERP2015_273_MARITIME_SMALL_CLAIMS_OPTIONAL"
	// The same exclusions on a filing of 2013-01-01 to 2015-02-03, before
	// the 2015 interpretation: CPL 2012 art. 162 alone, whose "简单的民事
	// 案件" fenjian reads as the interpretation later did (the message says
	// so); until the audit of citations by era (2026-12-05) these filings
	// cited the 2015 interpretation, not yet in force.
	CodeCPL2012PersonalStatus     = "CPL2012_162_PERSONAL_STATUS"
	CodeCPL2012PropertyRights     = "CPL2012_162_PROPERTY_RIGHTS_CONFIRMATION"
	CodeCPL2012Foreign            = "CPL2012_162_FOREIGN"
	CodeCPL2012Appraisal          = "CPL2012_162_APPRAISAL"
	CodeCPL2012NotMoneyPayment    = "CPL2012_162_NOT_MONEY_PAYMENT"
	CodeReviewTextNonMoneyCPL2012 = "REVIEW_TEXT_NON_MONEY_CPL2012"
	// A third-party revocation suit's panel on a filing of 2015-02-04 to
	// 2022-04-09: the 2015 interpretation's art. 294 (the 2022 text's 292).
	CodeInterp2015PanelRequired    = "INTERP2015_294_PANEL_REQUIRED"
	CodeCPL2017PanelRequired       = "CPL2017_39_PANEL_REQUIRED"
	CodeCPL2017NewPanel            = "CPL2017_40_PANEL_REQUIRED"
	CodeCPL2017NewPanelSingleJudge = "CPL2017_40_SINGLE_JUDGE_BARRED"
	// The bench rules before 2013: the 1991 text and the 2007 amendment
	// numbered them art. 40 (first instance: a panel, one judge in
	// simplified procedure) and art. 41 ¶2, ¶3 (remanded and retried
	// cases: a newly formed panel).
	CodeCPL2007PanelRequired       = "CPL2007_40_PANEL_REQUIRED"
	CodeCPL2007NewPanel            = "CPL2007_41_PANEL_REQUIRED"
	CodeCPL2007NewPanelSingleJudge = "CPL2007_41_SINGLE_JUDGE_BARRED"
	// Maritime small claims before the 2015 interpretation: 法释〔2013〕16号,
	// in force 2013-06-26.
	CodeReply2013MaritimeOptional = "REPLY2013_16_MARITIME_SMALL_CLAIMS_OPTIONAL"
	// A maritime court is of intermediate level (the 1984 NPCSC decision,
	// art. 3: its judgments are appealed to the high court). Its simplified
	// procedure rests on 海事诉讼特别程序法第九十八条 alone, in force from
	// 2000-07-01; before, CPL 1991 art. 142 gave it none.
	CodeMSPL98NotInForce = "MSPL98_NOT_IN_FORCE"
	// And a maritime court tries an ordinary civil case by a panel: CPL 40
	// ¶2 lets only a basic court's judge sit alone in ordinary procedure
	// (before 2022 no court could: CPL 2012/2017 art. 39, CPL 1991/2007 art.
	// 40), and no maritime court was a court of the 2020–2021 繁简分流 pilot.
	CodeCPL40MaritimePanel   = "CPL40_MARITIME_COURT_PANEL"
	CodeCPL2017MaritimePanel = "CPL2017_39_MARITIME_COURT_PANEL"
	CodeCPL2007MaritimePanel = "CPL2007_40_MARITIME_COURT_PANEL"

	// Administrative (行政诉讼法 82–84).
	CodeAdmin82OnTheSpot   = "ALL82_ACT_ON_THE_SPOT"
	CodeAdmin82SmallAmount = "ALL82_SMALL_AMOUNT"
	// CodeReviewAdminNotOnlyAmount: the claims name a measure that is no
	// sum beside an amount of ¥2,000 or less (statute round 38).
	CodeReviewAdminNotOnlyAmount = "REVIEW_ALL82_NOT_ONLY_AMOUNT_IN_TEXT"
	CodeAdmin82Disclosure        = "ALL82_INFORMATION_DISCLOSURE"
	CodeAdmin82Agreement         = "ALL82_AGREEMENT"
	CodeAdmin82NotQualified      = "ALL82_NOT_QUALIFIED"
	CodeAdmin82Remanded          = "ALL82_REMANDED"
	CodeAdmin82Retrial           = "ALL82_RETRIAL"
	CodeAdmin82NotInForce        = "ALL82_NOT_IN_FORCE"
	// A 行政公益诉讼 goes to a seven-member panel with people's assessors
	// from 2018-04-27 (人民陪审员法第十六条第二项), never to one judge.
	CodeAssessors16PublicInterestSuit = "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT"
	// A case of major social impact goes to a seven-member panel with
	// people's assessors from 2018-04-27 (人民陪审员法第十六条第四项): no
	// single judge, so no administrative simplified procedure, and no civil
	// small claims or simplified procedure before CPL 42(3) took over.
	CodeAssessors16MajorSocialImpact = "ASSESSORS16_MAJOR_SOCIAL_IMPACT"

	// Criminal: fast-track (CrPL 222–226, Interp. 369–370).
	CodeCrPL222CourtLevel       = "CRPL222_COURT_LEVEL"
	CodeCrPL222NoGuiltyPlea     = "CRPL222_NO_GUILTY_PLEA"
	CodeCrPL222NoConsent        = "CRPL222_NO_CONSENT"
	CodeCrPL222SentenceUnknown  = "CRPL222_SENTENCE_UNKNOWN"
	CodeCrPL222SentenceOver3Y   = "CRPL222_SENTENCE_OVER_3_YEARS"
	CodeCrPL222Eligible         = "CRPL222_ELIGIBLE"
	CodeCrPL222NotInForce       = "CRPL222_NOT_IN_FORCE"
	CodeCrPL223Impaired         = "CRPL223_IMPAIRED_DEFENDANT"
	CodeCrPL223Minor            = "CRPL223_MINOR_DEFENDANT"
	CodeCrPL223MajorImpact      = "CRPL223_MAJOR_SOCIAL_IMPACT"
	CodeCrPL223CoDefendant      = "CRPL223_CO_DEFENDANT_DISPUTE"
	CodeCrPL223NoSettlement     = "CRPL223_NO_VICTIM_SETTLEMENT"
	CodeInterp370DefenceNotGuil = "INTERP370_DEFENCE_PLEADS_NOT_GUILTY"
	CodeCrPL222NoAdmission      = "CRPL222_NO_ADMISSION"
	CodeCrPL222NoAcceptance     = "CRPL222_NO_ACCEPTANCE"
	// The same bars on a filing of 2018-10-26 to 2021-02-28, when CrPL 223
	// stood without the 2021 interpretation's art. 370 (and the remand
	// without its art. 377), and simplified procedure's bars of CrPL 215
	// had the 2012 interpretation's art. 290 beside them (audit of
	// citations by era, 2026-12-05: the codes above cited the 2021 text on
	// those filings). The defence's plea of not guilty, which only Interp.
	// 370(7) names, then rests on CrPL 223(6) (其他不宜).
	CodeCrPL2018ImpairedFT           = "CRPL223_IMPAIRED_DEFENDANT_CRPL2018"
	CodeCrPL2018MinorFT              = "CRPL223_MINOR_DEFENDANT_CRPL2018"
	CodeCrPL2018MajorImpactFT        = "CRPL223_MAJOR_SOCIAL_IMPACT_CRPL2018"
	CodeCrPL2018CoDefendantFT        = "CRPL223_CO_DEFENDANT_DISPUTE_CRPL2018"
	CodeCrPL2018NoSettlementFT       = "CRPL223_NO_VICTIM_SETTLEMENT_CRPL2018"
	CodeCrPL2018DefenceNotGuiltyFT   = "CRPL223_DEFENCE_PLEADS_NOT_GUILTY"
	CodeCrPL2018RemandedFastTrack    = "CRPL239_REMANDED_FAST_TRACK_BARRED_CRPL2018"
	CodeCrPL2018RemandedPanel        = "CRPL239_REMANDED_NEW_PANEL_CRPL2018"
	CodeCrPL215ImpairedInterp2012    = "CRPL215_IMPAIRED_DEFENDANT_INTERP2012"
	CodeCrPL215MajorImpactInterp2012 = "CRPL215_MAJOR_SOCIAL_IMPACT_INTERP2012"
	CodeCrPL215CoDefendantInterp2012 = "CRPL215_CO_DEFENDANT_DISPUTE_INTERP2012"
	// A private prosecution (自诉, circumstances.private_prosecution):
	// fast-track is for cases the procuratorate prosecutes (CrPL 222 ¶2,
	// 226; Interp. 369, 371, 372).
	CodeCrPL222PrivateProsecution = "CRPL222_PRIVATE_PROSECUTION"
	// The same on a filing of 2018-10-26 to 2021-02-28: CrPL 222 ¶2 and
	// 226, without the 2021 interpretation.
	CodeCrPL2018PrivateProsecution = "CRPL222_PRIVATE_PROSECUTION_CRPL2018"

	// Criminal: the fast-track pilot in 18 cities before the 2018 amendment
	// (NPCSC decisions of 2014-06-27 and 2016-09-03 and their 试点办法;
	// rules/pilot.go).
	CodePilot2014Eligible    = "PILOT2014_FAST_TRACK_ELIGIBLE"
	CodePilot2016Eligible    = "PILOT2016_FAST_TRACK_ELIGIBLE"
	CodePilot2014Offence     = "PILOT2014_OFFENCE_NOT_LISTED"
	CodePilot2014Over1Y      = "PILOT2014_SENTENCE_OVER_1_YEAR"
	CodePilot2016Over3Y      = "PILOT2016_SENTENCE_OVER_3_YEARS"
	CodePilotSentenceUnknown = "PILOT_SENTENCE_UNKNOWN"
	CodePilotNoGuiltyPlea    = "PILOT_NO_GUILTY_PLEA"
	CodePilotNoConsent       = "PILOT_NO_CONSENT"
	// PILOT_SENTENCE_UNKNOWN and PILOT_NO_CONSENT are the second phase's
	// (the 2016 decision and its 办法); in the first phase (2014-08 to
	// 2016-08) the same bars are the 2014 decision's and 办法's, whose codes
	// these are (statute round 37: until rules 2026-12-06.45 one code cited
	// both pilots whatever the filing date).
	CodePilot2014SentenceUnknown = "PILOT2014_SENTENCE_UNKNOWN"
	CodePilot2014NoConsent       = "PILOT2014_NO_CONSENT"
	// PILOT_NO_GUILTY_PLEA and PILOT_EXCLUDED are the second phase's too;
	// these are the first phase's (statute round 38: until rules
	// 2026-12-06.46 each cited both pilots' texts whatever the filing date).
	CodePilot2014NoGuiltyPlea = "PILOT2014_NO_GUILTY_PLEA"
	CodePilot2014Excluded     = "PILOT2014_EXCLUDED"
	CodePilotExcluded         = "PILOT_EXCLUDED"
	CodePilotLapsed           = "PILOT_LAPSED"
	// The defendant or a co-defendant objects to simplified procedure: the
	// pilots' fast-track was a further simplification of it (round 29).
	CodePilotObjectsSimplified = "PILOT_OBJECTS_SIMPLIFIED"
	// A private prosecution in the pilot: its fast-track was for cases the
	// procuratorate prosecuted, on its sentencing recommendation.
	CodePilotPrivateProsecution = "PILOT_PRIVATE_PROSECUTION"
	// PILOT_PRIVATE_PROSECUTION, PILOT_OBJECTS_SIMPLIFIED, PILOT_UNSUITABLE
	// and PILOT_LAPSED are the 2016 decision's; these are the first
	// phase's, citing the 2014 decision (statute round 39: until rules
	// 2026-12-06.47 each cited both pilots' decisions whatever the filing
	// date). Neither 办法's text was read: the reasons say so rather than
	// cite it. PILOT2014_LAPSED is the gap before the 2016 decision
	// (2016-08-22 to 2016-09-02), when only the 2014 one's two years had run.
	CodePilot2014PrivateProsecution = "PILOT2014_PRIVATE_PROSECUTION"
	CodePilot2014ObjectsSimplified  = "PILOT2014_OBJECTS_SIMPLIFIED"
	CodePilot2014Unsuitable         = "PILOT2014_UNSUITABLE"
	CodePilot2014Lapsed             = "PILOT2014_LAPSED"

	// Criminal: cases the law gives to a panel (CrPL 239, 256; Interp. 213,
	// 377). Fast-track is single-judge and barred; simplified and ordinary
	// procedure carry the panel as a condition.
	CodeCrPL239FastTrackBarred   = "CRPL239_REMANDED_FAST_TRACK_BARRED"
	CodeCrPL239NewPanel          = "CRPL239_REMANDED_NEW_PANEL"
	CodeCrPL256FastTrackBarred   = "CRPL256_RETRIAL_FAST_TRACK_BARRED"
	CodeCrPL256NewPanel          = "CRPL256_RETRIAL_NEW_PANEL"
	CodeInterp213FastTrackBarred = "INTERP213_FAST_TRACK_BARRED"
	CodeInterp213AssessorPanel   = "INTERP213_ASSESSOR_PANEL"

	// Criminal: simplified (CrPL 214–221, Interp. 359–368).
	CodeCrPL214CourtLevel       = "CRPL214_COURT_LEVEL"
	CodeCrPL214NoAdmission      = "CRPL214_NO_ADMISSION"
	CodeCrPL214Objects          = "CRPL214_DEFENDANT_OBJECTS"
	CodeCrPL214Eligible         = "CRPL214_ELIGIBLE"
	CodeCrPL215Impaired         = "CRPL215_IMPAIRED_DEFENDANT"
	CodeCrPL215MajorImpact      = "CRPL215_MAJOR_SOCIAL_IMPACT"
	CodeCrPL215CoDefendant      = "CRPL215_CO_DEFENDANT_DISPUTE"
	CodeInterp360DefenceNotGuil = "INTERP360_DEFENCE_PLEADS_NOT_GUILTY"
	CodeCrPL216PanelRequired    = "CRPL216_PANEL_REQUIRED"
	// A minor defendant: simplified procedure also needs the legal
	// representative's and the defender's assent (a condition, not a bar).
	CodeInterp566MinorConsult = "INTERP566_MINOR_REPRESENTATIVE_CONSULTED"
	// A minor defendant's legal representative or defence counsel objects
	// (circumstances.representative_objects_simplified): a bar (Interp. 566).
	CodeInterp566RepresentativeObjects = "INTERP566_REPRESENTATIVE_OBJECTS"
	// A recommended life imprisonment or death before a basic court.
	CodeCrPL21Intermediate = "CRPL21_INTERMEDIATE_JURISDICTION"
	// A 危害国家安全 or terrorism charge before a basic court (CrPL 21(1)).
	CodeCrPL21SecurityTerror = "CRPL21_NATIONAL_SECURITY_TERRORISM"

	// Criminal, filed before 2018-10-26: the same conditions under the 2012
	// amendment's numbering (arts. 20, 208–210, 228, 245) and the 2012
	// interpretation (art. 290, cited until 2021-02-28); before 2013 the
	// 1996 law's three-year cap on simplified procedure (crimera.go).
	CodeCrPL2012CourtLevel        = "CRPL2012_208_COURT_LEVEL"
	CodeCrPL2012NoAdmission       = "CRPL2012_208_NO_ADMISSION"
	CodeCrPL2012Objects           = "CRPL2012_208_DEFENDANT_OBJECTS"
	CodeCrPL2012Eligible          = "CRPL2012_208_ELIGIBLE"
	CodeCrPL2012Impaired          = "CRPL2012_209_IMPAIRED_DEFENDANT"
	CodeCrPL2012MajorImpact       = "CRPL2012_209_MAJOR_SOCIAL_IMPACT"
	CodeCrPL2012CoDefendant       = "CRPL2012_209_CO_DEFENDANT_DISPUTE"
	CodeCrPL2012PanelRequired     = "CRPL2012_210_PANEL_REQUIRED"
	CodeCrPL2012Intermediate      = "CRPL2012_20_INTERMEDIATE_JURISDICTION"
	CodeCrPL2012SecurityTerror    = "CRPL2012_20_NATIONAL_SECURITY_TERRORISM"
	CodeCrPL2012RemandedPanel     = "CRPL2012_228_REMANDED_NEW_PANEL"
	CodeCrPL2012RemandedFastTrack = "CRPL2012_228_REMANDED_FAST_TRACK_BARRED"
	CodeCrPL2012RetrialPanel      = "CRPL2012_245_RETRIAL_NEW_PANEL"
	CodeCrPL2012RetrialFastTrack  = "CRPL2012_245_RETRIAL_FAST_TRACK_BARRED"
	CodeInterp2012DefenceNotGuil  = "INTERP2012_290_DEFENCE_PLEADS_NOT_GUILTY"
	// A minor defendant's legal representative or defender objecting to
	// simplified procedure, and its consultation as a condition, under the
	// 2012 interpretation's art. 474 (2013-01-01 to 2021-02-28), the same
	// words as today's art. 566 (audit round 21; until rules 2026-12-04.19
	// nothing was barred before 2021-03-01).
	CodeInterp2012RepresentativeObjects = "INTERP2012_474_REPRESENTATIVE_OBJECTS"
	CodeInterp2012MinorConsult          = "INTERP2012_474_MINOR_REPRESENTATIVE_CONSULTED"
	CodeCrPL1996SentenceCap             = "CRPL1996_174_SENTENCE_CAP"
	// Before 2013 simplified procedure was always 由审判员一人独任审判
	// (CrPL 1996 art. 174), so a case the law gave to a newly formed panel
	// (remanded, art. 192; retried, art. 206) could not take it.
	CodeCrPL1996RemandedSimplified = "CRPL1996_192_REMANDED_SIMPLIFIED_BARRED"
	CodeCrPL1996RetrialSimplified  = "CRPL1996_206_RETRIAL_SIMPLIFIED_BARRED"
	// CodeCrPL1996RemandedPanel and CodeCrPL1996RetrialPanel: before 2013 a
	// remanded or retried case went to a newly formed panel under the 1996
	// law's arts. 192 and 206 (the 2012 amendment's 228 and 245).
	CodeCrPL1996RemandedPanel = "CRPL1996_192_REMANDED_NEW_PANEL"
	CodeCrPL1996RetrialPanel  = "CRPL1996_206_RETRIAL_NEW_PANEL"
	// Before 2013 the rest of the 1996 law's simplified procedure: a basic
	// court's (art. 147 ¶1), the conditions of art. 174(1), the intermediate
	// court's cases of art. 20(1) and (2); from 1998-09-08 the 1998
	// interpretation's art. 222 bars; from 2003-03-14 the defendant's
	// consent (法发〔2003〕6号 art. 3 ¶2: OPINION2003_DEFENDANT_OBJECTS; the
	// 1998 interpretation had no such condition) (crimera.go crimCodes1996).
	CodeCrPL1996CourtLevel = "CRPL1996_147_COURT_LEVEL"
	CodeCrPL1996Eligible   = "CRPL1996_174_ELIGIBLE"
	// A private prosecution before 2013: art. 174(2)(3), without item 1's
	// cap and the procuratorate's proposal, in place of CRPL1996_174_ELIGIBLE.
	CodeCrPL1996PrivateEligible  = "CRPL1996_174_PRIVATE_ELIGIBLE"
	CodeCrPL1996Intermediate     = "CRPL1996_20_INTERMEDIATE_JURISDICTION"
	CodeCrPL1996NationalSecurity = "CRPL1996_20_NATIONAL_SECURITY"
	CodeInterp1998NoAdmission    = "INTERP1998_222_NO_ADMISSION"
	CodeOpinion2003Objects       = "OPINION2003_DEFENDANT_OBJECTS"
	CodeInterp1998Impaired       = "INTERP1998_222_IMPAIRED_DEFENDANT"
	CodeInterp1998CoDefendant    = "INTERP1998_222_CO_DEFENDANT_DISPUTE"
	CodeInterp1998DefenceNotGuil = "INTERP1998_222_DEFENCE_PLEADS_NOT_GUILTY"
	// A foreign defendant at a basic court before 2013 (CrPL 1996 art.
	// 20(3)): a review, not a bar, as `foreign` also marks 港澳台 parties.
	CodeReviewForeignDefendant1996 = "REVIEW_CRPL1996_20_FOREIGN_DEFENDANT"
	// CodeReviewCPL1982Unchecked: a civil filing before 1991-04-09, when the
	// 1982 民事诉讼法（试行） applied; its text was not read and the rules
	// judge the filing by CPL 1991 (statute round 39).
	CodeReviewCPL1982Unchecked = "REVIEW_CPL1982_TRIAL_LAW_NOT_CHECKED"
	// CodeCrPL1996ForeignDefendant: before 2013, at a basic court, a text
	// stating the defendant's foreign nationality (美国国籍, 外籍, 无国籍):
	// 外国人犯罪的刑事案件 were the intermediate court's (CrPL 1996 art.
	// 20(3)), so no simplified procedure (statute round 38).
	CodeCrPL1996ForeignDefendant = "CRPL1996_20_FOREIGN_DEFENDANT_IN_TEXT"
	// A filing before 1997-01-01: the 1979 law had no simplified procedure.
	CodeCrPL1996NotInForce = "CRPL1996_174_NOT_IN_FORCE"

	// Review signals (法发〔2021〕30号 四类案件; docs/statutes.md).
	CodeReviewGroupDispute   = "REVIEW_GROUP_DISPUTE"
	CodeReviewPublicInterest = "REVIEW_PUBLIC_INTEREST"
	CodeReviewMajorImpact    = "REVIEW_MAJOR_SOCIAL_IMPACT"
	CodeReviewSensitiveCause = "REVIEW_SENSITIVE_CAUSE"
	CodeReviewTextSignal     = "REVIEW_TEXT_SIGNAL"
	CodeReviewGroupCause     = "REVIEW_GROUP_CAUSE"
	// A civil or administrative filing stating group interests (群体利益):
	// an assessor panel (人民陪审员法第十五条第一款第一项) and, for a civil
	// group dispute that may affect stability, no single judge (CPL 42(2)).
	CodeReviewGroupInterest = "REVIEW_GROUP_INTEREST"
	// A criminal filing before 2021-03-01 stating group or public interests:
	// 人民陪审员法第十五条 asks for an assessor panel but its ¶2 lets a law's
	// single judge stand (CrPL 183, 216, 222), and no interpretation said
	// otherwise before Interp. 213; the court decides.
	CodeReviewAssessors15Criminal = "REVIEW_ASSESSORS15_CRIMINAL"
	// The same signal on a filing of 2018-04-27 to 2018-10-25, when the
	// single judge of simplified procedure was CrPL 2012 art. 178 ¶1
	// (2018: art. 183 ¶1), and before 2018-04-27, when no law then in force
	// gave a group- or public-interest case to assessors (the 2004 NPCSC
	// decision's art. 2 named cases of wide social impact only): the court
	// decides, and the code cites nothing (audit of citations by era,
	// 2026-12-05).
	CodeReviewAssessors15CriminalCrPL2012 = "REVIEW_ASSESSORS15_CRIMINAL_CRPL2012"
	CodeReviewAssessorsCriminalNoText     = "REVIEW_ASSESSORS_CRIMINAL_NO_TEXT"
	// A civil filing before 2022-01-01 or an administrative filing stating
	// group interests: 人民陪审员法第十五条第一款第一项 alone, since CPL 42(2)
	// was not in force (civil) or is not the administrative law's.
	CodeReviewGroupInterestAssessors15 = "REVIEW_GROUP_INTEREST_ASSESSORS15"
	CodeReviewIntermediate             = "REVIEW_INTERMEDIATE_JURISDICTION"
	// A 危害国家安全 or terrorism charge before a basic court (CrPL 21(1)).
	CodeReviewSecurityTerror = "REVIEW_NATIONAL_SECURITY_TERRORISM_JURISDICTION"
	CodeCauseUnknown         = "CAUSE_UNKNOWN"
	// A criminal cause that resolved by one charge, with another part
	// that names no charge of the catalogue, or 等 (Charges.Unresolved).
	CodeReviewChargeUnresolved = "REVIEW_CHARGE_UNRESOLVED"
	// A civil cause of the catalogue's 非讼程序案件案由 part.
	CodeReviewNonContentious = "REVIEW_NON_CONTENTIOUS_CAUSE"
	// The court's name places it in another province than the filing states.
	CodeReviewCourtProvince = "REVIEW_COURT_PROVINCE_MISMATCH"
	// A basic court's name with a higher level stated (civil, from 2022;
	// criminal filings have REVIEW_COURT_LEVEL_MISMATCH_CRPL2018 and the
	// earlier eras' codes).
	CodeReviewCourtLevel = "REVIEW_COURT_LEVEL_MISMATCH"
	// The case number is of the year after the (December) 立案 date.
	CodeReviewCaseNumberYearAhead = "REVIEW_CASE_NUMBER_YEAR_AHEAD"
	// The case number (民再, 刑再, 行再) says the case is a retrial.
	CodeInferRetrialFromCaseNumber = "INFER_RETRIAL_FROM_CASE_NUMBER"
	// The case number (民撤) says the case is a third party's suit to
	// revoke an effective judgment, ruling or mediation statement.
	CodeInferThirdPartyRevocationFromCaseNumber = "INFER_THIRD_PARTY_REVOCATION_FROM_CASE_NUMBER"
	// No province stated: the case number's 法院代字 names it.
	CodeInferProvinceFromCaseNumber = "INFER_PROVINCE_FROM_CASE_NUMBER"
	// No province stated and no case number naming one: the court's name
	// names it.
	CodeInferProvinceFromCourtName = "INFER_PROVINCE_FROM_COURT_NAME"

	// Inferences: what the rules read from the filing beyond its flags.
	CodeInferPersonalStatus = "INFER_PERSONAL_STATUS_FROM_CAUSE"
	CodeInferPropertyRights = "INFER_PROPERTY_RIGHTS_FROM_CAUSE"
	CodeInferNonMonetary    = "INFER_NON_MONETARY_FROM_CAUSE"
	// A 公益诉讼 or 第三人撤销之诉 cause without the filing's flag.
	CodeInferPublicInterest       = "INFER_PUBLIC_INTEREST_FROM_CAUSE"
	CodeInferThirdPartyRevocation = "INFER_THIRD_PARTY_REVOCATION_FROM_CAUSE"
	CodeInferNumerous             = "INFER_NUMEROUS_PARTIES"
	CodeInferForeign              = "INFER_FOREIGN_PARTY"
	CodeInferFiledOnToday         = "INFER_FILED_ON_TODAY"
	CodeInferMaritimeCourt        = "INFER_MARITIME_COURT"
	// The filing says basic court, the court's name says a higher one.
	CodeInferCourtAboveBasic = "INFER_COURT_ABOVE_BASIC_FROM_NAME"
	// CodeInferCriminalCourtAboveBasic is the same inference on a criminal
	// filing, whose simplified procedure and fast-track belong to
	// "基层人民法院管辖的案件" (CrPL 214, 222).
	CodeInferCriminalCourtAboveBasic = "INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME"
	// CodeInferSentenceFromCharge: no recommendation, but the one charge's
	// statutory maximum is at most three years (statutoryCeilings).
	CodeInferSentenceFromCharge = "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE"
	// CodeInferCriminalMaritimeCourt: a criminal filing at a 海事法院, a
	// court of intermediate level (its appeals go to the high court), is no
	// basic court's case whatever level it states.
	CodeInferCriminalMaritimeCourt = "INFER_CRIMINAL_MARITIME_COURT"

	// The same inferences on older filings, citing the text in force on the
	// filing date (chosen by civilInferCodesOn and crimCodesOn): a code
	// names its article, so an era whose article differs gets its own code.
	//
	// Criminal, 2013-01-01 to 2018-10-25 (CrPL 2012: jurisdiction arts.
	// 19–22, simplified art. 208, the panel over three years art. 210 ¶1)
	// and before 2013 (CrPL 1996: arts. 19–22, 147 ¶1, 174).
	CodeInferCriminalCourtAboveBasic2012 = "INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME_CRPL2012"
	CodeInferCriminalCourtAboveBasic1996 = "INFER_CRIMINAL_COURT_ABOVE_BASIC_FROM_NAME_CRPL1996"
	CodeInferCriminalMaritimeCourt2012   = "INFER_CRIMINAL_MARITIME_COURT_CRPL2012"
	CodeInferCriminalMaritimeCourt1996   = "INFER_CRIMINAL_MARITIME_COURT_CRPL1996"
	CodeInferSentenceFromCharge2012      = "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE_CRPL2012"
	CodeInferSentenceFromCharge1996      = "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE_CRPL1996"
	// Civil: the court's level by name under CPL 2012/2017 (jurisdiction
	// arts. 17–20, simplified art. 157, small claims art. 162) and CPL
	// 1991/2007 (arts. 18–21, simplified art. 142).
	CodeInferCourtAboveBasic2017 = "INFER_COURT_ABOVE_BASIC_FROM_NAME_CPL2017"
	CodeInferCourtAboveBasic2007 = "INFER_COURT_ABOVE_BASIC_FROM_NAME_CPL2007"
	// Civil: 公益诉讼 and 第三人撤销之诉 were created by CPL 2012 (arts. 55,
	// 56 ¶3; CPL 2021 arts. 58, 59 ¶3); Interp. 257(5), (6) barred them from
	// simplified procedure from 2015-02-04, 若干规定 art. 1(5) before.
	CodeInferPublicInterest2015       = "INFER_PUBLIC_INTEREST_FROM_CAUSE_INTERP2015"
	CodeInferPublicInterest2012       = "INFER_PUBLIC_INTEREST_FROM_CAUSE_CPL2012"
	CodeInferThirdPartyRevocation2015 = "INFER_THIRD_PARTY_REVOCATION_FROM_CAUSE_INTERP2015"
	CodeInferThirdPartyRevocation2012 = "INFER_THIRD_PARTY_REVOCATION_FROM_CAUSE_CPL2012"
	// Civil: "人数众多，一般指十人以上" was the SPC's 1992 opinion art. 59
	// until Interp. 75 replaced it on 2015-02-04.
	CodeInferNumerous1992 = "INFER_NUMEROUS_PARTIES_OPINION1992"
	// Civil: a foreign-related case was defined by the 1992 opinion art. 304
	// before 2015-02-04, by Interp. 2015 arts. 522 and 551 (港澳台) until the
	// 2022 revision (2022-04-10) renumbered them 520 and 549.
	CodeInferForeign2015 = "INFER_FOREIGN_PARTY_INTERP2015"
	CodeInferForeign1992 = "INFER_FOREIGN_PARTY_OPINION1992"
	// Civil: a maritime court's small claims rested on 法释〔2013〕16号 from
	// 2013-06-26 to 2015-02-03; before 2013-06-26 a maritime court had
	// simplified procedure only (海事诉讼特别程序法第九十八条).
	CodeInferMaritimeCourt2013 = "INFER_MARITIME_COURT_REPLY2013"
	CodeInferMaritimeCourtMSPL = "INFER_MARITIME_COURT_MSPL98"
	// Civil: before 2000-07-01 (海事诉讼特别程序法 not yet in force) a maritime
	// court was an intermediate-level court with neither simplified
	// procedure nor small claims.
	CodeInferMaritimeCourt1984 = "INFER_MARITIME_COURT_DECISION1984"
	// Civil: the small-claims facts read from the cause, as the text of the
	// filing date names them: Interp. 2015 arts. 274 (money payment) and
	// 275(1) from 2015-02-04 to 2021-12-31; CPL 2012 art. 162 alone before
	// (small claims, and with them these facts' only use, began in 2013).
	CodeInferPersonalStatus2015 = "INFER_PERSONAL_STATUS_FROM_CAUSE_INTERP2015"
	CodeInferPersonalStatus2012 = "INFER_PERSONAL_STATUS_FROM_CAUSE_CPL2012"
	CodeInferPropertyRights2015 = "INFER_PROPERTY_RIGHTS_FROM_CAUSE_INTERP2015"
	CodeInferPropertyRights2012 = "INFER_PROPERTY_RIGHTS_FROM_CAUSE_CPL2012"
	CodeInferNonMonetary2015    = "INFER_NON_MONETARY_FROM_CAUSE_INTERP2015"
	CodeInferNonMonetary2012    = "INFER_NON_MONETARY_FROM_CAUSE_CPL2012"

	// Criminal review signals on older filings: the intermediate court's
	// cases under CrPL 2018 art. 21 with the 2012 interpretation (before
	// 2021-03-01, whose articles on passing a case up are not cited: its
	// text is not among the statute texts read), CrPL 2012 art. 20 and CrPL
	// 1996 art. 20 (危害国家安全 only: terrorism came with the 2012
	// amendment).
	CodeReviewIntermediate2018     = "REVIEW_INTERMEDIATE_JURISDICTION_CRPL2018"
	CodeReviewIntermediate2012     = "REVIEW_INTERMEDIATE_JURISDICTION_CRPL2012"
	CodeReviewIntermediate1996     = "REVIEW_INTERMEDIATE_JURISDICTION_CRPL1996"
	CodeReviewSecurityTerror2018   = "REVIEW_NATIONAL_SECURITY_TERRORISM_JURISDICTION_CRPL2018"
	CodeReviewSecurityTerror2012   = "REVIEW_NATIONAL_SECURITY_TERRORISM_JURISDICTION_CRPL2012"
	CodeReviewNationalSecurity1996 = "REVIEW_NATIONAL_SECURITY_JURISDICTION_CRPL1996"
	// A basic court's name with a higher level stated, on older filings:
	// the basic-court articles of the civil text (CPL 2012/2017 arts. 157,
	// 162; CPL 1991/2007 art. 142) or the criminal one (CrPL 2018 arts. 214,
	// 222, from 2018-10-26 on; CrPL 2012 art. 208 ¶1; CrPL 1996 arts.
	// 147 ¶1, 174).
	CodeReviewCourtLevelCPL2017  = "REVIEW_COURT_LEVEL_MISMATCH_CPL2017"
	CodeReviewCourtLevelCPL2007  = "REVIEW_COURT_LEVEL_MISMATCH_CPL2007"
	CodeReviewCourtLevelCrPL2018 = "REVIEW_COURT_LEVEL_MISMATCH_CRPL2018"
	CodeReviewCourtLevelCrPL2012 = "REVIEW_COURT_LEVEL_MISMATCH_CRPL2012"
	CodeReviewCourtLevelCrPL1996 = "REVIEW_COURT_LEVEL_MISMATCH_CRPL1996"
	// A defendant in custody on a filing of 2013-01-01 to 2018-10-25: the
	// 2012 amendment's art. 103 ¶4, which it added (the 2018 text's 105 ¶4).
	CodeCrPL2012Detained = "CRPL2012_103_DETAINED_NO_HOLIDAY_EXTENSION"
	// A defendant in custody before 2013: the 1996 law's period article
	// (art. 79) had no holiday rule; from 1998-09-08 the 1998
	// interpretation's art. 103 moved a period ending on a holiday and kept
	// a defendant's custody to its last day, as the 2012 amendment's art.
	// 103 ¶4 later did.
	CodeInterp1998Detained = "INTERP1998_103_DETAINED_NO_HOLIDAY_EXTENSION"
	CodeCrPL1996Detained   = "CRPL1996_79_DETAINED_NO_HOLIDAY_EXTENSION"

	// The review signals on filings before the texts their current codes
	// cite (reviewCodesOn): 法发〔2015〕13号 art. 24 from 2015-09-21 to
	// 2021-11-03 where one of its items holds the rule; where no text in
	// force held it, a code citing nothing (NO_TEXT), whose message says so.
	CodeReviewGroupDispute2015     = "REVIEW_GROUP_DISPUTE_OPINION2015"
	CodeReviewGroupCause2015       = "REVIEW_GROUP_CAUSE_OPINION2015"
	CodeReviewMajorImpact2015      = "REVIEW_MAJOR_SOCIAL_IMPACT_OPINION2015"
	CodeReviewTextSignal2015       = "REVIEW_TEXT_SIGNAL_OPINION2015"
	CodeReviewPublicInterest2021   = "REVIEW_PUBLIC_INTEREST_OPINION2021"
	CodeReviewGroupDisputeNoText   = "REVIEW_GROUP_DISPUTE_NO_TEXT"
	CodeReviewGroupCauseNoText     = "REVIEW_GROUP_CAUSE_NO_TEXT"
	CodeReviewMajorImpactNoText    = "REVIEW_MAJOR_SOCIAL_IMPACT_NO_TEXT"
	CodeReviewTextSignalNoText     = "REVIEW_TEXT_SIGNAL_NO_TEXT"
	CodeReviewSensitiveNoText      = "REVIEW_SENSITIVE_CAUSE_NO_TEXT"
	CodeReviewPublicInterestNoText = "REVIEW_PUBLIC_INTEREST_NO_TEXT"
	// The court/province conflict by the small-claims law of the filing
	// date: CPL 2012/2017 art. 162 with Interp. 273 (maritime courts) from
	// 2015-02-04, with 法释〔2013〕16号 from 2013-06-26, art. 162 alone
	// before; before 2013 no province decided anything the rules answer.
	CodeReviewCourtProvinceCPL2017   = "REVIEW_COURT_PROVINCE_MISMATCH_CPL2017"
	CodeReviewCourtProvinceReply2013 = "REVIEW_COURT_PROVINCE_MISMATCH_REPLY2013"
	CodeReviewCourtProvinceCPL2012   = "REVIEW_COURT_PROVINCE_MISMATCH_CPL2012"
	CodeReviewCourtProvinceNoText    = "REVIEW_COURT_PROVINCE_MISMATCH_NO_TEXT"
	// An unchecked due date on a filing before 2022, citing the period
	// article of the case kind's text in force (holidayMissingCodeOn).
	CodeHolidayMissingCPL2017    = "HOLIDAY_CALENDAR_MISSING_CPL2017"
	CodeHolidayMissingCPL2007    = "HOLIDAY_CALENDAR_MISSING_CPL2007"
	CodeHolidayMissingCrPL2018   = "HOLIDAY_CALENDAR_MISSING_CRPL2018"
	CodeHolidayMissingCrPL2012   = "HOLIDAY_CALENDAR_MISSING_CRPL2012"
	CodeHolidayMissingInterp1998 = "HOLIDAY_CALENDAR_MISSING_INTERP1998"
	CodeHolidayMissingCrPL1996   = "HOLIDAY_CALENDAR_MISSING_CRPL1996"
	CodeHolidayMissingAdmin2018  = "HOLIDAY_CALENDAR_MISSING_ADMIN2018"
	CodeHolidayMissingAdmin2014  = "HOLIDAY_CALENDAR_MISSING_ALL2014"
	CodeHolidayMissingAdmin1989  = "HOLIDAY_CALENDAR_MISSING_ALL1989"

	// Due dates and the holiday calendar.
	CodeHolidayCalendarMissing = "HOLIDAY_CALENDAR_MISSING"
	CodeCrPL105Detained        = "CRPL105_DETAINED_NO_HOLIDAY_EXTENSION"

	// Statute round 23 (civil): what a filing states in its party names and
	// text beside its fields (rules/civiltext.go). The readings state a
	// fact the rules then apply with the articles of the filing date (the
	// numerous-parties, foreign, whereabouts, public-notice and
	// public-interest bars); the review codes leave small claims to a
	// person, by the small-claims law in force: CPL 165 from 2022-01-01,
	// the 繁简分流 pilot's art. 5 at its courts in 2020–2021, CPL 2012/2017
	// art. 162 with Interp. 2015 art. 274 from 2013-01-01.
	CodeInferPartyCountFromText       = "INFER_PARTY_COUNT_FROM_TEXT"
	CodeInferForeignFromName          = "INFER_FOREIGN_FROM_PARTY_NAME"
	CodeInferWhereaboutsFromText      = "INFER_WHEREABOUTS_FROM_TEXT"
	CodeInferPublicNoticeFromText     = "INFER_PUBLIC_NOTICE_FROM_TEXT"
	CodeInferAppraisalFromText        = "INFER_APPRAISAL_FROM_TEXT"
	CodeInferPublicInterestFromFiling = "INFER_PUBLIC_INTEREST_FROM_PARTY_OR_TEXT"
	CodeReviewTextNonMoney            = "REVIEW_TEXT_NON_MONEY_CLAIM"
	CodeReviewTextNonMoneyCPL2017     = "REVIEW_TEXT_NON_MONEY_CLAIM_CPL2017"
	CodeReviewTextNonMoneyPilot2020   = "REVIEW_TEXT_NON_MONEY_CLAIM_PILOT2020"
	CodeReviewTextAmount              = "REVIEW_TEXT_AMOUNT"
	CodeReviewTextAmountCPL2017       = "REVIEW_TEXT_AMOUNT_CPL2017"
	CodeReviewTextAmountPilot2020     = "REVIEW_TEXT_AMOUNT_PILOT2020"
)

// Statute round 23b: a party stated foreign or stateless in a civil
// filing's text or a party's name (rules/civiltext.go foreignStated).
const CodeInferForeignFromText = "INFER_FOREIGN_FROM_TEXT"

// Statute round 28: the thing in dispute or a legal fact abroad stated in
// a civil filing's text (rules/civilcasetext28.go foreignFactsStated).
const CodeInferForeignFactsFromText = "INFER_FOREIGN_FACTS_FROM_TEXT"

// Statute round 29: the written cause or the text calls the civil case
// itself foreign-related (rules/civilcasetext29.go foreignCaseStated).
const CodeInferForeignCaseStated = "INFER_FOREIGN_CASE_STATED"

// The articles the round-23 review codes cite, by the small-claims law of
// the filing date (the pilot's is civilPilotArticle).
const (
	cpl165Article1    = "民事诉讼法第一百六十五条第一款"
	cpl162Article2017 = "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条"
)

// Criminal: what the indictment's text states beside its fields (statute
// round 23, rules/criminal_text.go). The text is read in the strict
// direction only: a heavier recommendation, a bar; each bar read from it is
// reviewed, because words are read, not facts.
const (
	// CodeInferSentenceFromText: the text's recommendation is heavier than
	// the fields' on a threshold (a range's upper end, 三年以上, 左右, 数罪并罚).
	CodeInferSentenceFromText = "INFER_SENTENCE_FROM_TEXT"
	// CodeReviewSentenceTextConflict: the fields state a recommendation the
	// text's is heavier than on a threshold.
	CodeReviewSentenceTextConflict = "REVIEW_SENTENCE_TEXT_CONFLICT"
	// CodeReviewImpairedInText: the text states a blind, deaf, mute or
	// partly incapable defendant the parties do not mark.
	CodeReviewImpairedInText = "REVIEW_IMPAIRED_DEFENDANT_IN_TEXT"
	// CodeReviewMinorInText: the text states a minor defendant the parties
	// do not mark.
	CodeReviewMinorInText = "REVIEW_MINOR_DEFENDANT_IN_TEXT"
	// CodeReviewCivilClaimInText: the text states a 附带民事诉讼 and no
	// settlement.
	CodeReviewCivilClaimInText = "REVIEW_CIVIL_CLAIM_IN_TEXT"
	// CodeReviewVictimUncompensatedInText: from 2018-10-26, fast-track is
	// open and the text says the victim was not compensated or did not
	// forgive (未赔偿, 未取得谅解) with no settlement stated: whether a 调解
	// or 和解 on the compensation was reached (CrPL 223(5)) is checked by
	// a person (statute round 33).
	CodeReviewVictimUncompensatedInText = "REVIEW_VICTIM_UNCOMPENSATED_IN_TEXT"
	// CodeReviewDisputeInText: the text states that a defendant disputes
	// the charged facts, the charge, the recommendation or the procedure.
	CodeReviewDisputeInText = "REVIEW_PLEA_DISPUTE_IN_TEXT"
)

// Statute round 23b: what round 23 left unread in a criminal filing's text.
const (
	// CodeReviewRemandedInText: the text states that the case was
	// remanded for retrial (发回重审) and the circumstances do not.
	CodeReviewRemandedInText = "REVIEW_REMANDED_IN_TEXT"
)

// Statute round 24: the case facts a criminal or administrative filing's
// text states (procedure_text.go).
const (
	// CodeReviewMajorImpactInText: the text states a major social impact
	// the circumstances do not.
	CodeReviewMajorImpactInText = "REVIEW_MAJOR_SOCIAL_IMPACT_IN_TEXT"
	// CodeReviewDefenceNotGuiltyInText: the text states that the defender
	// pleads not guilty and the circumstances do not.
	CodeReviewDefenceNotGuiltyInText = "REVIEW_DEFENCE_NOT_GUILTY_IN_TEXT"
	// CodeReviewRetrialInText: a criminal filing's text states a retrial
	// under 审判监督程序 the circumstances do not.
	CodeReviewRetrialInText = "REVIEW_RETRIAL_IN_TEXT"
	// CodeReviewAdminRetrialInText: the same in an administrative filing.
	CodeReviewAdminRetrialInText = "REVIEW_ADMIN_RETRIAL_IN_TEXT"
	// CodeReviewAdminRemandedInText: an administrative filing's text states
	// a remand (发回重审) the circumstances do not.
	CodeReviewAdminRemandedInText = "REVIEW_ADMIN_REMANDED_IN_TEXT"
	// CodeReviewAdmin15GovernmentDefendant: an administrative case against
	// a 国务院部门 or a 县级以上地方人民政府 filed at a basic court from
	// 2015-05-01 (行政诉讼法第十五条第一项: the intermediate court's case).
	CodeReviewAdmin15GovernmentDefendant = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
	// CodeReviewAdmin15Customs: an administrative case against a 海关 filed
	// at a basic court from 2015-05-01 (行政诉讼法第十五条第二项, 海关处理的案件).
	CodeReviewAdmin15Customs = "REVIEW_ALL15_CUSTOMS_DEFENDANT"
	// CodeReviewAdmin1989Intermediate: before 2015-05-01, an administrative
	// case at a basic court against a 国务院部门, a 省级人民政府 or a 海关
	// (1989 text art. 14(1)–(2)) or, from 2008-02-01, a 县级以上人民政府
	// (法释〔2008〕1号第一条第一项).
	CodeReviewAdmin1989Intermediate = "REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT"
	// CodeReviewAdminReconsiderationDefendant: a basic court's complaint
	// about an act that went through 复议 names a defendant of an
	// intermediate kind (a 国务院部门, a 县级以上地方人民政府, a 海关) that the
	// text states neither as the original organ nor as a 复议机关 that
	// maintained the act: whose level decides (行政诉讼法第二十六条第二款、
	// 第三款; 行诉法解释第一百三十四条第三款) is a person's judgement.
	CodeReviewAdminReconsiderationDefendant = "REVIEW_ALL26_RECONSIDERATION_DEFENDANT"
	// CodeAdmin15IntermediateJurisdiction: from 2015-05-01, a basic court's
	// administrative filing against a defendant of 行政诉讼法第十五条第一项、
	// 第二项 (a 国务院部门, a 县级以上地方人民政府, a 海关): the intermediate
	// court's case, which the basic court transfers (第二十二条); no
	// simplified procedure at the basic court (statute round 32).
	CodeAdmin15IntermediateJurisdiction = "ALL15_INTERMEDIATE_JURISDICTION"
	// CodePilot2014ExcludedInText: at a court of the first fast-track pilot
	// (2014-08-26 to 2016-08-21), the text states an exclusion of its
	// 试点办法 beyond those the fields carry (PILOT_EXCLUDED): a recidivist
	// (累犯), instigating a minor (教唆未成年人犯罪), a breach of bail or
	// residential surveillance (违反取保候审、监视居住规定). Statute round 32.
	CodePilot2014ExcludedInText = "PILOT2014_EXCLUDED_CIRCUMSTANCE"
	// CodeReviewPilot2014ExcludedInText: that exclusion read from the text.
	CodeReviewPilot2014ExcludedInText = "REVIEW_PILOT2014_EXCLUDED_IN_TEXT"
	// CodeCrPL1996NoSpecialProceeding: before 2013, a text stating a trial
	// in absentia, a confiscation application or compulsory medical
	// treatment, which the 1996 law did not have (statute round 32: until
	// then the 2018 and 2012 articles were cited).
	CodeCrPL1996NoSpecialProceeding = "CRPL1996_SPECIAL_PROCEEDING_NOT_IN_FORCE"
	// CodeReviewAdminObjectionInText: an administrative filing marked as
	// agreed to simplified procedure whose text states that a party does not
	// agree (行政诉讼法第八十二条第二款: 当事人各方同意).
	CodeReviewAdminObjectionInText = "REVIEW_ADMIN_OBJECTION_IN_TEXT"
)

// Statute round 26 (criminal and administrative): the complaint's own sum
// of the case; a minor's representative objecting in the text.
const (
	// CodeReviewAdminTextAmount: an administrative filing whose amount field
	// is two thousand yuan or less states in its text a larger sum the case
	// is about (行政诉讼法第八十二条第一款第二项); the item is not counted.
	CodeReviewAdminTextAmount = "REVIEW_ADMIN_TEXT_AMOUNT"
	// CodeReviewRepresentativeObjectsInText: a criminal filing with a minor
	// defendant whose text states that his 法定代理人 or 辩护人 objects to
	// simplified procedure (刑诉法解释第五百六十六条) and the circumstances
	// do not.
	CodeReviewRepresentativeObjectsInText = "REVIEW_REPRESENTATIVE_OBJECTS_IN_TEXT"
)

// Statute round 27: a withdrawal of 认罪认罚 stated in a criminal filing's
// text.
const (
	// CodeReviewPleaWithdrawnInText: the text states that a defendant
	// withdrew his 认罪认罚 (反悔, 撤回认罪认罚具结书, 拒绝签署具结书) and the
	// circumstances still state the acceptance.
	CodeReviewPleaWithdrawnInText = "REVIEW_PLEA_WITHDRAWN_IN_TEXT"
)

// Statute round 28: the procedures a criminal filing's defendants want.
const (
	// CodeReviewProcedureWishesConflict: fast-track is open (CrPL 2018 art.
	// 222) while the defendant (214 ¶1(3)) or a co-defendant (215(3))
	// objects to simplified procedure, which art. 223 does not list as a
	// bar: the stated wishes conflict and are confirmed.
	CodeReviewProcedureWishesConflict = "REVIEW_PROCEDURE_WISHES_CONFLICT"
)

// Statute round 34: a charge of CrPL 21(1) the allegation names beside the
// cause field.
const (
	// CodeReviewSecurityTerrorChargeInText: the text names a 危害国家安全 or
	// terrorism charge the cause field does not (公诉机关指控被告人犯盗窃罪、
	// 帮助恐怖活动罪): the case is the intermediate court's (CrPL 21(1);
	// Interp. 15), both simpler procedures are closed, and the words are
	// quoted for the reviewer.
	CodeReviewSecurityTerrorChargeInText = "REVIEW_SECURITY_TERROR_CHARGE_IN_TEXT"
)

// Statute round 35b (criminal): a filing's text stating the case
// unsuitable for a simpler procedure (rules/unsuitable_text.go). Articles by
// the filing date: the 2021 interpretation from 2021-03-01, the 2012 one
// before; CrPL 2018 arts. 215 and 223 from 2018-10-26, CrPL 2012 art. 209
// from 2013-01-01.
const (
	// CodeInterp360MayNotBeCrime: 被告人认罪但经审查认为可能不构成犯罪
	// (Interp. 360(6)); CodeInterp2012MayNotBeCrime the 2012 text's 290(6).
	CodeInterp360MayNotBeCrime  = "INTERP360_MAY_NOT_BE_CRIME"
	CodeInterp2012MayNotBeCrime = "INTERP2012_290_MAY_NOT_BE_CRIME"
	// CodeCrPL215Unsuitable: 其他不宜适用简易程序审理的 (CrPL 215(4),
	// Interp. 360(7)); with the 2012 interpretation's 290(7) from
	// 2018-10-26 to 2021-02-28; CrPL 2012 art. 209(4) before.
	CodeCrPL215Unsuitable           = "CRPL215_UNSUITABLE_STATED"
	CodeCrPL215UnsuitableInterp2012 = "CRPL215_UNSUITABLE_STATED_INTERP2012"
	CodeCrPL2012Unsuitable          = "CRPL2012_209_UNSUITABLE_STATED"
	// CodeCrPL223Unsuitable: 其他不宜适用速裁程序审理的 (CrPL 223(6), Interp.
	// 370(8)); CodeCrPL2018Unsuitable the same before 2021-03-01.
	CodeCrPL223Unsuitable  = "CRPL223_UNSUITABLE_STATED"
	CodeCrPL2018Unsuitable = "CRPL223_UNSUITABLE_STATED_CRPL2018"
	// CodeReviewUnsuitableInText quotes the words read.
	CodeReviewUnsuitableInText = "REVIEW_UNSUITABLE_IN_TEXT"
	// Statute round 36: the same statement before 2013 (CrPL 1996 art.
	// 179 from 1997-01-01; the 1998 interpretation's art. 222(5) from
	// 1998-09-08, with the 2003 opinion's art. 2(4) from 2003-03-14), and
	// at a pilot court during a pilot's phase (the 办法's 其他不宜适用速裁
	// 程序的情形; a case unfit for CrPL 2012's simplified procedure is unfit
	// for the pilot's further simplified one).
	CodeCrPL1996Unsuitable   = "CRPL1996_179_UNSUITABLE"
	CodeInterp1998Unsuitable = "INTERP1998_222_UNSUITABLE"
	// CodeInterp1998ComplexJointCrime: from 1998-09-08 to 2012-12-31, the
	// text calls the case 比较复杂的共同犯罪案件 (the 1998 interpretation's
	// art. 222(2); the 2003 opinion's art. 2(1)): simplified closed
	// (statute round 37).
	CodeInterp1998ComplexJointCrime = "INTERP1998_222_COMPLEX_JOINT_CRIME"
	// CodeReviewMayNotBeCrimeCrPL1996: from 1997-01-01 to 2012-12-31, a
	// text stating the defendant may not be guilty (可能不构成犯罪). No bar
	// list of the time names it (the 2012 interpretation's art. 290(6)
	// first did, from 2013-01-01); CrPL 1996 art. 179 sends a case found
	// unfit at trial to ordinary procedure, which the 1998 interpretation
	// said of a public prosecution whose 行为不构成犯罪: reviewed, nothing
	// closed (statute round 38).
	CodeReviewMayNotBeCrimeCrPL1996 = "REVIEW_MAY_NOT_BE_CRIME_IN_TEXT_CRPL1996"
	CodePilotUnsuitable             = "PILOT_UNSUITABLE"
	// Statute round 36: before 2013 the text states that the procuratorate
	// does not propose or consent to simplified procedure in a public
	// prosecution (CrPL 1996 art. 174(1) "人民检察院建议或者同意"), or, from
	// 2003-03-14, that the defender objects (法发〔2003〕6号 art. 3 ¶2 "在征
	// 得被告人、辩护人同意后"); reviewed with the words.
	CodeCrPL1996ProcuratorateObjects = "CRPL1996_174_PROCURATORATE_OBJECTS"
	CodeOpinion2003DefenderObjects   = "OPINION2003_DEFENDER_OBJECTS"
	// CodeOpinion2003DefenderDisputesFacts: from 2003-03-14 to 2012-12-31,
	// a public prosecution whose text states the defender disputing the
	// charged facts (the 2003 opinion's art. 1(2)); statute round 37.
	CodeOpinion2003DefenderDisputesFacts = "OPINION2003_DEFENDER_DISPUTES_FACTS"
	// CodeReviewDefenderDisputeInText2003: that dispute read from the text.
	CodeReviewDefenderDisputeInText2003    = "REVIEW_DEFENDER_DISPUTE_IN_TEXT_OPINION2003"
	CodeReviewProcedureObjectionInText1996 = "REVIEW_PROCEDURE_OBJECTION_IN_TEXT_CRPL1996"
	// Statute round 36: a remanded case whose text states a fast-track
	// first trial and a remand for 事实不清 or 证据不足 is retried in the
	// ordinary procedure (Interp. 377, from 2021-03-01); with no such ground
	// stated, reviewed.
	CodeInterp377FastTrackRemand       = "INTERP377_FAST_TRACK_REMAND_ORDINARY"
	CodeReviewInterp377FastTrackRemand = "REVIEW_INTERP377_FAST_TRACK_REMAND"
)

type reasonDef struct{ code, article, message string }

// causeUnknownArticle names the catalogues a cause is checked against: one
// article for all case kinds, as a code has one row in the README's table.
// Each catalogue is named with the days its editions took effect, and the
// article says the check is against the current edition with the older
// names as aliases (rules/catalogue): a filing of 2019 is not told that the
// 2021 administrative 暂行规定 was in force, nor one of 2005 that the 2008
// civil 规定 was (statute round 38: until rules 2026-12-06.46 the titles
// stood alone, the administrative one the 2021 text's).
const causeUnknownArticle = "《民事案件案由规定》（2008年4月1日起施行，2011年4月1日、2021年1月1日、2026年1月1日起施行修改后的版本；此前为2000年的试行规定）；" +
	"行政案件案由：《关于规范行政案件案由的通知》（法发〔2004〕2号），2021年1月1日起《关于行政案件案由的暂行规定》（法发〔2020〕44号）；" +
	chargeCatalogueArticle + "（1997年12月16日起）及其补充规定；按现行目录核对，旧称作别名"

// chargeCatalogueArticle names the charge catalogue's basis, which a
// charge is checked against on every date (the rules read the current
// catalogue with the older names as aliases).
const chargeCatalogueArticle = "《关于执行〈中华人民共和国刑法〉确定罪名的规定》"

// reasonDefs is the single table of every reason fenjian can give. Articles
// follow the numbering of the texts in docs/law/.
var reasonDefs = [...]reasonDef{
	{CodeCPL165CourtLevel, "民事诉讼法第一百六十五条", "小额诉讼程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeCPL165NotMoneyPayment, "民事诉讼法第一百六十五条", "小额诉讼程序仅适用于金钱给付案件；本案未请求金钱给付或诉讼请求不限于金钱给付。"},
	{CodeCPL165Mandatory, "民事诉讼法第一百六十五条第一款", "标的额不超过本省、自治区、直辖市上年度就业人员年平均工资百分之五十，案件事实清楚、权利义务关系明确、争议不大的，应当适用小额诉讼程序，一审终审。"},
	{CodeCPL165Agreement, "民事诉讼法第一百六十五条第二款", "标的额超过年平均工资百分之五十但在二倍以下，当事人双方约定适用小额诉讼程序。"},
	{CodeCPL165OverMandatory, "民事诉讼法第一百六十五条第二款", "标的额超过年平均工资百分之五十，当事人双方未约定适用小额诉讼程序。"},
	{CodeCPL165OverAgreement, "民事诉讼法第一百六十五条第二款", "标的额超过年平均工资二倍，即使当事人约定也不得适用小额诉讼程序。"},
	{CodeCPL165AgreementExcluded, "民事诉讼法第一百六十五条第二款、第一百六十六条", "当事人约定适用小额诉讼程序，但本案属于不适用小额诉讼程序的案件，约定不能改变。"},
	{CodeCPL165AmountNotStated, "民事诉讼法第一百六十五条", "案由通常属于金钱给付纠纷，但立案信息未载明诉讼标的额：或遗漏了标的额（标的额是否在本省、自治区、直辖市上年度就业人员年平均工资百分之五十以下、约定时二倍以下，决定应否适用小额诉讼程序），或诉讼请求并非金钱给付（不适用小额诉讼程序），无法确定，需人工核对诉讼请求和标的额。"},
	{CodeCPL166PersonalStatus, "民事诉讼法第一百六十六条第一项", "人身关系案件不适用小额诉讼程序。"},
	{CodeCPL166PropertyRights, "民事诉讼法第一百六十六条第一项", "财产确权案件不适用小额诉讼程序。"},
	{CodeCPL166Foreign, "民事诉讼法第一百六十六条第二项", "涉外案件（含涉港澳台当事人）不适用小额诉讼程序。"},
	{CodeCPL166Appraisal, "民事诉讼法第一百六十六条第三项", "需要评估、鉴定或者对诉前评估、鉴定结果有异议的案件不适用小额诉讼程序。"},
	{CodeCPL166Whereabouts, "民事诉讼法第一百六十六条第四项", "一方当事人下落不明的案件不适用小额诉讼程序。"},
	{CodeCPL166Counterclaim, "民事诉讼法第一百六十六条第五项", "当事人提出反诉的案件不适用小额诉讼程序。"},
	{CodeCPL162NotInForce, "民事诉讼法（2012年修正）第一百六十二条", "小额诉讼程序自2013年1月1日起施行（民事诉讼法2012年修正），立案日在此之前的案件不适用。"},
	{CodeCPL162CourtLevel, "民事诉讼法（2012年、2017年修正）第一百六十二条", "小额诉讼程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeCPL162NotMoneyPayment, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条", "小额诉讼程序仅适用于金钱给付案件；本案未请求金钱给付或诉讼请求不限于金钱给付。"},
	{CodeCPL162Mandatory, "民事诉讼法（2012年、2017年修正）第一百六十二条", "标的额为本省、自治区、直辖市上年度就业人员年平均工资百分之三十以下的简单民事案件，实行一审终审（小额诉讼程序）。"},
	{CodeCPL162OverLimit, "民事诉讼法（2012年、2017年修正）第一百六十二条", "标的额超过本省、自治区、直辖市上年度就业人员年平均工资百分之三十，不适用小额诉讼程序；立案日施行的民事诉讼法没有当事人约定适用小额诉讼程序的规定。"},
	{CodeCPL162AmountNotStated, "民事诉讼法（2012年、2017年修正）第一百六十二条", "案由通常属于金钱给付纠纷，但立案信息未载明诉讼标的额：或遗漏了标的额（标的额是否在本省、自治区、直辖市上年度就业人员年平均工资百分之三十以下，决定应否适用小额诉讼程序），或诉讼请求并非金钱给付（不适用小额诉讼程序），无法确定，需人工核对诉讼请求和标的额。"},
	{CodePilot2020Mandatory, "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条", "2020年1月15日至2021年12月31日立案的试点法院（全国人大常委会授权决定所列城市的基层人民法院及北京、杭州、广州互联网法院）：事实清楚、权利义务关系明确、争议不大的简单金钱给付民事案件，标的额为人民币5万元以下的，适用小额诉讼程序，实行一审终审（试点期间暂时调整适用民事诉讼法第一百六十二条）。"},
	{CodePilot2020Agreement, "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条", "2020年1月15日至2021年12月31日立案的试点法院（全国人大常委会授权决定所列城市的基层人民法院及北京、杭州、广州互联网法院）：标的额超过人民币5万元但在10万元以下，当事人双方约定适用小额诉讼程序。"},
	{CodePilot2020OverMandatory, "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条", "2020年1月15日至2021年12月31日立案的试点法院（全国人大常委会授权决定所列城市的基层人民法院及北京、杭州、广州互联网法院）：标的额超过人民币5万元，当事人双方未约定适用小额诉讼程序。"},
	{CodePilot2020OverAgreement, "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条", "2020年1月15日至2021年12月31日立案的试点法院（全国人大常委会授权决定所列城市的基层人民法院及北京、杭州、广州互联网法院）：标的额超过人民币10万元，即使当事人约定也不得适用小额诉讼程序。"},
	{CodePilot2020AgreementExcluded, "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条", "当事人约定适用小额诉讼程序，但本案属于不适用小额诉讼程序的案件（同时列明的理由），约定不能改变。"},
	{CodePilot2020NotMoneyPayment, "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条", "试点期间的小额诉讼程序仅适用于简单金钱给付民事案件；本案未请求金钱给付或诉讼请求不限于金钱给付。"},
	{CodePilot2020AmountNotStated, "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条", "案由通常属于金钱给付纠纷，但立案信息未载明诉讼标的额：或遗漏了标的额（试点法院标的额是否在人民币5万元以下、约定时10万元以下，决定应否适用小额诉讼程序），或诉讼请求并非金钱给付（不适用小额诉讼程序），无法确定，需人工核对诉讼请求和标的额。"},
	{CodeLimitUnknown, "民事诉讼法第一百六十五条（2022年以前为第一百六十二条）；民诉法解释第二百七十二条", "未配置该省份在立案日适用的小额诉讼标的额标准，能否适用小额诉讼程序无法确定，需人工审核。"},
	{CodeLimitAgreementUnknown, "民事诉讼法第一百六十五条第二款", "当事人约定适用小额诉讼程序，但该省份在立案日适用的二倍标准未配置，能否适用无法确定，需人工审核。"},
	{CodeLimitEffectiveApproximat, "民诉法解释第二百七十二条", "该省份标的额标准仅公布了生效月份，立案日在该月内，适用哪一标准需人工核对。"},
	{CodeLimitDerivedOutdated, "民诉法解释第二百七十二条", "该省份在立案日适用的标的额标准由较早年度的平均工资推算，立案时应已公布的更新年度数据尚未配置；标的额超过该标准，按更新数据可能适用小额诉讼程序，需人工审核。"},

	{CodeCPL160CourtLevel, "民事诉讼法第一百六十条", "简易程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeCPL160Simple, "民事诉讼法第一百六十条第一款", "以案件事实清楚、权利义务关系明确、争议不大为前提。"},
	{CodeCPL160Agreement, "民事诉讼法第一百六十条第二款", "当事人双方约定适用简易程序。"},
	{CodeCPL2017SimplifiedCourtLevel, "民事诉讼法（2012年、2017年修正）第一百五十七条", "立案日施行的民事诉讼法（2012年、2017年修正）中，简易程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeCPL2017SimplifiedSimple, "民事诉讼法（2012年、2017年修正）第一百五十七条第一款", "以案件事实清楚、权利义务关系明确、争议不大为前提（立案日施行的民事诉讼法（2012年、2017年修正）第一百五十七条第一款）。"},
	{CodeCPL2017SimplifiedAgreement, "民事诉讼法（2012年、2017年修正）第一百五十七条第二款", "当事人双方约定适用简易程序（立案日施行的民事诉讼法（2012年、2017年修正）第一百五十七条第二款）。"},
	{CodeCPL2007SimplifiedCourtLevel, "民事诉讼法（1991年、2007年修正）第一百四十二条", "立案日施行的民事诉讼法（1991年、2007年修正）中，简易程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeCPL2007SimplifiedSimple, "民事诉讼法（1991年、2007年修正）第一百四十二条", "以案件事实清楚、权利义务关系明确、争议不大为前提（立案日施行的民事诉讼法（1991年、2007年修正）第一百四十二条）。"},
	{CodeProv2Agreement, "最高人民法院关于适用简易程序审理民事案件的若干规定第二条", "基层人民法院适用第一审普通程序审理的民事案件，当事人各方自愿选择适用简易程序，经人民法院审查同意的，可以适用简易程序（立案日施行的民事诉讼法没有约定适用简易程序的规定，2013年1月1日起为民事诉讼法（2012年修正）第一百五十七条第二款）。"},
	{CodeInterp257Whereabouts, "民诉法解释第二百五十七条第一项", "起诉时被告下落不明的案件不适用简易程序。"},
	{CodeInterp257Remanded, "民诉法解释第二百五十七条第二项", "发回重审的案件不适用简易程序。"},
	{CodeInterp257Numerous, "民诉法解释第二百五十七条第三项、第七十五条", "当事人一方人数众多（十人以上）的案件不适用简易程序。"},
	{CodeInterp257Retrial, "民诉法解释第二百五十七条第四项", "适用审判监督程序的案件不适用简易程序。"},
	{CodeInterp257PublicInterest, "民诉法解释第二百五十七条第五项", "涉及国家利益、社会公共利益的案件不适用简易程序。"},
	{CodeInterp257ThirdPartyRevoke, "民诉法解释第二百五十七条第六项", "第三人起诉请求改变或者撤销生效判决、裁定、调解书的案件不适用简易程序。"},
	{CodeInterp308OrdinaryOnly, "民诉法解释第三百零八条（2022年4月10日前为第三百一十条）", "人民法院审理执行异议之诉案件，适用普通程序；不适用简易程序，也不适用小额诉讼程序。"},
	{CodeNonContentiousProcedure, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项", "非讼程序案件：法律规定应当适用特别程序、督促程序、公示催告程序、破产程序等程序的，不适用简易程序，也不适用小额诉讼程序。"},
	{CodeInterp264NoAgreement, "民诉法解释第二百六十四条第二款", "本案属于民诉法解释第二百五十七条规定的案件，当事人约定适用简易程序的，人民法院不予准许。"},
	{CodeProv1Whereabouts, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第一项", "起诉时被告下落不明的案件不适用简易程序（立案日民诉法解释尚未施行，依若干规定第一条第一项）。"},
	{CodeProv1Remanded, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第二项", "发回重审的案件不适用简易程序（立案日民诉法解释尚未施行，依若干规定第一条第二项）。"},
	{CodeProv1Numerous, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第三项", "共同诉讼中一方或者双方当事人人数众多（十人以上）的案件不适用简易程序（立案日民诉法解释尚未施行，依若干规定第一条第三项）。"},
	{CodeProv1Retrial, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项", "适用审判监督程序的案件不适用简易程序（立案日民诉法解释尚未施行，依若干规定第一条第四项）。"},
	{CodeOpinion1992Whereabouts, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百六十九条", "起诉时被告下落不明的案件，不得适用简易程序审理（立案日若干规定、民诉法解释均未施行，依1992年的意见第一百六十九条）。"},
	{CodeCPL1991Whereabouts, "民事诉讼法（1991年）第一百四十二条、第八十四条", "立案日（1992年7月14日前）没有条文明文规定被告下落不明的案件不得适用简易程序（1992年的意见第一百六十九条自1992年7月14日起施行）；民事诉讼法（1991年）第一百四十二条的简易程序限于事实清楚、权利义务关系明确、争议不大的简单的民事案件，被告下落不明须公告送达（第八十四条，经过六十日视为送达），被告一方的意见无从听取，案件属于简单的民事案件无法确认，不提供简易程序。"},
	{CodeOpinion1992Remanded, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百七十四条", "发回重审的案件不得适用简易程序审理（立案日若干规定、民诉法解释均未施行，依1992年的意见第一百七十四条）。"},
	{CodeOpinion1992Retrial, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百七十四条", "按照审判监督程序再审的案件不得适用简易程序审理（立案日若干规定、民诉法解释均未施行，依1992年的意见第一百七十四条）。"},
	{CodeProv1AgreementExcluded, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条、第二条", "本案属于若干规定第一条除外的案件，当事人约定适用简易程序的，不予适用（立案日民诉法解释尚未施行）。"},
	{CodeInterp140PublicNotice, "民诉法解释第一百四十条", "适用简易程序（含小额诉讼程序）的案件不适用公告送达；本案预计需要公告送达。"},
	{CodeProv1PublicInterest, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项", "涉及国家利益、社会公共利益的案件：立案日（2015年2月4日前）施行的规定没有明文排除简易程序，由人民法院认定是否“不宜适用简易程序”（若干规定第一条第五项）；本系统按不宜适用处理，不提供简易程序（含小额诉讼程序），2015年2月4日起民诉法解释第二百五十七条第五项明文排除。"},
	{CodeProv1ThirdPartyRevocation, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项", "第三人请求改变或者撤销生效判决、裁定、调解书的案件：立案日（2015年2月4日前）施行的规定没有明文排除简易程序，由人民法院认定是否“不宜适用简易程序”（若干规定第一条第五项）；本系统按不宜适用处理，不提供简易程序（含小额诉讼程序），2015年2月4日起民诉法解释第二百五十七条第六项明文排除。"},
	{CodeProv8PublicNotice, "最高人民法院关于适用简易程序审理民事案件的若干规定第八条第一项", "人民法院无法向被告直接送达或者留置送达应诉通知书的，应当将案件转入普通程序审理（立案日民诉法解释第一百四十条尚未施行）；本案预计需要公告送达，不适用简易程序（含小额诉讼程序）。"},

	{CodeInterp292PanelRequired, "民诉法解释第二百九十二条（2022年4月10日前为第二百九十四条）", "人民法院对第三人撤销之诉案件，应当组成合议庭开庭审理，不得由审判员一人独任审理。"},
	{CodeInterp2015PanelRequired, "民诉法解释（2015年）第二百九十四条", "人民法院对第三人撤销之诉案件，应当组成合议庭开庭审理，不得由审判员一人独任审理。"},
	{CodeCPL42PanelRequired, "民事诉讼法第四十二条第一项、第三项", "本案涉及国家利益、社会公共利益或有较大社会影响，不得由审判员一人独任审理，应当组成合议庭。"},
	{CodeCPL42SingleJudgeBarred, "民事诉讼法第四十条第二款、第四十二条第三项", "案件有较大社会影响，不得由审判员一人独任审理；简易程序（含小额诉讼程序）由审判员一人独任审理，故不适用。"},
	{CodeCPL287NoTimeLimit, "民事诉讼法第二百八十七条", "涉外民事案件的审理期间不受第一百五十二条规定的限制。"},
	{CodeCPL2021ForeignNoTimeLimit, "民事诉讼法（2021年修正）第二百七十七条", "立案日施行的民事诉讼法（2021年修正）规定，涉外民事案件的审理期间不受该法第一百五十二条规定的限制（2024年1月1日起为民事诉讼法第二百八十七条）。"},
	{CodeCPL2017ForeignNoTimeLimit, "民事诉讼法（2012年、2017年修正）第二百七十条", "立案日施行的民事诉讼法（2012年、2017年修正）规定，涉外民事案件的审理期间不受该法第一百四十九条规定的限制。"},
	{CodeCPL2007ForeignNoTimeLimit, "民事诉讼法（2007年修正）第二百四十八条", "立案日施行的民事诉讼法（2007年修正）规定，涉外民事案件的审理期间不受该法第一百三十五条规定的限制。"},
	{CodeCPL1991ForeignNoTimeLimit, "民事诉讼法（1991年）第二百五十条", "立案日施行的民事诉讼法（1991年）规定，涉外民事案件的审理期间不受该法第一百三十五条规定的限制。"},
	{CodeCPL41PanelRequired, "民事诉讼法第四十一条第三款、第四款", "发回重审的案件，或者原来是第一审的再审案件，原审人民法院应当按照第一审程序另行组成合议庭审理，不得由审判员一人独任审理。"},
	{CodeCPL41SingleJudgeBarred, "民事诉讼法第四十条第二款、第四十一条第三款、第四款", "发回重审和再审的案件应当另行组成合议庭审理；简易程序（含小额诉讼程序）由审判员一人独任审理，故不适用。"},
	{CodeMSPL98Simplified, "海事诉讼特别程序法第九十八条", "受理法院为海事法院：审理事实清楚、权利义务关系明确、争议不大的简单的海事案件，可以适用民事诉讼法简易程序的规定。"},
	{CodeInterp2015IntellectualProp, "民诉法解释（2015年）第二百七十五条第三项", "立案日施行的民诉法解释（2015年2月4日起施行）规定知识产权纠纷不适用小额诉讼程序；本案案由属于知识产权合同纠纷或知识产权权属、侵权纠纷。2022年1月1日起施行的民事诉讼法第一百六十六条不再排除知识产权案件。"},
	{CodeInterp273NotMandatory, "民诉法解释第二百七十三条", "标的额在海事法院所在的省、自治区、直辖市上年度就业人员年平均工资百分之五十以下；海事法院“可以”适用小额诉讼的程序，并非应当适用，由法院决定；以案件事实清楚、权利义务关系明确、争议不大为前提。"},
	{CodeInterp2015PersonalStatus, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第一项", "民诉法解释（2015年）第二百七十五条第一项规定人身关系纠纷不适用小额诉讼程序。"},
	{CodeInterp2015PropertyRights, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第一项", "民诉法解释（2015年）第二百七十五条第一项规定财产确权纠纷不适用小额诉讼程序。"},
	{CodeInterp2015Foreign, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第二项", "民诉法解释（2015年）第二百七十五条第二项规定涉外民事纠纷（含涉港澳台当事人）不适用小额诉讼程序。"},
	{CodeInterp2015Appraisal, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第四项", "民诉法解释（2015年）第二百七十五条第四项规定需要评估、鉴定或者对诉前评估、鉴定结果有异议的纠纷不适用小额诉讼程序。"},
	{CodeCPL2012PersonalStatus, "民事诉讼法（2012年修正）第一百六十二条", "民诉法解释（2015年）第二百七十五条第一项规定人身关系纠纷不适用小额诉讼程序；该解释自2015年2月4日起施行，此前立案的，依民事诉讼法（2012年修正）第一百六十二条，小额诉讼仅适用于“符合本法第一百五十七条第一款规定的简单的民事案件”，本系统对此类案件按同样的排除处理。"},
	{CodeCPL2012PropertyRights, "民事诉讼法（2012年修正）第一百六十二条", "民诉法解释（2015年）第二百七十五条第一项规定财产确权纠纷不适用小额诉讼程序；该解释自2015年2月4日起施行，此前立案的，依民事诉讼法（2012年修正）第一百六十二条，小额诉讼仅适用于“符合本法第一百五十七条第一款规定的简单的民事案件”，本系统对此类案件按同样的排除处理。"},
	{CodeCPL2012Foreign, "民事诉讼法（2012年修正）第一百六十二条", "民诉法解释（2015年）第二百七十五条第二项规定涉外民事纠纷（含涉港澳台当事人）不适用小额诉讼程序；该解释自2015年2月4日起施行，此前立案的，依民事诉讼法（2012年修正）第一百六十二条，小额诉讼仅适用于“符合本法第一百五十七条第一款规定的简单的民事案件”，本系统对此类案件按同样的排除处理。"},
	{CodeCPL2012Appraisal, "民事诉讼法（2012年修正）第一百六十二条", "民诉法解释（2015年）第二百七十五条第四项规定需要评估、鉴定或者对诉前评估、鉴定结果有异议的纠纷不适用小额诉讼程序；该解释自2015年2月4日起施行，此前立案的，依民事诉讼法（2012年修正）第一百六十二条，小额诉讼仅适用于“符合本法第一百五十七条第一款规定的简单的民事案件”，本系统对此类案件按同样的排除处理。"},
	{CodeCPL2012NotMoneyPayment, "民事诉讼法（2012年修正）第一百六十二条", "小额诉讼程序仅适用于金钱给付案件（民诉法解释（2015年）第二百七十四条，2015年2月4日起施行；此前立案的，依民事诉讼法（2012年修正）第一百六十二条，小额诉讼仅适用于“符合本法第一百五十七条第一款规定的简单的民事案件”，本系统按同样的限制处理）；本案未请求金钱给付或诉讼请求不限于金钱给付。"},
	{CodeInterp2015Whereabouts, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百五十七条第一项；《关于适用简易程序审理民事案件的若干规定》第一条第一项", "小额诉讼程序是简易程序的一种；立案日施行的规定中，起诉时被告下落不明的案件不适用简易程序，故也不适用小额诉讼程序。2022年1月1日前没有“一方当事人下落不明”即排除小额诉讼的规定。"},
	{CodeInterp2015Counterclaim, "民诉法解释（2015年）第二百八十条", "当事人提出反诉：立案日施行的规定不因反诉本身排除小额诉讼程序；反诉致使案件标的额超过标准、不再符合小额诉讼案件条件的，应当适用简易程序的其他规定审理（需要普通程序的，裁定转为普通程序）。"},
	{CodeInterp2015MaritimeOptional, "民诉法解释（2015年）第二百七十三条", "标的额在海事法院所在的省、自治区、直辖市上年度就业人员年平均工资百分之三十以下；海事法院“可以”适用小额诉讼程序，并非应当适用，由法院决定；以案件事实清楚、权利义务关系明确、争议不大为前提。"},
	{CodeReply2013MaritimeOptional, "最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）", "标的额在海事法院所在的省、自治区、直辖市上年度就业人员年平均工资百分之三十以下；海事法院“可以”适用小额诉讼程序审理简单的海事、海商案件（2013年6月26日起），并非应当适用，由法院决定；以案件事实清楚、权利义务关系明确、争议不大为前提。"},
	{CodeCPL2017PanelRequired, "民事诉讼法（2012年、2017年修正）第三十九条第一款、第二款", "立案日施行的民事诉讼法中，第一审民事案件除适用简易程序外均由合议庭审理，普通程序没有独任审理；本案涉及国家利益、社会公共利益或有较大社会影响，适用普通程序即应组成合议庭。"},
	{CodeCPL2017NewPanel, "民事诉讼法（2012年、2017年修正）第四十条第二款、第三款", "发回重审的案件，或者原来是第一审的再审案件，原审人民法院应当按照第一审程序另行组成合议庭。"},
	{CodeCPL2017NewPanelSingleJudge, "民事诉讼法（2012年、2017年修正）第三十九条第二款、第四十条第二款、第三款", "发回重审和再审的案件应当另行组成合议庭审理；简易程序（含小额诉讼程序）由审判员一人独任审理，故不适用。"},
	{CodeCPL2007PanelRequired, "民事诉讼法（1991年、2007年修正）第四十条第一款、第二款", "立案日施行的民事诉讼法中，第一审民事案件除适用简易程序外均由合议庭审理，普通程序没有独任审理；本案涉及国家利益、社会公共利益或有较大社会影响，适用普通程序即应组成合议庭。"},
	{CodeCPL2007NewPanel, "民事诉讼法（1991年、2007年修正）第四十一条第二款、第三款", "发回重审的案件，或者原来是第一审的再审案件，原审人民法院应当按照第一审程序另行组成合议庭。"},
	{CodeCPL2007NewPanelSingleJudge, "民事诉讼法（1991年、2007年修正）第四十条第二款、第四十一条第二款、第三款", "发回重审和再审的案件应当另行组成合议庭审理；简易程序由审判员一人独任审理，故不适用。"},
	{CodeMSPL98NotInForce, "民事诉讼法（1991年）第一百四十二条；海事诉讼特别程序法第九十八条（2000年7月1日起施行）", "受理法院为海事法院，与中级人民法院同级；立案日海事诉讼特别程序法尚未施行（2000年7月1日起施行），民事诉讼法（1991年）第一百四十二条的简易程序仅适用于基层人民法院和它派出的法庭，海事法院不得适用简易程序。"},
	{CodeCPL40MaritimePanel, "民事诉讼法第四十条第一款、第二款；全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条", "受理法院为海事法院，与中级人民法院同级：普通程序独任审理仅限基层人民法院（民事诉讼法第四十条第二款），本案适用普通程序应当组成合议庭。"},
	{CodeCPL2017MaritimePanel, "民事诉讼法（2012年、2017年修正）第三十九条第一款、第二款；全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条", "受理法院为海事法院：立案日施行的民事诉讼法中，第一审民事案件除适用简易程序外均由合议庭审理，海事法院亦非繁简分流改革试点法院，本案适用普通程序应当组成合议庭。"},
	{CodeCPL2007MaritimePanel, "民事诉讼法（1991年、2007年修正）第四十条第一款、第二款；全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条", "受理法院为海事法院：立案日施行的民事诉讼法中，第一审民事案件除适用简易程序外均由合议庭审理，本案适用普通程序应当组成合议庭。"},

	{CodeAdmin82OnTheSpot, "行政诉讼法第八十二条第一款第一项", "被诉行政行为是依法当场作出的；以人民法院认为事实清楚、权利义务关系明确、争议不大为前提（行政诉讼法第八十二条第一款，其含义见行诉法解释第一百零二条）。"},
	{CodeAdmin82SmallAmount, "行政诉讼法第八十二条第一款第二项", "案件涉及款额二千元以下；以人民法院认为事实清楚、权利义务关系明确、争议不大为前提（行政诉讼法第八十二条第一款，其含义见行诉法解释第一百零二条）。"},
	{CodeReviewAdminNotOnlyAmount, "行政诉讼法第八十二条第一款第二项、第二款", "诉讼请求所涉行政行为除二千元以下的款额外，还有非金钱的内容（吊销或者暂扣许可证件、责令停产停业、行政拘留、拆除等）：案件是否属于“涉及款额二千元以下”的案件须由人民法院认定，已不按该项提供简易程序（当事人各方同意适用简易程序的，仍可依第二款适用），需人工核对。"},
	{CodeAdmin82Disclosure, "行政诉讼法第八十二条第一款第三项", "属于政府信息公开案件；以人民法院认为事实清楚、权利义务关系明确、争议不大为前提（行政诉讼法第八十二条第一款，其含义见行诉法解释第一百零二条）。"},
	{CodeAdmin82Agreement, "行政诉讼法第八十二条第二款", "当事人各方同意适用简易程序。"},
	{CodeAdmin82NotQualified, "行政诉讼法第八十二条", "立案信息未载明被诉行政行为是依法当场作出的、案件涉及款额二千元以下或者属于政府信息公开案件，也未载明当事人各方同意适用简易程序。"},
	{CodeAdmin82NotInForce, "行政诉讼法（2014年修正）第八十二条", "行政诉讼简易程序由2014年修正的行政诉讼法设立，自2015年5月1日起施行；立案日在此之前的案件不适用（1989年行政诉讼法没有简易程序）。"},
	{CodeAdmin82Remanded, "行政诉讼法第八十二条第三款", "发回重审的案件不适用简易程序。"},
	{CodeAdmin82Retrial, "行政诉讼法第八十二条第三款", "按照审判监督程序再审的案件不适用简易程序。"},
	{CodeAssessors16MajorSocialImpact, "人民陪审员法第十六条第四项", "案件社会影响重大：第一审由人民陪审员和法官组成七人合议庭进行（人民陪审员法第十六条第四项，2018年4月27日起施行），不得由审判员一人独任审理，不适用简易程序（民事案件含小额诉讼程序）。"},
	{CodeAssessors16PublicInterestSuit, "人民陪审员法第十六条第二项；行政诉讼法第八十三条", "行政公益诉讼案件：根据行政诉讼法提起的公益诉讼第一审案件，由人民陪审员和法官组成七人合议庭进行（人民陪审员法第十六条第二项，2018年4月27日起施行）；简易程序由审判员一人独任审理（行政诉讼法第八十三条），不适用。"},

	{CodeCrPL222CourtLevel, "刑事诉讼法第二百二十二条", "速裁程序仅适用于基层人民法院管辖的案件。"},
	{CodeCrPL222NoGuiltyPlea, "刑事诉讼法第二百二十二条", "起诉材料既未载明被告人认罪（承认所犯罪行、对指控的犯罪事实没有异议），也未载明认罚（接受量刑建议），不适用速裁程序。"},
	{CodeCrPL222NoAdmission, "刑事诉讼法第二百二十二条", "起诉材料载明被告人接受量刑建议，但未载明被告人认罪（承认所犯罪行、对指控的犯罪事实没有异议），不适用速裁程序。"},
	{CodeCrPL222NoAcceptance, "刑事诉讼法第二百二十二条", "被告人认罪，但起诉材料未载明被告人认罚（接受量刑建议），不适用速裁程序；简易程序只需认罪。"},
	{CodeCrPL222PrivateProsecution, "刑事诉讼法第二百二十二条第二款、第二百二十六条；刑诉法解释第三百六十九条（2021年3月1日起施行）", "本案为自诉案件：速裁程序适用于人民检察院提起公诉的案件（人民检察院在提起公诉的时候可以建议适用速裁程序，被告人认罚是接受人民检察院的量刑建议；转换程序时按照公诉案件普通程序或者简易程序重新审理），自诉案件不适用速裁程序；符合条件的可以适用简易程序（刑诉法解释第三百二十七条）。"},
	{CodeCrPL2018PrivateProsecution, "刑事诉讼法第二百二十二条第二款、第二百二十六条", "本案为自诉案件：速裁程序适用于人民检察院提起公诉的案件（人民检察院在提起公诉的时候可以建议适用速裁程序，被告人认罚是接受人民检察院的量刑建议；转换程序时按照公诉案件普通程序或者简易程序重新审理），自诉案件不适用速裁程序。"},
	{CodeCrPL222NoConsent, "刑事诉讼法第二百二十二条", "起诉材料未载明被告人同意适用速裁程序，不适用速裁程序。"},
	{CodeCrPL222SentenceUnknown, "刑事诉讼法第二百二十二条", "起诉材料未载明量刑建议，无法确认可能判处三年有期徒刑以下刑罚。"},
	{CodeCrPL222SentenceOver3Y, "刑事诉讼法第二百二十二条", "量刑建议重于三年有期徒刑（有期徒刑超过三年、无期徒刑或者死刑），不适用速裁程序。"},
	{CodeCrPL222NotInForce, "刑事诉讼法（2018年修正）第二百二十二条", "速裁程序自2018年10月26日起施行，立案日在此之前的案件不适用。"},
	{CodeCrPL222Eligible, "刑事诉讼法第二百二十二条", "基层人民法院管辖、可能判处三年有期徒刑以下刑罚、被告人认罪认罚并同意适用速裁程序；以案件事实清楚，证据确实、充分为前提。"},
	{CodeCrPL223Impaired, "刑事诉讼法第二百二十三条第一项；刑诉法解释第三百七十条第一项、第二项（2021年3月1日起施行）", "被告人是盲、聋、哑人或尚未完全丧失辨认或者控制自己行为能力的精神病人，不适用速裁程序。"},
	{CodeCrPL223Minor, "刑事诉讼法第二百二十三条第二项；刑诉法解释第三百七十条第三项（2021年3月1日起施行）", "被告人是未成年人，不适用速裁程序。"},
	{CodeCrPL223MajorImpact, "刑事诉讼法第二百二十三条第三项；刑诉法解释第三百七十条第四项（2021年3月1日起施行）", "案件有重大社会影响，不适用速裁程序。"},
	{CodeCrPL223CoDefendant, "刑事诉讼法第二百二十三条第四项；刑诉法解释第三百七十条第五项（2021年3月1日起施行）", "共同犯罪案件中部分被告人对指控的犯罪事实、罪名、量刑建议或者适用速裁程序有异议，不适用速裁程序。"},
	{CodeCrPL223NoSettlement, "刑事诉讼法第二百二十三条第五项；刑诉法解释第三百七十条第六项（2021年3月1日起施行）", "被告人与被害人或者其法定代理人没有就附带民事诉讼赔偿等事项达成调解或者和解协议，不适用速裁程序。"},
	{CodeInterp370DefenceNotGuil, "刑诉法解释第三百七十条第七项（2021年3月1日起施行；此前依刑事诉讼法第二百二十三条第六项）", "辩护人作无罪辩护，不适用速裁程序。"},
	{CodeCrPL2018ImpairedFT, "刑事诉讼法第二百二十三条第一项", "被告人是盲、聋、哑人或尚未完全丧失辨认或者控制自己行为能力的精神病人，不适用速裁程序。"},
	{CodeCrPL2018MinorFT, "刑事诉讼法第二百二十三条第二项", "被告人是未成年人，不适用速裁程序。"},
	{CodeCrPL2018MajorImpactFT, "刑事诉讼法第二百二十三条第三项", "案件有重大社会影响，不适用速裁程序。"},
	{CodeCrPL2018CoDefendantFT, "刑事诉讼法第二百二十三条第四项", "共同犯罪案件中部分被告人对指控的犯罪事实、罪名、量刑建议或者适用速裁程序有异议，不适用速裁程序。"},
	{CodeCrPL2018NoSettlementFT, "刑事诉讼法第二百二十三条第五项", "被告人与被害人或者其法定代理人没有就附带民事诉讼赔偿等事项达成调解或者和解协议，不适用速裁程序。"},
	{CodeCrPL2018DefenceNotGuiltyFT, "刑事诉讼法第二百二十三条第六项", "辩护人作无罪辩护：立案日施行的刑事诉讼法和司法解释未单列此情形（刑诉法解释第三百七十条第七项2021年3月1日起施行），按其他不宜适用速裁程序审理的情形处理，不适用速裁程序。"},

	{CodePilot2014Eligible, "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "2018年10月26日前，试点城市的基层人民法院（以人民法院确定的试点法院为限）：危险驾驶、交通肇事、盗窃、诈骗、抢夺、伤害、寻衅滋事等情节较轻、可能判处一年以下有期徒刑、拘役、管制或者单处罚金的案件，被告人认罪、同意量刑建议并同意适用速裁程序；以事实清楚、证据充分、当事人对适用法律没有争议为前提。"},
	{CodePilot2016Eligible, "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条", "2018年10月26日前，试点城市的基层人民法院（以人民法院确定的试点法院为限）：可能判处三年有期徒刑以下刑罚，被告人认罪认罚并同意适用速裁程序；以事实清楚、证据确实充分、当事人对适用法律没有争议为前提。"},
	{CodePilot2014Offence, "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "第一期速裁程序试点（2014年8月至2016年8月）仅适用于试点办法列举的危险驾驶、交通肇事、盗窃、抢夺、寻衅滋事、非法拘禁犯罪和诈骗、伤害、毒品犯罪、行贿犯罪、在公共场所实施的扰乱公共秩序犯罪；本案罪名不在其列（扰乱公共秩序犯罪须在公共场所实施，起诉材料未载明的不视为符合），不适用速裁程序。"},
	{CodePilot2014Over1Y, "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "第一期速裁程序试点仅适用于可能判处一年以下有期徒刑、拘役、管制或者单处罚金的案件；量刑建议超过一年有期徒刑、缓刑期间所附刑期未载明或者为免予刑事处罚，不适用速裁程序。"},
	{CodePilot2016Over3Y, "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条", "认罪认罚从宽试点中的速裁程序仅适用于可能判处三年有期徒刑以下刑罚的案件；量刑建议重于三年有期徒刑，不适用速裁程序。"},
	{CodePilotSentenceUnknown, "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条", "起诉材料未载明量刑建议，无法确认属于认罪认罚从宽试点中速裁程序的刑罚范围（可能判处三年有期徒刑以下刑罚）。"},
	{CodePilot2014SentenceUnknown, "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "起诉材料未载明量刑建议，无法确认属于第一期速裁程序试点的刑罚范围（可能判处一年以下有期徒刑、拘役、管制或者单处罚金）。"},
	{CodePilotNoGuiltyPlea, "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条", "认罪认罚从宽试点中的速裁程序要求被告人认罪（自愿如实供述自己的罪行、对指控的犯罪事实没有异议）并认罚（同意量刑建议）；起诉材料未载明两者，不适用速裁程序。"},
	{CodePilot2014NoGuiltyPlea, "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "第一期速裁程序试点要求被告人自愿认罪（承认所犯罪行、对指控的犯罪事实没有异议）并同意人民检察院的量刑建议；起诉材料未载明两者，不适用速裁程序。"},
	{CodePilotNoConsent, "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条", "起诉材料未载明被告人同意适用速裁程序，不适用认罪认罚从宽试点中的速裁程序。"},
	{CodePilot2014NoConsent, "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "起诉材料未载明被告人同意适用速裁程序，不适用第一期试点的速裁程序。"},
	{CodePilotPrivateProsecution, "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）", "本案为自诉案件：2016年的决定授权对犯罪嫌疑人、刑事被告人自愿如实供述自己的罪行，对指控的犯罪事实没有异议，同意人民检察院量刑建议并签署具结书的案件依法从宽处理，速裁程序试点按照新的试点办法继续试行；自诉案件没有人民检察院的量刑建议，不适用认罪认罚从宽试点中的速裁程序。"},
	{CodePilot2014PrivateProsecution, "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）", "本案为自诉案件：2014年的决定授权最高人民法院、最高人民检察院开展刑事案件速裁程序试点，第一期试点的速裁程序要求被告人同意人民检察院的量刑建议（据公开转述的《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月），其原文本系统未能核对；2014年的决定本身未提及自诉案件）；自诉案件没有人民检察院的量刑建议，不适用第一期试点的速裁程序。"},
	{CodePilotExcluded, "《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）", "认罪认罚从宽试点办法排除的情形：被告人是未成年人，盲、聋、哑人或尚未完全丧失辨认或者控制自己行为能力的精神病人，案件有较大社会影响，共同犯罪中部分被告人有异议，未与被害人达成调解或者和解协议，或者辩护人作无罪辩护；不适用速裁程序。"},
	{CodePilot2014Excluded, "《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "第一期速裁程序试点办法排除的情形：被告人是未成年人，盲、聋、哑人或尚未完全丧失辨认或者控制自己行为能力的精神病人，案件有较大社会影响，共同犯罪中部分被告人有异议，未与被害人达成调解或者和解协议，或者辩护人作无罪辩护；不适用速裁程序。"},
	{CodePilotObjectsSimplified, "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；刑事诉讼法（2012年修正）第二百零八条第一款第三项、第二百零九条第三项", "认罪认罚从宽试点中的速裁程序是速裁程序试点按照新的试点办法继续试行（2016年的决定），仍是对刑事诉讼法（2012年修正）规定的诉讼程序的进一步简化，以案件可以适用简易程序为前提；被告人或者共同犯罪案件中的其他被告人对适用简易程序有异议的，不适用简易程序，也不适用认罪认罚从宽试点中的速裁程序。"},
	{CodePilot2014ObjectsSimplified, "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；刑事诉讼法（2012年修正）第二百零八条第一款第三项、第二百零九条第三项", "第一期试点的速裁程序是对刑事诉讼法（2012年修正）规定的诉讼程序的进一步简化（2014年的决定：“进一步简化刑事诉讼法规定的相关诉讼程序”），以案件可以适用简易程序为前提；被告人或者共同犯罪案件中的其他被告人对适用简易程序有异议的，不适用简易程序，也不适用第一期试点的速裁程序。"},
	{CodePilotLapsed, "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）", "第一期速裁程序试点期满后，2016年的决定规定速裁程序试点按照新的试点办法继续试行；立案日新的试点办法（认罪认罚从宽试点办法，2016年11月印发）尚未印发，试点城市没有施行中的速裁程序试点办法，不适用速裁程序。"},
	{CodePilot2014Lapsed, "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）", "第一期速裁程序试点期满（2014年的决定规定试点期限为二年，自2014年8月试点办法印发起算）；立案日认罪认罚从宽试点的决定（2016年9月3日）尚未作出，试点城市没有施行中的速裁程序试点办法，不适用速裁程序。"},

	{CodeCrPL214CourtLevel, "刑事诉讼法第二百一十四条", "简易程序仅适用于基层人民法院管辖的案件。"},
	{CodeCrPL214NoAdmission, "刑事诉讼法第二百一十四条第一款第二项", "起诉材料未载明被告人承认所犯罪行、对指控的犯罪事实没有异议，不适用简易程序。"},
	{CodeCrPL214Objects, "刑事诉讼法第二百一十四条第一款第三项", "被告人对适用简易程序有异议。"},
	{CodeCrPL214Eligible, "刑事诉讼法第二百一十四条", "基层人民法院管辖，被告人承认自己所犯罪行、对指控的犯罪事实没有异议，起诉材料未载明被告人对适用简易程序有异议；以案件事实清楚、证据充分为前提。"},
	{CodeCrPL215Impaired, "刑事诉讼法第二百一十五条第一项；刑诉法解释第三百六十条第一项、第二项（2021年3月1日前为法释〔2012〕21号第二百九十条第一项、第二项）", "被告人是盲、聋、哑人或尚未完全丧失辨认或者控制自己行为能力的精神病人，不适用简易程序。"},
	{CodeCrPL215MajorImpact, "刑事诉讼法第二百一十五条第二项；刑诉法解释第三百六十条第三项（2021年3月1日前为法释〔2012〕21号第二百九十条第三项）", "案件有重大社会影响，不适用简易程序。"},
	{CodeCrPL215CoDefendant, "刑事诉讼法第二百一十五条第三项；刑诉法解释第三百六十条第四项（2021年3月1日前为法释〔2012〕21号第二百九十条第四项）", "共同犯罪案件中部分被告人不认罪或者对适用简易程序有异议，不适用简易程序。"},
	{CodeCrPL215ImpairedInterp2012, "刑事诉讼法第二百一十五条第一项；刑诉法解释（2012年）第二百九十条第一项、第二项", "被告人是盲、聋、哑人或尚未完全丧失辨认或者控制自己行为能力的精神病人，不适用简易程序。"},
	{CodeCrPL215MajorImpactInterp2012, "刑事诉讼法第二百一十五条第二项；刑诉法解释（2012年）第二百九十条第三项", "案件有重大社会影响，不适用简易程序。"},
	{CodeCrPL215CoDefendantInterp2012, "刑事诉讼法第二百一十五条第三项；刑诉法解释（2012年）第二百九十条第四项", "共同犯罪案件中部分被告人不认罪或者对适用简易程序有异议，不适用简易程序。"},
	{CodeInterp360DefenceNotGuil, "刑诉法解释第三百六十条第五项", "辩护人作无罪辩护，不适用简易程序。"},
	{CodeInterp566RepresentativeObjects, "刑诉法解释第五百六十六条", "未成年被告人的法定代理人或者辩护人对适用简易程序提出异议：对未成年人刑事案件，上述人员提出异议的，不适用简易程序。"},
	{CodeInterp566MinorConsult, "刑诉法解释第五百六十六条", "被告人是未成年人：决定适用简易程序的，应当征求未成年被告人及其法定代理人、辩护人的意见；上述人员提出异议的，不适用简易程序。"},
	{CodeCrPL216PanelRequired, "刑事诉讼法第二百一十六条", "量刑建议有期徒刑超过三年（或者无期徒刑、死刑），适用简易程序时应当组成合议庭。"},
	{CodeCrPL21Intermediate, "刑事诉讼法第二十一条第二项、第二百一十四条第一款", "量刑建议为无期徒刑或者死刑：可能判处无期徒刑、死刑的第一审刑事案件由中级人民法院管辖，不是基层人民法院管辖的案件，不适用简易程序；基层人民法院应当移送中级人民法院审判（刑诉法解释第十七条，2021年3月1日起；此前为法释〔2012〕21号的相应规定）。"},
	{CodeCrPL21SecurityTerror, "刑事诉讼法第二十一条第一项、第二百一十四条第一款、第二百二十二条第一款；刑诉法解释第十五条", "危害国家安全、恐怖活动案件的第一审由中级人民法院管辖，不论可能判处的刑罚轻重；一人犯数罪、共同犯罪案件中一罪或者一人属于中级人民法院管辖的，全案由中级人民法院管辖（刑诉法解释第十五条，2021年3月1日起施行）。本案不是基层人民法院管辖的案件，不适用简易程序和速裁程序。"},
	{CodeCrPL2012SecurityTerror, "刑事诉讼法（2012年修正）第二十条第一项、第二百零八条第一款", "危害国家安全、恐怖活动案件的第一审由中级人民法院管辖，不论可能判处的刑罚轻重；本案不是基层人民法院管辖的案件，不适用简易程序（试点城市亦不适用速裁程序）。"},
	{CodeCrPL2012CourtLevel, "刑事诉讼法（2012年修正）第二百零八条第一款", "立案日施行的刑事诉讼法（2012年修正）规定，简易程序仅适用于基层人民法院管辖的案件。"},
	{CodeCrPL2012NoAdmission, "刑事诉讼法（2012年修正）第二百零八条第一款第二项", "起诉材料未载明被告人承认自己所犯罪行、对指控的犯罪事实没有异议，不适用简易程序。"},
	{CodeCrPL2012Objects, "刑事诉讼法（2012年修正）第二百零八条第一款第三项", "被告人对适用简易程序有异议。"},
	{CodeCrPL2012Eligible, "刑事诉讼法（2012年修正）第二百零八条", "基层人民法院管辖，被告人承认自己所犯罪行、对指控的犯罪事实没有异议，起诉材料未载明被告人对适用简易程序有异议；以案件事实清楚、证据充分为前提。"},
	{CodeCrPL2012Impaired, "刑事诉讼法（2012年修正）第二百零九条第一项；刑诉法解释（2012年）第二百九十条第一项、第二项", "被告人是盲、聋、哑人或尚未完全丧失辨认或者控制自己行为能力的精神病人，不适用简易程序。"},
	{CodeCrPL2012MajorImpact, "刑事诉讼法（2012年修正）第二百零九条第二项；刑诉法解释（2012年）第二百九十条第三项", "案件有重大社会影响，不适用简易程序。"},
	{CodeCrPL2012CoDefendant, "刑事诉讼法（2012年修正）第二百零九条第三项；刑诉法解释（2012年）第二百九十条第四项", "共同犯罪案件中部分被告人不认罪或者对适用简易程序有异议，不适用简易程序。"},
	{CodeCrPL2012PanelRequired, "刑事诉讼法（2012年修正）第二百一十条第一款", "量刑建议有期徒刑超过三年（或者无期徒刑、死刑），适用简易程序时应当组成合议庭。"},
	{CodeCrPL2012Intermediate, "刑事诉讼法（2012年修正）第二十条第二项、第二百零八条第一款", "量刑建议为无期徒刑或者死刑：可能判处无期徒刑、死刑的第一审刑事案件由中级人民法院管辖，不是基层人民法院管辖的案件，不适用简易程序；基层人民法院应当移送中级人民法院审判。"},
	{CodeCrPL2012RemandedPanel, "刑事诉讼法（2012年修正）第二百二十八条、第二百一十条", "发回重新审判的案件，原审人民法院应当另行组成合议庭审判，不得由审判员一人独任审判（适用简易程序的亦应组成合议庭）。"},
	{CodeCrPL2012RemandedFastTrack, "刑事诉讼法（2012年修正）第二百二十八条；速裁程序试点办法", "发回重新审判的案件，原审人民法院应当另行组成合议庭审判；试点中的速裁程序由审判员一人独任审判，不适用。"},
	{CodeCrPL2012RetrialPanel, "刑事诉讼法（2012年修正）第二百四十五条、第二百一十条", "按照审判监督程序重新审判的案件，由原审人民法院审理的，应当另行组成合议庭，原来是第一审案件的依照第一审程序审判，不得由审判员一人独任审判（适用简易程序的亦应组成合议庭）。"},
	{CodeCrPL2012RetrialFastTrack, "刑事诉讼法（2012年修正）第二百四十五条；速裁程序试点办法", "按照审判监督程序重新审判的案件，由原审人民法院审理的，应当另行组成合议庭进行；试点中的速裁程序由审判员一人独任审判，不适用。"},
	{CodeInterp2012DefenceNotGuil, "刑诉法解释（2012年）第二百九十条第五项", "辩护人作无罪辩护，不适用简易程序（立案日施行的是法释〔2012〕21号，2021年3月1日起为刑诉法解释第三百六十条第五项）。"},
	{CodeInterp2012RepresentativeObjects, "刑诉法解释（2012年）第四百七十四条", "未成年被告人的法定代理人或者辩护人对适用简易程序提出异议：对未成年人刑事案件，上述人员提出异议的，不适用简易程序（立案日施行的是法释〔2012〕21号，2021年3月1日起为刑诉法解释第五百六十六条）。"},
	{CodeInterp2012MinorConsult, "刑诉法解释（2012年）第四百七十四条", "被告人是未成年人：决定适用简易程序的，应当征求未成年被告人及其法定代理人、辩护人的意见；上述人员提出异议的，不适用简易程序（立案日施行的是法释〔2012〕21号，2021年3月1日起为刑诉法解释第五百六十六条）。"},
	{CodeCrPL1996SentenceCap, "刑事诉讼法（1996年）第一百七十四条第一项", "立案日（2013年1月1日前）施行的刑事诉讼法规定，公诉案件适用简易程序以依法可能判处三年以下有期徒刑、拘役、管制、单处罚金为限；起诉材料未载明量刑建议，或者量刑建议超过三年有期徒刑，不适用简易程序。"},
	{CodeCrPL1996RemandedSimplified, "刑事诉讼法（1996年）第一百九十二条、第一百七十四条", "立案日（2013年1月1日前）施行的刑事诉讼法规定，简易程序由审判员一人独任审判，发回重新审判的案件应当另行组成合议庭审判：本案不适用简易程序（2013年1月1日起，简易程序可以组成合议庭）。"},
	{CodeCrPL1996RetrialSimplified, "刑事诉讼法（1996年）第二百零六条、第一百七十四条", "立案日（2013年1月1日前）施行的刑事诉讼法规定，简易程序由审判员一人独任审判，按照审判监督程序重新审判的案件由原审人民法院审理的，应当另行组成合议庭进行：本案不适用简易程序（2013年1月1日起，简易程序可以组成合议庭）。"},
	{CodeCrPL1996RemandedPanel, "刑事诉讼法（1996年）第一百九十二条", "立案日（2013年1月1日前）施行的刑事诉讼法规定，第二审人民法院发回原审人民法院重新审判的案件，原审人民法院应当另行组成合议庭，依照第一审程序进行审判。"},
	{CodeCrPL1996RetrialPanel, "刑事诉讼法（1996年）第二百零六条", "立案日（2013年1月1日前）施行的刑事诉讼法规定，人民法院按照审判监督程序重新审判的案件，由原审人民法院审理的，应当另行组成合议庭进行；原来是第一审案件，应当依照第一审程序进行审判。"},
	{CodeCrPL1996CourtLevel, "刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条", "立案日（2013年1月1日前）施行的刑事诉讼法规定，适用简易程序的案件由基层人民法院审判员一人独任审判；基层人民法院以外的法院审判第一审案件应当组成合议庭，不适用简易程序。"},
	{CodeCrPL1996PrivateEligible, "刑事诉讼法（1996年）第一百七十四条第二项、第三项", "本案为自诉案件；立案日（2013年1月1日前）施行的刑事诉讼法规定，告诉才处理的案件和被害人起诉的有证据证明的轻微刑事案件可以适用简易程序，由审判员一人独任审判（不受第一项公诉案件三年以下有期徒刑的限制，无须人民检察院建议或者同意）；人民检察院不予追究的案件（该法第一百七十条第三项）不在此列，须由法院核实自诉案件的类别。"},
	{CodeCrPL1996Eligible, "刑事诉讼法（1996年）第一百七十四条第一项", "立案日（2013年1月1日前）施行的刑事诉讼法规定：依法可能判处三年以下有期徒刑、拘役、管制、单处罚金的公诉案件，事实清楚、证据充分，人民检察院建议或者同意适用简易程序的，可以适用简易程序，由审判员一人独任审判。人民检察院是否建议或者同意，起诉材料未载明，须由法院核实；1998年9月8日起，被告人否认起诉指控的犯罪事实的不适用（刑诉法解释（1998年）第二百二十二条第一项）；2003年3月14日起，另须征得被告人、辩护人同意（《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款）。"},
	{CodeCrPL1996Intermediate, "刑事诉讼法（1996年）第二十条第二项、第一百四十七条第一款", "量刑建议为无期徒刑或者死刑：立案日（2013年1月1日前）施行的刑事诉讼法规定，可能判处无期徒刑、死刑的普通刑事案件由中级人民法院管辖第一审，不是基层人民法院审判的案件，不适用简易程序。"},
	{CodeCrPL1996NationalSecurity, "刑事诉讼法（1996年）第二十条第一项、第一百四十七条第一款", "立案日（2013年1月1日前）施行的刑事诉讼法规定，反革命案件、危害国家安全案件的第一审由中级人民法院管辖，不论可能判处的刑罚轻重；本案不是基层人民法院审判的案件，不适用简易程序（恐怖活动案件由2012年修正列入中级人民法院管辖）。"},
	{CodeInterp1998NoAdmission, "刑诉法解释（1998年）第二百二十二条第一项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第一条第二项", "起诉材料未载明被告人对指控的犯罪事实没有异议：公诉案件的被告人对于起诉指控的犯罪事实予以否认的，不应当适用简易程序（刑诉法解释（1998年）第二百二十二条第一项）；2003年3月14日起，适用简易程序另以被告人及辩护人对所指控的基本犯罪事实没有异议为条件（法发〔2003〕6号第一条第二项）。"},
	{CodeOpinion2003Objects, "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款", "被告人对适用简易程序有异议：立案日施行的《关于适用简易程序审理公诉案件的若干意见》（2003年3月14日起施行）规定，人民法院在征得被告人、辩护人同意后决定适用简易程序。"},
	{CodeInterp1998Impaired, "刑诉法解释（1998年）第二百二十二条第三项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第三项", "被告人是盲、聋、哑人的，不应当适用简易程序。起诉材料所载残障被告人也包括尚未完全丧失辨认或者控制自己行为能力的精神病人，立案日施行的规定未列明，本系统一并不予适用，法院可依查明的情形更正。"},
	{CodeInterp1998CoDefendant, "刑诉法解释（1998年）第二百二十二条第一项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款", "共同犯罪案件中其他被告人否认起诉指控的犯罪事实，或者（2003年3月14日起）不同意适用简易程序：公诉案件的被告人对于起诉指控的犯罪事实予以否认的，不应当适用简易程序（刑诉法解释（1998年）第二百二十二条第一项）；2003年3月14日起，人民法院在征得被告人、辩护人同意后才可以决定适用简易程序。"},
	{CodeInterp1998DefenceNotGuil, "刑诉法解释（1998年）第二百二十二条第四项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第二项", "辩护人作无罪辩护的，不应当适用简易程序（立案日施行的是法释〔1998〕23号）。"},
	{CodeReviewForeignDefendant1996, "刑事诉讼法（1996年）第二十条第三项、第一百四十七条第一款", "被告人涉外（外国人或者港澳台居民）：立案日（2013年1月1日前）施行的刑事诉讼法规定，外国人犯罪的刑事案件由中级人民法院管辖第一审；被告人是外国人的，本案不是基层人民法院审判的案件，不适用简易程序。港澳台居民不是外国人，需人工核实被告人国籍。"},
	{CodeReviewCPL1982Unchecked, "民事诉讼法（试行）（1982年3月8日通过，1982年10月1日起试行）", "立案日（1991年4月9日前）施行的是民事诉讼法（试行）（1982年）；民事诉讼法（1991年）自1991年4月9日起施行，试行法同时废止。试行法的文本本系统未能核对：本决定所列程序、条文和期限均按民事诉讼法（1991年）判断，该法在立案日尚未施行，需人工按试行法核对。"},
	{CodeCrPL1996ForeignDefendant, "刑事诉讼法（1996年）第二十条第三项、第一百四十七条第一款", "起诉书等文字载明被告人的外国国籍（或外籍、无国籍）：立案日（2013年1月1日前）施行的刑事诉讼法规定，外国人犯罪的刑事案件由中级人民法院管辖第一审；本案不是基层人民法院审判的案件，不适用简易程序。"},
	{CodeCrPL1996NotInForce, "刑事诉讼法（1996年）第一百七十四条", "刑事简易程序由1996年修正的刑事诉讼法设立，自1997年1月1日起施行；立案日施行的1979年刑事诉讼法没有简易程序。"},

	{CodeCrPL239FastTrackBarred, "刑事诉讼法第二百三十九条、第二百二十二条；刑诉法解释第三百七十七条（2021年3月1日起施行）", "发回重新审判的案件，原审人民法院应当另行组成合议庭审判；速裁程序由审判员一人独任审判，不适用。"},
	{CodeCrPL239NewPanel, "刑事诉讼法第二百三十九条、第二百一十六条；刑诉法解释第三百七十七条（2021年3月1日起施行）", "发回重新审判的案件，原审人民法院应当另行组成合议庭审判，不得由审判员一人独任审判（适用简易程序的亦应组成合议庭）；原审适用速裁程序、因事实不清或者证据不足发回的，应当适用第一审普通程序。"},
	{CodeCrPL2018RemandedFastTrack, "刑事诉讼法第二百三十九条、第二百二十二条", "发回重新审判的案件，原审人民法院应当另行组成合议庭审判；速裁程序由审判员一人独任审判，不适用。"},
	{CodeCrPL2018RemandedPanel, "刑事诉讼法第二百三十九条、第二百一十六条", "发回重新审判的案件，原审人民法院应当另行组成合议庭审判，不得由审判员一人独任审判（适用简易程序的亦应组成合议庭）。"},
	{CodeCrPL256FastTrackBarred, "刑事诉讼法第二百五十六条、第二百二十二条", "按照审判监督程序重新审判的案件，由原审人民法院审理的，应当另行组成合议庭进行；速裁程序由审判员一人独任审判，不适用。"},
	{CodeCrPL256NewPanel, "刑事诉讼法第二百五十六条、第二百一十六条", "按照审判监督程序重新审判的案件，由原审人民法院审理的，应当另行组成合议庭，原来是第一审案件的依照第一审程序审判，不得由审判员一人独任审判（适用简易程序的亦应组成合议庭）。"},
	{CodeInterp213FastTrackBarred, "刑诉法解释第二百一十三条第一款第一项；刑事诉讼法第二百二十二条", "涉及群体利益、公共利益的第一审刑事案件，应当由审判员和人民陪审员组成合议庭审判；速裁程序由审判员一人独任审判，不适用。"},
	{CodeInterp213AssessorPanel, "刑诉法解释第二百一十三条第一款第一项；刑事诉讼法第二百一十六条", "涉及群体利益、公共利益的第一审刑事案件，应当由审判员和人民陪审员组成合议庭审判，不得由审判员一人独任审判（适用简易程序的亦应组成合议庭）。"},

	{CodeReviewGroupDispute, "法发〔2021〕30号", "当事人一方人数众多，可能属于群体性纠纷（四类案件），需院庭长监督管理，不分入速裁团队。"},
	{CodeReviewPublicInterest, "法发〔2021〕30号；民事诉讼法第四十二条", "案件涉及国家利益、社会公共利益（四类案件），需院庭长监督管理，不分入速裁团队。"},
	{CodeReviewAssessors15Criminal, "人民陪审员法第十五条第一款第一项、第二款；刑事诉讼法第一百八十三条第一款", "涉及群体利益、公共利益的第一审刑事案件，由人民陪审员和法官组成合议庭进行，但法律规定由法官独任审理的，从其规定（人民陪审员法第十五条第二款，2018年4月27日起施行；此前全国人大常委会关于完善人民陪审员制度的决定第二条亦除外适用简易程序的案件和法律另有规定的案件）。基层人民法院适用简易程序、速裁程序的案件可以由审判员一人独任审判（刑事诉讼法第一百八十三条第一款）；立案日（2021年3月1日前）施行的司法解释没有排除速裁程序或者独任审判（刑诉法解释第二百一十三条2021年3月1日起施行）。是否由人民陪审员参加合议庭审判由人民法院决定，不分入速裁团队。"},
	{CodeReviewAssessors15CriminalCrPL2012, "人民陪审员法第十五条第一款第一项、第二款；刑事诉讼法（2012年修正）第一百七十八条第一款", "涉及群体利益、公共利益的第一审刑事案件，由人民陪审员和法官组成合议庭进行，但法律规定由法官独任审判的，从其规定（人民陪审员法第十五条第二款，2018年4月27日起施行）。立案日施行的刑事诉讼法（2012年修正）第一百七十八条第一款规定基层人民法院适用简易程序的案件可以由审判员一人独任审判；立案日施行的司法解释没有排除独任审判（刑诉法解释第二百一十三条2021年3月1日起施行）。是否由人民陪审员参加合议庭审判由人民法院决定，不分入速裁团队。"},
	{CodeReviewAssessorsCriminalNoText, "", "案件涉及群体利益、公共利益；立案日施行的法律未规定此类第一审刑事案件由人民陪审员参加合议庭审判（人民陪审员法第十五条自2018年4月27日起施行，此前全国人大常委会关于完善人民陪审员制度的决定第二条只列社会影响较大的案件，并除外适用简易程序的案件），本系统仍提示人工审核：是否由人民陪审员参加合议庭审判由人民法院决定，不分入速裁团队。"},
	{CodeReviewGroupInterestAssessors15, "人民陪审员法第十五条第一款第一项", "案件涉及群体利益：第一审由人民陪审员和法官组成合议庭进行（人民陪审员法第十五条第一款第一项，法律规定独任审理的除外）。是否由人民陪审员参加合议庭审理由院庭长审查决定，不分入速裁团队。"},
	{CodeReviewGroupInterest, "人民陪审员法第十五条第一款第一项；民事诉讼法第四十二条第二项", "案件涉及群体利益：第一审由人民陪审员和法官组成合议庭进行（人民陪审员法第十五条第一款第一项，法律规定独任审理的除外）；民事案件涉及群体性纠纷、可能影响社会稳定的，不得由审判员一人独任审理（民事诉讼法第四十二条第二项，2022年1月1日起施行）。是否独任审理由院庭长审查决定，不分入速裁团队。"},
	{CodeReviewMajorImpact, "法发〔2021〕30号", "案件有重大社会影响（四类案件），需院庭长监督管理，不分入速裁团队。"},
	{CodeReviewSensitiveCause, "法发〔2021〕30号", "案由属于重大、敏感类型，需院庭长监督管理，不分入速裁团队。"},
	{CodeReviewTextSignal, "法发〔2021〕30号", "起诉材料中出现群体性、社会关注或疑难复杂等表述，需人工审核，不分入速裁团队。"},
	{CodeReviewGroupCause, "法发〔2021〕30号", "易引发群体性纠纷的案由且同一方当事人较多，需人工审核，不分入速裁团队。"},
	{CodeReviewSecurityTerror, "刑事诉讼法第二十一条第一项；刑诉法解释第十五条、第二百一十九条第一款第一项", "起诉罪名属于危害国家安全或者恐怖活动犯罪，第一审由中级人民法院管辖（数罪中一罪属于中级人民法院管辖的，全案由中级人民法院管辖）；不属于本院管辖的，应当退回人民检察院，需人工审核。"},
	{CodeReviewIntermediate, "刑事诉讼法第二十一条第二项；刑诉法解释第十七条", "量刑建议为无期徒刑或者死刑，属中级人民法院管辖的第一审刑事案件，基层人民法院应当移送中级人民法院审判，需人工审核。"},
	{CodeReviewSecurityTerror2018, "刑事诉讼法第二十一条第一项", "起诉罪名属于危害国家安全或者恐怖活动犯罪，第一审由中级人民法院管辖，不是基层人民法院管辖的案件，需人工审核。"},
	{CodeReviewSecurityTerror2012, "刑事诉讼法（2012年修正）第二十条第一项", "起诉罪名属于危害国家安全或者恐怖活动犯罪，立案日施行的刑事诉讼法（2012年修正）规定其第一审由中级人民法院管辖，不是基层人民法院管辖的案件，需人工审核。"},
	{CodeReviewNationalSecurity1996, "刑事诉讼法（1996年）第二十条第一项", "起诉罪名属于危害国家安全犯罪，立案日（2013年1月1日前）施行的刑事诉讼法规定反革命案件、危害国家安全案件的第一审由中级人民法院管辖，不是基层人民法院审判的案件，需人工审核。"},
	{CodeReviewIntermediate2018, "刑事诉讼法第二十一条第二项", "量刑建议为无期徒刑或者死刑，属中级人民法院管辖的第一审刑事案件，基层人民法院应当移送中级人民法院审判，需人工审核。"},
	{CodeReviewIntermediate2012, "刑事诉讼法（2012年修正）第二十条第二项", "量刑建议为无期徒刑或者死刑，立案日施行的刑事诉讼法（2012年修正）规定可能判处无期徒刑、死刑的第一审刑事案件由中级人民法院管辖，基层人民法院应当移送中级人民法院审判，需人工审核。"},
	{CodeReviewIntermediate1996, "刑事诉讼法（1996年）第二十条第二项", "量刑建议为无期徒刑或者死刑，立案日（2013年1月1日前）施行的刑事诉讼法规定可能判处无期徒刑、死刑的普通刑事案件由中级人民法院管辖第一审，需人工审核。"},
	{CodeReviewNonContentious, "民事诉讼法第十五章、第十七章、第十八章；最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项", "案由属非讼程序案件（特别程序、督促程序、公示催告程序、破产、保全等），应依法律为其规定的程序和期限处理，不是小额诉讼、简易程序或普通程序审理的争讼案件；所示普通程序及其审理期限仅为兜底，需人工确认。"},
	{CodeReviewCourtProvince, "民事诉讼法第一百六十五条；民诉法解释第二百七十三条", "法院名称表明的省份与立案信息所填省份不一致：小额诉讼的标的额标准以法院所在省、自治区、直辖市上年度就业人员年平均工资计算，刑事速裁程序试点也以法院所在城市为限，两者给出不同答案时能否适用小额诉讼程序无法确定，需人工核对法院和省份。"},
	{CodeReviewCourtLevel, "民事诉讼法第一百六十条、第一百六十五条", "法院名称是基层人民法院（或其人民法庭）的名称，立案信息所填法院层级却高于基层：小额诉讼程序和简易程序仅适用于基层人民法院和它派出的法庭，已按所填层级排除；如法院确为基层人民法院，小额诉讼程序可能依法应当适用，需人工核对法院层级。"},
	{CodeReviewCaseNumberYearAhead, "最高人民法院关于人民法院案件案号的若干规定第二条", "案号的收案年度是立案日期的下一年：收案年度是收案的公历自然年，收案在立案之前，规定没有为年底收案使用下一年度案号留出例外。立案日期决定适用的法律和小额诉讼的年度标准，需人工核对立案日期和案号。"},
	{CodeInferRetrialFromCaseNumber, "最高人民法院关于人民法院案件案号的若干规定第二条；民诉法解释第二百五十七条第四项；行政诉讼法第八十二条第三款；刑事诉讼法第二百五十六条", "案号的类型代字（民再、刑再、行再）表明本案为再审案件，按再审案件认定：不适用简易程序、小额诉讼程序（刑事案件不适用速裁程序），应当另行组成合议庭。"},
	{CodeInferThirdPartyRevocationFromCaseNumber, "最高人民法院关于人民法院案件案号的若干规定第二条；民事诉讼法第五十九条第三款；民诉法解释第二百五十七条第六项", "案号的类型代字（民撤）表明本案为第三人撤销之诉（第三人起诉请求改变或者撤销生效判决、裁定、调解书），按该类案件认定：不适用简易程序、小额诉讼程序，应当组成合议庭审理。"},
	{CodeReviewCourtLevelCPL2017, "民事诉讼法（2012年、2017年修正）第一百五十七条、第一百六十二条", "法院名称是基层人民法院（或其人民法庭）的名称，立案信息所填法院层级却高于基层：简易程序和小额诉讼程序仅适用于基层人民法院和它派出的法庭，已按所填层级排除；如法院确为基层人民法院，小额诉讼程序可能依法应当适用，需人工核对法院层级。"},
	{CodeReviewCourtLevelCPL2007, "民事诉讼法（1991年、2007年修正）第一百四十二条", "法院名称是基层人民法院（或其人民法庭）的名称，立案信息所填法院层级却高于基层：立案日（2013年1月1日前）施行的民事诉讼法规定简易程序仅适用于基层人民法院和它派出的法庭，已按所填层级排除；如法院确为基层人民法院，简易程序可能适用，需人工核对法院层级。"},
	{CodeReviewCourtLevelCrPL2018, "刑事诉讼法第二百一十四条、第二百二十二条", "法院名称是基层人民法院（或其人民法庭）的名称，立案信息所填法院层级却高于基层：简易程序和速裁程序仅适用于基层人民法院管辖的案件，已按所填层级排除；如法院确为基层人民法院，这些程序可能适用，需人工核对法院层级。"},
	{CodeReviewCourtLevelCrPL2012, "刑事诉讼法（2012年修正）第二百零八条第一款", "法院名称是基层人民法院（或其人民法庭）的名称，立案信息所填法院层级却高于基层：立案日施行的刑事诉讼法（2012年修正）规定简易程序仅适用于基层人民法院管辖的案件（试点城市的速裁程序亦限于基层人民法院），已按所填层级排除；如法院确为基层人民法院，这些程序可能适用，需人工核对法院层级。"},
	{CodeReviewCourtLevelCrPL1996, "刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条", "法院名称是基层人民法院（或其人民法庭）的名称，立案信息所填法院层级却高于基层：立案日（2013年1月1日前）施行的刑事诉讼法规定简易程序由基层人民法院审判员一人独任审判，已按所填层级排除；如法院确为基层人民法院，简易程序可能适用，需人工核对法院层级。"},
	{CodeReviewChargeUnresolved, chargeCatalogueArticle, "起诉罪名中有一部分不在罪名目录中，或以“等”“数罪”概括而未列明：未识别的罪名可能使全案属于中级人民法院管辖，或者排除速裁程序、简易程序，据已识别的罪名作出的判断不完整，需人工核对全部罪名。"},
	{CodeCauseUnknown, causeUnknownArticle, "案由为空或不在案由目录（民事案件案由、行政案件案由、罪名）中，也无法归入上级案由，不能据以判断案件性质，需人工核对案由。"},

	{CodeInferPersonalStatus, "民事诉讼法第一百六十六条第一项", "根据案由认定为人身关系案件。"},
	{CodeInferPropertyRights, "民事诉讼法第一百六十六条第一项", "根据案由认定为财产确权案件。"},
	{CodeInferNonMonetary, "民事诉讼法第一百六十五条", "根据案由认定诉讼请求不限于金钱给付。"},
	{CodeInferPersonalStatus2015, "民诉法解释（2015年）第二百七十五条第一项", "根据案由认定为人身关系案件。"},
	{CodeInferPersonalStatus2012, "民事诉讼法（2012年修正）第一百六十二条", "根据案由认定为人身关系案件（小额诉讼程序由民事诉讼法2012年修正设立，2013年1月1日起施行；民诉法解释2015年2月4日起施行）。"},
	{CodeInferPropertyRights2015, "民诉法解释（2015年）第二百七十五条第一项", "根据案由认定为财产确权案件。"},
	{CodeInferPropertyRights2012, "民事诉讼法（2012年修正）第一百六十二条", "根据案由认定为财产确权案件（小额诉讼程序由民事诉讼法2012年修正设立，2013年1月1日起施行；民诉法解释2015年2月4日起施行）。"},
	{CodeInferNonMonetary2015, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条", "根据案由认定诉讼请求不限于金钱给付。"},
	{CodeInferNonMonetary2012, "民事诉讼法（2012年修正）第一百六十二条", "根据案由认定诉讼请求不限于金钱给付（小额诉讼程序由民事诉讼法2012年修正设立，2013年1月1日起施行；民诉法解释2015年2月4日起施行）。"},
	{CodeInferPublicInterest, "民诉法解释第二百五十七条第五项；民事诉讼法第四十二条第一项", "根据案由（公益诉讼）认定为涉及国家利益、社会公共利益的案件。"},
	{CodeInferPublicInterest2015, "民诉法解释（2015年）第二百五十七条第五项；民事诉讼法（2012年、2017年修正）第五十五条", "根据案由（公益诉讼）认定为涉及国家利益、社会公共利益的案件。"},
	{CodeInferPublicInterest2012, "民事诉讼法（2012年修正）第五十五条；最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项", "根据案由（公益诉讼）认定为涉及社会公共利益的案件（公益诉讼由民事诉讼法2012年修正设立，2013年1月1日起施行；2015年2月4日前没有明文排除简易程序的规定，见若干规定第一条第五项）。"},
	{CodeInferThirdPartyRevocation2015, "民事诉讼法（2012年、2017年修正）第五十六条第三款；民诉法解释（2015年）第二百五十七条第六项", "根据案由认定为第三人撤销之诉（第三人起诉请求改变或者撤销生效判决、裁定、调解书）。"},
	{CodeInferThirdPartyRevocation2012, "民事诉讼法（2012年修正）第五十六条第三款", "根据案由认定为第三人撤销之诉（第三人起诉请求改变或者撤销生效判决、裁定、调解书；由民事诉讼法2012年修正设立，2013年1月1日起施行）。"},
	{CodeInferThirdPartyRevocation, "民事诉讼法第五十九条第三款；民诉法解释第二百五十七条第六项", "根据案由认定为第三人撤销之诉（第三人起诉请求改变或者撤销生效判决、裁定、调解书）。"},
	{CodeInferNumerous, "民诉法解释第七十五条", "同一方当事人十人以上，认定为人数众多。"},
	{CodeInferNumerous1992, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第五十九条", "同一方当事人十人以上，认定为人数众多（立案日施行的是1992年的意见，2015年2月4日起为民诉法解释第七十五条）。"},
	{CodeInferForeign, "民诉法解释第五百二十条、第五百四十九条", "当事人中有外国、港澳台当事人，认定为涉外案件。"},
	{CodeInferForeign2015, "民诉法解释（2015年）第五百二十二条、第五百五十一条", "当事人中有外国、港澳台当事人，认定为涉外案件。"},
	{CodeInferForeign1992, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第三百零四条", "当事人中有外国、港澳台当事人，认定为涉外案件（立案日施行的意见第三百零四条以外国人、无国籍人、外国企业或组织为当事人的案件为涉外民事案件；涉港澳台当事人的案件，本系统按2015年2月4日起民诉法解释第五百五十一条的规定同样处理）。"},
	{CodeInferFiledOnToday, "", "未填写立案日期，按今日（北京时间）计算。"},
	{CodeInferProvinceFromCaseNumber, "最高人民法院关于人民法院案件案号的若干规定第四条", "未填写省份，按案号的法院代字所表示的省、自治区、直辖市认定（小额诉讼的标的额标准以法院所在省份上年度就业人员年平均工资计算）。"},
	{CodeInferProvinceFromCourtName, "", "未填写省份，按法院名称中的省、自治区、直辖市（或试点城市）名称认定（小额诉讼的标的额标准以法院所在省份上年度就业人员年平均工资计算）。"},
	{CodeInferMaritimeCourt, "民诉法解释第二百七十三条", "受理法院为海事法院，可以适用小额诉讼程序审理海事、海商案件，以其所在省份的标准计算。"},
	{CodeInferMaritimeCourt2013, "最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）", "受理法院为海事法院，可以适用小额诉讼程序审理简单的海事、海商案件（2013年6月26日起），以其所在省份的标准计算。"},
	{CodeInferMaritimeCourtMSPL, "海事诉讼特别程序法第九十八条", "受理法院为海事法院，可以适用简易程序审理事实清楚、权利义务关系明确、争议不大的简单的海事案件；立案日（2013年6月26日前）海事法院不适用小额诉讼程序。"},
	{CodeInferMaritimeCourt1984, "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；民事诉讼法（1991年）第一百四十二条", "受理法院为海事法院，与中级人民法院同级（其判决的上诉由高级人民法院审理）；立案日海事诉讼特别程序法尚未施行，海事法院不适用简易程序，也没有小额诉讼程序。"},
	{CodeInferCourtAboveBasic, "民事诉讼法第十八条至第二十一条、第一百六十条、第一百六十五条", "立案信息填报的法院层级为基层人民法院，但法院名称为中级、高级或最高人民法院（或知识产权法院、金融法院、甘肃矿区人民法院、中级以上军事法院，或中级人民法院内设并单独署名的跨区域知识产权法庭、金融法庭）；按法院名称认定为基层以上法院。简易程序和小额诉讼程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeInferCourtAboveBasic2017, "民事诉讼法（2012年、2017年修正）第十七条至第二十条、第一百五十七条、第一百六十二条", "立案信息填报的法院层级为基层人民法院，但法院名称为中级、高级或最高人民法院（或知识产权法院、金融法院、甘肃矿区人民法院、中级以上军事法院，或中级人民法院内设并单独署名的跨区域知识产权法庭、金融法庭）；按法院名称认定为基层以上法院。立案日施行的民事诉讼法规定，简易程序和小额诉讼程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeInferCourtAboveBasic2007, "民事诉讼法（1991年、2007年修正）第十八条至第二十一条、第一百四十二条", "立案信息填报的法院层级为基层人民法院，但法院名称为中级、高级或最高人民法院（或知识产权法院、金融法院、甘肃矿区人民法院、中级以上军事法院，或中级人民法院内设并单独署名的跨区域知识产权法庭、金融法庭）；按法院名称认定为基层以上法院。立案日（2013年1月1日前）施行的民事诉讼法规定，简易程序仅适用于基层人民法院和它派出的法庭。"},
	{CodeInferCriminalCourtAboveBasic, "刑事诉讼法（2018年修正）第二十条至第二十三条、第二百一十四条、第二百二十二条", "立案信息填报的法院层级为基层人民法院，但法院名称为中级、高级或最高人民法院（或知识产权法院、金融法院、甘肃矿区人民法院、中级以上军事法院，或中级人民法院内设并单独署名的跨区域知识产权法庭、金融法庭）；按法院名称认定为基层以上法院。简易程序和速裁程序仅适用于基层人民法院管辖的案件。"},
	{CodeInferCriminalMaritimeCourt, "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法第二百一十四条、第二百二十二条", "受理法院为海事法院：海事法院的判决、裁定由所在地的高级人民法院二审，与中级人民法院同级，不是基层人民法院，立案信息填报的基层层级不予采用。简易程序和速裁程序仅适用于基层人民法院管辖的案件。"},
	{CodeInferCriminalCourtAboveBasic2012, "刑事诉讼法（2012年修正）第十九条至第二十二条、第二百零八条第一款", "立案信息填报的法院层级为基层人民法院，但法院名称为中级、高级或最高人民法院（或知识产权法院、金融法院、甘肃矿区人民法院、中级以上军事法院，或中级人民法院内设并单独署名的跨区域知识产权法庭、金融法庭）；按法院名称认定为基层以上法院。立案日施行的刑事诉讼法（2012年修正）规定，简易程序仅适用于基层人民法院管辖的案件（试点城市的速裁程序亦限于基层人民法院）。"},
	{CodeInferCriminalCourtAboveBasic1996, "刑事诉讼法（1996年）第十九条至第二十二条、第一百四十七条第一款、第一百七十四条", "立案信息填报的法院层级为基层人民法院，但法院名称为中级、高级或最高人民法院（或知识产权法院、金融法院、甘肃矿区人民法院、中级以上军事法院，或中级人民法院内设并单独署名的跨区域知识产权法庭、金融法庭）；按法院名称认定为基层以上法院。立案日（2013年1月1日前）施行的刑事诉讼法规定，简易程序由基层人民法院审判员一人独任审判。"},
	{CodeInferCriminalMaritimeCourt2012, "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法（2012年修正）第二百零八条第一款", "受理法院为海事法院：海事法院的判决、裁定由所在地的高级人民法院二审，与中级人民法院同级，不是基层人民法院，立案信息填报的基层层级不予采用。立案日施行的刑事诉讼法（2012年修正）规定，简易程序仅适用于基层人民法院管辖的案件（试点城市的速裁程序亦限于基层人民法院）。"},
	{CodeInferCriminalMaritimeCourt1996, "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条", "受理法院为海事法院：海事法院的判决、裁定由所在地的高级人民法院二审，与中级人民法院同级，不是基层人民法院，立案信息填报的基层层级不予采用。立案日（2013年1月1日前）施行的刑事诉讼法规定，简易程序由基层人民法院审判员一人独任审判。"},

	{CodeInferSentenceFromCharge, "刑事诉讼法第二百一十六条、第二百二十二条第一款；刑法分则规定的本罪法定刑", "起诉材料未载明量刑建议，但仅指控一个罪名，其法定最高刑不超过三年有期徒刑：可能判处的刑罚在三年有期徒刑以下，不可能判处无期徒刑或者死刑（数罪并罚可能超过一罪的法定最高刑，故指控数罪时不作此认定）。刑事诉讼法以三年有期徒刑为简易程序可否独任审判（第二百一十六条）和可否适用速裁程序（第二百二十二条第一款）的界限。"},
	{CodeInferSentenceFromCharge2012, "刑事诉讼法（2012年修正）第二百一十条第一款；刑法分则规定的本罪法定刑", "起诉材料未载明量刑建议，但仅指控一个罪名，其法定最高刑不超过三年有期徒刑：可能判处的刑罚在三年有期徒刑以下，不可能判处无期徒刑或者死刑（数罪并罚可能超过一罪的法定最高刑，故指控数罪时不作此认定）。立案日施行的刑事诉讼法（2012年修正）以三年有期徒刑为简易程序可否独任审判的界限；试点城市的速裁程序以试点办法所定的刑罚为限。"},
	{CodeInferSentenceFromCharge1996, "刑事诉讼法（1996年）第一百七十四条第一项；刑法分则规定的本罪法定刑", "起诉材料未载明量刑建议，但仅指控一个罪名，其法定最高刑不超过三年有期徒刑：可能判处的刑罚在三年有期徒刑以下，不可能判处无期徒刑或者死刑（数罪并罚可能超过一罪的法定最高刑，故指控数罪时不作此认定）。立案日（2013年1月1日前）施行的刑事诉讼法以依法可能判处三年以下有期徒刑、拘役、管制、单处罚金为公诉案件适用简易程序的条件。"},

	{CodeHolidayCalendarMissing, "民事诉讼法第八十五条第三款；刑事诉讼法第一百零五条第四款；行诉法解释第四十八条第三款", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按法定休假日顺延，需人工核对。"},
	{CodeCrPL105Detained, "刑事诉讼法第一百零五条第四款", "被告人在押，期间应当至期满之日为止，不因节假日而延长。"},
	{CodeCrPL2012Detained, "刑事诉讼法（2012年修正）第一百零三条第四款", "被告人在押，期间应当至期满之日为止，不因节假日而延长。"},
	{CodeInterp1998Detained, "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百零三条", "被告人在押，在押期间应当至期间届满之日为止，不得因节假日而延长。"},
	{CodeCrPL1996Detained, "刑事诉讼法（1996年）第七十九条", "被告人在押；立案日施行的刑事诉讼法第七十九条未规定期间因节假日顺延，期间至期满之日为止。"},
	{CodeReviewGroupDispute2015, "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条第（1）项", "当事人一方人数众多，可能属于涉及群体性纠纷、可能影响社会稳定的案件，需院庭长监督管理，不分入速裁团队。"},
	{CodeReviewGroupCause2015, "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条第（1）项", "易引发群体性纠纷的案由且同一方当事人较多，可能属于涉及群体性纠纷的案件，需人工审核，不分入速裁团队。"},
	{CodeReviewMajorImpact2015, "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条第（2）项", "案件有重大社会影响；如属疑难、复杂案件，即为院庭长有权要求报告进展和评议结果的案件，需人工审核，不分入速裁团队。"},
	{CodeReviewTextSignal2015, "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条", "起诉材料中出现群体性、社会关注、疑难复杂或类案冲突等表述，可能属于院庭长有权要求报告进展和评议结果的案件，需人工审核，不分入速裁团队。"},
	{CodeReviewPublicInterest2021, "法发〔2021〕30号", "案件涉及国家利益、社会公共利益（四类案件），需院庭长监督管理，不分入速裁团队。"},
	{CodeReviewGroupDisputeNoText, "", "当事人一方人数众多，可能属于群体性纠纷；立案日尚无最高人民法院关于院庭长监督此类案件的规定（自2015年9月21日起见法发〔2015〕13号第24条），本系统仍提示人工审核，不分入速裁团队。"},
	{CodeReviewGroupCauseNoText, "", "易引发群体性纠纷的案由且同一方当事人较多；立案日尚无最高人民法院关于院庭长监督此类案件的规定（自2015年9月21日起见法发〔2015〕13号第24条），本系统仍提示人工审核，不分入速裁团队。"},
	{CodeReviewMajorImpactNoText, "", "案件有重大社会影响；立案日尚无最高人民法院关于院庭长监督此类案件的规定（自2015年9月21日起见法发〔2015〕13号第24条），本系统仍提示人工审核，不分入速裁团队。"},
	{CodeReviewTextSignalNoText, "", "起诉材料中出现群体性、社会关注或疑难复杂等表述；立案日尚无最高人民法院关于院庭长监督此类案件的规定（自2015年9月21日起见法发〔2015〕13号第24条），本系统仍提示人工审核，不分入速裁团队。"},
	{CodeReviewSensitiveNoText, "", "案由属于重大、敏感类型；立案日施行的最高人民法院文件未将敏感案件列为院庭长监督管理的案件（自2021年11月4日起见法发〔2021〕30号），本系统仍提示人工审核，不分入速裁团队。"},
	{CodeReviewPublicInterestNoText, "", "案件涉及国家利益、社会公共利益；立案日施行的最高人民法院文件未将此类案件列为院庭长监督管理的案件（自2021年11月4日起见法发〔2021〕30号），本系统仍提示人工审核，不分入速裁团队。"},
	{CodeReviewCourtProvinceCPL2017, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释第二百七十三条", "法院名称表明的省份与立案信息所填省份不一致：小额诉讼的标的额标准以法院所在省、自治区、直辖市上年度就业人员年平均工资计算，刑事速裁程序试点也以法院所在城市为限，两者给出不同答案时能否适用小额诉讼程序无法确定，需人工核对法院和省份。"},
	{CodeReviewCourtProvinceReply2013, "民事诉讼法（2012年修正）第一百六十二条；最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）", "法院名称表明的省份与立案信息所填省份不一致：小额诉讼的标的额标准以法院所在省、自治区、直辖市上年度就业人员年平均工资计算，两者给出不同答案时能否适用小额诉讼程序无法确定，需人工核对法院和省份。"},
	{CodeReviewCourtProvinceCPL2012, "民事诉讼法（2012年修正）第一百六十二条", "法院名称表明的省份与立案信息所填省份不一致：小额诉讼的标的额标准以法院所在省、自治区、直辖市上年度就业人员年平均工资计算，两者给出不同答案时能否适用小额诉讼程序无法确定，需人工核对法院和省份。"},
	{CodeReviewCourtProvinceNoText, "", "法院名称表明的省份与立案信息所填省份不一致；立案日尚无以法院所在省份为标准的小额诉讼程序（自2013年1月1日起施行），本系统仍提示人工核对法院和省份。"},
	{CodeHolidayMissingCPL2017, "民事诉讼法（2012年、2017年修正）第八十二条第三款", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按节假日顺延，需人工核对。"},
	{CodeHolidayMissingCPL2007, "民事诉讼法（1991年、2007年修正）第七十五条第三款", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按节假日顺延，需人工核对。"},
	{CodeHolidayMissingCrPL2018, "刑事诉讼法第一百零五条第四款", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按节假日顺延，需人工核对。"},
	{CodeHolidayMissingCrPL2012, "刑事诉讼法（2012年修正）第一百零三条第四款", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按节假日顺延，需人工核对。"},
	{CodeHolidayMissingInterp1998, "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百零三条", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按节假日顺延，需人工核对。"},
	{CodeHolidayMissingCrPL1996, "刑事诉讼法（1996年）第七十九条", "立案日施行的刑事诉讼法第七十九条未规定期间最后一日为节假日的顺延，本系统未查到当时其他相关规定；届满日所在年份也没有已配置的节假日安排，届满日未调整，需人工核对。"},
	{CodeHolidayMissingAdmin2018, "行诉法解释第四十八条第三款", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按节假日顺延，需人工核对。"},
	{CodeHolidayMissingAdmin2014, "行政诉讼法第一百零一条；民事诉讼法（2012年、2017年修正）第八十二条第三款", "审理期限届满日所在年份没有已配置的国务院办公厅节假日安排，届满日未按节假日顺延，需人工核对。"},
	{CodeHolidayMissingAdmin1989, "", "立案日施行的行政诉讼法（1989年）没有期间条款，最高人民法院司法解释规定参照民事诉讼的有关规定，本系统未核实各解释的施行日期；届满日所在年份没有已配置的节假日安排，届满日未按节假日顺延，需人工核对。"},
	// Statute round 23: the indictment's text beside its fields.
	{CodeInferSentenceFromText, "刑法第四十五条、第六十九条", "起诉书文字载明的量刑建议重于量刑建议字段（或字段未填）：按文字中可能判处的最重刑罚认定——量刑幅度取其上限，“以上”没有上限，“左右”可能超过所列刑期，数罪并罚而未载明决定执行的刑期的取各罪刑期之和（刑法第六十九条：总和刑期以下），缓刑考验期、剥夺政治权利的期限不计；据此认定是否可能判处三年有期徒刑以下刑罚、有期徒刑是否可能超过一年或者三年、是否可能判处无期徒刑或者死刑。文字只用于从严认定，不据以开放速裁程序。"},
	{CodeReviewSentenceTextConflict, "", "量刑建议字段与起诉书文字载明的量刑建议不一致，文字载明的刑罚更重且跨越决定程序的界限（可能超过三年有期徒刑，或者可能判处无期徒刑、死刑）：已按文字从严认定，需人工核对量刑建议并更正字段。"},
	{CodeReviewImpairedInText, "刑法第十八条第三款、第十九条", "起诉书文字载明被告人是盲、聋、哑人（“失聪”“听力残疾”“言语残疾”“视力残疾”等表述按此读取，未读取残疾等级）或者尚未完全丧失辨认或者控制自己行为能力的精神病人，当事人信息未标注：已按立案日施行的法律排除简易程序和速裁程序（现行刑事诉讼法第二百一十五条第一项、第二百二十三条第一项），需人工核对并标注当事人信息。"},
	{CodeReviewMinorInText, "刑法第十七条", "起诉书文字载明被告人是未成年人（或者犯罪时未满十八周岁），当事人信息未标注：已按未成年被告人排除速裁程序、简易程序以听取法定代理人和辩护人意见为条件（现行刑事诉讼法第二百二十三条第二项；刑诉法解释第五百六十六条）；由未成年人案件审判组织审理以当事人信息为准，需人工核对并标注当事人信息。"},
	{CodeReviewVictimUncompensatedInText, "刑事诉讼法第二百二十三条第五项；刑诉法解释第三百七十条第六项（2021年3月1日起施行）", "起诉书文字载明被告人未赔偿被害人损失或者未取得被害人谅解，未载明达成调解或者和解协议：被告人与被害人或者其法定代理人没有就附带民事诉讼赔偿等事项达成调解或者和解协议的，不适用速裁程序；是否已达成协议需人工核对（速裁程序未据此排除）。"},
	{CodeReviewCivilClaimInText, "刑事诉讼法第二百二十三条第五项；刑诉法解释第三百七十条第六项（2021年3月1日起施行）", "起诉书文字载明提起附带民事诉讼，未载明就附带民事诉讼赔偿等事项达成调解或者和解协议（或载明调解未果、未能达成和解等，其后未载明达成协议）：已按未达成处理，不适用速裁程序，需人工核对。"},
	{CodeReviewDisputeInText, "刑事诉讼法第二百一十四条第一款第二项、第二百一十五条第三项、第二百二十二条、第二百二十三条第四项（2018年10月26日前为刑事诉讼法（2012年修正）第二百零八条第一款第二项、第二百零九条第三项，速裁程序依试点办法）", "起诉书文字载明被告人对指控的犯罪事实、罪名、量刑建议或者适用的程序有异议（或不认罪）：只有一名被告人的，已按其不认罪、不认罚或者不同意该程序处理；共同犯罪案件中，已按部分被告人有异议处理，需人工核对认罪认罚情况并更正字段。"},
	// Statute round 23b.
	{CodeReviewRemandedInText, "刑事诉讼法第二百三十九条；刑诉法解释第三百七十七条（2021年3月1日起施行）", "起诉书文字载明本案系第二审人民法院发回重新审判的案件，案件情况未标注：已按发回重审处理——原审人民法院应当另行组成合议庭审判，不适用由审判员一人独任审判的速裁程序，适用简易程序的亦应组成合议庭（立案日施行的刑事诉讼法条文见相应理由），需人工核对并标注案件情况。"},
	// Statute round 24 (civil): rules/civilremand.go.
	{CodeReviewRemandedInTextCivil, "民诉法解释第二百五十七条第二项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第二项）；民事诉讼法第四十一条第三款（2022年1月1日前为第四十条第二款）", "起诉材料写明本案系第二审人民法院发回重审的案件，案件情况未标注：已按发回重审处理——不适用简易程序，也不适用小额诉讼程序，原审人民法院应当按照第一审程序另行组成合议庭（立案日施行的条文见相应理由）；如所写为另案发回重审，需人工更正并标注案件情况。"},
	// Statute round 25 (civil): rules/civilcasetext.go.
	{CodeReviewRetrialInTextCivil, "民诉法解释第二百五十七条第四项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项）；民事诉讼法第四十一条第四款（2022年1月1日前为第四十条第三款）", "起诉材料写明本案系按照审判监督程序再审的案件，案件情况未标注：已按再审处理——不适用简易程序，也不适用小额诉讼程序，原来是第一审的，按照第一审程序另行组成合议庭（立案日施行的条文见相应理由）；如所写为另案再审，需人工更正并标注案件情况。"},
	{CodeReviewThirdPartyRevocationInText, "民事诉讼法第五十九条第三款；民诉法解释第二百五十七条第六项、第二百九十二条（2022年4月10日前为第二百九十四条）", "起诉材料写明第三人起诉请求改变或者撤销生效判决、裁定、调解书（第三人撤销之诉），案件情况未标注：已按第三人撤销之诉处理——不适用简易程序，也不适用小额诉讼程序，应当组成合议庭审理（立案日施行的条文见相应理由）；如并非第三人撤销之诉，需人工更正并标注案件情况。"},
	{CodeReviewPublicInterestInTextCivil, "民诉法解释第二百五十七条第五项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项）；民事诉讼法第四十二条第一项（2022年1月1日起施行）", "起诉材料写明本案涉及国家利益、社会公共利益，案件情况未标注：已按涉及国家利益、社会公共利益处理——不适用简易程序，也不适用小额诉讼程序，应当组成合议庭（立案日施行的条文见相应理由），需人工核对并标注案件情况。"},
	{CodeReviewCounterclaimInText, "民事诉讼法第一百六十六条第五项（2022年1月1日起施行）；民诉法解释第二百七十八条（2022年4月10日前为第二百八十条）", "起诉材料写明本案被告提出反诉，案件情况未标注：已按有反诉处理——2022年1月1日起立案的，不适用小额诉讼程序；此前立案的，反诉致使案件不再符合小额诉讼案件条件的，适用简易程序的其他规定审理（立案日施行的条文见相应理由），需人工核对并标注案件情况。"},
	{CodeReviewMajorImpactInTextCivil, "民事诉讼法第四十二条第三项（2022年1月1日起施行）；人民陪审员法第十六条第四项（2018年4月27日起施行）", "起诉材料写明本案社会影响重大，案件情况未标注：已按社会影响较大处理——不得由审判员一人独任审理，不适用简易程序，也不适用小额诉讼程序（立案日施行的条文见相应理由；2018年4月27日前立案的，立案日施行的法律未作此限制，仅需人工核对），需人工核对并标注案件情况。"},
	// Statute round 26 (civil): rules/civilcasetext26.go.
	{CodeReviewPropertyConfirmationInText, "民事诉讼法第一百六十六条第一项（2022年1月1日起施行）；民诉法解释（2015年）第二百七十五条第一项（2015年2月4日至2021年12月31日）", "诉讼请求（或所填案由）要求确认所有权、股权、使用权、知识产权等财产权利的归属，案件情况未标注：已按财产确权案件处理——不适用小额诉讼程序（立案日施行的条文见相应理由）；如并非财产确权，需人工更正并标注案件情况。"},
	{CodeReviewChangeAfterFilingInText, "民诉法解释第二百七十八条（2022年4月10日前为第二百八十条）", "起诉材料写明当事人申请增加或者变更诉讼请求、追加当事人：致使案件不符合小额诉讼案件条件的，应当适用简易程序的其他规定审理，应当适用普通程序的，裁定转为普通程序；是否仍符合小额诉讼案件条件，需人工按变更后的诉讼请求和当事人核对。"},
	{CodeInterp278ChangedOverLimit, "民诉法解释第二百七十八条第一款", "起诉材料写明当事人申请增加或者变更诉讼请求，变更后的诉讼请求金额已超过小额诉讼程序的标准（民事诉讼法第一百六十五条）：案件不符合小额诉讼案件条件，应当适用简易程序的其他规定审理；应当适用普通程序的，裁定转为普通程序。"},
	{CodeInterp2015ChangedOverLimit, "民诉法解释（2015年）第二百八十条", "起诉材料写明当事人申请增加或者变更诉讼请求，变更后的诉讼请求金额已超过立案日施行的小额诉讼程序标准：案件不符合小额诉讼案件条件，应当适用简易程序的其他规定审理；应当适用普通程序的，裁定转为普通程序。"},
	{CodeCPL2012ChangedOverLimit, "民事诉讼法（2012年修正）第一百六十二条", "起诉材料写明当事人增加或者变更诉讼请求，变更后的诉讼请求金额已超过本省、自治区、直辖市上年度就业人员年平均工资百分之三十：标的额超过该标准的案件不适用小额诉讼程序（立案日民诉法解释尚未施行，变更诉讼请求的规定见其2015年文本第二百八十条）。"},
	{CodeReviewPersonalStatusInText, "民事诉讼法第一百六十六条第一项（2022年1月1日起施行）；民诉法解释（2015年）第二百七十五条第一项（2015年2月4日至2021年12月31日）", "诉讼请求要求判决离婚、解除或者确认收养关系、确认或者否认亲子关系、变更抚养关系或者监护人等人身关系事项，所填案由和案件情况未标注：已按人身关系案件处理——不适用小额诉讼程序（立案日施行的条文见相应理由）；如诉讼请求并不涉及人身关系，需人工更正并标注案件情况。"},
	{CodeReviewComplexInTextCivil, "民事诉讼法第一百六十条第一款、第一百六十五条第一款（2022年1月1日前为第一百五十七条第一款、第一百六十二条，2013年1月1日前为第一百四十二条）、第四十二条第四项（2022年1月1日起施行）；民诉法解释第二百五十七条第七项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项）", "起诉材料称本案案情复杂、疑难或者属于新类型案件：简易程序和小额诉讼程序仅适用于事实清楚、权利义务关系明确、争议不大的简单民事案件，新类型或者疑难复杂的案件不得由审判员一人独任审理；是否如此由人民法院认定，当事人的陈述不作此认定，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeReviewGroupImpactInTextCivil, "民事诉讼法第一百六十条第一款、第一百六十五条第一款（2022年1月1日前为第一百五十七条第一款、第一百六十二条，2013年1月1日前为第一百四十二条）、第四十二条第二项、第三项（2022年1月1日起施行）", "起诉材料称本案涉及群体性纠纷或者受到人民群众广泛关注、社会影响较大：简易程序和小额诉讼程序仅适用于事实清楚、权利义务关系明确、争议不大的简单民事案件，此类案件不得由审判员一人独任审理；是否如此由人民法院认定，当事人的陈述不作此认定，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeReviewDefendantDeniesInText, "民事诉讼法第一百六十条第一款、第一百六十五条第一款（2022年1月1日前为第一百五十七条第一款、第一百六十二条）；民诉法解释第二百五十六条", "起诉材料写明被告否认借款、欠款等案件事实或者不认可原告的主张：简易程序和小额诉讼程序以争议不大为前提（当事人对案件的是非、责任承担以及诉讼标的争执无原则分歧）；被告的否认是否构成原则分歧由人民法院认定，未据此排除任何程序，需人工核对。"},
	{CodeReviewWhereaboutsInText, "民事诉讼法第一百六十六条第四项；民诉法解释第二百五十七条第一项", "起诉材料称当事人失联、联系不上或者住所不明等：一方当事人下落不明的案件不适用小额诉讼程序，起诉时被告下落不明的案件不适用简易程序；下落不明由人民法院认定，此种陈述不等于下落不明，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeReviewWhereaboutsInTextInterp2015, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百五十七条第一项", "起诉材料称被告失联、联系不上或者住所不明等：起诉时被告下落不明的案件不适用简易程序，故也不适用小额诉讼程序；下落不明由人民法院认定，此种陈述不等于下落不明，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeReviewWhereaboutsInTextOpinion1992, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百六十九条", "起诉材料称被告失联、联系不上或者住所不明等：起诉时被告下落不明的案件不得适用简易程序（立案日若干规定未施行，依1992年的意见第一百六十九条）；下落不明由人民法院认定，此种陈述不等于下落不明，未据此排除任何程序；简易程序可否适用待人工核对。"},
	{CodeReviewWhereaboutsInTextProv2003, "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第一项", "起诉材料称被告失联、联系不上或者住所不明等：起诉时被告下落不明的案件不适用简易程序（2013年1月1日起也不适用小额诉讼程序）；下落不明由人民法院认定，此种陈述不等于下落不明，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	// Statute round 24 (criminal and administrative).
	{CodeReviewMajorImpactInText, "刑事诉讼法第二百一十五条第二项、第二百二十三条第三项；人民陪审员法第十六条第四项", "起诉书（起诉状）文字载明案件有重大社会影响，案件情况未标注：已按有重大社会影响处理——刑事案件不适用简易程序和速裁程序，行政案件（2018年4月27日起立案的）由法官三人与人民陪审员四人组成七人合议庭审理、不适用简易程序（各程序的理由引用立案日施行的条文），需人工核对并标注案件情况。"},
	{CodeReviewDefenceNotGuiltyInText, "刑诉法解释第三百六十条第五项、第三百七十条第七项（2021年3月1日起施行）；刑诉法解释（2012年）第二百九十条第五项", "起诉书文字载明辩护人作无罪辩护（或认为被告人无罪、不构成犯罪），案件情况未标注：已按辩护人作无罪辩护处理，不适用简易程序和速裁程序（各程序的理由引用立案日施行的条文），需人工核对并标注案件情况。"},
	{CodeReviewRetrialInText, "刑事诉讼法第二百五十六条", "起诉书文字载明本案系按照审判监督程序重新审判的案件，案件情况未标注：已按再审处理——应当另行组成合议庭，不适用由审判员一人独任审判的速裁程序，适用简易程序的亦应组成合议庭（立案日施行的刑事诉讼法条文见相应理由），需人工核对并标注案件情况。"},
	{CodeCrPL291TrialInAbsentia, "刑事诉讼法第二百九十一条第二款、第二百九十六条、第二百一十七条、第二百一十九条、第二百二十四条（2018年10月26日前为刑事诉讼法（2012年修正）第二百一十一条、第二百一十三条）", "缺席审判的案件由中级人民法院组成合议庭审理；被告人不出庭，无法当庭询问其对指控事实和适用程序的意见、听取其最后陈述：不适用简易程序，也不适用速裁程序。"},
	{CodeCrPL299Confiscation, "刑事诉讼法第二百九十八条、第二百九十九条（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十条、第二百八十一条）", "没收违法所得的申请由中级人民法院组成合议庭审理，不是基层人民法院适用简易程序或者速裁程序审理的公诉案件。"},
	{CodeCrPL304CompulsoryMedical, "刑事诉讼法第三百零二条、第三百零三条、第三百零四条第一款（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十四条至第二百八十六条）", "强制医疗案件，人民法院应当组成合议庭审理：不适用简易程序，也不适用由审判员一人独任审判的速裁程序。"},
	{CodeAssessors16CriminalPublicInterest, "人民陪审员法第十六条第二项（2018年4月27日起施行）", "刑事附带民事公益诉讼案件：公益诉讼第一审案件由人民陪审员和法官组成七人合议庭审理，不适用简易程序，也不适用速裁程序。"},
	{CodeReviewPrivateProsecutionInText, "刑事诉讼法第二百一十条、第二百二十二条第二款、第二百二十六条（2018年10月26日前为刑事诉讼法（2012年修正）第二百零四条，2013年1月1日前为刑事诉讼法（1996年）第一百七十条）", "起诉材料文字载明本案系自诉案件，案件情况未标注：已不适用速裁程序（速裁程序适用于人民检察院提起公诉的案件）；简易程序、审理期限仍按公诉案件判断，需人工核对并标注案件情况。"},
	{CodeReviewAbsentiaInText, "刑事诉讼法第二百九十一条、第二百九十六条（2018年10月26日起施行）", "起诉书文字载明本案缺席审判（缺席审理）：已不适用简易程序和速裁程序，需人工核对案件是否属于本院管辖。"},
	{CodeReviewConfiscationInText, "刑事诉讼法第二百九十八条、第二百九十九条（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十条、第二百八十一条，2013年1月1日起施行）", "起诉材料文字载明本案系没收违法所得的申请：已不适用简易程序和速裁程序，需人工核对案件类型和管辖。"},
	{CodeReviewCompulsoryMedicalInText, "刑事诉讼法第三百零二条至第三百零四条（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十四条至第二百八十六条，2013年1月1日起施行）", "起诉材料文字载明强制医疗：已不适用简易程序和速裁程序，需人工核对是否为强制医疗案件（或审理中发现被告人符合强制医疗条件）。"},
	{CodeReviewPublicInterestSuitInText, "人民陪审员法第十六条第二项", "起诉书文字载明一并提起附带民事公益诉讼，案件情况未标注：已按七人合议庭审理的案件处理，不适用简易程序和速裁程序，需人工核对。"},
	// Statute round 31 (criminal): a dead defendant stated in the text.
	{CodeCrPL16DefendantDead, "刑事诉讼法第十六条第五项、第二百九十七条第一款", "被告人死亡的，不追究刑事责任，已经追究的，应当终止审理（有证据证明被告人无罪、经缺席审理确认无罪的除外）：不适用简易程序，也不适用速裁程序。"},
	{CodeCrPL2012DefendantDead, "刑事诉讼法（2012年修正）第十五条第五项", "立案日（2013年1月1日至2018年10月25日）施行的刑事诉讼法规定：被告人死亡的，不追究刑事责任，已经追究的，应当终止审理或者宣告无罪：不适用简易程序，也不适用速裁程序。"},
	{CodeCrPL1996DefendantDead, "刑事诉讼法（1996年）第十五条第五项", "立案日（2013年1月1日前）施行的刑事诉讼法规定：被告人死亡的，不追究刑事责任，已经追究的，应当终止审理或者宣告无罪：不适用简易程序。"},
	{CodeReviewDefendantDeadInText, "刑事诉讼法第十六条第五项、第二百九十七条（2018年10月26日前为刑事诉讼法（2012年修正）第十五条第五项，2013年1月1日前为刑事诉讼法（1996年）第十五条第五项）", "起诉材料文字载明被告人（犯罪嫌疑人）死亡：只有一名被告人的，已不适用简易程序和速裁程序（应当裁定终止审理）；共同犯罪案件中，其他被告人的审理不受影响，未据此限制程序。需人工核对。"},
	{CodeReviewAppealInText, "刑事诉讼法第二百二十七条第一款（2018年10月26日前为刑事诉讼法（2012年修正）第二百一十六条第一款，2013年1月1日前为刑事诉讼法（1996年）第一百八十条第一款）", "基层人民法院第一审刑事案件的起诉材料文字载明上诉或者第二审：上诉案件由上一级人民法院审理，基层人民法院不审理第二审案件。需人工核对案件是否为本院第一审案件（或仅引述前案）。"},
	{CodeAssessors16SevenMemberPanel, "人民陪审员法第十六条（2018年4月27日起施行）；刑事诉讼法第二百一十五条第二项、第二百二十三条第三项", "由人民陪审员和法官组成七人合议庭审理的第一审案件（社会影响重大的案件或者公益诉讼案件）：不适用简易程序，也不适用速裁程序。"},
	{CodeReviewSevenMemberPanelInText, "人民陪审员法第十六条（2018年4月27日起施行）", "起诉材料文字载明七人合议庭，案件情况未标注：2018年4月27日起已按七人合议庭审理的案件处理，不适用简易程序和速裁程序；此前没有七人合议庭的规定，仅提示。需人工核对。"},
	{CodeReviewAdminRetrialInText, "行政诉讼法第八十二条第三款", "起诉状文字载明本案系按照审判监督程序再审的案件，案件情况未标注：已按再审处理，不适用简易程序，需人工核对并标注案件情况。"},
	{CodeReviewAdminRemandedInText, "行政诉讼法第八十二条第三款、第八十九条第一款第三项、第四项", "起诉状文字载明本案系第二审人民法院发回重审的案件，案件情况未标注：已按发回重审处理，不适用简易程序，需人工核对并标注案件情况。"},
	{CodeReviewAdmin15GovernmentDefendant, "行政诉讼法第十五条第一项", "被告是国务院部门或者县级以上地方人民政府（当事人名称或起诉状文字载明），而本案在基层人民法院立案：对国务院部门或者县级以上地方人民政府所作的行政行为提起诉讼的第一审案件由中级人民法院管辖；复议机关作共同被告的，以作出原行政行为的行政机关确定级别管辖（行诉法解释第一百三十四条第三款）。需人工核对管辖。"},
	{CodeReviewAdmin15Customs, "行政诉讼法第十五条第二项", "被告是海关（当事人名称或起诉状文字载明），而本案在基层人民法院立案：海关处理的第一审行政案件由中级人民法院管辖。需人工核对管辖。"},
	{CodeReviewAdmin1989Intermediate, "行政诉讼法（1989年）第十四条；最高人民法院关于执行《中华人民共和国行政诉讼法》若干问题的解释（法释〔2000〕8号）第八条第一项；最高人民法院关于行政案件管辖若干问题的规定（法释〔2008〕1号）第一条第一项", "立案日在2015年5月1日前，被告是国务院部门、省级人民政府或者海关（2000年3月10日起另有县级以上人民政府；当事人名称或起诉状文字载明），而本案在基层人民法院立案：依当时的行政诉讼法第十四条，海关处理的案件（第一项）、对国务院各部门或者省、自治区、直辖市人民政府所作的具体行政行为提起诉讼的案件（第二项）由中级人民法院管辖；被告为县级以上人民政府的案件，2008年2月1日起属于第十四条第三项的案件（以县级人民政府名义办理不动产物权登记的案件可以除外），2000年3月10日起基层人民法院不适宜审理的属于该项的案件。需人工核对管辖。"},
	// Statute round 32 (criminal and administrative).
	{CodeReviewAdminReconsiderationDefendant, "行政诉讼法第二十六条第二款、第三款；最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第一百三十三条、第一百三十四条第三款", "经复议的案件，被告中有国务院部门、县级以上地方人民政府或者海关（当事人名称或起诉状文字载明），起诉状未载明其作出原行政行为，也未载明复议机关维持原行政行为：复议机关维持的，作出原行政行为的行政机关和复议机关是共同被告，以作出原行政行为的行政机关确定级别管辖；复议机关改变原行政行为或者未作出复议决定而被诉的，复议机关是被告，以复议机关确定级别管辖（此类被告的第一审案件由中级人民法院管辖）。本案是否属于基层人民法院管辖，需人工核对。"},
	{CodeAdmin15IntermediateJurisdiction, "行政诉讼法第十四条、第十五条第一项、第二项、第二十二条", "被告是国务院部门、县级以上地方人民政府或者海关（当事人名称或起诉状文字载明），本案在基层人民法院立案：此类第一审行政案件由中级人民法院管辖（复议机关作共同被告的，以作出原行政行为的行政机关确定级别管辖，行诉法解释第一百三十四条第三款），基层人民法院发现不属于本院管辖的，应当移送有管辖权的人民法院：不在基层人民法院适用简易程序（上级人民法院指定本院管辖的，需人工核对后更正）。"},
	{CodePilot2014ExcludedInText, "《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "起诉材料文字载明被告人系累犯、教唆未成年人犯罪，或者违反取保候审、监视居住规定：第一期速裁程序试点办法（据公开转述，其原文本系统未能核对）规定具有累犯、教唆未成年人犯罪等法定从重情节，或者违反取保候审、监视居住规定严重影响刑事诉讼活动正常进行的，不适用速裁程序。"},
	{CodeReviewPilot2014ExcludedInText, "《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）", "起诉材料文字载明被告人系累犯、教唆未成年人犯罪，或者违反取保候审、监视居住规定：已按第一期速裁程序试点办法排除的情形处理，不适用速裁程序；该情形是否属实、违反规定是否严重影响刑事诉讼活动正常进行，需人工核对。"},
	{CodeCrPL1996NoSpecialProceeding, "刑事诉讼法（2012年修正）第二百八十条至第二百八十九条；刑事诉讼法（2018年修正）第二百九十一条至第三百零七条", "起诉材料文字载明缺席审判、没收违法所得的申请或者强制医疗，而立案日（2013年1月1日前）施行的刑事诉讼法（1996年）没有这些程序（2013年1月1日起施行的刑事诉讼法（2012年修正）设没收违法所得、强制医疗程序，2018年10月26日起设缺席审判程序）：本系统不依立案日的法律判断此类案件，未开放简易程序，需人工核对案件类型。"},
	{CodeReviewComplexInTextAdmin, "行政诉讼法第八十二条第一款", "起诉材料称本案案情复杂或者不宜适用简易程序：简易程序适用于人民法院认为事实清楚、权利义务关系明确、争议不大的第一审行政案件（其含义见行诉法解释第一百零二条；人民法院发现案情复杂，需要转为普通程序审理的，依第一百零五条裁定转换）；是否如此由人民法院认定，当事人的陈述不作此认定，未据此排除简易程序，需人工核对。"},
	{CodeReviewAdminObjectionInText, "行政诉讼法第八十二条第二款", "案件情况标注当事人各方同意适用简易程序，但起诉状文字载明有当事人不同意（或对适用简易程序有异议）：已按当事人未各方同意处理，不能依第八十二条第二款适用简易程序（第一款所列案件不受影响），需人工核对并更正案件情况。"},
	// Statute round 26 (criminal and administrative).
	{CodeReviewRepresentativeObjectsInText, "刑诉法解释第五百六十六条（2021年3月1日前为刑诉法解释（2012年）第四百七十四条）", "被告人是未成年人，起诉书文字载明其法定代理人或者辩护人对适用简易程序提出异议（不同意适用简易程序），案件情况未标注：已按上述人员提出异议处理，不适用简易程序，需人工核对并标注案件情况。"},
	// Statute round 27 (criminal).
	{CodeReviewPleaWithdrawnInText, "刑事诉讼法第一百七十四条、第二百二十二条、第二百二十三条第四项；刑诉法解释第三百五十八条（2021年3月1日起施行）", "起诉书文字载明被告人反悔、撤回、拒绝签署或者未签署认罪认罚具结书（不再认罪认罚或者认罚未经具结）：只有一名被告人的，已按其不认罚处理，不适用速裁程序；共同犯罪案件中，已按部分被告人对量刑建议有异议处理。是否仍承认指控的犯罪事实未据此认定，需人工核对认罪认罚情况并更正字段。"},
	{CodeReviewProcedureWishesConflict, "刑事诉讼法第二百二十二条第一款、第二百一十四条第一款第三项、第二百一十五条第三项、第二百二十三条第四项", "被告人同意适用速裁程序，但本人或者共同犯罪案件中的其他被告人对适用简易程序有异议：第二百二十三条未将对简易程序的异议列为不适用速裁程序的情形，速裁程序仍可适用，简易程序不适用；被告人的程序意愿相互矛盾，需人工向被告人核实是否同意适用速裁程序并更正案件情况。"},
	{CodeReviewAdminTextAmount, "行政诉讼法第八十二条第一款第二项", "立案信息的涉案款额在二千元以下，但起诉状文字载明本案涉及的款额（罚款、没收、补偿等）超过二千元：已按款额超过二千元处理，不能依第八十二条第一款第二项适用简易程序（当场作出、政府信息公开或当事人各方同意的不受影响），需人工核对并更正涉案款额。"},
	// Statute round 23: a civil filing's party names and text beside its fields.
	{CodeInferPartyCountFromText, "", "当事人名称或起诉材料写明一方当事人为“某某等N人”或列出多人，按写明的人数计算该方当事人人数（人数众多的认定见另一理由）。"},
	{CodeInferForeignFromName, "", "当事人名称表明其为香港、澳门、台湾地区的自然人、法人或其他组织，或为外国企业（如Inc.、GmbH、株式会社，或以外国国名开头的公司），按涉外或涉港澳台当事人处理（涉外的认定见另一理由）。"},
	{CodeInferForeignFromText, "", "起诉材料或当事人名称写明当事人为外籍、外国国籍或无国籍，或为香港、澳门特别行政区、台湾地区居民，或经常居所地在中华人民共和国领域外，按涉外或涉港澳台当事人处理（民诉法解释第五百二十条第一项、第二项，第五百四十九条；涉外的认定见另一理由）；如并非当事人，需人工更正。"},
	{CodeInferForeignFactsFromText, "", "起诉材料写明标的物在中华人民共和国领域外，或产生、变更、消灭民事关系的法律事实（如合同的签订、货物的交付、事故的发生）发生在领域外（含香港、澳门、台湾地区），按涉外案件处理（民诉法解释第五百二十条第三项、第四项，第五百四十九条；2015年2月4日至2022年4月9日为民诉法解释（2015年）第五百二十二条第三项、第四项，此前为最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第三百零四条）；如所写并非本案的标的物或法律事实，需人工更正。"},
	{CodeInferForeignCaseStated, "", "案由或起诉材料写明本案为涉外（或涉港、涉澳、涉台）民事案件，按涉外案件处理（民诉法解释第五百二十条，第五百四十九条；2015年2月4日至2022年4月9日为民诉法解释（2015年）第五百二十二条，此前为最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第三百零四条）；如并非涉外案件，需人工更正。"},
	{CodeInferWhereaboutsFromText, "", "起诉材料写明当事人下落不明，按起诉时被告下落不明处理（不适用的程序见相应理由）；如并非被告下落不明，需人工更正。"},
	{CodeInferPublicNoticeFromText, "", "起诉材料写明需公告送达，按预计公告送达处理（不适用的程序见相应理由）。"},
	{CodeInferAppraisalFromText, "", "起诉材料写明申请或需要评估、鉴定，或对诉前评估、鉴定结果有异议，按需要评估、鉴定处理（不适用的程序见相应理由）。"},
	{CodeInferPublicInterestFromFiling, "", "原告为人民检察院或消费者协会（民事诉讼法第五十八条、消费者权益保护法第四十七条规定的提起公益诉讼的机关和组织），或起诉材料称本案为公益诉讼，按涉及国家利益、社会公共利益的公益诉讼处理（不适用的程序见相应理由）。"},
	{CodeReviewTextNonMoney, cpl165Article1, "起诉材料的诉讼请求中有非金钱给付的请求（如返还原物、交付、腾退、过户、解除或确认合同效力、停止侵害、赔礼道歉），小额诉讼程序仅适用于金钱给付案件；是否适用小额诉讼程序需人工核对诉讼请求。"},
	{CodeReviewTextNonMoneyCPL2017, cpl162Article2017, "起诉材料的诉讼请求中有非金钱给付的请求（如返还原物、交付、腾退、过户、解除或确认合同效力、停止侵害、赔礼道歉），小额诉讼程序仅适用于金钱给付案件；是否适用小额诉讼程序需人工核对诉讼请求。"},
	{CodeReviewTextNonMoneyCPL2012, "民事诉讼法（2012年修正）第一百六十二条", "起诉材料的诉讼请求中有非金钱给付的请求（如返还原物、交付、腾退、过户、解除或确认合同效力、停止侵害、赔礼道歉），小额诉讼程序仅适用于金钱给付案件（民诉法解释（2015年）第二百七十四条，2015年2月4日起施行；此前立案的，本系统按同样的限制处理）；是否适用小额诉讼程序需人工核对诉讼请求。"},
	{CodeReviewTextNonMoneyPilot2020, civilPilotArticle, "起诉材料的诉讼请求中有非金钱给付的请求（如返还原物、交付、腾退、过户、解除或确认合同效力、停止侵害、赔礼道歉），试点期间的小额诉讼程序仅适用于简单金钱给付民事案件；是否适用需人工核对诉讼请求。"},
	{CodeReviewTextAmount, "民事诉讼法第一百六十五条", "起诉材料的诉讼请求所写金额与立案信息的标的额不符（高于标的额且超出应当适用小额诉讼程序的标准、标的额未填或以外币计），标的额决定是否适用小额诉讼程序，需人工核对标的额。"},
	{CodeReviewTextAmountCPL2017, "民事诉讼法（2012年、2017年修正）第一百六十二条", "起诉材料的诉讼请求所写金额与立案信息的标的额不符（高于标的额且超出应当适用小额诉讼程序的标准、标的额未填或以外币计），标的额决定是否适用小额诉讼程序，需人工核对标的额。"},
	{CodeReviewTextAmountPilot2020, civilPilotArticle, "起诉材料的诉讼请求所写金额与立案信息的标的额不符（高于标的额且超出试点小额诉讼程序的标准、标的额未填或以外币计），标的额决定是否适用小额诉讼程序，需人工核对标的额。"},
	{CodeReviewSecurityTerrorChargeInText, "刑事诉讼法第二十一条第一项（2013年1月1日至2018年10月25日为刑事诉讼法（2012年修正）第二十条第一项）；刑诉法解释第十五条（2021年3月1日起施行）", "起诉材料文字载明的指控罪名中有危害国家安全犯罪或者恐怖活动犯罪，而案由未载明：一人犯数罪、共同犯罪案件中一罪属于中级人民法院管辖的，全案由中级人民法院管辖；已按中级人民法院管辖的案件处理，不适用简易程序和速裁程序，需人工核对罪名并更正案由。"},
	{CodeReviewSmallClaimsObjectionInText, "民事诉讼法第一百六十九条第二款；民诉法解释第二百六十九条、第二百七十九条、第二百八十一条", "起诉材料写明当事人对适用小额诉讼程序（或者小额诉讼程序所属的简易程序）有异议：当事人认为案件适用小额诉讼的程序审理违反法律规定的，可以提出异议，人民法院应当审查，异议成立的适用简易程序的其他规定审理或者裁定转为普通程序，异议不成立的裁定驳回；是否成立由人民法院认定，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeReviewSmallClaimsObjectionInTextInterp2015, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百六十九条、第二百八十一条、第二百八十三条", "起诉材料写明当事人对适用小额诉讼程序（或者小额诉讼程序所属的简易程序）有异议：当事人对按照小额诉讼案件审理有异议的，应当在开庭前提出，人民法院经审查，异议成立的适用简易程序的其他规定审理或者裁定转为普通程序，异议不成立的裁定驳回；是否成立由人民法院认定，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeReviewSmallClaimsObjectionInTextProv2003, "民事诉讼法（2012年修正）第一百六十二条；最高人民法院关于适用简易程序审理民事案件的若干规定第三条、第十三条", "起诉材料写明当事人对适用小额诉讼程序（或者简易程序）有异议：立案日小额诉讼程序是简易程序中的程序，当事人就适用简易程序提出异议的，人民法院应当审查，异议成立的转入普通程序审理（立案日民诉法解释尚未施行，其2015年文本第二百八十一条始规定小额诉讼的异议）；是否成立由人民法院认定，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeReviewSingleJudgeObjectionInTextCivil, "民事诉讼法第四十条第二款、第四十三条第二款", "起诉材料写明当事人对由审判员一人独任审理有异议或者申请组成合议庭审理：小额诉讼程序和简易程序均由审判员一人独任审理，当事人认为案件由审判员一人独任审理违反法律规定的，可以提出异议，人民法院应当审查，异议成立的裁定转由合议庭审理，异议不成立的裁定驳回；是否成立由人民法院认定，未据此排除任何程序；小额诉讼程序不作为必须适用的程序推荐，可否适用待人工核对。"},
	{CodeInferForeignDomicileFromText, "", "起诉材料写明当事人的住所、住址或居住地在香港、澳门特别行政区、台湾地区或者外国，按涉外或涉港澳台当事人处理（民事诉讼法第一百六十六条第二项；民诉法解释第五百二十条第二项、第五百四十九条；不适用的程序见相应理由）；如并非当事人，或仅为暂住，需人工更正。"},
	{CodeInferRepresentativeSuitFromText, "", "起诉材料写明当事人推选代表人进行诉讼或本案为代表人诉讼（民事诉讼法第五十六条、第五十七条规定的当事人一方人数众多的共同诉讼），按当事人一方人数众多处理（不适用的程序见相应理由）。"},
	{CodeReviewProcedureInCauseCivil, "民诉法解释第二百五十七条第二项、第四项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第二项、第四项）；民事诉讼法第一百六十六条第五项", "案由栏写明本案系发回重审、再审或有反诉，案件情况未标注：已按其处理——发回重审、再审的案件不适用简易程序，也不适用小额诉讼程序；有反诉的案件不适用小额诉讼程序（立案日施行的条文见相应理由）；需人工核对并标注案件情况。"},
	// Statute round 35b (criminal): rules/unsuitable_text.go.
	{CodeInterp360MayNotBeCrime, "刑诉法解释第三百六十条第六项", "起诉书等文字载明被告人认罪但经审查可能不构成犯罪，不适用简易程序。"},
	{CodeInterp2012MayNotBeCrime, "刑诉法解释（2012年）第二百九十条第六项", "起诉书等文字载明被告人认罪但经审查可能不构成犯罪，不适用简易程序。"},
	{CodeCrPL215Unsuitable, "刑事诉讼法第二百一十五条第四项；刑诉法解释第三百六十条第七项", "起诉书等文字载明本案不宜适用简易程序审理，不适用简易程序。"},
	{CodeCrPL215UnsuitableInterp2012, "刑事诉讼法第二百一十五条第四项；刑诉法解释（2012年）第二百九十条第七项", "起诉书等文字载明本案不宜适用简易程序审理，不适用简易程序。"},
	{CodeCrPL2012Unsuitable, "刑事诉讼法（2012年修正）第二百零九条第四项；刑诉法解释（2012年）第二百九十条第七项", "起诉书等文字载明本案不宜适用简易程序审理，不适用简易程序。"},
	{CodeCrPL223Unsuitable, "刑事诉讼法第二百二十三条第六项；刑诉法解释第三百七十条第八项", "起诉书等文字载明本案不宜适用速裁程序或者简易程序审理，或者被告人认罪但经审查可能不构成犯罪：按其他不宜适用速裁程序的情形处理，不适用速裁程序。"},
	{CodeCrPL2018Unsuitable, "刑事诉讼法第二百二十三条第六项", "起诉书等文字载明本案不宜适用速裁程序或者简易程序审理，或者被告人认罪但经审查可能不构成犯罪：按其他不宜适用速裁程序审理的情形处理，不适用速裁程序。"},
	{CodeReviewUnsuitableInText, "刑事诉讼法第二百一十五条第四项、第二百二十三条第六项（2018年10月26日起施行；此前为刑事诉讼法（2012年修正）第二百零九条第四项）；刑诉法解释第三百六十条第六项、第七项，第三百七十条第八项（2021年3月1日起施行；此前为刑诉法解释（2012年）第二百九十条第六项、第七项；2013年1月1日前为刑事诉讼法（1996年）第一百七十九条，1998年9月8日起并依刑诉法解释（1998年）第二百二十二条第五项；试点法院试点期间并依速裁程序试点办法）", "起诉书等文字载明本案不宜适用简易程序或速裁程序审理，或者被告人认罪但经审查可能不构成犯罪：是否不宜由人民法院审查认定，文字所载为制作者的意见；已按不宜适用处理，不提供相应程序，需人工核对。"},
	{CodeCrPL1996Unsuitable, "刑事诉讼法（1996年）第一百七十九条", "起诉书等文字载明本案不宜适用简易程序审理：立案日施行的刑事诉讼法（1996年）规定，人民法院在审理过程中发现不宜适用简易程序的，应当按照第一审普通程序重新审理；不适用简易程序。"},
	{CodeInterp1998ComplexJointCrime, "刑诉法解释（1998年）第二百二十二条第二项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第一项", "起诉书等文字载明本案系比较复杂的共同犯罪案件：立案日施行的司法解释规定，比较复杂的共同犯罪案件不应当适用简易程序；不适用简易程序。"},
	{CodeReviewMayNotBeCrimeCrPL1996, "刑事诉讼法（1996年）第一百七十四条、第一百七十九条", "起诉书等文字载明被告人可能不构成犯罪：立案日（2013年1月1日前）施行的刑事诉讼法和司法解释未将此列为不适用简易程序的情形（刑诉法解释（2012年）第二百九十条第六项自2013年1月1日起施行），简易程序仍提供；但简易程序以案件事实清楚、证据充分为前提，审理中发现不宜适用简易程序的（1998年9月8日起的司法解释列有公诉案件被告人的行为不构成犯罪的情形），应当按照普通程序重新审理，需人工核对。"},
	{CodeInterp1998Unsuitable, "刑诉法解释（1998年）第二百二十二条第五项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第四项", "起诉书等文字载明本案不宜适用简易程序审理：立案日施行的司法解释规定，其他不宜适用简易程序的案件不应当适用简易程序；不适用简易程序。"},
	{CodePilotUnsuitable, "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；刑事诉讼法（2012年修正）第二百零九条第四项；刑诉法解释（2012年）第二百九十条第六项、第七项", "起诉书等文字载明本案不宜适用速裁程序或简易程序审理，或者被告人认罪但经审查可能不构成犯罪：认罪认罚从宽试点办法将其他不宜适用速裁程序的情形排除在速裁程序之外（据公开转述的《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月），其原文本系统未能核对）；该试点中的速裁程序又以案件可以适用简易程序为前提；不适用认罪认罚从宽试点中的速裁程序。"},
	{CodePilot2014Unsuitable, "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；刑事诉讼法（2012年修正）第二百零九条第四项；刑诉法解释（2012年）第二百九十条第六项、第七项", "起诉书等文字载明本案不宜适用速裁程序或简易程序审理，或者被告人认罪但经审查可能不构成犯罪：第一期速裁程序试点办法将其他不宜适用速裁程序的情形排除在速裁程序之外（据公开转述的《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月），其原文本系统未能核对）；第一期试点的速裁程序又是对刑事诉讼法规定的诉讼程序的进一步简化（2014年的决定），以案件可以适用简易程序为前提；不适用第一期试点的速裁程序。"},
	{CodeCrPL1996ProcuratorateObjects, "刑事诉讼法（1996年）第一百七十四条第一项；刑诉法解释（1998年）第二百一十七条、第二百一十八条（1998年9月8日起）；《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第四条（2003年3月14日起）", "起诉书等文字载明人民检察院不同意适用简易程序或者建议适用普通程序：立案日施行的刑事诉讼法规定，公诉案件适用简易程序须人民检察院建议或者同意；不适用简易程序。"},
	{CodeOpinion2003DefenderObjects, "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款、第四条", "起诉书等文字载明辩护人对适用简易程序有异议：立案日施行的意见规定，人民法院在征得被告人、辩护人同意后决定适用简易程序；不适用简易程序。"},
	{CodeOpinion2003DefenderDisputesFacts, "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第一条第二项", "起诉书等文字载明辩护人对所指控的犯罪事实有异议：立案日施行的意见规定，被告人及辩护人对所指控的基本犯罪事实没有异议的公诉案件方可适用简易程序；不适用简易程序。"},
	{CodeReviewDefenderDisputeInText2003, "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第一条第二项", "起诉书等文字载明辩护人对所指控的犯罪事实有异议（2003年3月14日至2012年12月31日的公诉案件）：已按辩护人有异议处理，不提供简易程序；异议是否及于基本犯罪事实需人工核对。"},
	{CodeReviewProcedureObjectionInText1996, "刑事诉讼法（1996年）第一百七十四条第一项；《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款、第四条", "起诉书等文字载明人民检察院或者辩护人不同意适用简易程序（2013年1月1日前的公诉案件）：已按不同意处理，不提供简易程序，需人工核对。"},
	{CodeInterp377FastTrackRemand, "刑诉法解释第三百七十七条；刑事诉讼法第二百三十六条第一款第三项", "起诉书等文字载明原审适用速裁程序审理，第二审人民法院以事实不清或者证据不足为由发回重新审判：原审人民法院应当适用第一审普通程序重新审判，不适用简易程序。"},
	{CodeReviewInterp377FastTrackRemand, "刑诉法解释第三百七十七条；刑事诉讼法第二百三十六条第一款第三项、第二百三十八条", "发回重新审判的案件，文字载明原审适用速裁程序：以事实不清或者证据不足为由发回的，应当适用第一审普通程序（已按此处理）；因违反法定诉讼程序等其他理由发回的，另行组成合议庭，可以适用简易程序；需人工核对发回理由。"},
}

// reasonTable returns the shared, immutable Reason for each code. Decisions
// point at these values instead of copying them, which keeps the request path
// allocation-light; nothing may modify a Reason obtained from it.
var reasonTable = sync.OnceValue(func() map[string]*triagev1.Reason {
	m := make(map[string]*triagev1.Reason, len(reasonDefs))
	for _, d := range reasonDefs {
		m[d.code] = &triagev1.Reason{Code: d.code, Article: d.article, Message: d.message}
	}
	return m
})

// reason returns the Reason for code. An unknown code is a programming error
// caught by the tests, so it panics rather than returning a half-empty reason.
func reason(code string) *triagev1.Reason {
	r, ok := reasonTable()[code]
	if !ok {
		panic("rules: unknown reason code " + code)
	}
	return r
}

// Codes lists every reason code the rules can give, for documentation and for
// tests that check each one fires.
func Codes() []string {
	out := make([]string, len(reasonDefs))
	for i, d := range reasonDefs {
		out[i] = d.code
	}
	return out
}

// RequiresPanel reports whether o may only be tried by a panel (合议庭): one
// of its reasons is a panel condition — CPL 41 (remanded or retried), CPL 42,
// Interp. 292 (a third-party revocation suit), their pre-2022 forms CPL 2012/2017 art. 39 and 40
// and pre-2013 forms CPL 1991/2007 art. 40 and 41,
// CrPL 216 (simplified over three years), CrPL 239 and 256 (a newly formed
// panel) and their 2012 numbers (210, 228, 245) and 1996 numbers (192, 206), Interp. 213 (assessors for group or public interests),
// a maritime court's ordinary procedure (CPL 40; before 2022 CPL 2012/2017 art. 39, before 2013 CPL 1991/2007 art. 40). Such a case
// never goes to a 速裁团队, whose judges sit alone; the review flag does not
// cover it, because the law requires the panel whether or not anyone looks.
func RequiresPanel(o *triagev1.ProcedureOption) bool {
	for _, r := range o.GetReasons() {
		switch r.GetCode() {
		case CodeCPL41PanelRequired, CodeCPL42PanelRequired, CodeInterp292PanelRequired, CodeInterp2015PanelRequired, CodeCPL2017PanelRequired, CodeCPL2017NewPanel,
			CodeCPL2007PanelRequired, CodeCPL2007NewPanel, CodeCrPL216PanelRequired,
			CodeCrPL239NewPanel, CodeCrPL2018RemandedPanel, CodeCrPL256NewPanel, CodeInterp213AssessorPanel,
			CodeCrPL2012PanelRequired, CodeCrPL2012RemandedPanel, CodeCrPL2012RetrialPanel,
			CodeCrPL1996RemandedPanel, CodeCrPL1996RetrialPanel,
			CodeCPL40MaritimePanel, CodeCPL2017MaritimePanel, CodeCPL2007MaritimePanel:
			return true
		}
	}
	return false
}
