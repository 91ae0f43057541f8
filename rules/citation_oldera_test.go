package rules_test

// Audit of older eras' citations (statute round 36, 2026-12-06): the
// citations a decision gives on a filing dated before the texts in
// /work/shared/law name an article, paragraph and item of the text then in
// force, checked against public copies of those texts (oldTexts: each
// article's source page). TestCitationsInForce checks the current texts;
// this test checks the older ones it cannot read.

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// oldEraDays are filing days in each era before the texts in
// /work/shared/law: each boundary of an older text and the day before it,
// and a day inside each span (CrPL 1996 before and after the 1998
// interpretation, 法发〔2003〕6号 and 若干规定 2003, CPL 2007, the 2012
// texts, Interp. 2015, ALL 2014, CPL 2017, the pilots, CrPL 2018's eve).
var oldEraDays = []string{
	"1995-06-01", "1996-12-31", "1997-01-01", "1998-09-07", "1998-09-08", "2000-03-10",
	"2000-07-01", "2000-09-28", "2003-03-13", "2003-03-14", "2003-11-30", "2003-12-01",
	"2008-01-31", "2008-02-01", "2008-03-31", "2008-04-01", "2012-12-31", "2013-01-01",
	"2013-06-26", "2014-10-01", "2015-02-03", "2015-02-04", "2015-04-30", "2015-05-01",
	"2015-09-21", "2016-12-15", "2017-06-30", "2017-07-01", "2018-02-08", "2018-10-25",
	"2019-06-01", "2020-06-01", "2021-02-28", "2021-12-31",
}

// emittedCitation is one citation a decision gave: the reason's code (or
// TIME_LIMIT/<procedure> for a time limit's article) and its text.
type emittedCitation struct{ code, article string }

// oldEraCitations decides the fixtures of each kind, with each variant of
// citationVariants, filed on each of oldEraDays, and returns every
// citation given (reasons and time limits), with the days it was given on.
func oldEraCitations(tb testing.TB) map[emittedCitation][]string {
	tb.Helper()
	e := defaultEngine(tb)
	civ, adm, crim := auditBuilders(tb)
	kinds := []struct {
		name  string
		build func(...mod) *triagev1.Filing
	}{
		{"civil", civ}, {"administrative", adm},
		{"criminal", func(m ...mod) *triagev1.Filing { return crim(10, m...) }},
	}
	out := map[emittedCitation][]string{}
	add := func(c emittedCitation, day string) {
		if c.article != "" && !slices.Contains(out[c], day) {
			out[c] = append(out[c], day)
		}
	}
	for _, day := range oldEraDays {
		for _, k := range kinds {
			for _, v := range citationVariants() {
				if v.criminalOnly && k.name != "criminal" {
					continue
				}
				a, err := e.Evaluate(k.build(v.mod, filedOn(day)))
				if err != nil {
					tb.Fatalf("%s %s %s: Evaluate: %v", day, k.name, v.name, err)
				}
				for _, r := range allReasons(a) {
					add(emittedCitation{r.GetCode(), r.GetArticle()}, day)
				}
				for _, o := range a.Options {
					if tl := o.GetTimeLimit(); tl != nil {
						add(emittedCitation{"TIME_LIMIT/" + o.GetProcedure().String(), tl.GetArticle()}, day)
					}
				}
			}
		}
	}
	return out
}

// oldLawNameRE matches the names of the older texts as the citations
// write them, longest first.
var oldLawNameRE = regexp.MustCompile(strings.Join([]string{
	`民事诉讼法（1991年、2007年修正）`, `民事诉讼法（1991年）`, `民事诉讼法（2007年修正）`,
	`民事诉讼法（2012年、2017年修正）`, `民事诉讼法（2012年修正）`, `民事诉讼法（2017年修正）`, `民事诉讼法（2021年修正）`,
	`民诉法解释（2015年）`,
	`最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见`,
	`最高人民法院关于适用简易程序审理民事案件的若干规定`, `《关于适用简易程序审理民事案件的若干规定》`,
	`刑事诉讼法（1996年）`, `刑事诉讼法（2012年修正）`, `刑事诉讼法（2018年修正）`,
	`刑诉法解释（2012年）`, `法释〔2012〕21号`,
	`刑诉法解释（1998年）`, `最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）`,
	`《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）`,
	`行政诉讼法（1989年）`, `行政诉讼法（2014年修正）`,
	`最高人民法院关于执行《中华人民共和国行政诉讼法》若干问题的解释（法释〔2000〕8号）`,
	`最高人民法院关于行政案件管辖若干问题的规定（法释〔2008〕1号）`,
	`最高人民法院关于严格执行案件审理期限制度的若干规定（法释〔2000〕29号）`,
}, "|"))

// articleRunRE is the run of articles after a law's name: 第N条[第M款][第K项]
// joined by 、 or 至.
var articleRunRE = regexp.MustCompile(`^(?:、?至?第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?(?:第[一二三四五六七八九十]+项(?:、第[一二三四五六七八九十]+项)*)?)+`)

// eraClauseRE is the clause before a law's name that dates it: an aside
// naming the article before a day (前为), over a span (至…为), or a text
// taken from a day on (起, 起并依).
var eraClauseRE = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日(前为|至\d{4}年\d{1,2}月\d{1,2}日为|起并依|起依|起)$`)

// oldCitedUnit is one article of an older text a citation names, with the
// paragraph and item (0: none named).
type oldCitedUnit struct {
	law                 string
	article, para, item int
	// on, when set, is the one day the unit is cited for: the day before
	// an aside's "YYYY年M月D日前为" or the first day of its "YYYY年M月D日至"
	// span; from is the day an "YYYY年M月D日起" clause takes it from.
	on, from string
}

func (u oldCitedUnit) String() string {
	s := fmt.Sprintf("%s第%d条", u.law, u.article)
	if u.para > 0 {
		s += fmt.Sprintf("第%d款", u.para)
	}
	if u.item > 0 {
		s += fmt.Sprintf("第%d项", u.item)
	}
	return s
}

// oldCitedUnits lists the articles of older texts a citation names,
// wherever in it they stand (its own text or an aside naming an earlier
// era's article).
func oldCitedUnits(tb testing.TB, citation string) []oldCitedUnit {
	tb.Helper()
	var out []oldCitedUnit
	for _, loc := range oldLawNameRE.FindAllStringIndex(citation, -1) {
		law := canonicalOldLaw(citation[loc[0]:loc[1]])
		run := articleRunRE.FindString(citation[loc[1]:])
		var on, from string
		if m := eraClauseRE.FindStringSubmatch(citation[:loc[0]]); m != nil {
			d, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
			if err != nil {
				tb.Fatalf("citation %q: %v", citation, err)
			}
			switch {
			case m[4] == "前为":
				on = d.AddDate(0, 0, -1).Format(time.DateOnly)
			case strings.HasPrefix(m[4], "至"):
				on = d.Format(time.DateOnly)
			default:
				from = d.Format(time.DateOnly)
			}
		}
		for _, a := range articleRE.FindAllStringSubmatch(run, -1) {
			u := oldCitedUnit{law: law, article: chineseNumber(tb, a[1]), on: on, from: from}
			if a[2] != "" {
				u.para = chineseNumber(tb, numberRE.FindStringSubmatch(a[2])[1])
			}
			items := numberRE.FindAllStringSubmatch(a[3], -1)
			if len(items) == 0 {
				out = append(out, u)
			}
			for _, it := range items {
				u.item = chineseNumber(tb, it[1])
				out = append(out, u)
			}
		}
	}
	return out
}

// canonicalOldLaw is one name per text: the long and short names of the
// same interpretation alike.
func canonicalOldLaw(name string) string {
	switch name {
	case `法释〔2012〕21号`:
		return `刑诉法解释（2012年）`
	case `最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）`:
		return `刑诉法解释（1998年）`
	case `《关于适用简易程序审理民事案件的若干规定》`:
		return `最高人民法院关于适用简易程序审理民事案件的若干规定`
	}
	return name
}

// oldText is an older text as the citations name it: the days it was in
// force, [from, until) ("" until: still in force, or never replaced by a
// text the rules name), and the articles read.
type oldText struct {
	from, until string
	articles    map[int]oldArticle
}

// oldArticle is an article of an older text as read: the items of each
// paragraph (paras[i]: items of paragraph i+1; -1: not counted, so a cited
// item is not checked) and the page it was read on ("" where no page was
// found and the structure is the one every later text and commentary
// repeats: reported, not failed).
type oldArticle struct {
	paras []int
	src   string
}

// Source pages (search of public pages, 2026-12-06). They are third-party
// copies; where two agree the first is named.
const (
	srcCrPL1996Art174   = "https://m.fabao365.com/flcs/5795.html"
	srcCrPL2012Art103   = "https://m.taodocs.com/p-4039751.html" // NPC 释义: "增加了第四款"
	srcCrPL2012Simplify = "http://dalvwang.com/article/380324.html"
	srcInterp1998Art222 = "http://defenselawyer.cn/Article/chsh/fl/201006/20343_10.html"
	srcInterp1998Art103 = "https://pfbkw.com/zh-hant/xingshi/xingshisusong/gd4g5e.html"
	srcOpinion2003      = "http://www.holdmm.net/html/text/chl/448/44896.html"
	srcInterp2012Art290 = "https://www.wanqulawyer.com/mobile/index/show/catid/93/id/19101.html"
	srcInterp2012Art474 = "http://m.nj48.cn/open.asp?id=89794&tid=118"
	srcCPL1991Art250    = "http://www.zhyljfls.com/Article/ArtView.asp?newid=1575229"
	srcCPL2007Numbering = "http://orisbrush.com/szbm/zcfw/2012-11-07/79358_8.html" // the 2012 decision: 2007 art. 245 → 267
	srcCPL2012Art270    = "http://sheratonguilin.com/xingshianjian/400211.html"
	srcInterp2015Art275 = "http://qqherbq.hljcourt.gov.cn/public/detail.php?id=30986"
	srcInterp2015Art273 = "https://ti.zuoweng.com/ti/aPjEKKKQ"
	srcProv2003Art1     = "https://m.faguiba.com/xingzhengjieda/susonglvshi/60d1go.html"
	srcOpinion1992      = "https://lf1999.com/Read/29/29172/6680458_2.html" // arts. 169, 174 as an annotated CPL quotes them
	srcALL1989Art57     = "http://sobd.cc/bkdq/2659461.html"
	srcALL2014Art82     = "https://m.shoulawyer.com/zhishi/194799.htm"
	srcCrPL1996Art20    = "http://www.sdjlnm.com/changshi/741368.html"                         // arts. 20–22 as of 1996
	srcCrPL2012Art20    = "http://china.findlaw.cn/bianhu/xsssfzs/guanxia/zjfwgl/1258340.html" // NPC 释义: the 1996 item (3) deleted
	srcCPL2012Art39     = "https://110ask.com/zhishi/10051180682585598952.html"                // arts. 39, 40 of 2012
	srcCPL2012Art56     = "https://zhenruikeji.com/a/16720.html"
)

// oldTexts are the older texts the citations name (canonicalOldLaw's
// names), with the articles cited and read.
var oldTexts = map[string]oldText{
	"刑事诉讼法（1996年）": {from: "1997-01-01", until: "2013-01-01", articles: map[int]oldArticle{
		15: {[]int{6}, ""}, 19: {[]int{0}, ""}, 20: {[]int{3}, srcCrPL1996Art20}, 21: {[]int{0}, srcCrPL1996Art20}, 22: {[]int{0}, srcCrPL1996Art20},
		// Three paragraphs and no holiday rule: the 2012 amendment added
		// the fourth (srcCrPL2012Art103).
		79:  {[]int{0, 0, 0}, srcCrPL2012Art103},
		147: {[]int{0}, ""}, 168: {[]int{0}, ""}, 170: {[]int{3}, ""},
		174: {[]int{3}, srcCrPL1996Art174}, 178: {[]int{0}, ""}, 180: {[]int{0}, ""},
		192: {[]int{0}, ""}, 206: {[]int{0}, ""},
	}},
	"刑事诉讼法（2012年修正）": {from: "2013-01-01", until: "2018-10-26", articles: map[int]oldArticle{
		15: {[]int{6}, ""}, 19: {[]int{0}, ""}, 20: {[]int{2}, srcCrPL2012Art20}, 21: {[]int{0}, ""}, 22: {[]int{0}, ""},
		103: {[]int{0, 0, 0, 0}, srcCrPL2012Art103}, 178: {[]int{0}, ""}, 202: {[]int{0}, ""},
		204: {[]int{3}, ""}, 206: {[]int{0, 0}, ""},
		// The 2018 text's arts. 214–221 are these, word for word
		// (srcCrPL2012Simplify quotes 214–216 of 2018).
		208: {[]int{3, 0}, srcCrPL2012Simplify}, 209: {[]int{4}, srcCrPL2012Simplify}, 210: {[]int{0, 0}, srcCrPL2012Simplify},
		211: {[]int{0}, ""}, 213: {[]int{0}, ""}, 214: {[]int{0}, ""}, 216: {[]int{0}, ""},
		228: {[]int{0}, ""}, 245: {[]int{0}, ""},
		280: {[]int{0}, ""}, 281: {[]int{0}, ""}, 284: {[]int{0}, ""}, 285: {[]int{0}, ""}, 286: {[]int{0}, ""}, 289: {[]int{0}, ""},
	}},
	"刑事诉讼法（2018年修正）": {from: "2018-10-26", articles: map[int]oldArticle{
		20: {[]int{0}, ""}, 23: {[]int{0}, ""}, 214: {[]int{3, 0}, srcCrPL2012Simplify}, 222: {[]int{0, 0}, ""}, 225: {[]int{0}, ""},
		291: {[]int{0}, ""}, 307: {[]int{0}, ""},
	}},
	"刑诉法解释（2012年）": {from: "2013-01-01", until: "2021-03-01", articles: map[int]oldArticle{
		290: {[]int{7}, srcInterp2012Art290}, 474: {[]int{0}, srcInterp2012Art474},
	}},
	"刑诉法解释（1998年）": {from: "1998-09-08", until: "2013-01-01", articles: map[int]oldArticle{
		103: {[]int{0}, srcInterp1998Art103}, 109: {[]int{0}, ""},
		// Items (1)–(4) read; a fifth (其他不宜) is not cited.
		222: {[]int{4}, srcInterp1998Art222},
	}},
	"《关于适用简易程序审理公诉案件的若干意见》（法发〔2003〕6号）": {from: "2003-03-14", until: "2013-01-01", articles: map[int]oldArticle{
		1: {[]int{3}, srcOpinion2003}, 2: {[]int{4}, srcOpinion2003}, 3: {[]int{0, 0, 0}, srcOpinion2003},
	}},
	"最高人民法院关于严格执行案件审理期限制度的若干规定（法释〔2000〕29号）": {from: "2000-09-28", articles: map[int]oldArticle{
		1: {[]int{-1}, ""},
	}},
	// CPL 1991 in force 1991-04-09; the 2007 amendment (2008-04-01) left
	// arts. 1–177 as they were numbered.
	"民事诉讼法（1991年、2007年修正）": {from: "1991-04-09", until: "2013-01-01", articles: map[int]oldArticle{
		18: {[]int{0}, ""}, 19: {[]int{0}, ""}, 20: {[]int{0}, ""}, 21: {[]int{0}, ""},
		40: {[]int{0, 0, 0}, ""}, 41: {[]int{0, 0, 0}, ""}, 75: {[]int{0, 0, 0, 0}, ""},
		135: {[]int{0}, srcCPL1991Art250}, 142: {[]int{0}, srcProv2003Art1}, 146: {[]int{0}, ""},
	}},
	"民事诉讼法（1991年）": {from: "1991-04-09", until: "2008-04-01", articles: map[int]oldArticle{
		142: {[]int{0}, srcProv2003Art1}, 250: {[]int{0}, srcCPL1991Art250},
	}},
	"民事诉讼法（2007年修正）": {from: "2008-04-01", until: "2013-01-01", articles: map[int]oldArticle{
		248: {[]int{0}, srcCPL2007Numbering},
	}},
	"民事诉讼法（2012年修正）":       {from: "2013-01-01", until: "2017-07-01", articles: cpl2012Articles},
	"民事诉讼法（2017年修正）":       {from: "2017-07-01", until: "2022-01-01", articles: cpl2012Articles},
	"民事诉讼法（2012年、2017年修正）": {from: "2013-01-01", until: "2022-01-01", articles: cpl2012Articles},
	"民事诉讼法（2021年修正）":       {from: "2022-01-01", until: "2024-01-01", articles: map[int]oldArticle{277: {[]int{0}, ""}}},
	"民诉法解释（2015年）": {from: "2015-02-04", until: "2022-04-10", articles: map[int]oldArticle{
		257: {[]int{7}, ""}, 258: {[]int{0, 0, 0}, ""}, 269: {[]int{-1}, ""}, 273: {[]int{0}, srcInterp2015Art273},
		274: {[]int{-1}, ""}, 275: {[]int{5}, srcInterp2015Art275}, 280: {[]int{0}, ""}, 281: {[]int{-1}, ""},
		283: {[]int{0}, ""}, 294: {[]int{0}, ""}, 310: {[]int{0}, ""}, 522: {[]int{-1}, ""}, 551: {[]int{0}, ""},
	}},
	// The 1992 意见 (法发〔1992〕22号), until the 2015 interpretation.
	"最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见": {from: "1992-07-14", until: "2015-02-04", articles: map[int]oldArticle{
		59: {[]int{0}, ""}, 169: {[]int{0}, srcOpinion1992}, 174: {[]int{0}, srcOpinion1992}, 304: {[]int{0}, ""},
	}},
	// 法释〔2003〕15号, in force 2003-12-01 (amended 2020, numbering kept).
	"最高人民法院关于适用简易程序审理民事案件的若干规定": {from: "2003-12-01", articles: map[int]oldArticle{
		1: {[]int{5}, srcProv2003Art1}, 2: {[]int{0}, ""}, 3: {[]int{0}, ""}, 8: {[]int{2}, ""}, 13: {[]int{-1, -1}, ""},
	}},
	"行政诉讼法（1989年）": {from: "1990-10-01", until: "2015-05-01", articles: map[int]oldArticle{
		14: {[]int{3}, ""}, 57: {[]int{0}, srcALL1989Art57},
	}},
	"行政诉讼法（2014年修正）": {from: "2015-05-01", articles: map[int]oldArticle{
		82: {[]int{3, 0, 0}, srcALL2014Art82}, 83: {[]int{0}, srcALL2014Art82}, 101: {[]int{0}, ""},
	}},
	"最高人民法院关于执行《中华人民共和国行政诉讼法》若干问题的解释（法释〔2000〕8号）": {from: "2000-03-10", until: "2018-02-08", articles: map[int]oldArticle{
		8: {[]int{-1}, ""},
	}},
	"最高人民法院关于行政案件管辖若干问题的规定（法释〔2008〕1号）": {from: "2008-02-01", until: "2015-05-01", articles: map[int]oldArticle{
		1: {[]int{-1}, ""},
	}},
}

// cpl2012Articles are the articles of CPL 2012 cited; the 2017 amendment
// added art. 55 ¶2 and renumbered nothing.
var cpl2012Articles = map[int]oldArticle{
	17: {[]int{0}, ""}, 18: {[]int{0}, ""}, 19: {[]int{0}, ""}, 20: {[]int{0}, ""},
	39: {[]int{0, 0, 0}, srcCPL2012Art39}, 40: {[]int{0, 0, 0}, srcCPL2012Art39}, 55: {[]int{0, -1}, ""}, 56: {[]int{0, 0, 0}, srcCPL2012Art56},
	82: {[]int{0, 0, 0, 0}, ""}, 149: {[]int{0}, ""},
	157: {[]int{0, 0}, ""}, 161: {[]int{0}, ""}, 162: {[]int{0}, ""}, 270: {[]int{0}, srcCPL2012Art270},
}

// laterTextShown are the (code, text) pairs that name a text not yet in
// force on purpose: a time limit whose procedure the law of the day did
// not have, shown with the later article and a note that says so
// (rules/deadline.go), besides notInForceCodes.
var laterTextShown = map[[2]string]bool{
	{"TIME_LIMIT/PROCEDURE_FAST_TRACK", "刑事诉讼法（2018年修正）"}: true,
	{"TIME_LIMIT/PROCEDURE_SIMPLIFIED", "行政诉讼法（2014年修正）"}: true,
	{"TIME_LIMIT/PROCEDURE_SIMPLIFIED", "刑事诉讼法（1996年）"}:   true,
	{"TIME_LIMIT/PROCEDURE_ORDINARY", "刑事诉讼法（1996年）"}:     true,
}

// knownGaps are the citations of a text on filings before it took effect
// that docs/statutes.md names as known gaps, where no text of the day was
// read: a civil filing before 2003-12-01 whose bar has no 1992 意见
// article found (numerous parties, public or third-party suits,
// non-contentious procedures, public notice: 若干规定 cited), and a
// criminal filing before 1997-01-01, judged under the 1996 law (the 1979
// law's numbering is not modelled; Criminal: simplified). nil codes: every
// code.
var knownGaps = []struct {
	law, before string
	codes       []string
}{
	{"最高人民法院关于适用简易程序审理民事案件的若干规定", "2003-12-01", []string{
		"PROV1_NUMEROUS_PARTIES", "PROV1_PUBLIC_INTEREST", "PROV1_THIRD_PARTY_REVOCATION", "PROV8_PUBLIC_NOTICE",
		"NON_CONTENTIOUS_SPECIAL_PROCEDURE",
	}},
	{"刑事诉讼法（1996年）", "1997-01-01", nil},
}

// knownGap reports whether a citation of law by code on day is one of
// knownGaps.
func knownGap(law, code, day string) bool {
	for _, g := range knownGaps {
		if g.law == law && day < g.before && (g.codes == nil || slices.Contains(g.codes, code)) {
			return true
		}
	}
	return false
}

// oldCitationProblems lists what is wrong with one citation given on days:
// an older text or article not read, a paragraph or item the article does
// not have, or a text not in force on a day it was given.
func oldCitationProblems(tb testing.TB, c emittedCitation, days []string) []string {
	tb.Helper()
	var out []string
	for _, u := range oldCitedUnits(tb, c.article) {
		text, ok := oldTexts[u.law]
		if !ok {
			out = append(out, fmt.Sprintf("%s: text not in oldTexts", u))
			continue
		}
		art, ok := text.articles[u.article]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: article not read", u))
			continue
		case u.para > len(art.paras):
			out = append(out, fmt.Sprintf("%s: the article has %d paragraphs", u, len(art.paras)))
			continue
		}
		if u.item > 0 {
			n := 0
			if u.para > 0 {
				n = art.paras[u.para-1]
			} else {
				for _, k := range art.paras {
					n = max(n, 0) + k
					if k < 0 {
						n = -1
						break
					}
				}
			}
			if n >= 0 && u.item > n {
				out = append(out, fmt.Sprintf("%s: the paragraph has %d items", u, n))
			}
		}
		if slices.Contains(notInForceCodes, c.code) || laterTextShown[[2]string{c.code, u.law}] {
			continue
		}
		check := days
		switch {
		case u.on != "":
			check = []string{u.on}
		case u.from != "":
			check = slices.DeleteFunc(slices.Clone(days), func(d string) bool { return d < u.from })
		}
		for _, d := range check {
			if d < text.from || (text.until != "" && d >= text.until) {
				if knownGap(u.law, c.code, d) {
					continue
				}
				out = append(out, fmt.Sprintf("%s: given on %s, the text is in force %s to %s", u, d, text.from, text.until))
			}
		}
	}
	return out
}

// TestOldEraCitations checks every citation of an older text that a
// decision on a filing of oldEraDays gives (reasons and time limits)
// against oldTexts.
func TestOldEraCitations(t *testing.T) {
	cites := oldEraCitations(t)
	units, unsourced := map[string]bool{}, map[string]bool{}
	for c, days := range cites {
		for _, p := range oldCitationProblems(t, c, days) {
			t.Errorf("%s (%s): %s", c.code, c.article, p)
		}
		for _, u := range oldCitedUnits(t, c.article) {
			units[u.String()] = true
			if a := oldTexts[u.law].articles[u.article]; a.src == "" {
				unsourced[fmt.Sprintf("%s第%d条", u.law, u.article)] = true
			}
		}
	}
	pairs := 0
	for c := range cites {
		if len(oldCitedUnits(t, c.article)) > 0 {
			pairs++
		}
	}
	keys := slices.Sorted(maps.Keys(unsourced))
	t.Logf("%d (code, citation) pairs citing an older text, %d cited articles/paragraphs/items; %d articles read from memory without a source page: %v",
		pairs, len(units), len(keys), keys)
}
