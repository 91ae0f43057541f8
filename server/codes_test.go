package server

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestCaseRPCCodes is the table of every code the case workflow's RPCs
// (RecordOutcome, AssignCase, WatchAssignments) can return, each produced
// by the real thing: a server without teams (FAILED_PRECONDITION), a closed
// store (UNAVAILABLE), a record that no longer decodes (INTERNAL, with
// nothing of the cause in the message), and requests whose client has gone (CANCELED, DEADLINE_EXCEEDED). The
// other tests of this package go through each code's cases in depth.
func TestCaseRPCCodes(t *testing.T) {
	ctx := testContext(t)
	teams := defaultTeams(t)

	// A working server.
	good := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: good, teams: teams})
	d := triageOK(t, ctx, h.client, loanFiling("codes-1"))

	// A server without teams.
	plain := startServer(t, deps{decider: newDecider(t), store: good})

	// A server whose store is closed under it.
	closedStore := openStore(t, tempDB(t))
	closed := startServer(t, deps{decider: newDecider(t), store: closedStore, teams: teams})
	dc := triageOK(t, ctx, closed.client, loanFiling("codes-2"))
	if err := closedStore.Close(); err != nil {
		t.Fatal(err)
	}

	// A server whose record holds an outcome and an assignment that do not
	// decode, as a damaged database or a newer, incompatible writer would
	// leave them.
	damagedPath := tempDB(t)
	damagedStore := openStore(t, damagedPath)
	damaged := startServer(t, deps{decider: newDecider(t), store: damagedStore, teams: teams})
	dd := triageOK(t, ctx, damaged.client, loanFiling("codes-3"))
	corrupt(t, damagedPath, dd.GetDecisionId())

	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired := expiredContext(t)

	outcomeReq := func(id string) *triagev1.RecordOutcomeRequest {
		o := outcome(d, confirmed, smallClaims, "2024-03-06")
		o.DecisionId = id
		return &triagev1.RecordOutcomeRequest{Outcome: o}
	}
	assignReq := func(id, team string) *triagev1.AssignCaseRequest {
		return &triagev1.AssignCaseRequest{DecisionId: id, TeamId: team, DesignatedBy: "president-1", Reason: "回避"}
	}
	unknown := uuid.Must(uuid.NewV7()).String()
	shortWatch := func(c triagev1.TriageServiceClient, team string, d time.Duration) error {
		wctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		stream, err := c.WatchAssignments(wctx, &triagev1.WatchAssignmentsRequest{TeamId: team})
		if err != nil {
			return err
		}
		for {
			if _, err := stream.Recv(); err != nil {
				return err
			}
		}
	}
	canceledWatch := func(c triagev1.TriageServiceClient, team string) error {
		wctx, cancel := context.WithCancel(context.Background())
		stream, err := c.WatchAssignments(wctx, &triagev1.WatchAssignmentsRequest{TeamId: team})
		if err != nil {
			cancel()
			return err
		}
		time.AfterFunc(feedQuiet, cancel)
		for {
			if _, err := stream.Recv(); err != nil {
				return err
			}
		}
	}

	tests := []struct {
		rpc, name string
		call      func() error
		code      codes.Code
		field     string
		rule      string
	}{
		{"RecordOutcome", "recorded", func() error { _, err := h.client.RecordOutcome(ctx, outcomeReq(d.GetDecisionId())); return err }, codes.OK, "", ""},
		{"RecordOutcome", "malformed", func() error { _, err := h.client.RecordOutcome(ctx, outcomeReq("x")); return err }, codes.InvalidArgument, "outcome.decision_id", ""},
		{"RecordOutcome", "unknown decision", func() error { _, err := h.client.RecordOutcome(ctx, outcomeReq(unknown)); return err }, codes.NotFound, "", ""},
		// A second confirmation, not the first sent again (that is a
		// replay, answered OK: TestOutcomeReplay).
		{"RecordOutcome", "forbidden by the record", func() error {
			r := outcomeReq(d.GetDecisionId())
			r.Outcome.DecidedOn = "2024-03-07"
			_, err := h.client.RecordOutcome(ctx, r)
			return err
		}, codes.FailedPrecondition, "", rules.RuleFilingChoiceNotFirst},
		{"RecordOutcome", "store closed", func() error { _, err := closed.client.RecordOutcome(ctx, outcomeReq(dc.GetDecisionId())); return err }, codes.Unavailable, "", ""},
		{"RecordOutcome", "damaged record", func() error { _, err := damaged.client.RecordOutcome(ctx, outcomeReq(dd.GetDecisionId())); return err }, codes.Internal, "", ""},
		{"RecordOutcome", "client canceled", func() error { _, err := h.svc.RecordOutcome(canceled, outcomeReq(d.GetDecisionId())); return err }, codes.Canceled, "", ""},
		{"RecordOutcome", "client deadline", func() error { _, err := h.svc.RecordOutcome(expired, outcomeReq(d.GetDecisionId())); return err }, codes.DeadlineExceeded, "", ""},

		{"AssignCase", "assigned", func() error {
			_, err := h.client.AssignCase(ctx, assignReq(d.GetDecisionId(), "civil-trial-1"))
			return err
		}, codes.OK, "", ""},
		{"AssignCase", "malformed", func() error { _, err := h.client.AssignCase(ctx, assignReq(d.GetDecisionId(), "nobody")); return err }, codes.InvalidArgument, "team_id", ""},
		{"AssignCase", "unknown decision", func() error { _, err := h.client.AssignCase(ctx, assignReq(unknown, "civil-trial-1")); return err }, codes.NotFound, "", ""},
		{"AssignCase", "team does not take the case", func() error {
			_, err := h.client.AssignCase(ctx, assignReq(d.GetDecisionId(), "administrative"))
			return err
		}, codes.FailedPrecondition, "", "TEAM_DOES_NOT_TAKE_CASE"},
		{"AssignCase", "already with the team", func() error {
			r := assignReq(d.GetDecisionId(), "civil-trial-1")
			r.Reason = "再次指定" // the same request again is a replay, answered OK
			_, err := h.client.AssignCase(ctx, r)
			return err
		}, codes.FailedPrecondition, "", "ALREADY_WITH_TEAM"},
		{"AssignCase", "server without teams", func() error {
			_, err := plain.client.AssignCase(ctx, assignReq(d.GetDecisionId(), "civil-trial-1"))
			return err
		}, codes.FailedPrecondition, "", "NO_TEAMS"},
		{"AssignCase", "store closed", func() error {
			_, err := closed.client.AssignCase(ctx, assignReq(dc.GetDecisionId(), "civil-trial-1"))
			return err
		}, codes.Unavailable, "", ""},
		{"AssignCase", "damaged record", func() error {
			_, err := damaged.client.AssignCase(ctx, assignReq(dd.GetDecisionId(), "civil-trial-1"))
			return err
		}, codes.Internal, "", ""},
		// Not civil-trial-1, where "assigned" put the case: the calls
		// would be refused for that too (ALREADY_WITH_TEAM).
		{"AssignCase", "client canceled", func() error {
			_, err := h.svc.AssignCase(canceled, assignReq(d.GetDecisionId(), "civil-trial-2"))
			return err
		}, codes.Canceled, "", ""},
		{"AssignCase", "client deadline", func() error {
			_, err := h.svc.AssignCase(expired, assignReq(d.GetDecisionId(), "civil-trial-2"))
			return err
		}, codes.DeadlineExceeded, "", ""},

		{"WatchAssignments", "malformed", func() error {
			return watchErr(t, h.client, &triagev1.WatchAssignmentsRequest{TeamId: "family", AfterCursor: "x"}).Err()
		}, codes.InvalidArgument, "after_cursor", ""},
		{"WatchAssignments", "server without teams", func() error {
			return watchErr(t, plain.client, &triagev1.WatchAssignmentsRequest{TeamId: "family"}).Err()
		}, codes.FailedPrecondition, "", "NO_TEAMS"},
		{"WatchAssignments", "store closed", func() error {
			return watchErr(t, closed.client, &triagev1.WatchAssignmentsRequest{TeamId: "civil-fast-general"}).Err()
		}, codes.Unavailable, "", ""},
		{"WatchAssignments", "damaged record", func() error {
			return watchErr(t, damaged.client, &triagev1.WatchAssignmentsRequest{TeamId: "administrative"}).Err()
		}, codes.Internal, "", ""},
		{"WatchAssignments", "server shutting down", func() error {
			stopping := startServer(t, deps{decider: newDecider(t), store: good, teams: teams})
			stopping.svc.StopFeeds()
			return watchErr(t, stopping.client, &triagev1.WatchAssignmentsRequest{TeamId: "family"}).Err()
		}, codes.Unavailable, "", ""},
		{"WatchAssignments", "client leaves", func() error { return canceledWatch(h.client, "family") }, codes.Canceled, "", ""},
		{"WatchAssignments", "client deadline", func() error { return shortWatch(h.client, "family", feedQuiet) }, codes.DeadlineExceeded, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rpc+"/"+tt.code.String()+"/"+tt.name, func(t *testing.T) {
			err := tt.call()
			if tt.code == codes.OK {
				if err != nil {
					t.Fatalf("%s: %v", tt.rpc, err)
				}
				return
			}
			st := checkStatus(t, err, tt.code, tt.field, tt.rule)
			if tt.code == codes.Internal && st.Message() != msgInternal {
				t.Errorf("message %q, want the generic %q", st.Message(), msgInternal)
			}
		})
	}
}

// corrupt appends to the SQLite record of decisionID an outcome and an
// assignment (to the administrative team) whose protobuf blobs do not
// decode, through a connection of its own, as an operator's shell would.
func corrupt(t *testing.T, path, decisionID string) {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`INSERT INTO outcomes (outcome_id, decision_id, procedure, change, decided_by, recorded_at, seq, outcome)
		 VALUES ('damaged-outcome', ?, 'PROCEDURE_ORDINARY', 'CHANGE_KIND_CONFIRMED', 'judge-1', 0, 1000000, x'ffffffff')`,
		`INSERT INTO assignments (assignment_id, decision_id, team_id, kind, period, assigned_at, seq, assignment)
		 VALUES ('damaged-assignment', ?, 'administrative', 'ASSIGNMENT_KIND_DESIGNATED', '2024-03', 0, 1000001, x'ffffffff')`,
	} {
		if _, err := db.ExecContext(context.Background(), q, decisionID); err != nil {
			t.Fatalf("damage the record: %v", err)
		}
	}
}
