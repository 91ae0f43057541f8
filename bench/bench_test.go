package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// TestBench runs bench in its smallest configurations against a triaged
// built once: every kind of request is answered, and every fault of the
// fault table happens and loses nothing. It checks that the tool works and
// that the faults are survived, not how fast anything is.
func TestBench(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts triaged")
	}
	bin, err := buildTriaged(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, driver := range []string{"ghz", "builtin"} {
		t.Run("speed/"+driver, func(t *testing.T) { testSpeed(t, bin, driver) })
	}
	t.Run("faults", func(t *testing.T) { testFaults(t, bin) })
}

func testSpeed(t *testing.T, bin, driver string) {
	var out strings.Builder
	err := run(context.Background(), []string{
		"-triaged", bin, "-driver", driver, "-inprocess=false", "-stores", "sqlite", "-callers", "2", "-duration", "300ms", "-warmup", "0",
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
		if !strings.HasPrefix(line, "| sqlite") {
			continue
		}
		// The errors column: the ninth of the closed loop's eleven, the
		// seventh of the open loop's ten.
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		col := 8
		if strings.HasSuffix(cells[1], "/s") {
			col = 6
		}
		if cells[col] != "0" {
			t.Errorf("requests failed: %s", line)
		}
		if col == 8 {
			// triaged's CPU per request, dry run / stored: both measured.
			var dry, stored int
			if _, err := fmt.Sscanf(cells[9], "%d / %d", &dry, &stored); err != nil || dry <= 0 || stored <= 0 {
				t.Errorf("server CPU per request %q is not two positive numbers: %s", cells[9], line)
			}
		}
	}
}

// testFaults runs each fault briefly. bench itself fails the run when an
// acknowledged decision is missing from the store, when the audit chain does
// not verify, when a client is told a code the fault does not allow, or when
// a bad model or rules file changes what answers; this test checks that
// each fault's row is there and was not skipped where the machine can run it.
func testFaults(t *testing.T, bin string) {
	stores := "sqlite"
	if os.Getenv("FENJIAN_TEST_POSTGRES") != "" {
		stores = "sqlite,postgres"
	}
	var out, stderr strings.Builder
	err := run(context.Background(), []string{
		"-triaged", bin, "-faults", "-stores", stores, "-duration", "2s", "-kills", "1",
	}, &out, &stderr)
	t.Log("\n" + out.String() + stderr.String())
	if err != nil {
		t.Fatalf("bench -faults: %v", err)
	}
	tests := []struct {
		row  string
		want bool // must have run, not been skipped
	}{
		{"| sqlite | kill -9 ×1 |", true},
		{"| postgres | kill -9 ×1 |", stores != "sqlite"},
		{"| postgres (private cluster) | PostgreSQL stop", stores != "sqlite"},
		{"| sqlite | corrupted model pushed |", true},
		{"| sqlite | broken rules file pushed |", true},
		// Mounting the tmpfs needs root; elsewhere the row says why it
		// was skipped.
		{"| sqlite | disk full", os.Geteuid() == 0},
	}
	for _, tt := range tests {
		line := lineWith(out.String(), tt.row)
		switch {
		case !tt.want:
		case line == "":
			t.Errorf("no row %q", tt.row)
		case strings.Contains(line, "skipped:"):
			t.Errorf("row skipped: %s", line)
		}
	}
}

func lineWith(s, prefix string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}
