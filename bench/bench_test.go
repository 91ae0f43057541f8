package main

import (
	"context"
	"io"
	"strings"
	"testing"
)

// TestSmoke runs bench in its smallest configuration: it builds and starts
// triaged, and every kind of request is answered. It checks that the tool
// works, not how fast anything is.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts triaged")
	}
	var out strings.Builder
	err := run(context.Background(), []string{
		"-stores", "sqlite", "-callers", "2", "-duration", "300ms", "-warmup", "0",
		"-rate", "50", "-open-duration", "500ms",
	}, &out, io.Discard)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, out.String())
	}
	t.Log("\n" + out.String())
	for _, want := range []string{"| sqlite | 2 |", "| sqlite | 50/s |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "| sqlite") && !strings.HasSuffix(line, "| 0 |") {
			t.Errorf("requests failed: %s", line)
		}
	}
}
