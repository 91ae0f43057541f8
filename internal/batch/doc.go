// Package batch scores files of filings: it reads JSONL Filing or
// LabeledFiling lines (package dataset), scores them concurrently through a
// Scorer and hands the results back strictly in input order, so that output
// line k always answers input record k. It is the engine of `triagectl score`.
//
// A line that cannot be scored (bad JSON, an invalid filing, a failed call)
// does not stop the batch: it becomes an ErrorRecord in the output, in its
// place, naming the line, the filing id and a gRPC-style error code, so a
// batch keeps its alignment and a clerk can find the filing.
//
// Two Scorers are provided: Local runs a triage engine in process, Remote
// calls a running fenjian server. The package imports gRPC only for Remote
// and for reading gRPC status codes into error records; the triage engine it
// drives knows nothing of gRPC (docs/architecture.md).
package batch
