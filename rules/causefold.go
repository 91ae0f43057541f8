package rules

import (
	"strings"
	"sync"
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
//
// A complaint's text is folded whole on every Decide (readCivil), and
// almost every Chinese text holds full-width punctuation (，：；（）),
// which NFKC folds, and line breaks, which the fold drops: the NFKC pass
// over the whole text cost ~40% of a Decide (issue 13, bench 2026-12-05).
// foldRunewise does the same rune by rune from a table when every rune of
// s folds alone (foldTable); otherwise the general fold below runs.
func foldCause(s string) string {
	if out, ok := foldRunewise(s); ok {
		return out
	}
	return foldGeneral(s)
}

// foldGeneral is foldCause by its definition: NFKC, drop, map, NFKC.
func foldGeneral(s string) string {
	if !needsFold(s) {
		return s
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if foldDrops(r) {
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

// Per-rune fold of the Basic Multilingual Plane (foldTable): how each rune
// folds when it stands among runes that all fold alone.
const (
	foldUnknown = iota // folds only with its neighbours: use foldGeneral
	foldKeep           // folds to itself
	foldDrop           // a space, an invisible character: dropped
	foldFirstReplacement
)

// foldRunes is the per-rune fold: foldTable[r] for a rune r of the BMP,
// and for foldFirstReplacement and above the replacement
// replacements[foldTable[r]-foldFirstReplacement].
type foldRunes struct {
	table        [0x10000]uint16
	replacements []string
}

// foldTable is built on first use (a few milliseconds). A rune folds alone
// when NFKC cannot join it with a neighbour, so that NFKC of a text of such
// runes is the concatenation of their own: it has combining class 0 and
// composes with nothing before it (NFC_QC Yes: not a combining mark, a
// Hangul vowel or final), and so does every rune of its NFKC, which is
// already normal (full-width "，" → ","; "…" → "..."; a compatibility
// ideograph → its unified one). Nothing in such a text is reordered, and
// nothing composes, since a composition needs a second rune that composes
// backward. The rune's fold is then its NFKC with spaces and invisible
// characters dropped and traditional characters mapped, and every rune of
// the result must fold alone again, so that foldCause's closing NFKC
// leaves the text. Everything else (combining marks, Hangul, a character
// whose NFKC is not normal) is foldUnknown, for foldGeneral.
// TestFoldRunewise checks every BMP rune, alone and between neighbours,
// and random texts of them against foldGeneral.
var foldTable = sync.OnceValue(foldTableBuild)

// foldTableBuild builds foldTable.
func foldTableBuild() *foldRunes {
	t := &foldRunes{}
	index := map[string]uint16{}
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r <= 0xdfff || r == utf8.RuneError {
			continue // no text decodes to them but as invalid bytes
		}
		out, ok := runeFold(r)
		switch {
		case !ok:
		case len(out) == 1 && out[0] == r:
			t.table[r] = foldKeep
		case len(out) == 0:
			t.table[r] = foldDrop
		default:
			s := string(out)
			i, seen := index[s]
			if !seen {
				i = uint16(len(t.replacements) + foldFirstReplacement)
				index[s] = i
				t.replacements = append(t.replacements, s)
			}
			t.table[r] = i
		}
	}
	return t
}

// runeFold is how r folds among runes that fold alone (foldTable), and
// whether it folds alone itself.
func runeFold(r rune) ([]rune, bool) {
	if p := foldProperties(r); p.CCC() != 0 || !p.BoundaryBefore() || hangul(r) {
		return nil, false
	}
	nfkc := []rune{r}
	if !foldsAlone(r) {
		nfkc = []rune(norm.NFKC.String(string(r)))
	}
	var out []rune
	for _, x := range nfkc {
		if !foldsAlone(x) {
			return nil, false
		}
		if unicode.IsSpace(x) || unicode.Is(unicode.Cf, x) || x == utf8.RuneError {
			continue
		}
		if y, found := traditional[x]; found {
			x = y
		}
		if !foldsAlone(x) {
			return nil, false
		}
		out = append(out, x)
	}
	return out, true
}

// foldsAlone: r has combining class 0, composes with nothing before it, has
// no decomposition (so is its own NFKC) and is not Hangul.
func foldsAlone(r rune) bool {
	p := foldProperties(r)
	return p.CCC() == 0 && p.BoundaryBefore() && p.Decomposition() == nil && !hangul(r)
}

func foldProperties(r rune) norm.Properties {
	var buf [utf8.UTFMax]byte
	return norm.NFKC.Properties(utf8.AppendRune(buf[:0], r))
}

// hangul: r is a Hangul jamo or syllable, which compose with each other
// outside the combining classes.
func hangul(r rune) bool {
	return r >= 0x1100 && r <= 0x11ff || r >= 0x3130 && r <= 0x318f || r >= 0xa960 && r <= 0xa97f ||
		r >= 0xac00 && r <= 0xd7ff
}

// foldRunewise is foldCause of s from foldTable, and ok; ok is false when
// a rune of s does not fold alone (foldUnknown, outside the BMP, invalid
// UTF-8), and foldGeneral must fold it.
func foldRunewise(s string) (string, bool) {
	t := foldTable()
	var b strings.Builder
	kept := 0 // s[kept:i] is kept as written and not yet copied to b
	for i := 0; i < len(s); {
		// A run of ASCII and whole three-byte runes that fold to
		// themselves (most of a complaint) is passed in a loop of its
		// own, a rune's bytes loaded at once; whatever else stands is
		// decoded below. Every rune through the switch below cost ~45
		// instructions, a tenth of a Decide (callgrind 2026-12-06).
		for i+3 <= len(s) {
			w := s[i : i+3]
			if w[0] < utf8.RuneSelf {
				if t.table[w[0]] != foldKeep {
					break
				}
				i++
				continue
			}
			v := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
			if v&0xC0C0F0 != 0x8080E0 {
				break
			}
			r := v&0x0f<<12 | v>>8&0x3f<<6 | v>>16&0x3f
			if r < 0x800 || t.table[uint16(r)] != foldKeep {
				break
			}
			i += 3
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		r, n := rune(c), 1
		switch {
		case c < utf8.RuneSelf:
		case c&0xf0 == 0xe0 && i+2 < len(s) && uint16(s[i+1]&0xc0)<<8|uint16(s[i+2]&0xc0) == 0x8080:
			// Three bytes, as nearly every rune of a Chinese text:
			// decoded here, since utf8.DecodeRuneInString is not inlined
			// for them, both continuation bytes' tags tested at once. An
			// overlong form is invalid (the general fold's); a
			// surrogate's entry is foldUnknown.
			r, n = rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f), 3
			if r < 0x800 {
				return "", false
			}
		default:
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || r > 0xffff {
				return "", false
			}
		}
		// r < 0x10000 here: indexed as uint16, the table needs no bounds
		// check.
		switch k := t.table[uint16(r)]; k {
		case foldKeep:
		case foldUnknown:
			return "", false
		default:
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[kept:i])
			if k != foldDrop {
				b.WriteString(t.replacements[k-foldFirstReplacement])
			}
			kept = i + n
		}
		i += n
	}
	if b.Cap() == 0 {
		return s, true
	}
	b.WriteString(s[kept:])
	return b.String(), true
}

// foldDrops reports whether foldCause drops a rune (after NFKC): a space, a
// format character (zero-width space, joiners, direction marks) or an
// invalid byte's replacement.
func foldDrops(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
}
