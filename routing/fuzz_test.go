package routing_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// FuzzLoad feeds arbitrary bytes to Load: it must never panic, and a file it
// accepts must keep every promise Load makes.
func FuzzLoad(f *testing.F) {
	f.Add(routing.DefaultFile())
	for _, name := range []string{"teams_minimal.json", "teams_gap.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"version":"v","teams":[{"id":"a","name":"n","case_kinds":["CASE_KIND_CIVIL"],"procedures":["PROCEDURE_ORDINARY"],"capacity":1}]}`))
	f.Add([]byte(`{"version":"v","teams":[{"id":"a","name":"n","case_kinds":["CASE_KIND_CIVIL","CASE_KIND_ADMINISTRATIVE","CASE_KIND_CRIMINAL"],"procedures":["PROCEDURE_SMALL_CLAIMS","PROCEDURE_SIMPLIFIED","PROCEDURE_ORDINARY","PROCEDURE_FAST_TRACK"],"causes":["纠纷案"],"capacity":100000}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ts, err := routing.Load(b)
		if err != nil {
			return
		}
		if ts.Version() == "" {
			t.Fatal("loaded without a version")
		}
		seen := map[string]bool{}
		for _, tm := range ts.All() {
			if seen[tm.ID] {
				t.Fatalf("id %q twice", tm.ID)
			}
			seen[tm.ID] = true
			if got, ok := ts.Team(tm.ID); !ok || got.ID != tm.ID {
				t.Fatalf("Team(%q) = %v, %v", tm.ID, got.ID, ok)
			}
			if tm.Capacity <= 0 || tm.Capacity > routing.MaxCapacity {
				t.Fatalf("team %s capacity %d", tm.ID, tm.Capacity)
			}
		}
		for _, l := range lawful {
			for _, review := range []bool{false, true} {
				el := ts.EligibleFor(l.k, l.p, "民间借贷纠纷", review)
				if len(el) == 0 {
					t.Fatalf("no team for %v %v review=%v", l.k, l.p, review)
				}
				slots := make([]routing.Slot, len(el))
				for i, tm := range el {
					slots[i] = routing.Slot{TeamID: tm.ID, Capacity: tm.Capacity}
				}
				if _, i, err := routing.Pick(1, slots); err != nil || i < 0 || i >= len(slots) {
					t.Fatalf("draw among %d eligible teams: %d, %v", len(slots), i, err)
				}
			}
		}
	})
}

// FuzzDraw draws with arbitrary seeds and weights (from 8-byte words, some
// negative, some huge): Draw must never panic, and a draw it makes must pick
// a candidate with weight, the same one every time and on Redraw.
func FuzzDraw(f *testing.F) {
	f.Add(uint64(0), []byte{10, 0, 0, 0, 0, 0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0})
	f.Add(uint64(42), []byte{0, 0, 0, 0, 0, 0, 0, 0})
	f.Add(uint64(7), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1})
	f.Add(uint64(1), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, seed uint64, raw []byte) {
		var cs []*triagev1.DrawCandidate
		for len(raw) >= 8 && len(cs) < 64 {
			cs = append(cs, &triagev1.DrawCandidate{TeamId: "t", Free: int64(binary.LittleEndian.Uint64(raw))})
			raw = raw[8:]
		}
		if len(raw) > 0 && len(cs) < 64 {
			cs = append(cs, &triagev1.DrawCandidate{TeamId: "r", Free: int64(raw[0])})
		}
		i, err := routing.Draw(seed, cs)
		if err != nil {
			return
		}
		if i < 0 || i >= len(cs) || cs[i].GetFree() <= 0 {
			t.Fatalf("drew %d of %d (weight %d)", i, len(cs), cs[i].GetFree())
		}
		if again, err := routing.Draw(seed, cs); err != nil || again != i {
			t.Fatalf("second draw %d (%v), first %d", again, err, i)
		}
		if again, err := routing.Redraw(&triagev1.Draw{Seed: seed, Candidates: cs, Algorithm: routing.Algorithm}); err != nil || again != i {
			t.Fatalf("redraw %d (%v), draw %d", again, err, i)
		}
	})
}
