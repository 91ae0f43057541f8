package rules

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// FilingKey is the form of a filing id under which the store keeps one
// decision per filing (store: decisions.filing_key, migrations 0014 to
// 0016), and under which a fact correction names the decided filing
// (CheckCorrection).
//
// Filing systems write the same case number (案号) in more than one way:
// the official form uses full-width parentheses, （2024）苏0106民初1001号
// (法〔2015〕137号), many systems send ASCII ones, some full-width digits,
// 〔〕, 【】, 〖〗 or 〘〙 around the year, or a character composed
// differently (NFC against NFD), a space beside the parentheses or between
// the parts, the number with leading zeros or without its 号; ids that are
// not case numbers, such as JS-2024-0001, arrive with a hyphen, a
// non-breaking hyphen, an en dash or a minus sign, as the word processor
// or input method they were typed in chose. Each spelling stored a
// decision of its own and drew a team again, so a resubmission through
// another system could redraw the case (随机分案).
//
// The key is built in two steps. First FoldFilingID: the id under Unicode
// compatibility normalisation, with every bracket a year is written in
// read as a parenthesis and every dash as a hyphen-minus. Then, if that
// reads as a case number by the Supreme People's Court's rules
// (parseCaseNumber: structure, court code, year 2016 or later), the key is
// the case number's canonical spelling (caseNumber.String), which drops
// the spaces, the leading zeros of the number and a missing 号 but keeps
// the year, court code, codes and number, so two different case numbers
// never share one; if it does not, the key is the folded id, as before
// migration 0016. Case is kept: ids are compared as written otherwise. The
// id as sent is what the decision stores and answers with; the key only
// decides which ids name one filing.
//
// Every stored decision carries the key this function gave its filing id
// when the store's last re-keying migration ran: a change to what the
// function returns needs a new store migration that re-keys
// (store/filingkey.go), or the decisions stored before the change are not
// found under the new keys of their other spellings.
func FilingKey(id string) string {
	folded := FoldFilingID(id)
	if c, ok := parseCaseNumber(folded); ok {
		return c.String()
	}
	return folded
}

// FoldFilingID is a filing id under NFKC (full-width letters, digits and
// punctuation become their ASCII forms, compatibility ideographs their
// unified ones, composed and decomposed forms one form, and every space
// character but tab and line breaks U+0020), with filingKeyFolds: the
// filing key of store migrations 0014 and 0015 (which the store's
// migration tests write as an older release did), and still the key of an
// id that is not a case number.
func FoldFilingID(id string) string {
	id = norm.NFKC.String(id)
	// A Replacer copies every string it is given: a Decide folds the id
	// three times, and almost no id holds a character to fold (six of a
	// Decide's allocations, bench 2026-12-05).
	if !strings.ContainsAny(id, filingKeyFolded) {
		return id
	}
	return filingKeyFolds.Replace(id)
}

// filingKeyFolded are the characters filingKeyFolds replaces.
const filingKeyFolded = "[]〔〕【】〖〗〘〙\u2010\u2012\u2013\u2014\u2015\u2212"

// filingKeyFolds reads every bracket a case number's year is written in as
// a parenthesis, and every dash as a hyphen-minus. After NFKC, （）, ［］,
// the small forms ﹙﹚ and ﹝﹞, －, ﹣ and ‑ are already ASCII, 〔〕 or
// ‐ (U+2010). Angle brackets (《》〈〉) are not folded: they quote titles,
// never a year.
var filingKeyFolds = strings.NewReplacer(
	"[", "(", "]", ")",
	"〔", "(", "〕", ")",
	"【", "(", "】", ")",
	"〖", "(", "〗", ")",
	"〘", "(", "〙", ")",
	"\u2010", "-", // hyphen (and, after NFKC, the non-breaking hyphen U+2011)
	"\u2012", "-", // figure dash
	"\u2013", "-", // en dash
	"\u2014", "-", // em dash
	"\u2015", "-", // horizontal bar
	"\u2212", "-", // minus sign
)
