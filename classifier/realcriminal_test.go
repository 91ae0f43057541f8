package classifier

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestCriminalSetFeatures checks each criminal feature set reads its cues
// and the law's fast-track era: a 2018-06 filing at a 郑州 basic court had
// fast-track (the pilot), the same filing at 新乡 辉县 did not.
func TestCriminalSetFeatures(t *testing.T) {
	r := testRules(t)
	filing := func(court, on, cause, text string) *triagev1.Filing {
		return &triagev1.Filing{
			Id: "x", CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: court,
			CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "河南省", FiledOn: on, Cause: cause, Text: text,
			Parties:       []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
			Circumstances: &triagev1.Circumstances{GuiltyPlea: true, ConsentsFastTrack: true, RecommendedSentenceMonths: 4},
		}
	}
	const text = "公诉机关指控：被告人盗窃现金人民币3.5万元及手机一部价值2000元。被告人系累犯，到案后如实供述，已退赔被害人损失并取得谅解，现被取保候审。"
	tests := []struct {
		name      string
		set       string
		f         *triagev1.Filing
		want, not []string
	}{
		{"law: pilot court before the amendment", FeaturesCriminalLaw, filing("河南省郑州市中原区人民法院", "2018-06-25", "盗窃罪", text),
			[]string{"fast_track_in_law", "admits"}, []string{"fast_track_era", "cue_confession", "cue_recidivist"}},
		{"law: outside the pilot before the amendment", FeaturesCriminalLaw, filing("河南省辉县市人民法院", "2018-06-25", "盗窃罪", text),
			nil, []string{"fast_track_in_law", "fast_track_era"}},
		{"law: after the amendment anywhere", FeaturesCriminalLaw, filing("河南省辉县市人民法院", "2018-10-26", "盗窃罪", text),
			[]string{"fast_track_in_law"}, nil},
		{"mitigation", FeaturesCriminalMitigation, filing("河南省辉县市人民法院", "2019-01-01", "盗窃罪", text),
			[]string{"cue_confession", "cue_restitution", "cue_forgiveness"}, []string{"cue_surrender", "cue_meritorious", "cue_recidivist", "amount_yuan_log10"}},
		{"record", FeaturesCriminalRecord, filing("河南省辉县市人民法院", "2019-01-01", "盗窃罪", text),
			[]string{"cue_recidivist", "cue_bail"}, []string{"cue_prior_record", "cue_detained", "cue_confession"}},
		{"all", FeaturesCriminalAll, filing("河南省辉县市人民法院", "2019-01-01", "盗窃罪、诈骗罪", text),
			[]string{"cue_confession", "cue_recidivist", "several_charges", "amount_yuan_log10"}, []string{"cue_surrender"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := r.Evaluate(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, ft := range featuresOf(tc.set, tc.f, a) {
				names = append(names, ft.name)
			}
			for _, w := range tc.want {
				if !slices.Contains(names, w) {
					t.Errorf("%s missing from %v", w, names)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(names, n) {
					t.Errorf("%s present in %v", n, names)
				}
			}
		})
	}
	if got := largestYuan(text); got != 35000 {
		t.Errorf("largestYuan = %v, want 35000 (3.5万元 over 2000元)", got)
	}
}
