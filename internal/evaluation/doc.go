// Package evaluation measures how well a triage engine — the statutory rules
// plus a scorer — recommends the procedure a case finally ended in
// (docs/architecture.md, Models). It scores the FINAL recommendation (after the rules and the
// ordinary-leaning policy), not the scorer's raw argmax, because that is what
// the clerk sees.
//
// Given labelled filings (JSONL, dataset.Reader) and one or more
// *triage.Engine, Evaluate decides each filing, times each Decide call, and
// returns one Report per engine. Compute turns a slice of Outcomes into the
// metrics and is a pure function; Compare puts reports side by side;
// WriteHTML renders a self-contained HTML page with inline SVG plots.
//
// # Metrics
//
//   - accuracy: share of evaluated cases whose recommendation equals the label.
//   - per-class precision, recall, F1 and support, over the procedures present
//     among the labels or the recommendations (scikit-learn's default label
//     set); a ratio with a zero denominator is 0 (scikit-learn's
//     zero_division=0). F1 is 2·TP / (2·TP + FP + FN).
//   - macro-F1: unweighted mean of the per-class F1.
//   - confusion matrix: rows are labels, columns recommendations, in
//     procedure-number order.
//   - ordinary recall: of the cases labelled ordinary, the share recommended
//     ordinary. Its complement is the costly error: complex cases sent to a
//     fast track (简转普 later). 0 when no case is labelled ordinary.
//   - expected calibration error over 10 equal-width bins of the recommended
//     option's probability: Σ_b (n_b/N)·|accuracy_b − mean confidence_b|.
//     Bin b holds confidences in (b/10, (b+1)/10] (0 falls in the first bin),
//     as in scikit-learn's calibration_curve(strategy="uniform").
//   - latency of each Decide call: nearest-rank p50 and p99, mean and max.
//
// # Report JSON schema
//
// The JSON field names are stable; fields may be added, none renamed.
//
//	{
//	  "model":          string   scorer version (Decision.model_version)
//	  "rules_version":  string   rules version (Decision.rules_version)
//	  "data":           {"path": string, "sha256": string, "holdout": number,
//	                     "provenance": "real"|"synthetic"|"mixed"|"unstated",
//	                     "sources": {"real": int, "synthetic": int, "unstated": int}}
//	                    provenance and sources count the evaluated filings by
//	                    LabeledFiling.source (dataset.Provenance: "synthetic" from
//	                    gen, "outcome" from export and "real:…" are real); every
//	                    figure is quoted with it (docs/quality.md)
//	  "counts": {
//	    "lines":        int      non-blank lines read
//	    "invalid":      int      lines that are not a Filing/LabeledFiling
//	    "unlabeled":    int      records without a label (skipped)
//	    "not_held_out": int      records outside the held-out split (skipped, only with holdout > 0)
//	    "rejected":     int      filings the rules refused as invalid (*rules.FieldError)
//	    "evaluated":    int      labelled filings decided and scored
//	    "needs_review": int      evaluated decisions flagged for review
//	  },
//	  "accuracy":        number
//	  "macro_f1":        number
//	  "ordinary_recall": number
//	  "ordinary_missed": int     labelled ordinary, recommended something simpler
//	  "per_class": [{"procedure": "PROCEDURE_ORDINARY", "precision": n, "recall": n,
//	                 "f1": n, "support": int, "predicted": int}, ...]
//	  "confusion": {"labels": ["PROCEDURE_SMALL_CLAIMS", ...], "matrix": [[int, ...], ...]}
//	  "calibration": {"ece": number, "bins": [{"lower": n, "upper": n, "count": int,
//	                  "confidence": n, "accuracy": n}, ...10]}
//	  "review": {"rate": n, "not_reviewed": int, "accuracy_not_reviewed": n}
//	  "latency": {"count": int, "p50_us": n, "p99_us": n, "mean_us": n, "max_us": n}
//	  "intervals": {"resamples": int, "seed": int, "accuracy": {"lo": n, "hi": n},
//	                "macro_f1": {...}, "ordinary_recall": {...}, "ece": {...},
//	                "recall": {"PROCEDURE_…": {"lo": n, "hi": n}, ...}}   with Options.Bootstrap
//	  "by_kind": [{"kind": "CASE_KIND_CIVIL", "evaluated": int, …the metrics above…,
//	               "intervals": {...}}, ...]   case kinds present, in enum order
//	  "problems": [{"file": string (a directory's file), "line": int, "id": string, "kind": "invalid"|"rejected", "error": string}, ...]
//	  "problems_truncated": bool   more problems than MaxProblems occurred
//	}
//
// Procedure names are the proto enum names (as protojson writes them), so the
// scikit-learn reference script (scripts/sklearn_reference.py) prints the
// same keys. A comparison (Compare) is {"models": [Report, ...], "deltas":
// [...], "warnings": [...]}; a delta carries, with intervals, the paired
// bootstrap intervals of the differences ("macro_f1_interval",
// "accuracy_interval") overall and per kind ("by_kind").
//
// # Intervals
//
// Bootstrap 95% intervals, percentile method: the cases are resampled with
// replacement Options.Bootstrap times from a PCG seeded with Options.Seed
// (per kind, seeded with the seed and the kind), each statistic is
// recomputed on every resample, and the interval runs from the 2.5th to the
// 97.5th percentile (linear interpolation). Engines evaluated on the same
// records get the same resamples, so the interval of a difference is
// paired. Recall intervals use the resamples in which the class occurs.
//
// # Held-out split
//
// HeldOut is the one rule that decides which records a trainer withholds for
// evaluation, written so any language can reproduce it: a record is held out
// iff FNV-1a-64 of the UTF-8 bytes of filing.id, modulo 1000, is below
// round(fraction·1000).
package evaluation
