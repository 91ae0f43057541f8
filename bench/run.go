package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// config is bench's flags.
type config struct {
	duration     time.Duration
	warmup       time.Duration
	callers      []int
	stores       []string
	postgres     string
	rate         int
	openDuration time.Duration
	faults       bool
	kills        int
	faultKinds   []string
	inProcess    bool
	triaged      string
	keep         bool
	// driver sends the closed-loop cells: "ghz" (the pinned ghz of
	// internal/tools/ghz, run as a process) or "builtin" (bench's own
	// caller in this process, bench/load.go). The open loop and the
	// faults always use bench's own caller: they need each request's due
	// time and each acknowledged decision's id.
	driver string
	ghz    string // ghz binary; empty builds the pinned one
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	var callers, stores string
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.DurationVar(&c.duration, "duration", 10*time.Second, "how long each cell of the table is measured")
	fs.DurationVar(&c.warmup, "warmup", time.Second, "load run before each cell and not measured")
	fs.StringVar(&callers, "callers", "8,32,128", "comma-separated numbers of concurrent callers (closed loop, one connection)")
	fs.StringVar(&stores, "stores", "sqlite,postgres", "stores to measure; postgres is skipped when -postgres does not answer")
	fs.StringVar(&c.postgres, "postgres", envOr("FENJIAN_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"),
		"PostgreSQL URL; bench creates and drops its own schema in it")
	fs.IntVar(&c.rate, "rate", 1000, "open-loop rate of stored Triage requests per second (0: skip)")
	fs.DurationVar(&c.openDuration, "open-duration", 10*time.Second, "how long the open-loop rate is held")
	fs.BoolVar(&c.faults, "faults", false, "run the fault table (kill -9, PostgreSQL restart, corrupted model, broken rules, disk full, each under load) instead of the speed table")
	fs.IntVar(&c.kills, "kills", 3, "with -faults: how many times triaged is killed")
	kinds := fs.String("fault", strings.Join(faultKinds, ","), "with -faults: comma-separated faults to run ("+strings.Join(faultKinds, ", ")+")")
	fs.BoolVar(&c.inProcess, "inprocess", true, "run the in-process benchmarks (Decide latency, store writer) before the gRPC table")
	fs.StringVar(&c.triaged, "triaged", "", "triaged binary to run; empty builds ./cmd/triaged from this module")
	fs.StringVar(&c.driver, "driver", "ghz", "what sends the closed-loop cells: ghz (pinned in "+ghzToolDir+", built on first use) or builtin (bench's own gRPC caller, lighter on the CPU it shares with the server)")
	fs.StringVar(&c.ghz, "ghz", "", "with -driver ghz: ghz binary to run; empty builds the version pinned in "+ghzToolDir)
	fs.BoolVar(&c.keep, "keep", false, "keep the temporary directory (SQLite file, logs) and print its path")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	for _, f := range strings.Split(callers, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return c, fmt.Errorf("-callers: %q is not a positive number", f)
		}
		c.callers = append(c.callers, n)
	}
	for _, k := range strings.Split(*kinds, ",") {
		if k = strings.TrimSpace(k); !slices.Contains(faultKinds, k) {
			return c, fmt.Errorf("-fault: unknown fault %q (%s)", k, strings.Join(faultKinds, ", "))
		}
		c.faultKinds = append(c.faultKinds, k)
	}
	if c.driver != "ghz" && c.driver != "builtin" {
		return c, fmt.Errorf("-driver: unknown driver %q (ghz, builtin)", c.driver)
	}
	for _, s := range strings.Split(stores, ",") {
		switch s = strings.TrimSpace(s); s {
		case "sqlite", "postgres":
			c.stores = append(c.stores, s)
		default:
			return c, fmt.Errorf("-stores: unknown store %q (sqlite, postgres)", s)
		}
	}
	return c, nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// run is bench without the process around it: flags in, table out.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "fenjian-bench-")
	if err != nil {
		return fmt.Errorf("temp dir: %w", err)
	}
	if c.keep {
		fmt.Fprintln(stderr, "bench: keeping", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	bin := c.triaged
	if bin == "" {
		if bin, err = buildTriaged(ctx, dir); err != nil {
			return err
		}
	}
	teams, err := writeTeams(ctx, dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "# fenjian bench, %s, %s/%s, %d CPUs (GOMAXPROCS %d), load avg %s, fsync of 4 KB in the temp dir %s\n\n",
		time.Now().UTC().Format(time.RFC3339), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), loadAvg(), fsyncLatency(dir))
	if c.faults {
		return faultTable(ctx, c, bin, teams, dir, stdout, stderr)
	}
	if c.inProcess {
		if err := inProcessTable(ctx, c, stdout); err != nil {
			return err
		}
	}
	if c.driver == "ghz" && c.ghz == "" {
		if c.ghz, err = buildGhz(ctx, dir); err != nil {
			return err
		}
	}
	return speedTable(ctx, c, bin, teams, dir, stdout, stderr)
}

// loadAvg is /proc/loadavg's first three fields, or "?" where there is none:
// the table is only as good as the machine was quiet.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// fsyncLatency times 50 synced 4 KB writes in dir and returns their median
// and p99: every stored decision waits for one commit's fsync, so with N
// callers stored throughput is at most about N / (fsync + writer time), and
// a busy or slow disk shows in the table without any fault of the code.
func fsyncLatency(dir string) string {
	f, err := os.CreateTemp(dir, "fsync-")
	if err != nil {
		return "?"
	}
	defer os.Remove(f.Name())
	defer f.Close()
	buf := make([]byte, 4096)
	var lat []time.Duration
	for range 50 {
		start := time.Now()
		if _, err := f.Write(buf); err != nil {
			return "?"
		}
		if err := f.Sync(); err != nil {
			return "?"
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	return fmt.Sprintf("p50 %v p99 %v", lat[len(lat)/2].Round(10*time.Microsecond), lat[len(lat)*99/100].Round(10*time.Microsecond))
}
