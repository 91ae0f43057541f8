package server

import (
	"strings"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestStatuteRound17 sends round-17 filings through a real server on
// loopback (rules/audit_round17_test.go has the full tables): the court's
// level (simplified procedure, small claims and fast-track are basic-court
// procedures: 民事诉讼法第一百六十条、第一百六十五条, 刑事诉讼法第二百一十四条、
// 第二百二十二条; 行政诉讼法第八十二条 names no level), the day before and the
// day of a text, and the criminal bars. Each decision must offer exactly the
// procedures the law leaves open and recommend one of them.
func TestStatuteRound17(t *testing.T) {
	h, _, ctx := startDefaultServer(t)

	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
	)
	civil, crim, adm := statuteBuilders()
	cases := []struct {
		name   string
		filing *triagev1.Filing
		want   map[triagev1.Procedure]triagev1.Availability
	}{
		{"civil at a high court: neither basic-court procedure (CPL 160, 165)", civil("r17-1", func(f *triagev1.Filing) {
			f.Court, f.CourtLevel = "辽宁省高级人民法院", triagev1.CourtLevel_COURT_LEVEL_HIGH
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: closed, ordinary: open}},
		{"civil at 黑龙江省农垦中级法院 stated basic: above basic by its name", civil("r17-2", func(f *triagev1.Filing) {
			f.Court, f.Province = "黑龙江省农垦中级法院", "黑龙江省"
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: closed}},
		{"civil at 大连海事法院 2000-06-30: no simplified procedure before MSPL 98", civil("r17-3", func(f *triagev1.Filing) {
			f.Court, f.CourtLevel, f.FiledOn = "大连海事法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE, "2000-06-30"
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: closed, ordinary: open}},
		{"civil at 大连海事法院 2000-07-01: MSPL 98 (near miss)", civil("r17-4", func(f *triagev1.Filing) {
			f.Court, f.CourtLevel, f.FiledOn = "大连海事法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE, "2000-07-01"
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: open}},
		{"civil 2022-01-01 counterclaim: CPL 166(5)", civil("r17-5", func(f *triagev1.Filing) {
			f.FiledOn, f.ClaimAmountFen, f.Circumstances.Counterclaim = "2022-01-01", 1_000_000, true
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: open}},
		{"civil 法定继承纠纷: a 财产确权 case (CPL 166(1))", civil("r17-6", func(f *triagev1.Filing) {
			f.Cause = "法定继承纠纷"
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: open}},
		{"civil public notice with an agreement to simplified (Interp. 140)", civil("r17-7", func(f *triagev1.Filing) {
			f.ClaimAmountFen, f.Circumstances.PublicNoticeService, f.Circumstances.PartiesAgreeSimplified = 30_000_000, true, true
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: closed, ordinary: open}},
		{"civil 2018-04-27 major social impact (人民陪审员法 16(4))", civil("r17-8", func(f *triagev1.Filing) {
			f.FiledOn, f.ClaimAmountFen, f.Circumstances.MajorSocialImpact = "2018-04-27", 1_000_000, true
		}), map[triagev1.Procedure]triagev1.Availability{smallClaims: closed, simplified: closed}},
		{"civil 2018-04-26 major social impact: open (near miss)", civil("r17-9", func(f *triagev1.Filing) {
			f.FiledOn, f.ClaimAmountFen, f.Circumstances.MajorSocialImpact = "2018-04-26", 1_000_000, true
		}), map[triagev1.Procedure]triagev1.Availability{simplified: open}},
		{"criminal at a high court (CrPL 214, 222)", crim("r17-10", func(f *triagev1.Filing) {
			f.Court, f.CourtLevel = "辽宁省高级人民法院", triagev1.CourtLevel_COURT_LEVEL_HIGH
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open}},
		{"criminal 2018-10-25 沈阳 pilot, a minor: the pilot's exclusion", crim("r17-11", func(f *triagev1.Filing) {
			f.FiledOn, f.Parties[0].Minor = "2018-10-25", true
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open}},
		{"criminal public interest (Interp. 213 ¶1(1))", crim("r17-12", func(f *triagev1.Filing) {
			f.Circumstances.PublicInterest = true
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open}},
		{"criminal co-defendant objects to simplified: fast-track stays (CrPL 215(3), 223)", crim("r17-13", func(f *triagev1.Filing) {
			f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
			f.Circumstances.CoDefendantObjectsSimplified = true
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: closed}},
		{"criminal 附带民事 not settled: fast-track only (CrPL 223(5))", crim("r17-14", func(f *triagev1.Filing) {
			f.Circumstances.VictimSettlementMissing = true
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open}},
		{"criminal life imprisonment at a basic court (CrPL 21(2))", crim("r17-15", func(f *triagev1.Filing) {
			f.Circumstances.RecommendedSentenceMonths = 0
			f.Circumstances.RecommendedSentenceKind = triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open}},
		{"criminal 帮助恐怖活动罪 with 拘役 (CrPL 21(1))", crim("r17-16", func(f *triagev1.Filing) {
			f.Cause = "帮助恐怖活动罪"
			f.Circumstances.RecommendedSentenceKind = triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION
		}), map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed}},
		{"administrative disclosure at a high court: ALL 82 names no level", adm("r17-17", func(f *triagev1.Filing) {
			f.Court, f.CourtLevel = "辽宁省高级人民法院", triagev1.CourtLevel_COURT_LEVEL_HIGH
		}), map[triagev1.Procedure]triagev1.Availability{simplified: open}},
		{"administrative disclosure 2015-04-30: ALL 82 not yet in force", adm("r17-18", func(f *triagev1.Filing) {
			f.FiledOn = "2015-04-30"
		}), map[triagev1.Procedure]triagev1.Availability{simplified: closed}},
		{"行政公益诉讼 2018-04-27 (人民陪审员法 16(2))", adm("r17-19", func(f *triagev1.Filing) {
			f.Cause, f.FiledOn = "行政公益诉讼", "2018-04-27"
		}), map[triagev1.Procedure]triagev1.Availability{simplified: closed}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkOpenProcedures(t, triageOK(t, ctx, h.client, c.filing), c.want) })
	}
}

// statuteBuilders returns the statute-audit filings (rounds 17 and 18): a
// civil loan (with empty circumstances), a criminal filing pleading guilty
// and an administrative one, each with an id and changed by m.
func statuteBuilders() (civil, crim, adm func(id string, m func(*triagev1.Filing)) *triagev1.Filing) {
	civil = func(id string, m func(f *triagev1.Filing)) *triagev1.Filing {
		f := loanFiling(id)
		f.Circumstances = &triagev1.Circumstances{}
		m(f)
		return f
	}
	crim = func(id string, m func(f *triagev1.Filing)) *triagev1.Filing {
		f := criminalFiling(id, true)
		m(f)
		return f
	}
	adm = func(id string, m func(f *triagev1.Filing)) *triagev1.Filing {
		f := adminFiling(id)
		m(f)
		return f
	}
	return civil, crim, adm
}

// checkOpenProcedures checks that decision d offers each procedure of want
// as want says, and recommends one the law leaves open.
func checkOpenProcedures(t *testing.T, d *triagev1.Decision, want map[triagev1.Procedure]triagev1.Availability) {
	t.Helper()
	for p, w := range want {
		o := decisionOption(t, d, p)
		if o.GetAvailability() != w {
			t.Errorf("%v: %v, want %v (%v)", p, o.GetAvailability(), w, o.GetReasons())
		}
	}
	if rec := decisionOption(t, d, d.GetRecommended()); !rec.GetAvailable() {
		t.Errorf("recommended %v, which the law closes: %v", d.GetRecommended(), rec.GetReasons())
	}
}

// TestStatuteRound17MaritimeCourt: a maritime court is of intermediate level
// (全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定第三条). Its
// civil ordinary case is tried by a panel (民事诉讼法第四十条第二款 gives the
// single judge in ordinary procedure to basic courts), so it is neither drawn
// to nor designated to a 速裁团队 that lists ordinary procedure, and a single
// judge → panel ruling is refused (it is a panel already); before 2000-07-01
// (海事诉讼特别程序法第九十八条 not yet in force) it had no simplified
// procedure. Until rules 2026-12-04.10 the maritime case was drawn to
// civil-fast, designated there and its panel ruling and its 2000-06-30
// simplified procedure recorded.
func TestStatuteRound17MaritimeCourt(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, panelTeams())})
	ctx := testContext(t)
	// Public notice closes small claims and simplified procedure (民诉法解释
	// 第一百四十条): ordinary is the one procedure left, at either court.
	noticed := func(id, court string, l triagev1.CourtLevel) *triagev1.Filing {
		f := loanFiling(id)
		f.Court, f.CourtLevel = court, l
		f.Circumstances = &triagev1.Circumstances{PublicNoticeService: true}
		return f
	}
	mar := triageOK(t, ctx, h.client, noticed("r17-m1", "大连海事法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE))
	basic := triageOK(t, ctx, h.client, noticed("r17-m2", "沈阳市和平区人民法院", triagev1.CourtLevel_COURT_LEVEL_BASIC))
	checkPanelCourt(t, h, mar, basic)

	old := func(id, filedOn string) *triagev1.Decision {
		f := loanFiling(id)
		f.Court, f.CourtLevel, f.FiledOn = "大连海事法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE, filedOn
		return triageOK(t, ctx, h.client, f)
	}
	simp := func(d *triagev1.Decision) *triagev1.Outcome {
		o := outcome(d, overridden, simplified, "2000-07-03")
		o.LegalBasis = "海事诉讼特别程序法第九十八条"
		return o
	}
	t.Run("2000-06-30: simplified chosen at filing refused", func(t *testing.T) {
		_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: simp(old("r17-m3", "2000-06-30"))})
		st := checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if st != nil && !strings.Contains(st.Message(), rules.CodeMSPL98NotInForce) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeMSPL98NotInForce)
		}
	})
	t.Run("near miss: 2000-07-01, simplified chosen at filing", func(t *testing.T) {
		d := old("r17-m4", "2000-07-01")
		o := simp(d)
		if d.GetRecommended() == simplified {
			o.Change = confirmed
		}
		if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o}); err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
	})
}

// checkPanelCourt: ordinary decision panel is at a court whose civil
// ordinary cases the law gives a panel (民事诉讼法第四十条第二款), basic at a
// basic court (the near miss). The panel court's case is drawn to the civil
// panel team, not to civil-fast, may not be designated to civil-fast, and a
// single judge → panel ruling on it is refused; the basic court's is drawn to
// civil-fast, designated away and back, and its ruling accepted.
func checkPanelCourt(t *testing.T, h *harness, panel, basic *triagev1.Decision) {
	t.Helper()
	ctx := testContext(t)
	if panel.GetRecommended() != ordinary || basic.GetRecommended() != ordinary {
		t.Fatalf("fixtures recommend %v and %v, want ordinary", panel.GetRecommended(), basic.GetRecommended())
	}
	if got := panel.GetAssignment().GetTeamId(); got != "civil" {
		t.Errorf("ordinary case above the basic court drawn to %q, want civil (a panel)", got)
	}
	if got := basic.GetAssignment().GetTeamId(); got != "civil-fast" {
		t.Errorf("near miss: a basic court's ordinary case drawn to %q, want civil-fast (CPL 40 ¶2)", got)
	}
	t.Run("designated to the civil 速裁团队: refused", func(t *testing.T) {
		_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: panel.GetDecisionId(), TeamId: "civil-fast", DesignatedBy: "president-07", Reason: "院长指定。"})
		checkStatus(t, err, codes.FailedPrecondition, "", "PANEL_CASE_TO_FAST_TRACK")
	})
	t.Run("near miss: a basic court's case designated away and back", func(t *testing.T) {
		for _, team := range []string{"civil", "civil-fast"} {
			if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
				DecisionId: basic.GetDecisionId(), TeamId: team, DesignatedBy: "president-07", Reason: "院长指定。"}); err != nil {
				t.Fatalf("AssignCase to %s: %v", team, err)
			}
		}
	})
	ruling := func(d *triagev1.Decision) *triagev1.Outcome {
		o := outcome(d, triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL, ordinary, "2024-03-20")
		o.LegalBasis = "民事诉讼法第四十三条"
		return o
	}
	t.Run("single judge → panel above the basic court: refused", func(t *testing.T) {
		_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: ruling(panel)})
		checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleCPL40PanelAboveBasicCourt)
	})
	t.Run("near miss: single judge → panel at the basic court", func(t *testing.T) {
		if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: ruling(basic)}); err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
	})
}

// decisionOption is d's option for procedure p; a decision without one fails.
func decisionOption(t testing.TB, d *triagev1.Decision, p triagev1.Procedure) *triagev1.ProcedureOption {
	t.Helper()
	for _, o := range d.GetOptions() {
		if o.GetProcedure() == p {
			return o
		}
	}
	t.Fatalf("decision %s has no %v option", d.GetDecisionId(), p)
	return nil
}
