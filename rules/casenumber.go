package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// caseNumber is a case number (案号) numbered by the Supreme People's
// Court's rules on case numbers: 《关于人民法院案件案号的若干规定》
// (法〔2015〕137号, in force 2016-01-01) as amended by 法〔2018〕335号
// (2018-12-07). Its elements (art. 2) are written, art. 3,
//
//	"(" + 收案年度 + ")" + 法院代字 + 专门审判代字 + 类型代字 + 案件编号 + "号"
//
// so a case number names one case by its year, court, special-division and
// type codes and number: two spellings that agree on these are one case,
// and two that differ in any of them are two.
type caseNumber struct {
	year int // 收案年度: the calendar year the case was received (art. 2)
	// court is the 法院代字 (arts. 4 and 5): 最高法, a high court's
	// character, or that character and the two digits of an intermediate
	// or four of a basic court.
	court string
	// kind is the 专门审判代字 (one character, 2018 amendment, e.g. 知) and
	// the 类型代字 (at most three, art. 7, e.g. 民初), as written: the
	// parser does not split them.
	kind string
	seq  int // 案件编号: a natural number (art. 10)
}

// String is the canonical spelling of c, its filing key: parentheses as
// the official full-width （） read under NFKC, no white space, the number
// without leading zeros, and 号.
func (c caseNumber) String() string {
	return "(" + strconv.Itoa(c.year) + ")" + c.court + c.kind + strconv.Itoa(c.seq) + "号"
}

// firstRulesYear is the first year numbered by the rules (in force
// 2016-01-01). Before it every court chose its own abbreviation (one or two
// characters of its name, the same ones for more than one court) and wrote
// (2015)X民初字第01826号: court and type cannot be told apart, so such ids
// are not parsed, and keep the key they had.
const firstRulesYear = 2016

// maxSeqDigits bounds the number, leading zeros included: numbers run
// from 1 in each year (art. 10), and the longest the rules write is the
// eight-digit fixed-length number of a criminal review (刑事复核, art. 10
// para. 2). A longer digit run is not read as a case number.
const maxSeqDigits = 8

// highCourts are the 法院代字 of the high courts (art. 4): each
// province-level division's one-character short name, 内 for Inner
// Mongolia, 军 for the PLA Military Court and 兵 for the Xinjiang
// Production and Construction Corps branch. Intermediate and basic courts
// add digits to them (art. 5); the Supreme People's Court is 最高法.
const highCourts = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵"

// supremeCourt is the Supreme People's Court's 法院代字 (art. 4).
const supremeCourt = "最高法"

// notInKind are characters no special-division or type code holds: 字 and
// 第 mark the pre-2016 form (…民初字第12号), 号 ends a number.
const notInKind = "字第号"

// parseCaseNumber reads s, an id already under NFKC with its brackets
// folded to parentheses (foldFilingID), as a case number. It is
// conservative, because an id it reads is then one filing with every id
// that reads the same: only the whole of s is read, and only these
// differences from the canonical form (caseNumber.String) are allowed —
// runs of spaces between elements (beside a parenthesis, the year, the
// court code, the codes, the number or 号, never inside one), leading
// zeros in the number, and a missing 号. Everything else is not a case
// number: a year before 2016 or not of four digits; a court code not of
// the rules' shape; codes of more than four characters, or holding 字,
// 第 or 号; no number, a number of 0 or of more than eight digits;
// anything after 号 (之一, the suffix of a second document of one case,
// 法〔2016〕37号); white space at either end. The type codes are not
// checked against the standard's list (《人民法院案件类型及其代字标准》,
// revised since): a new code is parsed like the others, and since the
// codes are kept as written, no two different codes ever share a key.
func parseCaseNumber(s string) (caseNumber, bool) {
	var c caseNumber
	sc := scanner{s: s}
	if !sc.take("(") {
		return c, false
	}
	sc.spaces()
	year := sc.digits()
	if len(year) != 4 {
		return c, false
	}
	c.year, _ = strconv.Atoi(year) // four ASCII digits
	if c.year < firstRulesYear {
		return c, false
	}
	sc.spaces()
	if !sc.take(")") {
		return c, false
	}
	sc.spaces()
	var ok bool
	if c.court, ok = sc.court(); !ok {
		return c, false
	}
	sc.spaces()
	if c.kind, ok = sc.kind(); !ok {
		return c, false
	}
	sc.spaces()
	seq := sc.digits()
	if seq == "" || len(seq) > maxSeqDigits {
		return c, false
	}
	c.seq, _ = strconv.Atoi(seq) // at most eight ASCII digits
	if c.seq == 0 {
		return c, false
	}
	if sc.rest() == "" {
		return c, true // 号 left out
	}
	sc.spaces()
	if !sc.take("号") || sc.rest() != "" {
		return c, false
	}
	return c, true
}

// scanner reads s from its position i.
type scanner struct {
	s string
	i int
}

func (sc *scanner) rest() string { return sc.s[sc.i:] }

// take consumes prefix if the rest begins with it.
func (sc *scanner) take(prefix string) bool {
	if !strings.HasPrefix(sc.rest(), prefix) {
		return false
	}
	sc.i += len(prefix)
	return true
}

// spaces consumes a run of spaces. After NFKC every space character but
// tab and the line breaks (the ideographic space, no-break space, the
// fixed-width spaces) is U+0020; those are not folded.
func (sc *scanner) spaces() {
	for sc.take(" ") {
	}
}

// digits consumes and returns a run of ASCII digits (full-width ones are
// ASCII after NFKC).
func (sc *scanner) digits() string {
	start := sc.i
	for sc.i < len(sc.s) && '0' <= sc.s[sc.i] && sc.s[sc.i] <= '9' {
		sc.i++
	}
	return sc.s[start:sc.i]
}

// court consumes a 法院代字: 最高法, or a high court's character followed
// by no digits, two (an intermediate court's code) or four (a basic
// court's), art. 5.
func (sc *scanner) court() (string, bool) {
	start := sc.i
	if sc.take(supremeCourt) {
		return supremeCourt, sc.digits() == ""
	}
	r, n := utf8.DecodeRuneInString(sc.rest())
	if n == 0 || !strings.ContainsRune(highCourts, r) {
		return "", false
	}
	sc.i += n
	switch len(sc.digits()) {
	case 0, 2, 4:
		return sc.s[start:sc.i], true
	}
	return "", false
}

// kind consumes the special-division and type codes: one to four Han
// characters (one of the first, at most three of the second), none of
// notInKind.
func (sc *scanner) kind() (string, bool) {
	start, n := sc.i, 0
	for {
		r, size := utf8.DecodeRuneInString(sc.rest())
		if size == 0 || !unicode.Is(unicode.Han, r) {
			break
		}
		if strings.ContainsRune(notInKind, r) {
			return "", false
		}
		sc.i += size
		n++
	}
	return sc.s[start:sc.i], 1 <= n && n <= 4
}
