package main

import (
	"runtime/debug"
	"testing"
)

// TestSetGCPercent: without GOGC in the environment triaged collects at
// defaultGCPercent; a GOGC the operator set (which the runtime applied at
// start) is left alone, "off" included.
func TestSetGCPercent(t *testing.T) {
	const before = 123
	defer debug.SetGCPercent(debug.SetGCPercent(before))
	for _, tc := range []struct {
		gogc string
		want int
	}{
		{"", defaultGCPercent},
		{"150", before},
		{"off", before},
	} {
		debug.SetGCPercent(before)
		setGCPercent(func(k string) string {
			if k == "GOGC" {
				return tc.gogc
			}
			return ""
		})
		if got := debug.SetGCPercent(before); got != tc.want {
			t.Errorf("GOGC=%q: GC percent %d, want %d", tc.gogc, got, tc.want)
		}
	}
}
