package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestStatuteRound14 runs round-14 statute scenarios through a real server
// on loopback: filings triaged over gRPC (the options and review signals a
// caller sees) and conversions recorded on them, each expectation written
// from the texts before the rules were read (rules/audit14_test.go has the
// full tables): 人民陪审员法第十六条第四项 for a case of major social impact,
// group interests on a civil or administrative filing, the 2023 CPL's
// foreign-related article, the 2020–2021 civil pilot and fast-track.
func TestStatuteRound14(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	const (
		av   = triagev1.Availability_AVAILABILITY_AVAILABLE
		unav = triagev1.Availability_AVAILABILITY_UNAVAILABLE
	)
	withC := func(f *triagev1.Filing, m func(f *triagev1.Filing, c *triagev1.Circumstances)) *triagev1.Filing {
		if f.Circumstances == nil {
			f.Circumstances = &triagev1.Circumstances{}
		}
		m(f, f.Circumstances)
		return f
	}
	impact := func(f *triagev1.Filing, c *triagev1.Circumstances) { c.MajorSocialImpact = true }
	group := func(f *triagev1.Filing, c *triagev1.Circumstances) { c.GroupInterest = true }
	filing := []struct {
		name   string
		f      *triagev1.Filing
		avail  map[triagev1.Procedure]triagev1.Availability
		review bool
		code   string // a reason code the decision must carry
	}{
		{"adm major social impact 2024 (人民陪审员法 16(4))", withC(adminFiling("r14-1"), impact),
			map[triagev1.Procedure]triagev1.Availability{simplified: unav}, true, "ASSESSORS16_MAJOR_SOCIAL_IMPACT"},
		{"adm major social impact 2018-04-26 (near miss)", withC(adminFiling("r14-2"), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			impact(f, c)
			f.FiledOn = "2018-04-26"
		}), map[triagev1.Procedure]triagev1.Availability{simplified: av}, true, ""},
		{"civ major social impact 2019 (人民陪审员法 16(4))", withC(loanFiling("r14-3"), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			impact(f, c)
			f.FiledOn = "2019-06-03"
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: unav, simplified: unav}, true, "ASSESSORS16_MAJOR_SOCIAL_IMPACT"},
		{"civ group interest 2024: reviewed", withC(loanFiling("r14-4"), group),
			map[triagev1.Procedure]triagev1.Availability{smallClaims: av}, true, "REVIEW_GROUP_INTEREST"},
		// 人民陪审员法 alone: CPL 42(2) is a civil article (audit of
		// citations by era).
		{"adm group interest 2024: reviewed", withC(adminFiling("r14-5"), group),
			map[triagev1.Procedure]triagev1.Availability{simplified: av}, true, "REVIEW_GROUP_INTEREST_ASSESSORS15"},
		{"civ foreign 2024-01-01: CPL 166(2), CPL 2023 art. 287", withC(loanFiling("r14-6"), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			f.FiledOn = "2024-01-02"
			f.Parties[1].Foreign = true
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: unav, simplified: av}, false, "CPL166_FOREIGN"},
		{"crim fast-track, co-defendant disputes the sentence (CrPL 223(4))", withC(criminalFiling("r14-7", true), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
			c.CoDefendantDisputesChargeOrSentence = true
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: unav, simplified: av}, false, ""},
		{"civ pilot 杭州 2021 ¥45,000: the pilot's band", withC(loanFiling("r14-8"), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			f.Court, f.Province, f.FiledOn, f.ClaimAmountFen = "杭州市西湖区人民法院", "浙江省", "2021-06-01", 4_500_000
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: av}, false, "PILOT2020_SMALL_CLAIMS_MANDATORY"},
	}
	for _, c := range filing {
		t.Run(c.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, c.f)
			var codes []string
			for _, o := range d.GetOptions() {
				if want, ok := c.avail[o.GetProcedure()]; ok && o.GetAvailability() != want {
					t.Errorf("%v: %v, want %v", o.GetProcedure(), o.GetAvailability(), want)
				}
				for _, r := range o.GetReasons() {
					codes = append(codes, r.GetCode())
				}
			}
			for _, r := range d.GetReviewReasons() {
				codes = append(codes, r.GetCode())
			}
			if d.GetNeedsReview() != c.review {
				t.Errorf("needs_review %v, want %v (%v)", d.GetNeedsReview(), c.review, codes)
			}
			if c.code != "" && !slices.Contains(codes, c.code) {
				t.Errorf("codes %v lack %s", codes, c.code)
			}
		})
	}

	const (
		scToSimp = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
		ftToSimp = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
		cpl      = "民事诉讼法"
		crpl     = "刑事诉讼法"
		all      = "行政诉讼法"
	)
	onSpot := func(id string, m func(f *triagev1.Filing, c *triagev1.Circumstances)) *triagev1.Filing {
		return withC(adminFiling(id), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			c.InformationDisclosure, f.Cause, f.ClaimAmountFen = false, "行政处罚", 500_000
			c.ActOnTheSpot = true
			if m != nil {
				m(f, c)
			}
		})
	}
	// 刑诉法解释第三百七十五条: found in the hearing, the fact is recorded
	// as a correction of the filing.
	deaf := func(f *triagev1.Filing) { f.Parties[0].Impaired = true }
	runStatuteOutcomes(t, ctx, h.client, st, []statuteOutcome{
		{"adm major social impact: simplified chosen at filing (人民陪审员法 16(4))", onSpot("r14-20", impact),
			nil, step{change: overridden, proc: simplified, on: "2024-03-06", basis: all}, want{refused: true}},
		{"adm major social impact 2018-04-26: simplified chosen (near miss): 45 days", onSpot("r14-21", func(f *triagev1.Filing, c *triagev1.Circumstances) {
			impact(f, c)
			f.FiledOn = "2018-04-26"
		}), nil, step{change: overridden, proc: simplified, on: "2018-04-27", basis: all}, want{days: 45, due: "2018-06-11"}},
		{"adm 简转普 on day 45: six months from 立案", onSpot("r14-22", nil),
			[]step{{change: confirmed, proc: simplified, on: "2024-03-06", basis: all}},
			step{change: simpToOrd, proc: ordinary, on: "2024-04-19", basis: all}, want{months: 6, due: "2024-09-05"}},
		{"adm 普转简 agreed before the hearing: refused (ALL 84 only one way)", onSpot("r14-23", func(f *triagev1.Filing, c *triagev1.Circumstances) {
			c.ActOnTheSpot = false
		}), []step{{change: confirmed, proc: ordinary, on: "2024-03-06", basis: all}},
			step{change: ordToSimp, proc: simplified, on: "2024-03-20", agree: true, basis: all}, want{refused: true}},
		{"civ 2019 major social impact: 普转简 agreed refused (人民陪审员法 16(4))", withC(loanFiling("r14-24"), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			impact(f, c)
			f.FiledOn = "2019-06-03"
		}), []step{{change: confirmed, proc: ordinary, on: "2019-06-04", basis: cpl}},
			step{change: ordToSimp, proc: simplified, on: "2019-06-10", agree: true, basis: cpl}, want{refused: true}},
		{"civ group interest: 普转简 agreed recorded (review, not a bar)", withC(loanFiling("r14-25"), group),
			[]step{{change: overridden, proc: ordinary, on: "2024-03-06", basis: cpl}},
			step{change: ordToSimp, proc: simplified, on: "2024-03-20", agree: true, basis: cpl}, want{months: 3, due: "2024-06-05"}},
		{"civ pilot 2021 small claims to simplified rules: three months from 立案", withC(loanFiling("r14-26"), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			f.Court, f.Province, f.FiledOn, f.ClaimAmountFen = "杭州市西湖区人民法院", "浙江省", "2021-06-01", 4_500_000
		}), []step{{change: confirmed, proc: smallClaims, on: "2021-06-02", basis: cpl}},
			step{change: scToSimp, proc: simplified, on: "2021-06-20", basis: cpl}, want{months: 3, due: "2021-09-01"}},
		{"civ foreign 2024-01-02 简转普: no statutory limit (CPL 2023 art. 287)", withC(loanFiling("r14-27"), func(f *triagev1.Filing, c *triagev1.Circumstances) {
			f.FiledOn = "2024-01-02"
			f.Parties[1].Foreign = true
		}), []step{{change: overridden, proc: simplified, on: "2024-01-03", basis: cpl}},
			step{change: simpToOrd, proc: ordinary, on: "2024-02-01", basis: cpl}, want{none: true}},
		{"crim fast-track → simplified, the defendant now deaf: refused (CrPL 215(1))", criminalFiling("r14-28", true),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: ftToSimp, proc: simplified, on: "2024-03-12", basis: crpl, correct: deaf}, want{refused: true}},
		{"crim fast-track → ordinary, the defendant now deaf: two months from the ruling", criminalFiling("r14-29", true),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: ftToOrd, proc: ordinary, on: "2024-03-12", basis: crpl, correct: deaf}, want{months: 2, due: "2024-05-13"}},
		{"crim simplified → fast-track: no conversion into fast-track", criminalFiling("r14-30", true),
			[]step{{change: overridden, proc: simplified, on: "2024-03-06", basis: crpl}},
			step{change: overridden, proc: fastTrack, on: "2024-03-08", basis: crpl}, want{refused: true}},
		{"crim small claims to ordinary: not a criminal conversion", criminalFiling("r14-31", true),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, proc: ordinary, on: "2024-03-08", basis: crpl}, want{refused: true}},
		{"adm fast-track to ordinary: not an administrative conversion", onSpot("r14-32", nil),
			[]step{{change: confirmed, proc: simplified, on: "2024-03-06", basis: all}},
			step{change: ftToOrd, proc: ordinary, on: "2024-03-08", basis: all}, want{refused: true}},
		{"crim fast-track → simplified: twenty days from the ruling", criminalFiling("r14-33", true),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: ftToSimp, proc: simplified, on: "2024-03-12", basis: crpl}, want{days: 20, due: "2024-04-01"}},
	})
}
