package classifier

import (
	"context"
	"math"
	"slices"
	"sync"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/corpus"
	"github.com/fenjian/fenjian/triage"
)

// generate returns n corpus records of a seed.
func generate(t testing.TB, n int, seed uint64) []*triagev1.LabeledFiling {
	t.Helper()
	var out []*triagev1.LabeledFiling
	err := corpus.Generate(context.Background(), corpus.Config{N: n, Seed: seed}, testRules(t), func(lf *triagev1.LabeledFiling) error {
		out = append(out, lf)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestScoreConcurrent scores from many goroutines at once (run with -race)
// and checks every result against a sequential score.
func TestScoreConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := testRules(t)
	filings := generate(t, 300, 7)
	want := make([]triage.Probabilities, len(filings))
	for i, lf := range filings {
		if a, err := r.Evaluate(lf.GetFiling()); err == nil {
			m.Score(lf.GetFiling(), a, &want[i])
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range filings {
				i := (k*7 + g*31) % len(filings)
				a, err := r.Evaluate(filings[i].GetFiling())
				if err != nil {
					continue
				}
				var p triage.Probabilities
				m.Score(filings[i].GetFiling(), a, &p)
				if p != want[i] {
					t.Errorf("concurrent score of %d differs", i)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestFilteredExtractMatches: the scorer's filtered extraction (selected
// feature indices straight from the hash) sees exactly the selected buckets
// of a plain extraction, and scoring tolerates a filing without assessment.
func TestFilteredExtractMatches(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	plain := m.ext.NewVector()
	filtered := m.ext.NewVector()
	filtered.filter = m.nb.sel
	for _, lf := range generate(t, 100, 7) {
		m.ext.Extract(lf.GetFiling(), nil, plain)
		m.ext.Extract(lf.GetFiling(), nil, filtered)
		var want []uint32
		for _, b := range plain.Buckets {
			if j := m.nb.sel[b]; j != 0 {
				want = append(want, uint32(j-1))
			}
		}
		if !slices.Equal(want, filtered.Buckets) {
			t.Fatalf("%s: filtered %v, plain %v", lf.GetFiling().GetId(), filtered.Buckets, want)
		}
		var p triage.Probabilities
		m.Score(lf.GetFiling(), nil, &p)
		for _, c := range m.Classes() {
			if math.IsNaN(p[c]) || p[c] < 0 || p[c] > 1 {
				t.Fatalf("probability %v without assessment", p[c])
			}
		}
	}
}

// TestScoreWithoutEnsembleWhenBlendedAway: where the baseline blend's weight
// is 1, Score skips the ensemble; its probabilities must be those of the
// full arithmetic, (1−w)·ensemble + w·baseline, then the real prior, bit
// for bit.
func TestScoreWithoutEnsembleWhenBlendedAway(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := testRules(t)
	skipped := 0
	for _, lf := range generate(t, 300, 41) {
		f := lf.GetFiling()
		a, err := r.Evaluate(f)
		if err != nil {
			continue
		}
		k := f.GetCaseKind()
		var want triage.Probabilities
		s := m.pool.Get().(*scratch)
		m.ext.Extract(f, a, s.v)
		m.predict(s)
		for c, proc := range m.classes {
			want[proc] = s.probs[c]
		}
		m.pool.Put(s)
		if w := m.blend[k]; w > 0 {
			if w == 1 {
				skipped++
			}
			blendBaseline(f, a, &want, w)
		}
		if m.prior != nil {
			m.prior.Apply(f, a, &want)
		}
		var got triage.Probabilities
		m.Score(f, a, &got)
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("%s: procedure %d: %v, full arithmetic %v", f.GetId(), i, got[i], want[i])
			}
		}
	}
	if skipped == 0 {
		t.Fatal("no filing of a kind blended wholly into the baseline: the test checks nothing")
	}
}
