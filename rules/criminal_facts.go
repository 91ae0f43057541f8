package rules

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
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
	return d.DeniesFacts || d.ObjectsSimplified
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
