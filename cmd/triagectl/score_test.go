package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/batch"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/testpki"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/server"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// scoreOutLine is what one output line of `triagectl score` must be: a decision
// for filingID recommending recommended, or an error record.
type scoreOutLine struct {
	filingID    string
	recommended triagev1.Procedure
	errLine     int    // the input line an error record names; 0 for a decision
	errCode     string // e.g. "INVALID_ARGUMENT"
	errField    string
}

// scoreFixtureOut is the expected output for testdata/filings.jsonl, in order.
var scoreFixtureOut = []scoreOutLine{
	{filingID: "(2024)辽0102民初1234号", recommended: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS}, // 30,000 yuan ≤ 辽宁's 47,000: mandatory
	{filingID: "(2024)浙0106民初3321号", recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED},   // personal status: no small claims
	{errLine: 3, errCode: "INVALID_ARGUMENT"},                                                // malformed JSON
	{filingID: "(2024)苏0102刑初215号", recommended: triagev1.Procedure_PROCEDURE_FAST_TRACK},    // guilty plea, 拘役四个月
	{filingID: "(2024)辽0102民初1301号", errLine: 5, errCode: "INVALID_ARGUMENT", errField: "filing.claim_amount_fen"},
	{filingID: "(2024)沪7101行初1203号", recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED}, // 政府信息公开 (行政诉讼法 82)
}

// scoreFixtureGood is the fixture without its bad lines, and its expected output.
func scoreFixtureGood(t *testing.T) (string, []scoreOutLine) {
	t.Helper()
	b, err := os.ReadFile("testdata/filings.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var (
		in   strings.Builder
		want []scoreOutLine
	)
	for i, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if scoreFixtureOut[i].errCode == "" {
			in.WriteString(l + "\n")
			want = append(want, scoreFixtureOut[i])
		}
	}
	return in.String(), want
}

// checkScoreOutput parses the JSONL output and compares it with want, line by line.
func checkScoreOutput(t *testing.T, out string, want []scoreOutLine, dryRun bool) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if out == "" {
		lines = nil
	}
	if len(lines) != len(want) {
		t.Fatalf("%d output lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if w.errCode != "" {
			var rec batch.ErrorRecord
			if err := json.Unmarshal([]byte(lines[i]), &rec); err != nil {
				t.Fatalf("output line %d: %v: %s", i+1, err, lines[i])
			}
			if rec.Line != w.errLine || rec.FilingID != w.filingID || rec.Error.Code != w.errCode || rec.Error.Field != w.errField {
				t.Fatalf("output line %d: %s\nwant line %d, filing %q, code %s, field %q", i+1, lines[i], w.errLine, w.filingID, w.errCode, w.errField)
			}
			continue
		}
		var d triagev1.Decision
		if err := protojson.Unmarshal([]byte(lines[i]), &d); err != nil {
			t.Fatalf("output line %d is not a Decision: %v: %s", i+1, err, lines[i])
		}
		if d.GetFilingId() != w.filingID || d.GetRecommended() != w.recommended || d.GetDryRun() != dryRun {
			t.Fatalf("output line %d: decision for %q recommends %v (dry_run %v), want %q %v (dry_run %v)",
				i+1, d.GetFilingId(), d.GetRecommended(), d.GetDryRun(), w.filingID, w.recommended, dryRun)
		}
	}
}

func TestScore(t *testing.T) {
	good, goodOut := scoreFixtureGood(t)
	outFile := filepath.Join(t.TempDir(), "decisions.jsonl")
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantOut    []scoreOutLine // nil: no output expected on stdout
		outFile    string         // read the output from here instead of stdout
		wantStderr []string
	}{
		{
			name:     "fixture with bad lines",
			args:     []string{"score", "-local", "-model", "baseline", "-in", "testdata/filings.jsonl"},
			wantCode: 1,
			wantOut:  scoreFixtureOut,
			wantStderr: []string{
				"line 3 (filing ?): INVALID_ARGUMENT: not a complete JSON object (a truncated line?)",
				"line 5 (filing (2024)辽0102民初1301号): INVALID_ARGUMENT: invalid filing.claim_amount_fen: must not be negative",
				"scored 4, failed 2 in ",
				"recommended SMALL_CLAIMS 1, SIMPLIFIED 2, FAST_TRACK 1",
				"2 of 6 lines failed",
			},
		},
		{
			name:       "stdin, all good, in parallel",
			args:       []string{"score", "-local", "-model", "baseline", "-concurrency", "3"},
			stdin:      good,
			wantCode:   0,
			wantOut:    goodOut,
			wantStderr: []string{"scored 4, failed 0 in "},
		},
		{
			name:       "output file",
			args:       []string{"score", "-local", "-model", "baseline", "-in", "testdata/filings.jsonl", "-out", outFile, "-concurrency", "1"},
			wantCode:   1,
			wantOut:    scoreFixtureOut,
			outFile:    outFile,
			wantStderr: []string{"scored 4, failed 2"},
		},
		{
			name:       "explicit rules file",
			args:       []string{"score", "-local", "-model", "baseline", "-rules", writeScoreRules(t), "-in", "-"},
			stdin:      good,
			wantCode:   0,
			wantOut:    goodOut,
			wantStderr: []string{"scored 4, failed 0"},
		},
		{name: "help", args: []string{"score", "-h"}, wantCode: 0, wantStderr: []string{"usage: triagectl score", "-concurrency"}},
		{name: "local and addr", args: []string{"score", "-local", "-addr", "127.0.0.1:50051"}, wantCode: 2, wantStderr: []string{"-local and -addr exclude each other"}},
		{name: "unknown flag", args: []string{"score", "-bogus"}, wantCode: 2, wantStderr: []string{"flag provided but not defined: -bogus"}},
		{name: "concurrency zero", args: []string{"score", "-local", "-concurrency", "0"}, wantCode: 2, wantStderr: []string{"-concurrency must be at least 1"}},
		{name: "concurrency negative", args: []string{"score", "-concurrency=-3"}, wantCode: 2, wantStderr: []string{"-concurrency must be at least 1"}},
		// Workers and their window are made before a line is read: 2e9
		// ran triagectl out of memory (outside check 9).
		{name: "concurrency too high", args: []string{"score", "-local", "-model", "baseline", "-concurrency", "1025"}, stdin: good, wantCode: 2, wantStderr: []string{"-concurrency must be at most 1024, got 1025"}},
		{name: "concurrency at the bound", args: []string{"score", "-local", "-model", "baseline", "-concurrency", "1024"}, stdin: good, wantCode: 0, wantOut: goodOut, wantStderr: []string{"scored 4, failed 0"}},
		{name: "rules without local", args: []string{"score", "-rules", "r.json"}, wantCode: 2, wantStderr: []string{"-rules needs -local"}},
		{name: "holidays without local", args: []string{"score", "-holidays", "h.json"}, wantCode: 2, wantStderr: []string{"-holidays needs -local"}},
		{name: "dry run with local", args: []string{"score", "-local", "-dry-run"}, wantCode: 2, wantStderr: []string{"-dry-run is for a server"}},
		{name: "timeout with local", args: []string{"score", "-local", "-timeout", "1s"}, wantCode: 2, wantStderr: []string{"-timeout is for calls to a server"}},
		{name: "zero timeout", args: []string{"score", "-timeout", "0s"}, wantCode: 2, wantStderr: []string{"-timeout must be positive"}},
		{name: "positional argument", args: []string{"score", "-local", "filings.jsonl"}, wantCode: 2, wantStderr: []string{`unexpected argument "filings.jsonl"`}},
		{name: "missing input", args: []string{"score", "-local", "-in", "testdata/nope.jsonl"}, wantCode: 1, wantStderr: []string{"open input"}},
		{name: "model without local", args: []string{"score", "-model", "baseline"}, wantCode: 2, wantStderr: []string{"-model needs -local"}},
		{name: "missing model directory", args: []string{"score", "-local", "-model", "testdata/no-such-model"}, wantCode: 1, wantStderr: []string{"load model"}},
		{name: "missing rules file", args: []string{"score", "-local", "-rules", "testdata/nope.json"}, wantCode: 1, wantStderr: []string{"load rules"}},
		{name: "missing holidays file", args: []string{"score", "-local", "-holidays", "testdata/nope.json"}, wantCode: 1, wantStderr: []string{"load holidays"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, stdout, stderr := testEnv(tc.stdin)
			code := dispatch(scoreContext(t), e, tc.args)
			if code != tc.wantCode {
				t.Fatalf("exit code %d, want %d\nstderr:\n%s", code, tc.wantCode, stderr)
			}
			for _, s := range tc.wantStderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			out := stdout.String()
			if tc.outFile != "" {
				if out != "" {
					t.Fatalf("stdout not empty with -out: %s", out)
				}
				b, err := os.ReadFile(tc.outFile)
				if err != nil {
					t.Fatal(err)
				}
				out = string(b)
			}
			checkScoreOutput(t, out, tc.wantOut, true)
		})
	}
}

// TestScoreRemote runs `triagectl score -addr` against the real server.
func TestScoreRemote(t *testing.T) {
	addr := startScoreServer(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		dryRun   bool
	}{
		{"stored", []string{"score", "-addr", addr, "-in", "testdata/filings.jsonl", "-concurrency", "2"}, 1, false},
		{"dry run", []string{"score", "-addr", addr, "-dry-run", "-timeout", "5s", "-in", "testdata/filings.jsonl"}, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, stdout, stderr := testEnv("")
			if code := dispatch(scoreContext(t), e, tc.args); code != tc.wantCode {
				t.Fatalf("exit code %d, want %d\nstderr:\n%s", code, tc.wantCode, stderr)
			}
			checkScoreOutput(t, stdout.String(), scoreFixtureOut, tc.dryRun)
			if !strings.Contains(stderr.String(), "scored 4, failed 2") {
				t.Fatalf("stderr:\n%s", stderr)
			}
		})
	}
}

// TestScoreInterrupted: a canceled context (Ctrl-C) stops the command with
// exit code 1 and whatever was complete flushed.
func TestScoreInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(scoreContext(t))
	cancel()
	e, stdout, stderr := testEnv("")
	if code := dispatch(ctx, e, []string{"score", "-local", "-in", "testdata/filings.jsonl"}); code != 1 {
		t.Fatalf("exit code %d, want 1\nstderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("stderr does not say interrupted:\n%s", stderr)
	}
	checkScoreOutput(t, stdout.String(), nil, true)
}

func scoreContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// writeScoreRules writes the embedded rules file to a temporary file, to
// exercise -rules with a file known to be valid.
func writeScoreRules(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "rules.json")
	if err := os.WriteFile(p, rules.DefaultFile(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// startScoreServer runs the real fenjian server on 127.0.0.1:0 over the real
// triage engine and a temporary SQLite store, and returns its address.
func startScoreServer(t *testing.T) string {
	t.Helper()
	return startScoreServerWith(t, server.Security{})
}

// startScoreServerWith is startScoreServer with sec's callers, tokens and TLS.
func startScoreServerWith(t *testing.T, sec server.Security) string {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	svc, err := server.NewService(server.Options{Decider: triage.New(r, classifier.NewBaseline()), Store: st})
	if err != nil {
		t.Fatalf("NewService: %v", err)
	}
	health := server.NewHealth()
	srv, err := server.NewGRPCServer(svc, health, server.GRPCOptions{Security: sec})
	if err != nil {
		t.Fatalf("NewGRPCServer: %v", err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(lis) }()
	t.Cleanup(func() {
		srv.Stop()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	health.SetServing()
	return lis.Addr().String()
}

// TestScoreLocalServesDefaultModel: without -model, -local scores with the
// model embedded in the binary, the one triaged serves without -model.
func TestScoreLocalServesDefaultModel(t *testing.T) {
	def, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	good, _ := scoreFixtureGood(t)
	e, stdout, stderr := testEnv(good)
	if code := dispatch(scoreContext(t), e, []string{"score", "-local"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	for i, line := range lines {
		var d triagev1.Decision
		if err := protojson.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if d.GetModelVersion() != def.Version() {
			t.Errorf("line %d scored by %q, want the embedded %q", i+1, d.GetModelVersion(), def.Version())
		}
	}
}

// TestScoreReportEscapesFilingIDs: the one-line report of a failed line on
// stderr names the filing by its id as read from the file; an id refused
// for an ESC sequence or a bidirectional override must not act on the
// terminal showing the report (clear it, recolour it, reorder the line). The
// JSONL error record on stdout keeps the id as it was (JSON escapes what it
// must).
func TestScoreReportEscapesFilingIDs(t *testing.T) {
	good, _ := scoreFixtureGood(t)
	first := strings.SplitN(good, "\n", 2)[0]
	var f map[string]any
	if err := json.Unmarshal([]byte(first), &f); err != nil {
		t.Fatal(err)
	}
	id := "A\x1b[2J\u202eB\u009b31m"
	filing, ok := f["filing"].(map[string]any)
	if !ok {
		t.Fatalf("the fixture's first line is not a LabeledFiling: %s", first)
	}
	filing["id"] = id
	line, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	e, stdout, stderr := testEnv(string(line) + "\n")
	if code := dispatch(scoreContext(t), e, []string{"score", "-local", "-model", "baseline"}); code != 1 {
		t.Fatalf("exit code %d, want 1\nstderr:\n%s", code, stderr)
	}
	for _, r := range []string{"\x1b", "\u202e", "\u009b"} {
		if strings.Contains(stderr.String(), r) {
			t.Errorf("stderr holds %q as it was in the file:\n%q", r, stderr)
		}
	}
	if want := `line 1 (filing A\u001B[2J\u202EB\u009B31m): INVALID_ARGUMENT: invalid filing.id: control character U+001B at 1`; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	var rec batch.ErrorRecord
	if err := json.Unmarshal(stdout.Bytes(), &rec); err != nil || rec.FilingID != id {
		t.Errorf("error record %s (%v): want filing_id %q as read", stdout, err, id)
	}
}

// TestScoreRemoteTLSAndToken: a deployed triaged serves gRPC over TLS and
// wants a filing token from every caller (docs/security.md), so `score -addr`
// must be able to present both: -tls-ca verifies the server's certificate,
// -token-file sends the token (read from a file, never on the command line).
// The server here is in -insecure mode, where loopback callers are not
// anonymous, as callers of a deployed one are not.
func TestScoreRemoteTLSAndToken(t *testing.T) {
	dir := t.TempDir()
	ca := testpki.NewCA(t)
	certFile, keyFile, caFile := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key"), filepath.Join(dir, "ca.pem")
	ca.IssueFiles(t, "localhost", certFile, keyFile)
	if err := os.WriteFile(caFile, ca.PEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	token := "fjt_score-test"
	judgeToken := "fjt_score-test-judge" // a judge may not call Triage
	tokens, err := auth.ParseTokens([]byte(`{"tokens":[{"name":"filing-system","roles":["filing"],"sha256":"` + auth.HashToken(token) + `"},` +
		`{"name":"judge-1","roles":["judge"],"sha256":"` + auth.HashToken(judgeToken) + `"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	tlsConf, err := server.LoadTLS(server.TLSFiles{CertFile: certFile, KeyFile: keyFile}, nil)
	if err != nil {
		t.Fatal(err)
	}
	addr := startScoreServerWith(t, server.Security{Tokens: tokens, TLS: tlsConf, Insecure: true})
	_, port, _ := net.SplitHostPort(addr)
	addr = net.JoinHostPort("localhost", port) // the certificate's name
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	judgeTokenFile := filepath.Join(dir, "judge-token")
	if err := os.WriteFile(judgeTokenFile, []byte(judgeToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// 60 filings: the refusals of a credential stop the run at the first
	// (outside check 26: every line was sent, and refused, one by one).
	fixture, err := os.ReadFile("testdata/filings.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	many := filepath.Join(dir, "many.jsonl")
	if err := os.WriteFile(many, bytes.Repeat(fixture, 10), 0o600); err != nil {
		t.Fatal(err)
	}
	// Files over the bounds (sparse): read whole, -tls-ca /dev/zero took
	// triagectl until the kernel's OOM killer ended it (outside check 7).
	bigCA, bigToken := filepath.Join(dir, "big.pem"), filepath.Join(dir, "big-token")
	for path, size := range map[string]int64{bigCA: maxCAFileBytes + 1, bigToken: maxTokenFileBytes + 1} {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	in := []string{"-in", "testdata/filings.jsonl", "-dry-run"}
	for _, tc := range []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
		scored     bool
		// refusals, when above 0, is how many error records of the
		// credential's refusal stderr may hold at most.
		refusals int
	}{
		{"TLS and token", append([]string{"score", "-addr", addr, "-tls-ca", caFile, "-token-file", tokenFile}, in...), 1, "scored 4, failed 2", true, 0},
		{"TLS without token", append([]string{"score", "-addr", addr, "-tls-ca", caFile}, in...), 1, "UNAUTHENTICATED", false, 1},
		{"token without the role, 60 filings", []string{"score", "-addr", addr, "-tls-ca", caFile, "-token-file", judgeTokenFile, "-in", many, "-dry-run"}, 1, "stopped, as it would refuse every line", false, 1},
		{"no token, 60 filings", []string{"score", "-addr", addr, "-tls-ca", caFile, "-in", many, "-dry-run"}, 1, "the server refused the credential (UNAUTHENTICATED)", false, 1},
		{"token without TLS", append([]string{"score", "-addr", addr, "-token-file", tokenFile}, in...), 1, "UNAVAILABLE", false, 0},
		{"token in clear off loopback", []string{"score", "-addr", "10.0.0.1:50051", "-token-file", tokenFile}, 2, "would send the token in clear", false, 0},
		{"missing CA file", []string{"score", "-addr", addr, "-tls-ca", filepath.Join(dir, "none.pem")}, 1, "none.pem", false, 0},
		{"CA file too large", []string{"score", "-addr", addr, "-tls-ca", bigCA}, 1, "big.pem: larger than the limit", false, 0},
		{"CA file a device", []string{"score", "-addr", addr, "-tls-ca", "/dev/zero"}, 1, "/dev/zero: not a regular file but a device", false, 0},
		{"token file too large", []string{"score", "-addr", addr, "-tls-ca", caFile, "-token-file", bigToken}, 1, "big-token: larger than the limit", false, 0},
		{"token file a device", []string{"score", "-addr", addr, "-tls-ca", caFile, "-token-file", "/dev/zero"}, 1, "/dev/zero: not a regular file but a device", false, 0},
		{"empty token file", []string{"score", "-addr", addr, "-tls-ca", caFile, "-token-file", caFile + ".empty"}, 1, ".empty", false, 0},
		{"TLS with local", []string{"score", "-local", "-tls-ca", caFile}, 2, "-tls-ca is for a server", false, 0},
		{"token with local", []string{"score", "-local", "-token-file", tokenFile}, 2, "-token-file is for a server", false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, stdout, stderr := testEnv("")
			if code := dispatch(scoreContext(t), e, tc.args); code != tc.wantCode {
				t.Fatalf("exit code %d, want %d\nstderr:\n%s", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stderr.String(), tc.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.wantStderr, stderr)
			}
			if strings.Contains(stderr.String(), token) || strings.Contains(stdout.String(), token) {
				t.Errorf("the token is in the output")
			}
			if tc.scored {
				checkScoreOutput(t, stdout.String(), scoreFixtureOut, true)
			}
			if n := strings.Count(stderr.String(), `"code":"UNAUTHENTICATED"`) + strings.Count(stderr.String(), `"code":"PERMISSION_DENIED"`); tc.refusals > 0 && n > tc.refusals {
				t.Errorf("%d refusals of the credential reported; want at most %d (the run stops at the first):\n%s", n, tc.refusals, stderr)
			}
		})
	}
}

// TestScoreOverLongLine scores a file whose second line is 2 MiB, twice the
// reader's limit, between two good filings, in process and against the real
// server: the long line is an error record naming the limit, and the
// filing after it is scored (the whole input used to stop at it, exit 1
// with the third line never scored).
func TestScoreOverLongLine(t *testing.T) {
	good, goodOut := scoreFixtureGood(t)
	lines := strings.SplitAfter(good, "\n")
	long := `{"id":"(2024)辽0102民初9999号","text":"` + strings.Repeat("借", dataset.MaxLineBytes/3+1) + `"}` + "\n"
	in := filepath.Join(t.TempDir(), "filings.jsonl")
	if err := os.WriteFile(in, []byte(lines[0]+long+lines[1]), 0o600); err != nil {
		t.Fatal(err)
	}
	want := []scoreOutLine{goodOut[0], {errLine: 2, errCode: "INVALID_ARGUMENT"}, goodOut[1]}
	addr := startScoreServer(t)
	tests := []struct {
		name string
		args []string
	}{
		{"local", []string{"score", "-local", "-model", "baseline", "-in", in}},
		{"server", []string{"score", "-addr", addr, "-dry-run", "-in", in}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, stdout, stderr := testEnv("")
			if code := dispatch(scoreContext(t), e, tc.args); code != 1 {
				t.Fatalf("exit code %d, want 1 (a line failed)\nstderr:\n%s", code, stderr)
			}
			checkScoreOutput(t, stdout.String(), want, true)
			var rec batch.ErrorRecord
			if err := json.Unmarshal([]byte(strings.SplitN(stdout.String(), "\n", 3)[1]), &rec); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(rec.Error.Message, fmt.Sprintf("%d bytes", dataset.MaxLineBytes)) {
				t.Errorf("error record %+v does not name the limit", rec)
			}
			if !strings.Contains(stderr.String(), "scored 2, failed 1") {
				t.Errorf("stderr:\n%s", stderr)
			}
		})
	}
}

// TestScoreOutputIsNotInput gives -out the file the filings are read from,
// by its name, through a symbolic or a hard link, and as redirected stdin:
// os.Create truncated it before a line was read, so the filings were gone
// and the run said "scored 0, failed 0" with exit 0 (outside check 17).
// Each is a usage error that leaves the file as it was. -out naming another
// existing file replaces it only once the run ends, with mode 0600.
func TestScoreOutputIsNotInput(t *testing.T) {
	good, goodOut := scoreFixtureGood(t)
	for _, tc := range []struct {
		name string
		// setup writes the filings to in and returns the -out path and,
		// when the filings reach score on stdin, the file to read them from.
		setup func(t *testing.T, dir, in string) (out string, stdin bool)
	}{
		{name: "-out is -in", setup: func(t *testing.T, dir, in string) (string, bool) { return in, false }},
		{name: "-out is a symbolic link to -in", setup: func(t *testing.T, dir, in string) (string, bool) {
			link := filepath.Join(dir, "link.jsonl")
			if err := os.Symlink(in, link); err != nil {
				t.Fatal(err)
			}
			return link, false
		}},
		{name: "-out is a hard link to -in", setup: func(t *testing.T, dir, in string) (string, bool) {
			link := filepath.Join(dir, "hard.jsonl")
			if err := os.Link(in, link); err != nil {
				t.Fatal(err)
			}
			return link, false
		}},
		{name: "stdin is -out", setup: func(t *testing.T, dir, in string) (string, bool) { return in, true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "filings.jsonl")
			if err := os.WriteFile(in, []byte(good), 0o600); err != nil {
				t.Fatal(err)
			}
			out, viaStdin := tc.setup(t, dir, in)
			e, stdout, stderr := testEnv("")
			args := []string{"score", "-local", "-model", "baseline", "-out", out}
			if viaStdin {
				f, err := os.Open(in)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				e.stdin = f
			} else {
				args = append(args, "-in", in)
			}
			if code := dispatch(scoreContext(t), e, args); code != 2 {
				t.Errorf("exit code %d, want 2 (usage)\nstderr:\n%s", code, stderr)
			}
			if !strings.Contains(stderr.String(), "is the file the filings are read from") {
				t.Errorf("stderr does not say -out is the input:\n%s", stderr)
			}
			if b, err := os.ReadFile(in); err != nil || string(b) != good {
				t.Errorf("the filings file now holds %d bytes (%v), want the %d it had", len(b), err, len(good))
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %s", stdout)
			}
		})
	}

	t.Run("another existing file", func(t *testing.T) {
		dir := t.TempDir()
		in := filepath.Join(dir, "filings.jsonl")
		out := filepath.Join(dir, "decisions.jsonl")
		if err := os.WriteFile(in, []byte(good), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, []byte("an older run\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		e, _, stderr := testEnv("")
		if code := dispatch(scoreContext(t), e, []string{"score", "-local", "-model", "baseline", "-in", in, "-out", out}); code != 0 {
			t.Fatalf("exit code %d, want 0\nstderr:\n%s", code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		checkScoreOutput(t, string(b), goodOut, true)
		if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("-out's mode: %v (%v), want 0600", st.Mode(), err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})
}

// TestScoreFailedReadKeepsOutput: a run whose input cannot be read at all
// (a UTF-16 file, a directory) exits 1 naming it and leaves -out as it
// was: the last run's decisions, or no file; before, it renamed an empty
// file over -out (outside check 23). A run that reads its input, even an
// empty one, replaces -out as before.
func TestScoreFailedReadKeepsOutput(t *testing.T) {
	good, goodOut := scoreFixtureGood(t)
	const previous = "the last run's decisions\n"
	utf16 := func(t *testing.T, dir string) string { return writeFile(t, dir, "utf16.jsonl", "\xff\xfe{\x00\"\x00") }
	for _, tc := range []struct {
		name string
		// in writes the input into dir and returns its path.
		in       func(t *testing.T, dir string) string
		existing bool // -out holds the previous run's decisions
		code     int
		stderr   string
		// after is -out afterwards: "none", "previous", or "decisions"
		// (want's lines).
		after string
		want  []scoreOutLine
	}{
		{"UTF-16 input over the last run", utf16, true, 1, "the file is UTF-16", "previous", nil},
		{"UTF-16 input, no file before", utf16, false, 1, "the file is UTF-16", "none", nil},
		{"a directory as input", func(t *testing.T, dir string) string {
			in := filepath.Join(dir, "filings")
			if err := os.Mkdir(in, 0o755); err != nil {
				t.Fatal(err)
			}
			return in
		}, true, 1, "is a directory", "previous", nil},
		{"empty input", func(t *testing.T, dir string) string { return writeFile(t, dir, "empty.jsonl", "") }, true, 0, "scored 0, failed 0", "decisions", nil},
		{"good input", func(t *testing.T, dir string) string { return writeFile(t, dir, "good.jsonl", good) }, true, 0, "scored ", "decisions", goodOut},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := tc.in(t, dir)
			out := filepath.Join(dir, "decisions.jsonl")
			if tc.existing {
				writeFile(t, dir, "decisions.jsonl", previous)
			}
			e, _, stderr := testEnv("")
			code := dispatch(scoreContext(t), e, []string{"score", "-local", "-model", "baseline", "-in", in, "-out", out})
			if code != tc.code || !strings.Contains(stderr.String(), tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.stderr)
			}
			b, err := os.ReadFile(out)
			switch tc.after {
			case "none":
				if err == nil {
					t.Errorf("-out written: %q", b)
				}
			case "previous":
				if string(b) != previous {
					t.Errorf("-out holds %q (%v), want the last run's decisions", b, err)
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				checkScoreOutput(t, string(b), tc.want, true)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// writeFile writes content to dir/name and returns the path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
