package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// rulesEdition returns the embedded rules file as a court's edition of
// it: its own version and, when keyword is not empty, one more review
// keyword (a court adding a phrase that signals a 四类案件).
func rulesEdition(t testing.TB, version, keyword string) []byte {
	t.Helper()
	var f rules.File
	if err := json.Unmarshal(rules.DefaultFile(), &f); err != nil {
		t.Fatal(err)
	}
	f.Version = version
	if keyword != "" {
		f.ReviewKeywords = append(f.ReviewKeywords, keyword)
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// replaceRules writes b as the rules file at path in one rename, as a
// ConfigMap update does.
func replaceRules(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path+".tmp", b, 0o600); err != nil {
		t.Error(err)
		return
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		t.Error(err)
	}
}

// TestRulesSwapUnderLoad swaps the rules file back and forth through the
// rules reloader (the file rewritten, then reloaded as the watch does),
// and swaps the other edition in during every evaluation, while Triage
// calls run on a real server and store: no call fails, and
// every decision is wholly the one the rules its rules_version names
// decide (the same filing decided again by those rules gives the same
// options, recommendation and review reasons), as stored. The second
// edition makes every loan a review case (a keyword its text holds), so a
// decision evaluated by one file and stamped with the other's version
// would differ.
func TestRulesSwapUnderLoad(t *testing.T) {
	forEachBackend(t, func(t *testing.T, be backend) {
		ctx := testContext(t)
		path := filepath.Join(t.TempDir(), "rules.json")
		aBytes, bBytes := rulesEdition(t, "swap-a", ""), rulesEdition(t, "swap-b", "借款")
		replaceRules(t, path, aBytes)
		a, started, err := rules.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := rules.Load(bBytes)
		if err != nil {
			t.Fatal(err)
		}
		scorer := classifier.NewBaseline()
		// Two swappers: the reloader, on the files (a reload takes a few
		// ms, parsing 250 KB), and every evaluation itself, which swaps the
		// other edition in while it runs: each call then meets a swap
		// between reading its rules and stamping the decision, where a
		// second read of the engine's pointer would take the other file's.
		var engine *triage.Engine
		flipped := map[string]*rules.Engine{}
		flip := func(*triagev1.Filing) {
			next := b
			if engine.Rules().Version() == b.Version() {
				next = a
			}
			engine.SetRules(flipped[next.Version()])
		}
		flipped[a.Version()], flipped[b.Version()] = a.WithEvaluateObserver(flip), b.WithEvaluateObserver(flip)
		engine = triage.New(flipped[a.Version()], scorer)
		load := func(path string) (*rules.Engine, []byte, error) {
			e, bs, err := rules.ReadFile(path)
			if err != nil {
				return nil, bs, err
			}
			return e.WithEvaluateObserver(flip), bs, nil
		}
		r, err := reload.NewRules(reload.RulesOptions{File: path, Load: load, Targets: []reload.RulesTarget{engine}}, started)
		if err != nil {
			t.Fatal(err)
		}
		h := startServer(t, deps{decider: engine, store: openTarget(t, be.target)})
		byVersion := map[string]*triage.Engine{a.Version(): triage.New(a, scorer), b.Version(): triage.New(b, scorer)}

		makers := []func(string) *triagev1.Filing{
			loanFiling, simplifiedFiling, adminFiling,
			func(id string) *triagev1.Filing { return criminalFiling(id, true) },
		}
		// The two editions must answer a loan differently, or the test
		// could not tell which decided it.
		da, _ := byVersion[a.Version()].Decide(ctx, loanFiling("probe"))
		db, _ := byVersion[b.Version()].Decide(ctx, loanFiling("probe"))
		if da.GetNeedsReview() == db.GetNeedsReview() {
			t.Fatalf("both editions give a loan needs_review %v; the test needs them to differ", da.GetNeedsReview())
		}

		type call struct {
			f   *triagev1.Filing
			d   *triagev1.Decision
			err error
		}
		const workers, perWorker = 6, 20
		calls := make([][]call, workers)
		stop := make(chan struct{})
		swapped := make(chan int, 1)
		go func() {
			n := 0
			for {
				select {
				case <-stop:
					swapped <- n
					return
				default:
				}
				next := aBytes
				if n%2 == 0 {
					next = bBytes
				}
				replaceRules(t, path, next)
				if res, err := r.Reload(context.Background(), "watch"); err != nil || !res.Changed {
					t.Errorf("reload %d: %+v, %v", n, res, err)
				}
				n++
			}
		}()
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := range perWorker {
					f := makers[(w+i)%len(makers)](fmt.Sprintf("rswap-%d-%d", w, i))
					resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
					calls[w] = append(calls[w], call{f: f, d: resp.GetDecision(), err: err})
				}
			})
		}
		wg.Wait()
		close(stop)
		n := <-swapped
		if n < 2 {
			t.Fatalf("the rules were swapped %d times during the load", n)
		}

		seen := map[string]int{}
		for _, c := range slices.Concat(calls...) {
			if c.err != nil {
				t.Errorf("Triage(%s): %v", c.f.GetId(), c.err)
				continue
			}
			eng := byVersion[c.d.GetRulesVersion()]
			if eng == nil {
				t.Errorf("%s: rules_version %q, neither %s nor %s", c.f.GetId(), c.d.GetRulesVersion(), a.Version(), b.Version())
				continue
			}
			seen[c.d.GetRulesVersion()]++
			want, err := eng.Decide(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, c.d, protocmp.Transform(),
				protocmp.IgnoreFields(&triagev1.Decision{}, "decision_id", "decided_at", "recorded_by")); diff != "" {
				t.Errorf("%s: the decision is not what its rules %s decide (-want +got):\n%s", c.f.GetId(), c.d.GetRulesVersion(), diff)
			}
			stored, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: c.d.GetDecisionId()})
			if err != nil {
				t.Errorf("GetDecision(%s): %v", c.f.GetId(), err)
				continue
			}
			if diff := cmp.Diff(c.d, stored.GetDecision(), protocmp.Transform()); diff != "" {
				t.Errorf("%s: stored decision differs from the answer (-answer +stored):\n%s", c.f.GetId(), diff)
			}
		}
		if seen[a.Version()] == 0 || seen[b.Version()] == 0 {
			t.Errorf("decisions by rules version: %v; want both editions to have decided some", seen)
		}
		t.Logf("%d swaps; decisions by rules version: %v", n, seen)
	})
}
