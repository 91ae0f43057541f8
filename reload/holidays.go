package reload

import (
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/rules"
)

// HolidaysTarget holds the holiday calendar the engines deciding under the
// serving rules count due dates with. *Law satisfies it.
type HolidaysTarget interface {
	Holidays() *rules.Calendar
	SetHolidays(*rules.Calendar)
}

// HolidaysLoader reads and validates a holiday calendar file as the start
// does (rules.ReadHolidays), returning the calendar and the file's bytes;
// the bytes also when they were read but refused, so that a refused file
// is judged once per change.
type HolidaysLoader func(path string) (*rules.Calendar, []byte, error)

// HolidaysOptions configure a HolidaysReloader.
type HolidaysOptions struct {
	// File is the holiday calendar file (triaged -holidays); required.
	File string
	// Load is the function the start read File with; required. A file
	// that would stop a restart is never swapped in.
	Load HolidaysLoader
	// Target receives the new calendar; required. It must hold the
	// calendar the server started with, read from File.
	Target HolidaysTarget
	// Logger; nil discards.
	Logger *slog.Logger
	// Registerer for the holidays reload metrics; nil registers nothing.
	Registerer prometheus.Registerer
}

// HolidaysReloader swaps a holiday calendar file into a running server:
// read and validated as a whole by Load, the start's own reader, and only
// then swapped into the Target; a file that fails is refused, logged at
// error with the reason and counted, and the calendar serving goes on
// serving. Reloads are serialised. The triggers are the rules file's, by
// the same loop: SIGHUP and a change of the file's bytes (Watch); Follow
// runs both. As for the rules, an older edition is not refused: putting
// last year's file back is how a wrong edit is undone.
type HolidaysReloader struct {
	opts HolidaysOptions
	*fileReloader
}

// NewHolidays returns a HolidaysReloader for the calendar Target holds,
// read from File at start: started is the file's content then, so a first
// poll that finds it unchanged swaps nothing. Its version is exported at
// once.
func NewHolidays(opts HolidaysOptions, started []byte) (*HolidaysReloader, error) {
	if opts.File == "" || opts.Load == nil || opts.Target == nil || opts.Target.Holidays() == nil {
		return nil, errors.New("reload: File, Load and a Target holding a calendar are required")
	}
	h := &HolidaysReloader{opts: opts}
	r, err := newFileReloader("holidays", opts.File, holidaysMetricsHelp, h.read,
		func() string { return opts.Target.Holidays().Version() }, opts.Logger, opts.Registerer, started)
	if err != nil {
		return nil, err
	}
	h.fileReloader = r
	return h, nil
}

// read loads the calendar file with Load; the swap sets it in the Target.
func (h *HolidaysReloader) read(path string) (fileChange, []byte, error) {
	c, b, err := h.opts.Load(path)
	switch {
	case err != nil:
		return fileChange{}, b, err
	case c == nil:
		return fileChange{}, b, fmt.Errorf("holidays %s: the loader returned no calendar", path)
	}
	return fileChange{
		version: c.Version(),
		swap:    func() error { h.opts.Target.SetHolidays(c); return nil },
		swapped: func() []slog.Attr { return []slog.Attr{slog.Any("years", c.Years())} },
	}, b, nil
}

// Law is the rules and the holiday calendar of every engine deciding under
// the serving rules (triaged: the serving engine and the shadow model's),
// the one target of both the rules and the holidays reloader. The
// calendar lives inside the rules (rules.Engine.WithHolidays), so each
// swap builds the next rules from the other half serving, under one lock:
// a rules file swapped in keeps the calendar serving and a calendar keeps
// the rules, whatever order and however close together the two reloads
// come; without the lock, a rules reload that read the old calendar could
// put it back after a calendar reload. Every engine gets the same rules
// value, and a decision reads its engine's rules once, so it counts all its
// due dates with one calendar, the one its time limits name.
type Law struct {
	mu      sync.Mutex
	engines []RulesTarget
}

// NewLaw returns the Law of engines, which must all hold the same rules
// (the rules the server started with): engines[0] is the serving one.
func NewLaw(engines ...RulesTarget) (*Law, error) {
	if len(engines) == 0 {
		return nil, errors.New("reload: a law needs at least one engine")
	}
	for i, e := range engines {
		if e == nil || e.Rules() == nil {
			return nil, fmt.Errorf("reload: law engine %d holds no rules", i)
		}
		if e.Rules() != engines[0].Rules() {
			return nil, fmt.Errorf("reload: law engine %d holds rules %s, engine 0 %s", i, e.Rules().Version(), engines[0].Rules().Version())
		}
	}
	return &Law{engines: engines}, nil
}

// Rules returns the rules serving, with the calendar serving.
func (l *Law) Rules() *rules.Engine { return l.engines[0].Rules() }

// SetRules swaps r into every engine, counting due dates with the calendar
// serving (whatever calendar r was loaded with).
func (l *Law) SetRules(r *rules.Engine) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.set(r.WithHolidays(l.Rules().Holidays()))
}

// Holidays returns the calendar serving.
func (l *Law) Holidays() *rules.Calendar { return l.Rules().Holidays() }

// SetHolidays swaps c into every engine, with the rules serving.
func (l *Law) SetHolidays(c *rules.Calendar) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.set(l.Rules().WithHolidays(c))
}

func (l *Law) set(r *rules.Engine) {
	for _, e := range l.engines {
		e.SetRules(r)
	}
}
