package rules_test

import (
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// Statute round 39, each row written from the texts docs/statutes.md names
// before the engine was run. Leftovers of rounds 37 and 38: the fast-track
// pilots' private-prosecution, objection, unfitness and lapse bars cited
// both pilots' decisions whatever the filing date. Each now cites the
// phase's texts only — the 2014 decision (read in full) on 2014-08-26..
// 2016-08-21, the 2016 decision on 2016-11-30..2018-10-25 — and neither
// 办法, whose texts were not read, is cited for a bar: the reason says the
// 办法 was not checked. Between the phases, before the 2016 decision of
// 2016-09-03 only the 2014 decision's two years are cited (PILOT2014_LAPSED);
// from it, the 2016 decision, whose new 办法 was not yet issued.

// The round's new codes, as literals so the tables compile (and fail)
// without the change.
const (
	pilot2014Private     = "PILOT2014_PRIVATE_PROSECUTION"
	pilot2014ObjectsSimp = "PILOT2014_OBJECTS_SIMPLIFIED"
	pilot2014Unsuitable  = "PILOT2014_UNSUITABLE"
	pilot2014Lapsed      = "PILOT2014_LAPSED"
)

// TestAuditRound39Pilot: the pilots' remaining shared bars cite the filing
// date's phase only.
func TestAuditRound39Pilot(t *testing.T) { runTable(t, round39PilotCases(t)) }

func round39PilotCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents; 杭州市上城区 (a pilot city)
	const (
		crpl208 = "刑事诉讼法（2012年修正）第二百零八条第一款第三项"
		crpl209 = "刑事诉讼法（2012年修正）第二百零九条第四项"
	)
	barred := func(name, on, code string, silent, want, not []string, mods ...mod) tcase {
		return tcase{name: name, filing: crim(10, append([]mod{filedOn(on)}, mods...)...), avail: av(pFT, avU),
			fires: []string{at(locFT, code)}, silent: silent, extra: citesOnly(locFT, code, want, not)}
	}
	first, second := []string{pilotDec2016, pilotBan2016}, []string{pilotDec2014, pilotBan2014}
	privBoth := []string{pilot2014Private, rules.CodePilotPrivateProsecution}
	objBoth := []string{pilot2014ObjectsSimp, rules.CodePilotObjectsSimplified}
	unfitBoth := []string{pilot2014Unsuitable, rules.CodePilotUnsuitable}
	lapsedBoth := []string{pilot2014Lapsed, rules.CodePilotLapsed}
	unfit := text("本案不宜适用速裁程序审理。")
	return []tcase{
		// --- A private prosecution.
		barred("2014-08-26 (first phase's first day): private prosecution", "2014-08-26", pilot2014Private, []string{rules.CodePilotPrivateProsecution}, []string{pilotDec2014}, first, priv),
		barred("2016-08-21 (first phase's last day): private prosecution", "2016-08-21", pilot2014Private, []string{rules.CodePilotPrivateProsecution}, []string{pilotDec2014}, first, priv),
		barred("2016-11-30 (second phase's first day): private prosecution", "2016-11-30", rules.CodePilotPrivateProsecution, []string{pilot2014Private}, []string{pilotDec2016}, second, priv),
		barred("2018-10-25 (second phase's last day): private prosecution", "2018-10-25", rules.CodePilotPrivateProsecution, []string{pilot2014Private}, []string{pilotDec2016}, second, priv),
		barred("2014-08-25 (before the pilot): private prosecution, no pilot code", "2014-08-25", rules.CodeCrPL222NotInForce, privBoth, nil, nil, priv),
		barred("2016-08-22 (between the phases): private prosecution, no pilot's bar", "2016-08-22", pilot2014Lapsed, privBoth, []string{pilotDec2014}, first, priv),
		barred("2018-10-26 (CrPL 2018): private prosecution, no pilot's bar", "2018-10-26", rules.CodeCrPL2018PrivateProsecution, privBoth, nil, nil, priv),
		// --- The defendant objects to simplified procedure.
		barred("2015-03-02 (first phase): objects to simplified", "2015-03-02", pilot2014ObjectsSimp, []string{rules.CodePilotObjectsSimplified}, []string{pilotDec2014, crpl208}, first, cm.objects),
		barred("2016-08-21 (first phase's last day): objects to simplified", "2016-08-21", pilot2014ObjectsSimp, []string{rules.CodePilotObjectsSimplified}, []string{pilotDec2014, crpl208}, first, cm.objects),
		barred("2016-11-30 (second phase's first day): objects to simplified", "2016-11-30", rules.CodePilotObjectsSimplified, []string{pilot2014ObjectsSimp}, []string{pilotDec2016, crpl208}, second, cm.objects),
		barred("2018-10-25 (second phase's last day): objects to simplified", "2018-10-25", rules.CodePilotObjectsSimplified, []string{pilot2014ObjectsSimp}, []string{pilotDec2016, crpl208}, second, cm.objects),
		{name: "2018-10-26: objects to simplified, CrPL 2018 keeps fast-track (near miss)", filing: crim(10, filedOn("2018-10-26"), cm.objects),
			silent: objBoth},
		// --- The text calls the case unfit.
		barred("2014-08-26 (first phase's first day): 不宜适用速裁程序", "2014-08-26", pilot2014Unsuitable, []string{rules.CodePilotUnsuitable}, []string{pilotDec2014, crpl209}, first, unfit),
		barred("2016-08-21 (first phase's last day): 不宜适用速裁程序", "2016-08-21", pilot2014Unsuitable, []string{rules.CodePilotUnsuitable}, []string{pilotDec2014, crpl209}, first, unfit),
		barred("2016-11-30 (second phase's first day): 不宜适用速裁程序", "2016-11-30", rules.CodePilotUnsuitable, []string{pilot2014Unsuitable}, []string{pilotDec2016, crpl209}, second, unfit),
		barred("2018-10-25 (second phase's last day): 不宜适用速裁程序", "2018-10-25", rules.CodePilotUnsuitable, []string{pilot2014Unsuitable}, []string{pilotDec2016, crpl209}, second, unfit),
		barred("2016-08-22 (between the phases): 不宜适用速裁程序, nothing read", "2016-08-22", pilot2014Lapsed, unfitBoth, []string{pilotDec2014}, first, unfit),
		barred("2018-10-26 (CrPL 2018): 不宜适用速裁程序, CrPL 223", "2018-10-26", rules.CodeCrPL2018Unsuitable, unfitBoth, nil, nil, unfit),
		// --- Between the phases.
		barred("2016-08-22 (first day after the first phase)", "2016-08-22", pilot2014Lapsed, []string{rules.CodePilotLapsed}, []string{pilotDec2014}, first),
		barred("2016-09-02 (the day before the 2016 decision)", "2016-09-02", pilot2014Lapsed, []string{rules.CodePilotLapsed}, []string{pilotDec2014}, first),
		barred("2016-09-03 (the 2016 decision's day, no 办法 yet)", "2016-09-03", rules.CodePilotLapsed, []string{pilot2014Lapsed}, []string{pilotDec2016}, []string{pilotDec2014, pilotBan2014, pilotBan2016}),
		barred("2016-11-29 (the second phase's eve)", "2016-11-29", rules.CodePilotLapsed, []string{pilot2014Lapsed}, []string{pilotDec2016}, []string{pilotDec2014, pilotBan2014, pilotBan2016}),
		{name: "2016-11-30: the second phase, no lapse (near miss)", filing: crim(10, filedOn("2016-11-30")), avail: av(pFT, avA), silent: lapsedBoth},
		{name: "2016-08-21: the first phase, no lapse (near miss)", filing: crim(10, filedOn("2016-08-21")), avail: av(pFT, avA), silent: lapsedBoth},
		// --- Near misses: nothing stated.
		{name: "2015-03-02: public prosecution, no objection (near miss)", filing: crim(10, filedOn("2015-03-02")), avail: av(pFT, avA),
			silent: append(append(append([]string{}, privBoth...), objBoth...), unfitBoth...)},
		{name: "2017-03-01: 不属于不宜适用速裁程序的情形 (near miss)", filing: crim(10, filedOn("2017-03-01"), text("本案不属于不宜适用速裁程序审理的情形。")), avail: av(pFT, avA),
			silent: unfitBoth},
	}
}

// reviewCPL1982 is round 39's code for a civil filing before CPL 1991.
const reviewCPL1982 = "REVIEW_CPL1982_TRIAL_LAW_NOT_CHECKED"

// TestAuditRound39CPL1982: a civil filing of 1991-01-01..1991-04-08 fell
// under the 1982 民事诉讼法（试行）, whose text is not in /work/shared/law; the
// rules judge it by CPL 1991 (in force 1991-04-09) and must say so and send
// it to a person, on no later day and in no other kind of case.
func TestAuditRound39CPL1982(t *testing.T) { runTable(t, round39CPL1982Cases(t)) }

func round39CPL1982Cases(tb testing.TB) []tcase {
	c, a, crim := auditBuilders(tb)
	return []tcase{
		{name: "civil 1991-01-01 (the first day fenjian takes): the 1982 trial law, reviewed", filing: c(filedOn("1991-01-01")), fires: []string{at(locReview, reviewCPL1982)}},
		{name: "civil 1991-04-08 (CPL 1991's eve): reviewed", filing: c(filedOn("1991-04-08")), fires: []string{at(locReview, reviewCPL1982)}},
		{name: "civil 1991-04-09 (CPL 1991 in force): no review (near miss)", filing: c(filedOn("1991-04-09")), silent: []string{reviewCPL1982}},
		{name: "civil 2024-03-05: no review (near miss)", filing: c(filedOn("2024-03-05")), silent: []string{reviewCPL1982}},
		{name: "administrative 1991-03-01: ALL 1989 in force, no review (near miss)", filing: a(filedOn("1991-03-01")), silent: []string{reviewCPL1982}},
		{name: "criminal 1991-03-01: CrPL 1979, no review (near miss)", filing: crim(10, filedOn("1991-03-01")), silent: []string{reviewCPL1982}},
	}
}
