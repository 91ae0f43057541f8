package server

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestStatuteRound16 records round-16 outcomes through a real server on
// loopback: chains of outcomes with the time limit each carries, and late
// conversions. 民诉法解释第二百五十八条第二款 (small claims through 第二百八十一
// 条) and 行诉法解释第一百零五条第一款 put the conversion to ordinary before the
// end of the period it leaves; since the record shows neither an approved
// extension nor the periods left out of a limit, a late one is recorded with
// Outcome.review_reasons, stored with it, and a client cannot set or clear
// them. rules/audit_round16_test.go has the full tables.
func TestStatuteRound16(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	const (
		scToSimp = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
		scToOrd  = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY
		ftToSimp = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
		late258  = rules.ReviewInterp258ConversionLate
		late105  = rules.ReviewAdmin105ConversionLate
		ended    = rules.ReviewTimeLimitEndedAtRuling
	)
	type step = chainStep
	cases := []struct {
		name   string
		filing *triagev1.Filing
		setup  []step
		last   step
		months int32
		days   int32
		due    string
		review []string
	}{
		// Filed 2024-03-05; small claims due 2024-05-05, a 劳动节 rest day → 05-06 (CPL 85 ¶3, 168).
		{"small claims → simplified rules → ordinary: six months from 立案 (Interp. 258 ¶3)", loanFiling("r16-1"),
			[]step{{overridden, smallClaims, "2024-03-06"}, {scToSimp, simplified, "2024-03-20"}}, step{simpToOrd, ordinary, "2024-04-10"}, 6, 0, "2024-09-05", nil},
		{"small claims → ordinary on 05-06, the moved last day: in time", loanFiling("r16-2"),
			[]step{{overridden, smallClaims, "2024-03-06"}}, step{scToOrd, ordinary, "2024-05-06"}, 6, 0, "2024-09-05", nil},
		{"small claims → ordinary on 05-07: flagged (Interp. 281, 258 ¶2)", loanFiling("r16-3"),
			[]step{{overridden, smallClaims, "2024-03-06"}}, step{scToOrd, ordinary, "2024-05-07"}, 6, 0, "2024-09-05", []string{late258}},
		{"simplified → ordinary on 06-06, after CPL 164's three months: flagged", simplifiedFiling("r16-4"),
			[]step{{overridden, simplified, "2024-03-06"}}, step{simpToOrd, ordinary, "2024-06-06"}, 6, 0, "2024-09-05", []string{late258}},
		// Since rules 2026-12-04.20 (round 21) CPL 168's two months, over since 05-06, are flagged too.
		{"small claims → simplified rules on 06-06: the simplified period already over", loanFiling("r16-5"),
			[]step{{overridden, smallClaims, "2024-03-06"}}, step{scToSimp, simplified, "2024-06-06"}, 3, 0, "2024-06-05",
			[]string{rules.ReviewCPL168SmallClaimsPeriodEnded, ended}},
		// 政府信息公开 (ALL 82(3)): 45 days, due 2024-04-19.
		{"administrative 简转普 on 04-19: in time", adminFiling("r16-6"), nil, step{simpToOrd, ordinary, "2024-04-19"}, 6, 0, "2024-09-05", nil},
		{"administrative 简转普 on 04-20: flagged (行诉法解释 105 ¶1)", adminFiling("r16-7"), nil, step{simpToOrd, ordinary, "2024-04-20"}, 6, 0, "2024-09-05", []string{late105}},
		// Criminal: fast-track → simplified → ordinary, each period from its decision (Interp. 376, 368 ¶2).
		{"criminal fast-track → simplified → ordinary: two months from 03-12, Sunday 05-12 → 05-13", criminalFiling("r16-8", true),
			[]step{{overridden, fastTrack, "2024-03-06"}, {ftToSimp, simplified, "2024-03-08"}}, step{simpToOrd, ordinary, "2024-03-12"}, 2, 0, "2024-05-13", nil},
		{"criminal fast-track → simplified on 03-29, after the ten days: no flag", criminalFiling("r16-9", true),
			[]step{{overridden, fastTrack, "2024-03-06"}}, step{ftToSimp, simplified, "2024-03-29"}, 0, 20, "2024-04-18", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, c.filing)
			o, _ := recordChain(t, ctx, h.client, st, d, append(c.setup, c.last), c.review)
			if tl := o.GetTimeLimit(); tl.GetMonths() != c.months || tl.GetDays() != c.days || tl.GetDueOn() != c.due {
				t.Errorf("time limit %v, want %d months %d days due %s", tl, c.months, c.days, c.due)
			}
		})
	}
}
