package server

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestStatuteRound15 records round-15 outcomes through a real server on
// loopback: outcomes carrying a fact correction, which the server must hold
// to the corrected facts both for the procedure and for its time limit
// (rules/audit_round15_outcome_test.go has the full table). 民诉法解释第二百
// 七十八条第二款: a small-claims case that, after 追加当事人, must be tried in
// ordinary procedure is converted to it, not to the other simplified rules;
// 刑诉法解释第三百六十六条、第三百六十八条: a simplified panel answers a longer
// likely sentence, not a bar of simplified procedure; 民事诉讼法第二百八十七条
// and 刑事诉讼法第一百零五条第四款 on the facts as corrected.
func TestStatuteRound15(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)

	const (
		scToSimp = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
		scToOrd  = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY
		toPanel  = triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL
		ftToSimp = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
		ftToOrd  = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY
		cpl      = "民事诉讼法第一百六十九条；民诉法解释第二百七十八条"
		crpl     = "刑诉法解释第三百六十六条"
	)
	plaintiffs := func(n int) func(*triagev1.Filing) {
		return func(f *triagev1.Filing) {
			for range n {
				f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
			}
		}
	}
	foreignDefendant := func(f *triagev1.Filing) {
		f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION, Foreign: true})
	}
	deaf := func(f *triagev1.Filing) { f.Parties[0].Impaired = true }
	theft48 := func(f *triagev1.Filing) { f.Cause, f.Circumstances.RecommendedSentenceMonths = "盗窃罪", 48 }
	detained := func(f *triagev1.Filing) { f.Circumstances.DefendantDetained = true }
	inSmallClaims := []step{{change: overridden, proc: smallClaims, on: "2024-03-06", basis: cpl}}
	inSimplified := []step{{change: overridden, proc: simplified, on: "2024-03-06", basis: crpl}}
	runStatuteOutcomes(t, ctx, h.client, st, []statuteOutcome{
		{"small claims → simplified rules after 追加当事人 to ten plaintiffs: refused (Interp. 257(3), 278 ¶2)", loanFiling("r15-1"),
			inSmallClaims, step{change: scToSimp, proc: simplified, on: "2024-03-20", basis: cpl, correct: plaintiffs(9)}, want{refused: true}},
		{"small claims → simplified rules after 追加当事人 to nine plaintiffs (near miss): three months", loanFiling("r15-2"),
			inSmallClaims, step{change: scToSimp, proc: simplified, on: "2024-03-20", basis: cpl, correct: plaintiffs(8)}, want{months: 3, due: "2024-06-05"}},
		{"small claims → ordinary after 追加当事人 to ten plaintiffs: six months", loanFiling("r15-3"),
			inSmallClaims, step{change: scToOrd, proc: ordinary, on: "2024-03-20", basis: cpl, correct: plaintiffs(9)}, want{months: 6, due: "2024-09-05"}},
		{"small claims → simplified rules, public notice needed: refused (Interp. 140)", loanFiling("r15-4"),
			inSmallClaims, step{change: scToSimp, proc: simplified, on: "2024-03-20", basis: cpl, correct: func(f *triagev1.Filing) {
				f.Circumstances = &triagev1.Circumstances{PublicNoticeService: true}
			}}, want{refused: true}},
		{"small claims → ordinary after a foreign defendant joins: no statutory limit (CPL 287)", loanFiling("r15-5"),
			inSmallClaims, step{change: scToOrd, proc: ordinary, on: "2024-03-20", basis: cpl, correct: foreignDefendant}, want{none: true}},
		{"criminal simplified panel, the defendant found deaf: refused (CrPL 215(1))", criminalFiling("r15-6", true),
			inSimplified, step{change: toPanel, proc: simplified, on: "2024-03-12", basis: crpl, correct: deaf}, want{refused: true}},
		{"criminal simplified panel, 48 months now likely (near miss, Interp. 366): the clock kept", criminalFiling("r15-7", true),
			inSimplified, step{change: toPanel, proc: simplified, on: "2024-03-12", basis: crpl, correct: theft48}, want{days: 20, due: "2024-03-25"}},
		{"fast-track → ordinary, the defendant found detained: Sunday 2024-05-12 kept (CrPL 105 ¶4)", criminalFiling("r15-8", true),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: ftToOrd, proc: ordinary, on: "2024-03-12", basis: crpl, correct: detained}, want{months: 2, due: "2024-05-12"}},
		{"simplified → ordinary after an earlier correction found the defendant detained", criminalFiling("r15-9", true),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}, {change: ftToSimp, proc: simplified, on: "2024-03-12", basis: crpl, correct: detained}},
			step{change: simpToOrd, proc: ordinary, on: "2024-03-12", basis: crpl}, want{months: 2, due: "2024-05-12"}},
	})
}
