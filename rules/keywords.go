package rules

import "strings"

// keywordMatcher finds whether a text contains any of a set of phrases in one
// pass. Searching each phrase separately cost about 70% of an evaluation on a
// 1,000-character filing. A pass that decoded every rune and looked its
// first rune up still cost ~70 instructions a rune, a tenth of a Decide
// (issue 13, callgrind 2026-12-05): this one reads bytes. At every byte it
// forms key3 of the three bytes there, which for a Chinese character is its
// code point, and tests one bit; only where some phrase's first three bytes
// give that key are phrases compared; after a three-byte character it
// moves on to the next. Phrases of one or two bytes are searched for one
// by one. It finds exactly what strings.Contains finds
// for each phrase (TestKeywordMatcherRandom).
type keywordMatcher struct {
	bits  []uint64            // bit key3(p) set for each phrase p of 3 bytes or more
	long  map[uint16][]string // those phrases by key3
	short []string            // phrases of fewer than 3 bytes
}

// key3 is the low 4 bits of s[i] and the low 6 bits of s[i+1] and s[i+2]:
// a three-byte character's code point, a hash of any other three bytes.
func key3(s string, i int) uint16 {
	return uint16(s[i]&0x0f)<<12 | uint16(s[i+1]&0x3f)<<6 | uint16(s[i+2]&0x3f)
}

func newKeywordMatcher(phrases []string) *keywordMatcher {
	m := &keywordMatcher{long: make(map[uint16][]string), bits: make([]uint64, 1<<16/64)}
	for _, p := range phrases {
		// A phrase beginning with a continuation byte (no valid UTF-8
		// does; the rules file's phrases are JSON strings) may stand where
		// matchAny does not look.
		if len(p) < 3 || p[0]&0xc0 == 0x80 {
			m.short = append(m.short, p)
			continue
		}
		k := key3(p, 0)
		m.long[k] = append(m.long[k], p)
		m.bits[k/64] |= 1 << (k % 64)
	}
	return m
}

// matchAny reports whether text contains any phrase.
func (m *keywordMatcher) matchAny(text string) bool {
	for _, p := range m.short {
		if strings.Contains(text, p) {
			return true
		}
	}
	if len(m.long) == 0 {
		return false
	}
	bits := m.bits[:1<<16/64]
	for i := 0; i+2 < len(text); {
		// One bounds check for the three bytes, not three, loaded at
		// once: key3 and the tags below are taken from the one word (a
		// byte at a time cost ~37 instructions a character, 7% of a
		// Decide: callgrind 2026-12-06).
		w := text[i : i+3]
		v := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
		k := uint16(v&0x0f<<12 | v>>8&0x3f<<6 | v>>16&0x3f)
		if bits[k/64]&(1<<(k%64)) != 0 {
			for _, p := range m.long[k] {
				if strings.HasPrefix(text[i:], p) {
					return true
				}
			}
		}
		// After a three-byte lead and two continuation bytes the next
		// two positions are continuation bytes, where no long phrase
		// begins: a Chinese text is read one character at a time.
		if v&0xC0C0F0 == 0x8080E0 {
			i += 3
		} else {
			i++
		}
	}
	return false
}
