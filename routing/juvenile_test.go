package routing_test

import (
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// juvenileTeam is a 未成年人案件审判组织 as a court writes it.
func juvenileTeam(id string, procs ...string) routing.TeamEntry {
	return routing.TeamEntry{ID: id, Name: "少年审判团队", CaseKinds: []string{"CASE_KIND_CRIMINAL"}, Procedures: procs, Juvenile: true, Capacity: 10}
}

// TestLoadJuvenile: the juvenile field is validated on load like the
// other team fields, and a file with a juvenile team must give every case
// a minor defendant may have (simplified, ordinary, under review) one.
func TestLoadJuvenile(t *testing.T) {
	for _, tc := range []struct {
		name string
		mut  func(f *routing.File)
		want string // substring of the error; "" = loads
	}{
		{name: "juvenile team for both procedures", mut: func(f *routing.File) {
			f.Teams = append(f.Teams, juvenileTeam("juv", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"))
		}},
		{name: "two juvenile teams, one each", mut: func(f *routing.File) {
			f.Teams = append(f.Teams, juvenileTeam("juv1", "PROCEDURE_SIMPLIFIED"), juvenileTeam("juv2", "PROCEDURE_ORDINARY"))
		}},
		{name: "juvenile false is no juvenile team", mut: func(f *routing.File) {
			e := juvenileTeam("juv", "PROCEDURE_ORDINARY")
			e.Juvenile = false
			f.Teams = append(f.Teams, e)
		}},
		{name: "juvenile team for ordinary only", mut: func(f *routing.File) {
			f.Teams = append(f.Teams, juvenileTeam("juv", "PROCEDURE_ORDINARY"))
		}, want: "no juvenile team takes CASE_KIND_CRIMINAL under PROCEDURE_SIMPLIFIED"},
		{name: "juvenile fast-track team alone cannot take cases under review", mut: func(f *routing.File) {
			e := juvenileTeam("juv", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY")
			e.FastTrack = true
			f.Teams = append(f.Teams, e)
		}, want: "no juvenile team takes CASE_KIND_CRIMINAL under PROCEDURE_SIMPLIFIED"},
		{name: "juvenile fast-track team beside a juvenile trial team", mut: func(f *routing.File) {
			e := juvenileTeam("juv-fast", "PROCEDURE_SIMPLIFIED")
			e.FastTrack = true
			f.Teams = append(f.Teams, e, juvenileTeam("juv", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"))
		}},
		{name: "juvenile civil team (少年家事 is not routed by the flag)", mut: func(f *routing.File) {
			f.Teams[0].Juvenile = true
		}, want: "teams[0] (civil): juvenile: a juvenile team takes criminal cases of minor defendants only"},
		{name: "juvenile team of two case kinds", mut: func(f *routing.File) {
			e := juvenileTeam("juv", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY")
			e.CaseKinds = append(e.CaseKinds, "CASE_KIND_CIVIL")
			f.Teams = append(f.Teams, e)
		}, want: "case_kinds must be"},
		{name: "juvenile team with causes", mut: func(f *routing.File) {
			e := juvenileTeam("juv", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY")
			e.Causes = []string{"盗窃罪"}
			f.Teams = append(f.Teams, e)
		}, want: "remove causes"},
		{name: "the only criminal team is juvenile: adults have none", mut: func(f *routing.File) {
			f.Teams[2].Juvenile = true
		}, want: "no team takes CASE_KIND_CRIMINAL under PROCEDURE_FAST_TRACK for every case"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := minimalFile()
			tc.mut(&f)
			_, err := routing.Load(mustJSON(t, f))
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Load: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("Load error %v, want one containing %q", err, tc.want)
			}
		})
	}
	// The field as written in JSON, and a misspelling refused.
	if _, err := routing.Load([]byte(`{"version":"t","teams":[{"id":"c","name":"刑","case_kinds":["CASE_KIND_CRIMINAL"],"procedures":["PROCEDURE_FAST_TRACK","PROCEDURE_SIMPLIFIED","PROCEDURE_ORDINARY"],"capacity":1},` +
		`{"id":"civ","name":"民","case_kinds":["CASE_KIND_CIVIL"],"procedures":["PROCEDURE_SMALL_CLAIMS","PROCEDURE_SIMPLIFIED","PROCEDURE_ORDINARY"],"capacity":1},` +
		`{"id":"adm","name":"行","case_kinds":["CASE_KIND_ADMINISTRATIVE"],"procedures":["PROCEDURE_SIMPLIFIED","PROCEDURE_ORDINARY"],"capacity":1},` +
		`{"id":"j","name":"少","case_kinds":["CASE_KIND_CRIMINAL"],"procedures":["PROCEDURE_SIMPLIFIED","PROCEDURE_ORDINARY"],"juvenile":true,"capacity":1}]}`)); err != nil {
		t.Errorf("juvenile as JSON: %v", err)
	}
	if _, err := routing.Load([]byte(`{"version":"t","teams":[{"id":"j","name":"少","case_kinds":["CASE_KIND_CRIMINAL"],"procedures":["PROCEDURE_SIMPLIFIED"],"minor":true,"capacity":1}]}`)); err == nil || !strings.Contains(err.Error(), `unknown field "minor"`) {
		t.Errorf("misspelt field: %v", err)
	}
}

func party(role triagev1.PartyRole, minor bool) *triagev1.Party {
	return &triagev1.Party{Role: role, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Minor: minor}
}

var (
	minorDefendant = party(triagev1.PartyRole_PARTY_ROLE_DEFENDANT, true)
	adultDefendant = party(triagev1.PartyRole_PARTY_ROLE_DEFENDANT, false)
	minorPlaintiff = party(triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, true)
	minorThird     = party(triagev1.PartyRole_PARTY_ROLE_THIRD_PARTY, true)
)

// TestEligibleJuvenile: 刑诉法解释第五百五十条第一款 — a criminal case of a
// minor defendant goes to the juvenile teams alone when the court has any,
// never to the (general) 速裁团队; without one it goes where it went before.
// Near misses: an adult defendant, a minor victim or third party only, a
// civil case with a minor, and adult cases never reach a juvenile team.
func TestEligibleJuvenile(t *testing.T) {
	withJuvenile := defaultTeams(t) // the example file has one
	if !withJuvenile.HasJuvenile() {
		t.Fatal("the default teams have no juvenile team")
	}
	f := minimalFile()
	without, err := routing.Load(mustJSON(t, f))
	if err != nil {
		t.Fatal(err)
	}
	fast := juvenileTeam("juv-fast", "PROCEDURE_SIMPLIFIED")
	fast.FastTrack = true
	f.Teams = append(f.Teams, fast, juvenileTeam("juv", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"))
	twoJuvenile, err := routing.Load(mustJSON(t, f))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		ts      *routing.Teams
		k       triagev1.CaseKind
		p       triagev1.Procedure
		review  bool
		cause   string
		parties []*triagev1.Party
		want    []string
	}{
		{"juvenile DUI, simplified: the juvenile team, not the 速裁团队", withJuvenile, criminal, pSimp, false, "危险驾驶罪", []*triagev1.Party{minorDefendant}, []string{"juvenile"}},
		{"juvenile theft, ordinary", withJuvenile, criminal, pOrd, false, "盗窃罪", []*triagev1.Party{minorDefendant}, []string{"juvenile"}},
		{"juvenile case under review", withJuvenile, criminal, pSimp, true, "盗窃罪", []*triagev1.Party{minorDefendant}, []string{"juvenile"}},
		{"minor and adult co-defendants: drawn among juvenile teams", withJuvenile, criminal, pSimp, false, "盗窃罪", []*triagev1.Party{adultDefendant, minorDefendant}, []string{"juvenile"}},
		{"juvenile fast-track (CrPL 223 bars it): no team", withJuvenile, criminal, pFT, false, "危险驾驶罪", []*triagev1.Party{minorDefendant}, nil},
		{"near miss: adult DUI, simplified", withJuvenile, criminal, pSimp, false, "危险驾驶罪", []*triagev1.Party{adultDefendant}, []string{"criminal-fast"}},
		{"near miss: adult ordinary stays off the juvenile team", withJuvenile, criminal, pOrd, false, "盗窃罪", []*triagev1.Party{adultDefendant}, []string{"criminal-trial"}},
		{"near miss: adult under review stays off the juvenile team", withJuvenile, criminal, pSimp, true, "盗窃罪", []*triagev1.Party{adultDefendant}, []string{"criminal-trial"}},
		{"near miss: minor victim (private prosecutor) only", withJuvenile, criminal, pSimp, false, "侮辱罪", []*triagev1.Party{minorPlaintiff, adultDefendant}, []string{"criminal-fast"}},
		{"near miss: minor third party only", withJuvenile, criminal, pSimp, false, "盗窃罪", []*triagev1.Party{adultDefendant, minorThird}, []string{"criminal-fast"}},
		{"near miss: civil case with a minor defendant (少年家事 out of scope)", withJuvenile, civil, pSimp, false, "抚养费纠纷", []*triagev1.Party{minorPlaintiff, minorDefendant}, []string{"family"}},
		{"near miss: civil loan with a minor defendant", withJuvenile, civil, pSC, false, "民间借贷纠纷", []*triagev1.Party{minorDefendant}, []string{"civil-fast-general"}},
		{"no juvenile team: the juvenile DUI goes where it went", without, criminal, pSimp, false, "危险驾驶罪", []*triagev1.Party{minorDefendant}, []string{"criminal"}},
		{"no juvenile team: ordinary", without, criminal, pOrd, false, "盗窃罪", []*triagev1.Party{minorDefendant}, []string{"criminal"}},
		{"juvenile 速裁团队 takes the simple juvenile case", twoJuvenile, criminal, pSimp, false, "危险驾驶罪", []*triagev1.Party{minorDefendant}, []string{"juv-fast"}},
		{"juvenile case under review: off the juvenile 速裁团队", twoJuvenile, criminal, pSimp, true, "危险驾驶罪", []*triagev1.Party{minorDefendant}, []string{"juv"}},
		{"juvenile ordinary: the juvenile trial team", twoJuvenile, criminal, pOrd, false, "盗窃罪", []*triagev1.Party{minorDefendant}, []string{"juv"}},
		{"near miss: adult simplified never to the juvenile 速裁团队", twoJuvenile, criminal, pSimp, false, "危险驾驶罪", []*triagev1.Party{adultDefendant}, []string{"criminal"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &triagev1.Decision{CaseKind: tc.k, Recommended: tc.p, NeedsReview: tc.review}
			f := &triagev1.Filing{CaseKind: tc.k, Cause: tc.cause, Parties: tc.parties}
			got := ids(tc.ts.Eligible(d, f))
			if !slices.Equal(got, tc.want) {
				t.Errorf("eligible %v, want %v", got, tc.want)
			}
			// EligibleFor is the adult route: never a juvenile team.
			for _, tm := range tc.ts.EligibleFor(tc.k, tc.p, tc.cause, tc.review) {
				if tm.Juvenile {
					t.Errorf("EligibleFor gave juvenile team %s", tm.ID)
				}
			}
		})
	}
}

// TestJuvenileCase: what fenjian reads as a case of a minor defendant
// (刑诉法解释第五百五十条第一款) and as one with an adult co-defendant (第三款).
func TestJuvenileCase(t *testing.T) {
	for _, tc := range []struct {
		name          string
		k             triagev1.CaseKind
		parties       []*triagev1.Party
		juvenile, mix bool
	}{
		{"minor defendant", criminal, []*triagev1.Party{minorDefendant}, true, false},
		{"minor and adult defendants", criminal, []*triagev1.Party{minorDefendant, adultDefendant}, true, true},
		{"adult defendant", criminal, []*triagev1.Party{adultDefendant}, false, true},
		{"minor victim only", criminal, []*triagev1.Party{minorPlaintiff, adultDefendant}, false, true},
		{"minor third party only", criminal, []*triagev1.Party{minorThird}, false, false},
		{"civil minor defendant", civil, []*triagev1.Party{minorDefendant}, false, false},
		{"administrative minor defendant", admin, []*triagev1.Party{minorDefendant}, false, false},
		{"no parties", criminal, nil, false, false},
		{"minor and an organisation defendant (单位犯罪)", criminal, []*triagev1.Party{minorDefendant, {Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION}}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &triagev1.Filing{CaseKind: tc.k, Parties: tc.parties}
			if got := routing.JuvenileCase(tc.k, f); got != tc.juvenile {
				t.Errorf("JuvenileCase = %v, want %v", got, tc.juvenile)
			}
			if got := routing.AdultCoDefendant(f); got != tc.mix {
				t.Errorf("AdultCoDefendant = %v, want %v", got, tc.mix)
			}
		})
	}
}
