package server

import (
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// juvenileTeams is panelTeams with a 未成年人案件审判组织 (刑诉法解释第五百四十九
// 条、第五百五十条).
func juvenileTeams() routing.File {
	f := panelTeams()
	f.Version = "juvenile-1"
	f.Teams = append(f.Teams, routing.TeamEntry{ID: "juvenile", Name: "少年审判团队", CaseKinds: []string{"CASE_KIND_CRIMINAL"},
		Procedures: []string{"PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"}, Juvenile: true, Capacity: 50})
	return f
}

// withParties is criminalFiling (a 危险驾驶 with 认罪认罚) with these
// defendants' minor flags, and a minor victim when victim is set.
func withParties(id string, victim bool, minors ...bool) *triagev1.Filing {
	f := criminalFiling(id, true)
	f.Parties = nil
	for _, m := range minors {
		f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Minor: m})
	}
	if victim {
		f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Minor: true})
	}
	return f
}

// TestJuvenileRouting: through a real server on loopback and a real SQLite
// store, a court with a juvenile team draws a minor defendant's case to it
// alone (never to the 速裁团队), refuses a designation elsewhere and moves a
// case to it when a correction finds the defendant a minor; a court without
// one routes the case as before and the assignment says why (SQLite and
// PostgreSQL). Near misses:
// an adult defendant, a minor victim only, a civil case with a minor, a
// minor with an adult co-defendant (the president decides, Interp. 550 ¶3).
func TestJuvenileRouting(t *testing.T) {
	ctx := testContext(t)
	assign := func(h *harness, d *triagev1.Decision, team string) error {
		_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: d.GetDecisionId(), TeamId: team, DesignatedBy: "president-07", Reason: "院长指定。"})
		return err
	}
	civilMinor := loanFiling("j-civ")
	civilMinor.Parties = append(civilMinor.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Minor: true})

	t.Run("court with a juvenile team", func(t *testing.T) {
		st := openStore(t, tempDB(t))
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, juvenileTeams())})
		for _, tc := range []struct {
			name       string
			f          *triagev1.Filing
			team       string // "" = any but juvenile
			reason     string
			designated string // a team a designation to is refused
			allowed    string // a team a designation to is recorded
		}{
			{name: "juvenile DUI: the juvenile team", f: withParties("j-1", false, true), team: "juvenile", designated: "criminal-fast"},
			{name: "juvenile DUI: nor the general trial team by designation", f: withParties("j-2", false, true), team: "juvenile", designated: "criminal"},
			{name: "minor and adult co-defendants: drawn to the juvenile team, the president may designate", f: withParties("j-3", false, true, false),
				team: "juvenile", reason: routing.JuvenileCoDefendantNote, allowed: "criminal"},
			{name: "near miss: adult DUI", f: withParties("j-4", false, false), team: "criminal-fast", allowed: "criminal"},
			{name: "near miss: minor victim only", f: withParties("j-5", true, false), team: "criminal-fast"},
			{name: "near miss: civil case with a minor defendant", f: proto.CloneOf(civilMinor), allowed: "civil"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				d := triageOK(t, ctx, h.client, tc.f)
				a := d.GetAssignment()
				switch {
				case tc.team != "" && a.GetTeamId() != tc.team:
					t.Errorf("drawn to %q, want %s (recommended %v)", a.GetTeamId(), tc.team, d.GetRecommended())
				case tc.team == "" && (a.GetTeamId() == "" || a.GetTeamId() == "juvenile"):
					t.Errorf("drawn to %q", a.GetTeamId())
				}
				if a.GetReason() != tc.reason {
					t.Errorf("assignment reason %q, want %q", a.GetReason(), tc.reason)
				}
				if tc.designated != "" {
					checkStatus(t, assign(h, d, tc.designated), codes.FailedPrecondition, "", "JUVENILE_CASE_TO_NON_JUVENILE_TEAM")
				}
				if tc.allowed != "" {
					if err := assign(h, d, tc.allowed); err != nil {
						t.Errorf("designation to %s: %v", tc.allowed, err)
					}
				}
			})
		}

		// A correction finds the adult defendant of a fast-track case a
		// minor: the conversion to simplified moves the case off the 速裁团队
		// to the juvenile team, and a later designation reads the corrected
		// filing (not the one first filed) and is refused.
		d := triageOK(t, ctx, h.client, withParties("j-6", false, false))
		if d.GetAssignment().GetTeamId() != "criminal-fast" || d.GetRecommended() != fastTrack {
			t.Fatalf("adult DUI: %v to %q; the test needs fast-track with criminal-fast", d.GetRecommended(), d.GetAssignment().GetTeamId())
		}
		corrected := withParties("j-6", false, true)
		o := outcome(d, triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED, simplified, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十六条"
		o.Correction = &triagev1.FactCorrection{Filing: corrected, Basis: "户籍证明：被告人作案时未满十八周岁。"}
		resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
		if err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
		if got := resp.GetReassignment(); got.GetTeamId() != "juvenile" || got.GetPreviousTeamId() != "criminal-fast" {
			t.Errorf("after the correction the case is with %q (reassignment %v), want it drawn to juvenile", got.GetTeamId(), got)
		}
		checkStatus(t, assign(h, d, "criminal"), codes.FailedPrecondition, "", "JUVENILE_CASE_TO_NON_JUVENILE_TEAM")
		// 简转普 keeps it with the juvenile team.
		o = outcome(d, simpToOrd, ordinary, "2024-03-08")
		o.LegalBasis = "刑诉法解释第三百六十八条"
		if resp, err = h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o}); err != nil {
			t.Fatalf("RecordOutcome 简转普: %v", err)
		}
		if got := resp.GetReassignment(); got != nil {
			t.Errorf("简转普 moved the juvenile case: %v", got)
		}
	})

	// The note is stored with the assignment: on both stores.
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, panelTeams())})
		juv := triageOK(t, ctx, h.client, withParties("n-1", false, true))
		a := juv.GetAssignment()
		if a.GetTeamId() != "criminal-fast" || a.GetReason() != routing.NoJuvenileTeamNote {
			t.Errorf("juvenile DUI: team %q reason %q, want criminal-fast (as before) with the note", a.GetTeamId(), a.GetReason())
		}
		if juv.GetNeedsReview() {
			t.Errorf("the note made the decision need review: %v", juv.GetReviewReasons())
		}
		// The stored assignment, as the team's feed replays it, says so too.
		feed := teamFeed(t, st, "criminal-fast")
		if len(feed) != 1 || feed[0].GetReason() != routing.NoJuvenileTeamNote {
			t.Errorf("feed %v, want the one assignment with the note", feed)
		}
		if err := assign(h, juv, "criminal"); err != nil {
			t.Errorf("designation without a juvenile team: %v", err)
		}
		for _, f := range []*triagev1.Filing{withParties("n-2", false, false), withParties("n-3", true, false), proto.CloneOf(civilMinor)} {
			f.Id = "n-" + f.GetId()
			if got := triageOK(t, ctx, h.client, f).GetAssignment(); got.GetReason() != "" {
				t.Errorf("near miss %s: reason %q", f.GetId(), got.GetReason())
			}
		}
	})
}

// TestRerouteReadsEarlierCorrection: a conversion's re-draw reads the
// filing as last corrected, an earlier outcome's correction included, not
// the filing as first filed: a loan case corrected to a construction
// dispute (kept by the 速裁团队, which takes simplified civil cases) goes to
// the commercial team at 简转普, not to the general civil teams its first
// cause would give it. The juvenile check reads the same filing.
func TestRerouteReadsEarlierCorrection(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	d := triageOK(t, ctx, h.client, simplifiedFiling("c-1"))
	if d.GetAssignment().GetTeamId() != "civil-fast-general" || d.GetRecommended() != simplified {
		t.Fatalf("loan: %v to %q; the test needs simplified with civil-fast-general", d.GetRecommended(), d.GetAssignment().GetTeamId())
	}
	corrected := simplifiedFiling("c-1")
	corrected.Cause = "建设工程施工合同纠纷"
	o := outcome(d, confirmed, simplified, "2024-03-06")
	o.Correction = &triagev1.FactCorrection{Filing: corrected, Basis: "原告变更诉讼请求，案由更正为建设工程施工合同纠纷。"}
	resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
	if err != nil {
		t.Fatalf("RecordOutcome correction: %v", err)
	}
	if got := resp.GetReassignment(); got != nil {
		t.Fatalf("the correction moved the case: %v; the test needs it kept", got)
	}
	resp, err = h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, simpToOrd, ordinary, "2024-03-20")})
	if err != nil {
		t.Fatalf("RecordOutcome 简转普: %v", err)
	}
	if got := resp.GetReassignment().GetTeamId(); got != "commercial" {
		t.Errorf("简转普 drew %q, want commercial (the corrected cause)", got)
	}
}

// withJuvenileTeam loads juvenileTeams as a server would.
func withJuvenileTeam(t testing.TB) *routing.Teams { return writeTeams(t, juvenileTeams()) }

// TestRerouteReasonNamesWhyTheTeamLeft: a conversion that moves a case off
// its team records, as the new assignment's reason (on both teams' feeds),
// the rule by which the team may not hold the case, the one a designation
// there would be refused by. It said "the team does not take criminal cases
// under PROCEDURE_SIMPLIFIED" of a 速裁团队 that takes them, when a
// correction had found the defendant a minor (outside check 13), and the
// same of a fast-track team left for a panel. On both stores: the store
// picks the reason of the team the case is on inside its transaction.
// Near miss: a team that does not take the new procedure says so, as
// before. The reason is in Chinese, with no enum names: it said
// "CHANGE_KIND_FAST_TRACK_TO_ORDINARY: PROCEDURE_FAST_TRACK →
// PROCEDURE_ORDINARY; … fast-track team criminal-fast sits with single
// judges" to team leads (outside check 14).
func TestRerouteReasonNamesWhyTheTeamLeft(t *testing.T) {
	ctx := testContext(t)
	for _, tc := range []struct {
		name      string
		teams     func(testing.TB) *routing.Teams
		f         *triagev1.Filing
		from      string
		change    triagev1.ChangeKind
		proc      triagev1.Procedure
		corrected *triagev1.Filing
		says      string // the reason must say this
	}{
		{name: "a correction finds the defendant a minor", teams: withJuvenileTeam, f: withParties("r-1", false, false), from: "criminal-fast",
			change: triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED, proc: simplified, corrected: withParties("r-1", false, true),
			says: "速裁程序转为简易程序，并更正立案信息（parties[0].minor）；" +
				"JUVENILE_CASE_TO_NON_JUVENILE_TEAM: 被告人是未成年人，本院设有未成年人案件审判组织（刑诉法解释第五百五十条第一款）；"},
		{name: "fast-track to ordinary: a panel", teams: withJuvenileTeam, f: withParties("r-2", false, false), from: "criminal-fast",
			change: triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY, proc: ordinary,
			says: "速裁程序转为普通程序；" +
				"PANEL_CASE_TO_FAST_TRACK: 本案适用普通程序依法应当由合议庭审理；"},
		{name: "near miss: a team without the procedure", teams: defaultTeams, f: simplifiedFiling("r-3"), from: "civil-fast-general",
			change: simpToOrd, proc: ordinary,
			says: "简易程序转为普通程序；TEAM_DOES_NOT_TAKE_CASE: 民事速裁团队（民间借贷、物业及合同）（civil-fast-general）不承办适用普通程序的民事案件。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forEachBackend(t, func(t *testing.T, b backend) {
				st := openTarget(t, b.target)
				h := startServer(t, deps{decider: newDecider(t), store: st, teams: tc.teams(t)})
				d := triageOK(t, ctx, h.client, tc.f)
				if got := d.GetAssignment().GetTeamId(); got != tc.from {
					t.Fatalf("drawn to %q (recommended %v); the test needs %s", got, d.GetRecommended(), tc.from)
				}
				o := outcome(d, tc.change, tc.proc, "2024-03-06")
				o.LegalBasis = "刑事诉讼法第二百二十六条"
				if tc.corrected != nil {
					o.Correction = &triagev1.FactCorrection{Filing: tc.corrected, Basis: "户籍证明：被告人作案时未满十八周岁。"}
				}
				resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
				if err != nil {
					t.Fatalf("RecordOutcome: %v", err)
				}
				moved := resp.GetReassignment()
				if moved.GetPreviousTeamId() != tc.from || !strings.Contains(moved.GetReason(), tc.says) {
					t.Errorf("reassignment from %q with reason\n%q\nwant from %s, saying\n%q", moved.GetPreviousTeamId(), moved.GetReason(), tc.from, tc.says)
				}
				if enum := enumName.FindString(moved.GetReason()); enum != "" {
					t.Errorf("the reason team leads read names %s, not in words: %q", enum, moved.GetReason())
				}
				feed := teamFeed(t, st, tc.from)
				if last := feed[len(feed)-1]; last.GetReason() != moved.GetReason() {
					t.Errorf("%s's feed shows the case leaving with %q, not the reassignment's reason", tc.from, last.GetReason())
				}
			})
		})
	}
}
