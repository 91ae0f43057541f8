package rules

import (
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// A civil filing states some of what decides its procedure only in its
// party names and its text (诉讼请求, 事实与理由), not in the flags: a party
// entered as "张三等15人", "被告下落不明，请求公告送达", a claim for the
// return of a thing beside a sum of money, a sum in the claims far above the
// amount field, a procuratorate as plaintiff. Until rules 2026-12-04.28 the
// rules read none of it, and each such filing kept small claims mandatory
// or simplified procedure open where the law closes them (statute round 23,
// docs/statutes.md). What the text states plainly and closes a procedure
// is read as a fact with an inference that says so (the stricter reading,
// as a retrial case number is); what only a person can weigh (a claim that
// may not be for money, an amount the field contradicts) leaves small
// claims undetermined and the case reviewed.

// civilReading is what a civil filing's names and text state beside its
// fields.
type civilReading struct {
	// plaintiffs, defendants: the most persons one party entry or the text
	// says a side has ("原告张三等15人", a name "李四等十二人", a name listing
	// persons with 、), 0 when nothing says so.
	plaintiffs, defendants int
	// whereabouts: the text says a defendant 下落不明 or in words that state
	// the same (readWhereabouts: whereaboutsWords).
	whereabouts bool
	// unreachableParty, unreachableDefendant: the words in which the text
	// says a party (原告, 被告, a party's name), or a defendant, cannot be
	// reached short of 下落不明, or says another party 下落不明
	// (readWhereabouts), "" when it does not.
	unreachableParty, unreachableDefendant string
	// publicNotice: the text asks for or expects 公告送达.
	publicNotice bool
	// appraisal: the text asks for an appraisal (申请鉴定, 需要评估) or
	// disputes a pre-suit one (对鉴定意见有异议).
	appraisal bool
	// foreignName: a party's name is a Hong Kong, Macao or Taiwan one
	// ("香港某某有限公司", "某某（香港）有限公司") or a foreign body's
	// (foreignBodyName: "Apple Inc.", "某某株式会社", "美国某某公司").
	foreignName bool
	// foreignText: the text or a party's name says a party is foreign or
	// stateless (外籍, 美国籍, 国籍为日本, 无国籍: foreignStated).
	foreignText bool
	// publicPlaintiff: a plaintiff is a procuratorate (CPL 58 ¶2) or a
	// consumers' association (CPL 58 ¶1, 消费者权益保护法第四十七条), the
	// bodies whose civil suit is a public-interest suit.
	publicPlaintiff bool
	// publicInterestText: the text calls the suit a 公益诉讼.
	publicInterestText bool
	// foreignDomicile: the text says a party is domiciled or lives in
	// Hong Kong, Macao, Taiwan or abroad (round 35).
	foreignDomicile bool
	// representative: the text says the suit is a representative one
	// (CPL 56, 57), which only a numerous side brings (round 35).
	representative bool
}

// readCivil reads a civil filing's names and text (civilReading) and
// applies what it states: numerous parties and a foreign-related case to
// a.Facts; whereabouts unknown, public-notice service and a public-interest
// suit to a copy of the filing, which it returns (the caller's filing is
// not changed); each with the inference that says it was read. It also
// records in a.Facts what the claims text says of the claims
// (claimsReading), which the small-claims rules weigh.
//
// held is the filing's text as foldCause folds it, with its characters:
// the caller folds it and makes the set once for every civil reader (a
// text may be 20,000 characters).
func readCivil(f *triagev1.Filing, a *Assessment, held *hanscan.Text) *triagev1.Filing {
	text := held.String()
	fx := &a.Facts
	fx.Claims = readFoldedClaims(held, text)
	r := civilReadingOf(f, held)
	readNumerous(a, r)
	switch {
	case fx.Foreign:
	case r.foreignName:
		fx.Foreign = true
		a.Inferences = append(a.Inferences, reason(CodeInferForeignFromName))
	case r.foreignText:
		fx.Foreign = true
		a.Inferences = append(a.Inferences, reason(CodeInferForeignFromText))
	case r.foreignDomicile:
		fx.Foreign = true
		a.Inferences = append(a.Inferences, reason(CodeInferForeignDomicileFromText))
	case foreignCaseStated(held, fx.Cause.Written, text):
		// The cause or the text says the case is foreign-related
		// (statute round 29); no party is said to be foreign.
		fx.Foreign, fx.ForeignFacts = true, true
		a.Inferences = append(a.Inferences, reason(CodeInferForeignCaseStated))
	case foreignFactsStated(held, text):
		// Read last, and only here: no party is foreign, so the era's
		// party inference is not given (inferCivilFacts).
		fx.Foreign, fx.ForeignFacts = true, true
		a.Inferences = append(a.Inferences, reason(CodeInferForeignFactsFromText))
	}
	c := f.GetCircumstances()
	anyWhereabouts, defendantWhereabouts := whereaboutsUnknown(f.GetParties())
	readUnreachable(a, r, anyWhereabouts || r.whereabouts)
	markWhereabouts := r.whereabouts && !defendantWhereabouts &&
		slices.ContainsFunc(f.GetParties(), func(p *triagev1.Party) bool { return p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT })
	notice := r.publicNotice && !c.GetPublicNoticeService()
	appraisal := r.appraisal && !c.GetAppraisalNeeded()
	// A cause naming the suit says so already (civilGroundsOf).
	public := (r.publicPlaintiff || r.publicInterestText) && !c.GetPublicInterest() &&
		!causeUnder(fx.Cause, publicInterestNode) && !causeNames(fx.Cause.Written, publicInterestNode)
	if !markWhereabouts && !notice && !appraisal && !public {
		return f
	}
	f = proto.CloneOf(f)
	if f.Circumstances == nil {
		f.Circumstances = &triagev1.Circumstances{}
	}
	if markWhereabouts {
		for _, p := range f.Parties {
			if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
				p.WhereaboutsUnknown = true
			}
		}
		a.Inferences = append(a.Inferences, reason(CodeInferWhereaboutsFromText))
	}
	if notice {
		f.Circumstances.PublicNoticeService = true
		a.Inferences = append(a.Inferences, reason(CodeInferPublicNoticeFromText))
	}
	if appraisal {
		f.Circumstances.AppraisalNeeded = true
		a.Inferences = append(a.Inferences, reason(CodeInferAppraisalFromText))
	}
	if public {
		f.Circumstances.PublicInterest = true
		fx.PublicInterest = true
		a.Inferences = append(a.Inferences, reason(CodeInferPublicInterestFromFiling))
	}
	return f
}

// readNumerous marks a numerous side the reading states: a count of ten or
// more, or a representative suit (round 35), each with its inference.
func readNumerous(a *Assessment, r civilReading) {
	fx := &a.Facts
	switch {
	case fx.Numerous:
	case r.plaintiffs >= numerousParties || r.defendants >= numerousParties:
		fx.Numerous = true
		a.Inferences = append(a.Inferences, reason(CodeInferPartyCountFromText))
	case r.representative:
		fx.Numerous = true
		a.Inferences = append(a.Inferences, reason(CodeInferRepresentativeSuitFromText))
	}
}

// civilReadingOf reads the party names and the text, in foldCause's form
// with its characters (held), of a civil filing.
func civilReadingOf(f *triagev1.Filing, held *hanscan.Text) civilReading {
	text := held.String()
	var r civilReading
	for _, p := range f.GetParties() {
		name := foldCause(p.GetName())
		n := personsNamed(name)
		switch p.GetRole() {
		case triagev1.PartyRole_PARTY_ROLE_PLAINTIFF:
			r.plaintiffs = max(r.plaintiffs, n)
			r.publicPlaintiff = r.publicPlaintiff || publicInterestPlaintiff(name)
		case triagev1.PartyRole_PARTY_ROLE_DEFENDANT:
			r.defendants = max(r.defendants, n)
		}
		r.foreignName = r.foreignName || regionalName(name) || foreignBodyName(p.GetName(), name)
		r.foreignText = r.foreignText || foreignStated(held, name, nil)
	}
	// Round 36: the names the complaint's heading gives.
	r.foreignName = r.foreignName || foreignNameInHeadings(held, text)
	// The expressions below run only on a text holding their one fixed word
	// (等, 鉴定/评估): over a whole complaint each costs tens of
	// microseconds, and most texts hold neither (bench 2026-12-05).
	for _, m := range sideCountsIn(held, text) {
		n := chineseCount(m[1])
		if m[0] == "原告" {
			r.plaintiffs = max(r.plaintiffs, n)
		} else {
			r.defendants = max(r.defendants, n)
		}
	}
	// A count after the side itself ("原告共计12人", round 27).
	tp, td := sideTotals(held, text)
	r.plaintiffs, r.defendants = max(r.plaintiffs, tp), max(r.defendants, td)
	var defendants, parties []string
	for _, p := range f.GetParties() {
		// A name of one character, or none, would be found everywhere.
		if name := foldCause(p.GetName()); utf8.RuneCountInString(name) >= 2 {
			parties = append(parties, name)
			if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
				defendants = append(defendants, name)
			}
		}
	}
	var others []string
	for _, name := range parties {
		if !slices.Contains(defendants, name) {
			others = append(others, name)
		}
	}
	w := readWhereabouts(held, text, append([]string{"被告"}, defendants...), append([]string{"原告"}, others...))
	r.whereabouts, r.unreachableParty, r.unreachableDefendant = w.defendant, w.party, w.partyDefendant
	subjects := append([]string{"原告", "被告", "第三人"}, parties...)
	// A resident of Hong Kong, Macao or Taiwan (Interp. 549 with 520), or
	// a habitual residence abroad (Interp. 520(2)), as a foreign party is
	// (round 27).
	r.foreignText = r.foreignText || foreignStated(held, text, subjects) || regionalResidentStated(held, text, subjects) ||
		residenceAbroadStated(held, text, subjects) || settledAbroadStated(held, text, subjects)
	r.publicNotice = statedUnnegated(held, text, "公告送达")
	r.appraisal = (held.Contains(text, "鉴定") || held.Contains(text, "评估")) &&
		(matchedUnnegated(text, appraisalAsked) || appraisalOfObjectAsked(text))
	r.publicInterestText = held.Contains(text, "公益诉讼")
	// Round 35: the heading's plaintiff, a domicile abroad, a
	// representative suit.
	r.publicPlaintiff = r.publicPlaintiff || publicPlaintiffInText(held, text)
	r.foreignDomicile = !r.foreignText && (domicileAbroadStated(held, text, subjects) || noDomicileInChinaStated(held, text, subjects))
	r.representative = representativeSuitStated(held, text)
	return r
}

// sideCounts finds each side's count written after its first member
// ("原告张三等15人", "被告李某等十二名"), within one clause: a side (原告,
// 被告), at most sideCountGap runes none of which ends a clause, then 等, a
// count in digits or in Chinese numerals (sideCountNumeral) and 人 or 名. It returns the side and the count of each, found as the
// expression
//
//	(原告|被告)[^,;:。.!?()\n]{0,30}?等([0-9]+|[一二两三四五六七八九十百]+)(?:人|名)
//
// finds them (FindAllStringSubmatch: leftmost, shortest gap, not
// overlapping), which TestSideCounts checks against it. It is written out
// because the expression, tried at every 原告 and 被告 of a complaint, cost
// a third of a Decide (issue 13, bench 2026-12-05).
func sideCounts(text string) [][2]string {
	var out [][2]string
	sides := [...]string{"原告", "被告"}
	next := [len(sides)]int{-2, -2} // where each side next stands at or after at; -1 none, -2 not looked
	for at := 0; at < len(text); {
		i, side := -1, ""
		for k, s := range sides {
			if next[k] == -2 || next[k] >= 0 && next[k] < at {
				next[k] = hanscan.Index(text[at:], s)
				if next[k] >= 0 {
					next[k] += at
				}
			}
			if j := next[k]; j >= 0 && (i < 0 || j < i) {
				i, side = j, s
			}
		}
		if i < 0 {
			break
		}
		i += len(side)
		count, end, ok := sideCountAfter(text[i:])
		if !ok {
			at = i
			continue
		}
		out = append(out, [2]string{side, count})
		at = i + end
	}
	return out
}

// sideCountsIn is sideCounts(text) of a folded text and its character set:
// every side count holds 等, a count and 人 or 名 (sideCountAt), which most
// complaints hold nowhere, while sideCounts walks from every 原告 and 被告
// (7% of a Decide of the bench complaint, which holds 等 once, in "等原因":
// callgrind 2026-12-06). Only a text holding one is walked.
func sideCountsIn(held *hanscan.Text, text string) [][2]string {
	for at, i := 0, held.Index(text, "等"); i >= 0; i = hanscan.Index(text[at:], "等") {
		at += i + len("等")
		if sideCountAt(text[at:]) > 0 {
			return sideCounts(text)
		}
	}
	return nil
}

// sideCountAt is the length of the count that rest, what follows a side's
// 等, begins with when 人 or 名 follows it (digits, or Chinese numerals:
// sideCountNumeral), else 0.
func sideCountAt(rest string) int {
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	if n == 0 {
		for n < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[n:])
			if !sideCountNumeral(r) {
				break
			}
			n += size
		}
	}
	if n > 0 && (strings.HasPrefix(rest[n:], "人") || strings.HasPrefix(rest[n:], "名")) {
		return n
	}
	return 0
}

// sideCountGap bounds the runes between a side and 等; the gap holds none
// of , ; : 。 . ! ? ( ) and line breaks (sideCountAfter).
const sideCountGap = 30

// sideCountAfter reads, at the start of s (just after a side), the
// shortest gap followed by 等, a count and 人 or 名: the count, the index
// after the match, and whether there was one.
func sideCountAfter(s string) (count string, end int, ok bool) {
	for p, gap := 0, 0; ; gap++ {
		if rest, found := strings.CutPrefix(s[p:], "等"); found {
			if n := sideCountAt(rest); n > 0 {
				start := len(s) - len(rest)
				return rest[:n], start + n + len("人"), true
			}
		}
		if gap == sideCountGap || p == len(s) {
			return "", 0, false
		}
		// The gap's runes are read by their bytes where that is quick
		// (ASCII; a three-byte rune with a lead other than E0, E3 and ED
		// and two continuation bytes, as nearly every Chinese character):
		// utf8.DecodeRuneInString is not inlined for three bytes, and this
		// loop runs after every 原告 and 被告 of a complaint.
		switch c := s[p]; {
		case c < utf8.RuneSelf:
			switch c {
			case ',', ';', ':', '.', '!', '?', '(', ')', '\n':
				return "", 0, false
			}
			p++
		case c-0xe1 <= 0xef-0xe1 && c != 0xe3 && c != 0xed && p+2 < len(s) &&
			uint16(s[p+1]&0xc0)<<8|uint16(s[p+2]&0xc0) == 0x8080:
			p += 3
		default:
			r, size := utf8.DecodeRuneInString(s[p:])
			if r == '。' {
				return "", 0, false
			}
			p += size
		}
	}
}

// sideCountNumeral reports whether r is a Chinese numeral of a side's
// count.
func sideCountNumeral(r rune) bool {
	switch r {
	case '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百':
		return true
	}
	return false
}

// personsNamed is how many persons one party entry's name states: N for
// "某某等N人" (or 名), the number of names a list separated by 、 holds
// ("赵某1、赵某2、赵某3"), else 1.
func personsNamed(name string) int {
	if m := namedCount.FindStringSubmatch(name); m != nil {
		return max(chineseCount(m[1]), 1)
	}
	// The parts are counted where they stand, not split out: every party's
	// name is read on every civil Decide.
	parts := 0
	for rest, more := name, strings.Contains(name, "、"); more; {
		var part string
		part, rest, more = strings.Cut(rest, "、")
		if n := utf8.RuneCountInString(part); n == 0 || n > maxListedNameRunes {
			return 1
		}
		parts++
	}
	return max(parts, 1)
}

// maxListedNameRunes bounds one name of a list in a party entry: a
// company's name may hold 、 inside, and is longer than any person's.
const maxListedNameRunes = 6

var namedCount = regexp.MustCompile(`等([0-9]+|[一二两三四五六七八九十百]+)(?:人|名)`)

// chineseCount reads a count written in digits or in Chinese numerals up to
// 九百九十九 ("十二", "二十", "一百零五"); 0 when it cannot.
func chineseCount(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digit := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch {
		case r == '十':
			total += max(cur, 1) * 10
			cur = 0
		case r == '百':
			total += max(cur, 1) * 100
			cur = 0
		case digit[r] > 0:
			cur = digit[r]
		case r == '零':
		default:
			return 0
		}
	}
	return total + cur
}

// negations are the words that, just before a phrase, deny it ("并非下落不明",
// "无需公告送达").
var negations = []string{"不是", "并非", "并未", "没有", "无需", "不需", "不必", "无须", "非", "未", "不", "无"}

// whereaboutsPhrase is how a filing says a person cannot be found.
const whereaboutsPhrase = "下落不明"

// unnegatedAt returns where re matches text without a negation just before
// the match.
func unnegatedAt(text string, re *regexp.Regexp) []int {
	var at []int
	for _, loc := range re.FindAllStringIndex(text, -1) {
		before := text[:loc[0]]
		if !slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
			at = append(at, loc[0])
		}
	}
	return at
}

// unnegatedPhraseAt is unnegatedAt of an expression that is one fixed
// phrase: where phrase stands in text (not overlapping, from the left)
// without a negation just before it. A word search, where the regexp
// package spent ~10,000 instructions of a Decide on the complaint (issue
// 13, callgrind 2026-12-05); TestUnnegatedPhraseAt compares the two.
func unnegatedPhraseAt(held *hanscan.Text, text, phrase string) []int {
	var at []int
	for i := range occurrencesIn(held, text, phrase) {
		before := text[:i]
		if !slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
			at = append(at, i)
		}
	}
	return at
}

// subjectWindowRunes bounds how far before a statement partySubject looks
// for whom it is said of: the sentence and the one before it, whose
// subject a Chinese sentence often leaves out ("被告借款后未还。此后下落不明").
const subjectWindowRunes = 80

// otherPersons are the persons a filing names who are not parties: a
// party's relatives, representatives, staff, witnesses. Written after a
// party ("原告之父", "被告的法定代表人"), they are the subject of what
// follows, not the party.
var otherPersons = []string{
	"之父", "之母", "父亲", "母亲", "之妻", "之夫", "妻子", "丈夫", "前妻", "前夫", "儿子", "女儿", "之子", "之女", "子女",
	"孩子", "哥哥", "弟弟", "姐姐", "妹妹", "兄弟", "姐妹", "亲属", "家属", "配偶", "证人", "代理人", "代表人", "负责人",
	"员工", "职工", "股东", "朋友", "同事", "案外人",
}

// partySubject reports whether what text states at index at is said of one
// of subjects (party roles, party names): one of them is written before it
// within its paragraph and subjectWindowRunes, and no other person
// (otherPersons) after the last of them. Where no subject is written, the
// statement is not read as a party's: the stricter reading needs the text
// to say whose it is.
func partySubject(text string, at int, subjects []string) bool {
	start := max(strings.LastIndexByte(text[:at], '\n')+1, 0)
	window := text[start:at]
	for utf8.RuneCountInString(window) > subjectWindowRunes {
		_, n := utf8.DecodeRuneInString(window)
		window = window[n:]
	}
	last := -1
	for _, s := range subjects {
		if i := strings.LastIndex(window, s); i >= 0 {
			last = max(last, i+len(s))
		}
	}
	if last < 0 {
		return false
	}
	return !slices.ContainsFunc(otherPersons, func(o string) bool { return strings.Contains(window[last:], o) })
}

// statedUnnegated reports whether text states phrase somewhere without a
// negation just before it (as matchedUnnegated for a pattern).
func statedUnnegated(held *hanscan.Text, text, phrase string) bool {
	for _, before := range occurrencesIn(held, text, phrase) {
		if !slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
			return true
		}
	}
	return false
}

// appraisalAsked matches a text asking for an appraisal or disputing a
// pre-suit one, the cases CPL 166(3) (Interp. 2015 art. 275(4)) keeps out of
// small claims; an appraisal already made and not disputed ("经司法鉴定") is
// not one.
//
// Statute round 30: an application that names its object ("申请对车辆损失进
// 行评估", "申请对其伤残等级进行鉴定", up to 20 characters of one clause), a
// new appraisal ("申请重新鉴定") and an objection to a 结果 (the article's own
// word: "对诉前评估、鉴定结果有异议") are read too.
var appraisalAsked = regexp.MustCompile(`申请(对[^。；;，,！!？?\n]{1,20}?)?(进行|作出|作)?(司法|重新)?(鉴定|评估)|(需要|需|应当|应)(进行|作)?(司法)?(鉴定|评估)|(鉴定|评估)(意见|结论|报告|结果)?(有|存在|提出)异议`)

// appraisalOfObject matches what appraisalAsked does not (statute round
// 32): a need whose object stands between it and the verb ("需对房屋损失进
// 行评估"), an appraisal named after 进行 ("需进行伤残等级鉴定", "申请进行
// 笔迹鉴定"), and an application naming its kind without 对 or 进行 ("申请
// 伤残等级鉴定"), each within one clause; 申请人 is a party, not an
// application.
var appraisalOfObject = regexp.MustCompile(`(需要|需|应当|应)对[^。；;，,！!？?\n]{1,20}?(进行|作出|作)(司法|重新)?(鉴定|评估)|(需要|需|应当|应|申请)(对[^。；;，,！!？?\n]{1,20}?)?进行[^。；;，,！!？?\n]{1,10}?(鉴定|评估)|申请[^人。；;，,！!？?\n][^。；;，,！!？?\n]{0,9}?(鉴定|评估)`)

// appraisalOfObjectAsked reports whether appraisalOfObject matches text
// somewhere not negated just before (无需对…进行评估) and not naming a fee
// (鉴定费, 评估费: "应进行赔偿并支付鉴定费" asks for none).
func appraisalOfObjectAsked(text string) bool {
	for _, loc := range appraisalOfObject.FindAllStringIndex(text, -1) {
		if suffixIn(text[:loc[0]], negations) == "" && !strings.HasPrefix(text[loc[1]:], "费") {
			return true
		}
	}
	return false
}

// matchedUnnegated reports whether re matches text somewhere without a
// negation just before the match ("无需鉴定", "不申请鉴定").
func matchedUnnegated(text string, re *regexp.Regexp) bool {
	for _, loc := range re.FindAllStringIndex(text, -1) {
		before := text[:loc[0]]
		if !slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
			return true
		}
	}
	return false
}

// publicInterestPlaintiff reports whether a plaintiff's name is that of a
// body whose civil suit is a public-interest suit: a 人民检察院 (CPL 58 ¶2;
// 2017–2021 text art. 55 ¶2), which brings no civil suit of its own
// otherwise, or a consumers' association (CPL 58 ¶1 with 消费者权益保护法第
// 四十七条: 中国消费者协会 and the provinces' associations).
func publicInterestPlaintiff(name string) bool {
	return strings.Contains(name, "人民检察院") || strings.Contains(name, "消费者协会") ||
		strings.Contains(name, "消费者权益保护委员会")
}

// regionalPrefixes begin the names of Hong Kong, Macao and Taiwan persons
// and bodies as filings write them; a mainland body's name begins with its
// own administrative division, never one of these.
var regionalPrefixes = []string{"香港", "澳门", "台湾", "中国香港", "中国澳门", "中国台湾"}

// regionalBracketed are regionalPrefixes in half-width brackets, made once:
// regionalName asks for each on every party heading and field.
var regionalBracketed = func() []string {
	out := make([]string, len(regionalPrefixes))
	for i, p := range regionalPrefixes {
		out[i] = "(" + p + ")"
	}
	return out
}()

// regionalName reports whether a party's name is a Hong Kong, Macao or
// Taiwan one: it begins with the region or holds it in brackets
// ("某某（香港）有限公司", folded to half-width brackets).
func regionalName(name string) bool {
	for i, p := range regionalPrefixes {
		if strings.HasPrefix(name, p) || strings.Contains(name, regionalBracketed[i]) {
			return true
		}
	}
	return false
}

// foreignCountries are the countries whose nationals and bodies Chinese
// courts most often hear, as filings name them; China is not one.
const foreignCountries = `美国|英国|法国|德国|日本|韩国|朝鲜|加拿大|澳大利亚|新西兰|新加坡|马来西亚|泰国|越南|缅甸|老挝|柬埔寨|菲律宾|` +
	`印度尼西亚|印尼|印度|巴基斯坦|孟加拉国|俄罗斯|意大利|西班牙|葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|丹麦|芬兰|爱尔兰|奥地利|波兰|` +
	`乌克兰|土耳其|以色列|伊朗|阿联酋|沙特阿拉伯|埃及|南非|尼日利亚|巴西|阿根廷|墨西哥|智利|秘鲁|蒙古|哈萨克斯坦|吉尔吉斯斯坦`

// foreignMarker matches what states a person foreign or stateless (Interp.
// 520(1): 外国人、无国籍人、外国企业或者组织): 外籍, 无国籍, 外国人 (not
// 外国语, a school's name), a country's 籍 ("美国籍", "日本国籍"), 国籍
// followed by a country ("国籍为美国", "国籍:日本").
//
// Statute round 32: a country's 公民 and its 护照 held ("原告系美国公民",
// "持日本护照") say the nationality too.
var foreignMarker = regexp.MustCompile(`外籍|无国籍|外国(?:人|籍|公民|企业|公司|法人|组织)|(?:` + foreignCountries +
	`)(?:国?籍|公民)|持有?(?:` + foreignCountries + `)护照|国籍(?:为|是|:)?(?:` + foreignCountries + `)`)

// foreignStated reports whether s, in foldCause's form, states a person
// foreign or stateless (foreignMarker), unnegated ("非外籍"), and not as
// 籍贯 ("李英国籍贯": a name before 籍贯). With subjects, the statement must
// be said of one of them (partySubject: "证人系外籍" is no party's); a
// party's name is its own subject (nil).
func foreignStated(held *hanscan.Text, s string, subjects []string) bool {
	// Every form of foreignMarker holds 籍, 外国, 公民 or 护照: a text with none is
	// not scanned, since the expression's many alternatives cost about a
	// millisecond over a whole complaint (the served Triage went from ~90 to
	// ~900 µs of CPU with it, bench 2026-12-05).
	if !held.Contains(s, "籍") && !held.Contains(s, "外国") && !held.Contains(s, "护照") &&
		!citizenNamed(held, s) {
		return false
	}
	for _, at := range unnegatedAt(s, foreignMarker) {
		m := foreignMarker.FindString(s[at:])
		if strings.HasPrefix(s[at+len(m):], "贯") {
			continue
		}
		if subjects == nil || partySubject(s, at, subjects) {
			return true
		}
	}
	return false
}

// citizenNamed reports whether s holds 公民 other than in 公民身份 (号码):
// a complaint's party particulars give most parties' 公民身份号码, which
// would send nearly every text through foreignMarker.
func citizenNamed(held *hanscan.Text, s string) bool {
	for at := range occurrencesIn(held, s, "公民") {
		if !strings.HasPrefix(s[at+len("公民"):], "身份") {
			return true
		}
	}
	return false
}

// foreignBodyForms end the name of a foreign company written in Latin
// letters ("Apple Inc.", "Siemens AG", "ABC Co., Ltd."), each after a space
// or a mark; latinOnly checks the name holds no Chinese, as a mainland
// body's registered name does ("温州某某有限公司(Wenzhou Co., Ltd.)" is a
// mainland company's translation).
var foreignBodyForms = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:co\.?,?\s*ltd\.?|co\.?,?\s*limited|inc\.?|incorporated|l\.?l\.?c\.?|gmbh|corp\.?|corporation|plc|pte\.?\s*ltd\.?|pty\.?\s*ltd\.?|sdn\.?\s*bhd\.?|s\.a\.?|s\.a\.r\.l\.?|b\.v\.?|n\.v\.?|ag|k\.k\.?|limited|ltd\.?)\s*$`)

// foreignBodyWords are the forms of Japanese and Korean companies, which
// no mainland body's name takes; each ends in 会社 or 회사 (foreignBodyName,
// TestForeignBodyWordsEnd).
var foreignBodyWords = []string{"株式会社", "有限会社", "合同会社", "合资会社", "合名会社", "주식회사", "유한회사"}

// foreignCountryNames are foreignCountries one by one.
var foreignCountryNames = strings.Split(foreignCountries, "|")

// foreignPrefixed reports whether a body's name begins with a foreign
// country (foreignCountryNames) or holds one in brackets, as a mainland
// body's begins with its own division ("美国某某公司", "某某(日本)株式会社");
// a person's name that begins so ("英国强") holds no body's word.
//
// The expression it was, ^(?:countries)|\((?:countries)\), cost some ten
// thousand instructions a body named, asked of every party's name and
// every name a complaint's heading gives (statute round 36);
// TestForeignPrefixedAsExpression compares the two on random names.
func foreignPrefixed(name string) bool {
	if slices.ContainsFunc(foreignCountryNames, func(c string) bool { return strings.HasPrefix(name, c) }) {
		return true
	}
	for at := range occurrences(name, "(") {
		rest := name[at+1:]
		if slices.ContainsFunc(foreignCountryNames, func(c string) bool {
			return strings.HasPrefix(rest, c) && strings.HasPrefix(rest[len(c):], ")")
		}) {
			return true
		}
	}
	return false
}

// bodyWords mark a name as a body's.
var bodyWords = []string{"公司", "集团", "银行", "会社", "企业", "大学", "协会", "基金"}

// foreignBodyName reports whether a party's name, raw and in foldCause's
// form, is a foreign body's: a Latin-letter name ending in a company form,
// a Japanese or Korean company form, or a foreign country before a body's
// name.
func foreignBodyName(raw, folded string) bool {
	// Every foreignBodyWords word ends in 会社 or 회사, which a name
	// nearly never holds: two searches answer it, not seven.
	if (strings.Contains(folded, "会社") || strings.Contains(folded, "회사")) &&
		slices.ContainsFunc(foreignBodyWords, func(w string) bool { return strings.Contains(folded, w) }) {
		return true
	}
	// The body's word first: the country expression (fifty names, its
	// parenthesised form looked for anywhere in the name) costs the
	// request path some ten thousand instructions a party, the words a few
	// hundred, and most parties are persons. The answer is the same.
	if slices.ContainsFunc(bodyWords, func(w string) bool { return strings.Contains(folded, w) }) && foreignPrefixed(folded) {
		return true
	}
	// A Han character stays one under NFKC (a compatibility ideograph, a
	// Kangxi radical folds to a unified one; TestNFKCKeepsHan): a raw name
	// holding one is no Latin-letter name, and is not folded to see so (the
	// fold and the trimming cost ~2,500 instructions a name, heading names
	// and parties four to six a complaint: callgrind 2026-12-06).
	if strings.ContainsFunc(raw, isHan) {
		return false
	}
	raw = strings.TrimSpace(norm.NFKC.String(raw))
	return !strings.ContainsFunc(raw, isHan) && foreignBodyForms.MatchString(raw)
}

// isHan reports whether r is of the Han script.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// ClaimsReading is what a civil filing's claims (诉讼请求) state, read from
// its text: whether one of them asks for something other than money, the
// largest sum they name, and whether a sum is in a foreign currency.
type ClaimsReading struct {
	// NonMoney: a claim asks for an act or a declaration (返还原物, 交付,
	// 腾退, 过户, 解除合同, 确认…无效, 停止侵害, 赔礼道歉 …), which no
	// 金钱给付 case has (CPL 165 ¶1).
	NonMoney bool
	// MaxFen is the largest sum in yuan the claims name, in fen; 0 when
	// none.
	MaxFen int64
	// SumFen is the claims' sums added up (claimItemsFen, statute round
	// 30): the 标的额 of CPL 165 is what all the claims ask, principal,
	// interest, penalties and costs claimed up to filing together, not the
	// largest of them; 0 when none.
	SumFen int64
	// ForeignCurrency: a sum is in a foreign currency (美元, 港币 …).
	ForeignCurrency bool
	// OpenInterestFen is a year of the interest a claim asks to the day of
	// payment at the rate it states, with no sum of it to filing
	// (openInterestYearFen, statute round 31); 0 when none.
	OpenInterestFen int64
	// PersonalStatus: the words of a claim to decide a personal status
	// (personalStatusClaim: 离婚, 解除收养关系, 由原告抚养 …), "" when none
	// (statute round 27: CPL 166(1)).
	PersonalStatus string
}

// claimsMarkers open the claims in a filing's text, factsMarkers the facts
// that follow them.
var (
	claimsMarkers = []string{"诉讼请求", "诉请"}
	factsMarkers  = []string{"事实与理由", "事实和理由", "事实及理由", "事实理由", "理由如下", "具体事实如下"}
)

// claimsMarkerAt returns the index of the first m in text that heads the
// claims, followed by a colon, a closing bracket, a line break or 如下
// ("诉讼请求：", "【诉讼请求】", "起诉请求如下"), or -1. A marker inside a
// sentence heads nothing ("已在诉讼请求中予以扣除" is a fact).
func claimsMarkerAt(held *hanscan.Text, text, m string) int {
	for from := 0; from < len(text); {
		i := held.Index(text[from:], m)
		if i < 0 {
			return -1
		}
		i += from
		rest := strings.TrimLeft(text[i+len(m):], " \t")
		for _, head := range []string{":", "：", "】", "]", "\n", "\r", "如下", "为:", "为："} {
			if strings.HasPrefix(rest, head) {
				return i
			}
		}
		from = i + len(m)
	}
	return -1
}

// claimsPart returns the claims of a text (from 诉讼请求 to 事实与理由), and
// whether the text marks them. A text without the marker (原告诉称：…) is
// read whole, but only its clauses that ask for something (claimVerbs).
func claimsPart(held *hanscan.Text, text string) (string, bool) {
	start := -1
	for _, m := range claimsMarkers {
		if i := claimsMarkerAt(held, text, m); i >= 0 && (start < 0 || i < start) {
			start = i
		}
	}
	if start < 0 {
		return text, false
	}
	part := text[start:]
	for _, m := range factsMarkers {
		if i := held.Index(part, m); i >= 0 {
			part = part[:i]
		}
	}
	return part, true
}

// claimVerbs mark a clause that asks the court for something, in a text
// whose claims are not marked.
var claimVerbs = []string{"判令", "判决", "请求", "要求", "诉至"}

// clauseSeparators cut claims into clauses.
const clauseSeparators = ";。\n!?"

// nextClause cuts s at its first clause separator (clauseSeparators): the
// clause before it, possibly empty, and the rest after it ("" when s holds
// none). Taking the non-empty clauses in turn is strings.FieldsFunc of s
// at the separators, without decoding every rune, testing it against the
// separators and building the slice (a fifth of reading the claims, issue
// 13, callgrind 2026-12-05). A byte can stand for a separator wherever it
// is: the ASCII ones are never part of another rune, and 。's lead byte
// 0xE3 begins a rune wherever it stands. TestNextClause compares it with
// strings.FieldsFunc.
func nextClause(s string) (clause, rest string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';', '\n', '!', '?':
			return s[:i], s[i+1:]
		case 0xe3:
			if strings.HasPrefix(s[i:], "。") {
				return s[:i], s[i+len("。"):]
			}
		}
	}
	return s, ""
}

// holdsSumUnit reports whether s holds 元, 万, 币 or 镑, as
// strings.ContainsAny(s, "元万币镑") does, by bytes: every sum the claims'
// expressions read ends in one of them. Each is a three-byte rune, whose
// lead byte begins a rune wherever it stands.
func holdsSumUnit(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case 0xe5: // 元 E5 85 83, 币 E5 B8 81
			if s[i+1] == 0x85 && s[i+2] == 0x83 || s[i+1] == 0xb8 && s[i+2] == 0x81 {
				return true
			}
		case 0xe4: // 万 E4 B8 87
			if s[i+1] == 0xb8 && s[i+2] == 0x87 {
				return true
			}
		case 0xe9: // 镑 E9 95 91
			if s[i+1] == 0x95 && s[i+2] == 0x91 {
				return true
			}
		}
	}
	return false
}

// nonMoneyClaims finds the acts and declarations a claims clause asks for,
// a declaration that the plaintiff owes nothing ("无需向被告支付工资…")
// among them: where each starts and ends, as the expression
//
//	(无需|无须|不需|不应)(向.{0,12})?(支付|返还|赔偿|承担)|解除|撤销|…|办理.{0,12}(登记|手续)|…|归还
//
// (nonMoneyWords in order, an entry with then as 办理's) finds them
// (FindAllStringIndex: leftmost-first, not overlapping), which
// TestNonMoneyClaims checks against it. 返还, 交付, 交还 and 归还 are acts
// only with an object that is no money: claimsAct checks it. It is written
// out because the expression, tried at every rune of the claims, cost a
// tenth of a Decide (issue 13, bench 2026-12-05).
func nonMoneyClaims(clause string) [][2]int {
	var out [][2]int
	for p := 0; p < len(clause); {
		r, n := utf8.DecodeRuneInString(clause[p:])
		if r < 0x10000 && nonMoneyFirst[r>>6]&(1<<(r&63)) != 0 {
			if end, ok := nonMoneyAt(clause, p); ok {
				out = append(out, [2]int{p, end})
				p = end
				continue
			}
		}
		p += n
	}
	return out
}

// nonMoneyFirst holds the first rune of every denial and word: nonMoneyAt
// is tried only where one stands. A bit a rune of the Basic Multilingual
// Plane, where every one begins (checked when made), in place of a map:
// the look-up at every rune of the claims was ~70 instructions, 1% of a
// Decide (callgrind 2026-12-06).
var nonMoneyFirst = func() *[0x10000 / 64]uint64 {
	var m [0x10000 / 64]uint64
	set := func(w string) {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 0x10000 {
			panic("rules: nonMoneyFirst: a word beginning outside the Basic Multilingual Plane: " + w)
		}
		m[r>>6] |= 1 << (r & 63)
	}
	for _, w := range nonMoneyDenials {
		set(w)
	}
	for _, w := range nonMoneyWords {
		set(w.word)
	}
	return &m
}()

// nonMoneyWord is one alternative of nonMoneyClaims: word, or with then,
// word, at most nonMoneyGap runes but a line break (as many as can be),
// and one of then.
type nonMoneyWord struct {
	word string
	then []string
}

// nonMoneyGap bounds the runes between a word and its then (办理…登记, 无需向
// …支付).
const nonMoneyGap = 12

// nonMoneyDenials begin a declaration that the plaintiff owes nothing
// (无需…支付): one of them, optionally 向 and a gap, then one of
// nonMoneyOwed.
var (
	nonMoneyDenials = []string{"无需", "无须", "不需", "不应"}
	nonMoneyOwed    = []string{"支付", "返还", "赔偿", "承担"}
)

// nonMoneyWords are the acts and declarations asked for, after the
// denials, in the order they are tried at one place.
var nonMoneyWords = []nonMoneyWord{
	{word: "解除"}, {word: "撤销"}, {word: "确认"}, {word: "腾退"}, {word: "腾出"}, {word: "腾空"}, {word: "搬离"}, {word: "搬出"},
	{word: "迁出"}, {word: "过户"}, {word: "排除妨害"}, {word: "停止侵害"}, {word: "停止侵权"}, {word: "停止侵犯"}, {word: "停止使用"},
	{word: "消除危险"}, {word: "恢复原状"}, {word: "赔礼道歉"}, {word: "消除影响"}, {word: "恢复名誉"}, {word: "恢复声誉"},
	{word: "继续履行"}, {word: "协助办理"}, {word: "配合办理"}, {word: "办理", then: []string{"登记", "手续"}}, {word: "拆除"},
	{word: "修理"}, {word: "更换"}, {word: "重作"}, {word: "离婚"}, {word: "抚养"}, {word: "探望"}, {word: "分割"}, {word: "继承"},
	{word: "返还"}, {word: "交付"}, {word: "交还"}, {word: "归还"},
	// Statute round 36: an invoice issued, an apology, a post deleted, a
	// registration cancelled, a thing handed over, goods destroyed.
	{word: "开具"}, {word: "道歉"}, {word: "删除"}, {word: "注销"}, {word: "交出"}, {word: "销毁"},
}

// nonMoneyAt returns the end of the act nonMoneyClaims finds starting at
// p, and whether one does.
func nonMoneyAt(clause string, p int) (int, bool) {
	rest := clause[p:]
	for _, d := range nonMoneyDenials {
		if !strings.HasPrefix(rest, d) {
			continue
		}
		q := p + len(d)
		if strings.HasPrefix(clause[q:], "向") {
			if end, ok := gapThen(clause, q+len("向"), nonMoneyOwed); ok {
				return end, true
			}
		}
		if n := prefixIn(clause[q:], nonMoneyOwed); n > 0 {
			return q + n, true
		}
		break // the denials share no prefix: no other can match here
	}
	for _, w := range nonMoneyWords {
		if !strings.HasPrefix(rest, w.word) {
			continue
		}
		if w.then == nil {
			return p + len(w.word), true
		}
		if end, ok := gapThen(clause, p+len(w.word), w.then); ok {
			return end, true
		}
	}
	return 0, false
}

// gapThen reads, from q, the longest gap of at most nonMoneyGap runes but
// a line break that is followed by one of words: the end of that word, and
// whether there was one.
func gapThen(s string, q int, words []string) (int, bool) {
	var at [nonMoneyGap + 1]int
	n := 0
	at[0] = q
	for n < nonMoneyGap && at[n] < len(s) && s[at[n]] != '\n' {
		_, size := utf8.DecodeRuneInString(s[at[n]:])
		at[n+1] = at[n] + size
		n++
	}
	for ; n >= 0; n-- {
		if m := prefixIn(s[at[n]:], words); m > 0 {
			return at[n] + m, true
		}
	}
	return 0, false
}

// prefixIn returns the length of the first of words s begins with, 0 when
// none.
func prefixIn(s string, words []string) int {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// objectEnds end the object of a return or delivery.
const objectEnds = "0123456789并及和与、,;(:"

// moneyObjects follow 返还, 交付, 交还 or 归还 when what is returned is money
// (人民币, 港币 …: 币; 不当得利 is returned as the sum received).
var moneyObjects = []string{"款", "金", "钱", "费", "息", "本", "元", "彩礼", "租", "币", "不当得利"}

// moneyAfter are the words that make a matched act a sum of money
// ("抚养费", "修理费", "离婚损害赔偿", "离婚后财产" is no claim to divorce).
var moneyAfter = map[string][]string{
	"抚养": {"费"},
	"修理": {"费"},
	"离婚": {"后", "损害", "赔偿"},
	"分割": {"款"},
}

// doneActs are the acts statute round 36 added to nonMoneyWords, which a
// complaint also tells as done, in facts a claims part without its mark
// runs into ("原告按被告要求开具了增值税专用发票").
var doneActs = map[string]bool{"开具": true, "道歉": true, "删除": true, "注销": true, "交出": true, "销毁": true}

// actDone reports whether an act, with the clause before it and the runes
// after it, is told as done: 已 or 已经 before it, 了 or 过 after it.
func actDone(before, next string) bool {
	return strings.HasSuffix(before, "已") || strings.HasSuffix(before, "已经") ||
		strings.HasPrefix(next, "了") || strings.HasPrefix(next, "过")
}

// readClaims reads a text's claims (ClaimsReading). It reads text from
// outside and must not panic on any string (FuzzReadClaims).
func readClaims(text string) ClaimsReading {
	return readFoldedClaims(nil, foldCause(text))
}

// readFoldedClaims is readClaims of a text already in foldCause's form.
func readFoldedClaims(held *hanscan.Text, text string) ClaimsReading {
	var cr ClaimsReading
	if text == "" {
		return cr
	}
	for cl := range claimClauses(held, text) {
		cr.NonMoney = cr.NonMoney || claimsAct(cl)
		if cr.PersonalStatus == "" && holdsStatusRune(cl) {
			cr.PersonalStatus = personalStatusClaim(cl)
		}
		cr.OpenInterestFen = max(cr.OpenInterestFen, openInterestYearFen(cl, cr.MaxFen))
		// Every sum the three expressions read ends in 元, 万, 币 or 镑: a
		// clause with none is not scanned (they start with a digit class,
		// which the regexp package tries at every position).
		if !holdsSumUnit(cl) {
			continue
		}
		cr.MaxFen = max(cr.MaxFen, maxYuanFen(cl))
		cr.SumFen = addClaimItemsFen(cr.SumFen, cl)
		cr.ForeignCurrency = cr.ForeignCurrency || foreignCurrencyIn(cl)
	}
	return cr
}

// maxYuanFen is the largest sum in yuan a clause states, in digits
// (nextYuanSum) or in Chinese numerals (maxNumeralFen), in fen; 0 when it
// states none. The civil claims and an administrative complaint's sums
// (ReadAdminTextAmount) are read alike.
func maxYuanFen(clause string) int64 {
	var most int64
	for at := 0; ; {
		num, unit, end, ok := nextYuanSum(clause, at)
		if !ok {
			break
		}
		most = max(most, fenOf(num, unit))
		at = end
	}
	return max(most, maxNumeralFen(clause))
}

// claimClauses yields the claims of a folded text clause by clause
// (nextClause): in the claims a text marks (claimsPart) every clause, in
// a text that marks none a clause from its first claim verb on, as the
// facts before it ("被告借款20000元未还，故诉至法院，要求被告还款5000元")
// are no claim, and no clause without one.
func claimClauses(held *hanscan.Text, text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		part, marked := claimsPart(held, text)
		for rest := part; rest != ""; {
			var cl string
			if cl, rest = nextClause(rest); cl == "" {
				continue
			}
			if !marked {
				at := indexAny(cl, claimVerbs)
				if at < 0 {
					continue
				}
				cl = cl[at:]
			}
			if !yield(cl) {
				return
			}
		}
	}
}

// claimsAct reports whether a clause asks for an act or a declaration
// (nonMoneyClaims), a return or delivery counting only when its object,
// the next few characters, is not money.
func claimsAct(clause string) bool {
	for _, loc := range nonMoneyClaims(clause) {
		verb := clause[loc[0]:loc[1]]
		switch verb {
		case "返还", "交付", "交还", "归还":
			// The object runs to the next sum, conjunction or list mark
			// ("返还车辆一台并赔偿5000元": 车辆一台).
			obj := clause[loc[1]:]
			if n := strings.IndexAny(obj, objectEnds); n >= 0 {
				obj = obj[:n]
			}
			obj = firstRunes(obj, 10)
			// "计算至实际返还之日" dates an interest claim: no claim to an act.
			if strings.HasPrefix(obj, "之日") || strings.HasPrefix(obj, "日") {
				continue
			}
			if slices.ContainsFunc(moneyObjects, func(w string) bool { return strings.Contains(obj, w) }) {
				continue
			}
			// "返还原告" names whom, not what: read on.
			if obj == "" || strings.Trim(obj, "原告被第三人其我方") == "" {
				continue
			}
			return true
		case "继承":
			// "被继承人" is a person, not a claim to inherit.
			if strings.HasSuffix(clause[:loc[0]], "被") {
				continue
			}
			return true
		default:
			next := firstRunes(clause[loc[1]:], 2)
			if doneActs[verb] && actDone(clause[:loc[0]], next) {
				continue
			}
			if slices.ContainsFunc(moneyAfter[verb], func(w string) bool { return strings.HasPrefix(next, w) }) {
				continue
			}
			return true
		}
	}
	return false
}

// firstRunes returns s's first n runes.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// nextYuanSum finds the first sum in yuan in s at or after from: digits
// with thousands separators and decimals, in 元, 万 or 万元 ("88,926.00元",
// "3万元", "人民币60000元"); the number as written, the unit, the index
// after the sum, and whether there was one. Taken from from on, its sums
// are those the expression
//
//	([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(万元|万|元)
//
// finds (FindAllStringSubmatch: leftmost-first, not overlapping), which
// TestNextYuanSum checks against it. It is written out because the
// expression begins with a class the regexp package tries at every
// position of a clause (issue 13, callgrind 2026-12-05).
//
// Backtracking never finds a match the greedy reading misses: a shorter
// run of digits, fewer thousands groups or a shorter fraction each leave
// a digit or a separator where the unit must stand. So a run of digits
// that does not begin a sum read greedily begins none, and neither does
// any digit of it.
func nextYuanSum(s string, from int) (num, unit string, end int, ok bool) {
	for i := from; i < len(s); {
		if !isASCIIDigit(s[i]) {
			i++
			continue
		}
		p := i
		for p < len(s) && isASCIIDigit(s[p]) {
			p++
		}
		run := p
		for p+4 <= len(s) && s[p] == ',' && isASCIIDigit(s[p+1]) && isASCIIDigit(s[p+2]) && isASCIIDigit(s[p+3]) {
			p += 4
		}
		if p+1 < len(s) && s[p] == '.' && isASCIIDigit(s[p+1]) {
			q := p + 2
			for q < len(s) && isASCIIDigit(s[q]) {
				q++
			}
			if u := yuanUnitAt(s, q); u != "" {
				return s[i:q], u, q + len(u), true
			}
		}
		if u := yuanUnitAt(s, p); u != "" {
			return s[i:p], u, p + len(u), true
		}
		i = run
	}
	return "", "", 0, false
}

// yuanUnitAt returns the unit of a sum in yuan that s has at i (万元, 万
// or 元, in that order), "" when none.
func yuanUnitAt(s string, i int) string {
	switch rest := s[i:]; {
	case strings.HasPrefix(rest, "万元"):
		return "万元"
	case strings.HasPrefix(rest, "万"):
		return "万"
	case strings.HasPrefix(rest, "元"):
		return "元"
	}
	return ""
}

// numeralSums returns where the sums in yuan written in Chinese numerals,
// lower or upper case (大写), alone or after digits ("五千元", "伍仟元整",
// "三万五千元", "壹拾贰万元", "3万5千元"), stand in s: each a run of
// numerals (numeralSumRune) followed by 元, as the expression
//
//	[0-9零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿]+元
//
// finds them (FindAllStringIndex), which TestNumeralSums checks against
// it. A run that is not followed by 元 holds no match (元 is no numeral),
// so the matches are the longest runs that end just before a 元: they are
// found from each 元 back, where the expression, starting with a class,
// was tried at every position (issue 13, callgrind 2026-12-05). A claim
// written in digits and repeated in 大写 ("5000元(大写:伍仟元整)") is one
// sum read twice: the reader keeps the largest sum, never adds.
func numeralSums(s string, out [][2]int) [][2]int {
	for from := 0; from < len(s); {
		j := strings.Index(s[from:], "元")
		if j < 0 {
			break
		}
		j += from
		start := j
		for start > from {
			r, n := utf8.DecodeLastRuneInString(s[from:start])
			if !numeralSumRune(r) {
				break
			}
			start -= n
		}
		if start < j {
			out = append(out, [2]int{start, j + len("元")})
		}
		from = j + len("元")
	}
	return out
}

// numeralSumRune reports whether r is a numeral of a sum (numeralSums).
func numeralSumRune(r rune) bool {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
		'零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九',
		'壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '十', '拾', '百', '佰', '千', '仟', '万', '亿':
		return true
	}
	return false
}

// maxNumeralFen returns, in fen, the largest sum in Chinese numerals a
// claims clause names (numeralSums); 0 when none reads. A run that follows
// a decimal point or a thousands separator ("1.5万元") is the tail of a sum
// in digits, which nextYuanSum reads.
func maxNumeralFen(clause string) int64 {
	var most int64
	var buf [8][2]int
	for _, loc := range numeralSums(clause, buf[:0]) {
		if loc[0] > 0 && strings.ContainsRune(".,", rune(clause[loc[0]-1])) {
			continue
		}
		// A sum in digits alone is nextYuanSum's.
		if !strings.ContainsFunc(clause[loc[0]:loc[1]-len("元")], func(r rune) bool { return r >= utf8.RuneSelf }) {
			continue
		}
		if y, ok := numeralYuan(clause[loc[0] : loc[1]-len("元")]); ok {
			most = max(most, y*100)
		}
	}
	return most
}

// maxNumeralYuan bounds a sum numeralYuan reads: ten trillion yuan, far
// above any 标的额, so that fen never overflow.
const maxNumeralYuan = 10_000_000_000_000

// numeralDigits are the Chinese digits, lower and upper case (大写).
var numeralDigits = map[rune]int64{
	'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'壹': 1, '贰': 2, '叁': 3, '肆': 4, '伍': 5, '陆': 6, '柒': 7, '捌': 8, '玖': 9,
}

// numeralUnits are the units within a section of four places.
var numeralUnits = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// numeralYuan reads a whole number written in Chinese numerals, possibly
// after or among digits ("三万五千", "壹拾贰万零伍佰", "3万5千"). It
// reads only what states one number: at least one digit or 十 (not a bare
// unit: "每万元" is a rate's base), no two Chinese
// digits in a row ("三四万" is a guess, not a sum), nothing above
// maxNumeralYuan; ok is false otherwise. It reads outside input and must
// not panic on any string (FuzzNumeralYuan).
func numeralYuan(s string) (yuan int64, ok bool) {
	var total, section, num int64
	digits, prevDigit, prevASCII := false, false, false
	for _, r := range s {
		switch d, isDigit := numeralDigits[r]; {
		case r >= '0' && r <= '9':
			if prevDigit && !prevASCII {
				return 0, false
			}
			if !prevASCII {
				num = 0
			}
			num = num*10 + int64(r-'0')
			if num > maxNumeralYuan {
				return 0, false
			}
			digits, prevDigit, prevASCII = true, true, true
			continue
		case isDigit:
			if prevDigit {
				return 0, false
			}
			num, digits = d, true
			prevDigit, prevASCII = true, false
			continue
		case r == '零' || r == '〇':
			num = 0
		case numeralUnits[r] > 0:
			// A leading 十 is a digit too ("十万元", and "几十万元" reads
			// as its least, 十万).
			section += max(num, 1) * numeralUnits[r]
			num, digits = 0, digits || numeralUnits[r] == 10
		case r == '万':
			if section+num > maxNumeralYuan/10_000 {
				return 0, false
			}
			total += (section + num) * 10_000
			section, num = 0, 0
		case r == '亿':
			if total+section+num > maxNumeralYuan/100_000_000 {
				return 0, false
			}
			total = (total + section + num) * 100_000_000
			section, num = 0, 0
		default:
			return 0, false
		}
		prevDigit, prevASCII = false, false
		if total > maxNumeralYuan || section > maxNumeralYuan {
			return 0, false
		}
	}
	total += section + num
	if !digits || total > maxNumeralYuan {
		return 0, false
	}
	return total, true
}

// foreignCurrency matches a sum in a foreign currency.
//
// The currency may stand before the figure as well ("港币50000元",
// "美元8,000元", statute round 30): the sum is then no sum in yuan either.
var foreignCurrency = regexp.MustCompile(`[0-9](?:万)?(` + strings.Join(foreignCurrencies, "|") + `)|(` +
	strings.Join(foreignCurrencies, "|") + `)[0-9]`)

// foreignCurrencies are the foreign currencies foreignCurrency reads.
var foreignCurrencies = []string{"美元", "港元", "港币", "欧元", "日元", "英镑", "澳门元", "新台币"}

// foreignCurrencyIn reports whether a claims clause names a sum in a
// foreign currency: the expression, which starts with a digit class the
// regexp package tries at every position, runs only on a clause naming a
// currency (bench 2026-12-05).
func foreignCurrencyIn(clause string) bool {
	return slices.ContainsFunc(foreignCurrencies, func(c string) bool { return strings.Contains(clause, c) }) &&
		foreignCurrency.MatchString(clause)
}

// fenOf converts a matched sum to fen; 0 when it does not parse or would
// overflow.
func fenOf(num, unit string) int64 {
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil || v < 0 {
		return 0
	}
	if unit != "元" {
		v *= 10000
	}
	if v > 1e15 {
		return 0
	}
	return int64(v*100 + 0.5)
}
