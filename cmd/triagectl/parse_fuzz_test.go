package main

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// FuzzParseKindWeights: -prior-weight and -blend (train, adjust) are typed
// by operators; whatever they type, parseKindWeights does not panic, and
// what it accepts is one weight in [0, 1] for each comma-separated part, each
// a case kind other than UNSPECIFIED, which reads back the same from its
// canonical spelling.
func FuzzParseKindWeights(f *testing.F) {
	for _, s := range []string{"civil=0.5", "civil=1,criminal=0.25", " civil = 0 , administrative=1 ", "civil=0.5,civil=0.2",
		"unspecified=1", "civil", "civil=NaN", "civil=-0", "civil=1e-400", "CIVIL=0x1p-2", "cıvıl=1", "=", ",", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseKindWeights(s)
		if err != nil {
			return
		}
		parts := strings.Split(s, ",")
		if len(got) != len(parts) {
			t.Fatalf("%q: %d weights from %d parts: %v", s, len(got), len(parts), got)
		}
		for _, part := range parts {
			// A kind is named in ASCII: Unicode case folding took "cıvıl"
			// for civil (outside check 25).
			if name, _, _ := strings.Cut(part, "="); strings.ContainsFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }) {
				t.Fatalf("%q: accepted case kind %q", s, name)
			}
		}
		var canon []string
		for kind, w := range got {
			if v, ok := triagev1.CaseKind_value[kind]; !ok || v == 0 {
				t.Fatalf("%q: accepted case kind %q", s, kind)
			}
			if math.IsNaN(w) || w < 0 || w > 1 {
				t.Fatalf("%q: accepted weight %v for %s", s, w, kind)
			}
			canon = append(canon, fmt.Sprintf("%s=%v", strings.ToLower(strings.TrimPrefix(kind, "CASE_KIND_")), w))
		}
		again, err := parseKindWeights(strings.Join(canon, ","))
		if err != nil || !maps.Equal(again, got) {
			t.Fatalf("%q: canonical form %q reads %v (%v), want %v", s, canon, again, err, got)
		}
	})
}

// FuzzParseFoldSeeds: -fold-seeds (realcv -nested) accepts only distinct
// seeds above 0, one for each comma-separated part, and never panics.
func FuzzParseFoldSeeds(f *testing.F) {
	for _, s := range []string{"1,2,3", "11, 12", "0", "1,1", "18446744073709551615", "18446744073709551616", "-1", "+1", "", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseFoldSeeds(s)
		if err != nil {
			return
		}
		if n := len(strings.Split(s, ",")); len(got) != n {
			t.Fatalf("%q: %d seeds from %d parts: %v", s, len(got), n, got)
		}
		for i, x := range got {
			if x == 0 || slices.Contains(got[:i], x) {
				t.Fatalf("%q: accepted %v", s, got)
			}
		}
	})
}
