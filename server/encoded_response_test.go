package server

import (
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// TestTriageAnswersWithStoredBytes: a stored Triage is answered with the
// bytes the store stored for the decision (wireService), not a second
// encoding of it. On the wire the response is byte for byte the
// deterministic encoding of {decision: the stored decision}, for a decision
// drawn to a team, one that found no room and one of a server without
// teams; a dry run and a direct call of Service.Triage still carry the
// decision as a message.
func TestTriageAnswersWithStoredBytes(t *testing.T) {
	cases := []struct {
		name  string
		teams *routing.Teams
		// assigned: the stored decisions are drawn to a team.
		assigned bool
	}{
		{"drawn", roomyTeams(t), true},
		{"no teams", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t, tempDB(t))
			h := startServer(t, deps{decider: newDecider(t), store: st, teams: c.teams})
			ctx := testContext(t)
			for i, dry := range []bool{false, true, false} {
				fl := validFiling()
				fl.Id = fl.GetId()[:len(fl.GetId())-len("号")] + string(rune('1'+i)) + "号"
				// Sent and received as bytes (hostile_test.go's rawCodec).
				payload, err := proto.Marshal(&triagev1.TriageRequest{Filing: fl, DryRun: dry})
				if err != nil {
					t.Fatal(err)
				}
				var wire []byte
				if err := h.conn.Invoke(ctx, triagev1.TriageService_Triage_FullMethodName, &payload, &wire, grpc.ForceCodecV2(rawCodec{})); err != nil {
					t.Fatalf("Triage %d: %v", i, err)
				}
				resp := &triagev1.TriageResponse{}
				if err := proto.Unmarshal(wire, resp); err != nil {
					t.Fatal(err)
				}
				d := resp.GetDecision()
				if d == nil || d.GetDryRun() != dry {
					t.Fatalf("Triage %d: decision %v, want dry_run %v", i, d, dry)
				}
				if dry {
					continue
				}
				if (d.GetAssignment() != nil) != c.assigned {
					t.Errorf("Triage %d: assignment %v, want assigned %v", i, d.GetAssignment(), c.assigned)
				}
				stored, err := st.GetDecision(ctx, d.GetDecisionId())
				if err != nil {
					t.Fatal(err)
				}
				want, err := (proto.MarshalOptions{Deterministic: true}).Marshal(&triagev1.TriageResponse{Decision: stored})
				if err != nil {
					t.Fatal(err)
				}
				if string(wire) != string(want) {
					t.Errorf("Triage %d: %d bytes on the wire, want the %d of the stored decision's encoding", i, len(wire), len(want))
				}
			}

			// What wireService hands gRPC's codec: the stored bytes as the
			// response's field, no message to encode again.
			fl := validFiling()
			fl.Id = fl.GetId()[:len(fl.GetId())-len("号")] + "9号"
			resp, err := wireService{h.svc}.Triage(ctx, &triagev1.TriageRequest{Filing: fl})
			if err != nil {
				t.Fatal(err)
			}
			raw := resp.ProtoReflect().GetUnknown()
			num, typ, n := protowire.ConsumeTag(raw)
			if resp.Decision != nil || num != responseDecisionField || typ != protowire.BytesType || n < 0 {
				t.Fatalf("wireService answered a decision message: %v, unknown %d bytes; want none and the stored bytes as field %d", resp.Decision != nil, len(raw), responseDecisionField)
			}
			enc, m := protowire.ConsumeBytes(raw[n:])
			if m != len(raw)-n {
				t.Fatalf("unknown bytes hold more than the decision")
			}
			got := &triagev1.Decision{}
			if err := proto.Unmarshal(enc, got); err != nil {
				t.Fatal(err)
			}
			stored, err := st.GetDecision(ctx, got.GetDecisionId())
			if err != nil {
				t.Fatal(err)
			}
			if want, _ := (proto.MarshalOptions{Deterministic: true}).Marshal(stored); string(want) != string(enc) {
				t.Errorf("wireService's bytes are not the stored decision's")
			}
			// Called directly, the Service answers a message.
			fl.Id = fl.GetId()[:len(fl.GetId())-len("9号")] + "8号"
			direct, err := h.svc.Triage(ctx, &triagev1.TriageRequest{Filing: fl})
			if err != nil || direct.GetDecision() == nil || len(direct.ProtoReflect().GetUnknown()) != 0 {
				t.Errorf("Service.Triage: %v, decision %v", err, direct.GetDecision())
			}
		})
	}
}
