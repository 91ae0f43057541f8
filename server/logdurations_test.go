package server

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// TestStoreProbeFailureLogsSeconds runs the store probe against a real store
// that has stopped (a PostgreSQL server shut down under it; a SQLite store
// closed) and reads the JSON record it logs: how long the failing probe
// took is "took_seconds", a number of seconds. It was "took":2004369445,
// integer nanoseconds with no unit, beside migration records that wrote
// "0.46s" (outside check; internal/logattr).
func TestStoreProbeFailureLogsSeconds(t *testing.T) {
	const timeout = 2 * time.Second
	tests := []struct {
		name string
		// stopped returns a store whose probe fails.
		stopped func(t *testing.T) store.Store
	}{
		{"postgres stopped", func(t *testing.T) store.Store {
			c := pgtest.StartCluster(t)
			st, err := store.OpenPostgres(context.Background(), c.URL(), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = st.Close() })
			c.Stop("immediate")
			return st
		}},
		{"sqlite closed", func(t *testing.T) store.Store {
			st := openStore(t, tempDB(t))
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			return st
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := tt.stopped(t)
			var logs bytes.Buffer
			start := time.Now()
			if err := NewHealth().CheckStore(testContext(t), st, timeout, slog.New(slog.NewJSONHandler(&logs, nil))); err == nil {
				t.Fatal("the probe of a stopped store succeeded")
			}
			elapsed := time.Since(start)
			rec := logRecord(t, logs.Bytes(), "store probe failed; reporting NOT_SERVING until it recovers")
			if _, ok := rec["took"]; ok {
				t.Errorf(`the record still has "took" (%v): want took_seconds only`, rec["took"])
			}
			took, ok := rec["took_seconds"].(float64)
			if !ok {
				t.Fatalf("took_seconds = %#v, want a JSON number of seconds: %s", rec["took_seconds"], logs.Bytes())
			}
			if took < 0 || took > elapsed.Seconds() {
				t.Errorf("took_seconds = %v, want 0..%v (the probe's own duration, in seconds)", took, elapsed.Seconds())
			}
		})
	}
}

// logRecord decodes the JSON log record of logs whose message is msg; it
// fails the test when there is none.
func logRecord(t *testing.T, logs []byte, msg string) map[string]any {
	t.Helper()
	for line := range strings.Lines(string(logs)) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec["msg"] == msg {
			return rec
		}
	}
	t.Fatalf("no %q record in the log:\n%s", msg, logs)
	return nil
}
