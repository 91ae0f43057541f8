package rules_test

import (
	"bufio"
	"bytes"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestDesignExample evaluates the example JSONL line of docs/architecture.md: a
// ¥30,000 loan in 辽宁 on 2024-03-05, under the 47,000 limit in force since
// 2023-07, so small claims is mandatory, as its label says.
func TestDesignExample(t *testing.T) {
	e := defaultEngine(t)
	sc := bufio.NewScanner(bytes.NewReader(readTestdata(t, "design_example.jsonl")))
	n := 0
	for sc.Scan() {
		n++
		var lf triagev1.LabeledFiling
		if err := protojson.Unmarshal(sc.Bytes(), &lf); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		a, err := e.Evaluate(lf.GetFiling())
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		o := a.Option(lf.GetLabel())
		if o == nil || !o.GetAvailable() {
			t.Errorf("line %d: label %s not available: %s", n, lf.GetLabel(), describe(a))
		}
		if !o.GetMandatory() || a.NeedsReview() {
			t.Errorf("line %d: %s", n, describe(a))
		}
		if a.Limit.GetProvince() != "辽宁省" || a.Limit.GetMandatoryLimitFen() != 47000_00 || a.Limit.GetEffectiveFrom() != "2023-07" {
			t.Errorf("line %d: limit %v", n, a.Limit)
		}
		if err := invariants(lf.GetFiling(), a); err != nil {
			t.Error(err)
		}
	}
	if err := sc.Err(); err != nil || n == 0 {
		t.Fatalf("read %d lines: %v", n, err)
	}
}

// TestEvaluateIsPure: evaluating never changes the filing, and the same
// filing always gives the same assessment.
func TestEvaluateIsPure(t *testing.T) {
	e := defaultEngine(t)
	for _, cases := range allTables(t) {
		for _, c := range cases {
			before := with(c.filing)
			a1 := evaluate(t, e, c)
			a2 := evaluate(t, e, c)
			if !protoEqualFiling(before, c.filing) {
				t.Errorf("%s: Evaluate changed the filing", c.name)
			}
			if describe(a1) != describe(a2) {
				t.Errorf("%s: two evaluations differ:\n%s\n%s", c.name, describe(a1), describe(a2))
			}
		}
	}
}

func protoEqualFiling(a, b *triagev1.Filing) bool {
	// with() adds empty circumstances; compare with the same normalisation.
	return bytes.Equal(mustJSON(with(a)), mustJSON(with(b)))
}

func mustJSON(f *triagev1.Filing) []byte {
	b, err := protojson.MarshalOptions{UseProtoNames: true}.Marshal(f)
	if err != nil {
		panic(err)
	}
	return b
}

// TestEvaluateConcurrent runs one engine from many goroutines (go test -race).
func TestEvaluateConcurrent(t *testing.T) {
	e := defaultEngine(t)
	var fs []*triagev1.Filing
	for _, cases := range allTables(t) {
		for _, c := range cases {
			if c.clock.IsZero() {
				fs = append(fs, c.filing)
			}
		}
	}
	done := make(chan error, 8)
	for g := range 8 {
		go func() {
			for i := range fs {
				f := fs[(i+g)%len(fs)]
				a, err := e.Evaluate(f)
				if err == nil {
					err = invariants(f, a)
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
