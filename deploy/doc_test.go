// Package deploy holds only tests: they check what deploy/ ships against
// the code it deploys. The Kubernetes manifests decode strictly into
// k8s.io/api types and hold their invariants; promtool checks and unit-tests
// the alerting rules; a real Prometheus, started with
// deploy/prometheus/prometheus.yml, scrapes a real triaged on loopback; and
// every Grafana panel queries only metrics triaged exports.
package deploy

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// requireTool returns the path of name, or skips t when it is missing, except
// under CI (CI=true), where a missing tool fails the test: CI installs it
// (.ci/prometheus), and a skipped check there would hide that it did not.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := name + " is not on PATH; install Debian's prometheus package (.ci/prometheus) to run this test"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// testVersion is the version the test build of triaged is stamped with.
const testVersion = "v0.0.0-deploy-test"

var (
	buildOnce sync.Once
	buildPath string
	buildErr  error
	buildOut  []byte
)

// triagedBinary builds cmd/triaged once per test process, stamped with
// testVersion the way the Dockerfile stamps a release.
func triagedBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "fenjian-deploy-test-")
		if err != nil {
			buildErr = err
			return
		}
		buildPath = filepath.Join(dir, "triaged")
		cmd := exec.Command("go", "build",
			"-ldflags=-X github.com/fenjian/fenjian/internal/buildinfo.version="+testVersion,
			"-o", buildPath, "../cmd/triaged")
		buildOut, buildErr = cmd.CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("build triaged: %v\n%s", buildErr, buildOut)
	}
	return buildPath
}

// triaged is a running triaged process.
type triaged struct {
	grpcAddr, httpAddr string
	// dataDir holds the local tokens the first start wrote.
	dataDir string
}

// startTriaged runs the built triaged on loopback with a SQLite store in a
// temporary directory plus args, until the test ends.
func startTriaged(t *testing.T, args ...string) triaged {
	t.Helper()
	dataDir := t.TempDir()
	tr := runTriaged(t, nil, append([]string{
		"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0", "-data-dir=" + dataDir,
		"-store-check-interval=500ms", "-shutdown-timeout=2s"}, args...))
	tr.dataDir = dataDir
	return tr
}

// runTriaged runs the built triaged with exactly args and, added to the
// test's environment, env, until the test ends, and returns once it serves
// (failing the test, with its log, if it exits or does not serve in 60s).
func runTriaged(t *testing.T, env, args []string) triaged {
	t.Helper()
	bin := triagedBinary(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })

	// The JSON log's "serving" record names the bound addresses.
	found := make(chan triaged, 1)
	exited := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		var log strings.Builder
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) != nil || sent || rec["msg"] != "serving" {
				continue
			}
			g, _ := rec["grpc_addr"].(string)
			h, _ := rec["http_addr"].(string)
			found <- triaged{grpcAddr: g, httpAddr: h}
			sent = true
		}
		exited <- log.String()
	}()
	select {
	case tr := <-found:
		return tr
	case log := <-exited:
		t.Fatalf("triaged %q exited before serving:\n%s", args, log)
	case <-time.After(60 * time.Second):
		t.Fatal("triaged did not log \"serving\" within 60s")
	}
	return triaged{}
}

// flagNames returns the flags triaged -h lists.
func flagNames(t *testing.T) map[string]bool {
	t.Helper()
	out, _ := exec.Command(triagedBinary(t), "-h").CombinedOutput()
	names := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if f, ok := strings.CutPrefix(strings.TrimSpace(line), "-"); ok {
			names[strings.Fields(f)[0]] = true
		}
	}
	return names
}
