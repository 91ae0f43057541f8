package rules

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// FilingKey is the form of a filing id under which the store keeps one
// decision per filing (store: decisions.filing_key, migrations 0014 and
// 0015), and under which a fact correction names the decided filing
// (CheckCorrection).
//
// Filing systems write the same case number (案号) in more than one way:
// the official form uses full-width parentheses, （2024）苏0106民初1001号
// (法〔2015〕137号), many systems send ASCII ones, some full-width digits,
// 〔〕, 【】, 〖〗 or 〘〙 around the year, or a character composed
// differently (NFC against NFD); ids that are not case numbers, such as
// JS-2024-0001, arrive with a hyphen, a non-breaking hyphen, an en dash or
// a minus sign, as the word processor or input method they were typed in
// chose. Each spelling stored a decision of its own and drew a team again,
// so a resubmission through another system could redraw the case
// (随机分案). The key is the id under Unicode compatibility normalisation
// (NFKC: full-width letters, digits and punctuation become their ASCII
// forms, compatibility ideographs their unified ones, composed and
// decomposed forms one form), with the square, lenticular and tortoise-shell
// brackets, black or white, read as parentheses and every dash as a
// hyphen-minus. Case is kept: ids are compared as written otherwise. The id
// as sent is what the decision stores and answers with; the key only
// decides which ids name one filing.
//
// Every stored decision carries the key this function gave its filing id
// when the store's last re-keying migration ran: a change to what the
// function returns needs a new store migration that re-keys (store/filingkey.go),
// or the decisions stored before the change are not found under the new
// keys of their other spellings.
func FilingKey(id string) string {
	return filingKeyFolds.Replace(norm.NFKC.String(id))
}

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
