package server_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/server"
)

func TestDebugServerServesPprofOnLoopback(t *testing.T) {
	d, err := server.ListenDebug("127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	resp, err := http.Get("http://" + d.Addr() + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "goroutine") {
		t.Fatalf("GET /debug/pprof/ = %d\n%s", resp.StatusCode, body)
	}
	// A short CPU profile: the endpoint ops use (docs/performance.md).
	resp, err = http.Get("http://" + d.Addr() + "/debug/pprof/profile?seconds=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != http.StatusOK || len(b) == 0 {
		t.Fatalf("GET /debug/pprof/profile = %d, %d bytes", resp.StatusCode, len(b))
	}
}

func TestDebugServerRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "192.0.2.1:6060", "example.com:6060", "nonsense"} {
		if d, err := server.ListenDebug(addr, nil); err == nil {
			_ = d.Close(context.Background())
			t.Errorf("ListenDebug(%q) succeeded, want a refusal", addr)
		}
	}
}
