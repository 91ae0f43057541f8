// Command triaged is the fenjian service: it triages court filings over gRPC
// (fenjian.triage.v1.TriageService, grpc.health.v1, server reflection) and
// serves /metrics, /healthz and /readyz over HTTP.
//
// main only wires components together; the server lifecycle (listeners,
// health, graceful shutdown with a deadline) lives in package server.
// SIGINT or SIGTERM starts a graceful shutdown.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/server"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// dbFile is the SQLite file inside -data-dir.
const dbFile = "fenjian.db"

func main() { os.Exit(run()) }

func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, os.Args[1:], os.Stderr)
}

// options are the command-line flags.
type options struct {
	grpcAddr        string
	httpAddr        string
	dataDir         string
	rulesFile       string
	storeTarget     string
	teamsFile       string
	modelDir        string
	modelWatch      time.Duration
	logLevel        slog.Level
	shutdownTimeout time.Duration
	debugAddr       string
}

// serve parses args, runs the service until ctx is done and returns the exit
// code: 0 after a clean shutdown, 1 on failure, 2 on bad usage.
func serve(ctx context.Context, args []string, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("triaged", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.grpcAddr, "grpc-addr", "127.0.0.1:50051", "gRPC listen address")
	fs.StringVar(&o.httpAddr, "http-addr", "127.0.0.1:9090", "HTTP listen address for /metrics, /healthz and /readyz")
	fs.StringVar(&o.dataDir, "data-dir", "./data", "directory of the SQLite decision store ("+dbFile+")")
	fs.StringVar(&o.rulesFile, "rules", "", "rules file (JSON); empty uses the embedded rules")
	fs.StringVar(&o.teamsFile, "teams", "", "teams file (JSON): the teams cases are routed to; empty uses the embedded teams")
	fs.StringVar(&o.storeTarget, "store", "", "decision store: a postgres:// URL (several replicas) or a SQLite file; empty uses -data-dir/"+dbFile)
	fs.StringVar(&o.modelDir, "model", "", "model directory (from triagectl train); empty serves the embedded default model. Reloaded on SIGHUP, AdminService.ReloadModel and manifest changes")
	fs.DurationVar(&o.modelWatch, "model-watch", 10*time.Second, "how often to check -model's manifest.json for a new model; 0 disables")
	fs.TextVar(&o.logLevel, "log-level", slog.LevelInfo, "log level: debug, info, warn or error")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "graceful shutdown deadline")
	fs.StringVar(&o.debugAddr, "debug-addr", "", "loopback address serving net/http/pprof (e.g. 127.0.0.1:6060); empty disables; docs/performance.md")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "triaged: unexpected arguments %q\n", fs.Args())
		fs.Usage()
		return 2
	}

	logger := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: o.logLevel}))
	if err := triaged(ctx, o, logger); err != nil {
		logger.Error("triaged failed", slog.String("error", err.Error()))
		return 1
	}
	return 0
}

// triaged builds the components and runs the server until ctx is done.
func triaged(ctx context.Context, o options, logger *slog.Logger) (err error) {
	reg := prometheus.NewRegistry()
	for _, c := range []prometheus.Collector{
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewBuildInfoCollector(),
	} {
		if err := reg.Register(c); err != nil {
			return fmt.Errorf("register runtime metrics: %w", err)
		}
	}

	rulesEngine, err := loadRules(o.rulesFile)
	if err != nil {
		return err
	}
	teams, err := loadTeams(o.teamsFile)
	if err != nil {
		return err
	}
	def, err := classifier.Default()
	if err != nil {
		return fmt.Errorf("load embedded model: %w", err)
	}
	engine := triage.New(rulesEngine, def)
	var reloader *reload.Reloader
	if o.modelDir != "" {
		reloader, err = reload.New(reload.Options{
			Dir:        o.modelDir,
			Load:       func(dir string) (triage.Scorer, error) { return classifier.Load(dir) },
			Engine:     engine,
			Logger:     logger,
			Registerer: reg,
		})
		if err != nil {
			return err
		}
		// A bad -model stops the start: serving the embedded model instead
		// would hide the operator's mistake.
		if _, err := reloader.Reload(ctx, "start"); err != nil {
			return fmt.Errorf("load model %s: %w", o.modelDir, err)
		}
	}
	admin := server.NewAdmin(engine, reloader, logger)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	if o.debugAddr != "" {
		debug, err := server.ListenDebug(o.debugAddr, logger)
		if err != nil {
			return err
		}
		defer func() {
			// A profile being taken is cut short rather than holding up exit.
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			_ = debug.Close(ctx)
		}()
	}

	target := o.storeTarget
	if target == "" {
		target = filepath.Join(o.dataDir, dbFile)
	}
	st, err := store.Open(ctx, target, store.Options{Logger: logger, Registerer: reg})
	if err != nil {
		return fmt.Errorf("open decision store: %w", err)
	}
	// Run returns once no call uses the store any more.
	defer func() {
		if cerr := st.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close decision store: %w", cerr))
		}
	}()

	logger.Info("starting",
		slog.String("rules_version", rulesEngine.Version()),
		slog.String("model_version", engine.Scorer().Version()),
		slog.String("teams_version", teams.Version()),
		slog.String("store", store.Redact(target)))
	return server.Run(ctx, server.Config{
		GRPCAddr:        o.grpcAddr,
		HTTPAddr:        o.httpAddr,
		ShutdownTimeout: o.shutdownTimeout,
		Decider:         engine,
		Store:           st,
		Logger:          logger,
		Registerer:      reg,
		Gatherer:        reg,
		Admin:           admin,
		Teams:           teams,
		Reloader:        reloader,
		ReloadSignals:   hup,
		WatchInterval:   o.modelWatch,
	})
}

// loadTeams returns the teams in path, or the embedded teams for "".
func loadTeams(path string) (*routing.Teams, error) {
	if path == "" {
		t, err := routing.Default()
		if err != nil {
			return nil, fmt.Errorf("load embedded teams: %w", err)
		}
		return t, nil
	}
	t, err := routing.LoadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load teams: %w", err)
	}
	return t, nil
}

// loadRules opens -rules (the embedded rules when empty).
func loadRules(path string) (*rules.Engine, error) {
	r, err := rules.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return r, nil
}
