package server

import (
	"regexp"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// reasonCodeInText matches a reason code (CPL165_MANDATORY, INTERP2015_275_…)
// written into a Chinese message, which a judge cannot read.
var reasonCodeInText = regexp.MustCompile(`[A-Z][A-Z0-9]*_[A-Z0-9_]+`)

// reasonOf returns the last reason of rs whose code is code or, with
// prefix, begins with it; nil if none.
func reasonOf(rs []*triagev1.Reason, code string, prefix bool) *triagev1.Reason {
	var got *triagev1.Reason
	for _, r := range rs {
		if r.GetCode() == code || prefix && strings.HasPrefix(r.GetCode(), code) {
			got = r
		}
	}
	return got
}

// TestOutsideCheck21 sends outside check 21's filings through a real server
// on loopback (SQLite store, embedded rules, model and teams) and reads the
// texts a judge reads:
//   - a small-claims case recorded as simplified at filing is reviewed, and
//     the review names the article that made small claims mandatory, not the
//     reason code (it read "（分流决定记载：CPL165_MANDATORY，民事诉讼法第一百
//     六十五条第一款）");
//   - a one-charge filing without a sentencing recommendation infers "three
//     years or less" from the charge; under the 2018 CrPL that decides both
//     whether simplified procedure may sit with one judge (art. 216) and
//     fast-track (art. 222 ¶1), and the inference cited art. 222 alone;
//   - a criminal filing from 2022 naming a basic court but stating a higher
//     level was reviewed with 民事诉讼法第一百六十条、第一百六十五条 beside the
//     criminal articles, and a civil one with 刑事诉讼法第二百一十四条、第二百二十二条;
//   - an administrative case's simplified procedure read "属于政府信息公开案件。",
//     as if the kind of case opened it; 行政诉讼法第八十二条第一款 opens it only
//     where the court finds the facts clear, the rights and duties plain and
//     the dispute small, as every civil and criminal eligibility text says;
//   - a 2014 small-claims exclusion read "立案日施行的民诉法解释（2015年）规定…",
//     untrue of a filing before 2015-02-04, and then contradicted itself.
func TestOutsideCheck21(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)

	t.Run("small claims recorded as simplified: the review names the article", func(t *testing.T) {
		for _, r := range []struct {
			name, id, filedOn, decidedOn, want string
		}{
			{"2024 (CPL 165)", "(2024)辽0102民初2101号", "2024-03-05", "2024-03-06", "（分流决定记载：依民事诉讼法第一百六十五条第一款应当适用小额诉讼程序）"},
			// Statute round 34: the decision names the amendment of its
			// filing date, as its small-claims limit does.
			{"2021 (CPL 2017 art. 162)", "(2021)辽0102民初2102号", "2021-03-05", "2021-03-08", "（分流决定记载：依民事诉讼法（2017年修正）第一百六十二条应当适用小额诉讼程序）"},
		} {
			t.Run(r.name, func(t *testing.T) {
				f := loanFiling(r.id)
				f.FiledOn, f.ClaimAmountFen = r.filedOn, 1_000_000
				f.Text = "诉讼请求：1.判令被告偿还借款10000元；2.诉讼费由被告承担。事实与理由：被告于2020年1月向原告借款，到期未还。"
				d := triageOK(t, ctx, h.client, f)
				if !d.GetOptions()[0].GetMandatory() {
					t.Fatalf("small claims not mandatory for %s: %v", r.id, d.GetOptions()[0])
				}
				resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
					Outcome: outcome(d, overridden, simplified, r.decidedOn)})
				if err != nil {
					t.Fatalf("RecordOutcome: %v", err)
				}
				rs := resp.GetOutcome().GetReviewReasons()
				if len(rs) == 0 {
					t.Fatal("no review reason")
				}
				msg := rs[0].GetMessage()
				if code := reasonCodeInText.FindString(msg); code != "" {
					t.Errorf("message names the code %s: %q", code, msg)
				}
				if !strings.Contains(msg, r.want) {
					t.Errorf("message %q does not contain %q", msg, r.want)
				}
			})
		}
	})

	t.Run("sentence inferred from the charge: the articles it decides", func(t *testing.T) {
		for _, r := range []struct {
			name, id, filedOn, code, want string
		}{
			{"2024 危险驾驶罪 (CrPL 2018)", "(2024)辽0102刑初2101号", "2024-03-05", "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE", "刑事诉讼法第二百一十六条、第二百二十二条第一款"},
			{"2017 危险驾驶罪 (CrPL 2012), unchanged", "(2017)辽0102刑初2101号", "2017-03-06", "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE_CRPL2012", "刑事诉讼法（2012年修正）第二百一十条第一款"},
		} {
			t.Run(r.name, func(t *testing.T) {
				f := criminalFiling(r.id, true)
				f.FiledOn = r.filedOn
				f.Circumstances.RecommendedSentenceMonths = 0
				d := triageOK(t, ctx, h.client, f)
				got := reasonOf(d.GetInferences(), r.code, false)
				if got == nil {
					t.Fatalf("no %s in %v", r.code, d.GetInferences())
				}
				if !strings.HasPrefix(got.GetArticle(), r.want) {
					t.Errorf("article %q, want it to start %q", got.GetArticle(), r.want)
				}
			})
		}
	})

	t.Run("a basic court's name stated intermediate: the review cites the case's own law", func(t *testing.T) {
		for _, r := range []struct {
			name, code, otherLaw string
			f                    *triagev1.Filing
		}{
			{"criminal 2024", "REVIEW_COURT_LEVEL_MISMATCH_CRPL2018", "民事诉讼法", criminalFiling("(2024)外检刑2102", true)},
			{"civil 2024", "REVIEW_COURT_LEVEL_MISMATCH", "刑事诉讼法", loanFiling("(2024)外检民2103")},
		} {
			t.Run(r.name, func(t *testing.T) {
				r.f.CourtLevel = triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE
				d := triageOK(t, ctx, h.client, r.f)
				got := reasonOf(d.GetReviewReasons(), "REVIEW_COURT_LEVEL_MISMATCH", true)
				if got == nil || got.GetCode() != r.code {
					t.Fatalf("court-level review %v, want %s", got, r.code)
				}
				if strings.Contains(got.GetArticle(), r.otherLaw) || strings.Contains(got.GetMessage(), "刑事案件还有") {
					t.Errorf("review on a %s filing cites %s or the other kind's procedures: %q %q", r.name, r.otherLaw, got.GetArticle(), got.GetMessage())
				}
			})
		}
	})

	t.Run("administrative simplified procedure: the condition of art. 82 ¶1 is stated", func(t *testing.T) {
		const condition = "以人民法院认为事实清楚、权利义务关系明确、争议不大为前提"
		for _, r := range []struct {
			name, code string
			set        func(f *triagev1.Filing)
			want       bool
		}{
			{"information disclosure (¶1(3))", "ALL82_INFORMATION_DISCLOSURE", func(*triagev1.Filing) {}, true},
			{"fine of ¥1,500 (¶1(2))", "ALL82_SMALL_AMOUNT", func(f *triagev1.Filing) {
				f.Cause, f.ClaimAmountFen, f.Circumstances = "行政处罚", 150_000, &triagev1.Circumstances{}
			}, true},
			{"act on the spot (¶1(1))", "ALL82_ACT_ON_THE_SPOT", func(f *triagev1.Filing) {
				f.Cause, f.Circumstances = "行政处罚", &triagev1.Circumstances{ActOnTheSpot: true}
			}, true},
			// ¶2 states no such condition: the parties' agreement opens it.
			{"near miss: the parties agree (¶2)", "ALL82_AGREEMENT", func(f *triagev1.Filing) {
				f.Cause, f.Circumstances = "行政处罚", &triagev1.Circumstances{PartiesAgreeSimplified: true}
			}, false},
		} {
			t.Run(r.name, func(t *testing.T) {
				f := adminFiling("(2024)外检行21" + r.code)
				r.set(f)
				d := triageOK(t, ctx, h.client, f)
				got := reasonOf(d.GetOptions()[0].GetReasons(), r.code, false)
				if got == nil {
					t.Fatalf("no %s: %v", r.code, d.GetOptions())
				}
				if strings.Contains(got.GetMessage(), condition) != r.want {
					t.Errorf("%s: %q; stating %q: want %v", r.code, got.GetMessage(), condition, r.want)
				}
			})
		}
	})

	t.Run("2015 interpretation's small-claims exclusions: true on either side of 2015-02-04", func(t *testing.T) {
		// Before 2015-02-04 the code cites CPL 2012 art. 162 alone (audit of
		// citations by era, rules 2026-12-05.95); the message still names
		// the interpretation as the reading fenjian follows.
		for _, r := range []struct {
			name, id, filedOn, code string
		}{
			{"2014 divorce, before the interpretation", "(2014)苏0106民初2101号", "2014-06-03", "CPL2012_162_PERSONAL_STATUS"},
			{"2016 divorce, under it", "(2016)苏0106民初2101号", "2016-06-02", "INTERP2015_275_PERSONAL_STATUS"},
		} {
			t.Run(r.name, func(t *testing.T) {
				f := divorceFiling(r.id)
				f.Province, f.Court, f.FiledOn = "江苏省", "南京市鼓楼区人民法院", r.filedOn
				d := triageOK(t, ctx, h.client, f)
				got := reasonOf(d.GetOptions()[0].GetReasons(), r.code, false)
				if got == nil {
					t.Fatalf("no %s on small claims: %v", r.code, d.GetOptions()[0])
				}
				for _, bad := range []string{"立案日施行的民诉法解释", "民诉法解释尚未施行"} {
					if strings.Contains(got.GetMessage(), bad) {
						t.Errorf("message %q says %q", got.GetMessage(), bad)
					}
				}
				if !strings.Contains(got.GetMessage(), "民诉法解释（2015年）第二百七十五条第一项") {
					t.Errorf("message %q does not name the article it quotes", got.GetMessage())
				}
			})
		}
	})
}
