package main

import (
	"testing"

	"google.golang.org/grpc/codes"
)

// TestFaultRowWrong: every way a fault run can fail is reported, and a clean
// row is not.
func TestFaultRowWrong(t *testing.T) {
	clean := func() *faultRow {
		return &faultRow{
			store: "sqlite", fault: "f", sent: 3, acked: []string{"a", "b"}, stored: 2, audit: "OK",
			errs: map[codes.Code]int{codes.Unavailable: 1}, allowed: []codes.Code{codes.Unavailable},
			served: map[string]int{"m1 / r1": 2}, servedPrefix: "m1 / ",
		}
	}
	tests := []struct {
		name   string
		change func(r *faultRow)
		want   string
	}{
		{"clean", func(*faultRow) {}, ""},
		{"skipped", func(r *faultRow) { r.audit, r.note = "", "no tmpfs" }, ""},
		{"lost", func(r *faultRow) { r.stored, r.lost = 1, 1 }, "1 acknowledged decisions lost"},
		{"code not allowed", func(r *faultRow) { r.errs[codes.Internal] = 2 }, "2 answered Internal"},
		{"no code allowed", func(r *faultRow) { r.allowed = nil }, "1 answered Unavailable"},
		{"audit", func(r *faultRow) { r.audit = "broken at 3" }, "audit chain: broken at 3"},
		{"nothing acknowledged", func(r *faultRow) { r.acked, r.stored, r.served = nil, 0, nil }, "no request was acknowledged"},
		{"other model", func(r *faultRow) { r.served = map[string]int{"m2 / r1": 2} }, "2 answered by m2 / r1"},
		{"two versions", func(r *faultRow) { r.served["m1 / r2"] = 1 }, "1 answered by m1 / r2, 2 answered by m1 / r1"},
		{"failure", func(r *faultRow) { r.failure = "not refused" }, "not refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clean()
			tt.change(r)
			if got := r.wrong(); got != tt.want {
				t.Errorf("wrong() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCodeCounts(t *testing.T) {
	tests := []struct {
		in   map[codes.Code]int
		want string
	}{
		{nil, "0"},
		{map[codes.Code]int{codes.Unavailable: 3, codes.DeadlineExceeded: 5}, "DEADLINE_EXCEEDED 5, UNAVAILABLE 3"},
		{map[codes.Code]int{codes.Unavailable: 1, codes.Internal: 1}, "INTERNAL 1, UNAVAILABLE 1"},
	}
	for _, tt := range tests {
		if got := codeCounts(tt.in); got != tt.want {
			t.Errorf("codeCounts(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
