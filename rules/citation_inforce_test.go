package rules_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Audit of citations by era (2026-12-05): every reason a decision gives
// names the article of a text in force on the filing date, and an article
// of the texts in /work/shared/law exists with the paragraph (款) and item
// (项) the citation names. The tables below are what was in force; where
// the text is not in /work/shared/law the comment names the source.

// lawInForce is a text as the reasons name it — its short name and the
// qualifier in full-width brackets, none for the text now in force — and
// the days it was in force, [from, until) ("" until: still in force).
var lawInForce = map[string][2]string{
	// CPL: 2012 amendment in force 2013-01-01, 2017 amendment 2017-07-01
	// (art. 55 ¶2 added, no renumbering), 2021 amendment 2022-01-01
	// (renumbered: 157 → 160, 162 → 165, 270 → 277), 2023 amendment
	// 2024-01-01 (civil-procedure-law-2023.md; 277 → 287).
	"民事诉讼法（2012年修正）":       {"2013-01-01", "2017-07-01"},
	"民事诉讼法（2012年、2017年修正）": {"2013-01-01", "2022-01-01"},
	// A decision names the amendment of its filing date where its reasons
	// cite art. 162 (statute round 34, oneNameForArticle162).
	"民事诉讼法（2017年修正）": {"2017-07-01", "2022-01-01"},
	"民事诉讼法（2021年修正）": {"2022-01-01", "2024-01-01"},
	"民事诉讼法":          {"2022-01-01", ""}, // per article: cplSince
	// CPL Interpretation: 法释〔2015〕5号 in force 2015-02-04 (its 2020
	// amendment, in force 2021-01-01, kept the numbering: docs/statutes.md,
	// round 13), the 2022 revision 2022-04-10 (civil-procedure-
	// interpretation-2022.md, its header).
	"民诉法解释（2015年）": {"2015-02-04", "2022-04-10"},
	"民诉法解释":        {"2022-04-10", ""}, // per article: interpSince
	// CrPL: 2012 amendment 2013-01-01, 2018 amendment 2018-10-26
	// (criminal-procedure-law-2018.md; 208–210 → 214–216, fast-track
	// 222–226 new).
	"刑事诉讼法（2012年修正）": {"2013-01-01", "2018-10-26"},
	"刑事诉讼法（2018年修正）": {"2018-10-26", ""},
	"刑事诉讼法":          {"2018-10-26", ""},
	// CrPL Interpretation: 法释〔2012〕21号 2013-01-01 to 2021-02-28, 法释
	// 〔2021〕1号 from 2021-03-01 (criminal-procedure-interpretation-2021.md).
	"刑诉法解释（2012年）": {"2013-01-01", "2021-03-01"},
	"刑诉法解释":        {"2021-03-01", ""},
	// ALL: 1989 text to 2015-04-30, 2014 amendment from 2015-05-01, 2017
	// amendment 2017-07-01 (administrative-litigation-law-2017.md: it
	// added art. 25 ¶4 only, so arts. 81–83 kept their numbers).
	"行政诉讼法（1989年）":   {"1990-10-01", "2015-05-01"},
	"行政诉讼法（2014年修正）": {"2015-05-01", ""},
	"行政诉讼法":          {"2015-05-01", ""},
	// 法释〔2018〕1号, in force 2018-02-08.
	"行诉法解释": {"2018-02-08", ""},
	// 人民陪审员法, in force 2018-04-27 (its art. 32).
	"人民陪审员法": {"2018-04-27", ""},
}

// cplSince and interpSince are the articles of the current texts whose
// number (and content) held before the current text: cited without a
// qualifier, they are right from that day. CPL 2021 and 2023 number alike
// up to the foreign-related part (the 2023 amendment's new articles came
// there, 277 → 287; civil-procedure-law-2023.md); Interp. 2015 arts. 75,
// 140 and 257 have today's numbers and words (the codes' era tables,
// docs/statutes.md round 13; civil-procedure-interpretation-2022.md).
var (
	cplSince    = map[int]string{287: "2024-01-01"}
	interpSince = map[int]string{75: "2015-02-04", 140: "2015-02-04", 257: "2015-02-04"}
)

// notInForceCodes say that a procedure did not exist on the filing date,
// naming the later text that created it; the later text is their point.
var notInForceCodes = []string{"CPL162_NOT_IN_FORCE", "ALL82_NOT_IN_FORCE", "CRPL222_NOT_IN_FORCE", "CRPL1996_174_NOT_IN_FORCE", "MSPL98_NOT_IN_FORCE"}

// lawFiles are the texts in /work/shared/law that the unqualified names
// cite.
var lawFiles = map[string]string{
	"民事诉讼法":          "civil-procedure-law-2023.md",
	"民诉法解释":          "civil-procedure-interpretation-2022.md",
	"刑事诉讼法":          "criminal-procedure-law-2018.md",
	"刑诉法解释":          "criminal-procedure-interpretation-2021.md",
	"行政诉讼法":          "administrative-litigation-law-2017.md",
	"行诉法解释":          "administrative-litigation-interpretation-2018.md",
	"刑事诉讼法（2018年修正）": "criminal-procedure-law-2018.md",
	"行政诉讼法（2014年修正）": "administrative-litigation-law-2017.md",
}

var (
	qualifierRE = regexp.MustCompile(`^\d{4}年(、\d{4}年)?(修正)?$`)
	lawNameRE   = regexp.MustCompile(`^(民事诉讼法|民诉法解释|刑事诉讼法|刑诉法解释|行政诉讼法|行诉法解释|人民陪审员法)(（[^）]*）)?`)
	articleRE   = regexp.MustCompile(`第([一二三四五六七八九十百零]+)条((?:第[一二三四五六七八九十]+款)?)((?:第[一二三四五六七八九十]+项(?:、第[一二三四五六七八九十]+项)*)?)`)
	numberRE    = regexp.MustCompile(`第([一二三四五六七八九十]+)[款项]`)
)

// citedArticle is one article a citation names.
type citedArticle struct {
	law     string // name and qualifier, a key of lawInForce
	article int
	para    int   // 0: none named
	items   []int // none named: empty
}

// stripAnnotations drops the bracketed asides that name another era's
// article ("（2022年1月1日前为第一百五十七条）", "（2021年3月1日起施行）") and
// keeps the qualifiers that say which text is cited ("（2012年、2017年修正）").
func stripAnnotations(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "（")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.Index(s[i:], "）")
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		inner := s[i+len("（") : i+j]
		b.WriteString(s[:i])
		if qualifierRE.MatchString(inner) {
			b.WriteString(s[i : i+j+len("）")])
		}
		s = s[i+j+len("）"):]
	}
}

// citedArticles parses a reason's citation. A segment (between "；")
// that does not open with one of lawInForce's names (法发, 若干规定, the
// 1992 意见, 刑法, …) is no text this audit tables and is skipped.
func citedArticles(tb testing.TB, citation string) []citedArticle {
	tb.Helper()
	var out []citedArticle
	for _, seg := range strings.Split(stripAnnotations(citation), "；") {
		seg = strings.TrimSpace(seg)
		m := lawNameRE.FindStringSubmatch(seg)
		if m == nil {
			continue
		}
		law := m[0]
		if _, ok := lawInForce[law]; !ok {
			tb.Errorf("citation %q: %q is not in lawInForce", citation, law)
			continue
		}
		for _, a := range articleRE.FindAllStringSubmatch(seg[len(m[0]):], -1) {
			c := citedArticle{law: law, article: chineseNumber(tb, a[1])}
			if a[2] != "" {
				c.para = chineseNumber(tb, numberRE.FindStringSubmatch(a[2])[1])
			}
			for _, it := range numberRE.FindAllStringSubmatch(a[3], -1) {
				c.items = append(c.items, chineseNumber(tb, it[1]))
			}
			out = append(out, c)
		}
	}
	return out
}

// chineseNumber reads 一 … 九百九十九.
func chineseNumber(tb testing.TB, s string) int {
	tb.Helper()
	digit := map[rune]int{'零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		switch r {
		case '百':
			n += max(cur, 1) * 100
			cur = 0
		case '十':
			n += max(cur, 1) * 10
			cur = 0
		default:
			d, ok := digit[r]
			if !ok {
				tb.Fatalf("not a number: %q", s)
			}
			cur = d
		}
	}
	return n + cur
}

// statuteArticle is an article of a text in /work/shared/law: its
// paragraphs, each with the items listed under it.
type statuteArticle struct{ items []int } // items[i]: the items of paragraph i+1

var statuteHeadRE = regexp.MustCompile(`^第([一二三四五六七八九十百零]+)条[ 　]`)

// readStatute reads a text of /work/shared/law into its articles.
func readStatute(tb testing.TB, file string) map[int]*statuteArticle {
	tb.Helper()
	f, err := os.Open(filepath.Join("/work/shared/law", file))
	if err != nil {
		tb.Skipf("statute texts not available: %v", err)
	}
	defer f.Close()
	arts := map[int]*statuteArticle{}
	var cur *statuteArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.ReplaceAll(sc.Text(), "\u200b", ""))
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			cur = nil
		case statuteHeadRE.MatchString(line):
			n := chineseNumber(tb, statuteHeadRE.FindStringSubmatch(line)[1])
			cur = &statuteArticle{items: []int{0}}
			arts[n] = cur
		case cur == nil:
		case strings.HasPrefix(line, "（"):
			cur.items[len(cur.items)-1]++
		default:
			cur.items = append(cur.items, 0)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return arts
}

// citationProblems lists what is wrong with a reason's citation on a
// filing of that day: a text not in force, an article renumbered since,
// or (for the texts held) an article, paragraph or item that is not there.
func citationProblems(tb testing.TB, statutes map[string]map[int]*statuteArticle, r *triagev1.Reason, day string) []string {
	tb.Helper()
	if slices.Contains(notInForceCodes, r.GetCode()) {
		return nil
	}
	var out []string
	for _, c := range citedArticles(tb, r.GetArticle()) {
		span := lawInForce[c.law]
		from := span[0]
		switch c.law {
		case "民事诉讼法":
			if d, ok := cplSince[c.article]; ok {
				from = d
			}
		case "民诉法解释":
			if d, ok := interpSince[c.article]; ok {
				from = d
			}
		}
		if day < from || (span[1] != "" && day >= span[1]) {
			out = append(out, fmt.Sprintf("%s第%d条 not in force on %s (in force %s to %s)", c.law, c.article, day, from, span[1]))
		}
		file, ok := lawFiles[c.law]
		if !ok {
			continue
		}
		art := statutes[file][c.article]
		switch {
		case art == nil:
			out = append(out, fmt.Sprintf("%s第%d条 is not in %s", c.law, c.article, file))
			continue
		case c.para > len(art.items):
			out = append(out, fmt.Sprintf("%s第%d条 has %d paragraphs, cited 第%d款", c.law, c.article, len(art.items), c.para))
			continue
		}
		n := art.items[max(c.para, 1)-1]
		if c.para == 0 {
			n = 0
			for _, k := range art.items {
				n += k
			}
		}
		for _, it := range c.items {
			if it > n {
				out = append(out, fmt.Sprintf("%s第%d条 (款 %d) has %d items, cited 第%d项", c.law, c.article, c.para, n, it))
			}
		}
	}
	return out
}

// TestCitationsInForce runs the fixtures of each kind, alone and with each
// circumstance the reasons hang on, filed in each era, and checks every
// reason's citation (options, review reasons, inferences).
func TestCitationsInForce(t *testing.T) {
	statutes := map[string]map[int]*statuteArticle{}
	for _, f := range lawFiles {
		if statutes[f] == nil {
			statutes[f] = readStatute(t, f)
		}
	}
	e := defaultEngine(t)
	civ, adm, crim := auditBuilders(t)
	variants := citationVariants()
	// The eras of the brief and the day before each boundary a code turns
	// on: CPL 2012, Interp. 2015, CPL 2017, 人民陪审员法, CrPL 2018, the
	// civil pilot, Interp. 2020 amendment, CrPL Interp. 2021, CPL 2021,
	// Interp. 2022, CPL 2023.
	days := []string{
		"2013-03-01", "2015-02-03", "2015-02-04", "2015-04-30", "2015-05-01", "2016-06-01",
		"2017-06-30", "2017-07-01", "2018-04-26", "2018-04-27", "2018-10-25", "2018-10-26",
		"2020-05-01", "2021-01-01", "2021-02-28", "2021-03-01", "2021-12-31", "2022-01-01",
		"2022-04-09", "2022-04-10", "2023-12-31", "2024-01-01",
	}
	kinds := []struct {
		name  string
		build func(...mod) *triagev1.Filing
	}{
		{"civil", civ}, {"administrative", adm},
		{"criminal", func(m ...mod) *triagev1.Filing { return crim(10, m...) }},
	}
	wrong := map[string]bool{} // code@day
	for _, day := range days {
		for _, k := range kinds {
			for _, v := range variants {
				if v.criminalOnly && k.name != "criminal" {
					continue
				}
				t.Run(day+"/"+k.name+"/"+v.name, func(t *testing.T) {
					f := k.build(v.mod, filedOn(day))
					a, err := e.Evaluate(f)
					if err != nil {
						t.Fatalf("Evaluate: %v", err)
					}
					for _, r := range allReasons(a) {
						for _, p := range citationProblems(t, statutes, r, day) {
							t.Errorf("%s (%s): %s", r.GetCode(), r.GetArticle(), p)
							wrong[r.GetCode()+"@"+day] = true
						}
					}
				})
			}
		}
	}
	if len(wrong) > 0 {
		keys := make([]string, 0, len(wrong))
		for k := range wrong {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		t.Logf("%d (code, filing day) pairs cite a text not in force or an article not there: %v", len(wrong), keys)
	}
}

// TestCitedArticles pins the citation parser on the forms the reasons use.
func TestCitedArticles(t *testing.T) {
	for _, c := range []struct {
		citation string
		want     []citedArticle
	}{
		{"民事诉讼法（2012年、2017年修正）第三十九条第一款、第二款", []citedArticle{{law: "民事诉讼法（2012年、2017年修正）", article: 39, para: 1}}},
		{"刑事诉讼法第二百二十三条第四项；刑诉法解释第三百七十条第五项（2021年3月1日起施行）", []citedArticle{
			{law: "刑事诉讼法", article: 223, items: []int{4}}, {law: "刑诉法解释", article: 370, items: []int{5}}}},
		{"民诉法解释第二百九十二条（2022年4月10日前为第二百九十四条）", []citedArticle{{law: "民诉法解释", article: 292}}},
		{"刑事诉讼法第二百三十九条、第二百一十六条", []citedArticle{{law: "刑事诉讼法", article: 239}, {law: "刑事诉讼法", article: 216}}},
		{"行政诉讼法第八十二条第一款第一项", []citedArticle{{law: "行政诉讼法", article: 82, para: 1, items: []int{1}}}},
		{"刑诉法解释（2012年）第二百九十条第一项、第二项", []citedArticle{{law: "刑诉法解释（2012年）", article: 290, items: []int{1, 2}}}},
		{"最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第五十九条", nil},
		{"法发〔2021〕30号；民事诉讼法第四十二条", []citedArticle{{law: "民事诉讼法", article: 42}}},
	} {
		got := citedArticles(t, c.citation)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("citedArticles(%q) = %v, want %v", c.citation, got, c.want)
		}
	}
}

// citationAuditCases are the codes the audit of citations by era split off
// (2026-12-05): on each side of the boundary the decision gives the era's
// code, not its neighbour's, with the article in force. allTables runs them,
// so each code fires and has its near miss.
func citationAuditCases(tb testing.TB) []tcase {
	civ, adm, crim := auditBuilders(tb)
	type era struct {
		day, loc, code, article string
		not                     string // the neighbouring era's code
	}
	var out []tcase
	add := func(what string, build func(...mod) *triagev1.Filing, m mod, eras ...era) {
		for _, e := range eras {
			want := decisionArticle(e.article, e.day)
			code := e.code
			out = append(out, tcase{
				name:   "citation audit: " + what + " filed " + e.day + ": " + e.code,
				filing: build(m, filedOn(e.day)),
				fires:  []string{at(e.loc, e.code)},
				silent: []string{e.not},
				extra: func(t *testing.T, a *rules.Assessment) {
					t.Helper()
					for _, r := range allReasons(a) {
						if r.GetCode() == code && r.GetArticle() != want {
							t.Errorf("%s cites %q, want %q", code, r.GetArticle(), want)
						}
					}
				},
			})
		}
	}
	circOf := func(f func(c *triagev1.Circumstances)) mod { return circ(f) }
	crim10 := func(m ...mod) *triagev1.Filing { return crim(10, m...) }

	// Small claims' exclusions before the 2015 interpretation: CPL 2012
	// art. 162 alone.
	const cpl2012 = "民事诉讼法（2012年修正）第一百六十二条"
	for _, x := range []struct {
		what       string
		m          mod
		old, now   string
		nowArticle string
	}{
		{"personal status", circOf(func(c *triagev1.Circumstances) { c.PersonalStatus = true }), rules.CodeCPL2012PersonalStatus, rules.CodeInterp2015PersonalStatus, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第一项"},
		{"property rights", circOf(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true }), rules.CodeCPL2012PropertyRights, rules.CodeInterp2015PropertyRights, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第一项"},
		{"a foreign party", party(0, foreign), rules.CodeCPL2012Foreign, rules.CodeInterp2015Foreign, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第二项"},
		{"appraisal", cm.appraisal, rules.CodeCPL2012Appraisal, rules.CodeInterp2015Appraisal, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十五条第四项"},
		{"non-monetary claims", cm.nonMoney, rules.CodeCPL2012NotMoneyPayment, rules.CodeCPL162NotMoneyPayment, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条"},
	} {
		add(x.what, civ, x.m,
			era{"2013-01-01", locSC, x.old, cpl2012, x.now},
			era{"2015-02-03", locSC, x.old, cpl2012, x.now},
			era{"2015-02-04", locSC, x.now, x.nowArticle, x.old})
	}
	vacate := func(m ...mod) *triagev1.Filing {
		return civ(append([]mod{yuan(3000), cause("租赁合同纠纷"), text("诉讼请求：1.判令被告腾退房屋；2.判令被告支付租金3000元。")}, m...)...)
	}
	add("claims text asking to vacate a house", vacate, circ(func(*triagev1.Circumstances) {}),
		era{"2015-02-03", locReview, rules.CodeReviewTextNonMoneyCPL2012, cpl2012, rules.CodeReviewTextNonMoneyCPL2017},
		era{"2015-02-04", locReview, rules.CodeReviewTextNonMoneyCPL2017, "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条", rules.CodeReviewTextNonMoneyCPL2012})
	// Interp. 2015 art. 294 → 2022 art. 292 (civil-procedure-interpretation-2022.md).
	add("third-party revocation", civ, cm.thirdRevoke,
		era{"2015-02-04", locOrd, rules.CodeInterp2015PanelRequired, "民诉法解释（2015年）第二百九十四条", rules.CodeInterp292PanelRequired},
		era{"2022-04-09", locOrd, rules.CodeInterp2015PanelRequired, "民诉法解释（2015年）第二百九十四条", rules.CodeInterp292PanelRequired},
		era{"2022-04-10", locOrd, rules.CodeInterp292PanelRequired, "民诉法解释第二百九十二条（2022年4月10日前为第二百九十四条）", rules.CodeInterp2015PanelRequired})
	// Group interests: CPL 42(2) only on a civil filing from 2022.
	add("civil group interest", civ, cm.group,
		era{"2021-12-31", locReview, rules.CodeReviewGroupInterestAssessors15, "人民陪审员法第十五条第一款第一项", rules.CodeReviewGroupInterest},
		era{"2022-01-01", locReview, rules.CodeReviewGroupInterest, "人民陪审员法第十五条第一款第一项；民事诉讼法第四十二条第二项", rules.CodeReviewGroupInterestAssessors15})
	add("administrative group interest", adm, cm.group,
		era{"2024-01-01", locReview, rules.CodeReviewGroupInterestAssessors15, "人民陪审员法第十五条第一款第一项", rules.CodeReviewGroupInterest})
	// The public interest: CPL 42 on a civil filing only.
	add("civil public interest", civ, cm.public,
		era{"2024-01-01", locReview, rules.CodeReviewPublicInterest, "法发〔2021〕30号；民事诉讼法第四十二条", rules.CodeReviewPublicInterest2021})
	add("criminal public interest", crim10, cm.public,
		era{"2024-01-01", locReview, rules.CodeReviewPublicInterest2021, "法发〔2021〕30号", rules.CodeReviewPublicInterest})
	// Administrative simplified procedure before the 2014 amendment: none,
	// and no art. 82 ¶3 bar cited.
	add("administrative remand", adm, cm.remanded,
		era{"2015-04-30", locSimp, rules.CodeAdmin82NotInForce, "行政诉讼法（2014年修正）第八十二条", rules.CodeAdmin82Remanded},
		era{"2015-05-01", locSimp, rules.CodeAdmin82Remanded, "行政诉讼法第八十二条第三款", rules.CodeAdmin82NotInForce})
	add("administrative retrial", adm, cm.retrial,
		era{"2015-04-30", locSimp, rules.CodeAdmin82NotInForce, "行政诉讼法（2014年修正）第八十二条", rules.CodeAdmin82Retrial},
		era{"2015-05-01", locSimp, rules.CodeAdmin82Retrial, "行政诉讼法第八十二条第三款", rules.CodeAdmin82NotInForce})

	// Criminal, 2018-10-26 to 2021-02-28: CrPL 2018 without the 2021
	// interpretation (criminal-procedure-law-2018.md arts. 215, 223, 239;
	// criminal-procedure-interpretation-2021.md arts. 360, 370, 377).
	for _, x := range []struct {
		what, loc string
		m         mod
		old, now  string
		oldArt    string
		nowArt    string
	}{
		{"impaired (fast-track)", locFT, party(0, impaired), rules.CodeCrPL2018ImpairedFT, rules.CodeCrPL223Impaired, "刑事诉讼法第二百二十三条第一项", "刑事诉讼法第二百二十三条第一项；刑诉法解释第三百七十条第一项、第二项（2021年3月1日起施行）"},
		{"minor (fast-track)", locFT, party(0, minor), rules.CodeCrPL2018MinorFT, rules.CodeCrPL223Minor, "刑事诉讼法第二百二十三条第二项", "刑事诉讼法第二百二十三条第二项；刑诉法解释第三百七十条第三项（2021年3月1日起施行）"},
		{"major impact (fast-track)", locFT, cm.impact, rules.CodeCrPL2018MajorImpactFT, rules.CodeCrPL223MajorImpact, "刑事诉讼法第二百二十三条第三项", "刑事诉讼法第二百二十三条第三项；刑诉法解释第三百七十条第四项（2021年3月1日起施行）"},
		{"co-defendant disputes (fast-track)", locFT, cm.coCharge, rules.CodeCrPL2018CoDefendantFT, rules.CodeCrPL223CoDefendant, "刑事诉讼法第二百二十三条第四项", "刑事诉讼法第二百二十三条第四项；刑诉法解释第三百七十条第五项（2021年3月1日起施行）"},
		{"no settlement (fast-track)", locFT, cm.noSettlement, rules.CodeCrPL2018NoSettlementFT, rules.CodeCrPL223NoSettlement, "刑事诉讼法第二百二十三条第五项", "刑事诉讼法第二百二十三条第五项；刑诉法解释第三百七十条第六项（2021年3月1日起施行）"},
		{"defence pleads not guilty (fast-track)", locFT, cm.notGuilty, rules.CodeCrPL2018DefenceNotGuiltyFT, rules.CodeInterp370DefenceNotGuil, "刑事诉讼法第二百二十三条第六项", "刑诉法解释第三百七十条第七项（2021年3月1日起施行；此前依刑事诉讼法第二百二十三条第六项）"},
		{"remanded (fast-track)", locFT, cm.remanded, rules.CodeCrPL2018RemandedFastTrack, rules.CodeCrPL239FastTrackBarred, "刑事诉讼法第二百三十九条、第二百二十二条", "刑事诉讼法第二百三十九条、第二百二十二条；刑诉法解释第三百七十七条（2021年3月1日起施行）"},
		{"remanded (simplified)", locSimp, cm.remanded, rules.CodeCrPL2018RemandedPanel, rules.CodeCrPL239NewPanel, "刑事诉讼法第二百三十九条、第二百一十六条", "刑事诉讼法第二百三十九条、第二百一十六条；刑诉法解释第三百七十七条（2021年3月1日起施行）"},
		{"impaired (simplified)", locSimp, party(0, impaired), rules.CodeCrPL215ImpairedInterp2012, rules.CodeCrPL215Impaired, "刑事诉讼法第二百一十五条第一项；刑诉法解释（2012年）第二百九十条第一项、第二项", "刑事诉讼法第二百一十五条第一项；刑诉法解释第三百六十条第一项、第二项（2021年3月1日前为法释〔2012〕21号第二百九十条第一项、第二项）"},
		{"major impact (simplified)", locSimp, cm.impact, rules.CodeCrPL215MajorImpactInterp2012, rules.CodeCrPL215MajorImpact, "刑事诉讼法第二百一十五条第二项；刑诉法解释（2012年）第二百九十条第三项", "刑事诉讼法第二百一十五条第二项；刑诉法解释第三百六十条第三项（2021年3月1日前为法释〔2012〕21号第二百九十条第三项）"},
		{"co-defendant denies (simplified)", locSimp, cm.coDenies, rules.CodeCrPL215CoDefendantInterp2012, rules.CodeCrPL215CoDefendant, "刑事诉讼法第二百一十五条第三项；刑诉法解释（2012年）第二百九十条第四项", "刑事诉讼法第二百一十五条第三项；刑诉法解释第三百六十条第四项（2021年3月1日前为法释〔2012〕21号第二百九十条第四项）"},
	} {
		add(x.what, crim10, x.m,
			era{"2018-10-26", x.loc, x.old, x.oldArt, x.now},
			era{"2021-02-28", x.loc, x.old, x.oldArt, x.now},
			era{"2021-03-01", x.loc, x.now, x.nowArt, x.old})
	}
	// The 2012 interpretation's art. 290(4) is the co-defendant's bar, (5)
	// the defence's plea (its items are those of the 2021 text's art. 360,
	// as CRPL215_CO_DEFENDANT_DISPUTE's own citation says): until this
	// audit CRPL2012_209_CO_DEFENDANT_DISPUTE cited (5).
	add("co-defendant denies (simplified, CrPL 2012)", crim10, cm.coDenies,
		era{"2018-10-25", locSimp, rules.CodeCrPL2012CoDefendant, "刑事诉讼法（2012年修正）第二百零九条第三项；刑诉法解释（2012年）第二百九十条第四项", rules.CodeCrPL215CoDefendantInterp2012})
	private := func(m ...mod) *triagev1.Filing {
		return crim(0, append([]mod{circ(func(c *triagev1.Circumstances) {
			c.PrivateProsecution, c.RecommendedSentenceKind = true, 0
		}), cause("侮辱罪")}, m...)...)
	}
	add("private prosecution", private, circ(func(*triagev1.Circumstances) {}),
		era{"2018-10-26", locFT, rules.CodeCrPL2018PrivateProsecution, "刑事诉讼法第二百二十二条第二款、第二百二十六条", rules.CodeCrPL222PrivateProsecution},
		era{"2021-03-01", locFT, rules.CodeCrPL222PrivateProsecution, "刑事诉讼法第二百二十二条第二款、第二百二十六条；刑诉法解释第三百六十九条（2021年3月1日起施行）", rules.CodeCrPL2018PrivateProsecution})
	// Group or public interests before Interp. 213: 人民陪审员法 (from
	// 2018-04-27) beside the single judge of the CrPL of the date.
	add("criminal group interest", crim10, cm.group,
		era{"2018-04-26", locReview, rules.CodeReviewAssessorsCriminalNoText, "", rules.CodeReviewAssessors15CriminalCrPL2012},
		era{"2018-04-27", locReview, rules.CodeReviewAssessors15CriminalCrPL2012, "人民陪审员法第十五条第一款第一项、第二款；刑事诉讼法（2012年修正）第一百七十八条第一款", rules.CodeReviewAssessorsCriminalNoText},
		era{"2018-10-25", locReview, rules.CodeReviewAssessors15CriminalCrPL2012, "人民陪审员法第十五条第一款第一项、第二款；刑事诉讼法（2012年修正）第一百七十八条第一款", rules.CodeReviewAssessors15Criminal},
		era{"2018-10-26", locReview, rules.CodeReviewAssessors15Criminal, "人民陪审员法第十五条第一款第一项、第二款；刑事诉讼法第一百八十三条第一款", rules.CodeReviewAssessors15CriminalCrPL2012})
	return out
}

// statuteItemText returns the text of item (项) n of an article of a text in
// /work/shared/law, under paragraph para (0: the article's items counted
// across its paragraphs), or of paragraph para when n is 0.
func statuteItemText(tb testing.TB, file string, article, para, n int) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("/work/shared/law", file))
	if err != nil {
		tb.Skipf("statute texts not available: %v", err)
	}
	in, p, item := false, 0, 0
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\u200b", ""))
		switch {
		case line == "":
			continue
		case statuteHeadRE.MatchString(line):
			if in {
				return ""
			}
			in = chineseNumber(tb, statuteHeadRE.FindStringSubmatch(line)[1]) == article
			p, item = 1, 0
		case !in:
			continue
		case strings.HasPrefix(line, "#"):
			return ""
		case strings.HasPrefix(line, "（"):
			if para == 0 || para == p {
				item++
				if item == n {
					return line
				}
			}
			continue
		default:
			p++
		}
		if in && n == 0 && p == para {
			return line
		}
	}
	return ""
}

// TestCitedItemsSayWhatReasonsSay checks that the paragraph or item a
// reason cites is the one whose words the reason applies: the item of
// /work/shared/law holds the key words of the reason's rule. The 2012 CrPL
// interpretation's art. 290 is not held; its seven items are those of the
// 2021 text's art. 360 in the same order (both: 盲聋哑, 精神病人, 重大社会影
// 响, 共同犯罪, 无罪辩护, 可能不构成犯罪, 其他), so its items are read there.
func TestCitedItemsSayWhatReasonsSay(t *testing.T) {
	articles := reasonArticlesOfSweep(t)
	for _, c := range []struct {
		code, law           string
		article, para, item int
		words               string
	}{
		{rules.CodeCrPL223Impaired, "刑事诉讼法", 223, 0, 1, "盲、聋、哑"},
		{rules.CodeCrPL223Impaired, "刑诉法解释", 370, 0, 2, "精神病人"},
		{rules.CodeCrPL223Minor, "刑事诉讼法", 223, 0, 2, "未成年人"},
		{rules.CodeCrPL223Minor, "刑诉法解释", 370, 0, 3, "未成年人"},
		{rules.CodeCrPL223MajorImpact, "刑诉法解释", 370, 0, 4, "重大社会影响"},
		{rules.CodeCrPL223CoDefendant, "刑事诉讼法", 223, 0, 4, "共同犯罪"},
		{rules.CodeCrPL223CoDefendant, "刑诉法解释", 370, 0, 5, "共同犯罪"},
		{rules.CodeCrPL223NoSettlement, "刑诉法解释", 370, 0, 6, "附带民事诉讼"},
		{rules.CodeInterp370DefenceNotGuil, "刑诉法解释", 370, 0, 7, "无罪辩护"},
		{rules.CodeCrPL2018DefenceNotGuiltyFT, "刑事诉讼法", 223, 0, 6, "其他不宜"},
		{rules.CodeCrPL215CoDefendant, "刑事诉讼法", 215, 0, 3, "共同犯罪"},
		{rules.CodeCrPL215CoDefendant, "刑诉法解释", 360, 0, 4, "共同犯罪"},
		{rules.CodeCrPL215MajorImpact, "刑诉法解释", 360, 0, 3, "重大社会影响"},
		{rules.CodeCrPL215CoDefendantInterp2012, "刑诉法解释（2012年）", 290, 0, 4, "共同犯罪"},
		{rules.CodeCrPL2012CoDefendant, "刑诉法解释（2012年）", 290, 0, 4, "共同犯罪"},
		{rules.CodeInterp2012DefenceNotGuil, "刑诉法解释（2012年）", 290, 0, 5, "无罪辩护"},
		{rules.CodeInterp360DefenceNotGuil, "刑诉法解释", 360, 0, 5, "无罪辩护"},
		{rules.CodeCrPL214NoAdmission, "刑事诉讼法", 214, 1, 2, "承认自己所犯罪行"},
		{rules.CodeCrPL214Objects, "刑事诉讼法", 214, 1, 3, "适用简易程序没有异议"},
		{rules.CodeInterp213AssessorPanel, "刑诉法解释", 213, 1, 1, "群体利益"},
		{rules.CodeCrPL105Detained, "刑事诉讼法", 105, 4, 0, "在押期间"},
		{rules.CodeCPL166PersonalStatus, "民事诉讼法", 166, 0, 1, "人身关系"},
		{rules.CodeCPL166PropertyRights, "民事诉讼法", 166, 0, 1, "财产确权"},
		{rules.CodeCPL166Foreign, "民事诉讼法", 166, 0, 2, "涉外"},
		{rules.CodeCPL166Appraisal, "民事诉讼法", 166, 0, 3, "评估、鉴定"},
		{rules.CodeCPL166Whereabouts, "民事诉讼法", 166, 0, 4, "下落不明"},
		{rules.CodeCPL166Counterclaim, "民事诉讼法", 166, 0, 5, "反诉"},
		{rules.CodeCPL42PanelRequired, "民事诉讼法", 42, 0, 1, "国家利益"},
		{rules.CodeCPL42PanelRequired, "民事诉讼法", 42, 0, 3, "社会影响较大"},
		{rules.CodeReviewGroupInterest, "民事诉讼法", 42, 0, 2, "群体性纠纷"},
		{rules.CodeCPL165OverMandatory, "民事诉讼法", 165, 2, 0, "约定"},
		{rules.CodeCPL160Agreement, "民事诉讼法", 160, 2, 0, "约定"},
		{rules.CodeInterp257Remanded, "民诉法解释", 257, 0, 2, "发回重审"},
		{rules.CodeInterp257Retrial, "民诉法解释", 257, 0, 4, "审判监督"},
		{rules.CodeInterp257PublicInterest, "民诉法解释", 257, 0, 5, "社会公共利益"},
		{rules.CodeInterp257ThirdPartyRevoke, "民诉法解释", 257, 0, 6, "撤销生效判决"},
		{rules.CodeAdmin82OnTheSpot, "行政诉讼法", 82, 1, 1, "当场作出"},
		{rules.CodeAdmin82Disclosure, "行政诉讼法", 82, 1, 3, "政府信息公开"},
		{rules.CodeAdmin82Agreement, "行政诉讼法", 82, 2, 0, "同意"},
		{rules.CodeAdmin82Remanded, "行政诉讼法", 82, 3, 0, "发回重审"},
		{rules.CodeAdmin82Retrial, "行政诉讼法", 82, 3, 0, "审判监督程序"},
	} {
		name := fmt.Sprintf("%s %s第%d条第%d款第%d项", c.code, c.law, c.article, c.para, c.item)
		t.Run(name, func(t *testing.T) {
			citation, ok := articles[c.code]
			if !ok {
				t.Fatalf("%s did not fire in the sweep", c.code)
			}
			cited := false
			for _, a := range citedArticles(t, citation) {
				if a.law == c.law && a.article == c.article && (c.para == 0 || a.para == c.para) &&
					(c.item == 0 || slices.Contains(a.items, c.item)) {
					cited = true
				}
			}
			if !cited {
				t.Errorf("%s cites %q, not %s", c.code, citation, name)
			}
			file, article := lawFiles[c.law], c.article
			if c.law == "刑诉法解释（2012年）" && c.article == 290 {
				file, article = lawFiles["刑诉法解释"], 360
			}
			if got := statuteItemText(t, file, article, c.para, c.item); !strings.Contains(got, c.words) {
				t.Errorf("%s: the text there is %q, which does not say %q", name, got, c.words)
			}
		})
	}
}

// reasonArticlesOfSweep runs TestCitationsInForce's filings and returns
// each code's citation as decisions give it.
func reasonArticlesOfSweep(tb testing.TB) map[string]string {
	tb.Helper()
	e := defaultEngine(tb)
	out := map[string]string{}
	for _, c := range citationAuditCases(tb) {
		for _, r := range allReasons(evaluate(tb, e, c)) {
			out[r.GetCode()] = r.GetArticle()
		}
	}
	civ, adm, crim := auditBuilders(tb)
	for _, day := range []string{"2016-06-01", "2020-06-01", "2024-01-01"} {
		for _, m := range []mod{cm.remanded, cm.retrial, cm.public, cm.group, cm.impact, cm.counter, cm.appraisal,
			cm.spot, cm.disclosure, cm.agreeS, cm.agreeSC, cm.detained, cm.objects, cm.notGuilty, cm.noSettlement,
			cm.coDenies, cm.coCharge, cm.thirdRevoke, yuan(900000), plea(false, false),
			party(0, whereaboutsUnknown), party(0, foreign), party(0, minor), party(0, impaired),
			circ(func(c *triagev1.Circumstances) { c.PersonalStatus = true }),
			circ(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true })} {
			for _, f := range []*triagev1.Filing{civ(m, filedOn(day)), adm(m, filedOn(day)), crim(10, m, filedOn(day))} {
				a, err := e.Evaluate(f)
				if err != nil {
					continue // a field of another kind: the validator's, not this audit's
				}
				for _, r := range allReasons(a) {
					out[r.GetCode()] = r.GetArticle()
				}
			}
		}
	}
	return out
}

// decisionArticle is a code's article as a decision filed on day cites it:
// from statute round 34 a citation of CPL 2012/2017 art. 162 names the
// amendment in force on the filing date, as the small-claims limit beside
// it does ("民事诉讼法（2012年修正）" before 2017-07-01, "（2017年修正）" until
// 2021-12-31), not both.
func decisionArticle(article, day string) string {
	const joint = "民事诉讼法（2012年、2017年修正）"
	if !strings.Contains(article, joint) || !strings.Contains(article, "第一百六十二条") || day < "2013-01-01" || day >= "2022-01-01" {
		return article
	}
	if day < "2017-07-01" {
		return strings.ReplaceAll(article, joint, "民事诉讼法（2012年修正）")
	}
	return strings.ReplaceAll(article, joint, "民事诉讼法（2017年修正）")
}

// citationVariant is a circumstance a reason hangs on, applied to a fixture
// of each kind (criminalOnly: the validator takes it on a criminal filing
// only).
type citationVariant struct {
	name         string
	mod          mod
	criminalOnly bool
}

// citationVariants are the fixtures' changes the citation audits run: the
// filing as it is and with each circumstance some reason hangs on.
func citationVariants() []citationVariant {
	asFiled := circ(func(*triagev1.Circumstances) {})
	return []citationVariant{
		{name: "as filed", mod: asFiled},
		{name: "agrees small claims", mod: cm.agreeSC}, {name: "agrees simplified", mod: cm.agreeS},
		{name: "remanded", mod: cm.remanded}, {name: "retrial", mod: cm.retrial}, {name: "public interest", mod: cm.public},
		{name: "group interest", mod: cm.group}, {name: "major impact", mod: cm.impact}, {name: "counterclaim", mod: cm.counter},
		{name: "appraisal", mod: cm.appraisal}, {name: "public notice", mod: cm.notice}, {name: "non-money", mod: cm.nonMoney},
		{name: "third-party revocation", mod: cm.thirdRevoke}, {name: "on the spot", mod: cm.spot}, {name: "disclosure", mod: cm.disclosure},
		{name: "detained", mod: cm.detained}, {name: "no consent", mod: cm.noConsent}, {name: "objects", mod: cm.objects},
		{name: "defence not guilty", mod: cm.notGuilty}, {name: "no settlement", mod: cm.noSettlement},
		{name: "co-defendant denies", mod: cm.coDenies}, {name: "co-defendant disputes", mod: cm.coCharge},
		{name: "co-defendant objects simplified", mod: cm.coObjS}, {name: "co-defendant objects fast-track", mod: cm.coObjFT},
		{name: "two defendants", mod: cm.twoDefendants},
		{name: "¥900,000", mod: yuan(900000)}, {name: "¥40,000", mod: yuan(40000)},
		{name: "intermediate court", mod: level(triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE)},
		{name: "whereabouts unknown", mod: party(0, whereaboutsUnknown)},
		{name: "defendant whereabouts unknown", mod: func(f *triagev1.Filing) {
			// The first defendant: 若干规定 art. 1(1), Interp. 257(1) and the
			// 1992 意见's art. 169 speak of the defendant only.
			for _, p := range f.Parties {
				if p.Role == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
					p.WhereaboutsUnknown = true
					return
				}
			}
		}}, {name: "foreign", mod: party(0, foreign)},
		{name: "minor", mod: party(0, minor)}, {name: "impaired", mod: party(0, impaired)},
		{name: "personal status", mod: circ(func(c *triagev1.Circumstances) { c.PersonalStatus = true })},
		{name: "property rights", mod: circ(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true })},
		{name: "private prosecution", criminalOnly: true, mod: circ(func(c *triagev1.Circumstances) {
			// A 自诉 carries no sentencing recommendation (the validator's
			// rule): only the criminal fixture takes this variant.
			c.PrivateProsecution, c.RecommendedSentenceMonths, c.RecommendedSentenceKind = true, 0, 0
		})},
		{name: "representative objects", criminalOnly: true, mod: func(f *triagev1.Filing) {
			party(0, minor)(f)
			f.Circumstances.RepresentativeObjectsSimplified = true
		}},
		{name: "48 months", mod: sentenceKind(fixedTerm, 48)}, {name: "life", mod: sentenceKind(life, 0)},
		{name: "no plea", mod: plea(false, false)},
	}
}
