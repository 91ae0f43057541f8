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
	limit := func(i int, m func(*rules.LimitEntry)) edit {
		return func(f *rules.File) { m(&f.SmallClaimsLimits[i]) }
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
		{"unknown province", limit(0, func(e *rules.LimitEntry) { e.Province = "火星省" }),
			[]string{"small_claims_limits[0]", "火星省", "unknown province"}},
		{"bad effective date", limit(1, func(e *rules.LimitEntry) { e.EffectiveFrom = "2022-02-30" }),
			[]string{"small_claims_limits[1]", "江苏省", "effective_from", "2022-02-30"}},
		{"effective date in another form", limit(1, func(e *rules.LimitEntry) { e.EffectiveFrom = "2022/01/07" }),
			[]string{"small_claims_limits[1]", "effective_from"}},
		{"zero mandatory amount", limit(2, func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "0" }),
			[]string{"small_claims_limits[2]", "mandatory_limit_yuan", "positive"}},
		{"negative mandatory amount", limit(2, func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "-60862" }),
			[]string{"small_claims_limits[2]", "mandatory_limit_yuan"}},
		{"three decimals", limit(6, func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "12.345" }),
			[]string{"small_claims_limits[6]", "上海市", "mandatory_limit_yuan", "12.345"}},
		{"not a number", limit(0, func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "abc" }),
			[]string{"small_claims_limits[0]", "mandatory_limit_yuan", "abc"}},
		{"empty mandatory amount", limit(0, func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "" }),
			[]string{"small_claims_limits[0]", "mandatory_limit_yuan"}},
		{"trailing dot", limit(0, func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "54323." }),
			[]string{"small_claims_limits[0]", "mandatory_limit_yuan"}},
		{"thousands separator", limit(0, func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "54,323" }),
			[]string{"small_claims_limits[0]", "mandatory_limit_yuan"}},
		{"malformed agreement amount", limit(0, func(e *rules.LimitEntry) { e.AgreementLimitYuan = "1e6" }),
			[]string{"small_claims_limits[0]", "agreement_limit_yuan"}},
		{"agreement figure twice the mandatory", limit(0, func(e *rules.LimitEntry) { e.AgreementLimitYuan = "108646" }),
			[]string{"small_claims_limits[0]", "浙江省", "four times"}},
		{"agreement figure six times the mandatory", limit(0, func(e *rules.LimitEntry) { e.AgreementLimitYuan = "325938" }),
			[]string{"small_claims_limits[0]", "four times"}},
		{"missing source", limit(4, func(e *rules.LimitEntry) { e.Source = "  " }),
			[]string{"small_claims_limits[4]", "辽宁省", "source"}},
		{"duplicate province and date", func(f *rules.File) {
			f.SmallClaimsLimits = append(f.SmallClaimsLimits, f.SmallClaimsLimits[2])
		}, []string{"江苏省", "2024-01-06", "two entries"}},
		{"duplicate by code and by month", func(f *rules.File) {
			e := f.SmallClaimsLimits[5] // 辽宁 2023-07
			e.Province, e.EffectiveFrom = "210000", "2023-07-01"
			f.SmallClaimsLimits = append(f.SmallClaimsLimits, e)
		}, []string{"辽宁省", "two entries"}},
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

func TestLoadRefusesBadJSON(t *testing.T) {
	good := rules.DefaultFile()
	for name, b := range map[string][]byte{
		"unknown field":       bytes.Replace(good, []byte(`"version"`), []byte(`"versoin": "x", "version"`), 1),
		"unknown limit field": bytes.Replace(good, []byte(`"mandatory_limit_yuan"`), []byte(`"mandatory_yuan": "1", "mandatory_limit_yuan"`), 1),
		"amount as a number":  []byte(`{"version":"x","small_claims_limits":[{"province":"辽宁省","effective_from":"2024-01-01","mandatory_limit_yuan":47000,"source":"s"}]}`),
		"empty":               nil,
		"not JSON":            []byte("version: 1"),
		"truncated":           good[:len(good)/2],
		"array":               []byte(`[]`),
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
