package realcv

import (
	"context"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"github.com/fenjian/fenjian/internal/realcv/realcvtest"
	"github.com/fenjian/fenjian/rules"
)

func testRules(t *testing.T) *rules.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// nestedConfig is the nested cross-validation with the baseline on
// filings, 3 outer and 2 inner folds, the prior's defaults as triagectl
// realcv gives them, and the fold seeds 1…repeats.
func nestedConfig(t *testing.T, filings []*triagev1.LabeledFiling, repeats, bootstrap int) NestedConfig {
	t.Helper()
	cfg := NestedConfig{Rules: testRules(t), Filings: filings, Folds: 3, Inner: 2, Alpha: 5,
		Methods: []string{classifier.RealCounts, classifier.RealLogit}, Features: []string{""},
		Bootstrap: bootstrap, MinConfidence: []float64{0.4, 0.5, 0.6}}
	for s := range repeats {
		cfg.FoldSeeds = append(cfg.FoldSeeds, uint64(s+1))
	}
	return cfg
}

// TestNested runs the nested cross-validation on the small criminal set
// and checks the report: the criminal kind, its references, repeats,
// choices and review rows, and that the prior beats the baseline on a set
// the charge decides.
func TestNested(t *testing.T) {
	rep, err := Nested(nestedConfig(t, realcvtest.Criminal(), 2, 50))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Kinds) != 1 || rep.Kinds[0].Kind != "CASE_KIND_CRIMINAL" || rep.Kinds[0].N != 24 {
		t.Fatalf("kinds %+v, want criminal with 24 filings", rep.Kinds)
	}
	k := rep.Kinds[0]
	if k.Scorer == nil || k.Baseline == nil || k.Majority == nil || len(k.Chosen) == 0 || len(k.Review) != 3 || len(k.Repeats) != 2 {
		t.Errorf("incomplete kind report: %+v", k)
	}
	if k.Scorer.MacroF1 <= k.Baseline.MacroF1 {
		t.Errorf("nested macro-F1 %.3f not above the baseline's %.3f on a set the charge decides", k.Scorer.MacroF1, k.Baseline.MacroF1)
	}
	if rep.Base != classifier.BaselineVersion || rep.Repeats != 2 {
		t.Errorf("base %q, %d repeats; want the baseline, 2", rep.Base, rep.Repeats)
	}
}

// TestNestedFilters checks that Kind, GridWeights and Features narrow what
// the nested cross-validation measures.
func TestNestedFilters(t *testing.T) {
	for _, tc := range []struct {
		name  string
		set   func(*NestedConfig)
		check func(*testing.T, *NestedReport)
	}{
		{"kind civil on criminal filings", func(c *NestedConfig) { c.Kind = "civil" }, func(t *testing.T, rep *NestedReport) {
			if len(rep.Kinds) != 0 {
				t.Errorf("measured %d kinds, want none", len(rep.Kinds))
			}
		}},
		{"grid weight 0", func(c *NestedConfig) { c.GridWeights = []float64{0} }, func(t *testing.T, rep *NestedReport) {
			if len(rep.Kinds) != 1 || strings.Join(rep.Kinds[0].Chosen, ";") != "counts w=0.00 ×3" {
				t.Errorf("chose %v, want the base scorer alone in every fold", rep.Kinds)
			}
		}},
		{"linear with one feature set", func(c *NestedConfig) {
			c.Methods, c.GridWeights, c.Features = []string{classifier.RealLogit}, []float64{1}, []string{classifier.FeaturesCivilSmall}
		}, func(t *testing.T, rep *NestedReport) {
			if len(rep.Kinds) != 1 {
				t.Fatalf("measured %d kinds, want 1", len(rep.Kinds))
			}
			for _, c := range rep.Kinds[0].Chosen {
				if !strings.Contains(c, classifier.FeaturesCivilSmall) || !strings.HasPrefix(c, "linear") {
					t.Errorf("chose %s, want linear on %s", c, classifier.FeaturesCivilSmall)
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := nestedConfig(t, realcvtest.Criminal(), 1, 20)
			tc.set(&cfg)
			rep, err := Nested(cfg)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, rep)
		})
	}
}

// TestNestedGridOptions checks that bagging, the guard, the least
// penalty and the ordinary recall target reach every linear candidate the inner folds choose, and that
// the report records them.
func TestNestedGridOptions(t *testing.T) {
	cfg := nestedConfig(t, realcvtest.Criminal(), 1, 20)
	cfg.Methods, cfg.GridWeights = []string{classifier.RealLogit}, []float64{1}
	cfg.Grid = classifier.GridOptions{Bag: 3, BagSeed: 2, Guard: true, MinLambda: 0.3, OrdinaryRecall: 0.9}
	rep, err := Nested(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if want := (classifier.GridOptions{Bag: 3, BagSeed: 2, Guard: true, MinLambda: 0.3, OrdinaryRecall: 0.9}); !reflect.DeepEqual(rep.Grid, want) {
		t.Errorf("report's grid options %+v, want %+v", rep.Grid, want)
	}
	if len(rep.Kinds) != 1 {
		t.Fatalf("%d kinds measured, want 1", len(rep.Kinds))
	}
	for _, c := range rep.Kinds[0].Chosen {
		if !strings.Contains(c, "bag=3/2") || !strings.Contains(c, "guarded") || !strings.Contains(c, "ord-bias=") || !(strings.Contains(c, "λ=1 ") || strings.Contains(c, "λ=0.3 ")) {
			t.Errorf("chose %s: want a bagged, guarded candidate with λ ≥ 0.3 and an ordinary bias chosen", c)
		}
	}
}

// dealTwice runs cfg's nested cross-validation with the fold seeds 1,2
// and again with 2,1,7.
func dealTwice(t *testing.T, cfg NestedConfig) (def, got *NestedReport) {
	t.Helper()
	var err error
	cfg.FoldSeeds = []uint64{1, 2}
	if def, err = Nested(cfg); err != nil {
		t.Fatal(err)
	}
	cfg.FoldSeeds = []uint64{2, 1, 7}
	if got, err = Nested(cfg); err != nil {
		t.Fatal(err)
	}
	return def, got
}

// TestNestedFoldSeeds checks that the repeats are the fold seeds given,
// one each, and that the per-dealing figures of seeds 1 and 2 stand in
// the order given. On this set every dealing decides alike, so the order
// itself is TestNestedFoldSeedOrder's, on the real filings.
func TestNestedFoldSeeds(t *testing.T) {
	def, got := dealTwice(t, nestedConfig(t, realcvtest.Criminal(), 0, 0))
	if !reflect.DeepEqual(def.FoldSeeds, []uint64{1, 2}) || !reflect.DeepEqual(got.FoldSeeds, []uint64{2, 1, 7}) || got.Repeats != 3 {
		t.Fatalf("fold seeds %v and %v (%d repeats), want [1 2] and [2 1 7] (3)", def.FoldSeeds, got.FoldSeeds, got.Repeats)
	}
	d, g := def.Kinds[0].Repeats, got.Kinds[0].Repeats
	if len(g) != 3 || d[0].MacroF1 != g[1].MacroF1 || d[1].MacroF1 != g[0].MacroF1 || !reflect.DeepEqual(d[1].Confusion, g[0].Confusion) {
		t.Errorf("per-dealing figures %v, want seed 1's and 2's of the default run (%v) in the order given", g, d)
	}
}

// TestNestedFoldSeedOrder checks on the real civil filings, where the
// dealing moves the figures (the small sets above are decided the same in
// every dealing), that each repeat's figures are its own seed's: 2,1,7
// gives 1,2's swapped, then another.
func TestNestedFoldSeedOrder(t *testing.T) {
	cfg := nestedConfig(t, realtest.Filings(t), 0, 0)
	cfg.Kind, cfg.Methods, cfg.GridWeights = "civil", []string{classifier.RealLogit}, []float64{1}
	def, got := dealTwice(t, cfg)
	if len(def.Kinds) != 1 || len(got.Kinds) != 1 {
		t.Fatalf("measured %d and %d kinds, want civil", len(def.Kinds), len(got.Kinds))
	}
	d, g := def.Kinds[0].Repeats, got.Kinds[0].Repeats
	if reflect.DeepEqual(d[0].Confusion, d[1].Confusion) {
		t.Fatalf("seeds 1 and 2 deal alike (%v): the order cannot show", d[0].Confusion)
	}
	if len(g) != 3 || !reflect.DeepEqual(g[0], d[1]) || !reflect.DeepEqual(g[1], d[0]) {
		t.Errorf("per-dealing figures %+v, want seed 2's then 1's of %+v", g, d)
	}
}

// TestNestedCivilMethods checks that the civil-only methods are candidates
// for civil filings alone, that they beat the baseline where the
// defendant's whereabouts decide, and that an unknown method is a
// MethodError naming it.
func TestNestedCivilMethods(t *testing.T) {
	cfg := nestedConfig(t, append(realcvtest.Civil(), realcvtest.Criminal()...), 1, 20)
	cfg.Methods = []string{classifier.RealCivilLaw, classifier.RealCivilOrdinal, classifier.RealRecalibrate}
	rep, err := Nested(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Kinds) != 2 {
		t.Fatalf("measured %d kinds, want civil and criminal", len(rep.Kinds))
	}
	for _, k := range rep.Kinds {
		for _, c := range k.Chosen {
			civilOnly := strings.HasPrefix(c, "civil-") || strings.HasPrefix(c, "recalibrate")
			switch {
			case k.Kind == "CASE_KIND_CRIMINAL" && !strings.HasPrefix(c, "counts w=0.00"):
				t.Errorf("criminal filings chose %s: the civil methods are not theirs", c)
			case k.Kind == "CASE_KIND_CIVIL" && !civilOnly && !strings.HasPrefix(c, "counts w=0.00"):
				t.Errorf("civil filings chose %s, outside the civil methods and the base scorer", c)
			}
		}
	}
	// Whereabouts unknown decides the set: the civil methods read it, the
	// baseline does not.
	civil := rep.Kinds[0]
	if civil.Kind != "CASE_KIND_CIVIL" || civil.Scorer.MacroF1 <= civil.Baseline.MacroF1 {
		t.Errorf("civil nested macro-F1 %.3f not above the baseline's %.3f on a set whereabouts decide", civil.Scorer.MacroF1, civil.Baseline.MacroF1)
	}
	cfg.Methods = []string{classifier.RealCounts, "civil-magic"}
	_, err = Nested(cfg)
	var me *MethodError
	if !errors.As(err, &me) || me.Method != "civil-magic" {
		t.Errorf("method civil-magic: error %v, want a MethodError naming it", err)
	}
}

// TestRun cross-validates the baseline with the real prior and the
// embedded model, twice as if two seeds, and checks the report: unlabelled
// filings skipped, the references and every configuration per kind, the
// seeds, the stability of two identical models (nothing changes) and the
// review rows.
func TestRun(t *testing.T) {
	def, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	unlabelled := realcvtest.Civil()[0]
	unlabelled.Label = triagev1.Procedure_PROCEDURE_UNSPECIFIED
	filings := append(append(realcvtest.Civil()[1:], realcvtest.Criminal()...), unlabelled)
	for _, tc := range []struct {
		name      string
		models    []*classifier.Model
		seeds     []uint64
		stability int
	}{
		{"baseline", []*classifier.Model{nil}, []uint64{0}, 0},
		{"model twice", []*classifier.Model{def, def}, []uint64{def.Manifest().Params.Seed, def.Manifest().Params.Seed}, 2 * 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Run(context.Background(), Config{Rules: testRules(t), Filings: filings, Folds: 2, Alpha: 5,
				Blends: []float64{1}, PriorWeights: []float64{0, 1}, MinConfidence: []float64{0.4, 0.6}, Bootstrap: 20, Models: tc.models})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Records != 47 || rep.Folds != 2 || !slices.Equal(rep.Seeds, tc.seeds) {
				t.Errorf("records %d folds %d seeds %v, want 47 labelled records in 2 folds, seeds %v", rep.Records, rep.Folds, rep.Seeds, tc.seeds)
			}
			// baseline, majority, then blend 1 × prior weights 0 and 1.
			if len(rep.Scorers) != 4 {
				t.Fatalf("%d scorers, want 4", len(rep.Scorers))
			}
			for _, s := range rep.Scorers {
				if len(s.ByKind) != 2 {
					t.Errorf("%s blend %v prior %v: %d kinds, want civil and criminal", s.Scorer, s.Blend, s.PriorWeight, len(s.ByKind))
				}
			}
			// 2 configurations × 2 thresholds × 2 kinds.
			if len(rep.Review) != 8 {
				t.Errorf("%d review rows, want 8", len(rep.Review))
			}
			if len(rep.Stability) != tc.stability {
				t.Fatalf("%d stability rows, want %d", len(rep.Stability), tc.stability)
			}
			for _, s := range rep.Stability {
				if s.AnyDiff != 0 || s.Pairwise != 0 {
					t.Errorf("%+v: the same model twice changed its recommendations", s)
				}
			}
		})
	}
}

// TestRunTrainingFails: a model that does not train fails the run, naming
// the seed, before any filing is decided.
func TestRunTrainingFails(t *testing.T) {
	_, err := Run(context.Background(), Config{Rules: testRules(t), Filings: realcvtest.Criminal(), Folds: 2, Alpha: 5,
		Blends: []float64{1}, PriorWeights: []float64{0}, Seeds: []uint64{7}, Trees: -1})
	if err == nil || !strings.HasPrefix(err.Error(), "seed 7: ") {
		t.Errorf("error %v, want a training failure naming seed 7", err)
	}
}

// TestStability checks the seed stability measure: per kind, the share of
// records whose recommendation differs in any run from the first, and the
// share of differing pairs of runs.
func TestStability(t *testing.T) {
	civil, crim := triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL
	s, o := triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	run := func(kinds []triagev1.CaseKind, recs ...triagev1.Procedure) []outcome {
		out := make([]outcome, len(recs))
		for i, r := range recs {
			out[i] = outcome{Kind: kinds[i], Recommended: r}
		}
		return out
	}
	kinds := []triagev1.CaseKind{crim, civil, civil}
	for _, tc := range []struct {
		name string
		runs [][]outcome
		want []Stability
	}{
		{"one seed", [][]outcome{run(kinds, s, s, o)}, nil},
		{"two seeds agree", [][]outcome{run(kinds, s, s, o), run(kinds, s, s, o)}, []Stability{
			{Blend: 0.5, PriorWeight: 1, Kind: "CASE_KIND_CIVIL"}, {Blend: 0.5, PriorWeight: 1, Kind: "CASE_KIND_CRIMINAL"}}},
		// Civil: the first record changes in the third run only (2 of its
		// 3 pairs differ), the second never; criminal: the only record
		// changes in the second run (2 of 3 pairs).
		{"three seeds", [][]outcome{run(kinds, s, s, o), run(kinds, o, s, o), run(kinds, s, o, o)}, []Stability{
			{Blend: 0.5, PriorWeight: 1, Kind: "CASE_KIND_CIVIL", AnyDiff: 0.5, Pairwise: 2.0 / 6},
			{Blend: 0.5, PriorWeight: 1, Kind: "CASE_KIND_CRIMINAL", AnyDiff: 1, Pairwise: 2.0 / 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stability(0.5, 1, tc.runs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("stability %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestSpreadOf checks the spread over repeats: the mean, the sample
// standard deviation (0 for one figure), the least and the greatest.
func TestSpreadOf(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want Spread
	}{
		{[]float64{0.5}, Spread{Mean: 0.5, SD: 0, Min: 0.5, Max: 0.5}},
		{[]float64{1, 3}, Spread{Mean: 2, SD: math.Sqrt2, Min: 1, Max: 3}},
		{[]float64{2, 4, 9}, Spread{Mean: 5, SD: math.Sqrt(13), Min: 2, Max: 9}},
	} {
		got := spreadOf(tc.xs)
		if math.Abs(got.Mean-tc.want.Mean) > 1e-12 || math.Abs(got.SD-tc.want.SD) > 1e-12 || got.Min != tc.want.Min || got.Max != tc.want.Max {
			t.Errorf("spreadOf(%v) = %+v, want %+v", tc.xs, got, tc.want)
		}
	}
}
