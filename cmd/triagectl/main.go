// Command triagectl is the data staff's tool for fenjian: score filings in
// bulk (score), generate corpora (gen), train models (train), evaluate them
// (eval), cross-validate on real filings and attach the real prior (realcv,
// adjust), promote a model into the directory a server serves (promote), and
// read the decision store without writing it (export, stats, audit verify,
// audit redraw); audit keygen makes the key triaged signs audit checkpoints
// with.
//
// Usage: triagectl <command> [flags]; `triagectl help` lists the commands.
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
	"strings"
	"syscall"
)

// command is one subcommand: its name, a one-line summary and its runner.
// Each runner parses its own flags from args and writes results to stdout.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every subcommand gets from main instead of reaching for globals.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	logger *slog.Logger
}

func commands() []command {
	return []command{
		{"score", "score JSONL filings through a running server (-addr) or in-process (-local)", runScore},
		{"gen", "generate a realistic labelled corpus of filings (JSONL)", runGen},
		{"train", "train a model on labelled filings (JSONL) into a model directory", runTrain},
		{"eval", "evaluate a model against labelled filings (JSON, HTML report)", runEval},
		{"adjust", "attach a baseline blend and a real prior (from realcv) to a trained model", runAdjust},
		{"realcv", "cross-validate training choices on real filings (out-of-fold figures, seed stability, review)", runRealCV},
		{"promote", "copy a verified model into the directory a server serves (hot reload)", runPromote},
		{"export", "export decided cases labelled with their final procedure (JSONL for train/eval)", runExport},
		{"stats", "繁简分流 figures per month from the store (JSON or a text table)", runStats},
		{"audit", "audit verify: check the store's audit chain and print its head; audit redraw: replay the recorded draws; audit keygen: make the checkpoint key", runAudit},
	}
}

func main() { os.Exit(run()) }

func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
	return dispatch(ctx, e, os.Args[1:])
}

// dispatch runs the named subcommand and turns its error into an exit code:
// 2 for usage errors, 1 for failures.
func dispatch(ctx context.Context, e *env, args []string) int {
	if len(args) == 2 && args[0] == "help" {
		// "triagectl help score" is what a new user types for a command's
		// flags: answer it as "triagectl score -h".
		args = []string{args[1], "-h"}
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, new(usageError)):
			fmt.Fprintf(e.stderr, "triagectl %s: %v\n", c.name, err)
			return 2
		default:
			fmt.Fprintf(e.stderr, "triagectl %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "triagectl: unknown command %q\n", args[0])
	usage(e.stderr)
	return 2
}

// usageError marks a bad invocation (exit code 2) as opposed to a failure.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: triagectl <command> [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'triagectl help <command>' (or 'triagectl <command> -h') for a command's flags.")
}

// parseFlags parses args into fs for a command that takes no positional
// arguments: -h is flag.ErrHelp (exit code 0), every other problem a
// usageError (exit code 2).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

// newFlagSet returns a flag set that reports errors instead of exiting, so
// dispatch decides the exit code. Its usage names the command, says what it
// does (the summary of commands) and lists the flags; commands with
// positional arguments or more to say set their own.
func newFlagSet(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("triagectl "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: triagectl %s [flags]\n", name)
		for _, c := range commands() {
			if c.name == name {
				fmt.Fprintf(fs.Output(), "\n%s.\n", strings.ToUpper(c.summary[:1])+c.summary[1:])
			}
		}
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	return fs
}
