package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FilingKey is the form of a filing id under which the store keeps one
// decision per filing (store: decisions.filing_key, migrations 0014 to
// 0017), and under which a fact correction names the decided filing
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
// reads as a case number (readCaseNumber: the Supreme People's Court's
// rules as parseCaseNumber reads them — structure, court code, year 2016
// or later — once the spellings no case number differs by are folded), the
// key is the case number's canonical spelling (caseNumber.String). It
// drops the spaces (anywhere inside the number), the leading zeros of the
// number and a missing 号, writes traditional characters simplified
// (（2024）蘇0106民終1001號) and every decimal digit ASCII (Arabic-Indic
// ٢٠٢٤, Devanagari, …), but keeps the year, court code, codes and number,
// so two different case numbers never share one; if it does not, the key
// is the folded id, as before migration 0016. Case is kept: ids are
// compared as written otherwise. The id as sent is what the decision
// stores and answers with; the key only decides which ids name one filing.
//
// A letter that only looks like a digit (O or o for 0, l or I for 1, their
// Cyrillic and Greek twins, 〇; digitLookalikes) is not read as one: an id that reads as a case number only once they are is
// refused as filing.id (refuseDigitLookalike, from validation), not keyed.
// Of the three answers this is the safe one. Keying such an id as written
// (as before) leaves the hole open: (2O24)苏0106民初1001号 stores a second
// decision of a decided case and draws its team again. Reading the letter
// as the digit closes it, but silently: every id that happens to look so
// (another system's id, a clerk's typing error for another number) becomes
// the filing of some case number, is refused ALREADY_EXISTS naming a case
// that is not its own, and nothing tells the clerk why. A real case number
// never has a letter in its year, court code or number, so refusing costs
// a legitimate filing nothing but the correction the clerk sees named
// (the letter and its position). Ids that are not case numbers either way
// (JS-2024-0001, ABC-O1) are not refused. A decision stored under such an
// id before the refusal keeps its own key, and its corrections may restate
// that id (validateAt).
//
// Every stored decision carries the key this function gave its filing id
// when the store's last re-keying migration ran: a change to what the
// function returns needs a new store migration that re-keys
// (store/filingkey.go; migration 0017 for the folds of traditional
// characters, digits and inner spaces), or the decisions stored before the
// change are not found under the new keys of their other spellings.
func FilingKey(id string) string {
	folded := FoldFilingID(id)
	if c, ok := readCaseNumber(folded); ok {
		return c.String()
	}
	return folded
}

// FilingKey16 is the filing key of store migration 0016: FilingKey before
// it folded traditional characters, decimal digits other than ASCII and
// spaces inside a part of a case number. The store's audit reads it to
// tell which migration first kept two stored spellings apart, and its
// migration tests write as the release of 0016 did.
func FilingKey16(id string) string {
	folded := FoldFilingID(id)
	if c, ok := parseCaseNumber(folded); ok {
		return c.String()
	}
	return folded
}

// readCaseNumber reads folded, an id under FoldFilingID, as a case number
// once foldCaseNumber has folded its spellings. An id with white space at
// either end is read as it stands (and is no case number): a filing id
// never has any (validateID).
func readCaseNumber(folded string) (caseNumber, bool) {
	if strings.TrimSpace(folded) != folded {
		return parseCaseNumber(folded)
	}
	return parseCaseNumber(foldCaseNumber(folded))
}

// foldCaseNumber drops every space from s, writes each traditional
// character of the table foldCause reads (traditional) simplified, and each
// decimal digit (unicode.Nd) as its ASCII digit. None of these changes
// which case a case number names: a case number is written without
// spaces, in simplified characters and ASCII digits (法〔2015〕137号 art. 3).
//
// A case number that needs none of it, as most do, is returned as it is:
// it is folded several times per Decide, and each copy was an allocation
// (issue 13).
func foldCaseNumber(s string) string {
	for i, r := range s {
		w, keep := foldCaseNumberRune(r)
		// Invalid UTF-8 reads as U+FFFD, which the copy writes out.
		if !keep || w != r || r == utf8.RuneError && !strings.HasPrefix(s[i:], string(utf8.RuneError)) {
			return foldCaseNumberCopy(s)
		}
	}
	return s
}

// foldCaseNumberCopy is foldCaseNumber, always copying.
func foldCaseNumberCopy(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r, keep := foldCaseNumberRune(r); keep {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldCaseNumberRune is what foldCaseNumber writes for r, and false when
// it drops r.
func foldCaseNumberRune(r rune) (rune, bool) {
	switch {
	case unicode.IsSpace(r):
		return 0, false
	case '0' <= r && r <= '9':
	case unicode.Is(unicode.Nd, r):
		r = '0' + digitValue(r)
	default:
		if t, ok := traditional[r]; ok {
			r = t
		}
	}
	return r, true
}

// digitValue is the value of r, a decimal digit (unicode.Nd). Unicode
// encodes every decimal digit in a run of ten consecutive code points from
// 0 to 9 (its stability policy for Numeric_Type=Decimal), and puts some
// runs next to each other (the mathematical digits, U+1D7CE–U+1D7FF): the
// value is r's distance from the start of its run of Nd code points,
// modulo ten.
func digitValue(r rune) rune {
	n := rune(0)
	for unicode.Is(unicode.Nd, r-n-1) {
		n++
	}
	return n % 10
}

// digitLookalikes are the letters typed for a digit: O and o for 0, l and
// I for 1; the Cyrillic and Greek capitals and small letters that render
// as those (О о Ο ο for 0; І і Ӏ Ι for 1), which a Russian or Greek
// keyboard layout or a copy from a PDF leaves in an id; and 〇, the
// ideographic zero of dates written in characters (二〇二四), typed for 0 in
// a year. Full-width forms and the Roman numerals Ⅰ ⅰ ⅼ are already these
// letters under NFKC. None of them is a decimal digit (unicode.Nd), so the
// filing key never reads one as a digit.
var digitLookalikes = map[rune]rune{
	'O': '0', 'o': '0', 'l': '1', 'I': '1',
	'\u041e': '0', '\u043e': '0', // Cyrillic О о
	'\u039f': '0', '\u03bf': '0', // Greek Ο ο
	'\u3007': '0',                               // ideographic zero 〇
	'\u0406': '1', '\u0456': '1', '\u04c0': '1', // Cyrillic І і Ӏ
	'\u0399': '1', // Greek Ι
}

// DigitLookalike is refuseDigitLookalike for a caller that looks a filing
// up by its id rather than deciding it (GetCase by filing_id): there an id
// that is refused at Triage but was stored before that refusal still names
// its case, so the look-up runs first and this explains a miss. Without it
// a clerk's (2O24)… answered NOT_FOUND, "no such case", where Triage names
// the letter (outside check 31).
func DigitLookalike(field, id string) error { return refuseDigitLookalike(field, readID(id)) }

// isDigitLookalike reports whether r is one of digitLookalikes.
func isDigitLookalike(r rune) bool {
	_, ok := digitLookalikes[r]
	return ok
}

// refuseDigitLookalike refuses, naming field, an id that is not a case
// number (readCaseNumber) but would read as one were each letter of
// digitLookalikes the digit it looks like: (2O24)苏0106民初1001号,
// (2024)苏01O6民初1001号, (2024)苏0106民初l001号. FilingKey explains why
// such an id is refused rather than keyed. Ids that are not case numbers
// either way, JS-2024-0001 or ABC-O1, pass.
func refuseDigitLookalike(field string, r idReading) error {
	id, folded := r.id, r.folded
	if r.current || strings.TrimSpace(folded) != folded {
		return nil
	}
	// Without a lookalike, read is the spelling readCaseNumber just failed
	// (foldCaseNumber makes none: it drops spaces and writes traditional
	// characters and digits), and such an id, most that are no case number
	// of the current form, is not folded and parsed again.
	if !strings.ContainsFunc(folded, isDigitLookalike) {
		return nil
	}
	read := strings.Map(func(r rune) rune {
		if d, ok := digitLookalikes[r]; ok {
			return d
		}
		return r
	}, foldCaseNumber(folded))
	c, ok := parseCaseNumber(read)
	if !ok {
		return nil
	}
	i := 0
	for _, r := range id {
		// As sent: a full-width Ｏ is an O under NFKC.
		if nr := []rune(norm.NFKC.String(string(r))); len(nr) == 1 && digitLookalikes[nr[0]] != 0 {
			d := digitLookalikes[nr[0]]
			return fieldErrorf(field, "reads as the case number %s but for the letter %q at %d, which looks like the digit %c: a case number has no letters in its year, court code or number; write the digit", c, r, i, d)
		}
		i++
	}
	return nil
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
