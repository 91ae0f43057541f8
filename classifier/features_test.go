package classifier

import (
	"math"
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := NewExtractor(DefaultFeatureConfig())
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func testRules(t testing.TB) *rules.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func loanFiling(text string) *triagev1.Filing {
	return &triagev1.Filing{
		Id: "(2024)浙0102民初1号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "杭州市上城区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "浙江省", FiledOn: "2024-03-05",
		Cause: "民间借贷纠纷", ClaimAmountFen: 3_000_000,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION, WhereaboutsUnknown: true},
		},
		Text:          text,
		Circumstances: &triagev1.Circumstances{AppraisalNeeded: true},
	}
}

func TestExtractDenseFeatures(t *testing.T) {
	x, r := testExtractor(t), testRules(t)
	f := loanFiling("诉讼请求：判令被告偿还借款30000元。")
	a, err := r.Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	v := x.NewVector()
	x.Extract(f, a, v)
	want := map[int]float64{
		fKindCivil: 1, fCourtBasic: 1, fCourtLevel: 1, fCauseKnown: 1, fCauseMoney: 1,
		fAmountLog:  4.5, // ¥30,000: log10 ≈ 4.48, to the quarter
		fPlaintiffs: 1, fDefendants: 1, fDefendantOrgs: 1, fWhereaboutsDefendant: 1, fAppraisal: 1,
		fOpenSmallClaims: 0, fOpenSimplified: 0, fLimitKnown: 1,
	}
	for i, w := range want {
		if got := v.Dense[i]; got != w {
			t.Errorf("%s = %v, want %v", denseNames[i], got, w)
		}
	}
	if v.Dense[fBarsSmallClaims] < 2 { // appraisal + whereabouts
		t.Errorf("bars_small_claims = %v, want ≥ 2", v.Dense[fBarsSmallClaims])
	}
	if len(v.Buckets) == 0 {
		t.Fatal("no text buckets")
	}
}

func TestExtractReuseIsClean(t *testing.T) {
	x, r := testExtractor(t), testRules(t)
	long := loanFiling(strings.Repeat("原告与被告之间存在借贷关系，被告至今未还款。", 40))
	short := loanFiling("被告借款未还。")
	fresh := func(f *triagev1.Filing) *Vector {
		a, err := r.Evaluate(f)
		if err != nil {
			t.Fatal(err)
		}
		v := x.NewVector()
		x.Extract(f, a, v)
		return v
	}
	want := fresh(short)
	v := x.NewVector()
	for _, f := range []*triagev1.Filing{long, short} {
		a, _ := r.Evaluate(f)
		x.Extract(f, a, v)
	}
	if !slices.Equal(v.Buckets, want.Buckets) || v.Dense != want.Dense {
		t.Fatalf("a reused vector differs from a fresh one:\n%v\n%v", v.Buckets, want.Buckets)
	}
}

func TestExtractNormalisesDigitsAndSpace(t *testing.T) {
	x := testExtractor(t)
	buckets := func(text string) []uint32 {
		v := x.NewVector()
		x.Extract(&triagev1.Filing{Text: text}, nil, v)
		return slices.Sorted(slices.Values(v.Buckets))
	}
	if a, b := buckets("借款30000元"), buckets("借款２５００元"); !slices.Equal(a, b) {
		t.Errorf("digit runs should hash alike: %v vs %v", a, b)
	}
	if a, b := buckets("ABC借款"), buckets("abc借款"); !slices.Equal(a, b) {
		t.Errorf("ASCII case should not matter")
	}
	// Whitespace ends the n-gram window: "借 款" has no bigram 借款.
	if a, b := buckets("借 款"), buckets("借款"); slices.Equal(a, b) {
		t.Errorf("whitespace should split n-grams")
	}
}

func TestExtractDeterministicAcrossExtractors(t *testing.T) {
	f := loanFiling("原告张某诉称，被告李某向其借款人民币五万元。")
	v1, v2 := testExtractor(t).NewVector(), testExtractor(t).NewVector()
	testExtractor(t).Extract(f, nil, v1)
	testExtractor(t).Extract(f, nil, v2)
	if !slices.Equal(v1.Buckets, v2.Buckets) {
		t.Fatal("hashing is not deterministic")
	}
	// Pin a few buckets: a change of hash silently invalidates every model.
	if got := len(v1.Buckets); got < 40 {
		t.Fatalf("only %d buckets", got)
	}
}

func TestFeatureConfigValidate(t *testing.T) {
	good := DefaultFeatureConfig()
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, mutate := range map[string]func(*FeatureConfig){
		"format":    func(c *FeatureConfig) { c.Format = 99 },
		"hash bits": func(c *FeatureConfig) { c.HashBits = 40 },
		"ngram":     func(c *FeatureConfig) { c.NGramMax = 0 },
		"dense":     func(c *FeatureConfig) { c.Dense = c.Dense[1:] },
		"lexicon":   func(c *FeatureConfig) { c.Lexicon[0] = append(c.Lexicon[0], "新词") },
	} {
		c := DefaultFeatureConfig()
		mutate(&c)
		if err := c.Validate(); err == nil {
			t.Errorf("%s: invalid config accepted", name)
		}
		if c.Hash() == good.Hash() {
			t.Errorf("%s: hash did not change", name)
		}
	}
}

func TestLexiconCounts(t *testing.T) {
	x := testExtractor(t)
	idx := func(name string) int {
		i := slices.Index(DenseFeatureNames(), name)
		if i < 0 {
			t.Fatalf("no dense feature %s", name)
		}
		return i
	}
	count := func(text, name string) float64 {
		v := x.NewVector()
		x.Extract(&triagev1.Filing{Text: text}, nil, v)
		return v.Dense[idx(name)]
	}
	for _, tc := range []struct {
		text, name string
		want       float64
	}{
		{"被告已搬离原住所，现住址不详。", "lex_service", 2},
		{"被告已搬离原住所，搬离后住址不详。", "lex_service", 2}, // distinct terms
		{"被告下落不明", "lex_service", 1},            // a three-character core
		{"被告下落 不明", "lex_service", 0},           // whitespace ends the window
		{"原告申请财产保全，请求冻结、查封被告财产。", "lex_preservation", 3},
		{"本案诉讼费、保全费由被告承担。", "lex_preservation", 0},      // the cost claim is not an application
		{"被告否认借款，对金额有异议，且不予认可，辩称已还。", "lex_dispute", 3}, // capped
		{"原告伤残等级待鉴定。", "lex_appraisal", 2},
		{"原告伤残等级待鉴定。", "lex_counterclaim", 0},
		{"", "lex_mediation", 0},
		{"被告称其已提前通知退租，不应支付剩余租金。", "lex_dispute", 2},  // a defence the complaint reports
		{"被告表示其也有损失，要求原告赔偿。", "lex_counterclaim", 3}, // a threatened counterclaim
		{"判令被告向原告支付借款本金及利息。", "lex_counterclaim", 0}, // the routine prayer is no counterclaim
		{"被告在起诉状所列地址已长期无人居住。", "lex_service", 1},
		{"被告的配偶对涉案债务是否知情，原告将申请法院依法查明。", "lex_joinder", 1},
	} {
		if got := count(tc.text, tc.name); got != tc.want {
			t.Errorf("%s in %q = %v, want %v", tc.name, tc.text, got, tc.want)
		}
	}
	// Every term matches itself and lands in its own category only.
	for cat, terms := range LexiconTerms() {
		for _, term := range terms {
			if got := count(term, lexNames[cat]); got != 1 {
				t.Errorf("term %s counts %v in %s", term, got, lexNames[cat])
			}
		}
	}
}

func TestCourtToken(t *testing.T) {
	x := testExtractor(t)
	f := loanFiling("原告张某诉称，被告李某向其借款人民币五万元。")
	a, b := x.NewVector(), x.NewVector()
	x.Extract(f, nil, a)
	g := loanFiling(f.Text)
	g.Court = "宁波市海曙区人民法院"
	x.Extract(g, nil, b)
	if slices.Equal(slices.Sorted(slices.Values(a.Buckets)), slices.Sorted(slices.Values(b.Buckets))) {
		t.Fatal("the court does not reach the features")
	}
	if len(a.Buckets) != len(b.Buckets) {
		t.Errorf("the court should add exactly one token: %d vs %d buckets", len(a.Buckets), len(b.Buckets))
	}
}

// FuzzExtract feeds arbitrary filings through the rules and the extractor:
// no panic, every dense value finite and within its documented range, every
// bucket in range and listed once.
func FuzzExtract(f *testing.F) {
	f.Add(int32(1), int32(1), "民间借贷纠纷", "诉讼请求：判令被告偿还借款30000元。", int64(3_000_000), uint8(2), uint8(1), uint64(0), int32(0), "浙江省", "2024-03-05")
	f.Add(int32(3), int32(1), "危险驾驶罪", "被告人醉酒驾驶机动车，自愿认罪认罚。", int64(0), uint8(0), uint8(1), uint64(1<<20|1<<21), int32(4), "", "")
	f.Add(int32(2), int32(2), "政府信息公开", "\x00\xff\xfe 　１２３abcDEF", int64(-5), uint8(15), uint8(15), ^uint64(0), int32(-3), "xx", "2024-02-30")
	f.Add(int32(9), int32(0), "", "", int64(math.MaxInt64), uint8(255), uint8(255), uint64(0), int32(math.MaxInt32), "210000", "1990-01-01")
	x := testExtractor(f)
	r := testRules(f)
	f.Fuzz(func(t *testing.T, kind, level int32, cause, text string, amount int64, nPl, nDf uint8, flags uint64, months int32, province, filed string) {
		fl := &triagev1.Filing{
			Id: "fuzz", CaseKind: triagev1.CaseKind(kind), CourtLevel: triagev1.CourtLevel(level),
			Cause: cause, Text: text, ClaimAmountFen: amount, Province: province, FiledOn: filed,
			Circumstances: circumstancesFromBits(flags, months),
		}
		for i := 0; i < int(nPl%20); i++ {
			fl.Parties = append(fl.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF,
				Kind: triagev1.PartyKind(i % 3), Foreign: flags&(1<<40) != 0, WhereaboutsUnknown: i == 0 && flags&(1<<41) != 0})
		}
		for i := 0; i < int(nDf%20); i++ {
			fl.Parties = append(fl.Parties, &triagev1.Party{Role: triagev1.PartyRole(i%4 + 1),
				Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION, Minor: flags&(1<<42) != 0, Impaired: flags&(1<<43) != 0})
		}
		a, err := r.Evaluate(fl)
		if err != nil {
			a = nil // invalid filings still must not break the extractor
		}
		v := x.NewVector()
		for range 2 { // the second pass exercises reuse
			x.Extract(fl, a, v)
			checkVector(t, x, v)
		}
	})
}

func circumstancesFromBits(b uint64, months int32) *triagev1.Circumstances {
	bit := func(i int) bool { return b&(1<<i) != 0 }
	return &triagev1.Circumstances{
		Counterclaim: bit(0), AppraisalNeeded: bit(1), PublicNoticeService: bit(2), Remanded: bit(3), Retrial: bit(4),
		PublicInterest: bit(5), PersonalStatus: bit(6), PropertyRightsConfirmation: bit(7), ThirdPartyRevocation: bit(8),
		NonMonetaryClaims: bit(9), PartiesAgreeSmallClaims: bit(10), PartiesAgreeSimplified: bit(11), GuiltyPlea: bit(12),
		ConsentsFastTrack: bit(13), ObjectsSimplified: bit(14), RecommendedSentenceMonths: months, MajorSocialImpact: bit(15),
		CoDefendantDispute: bit(16), VictimSettlementMissing: bit(17), DefencePleadsNotGuilty: bit(18), ActOnTheSpot: bit(19),
		InformationDisclosure: bit(20),
	}
}

// denseMax bounds each dense feature (binaries 1, counts their caps).
func denseMax(i int) float64 {
	switch i {
	case fCourtLevel:
		return 4
	case fAmountLog:
		return 10
	case fAmountRatio:
		return float64(len(amountRatioEdges) + 1)
	case fPlaintiffs, fDefendants:
		return 12
	case fThirdParties, fBarsSmallClaims, fBarsSimplified, fBarsFastTrack, fReviewReasons:
		return 6
	case fPlaintiffOrgs, fDefendantOrgs:
		return 5
	case fSentence:
		return float64(len(sentenceEdges) + 1)
	case fTextLength, fYears:
		return 30
	case fSentences:
		return 40
	case fFiledYear:
		return 20
	case fSentenceKind:
		return sevDeath
	}
	return 1
}

func checkVector(t *testing.T, x *Extractor, v *Vector) {
	t.Helper()
	for i, d := range v.Dense {
		if math.IsNaN(d) || math.IsInf(d, 0) || d < 0 || d > denseMax(i) {
			t.Fatalf("%s = %v outside [0, %v]", denseNames[i], d, denseMax(i))
		}
	}
	seen := map[uint32]bool{}
	for _, b := range v.Buckets {
		if int(b) >= x.Buckets() {
			t.Fatalf("bucket %d outside %d", b, x.Buckets())
		}
		if seen[b] {
			t.Fatalf("bucket %d listed twice", b)
		}
		seen[b] = true
	}
}
