package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// domicileAbroadRef is domicileAbroadStated by the expression its doc
// comment gives, for TestDomicileAbroadStated to compare the scanner with.
var domicileAbroadRef = regexp.MustCompile(`(?:住所地|户籍所在地|户籍地|经常居住地|住所|住址|住)(?:位于|在|为|于|:)?(?:中国)?` + abroadPlace)

func domicileAbroadStatedRef(text string, subjects []string) bool {
	for _, m := range domicileAbroadRef.FindAllStringSubmatchIndex(text, -1) {
		before, after := text[:m[0]], text[m[3]:]
		if slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
			continue
		}
		bare := strings.HasPrefix(text[m[0]:], "住") && !strings.HasPrefix(text[m[0]:], "住所") && !strings.HasPrefix(text[m[0]:], "住址")
		if bare && slices.ContainsFunc(stayBefore[:], func(w string) bool { return strings.HasSuffix(before, w) }) {
			continue
		}
		if prefixIn(after, placeNameAfter[:]) > 0 {
			continue
		}
		if partySubject(text, m[0], subjects) {
			return true
		}
	}
	return false
}

// TestDomicileAbroadStated checks the scanner against the expression and
// the answers the law gives (CPL 166 (2); Interp. 520 (2), 549).
func TestDomicileAbroadStated(t *testing.T) {
	subjects := []string{"原告", "被告", "第三人"}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"被告陈某,住台湾地区台北市信义区。", true},
		{"被告住所地:中国香港九龙弥敦道1号。", true},
		{"被告李某,住所地为美国纽约州。", true},
		{"被告何某,住澳门特别行政区。", true},
		{"被告王某,户籍地为香港。", true},
		{"被告王某,户籍所在地台湾。", true},
		{"被告王某,经常居住地在日本东京。", true},
		{"被告王某,住址:新加坡。", true},
		{"被告王某居住在美国。", false},
		{"被告王某暂住香港。", false},
		{"被告王某,住温州市鹿城区香港路1号。", false},
		{"被告王某,住香港路1号。", false},
		{"被告王某并非住香港。", false},
		{"原告的委托诉讼代理人李某住香港。", false},
		{"被告王某,住温州市鹿城区。", false},
		{"住香港。", false}, // no party named before
	} {
		got, ref := domicileAbroadStated(nil, c.text, subjects), domicileAbroadStatedRef(c.text, subjects)
		if got != c.want || ref != c.want {
			t.Errorf("%s: scanner %v, expression %v, want %v", c.text, got, ref, c.want)
		}
	}
}

// plaintiffHeadingRef is the expression headingName and publicPlaintiffInText
// replaced, anchored: TestHeadingNameAsExpression runs it at every heading,
// wherever one begins. Run over the text (FindAll), it skipped a heading
// whose "原告" ended the name before it ("原告:张三原告:…"); the scanner
// reads that one too, which only adds a public-interest answer.
var plaintiffHeadingRef = regexp.MustCompile(`^(?:原告|公益诉讼起诉人):([^,;。:()]{2,40})`)

// TestHeadingNameAsExpression: the scanner reads the plaintiffs' headings
// the expression read — the same names, and the same public-interest
// answer — in random texts of headings, names, the marks that end a name
// and runes of every width (an invalid byte, a cut character), and in the
// real filings' texts.
func TestHeadingNameAsExpression(t *testing.T) {
	check := func(text string) {
		t.Helper()
		var want []string
		for i := range len(text) {
			if m := plaintiffHeadingRef.FindStringSubmatch(text[i:]); m != nil {
				want = append(want, m[1])
			}
		}
		var got []string
		for _, h := range plaintiffHeadings {
			for rest := text; ; {
				i := strings.Index(rest, h)
				if i < 0 {
					break
				}
				rest = rest[i+len(h):]
				if name := headingName(rest); name != "" {
					got = append(got, name)
				}
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: scanner names %q, expression %q", text, got, want)
		}
		wantPublic := slices.ContainsFunc(want, publicInterestPlaintiff)
		if got := publicPlaintiffInText(nil, text); got != wantPublic {
			t.Fatalf("%q: publicPlaintiffInText = %v, expression %v", text, got, wantPublic)
		}
	}
	pieces := []string{"原告:", "公益诉讼起诉人:", "支持起诉人:", "原告", "起诉人:", "被告:", ":", ",", ";", "。", "(", ")",
		"张", "三", "中国消费者协会", "人民检察院", "浙江省消费者权益保护委员会", "某某有限公司", "\n", " ", "、",
		"\xff", "\xe5\x85", "é", "𠀀", "abcdefghij"}
	rng := rand.New(rand.NewPCG(35, 2))
	public := 0
	for i := range 100000 {
		text := randomText(rng, pieces, 1+i%40)
		if publicPlaintiffInText(nil, text) {
			public++
		}
		check(text)
	}
	if public < 1000 {
		t.Fatalf("only %d of 100,000 random texts name a public-interest plaintiff: the pieces no longer test the reading", public)
	}
	for _, long := range []string{"原告:" + strings.Repeat("某", 39) + "消费者协会", "原告:" + strings.Repeat("某", 30) + "消费者协会"} {
		check(long)
	}
	t.Run("real filings", func(t *testing.T) {
		for _, text := range realTexts(t) {
			check(foldCause(text))
		}
	})
}
