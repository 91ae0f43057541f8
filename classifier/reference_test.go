package classifier

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
)

// refExtract is the straightforward extraction the fast one replaced, kept
// as the specification: every text feature is computed by its own walk
// over the text with the standard library's decoding and unicode.IsSpace,
// lexicon terms are looked up at every position, and every n-gram bucket
// goes through the model's filter table. Extract must give exactly the same
// vector (TestExtractMatchesReference, FuzzExtractMatchesReference).
func refExtract(x *Extractor, f *triagev1.Filing, a *rules.Assessment, v *Vector) {
	clear(v.seen)
	v.Buckets = v.Buckets[:0]
	v.Dense = [NumDense]float64{}
	refDense(x, f, a, &v.Dense)
	if a != nil && a.Facts.Cause.Name != "" {
		refToken(x, v, nsCause, a.Facts.Cause.Name)
	} else {
		refToken(x, v, nsCause, f.GetCause())
	}
	refNgrams(x, v, nsCauseText, f.GetCause())
	refNgrams(x, v, nsText, f.GetText())
	refToken(x, v, nsCourt, f.GetCourt())
}

func refAdd(v *Vector, b uint32) {
	if v.filter != nil {
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

func refToken(x *Extractor, v *Vector, ns uint64, s string) {
	if s == "" {
		return
	}
	h := (x.cfg.HashSeed ^ ns) * fnvPrime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	refAdd(v, x.bucket(h))
}

func refNgrams(x *Extractor, v *Vector, ns uint64, s string) {
	seed := x.cfg.HashSeed ^ (ns << 8)
	h1, h2, h3 := (seed^1)*fnvPrime, (seed^2)*fnvPrime, (seed^3)*fnvPrime
	var p1, p2 rune
	have := 0
	inDigits := false
	for _, r := range refRunes(s) {
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			if inDigits {
				continue
			}
			inDigits = true
			r = '0'
		case r <= ' ' || r == 0x7f || r == 0x3000 || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			have, inDigits = 0, false
			continue
		case r >= 'A' && r <= 'Z':
			inDigits = false
			r += 'a' - 'A'
		default:
			inDigits = false
		}
		refAdd(v, x.bucket((h1^uint64(r))*fnvPrime))
		if have >= 1 && x.cfg.NGramMax >= 2 {
			refAdd(v, x.bucket((((h2^uint64(p1))*fnvPrime)^uint64(r))*fnvPrime))
		}
		if have >= 2 && x.cfg.NGramMax >= 3 {
			refAdd(v, x.bucket((((((h3^uint64(p2))*fnvPrime)^uint64(p1))*fnvPrime)^uint64(r))*fnvPrime))
		}
		p2, p1 = p1, r
		if have < 2 {
			have++
		}
	}
}

// refRunes decodes s as utf8.DecodeRuneInString steps through it (an
// invalid byte is one U+FFFD).
func refRunes(s string) []rune {
	var out []rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, r)
		i += size
	}
	return out
}

// refLexCount counts, per category, the distinct terms whose characters
// occur consecutively in the text with no whitespace between them.
func refLexCount(text string, d *[NumDense]float64) {
	var segs []string
	var cur []rune
	for _, r := range refRunes(text) {
		if r <= ' ' || r == 0x7f || r == 0x3000 || (r >= utf8.RuneSelf && unicode.IsSpace(r)) {
			segs, cur = append(segs, string(cur)), nil
			continue
		}
		cur = append(cur, r)
	}
	segs = append(segs, string(cur))
	for cat, terms := range lexTerms {
		n := 0
		for _, t := range terms {
			// Terms are valid UTF-8, so a byte match is a rune match.
			if slices.ContainsFunc(segs, func(seg string) bool { return strings.Contains(seg, t) }) {
				n++
			}
		}
		d[fLexFirst+cat] = float64(min(n, 3))
	}
}

func refDense(x *Extractor, f *triagev1.Filing, a *rules.Assessment, d *[NumDense]float64) {
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
		d[fAmountLog] = math.Min(math.Round(4*math.Log10(1+float64(amt)/100))/4, 10)
	}
	denseParties(f.GetParties(), d)
	c := f.GetCircumstances()
	denseCircumstances(c, d)
	if n := utf8.RuneCountInString(f.GetText()); n > 0 {
		d[fTextLength] = math.Min(math.Round(2*math.Log2(float64(n))), 30)
	}
	refLexCount(f.GetText(), d)
	if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
		kind, stated := sentenceKind(c, f.GetText())
		d[fSentenceKind], d[fSentenceStated] = float64(kind), b2f(stated)
		if fam := chargeFamily(f.GetCause()); fam >= 0 {
			d[fChargeFirst+int(fam)] = 1
		}
	}
	d[fSentences] = math.Min(float64(strings.Count(f.GetText(), "。")), 40)
	d[fYears] = math.Min(float64(strings.Count(f.GetText(), "年")), 30)
	if a != nil {
		denseAssessment(a, d)
	}
}

// compareExtract extracts f with and without its assessment, into a plain
// vector and into one filtered by the default model's selection, fast and
// by the reference, reusing the vectors, and fails on any difference.
func compareExtract(t *testing.T, m *Model, vs *refVectors, f *triagev1.Filing, a *rules.Assessment) {
	t.Helper()
	for _, as := range []*rules.Assessment{a, nil} {
		for i := range vs.fast {
			m.ext.Extract(f, as, vs.fast[i])
			refExtract(m.ext, f, as, vs.ref[i])
			if vs.fast[i].Dense != vs.ref[i].Dense {
				for j := range vs.fast[i].Dense {
					if vs.fast[i].Dense[j] != vs.ref[i].Dense[j] {
						t.Errorf("%s: %s = %v, reference %v", f.GetId(), denseNames[j], vs.fast[i].Dense[j], vs.ref[i].Dense[j])
					}
				}
			}
			if !slices.Equal(vs.fast[i].Buckets, vs.ref[i].Buckets) {
				t.Errorf("%s (filtered %v): %d buckets, reference %d", f.GetId(), vs.ref[i].filter != nil, len(vs.fast[i].Buckets), len(vs.ref[i].Buckets))
			}
		}
		// Training's dense features without the n-grams (Extractor.Dense).
		var d [NumDense]float64
		m.ext.Dense(f, as, &d)
		if d != vs.ref[0].Dense {
			t.Errorf("%s: Dense differs from the reference's dense features", f.GetId())
		}
	}
}

// refVectors are a plain and a filtered vector for each side.
type refVectors struct{ fast, ref [2]*Vector }

func newRefVectors(m *Model) *refVectors {
	vs := &refVectors{}
	for i := range 2 {
		vs.fast[i] = m.pool.New().(*scratch).v
		vs.ref[i] = m.ext.NewVector()
		vs.ref[i].filter = m.nb.sel
	}
	vs.fast[0].filter, vs.ref[0].filter = nil, nil
	vs.fast[0].sieve = nil
	return vs
}

// TestExtractMatchesReference compares the fast extraction with the
// reference on generated filings, the rules' examples, hand-made texts and,
// when present, the real development filings.
func TestExtractMatchesReference(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := testRules(t)
	filings := goldenFilings(t)
	for _, lf := range generate(t, 300, 29) {
		filings = append(filings, lf.GetFiling())
	}
	filings = append(filings, realFilings(t)...)
	vs := newRefVectors(m)
	for _, f := range filings {
		a, err := r.Evaluate(f)
		if err != nil {
			a = nil
		}
		compareExtract(t, m, vs, f, a)
	}
}

// FuzzExtractMatchesReference compares the fast extraction with the
// reference on arbitrary texts, causes and courts.
func FuzzExtractMatchesReference(f *testing.F) {
	f.Add("民间借贷纠纷", "诉讼请求：判令被告偿还借款30000元。被告下落不明，申请鉴定。", "杭州市上城区人民法院")
	f.Add("", "鉴 定鉴\t定鉴\u3000定鉴\u00a0定鉴\u2028定鉴\u1680定鉴\u205f定", "")
	f.Add("危险驾驶罪", "\x00\xff\xfe 　１２３abcDEF\x7f鉴\xe4\xbd定\xed\xa0\x80\xe0\x80\xaf\xf4\x90\x80\x80年。", "Ｃourt")
	f.Add("x", strings.Repeat("被告称不同意调解，要求原告赔偿其损失。", 20), "法院")
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	vs := newRefVectors(m)
	f.Fuzz(func(t *testing.T, cause, text, court string) {
		kinds := []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL}
		fl := &triagev1.Filing{Id: "fuzz", CaseKind: kinds[len(text)%2], Cause: cause, Text: text, Court: court}
		compareExtract(t, m, vs, fl, nil)
	})
}

// TestThreeByteMatchesDecoder checks the inlined decoding against the
// standard library on every three-byte sequence with a non-ASCII lead.
func TestThreeByteMatchesDecoder(t *testing.T) {
	decoded := 0
	b := []byte{0, 0, 0}
	for c0 := 0x80; c0 <= 0xff; c0++ {
		for c1 := range 256 {
			for c2 := range 256 {
				b[0], b[1], b[2] = byte(c0), byte(c1), byte(c2)
				r, ok := threeByte(string(b), 0)
				if !ok {
					continue
				}
				decoded++
				if wr, size := utf8.DecodeRune(b); r != wr || size != 3 {
					t.Fatalf("% x: %U, decoder %U (%d bytes)", b, r, wr, size)
				}
			}
		}
	}
	// 14 lead bytes × 64 × 64: E1–EC and EE–EF with two continuations.
	if decoded != 14*64*64 {
		t.Errorf("decoded %d sequences, want %d", decoded, 14*64*64)
	}
	for _, s := range []string{"", "\xe4", "\xe4\xbd", "a\xe4\xbd"} {
		for i := range len(s) {
			if _, ok := threeByte(s, i); ok {
				t.Errorf("%q at %d: decoded a truncated sequence", s, i)
			}
		}
	}
}

// TestBreaksWindow checks the fast whitespace test against its definition
// on every code point and beyond.
func TestBreaksWindow(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		want := r <= ' ' || r == 0x7f || r == 0x3000 || (r >= utf8.RuneSelf && unicode.IsSpace(r))
		if got := breaksWindow(r); got != want {
			t.Fatalf("breaksWindow(%U) = %v, want %v", r, got, want)
		}
	}
}

// FuzzRuneCount compares the fast count with the standard library's.
func FuzzRuneCount(f *testing.F) {
	for _, s := range []string{"", "abc", "诉讼请求：判令被告偿还借款30000元。", "\x00\xff\xfe 　１２３abcDEF\x7f鉴\xe4\xbd定\xed\xa0\x80\xe0\x80\xaf\xf4\x90\x80\x80", "\xe4\xbd", "é€😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	})
}

// realFilings returns the filings of the real development set, or none
// (logged) when it is absent.
func realFilings(t *testing.T) []*triagev1.Filing {
	t.Helper()
	dir := dataset.RealDir()
	if dir == "" {
		t.Logf("no real filings (%s): generated and example filings only", dataset.RealDirEnv)
		return nil
	}
	real, err := dataset.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*triagev1.Filing
	for _, lf := range real {
		out = append(out, lf.GetFiling())
	}
	return out
}
