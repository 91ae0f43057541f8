package classifier

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// FeatureFormat is the version of the feature definitions this code
// implements. A model trained on another version is refused at load: the
// same feature index would mean something else. Format 2 added the court
// token and the lexicon counts; format 3 the filing year, the criminal
// plea split, co-defendant positions, the sentence kind and the charge
// family.
const FeatureFormat = 3

// FeatureConfig says how filings become feature vectors. It is written into
// every model artifact (features.json) and its hash ties the trained
// parameters to the features they were trained on.
type FeatureConfig struct {
	// Format is FeatureFormat at training time.
	Format int `json:"format"`
	// HashBits is the size of the hashed n-gram space, 2^HashBits buckets.
	HashBits int `json:"hash_bits"`
	// HashSeed seeds the n-gram hash; fixed so that buckets are the same in
	// every process: a model trained in one process scores in another.
	HashSeed uint64 `json:"hash_seed"`
	// NGramMax is the longest character n-gram hashed (1–3); all shorter
	// ones are hashed too.
	NGramMax int `json:"ngram_max"`
	// Dense names the structured features in order. It must equal
	// DenseFeatureNames() of the running code.
	Dense []string `json:"dense"`
	// Lexicon lists, per lexicon category (the lex_* dense features, in
	// order), the terms counted (lexicon.go). It must equal the running
	// code's: a model trained on other terms would read other counts.
	Lexicon [][]string `json:"lexicon"`
}

// Limits of the feature configuration.
const (
	minHashBits = 10
	maxHashBits = 22
)

// DefaultFeatureConfig is the configuration new models are trained with.
func DefaultFeatureConfig() FeatureConfig {
	return FeatureConfig{
		Format:   FeatureFormat,
		HashBits: 18,
		HashSeed: 0x66656e6a69616e31, // "fenjian1"
		NGramMax: 3,
		Dense:    DenseFeatureNames(),
		Lexicon:  LexiconTerms(),
	}
}

// Validate reports whether the configuration is one this code can extract.
func (c FeatureConfig) Validate() error {
	switch {
	case c.Format != FeatureFormat:
		return fmt.Errorf("feature format %d, this build implements %d", c.Format, FeatureFormat)
	case c.HashBits < minHashBits || c.HashBits > maxHashBits:
		return fmt.Errorf("hash_bits %d outside %d–%d", c.HashBits, minHashBits, maxHashBits)
	case c.NGramMax < 1 || c.NGramMax > 3:
		return fmt.Errorf("ngram_max %d outside 1–3", c.NGramMax)
	case !slices.Equal(c.Dense, denseNames[:]):
		return fmt.Errorf("dense feature list (%d names) differs from this build's (%d names)", len(c.Dense), len(denseNames))
	case !slices.EqualFunc(c.Lexicon, lexTerms[:], slices.Equal):
		return fmt.Errorf("lexicon differs from this build's")
	}
	return nil
}

// Hash is the hex SHA-256 of the configuration's canonical JSON, the
// "feature config hash" of manifests.
func (c FeatureConfig) Hash() string {
	b, _ := c.marshal() // a struct of ints, strings and a slice: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (c FeatureConfig) marshal() ([]byte, error) {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// The dense (structured) features. Every value is a small float with few
// distinct values: counts are capped and amounts binned, because golearn's
// CART tries every distinct value of a feature as a threshold and its cost
// grows with their number (doc.go).
const (
	fKindCivil = iota
	fKindAdministrative
	fKindCriminal
	fCourtLevel
	fCourtBasic
	fCauseKnown
	fCauseMoney
	fCausePersonal
	fCauseProperty
	fCauseNonMonetary
	fCauseMixed
	fCauseGroupProne
	fCauseSensitive
	fAmountLog
	fAmountRatio
	fLimitKnown
	fPlaintiffs
	fDefendants
	fThirdParties
	fPlaintiffOrgs
	fDefendantOrgs
	fForeign
	fWhereaboutsPlaintiff
	fWhereaboutsDefendant
	fNumerous
	fMinorDefendant
	fImpairedDefendant
	fPersonalStatus
	fPropertyConfirmation
	fNonMonetary
	fCounterclaim
	fAppraisal
	fPublicNotice
	fRemanded
	fRetrial
	fPublicInterest
	fStatedPersonalStatus
	fStatedPropertyRights
	fThirdPartyRevocation
	fStatedNonMonetary
	fAgreeSmallClaims
	fAgreeSimplified
	fGuiltyPlea
	fConsentsFastTrack
	fObjectsSimplified
	fSentence
	fMajorImpact
	fCoDefendantDispute
	fVictimSettlementMissing
	fDefenceNotGuilty
	fActOnTheSpot
	fInformationDisclosure
	fOpenSmallClaims
	fUndeterminedSmallClaims
	fMandatorySmallClaims
	fOpenSimplified
	fOpenFastTrack
	fBarsSmallClaims
	fBarsSimplified
	fBarsFastTrack
	fReviewReasons
	fTextLength
	// fSentences and fYears count the text's sentences (。) and its 年 (the
	// dates of a chronology): how much the complaint has to tell, which
	// the raw length confounds with how wordy its drafter is.
	fSentences
	fYears
	// fFiledYear is the filing year since 2012: practice moved with the law
	// (small claims rarely used before the 2021 reform, fast-track only
	// from the 2018 CrPL), and a model should be able to tell the eras apart.
	fFiledYear
	// Criminal: the plea split (认罪 / 认罚), the co-defendants' positions,
	// the kind of the sentencing recommendation (stated, or read from the
	// allegation's 建议判处 clause) and whether one is stated at all.
	fAccepts
	fCoDefendantDisputes
	fCoDefendantObjects
	fSentenceKind
	fSentenceStated
	// fChargeFirst is the first of the numCharge one-hot charge families
	// (charges.go).
	fChargeFirst
	// fLexFirst is the first of the numLex lexicon counts (lexicon.go).
	fLexFirst = fChargeFirst + int(numCharge)
	// NumDense is the number of dense features.
	NumDense = fLexFirst + int(numLex)
)

var denseNames = [NumDense]string{
	"kind_civil", "kind_administrative", "kind_criminal", "court_level", "court_basic",
	"cause_known", "cause_money_payment", "cause_personal_status", "cause_property_confirmation",
	"cause_non_monetary", "cause_mixed", "cause_group_prone", "cause_sensitive",
	"amount_log10_q", "amount_to_limit_bin", "limit_known",
	"plaintiffs", "defendants", "third_parties", "plaintiff_orgs", "defendant_orgs",
	"foreign", "whereabouts_plaintiff", "whereabouts_defendant", "numerous", "minor_defendant", "impaired_defendant",
	"personal_status", "property_confirmation", "non_monetary",
	"counterclaim", "appraisal_needed", "public_notice_service", "remanded", "retrial", "public_interest",
	"stated_personal_status", "stated_property_rights_confirmation", "third_party_revocation", "stated_non_monetary_claims",
	"parties_agree_small_claims", "parties_agree_simplified",
	"admits_charged_facts", "consents_fast_track", "objects_simplified", "sentence_bin", "major_social_impact",
	"co_defendant_dispute", "victim_settlement_missing", "defence_pleads_not_guilty",
	"act_on_the_spot", "information_disclosure",
	"open_small_claims", "undetermined_small_claims", "mandatory_small_claims", "open_simplified", "open_fast_track",
	"bars_small_claims", "bars_simplified", "bars_fast_track",
	"review_reasons", "text_length_bin", "sentences", "years",
	"filed_year", "accepts_sentencing_recommendation", "co_defendant_disputes_charge_or_sentence",
	"co_defendant_objects_procedure", "sentence_kind", "sentence_stated",
	chargeNames[0], chargeNames[1], chargeNames[2], chargeNames[3], chargeNames[4], chargeNames[5],
	chargeNames[6], chargeNames[7], chargeNames[8], chargeNames[9], chargeNames[10],
	lexNames[0], lexNames[1], lexNames[2], lexNames[3], lexNames[4], lexNames[5], lexNames[6], lexNames[7], lexNames[8],
}

// DenseFeatureNames returns the names of the dense features in order.
func DenseFeatureNames() []string { return slices.Clone(denseNames[:]) }

// Vector is one filing's features: the dense structured part and the set of
// hashed text n-gram buckets present. It is reusable: Extract resets it, and
// after the first few filings it no longer allocates.
type Vector struct {
	// Dense holds the structured features, indexed by the f* constants.
	Dense [NumDense]float64
	// Buckets lists the distinct hashed n-gram buckets of the cause and the
	// text in order of first occurrence; each is < 2^HashBits.
	Buckets []uint32
	// seen is a bitmap over the bucket space for deduplication; Extract
	// clears exactly the bits it set last time, so reuse costs O(len(Buckets)).
	seen []uint64

	// filter, when set (by a model's scorer), maps each bucket to 1 + the
	// index of a selected feature, 0 for none; Extract then lists in Buckets
	// the distinct selected feature indices instead of the buckets, which
	// saves the scorer a pass and most of the memory traffic.
	filter []uint16
	// sieve, when set with filter, has bit b set iff filter[b] != 0: most
	// n-grams are not selected, and the 32 KiB bitmap tells so from the
	// first-level cache where the 512 KiB filter would miss it.
	sieve *[sieveWords]uint64
}

// sieveBits is the size of the sieve (Vector.sieve), a power of two.
const (
	sieveBits  = 1 << 16
	sieveWords = sieveBits / 64
)

// sieved reports whether bucket b may be selected: its bit in the folded
// bitmap is set.
func sieved(sv *[sieveWords]uint64, b uint32) uint64 {
	b &= sieveBits - 1
	return sv[b>>6] >> (b & 63) & 1
}

// Extractor turns filings into feature vectors. It is immutable and safe
// for concurrent use; each goroutine brings its own Vector.
type Extractor struct {
	cfg   FeatureConfig
	shift uint
	lex   *lexicon
}

// NewExtractor returns an extractor for a validated configuration.
func NewExtractor(cfg FeatureConfig) (*Extractor, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Extractor{cfg: cfg, shift: uint(64 - cfg.HashBits), lex: newLexicon()}, nil
}

// Config returns the extractor's configuration.
func (x *Extractor) Config() FeatureConfig { return x.cfg }

// Buckets returns the size of the hashed n-gram space.
func (x *Extractor) Buckets() int { return 1 << x.cfg.HashBits }

// NewVector returns a vector sized for this extractor.
func (x *Extractor) NewVector() *Vector {
	return &Vector{
		Buckets: make([]uint32, 0, 1024),
		seen:    make([]uint64, (1<<x.cfg.HashBits+63)/64),
	}
}

// Extract fills v from a filing and the rules' assessment of it. Either may
// be nil (their features are then zero); nothing is retained.
func (x *Extractor) Extract(f *triagev1.Filing, a *rules.Assessment, v *Vector) {
	x.reset(v)
	x.dense(f, a, &v.Dense)
	x.text(f, CauseName(f, a), v, &v.Dense)
}

// ExtractText writes into v the hashed n-gram buckets Extract writes for f
// and leaves v.Dense zero. cause must be CauseName(f, a) of the filing's
// assessment: training, which extracts every filing's text several times,
// keeps that name instead of the assessment, and hashing the cause as
// written instead (民间借贷 for 民间借贷纠纷) trained the model on another
// token than the one it is served.
func (x *Extractor) ExtractText(f *triagev1.Filing, cause string, v *Vector) {
	x.reset(v)
	x.text(f, cause, v, nil)
}

// reset empties v for another filing.
func (x *Extractor) reset(v *Vector) {
	if len(v.seen) != (1<<x.cfg.HashBits+63)/64 {
		*v = *x.NewVector()
	}
	for _, b := range v.Buckets {
		v.seen[b>>6] = 0
	}
	v.Buckets = v.Buckets[:0]
	v.Dense = [NumDense]float64{}
}

// CauseName is the cause token of a filing: the catalogue name the rules
// resolved its cause to, else the cause as written (no assessment, or a
// cause the catalogue lacks).
func CauseName(f *triagev1.Filing, a *rules.Assessment) string { return causeKey(f, a) }

// text adds the cause, text and court buckets of f; with d set the text's
// dense features too.
func (x *Extractor) text(f *triagev1.Filing, cause string, v *Vector, d *[NumDense]float64) {
	x.addToken(v, nsCause, cause)
	x.walk(v, nsCauseText, f.GetCause(), nil)
	x.walk(v, nsText, f.GetText(), d)
	// The court as one token: courts differ in how they apply 繁简分流
	// (their own criteria, caseloads), and a model trained on their
	// decisions should be able to tell them apart.
	x.addToken(v, nsCourt, f.GetCourt())
}

// Hash namespaces keep a cause token, the cause's characters, the text's
// characters and the court token in separate families of buckets (up to
// collisions).
const (
	nsCause uint64 = iota + 1
	nsCauseText
	nsText
	nsCourt
)

const (
	fnvPrime  = 1099511628211
	fibonacci = 0x9e3779b97f4a7c15
	// fnvFib is fnvPrime·fibonacci mod 2^64: bucket(h·fnvPrime) in one
	// multiplication.
	fnvFib = fnvPrime * fibonacci & (1<<64 - 1)
)

// bucket folds a 64-bit hash into the bucket space with Fibonacci hashing:
// the top bits of a multiplication by 2^64/φ are well mixed even when the
// FNV state's low bits are not.
func (x *Extractor) bucket(h uint64) uint32 { return uint32((h * fibonacci) >> x.shift) }

func (x *Extractor) add(v *Vector, b uint32) {
	if v.filter != nil {
		if v.sieve != nil && sieved(v.sieve, b) == 0 {
			return
		}
		j := v.filter[b]
		if j == 0 {
			return
		}
		b = uint32(j - 1)
	}
	w, bit := b>>6, uint64(1)<<(b&63)
	if v.seen[w]&bit != 0 {
		return
	}
	v.seen[w] |= bit
	v.Buckets = append(v.Buckets, b)
}

// addToken hashes a whole string as one token (FNV-1a over its bytes).
func (x *Extractor) addToken(v *Vector, ns uint64, s string) {
	if s == "" {
		return
	}
	h := (x.cfg.HashSeed ^ ns) * fnvPrime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	x.add(v, x.bucket(h))
}

// walk makes one pass over s for everything the text contributes. With v
// set it hashes the character 1…NGramMax-grams of s into v. Characters are
// normalised first: a run of digits becomes one "0" (amounts, dates and
// counts generalise), ASCII letters are lower-cased, and whitespace or
// control characters end the current n-gram window. Each n-gram is FNV-1a
// over its code points, seeded by namespace and length. With d set it also
// writes the text's dense features: its length in characters, its sentences
// and years, and the lexicon counts (lexicon.go).
//
// One pass instead of one per feature: the text is the bulk of a filing and
// walking it dominated the scoring time. The characters are exactly those
// utf8.DecodeRuneInString's steps give (an invalid byte is one U+FFFD).
func (x *Extractor) walk(v *Vector, ns uint64, s string, d *[NumDense]float64) {
	seed := x.cfg.HashSeed ^ (ns << 8)
	h1, h2, h3 := (seed^1)*fnvPrime, (seed^2)*fnvPrime, (seed^3)*fnvPrime
	// FNV states after the previous normalised characters p2, p1: g2 after
	// p1 (bigrams), g3 after p2, p1 (trigrams), g3a after p1 (the next g3).
	var g2, g3, g3a uint64
	have := 0 // how many of p1, p2 are valid
	inDigits := false
	// The lexicon's window holds the characters as written (no digit or
	// case folding: its terms have neither).
	lx := x.lex
	var q1, q2 rune
	lhave := 0
	var hit [lexWords]uint64
	runes, stops, years := 0, 0, 0
	ngramMax, shift := x.cfg.NGramMax, x.shift
	var sieve *[sieveWords]uint64
	if v != nil && v.filter != nil {
		sieve = v.sieve
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if c, ok := threeByte(s, i); ok {
				r, size = c, 3
			} else {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
		}
		i += size
		runes++
		if breaksWindow(r) {
			have, lhave, inDigits = 0, 0, false
			continue
		}
		if d != nil {
			switch r {
			case '。':
				stops++
			case '年':
				years++
			}
			if lhave >= 1 && lx.ends(r) {
				if t := lx.lookup(lexHash2(q1, r)); t >= 0 {
					hit[t/64] |= 1 << (t % 64)
				}
				if lhave >= 2 {
					if t := lx.lookup(lexHash3(q2, q1, r)); t >= 0 {
						hit[t/64] |= 1 << (t % 64)
					}
				}
			}
			q2, q1 = q1, r
			if lhave < 2 {
				lhave++
			}
		}
		if v == nil {
			continue
		}
		var skip bool
		if r, inDigits, skip = normalise(r, inDigits); skip {
			continue
		}
		// bucket(h·fnvPrime) = (h·(fnvPrime·fibonacci)) >> shift: one
		// multiplication per n-gram, the FNV states of the shorter
		// prefixes carried over from the previous characters.
		b1 := uint32(((h1 ^ uint64(r)) * fnvFib) >> shift)
		b2 := uint32(((g2 ^ uint64(r)) * fnvFib) >> shift)
		b3 := uint32(((g3 ^ uint64(r)) * fnvFib) >> shift)
		n := min(have+1, ngramMax)
		if sieve != nil {
			// Most n-grams are not selected: test all three against the
			// sieve with one branch.
			m := sieved(sieve, b1) | sieved(sieve, b2)<<1 | sieved(sieve, b3)<<2
			m &= 1<<n - 1
			if m != 0 {
				if m&1 != 0 {
					x.add(v, b1)
				}
				if m&2 != 0 {
					x.add(v, b2)
				}
				if m&4 != 0 {
					x.add(v, b3)
				}
			}
		} else {
			x.add(v, b1)
			if n >= 2 {
				x.add(v, b2)
			}
			if n >= 3 {
				x.add(v, b3)
			}
		}
		// The states after p1 (for the next bigram) and after p1, r (for
		// the next trigram): (h2^p1)·P and ((h3^p1)·P^r)·P.
		g2, g3, g3a = (h2^uint64(r))*fnvPrime, (g3a^uint64(r))*fnvPrime, (h3^uint64(r))*fnvPrime
		if have < 2 {
			have++
		}
	}
	if d == nil {
		return
	}
	// Text length in half-octaves of characters.
	if runes > 0 {
		d[fTextLength] = math.Min(math.Round(2*math.Log2(float64(runes))), 30)
	}
	d[fSentences] = math.Min(float64(stops), 40)
	d[fYears] = math.Min(float64(years), 30)
	lx.counts(&hit, d)
}

// textRunes is runeCount of f's text: the count the rules' validation
// took when a assessed f (rules.Assessment.TextRunes), since the features
// and the domain check of every decision need it and each count of a
// complaint cost ~5% of a Decide (issue 13, callgrind 2026-12-05).
func textRunes(f *triagev1.Filing, a *rules.Assessment) int {
	if a != nil {
		return a.TextRunes(f.GetText())
	}
	return runeCount(f.GetText())
}

// runeCount is utf8.RuneCountInString(s) with the decoding of walk: CJK
// text counts about a third faster than with the standard library.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if _, ok := threeByte(s, i); ok {
			i += 3
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// normalise folds a character for the n-grams: the first digit of a run
// becomes '0' and the others are skipped, ASCII letters are lower-cased.
// inDigits says whether the previous character was a digit, and is
// returned for this one.
func normalise(r rune, inDigits bool) (rune, bool, bool) {
	switch {
	case r >= '0' && r <= '9' || r >= '０' && r <= '９':
		return '0', true, inDigits
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A', false, false
	}
	return r, false, false
}

// threeByte decodes the three-byte sequence at s[i] when it is led by
// E1–EC or EE–EF, which take any two continuation bytes: all of CJK, as
// utf8.DecodeRuneInString would and small enough to inline. ok is false
// for anything else (ASCII, E0's overlong and ED's surrogate forms, two-
// and four-byte sequences, invalid bytes), which the caller decodes with
// the standard library.
func threeByte(s string, i int) (r rune, ok bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	// Three tests, not five: the lead's range by one unsigned comparison,
	// both continuation bytes' tags at once.
	if c0-0xe1 > 0xef-0xe1 || c0 == 0xed || uint16(c1&0xc0)<<8|uint16(c2&0xc0) != 0x8080 {
		return 0, false
	}
	return rune(c0&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f), true
}

// breaksWindow reports whether r ends the n-gram and lexicon windows:
// control characters and Unicode white space. Exactly
// r <= ' ' || r == 0x7f || r == 0x3000 || (r >= utf8.RuneSelf && unicode.IsSpace(r)),
// with the table lookup of unicode.IsSpace skipped above U+3000, the last
// white-space code point (all of CJK).
func breaksWindow(r rune) bool {
	if r > 0x3000 {
		return false
	}
	return r <= ' ' || r == 0x7f || (r >= utf8.RuneSelf && unicode.IsSpace(r))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func capped(n, max int) float64 { return float64(min(n, max)) }

// amountRatioEdges bin the claim relative to the CPL 165 ¶1 limit; 1 and 4
// (= 2× the agreement band over the 50% limit) are the statutory edges.
var amountRatioEdges = [...]float64{0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 16, 50}

// sentenceEdges bin the recommended sentence in months; 12 and 36 are the
// statutory edges of CrPL 222/225.
var sentenceEdges = [...]float64{3, 6, 9, 12, 18, 24, 36, 60, 120}

// binOf returns 1 + the index of the first edge ≥ x, or len(edges)+1.
func binOf(x float64, edges []float64) float64 {
	for i, e := range edges {
		if x <= e {
			return float64(i + 1)
		}
	}
	return float64(len(edges) + 1)
}

// dense fills d with the dense features of a filing but those of its text
// (walk) and, when a is not nil, of its rules assessment. It allocates
// nothing: the scoring hot path runs it for every filing.
func (x *Extractor) dense(f *triagev1.Filing, a *rules.Assessment, d *[NumDense]float64) {
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		d[fKindCivil] = 1
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		d[fKindAdministrative] = 1
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		d[fKindCriminal] = 1
	}
	if lvl := f.GetCourtLevel(); lvl >= 0 && lvl <= triagev1.CourtLevel_COURT_LEVEL_SUPREME {
		d[fCourtLevel] = float64(lvl)
	}
	d[fCourtBasic] = b2f(f.GetCourtLevel() == triagev1.CourtLevel_COURT_LEVEL_BASIC)

	if amt := f.GetClaimAmountFen(); amt > 0 {
		// Quarter-decades of yuan: ¥1 → 0, ¥100,000 → 5, capped at ¥10^10.
		d[fAmountLog] = math.Min(math.Round(4*math.Log10(1+float64(amt)/100))/4, 10)
	}
	denseParties(f.GetParties(), d)
	c := f.GetCircumstances()
	denseCircumstances(c, d)

	if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
		kind, stated := sentenceKind(c, f.GetText())
		d[fSentenceKind], d[fSentenceStated] = float64(kind), b2f(stated)
		if fam := chargeFamily(f.GetCause()); fam >= 0 {
			d[fChargeFirst+int(fam)] = 1
		}
	}

	if a == nil {
		return
	}
	denseAssessment(a, d)
}

// denseParties fills the party features: counts by role and of
// organisations, unknown whereabouts by side, foreign, numerous, minor and
// impaired defendants.
func denseParties(parties []*triagev1.Party, d *[NumDense]float64) {
	var plOrgs, dfOrgs, pl, df, tp int
	var whereP, whereD, foreign, minor, impaired bool
	for _, p := range parties {
		org := p.GetKind() == triagev1.PartyKind_PARTY_KIND_ORGANIZATION
		switch p.GetRole() {
		case triagev1.PartyRole_PARTY_ROLE_PLAINTIFF:
			pl++
			if org {
				plOrgs++
			}
			whereP = whereP || p.GetWhereaboutsUnknown()
		case triagev1.PartyRole_PARTY_ROLE_DEFENDANT:
			df++
			if org {
				dfOrgs++
			}
			whereD = whereD || p.GetWhereaboutsUnknown()
			minor = minor || p.GetMinor()
			impaired = impaired || p.GetImpaired()
		case triagev1.PartyRole_PARTY_ROLE_THIRD_PARTY:
			tp++
		}
		foreign = foreign || p.GetForeign()
	}
	d[fPlaintiffs], d[fDefendants], d[fThirdParties] = capped(pl, 12), capped(df, 12), capped(tp, 6)
	d[fPlaintiffOrgs], d[fDefendantOrgs] = capped(plOrgs, 5), capped(dfOrgs, 5)
	d[fForeign] = b2f(foreign)
	d[fWhereaboutsPlaintiff], d[fWhereaboutsDefendant] = b2f(whereP), b2f(whereD)
	d[fNumerous] = b2f(pl >= 10 || df >= 10)
	d[fMinorDefendant], d[fImpairedDefendant] = b2f(minor), b2f(impaired)
}

// denseCircumstances fills the features of the circumstances the filing
// states, the criminal plea and co-defendant ones included.
func denseCircumstances(c *triagev1.Circumstances, d *[NumDense]float64) {
	d[fCounterclaim] = b2f(c.GetCounterclaim())
	d[fAppraisal] = b2f(c.GetAppraisalNeeded())
	d[fPublicNotice] = b2f(c.GetPublicNoticeService())
	d[fRemanded] = b2f(c.GetRemanded())
	d[fRetrial] = b2f(c.GetRetrial())
	d[fPublicInterest] = b2f(c.GetPublicInterest())
	d[fStatedPersonalStatus] = b2f(c.GetPersonalStatus())
	d[fStatedPropertyRights] = b2f(c.GetPropertyRightsConfirmation())
	d[fThirdPartyRevocation] = b2f(c.GetThirdPartyRevocation())
	d[fStatedNonMonetary] = b2f(c.GetNonMonetaryClaims())
	d[fAgreeSmallClaims] = b2f(c.GetPartiesAgreeSmallClaims())
	d[fAgreeSimplified] = b2f(c.GetPartiesAgreeSimplified())
	// The split plea and co-defendant fields, read through the rules so that
	// old records (the deprecated guilty_plea, co_defendant_dispute) and new
	// ones give the same features.
	plea, co := rules.PleaOf(c), rules.CoDefendantsOf(c)
	d[fGuiltyPlea] = b2f(plea.Admits)
	d[fAccepts] = b2f(plea.Accepts)
	d[fCoDefendantDisputes] = b2f(co.DisputesChargeOrSentence)
	d[fCoDefendantObjects] = b2f(co.ObjectsSimplified || co.ObjectsFastTrack)
	d[fConsentsFastTrack] = b2f(c.GetConsentsFastTrack())
	d[fObjectsSimplified] = b2f(c.GetObjectsSimplified())
	if m := c.GetRecommendedSentenceMonths(); m > 0 {
		d[fSentence] = binOf(float64(m), sentenceEdges[:])
	}
	d[fMajorImpact] = b2f(c.GetMajorSocialImpact())
	d[fCoDefendantDispute] = b2f(co.DeniesFacts)
	d[fVictimSettlementMissing] = b2f(c.GetVictimSettlementMissing())
	d[fDefenceNotGuilty] = b2f(c.GetDefencePleadsNotGuilty())
	d[fActOnTheSpot] = b2f(c.GetActOnTheSpot())
	d[fInformationDisclosure] = b2f(c.GetInformationDisclosure())
}

// denseAssessment fills the features of the rules assessment: filing year,
// the cause and what it implies, the claim against the limit, the facts
// derived, each procedure option's state and the review reasons.
func denseAssessment(a *rules.Assessment, d *[NumDense]float64) {
	if y := a.FiledOn.Year(); y > 2012 {
		d[fFiledYear] = float64(min(y-2012, 20))
	}
	fx := &a.Facts
	cause := fx.Cause
	d[fCauseKnown] = b2f(cause.Name != "")
	switch cause.Category {
	case rules.CategoryMoneyPayment:
		d[fCauseMoney] = 1
	case rules.CategoryPersonalStatus:
		d[fCausePersonal] = 1
	case rules.CategoryPropertyConfirmation:
		d[fCauseProperty] = 1
	case rules.CategoryNonMonetary:
		d[fCauseNonMonetary] = 1
	case rules.CategoryMixed:
		d[fCauseMixed] = 1
	}
	d[fCauseGroupProne] = b2f(cause.GroupProne)
	d[fCauseSensitive] = b2f(cause.Sensitive)
	if r := fx.AmountToLimit; r > 0 && !math.IsNaN(r) {
		d[fAmountRatio] = binOf(r, amountRatioEdges[:])
	}
	d[fLimitKnown] = b2f(a.Limit.GetKnown())
	d[fPersonalStatus] = b2f(fx.PersonalStatus)
	d[fPropertyConfirmation] = b2f(fx.PropertyConfirmation)
	d[fNonMonetary] = b2f(fx.NonMonetary)
	for _, o := range a.Options {
		open := o.GetAvailability() == triagev1.Availability_AVAILABILITY_AVAILABLE
		bars := 0.0
		if o.GetAvailability() == triagev1.Availability_AVAILABILITY_UNAVAILABLE {
			bars = capped(len(o.GetReasons()), 6)
		}
		switch o.GetProcedure() {
		case triagev1.Procedure_PROCEDURE_SMALL_CLAIMS:
			d[fOpenSmallClaims] = b2f(open)
			d[fUndeterminedSmallClaims] = b2f(o.GetAvailability() == triagev1.Availability_AVAILABILITY_UNDETERMINED)
			d[fMandatorySmallClaims] = b2f(o.GetMandatory())
			d[fBarsSmallClaims] = bars
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			d[fOpenSimplified] = b2f(open)
			d[fBarsSimplified] = bars
		case triagev1.Procedure_PROCEDURE_FAST_TRACK:
			d[fOpenFastTrack] = b2f(open)
			d[fBarsFastTrack] = bars
		}
	}
	d[fReviewReasons] = capped(len(a.ReviewReasons), 6)
}
