package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// series is one scrape of triaged's /metrics: each sample's value by its
// line's name and labels as printed (`name{a="x",b="y"}`).
type series map[string]float64

// scrape reads triaged's /metrics (Prometheus text format).
func scrape(ctx context.Context, httpAddr string) (series, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+httpAddr+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("read triaged's metrics: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read triaged's metrics: %w", err)
	}
	return parseSeries(string(b))
}

// parseSeries parses the text format's sample lines; comments are skipped.
func parseSeries(text string) (series, error) {
	s := series{}
	for _, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			return nil, fmt.Errorf("metrics line %q: no value", line)
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			return nil, fmt.Errorf("metrics line %q: %w", line, err)
		}
		s[line[:i]] = v
	}
	return s, nil
}

// label is the value of label name in a series key, "" when absent.
func label(key, name string) string {
	_, v, ok := strings.Cut(key, name+`="`)
	if !ok {
		return ""
	}
	v, _, _ = strings.Cut(v, `"`)
	return v
}

// sumBy adds up the samples of metric whose key contains every one of
// match, by the value of label by.
func (s series) sumBy(metric, by string, match ...string) map[string]int {
	out := map[string]int{}
	for k, v := range s {
		if !strings.HasPrefix(k, metric+"{") || !containsAll(k, match) {
			continue
		}
		out[label(k, by)] += int(v)
	}
	return out
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// storeWindow is what triaged's own metrics say about a stretch of load:
// the store's commits and the Go runtime's collections between two scrapes.
type storeWindow struct {
	commits           int
	perCommit         float64       // decisions per commit
	commitP50, p99    time.Duration // upper bounds of the histogram buckets
	gcCycles          int
	gcPause, gcPause1 time.Duration // total pause in the window; longest recent pause
	// cpu is the CPU time triaged used in the window, user and system.
	cpu time.Duration
}

// window compares two scrapes.
func window(before, after series) storeWindow {
	const commit, batch, gc = "fenjian_store_commit_duration_seconds", "fenjian_store_commit_batch_size", "go_gc_duration_seconds"
	d := func(k string) float64 { return after[k] - before[k] }
	w := storeWindow{
		commits:  int(d(commit + "_count")),
		gcCycles: int(d(gc + "_count")),
		gcPause:  time.Duration(d(gc+"_sum") * float64(time.Second)),
		gcPause1: time.Duration(after[gc+`{quantile="1"}`] * float64(time.Second)),
		cpu:      time.Duration(d("process_cpu_seconds_total") * float64(time.Second)),
	}
	if n := d(batch + "_count"); n > 0 {
		w.perCommit = d(batch+"_sum") / n
	}
	type bucket struct{ le, n float64 }
	var buckets []bucket
	for k := range after {
		if !strings.HasPrefix(k, commit+"_bucket{") {
			continue
		}
		le, err := strconv.ParseFloat(label(k, "le"), 64)
		if err != nil {
			le = math.Inf(1) // "+Inf"
		}
		buckets = append(buckets, bucket{le, d(k)})
	}
	slices.SortFunc(buckets, func(a, b bucket) int { return cmp.Compare(a.le, b.le) })
	quantile := func(q float64) time.Duration {
		for _, b := range buckets {
			if b.n >= q*float64(w.commits) && w.commits > 0 {
				if math.IsInf(b.le, 1) {
					return -1
				}
				return time.Duration(b.le * float64(time.Second))
			}
		}
		return 0
	}
	w.commitP50, w.p99 = quantile(0.5), quantile(0.99)
	return w
}

// bound prints a bucket's upper bound: "≤ 1.60 ms", "> last bucket".
func bound(d time.Duration) string {
	if d < 0 {
		return "> 1.6 s"
	}
	return "≤ " + ms(d)
}
