package server

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// enumName matches the name of an API enum value (PROCEDURE_ORDINARY,
// CASE_KIND_CIVIL, CHANGE_KIND_SIMPLIFIED_TO_ORDINARY): what a client's code
// reads, not words for a president or a team lead.
var enumName = regexp.MustCompile(`\b(PROCEDURE|CASE_KIND|CHANGE_KIND)_[A-Z_]+`)

// TestTeamRefusalsInWords: why a team may not hold a case is told, in
// Chinese and by the team's name, to the president whose designation it
// refuses (AssignCase's FAILED_PRECONDITION) and to both teams' leads on
// their feeds after a conversion (the re-draw's reason). Each said it in
// English with enum names ("team civil-trial-1 does not take
// CASE_KIND_CIVIL cases under PROCEDURE_SMALL_CLAIMS"; outside check 14).
// The rule's code stays in front, as the law's refusals carry theirs.
func TestTeamRefusalsInWords(t *testing.T) {
	civil, criminal := triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL
	general := routing.Team{ID: "civil-trial-1", Name: "民事审判一团队", CaseKinds: []triagev1.CaseKind{civil},
		Procedures: []triagev1.Procedure{simplified, ordinary}}
	fast := routing.Team{ID: "criminal-fast", Name: "刑事速裁团队", CaseKinds: []triagev1.CaseKind{criminal},
		Procedures: []triagev1.Procedure{triagev1.Procedure_PROCEDURE_FAST_TRACK, simplified, ordinary}, FastTrack: true}
	unnamed := general
	unnamed.Name = ""
	civilCase := &triagev1.Decision{CaseKind: civil}
	criminalCase := &triagev1.Decision{CaseKind: criminal}
	for _, tc := range []struct {
		name            string
		team            routing.Team
		d               *triagev1.Decision
		proc            triagev1.Procedure
		panel, juvenile bool
		want            string
	}{
		{name: "procedure the team does not take", team: general, d: civilCase, proc: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
			want: "TEAM_DOES_NOT_TAKE_CASE: 民事审判一团队（civil-trial-1）不承办适用小额诉讼程序的民事案件。"},
		{name: "a team without a name is named by its id", team: unnamed, d: civilCase, proc: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
			want: "TEAM_DOES_NOT_TAKE_CASE: civil-trial-1不承办适用小额诉讼程序的民事案件。"},
		{name: "minor defendant, not a juvenile team", team: fast, d: criminalCase, proc: simplified, juvenile: true,
			want: "JUVENILE_CASE_TO_NON_JUVENILE_TEAM: 被告人是未成年人，本院设有未成年人案件审判组织（刑诉法解释第五百五十条第一款）；刑事速裁团队（criminal-fast）不是未成年人案件审判组织。"},
		{name: "review case on a fast-track team", team: fast, d: &triagev1.Decision{CaseKind: criminal, NeedsReview: true}, proc: simplified,
			want: "REVIEW_CASE_TO_FAST_TRACK: 本案需人工审核，不分入速裁团队；刑事速裁团队（criminal-fast）是速裁团队。"},
		{name: "panel ruled, fast-track team", team: fast, d: criminalCase, proc: ordinary, panel: true,
			want: "PANEL_CASE_TO_FAST_TRACK: 本案适用普通程序依法应当由合议庭审理；刑事速裁团队（criminal-fast）是速裁团队，由审判员一人独任审理。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := teamRefuses(tc.team, tc.d, tc.proc, tc.panel, tc.juvenile)
			var pe *preconditionError
			if !errors.As(err, &pe) {
				t.Fatalf("teamRefuses = %v, want a precondition error", err)
			}
			if err.Error() != tc.want {
				t.Errorf("says\n%q\nwant\n%q", err.Error(), tc.want)
			}
			if enum := enumName.FindString(pe.msg); enum != "" || strings.Contains(pe.msg, " team ") {
				t.Errorf("names %q or says it in English: %q", enum, pe.msg)
			}
		})
	}
}
