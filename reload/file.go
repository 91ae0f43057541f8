package reload

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// fileChange is a file read and judged whole, ready to be swapped in.
type fileChange struct {
	// version names what the file holds, as logs and fenjian_<what>_info
	// name it.
	version string
	// swap puts it into service; an error refuses it (nothing swapped).
	swap func() error
	// swapped, if set, gives what the log record of the swap says beyond
	// the version and the hash; called after swap. Never a secret.
	swapped func() []slog.Attr
}

// fileReader reads and judges the file at path as the start does: the
// change, and the file's bytes, also when they were read but refused (so
// that a refused file is judged once per change).
type fileReader func(path string) (fileChange, []byte, error)

// fileReloader is the reload of one file (the teams, rules, holidays,
// tokens and roles files), the same for each: read and judged whole by read, compared
// with the bytes serving, swapped in only when nothing refused it; a
// refused file is logged at error with the reason and counted, and what
// serves goes on serving. Reloads are serialised. The triggers are the
// model's, by the same loop: SIGHUP and a change of the file's bytes
// (Watch); Follow runs both. The reloaders of each file embed it, so its
// methods are theirs.
type fileReloader struct {
	what    string // "teams", "rules", "holidays", "tokens", "roles"
	file    string
	read    fileReader
	serving func() string // the version serving
	logger  *slog.Logger
	metrics *fileMetrics

	mu    sync.Mutex
	bytes []byte // the file serving
}

// newFileReloader returns the reloader of file, serving what was read
// from it at start: started is the file's content then, so a first poll
// that finds it unchanged swaps nothing. The serving version is exported
// at once.
func newFileReloader(what, file string, help fileMetricsHelp, read fileReader, serving func() string, logger *slog.Logger, reg prometheus.Registerer, started []byte) (*fileReloader, error) {
	m, err := newFileMetrics(reg, what, help)
	if err != nil {
		return nil, fmt.Errorf("%s reload metrics: %w", what, err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	r := &fileReloader{what: what, file: file, read: read, serving: serving, metrics: m,
		logger: logger.With(slog.String("component", "reload"), slog.String("file", file)), bytes: bytes.Clone(started)}
	m.applied(serving(), started)
	return r, nil
}

// File returns the watched file.
func (r *fileReloader) File() string { return r.file }

// Reload reads the file, judges it and swaps it in. The error wraps
// ErrRefused when the file was refused; what serves is then unchanged.
func (r *fileReloader) Reload(ctx context.Context, trigger string) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	prev := r.serving()
	res, ch, b, err := r.reloadLocked(ctx, prev)
	if err := r.metrics.outcome(r.logger, r.what, trigger, prev, res, err); err != nil {
		return Result{Version: prev, Previous: prev}, err
	}
	if res.Changed {
		attrs := []slog.Attr{slog.String("trigger", trigger),
			slog.String("version", res.Version), slog.String("previous", res.Previous),
			slog.String("sha256", fileHash(b))}
		if ch.swapped != nil {
			attrs = append(attrs, ch.swapped()...)
		}
		r.logger.LogAttrs(context.WithoutCancel(ctx), slog.LevelInfo, r.what+" swapped in", attrs...)
	}
	return res, nil
}

func (r *fileReloader) reloadLocked(ctx context.Context, prev string) (Result, fileChange, []byte, error) {
	ch, b, err := r.read(r.file)
	switch {
	case b != nil && bytes.Equal(b, r.bytes):
		return Result{Version: prev, Previous: prev}, fileChange{}, b, nil
	case err != nil:
		return Result{}, fileChange{}, nil, &fileRefused{err: err}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, fileChange{}, nil, err
	}
	if err := ch.swap(); err != nil {
		return Result{}, fileChange{}, nil, &fileRefused{err: fmt.Errorf("%s %s: %w", r.what, ch.version, err)}
	}
	r.bytes = b
	r.metrics.applied(ch.version, b)
	return Result{Version: ch.version, Previous: prev, Changed: true}, ch, b, nil
}

// Watch polls the file every interval and reloads when its bytes change,
// until ctx ends; a refused file is retried when it changes again.
func (r *fileReloader) Watch(ctx context.Context, interval time.Duration) {
	watchFile(ctx, r.file, interval, r.Reload)
}

// Follow keeps the file current until ctx ends, as Reloader.Follow keeps
// the model: on every value from signals (SIGHUP) and, when interval > 0,
// whenever the file changes. A refused file never stops the service.
func (r *fileReloader) Follow(ctx context.Context, signals <-chan os.Signal, interval time.Duration) {
	follow(ctx, r.file, signals, interval, r.Reload)
}

// fileRefused is the refusal of a file (the teams, rules, holidays, tokens
// or roles file): it is ErrRefused (errors.Is) but says only its reason,
// which names the file. Wrapped as "%w: %w", every refusal of a tokens or
// rules file began "model refused: ", ErrRefused's text, in the error
// logged beside "tokens file refused; the serving tokens stay" (outside
// check of ops26).
type fileRefused struct{ err error }

func (e *fileRefused) Error() string { return e.err.Error() }

func (e *fileRefused) Unwrap() []error { return []error{ErrRefused, e.err} }
