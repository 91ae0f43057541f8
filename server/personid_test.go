package server

import (
	"fmt"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestPersonIDLookalikes records outcomes and designations, as a clerk who
// may enter them for anyone, in the name of ids that show as J-0421 and are
// not J-0421: an invisible character after it, or a space that is not
// U+0020 inside it. Each one would be a second person beside J-0421 in the
// record, in the stats by judge and in every search for J-0421's rulings
// (outside check 17: a running triaged stored all ten on SQLite and on
// PostgreSQL). Each is refused with INVALID_ARGUMENT naming the field, and
// nothing of it reaches the store; ids that are what they look like pass.
func TestPersonIDLookalikes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
		ctx := testContext(t)

		for i, tc := range []struct {
			name, id string
			ok       bool
		}{
			{name: "the id itself", id: "J-0421", ok: true},
			{name: "U+0020 inside", id: "审判员 J-0421", ok: true},
			{name: "soft hyphen", id: "J-0421\u00ad"},
			{name: "zero-width joiner", id: "J-0421\u200d"},
			{name: "zero-width non-joiner inside", id: "J-\u200c0421"},
			{name: "left-to-right mark", id: "J-0421\u200e"},
			{name: "combining grapheme joiner", id: "J-0421\u034f"},
			{name: "variation selector", id: "J-0421\ufe0f"},
			{name: "tag character", id: "J-0421\U000e0041"},
			{name: "no-break space inside", id: "J\u00a00421"},
			{name: "en quad inside", id: "J\u20000421"},
			{name: "replacement character", id: "J-0421\ufffd"},
			{name: "private use", id: "J-0421\ue000"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				d := triageOK(t, ctx, h.client, loanFiling(fmt.Sprintf("pid-%s-%d", b.name, i)))
				o := outcome(d, confirmed, smallClaims, "2024-03-06")
				o.DecidedBy = tc.id
				_, oerr := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
				// A general team takes small claims; the draw sent the loan to a 速裁团队.
				to := generalCivil[0]
				if d.GetAssignment().GetTeamId() == to {
					to = generalCivil[1]
				}
				_, aerr := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: to, DesignatedBy: tc.id, Reason: "院长指定。"})
				if tc.ok {
					if oerr != nil || aerr != nil {
						t.Fatalf("%+q: RecordOutcome: %v; AssignCase: %v; want both OK", tc.id, oerr, aerr)
					}
					return
				}
				checkStatus(t, oerr, codes.InvalidArgument, "outcome.decided_by", "")
				checkStatus(t, aerr, codes.InvalidArgument, "designated_by", "")
				c, err := st.GetCase(ctx, d.GetDecisionId())
				if err != nil {
					t.Fatal(err)
				}
				if len(c.Outcomes) != 0 || len(c.Assignments) != 1 {
					t.Errorf("%+q: the store holds %d outcomes and %d assignments, want none and the draw", tc.id, len(c.Outcomes), len(c.Assignments))
				}
			})
		}
	})
}
