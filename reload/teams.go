package reload

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/routing"
)

// TeamsTarget holds the teams a server routes by. *routing.Table satisfies
// it: every decision reads it once, so a swap never splits one.
type TeamsTarget interface {
	Teams() *routing.Teams
	SetTeams(*routing.Teams) error
}

// TeamsOptions configure a TeamsReloader.
type TeamsOptions struct {
	// File is the teams file (triaged -teams); required.
	File string
	// Target receives the new teams; required. It must hold the teams the
	// server started with, loaded from File.
	Target TeamsTarget
	// Check, if set, is what else a new table must pass beyond
	// routing.Load's validation, the checks the start makes (triaged: every
	// team:<id> role of the tokens and roles files names a team of it). A
	// file that would stop a restart is never swapped in.
	Check func(*routing.Teams) error
	// Logger; nil discards.
	Logger *slog.Logger
	// Registerer for the teams reload metrics; nil registers nothing.
	Registerer prometheus.Registerer
}

// TeamsReloader swaps a teams file into a running server: read, validated
// as a whole (routing.Load, then Check), and only then swapped into the
// Target; a file that fails any step is refused, logged at error with the
// reason and counted, and the table serving goes on serving. Reloads are
// serialised. The triggers are the model's: SIGHUP and a change of the
// file's bytes (Watch); Follow runs both.
type TeamsReloader struct {
	opts    TeamsOptions
	logger  *slog.Logger
	metrics *fileMetrics

	mu    sync.Mutex
	bytes []byte // the file serving
}

// NewTeams returns a TeamsReloader for the table Target holds, read from
// File at start: started is the file's content then (the bytes the
// serving table was loaded from), so a first poll that finds them
// unchanged swaps nothing. Its version is exported at once.
func NewTeams(opts TeamsOptions, started []byte) (*TeamsReloader, error) {
	if opts.File == "" || opts.Target == nil || opts.Target.Teams() == nil {
		return nil, errors.New("reload: File and a Target holding teams are required")
	}
	m, err := newFileMetrics(opts.Registerer, "teams", teamsMetricsHelp)
	if err != nil {
		return nil, fmt.Errorf("teams reload metrics: %w", err)
	}
	l := opts.Logger
	if l == nil {
		l = slog.New(slog.DiscardHandler)
	}
	r := &TeamsReloader{opts: opts, logger: l.With(slog.String("component", "reload"), slog.String("file", opts.File)), metrics: m, bytes: bytes.Clone(started)}
	m.applied(opts.Target.Teams().Version(), started)
	return r, nil
}

// File returns the watched teams file.
func (r *TeamsReloader) File() string { return r.opts.File }

// Reload reads the teams file, validates it and swaps it in. The error
// wraps ErrRefused when the file was refused; the serving table is then
// unchanged.
func (r *TeamsReloader) Reload(ctx context.Context, trigger string) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.opts.Target.Teams()
	prev := old.Version()
	res, b, err := r.reloadLocked(ctx)
	if err := r.metrics.outcome(r.logger, "teams", trigger, prev, res, err); err != nil {
		return Result{Version: prev, Previous: prev}, err
	}
	if res.Changed {
		cur := r.opts.Target.Teams()
		r.logger.Info("teams swapped in", slog.String("trigger", trigger),
			slog.String("version", res.Version), slog.String("previous", res.Previous),
			slog.String("sha256", fileHash(b)), slog.Int("teams", len(cur.All())),
			slog.Any("added", teamDiff(cur, old)), slog.Any("removed", teamDiff(old, cur)))
	}
	return res, nil
}

func (r *TeamsReloader) reloadLocked(ctx context.Context) (Result, []byte, error) {
	cur := r.opts.Target.Teams()
	prev := cur.Version()
	ts, b, err := routing.ReadFile(r.opts.File)
	switch {
	case b != nil && bytes.Equal(b, r.bytes):
		return Result{Version: prev, Previous: prev}, b, nil
	case err != nil:
		return Result{}, nil, fmt.Errorf("%w: %w", ErrRefused, err)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, nil, err
	}
	if r.opts.Check != nil {
		if err := r.opts.Check(ts); err != nil {
			return Result{}, nil, fmt.Errorf("%w: teams %s: %w", ErrRefused, ts.Version(), err)
		}
	}
	if err := r.opts.Target.SetTeams(ts); err != nil {
		return Result{}, nil, fmt.Errorf("%w: %w", ErrRefused, err)
	}
	r.bytes = b
	r.metrics.applied(ts.Version(), b)
	return Result{Version: ts.Version(), Previous: prev, Changed: true}, b, nil
}

// Watch polls the teams file every interval and reloads when its bytes
// change, until ctx ends; a refused file is retried when it changes again.
func (r *TeamsReloader) Watch(ctx context.Context, interval time.Duration) {
	watchFile(ctx, r.opts.File, interval, r.Reload)
}

// Follow keeps the teams current until ctx ends, as Reloader.Follow keeps
// the model: on every value from signals (SIGHUP) and, when interval > 0,
// whenever the file changes. A refused file never stops the service.
func (r *TeamsReloader) Follow(ctx context.Context, signals <-chan os.Signal, interval time.Duration) {
	follow(ctx, r.opts.File, signals, interval, r.Reload)
}

// teamDiff returns the ids of the teams of a that b does not list.
func teamDiff(a, b *routing.Teams) []string {
	ids := []string{}
	if a == nil {
		return ids
	}
	for _, t := range a.All() {
		if _, ok := b.Team(t.ID); !ok {
			ids = append(ids, t.ID)
		}
	}
	return slices.Clip(ids)
}

// fileHash is the hex SHA-256 of a teams or rules file's bytes, as sha256sum prints
// it: what an operator compares with the file they meant to apply.
func fileHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
