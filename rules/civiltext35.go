package rules

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 35 (civil): what a complaint or the cause field states in
// words the earlier readers did not know, each of which closes small
// claims (and, but for the counterclaim, simplified procedure) by law:
//
//   - a party's domicile or address in 香港, 澳门, 台湾 or abroad ("住所地：
//     中国香港九龙…", "住台湾地区台北市", "住澳门特别行政区"): CPL 166 (2),
//     Interp. 520 (2) with 549 — INFER_FOREIGN_DOMICILE_FROM_TEXT;
//   - a representative suit (CPL 56, 57: "当事人一方人数众多的共同诉讼，可以
//     由当事人推选代表人进行诉讼"; only a numerous side has one): Interp. 257
//     (3) — INFER_REPRESENTATIVE_SUIT_FROM_TEXT;
//   - a plaintiff the text's heading names ("原告：浙江省消费者权益保护委员会",
//     "公益诉讼起诉人：…人民检察院"), read as a party's name is
//     (publicInterestPlaintiff): Interp. 257 (5);
//   - a remand, retrial or counterclaim written into the cause field
//     ("民间借贷纠纷（发回重审）", "…重审", "…（再审）", "…（反诉）"): Interp.
//     257 (2), (4), CPL 166 (5) — REVIEW_PROCEDURE_IN_CAUSE_CIVIL.
const (
	// CodeInferForeignDomicileFromText: the text says a party's domicile,
	// address or residence is in Hong Kong, Macao, Taiwan or abroad.
	CodeInferForeignDomicileFromText = "INFER_FOREIGN_DOMICILE_FROM_TEXT"
	// CodeInferRepresentativeSuitFromText: the text says a side chose a
	// representative (推选代表人) or calls the suit a 代表人诉讼.
	CodeInferRepresentativeSuitFromText = "INFER_REPRESENTATIVE_SUIT_FROM_TEXT"
	// CodeReviewProcedureInCauseCivil: the cause field carries a remark
	// that the case is remanded, a retrial or has a counterclaim, which
	// the circumstances do not state.
	CodeReviewProcedureInCauseCivil = "REVIEW_PROCEDURE_IN_CAUSE_CIVIL"
)

// A party's domicile or address is written with its place: 住所地, 住所,
// 住址, 经常居住地 or a heading's 住 (domicileAfterZhu after 住), or
// 户籍所在地, 户籍地 (domicileAfterHuji after 户籍); an optional mark
// (domicileMarks: 在, 为, 于, 位于, colon), an optional 中国, then a place
// abroad (abroadPlaces). It is scanned for, as the expression
//
//	(?:住所地|户籍所在地|户籍地|经常居住地|住所|住址|住)(?:位于|在|为|于|:)?(?:中国)?abroadPlace
//
// would find it, because that expression's alternation of every country
// tried at each 住 of a complaint (most complaints' headings hold several)
// costs what the round-28 readers were rewritten to avoid. A stay (居住在
// 美国, 暂住, 入住) is not a domicile (rounds 29 and 31 leave it to a
// person): stayBefore.
var (
	domicileAfterZhu  = [...]string{"所地", "所", "址", "地"}
	domicileAfterHuji = [...]string{"所在地", "地"}
	domicileMarks     = [...]string{"位于", "在", "为", "于", ":"}
)

// stayBefore, written just before a bare 住, make it a stay: 居住, 暂住,
// 入住, 借住, 寄住, 留住, 同住 (经常居住地 is a habitual residence).
var stayBefore = [...]string{"居", "暂", "入", "借", "寄", "留", "同"}

// domicileAbroadAt reads a domicile abroad at text[at:], which begins with
// head (住 or 户籍): the start of the words (经常居住地 starts at 经), the
// index just past the place, and whether there is one.
func domicileAbroadAt(text string, at int, head string) (start, end int, ok bool) {
	start, q := at, at+len(head)
	bare := false
	if head == "住" {
		n := prefixIn(text[q:], domicileAfterZhu[:])
		switch {
		case strings.HasSuffix(text[:at], "经常居") && n > 0:
			start -= len("经常居")
		case strings.HasPrefix(text[q:], "地"):
			return 0, 0, false // 住地 without 经常居: not a form read
		case n == 0:
			bare = true
		}
		q += n
	} else {
		n := prefixIn(text[q:], domicileAfterHuji[:])
		if n == 0 {
			return 0, 0, false
		}
		q += n
	}
	q += prefixIn(text[q:], domicileMarks[:])
	q += prefixIn(text[q:], []string{"中国"})
	if !placeAbroadAt(text[q:]) {
		return 0, 0, false
	}
	// Asked only of a place abroad: a complaint's heading says 住 of every
	// party, and seven suffixes asked at each cost more than the place.
	if bare && slices.ContainsFunc(stayBefore[:], func(w string) bool { return strings.HasSuffix(text[:at], w) }) {
		return 0, 0, false
	}
	return start, q + prefixIn(text[q:], abroadPlaces), true
}

// domicileAbroadStated reports whether a folded text says a party
// (partySubject: a role or a party's name before it, no relative or
// representative after) is domiciled or lives outside the mainland
// (domicileAbroadAt), not negated ("并非住香港"), the place not a home
// street's or building's name (placeNameAfter: "住香港路", "住美国大道").
func domicileAbroadStated(held *hanscan.Text, text string, subjects []string) bool {
	for _, head := range [...]string{"住", "户籍"} {
		for at := range occurrencesIn(held, text, head) {
			start, end, ok := domicileAbroadAt(text, at, head)
			if !ok || prefixIn(text[end:], placeNameAfter[:]) > 0 {
				continue
			}
			before := text[:start]
			if slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
				continue
			}
			if partySubject(text, start, subjects) {
				return true
			}
		}
	}
	return false
}

// representativeChosen is a side's choice of representatives (CPL 56,
// 57): "推选张某、李某为代表人", "推选诉讼代表人", within one clause.
var representativeChosen = regexp.MustCompile(`推选[^,;。:]{0,24}?代表人`)

// representativeSuitWords name the suit itself (CPL 57's "人数尚未确定"
// is said only of a numerous side).
var representativeSuitWords = [...]string{"代表人诉讼", "起诉时人数尚未确定", "人数尚未确定的"}

// representativeSuitStated reports whether a folded text says the suit is
// a representative one: a side chose its representatives or the text
// names a 代表人诉讼, not negated. A company's 法定代表人 is no
// representative of a numerous side: "推选…为法定代表人" is not read.
func representativeSuitStated(held *hanscan.Text, text string) bool {
	if !held.Contains(text, "代表人") && !held.Contains(text, "人数尚未确定") {
		return false
	}
	for _, w := range representativeSuitWords {
		if len(unnegatedPhraseAt(held, text, w)) > 0 {
			return true
		}
	}
	if !held.Contains(text, "推选") {
		// representativeChosen begins with 推选; 代表人 alone is in every
		// complaint naming a company's 法定代表人, so the gate above lets
		// most texts through to the expression.
		return false
	}
	for _, at := range unnegatedAt(text, representativeChosen) {
		m := representativeChosen.FindString(text[at:])
		if !strings.HasSuffix(m, "法定代表人") {
			return true
		}
	}
	return false
}

// plaintiffHeadings open a plaintiff as a complaint's heading names it:
// "原告:" or "公益诉讼起诉人:" and the name (headingName). A 支持起诉人
// (CPL 15) supports another's suit: its heading is not read.
var plaintiffHeadings = [...]string{"原告:", "公益诉讼起诉人:"}

// headingName is the name that opens s: its first 40 runes up to the first
// of , ; 。 : ( ), "" when that is fewer than 2. A hand scanner, not an
// expression: run over every complaint with a heading, the expression
// (?:原告|公益诉讼起诉人):([^,;。:()]{2,40}) took a quarter of a Decide
// (TestHeadingNameAsExpression compares the two).
func headingName(s string) string {
	end, n := 0, 0
	for n < 40 && end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if strings.ContainsRune(",;。:()", r) {
			break
		}
		end += size
		n++
	}
	if n < 2 {
		return ""
	}
	return s[:end]
}

// publicPlaintiffInText reports whether a folded text's heading names a
// plaintiff whose civil suit is a public-interest one
// (publicInterestPlaintiff).
//
// A name is a piece of the text, so a text without 检察院 and without
// 消费者 (publicInterestPlaintiff's words hold one or the other) names no
// such plaintiff: two searches answer most complaints, which head two to
// five parties each (callgrind 2026-12-06: 15,200 → 6,500 instructions of
// a 1,000-character complaint's Decide; TestHeadingNameAsExpression
// compares the answer with the expression's on random and real texts).
func publicPlaintiffInText(held *hanscan.Text, text string) bool {
	if !held.Contains(text, "检察院") && !held.Contains(text, "消费者") {
		return false
	}
	for _, h := range plaintiffHeadings {
		for at := range occurrencesIn(held, text, h) {
			if name := headingName(text[at+len(h):]); name != "" && publicInterestPlaintiff(name) {
				return true
			}
		}
	}
	return false
}

// causeRemarkWords returns the words of a folded cause that state a remand
// (发回重审, 重审), a retrial (再审) or a counterclaim (反诉, not withdrawn
// or given up), "" for each it does not state.
func causeRemarkWords(cause string) (remand, retrial, counterclaim string) {
	switch {
	case strings.Contains(cause, "发回重审"):
		remand = "发回重审"
	case strings.Contains(cause, "重审"):
		remand = "重审"
	}
	if strings.Contains(cause, "再审") {
		retrial = "再审"
	}
	if strings.Contains(cause, counterclaimWord) &&
		!slices.ContainsFunc(counterclaimWithdrawn[:], func(w string) bool { return strings.Contains(cause, w+counterclaimWord) }) {
		counterclaim = counterclaimWord
	}
	return remand, retrial, counterclaim
}

// civilCauseRemarks reads the cause field for a remand, a retrial or a
// counterclaim (causeRemarkWords) the circumstances do not state, and
// returns a copy of f with each set and REVIEW_PROCEDURE_IN_CAUSE_CIVIL
// quoting the cause; f itself when none is new. The era's rules then
// answer as for the flag.
func civilCauseRemarks(f *triagev1.Filing, a *Assessment) *triagev1.Filing {
	cause := f.GetCause()
	if !strings.ContainsAny(cause, "审诉") {
		return f
	}
	cause = foldCause(cause)
	remand, retrial, counter := causeRemarkWords(cause)
	c := f.GetCircumstances()
	// A remark the circumstances state already is nothing new.
	if c.GetRemanded() {
		remand = ""
	}
	if c.GetRetrial() {
		retrial = ""
	}
	if c.GetCounterclaim() {
		counter = ""
	}
	if remand == "" && retrial == "" && counter == "" {
		return f
	}
	// One review quoting the cause, however many remarks it holds.
	return withTextReadings(f, a, []textReading{{cause, CodeReviewProcedureInCauseCivil, false, func(c *triagev1.Circumstances) {
		c.Remanded = c.Remanded || remand != ""
		c.Retrial = c.Retrial || retrial != ""
		c.Counterclaim = c.Counterclaim || counter != ""
	}}})
}
