package store_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"

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
