package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fenjian/fenjian/rules"
)

// The audit chain (docs/architecture.md). Every decision, outcome and assignment
// gets one audit_log row in the transaction that writes it:
//
//	record_sha256 = hex(SHA-256(row)), row = every column of the record's row
//	                in table order, each as an 8-byte big-endian length
//	                followed by its bytes (integers in decimal ASCII), so the
//	                digest covers the stored BLOB(s) and the indexed copies
//	                that exports filter on;
//	hash          = hex(SHA-256(prev_hash "\n" seq "\n" record_kind "\n"
//	                record_id "\n" record_sha256));
//	prev_hash     = the hash of seq-1, genesisHash for seq 1.
//
// Only record_id can hold a newline, and every other field has a fixed form
// (hex, decimal, a kind name), so the hashed text parses one way only.
//
// seq is not a database sequence: each write transaction locks audit_head
// (PostgreSQL: SELECT … FOR UPDATE; SQLite: BEGIN IMMEDIATE already holds the
// file's write lock), reads the last (seq, hash), appends seq+1 … and stores
// the new head before it commits. The lock is held until commit, so seqs are
// gap-free and commit in seq order across all replicas: a reader that sees
// seq n also sees every seq below it, which is what makes an assignment's seq
// a feed cursor nobody can skip past.
//
// The chain starts at the first record written after migration 0003;
// decisions recorded before it are not chained. audit_head.unchained_decisions
// counts them, so VerifyAudit can still tell a decision inserted behind the
// store's back (one without an audit row) from an old one. A replica still
// running a binary older than schema 3 during a rolling upgrade writes such
// unchained decisions, and VerifyAudit reports them: finish the rollout
// before relying on the chain.
//
// Anyone with write access to the database can rewrite the whole chain from
// a tampered row onwards, head included; the chain proves integrity against
// everything short of that. Publishing VerifyReport.HeadHash somewhere the
// database's users cannot write (a log, a ticket, a signed report) anchors it.

// genesisHash is prev_hash of the first audit row.
const genesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// rowDigest computes a record_sha256. The writer computes two per routed
// decision, serially, so digests are kept in a pool (digests) and each
// reuses its hash state, its scratch buffer for the length prefixes,
// strings and decimals, and its sum's buffer rather than allocating them
// per row.
type rowDigest struct {
	h   hash.Hash
	buf [8]byte
	// scratch holds a string or decimal column while it is hashed.
	scratch []byte
	out     [sha256.Size]byte
}

// digests holds rowDigests between rows (digestColumns).
var digests = sync.Pool{New: func() any { return &rowDigest{h: sha256.New()} }}

func (d *rowDigest) bytes(b []byte) {
	binary.BigEndian.PutUint64(d.buf[:], uint64(len(b)))
	d.h.Write(d.buf[:])
	d.h.Write(b)
}

func (d *rowDigest) str(s string) {
	d.scratch = append(d.scratch[:0], s...)
	d.bytes(d.scratch)
}

func (d *rowDigest) int(n int64) {
	d.scratch = strconv.AppendInt(d.scratch[:0], n, 10)
	d.bytes(d.scratch)
}

func (d *rowDigest) sum() string {
	return hexString(d.h.Sum(d.out[:0]))
}

// hexString is hex.EncodeToString with one allocation, the string's.
func hexString(b []byte) string {
	var out [2 * sha256.Size]byte
	if len(b) > sha256.Size {
		return hex.EncodeToString(b)
	}
	n := hex.Encode(out[:], b)
	return string(out[:n])
}

// digestColumns is a row's record_sha256: every column in table order, from
// the same args that bind the insert, so no column can be left out of the
// hash. Strings and blobs are hashed as bytes, integers in decimal.
func digestColumns(cols []any) string {
	d := digests.Get().(*rowDigest)
	defer digests.Put(d)
	d.h.Reset()
	for _, c := range cols {
		switch v := c.(type) {
		case string:
			d.str(v)
		case int64:
			d.int(v)
		case []byte:
			d.bytes(v)
		default:
			panic(fmt.Sprintf("store: digest of a %T column", c))
		}
	}
	return d.sum()
}

// chainHash is audit_log.hash for a row.
func chainHash(prev string, seq int64, kind, id, recordSHA string) string {
	// The hashed text is ~170 bytes: built on the stack, hashed in one
	// call (two per routed decision, in the writer).
	var text [256]byte
	b := append(text[:0], prev...)
	b = append(b, '\n')
	b = strconv.AppendInt(b, seq, 10)
	b = append(b, '\n')
	b = append(b, kind...)
	b = append(b, '\n')
	b = append(b, id...)
	b = append(b, '\n')
	b = append(b, recordSHA...)
	sum := sha256.Sum256(b)
	return hexString(sum[:])
}

// auditRow is one row of audit_log.
type auditRow struct {
	seq          int64
	recordKind   string
	recordID     string
	recordSHA256 string
	prevHash     string
	hash         string
	recordedAt   int64
}

func (r *auditRow) args() []any {
	return []any{r.seq, r.recordKind, r.recordID, r.recordSHA256, r.prevHash, r.hash, r.recordedAt}
}

// AuditProblem names what VerifyAudit found wrong.
type AuditProblem string

const (
	// ProblemRecordAltered: the record's row no longer hashes to the
	// record_sha256 its audit row holds.
	ProblemRecordAltered AuditProblem = "record altered"
	// ProblemRecordMissing: an audit row names a record that is not there.
	ProblemRecordMissing AuditProblem = "record missing"
	// ProblemChainBroken: an audit row's prev_hash is not the previous row's
	// hash, or its hash is not the hash of its own fields.
	ProblemChainBroken AuditProblem = "chain broken"
	// ProblemSeqGap: audit rows are missing (Seq is the first absent one).
	ProblemSeqGap AuditProblem = "seq gap"
	// ProblemHeadMismatch: audit_head does not name the last audit row: rows
	// were removed from the end of the log, or the head was altered.
	ProblemHeadMismatch AuditProblem = "head mismatch"
	// ProblemUnaudited: a table holds records the chain does not name
	// (inserted behind the store's back, or by a pre-chain binary).
	ProblemUnaudited AuditProblem = "record unaudited"
	// ProblemLoadMismatch: team_load disagrees with the assignments counted
	// per team and period (the counter that capacity checks rely on was
	// changed).
	ProblemLoadMismatch AuditProblem = "team load mismatch"
	// ProblemFilingKeyAltered: a decision's filing_key is not the key of
	// its own filing id (filingKey). The key is outside the record's digest
	// (it is derived from filing_id), so the chain alone does not show it
	// changed; but a decision under a key that is not its own is found by
	// no spelling of its case number, and the next Triage of that case
	// stores a second decision and draws a team again.
	ProblemFilingKeyAltered AuditProblem = "filing key altered"
	// ProblemFilingDecidedTwice: two decisions share a filing key, the later
	// one decided after the store began keeping such ids apart (migration
	// 14, or 16 for ids that share a key only as one case number): each write checks the key inside its transaction, so
	// the second decision got through an altered key (put back since, or
	// it would be ProblemFilingKeyAltered), and its team was drawn again.
	ProblemFilingDecidedTwice AuditProblem = "filing decided twice"
)

// VerifyReport is what VerifyAudit found. When OK is false, Seq, RecordKind,
// RecordID, Problem and Detail describe the first problem in chain order.
type VerifyReport struct {
	OK bool
	// Records is how many audit rows were checked (all of them when OK).
	Records int64
	// Per kind counts of the records checked.
	Decisions, Outcomes, Assignments int64
	// UnchainedDecisions were recorded before the chain began (migration
	// 0003) and are not covered by it.
	UnchainedDecisions int64
	// DecidedTwiceBeforeKeys counts the decisions that share their filing
	// key with an earlier decision and were decided before migration 14
	// made the store keep one decision per filing key (or, for spellings of
	// a case number that share a key only since case numbers are read,
	// before migration 16): the store let such
	// second decisions through then (by another spelling of the case
	// number, or, before migration 13, by the same one), so they are
	// counted, not failed. One decided later fails the check
	// (ProblemFilingDecidedTwice).
	DecidedTwiceBeforeKeys int64
	// HeadSeq and HeadHash are the chain's head when the check began;
	// HeadHash anchors the whole chain, so keep it somewhere the database's
	// users cannot write.
	HeadSeq  int64
	HeadHash string

	// The first problem, when OK is false.
	Seq        int64
	RecordKind string
	RecordID   string
	Problem    AuditProblem
	Detail     string

	// Tampered lists the records whose rows no longer hash to what the
	// chain recorded (ProblemRecordAltered) or are gone
	// (ProblemRecordMissing), in chain order, then the rows the chain does
	// not name (ProblemUnaudited, when no decision predates the chain) and
	// the decisions under a filing key not their own
	// (ProblemFilingKeyAltered), at most MaxTamperedListed in all;
	// TamperedRecords counts them all. The chain itself still holds past such a row, so the
	// walk goes on and one run names every one: it stopped at the first,
	// and an auditor learned of the second only after repairing the first
	// and running again (outside check). A broken chain or a gap still ends
	// the walk: the rows after it have nothing to be checked against.
	Tampered        []AuditFinding
	TamperedRecords int64
}

// AuditFinding is one record the chain does not vouch for.
type AuditFinding struct {
	Seq        int64
	RecordKind string
	RecordID   string
	Problem    AuditProblem
	Detail     string
}

// MaxTamperedListed bounds VerifyReport.Tampered: a database rewritten
// wholesale would otherwise make a report of every row. The count is
// exact either way.
const MaxTamperedListed = 100

// String is a one-line summary for logs and the CLI.
func (r VerifyReport) String() string {
	if r.OK {
		msg := fmt.Sprintf("audit chain OK: %d records (%d decisions, %d outcomes, %d assignments) up to seq %d, head %s; %d decisions predate the chain",
			r.Records, r.Decisions, r.Outcomes, r.Assignments, r.HeadSeq, r.HeadHash, r.UnchainedDecisions)
		if r.DecidedTwiceBeforeKeys > 0 {
			msg += fmt.Sprintf("; %d decisions are a filing's second, decided before the store kept their spellings one filing (migration 14 or 16)", r.DecidedTwiceBeforeKeys)
		}
		return msg
	}
	var b strings.Builder
	fmt.Fprintf(&b, "audit chain FAILED at seq %d: %s", r.Seq, r.Problem)
	if r.RecordKind != "" || r.RecordID != "" {
		fmt.Fprintf(&b, " (%s %q)", r.RecordKind, r.RecordID)
	}
	if r.Detail != "" {
		fmt.Fprintf(&b, ": %s", r.Detail)
	}
	if r.TamperedRecords > 1 {
		seqs := make([]string, len(r.Tampered))
		for i, f := range r.Tampered {
			seqs[i] = strconv.FormatInt(f.Seq, 10)
		}
		more := ""
		if n := r.TamperedRecords - int64(len(r.Tampered)); n > 0 {
			more = fmt.Sprintf(" and %d more", n)
		}
		fmt.Fprintf(&b, "; %d records do not match the chain, at seq %s%s", r.TamperedRecords, strings.Join(seqs, ", "), more)
	}
	return b.String()
}

// fail records a problem: the first one found stays the report's.
func (r *VerifyReport) fail(seq int64, kind, id string, p AuditProblem, detail string) {
	if !r.OK && r.Problem != "" {
		return
	}
	r.OK = false
	r.Seq, r.RecordKind, r.RecordID, r.Problem, r.Detail = seq, kind, id, p, detail
}

// tampered records a record that does not match its chain row, and goes
// on: see VerifyReport.Tampered.
func (r *VerifyReport) tampered(seq int64, kind, id string, p AuditProblem, detail string) {
	r.fail(seq, kind, id, p, detail)
	r.TamperedRecords++
	if len(r.Tampered) < MaxTamperedListed {
		r.Tampered = append(r.Tampered, AuditFinding{Seq: seq, RecordKind: kind, RecordID: id, Problem: p, Detail: detail})
	}
}

// verifyPage is how many audit rows VerifyAudit reads, and how many records
// it looks up per query, at a time: enough to amortise round trips, few
// enough that a page of decisions with long filings stays a few MB.
const verifyPage = 200

// VerifyAudit checks the audit chain; see Store.VerifyAudit.
//
// It walks audit_log in seq order inside one read-only snapshot,
// so writes running meanwhile neither fail it nor get half-checked. It
// returns an error only when it could not read; what it found is the report.
func (s *sqlStore) VerifyAudit(ctx context.Context) (VerifyReport, error) {
	var rep VerifyReport
	err := s.retryRead(ctx, func() error {
		var err error
		rep, err = s.verifyOnce(ctx)
		return err
	})
	if err != nil {
		return VerifyReport{}, fmt.Errorf("verify audit chain: %w", err)
	}
	return rep, nil
}

func (s *sqlStore) verifyOnce(ctx context.Context) (VerifyReport, error) {
	rep := VerifyReport{OK: true}
	tx, err := s.read.BeginTx(ctx, s.dialect.snapshotTx)
	if err != nil {
		return rep, err
	}
	defer func() { _ = tx.Rollback() }() // read-only: nothing to keep

	if err := tx.QueryRowContext(ctx, `SELECT seq, hash, unchained_decisions FROM audit_head WHERE id = 1`).
		Scan(&rep.HeadSeq, &rep.HeadHash, &rep.UnchainedDecisions); err != nil {
		return rep, err
	}
	// Audit rows past the head would mean the head was set back.
	var maxSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM audit_log`).Scan(&maxSeq); err != nil {
		return rep, err
	}
	v := verifier{s: s, tx: tx, rep: &rep, prevHash: genesisHash}
	for {
		page, err := v.auditPage(ctx)
		if err != nil {
			return rep, err
		}
		if len(page) == 0 {
			break
		}
		ok, err := v.checkPage(ctx, page)
		if err != nil || !ok {
			return rep, err
		}
	}
	// The snapshot holds the head and the log as of one moment, so they
	// must agree: a shorter log lost its tail, a longer one has a head set
	// back.
	if v.last != rep.HeadSeq || v.prevHash != rep.HeadHash || maxSeq != v.last {
		rep.fail(rep.HeadSeq, "", "", ProblemHeadMismatch,
			fmt.Sprintf("audit_head is seq %d hash %s; the log ends at seq %d, hash %s", rep.HeadSeq, rep.HeadHash, maxSeq, v.prevHash))
		return rep, nil
	}
	// The walk went through (records altered or missing leave the chain
	// whole): the rows it does not name and the filing keys are checked
	// too, each one found listed with the altered ones. They were checked
	// only after a clean walk, so a forged row or an altered key beside
	// one rewritten record went unreported until that record was
	// repaired (outside check 27).
	if err := v.checkCounts(ctx); err != nil {
		return rep, err
	}
	return rep, v.checkFilingKeys(ctx)
}

// verifier is one walk of the chain.
type verifier struct {
	s        *sqlStore
	tx       *sql.Tx
	rep      *VerifyReport
	last     int64  // seq of the last row checked
	prevHash string // hash of the last row checked
}

func (v *verifier) auditPage(ctx context.Context) ([]auditRow, error) {
	q := v.s.dialect.q(`SELECT seq, record_kind, record_id, record_sha256, prev_hash, hash, recorded_at
FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`)
	rows, err := v.tx.QueryContext(ctx, q, v.last, verifyPage)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []auditRow
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.seq, &r.recordKind, &r.recordID, &r.recordSHA256, &r.prevHash, &r.hash, &r.recordedAt); err != nil {
			return nil, err
		}
		page = append(page, r)
	}
	return page, rows.Err()
}

// checkPage checks a page of audit rows in seq order and reports whether
// all of them passed.
func (v *verifier) checkPage(ctx context.Context, page []auditRow) (bool, error) {
	ids := map[string][]string{}
	for _, r := range page {
		ids[r.recordKind] = append(ids[r.recordKind], recordKey(r))
	}
	digests := map[string]map[string]string{}
	for kind, list := range ids {
		d, err := v.digests(ctx, kind, list)
		if err != nil {
			return false, err
		}
		digests[kind] = d
	}
	for _, r := range page {
		if want := v.last + 1; r.seq != want {
			detail := fmt.Sprintf("audit row %d is missing", want)
			if r.seq-1 > want {
				detail = fmt.Sprintf("audit rows %d to %d are missing", want, r.seq-1)
			}
			v.rep.fail(want, "", "", ProblemSeqGap, detail)
			return false, nil
		}
		if r.prevHash != v.prevHash {
			v.rep.fail(r.seq, r.recordKind, r.recordID, ProblemChainBroken,
				fmt.Sprintf("prev_hash %s, but the previous row's hash is %s", r.prevHash, v.prevHash))
			return false, nil
		}
		if h := chainHash(r.prevHash, r.seq, r.recordKind, r.recordID, r.recordSHA256); h != r.hash {
			v.rep.fail(r.seq, r.recordKind, r.recordID, ProblemChainBroken,
				fmt.Sprintf("hash %s, but the row's fields hash to %s", r.hash, h))
			return false, nil
		}
		// A record that does not match is listed and the walk goes on: the
		// chain row is intact, so the next one is checked against it.
		got, found := digests[r.recordKind][recordKey(r)]
		switch {
		case !found:
			v.rep.tampered(r.seq, r.recordKind, r.recordID, ProblemRecordMissing, "no such row in "+tableOf(r.recordKind))
		case got != r.recordSHA256:
			v.rep.tampered(r.seq, r.recordKind, r.recordID, ProblemRecordAltered,
				fmt.Sprintf("the row hashes to %s, the chain recorded %s", got, r.recordSHA256))
		}
		switch r.recordKind {
		case kindDecision:
			v.rep.Decisions++
		case kindOutcome:
			v.rep.Outcomes++
		case kindAssignment:
			v.rep.Assignments++
		}
		v.rep.Records++
		v.last, v.prevHash = r.seq, r.hash
	}
	return true, nil
}

// tableOf is the table holding records of a kind ("" for an unknown kind,
// which the schema's CHECK refuses).
func tableOf(kind string) string {
	switch kind {
	case kindDecision:
		return "decisions"
	case kindOutcome:
		return "outcomes"
	case kindAssignment:
		return "assignments"
	}
	return ""
}

// recordKey is how the check finds an audit row's record: decisions and
// outcomes by their id; assignments by seq, the assignment's position in the
// chain and its INTEGER PRIMARY KEY on SQLite, which keeps no index on
// assignment_id (migration 0010). The row found must still hash to the
// audit row's record_sha256, which covers assignment_id: a row whose id was
// changed is reported altered, one whose seq was changed missing.
func recordKey(r auditRow) string {
	if r.recordKind == kindAssignment {
		return strconv.FormatInt(r.seq, 10)
	}
	return r.recordID
}

// digests returns the record_sha256 of each listed record that exists, by
// its recordKey.
func (v *verifier) digests(ctx context.Context, kind string, keys []string) (map[string]string, error) {
	var cols, key string
	args := anys(keys)
	switch kind {
	case kindDecision:
		cols, key = decisionColumns, "decision_id"
	case kindOutcome:
		cols, key = outcomeColumns, "outcome_id"
	case kindAssignment:
		cols, key = assignmentColumns, "seq"
		for i, k := range keys {
			n, err := strconv.ParseInt(k, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("assignment key %q: %w", k, err)
			}
			args[i] = n
		}
	default:
		return map[string]string{}, nil // reported as missing
	}
	q := fmt.Sprintf(`SELECT %s FROM %s WHERE %s IN (%s)`, cols, tableOf(kind), key, v.s.dialect.list(1, len(keys)))
	rows, err := v.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]string, len(keys))
	for rows.Next() {
		switch kind {
		case kindDecision:
			var r decisionRow
			if err := rows.Scan(&r.decisionID, &r.filingID, &r.caseKind, &r.recommended, &r.needsReview,
				&r.modelVersion, &r.rulesVersion, &r.decidedAt, &r.decision, &r.filing); err != nil {
				return nil, err
			}
			out[r.decisionID] = r.digest()
		case kindOutcome:
			var r outcomeRow
			if err := rows.Scan(&r.outcomeID, &r.decisionID, &r.procedure, &r.change, &r.decidedBy,
				&r.recordedAt, &r.seq, &r.outcome); err != nil {
				return nil, err
			}
			out[r.outcomeID] = r.digest()
		case kindAssignment:
			var r assignmentRow
			if err := rows.Scan(&r.assignmentID, &r.decisionID, &r.teamID, &r.kind, &r.period,
				&r.assignedAt, &r.seq, &r.assignment, &r.previousTeamID); err != nil {
				return nil, err
			}
			out[strconv.FormatInt(r.seq, 10)] = r.digest()
		}
	}
	return out, rows.Err()
}

// checkCounts runs after a walk of the whole chain (records altered or
// missing included): every record in the tables must be one the chain named
// (or a decision older than the chain), and team_load must count the
// assignments.
func (v *verifier) checkCounts(ctx context.Context) error {
	for _, c := range []struct {
		kind    string
		chained int64
		extra   int64
	}{
		{kindDecision, v.rep.Decisions, v.rep.UnchainedDecisions},
		{kindOutcome, v.rep.Outcomes, 0},
		{kindAssignment, v.rep.Assignments, 0},
	} {
		var n int64
		if err := v.tx.QueryRowContext(ctx, `SELECT count(*) FROM `+tableOf(c.kind)).Scan(&n); err != nil {
			return err
		}
		if want := c.chained + c.extra; n != want {
			detail := fmt.Sprintf("%s holds %d rows, the chain names %d (and %d predate it)", tableOf(c.kind), n, c.chained, c.extra)
			if c.extra == 0 && n > want {
				// With no rows older than the chain, every row it does
				// not name is forged: each is listed.
				ids, err := v.unchainedRows(ctx, c.kind, MaxTamperedListed)
				if err != nil {
					return err
				}
				for _, id := range ids {
					v.rep.tampered(v.rep.HeadSeq, c.kind, id, ProblemUnaudited, detail)
				}
				v.rep.TamperedRecords += n - want - int64(len(ids))
				continue
			}
			// Name a row the chain does not (one older than the chain may
			// look the same), unless a problem was found before: fewer
			// rows than the chain names are the records missing.
			ids, err := v.unchainedRows(ctx, c.kind, 1)
			if err != nil {
				return err
			}
			v.rep.fail(v.rep.HeadSeq, c.kind, strings.Join(ids, ""), ProblemUnaudited, detail)
		}
	}

	// Both sides are small: one row per team and month.
	counted := map[[2]string]int64{}
	// UNROUTED assignments (team_id '') count into no team's load.
	rows, err := v.tx.QueryContext(ctx, `SELECT team_id, period, count(*) FROM assignments WHERE team_id <> '' GROUP BY team_id, period`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k [2]string
		var n int64
		if err := rows.Scan(&k[0], &k[1], &n); err != nil {
			return err
		}
		counted[k] = n
	}
	if err := rows.Err(); err != nil {
		return err
	}
	loads, err := v.tx.QueryContext(ctx, `SELECT team_id, period, assigned FROM team_load`)
	if err != nil {
		return err
	}
	defer loads.Close()
	for loads.Next() {
		var k [2]string
		var n int64
		if err := loads.Scan(&k[0], &k[1], &n); err != nil {
			return err
		}
		if counted[k] != n {
			v.rep.fail(v.rep.HeadSeq, "team_load", k[0]+" "+k[1], ProblemLoadMismatch,
				fmt.Sprintf("team_load says %d assigned, assignments holds %d", n, counted[k]))
			return nil
		}
		delete(counted, k)
	}
	if err := loads.Err(); err != nil {
		return err
	}
	for k, n := range counted {
		v.rep.fail(v.rep.HeadSeq, "team_load", k[0]+" "+k[1], ProblemLoadMismatch,
			fmt.Sprintf("no team_load row, assignments holds %d", n))
		return nil
	}
	return nil
}

// checkFilingKeys runs after the chain and the counts check out: every
// decision must be under its own filing key, and a filing decided more than
// once must have been decided so before the store kept one decision per
// filing key. The key is derived from the filing id and kept outside the
// record's digest (migration 15 gave old rows theirs without touching the
// chain), so the chain cannot show an altered one: an insider who changes a
// decided case's key makes the next Triage of that case store a second
// decision and draw its team again, every write of which verifies. Stores
// whose schema predates the re-keying (rekeyVersion) are not checked: their
// old rows may have no key yet.
func (v *verifier) checkFilingKeys(ctx context.Context) error {
	var version int
	if err := v.tx.QueryRowContext(ctx, v.s.dialect.schemaVersion).Scan(&version); err != nil {
		return err
	}
	if version < rekeyVersion {
		return nil
	}
	d := v.s.dialect
	after := ""
	for {
		// A page at a time in decision_id order, the columns the key needs
		// only, as rekeyFilings reads them.
		rows, err := v.tx.QueryContext(ctx, d.q(`SELECT decision_id, filing_id, filing_key FROM decisions WHERE decision_id > ? ORDER BY decision_id LIMIT ?`), after, rekeyBatch)
		if err != nil {
			return err
		}
		n := 0
		var bad []struct{ id, filing, key string }
		for rows.Next() {
			var id, filing string
			var key sql.NullString
			if err := rows.Scan(&id, &filing, &key); err != nil {
				_ = rows.Close() // the scan error says more
				return err
			}
			n++
			after = id
			if k := filingKey(filing); !key.Valid || key.String != k {
				bad = append(bad, struct{ id, filing, key string }{id, filing, key.String})
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if err := rows.Close(); err != nil {
			return err
		}
		// Every decision under a key not its own is listed (it named the
		// first only).
		for _, b := range bad {
			seq, err := v.decisionSeq(ctx, b.id)
			if err != nil {
				return err
			}
			v.rep.tampered(seq, kindDecision, b.id, ProblemFilingKeyAltered,
				fmt.Sprintf("filing_key %q is not the key %q of its filing id %q: no spelling of the case number finds this decision, so the case can be decided and drawn again",
					b.key, filingKey(b.filing), b.filing))
		}
		if n < rekeyBatch {
			break
		}
	}
	return v.checkDecidedTwice(ctx)
}

// checkDecidedTwice fails the check on the first decision, in filing key
// order, that shares its key with an earlier decision and was decided after
// the store began to keep the two apart: migration filingKeyVersion for ids
// that share the key it gave (rules.FoldFilingID), migration
// caseNumberKeyVersion for ids that share a key only since it read case
// numbers (a spaced and an unspaced case number, stored as two filings
// before it: rules.FilingKey16), migration foldedKeyVersion for ids that
// share one only since it folded traditional characters, other scripts'
// digits and spaces inside a part (蘇 and 苏). Earlier ones are counted in
// DecidedTwiceBeforeKeys.
func (v *verifier) checkDecidedTwice(ctx context.Context) error {
	keyedSince, keyedApplied, err := v.appliedAt(ctx, filingKeyVersion)
	if err != nil {
		return err
	}
	casesSince, casesApplied, err := v.appliedAt(ctx, caseNumberKeyVersion)
	if err != nil {
		return err
	}
	foldedSince, foldedApplied, err := v.appliedAt(ctx, foldedKeyVersion)
	if err != nil {
		return err
	}
	shared, err := sharedKeys(ctx, v.tx)
	if err != nil {
		return err
	}
	for _, k := range shared {
		first, firstFiling := k.decisionIDs[0], k.filingIDs[0]
		for i := 1; i < len(k.decisionIDs); i++ {
			id, filing := k.decisionIDs[i], k.filingIDs[i]
			since, version, applied := keyedSince, filingKeyVersion, keyedApplied
			switch {
			case rules.FilingKey16(filing) != rules.FilingKey16(firstFiling):
				since, version, applied = foldedSince, foldedKeyVersion, foldedApplied
			case rules.FoldFilingID(filing) != rules.FoldFilingID(firstFiling):
				since, version, applied = casesSince, caseNumberKeyVersion, casesApplied
			}
			if k.decidedAt[i] < since {
				v.rep.DecidedTwiceBeforeKeys++
				continue
			}
			seq, err := v.decisionSeq(ctx, id)
			if err != nil {
				return err
			}
			v.rep.fail(seq, kindDecision, id, ProblemFilingDecidedTwice,
				fmt.Sprintf("filing id %q is the case of decision %s (filing id %q), decided before it; the store keeps one decision per filing under this key since migration %d (%s), so this one got through an altered filing key and its team was drawn again",
					filing, first, firstFiling, version, applied))
			return nil
		}
	}
	return nil
}

// appliedAt is when migration version was applied, as Unix nanoseconds
// and as recorded. A migration not applied, or a time that does not parse,
// exempts nothing: math.MinInt64.
func (v *verifier) appliedAt(ctx context.Context, version int) (int64, string, error) {
	var applied string
	err := v.tx.QueryRowContext(ctx, v.s.dialect.q(`SELECT applied_at FROM schema_migrations WHERE version = ?`), version).Scan(&applied)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return math.MinInt64, "not applied", nil
	case err != nil:
		return 0, "", err
	}
	if t, err := time.Parse(time.RFC3339Nano, applied); err == nil {
		return t.UnixNano(), applied, nil
	}
	return math.MinInt64, applied, nil
}

// decisionSeq is the audit seq of a decision, or the head's for a decision
// older than the chain.
func (v *verifier) decisionSeq(ctx context.Context, id string) (int64, error) {
	var seq int64
	err := v.tx.QueryRowContext(ctx, v.s.dialect.q(`SELECT seq FROM audit_log WHERE record_kind = ? AND record_id = ?`), kindDecision, id).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return v.rep.HeadSeq, nil
	}
	return seq, err
}

// unchainedRows returns the ids of up to limit rows of kind's table that
// no audit row names, in id order.
func (v *verifier) unchainedRows(ctx context.Context, kind string, limit int) ([]string, error) {
	key := map[string]string{kindDecision: "decision_id", kindOutcome: "outcome_id", kindAssignment: "assignment_id"}[kind]
	q := v.s.dialect.q(fmt.Sprintf(`SELECT t.%[1]s FROM %[2]s t WHERE NOT EXISTS
(SELECT 1 FROM audit_log a WHERE a.record_kind = ? AND a.record_id = t.%[1]s) ORDER BY t.%[1]s LIMIT ?`, key, tableOf(kind)))
	rows, err := v.tx.QueryContext(ctx, q, kind, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// anys converts a []string into bind arguments.
func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// errDecode marks a stored row that does not decode: not ErrUnavailable,
// since it will not decode on retry either.
type errDecode struct{ err error }

func (e *errDecode) Error() string { return "decode: " + e.err.Error() }
func (e *errDecode) Unwrap() error { return e.err }

// isDecode reports whether err is a decode failure.
func isDecode(err error) bool {
	_, ok := errors.AsType[*errDecode](err)
	return ok
}
