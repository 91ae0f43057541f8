// Command triaged is the fenjian service: it triages court filings over gRPC
// (fenjian.triage.v1.TriageService and AdminService, grpc.health.v1, server
// reflection) and serves /metrics, /healthz and /readyz over HTTP.
//
// main only wires components together; the server lifecycle (listeners,
// health, graceful shutdown with a deadline) lives in package server, model
// reloads in package reload and shadow scoring in package shadow, run side
// by side until ctx ends.
// SIGINT or SIGTERM starts a graceful shutdown; SIGHUP reloads -model,
// -shadow-model, -teams, -rules, -holidays, -tokens and -roles. `triaged healthcheck` checks a running server instead of
// serving (the container's HEALTHCHECK).
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"golang.org/x/sync/errgroup"

	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/checkpoint"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/buildinfo"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/server"
	"github.com/fenjian/fenjian/shadow"
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
	setGCPercent(os.Getenv)
	return serve(ctx, os.Args[1:], os.Stderr)
}

// defaultGCPercent is triaged's GOGC when the environment sets none. Its
// live heap is a few MB (rules, model, catalogues) while a stored Triage
// allocates ~30 KB, so at the runtime's 100 it collected about every 150
// requests, ~14 times a second at full load: 7% of its CPU went to the
// collector (mark workers, assists, sweeping; CPU profile, SQLite, 32
// callers). At 400 it collects a quarter as often (2.7%) for ~15 MB more
// heap; GOMEMLIMIT, where set (deploy/k8s: 90% of the pod's limit), still
// makes it collect before memory runs short.
const defaultGCPercent = 400

// setGCPercent sets the collector's target to defaultGCPercent unless the
// environment's GOGC chose one, which the runtime has already applied.
func setGCPercent(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
}

// options are the command-line flags.
type options struct {
	grpcAddr        string
	httpAddr        string
	dataDir         string
	rulesFile       string
	rulesWatch      time.Duration
	holidaysFile    string
	holidaysWatch   time.Duration
	storeTarget     string
	teamsFile       string
	teamsWatch      time.Duration
	tokensWatch     time.Duration
	modelDir        string
	modelWatch      time.Duration
	shadowModelDir  string
	shadowQueue     int
	logLevel        slog.Level
	shutdownTimeout time.Duration
	shutdownDelay   time.Duration
	debugAddr       string
	sec             securityOptions
	checkpointDir   string
	checkpointKey   string
	checkpointEvery time.Duration
	storeCheck      time.Duration
}

// securityOptions are the flags of authentication, TLS and load limits.
type securityOptions struct {
	tokensFile, rolesFile         string
	tlsCert, tlsKey, tlsClientCA  string
	insecure                      bool
	maxConcurrentCalls, rateBurst int
	rateLimit                     float64
	maxTeamFeeds, maxTeamFeedsPer int
	maxConnections                int
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
	fs.StringVar(&o.rulesFile, "rules", "", "rules file (JSON); empty uses the embedded rules. Reloaded on SIGHUP and when it changes; a file that fails validation is refused and the serving rules stay")
	fs.DurationVar(&o.rulesWatch, "rules-watch", 10*time.Second, "how often to check -rules for a new file; 0 disables (SIGHUP still reloads)")
	fs.StringVar(&o.holidaysFile, "holidays", "", "holiday calendar (JSON) that moves due dates off rest days; empty uses the embedded calendar. Reloaded on SIGHUP and when it changes; a file that fails validation is refused and the serving calendar stays")
	fs.DurationVar(&o.holidaysWatch, "holidays-watch", 10*time.Second, "how often to check -holidays for a new file; 0 disables (SIGHUP still reloads)")
	fs.StringVar(&o.teamsFile, "teams", "", "teams file (JSON): the teams cases are routed to; empty uses the embedded teams. Reloaded on SIGHUP and when it changes; a file that fails validation is refused and the serving teams stay")
	fs.DurationVar(&o.teamsWatch, "teams-watch", 10*time.Second, "how often to check -teams for a new file; 0 disables (SIGHUP still reloads)")
	// The default from the environment lets a Kubernetes Secret supply a
	// DSN with a password without putting it on the command line.
	fs.StringVar(&o.storeTarget, "store", os.Getenv(storeEnv), "decision store: a postgres:// URL (several replicas) or a SQLite file; empty uses -data-dir/"+dbFile+" (default from $"+storeEnv+")")
	fs.DurationVar(&o.storeCheck, "store-check-interval", server.DefaultStoreCheckInterval, "how often readiness probes the store with a committed heartbeat write; NOT_SERVING while it fails, and stored writes refused at once after two failed in a row; 0 disables both")
	fs.StringVar(&o.modelDir, "model", "", "model directory (from triagectl train); empty serves the embedded default model. Reloaded on SIGHUP, AdminService.ReloadModel and manifest changes")
	fs.DurationVar(&o.modelWatch, "model-watch", 10*time.Second, "how often to check -model's manifest.json for a new model; 0 disables")
	fs.StringVar(&o.shadowModelDir, "shadow-model", "", "shadow model directory: scores every recorded filing again beside the response, never changing or delaying it, and records its agreement with the serving model for triagectl stats; reloaded like -model; empty disables")
	fs.IntVar(&o.shadowQueue, "shadow-queue", shadow.DefaultQueueSize, "filings waiting for the shadow model; beyond, filings are not shadow-scored (fenjian_shadow_dropped_total)")
	fs.TextVar(&o.logLevel, "log-level", slog.LevelInfo, "log level: debug, info, warn or error")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "graceful shutdown deadline")
	fs.DurationVar(&o.shutdownDelay, "shutdown-delay", 0, "on SIGTERM, report NOT_SERVING and go on serving this long before the graceful shutdown, while load balancers and Kubernetes endpoints stop routing calls here")
	fs.StringVar(&o.debugAddr, "debug-addr", "", "loopback address serving net/http/pprof (e.g. 127.0.0.1:6060); empty disables; docs/performance.md")
	fs.StringVar(&o.checkpointDir, "checkpoint-dir", "", "directory for signed audit checkpoints, outside the database and not writable by its users; empty writes none")
	fs.StringVar(&o.checkpointKey, "checkpoint-key", "", "checkpoint signer key (PREFIX.key of triagectl audit keygen); required with -checkpoint-dir")
	fs.DurationVar(&o.checkpointEvery, "checkpoint-interval", time.Minute, "how often the audit chain's head is checkpointed (and once at shutdown)")
	fs.StringVar(&o.sec.tokensFile, "tokens", "", "bearer tokens file (JSON: name, roles, sha256 of the token); empty uses -data-dir/"+auth.LocalTokensFile+", created with local admin, judge and president tokens on first start. Reloaded on SIGHUP and when it changes (a removed token is refused from its next call, its open feeds ended); a file that fails validation is refused and the serving tokens stay")
	fs.StringVar(&o.sec.rolesFile, "roles", "", "roles of client certificates by subject CN (JSON); needs -tls-client-ca. Reloaded like -tokens")
	fs.DurationVar(&o.tokensWatch, "tokens-watch", 10*time.Second, "how often to check -tokens and -roles for a new file; 0 disables (SIGHUP still reloads)")
	fs.StringVar(&o.sec.tlsCert, "tls-cert", "", "server certificate (PEM) for gRPC; reloaded when it changes")
	fs.StringVar(&o.sec.tlsKey, "tls-key", "", "server key (PEM) for gRPC; reloaded when it changes")
	fs.StringVar(&o.sec.tlsClientCA, "tls-client-ca", "", "CAs of client certificates (PEM): a verified client certificate's CN is the caller's identity (mTLS)")
	fs.BoolVar(&o.sec.insecure, "insecure", false, "allow a non-loopback -grpc-addr without TLS (TLS ends in front of the server); anonymous callers on loopback are then refused, the proxy being the peer")
	fs.IntVar(&o.sec.maxConcurrentCalls, "max-concurrent-calls", server.DefaultMaxConcurrentCalls, "unary calls at once, each from its headers on (its request read and handled); beyond, calls fail with RESOURCE_EXHAUSTED; at least 1, or negative for no limit")
	fs.Float64Var(&o.sec.rateLimit, "rate-limit", 0, "calls per second per identity (anonymous loopback callers share one budget); 0 disables")
	fs.IntVar(&o.sec.rateBurst, "rate-burst", 0, "calls an identity may make at once above -rate-limit; 0 means twice -rate-limit")
	fs.IntVar(&o.sec.maxTeamFeeds, "max-team-feeds", server.DefaultMaxTeamFeeds, "team feeds (WatchAssignments streams) open at once on the server; beyond, a feed fails with RESOURCE_EXHAUSTED; at least 1")
	fs.IntVar(&o.sec.maxTeamFeedsPer, "max-team-feeds-per-caller", server.DefaultMaxTeamFeedsPerCaller, "team feeds one identity may have open at once, across its connections; beyond, RESOURCE_EXHAUSTED; at least 1")
	fs.IntVar(&o.sec.maxConnections, "max-connections", server.DefaultMaxConnections, "gRPC connections open at once (about 50 KB each, credentials or not); beyond, a new connection is closed at accept; at least 1")
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
	if err := checkFigures(o); err != nil {
		fmt.Fprintf(stderr, "triaged: %v\n", err)
		return 2
	}

	logger := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: o.logLevel}))
	if err := triaged(ctx, o, logger); err != nil {
		logger.Error("triaged failed", slog.String("error", err.Error()))
		return 1
	}
	return 0
}

// checkFigures refuses a negative duration, queue size or rate: each was
// taken silently as "off" or "none" (a -shutdown-delay=-5s is no delay at
// all, a -store-check-interval=-1s no readiness probe), where the operator
// meant something else. Zero keeps its documented meaning where it has one
// ("off"); where it would silently be the default (the shutdown timeout,
// the shadow queue, the call slots) or has no "off" (the team feed
// bounds), it is refused.
func checkFigures(o options) error {
	for _, d := range []struct {
		flag string
		v    time.Duration
	}{
		{"shutdown-delay", o.shutdownDelay}, {"shutdown-timeout", o.shutdownTimeout},
		{"store-check-interval", o.storeCheck}, {"model-watch", o.modelWatch}, {"teams-watch", o.teamsWatch}, {"tokens-watch", o.tokensWatch},
		{"rules-watch", o.rulesWatch}, {"holidays-watch", o.holidaysWatch},
		{"checkpoint-interval", o.checkpointEvery},
	} {
		if d.v < 0 {
			return fmt.Errorf("-%s=%v: must not be negative", d.flag, d.v)
		}
	}
	switch {
	// Zero was the default, silently, as -max-concurrent-calls=0 was
	// (outside check 13): server.Run and shadow.New read a zero as
	// "unset", so a shutdown given no time to drain waited 15 s and an
	// empty shadow queue held 256 filings.
	case o.shutdownTimeout == 0:
		return fmt.Errorf("-shutdown-timeout=0s: must be positive (the default is %v)", server.DefaultShutdownTimeout)
	case o.shadowQueue == 0:
		return fmt.Errorf("-shadow-queue=0: must be at least 1 (the default is %d)", shadow.DefaultQueueSize)
	case o.shadowQueue < 0:
		return fmt.Errorf("-shadow-queue=%d: must not be negative", o.shadowQueue)
	case o.shadowQueue > shadow.MaxQueueSize:
		// The queue is allocated whole at start: -shadow-queue=3000000000
		// ended the start in "fatal error: runtime: out of memory" and a
		// goroutine dump, and far less held more filings than a pod's
		// memory (outside check 9).
		return fmt.Errorf("-shadow-queue=%d: must be at most %d (the default is %d)", o.shadowQueue, shadow.MaxQueueSize, shadow.DefaultQueueSize)
	case o.checkpointDir != "" && o.checkpointEvery == 0:
		// Zero was taken as "never" (server.Run ticks only for a positive
		// interval): checkpoints were written only at shutdown, and with no
		// attempt failing FenjianAuditCheckpointFailing never fired.
		return errors.New("-checkpoint-interval=0s: must be positive with -checkpoint-dir (the default is 1m)")
	case math.IsNaN(o.sec.rateLimit) || math.IsInf(o.sec.rateLimit, 0):
		// NaN is neither below 0 nor above it, and the token bucket then
		// let every call through: a limit asked for and silently off.
		return fmt.Errorf("-rate-limit=%v: must be a finite number of calls per second (0 disables)", o.sec.rateLimit)
	case o.sec.rateLimit < 0:
		return fmt.Errorf("-rate-limit=%v: must not be negative (0 disables)", o.sec.rateLimit)
	case o.sec.rateBurst < 0:
		return fmt.Errorf("-rate-burst=%d: must not be negative", o.sec.rateBurst)
	// Zero meant the default, 512 calls (server.Security's zero value),
	// silently: an operator writing 0 for "no limit", as -rate-limit=0
	// reads, got 512; or for a replica drained of calls, 512 (outside
	// check 12).
	case o.sec.maxConcurrentCalls == 0:
		return fmt.Errorf("-max-concurrent-calls=0: must be at least 1, or negative for no limit (the default is %d)", server.DefaultMaxConcurrentCalls)
	// Team feeds cannot be turned off or left unbounded: the bounds keep
	// open feeds from exhausting the pod's memory and one identity from
	// taking every place.
	case o.sec.maxTeamFeeds < 1:
		return fmt.Errorf("-max-team-feeds=%d: must be at least 1 (the default is %d)", o.sec.maxTeamFeeds, server.DefaultMaxTeamFeeds)
	case o.sec.maxTeamFeedsPer < 1:
		return fmt.Errorf("-max-team-feeds-per-caller=%d: must be at least 1 (the default is %d)", o.sec.maxTeamFeedsPer, server.DefaultMaxTeamFeedsPerCaller)
	case o.sec.maxConnections < 1:
		return fmt.Errorf("-max-connections=%d: must be at least 1 (the default is %d)", o.sec.maxConnections, server.DefaultMaxConnections)
	}
	return nil
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

	rulesEngine, rulesBytes, holidaysBytes, err := loadRules(o.rulesFile, o.holidaysFile)
	if err != nil {
		return err
	}
	teams, teamsBytes, err := loadTeams(o.teamsFile)
	if err != nil {
		return err
	}
	teamsTable := routing.NewTable(teams)
	def, err := classifier.Default()
	if err != nil {
		return fmt.Errorf("load embedded model: %w", err)
	}
	engine := triage.New(rulesEngine, def)
	var reloader *reload.Reloader
	if o.modelDir != "" {
		if reloader, err = startModel(ctx, o.modelDir, engine, logger, reg); err != nil {
			return err
		}
	}
	// The reloader exports fenjian_model_info itself when there is one.
	if err := reg.Register(server.NewModelCollector(func() server.ModelInfo { return modelInfo(engine.Scorer()) }, reloader == nil)); err != nil {
		return fmt.Errorf("register model metrics: %w", err)
	}
	admin := server.NewAdmin(engine, nil)
	if reloader != nil {
		admin = server.NewAdmin(engine, reloader)
	}
	// SIGHUP reloads; taken from here on even without -model, where it
	// does nothing, so that it never ends the process.
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
	sec, files, err := loadSecurity(o.sec, o.dataDir, logger)
	if err != nil {
		return err
	}
	if err := checkTeamRoles(sec.Credentials.Load(), teams); err != nil {
		return err
	}
	warnUnscopedClerks(logger, sec.Credentials.Load())
	guard := &authTables{teams: teamsTable, creds: sec.Credentials, logger: logger}
	teamsReloader, err := startTeams(o.teamsFile, teamsBytes, guard, logger, reg)
	if err != nil {
		return err
	}
	tokensReloader, rolesReloader, err := startCredentials(files, guard, logger, reg)
	if err != nil {
		return err
	}

	// Health and metrics listen before the store opens: opening checks a
	// SQLite file and may migrate the schema, which for a store of 200k
	// decisions took up to 48 s and grows with the store
	// (docs/operations.md, "Startup and long migrations"). /healthz answers
	// meanwhile, so the startup probe does not kill a migration, which
	// would then start over at every restart, and /readyz says why the
	// replica is not ready.
	startup, err := server.StartHTTP(ctx, o.httpAddr, reg, reg, logger)
	if err != nil {
		return err
	}
	defer startup.Close() // server.Run shuts it down; this is for an earlier return
	logger.Info("health and metrics listening; opening the decision store", slog.String("http_addr", startup.Addr().String()))
	startup.SetStarting("opening the decision store")

	target := o.storeTarget
	if target == "" {
		target = filepath.Join(o.dataDir, dbFile)
	}
	st, err := store.Open(ctx, target, store.Options{Logger: logger, Registerer: reg, Migrating: func(from, to int) {
		startup.SetStarting(fmt.Sprintf("migrating the decision store's schema from version %d to %d", from, to))
	}})
	if err != nil {
		return fmt.Errorf("open decision store: %w", err)
	}
	startup.SetStarting("starting the servers")
	// Run returns once no call uses the store any more.
	defer func() {
		if cerr := st.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close decision store: %w", cerr))
		}
	}()

	var checkpointer *checkpoint.Writer
	if o.checkpointDir != "" || o.checkpointKey != "" {
		if o.checkpointDir == "" || o.checkpointKey == "" {
			return errors.New("-checkpoint-dir and -checkpoint-key go together")
		}
		key, err := checkpoint.ReadKey(o.checkpointKey)
		if err != nil {
			return err
		}
		if checkpointer, err = checkpoint.NewWriter(o.checkpointDir, key, st, logger); err != nil {
			return err
		}
	}

	shadowScorer, shadowReloader, shadowEngine, err := startShadow(ctx, o, rulesEngine, def, st, logger, reg)
	if err != nil {
		return err
	}
	rulesReloader, holidaysReloader, err := startLaw(o, rulesBytes, holidaysBytes, logger, reg, engine, shadowEngine)
	if err != nil {
		return err
	}

	logger.Info("starting",
		slog.String("version", buildinfo.Read().Version),
		slog.String("rules_version", rulesEngine.Version()),
		slog.String("holiday_calendar", rulesEngine.Holidays().Version()),
		slog.String("model_version", engine.Scorer().Version()),
		slog.String("teams_version", teams.Version()),
		slog.String("store", store.Redact(target)))
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return server.Run(gctx, server.Config{
			GRPCAddr:        o.grpcAddr,
			Startup:         startup,
			ShutdownTimeout: o.shutdownTimeout,
			ShutdownDelay:   o.shutdownDelay,
			Service: server.Options{
				Decider:    engine,
				Store:      st,
				Logger:     logger,
				Registerer: reg,
				TeamsTable: teamsTable,
				Shadow:     shadowQueueOrNil(shadowScorer),
			},
			Gatherer:           reg,
			Admin:              admin,
			Security:           sec,
			Checkpointer:       checkpointerOrNil(checkpointer),
			CheckpointInterval: o.checkpointEvery,
			// Config's zero means the default; the flag's 0 means off.
			StoreCheckInterval: cmp.Or(o.storeCheck, -1),
		})
	})
	if reloader != nil {
		g.Go(func() error { reloader.Follow(gctx, hup, o.modelWatch); return nil })
	}
	defer followReloads(gctx, g, followOrNil(teamsReloader, o.teamsWatch), followOrNil(rulesReloader, o.rulesWatch),
		followOrNil(holidaysReloader, o.holidaysWatch),
		followOrNil(tokensReloader, o.tokensWatch), followOrNil(rolesReloader, o.tokensWatch), followOrNil(shadowReloader, o.modelWatch))()
	if shadowScorer != nil {
		g.Go(func() error { shadowScorer.Run(gctx); return nil })
	}
	// Run returns once no call uses the store any more, the reload loops
	// and the shadow once ctx (or a failed Run) has ended them: then the
	// store may close.
	return g.Wait()
}

// followReloads runs each follow (a reloader's Follow, nil for none) in g
// until ctx ends, each with a SIGHUP channel of its own: every reloader
// reloads on every SIGHUP. The returned stop ends their signals.
func followReloads(ctx context.Context, g *errgroup.Group, follows ...func(context.Context, <-chan os.Signal)) (stop func()) {
	var chans []chan os.Signal
	for _, follow := range follows {
		if follow == nil {
			continue
		}
		h := make(chan os.Signal, 1)
		signal.Notify(h, syscall.SIGHUP)
		chans = append(chans, h)
		g.Go(func() error { follow(ctx, h); return nil })
	}
	return func() {
		for _, h := range chans {
			signal.Stop(h)
		}
	}
}

// follower is a reloader's Follow: reload.Reloader, TeamsReloader,
// RulesReloader, HolidaysReloader and CredentialsReloader.
type follower interface {
	comparable
	Follow(ctx context.Context, signals <-chan os.Signal, interval time.Duration)
}

// followOrNil returns r's Follow at interval, or nil for a nil r (the
// file or directory was not given).
func followOrNil[R follower](r R, interval time.Duration) func(context.Context, <-chan os.Signal) {
	var none R
	if r == none {
		return nil
	}
	return func(ctx context.Context, signals <-chan os.Signal) { r.Follow(ctx, signals, interval) }
}

// startModel loads the model directory dir into engine and returns its
// reloader. A bad directory stops the start: serving the embedded model
// instead would hide the operator's mistake.
func startModel(ctx context.Context, dir string, engine *triage.Engine, logger *slog.Logger, reg prometheus.Registerer) (*reload.Reloader, error) {
	r, err := reload.New(reload.Options{
		Dir:        dir,
		Load:       func(dir string) (triage.Scorer, error) { return classifier.Load(dir) },
		Engine:     engine,
		Logger:     logger,
		Registerer: reg,
	})
	if err != nil {
		return nil, err
	}
	if _, err := r.Reload(ctx, reload.TriggerStart); err != nil {
		return nil, fmt.Errorf("load model %s: %w", dir, err)
	}
	return r, nil
}

// startShadow starts the -shadow-model, if any: an engine of its own under
// the serving rules, loaded and reloaded from its directory like -model (no
// reload metrics: those are the serving model's), and the shadow scorer
// recording into st; and the shadow's engine, whose rules a rules reload
// swaps with the serving engine's. Without -shadow-model it returns nils.
func startShadow(ctx context.Context, o options, rl *rules.Engine, initial triage.Scorer, st store.Store, logger *slog.Logger, reg prometheus.Registerer) (*shadow.Shadow, *reload.Reloader, *triage.Engine, error) {
	if o.shadowModelDir == "" {
		return nil, nil, nil, nil
	}
	engine := triage.New(rl, initial)
	r, err := startModel(ctx, o.shadowModelDir, engine, logger.With(slog.String("model", "shadow")), nil)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("shadow: %w", err)
	}
	s, err := shadow.New(shadow.Options{Engine: engine, Store: st, Logger: logger, Registerer: reg, QueueSize: o.shadowQueue})
	if err != nil {
		return nil, nil, nil, err
	}
	return s, r, engine, nil
}

// shadowQueueOrNil keeps a nil *shadow.Shadow from becoming a non-nil
// interface.
func shadowQueueOrNil(s *shadow.Shadow) server.ShadowQueue {
	if s == nil {
		return nil
	}
	return s
}

// checkpointerOrNil keeps a nil *checkpoint.Writer from becoming a non-nil
// interface.
func checkpointerOrNil(w *checkpoint.Writer) interface{ Checkpoint(context.Context) error } {
	if w == nil {
		return nil
	}
	return w
}

// securityFiles are the tokens and roles files the start read, with their
// bytes then, for their reloaders (no roles file: rolesFile is "").
type securityFiles struct {
	tokensFile, rolesFile   string
	tokensBytes, rolesBytes []byte
}

// loadSecurity reads the tokens, roles and TLS files. Without -tokens the
// data directory's local tokens file is used, made on first start, so that
// one command still gives a server whose every RPC can be tried. The
// tokens and roles are served from sec.Credentials, which their reloaders
// swap.
func loadSecurity(o securityOptions, dataDir string, logger *slog.Logger) (server.Security, securityFiles, error) {
	sec, files, err := readSecurity(o, dataDir, logger)
	sec.Credentials = auth.NewTable(auth.Credentials{Tokens: sec.Tokens, Roles: sec.Roles})
	return sec, files, err
}

// readSecurity is loadSecurity's reading of the files.
func readSecurity(o securityOptions, dataDir string, logger *slog.Logger) (server.Security, securityFiles, error) {
	var files securityFiles
	sec := server.Security{
		Insecure:              o.insecure,
		MaxConcurrentCalls:    o.maxConcurrentCalls,
		RateLimit:             o.rateLimit,
		RateBurst:             o.rateBurst,
		MaxTeamFeeds:          o.maxTeamFeeds,
		MaxTeamFeedsPerCaller: o.maxTeamFeedsPer,
		MaxConnections:        o.maxConnections,
	}
	tokensFile := o.tokensFile
	if tokensFile == "" {
		path, secrets, created, err := auth.EnsureLocal(dataDir)
		if err != nil {
			return sec, files, err
		}
		tokensFile = path
		if created {
			logger.Warn("created local tokens: admin, judge and president; the tokens are in the secrets file, readable by this user only",
				slog.String("tokens_file", path), slog.String("secrets_file", secrets))
		}
	}
	tokens, tokensBytes, err := auth.ReadTokens(tokensFile)
	if err != nil {
		return sec, files, err
	}
	sec.Tokens = tokens
	files.tokensFile, files.tokensBytes = tokensFile, tokensBytes
	if o.rolesFile != "" {
		if o.tlsClientCA == "" {
			return sec, files, errors.New("-roles needs -tls-client-ca: roles are given to verified client certificates")
		}
		if sec.Roles, files.rolesBytes, err = auth.ReadRoles(o.rolesFile); err != nil {
			return sec, files, err
		}
		files.rolesFile = o.rolesFile
	}
	switch {
	case o.tlsCert != "" || o.tlsKey != "":
		if sec.TLS, err = server.LoadTLS(server.TLSFiles{CertFile: o.tlsCert, KeyFile: o.tlsKey, ClientCAFile: o.tlsClientCA}, logger); err != nil {
			return sec, files, err
		}
	case o.tlsClientCA != "":
		return sec, files, errors.New("-tls-client-ca needs -tls-cert and -tls-key")
	}
	logger.Info("security",
		slog.String("tokens_file", tokensFile), slog.Int("tokens", tokens.Len()),
		slog.Bool("tls", sec.TLS.Config != nil), slog.Bool("client_certificates", o.tlsClientCA != ""))
	return sec, files, nil
}

// healthcheck is "triaged healthcheck": it asks the local server's gRPC
// health service (or, with -url, its /readyz over HTTP) whether it is
// SERVING and exits 0 if so, 1 if not (or unreachable), 2 on bad usage. The
// container image has no shell, so its HEALTHCHECK runs this.
func healthcheck(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("triaged healthcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:50051", "gRPC address of the server to check (plaintext gRPC)")
	service := fs.String("service", "", "service to check; empty checks the whole server")
	httpURL := fs.String("url", "", "check this HTTP URL instead (e.g. http://127.0.0.1:9090/readyz): 200 is healthy; works when gRPC requires TLS")
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	// What the check would otherwise ignore is a usage error: the whole
	// server's health reported for a service named as an argument or
	// beside -url would be an answer to another question.
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	usage := ""
	switch {
	case fs.NArg() > 0:
		usage = fmt.Sprintf("unexpected argument %q (the service to check is -service)", fs.Arg(0))
	case set["url"] && (set["addr"] || set["service"]):
		usage = "-url checks HTTP; -addr and -service are for the gRPC check"
	case set["url"] && !isHTTPURL(*httpURL):
		usage = fmt.Sprintf("-url %q: want an http:// or https:// URL with a host", *httpURL)
	case *timeout <= 0:
		usage = "-timeout must be positive"
	}
	if usage != "" {
		fmt.Fprintf(stderr, "triaged healthcheck: %s\n", usage)
		return 2
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	check := func() error { return server.CheckHealth(ctx, *addr, *service) }
	if *httpURL != "" {
		check = func() error { return server.CheckHTTP(ctx, *httpURL) }
	}
	if err := check(); err != nil {
		fmt.Fprintf(stderr, "triaged healthcheck: %v\n", err)
		return 1
	}
	return 0
}

// isHTTPURL reports whether s is an absolute http or https URL naming a
// host: anything else (ftp://…, a path, a typo) can never answer a health
// check, so it is the operator's mistake, not the server's state.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
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

// checkTeamRoles refuses a token or certificate whose team:<id> role names
// no team of teams: like an unknown role, a mistyped team id would
// otherwise start cleanly and refuse the team's client its feed at run
// time, with nothing at start to say why.
func checkTeamRoles(creds *auth.Credentials, teams *routing.Teams) error {
	for _, src := range []struct {
		file string
		refs []auth.TeamRef
	}{{"tokens file", creds.Tokens.TeamRefs()}, {"roles file", creds.Roles.TeamRefs()}} {
		for _, ref := range src.refs {
			if _, ok := teams.Team(ref.Team); !ok {
				return fmt.Errorf("%s: %s: role team:%s names no team of the teams file (teams version %s)", src.file, ref.Identity, ref.Team, teams.Version())
			}
		}
	}
	return nil
}

// loadTeams returns the teams in path and the file's bytes, or the
// embedded teams (and no bytes) for "".
func loadTeams(path string) (*routing.Teams, []byte, error) {
	if path == "" {
		t, err := routing.Default()
		if err != nil {
			return nil, nil, fmt.Errorf("load embedded teams: %w", err)
		}
		return t, nil, nil
	}
	t, b, err := routing.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load teams: %w", err)
	}
	return t, b, nil
}

// authTables are the teams and the credentials serving, as their reloaders
// swap them: every team:<id> role of the tokens and roles files must name a
// team of the teams file (checkTeamRoles), at start and after every swap of
// either, so each swap is checked against the other table serving, under
// one lock: a teams file dropping a team that a token reads, and a tokens
// file giving a token a team the teams file lacks, are both refused, even
// when the two reloads race. A file that would stop the next restart is
// never swapped in.
type authTables struct {
	mu     sync.Mutex
	teams  *routing.Table
	creds  *auth.Table
	logger *slog.Logger
}

// Teams returns the teams serving.
func (g *authTables) Teams() *routing.Teams { return g.teams.Teams() }

// SetTeams swaps ts in unless a team role of the credentials serving names
// no team of it.
func (g *authTables) SetTeams(ts *routing.Teams) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := checkTeamRoles(g.creds.Load(), ts); err != nil {
		return err
	}
	return g.teams.SetTeams(ts)
}

// Tokens returns the tokens serving.
func (g *authTables) Tokens() *auth.Tokens { return g.creds.Tokens() }

// SetTokens swaps t in unless one of its team roles names no team serving.
func (g *authTables) SetTokens(t *auth.Tokens) error {
	return g.setCredentials(func(c auth.Credentials) auth.Credentials { c.Tokens = t; return c })
}

// Roles returns the certificate roles serving.
func (g *authTables) Roles() *auth.Roles { return g.creds.Roles() }

// SetRoles swaps r in unless one of its team roles names no team serving.
func (g *authTables) SetRoles(r *auth.Roles) error {
	return g.setCredentials(func(c auth.Credentials) auth.Credentials { c.Roles = r; return c })
}

func (g *authTables) setCredentials(change func(auth.Credentials) auth.Credentials) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	next := change(*g.creds.Load())
	if err := checkTeamRoles(&next, g.teams.Teams()); err != nil {
		return err
	}
	g.creds.Swap(change)
	warnUnscopedClerks(g.logger, &next)
	return nil
}

// msgUnscopedClerks is the log message of warnUnscopedClerks.
const msgUnscopedClerks = "clerks without a team: their outcomes and designations in another's name are refused; give each the team:<id> roles of its teams, or court-clerk"

// warnUnscopedClerks logs the clerks of creds that hold no team:<id> role
// nor court-clerk: their entries in another's name are refused
// (docs/security.md, Clerks), which a file written before clerks had teams
// gives every clerk. The refusal tells the clerk; this tells the operator,
// at start and at each reload, before a clerk calls.
func warnUnscopedClerks(logger *slog.Logger, creds *auth.Credentials) {
	if names := creds.UnscopedClerks(); len(names) > 0 && logger != nil {
		logger.Warn(msgUnscopedClerks, slog.Any("clerks", names))
	}
}

// startTeams returns the reloader of -teams (nil without it: the embedded
// teams change only with the binary), swapping into tables.
func startTeams(path string, started []byte, tables *authTables, logger *slog.Logger, reg prometheus.Registerer) (*reload.TeamsReloader, error) {
	if path == "" {
		return nil, nil
	}
	return reload.NewTeams(reload.TeamsOptions{
		File:       path,
		Target:     tables,
		Logger:     logger,
		Registerer: reg,
	}, started)
}

// startCredentials returns the reloaders of the tokens file and of the
// roles file (nil without -roles), swapping into tables.
func startCredentials(files securityFiles, tables *authTables, logger *slog.Logger, reg prometheus.Registerer) (tokens, roles *reload.CredentialsReloader, err error) {
	opts := reload.CredentialsOptions{File: files.tokensFile, Logger: logger, Registerer: reg}
	if tokens, err = reload.NewTokens(opts, tables, files.tokensBytes); err != nil {
		return nil, nil, err
	}
	if files.rolesFile == "" {
		return tokens, nil, nil
	}
	opts.File = files.rolesFile
	if roles, err = reload.NewRoles(opts, tables, files.rolesBytes); err != nil {
		return nil, nil, err
	}
	return tokens, roles, nil
}

// loadRules opens -rules and -holidays (the embedded files when empty). A
// bad file of either stops the start: serving with the embedded one instead
// would hide the operator's mistake. It returns the rules, counting due
// dates with the calendar, and the bytes of -rules and -holidays (nil for
// an embedded file). The rules and holidays reloaders read every new file
// with the same readers (readRules, rules.ReadHolidays), so a file is
// judged at a reload exactly as at start.
func loadRules(path, holidaysPath string) (r *rules.Engine, rulesBytes, holidaysBytes []byte, err error) {
	cal, err := rules.DefaultHolidays()
	if holidaysPath != "" {
		cal, holidaysBytes, err = rules.ReadHolidays(holidaysPath)
	}
	if err != nil {
		return nil, nil, nil, fmt.Errorf("load holidays: %w", err)
	}
	if path == "" {
		r, err = rules.Open("")
		if err != nil {
			return nil, nil, nil, fmt.Errorf("load rules: %w", err)
		}
	} else if r, rulesBytes, err = readRules(path); err != nil {
		return nil, nil, nil, err
	}
	return r.WithHolidays(cal), rulesBytes, holidaysBytes, nil
}

// readRules reads and validates a rules file (rules.ReadFile), at start and
// at every reload. The rules count due dates with the embedded calendar
// until the Law they are swapped into gives them the calendar serving.
func readRules(path string) (*rules.Engine, []byte, error) {
	r, b, err := rules.ReadFile(path)
	if err != nil {
		return nil, b, fmt.Errorf("load rules: %w", err)
	}
	return r, b, nil
}

// startLaw returns the reloaders of -rules and -holidays (each nil without
// its flag), both swapping into the Law of engines (newLaw). rulesBytes and
// holidaysBytes are the files' bytes at start.
func startLaw(o options, rulesBytes, holidaysBytes []byte, logger *slog.Logger, reg prometheus.Registerer, engines ...*triage.Engine) (*reload.RulesReloader, *reload.HolidaysReloader, error) {
	law, err := newLaw(engines...)
	if err != nil {
		return nil, nil, err
	}
	rr, err := startRules(o.rulesFile, rulesBytes, law, logger, reg)
	if err != nil {
		return nil, nil, err
	}
	hr, err := startHolidays(o.holidaysFile, holidaysBytes, law, logger, reg)
	if err != nil {
		return nil, nil, err
	}
	return rr, hr, nil
}

// newLaw returns the Law of the engines deciding under the serving rules,
// the serving one first (the shadow's, nil without -shadow-model, decides
// under the same rules): the one target of the rules and the holidays
// reloader, so that neither undoes the other's swap.
func newLaw(engines ...*triage.Engine) (*reload.Law, error) {
	var targets []reload.RulesTarget
	for _, e := range engines {
		if e != nil {
			targets = append(targets, e)
		}
	}
	return reload.NewLaw(targets...)
}

// startRules returns the reloader of -rules (nil without it: the embedded
// rules change only with the binary), which swaps a new file into law.
// started is the file's bytes at start.
func startRules(path string, started []byte, law *reload.Law, logger *slog.Logger, reg prometheus.Registerer) (*reload.RulesReloader, error) {
	if path == "" {
		return nil, nil
	}
	return reload.NewRules(reload.RulesOptions{
		File:       path,
		Load:       readRules,
		Targets:    []reload.RulesTarget{law},
		Logger:     logger,
		Registerer: reg,
	}, started)
}

// startHolidays returns the reloader of -holidays (nil without it: the
// embedded calendar changes only with the binary), which swaps a new file
// into law. started is the file's bytes at start.
func startHolidays(path string, started []byte, law *reload.Law, logger *slog.Logger, reg prometheus.Registerer) (*reload.HolidaysReloader, error) {
	if path == "" {
		return nil, nil
	}
	return reload.NewHolidays(reload.HolidaysOptions{
		File:       path,
		Load:       rules.ReadHolidays,
		Target:     law,
		Logger:     logger,
		Registerer: reg,
	}, started)
}
