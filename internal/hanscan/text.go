package hanscan

import (
	"unicode/utf8"
	"unsafe"
)

// Text is a text with a compact set of the characters it holds, made once
// (NewText) so that a search for a word holding a character the text does
// not hold answers "not found" without scanning. The rules search a
// civil complaint some 160 times per decision for words it mostly does
// not hold, each search ~1,500 instructions over a 1,000-character text;
// looking up a word's characters costs ~10 instructions each (issue 13,
// callgrind 2026-12-06).
//
// The set is of byte sequences, not decoded runes, so it is exact for any
// bytes, UTF-8 or not: at every byte of the text that does not continue a
// character (an ASCII byte, a lead byte, a byte that is no UTF-8 at all)
// the sequence it begins (1 to 4 bytes, by the lead byte) is hashed into
// an 8,192-bit set. A word found in the text has each of its own such
// sequences at the same place in the text, so a word with one missing from
// the set is not in the text, nor in any part of it. A character in the
// set may still be absent (two characters share a bit): then the word is
// searched as Index does.
type Text struct {
	s   string
	set [setWords]uint64
}

const (
	// setBits: the set has 1<<setBits bits (1 KB). With 4,096 bits a
	// Decide of the bench complaint took 547k instructions, with 8,192
	// 539k, with 16,384 541k (callgrind 2026-12-06).
	setBits  = 13
	setWords = 1 << setBits / 64
)

// NewText makes s's character set (~15 instructions a character).
func NewText(s string) *Text {
	t := &Text{s: s}
	t.Reset(s)
	return t
}

// Reset makes t the set of s, as NewText does, reusing t's memory.
func (t *Text) Reset(s string) {
	t.s = s
	t.set = [setWords]uint64{}
	set := &t.set
	for i := 0; i < len(s); {
		// ASCII and whole three-byte characters (nearly all of a
		// complaint) are hashed here, a character's bytes loaded at
		// once; the general step (seqAt, a call) takes the rest. Every
		// character through hanSeq, then seqAt, cost ~35 instructions,
		// 7% of a Decide (callgrind 2026-12-06). The sets are those of
		// the general step alone (TestResetMatchesReference).
		if c := s[i]; c < utf8.RuneSelf {
			k := hashSeq(uint32(c))
			set[k>>6&(setWords-1)] |= 1 << (k & 63)
			i++
			continue
		}
		if i+3 <= len(s) {
			w := s[i : i+3]
			if v := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16; v&0xC0C0F0 == 0x8080E0 {
				k := hashSeq(v)
				set[k>>6&(setWords-1)] |= 1 << (k & 63)
				i += 3
				continue
			}
		}
		k, n := seqAt(s, i)
		if n == 0 {
			// A continuation byte begins no sequence; a lead byte
			// too near the end, none that fits.
			i++
			continue
		}
		set[k>>6&(setWords-1)] |= 1 << (k & 63)
		i += n
	}
}

// String is the text.
func (t *Text) String() string { return t.s }

// hanSeq is seqAt(s, i) for a whole three-byte character (a Chinese
// one), else 0, 0: nearly every sequence of a complaint, answered inline
// at a third of seqAt's cost (a call).
func hanSeq(s string, i int) (uint32, int) {
	if i+3 > len(s) {
		return 0, 0
	}
	w := s[i : i+3]
	v := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
	if v&0xC0C0F0 != 0x8080E0 {
		return 0, 0
	}
	return hashSeq(v), 3
}

// seqAt is the hash of the sequence beginning at s[i] and how far to step
// past it: 0 for a continuation byte and for a lead byte whose sequence
// does not fit in s. The step is the sequence's length only when all its
// bytes after the first are continuation bytes (a lead byte inside it
// begins a sequence of its own, which must be in the set too), else 1.
func seqAt(s string, i int) (uint32, int) {
	b := s[i]
	n := 1
	switch {
	case b < 0x80:
		return hashSeq(uint32(b)), 1
	case b < 0xC0:
		return 0, 0
	case b < 0xE0:
		n = 2
	case b < 0xF0:
		n = 3
	case b < 0xF8:
		n = 4
	default:
		return hashSeq(uint32(b)), 1
	}
	if i+n > len(s) {
		return 0, 0
	}
	k := uint32(b)
	step := n
	for j := 1; j < n; j++ {
		c := s[i+j]
		k |= uint32(c) << (8 * j)
		if c&0xC0 != 0x80 {
			step = 1
		}
	}
	return hashSeq(k), step
}

// hashSeq spreads a sequence's bytes over the set (Fibonacci hashing: the
// top bits of the product).
func hashSeq(k uint32) uint32 { return (k * 0x9E3779B1) >> (32 - setBits) }

// MayHold reports whether the text may hold w: false only when a
// character of w is not in the text. A sequence of w cut by its end (a
// part of a character) is not looked up.
func (t *Text) MayHold(w string) bool {
	for i := 0; i < len(w); {
		k, n := hanSeq(w, i)
		if n == 0 {
			k, n = seqAt(w, i)
		}
		if n == 0 {
			i++
			continue
		}
		if t.set[k>>6&(setWords-1)]&(1<<(k&63)) == 0 {
			return false
		}
		i += n
	}
	return true
}

// Index is Index(s, w), where s is t's text or a part of it (a substring
// sharing its memory: a sentence, the rest after a word): a word MayHold
// rejects is not searched for. An s that is no part of t's text, or a nil
// t, is searched in full.
func (t *Text) Index(s, w string) int {
	if t.Lacks(s, w) {
		return -1
	}
	return Index(s, w)
}

// Lacks reports whether t's character set shows that s, t's text or a
// part of it, does not hold w (MayHold false); false for a nil t, an s
// that is no part of t's text, and an s shorter than shortPart, which
// Index searches at about the cost of looking w's characters up. A
// caller searching s for w again and again (every occurrence) asks once.
func (t *Text) Lacks(s, w string) bool {
	return t != nil && len(s) >= shortPart && t.within(s) && !t.MayHold(w)
}

// shortPart is the length in bytes below which Index searches a part
// without looking at the set: a sentence of a few dozen characters costs
// it about as much as looking up a word's characters (~10 instructions
// each).
const shortPart = 96

// Contains is Index(s, w) >= 0.
func (t *Text) Contains(s, w string) bool { return t.Index(s, w) >= 0 }

// within reports whether s lies within t's text: only the text's own
// characters can be in it, so only for it does MayHold's false answer.
// An empty s holds no word but the empty one, which MayHold accepts.
func (t *Text) within(s string) bool {
	if len(s) == 0 || len(t.s) == 0 {
		return len(s) == 0
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(t.s)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= base && p-base <= uintptr(len(t.s)) && uintptr(len(s)) <= uintptr(len(t.s))-(p-base)
}
