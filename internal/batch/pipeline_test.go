package batch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/batch"
	"github.com/fenjian/fenjian/internal/dataset"
)

// jitter delays each filing by 0–3 ms chosen from its id, so completion
// order differs from input order.
func jitter(f *triagev1.Filing) time.Duration {
	h := fnv.New32a()
	h.Write([]byte(f.GetId()))
	return time.Duration(h.Sum32()%4) * time.Millisecond
}

func TestRunKeepsInputOrder(t *testing.T) {
	input, wants := mixedInput(t, 60)
	local := batch.NewLocal(newEngine(t))
	tests := []struct {
		name        string
		scorer      batch.Scorer
		concurrency int
	}{
		{"sequential", local, 1},
		{"zero means one", local, 0},
		{"4 workers", local, 4},
		{"4 workers, jittered", delayed{local, jitter}, 4},
		{"32 workers, jittered", delayed{local, jitter}, 32},
		{"more workers than lines", delayed{local, jitter}, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var c collector
			sum, err := batch.Run(testContext(t), strings.NewReader(input), tc.scorer, batch.Options{Concurrency: tc.concurrency}, c.emit)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			checkResults(t, c.get(), wants)
			var failed int
			for _, w := range wants {
				if w.code != "" {
					failed++
				}
			}
			if sum.Failed != failed || sum.Scored != len(wants)-failed || sum.Interrupted {
				t.Fatalf("summary %+v, want %d scored, %d failed", sum, len(wants)-failed, failed)
			}
			if got := sum.Recommended[triagev1.Procedure_PROCEDURE_FAST_TRACK]; got != 12 {
				t.Fatalf("summary counts %d fast-track, want 12: %v", got, sum)
			}
		})
	}
}

// TestWriterOutput checks the JSONL a run produces: line k answers record k,
// decisions as protojson with proto field names, failures as error records.
func TestWriterOutput(t *testing.T) {
	input, wants := mixedInput(t, 10)
	var out bytes.Buffer
	w := batch.NewWriter(&out)
	_, err := batch.Run(testContext(t), strings.NewReader(input), delayed{batch.NewLocal(newEngine(t)), jitter}, batch.Options{Concurrency: 8}, w.Write)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(wants) {
		t.Fatalf("%d output lines, want %d:\n%s", len(lines), len(wants), out.String())
	}
	for i, w := range wants {
		if w.code != "" {
			var rec batch.ErrorRecord
			dec := json.NewDecoder(strings.NewReader(lines[i]))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&rec); err != nil {
				t.Fatalf("line %d: %v: %s", i+1, err, lines[i])
			}
			if rec.Line != w.line || rec.FilingID != w.filingID || rec.Error.Code != w.code || rec.Error.Field != w.field || rec.Error.Message == "" {
				t.Fatalf("line %d: %+v, want %+v", i+1, rec, w)
			}
			continue
		}
		if !strings.Contains(lines[i], `"filing_id":`) {
			t.Fatalf("line %d does not use proto field names: %s", i+1, lines[i])
		}
		var d triagev1.Decision
		if err := protojson.Unmarshal([]byte(lines[i]), &d); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, lines[i])
		}
		if d.GetFilingId() != w.filingID || d.GetRecommended() != w.recommended || !d.GetDryRun() || d.GetDecidedAt() == nil {
			t.Fatalf("line %d: decision for %q recommends %v (dry_run %v), want %q %v",
				i+1, d.GetFilingId(), d.GetRecommended(), d.GetDryRun(), w.filingID, w.recommended)
		}
	}
}

// blockingReader returns its data, then blocks like a terminal's stdin
// until released.
type blockingReader struct {
	data    io.Reader
	release chan struct{}
}

func (r *blockingReader) Read(p []byte) (int, error) {
	if n, err := r.data.Read(p); err == nil || n > 0 {
		return n, nil
	}
	<-r.release
	return 0, io.EOF
}

func TestRunCanceled(t *testing.T) {
	input, wants := mixedInput(t, 20)
	local := batch.NewLocal(newEngine(t))
	slowID := wants[6].filingID // a good line; it never finishes by itself
	if wants[6].code != "" {
		t.Fatalf("fixture: record 6 should be a good line: %+v", wants[6])
	}
	stuck := delayed{local, func(f *triagev1.Filing) time.Duration {
		if f.GetId() == slowID {
			return time.Hour
		}
		return jitter(f)
	}}
	fromString := func() (io.Reader, func()) { return strings.NewReader(input), func() {} }
	tests := []struct {
		name   string
		scorer batch.Scorer
		input  func() (r io.Reader, release func())
		// Exactly one way to cancel: before Run, from emit once this many
		// results were emitted, or from outside once this many were emitted
		// and the run then stalled for a while.
		cancelBefore  bool
		cancelAtEmit  int
		cancelOnStall int
		// The results emitted are a prefix of the expected ones, between
		// these lengths: after a cancellation Run still emits what is
		// complete and contiguous.
		minEmitted, maxEmitted int
	}{
		{
			name:         "before start",
			scorer:       local,
			input:        fromString,
			cancelBefore: true,
			minEmitted:   0, maxEmitted: 0,
		},
		{
			// The input stays open, as stdin does: Run must not wait for it.
			name:   "while waiting for input",
			scorer: local,
			input: func() (io.Reader, func()) {
				r := &blockingReader{data: strings.NewReader(input), release: make(chan struct{})}
				return r, func() { close(r.release) }
			},
			cancelAtEmit: len(wants),
			minEmitted:   len(wants), maxEmitted: len(wants),
		},
		{
			name:         "midway",
			scorer:       delayed{local, jitter},
			input:        fromString,
			cancelAtEmit: 5,
			// Lines read ahead may be complete and are then emitted too.
			minEmitted: 5, maxEmitted: len(wants),
		},
		{
			// Record 6 hangs: everything before it is emitted, nothing
			// after it, even the lines that finished meanwhile, so the
			// output stays aligned with the input.
			name:          "while a call hangs",
			scorer:        stuck,
			input:         fromString,
			cancelOnStall: 6,
			minEmitted:    6, maxEmitted: 6,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(testContext(t))
			defer cancel()
			r, release := tc.input()
			defer release()
			if tc.cancelBefore {
				cancel()
			}
			var c collector
			emit := func(res batch.Result) error {
				_ = c.emit(res)
				if len(c.get()) == tc.cancelAtEmit {
					cancel()
				}
				return nil
			}
			if tc.cancelOnStall > 0 {
				go func() {
					for ctx.Err() == nil && len(c.get()) < tc.cancelOnStall {
						time.Sleep(time.Millisecond)
					}
					time.Sleep(50 * time.Millisecond) // let later lines finish
					cancel()
				}()
			}
			done := make(chan struct{})
			var (
				sum batch.Summary
				err error
			)
			go func() {
				defer close(done)
				sum, err = batch.Run(ctx, r, tc.scorer, batch.Options{Concurrency: 4}, emit)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return after cancellation")
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Run: %v, want context.Canceled", err)
			}
			if !sum.Interrupted {
				t.Fatalf("summary %+v not marked interrupted", sum)
			}
			got := c.get()
			if len(got) < tc.minEmitted || len(got) > tc.maxEmitted {
				t.Fatalf("emitted %d results, want %d to %d", len(got), tc.minEmitted, tc.maxEmitted)
			}
			checkResults(t, got, wants[:len(got)])
			if sum.Scored+sum.Failed != len(got) {
				t.Fatalf("summary counts %d+%d, emitted %d", sum.Scored, sum.Failed, len(got))
			}
		})
	}
}

func TestRunStops(t *testing.T) {
	good := jsonLine(t, loanFiling("(2024)辽0102民初1号"), false)
	tooLong := `{"id":"` + strings.Repeat("x", dataset.MaxLineBytes) + `"}`
	writeFailed := errors.New("disk full")
	tests := []struct {
		name        string
		input       string
		emitErr     error
		wantErr     func(error) bool
		wantEmitted int
		wantCounted int // results in the summary
	}{
		{
			// An over-long line is its own error record; the run goes on
			// past it (the line after it used to be lost with the rest).
			name:        "line too long",
			input:       good + "\n" + tooLong + "\n" + good + "\n",
			wantErr:     func(err error) bool { return err == nil },
			wantEmitted: 3,
			wantCounted: 3,
		},
		{
			name:        "emit fails",
			input:       good + "\n" + good + "\n",
			emitErr:     writeFailed,
			wantErr:     func(err error) bool { return errors.Is(err, writeFailed) },
			wantEmitted: 1,
		},
		{
			// emit wrote the line and asks to stop there: the line is
			// counted, nothing after it is emitted (triagectl score on a
			// refused credential).
			name:        "emit stops after",
			input:       good + "\n" + good + "\n" + good + "\n",
			emitErr:     batch.StopAfter(writeFailed),
			wantErr:     func(err error) bool { return errors.Is(err, writeFailed) },
			wantEmitted: 1,
			wantCounted: 1,
		},
		{
			name:        "empty input",
			input:       "\n\n",
			wantErr:     func(err error) bool { return err == nil },
			wantEmitted: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			emitted := 0
			emit := func(batch.Result) error {
				emitted++
				return tc.emitErr
			}
			sum, err := batch.Run(testContext(t), strings.NewReader(tc.input), batch.NewLocal(newEngine(t)), batch.Options{Concurrency: 2}, emit)
			if !tc.wantErr(err) {
				t.Fatalf("Run: unexpected error %v", err)
			}
			if emitted != tc.wantEmitted {
				t.Fatalf("emitted %d, want %d", emitted, tc.wantEmitted)
			}
			if n := sum.Scored + sum.Failed; n != tc.wantCounted {
				t.Errorf("summary counts %d results, want %d", n, tc.wantCounted)
			}
		})
	}
}

func TestSummaryString(t *testing.T) {
	s := batch.Summary{
		Scored: 4, Failed: 2, Elapsed: 1234 * time.Microsecond,
		Recommended: map[triagev1.Procedure]int{
			triagev1.Procedure_PROCEDURE_SMALL_CLAIMS: 1,
			triagev1.Procedure_PROCEDURE_SIMPLIFIED:   2,
			triagev1.Procedure_PROCEDURE_FAST_TRACK:   1,
		},
	}
	const want = "scored 4, failed 2 in 1ms; recommended SMALL_CLAIMS 1, SIMPLIFIED 2, FAST_TRACK 1"
	if got := s.String(); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	s.Interrupted = true
	if got := s.String(); !strings.Contains(got, "(interrupted)") {
		t.Fatalf("interrupted summary %q does not say so", got)
	}
	_ = fmt.Sprint(batch.Summary{}) // a zero summary must not panic
}
