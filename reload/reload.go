// Package reload keeps the served model current without a restart: it loads a
// model directory, verifies and smoke-tests the new model, and only then swaps
// it into the triage engine. A model that fails any step is refused, logged
// and counted, and the model already serving goes on serving; requests in
// flight finish on whichever model they started with (the engine's scorer is
// an atomic pointer).
//
// A reload is triggered by SIGHUP, by the AdminService.ReloadModel RPC, or by
// a change of the directory's manifest.json, which Watch polls: polling a
// file is portable across the volume types a court's cluster mounts (NFS,
// ConfigMaps, hostPath), where inotify is not.
//
// The teams file (triaged -teams) is kept current the same way, by the same
// watch and signal loop: TeamsReloader validates a changed file as the start
// does and only then swaps it into the routing.Table every decision reads
// once, so a decision is routed wholly by one table; a refused file is
// logged, counted and leaves the table serving. The rules file (triaged
// -rules) too: RulesReloader loads a changed file with the start's own
// loader and only then swaps it into every engine deciding under the
// serving rules, each decision reading its rules once. The holiday
// calendar (triaged -holidays) too: HolidaysReloader reads a changed file
// with the start's own reader and only then swaps it into those engines;
// the calendar lives inside their rules, so both reloaders swap through
// one Law, which keeps each half when the other changes. The tokens and roles
// files (triaged -tokens, -roles) too: CredentialsReloader checks a changed
// file with the start's own reader and the target's team check and only
// then swaps it into the credentials every call is authenticated by, so a
// leaked token is revoked without a restart. The file reloaders share
// one reload (fileReloader) and one set of metrics (fileMetrics).
package reload

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// ManifestFile is the file in a model directory whose change means a new model.
const ManifestFile = "manifest.json"

// Loader loads and verifies the model in a directory.
type Loader func(dir string) (triage.Scorer, error)

// ErrRefused wraps every reason a new model is not swapped in.
var ErrRefused = errors.New("model refused")

// TriggerStart is the trigger of the reload a server starts with: a
// refusal then stops the start, as no model serves yet.
const TriggerStart = "start"

// Options configure a Reloader.
type Options struct {
	// Dir is the model directory; required.
	Dir string
	// Load loads a directory; required.
	Load Loader
	// Engine receives the new scorer; required.
	Engine *triage.Engine
	// Smoke are filings the new model must score sensibly before the swap;
	// nil uses SmokeFilings.
	Smoke []*triagev1.Filing
	// Logger; nil discards.
	Logger *slog.Logger
	// Registerer for the reload metrics; nil registers nothing.
	Registerer prometheus.Registerer
	// Now stamps LoadedAt; nil means time.Now.
	Now func() time.Time
}

// Result is the outcome of a successful reload.
type Result struct {
	Version, Previous string
	// Changed is false when the manifest was the one already serving.
	Changed bool
}

// Reloader swaps models into a triage engine. Reloads are serialised.
type Reloader struct {
	opts    Options
	logger  *slog.Logger
	metrics *metrics

	mu       sync.Mutex
	manifest []byte // manifest.json of the model serving, nil before the first load
	loadedAt time.Time
}

// New returns a Reloader. It does not load anything: call Reload once at
// start so that a bad model directory stops the start instead of serving the
// embedded default unnoticed.
func New(opts Options) (*Reloader, error) {
	if opts.Dir == "" || opts.Load == nil || opts.Engine == nil {
		return nil, errors.New("reload: Dir, Load and Engine are required")
	}
	if opts.Smoke == nil {
		opts.Smoke = SmokeFilings()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return nil, fmt.Errorf("reload metrics: %w", err)
	}
	l := opts.Logger
	if l == nil {
		l = slog.New(slog.DiscardHandler)
	}
	return &Reloader{opts: opts, logger: l.With(slog.String("component", "reload")), metrics: m}, nil
}

// Dir returns the watched model directory.
func (r *Reloader) Dir() string { return r.opts.Dir }

// LoadedAt returns when the serving model was swapped in (zero before).
func (r *Reloader) LoadedAt() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.loadedAt
}

// Reload loads the directory, verifies and smoke-tests the model and swaps it
// in. The error wraps ErrRefused when the model was refused; the serving
// model is then unchanged.
func (r *Reloader) Reload(ctx context.Context, trigger string) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	prev := r.opts.Engine.Scorer().Version()
	res, err := r.reloadLocked(ctx)
	if err != nil {
		r.metrics.reloads.WithLabelValues(trigger, "refused").Inc()
		r.metrics.lastOK.Set(0)
		if trigger == TriggerStart {
			// Nothing serves yet: the start stops on this error (triaged
			// never falls back to the embedded model), so "the serving
			// model stays", naming the embedded one, misled (outside check 20).
			r.logger.Error("model refused at start; triaged does not start on this directory",
				slog.String("trigger", trigger), slog.String("dir", r.opts.Dir), slog.String("error", err.Error()))
			return Result{Version: prev, Previous: prev}, err
		}
		r.logger.Error("model refused; the serving model stays",
			slog.String("trigger", trigger), slog.String("dir", r.opts.Dir),
			slog.String("serving", prev), slog.String("error", err.Error()))
		return Result{Version: prev, Previous: prev}, err
	}
	outcome := "unchanged"
	if res.Changed {
		outcome = "swapped"
		r.logger.Info("model swapped in", slog.String("trigger", trigger),
			slog.String("version", res.Version), slog.String("previous", res.Previous))
	}
	r.metrics.reloads.WithLabelValues(trigger, outcome).Inc()
	r.metrics.lastOK.Set(1)
	return res, nil
}

func (r *Reloader) reloadLocked(ctx context.Context) (Result, error) {
	prev := r.opts.Engine.Scorer().Version()
	manifest, err := os.ReadFile(filepath.Join(r.opts.Dir, ManifestFile))
	if err != nil {
		return Result{}, fmt.Errorf("%w: read manifest: %w", ErrRefused, err)
	}
	if r.manifest != nil && bytes.Equal(manifest, r.manifest) {
		return Result{Version: prev, Previous: prev}, nil
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	s, err := r.opts.Load(r.opts.Dir)
	if err != nil {
		return Result{}, fmt.Errorf("%w: load %s: %w", ErrRefused, r.opts.Dir, err)
	}
	if err := smokeTest(r.opts.Engine.Rules(), s, r.opts.Smoke); err != nil {
		return Result{}, fmt.Errorf("%w: smoke test of %s: %w", ErrRefused, s.Version(), err)
	}
	r.opts.Engine.SetScorer(s)
	r.manifest = manifest
	r.loadedAt = r.opts.Now()
	r.metrics.setInfo(s.Version())
	return Result{Version: s.Version(), Previous: prev, Changed: true}, nil
}

// Watch polls the manifest every interval and reloads when its bytes change,
// until ctx ends. A refused model is retried only when the manifest changes
// again, so a broken promotion is logged once per change, not every poll.
func (r *Reloader) Watch(ctx context.Context, interval time.Duration) error {
	watchFile(ctx, filepath.Join(r.opts.Dir, ManifestFile), interval, r.Reload)
	return nil
}

// Follow keeps the model current until ctx ends: it reloads on every value
// from signals (SIGHUP, trigger "sighup") and, when interval > 0, whenever
// the manifest changes (Watch). A refused model is logged and counted by
// Reload and the serving model stays: following never stops the service.
// Follow returns once ctx has ended and its watch has returned.
func (r *Reloader) Follow(ctx context.Context, signals <-chan os.Signal, interval time.Duration) {
	follow(ctx, filepath.Join(r.opts.Dir, ManifestFile), signals, interval, r.Reload)
}

// reloadFunc is a reloader's Reload; trigger names what asked for it.
type reloadFunc[R any] func(ctx context.Context, trigger string) (R, error)

// watchFile polls path every interval until ctx ends and calls reload
// (trigger "watch") whenever its bytes change: the model's manifest, the
// teams, rules, holidays, tokens and roles files. The first poll compares with nothing, so a change between
// the reloader's start and its first poll is not missed (reloading bytes
// already serving is "unchanged"). A file that cannot be read is skipped:
// mid-promotion, a ConfigMap's link being switched, a volume remounting;
// the next poll sees the result. A refusal is logged and counted by reload,
// and is retried only when the bytes change again, so a broken file is
// logged once per change, not at every poll.
func watchFile[R any](ctx context.Context, path string, interval time.Duration, reload reloadFunc[R]) {
	t := time.NewTicker(interval)
	defer t.Stop()
	var lastSeen [sha256.Size]byte
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(b)
		if sum == lastSeen {
			continue
		}
		lastSeen = sum
		_, _ = reload(ctx, "watch")
	}
}

// follow runs a reloader until ctx ends: reload on every value from signals
// (trigger "sighup") and, when interval > 0, whenever path changes
// (watchFile). It returns once ctx has ended and the watch has returned.
func follow[R any](ctx context.Context, path string, signals <-chan os.Signal, interval time.Duration, reload reloadFunc[R]) {
	var wg sync.WaitGroup
	defer wg.Wait()
	if interval > 0 {
		wg.Go(func() { watchFile(ctx, path, interval, reload) })
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-signals:
			_, _ = reload(ctx, "sighup")
		}
	}
}

// smokeTest scores the filings with a new scorer: it must not panic and must
// give finite, non-negative probabilities with some mass on an open procedure.
func smokeTest(rl *rules.Engine, s triage.Scorer, filings []*triagev1.Filing) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("scorer panicked: %v", p)
		}
	}()
	if s.Version() == "" {
		return errors.New("scorer has no version")
	}
	for _, f := range filings {
		a, err := rl.Evaluate(f)
		if err != nil {
			return fmt.Errorf("smoke filing %s: %w", f.GetId(), err)
		}
		var p triage.Probabilities
		s.Score(f, a, &p)
		open := 0.0
		for _, o := range a.Options {
			x := p[o.GetProcedure()]
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				return fmt.Errorf("filing %s: probability of %v is %v", f.GetId(), o.GetProcedure(), x)
			}
			if o.GetAvailable() {
				open += x
			}
		}
		if open <= 0 {
			return fmt.Errorf("filing %s: no probability on any open procedure", f.GetId())
		}
	}
	return nil
}
