package server

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestAuditRound39 sends statute round 39's pilot filings through a real
// server on loopback with a SQLite store and the embedded rules, model and
// teams (rules/audit_round39_test.go has the full table): at a basic court
// of 沈阳 (a pilot city), the fast-track bars the two pilots shared cite the
// filing date's phase only —
//
//   - a private prosecution in 2015 (the 2014 decision) and in 2017 (the
//     2016 decision);
//   - 本案不宜适用速裁程序 in 2015 (the 2014 decision, CrPL 2012 art. 209(4));
//   - the lapse between the phases before the 2016 decision (2016-08-25:
//     the 2014 decision only) and after it (2016-10-10: the 2016 one);
//   - near miss: a public prosecution in 2015, fast-track open.
func TestAuditRound39(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		dec2014 = "速裁程序试点工作的决定（2014年6月27日）"
		dec2016 = "认罪认罚从宽制度试点工作的决定（2016年9月3日）"
	)
	filing := func(id, on, text string, private bool) *triagev1.Filing {
		f := criminalWithText(id, text)
		f.FiledOn, f.Circumstances.PrivateProsecution = on, private
		if private {
			// A 自诉 case has no sentencing recommendation (validated).
			f.Circumstances.RecommendedSentenceMonths = 0
		}
		return f
	}
	for i, c := range []struct {
		name, on, text string
		private        bool
		code, cites    string // the fast-track bar and the decision it cites ("" code: fast-track open)
		not            []string
	}{
		{"2015 private prosecution: the 2014 decision", "2015-03-02", "被告人醉酒驾驶机动车。", true, "PILOT2014_PRIVATE_PROSECUTION", dec2014, []string{dec2016, "PILOT_PRIVATE_PROSECUTION"}},
		{"2017 private prosecution: the 2016 decision", "2017-03-01", "被告人醉酒驾驶机动车。", true, "PILOT_PRIVATE_PROSECUTION", dec2016, []string{dec2014, "PILOT2014_PRIVATE_PROSECUTION"}},
		{"2015 本案不宜适用速裁程序: the 2014 decision", "2015-03-02", "被告人醉酒驾驶机动车。本案不宜适用速裁程序审理。", false, "PILOT2014_UNSUITABLE", dec2014, []string{dec2016, "PILOT_UNSUITABLE"}},
		{"2016-08-25, before the 2016 decision: lapsed, the 2014 decision", "2016-08-25", "被告人醉酒驾驶机动车。", false, "PILOT2014_LAPSED", dec2014, []string{dec2016, "PILOT_LAPSED"}},
		{"2016-10-10, after the 2016 decision: lapsed, the 2016 decision", "2016-10-10", "被告人醉酒驾驶机动车。", false, "PILOT_LAPSED", dec2016, []string{dec2014, "PILOT2014_LAPSED"}},
		{"near miss: 2015 public prosecution", "2015-03-02", "被告人醉酒驾驶机动车。", false, "", "", []string{"PILOT2014_PRIVATE_PROSECUTION", "PILOT2014_UNSUITABLE", "PILOT2014_LAPSED"}},
	} {
		id := "(" + c.on[:4] + ")辽0102刑初39" + strconv.Itoa(i) + "号"
		t.Run(c.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, filing(id, c.on, c.text, c.private))
			ft := decisionOption(t, d, fastTrack)
			codes := reasonCodes(ft.GetReasons())
			if c.code == "" {
				if !ft.GetAvailable() {
					t.Errorf("fast-track closed %v, want open", codes)
				}
			} else if ft.GetAvailable() || !slices.Contains(codes, c.code) {
				t.Errorf("fast-track available=%v reasons %v; want closed by %s", ft.GetAvailable(), codes, c.code)
			}
			for _, r := range ft.GetReasons() {
				if r.GetCode() == c.code && !strings.Contains(r.GetArticle(), c.cites) {
					t.Errorf("%s cites %q, want %q", c.code, r.GetArticle(), c.cites)
				}
				for _, n := range c.not {
					if r.GetCode() == c.code && strings.Contains(r.GetArticle(), n) || r.GetCode() == n {
						t.Errorf("fast-track reason %s (%q) names %q of the other phase", r.GetCode(), r.GetArticle(), n)
					}
				}
			}
		})
	}
}

// TestAuditRound39CPL1982: a civil filing of 1991-03-01, under the 1982
// 民事诉讼法（试行）, is sent to a person with the reason that the trial law was
// not checked; one of 1991-04-09 (CPL 1991 in force) is not.
func TestAuditRound39CPL1982(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const code = "REVIEW_CPL1982_TRIAL_LAW_NOT_CHECKED" // literal: compiles (and fails) without the change
	for _, c := range []struct {
		id, on string
		want   bool
	}{{"(1991)辽0102民初391号", "1991-03-01", true}, {"(1991)辽0102民初392号", "1991-04-09", false}} {
		t.Run(c.on, func(t *testing.T) {
			f := loanFiling(c.id)
			f.FiledOn = c.on
			d := triageOK(t, ctx, h.client, f)
			if got := slices.Contains(reviewCodesOf(d), code); got != c.want || (c.want && !d.GetNeedsReview()) {
				t.Errorf("needs_review %v, review %v; want %s: %v", d.GetNeedsReview(), reviewCodesOf(d), code, c.want)
			}
		})
	}
}
