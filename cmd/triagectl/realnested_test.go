package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
)

// realCrimDir writes a small real-like criminal set, drug sales tried
// simplified and rape in ordinary procedure with an exception each, and
// returns its directory.
func realCrimDir(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	w := dataset.NewWriter(&buf)
	for i := range 12 {
		for _, c := range []struct {
			cause      string
			label, odd triagev1.Procedure
		}{
			{"贩卖毒品罪", triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY},
			{"强奸罪", triagev1.Procedure_PROCEDURE_ORDINARY, triagev1.Procedure_PROCEDURE_SIMPLIFIED},
		} {
			label := c.label
			if i == 0 {
				label = c.odd
			}
			f := evalFiling(fmt.Sprintf("%s%d", c.cause, i), triagev1.CaseKind_CASE_KIND_CRIMINAL)
			f.Cause, f.Text = c.cause, "公诉机关指控：被告人某某"+c.cause+"。"
			if err := w.Write(&triagev1.LabeledFiling{Filing: f, Label: label}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "criminal.jsonl"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRealCVNested runs the nested cross-validation on the small set and
// checks the report: the criminal kind, its references, repeats, choices
// and review rows.
func TestRealCVNested(t *testing.T) {
	dir := realCrimDir(t)
	rep, stdout := runNested(t, dir, "2", "50")
	if !strings.Contains(stdout, "nested cross-validation") || !strings.Contains(stdout, "chosen by the inner") {
		t.Errorf("table lacks its parts:\n%s", stdout)
	}
	if len(rep.Kinds) != 1 || rep.Kinds[0].Kind != "CASE_KIND_CRIMINAL" || rep.Kinds[0].N != 24 {
		t.Fatalf("kinds %+v, want criminal with 24 filings", rep.Kinds)
	}
	k := rep.Kinds[0]
	if k.Scorer == nil || k.Baseline == nil || k.Majority == nil || len(k.Chosen) == 0 || len(k.Review) != 3 {
		t.Errorf("incomplete kind report: %+v", k)
	}
	if k.Scorer.MacroF1 <= k.Baseline.MacroF1 {
		t.Errorf("nested macro-F1 %.3f not above the baseline's %.3f on a set the charge decides", k.Scorer.MacroF1, k.Baseline.MacroF1)
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

// TestAdjustSelectGuard selects civil and criminal priors with -guard
// civil: the civil choice is a guarded linear prior (the set's whereabouts
// decide it), the criminal one is not guarded, and another -select-seed
// still chooses; a guard for a kind not selected, an unknown kind and
// seed 0 are usage errors.
func TestAdjustSelectGuard(t *testing.T) {
	dir := realCivilDir(t)
	model := filepath.Join("..", "..", "classifier", "defaultmodel", "model")
	for _, seed := range []string{"1", "2"} {
		out := t.TempDir()
		e, stdout, _ := testEnv("")
		if err := runAdjust(context.Background(), e, []string{"-model", model, "-out", out, "-real", dir, "-select", "criminal,civil",
			"-guard", "civil", "-select-seed", seed, "-blend", "civil=1,criminal=1"}); err != nil {
			t.Fatal(err)
		}
		m, err := classifier.Load(out)
		if err != nil {
			t.Fatal(err)
		}
		rp := m.RealPrior()
		if rp == nil {
			t.Fatalf("seed %s: no prior written:\n%s", seed, stdout)
		}
		civil, crim := rp.Fits["CASE_KIND_CIVIL"], rp.Fits["CASE_KIND_CRIMINAL"]
		if civil.Method != classifier.RealLogit || !civil.Guard || civil.Weight == 0 {
			t.Errorf("seed %s: civil fit %+v, want a guarded linear prior", seed, civil)
		}
		if crim.Method == "" || crim.Guard {
			t.Errorf("seed %s: criminal fit %+v, want one chosen without the guard", seed, crim)
		}
	}
	out := t.TempDir()
	for _, args := range [][]string{
		{"-select", "civil", "-guard", "criminal"},
		{"-select", "civil", "-guard", "maritime"},
		{"-select", "civil", "-select-seed", "0"},
	} {
		e, _, _ := testEnv("")
		err := runAdjust(context.Background(), e, append([]string{"-model", model, "-out", out, "-real", dir}, args...))
		var u usageError
		if !errors.As(err, &u) {
			t.Errorf("%v: error %v, want a usage error", args, err)
		}
	}
}

// runNested runs `realcv -nested` with the baseline on the real set in dir
// (3 outer, 2 inner folds) and returns its JSON report and printed table.
func runNested(t *testing.T, dir, repeats, bootstrap string, extra ...string) (*NestedReport, string) {
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
	var rep NestedReport
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	return &rep, stdout.String()
}

// TestRealCVNestedFilters checks that -kind, -grid-weights and -features
// narrow what the nested cross-validation measures.
func TestRealCVNestedFilters(t *testing.T) {
	dir := realCrimDir(t)
	run := func(extra ...string) *NestedReport {
		t.Helper()
		rep, _ := runNested(t, dir, "1", "20", extra...)
		return rep
	}
	if rep := run("-kind", "civil"); len(rep.Kinds) != 0 {
		t.Errorf("-kind civil on criminal filings measured %d kinds", len(rep.Kinds))
	}
	if rep := run("-grid-weights", "0"); len(rep.Kinds) != 1 || strings.Join(rep.Kinds[0].Chosen, ";") != "counts w=0.00 ×3" {
		t.Errorf("-grid-weights 0: chose %v, want the base scorer alone in every fold", rep.Kinds)
	}
	rep := run("-methods", "linear", "-grid-weights", "1", "-features", classifier.FeaturesCivilSmall)
	for _, c := range rep.Kinds[0].Chosen {
		if !strings.Contains(c, classifier.FeaturesCivilSmall) || !strings.HasPrefix(c, "linear") {
			t.Errorf("-features %s: chose %s", classifier.FeaturesCivilSmall, c)
		}
	}
}

// TestRealCVNestedGridOptions checks that -bag, -guard and -min-lambda
// reach every linear candidate the inner folds choose, that the report
// records them, and that negative values are usage errors.
func TestRealCVNestedGridOptions(t *testing.T) {
	dir := realCrimDir(t)
	rep, _ := runNested(t, dir, "1", "20", "-methods", "linear", "-grid-weights", "1", "-bag", "3", "-bag-seed", "2", "-guard", "-min-lambda", "0.3")
	if want := (classifier.GridOptions{Bag: 3, BagSeed: 2, Guard: true, MinLambda: 0.3}); !reflect.DeepEqual(rep.Grid, want) {
		t.Errorf("report's grid options %+v, want %+v", rep.Grid, want)
	}
	if len(rep.Kinds) != 1 {
		t.Fatalf("%d kinds measured, want 1", len(rep.Kinds))
	}
	for _, c := range rep.Kinds[0].Chosen {
		if !strings.Contains(c, "bag=3/2") || !strings.Contains(c, "guarded") || !(strings.Contains(c, "λ=1 ") || strings.Contains(c, "λ=0.3 ")) {
			t.Errorf("chose %s: want a bagged, guarded candidate with λ ≥ 0.3", c)
		}
	}
	for _, bad := range [][]string{{"-bag", "-1"}, {"-min-lambda", "-0.1"}} {
		e, _, _ := testEnv("")
		err := runRealCV(context.Background(), e, append([]string{"-nested", "-models", "baseline", "-real", dir}, bad...))
		var u usageError
		if !errors.As(err, &u) {
			t.Errorf("%v: error %v, want a usage error", bad, err)
		}
	}
}

// TestRealCVNestedFoldSeeds checks that -fold-seeds deals the repeats
// with the seeds given, in order (seeds 1,2 are -repeats 2's dealings;
// 7 is another), that the report and the table name them, and that bad
// lists are usage errors.
func TestRealCVNestedFoldSeeds(t *testing.T) {
	dir := realCrimDir(t)
	def, _ := runNested(t, dir, "2", "0")
	got, stdout := runNested(t, dir, "9", "0", "-fold-seeds", "2,1,7")
	if !reflect.DeepEqual(def.FoldSeeds, []uint64{1, 2}) || !reflect.DeepEqual(got.FoldSeeds, []uint64{2, 1, 7}) || got.Repeats != 3 {
		t.Fatalf("fold seeds %v and %v (%d repeats), want [1 2] and [2 1 7] (3)", def.FoldSeeds, got.FoldSeeds, got.Repeats)
	}
	d, g := def.Kinds[0].Repeats, got.Kinds[0].Repeats
	if len(g) != 3 || d[0].MacroF1 != g[1].MacroF1 || d[1].MacroF1 != g[0].MacroF1 || !reflect.DeepEqual(d[1].Confusion, g[0].Confusion) {
		t.Errorf("per-dealing figures %v, want seed 1's and 2's of the default run (%v) in the order given", g, d)
	}
	if !strings.Contains(stdout, "fold seeds [2 1 7]") || !strings.Contains(stdout, "CRIMINAL macro-F1 per dealing: seed 2 ") ||
		!strings.Contains(stdout, "CRIMINAL recall per procedure, first dealing: ") {
		t.Errorf("table does not name the dealings:\n%s", stdout)
	}
	for _, bad := range [][]string{
		{"-nested", "-fold-seeds", "0,1"},
		{"-nested", "-fold-seeds", "3,3"},
		{"-nested", "-fold-seeds", "x"},
		{"-models", "baseline", "-fold-seeds", "3"},
	} {
		e, _, _ := testEnv("")
		err := runRealCV(context.Background(), e, append([]string{"-real", dir}, bad...))
		var u usageError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), "-fold-seeds") {
			t.Errorf("%v: error %v, want a usage error naming -fold-seeds", bad, err)
		}
	}
}

// realCivilDir is realCrimDir with civil filings added: loans of 2017
// over the small-claims limit, simplified unless the defendant's
// whereabouts are unknown, then ordinary (which the baseline does not
// read).
func realCivilDir(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	w := dataset.NewWriter(&buf)
	for i := range 12 {
		for _, c := range []struct {
			text  string
			yuan  int64
			label triagev1.Procedure
		}{
			{"诉讼请求：判令被告偿还借款。", 200_000, triagev1.Procedure_PROCEDURE_SIMPLIFIED},
			{"诉讼请求：判令被告偿还借款。被告下落不明。", 200_000, triagev1.Procedure_PROCEDURE_ORDINARY},
		} {
			f := evalFiling(fmt.Sprintf("c%d-%d", i, c.label), triagev1.CaseKind_CASE_KIND_CIVIL)
			f.Text, f.ClaimAmountFen, f.FiledOn = c.text, c.yuan*100, "2017-05-01"
			if err := w.Write(&triagev1.LabeledFiling{Filing: f, Label: c.label}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	dir := realCrimDir(t)
	if err := os.WriteFile(filepath.Join(dir, "civil.jsonl"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRealCVNestedCivilMethods checks that -methods takes the civil-only
// methods, that they are candidates for civil filings alone, and that an
// unknown method is a usage error.
func TestRealCVNestedCivilMethods(t *testing.T) {
	dir := realCivilDir(t)
	rep, _ := runNested(t, dir, "1", "20", "-methods", strings.Join([]string{classifier.RealCivilLaw, classifier.RealCivilOrdinal, classifier.RealRecalibrate}, ","))
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
	e, _, _ := testEnv("")
	err := runRealCV(context.Background(), e, []string{"-nested", "-models", "baseline", "-real", dir, "-methods", "civil-magic"})
	var u usageError
	if !errors.As(err, &u) {
		t.Errorf("-methods civil-magic: error %v, want a usage error", err)
	}
}
