package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Category is what a civil cause says about the claims, as far as CPL 165–166
// care: the law excludes personal-status and property-confirmation cases from
// small claims and admits only money-payment cases.
type Category int

// Categories of civil causes.
const (
	CategoryUnknown              Category = iota // not in the catalogue, or no inference possible
	CategoryMoneyPayment                         // 金钱给付: loans, debts, wages, fees, damages
	CategoryPersonalStatus                       // 人身关系: divorce, parentage, adoption, custody
	CategoryPropertyConfirmation                 // 财产确权: ownership, partition, inheritance
	CategoryNonMonetary                          // claims for acts: removal of obstruction, return of things
	CategoryMixed                                // contracts whose claims may or may not be money only
)

var categoryNames = [...]string{"unknown", "money_payment", "personal_status", "property_confirmation", "non_monetary", "mixed"}

// String returns the category's name as used in the rules file.
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return fmt.Sprintf("category(%d)", int(c))
}

func parseCategory(s string) (Category, bool) {
	for i, n := range categoryNames {
		if s == n && i != int(CategoryUnknown) {
			return Category(i), true
		}
	}
	return CategoryUnknown, false
}

// Cause is what the catalogue knows about a filing's cause.
type Cause struct {
	Name       string   // the catalogue name matched, "" when none
	Category   Category // civil only
	GroupProne bool
	Sensitive  bool
}

// causeIndex matches causes as clerks write them: exactly, with or without
// the 纠纷 suffix, or by the longest catalogue name the written cause contains
// ("离婚后财产纠纷" is not "离婚纠纷").
type causeIndex struct {
	exact  map[string]Cause
	byLen  []Cause // longest stem first
	stems  []string
	kindOf map[string]string
}

// CauseStem trims what clerks add or leave out around a cause ("民间借贷纠纷案"
// → "民间借贷", "危险驾驶罪" → "危险驾驶"), so written causes and catalogue or
// team entries compare on the same stem.
func CauseStem(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "案")
	s = strings.TrimSuffix(s, "纠纷")
	s = strings.TrimSuffix(s, "罪")
	return strings.TrimSpace(s)
}

func buildCauses(entries []CauseEntry) (*causeIndex, error) {
	idx := &causeIndex{exact: make(map[string]Cause, len(entries)), kindOf: make(map[string]string, len(entries))}
	type stemmed struct {
		stem  string
		cause Cause
	}
	var all []stemmed
	for i, e := range entries {
		where := fmt.Sprintf("causes[%d] (%s)", i, e.Name)
		stem := CauseStem(e.Name)
		if stem == "" {
			return nil, fmt.Errorf("rules: %s: name is empty", where)
		}
		c := Cause{Name: e.Name, GroupProne: e.GroupProne, Sensitive: e.Sensitive}
		switch e.Kind {
		case "civil":
			cat, ok := parseCategory(e.Category)
			if !ok {
				return nil, fmt.Errorf("rules: %s: category %q is not one of money_payment, personal_status, property_confirmation, non_monetary, mixed", where, e.Category)
			}
			c.Category = cat
		case "administrative", "criminal":
			if e.Category != "" {
				return nil, fmt.Errorf("rules: %s: category applies to civil causes only", where)
			}
		default:
			return nil, fmt.Errorf("rules: %s: kind %q is not civil, administrative or criminal", where, e.Kind)
		}
		if _, dup := idx.exact[stem]; dup {
			return nil, fmt.Errorf("rules: %s: listed twice", where)
		}
		idx.exact[stem] = c
		idx.kindOf[stem] = e.Kind
		all = append(all, stemmed{stem, c})
	}
	sort.SliceStable(all, func(i, j int) bool { return len(all[i].stem) > len(all[j].stem) })
	for _, s := range all {
		idx.stems = append(idx.stems, s.stem)
		idx.byLen = append(idx.byLen, s.cause)
	}
	return idx, nil
}

// lookup finds the catalogue entry for a written cause of the given kind
// ("civil", "administrative", "criminal").
func (x *causeIndex) lookup(written, kind string) Cause {
	stem := CauseStem(written)
	if stem == "" {
		return Cause{}
	}
	if c, ok := x.exact[stem]; ok && x.kindOf[stem] == kind {
		return c
	}
	for i, s := range x.stems {
		if x.kindOf[s] == kind && strings.Contains(stem, s) {
			return x.byLen[i]
		}
	}
	return Cause{}
}
