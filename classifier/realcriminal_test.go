package classifier

import (
	"math"
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

// TestCriminalFeaturesReadTheRules checks that the linear prior's
// criminal facts are the rules' readings of the filing, its text
// included, not its fields alone: a plea the text disputes is no plea, a
// minor or a bar the text states is read, and the recommendation is read
// from the text when the fields state none and placed against the law's
// thresholds as the rules place it (the charge's ceiling included).
func TestCriminalFeaturesReadTheRules(t *testing.T) {
	r := testRules(t)
	filing := func(cause, text string, c *triagev1.Circumstances) *triagev1.Filing {
		return &triagev1.Filing{
			Id: "x", CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: "河南省辉县市人民法院",
			CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "河南省", FiledOn: "2022-03-01", Cause: cause, Text: text,
			Parties:       []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
			Circumstances: c,
		}
	}
	plea := func() *triagev1.Circumstances {
		return &triagev1.Circumstances{AdmitsChargedFacts: true, AcceptsSentencingRecommendation: true}
	}
	tests := []struct {
		name      string
		f         *triagev1.Filing
		want, not []string
		months    float64 // sentence_months_log's months; 0: absent
	}{
		{"the plea as the fields state it", filing("盗窃罪", "被告人王某盗窃财物。", plea()),
			[]string{"admits", "accepts"}, []string{"text_bar", "minor_defendant", "sentence_stated"}, 0},
		{"the text disputes the recommendation: no acceptance", filing("盗窃罪", "被告人王某对量刑建议有异议。", plea()),
			[]string{"admits", "text_bar"}, []string{"accepts"}, 0},
		{"the text denies the facts: no admission", filing("盗窃罪", "被告人王某不认罪，辩称其未实施盗窃。", plea()),
			[]string{"text_bar"}, []string{"admits"}, 0},
		{"a minor the text states", filing("盗窃罪", "被告人王某（作案时未满十八周岁）盗窃财物。", plea()),
			[]string{"minor_defendant"}, []string{"text_bar"}, 0},
		{"a major social impact the text states", filing("盗窃罪", "被告人王某盗窃财物，本案有重大社会影响。", plea()),
			[]string{"text_bar", "admits"}, []string{"minor_defendant"}, 0},
		{"a recommendation stated only in the text", filing("盗窃罪", "被告人王某盗窃财物。建议判处有期徒刑六个月。", plea()),
			[]string{"sentence_stated", "sentence_months_log"}, []string{"sentence_over_three_years"}, 6},
		{"the text's range over three years", filing("盗窃罪", "被告人王某盗窃财物。建议判处有期徒刑三年至四年。", plea()),
			[]string{"sentence_stated", "sentence_over_three_years"}, []string{"sentence_within_three_years"}, 48},
		{"the fields' recommendation within three years", filing("盗窃罪", "被告人王某盗窃财物。",
			&triagev1.Circumstances{AdmitsChargedFacts: true, RecommendedSentenceMonths: 10}),
			[]string{"sentence_stated", "sentence_within_three_years"}, []string{"sentence_over_three_years"}, 10},
		{"the fields' recommendation over three years", filing("抢劫罪", "被告人王某抢劫财物。",
			&triagev1.Circumstances{AdmitsChargedFacts: true, RecommendedSentenceMonths: 48}),
			[]string{"sentence_stated", "sentence_over_three_years"}, []string{"sentence_within_three_years"}, 48},
		{"no recommendation, a lone charge within three years", filing("危险驾驶罪", "被告人王某醉酒驾驶机动车。", plea()),
			[]string{"sentence_within_three_years", "dangerous_driving"}, []string{"sentence_stated", "sentence_over_three_years"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := r.Evaluate(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, ft := range featuresOf(FeaturesCriminalLaw, tc.f, a) {
				got[ft.name] = ft.v
			}
			for _, w := range tc.want {
				if _, ok := got[w]; !ok {
					t.Errorf("%s missing from %v", w, got)
				}
			}
			for _, n := range tc.not {
				if _, ok := got[n]; ok {
					t.Errorf("%s present in %v", n, got)
				}
			}
			if v, ok := got["sentence_months_log"]; tc.months > 0 && (!ok || math.Abs(v-math.Log1p(tc.months)) > 1e-9) {
				t.Errorf("sentence_months_log = %v (present %v), want log1p(%v)", v, ok, tc.months)
			}
		})
	}
}

// TestCircumstanceFeatures checks criminal-circumstances' two facts: the
// kinds of mitigation the allegation states (several words of one kind
// count once; a denied one, or 赔偿 claimed rather than made, not at all;
// capped) and a prior record unless denied; and that the set is
// criminal-law with them added.
func TestCircumstanceFeatures(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		kinds  float64 // mitigating_kinds; 0: absent
		record bool
	}{
		{"none", "公诉机关指控：被告人王某盗窃现金人民币3000元。", 0, false},
		{"confession once for two of its words", "被告人王某到案后如实供述，系坦白。", 1, false},
		{"restitution and forgiveness", "被告人王某已退赔被害人全部损失，并取得被害人谅解。", 2, false},
		{"forgiveness denied", "被告人王某如实供述，但未取得被害人谅解。", 1, false},
		{"compensation claimed is no restitution", "附带民事诉讼原告人要求被告人赔偿医疗费。", 0, false},
		{"capped at three", "被告人王某主动投案，如实供述，有立功表现，积极赔偿被害人损失，取得谅解。", 3, false},
		{"recidivist", "被告人王某曾因盗窃罪被判处有期徒刑一年，系累犯。", 0, true},
		{"no prior record", "被告人王某无前科，到案后如实供述。", 1, false},
		{"prior record denied, surrender refused", "被告人王某没有前科，拒不自首。", 0, false},
	}
	r := testRules(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]float64{}
			for _, ft := range circumstanceFeatures(tc.text) {
				got[ft.name] = ft.v
			}
			if v, ok := got["mitigating_kinds"]; v != tc.kinds || ok != (tc.kinds > 0) {
				t.Errorf("mitigating_kinds = %v (present %v), want %v", v, ok, tc.kinds)
			}
			if _, ok := got["prior_record"]; ok != tc.record {
				t.Errorf("prior_record present %v, want %v", ok, tc.record)
			}
			f := &triagev1.Filing{
				Id: "x", CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: "河南省辉县市人民法院",
				CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "河南省", FiledOn: "2019-01-01", Cause: "盗窃罪", Text: tc.text,
				Parties:       []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
				Circumstances: &triagev1.Circumstances{GuiltyPlea: true},
			}
			a, err := r.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			want := append(featuresOf(FeaturesCriminalLaw, f, a), circumstanceFeatures(tc.text)...)
			if got := featuresOf(FeaturesCriminalCircumstances, f, a); !slices.Equal(got, want) {
				t.Errorf("criminal-circumstances = %v, want criminal-law and the circumstances %v", got, want)
			}
		})
	}
}
