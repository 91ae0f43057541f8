package rules

import (
	"slices"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// Plea is what a filing establishes about the defendant's 认罪认罚. The law
// tells the two halves apart: simplified procedure needs only the admission
// (刑事诉讼法第二百一十四条第一款第二项), fast-track needs both (第二百二十二条).
type Plea struct {
	// Admits: 认罪, the defendant admits the crime and does not dispute the
	// charged facts.
	Admits bool
	// Accepts: 认罚, the defendant accepts the sentencing recommendation.
	Accepts bool
}

// PleaOf reads the plea from the circumstances. Records written before the
// split set only the deprecated guilty_plea, which meant both halves, so it
// is read as setting both; it never takes away what the new fields state.
func PleaOf(c *triagev1.Circumstances) Plea {
	legacy := c.GetGuiltyPlea() //nolint:staticcheck // SA1019: deprecated, still read here (only) for old records
	return Plea{
		Admits:  legacy || c.GetAdmitsChargedFacts(),
		Accepts: legacy || c.GetAcceptsSentencingRecommendation(),
	}
}

// CoDefendants is what a joint-crime filing says about the other
// defendants. 刑事诉讼法第二百二十三条第四项 (fast-track) and 第二百一十五条第三项
// (simplified) list different objections, so each is kept apart.
type CoDefendants struct {
	DeniesFacts              bool // does not admit the charged facts (不认罪)
	DisputesChargeOrSentence bool // disputes the charge (罪名) or the sentencing recommendation
	ObjectsSimplified        bool // objects to simplified procedure
	ObjectsFastTrack         bool // objects to fast-track
}

// CoDefendantsOf reads the co-defendants' positions. The deprecated
// co_defendant_dispute is read as a denial of the charged facts, the one
// position that bars both procedures, so old records keep their outcome.
func CoDefendantsOf(c *triagev1.Circumstances) CoDefendants {
	legacy := c.GetCoDefendantDispute() //nolint:staticcheck // SA1019: deprecated, still read here (only) for old records
	return CoDefendants{
		DeniesFacts:              legacy || c.GetCoDefendantDeniesChargedFacts(),
		DisputesChargeOrSentence: c.GetCoDefendantDisputesChargeOrSentence(),
		ObjectsSimplified:        c.GetCoDefendantObjectsSimplified(),
		ObjectsFastTrack:         c.GetCoDefendantObjectsFastTrack(),
	}
}

// BarsFastTrack reports 刑事诉讼法第二百二十三条第四项: a co-defendant disputes
// the charged facts, the charge, the sentencing recommendation or fast-track.
func (d CoDefendants) BarsFastTrack() bool {
	return d.DeniesFacts || d.DisputesChargeOrSentence || d.ObjectsFastTrack
}

// BarsSimplified reports 刑事诉讼法第二百一十五条第三项: a co-defendant does not
// admit the crime or objects to simplified procedure. Disputing only the
// charge's name or the recommendation is not a denial of the facts, and an
// objection to fast-track is no objection to simplified procedure.
func (d CoDefendants) BarsSimplified() bool {
	return d.barsSimplified(true)
}

// barsSimplified is BarsSimplified under a law that does (consent) or does
// not make the defendants' consent a condition of simplified procedure:
// before 2003-03-14 only a denial of the facts barred it (crimCodes1996).
func (d CoDefendants) barsSimplified(consent bool) bool {
	return d.DeniesFacts || (consent && d.ObjectsSimplified)
}

// Sentence is a sentencing recommendation read against the thresholds the
// procedure law draws: 三年有期徒刑以下 (第二百二十二条), 有期徒刑超过一年
// (第二百二十五条) and 有期徒刑超过三年 (第二百一十六条、第二百二十条).
type Sentence struct {
	// Kind is the kind of punishment; FIXED_TERM when the filing gave a term
	// without a kind (records written before the kind existed).
	Kind triagev1.SentenceKind
	// Months is the term, 0 when none was given.
	Months int32
	// Known: the filing states a recommendation the thresholds can be read
	// from. A fixed term of 0 months is none.
	Known bool
	// WithinThreeYears: 可能判处三年有期徒刑以下刑罚 — a fixed term of at most 36
	// months or any lighter punishment (管制、拘役、缓刑、单处罚金、免予刑事处罚).
	WithinThreeYears bool
	// OverOneYear: 可能判处的有期徒刑超过一年, or a heavier punishment.
	OverOneYear bool
	// OverThreeYears: 可能判处的有期徒刑超过三年, or life or death.
	OverThreeYears bool
	// LifeOrDeath: 无期徒刑 or 死刑, which only an intermediate or higher
	// court tries at first instance (CrPL 21(2)).
	LifeOrDeath bool
	// FromCharge: no recommendation was stated, and the bounds above come
	// from the charge's statutory maximum (withCeiling); Kind and Months
	// stay empty.
	FromCharge bool
	// FromText: the filing's text stated a heavier recommendation than its
	// fields on a threshold, and the bounds above are the text's
	// (Sentence.withText, criminal_text.go).
	FromText bool
	// WithinOneYear is set with FromCharge only: the charge allows at most
	// one year of 有期徒刑, or none.
	WithinOneYear bool
}

// SentenceOf reads the recommendation from the circumstances. Only a term of
// 有期徒刑 (also when suspended: 缓刑 suspends the execution, the sentence is
// still 有期徒刑 of that term) counts towards the one- and three-year marks;
// life imprisonment and death are beyond both.
func SentenceOf(c *triagev1.Circumstances) Sentence {
	s := Sentence{Kind: c.GetRecommendedSentenceKind(), Months: c.GetRecommendedSentenceMonths()}
	switch s.Kind {
	case triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, triagev1.SentenceKind_SENTENCE_KIND_FIXED_TERM:
		if s.Months > 0 {
			s.Kind = triagev1.SentenceKind_SENTENCE_KIND_FIXED_TERM
			s.Known = true
			s.WithinThreeYears = s.Months <= fastTrackMaxSentence
			s.OverOneYear = s.Months > fastTrackLongSentence
			s.OverThreeYears = s.Months > simplifiedLongSentence
		}
	case triagev1.SentenceKind_SENTENCE_KIND_SUSPENDED:
		// 刑法第七十二条: only 拘役 or 有期徒刑 of at most three years is suspended.
		s.Known, s.WithinThreeYears = true, true
		s.OverOneYear = s.Months > fastTrackLongSentence
	case triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION, triagev1.SentenceKind_SENTENCE_KIND_PUBLIC_SURVEILLANCE,
		triagev1.SentenceKind_SENTENCE_KIND_FINE_ONLY, triagev1.SentenceKind_SENTENCE_KIND_EXEMPTION:
		// Lighter than any 有期徒刑, whatever the term.
		s.Known, s.WithinThreeYears = true, true
	case triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT, triagev1.SentenceKind_SENTENCE_KIND_DEATH:
		s.Known, s.OverOneYear, s.OverThreeYears, s.LifeOrDeath = true, true, true, true
	}
	return s
}

// nationalSecurityChapter is 刑法分则第一章 as the catalogue names it: every
// charge under it is a 危害国家安全案件 (刑事诉讼法第二十一条第一项).
const nationalSecurityChapter = "危害国家安全罪"

// nationalSecurityCharges are the charges of 刑法分则第一章 (arts. 102–112),
// looked for in the written cause so that one of several charges is found
// (刑诉法解释第十五条: 一人犯数罪…其中一罪属于上级人民法院管辖的，全案由上级
// 人民法院管辖).
var nationalSecurityCharges = [...]string{
	"背叛国家罪", "分裂国家罪", "武装叛乱、暴乱罪", "颠覆国家政权罪", "资助危害国家安全犯罪活动罪",
	"投敌叛变罪", "叛逃罪", "间谍罪", "为境外窃取、刺探、收买、非法提供国家秘密、情报罪", "资敌罪",
}

// terrorismCharges are the charges of 刑法第一百二十条至第一百二十条之六 that
// name 恐怖 (with their former names), read as 恐怖活动案件 (刑事诉讼法第二十一条
// 第一项; 2012 text art. 20(1)). Not included, as a judgement this code does
// not make: 利用极端主义破坏法律实施罪 (extremism, which the charge does not
// name as terrorism), 编造、故意传播虚假恐怖信息罪 and 拒绝提供间谍犯罪、恐怖主义
// 犯罪、极端主义犯罪证据罪 (offences against public order and justice), and an
// ordinary charge (爆炸罪, 故意杀人罪) committed as a terrorist act, which the
// charge's name does not show.
var terrorismCharges = [...]string{
	"组织、领导、参加恐怖组织罪", "组织恐怖组织罪", "领导恐怖组织罪", "参加恐怖组织罪",
	"帮助恐怖活动罪", "资助恐怖活动罪", "准备实施恐怖活动罪",
	"宣扬恐怖主义、极端主义、煽动实施恐怖活动罪",
	"强制穿戴宣扬恐怖主义、极端主义服饰、标志罪", "非法持有宣扬恐怖主义、极端主义物品罪",
}

// IntermediateCharges is what the charge says about 刑事诉讼法第二十一条第一项:
// cases the intermediate court tries at first instance whatever the sentence.
type IntermediateCharges struct {
	// NationalSecurity: a charge of 刑法分则第一章 (危害国家安全罪).
	NationalSecurity bool
	// Terrorism: a terrorism charge (see terrorismCharges).
	Terrorism bool
}

// IntermediateChargesOf reads the written charge and every charge it
// resolved to (Charges: one of several is enough, 刑诉法解释第十五条). The
// written cause is searched with the separators inside names dropped on
// both sides (dropCauseSeparators: "武装叛乱暴乱罪" is 武装叛乱、暴乱罪), so
// a charge a list names in any order or spelling the catalogue reads is
// found. 军人叛逃罪 (刑法第四百三十条, 军人违反职责罪) contains 叛逃罪 and is
// taken out before the written charge is searched.
func IntermediateChargesOf(written string, ch Charges) IntermediateCharges {
	w := strings.ReplaceAll(dropCauseSeparators(written), "军人叛逃罪", "")
	var ic IntermediateCharges
	for _, c := range ch.Named {
		if len(c.Path) > 0 && c.Path[0] == nationalSecurityChapter {
			ic.NationalSecurity = true
		}
		for _, n := range terrorismCharges {
			if c.Name == n {
				ic.Terrorism = true
			}
		}
	}
	// The statute's own words count too: a cause written as 危害国家安全犯罪
	// or 恐怖活动犯罪 names the class of art. 21(1) itself, and so do the
	// words of one class's charges that no charge of another class
	// contains ("宣扬恐怖主义罪" for 宣扬恐怖主义、极端主义、煽动实施恐怖活动罪,
	// "武装叛乱罪" for 武装叛乱、暴乱罪; 编造、故意传播虚假恐怖信息罪 and 拒绝
	// 提供间谍犯罪、恐怖主义犯罪、极端主义犯罪证据罪 contain none of them).
	for _, word := range nationalSecurityWords {
		if strings.Contains(w, word) {
			ic.NationalSecurity = true
		}
	}
	for _, n := range nationalSecurityDropped {
		if strings.Contains(w, n) {
			ic.NationalSecurity = true
		}
	}
	for _, word := range terrorismWords {
		if strings.Contains(w, word) {
			ic.Terrorism = true
		}
	}
	for _, n := range terrorismDropped {
		if strings.Contains(w, n) {
			ic.Terrorism = true
		}
	}
	return ic
}

// nationalSecurityWords and terrorismWords are words of art. 21(1)'s
// classes that only that class's charges contain (see IntermediateChargesOf).
var (
	nationalSecurityWords = [...]string{"危害国家安全", "武装叛乱", "暴乱"}
	terrorismWords        = [...]string{"恐怖活动", "恐怖组织", "宣扬恐怖主义"}
)

// intermediateByCharge reports whether the charge makes a filing of that
// date the intermediate court's at first instance (CrPL 21(1); 2012 text
// art. 20(1)): 危害国家安全 on every date, terrorism from 2013-01-01, when
// the 2012 amendment added it (the 1996 text's art. 20(1) named
// 反革命案件、危害国家安全案件 only).
func intermediateByCharge(written string, ch Charges, on time.Time) bool {
	ic := IntermediateChargesOf(written, ch)
	return ic.NationalSecurity || ic.Terrorism && !on.Before(crpl2012InForce)
}

// unresolvedChargesReason is REVIEW_CHARGE_UNRESOLVED with the parts that
// named no charge, as written, so the reviewer sees which.
func unresolvedChargesReason(parts []string) *triagev1.Reason {
	r := reason(CodeReviewChargeUnresolved)
	return &triagev1.Reason{Code: r.GetCode(), Article: r.GetArticle(),
		Message: r.GetMessage() + "未识别：" + strings.Join(parts, "；") + "。"}
}

// chargeNegations before a charge's name in the text deny it: 不构成间谍罪,
// 不属于帮助恐怖活动罪, 并非…, 排除….
var chargeNegations = [...]string{"不构成", "不属于", "不成立", "不是", "并非", "排除", "而非", "非"}

// IntermediateChargeInText returns the name of the first 危害国家安全 or
// (from 2013-01-01) terrorism charge the text names in full (间谍罪, 帮助恐怖
// 活动罪; see nationalSecurityCharges, terrorismCharges), not negated in the
// words just before it, "" when none. Statute round 34: the charge was read
// from the cause field only, so an allegation of 盗窃罪、帮助恐怖活动罪 filed
// with the cause 盗窃罪 kept both simpler procedures open at a basic court,
// though CrPL 21(1) and Interp. 15 give the whole case to the intermediate
// court. Only whole charge names are read: 恐怖 or 国家安全 in the facts (恐
// 怖片, 危害国家安全的言论) is no charge, nor 军人叛逃罪 (刑法第四百三十条).
func IntermediateChargeInText(text string, on time.Time) string {
	if text == "" {
		return ""
	}
	w := dropCauseSeparators(text)
	// An indictment is thousands of characters and strings.Index slow
	// over Chinese (internal/hanscan): the text is searched through its
	// character set, and a name with a character it lacks (谍, 叛, 恐 are
	// in few indictments) is not searched at all (issue 13).
	held := hanscan.NewText(w)
	if held.Contains(w, "军人叛逃罪") {
		w = strings.ReplaceAll(w, "军人叛逃罪", "")
		held = hanscan.NewText(w)
	}
	if n := chargeInText(held, w, nationalSecurityCharges[:], nationalSecurityDropped[:]); n != "" {
		return n
	}
	if on.Before(crpl2012InForce) {
		return ""
	}
	return chargeInText(held, w, terrorismCharges[:], terrorismDropped[:])
}

// chargeInText returns the first of names whose dropped form (its
// separators dropped, dropped[i] for names[i]) w holds not negated, ""
// when none; held is w's character set.
func chargeInText(held *hanscan.Text, w string, names, dropped []string) string {
	for k, d := range dropped {
		for rest := w; ; {
			i := held.Index(rest, d)
			if i < 0 {
				break
			}
			if !slices.ContainsFunc(chargeNegations[:], func(neg string) bool { return strings.HasSuffix(rest[:i], neg) }) {
				return names[k]
			}
			rest = rest[i+len(d):]
		}
	}
	return ""
}

// nationalSecurityDropped and terrorismDropped are nationalSecurityCharges
// and terrorismCharges with their separators dropped, as the texts they
// are searched in (dropCauseSeparators), made once.
var (
	nationalSecurityDropped = dropAll(nationalSecurityCharges[:])
	terrorismDropped        = dropAll(terrorismCharges[:])
)

// dropAll is dropCauseSeparators of each of names.
func dropAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = dropCauseSeparators(n)
	}
	return out
}
