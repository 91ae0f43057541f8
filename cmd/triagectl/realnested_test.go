package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"github.com/fenjian/fenjian/internal/realcv"
	"github.com/fenjian/fenjian/internal/realcv/realcvtest"
)

// realCrimDir writes realcvtest.Criminal, drug sales tried simplified and
// rapes in ordinary procedure with an exception each, as a directory of
// real filings and returns it.
func realCrimDir(t *testing.T) string {
	t.Helper()
	return realcvtest.WriteDir(t, map[string][]*triagev1.LabeledFiling{"criminal.jsonl": realcvtest.Criminal()})
}

// TestRealCVNested runs the nested cross-validation on the small set and
// checks what the command writes: the table's parts and the JSON report
// of the criminal kind (internal/realcv's tests check the figures).
func TestRealCVNested(t *testing.T) {
	dir := realCrimDir(t)
	rep, stdout := runNested(t, dir, "2", "50")
	for _, part := range []string{"nested cross-validation", "real prior (nested)", "chosen by the inner", "CRIMINAL macro-F1 per dealing: seed 1 ",
		"CRIMINAL recall per procedure, first dealing: ", "\nreview"} {
		if !strings.Contains(stdout, part) {
			t.Errorf("table lacks %q:\n%s", part, stdout)
		}
	}
	if len(rep.Kinds) != 1 || rep.Kinds[0].Kind != "CASE_KIND_CRIMINAL" || rep.Kinds[0].N != 24 || len(rep.Kinds[0].Review) != 3 {
		t.Fatalf("kinds %+v, want criminal with 24 filings and 3 review rows", rep.Kinds)
	}
}

// TestAdjustSelect attaches a cross-validated criminal prior to the
// shipped model and checks the written model carries it; bad -select
// values are usage errors.
func TestAdjustSelect(t *testing.T) {
	dir := realCrimDir(t)
	out := t.TempDir()
	e, stdout, _ := testEnv("")
	model := filepath.Join("..", "..", "classifier", "defaultmodel", "model")
	if err := runAdjust(context.Background(), e, []string{"-model", model, "-out", out, "-real", dir, "-select", "criminal",
		"-blend", "civil=1,criminal=1"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "CASE_KIND_CRIMINAL: ") {
		t.Errorf("no choice reported:\n%s", stdout)
	}
	m, err := classifier.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	rp := m.RealPrior()
	if rp == nil || rp.Fits["CASE_KIND_CRIMINAL"].Method == "" {
		t.Fatalf("written model has no selected criminal prior: %+v", rp)
	}
	for _, args := range [][]string{
		{"-model", model, "-out", out, "-real", dir, "-select", "maritime"},
		{"-model", model, "-out", out, "-real", dir, "-select", "criminal", "-prior-weight", "criminal=1"},
	} {
		err := runAdjust(context.Background(), e, args)
		var u usageError
		if !errors.As(err, &u) {
			t.Errorf("%v: error %v, want a usage error", args, err)
		}
	}
}

// TestAdjustSelectGuard checks -guard reaches the selection: with -guard
// civil (and -select-seed 2 taken) the civil prior written is guarded and
// the criminal one is not (internal/realcv's tests check the choices under
// each seed); a guard for a kind not selected, an unknown kind and seed 0
// are usage errors.
func TestAdjustSelectGuard(t *testing.T) {
	dir := realCivilDir(t)
	model := filepath.Join("..", "..", "classifier", "defaultmodel", "model")
	out := t.TempDir()
	e, stdout, _ := testEnv("")
	if err := runAdjust(context.Background(), e, []string{"-model", model, "-out", out, "-real", dir, "-select", "criminal,civil",
		"-guard", "civil", "-ordinary-recall", "civil=0.6", "-select-seed", "2", "-blend", "civil=1,criminal=1"}); err != nil {
		t.Fatal(err)
	}
	m, err := classifier.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	rp := m.RealPrior()
	if rp == nil {
		t.Fatalf("no prior written:\n%s", stdout)
	}
	if civil, crim := rp.Fits["CASE_KIND_CIVIL"], rp.Fits["CASE_KIND_CRIMINAL"]; !civil.Guard || crim.Method == "" || crim.Guard {
		t.Errorf("civil fit %+v, criminal fit %+v: want the civil one guarded, the criminal one chosen without the guard", civil, crim)
	}
	if civil, crim := rp.Fits["CASE_KIND_CIVIL"], rp.Fits["CASE_KIND_CRIMINAL"]; civil.Method == classifier.RealLogit && civil.Weight > 0 && civil.OrdinaryRecall != 0.6 || crim.OrdinaryRecall != 0 || crim.OrdinaryBias != 0 {
		t.Errorf("civil fit %+v, criminal fit %+v: want -ordinary-recall on the civil linear prior alone", civil, crim)
	}
	for _, args := range [][]string{
		{"-select", "civil", "-guard", "criminal"},
		{"-select", "civil", "-guard", "maritime"},
		{"-select", "civil", "-select-seed", "0"},
		{"-select", "civil", "-ordinary-recall", "criminal=0.6"},
		{"-select", "civil", "-ordinary-recall", "civil=1.2"},
	} {
		e, _, _ := testEnv("")
		err := runAdjust(context.Background(), e, append([]string{"-model", model, "-out", out, "-real", dir}, args...))
		var u usageError
		if !errors.As(err, &u) {
			t.Errorf("%v: error %v, want a usage error", args, err)
		}
	}
}

// TestAdjustSelectSeed checks -select-seed reaches the selection: on the
// real civil filings (skipped where they are absent; the small sets deal
// alike under every seed) seeds 1 and 2 print other figures.
func TestAdjustSelectSeed(t *testing.T) {
	var civil []*triagev1.LabeledFiling
	for _, lf := range realtest.Filings(t) {
		if lf.Filing.CaseKind == triagev1.CaseKind_CASE_KIND_CIVIL {
			civil = append(civil, lf)
		}
	}
	dir := realcvtest.WriteDir(t, map[string][]*triagev1.LabeledFiling{"civil.jsonl": civil})
	model := filepath.Join("..", "..", "classifier", "defaultmodel", "model")
	printed := map[string]string{}
	for _, seed := range []string{"1", "2"} {
		e, stdout, _ := testEnv("")
		if err := runAdjust(context.Background(), e, []string{"-model", model, "-out", t.TempDir(), "-real", dir, "-select", "civil",
			"-guard", "civil", "-select-seed", seed, "-blend", "civil=1,criminal=1"}); err != nil {
			t.Fatal(err)
		}
		printed[seed], _, _ = strings.Cut(stdout.String(), "\n")
	}
	if printed["1"] == printed["2"] || !strings.HasPrefix(printed["1"], "CASE_KIND_CIVIL: ") {
		t.Errorf("seed 1 printed %q, seed 2 %q: want each its own choice", printed["1"], printed["2"])
	}
}

// runNested runs `realcv -nested` with the baseline on the real set in dir
// (3 outer, 2 inner folds) and returns its JSON report and printed table.
func runNested(t *testing.T, dir, repeats, bootstrap string, extra ...string) (*realcv.NestedReport, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "nested.json")
	e, stdout, _ := testEnv("")
	args := append([]string{"-nested", "-models", "baseline", "-real", dir, "-folds", "3", "-inner", "2",
		"-repeats", repeats, "-bootstrap", bootstrap, "-out", out}, extra...)
	if err := runRealCV(context.Background(), e, args); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep realcv.NestedReport
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	return &rep, stdout.String()
}

// TestRealCVNestedFlags checks that each flag of -nested reaches the
// cross-validation: -kind, -grid-weights and -features narrow what it
// measures, -bag, -bag-seed, -guard and -min-lambda reach every linear
// candidate chosen, -fold-seeds deals the repeats and the table names
// them, -methods takes the civil-only methods.
func TestRealCVNestedFlags(t *testing.T) {
	crim, civil := realCrimDir(t), realCivilDir(t)
	for _, tc := range []struct {
		name  string
		dir   string
		args  []string
		check func(t *testing.T, rep *realcv.NestedReport, stdout string)
	}{
		{"-kind", crim, []string{"-kind", "civil"}, func(t *testing.T, rep *realcv.NestedReport, _ string) {
			if len(rep.Kinds) != 0 {
				t.Errorf("-kind civil on criminal filings measured %d kinds", len(rep.Kinds))
			}
		}},
		{"-grid-weights", crim, []string{"-grid-weights", "0"}, func(t *testing.T, rep *realcv.NestedReport, _ string) {
			if len(rep.Kinds) != 1 || strings.Join(rep.Kinds[0].Chosen, ";") != "counts w=0.00 ×3" {
				t.Errorf("-grid-weights 0: chose %v, want the base scorer alone in every fold", rep.Kinds)
			}
		}},
		{"-features", crim, []string{"-methods", "linear", "-grid-weights", "1", "-features", classifier.FeaturesCivilSmall},
			func(t *testing.T, rep *realcv.NestedReport, _ string) {
				if len(rep.Kinds) != 1 {
					t.Fatalf("%d kinds measured, want 1", len(rep.Kinds))
				}
				for _, c := range rep.Kinds[0].Chosen {
					if !strings.Contains(c, classifier.FeaturesCivilSmall) || !strings.HasPrefix(c, "linear") {
						t.Errorf("-features %s: chose %s", classifier.FeaturesCivilSmall, c)
					}
				}
			}},
		// internal/realcv's tests check that the options reach every linear
		// candidate; here that the flags reach the options.
		{"grid options", crim, []string{"-methods", "linear", "-grid-weights", "1", "-bag", "3", "-bag-seed", "2", "-guard", "-min-lambda", "0.3", "-ordinary-recall", "0.7"},
			func(t *testing.T, rep *realcv.NestedReport, _ string) {
				if want := (classifier.GridOptions{Bag: 3, BagSeed: 2, Guard: true, MinLambda: 0.3, OrdinaryRecall: 0.7}); !reflect.DeepEqual(rep.Grid, want) || len(rep.Kinds) != 1 {
					t.Errorf("report's grid options %+v over %d kinds, want %+v over 1", rep.Grid, len(rep.Kinds), want)
				}
			}},
		{"-fold-seeds", crim, []string{"-repeats", "9", "-fold-seeds", "2,1,7"}, func(t *testing.T, rep *realcv.NestedReport, stdout string) {
			if !reflect.DeepEqual(rep.FoldSeeds, []uint64{2, 1, 7}) || rep.Repeats != 3 || len(rep.Kinds) != 1 || len(rep.Kinds[0].Repeats) != 3 {
				t.Fatalf("fold seeds %v (%d repeats), want [2 1 7] (3) measured", rep.FoldSeeds, rep.Repeats)
			}
			if !strings.Contains(stdout, "fold seeds [2 1 7]") || !strings.Contains(stdout, "CRIMINAL macro-F1 per dealing: seed 2 ") {
				t.Errorf("table does not name the dealings:\n%s", stdout)
			}
		}},
		{"-repeats", crim, []string{"-repeats", "2"}, func(t *testing.T, rep *realcv.NestedReport, _ string) {
			if !reflect.DeepEqual(rep.FoldSeeds, []uint64{1, 2}) || rep.Repeats != 2 {
				t.Errorf("fold seeds %v (%d repeats), want [1 2] (2)", rep.FoldSeeds, rep.Repeats)
			}
		}},
		{"-methods", civil, []string{"-methods", strings.Join([]string{classifier.RealCivilLaw, classifier.RealCivilOrdinal, classifier.RealRecalibrate}, ",")},
			func(t *testing.T, rep *realcv.NestedReport, _ string) {
				if len(rep.Kinds) != 2 || len(rep.Methods) != 3 {
					t.Fatalf("methods %v measured %d kinds, want 3 methods on civil and criminal", rep.Methods, len(rep.Kinds))
				}
				for _, c := range rep.Kinds[0].Chosen {
					if !strings.HasPrefix(c, "civil-") && !strings.HasPrefix(c, "recalibrate") && !strings.HasPrefix(c, "counts w=0.00") {
						t.Errorf("civil filings chose %s, outside the civil methods and the base scorer", c)
					}
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, stdout := runNested(t, tc.dir, "1", "0", tc.args...)
			tc.check(t, rep, stdout)
		})
	}
}

// TestRealCVNestedUsage checks that bad -nested invocations are usage
// errors (exit 2) naming what is wrong.
func TestRealCVNestedUsage(t *testing.T) {
	dir := realCrimDir(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-nested", "-models", "baseline", "-bag", "-1"}, "-bag and -min-lambda must not be negative"},
		{[]string{"-nested", "-models", "baseline", "-min-lambda", "-0.1"}, "-bag and -min-lambda must not be negative"},
		{[]string{"-nested", "-models", "baseline", "-ordinary-recall", "1.5"}, "must be in [0, 1]"},
		{[]string{"-nested", "-models", "baseline", "-ordinary-recall", "-0.1"}, "must be in [0, 1]"},
		{[]string{"-nested", "-models", "baseline", "-ordinary-recall", "x"}, "must be in [0, 1]"},
		{[]string{"-nested", "-fold-seeds", "0,1"}, "-fold-seeds"},
		{[]string{"-nested", "-fold-seeds", "3,3"}, "-fold-seeds"},
		{[]string{"-nested", "-fold-seeds", "x"}, "-fold-seeds"},
		{[]string{"-models", "baseline", "-fold-seeds", "3"}, "-fold-seeds"},
		{[]string{"-nested", "-models", "baseline", "-methods", "civil-magic"}, `-methods: "civil-magic" is none of`},
		{[]string{"-nested", "-models", "a,b"}, "-nested takes one model dir in -models"},
	} {
		e, _, _ := testEnv("")
		err := runRealCV(context.Background(), e, append([]string{"-real", dir}, tc.args...))
		var u usageError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want a usage error naming %q", tc.args, err, tc.want)
		}
	}
}

// realCivilDir is realCrimDir with realcvtest.Civil added: loans of 2017
// over the small-claims limit, simplified unless the defendant's
// whereabouts are unknown, then ordinary (which the baseline does not
// read).
func realCivilDir(t *testing.T) string {
	t.Helper()
	return realcvtest.WriteDir(t, map[string][]*triagev1.LabeledFiling{"criminal.jsonl": realcvtest.Criminal(), "civil.jsonl": realcvtest.Civil()})
}
