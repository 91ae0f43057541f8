package rules

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

func TestChineseCount(t *testing.T) {
	for s, want := range map[string]int{
		"15": 15, "十": 10, "十二": 12, "二十": 20, "二十五": 25, "两": 2, "一百零五": 105, "一百": 100, "三百二十": 320,
		"": 0, "十x": 0, "abc": 0,
	} {
		if got := chineseCount(s); got != want {
			t.Errorf("chineseCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestPersonsNamed(t *testing.T) {
	for name, want := range map[string]int{
		"张三等15人": 15, "李某等十二人": 12, "王某等二十名": 20, "张三": 1, "张三、李四、王五": 3,
		"温州市某某贸易有限公司": 1, "某某建设、安装工程有限公司": 1, "张三等": 1,
		"张三、李四": 2, "张三、": 1, "、": 1, "、张三": 1, "张三、、李四": 1, "赵某1、赵某2、赵某3、赵某4": 4,
	} {
		if got := personsNamed(name); got != want {
			t.Errorf("personsNamed(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestStatedUnnegated(t *testing.T) {
	for text, want := range map[string]bool{
		"被告下落不明": true, "被告并非下落不明": false, "被告不是下落不明，而是拒不还款": false,
		"被告并非下落不明；第三人下落不明": true, "": false,
	} {
		if got := statedUnnegated(nil, text, "下落不明"); got != want {
			t.Errorf("statedUnnegated(nil, %q) = %v, want %v", text, got, want)
		}
	}
}

func TestReadClaims(t *testing.T) {
	for _, tc := range []struct {
		text string
		want ClaimsReading
	}{
		{"诉讼请求：1.判令被告偿还借款30000元及利息；2.诉讼费由被告承担。事实与理由：被告借款500000元。", ClaimsReading{MaxFen: 3_000_000, SumFen: 3_000_000}},
		{"诉讼请求：判令被告返还车辆一台并赔偿5000元。", ClaimsReading{NonMoney: true, MaxFen: 500_000, SumFen: 500_000}},
		{"诉讼请求：判令被告支付货款88,926.00元、违约金1.5万元。", ClaimsReading{MaxFen: 8_892_600, SumFen: 10_392_600}},
		{"诉讼请求：判令被告支付货款5000美元。", ClaimsReading{MaxFen: 0, ForeignCurrency: true}},
		{"原告诉称：被告借款20000元未还，故诉至法院，要求被告还款5000元。", ClaimsReading{MaxFen: 500_000, SumFen: 500_000}},
		{"原告诉称：原告曾要求解除合同。", ClaimsReading{NonMoney: true}},
		{"原告诉称：被告于2023年解除合同。", ClaimsReading{}},
		{"诉讼请求：判令被告返还原告借款5000元；被继承人的债务由被告清偿。", ClaimsReading{MaxFen: 500_000, SumFen: 500_000}},
		// Generated filings at merge: facts after 理由如下 are no claims; a
		// marker inside a sentence heads nothing; 起诉请求 reads as unmarked.
		{"诉讼请求：1.判令被告支付租金5000元；2.诉讼费由被告负担，理由如下：被告在微信中确认了欠款金额。", ClaimsReading{MaxFen: 500_000, SumFen: 500_000}},
		{"原告诉称：被告支付5000元，原告已在诉讼请求中予以扣除。被告在微信中确认了欠款金额。请求判令被告支付租金8000元。", ClaimsReading{MaxFen: 800_000, SumFen: 800_000}},
		{"原告向本院起诉请求：\n（1）判令被告归还借款4300元。\n（2）诉讼费由被告承担。原告依约交付借款，被告确认了欠款金额。", ClaimsReading{MaxFen: 430_000, SumFen: 430_000}},
		{"【诉讼请求】解除合同。", ClaimsReading{NonMoney: true}},
		{"", ClaimsReading{}},
	} {
		if diff := cmp.Diff(tc.want, readClaims(tc.text)); diff != "" {
			t.Errorf("readClaims(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// FuzzReadClaims: the readers of a filing's text and party names take any
// string without panicking, read a text and its folded form alike, and
// never find a negative sum.
func FuzzReadClaims(f *testing.F) {
	for _, s := range []string{
		"诉讼请求：1.判令被告偿还借款30000元；2.返还车辆。事实与理由：被告下落不明，请求公告送达。",
		"原告张三等15人诉被告", "張三等十二人", "返还", "返还,", "9999999999999999999万元", "1,000,000.5元", "等百人", "\xff元",
		"事实与理由诉讼请求", "香港(", "(香港)某公司",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cr := readClaims(s)
		if cr.MaxFen < 0 {
			t.Fatalf("readClaims(%q).MaxFen = %d", s, cr.MaxFen)
		}
		if again := readClaims(foldCause(s)); again != cr {
			t.Fatalf("readClaims(%q) = %+v, of its folded form %+v", s, cr, again)
		}
		fl := &triagev1.Filing{Text: s, Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Name: s},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Name: strings.ToUpper(s)},
		}}
		if r := civilReadingOf(fl, hanscan.NewText(foldCause(s))); r.plaintiffs < 0 || r.defendants < 0 {
			t.Fatalf("civilReadingOf(%q) = %+v", s, r)
		}
	})
}

// TestNumeralYuan: sums in Chinese numerals (statute round 23b), and what
// is no one sum.
func TestNumeralYuan(t *testing.T) {
	for s, want := range map[string]int64{
		"五千": 5000, "伍仟": 5000, "三万五千": 35000, "两万": 20000, "十万": 100000, "二十万": 200000,
		"壹拾贰万叁仟肆佰伍拾陆": 123456, "一万零五百": 10500, "一亿二千万": 120_000_000, "3万5千": 35000, "5000": 5000,
		"1000万": 10_000_000, "五十": 50,
		// No one sum: a bare unit, a guess, digits run together, too large.
		"万": -1, "千": -1, "三四万": -1, "5三": -1, "三5": -1, "": -1, "九千九百九十九万亿亿": -1,
		"99999999999999": -1, "x": -1,
	} {
		got, ok := numeralYuan(s)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("numeralYuan(%q) = %d (ok %v), want %d", s, got, ok, want)
		}
	}
}

// TestMaxNumeralFen: a claims clause's largest sum in Chinese numerals;
// the tail of a sum in digits is not one.
func TestMaxNumeralFen(t *testing.T) {
	for s, want := range map[string]int64{
		"偿还借款5000元(大写:伍仟元整)": 500_000, "偿还借款五十万元": 50_000_000, "违约金1.5万元": 0,
		"货款88,926.00元": 0, "每万元": 0, "几十万元": 10_000_000, "": 0,
	} {
		if got := maxNumeralFen(s); got != want {
			t.Errorf("maxNumeralFen(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzNumeralYuan: the numeral reader takes any string without panicking,
// never reads a negative sum or one above its bound, and reads a string
// of digits as strconv does.
func FuzzNumeralYuan(f *testing.F) {
	for _, s := range []string{"五千", "壹拾贰万叁仟", "3万5千", "九千九百九十九万亿亿", "99999999999999", "十十十十", "亿亿亿", "\xff", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, ok := numeralYuan(s)
		if y < 0 || y > maxNumeralYuan || (!ok && y != 0) {
			t.Fatalf("numeralYuan(%q) = %d, %v", s, y, ok)
		}
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 && n <= maxNumeralYuan && s[0] >= '0' && s[0] <= '9' && (!ok || y != n) {
			t.Fatalf("numeralYuan(%q) = %d, %v; strconv reads %d", s, y, ok, n)
		}
		if f := maxNumeralFen(s); f < 0 {
			t.Fatalf("maxNumeralFen(%q) = %d", s, f)
		}
	})
}

// TestPartySubject: whom a statement is said of (statute round 23b).
func TestPartySubject(t *testing.T) {
	for text, want := range map[string]bool{
		"被告下落不明": true, "被告向原告借款后下落不明": true, "原告之父下落不明": false, "证人下落不明": false,
		"被告之父下落不明": false, "下落不明": false, "被告借款后未还。此后下落不明": true,
	} {
		if got := partySubject(text, strings.LastIndex(text, "下落不明"), []string{"被告"}); got != want {
			t.Errorf("partySubject(%q) = %v, want %v", text, got, want)
		}
	}
}

// randomText is a text of n pieces drawn from pieces, for comparing a
// scanner with the expression it replaces.
func randomText(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// TestSideCounts: sideCounts finds what its expression finds, in random
// texts of the words and marks it reads and a few others.
func TestSideCounts(t *testing.T) {
	re := regexp.MustCompile(`(原告|被告)[^,;:。.!?()\n]{0,30}?等([0-9]+|[一二两三四五六七八九十百]+)(?:人|名)`)
	pieces := []string{"原告", "被告", "原", "告", "等", "1", "25", "十", "二", "两百", "人", "名", ",", "。", ";", "(", "\n", "张三", "x", "\xff", "被告人", "李四等", "零",
		// Runes the gap reads by their bytes or decodes: the other E3 runes
		// beside 。, E0 and ED leads, a cut character, a two- and a
		// four-byte rune.
		"、", "\u3000", "\u0800", "\ud7ff", "\xe5\x85", "\xe3", "é", "𠀀"}
	rng := rand.New(rand.NewPCG(23, 13))
	found := 0
	for i := range 200000 {
		text := randomText(rng, pieces, 1+i%60)
		var want [][2]string
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			want = append(want, [2]string{m[1], m[2]})
		}
		got := sideCounts(text)
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("sideCounts(%q) (-expression +scanner):\n%s", text, d)
		}
		found += len(got)
	}
	if found < 1000 {
		t.Fatalf("only %d counts found in the random texts: the test reads too little", found)
	}
}

// TestNonMoneyClaims: nonMoneyClaims finds what its expression, built from
// the same words, finds, in random texts of the words, their parts and a
// few others.
func TestNonMoneyClaims(t *testing.T) {
	var words []string
	for _, w := range nonMoneyWords {
		if w.then != nil {
			words = append(words, regexp.QuoteMeta(w.word)+`.{0,12}(`+strings.Join(w.then, "|")+`)`)
			continue
		}
		words = append(words, regexp.QuoteMeta(w.word))
	}
	re := regexp.MustCompile(`(` + strings.Join(nonMoneyDenials, "|") + `)(向.{0,12})?(` + strings.Join(nonMoneyOwed, "|") + `)|` +
		strings.Join(words, "|"))
	pieces := []string{"向", "被告", "x", "\n", "\xff", "元", "款", "停止", "办理", "登记", "手续", "过户", "无需", "不应", "支付", "赔偿",
		"返还", "归还", "离婚", "离", "婚", "解", "除", "协助办理", "协助", "排除妨害", "排除"}
	for _, w := range nonMoneyWords {
		pieces = append(pieces, w.word)
	}
	rng := rand.New(rand.NewPCG(23, 14))
	found := 0
	for i := range 100000 {
		text := randomText(rng, pieces, 1+i%40)
		var want [][2]int
		for _, loc := range re.FindAllStringIndex(text, -1) {
			want = append(want, [2]int{loc[0], loc[1]})
		}
		got := nonMoneyClaims(text)
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("nonMoneyClaims(%q) (-expression +scanner):\n%s", text, d)
		}
		found += len(got)
	}
	if found < 1000 {
		t.Fatalf("only %d acts found in the random texts: the test reads too little", found)
	}
	// And every real text, folded as Decide folds it (nonMoneyFirst's
	// bits, in place of a map, are asked at each of its runes).
	t.Run("real", func(t *testing.T) {
		for _, text := range realTexts(t) {
			text = foldCause(text)
			var want [][2]int
			for _, loc := range re.FindAllStringIndex(text, -1) {
				want = append(want, [2]int{loc[0], loc[1]})
			}
			if d := cmp.Diff(want, nonMoneyClaims(text)); d != "" {
				t.Fatalf("nonMoneyClaims(%q) (-expression +scanner):\n%s", text, d)
			}
		}
	})
}

// benchComplaint is a civil complaint of 1,000 characters written as filings
// are: full-width punctuation, line breaks, sums in digits and numerals, a
// side's count, a return of a thing.
func benchComplaint() string {
	const part = "诉讼请求：\n1．判令被告偿还借款30，000元及利息（按年利率3.85％计算至实际返还之日）；\n2．判令被告返还车辆一台，赔偿损失伍仟元整；\n" +
		"3．本案诉讼费由被告承担。\n事实与理由：\n原告张三等3人与被告李四系朋友关系，被告于2023年5月向原告借款，约定三个月内归还。到期后原告多次催讨，被告以各种理由推脱，至今分文未还。\n"
	var b strings.Builder
	for utf8.RuneCountInString(b.String()) < 1000 {
		b.WriteString(part)
	}
	return string([]rune(b.String())[:1000])
}

// BenchmarkCivilTextReaders is each step of readCivil's reading of a
// 1,000-character complaint (issue 13): the fold (and the general fold,
// which every text took until 2026-12-05), the claims, the party and text
// reading, and the facts of this case (rounds 25, 26).
func BenchmarkCivilTextReaders(b *testing.B) {
	raw := benchComplaint()
	text := foldCause(raw)
	f := &triagev1.Filing{Text: raw, Parties: []*triagev1.Party{
		{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Name: "张三"},
		{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Name: "李四"},
	}}
	for _, bc := range []struct {
		name string
		run  func()
	}{
		{"fold", func() { foldCause(raw) }},
		{"fold-general", func() { foldGeneral(raw) }}, // what the fold cost before the per-rune table
		{"claims", func() { readFoldedClaims(nil, text) }},
		{"reading", func() { civilReadingOf(f, hanscan.NewText(text)) }},
		{"case-facts", func() { readFoldedCaseFacts(hanscan.NewText(text)) }}, // rounds 25 and 26 (civilcasetext*.go)
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bc.run()
			}
		})
	}
}

// claimsPieces are the words, marks and bytes the claims' scanners read,
// their parts and a few others, for random texts: digits, separators and
// decimal points, the units, the numerals, a lone lead byte and a cut
// character (invalid UTF-8), the clause separators.
var claimsPieces = []string{
	"1", "25", "000", "0", ",", ".", "元", "万", "万元", "币", "镑", "美元", "亿", "五", "千", "伍", "仟", "十", "零", "〇", "两",
	"整", "人民币", "借款", "x", " ", "\xff", "\xe5\x85", "\xe3", ";", "。", "\n", "!", "?", "；", "：", "(", "大写",
}

// TestNextYuanSum: nextYuanSum finds, one after another, the sums the
// expression it replaces finds, in random texts of claimsPieces.
func TestNextYuanSum(t *testing.T) {
	re := regexp.MustCompile(`([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(万元|万|元)`)
	rng := rand.New(rand.NewPCG(26, 1))
	found := 0
	for i := range 150000 {
		text := randomText(rng, claimsPieces, 1+i%40)
		var want, got [][2]string
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			want = append(want, [2]string{m[1], m[2]})
		}
		for at := 0; ; {
			num, unit, end, ok := nextYuanSum(text, at)
			if !ok {
				break
			}
			got = append(got, [2]string{num, unit})
			at = end
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("nextYuanSum(%q) (-expression +scanner):\n%s", text, d)
		}
		found += len(got)
	}
	if found < 10000 {
		t.Fatalf("only %d sums found in the random texts: the test reads too little", found)
	}
}

// TestNumeralSums: numeralSums finds where the expression it replaces
// matches, in random texts of claimsPieces.
func TestNumeralSums(t *testing.T) {
	re := regexp.MustCompile(`[0-9零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿]+元`)
	rng := rand.New(rand.NewPCG(26, 2))
	found := 0
	for i := range 150000 {
		text := randomText(rng, claimsPieces, 1+i%40)
		var want [][2]int
		for _, loc := range re.FindAllStringIndex(text, -1) {
			want = append(want, [2]int{loc[0], loc[1]})
		}
		got := numeralSums(text, nil)
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("numeralSums(%q) (-expression +scanner):\n%s", text, d)
		}
		found += len(got)
	}
	if found < 10000 {
		t.Fatalf("only %d sums found in the random texts: the test reads too little", found)
	}
}

// TestNextClause: the non-empty clauses nextClause cuts are
// strings.FieldsFunc's at the separators, and holdsSumUnit is
// strings.ContainsAny of the units, in random texts of claimsPieces.
func TestNextClause(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 3))
	for i := range 150000 {
		text := randomText(rng, claimsPieces, i%40)
		want := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(clauseSeparators, r) })
		got := []string{} // as FieldsFunc's, never nil
		for rest := text; rest != ""; {
			var cl string
			cl, rest = nextClause(rest)
			if cl != "" {
				got = append(got, cl)
			}
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("clauses of %q (-FieldsFunc +nextClause):\n%s", text, d)
		}
		if got, want := holdsSumUnit(text), strings.ContainsAny(text, "元万币镑"); got != want {
			t.Fatalf("holdsSumUnit(%q) = %v, strings.ContainsAny %v", text, got, want)
		}
	}
}

// TestUnnegatedPhraseAt: the phrase search finds where the expression of
// the phrase alone does, negated or not, in random texts of the phrase,
// its parts and the negations.
func TestUnnegatedPhraseAt(t *testing.T) {
	re := regexp.MustCompile(regexp.QuoteMeta(whereaboutsPhrase))
	pieces := append([]string{whereaboutsPhrase, "下落", "不明", "下", "明", "被告", "。", "\xff", "\xe4\xb8"}, negations...)
	rng := rand.New(rand.NewPCG(26, 5))
	found := 0
	for i := range 100000 {
		text := randomText(rng, pieces, i%30)
		want, got := unnegatedAt(text, re), unnegatedPhraseAt(nil, text, whereaboutsPhrase)
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("unnegatedPhraseAt(nil, %q) (-expression +search):\n%s", text, d)
		}
		found += len(got)
	}
	if found < 1000 {
		t.Fatalf("only %d phrases found in the random texts: the test reads too little", found)
	}
}

// TestSentencesOf: sentencesOf's byte scan yields the sentences a rune test
// against sentenceBreaks yields, on random texts of the breaks, their
// neighbours in UTF-8 (other E3 and EF runes, a stray lead byte) and
// ideographs.
func TestSentencesOf(t *testing.T) {
	pieces := []string{"。", "；", ";", "!", "?", "！", "？", "\n", "，", "、", "：", "（", "｜", "\uff61", "\u3001",
		"被告", "原告", "x", " ", "\xe3", "\xef", "\xef\xbc", "\xe3\x80", "\xff", "反请求"}
	rng := rand.New(rand.NewPCG(26, 7))
	for i := range 100000 {
		text := randomText(rng, pieces, i%30)
		want := []string{}
		for s := range strings.FieldsFuncSeq(text, func(r rune) bool { return strings.ContainsRune(sentenceBreaks, r) }) {
			want = append(want, s)
		}
		got := []string{}
		for s := range sentencesOf(text) {
			got = append(got, s)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("sentences of %q (-FieldsFuncSeq +sentencesOf):\n%s", text, d)
		}
	}
}

// TestCitizenNamed: the 公民 of a 公民身份号码 does not send a text through
// foreignMarker (statute round 32's prefilter); any other 公民 does.
func TestCitizenNamed(t *testing.T) {
	for s, want := range map[string]bool{
		"被告李四,公民身份号码330302199001011234。": false,
		"原告系美国公民。":                       true,
		"公民身份号码:1;被告系日本公民。":              true,
		"":   false,
		"公民": true,
		"原告张三,公民身份证号码3303,被告,公民身份号码3304。": false,
	} {
		if got := citizenNamed(nil, s); got != want {
			t.Errorf("citizenNamed(nil, %q) = %v, want %v", s, got, want)
		}
	}
}

// TestSideCountsInGate: sideCountsIn, which walks only a text holding 等,
// a count and 人 or 名, finds what sideCounts finds, on random texts of
// TestSideCounts' pieces (counts in digits and numerals, a 等 with no
// count, cut and odd runes) and on the real texts, folded as Decide folds
// them.
func TestSideCountsInGate(t *testing.T) {
	pieces := []string{"原告", "被告", "等", "1", "25", "十", "二", "两百", "人", "名", ",", "。", "张三", "x", "\xff", "李四等", "零",
		"原因", "、", "\xe5\x85", "é", "𠀀", "等人", "等十", "名"}
	check := func(text string) int {
		text = foldCause(text)
		got, want := sideCountsIn(hanscan.NewText(text), text), sideCounts(text)
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("sideCountsIn(%q) (-sideCounts +gated):\n%s", text, d)
		}
		return len(want)
	}
	sameOnRandomAndReal(t, 1207, pieces, 30000, 40, "count a side", check)
}
