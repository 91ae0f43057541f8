package rules

import (
	"strings"
	"unicode/utf8"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// What a criminal or administrative filing's text states about the case
// itself rather than about a defendant (statute round 24): a major social
// impact, a retrial, the defence pleading not guilty and, in an
// administrative case, a remand. Each closes a procedure the circumstances
// would have left open, so each is read in the strict direction only, set on
// a copy of the filing and reviewed with the words read.

// CaseTextFacts are the facts of the case a filing's text states: each is
// the words that state it, "" when none.
type CaseTextFacts struct {
	// MajorImpact: 重大社会影响, 社会影响重大 not negated (刑事诉讼法第二百一十
	// 五条第二项, 第二百二十三条第三项; 人民陪审员法第十六条第四项).
	MajorImpact string
	// Retrial: the case is tried again under 审判监督程序 (按照审判监督程序
	// 重新审判, 决定再审, 指令…再审; 刑事诉讼法第二百五十六条, 行政诉讼法第八
	// 十二条第三款).
	Retrial string
	// DefenceNotGuilty: the defender pleads not guilty (辩护人作无罪辩护,
	// 辩护人认为…不构成犯罪; 刑诉法解释第三百六十条第五项、第三百七十条第七项).
	// Read in criminal filings only.
	DefenceNotGuilty string
	// Remanded: 发回重审 (remandIn). Read here for administrative filings
	// (行政诉讼法第八十二条第三款); a criminal filing's is read by
	// ReadTextFacts.
	Remanded string
	// Objection: a party does not agree to simplified procedure (不同意适用
	// 简易程序, 对适用简易程序有异议), so the parties' agreement is not 各方的
	// (行政诉讼法第八十二条第二款). Read in administrative filings only: a
	// criminal defendant's objection is ReadTextFacts'.
	Objection string
}

// ReadCaseText reads the case facts of a filing's text of kind k.
func ReadCaseText(text string, k triagev1.CaseKind) CaseTextFacts {
	var t CaseTextFacts
	if text == "" {
		return t
	}
	t.MajorImpact = majorImpactIn(text)
	t.Retrial = retrialIn(text)
	switch k {
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		t.DefenceNotGuilty = defenceNotGuiltyIn(text)
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		t.Remanded = remandIn(text)
		t.Objection = objectionIn(text)
	}
	return t
}

// majorImpactWords state a major social impact.
var majorImpactWords = [...]string{"重大社会影响", "社会影响重大", "社会影响特别重大"}

// majorImpactIn returns the words that state a major social impact, "" when
// none or negated within the four runes before (无, 未造成, 不具有, 是否).
func majorImpactIn(text string) string {
	for _, w := range majorImpactWords {
		if statedNotNegated(text, w, 4) {
			return w
		}
	}
	return ""
}

// objectionWords state a party's refusal of simplified procedure.
var objectionWords = [...]string{"不同意适用简易程序", "不同意简易程序", "对适用简易程序有异议", "对适用简易程序提出异议", "反对适用简易程序"}

// refusalWords state a party's refusal of simplified procedure in other
// words than objectionWords' (statute round 36): a refusal (拒绝, 不愿, 不
// 接受) or a request for the ordinary procedure (申请适用普通程序, with or
// without 本案), which is no consent of 行政诉讼法第八十二条第二款.
var refusalWords = [...]string{"拒绝适用简易程序", "不愿适用简易程序", "不接受简易程序",
	"要求适用普通程序", "申请适用普通程序", "请求适用普通程序", "要求按普通程序", "申请按普通程序",
	"要求本案适用普通程序", "申请本案适用普通程序", "请求本案适用普通程序"}

// objectionIn returns the words that state a refusal of simplified
// procedure (objectionWords, refusalWords), "" when none or negated within
// the two runes before (并非不同意, 未申请适用普通程序); or a party's word that
// the case is unfit for it (unfitSimplWords, 行政诉讼法第八十四条's 不宜适用简
// 易程序: no party who says so agrees), not negated in its clause (不属于不宜
// 适用简易程序的情形 states nothing).
func objectionIn(text string) string {
	for _, ws := range [][]string{objectionWords[:], refusalWords[:]} {
		for _, w := range ws {
			if statedNotNegated(text, w, 2) {
				return w
			}
		}
	}
	for _, w := range unfitSimplWords {
		if StatedInClause(text, w) {
			return w
		}
	}
	return ""
}

// statedNotNegated reports whether text holds w somewhere without a
// negation in the n runes before it (negatedWithin); every occurrence is
// tried, so 无重大社会影响 before a later 社会影响重大 does not hide it.
func statedNotNegated(text, w string, n int) bool {
	return statedUnless(text, w, n, negatedWithin)
}

// clauseNegations deny what follows them in a clause: 未取得谅解, 拒不退赃,
// 无前科, 没有自首情节, 否认.
const clauseNegations = "不无未没否拒"

// StatedInClause reports whether text states w somewhere with no negation
// (clauseNegations) before it in its clause (clauseBreaks): 被害人未对被告人
// 表示谅解 and 无犯罪前科 do not state 谅解 or 前科, 已退赔并取得谅解 does.
// Every occurrence is tried. The real linear prior reads the sentencing
// circumstances an allegation states with it (classifier, the
// criminal-circumstances feature set); no decision does.
func StatedInClause(text, w string) bool {
	return statedUnless(text, w, 0, func(before string, _ int) bool {
		return strings.ContainsAny(before[clauseStart(before):], clauseNegations)
	})
}

// statedUnless reports whether text holds w somewhere that negated does
// not deny: negated is given what stands before each occurrence and n,
// and every occurrence is tried.
func statedUnless(text, w string, n int, negated func(before string, n int) bool) bool {
	for _, before := range occurrences(text, w) {
		if !negated(before, n) {
			return true
		}
	}
	return false
}

// retrialSupervision is the procedure a retrial is held under.
const retrialSupervision = "审判监督程序"

// retrialOrders are the words that order a retrial before 再审 in its
// clause: a court's decision (决定再审), a higher court's order (指令…再审),
// its ruling (裁定再审) or its taking the case (提审).
//
// Round 27 added a court's retrial in its own words (本院对本案进行再审,
// after 抗诉 in the clause before) and the case named so (本案系再审案件):
// 行政诉讼法第八十二条第三款 and 刑事诉讼法第二百五十六条 bar simplified
// procedure and fast-track for any retrial, not only an ordered one.
var retrialOrders = [...]string{"决定", "指令", "裁定", "进行", "本案系", "本案为", "依法"}

// retrialNot are words of a clause with 再审 that make it no retrial of
// this case: an application or its refusal (申请再审被驳回, 驳回再审申请), a
// condition not met (不符合再审条件), a prior case (曾).
var retrialNot = [...]string{"申请", "申诉", "驳回", "不符合", "不予", "曾"}

// clauseBreaks end a clause for the text readers of this file.
const clauseBreaks = "。；;，,！？!?\n"

// remandNegations are the words that, just before 发回, deny a remand:
// 不得再发回 and 不得再次发回 (行政诉讼法第八十九条第二款, 刑事诉讼法第二百三十六条
// 第二款), 未发回, 不应发回. Until rules 2026-12-04.32 any 不, 无, 未 … in the
// three runes before 发回 denied it, so the commonest remand, "事实不清，证据
// 不足，发回重审", was not read (statute round 24).
var remandNegations = [...]string{"不", "不得", "不得再", "不得再次", "不再", "不应", "不宜", "不能", "未", "并未", "没有", "无须", "不予"}

// remandNegationRunes is the longest of remandNegations, in runes.
const remandNegationRunes = 4

// remandNegated reports whether before, the text just before 发回 (at
// least remandNegationRunes runes of it when there are as many), ends in
// a negation of the remand.
func remandNegated(before string) bool {
	for _, w := range remandNegations {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// clauseStart is the byte index in s after its last clause break, 0 when
// it has none.
func clauseStart(s string) int {
	j := strings.LastIndexAny(s, clauseBreaks)
	if j < 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(s[j:])
	return j + size
}

// retrialIn returns the words that state a retrial of the case, "" when
// none: 审判监督程序 not negated, or 再审 in a clause with an order and
// nothing of retrialNot.
func retrialIn(text string) string {
	if statedNotNegated(text, retrialSupervision, 4) {
		return retrialSupervision
	}
	if w := retrialOrderIn(text); w != "" {
		return w
	}
	return courtTakesUpIn(text)
}

// courtTakesUpIn returns the clause in which a court takes the case up for
// retrial (…人民法院决定提审本案; 行政诉讼法第九十二条第二款, 刑事诉讼法第二百五
// 十四条第二款), "" when none: 提审 after 法院 in its clause, with nothing of
// retrialNot. A police 提审 of a suspect names no court (round 27).
func courtTakesUpIn(text string) string {
	return clauseOfWord(text, "提审", func(clause, _ string) bool {
		return strings.Contains(clause, "法院") && !containsAny(clause, retrialNot[:]) && !negatedWithin(clause[:len(clause)-len("提审")], 2)
	})
}

// retrialOrderIn returns the clause that orders a retrial of the case (再审
// in a clause with an order and nothing of retrialNot, not followed by 申请),
// "" when none.
func retrialOrderIn(text string) string {
	return clauseOfWord(text, "再审", func(clause, after string) bool {
		return retrialOrdered(clause) != "" && !strings.HasPrefix(after, "申请")
	})
}

// clauseOfWord returns the first clause of text that ends in an occurrence
// of word and that keep accepts, given the clause and the text after it;
// "" when none does.
func clauseOfWord(text, word string, keep func(clause, after string) bool) string {
	rest := text
	for {
		i := hanscan.Index(rest, word)
		if i < 0 {
			return ""
		}
		clause := rest[clauseStart(rest[:i]) : i+len(word)]
		after := rest[i+len(word):]
		if keep(clause, after) {
			return clause
		}
		rest = after
	}
}

// retrialOrdered reports the order a clause ending in 再审 states, "" when
// none or when the clause is no retrial of this case.
func retrialOrdered(clause string) string {
	for _, w := range retrialNot {
		if strings.Contains(clause, w) {
			return ""
		}
	}
	for _, w := range retrialOrders {
		if i := strings.Index(clause, w); i >= 0 && !negatedWithin(clause[:i], 2) {
			return w
		}
	}
	return ""
}

// defenceMark opens what a defender says.
const defenceMark = "辩护人"

// notGuiltyWords state a plea of not guilty.
var notGuiltyWords = [...]string{"无罪", "不构成犯罪"}

// noLiabilityWords state a defence that the act is no crime or bears no
// criminal liability in other words than 无罪 (刑法第二十条第一款 正当防卫,
// 第二十一条第一款 紧急避险, "不负刑事责任"): a plea of not guilty (刑诉法解释
// 第三百六十条第五项, 第三百七十条第七项). Until statute round 33 辩护人提出
// 被告人系正当防卫 kept both simpler procedures open.
var noLiabilityWords = [...]string{"正当防卫", "紧急避险", "不负刑事责任", "不应追究刑事责任", "不应当追究刑事责任",
	// Round 35: 刑事诉讼法第二百条第三项's words (证据不足，指控的犯罪不能成立).
	"指控的犯罪不能成立", "指控犯罪不能成立"}

// excessWords mark a defence of excess (防卫过当, 避险过当, 超过必要限度),
// which admits a crime (刑法第二十条第二款, 第二十一条第二款): with one in
// the segment noLiabilityWords are not read.
var excessWords = [...]string{"过当", "限度"}

// defenceNotGuiltyIn returns the words in which a defender pleads not
// guilty: 无罪 or 不构成犯罪 after 辩护人 in its sentence, not negated (不作
// 无罪辩护, 放弃无罪辩护) and not another person's (被害人…无罪 is cut at
// 被害人). 不构成某罪 (a lesser charge) is not a plea of not guilty.
func defenceNotGuiltyIn(text string) string {
	rest := text
	for {
		i := hanscan.Index(rest, defenceMark)
		if i < 0 {
			return ""
		}
		seg := rest[i+len(defenceMark):]
		if j := strings.IndexAny(seg, "。；;\n"); j >= 0 {
			seg = seg[:j]
		}
		if j := strings.Index(seg, "被害人"); j >= 0 {
			seg = seg[:j]
		}
		for _, w := range notGuiltyWords {
			if j := strings.Index(seg, w); j >= 0 && !negatedWithin(seg[:j], 3) && !strings.HasSuffix(seg[:j], "放弃") {
				return defenceMark + seg[:j+len(w)]
			}
		}
		if !containsAny(seg, excessWords[:]) {
			for _, w := range noLiabilityWords {
				// The negation is looked for in the word's own clause: 证据
				// 不足，指控的犯罪不能成立 holds 不 before the comma (round 35).
				if j := strings.Index(seg, w); j >= 0 && !negatedWithin(clauseBefore(seg[:j]), 3) {
					return defenceMark + seg[:j+len(w)]
				}
			}
		}
		rest = rest[i+len(defenceMark):]
	}
}

// caseTextFacts sets on a copy of f the case facts its text states and its
// circumstances do not, with a review each that quotes the words; f itself
// is returned when the text states nothing new.
func caseTextFacts(f *triagev1.Filing, a *Assessment) *triagev1.Filing {
	t := ReadCaseText(f.GetText(), f.GetCaseKind())
	c := f.GetCircumstances()
	admin := f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE
	retrialCode, remandCode := CodeReviewRetrialInText, ""
	if admin {
		retrialCode, remandCode = CodeReviewAdminRetrialInText, CodeReviewAdminRemandedInText
	}
	return withTextReadings(f, a, []textReading{
		{t.MajorImpact, CodeReviewMajorImpactInText, c.GetMajorSocialImpact(), func(c *triagev1.Circumstances) { c.MajorSocialImpact = true }},
		{t.Retrial, retrialCode, c.GetRetrial(), func(c *triagev1.Circumstances) { c.Retrial = true }},
		{t.DefenceNotGuilty, CodeReviewDefenceNotGuiltyInText, c.GetDefencePleadsNotGuilty(), func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true }},
		{t.Remanded, remandCode, c.GetRemanded(), func(c *triagev1.Circumstances) { c.Remanded = true }},
		// The agreement the field states is taken back: nothing to take
		// back when the field states none.
		{t.Objection, CodeReviewAdminObjectionInText, !c.GetPartiesAgreeSimplified(), func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = false }},
	})
}

// textReading is one fact a text reader found: the words read, the review
// code quoting them ("" where the kind has none, and the fact is not set),
// whether the filing's fields state the fact already, and how to set it in
// the circumstances.
type textReading struct {
	words, code string
	stated      bool
	set         func(*triagev1.Circumstances)
}

// withTextReadings sets on a copy of f every fact of rs read from the text
// (words) that its fields do not state, each with its review quoting the
// words; f itself when none is new. The copy keeps f unchanged for the
// caller, who stores the filing as sent.
func withTextReadings(f *triagev1.Filing, a *Assessment, rs []textReading) *triagev1.Filing {
	var g *triagev1.Filing
	for _, r := range rs {
		if r.words == "" || r.stated || r.code == "" {
			continue
		}
		if g == nil {
			g = proto.CloneOf(f)
			if g.Circumstances == nil {
				g.Circumstances = &triagev1.Circumstances{}
			}
		}
		r.set(g.Circumstances)
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(r.code, r.words))
	}
	if g == nil {
		return f
	}
	return g
}
