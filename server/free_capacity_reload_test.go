package server

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/routing"
)

// TestFreeCapacityFollowsTheTable: fenjian_team_free_capacity follows a
// swapped teams table at the next scrape: a dropped team loses its series
// and a late draw of a call that read the old table does not bring it
// back; a changed capacity shifts the month's figure by the change, never
// below 0, also for a late draw made under the old capacity.
func TestFreeCapacityFollowsTheTable(t *testing.T) {
	a := writeTeams(t, tinyTeams()) // fast-a 7, fast-b 5, civil 3
	fb := tinyTeams()
	fb.Version = "tiny-2"
	for i, e := range fb.Teams {
		switch e.ID {
		case "fast-a":
			fb.Teams[i].Capacity = 10 // +3
		case "fast-b":
			fb.Teams[i].Capacity = 2 // -3
		case "civil":
			fb.Teams[i].ID = "civil-new"
		}
	}
	b := writeTeams(t, fb)
	const month = "2024-03" // fixedNow's
	for _, tc := range []struct {
		name   string
		before func(c *freeCapacity) // under table a
		after  func(c *freeCapacity) // under table b, before the scrape
		want   map[string]float64
	}{
		{
			name:   "a dropped team loses its series",
			before: func(c *freeCapacity) { c.set("civil", month, 3, 1) },
			want:   map[string]float64{},
		},
		{
			name:   "a late draw under the old table does not bring a dropped team back",
			before: func(c *freeCapacity) { c.set("civil", month, 3, 1) },
			after:  func(c *freeCapacity) { c.set("civil", month, 3, 0) },
			want:   map[string]float64{},
		},
		{
			name:   "more places show at once",
			before: func(c *freeCapacity) { c.set("fast-a", month, 7, 4) },
			want:   map[string]float64{"fast-a": 7},
		},
		{
			name:   "fewer places than the load show none",
			before: func(c *freeCapacity) { c.set("fast-b", month, 5, 1) },
			want:   map[string]float64{"fast-b": 0},
		},
		{
			name:   "fewer places than the capacity show the rest",
			before: func(c *freeCapacity) { c.set("fast-b", month, 5, 4) },
			want:   map[string]float64{"fast-b": 1},
		},
		{
			name:   "a late draw under the old capacity counts in the new",
			before: func(c *freeCapacity) { c.set("fast-a", month, 7, 4) },
			after:  func(c *freeCapacity) { c.set("fast-a", month, 7, 3) },
			want:   map[string]float64{"fast-a": 6},
		},
		{
			name:  "a team first drawn under the new table",
			after: func(c *freeCapacity) { c.set("civil-new", month, 3, 2) },
			want:  map[string]float64{"civil-new": 2},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			table := routing.NewTable(a)
			c := newFreeCapacity(func() time.Time { return fixedNow }, table)
			reg := prometheus.NewRegistry()
			reg.MustRegister(c)
			if tc.before != nil {
				tc.before(c)
			}
			if _, err := samples(reg, "fenjian_team_free_capacity"); err != nil { // a scrape under a
				t.Fatal(err)
			}
			if err := table.SetTeams(b); err != nil {
				t.Fatal(err)
			}
			if tc.after != nil {
				tc.after(c)
			}
			got, err := samples(reg, "fenjian_team_free_capacity")
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]float64{}
			for team, v := range tc.want {
				want[series("fenjian_team_free_capacity", map[string]string{"team": team})] = v
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fenjian_team_free_capacity (-want +got):\n%s", diff)
			}
		})
	}
}
