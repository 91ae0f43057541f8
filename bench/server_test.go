package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStartServerPortTaken: a port bench picked can be taken by another
// process before triaged binds it (CI once failed so); bench then picks
// new ports, but a restart's fixed address that is taken is an error that
// shows triaged's log.
func TestStartServerPortTaken(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts triaged")
	}
	ctx := context.Background()
	dir := t.TempDir()
	bin, err := buildTriaged(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	teams, err := writeTeams(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	store := sqliteTarget(dir, "taken").store

	t.Run("picked port taken", func(t *testing.T) {
		picks := 0
		pick := func() (string, error) {
			picks++
			if picks == 1 {
				return taken.Addr().String(), nil
			}
			return freeAddr()
		}
		logPath := filepath.Join(dir, "picked.log")
		srv, err := startServerPicking(ctx, pick, bin, store, teams, logPath, "", nil)
		if err != nil {
			t.Fatalf("start with the first picked port taken: %v", err)
		}
		defer srv.stop()
		if srv.grpcAddr == taken.Addr().String() {
			t.Errorf("serving on the taken address %s", srv.grpcAddr)
		}
		if picks != 4 {
			t.Errorf("%d ports picked, want 4 (two per start, two starts)", picks)
		}
		logged, _ := os.ReadFile(logPath)
		if !strings.Contains(string(logged), "address already in use") {
			t.Errorf("the first start's failure is not in the log:\n%s", logged)
		}
	})
	t.Run("fixed port taken", func(t *testing.T) {
		logPath := filepath.Join(dir, "fixed.log")
		_, err := startServerPicking(ctx, freeAddr, bin, store, teams, logPath, taken.Addr().String(), nil)
		if err == nil {
			t.Fatal("started on a taken fixed address")
		}
		if !strings.Contains(err.Error(), "address already in use") || !strings.Contains(err.Error(), logPath) {
			t.Errorf("error does not show the log and its cause: %v", err)
		}
	})
}
