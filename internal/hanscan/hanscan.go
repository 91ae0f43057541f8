// Package hanscan finds words in Chinese texts. strings.Index looks for a
// word's first byte and then its second, but in a Chinese text those are a
// character's lead byte (0xE4–0xE9 for nearly every character) and its
// first continuation byte, shared by thousands of characters: it stops
// every few bytes and soon falls back to comparing the word at every byte.
// Over a 1,000-character complaint one search took ~20,000 instructions,
// and the rules and the classifier search a complaint some fifty times per
// decision (issue 13, docs/performance.md 2026-12-05 05:30 UTC).
//
// Index looks instead for the word's last byte, which in a word ending in a
// Chinese character is that character's last continuation byte: one of 64
// values, spread evenly, so the text has a candidate about every 200 bytes
// and IndexByte skips between them 32 bytes at a time. Its results are
// strings.Index's for every text and word (TestIndexMatchesStrings).
package hanscan

import (
	"strings"
	"unicode/utf8"
)

// Index returns the index of the first instance of sub in s, or -1, as
// strings.Index does.
func Index(s, sub string) int {
	n := len(sub)
	// A word ending in ASCII (a digit, a colon) has a common last byte;
	// a short text or word is strings.Index's own fast case.
	if n < 2 || n > len(s) || len(s) < 64 || sub[n-1] < utf8.RuneSelf {
		return strings.Index(s, sub)
	}
	last, first := sub[n-1], sub[0]
	fails := 0
	for i := n - 1; i < len(s); {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		i += j
		start := i - (n - 1)
		if s[start] == first && s[start:i+1] == sub {
			return start
		}
		i++
		// A text of repeated bytes (or a word whose last byte is common in
		// it) stops IndexByte often: past about one candidate in 16 bytes
		// strings.Index's comparing at every byte is cheaper for the rest.
		if fails++; fails > 8+(i>>4) {
			if k := strings.Index(s[i-(n-1):], sub); k >= 0 {
				return k + i - (n - 1)
			}
			return -1
		}
	}
	return -1
}

// Contains reports whether sub is within s, as strings.Contains does.
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }
