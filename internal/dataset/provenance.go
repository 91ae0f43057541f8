package dataset

import (
	"fmt"
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// LabeledFiling.source values that say where a label came from. A figure
// measured on labelled filings is only meaningful with this: on synthetic
// filings it says how well a model learnt the generator, on real ones how it
// does for a court (docs/quality.md). Outside check 29: eval's JSON and HTML
// reports and train's summary gave figures on 200 generated filings and on
// the 290 real ones with nothing to tell them apart.
const (
	// SourceSynthetic is the source of generated records (triagectl gen).
	SourceSynthetic = "synthetic"
	// SourceOutcome is the source of exported records (triagectl export):
	// the label is the procedure a court finally applied, as recorded in an
	// outcome, so the record is a real decided case.
	SourceOutcome = "outcome"
	// RealSourcePrefix starts the source of curated real filings
	// ("real:criminal-judgments").
	RealSourcePrefix = "real:"
)

// Provenances of labelled filings, as Provenance and MergeProvenance name them.
const (
	ProvenanceReal      = "real"
	ProvenanceSynthetic = "synthetic"
	// ProvenanceUnstated is a source that says neither (empty, a file name,
	// a test fixture): the figures cannot be called real or synthetic.
	ProvenanceUnstated = "unstated"
	// ProvenanceMixed is data holding records of more than one provenance.
	ProvenanceMixed = "mixed"
)

// Provenance classifies a LabeledFiling.source: ProvenanceSynthetic for
// SourceSynthetic (and "synthetic:…"), ProvenanceReal for SourceOutcome and
// "real:…", ProvenanceUnstated otherwise. Case and surrounding space are
// ignored, as a hand-made file may write "Synthetic ".
func Provenance(source string) string {
	s := strings.ToLower(strings.TrimSpace(source))
	switch {
	case s == SourceSynthetic || strings.HasPrefix(s, SourceSynthetic+":"):
		return ProvenanceSynthetic
	case s == SourceOutcome || strings.HasPrefix(s, RealSourcePrefix):
		return ProvenanceReal
	}
	return ProvenanceUnstated
}

// MergeProvenance names the provenance of data whose records counts holds
// by provenance: the one provenance with records, ProvenanceMixed when
// several have some, "" when none has.
func MergeProvenance(counts map[string]int) string {
	got := ""
	for p, n := range counts {
		switch {
		case n <= 0:
		case got == "":
			got = p
		case got != p:
			return ProvenanceMixed
		}
	}
	return got
}

// ProvenanceNote is the line a report prints beside figures of data of the
// given provenance, saying what they measure.
func ProvenanceNote(provenance string) string {
	switch provenance {
	case ProvenanceReal:
		return "measured on real filings (courts' decided cases)"
	case ProvenanceSynthetic:
		return "measured on SYNTHETIC (generated) filings: they say how well the model learnt the generator, not how it does for a court"
	case ProvenanceMixed:
		return "measured on a MIX of real and synthetic (or unlabelled) filings: neither a real nor a synthetic figure; evaluate each kind apart"
	case ProvenanceUnstated:
		return "measured on filings whose source says neither real nor synthetic (LabeledFiling.source): label the data before quoting the figures"
	}
	return ""
}

// ProvenanceOf counts records by the provenance of their source and names
// the whole's (MergeProvenance).
func ProvenanceOf(records []*triagev1.LabeledFiling) (string, map[string]int) {
	counts := map[string]int{}
	for _, r := range records {
		counts[Provenance(r.GetSource())]++
	}
	return MergeProvenance(counts), counts
}

// FormatProvenance writes a provenance with its counts for a summary line:
// "real", "synthetic", or "mixed: real 10, synthetic 200".
func FormatProvenance(provenance string, counts map[string]int) string {
	if provenance != ProvenanceMixed {
		return provenance
	}
	var parts []string
	for _, p := range []string{ProvenanceReal, ProvenanceSynthetic, ProvenanceUnstated} {
		if counts[p] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", p, counts[p]))
		}
	}
	return provenance + ": " + strings.Join(parts, ", ")
}
