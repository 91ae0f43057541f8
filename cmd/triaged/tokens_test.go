package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/routing"
)

// tokensFileOf is a tokens file giving each token of names (name → token)
// its roles.
func tokensFileOf(t *testing.T, entries ...auth.TokenEntry) []byte {
	t.Helper()
	b, err := json.MarshalIndent(auth.TokensFile{Tokens: entries}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// teamsWithout is the embedded teams file without team id.
func teamsWithout(t *testing.T, id string) []byte {
	t.Helper()
	var f routing.File
	if err := json.Unmarshal(routing.DefaultFile(), &f); err != nil {
		t.Fatal(err)
	}
	f.Version = "without-" + id
	for i, e := range f.Teams {
		if e.ID == id {
			f.Teams = append(f.Teams[:i], f.Teams[i+1:]...)
			break
		}
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestServeTokensReload: a running triaged swaps a changed -tokens file in
// by its watch and by SIGHUP: a removed token is refused UNAUTHENTICATED
// from its next call and an added clerk admitted, the swap is logged by
// the file's hash and counts (no token, no token's hash), and a file the
// start would refuse (a name that cannot be recorded, a team role naming
// no team serving) is refused, counted and leaves the tokens serving. A
// teams file dropping a team that a token added by a reload reads is
// refused too: the teams reload checks the tokens serving, not those of
// the start.
func TestServeTokensReload(t *testing.T) {
	dir := t.TempDir()
	tokensPath, teamsPath := filepath.Join(dir, "tokens.json"), filepath.Join(dir, "teams.json")
	const opsToken, leakedToken, clerkToken, readerToken = "fjt_ops-0001", "fjt_gateway-leaked", "fjt_clerk-added", "fjt_reader-added"
	entry := func(name, token string, roles ...string) auth.TokenEntry {
		return auth.TokenEntry{Name: name, Roles: roles, SHA256: auth.HashToken(token)}
	}
	ops, leaked, clerk := entry("ops", opsToken, "admin"), entry("gateway-3", leakedToken, "filing"), entry("clerk-09", clerkToken, "clerk")
	reader := entry("reader-1", readerToken, "team:civil-trial-1")
	a := tokensFileOf(t, ops, leaked)
	b := tokensFileOf(t, ops, clerk, reader)
	replaceFile(t, tokensPath, a)
	replaceFile(t, teamsPath, routing.DefaultFile())

	conn, logs, stop := startServe(t, "-data-dir="+dir, "-tokens="+tokensPath, "-teams="+teamsPath, "-tokens-watch=20ms", "-teams-watch=20ms")
	metricsURL := "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	waitMetric := func(prefix string, want float64) {
		t.Helper()
		waitForMetric(t, ctx, metricsURL, logs, prefix, want)
	}
	call := func(token string) codes.Code {
		t.Helper()
		c, err := grpc.NewClient(conn.Target(), grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(bearer(token)))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_, err = triagev1.NewAdminServiceClient(c).GetModel(ctx, &triagev1.GetModelRequest{})
		return status.Code(err)
	}
	expect := func(when string, want map[string]codes.Code) {
		t.Helper()
		for token, code := range want {
			if got := call(token); got != code {
				t.Errorf("%s: a call with %s: %v, want %v", when, token, got, code)
			}
		}
	}
	expect("at start", map[string]codes.Code{leakedToken: codes.OK, clerkToken: codes.Unauthenticated})
	waitMetric(fmt.Sprintf(`fenjian_tokens_info{sha256=%q,version="2-tokens"}`, sha256Hex(a)), 1)

	replaceFile(t, tokensPath, b)
	waitMetric(`fenjian_tokens_reloads_total{result="swapped",trigger="watch"}`, 1)
	expect("after the revocation", map[string]codes.Code{leakedToken: codes.Unauthenticated, clerkToken: codes.OK, opsToken: codes.OK})
	waitMetric(fmt.Sprintf(`fenjian_tokens_info{sha256=%q,version="3-tokens"}`, sha256Hex(b)), 1)
	rec := waitForLog(t, logs, nil, "tokens swapped in")
	if rec["sha256"] != sha256Hex(b) || rec["tokens"] != 3.0 || rec["added"] != 2.0 || rec["removed"] != 1.0 {
		t.Errorf("swap log %v; want the file's hash, 3 tokens, 2 added, 1 removed", rec)
	}
	// clerk-09 holds clerk alone: the operator is told before it calls.
	if rec := waitForLog(t, logs, nil, msgUnscopedClerks); fmt.Sprint(rec["clerks"]) != "[clerk-09]" {
		t.Errorf("unscoped clerks logged %v, want [clerk-09]", rec["clerks"])
	}

	// Refused files: the tokens serving stay.
	for i, bad := range []struct {
		name string
		file []byte
		says string
	}{
		{"a name that cannot be recorded", tokensFileOf(t, ops, clerk, reader, entry("J-0421\u200b", "fjt_x", "judge")), "tokens[3].name"},
		{"a team role naming no team", tokensFileOf(t, ops, clerk, reader, entry("reader-2", "fjt_y", "team:no-such-team")), "role team:no-such-team names no team"},
	} {
		replaceFile(t, tokensPath, bad.file)
		waitMetric(`fenjian_tokens_reloads_total{result="refused",trigger="watch"}`, float64(i+1))
		waitMetric("fenjian_tokens_last_reload_successful", 0)
		expect("after "+bad.name, map[string]codes.Code{leakedToken: codes.Unauthenticated, clerkToken: codes.OK})
		if !strings.Contains(logs.String(), bad.says) {
			t.Errorf("%s: no refusal saying %q", bad.name, bad.says)
		}
	}
	// The other direction: the teams file may not drop the team a token
	// added by the reload reads.
	replaceFile(t, teamsPath, teamsWithout(t, "civil-trial-1"))
	waitMetric(`fenjian_teams_reloads_total{result="refused",trigger="watch"}`, 1)
	if !strings.Contains(logs.String(), "reader-1: role team:civil-trial-1 names no team") {
		t.Error("the teams refusal does not name the token's role")
	}
	for _, secret := range []string{opsToken, leakedToken, clerkToken, readerToken, auth.HashToken(leakedToken), auth.HashToken(clerkToken)} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the logs show %s", secret)
		}
	}
	stop()

	// SIGHUP alone (no watch): the revoked token put back.
	replaceFile(t, tokensPath, b)
	replaceFile(t, teamsPath, routing.DefaultFile())
	conn, logs, _ = startServe(t, "-data-dir="+dir, "-tokens="+tokensPath, "-teams="+teamsPath, "-tokens-watch=0")
	metricsURL = "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	expect("at the restart", map[string]codes.Code{leakedToken: codes.Unauthenticated})
	replaceFile(t, tokensPath, a)
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitMetric(`fenjian_tokens_reloads_total{result="swapped",trigger="sighup"}`, 1)
	expect("after SIGHUP", map[string]codes.Code{leakedToken: codes.OK, clerkToken: codes.Unauthenticated})
}
