package reload

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/auth"
)

// TokensTarget holds the bearer tokens a server authenticates by.
// triaged's satisfies it with an auth.Table (every call reads it once, and
// open streams are judged again at each swap) behind a check that every
// team:<id> role names a team of the serving teams file: SetTokens returns
// that check's refusal, and nothing is swapped then.
type TokensTarget interface {
	Tokens() *auth.Tokens
	SetTokens(*auth.Tokens) error
}

// RolesTarget holds the roles of client certificates, as TokensTarget the
// tokens.
type RolesTarget interface {
	Roles() *auth.Roles
	SetRoles(*auth.Roles) error
}

// CredentialsOptions configure a CredentialsReloader.
type CredentialsOptions struct {
	// File is the tokens file (triaged -tokens) or the roles file (-roles);
	// required.
	File string
	// Logger; nil discards. Nothing of a token is ever logged: a swap logs
	// the file's SHA-256 and counts.
	Logger *slog.Logger
	// Registerer for the reload metrics; nil registers nothing.
	Registerer prometheus.Registerer
	// Now is the clock fenjian_tokens_next_expiry_timestamp_seconds skips
	// passed expiries by (tokens only); nil is time.Now.
	Now func() time.Time
}

// CredentialsReloader swaps a tokens or roles file into a running server:
// read and checked whole by the start's own reader (auth.ReadTokens,
// auth.ReadRoles: recordable names, known roles, no name or hash twice),
// then by the target (team roles against the serving teams), and only then
// swapped in; a file that fails is refused, logged at error with the
// reason and counted, and the credentials serving go on serving. So a
// leaked token is revoked, or a clerk added, on every replica without a
// restart. The triggers are the teams and rules files', by the same loop:
// SIGHUP and a change of the file's bytes (Watch); Follow runs both.
type CredentialsReloader struct {
	*fileReloader
}

var tokensMetricsHelp = fileMetricsHelp{
	reloads: "Tokens file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).",
	info:    "1 for the tokens file serving now: its version (how many tokens it holds, as 12-tokens: the file has no version of its own) and its SHA-256.",
	lastOK:  "1 when the last tokens file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the tokens serving are older than the file, a revoked token may still be accepted.",
}

var rolesMetricsHelp = fileMetricsHelp{
	reloads: "Roles file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).",
	info:    "1 for the roles file serving now: its version (how many certificate subjects it lists, as 4-certificates: the file has no version of its own) and its SHA-256.",
	lastOK:  "1 when the last roles file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the certificate roles serving are older than the file.",
}

// tokensVersion names a tokens table in logs and fenjian_tokens_info.
func tokensVersion(t *auth.Tokens) string { return fmt.Sprintf("%d-tokens", t.Len()) }

// rolesVersion names a roles table in logs and fenjian_roles_info.
func rolesVersion(r *auth.Roles) string { return fmt.Sprintf("%d-certificates", r.Len()) }

// NewTokens returns the reloader of the tokens file the target's tokens
// were read from at start: started is the file's content then, so a first
// poll that finds it unchanged swaps nothing.
func NewTokens(opts CredentialsOptions, target TokensTarget, started []byte) (*CredentialsReloader, error) {
	if opts.File == "" || target == nil {
		return nil, errors.New("reload: File and a Target are required")
	}
	read := func(path string) (fileChange, []byte, error) {
		tokens, b, err := auth.ReadTokens(path)
		if err != nil {
			return fileChange{}, b, err
		}
		var added, removed int
		return fileChange{
			version: tokensVersion(tokens),
			swap: func() error {
				old := target.Tokens()
				if err := target.SetTokens(tokens); err != nil {
					return err
				}
				added, removed = tokens.Diff(old)
				return nil
			},
			swapped: func() []slog.Attr {
				return []slog.Attr{slog.Int("tokens", tokens.Len()), slog.Int("added", added), slog.Int("removed", removed)}
			},
		}, b, nil
	}
	r, err := newFileReloader("tokens", opts.File, tokensMetricsHelp, read,
		func() string { return tokensVersion(target.Tokens()) }, opts.Logger, opts.Registerer, started)
	if err != nil {
		return nil, err
	}
	if opts.Registerer != nil {
		now := opts.Now
		if now == nil {
			now = time.Now
		}
		if err := opts.Registerer.Register(&nextExpiry{tokens: target.Tokens, now: now}); err != nil {
			return nil, fmt.Errorf("tokens reload metrics: %w", err)
		}
	}
	return &CredentialsReloader{r}, nil
}

// nextExpiryDesc is fenjian_tokens_next_expiry_timestamp_seconds: like
// the other fenjian_tokens_* families it names no token (names may be
// sensitive, and a label per token would be a series per identity).
var nextExpiryDesc = prometheus.NewDesc("fenjian_tokens_next_expiry_timestamp_seconds",
	"Unix time of the earliest expiry (the tokens file's \"expires\") among the tokens serving that have not expired yet; 0 when none has an expiry ahead. FenjianTokenExpiring opens a ticket a week before it: rotate that token.",
	nil, nil)

// expiredDesc is fenjian_tokens_expired. A token that expires drops out
// of fenjian_tokens_next_expiry_timestamp_seconds at that instant, so
// FenjianTokenExpiring resolved exactly when its holder's calls began to
// be refused, and nothing else said so: refusals are no server-side error
// (outside check 20). FenjianTokenExpired reads this count instead.
var expiredDesc = prometheus.NewDesc("fenjian_tokens_expired",
	"Tokens of the tokens file serving whose \"expires\" has passed: their holders' calls are refused UNAUTHENTICATED. FenjianTokenExpired opens a ticket while it is above 0: renew the entry, or remove it when the expiry was meant.",
	nil, nil)

// nextExpiry exports the earliest expiry ahead of the tokens serving,
// judged at each scrape: a token expiring drops out of it at its expiry,
// without a reload, and is counted in fenjian_tokens_expired from then on.
// Both are 0, not absent, when there is nothing to count, so that the
// families exist on every replica (an absent series reads as a scrape
// failure); FenjianTokenExpiring leaves 0 out.
type nextExpiry struct {
	tokens func() *auth.Tokens
	now    func() time.Time
}

func (e *nextExpiry) Describe(ch chan<- *prometheus.Desc) { ch <- nextExpiryDesc; ch <- expiredDesc }

func (e *nextExpiry) Collect(ch chan<- prometheus.Metric) {
	tokens, now := e.tokens(), e.now()
	v := 0.0
	if next, ok := tokens.NextExpiry(now); ok {
		v = float64(next.UnixMilli()) / 1e3
	}
	ch <- prometheus.MustNewConstMetric(nextExpiryDesc, prometheus.GaugeValue, v)
	ch <- prometheus.MustNewConstMetric(expiredDesc, prometheus.GaugeValue, float64(tokens.Expired(now)))
}

// NewRoles returns the reloader of the roles file, as NewTokens the
// tokens file's.
func NewRoles(opts CredentialsOptions, target RolesTarget, started []byte) (*CredentialsReloader, error) {
	if opts.File == "" || target == nil {
		return nil, errors.New("reload: File and a Target are required")
	}
	read := func(path string) (fileChange, []byte, error) {
		roles, b, err := auth.ReadRoles(path)
		if err != nil {
			return fileChange{}, b, err
		}
		return fileChange{
			version: rolesVersion(roles),
			swap:    func() error { return target.SetRoles(roles) },
			swapped: func() []slog.Attr { return []slog.Attr{slog.Int("certificates", roles.Len())} },
		}, b, nil
	}
	r, err := newFileReloader("roles", opts.File, rolesMetricsHelp, read,
		func() string { return rolesVersion(target.Roles()) }, opts.Logger, opts.Registerer, started)
	if err != nil {
		return nil, err
	}
	return &CredentialsReloader{r}, nil
}
