package rules

import (
	"fmt"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// This file records the restarts of a criminal first-instance time limit
// on events the court does not rule (CHANGE_KIND_TIME_LIMIT_RESTARTED;
// docs/statutes.md, Conversions: Restarts of the criminal time limit):
//
//   - 改变管辖: "人民法院改变管辖的案件，从改变后的人民法院收到案件之日起计算
//     审理期限" (刑事诉讼法第二百零八条第二款);
//   - 补充侦查: "人民检察院补充侦查的案件，补充侦查完毕移送人民法院后，人民
//     法院重新计算审理期限" (第二百零八条第三款);
//   - 指定管辖: "指定管辖案件的审理期限，自被指定管辖的人民法院收到指定管辖
//     决定书和案卷、证据材料之日起计算" (刑诉法解释第二百零九条);
//   - 发回重审: "原审人民法院从收到发回的案件之日起，重新计算审理期限"
//     (刑事诉讼法第二百四十一条).
//
// The outcome's decided_on is the day the clock starts again; like 受理 it
// is not counted (CrPL 105 ¶2). The procedure stays the one in force, and
// the period is that procedure's under the law in force on that day, as a
// criminal conversion's is (outcomeTimeLimit). Civil and administrative
// limits run from 立案 and leave periods out instead (民诉法解释第二百四十三
// 条, 行诉法解释第五十条): no text restarts them.

// Rules a restart can break (ConversionRules lists them with the others).
const (
	// A restart on a civil or administrative case.
	RuleRestartCriminalOnly = "TIME_LIMIT_RESTART_CRIMINAL_ONLY"
	// A restart whose procedure is not the one in force.
	RuleRestartKeepsProcedure = "TIME_LIMIT_RESTART_KEEPS_PROCEDURE"
	// A restart dated before 1997-01-01: the 1979 law's time limits were
	// not read (the filing periods shown for those dates are the 1996
	// law's, with a note), so no restart is recorded under it.
	RuleRestartBefore1997 = "CRPL1996_TIME_LIMIT_RESTART_NOT_IN_FORCE"
	// 发回重审 while the case is in fast-track: the retrial needs a new
	// panel (CrPL 239), fast-track is one judge's (CrPL 222), and a
	// fast-track case sent back is retried in ordinary procedure (刑诉法解释
	// 第三百七十七条).
	RuleRestartRemandedFastTrack = "CRPL239_REMANDED_NOT_FAST_TRACK"
	// 发回重审 in simplified procedure before 2013: the 1996 law's
	// simplified procedure was one judge's alone (art. 174), a retrial a
	// new panel's (art. 192).
	RuleRestartRemandedSimplified1996 = "CRPL1996_192_REMANDED_NOT_SIMPLIFIED"
	// 补充侦查 while the case is in fast-track: fast-track needs facts clear
	// and evidence sufficient (CrPL 222 ¶1); a case that is not is retried
	// under ordinary or simplified procedure (CrPL 226, 刑诉法解释第三百七十五
	// 条). Stricter than the letter of CrPL 208 ¶3, which names no
	// procedure: docs/statutes.md says so.
	RuleRestartInvestigationFastTrack = "CRPL222_SUPPLEMENTARY_INVESTIGATION_NOT_FAST_TRACK"
	// A third 补充侦查 in one trial: "建议延期审理不得超过两次" (刑诉法解释第
	// 二百七十四条第一款; 2013-01-01 to 2021-02-28 the 2012 interpretation's
	// art. 223, 1998-09-08 to 2012-12-31 the 1998 interpretation's art. 157,
	// as reprinted). Before 1998-09-08 no limit was read: not refused.
	RuleRestartInvestigationLimit = "INTERP274_SUPPLEMENTARY_INVESTIGATION_AT_MOST_TWICE"
	// 补充侦查 in a private prosecution: only the procuratorate investigates
	// further (CrPL 204(2): "检察人员发现提起公诉的案件需要补充侦查"; 208 ¶3),
	// and CrPL 212 ¶2 applies to a private prosecution in custody only 208
	// ¶1 and ¶2, not the restart of ¶3.
	RuleRestartInvestigationPrivate = "CRPL212_PRIVATE_NO_SUPPLEMENTARY_INVESTIGATION"
)

// maxSupplementaryInvestigations is how many times the prosecutor may ask
// for a postponement to investigate further during one trial (刑诉法解释第
// 二百七十四条第一款 and its predecessors: "不得超过两次").
const maxSupplementaryInvestigations = 2

var restartRules = [...]ConversionRule{
	{RuleRestartCriminalOnly, "刑事诉讼法第二百零八条第二款、第三款、第二百四十一条；刑诉法解释第二百零九条",
		"审理期限重新计算（改变管辖、补充侦查、指定管辖、发回重审）是刑事诉讼法的规定；民事、行政案件的审理期限自立案之日起计算，管辖争议等期间不计入审理期限（民诉法解释第二百四十三条、行诉法解释第五十条），法律没有重新计算的规定。"},
	{RuleRestartKeepsProcedure, "", "审理期限重新计算不改变审理程序；记录的程序须为案件现行的程序。程序也改变的，应另行记录相应的程序转换。"},
	{RuleRestartBefore1997, "刑事诉讼法（1996年）第一百六十八条", "重新计算之日施行的是1979年刑事诉讼法；本系统未核实该法关于审理期限的规定（1996年修正自1997年1月1日起施行），不记录重新计算。"},
	{RuleRestartRemandedFastTrack, "刑事诉讼法第二百三十九条、第二百二十二条；刑诉法解释第三百七十七条", "发回重新审判的案件，原审人民法院应当另行组成合议庭，依照第一审程序进行审判；速裁程序由审判员一人独任审判，适用速裁程序的案件发回重新审判的，应当适用第一审普通程序。请先记录速裁程序转为普通程序（或简易程序）。"},
	{RuleRestartRemandedSimplified1996, "刑事诉讼法（1996年）第一百九十二条、第一百七十四条", "重新计算之日施行的刑事诉讼法（1996年）规定，发回重新审判的案件应当另行组成合议庭，简易程序由审判员一人独任审判；简易程序组成合议庭自2013年1月1日起施行（刑事诉讼法（2012年修正）第二百一十条）。请先记录简易程序转为普通程序。"},
	{RuleRestartInvestigationLimit, "刑诉法解释第二百七十四条第一款", "审判期间，公诉人发现案件需要补充侦查，建议延期审理的，合议庭可以同意，但建议延期审理不得超过两次；本案同一审判中已记录两次补充侦查后重新计算审理期限，不记录第三次。补充侦查期限届满后人民检察院未移送补充证据的，人民法院可以根据在案证据作出判决、裁定（该条第三款）。"},
	{RuleRestartInvestigationPrivate, "刑事诉讼法第二百零四条第二项、第二百零八条第三款、第二百一十二条第二款", "本案为自诉案件：补充侦查是人民检察院对其提起公诉的案件的程序（检察人员发现提起公诉的案件需要补充侦查，提出建议的，可以延期审理），自诉案件没有补充侦查；自诉案件被告人被羁押的，审理期限适用第二百零八条第一款、第二款，不适用第三款的重新计算。"},
	{RuleRestartInvestigationFastTrack, "刑事诉讼法第二百二十二条第一款、第二百二十六条；刑诉法解释第三百七十五条", "速裁程序以案件事实清楚，证据确实、充分为前提；人民检察院补充侦查的案件不宜适用速裁程序，应当按照普通程序或者简易程序重新审理（本系统对此从严掌握）。请先记录速裁程序转为普通程序或简易程序。"},
}

// restartKinds are the restarts the texts give, for validation.
var restartKinds = map[triagev1.TimeLimitRestart]string{
	triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_CHANGED:        "改变管辖",
	triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION: "补充侦查",
	triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_DESIGNATED:     "指定管辖",
	triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_REMANDED:                    "发回重审",
}

// validateRestartField checks outcome.restart's form: required, and one the
// texts give, for a restart; unset for every other change.
func validateRestartField(o *triagev1.Outcome) error {
	r := o.GetRestart()
	if o.GetChange() != triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED {
		if r != triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_UNSPECIFIED {
			return fieldErrorf("outcome.restart", "is only for CHANGE_KIND_TIME_LIMIT_RESTARTED, not %s", o.GetChange())
		}
		return nil
	}
	if _, ok := restartKinds[r]; !ok {
		return fieldErrorf("outcome.restart", "is required for CHANGE_KIND_TIME_LIMIT_RESTARTED: JURISDICTION_CHANGED, SUPPLEMENTARY_INVESTIGATION, JURISDICTION_DESIGNATED or REMANDED")
	}
	return nil
}

// checkRestart checks a restart against the case: criminal only, the
// procedure in force kept, and none the procedure in force cannot take.
func checkRestart(d *triagev1.Decision, prior []*triagev1.Outcome, cur triagev1.Procedure, o *triagev1.Outcome, view assessed) error {
	if k := d.GetCaseKind(); k != kCriminal {
		return conversionErr(RuleRestartCriminalOnly, fmt.Sprintf("本案为%s案件。", kindChinese(k)))
	}
	if o.GetProcedure() != cur {
		return conversionErr(RuleRestartKeepsProcedure, fmt.Sprintf("本案现行程序为%s，记录的程序为%s。", procName(cur), procName(o.GetProcedure())))
	}
	t, ok := rulingDate(o)
	if !ok {
		return nil // refused as a malformed date before this
	}
	if t.Before(crpl1996InForce) {
		return conversionErr(RuleRestartBefore1997, fmt.Sprintf("重新计算之日为%s。", o.GetDecidedOn()))
	}
	switch o.GetRestart() {
	case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_REMANDED:
		switch {
		case cur == pFastTrack:
			return conversionErr(RuleRestartRemandedFastTrack, "")
		case cur == pSimplified && t.Before(crpl2012InForce):
			return conversionErr(RuleRestartRemandedSimplified1996, fmt.Sprintf("重新计算之日为%s。", o.GetDecidedOn()))
		}
	case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION:
		if privateProsecution(view) {
			return investigationEraErr(RuleRestartInvestigationPrivate, t, "")
		}
		if cur == pFastTrack {
			return conversionErr(RuleRestartInvestigationFastTrack, "")
		}
		if n := investigationsThisTrial(prior); n >= maxSupplementaryInvestigations && !t.Before(crInterp1998InForce) {
			return investigationEraErr(RuleRestartInvestigationLimit, t, fmt.Sprintf("本案本次审判已记录补充侦查%d次。", n))
		}
	}
	return nil
}

// investigationsThisTrial counts the 补充侦查 restarts recorded since the
// trial began: since the last 发回重审 restart, after which the court of
// first instance tries the case anew (CrPL 239, 241), or since the decision.
// Other restarts (改变管辖, 指定管辖) are no prosecutor's postponement and do
// not count.
func investigationsThisTrial(prior []*triagev1.Outcome) int {
	n := 0
	for _, q := range prior {
		if q.GetChange() != triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED {
			continue
		}
		switch q.GetRestart() {
		case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_REMANDED:
			n = 0
		case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION:
			n++
		}
	}
	return n
}

// privateProsecution reports whether the facts the outcome is checked
// against (the decision's, or the latest correction's) are a private
// prosecution's: its fast-track option carries the private-prosecution bar
// (criminal.go), which only circumstances.private_prosecution gives.
func privateProsecution(view assessed) bool {
	for _, r := range view.option(pFastTrack).GetReasons() {
		if c := r.GetCode(); c == CodeCrPL222PrivateProsecution || c == CodeCrPL2018PrivateProsecution || c == CodePilotPrivateProsecution || c == CodePilot2014PrivateProsecution {
			return true
		}
	}
	return false
}

// investigationArticles are the 补充侦查 rules' articles, and the late-return
// review's (ReviewCrPL205LateReturn: the 2012 text's arts. 198(2) and 199,
// the 1996 text's 165(2) and 166), before the texts their tables cite,
// earliest first: a day before a date cites the article beside it.
var investigationArticles = map[string][]struct {
	before  time.Time
	article string
}{
	RuleRestartInvestigationLimit: {
		{crpl2012InForce, "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百五十七条"},
		{crInterp2021InForce, "刑诉法解释（2012年）第二百二十三条第一款"},
	},
	RuleRestartInvestigationPrivate: {
		{crpl2012InForce, "刑事诉讼法（1996年）第一百六十五条第二项、第一百六十八条第三款"},
		{crpl2018InForce, "刑事诉讼法（2012年修正）第一百九十八条第二项、第二百零二条第三款、第二百零六条第二款"},
	},
	ReviewCrPL205LateReturn: {
		{crpl2012InForce, "刑事诉讼法（1996年）第一百六十五条第二项、第一百六十六条"},
		{crpl2018InForce, "刑事诉讼法（2012年修正）第一百九十八条第二项、第一百九十九条"},
	},
}

// investigationArticleOn is key's article in investigationArticles for day
// t, "" when t is on or after the last date (the table's own article
// applies).
func investigationArticleOn(key string, t time.Time) string {
	for _, a := range investigationArticles[key] {
		if t.Before(a.before) {
			return a.article
		}
	}
	return ""
}

// investigationEraErr is conversionErr for the two 补充侦查 rules with the
// articles in force on the day t the clock would start again.
func investigationEraErr(rule string, t time.Time, detail string) *ConversionError {
	e := conversionErr(rule, detail)
	if a := investigationArticleOn(rule, t); a != "" {
		e.Article = a
	}
	return e
}

// restartCounting is the provision a restart counts from, as numbered in
// the law in force on the day it starts again (CrPL 2018 from 2018-10-26,
// 2012 from 2013-01-01, 1996 before; 刑诉法解释 2021 from 2021-03-01, 2012
// from 2013-01-01), with its words, appended to the period's article and
// extension like a conversion's counting.
//
// Before 2013 a designation (指定管辖) cites the 1996 law's 改变管辖
// paragraph: the designated court is the court the case moved to, and the
// 1998 interpretation's counterpart of 刑诉法解释第二百零九条 was not read.
func restartCounting(r triagev1.TimeLimitRestart, t time.Time) counting {
	era := 2018
	switch {
	case t.Before(crpl2012InForce):
		era = 1996
	case t.Before(crpl2018InForce):
		era = 2012
	}
	changed := map[int]string{2018: "刑事诉讼法第二百零八条第二款", 2012: "刑事诉讼法（2012年修正）第二百零二条第二款", 1996: "刑事诉讼法（1996年）第一百六十八条第二款"}
	switch r {
	case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_CHANGED:
		return counting{changed[era], "人民法院改变管辖的案件，从改变后的人民法院收到案件之日起计算审理期限。"}
	case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION:
		art := map[int]string{2018: "刑事诉讼法第二百零八条第三款", 2012: "刑事诉讼法（2012年修正）第二百零二条第三款", 1996: "刑事诉讼法（1996年）第一百六十八条第三款"}[era]
		return counting{art, "人民检察院补充侦查的案件，补充侦查完毕移送人民法院后，人民法院重新计算审理期限。"}
	case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_DESIGNATED:
		switch {
		case !t.Before(crInterp2021InForce):
			return counting{"刑诉法解释第二百零九条", "指定管辖案件的审理期限，自被指定管辖的人民法院收到指定管辖决定书和案卷、证据材料之日起计算。"}
		case era != 1996:
			return counting{"刑诉法解释（2012年）第一百七十二条", "指定管辖案件的审理期限，自被指定管辖的人民法院收到指定管辖决定书和有关案卷、证据材料之日起计算。"}
		}
		return counting{changed[era], "指定管辖改变了审理案件的人民法院：从被指定管辖的人民法院收到案件之日起计算审理期限。"}
	case triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_REMANDED:
		art := map[int]string{2018: "刑事诉讼法第二百四十一条", 2012: "刑事诉讼法（2012年修正）第二百三十条", 1996: "刑事诉讼法（1996年）第一百九十四条"}[era]
		return counting{art, "第二审人民法院发回原审人民法院重新审判的案件，原审人民法院从收到发回的案件之日起，重新计算审理期限。"}
	}
	return counting{}
}

// countingOf is how outcome o of a case of kind counts its clock, appended
// to its period: a conversion's (conversionCounting, by the texts in force
// on the ruling date: criminalCountingOn, civilCountingOn, adminCountingOn)
// or a restart's.
func countingOf(kind triagev1.CaseKind, o *triagev1.Outcome) (counting, bool) {
	if kind == kCriminal && o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED {
		t, ok := rulingDate(o)
		c := restartCounting(o.GetRestart(), t)
		return c, ok && c.article != ""
	}
	c, ok := conversionCounting[kind][o.GetChange()]
	if t, dated := rulingDate(o); ok && dated { // the texts of the ruling's day
		switch kind {
		case kCriminal:
			c = criminalCountingOn(o.GetChange(), t, c)
		case kCivil:
			c = civilCountingOn(o.GetChange(), t, c)
		case kAdmin:
			c = adminCountingOn(o.GetChange(), t, c)
		}
	}
	return c, ok
}

// criminalCountingOn is the provision a criminal conversion ruled on day t
// counts its clock from, as the texts in force on t give it (audit round
// 21; until rules 2026-12-04.19 every date cited the 2021 interpretation):
// cur is conversionCounting's, the 2021 interpretation's from 2021-03-01.
//
//   - 简转普: 刑诉法解释（2012年）第二百九十八条 from 2013 ("转为普通程序审理的
//     案件，审理期限应当从决定转为普通程序之日起计算", quoted in full at
//     dyzxw.org/html/article/201305/07/130345.shtml); from 1998-09-08 the
//     1998 interpretation's art. 230, the same words (h.chinakaoyan.com
//     club topic 5650, 2010; fabang.com/a/20160331/776516.html); before,
//     CrPL 1996 art. 179 alone, which names no start: the decision is kept.
//   - fast-track → simplified or ordinary: from 2018-10-26 CrPL 226 alone
//     ("重新审理"; no interpretation spoke of fast-track before 2021-03-01);
//     before, the pilot's measures, whose text was not found. The clock
//     still starts on the decision, as Interp. 376 later said.
func criminalCountingOn(ch triagev1.ChangeKind, t time.Time, cur counting) counting {
	if !t.Before(crInterp2021InForce) {
		return cur
	}
	const fromDecision = "转为普通程序审理的案件，审理期限应当从决定转为普通程序之日起计算。"
	switch ch {
	case triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY:
		switch {
		case !t.Before(crpl2012InForce):
			return counting{"刑诉法解释（2012年）第二百九十八条", fromDecision}
		case !t.Before(crInterp1998InForce):
			return counting{interp1998 + "第二百三十条", fromDecision}
		}
		return counting{"刑事诉讼法（1996年）第一百七十九条", "发现不宜适用简易程序的，应当按照第一审普通程序重新审理；决定日施行的法律未规定重新审理的审理期限如何起算（1998年9月8日起施行的司法解释第二百三十条规定从决定之日起计算），本系统自作出决定之日起计算，以法院案件管理系统为准。"}
	case triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED, triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY:
		if !t.Before(crpl2018InForce) {
			return counting{"刑事诉讼法第二百二十六条", "不宜适用速裁程序的，应当按照第一审普通程序或者简易程序的规定重新审理；决定日尚无规定其审理期限起算的司法解释（刑诉法解释第三百七十六条自2021年3月1日起施行，规定从作出决定之日起计算），本系统自作出决定之日起计算。"}
		}
		return counting{"速裁程序试点办法", "速裁程序试点期间转为普通程序或者简易程序审理的，审理期限的起算依试点办法，本系统未核实其条文，自作出决定之日起计算，以法院案件管理系统为准。"}
	}
	return cur
}

// remandPanel reports whether o is a restart after 发回重审, which the law
// tries by a new panel (CrPL 239; 2012 text art. 228): the case is then
// under a panel, as after a single judge → panel ruling (panelSinceChange).
func remandPanel(o *triagev1.Outcome) bool {
	return o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED &&
		o.GetRestart() == triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_REMANDED
}
