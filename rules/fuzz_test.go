package rules_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"google.golang.org/protobuf/encoding/protojson"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// circumstanceSetters map the bits of a fuzzed uint64 to the boolean
// circumstances, so the fuzzer can reach every combination.
var circumstanceSetters = []func(*triagev1.Circumstances){
	func(c *triagev1.Circumstances) { c.Counterclaim = true },
	func(c *triagev1.Circumstances) { c.AppraisalNeeded = true },
	func(c *triagev1.Circumstances) { c.PublicNoticeService = true },
	func(c *triagev1.Circumstances) { c.Remanded = true },
	func(c *triagev1.Circumstances) { c.Retrial = true },
	func(c *triagev1.Circumstances) { c.PublicInterest = true },
	func(c *triagev1.Circumstances) { c.PersonalStatus = true },
	func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true },
	func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true },
	func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true },
	func(c *triagev1.Circumstances) { c.PartiesAgreeSmallClaims = true },
	func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true },
	func(c *triagev1.Circumstances) { c.GuiltyPlea = true },
	func(c *triagev1.Circumstances) { c.ConsentsFastTrack = true },
	func(c *triagev1.Circumstances) { c.ObjectsSimplified = true },
	func(c *triagev1.Circumstances) { c.MajorSocialImpact = true },
	func(c *triagev1.Circumstances) { c.CoDefendantDispute = true },
	func(c *triagev1.Circumstances) { c.VictimSettlementMissing = true },
	func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true },
	func(c *triagev1.Circumstances) { c.ActOnTheSpot = true },
	func(c *triagev1.Circumstances) { c.InformationDisclosure = true },
	func(c *triagev1.Circumstances) { c.AdmitsChargedFacts = true },
	func(c *triagev1.Circumstances) { c.AcceptsSentencingRecommendation = true },
	func(c *triagev1.Circumstances) { c.CoDefendantDeniesChargedFacts = true },
	func(c *triagev1.Circumstances) { c.CoDefendantDisputesChargeOrSentence = true },
	func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true },
	func(c *triagev1.Circumstances) { c.CoDefendantObjectsFastTrack = true },
	func(c *triagev1.Circumstances) { c.DefendantDetained = true },
	func(c *triagev1.Circumstances) { c.GroupInterest = true },
}

// fuzzKindShift: bits 48–51 of the fuzzed flags are the sentence kind
// (values past DEATH are unknown kinds, which Validate refuses).
const fuzzKindShift = 48

// fuzzParties turns bytes into parties: per byte, the low two bits are the
// role (0 = unspecified), the next two the kind, the top four the flags.
func fuzzParties(b []byte) []*triagev1.Party {
	if len(b) > 64 {
		b = b[:64]
	}
	out := make([]*triagev1.Party, len(b))
	for i, x := range b {
		out[i] = &triagev1.Party{
			Role:               triagev1.PartyRole(x & 3),
			Kind:               triagev1.PartyKind(x >> 2 & 3),
			WhereaboutsUnknown: x&0x10 != 0,
			Foreign:            x&0x20 != 0,
			Minor:              x&0x40 != 0,
			Impaired:           x&0x80 != 0,
		}
	}
	return out
}

// checkEvaluate evaluates f and checks the outcome: a *FieldError or an
// assessment with every invariant.
func checkEvaluate(t *testing.T, e *rules.Engine, f *triagev1.Filing) {
	a, err := e.Evaluate(f)
	if err != nil {
		var fe *rules.FieldError
		if !errors.As(err, &fe) || fe.Field == "" {
			t.Fatalf("Evaluate error %v (%T) is not a FieldError naming a field", err, err)
		}
		if a != nil {
			t.Fatal("Evaluate returned an assessment with an error")
		}
		return
	}
	if err := rules.Validate(f); err != nil {
		t.Fatalf("Evaluate accepted what Validate refuses: %v", err)
	}
	if err := invariants(f, a); err != nil {
		t.Fatal(err)
	}
	// Nothing a text may not carry gets through (see forbiddenRune).
	for field, v := range map[string]string{"id": f.GetId(), "cause": f.GetCause(), "court": f.GetCourt(), "province": f.GetProvince()} {
		if r, ok := forbiddenRune(v, false); ok {
			t.Fatalf("Evaluate accepted %s with U+%04X: %q", field, r, v)
		}
	}
	if r, ok := forbiddenRune(f.GetText(), true); ok {
		t.Fatalf("Evaluate accepted text with U+%04X", r)
	}
	for i, p := range f.GetParties() {
		if r, ok := forbiddenRune(p.GetName(), false); ok {
			t.Fatalf("Evaluate accepted parties[%d].name with U+%04X: %q", i, r, p.GetName())
		}
	}
}

// forbiddenRune is the fuzz tests' own statement of what a free-text field
// may not hold (README, Input validation), written apart from
// rules.ValidateText so that the two check each other: the C0 controls
// (but tab, LF and CR in a multi-line field), DEL, the C1 controls and the
// bidirectional embeddings, overrides and isolates.
func forbiddenRune(s string, multiLine bool) (rune, bool) {
	for _, r := range s {
		if multiLine && strings.ContainsRune("\t\n\r", r) {
			continue
		}
		if unicode.IsControl(r) || strings.ContainsRune("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", r) {
			return r, true
		}
	}
	return 0, false
}

func FuzzEvaluate(f *testing.F) {
	for _, name := range []string{"civil_loan", "administrative_penalty", "criminal_dui"} {
		fx := fixture(f, name)
		raw, err := protojson.Marshal(fx)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw, fx.GetId(), int32(fx.GetCaseKind()), int32(fx.GetCourtLevel()), fx.GetProvince(), fx.GetFiledOn(),
			fx.GetCause(), fx.GetClaimAmountFen(), fx.GetText(), uint64(0), int32(4), []byte{1, 2})
	}
	f.Add([]byte(`{"id":"x","case_kind":"CASE_KIND_CIVIL","court_level":"COURT_LEVEL_BASIC","province":"辽宁省","filed_on":"2023-07-15","claim_amount_fen":"4700001","circumstances":{"parties_agree_small_claims":true}}`),
		"x", int32(1), int32(1), "210102", "2023-07-15", "离婚后财产纠纷", int64(4700001), "群体性", uint64(1<<10), int32(0), []byte{0x11, 0x22, 0x32})
	f.Add([]byte(`{}`), "", int32(0), int32(0), "", "", "", int64(-1), "", uint64(0), int32(-1), []byte{})
	f.Add([]byte(`{"id":"y","case_kind":"CASE_KIND_CRIMINAL","court_level":"COURT_LEVEL_BASIC","circumstances":{"recommended_sentence_months":37}}`),
		"y", int32(3), int32(2), "广东省", "", "故意杀人罪", int64(0), "", ^uint64(0), int32(37), []byte{0xc2, 0xc2})
	// Control characters in every free-text field, some in the allowed
	// places (tab, LF, CR in text).
	f.Add([]byte(`{"id":"z\u001b","case_kind":"CASE_KIND_CIVIL","court_level":"COURT_LEVEL_BASIC","text":"a\u0000b","parties":[{"role":"PARTY_ROLE_PLAINTIFF","name":"张\u202e三"},{"role":"PARTY_ROLE_DEFENDANT","name":"李四"}]}`),
		"z", int32(1), int32(1), "浙江\u2066", "2024-03-05", "民间借贷纠纷\a", int64(100), "诉讼请求：\r\n\t1.\u001b[2J", uint64(0), int32(0), []byte{1, 2})
	f.Add([]byte(`{}`), "id\u0085", int32(1), int32(1), "", "2024-03-05", "借款\u0090", int64(0), "理由\u2069\x7f", uint64(0), int32(0), []byte{1, 2})
	e := defaultEngine(f)

	f.Fuzz(func(t *testing.T, raw []byte, id string, kind, level int32, prov, filed, cause string,
		amount int64, text string, flags uint64, months int32, parties []byte) {
		// Whatever protojson accepts must evaluate without a panic.
		var pf triagev1.Filing
		if protojson.Unmarshal(raw, &pf) == nil {
			checkEvaluate(t, e, &pf)
		}
		// A filing built field by field.
		c := &triagev1.Circumstances{RecommendedSentenceMonths: months, RecommendedSentenceKind: triagev1.SentenceKind(flags >> fuzzKindShift & 0xf)}
		for i, set := range circumstanceSetters {
			if flags&(1<<i) != 0 {
				set(c)
			}
		}
		ff := &triagev1.Filing{
			Id: id, CaseKind: triagev1.CaseKind(kind), CourtLevel: triagev1.CourtLevel(level),
			Province: prov, FiledOn: filed, Cause: cause, ClaimAmountFen: amount, Text: text,
			Parties: fuzzParties(parties), Circumstances: c,
		}
		checkEvaluate(t, e, ff)
		// The same filing made valid where the fuzzer is unlikely to get it
		// right, so the fuzzer spends its time in the rules.
		ff.Id = "fuzz"
		ff.CaseKind = triagev1.CaseKind(1 + uint32(kind)%3)
		ff.CourtLevel = triagev1.CourtLevel(1 + uint32(level)%4)
		if _, ok := rules.LookupProvince(prov); !ok {
			ff.Province = ""
		}
		if _, err := rules.ParseDate(filed); err != nil {
			ff.FiledOn = "2024-03-05"
		}
		if amount < 0 {
			ff.ClaimAmountFen = -(amount + 1)
		}
		for _, p := range ff.Parties {
			if p.Role == 0 {
				p.Role = triagev1.PartyRole_PARTY_ROLE_DEFENDANT
			}
		}
		c.RecommendedSentenceMonths = int32(uint32(months) % 361)
		checkEvaluate(t, e, ff)
	})
}

func FuzzLoad(f *testing.F) {
	f.Add(rules.DefaultFile())
	f.Add(readTestdata(f, "rules/minimal.json"))
	f.Add([]byte(`{"version":"v"}`))
	f.Add([]byte(`{"version":"v","small_claims_limits":[{"province":"辽宁","effective_from":"2023-07","mandatory_limit_yuan":"47000.5","source":"s"}]}`))
	f.Add([]byte(`{"version":"v","causes":[{"name":"案","kind":"civil","category":"mixed"}]}`))
	f.Add([]byte(``))
	probe := civilBase(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := rules.Load(b)
		if err != nil {
			if e != nil {
				t.Fatal("Load returned an engine with an error")
			}
			return
		}
		if e.Version() == "" {
			t.Fatal("loaded engine without a version")
		}
		for _, fl := range []*triagev1.Filing{probe, with(probe, kind(crimKind)), with(probe, kind(adminKind))} {
			checkEvaluate(t, e, fl)
		}
	})
}
