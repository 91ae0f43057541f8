package rules

import (
	"fmt"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// period is a statutory trial time limit.
type period struct {
	months, days int32
	article      string
	extension    string
}

// timeLimit returns the statutory time limit (审理期限) of procedure p for the
// filing, with its due date counted from the filing date. The day of filing is
// not counted (CPL 85 ¶2, CrPL 105 ¶2), so N days from 03-05 end on 03-05+N and
// N months from 01-31 end on the last day of the target month. A due date on
// a statutory rest day moves to the next working day of cal (see
// adjustForHolidays). Suspended periods such as public notice or appraisal
// are not excluded: the court's case system stays the authority on the
// running clock.
func timeLimit(f *triagev1.Filing, a *Assessment, p triagev1.Procedure, cal *Calendar) *triagev1.TimeLimit {
	// The kind decides as much as the term: 拘役 or a fine is no 有期徒刑 at
	// all, life or death more than any term (CrPL 220, 225).
	sentence := SentenceOf(f.GetCircumstances())
	if a.Facts.Sentence.FromText {
		// The indictment's text states a heavier recommendation than
		// the fields (criminal_text.go): the likely sentence is its.
		sentence = a.Facts.Sentence
	}
	var pr period
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		var noLimit bool
		pr, noLimit = civilPeriod(p, a.Facts.Foreign, a.FiledOn)
		if noLimit {
			return &triagev1.TimeLimit{Procedure: p, Article: pr.article, NoStatutoryLimit: true, Extension: pr.extension}
		}
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		switch p {
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			pr = period{days: 45, article: "行政诉讼法第八十三条", extension: "发现案件不宜适用简易程序的，裁定转为普通程序（行政诉讼法第八十四条）。"}
			if a.FiledOn.Before(adminLaw2014InForce) {
				// The 1989 law had no simplified procedure: the period
				// shown is the later law's, and says so.
				pr.article = "行政诉讼法（2014年修正）第八十三条"
				pr.extension = "立案日施行的行政诉讼法（1989年）没有简易程序；该条自2015年5月1日起施行。"
			}
		case triagev1.Procedure_PROCEDURE_ORDINARY:
			pr = period{months: 6, article: "行政诉讼法第八十一条", extension: "有特殊情况需要延长的，由高级人民法院批准；高级人民法院审理第一审案件需要延长的，由最高人民法院批准。"}
			if a.FiledOn.Before(adminLaw2014InForce) {
				pr.months, pr.article = 3, "行政诉讼法（1989年）第五十七条"
			}
		}
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		switch p {
		case triagev1.Procedure_PROCEDURE_FAST_TRACK:
			pr = period{days: 10, article: "刑事诉讼法第二百二十五条", extension: "对可能判处的有期徒刑超过一年的，可以延长至十五日。"}
			if sentence.OverOneYear {
				pr.extension = "本案量刑建议超过一年有期徒刑，可以延长至十五日。"
			}
			if a.FiledOn.Before(crpl2018InForce) {
				pr = pilotFastTrackPeriod(f, a.FiledOn, pr)
			}
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY:
			pr = criminalPeriod(p, sentence, a.FiledOn)
			if p == triagev1.Procedure_PROCEDURE_ORDINARY && f.GetCircumstances().GetPrivateProsecution() {
				if detained(f) {
					pr = privateDetainedPeriod(pr, a.FiledOn)
				} else {
					pr = privateProsecutionPeriod(pr, a.FiledOn)
				}
			}
		}
	}
	tl := &triagev1.TimeLimit{
		Procedure: p,
		Months:    pr.months,
		Days:      pr.days,
		Article:   pr.article,
		Extension: pr.extension,
	}
	adjustForHolidays(tl, DueDate(a.FiledOn, int(pr.months), int(pr.days)), cal, detained(f))
	if tl.GetUnadjustedDueOn() != "" {
		tl.Extension += movedDueNote(f.GetCaseKind(), a.FiledOn, tl.GetUnadjustedDueOn(), tl.GetDueOn())
	}
	return tl
}

// movedDueNote tells a judge why due_on is not the period's last day: the
// last day was a rest day and the period rule in force on the filing date
// moves it to the first working day after. Without it a due date two days
// after the counted end reads as a miscount. The article is the kind's own
// period rule of the filing date's text (the one holidayMissingCodeOn
// cites when no calendar covers the year): CPL 2021 and 2023 art. 85 ¶3
// say 法定休假日 where the earlier texts (and CrPL, 行诉法解释) say 节假日.
// A criminal period is moved only because the filing does not mark the
// defendant in custody (CrPL 105 ¶4's proviso), which the note says.
func movedDueNote(kind triagev1.CaseKind, filedOn time.Time, last, due string) string {
	from, to := chineseDate(last), chineseDate(due)
	switch kind {
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		art := reason(holidayMissingCodeOn(kind, filedOn)).GetArticle()
		if !filedOn.Before(cpl2021InForce) {
			art = "刑事诉讼法第一百零五条第四款"
		}
		if filedOn.Before(crInterp1998InForce) {
			return "期间的最后一日（" + from + "）为节假日，届满日显示为节假日后的第一日（" + to + "）；立案日施行的刑事诉讼法（1996年）第七十九条未规定节假日顺延，以法院案件管理系统为准。立案信息未载明被告人在押；被告人在押的，期间至期满之日为止。"
		}
		return "期间的最后一日（" + from + "）为节假日，以节假日后的第一日（" + to + "）为期满日期（" + art + "）。立案信息未载明被告人在押；被告人在押的，应当至期满之日为止，不得因节假日而延长。"
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		switch {
		case !filedOn.Before(adminInterp2018InForce):
			return "期间届满的最后一日（" + from + "）是节假日，以节假日后的第一日（" + to + "）为期间届满的日期（行诉法解释第四十八条第三款）。"
		case !filedOn.Before(adminLaw2014InForce):
			return "期间届满的最后一日（" + from + "）是节假日，以节假日后的第一日（" + to + "）为期间届满的日期（" + reason(CodeHolidayMissingAdmin2014).GetArticle() + "）。"
		}
		return "期间届满的最后一日（" + from + "）是节假日，以节假日后的第一日（" + to + "）为期间届满的日期（立案日施行的行政诉讼法（1989年）没有期间条款，依最高人民法院司法解释参照" + civilPeriodRule(filedOn) + "；本系统未核实各解释的施行日期）。"
	}
	if !filedOn.Before(cpl2021InForce) {
		return "期间届满的最后一日（" + from + "）是法定休假日，以法定休假日后的第一日（" + to + "）为期间届满的日期（" + civilPeriodRule(filedOn) + "）。"
	}
	return "期间届满的最后一日（" + from + "）是节假日，以节假日后的第一日（" + to + "）为期间届满的日期（" + civilPeriodRule(filedOn) + "）。"
}

// civilPeriodRule is the CPL paragraph that moves a period's last day off a
// rest day, in the text in force on filedOn.
func civilPeriodRule(filedOn time.Time) string {
	switch {
	case !filedOn.Before(cpl2023InForce):
		return "民事诉讼法第八十五条第三款"
	case !filedOn.Before(cpl2021InForce):
		return "民事诉讼法（2021年修正）第八十五条第三款"
	case !filedOn.Before(cpl2012InForce):
		return reason(CodeHolidayMissingCPL2017).GetArticle()
	}
	return reason(CodeHolidayMissingCPL2007).GetArticle()
}

// chineseDate writes a "YYYY-MM-DD" date as a judgment does, 2018年1月20日.
func chineseDate(d string) string {
	if s, ok := chineseDateDigits(d); ok {
		return s
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// pilotFastTrackPeriod is the fast-track time limit of a filing before
// 2018-10-26, when art. 225 was not in force: at a pilot court in a phase
// of the pilot the period was the 试点办法's, which the article names
// (until statute round 32 it named CrPL 2018 art. 225, a text not yet in
// force); elsewhere no law had fast-track, and the later article is shown
// as such. Neither 试点办法 is in /work/shared/law nor was found, so the
// article number is not given and the days shown are art. 225's, said to
// be so (ten, fifteen over one year, are what public accounts give for the
// second 试点办法; the first's were not confirmed).
func pilotFastTrackPeriod(f *triagev1.Filing, filedOn time.Time, pr period) period {
	const unconfirmed = "试点办法关于审理期限的条文，本系统未能核对原文；所示期限按2018年10月26日起施行的刑事诉讼法第二百二十五条计算，以法院案件管理系统为准。"
	switch criminalPilotPhase(f, filedOn) {
	case pilot2014:
		pr.article = "《关于在部分地区开展刑事案件速裁程序试点工作的办法》（2014年8月）"
		pr.extension = unconfirmed
	case pilot2016:
		pr.article = "《关于在部分地区开展刑事案件认罪认罚从宽制度试点工作的办法》（2016年11月）"
		pr.extension = unconfirmed
	default:
		pr.article = "刑事诉讼法（2018年修正）第二百二十五条"
		pr.extension += "该条自2018年10月26日起施行，立案日尚未施行；受理法院立案时也不是处于试点期间的速裁程序试点法院：立案日没有速裁程序。"
	}
	return pr
}

// criminalPeriod returns the time limit of simplified or ordinary criminal
// procedure under the law in force on the filing date. The 2012 amendment's
// arts. 202 and 214 are the 2018 text's 208 and 220, word for word; the 1996
// law gave ordinary procedure one month (at most one and a half) and
// simplified procedure twenty days without extension, so a 2012 filing is
// due a month earlier than a 2013 one.
func criminalPeriod(p triagev1.Procedure, sentence Sentence, filedOn time.Time) period {
	const ordinaryExt = "受理后二个月以内宣判，至迟不得超过三个月；符合该条规定情形的，经上一级人民法院批准可以延长三个月；因特殊情况还需要延长的，报请最高人民法院批准。"
	simplifiedArt, ordinaryArt := "刑事诉讼法第二百二十条", "刑事诉讼法第二百零八条"
	switch {
	case filedOn.Before(crpl2012InForce):
		// Before 1997 the 1979 law applied: no simplified procedure, and
		// its ordinary period was not checked against a text, so the 1996
		// article is shown and says so.
		pre1996 := filedOn.Before(crpl1996InForce)
		if p == triagev1.Procedure_PROCEDURE_SIMPLIFIED {
			pr := period{days: 20, article: "刑事诉讼法（1996年）第一百七十八条", extension: "立案日施行的刑事诉讼法未规定延长。"}
			if pre1996 {
				pr.extension = "立案日施行的1979年刑事诉讼法没有简易程序；该条自1997年1月1日起施行。"
			}
			return pr
		}
		pr := period{months: 1, article: "刑事诉讼法（1996年）第一百六十八条", extension: "受理后一个月以内宣判，至迟不得超过一个半月；有该法第一百二十六条规定情形之一的，经省、自治区、直辖市高级人民法院批准或者决定，可以再延长一个月。"}
		if pre1996 {
			pr.extension += "该条自1997年1月1日起施行；立案日施行的1979年刑事诉讼法的审理期限本系统未核实，以法院案件管理系统为准。"
		}
		return pr
	case filedOn.Before(crpl2018InForce):
		simplifiedArt, ordinaryArt = "刑事诉讼法（2012年修正）第二百一十四条", "刑事诉讼法（2012年修正）第二百零二条"
	}
	if p != triagev1.Procedure_PROCEDURE_SIMPLIFIED {
		return period{months: 2, article: ordinaryArt, extension: ordinaryExt}
	}
	pr := period{days: 20, article: simplifiedArt, extension: "对可能判处的有期徒刑超过三年的，可以延长至一个半月。"}
	if sentence.OverThreeYears {
		pr.extension = "本案量刑建议超过三年有期徒刑，可以延长至一个半月。"
	}
	return pr
}

// privateProsecutionPeriod is the ordinary time limit of a private
// prosecution (自诉) whose defendant is not in custody: "未被羁押的，应当在
// 受理后六个月以内宣判" (CrPL 212 ¶2; the 2012 text's art. 206 ¶2, the same
// words). In custody the public prosecution's limits apply (the same
// paragraph: "适用本法第二百零八条第一款、第二款的规定"), which is
// criminalPeriod's ordinary (privateDetainedPeriod adds the note of the
// years before 2013).
//
// Before 2013 the 1996 law set no period for private prosecutions (its art.
// 168 speaks of 公诉案件); the SPC's texts did (audit round 21; until rules
// 2026-12-04.19 the public month was shown): from 1998-09-08 the 1998
// interpretation's art. 109, "适用普通程序审理的被告人未被羁押的自诉案件，
// 应当在立案后六个月内宣判。有特殊情况需要延长审理期限的，由本院院长批准，
// 可以延长三个月", and from 2000-09-28 法释〔2000〕29号 art. 1 the same six
// months and three. Before 1998-09-08 no text was read: the public period
// is shown with a note.
func privateProsecutionPeriod(public period, filedOn time.Time) period {
	const ext = "自诉案件被告人未被羁押的，应当在受理后六个月以内宣判；被告人被羁押的，适用公诉案件的审理期限。"
	switch {
	case filedOn.Before(crInterp1998InForce):
		public.extension += "本案为自诉案件：立案日施行的刑事诉讼法（1996年）未规定自诉案件的审理期限，本系统未查到立案日施行的司法解释的规定（1998年9月8日起，被告人未被羁押的为立案后六个月），此处显示公诉案件的期限，以法院案件管理系统为准。"
		return public
	case filedOn.Before(crpl2012InForce):
		pr := period{months: 6, article: interp1998 + "第一百零九条",
			extension: "适用普通程序审理的被告人未被羁押的自诉案件，应当在立案后六个月内宣判；有特殊情况需要延长审理期限的，由本院院长批准，可以延长三个月（立案日施行的刑事诉讼法（1996年）未规定自诉案件的审理期限）。"}
		if !filedOn.Before(timeLimitRules2000InForce) {
			pr.article += "；最高人民法院关于严格执行案件审理期限制度的若干规定（法释〔2000〕29号）第一条"
		}
		return pr
	case filedOn.Before(crpl2018InForce):
		return period{months: 6, article: "刑事诉讼法（2012年修正）第二百零六条第二款", extension: ext}
	}
	return period{months: 6, article: "刑事诉讼法第二百一十二条第二款", extension: ext}
}

// privateDetainedPeriod is the ordinary time limit of a private prosecution
// whose defendant is in custody, filed from 1998-09-08 to 2012-12-31: the
// 1998 interpretation's art. 109 gives it the public month, at most one and
// a half ("应当在被告人被羁押后一个月内宣判，至迟不得超过一个半月"), counted
// from the custody, a day the filing does not give: the period shown runs
// from 受理 and says so. Other dates keep the public period as it is
// (CrPL 212 ¶2 and the 2012 text's 206 ¶2 give the public limits by
// reference; before 1998-09-08 no text was read).
func privateDetainedPeriod(public period, filedOn time.Time) period {
	if filedOn.Before(crInterp1998InForce) || !filedOn.Before(crpl2012InForce) {
		return public
	}
	public.article += "；" + interp1998 + "第一百零九条"
	public.extension += "本案为被告人被羁押的自诉案件：应当在被告人被羁押后一个月内宣判，至迟不得超过一个半月；此处自受理之日计算，羁押之日晚于受理之日的，以法院案件管理系统为准。"
	return public
}

// interp1998 names 法释〔1998〕23号 as the codes and the time limits cite it.
const interp1998 = "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）"

// civilPeriod returns the civil time limit of procedure p under the law in
// force on the filing date, and whether none applies (a foreign-related case
// in ordinary procedure). Filings of 2013-01-01 to 2021-12-31 fall under the
// 2012 and 2017 amendments, whose numbering differs and which gave small
// claims no period of its own: it was a form of simplified procedure, three
// months (art. 161), so a 2019 small-claims case is not due after two
// months, which only CPL 2021's art. 168 provides. Filings before 2013 fall
// under the 1991 text or its 2007 amendment (civilPeriod1991).
func civilPeriod(p triagev1.Procedure, foreign bool, filedOn time.Time) (period, bool) {
	if filedOn.Before(cpl2012InForce) && p != triagev1.Procedure_PROCEDURE_SMALL_CLAIMS {
		return civilPeriod1991(p, foreign, filedOn)
	}
	if reg, ok := regimeOn(filedOn); ok && reg.percent == 30 {
		const ext = "立案日施行的民事诉讼法（2012年、2017年修正）未规定延长；2015年2月4日起施行的民诉法解释第二百五十八条规定，审理期限到期后双方当事人同意继续适用简易程序的，经本院院长批准可以延长，累计不得超过六个月。转为普通程序的，审理期限自立案之日计算。"
		switch p {
		case triagev1.Procedure_PROCEDURE_SMALL_CLAIMS:
			return period{months: 3, article: "民事诉讼法（2012年、2017年修正）第一百六十一条、第一百六十二条", extension: "立案日施行的民事诉讼法没有小额诉讼案件的单独审限，适用简易程序的三个月。" + ext}, false
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			return period{months: 3, article: "民事诉讼法（2012年、2017年修正）第一百六十一条", extension: ext}, false
		case triagev1.Procedure_PROCEDURE_ORDINARY:
			if foreign {
				return period{article: foreignNoTimeLimitArticle(filedOn), extension: "涉外民事案件的审理期间不受民事诉讼法（2012年、2017年修正）第一百四十九条的限制。"}, true
			}
			return period{months: 6, article: "民事诉讼法（2012年、2017年修正）第一百四十九条", extension: "有特殊情况需要延长的，由本院院长批准，可以延长六个月；还需要延长的，报请上级人民法院批准。"}, false
		}
		return period{}, false
	}
	switch p {
	case triagev1.Procedure_PROCEDURE_SMALL_CLAIMS:
		pr := period{months: 2, article: "民事诉讼法第一百六十八条", extension: "有特殊情况需要延长的，经本院院长批准，可以延长一个月。"}
		if filedOn.Before(cpl2012InForce) {
			// As for administrative simplified procedure before 2015: the
			// procedure did not exist on the filing date (CPL 2012 art.
			// 162 created it, CPL162_NOT_IN_FORCE), so the period shown is
			// today's and says so rather than pass for the law of the day.
			pr.extension = "立案日施行的民事诉讼法没有小额诉讼程序（自2013年1月1日起施行，民事诉讼法（2012年修正）第一百六十二条）；所示为现行民事诉讼法第一百六十八条的审理期限。" + pr.extension
		}
		return pr, false
	case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
		pr := period{months: 3, article: "民事诉讼法第一百六十四条", extension: "有特殊情况需要延长的，经本院院长批准，可以延长一个月；累计不得超过四个月（民诉法解释第二百五十八条）。转为普通程序的，审理期限自立案之日计算。"}
		if filedOn.Before(interp2022InForce) && !filedOn.Before(cpl2021InForce) {
			// Until 2022-04-09 the interpretation in force (2020 text) still
			// extended simplified procedure with the parties' consent to six
			// months; CPL 2021 art. 164's one month prevailed over it, and the
			// four months were the statute's, not yet art. 258's.
			pr.extension = "有特殊情况需要延长的，经本院院长批准，可以延长一个月，累计四个月（民事诉讼法第一百六十四条）；立案日施行的民诉法解释（2020年修正）第二百五十八条关于双方当事人同意延长、累计不超过六个月的规定与之不一致，自2022年4月10日起该条改为累计不得超过四个月。转为普通程序的，审理期限自立案之日计算。"
		}
		return pr, false
	case triagev1.Procedure_PROCEDURE_ORDINARY:
		if foreign {
			ext := "涉外民事案件的审理期间不受民事诉讼法第一百五十二条的限制。"
			if foreignNoTimeLimitCode(filedOn) == CodeCPL2021ForeignNoTimeLimit {
				ext = "涉外民事案件的审理期间不受民事诉讼法（2021年修正）第一百五十二条的限制。"
			}
			return period{article: foreignNoTimeLimitArticle(filedOn), extension: ext}, true
		}
		return period{months: 6, article: "民事诉讼法第一百五十二条", extension: "有特殊情况需要延长的，经本院院长批准，可以延长六个月；还需要延长的，报请上级人民法院批准。"}, false
	}
	return period{}, false
}

// civilPeriod1991 returns the simplified and ordinary time limits of a civil
// filing before 2013, under the 1991 text and its 2007 amendment (in force
// 2008-04-01), which numbered them alike: art. 146, "人民法院适用简易程序
// 审理案件，应当在立案之日起三个月内审结", with no extension (the extension
// with the parties' consent came with the 2015 interpretation's art. 258),
// and art. 135, six months, six more by the court president, more by the
// court above. Small claims, which did not exist, keep today's period with
// a note (civilPeriod).
func civilPeriod1991(p triagev1.Procedure, foreign bool, filedOn time.Time) (period, bool) {
	switch p {
	case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
		return period{months: 3, article: "民事诉讼法（1991年、2007年修正）第一百四十六条", extension: "立案日施行的民事诉讼法未规定延长（民诉法解释第二百五十八条的延长自2015年2月4日起施行）。"}, false
	case triagev1.Procedure_PROCEDURE_ORDINARY:
		if foreign {
			return period{article: foreignNoTimeLimitArticle(filedOn), extension: "涉外民事案件的审理期间不受民事诉讼法（1991年、2007年修正）第一百三十五条的限制。"}, true
		}
		return period{months: 6, article: "民事诉讼法（1991年、2007年修正）第一百三十五条", extension: "有特殊情况需要延长的，由本院院长批准，可以延长六个月；还需要延长的，报请上级人民法院批准。"}, false
	}
	return period{}, false
}

// foreignNoTimeLimitCode returns the code of the rule that lifts the
// ordinary time limit for a foreign-related case, as numbered in the text in
// force on the filing date: CPL 2012/2017 art. 270 ("人民法院审理涉外民事案件
// 的期间，不受本法第一百四十九条、第一百七十六条规定的限制"), CPL 2021 art. 277
// (the same words with arts. 152 and 183: the 2021 amendment added seven
// articles before it, so its 送达、期间 chapter runs 274–277), and from
// 2024-01-01 CPL 2023 art. 287, which the amendment's new foreign-related
// articles moved. Before 2013 the same words, with arts. 135 and 159, were
// the 2007 amendment's art. 248 (from 2008-04-01) and the 1991 text's art.
// 250.
func foreignNoTimeLimitCode(filedOn time.Time) string {
	switch {
	case filedOn.Before(cpl2007InForce):
		return CodeCPL1991ForeignNoTimeLimit
	case filedOn.Before(cpl2012InForce):
		return CodeCPL2007ForeignNoTimeLimit
	case filedOn.Before(cpl2021InForce):
		return CodeCPL2017ForeignNoTimeLimit
	case filedOn.Before(cpl2023InForce):
		return CodeCPL2021ForeignNoTimeLimit
	}
	return CodeCPL287NoTimeLimit
}

// foreignNoTimeLimitArticle is the article of foreignNoTimeLimitCode, which
// the ordinary option's reason cites too, so that the time limit and the
// reason name the same text.
func foreignNoTimeLimitArticle(filedOn time.Time) string {
	return reason(foreignNoTimeLimitCode(filedOn)).GetArticle()
}

// isForeignNoTimeLimit reports whether code is one of the foreign-related
// exemptions foreignNoTimeLimitCode gives (a stored decision may carry any).
func isForeignNoTimeLimit(code string) bool {
	switch code {
	case CodeCPL287NoTimeLimit, CodeCPL2021ForeignNoTimeLimit, CodeCPL2017ForeignNoTimeLimit,
		CodeCPL2007ForeignNoTimeLimit, CodeCPL1991ForeignNoTimeLimit:
		return true
	}
	return false
}

// detained reports whether CrPL 105 ¶4's proviso applies: a criminal
// defendant in custody, whose periods end on their last day even when it is
// a holiday.
func detained(f *triagev1.Filing) bool {
	return f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL && f.GetCircumstances().GetDefendantDetained()
}

// adjustForHolidays sets tl's due date from the period's last day. A last
// day that is a statutory rest day (法定休假日: a holiday of the State
// Council's notice, or a Saturday or Sunday not made a working day) moves to
// the first working day after it: 民事诉讼法第八十五条第三款, 刑事诉讼法第一百
// 零五条第四款, 行诉法解释第四十八条第三款. The day it would have ended on is
// kept in unadjusted_due_on and the calendar's version in holiday_calendar.
//
// Two exceptions leave the last day as it is. A defendant in custody
// (刑事诉讼法第一百零五条第四款但书: "应当至期满之日为止，不得因节假日而
// 延长"). And a day in a year the calendar has no notice for: the rest days
// of that year are not known, so nothing is moved and
// holiday_calendar_missing says so rather than guessing from weekends.
func adjustForHolidays(tl *triagev1.TimeLimit, last time.Time, cal *Calendar, inCustody bool) {
	tl.DueOn = last.Format(time.DateOnly)
	if inCustody {
		return
	}
	if cal == nil {
		tl.HolidayCalendarMissing = true
		return
	}
	next, ok := cal.NextWorkingDay(last)
	if !ok {
		tl.HolidayCalendarMissing = true
		return
	}
	tl.HolidayCalendar = cal.Version()
	if !next.Equal(dateOf(last)) {
		tl.UnadjustedDueOn = tl.DueOn
		tl.DueOn = next.Format(time.DateOnly)
	}
}

// DueDate adds a period of months and days to a start date: months first,
// clamped to the end of a shorter month (01-31 + 1 month = 02-28/29), then days.
func DueDate(start time.Time, months, days int) time.Time {
	y, m, d := start.Date()
	target := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(target.Year(), target.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	target = target.AddDate(0, 0, min(d, last)-1)
	return target.AddDate(0, 0, days)
}
