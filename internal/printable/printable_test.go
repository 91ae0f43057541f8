package printable

import "testing"

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"(2024)苏0106民初1001号", "(2024)苏0106民初1001号"},
		{"（２０２４）苏０１０６民初１００１号", "（２０２４）苏０１０６民初１００１号"},
		{"a b", "a b"},
		{"", ""},
		{"A\x1b[2J", `A\u001B[2J`},
		{"x\u009b31m", `x\u009B31m`},
		{"ab\u202ecd", `ab\u202Ecd`},
		{"\u2066y\u2069", `\u2066y\u2069`},
		{"w\u200bv\u2060\ufeff", `w\u200Bv\u2060\uFEFF`},
		{"l\u2028p\u2029", `l\u2028p\u2029`},
		{"\x00\t\n\x7f", `\u0000\u0009\u000A\u007F`},
		{"tag\U000E0041", `tag\U000E0041`},
		{"invalid \xff", `invalid \xFF`},
		{"\uFFFD stays", "\uFFFD stays"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
