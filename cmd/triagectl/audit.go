package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/fenjian/fenjian/checkpoint"
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
	// DecidedTwiceBeforeKeys counts the second decisions of a filing that
	// were decided before the store kept one decision per filing key
	// (migration 14; 16 for spellings one only as a case number): counted,
	// not failed. One decided since fails the
	// check ("filing decided twice").
	DecidedTwiceBeforeKeys int64 `json:"decided_twice_before_filing_keys"`
	// HeadSeq and HeadHash anchor the whole chain: keep them where the
	// database's users cannot write (a ticket, a log, a signed report) and
	// compare them with a later run's.
	HeadSeq  int64  `json:"head_seq"`
	HeadHash string `json:"head_hash"`
	// Problem is the first record that does not match, when OK is false.
	Problem *auditProblem `json:"problem,omitempty"`
	// Tampered lists every record whose row no longer hashes to what the
	// chain recorded, or is gone, in chain order, then the rows the chain
	// does not name and the decisions under a filing key not their own
	// (the first store.MaxTamperedListed); TamperedRecords counts them all. Problem
	// named only the first, and an auditor learned of the next only after
	// repairing it.
	Tampered        []auditProblem `json:"tampered,omitempty"`
	TamperedRecords int64          `json:"tampered_records,omitempty"`
	// Draws is the replay of every recorded draw (store.RedrawAssignments):
	// an assignment its record does not explain fails the check.
	Draws *drawsReport `json:"draws,omitempty"`
	// Checkpoints is the check of the signed checkpoints (-checkpoints):
	// they catch what the chain alone cannot, a truncated or rewritten
	// chain and rows added with the pre-chain count raised to match.
	Checkpoints *checkpoint.Report `json:"checkpoints,omitempty"`
}

// auditProblem names the first record the chain does not vouch for.
type auditProblem struct {
	Seq     int64  `json:"seq"`
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Problem string `json:"problem"`
	Detail  string `json:"detail,omitempty"`
}

// drawsReport is store.RedrawReport with stable snake_case names.
type drawsReport struct {
	OK          bool  `json:"ok"`
	Assignments int64 `json:"assignments"`
	// Unassigned counts the decisions left unassigned (every eligible team
	// full) whose draw was replayed.
	Unassigned    int64       `json:"unassigned"`
	Explained     int64       `json:"explained"`
	Designated    int64       `json:"designated"`
	NotReplayable int64       `json:"not_replayable"`
	Unexplained   int64       `json:"unexplained"`
	Checks        []drawCheck `json:"checks,omitempty"`
}

// drawCheck is one assignment (or decision left unassigned, kind
// "unassigned", without an assignment id) replayed: its verdict is explained,
// designated, "not replayable" (recorded before draws recorded loads) or
// unexplained, with what did not match.
type drawCheck struct {
	Seq          int64  `json:"seq"`
	DecisionID   string `json:"decision_id"`
	AssignmentID string `json:"assignment_id,omitempty"`
	TeamID       string `json:"team_id,omitempty"`
	Kind         string `json:"kind"`
	Period       string `json:"period"`
	Verdict      string `json:"verdict"`
	Detail       string `json:"detail,omitempty"`
}

func newDrawsReport(r store.RedrawReport) *drawsReport {
	out := &drawsReport{OK: r.OK, Assignments: r.Assignments, Unassigned: r.Unassigned, Explained: r.Explained, Designated: r.Designated,
		NotReplayable: r.NotReplayable, Unexplained: r.Unexplained}
	for _, c := range r.Checks {
		out.Checks = append(out.Checks, drawCheck{Seq: c.Seq, DecisionID: c.DecisionID, AssignmentID: c.AssignmentID,
			TeamID: c.TeamID, Kind: c.Kind, Period: c.Period, Verdict: string(c.Verdict), Detail: c.Detail})
	}
	return out
}

func newAuditReport(target string, at time.Time, r store.VerifyReport) auditReport {
	out := auditReport{
		OK: r.OK, Store: store.Redact(target), CheckedAt: at.UTC(),
		Records: r.Records, Decisions: r.Decisions, Outcomes: r.Outcomes, Assignments: r.Assignments,
		UnchainedDecisions: r.UnchainedDecisions, DecidedTwiceBeforeKeys: r.DecidedTwiceBeforeKeys, HeadSeq: r.HeadSeq, HeadHash: r.HeadHash,
	}
	if !r.OK {
		out.Problem = &auditProblem{Seq: r.Seq, Kind: r.RecordKind, ID: r.RecordID, Problem: string(r.Problem), Detail: r.Detail}
	}
	for _, f := range r.Tampered {
		out.Tampered = append(out.Tampered, auditProblem{Seq: f.Seq, Kind: f.RecordKind, ID: f.RecordID, Problem: string(f.Problem), Detail: f.Detail})
	}
	out.TamperedRecords = r.TamperedRecords
	return out
}

func auditUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: triagectl audit verify [-store TARGET] [-checkpoints DIR -checkpoint-key KEY.pub [-copy]]")
	fmt.Fprintln(w, "       triagectl audit redraw [-store TARGET] [DECISION_ID]")
	fmt.Fprintln(w, "       triagectl audit keygen -name NAME -out PREFIX")
	fmt.Fprintln(w, "\nverify walks the store's audit chain (docs/architecture.md, docs/security.md): it recomputes every decision's, outcome's and")
	fmt.Fprintln(w, "assignment's digest and every chain hash, and checks the head, the team loads and that every decision")
	fmt.Fprintln(w, "is under its own filing key, one per filing (a second decided since migration 14 fails); then it replays")
	fmt.Fprintln(w, "every recorded draw, as redraw does. It prints a JSON report with the head seq and hash (keep them")
	fmt.Fprintln(w, "where the database's users cannot write) and exits 0 when the chain holds and every assignment is")
	fmt.Fprintln(w, "explained, 1 naming the first record that does not match (seq, kind, id, problem), every record")
	fmt.Fprintln(w, "altered or missing (\"tampered\", the first 100, and their count) and every unexplained")
	fmt.Fprintln(w, "assignment (decision, assignment, what did not match).")
	fmt.Fprintln(w, "\nredraw replays the draws of one decision's assignments, or of all: the recorded seed and candidates")
	fmt.Fprintln(w, "must draw the assigned team, and each candidate's recorded load must be the assignments to it that")
	fmt.Fprintln(w, "month before this one; a decision left unassigned (NO_TEAM_CAPACITY) must draw no team. A designated")
	fmt.Fprintln(w, "assignment is explained by its designation (who, why). Draws")
	fmt.Fprintln(w, "recorded before loads were are reported \"not replayable\". It prints a JSON report (for one decision,")
	fmt.Fprintln(w, "every assignment; for all, the unexplained ones) and exits 1 if any assignment is unexplained.")
	fmt.Fprintln(w, "With -checkpoints it also checks every signed checkpoint the server wrote (triaged -checkpoint-dir)")
	fmt.Fprintln(w, "against the chain: a truncated or rewritten chain, or a raised pre-chain count, fails.")
	fmt.Fprintln(w, "With -copy the store is a copy (a backup): checkpoints signed after it was taken are counted as")
	fmt.Fprintln(w, "newer rather than failed as a truncated chain; those up to its head must agree, one at least.")
	fmt.Fprintln(w, "\nkeygen makes the Ed25519 checkpoint key: PREFIX.key (the signer, for triaged -checkpoint-key;")
	fmt.Fprintln(w, "readable by the server only) and PREFIX.pub (the verifier, for auditors).")
}

// runAudit is `triagectl audit`; its one subcommand is verify.
func runAudit(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		auditUsage(e.stderr)
		return usageError{"missing subcommand: verify, redraw or keygen"}
	}
	switch args[0] {
	case "verify":
		return runAuditVerify(ctx, e, args[1:])
	case "redraw":
		return runAuditRedraw(ctx, e, args[1:])
	case "keygen":
		return runAuditKeygen(e, args[1:])
	case "help", "-h", "-help", "--help":
		auditUsage(e.stderr)
		return flag.ErrHelp
	}
	auditUsage(e.stderr)
	return usageError{fmt.Sprintf("unknown subcommand %q (want verify, redraw or keygen)", args[0])}
}

// runAuditVerify is `triagectl audit verify`.
func runAuditVerify(ctx context.Context, e *env, args []string) error {
	var target, cpDir, cpKey string
	fs := newFlagSet(e, "audit verify")
	fs.StringVar(&cpDir, "checkpoints", "", "directory of the signed checkpoints (triaged -checkpoint-dir)")
	fs.StringVar(&cpKey, "checkpoint-key", "", "the checkpoint verifier key (PREFIX.pub of audit keygen)")
	var isCopy bool
	fs.BoolVar(&isCopy, "copy", false, "the store is a copy (a backup): checkpoints signed after it was taken are counted as newer, not failed as a truncated chain; those up to its head must agree")
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
	if (cpDir == "") != (cpKey == "") {
		return usageError{"-checkpoints and -checkpoint-key go together"}
	}
	var verifier string
	if cpKey != "" {
		k, err := checkpoint.ReadKey(cpKey)
		if err != nil {
			return err
		}
		verifier = k
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
	report := newAuditReport(target, at, rep)
	if rep.OK && cpDir != "" {
		verify := checkpoint.Verify
		if isCopy {
			verify = checkpoint.VerifyCopy
		}
		cp, err := verify(ctx, st, cpDir, verifier)
		if err != nil {
			return err
		}
		report.Checkpoints = &cp
		report.OK = cp.OK
	}
	draws, err := st.RedrawAssignments(ctx, "")
	if err != nil {
		return err
	}
	report.Draws = newDrawsReport(draws)
	report.OK = report.OK && draws.OK
	if err := writeJSON(e.stdout, report); err != nil {
		return err
	}
	switch c := report.Checkpoints; {
	case !rep.OK && !draws.OK:
		return fmt.Errorf("%s; %s", rep, draws)
	case !rep.OK:
		return errors.New(rep.String())
	case !draws.OK:
		return errors.New(draws.String())
	case c != nil && !c.OK:
		return fmt.Errorf("audit checkpoints FAILED: %s: %s", c.File, c.Problem)
	}
	fmt.Fprintln(e.stderr, rep.String())
	fmt.Fprintln(e.stderr, draws.String())
	if c := report.Checkpoints; c != nil {
		fmt.Fprintf(e.stderr, "audit checkpoints OK: %d checked, the latest at seq %d\n", c.Checkpoints, c.Latest.Seq)
	}
	return nil
}

// redrawReport is the JSON `triagectl audit redraw` prints.
type redrawReport struct {
	OK        bool      `json:"ok"`
	Store     string    `json:"store"`
	CheckedAt time.Time `json:"checked_at"`
	// DecisionID is the decision asked for; empty for every assignment.
	DecisionID string       `json:"decision_id,omitempty"`
	Draws      *drawsReport `json:"draws"`
}

// runAuditRedraw is `triagectl audit redraw [DECISION_ID]`.
func runAuditRedraw(ctx context.Context, e *env, args []string) error {
	var target string
	fs := newFlagSet(e, "audit redraw")
	fs.Usage = func() {
		auditUsage(fs.Output())
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	storeFlag(fs, &target)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 1 {
		return usageError{fmt.Sprintf("unexpected argument %q: redraw takes at most one decision id", fs.Arg(1))}
	}
	id := fs.Arg(0)
	if target == "" {
		return usageError{"-store is empty"}
	}
	if fs.NArg() == 1 && strings.TrimSpace(id) == "" {
		return usageError{"the decision id is empty"}
	}
	st, err := openStore(ctx, e, target)
	if err != nil {
		return err
	}
	defer st.Close()
	at := time.Now()
	rep, err := st.RedrawAssignments(ctx, id)
	if err != nil {
		return err
	}
	if err := writeJSON(e.stdout, redrawReport{OK: rep.OK, Store: store.Redact(target), CheckedAt: at.UTC(), DecisionID: id, Draws: newDrawsReport(rep)}); err != nil {
		return err
	}
	if !rep.OK {
		return errors.New(rep.String())
	}
	fmt.Fprintln(e.stderr, rep.String())
	return nil
}

// writeJSON writes v indented, with a final newline.
func writeJSON(w io.Writer, v any) error {
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", out)
	return err
}

// writeKeyPair writes PREFIX.key (mode 0600) and PREFIX.pub, both created
// exclusively (O_EXCL), so neither an existing file nor a symbolic link is
// written through: the .key was, but the .pub was written with
// os.WriteFile, which overwrote the verifier of a key moved away from
// PREFIX.key (into a Secret), the copy the auditors' own should match, and
// wrote a new verifier into whatever file a link at PREFIX.pub named
// (outside check 17). If the second file cannot be created, the first is
// removed: a key without its verifier is no use to anyone.
func writeKeyPair(prefix, signer, verifier string) (err error) {
	files := []struct {
		path, what, text string
		mode             os.FileMode
	}{
		{prefix + ".key", "signer key", signer, 0o600},
		{prefix + ".pub", "verifier key", verifier, 0o644},
	}
	var created []string
	defer func() {
		if err != nil {
			for _, p := range created {
				_ = os.Remove(p)
			}
		}
	}()
	for _, f := range files {
		fd, err := os.OpenFile(f.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, f.mode)
		if err != nil {
			return fmt.Errorf("write %s: %w (keygen never replaces a key file)", f.what, err)
		}
		created = append(created, f.path)
		_, werr := fmt.Fprintln(fd, f.text)
		if cerr := fd.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("write %s: %w", f.what, werr)
		}
	}
	return nil
}

// runAuditKeygen is `triagectl audit keygen`.
func runAuditKeygen(e *env, args []string) error {
	var name, out string
	fs := newFlagSet(e, "audit keygen")
	fs.StringVar(&name, "name", "", "the key's name, e.g. the court and host (fenjian.court.example)")
	fs.StringVar(&out, "out", "", "path prefix of PREFIX.key and PREFIX.pub")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if name == "" || out == "" {
		return usageError{"-name and -out are required"}
	}
	if err := checkpoint.ValidateKeyName(name); err != nil {
		return usageError{"-name: " + err.Error()}
	}
	signer, verifier, err := checkpoint.GenerateKey(name)
	if err != nil {
		return err
	}
	if err := writeKeyPair(out, signer, verifier); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s.key (signer: triaged -checkpoint-key, keep it from the database's users) and %s.pub (verifier: for auditors)\n", out, out)
	return nil
}
