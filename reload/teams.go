package reload

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"slices"

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
	// routing.Load's validation, the checks the start makes. A file that
	// would stop a restart is never swapped in. A check against other
	// reloaded tables belongs in the Target's SetTeams instead, where it can
	// hold one lock with their swaps (triaged: every team:<id> role of the
	// tokens and roles serving names a team of the new table).
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
	opts TeamsOptions
	*fileReloader
}

// NewTeams returns a TeamsReloader for the table Target holds, read from
// File at start: started is the file's content then (the bytes the
// serving table was loaded from), so a first poll that finds them
// unchanged swaps nothing. Its version is exported at once.
func NewTeams(opts TeamsOptions, started []byte) (*TeamsReloader, error) {
	if opts.File == "" || opts.Target == nil || opts.Target.Teams() == nil {
		return nil, errors.New("reload: File and a Target holding teams are required")
	}
	t := &TeamsReloader{opts: opts}
	r, err := newFileReloader("teams", opts.File, teamsMetricsHelp, t.read,
		func() string { return opts.Target.Teams().Version() }, opts.Logger, opts.Registerer, started)
	if err != nil {
		return nil, err
	}
	t.fileReloader = r
	return t, nil
}

// read reads and validates the teams file: routing.ReadFile, then Check
// and the Target's SetTeams at the swap.
func (t *TeamsReloader) read(path string) (fileChange, []byte, error) {
	ts, b, err := routing.ReadFile(path)
	if err != nil {
		return fileChange{}, b, err
	}
	var old *routing.Teams
	return fileChange{
		version: ts.Version(),
		swap: func() error {
			if t.opts.Check != nil {
				if err := t.opts.Check(ts); err != nil {
					return err
				}
			}
			old = t.opts.Target.Teams()
			return t.opts.Target.SetTeams(ts)
		},
		swapped: func() []slog.Attr {
			return []slog.Attr{slog.Int("teams", len(ts.All())),
				slog.Any("added", teamDiff(ts, old)), slog.Any("removed", teamDiff(old, ts))}
		},
	}, b, nil
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
