package rules

import "unicode/utf8"

// filingText is a filing's text as the readers of one evaluation share it:
// what a reader needs of the whole text is taken once per evaluation, not
// once per reader (issue 13: the text's runes were counted three times per
// Decide, ~9% of one).
type filingText struct {
	// raw is the text as filed.
	raw string
	// runes is utf8.RuneCountInString(raw), counted by validation's scan
	// (validateText).
	runes int
}

// TextRunes returns how many runes (characters) text has,
// utf8.RuneCountInString(text): for the text of the filing Evaluate
// assessed, the count its validation took, without a second pass over the
// text; for any other text (or a nil assessment) counted here.
func (a *Assessment) TextRunes(text string) int {
	if a != nil && text == a.text.raw {
		return a.text.runes
	}
	return utf8.RuneCountInString(text)
}
