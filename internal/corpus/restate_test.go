package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRestate(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		p              float64
	}{
		{"p 0 leaves the text", "原告与被告系朋友。被告向原告借款。", "原告与被告系朋友。被告向原告借款。", 0},
		{"joins prose", "原告与被告系朋友。被告向原告借款。至今未还。", "原告与被告系朋友，被告向原告借款，至今未还。", 1},
		{"the last full stop stays", "被告至今未还。", "被告至今未还。", 1},
		{"a line break ends the paragraph", "被告至今未还。\n事实和理由：借款。", "被告至今未还。\n事实和理由：借款。", 1},
		{"numbered claims stay apart", "判令被告还款。二、诉讼费由被告负担。第三，其他。", "判令被告还款。二、诉讼费由被告负担。第三，其他。", 1},
		{"headings stay apart", "诉讼请求：还款。事实和理由：借款。此致", "诉讼请求：还款。事实和理由：借款。此致", 1},
		{"digits and Latin do not start prose", "借款。2019年。LPR。", "借款。2019年。LPR。", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := restate(rand.New(rand.NewPCG(1, 2)), tc.in, tc.p)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("restate(%q, %v) (-want +got):\n%s", tc.in, tc.p, diff)
			}
		})
	}
	// At p the share of joined boundaries is about p.
	text := strings.Repeat("被告向原告借款。", 2001)
	got := restate(rand.New(rand.NewPCG(3, 4)), text, 0.4)
	joined := float64(strings.Count(got, "，")) / 2000
	within(t, "share of boundaries joined at p 0.4", joined, 0.37, 0.43)
}

// TestCharges: every charge the corpus draws has facts of its own, is a
// charge of the rules' catalogue and has the allegation's expert-opinion
// share only if it is a charge.
func TestCharges(t *testing.T) {
	e := engine(t)
	for _, cc := range crimeCauses {
		if crimeFactWriters[cc.name] == nil {
			t.Errorf("%s has no facts writer (it would be written as homicide)", cc.name)
		}
		if got := e.LookupCause(criminal, cc.name).Name; got != cc.name {
			t.Errorf("%s: the catalogue resolves it to %q", cc.name, got)
		}
		if cc.minM > cc.maxM || cc.pPlea <= 0 || cc.pPlea >= 1 || cc.weight <= 0 {
			t.Errorf("%s: implausible parameters %+v", cc.name, *cc)
		}
	}
	for name := range appraisalStated {
		if !slicesContainsCharge(name) {
			t.Errorf("appraisalStated names %s, which the corpus does not draw", name)
		}
	}
	// The added charges' texts name what their facts are about, and cite an
	// expert opinion about as often as appraisalStated says.
	for _, tc := range []struct{ charge, word string }{
		{"强奸罪", "性关系"}, {"非法持有毒品罪", "毒品"}, {"滥伐林木罪", "株"}, {"聚众斗殴罪", "斗殴"},
		{"拒不执行判决、裁定罪", "判决"}, {"非法持有、私藏枪支、弹药罪", "枪"}, {"过失致人死亡罪", "死亡"},
	} {
		texts := causeTexts(t, tc.charge, 400)
		var word, appraised rate
		for _, s := range texts {
			word.add(strings.Contains(s, tc.word))
			appraised.add(strings.Contains(s, "鉴定"))
		}
		// A few allegations are one line (实施…行为) and state no facts.
		within(t, tc.charge+": texts naming "+tc.word, word.p(), 0.85, 1)
		p := appraisalStated[tc.charge]
		within(t, tc.charge+": texts citing an expert opinion", appraised.p(), p-0.1, p+0.1)
	}
}

func slicesContainsCharge(name string) bool {
	for _, cc := range crimeCauses {
		if cc.name == name {
			return true
		}
	}
	return false
}
