// Package realcvtest gives tests small real-like sets of labelled filings
// whose procedure a real prior can learn and the cause + amount baseline
// cannot: for internal/realcv's tests and for the commands that
// cross-validate on a directory of real filings (triagectl realcv,
// triagectl adjust -select).
package realcvtest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
)

// filing is a filing of kind at a basic court in Zhejiang, of 2024, whose
// parties are persons with the roles given.
func filing(id string, kind triagev1.CaseKind, cause, text string, roles ...triagev1.PartyRole) *triagev1.Filing {
	f := &triagev1.Filing{Id: id, CaseKind: kind, Cause: cause, Text: text, Court: "杭州市上城区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "浙江省", FiledOn: "2024-03-05"}
	for _, r := range roles {
		f.Parties = append(f.Parties, &triagev1.Party{Role: r, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
	}
	return f
}

// Criminal is 24 criminal filings the charge decides: 12 drug sales
// (贩卖毒品罪) tried simplified and 12 rapes (强奸罪) in ordinary
// procedure, the first of each the other way.
func Criminal() []*triagev1.LabeledFiling {
	var out []*triagev1.LabeledFiling
	for i := range 12 {
		for _, c := range []struct {
			cause      string
			label, odd triagev1.Procedure
		}{
			{"贩卖毒品罪", triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY},
			{"强奸罪", triagev1.Procedure_PROCEDURE_ORDINARY, triagev1.Procedure_PROCEDURE_SIMPLIFIED},
		} {
			label := c.label
			if i == 0 {
				label = c.odd
			}
			f := filing(fmt.Sprintf("%s%d", c.cause, i), triagev1.CaseKind_CASE_KIND_CRIMINAL, c.cause, "公诉机关指控：被告人某某"+c.cause+"。",
				triagev1.PartyRole_PARTY_ROLE_DEFENDANT)
			// The defendant admits the facts, accepts the 4 months
			// recommended and consents to fast-track: the charge alone
			// decides between simplified and ordinary.
			f.Circumstances = &triagev1.Circumstances{AdmitsChargedFacts: true, AcceptsSentencingRecommendation: true,
				ConsentsFastTrack: true, RecommendedSentenceMonths: 4}
			out = append(out, &triagev1.LabeledFiling{Filing: f, Label: label})
		}
	}
	return out
}

// Civil is 24 civil filings of 2017, loans over the small-claims limit,
// simplified unless the defendant's whereabouts are unknown, then ordinary
// (which the baseline does not read).
func Civil() []*triagev1.LabeledFiling {
	var out []*triagev1.LabeledFiling
	for i := range 12 {
		for _, c := range []struct {
			text  string
			yuan  int64
			label triagev1.Procedure
		}{
			{"诉讼请求：判令被告偿还借款。", 200_000, triagev1.Procedure_PROCEDURE_SIMPLIFIED},
			{"诉讼请求：判令被告偿还借款。被告下落不明。", 200_000, triagev1.Procedure_PROCEDURE_ORDINARY},
		} {
			f := filing(fmt.Sprintf("c%d-%d", i, c.label), triagev1.CaseKind_CASE_KIND_CIVIL, "民间借贷纠纷", c.text,
				triagev1.PartyRole_PARTY_ROLE_DEFENDANT, triagev1.PartyRole_PARTY_ROLE_PLAINTIFF)
			f.ClaimAmountFen, f.FiledOn = c.yuan*100, "2017-05-01"
			out = append(out, &triagev1.LabeledFiling{Filing: f, Label: c.label})
		}
	}
	return out
}

// WriteDir writes each set to its file name (e.g. "criminal.jsonl") in a
// new directory of t's and returns the directory: a real filings
// directory as dataset.ReadDir reads one.
func WriteDir(t testing.TB, files map[string][]*triagev1.LabeledFiling) string {
	t.Helper()
	dir := t.TempDir()
	for name, set := range files {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		w := dataset.NewWriter(f)
		for _, lf := range set {
			if err := w.Write(lf); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
