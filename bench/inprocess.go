package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
)

// inProcess are the benchmarks of the targets measured inside one process,
// run by `go test -bench` in this module before the gRPC table: Decide's
// latency (rules, features and model on a 1,000-character filing; target
// p99 ≤ 100 µs, ≤ 50 allocations) and the store writer's serial time per
// routed decision (target ≤ 100 µs).
var inProcess = []struct {
	pkg, bench, benchtime string
}{
	{"./classifier", "^BenchmarkDecideLatency$", "20000x"},
	{"./store", "^BenchmarkSaveTriageParallel$/^sqlite$/^goroutines_per_proc=32$", "3000x"},
	{"./store", "^BenchmarkSaveTriageParallel$/^postgres$/^goroutines_per_proc=32$", "3000x"},
}

// inProcessTable runs the in-process benchmarks and prints one row per
// result line: the benchmark and its metrics as `go test` reports them.
// The PostgreSQL store benchmark runs when FENJIAN_TEST_POSTGRES is set (it
// uses its own schema there); -postgres is passed on as that variable.
func inProcessTable(ctx context.Context, c config, stdout io.Writer) error {
	root, err := moduleRoot(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "In process: `go test -bench` in this module; cpu-ns/op and writer-cpu-µs/decision are CPU time, the rest wall-clock.")
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "| benchmark | iterations | metrics |")
	fmt.Fprintln(stdout, "| --- | --- | --- |")
	for _, b := range inProcess {
		if strings.Contains(b.bench, "postgres") && !slices.Contains(c.stores, "postgres") {
			continue
		}
		cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", b.bench, "-benchtime", b.benchtime, b.pkg)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "FENJIAN_TEST_POSTGRES="+c.postgres)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("go test -bench %s %s: %w\n%s", b.bench, b.pkg, err, out)
		}
		rows := benchRows(string(out))
		if len(rows) == 0 { // skipped, e.g. no PostgreSQL answering
			rows = []string{fmt.Sprintf("| %s %s | – | no result (skipped) |", b.pkg, b.bench)}
		}
		for _, r := range rows {
			fmt.Fprintln(stdout, r)
		}
	}
	fmt.Fprintln(stdout)
	return nil
}

// benchRows turns `go test -bench` result lines into table rows.
func benchRows(out string) []string {
	var rows []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		var metrics []string
		for i := 2; i+1 < len(f); i += 2 {
			metrics = append(metrics, f[i]+" "+f[i+1])
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %s |", f[0], f[1], strings.Join(metrics, ", ")))
	}
	return rows
}
