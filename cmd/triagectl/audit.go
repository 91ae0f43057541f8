package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/fenjian/fenjian/store"
)

// auditReport is the JSON `triagectl audit verify` prints: store.VerifyReport
// with stable snake_case names, the store (without password) and the time of
// the check, so a saved report says which head the chain had when.
type auditReport struct {
	OK        bool      `json:"ok"`
	Store     string    `json:"store"`
	CheckedAt time.Time `json:"checked_at"`
	// Records is how many audit rows were checked: all of them when OK,
	// those before the first problem otherwise.
	Records            int64 `json:"records"`
	Decisions          int64 `json:"decisions"`
	Outcomes           int64 `json:"outcomes"`
	Assignments        int64 `json:"assignments"`
	UnchainedDecisions int64 `json:"unchained_decisions"`
	// HeadSeq and HeadHash anchor the whole chain: keep them where the
	// database's users cannot write (a ticket, a log, a signed report) and
	// compare them with a later run's.
	HeadSeq  int64  `json:"head_seq"`
	HeadHash string `json:"head_hash"`
	// Problem is the first record that does not match, when OK is false.
	Problem *auditProblem `json:"problem,omitempty"`
}

// auditProblem names the first record the chain does not vouch for.
type auditProblem struct {
	Seq     int64  `json:"seq"`
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Problem string `json:"problem"`
	Detail  string `json:"detail,omitempty"`
}

func newAuditReport(target string, at time.Time, r store.VerifyReport) auditReport {
	out := auditReport{
		OK: r.OK, Store: store.Redact(target), CheckedAt: at.UTC(),
		Records: r.Records, Decisions: r.Decisions, Outcomes: r.Outcomes, Assignments: r.Assignments,
		UnchainedDecisions: r.UnchainedDecisions, HeadSeq: r.HeadSeq, HeadHash: r.HeadHash,
	}
	if !r.OK {
		out.Problem = &auditProblem{Seq: r.Seq, Kind: r.RecordKind, ID: r.RecordID, Problem: string(r.Problem), Detail: r.Detail}
	}
	return out
}

func auditUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: triagectl audit verify [-store TARGET]")
	fmt.Fprintln(w, "\nverify walks the store's audit chain (docs/architecture.md): it recomputes every decision's, outcome's and")
	fmt.Fprintln(w, "assignment's digest and every chain hash, and checks the head and the team loads. It prints a JSON")
	fmt.Fprintln(w, "report with the head seq and hash (keep them where the database's users cannot write) and exits 0")
	fmt.Fprintln(w, "when the chain holds, 1 naming the first record that does not match (seq, kind, id, problem).")
}

// runAudit is `triagectl audit`; its one subcommand is verify.
func runAudit(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		auditUsage(e.stderr)
		return usageError{"missing subcommand: verify"}
	}
	switch args[0] {
	case "verify":
		return runAuditVerify(ctx, e, args[1:])
	case "help", "-h", "-help", "--help":
		auditUsage(e.stderr)
		return flag.ErrHelp
	}
	auditUsage(e.stderr)
	return usageError{fmt.Sprintf("unknown subcommand %q (want verify)", args[0])}
}

// runAuditVerify is `triagectl audit verify`.
func runAuditVerify(ctx context.Context, e *env, args []string) error {
	var target string
	fs := newFlagSet(e, "audit verify")
	fs.Usage = func() {
		auditUsage(fs.Output())
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	storeFlag(fs, &target)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if target == "" {
		return usageError{"-store is empty"}
	}
	st, err := openStore(ctx, e, target)
	if err != nil {
		return err
	}
	defer st.Close()

	at := time.Now()
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	out, err := json.MarshalIndent(newAuditReport(target, at, rep), "", "  ")
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(e.stdout, "%s\n", out); err != nil {
		return err
	}
	if !rep.OK {
		return errors.New(rep.String())
	}
	fmt.Fprintln(e.stderr, rep.String())
	return nil
}
