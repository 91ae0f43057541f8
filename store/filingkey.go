package store

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// filingKey is the form of a filing id under which the store keeps one
// decision per filing (decisions.filing_key, migration 0014). Filing
// systems write the same case number (案号) in more than one way: the
// official form uses full-width parentheses, （2024）苏0106民初1001号
// (法〔2015〕137号), many systems send ASCII ones, some full-width digits,
// 〔〕 or 【】 around the year, or a character composed differently (NFC
// against NFD). Each spelling stored a decision of its own and drew a team
// again, so a resubmission through another system could redraw the case
// (随机分案). The key is the id under Unicode compatibility normalisation
// (NFKC: full-width letters, digits and punctuation become their ASCII
// forms, compatibility ideographs their unified ones, composed and
// decomposed forms one form), with the square, lenticular and tortoise-shell
// brackets read as parentheses. Case is kept: ids are compared as written
// otherwise. The id as sent is what the decision stores and answers with;
// the key only decides which ids name one filing.
func filingKey(id string) string {
	return filingKeyBrackets.Replace(norm.NFKC.String(id))
}

// filingKeyVersion is the migration that gave decisions their filing key.
const filingKeyVersion = 14

// filingKeyBrackets reads every bracket a case number's year is written in
// as a parenthesis. After NFKC, （）and ［］ are already ASCII.
var filingKeyBrackets = strings.NewReplacer(
	"[", "(", "]", ")",
	"〔", "(", "〕", ")",
	"【", "(", "】", ")",
)
