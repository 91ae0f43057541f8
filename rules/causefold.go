package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// traditional maps a traditional character to the simplified one the
// catalogues (traditionalPairs) and case numbers (caseNumberTraditionalPairs)
// write: the one table foldCause and FilingKey both read.
var traditional = func() map[rune]rune {
	pairs := traditionalPairs + caseNumberTraditionalPairs
	m := make(map[rune]rune, utf8.RuneCountInString(pairs)/2)
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
	}
	return m
}()

// foldCause is the one form every written cause is read in before it is
// compared with a catalogue name, a team's cause or a suit's name, so that
// the ways clerks and filing systems write the same cause compare equal:
//   - compatibility forms folded (NFKC): full-width brackets, punctuation,
//     letters and digits become their ordinary forms ("（" → "(", "；" → ";",
//     "－" → "-", "＞" → ">"), compatibility ideographs their unified ones;
//   - every space (ASCII, ideographic, no-break) and invisible format
//     character dropped: "离婚 纠纷" and "离婚\u00a0纠纷" are 离婚纠纷;
//   - traditional characters written as the catalogue writes them
//     (離婚糾紛 → 离婚纠纷; the table is traditionalPairs).
//
// It is idempotent, and returns s itself when nothing changes.
func foldCause(s string) string {
	if !needsFold(s) {
		return s
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			continue
		}
		if t, ok := traditional[r]; ok {
			r = t
		}
		b.WriteRune(r)
	}
	// Dropping a character can bring a base and a combining mark together
	// ("e\u200b\u0301"): compose them, or a second fold would.
	return norm.NFKC.String(b.String())
}

// needsFold reports whether foldCause would change s: most causes are
// written as the catalogue writes them, and their look-up should not copy.
func needsFold(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return true
		}
		if _, ok := traditional[r]; ok {
			return true
		}
	}
	return !norm.NFKC.IsNormalString(s)
}
