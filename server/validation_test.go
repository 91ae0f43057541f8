package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// TestRecordOutcomeFutureRuling: a ruling dated in the future is refused
// with INVALID_ARGUMENT on outcome.decided_on and nothing is stored, so the
// case stays recordable: the genuine 小额转普 dated 2024-04-10 that a stored
// 2100-01-01 would have refused for good (OUTCOME_BEFORE_PREVIOUS) is
// recorded afterwards.
func TestRecordOutcomeFutureRuling(t *testing.T) {
	h, st, ctx := startDefaultServer(t)
	d := triageOK(t, ctx, h.client, loanFiling("future-1")) // small claims, filed 2024-03-05
	if d.GetRecommended() != smallClaims {
		t.Fatalf("recommended %v; the test needs small claims", d.GetRecommended())
	}
	// Three days after today in Beijing: past the day of slack whatever
	// the hour of the run.
	beijing := time.FixedZone("CST", 8*3600)
	soon := time.Now().In(beijing).AddDate(0, 0, 3).Format(time.DateOnly)
	for _, day := range []string{"2100-01-01", soon} {
		_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, smallClaims, day)})
		s := checkStatus(t, err, codes.InvalidArgument, "outcome.decided_on", "")
		if !strings.Contains(s.Message(), "in the future") {
			t.Errorf("%s: message %q does not say the date is in the future", day, s.Message())
		}
		storedOutcomes(t, ctx, st, d, 0)
	}
	resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
		Outcome: outcome(d, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-04-10"),
	})
	if err != nil {
		t.Fatalf("小额转普 of 2024-04-10 after the refused future rulings: %v", err)
	}
	if got := storedOutcomes(t, ctx, st, d, 1); !proto.Equal(got[0], resp.GetOutcome()) {
		t.Errorf("stored %v, want the returned %v", got[0], resp.GetOutcome())
	}
}

// storedOutcomes fails the test unless decision d has n outcomes stored.
func storedOutcomes(t *testing.T, ctx context.Context, cs CaseStore, d *triagev1.Decision, n int) []*triagev1.Outcome {
	t.Helper()
	got, err := cs.ListOutcomes(ctx, d.GetDecisionId())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d outcomes stored, want %d: %v", len(got), n, got)
	}
	return got
}

// allAssignments counts the assignments in every team's feed: every stored
// decision is drawn to a team in its own transaction, and every designation
// is one, so an unchanged count means nothing was stored.
func allAssignments(t *testing.T, cs CaseStore, teams *routing.Teams) int {
	t.Helper()
	n := 0
	for _, tm := range teams.All() {
		n += len(teamFeed(t, cs, tm.ID))
	}
	return n
}

// TestFreeTextControlCharacters sends control characters and bidirectional
// overrides in every free-text field of Triage, RecordOutcome (with a
// correction) and AssignCase through a real server: each is refused with
// INVALID_ARGUMENT naming the field, the code point and its position, and
// nothing is stored. Tab, LF and CR in the multi-line fields, and Chinese
// with full-width punctuation everywhere, are stored as sent.
func TestFreeTextControlCharacters(t *testing.T) {
	st := openStore(t, tempDB(t))
	teams := defaultTeams(t)
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: teams})
	ctx := testContext(t)

	filing := func(id string, m func(*triagev1.Filing)) *triagev1.Filing {
		f := loanFiling(id)
		m(f)
		return f
	}
	for _, tc := range []struct {
		name, field, want string
		f                 *triagev1.Filing
	}{
		{"text with ESC", "filing.text", "control character U+001B at 14",
			filing("cc-1", func(f *triagev1.Filing) { f.Text = "诉讼请求：判令被告偿还借款。\u001b[2J" })},
		{"text with NUL", "filing.text", "control character U+0000 at 2",
			filing("cc-2", func(f *triagev1.Filing) { f.Text = "借款\x00" })},
		{"text with RLO", "filing.text", "bidirectional control character U+202E at 0",
			filing("cc-3", func(f *triagev1.Filing) { f.Text = "\u202e借款" })},
		{"cause with BEL", "filing.cause", "control character U+0007 at 6",
			filing("cc-4", func(f *triagev1.Filing) { f.Cause = "民间借贷纠纷\a" })},
		{"court with backspace", "filing.court", "control character U+0008 at 3",
			filing("cc-5", func(f *triagev1.Filing) { f.Court = "沈阳市\b和平区人民法院" })},
		{"party name with DEL", "filing.parties[0].name", "control character U+007F at 3",
			filing("cc-6", func(f *triagev1.Filing) { f.Parties[0].Name = "王秀英\x7f" })},
		{"party name with C1", "filing.parties[1].name", "control character U+0085 at 0",
			filing("cc-7", func(f *triagev1.Filing) { f.Parties[1].Name = "\u0085李建国" })},
		{"party name with PDI", "filing.parties[1].name", "bidirectional control character U+2069 at 3",
			filing("cc-8", func(f *triagev1.Filing) { f.Parties[1].Name = "李建国\u2069" })},
		{"party name with a newline", "filing.parties[0].name", "control character U+000A at 1",
			filing("cc-9", func(f *triagev1.Filing) { f.Parties[0].Name = "王\n秀英" })},
		{"id with ESC", "filing.id", "control character U+001B at 2",
			filing("cc\u001b10", func(*triagev1.Filing) {})},
	} {
		t.Run("Triage/"+tc.name, func(t *testing.T) {
			before := allAssignments(t, st, teams)
			resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: tc.f})
			s := checkStatus(t, err, codes.InvalidArgument, tc.field, "")
			if want := tc.field + ": " + tc.want; !strings.Contains(s.Message(), want) {
				t.Errorf("message %q, want it to contain %q", s.Message(), want)
			}
			if resp != nil {
				t.Errorf("response with an error: %v", resp)
			}
			if after := allAssignments(t, st, teams); after != before {
				t.Errorf("a refused filing was stored: %d assignments before, %d after", before, after)
			}
		})
	}

	// What is allowed is stored and returned as sent.
	okFiling := filing("cc-ok", func(f *triagev1.Filing) {
		f.Text = "诉讼请求：\r\n\t1.判令被告偿还借款30000元；\n\t2.诉讼费由被告承担。"
		f.Parties[0].Name = "王秀英（化名）"
	})
	d := triageOK(t, ctx, h.client, okFiling)
	if got, err := st.GetFiling(ctx, d.GetDecisionId()); err != nil || !proto.Equal(got, okFiling) {
		t.Errorf("stored filing %v (%v), want %v as sent", got, err, okFiling)
	}

	edit := func(m func(*triagev1.Outcome)) *triagev1.Outcome {
		o := outcome(d, confirmed, smallClaims, "2024-03-06")
		m(o)
		return o
	}
	corrected := proto.Clone(okFiling).(*triagev1.Filing)
	corrected.ClaimAmountFen = 2_000_000
	corrected.Text = "变更诉讼请求：\u001b]0;x\a"
	for _, tc := range []struct {
		name, field, want string
		o                 *triagev1.Outcome
	}{
		{"reason with ESC", "outcome.reason", "control character U+001B at 5",
			edit(func(o *triagev1.Outcome) { o.Reason = "当事人同意\u001b" })},
		{"reason with LRO", "outcome.reason", "bidirectional control character U+202D at 0",
			edit(func(o *triagev1.Outcome) { o.Reason = "\u202d理由" })},
		{"legal basis with a newline", "outcome.legal_basis", "control character U+000A at 5",
			edit(func(o *triagev1.Outcome) { o.LegalBasis = "民事诉讼法\n第一百六十五条" })},
		{"decided_by with NUL", "outcome.decided_by", "control character U+0000 at 5",
			edit(func(o *triagev1.Outcome) { o.DecidedBy = "judge\x00" })},
		{"correction basis with C1", "outcome.correction.basis", "control character U+009B at 3",
			edit(func(o *triagev1.Outcome) {
				o.Correction = &triagev1.FactCorrection{Filing: proto.Clone(okFiling).(*triagev1.Filing), Basis: "申请书\u009b"}
				o.Correction.Filing.ClaimAmountFen = 2_000_000
			})},
		{"corrected filing's text with ESC", "outcome.correction.filing.text", "control character U+001B at 7",
			edit(func(o *triagev1.Outcome) {
				o.Correction = &triagev1.FactCorrection{Filing: corrected, Basis: "原告2024年3月10日变更诉讼请求申请书"}
			})},
	} {
		t.Run("RecordOutcome/"+tc.name, func(t *testing.T) {
			_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: tc.o})
			s := checkStatus(t, err, codes.InvalidArgument, tc.field, "")
			if want := tc.field + ": " + tc.want; !strings.Contains(s.Message(), want) {
				t.Errorf("message %q, want it to contain %q", s.Message(), want)
			}
			storedOutcomes(t, ctx, st, d, 0)
		})
	}
	okOutcome := edit(func(o *triagev1.Outcome) { o.Reason = "一、标的额小；\r\n\t二、事实清楚。" })
	resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: okOutcome})
	if err != nil {
		t.Fatalf("outcome with a reason of lines: %v", err)
	}
	if got := storedOutcomes(t, ctx, st, d, 1); got[0].GetReason() != okOutcome.GetReason() || resp.GetOutcome().GetReason() != okOutcome.GetReason() {
		t.Errorf("reason stored %q, returned %q; want %q as sent", got[0].GetReason(), resp.GetOutcome().GetReason(), okOutcome.GetReason())
	}

	assign := func(m func(*triagev1.AssignCaseRequest)) *triagev1.AssignCaseRequest {
		r := &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-2", DesignatedBy: "president-07", Reason: "原承办团队需回避，院长指定。"}
		m(r)
		return r
	}
	for _, tc := range []struct {
		name, field, want string
		req               *triagev1.AssignCaseRequest
	}{
		{"reason with ESC", "reason", "control character U+001B at 2",
			assign(func(r *triagev1.AssignCaseRequest) { r.Reason = "回避\u001b[2J" })},
		// TrimSpace would have dropped it: the reason is checked as sent.
		{"reason led by NEL", "reason", "control character U+0085 at 0",
			assign(func(r *triagev1.AssignCaseRequest) { r.Reason = "\u0085回避" })},
		{"reason with RLI", "reason", "bidirectional control character U+2067 at 1",
			assign(func(r *triagev1.AssignCaseRequest) { r.Reason = "回\u2067避" })},
		{"designated_by with RLO", "designated_by", "bidirectional control character U+202E at 9",
			assign(func(r *triagev1.AssignCaseRequest) { r.DesignatedBy = "president\u202e07" })},
		{"designated_by with a tab", "designated_by", "control character U+0009 at 9",
			assign(func(r *triagev1.AssignCaseRequest) { r.DesignatedBy = "president\t07" })},
	} {
		t.Run("AssignCase/"+tc.name, func(t *testing.T) {
			before := allAssignments(t, st, teams)
			_, err := h.client.AssignCase(ctx, tc.req)
			s := checkStatus(t, err, codes.InvalidArgument, tc.field, "")
			if want := tc.field + ": " + tc.want; !strings.Contains(s.Message(), want) {
				t.Errorf("message %q, want it to contain %q", s.Message(), want)
			}
			if after := allAssignments(t, st, teams); after != before {
				t.Errorf("a refused designation was stored: %d assignments before, %d after", before, after)
			}
		})
	}
	okAssign := assign(func(r *triagev1.AssignCaseRequest) { r.Reason = "原承办团队需回避；\r\n\t院长指定。" })
	a, err := h.client.AssignCase(ctx, okAssign)
	if err != nil {
		t.Fatalf("designation with a reason of lines: %v", err)
	}
	if a.GetAssignment().GetReason() != okAssign.GetReason() {
		t.Errorf("reason returned %q, want %q as sent", a.GetAssignment().GetReason(), okAssign.GetReason())
	}
}

// TestRefusedInputLoggedEscaped: the ids a refused request carries are
// logged (which filing, which decision, which team), but the characters
// rules.ValidateText refuses — bidirectional overrides and isolates, C1
// controls, invisible characters — must not reach the log as they are:
// JSON escapes C0 controls only, and a U+202E in a filing id reorders the
// log line on the terminal or log viewer of whoever reads it. They are
// logged as \uXXXX escapes instead.
func TestRefusedInputLoggedEscaped(t *testing.T) {
	h, _, ctx := startDefaultServer(t)

	for _, tc := range []struct {
		name, raw, escaped string
		call               func(string) error
	}{
		{"Triage filing.id with RLO", "\u202e", `\\u202E`, func(s string) error {
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("ab" + s + "cd")})
			return err
		}},
		{"Triage filing.id with C1 CSI", "\u009b", `\\u009B`, func(s string) error {
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("x" + s + "31m")})
			return err
		}},
		{"Triage filing.id with LRI", "\u2066", `\\u2066`, func(s string) error {
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("y" + s + "z")})
			return err
		}},
		{"Triage filing.id with zero-width space", "\u200b", `\\u200B`, func(s string) error {
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("w" + s + "v")})
			return err
		}},
		{"GetDecision decision_id with RLI", "\u2067", `\\u2067`, func(s string) error {
			_, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: "01a2" + s + "3c03"})
			return err
		}},
		{"RecordOutcome decision_id with PDF", "\u202c", `\\u202C`, func(s string) error {
			_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: &triagev1.Outcome{DecisionId: "d" + s}})
			return err
		}},
		{"AssignCase team_id with LRO", "\u202d", `\\u202D`, func(s string) error {
			_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: "d", TeamId: "civil-trial-1" + s, DesignatedBy: "p", Reason: "r"})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(h.logs.String())
			checkStatus(t, tc.call(tc.raw), codes.InvalidArgument, "", "")
			logged := h.logs.String()[before:]
			if strings.Contains(logged, tc.raw) {
				t.Errorf("the log holds U+%04X as it was sent:\n%s", []rune(tc.raw)[0], logged)
			}
			if !strings.Contains(logged, tc.escaped) {
				t.Errorf("the log does not name the refused id with %s escaped:\n%s", tc.escaped, logged)
			}
		})
	}
}
