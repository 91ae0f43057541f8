package classifier

import (
	"fmt"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// MajorityVersion is the model_version of the Majority reference.
const MajorityVersion = "majority-per-kind"

// Majority is the floor every scorer must clear: per case kind, always the
// procedure most common among a model's training labels. It is a
// reference for evaluation, not a scorer to serve.
type Majority struct {
	proc map[triagev1.CaseKind]triagev1.Procedure
}

// NewMajority returns the reference for per-kind label counts (keys are
// enum names, as in Manifest.Training.LabelCountsByKind).
func NewMajority(byKind map[string]map[string]int) (*Majority, error) {
	m := &Majority{proc: map[triagev1.CaseKind]triagev1.Procedure{}}
	for kind, counts := range byKind {
		k, ok := triagev1.CaseKind_value[kind]
		if !ok {
			return nil, fmt.Errorf("majority: unknown case kind %q", kind)
		}
		names := make([]string, 0, len(counts))
		for name := range counts {
			names = append(names, name)
		}
		slices.Sort(names) // ties go to the first name, whatever the map order
		best := ""
		for _, name := range names {
			if best == "" || counts[name] > counts[best] {
				best = name
			}
		}
		p, ok := triagev1.Procedure_value[best]
		if !ok {
			return nil, fmt.Errorf("majority: unknown procedure %q", best)
		}
		m.proc[triagev1.CaseKind(k)] = triagev1.Procedure(p)
	}
	if len(m.proc) == 0 {
		return nil, fmt.Errorf("majority: no label counts by case kind (a model trained before they were recorded)")
	}
	return m, nil
}

// Version implements triage.Scorer.
func (*Majority) Version() string { return MajorityVersion }

// Procedure returns the kind's majority procedure (UNSPECIFIED if unknown).
func (m *Majority) Procedure(k triagev1.CaseKind) triagev1.Procedure { return m.proc[k] }

// Score implements triage.Scorer: all probability on the kind's majority.
func (m *Majority) Score(f *triagev1.Filing, _ *rules.Assessment, p *triage.Probabilities) {
	if proc, ok := m.proc[f.GetCaseKind()]; ok {
		p[proc] = 1
	}
}
