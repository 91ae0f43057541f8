package server

import (
	"testing"

	"google.golang.org/grpc/codes"

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
	h, st, ctx := startDefaultServer(t)

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

// TestPanelRulingLeavesFastTrack: a single judge → panel ruling (民事诉讼法
// 第四十三条: 裁定转由合议庭审理; 刑诉法解释第三百六十六条: 应当转由合议庭审理)
// is the court's finding that the case needs a panel under the procedure in
// force. A 速裁团队 sits with single judges (routing.OffFastTrack), so the
// case leaves it, drawn among the teams that may form a panel, and cannot be
// designated back; without the ruling it stays and may be.
func TestPanelRulingLeavesFastTrack(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, panelTeams())})
	ctx := testContext(t)
	const (
		ftToSimp = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
		toPanel  = triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL
	)
	record := func(o *triagev1.Outcome, basis string) *triagev1.RecordOutcomeResponse {
		t.Helper()
		o.LegalBasis = basis
		resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
		if err != nil {
			t.Fatalf("RecordOutcome %v: %v", o.GetChange(), err)
		}
		return resp
	}
	assign := func(d *triagev1.Decision, team string) error {
		_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: d.GetDecisionId(), TeamId: team, DesignatedBy: "president-07", Reason: "院长指定。"})
		return err
	}

	// Criminal: fast-track → simplified keeps the 速裁团队 (near miss); the
	// panel of Interp. 366 leaves it.
	crim := triageOK(t, ctx, h.client, criminalFiling("q-1", true))
	near := triageOK(t, ctx, h.client, criminalFiling("q-2", true))
	for _, d := range []*triagev1.Decision{crim, near} {
		if d.GetAssignment().GetTeamId() != "criminal-fast" {
			t.Fatalf("%s drawn to %q; the test needs criminal-fast", d.GetFilingId(), d.GetAssignment().GetTeamId())
		}
		if got := record(outcome(d, ftToSimp, simplified, "2024-03-06"), "刑事诉讼法第二百二十六条").GetReassignment(); got != nil {
			t.Fatalf("fast-track → simplified moved %s: %v", d.GetFilingId(), got)
		}
	}
	resp := record(outcome(crim, toPanel, simplified, "2024-03-08"), "刑诉法解释第三百六十六条")
	if got := resp.GetReassignment(); got.GetTeamId() != "criminal" || got.GetPreviousTeamId() != "criminal-fast" {
		t.Errorf("after the panel ruling the case is with %q (reassignment %v), want it drawn off criminal-fast to criminal", got.GetTeamId(), got)
	}
	checkStatus(t, assign(crim, "criminal-fast"), codes.FailedPrecondition, "", "PANEL_CASE_TO_FAST_TRACK")
	if err := assign(near, "criminal"); err != nil {
		t.Fatalf("near miss: designation to criminal: %v", err)
	}
	if err := assign(near, "criminal-fast"); err != nil {
		t.Errorf("near miss: a simplified case without a panel ruling designated back to criminal-fast: %v", err)
	}

	// Civil: a 执行异议之诉 at a basic court is ordinary with a single judge
	// (民事诉讼法第四十条第二款), which the civil 速裁团队 here takes; CPL 43's
	// panel ruling takes it away.
	civ := triageOK(t, ctx, h.client, suitFiling("q-3", "案外人执行异议之诉"))
	if civ.GetRecommended() != ordinary || civ.GetAssignment().GetTeamId() != "civil-fast" {
		t.Fatalf("执行异议之诉: %v to %q; the test needs ordinary with civil-fast", civ.GetRecommended(), civ.GetAssignment().GetTeamId())
	}
	resp = record(outcome(civ, toPanel, ordinary, "2024-03-08"), "民事诉讼法第四十三条")
	if got := resp.GetReassignment(); got.GetTeamId() != "civil" || got.GetPreviousTeamId() != "civil-fast" {
		t.Errorf("after CPL 43's ruling the case is with %q (reassignment %v), want it drawn off civil-fast to civil", got.GetTeamId(), got)
	}
	checkStatus(t, assign(civ, "civil-fast"), codes.FailedPrecondition, "", "PANEL_CASE_TO_FAST_TRACK")
}
