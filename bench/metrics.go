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
	commits        int
	perCommit      float64       // decisions per commit
	commitP50, p99 time.Duration // upper bounds of the histogram buckets
	commitMax      time.Duration // the largest commit's bucket bound
	// SQLite's background checkpoints: passes, WAL frames copied, and the
	// bucket bounds of the p99 and the longest pass.
	checkpoints, checkpointPages int
	checkpointP99, checkpointMax time.Duration
	gcCycles                     int
	gcPause, gcPause1            time.Duration // total pause in the window; longest recent pause
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
	qs := quantiles(before, after, commit, 0.5, 0.99, 1)
	w.commitP50, w.p99, w.commitMax = qs[0], qs[1], qs[2]
	const ckpt = "fenjian_store_checkpoint_duration_seconds"
	w.checkpoints = int(d(ckpt + "_count"))
	w.checkpointPages = int(d("fenjian_store_checkpoint_pages_total"))
	qs = quantiles(before, after, ckpt, 0.99, 1)
	w.checkpointP99, w.checkpointMax = qs[0], qs[1]
	return w
}

// quantiles returns upper bounds of the buckets of histogram metric that hold
// each quantile qs of its observations between two scrapes (1: the largest),
// -1 for the +Inf bucket and 0 when there were none.
func quantiles(before, after series, metric string, qs ...float64) (out []time.Duration) {
	n := after[metric+"_count"] - before[metric+"_count"]
	type bucket struct{ le, n float64 }
	var buckets []bucket
	for k := range after {
		if !strings.HasPrefix(k, metric+"_bucket{") {
			continue
		}
		le, err := strconv.ParseFloat(label(k, "le"), 64)
		if err != nil {
			le = math.Inf(1) // "+Inf"
		}
		buckets = append(buckets, bucket{le, after[k] - before[k]})
	}
	slices.SortFunc(buckets, func(a, b bucket) int { return cmp.Compare(a.le, b.le) })
	for _, q := range qs {
		var v time.Duration
		for _, b := range buckets {
			if n > 0 && b.n >= q*n {
				v = time.Duration(b.le * float64(time.Second))
				if math.IsInf(b.le, 1) {
					v = -1
				}
				break
			}
		}
		out = append(out, v)
	}
	return out
}

// bound prints a bucket's upper bound: "≤ 1.60 ms", "> last bucket".
func bound(d time.Duration) string {
	if d < 0 {
		return "> 1.6 s"
	}
	return "≤ " + ms(d)
}
