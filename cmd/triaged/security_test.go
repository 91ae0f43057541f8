package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/auth"
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
