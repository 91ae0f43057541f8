package reload_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// rulesEdition returns the embedded rules file with version, edited by
// edit when it is not nil: a court's edition of the file, good or bad.
func rulesEdition(t testing.TB, version string, edit func(*rules.File)) []byte {
	t.Helper()
	var f rules.File
	if err := json.Unmarshal(rules.DefaultFile(), &f); err != nil {
		t.Fatal(err)
	}
	f.Version = version
	if edit != nil {
		edit(&f)
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rulesSetup are a serving and a shadow engine on the rules of a file the
// test may rewrite, and their reloader with its own registry and log.
type rulesSetup struct {
	path            string
	serving, shadow *triage.Engine
	r               *reload.RulesReloader
	reg             *prometheus.Registry
	logs            *lockedBuffer
	a               *rules.Engine
	aBytes          []byte
}

func newRulesSetup(t testing.TB) *rulesSetup {
	t.Helper()
	s := &rulesSetup{path: filepath.Join(t.TempDir(), "rules.json"), reg: prometheus.NewRegistry(), logs: &lockedBuffer{}}
	s.aBytes = rulesEdition(t, "reload-a", nil)
	install(t, s.path, s.aBytes)
	a, started, err := rules.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	s.a = a
	s.serving, s.shadow = triage.New(a, classifier.NewBaseline()), triage.New(a, classifier.NewBaseline())
	s.r, err = reload.NewRules(reload.RulesOptions{
		File: s.path, Load: rules.ReadFile, Targets: []reload.RulesTarget{s.serving, s.shadow}, Registerer: s.reg,
		Logger: slog.New(slog.NewJSONHandler(s.logs, nil)),
	}, started)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rulesMetricsWant is the rules reload metrics' exposition.
func rulesMetricsWant(refusedWatch, swappedWatch, unchangedWatch, refusedHup, swappedHup int, ok int, version, hash string) string {
	var b strings.Builder
	b.WriteString("# HELP fenjian_rules_info 1 for the rules serving now: their version (the file's version, a hash and the code revision, as decisions record it in rules_version) and the SHA-256 of the file.\n# TYPE fenjian_rules_info gauge\n")
	fmt.Fprintf(&b, "fenjian_rules_info{sha256=%q,version=%q} 1\n", hash, version)
	b.WriteString("# HELP fenjian_rules_last_reload_successful 1 when the last rules file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the serving rules are older than the file.\n# TYPE fenjian_rules_last_reload_successful gauge\n")
	fmt.Fprintf(&b, "fenjian_rules_last_reload_successful %d\n", ok)
	b.WriteString("# HELP fenjian_rules_reloads_total Rules file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).\n# TYPE fenjian_rules_reloads_total counter\n")
	fmt.Fprintf(&b, "fenjian_rules_reloads_total{result=\"refused\",trigger=\"sighup\"} %d\n", refusedHup)
	if swappedHup > 0 {
		fmt.Fprintf(&b, "fenjian_rules_reloads_total{result=\"swapped\",trigger=\"sighup\"} %d\n", swappedHup)
	}
	fmt.Fprintf(&b, "fenjian_rules_reloads_total{result=\"refused\",trigger=\"watch\"} %d\n", refusedWatch)
	if swappedWatch > 0 {
		fmt.Fprintf(&b, "fenjian_rules_reloads_total{result=\"swapped\",trigger=\"watch\"} %d\n", swappedWatch)
	}
	if unchangedWatch > 0 {
		fmt.Fprintf(&b, "fenjian_rules_reloads_total{result=\"unchanged\",trigger=\"watch\"} %d\n", unchangedWatch)
	}
	return b.String()
}

func checkRulesMetrics(t testing.TB, reg prometheus.Gatherer, want string) {
	t.Helper()
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_rules_info", "fenjian_rules_last_reload_successful", "fenjian_rules_reloads_total"); err != nil {
		t.Error(err)
	}
}

// TestRulesReloadRefusesBadFiles: each rules file a court could get wrong
// is refused by the start's own validation, with the reason the start
// would give (rules.Load's error for the same bytes), logged at error,
// counted, and the last reload marked failed; both engines keep the rules
// before, pointer for pointer; putting the good file back is "unchanged"
// and clears the failure.
func TestRulesReloadRefusesBadFiles(t *testing.T) {
	good := rulesEdition(t, "reload-a", nil)
	limit := func(edit func(*rules.LimitEntry)) func(*rules.File) {
		return func(f *rules.File) { edit(&f.SmallClaimsLimits[0]) }
	}
	for _, tc := range []struct {
		name   string
		file   []byte // nil removes the file
		reason string // in the error and the log, beside rules.Load's own error
	}{
		{"unparseable", []byte(`{"version": "2027-01-01",`), "parse rules"},
		{"empty file", []byte{}, "parse rules"},
		{"trailing data", append(good[:len(good):len(good)], []byte(`{}`)...), "trailing data"},
		{"unknown field", []byte(strings.Replace(string(good), `"review_keywords"`, `"review_keyword"`, 1)), `unknown field "review_keyword"`},
		{"empty version", rulesEdition(t, " ", nil), "version is empty"},
		{"version of two lines", rulesEdition(t, "2027-01-01\n2", nil), "rules: version"},
		{"limit in fen, not yuan", rulesEdition(t, "bad-amount", limit(func(e *rules.LimitEntry) { e.MandatoryLimitYuan = "22645.005" })), "mandatory_limit_yuan"},
		{"limit of no province", rulesEdition(t, "bad-province", limit(func(e *rules.LimitEntry) { e.Province = "火星省" })), `unknown province "火星省"`},
		{"limit before small claims existed", rulesEdition(t, "bad-date", limit(func(e *rules.LimitEntry) { e.EffectiveFrom = "2012-06-01" })), "small claims did not exist before 2013-01-01"},
		{"derived limit off the wage", rulesEdition(t, "bad-derived", limit(func(e *rules.LimitEntry) { e.AverageWageYuan += 1000 })), "small_claims_limits[0]"},
		{"limit without a source", rulesEdition(t, "no-source", limit(func(e *rules.LimitEntry) { e.Source = "" })), "source is empty"},
		{"two limits for one day", rulesEdition(t, "twice", func(f *rules.File) {
			f.SmallClaimsLimits = append(f.SmallClaimsLimits, f.SmallClaimsLimits[0])
		}), "two entries for 北京市 in force from 2013-01-01"},
		{"cause of no kind", rulesEdition(t, "bad-cause", func(f *rules.File) { f.Causes[0].Kind = "civl" }), "civl"},
		{"group threshold of one", rulesEdition(t, "bad-group", func(f *rules.File) { f.GroupCauseMinParties = 1 }), "group_cause_min_parties 1"},
		{"empty review keyword", rulesEdition(t, "bad-keyword", func(f *rules.File) { f.ReviewKeywords = append(f.ReviewKeywords, " ") }), "review_keywords["},
		{"file gone", nil, "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newRulesSetup(t)
			if tc.file == nil {
				if err := os.Remove(s.path); err != nil {
					t.Fatal(err)
				}
			} else {
				install(t, s.path, tc.file)
				// The start's verdict on the same bytes: a reload must
				// refuse exactly what a restart would.
				if _, err := rules.Load(tc.file); err == nil {
					t.Fatal("rules.Load accepts the file; the row tests nothing")
				} else if !strings.Contains(err.Error(), tc.reason) {
					t.Fatalf("rules.Load: %v; the row expects %q", err, tc.reason)
				}
			}
			res, err := s.r.Reload(context.Background(), "sighup")
			if !errors.Is(err, reload.ErrRefused) || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("Reload: %v; want ErrRefused saying %q", err, tc.reason)
			}
			if tc.file != nil {
				_, loadErr := rules.Load(tc.file)
				if !strings.Contains(err.Error(), loadErr.Error()) {
					t.Errorf("Reload: %v; want the start's reason %q", err, loadErr)
				}
			}
			if res.Changed || res.Version != s.a.Version() {
				t.Errorf("result %+v; want the serving %s, unchanged", res, s.a.Version())
			}
			if s.serving.Rules() != s.a || s.shadow.Rules() != s.a {
				t.Errorf("serving %s, shadow %s after a refusal; want the rules before", s.serving.Rules().Version(), s.shadow.Rules().Version())
			}
			recs := s.logs.records(t, "rules file refused; the serving rules stay")
			if len(recs) != 1 || recs[0]["level"] != "ERROR" || !strings.Contains(fmt.Sprint(recs[0]["error"]), tc.reason) ||
				recs[0]["serving"] != s.a.Version() || recs[0]["file"] != s.path || recs[0]["trigger"] != "sighup" {
				t.Errorf("log records %v; want one ERROR naming the file, the trigger, the serving version and %q", recs, tc.reason)
			}
			checkRulesMetrics(t, s.reg, rulesMetricsWant(0, 0, 0, 1, 0, 0, s.a.Version(), sha(s.aBytes)))

			// The good file back: nothing to swap, and the failure clears.
			install(t, s.path, s.aBytes)
			if res, err := s.r.Reload(context.Background(), "watch"); err != nil || res.Changed {
				t.Fatalf("Reload of the serving file: %+v, %v; want unchanged", res, err)
			}
			checkRulesMetrics(t, s.reg, rulesMetricsWant(0, 0, 1, 1, 0, 1, s.a.Version(), sha(s.aBytes)))
		})
	}
}

// TestRulesReloadFollows: Follow swaps a new file into both engines on
// its change (the watch) and on SIGHUP, logs the old and new version and
// the file's hash, and exports them; a bad file between is refused once
// (the watch does not retry it at every poll) and the watch goes on. An
// older edition is swapped in like any other (no version order).
func TestRulesReloadFollows(t *testing.T) {
	s := newRulesSetup(t)
	ctx, cancel := context.WithCancel(context.Background())
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() { defer close(done); s.r.Follow(ctx, hup, 5*time.Millisecond) }()
	defer func() { cancel(); <-done }()
	waitSwaps := func(n int) *rules.Engine {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for len(s.logs.records(t, "rules swapped in")) < n {
			if time.Now().After(deadline) {
				t.Fatalf("serving %s; swap %d never logged", s.serving.Rules().Version(), n)
			}
			time.Sleep(time.Millisecond)
		}
		return s.serving.Rules()
	}
	deadline := time.Now().Add(10 * time.Second)
	for metricValue(t, s.reg, "fenjian_rules_reloads_total", "trigger", "watch", "result", "unchanged") < 1 {
		if time.Now().After(deadline) {
			t.Fatal("the watch never polled")
		}
		time.Sleep(time.Millisecond)
	}

	// b gives 北京市 a new small-claims limit from 2027-01-01, as a
	// court's yearly edit does.
	bBytes := rulesEdition(t, "reload-b", func(f *rules.File) {
		f.SmallClaimsLimits = append(f.SmallClaimsLimits, rules.LimitEntry{
			Province: "北京市", EffectiveFrom: "2027-01-01", MandatoryLimitYuan: "70000", AgreementLimitYuan: "280000",
			Statistic: "2025年北京市城镇非私营单位就业人员年平均工资", Source: "北京市高级人民法院2027年1月关于小额诉讼标的额的通知（测试）",
		})
	})
	install(t, s.path, bBytes)
	b := waitSwaps(1)
	if !strings.HasPrefix(b.Version(), "reload-b+") || s.shadow.Rules() != b {
		t.Fatalf("serving %s, shadow %s; want reload-b in both", b.Version(), s.shadow.Rules().Version())
	}
	recs := s.logs.records(t, "rules swapped in")
	if len(recs) != 1 || recs[0]["trigger"] != "watch" || recs[0]["version"] != b.Version() || recs[0]["previous"] != s.a.Version() ||
		recs[0]["sha256"] != sha(bBytes) || recs[0]["level"] != "INFO" {
		t.Errorf("swap log %v; want trigger watch, both versions and the hash", recs)
	}
	checkRulesMetrics(t, s.reg, rulesMetricsWant(0, 1, 1, 0, 0, 1, b.Version(), sha(bBytes)))

	install(t, s.path, []byte(`{"version": "broken",`))
	deadline = time.Now().Add(10 * time.Second)
	for len(s.logs.records(t, "rules file refused; the serving rules stay")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the bad file was never refused")
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // ten polls of the same bad file
	if n := len(s.logs.records(t, "rules file refused; the serving rules stay")); n != 1 {
		t.Errorf("the unchanged bad file was refused %d times; want once per change", n)
	}
	if s.serving.Rules() != b || s.shadow.Rules() != b {
		t.Fatalf("serving %s after a refused file; want %s", s.serving.Rules().Version(), b.Version())
	}

	// SIGHUP alone: the watch stopped; the older edition a goes back in.
	cancel()
	<-done
	hupCtx, hupCancel := context.WithCancel(context.Background())
	hupDone := make(chan struct{})
	go func() { defer close(hupDone); s.r.Follow(hupCtx, hup, 0) }()
	defer func() { hupCancel(); <-hupDone }()
	install(t, s.path, s.aBytes)
	hup <- os.Interrupt // any value: Follow reloads on every signal it is sent
	a := waitSwaps(2)
	if a.Version() != s.a.Version() || s.shadow.Rules() != a {
		t.Fatalf("serving %s, shadow %s; want %s in both", a.Version(), s.shadow.Rules().Version(), s.a.Version())
	}
	checkRulesMetrics(t, s.reg, rulesMetricsWant(1, 1, 1, 0, 1, 1, a.Version(), sha(s.aBytes)))
}

// TestNewRulesRequiresOptions: no file, no loader, no target or a target
// without rules is refused.
func TestNewRulesRequiresOptions(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := triage.New(r, classifier.NewBaseline())
	for name, opts := range map[string]reload.RulesOptions{
		"no file":          {Load: rules.ReadFile, Targets: []reload.RulesTarget{e}},
		"no loader":        {File: "rules.json", Targets: []reload.RulesTarget{e}},
		"no target":        {File: "rules.json", Load: rules.ReadFile},
		"target with none": {File: "rules.json", Load: rules.ReadFile, Targets: []reload.RulesTarget{triage.New(nil, classifier.NewBaseline())}},
	} {
		if _, err := reload.NewRules(opts, nil); err == nil {
			t.Errorf("%s: NewRules succeeded", name)
		}
	}
}
