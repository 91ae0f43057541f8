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
	"os"
	"path/filepath"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/rules"
)

func evalFiling(id string, kind triagev1.CaseKind) *triagev1.Filing {
	f := &triagev1.Filing{
		Id: id, CaseKind: kind, Court: "杭州市上城区人民法院", CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province: "浙江省", FiledOn: "2024-03-05",
		Parties: []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
	}
	switch kind {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		f.Cause, f.ClaimAmountFen, f.Text = "民间借贷纠纷", 3_000_000, "诉讼请求：判令被告偿还借款30000元。"
		f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		f.Cause, f.Text = "危险驾驶罪", "被告人醉酒驾驶机动车，自愿认罪认罚。"
		f.Circumstances = &triagev1.Circumstances{GuiltyPlea: true, ConsentsFastTrack: true, RecommendedSentenceMonths: 4}
	}
	return f
}

// evalData is four labelled filings, one unlabelled and one broken line.
func evalData(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	w := dataset.NewWriter(&buf)
	civil, criminal := triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL
	for _, m := range []*triagev1.LabeledFiling{
		{Filing: evalFiling("e1", civil), Label: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS},
		{Filing: evalFiling("e2", civil), Label: triagev1.Procedure_PROCEDURE_ORDINARY},
		{Filing: evalFiling("e3", criminal), Label: triagev1.Procedure_PROCEDURE_FAST_TRACK},
		{Filing: evalFiling("e4", criminal), Label: triagev1.Procedure_PROCEDURE_SIMPLIFIED},
		{Filing: evalFiling("e5", civil)},
	} {
		if err := w.Write(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	buf.WriteString("{not json\n")
	return buf.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalUsage(t *testing.T) {
	data := writeTemp(t, "d.jsonl", evalData(t))
	tests := []struct {
		name      string
		args      []string
		wantUsage bool // usageError (exit 2); otherwise a failure (exit 1)
		wantHelp  bool
		wantMsg   string
	}{
		{"no flags", nil, true, false, "-model is required"},
		{"no data", []string{"-model", "baseline"}, true, false, "-data is required"},
		{"no model", []string{"-data", data}, true, false, "-model is required"},
		{"stray argument", []string{"-model", "baseline", "-data", data, "extra"}, true, false, `unexpected argument "extra"`},
		{"unknown flag", []string{"-modle", "baseline"}, true, false, "flag provided but not defined"},
		{"holdout above 1", []string{"-model", "baseline", "-data", data, "-holdout", "1.5"}, true, false, "-holdout"},
		{"negative holdout", []string{"-model", "baseline", "-data", data, "-holdout", "-0.1"}, true, false, "-holdout"},
		// Every resample's draw is kept: 2000000000 ran eval out of memory
		// (outside check 9).
		{"bootstrap too high", []string{"-model", "baseline", "-data", data, "-bootstrap", "10001"}, true, false, "-bootstrap must be at most 10000, got 10001"},
		{"help", []string{"-h"}, false, true, ""},
		{"missing data file", []string{"-model", "baseline", "-data", filepath.Join(t.TempDir(), "none.jsonl")}, false, false, "open data"},
		{"missing model dir", []string{"-model", filepath.Join(t.TempDir(), "nomodel"), "-data", data}, false, false, "load model"},
		{"missing baseline dir", []string{"-model", "baseline", "-baseline", filepath.Join(t.TempDir(), "nomodel"), "-data", data}, false, false, "load model"},
		{"bad rules file", []string{"-model", "baseline", "-data", data, "-rules", writeTemp(t, "r.json", "{")}, false, false, "load rules"},
		{"nothing labelled", []string{"-model", "baseline", "-data", writeTemp(t, "u.jsonl", "{not json\n")}, false, false, "no labelled filing evaluated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _, _ := testEnv("")
			err := runEval(context.Background(), e, tt.args)
			if err == nil {
				t.Fatal("no error")
			}
			if got := errors.Is(err, flag.ErrHelp); got != tt.wantHelp {
				t.Errorf("err = %v; help = %v, want %v", err, got, tt.wantHelp)
			}
			if got := errors.As(err, new(usageError)); got != tt.wantUsage {
				t.Errorf("err = %v; usage error = %v, want %v", err, got, tt.wantUsage)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("err = %q, want it to contain %q", err, tt.wantMsg)
			}
		})
	}
}

// TestEvalDirectoryNamesTheFile: -data DIR reads the directory's *.jsonl
// files in name order; a problem names the file and its line in it. Read as
// one stream, the bad line of b.jsonl (its sixth) was "line 12" of the
// directory (a.jsonl's five lines, the newline put after each file, six),
// a line of no file. The data's digest is still that of the files as one
// stream.
func TestEvalDirectoryNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	content := evalData(t) // six lines, the last one not JSON
	a := strings.Replace(content, "{not json\n", "", 1)
	files := map[string]string{"a.jsonl": a, "b.jsonl": a + "{not json\n" + a}
	for name, c := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, out, _ := testEnv("")
	if err := runEval(context.Background(), e, []string{"-model", "baseline", "-data", dir}); err != nil {
		t.Fatal(err)
	}
	var rep evaluation.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("stdout is not a report: %v\n%s", err, out)
	}
	want := []evaluation.Problem{{File: filepath.Join(dir, "b.jsonl"), Line: strings.Count(a, "\n") + 1, Kind: evaluation.ProblemInvalid}}
	if len(rep.Problems) != 1 || rep.Problems[0].File != want[0].File || rep.Problems[0].Line != want[0].Line {
		t.Fatalf("problems %+v, want one at %s line %d", rep.Problems, want[0].File, want[0].Line)
	}
	sum := sha256.Sum256([]byte(files["a.jsonl"] + "\n" + files["b.jsonl"] + "\n"))
	if rep.Data.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("data sha256 %s, want the files' as one stream", rep.Data.SHA256)
	}
}

func TestEvalReport(t *testing.T) {
	content := evalData(t)
	data := writeTemp(t, "d.jsonl", content)
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	customRules := writeTemp(t, "rules.json", string(rules.DefaultFile()))

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantModels []string // one: a bare Report; more: a comparison
		wantCounts evaluation.Counts
		wantHTML   bool
	}{
		{
			name:       "baseline",
			args:       []string{"-model", "baseline", "-data", data},
			wantModels: []string{classifier.BaselineVersion},
			wantCounts: evaluation.Counts{Lines: 6, Invalid: 1, Unlabeled: 1, Evaluated: 4},
		},
		{
			name:       "stdin and custom rules",
			args:       []string{"-model", "builtin-baseline", "-data", "-", "-rules", customRules},
			stdin:      content,
			wantModels: []string{classifier.BaselineVersion},
			wantCounts: evaluation.Counts{Lines: 6, Invalid: 1, Unlabeled: 1, Evaluated: 4},
		},
		{
			name:       "held-out split",
			args:       []string{"-model", "baseline", "-data", data, "-holdout", "0.5"},
			wantModels: []string{classifier.BaselineVersion},
			wantCounts: func() evaluation.Counts {
				c := evaluation.Counts{Lines: 6, Invalid: 1, Unlabeled: 1}
				for _, id := range []string{"e1", "e2", "e3", "e4"} {
					if evaluation.HeldOut(id, 0.5) {
						c.Evaluated++
					} else {
						c.NotHeldOut++
					}
				}
				return c
			}(),
		},
		{
			name:       "compared with the built-in baseline, with HTML",
			args:       []string{"-model", "baseline", "-baseline", "builtin", "-data", data, "-html", filepath.Join(t.TempDir(), "r.html")},
			wantModels: []string{classifier.BaselineVersion, classifier.BaselineVersion},
			wantCounts: evaluation.Counts{Lines: 6, Invalid: 1, Unlabeled: 1, Evaluated: 4},
			wantHTML:   true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, out, _ := testEnv(tt.stdin)
			if err := runEval(context.Background(), e, tt.args); err != nil {
				t.Fatal(err)
			}
			var reports []*evaluation.Report
			if len(tt.wantModels) == 1 {
				var rep evaluation.Report
				if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
					t.Fatalf("stdout is not a report: %v\n%s", err, out)
				}
				reports = append(reports, &rep)
			} else {
				var cmp evaluation.Comparison
				if err := json.Unmarshal(out.Bytes(), &cmp); err != nil {
					t.Fatalf("stdout is not a comparison: %v\n%s", err, out)
				}
				reports = cmp.Models
				if len(cmp.Deltas) != len(tt.wantModels)-1 {
					t.Errorf("%d deltas", len(cmp.Deltas))
				}
			}
			if len(reports) != len(tt.wantModels) {
				t.Fatalf("%d models in the output, want %d", len(reports), len(tt.wantModels))
			}
			for i, rep := range reports {
				if rep.Model != tt.wantModels[i] || rep.RulesVersion != r.Version() {
					t.Errorf("model %d = %q with rules %q", i, rep.Model, rep.RulesVersion)
				}
				if rep.Counts != tt.wantCounts {
					t.Errorf("counts = %+v, want %+v", rep.Counts, tt.wantCounts)
				}
				if rep.Data.Path == "" || len(rep.Data.SHA256) != 64 {
					t.Errorf("data = %+v", rep.Data)
				}
				total := 0
				for _, row := range rep.Confusion.Matrix {
					for _, n := range row {
						total += n
					}
				}
				if total != rep.Counts.Evaluated || rep.Latency.Count != rep.Counts.Evaluated {
					t.Errorf("confusion total %d, latency count %d, evaluated %d", total, rep.Latency.Count, rep.Counts.Evaluated)
				}
			}
			if tt.wantHTML {
				page, err := os.ReadFile(tt.args[len(tt.args)-1])
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range []string{"<svg", `id="confusion"`, `id="calibration"`, `id="per-class"`, `id="headline"`} {
					if !bytes.Contains(page, []byte(s)) {
						t.Errorf("HTML report lacks %s", s)
					}
				}
			}
		})
	}
}

// TestEvalJSONFieldNames pins the report's JSON names: scripts and
// dashboards read them.
func TestEvalJSONFieldNames(t *testing.T) {
	e, out, _ := testEnv("")
	if err := runEval(context.Background(), e, []string{"-model", "baseline", "-data", writeTemp(t, "d.jsonl", evalData(t))}); err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"model", "rules_version", "data", "counts", "accuracy", "macro_f1", "ordinary_recall",
		"ordinary_missed", "per_class", "confusion", "calibration", "latency", "problems"} {
		if _, ok := m[k]; !ok {
			t.Errorf("report has no %q", k)
		}
	}
	var cal struct {
		ECE  *float64         `json:"ece"`
		Bins []map[string]any `json:"bins"`
	}
	if err := json.Unmarshal(m["calibration"], &cal); err != nil || cal.ECE == nil || len(cal.Bins) != evaluation.NumBins {
		t.Errorf("calibration = %s (%v)", m["calibration"], err)
	}
	for _, k := range []string{"lower", "upper", "count", "confidence", "accuracy"} {
		if _, ok := cal.Bins[0][k]; !ok {
			t.Errorf("calibration bin has no %q", k)
		}
	}
	var lat map[string]any
	_ = json.Unmarshal(m["latency"], &lat)
	for _, k := range []string{"count", "p50_us", "p99_us", "mean_us", "max_us"} {
		if _, ok := lat[k]; !ok {
			t.Errorf("latency has no %q", k)
		}
	}
}

// TestEvalMajorityByKindIntervals: -majority adds "always the most common
// procedure" from the default model's training labels, and every report
// is split by case kind with seeded bootstrap intervals, the deltas paired.
func TestEvalMajorityByKindIntervals(t *testing.T) {
	data := writeTemp(t, "d.jsonl", evalData(t))
	run := func() []byte {
		e, out, _ := testEnv("")
		if err := runEval(context.Background(), e, []string{"-model", "default", "-baseline", "builtin", "-majority",
			"-bootstrap", "50", "-seed", "3", "-data", data}); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	first := run()
	var cmp struct {
		Models []struct {
			Model  string `json:"model"`
			ByKind []struct {
				Kind      string          `json:"kind"`
				Intervals json.RawMessage `json:"intervals"`
			} `json:"by_kind"`
		} `json:"models"`
		Deltas []struct {
			ByKind []struct {
				MacroF1Interval json.RawMessage `json:"macro_f1_interval"`
			} `json:"by_kind"`
		} `json:"deltas"`
	}
	if err := json.Unmarshal(first, &cmp); err != nil {
		t.Fatal(err)
	}
	if len(cmp.Models) != 3 || cmp.Models[1].Model != classifier.MajorityVersion {
		t.Fatalf("models = %+v, want baseline, majority, model", cmp.Models)
	}
	for _, m := range cmp.Models {
		if len(m.ByKind) == 0 {
			t.Errorf("%s: no by_kind", m.Model)
		}
		for _, k := range m.ByKind {
			if len(k.Intervals) == 0 {
				t.Errorf("%s %s: no intervals", m.Model, k.Kind)
			}
		}
	}
	if len(cmp.Deltas) != 2 || len(cmp.Deltas[0].ByKind) == 0 || len(cmp.Deltas[0].ByKind[0].MacroF1Interval) == 0 {
		t.Errorf("deltas lack paired per-kind intervals: %+v", cmp.Deltas)
	}
	if second := run(); !bytes.Equal(stripLatency(t, first), stripLatency(t, second)) {
		t.Error("two runs with the same seed differ beyond latency")
	}
}

// stripLatency removes the latency figures, the only part of a report that
// depends on the clock.
func stripLatency(t *testing.T, b []byte) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			delete(x, "latency")
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(v)
	out, _ := json.Marshal(v)
	return out
}

// TestEvalHTMLSparesTheData: an -html report path that is the -data file,
// or a link to it, is a usage error and the labelled filings stay; before,
// the report was written over them once read (outside check 18).
func TestEvalHTMLSparesTheData(t *testing.T) {
	for _, tc := range []struct {
		name string
		html func(dir, data string) string
	}{
		{"the data file", func(_, data string) string { return data }},
		{"a symbolic link", func(dir, data string) string {
			link := filepath.Join(dir, "report.html")
			if err := os.Symlink(data, link); err != nil {
				t.Fatal(err)
			}
			return link
		}},
		{"a hard link", func(dir, data string) string {
			link := filepath.Join(dir, "hard.html")
			if err := os.Link(data, link); err != nil {
				t.Skipf("hard link: %v", err)
			}
			return link
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := []byte(evalData(t))
			data := writeTemp(t, "test.jsonl", string(want))
			dir := filepath.Dir(data)
			html := tc.html(dir, data)
			e, stdout, stderr := testEnv("")
			code := dispatch(context.Background(), e, []string{"eval", "-model", "baseline", "-data", data, "-html", html, "-bootstrap", "0"})
			if code != 2 || !strings.Contains(stderr.String(), "is the -data file") {
				t.Errorf("eval -html %s: exit %d, stderr %q; want 2, refused as the data", html, code, stderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("evaluated before the refusal: %.200s", stdout)
			}
			if got, err := os.ReadFile(data); err != nil || !bytes.Equal(got, want) {
				t.Errorf("the data changed (%v): %.80q", err, got)
			}
		})
	}
}

// TestEvalSaysWhatItDidNotEvaluate: eval names on stderr the lines it did
// not evaluate (by file and line for a directory), as train does; before,
// only the JSON's counts and problems held them and stderr was silent
// (outside check 18).
func TestEvalSaysWhatItDidNotEvaluate(t *testing.T) {
	file := writeTemp(t, "data.jsonl", evalData(t))
	dir := filepath.Dir(writeTemp(t, "b.jsonl", evalData(t)))
	for _, tc := range []struct {
		name, data string
		want       []string
	}{
		{"a file", file, []string{`line="line 6"`, "not_filings=1", "evaluated=4"}},
		{"a directory", dir, []string{"b.jsonl:6 kind=invalid", "not_filings=1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, _, stderr := testEnv("")
			if code := dispatch(context.Background(), e, []string{"eval", "-model", "baseline", "-data", tc.data, "-bootstrap", "0"}); code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestEvalHTMLReportFile: the -html report is opened before the evaluation
// and written under a temporary name renamed over it once complete. A
// directory or a missing directory fails at once, before any evaluation
// (before, after it, with the JSON already on stdout); an evaluation of
// nothing leaves the previous report whole (before, it was replaced by a
// report of no filings, then the run failed); "-" is a usage error, as
// stdout carries the JSON (before, a file named "-"); nothing temporary is
// left behind (outside check 23).
func TestEvalHTMLReportFile(t *testing.T) {
	const previous = "<html>last week's report</html>\n"
	for _, tc := range []struct {
		name string
		// html returns the -html path in dir.
		html func(dir string) string
		data string
		code int
		// evaluated: the JSON report is on stdout.
		evaluated bool
		stderr    string
		// report: the file at -html afterwards ("" none, previous, or a
		// complete new page).
		report string
	}{
		{"a directory", func(dir string) string { return dir }, evalData(t), 1, false, "HTML report %s: create output: %[1]s is a directory", ""},
		{"in a missing directory", func(dir string) string { return filepath.Join(dir, "missing", "report.html") }, evalData(t), 1, false, "HTML report %s: create output: open ", ""},
		{"stdout", func(string) string { return "-" }, evalData(t), 2, false, "-html - would write the page into the JSON report on stdout", ""},
		{"nothing evaluated keeps the previous report", func(dir string) string { return filepath.Join(dir, "report.html") }, "{not json\n", 1, true, "no labelled filing evaluated", previous},
		{"a complete report", func(dir string) string { return filepath.Join(dir, "report.html") }, evalData(t), 0, true, "wrote HTML report", "new"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A run that took "-" for a file name wrote it here; remove it
			// whatever the row's outcome, so later rows see their own.
			t.Cleanup(func() { _ = os.Remove("-") })
			dir := t.TempDir()
			data := writeTemp(t, "test.jsonl", tc.data)
			html := tc.html(dir)
			if tc.report != "" {
				if err := os.WriteFile(html, []byte(previous), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			e, stdout, stderr := testEnv("")
			code := dispatch(context.Background(), e, []string{"eval", "-model", "baseline", "-data", data, "-html", html, "-bootstrap", "0"})
			want := tc.stderr
			if strings.Contains(want, "%") {
				want = fmt.Sprintf(want, html)
			}
			if code != tc.code || !strings.Contains(stderr.String(), want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, want)
			}
			if got := stdout.Len() > 0; got != tc.evaluated {
				t.Errorf("JSON report on stdout %v, want %v: %.200s", got, tc.evaluated, stdout)
			}
			got, err := os.ReadFile(html)
			switch tc.report {
			case "":
				if st, serr := os.Stat(html); serr == nil && !st.IsDir() {
					t.Errorf("%s written: %.80q", html, got)
				}
			case previous:
				if string(got) != previous {
					t.Errorf("previous report replaced (%v): %.80q", err, got)
				}
			default:
				if err != nil || !bytes.HasSuffix(bytes.TrimSpace(got), []byte("</html>")) || string(got) == previous {
					t.Errorf("report (%v): %d bytes, want a complete new page", err, len(got))
				}
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			if _, err := os.Stat("-"); err == nil {
				t.Error("a file named \"-\" was written in the package directory")
			}
		})
	}
}

// TestEvalSaysWhereItsDataCameFrom: eval's JSON, its stderr and its HTML
// report say whether the figures were measured on real filings (an export's
// "outcome", "real:…"), on synthetic ones (gen's "synthetic") or on a mix.
// Outside check 29: a model trained on a court's export scored 0.404 macro-F1
// on the real filings and 0.160 on 200 generated ones, in two reports alike
// but for the file name.
func TestEvalSaysWhereItsDataCameFrom(t *testing.T) {
	civil, criminal := triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL
	for _, tc := range []struct {
		name    string
		sources [4]string
		want    string
		// stderr: the level and the note's start; title: the HTML's.
		stderr, title string
		warnClass     bool
	}{
		{"generated", [4]string{"synthetic", "synthetic", "synthetic", "synthetic"}, "synthetic",
			"level=WARN msg=\"measured on SYNTHETIC (generated) filings", "(synthetic filings)", true},
		{"an export", [4]string{"outcome", "outcome", "real:criminal-judgments", "outcome"}, "real",
			"level=INFO msg=\"measured on real filings", "(real filings)", false},
		{"an export padded with generated filings", [4]string{"outcome", "synthetic", "outcome", "synthetic"}, "mixed",
			"level=WARN msg=\"measured on a MIX of real and synthetic", "(mixed filings)", true},
		{"unlabelled", [4]string{"", "", "", "my-file"}, "unstated",
			"level=WARN msg=\"measured on filings whose source says neither", "(unstated filings)", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := dataset.NewWriter(&buf)
			for i, m := range []*triagev1.LabeledFiling{
				{Filing: evalFiling("e1", civil), Label: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS},
				{Filing: evalFiling("e2", civil), Label: triagev1.Procedure_PROCEDURE_ORDINARY},
				{Filing: evalFiling("e3", criminal), Label: triagev1.Procedure_PROCEDURE_FAST_TRACK},
				{Filing: evalFiling("e4", criminal), Label: triagev1.Procedure_PROCEDURE_SIMPLIFIED},
			} {
				m.Source = tc.sources[i]
				if err := w.Write(m); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			data := writeTemp(t, "data.jsonl", buf.String())
			html := filepath.Join(t.TempDir(), "report.html")
			e, stdout, stderr := testEnv("")
			if code := dispatch(context.Background(), e, []string{"eval", "-model", "baseline", "-baseline", "builtin", "-data", data, "-html", html, "-bootstrap", "0"}); code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			var cmp evaluation.Comparison
			if err := json.Unmarshal(stdout.Bytes(), &cmp); err != nil {
				t.Fatalf("report: %v\n%s", err, stdout)
			}
			for _, m := range cmp.Models {
				if m.Data.Provenance != tc.want {
					t.Errorf("%s: data.provenance %q, want %q (sources %v)", m.Model, m.Data.Provenance, tc.want, m.Data.Sources)
				}
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
			page, err := os.ReadFile(html)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(page), "<title>fenjian evaluation "+tc.title+"</title>") {
				t.Errorf("HTML title lacks %q", tc.title)
			}
			if got := strings.Contains(string(page), `<p id="provenance" class="warn">`); got != tc.warnClass {
				t.Errorf("provenance shown as a warning %v, want %v", got, tc.warnClass)
			}
		})
	}
}

// TestEvalWarnsOfItsTrainingData: evaluating a model on the very file it
// was trained on warns that the figures are in-sample and names the
// -holdout that evaluates the part train held out; with it, or on other
// data, there is no warning (outside check 29).
func TestEvalWarnsOfItsTrainingData(t *testing.T) {
	data, _ := trainData(t, 1500)
	model := filepath.Join(t.TempDir(), "model")
	if err := runTrain(context.Background(), func() *env { e, _, _ := trainEnv(); return e }(),
		append([]string{"-data", data, "-out", model, "-holdout", "0.25"}, small...)); err != nil {
		t.Fatal(err)
	}
	other := writeTemp(t, "other.jsonl", evalData(t))
	for _, tc := range []struct {
		name   string
		args   []string
		warned bool
	}{
		{"its training data", []string{"-data", data}, true},
		{"its training data, held-out part", []string{"-data", data, "-holdout", "0.25"}, false},
		{"other data", []string{"-data", other}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, _, stderr := testEnv("")
			if code := dispatch(context.Background(), e, append([]string{"eval", "-model", model, "-bootstrap", "0"}, tc.args...)); code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			got := strings.Contains(stderr.String(), "was trained on: these figures are in-sample; add -holdout 0.25")
			if got != tc.warned {
				t.Errorf("warned %v, want %v:\n%s", got, tc.warned, stderr)
			}
		})
	}
}
