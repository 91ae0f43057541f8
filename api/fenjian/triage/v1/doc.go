// Package triagev1 is the generated Go code of fenjian's API, the protobuf
// package fenjian.triage.v1 (triage.proto beside it): the Filing,
// LabeledFiling, Decision, Outcome and Assignment messages and the
// TriageService and AdminService RPCs. triage.proto documents every message
// and field; this file exists because the generated files carry the proto's
// comment detached from their package clause, so go doc would show none.
// Regenerate with `go tool -modfile=internal/tools/go.mod buf generate`;
// this file is not generated and survives that.
package triagev1
