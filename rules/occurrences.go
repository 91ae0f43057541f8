package rules

import (
	"iter"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// occurrences yields each occurrence of word in text, left to right, each
// searched for from the end of the one before (so none overlaps the one
// before: in 明明明, 明明 once): its index in text and the text between
// the end of the one before (the text's start, for the first) and it.
// The second is what the readers written as
//
//	for rest := text; ; {
//		i := strings.Index(rest, word)
//		if i < 0 {
//			break
//		}
//		… rest[:i] …
//		rest = rest[i+len(word):]
//	}
//
// call rest[:i], and what their negation tests look at; the part after an
// occurrence is text[at+len(word):]. An empty word yields nothing (the
// loop above never ends on one). The words are searched with
// hanscan.Index, which answers as strings.Index does at a fraction of its
// cost in a Chinese text. TestOccurrences compares it with the loop on
// random texts.
//
// This is the one place the readers' "every occurrence of the word, each
// checked for a negation or a subject before it" loop lives (issue 13).
func occurrences(text, word string) iter.Seq2[int, string] {
	return occurrencesIn(nil, text, word)
}

// occurrencesIn is occurrences with held, the character set of the text
// text is part of (nil: none, as occurrences): a word with a character
// the text lacks yields nothing without a scan (anyIn).
func occurrencesIn(held *hanscan.Text, text, word string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		if word == "" || held.Lacks(text, word) {
			return
		}
		for from := 0; ; {
			i := hanscan.Index(text[from:], word)
			if i < 0 {
				return
			}
			at := from + i
			if !yield(at, text[from:at]) {
				return
			}
			from = at + len(word)
		}
	}
}
