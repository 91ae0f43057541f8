// Package printable makes client-supplied text safe to show on a terminal or
// in a log viewer.
package printable

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that strconv.IsPrint rejects written
// as a \uXXXX (or \UXXXXXXXX) escape: C0 and C1 controls, DEL, the
// bidirectional embeddings, overrides and isolates, the invisible and format
// characters, and the line and paragraph separators — every character
// rules.ValidateText refuses in a one-line field, and the other unassigned
// and private-use ones; a byte that is not UTF-8 becomes \xXX. Printable
// text, Chinese and full-width forms included, and the ASCII space are
// unchanged.
//
// It is for ids and messages of requests that were refused, which are
// reported as they came: a JSON log escapes C0 controls only, a text report
// none, and an ESC sequence, a C1 CSI or a U+202E written as it is acts on
// the terminal or viewer of whoever reads it (clearing the screen, or showing
// the line in another order than the one logged).
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case strconv.IsPrint(r):
			b.WriteString(s[i : i+size])
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether s holds a byte that is not UTF-8 or a
// character that is not printable.
func needsEscape(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return true
			}
		}
		if !strconv.IsPrint(r) {
			return true
		}
	}
	return false
}
