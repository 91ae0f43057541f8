package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	"github.com/fenjian/fenjian/checkpoint"
	"github.com/fenjian/fenjian/store"
)

// verifyWith runs `audit verify` with the checkpoints and returns the exit
// code, the report and stderr.
func verifyWith(t *testing.T, target, cpDir, pub string) (int, auditReport, string) {
	t.Helper()
	e, stdout, stderr := testEnv("")
	args := []string{"audit", "verify", "-store", target}
	if cpDir != "" {
		args = append(args, "-checkpoints", cpDir, "-checkpoint-key", pub)
	}
	code := dispatch(context.Background(), e, args)
	var rep auditReport
	if err := json.NewDecoder(stdout).Decode(&rep); err != nil {
		t.Fatalf("exit %d; stdout is not a report: %v\n%s", code, err, stderr)
	}
	return code, rep, stderr.String()
}

// TestAuditCheckpoints: the insider attacks the chain alone cannot see — a
// forged decision with the pre-chain count raised to match, a truncated
// chain, a rewritten chain — are caught by the signed checkpoints, on both
// stores; a forged row without the count raised is named by verify alone.
func TestAuditCheckpoints(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		rig := newCheckpointRig(t, b)
		last := rig.saveDecision(t)
		rig.writeCheckpoint(t)
		if code, rep, stderr := verifyWith(t, b.target, rig.cpDir, rig.pub); code != 0 || !rep.OK || rep.Checkpoints == nil || !rep.Checkpoints.OK {
			t.Fatalf("untouched store with checkpoint: exit %d %+v\n%s", code, rep.Checkpoints, stderr)
		}
		rig.db = b.raw(t)
		for _, q := range b.dropDeletes() {
			rig.exec(t, q)
		}
		rig.checkForgedDecision(t, last)
		rig.checkTruncated(t, last)
		rig.checkRewritten(t)
	})
}

// checkpointRig is TestAuditCheckpoints's fixture store on one backend,
// with a checkpoint signer and directory.
type checkpointRig struct {
	ctx        context.Context
	b          testBackend
	fx         *fixture
	cpDir, pub string // the checkpoint directory and the verifier key's file
	signer     string // the signer key
	db         *sql.DB
}

// newCheckpointRig builds the fixture on b and generates the checkpoint
// key with audit keygen, checking the signer key's mode and that keygen
// does not overwrite it.
func newCheckpointRig(t *testing.T, b testBackend) *checkpointRig {
	t.Helper()
	ctx := context.Background()
	fx := buildFixture(t, b.target)
	dir := t.TempDir()
	cpDir := filepath.Join(dir, "checkpoints")
	if err := os.Mkdir(cpDir, 0o700); err != nil {
		t.Fatal(err)
	}
	e, _, keyErr := testEnv("")
	if code := dispatch(ctx, e, []string{"audit", "keygen", "-name", "test.fenjian", "-out", filepath.Join(dir, "cp")}); code != 0 {
		t.Fatalf("keygen: exit %d\n%s", code, keyErr)
	}
	if fi, err := os.Stat(filepath.Join(dir, "cp.key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("signer key: %v, %v; want mode 0600", fi, err)
	}
	if code := dispatch(ctx, e, []string{"audit", "keygen", "-name", "x", "-out", filepath.Join(dir, "cp")}); code == 0 {
		t.Error("keygen overwrote an existing key")
	}
	// A name the key parser refuses is a usage error before any file is
	// written: "a b" made a key triaged refused at start (outside check 7).
	if code := dispatch(ctx, e, []string{"audit", "keygen", "-name", "鼓楼法院 审计", "-out", filepath.Join(dir, "spaced")}); code != 2 {
		t.Errorf("keygen -name with a space: exit %d, want 2", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "spaced.key")); !os.IsNotExist(err) {
		t.Errorf("keygen -name with a space wrote a key: %v", err)
	}
	signer, err := checkpoint.ReadKey(filepath.Join(dir, "cp.key"))
	if err != nil {
		t.Fatal(err)
	}
	return &checkpointRig{ctx: ctx, b: b, fx: fx, cpDir: cpDir, pub: filepath.Join(dir, "cp.pub"), signer: signer}
}

// saveDecision saves a copy of B's decision without an assignment under a
// new id, so the last record is a plain decision, as the server writes
// one. It returns the new decision's id.
func (r *checkpointRig) saveDecision(t *testing.T) string {
	t.Helper()
	st, err := store.Open(r.ctx, r.b.target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c := r.fx.byKey["B"]
	d, f := proto.CloneOf(c.decision), proto.CloneOf(c.filing)
	d.DecisionId = uuid.Must(uuid.NewV7()).String()
	d.Assignment = nil
	f.Id += "-" + d.DecisionId // the store takes one decision per filing
	d.FilingId = f.Id
	if err := st.SaveDecision(r.ctx, d, f); err != nil {
		t.Fatal(err)
	}
	return d.DecisionId
}

// writeCheckpoint signs a checkpoint of the store's chain into cpDir.
func (r *checkpointRig) writeCheckpoint(t *testing.T) {
	t.Helper()
	st, err := store.Open(r.ctx, r.b.target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, err := checkpoint.NewWriter(r.cpDir, r.signer, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Checkpoint(r.ctx); err != nil {
		t.Fatal(err)
	}
}

// exec runs q (with ? placeholders) on the raw database, failing the test
// on an error.
func (r *checkpointRig) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := r.db.Exec(r.b.q(q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// checkForgedDecision inserts a copy of decision last under a new id,
// without a chain entry: verify alone names it; with the pre-chain count
// raised to match, the checkpoint still catches it. It then undoes both.
func (r *checkpointRig) checkForgedDecision(t *testing.T, last string) {
	t.Helper()
	target := r.b.target
	forged := uuid.Must(uuid.NewV7()).String()
	r.exec(t, `INSERT INTO decisions (decision_id, filing_id, case_kind, recommended, needs_review, model_version, rules_version, decided_at, decision, filing, filing_key)
SELECT ?, filing_id, case_kind, recommended, needs_review, model_version, rules_version, decided_at, decision, filing, filing_key FROM decisions WHERE decision_id = ?`, forged, last)

	// A forged row alone: verify names it.
	code, rep, stderr := verifyWith(t, target, "", "")
	if code != 1 || rep.Problem == nil || rep.Problem.Problem != "record unaudited" || rep.Problem.ID != forged {
		t.Errorf("forged decision: exit %d, problem %+v; want record unaudited naming %s\n%s", code, rep.Problem, forged, stderr)
	}
	// With the pre-chain count raised, the chain alone passes; the
	// checkpoint does not.
	r.exec(t, `UPDATE audit_head SET unchained_decisions = unchained_decisions + 1`)
	if code, _, _ := verifyWith(t, target, "", ""); code != 0 {
		t.Logf("verify without checkpoints already catches the raised count (exit %d)", code)
	}
	code, rep, stderr = verifyWith(t, target, r.cpDir, r.pub)
	if code != 1 || rep.OK || rep.Checkpoints == nil || !strings.Contains(rep.Checkpoints.Problem, "without chain entries") {
		t.Errorf("forged decision, count raised: exit %d, %+v\n%s", code, rep.Checkpoints, stderr)
	}
	r.exec(t, `DELETE FROM decisions WHERE decision_id = ?`, forged)
	r.exec(t, `UPDATE audit_head SET unchained_decisions = unchained_decisions - 1`)
}

// checkTruncated deletes the last record (decision last) and its chain
// entry and sets the head back: the chain is consistent, so verify alone
// passes; the checkpoint is past it.
func (r *checkpointRig) checkTruncated(t *testing.T, last string) {
	t.Helper()
	var seq int64
	var prevHash string
	if err := r.db.QueryRow(`SELECT seq, prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&seq, &prevHash); err != nil {
		t.Fatal(err)
	}
	r.exec(t, `DELETE FROM audit_log WHERE seq = ?`, seq)
	r.exec(t, `DELETE FROM decisions WHERE decision_id = ?`, last)
	r.exec(t, `UPDATE audit_head SET seq = ?, hash = ?`, seq-1, prevHash)
	if code, rep, stderr := verifyWith(t, r.b.target, "", ""); code != 0 || !rep.OK {
		t.Fatalf("truncated chain should pass verify alone (it is consistent): exit %d %+v\n%s", code, rep.Problem, stderr)
	}
	code, rep, stderr := verifyWith(t, r.b.target, r.cpDir, r.pub)
	if code != 1 || rep.Checkpoints == nil || !strings.Contains(rep.Checkpoints.Problem, "truncated") {
		t.Errorf("truncated chain: exit %d, %+v\n%s", code, rep.Checkpoints, stderr)
	}
}

// checkRewritten saves a different record at the truncated seq, chained
// properly: verify alone passes, the checkpoint catches the rewrite, and
// the checkpoint writer refuses to sign over it.
func (r *checkpointRig) checkRewritten(t *testing.T) {
	t.Helper()
	r.saveDecision(t)
	if code, rep, stderr := verifyWith(t, r.b.target, "", ""); code != 0 || !rep.OK {
		t.Fatalf("rewritten chain should pass verify alone: exit %d %+v\n%s", code, rep.Problem, stderr)
	}
	code, rep, stderr := verifyWith(t, r.b.target, r.cpDir, r.pub)
	if code != 1 || rep.Checkpoints == nil || !strings.Contains(rep.Checkpoints.Problem, "rewritten") {
		t.Errorf("rewritten chain: exit %d, %+v\n%s", code, rep.Checkpoints, stderr)
	}
	// The server refuses to sign over it.
	st, err := store.Open(r.ctx, r.b.target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, err := checkpoint.NewWriter(r.cpDir, r.signer, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Checkpoint(r.ctx); err == nil || !strings.Contains(err.Error(), "refusing to sign") {
		t.Errorf("checkpoint over a rewritten chain: %v; want a refusal", err)
	}
}

// TestAuditCheckpointSignature: a checkpoint edited by hand, or none at all,
// fails.
func TestAuditCheckpointSignature(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	buildFixture(t, path)
	dir := t.TempDir()
	signer, verifier, err := checkpoint.GenerateKey("test")
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "cp.pub")
	if err := os.WriteFile(pub, []byte(verifier), 0o644); err != nil {
		t.Fatal(err)
	}
	cpDir := filepath.Join(dir, "cps")
	if err := os.Mkdir(cpDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if code, rep, _ := verifyWith(t, path, cpDir, pub); code != 1 || !strings.Contains(rep.Checkpoints.Problem, "no checkpoint") {
		t.Errorf("no checkpoints: exit %d %+v", code, rep.Checkpoints)
	}
	st, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	head, err := st.AuditHead(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	file, _, err := checkpoint.Write(cpDir, head, signer)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(file)
	_ = os.Chmod(file, 0o644)
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), "unchained 0", "unchained 1", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, rep, _ := verifyWith(t, path, cpDir, pub); code != 1 || !strings.Contains(rep.Checkpoints.Problem, "signature") {
		t.Errorf("edited checkpoint: exit %d %+v", code, rep.Checkpoints)
	}
}
