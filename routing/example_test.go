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
	eligible := teams.Eligible(d, f)
	cands := routing.Candidates(eligible, map[string]int64{"civil-trial-1": 65})
	draw := &triagev1.Draw{Seed: 20260101, Candidates: cands, Algorithm: routing.Algorithm} // in service: routing.NewDraw
	i, err := routing.Redraw(draw)
	if err != nil {
		panic(err)
	}
	for _, c := range cands {
		fmt.Printf("under review: %s free %d\n", c.GetTeamId(), c.GetFree())
	}
	fmt.Println("drawn:", cands[i].GetTeamId())
	// Output:
	// eligible: civil-fast-general
	// under review: civil-trial-1 free 5
	// under review: civil-trial-2 free 70
	// under review: civil-trial-3 free 60
	// drawn: civil-trial-3
}
