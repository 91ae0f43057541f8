package store

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// ServedCase is servedCase for the external tests: the decision and filing
// triaged serves the bench, whose blobs PostgreSQL compresses
// (BenchmarkPostgresSaveTriageServed, TestPostgresDecisionsCompressedInRow).
func ServedCase(t testing.TB) (*triagev1.Decision, *triagev1.Filing) { return servedCase(t) }
