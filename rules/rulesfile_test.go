package rules_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// defaultFile parses the embedded rules file so a test can break one thing.
func defaultFile(tb testing.TB) rules.File {
	tb.Helper()
	var f rules.File
	if err := json.Unmarshal(rules.DefaultFile(), &f); err != nil {
		tb.Fatal(err)
	}
	return f
}

// limitEntry finds a limit entry of f by province and effective date.
func limitEntry(tb testing.TB, f *rules.File, province, from string) *rules.LimitEntry {
	tb.Helper()
	for i, e := range f.SmallClaimsLimits {
		if e.Province == province && e.EffectiveFrom == from {
			return &f.SmallClaimsLimits[i]
		}
	}
	tb.Fatalf("no limit entry %s %s in the rules file", province, from)
	return nil
}

func marshal(tb testing.TB, f rules.File) []byte {
	tb.Helper()
	b, err := json.Marshal(f)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestLoadRefuses checks each way a rules file is refused as a whole, with
// an error that names the entry and the problem.
func TestLoadRefuses(t *testing.T) {
	type edit func(*rules.File)
	// The file holds hundreds of entries; cases name the one they break by
	// province and effective date, so adding data never shifts them.
	limit := func(province, from string, m func(*rules.LimitEntry)) edit {
		return func(f *rules.File) { m(limitEntry(t, f, province, from)) }
	}
	causeAt := func(i int, m func(*rules.CauseEntry)) edit {
		return func(f *rules.File) { m(&f.Causes[i]) }
	}
	for _, tc := range []struct {
		name string
		edit edit
		want []string // all must appear in the error
	}{
		{"empty version", func(f *rules.File) { f.Version = " " }, []string{"version"}},
		{"version with a bidirectional override", func(f *rules.File) { f.Version = "2026-12-03.34\u202e" },
			[]string{"version", "U+202E at 13"}},
		{"version with a newline", func(f *rules.File) { f.Version = "2026-12-03.34\nforged log line" },
			[]string{"version", "U+000A"}},
		// A 5 MiB version made every decision a 10 MB row and every
		// Triage answer too large to send, after it was stored.
		{"version of 65 characters", func(f *rules.File) { f.Version = strings.Repeat("v", 65) },
			[]string{"rules: version is 65 characters long, more than 64"}},
		// 50% of this wage wraps round int64 fen to 56,153.34 and 200% to
		// 224,613.36: without the bound both figures passed checkDerived.
		{"wage past twelve digits", limit("新疆维吾尔自治区", "2024-07-01", func(e *rules.LimitEntry) {
			e.AverageWageYuan, e.AgreementLimitYuan = 368934881474303339, "224613.36"
		}), []string{"新疆维吾尔自治区 2024-07-01", "average_wage_yuan 368934881474303339", "12 digits"}},
		{"unknown province", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.Province = "火星省" }),
			[]string{"火星省 2022-01-11", "unknown province"}},
		{"bad effective date", limit("江苏省", "2022-01-07", func(e *rules.LimitEntry) { e.EffectiveFrom = "2022-02-30" }),
			[]string{"江苏省", "effective_from", "2022-02-30"}},
		{"effective date in another form", limit("江苏省", "2022-01-07", func(e *rules.LimitEntry) { e.EffectiveFrom = "2022/01/07" }),
			[]string{"江苏省 2022/01/07", "effective_from"}},
		{"zero mandatory amount", limit("江苏省", "2024-01-06", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "0" }),
			[]string{"江苏省 2024-01-06", "mandatory_limit_yuan", "positive"}},
		{"negative mandatory amount", limit("江苏省", "2024-01-06", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "-60862" }),
			[]string{"江苏省 2024-01-06", "mandatory_limit_yuan"}},
		{"three decimals", limit("上海市", "2022-08-23", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "12.345" }),
			[]string{"上海市 2022-08-23", "mandatory_limit_yuan", "12.345"}},
		{"not a number", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "abc" }),
			[]string{"浙江省 2022-01-11", "mandatory_limit_yuan", "abc"}},
		{"empty mandatory amount", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "" }),
			[]string{"浙江省 2022-01-11", "mandatory_limit_yuan"}},
		{"trailing dot", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "54323." }),
			[]string{"浙江省 2022-01-11", "mandatory_limit_yuan"}},
		{"thousands separator", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "54,323" }),
			[]string{"浙江省 2022-01-11", "mandatory_limit_yuan"}},
		{"malformed agreement amount", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.AgreementLimitYuan = "1e6" }),
			[]string{"浙江省 2022-01-11", "agreement_limit_yuan"}},
		{"agreement figure twice the mandatory", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.AgreementLimitYuan = "108646" }),
			[]string{"浙江省 2022-01-11", "four times"}},
		{"agreement figure six times the mandatory", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.AgreementLimitYuan = "325938" }),
			[]string{"浙江省 2022-01-11", "four times"}},
		{"missing source", limit("辽宁省", "2022-07-04", func(e *rules.LimitEntry) { e.Source = "  " }),
			[]string{"辽宁省 2022-07-04", "source"}},
		{"duplicate province and date", func(f *rules.File) {
			f.SmallClaimsLimits = append(f.SmallClaimsLimits, *limitEntry(t, f, "江苏省", "2024-01-06"))
		}, []string{"江苏省", "2024-01-06", "two entries"}},
		{"duplicate by code and by month", func(f *rules.File) {
			e := *limitEntry(t, f, "辽宁省", "2023-07")
			e.Province, e.EffectiveFrom = "210000", "2023-07-01"
			f.SmallClaimsLimits = append(f.SmallClaimsLimits, e)
		}, []string{"辽宁省", "two entries"}},
		// Derived figures are arithmetic the file must get right: 30% of
		// 北京's 2012 wage of 84,742 is 25,422.60, written rounded as 25423.
		{"derived figure one yuan off", limit("北京市", "2013-07-01", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "25424" }),
			[]string{"北京市 2013-07-01", "not 30% of average_wage_yuan 84742", "want 25423"}},
		{"derived figure 0.60 yuan off", limit("北京市", "2013-07-01", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "25422" }),
			[]string{"北京市 2013-07-01", "not 30%"}},
		{"derived at 50% before 2022", limit("北京市", "2021-07-01", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "89089" }),
			[]string{"北京市 2021-07-01", "not 30%", "第一百六十二条"}},
		{"derived at 30% from 2022", limit("北京市", "2022-07-01", func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "58395" }),
			[]string{"北京市 2022-07-01", "not 50%", "第一百六十五条"}},
		{"derived without the wage", limit("北京市", "2013-07-01", func(e *rules.LimitEntry) { e.AverageWageYuan = 0 }),
			[]string{"北京市 2013-07-01", "average_wage_yuan"}},
		{"negative wage", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.AverageWageYuan = -1 }),
			[]string{"浙江省 2022-01-11", "average_wage_yuan"}},
		{"derived without the statistic", limit("北京市", "2013-07-01", func(e *rules.LimitEntry) { e.Statistic = "" }),
			[]string{"北京市 2013-07-01", "statistic"}},
		{"derived from 2022 without the 2× figure", limit("北京市", "2022-07-01", func(e *rules.LimitEntry) { e.AgreementLimitYuan = "" }),
			[]string{"北京市 2022-07-01", "agreement_limit_yuan"}},
		{"derived 2× figure one yuan off", limit("北京市", "2022-07-01", func(e *rules.LimitEntry) { e.AgreementLimitYuan = "389303" }),
			[]string{"北京市 2022-07-01", "not twice", "want 389302"}},
		{"derived without statistic_year", limit("北京市", "2013-07-01", func(e *rules.LimitEntry) { e.StatisticYear = 0 }),
			[]string{"北京市 2013-07-01", "statistic_year"}},
		{"statistic_year not before the effective year", limit("北京市", "2013-07-01", func(e *rules.LimitEntry) { e.StatisticYear = 2013 }),
			[]string{"北京市 2013-07-01", "statistic_year 2013"}},
		{"statistic_year on a notice", limit("辽宁省", "2022-07-04", func(e *rules.LimitEntry) { e.StatisticYear = 2021 }),
			[]string{"辽宁省 2022-07-04", "statistic_year", "derived"}},
		{"agreement figure before 2022", limit("北京市", "2013-07-01", func(e *rules.LimitEntry) { e.AgreementLimitYuan = "101690" }),
			[]string{"北京市 2013-07-01", "before 2022-01-01", "no agreement band"}},
		{"entry before small claims existed", limit("浙江省", "2022-01-11", func(e *rules.LimitEntry) { e.EffectiveFrom = "2012-12-31" }),
			[]string{"浙江省 2012-12-31", "2013-01-01"}},
		{"unknown category", causeAt(0, func(c *rules.CauseEntry) { c.Category = "money" }),
			[]string{"causes[0]", "民间借贷纠纷", "category", "money"}},
		{"civil cause without category", causeAt(0, func(c *rules.CauseEntry) { c.Category = "" }),
			[]string{"causes[0]", "category"}},
		{"category on a criminal cause", func(f *rules.File) {
			f.Causes = append(f.Causes, rules.CauseEntry{Name: "测试罪", Kind: "criminal", Category: "mixed"})
		}, []string{"测试罪", "civil causes only"}},
		{"unknown kind", causeAt(0, func(c *rules.CauseEntry) { c.Kind = "military" }),
			[]string{"causes[0]", "kind", "military"}},
		{"empty cause name", causeAt(0, func(c *rules.CauseEntry) { c.Name = "纠纷" }),
			[]string{"causes[0]", "name is empty"}},
		{"duplicate cause", func(f *rules.File) {
			f.Causes = append(f.Causes, rules.CauseEntry{Name: "离婚纠纷", Kind: "civil", Category: "personal_status"})
		}, []string{"离婚纠纷", "listed twice"}},
		{"duplicate cause without 纠纷", func(f *rules.File) {
			f.Causes = append(f.Causes, rules.CauseEntry{Name: "离婚", Kind: "civil", Category: "personal_status"})
		}, []string{"离婚", "listed twice"}},
		{"group_cause_min_parties 1", func(f *rules.File) { f.GroupCauseMinParties = 1 },
			[]string{"group_cause_min_parties"}},
		{"empty review keyword", func(f *rules.File) { f.ReviewKeywords = append(f.ReviewKeywords, " ") },
			[]string{"review_keywords[15]", "empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := defaultFile(t)
			tc.edit(&f)
			e, err := rules.Load(marshal(t, f))
			if err == nil {
				t.Fatalf("Load accepted the file (version %s)", e.Version())
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestLoadAcceptsDerivedRounding: a derived figure may be written exactly or
// rounded to the yuan; half a yuan either way is the rounding, no more.
func TestLoadAcceptsDerivedRounding(t *testing.T) {
	for _, figure := range []string{"25423", "25422.60", "25422.6", "25423.10", "25422.10"} {
		f := defaultFile(t)
		limitEntry(t, &f, "北京市", "2013-07-01").MandatoryLimitYuan = figure
		if _, err := rules.Load(marshal(t, f)); err != nil {
			t.Errorf("%s refused: %v", figure, err)
		}
	}
	// An announced entry's wage is informative: courts round their own way
	// (辽宁 announced 44,000 on a wage of 88,474), so it is not checked.
	f := defaultFile(t)
	limitEntry(t, &f, "辽宁省", "2022-07-04").AverageWageYuan = 88474
	if _, err := rules.Load(marshal(t, f)); err != nil {
		t.Errorf("announced entry with its wage refused: %v", err)
	}
}

// TestLoadAcceptsNearBounds: the near misses of the version's text check
// and the wage's bound: Chinese, spaces and punctuation in a version, and a
// derived entry's wage of twelve digits held to its arithmetic as ever.
func TestLoadAcceptsNearBounds(t *testing.T) {
	f := defaultFile(t)
	f.Version = "2026-12-03.34 江苏高院（2024）补充"
	e, err := rules.Load(marshal(t, f))
	if err != nil {
		t.Fatalf("printable version refused: %v", err)
	}
	if !strings.HasPrefix(e.Version(), f.Version+"+") {
		t.Errorf("Version = %q", e.Version())
	}
	f.Version = strings.Repeat("版", rules.MaxVersionChars)
	if _, err := rules.Load(marshal(t, f)); err != nil {
		t.Errorf("a version of %d characters refused: %v", rules.MaxVersionChars, err)
	}
	f = defaultFile(t)
	entry := limitEntry(t, &f, "北京市", "2013-07-01") // 30%, no agreement band
	entry.AverageWageYuan, entry.MandatoryLimitYuan = 999999999999, "299999999999.70"
	if _, err := rules.Load(marshal(t, f)); err != nil {
		t.Errorf("a twelve-digit wage with its figures refused: %v", err)
	}
}

func TestLoadRefusesBadJSON(t *testing.T) {
	good := rules.DefaultFile()
	for name, b := range map[string][]byte{
		"unknown field":       bytes.Replace(good, []byte(`"version"`), []byte(`"versoin": "x", "version"`), 1),
		"unknown limit field": bytes.Replace(good, []byte(`"mandatory_limit_yuan"`), []byte(`"mandatory_yuan": "1", "mandatory_limit_yuan"`), 1),
		// The regime follows from effective_from; a field claiming it is refused.
		"regime field":       bytes.Replace(good, []byte(`"derived"`), []byte(`"regime": "CPL162", "derived"`), 1),
		"amount as a number": []byte(`{"version":"x","small_claims_limits":[{"province":"辽宁省","effective_from":"2024-01-01","mandatory_limit_yuan":47000,"source":"s"}]}`),
		"empty":              nil,
		"not JSON":           []byte("version: 1"),
		"truncated":          good[:len(good)/2],
		"array":              []byte(`[]`),
	} {
		if _, err := rules.Load(b); err == nil {
			t.Errorf("%s: Load accepted it", name)
		} else if name == "unknown field" && !strings.Contains(err.Error(), "versoin") {
			t.Errorf("%s: error %q does not name the field", name, err)
		}
	}
}

func TestLoadAccepts(t *testing.T) {
	// A minimal file: defaults apply, a province may be given by code.
	e, err := rules.Load([]byte(`{"version":"v1"}`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Version(), "v1+") {
		t.Errorf("Version = %q", e.Version())
	}
	// With no limits every civil filing's small claims is undetermined.
	a, err := e.Evaluate(civilBase(t))
	if err != nil {
		t.Fatal(err)
	}
	if o := a.Option(pSC); o.GetAvailability() != avD || !a.NeedsReview() {
		t.Errorf("no limits: %s", describe(a))
	}
	// group_cause_min_parties defaults to 5.
	f := defaultFile(t)
	f.GroupCauseMinParties = 0
	e, err = rules.Load(marshal(t, f))
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]bool{4: false, 5: true} {
		a, err := e.Evaluate(with(civilBase(t), cause("追索劳动报酬纠纷"), setParties(n, 1)))
		if err != nil {
			t.Fatal(err)
		}
		if got := hasCode(codesAt(a), rules.CodeReviewGroupCause); got != want {
			t.Errorf("default group minimum, %d plaintiffs: group cause %v, want %v", n, got, want)
		}
	}
}

func TestLoadFile(t *testing.T) {
	e, err := rules.LoadFile(filepath.Join("testdata", "rules", "minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Version(), "test-minimal+") {
		t.Errorf("Version = %q", e.Version())
	}
	// The file's own figures and group minimum apply.
	a, err := e.Evaluate(with(civilBase(t), province("辽宁"), filedOn("2024-01-01"), yuan(50000)))
	if err != nil {
		t.Fatal(err)
	}
	if o := a.Option(pSC); !o.GetMandatory() || a.Limit.GetMandatoryLimitFen() != 50000_00 {
		t.Errorf("minimal rules: %s, limit %v", describe(a), a.Limit)
	}
	a, err = e.Evaluate(with(civilBase(t), cause("追索劳动报酬纠纷"), setParties(3, 1), text("普通文本")))
	if err != nil {
		t.Fatal(err)
	}
	if !hasCode(codesAt(a), rules.CodeReviewGroupCause) {
		t.Errorf("group_cause_min_parties 3 not applied: %s", describe(a))
	}

	missing := filepath.Join(t.TempDir(), "nope.json")
	if _, err := rules.LoadFile(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadFile(missing) = %v, want an error naming the path", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	writeFile(t, bad, []byte(`{"version":""}`))
	if _, err := rules.LoadFile(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("LoadFile(bad) = %v, want an error naming the path", err)
	}
}

// TestVersion: the version is the file's version plus a hash of its bytes, so
// any change of bytes changes it and the same bytes give the same version.
func TestVersion(t *testing.T) {
	d1, d2 := defaultEngine(t), defaultEngine(t)
	if d1.Version() != d2.Version() || d1.Version() == "" {
		t.Fatalf("versions %q, %q", d1.Version(), d2.Version())
	}
	f := defaultFile(t)
	if !strings.HasPrefix(d1.Version(), f.Version+"+") {
		t.Errorf("Version %q does not start with the file's version %q", d1.Version(), f.Version)
	}
	changed := append(rules.DefaultFile(), '\n')
	e, err := rules.Load(changed)
	if err != nil {
		t.Fatal(err)
	}
	if e.Version() == d1.Version() {
		t.Errorf("a trailing newline did not change the version %q", e.Version())
	}
	f.SmallClaimsLimits[0].Statistic += "（更正）"
	e2, err := rules.Load(marshal(t, f))
	if err != nil {
		t.Fatal(err)
	}
	if e2.Version() == d1.Version() || e2.Version() == e.Version() {
		t.Errorf("an edited statistic did not change the version %q", e2.Version())
	}
}
