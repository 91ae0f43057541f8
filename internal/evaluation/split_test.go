package evaluation

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestHeldOut(t *testing.T) {
	// FNV-1a-64 mod 1000 of each id, computed independently in Python
	// (h ^= byte; h = h*0x100000001b3 mod 2^64, from 0xcbf29ce484222325):
	// ""→37, "a"→996, "(2024)辽0102民初1234号"→530, "c1"→857, "c2"→224.
	tests := []struct {
		id       string
		fraction float64
		want     bool
	}{
		{"", 0.037, false}, // 37 < 37 is false
		{"", 0.038, true},
		{"a", 0.999, true},
		{"a", 0.996, false},
		{"(2024)辽0102民初1234号", 0.2, false},
		{"(2024)辽0102民初1234号", 0.531, true},
		{"(2024)辽0102民初1234号", 0.5305, true},  // rounds to 531
		{"(2024)辽0102民初1234号", 0.5304, false}, // rounds to 530
		{"c1", 0.9, true},
		{"c2", 0.2, false},
		{"c2", 0.225, true},
		{"c2", 0, false},
		{"c2", -1, false},
		{"c2", math.NaN(), false},
		{"c1", 1, true},
		{"a", 2, true},
	}
	for _, tt := range tests {
		if got := HeldOut(tt.id, tt.fraction); got != tt.want {
			t.Errorf("HeldOut(%q, %v) = %v, want %v", tt.id, tt.fraction, got, tt.want)
		}
	}
}

func TestHeldOutFraction(t *testing.T) {
	for _, fraction := range []float64{0.1, 0.2, 0.5} {
		n, held := 20000, 0
		for i := range n {
			if HeldOut(fmt.Sprintf("(2024)苏0102民初%d号", i), fraction) {
				held++
			}
		}
		if got := float64(held) / float64(n); math.Abs(got-fraction) > 0.02 {
			t.Errorf("fraction %v: held out %v of the ids", fraction, got)
		}
	}
}

// TestHeldOutMatchesScript checks that scripts/sklearn_reference.py splits
// exactly as HeldOut does (its -list-heldout mode needs no scikit-learn).
func TestHeldOutMatchesScript(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3:", err)
	}
	script := filepath.Join("..", "..", "scripts", "sklearn_reference.py")
	if _, err := os.Stat(script); err != nil {
		t.Skip("no script:", err)
	}
	var data strings.Builder
	var ids []string
	for i := range 300 {
		id := fmt.Sprintf("(20%02d)浙0102民初%d号", 20+i%6, i*7919)
		ids = append(ids, id)
		line, _ := json.Marshal(map[string]any{"filing": map[string]string{"id": id}, "label": "PROCEDURE_ORDINARY"})
		data.Write(line)
		data.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "split.jsonl")
	if err := os.WriteFile(path, []byte(data.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, fraction := range []string{"0.2", "0.5", "0.0375"} {
		out, err := exec.Command(python, script, "-data", path, "-holdout", fraction, "-list-heldout").Output()
		if err != nil {
			t.Fatalf("%s: %v", script, err)
		}
		var f float64
		fmt.Sscan(fraction, &f)
		var want []string
		for _, id := range ids {
			if HeldOut(id, f) {
				want = append(want, id)
			}
		}
		got := strings.Fields(string(out))
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("fraction %s: script held out %d ids, HeldOut %d; first difference in %q vs %q", fraction, len(got), len(want), got, want)
		}
	}
}
