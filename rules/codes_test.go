package rules_test

import (
	"sort"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// allTables is every evaluation table of the package, by name.
func allTables(tb testing.TB) map[string][]tcase {
	return map[string][]tcase{
		"civil":                                civilCases(tb),
		"administrative":                       adminCases(tb),
		"criminal":                             criminalCases(tb),
		"pilot":                                pilotCases(tb),
		"civil pilot":                          civilPilotCases(tb),
		"review":                               reviewCases(tb),
		"clock":                                clockCases(tb),
		"limits":                               limitCases(tb),
		"regimes":                              regimeCases(tb),
		"law":                                  lawCases(tb),
		"second reading":                       secondReadingCases(tb),
		"audit":                                auditCases(tb),
		"holidays":                             holidayCases(tb),
		"eras":                                 eraCases(tb),
		"criminal eras":                        criminalEraCases(tb),
		"ceilings":                             ceilingCases(tb),
		"citation eras":                        citationEraCases(tb),
		"citation audit by era":                citationAuditCases(tb),
		"audit round 12":                       audit12Cases(tb),
		"audit round 13":                       audit13Cases(tb),
		"audit round 14":                       audit14Cases(tb),
		"audit round 15":                       audit15Cases(tb),
		"audit round 17":                       audit17Cases(tb),
		"audit round 19":                       audit19Cases(tb),
		"audit round 22":                       audit22Cases(tb),
		"audit round 23, civil":                audit23CivilCases(tb),
		"audit round 23b, civil":               audit23bCivilCases(tb),
		"audit round 24, civil limits":         derivedLimitShareCases(tb),
		"audit round 24, civil remand":         remandInTextCases(tb),
		"audit round 25, civil case facts":     caseFactsInTextCases(tb),
		"audit round 26, civil case facts":     round26CivilCases(tb),
		"audit round 27, civil text":           round27CivilCases(tb),
		"audit round 27, civil other angles":   round27OtherCases(tb),
		"audit round 28, civil text":           round28CivilCases(tb),
		"audit round 29, civil":                round29CivilCases(tb),
		"audit round 30, civil":                round30CivilCases(tb),
		"audit round 31, civil":                round31CivilCases(tb),
		"audit round 32, civil":                round32CivilCases(tb),
		"audit round 32b, civil":               round32bCivilCases(tb),
		"audit round 33, civil":                round33CivilCases(tb),
		"audit round 34, civil":                round34CivilCases(tb),
		"audit round 35, civil":                round35CivilCases(tb),
		"audit round 36, civil":                round36CivilCases(tb),
		"audit round 36, remand":               round36RemandCases(tb),
		"audit round 37, civil":                round37CivilCases(tb),
		"audit round 37, pilot":                round37PilotCases(tb),
		"audit round 37, admin":                audit37AdminCases(tb),
		"audit round 37, criminal":             audit37CriminalCases(tb),
		"audit round 37, defender":             audit37DefenderCases(tb),
		"province inference":                   provinceInferenceCases(tb),
		"audit round 20, private prosecutions": audit20PrivateCases(tb),
		"audit round 21, criminal":             audit21CriminalCases(tb),
		"audit round 22, criminal":             audit22CriminalCases(tb),
		"audit round 23, criminal":             audit23CriminalCases(tb),
		"audit round 23b, criminal":            audit23bCriminalCases(tb),
		"audit round 24, criminal":             audit24CriminalCases(tb),
		"audit round 24, administrative":       audit24AdminCases(tb),
		"audit round 25, criminal":             audit25CriminalCases(tb),
		"audit round 25, administrative":       audit25AdminCases(tb),
		"audit round 26, criminal":             audit26CriminalCases(tb),
		"audit round 26, administrative":       audit26AdminCases(tb),
		"audit round 27, criminal":             audit27CriminalCases(tb),
		"audit round 27, administrative":       audit27AdminCases(tb),
		"audit round 28, criminal":             audit28CriminalCases(tb),
		"audit round 28, administrative":       audit28AdminCases(tb),
		"audit round 29, criminal":             audit29CriminalCases(tb),
		"audit round 29, administrative":       audit29AdminCases(tb),
		"audit round 30, criminal":             audit30CriminalCases(tb),
		"audit round 31, criminal":             audit31CriminalCases(tb),
		"audit round 32, criminal":             audit32CriminalCases(tb),
		"audit round 32, administrative":       audit32AdminCases(tb),
		"audit round 33, administrative":       audit33AdminCases(tb),
		"audit round 33, criminal":             audit33CriminalCases(tb),
		"audit round 34, criminal":             audit34CriminalCases(tb),
		"audit round 34, administrative":       audit34AdminCases(tb),
		"audit round 35, criminal":             audit35CriminalCases(tb),
		"audit round 35, administrative":       audit35AdminCases(tb),
		"audit round 36, criminal":             audit36CriminalCases(tb),
		"audit round 36, administrative":       audit36AdminCases(tb),
		"audit round 38, pilot":                round38PilotCases(tb),
		"audit round 39, pilot":                round39PilotCases(tb),
		"audit round 39, CPL 1982":             round39CPL1982Cases(tb),
		"audit round 38, civil":                round38CivilCases(tb),
		"audit round 38, criminal":             round38CriminalCases(tb),
		"audit round 38, administrative":       round38AdminCases(tb),
	}
}

// TestEveryCodeFiresAndHasNearMiss runs all the tables and fails when a code
// of rules.Codes() never fired, was never asserted to fire, or was never
// asserted silent in a near-miss case.
func TestEveryCodeFiresAndHasNearMiss(t *testing.T) {
	fired := map[string]bool{}    // seen in some evaluated assessment
	asserted := map[string]bool{} // listed in some case's fires
	nearMiss := map[string]bool{} // listed in some case's silent
	for table, cases := range allTables(t) {
		t.Run(table, func(t *testing.T) {
			e := defaultEngine(t)
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					a := evalCase(t, e, c)
					for _, code := range allCodes(a) {
						fired[code] = true
					}
				})
				for _, w := range c.fires {
					asserted[bareCode(w)] = true
				}
				for _, w := range c.silent {
					nearMiss[bareCode(w)] = true
				}
			}
		})
	}
	known := map[string]bool{}
	for _, code := range rules.Codes() {
		known[code] = true
		if !fired[code] {
			t.Errorf("code %s never fired in any table", code)
		}
		if !asserted[code] {
			t.Errorf("code %s is never asserted to fire", code)
		}
		if !nearMiss[code] {
			t.Errorf("code %s has no near-miss case asserting it silent", code)
		}
	}
	var unknown []string
	for code := range fired {
		if !known[code] {
			unknown = append(unknown, code)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		t.Errorf("codes fired that rules.Codes() does not list: %v", unknown)
	}
}

// TestReasonArticles pins each code to the article it cites, read from the
// statute texts in docs/law/. A wrong item number in a
// reason is a wrong legal statement to the judge.
func TestReasonArticles(t *testing.T) {
	want := map[string]string{
		rules.CodeCPL165Mandatory:              "民事诉讼法第一百六十五条第一款",
		rules.CodeCPL165Agreement:              "民事诉讼法第一百六十五条第二款",
		rules.CodeCPL165OverMandatory:          "民事诉讼法第一百六十五条第二款",
		rules.CodeCPL165OverAgreement:          "民事诉讼法第一百六十五条第二款",
		rules.CodeCPL166PersonalStatus:         "民事诉讼法第一百六十六条第一项",
		rules.CodeCPL166PropertyRights:         "民事诉讼法第一百六十六条第一项",
		rules.CodeCPL166Foreign:                "民事诉讼法第一百六十六条第二项",
		rules.CodeCPL166Appraisal:              "民事诉讼法第一百六十六条第三项",
		rules.CodeCPL166Whereabouts:            "民事诉讼法第一百六十六条第四项",
		rules.CodeCPL166Counterclaim:           "民事诉讼法第一百六十六条第五项",
		rules.CodeCPL160Simple:                 "民事诉讼法第一百六十条第一款",
		rules.CodeCPL160Agreement:              "民事诉讼法第一百六十条第二款",
		rules.CodeInterp257Whereabouts:         "民诉法解释第二百五十七条第一项",
		rules.CodeInterp257Remanded:            "民诉法解释第二百五十七条第二项",
		rules.CodeInterp257Retrial:             "民诉法解释第二百五十七条第四项",
		rules.CodeInterp257PublicInterest:      "民诉法解释第二百五十七条第五项",
		rules.CodeInterp257ThirdPartyRevoke:    "民诉法解释第二百五十七条第六项",
		rules.CodeInterp308OrdinaryOnly:        "民诉法解释第三百零八条（2022年4月10日前为第三百一十条）",
		rules.CodeNonContentiousProcedure:      "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项",
		rules.CodeInterp264NoAgreement:         "民诉法解释第二百六十四条第二款",
		rules.CodeInterp140PublicNotice:        "民诉法解释第一百四十条",
		rules.CodeCPL42PanelRequired:           "民事诉讼法第四十二条第一项、第三项",
		rules.CodeInterp292PanelRequired:       "民诉法解释第二百九十二条（2022年4月10日前为第二百九十四条）",
		rules.CodeCPL42SingleJudgeBarred:       "民事诉讼法第四十条第二款、第四十二条第三项",
		rules.CodeCrPL222NotInForce:            "刑事诉讼法（2018年修正）第二百二十二条",
		rules.CodeInferMaritimeCourt:           "民诉法解释第二百七十三条",
		rules.CodeInferCourtAboveBasic:         "民事诉讼法第十八条至第二十一条、第一百六十条、第一百六十五条",
		rules.CodeInferCriminalCourtAboveBasic: "刑事诉讼法（2018年修正）第二十条至第二十三条、第二百一十四条、第二百二十二条",
		rules.CodeInferSentenceFromCharge:      "刑事诉讼法第二百一十六条、第二百二十二条第一款；刑法分则规定的本罪法定刑",
		rules.CodeCPL287NoTimeLimit:            "民事诉讼法第二百八十七条",
		rules.CodeCPL2021ForeignNoTimeLimit:    "民事诉讼法（2021年修正）第二百七十七条",
		rules.CodeProv1Whereabouts:             "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第一项",
		rules.CodeProv1Remanded:                "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第二项",
		rules.CodeProv1Numerous:                "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第三项",
		rules.CodeProv1Retrial:                 "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项",
		rules.CodeProv1AgreementExcluded:       "最高人民法院关于适用简易程序审理民事案件的若干规定第一条、第二条",
		rules.CodeOpinion1992Whereabouts:       "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百六十九条",
		rules.CodeOpinion1992Remanded:          "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百七十四条",
		rules.CodeOpinion1992Retrial:           "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百七十四条",
		rules.CodeCPL2017SimplifiedCourtLevel:  "民事诉讼法（2012年、2017年修正）第一百五十七条",
		rules.CodeCPL2017SimplifiedSimple:      "民事诉讼法（2012年、2017年修正）第一百五十七条第一款",
		rules.CodeCPL2017SimplifiedAgreement:   "民事诉讼法（2012年、2017年修正）第一百五十七条第二款",
		rules.CodeCPL2017ForeignNoTimeLimit:    "民事诉讼法（2012年、2017年修正）第二百七十条",
		rules.CodeAdmin82OnTheSpot:             "行政诉讼法第八十二条第一款第一项",
		rules.CodeAdmin82SmallAmount:           "行政诉讼法第八十二条第一款第二项",
		rules.CodeAdmin82Disclosure:            "行政诉讼法第八十二条第一款第三项",
		rules.CodeAdmin82Agreement:             "行政诉讼法第八十二条第二款",
		rules.CodeAdmin82Remanded:              "行政诉讼法第八十二条第三款",
		rules.CodeAdmin82Retrial:               "行政诉讼法第八十二条第三款",
		rules.CodeCrPL214NoAdmission:           "刑事诉讼法第二百一十四条第一款第二项",
		rules.CodeCrPL214Objects:               "刑事诉讼法第二百一十四条第一款第三项",
		rules.CodeCrPL223Impaired:              "刑事诉讼法第二百二十三条第一项；刑诉法解释第三百七十条第一项、第二项（2021年3月1日起施行）",
		rules.CodeCrPL223Minor:                 "刑事诉讼法第二百二十三条第二项；刑诉法解释第三百七十条第三项（2021年3月1日起施行）",
		rules.CodeCrPL223MajorImpact:           "刑事诉讼法第二百二十三条第三项；刑诉法解释第三百七十条第四项（2021年3月1日起施行）",
		rules.CodeCrPL223CoDefendant:           "刑事诉讼法第二百二十三条第四项；刑诉法解释第三百七十条第五项（2021年3月1日起施行）",
		rules.CodeCrPL223NoSettlement:          "刑事诉讼法第二百二十三条第五项；刑诉法解释第三百七十条第六项（2021年3月1日起施行）",
		rules.CodeInterp370DefenceNotGuil:      "刑诉法解释第三百七十条第七项（2021年3月1日起施行；此前依刑事诉讼法第二百二十三条第六项）",
		rules.CodeCrPL215Impaired:              "刑事诉讼法第二百一十五条第一项；刑诉法解释第三百六十条第一项、第二项（2021年3月1日前为法释〔2012〕21号第二百九十条第一项、第二项）",
		rules.CodeCrPL215MajorImpact:           "刑事诉讼法第二百一十五条第二项；刑诉法解释第三百六十条第三项（2021年3月1日前为法释〔2012〕21号第二百九十条第三项）",
		rules.CodeCrPL215CoDefendant:           "刑事诉讼法第二百一十五条第三项；刑诉法解释第三百六十条第四项（2021年3月1日前为法释〔2012〕21号第二百九十条第四项）",
		rules.CodeInterp360DefenceNotGuil:      "刑诉法解释第三百六十条第五项",
		rules.CodeCrPL216PanelRequired:         "刑事诉讼法第二百一十六条",
		rules.CodeInferNumerous:                "民诉法解释第七十五条",
		rules.CodeCPL165CourtLevel:             "民事诉讼法第一百六十五条",
		rules.CodeCPL165NotMoneyPayment:        "民事诉讼法第一百六十五条",
		rules.CodeCPL165AmountNotStated:        "民事诉讼法第一百六十五条",
		rules.CodeReviewCourtProvince:          "民事诉讼法第一百六十五条；民诉法解释第二百七十三条",
		rules.CodeReviewCourtLevel:             "民事诉讼法第一百六十条、第一百六十五条",
		rules.CodeReviewCaseNumberYearAhead:    "最高人民法院关于人民法院案件案号的若干规定第二条",
		rules.CodeInferRetrialFromCaseNumber:   "最高人民法院关于人民法院案件案号的若干规定第二条；民诉法解释第二百五十七条第四项；行政诉讼法第八十二条第三款；刑事诉讼法第二百五十六条",
		rules.CodeInferProvinceFromCaseNumber:  "最高人民法院关于人民法院案件案号的若干规定第四条",
		rules.CodeInferProvinceFromCourtName:   "",
		rules.CodeCPL162AmountNotStated:        "民事诉讼法（2012年、2017年修正）第一百六十二条",
		rules.CodeCPL165AgreementExcluded:      "民事诉讼法第一百六十五条第二款、第一百六十六条",
		rules.CodeLimitUnknown:                 "民事诉讼法第一百六十五条（2022年以前为第一百六十二条）；民诉法解释第二百七十二条",
		rules.CodeCPL162NotInForce:             "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeCPL162CourtLevel:             "民事诉讼法（2012年、2017年修正）第一百六十二条",
		rules.CodeCPL162NotMoneyPayment:        "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条",
		rules.CodeCPL162Mandatory:              "民事诉讼法（2012年、2017年修正）第一百六十二条",
		rules.CodeCPL162OverLimit:              "民事诉讼法（2012年、2017年修正）第一百六十二条",
		rules.CodeLimitAgreementUnknown:        "民事诉讼法第一百六十五条第二款",
		rules.CodeLimitEffectiveApproximat:     "民诉法解释第二百七十二条",
		rules.CodeLimitDerivedOutdated:         "民诉法解释第二百七十二条",
		rules.CodeCPL160CourtLevel:             "民事诉讼法第一百六十条",
		rules.CodeInterp257Numerous:            "民诉法解释第二百五十七条第三项、第七十五条",
		rules.CodeAdmin82NotQualified:          "行政诉讼法第八十二条",
		rules.CodeCrPL222CourtLevel:            "刑事诉讼法第二百二十二条",
		rules.CodeCrPL222NoGuiltyPlea:          "刑事诉讼法第二百二十二条",
		rules.CodeCrPL222NoConsent:             "刑事诉讼法第二百二十二条",
		rules.CodeCrPL222SentenceUnknown:       "刑事诉讼法第二百二十二条",
		rules.CodeCrPL222SentenceOver3Y:        "刑事诉讼法第二百二十二条",
		rules.CodeCrPL222Eligible:              "刑事诉讼法第二百二十二条",
		rules.CodeCrPL214CourtLevel:            "刑事诉讼法第二百一十四条",
		rules.CodeCrPL214Eligible:              "刑事诉讼法第二百一十四条",
		rules.CodeInterp566MinorConsult:        "刑诉法解释第五百六十六条",
		rules.CodeReviewGroupDispute:           "法发〔2021〕30号",
		rules.CodeReviewPublicInterest:         "法发〔2021〕30号；民事诉讼法第四十二条",
		rules.CodeReviewNonContentious:         "民事诉讼法第十五章、第十七章、第十八章；最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项",
		rules.CodeReviewMajorImpact:            "法发〔2021〕30号",
		rules.CodeReviewSensitiveCause:         "法发〔2021〕30号",
		rules.CodeReviewTextSignal:             "法发〔2021〕30号",
		rules.CodeReviewGroupCause:             "法发〔2021〕30号",
		rules.CodeCauseUnknown:                 "《民事案件案由规定》（2008年4月1日起施行，2011年4月1日、2021年1月1日、2026年1月1日起施行修改后的版本；此前为2000年的试行规定）；行政案件案由：《关于规范行政案件案由的通知》（法发〔2004〕2号），2021年1月1日起《关于行政案件案由的暂行规定》（法发〔2020〕44号）；《关于执行〈中华人民共和国刑法〉确定罪名的规定》（1997年12月16日起）及其补充规定；按现行目录核对，旧称作别名",
		rules.CodeReviewChargeUnresolved:       "《关于执行〈中华人民共和国刑法〉确定罪名的规定》",
		// Statute round 23: the indictment's text beside its fields.
		rules.CodeInferSentenceFromText:       "刑法第四十五条、第六十九条",
		rules.CodeReviewSentenceTextConflict:  "",
		rules.CodeReviewImpairedInText:        "刑法第十八条第三款、第十九条",
		rules.CodeReviewMinorInText:           "刑法第十七条",
		rules.CodeReviewCivilClaimInText:      "刑事诉讼法第二百二十三条第五项；刑诉法解释第三百七十条第六项（2021年3月1日起施行）",
		rules.CodeReviewDisputeInText:         "刑事诉讼法第二百一十四条第一款第二项、第二百一十五条第三项、第二百二十二条、第二百二十三条第四项（2018年10月26日前为刑事诉讼法（2012年修正）第二百零八条第一款第二项、第二百零九条第三项，速裁程序依试点办法）",
		rules.CodeInferPersonalStatus:         "民事诉讼法第一百六十六条第一项",
		rules.CodeInferPropertyRights:         "民事诉讼法第一百六十六条第一项",
		rules.CodeInferNonMonetary:            "民事诉讼法第一百六十五条",
		rules.CodeInferPublicInterest:         "民诉法解释第二百五十七条第五项；民事诉讼法第四十二条第一项",
		rules.CodeInferThirdPartyRevocation:   "民事诉讼法第五十九条第三款；民诉法解释第二百五十七条第六项",
		rules.CodeInferForeign:                "民诉法解释第五百二十条、第五百四十九条",
		rules.CodeInferFiledOnToday:           "",
		rules.CodeCPL41PanelRequired:          "民事诉讼法第四十一条第三款、第四款",
		rules.CodeCPL41SingleJudgeBarred:      "民事诉讼法第四十条第二款、第四十一条第三款、第四款",
		rules.CodeMSPL98Simplified:            "海事诉讼特别程序法第九十八条",
		rules.CodeInterp273NotMandatory:       "民诉法解释第二百七十三条",
		rules.CodeCrPL222NoAdmission:          "刑事诉讼法第二百二十二条",
		rules.CodeCrPL222NoAcceptance:         "刑事诉讼法第二百二十二条",
		rules.CodeCrPL239FastTrackBarred:      "刑事诉讼法第二百三十九条、第二百二十二条；刑诉法解释第三百七十七条（2021年3月1日起施行）",
		rules.CodeCrPL239NewPanel:             "刑事诉讼法第二百三十九条、第二百一十六条；刑诉法解释第三百七十七条（2021年3月1日起施行）",
		rules.CodeCrPL256FastTrackBarred:      "刑事诉讼法第二百五十六条、第二百二十二条",
		rules.CodeCrPL256NewPanel:             "刑事诉讼法第二百五十六条、第二百一十六条",
		rules.CodeInterp213FastTrackBarred:    "刑诉法解释第二百一十三条第一款第一项；刑事诉讼法第二百二十二条",
		rules.CodeInterp213AssessorPanel:      "刑诉法解释第二百一十三条第一款第一项；刑事诉讼法第二百一十六条",
		rules.CodeHolidayCalendarMissing:      "民事诉讼法第八十五条第三款；刑事诉讼法第一百零五条第四款；行诉法解释第四十八条第三款",
		rules.CodeCrPL105Detained:             "刑事诉讼法第一百零五条第四款",
		rules.CodePilot2014Eligible:           "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodePilot2016Eligible:           "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条",
		rules.CodePilot2014Offence:            "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodePilot2014Over1Y:             "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodePilot2016Over3Y:             "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条",
		rules.CodePilotSentenceUnknown:        "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条",
		rules.CodePilot2014SentenceUnknown:    "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodePilotNoGuiltyPlea:           "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条",
		rules.CodePilotNoConsent:              "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）第十六条",
		rules.CodePilot2014NoGuiltyPlea:       "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodePilot2014Excluded:           "《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodeCPL1991Whereabouts:          "民事诉讼法（1991年）第一百四十二条、第八十四条",
		rules.CodeReviewMayNotBeCrimeCrPL1996: "刑事诉讼法（1996年）第一百七十四条、第一百七十九条",
		rules.CodeCrPL1996ForeignDefendant:    "刑事诉讼法（1996年）第二十条第三项、第一百四十七条第一款",
		rules.CodeReviewAdminNotOnlyAmount:    "行政诉讼法第八十二条第一款第二项、第二款",
		rules.CodePilot2014NoConsent:          "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodePilotObjectsSimplified:      "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；刑事诉讼法（2012年修正）第二百零八条第一款第三项、第二百零九条第三项",
		rules.CodePilot2014ObjectsSimplified:  "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；刑事诉讼法（2012年修正）第二百零八条第一款第三项、第二百零九条第三项",
		rules.CodePilotExcluded:               "《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）",
		rules.CodePilot2020Mandatory:          "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodePilot2020Agreement:          "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodePilot2020OverMandatory:      "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodePilot2020OverAgreement:      "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodePilot2020AgreementExcluded:  "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodePilot2020NotMoneyPayment:    "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodePilot2020AmountNotStated:    "全国人大常委会关于授权最高人民法院在部分地区开展民事诉讼程序繁简分流改革试点工作的决定（2019年12月28日）；《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodePilotLapsed:                 "全国人大常委会关于授权在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）",
		rules.CodePilot2014Lapsed:             "全国人大常委会关于授权在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）",

		// Before 2022 (its own alignment block, to keep merges small).
		rules.CodeInterp2015IntellectualProp: "民诉法解释（2015年）第二百七十五条第三项",
		rules.CodeInterp2015PersonalStatus:   "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第一项",
		rules.CodeInterp2015PropertyRights:   "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第一项",
		rules.CodeInterp2015Foreign:          "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第二项",
		rules.CodeInterp2015Appraisal:        "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第四项",
		rules.CodeInterp2015Whereabouts:      "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百五十七条第一项；《关于适用简易程序审理民事案件的若干规定》第一条第一项",
		rules.CodeInterp2015Counterclaim:     "民诉法解释（2015年）第二百八十条",
		rules.CodeInterp2015MaritimeOptional: "民诉法解释（2015年）第二百七十三条",
		rules.CodeReply2013MaritimeOptional:  "最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）",
		rules.CodeCPL2017PanelRequired:       "民事诉讼法（2012年、2017年修正）第三十九条第一款、第二款",
		rules.CodeCPL2017NewPanel:            "民事诉讼法（2012年、2017年修正）第四十条第二款、第三款",
		rules.CodeCPL2017NewPanelSingleJudge: "民事诉讼法（2012年、2017年修正）第三十九条第二款、第四十条第二款、第三款",
		// Before 2013: CPL 1991 and its 2007 amendment, read in the texts
		// docs/statutes.md (Civil: before 2013) cites.
		rules.CodeCPL2007PanelRequired:        "民事诉讼法（1991年、2007年修正）第四十条第一款、第二款",
		rules.CodeCPL2007NewPanel:             "民事诉讼法（1991年、2007年修正）第四十一条第二款、第三款",
		rules.CodeCPL2007NewPanelSingleJudge:  "民事诉讼法（1991年、2007年修正）第四十条第二款、第四十一条第二款、第三款",
		rules.CodeCPL2007SimplifiedCourtLevel: "民事诉讼法（1991年、2007年修正）第一百四十二条",
		rules.CodeCPL2007SimplifiedSimple:     "民事诉讼法（1991年、2007年修正）第一百四十二条",
		rules.CodeCPL2007ForeignNoTimeLimit:   "民事诉讼法（2007年修正）第二百四十八条",
		rules.CodeCPL1991ForeignNoTimeLimit:   "民事诉讼法（1991年）第二百五十条",
		rules.CodeProv2Agreement:              "最高人民法院关于适用简易程序审理民事案件的若干规定第二条",
		rules.CodeProv1PublicInterest:         "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项",
		rules.CodeProv1ThirdPartyRevocation:   "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项",
		rules.CodeProv8PublicNotice:           "最高人民法院关于适用简易程序审理民事案件的若干规定第八条第一项",

		// Criminal: jurisdiction over life and death, and the law before the
		// 2018 amendment (its own block as well).
		rules.CodeAdmin82NotInForce:         "行政诉讼法（2014年修正）第八十二条",
		rules.CodeCrPL21Intermediate:        "刑事诉讼法第二十一条第二项、第二百一十四条第一款",
		rules.CodeCrPL21SecurityTerror:      "刑事诉讼法第二十一条第一项、第二百一十四条第一款、第二百二十二条第一款；刑诉法解释第十五条",
		rules.CodeCrPL2012SecurityTerror:    "刑事诉讼法（2012年修正）第二十条第一项、第二百零八条第一款",
		rules.CodeReviewIntermediate:        "刑事诉讼法第二十一条第二项；刑诉法解释第十七条",
		rules.CodeReviewSecurityTerror:      "刑事诉讼法第二十一条第一项；刑诉法解释第十五条、第二百一十九条第一款第一项",
		rules.CodeCrPL2012CourtLevel:        "刑事诉讼法（2012年修正）第二百零八条第一款",
		rules.CodeCrPL2012NoAdmission:       "刑事诉讼法（2012年修正）第二百零八条第一款第二项",
		rules.CodeCrPL2012Objects:           "刑事诉讼法（2012年修正）第二百零八条第一款第三项",
		rules.CodeCrPL2012Eligible:          "刑事诉讼法（2012年修正）第二百零八条",
		rules.CodeCrPL2012Impaired:          "刑事诉讼法（2012年修正）第二百零九条第一项；刑诉法解释（2012年）第二百九十条第一项、第二项",
		rules.CodeCrPL2012MajorImpact:       "刑事诉讼法（2012年修正）第二百零九条第二项；刑诉法解释（2012年）第二百九十条第三项",
		rules.CodeCrPL2012CoDefendant:       "刑事诉讼法（2012年修正）第二百零九条第三项；刑诉法解释（2012年）第二百九十条第四项",
		rules.CodeCrPL2012PanelRequired:     "刑事诉讼法（2012年修正）第二百一十条第一款",
		rules.CodeCrPL2012Intermediate:      "刑事诉讼法（2012年修正）第二十条第二项、第二百零八条第一款",
		rules.CodeCrPL2012RemandedPanel:     "刑事诉讼法（2012年修正）第二百二十八条、第二百一十条",
		rules.CodeCrPL2012RemandedFastTrack: "刑事诉讼法（2012年修正）第二百二十八条；速裁程序试点办法",
		rules.CodeCrPL2012RetrialPanel:      "刑事诉讼法（2012年修正）第二百四十五条、第二百一十条",
		rules.CodeCrPL2012RetrialFastTrack:  "刑事诉讼法（2012年修正）第二百四十五条；速裁程序试点办法",
		rules.CodeInterp2012DefenceNotGuil:  "刑诉法解释（2012年）第二百九十条第五项",
		rules.CodeCrPL1996SentenceCap:       "刑事诉讼法（1996年）第一百七十四条第一项",

		// Audit round 9: the 1996 single judge, a maritime court's level,
		// 人民陪审员法 art. 16(2) for 行政公益诉讼.
		rules.CodeCrPL1996RemandedSimplified: "刑事诉讼法（1996年）第一百九十二条、第一百七十四条",
		rules.CodeCrPL1996RemandedPanel:      "刑事诉讼法（1996年）第一百九十二条",
		rules.CodeCrPL1996RetrialPanel:       "刑事诉讼法（1996年）第二百零六条",
		rules.CodeCrPL1996RetrialSimplified:  "刑事诉讼法（1996年）第二百零六条、第一百七十四条",
		rules.CodeInferCriminalMaritimeCourt: "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法第二百一十四条、第二百二十二条",
		// Round 11: the 1996 law's arts. 20, 147, 174 and the 1998
		// interpretation (法释〔1998〕23号) with the 2003 opinion (法发〔2003〕6号).
		rules.CodeCrPL1996CourtLevel:         "刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条",
		rules.CodeCrPL1996Eligible:           "刑事诉讼法（1996年）第一百七十四条第一项",
		rules.CodeCrPL1996Intermediate:       "刑事诉讼法（1996年）第二十条第二项、第一百四十七条第一款",
		rules.CodeCrPL1996NationalSecurity:   "刑事诉讼法（1996年）第二十条第一项、第一百四十七条第一款",
		rules.CodeInterp1998NoAdmission:      "刑诉法解释（1998年）第二百二十二条第一项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第一条第二项",
		rules.CodeOpinion2003Objects:         "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款",
		rules.CodeInterp1998Impaired:         "刑诉法解释（1998年）第二百二十二条第三项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第三项",
		rules.CodeInterp1998CoDefendant:      "刑诉法解释（1998年）第二百二十二条第一项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款",
		rules.CodeInterp1998DefenceNotGuil:   "刑诉法解释（1998年）第二百二十二条第四项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第二项",
		rules.CodeCrPL1996NotInForce:         "刑事诉讼法（1996年）第一百七十四条",
		rules.CodeReviewForeignDefendant1996: "刑事诉讼法（1996年）第二十条第三项、第一百四十七条第一款",

		rules.CodeAssessors16PublicInterestSuit: "人民陪审员法第十六条第二项；行政诉讼法第八十三条",
		rules.CodeAssessors16MajorSocialImpact:  "人民陪审员法第十六条第四项",
		rules.CodeReviewGroupInterest:           "人民陪审员法第十五条第一款第一项；民事诉讼法第四十二条第二项",
		rules.CodeReviewAssessors15Criminal:     "人民陪审员法第十五条第一款第一项、第二款；刑事诉讼法第一百八十三条第一款",

		rules.CodeInferCriminalCourtAboveBasic2012: "刑事诉讼法（2012年修正）第十九条至第二十二条、第二百零八条第一款",
		rules.CodeInferCriminalCourtAboveBasic1996: "刑事诉讼法（1996年）第十九条至第二十二条、第一百四十七条第一款、第一百七十四条",
		rules.CodeInferCriminalMaritimeCourt2012:   "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法（2012年修正）第二百零八条第一款",
		rules.CodeInferCriminalMaritimeCourt1996:   "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条",
		rules.CodeInferSentenceFromCharge2012:      "刑事诉讼法（2012年修正）第二百一十条第一款；刑法分则规定的本罪法定刑",
		rules.CodeInferSentenceFromCharge1996:      "刑事诉讼法（1996年）第一百七十四条第一项；刑法分则规定的本罪法定刑",
		rules.CodeInferCourtAboveBasic2017:         "民事诉讼法（2012年、2017年修正）第十七条至第二十条、第一百五十七条、第一百六十二条",
		rules.CodeInferCourtAboveBasic2007:         "民事诉讼法（1991年、2007年修正）第十八条至第二十一条、第一百四十二条",
		rules.CodeInferPublicInterest2015:          "民诉法解释（2015年）第二百五十七条第五项；民事诉讼法（2012年、2017年修正）第五十五条",
		rules.CodeInferPublicInterest2012:          "民事诉讼法（2012年修正）第五十五条；最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项",
		rules.CodeInferThirdPartyRevocation2015:    "民事诉讼法（2012年、2017年修正）第五十六条第三款；民诉法解释（2015年）第二百五十七条第六项",
		rules.CodeInferThirdPartyRevocation2012:    "民事诉讼法（2012年修正）第五十六条第三款",
		rules.CodeInferNumerous1992:                "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第五十九条",
		rules.CodeInferForeign2015:                 "民诉法解释（2015年）第五百二十二条、第五百五十一条",
		rules.CodeInferForeign1992:                 "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第三百零四条",
		rules.CodeInferMaritimeCourt2013:           "最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）",
		rules.CodeInferMaritimeCourtMSPL:           "海事诉讼特别程序法第九十八条",
		rules.CodeInferMaritimeCourt1984:           "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；民事诉讼法（1991年）第一百四十二条",
		rules.CodeMSPL98NotInForce:                 "民事诉讼法（1991年）第一百四十二条；海事诉讼特别程序法第九十八条（2000年7月1日起施行）",
		rules.CodeCPL40MaritimePanel:               "民事诉讼法第四十条第一款、第二款；全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条",
		rules.CodeCPL2017MaritimePanel:             "民事诉讼法（2012年、2017年修正）第三十九条第一款、第二款；全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条",
		rules.CodeCPL2007MaritimePanel:             "民事诉讼法（1991年、2007年修正）第四十条第一款、第二款；全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条",
		rules.CodeInferPersonalStatus2015:          "民诉法解释（2015年）第二百七十五条第一项",
		rules.CodeInferPersonalStatus2012:          "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeInferPropertyRights2015:          "民诉法解释（2015年）第二百七十五条第一项",
		rules.CodeInferPropertyRights2012:          "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeInferNonMonetary2015:             "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条",
		rules.CodeInferNonMonetary2012:             "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeReviewIntermediate2018:           "刑事诉讼法第二十一条第二项",
		rules.CodeReviewIntermediate2012:           "刑事诉讼法（2012年修正）第二十条第二项",
		rules.CodeReviewIntermediate1996:           "刑事诉讼法（1996年）第二十条第二项",
		rules.CodeReviewSecurityTerror2018:         "刑事诉讼法第二十一条第一项",
		rules.CodeReviewSecurityTerror2012:         "刑事诉讼法（2012年修正）第二十条第一项",
		rules.CodeReviewNationalSecurity1996:       "刑事诉讼法（1996年）第二十条第一项",
		rules.CodeReviewCourtLevelCPL2017:          "民事诉讼法（2012年、2017年修正）第一百五十七条、第一百六十二条",
		rules.CodeReviewCourtLevelCPL2007:          "民事诉讼法（1991年、2007年修正）第一百四十二条",
		rules.CodeReviewCourtLevelCrPL2018:         "刑事诉讼法第二百一十四条、第二百二十二条",
		rules.CodeReviewCourtLevelCrPL2012:         "刑事诉讼法（2012年修正）第二百零八条第一款",
		rules.CodeReviewCourtLevelCrPL1996:         "刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条",
		rules.CodeCrPL2012Detained:                 "刑事诉讼法（2012年修正）第一百零三条第四款",
		rules.CodeInterp1998Detained:               "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百零三条",
		rules.CodeCrPL1996Detained:                 "刑事诉讼法（1996年）第七十九条",
		rules.CodeReviewGroupDispute2015:           "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条第（1）项",
		rules.CodeReviewGroupCause2015:             "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条第（1）项",
		rules.CodeReviewMajorImpact2015:            "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条第（2）项",
		rules.CodeReviewTextSignal2015:             "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条",
		rules.CodeReviewPublicInterest2021:         "法发〔2021〕30号",
		rules.CodeReviewGroupDisputeNoText:         "",
		rules.CodeReviewGroupCauseNoText:           "",
		rules.CodeReviewMajorImpactNoText:          "",
		rules.CodeReviewTextSignalNoText:           "",
		rules.CodeReviewSensitiveNoText:            "",
		rules.CodeReviewPublicInterestNoText:       "",
		rules.CodeReviewCourtProvinceCPL2017:       "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释第二百七十三条",
		rules.CodeReviewCourtProvinceReply2013:     "民事诉讼法（2012年修正）第一百六十二条；最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）",
		rules.CodeReviewCourtProvinceCPL2012:       "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeReviewCourtProvinceNoText:        "",
		rules.CodeHolidayMissingCPL2017:            "民事诉讼法（2012年、2017年修正）第八十二条第三款",
		rules.CodeHolidayMissingCPL2007:            "民事诉讼法（1991年、2007年修正）第七十五条第三款",
		rules.CodeHolidayMissingCrPL2018:           "刑事诉讼法第一百零五条第四款",
		rules.CodeHolidayMissingCrPL2012:           "刑事诉讼法（2012年修正）第一百零三条第四款",
		rules.CodeHolidayMissingInterp1998:         "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百零三条",
		rules.CodeHolidayMissingCrPL1996:           "刑事诉讼法（1996年）第七十九条",
		rules.CodeHolidayMissingAdmin2018:          "行诉法解释第四十八条第三款",
		rules.CodeHolidayMissingAdmin2014:          "行政诉讼法第一百零一条；民事诉讼法（2012年、2017年修正）第八十二条第三款",
		rules.CodeHolidayMissingAdmin1989:          "",
		rules.CodeReviewCPL1982Unchecked:           "民事诉讼法（试行）（1982年3月8日通过，1982年10月1日起试行）",

		// Round 20: private prosecutions and a minor's representative.
		rules.CodeInterp566RepresentativeObjects: "刑诉法解释第五百六十六条",
		// Round 21: the same rule under the 2012 interpretation.
		rules.CodeInterp2012RepresentativeObjects: "刑诉法解释（2012年）第四百七十四条",
		rules.CodeInterp2012MinorConsult:          "刑诉法解释（2012年）第四百七十四条",
		rules.CodeCrPL222PrivateProsecution:       "刑事诉讼法第二百二十二条第二款、第二百二十六条；刑诉法解释第三百六十九条（2021年3月1日起施行）",
		rules.CodePilotPrivateProsecution:         "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）",
		rules.CodePilot2014PrivateProsecution:     "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）",
		rules.CodeCrPL1996PrivateEligible:         "刑事诉讼法（1996年）第一百七十四条第二项、第三项",

		// Round 23 (civil): readings of the names and text state a fact, and
		// cite no article of their own; the review codes cite the
		// small-claims law of the filing date.
		rules.CodeInferPartyCountFromText:       "",
		rules.CodeInferForeignFromName:          "",
		rules.CodeInferForeignFromText:          "",
		rules.CodeInferForeignFactsFromText:     "",
		rules.CodeInferForeignCaseStated:        "",
		rules.CodeInferWhereaboutsFromText:      "",
		rules.CodeInferPublicNoticeFromText:     "",
		rules.CodeInferAppraisalFromText:        "",
		rules.CodeInferPublicInterestFromFiling: "",
		rules.CodeReviewTextNonMoney:            "民事诉讼法第一百六十五条第一款",
		rules.CodeReviewTextNonMoneyCPL2017:     "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条",
		rules.CodeReviewTextNonMoneyPilot2020:   "《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",
		rules.CodeReviewTextAmount:              "民事诉讼法第一百六十五条",
		rules.CodeReviewTextAmountCPL2017:       "民事诉讼法（2012年、2017年修正）第一百六十二条",
		rules.CodeReviewTextAmountPilot2020:     "《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条",

		// Round 23b (criminal): a remand read from the text.
		rules.CodeReviewRemandedInText: "刑事诉讼法第二百三十九条；刑诉法解释第三百七十七条（2021年3月1日起施行）",

		// Round 24 (civil): a remand of this case read from the text.
		rules.CodeReviewRemandedInTextCivil: "民诉法解释第二百五十七条第二项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第二项）；民事诉讼法第四十一条第三款（2022年1月1日前为第四十条第二款）",
		// Round 25 (civil): facts of this case read from the text.
		rules.CodeReviewRetrialInTextCivil:         "民诉法解释第二百五十七条第四项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项）；民事诉讼法第四十一条第四款（2022年1月1日前为第四十条第三款）",
		rules.CodeReviewThirdPartyRevocationInText: "民事诉讼法第五十九条第三款；民诉法解释第二百五十七条第六项、第二百九十二条（2022年4月10日前为第二百九十四条）",
		rules.CodeReviewPublicInterestInTextCivil:  "民诉法解释第二百五十七条第五项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项）；民事诉讼法第四十二条第一项（2022年1月1日起施行）",
		rules.CodeReviewCounterclaimInText:         "民事诉讼法第一百六十六条第五项（2022年1月1日起施行）；民诉法解释第二百七十八条（2022年4月10日前为第二百八十条）",
		rules.CodeReviewMajorImpactInTextCivil:     "民事诉讼法第四十二条第三项（2022年1月1日起施行）；人民陪审员法第十六条第四项（2018年4月27日起施行）",
		// Round 26 (civil): facts of this case read from the text or the written cause.
		rules.CodeReviewPropertyConfirmationInText: "民事诉讼法第一百六十六条第一项（2022年1月1日起施行）；民诉法解释（2015年）第二百七十五条第一项（2015年2月4日至2021年12月31日）",
		rules.CodeReviewChangeAfterFilingInText:    "民诉法解释第二百七十八条（2022年4月10日前为第二百八十条）",
		// Round 27 (civil): personal status, changed claims above the figure.
		rules.CodeInterp278ChangedOverLimit:          "民诉法解释第二百七十八条第一款",
		rules.CodeInterp2015ChangedOverLimit:         "民诉法解释（2015年）第二百八十条",
		rules.CodeCPL2012ChangedOverLimit:            "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeReviewPersonalStatusInText:         "民事诉讼法第一百六十六条第一项（2022年1月1日起施行）；民诉法解释（2015年）第二百七十五条第一项（2015年2月4日至2021年12月31日）",
		rules.CodeReviewComplexInTextCivil:           "民事诉讼法第一百六十条第一款、第一百六十五条第一款（2022年1月1日前为第一百五十七条第一款、第一百六十二条，2013年1月1日前为第一百四十二条）、第四十二条第四项（2022年1月1日起施行）；民诉法解释第二百五十七条第七项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项）",
		rules.CodeReviewGroupImpactInTextCivil:       "民事诉讼法第一百六十条第一款、第一百六十五条第一款（2022年1月1日前为第一百五十七条第一款、第一百六十二条，2013年1月1日前为第一百四十二条）、第四十二条第二项、第三项（2022年1月1日起施行）",
		rules.CodeReviewDefendantDeniesInText:        "民事诉讼法第一百六十条第一款、第一百六十五条第一款（2022年1月1日前为第一百五十七条第一款、第一百六十二条）；民诉法解释第二百五十六条",
		rules.CodeReviewWhereaboutsInText:            "民事诉讼法第一百六十六条第四项；民诉法解释第二百五十七条第一项",
		rules.CodeReviewWhereaboutsInTextInterp2015:  "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百五十七条第一项",
		rules.CodeReviewComplexInTextAdmin:           "行政诉讼法第八十二条第一款",
		rules.CodeInterp1998ComplexJointCrime:        "刑诉法解释（1998年）第二百二十二条第二项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第一项",
		rules.CodeOpinion2003DefenderDisputesFacts:   "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第一条第二项",
		rules.CodeReviewDefenderDisputeInText2003:    "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第一条第二项",
		rules.CodeReviewWhereaboutsInTextOpinion1992: "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百六十九条",
		rules.CodeReviewWhereaboutsInTextProv2003:    "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第一项",
		// Round 24: case facts read from a criminal or administrative text.
		rules.CodeReviewMajorImpactInText:          "刑事诉讼法第二百一十五条第二项、第二百二十三条第三项；人民陪审员法第十六条第四项",
		rules.CodeReviewDefenceNotGuiltyInText:     "刑诉法解释第三百六十条第五项、第三百七十条第七项（2021年3月1日起施行）；刑诉法解释（2012年）第二百九十条第五项",
		rules.CodeReviewRetrialInText:              "刑事诉讼法第二百五十六条",
		rules.CodeReviewAdminRetrialInText:         "行政诉讼法第八十二条第三款",
		rules.CodeReviewAdminRemandedInText:        "行政诉讼法第八十二条第三款、第八十九条第一款第三项、第四项",
		rules.CodeReviewAdmin15GovernmentDefendant: "行政诉讼法第十五条第一项",
		// Round 25 (administrative).
		rules.CodeReviewAdmin15Customs:                "行政诉讼法第十五条第二项",
		rules.CodeReviewAdmin1989Intermediate:         "行政诉讼法（1989年）第十四条第三项；最高人民法院关于行政案件管辖若干问题的规定（法释〔2008〕1号）第一条第一项",
		rules.CodeReviewAdminReconsiderationDefendant: "行政诉讼法第二十六条第二款、第三款；最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第一百三十三条、第一百三十四条第三款",
		rules.CodeReviewVictimUncompensatedInText:     "刑事诉讼法第二百二十三条第五项；刑诉法解释第三百七十条第六项（2021年3月1日起施行）",
		rules.CodeReviewAdminObjectionInText:          "行政诉讼法第八十二条第二款",
		rules.CodeReviewAdminTextAmount:               "行政诉讼法第八十二条第一款第二项",
		rules.CodeReviewRepresentativeObjectsInText:   "刑诉法解释第五百六十六条（2021年3月1日前为刑诉法解释（2012年）第四百七十四条）",
		// Round 27 (criminal).
		rules.CodeReviewPleaWithdrawnInText: "刑事诉讼法第一百七十四条、第二百二十二条、第二百二十三条第四项；刑诉法解释第三百五十八条（2021年3月1日起施行）",
		// Round 28 (criminal).
		rules.CodeReviewProcedureWishesConflict: "刑事诉讼法第二百二十二条第一款、第二百一十四条第一款第三项、第二百一十五条第三项、第二百二十三条第四项",
		// Round 30 (criminal): special proceedings read from the text.
		rules.CodeCrPL291TrialInAbsentia:            "刑事诉讼法第二百九十一条第二款、第二百九十六条、第二百一十七条、第二百一十九条、第二百二十四条（2018年10月26日前为刑事诉讼法（2012年修正）第二百一十一条、第二百一十三条）",
		rules.CodeCrPL299Confiscation:               "刑事诉讼法第二百九十八条、第二百九十九条（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十条、第二百八十一条）",
		rules.CodeCrPL304CompulsoryMedical:          "刑事诉讼法第三百零二条、第三百零三条、第三百零四条第一款（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十四条至第二百八十六条）",
		rules.CodeAssessors16CriminalPublicInterest: "人民陪审员法第十六条第二项（2018年4月27日起施行）",
		rules.CodeReviewPrivateProsecutionInText:    "刑事诉讼法第二百一十条、第二百二十二条第二款、第二百二十六条（2018年10月26日前为刑事诉讼法（2012年修正）第二百零四条，2013年1月1日前为刑事诉讼法（1996年）第一百七十条）",
		rules.CodeReviewAbsentiaInText:              "刑事诉讼法第二百九十一条、第二百九十六条（2018年10月26日起施行）",
		rules.CodeReviewConfiscationInText:          "刑事诉讼法第二百九十八条、第二百九十九条（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十条、第二百八十一条，2013年1月1日起施行）",
		rules.CodeReviewCompulsoryMedicalInText:     "刑事诉讼法第三百零二条至第三百零四条（2018年10月26日前为刑事诉讼法（2012年修正）第二百八十四条至第二百八十六条，2013年1月1日起施行）",
		rules.CodeAdmin15IntermediateJurisdiction:   "行政诉讼法第十四条、第十五条第一项、第二项、第二十二条",
		rules.CodePilot2014ExcludedInText:           "《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodeReviewPilot2014ExcludedInText:     "《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）",
		rules.CodeCrPL1996NoSpecialProceeding:       "刑事诉讼法（2012年修正）第二百八十条至第二百八十九条；刑事诉讼法（2018年修正）第二百九十一条至第三百零七条",
		rules.CodeReviewPublicInterestSuitInText:    "人民陪审员法第十六条第二项",
		// Round 31 (criminal): a dead defendant, an appeal, a seven-member panel in the text.
		rules.CodeCrPL16DefendantDead:          "刑事诉讼法第十六条第五项、第二百九十七条第一款",
		rules.CodeCrPL2012DefendantDead:        "刑事诉讼法（2012年修正）第十五条第五项",
		rules.CodeCrPL1996DefendantDead:        "刑事诉讼法（1996年）第十五条第五项",
		rules.CodeReviewDefendantDeadInText:    "刑事诉讼法第十六条第五项、第二百九十七条（2018年10月26日前为刑事诉讼法（2012年修正）第十五条第五项，2013年1月1日前为刑事诉讼法（1996年）第十五条第五项）",
		rules.CodeReviewAppealInText:           "刑事诉讼法第二百二十七条第一款（2018年10月26日前为刑事诉讼法（2012年修正）第二百一十六条第一款，2013年1月1日前为刑事诉讼法（1996年）第一百八十条第一款）",
		rules.CodeAssessors16SevenMemberPanel:  "人民陪审员法第十六条（2018年4月27日起施行）；刑事诉讼法第二百一十五条第二项、第二百二十三条第三项",
		rules.CodeReviewSevenMemberPanelInText: "人民陪审员法第十六条（2018年4月27日起施行）",
		// Audit of citations by era (2026-12-05).
		rules.CodeInterp2015PanelRequired:                    "民诉法解释（2015年）第二百九十四条",
		rules.CodeCPL2012PersonalStatus:                      "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeCPL2012PropertyRights:                      "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeCPL2012Foreign:                             "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeCPL2012Appraisal:                           "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeCPL2012NotMoneyPayment:                     "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeReviewTextNonMoneyCPL2012:                  "民事诉讼法（2012年修正）第一百六十二条",
		rules.CodeCrPL2018PrivateProsecution:                 "刑事诉讼法第二百二十二条第二款、第二百二十六条",
		rules.CodeCrPL2018ImpairedFT:                         "刑事诉讼法第二百二十三条第一项",
		rules.CodeCrPL2018MinorFT:                            "刑事诉讼法第二百二十三条第二项",
		rules.CodeCrPL2018MajorImpactFT:                      "刑事诉讼法第二百二十三条第三项",
		rules.CodeCrPL2018CoDefendantFT:                      "刑事诉讼法第二百二十三条第四项",
		rules.CodeCrPL2018NoSettlementFT:                     "刑事诉讼法第二百二十三条第五项",
		rules.CodeCrPL2018DefenceNotGuiltyFT:                 "刑事诉讼法第二百二十三条第六项",
		rules.CodeCrPL215ImpairedInterp2012:                  "刑事诉讼法第二百一十五条第一项；刑诉法解释（2012年）第二百九十条第一项、第二项",
		rules.CodeCrPL215MajorImpactInterp2012:               "刑事诉讼法第二百一十五条第二项；刑诉法解释（2012年）第二百九十条第三项",
		rules.CodeCrPL215CoDefendantInterp2012:               "刑事诉讼法第二百一十五条第三项；刑诉法解释（2012年）第二百九十条第四项",
		rules.CodeCrPL2018RemandedFastTrack:                  "刑事诉讼法第二百三十九条、第二百二十二条",
		rules.CodeCrPL2018RemandedPanel:                      "刑事诉讼法第二百三十九条、第二百一十六条",
		rules.CodeReviewAssessors15CriminalCrPL2012:          "人民陪审员法第十五条第一款第一项、第二款；刑事诉讼法（2012年修正）第一百七十八条第一款",
		rules.CodeReviewAssessorsCriminalNoText:              "",
		rules.CodeReviewGroupInterestAssessors15:             "人民陪审员法第十五条第一款第一项",
		rules.CodeReviewSmallClaimsObjectionInText:           "民事诉讼法第一百六十九条第二款；民诉法解释第二百六十九条、第二百七十九条、第二百八十一条",
		rules.CodeReviewSmallClaimsObjectionInTextInterp2015: "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百六十九条、第二百八十一条、第二百八十三条",
		rules.CodeReviewSmallClaimsObjectionInTextProv2003:   "民事诉讼法（2012年修正）第一百六十二条；最高人民法院关于适用简易程序审理民事案件的若干规定第三条、第十三条",
		rules.CodeReviewSingleJudgeObjectionInTextCivil:      "民事诉讼法第四十条第二款、第四十三条第二款",
		rules.CodeReviewSecurityTerrorChargeInText:           "刑事诉讼法第二十一条第一项（2013年1月1日至2018年10月25日为刑事诉讼法（2012年修正）第二十条第一项）；刑诉法解释第十五条（2021年3月1日起施行）",
		rules.CodeInferForeignDomicileFromText:               "",
		rules.CodeInferRepresentativeSuitFromText:            "",
		rules.CodeReviewProcedureInCauseCivil:                "民诉法解释第二百五十七条第二项、第四项（2015年2月4日前为最高人民法院关于适用简易程序审理民事案件的若干规定第一条第二项、第四项）；民事诉讼法第一百六十六条第五项",
		// Round 35b (criminal): the text states the case unsuitable.
		rules.CodeInterp360MayNotBeCrime:      "刑诉法解释第三百六十条第六项",
		rules.CodeInterp2012MayNotBeCrime:     "刑诉法解释（2012年）第二百九十条第六项",
		rules.CodeCrPL215Unsuitable:           "刑事诉讼法第二百一十五条第四项；刑诉法解释第三百六十条第七项",
		rules.CodeCrPL215UnsuitableInterp2012: "刑事诉讼法第二百一十五条第四项；刑诉法解释（2012年）第二百九十条第七项",
		rules.CodeCrPL2012Unsuitable:          "刑事诉讼法（2012年修正）第二百零九条第四项；刑诉法解释（2012年）第二百九十条第七项",
		rules.CodeCrPL223Unsuitable:           "刑事诉讼法第二百二十三条第六项；刑诉法解释第三百七十条第八项",
		rules.CodeCrPL2018Unsuitable:          "刑事诉讼法第二百二十三条第六项",
		rules.CodeReviewUnsuitableInText:      "刑事诉讼法第二百一十五条第四项、第二百二十三条第六项（2018年10月26日起施行；此前为刑事诉讼法（2012年修正）第二百零九条第四项）；刑诉法解释第三百六十条第六项、第七项，第三百七十条第八项（2021年3月1日起施行；此前为刑诉法解释（2012年）第二百九十条第六项、第七项；2013年1月1日前为刑事诉讼法（1996年）第一百七十九条，1998年9月8日起并依刑诉法解释（1998年）第二百二十二条第五项；试点法院试点期间并依速裁程序试点办法）",
		// Round 36: the law before 2013, the pilots, the consent of the
		// procuratorate and the defender before 2013.
		rules.CodeCrPL1996Unsuitable:                 "刑事诉讼法（1996年）第一百七十九条",
		rules.CodeInterp1998Unsuitable:               "刑诉法解释（1998年）第二百二十二条第五项；2003年3月14日起并依《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第二条第四项",
		rules.CodePilotUnsuitable:                    "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件认罪认罚从宽制度试点工作的决定（2016年9月3日）；刑事诉讼法（2012年修正）第二百零九条第四项；刑诉法解释（2012年）第二百九十条第六项、第七项",
		rules.CodePilot2014Unsuitable:                "全国人大常委会关于授权最高人民法院、最高人民检察院在部分地区开展刑事案件速裁程序试点工作的决定（2014年6月27日）；刑事诉讼法（2012年修正）第二百零九条第四项；刑诉法解释（2012年）第二百九十条第六项、第七项",
		rules.CodeCrPL1996ProcuratorateObjects:       "刑事诉讼法（1996年）第一百七十四条第一项；刑诉法解释（1998年）第二百一十七条、第二百一十八条（1998年9月8日起）；《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第四条（2003年3月14日起）",
		rules.CodeOpinion2003DefenderObjects:         "《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款、第四条",
		rules.CodeReviewProcedureObjectionInText1996: "刑事诉讼法（1996年）第一百七十四条第一项；《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）第三条第二款、第四条",
		rules.CodeInterp377FastTrackRemand:           "刑诉法解释第三百七十七条；刑事诉讼法第二百三十六条第一款第三项",
		rules.CodeReviewInterp377FastTrackRemand:     "刑诉法解释第三百七十七条；刑事诉讼法第二百三十六条第一款第三项、第二百三十八条",
		// Round 36 (civil): a 民撤 case number.
		rules.CodeInferThirdPartyRevocationFromCaseNumber: "最高人民法院关于人民法院案件案号的若干规定第二条；民事诉讼法第五十九条第三款；民诉法解释第二百五十七条第六项",
	}
	for _, code := range rules.Codes() {
		if _, ok := want[code]; !ok {
			t.Errorf("code %s has no pinned article in this test", code)
		}
	}
	e := defaultEngine(t)
	got := map[string]string{}
	for _, cases := range allTables(t) {
		for _, c := range cases {
			for _, r := range allReasons(evaluate(t, e, c)) {
				// A code whose article follows the filing date or the
				// defendant's kind (REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT)
				// passes when one of its reasons cites the pinned article.
				if g, ok := got[r.GetCode()]; !ok || !sameCitation(want[r.GetCode()], g) {
					got[r.GetCode()] = r.GetArticle()
				}
			}
		}
	}
	for code, article := range want {
		g, ok := got[code]
		if !ok {
			t.Errorf("%s never produced", code)
			continue
		}
		if !sameCitation(article, g) {
			t.Errorf("%s cites %q, want %q", code, g, article)
		}
	}
}

// sameCitation reports whether a decision's article got is the code's
// article want as a decision of some date names it: want itself, or, for a
// citation of CPL 2012/2017 art. 162, the amendment of a filing date of
// 2013–2017 or 2017–2021 (decisionArticle, statute round 34).
func sameCitation(want, got string) bool {
	return got == want || got == decisionArticle(want, "2014-01-01") || got == decisionArticle(want, "2018-01-01")
}
