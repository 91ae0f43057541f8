package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/store"
)

// TestBackupWhileServing takes the SQLite backup docs/operations.md gives
// (VACUUM INTO, what `sqlite3 fenjian.db "VACUUM INTO '…'"` runs) while a
// server keeps storing decisions: the copy is one consistent snapshot, its
// audit chain verifies, and it holds every decision stored before the
// backup began. The near miss: the live database, after the writes, holds
// more than the copy.
func TestBackupWhileServing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "fenjian.db")
	buildFixture(t, db)
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	teams, err := routing.Default()
	if err != nil {
		t.Fatal(err)
	}
	eng := caseEngine(t)
	var stored atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the server, storing decisions throughout
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			f := civilFiling(fmt.Sprintf("(2024)辽0102民初%d号", 20000+i), "2024-05-06", "民间借贷纠纷", 12_000)
			if _, err := tryDecideAndSave(ctx, eng, teams, st, f, beijing(2024, 5, 6, 10, 0), uint64(1000+i)); err != nil {
				t.Errorf("store while backing up: %v", err)
				return
			}
			stored.Add(1)
		}
	}()
	waitStored(t, &stored, 20) // some in the WAL before the copy starts
	before := countCases(t, db)
	backup := filepath.Join(dir, "backup", "fenjian-2024-05-06.db")
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := os.MkdirAll(filepath.Dir(backup), 0o750); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, "VACUUM INTO ?", backup); err != nil {
		t.Fatalf("VACUUM INTO: %v", err)
	}
	waitStored(t, &stored, stored.Load()+20) // the server goes on
	close(stop)
	wg.Wait()

	if code, rep, stderr := runVerify(t, backup); code != 0 || !rep.OK {
		t.Fatalf("audit verify of the backup: exit %d, %+v\n%s", code, rep, stderr)
	}
	inBackup := countCases(t, backup)
	if inBackup < before {
		t.Errorf("the backup holds %d cases; %d were stored before it began", inBackup, before)
	}
	if live := countCases(t, db); live <= inBackup {
		t.Errorf("the live store holds %d cases, the backup %d: the writes after the backup are not in the live store, or the backup is not a snapshot", live, inBackup)
	}
}

// waitStored waits until the server has stored at least n decisions.
func waitStored(t *testing.T, stored *atomic.Int64, n int64) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for stored.Load() < n {
		if time.Now().After(deadline) {
			t.Fatalf("the server stored %d decisions in a minute; want %d", stored.Load(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// countCases is `triagectl stats`' overall case count of the store at path.
func countCases(t *testing.T, path string) int {
	t.Helper()
	e, stdout, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"stats", "-store", path}); code != 0 {
		t.Fatalf("stats %s: exit %d\n%s", path, code, stderr)
	}
	var rep struct {
		Overall struct {
			Cases int `json:"cases"`
		} `json:"overall"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	return rep.Overall.Cases
}
