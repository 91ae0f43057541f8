package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/corpus"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/training"
	"github.com/fenjian/fenjian/rules"
)

// courtModels are small models really trained by `triagectl train`, as a
// court's data staff would (outside check 14): Full on 3,000 generated
// filings, Court on the same filings with only 12 fast-track and 12 small
// claims cases left (train drops both labels, fewer than 20), Reseeded on
// the full filings with another seed whose model is worse than Full by at
// most 0.05 of macro-F1 on Eval (these four-tree models swing by 0.13
// between seeds, and which seed lands where moves with every change to the
// generated filings, so the seeds are found, not pinned); Eval is the
// filings among 6,000 other generated ones on which the rules make no
// option mandatory (FastTrack fast-track and SmallClaims small-claims
// cases). Where small claims is mandatory (CPL 165 ¶1) Pick counts
// simplified's share for it, so a model that never learnt small claims
// still recommends it wherever it finds the case simple: whether Court
// "loses" small claims on such filings moves with every change to the
// model's features (rules 2026-12-06.32: 6 of 211). Where small claims is
// only undetermined, a model without it never picks it. Stderr is what
// training each wrote on stderr, by model directory.
type courtModels struct {
	Full, Court, Reseeded, Eval string
	Stderr                      map[string]string
	// FastTrack and SmallClaims count Eval's fast-track and small-claims
	// cases (they move with the rules that label generated filings).
	FastTrack, SmallClaims int
}

// trainCourtModels trains the models into a temporary directory.
func trainCourtModels(t *testing.T) courtModels {
	t.Helper()
	dir := t.TempDir()
	m := courtModels{Eval: filepath.Join(dir, "eval.jsonl"), Stderr: map[string]string{}}
	kept := map[triagev1.Procedure]int{}
	keep := func(lf *triagev1.LabeledFiling) bool {
		switch p := lf.GetLabel(); p {
		case triagev1.Procedure_PROCEDURE_FAST_TRACK, triagev1.Procedure_PROCEDURE_SMALL_CLAIMS:
			kept[p]++
			return kept[p] <= 12
		}
		return true
	}
	full, courtData := filepath.Join(dir, "full.jsonl"), filepath.Join(dir, "court.jsonl")
	for _, f := range []struct {
		path    string
		n, seed int
		keep    func(*triagev1.LabeledFiling) bool
	}{
		{full, 3000, 5, nil},
		{courtData, 3000, 5, keep},
		{m.Eval, 6000, 9, noMandatory(t)},
	} {
		writeGenerated(t, f.path, f.n, f.seed, f.keep)
	}
	var stderr string
	m.Court, stderr = trainSmall(t, dir, courtData, "3")
	m.Stderr[m.Court] = stderr
	// Full and Reseeded: two seeds on the full filings whose models are
	// within 0.05 of macro-F1 on Eval, Full the better. Seeds are trained in
	// turn until two such models exist: which seed lands where moves with
	// every change to the generated filings, and these small models swing by
	// 0.13 between seeds, so neither seed nor order is pinned.
	// The pair must also not be one where the worse model loses a
	// procedure the better recommends (recall 0 against above 0): promote
	// refuses that whatever the tolerance, and "worse within the tolerance"
	// would test that refusal instead (rules 2026-12-06.24 moved the
	// generated filings so that the first pair found did: 3 of 792
	// simplified cases against none).
	type trained struct {
		dir, stderr string
		f1          float64
		recall      map[string]float64
	}
	loses := func(hi, lo trained) bool {
		for p, r := range hi.recall {
			if r > 0 && lo.recall[p] == 0 {
				return true
			}
		}
		return false
	}
	var seen []trained
	for seed := 3; m.Reseeded == "" && seed <= 16; seed++ {
		out, stderr := trainSmall(t, dir, full, strconv.Itoa(seed))
		f1, recall := evalMacroF1(t, out, m.Eval)
		cur := trained{out, stderr, f1, recall}
		for _, o := range seen {
			hi, lo := o, cur
			if lo.f1 > hi.f1 {
				hi, lo = lo, hi
			}
			if lo.f1 < hi.f1 && hi.f1-lo.f1 <= 0.05 && !loses(hi, lo) {
				m.Full, m.Reseeded = hi.dir, lo.dir
				m.Stderr[hi.dir] = hi.stderr
				break
			}
		}
		seen = append(seen, cur)
	}
	if m.Reseeded == "" {
		t.Fatalf("no two seeds in 3–16 train models within 0.05 of macro-F1 of each other: %+v", seen)
	}
	f, err := os.Open(m.Eval)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := dataset.NewReader(f)
	for {
		lf, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch lf.GetLabel() {
		case triagev1.Procedure_PROCEDURE_SMALL_CLAIMS:
			m.SmallClaims++
		case triagev1.Procedure_PROCEDURE_FAST_TRACK:
			m.FastTrack++
		}
	}
	return m
}

// noMandatory keeps the filings on which the default rules make no option
// mandatory.
func noMandatory(t *testing.T) func(*triagev1.LabeledFiling) bool {
	t.Helper()
	e, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return func(lf *triagev1.LabeledFiling) bool {
		a, err := e.Evaluate(lf.GetFiling())
		if err != nil {
			t.Fatalf("evaluate %s: %v", lf.GetFiling().GetId(), err)
		}
		for _, o := range a.Options {
			if o.GetMandatory() {
				return false
			}
		}
		return true
	}
}

// trainSmall trains a small model on data with seed into dir and returns
// the model's directory and what train wrote on stderr.
func trainSmall(t *testing.T, dir, data, seed string) (string, string) {
	t.Helper()
	out := filepath.Join(dir, "model-"+strings.TrimSuffix(filepath.Base(data), ".jsonl")+"-"+seed)
	e, _, stderr := testEnv("")
	if code := dispatch(context.Background(), e, append([]string{"train", "-data", data, "-out", out, "-seed", seed}, small...)); code != 0 {
		t.Fatalf("train %s: exit %d: %s", data, code, stderr)
	}
	return out, stderr.String()
}

// evalMacroF1 is triagectl eval's overall macro-F1 of model on data, and its
// recall of each procedure (by the proto name).
func evalMacroF1(t *testing.T, model, data string) (float64, map[string]float64) {
	t.Helper()
	e, stdout, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"eval", "-model", model, "-data", data}); code != 0 {
		t.Fatalf("eval %s: exit %d: %s", model, code, stderr)
	}
	mm := regexp.MustCompile(`"macro_f1": ([0-9.]+)`).FindStringSubmatch(stdout.String())
	if mm == nil {
		t.Fatalf("eval %s printed no macro_f1:\n%s", model, stdout)
	}
	f1, err := strconv.ParseFloat(mm[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	// One model's report (no -baseline or -majority beside it).
	var report struct {
		PerClass []struct {
			Procedure string  `json:"procedure"`
			Recall    float64 `json:"recall"`
		} `json:"per_class"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil || len(report.PerClass) == 0 {
		t.Fatalf("eval %s: no per-class figures (%v):\n%s", model, err, stdout)
	}
	recall := map[string]float64{}
	for _, c := range report.PerClass {
		recall[c.Procedure] = c.Recall
	}
	return f1, recall
}

// writeGenerated writes the n generated filings of seed that keep (nil:
// all) keeps to path as JSONL.
func writeGenerated(t *testing.T, path string, n, seed int, keep func(*triagev1.LabeledFiling) bool) {
	t.Helper()
	var buf bytes.Buffer
	w := dataset.NewWriter(&buf)
	err := corpus.Generate(context.Background(), corpus.Config{N: n, Seed: uint64(seed)}, nil, func(lf *triagev1.LabeledFiling) error {
		if keep != nil && !keep(lf) {
			return nil
		}
		return w.Write(lf)
	})
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = os.WriteFile(path, buf.Bytes(), 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestPromoteLostProcedure trains the court models once for its parts.
func TestPromoteLostProcedure(t *testing.T) {
	m := trainCourtModels(t)
	t.Run("train says which labels it dropped", func(t *testing.T) { testTrainSaysWhichLabelsItDropped(t, m) })
	t.Run("refusals", func(t *testing.T) { testPromoteRefusesALostProcedure(t, m) })
	t.Run("forced and recorded", func(t *testing.T) { testPromoteLostProcedureForced(t, m) })
}

// testPromoteRefusesALostProcedure: a candidate trained without enough
// fast-track and small claims cases never recommends them; over a serving
// model that does, on data where they occur, promote -eval refuses it even
// at -tolerance 1, which lets every overall gap through (the two figures
// compared before, outside check 14), and names each procedure in words
// with both models' counts. A candidate worse only within the tolerance
// is promoted (the fixture's premise checked from promote's figures);
// -min-cases above a
// procedure's cases leaves it uncompared; -min-cases below 1 is a usage
// error. Evidence with no fast-track case at all cannot show that the
// candidate, trained without fast-track, kept it: refused (outside check
// 23: an export of civil cases promoted such a model, and promote named
// no fast-track anywhere), unless the candidate was trained on it.
func testPromoteRefusesALostProcedure(t *testing.T, m courtModels) {
	// Eval's filings without its fast-track cases, as an export of a
	// civil division's decided cases lacks them.
	noFastTrack := filepath.Join(t.TempDir(), "no-fast-track.jsonl")
	writeGenerated(t, noFastTrack, 1500, 9, func(lf *triagev1.LabeledFiling) bool {
		return lf.GetLabel() != triagev1.Procedure_PROCEDURE_FAST_TRACK
	})
	aboveSmallClaims := strconv.Itoa(m.SmallClaims + 1)
	for _, tc := range []struct {
		name string
		from string
		// data is the -eval file; "" is m.Eval.
		data string
		args []string
		code int
		// promoted: the candidate serves afterwards; else the full model.
		promoted bool
		stderr   []string
	}{
		{"loses fast-track and small claims", m.Court, "", []string{"-tolerance", "1"}, 1, false, []string{
			"refused: ", fmt.Sprintf("it loses 速裁程序 (FAST_TRACK): of the %d cases that ended in it, the candidate recommends it for none and the serving model for ", m.FastTrack),
			fmt.Sprintf("it loses 小额诉讼程序 (SMALL_CLAIMS): of the %d cases that ended in it, the candidate recommends it for none and the serving model for ", m.SmallClaims),
			"-force -reason promotes it anyway",
		}},
		{"loses them at the default tolerance too", m.Court, "", nil, 1, false, []string{"it loses 速裁程序 (FAST_TRACK)", "macro-F1 "}},
		{"worse within the tolerance", m.Reseeded, "", []string{"-tolerance", "0.05"}, 0, true, nil},
		{"fewer cases than -min-cases are not compared", m.Court, "", []string{"-tolerance", "1", "-min-cases", strconv.Itoa(max(m.SmallClaims, m.FastTrack) + 1)}, 0, true, nil},
		{"evidence without fast-track, candidate trained without it", m.Court, noFastTrack, []string{"-tolerance", "1", "-min-cases", aboveSmallClaims}, 1, false, []string{
			"refused: ", "it may lose 速裁程序 (FAST_TRACK): the serving model was trained to recommend it and the candidate was not, and " + noFastTrack + " has no case of it",
		}},
		{"evidence without fast-track, forced", m.Court, noFastTrack, []string{"-tolerance", "1", "-min-cases", aboveSmallClaims, "-force", "-reason", "民事庭数据，速裁另行评估"}, 0, true, []string{"forced promotion of a model the comparison refused"}},
		{"evidence without fast-track, candidate trained with it", m.Reseeded, noFastTrack, []string{"-tolerance", "1"}, 0, true, nil},
		{"-min-cases 0", m.Court, "", []string{"-tolerance", "1", "-min-cases", "0"}, 2, false, []string{"-min-cases must be at least 1, got 0"}},
		{"-min-cases negative", m.Court, "", []string{"-min-cases", "-5"}, 2, false, []string{"-min-cases must be at least 1, got -5"}},
		{"-min-cases not a number", m.Court, "", []string{"-min-cases", "x"}, 2, false, []string{`invalid value "x" for flag -min-cases`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			served := filepath.Join(t.TempDir(), "served")
			if code := promoteTo(served, "-from", m.Full); code != 0 {
				t.Fatalf("first promotion: exit %d", code)
			}
			full := servedVersion(t, served)
			e, stdout, stderr := testEnv("")
			data := m.Eval
			if tc.data != "" {
				data = tc.data
			}
			args := append([]string{"promote", "-from", tc.from, "-to", served, "-eval", data}, tc.args...)
			if code := dispatch(context.Background(), e, args); code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			if tc.from == m.Reseeded && tc.data == "" {
				// The row's premise, from promote's own figures: the
				// candidate is worse, by less than the tolerance.
				cand, serv := promoteMacroF1(t, stdout.String())
				// (Printed to three decimals: the fixture chose it strictly
				// worse from eval's full figures.)
				if !(cand <= serv && serv-cand <= 0.05) {
					t.Fatalf("candidate macro-F1 %.4f, serving %.4f: not worse within 0.05, the fixture no longer tests the row\n%s", cand, serv, stdout)
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if got := servedVersion(t, served); (got != full) != tc.promoted {
				t.Errorf("serving %s (the full model is %s), want promoted %v", got, full, tc.promoted)
			}
			checkNoLeftovers(t, served)
		})
	}
}

// promoteMacroF1 reads the candidate's and the serving model's macro-F1
// from promote -eval's first line ("candidate X macro-F1 0.573, …; serving
// Y 0.707, …").
func promoteMacroF1(t *testing.T, out string) (candidate, serving float64) {
	t.Helper()
	m := regexp.MustCompile(`candidate \S+ macro-F1 ([0-9.]+),.*; serving \S+ ([0-9.]+),`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no macro-F1 figures in promote's output:\n%s", out)
	}
	var err error
	if candidate, err = strconv.ParseFloat(m[1], 64); err == nil {
		serving, err = strconv.ParseFloat(m[2], 64)
	}
	if err != nil {
		t.Fatal(err)
	}
	return candidate, serving
}

// testPromoteLostProcedureForced: -force -reason promotes the candidate
// that loses fast-track and small claims, and the served manifest's
// promotion record holds both models' per-procedure figures beside the
// overall ones, and the -min-cases they were compared with.
func testPromoteLostProcedureForced(t *testing.T, m courtModels) {
	served := filepath.Join(t.TempDir(), "served")
	if code := promoteTo(served, "-from", m.Full); code != 0 {
		t.Fatalf("first promotion: exit %d", code)
	}
	full := servedVersion(t, served)
	e, stdout, stderr := testEnv("")
	code := dispatch(context.Background(), e, []string{"promote", "-from", m.Court, "-to", served, "-eval", m.Eval, "-tolerance", "1", "-min-cases", "30", "-force", "-reason", "法院数据缺速裁案件，已知"})
	if code != 0 {
		t.Fatalf("forced: exit %d\n%s", code, stderr)
	}
	// Every procedure's figures are shown, whether compared or not.
	for _, want := range []string{fmt.Sprintf("速裁程序 (FAST_TRACK), %d cases: candidate recommends it for 0 (recall 0.000), serving for ", m.FastTrack), fmt.Sprintf("小额诉讼程序 (SMALL_CLAIMS), %d cases: candidate recommends it for 0", m.SmallClaims)} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr.String(), "forced promotion of a model the comparison refused") {
		t.Errorf("log %q; want the forced promotion past the comparison", stderr)
	}
	b, err := os.ReadFile(filepath.Join(served, classifier.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var man classifier.Manifest
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	p := man.Promotion
	if p == nil || !p.Forced || p.Replaced != full || p.MinCases != 30 || p.Tolerance != 1 {
		t.Fatalf("promotion record %+v; want forced over %s with -min-cases 30 and -tolerance 1", p, full)
	}
	type fig struct {
		Support int
		Zero    bool // recall 0
	}
	figures := func(s classifier.PromotionScores) map[string]fig {
		out := map[string]fig{}
		for _, c := range s.PerClass {
			out[c.Procedure] = fig{c.Support, c.Recall == 0}
		}
		return out
	}
	lost := map[string]fig{"PROCEDURE_FAST_TRACK": {m.FastTrack, true}, "PROCEDURE_SMALL_CLAIMS": {m.SmallClaims, true}}
	cand := figures(p.Candidate)
	for proc, want := range lost {
		if d := cmp.Diff(want, cand[proc]); d != "" {
			t.Errorf("candidate %s (-want +got):\n%s", proc, d)
		}
		if s := figures(p.Serving)[proc]; s.Support != want.Support || s.Zero {
			t.Errorf("serving %s %+v; want %d cases, recall above 0", proc, s, want.Support)
		}
	}
	// The figures are in the manifest under the names documented.
	var raw struct {
		Promotion struct {
			MinCases  int `json:"min_cases"`
			Candidate struct {
				PerClass []map[string]any `json:"per_class"`
			} `json:"candidate"`
		} `json:"promotion"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Promotion.MinCases != 30 || len(raw.Promotion.Candidate.PerClass) == 0 || raw.Promotion.Candidate.PerClass[0]["recall"] == nil {
		t.Errorf("manifest promotion %s; want min_cases and candidate.per_class with recall", b)
	}
}

// testTrainSaysWhichLabelsItDropped: training on data with fewer than 20
// fast-track and small claims cases says on stderr which labels were
// dropped, with their counts, and that the model will never recommend
// them, and records them in the manifest; training on the full data says
// nothing of the kind.
func testTrainSaysWhichLabelsItDropped(t *testing.T, m courtModels) {
	for _, want := range []string{"labels with fewer than 20 cases were dropped: the model will never recommend them",
		"小额诉讼程序 (SMALL_CLAIMS) 12 cases, 速裁程序 (FAST_TRACK) 12 cases"} {
		if !strings.Contains(m.Stderr[m.Court], want) {
			t.Errorf("train stderr lacks %q:\n%s", want, m.Stderr[m.Court])
		}
	}
	if strings.Contains(m.Stderr[m.Full], "dropped") {
		t.Errorf("train on every label warns of dropped labels:\n%s", m.Stderr[m.Full])
	}
	for _, tc := range []struct {
		model string
		want  map[string]int
	}{
		{m.Court, map[string]int{"PROCEDURE_FAST_TRACK": 12, "PROCEDURE_SMALL_CLAIMS": 12}},
		{m.Full, nil},
	} {
		model, err := classifier.Load(tc.model)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(tc.want, model.Manifest().Training.DroppedLabels); d != "" {
			t.Errorf("%s: dropped labels (-want +got):\n%s", tc.model, d)
		}
		if tc.want != nil && model.Manifest().Params.MinClassRows != training.DefaultMinCases {
			t.Errorf("min_class_rows %d, want %d", model.Manifest().Params.MinClassRows, training.DefaultMinCases)
		}
	}
}
