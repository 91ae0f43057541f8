package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBenchRows(t *testing.T) {
	tests := []struct {
		name, out string
		want      []string
	}{
		{"result line", "goos: linux\nBenchmarkDecideLatency-2   \t   20000\t    330694 ns/op\t     50214 p50-ns\t  1932 B/op\t      26 allocs/op\nPASS\n",
			[]string{"| BenchmarkDecideLatency-2 | 20000 | 330694 ns/op, 50214 p50-ns, 1932 B/op, 26 allocs/op |"}},
		{"sub-benchmark", "BenchmarkSaveTriageParallel/sqlite/goroutines_per_proc=32-2 3000 381.4 writer-µs/decision\n",
			[]string{"| BenchmarkSaveTriageParallel/sqlite/goroutines_per_proc=32-2 | 3000 | 381.4 writer-µs/decision |"}},
		{"skipped", "--- SKIP: BenchmarkSaveTriageParallel/postgres\nPASS\nok  \tx\t0.1s\n", nil},
		{"name only, as -v prints it", "BenchmarkDecideLatency\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, benchRows(tt.out)); diff != "" {
				t.Errorf("benchRows (-want +got):\n%s", diff)
			}
		})
	}
}
