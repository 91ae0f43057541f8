package classifier

import (
	"context"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"github.com/fenjian/fenjian/triage"
)

// benchFiling is a generated civil filing whose text is made exactly 1,000
// characters long from the texts of other generated civil filings (the
// latency target's "1,000-character filing", docs/architecture.md).
func benchFiling(b testing.TB) *triagev1.Filing {
	b.Helper()
	var f *triagev1.Filing
	var text strings.Builder
	for _, lf := range generate(b, 200, 11) {
		if lf.GetFiling().GetCaseKind() != triagev1.CaseKind_CASE_KIND_CIVIL {
			continue
		}
		if f == nil {
			f = lf.GetFiling()
		}
		text.WriteString(lf.GetFiling().GetText())
		if utf8.RuneCountInString(text.String()) >= 1000 {
			break
		}
	}
	f.Text = string([]rune(text.String())[:1000])
	return f
}

func benchModel(b *testing.B) *Model {
	b.Helper()
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkScore is features + model on a 1,000-character filing (the rules'
// assessment is computed once, outside the loop).
// BenchmarkLoadDefault measures loading the embedded default model (target
// ≤ 1 s): a benchmark, not a timed assertion in a test, because a loaded CI
// machine stretches wall time without anything being wrong.
func BenchmarkLoadDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	m, f := benchModel(b), benchFiling(b)
	a, err := testRules(b).Evaluate(f)
	if err != nil {
		b.Fatal(err)
	}
	var p triage.Probabilities
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		m.Score(f, a, &p)
	}
	reportCPU(b, cpu)
}

// BenchmarkExtract is the feature extraction alone, into the scorer's
// filtered vector, on the 1,000-character filing.
func BenchmarkExtract(b *testing.B) {
	m, f := benchModel(b), benchFiling(b)
	a, err := testRules(b).Evaluate(f)
	if err != nil {
		b.Fatal(err)
	}
	v := m.pool.New().(*scratch).v
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		m.ext.Extract(f, a, v)
	}
	reportCPU(b, cpu)
}

// cpuTime is the process's user+system CPU time. Benchmarks report it per
// op beside the wall time: on a shared machine other processes inflate wall
// time, not the CPU this code uses.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64((cpuTime()-since).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkDecide is the whole in-process triage the latency target of
// docs/architecture.md (Targets) is set on: rules, features and model through
// triage.Engine.
func BenchmarkDecide(b *testing.B) {
	benchDecide(b, benchModel(b))
}

// BenchmarkDecideBaseline is the same with the cause + amount baseline, the
// cost of the rules and the engine alone.
func BenchmarkDecideBaseline(b *testing.B) {
	benchDecide(b, NewBaseline())
}

func benchDecide(b *testing.B, s triage.Scorer) {
	e := triage.New(testRules(b), s)
	f := benchFiling(b)
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := e.Decide(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkDecideReal is BenchmarkDecide over the real filings of the
// development set (realtest.Filings; skipped where there are none), one
// after another: the mix of civil, criminal and administrative texts of
// every length that the bench's one civil filing stands for. Run a
// multiple of their number (290) to weigh each the same.
func BenchmarkDecideReal(b *testing.B) {
	e := triage.New(testRules(b), benchModel(b))
	var fs []*triagev1.Filing
	for _, lf := range realtest.Filings(b) {
		fs = append(fs, lf.GetFiling())
	}
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cpuTime()
	i := 0
	for b.Loop() {
		if _, err := e.Decide(ctx, fs[i%len(fs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportCPU(b, cpu)
}

// BenchmarkDecideLatency times every Decide call and reports the p50 and
// p99 latencies (docs/architecture.md, Targets: p99 ≤ 100 µs).
func BenchmarkDecideLatency(b *testing.B) {
	benchLatency(b, benchModel(b))
}

// BenchmarkDecideLatencyModel is BenchmarkDecideLatency with the default
// model's baseline blend removed: the shipped model gives civil filings
// wholly to the cause + amount baseline, and this measures the trained
// path (features, naive Bayes, trees) that a model without such a blend
// runs for every filing.
func BenchmarkDecideLatencyModel(b *testing.B) {
	m := benchModel(b)
	m, err := m.With(nil, m.RealPrior())
	if err != nil {
		b.Fatal(err)
	}
	benchLatency(b, m)
}

// BenchmarkDecideLatencyFresh is BenchmarkDecideLatency with every Decide
// on a new goroutine, as grpc-go's server runs each call: a new goroutine's
// stack starts small and grows (copied) as deep as the rules' evaluation
// goes, which the benchmark goroutine's stack, grown once, does not show.
func BenchmarkDecideLatencyFresh(b *testing.B) {
	e := triage.New(testRules(b), benchModel(b))
	f := benchFiling(b)
	ctx := context.Background()
	lat := make([]time.Duration, 0, 1<<16)
	done := make(chan error)
	b.ReportAllocs()
	for b.Loop() {
		var d time.Duration
		go func() {
			t0 := time.Now()
			_, err := e.Decide(ctx, f)
			d = time.Since(t0)
			done <- err
		}()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		lat = append(lat, d)
	}
	reportLatency(b, lat)
}

func benchLatency(b *testing.B, s triage.Scorer) {
	e := triage.New(testRules(b), s)
	f := benchFiling(b)
	ctx := context.Background()
	lat := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		if _, err := e.Decide(ctx, f); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	reportLatency(b, lat)
}

// reportLatency reports the p50 and p99 of a benchmark's timed calls.
func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Nanoseconds()), "p99-ns")
}
