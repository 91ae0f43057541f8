package rules

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
	"google.golang.org/protobuf/proto"
)

// What a criminal filing's text (the indictment's allegation) states that its
// fields may not: the sentencing recommendation as written, and the facts
// that bar simplified procedure or fast-track (CrPL 215, 223). The text is
// read in one direction only: it can make the recommendation heavier or add
// a bar, never lighten what the fields state or open a procedure they leave
// closed, because a reading of free text can be wrong and only the wrong
// reading in the strict direction is harmless (round 23 of the statute
// audit, docs/statutes.md).

// Days of the terms the text states: a year is twelve months, a month thirty
// days, so that 三年 is exactly 36 months (刑法第九十九条: 以上、以下包括本数).
const (
	daysPerMonth  = 30
	daysPerYear   = 12 * daysPerMonth
	oneYearDays   = fastTrackLongSentence * daysPerMonth
	threeYearDays = fastTrackMaxSentence * daysPerMonth
	// maxTermDays is 刑法第六十九条's highest combined fixed term (二十五年);
	// a larger number before 年 is a date or a count, not a term.
	maxTermDays = 25 * daysPerYear
)

// TextSentence is the heaviest sentencing recommendation a filing's text
// states (建议判处…, 量刑意见…), read as the procedure law's thresholds read
// it: the upper end of a range (二年六个月至三年六个月), a term with 以上 and
// no upper end (三年以上), 左右 as possibly over its term, and under 数罪并罚
// without the term to be executed the sum of the terms (刑法第六十九条: 总和
// 刑期以下).
type TextSentence struct {
	// Found: a recommendation with a term or a punishment was read.
	Found bool
	// MaxFixedDays is the longest 有期徒刑 the recommendation reaches, in days
	// (a month is 30, a year 360); terms of 拘役 and 管制 do not count.
	MaxFixedDays int
	// Unbounded: a term of 有期徒刑 with 以上 and no upper end.
	Unbounded bool
	// LifeOrDeath: 无期徒刑 or 死刑 is recommended.
	LifeOrDeath bool
	// Summed: 数罪并罚 without the term to be executed; MaxFixedDays is the
	// sum of the terms.
	Summed bool
	// Phrase is the first recommendation that reaches the heaviest reading,
	// as written (at most 60 characters), for the reason's message.
	Phrase string
}

// overThreeYears: the recommendation may exceed 三年有期徒刑.
func (t TextSentence) overThreeYears() bool {
	return t.LifeOrDeath || t.Unbounded || t.MaxFixedDays > threeYearDays
}

// overOneYear: the recommended 有期徒刑 may exceed one year.
func (t TextSentence) overOneYear() bool {
	return t.overThreeYears() || t.MaxFixedDays > oneYearDays
}

// recommendationMarks open a sentencing recommendation in an allegation:
// 建议 (量刑建议为, 建议对被告人…判处, 公诉机关建议), 量刑意见, and the
// marks that ask for a sentence without the word 建议 (提请判处, 提请对被告人
// …判处, 请求判处, 求刑; round 23b). A mark opens a clause only; the clause
// counts when it names a punishment, so 提请依法判处 with no term reads
// nothing.
//
// 可能判处 (round 27) states the punishment the prosecution expects rather
// than asks for; 刑事诉讼法第二十一条 and 第二百二十二条 name the case by it
// ("可能判处无期徒刑、死刑的案件", "可能判处三年有期徒刑以下刑罚的案件"), so it
// is read as a recommendation is, unless negated (不可能判处).
//
// 应当判处 and 应判处 (statute round 34) state the punishment the
// prosecution holds due (罪行极其严重，应当判处死刑; 依法应判处无期徒刑):
// CrPL 21(2)'s "可能判处" in stronger words. Until then they were not read,
// and a basic court's fast-track and simplified procedure stayed open
// beside a death the allegation asks for. Like every recommendation the
// text states, they only close (Sentence.withText).
var recommendationMarks = [...]string{"建议", "量刑意见", "提请", "请求判处", "请求对", "求刑", "可能判处", "应当判处", "应判处"}

// dueMark reports whether the mark at start is 应当判处 or 应判处: read for
// life or death only, because 刑法第六十五条's wording of recidivism, which
// allegations quote (再犯应当判处有期徒刑以上刑罚之罪，系累犯), states no
// punishment of this case (2 of 236 real criminal texts hold it).
func dueMark(rs []rune, start int) bool {
	return runesHavePrefix(rs[start:], []rune("应当判处")) || runesHavePrefix(rs[start:], []rune("应判处"))
}

// negatedMark reports whether the mark at start is negated: 不可能判处,
// 不应当判处, 不应判处.
func negatedMark(rs []rune, start int) bool {
	if start == 0 || rs[start-1] != '不' {
		return false
	}
	return runesHavePrefix(rs[start:], []rune("可能")) || runesHavePrefix(rs[start:], []rune("应"))
}

// ReadTextSentence reads the sentencing recommendations of a criminal
// filing's text. Each runs from its mark (建议, 量刑意见) to the end of the
// sentence (。); every defendant's and every count's term counts, because
// the case's likely sentence is its heaviest. The periods that are no prison
// term are skipped: 缓刑 and 缓期 (a suspension's probation), 剥夺政治权利,
// 考验期, 禁止令.
func ReadTextSentence(text string) TextSentence {
	// A text holding no mark recommends nothing: it is neither made runes
	// nor scanned once for each mark (markAt), which cost ~8% of a real
	// Decide, and 200 of the 236 real criminal texts hold none (issue 13,
	// callgrind 2026-12-06). hanscan finds a mark's bytes where markAt
	// finds its runes: a mark is valid UTF-8 and a bad byte decodes alone.
	if !slices.ContainsFunc(recommendationMarks[:], func(m string) bool { return hanscan.Contains(text, m) }) {
		return TextSentence{}
	}
	return sentenceOf([]rune(text))
}

// sentenceOf is ReadTextSentence of a text's runes, whatever marks it holds.
func sentenceOf(rs []rune) TextSentence {
	var out TextSentence
	for i := 0; i < len(rs); {
		start := markAt(rs, i)
		if start < 0 {
			break
		}
		end := start
		for end < len(rs) && rs[end] != '。' {
			end++
		}
		clause := rs[start:end]
		i = end
		if negatedMark(rs, start) {
			continue
		}
		one := readRecommendation(clause)
		if !one.Found || dueMark(rs, start) && !one.LifeOrDeath {
			continue
		}
		heavier := !out.Found ||
			one.LifeOrDeath && !out.LifeOrDeath ||
			one.Unbounded && !out.Unbounded ||
			one.MaxFixedDays > out.MaxFixedDays
		out.Found = true
		out.LifeOrDeath = out.LifeOrDeath || one.LifeOrDeath
		out.Unbounded = out.Unbounded || one.Unbounded
		out.Summed = out.Summed || one.Summed
		out.MaxFixedDays = max(out.MaxFixedDays, one.MaxFixedDays)
		if heavier {
			out.Phrase = one.Phrase
		}
	}
	return out
}

// markAt returns the index of the next recommendation mark at or after i, or -1.
func markAt(rs []rune, i int) int {
	best := -1
	for _, m := range recommendationMarks {
		mr := []rune(m)
		for j := i; j+len(mr) <= len(rs); j++ {
			if best >= 0 && j >= best {
				break
			}
			if runesHavePrefix(rs[j:], mr) {
				best = j
				break
			}
		}
	}
	return best
}

func runesHavePrefix(rs, p []rune) bool {
	if len(rs) < len(p) {
		return false
	}
	for i := range p {
		if rs[i] != p[i] {
			return false
		}
	}
	return true
}

// term is one period a recommendation states.
type term struct {
	start, end int // runes of the clause
	days       int
	light      bool // a term of 拘役 or 管制
	atLeast    bool // followed by 以上
	about      bool // followed by 左右
	atMost     bool // followed by 以下 or 以内
	noise      bool // not a prison term (缓刑、剥夺政治权利 …)
}

// noiseBefore are the words after which a period is no prison term.
var noiseBefore = [...]string{"缓刑", "缓期", "剥夺政治权利", "考验期", "禁止", "期限为", "期限"}

// readRecommendation reads one recommendation clause.
func readRecommendation(clause []rune) TextSentence {
	var out TextSentence
	s := string(clause)
	for _, w := range [...]string{"无期徒刑", "死刑"} {
		if idx := strings.Index(s, w); idx >= 0 && !negatedBefore(s[:idx]) {
			out.LifeOrDeath = true
		}
	}
	terms := scanTerms(clause)
	var kept []term
	for _, t := range terms {
		if !t.noise {
			kept = append(kept, t)
		}
	}
	hasPunishment := out.LifeOrDeath || len(kept) > 0 ||
		strings.Contains(s, "拘役") || strings.Contains(s, "管制") || strings.Contains(s, "罚金") ||
		strings.Contains(s, "免予刑事处罚") || strings.Contains(s, "有期徒刑")
	if !hasPunishment {
		return out
	}
	out.Found = true
	sum, total := 0, false
	for k, t := range kept {
		if t.light {
			continue
		}
		d := t.days
		if t.about {
			d++ // 左右: possibly more than the term
		}
		out.MaxFixedDays = max(out.MaxFixedDays, d)
		sum += d
		// 以上 with no upper end: the next term must close the range
		// (以下, 以内) and stand close by; 六个月以上，一年六个月以下.
		if t.atLeast {
			closed := k+1 < len(kept) && kept[k+1].atMost && kept[k+1].start-t.end <= 8
			if !closed {
				out.Unbounded = true
			}
		}
	}
	if strings.Contains(s, "决定执行") || strings.Contains(s, "合并执行") {
		total = true
	}
	if strings.Contains(s, "并罚") && !total && sum > out.MaxFixedDays {
		out.MaxFixedDays, out.Summed = sum, true
	}
	phrase := clause
	if len(phrase) > 60 {
		phrase = phrase[:60]
	}
	out.Phrase = string(phrase)
	return out
}

// negatedBefore reports whether the text just before a word negates it
// (不适用死刑, 不判处无期徒刑).
func negatedBefore(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if r == '不' || r == '免' || r == '非' {
		return true
	}
	return strings.HasSuffix(before, "不判处") || strings.HasSuffix(before, "不适用")
}

// scanTerms finds the periods of a clause: 三年, 一年六个月, 1年6个月, 十八个月,
// 一年半, 六个半月, 二个月十五日, and a bare number before a range's second end
// (三至五年: 三年). Each term's kind is read from the words beside it.
func scanTerms(clause []rune) []term {
	var out []term
	for i := 0; i < len(clause); {
		n, j, ok := number(clause, i)
		if !ok {
			i++
			continue
		}
		days, k, unit := termAfter(clause, n, j)
		if !unit {
			// A bare number before a range's second end takes its unit.
			if j < len(clause) && strings.ContainsRune("至到-－~～—", clause[j]) {
				if n2, j2, ok2 := number(clause, j+1); ok2 {
					if _, _, unit2 := termAfter(clause, n2, j2); unit2 {
						if isYear(clause, j2) {
							days = n * daysPerYear
						} else {
							days = n * daysPerMonth
						}
						out = append(out, classify(clause, term{start: i, end: j, days: days}))
					}
				}
			}
			i = j
			continue
		}
		if days <= maxTermDays {
			out = append(out, classify(clause, term{start: i, end: k, days: days}))
		}
		i = k
	}
	return out
}

// isYear reports whether the unit at j is 年.
func isYear(clause []rune, j int) bool { return j < len(clause) && clause[j] == '年' }

// termAfter reads the unit after a number n ending at j: 年 (with 零, 半, a
// number of months and days after it), 个月, 月, 个半月, 日, 天. It returns the
// term in days, the index after it, and whether a unit was there.
func termAfter(clause []rune, n, j int) (days, end int, unit bool) {
	at := func(k int, s string) bool { return runesHavePrefix(clause[min(k, len(clause)):], []rune(s)) }
	switch {
	case at(j, "年"):
		days, end = n*daysPerYear, j+1
		if at(end, "半") {
			return days + 6*daysPerMonth, end + 1, true
		}
		k := end
		if at(k, "零") || at(k, "又") {
			k++
		}
		if m, k2, ok := number(clause, k); ok {
			switch {
			case at(k2, "个月"):
				days, end = days+m*daysPerMonth, k2+2
			case at(k2, "月"):
				days, end = days+m*daysPerMonth, k2+1
			}
		}
	case at(j, "个半月"):
		days, end = n*daysPerMonth+15, j+3
	case at(j, "个月"):
		days, end = n*daysPerMonth, j+2
	case at(j, "月"):
		days, end = n*daysPerMonth, j+1
	case at(j, "日"), at(j, "天"):
		return n, j + 1, true
	default:
		return 0, j, false
	}
	// Days after the months: 二个月十五日.
	if d, k, ok := number(clause, end); ok && (at(k, "日") || at(k, "天")) {
		days, end = days+d, k+1
	}
	return days, end, true
}

// classify reads a term's kind and qualifier from the words around it.
func classify(clause []rune, t term) term {
	before := string(clause[max(0, t.start-8):t.start])
	for _, w := range noiseBefore {
		if strings.HasSuffix(before, w) {
			t.noise = true
		}
	}
	after := string(clause[t.end:min(len(clause), t.end+8)])
	after = strings.TrimPrefix(after, "的")
	switch {
	case strings.HasPrefix(after, "以上"):
		t.atLeast = true
		after = after[len("以上"):]
	case strings.HasPrefix(after, "以下"), strings.HasPrefix(after, "以内"):
		t.atMost = true
		after = after[len("以下"):]
	case strings.HasPrefix(after, "左右"):
		t.about = true
		after = after[len("左右"):]
	}
	after = strings.TrimLeft(after, "的，, ")
	// The kind named right after the term (二个月至三个月拘役) or, failing
	// that, the nearest kind named before it (拘役五个月至有期徒刑八个月).
	switch {
	case strings.HasPrefix(after, "拘役"), strings.HasPrefix(after, "管制"):
		t.light = true
	case strings.HasPrefix(after, "有期徒刑"):
	default:
		// A range's first end takes the kind named after its second
		// (二个月至三个月拘役); else the nearest kind named before it.
		if k, ok := kindAfterRange(clause[t.end:]); ok {
			t.light = k
			break
		}
		head := string(clause[:t.start])
		fixed := strings.LastIndex(head, "有期徒刑")
		light := max(strings.LastIndex(head, "拘役"), strings.LastIndex(head, "管制"))
		t.light = light > fixed
	}
	return t
}

// kindAfterRange reads the kind named right after a range's second end
// (rest starts after the first end: 至三个月拘役), reporting whether it is
// light (拘役, 管制) and whether a range with a kind was there.
func kindAfterRange(rest []rune) (light, ok bool) {
	if len(rest) == 0 || !strings.ContainsRune("至到-－~～—", rest[0]) {
		return false, false
	}
	n, j, found := number(rest, 1)
	if !found {
		return false, false
	}
	_, k, unit := termAfter(rest, n, j)
	if !unit {
		return false, false
	}
	after := strings.TrimLeft(string(rest[k:]), "的以下内")
	switch {
	case strings.HasPrefix(after, "拘役"), strings.HasPrefix(after, "管制"):
		return true, true
	case strings.HasPrefix(after, "有期徒刑"):
		return false, true
	}
	return false, false
}

// number reads a number at i: Arabic digits (full- or half-width) or
// Chinese numerals up to 九千九百九十九 (两, 〇, 零 and the upper case included). It returns the
// value, the index after it and whether one was there.
func number(rs []rune, i int) (int, int, bool) {
	if i >= len(rs) {
		return 0, i, false
	}
	if _, ok := digit(rs[i]); ok {
		n, j := 0, i
		for j < len(rs) {
			d, ok := digit(rs[j])
			if !ok {
				break
			}
			if n < 1_000_000 {
				n = n*10 + d
			}
			j++
		}
		return n, j, true
	}
	total, cur, j := 0, 0, i
	for ; j < len(rs); j++ {
		r := rs[j]
		if v, ok := chineseDigit(r); ok {
			cur = v
			continue
		}
		unit := 0
		switch r {
		case '十', '拾':
			unit = 10
		case '百', '佰':
			unit = 100
		case '千', '仟':
			unit = 1000
		}
		if unit == 0 {
			break
		}
		if cur == 0 {
			cur = 1 // 十八: one ten
		}
		total += cur * unit
		cur = 0
	}
	if j == i {
		return 0, i, false
	}
	return total + cur, j, true
}

func digit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// chineseDigit reads one Chinese digit, lower or upper case (大写: 叁年陆个月,
// round 27), with the civil sums' table (numeralDigits).
func chineseDigit(r rune) (int, bool) {
	if r == '〇' || r == '零' {
		return 0, true
	}
	if r < 0x4e00 {
		return 0, false
	}
	d, ok := numeralDigits[r]
	return int(d), ok
}

// withText is the recommendation read against the thresholds once the text's
// is read beside the fields': the heavier of the two on each threshold. It
// reports whether the text changed any. The text never makes an unknown
// recommendation known within three years, and never lightens a stated one.
func (s Sentence) withText(t TextSentence) (Sentence, bool) {
	if !t.Found {
		return s, false
	}
	before := s
	if t.LifeOrDeath {
		s.LifeOrDeath = true
	}
	if t.overThreeYears() {
		s.Known, s.WithinThreeYears, s.OverThreeYears, s.OverOneYear = true, false, true, true
	}
	// Over one year is kept without a known recommendation too: a charge's
	// ceiling read later (ceiling.go) must not put such a case within the
	// 2014 pilot's cap of one year (pilotWithinOneYear; statute round 24).
	if t.overOneYear() {
		s.OverOneYear = true
	}
	if s == before {
		return s, false
	}
	s.FromText = true
	return s, true
}

// TextFacts are the bars of simplified procedure and fast-track a criminal
// filing's text states about its defendants when the fields do not: each is
// the words that state it, "" when none.
type TextFacts struct {
	// Impaired: 被告人…系聋哑人 / 盲人 / 限定刑事责任能力 (刑法第十八条第三款、第十九条),
	// or 患有精神疾病 and the like when the text states no full capacity.
	Impaired string
	// Minor: 被告人…系未成年人, 作案时未满十八周岁 (刑法第十七条), an age
	// under eighteen next to 被告人 (年仅十七周岁, 案发时16岁; statute round
	// 26), or a birth date under eighteen at the offence (ReadTextBirthMinor,
	// which needs the filing date and is read by criminalTextFacts).
	Minor string
	// Remanded: the case is stated as remanded for retrial (发回重审,
	// 发回…重新审判; CrPL 239).
	Remanded string
	// CivilClaim: a 附带民事诉讼 is brought and no 调解 or 和解 is stated.
	CivilClaim string
	// Dispute: a defendant disputes the charged facts, the charge, the
	// recommendation or the procedure (有异议, 不认罪, 否认指控).
	Dispute string
	// RepresentativeObjects: a 法定代理人 or 辩护人 objects to simplified
	// procedure (刑诉法解释第五百六十六条, a bar for a minor defendant only;
	// representativeObjectionIn; statute round 26).
	RepresentativeObjects string
	// DisputeKind says what the dispute is about.
	DisputeKind disputeKind
}

type disputeKind int

const (
	disputeFacts      disputeKind = iota // 不认罪, 对指控的事实有异议, or unspecified
	disputeSentence                      // 对罪名、量刑（建议）有异议
	disputeFastTrack                     // 不同意适用速裁程序, 对适用速裁程序有异议
	disputeSimplified                    // 对适用简易程序有异议
	disputeWithdrawn                     // 反悔, 撤回认罪认罚具结书 (round 27): as disputeSentence, reviewed as a withdrawal
	disputeOrdinary                      // 要求适用普通程序 (round 29): objects to simplified procedure and to fast-track
)

// Any reports whether the text states any bar.
func (t TextFacts) Any() bool {
	return t.Impaired != "" || t.Minor != "" || t.CivilClaim != "" || t.Dispute != "" || t.Remanded != "" || t.RepresentativeObjects != ""
}

var (
	// Round 25 added the words of a disability certificate and of an
	// indictment's description (失聪, 听力残疾, 言语残疾, 视力残疾, 双眼失明):
	// the grade is not read, so 视力残疾三级 (低视力) closes too, reviewed.
	impairedWords = [...]string{"又聋又哑", "聋哑", "聋人", "哑人", "盲人", "双目失明", "双眼失明", "失聪", "听力残疾", "言语残疾", "视力残疾",
		"盲、聋、哑", "限定刑事责任能力", "限制刑事责任能力", "部分刑事责任能力", "尚未完全丧失辨认", "部分丧失辨认",
		"限定责任能力", "限制责任能力", "部分责任能力"}
	// capacityWords state the capacity in the whole sentence (经鉴定，…具有限定刑事责任能力).
	// Round 27 added the forensic report's words without 刑事 (限定责任能力)
	// and a diminished capacity (辨认和控制能力明显削弱): "尚未完全丧失辨认或者
	// 控制自己行为能力" (CrPL 215(1), 223(1)) in other words. Only 辨认能力 and
	// 控制能力 are read: a victim's 性防卫能力削弱 (a real filing's) is not the
	// defendant's.
	capacityWords = [...]string{"限定刑事责任能力", "限制刑事责任能力", "部分刑事责任能力", "尚未完全丧失辨认", "部分丧失辨认",
		"限定责任能力", "限制责任能力", "部分责任能力",
		"辨认能力削弱", "辨认能力减弱", "辨认能力明显削弱", "辨认能力明显减弱", "控制能力削弱", "控制能力减弱", "控制能力明显削弱", "控制能力明显减弱"}
	// illnessWords state a mental illness without its degree (round 23b):
	// CrPL 215(1), 223(1) bar "尚未完全丧失辨认或者控制自己行为能力的精神病人",
	// so an illness is read as a bar unless the text states full capacity
	// (刑法第十八条第二款: 间歇性的精神病人在精神正常的时候犯罪).
	illnessWords = [...]string{"精神病", "精神疾病", "精神障碍", "精神分裂", "精神发育迟滞"}
	minorWords   = [...]string{"未成年人", "未满十八周岁", "不满十八周岁", "未满18周岁", "不满18周岁"}
	copulas      = [...]string{"系", "是", "为", "属", "具有", "患有", "经鉴定", "作案时", "犯罪时", "行为时", "案发时"}
	disputeWords = [...]string{"不认罪", "拒不认罪", "否认指控", "否认犯罪", "否认起诉", "翻供",
		// Round 38: the 1998 interpretation's art. 222(1) in its own
		// words (被告人对于起诉指控的犯罪事实予以否认的).
		"予以否认",
		// Round 34: a denial of what he did (否认参与盗窃, 否认实施抢劫,
		// 否认其有非法占有的目的) is a denial of the charged facts (CrPL
		// 214 ¶1(2), 215(3), 223(4)).
		"否认参与", "否认实施", "否认作案", "否认其", "否认有", "否认具有", "否认犯有", "否认自己",
		// Round 29: a defendant asking for the ordinary procedure refuses
		// both simpler ones (CrPL 214 ¶1(3), 222 ¶1); read before 有异议 so
		// 对速裁程序有异议，要求适用普通程序 closes both.
		"要求适用普通程序", "申请适用普通程序", "请求适用普通程序", "要求按普通程序", "申请按普通程序",
		"提出异议", "有异议", "持异议", "不同意适用速裁程序", "不同意适用简易程序",
		// Round 29: a refusal in other words than 不同意适用 (CrPL 222 ¶1,
		// 214 ¶1(3); the pilots' consent).
		"拒绝适用速裁程序", "不愿适用速裁程序", "不接受速裁程序", "不同意速裁程序", "拒绝速裁程序",
		"拒绝适用简易程序", "不愿适用简易程序", "不接受简易程序", "不同意简易程序", "拒绝简易程序"}
	// ordinaryWords are the disputeWords that ask for the ordinary
	// procedure (disputeOrdinary).
	ordinaryWords = [...]string{"要求适用普通程序", "申请适用普通程序", "请求适用普通程序", "要求按普通程序", "申请按普通程序"}
)

// ReadTextFacts reads the bars the text states about a defendant (被告人…,
// in the clause that names him, not a 被害人's): CrPL 215(1), 223(1)–(2),
// (4)–(5).
func ReadTextFacts(text string) TextFacts {
	return readTextFacts(&textRunes{text: text})
}

// textRunes is a text and its runes, made at the first reader that needs
// them (defendantHeads) and then shared: criminalTextFacts reads a
// defendant's age (ReadTextFacts) and birth date (ReadTextBirthMinor) by
// the runes after 被告人, and making the indictment runes once for each
// cost ~4% of a real Decide (issue 13, callgrind 2026-12-06).
type textRunes struct {
	text string
	rs   []rune
	made bool
}

// runes are the text's runes, made once.
func (t *textRunes) runes() []rune {
	if !t.made {
		t.rs, t.made = []rune(t.text), true
	}
	return t.rs
}

// readTextFacts is ReadTextFacts of t's text.
func readTextFacts(t *textRunes) TextFacts {
	text := t.text
	var tf TextFacts
	full := fullCapacityStated(text)
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '。' || r == '；' || r == ';' }) {
		if !strings.Contains(sent, "被告人") {
			// A dispute of a defendant named short (李某对量刑建议有异议):
			// read only in a sentence with 对 and a dispute's stem.
			if tf.Dispute == "" && strings.Contains(sent, "对") {
				tf.Dispute, tf.DisputeKind = sentenceDispute(sent)
			} else if tf.Dispute == "" && containsAny(sent, disputeStems[:]) {
				// Without 对: only a name the text gives a 被告人
				// (李某不认罪, statute round 28).
				tf.Dispute, tf.DisputeKind = namedDefendantDispute(sent, text)
			}
			continue
		}
		for _, seg := range defendantSegments(sent, false) {
			if tf.Impaired == "" {
				if w := wordAfterCopula(seg, impairedWords[:]); w != "" {
					tf.Impaired = w
				}
			}
			if tf.Impaired == "" {
				tf.Impaired = organWordNearName(seg)
			}
			if tf.Impaired == "" && !full {
				tf.Impaired = illnessAfterCopula(seg)
			}
			if tf.Minor == "" {
				if w := wordAfterCopula(seg, minorWords[:]); w != "" {
					tf.Minor = w
				}
			}
		}
		if tf.Dispute == "" {
			tf.Dispute, tf.DisputeKind = sentenceDispute(sent)
		}
		if tf.Impaired == "" && !strings.Contains(sent, "被害人") {
			for _, w := range capacityWords {
				if strings.Contains(sent, w) {
					tf.Impaired = w
				}
			}
		}
	}
	if i := strings.Index(text, "附带民事"); i >= 0 && !negatedClaim(text[:i]) && !settlementStated(text) {
		tf.CivilClaim = "附带民事诉讼"
	}
	if tf.CivilClaim == "" && !strings.Contains(text, "附带民事") {
		// A civil suit the text names is decided above (a suit not
		// brought, 未提起附带民事诉讼, bars nothing: round 25).
		tf.CivilClaim = victimSettlementFailed(text)
	}
	if tf.Minor == "" {
		tf.Minor = defendantAgeMinor(t)
	}
	if tf.Dispute == "" {
		tf.Dispute, tf.DisputeKind = unitDisputeIn(text)
	}
	tf.RepresentativeObjects = representativeObjectionIn(text)
	tf.Remanded = remandIn(text)
	return tf
}

// representatives are the persons besides a minor defendant whose objection
// bars simplified procedure (刑诉法解释第五百六十六条: "未成年被告人及其法定代理
// 人、辩护人…上述人员提出异议的，不适用简易程序").
var representatives = [...]string{"法定代理人", "辩护人"}

// representativeObjectionIn returns the words of a sentence that states a
// 法定代理人 or 辩护人 objecting to simplified procedure (objectionWords,
// not negated in the two runes before: 未对适用简易程序提出异议 is none), the
// person named before the objection; "" when none.
func representativeObjectionIn(text string) string {
	return objectionByIn(text, representatives[:])
}

// objectionByIn returns the words of a sentence that states one of persons
// objecting to simplified procedure (objectionWords, not negated in the two
// runes before), the person named before the objection; "" when none.
func objectionByIn(text string, persons []string) string {
	return objectionInSentenceOf(text, func(before string) bool { return containsAny(before, persons) })
}

// objectionInSentenceOf returns the words of a sentence that states an objection to
// simplified procedure (objectionWords, not negated in the two runes
// before) whose sentence up to the objection satisfies objector; "" when
// none. objectionByIn and objectionOfIn differ only in who objects.
func objectionInSentenceOf(text string, objector func(before string) bool) string {
	// Every objection word holds objectionGate: a text without it (every
	// real indictment: their procedure sentences were removed) is not
	// split into sentences and searched five times each (issue 13).
	if !hanscan.Contains(text, objectionGate) {
		return ""
	}
	for sent := range sentencesOf(text) {
		for _, w := range objectionWords {
			i := strings.Index(sent, w)
			if i < 0 || !statedNotNegated(sent, w, 2) {
				continue
			}
			if objector(sent[:i]) {
				return w
			}
		}
	}
	return ""
}

// objectionGate is a fragment of every one of objectionWords
// (TestObjectionGateInEveryWord).
const objectionGate = "简易程序"

// settlementFailed are words that state a mediation or a settlement of the
// civil claim failed (CrPL 223(5): "没有…达成调解或者和解协议").
var settlementFailed = [...]string{"调解未果", "调解不成", "调解无果", "调解失败", "未能调解", "未达成调解", "未能达成调解", "没有达成调解",
	"未达成和解", "未能达成和解", "没有达成和解", "和解未果", "和解不成", "和解失败", "拒绝调解", "不同意调解"}

// settlementReached are words that state a settlement reached, read where
// a failure is stated too (调解未果，后达成和解协议).
var settlementReached = [...]string{"达成调解", "达成和解", "调解协议", "和解协议"}

// settlementStated reports whether the text states the civil claim settled:
// 调解 or 和解 named, and no failure stated (settlementFailed) unless a
// settlement is stated not negated beside it. Until rules 2026-12-04.37 any
// 调解 or 和解 read as a settlement, so 经调解未果 kept fast-track open
// (statute round 25).
func settlementStated(text string) bool {
	if !strings.Contains(text, "调解") && !strings.Contains(text, "和解") {
		return false
	}
	if !slices.ContainsFunc(settlementFailed[:], func(w string) bool { return strings.Contains(text, w) }) {
		return true
	}
	return slices.ContainsFunc(settlementReached[:], func(w string) bool { return statedNotNegated(text, w, 4) })
}

// victimSettlementFailed returns the words of a sentence that names the
// 被害人 and states a mediation or settlement with him failed
// (settlementFailed: 未能达成和解协议, 调解未果), "" when none, or when the
// text states a settlement reached beside it (settlementStated). CrPL
// 223(5) bars fast-track where the defendant "与被害人或者其法定代理人没有就
// 附带民事诉讼赔偿等事项达成调解或者和解协议": the 等事项 are not only a civil
// suit's, so until statute round 32 a failed settlement stated without the
// words 附带民事 kept fast-track open.
func victimSettlementFailed(text string) string {
	// Every failure word holds 调解 or 和解: a text with neither has none
	// (and settlementStated would say so at more cost).
	if !strings.Contains(text, "调解") && !strings.Contains(text, "和解") || settlementStated(text) {
		return ""
	}
	for sent := range sentencesOf(text) {
		if !strings.Contains(sent, "被害人") {
			continue
		}
		for _, w := range settlementFailed {
			if strings.Contains(sent, w) {
				return w
			}
		}
	}
	return ""
}

// organWords state a blind or deaf defendant by his own organs (被告人王某双耳
// 失聪, 双目失明): unlike impairedWords they need no copula, since the organ
// is his. Read only near his name and with no word before them that makes
// them another person's (otherPersonWords: 殴打双目失明的…).
var organWords = [...]string{"双耳失聪", "两耳失聪", "双耳耳聋", "双目失明", "双眼失明", "两眼失明"}

// organWordNearName returns the body word seg (a defendant's segment) states
// within copulaWithin runes of its start, "" when none.
func organWordNearName(seg string) string {
	rs := []rune(seg)
	head := string(rs[:min(len(rs), copulaWithin+4)])
	for _, w := range organWords {
		if i := strings.Index(head, w); i >= 0 && !containsAny(head[:i], otherPersonWords[:]) && !negatedWithin(head[:i], 2) {
			return w
		}
	}
	return ""
}

// fullCapacityStated: the text states 完全刑事责任能力 without negating it
// (不具有、无、非).
func fullCapacityStated(text string) bool {
	return statedNotNegated(text, "完全刑事责任能力", 3)
}

// negatedWithin: one of the last n runes of before negates what follows
// (无精神病史, 未患有, 不具有, 没有, 非).
func negatedWithin(before string, n int) bool {
	rs := []rune(before)
	return strings.ContainsAny(string(rs[max(0, len(rs)-n):]), "不无未没非否")
}

// illnessAfterCopula returns the illness word seg states of its defendant
// after a copula (系, 患有, 经鉴定, 作案时 …), "" when none or negated.
func illnessAfterCopula(seg string) string {
	cop := copulaIn(seg)
	if cop < 0 {
		return ""
	}
	for _, w := range illnessWords {
		// The negation may stand before the copula: 未患有, 不属于.
		if i := strings.Index(seg[cop:], w); i >= 0 && !negatedWithin(seg[:cop+i], 3) {
			return w
		}
	}
	return ""
}

// remandMarks state a remand for retrial after 发回 (within remandWithin
// runes: 发回原审人民法院重新审判).
var remandMarks = [...]string{"重审", "重新审判", "重新审理"}

// Round 27 raised it from 12: a court named in full (发回浙江省杭州市西湖区
// 人民法院重审) is thirteen runes; no clause mark may stand between.
const remandWithin = 20

// remandSent are the verbs that send a case back: the statutes' 发回
// (CrPL 239, CPL 177) and 发还, which complaints and judgments also write
// ("裁定撤销原判，发还重审"; statute round 36). Either counts only with a
// remandMarks word after it: "将货物发还被告" is no remand.
var remandSent = [...][]rune{[]rune("发回"), []rune("发还")}

// remandSentRunes is the length of each of remandSent.
const remandSentRunes = 2

// remandIn returns the words that state the case remanded for retrial
// (撤销原判，发回重审; CrPL 239), "" when none or negated (不得再发回重新审判).
func remandIn(text string) string {
	// Every remand opens with one of remandSent: a text holding none (231
	// of the 236 real indictments) is not made runes and walked rune by
	// rune (issue 13).
	if !slices.ContainsFunc(remandSent[:], func(m []rune) bool { return hanscan.Contains(text, string(m)) }) {
		return ""
	}
	rs := []rune(text)
	for i := 0; i+remandSentRunes <= len(rs); i++ {
		if !remandSentAt(rs[i:]) || remandNegated(string(rs[max(0, i-remandNegationRunes):i])) {
			continue
		}
		window := rs[i:min(len(rs), i+remandSentRunes+remandWithin)]
		for _, m := range remandMarks {
			if j := strings.Index(string(window), m); j >= 0 && !strings.ContainsAny(string(window)[:j], "。；;，,") {
				return string(window)[:j+len(m)]
			}
		}
	}
	return ""
}

// remandSentAt reports whether rs opens with one of remandSent.
func remandSentAt(rs []rune) bool {
	for _, m := range remandSent {
		if runesHavePrefix(rs, m) {
			return true
		}
	}
	return false
}

// negatedClaim: 未提起、不提起、放弃、撤回 附带民事诉讼.
func negatedClaim(before string) bool {
	for _, w := range [...]string{"未提起", "不提起", "没有提起", "放弃", "撤回", "未提出", "不提出"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// defendantSegments are the parts of a sentence that speak of one 被告人:
// from 被告人 to the end of its clause (the first comma, or a later one
// while each piece before it is at most six characters, up to
// segmentCommas: 被告人王某，系聋哑人; 被告人王某，男，系未成年人, round 27),
// cut at the next 被告人 or 被害人 and, when list is false, at another
// person's name (connectorAt). With list true the segment runs on through
// a list of names (被告人王某、李某对…均有异议: CrPL 215(4), 223(4) read a
// co-defendant's dispute there) and is cut at 辩护人 instead, whose view is
// not a defendant's.
func defendantSegments(sent string, list bool) []string {
	var out []string
	rs := []rune(sent)
	mark, victim, defender := []rune("被告人"), []rune("被害人"), []rune("辩护人")
	for i := 0; i+len(mark) <= len(rs); i++ {
		if !runesHavePrefix(rs[i:], mark) {
			continue
		}
		start := i + len(mark)
		end, commas, piece := start, 0, start
		for end < len(rs) {
			r := rs[end]
			if r == '，' || r == ',' || r == '：' {
				if commas < segmentCommas && end-piece <= 6 {
					commas++
					end++
					piece = end
					continue
				}
				break
			}
			if runesHavePrefix(rs[end:], mark) || runesHavePrefix(rs[end:], victim) {
				break
			}
			if list && runesHavePrefix(rs[end:], defender) || !list && connectorAt(rs, end) {
				break
			}
			end++
		}
		out = append(out, string(rs[start:end]))
	}
	return out
}

// segmentCommas is how many commas a defendant's segment runs through after
// short pieces (his name, sex, a remark: 被告人王某，男，系未成年人).
const segmentCommas = 2

// connectorAt reports whether another person's name starts at i: 和, 与,
// 伙同, 、, 及 (not 及其, which speaks of the same defendant's counsel).
func connectorAt(rs []rune, i int) bool {
	switch rs[i] {
	case '和', '与', '、':
		return true
	case '及':
		return i+1 >= len(rs) || rs[i+1] != '其'
	}
	return runesHavePrefix(rs[i:], []rune("伙同"))
}

// boundWord reports whether 是 or 为 after before is part of another word
// (明知是, 因为, 认为, 行为, 作为) rather than a copula.
func boundWord(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("知因认作行成而只于但还就", r)
}

// copulaWithin is how far into a defendant's segment (his name, a short
// remark) the copula must stand.
const copulaWithin = 12

// wordAfterCopula returns the first word of words that seg states of its
// defendant: after a copula (系, 是, 为, 具有, 作案时 …) next to his name,
// not after a verb of what he did to someone (殴打聋哑人, 容留未成年人).
func wordAfterCopula(seg string, words []string) string {
	cop := copulaIn(seg)
	if cop < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(seg[cop:])
	copula := seg[cop : cop+size]
	for _, w := range words {
		if i := strings.Index(seg[cop:], w); i >= 0 && !anotherPersonAfter(seg[cop+i+len(w):], copula) {
			return w
		}
	}
	return ""
}

// copulaIn returns the byte index of the first copula within copulaWithin
// runes of seg's start (next to the defendant's name), -1 when none or when
// words before it make what follows another person's (otherPersonWords).
func copulaIn(seg string) int {
	rs := []rune(seg)
	head := string(rs[:min(len(rs), copulaWithin)])
	cop := -1
	for _, c := range copulas {
		if i := strings.Index(head, c); i >= 0 && (cop < 0 || i < cop) && !boundWord(head[:i]) {
			cop = i
		}
	}
	if cop > 0 && containsAny(head[:cop], otherPersonWords[:]) {
		return -1
	}
	return cop
}

// otherPersonWords, between a defendant's name and a copula, make the
// copula another person's: what the defendant knew (明知张某系未成年人, 得知
// 李某为…), whose relative (王某的儿子系…, 之子), whom he employed, kept or
// hurt (雇佣的李某系…, 殴打患有精神病的李某). CrPL 215(1) and 223(1)–(2) bar
// the defendant's own state only, so until rules 2026-12-04.44 these texts
// closed fast-track wrongly (statute round 27). Single runes that names
// bear (知, 之, 向) are not among them: 被告人王知远系未成年人 is still read.
var otherPersonWords = [...]string{"明知", "知道", "得知", "获知", "知悉", "知晓", "深知", "发现", "听说", "认识到", "的", "之子", "之女", "之父", "之母",
	"雇", "招募", "收留", "容留", "殴打", "猥亵", "强奸", "奸淫", "拐", "诱骗", "欺骗", "骗取", "介绍", "组织", "教唆", "胁迫", "引诱", "利用", "指使", "唆使",
	"伤害", "虐待", "遗弃", "收买", "强迫", "出售", "贩卖", "提供", "带领", "纠集", "冒充", "谎称"}

// relationNouns after 的 (or 之) make a minor or impaired word the
// description of another person: 系未成年人李某的监护人, 系聋哑人张某之父.
var relationNouns = [...]string{"监护人", "父", "母", "家长", "老师", "教师", "班主任", "雇主", "亲属", "抚养人", "祖父", "祖母", "外祖", "爷爷", "奶奶", "儿子", "女儿", "子女"}

// anotherPersonAfter reports whether rest, the words after a minor or
// impaired word, make it another person's: a relation within eight runes
// (未成年人李某的监护人), or, after the copula 为, a verb rather than the
// clause's end (为未成年人提供…: 为 is a preposition there).
func anotherPersonAfter(rest, copula string) bool {
	rs := []rune(rest)
	near := string(rs[:min(len(rs), 8)])
	for _, m := range [...]string{"的", "之"} {
		if i := strings.Index(near, m); i >= 0 {
			after := near[i+len(m):]
			if slices.ContainsFunc(relationNouns[:], func(n string) bool { return strings.HasPrefix(after, n) }) {
				return true
			}
		}
	}
	return copula == "为" && len(rs) > 0 && !strings.ContainsRune("，,。；;、）)（(的且并又", rs[0])
}

// sentenceDispute reads a defendant's dispute from a sentence: in each
// segment after 被告人, through a list of names (defendantSegments with
// list), and in each clause without 被告人 whose subject is a person named
// short before 对 (李某对量刑建议有异议, 其对指控的事实有异议) and no other
// party (disputeSubject). CrPL 215(4) and 223(4) bar a dispute of any
// defendant of a joint crime, so a dispute of a name is read as a
// defendant's; a victim's, a defender's or the prosecution's is not.
func sentenceDispute(sent string) (string, disputeKind) {
	// Every dispute word holds a stem: a sentence without one is not
	// split into segments and clauses (Decide's cost, docs/performance.md).
	if !containsAny(sent, disputeStems[:]) {
		return "", disputeFacts
	}
	if strings.Contains(sent, "被告人") {
		for _, seg := range defendantSegments(sent, true) {
			if w, k := disputeIn(seg); w != "" {
				return w, k
			}
		}
	}
	ofDefendant := strings.Contains(sent, "被告人")
	for _, cl := range strings.FieldsFunc(sent, func(r rune) bool { return r == '，' || r == ',' }) {
		if strings.Contains(cl, "被告人") {
			continue
		}
		// A clause without a subject in a sentence about a defendant is
		// his (被告人王某醉酒驾驶机动车，后撤回认罪认罚具结书); one naming
		// another party before the dispute is not.
		w, k := disputeIn(cl)
		if w == "" {
			continue
		}
		before := cl
		if i := strings.Index(cl, w); i >= 0 {
			before = cl[:i]
		}
		if disputeSubject(cl) || ofDefendant && !containsAny(before, notDefendantSubjects[:]) {
			return w, k
		}
	}
	return "", disputeFacts
}

// disputeStems are in every word of disputeWords and withdrawnWords: a
// sentence without one states no dispute.
var disputeStems = [...]string{"异议", "认罪", "否认", "翻供", "不同意", "反悔", "撤回", "签署", "认罚", "拒绝", "不愿", "不接受", "普通程序", "具结书", claimMark}

// notDefendantSubjects mark the subject of a clause as no defendant: another
// party, the court, the prosecution, a procedural step (经审查).
var notDefendantSubjects = [...]string{"被害", "辩护", "公诉", "检察", "代理", "原告", "证人", "鉴定", "法院", "本院", "家属", "亲属", "机关", "单位", "公司",
	"本案", "双方", "各方", "经", "审查", "监护"}

// disputeSubject reports whether a clause begins with a short subject (one
// to four runes, no digit) before 对 that names no other party: 李某对…,
// 其对…, 二人均对….
func disputeSubject(cl string) bool {
	cl = strings.TrimLeft(cl, " 　\t\n")
	rs := []rune(cl)
	i := slices.Index(rs[:min(len(rs), 7)], '对')
	if i < 1 {
		return false
	}
	subj := string(rs[:i])
	return !containsAny(subj, notDefendantSubjects[:]) && !strings.ContainsAny(subj, "0123456789０１２３４５６７８９、（）()")
}

// withdrawnWords state a defendant's withdrawal of his 认罪认罚 (刑事诉讼法第一
// 百七十四条's 具结书; 刑诉法解释第三百七十五条第二项: 被告人…反悔): the
// acceptance is gone, so fast-track is (CrPL 222); the admission of the
// facts is not thereby withdrawn (翻供 and 不认罪 say that). Round 27.
//
// Round 29: a 具结书 stated as not signed (未签署) is read the same way. CrPL
// 174 ¶1 makes the signature how a defendant 认罪认罚 (the 2016 pilot's
// 试点办法 before it); its ¶2 spares a blind, deaf or mute defendant and a
// minor whose representative objects, whom fast-track bars anyway (CrPL
// 223(1)–(2)).
//
// Round 31: 未签订 / 没有签订 / 未出具 (认罪认罚)具结书 are the same statement
// in other words (CrPL 174 ¶1: 签署认罪认罚具结书), read the same way.
var withdrawnWords = [...]string{"反悔", "撤回认罪认罚", "撤回具结书", "拒绝签署认罪认罚具结书", "拒绝签署具结书", "拒不签署认罪认罚具结书", "拒不签署具结书", "不愿签署具结书", "不愿签署认罪认罚具结书", "不再认罪认罚", "不再认罚",
	"未签署认罪认罚具结书", "未签署具结书", "没有签署认罪认罚具结书", "没有签署具结书",
	"未签订认罪认罚具结书", "未签订具结书", "没有签订认罪认罚具结书", "没有签订具结书", "未出具认罪认罚具结书", "未出具具结书",
	// Round 35: the signature refused or missing in 在…上签字 words
	// (拒绝在具结书上签字, 未在认罪认罚具结书上签字) kept fast-track open.
	"拒绝在认罪认罚具结书上签字", "拒绝在具结书上签字", "拒不在认罪认罚具结书上签字", "拒不在具结书上签字",
	"未在认罪认罚具结书上签字", "未在具结书上签字", "没有在认罪认罚具结书上签字", "没有在具结书上签字",
	"拒绝在认罪认罚具结书上签名", "拒绝在具结书上签名", "未在认罪认罚具结书上签名", "未在具结书上签名"}

// sentenceRefusals are the verbs of a defendant refusing the
// recommendation (不同意检察机关的量刑建议, 不接受量刑建议): no 认罚, so no
// fast-track (刑事诉讼法第二百二十二条第一款; 第一百七十四条第一款 同意量刑建议).
// Each holds a disputeStem. Until statute round 33 only 对量刑建议有异议
// was read, and a refusal in these words kept fast-track open.
var sentenceRefusals = [...]string{"不同意", "不接受", "拒绝接受", "拒不接受"}

// sentenceRefusalMark is the object of a sentenceRefusal.
const sentenceRefusalMark = "量刑建议"

// sentenceRefusalIn returns the words of a segment's refusal of the
// recommendation: a sentenceRefusal not negated before it, and 量刑建议
// within 12 runes after it in the same clause; "" when none.
func sentenceRefusalIn(seg string) string {
	for _, w := range sentenceRefusals {
		for rest, off := seg, 0; ; {
			idx := strings.Index(rest, w)
			if idx < 0 {
				break
			}
			at := off + idx
			after := seg[at+len(w):]
			if j := strings.Index(after, sentenceRefusalMark); j >= 0 && utf8.RuneCountInString(after[:j]) <= 12 &&
				!strings.ContainsAny(after[:j], "，,。；;") && !disputeNegated(seg[:at]) {
				return seg[at : at+len(w)+j+len(sentenceRefusalMark)]
			}
			rest, off = rest[idx+len(w):], at+len(w)
		}
	}
	return ""
}

// disputeNegated: 无异议, 没有异议, 不持异议, 未反悔.
func disputeNegated(before string) bool {
	return strings.HasSuffix(before, "无") || strings.HasSuffix(before, "没") || strings.HasSuffix(before, "没有") ||
		strings.HasSuffix(before, "不") || strings.HasSuffix(before, "未") || strings.HasSuffix(before, "不得") || strings.HasSuffix(before, "不会")
}

// disputeIn reads a defendant's dispute from his segment: 无异议, 没有异议,
// 不持异议 are none.
func disputeIn(seg string) (string, disputeKind) {
	for _, w := range withdrawnWords {
		if idx := strings.Index(seg, w); idx >= 0 && !disputeNegated(seg[:idx]) {
			if w2, k := disputeIn(seg[:idx] + seg[idx+len(w):]); w2 != "" && k != disputeSentence {
				return w2, k // a dispute of the facts or the procedure stated beside it bars more
			}
			return w, disputeWithdrawn
		}
	}
	if w := sentenceRefusalIn(seg); w != "" {
		return w, disputeSentence
	}
	if w := deniedDeedIn(seg); w != "" {
		return w, disputeFacts
	}
	for _, w := range disputeWords {
		idx := strings.Index(seg, w)
		if idx < 0 {
			continue
		}
		before := seg[:idx]
		if disputeNegated(before) {
			continue
		}
		switch {
		case slices.Contains(ordinaryWords[:], w):
			return w, disputeOrdinary
		case strings.Contains(seg, "速裁"):
			return w, disputeFastTrack
		case strings.Contains(seg, "简易程序"):
			return w, disputeSimplified
		case strings.Contains(w, "认罪") || strings.Contains(w, "否认") || strings.Contains(before, "事实"):
			return w, disputeFacts
		case strings.Contains(before, "罪名") || strings.Contains(before, "量刑") || strings.Contains(before, "定性"):
			return w, disputeSentence
		}
		return w, disputeFacts
	}
	return "", disputeFacts
}

// defendantsOf counts f's parties in the defendant's role.
func defendantsOf(f *triagev1.Filing) int {
	n := 0
	for _, p := range f.GetParties() {
		if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
			n++
		}
	}
	return n
}

// withTextFacts returns f with the bars its text states set, as the rules
// read them (a clone; f is not changed): an impaired or minor defendant on
// the first defendant, a civil claim as victim_settlement_missing, a
// dispute as the defendant's (one defendant) or a co-defendant's (several).
func withTextFacts(f *triagev1.Filing, tf TextFacts, defendants int) *triagev1.Filing {
	g := proto.Clone(f).(*triagev1.Filing)
	if g.Circumstances == nil {
		g.Circumstances = &triagev1.Circumstances{}
	}
	c := g.Circumstances
	if tf.Impaired != "" || tf.Minor != "" {
		for _, p := range g.GetParties() {
			if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
				p.Impaired = p.Impaired || tf.Impaired != ""
				p.Minor = p.Minor || tf.Minor != ""
				break
			}
		}
	}
	if tf.CivilClaim != "" {
		c.VictimSettlementMissing = true
	}
	if tf.Remanded != "" {
		c.Remanded = true
	}
	if tf.RepresentativeObjects != "" {
		c.RepresentativeObjectsSimplified = true
	}
	if tf.Dispute == "" {
		return g
	}
	if defendants > 1 {
		switch tf.DisputeKind {
		case disputeFacts:
			c.CoDefendantDeniesChargedFacts = true
		case disputeSentence, disputeWithdrawn:
			c.CoDefendantDisputesChargeOrSentence = true
		case disputeFastTrack:
			c.CoDefendantObjectsFastTrack = true
		case disputeSimplified:
			c.CoDefendantObjectsSimplified = true
		case disputeOrdinary:
			c.CoDefendantObjectsFastTrack, c.CoDefendantObjectsSimplified = true, true
		}
		return g
	}
	switch tf.DisputeKind {
	case disputeFacts:
		c.GuiltyPlea = false //nolint:staticcheck // SA1019: the deprecated field would restore the admission
		c.AdmitsChargedFacts = false
	case disputeSentence, disputeWithdrawn:
		if c.GetGuiltyPlea() { //nolint:staticcheck // SA1019: split the deprecated plea to drop only its acceptance
			c.GuiltyPlea, c.AdmitsChargedFacts = false, true //nolint:staticcheck // SA1019: as above
		}
		c.AcceptsSentencingRecommendation = false
	case disputeFastTrack:
		c.ConsentsFastTrack = false
	case disputeSimplified:
		c.ObjectsSimplified = true
	case disputeOrdinary:
		c.ConsentsFastTrack, c.ObjectsSimplified = false, true
	}
	return g
}

// readCriminalText is ReadTextFacts of text with a minor its birth date
// states (ReadTextBirthMinor) when it states no age, the text made runes
// once for both (textRunes).
func readCriminalText(text string, filed time.Time) TextFacts {
	t := &textRunes{text: text}
	tf := readTextFacts(t)
	if tf.Minor == "" {
		tf.Minor = readTextBirthMinor(t, filed)
	}
	return tf
}

// criminalTextFacts reads a criminal filing's text for the bars its fields
// do not state (ReadTextFacts) and returns the filing with them set (f
// itself when there are none), each with its review reason: the text is
// read by words, so a person confirms it and corrects the fields. The
// caller's filing is not changed; juvenile routing (routing package) reads
// the caller's parties, so a minor read from the text is routed only once
// the party is marked, which the review asks for.
func criminalTextFacts(f *triagev1.Filing, a *Assessment) *triagev1.Filing {
	tf := readCriminalText(f.GetText(), a.FiledOn)
	// A representative's objection bars a minor's case only (Interp.
	// 566): of an adult's defender it is neither read nor reviewed, and
	// one the field states already needs no review.
	markedMinor := anyDefendant(f, (*triagev1.Party).GetMinor)
	if tf.Minor == "" && !markedMinor || f.GetCircumstances().GetRepresentativeObjectsSimplified() {
		tf.RepresentativeObjects = ""
	}
	// A minor the parties mark already bars and routes as the text's
	// would: the review, which asks for the mark ("当事人信息未标注"), would
	// say what is not so (statute round 26 found it on generated filings
	// whose field and text both say it).
	if markedMinor {
		tf.Minor = ""
	}
	if !tf.Any() {
		return f
	}
	defendants := defendantsOf(f)
	// A co-defendant's dispute the circumstances state already bars as
	// the text's would; the review, which asks to correct the fields,
	// would say what is not so (round 27: a text read through a list of
	// names beside a field that marks the dispute).
	if tf.Dispute != "" && disputeMarked(f.GetCircumstances(), tf.DisputeKind, defendants) {
		tf.Dispute = ""
		if !tf.Any() {
			return f
		}
	}
	for _, r := range [...]struct{ code, words string }{
		{CodeReviewImpairedInText, tf.Impaired},
		{CodeReviewMinorInText, tf.Minor},
		{CodeReviewCivilClaimInText, tf.CivilClaim},
		{disputeReviewCode(tf.DisputeKind), tf.Dispute},
		{CodeReviewRemandedInText, tf.Remanded},
		{CodeReviewRepresentativeObjectsInText, tf.RepresentativeObjects},
	} {
		if r.words != "" {
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(r.code, r.words))
		}
	}
	return withTextFacts(f, tf, defendants)
}

// disputeMarked reports whether c states the dispute of kind k already: a
// co-defendant's (several defendants) or the one defendant's (no
// admission, no acceptance, no consent, an objection), or one that bars
// more (a denial of the facts for a dispute of the sentence).
func disputeMarked(c *triagev1.Circumstances, k disputeKind, defendants int) bool {
	if defendants <= 1 {
		plea := PleaOf(c)
		switch k {
		case disputeFacts:
			return !plea.Admits
		case disputeSentence, disputeWithdrawn:
			return !plea.Accepts || !plea.Admits
		case disputeFastTrack:
			return !c.GetConsentsFastTrack()
		case disputeSimplified:
			return c.GetObjectsSimplified()
		case disputeOrdinary:
			return !c.GetConsentsFastTrack() && c.GetObjectsSimplified()
		}
		return false
	}
	switch k {
	case disputeFacts:
		return c.GetCoDefendantDeniesChargedFacts()
	case disputeSentence, disputeWithdrawn:
		return c.GetCoDefendantDisputesChargeOrSentence() || c.GetCoDefendantDeniesChargedFacts()
	case disputeFastTrack:
		return c.GetCoDefendantObjectsFastTrack()
	case disputeSimplified:
		return c.GetCoDefendantObjectsSimplified()
	case disputeOrdinary:
		return c.GetCoDefendantObjectsFastTrack() && c.GetCoDefendantObjectsSimplified()
	}
	return false
}

// disputeReviewCode is the review a dispute read from the text gets: a
// withdrawal of 认罪认罚 its own (round 27), any other the dispute's.
func disputeReviewCode(k disputeKind) string {
	if k == disputeWithdrawn {
		return CodeReviewPleaWithdrawnInText
	}
	return CodeReviewDisputeInText
}

// reasonWithWords is code's reason with the words of the filing it was read
// from, so that the reviewer sees them.
func reasonWithWords(code, words string) *triagev1.Reason {
	r := reason(code)
	return &triagev1.Reason{Code: r.GetCode(), Article: r.GetArticle(),
		Message: r.GetMessage() + "所读文字：“" + words + "”。"}
}

// sentenceFromText sets the recommendation the text states where it is
// heavier than the fields' (Sentence.withText), with the inference, and a
// review when the fields stated a lighter one: the two disagree, and the
// clerk's field must be corrected.
func sentenceFromText(f *triagev1.Filing, a *Assessment) {
	ts := ReadTextSentence(f.GetText())
	a.Facts.TextSentence = ts
	s, changed := a.Facts.Sentence.withText(ts)
	if !changed {
		return
	}
	was := a.Facts.Sentence
	a.Facts.Sentence = s
	a.Inferences = append(a.Inferences, reasonWithWords(CodeInferSentenceFromText, ts.Phrase))
	// Reviewed only when the fields stated a recommendation and the text
	// crosses a line that changes a procedure (three years: fast-track,
	// CrPL 216's panel; life or death: the intermediate court). Crossing
	// one year changes only the fast-track period's extension (CrPL 225),
	// which the inference states: real fast-track cases write 一年左右
	// beside a field of twelve months, and review would keep them from
	// fast-track teams for nothing.
	if was.Known && (s.OverThreeYears && !was.OverThreeYears || s.LifeOrDeath && !was.LifeOrDeath) {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewSentenceTextConflict, ts.Phrase))
	}
}

// birthWithin is how far after 被告人 a birth date may stand to be his:
// the name, 男 or 女, a former name (被告人王某（曾用名王二），男，2005年3月1日出生).
const birthWithin = 16

// notOwnBirth are words between 被告人 and a date that make the date
// another person's or another event's (携其女儿（…出生）, 将李某（…出生）, 于…).
const notOwnBirth = "其将趁与和携对向把于及同让使"

// ReadTextBirthMinor returns a defendant's birth date as written when it
// makes him a minor at the offence (刑法第十七条; 刑诉法解释第一百四十六条:
// the age at the offence), "" otherwise. Only clear forms are read: the
// birth date YYYY年M月D日出生 in Arabic digits within a few characters of
// 被告人 (his name, sex, former name), and the offence as the earliest
// 于YYYY年M月D日 of the text not in a clause of a prior sentence (曾,
// 判处, 刑满, 释放), or the filing date when the text states none (a
// defendant under eighteen at filing was under eighteen at the offence). A
// 周岁 counts from the day after the birthday (最高人民法院关于审理未成年人
// 刑事案件具体应用法律若干问题的解释第二条): on his eighteenth birthday a
// defendant is still under eighteen. The reading only adds a bar; a date
// it cannot read opens nothing.
func ReadTextBirthMinor(text string, filed time.Time) string {
	return readTextBirthMinor(&textRunes{text: text}, filed)
}

// readTextBirthMinor is ReadTextBirthMinor of t's text.
func readTextBirthMinor(t *textRunes, filed time.Time) string {
	text := t.text
	at := filed
	if d, ok := earliestOffenceDate(text, filed); ok {
		at = d
	}
	for _, b := range defendantBirths(t) {
		if !at.Before(b.date) && !at.After(b.date.AddDate(18, 0, 0)) {
			return b.words
		}
	}
	return ""
}

// birthDate is a birth date the text states, with its words.
type birthDate struct {
	date  time.Time
	words string
}

// defendantBirths reads the birth dates the text states next to 被告人: a
// whole date, or a month without its day (2008年3月出生) read as its last
// day, the youngest the defendant can be (statute round 26).
func defendantBirths(t *textRunes) []birthDate {
	var out []birthDate
	rs, spans := defendantHeads(t, "")
	for _, sp := range spans {
		for j := sp[0]; j < sp[1]; j++ {
			d, end, ok := latestDateAt(rs, j)
			if !ok {
				continue
			}
			if runesHavePrefix(rs[end:], []rune("出生")) {
				out = append(out, birthDate{d, string(rs[j : end+2])})
			}
			break // the first date next to the name, a birth date or not
		}
	}
	return out
}

// defendantHeads returns the runes of t's text and, for each 被告人 in it, the
// span after 被告人 that may state his own birth date or age: at most
// birthWithin runes, ending at a sentence's end, another 被告人 or a 被害人,
// a rune of notOwnBirth or one of stops.
func defendantHeads(t *textRunes, stops string) ([]rune, [][2]int) {
	var spans [][2]int
	rs := t.runes()
	mark, victim := []rune("被告人"), []rune("被害人")
	for i := 0; i+len(mark) <= len(rs); i++ {
		if !runesHavePrefix(rs[i:], mark) {
			continue
		}
		start := i + len(mark)
		stop := start
		for stop < len(rs) && stop-start <= birthWithin {
			if strings.ContainsRune("。；;", rs[stop]) || runesHavePrefix(rs[stop:], mark) || runesHavePrefix(rs[stop:], victim) ||
				strings.ContainsRune(notOwnBirth, rs[stop]) || strings.ContainsRune(stops, rs[stop]) {
				break
			}
			stop++
		}
		spans = append(spans, [2]int{start, stop})
	}
	return rs, spans
}

// notOwnAge are further runes between 被告人 and an age that make it another
// person's (被告人王某的女儿（15岁）, 被告人王某明知张某系13周岁).
const notOwnAge = "的知"

// youngestDefendantAge is the least age a defendant may have (刑法第十七条
// 第三款, 2021: 已满十二周岁); a lower age next to 被告人 is another person's.
const youngestDefendantAge = 12

// defendantAgeMinor returns the words that state a defendant's age under
// eighteen next to 被告人 (年仅十七周岁, 案发时16岁, （17周岁）, 现年17岁,
// 作案时未满十六周岁), "" when none (statute round 26). An age stated at the
// offence or later was the age at the offence or more, so under eighteen
// then too (刑法第十七条; 刑诉法解释第一百四十六条). Not read: a lower bound
// (已满十六周岁, 年满, 超过, 16岁以上), an age at an earlier event (16岁时, 曾…), an
// age below youngestDefendantAge. It reads text from outside and must not
// panic on any string (FuzzDefendantAgeMinor).
func defendantAgeMinor(t *textRunes) string {
	rs, spans := defendantHeads(t, notOwnAge)
	for _, sp := range spans {
		start, stop := sp[0], sp[1]
		for j := start; j < stop; {
			n, end, ok := number(rs, j)
			if !ok {
				j++
				continue
			}
			k := end
			if k < len(rs) && rs[k] == '周' {
				k++
			}
			if k >= len(rs) || rs[k] != '岁' {
				j = end
				continue
			}
			before := string(rs[start:j])
			words := string(rs[j : k+1])
			switch {
			case strings.HasSuffix(before, "未满") || strings.HasSuffix(before, "不满"):
				if n <= 18 {
					return string(rs[j-2 : k+1])
				}
			case strings.HasSuffix(before, "满") || strings.HasSuffix(before, "超过") || runesHavePrefix(rs[k+1:], []rune("以上")):
			case n < youngestDefendantAge || n >= 18:
			case k+1 < len(rs) && rs[k+1] == '时':
			case strings.Contains(strings.ReplaceAll(before, "曾用名", ""), "曾"):
			default:
				return words
			}
			j = end
		}
	}
	return ""
}

// priorSentenceWords mark a clause about an earlier conviction, whose date
// is not the offence's.
var priorSentenceWords = [...]string{"曾", "判处", "刑满", "释放", "出生"}

// earliestOffenceDate is the earliest 于YYYY年M月D日 of the text on or
// before the filing date, outside the clauses of a prior conviction. A
// month without its day is not read (statute round 26): 于2021年10月申领信用卡
// is as often an event before the offence as the offence itself, and its
// first day made adults minors in the generated corpus (TestBirthDates).
func earliestOffenceDate(text string, filed time.Time) (time.Time, bool) {
	var best time.Time
	found := false
	for _, clause := range strings.FieldsFunc(text, isClauseBreak) {
		// Only a clause with 于 may hold a date this reads: one without is
		// neither searched for the prior words nor made runes (most of an
		// indictment's clauses, issue 13).
		if !strings.Contains(clause, "于") {
			continue
		}
		prior := false
		for _, w := range priorSentenceWords {
			prior = prior || strings.Contains(clause, w)
		}
		if prior {
			continue
		}
		rs := []rune(clause)
		for i := 0; i+1 < len(rs); i++ {
			if rs[i] != '于' {
				continue
			}
			d, _, ok := dateAt(rs, i+1)
			if ok && !d.After(filed) && (!found || d.Before(best)) {
				best, found = d, true
			}
		}
	}
	return best, found
}

// isClauseBreak reports whether r ends a clause earliestOffenceDate reads
// (。；;，,): a switch, not a look-up of each rune of the text in a string.
func isClauseBreak(r rune) bool {
	switch r {
	case '。', '；', ';', '，', ',':
		return true
	}
	return false
}

// latestDateAt reads a date at i as dateAt does, or a month without its
// day (YYYY年M月 not followed by a digit) as its last day: the latest day
// it may be, the index after it and whether one was there.
func latestDateAt(rs []rune, i int) (time.Time, int, bool) {
	if d, j, ok := dateAt(rs, i); ok {
		return d, j, true
	}
	y, j, ok := digitsBefore(rs, i, 4, '年')
	if !ok || j-i != 5 {
		return time.Time{}, i, false
	}
	m, j, ok := digitsBefore(rs, j, 2, '月')
	if !ok || m < 1 || m > 12 {
		return time.Time{}, i, false
	}
	if _, isDigit := digit(runeAt(rs, j)); isDigit {
		return time.Time{}, i, false
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC), j, true
}

// runeAt is rs[i], or 0 past its end.
func runeAt(rs []rune, i int) rune {
	if i < len(rs) {
		return rs[i]
	}
	return 0
}

// dateAt reads YYYY年M月D日 at i in Arabic digits (full- or half-width): the
// date, the index after 日, and whether a real date was there.
func dateAt(rs []rune, i int) (time.Time, int, bool) {
	y, j, ok := digitsBefore(rs, i, 4, '年')
	if !ok || j-i != 5 {
		return time.Time{}, i, false
	}
	m, j, ok := digitsBefore(rs, j, 2, '月')
	if !ok {
		return time.Time{}, i, false
	}
	d, j, ok := digitsBefore(rs, j, 2, '日')
	if !ok {
		return time.Time{}, i, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, i, false
	}
	return t, j, true
}

// digitsBefore reads up to maxDigits Arabic digits at k followed by unit:
// the number, the index after unit and whether they were there.
func digitsBefore(rs []rune, k, maxDigits int, unit rune) (int, int, bool) {
	n, j := 0, k
	for j < len(rs) && j-k < maxDigits {
		d, ok := digit(rs[j])
		if !ok {
			break
		}
		n, j = n*10+d, j+1
	}
	if j == k || j >= len(rs) || rs[j] != unit {
		return 0, k, false
	}
	return n, j + 1, true
}

// disputeAdverbs may stand between a defendant's name and his dispute
// (李某始终拒不认罪, 李某仍不认罪; 拒 of 拒不认罪, whose 不认罪 is read first).
var disputeAdverbs = [...]string{"始终", "一直", "仍然", "依然", "仍", "也", "均", "当庭", "则", "拒"}

// namedDefendantDispute reads a dispute from a sentence without 被告人 or
// 对 whose clause opens with a short name (two to four runes) and then,
// after adverbs only, the dispute word: 李某不认罪, 李某始终拒不认罪. The name
// must be one text gives a defendant (namedAsDefendant), so a witness's or
// a victim's name reads nothing; CrPL 215(3) and 223(4) bar any
// defendant's dispute of a joint crime (statute round 28).
func namedDefendantDispute(sent, text string) (string, disputeKind) {
	for _, cl := range strings.FieldsFunc(sent, func(r rune) bool { return r == '，' || r == ',' }) {
		w, k := disputeIn(cl)
		if w == "" {
			continue
		}
		subj := strings.TrimSpace(cl[:strings.Index(cl, w)])
		for trimmed := true; trimmed; {
			trimmed = false
			for _, a := range disputeAdverbs {
				if strings.HasSuffix(subj, a) {
					subj, trimmed = strings.TrimSuffix(subj, a), true
				}
			}
		}
		if n := utf8.RuneCountInString(subj); n >= 2 && n <= 4 && namedAsDefendant(text, subj) {
			return w, k
		}
	}
	return "", disputeFacts
}

// namedAsDefendant reports whether text names name as a defendant: right
// after 被告人, or after 、 in a list of a sentence holding 被告人.
func namedAsDefendant(text, name string) bool {
	if strings.ContainsAny(name, "，,。；;、（）() ") || containsAny(name, notDefendantSubjects[:]) {
		return false
	}
	if strings.Contains(text, "被告人"+name) {
		return true
	}
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '。' || r == '；' || r == ';' }) {
		if strings.Contains(sent, "被告人") && strings.Contains(sent, "、"+name) {
			return true
		}
	}
	return false
}

// uncompensatedWords state that the defendant has not compensated the
// victim or has not been forgiven (未赔偿被害人的经济损失, 未取得谅解).
// Neither says that no 调解 or 和解 was reached on the compensation
// (刑事诉讼法第二百二十三条第五项): the victim may have claimed nothing, or
// a settlement may be pending, so they are reviewed, not read as the bar.
// The 取得/获得/得到 forms count only in a sentence that says 谅解.
var uncompensatedWords = [...]string{"未赔偿", "没有赔偿", "尚未赔偿", "拒不赔偿", "未予赔偿", "未能赔偿", "未作赔偿", "未进行赔偿", "未退赔", "未退赃退赔",
	"未取得", "未获得", "未获", "没有取得", "未能取得", "未得到", "没有得到"}

// forgivenessWord is what 取得 and its kin must be about.
const forgivenessWord = "谅解"

// victimUncompensatedIn returns the words of the first sentence that says
// the victim was not compensated or did not forgive (uncompensatedWords),
// "" when none, when the text names no 被害人, or when it states a
// settlement reached (settlementStated).
func victimUncompensatedIn(text string) string {
	if !strings.Contains(text, "被害") || settlementStated(text) {
		return ""
	}
	for sent := range sentencesOf(text) {
		for _, w := range uncompensatedWords {
			if !strings.Contains(sent, w) {
				continue
			}
			if !strings.Contains(w, "赔") && !strings.Contains(sent[strings.Index(sent, w):], forgivenessWord) {
				continue
			}
			return strings.TrimSpace(sent)
		}
	}
	return ""
}

// foreignNationalityWords state a foreign nationality in a sentence about
// a defendant (被告人JOHN，男，美国国籍; 外籍; 无国籍).
var foreignNationalityWords = [...]string{"外籍", "外国籍", "外国人", "无国籍"}

// notDefendantPersons open another person's words in a defendant's sentence.
var notDefendantPersons = [...]string{"被害", "证人", "他人"}

// indexAny is the first index in s of any of ws, -1 when none.
func indexAny(s string, ws []string) int {
	first := -1
	for _, w := range ws {
		if i := strings.Index(s, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// nationalityWord ends a nationality (美国国籍).
const nationalityWord = "国籍"

// notForeign are the words before 国籍 that make it no foreign one (中国国籍,
// 中华人民共和国国籍), and the regions whose residents are no 外国人.
var notForeign = [...]string{"中国", "中华", "香港", "澳门", "台湾", "我国", "本国"}

// foreignDefendantIn returns the words in which a sentence naming a 被告人
// states his foreign nationality (before another person's words,
// notDefendantPersons), "" when none: one of
// foreignNationalityWords, or 国籍 after a name (up to 8 runes in its
// clause) that is not China's or a region's (notForeign). Read for the
// 1996 text's art. 20(3) (外国人犯罪的刑事案件, the intermediate court's):
// until statute round 33 only the party's flag was read.
func foreignDefendantIn(text string) string {
	for sent := range sentencesOf(text) {
		i := strings.Index(sent, "被告人")
		if i < 0 {
			continue
		}
		// The defendant's words only: from 被告人 to another person's
		// (被告人王某盗窃被害人外籍人士JOHN的手机 is the victim's).
		sent = sent[i:]
		if j := indexAny(sent, notDefendantPersons[:]); j >= 0 {
			sent = sent[:j]
		}
		for _, w := range foreignNationalityWords {
			if i := strings.Index(sent, w); i >= 0 && !negatedWithin(sent[:i], 2) {
				return w
			}
		}
		for rest := sent; ; {
			i := strings.Index(rest, nationalityWord)
			if i < 0 {
				break
			}
			before := clauseBefore(rest[:i])
			if rs := []rune(before); len(rs) > 8 {
				before = string(rs[len(rs)-8:])
			}
			if before != "" && !containsAny(before, notForeign[:]) && !negatedWithin(before, 2) {
				return before + nationalityWord
			}
			rest = rest[i+len(nationalityWord):]
		}
		if w := citizenOfIn(sent); w != "" {
			return w
		}
	}
	return ""
}

// citizenMarks state a nationality after a state's name (美国公民, 日本国公
// 民, 系韩国人): statute round 35, beside 国籍 (until then 被告人JOHN SMITH，
// 男，美国公民 kept a 1996-era case unreviewed at a basic court).
var citizenMarks = [...]string{"国公民", "国人"}

// citizenOfIn returns the words of a defendant's sentence (cut as
// foreignDefendantIn cuts it) that name him a citizen of a foreign state:
// a citizenMark after up to 8 runes of its clause that, with its 国, are no
// notForeign name (中国公民, 中华人民共和国公民, 本国人) and hold no
// negation; 国人 only at a clause's end, so 全国人大 and 外国人员 are not
// read.
func citizenOfIn(sent string) string {
	for _, m := range citizenMarks {
		for rest := sent; ; {
			i := strings.Index(rest, m)
			if i < 0 {
				break
			}
			before := clauseBefore(rest[:i])
			after := rest[i+len(m):]
			rest = after
			if rs := []rune(before); len(rs) > 8 {
				before = string(rs[len(rs)-8:])
			}
			before = strings.TrimPrefix(strings.TrimPrefix(before, "系"), "是")
			// A negation anywhere in the words (不是美国公民, 并非韩国人)
			// states no nationality: a state's name holds none of them.
			if before == "" || containsAny(before+"国", notForeign[:]) || strings.ContainsAny(before, "不非无没") {
				continue
			}
			if m == "国人" && !nameEndsAt(after) {
				continue
			}
			return before + m
		}
	}
	return ""
}

// unitMark opens a defendant unit in an allegation (被告单位杭州某某有限公司;
// 刑诉法解释第三百三十六条 ff.: the unit is a defendant of the case, its 诉讼
// 代表人 speaks for it).
const unitMark = "被告单位"

// unitDisputeIn reads a dispute of a defendant unit (被告单位…对指控的犯罪事实
// 有异议, 被告单位不认罪, 被告单位的诉讼代表人不同意量刑建议): from 被告单位 to
// the end of its clause, cut at the next 被告人, 被害 or 辩护人, read as a
// defendant's segment is (disputeIn). Statute round 34: only segments after
// 被告人 were read, and a unit's words were taken for another party's (单位,
// 公司 are notDefendantSubjects), so a unit that did not plead kept both
// simpler procedures open beside a 被告人 who did (CrPL 215(3), 223(4):
// 部分被告人 includes a defendant unit).
func unitDisputeIn(text string) (string, disputeKind) {
	for rest := text; ; {
		i := strings.Index(rest, unitMark)
		if i < 0 {
			return "", disputeFacts
		}
		seg := rest[i+len(unitMark):]
		rest = seg
		if j := strings.IndexAny(seg, "。；;，,\n"); j >= 0 {
			seg = seg[:j]
		}
		for _, stop := range [...]string{"被告人", "被害", "辩护人"} {
			if j := strings.Index(seg, stop); j >= 0 {
				seg = seg[:j]
			}
		}
		if w, k := disputeIn(seg); w != "" {
			if j := strings.Index(seg, w); j >= 0 {
				return unitMark + seg[:j+len(w)], k
			}
			return unitMark + seg, k
		}
	}
}

// claimMark opens what a defendant argues (被告人李某辩称…): statute round
// 35. Until then 辩称 was not read, so a co-defendant who 辩称其未参与盗窃
// kept both simpler procedures open (刑事诉讼法第二百一十四条第一款第二项、第二
// 百一十五条第三项、第二百二十三条第四项).
const claimMark = "辩称"

// claimSubjects may stand between 辩称 and the denial (辩称其未…, 辩称自己没有…).
var claimSubjects = [...]string{"其", "自己", "本人", "他", "她"}

// deedDenials open a denial of the deed right after 辩称 and its subject:
// 未参与, 没有盗窃, 并未实施, 不知道是赃物. 不是 and 并非 are not read: 辩称
// 其不是主犯 argues the role, which is a plea in mitigation as often.
var deedDenials = [...]string{"并没有", "没有", "并未", "从未", "从来没有", "未", "没", "不知道", "不知"}

// mitigationObjects are what a denial after 辩称 may be about without
// denying the deed: 辩称其没有前科 (a first offender), 没有能力赔偿, 没有收入.
var mitigationObjects = [...]string{"前科", "犯罪记录", "劣迹", "违法记录", "能力", "收入", "工作", "钱", "赔偿", "文化", "经验"}

// deniedDeedIn returns the words of a segment in which a defendant 辩称 he
// did not do what is charged (辩称其未参与盗窃), "" when none: 辩称 not
// negated, then a subject (claimSubjects) or none, then a deedDenials word,
// with no mitigationObjects in the rest of the clause. 辩称其系初犯 and 辩称
// 其没有前科 plead in mitigation and deny nothing.
func deniedDeedIn(seg string) string {
	for rest := seg; ; {
		i := strings.Index(rest, claimMark)
		if i < 0 {
			return ""
		}
		after := rest[i+len(claimMark):]
		rest = after
		if disputeNegated(seg[:len(seg)-len(after)-len(claimMark)]) {
			continue
		}
		cl := after
		if j := strings.IndexAny(cl, "，,。；;：:\n"); j >= 0 {
			cl = cl[:j]
		}
		body := cl
		for _, s := range claimSubjects {
			if strings.HasPrefix(body, s) {
				body = body[len(s):]
				break
			}
		}
		for _, d := range deedDenials {
			if strings.HasPrefix(body, d) && len(body) > len(d) && !containsAny(body, mitigationObjects[:]) {
				return claimMark + cl
			}
		}
	}
}
