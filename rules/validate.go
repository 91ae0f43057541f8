package rules

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Input bounds. They keep one request's cost bounded and catch filing-system
// bugs (a whole case file pasted into text) at the door, with the field named.
const (
	MaxIDChars      = 64
	MaxTextChars    = 20000
	MaxCauseChars   = 200
	MaxCourtChars   = 200
	MaxPartyName    = 200
	MaxParties      = 5000
	minFilingYear   = 1991 // the Civil Procedure Law took effect on 1991-04-09
	maxFilingYear   = 2100
	maxSentenceMons = 12 * 30
)

// Validate checks a filing before it is evaluated and returns a *FieldError
// naming the first invalid field, or nil.
func Validate(f *triagev1.Filing) error {
	if f == nil {
		return &FieldError{Field: "filing", Problem: "is required"}
	}
	id := strings.TrimSpace(f.GetId())
	switch {
	case id == "":
		return fieldErrorf("filing.id", "is required")
	case utf8.RuneCountInString(f.GetId()) > MaxIDChars:
		return fieldErrorf("filing.id", "is longer than %d characters", MaxIDChars)
	case hasControl(f.GetId()):
		return fieldErrorf("filing.id", "contains control characters")
	}
	// proto3 strings must be UTF-8; a bad byte would fail only later, when
	// the decision is stored, so it is refused here with the field named.
	for _, fv := range [...]struct{ field, v string }{
		{"filing.id", f.GetId()}, {"filing.cause", f.GetCause()}, {"filing.court", f.GetCourt()}, {"filing.province", f.GetProvince()},
	} {
		if !utf8.ValidString(fv.v) {
			return fieldErrorf(fv.field, "is not valid UTF-8")
		}
	}
	if _, ok := triagev1.CaseKind_name[int32(f.GetCaseKind())]; !ok || f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_UNSPECIFIED {
		return fieldErrorf("filing.case_kind", "must be CIVIL, ADMINISTRATIVE or CRIMINAL")
	}
	if _, ok := triagev1.CourtLevel_name[int32(f.GetCourtLevel())]; !ok || f.GetCourtLevel() == triagev1.CourtLevel_COURT_LEVEL_UNSPECIFIED {
		return fieldErrorf("filing.court_level", "must be BASIC, INTERMEDIATE, HIGH or SUPREME")
	}
	if p := f.GetProvince(); strings.TrimSpace(p) != "" {
		if _, ok := LookupProvince(p); !ok {
			return fieldErrorf("filing.province", "%q is not a province name (辽宁省, 辽宁) or a GB/T 2260 code (210000)", clip(p, 20))
		}
	}
	if d := f.GetFiledOn(); d != "" {
		if _, err := ParseDate(d); err != nil {
			return fieldErrorf("filing.filed_on", "%v", err)
		}
	}
	if f.GetClaimAmountFen() < 0 {
		return fieldErrorf("filing.claim_amount_fen", "must not be negative")
	}
	if n := utf8.RuneCountInString(f.GetText()); n > MaxTextChars {
		return fieldErrorf("filing.text", "has %d characters; at most %d", n, MaxTextChars)
	}
	if !utf8.ValidString(f.GetText()) {
		return fieldErrorf("filing.text", "is not valid UTF-8")
	}
	if utf8.RuneCountInString(f.GetCause()) > MaxCauseChars {
		return fieldErrorf("filing.cause", "is longer than %d characters", MaxCauseChars)
	}
	if utf8.RuneCountInString(f.GetCourt()) > MaxCourtChars {
		return fieldErrorf("filing.court", "is longer than %d characters", MaxCourtChars)
	}
	if len(f.GetParties()) > MaxParties {
		return fieldErrorf("filing.parties", "has %d parties; at most %d", len(f.GetParties()), MaxParties)
	}
	for i, p := range f.GetParties() {
		if p == nil {
			return fieldErrorf(fmt.Sprintf("filing.parties[%d]", i), "is empty")
		}
		if _, ok := triagev1.PartyRole_name[int32(p.GetRole())]; !ok || p.GetRole() == triagev1.PartyRole_PARTY_ROLE_UNSPECIFIED {
			return fieldErrorf(fmt.Sprintf("filing.parties[%d].role", i), "must be PLAINTIFF, DEFENDANT or THIRD_PARTY")
		}
		if _, ok := triagev1.PartyKind_name[int32(p.GetKind())]; !ok {
			return fieldErrorf(fmt.Sprintf("filing.parties[%d].kind", i), "is not a known party kind")
		}
		if !utf8.ValidString(p.GetName()) {
			return fieldErrorf(fmt.Sprintf("filing.parties[%d].name", i), "is not valid UTF-8")
		}
		if utf8.RuneCountInString(p.GetName()) > MaxPartyName {
			return fieldErrorf(fmt.Sprintf("filing.parties[%d].name", i), "is longer than %d characters", MaxPartyName)
		}
	}
	if m := f.GetCircumstances().GetRecommendedSentenceMonths(); m < 0 || m > maxSentenceMons {
		return fieldErrorf("filing.circumstances.recommended_sentence_months", "must be between 0 and %d", maxSentenceMons)
	}
	return nil
}

// ParseDate parses a "YYYY-MM-DD" date strictly (2024-02-30 is refused) and
// within the years a first-instance filing can have.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date in YYYY-MM-DD form", clip(s, 20))
	}
	if t.Year() < minFilingYear || t.Year() > maxFilingYear {
		return time.Time{}, fmt.Errorf("%q is outside %d–%d", s, minFilingYear, maxFilingYear)
	}
	return t, nil
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}

// clip shortens user input echoed in an error message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
