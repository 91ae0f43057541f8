package corpus

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"github.com/fenjian/fenjian/rules"
)

// figures are the statistics the generator is fitted to, computed the same
// way on the real filings and on a generated corpus (doc.go, Fitted to real
// filings, states them).
type figures struct {
	civilN, crimN                       int
	civilChars, civilSentences          float64 // medians
	crimChars, crimSentences            float64
	noAmount                            rate   // civil filings claiming no money
	lex, crimLex                        []rate // civil and criminal texts hitting each lexicon category
	largeLoanOrd                        rate   // loans and leases ≥ 100,000 yuan ending ordinary
	simpleTrack                         rate   // civil filings ending small claims or simplified
	admitsPre, recommendedPre           rate   // criminal, filed before 2018-10-26
	fastTrackPost                       rate   // criminal, filed on or after 2018-10-26
	recommendedMonths                   float64
	years                               map[int]bool
	provinces, civilCauses, crimCharges map[string]bool
}

// rate is k of n.
type rate struct{ k, n int }

func (r *rate) add(hit bool) {
	r.n++
	if hit {
		r.k++
	}
}

func (r rate) p() float64 { return float64(r.k) / float64(max(r.n, 1)) }

// wilson is the Wilson score 95% interval of r: what a real rate measured
// on a few dozen filings allows.
func (r rate) wilson() (lo, hi float64) {
	const z = 1.96
	n, p := float64(r.n), r.p()
	d := 1 + z*z/n
	c := (p + z*z/(2*n)) / d
	h := z * math.Sqrt(p*(1-p)/n+z*z/(4*n*n)) / d
	return c - h, c + h
}

// sentences counts the sentences of a text: pieces ended by 。！？.
func sentences(text string) int {
	n := 0
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '。' || r == '！' || r == '？' }) {
		if strings.TrimSpace(s) != "" {
			n++
		}
	}
	return n
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

var largeClaimCauses = []string{"民间借贷纠纷", "借款合同纠纷", "金融借款合同纠纷", "小额借款合同纠纷", "企业借贷纠纷",
	"租赁合同纠纷", "房屋租赁合同纠纷", "融资租赁合同纠纷", "车辆租赁合同纠纷"}

// measure computes the figures of a set of labelled filings. Causes are
// resolved through the rules' catalogue, so a real 贩卖毒品罪 and a
// generated 走私、贩卖、运输、制造毒品罪 count as the same charge when the
// catalogue says so.
func measure(t *testing.T, e *rules.Engine, recs []*triagev1.LabeledFiling) figures {
	t.Helper()
	terms := classifier.LexiconTerms()
	if len(terms) != len(lexNames) {
		t.Fatalf("the lexicon has %d categories, lexNames %d", len(terms), len(lexNames))
	}
	f := figures{lex: make([]rate, len(terms)), crimLex: make([]rate, len(terms)), years: map[int]bool{}, provinces: map[string]bool{}, civilCauses: map[string]bool{}, crimCharges: map[string]bool{}}
	var civChars, civSent, crimChars, crimSent, months []float64
	for _, lf := range recs {
		fl := lf.GetFiling()
		text := fl.GetText()
		filed, err := time.Parse(time.DateOnly, fl.GetFiledOn())
		if err != nil {
			t.Fatalf("%s: filed_on: %v", fl.GetId(), err)
		}
		f.years[filed.Year()] = true
		// A few real records name no province (the judgment's court did
		// not say); they count for nothing here.
		if p, ok := rules.LookupProvince(fl.GetProvince()); ok {
			f.provinces[p.Name] = true
		} else if fl.GetProvince() != "" {
			t.Errorf("%s: province %q unknown to the rules", fl.GetId(), fl.GetProvince())
		}
		cause := e.LookupCause(fl.GetCaseKind(), fl.GetCause()).Name
		switch fl.GetCaseKind() {
		case triagev1.CaseKind_CASE_KIND_CIVIL:
			f.civilN++
			f.civilCauses[cause] = true
			civChars = append(civChars, float64(len([]rune(text))))
			civSent = append(civSent, float64(sentences(text)))
			f.noAmount.add(fl.GetClaimAmountFen() == 0)
			for i, ts := range terms {
				f.lex[i].add(slices.ContainsFunc(ts, func(s string) bool { return strings.Contains(text, s) }))
			}
			if slices.Contains(largeClaimCauses, fl.GetCause()) && fl.GetClaimAmountFen() >= 100000_00 {
				f.largeLoanOrd.add(lf.GetLabel() == pOrd)
			}
			f.simpleTrack.add(lf.GetLabel() != pOrd)
		case triagev1.CaseKind_CASE_KIND_CRIMINAL:
			f.crimN++
			f.crimCharges[cause] = true
			crimChars = append(crimChars, float64(len([]rune(text))))
			crimSent = append(crimSent, float64(sentences(text)))
			for i, ts := range terms {
				f.crimLex[i].add(slices.ContainsFunc(ts, func(s string) bool { return strings.Contains(text, s) }))
			}
			ci := fl.GetCircumstances()
			if m := ci.GetRecommendedSentenceMonths(); m > 0 {
				months = append(months, float64(m))
			}
			if filed.Before(pleaReform) {
				f.admitsPre.add(rules.PleaOf(ci).Admits)
				f.recommendedPre.add(ci.GetRecommendedSentenceMonths() > 0)
			} else {
				f.fastTrackPost.add(lf.GetLabel() == pFT)
			}
		}
	}
	f.civilChars, f.civilSentences = median(civChars), median(civSent)
	f.crimChars, f.crimSentences = median(crimChars), median(crimSent)
	f.recommendedMonths = median(months)
	return f
}

// coverage is the share of the real filings of a kind whose cause the
// generated corpus also has.
func coverage(e *rules.Engine, real []*triagev1.LabeledFiling, kind triagev1.CaseKind, gen map[string]bool) float64 {
	var r rate
	for _, lf := range real {
		if fl := lf.GetFiling(); fl.GetCaseKind() == kind {
			r.add(gen[e.LookupCause(kind, fl.GetCause()).Name])
		}
	}
	return r.p()
}

// TestMatchesRealFilings compares the generated corpus with the real
// development filings on the figures doc.go states, and fails when they
// diverge beyond the tolerances below. A rate is fitted when the generated
// rate lies within the Wilson 95% interval of the real one (the real set is
// small: 48 civil, 236 criminal filings); a median within a stated
// fraction (a sentence count within ±25%: one sentence either way at the
// real medians of 4 and 4.5). The gaps doc.go names as not fitted are held
// to ceilings, so that they cannot silently widen. It skips when the real
// filings are absent (they are not in the repository).
func TestMatchesRealFilings(t *testing.T) {
	real := realtest.Filings(t)
	e := engine(t)
	re, gen := measure(t, e, real), measure(t, e, corpus12k(t))

	fitted := func(name string, r, g rate) {
		t.Helper()
		lo, hi := r.wilson()
		within(t, name+" (real "+ftoa(r.p())+" of "+itoa(r.n)+")", g.p(), lo, hi)
	}
	ratio := func(name string, r, g, tol float64) {
		t.Helper()
		within(t, name+" (real "+ftoa(r)+", generated "+ftoa(g)+"), generated/real", g/r, 1-tol, 1+tol)
	}
	// Fitted.
	ratio("civil text median characters", re.civilChars, gen.civilChars, 0.15)
	ratio("criminal text median characters", re.crimChars, gen.crimChars, 0.15)
	fitted("civil filings claiming no money", re.noAmount, gen.noAmount)
	fitted("loans and leases of 100,000 yuan or more ending ordinary", re.largeLoanOrd, gen.largeLoanOrd)
	fitted("criminal filings before 2018-10-26 admitting the facts", re.admitsPre, gen.admitsPre)
	fitted("criminal filings before 2018-10-26 stating a recommended sentence", re.recommendedPre, gen.recommendedPre)
	fitted("criminal filings since 2018-10-26 ending fast-track", re.fastTrackPost, gen.fastTrackPost)
	ratio("recommended sentence, median months", re.recommendedMonths, gen.recommendedMonths, 0.5)
	ratio("civil text median sentences", re.civilSentences, gen.civilSentences, 0.25)
	ratio("criminal text median sentences", re.crimSentences, gen.crimSentences, 0.25)
	within(t, "real civil filings whose cause the corpus generates", coverage(e, real, civil, gen.civilCauses), 0.9, 1)
	// The charges a basic court tries routinely are generated; what is left
	// are one-off charges of the sample and a few unreadable records.
	within(t, "real criminal filings whose charge the corpus generates", coverage(e, real, criminal, gen.crimCharges), 0.85, 1)
	// Criminal allegations citing an expert opinion (经鉴定…), and the civil
	// categories whose generated rate now lies within the real interval.
	fitted("criminal lexicon appraisal hit rate", re.crimLex[0], gen.crimLex[0])
	for i, name := range lexNames {
		if lexFitted[name] {
			fitted("civil lexicon "+name+" hit rate", re.lex[i], gen.lex[i])
		}
	}
	// The national figure, not the real set's (a keyword crawl, loan-heavy):
	// simplified procedure (small claims included) decided 75.52% of the
	// first-instance cases of 2019 H1 (SPC press release, 2019-08-01).
	within(t, "civil filings ending small claims or simplified (national 0.755)", gen.simpleTrack.p(), 0.68, 0.83)
	for y := range re.years {
		if y >= firstDay.Year() && !gen.years[y] {
			t.Errorf("no generated filing of %d, a year real filings have", y)
		}
	}
	for p := range re.provinces {
		if !gen.provinces[p] {
			t.Errorf("no generated filing from %s, a province real filings come from", p)
		}
	}
	// Not fitted (doc.go): ceilings against regressions, a few points
	// above what the corpus gives today.
	for i, name := range lexNames {
		if !lexFitted[name] {
			within(t, "civil lexicon "+name+" hit rate, generated minus real "+ftoa(re.lex[i].p()), gen.lex[i].p()-re.lex[i].p(), -0.12, 0.22)
		}
	}
	for i, name := range lexNames[1:] {
		within(t, "criminal lexicon "+name+" hit rate, generated minus real "+ftoa(re.crimLex[i+1].p()), gen.crimLex[i+1].p()-re.crimLex[i+1].p(), -0.05, 0.05)
	}
}

// lexFitted names the civil lexicon categories whose generated hit rate is
// fitted to the real one (doc.go); counterclaim and joinder hit real text
// through routine claim phrases, dispute and accounts through narration the lexicon
// cannot tell from voiced trouble.
var lexFitted = map[string]bool{"appraisal": true, "service": true, "interest": true, "mediation": true, "preservation": true}

// lexNames names the categories of classifier.LexiconTerms, in its order
// (the lex_* dense features).
var lexNames = []string{"appraisal", "service", "counterclaim", "joinder", "dispute", "accounts", "interest", "mediation", "preservation"}

func ftoa(x float64) string { return formatFloat(x, 3) }
