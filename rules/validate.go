package rules

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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
// naming the first invalid field, or nil. "Today", for a filing date in the
// future, is the wall clock's day in Beijing; ValidateAt takes the clock.
func Validate(f *triagev1.Filing) error { return ValidateAt(f, time.Now()) }

// validateFiledOn checks filed_on against now; empty is valid: it means
// today in Beijing time, which the decision states in its inferences.
func validateFiledOn(d string, now time.Time) error {
	if d == "" {
		return nil
	}
	on, err := ParseDate(d)
	if err != nil {
		return fieldErrorf("filing.filed_on", "%v", err)
	}
	return notAfterToday("filing.filed_on", "立案", d, on, now)
}

// notAfterToday refuses a day a caller says something happened on (a 立案,
// a ruling) that has not come yet: after today in Beijing plus one day. One
// day of slack covers a system whose clock or zone runs ahead of Beijing's;
// more is a wrong date that would misplace every limit and due date and,
// for an outcome, block every later outcome of the case (they are
// append-only and kept in date order). what names the act, for the message.
func notAfterToday(field, what, d string, on, now time.Time) error {
	today := now.In(chinaTime)
	latest := time.Date(today.Year(), today.Month(), today.Day()+1, 0, 0, 0, 0, time.UTC)
	if on.After(latest) {
		return fieldErrorf(field, "%s is in the future: the latest accepted %s date is %s (today in Beijing time plus one day)",
			d, what, latest.Format(time.DateOnly))
	}
	return nil
}

// validated is what validateAt read while checking a filing: the runes of
// its text and its id as a case number.
type validated struct {
	textRunes int
	id        idReading
}

// ValidateAt is Validate with now as the current time.
func ValidateAt(f *triagev1.Filing, now time.Time) error {
	_, err := validateAt(f, now, "")
	return err
}

// validateAt is ValidateAt for a filing that restates the one decided under
// decidedID ("" for a new filing): an id decided under before the release
// that refused case numbers written with a letter for a digit
// (refuseDigitLookalike) may be restated as it was stored, or a correction
// of that decision could never be recorded. It also returns how many runes
// the filing's text has, counted by the scan that checks it (validateText),
// for the readers of the evaluation (filingText), and the id read as a
// case number (readID), which evaluate reads too.
func validateAt(f *triagev1.Filing, now time.Time, decidedID string) (v validated, err error) {
	if f == nil {
		return v, &FieldError{Field: "filing", Problem: "is required"}
	}
	if err := ValidateFilingID("filing.id", f.GetId()); err != nil {
		return v, err
	}
	v.id = readID(f.GetId())
	if f.GetId() != decidedID {
		if err := refuseDigitLookalike("filing.id", v.id); err != nil {
			return v, err
		}
	}
	for _, fv := range [...]struct{ field, v string }{
		{"filing.cause", f.GetCause()}, {"filing.court", f.GetCourt()}, {"filing.province", f.GetProvince()},
	} {
		if err := ValidateText(fv.field, fv.v, SingleLine); err != nil {
			return v, err
		}
	}
	if _, ok := triagev1.CaseKind_name[int32(f.GetCaseKind())]; !ok || f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_UNSPECIFIED {
		return v, fieldErrorf("filing.case_kind", "must be CIVIL, ADMINISTRATIVE or CRIMINAL")
	}
	if _, ok := triagev1.CourtLevel_name[int32(f.GetCourtLevel())]; !ok || f.GetCourtLevel() == triagev1.CourtLevel_COURT_LEVEL_UNSPECIFIED {
		return v, fieldErrorf("filing.court_level", "must be BASIC, INTERMEDIATE, HIGH or SUPREME")
	}
	if p := f.GetProvince(); strings.TrimSpace(p) != "" {
		if _, ok := LookupProvince(p); !ok {
			return v, fieldErrorf("filing.province", "%q is not a province name (辽宁省, 辽宁) or a GB/T 2260 code (210000)", clip(p, 20))
		}
	}
	if err := validateFiledOn(f.GetFiledOn(), now); err != nil {
		return v, err
	}
	if err := validateCaseNumber(f, v.id); err != nil {
		return v, err
	}
	if f.GetClaimAmountFen() < 0 {
		return v, fieldErrorf("filing.claim_amount_fen", "must not be negative")
	}
	// Counting runes is a pass over the text; a text of at most
	// MaxTextChars bytes cannot have more runes than that.
	if len(f.GetText()) > MaxTextChars {
		if n := utf8.RuneCountInString(f.GetText()); n > MaxTextChars {
			return v, fieldErrorf("filing.text", "has %d characters; at most %d", n, MaxTextChars)
		}
	}
	v.textRunes, err = validateText("filing.text", f.GetText(), MultiLine)
	if err != nil {
		return v, err
	}
	if utf8.RuneCountInString(f.GetCause()) > MaxCauseChars {
		return v, fieldErrorf("filing.cause", "is longer than %d characters", MaxCauseChars)
	}
	if utf8.RuneCountInString(f.GetCourt()) > MaxCourtChars {
		return v, fieldErrorf("filing.court", "is longer than %d characters", MaxCourtChars)
	}
	if len(f.GetParties()) > MaxParties {
		return v, fieldErrorf("filing.parties", "has %d parties; at most %d", len(f.GetParties()), MaxParties)
	}
	for i, p := range f.GetParties() {
		if err := validateParty(i, p); err != nil {
			return v, err
		}
	}
	if err := validateSides(f); err != nil {
		return v, err
	}
	if m := f.GetCircumstances().GetRecommendedSentenceMonths(); m < 0 || m > maxSentenceMons {
		return v, fieldErrorf("filing.circumstances.recommended_sentence_months", "must be between 0 and %d", maxSentenceMons)
	}
	if err := validateSentence(f.GetCircumstances()); err != nil {
		return v, err
	}
	if err := validateProsecution(f); err != nil {
		return v, err
	}
	return v, nil
}

// validateProsecution refuses what a private prosecution or a minor's
// representative makes contradictory (statute round 20):
//   - private_prosecution or representative_objects_simplified on a civil
//     or administrative filing: both describe a criminal trial (自诉,
//     刑事诉讼法第二百一十条; 刑诉法解释第五百六十六条) and nothing else;
//   - a sentencing recommendation beside private_prosecution: the
//     recommendation is the procuratorate's (刑事诉讼法第一百七十六条第二款,
//     第二百零一条), and a private prosecution has none. Read as one, a
//     自诉人's request would decide the panel and the court level as if the
//     state had made it; dropped, the filing would be recorded with a term
//     the rules did not read. The clerk says which it is;
//   - representative_objects_simplified without a defendant marked minor:
//     Interp. 566 is about 未成年人刑事案件, and an adult's counsel objecting
//     bars nothing (CrPL 214 ¶1(3) asks the defendant alone).
func validateProsecution(f *triagev1.Filing) error {
	c := f.GetCircumstances()
	const private, representative = "filing.circumstances.private_prosecution", "filing.circumstances.representative_objects_simplified"
	if f.GetCaseKind() != triagev1.CaseKind_CASE_KIND_CRIMINAL {
		switch {
		case c.GetPrivateProsecution():
			return fieldErrorf(private, "is for criminal filings only: 自诉 is a criminal prosecution (刑事诉讼法第二百一十条); this filing is %s", kindName(f.GetCaseKind()))
		case c.GetRepresentativeObjectsSimplified():
			return fieldErrorf(representative, "is for criminal filings only (刑诉法解释第五百六十六条); this filing is %s", kindName(f.GetCaseKind()))
		}
		return nil
	}
	if c.GetPrivateProsecution() {
		switch {
		case c.GetRecommendedSentenceMonths() != 0:
			return fieldErrorf("filing.circumstances.recommended_sentence_months", "must be 0 for a private prosecution: a sentencing recommendation is the procuratorate's (刑事诉讼法第一百七十六条第二款), and a 自诉 case has none; clear it, or private_prosecution if the procuratorate prosecutes")
		case c.GetRecommendedSentenceKind() != triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED:
			return fieldErrorf("filing.circumstances.recommended_sentence_kind", "must be UNSPECIFIED for a private prosecution: a sentencing recommendation is the procuratorate's (刑事诉讼法第一百七十六条第二款), and a 自诉 case has none; clear it, or private_prosecution if the procuratorate prosecutes")
		}
	}
	if c.GetRepresentativeObjectsSimplified() && !anyDefendant(f, (*triagev1.Party).GetMinor) {
		return fieldErrorf(representative, "needs a defendant marked minor (parties[].minor): it is the objection of a minor defendant's legal representative or defence counsel (刑诉法解释第五百六十六条); an adult defendant's counsel objecting bars nothing (刑事诉讼法第二百一十四条第一款第三项)")
	}
	return nil
}

// validateParty checks the party at index i of a filing's parties: present,
// with a known role other than unspecified, a known kind, and a name of
// text (ValidateText) within MaxPartyName characters.
func validateParty(i int, p *triagev1.Party) error {
	if p == nil {
		return fieldErrorf(fmt.Sprintf("filing.parties[%d]", i), "is empty")
	}
	if _, ok := triagev1.PartyRole_name[int32(p.GetRole())]; !ok || p.GetRole() == triagev1.PartyRole_PARTY_ROLE_UNSPECIFIED {
		return fieldErrorf(fmt.Sprintf("filing.parties[%d].role", i), "must be PLAINTIFF, DEFENDANT or THIRD_PARTY")
	}
	if _, ok := triagev1.PartyKind_name[int32(p.GetKind())]; !ok {
		return fieldErrorf(fmt.Sprintf("filing.parties[%d].kind", i), "is not a known party kind")
	}
	// The field's name is built only for the error: every Decide checks
	// every party, and fmt.Sprintf was two allocations of one.
	n, err := validateText("", p.GetName(), SingleLine)
	if err != nil {
		return ValidateText(fmt.Sprintf("filing.parties[%d].name", i), p.GetName(), SingleLine)
	}
	if n > MaxPartyName {
		return fieldErrorf(fmt.Sprintf("filing.parties[%d].name", i), "is longer than %d characters", MaxPartyName)
	}
	return nil
}

// validateSides refuses a civil or administrative filing without a plaintiff
// or without a defendant: a suit needs a plaintiff and a definite defendant
// to be filed at all (民事诉讼法第一百二十二条第一项、第二项; 行政诉讼法第四十九条
// 第一项、第二项), and without them the rules would judge parties' absence as
// facts (no one's whereabouts unknown, no numerous side). A criminal filing
// names its defendants in the indictment; its parties are optional here.
func validateSides(f *triagev1.Filing) error {
	var article string
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		article = "民事诉讼法第一百二十二条"
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		article = "行政诉讼法第四十九条"
	default:
		return nil
	}
	var plaintiff, defendant bool
	for _, p := range f.GetParties() {
		plaintiff = plaintiff || p.GetRole() == triagev1.PartyRole_PARTY_ROLE_PLAINTIFF
		defendant = defendant || p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT
	}
	switch {
	case !plaintiff:
		return fieldErrorf("filing.parties", "has no plaintiff: %s needs one (%s)", aCase(f.GetCaseKind()), article)
	case !defendant:
		return fieldErrorf("filing.parties", "has no defendant: %s needs a definite one (%s)", aCase(f.GetCaseKind()), article)
	}
	return nil
}

// aCase is "a civil case", "an administrative case": the message read "a
// administrative case" (outside check 19).
func aCase(k triagev1.CaseKind) string {
	if k == triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE {
		return "an administrative case"
	}
	return "a " + kindName(k) + " case"
}

// Longest terms a sentencing recommendation of each kind can carry, in
// months. 刑法第四十二条 gives 拘役 one to six months and 第三十八条 管制 three
// months to two years for one crime, but 第六十九条 lets a combined sentence
// for several crimes reach one and three years, and a recommendation states
// the sentence to be executed: the combined caps are the bounds, so a lawful
// recommendation is never refused. 刑法第七十二条 suspends only 拘役 or
// 有期徒刑 of at most three years.
const (
	maxDetentionMonths    = 12
	maxSurveillanceMonths = 36
	maxSuspendedMonths    = 36
)

// validateSentence refuses a recommendation whose kind and term contradict
// each other, since the rules would read its thresholds from one or the other.
func validateSentence(c *triagev1.Circumstances) error {
	const field = "filing.circumstances.recommended_sentence_months"
	k, m := c.GetRecommendedSentenceKind(), c.GetRecommendedSentenceMonths()
	if _, ok := triagev1.SentenceKind_name[int32(k)]; !ok {
		return fieldErrorf("filing.circumstances.recommended_sentence_kind", "is not a known sentence kind")
	}
	switch k {
	case triagev1.SentenceKind_SENTENCE_KIND_FINE_ONLY, triagev1.SentenceKind_SENTENCE_KIND_EXEMPTION,
		triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT, triagev1.SentenceKind_SENTENCE_KIND_DEATH:
		if m > 0 {
			return fieldErrorf(field, "must be 0 for recommended_sentence_kind %s, which has no term", k)
		}
	case triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION:
		if m > maxDetentionMonths {
			return fieldErrorf(field, "is %d; 拘役 is at most %d months (刑法第四十二条、第六十九条)", m, maxDetentionMonths)
		}
	case triagev1.SentenceKind_SENTENCE_KIND_PUBLIC_SURVEILLANCE:
		if m > maxSurveillanceMonths {
			return fieldErrorf(field, "is %d; 管制 is at most %d months (刑法第三十八条、第六十九条)", m, maxSurveillanceMonths)
		}
	case triagev1.SentenceKind_SENTENCE_KIND_SUSPENDED:
		if m > maxSuspendedMonths {
			return fieldErrorf(field, "is %d; only a sentence of at most %d months can be suspended (刑法第七十二条)", m, maxSuspendedMonths)
		}
	}
	return nil
}

// ParseDate parses a "YYYY-MM-DD" date strictly (2024-02-30 is refused) and
// within the years a first-instance filing can have.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		if isDateShaped(s) {
			// Well formed but not on the calendar (2024-02-30, 2023-13-01):
			// say so, or the clerk looks for a format problem that is not there.
			return time.Time{}, fmt.Errorf("%q is not a day that exists", s)
		}
		return time.Time{}, fmt.Errorf("%q is not a date in YYYY-MM-DD form", clip(s, 20))
	}
	if t.Year() < minFilingYear || t.Year() > maxFilingYear {
		return time.Time{}, fmt.Errorf("%q is outside %d–%d", s, minFilingYear, maxFilingYear)
	}
	return t, nil
}

// isDateShaped reports whether s has the form NNNN-NN-NN.
func isDateShaped(s string) bool {
	if len(s) != len(time.DateOnly) {
		return false
	}
	for i := range len(s) {
		if (i == 4 || i == 7) != (s[i] == '-') || (s[i] != '-' && (s[i] < '0' || s[i] > '9')) {
			return false
		}
	}
	return true
}

// Lines says whether a free-text field may span lines; see ValidateText.
type Lines bool

// The two kinds of free-text field.
const (
	SingleLine Lines = false // ids, names, a cause, a court, a legal basis
	MultiLine  Lines = true  // a filing's text, the reason for a decision
)

// ValidateFilingID checks a filing id as filing.id is checked, naming
// field: set, at most MaxIDChars characters, and an id one decision could
// be stored under (validateID). A request that names a filing by its id
// (GetCase) is checked with it: an id that fails could not have been filed.
func ValidateFilingID(field, id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		return fieldErrorf(field, "is required")
	case utf8.RuneCountInString(id) > MaxIDChars:
		return fieldErrorf(field, "is longer than %d characters", MaxIDChars)
	}
	return validateID(field, id)
}

// ValidatePersonID checks the id of the person a record names as having
// decided (outcome.decided_by) or designated (AssignCase.designated_by): set,
// at most MaxDecidedByChars characters, no white space at either end, and an
// id as a filing id is one (validateID): one line of text, no white space
// but U+0020 inside, no invisible (default-ignorable) character, no U+FFFD,
// noncharacter or private-use code point. The identities it is matched
// against, token names and certificate CNs, never have white space at
// either end (auth refuses them), so "J-0421 " names no one a judge could
// be; a clerk, who records for anyone, stored it as a second judge beside
// "J-0421" (outside check 14). The same held for the characters that render
// as nothing: a clerk stored outcomes and designations by "J-0421" followed
// by a soft hyphen (U+00AD), a zero-width joiner (U+200D), a
// left-to-right mark (U+200E), a variation selector or a tag character, and
// by "J" U+00A0 "0421", each shown as J-0421 and none of them J-0421
// (outside check 17).
func ValidatePersonID(field, id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		// A designation is a president's (AssignCase); an outcome is
		// decided by a judge or a president.
		who := "the judge or president"
		if strings.HasSuffix(field, "designated_by") {
			who = "the president"
		}
		return fieldErrorf(field, "is required: the id of %s (an id, not a name)", who)
	case utf8.RuneCountInString(id) > MaxDecidedByChars:
		return fieldErrorf(field, "is longer than %d characters: it is an id, not a name", MaxDecidedByChars)
	case strings.TrimSpace(id) != id:
		return fieldErrorf(field, "has white space at either end: an id has none, %q names no one", id)
	}
	return validateID(field, id)
}

// ValidateText is the one check of every free-text field a caller sends
// (filing.text, cause, court, province, parties[].name, id; outcome.reason,
// legal_basis, decided_by, correction.basis; AssignCase.reason and
// designated_by): it returns a *FieldError naming field when s is not valid
// UTF-8 (proto3 strings must be, and a bad byte would otherwise fail only
// when the decision is stored) or holds a character a text has no business
// carrying, else nil. Refused are the C0 controls and DEL, the C1 controls
// (U+0080–U+009F), and the bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069); a MultiLine field may hold tab, LF and
// CR. A SingleLine field also refuses the Unicode line and paragraph
// separators (U+2028, U+2029), which break it into lines as LF does, and
// the invisible zero-width space, word joiner and byte-order mark (U+200B,
// U+2060, U+FEFF), with which two ids or names that look the same are
// different strings. Such characters are stored and returned as sent: an
// ESC sequence repaints the terminal of whoever reads a log or an export, a
// NUL cuts a string short in C tools, and a bidi override shows a clerk a
// name or a reason in an order other than the one stored. Chinese text, full-width
// punctuation and every other printable character pass. The error gives
// the first offending character's code point and its index in runes from
// 0, so the filing system can show the clerk where it is.
func ValidateText(field, s string, lines Lines) error {
	_, err := validateText(field, s, lines)
	return err
}

// validateText is ValidateText that also returns, for a valid s, how many
// runes it has (utf8.RuneCountInString), counted by the same scan: a
// filing's text is counted for the classifier's features and its domain
// check, and counting it apart cost ~9% of a Decide (issue 13, callgrind
// 2026-12-05).
func validateText(field, s string, lines Lines) (int, error) {
	runes, valid, refusable := scanText(s, lines)
	if !valid {
		return 0, fieldErrorf(field, "is not valid UTF-8")
	}
	if !refusable {
		return runes, nil
	}
	i := 0
	for _, r := range s {
		switch {
		case lines == MultiLine && (r == '\t' || r == '\n' || r == '\r'):
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return 0, fieldErrorf(field, "control character U+%04X at %d", r, i)
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			return 0, fieldErrorf(field, "bidirectional control character U+%04X at %d", r, i)
		case lines == SingleLine && (r == 0x2028 || r == 0x2029):
			return 0, fieldErrorf(field, "line separator U+%04X at %d", r, i)
		case lines == SingleLine && (r == 0x200b || r == 0x2060 || r == 0xfeff):
			return 0, fieldErrorf(field, "invisible character U+%04X at %d", r, i)
		}
		i++
	}
	return runes, nil
}

// scanText reports, reading bytes, whether s is valid UTF-8 (as
// utf8.ValidString) and whether it may hold a rune ValidateText refuses:
// only the bytes that begin such a rune (a C0 control or DEL, C2 for the
// C1 controls, E2 80 and E2 81 for the controls and separators of
// U+2000–U+207F, EF BB for U+FEFF) are looked at more closely. A
// complaint's text is checked on every Decide: decoding every rune of it cost ~8% of one, and
// utf8.ValidString and a second byte scan after it still ~11% (issue 13,
// callgrind 2026-12-05). A three-byte character with any other lead
// that takes any two continuation bytes (E1–EC, EE: nearly all of CJK) is
// checked by its bytes' tags alone; everything else is decoded as
// utf8.DecodeRuneInString does, which says what is invalid.
// It counts the runes as it goes (runes, meaningful when valid).
// TestScanText compares it with utf8.ValidString, utf8.RuneCountInString and
// the rune loop.
func scanText(s string, lines Lines) (runes int, valid, refusable bool) {
	for p := 0; p < len(s); runes++ {
		// A run of printable ASCII and whole three-byte characters of
		// lead E3–EC (nearly all of a complaint) is passed in a loop of
		// its own, a character's bytes loaded at once; the switch below
		// takes the rest. Every character through the switch cost ~36
		// instructions, 8.5% of a Decide (callgrind 2026-12-06).
		for p+3 <= len(s) {
			w := s[p : p+3]
			if c := w[0]; c < utf8.RuneSelf {
				if c < 0x20 || c == 0x7f {
					break
				}
				p++
				runes++
				continue
			}
			if v := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16; v&0xC0C0F0 != 0x8080E0 || w[0]-0xe3 > 0xec-0xe3 {
				break
			}
			p += 3
			runes++
		}
		if p >= len(s) {
			break
		}
		c := s[p]
		switch {
		case c < 0x20 || c == 0x7f:
			if lines != MultiLine || c != '\t' && c != '\n' && c != '\r' {
				refusable = true
			}
			p++
		case c < utf8.RuneSelf:
			p++
		case c >= 0xe1 && p+2 < len(s) && takenByTags(c, s[p+1]) &&
			uint16(s[p+1]&0xc0)<<8|uint16(s[p+2]&0xc0) == 0x8080:
			p += 3
		default:
			r, n := utf8.DecodeRuneInString(s[p:])
			if r == utf8.RuneError && n == 1 {
				return runes, false, refusable
			}
			if refusedRune(r) {
				refusable = true
			}
			p += n
		}
	}
	return runes, true, refusable
}

// refusedRune reports whether scanText refuses r, a rune it decoded: the
// C1 controls, the line and paragraph separators and the bidirectional
// embeddings and isolates, the zero-width space and word joiner, and the
// byte order mark.
func refusedRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200b || r == 0x2060 || r == 0xfeff
}

// takenByTags reports whether scanText takes a three-byte character of
// lead c and second byte c1 by its bytes' tags: a lead that accepts any
// continuation bytes (E1–EC, EE, EF: not ED, whose second byte is bounded,
// nor E0) and begins no refused rune there. E2 80 and E2 81 hold the
// controls and separators of U+2000–U+207F, EF BB U+FEFF; a complaint's
// full-width punctuation (，：；（）, EF BC and EF BD) is taken.
func takenByTags(c, c1 byte) bool {
	switch {
	case c-0xe3 <= 0xec-0xe3, c == 0xe1, c == 0xee: // E3–E9: 。、 and nearly all of CJK
		return true
	case c == 0xe2:
		return c1 >= 0x82
	case c == 0xef:
		return c1 != 0xbb
	}
	return false
}

// validateID checks an id beyond ValidateText: a filing id is the key of
// one stored decision per filing (a second would draw a team again), and a
// person id (ValidatePersonID) says who decided, so two ids that look the
// same must be the same string. It refuses white space at
// either end, white space other than U+0020 inside (a no-break or an
// ideographic space looks like a space), and every default-ignorable code
// point (format characters such as the soft hyphen, the zero-width joiner
// and non-joiner, the directional marks and the tags; variation selectors;
// the combining grapheme joiner and the Hangul fillers), which render as
// nothing. ValidateText allows the joiners and marks in names, where
// scripts need them; an id is written in digits, letters and a few signs.
//
// It also refuses the replacement character U+FFFD, the noncharacters and
// the private-use code points, which name no character of a case number.
// U+FFFD is what a decoder leaves for bytes it could not read: a filing
// system that reads GBK as UTF-8 sends (2024)苏0106民终1001号,
// (2024)苏0106刑终1001号 and (2024)苏0106行终1001号 all as
// "(2024)��0106����1001��", so the second case was answered ALREADY_EXISTS
// with the first one's decision (outside check). Private-use characters
// show as the same empty box whatever their code point, so two ids that
// differ look alike, as with the invisible characters.
func validateID(field, s string) error {
	if err := ValidateText(field, s, SingleLine); err != nil {
		return err
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		return fieldErrorf(field, "white space U+%04X at the beginning", r)
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		return fieldErrorf(field, "white space U+%04X at the end", r)
	}
	i := 0
	for _, r := range s {
		switch {
		case r != ' ' && unicode.IsSpace(r):
			return fieldErrorf(field, "white space U+%04X at %d (only U+0020 may separate the parts of an id)", r, i)
		case defaultIgnorable(r):
			return fieldErrorf(field, "invisible character U+%04X at %d", r, i)
		case r == utf8.RuneError:
			return fieldErrorf(field, "replacement character U+FFFD at %d: a character was lost in decoding (is the id read in the right encoding?)", i)
		case noncharacter(r) || unicode.Is(unicode.Co, r):
			return fieldErrorf(field, "code point U+%04X at %d is not a character (noncharacter or private use)", r, i)
		}
		i++
	}
	return strayMark(field, s)
}

// strayMark refuses a combining mark an id keeps once composed (NFKC, as
// the filing key folds it), and an emoji modifier: U+0301 after 号, U+0307
// over 民 or U+1F3FB after a case number compose with nothing, show as a
// speck or not at all, and made each its own filing with its own team
// draw: (2024)苏0106民初0365号 and eight such spellings were nine stored
// decisions (outside check 19). A mark that composes (an NFD é) is the
// letter it makes, and stays allowed.
func strayMark(field, s string) error {
	// Most ids hold no mark at all: they are not folded (no allocation on
	// the request path).
	if strings.IndexFunc(s, isMarkOrModifier) < 0 {
		return nil
	}
	folded := norm.NFKC.String(s)
	for _, r := range folded {
		if isMarkOrModifier(r) {
			i := 0
			for _, q := range s {
				if q == r {
					return fieldErrorf(field, "combining mark U+%04X at %d belongs to no letter of the id", r, i)
				}
				i++
			}
			return fieldErrorf(field, "combining mark U+%04X belongs to no letter of the id", r)
		}
	}
	return nil
}

// isMarkOrModifier is a combining mark or an emoji skin-tone modifier
// (U+1F3FB–U+1F3FF, symbols Unicode does not class as marks).
func isMarkOrModifier(r rune) bool {
	return unicode.Is(unicode.M, r) || (r >= 0x1f3fb && r <= 0x1f3ff)
}

// noncharacter reports whether r is one of Unicode's 66 noncharacters
// (U+FDD0–U+FDEF and the last two code points of every plane), kept for a
// program's internal use and never interchanged.
func noncharacter(r rune) bool {
	return (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe
}

// defaultIgnorable approximates Unicode's derived Default_Ignorable_Code_Point
// (DerivedCoreProperties.txt), which the unicode package does not export:
// Other_Default_Ignorable_Code_Point, the format characters (Cf) and the
// variation selectors. The derivation's exceptions (white space, the
// interlinear annotation characters U+FFF9–U+FFFB, the prepended
// concatenation marks such as U+0600) are format characters an id has no
// use for either, so they are refused too.
func defaultIgnorable(r rune) bool {
	return unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector)
}

// clip shortens user input echoed in an error message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// MaxVersionChars bounds the version of a rules, holiday or teams file.
const MaxVersionChars = 64

// ValidateVersion checks the version of a configuration file (what names
// the file: "rules", "holidays", "teams"): not blank, at most
// MaxVersionChars characters, one line of printable text (ValidateText).
// The version is stamped on every decision (a rules version in
// rules_version, a calendar's in every time limit it moved or confirmed)
// and logged at start: a 5 MiB rules version made every decision a 10 MB
// row and every Triage answer too large to send, after the decision and
// its team draw were stored (outside check); a newline or U+202E in it
// would act on whoever reads a decision or the log.
func ValidateVersion(what, v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("%s: version is empty", what)
	}
	if n := utf8.RuneCountInString(v); n > MaxVersionChars {
		return fmt.Errorf("%s: version is %d characters long, more than %d", what, n, MaxVersionChars)
	}
	if err := ValidateText("version", v, SingleLine); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
