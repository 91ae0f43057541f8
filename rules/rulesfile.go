package rules

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile"
)

//go:embed default_rules.json
var defaultRules []byte

// File is the rules data file: the facts the statutes leave to announcements
// and catalogues. The law's logic is code; these figures change every year or
// two and are replaced without a rebuild (flag -rules).
type File struct {
	// Version names this edition of the file, e.g. "2026-11-27".
	Version string `json:"version"`
	// SmallClaimsLimits are the small-claims figures (CPL 2012/2017 art. 162
	// from 2013, CPL art. 165 from 2022), one entry per province and
	// effective date: announced by the province's high court, or derived
	// from the wage statistic where no announcement is known.
	SmallClaimsLimits []LimitEntry `json:"small_claims_limits"`
	// Causes are the court's overrides and additions to the embedded
	// official catalogues (rules/catalogue/): an entry naming a catalogue
	// cause sets its attributes, and its family's below it; an entry the
	// catalogues lack is added under the cause it backs off to.
	Causes []CauseEntry `json:"causes"`
	// GroupCauseMinParties is how many persons on one side of a group-prone
	// cause (wage arrears, home buyers…) trigger review; default 5.
	GroupCauseMinParties int `json:"group_cause_min_parties"`
	// ReviewKeywords are phrases in the filing's text that signal a 四类案件.
	ReviewKeywords []string `json:"review_keywords"`
}

// LimitEntry is one small-claims limit. Its effective date decides the law it
// belongs to: from 2013-01-01 to 2021-12-31 the mandatory figure is 30% of
// the wage and there is no agreement figure (CPL 2012/2017 art. 162); from
// 2022-01-01 it is 50%, with a 200% figure for agreed cases (CPL art. 165).
type LimitEntry struct {
	// Province by name or GB/T 2260 code.
	Province string `json:"province"`
	// EffectiveFrom is "YYYY-MM-DD", or "YYYY-MM" when the notice gives only
	// the month (the entry then applies from the month's first day and
	// filings within that month are flagged for review).
	EffectiveFrom string `json:"effective_from"`
	// MandatoryLimitYuan is the mandatory figure (30% before 2022, 50% since),
	// in yuan, e.g. "68378.50".
	MandatoryLimitYuan string `json:"mandatory_limit_yuan"`
	// AgreementLimitYuan is the CPL 165 ¶2 figure (200%); empty when not
	// announced, and always empty before 2022, when it did not exist.
	AgreementLimitYuan string `json:"agreement_limit_yuan,omitempty"`
	// Statistic is the wage statistic the figures rest on.
	Statistic string `json:"statistic"`
	// Source is the announcing document, or for a derived entry the
	// publication of the statistic.
	Source string `json:"source"`
	// Derived marks figures no court announced: computed as
	// AverageWageYuan × the share, written rounded half up to the yuan.
	// Cases are decided by the exact share (derivedMandatoryFen), which the
	// decision's limit shows. Decisions show the flag so a reader knows the
	// figure is fenjian's arithmetic.
	Derived bool `json:"derived,omitempty"`
	// AverageWageYuan is the statistic's figure, in whole yuan. Required when
	// Derived, and the figures must then equal it times the share; on an
	// announced entry it is informative only, since courts round their own way.
	AverageWageYuan int64 `json:"average_wage_yuan,omitempty"`
	// StatisticYear is the year the wage statistic measures (required when
	// Derived). The next year's figure is taken to be published by 1 July of
	// the year after it (the file's effective-date convention), so from
	// then on the entry is outdated: Interp. 272 asks for the latest
	// published figure, which the file does not hold.
	StatisticYear int `json:"statistic_year,omitempty"`
}

// CauseEntry is one cause of the catalogue.
type CauseEntry struct {
	// Name as in the 民事案件案由规定 (or the 罪名), e.g. "离婚纠纷".
	Name string `json:"name"`
	// Kind is "civil", "administrative" or "criminal".
	Kind string `json:"kind"`
	// Category is one of the Category names (civil only).
	Category string `json:"category,omitempty"`
	// GroupProne marks causes that often come as group disputes.
	GroupProne bool `json:"group_prone,omitempty"`
	// Sensitive marks causes that are 重大敏感 by nature; always reviewed.
	Sensitive bool `json:"sensitive,omitempty"`
}

// limit is a validated LimitEntry.
type limit struct {
	province     Province
	from         time.Time
	monthOnly    bool
	mandatoryFen int64
	agreementFen int64 // 0 = not announced
	// outdatedFrom is, for a derived entry, the day a newer statistic is
	// due to have been published; zero for announced entries, which stay
	// in force until the court replaces them.
	outdatedFrom time.Time
	entry        LimitEntry
}

// outdatedOn reports whether a derived figure rests on a statistic older than
// the latest one due to be published on the date.
func (l limit) outdatedOn(on time.Time) bool {
	return !l.outdatedFrom.IsZero() && !on.Before(l.outdatedFrom)
}

// Default returns an engine on the rules file embedded in the binary.
func Default() (*Engine, error) {
	return Load(defaultRules)
}

// DefaultFile returns the embedded rules file, for `triagectl` to print as a
// starting point for a court's own file.
func DefaultFile() []byte { return bytes.Clone(defaultRules) }

// Open returns the rules in the file at path, or the embedded rules when path
// is empty: what every command's -rules flag means.
func Open(path string) (*Engine, error) {
	if path == "" {
		e, err := Default()
		if err != nil {
			return nil, fmt.Errorf("embedded rules: %w", err)
		}
		return e, nil
	}
	return LoadFile(path)
}

// LoadFile reads and validates a rules file.
func LoadFile(path string) (*Engine, error) {
	e, _, err := ReadFile(path)
	return e, err
}

// ReadFile reads and validates a rules file as LoadFile does, and returns
// its bytes too: the bytes the engine was loaded from, and also when they
// were read but refused, so that a reloader can tell a file it already
// judged from a new one.
func ReadFile(path string) (*Engine, []byte, error) {
	b, err := boundedfile.Read(path, MaxRulesFileBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("read rules %s: %w", path, err)
	}
	e, err := Load(b)
	if err != nil {
		return nil, b, fmt.Errorf("rules %s: %w", path, err)
	}
	return e, b, nil
}

// MaxRulesFileBytes bounds a rules file read from disk: the embedded one
// is about 250 KB, and -rules naming /dev/zero or a large file by mistake
// must stop the start with an error, not exhaust memory.
const MaxRulesFileBytes = 16 << 20

// Load parses and validates a rules file. Every problem is reported with the
// entry it is in; a file with any problem is refused as a whole, so a bad
// edit never half-replaces good figures.
func Load(b []byte) (*Engine, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse rules: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("parse rules: trailing data after the rules object")
	}
	if err := ValidateVersion("rules", f.Version); err != nil {
		return nil, err
	}
	limits, err := validateLimits(f.SmallClaimsLimits)
	if err != nil {
		return nil, err
	}
	catalogues, err := embeddedCatalogues()
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	causes, err := buildCauses(catalogues, f.Causes)
	if err != nil {
		return nil, err
	}
	if f.GroupCauseMinParties == 0 {
		f.GroupCauseMinParties = 5
	}
	if f.GroupCauseMinParties < 2 {
		return nil, fmt.Errorf("rules: group_cause_min_parties %d: must be at least 2", f.GroupCauseMinParties)
	}
	for i, k := range f.ReviewKeywords {
		if strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("rules: review_keywords[%d] is empty", i)
		}
	}
	// Due dates count with the embedded holiday calendar unless the caller
	// supplies another (WithHolidays): the rules file does not carry one.
	cal, err := DefaultHolidays()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	return &Engine{
		holidays:       cal,
		version:        f.Version + "+" + hex.EncodeToString(sum[:4]) + codeRevision(),
		limits:         limits,
		causes:         causes,
		groupMin:       f.GroupCauseMinParties,
		reviewKeywords: newKeywordMatcher(f.ReviewKeywords),
		now:            time.Now,
	}, nil
}

// codeRevision names the build's source revision ("@1a2b3c4d5e6f", with
// "-dirty" for uncommitted changes) when the binary carries it: the rules'
// logic is code, so the same file judged by other code is another version.
func codeRevision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) < 12 {
		return ""
	}
	return "@" + rev[:12] + dirty
}

func validateLimits(entries []LimitEntry) (map[string][]limit, error) {
	out := make(map[string][]limit)
	for i, e := range entries {
		where := fmt.Sprintf("small_claims_limits[%d] (%s %s)", i, e.Province, e.EffectiveFrom)
		p, ok := LookupProvince(e.Province)
		if !ok {
			return nil, fmt.Errorf("rules: %s: unknown province %q", where, e.Province)
		}
		l := limit{province: p, entry: e}
		var err error
		if l.from, l.monthOnly, err = parseEffective(e.EffectiveFrom); err != nil {
			return nil, fmt.Errorf("rules: %s: effective_from: %w", where, err)
		}
		if l.mandatoryFen, err = parseYuan(e.MandatoryLimitYuan); err != nil {
			return nil, fmt.Errorf("rules: %s: mandatory_limit_yuan: %w", where, err)
		}
		if l.mandatoryFen <= 0 {
			return nil, fmt.Errorf("rules: %s: mandatory_limit_yuan must be positive", where)
		}
		reg, inForce := regimeOn(l.from)
		if !inForce {
			return nil, fmt.Errorf("rules: %s: small claims did not exist before 2013-01-01 (CPL 2012 amendment art. 162)", where)
		}
		if e.AgreementLimitYuan != "" && !reg.agreement {
			return nil, fmt.Errorf("rules: %s: agreement_limit_yuan before 2022-01-01: %s has no agreement band", where, reg.article)
		}
		if e.AverageWageYuan < 0 {
			return nil, fmt.Errorf("rules: %s: average_wage_yuan must be positive", where)
		}
		// Twelve digits, as parseYuan's amounts: checkDerived multiplies
		// the wage in int64 fen, and a wage of 368934881474303339 wrapped
		// round to 50% of 56,153.34, passing the check with an agreement
		// figure (224613.36) that is twice no wage at all.
		if e.AverageWageYuan >= 1e12 {
			return nil, fmt.Errorf("rules: %s: average_wage_yuan %d: more than 12 digits", where, e.AverageWageYuan)
		}
		if e.Derived {
			if err := checkDerived(e, l, reg); err != nil {
				return nil, fmt.Errorf("rules: %s: %w", where, err)
			}
			l.mandatoryFen = derivedMandatoryFen(e, reg)
			l.outdatedFrom = time.Date(e.StatisticYear+2, time.July, 1, 0, 0, 0, 0, time.UTC)
		} else if e.StatisticYear != 0 {
			return nil, fmt.Errorf("rules: %s: statistic_year is for derived entries: a notice stays in force until replaced", where)
		}
		if e.AgreementLimitYuan != "" {
			if l.agreementFen, err = parseYuan(e.AgreementLimitYuan); err != nil {
				return nil, fmt.Errorf("rules: %s: agreement_limit_yuan: %w", where, err)
			}
			// 200% of the wage is four times the 50% figure; announced figures
			// are rounded, so only the order of magnitude is checked.
			if l.agreementFen < 3*l.mandatoryFen || l.agreementFen > 5*l.mandatoryFen {
				return nil, fmt.Errorf("rules: %s: agreement limit %s is not about four times the mandatory limit %s", where, e.AgreementLimitYuan, e.MandatoryLimitYuan)
			}
		}
		if strings.TrimSpace(e.Source) == "" {
			return nil, fmt.Errorf("rules: %s: source is empty: every figure must name its announcement", where)
		}
		out[p.Code] = append(out[p.Code], l)
	}
	for code, ls := range out {
		sort.Slice(ls, func(i, j int) bool { return ls[i].from.Before(ls[j].from) })
		for i := 1; i < len(ls); i++ {
			if ls[i].from.Equal(ls[i-1].from) {
				return nil, fmt.Errorf("rules: small_claims_limits: two entries for %s in force from %s", ls[i].province.Name, ls[i].entry.EffectiveFrom)
			}
		}
		out[code] = ls
	}
	return out, nil
}

// checkDerived holds a derived entry to its arithmetic: the mandatory figure
// is the wage times the share and the agreement figure (from 2022) twice the
// wage, each within half a yuan, so a figure typed wrong or computed at the
// other period's share is refused instead of deciding cases.
func checkDerived(e LimitEntry, l limit, reg smallClaimsRegime) error {
	if e.AverageWageYuan <= 0 {
		return fmt.Errorf("derived entry without average_wage_yuan: the statistic's figure is required")
	}
	if strings.TrimSpace(e.Statistic) == "" {
		return fmt.Errorf("derived entry without statistic")
	}
	// A year's wage is published in the following year at the earliest.
	if e.StatisticYear < 2000 || e.StatisticYear >= l.from.Year() {
		return fmt.Errorf("statistic_year %d: want the year the wage measures, before the effective year %d", e.StatisticYear, l.from.Year())
	}
	// In fen: wage × 100 × percent / 100.
	want := derivedMandatoryFen(e, reg)
	if d := l.mandatoryFen - want; d < -50 || d > 50 {
		return fmt.Errorf("mandatory_limit_yuan %s is not %d%% of average_wage_yuan %d (%s): want %s",
			e.MandatoryLimitYuan, reg.percent, e.AverageWageYuan, reg.article, formatYuan(roundYuan(want)))
	}
	if !reg.agreement {
		return nil
	}
	if e.AgreementLimitYuan == "" {
		return fmt.Errorf("derived entry from 2022 without agreement_limit_yuan: twice average_wage_yuan is known")
	}
	agree, err := parseYuan(e.AgreementLimitYuan)
	if err != nil {
		return fmt.Errorf("agreement_limit_yuan: %w", err)
	}
	if want := e.AverageWageYuan * 200; agree != want {
		return fmt.Errorf("agreement_limit_yuan %s is not twice average_wage_yuan %d: want %s", e.AgreementLimitYuan, e.AverageWageYuan, formatYuan(want))
	}
	return nil
}

// derivedMandatoryFen is the mandatory figure a derived entry decides by:
// the share of the wage itself, in fen, not the rounded yuan the file
// writes. The law sets the limit as the share ("百分之三十以下", CPL
// 2012/2017 art. 162; "百分之五十以下", CPL 165 ¶1), and no court announced
// a rounded figure for these entries: a figure rounded half up let a claim
// up to half a yuan above the share be mandatory small claims (before 2022,
// small claims at all), one rounded down kept a claim within the share out
// of it (statute round 24, rules 2026-12-04.31). The wage is in whole yuan,
// so wage × percent is the share in fen exactly.
func derivedMandatoryFen(e LimitEntry, reg smallClaimsRegime) int64 {
	return e.AverageWageYuan * reg.percent
}

// roundYuan rounds fen half up to whole yuan: the documented rounding of
// derived figures.
func roundYuan(fen int64) int64 { return (fen + 50) / 100 * 100 }

// formatYuan writes fen as the rules file writes yuan: "54323", "68378.50".
func formatYuan(fen int64) string {
	if fen%100 == 0 {
		return fmt.Sprint(fen / 100)
	}
	return fmt.Sprintf("%d.%02d", fen/100, fen%100)
}

func parseEffective(s string) (t time.Time, monthOnly bool, err error) {
	if t, err = time.Parse(time.DateOnly, s); err == nil {
		return t, false, nil
	}
	if t, err = time.Parse("2006-01", s); err == nil {
		return t, true, nil
	}
	return time.Time{}, false, fmt.Errorf("%q is not YYYY-MM-DD or YYYY-MM", s)
}

// parseYuan parses a decimal yuan amount ("54323", "68378.50") into fen
// exactly; floating point never touches money.
func parseYuan(s string) (int64, error) {
	s = strings.TrimSpace(s)
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || !isDigits(whole) || len(whole) > 12 {
		return 0, fmt.Errorf("%q is not an amount in yuan", s)
	}
	if hasFrac && (frac == "" || len(frac) > 2 || !isDigits(frac)) {
		return 0, fmt.Errorf("%q: at most two decimal places", s)
	}
	var fen int64
	for _, c := range whole {
		fen = fen*10 + int64(c-'0')
	}
	fen *= 100
	switch len(frac) {
	case 1:
		fen += int64(frac[0]-'0') * 10
	case 2:
		fen += int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	}
	return fen, nil
}
