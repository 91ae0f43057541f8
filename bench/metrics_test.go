package main

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func readSeries(t *testing.T, path string) series {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := parseSeries(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestWindow: the commits, their duration's bucket bounds and the
// collections between two scrapes are the differences of the scrapes.
func TestWindow(t *testing.T) {
	before, after := readSeries(t, "testdata/metrics-before.txt"), readSeries(t, "testdata/metrics-after.txt")
	want := storeWindow{
		commits: 100, perCommit: 10,
		// 50 of the 100 within 1 ms, 98 within 2 ms, 99 within 4 ms; the
		// longest beyond the last bound (-1).
		commitP50: time.Millisecond, p99: 4 * time.Millisecond, commitMax: -1,
		// 10 checkpoints copying 2,000 frames: 9 within 1 ms, 1 within 2 ms.
		checkpoints: 10, checkpointPages: 2000, checkpointP99: 2 * time.Millisecond, checkpointMax: 2 * time.Millisecond,
		gcCycles: 5, gcPause: 2 * time.Millisecond, gcPause1: 300 * time.Microsecond,
		cpu: 2500 * time.Millisecond,
	}
	if diff := cmp.Diff(want, window(before, after), cmp.AllowUnexported(storeWindow{})); diff != "" {
		t.Errorf("window (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"sighup": 2, "watch": 1},
		after.sumBy("fenjian_model_reloads_total", "trigger", `result="refused"`)); diff != "" {
		t.Errorf("refused reloads (-want +got):\n%s", diff)
	}
}

func TestParseSeriesRejects(t *testing.T) {
	for _, text := range []string{"no_value_line", "name{a=\"b\"} NaNx"} {
		if _, err := parseSeries(text); err == nil {
			t.Errorf("parseSeries(%q) succeeded", text)
		}
	}
}
