//go:build unix

package store_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// crashEnv carries the store target to the helper process of TestKill9.
const crashEnv = "FENJIAN_STORE_CRASH_TARGET"

// TestCrashHelper is not a test: TestKill9 runs the test binary again with
// crashEnv set and only this test selected, and it then writes to the store
// from several goroutines until it is killed, printing one line per write
// the store acknowledged:
//
//	decision <decision_id>
//	outcome <decision_id> <outcome_id>
//	assignment <team_id> <cursor>
func TestCrashHelper(t *testing.T) {
	target := os.Getenv(crashEnv)
	if target == "" {
		return // run directly: nothing to do
	}
	ctx := context.Background()
	s, err := store.Open(ctx, target, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper: open:", err)
		os.Exit(2)
	}
	var mu sync.Mutex
	ack := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		// Unbuffered: the line is in the pipe before the next write begins.
		fmt.Fprintf(os.Stdout, format+"\n", args...)
	}
	teams := []store.TeamSlot{{TeamID: "A", Capacity: 1 << 40}, {TeamID: "B", Capacity: 1 << 40}}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				d, f := civilCase(fmt.Sprintf("g%d-%d", g, i))
				var err error
				if i%2 == 0 {
					err = s.SaveDecision(ctx, d, f)
				} else {
					err = s.SaveTriage(ctx, d, f, plan(uint64(i), teams...))
				}
				if err != nil {
					fmt.Fprintln(os.Stderr, "helper: save:", err)
					continue
				}
				ack("decision %s", d.GetDecisionId())
				if a := d.GetAssignment(); a != nil {
					ack("assignment %s %s", a.GetTeamId(), a.GetCursor())
				}
				switch i % 5 {
				case 3:
					o := &triagev1.Outcome{DecisionId: d.GetDecisionId(), Procedure: triagev1.Procedure_PROCEDURE_ORDINARY}
					if err := s.SaveOutcome(ctx, o); err == nil {
						ack("outcome %s %s", o.GetDecisionId(), o.GetOutcomeId())
					}
				case 4:
					// To a team the case is not with: one to its own is
					// refused (ErrSameTeam) and would test nothing.
					to := "B"
					if d.GetAssignment().GetTeamId() == "B" {
						to = "A"
					}
					a := &triagev1.Assignment{DecisionId: d.GetDecisionId(), TeamId: to, Reason: "designated"}
					if err := s.SaveAssignment(ctx, a); err == nil {
						ack("assignment %s %s", a.GetTeamId(), a.GetCursor())
					}
				}
			}
		})
	}
	wg.Wait() // never: the parent kills the process
}

// TestKill9 kills a process that is saving to the store with SIGKILL in the
// middle of a burst (docs/architecture.md, Targets: a decision acknowledged is never lost).
// After reopening, everything it acknowledged is stored and the audit chain
// verifies.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a helper process")
	}
	forEachStore(t, func(t *testing.T, b *backend) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+b.target)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		const killAfter = 400
		var acked []string
		killed := false
		timer := time.AfterFunc(60*time.Second, func() { _ = cmd.Process.Kill() })
		defer timer.Stop()
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			acked = append(acked, sc.Text())
			if len(acked) == killAfter && !killed {
				// SIGKILL: no deferred function, no Close, no flush.
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
				killed = true
			}
		}
		err = cmd.Wait()
		if !killed {
			t.Fatalf("helper stopped after %d acknowledgements: %v\n%s", len(acked), err, tail(stderr.String(), 20))
		}
		t.Logf("killed the helper after %d acknowledgements (%d printed in all)", killAfter, len(acked))

		s := b.open(t, store.Options{})
		ctx := context.Background()
		feeds := map[string][]string{}
		for _, line := range acked {
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "decision":
				if _, err := s.GetDecision(ctx, f[1]); err != nil {
					t.Errorf("acknowledged decision %s lost: %v", f[1], err)
				}
			case len(f) == 3 && f[0] == "outcome":
				got, err := s.ListOutcomes(ctx, f[1])
				if err != nil || !slices.ContainsFunc(got, func(o *triagev1.Outcome) bool { return o.GetOutcomeId() == f[2] }) {
					t.Errorf("acknowledged outcome %s of %s lost: %v", f[2], f[1], err)
				}
			case len(f) == 3 && f[0] == "assignment":
				feeds[f[1]] = append(feeds[f[1]], f[2])
			default:
				t.Errorf("helper printed %q", line)
			}
		}
		for team, cursors := range feeds {
			got, err := s.ListAssignments(ctx, team, 0, 10000)
			if err != nil {
				t.Fatal(err)
			}
			stored := map[string]bool{}
			for _, a := range got {
				stored[a.GetCursor()] = true
			}
			for _, c := range cursors {
				if !stored[c] {
					t.Errorf("acknowledged assignment to %s at cursor %s lost", team, c)
				}
			}
		}
		t.Log(verifyOK(t, s))
	})
}
