// Command triaged is the fenjian service: it triages court filings over gRPC
// (fenjian.triage.v1.TriageService, grpc.health.v1, server reflection) and
// serves /metrics, /healthz and /readyz over HTTP.
//
// main only wires components together; the server lifecycle (listeners,
// health, graceful shutdown with a deadline) lives in package server.
// SIGINT or SIGTERM starts a graceful shutdown.
package main

import (
	"cmp"
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
	"github.com/fenjian/fenjian/internal/buildinfo"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/server"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// dbFile is the SQLite file inside -data-dir.
const dbFile = "fenjian.db"

// storeEnv names the variable that gives -store its default.
const storeEnv = "FENJIAN_STORE"

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
	storeCheck      time.Duration
}

// serve parses args, runs the service until ctx is done and returns the exit
// code: 0 after a clean shutdown, 1 on failure, 2 on bad usage. With
// "healthcheck" as the first argument it runs that subcommand instead.
func serve(ctx context.Context, args []string, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "healthcheck" {
		return healthcheck(ctx, args[1:], stderr)
	}
	var o options
	fs := flag.NewFlagSet("triaged", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.grpcAddr, "grpc-addr", "127.0.0.1:50051", "gRPC listen address")
	fs.StringVar(&o.httpAddr, "http-addr", "127.0.0.1:9090", "HTTP listen address for /metrics, /healthz and /readyz")
	fs.StringVar(&o.dataDir, "data-dir", "./data", "directory of the SQLite decision store ("+dbFile+")")
	fs.StringVar(&o.rulesFile, "rules", "", "rules file (JSON); empty uses the embedded rules")
	fs.StringVar(&o.teamsFile, "teams", "", "teams file (JSON): the teams cases are routed to; empty uses the embedded teams")
	// The default from the environment lets a Kubernetes Secret supply a
	// DSN with a password without putting it on the command line.
	fs.StringVar(&o.storeTarget, "store", os.Getenv(storeEnv), "decision store: a postgres:// URL (several replicas) or a SQLite file; empty uses -data-dir/"+dbFile+" (default from $"+storeEnv+")")
	fs.DurationVar(&o.storeCheck, "store-check-interval", server.DefaultStoreCheckInterval, "how often readiness probes the store with a committed heartbeat write; NOT_SERVING while it fails; 0 disables")
	fs.StringVar(&o.modelDir, "model", "", "model directory (from triagectl train); empty serves the embedded default model. Reloaded on SIGHUP, AdminService.ReloadModel and manifest changes")
	fs.DurationVar(&o.modelWatch, "model-watch", 10*time.Second, "how often to check -model's manifest.json for a new model; 0 disables")
	fs.TextVar(&o.logLevel, "log-level", slog.LevelInfo, "log level: debug, info, warn or error")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "graceful shutdown deadline")
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
		buildinfo.Collector(),
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
	// The reloader exports fenjian_model_info itself when there is one.
	if err := reg.Register(server.NewModelCollector(func() server.ModelInfo { return modelInfo(engine.Scorer()) }, reloader == nil)); err != nil {
		return fmt.Errorf("register model metrics: %w", err)
	}
	admin := server.NewAdmin(engine, reloader, logger)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

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
		slog.String("version", buildinfo.Read().Version),
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
		// Config's zero means the default; the flag's 0 means off.
		StoreCheckInterval: cmp.Or(o.storeCheck, -1),
	})
}

// healthcheck is "triaged healthcheck": it asks the local server's gRPC
// health service whether it is SERVING and exits 0 if so, 1 if not (or
// unreachable), 2 on bad usage. The container image has no shell, so its
// HEALTHCHECK runs this.
func healthcheck(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("triaged healthcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:50051", "gRPC address of the server to check")
	service := fs.String("service", "", "service to check; empty checks the whole server")
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	if err := server.CheckHealth(ctx, *addr, *service); err != nil {
		fmt.Fprintf(stderr, "triaged healthcheck: %v\n", err)
		return 1
	}
	return 0
}

// modelInfo describes s for metrics: its version and, for a trained model,
// its manifest's training label counts.
func modelInfo(s triage.Scorer) server.ModelInfo {
	mi := server.ModelInfo{Version: s.Version()}
	if m, ok := s.(interface{ Manifest() classifier.Manifest }); ok {
		mi.LabelCounts = m.Manifest().Training.LabelCounts
	}
	return mi
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
