package main

import (
	"context"
	"crypto/x509"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/fenjian/fenjian/internal/batch"
	"github.com/fenjian/fenjian/internal/boundedfile"
	"github.com/fenjian/fenjian/internal/loopback"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// Defaults of `triagectl score`.
const (
	defaultAddr = "127.0.0.1:50051"
	// defaultRemoteConcurrency keeps a few calls in flight per server core
	// without swamping a shared server; local scoring uses every core.
	defaultRemoteConcurrency = 8
	// maxConcurrency bounds -concurrency: Run starts that many workers and a
	// window of twice as many results before it reads a line, so
	// -concurrency 20000000 took 48 s and 900 MB to score 20 filings and
	// 2000000000 ended in "fatal error: runtime: out of memory" (outside
	// check 9). Twice triaged's default -max-concurrent-calls, beyond which
	// a server sheds calls, and far above any machine's cores for -local.
	maxConcurrency = 1024
	defaultTimeout = 10 * time.Second
)

// scoreFlags are the parsed flags of `triagectl score`.
type scoreFlags struct {
	addr        string
	local       bool
	rulesPath   string
	holidays    string
	model       string
	in, out     string
	concurrency int
	timeout     time.Duration
	dryRun      bool
	tlsCA       string
	tokenFile   string
}

// parseScoreFlags parses and checks the flags; every problem is a usageError
// (exit code 2), -h is flag.ErrHelp.
func parseScoreFlags(e *env, args []string) (*scoreFlags, error) {
	var f scoreFlags
	fs := newFlagSet(e, "score")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl score [-addr host:port | -local [-rules FILE] [-holidays FILE] [-model default|baseline|DIR]] [-in FILE] [-out FILE] [flags]")
		fmt.Fprintln(fs.Output(), "\nScores JSONL Filing or LabeledFiling lines and writes one JSON Decision per line, in input order;")
		fmt.Fprintln(fs.Output(), "a line that fails is written as {\"line\":N,\"filing_id\":...,\"error\":{\"code\":...,\"message\":...}}.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.addr, "addr", defaultAddr, "fenjian server `host:port` (plaintext gRPC unless -tls-ca)")
	fs.BoolVar(&f.local, "local", false, "score in process (rules and model) instead of calling a server")
	fs.StringVar(&f.rulesPath, "rules", "", "rules `file` for -local (default: the rules built into the binary)")
	fs.StringVar(&f.holidays, "holidays", "", "holiday calendar `file` for -local due dates (default: the calendar built into the binary)")
	fs.StringVar(&f.model, "model", defaultModelName, "model for -local: \"default\" (the embedded model triaged serves), \"baseline\" or a model `directory`")
	fs.StringVar(&f.in, "in", "-", "input JSONL `file`; - is stdin")
	fs.StringVar(&f.out, "out", "-", "output JSONL `file`, written under a temporary name and renamed over it when the run ends (mode 0600), never the -in file; - is stdout")
	fs.IntVar(&f.concurrency, "concurrency", 0,
		fmt.Sprintf("filings scored at once, 1–%d (default %d with a server, GOMAXPROCS with -local)", maxConcurrency, defaultRemoteConcurrency))
	fs.DurationVar(&f.timeout, "timeout", defaultTimeout, "deadline of each call to the server")
	fs.BoolVar(&f.dryRun, "dry-run", false, "ask the server not to store the decisions")
	fs.StringVar(&f.tlsCA, "tls-ca", "", "CA certificates (PEM) `file`: call the server over TLS, verifying its certificate against them and -addr's host name")
	fs.StringVar(&f.tokenFile, "token-file", "", "`file` holding the bearer token to send (a filing token, docs/security.md); off loopback only with -tls-ca")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })

	switch {
	case f.local && set["addr"]:
		return nil, usageError{"-local and -addr exclude each other"}
	case f.local && set["dry-run"]:
		return nil, usageError{"-dry-run is for a server; -local never stores decisions"}
	case f.local && set["timeout"]:
		return nil, usageError{"-timeout is for calls to a server, not -local"}
	case !f.local && set["rules"]:
		return nil, usageError{"-rules needs -local (a server uses its own rules)"}
	case !f.local && set["holidays"]:
		return nil, usageError{"-holidays needs -local (a server uses its own calendar)"}
	case !f.local && set["model"]:
		return nil, usageError{"-model needs -local (a server uses its own model)"}
	case set["concurrency"] && f.concurrency < 1:
		return nil, usageError{fmt.Sprintf("-concurrency must be at least 1, got %d", f.concurrency)}
	case f.concurrency > maxConcurrency:
		return nil, usageError{fmt.Sprintf("-concurrency must be at most %d, got %d", maxConcurrency, f.concurrency)}
	case f.timeout <= 0:
		return nil, usageError{fmt.Sprintf("-timeout must be positive, got %s", f.timeout)}
	case !f.local && f.addr == "":
		return nil, usageError{"-addr is empty"}
	case f.local && set["tls-ca"]:
		return nil, usageError{"-tls-ca is for a server, not -local"}
	case f.local && set["token-file"]:
		return nil, usageError{"-token-file is for a server, not -local"}
	case f.tokenFile != "" && f.tlsCA == "" && !isLoopback(f.addr):
		return nil, usageError{fmt.Sprintf("-token-file without -tls-ca would send the token in clear to %s; only a loopback address may be called without TLS", f.addr)}
	}
	if !set["concurrency"] {
		f.concurrency = defaultRemoteConcurrency
		if f.local {
			f.concurrency = runtime.GOMAXPROCS(0)
		}
	}
	return &f, nil
}

// runScore is `triagectl score`: it parses the flags and wires the input, a
// scorer and the output into batch.Run. It fails (exit code 1) when any line
// failed; the failed lines are in the output as error records and on stderr.
func runScore(ctx context.Context, e *env, args []string) (err error) {
	f, err := parseScoreFlags(e, args)
	if err != nil {
		return err
	}

	scorer, closeScorer, err := newScorer(f)
	if err != nil {
		return err
	}
	defer closeScorer()

	in := e.stdin
	if f.in != "-" {
		file, err := os.Open(f.in)
		if err != nil {
			return fmt.Errorf("open input: %w", err)
		}
		defer file.Close()
		in = file
	}
	if err := checkOutputNotInput(in, f.out); err != nil {
		return err
	}
	// Written under a temporary name and renamed over -out once the run
	// ends (createOutput), like export's and gen's: os.Create truncated
	// -out before a line was read, so `-in f.jsonl -out f.jsonl` (or
	// `-out f.jsonl < f.jsonl`) emptied the filings and reported "scored
	// 0, failed 0" with exit 0 (outside check 17).
	out, err := createOutput(e, f.out)
	if err != nil {
		return err
	}
	defer out.abort() // after commit, a no-op

	w := batch.NewWriter(out)
	emit := func(r batch.Result) error {
		if r.Err != nil {
			fmt.Fprintln(e.stderr, r.ErrorRecord())
		}
		if err := w.Write(r); err != nil {
			return err
		}
		if batch.RefusesCaller(r.Err) {
			// The server refuses the caller, not the filing: every line
			// after this one would be refused the same, and a file of
			// 100,000 filings gave 100,000 error records and a full run
			// (outside check 26). Stop with the lines done so far kept;
			// sent again with a good credential, the run answers the
			// stored ones as replays.
			return batch.StopAfter(fmt.Errorf("line %d: the server refused the credential (%s): stopped, as it would refuse every line; check -token-file and the identity's roles (docs/security.md)", r.Line, r.ErrorRecord().Error.Code))
		}
		return nil
	}
	sum, runErr := batch.Run(ctx, in, scorer, batch.Options{Concurrency: f.concurrency}, emit)
	if r, ok := scorer.(*batch.Remote); ok {
		// A run sent again (after an interruption, or by mistake) is
		// answered the stored decisions: say so, or "scored 100" read as
		// 100 new decisions (outside check 26).
		sum.Replayed = r.Replayed()
	}
	// Flush even after an interruption or a read failure: what was done
	// stays done. A run that failed before a line was done has nothing to
	// keep, and the file at -out stays as it was (outside check 23: a
	// UTF-16 -in, or a directory, replaced the last decisions.jsonl with an
	// empty file and exit 1).
	var flushErr error
	if runErr == nil || sum.Scored+sum.Failed > 0 {
		if flushErr = w.Flush(); flushErr == nil {
			flushErr = out.commit()
		}
	}
	fmt.Fprintln(e.stderr, sum)
	switch {
	case runErr != nil && sum.Interrupted:
		return fmt.Errorf("interrupted after %d lines: %w", sum.Scored+sum.Failed, runErr)
	case runErr != nil:
		return runErr
	case flushErr != nil:
		return flushErr
	case sum.Failed > 0:
		return fmt.Errorf("%d of %d lines failed", sum.Failed, sum.Scored+sum.Failed)
	}
	return nil
}

// checkOutputNotInput refuses an -out that is the regular file the filings
// are read from (named by -in, or stdin redirected from it): scoring would
// replace the filings with their decisions. A device or pipe on both sides
// (a terminal) is no such file.
func checkOutputNotInput(in io.Reader, out string) error {
	inFile, ok := in.(*os.File)
	if !ok || out == "-" {
		return nil
	}
	outInfo, err := os.Stat(out)
	if err != nil || !outInfo.Mode().IsRegular() {
		return nil // a new file, or not a regular one: createOutput decides
	}
	if inInfo, err := inFile.Stat(); err == nil && os.SameFile(inInfo, outInfo) {
		return usageError{fmt.Sprintf("-out %s is the file the filings are read from: the decisions would replace them; write them elsewhere", out)}
	}
	return nil
}

// maxCAFileBytes and maxTokenFileBytes bound -tls-ca (a bundle of CAs; a
// system bundle is about 200 KB) and -token-file (one token). Read whole,
// -tls-ca /dev/zero ran until the kernel's OOM killer ended triagectl.
const (
	maxCAFileBytes    = 4 << 20
	maxTokenFileBytes = 64 << 10
)

// dialOptions reads -tls-ca and -token-file.
func dialOptions(f *scoreFlags) (batch.DialOptions, error) {
	var opts batch.DialOptions
	if f.tlsCA != "" {
		b, err := boundedfile.Read(f.tlsCA, maxCAFileBytes)
		if err != nil {
			return opts, fmt.Errorf("-tls-ca: %w", err)
		}
		opts.RootCAs = x509.NewCertPool()
		if !opts.RootCAs.AppendCertsFromPEM(b) {
			return opts, fmt.Errorf("-tls-ca %s: no PEM certificate in it", f.tlsCA)
		}
	}
	if f.tokenFile != "" {
		b, err := boundedfile.Read(f.tokenFile, maxTokenFileBytes)
		if err != nil {
			return opts, fmt.Errorf("-token-file: %w", err)
		}
		// One line: an editor's or echo's final newline is not the token's.
		opts.Token = strings.TrimSpace(string(b))
		if opts.Token == "" || strings.ContainsAny(opts.Token, "\r\n") {
			return opts, fmt.Errorf("-token-file %s: want the token alone, on one line", f.tokenFile)
		}
	}
	return opts, nil
}

// newScorer builds the scorer the flags ask for and a function releasing it.
func newScorer(f *scoreFlags) (batch.Scorer, func(), error) {
	if !f.local {
		opts, err := dialOptions(f)
		if err != nil {
			return nil, nil, err
		}
		conn, err := batch.Dial(f.addr, opts)
		if err != nil {
			return nil, nil, err
		}
		s := batch.NewRemote(conn, batch.RemoteOptions{Timeout: f.timeout, DryRun: f.dryRun})
		return s, func() { _ = conn.Close() }, nil
	}
	r, err := rules.Open(f.rulesPath)
	if err != nil {
		return nil, nil, fmt.Errorf("load rules: %w", err)
	}
	cal, err := rules.OpenHolidays(f.holidays)
	if err != nil {
		return nil, nil, fmt.Errorf("load holidays: %w", err)
	}
	r = r.WithHolidays(cal)
	m, err := loadScorer(f.model)
	if err != nil {
		return nil, nil, fmt.Errorf("load model: %w", err)
	}
	engine := triage.New(r, m)
	return batch.NewLocal(engine), func() {}, nil
}

// isLoopback reports whether addr names a loopback host (loopback.Host);
// an address that does not parse is not.
func isLoopback(addr string) bool {
	ok, _ := loopback.Host(addr)
	return ok
}
