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
	// gates[i] is the index in the gates the list was made with of the
	// first one words[i] contains, -1 for none (the word is always
	// searched).
	gates []int8
}

// gateWords pairs words with the first of gates each contains. A gate
// should be shared by two words or more: one only a single word contains
// costs a search where the word's own would do.
func gateWords(words, gates []string) gatedWords {
	if len(gates) > 64 {
		panic("rules: gateWords: more than 64 gates")
	}
	g := gatedWords{words: words, gates: make([]int8, len(words))}
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

// gateSeen remembers, for one text, which gates were searched and found:
// a gate is searched at most once per text, and only when a word it
// stands for is asked about.
type gateSeen struct {
	text   string
	gates  []string
	asked  uint64 // bit j: gates[j] searched
	inText uint64 // bit j: gates[j] found
}

// newGateSeen starts a text's gate record (gates as given to gateWords).
func newGateSeen(text string, gates []string) gateSeen {
	return gateSeen{text: text, gates: gates}
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
		if hanscan.Contains(s.text, s.gates[j]) {
			s.inText |= bit
		}
	}
	return s.inText&bit != 0
}
