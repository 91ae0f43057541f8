package classifier

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Criminal feature sets of the real linear model, fixed before measuring
// (issue 10, point 7): what an indictment states beyond the charge, the
// plea, the recommendation and the co-defendants the broad set reads.
const (
	// FeaturesCriminalLaw is the broad set with the era of fast-track
	// read from the law as the rules apply it: fast-track existed for the
	// filing (the 2018 amendment, or the 2014–2018 pilot at a basic court
	// of the 18 cities), instead of "filed on or after 2018-10-26".
	FeaturesCriminalLaw = "criminal-law"
	// FeaturesCriminalMitigation adds the mitigating circumstances the
	// prosecution states (刑法第六十七条、第六十八条 and restitution or
	// forgiveness): courts and prosecutors tie them to a lighter sentence,
	// hence to the quicker procedures.
	FeaturesCriminalMitigation = "criminal-mitigation"
	// FeaturesCriminalRecord adds the aggravating record (累犯, 刑法第六十五
	// 条; a previous conviction) and custody (取保候审 against 逮捕/羁押): a
	// recidivist was excluded from the 2014 pilot, and a defendant at
	// liberty is the usual fast-track case.
	FeaturesCriminalRecord = "criminal-record"
	// FeaturesCriminalAll is both, with several charges and the largest
	// amount in 元 the text names (the gravity of property crimes).
	FeaturesCriminalAll = "criminal-all"
	// FeaturesCriminalCircumstances is criminal-law with the sentencing
	// circumstances an allegation states, read as two facts instead of the
	// cue sets' nine indicators (which lost 0.02–0.03 macro-F1 out of fold,
	// docs/quality.md): how many kinds of mitigation (自首, 坦白, 立功,
	// 退赃退赔, 谅解; 刑法第六十七条、第六十八条, 量刑指导意见) and whether a
	// prior record (累犯, 刑法第六十五条; 前科), each only where its clause
	// does not deny it (rules.StatedInClause: 未取得谅解, 无前科). Issue 10,
	// point 7; pre-registered in docs/quality.md before it was measured.
	FeaturesCriminalCircumstances = "criminal-circumstances"
)

// criminalCueSet is a named text cue: present when any of its words is.
type criminalCueSet struct {
	name  string
	words []string
}

// The cue lists: the words an indictment uses for each circumstance
// (最高人民法院《关于常见犯罪的量刑指导意见》 names them so), chosen before
// looking at how they split the real filings' labels.
var (
	mitigationCues = []criminalCueSet{
		{"cue_surrender", []string{"自首", "主动投案"}},
		{"cue_confession", []string{"坦白", "如实供述"}},
		{"cue_meritorious", []string{"立功"}},
		{"cue_restitution", []string{"退赃", "退赔", "退缴", "赔偿"}},
		{"cue_forgiveness", []string{"谅解", "和解"}},
	}
	recordCues = []criminalCueSet{
		{"cue_recidivist", []string{"累犯"}},
		{"cue_prior_record", []string{"前科", "曾因", "刑满释放"}},
		{"cue_bail", []string{"取保候审", "监视居住"}},
		{"cue_detained", []string{"逮捕", "羁押"}},
	}
)

// The circumstances criminal-circumstances reads: each kind of mitigation
// by the words an allegation uses for it, and the prior record. 赔偿 alone
// is not read: an allegation names it for the victim's civil claim as often
// as for a restitution made.
var (
	mitigationKinds = [][]string{
		{"自首", "主动投案"},
		{"坦白", "如实供述"},
		{"立功"},
		{"退赃", "退赔", "退缴", "已赔偿", "积极赔偿", "赔偿了"},
		{"谅解", "和解"},
	}
	priorRecordWords = []string{"累犯", "前科", "曾因", "刑满释放"}
)

// maxMitigationKinds caps mitigating_kinds: beyond three the allegation
// says nothing more about the procedure.
const maxMitigationKinds = 3

// circumstanceFeatures are criminal-circumstances' two facts of a text:
// mitigating_kinds, the number of kinds of mitigation it states (capped),
// and prior_record.
func circumstanceFeatures(text string) []realFeat {
	var out []realFeat
	n := 0
	for _, words := range mitigationKinds {
		if slices.ContainsFunc(words, func(w string) bool { return rules.StatedInClause(text, w) }) {
			n++
		}
	}
	if n > 0 {
		out = append(out, realFeat{"mitigating_kinds", float64(min(n, maxMitigationKinds))})
	}
	if slices.ContainsFunc(priorRecordWords, func(w string) bool { return rules.StatedInClause(text, w) }) {
		out = append(out, realFeat{"prior_record", 1})
	}
	return out
}

// yuanAmount matches an amount of money in the text: digits with an
// optional decimal part, then 万元 or 元.
var yuanAmount = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)(万元|元)`)

// largestYuan is the largest amount in 元 the text names, 0 for none.
func largestYuan(text string) float64 {
	best := 0.0
	for _, m := range yuanAmount.FindAllStringSubmatch(text, -1) {
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			continue
		}
		if m[2] == "万元" {
			v *= 10000
		}
		best = math.Max(best, v)
	}
	return best
}

// criminalSetFeatures returns a criminal feature set: the broad set with
// the law's fast-track era, plus the set's cues.
func criminalSetFeatures(set string, f *triagev1.Filing, a *rules.Assessment) []realFeat {
	var out []realFeat
	for _, ft := range realFeatures(f, a) {
		if ft.name != "fast_track_era" {
			out = append(out, ft)
		}
	}
	if f.GetCaseKind() != triagev1.CaseKind_CASE_KIND_CRIMINAL {
		return out
	}
	if fastTrackInLaw(a) {
		out = append(out, realFeat{"fast_track_in_law", 1})
	}
	text := f.GetText()
	cues := func(list []criminalCueSet) {
		for _, c := range list {
			for _, w := range c.words {
				if strings.Contains(text, w) {
					out = append(out, realFeat{c.name, 1})
					break
				}
			}
		}
	}
	switch set {
	case FeaturesCriminalMitigation:
		cues(mitigationCues)
	case FeaturesCriminalRecord:
		cues(recordCues)
	case FeaturesCriminalCircumstances:
		out = append(out, circumstanceFeatures(text)...)
	case FeaturesCriminalAll:
		cues(mitigationCues)
		cues(recordCues)
		if strings.Count(f.GetCause(), "罪") > 1 {
			out = append(out, realFeat{"several_charges", 1})
		}
		if y := largestYuan(text); y > 0 {
			out = append(out, realFeat{"amount_yuan_log10", math.Log10(1 + y)})
		}
	}
	return out
}

// fastTrackInLaw: the rules did not close fast-track for want of a law
// providing it on the filing date at that court (CRPL222_NOT_IN_FORCE).
func fastTrackInLaw(a *rules.Assessment) bool {
	if a == nil {
		return false
	}
	o := a.Option(triagev1.Procedure_PROCEDURE_FAST_TRACK)
	if o == nil {
		return false
	}
	for _, r := range o.GetReasons() {
		if r.GetCode() == rules.CodeCrPL222NotInForce {
			return false
		}
	}
	return true
}
