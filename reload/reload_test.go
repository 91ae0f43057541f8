package reload_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/modeltest"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

func writeModel(t testing.TB, dir, version string) { modeltest.Write(t, dir, version) }

func loadModel(dir string) (triage.Scorer, error) { return classifier.Load(dir) }

func newEngine(t testing.TB) *triage.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return triage.New(r, classifier.NewBaseline())
}

func newReloader(t testing.TB, dir string, e *triage.Engine, reg prometheus.Registerer, load reload.Loader) *reload.Reloader {
	t.Helper()
	if load == nil {
		load = loadModel
	}
	r, err := reload.New(reload.Options{Dir: dir, Load: load, Engine: e, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReloadSwapsAndRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeModel(t, dir, "model-a")
	e := newEngine(t)
	reg := prometheus.NewRegistry()
	r := newReloader(t, dir, e, reg, nil)

	res, err := r.Reload(ctx, "start")
	if err != nil || !res.Changed || res.Version != "model-a" || res.Previous != classifier.BaselineVersion {
		t.Fatalf("first load: %+v, %v", res, err)
	}
	if got := e.Scorer().Version(); got != "model-a" {
		t.Fatalf("serving %s, want model-a", got)
	}
	if res, err := r.Reload(ctx, "rpc"); err != nil || res.Changed || res.Version != "model-a" {
		t.Fatalf("reload of the same manifest: %+v, %v; want unchanged", res, err)
	}

	writeModel(t, dir, "model-b")
	if res, err := r.Reload(ctx, "sighup"); err != nil || !res.Changed || res.Version != "model-b" || res.Previous != "model-a" {
		t.Fatalf("reload of a new model: %+v, %v", res, err)
	}

	// Broken promotions: each is refused and model-b keeps serving.
	broken := []struct {
		name   string
		break_ func(t *testing.T)
	}{
		{"truncated model file", func(t *testing.T) {
			writeModel(t, dir, "model-c")
			modeltest.Corrupt(t, dir)
		}},
		{"manifest that is not JSON", func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, reload.ManifestFile), []byte("{not json"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"manifest missing", func(t *testing.T) {
			if err := os.Remove(filepath.Join(dir, reload.ManifestFile)); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for i, tt := range broken {
		t.Run(tt.name, func(t *testing.T) {
			tt.break_(t)
			res, err := r.Reload(ctx, "rpc")
			if !errors.Is(err, reload.ErrRefused) {
				t.Fatalf("got %+v, %v; want ErrRefused", res, err)
			}
			if got := e.Scorer().Version(); got != "model-b" {
				t.Fatalf("serving %s after a refused model, want model-b", got)
			}
			// Every reload so far, each counted once under its trigger and
			// result, and this one as the (i+1)th refusal.
			want := reloadsWant(
				`result="swapped",trigger="start"} 1`,
				`result="unchanged",trigger="rpc"} 1`,
				`result="swapped",trigger="sighup"} 1`,
				fmt.Sprintf(`result="refused",trigger="rpc"} %d`, i+1))
			if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_model_reloads_total"); err != nil {
				t.Error(err)
			}
		})
	}
	// A good promotion after broken ones is taken.
	writeModel(t, dir, "model-d")
	if res, err := r.Reload(ctx, "rpc"); err != nil || res.Version != "model-d" {
		t.Fatalf("recovery: %+v, %v", res, err)
	}
	if r.LoadedAt().IsZero() {
		t.Error("LoadedAt not set")
	}
}

// reloadsWant is the exposition of fenjian_model_reloads_total with the
// series lines (`labels} value`), and every trigger's refusals the lines do
// not name at 0, as the metrics start them.
func reloadsWant(lines ...string) string {
	want := reloadsHeader
	for _, l := range lines {
		want += "fenjian_model_reloads_total{" + l + "\n"
	}
	for _, trigger := range []string{"start", "sighup", "rpc", "watch"} {
		refused := `result="refused",trigger="` + trigger + `"}`
		if !strings.Contains(want, refused) {
			want += "fenjian_model_reloads_total{" + refused + " 0\n"
		}
	}
	return want
}

// reloadsHeader opens the exposition of fenjian_model_reloads_total.
const reloadsHeader = "# HELP fenjian_model_reloads_total Model reload attempts by trigger (start, sighup, rpc, watch) and result (swapped, unchanged, refused).\n" +
	"# TYPE fenjian_model_reloads_total counter\n"

// nanScorer is a model that loads but answers NaN: the smoke test must stop it.
type nanScorer struct{}

func (nanScorer) Version() string { return "nan-model" }
func (nanScorer) Score(_ *triagev1.Filing, _ *rules.Assessment, p *triage.Probabilities) {
	for i := range p {
		p[i] = math.NaN()
	}
}

type panicScorer struct{}

func (panicScorer) Version() string                                                  { return "panic-model" }
func (panicScorer) Score(*triagev1.Filing, *rules.Assessment, *triage.Probabilities) { panic("boom") }

func TestSmokeTestRefusesBadScorers(t *testing.T) {
	dir := t.TempDir()
	writeModel(t, dir, "model-a")
	for _, s := range []triage.Scorer{nanScorer{}, panicScorer{}} {
		t.Run(s.Version(), func(t *testing.T) {
			e := newEngine(t)
			r := newReloader(t, dir, e, nil, func(string) (triage.Scorer, error) { return s, nil })
			if _, err := r.Reload(context.Background(), "start"); !errors.Is(err, reload.ErrRefused) {
				t.Fatalf("got %v, want ErrRefused", err)
			}
			if got := e.Scorer().Version(); got != classifier.BaselineVersion {
				t.Fatalf("serving %s, want the previous scorer", got)
			}
		})
	}
}

// TestFollow drives Follow on the fake clock of a synctest bubble: a
// promotion is swapped in at the next watch tick, a signal reloads at once,
// and a broken promotion is refused once per change of its manifest, not
// once per tick.
func TestFollow(t *testing.T) {
	const tick = 10 * time.Second
	tests := []struct {
		name     string
		interval time.Duration
		// step changes the model directory or signals, then lets the
		// bubble run for wait.
		step func(t *testing.T, dir string, hup chan<- os.Signal)
		wait time.Duration
		// want is the serving version afterwards; reloads are the
		// fenjian_model_reloads_total series besides the start's, as
		// `labels} value` (a watch's first tick finds the manifest
		// serving: "unchanged").
		want    string
		reloads []string
	}{
		{
			name: "watch swaps in a promotion at the next tick", interval: tick,
			step: func(t *testing.T, dir string, _ chan<- os.Signal) { writeModel(t, dir, "model-b") },
			wait: tick, want: "model-b",
			reloads: []string{`result="swapped",trigger="watch"} 1`, `result="unchanged",trigger="watch"} 1`},
		},
		{
			name: "watch waits for its tick", interval: tick,
			step: func(t *testing.T, dir string, _ chan<- os.Signal) { writeModel(t, dir, "model-b") },
			wait: tick / 2, want: "model-a",
			reloads: []string{`result="unchanged",trigger="watch"} 1`},
		},
		{
			name: "signal reloads at once without a watch", interval: 0,
			step: func(t *testing.T, dir string, hup chan<- os.Signal) {
				writeModel(t, dir, "model-b")
				hup <- syscall.SIGHUP
			},
			wait: 0, want: "model-b",
			reloads: []string{`result="swapped",trigger="sighup"} 1`},
		},
		{
			name: "no watch, no signal, no reload", interval: 0,
			step: func(t *testing.T, dir string, _ chan<- os.Signal) { writeModel(t, dir, "model-b") },
			wait: time.Hour, want: "model-a",
			reloads: nil,
		},
		{
			name: "broken promotion refused once per manifest change", interval: tick,
			step: func(t *testing.T, dir string, _ chan<- os.Signal) { modeltest.WriteBroken(t, dir, "model-b") },
			wait: 10 * tick, want: "model-a",
			reloads: []string{`result="refused",trigger="watch"} 1`, `result="unchanged",trigger="watch"} 1`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeModel(t, dir, "model-a")
			synctest.Test(t, func(t *testing.T) {
				// The bubble's clock starts in 2000, before the smoke
				// filings were filed: the rules date them by a clock of
				// their own.
				rl, err := rules.Default()
				if err != nil {
					t.Fatal(err)
				}
				e := triage.New(rl.WithClock(func() time.Time { return time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC) }), classifier.NewBaseline())
				reg := prometheus.NewRegistry()
				r := newReloader(t, dir, e, reg, nil)
				if _, err := r.Reload(t.Context(), "start"); err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithCancel(t.Context())
				hup := make(chan os.Signal)
				done := make(chan struct{})
				go func() {
					defer close(done)
					r.Follow(ctx, hup, tt.interval)
				}()
				// The watch reads the manifest it starts with at its
				// first tick; let that pass before changing anything.
				if tt.interval > 0 {
					time.Sleep(tt.interval)
					synctest.Wait()
				}
				tt.step(t, dir, hup)
				time.Sleep(tt.wait)
				synctest.Wait()
				if got := e.Scorer().Version(); got != tt.want {
					t.Errorf("serving %s, want %s", got, tt.want)
				}
				want := reloadsWant(append([]string{`result="swapped",trigger="start"} 1`}, tt.reloads...)...)
				if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_model_reloads_total"); err != nil {
					t.Error(err)
				}
				cancel()
				<-done // Follow returns once ctx ends, its watch too
			})
		})
	}
}

// TestSwapUnderLoad: decisions keep succeeding while models are swapped back
// and forth, and each carries the version of a whole model.
func TestSwapUnderLoad(t *testing.T) {
	dirA, dirB := t.TempDir(), t.TempDir()
	writeModel(t, dirA, "model-a")
	writeModel(t, dirB, "model-b")
	e := newEngine(t)
	ra := newReloader(t, dirA, e, nil, nil)
	rb := newReloader(t, dirB, e, nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	f := reload.SmokeFilings()[0]
	var decided, failed atomic.Int64
	seen := sync.Map{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for ctx.Err() == nil {
				d, err := e.Decide(context.Background(), f)
				if err != nil {
					failed.Add(1)
					continue
				}
				decided.Add(1)
				seen.Store(d.GetModelVersion(), true)
			}
		})
	}
	for i := range 12 {
		r := ra
		if i%2 == 1 {
			r = rb
		}
		// Each reloader thinks its model is new every other round.
		writeModel(t, r.Dir(), []string{"model-a", "model-b"}[i%2]+"-"+string(rune('a'+i)))
		if _, err := r.Reload(context.Background(), "rpc"); err != nil {
			t.Fatalf("reload %d: %v", i, err)
		}
	}
	cancel()
	wg.Wait()
	if failed.Load() != 0 || decided.Load() == 0 {
		t.Fatalf("%d decisions failed, %d succeeded during swaps", failed.Load(), decided.Load())
	}
	seen.Range(func(k, _ any) bool {
		v := k.(string)
		if v != classifier.BaselineVersion && len(v) < len("model-a-") {
			t.Errorf("decision carries unexpected version %q", v)
		}
		return true
	})
}

func TestNewRequiresOptions(t *testing.T) {
	if _, err := reload.New(reload.Options{}); err == nil {
		t.Fatal("New with no options succeeded")
	}
}

// TestLastReloadSuccessfulStaysUntilRepaired follows a model directory
// through a broken push: fenjian_model_last_reload_successful is 0 from
// the refusal until a model that loads is put there, however many reloads
// refuse it meanwhile, and 1 again from then on. The counter alone could
// not say it: the watch retries a refused manifest only when it changes,
// so its increase fell back to 0 fifteen minutes after the refusal while
// the directory still held the model refused, and a replica starting on it
// failed (outside check 20).
func TestLastReloadSuccessfulStaysUntilRepaired(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	e := newEngine(t)
	reg := prometheus.NewRegistry()
	r := newReloader(t, dir, e, reg, nil)
	steps := []struct {
		name    string
		change  func(t *testing.T)
		trigger string
		refused bool
		want    int
		serving string
	}{
		{"first model", func(t *testing.T) { writeModel(t, dir, "model-a") }, "start", false, 1, "model-a"},
		{"broken model pushed", func(t *testing.T) { modeltest.WriteBroken(t, dir, "model-b") }, "watch", true, 0, "model-a"},
		{"SIGHUP on the same broken model", func(*testing.T) {}, "sighup", true, 0, "model-a"},
		{"AdminService reload on it", func(*testing.T) {}, "rpc", true, 0, "model-a"},
		{"model file corrupted", func(t *testing.T) { writeModel(t, dir, "model-c"); modeltest.Corrupt(t, dir) }, "watch", true, 0, "model-a"},
		{"repaired", func(t *testing.T) { writeModel(t, dir, "model-d") }, "watch", false, 1, "model-d"},
		{"unchanged after the repair", func(*testing.T) {}, "sighup", false, 1, "model-d"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.change(t)
			_, err := r.Reload(ctx, st.trigger)
			if refused := errors.Is(err, reload.ErrRefused); refused != st.refused {
				t.Fatalf("reload: %v; want refused %v", err, st.refused)
			}
			if got := e.Scorer().Version(); got != st.serving {
				t.Errorf("serving %s, want %s", got, st.serving)
			}
			want := fmt.Sprintf(lastOKHeader+"fenjian_model_last_reload_successful %d\n", st.want)
			if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_model_last_reload_successful"); err != nil {
				t.Error(err)
			}
		})
	}
}

// lastOKHeader opens the exposition of fenjian_model_last_reload_successful.
const lastOKHeader = "# HELP fenjian_model_last_reload_successful 1 when the last model reload swapped the model in or found it unchanged (and before any), 0 when it refused the model directory: the model serving is older than the directory's, and a start on the directory would fail.\n" +
	"# TYPE fenjian_model_last_reload_successful gauge\n"

// TestRefusalLogSaysWhatServes: a model refused at start is logged as
// stopping the start (nothing serves: triaged exits), not as "the serving
// model stays" naming the embedded model, which never serves there; a
// refusal later keeps the model serving and says which.
func TestRefusalLogSaysWhatServes(t *testing.T) {
	for _, tt := range []struct {
		name      string
		startGood bool
		trigger   string
		wantMsg   string
		serving   bool
	}{
		{"broken directory at start", false, reload.TriggerStart, "model refused at start; triaged does not start on this directory", false},
		{"broken model pushed later", true, "watch", "model refused; the serving model stays", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var logs bytes.Buffer
			r, err := reload.New(reload.Options{Dir: dir, Load: loadModel, Engine: newEngine(t), Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
			if err != nil {
				t.Fatal(err)
			}
			if tt.startGood {
				writeModel(t, dir, "model-a")
				if _, err := r.Reload(context.Background(), reload.TriggerStart); err != nil {
					t.Fatal(err)
				}
			}
			modeltest.WriteBroken(t, dir, "model-b")
			if _, err := r.Reload(context.Background(), tt.trigger); !errors.Is(err, reload.ErrRefused) {
				t.Fatalf("reload: %v, want refused", err)
			}
			var rec struct {
				Msg     string  `json:"msg"`
				Serving *string `json:"serving"`
			}
			lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
			if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rec); err != nil {
				t.Fatal(err)
			}
			if rec.Msg != tt.wantMsg || (rec.Serving != nil) != tt.serving {
				t.Errorf("logged %q (serving %v), want %q (serving given: %v)", rec.Msg, rec.Serving, tt.wantMsg, tt.serving)
			}
		})
	}
}
