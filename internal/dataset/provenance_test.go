package dataset_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
)

func TestProvenance(t *testing.T) {
	for _, tc := range []struct{ source, want string }{
		{"synthetic", dataset.ProvenanceSynthetic},    // triagectl gen
		{" Synthetic ", dataset.ProvenanceSynthetic},  // edited by hand
		{"synthetic:v5", dataset.ProvenanceSynthetic}, // a named generator
		{"outcome", dataset.ProvenanceReal},           // triagectl export
		{"real:criminal-judgments", dataset.ProvenanceReal},
		{"REAL:civil", dataset.ProvenanceReal},
		{"", dataset.ProvenanceUnstated},
		{"fixture", dataset.ProvenanceUnstated},
		{"synthetically-real", dataset.ProvenanceUnstated}, // no prefix match without the colon
		{"real", dataset.ProvenanceUnstated},               // "real:" names its collection
	} {
		if got := dataset.Provenance(tc.source); got != tc.want {
			t.Errorf("Provenance(%q) = %q, want %q", tc.source, got, tc.want)
		}
	}
}

func TestProvenanceOf(t *testing.T) {
	rec := func(source string) *triagev1.LabeledFiling { return &triagev1.LabeledFiling{Source: source} }
	for _, tc := range []struct {
		name      string
		sources   []string
		want      string
		formatted string
	}{
		{"none", nil, "", ""},
		{"generated", []string{"synthetic", "synthetic"}, dataset.ProvenanceSynthetic, "synthetic"},
		{"an export and real judgments", []string{"outcome", "real:civil"}, dataset.ProvenanceReal, "real"},
		{"an export with a generated corpus", []string{"outcome", "synthetic", "synthetic"}, dataset.ProvenanceMixed, "mixed: real 1, synthetic 2"},
		{"unlabelled with real", []string{"", "outcome"}, dataset.ProvenanceMixed, "mixed: real 1, unstated 1"},
		{"unlabelled", []string{"", "fixture"}, dataset.ProvenanceUnstated, "unstated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var recs []*triagev1.LabeledFiling
			for _, s := range tc.sources {
				recs = append(recs, rec(s))
			}
			got, counts := dataset.ProvenanceOf(recs)
			if got != tc.want {
				t.Errorf("provenance %q, want %q (%v)", got, tc.want, counts)
			}
			if f := dataset.FormatProvenance(got, counts); f != tc.formatted {
				t.Errorf("formatted %q, want %q", f, tc.formatted)
			}
			if n := counts[dataset.ProvenanceReal] + counts[dataset.ProvenanceSynthetic] + counts[dataset.ProvenanceUnstated]; n != len(tc.sources) {
				t.Errorf("counts %v hold %d records, want %d", counts, n, len(tc.sources))
			}
		})
	}
}
