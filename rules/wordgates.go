package rules

import (
	"strings"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// Word gates (issue 13). A reader that searches a whole text for many
// words, most of which a text does not hold, pays one search per word
// (~3,000 instructions over a 1,000-character complaint, callgrind
// 2026-12-05). Where several words share a fragment (下落不明, 去向不明,
// 住址不明 … share 不明), a text without the fragment holds none of them: one
// search of the fragment stands for all of them, and the words are searched
// only when it is there. Which words are skipped changes no result: a word
// is skipped only when a substring of it is not in the text, so the word is
// not either (TestGatedWordsSkipOnlyAbsent).

// gatedWords are a reader's words, in their order, each with the gate (a
// fragment of it) that must be in a text for the word to be searched.
type gatedWords struct {
	words []string
	// fragments are the gates the list was made with; gates[i] is the
	// index in fragments of the first one words[i] contains, -1 for none
	// (the word is always searched).
	fragments []string
	gates     []int8
}

// gateWords pairs words with the first of gates each contains. A gate
// should be shared by two words or more: one only a single word contains
// costs a search where the word's own would do.
func gateWords(words, gates []string) gatedWords {
	if len(gates) > 64 {
		panic("rules: gateWords: more than 64 gates")
	}
	g := gatedWords{words: words, fragments: gates, gates: make([]int8, len(words))}
	for i, w := range words {
		g.gates[i] = -1
		for j, f := range gates {
			if f != "" && strings.Contains(w, f) {
				g.gates[i] = int8(j)
				break
			}
		}
	}
	return g
}

// containsAny is containsAny(text, g.words), searching only the words
// whose gate text holds. held is the character set of the text text is
// part of (nil: none), as anyIn's.
func (g *gatedWords) containsAny(held *hanscan.Text, text string) bool {
	seen := gateSeen{text: text, held: held}
	for i, w := range g.words {
		if seen.mayHold(g, i) && held.Contains(text, w) {
			return true
		}
	}
	return false
}

// Character sets (issue 13). A gate needs words chosen to share a
// fragment; most of a reader's words are in no complaint at all, and each
// holds a character the complaint lacks. A civil Decide makes the set of
// the folded complaint's characters once (hanscan.Text, in
// Engine.evaluate) and the readers search through it: a word with a
// character the text lacks is answered "not found" without a scan, in
// the whole text or any part of it (a sentence, the rest after a word).
// The answers are hanscan.Index's (hanscan.TestTextMatchesIndex).

// anyIn reports whether s contains one of ws, as containsAny does; held
// is the character set of the text s is part of (nil: none), so a word
// with a character the text lacks is not searched.
func anyIn(held *hanscan.Text, s string, ws []string) bool {
	for _, w := range ws {
		if held.Contains(s, w) {
			return true
		}
	}
	return false
}

// gateSeen remembers, for one text, which gates were searched and found:
// a gate is searched at most once per text, and only when a word it
// stands for is asked about. Lists asked of one gateSeen must be made with
// the same gates.
type gateSeen struct {
	text string
	// held is the character set of the text text is part of, nil for
	// none: a gate with a character it lacks is not searched.
	held   *hanscan.Text
	asked  uint64 // bit j: gate j searched
	inText uint64 // bit j: gate j found
}

// mayHold reports whether the text may hold words[i] of g: false only when
// its gate is not in the text.
func (s *gateSeen) mayHold(g *gatedWords, i int) bool {
	j := g.gates[i]
	if j < 0 {
		return true
	}
	bit := uint64(1) << j
	if s.asked&bit == 0 {
		s.asked |= bit
		if s.held.Contains(s.text, g.fragments[j]) {
			s.inText |= bit
		}
	}
	return s.inText&bit != 0
}

// denialGated are denialWords with the fragments four of the six share (不认
// 可, 不予认可; 不承认, 不予承认): a complaint without 认可 or 承认 is searched
// for four words, not six (readersFor26).
var denialGated = gateWords(denialWords[:], []string{"认可", "承认"})
