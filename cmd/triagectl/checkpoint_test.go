package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
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
		signer, err := checkpoint.ReadKey(filepath.Join(dir, "cp.key"))
		if err != nil {
			t.Fatal(err)
		}
		pub := filepath.Join(dir, "cp.pub")

		// The last record is a plain decision, as the server writes one.
		saveDecision := func() string {
			st, err := store.Open(ctx, b.target, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			c := fx.byKey["B"]
			d := proto.Clone(c.decision).(*triagev1.Decision)
			d.DecisionId = uuid.Must(uuid.NewV7()).String()
			d.Assignment = nil
			if err := st.SaveDecision(ctx, d, c.filing); err != nil {
				t.Fatal(err)
			}
			return d.DecisionId
		}
		writeCheckpoint := func() {
			st, err := store.Open(ctx, b.target, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			w, err := checkpoint.NewWriter(cpDir, signer, st, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
		}
		last := saveDecision()
		writeCheckpoint()
		if code, rep, stderr := verifyWith(t, b.target, cpDir, pub); code != 0 || !rep.OK || rep.Checkpoints == nil || !rep.Checkpoints.OK {
			t.Fatalf("untouched store with checkpoint: exit %d %+v\n%s", code, rep.Checkpoints, stderr)
		}

		db := b.raw(t)
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := db.Exec(b.q(q), args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		for _, q := range b.dropDeletes() {
			exec(q)
		}
		forged := uuid.Must(uuid.NewV7()).String()
		exec(`INSERT INTO decisions (decision_id, filing_id, case_kind, recommended, needs_review, model_version, rules_version, decided_at, decision, filing)
SELECT ?, filing_id, case_kind, recommended, needs_review, model_version, rules_version, decided_at, decision, filing FROM decisions WHERE decision_id = ?`, forged, last)

		// A forged row alone: verify names it.
		code, rep, stderr := verifyWith(t, b.target, "", "")
		if code != 1 || rep.Problem == nil || rep.Problem.Problem != "record unaudited" || rep.Problem.ID != forged {
			t.Errorf("forged decision: exit %d, problem %+v; want record unaudited naming %s\n%s", code, rep.Problem, forged, stderr)
		}
		// With the pre-chain count raised, the chain alone passes; the
		// checkpoint does not.
		exec(`UPDATE audit_head SET unchained_decisions = unchained_decisions + 1`)
		if code, _, _ := verifyWith(t, b.target, "", ""); code != 0 {
			t.Logf("verify without checkpoints already catches the raised count (exit %d)", code)
		}
		code, rep, stderr = verifyWith(t, b.target, cpDir, pub)
		if code != 1 || rep.OK || rep.Checkpoints == nil || !strings.Contains(rep.Checkpoints.Problem, "without chain entries") {
			t.Errorf("forged decision, count raised: exit %d, %+v\n%s", code, rep.Checkpoints, stderr)
		}
		exec(`DELETE FROM decisions WHERE decision_id = ?`, forged)
		exec(`UPDATE audit_head SET unchained_decisions = unchained_decisions - 1`)

		// Truncation: the last record and its chain entry gone, the head
		// set back. The chain is consistent; the checkpoint is past it.
		var seq int64
		var prevHash string
		if err := db.QueryRow(`SELECT seq, prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&seq, &prevHash); err != nil {
			t.Fatal(err)
		}
		exec(`DELETE FROM audit_log WHERE seq = ?`, seq)
		exec(`DELETE FROM decisions WHERE decision_id = ?`, last)
		exec(`UPDATE audit_head SET seq = ?, hash = ?`, seq-1, prevHash)
		if code, rep, stderr := verifyWith(t, b.target, "", ""); code != 0 || !rep.OK {
			t.Fatalf("truncated chain should pass verify alone (it is consistent): exit %d %+v\n%s", code, rep.Problem, stderr)
		}
		code, rep, stderr = verifyWith(t, b.target, cpDir, pub)
		if code != 1 || rep.Checkpoints == nil || !strings.Contains(rep.Checkpoints.Problem, "truncated") {
			t.Errorf("truncated chain: exit %d, %+v\n%s", code, rep.Checkpoints, stderr)
		}

		// Rewritten: a different record at the same seq, chained properly.
		saveDecision()
		if code, rep, stderr := verifyWith(t, b.target, "", ""); code != 0 || !rep.OK {
			t.Fatalf("rewritten chain should pass verify alone: exit %d %+v\n%s", code, rep.Problem, stderr)
		}
		code, rep, stderr = verifyWith(t, b.target, cpDir, pub)
		if code != 1 || rep.Checkpoints == nil || !strings.Contains(rep.Checkpoints.Problem, "rewritten") {
			t.Errorf("rewritten chain: exit %d, %+v\n%s", code, rep.Checkpoints, stderr)
		}
		// The server refuses to sign over it.
		st, err := store.Open(ctx, b.target, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		w, err := checkpoint.NewWriter(cpDir, signer, st, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Checkpoint(ctx); err == nil || !strings.Contains(err.Error(), "refusing to sign") {
			t.Errorf("checkpoint over a rewritten chain: %v; want a refusal", err)
		}
	})
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
