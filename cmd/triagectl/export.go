package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

// defaultStoreTarget is where triaged keeps its SQLite store by default
// (-data-dir ./data, file fenjian.db).
const defaultStoreTarget = "./data/fenjian.db"

// exportSource is LabeledFiling.source of exported records: the label is the
// procedure a court finally applied, as recorded in an outcome.
const exportSource = dataset.SourceOutcome

// exportFlags are the parsed flags of `triagectl export`.
type exportFlags struct {
	store string
	since time.Time // zero with -all
	all   bool
	out   string
}

// parseExportFlags parses and checks the flags; every problem is a
// usageError (exit code 2), -h is flag.ErrHelp.
func parseExportFlags(e *env, args []string) (*exportFlags, error) {
	var f exportFlags
	var since string
	fs := newFlagSet(e, "export")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl export [-store TARGET] (-since YYYY-MM-DD | -all) -out FILE.jsonl")
		fmt.Fprintln(fs.Output(), "\nWrites one LabeledFiling per decided case that has an outcome, in decision order: the filing as")
		fmt.Fprintln(fs.Output(), "received, label = the procedure of its last outcome (the one finally applied), source \"outcome\",")
		fmt.Fprintln(fs.Output(), "model_version = the decision's. Cases without an outcome have no label and are skipped. The file")
		fmt.Fprintln(fs.Output(), "is what `triagectl train -data` and `triagectl eval -data` read. A summary goes to stderr.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	storeFlag(fs, &f.store)
	fs.StringVar(&since, "since", "", "export cases decided on or after this `date` (YYYY-MM-DD, Beijing time); required unless -all")
	fs.BoolVar(&f.all, "all", false, "export every decided case, whenever decided (instead of -since)")
	fs.StringVar(&f.out, "out", "", "output JSONL `file` (required), replaced atomically once complete (a link's file; nothing on failure or interruption), mode 0600 as it holds filing texts; - is stdout, and a device or named pipe is written in place")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	switch {
	case f.store == "":
		return nil, usageError{"-store is empty"}
	case f.out == "":
		return nil, usageError{"-out is required"}
	case f.all && since != "":
		return nil, usageError{"-since and -all exclude each other"}
	case !f.all && since == "":
		return nil, usageError{"-since YYYY-MM-DD is required (or -all for every case)"}
	}
	if !f.all {
		t, err := parseSince(since)
		if err != nil {
			return nil, err
		}
		f.since = t
	}
	return &f, nil
}

// storeFlag defines -store, shared by export, stats and audit.
func storeFlag(fs *flag.FlagSet, target *string) {
	fs.StringVar(target, "store", defaultStoreTarget,
		"decision store `target`: a SQLite file or a postgres:// URL, as triaged -store; opened read-only (never migrated or written: one at an older schema is refused)")
}

// parseSince reads a -since date as the start of that day in Beijing time.
func parseSince(s string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, rules.Beijing())
	if err != nil {
		return time.Time{}, usageError{fmt.Sprintf("-since must be a date YYYY-MM-DD, got %q", s)}
	}
	return t, nil
}

// describeSince says which cases a scan covers, for summaries: "decided
// since 2024-03-01 (Beijing time)".
func describeSince(since time.Time) string {
	if since.IsZero() {
		return "decided at any time"
	}
	return "decided since " + since.Format(time.DateOnly) + " (Beijing time)"
}

// openStore opens the store the data staff's read commands work on. A SQLite
// target must be an existing file: store.Open would create an empty store at
// a mistyped path, and an empty export or a clean audit of nothing would
// look like an answer. Failures are exit code 1, not usage errors.
func openStore(ctx context.Context, e *env, target string) (store.Store, error) {
	// A mistyped target (" postgres://u:pw@db/f", host=… password=…) is
	// refused for what it is before it is looked for as a file, whose
	// "does not exist" printed it, password and all.
	if err := store.CheckTarget(target); err != nil {
		return nil, err
	}
	if !store.IsPostgresURL(target) {
		st, err := os.Stat(target)
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, fmt.Errorf("store %s does not exist", target)
		case err != nil:
			return nil, fmt.Errorf("store %s: %w", target, err)
		case !st.Mode().IsRegular():
			return nil, fmt.Errorf("store %s is not a SQLite file", target)
		}
		if err := checkSQLiteHeader(target); err != nil {
			return nil, err
		}
	}
	// Reading never migrates (the servers writing this database may be of
	// an older release than this triagectl) and never writes: data staff
	// may read as a user who cannot write the database, or a copy on
	// read-only media (store.Options.ReadOnly).
	s, err := store.Open(ctx, target, store.Options{Logger: e.logger, ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", store.Redact(target), err)
	}
	return s, nil
}

// exportSummary counts what an export did.
type exportSummary struct {
	read, exported, noOutcome, badLabel int
	byLabel                             map[triagev1.Procedure]int
}

func (s *exportSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "exported %d of %d cases; skipped %d without an outcome", s.exported, s.read, s.noOutcome)
	if s.badLabel > 0 {
		fmt.Fprintf(&b, ", %d whose last outcome has no valid procedure", s.badLabel)
	}
	b.WriteString("\nby label:")
	if len(s.byLabel) == 0 {
		b.WriteString(" none")
	}
	sep := " "
	for p := triagev1.Procedure(0); int(p) < len(triagev1.Procedure_name); p++ {
		if n := s.byLabel[p]; n > 0 {
			fmt.Fprintf(&b, "%s%s %d", sep, strings.TrimPrefix(p.String(), "PROCEDURE_"), n)
			sep = ", "
		}
	}
	return b.String()
}

// runExport is `triagectl export`.
func runExport(ctx context.Context, e *env, args []string) error {
	f, err := parseExportFlags(e, args)
	if err != nil {
		return err
	}
	if err := checkOutputSparesStore(f.out, f.store); err != nil {
		return err
	}
	st, err := openStore(ctx, e, f.store)
	if err != nil {
		return err
	}
	defer st.Close()

	out, err := createOutput(e, f.out)
	if err != nil {
		return err
	}
	defer out.abort() // after commit, a no-op
	w := dataset.NewWriter(out)
	sum := exportSummary{byLabel: map[triagev1.Procedure]int{}}
	err = st.ScanCases(ctx, f.since, func(c store.CaseRecord) error {
		sum.read++
		lf, ok := labelCase(c)
		switch {
		case len(c.Outcomes) == 0:
			sum.noOutcome++
			return nil
		case !ok:
			sum.badLabel++
			return nil
		}
		if err := w.Write(lf); err != nil {
			return err
		}
		sum.exported++
		sum.byLabel[lf.GetLabel()]++
		return nil
	})
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = out.commit()
	}
	if err != nil {
		if !out.stream {
			return fmt.Errorf("export: %w (after %d cases; %s not written)", err, sum.read, f.out)
		}
		return fmt.Errorf("export: %w (after %d cases, %d records written)", err, sum.read, sum.exported)
	}
	fmt.Fprintf(e.stderr, "export of the cases %s from %s:\n%s\n", describeSince(f.since), store.Redact(f.store), &sum)
	if f.out != "-" {
		fmt.Fprintf(e.stderr, "wrote %s\n", f.out)
	}
	return nil
}

// labelCase makes a case's training record: the filing as received, labelled
// with the procedure of its last outcome. It reports false when the case has
// no outcome or the last outcome names no valid procedure.
//
// The filing is the one received even when a later outcome corrected its
// facts: a scorer sees the filing as received, and what the court finally
// applied after a changed claim or a corrected fact is what it must learn to
// expect of such a filing. The real filings are labelled the same way (the
// clerk's filing, the procedure finally applied, 简转普 as ordinary), so a
// court's export and the real development set measure alike. A record whose
// label the rules close for the filing as received (a claim corrected below
// the limit, then small claims) is therefore possible, and kept.
func labelCase(c store.CaseRecord) (*triagev1.LabeledFiling, bool) {
	if len(c.Outcomes) == 0 || c.Filing == nil {
		return nil, false
	}
	label := c.Outcomes[len(c.Outcomes)-1].GetProcedure()
	if _, known := triagev1.Procedure_name[int32(label)]; !known || label == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
		return nil, false
	}
	f := c.Filing
	// A filing without filed_on was decided under the date the rules took
	// for it (the day of the decision); keep that date, or the rules would
	// take the day of training and might apply another small-claims limit.
	if f.GetFiledOn() == "" && c.Decision.GetFiledOn() != "" {
		f.FiledOn = c.Decision.GetFiledOn()
	}
	return &triagev1.LabeledFiling{
		Filing:       f,
		Label:        label,
		Source:       exportSource,
		ModelVersion: c.Decision.GetModelVersion(),
	}, true
}

// sqliteHeader opens every SQLite database file (its file format, §1.3.1).
const sqliteHeader = "SQLite format 3\x00"

// checkSQLiteHeader refuses a -store file that is not a SQLite database:
// an export or another JSONL given for the store was reported as "database
// file is corrupt … restore it from a backup", which sends data staff to
// restore a store that is fine (outside check 18). An empty file is left
// to the store to judge (SQLite takes it as an empty database).
func checkSQLiteHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("store %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0:
		return nil
	case errors.Is(err, io.ErrUnexpectedEOF) || string(head) != sqliteHeader:
		return fmt.Errorf("store %s is not a SQLite database (it does not begin with SQLite's header): -store names the decision store (e.g. data/fenjian.db) or a postgres:// URL", path)
	case err != nil:
		return fmt.Errorf("store %s: %w", path, err)
	}
	return nil
}

// sqliteCompanions are the files SQLite keeps beside a database: its
// write-ahead log (commits not yet in the database file), the index of that
// log, and a rollback journal.
var sqliteCompanions = []string{"", "-wal", "-shm", "-journal"}

// checkOutputSparesStore refuses an export -out that would replace the
// SQLite store it reads, or a file SQLite keeps beside it, before anything
// is read: `export -store data/fenjian.db -out data/fenjian.db` (or a link
// to it) renamed the export over the court's decision store, and a running
// triaged went on writing to the unlinked file, so every later decision
// was lost at its next start (outside check 18). A PostgreSQL target has no
// file to spare.
func checkOutputSparesStore(out, storeTarget string) error {
	if out == "-" || store.IsPostgresURL(storeTarget) {
		return nil
	}
	for _, suffix := range sqliteCompanions {
		if sameFile(out, storeTarget+suffix) {
			return usageError{fmt.Sprintf("-out %s is the store %s%s: the export would replace the decision store; write it elsewhere", out, storeTarget, suffix)}
		}
	}
	return nil
}

// sameFile reports whether a and b name one file: the same inode (through
// any symbolic or hard link) when both exist, else the same path once
// their directories' links are resolved (a -wal file SQLite has not made
// yet is still SQLite's).
func sameFile(a, b string) bool {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	if aerr == nil && berr == nil {
		return os.SameFile(ai, bi)
	}
	ra, rb := resolvePath(a), resolvePath(b)
	return ra != "" && ra == rb
}

// resolvePath is path made absolute with every symbolic link resolved,
// the file's own included when it exists, its directory's otherwise; "" when
// the directory cannot be resolved.
func resolvePath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(r); err == nil {
			return abs
		}
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(filepath.Join(dir, filepath.Base(path)))
	if err != nil {
		return ""
	}
	return abs
}

// output is where a command writes its records: created by createOutput,
// then commit once everything is written, abort (deferred) otherwise.
type output struct {
	io.Writer
	// commit makes the records the file's content: a regular file is
	// renamed over path; a stream (stdout, a device, a pipe) is flushed.
	commit func() error
	// abort removes the temporary file unless commit succeeded.
	abort func()
	// stream is set when records went straight to their reader (stdout,
	// a device, a named pipe): a failure cannot take back what was read.
	stream bool
}

// createOutput opens where a command's records go. A file is written under
// a temporary name in its directory and renamed over path by commit, after
// a sync, so a failed or interrupted run never leaves a truncated file that
// looks complete; a symbolic link is followed, so the file it names is
// replaced and the link stays. "-" is stdout, and an existing path that is
// not a regular file (/dev/stdout, a named pipe, >(gzip) in bash) is
// written in place: renaming a file over it replaced the device or pipe
// itself (an export to /dev/null, run as root, left an 11 MB regular file
// as /dev/null). A directory is refused before anything is read.
func createOutput(e *env, path string) (*output, error) {
	if path == "-" {
		return &output{Writer: e.stdout, commit: func() error { return nil }, abort: func() {}, stream: true}, nil
	}
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		path = resolved
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, fmt.Errorf("create output: %s is a directory", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("create output: %w", err)
		}
		closed := false
		return &output{Writer: f, stream: true,
			commit: func() error {
				closed = true
				if err := f.Close(); err != nil {
					return fmt.Errorf("close %s: %w", path, err)
				}
				return nil
			},
			abort: func() {
				if !closed {
					_ = f.Close()
				}
			}}, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create output: %w", err)
	}
	done := false
	return &output{Writer: tmp,
		commit: func() error {
			if err := tmp.Sync(); err != nil {
				return fmt.Errorf("sync %s: %w", tmp.Name(), err)
			}
			if err := tmp.Close(); err != nil {
				return fmt.Errorf("close %s: %w", tmp.Name(), err)
			}
			if err := os.Rename(tmp.Name(), path); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
			done = true
			return nil
		},
		abort: func() {
			if !done {
				_ = tmp.Close()
				_ = os.Remove(tmp.Name())
			}
		}}, nil
}
