package rules_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestValidate checks every FieldError path Validate can return, with the
// exact Field, and that the limit itself is accepted (the near miss).
func TestValidate(t *testing.T) {
	const sentenceField = "filing.circumstances.recommended_sentence_months"
	// Judged on 2100-12-30 in Beijing, so that the latest date the range
	// check allows is not also a filing in the future.
	clock := func() time.Time { return time.Date(2100, 12, 30, 12, 0, 0, 0, time.UTC) }
	engine := defaultEngine(t).WithClock(clock)
	base := civilBase(t)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	for _, tc := range []struct {
		name  string
		f     *triagev1.Filing
		field string // "" = valid
	}{
		{"valid fixture", w(), ""},
		{"nil filing", nil, "filing"},
		{"empty id", w(id("")), "filing.id"},
		{"blank id", w(id(" \t ")), "filing.id"},
		{"id of 64 characters", w(id(strings.Repeat("号", 64))), ""},
		{"id of 65 characters", w(id(strings.Repeat("号", 65))), "filing.id"},
		{"id with a newline", w(id("(2024)浙0102民初1号\n")), "filing.id"},
		{"id with DEL", w(id("abc\x7f")), "filing.id"},
		{"case kind unspecified", w(kind(triagev1.CaseKind_CASE_KIND_UNSPECIFIED)), "filing.case_kind"},
		{"case kind unknown", w(kind(triagev1.CaseKind(99))), "filing.case_kind"},
		{"court level unspecified", w(level(triagev1.CourtLevel_COURT_LEVEL_UNSPECIFIED)), "filing.court_level"},
		{"court level unknown", w(level(triagev1.CourtLevel(7))), "filing.court_level"},
		{"supreme court is a level", w(level(triagev1.CourtLevel_COURT_LEVEL_SUPREME)), ""},
		{"province 火星省", w(province("火星省")), "filing.province"},
		{"province 999999", w(province("999999")), "filing.province"},
		{"province 5 digits", w(province("21000")), "filing.province"},
		{"province empty is allowed", w(province("")), ""},
		{"province blank is allowed", w(province("  ")), ""},
		{"province county code", w(province("330106")), ""},
		{"filed_on 2024-02-30", w(filedOn("2024-02-30")), "filing.filed_on"},
		{"filed_on 2024-13-01", w(filedOn("2024-13-01")), "filing.filed_on"},
		{"filed_on 2023-02-29", w(filedOn("2023-02-29")), "filing.filed_on"},
		{"filed_on 2024-02-29", w(filedOn("2024-02-29")), ""},
		{"filed_on with slashes", w(filedOn("2024/03/05")), "filing.filed_on"},
		{"filed_on with time", w(filedOn("2024-03-05T00:00:00Z")), "filing.filed_on"},
		{"filed_on 2024-3-5", w(filedOn("2024-3-5")), "filing.filed_on"},
		{"filed_on before 1991", w(filedOn("1990-12-31")), "filing.filed_on"},
		{"filed_on 1991-01-01", w(filedOn("1991-01-01")), ""},
		{"filed_on 2100-12-31", w(filedOn("2100-12-31")), ""},
		{"filed_on after 2100", w(filedOn("2101-01-01")), "filing.filed_on"},
		{"negative amount", w(fen(-1)), "filing.claim_amount_fen"},
		{"zero amount", w(fen(0)), ""},
		{"text of 20,000 characters", w(text(strings.Repeat("字", rules.MaxTextChars))), ""},
		{"text of 20,001 characters", w(text(strings.Repeat("字", rules.MaxTextChars+1))), "filing.text"},
		{"text not UTF-8", w(text("abc\xff")), "filing.text"},
		{"cause of 200 characters", w(cause(strings.Repeat("纠", 200))), ""},
		{"cause of 201 characters", w(cause(strings.Repeat("纠", 201))), "filing.cause"},
		{"court of 201 characters", w(court(strings.Repeat("院", 201))), "filing.court"},
		{"5000 parties", w(setParties(4999, 1)), ""},
		{"5001 parties", w(setParties(5000, 1)), "filing.parties"},
		{"nil party", w(func(f *triagev1.Filing) { f.Parties = append(f.Parties, nil) }), "filing.parties[2]"},
		{"party role unspecified", w(party(1, func(p *triagev1.Party) { p.Role = triagev1.PartyRole_PARTY_ROLE_UNSPECIFIED })), "filing.parties[1].role"},
		{"party role unknown", w(party(0, func(p *triagev1.Party) { p.Role = 9 })), "filing.parties[0].role"},
		{"party kind unspecified is allowed", w(party(0, func(p *triagev1.Party) { p.Kind = 0 })), ""},
		{"party kind unknown", w(party(1, func(p *triagev1.Party) { p.Kind = 9 })), "filing.parties[1].kind"},
		{"party name of 201 characters", w(party(0, func(p *triagev1.Party) { p.Name = strings.Repeat("名", 201) })), "filing.parties[0].name"},
		{"negative sentence", w(sentence(-1)), "filing.circumstances.recommended_sentence_months"},
		{"sentence of 360 months", w(sentence(360)), ""},
		{"sentence of 361 months", w(sentence(361)), "filing.circumstances.recommended_sentence_months"},
		// The kind and the term must agree (刑法第三十八条、第四十二条、第六十九条、第七十二条).
		{"fine only with a term", w(sentenceKind(fineOnly, 1)), sentenceField},
		{"fine only without a term", w(sentenceKind(fineOnly, 0)), ""},
		{"exemption with a term", w(sentenceKind(exemption, 3)), sentenceField},
		{"exemption without a term", w(sentenceKind(exemption, 0)), ""},
		{"life with a term", w(sentenceKind(life, 240)), sentenceField},
		{"life without a term", w(sentenceKind(life, 0)), ""},
		{"death with a term", w(sentenceKind(death, 1)), sentenceField},
		{"death without a term", w(sentenceKind(death, 0)), ""},
		{"拘役 of 12 months (several crimes)", w(sentenceKind(detention, 12)), ""},
		{"拘役 of 13 months", w(sentenceKind(detention, 13)), sentenceField},
		{"管制 of 36 months (several crimes)", w(sentenceKind(surveillance, 36)), ""},
		{"管制 of 37 months", w(sentenceKind(surveillance, 37)), sentenceField},
		{"缓刑 of 36 months", w(sentenceKind(suspended, 36)), ""},
		{"缓刑 of 37 months", w(sentenceKind(suspended, 37)), sentenceField},
		{"fixed term of 240 months", w(sentenceKind(fixedTerm, 240)), ""},
		{"sentence kind unknown", w(sentenceKind(triagev1.SentenceKind(99), 0)), "filing.circumstances.recommended_sentence_kind"},
		{"no circumstances", w(func(f *triagev1.Filing) { f.Circumstances = nil }), ""},
		// 民事诉讼法第一百二十二条: a plaintiff and a definite defendant.
		{"no parties", w(func(f *triagev1.Filing) { f.Parties = nil }), "filing.parties"},
		{"no defendant", w(setParties(1, 0)), "filing.parties"},
		{"no plaintiff", w(setParties(0, 1)), "filing.parties"},
		{"a plaintiff and a defendant", w(setParties(1, 1)), ""},
		{"criminal without parties", w(kind(triagev1.CaseKind_CASE_KIND_CRIMINAL), func(f *triagev1.Filing) { f.Parties = nil }), ""},
		// The first invalid field is named.
		{"id before case kind", w(id(""), kind(0)), "filing.id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := rules.ValidateAt(tc.f, clock())
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v, want nil", err)
				}
				if _, err := engine.Evaluate(tc.f); err != nil {
					t.Fatalf("Evaluate: %v", err)
				}
				return
			}
			var fe *rules.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Validate = %v (%T), want *FieldError", err, err)
			}
			if fe.Field != tc.field {
				t.Errorf("Field = %q, want %q (%v)", fe.Field, tc.field, err)
			}
			if fe.Problem == "" || fe.Error() != fe.Field+": "+fe.Problem {
				t.Errorf("Error() = %q", fe.Error())
			}
			// Evaluate refuses the filing with the same error.
			a, err2 := engine.Evaluate(tc.f)
			var fe2 *rules.FieldError
			if a != nil || !errors.As(err2, &fe2) || fe2.Field != tc.field {
				t.Errorf("Evaluate = %v, %v; want the FieldError for %s", a, err2, tc.field)
			}
		})
	}
}

// TestValidateFiledOnFuture: a 立案 date after tomorrow in Beijing is refused,
// tomorrow (a filing system's clock a little ahead) is accepted. At 17:00
// UTC on 2024-03-05 it is already 2024-03-06 in Beijing.
func TestValidateFiledOnFuture(t *testing.T) {
	now := time.Date(2024, 3, 5, 17, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		day string
		ok  bool
	}{
		{"2024-03-06", true}, // today in Beijing
		{"2024-03-07", true}, // tomorrow: the slack
		{"2024-03-08", false},
		{"2025-03-05", false},
	} {
		err := rules.ValidateAt(with(civilBase(t), filedOn(tc.day)), now)
		var fe *rules.FieldError
		switch {
		case tc.ok && err != nil:
			t.Errorf("%s: %v, want accepted", tc.day, err)
		case !tc.ok && (!errors.As(err, &fe) || fe.Field != "filing.filed_on" || !strings.Contains(fe.Problem, "future")):
			t.Errorf("%s: %v, want filing.filed_on in the future", tc.day, err)
		}
	}
	// The engine judges with its own clock.
	e := defaultEngine(t).WithClock(func() time.Time { return now })
	if _, err := e.Evaluate(with(civilBase(t), filedOn("2024-03-08"))); err == nil {
		t.Error("Evaluate accepted a filing dated after tomorrow")
	}
}

// TestParseDateSaysWhatIsWrong: a well-formed date that is not on the
// calendar is reported as a day that does not exist, not as a format error.
func TestParseDateSaysWhatIsWrong(t *testing.T) {
	for in, want := range map[string]string{
		"2024-02-30": "not a day that exists",
		"2023-02-29": "not a day that exists",
		"2024-13-01": "not a day that exists",
		"2024-3-5":   "YYYY-MM-DD form",
		"2024/03/05": "YYYY-MM-DD form",
		"2024-03-0x": "YYYY-MM-DD form",
	} {
		if _, err := rules.ParseDate(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) = %v, want an error saying %q", in, err, want)
		}
	}
}

// TestValidateEchoIsClipped: input echoed in a message is bounded.
func TestValidateEchoIsClipped(t *testing.T) {
	long := strings.Repeat("火", 500)
	err := rules.Validate(with(civilBase(t), province(long)))
	if err == nil || len([]rune(err.Error())) > 200 {
		t.Errorf("error %d runes: %v", len([]rune(fmt.Sprint(err))), err)
	}
	if !strings.Contains(err.Error(), "…") {
		t.Errorf("error does not mark the clipped input: %v", err)
	}
}

func TestParseDate(t *testing.T) {
	for in, ok := range map[string]bool{
		"2024-03-05": true, "2024-02-29": true, "2024-02-30": false, "2024-13-01": false,
		"2024-00-10": false, "": false, "20240305": false, "1991-01-01": true, "0001-01-01": false,
	} {
		d, err := rules.ParseDate(in)
		if (err == nil) != ok {
			t.Errorf("ParseDate(%q) = %v, %v; ok want %v", in, d, err, ok)
		}
		if ok && d.Format("2006-01-02") != in {
			t.Errorf("ParseDate(%q) = %v", in, d)
		}
	}
}

// TestValidateTextEveryRune: ValidateText refuses every rune of the BMP
// that a free-text field may not hold (forbiddenRune, and in a single-line
// field the line and paragraph separators and the invisible U+200B,
// U+2060, U+FEFF), between other characters, and accepts every other one:
// its byte scan (which skips the rune loop on text that holds none) must
// miss none.
func TestValidateTextEveryRune(t *testing.T) {
	for _, lines := range []rules.Lines{rules.SingleLine, rules.MultiLine} {
		for r := rune(0); r < 0x10000; r++ {
			if r >= 0xd800 && r <= 0xdfff {
				continue
			}
			s := "离婚" + string(r) + "纠纷"
			_, want := forbiddenRune(s, bool(lines))
			if lines == rules.SingleLine && strings.ContainsRune("\u2028\u2029\u200b\u2060\ufeff", r) {
				want = true
			}
			if got := rules.ValidateText("f", s, lines) != nil; got != want {
				t.Errorf("ValidateText(U+%04X, multi-line %v) refused %v, want %v", r, lines, got, want)
			}
		}
	}
}

// TestValidateSidesMessage: the refusal of a filing without one side names
// the article of its kind, in English a clerk can read as written.
func TestValidateSidesMessage(t *testing.T) {
	for _, tc := range []struct {
		kind triagev1.CaseKind
		f    func(*triagev1.Filing)
		want string
	}{
		{triagev1.CaseKind_CASE_KIND_CIVIL, setParties(0, 1), "filing.parties: has no plaintiff: a civil case needs one (民事诉讼法第一百二十二条)"},
		{triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE, setParties(1, 0), "filing.parties: has no defendant: an administrative case needs a definite one (行政诉讼法第四十九条)"},
	} {
		f := with(civilBase(t), kind(tc.kind), tc.f)
		err := rules.ValidateAt(f, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v: Validate = %v, want %q", tc.kind, err, tc.want)
		}
	}
}
