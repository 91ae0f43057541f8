package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/corpus"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/internal/training"
	"google.golang.org/protobuf/proto"
)

func trainEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		logger: slog.New(slog.NewTextHandler(&errOut, nil)),
	}, &out, &errOut
}

// trainData writes n generated records (and one broken line) to a file and
// returns its path and records.
func trainData(t *testing.T, n int) (string, []*triagev1.LabeledFiling) {
	t.Helper()
	var buf bytes.Buffer
	w := dataset.NewWriter(&buf)
	var recs []*triagev1.LabeledFiling
	err := corpus.Generate(context.Background(), corpus.Config{N: n, Seed: 5}, nil, func(lf *triagev1.LabeledFiling) error {
		recs = append(recs, lf)
		return w.Write(lf)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	buf.WriteString("{\"filing\": not json}\n")
	path := filepath.Join(t.TempDir(), "train.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, recs
}

// small keeps the CLI test to a second or two.
var small = []string{"-trees", "4", "-bag-size", "1000", "-max-depth", "6", "-nb-features", "300", "-quiet"}

func TestTrainCommand(t *testing.T) {
	data, recs := trainData(t, 2500)
	out := filepath.Join(t.TempDir(), "model")
	e, stdout, stderr := trainEnv()
	args := append([]string{"-data", data, "-out", out, "-seed", "3", "-version", "test-v1"}, small...)
	if err := runTrain(context.Background(), e, args); err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	// The data's provenance labels the figures: gen's records are synthetic
	// (outside check 29).
	for _, want := range []string{"model test-v1 written", "data: 2500 records, synthetic (sha256", "held-out (synthetic)", "macro-F1", "ordinary recall", "baseline", "golearn agreement", "1 invalid lines", "time:"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stderr.String(), "\r") {
		t.Error("progress bars drawn although stderr is not a terminal")
	}
	m, err := classifier.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	man := m.Manifest()
	raw, _ := os.ReadFile(data)
	sum := sha256.Sum256(raw)
	if man.Version != "test-v1" || man.Training.SHA256 != hex.EncodeToString(sum[:]) || man.Training.Records != len(recs) {
		t.Errorf("manifest: version %q, sha256 %s, records %d", man.Version, man.Training.SHA256, man.Training.Records)
	}
	// The default split is evaluation.HeldOut's, so `triagectl eval -holdout`
	// sees the same records.
	held := 0
	for _, lf := range recs {
		if evaluation.HeldOut(lf.GetFiling().GetId(), 0.2) {
			held++
		}
	}
	if man.Holdout.Split != training.SplitID || man.Holdout.Count != held {
		t.Errorf("held out %d (%s), evaluation.HeldOut holds out %d", man.Holdout.Count, man.Holdout.Split, held)
	}

	// An existing model is not overwritten without -force; with it, the same
	// data and seed give the same model file.
	first, _ := os.ReadFile(filepath.Join(out, classifier.ModelFile))
	e, _, _ = trainEnv()
	if err := runTrain(context.Background(), e, args); err == nil || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("overwrote a model without -force: %v", err)
	}
	e, _, stderr = trainEnv()
	if err := runTrain(context.Background(), e, append(args, "-force")); err != nil {
		t.Fatalf("train -force: %v\n%s", err, stderr)
	}
	second, _ := os.ReadFile(filepath.Join(out, classifier.ModelFile))
	if !bytes.Equal(first, second) {
		t.Error("retraining with the same data and seed changed the model")
	}
}

func TestTrainStratifiedThroughDispatch(t *testing.T) {
	data, _ := trainData(t, 1500)
	out := filepath.Join(t.TempDir(), "model")
	e, stdout, stderr := trainEnv()
	args := append([]string{"train", "-data", data, "-out", out, "-split", "stratified", "-holdout", "0.3"}, small...)
	if code := dispatch(context.Background(), e, args); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout.String(), "stratified, 30%") {
		t.Errorf("summary:\n%s", stdout)
	}
}

func TestTrainFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-out", "x"}, "-data is required"},
		{[]string{"-data", "x"}, "-out is required"},
		{[]string{"-data", "x", "-out", "y", "-holdout", "0.95"}, "-holdout"},
		{[]string{"-data", "x", "-out", "y", "-split", "random"}, "-split"},
		{[]string{"-data", "x", "-out", "y", "-trees", "0"}, "-trees"},
		{[]string{"-data", "x", "-out", "y", "-ordinary-recall", "1.5"}, "-ordinary-recall"},
		// 2000000000 ran train out of memory (outside check 9).
		{[]string{"-data", "x", "-out", "y", "-workers", "1025"}, "-workers must be at most 1024, got 1025"},
		{[]string{"-data", "x", "-out", "y", "extra"}, "unexpected argument"},
		{[]string{"-nope"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		e, _, _ := trainEnv()
		err := runTrain(context.Background(), e, tt.args)
		if !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %v, want a usage error about %s", tt.args, err, tt.want)
		}
	}
	e, _, _ := trainEnv()
	if err := runTrain(context.Background(), e, []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

func TestTrainFailures(t *testing.T) {
	dir := t.TempDir()
	e, _, _ := trainEnv()
	if err := runTrain(context.Background(), e, []string{"-data", filepath.Join(dir, "missing.jsonl"), "-out", dir + "/m"}); err == nil {
		t.Error("a missing data file trained")
	}
	empty := filepath.Join(dir, "empty.jsonl")
	os.WriteFile(empty, nil, 0o644)
	if err := runTrain(context.Background(), e, []string{"-data", empty, "-out", dir + "/m"}); err == nil {
		t.Error("an empty data file trained")
	}
	if _, err := os.Stat(filepath.Join(dir, "m", classifier.ManifestFile)); err == nil {
		t.Error("a failed training left a model behind")
	}
}

// TestAdjustKindWeights: adjust's -prior-weight and -blend take each case
// kind once, each weight in [0, 1]; a kind given twice was taken with its
// last weight and no word (outside check). Kinds (there and in -select,
// -guard) are ASCII names.
func TestAdjustKindWeights(t *testing.T) {
	for _, tc := range []struct {
		flag, value, want string // want "" : accepted
	}{
		{"-prior-weight", "civil=0.5,civil=0.2", `case kind "civil" is given twice`},
		{"-blend", "criminal=1, Criminal=0", `case kind "Criminal" is given twice`},
		{"-prior-weight", "civil=NaN", "not in [0, 1]"},
		{"-blend", "family=0.5", "unknown case kind"},
		// Unicode case folding took a dotless ı (U+0131) for I and a long
		// ſ (U+017F) for S (outside check 25).
		{"-prior-weight", "cıvıl=0.5", `unknown case kind "cıvıl"`},
		{"-blend", "crımınal=1", `unknown case kind "crımınal"`},
		{"-prior-weight", "civil=0.5,adminiſtrative=0.2", `unknown case kind "adminiſtrative"`},
		{"-select", "crımınal", `unknown case kind "crımınal"`},
		{"-guard", "cıvıl", `unknown case kind "cıvıl"`},
		{"-prior-weight", "civil=0.5,criminal=0.2", ""},
		{"-blend", "civil=0,criminal=1,administrative=0.5", ""},
	} {
		got, err := parseKindWeights(tc.value)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s %s: %v", tc.flag, tc.value, err)
		case tc.want == "" && len(got) != strings.Count(tc.value, ",")+1:
			t.Errorf("%s %s = %v: a kind lost", tc.flag, tc.value, got)
		case tc.want != "":
			e, _, _ := trainEnv()
			err := runAdjust(context.Background(), e, []string{"-model", "m", "-out", "o", tc.flag, tc.value})
			if !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("adjust %s %s: %v; want a usage error saying %s", tc.flag, tc.value, err, tc.want)
			}
		}
	}
}

// TestTrainDirectory: train -data takes a directory as eval -data does
// (every *.jsonl in name order, other files ignored), through the same
// reader: it trains on every file's records, names a bad line by its file
// and its line in it, and records the digest eval reports for the same
// directory. Before, train -data DIR failed with "read data: read line
// 1: read DIR: is a directory".
func TestTrainDirectory(t *testing.T) {
	path, recs := trainData(t, 2000)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(raw), "\n"), "\n")
	half := len(recs) / 2
	// a.jsonl: the first half; b.jsonl: the rest and the broken line.
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl":   strings.Join(lines[:half], ""),
		"b.jsonl":   strings.Join(lines[half:], "") + "\n",
		"README.md": "not data\n",
	}
	for name, c := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "model")
	e, stdout, stderr := trainEnv()
	if err := runTrain(context.Background(), e, append([]string{"-data", dir, "-out", out, "-version", "dir-v1"}, small...)); err != nil {
		t.Fatalf("train -data DIR: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout.String(), "1 invalid lines") {
		t.Errorf("summary does not count the broken line:\n%s", stdout)
	}
	if want := filepath.Join(dir, "b.jsonl") + ": line " + strconv.Itoa(len(lines)-half); !strings.Contains(stderr.String(), want) {
		t.Errorf("the skipped line is not named %s:\n%s", want, stderr)
	}
	m, err := classifier.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	man := m.Manifest()
	if man.Training.Records != len(recs) {
		t.Errorf("trained on %d records, want the directory's %d", man.Training.Records, len(recs))
	}
	ee, evalOut, evalErr := testEnv("")
	if err := runEval(context.Background(), ee, []string{"-model", out, "-data", dir, "-bootstrap", "0"}); err != nil {
		t.Fatalf("eval -data DIR: %v\n%s", err, evalErr)
	}
	var rep evaluation.Report
	if err := json.Unmarshal(evalOut.Bytes(), &rep); err != nil {
		t.Fatalf("eval's stdout is not a report: %v\n%s", err, evalOut)
	}
	if man.Training.SHA256 != rep.Data.SHA256 {
		t.Errorf("train recorded sha256 %s of the directory, eval %s", man.Training.SHA256, rep.Data.SHA256)
	}
}

// TestTrainNamesSkippedFilings: records of a hand-edited export that read
// as labelled filings but are left out — the rules refuse the filing, or
// the label is no procedure of the case kind — are named on stderr by
// filing id with the reason, the first maxProblemsWarned of them; before,
// only the summary's "rejected_by_rules 2" said anything (outside check
// 23). Clean data names none.
func TestTrainNamesSkippedFilings(t *testing.T) {
	_, recs := trainData(t, 300)
	edit := func(i int, f func(lf *triagev1.LabeledFiling)) *triagev1.LabeledFiling {
		lf := proto.Clone(recs[i]).(*triagev1.LabeledFiling)
		f(lf)
		return lf
	}
	civil := slices.IndexFunc(recs, func(lf *triagev1.LabeledFiling) bool {
		return lf.GetFiling().GetCaseKind() == triagev1.CaseKind_CASE_KIND_CIVIL
	})
	negative := edit(civil, func(lf *triagev1.LabeledFiling) { lf.Filing.Id += "-neg"; lf.Filing.ClaimAmountFen = -100 })
	future := edit(civil, func(lf *triagev1.LabeledFiling) { lf.Filing.Id += "-future"; lf.Filing.FiledOn = "3024-03-06" })
	criminal := slices.IndexFunc(recs, func(lf *triagev1.LabeledFiling) bool {
		return lf.GetFiling().GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL
	})
	// Small claims, not fast-track: 300 generated filings hold too few
	// fast-track cases for train to keep the label at all.
	smallCriminal := edit(criminal, func(lf *triagev1.LabeledFiling) {
		lf.Filing.Id += "-sc"
		lf.Label = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	})
	var many []*triagev1.LabeledFiling
	for i := range maxProblemsWarned + 2 {
		many = append(many, edit(civil, func(lf *triagev1.LabeledFiling) {
			lf.Filing.Id += fmt.Sprintf("-m%d", i)
			lf.Filing.ClaimAmountFen = -1
		}))
	}
	for _, tc := range []struct {
		name  string
		extra []*triagev1.LabeledFiling
		// want are the filing ids and reasons named; named counts the
		// "skipping filing" warnings.
		want  []string
		named int
	}{
		{"clean", nil, nil, 0},
		{"refused by the rules", []*triagev1.LabeledFiling{negative, future}, []string{
			"filing_id=" + negative.GetFiling().GetId(), "filing.claim_amount_fen: must not be negative",
			"filing_id=" + future.GetFiling().GetId(), `filing.filed_on: \"3024-03-06\" is outside`}, 2},
		{"label of another case kind", []*triagev1.LabeledFiling{smallCriminal}, []string{
			"filing_id=" + smallCriminal.GetFiling().GetId(), "label PROCEDURE_SMALL_CLAIMS is not a procedure of CASE_KIND_CRIMINAL"}, 1},
		{"only the first few", many, []string{"filing_id=" + many[0].GetFiling().GetId()}, maxProblemsWarned},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := dataset.NewWriter(&buf)
			for _, lf := range append(slices.Clone(recs), tc.extra...) {
				if err := w.Write(lf); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			data := writeTemp(t, "edited.jsonl", buf.String())
			e, _, stderr := trainEnv()
			out := filepath.Join(t.TempDir(), "model")
			if code := dispatch(context.Background(), e, append([]string{"train", "-data", data, "-out", out}, small...)); code != 0 {
				t.Fatalf("train: exit %d\n%s", code, stderr)
			}
			for _, want := range tc.want {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if got := strings.Count(stderr.String(), `msg="skipping filing"`); got != tc.named {
				t.Errorf("%d filings named, want %d:\n%s", got, tc.named, stderr)
			}
		})
	}
}

// TestTrainForceRefusesPromoted: train -force does not replace a model
// promote put there, in either layout, and says so before training. In the
// files themselves (what promote wrote until 2026-12-04, still served) the
// model was overwritten and the server's manifest watch loaded it, with no
// comparison and no promotion record; in promote's layout the refusal came
// from the write, after the whole training (outside check 25).
func TestTrainForceRefusesPromoted(t *testing.T) {
	data, _ := trainData(t, 300)
	flat := filepath.Join(t.TempDir(), "current")
	if err := os.MkdirAll(flat, 0o755); err != nil {
		t.Fatal(err)
	}
	manifest := []byte(`{"version":"nb-cart-old","promotion":{"at":"2026-11-20T08:00:00Z","replaced":"nb-cart-older"}}`)
	if err := os.WriteFile(filepath.Join(flat, classifier.ManifestFile), manifest, 0o644); err != nil {
		t.Fatal(err)
	}
	layout := filepath.Join(t.TempDir(), "served")
	if err := os.MkdirAll(filepath.Join(layout, classifier.VersionPrefix+"1"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(classifier.VersionPrefix+"1", filepath.Join(layout, classifier.CurrentLink)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, out, data, want string
	}{
		{"promoted in the files themselves", flat, data, "promoted 2026-11-20T08:00:00Z"},
		// The data is missing: a refusal after reading it would name it.
		{"promote's layout, before training", layout, filepath.Join(t.TempDir(), "missing.jsonl"), "triagectl promote serves"},
	} {
		e, _, stderr := trainEnv()
		err := runTrain(context.Background(), e, []string{"-data", tc.data, "-out", tc.out, "-force", "-quiet"})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: train -force: %v; want a refusal saying %q\n%s", tc.name, err, tc.want, stderr)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(flat, classifier.ManifestFile)); !bytes.Equal(got, manifest) {
		t.Errorf("the promoted manifest was replaced: %.200s", got)
	}
	if _, err := os.Stat(filepath.Join(flat, classifier.ModelFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a model file was written beside the promoted manifest: %v", err)
	}
}
