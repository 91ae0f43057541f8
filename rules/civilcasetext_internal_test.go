package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// FuzzCivilCaseText: any text, no panic; the caller's filing is never
// changed; a text and its folded form read alike (the prefilter misses no
// rune the fold turns into a word read); civilCaseText sets exactly the
// facts ReadCivilCaseText reads, each with one review naming its words; a
// fact read is read from words the text holds.
func FuzzCivilCaseText(f *testing.F) {
	for _, s := range []string{
		"诉讼请求：1.判令被告偿还借款5000元。事实与理由：本院按照审判监督程序对本案进行再审。",
		"诉讼请求：1.撤销（2023）浙0302民初88号民事判决第二项。事实与理由：原告未参加前案诉讼。",
		"本案涉及社会公共利益。", "本案社会影响重大。", "被告提出反诉，要求原告返还押金。", "反诉原告（本诉被告）请求判令",
		"本院按照審判監督程序對本案進行再審。", "本案按照審判㊬督程序再审", "本院🈞审本案", "被告称将提起反诉。",
		"被告曾在另案中提出反诉", "本案不涉及国家利益", "被告曾依照审判监督程序申请再审，被驳回。", "撤销原判，发回重审",
		"请求撤销仲裁裁决", "\xff反诉", "", "。；\n",
		// Round 26.
		"被告向本院提出诉讼请求：判令原告返还押金。", "被告提出反請求。", "诉讼请求：1.确认房屋归原告所有。", "原告申请追加李四为被告。",
		"原告變更訴訟請求。", "本案案情複雜。", "被告否認借款事實。", "被告對欠款不予認可。", "本案疑难复杂",
		// Round 27.
		"诉讼请求：1.判令原告與被告離婚；2.返还彩礼3万元。", "诉讼请求：1.解除收养关系。", "诉讼请求：1.判令婚生女由原告直接抚养。",
		"原告变更诉讼请求为判令被告偿还借款捌万元。", "原告变更诉讼请求，将借款金额由80000元变更为5000元。", "变更诉讼请求由由为",
		"原告将诉讼请求金额由5000元变更为80000元，即变更诉讼请求。", "原告增加诉讼请求:违约金1.2万元。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ReadCivilCaseText(s)
		folded := foldCause(s)
		if again := ReadCivilCaseText(folded); again != got {
			t.Fatalf("ReadCivilCaseText(%q) = %+v, its folded form %+v", s, got, again)
		}
		for _, w := range [...]string{got.Retrial, got.ThirdPartyRevocation, got.PublicInterest, got.MajorImpact, got.Counterclaim,
			got.PropertyConfirmation, got.Changed, got.Complex, got.Denial, got.PersonalStatus} {
			if w != "" && !containsAny(folded, []string{w}) {
				t.Fatalf("ReadCivilCaseText(%q): words %q not in the folded text", s, w)
			}
		}
		// A changed claim's sum is read only with the change, never below 0.
		if got.ChangedFen < 0 || got.ChangedFen > 0 && got.Changed == "" {
			t.Fatalf("ReadCivilCaseText(%q): changed sum %d with change %q", s, got.ChangedFen, got.Changed)
		}
		in := &triagev1.Filing{Text: s, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL}
		keep := proto.CloneOf(in)
		// A 2024 filing, on which every round-26 review is given.
		a := &Assessment{FiledOn: interp2022InForce.AddDate(2, 0, 0)}
		a.Facts.Claims = readFoldedClaims(nil, folded) // as readCivil does first
		out := civilCaseText(in, a, hanscan.NewText(folded))
		if !proto.Equal(in, keep) {
			t.Fatalf("civilCaseText(%q) changed the caller's filing", s)
		}
		c := out.GetCircumstances()
		want := 0
		for _, p := range [...]struct {
			words string
			set   bool
		}{
			{got.Retrial, c.GetRetrial()}, {got.ThirdPartyRevocation, c.GetThirdPartyRevocation()},
			{got.PublicInterest, c.GetPublicInterest()}, {got.MajorImpact, c.GetMajorSocialImpact()},
			{got.Counterclaim, c.GetCounterclaim()}, {got.PropertyConfirmation, c.GetPropertyRightsConfirmation()},
			{got.PersonalStatus, c.GetPersonalStatus()},
		} {
			if (p.words != "") != p.set {
				t.Fatalf("civilCaseText(%q): read %q but flag set %v", s, p.words, p.set)
			}
			if p.set {
				want++
			}
		}
		// The round-26 readings that close nothing add their review alone.
		for _, w := range [...]string{got.Changed, got.Complex, got.Denial} {
			if w != "" {
				want++
			}
		}
		if len(a.ReviewReasons) != want {
			t.Fatalf("civilCaseText(%q): %d review reasons, want %d", s, len(a.ReviewReasons), want)
		}
		if a.Facts.PublicInterest != c.GetPublicInterest() || a.Facts.ThirdPartyRevocation != c.GetThirdPartyRevocation() {
			t.Fatalf("civilCaseText(%q): facts and circumstances disagree", s)
		}
		if a.Facts.ChangedClaimFen != got.ChangedFen {
			t.Fatalf("civilCaseText(%q): changed sum %d in the facts, %d read", s, a.Facts.ChangedClaimFen, got.ChangedFen)
		}
	})
}

// TestReadCivilCaseText pins each reader on its words and its near misses.
func TestReadCivilCaseText(t *testing.T) {
	for _, c := range []struct {
		text string
		want CivilCaseFacts
	}{
		{"本院按照审判监督程序对本案进行再审。", CivilCaseFacts{Retrial: "审判监督程序"}},
		{"温州市中级人民法院裁定指令本院再审本案。", CivilCaseFacts{Retrial: "温州市中级人民法院裁定指令本院再审"}},
		{"本院🈞审本案", CivilCaseFacts{}},
		{"被告曾对原审判决依照审判监督程序申请再审，被驳回。", CivilCaseFacts{}},
		{"前案经中院指令再审后改判。", CivilCaseFacts{}},
		{"诉讼请求：1.撤销（2023）浙0302民初88号民事判决第二项。事实与理由：", CivilCaseFacts{ThirdPartyRevocation: "诉讼请求:1.撤销(2023)浙0302民初88号民事判决第二项"}},
		{"原告请求撤销与被告签订的借款合同。", CivilCaseFacts{}},
		{"原告请求撤销仲裁裁决书。", CivilCaseFacts{}},
		{"判决撤销原判。", CivilCaseFacts{}},
		{"原告提起第三人撤销之诉。", CivilCaseFacts{ThirdPartyRevocation: "第三人撤销之诉"}},
		{"被告曾在另案中提起第三人撤销之诉。", CivilCaseFacts{}},
		{"本案涉及社会公共利益。", CivilCaseFacts{PublicInterest: "涉及社会公共利益"}},
		{"本案不涉及国家利益、社会公共利益。", CivilCaseFacts{}},
		{"被告行为涉及社会公共利益。", CivilCaseFacts{}},
		{"本案社会影响重大。", CivilCaseFacts{MajorImpact: "社会影响重大"}},
		{"本案无重大社会影响。", CivilCaseFacts{}},
		{"被告提出反诉，要求返还押金。", CivilCaseFacts{Counterclaim: "被告提出反诉,要求返还押金"}},
		{"被告称将提起反诉。", CivilCaseFacts{}},
		{"被告未提出反诉。", CivilCaseFacts{}},
		{"被告撤回反诉。", CivilCaseFacts{}},
		{"被告曾在另案中提出反诉。", CivilCaseFacts{}},
		// Round 26.
		{"被告向本院提出诉讼请求:1.判令原告返还押金。", CivilCaseFacts{Counterclaim: "被告向本院提出诉讼请求:1.判令原告"}},
		{"被告提出反请求。", CivilCaseFacts{Counterclaim: "反请求"}},
		{"被告曾要求原告在网上贷款。", CivilCaseFacts{}},
		{"被告请求判令原告承担诉讼费。", CivilCaseFacts{}},
		// No counterclaim; a claim to divorce (round 27).
		{"申请人与被告黄某因离婚纠纷一事,请求法院判令原告与被告离婚。", CivilCaseFacts{PersonalStatus: "离婚"}},
		{"原告诉被告请求判令原告与被告离婚。", CivilCaseFacts{PersonalStatus: "离婚"}},
		{"被告经催告仍未履行,另请求判令原告享有优先受偿权。", CivilCaseFacts{}},
		{"诉讼请求:1.确认位于某路1号的房屋归原告所有;2.判令被告支付5000元。事实与理由:", CivilCaseFacts{PropertyConfirmation: "确认位于某路1号的房屋归原告所有"}},
		{"诉讼请求:1.确认原告与被告签订的股权转让协议无效。", CivilCaseFacts{}},
		{"原告申请追加李四为被告。", CivilCaseFacts{Changed: "追加李四为被告"}},
		{"本院追加某公司为共同被告。", CivilCaseFacts{Changed: "追加某公司为共同被告"}},
		{"原告追加被告王五。", CivilCaseFacts{Changed: "追加被告"}},
		{"被告追加借款3000元。", CivilCaseFacts{}},
		{"原告变更诉讼请求为5000元。", CivilCaseFacts{Changed: "变更诉讼请求", ChangedFen: 500000}},
		{"原告保留变更诉讼请求的权利。", CivilCaseFacts{}},
		{"本案案情复杂。", CivilCaseFacts{Complex: "复杂"}},
		{"本案疑难复杂。", CivilCaseFacts{NotSimple: "疑难复杂"}},
		// Round 32: CPL 42(4)'s own words, read for small claims alone.
		{"本案属于新类型案件。", CivilCaseFacts{NotSimple: "新类型"}},
		{"本案不属于新类型案件。", CivilCaseFacts{}},
		{"前案系新类型案件。", CivilCaseFacts{}},
		{"本案并不复杂。", CivilCaseFacts{}},
		{"被告否认借款事实。", CivilCaseFacts{Denial: "被告否认"}},
		{"被告对欠款不予认可。", CivilCaseFacts{Denial: "被告对欠款不予认可"}},
		{"被告未否认借款。", CivilCaseFacts{}},
		{"被告之妻否认知情。", CivilCaseFacts{}},
		// Round 27: personal status in the claims, a changed claim's sum.
		{"诉讼请求:1.解除原告与被告之间的收养关系;2.判令被告支付2000元。", CivilCaseFacts{PersonalStatus: "解除原告与被告之间的收养关系"}},
		{"诉讼请求:1.判令婚生女由原告直接抚养。", CivilCaseFacts{PersonalStatus: "由原告直接抚养"}},
		{"诉讼请求:1.判令婚生女由原告抚养费。", CivilCaseFacts{}},
		{"诉讼请求:1.确认原告与被告的婚姻无效。", CivilCaseFacts{PersonalStatus: "婚姻无效"}},
		{"诉讼请求:1.变更原告为李某的监护人。", CivilCaseFacts{PersonalStatus: "变更原告为李某的监护人"}},
		{"诉讼请求:1.判令被告支付离婚损害赔偿金2000元。", CivilCaseFacts{}},
		{"诉讼请求:1.原告不要求离婚。", CivilCaseFacts{}},
		{"事实与理由:双方已确认亲子关系。", CivilCaseFacts{}},
		{"原告变更诉讼请求,将借款金额由80000元变更为5000元。", CivilCaseFacts{Changed: "变更诉讼请求", ChangedFen: 500000}},
		{"原告将诉讼请求金额由5000元变更为80000元,即变更诉讼请求。", CivilCaseFacts{Changed: "变更诉讼请求", ChangedFen: 8000000}},
		{"原告变更诉讼请求,减少本金60000元。", CivilCaseFacts{Changed: "变更诉讼请求"}},
		{"原告变更诉讼请求,本金减少为3万元。", CivilCaseFacts{Changed: "变更诉讼请求", ChangedFen: 3000000}},
		{"原告变更诉讼请求为判令被告支付以80000元为基数计算的利息。", CivilCaseFacts{Changed: "变更诉讼请求"}},
		{"原告增加诉讼请求:违约金壹万贰仟元。", CivilCaseFacts{Changed: "增加诉讼请求", ChangedFen: 1200000}},
		{"原告增加诉讼请求:违约金1.2万元。", CivilCaseFacts{Changed: "增加诉讼请求", ChangedFen: 1200000}},
		{"原告申请追加李四为被告,要求其偿还80000元。", CivilCaseFacts{Changed: "追加李四为被告"}},
	} {
		if got := ReadCivilCaseText(c.text); got != c.want {
			t.Errorf("ReadCivilCaseText(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}

// FuzzCivilReading27 runs round 27's party readers (sideTotals,
// regionalResidentStated, residenceAbroadStated) on any text: no panic,
// counts never negative, and a text and its folded form read alike (the
// engine reads the folded text).
func FuzzCivilReading27(f *testing.F) {
	for _, s := range []string{"本案原告共计12人。", "原告十二人推选张某为诉讼代表人。", "被告系香港特别行政区居民。", "证人系香港居民。",
		"被告非香港居民。", "被告经常居所地在美国。", "原告共", "被告", "原告九十九百人", "\xff原告1", "原告99999999999999999999人"} {
		f.Add(s)
	}
	subjects := []string{"原告", "被告", "第三人"}
	f.Fuzz(func(t *testing.T, s string) {
		folded := foldCause(s)
		p, d := sideTotals(nil, folded)
		if p < 0 || d < 0 {
			t.Fatalf("sideTotals(nil, %q) = %d, %d", s, p, d)
		}
		again := foldCause(folded)
		if p2, d2 := sideTotals(nil, again); p2 != p || d2 != d {
			t.Fatalf("sideTotals(nil, %q) = %d, %d; folded again %d, %d", s, p, d, p2, d2)
		}
		if regionalResidentStated(nil, folded, subjects) != regionalResidentStated(nil, again, subjects) ||
			residenceAbroadStated(nil, folded, subjects) != residenceAbroadStated(nil, again, subjects) {
			t.Fatalf("residence readers differ on %q and its folded form", s)
		}
	})
}

// FuzzCivilReading28 runs round 28's readers on any text: foreignFactsStated
// decides as the clause reader run on every clause does (its anchor gate
// leaves nothing out), alike on a text and its folded form; changeSumFen
// reads no sum without a change and none below zero.
func FuzzCivilReading28(f *testing.F) {
	for _, s := range []string{"原、被告在日本签订借款合同。", "房屋位于美国加利福尼亚州。", "位于美国的房屋", "事故发生于泰国",
		"双方约定货物在日本交付。", "被告的商铺位于香港路28号。", "并非在日本签订", "原告现主张借款本金80000元，故变更诉讼请求。",
		"原告将诉讼请求变更为：判令被告支付80000元。", "被告已还款80000元，故原告变更诉讼请求。", "\xff在美国签订", "签订",
		// Round 29's expressions share the gate on a mark and a place.
		"原告在日本购买手表。", "原、被告于2010年在美国登记结婚。", "侵权行为地在境外。", "标的物在境外。", "货物现存放于越南海防港。",
		"原告在日本料理店购买餐券。", "被告欲在美国购买房屋。", "房屋出售给被告在美国的亲属。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := foldCause(s)
		got := foreignFactsStated(nil, folded)
		want := slices.ContainsFunc(strings.FieldsFunc(folded, func(r rune) bool { return strings.ContainsRune(clauseBreaks, r) }),
			foreignFactInClause)
		if got != want {
			t.Fatalf("foreignFactsStated(nil, %q) = %v, every clause read: %v", folded, got, want)
		}
		if again := foldCause(folded); foreignFactsStated(nil, again) != got {
			t.Fatalf("foreignFactsStated differs on %q and its folded form", s)
		}
		for _, sent := range strings.Split(folded, "。") {
			w := changeIn(nil, sent)
			n := changeSumFen(sent, w)
			if n < 0 || w == "" && n != 0 {
				t.Fatalf("changeSumFen(%q, %q) = %d", sent, w, n)
			}
		}
	})
}

// FuzzCivilReading29 runs round 29's readers on any text: a party settled
// abroad (settledAbroadStated), the case called foreign-related
// (foreignCaseStated) and an increase's total (increasedClaimsFen)
// never panic, read a text and its folded form alike, read nothing without
// their words (the settled reader's gate, mayStateSettled, lets every text
// with them through), and the total is what the case facts carry at least.
func FuzzCivilReading29(f *testing.F) {
	for _, s := range []string{"被告已定居加拿大多年。", "被告系旅居美国的华侨，借款未还。", "原告系华侨", "被告系归国华侨，", "被告居住在华侨城",
		"被告并未定居美国", "被告计划定居美国", "证人已定居美国",
		"诉讼请求：1.判令被告偿还借款30000元。事实与理由：审理中，原告增加诉讼请求，要求被告支付违约金30000元。",
		"诉讼请求：偿还借款30000元。原告增加诉讼请求，要求另行支付10000元，以上共计40000元。", "增加诉讼请求至50000元", "增加诉请3万元",
		"\xff增加诉讼请求", "定居", "被告已取得美国永久居留权", "被告移居澳大利亚", "涉外民间借贷纠纷", "本案系涉外民事案件。", "本案不属于涉外案件", "涉", "被告已移民加拿大", "被告已取得美国绿卡", "移民局", "被告计划移民美国"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := foldCause(s)
		subjects := []string{"原告", "被告", "第三人"}
		settled := settledAbroadStated(nil, folded, subjects)
		// The gate lets through every text the words could be read in.
		if (residenceAbroad29.MatchString(folded) || strings.Contains(folded, overseasChinese)) && !mayStateSettled(nil, folded) {
			t.Fatalf("mayStateSettled(nil, %q) = false, and the words are there", folded)
		}
		if again := foldCause(folded); settledAbroadStated(nil, again, subjects) != settled {
			t.Fatalf("settledAbroadStated differs on %q and its folded form", s)
		}
		stated := foreignCaseStated(nil, folded, folded)
		if stated && !strings.Contains(folded, "涉") {
			t.Fatalf("foreignCaseStated(nil, %q) without 涉", folded)
		}
		if again := foldCause(folded); foreignCaseStated(nil, again, again) != stated {
			t.Fatalf("foreignCaseStated differs on %q and its folded form", s)
		}
		total := increasedClaimsFen(nil, folded)
		if total < 0 || total > 0 && !containsAny(folded, increaseWords[:]) {
			t.Fatalf("increasedClaimsFen(nil, %q) = %d", folded, total)
		}
		if again := foldCause(folded); increasedClaimsFen(nil, again) != total {
			t.Fatalf("increasedClaimsFen differs on %q and its folded form", s)
		}
		if facts := readFoldedCaseFacts(hanscan.NewText(folded)); facts.Changed != "" && facts.ChangedFen < total {
			t.Fatalf("case facts of %q carry %d, below the increase's total %d", folded, facts.ChangedFen, total)
		}
	})
}

// counterOrderNaive is counterOrderIn by its definition: some occurrence
// of an orderedPlaintiff word, found at every byte, with no bothParties
// word after it.
func counterOrderNaive(s string) bool {
	for _, w := range orderedPlaintiff {
		for i := 0; i < len(s); i++ {
			if strings.HasPrefix(s[i:], w) && prefixIn(s[i+len(w):], bothParties[:]) == 0 {
				return true
			}
		}
	}
	return false
}

// TestCounterOrderIn: counterOrderIn says what counterOrderNaive says, on
// 200,000 random texts of their words, their parts, cut characters and
// others.
func TestCounterOrderIn(t *testing.T) {
	pieces := []string{"判令", "判决", "责令", "原告", "原", "告", "判", "令", "决", "责", "被告", "判令原告", "原告原告", "，", "x", "\n",
		"\xe5", "\xe5\x8e", "\x9f", "\x8a", "命令", "诉", "与被告", "与", "、被告", "和被"}
	rng := rand.New(rand.NewPCG(28, 26))
	found := 0
	for i := range 200000 {
		s := randomText(rng, pieces, i%50)
		want := counterOrderNaive(s)
		if got := counterOrderIn(nil, s); got != want {
			t.Fatalf("counterOrderIn(nil, %q) = %v, naive %v", s, got, want)
		}
		if got := counterOrderIn(hanscan.NewText(s), s); got != want {
			t.Fatalf("counterOrderIn(its text, %q) = %v, naive %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 10000 || found > 190000 {
		t.Fatalf("%d of 200,000 texts hold such an order: the test reads too little of one side", found)
	}
}

// FuzzCounterOrderIn compares counterOrderIn with counterOrderNaive on
// any text.
func FuzzCounterOrderIn(f *testing.F) {
	f.Add("被告请求判令原告返还押金")
	f.Add("判令被告与原告离婚，判令原告与被告离婚")
	f.Add("\xe5\x8e判令原\xe5\x8e\x9f告")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := counterOrderIn(nil, s), counterOrderNaive(s); got != want {
			t.Fatalf("counterOrderIn(nil, %q) = %v, naive %v", s, got, want)
		}
	})
}

// counterRequestInReference is counterRequestIn before counterOrderIn: a
// sentence is read on for any order just before 原告, of both parties or
// not.
func counterRequestInReference(held *hanscan.Text, sent string) string {
	if !held.Contains(sent, counterRequestWord) && !containsAny(sent, orderedPlaintiff[:]) {
		return ""
	}
	if anyIn(held, sent, otherCaseMarks[:]) || anyIn(held, sent, separateSuit[:]) {
		return ""
	}
	if statedBrought(sent, counterRequestWord) {
		return counterRequestWord
	}
	for rest, off := sent, 0; ; {
		i := strings.Index(rest, "原告")
		if i < 0 {
			return ""
		}
		at := off + i
		before := sent[:at]
		if order := suffixIn(before, courtOrders[:]); order != "" {
			asked := before[:len(before)-len(order)]
			d := strings.LastIndex(asked, "被告")
			if d >= 0 && !strings.ContainsAny(asked[d:], clauseBreaks) && !strings.Contains(asked[d:], "原告") &&
				!strings.ContainsAny(lastRune(asked[:d]), partyObjectMarks) && requestedBy(asked[d:]) &&
				!ordersCostsOnly(sent[at:]) && prefixIn(sent[at+len("原告"):], bothParties[:]) == 0 {
				return sent[d : at+len("原告")]
			}
		}
		rest, off = rest[i+len("原告"):], at+len("原告")
	}
}

// TestCounterRequestGate: counterRequestIn reads what the reference reads
// in every sentence of random texts (orders of both parties and not,
// counter-requests, costs, other suits, breaks) and of the real texts,
// folded as Decide folds them, and readersFor26 leaves the reader unrun
// only in a text where the reference reads nothing in any sentence.
func TestCounterRequestGate(t *testing.T) {
	pieces := []string{"被告", "原告", "请求", "要求", "判令原告", "判决原告", "与被告", "、被告", "离婚", "返还押金", "反请求", "提出",
		"。", "，", ";", "\n", "诉讼费", "另案", "不", "向本院", "1.", "判令", "与", "支付"}
	check := func(text string) int {
		text = foldCause(text)
		held := hanscan.NewText(text)
		counter := readersFor26(held).counter
		found := 0
		for sent := range sentencesOf(text) {
			want := counterRequestInReference(held, sent)
			if got := counterRequestIn(held, sent); got != want {
				t.Fatalf("counterRequestIn(%q) = %q, reference %q", sent, got, want)
			}
			if want != "" {
				if !counter {
					t.Fatalf("readersFor26(%q) leaves counterRequestIn unrun, but it reads %q in %q", text, want, sent)
				}
				found = 1
			}
		}
		return found
	}
	sameOnRandomAndReal(t, 1209, pieces, 30000, 40, "state a counter-request", check)
}
