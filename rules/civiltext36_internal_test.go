package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestForeignNameInHeadings checks the heading reader against the answers
// CPL 166 (2) and Interp. 520, 549 give: a foreign or Hong Kong, Macao or
// Taiwan body named as a party is foreign; a mainland body with foreign
// capital, an agent and a name outside a heading are not read.
func TestForeignNameInHeadings(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"被告:日本某某株式会社上海代表处。", true},
		{"原告:香港某某贸易有限公司,住所地香港。", true},
		{"第三人:美国某某公司。", true},
		{"被告:Apple Inc.。", true},
		{"被告:ABC Trading Co., Ltd.", false}, // the heading's name ends at the comma: not read
		{"原告:温州某某制衣有限公司(外商独资企业)。", false},
		{"被告:温州某某电器有限公司(中外合资经营企业)。", false},
		{"原告委托诉讼代理人:张某,某某律师事务所律师。", false},
		{"被告向日本某某株式会社采购货物。", false}, // no heading
		{"被告:", false},
		{"被告:王", false},
	} {
		if got := foreignNameInHeadings(nil, c.text); got != c.want {
			t.Errorf("foreignNameInHeadings(nil, %q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestNoDomicileInChinaStated checks the reader against CPL 2023 art. 276
// ¶1's words and the near misses: a city's 境内 (a venue question), a
// negation, no party named, an agent.
func TestNoDomicileInChinaStated(t *testing.T) {
	subjects := []string{"原告", "被告", "第三人"}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"被告在中华人民共和国领域内没有住所。", true},
		{"被告李某在中国境内无住所。", true},
		{"原告在我国境内没有住所,委托律师起诉。", true},
		{"被告在本市境内没有住所。", false},
		{"被告并非在中国境内没有住所。", false},
		{"在中华人民共和国领域内没有住所。", false},
		{"被告的代理人在中国境内没有住所。", false},
		{"被告在中国境内有住所。", false},
	} {
		if got := noDomicileInChinaStated(nil, c.text, subjects); got != c.want {
			t.Errorf("noDomicileInChinaStated(nil, %q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestActDone checks that the round-36 acts are claims when asked for and
// history when told as done.
func TestActDone(t *testing.T) {
	for _, c := range []struct {
		clause string
		want   bool
	}{
		{"判令被告开具增值税专用发票", true},
		{"判令被告在朋友圈公开道歉", true},
		{"判令被告删除侵权视频", true},
		{"原告按被告要求开具了增值税专用发票", false},
		{"被告虽已删除视频但影响仍在", false},
		{"被告已经注销该号码", false},
		{"被告曾交出过钥匙", false},
	} {
		if got := claimsAct(c.clause); got != c.want {
			t.Errorf("claimsAct(%q) = %v, want %v", c.clause, got, c.want)
		}
	}
}

// FuzzRound36Readers runs the round-36 readers on any text: they read
// complaints from outside and must not panic; a heading's foreign name
// needs a heading, and a domicile denied needs 住所.
func FuzzRound36Readers(f *testing.F) {
	for _, s := range []string{
		"被告:日本某某株式会社上海代表处。", "被告在中华人民共和国领域内没有住所。", "原告:", "被告:(", "在中国境内无住所",
		"\xff被告:\xfe", "第三人:香港", "原告按被告要求开具了发票", "已删除", strings.Repeat("被告:", 50),
	} {
		f.Add(s)
	}
	subjects := []string{"原告", "被告", "第三人"}
	f.Fuzz(func(t *testing.T, text string) {
		if foreignNameInHeadings(nil, text) && !strings.Contains(text, ":") {
			t.Errorf("foreignNameInHeadings(nil, %q) without a heading", text)
		}
		if noDomicileInChinaStated(nil, text, subjects) && !strings.Contains(text, "住所") {
			t.Errorf("noDomicileInChinaStated(nil, %q) without 住所", text)
		}
		_ = claimsAct(text)
	})
}

// TestNoDomicileInChinaAsExpression compares noDomicileInChinaAt, a scan
// back from each 住所, with the regular expression it replaced, on random
// texts made of the statement's pieces and their near misses: the same
// statements, starting at the same byte.
func TestNoDomicileInChinaAsExpression(t *testing.T) {
	expr := regexp.MustCompile(`(?:中华人民共和国|中国|我国)(?:领域内|境内)(?:没有|无)住所`)
	pieces := []string{"中华人民共和国", "中国", "我国", "华人民共和国", "国", "领域内", "境内", "域内", "内", "没有", "无", "有",
		"住所", "住", "所", "被告", "在", "并非", "。", ",", "a", "本市"}
	rnd := rand.New(rand.NewPCG(36, 2026))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rnd.IntN(14); k >= 0; k-- {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		text := b.String()
		var want, got []int
		for _, loc := range expr.FindAllStringIndex(text, -1) {
			want = append(want, loc[0])
		}
		for at := range occurrences(text, "住所") {
			if start := noDomicileInChinaAt(text, at); start >= 0 {
				got = append(got, start)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("text %q: statements start at %v, the expression's at %v", text, got, want)
		}
	}
}

// TestForeignPrefixedAsExpression compares foreignPrefixed with the
// expression it replaced on random names made of countries, brackets,
// body words and other characters.
func TestForeignPrefixedAsExpression(t *testing.T) {
	expr := regexp.MustCompile(`^(?:` + foreignCountries + `)|\((?:` + foreignCountries + `)\)`)
	pieces := append([]string{"(", ")", "((", "某某", "公司", "上海", "中国", "印", "尼西亚", "国"}, foreignCountryNames...)
	rnd := rand.New(rand.NewPCG(36, 639))
	matched := 0
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rnd.IntN(6); k >= 0; k-- {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		name := b.String()
		want := expr.MatchString(name)
		if got := foreignPrefixed(name); got != want {
			t.Fatalf("foreignPrefixed(%q) = %v, the expression says %v", name, got, want)
		}
		if want {
			matched++
		}
	}
	if matched == 0 || matched == 50000 {
		t.Fatalf("%d of 50000 names matched: the names do not exercise it", matched)
	}
}

// TestForeignNameInHeadingsByColon compares foreignNameInHeadings, one scan
// for the colon, with a search for each heading, on random texts.
func TestForeignNameInHeadingsByColon(t *testing.T) {
	byHeading := func(text string) bool {
		for _, h := range partyHeadings {
			for at := range occurrences(text, h) {
				if name := headingName(text[at+len(h):]); name != "" && (regionalName(name) || foreignBodyName(name, name)) {
					return true
				}
			}
		}
		return false
	}
	pieces := []string{"原告", "被告", "第三人", "原被告", "三人", ":", "::", ",", "。", "香港某某有限公司", "日本某某株式会社", "张三",
		"Apple Inc.", "某某公司", "(美国)", "住所地"}
	rnd := rand.New(rand.NewPCG(36, 31))
	found := 0
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rnd.IntN(10); k >= 0; k-- {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		text := b.String()
		want := byHeading(text)
		if got := foreignNameInHeadings(nil, text); got != want {
			t.Fatalf("foreignNameInHeadings(nil, %q) = %v, a search for each heading says %v", text, got, want)
		}
		if want {
			found++
		}
	}
	if found == 0 || found == 50000 {
		t.Fatalf("%d of 50000 texts name a foreign party: the texts do not exercise it", found)
	}
}

// foreignBodyNameReference is foreignBodyName as it was before a raw name
// holding a Han character was answered without folding it.
func foreignBodyNameReference(raw, folded string) bool {
	if slices.ContainsFunc(foreignBodyWords, func(w string) bool { return strings.Contains(folded, w) }) {
		return true
	}
	if slices.ContainsFunc(bodyWords, func(w string) bool { return strings.Contains(folded, w) }) && foreignPrefixed(folded) {
		return true
	}
	raw = strings.TrimSpace(norm.NFKC.String(raw))
	return !strings.ContainsFunc(raw, isHan) && foreignBodyForms.MatchString(raw)
}

// TestForeignBodyNameAsReference: foreignBodyName answers as the reference
// on random names of Latin company forms, Han and compatibility
// ideographs, Kangxi radicals, circled ideographs, full-width letters and
// spaces, and on every line of the real texts.
func TestForeignBodyNameAsReference(t *testing.T) {
	pieces := []string{"Co.,Ltd", "Inc.", "GmbH", " ", "\u3000", "Ａｃｍｅ", "ｌｔｄ", "Acme", "k.k", "\u212a.\u212a", "株式会社", "유한회사", "合同会社", "美国", "公司",
		"(", ")", "（", "）", "张", "\uf900", "\u2f00", "\u3280", "\u3038", "\u2e9f", "々", "\u0301", "\U0002f800", "\xff", "-", "limited"}
	check := func(text string) int {
		found := 0
		for _, name := range append(strings.Split(text, "\n"), text) {
			folded := foldCause(name)
			got, want := foreignBodyName(name, folded), foreignBodyNameReference(name, folded)
			if got != want {
				t.Fatalf("foreignBodyName(%q) = %v, reference %v", name, got, want)
			}
			if want {
				found++
			}
		}
		return min(found, 1)
	}
	sameOnRandomAndReal(t, 1208, pieces, 30000, 6, "name a foreign body", check)
}

// TestNFKCKeepsHan: every Han character's NFKC holds a Han character,
// alone, after a letter and before a combining mark, so that a raw name
// holding one folds to a name holding one (foreignBodyName).
func TestNFKCKeepsHan(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !isHan(r) {
			continue
		}
		n++
		for _, s := range []string{string(r), "a" + string(r), string(r) + "\u0301", string(r) + "\u3099", "\u1100" + string(r) + "\u0338"} {
			if !strings.ContainsFunc(norm.NFKC.String(s), isHan) {
				t.Fatalf("NFKC(%q) = %q holds no Han character", s, norm.NFKC.String(s))
			}
		}
	}
	t.Logf("%d Han characters", n)
}

// TestForeignBodyWordsEnd: every foreignBodyWords word holds 会社 or 회사,
// which foreignBodyName asks first.
func TestForeignBodyWordsEnd(t *testing.T) {
	for _, w := range foreignBodyWords {
		if !strings.Contains(w, "会社") && !strings.Contains(w, "회사") {
			t.Errorf("foreignBodyWords: %q holds neither 会社 nor 회사", w)
		}
	}
}
