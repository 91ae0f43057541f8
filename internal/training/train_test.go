package training

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/corpus"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
	"google.golang.org/protobuf/proto"
)

func testRules(t testing.TB) *rules.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

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

// smallConfig trains in a second or two: enough rows and trees to exercise
// every part, few enough for -race.
func smallConfig() TrainConfig {
	cfg := DefaultTrainConfig()
	cfg.Trees, cfg.BagSize, cfg.MaxDepth, cfg.NBFeatures, cfg.StackBins = 5, 1500, 8, 400, 12
	cfg.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	return cfg
}

var fixture struct {
	once sync.Once
	data []*triagev1.LabeledFiling
	res  *TrainResult
	err  error
}

// trained returns one small model trained on 3,000 corpus records, shared by
// the tests of this package.
func trained(t testing.TB) (*TrainResult, []*triagev1.LabeledFiling) {
	t.Helper()
	fixture.once.Do(func() {
		fixture.data = generate(t, 3000, 7)
		fixture.res, fixture.err = Train(context.Background(), testRules(t), fixture.data, DataInfo{SHA256: "test", Records: 3000}, smallConfig())
	})
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
	return fixture.res, fixture.data
}

func TestTrainAgreesWithGolearn(t *testing.T) {
	res, _ := trained(t)
	a := res.Model.Manifest().Agreement
	t.Logf("golearn agreement on %d held-out rows: naive Bayes %.2f%%, trees %.2f%%", a.Rows, 100*a.NaiveBayes, 100*a.Trees)
	if a.Rows < 400 {
		t.Fatalf("agreement measured on only %d rows", a.Rows)
	}
	if a.NaiveBayes < minAgreement || a.Trees < minAgreement {
		t.Fatalf("agreement below %.3f: %+v", minAgreement, a)
	}
}

func TestTrainManifest(t *testing.T) {
	res, data := trained(t)
	man := res.Model.Manifest()
	if ok, _ := regexp.MatchString(`^nb-cart-20261127-[0-9a-f]{8}$`, man.Version); !ok {
		t.Errorf("version %q", man.Version)
	}
	if res.Model.Version() != man.Version {
		t.Errorf("Version() = %q, manifest %q", res.Model.Version(), man.Version)
	}
	tr := man.Training
	if tr.Records != len(data) || tr.Used+sum(tr.Skipped) != len(data) || tr.Train+man.Holdout.Count != tr.Used {
		t.Errorf("counts do not add up: %+v, holdout %d", tr, man.Holdout.Count)
	}
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(gomod), golearnModule+" "+man.Golearn) {
		t.Errorf("manifest says golearn %s; go.mod does not require that version", man.Golearn)
	}
	h := man.Holdout
	if h.Model.Count != h.Count || h.Model.MacroF1 <= 0 || h.Baseline.MacroF1 <= 0 {
		t.Errorf("held-out metrics missing: %+v", h)
	}
	t.Logf("held-out: model %.3f/%.3f/%.3f (acc/mF1/ordR), unweighted argmax %.3f/%.3f/%.3f, baseline %.3f/%.3f/%.3f",
		h.Model.Accuracy, h.Model.MacroF1, h.Model.OrdinaryRecall, h.Argmax.Accuracy, h.Argmax.MacroF1, h.Argmax.OrdinaryRecall,
		h.Baseline.Accuracy, h.Baseline.MacroF1, h.Baseline.OrdinaryRecall)
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// TestTrainDeterministic: the same data and seed give byte-identical
// artifacts (the created time is pinned here); another seed another model.
func TestTrainDeterministic(t *testing.T) {
	res, data := trained(t)
	cfg := smallConfig()
	cfg.Workers = 1 // a different schedule must not matter either
	again, err := Train(context.Background(), testRules(t), data, DataInfo{SHA256: "test", Records: 3000}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range res.Artifact.Files() {
		if !bytes.Equal(b, again.Artifact.Files()[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	cfg.Seed = 2
	other, err := Train(context.Background(), testRules(t), data, DataInfo{SHA256: "test", Records: 3000}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(other.Artifact.Files()[classifier.ModelFile], res.Artifact.Files()[classifier.ModelFile]) {
		t.Error("seed 2 trained the same model as seed 1")
	}
}

func TestWriteLoadRoundTrip(t *testing.T) {
	res, data := trained(t)
	dir := filepath.Join(t.TempDir(), "model")
	if err := res.Artifact.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	m, err := classifier.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load: %v", time.Since(t0))
	r := testRules(t)
	for _, lf := range data[:200] {
		a, err := r.Evaluate(lf.GetFiling())
		if err != nil {
			continue
		}
		var p, q triage.Probabilities
		res.Model.Score(lf.GetFiling(), a, &p)
		m.Score(lf.GetFiling(), a, &q)
		if p != q {
			t.Fatalf("%s: loaded model scores %v, trained %v", lf.GetFiling().GetId(), q, p)
		}
		var total float64
		for _, c := range m.Classes() {
			if math.IsNaN(q[c]) || q[c] < 0 {
				t.Fatalf("probability %v", q[c])
			}
			total += q[c]
		}
		if math.Abs(total-1) > 1e-9 {
			t.Fatalf("probabilities sum to %v", total)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("model directory has %d entries, want 3 (no temporaries left)", len(entries))
	}
}

func TestTrainRejectsBadInput(t *testing.T) {
	r := testRules(t)
	data := generate(t, 50, 3)
	if _, err := Train(context.Background(), nil, data, DataInfo{}, smallConfig()); err == nil {
		t.Error("nil rules accepted")
	}
	cfg := smallConfig()
	cfg.Holdout = 1.5
	if _, err := Train(context.Background(), r, data, DataInfo{}, cfg); err == nil {
		t.Error("holdout 1.5 accepted")
	}
	if _, err := Train(context.Background(), r, nil, DataInfo{}, smallConfig()); err == nil {
		t.Error("no data accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, r, generate(t, 500, 3), DataInfo{}, smallConfig()); err == nil {
		t.Error("cancelled training succeeded")
	}
}

// A cause written as the court's system writes it rather than as the
// catalogue names it ("民间借贷" for 民间借贷纠纷, "网络购物合同纠纷" for
// 信息网络买卖合同纠纷) is one cause token at serving, the catalogue name
// the rules resolve. Training hashed the cause as written: on 3,000
// generated filings of seed 6 (outside check 7) `triagectl train` failed
// with "request-path features differ from training features", and where
// the written token was not among the selected n-grams the served model
// saw another input than it was trained on.
func TestTrainCauseAsServed(t *testing.T) {
	r := testRules(t)
	for _, tc := range []struct{ written, catalogue string }{
		{"民间借贷", "民间借贷纠纷"},
		{"网络购物合同纠纷", "信息网络买卖合同纠纷"},
	} {
		a, err := r.Evaluate(&triagev1.Filing{Id: "x", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, FiledOn: "2024-03-05", Cause: tc.written,
			Parties: []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF}, {Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT}}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Facts.Cause.Name != tc.catalogue {
			t.Fatalf("the rules read cause %q as %q, want %q: the test needs a cause written otherwise than its catalogue name", tc.written, a.Facts.Cause.Name, tc.catalogue)
		}
	}
	data := generate(t, 3000, 7)
	n := 0
	for _, lf := range data {
		f := lf.GetFiling()
		// On small-claims filings only, so that the cause token tells the
		// label and is among the n-grams the naive Bayes selects.
		if lf.GetLabel() != triagev1.Procedure_PROCEDURE_SMALL_CLAIMS {
			continue
		}
		switch n % 2 {
		case 0:
			f.Cause = "民间借贷"
		case 1:
			f.Cause = "网络购物合同纠纷"
		}
		n++
	}
	res, err := Train(context.Background(), r, data, DataInfo{SHA256: "test", Records: len(data)}, smallConfig())
	if err != nil {
		t.Fatalf("training with %d small-claims filings under written causes: %v", n, err)
	}
	if a := res.Model.Manifest().Agreement; a.Rows < 400 {
		t.Fatalf("request path checked on only %d held-out rows", a.Rows)
	}
}

// TestTrainTooFewLabelsSaysWhich: refused for fewer than two labels with
// enough records, training names each label's count in words a data-staff
// user reads, not Go's map syntax ("have map[]" for an export of cases
// without outcomes; outside check 18).
func TestTrainTooFewLabelsSaysWhich(t *testing.T) {
	r := testRules(t)
	base := generate(t, 60, 3)
	relabel := func(labels ...triagev1.Procedure) []*triagev1.LabeledFiling {
		out := make([]*triagev1.LabeledFiling, len(labels))
		for i, l := range labels {
			lf := proto.Clone(base[i]).(*triagev1.LabeledFiling)
			lf.Label = l
			out[i] = lf
		}
		return out
	}
	repeat := func(p triagev1.Procedure, n int) []triagev1.Procedure {
		return slices.Repeat([]triagev1.Procedure{p}, n)
	}
	ord, simp, none := triagev1.Procedure_PROCEDURE_ORDINARY, triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_UNSPECIFIED
	for _, tc := range []struct {
		name string
		data []*triagev1.LabeledFiling
		want string
	}{
		{"no label at all", relabel(repeat(none, 10)...), "have 10 without a label"},
		{"one label short", relabel(append(repeat(ord, 30), repeat(simp, 5)...)...), "have 简易程序 (SIMPLIFIED) 5, 普通程序 (ORDINARY) 30"},
		{"unlabelled beside one label", relabel(append(repeat(ord, 25), repeat(none, 4)...)...), "have 普通程序 (ORDINARY) 25, 4 without a label"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Train(context.Background(), r, tc.data, DataInfo{}, smallConfig())
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "map[") {
				t.Errorf("error %v; want one saying %q", err, tc.want)
			}
		})
	}
}
