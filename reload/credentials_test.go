package reload_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/reload"
)

// credentialsTarget is an auth.Table behind a check as triaged's: a team
// role must name team civil or fast-a.
type credentialsTarget struct{ table *auth.Table }

func checkTeams(refs []auth.TeamRef) error {
	for _, r := range refs {
		if r.Team != "civil" && r.Team != "fast-a" {
			return fmt.Errorf("%s: role team:%s names no team of the teams file", r.Identity, r.Team)
		}
	}
	return nil
}

func (c credentialsTarget) Tokens() *auth.Tokens { return c.table.Tokens() }
func (c credentialsTarget) SetTokens(t *auth.Tokens) error {
	if err := checkTeams(t.TeamRefs()); err != nil {
		return err
	}
	c.table.SetTokens(t)
	return nil
}
func (c credentialsTarget) Roles() *auth.Roles { return c.table.Roles() }
func (c credentialsTarget) SetRoles(r *auth.Roles) error {
	if err := checkTeams(r.TeamRefs()); err != nil {
		return err
	}
	c.table.SetRoles(r)
	return nil
}

// tokenLine is a tokens file entry for token.
func tokenLine(name, token, roles string) string {
	return fmt.Sprintf(`{"name":%q,"roles":[%s],"sha256":%q}`, name, roles, auth.HashToken(token))
}

func tokensJSON(entries ...string) []byte {
	return []byte(`{"tokens":[` + strings.Join(entries, ",") + `]}`)
}

// TestTokensReload: a file that drops a token and adds one is swapped in
// (the removed token no longer proves anyone, the added one does, the log
// gives counts and the hash, never a token or its hash); each file the
// start would refuse is refused with its reason, counted, the last reload
// marked failed, and the tokens serving are those before, pointer for
// pointer; putting the serving file back is "unchanged".
func TestTokensReload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.json")
	ops, leaked, clerk := tokenLine("ops", "fjt_ops", `"admin"`), tokenLine("gateway-3", "fjt_leaked", `"filing"`), tokenLine("clerk-09", "fjt_clerk", `"clerk"`)
	a, b := tokensJSON(ops, leaked), tokensJSON(ops, clerk)
	install(t, path, a)
	start, started, err := auth.ReadTokens(path)
	if err != nil {
		t.Fatal(err)
	}
	target := credentialsTarget{table: auth.NewTable(auth.Credentials{Tokens: start})}
	reg, logs := prometheus.NewRegistry(), &lockedBuffer{}
	r, err := reload.NewTokens(reload.CredentialsOptions{File: path, Registerer: reg, Logger: slog.New(slog.NewJSONHandler(logs, nil))}, target, started)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	metrics := func(refused, swapped, unchanged, ok int, version string, file []byte) {
		t.Helper()
		want := fmt.Sprintf(`# HELP fenjian_tokens_last_reload_successful 1 when the last tokens file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the tokens serving are older than the file, a revoked token may still be accepted.
# TYPE fenjian_tokens_last_reload_successful gauge
fenjian_tokens_last_reload_successful %d
# HELP fenjian_tokens_info 1 for the tokens file serving now: its version (how many tokens it holds, as 12-tokens: the file has no version of its own) and its SHA-256.
# TYPE fenjian_tokens_info gauge
fenjian_tokens_info{sha256=%q,version=%q} 1
`, ok, sha(file), version)
		if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_tokens_info", "fenjian_tokens_last_reload_successful"); err != nil {
			t.Error(err)
		}
		for result, n := range map[string]int{"refused": refused, "swapped": swapped, "unchanged": unchanged} {
			if got := reloadsOf(t, reg, "sighup", result); got != float64(n) {
				t.Errorf("fenjian_tokens_reloads_total{trigger=sighup,result=%s} = %v, want %d", result, got, n)
			}
		}
	}
	metrics(0, 0, 0, 1, "2-tokens", a)

	install(t, path, b)
	res, err := r.Reload(ctx, "sighup")
	if err != nil || !res.Changed || res.Version != "2-tokens" {
		t.Fatalf("Reload = %+v, %v", res, err)
	}
	if _, ok := target.Tokens().Lookup("fjt_leaked"); ok {
		t.Error("the removed token still proves an identity")
	}
	if id, ok := target.Tokens().Lookup("fjt_clerk"); !ok || id.Name != "clerk-09" {
		t.Errorf("the added token proves %v, %v", id, ok)
	}
	rec := logs.records(t, "tokens swapped in")
	if len(rec) != 1 || rec[0]["sha256"] != sha(b) || rec[0]["tokens"] != 2.0 || rec[0]["added"] != 1.0 || rec[0]["removed"] != 1.0 {
		t.Errorf("swap log %v", rec)
	}
	metrics(0, 1, 0, 1, "2-tokens", b)

	serving := target.Tokens()
	for i, tt := range []struct {
		name string
		file []byte
		says string
	}{
		{"not JSON", []byte(`{"tokens":[`), "parse"},
		{"an unknown field", []byte(`{"tokens":[],"tokenz":[]}`), "unknown field"},
		{"a name with a zero-width space", tokensJSON(ops, tokenLine("J-0421\u200b", "fjt_j", `"judge"`)), "tokens[1].name"},
		{"a name twice", tokensJSON(ops, tokenLine("ops", "fjt_other", `"judge"`)), "listed twice"},
		{"a token twice", tokensJSON(ops, tokenLine("ops-2", "fjt_ops", `"judge"`)), "same token"},
		{"an unknown role", tokensJSON(ops, tokenLine("j", "fjt_j", `"judges"`)), "unknown role"},
		{"a team role naming no team", tokensJSON(ops, tokenLine("reader", "fjt_r", `"team:civil-9"`)), "role team:civil-9 names no team"},
	} {
		install(t, path, tt.file)
		_, err := r.Reload(ctx, "sighup")
		if !errors.Is(err, reload.ErrRefused) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: Reload error %v, want a refusal saying %q", tt.name, err, tt.says)
		}
		// A tokens file is no model: the refusal said "model refused: …".
		if err != nil && strings.Contains(err.Error(), "model") {
			t.Errorf("%s: Reload error %q speaks of a model", tt.name, err)
		}
		if target.Tokens() != serving {
			t.Errorf("%s: the tokens serving changed", tt.name)
		}
		metrics(i+1, 1, 0, 0, "2-tokens", b)
	}
	if strings.Contains(logs.b.String(), "fjt_") || strings.Contains(logs.b.String(), auth.HashToken("fjt_clerk")) {
		t.Errorf("a token or its hash in the log:\n%s", logs.b.String())
	}
	install(t, path, b)
	if res, err := r.Reload(ctx, "sighup"); err != nil || res.Changed {
		t.Errorf("the serving file back: %+v, %v; want unchanged", res, err)
	}
	metrics(7, 1, 1, 1, "2-tokens", b)
}

// reloadsOf is fenjian_tokens_reloads_total{trigger,result} of reg, 0
// without the series.
func reloadsOf(t *testing.T, reg *prometheus.Registry, trigger, result string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != "fenjian_tokens_reloads_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["trigger"] == trigger && labels["result"] == result {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

// TestRolesReload: the roles file reloads as the tokens file does, its
// team roles checked by the target.
func TestRolesReload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "roles.json")
	a := []byte(`{"certificates":[{"cn":"J-0421","roles":["judge"]}]}`)
	b := []byte(`{"certificates":[{"cn":"J-0421","roles":["judge"]},{"cn":"reader","team":"civil"}]}`)
	install(t, path, a)
	start, started, err := auth.ReadRoles(path)
	if err != nil {
		t.Fatal(err)
	}
	target := credentialsTarget{table: auth.NewTable(auth.Credentials{Roles: start})}
	r, err := reload.NewRoles(reload.CredentialsOptions{File: path}, target, started)
	if err != nil {
		t.Fatal(err)
	}
	install(t, path, b)
	if res, err := r.Reload(context.Background(), "watch"); err != nil || res.Version != "2-certificates" {
		t.Fatalf("Reload = %+v, %v", res, err)
	}
	if id, _ := target.Roles().ForCertificate("reader"); !id.Has(auth.TeamRole("civil")) {
		t.Errorf("reader after the swap: %v", id)
	}
	install(t, path, []byte(`{"certificates":[{"cn":"reader","team":"civil-9"}]}`))
	if _, err := r.Reload(context.Background(), "watch"); !errors.Is(err, reload.ErrRefused) {
		t.Errorf("a team role naming no team: %v, want refused", err)
	}
	if id, _ := target.Roles().ForCertificate("reader"); !id.Has(auth.TeamRole("civil")) {
		t.Errorf("reader after a refused file: %v", id)
	}
}

// TestTokensNextExpiry: fenjian_tokens_next_expiry_timestamp_seconds is the
// earliest expiry ahead of the tokens serving, by the reloader's clock, at
// each scrape: it follows the clock past an expiry and a reload's new
// file, is 0 when no expiry is ahead, and carries no label (no
// token name, as the other fenjian_tokens_* families).
func TestTokensNextExpiry(t *testing.T) {
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	path, reg, r := expiringTokens(t, &now)
	entry := expiringEntry
	want := func(t *testing.T, what string, at float64) {
		t.Helper()
		exp := fmt.Sprintf(`
# HELP fenjian_tokens_next_expiry_timestamp_seconds Unix time of the earliest expiry (the tokens file's "expires") among the tokens serving that have not expired yet; 0 when none has an expiry ahead. FenjianTokenExpiring opens a ticket a week before it: rotate that token.
# TYPE fenjian_tokens_next_expiry_timestamp_seconds gauge
fenjian_tokens_next_expiry_timestamp_seconds %g
`, at)
		if err := testutil.GatherAndCompare(reg, strings.NewReader(exp), "fenjian_tokens_next_expiry_timestamp_seconds"); err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
	jan := float64(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	june := float64(time.Date(2027, 6, 30, 10, 0, 0, 0, time.UTC).Unix())
	want(t, "at start", jan)
	now = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) // J-1 expires
	want(t, "at the first expiry", june)
	// A reload drops J-2 and gives J-3 an expiry in 2028.
	next := tokensJSON(entry("J-1", "t1", "2027-01-01T00:00:00Z"), entry("J-3", "t3", "2028-01-01T00:00:00Z"))
	install(t, path, next)
	if _, err := r.Reload(context.Background(), "sighup"); err != nil {
		t.Fatal(err)
	}
	want(t, "after a reload", float64(time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC).Unix()))
	now = time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	want(t, "every expiry passed", 0)
}

// TestTokensExpiredCount: fenjian_tokens_expired counts the tokens serving
// whose expiry has passed, by the reloader's clock at each scrape, from the
// instant of the expiry (the instant the token is refused) until a reload
// renews or removes the entry. The next-expiry gauge drops such a token at
// that same instant, so FenjianTokenExpiring fell silent when the holder's
// calls began to be refused (outside check 20).
func TestTokensExpiredCount(t *testing.T) {
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	path, reg, r := expiringTokens(t, &now)
	entry := expiringEntry
	jan := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		now    time.Time
		reload []byte // a tokens file swapped in first; nil keeps the serving one
		want   int
	}{
		{"none expired yet", now, nil, 0},
		{"a second before J-1's expiry", jan.Add(-time.Second), nil, 0},
		{"at J-1's expiry", jan, nil, 1},
		{"both J-1 and J-2 passed", time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC), nil, 2},
		{"J-1 renewed, J-2 removed", time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC),
			tokensJSON(entry("J-1", "t1b", "2028-01-01T00:00:00Z"), entry("J-3", "t3", "")), 0},
		{"the renewal passed too", time.Date(2028, 1, 2, 0, 0, 0, 0, time.UTC), nil, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.reload != nil {
				install(t, path, tt.reload)
				if _, err := r.Reload(context.Background(), "sighup"); err != nil {
					t.Fatal(err)
				}
			}
			now = tt.now
			exp := fmt.Sprintf(`
# HELP fenjian_tokens_expired Tokens of the tokens file serving whose "expires" has passed: their holders' calls are refused UNAUTHENTICATED. FenjianTokenExpired opens a ticket while it is above 0: renew the entry, or remove it when the expiry was meant.
# TYPE fenjian_tokens_expired gauge
fenjian_tokens_expired %d
`, tt.want)
			if err := testutil.GatherAndCompare(reg, strings.NewReader(exp), "fenjian_tokens_expired"); err != nil {
				t.Error(err)
			}
		})
	}
}

// expiringEntry is a tokens-file entry for a judge, with an expiry unless
// expires is "".
func expiringEntry(name, token, expires string) string {
	e := fmt.Sprintf(`{"name":%q,"roles":["judge"],"sha256":%q`, name, auth.HashToken(token))
	if expires != "" {
		e += fmt.Sprintf(`,"expires":%q`, expires)
	}
	return e + "}"
}

// expiringTokens installs a tokens file of three judges, J-1 expiring
// 2027-01-01, J-2 2027-06-30 18:00 +08:00 and J-3 never, and starts its
// reloader on a registry of its own with *now as its clock; it returns the
// file's path, the registry and the reloader.
func expiringTokens(t *testing.T, now *time.Time) (string, *prometheus.Registry, *reload.CredentialsReloader) {
	t.Helper()
	first := tokensJSON(expiringEntry("J-1", "t1", "2027-01-01T00:00:00Z"), expiringEntry("J-2", "t2", "2027-06-30T18:00:00+08:00"), expiringEntry("J-3", "t3", ""))
	path := filepath.Join(t.TempDir(), "tokens.json")
	install(t, path, first)
	tokens, err := auth.ParseTokens(first)
	if err != nil {
		t.Fatal(err)
	}
	table := auth.NewTable(auth.Credentials{Tokens: tokens})
	reg := prometheus.NewRegistry()
	r, err := reload.NewTokens(reload.CredentialsOptions{File: path, Registerer: reg, Now: func() time.Time { return *now }},
		credentialsTarget{table}, first)
	if err != nil {
		t.Fatal(err)
	}
	return path, reg, r
}
