package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/checkpoint"
)

// TestServeLifecycle runs the real command on 127.0.0.1:0, triages one filing
// and shuts it down through context cancellation, as SIGTERM would.
func TestServeLifecycle(t *testing.T) {
	const shutdownTimeout = 5 * time.Second
	dataDir := filepath.Join(t.TempDir(), "data")
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{
			"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0",
			"-data-dir=" + dataDir, "-log-level=debug", "-shutdown-timeout=" + shutdownTimeout.String(),
		}, logs)
	}()
	serving := waitForLog(t, logs, done, "serving")
	grpcAddr, httpAddr := serving["grpc_addr"].(string), serving["http_addr"].(string)

	callCtx, cancelCalls := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancelCalls()
	conn, err := grpc.NewClient(grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if resp, err := healthpb.NewHealthClient(conn).Check(callCtx, &healthpb.HealthCheckRequest{}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("health = %v, %v; want SERVING", resp, err)
	}
	client := triagev1.NewTriageServiceClient(conn)
	resp, err := client.Triage(callCtx, &triagev1.TriageRequest{Filing: &triagev1.Filing{
		Id: "(2024)辽0102民初1234号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Parties: plaintiffAndDefendant(),
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "辽宁省", FiledOn: "2024-03-05",
		Cause: "民间借贷纠纷", ClaimAmountFen: 3000000,
	}})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	if resp.GetDecision().GetDecisionId() == "" || resp.GetDecision().GetRulesVersion() == "" || resp.GetDecision().GetModelVersion() == "" {
		t.Errorf("incomplete decision: %v", resp.GetDecision())
	}
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		req, _ := http.NewRequestWithContext(callCtx, http.MethodGet, "http://"+httpAddr+path, nil)
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		var body bytes.Buffer
		_, _ = body.ReadFrom(r.Body)
		r.Body.Close()
		if r.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d", path, r.StatusCode)
		}
		if path == "/metrics" {
			for _, want := range []string{"go_goroutines", "process_", "go_build_info", "fenjian_triage_requests_total", "fenjian_store_", "grpc_server_handled_total"} {
				if !strings.Contains(body.String(), want) {
					t.Errorf("/metrics lacks %s", want)
				}
			}
		}
	}

	start := time.Now()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit code %d after shutdown, want 0\n%s", code, logs.String())
		}
	case <-time.After(shutdownTimeout + 5*time.Second):
		t.Fatalf("serve did not return within the shutdown deadline\n%s", logs.String())
	}
	if took := time.Since(start); took > shutdownTimeout {
		t.Errorf("shutdown took %v, deadline %v", took, shutdownTimeout)
	}
	if _, err := os.Stat(filepath.Join(dataDir, dbFile)); err != nil {
		t.Errorf("no store file: %v", err)
	}
	for _, msg := range []string{`"msg":"shutting down"`, `"msg":"store closed"`} {
		if !strings.Contains(logs.String(), msg) {
			t.Errorf("logs lack %s", msg)
		}
	}
}

func TestServeExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		msg  string // what stderr must say, when set
	}{
		{name: "help", args: []string{"-h"}, code: 0},
		{name: "unknown flag", args: []string{"-no-such-flag"}, code: 2},
		{name: "bad log level", args: []string{"-log-level=loud"}, code: 2},
		{name: "stray argument", args: []string{"serve"}, code: 2},
		{name: "missing rules file", args: []string{"-rules=" + filepath.Join(t.TempDir(), "none.json")}, code: 1},
		{name: "missing holidays file", args: []string{"-holidays=" + filepath.Join(t.TempDir(), "none.json")}, code: 1},
		{name: "bad holidays file", args: []string{"-holidays=" + badHolidays(t)}, code: 1},
		{name: "bad listen address", args: []string{"-grpc-addr=127.0.0.1:-1", "-http-addr=127.0.0.1:0"}, code: 1},
		// A negative figure is a usage error, not a silent "off" or a
		// shutdown with no delay: each of these started and served.
		{name: "negative shutdown delay", args: []string{"-shutdown-delay=-5s"}, code: 2},
		{name: "negative shutdown timeout", args: []string{"-shutdown-timeout=-1s"}, code: 2},
		{name: "negative store check interval", args: []string{"-store-check-interval=-1s"}, code: 2},
		{name: "negative model watch", args: []string{"-model-watch=-1s"}, code: 2},
		{name: "negative teams watch", args: []string{"-teams-watch=-1s"}, code: 2},
		{name: "negative rules watch", args: []string{"-rules-watch=-1s"}, code: 2},
		{name: "negative checkpoint interval", args: []string{"-checkpoint-interval=-1m"}, code: 2},
		{name: "negative shadow queue", args: []string{"-shadow-queue=-1"}, code: 2},
		// Allocated whole at start: 3,000,000,000 ended in "fatal error:
		// runtime: out of memory" (outside check 9).
		{name: "shadow queue too long", args: []string{"-shadow-queue=4097"}, code: 2, msg: "-shadow-queue=4097: must be at most 4096 (the default is 256)"},
		// Zero was the default, silently, as -max-concurrent-calls=0 was
		// (outside check 13): a shutdown given no time to drain took 15 s,
		// an empty shadow queue 256 filings.
		{name: "shutdown timeout zero", args: []string{"-shutdown-timeout=0"}, code: 2, msg: "-shutdown-timeout=0s: must be positive (the default is 15s)"},
		{name: "shadow queue zero", args: []string{"-shadow-queue=0"}, code: 2, msg: "-shadow-queue=0: must be at least 1 (the default is 256)"},
		// Zero meant no checkpoint until shutdown, silently (outside check 9).
		{name: "checkpoint interval zero", args: append(checkpointFlags(t), "-checkpoint-interval=0"), code: 2, msg: "-checkpoint-interval=0s: must be positive with -checkpoint-dir"},
		{name: "negative rate limit", args: []string{"-rate-limit=-5"}, code: 2},
		{name: "negative rate burst", args: []string{"-rate-limit=1", "-rate-burst=-3"}, code: 2},
		// NaN passed the "not negative" check and turned the limit off,
		// the operator having asked for one (outside check 7).
		{name: "rate limit not a number", args: []string{"-rate-limit=NaN"}, code: 2, msg: "-rate-limit=NaN: must be a finite number of calls per second (0 disables)"},
		{name: "infinite rate limit", args: []string{"-rate-limit=+Inf"}, code: 2, msg: "-rate-limit=+Inf: must be a finite number of calls per second (0 disables)"},
		// Team feeds have no "off": 0 would have meant the default (1,024)
		// in server.Security, a negative figure too.
		// 0 was 512, the default, silently (outside check 12).
		{name: "no concurrent calls", args: []string{"-max-concurrent-calls=0"}, code: 2, msg: "-max-concurrent-calls=0: must be at least 1, or negative for no limit (the default is 512)"},
		{name: "no team feeds", args: []string{"-max-team-feeds=0"}, code: 2, msg: "-max-team-feeds=0: must be at least 1 (the default is 1024)"},
		{name: "negative team feeds", args: []string{"-max-team-feeds=-1"}, code: 2, msg: "-max-team-feeds=-1: must be at least 1"},
		{name: "no team feeds per caller", args: []string{"-max-team-feeds-per-caller=0"}, code: 2, msg: "-max-team-feeds-per-caller=0: must be at least 1 (the default is 256)"},
		{name: "negative team feeds per caller", args: []string{"-max-team-feeds-per-caller=-5"}, code: 2, msg: "-max-team-feeds-per-caller=-5: must be at least 1"},
		{name: "team feeds not a number", args: []string{"-max-team-feeds=many"}, code: 2, msg: "invalid value \"many\" for flag -max-team-feeds"},
		{name: "no connections", args: []string{"-max-connections=0"}, code: 2, msg: "-max-connections=0: must be at least 1 (the default is 1024)"},
		{name: "negative connections", args: []string{"-max-connections=-1"}, code: 2, msg: "-max-connections=-1: must be at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-data-dir=" + t.TempDir(), "-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0"}, tt.args...)
			var out syncBuffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if got := serve(ctx, args, &out); got != tt.code {
				t.Errorf("serve(%q) = %d, want %d\n%s", args, got, tt.code, out.String())
			}
			if !strings.Contains(out.String(), tt.msg) {
				t.Errorf("serve(%q) does not say %q:\n%s", args, tt.msg, out.String())
			}
		})
	}
}

// waitForLog waits for the JSON log record with the given msg and returns it.
func waitForLog(t *testing.T, logs *syncBuffer, done <-chan int, msg string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		sc := bufio.NewScanner(strings.NewReader(logs.String()))
		for sc.Scan() {
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec["msg"] == msg {
				return rec
			}
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d before logging %q\n%s", code, msg, logs.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("no %q log record\n%s", msg, logs.String())
	return nil
}

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// checkpointFlags returns -checkpoint-dir and -checkpoint-key flags naming a
// new directory and a signer key that triaged accepts.
func checkpointFlags(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	keyFile, _ := checkpointKey(t, dir)
	return []string{"-checkpoint-dir=" + dir, "-checkpoint-key=" + keyFile}
}

// checkpointKey writes a new signer key into dir and returns its file and
// the key's verifier.
func checkpointKey(t *testing.T, dir string) (keyFile, verifier string) {
	t.Helper()
	signer, verifier, err := checkpoint.GenerateKey("test")
	if err != nil {
		t.Fatal(err)
	}
	keyFile = filepath.Join(dir, "cp.key")
	if err := os.WriteFile(keyFile, []byte(signer), 0o600); err != nil {
		t.Fatal(err)
	}
	return keyFile, verifier
}

// badHolidays writes a calendar with a duplicate day: refused as a whole.
func badHolidays(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "holidays.json")
	b := `{"version":"v","notices":[{"year":2024,"title":"t","number":"n","issued_on":"2023-10-25","rest":["2024-10-01","2024-10-01"]}]}`
	if err := os.WriteFile(path, []byte(b), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// plaintiffAndDefendant are the two sides every civil filing needs
// (民事诉讼法第一百二十二条).
func plaintiffAndDefendant() []*triagev1.Party {
	return []*triagev1.Party{
		{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
		{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
	}
}

// TestHealthcheckSubcommand: "triaged healthcheck" exits 0 against a
// serving triaged and 1 against an address where nothing serves, as the
// container's HEALTHCHECK needs.
func TestHealthcheckSubcommand(t *testing.T) {
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0", "-data-dir=" + t.TempDir()}, logs)
	}()
	t.Cleanup(func() { cancel(); <-done })
	serving := waitForLog(t, logs, done, "serving")
	addr := serving["grpc_addr"].(string)
	httpAddr := serving["http_addr"].(string)

	tests := []struct {
		name string
		args []string
		code int
	}{
		{"serving", []string{"healthcheck", "-addr=" + addr}, 0},
		{"triage service", []string{"healthcheck", "-addr=" + addr, "-service=fenjian.triage.v1.TriageService"}, 0},
		{"unknown service", []string{"healthcheck", "-addr=" + addr, "-service=no.such.Service"}, 1},
		{"nothing listening", []string{"healthcheck", "-addr=127.0.0.1:1", "-timeout=1s"}, 1},
		{"bad flag", []string{"healthcheck", "-no-such-flag"}, 2},
		// -url: the image's HEALTHCHECK, which works whether gRPC has TLS.
		{"readyz", []string{"healthcheck", "-url=http://" + httpAddr + "/readyz"}, 0},
		{"healthz", []string{"healthcheck", "-url=http://" + httpAddr + "/healthz"}, 0},
		{"no such path", []string{"healthcheck", "-url=http://" + httpAddr + "/no-such-path"}, 1},
		{"nothing listening over HTTP", []string{"healthcheck", "-url=http://127.0.0.1:1/readyz", "-timeout=1s"}, 1},
		{"bad URL", []string{"healthcheck", "-url=::not a url"}, 2},
		{"not HTTP", []string{"healthcheck", "-url=ftp://" + httpAddr + "/readyz"}, 2},
		{"no host", []string{"healthcheck", "-url=http:///readyz"}, 2},
		{"https, nothing listening", []string{"healthcheck", "-url=https://127.0.0.1:1/readyz", "-timeout=1s"}, 1},
		// Usage errors exit 2, never a health answer: a service given as an
		// argument, or -service beside -url, would otherwise be ignored and
		// the whole server's health reported as that service's.
		{"positional argument", []string{"healthcheck", "-addr=" + addr, "no.such.Service"}, 2},
		{"url with service", []string{"healthcheck", "-url=http://" + httpAddr + "/readyz", "-service=no.such.Service"}, 2},
		{"url with addr", []string{"healthcheck", "-url=http://" + httpAddr + "/readyz", "-addr=127.0.0.1:1"}, 2},
		{"zero timeout", []string{"healthcheck", "-addr=" + addr, "-timeout=0s"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out syncBuffer
			if got := serve(context.Background(), tt.args, &out); got != tt.code {
				t.Errorf("serve(%q) = %d, want %d\n%s", tt.args, got, tt.code, out.String())
			}
		})
	}
}
