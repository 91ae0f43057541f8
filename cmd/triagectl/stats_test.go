package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/stats"
	"github.com/fenjian/fenjian/store"
)

// handCount is what the fixture's outcomes fix per period, counted by hand
// from fixtureCases; what the engine recommended is counted from the
// recorded decisions by countDecisions.
type handCount struct {
	cases, withOutcome int
	applied            map[string]int
	smallClaimsRate    float64
	conversions        int
	conversionRate     float64
	reasons            []stats.ReasonCount
}

// sinceMarch is the hand count of the cases decided since 2024-03-01
// (Beijing time): H, A, B, C, I, D, E, F by month filed.
var sinceMarch = map[string]handCount{
	// H (filed 29 February, decided 00:30 on 1 March): simplified.
	"2024-02": {cases: 1, withOutcome: 1, applied: map[string]int{"SIMPLIFIED": 1}},
	// A small claims; B simplified → ordinary (CPL 170); C no outcome;
	// I simplified → ordinary (Interp. 269). Civil with an outcome: A, B, I.
	"2024-03": {cases: 4, withOutcome: 3, applied: map[string]int{"SMALL_CLAIMS": 1, "ORDINARY": 2},
		smallClaimsRate: 1.0 / 3, conversions: 2, conversionRate: 1,
		reasons: []stats.ReasonCount{{Reason: cpl170, Count: 1}, {Reason: interp269, Count: 1}}},
	// D ordinary; E small claims → simplified → ordinary (CPL 170); F
	// criminal fast-track. Civil with an outcome: D, E.
	"2024-04": {cases: 3, withOutcome: 3, applied: map[string]int{"ORDINARY": 2, "FAST_TRACK": 1},
		conversions: 1, conversionRate: 1, reasons: []stats.ReasonCount{{Reason: cpl170, Count: 1}}},
	// Civil with an outcome: H, A, B, I, D, E (1 small claims); ever under
	// simplified: H, B, I, E (3 converted).
	"all": {cases: 8, withOutcome: 7, applied: map[string]int{"SIMPLIFIED": 1, "SMALL_CLAIMS": 1, "ORDINARY": 4, "FAST_TRACK": 1},
		smallClaimsRate: 1.0 / 6, conversions: 3, conversionRate: 3.0 / 4,
		reasons: []stats.ReasonCount{{Reason: cpl170, Count: 2}, {Reason: interp269, Count: 1}}},
}

// allTime adds G (filed 29 February, decided 23:30 that day, simplified).
var allTime = map[string]handCount{
	"2024-02": {cases: 2, withOutcome: 2, applied: map[string]int{"SIMPLIFIED": 2}},
	"2024-03": sinceMarch["2024-03"],
	"2024-04": sinceMarch["2024-04"],
	"all": {cases: 9, withOutcome: 8, applied: map[string]int{"SIMPLIFIED": 2, "SMALL_CLAIMS": 1, "ORDINARY": 4, "FAST_TRACK": 1},
		smallClaimsRate: 1.0 / 7, conversions: 3, conversionRate: 3.0 / 5,
		reasons: sinceMarch["all"].reasons},
}

// decisionCount is what depends on the engine's recommendations.
type decisionCount struct {
	recommended               map[string]int
	reviewed, agree, finalAgr int
}

// countDecisions counts recommendations, reviews and agreement of the
// fixture's cases in keys, per month filed and for "all".
func countDecisions(fx *fixture, keys []string) map[string]*decisionCount {
	out := map[string]*decisionCount{}
	for _, k := range keys {
		c := fx.byKey[k]
		for _, p := range []string{c.decision.GetFiledOn()[:7], "all"} {
			n := out[p]
			if n == nil {
				n = &decisionCount{recommended: map[string]int{}}
				out[p] = n
			}
			rec := c.decision.GetRecommended()
			n.recommended[strings.TrimPrefix(rec.String(), "PROCEDURE_")]++
			if c.decision.GetNeedsReview() {
				n.reviewed++
			}
			if len(c.applied) > 0 && c.applied[0] == rec {
				n.agree++
			}
			if len(c.applied) > 0 && c.applied[len(c.applied)-1] == rec {
				n.finalAgr++
			}
		}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// checkPeriod compares one period of the report with the counts.
func checkPeriod(t *testing.T, got stats.Period, want handCount, dec *decisionCount) {
	t.Helper()
	if got.Cases != want.cases || got.WithOutcome != want.withOutcome {
		t.Errorf("%s: %d cases, %d with an outcome; want %d, %d", got.Period, got.Cases, got.WithOutcome, want.cases, want.withOutcome)
	}
	if !reflect.DeepEqual(got.Applied, want.applied) {
		t.Errorf("%s: applied %v, want %v", got.Period, got.Applied, want.applied)
	}
	if !reflect.DeepEqual(got.Recommended, dec.recommended) {
		t.Errorf("%s: recommended %v, want %v", got.Period, got.Recommended, dec.recommended)
	}
	if !near(got.SmallClaimsRate, want.smallClaimsRate) {
		t.Errorf("%s: small-claims rate %v, want %v", got.Period, got.SmallClaimsRate, want.smallClaimsRate)
	}
	if got.SimplifiedToOrdinary != want.conversions || !near(got.SimplifiedToOrdinaryRate, want.conversionRate) {
		t.Errorf("%s: 简转普 %d (rate %v), want %d (%v)", got.Period, got.SimplifiedToOrdinary, got.SimplifiedToOrdinaryRate, want.conversions, want.conversionRate)
	}
	reasons := want.reasons
	if reasons == nil {
		reasons = []stats.ReasonCount{}
	}
	if !reflect.DeepEqual(got.ConversionReasons, reasons) {
		t.Errorf("%s: 简转普 reasons %v, want %v", got.Period, got.ConversionReasons, reasons)
	}
	if w := float64(dec.reviewed) / float64(want.cases); !near(got.ReviewRate, w) {
		t.Errorf("%s: review rate %v, want %v", got.Period, got.ReviewRate, w)
	}
	if w := float64(dec.agree) / float64(want.withOutcome); !near(got.Agreement, w) {
		t.Errorf("%s: agreement %v, want %v", got.Period, got.Agreement, w)
	}
	if w := float64(dec.finalAgr) / float64(want.withOutcome); !near(got.FinalAgreement, w) {
		t.Errorf("%s: final agreement %v, want %v", got.Period, got.FinalAgreement, w)
	}
}

func TestStatsJSON(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		fx := buildFixture(t, b.target)
		// The fixture exercises the review figure: C (a group dispute) and
		// I (a complaint reporting media attention) need review.
		if !fx.byKey["C"].decision.GetNeedsReview() || !fx.byKey["I"].decision.GetNeedsReview() {
			t.Fatalf("fixture: cases C and I should need review: %v / %v", fx.byKey["C"].decision, fx.byKey["I"].decision)
		}
		for _, tc := range []struct {
			name string
			args []string
			want map[string]handCount
			keys []string
		}{
			{"since March", []string{"-since", "2024-03-01"}, sinceMarch, []string{"H", "A", "B", "C", "I", "D", "E", "F"}},
			{"all time", nil, allTime, []string{"G", "H", "A", "B", "C", "I", "D", "E", "F"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e, stdout, stderr := testEnv("")
				if code := dispatch(context.Background(), e, append([]string{"stats", "-store", b.target}, tc.args...)); code != 0 {
					t.Fatalf("exit %d\n%s", code, stderr)
				}
				var rep stats.Report
				dec := json.NewDecoder(stdout)
				dec.DisallowUnknownFields()
				if err := dec.Decode(&rep); err != nil {
					t.Fatalf("stdout is not a stats.Report: %v\n%s", err, stdout)
				}
				counts := countDecisions(fx, tc.keys)
				var periods []string
				for _, p := range rep.Periods {
					periods = append(periods, p.Period)
					checkPeriod(t, p, tc.want[p.Period], counts[p.Period])
				}
				if want := []string{"2024-02", "2024-03", "2024-04"}; !reflect.DeepEqual(periods, want) {
					t.Errorf("periods %v, want %v", periods, want)
				}
				if rep.Overall.Period != "all" {
					t.Errorf("overall period %q", rep.Overall.Period)
				}
				checkPeriod(t, rep.Overall, tc.want["all"], counts["all"])
			})
		}
	})
}

func TestStatsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	buildFixture(t, path)
	e, stdout, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"stats", "-store", path, "-since", "2030-01-01"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if string(raw["periods"]) != "[]" {
		t.Errorf("periods = %s, want []", raw["periods"])
	}
	e, stdout, stderr = testEnv("")
	if code := dispatch(context.Background(), e, []string{"stats", "-store", path, "-since", "2030-01-01", "-format", "text"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout.String(), "no decided cases") {
		t.Errorf("text report of nothing:\n%s", stdout)
	}
}

// tableRows parses the text report's table: the header's column names to
// each row's cells, by the row's first cell.
func tableRows(t *testing.T, text string) map[string]map[string]string {
	t.Helper()
	rows := map[string]map[string]string{}
	var head []string
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		switch {
		case len(fields) > 0 && fields[0] == "PERIOD":
			head = fields
		case head != nil && len(fields) == 0:
			return rows
		case head != nil:
			if len(fields) != len(head) {
				t.Fatalf("row %q has %d cells, the header %d", line, len(fields), len(head))
			}
			row := map[string]string{}
			for i, h := range head {
				row[h] = fields[i]
			}
			rows[fields[0]] = row
		}
	}
	t.Fatalf("no table in:\n%s", text)
	return nil
}

func TestStatsText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	fx := buildFixture(t, path)
	e, stdout, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"stats", "-store", path, "-since", "2024-03-01", "-format", "text"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	text := stdout.String()
	rows := tableRows(t, text)
	counts := countDecisions(fx, []string{"H", "A", "B", "C", "I", "D", "E", "F"})
	for period, want := range map[string]map[string]string{
		"2024-02": {"CASES": "1", "OUTCOMES": "1", "SC_RATE": "0.0%", "CONV": "0", "CONV_RATE": "0.0%"},
		"2024-03": {"CASES": "4", "OUTCOMES": "3", "SC_RATE": "33.3%", "CONV": "2", "CONV_RATE": "100.0%"},
		"2024-04": {"CASES": "3", "OUTCOMES": "3", "SC_RATE": "0.0%", "CONV": "1", "CONV_RATE": "100.0%"},
		"all":     {"CASES": "8", "OUTCOMES": "7", "SC_RATE": "16.7%", "CONV": "3", "CONV_RATE": "75.0%"},
	} {
		row := rows[period]
		if row == nil {
			t.Errorf("no row for %s:\n%s", period, text)
			continue
		}
		n := counts[period]
		want["REVIEW"] = percent(float64(n.reviewed) / float64(sinceMarch[period].cases))
		want["AGREE"] = percent(float64(n.agree) / float64(sinceMarch[period].withOutcome))
		want["FINAL_AGREE"] = percent(float64(n.finalAgr) / float64(sinceMarch[period].withOutcome))
		for _, p := range []triagev1.Procedure{pSmall, pSimplified, pOrdinary, pFastTrack} {
			name := strings.TrimPrefix(p.String(), "PROCEDURE_")
			want[name] = strconv.Itoa(n.recommended[name]) + "/" + strconv.Itoa(sinceMarch[period].applied[name])
		}
		for col, v := range want {
			if row[col] != v {
				t.Errorf("%s %s = %q, want %q", period, col, row[col], v)
			}
		}
	}
	for _, want := range []string{
		"繁简分流 statistics of 8 cases decided since 2024-03-01 (Beijing time)",
		"2024-03     1  " + cpl170, "            1  " + interp269,
		"all         2  " + cpl170,
		"CONV: 简转普",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}
}

// TestStatsTextNoOutcomes: rates over cases with an outcome show "-" where
// there is none, not a misleading 0%.
func TestStatsTextNoOutcomes(t *testing.T) {
	b := stats.NewBuilder()
	if err := b.Add(stats.Case{Decision: &triagev1.Decision{DecisionId: "d1", FiledOn: "2024-05-06",
		CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Recommended: pSimplified, NeedsReview: true}}); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := writeStatsText(&out, b.Report(), beijing(2024, 5, 1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	row := tableRows(t, out.String())["2024-05"]
	want := map[string]string{"PERIOD": "2024-05", "CASES": "1", "OUTCOMES": "0", "REVIEW": "100.0%", "SIMPLIFIED": "1/0",
		"SC_RATE": "-", "CONV": "0", "CONV_RATE": "-", "AGREE": "-", "FINAL_AGREE": "-"}
	if !reflect.DeepEqual(row, want) {
		t.Errorf("row %v, want %v\n%s", row, want, out.String())
	}
	if !strings.Contains(out.String(), "简转普 reasons") || !strings.Contains(out.String(), "  none") {
		t.Errorf("no empty reasons list:\n%s", out.String())
	}
}

func TestStatsUsage(t *testing.T) {
	for name, args := range map[string][]string{
		"bad format":     {"-format", "csv"},
		"bad date":       {"-since", "2024-02-30"},
		"unknown flag":   {"-by", "week"},
		"extra argument": {"2024-03-01"},
		"empty -store":   {"-store", ""},
	} {
		t.Run(name, func(t *testing.T) {
			e, stdout, stderr := testEnv("")
			if code := dispatch(context.Background(), e, append([]string{"stats"}, args...)); code != 2 {
				t.Errorf("exit %d, want 2\n%s", code, stderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %s", stdout)
			}
		})
	}
}

// update rewrites the golden files of this package's tests.
var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestStatsShadow: the shadow scores of the decided cases are reported by
// model pair and case kind, with the pairs where the models differed; -since
// counts those of the decisions it counts.
func TestStatsShadow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	fx := buildFixture(t, path)
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	score := func(key, shadowModel string, served, shadow triagev1.Procedure) store.ShadowScore {
		d := fx.byKey[key].decision
		return store.ShadowScore{DecisionID: d.GetDecisionId(), DecidedAt: d.GetDecidedAt().AsTime(), CaseKind: d.GetCaseKind(),
			ServedModel: "served-1", Served: served, ShadowModel: shadowModel, Shadow: shadow, ScoredAt: d.GetDecidedAt().AsTime()}
	}
	// G was decided before March; the others since.
	err = st.SaveShadowScores(ctx, []store.ShadowScore{
		score("G", "cand-1", pSimplified, pOrdinary),
		score("H", "cand-1", pSimplified, pSimplified),
		score("A", "cand-1", pSmall, pSmall),
		score("B", "cand-1", pSimplified, pOrdinary),
		score("C", "cand-1", pOrdinary, pOrdinary),
		score("D", "cand-1", pSimplified, pOrdinary),
		score("E", "cand-1", pSmall, pSimplified),
		score("F", "cand-1", pFastTrack, pFastTrack),
		score("A", "cand-2", pSmall, pSmall),
	})
	if cerr := st.Close(); err != nil || cerr != nil {
		t.Fatal(err, cerr)
	}

	e, stdout, stderr := testEnv("")
	if code := dispatch(ctx, e, []string{"stats", "-store", path, "-since", "2024-03-01", "-format", "text"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	text := stdout.String()
	i := strings.Index(text, "\nShadow models")
	if i < 0 {
		t.Fatalf("no shadow section:\n%s", text)
	}
	golden := filepath.Join("testdata", "stats_shadow.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(text[i+1:]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), text[i+1:]); diff != "" {
		t.Errorf("shadow section (-%s +got):\n%s", golden, diff)
	}

	e, stdout, stderr = testEnv("")
	if code := dispatch(ctx, e, []string{"stats", "-store", path}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var rep stats.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	wantJSON := []stats.ShadowAgreement{
		{ServedModel: "served-1", ShadowModel: "cand-1", Scored: 8, Agreement: 4.0 / 8,
			Kinds: []stats.ShadowKind{{CaseKind: "CIVIL", Scored: 7, Agreement: 3.0 / 7}, {CaseKind: "CRIMINAL", Scored: 1, Agreement: 1}},
			Pairs: []stats.ShadowPair{
				{CaseKind: "CIVIL", Served: "ORDINARY", Shadow: "ORDINARY", Count: 1},
				{CaseKind: "CIVIL", Served: "SIMPLIFIED", Shadow: "ORDINARY", Count: 3},
				{CaseKind: "CIVIL", Served: "SIMPLIFIED", Shadow: "SIMPLIFIED", Count: 1},
				{CaseKind: "CIVIL", Served: "SMALL_CLAIMS", Shadow: "SIMPLIFIED", Count: 1},
				{CaseKind: "CIVIL", Served: "SMALL_CLAIMS", Shadow: "SMALL_CLAIMS", Count: 1},
				{CaseKind: "CRIMINAL", Served: "FAST_TRACK", Shadow: "FAST_TRACK", Count: 1},
			}},
		{ServedModel: "served-1", ShadowModel: "cand-2", Scored: 1, Agreement: 1,
			Kinds: []stats.ShadowKind{{CaseKind: "CIVIL", Scored: 1, Agreement: 1}},
			Pairs: []stats.ShadowPair{{CaseKind: "CIVIL", Served: "SMALL_CLAIMS", Shadow: "SMALL_CLAIMS", Count: 1}}},
	}
	if diff := cmp.Diff(wantJSON, rep.Shadow, cmpopts.IgnoreUnexported(stats.ShadowAgreement{}, stats.ShadowKind{}), cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("JSON shadow (-want +got):\n%s", diff)
	}
}

// TestReadCommandsNeverMigrate: stats, export and audit on a database
// whose schema is behind this binary's are refused, and the schema stays
// as it was: a newer triagectl had migrated the database its servers were
// writing (outside check), which since migration 15 stops a server older
// than migration 14 from storing decisions.
func TestReadCommandsNeverMigrate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	latest, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// The schema as the binary before the last migration left it, as far
	// as the version says.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`DELETE FROM schema_migrations WHERE version = ?`, latest); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		run  func(context.Context, *env, []string) error
		args []string
	}{
		{"stats", runStats, []string{"-store", path}},
		{"export", runExport, []string{"-store", path, "-all", "-out", filepath.Join(t.TempDir(), "x.jsonl")}},
		{"audit verify", runAudit, []string{"verify", "-store", path}},
		{"audit redraw", runAudit, []string{"redraw", "-store", path}},
	} {
		e, _, _ := testEnv("")
		if err := c.run(ctx, e, c.args); !errors.Is(err, store.ErrSchemaBehind) {
			t.Errorf("triagectl %s on schema %d: %v; want ErrSchemaBehind", c.name, latest-1, err)
		}
		var v int
		if err := raw.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil || v != latest-1 {
			t.Fatalf("after triagectl %s the schema is %d (%v); want %d, untouched", c.name, v, err, latest-1)
		}
	}
}
