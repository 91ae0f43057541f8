package training

import (
	"context"
	"runtime/debug"
	"testing"
)

// BenchmarkTrain100k trains the default configuration on 100,000 generated
// filings (docs/architecture.md, Targets: ≤ 60 s on 2 cores), with the GC setting of
// `triagectl train`. Run it alone: go test -run - -bench Train100k -benchtime 1x.
func BenchmarkTrain100k(b *testing.B) {
	data := generate(b, 100_000, 1)
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	r := testRules(b)
	for b.Loop() {
		if _, err := Train(context.Background(), r, data, DataInfo{}, DefaultTrainConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
