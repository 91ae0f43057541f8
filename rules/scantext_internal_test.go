package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// validateTextReference is ValidateText as it was before scanText: the
// standard library's validity check, then every rune decoded.
func validateTextReference(field, s string, lines Lines) error {
	if !utf8.ValidString(s) {
		return fieldErrorf(field, "is not valid UTF-8")
	}
	i := 0
	for _, r := range s {
		switch {
		case lines == MultiLine && (r == '\t' || r == '\n' || r == '\r'):
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return fieldErrorf(field, "control character U+%04X at %d", r, i)
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			return fieldErrorf(field, "bidirectional control character U+%04X at %d", r, i)
		case lines == SingleLine && (r == 0x2028 || r == 0x2029):
			return fieldErrorf(field, "line separator U+%04X at %d", r, i)
		case lines == SingleLine && (r == 0x200b || r == 0x2060 || r == 0xfeff):
			return fieldErrorf(field, "invisible character U+%04X at %d", r, i)
		}
		i++
	}
	return nil
}

// scanPieces make the random texts: Chinese, the leads scanText decodes
// (E0, E2, ED, EF and their edge forms), refused runes, controls, two- and
// four-byte runes, U+FFFD, and invalid or cut sequences.
var scanPieces = []string{
	"离", "婚", "纠", "纷", "，", "。", "a", "1", " ", "\t", "\n", "\r", "\x00", "\x7f", "é", "\u0085", "\u00a0",
	"\u0800", "\u0fff", "\u2028", "\u2029", "\u202a", "\u2066", "\u200b", "\u2060", "\u2013", "\ufeff", "\ufffd", "\uff0c",
	"\ud7ff", "\ue000", "\U0001f600", "\U00020000",
	"\xe0\x80\x80", "\xed\xa0\x80", "\xe4\xb8", "\xe4", "\x80", "\xbf", "\xff", "\xc0\xaf", "\xf4\x90\x80\x80", "\xef\xbf",
}

// TestScanText compares ValidateText, whose fast path scanText is, with the
// reference (validateTextReference) in both line modes: every BMP rune and
// every lead byte with every pair of tags after it, 30,000 random texts,
// and the real filings' texts when found.
func TestScanText(t *testing.T) {
	check := func(t *testing.T, s string) {
		t.Helper()
		for _, lines := range []Lines{SingleLine, MultiLine} {
			got, want := ValidateText("f", s, lines), validateTextReference("f", s, lines)
			if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
				t.Fatalf("ValidateText(%q, %v) = %v, reference %v", s, lines, got, want)
			}
			// The count validation hands the readers (filingText).
			if n, err := validateText("f", s, lines); err == nil && n != utf8.RuneCountInString(s) {
				t.Fatalf("validateText(%q, %v) counts %d runes, utf8.RuneCountInString %d", s, lines, n, utf8.RuneCountInString(s))
			}
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		check(t, "离"+string(r)+"婚")
	}
	for c := 0xc0; c <= 0xff; c++ {
		for _, a := range []byte{0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0} {
			for _, b := range []byte{0x41, 0x80, 0xbf, 0xc0} {
				check(t, "离"+string([]byte{byte(c), a, b})+"婚")
				check(t, string([]byte{byte(c), a, b}))
			}
		}
	}
	r := rand.New(rand.NewPCG(13, 5))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(200) {
			b.WriteString(scanPieces[r.IntN(len(scanPieces))])
		}
		check(t, b.String())
	}
	t.Run("real", func(t *testing.T) {
		for _, s := range realTexts(t) {
			check(t, s)
		}
	})
}
