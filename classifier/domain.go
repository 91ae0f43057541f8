package classifier

import (
	"fmt"
	"slices"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Domain describes the training data, so that the model can say when a
// filing is unlike anything it learnt from: a cause it never saw, or a text
// far shorter or longer than its training texts. On such a filing its
// probabilities are extrapolation, however confident they look (on the real
// filings the first served model was wrong on most civil filings of causes
// the generator never produced while raising no review).
type Domain struct {
	// Causes lists, per case kind (enum name), the causes of at least
	// MinCauseFilings distinct training filings, sorted: the catalogue name
	// the rules matched, or the written cause when the catalogue knows none.
	Causes map[string][]string `json:"causes"`
	// Families lists, per case kind, the catalogue families (rules.Cause.
	// Family) of the training causes, sorted: an unseen leaf of a known
	// family is scored like its siblings and is not out of distribution.
	Families map[string][]string `json:"families,omitempty"`
	// TextRunes is, per case kind, the range of text lengths (characters)
	// the model accepts: half the 1st percentile to twice the 99th of its
	// training texts. Within a factor of two the length features and the
	// text model's n-gram counts stay within what the trees were split on.
	TextRunes map[string][2]int `json:"text_runes"`
}

// MinCauseFilings is how many distinct training filings a cause needs to
// count as known: fewer give the text model and the trees nothing to learn
// the cause's habits from.
const MinCauseFilings = 3

// causeKey is the cause a filing is known by in the domain.
func causeKey(f *triagev1.Filing, a *rules.Assessment) string {
	if a != nil && a.Facts.Cause.Name != "" {
		return a.Facts.Cause.Name
	}
	return f.GetCause()
}

// NewDomain summarises the training filings. Filings are counted once per
// id, so that records repeated to weight them (real filings) do not make a
// cause look common.
func NewDomain(eng *rules.Engine, filings []*triagev1.Filing) *Domain {
	d := &Domain{Causes: map[string][]string{}, Families: map[string][]string{}, TextRunes: map[string][2]int{}}
	fams := map[string]map[string]bool{}
	ids := map[string]map[string]bool{} // kind\x00cause → ids
	lengths := map[string][]int{}
	seen := map[string]bool{}
	for _, f := range filings {
		if seen[f.GetId()] {
			continue
		}
		seen[f.GetId()] = true
		kind := f.GetCaseKind().String()
		a, err := eng.Evaluate(f)
		if err != nil {
			continue
		}
		key := kind + "\x00" + causeKey(f, a)
		if ids[key] == nil {
			ids[key] = map[string]bool{}
		}
		ids[key][f.GetId()] = true
		if fam := a.Facts.Cause.Family; fam != "" {
			if fams[kind] == nil {
				fams[kind] = map[string]bool{}
			}
			fams[kind][fam] = true
		}
		lengths[kind] = append(lengths[kind], utf8.RuneCountInString(f.GetText()))
	}
	for key, set := range ids {
		if len(set) < MinCauseFilings {
			continue
		}
		var kind, cause string
		for j := 0; j < len(key); j++ {
			if key[j] == 0 {
				kind, cause = key[:j], key[j+1:]
				break
			}
		}
		d.Causes[kind] = append(d.Causes[kind], cause)
	}
	for kind := range d.Causes {
		slices.Sort(d.Causes[kind])
	}
	for kind, set := range fams {
		for fam := range set {
			d.Families[kind] = append(d.Families[kind], fam)
		}
		slices.Sort(d.Families[kind])
	}
	for kind, ls := range lengths {
		slices.Sort(ls)
		lo, hi := ls[len(ls)/100], ls[min(len(ls)-1, len(ls)*99/100)]
		d.TextRunes[kind] = [2]int{lo / 2, 2 * hi}
	}
	return d
}

// OutOfDistribution implements triage.Abstainer: a short explanation when
// the filing is unlike the training data, "" otherwise.
func (m *Model) OutOfDistribution(f *triagev1.Filing, a *rules.Assessment) string {
	d := m.domain
	if d == nil {
		return ""
	}
	kind := f.GetCaseKind().String()
	causes, ok := d.Causes[kind]
	if !ok {
		return "训练数据中没有此类案件"
	}
	// Known by the catalogue's name or as written: a catalogue revision
	// may resolve a written cause to another entry without the filing
	// being any less familiar.
	c := causeKey(f, a)
	if c == "" {
		return "未填写案由"
	}
	_, known := slices.BinarySearch(causes, c)
	if !known {
		_, known = slices.BinarySearch(causes, f.GetCause())
	}
	if !known && a != nil && a.Facts.Cause.Family != "" {
		_, known = slices.BinarySearch(d.Families[kind], a.Facts.Cause.Family)
	}
	if !known {
		return fmt.Sprintf("训练数据中没有案由“%s”及其所属类别", c)
	}
	if r, ok := d.TextRunes[kind]; ok {
		if n := textRunes(f, a); n < r[0] || n > r[1] {
			return fmt.Sprintf("起诉材料长度 %d 字，超出训练数据范围（%d–%d 字）", n, r[0], r[1])
		}
	}
	return ""
}
