package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/checkpoint"
)

// TestServeLocalTokens: the first start makes owner-only local tokens and
// says where; the second start keeps them.
func TestServeLocalTokens(t *testing.T) {
	dataDir := t.TempDir()
	_, logs, stop := startServe(t, "-data-dir="+dataDir)
	stop()
	if !strings.Contains(logs.String(), "created local tokens") || !strings.Contains(logs.String(), auth.LocalSecretsFile) {
		t.Errorf("first start does not say where the local tokens are:\n%s", logs.String())
	}
	before := map[string]string{}
	for _, name := range []string{auth.LocalTokensFile, auth.LocalSecretsFile} {
		fi, err := os.Stat(filepath.Join(dataDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v; want 0600", name, fi.Mode().Perm())
		}
		b, _ := os.ReadFile(filepath.Join(dataDir, name))
		before[name] = string(b)
	}
	if strings.Contains(before[auth.LocalTokensFile], auth.TokenPrefix) {
		t.Error("the tokens file holds a token, not only its hash")
	}
	_, logs, _ = startServe(t, "-data-dir="+dataDir)
	if strings.Contains(logs.String(), "created local tokens") {
		t.Error("second start made new tokens")
	}
	b, _ := os.ReadFile(filepath.Join(dataDir, auth.LocalTokensFile))
	if string(b) != before[auth.LocalTokensFile] {
		t.Error("second start changed the tokens file")
	}
}

// TestServeRefusesPlaintextOffLoopback: all interfaces without TLS stops the
// start unless -insecure is given.
func TestServeRefusesPlaintextOffLoopback(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	logs := &syncBuffer{}
	if code := serve(ctx, []string{"-grpc-addr=0.0.0.0:0", "-http-addr=127.0.0.1:0", "-data-dir=" + t.TempDir()}, logs); code != 1 {
		t.Fatalf("exit code %d; want 1\n%s", code, logs.String())
	}
	if !strings.Contains(logs.String(), "not loopback and has no TLS") {
		t.Errorf("no reason given:\n%s", logs.String())
	}
	_, logs, _ = startServe(t, "-data-dir="+t.TempDir(), "-grpc-addr=0.0.0.0:0", "-insecure")
	if !strings.Contains(logs.String(), "without TLS on a non-loopback address") {
		t.Errorf("-insecure start does not warn:\n%s", logs.String())
	}
}

// TestServeCheckpoints: with -checkpoint-dir the head is signed at shutdown
// (and the signature verifies with the key's verifier).
func TestServeCheckpoints(t *testing.T) {
	dir := t.TempDir()
	keyFile, verifier := checkpointKey(t, dir)
	cpDir := filepath.Join(dir, "checkpoints")
	if err := os.Mkdir(cpDir, 0o700); err != nil {
		t.Fatal(err)
	}
	conn, _, stop := startServe(t, "-data-dir="+filepath.Join(dir, "data"), "-checkpoint-dir="+cpDir, "-checkpoint-key="+keyFile, "-checkpoint-interval=1h")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := triagev1.NewTriageServiceClient(conn).Triage(ctx, loanRequest("(2024)苏0106民初7号")); err != nil {
		t.Fatal(err)
	}
	stop()
	entries, err := os.ReadDir(cpDir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("checkpoints after shutdown: %v, %v; want one", entries, err)
	}
	b, err := os.ReadFile(filepath.Join(cpDir, entries[0].Name()))
	if err != nil {
		t.Fatal(err)
	}
	head, err := checkpoint.Open(b, verifier)
	if err != nil || head.Seq < 1 {
		t.Errorf("checkpoint %s: %+v, %v; want a signed head past the decision", entries[0].Name(), head, err)
	}
}

// TestServeRefusesTeamRoleOfNoTeam: a token or certificate whose team role
// names no team of the teams file stops the start, naming the entry and the
// team, as an unknown role does. Otherwise a typo in a team id ("civil-1"
// for "civil-trial-1") starts cleanly and the team's client is refused its
// feed at run time, with nothing at start to say why. A team of the file
// starts.
func TestServeRefusesTeamRoleOfNoTeam(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	for _, tc := range []struct {
		name, flag, file, want string
		code                   int
	}{
		{"token, team field", "-tokens", `{"tokens":[{"name":"civil-1-reader","team":"civil-1","sha256":"` + hash + `"}]}`,
			`tokens file: civil-1-reader: role team:civil-1 names no team of the teams file`, 1},
		{"token, team role", "-tokens", `{"tokens":[{"name":"reader","roles":["judge","team:CIVIL-TRIAL-1"],"sha256":"` + hash + `"}]}`,
			`tokens file: reader: role team:CIVIL-TRIAL-1 names no team of the teams file`, 1},
		{"token of a real team", "-tokens", `{"tokens":[{"name":"reader","team":"civil-trial-1","sha256":"` + hash + `"}]}`, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "auth.json")
			if err := os.WriteFile(path, []byte(tc.file), 0o600); err != nil {
				t.Fatal(err)
			}
			args := []string{"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0", "-data-dir=" + dir, tc.flag + "=" + path}
			if tc.code == 0 {
				startServe(t, args[2:]...)
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			logs := &syncBuffer{}
			if code := serve(ctx, args, logs); code != tc.code {
				t.Fatalf("exit code %d; want %d\n%s", code, tc.code, logs.String())
			}
			if !strings.Contains(logs.String(), tc.want) {
				t.Errorf("the refusal does not say %q:\n%s", tc.want, logs.String())
			}
		})
	}
}

// TestServeTeamFeedBounds: -max-team-feeds and -max-team-feeds-per-caller
// bound a real server's team feeds. Every feed up to the bound opens (each
// on a connection of its own) and stays open; the next is refused with
// RESOURCE_EXHAUSTED and the message the bound it hit gives. Near miss: as
// many feeds plus one open under the defaults.
func TestServeTeamFeedBounds(t *testing.T) {
	tests := []struct {
		name string
		args []string
		open int
		msg  string // the next feed's refusal; "" if it opens
	}{
		{"on the server", []string{"-max-team-feeds=2"}, 2, "too many team feeds open on this server"},
		{"per identity", []string{"-max-team-feeds-per-caller=1"}, 1, "too many team feeds open for this identity"},
		{"defaults", nil, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := t.TempDir()
			conn, _, _ := startServe(t, append([]string{"-data-dir=" + dataDir}, tt.args...)...)
			watch := func() (triagev1.TriageService_WatchAssignmentsClient, error) {
				c := triagev1.NewTriageServiceClient(dialLocal(t, conn, dataDir, "FENJIAN_PRESIDENT_TOKEN"))
				ctx, cancel := context.WithCancel(context.Background())
				t.Cleanup(cancel)
				s, err := c.WatchAssignments(ctx, &triagev1.WatchAssignmentsRequest{TeamId: "family"})
				if err != nil {
					return nil, err
				}
				// A refused feed ends at once; an open one sends nothing
				// while its team has no assignment.
				recv := make(chan error, 1)
				go func() { _, err := s.Recv(); recv <- err }()
				select {
				case err := <-recv:
					return nil, err
				case <-time.After(300 * time.Millisecond):
					return s, nil
				}
			}
			for i := range tt.open {
				if _, err := watch(); err != nil {
					t.Fatalf("feed %d of %d: %v", i+1, tt.open, err)
				}
			}
			_, err := watch()
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("feed %d under the defaults: %v", tt.open+1, err)
				}
				return
			}
			if status.Code(err) != codes.ResourceExhausted || !strings.Contains(status.Convert(err).Message(), tt.msg) {
				t.Fatalf("feed %d: %v; want RESOURCE_EXHAUSTED, %q", tt.open+1, err, tt.msg)
			}
		})
	}
}
