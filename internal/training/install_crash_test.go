//go:build unix

package training

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// The child process of TestInstallCrashAtEveryStep reads these.
const (
	crashDirEnv  = "FENJIAN_TEST_INSTALL_DIR"
	crashFromEnv = "FENJIAN_TEST_INSTALL_FROM"
	crashAtEnv   = "FENJIAN_TEST_INSTALL_CRASH_AT"
)

// TestInstallCrashChild is the promotion TestInstallCrashAtEveryStep kills:
// it installs the model of $FENJIAN_TEST_INSTALL_FROM into
// $FENJIAN_TEST_INSTALL_DIR and sends itself SIGKILL right after step
// number $FENJIAN_TEST_INSTALL_CRASH_AT, having printed the step. Nothing
// of the process runs after that: no deferred removal, no unlock.
func TestInstallCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("run by TestInstallCrashAtEveryStep")
	}
	at, err := strconv.Atoi(os.Getenv(crashAtEnv))
	if err != nil {
		t.Fatal(err)
	}
	files, err := classifier.ReadArtifactFiles(os.DirFS(os.Getenv(crashFromEnv)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	installStep = func(step string) {
		if n++; n == at {
			fmt.Printf("killed after step %d: %s\n", n, step)
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // until the signal lands
		}
	}
	if err := Install(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
}

// TestInstallCrashAtEveryStep kills a promotion (a child process: this test
// binary running TestInstallCrashChild) with SIGKILL after each of its
// steps in turn, from three starting points: a directory whose files are
// the model (train -out, or a promotion before the versioned layout), one
// promoted into before, and an empty one. After each kill, every reader
// finds the complete old model (nothing, for the empty directory) until
// the step that switches CurrentLink, and the complete new one from it
// on, byte for byte: classifier.Load and the tools' ReadArtifact; a
// server starting (reload's start, as triaged does); and a server that was
// running through the promotion, following the manifest every
// millisecond, which must never have refused a model. Then a promotion
// again completes and leaves only the new version. Before the versioned
// layout, a kill between the renames of the model files and of the
// manifest left the new trees beside the old manifest: no server could
// start from the directory (checksum mismatch).
func TestInstallCrashAtEveryStep(t *testing.T) {
	old, cand := twoModels(t)
	from := filepath.Join(t.TempDir(), "candidate")
	if err := cand.WriteDir(from); err != nil {
		t.Fatal(err)
	}
	scenarios := []struct {
		name  string
		setup func(t *testing.T, dir string)
		old   *Artifact // nil: the directory serves nothing
	}{
		{"files written in place", func(t *testing.T, dir string) {
			if err := old.WriteDir(dir); err != nil {
				t.Fatal(err)
			}
		}, old},
		{"promoted before", func(t *testing.T, dir string) {
			if err := Install(context.Background(), dir, old.Files()); err != nil {
				t.Fatal(err)
			}
		}, old},
		{"empty", func(*testing.T, string) {}, nil},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			steps := recordSteps(t, sc.setup, cand)
			switchAt := lastIndex(steps, "rename "+classifier.CurrentLink) + 1
			if switchAt == 0 {
				t.Fatalf("no switch among the steps %q", steps)
			}
			// One run past the last step: the promotion completes.
			for at := 1; at <= len(steps)+1; at++ {
				want := sc.old
				if at >= switchAt {
					want = cand
				}
				dir := filepath.Join(t.TempDir(), "served")
				sc.setup(t, dir)
				w := startWatcher(t, dir, sc.old != nil)
				out := runCrashChild(t, dir, from, at)
				if at <= len(steps) {
					if wantOut := fmt.Sprintf("killed after step %d: %s\n", at, steps[at-1]); !strings.Contains(out, wantOut) {
						t.Fatalf("child output %q, want %q", out, wantOut)
					}
				}
				label := fmt.Sprintf("killed after step %d (%s)", at, stepName(steps, at))
				checkServes(t, label, dir, want)
				w.check(t, label, want)
				if err := Install(context.Background(), dir, cand.Files()); err != nil {
					t.Fatalf("%s: promoting again: %v", label, err)
				}
				checkOnlyCurrent(t, dir)
			}
		})
	}
}

// recordSteps runs the promotion of cand in this process from setup and
// returns the names of its steps.
func recordSteps(t *testing.T, setup func(*testing.T, string), cand *Artifact) []string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "served")
	setup(t, dir)
	var steps []string
	installStep = func(step string) { steps = append(steps, step) }
	defer func() { installStep = func(string) {} }()
	if err := Install(context.Background(), dir, cand.Files()); err != nil {
		t.Fatal(err)
	}
	return steps
}

func lastIndex(steps []string, step string) int {
	for i := len(steps) - 1; i >= 0; i-- {
		if steps[i] == step {
			return i
		}
	}
	return -1
}

func stepName(steps []string, at int) string {
	if at > len(steps) {
		return "none: completed"
	}
	return steps[at-1]
}

// runCrashChild runs TestInstallCrashChild promoting from into dir, to be
// killed after step at, and returns its output. It fails unless the child
// died of SIGKILL (at within the steps) or passed (at past them).
func runCrashChild(t *testing.T, dir, from string, at int) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInstallCrashChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, crashFromEnv+"="+from, crashAtEnv+"="+strconv.Itoa(at))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		if !strings.Contains(string(out), "--- PASS: TestInstallCrashChild") {
			t.Fatalf("child ran no promotion:\n%s", out)
		}
	case errors.As(err, &exit):
		ws, ok := exit.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("child after step %d: %v, want killed by SIGKILL:\n%s", at, err, out)
		}
	default:
		t.Fatal(err)
	}
	return string(out)
}

// checkServes checks what readers of dir find: want's files byte for byte
// (nothing, want nil) through classifier.ReadDir (what Load and the tools'
// ReadArtifact read), and want's model serving after a server's start
// (reload with classifier.Load, as triaged starts).
func checkServes(t *testing.T, label, dir string, want *Artifact) {
	t.Helper()
	files, _, err := classifier.ReadDir(dir)
	if want == nil {
		if !errors.Is(err, classifier.ErrMissingFile) {
			t.Fatalf("%s: the empty directory reads as %v, want no model (%v)", label, err, classifier.ErrMissingFile)
		}
		r, err := reload.New(reload.Options{Dir: dir, Load: loadScorer, Engine: baselineEngine(t)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.Reload(context.Background(), "start"); !errors.Is(err, reload.ErrRefused) {
			t.Fatalf("%s: a server starting on the empty directory: %v, want refused", label, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	for name, b := range want.Files() {
		if !bytes.Equal(files[name], b) {
			t.Fatalf("%s: %s is not %s's", label, name, want.Manifest.Version)
		}
	}
	e := baselineEngine(t)
	r, err := reload.New(reload.Options{Dir: dir, Load: loadScorer, Engine: e})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := r.Reload(context.Background(), "start"); err != nil || e.Scorer().Version() != want.Manifest.Version {
		t.Fatalf("%s: a server starting: %+v, %v; want %s serving", label, res, err, want.Manifest.Version)
	}
}

// checkOnlyCurrent checks dir holds the three links, CurrentLink, the lock
// and one version: what crashed promotions left is gone.
func checkOnlyCurrent(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names, versions []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), classifier.VersionPrefix) {
			versions = append(versions, e.Name())
			continue
		}
		names = append(names, e.Name())
	}
	want := []string{classifier.CurrentLink, lockFile, classifier.FeaturesFile, classifier.ManifestFile, classifier.ModelFile}
	if strings.Join(names, " ") != strings.Join(want, " ") || len(versions) != 1 {
		t.Fatalf("%s holds %q and versions %q; want %q and one version", dir, names, versions, want)
	}
}

// loadScorer is triaged's -model loader.
func loadScorer(dir string) (triage.Scorer, error) { return classifier.Load(dir) }

func baselineEngine(t *testing.T) *triage.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return triage.New(r, classifier.NewBaseline())
}

// watcher is a server's model reloading, running through a promotion:
// loaded at start (when the directory serves a model) and following the
// manifest every millisecond, as triaged -model-watch does.
type watcher struct {
	engine *triage.Engine
	reg    *prometheus.Registry
	stop   func()
}

func startWatcher(t *testing.T, dir string, load bool) *watcher {
	t.Helper()
	w := &watcher{engine: baselineEngine(t), reg: prometheus.NewRegistry()}
	r, err := reload.New(reload.Options{Dir: dir, Load: loadScorer, Engine: w.engine, Registerer: w.reg})
	if err != nil {
		t.Fatal(err)
	}
	if load {
		if _, err := r.Reload(context.Background(), "start"); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = r.Watch(ctx, time.Millisecond) })
	w.stop = func() { cancel(); wg.Wait() }
	t.Cleanup(w.stop)
	return w
}

// check waits for the watcher to serve want (the baseline it started
// with, want nil) and checks it never refused a model.
func (w *watcher) check(t *testing.T, label string, want *Artifact) {
	t.Helper()
	version := classifier.BaselineVersion
	if want != nil {
		version = want.Manifest.Version
	}
	deadline := time.Now().Add(10 * time.Second)
	for w.engine.Scorer().Version() != version && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	w.stop()
	if got := w.engine.Scorer().Version(); got != version {
		t.Errorf("%s: the running server serves %s, want %s", label, got, version)
	}
	if n := refusals(t, w.reg); n != 0 {
		t.Errorf("%s: the running server refused %v models", label, n)
	}
}

// refusals sums fenjian_model_reloads_total{result="refused"} in reg.
func refusals(t *testing.T, reg *prometheus.Registry) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var n float64
	for _, mf := range mfs {
		if mf.GetName() != "fenjian_model_reloads_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			if hasLabel(m, "result", "refused") {
				n += m.GetCounter().GetValue()
			}
		}
	}
	return n
}

func hasLabel(m *dto.Metric, name, value string) bool {
	for _, l := range m.GetLabel() {
		if l.GetName() == name && l.GetValue() == value {
			return true
		}
	}
	return false
}
