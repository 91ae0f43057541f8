package reload

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/rules"
)

// RulesTarget holds the rules an engine decides with. *triage.Engine
// satisfies it: Decide reads its rules once, so a swap never splits a
// decision, and the decision's rules_version names the rules that made it.
type RulesTarget interface {
	Rules() *rules.Engine
	SetRules(*rules.Engine)
}

// RulesLoader reads and validates a rules file as the start does,
// returning the engine and the file's bytes; the bytes also when they were
// read but refused (rules.ReadFile's contract), so that a refused file is
// judged once per change.
type RulesLoader func(path string) (*rules.Engine, []byte, error)

// RulesOptions configure a RulesReloader.
type RulesOptions struct {
	// File is the rules file (triaged -rules); required.
	File string
	// Load is the function the start loaded File with (triaged:
	// rules.ReadFile); required. A file that would stop a restart is never
	// swapped in.
	Load RulesLoader
	// Targets receive the new rules; at least one is required. They must
	// hold the rules the server started with, loaded from File; Targets[0]
	// is the serving engine, whose rules the logs and metrics name. Every
	// engine that decides under the serving rules is a target (triaged: the
	// serving engine and the shadow model's), so that they never disagree
	// on the law. With a -holidays reloader too, the one target is their
	// Law, which keeps the calendar serving in the rules swapped in.
	Targets []RulesTarget
	// Logger; nil discards.
	Logger *slog.Logger
	// Registerer for the rules reload metrics; nil registers nothing.
	Registerer prometheus.Registerer
}

// RulesReloader swaps a rules file into a running server: read and
// validated as a whole by Load, the start's own loader, and only then
// swapped into every Target; a file that fails is refused, logged at error
// with the reason and counted, and the rules serving go on serving.
// Reloads are serialised. The triggers are the model's and the teams
// file's, by the same loop: SIGHUP and a change of the file's bytes
// (Watch); Follow runs both.
//
// An older version is not refused: a file's version is the court's free
// text, with no order to compare, and a restart loads whatever the file
// holds, so a reload refusing it would leave replicas that restarted and
// replicas that did not on different rules; putting last year's file back
// is also how a wrong edit is undone.
type RulesReloader struct {
	opts RulesOptions
	*fileReloader
}

// NewRules returns a RulesReloader for the rules the Targets hold, read
// from File at start: started is the file's content then, so a first poll
// that finds it unchanged swaps nothing. Their version is exported at once.
func NewRules(opts RulesOptions, started []byte) (*RulesReloader, error) {
	if opts.File == "" || opts.Load == nil || len(opts.Targets) == 0 {
		return nil, errors.New("reload: File, Load and Targets are required")
	}
	for i, t := range opts.Targets {
		if t == nil || t.Rules() == nil {
			return nil, fmt.Errorf("reload: rules target %d holds no rules", i)
		}
	}
	rr := &RulesReloader{opts: opts}
	r, err := newFileReloader("rules", opts.File, rulesMetricsHelp, rr.read,
		func() string { return opts.Targets[0].Rules().Version() }, opts.Logger, opts.Registerer, started)
	if err != nil {
		return nil, err
	}
	rr.fileReloader = r
	return rr, nil
}

// read loads the rules file with Load; the swap sets it in every Target.
func (rr *RulesReloader) read(path string) (fileChange, []byte, error) {
	e, b, err := rr.opts.Load(path)
	switch {
	case err != nil:
		return fileChange{}, b, err
	case e == nil:
		return fileChange{}, b, fmt.Errorf("rules %s: the loader returned no rules", path)
	}
	return fileChange{version: e.Version(), swap: func() error {
		for _, t := range rr.opts.Targets {
			t.SetRules(e)
		}
		return nil
	}}, b, nil
}
