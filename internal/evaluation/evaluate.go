package evaluation

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// MaxProblems bounds the problems a report lists; the counts stay exact.
const MaxProblems = 100

// Report is the evaluation of one engine (rules + scorer) on one data set.
// Its JSON form is documented in the package comment.
type Report struct {
	// Model is the scorer's version.
	Model string `json:"model"`
	// RulesVersion is the rules' version.
	RulesVersion string `json:"rules_version"`
	// Data describes the input.
	Data DataInfo `json:"data"`
	// Counts says what happened to the input records.
	Counts Counts `json:"counts"`
	Metrics
	// Intervals are bootstrap 95% intervals of the metrics above, when
	// Options.Bootstrap asked for them.
	Intervals *Intervals `json:"intervals,omitempty"`
	// ByKind splits the evaluation by case kind (kinds present only, in
	// enum order): kinds differ in procedures and difficulty, and a mix
	// hides one behind another.
	ByKind []*KindReport `json:"by_kind,omitempty"`
	// Problems lists invalid and rejected records, at most MaxProblems.
	Problems []Problem `json:"problems,omitempty"`
	// ProblemsTruncated is set when more problems occurred than are listed.
	ProblemsTruncated bool `json:"problems_truncated,omitempty"`

	outcomes []Outcome
	resample [][]int // the bootstrap resamples of all outcomes, shared by the engines
}

// KindReport is a report's metrics restricted to one case kind.
type KindReport struct {
	// Kind is the case kind's enum name, e.g. "CASE_KIND_CIVIL".
	Kind string `json:"kind"`
	// Evaluated counts the kind's evaluated filings.
	Evaluated int `json:"evaluated"`
	Metrics
	// Intervals are the bootstrap intervals, resampled within the kind.
	Intervals *Intervals `json:"intervals,omitempty"`

	outcomes []Outcome
	resample [][]int
}

// Outcomes returns the report's outcomes in input order.
func (r *Report) Outcomes() []Outcome { return slices.Clone(r.outcomes) }

// DataInfo identifies the evaluation data.
type DataInfo struct {
	// Path is the file name as given; empty for other sources.
	Path string `json:"path,omitempty"`
	// SHA256 is the hex digest of the bytes read, when the caller computed it.
	SHA256 string `json:"sha256,omitempty"`
	// HoldOut is the held-out fraction evaluated (Options.HoldOut); 0 = all.
	HoldOut float64 `json:"holdout"`
	// Provenance says whether the evaluated filings were real, synthetic,
	// mixed or unstated (dataset.MergeProvenance of Sources), so no figure
	// is quoted without it (docs/quality.md); "" when none was evaluated.
	Provenance string `json:"provenance,omitempty"`
	// Sources counts the evaluated filings by dataset.Provenance of their
	// LabeledFiling.source.
	Sources map[string]int `json:"sources,omitempty"`
}

// Counts accounts for every input record.
// Lines = Invalid + Unlabeled + NotHeldOut + Rejected + Evaluated.
type Counts struct {
	Lines       int `json:"lines"`
	Invalid     int `json:"invalid"`
	Unlabeled   int `json:"unlabeled"`
	NotHeldOut  int `json:"not_held_out"`
	Rejected    int `json:"rejected"`
	Evaluated   int `json:"evaluated"`
	NeedsReview int `json:"needs_review"`
}

// Problem kinds.
const (
	ProblemInvalid  = "invalid"  // the line is not a Filing or LabeledFiling
	ProblemRejected = "rejected" // the rules refused the filing (a field is invalid)
)

// Problem is one record that could not be evaluated.
type Problem struct {
	// File names the file of a directory's data (dataset.FilesReader);
	// Line counts in it.
	File  string `json:"file,omitempty"`
	Line  int    `json:"line"`
	ID    string `json:"id,omitempty"`
	Kind  string `json:"kind"`
	Error string `json:"error"`
}

// Source yields labelled filings; *dataset.Reader implements it. Read
// returns io.EOF at the end and a *dataset.LineError for a bad line after
// which reading may go on.
type Source interface {
	Read() (*triagev1.LabeledFiling, error)
	// Line is the number of the line last read, for problem reports.
	Line() int
}

// fileOf is the file of the line src read last, for a source of several
// files (dataset.FilesReader), else "".
func fileOf(src Source) string {
	if f, ok := src.(interface{ File() string }); ok {
		return f.File()
	}
	return ""
}

// Options tune Evaluate.
type Options struct {
	// HoldOut, when > 0, evaluates only the records HeldOut(id, HoldOut)
	// selects: the split a trainer using the same fraction did not train on.
	HoldOut float64
	// Now reads the clock around each Decide; nil means time.Now.
	Now func() time.Time
	// Bootstrap, when > 0, is the number of bootstrap resamples for the
	// 95% intervals; Seed seeds them, so a report is reproducible.
	Bootstrap int
	Seed      uint64
}

// Evaluate decides every labelled filing of src with each engine and returns
// one report per engine, in the engines' order. A filing an engine's rules
// refuse (*rules.FieldError) and an unparsable line are counted and listed,
// not fatal; any other error (a read failure, the context, a decision bug)
// stops the evaluation.
func Evaluate(ctx context.Context, src Source, opts Options, engines ...*triage.Engine) ([]*Report, error) {
	if len(engines) == 0 {
		return nil, errors.New("evaluate: no engine")
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	reports := make([]*Report, len(engines))
	outcomes := make([][]Outcome, len(engines))
	for i, e := range engines {
		reports[i] = &Report{
			Model:        e.Scorer().Version(),
			RulesVersion: e.Rules().Version(),
			Data:         DataInfo{HoldOut: max(opts.HoldOut, 0)},
		}
	}
	var counts Counts
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lf, err := src.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var lineErr *dataset.LineError
		if errors.As(err, &lineErr) {
			counts.Lines++
			counts.Invalid++
			for _, r := range reports {
				r.addProblem(Problem{File: lineErr.File, Line: lineErr.Line, Kind: ProblemInvalid, Error: lineErr.Err.Error()})
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read evaluation data: %w", err)
		}
		counts.Lines++
		if lf.GetLabel() == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
			counts.Unlabeled++
			continue
		}
		f := lf.GetFiling()
		if opts.HoldOut > 0 && !HeldOut(f.GetId(), opts.HoldOut) {
			counts.NotHeldOut++
			continue
		}
		for i, e := range engines {
			start := now()
			d, err := e.Decide(ctx, f)
			elapsed := now().Sub(start)
			var fe *rules.FieldError
			if errors.As(err, &fe) {
				reports[i].Counts.Rejected++
				reports[i].addProblem(Problem{File: fileOf(src), Line: src.Line(), ID: f.GetId(), Kind: ProblemRejected, Error: fe.Error()})
				continue
			}
			if err != nil {
				where := fmt.Sprintf("line %d", src.Line())
				if file := fileOf(src); file != "" {
					where = file + ": " + where
				}
				return nil, fmt.Errorf("%s: %s: %w", where, reports[i].Model, err)
			}
			if reports[i].Data.Sources == nil {
				reports[i].Data.Sources = map[string]int{}
			}
			reports[i].Data.Sources[dataset.Provenance(lf.GetSource())]++
			outcomes[i] = append(outcomes[i], Outcome{
				Label:       lf.GetLabel(),
				Recommended: d.GetRecommended(),
				Confidence:  confidence(d),
				Latency:     elapsed,
				NeedsReview: d.GetNeedsReview(),
				Kind:        f.GetCaseKind(),
			})
		}
	}
	for i, r := range reports {
		rejected := r.Counts.Rejected
		r.Counts = counts
		r.Counts.Rejected = rejected
		r.Counts.Evaluated = len(outcomes[i])
		for _, o := range outcomes[i] {
			if o.NeedsReview {
				r.Counts.NeedsReview++
			}
		}
		r.Data.Provenance = dataset.MergeProvenance(r.Data.Sources)
		r.Metrics = Compute(outcomes[i])
		r.outcomes = outcomes[i]
		splitByKind(r, opts)
	}
	return reports, nil
}

// ByKind splits outcomes by case kind and scores each kind, with bootstrap
// intervals when opts.Bootstrap > 0 (opts.HoldOut and opts.Now are unused).
func ByKind(outcomes []Outcome, opts Options) []*KindReport {
	r := &Report{outcomes: outcomes}
	splitByKind(r, Options{Bootstrap: 0, Seed: opts.Seed})
	if opts.Bootstrap > 0 {
		for _, kr := range r.ByKind {
			seed := opts.Seed ^ uint64(triagev1.CaseKind_value[kr.Kind])<<32
			kr.resample = resampleIndices(len(kr.outcomes), opts.Bootstrap, seed)
			kr.Intervals = bootstrapWith(kr.outcomes, kr.resample, seed)
		}
	}
	return r.ByKind
}

// splitByKind fills r.ByKind and, with opts.Bootstrap, the intervals. The
// resamples depend only on the number of outcomes and the seed, so engines
// that evaluated the same records share them (paired comparisons).
func splitByKind(r *Report, opts Options) {
	if opts.Bootstrap > 0 && len(r.outcomes) > 0 {
		r.resample = resampleIndices(len(r.outcomes), opts.Bootstrap, opts.Seed)
		r.Intervals = bootstrapWith(r.outcomes, r.resample, opts.Seed)
	}
	byKind := map[triagev1.CaseKind][]Outcome{}
	for _, o := range r.outcomes {
		byKind[o.Kind] = append(byKind[o.Kind], o)
	}
	kinds := slices.Sorted(maps.Keys(byKind))
	for _, k := range kinds {
		os := byKind[k]
		kr := &KindReport{Kind: k.String(), Evaluated: len(os), Metrics: Compute(os), outcomes: os}
		if opts.Bootstrap > 0 {
			// Each kind has its own resamples (seeded by seed and kind), so a
			// kind's interval does not depend on the others' sizes.
			seed := opts.Seed ^ uint64(k)<<32
			kr.resample = resampleIndices(len(os), opts.Bootstrap, seed)
			kr.Intervals = bootstrapWith(os, kr.resample, seed)
		}
		r.ByKind = append(r.ByKind, kr)
	}
}

// confidence is the probability of the decision's recommended option.
func confidence(d *triagev1.Decision) float64 {
	for _, o := range d.GetOptions() {
		if o.GetProcedure() == d.GetRecommended() {
			return o.GetProbability()
		}
	}
	return 0
}

func (r *Report) addProblem(p Problem) {
	if len(r.Problems) >= MaxProblems {
		r.ProblemsTruncated = true
		return
	}
	r.Problems = append(r.Problems, p)
}
