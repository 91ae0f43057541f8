// Package hanscan finds words in Chinese texts. strings.Index looks for a
// word's first byte and then its second, but in a Chinese text those are a
// character's lead byte (0xE4–0xE9 for nearly every character) and its
// first continuation byte, shared by thousands of characters: it stops
// every few bytes and soon falls back to comparing the word at every byte.
// Over a 1,000-character complaint one search took ~20,000 instructions,
// and the rules and the classifier search a complaint some fifty times per
// decision (issue 13, docs/performance.md 2026-12-05 05:30 UTC).
//
// Index looks instead for the last byte of the word's last Chinese
// character (the word's last byte, or the last before trailing ASCII):
// that character's last continuation byte, one of 64 values, spread
// evenly, so the text has a candidate about every 200 bytes and IndexByte
// skips between them 32 bytes at a time. Its results are
// strings.Index's for every text and word (TestIndexMatchesStrings).
package hanscan

import (
	"strings"
	"unicode/utf8"
)

// Index returns the index of the first instance of sub in s, or -1, as
// strings.Index does.
//
// Its candidates are where sub's anchor byte stands: the last byte of its
// last multi-byte character (k bytes into sub). A word ending in ASCII
// ("原告:", "第1") is found by the character before its marks and digits:
// an ASCII last byte (a colon, a digit) is common in a complaint, and with
// it as the anchor strings.Index's byte-wise compare was the search
// (~9,000 instructions for "原告:" over a 1,000-character complaint,
// callgrind 2026-12-06).
func Index(s, sub string) int {
	n := len(sub)
	// A short text or word is strings.Index's own fast case, as is a word
	// all ASCII.
	if n < 2 || n > len(s) || len(s) < 64 {
		return strings.Index(s, sub)
	}
	k := n - 1
	for k >= 0 && sub[k] < utf8.RuneSelf {
		k--
	}
	if k < 0 {
		return strings.Index(s, sub)
	}
	anchor, first := sub[k], sub[0]
	fails := 0
	for i := k; i < len(s); {
		j := strings.IndexByte(s[i:], anchor)
		if j < 0 {
			return -1
		}
		i += j
		start := i - k
		if start > len(s)-n {
			return -1 // the word's ASCII after the anchor runs past the text
		}
		if s[start] == first && s[start:start+n] == sub {
			return start
		}
		i++
		// A text of repeated bytes (or a word whose anchor is common in
		// it) stops IndexByte often: past about one candidate in 16 bytes
		// strings.Index's comparing at every byte is cheaper for the rest.
		if fails++; fails > 8+(i>>4) {
			if m := strings.Index(s[i-k:], sub); m >= 0 {
				return m + i - k
			}
			return -1
		}
	}
	return -1
}

// Contains reports whether sub is within s, as strings.Contains does.
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }
