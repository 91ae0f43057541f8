package rules

import (
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestOneNameForArticle162Shared: a shared reason citing CPL art. 162
// under both amendments is replaced by the one shared copy of its filing
// date's amendment, with no allocation; a reason made for one filing is
// copied; the shared reason itself is never changed.
func TestOneNameForArticle162Shared(t *testing.T) {
	shared := reason(CodeReviewTextAmountCPL2017)
	before := shared.GetArticle()
	own := &triagev1.Reason{Code: CodeReviewTextAmountCPL2017, Article: before, Message: "own words"}
	for _, tc := range []struct {
		filed time.Time
		want  string
	}{
		{time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC), "民事诉讼法（2012年修正）第一百六十二条"},
		{time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), "民事诉讼法（2017年修正）第一百六十二条"},
	} {
		rs := []*triagev1.Reason{shared, own}
		a := &Assessment{FiledOn: tc.filed, ReviewReasons: rs}
		oneNameForArticle162(a)
		if got := a.ReviewReasons[0].GetArticle(); got != tc.want {
			t.Errorf("%s: shared reason's article %q, want %q", tc.filed.Format(time.DateOnly), got, tc.want)
		}
		if got := a.ReviewReasons[1]; got.GetArticle() != tc.want || got.GetMessage() != "own words" || got == own {
			t.Errorf("%s: own reason %v, want a copy citing %q", tc.filed.Format(time.DateOnly), got, tc.want)
		}
		first := a.ReviewReasons[0]
		allocs := testing.AllocsPerRun(100, func() {
			a.ReviewReasons = append(a.ReviewReasons[:0], shared)
			oneNameForArticle162(a)
		})
		if allocs != 0 || a.ReviewReasons[0] != first {
			t.Errorf("%s: %v allocations, same copy %v; want 0 and the one shared copy", tc.filed.Format(time.DateOnly), allocs, a.ReviewReasons[0] == first)
		}
	}
	if shared.GetArticle() != before {
		t.Errorf("the shared reason was changed: %q", shared.GetArticle())
	}
}
