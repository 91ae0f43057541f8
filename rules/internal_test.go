package rules

import "testing"

// parseYuan keeps money exact: no float ever touches it.
func TestParseYuan(t *testing.T) {
	for in, want := range map[string]int64{
		"54323": 5432300, "68378.50": 6837850, "68378.5": 6837850, "0.01": 1, " 47000 ": 4700000,
		"0": 0, "999999999999": 99999999999900,
	} {
		got, err := parseYuan(in)
		if err != nil || got != want {
			t.Errorf("parseYuan(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "12.345", "-1", "1e5", "1.", ".5", "1,000", "1.2.3", "1000000000000", "٣"} {
		if got, err := parseYuan(in); err == nil {
			t.Errorf("parseYuan(%q) = %d, want an error", in, got)
		}
	}
}

// TestReasonPanicsOnUnknownCode: an unknown code is a programming error.
func TestReasonPanicsOnUnknownCode(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("reason(\"NO_SUCH_CODE\") did not panic")
		}
	}()
	reason("NO_SUCH_CODE")
}
