package server

import (
	"slices"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// Filings of the round-9 categories (docs/statutes.md, Audit (2026-12-03,
// round 9)): suits whose procedure the law fixes by their kind, a criminal
// filing at a maritime court, an administrative public-interest suit.

// suitFiling is a 民事 filing of a cause that fixes its procedure, ¥10,000.
func suitFiling(id, cause string) *triagev1.Filing {
	f := loanFiling(id)
	f.Cause = cause
	f.ClaimAmountFen = 1_000_000
	f.Text = "诉讼请求：依法裁判。"
	return f
}

// maritimeCriminalFiling is criminalFiling at 大连海事法院 stated as basic:
// a maritime court is of intermediate level (INFER_CRIMINAL_MARITIME_COURT),
// so neither fast-track nor simplified procedure; ordinary.
func maritimeCriminalFiling(id string) *triagev1.Filing {
	f := criminalFiling(id, true)
	f.Court = "大连海事法院"
	return f
}

// adminSuitFiling is a 行政公益诉讼 with the parties' agreement to simplified
// procedure: 人民陪审员法第十六条第二项 bars it (a seven-member panel); ordinary.
func adminSuitFiling(id string) *triagev1.Filing {
	f := adminFiling(id)
	f.Cause = "行政公益诉讼"
	f.Circumstances = &triagev1.Circumstances{PartiesAgreeSimplified: true}
	return f
}

// TestRecordOutcomeSuitsTheLawFixes records outcomes on the round-9
// categories through the server: nothing moves a case into a procedure its
// kind of suit forbids, and each refusal is FAILED_PRECONDITION naming the
// rule and citing the bar's article; the conversions the law allows pass.
func TestRecordOutcomeSuitsTheLawFixes(t *testing.T) {
	h, st, ctx := startDefaultServer(t)
	agreedToSimp := func(d *triagev1.Decision) *triagev1.Outcome {
		o := outcome(d, ordToSimp, simplified, "2024-03-06")
		o.PartiesAgree = true
		o.LegalBasis = "最高人民法院关于适用简易程序审理民事案件的若干规定第二条"
		return o
	}
	tests := []struct {
		name    string
		filing  *triagev1.Filing
		rec     triagev1.Procedure // what the engine must recommend
		setup   func(d *triagev1.Decision) []*triagev1.Outcome
		out     func(d *triagev1.Decision) *triagev1.Outcome
		rule    string // FAILED_PRECONDITION, "" = accepted
		article string // in the message and the violation's subject
		code    string // the barring reason code named in the message
	}{
		// 民诉法解释第三百零八条: 执行异议之诉 适用普通程序.
		{name: "执行异议之诉: simplified chosen at filing", filing: suitFiling("s-1", "案外人执行异议之诉"), rec: ordinary,
			out:  func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, simplified, "2024-03-06") },
			rule: "PROCEDURE_EXCLUDED", article: "民诉法解释第三百零八条", code: "INTERP308_EXECUTION_OBJECTION_ORDINARY"},
		{name: "执行异议之诉: 普转简 with the parties' agreement", filing: suitFiling("s-2", "申请执行人执行异议之诉"), rec: ordinary, out: agreedToSimp,
			rule: "PROCEDURE_EXCLUDED", article: "民诉法解释第三百零八条", code: "INTERP308_EXECUTION_OBJECTION_ORDINARY"},
		{name: "执行异议之诉: small claims chosen at filing", filing: suitFiling("s-3", "案外人执行异议之诉"), rec: ordinary,
			out:  func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, smallClaims, "2024-03-06") },
			rule: "PROCEDURE_EXCLUDED", code: "INTERP308_EXECUTION_OBJECTION_ORDINARY"},
		{name: "执行异议之诉: ordinary confirmed", filing: suitFiling("s-4", "案外人执行异议之诉"), rec: ordinary,
			out: func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, ordinary, "2024-03-06") }},
		{name: "执行异议之诉: single judge → panel at a basic court (CPL 43)", filing: suitFiling("s-5", "案外人执行异议之诉"), rec: ordinary,
			out: func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL, ordinary, "2024-03-06")
			}},
		// 民诉法解释第二百五十七条第六项、第二百六十四条第二款.
		{name: "第三人撤销之诉: 普转简 with the parties' agreement", filing: suitFiling("s-6", "第三人撤销之诉"), rec: ordinary, out: agreedToSimp,
			rule: "INTERP264_NO_SIMPLIFIED_FOR_INTERP257_CASE", article: "民诉法解释第二百五十七条、第二百六十四条第二款", code: "INTERP257_THIRD_PARTY_REVOCATION"},
		{name: "第三人撤销之诉: simplified chosen at filing", filing: suitFiling("s-7", "第三人撤销之诉"), rec: ordinary,
			out:  func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, simplified, "2024-03-06") },
			rule: "PROCEDURE_EXCLUDED", article: "民诉法解释第二百五十七条第六项", code: "INTERP257_THIRD_PARTY_REVOCATION"},
		// 民诉法解释第二百五十七条第五项.
		{name: "环境污染民事公益诉讼: 普转简 with the parties' agreement", filing: suitFiling("s-8", "环境污染民事公益诉讼"), rec: ordinary, out: agreedToSimp,
			rule: "INTERP264_NO_SIMPLIFIED_FOR_INTERP257_CASE", article: "民诉法解释第二百五十七条、第二百六十四条第二款", code: "INTERP257_PUBLIC_INTEREST"},
		// 若干规定第一条第四项.
		{name: "申请支付令: 普转简 with the parties' agreement", filing: suitFiling("s-9", "申请支付令"), rec: ordinary, out: agreedToSimp,
			rule: "PROCEDURE_EXCLUDED", article: "若干规定第一条第四项", code: "NON_CONTENTIOUS_SPECIAL_PROCEDURE"},
		// Near miss: the same 普转简 in a plain contract dispute.
		{name: "near miss: construction dispute, 普转简 with the parties' agreement", filing: constructionFiling("s-10"), rec: ordinary, out: agreedToSimp},
		// 刑事诉讼法第二百一十四条、第二百二十二条: a maritime court is no basic court.
		{name: "maritime court: fast-track chosen at filing", filing: maritimeCriminalFiling("s-11"), rec: ordinary,
			out:  func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, fastTrack, "2024-03-06") },
			rule: "PROCEDURE_EXCLUDED", article: "刑事诉讼法第二百二十二条", code: "CRPL222_COURT_LEVEL"},
		{name: "maritime court: simplified chosen at filing", filing: maritimeCriminalFiling("s-12"), rec: ordinary,
			out:  func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, simplified, "2024-03-06") },
			rule: "PROCEDURE_EXCLUDED", article: "刑事诉讼法第二百一十四条", code: "CRPL214_COURT_LEVEL"},
		{name: "maritime court: 普转简", filing: maritimeCriminalFiling("s-13"), rec: ordinary,
			setup: many(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, ordinary, "2024-03-05") }),
			out:   func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, ordToSimp, simplified, "2024-03-06") },
			rule:  "CRPL_NO_ORDINARY_TO_SIMPLIFIED"},
		{name: "near miss: the basic court's fast-track case → ordinary", filing: criminalFiling("s-14", true), rec: fastTrack,
			out: func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, ftToOrd, ordinary, "2024-03-06") }},
		// 人民陪审员法第十六条第二项.
		{name: "行政公益诉讼: simplified chosen at filing", filing: adminSuitFiling("s-15"), rec: ordinary,
			out:  func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, simplified, "2024-03-06") },
			rule: "PROCEDURE_EXCLUDED", article: "人民陪审员法第十六条第二项", code: "ASSESSORS16_ADMIN_PUBLIC_INTEREST_SUIT"},
		{name: "行政公益诉讼: single judge → panel", filing: adminSuitFiling("s-16"), rec: ordinary,
			out: func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL, ordinary, "2024-03-06")
			},
			rule: "ALL68_83_NO_SINGLE_JUDGE_TO_PANEL"},
		{name: "near miss: information disclosure, simplified confirmed", filing: adminFiling("s-17"), rec: simplified,
			out: func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, simplified, "2024-03-06") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, tt.filing)
			if d.GetRecommended() != tt.rec {
				t.Fatalf("recommended %v, want %v (options %v)", d.GetRecommended(), tt.rec, d.GetOptions())
			}
			var setup []*triagev1.Outcome
			if tt.setup != nil {
				setup = tt.setup(d)
				for _, o := range setup {
					if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o}); err != nil {
						t.Fatalf("setup %v: %v", o.GetChange(), err)
					}
				}
			}
			resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: tt.out(d)})
			if tt.rule == "" {
				if err != nil {
					t.Fatalf("RecordOutcome: %v, want it accepted", err)
				}
				if resp.GetOutcome().GetTimeLimit() == nil {
					t.Errorf("accepted without a time limit: %v", resp.GetOutcome())
				}
				return
			}
			s := checkStatus(t, err, codes.FailedPrecondition, "", tt.rule)
			if !strings.Contains(s.Message(), tt.article) || !strings.Contains(s.Message(), tt.code) {
				t.Errorf("message %q does not cite %q and name %q", s.Message(), tt.article, tt.code)
			}
			if tt.article != "" && !strings.Contains(violationSubject(s), tt.article) {
				t.Errorf("violation subject %q does not cite %q", violationSubject(s), tt.article)
			}
			outs, err := st.ListOutcomes(ctx, d.GetDecisionId())
			if err != nil {
				t.Fatal(err)
			}
			if want := len(setup); len(outs) != want {
				t.Errorf("%d outcomes stored, want %d: a refused outcome was stored", len(outs), want)
			}
		})
	}
}

// violationSubject is the article a FAILED_PRECONDITION's violation cites.
func violationSubject(s *status.Status) string {
	for _, d := range s.Details() {
		if pf, ok := d.(*errdetails.PreconditionFailure); ok && len(pf.GetViolations()) > 0 {
			return pf.GetViolations()[0].GetSubject()
		}
	}
	return ""
}

// panelTeams is a teams file whose 速裁团队 also list ordinary procedure, as
// a court may (CPL 40 ¶2 lets a basic court's judge try a civil ordinary
// case alone).
func panelTeams() routing.File {
	team := func(id, kind string, fast bool, procs ...string) routing.TeamEntry {
		return routing.TeamEntry{ID: id, Name: id, CaseKinds: []string{kind}, Procedures: procs, FastTrack: fast, Capacity: 50}
	}
	return routing.File{Version: "panel-1", Court: "测试法院", Teams: []routing.TeamEntry{
		team("civil-fast", "CASE_KIND_CIVIL", true, "PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		team("civil", "CASE_KIND_CIVIL", false, "PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		team("admin-fast", "CASE_KIND_ADMINISTRATIVE", true, "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		team("admin", "CASE_KIND_ADMINISTRATIVE", false, "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		team("criminal-fast", "CASE_KIND_CRIMINAL", true, "PROCEDURE_FAST_TRACK", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
		team("criminal", "CASE_KIND_CRIMINAL", false, "PROCEDURE_FAST_TRACK", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"),
	}}
}

// TestPanelCasesStayOffFastTrackTeams: a case the law tries by a panel under
// the procedure in force — criminal ordinary (刑事诉讼法第一百八十三条),
// administrative ordinary (行政诉讼法第六十八条; a 行政公益诉讼 a seven-member
// panel, 人民陪审员法第十六条第二项), a 第三人撤销之诉 (民诉法解释第二百九十二条) —
// is neither drawn to, kept by after a conversion, nor designated to a
// 速裁团队, even one that lists ordinary procedure; a civil ordinary case at a
// basic court (民事诉讼法第四十条第二款) and simplified cases may be.
func TestPanelCasesStayOffFastTrackTeams(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, panelTeams())})
	ctx := testContext(t)

	// Drawn at filing.
	maritime := triageOK(t, ctx, h.client, maritimeCriminalFiling("p-1"))
	suit := triageOK(t, ctx, h.client, adminSuitFiling("p-2"))
	revocation := triageOK(t, ctx, h.client, suitFiling("p-3", "第三人撤销之诉"))
	objection := triageOK(t, ctx, h.client, suitFiling("p-4", "案外人执行异议之诉"))
	info := triageOK(t, ctx, h.client, adminFiling("p-5"))
	payOrder := triageOK(t, ctx, h.client, suitFiling("p-8", "申请支付令"))     // REVIEW_NON_CONTENTIOUS_CAUSE
	envSuit := triageOK(t, ctx, h.client, suitFiling("p-9", "环境污染民事公益诉讼")) // review and CPL 42(1)
	for _, c := range []struct {
		name string
		d    *triagev1.Decision
		proc triagev1.Procedure
		team string
	}{
		{"maritime criminal case, ordinary (CrPL 183)", maritime, ordinary, "criminal"},
		{"行政公益诉讼, ordinary (ALL 68)", suit, ordinary, "admin"},
		{"第三人撤销之诉, ordinary (Interp. 292)", revocation, ordinary, "civil"},
		{"near miss: 执行异议之诉 at a basic court, ordinary (CPL 40 ¶2)", objection, ordinary, "civil-fast"},
		{"near miss: information disclosure, simplified", info, simplified, "admin-fast"},
		{"申请支付令 under review, ordinary", payOrder, ordinary, "civil"},
		{"环境污染民事公益诉讼 under review, ordinary", envSuit, ordinary, "civil"},
	} {
		if c.d.GetRecommended() != c.proc || c.d.GetAssignment().GetTeamId() != c.team {
			t.Errorf("%s: %v drawn to %q, want %v to %s", c.name, c.d.GetRecommended(), c.d.GetAssignment().GetTeamId(), c.proc, c.team)
		}
	}

	// Kept or drawn again after a conversion: fast-track → ordinary leaves
	// the criminal 速裁团队; fast-track → simplified stays.
	ft := triageOK(t, ctx, h.client, criminalFiling("p-6", true))
	ft2 := triageOK(t, ctx, h.client, criminalFiling("p-7", true))
	if ft.GetAssignment().GetTeamId() != "criminal-fast" || ft2.GetAssignment().GetTeamId() != "criminal-fast" {
		t.Fatalf("fast-track cases drawn to %q, %q; the test needs criminal-fast", ft.GetAssignment().GetTeamId(), ft2.GetAssignment().GetTeamId())
	}
	resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(ft, ftToOrd, ordinary, "2024-03-06")})
	if err != nil {
		t.Fatalf("速裁转普: %v", err)
	}
	if got := resp.GetReassignment(); got.GetTeamId() != "criminal" || got.GetPreviousTeamId() != "criminal-fast" {
		t.Errorf("after fast-track → ordinary the case is with %q (reassignment %v), want it drawn off criminal-fast to criminal", got.GetTeamId(), got)
	}
	resp, err = h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
		Outcome: outcome(ft2, triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED, simplified, "2024-03-06")})
	if err != nil {
		t.Fatalf("速裁转简: %v", err)
	}
	if resp.GetReassignment() != nil {
		t.Errorf("near miss: fast-track → simplified moved the case off criminal-fast: %v", resp.GetReassignment())
	}

	// Designated.
	for _, c := range []struct {
		name string
		d    *triagev1.Decision
		away string // a team the case is designated to first, so that the designation tested moves it
		team string
		rule string // "" = accepted
	}{
		{"maritime criminal case to the criminal 速裁团队", maritime, "", "criminal-fast", "PANEL_CASE_TO_FAST_TRACK"},
		{"converted fast-track case back to the criminal 速裁团队", ft, "", "criminal-fast", "PANEL_CASE_TO_FAST_TRACK"},
		// Also under review (REVIEW_PUBLIC_INTEREST, read from its cause),
		// which the designation check names first.
		{"行政公益诉讼 to the administrative 速裁团队", suit, "", "admin-fast", "REVIEW_CASE_TO_FAST_TRACK"},
		{"第三人撤销之诉 to the civil 速裁团队", revocation, "", "civil-fast", "PANEL_CASE_TO_FAST_TRACK"},
		{"near miss: 执行异议之诉 to the civil 速裁团队", objection, "civil", "civil-fast", ""},
		{"near miss: information disclosure to the administrative 速裁团队", info, "admin", "admin-fast", ""},
		// The one team here that may try it as a panel, and it was drawn
		// there: the law lets it stay (not PANEL_CASE_TO_FAST_TRACK), and
		// a designation there would move nothing.
		{"near miss: maritime criminal case to the criminal trial team", maritime, "", "criminal", "ALREADY_WITH_TEAM"},
		{"申请支付令 to the civil 速裁团队", payOrder, "", "civil-fast", "REVIEW_CASE_TO_FAST_TRACK"},
		{"环境污染民事公益诉讼 to the civil 速裁团队", envSuit, "", "civil-fast", "REVIEW_CASE_TO_FAST_TRACK"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.away != "" {
				if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
					DecisionId: c.d.GetDecisionId(), TeamId: c.away, DesignatedBy: "president-07", Reason: "院长指定。"}); err != nil {
					t.Fatalf("AssignCase to %s: %v", c.away, err)
				}
			}
			_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
				DecisionId: c.d.GetDecisionId(), TeamId: c.team, DesignatedBy: "president-07", Reason: "院长指定。"})
			if c.rule == "" {
				if err != nil {
					t.Fatalf("AssignCase: %v, want it accepted", err)
				}
				return
			}
			checkStatus(t, err, codes.FailedPrecondition, "", c.rule)
		})
	}
}

// TestCorrectedFactsStayOffFastTrackTeams: an outcome that corrects the facts
// re-evaluates the case for the bench as well as for the procedure. A case
// the court finds to be a 第三人撤销之诉 (民诉法解释第二百九十二条: a panel) or
// a public-interest case (民事诉讼法第四十二条第一项: a panel; review) leaves
// the 速裁团队 it was drawn to, even under a procedure that team takes, and
// cannot be designated back; a correction of the amount alone leaves it there.
func TestCorrectedFactsStayOffFastTrackTeams(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, panelTeams())})
	ctx := testContext(t)
	corrected := func(d *triagev1.Decision, change triagev1.ChangeKind, p triagev1.Procedure, f *triagev1.Filing) *triagev1.Outcome {
		o := outcome(d, change, p, "2024-03-06")
		o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "原告2024年3月6日提交的起诉状更正；民事诉讼法第五十九条第三款"}
		return o
	}
	designate := func(d *triagev1.Decision, team string) error {
		_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: d.GetDecisionId(), TeamId: team, DesignatedBy: "president-07", Reason: "院长指定。"})
		return err
	}

	for _, tc := range []struct {
		name   string
		filing *triagev1.Filing
		change triagev1.ChangeKind
		proc   triagev1.Procedure
		fix    func(f *triagev1.Filing)
		moved  bool   // off civil-fast to civil
		rule   string // why a designation back is refused
	}{
		{name: "执行异议之诉 found to be a 第三人撤销之诉, ordinary kept", filing: suitFiling("c-1", "案外人执行异议之诉"),
			change: confirmed, proc: ordinary, fix: func(f *triagev1.Filing) { f.Cause = "第三人撤销之诉" }, moved: true, rule: "PANEL_CASE_TO_FAST_TRACK"},
		{name: "loan found to concern the public interest, ordinary chosen", filing: loanFiling("c-2"),
			change: overridden, proc: ordinary, fix: func(f *triagev1.Filing) { f.Circumstances = &triagev1.Circumstances{PublicInterest: true} }, moved: true, rule: "REVIEW_CASE_TO_FAST_TRACK"},
		{name: "near miss: 执行异议之诉 with a corrected amount, ordinary kept", filing: suitFiling("c-3", "案外人执行异议之诉"),
			change: confirmed, proc: ordinary, fix: func(f *triagev1.Filing) { f.ClaimAmountFen = 2_000_000 }},
		{name: "near miss: loan with a corrected amount, ordinary chosen", filing: loanFiling("c-4"),
			change: overridden, proc: ordinary, fix: func(f *triagev1.Filing) { f.ClaimAmountFen = 4_000_000 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, tc.filing)
			if got := d.GetAssignment().GetTeamId(); got != "civil-fast" {
				t.Fatalf("drawn to %q; the test needs civil-fast", got)
			}
			f := proto.Clone(tc.filing).(*triagev1.Filing)
			tc.fix(f)
			resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: corrected(d, tc.change, tc.proc, f)})
			if err != nil {
				t.Fatalf("RecordOutcome: %v", err)
			}
			moved := resp.GetReassignment()
			if !tc.moved {
				if moved != nil {
					t.Errorf("moved off civil-fast: %v", moved)
				}
				// Still with civil-fast, where a designation would move
				// nothing: designated away first, it may be designated back.
				if err := designate(d, "civil"); err != nil {
					t.Fatalf("designation to civil: %v", err)
				}
				if err := designate(d, "civil-fast"); err != nil {
					t.Errorf("designation back to civil-fast: %v, want it accepted", err)
				}
				return
			}
			if moved.GetTeamId() != "civil" || moved.GetPreviousTeamId() != "civil-fast" || moved.GetReason() == "" {
				t.Errorf("reassignment %v, want a draw off civil-fast to civil with a reason", moved)
			}
			checkStatus(t, designate(d, "civil-fast"), codes.FailedPrecondition, "", tc.rule)
		})
	}
}

// TestCorrectedReviewSignalLeavesFastTrack: with the embedded teams, a
// small-claims loan drawn to the 速裁团队 whose corrected text carries a
// signal of public attention (REVIEW_TEXT_SIGNAL) goes to a general civil
// team though small claims stays; a correction without one stays.
func TestCorrectedReviewSignalLeavesFastTrack(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	for _, tc := range []struct {
		name  string
		text  string
		moved bool
	}{
		{"text now reports media attention", reviewTextFiling("x").GetText(), true},
		{"near miss: text restated without a signal", loanFiling("x").GetText() + "被告已部分还款。", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, loanFiling("r-"+tc.name))
			if d.GetAssignment().GetTeamId() != "civil-fast-general" || d.GetNeedsReview() {
				t.Fatalf("drawn to %q, review %v; the test needs civil-fast-general", d.GetAssignment().GetTeamId(), d.GetNeedsReview())
			}
			f := loanFiling("r-" + tc.name)
			f.Text = tc.text
			o := outcome(d, confirmed, smallClaims, "2024-03-06")
			o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "原告2024年3月6日补充的起诉状"}
			resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
			if err != nil {
				t.Fatalf("RecordOutcome: %v", err)
			}
			moved := resp.GetReassignment()
			switch {
			case tc.moved && (moved == nil || !slices.Contains(generalCivil, moved.GetTeamId())):
				t.Errorf("reassignment %v, want a draw to a general civil team", moved)
			case !tc.moved && moved != nil:
				t.Errorf("moved: %v", moved)
			}
			if !tc.moved {
				// Still with civil-fast-general, where a designation would
				// move nothing: designated to a general team first, as the
				// moved case was drawn to one.
				if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
					DecisionId: d.GetDecisionId(), TeamId: generalCivil[0], DesignatedBy: "president-07", Reason: "院长指定。"}); err != nil {
					t.Fatalf("designation to %s: %v", generalCivil[0], err)
				}
			}
			_, err = h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
				DecisionId: d.GetDecisionId(), TeamId: "civil-fast-general", DesignatedBy: "president-07", Reason: "院长指定。"})
			if tc.moved {
				checkStatus(t, err, codes.FailedPrecondition, "", "REVIEW_CASE_TO_FAST_TRACK")
			} else if err != nil {
				t.Errorf("designation back: %v", err)
			}
		})
	}
}
