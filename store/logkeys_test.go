package store_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/fenjian/fenjian/store"
)

// TestLogRecordsHaveUniqueKeys: every JSON log record the store writes while
// it opens, migrates and closes a new database names each key once. The
// store's logger already carries the dialect, and the migration record added
// it again ("dialect":"postgres" twice on each of 15 lines of a running
// triaged's log, outside check); log pipelines that parse strictly refuse a
// document with a duplicate field, and lenient ones keep either value.
func TestLogRecordsHaveUniqueKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		var buf bytes.Buffer
		s := b.open(t, store.Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
		verifyOK(t, s)
		lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
		migrations := 0
		for _, line := range lines {
			dup, err := duplicateKey(line)
			if err != nil {
				t.Fatalf("log record %s: %v", line, err)
			}
			if dup != "" {
				t.Errorf("log record names %q twice: %s", dup, line)
			}
			if bytes.Contains(line, []byte(`"applied schema migration"`)) {
				migrations++
			}
		}
		if migrations == 0 {
			t.Fatalf("no migration was logged; the check saw %d records", len(lines))
		}
	})
}

// duplicateKey returns the first key the top-level JSON object in line
// names twice, or "".
func duplicateKey(line []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if _, err := dec.Token(); err != nil { // {
		return "", err
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", err
		}
		key, _ := tok.(string)
		if seen[key] {
			return key, nil
		}
		seen[key] = true
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return "", err
		}
	}
	return "", nil
}

// TestMigrationLogsSeconds: the migrations that re-key decisions in Go
// (15, 16 and 17) log how long they took as "took_seconds", a JSON number of
// seconds, on a real new database of each backend. They wrote
// "took":"0.46s", text that log queries cannot compare, beside the store
// probe's "took":2004369445 in nanoseconds (outside check; internal/logattr).
func TestMigrationLogsSeconds(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		var buf bytes.Buffer
		start := time.Now()
		s := b.open(t, store.Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
		verifyOK(t, s)
		elapsed := time.Since(start)
		for _, msg := range []string{"decisions given their filing key", "decisions re-keyed by case number", "decisions re-keyed by folded case number"} {
			var rec map[string]any
			for line := range bytes.Lines(buf.Bytes()) {
				var r map[string]any
				if err := json.Unmarshal(line, &r); err != nil {
					t.Fatalf("log line %q: %v", line, err)
				}
				if r["msg"] == msg {
					rec = r
				}
			}
			if rec == nil {
				t.Errorf("no %q record while migrating a new database:\n%s", msg, buf.Bytes())
				continue
			}
			if v, ok := rec["took"]; ok {
				t.Errorf("%q: still has \"took\" (%#v): want took_seconds only", msg, v)
			}
			took, ok := rec["took_seconds"].(float64)
			if !ok || took < 0 || took > elapsed.Seconds() {
				t.Errorf("%q: took_seconds = %#v, want a JSON number of seconds in 0..%v", msg, rec["took_seconds"], elapsed.Seconds())
			}
		}
	})
}
