package routing_test

import (
	"fmt"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// A simple loan case goes to the civil 速裁团队; the same case with a review
// signal goes to the general civil teams, drawn by free capacity. The draw
// is recorded with its seed, so it can be re-run.
func Example() {
	teams, err := routing.Default()
	if err != nil {
		panic(err)
	}
	f := &triagev1.Filing{CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Cause: "民间借贷纠纷"}
	d := &triagev1.Decision{CaseKind: f.CaseKind, Recommended: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS}
	for _, t := range teams.Eligible(d, f) {
		fmt.Println("eligible:", t.ID)
	}

	d.NeedsReview = true
	loads := map[string]int64{"civil-trial-1": 65, "civil-trial-2": 70} // this month's assignments
	var slots []routing.Slot
	for _, t := range teams.Eligible(d, f) {
		slots = append(slots, routing.Slot{TeamID: t.ID, Capacity: t.Capacity, Load: loads[t.ID]})
	}
	draw, i, err := routing.Pick(20260101, slots) // in service: a seed from routing.NewSeed
	if err != nil {
		panic(err)
	}
	for _, c := range draw.GetCandidates() {
		fmt.Printf("under review: %s free %d\n", c.GetTeamId(), c.GetFree())
	}
	fmt.Println("drawn:", draw.GetCandidates()[i].GetTeamId())
	if again, err := routing.Redraw(draw); err != nil || again != i {
		panic("the record does not replay")
	}
	// Output:
	// eligible: civil-fast-general
	// under review: civil-trial-1 free 5
	// under review: civil-trial-2 free 0
	// under review: civil-trial-3 free 60
	// drawn: civil-trial-3
}
