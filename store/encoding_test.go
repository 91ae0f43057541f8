package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// TestDecisionEncodingHandedOver holds the bytes SaveDecision and SaveTriage
// hand to a caller that asked with WithDecisionEncoding (the server answers
// Triage with them) to the decision column as stored, byte for byte, and to
// the deterministic encoding of the decision as the call returned it: a
// decision drawn to a team, one that found no room (its unassigned draw and
// the plan's NoTeam reason joined in the writer), one with no teams to draw
// from, one saved without a plan. A call that fails hands nothing over.
func TestDecisionEncodingHandedOver(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		// One place: the first case takes it, the second finds none.
		one := store.TeamSlot{TeamID: "civil-a", Capacity: 1}
		cases := []struct {
			name string
			save func(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error
			// assigned: the call returns the decision with an assignment.
			assigned bool
		}{
			{"drawn", func(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
				return s.SaveTriage(ctx, d, f, plan(1, one))
			}, true},
			{"no room", func(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
				return s.SaveTriage(ctx, d, f, plan(2, one))
			}, false},
			{"no teams", func(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
				return s.SaveTriage(ctx, d, f, plan(3))
			}, false},
			{"no plan", func(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
				return s.SaveTriage(ctx, d, f, nil)
			}, false},
			{"SaveDecision", func(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
				return s.SaveDecision(ctx, d, f)
			}, false},
		}
		for i, c := range cases {
			d, f := triageCase(strconv.Itoa(9100+i), "2024-03-05")
			var enc []byte
			if err := c.save(store.WithDecisionEncoding(context.Background(), &enc), d, f); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if (d.GetAssignment() != nil) != c.assigned {
				t.Errorf("%s: assignment %v, want assigned %v", c.name, d.GetAssignment(), c.assigned)
			}
			var blob []byte
			if err := b.raw.QueryRow(b.q(`SELECT decision FROM decisions WHERE decision_id = ?`), d.GetDecisionId()).Scan(&blob); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if enc == nil || string(enc) != string(blob) {
				t.Errorf("%s: handed over %d bytes, not the %d stored", c.name, len(enc), len(blob))
			}
			want, err := (proto.MarshalOptions{Deterministic: true}).Marshal(d)
			if err != nil || string(want) != string(blob) {
				t.Errorf("%s: stored bytes are not the encoding of the decision returned (%v)", c.name, err)
			}
		}

		// A decision refused (its filing has one) hands nothing over.
		d, f := triageCase("9100", "2024-03-05")
		d.DecisionId += "-again"
		var enc []byte
		err := s.SaveTriage(store.WithDecisionEncoding(context.Background(), &enc), d, f, plan(4, one))
		if !errors.Is(err, store.ErrFilingDecided) || enc != nil {
			t.Errorf("second decision for a filing: err %v, %d bytes handed over; want ErrFilingDecided and none", err, len(enc))
		}
	})
}
