package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/fenjian/fenjian/store"
)

// faultCallers is how many callers keep stored Triage going through the kills.
const faultCallers = 32

// faultTable kills triaged with SIGKILL under stored load c.kills times,
// restarting it on the same store each time, then checks every decision id
// a client was given against the store.
func faultTable(ctx context.Context, c config, bin, teams, dir string, stdout, stderr io.Writer) error {
	fmt.Fprintf(stdout, "Faults: %d callers send stored Triage; triaged is killed with SIGKILL %d times and restarted on the same store. "+
		"Acknowledged = answered with a decision id; lost = acknowledged but not in the store (must be 0); "+
		"stored, not acknowledged = committed when the process died before answering (allowed: the client never got the id).\n\n", faultCallers, c.kills)
	fmt.Fprintln(stdout, "| store | fault | sent | acknowledged | failed | acknowledged and stored | lost | stored, not acknowledged | audit chain |")
	fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	lost := 0
	for _, name := range c.stores {
		t := sqliteTarget(dir, "faults")
		if name == "postgres" {
			var err error
			if t, err = postgresTarget(ctx, c.postgres); err != nil {
				fmt.Fprintf(stderr, "bench: PostgreSQL skipped: %v\n", err)
				continue
			}
		}
		n, err := killUnderLoad(ctx, c, bin, teams, dir, t, stdout)
		t.drop()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		lost += n
	}
	if lost > 0 {
		return fmt.Errorf("%d acknowledged decisions lost", lost)
	}
	return nil
}

func killUnderLoad(ctx context.Context, c config, bin, teams, dir string, t target, stdout io.Writer) (int, error) {
	logPath := filepath.Join(dir, t.name+"-faults.log")
	srv, err := startServer(ctx, bin, t.store, teams, logPath, "")
	if err != nil {
		return 0, err
	}
	addr := srv.grpcAddr
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		srv.kill()
		return 0, err
	}
	defer conn.Close()
	cl := newCaller(conn, modeStored)

	var (
		sent, failed atomic.Int64
		mu           sync.Mutex
		acked        []string
		wg           sync.WaitGroup
	)
	loadCtx, stopLoad := context.WithCancel(ctx)
	for range faultCallers {
		wg.Go(func() {
			for loadCtx.Err() == nil {
				rctx, cancel := context.WithTimeout(loadCtx, 5*time.Second)
				sent.Add(1)
				id, err := cl.call(rctx)
				cancel()
				if err != nil || id == "" {
					failed.Add(1)
					time.Sleep(20 * time.Millisecond) // no hot loop while the server is down
					continue
				}
				mu.Lock()
				acked = append(acked, id)
				mu.Unlock()
			}
		})
	}
	phase := max(500*time.Millisecond, c.duration/time.Duration(c.kills+1))
	var runErr error
	for range c.kills {
		time.Sleep(phase)
		srv.kill()
		if srv, runErr = startServer(ctx, bin, t.store, teams, logPath, addr); runErr != nil {
			break
		}
	}
	if runErr == nil {
		time.Sleep(phase)
	}
	stopLoad()
	wg.Wait()
	if runErr != nil {
		return 0, runErr
	}
	if err := srv.stop(); err != nil {
		return 0, fmt.Errorf("stop triaged: %w", err)
	}

	// The store itself, opened the way triaged opens it, is the judge.
	st, err := store.Open(ctx, t.store, store.Options{})
	if err != nil {
		return 0, fmt.Errorf("open the store after the run: %w", err)
	}
	defer st.Close()
	stored, lost := 0, 0
	for _, id := range acked {
		_, err := st.GetDecision(ctx, id)
		switch {
		case err == nil:
			stored++
		case errors.Is(err, store.ErrNotFound):
			lost++
		default:
			return 0, fmt.Errorf("read decision %s: %w", id, err)
		}
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		return 0, fmt.Errorf("verify audit chain: %w", err)
	}
	audit := "OK"
	if !rep.OK {
		audit = rep.String()
	}
	fmt.Fprintf(stdout, "| %s | kill -9 ×%d | %d | %d | %d | %d | %d | %d | %s |\n",
		t.name, c.kills, sent.Load(), len(acked), failed.Load(), stored, lost, int(rep.Decisions)-stored, audit)
	return lost, nil
}
