package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/internal/pgtest"
)

// startServe runs the command with args (plus loopback ports) until the test
// ends, and returns a client of its gRPC address and its logs.
func startServe(t *testing.T, args ...string) (*grpc.ClientConn, *syncBuffer, func()) {
	t.Helper()
	logs, done, stop := runServe(t, args...)
	serving := waitForLog(t, logs, done, "serving")
	conn, err := grpc.NewClient(serving["grpc_addr"].(string), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() }) // before runServe's stop: cleanups run last first
	return conn, logs, func() {
		_ = conn.Close()
		stop()
	}
}

// runServe starts the command with args (plus loopback ports) and returns
// its logs, its exit code once it ends, and a stop that ends it and checks
// it exits with 0, run at the test's end if not before.
func runServe(t *testing.T, args ...string) (*syncBuffer, <-chan int, func()) {
	t.Helper()
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, append([]string{"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0", "-shutdown-timeout=5s"}, args...), logs)
	}()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("exit code %d\n%s", code, logs.String())
			}
		case <-time.After(20 * time.Second):
			t.Errorf("serve did not stop\n%s", logs.String())
		}
	}
	t.Cleanup(stop)
	return logs, done, stop
}

// bearer sends a token on every call of a plaintext loopback connection.
type bearer string

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func (bearer) RequireTransportSecurity() bool { return false }

// dialLocal connects to conn's server with the local token named env
// (FENJIAN_ADMIN_TOKEN, ...) that the first start wrote to dataDir.
func dialLocal(t *testing.T, conn *grpc.ClientConn, dataDir, env string) *grpc.ClientConn {
	t.Helper()
	secrets, err := auth.ReadLocalSecrets(filepath.Join(dataDir, auth.LocalSecretsFile))
	if err != nil {
		t.Fatal(err)
	}
	if secrets[env] == "" {
		t.Fatalf("no %s in the local tokens", env)
	}
	c, err := grpc.NewClient(conn.Target(), grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(bearer(secrets[env])))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// TestServePostgresStore: with -store postgres://…, decisions go to
// PostgreSQL, survive a restart, and the URL's password never reaches the
// logs, in the user information or as the password parameter libpq and pgx
// also take (the start log printed that one: outside check 9).
func TestServePostgresStore(t *testing.T) {
	dsn := pgtest.Schema(t)
	withPassword := strings.Replace(dsn, "postgres://postgres@", "postgres://postgres:hunter2@", 1) + "&password=hunter3"
	conn, logs, stop := startServe(t, "-data-dir="+t.TempDir(), "-store="+withPassword)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	resp, err := triagev1.NewTriageServiceClient(conn).Triage(ctx, &triagev1.TriageRequest{Filing: &triagev1.Filing{
		Id: "(2024)沪0101民初7号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Parties: plaintiffAndDefendant(),
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "310000", FiledOn: "2024-03-05",
		Cause: "物业服务合同纠纷", ClaimAmountFen: 680000,
	}})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	stop()
	if strings.Contains(logs.String(), "hunter2") || strings.Contains(logs.String(), "hunter3") {
		t.Errorf("logs reveal the store password:\n%s", logs.String())
	}

	conn2, _, _ := startServe(t, "-data-dir="+t.TempDir(), "-store="+dsn)
	got, err := triagev1.NewTriageServiceClient(conn2).GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: resp.GetDecision().GetDecisionId()})
	if err != nil {
		t.Fatalf("GetDecision after restart: %v", err)
	}
	if diff := cmp.Diff(resp.GetDecision(), got.GetDecision(), protocmp.Transform()); diff != "" {
		t.Errorf("stored decision differs (-answered +stored):\n%s", diff)
	}
}

// TestServeRefusesKeywordDSN: a -store (or FENJIAN_STORE) written as a
// PostgreSQL keyword/value DSN stops the start with exit code 1, without the
// password in the logs and without a file made of it. triaged took it for a
// SQLite path: it served a new SQLite file named "host=… password=…" in its
// working directory, and logged the password 21 times (outside check 9).
func TestServeRefusesKeywordDSN(t *testing.T) {
	dsn := "host=127.0.0.1 port=5432 user=postgres password=hunter2 dbname=test sslmode=disable"
	for _, viaEnv := range []bool{false, true} {
		work := t.TempDir()
		t.Chdir(work)
		args := []string{"-data-dir=" + filepath.Join(work, "data"), "-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0"}
		if viaEnv {
			t.Setenv("FENJIAN_STORE", dsn)
		} else {
			args = append(args, "-store="+dsn)
		}
		var out syncBuffer
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		code := serve(ctx, args, &out)
		cancel()
		if code != 1 || !strings.Contains(out.String(), "keyword/value") || strings.Contains(out.String(), "hunter2") {
			t.Errorf("env %v: exit code %d, want 1 with a keyword/value refusal and no password:\n%s", viaEnv, code, out.String())
		}
		entries, _ := os.ReadDir(work)
		for _, e := range entries {
			if e.Name() != "data" {
				t.Errorf("env %v: the start left %q in its working directory", viaEnv, e.Name())
			}
		}
	}
}

// TestServeRefusesCorruptStore: a SQLite file that is not a database, or
// fails its integrity check, stops the start with exit code 1 and an error
// that names the file, instead of serving on it.
func TestServeRefusesCorruptStore(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
	}{
		{"not a database", []byte(strings.Repeat("not a SQLite file\n", 300))},
		// A valid header and nothing else: the page count it claims is
		// not there.
		{"truncated", append([]byte("SQLite format 3\x00\x10\x00\x01\x01\x00\x40\x20\x20\x00\x00\x00\x09\x00\x00\x00\x09"), make([]byte, 100)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, dbFile)
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			var out syncBuffer
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			code := serve(ctx, []string{"-data-dir=" + dir, "-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0"}, &out)
			if code != 1 || !strings.Contains(out.String(), path) || !strings.Contains(out.String(), "corrupt") {
				t.Errorf("serve on a corrupt %s = %d, want 1 and an error naming the file as corrupt\n%s", path, code, out.String())
			}
		})
	}
}
