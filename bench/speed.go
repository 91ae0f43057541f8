package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// speedTable measures every store, callers and mode, and prints the table.
func speedTable(ctx context.Context, c config, bin, teams, dir string, stdout, stderr io.Writer) error {
	driver := "bench's own caller"
	if c.driver == "ghz" {
		driver = "ghz (" + ghzToolDir + ")"
	}
	fmt.Fprintf(stdout, "Closed loop, driven by %s: N callers on one connection, %v per cell after %v of warm-up; stored/dry is stored Triage req/s over dry-run Triage req/s on the same server in the same run.\n\n", driver, c.duration, c.warmup)
	fmt.Fprintln(stdout, "server CPU is triaged's own CPU time (its process_cpu_seconds_total) per answered request in the cell, dry run / stored: unlike req/s it does not count what the load generator or other processes took of the cores; decisions/commit is the stored cell's mean batch.")
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "| store | callers | health req/s | dry run req/s | stored req/s | stored / dry | dry p50 / p99 | stored p50 / p99 | errors | server CPU µs/req dry / stored | decisions/commit |")
	fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	var open []string
	for _, name := range c.stores {
		t := sqliteTarget(dir, "speed")
		if name == "postgres" {
			var err error
			if t, err = postgresTarget(ctx, c.postgres); err != nil {
				fmt.Fprintf(stderr, "bench: PostgreSQL skipped: %v\n", err)
				continue
			}
		}
		line, err := measureStore(ctx, c, bin, teams, dir, t, stdout)
		t.drop()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if line != "" {
			open = append(open, line)
		}
	}
	if len(open) > 0 {
		fmt.Fprintf(stdout, "\nOpen loop: stored Triage at a fixed %d req/s for %v, latency from each request's due time.\n\n", c.rate, c.openDuration)
		fmt.Fprintln(stdout, "From triaged's /metrics over the same window: commits × decisions per commit, the commit's duration (histogram bucket bounds), Go's collections (cycles, total pause, longest recent pause), and SQLite's background checkpoints (passes × WAL frames copied per pass, duration bucket bounds).")
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, "| store | rate | answered | p50 | p99 | max | errors | commits | commit p50 / p99 / max | GC | checkpoints (SQLite) |")
		fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
		for _, l := range open {
			fmt.Fprintln(stdout, l)
		}
	}
	return ctx.Err()
}

// measureStore runs one server on t through every row of the table and the
// open-loop rate, and returns the open-loop row ("" when skipped).
func measureStore(ctx context.Context, c config, bin, teams, dir string, t target, stdout io.Writer) (string, error) {
	srv, err := startServer(ctx, bin, t.store, teams, filepath.Join(dir, t.name+".log"), "")
	if err != nil {
		return "", err
	}
	defer srv.stop()
	conn, err := grpc.NewClient(srv.grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return "", err
	}
	defer conn.Close()
	callers := map[mode]*caller{}
	for _, m := range []mode{modeHealth, modeDry, modeStored} {
		callers[m] = newCaller(conn, m)
	}
	cell := func(m mode, n int, d time.Duration) (*result, error) {
		return closedLoop(ctx, callers[m], n, d), nil
	}
	if c.driver == "ghz" {
		g, err := newGhzRunner(c.ghz, dir, srv.grpcAddr)
		if err != nil {
			return "", err
		}
		cell = func(m mode, n int, d time.Duration) (*result, error) { return g.closedLoop(ctx, m, n, d) }
	}
	for _, n := range c.callers {
		res := map[mode]*result{}
		win := map[mode]storeWindow{}
		// Interleaved per row, so a machine that gets busier during the run
		// shifts all three modes of a row alike.
		for _, m := range []mode{modeHealth, modeDry, modeStored} {
			if c.warmup > 0 {
				if _, err := cell(m, n, c.warmup); err != nil {
					return "", err
				}
			}
			r, w, err := observed(ctx, srv.httpAddr, func() (*result, error) { return cell(m, n, c.duration) })
			if err != nil {
				return "", err
			}
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			res[m], win[m] = r, w
		}
		h, d, s := res[modeHealth], res[modeDry], res[modeStored]
		ratio := 0.0
		if d.rate() > 0 {
			ratio = s.rate() / d.rate()
		}
		fmt.Fprintf(stdout, "| %s | %d | %.0f | %.0f | %.0f | %.2f | %s / %s | %s / %s | %s | %s / %s | %.1f |\n",
			t.name, n, h.rate(), d.rate(), s.rate(), ratio,
			ms(d.pct(0.5)), ms(d.pct(0.99)), ms(s.pct(0.5)), ms(s.pct(0.99)), errs(h, d, s),
			cpuPerRequest(win[modeDry], d), cpuPerRequest(win[modeStored], s), win[modeStored].perCommit)
	}
	if c.rate <= 0 {
		return "", nil
	}
	// triaged's own account of the window: whether the tail is commits
	// that stalled (fsync, checkpoints, a busy writer) or the collector.
	r, w, err := observed(ctx, srv.httpAddr, func() (*result, error) {
		return openLoop(ctx, callers[modeStored], c.rate, c.openDuration), nil
	})
	if err != nil {
		return "", err
	}
	var maxLat time.Duration
	if len(r.lat) > 0 {
		maxLat = r.lat[len(r.lat)-1]
	}
	ckpt := "—"
	if w.checkpoints > 0 {
		ckpt = fmt.Sprintf("%d × %.0f pages, p99 %s, max %s", w.checkpoints, float64(w.checkpointPages)/float64(w.checkpoints), bound(w.checkpointP99), bound(w.checkpointMax))
	}
	return fmt.Sprintf("| %s | %d/s | %d | %s | %s | %s | %s | %d × %.1f | %s / %s / %s | %d, %s (longest %s) | %s |",
		t.name, c.rate, r.ok, ms(r.pct(0.5)), ms(r.pct(0.99)), ms(maxLat), errs(r),
		w.commits, w.perCommit, bound(w.commitP50), bound(w.p99), bound(w.commitMax), w.gcCycles, ms(w.gcPause), ms(w.gcPause1), ckpt), nil
}

// observed runs load between two scrapes of triaged's /metrics at addr and
// returns its result with triaged's own account of the same window.
func observed(ctx context.Context, addr string, load func() (*result, error)) (*result, storeWindow, error) {
	before, err := scrape(ctx, addr)
	if err != nil {
		return nil, storeWindow{}, err
	}
	r, err := load()
	if err != nil {
		return nil, storeWindow{}, err
	}
	after, err := scrape(ctx, addr)
	if err != nil {
		return nil, storeWindow{}, err
	}
	return r, window(before, after), nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// errs is the failed requests of results and the first error, "0" for none.
func errs(rs ...*result) string {
	n := 0
	var first error
	for _, r := range rs {
		n += r.failed
		if first == nil {
			first = r.firstErr
		}
	}
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("%d (%v)", n, first)
}

// cpuPerRequest is triaged's CPU time per answered request of a cell, "?"
// when its metrics do not report the process's CPU time.
func cpuPerRequest(w storeWindow, r *result) string {
	if w.cpu <= 0 || r.ok == 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f", float64(w.cpu.Microseconds())/float64(r.ok))
}
