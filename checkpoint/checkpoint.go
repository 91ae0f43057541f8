// Package checkpoint signs the audit chain's head and keeps it outside the
// database, so that an insider who can write the database cannot truncate or
// rewrite the chain, or raise the count of pre-chain decisions to hide a
// forged one, without verification noticing.
//
// A checkpoint is a signed note (golang.org/x/mod/sumdb/note, Ed25519: the
// format of the Go checksum database's checkpoints):
//
//	fenjian audit chain v1
//	<head seq>
//	<head hash, hex>
//	unchained <pre-chain decisions>
//
//	— <key name> <signature>
//
// The server writes one file per new head, periodically and at shutdown, to
// a directory the database's users cannot write. Verify checks every
// checkpoint in the directory against the chain.
package checkpoint

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"

	"github.com/fenjian/fenjian/internal/boundedfile"
	"github.com/fenjian/fenjian/store"
)

// header is the first line of every checkpoint body.
const header = "fenjian audit chain v1"

// fileSuffix ends every checkpoint file name; the name is the head seq,
// zero-padded so names sort by seq.
const fileSuffix = ".checkpoint"

// GenerateKey returns a new Ed25519 signer key and its verifier key, in
// note's text forms, for a key named name (e.g. the court's host name).
func GenerateKey(name string) (signer, verifier string, err error) {
	if err := ValidateKeyName(name); err != nil {
		return "", "", err
	}
	signer, verifier, err = note.GenerateKey(rand.Reader, name)
	if err != nil {
		return "", "", fmt.Errorf("generate checkpoint key: %w", err)
	}
	return signer, verifier, nil
}

// ValidateKeyName refuses a key name note.GenerateKey takes but its key
// parser (note.NewSigner, note.NewVerifier) does not: empty, invalid UTF-8,
// white space or '+', the keys' field separator. Such a key pair was
// written and then refused by triaged -checkpoint-key at start. It also
// refuses characters that are not printable (controls, bidirectional
// overrides): the name is written into every checkpoint's signature line.
func ValidateKeyName(name string) error {
	if name == "" {
		return errors.New("checkpoint key name is empty")
	}
	for i, r := range name {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(name[i:], "\uFFFD"):
			return fmt.Errorf("checkpoint key name %q: invalid UTF-8 at byte %d", name, i)
		case unicode.IsSpace(r), r == '+', !unicode.IsPrint(r):
			return fmt.Errorf("checkpoint key name %q: U+%04X at byte %d: a name has no white space, '+' or unprintable character", name, r, i)
		}
	}
	return nil
}

// newSigner parses a signer key. The verifier given in its place (the two
// files of audit keygen differ by one letter of their suffix) is named as
// such: note's own error, "malformed verifier id", says nothing of it.
func newSigner(signerKey string) (note.Signer, error) {
	s, err := note.NewSigner(strings.TrimSpace(signerKey))
	if err != nil {
		if _, verr := note.NewVerifier(strings.TrimSpace(signerKey)); verr == nil {
			return nil, errors.New("checkpoint signer key: this is the verifier key (PREFIX.pub of audit keygen, the auditors'); sign with the signer, PREFIX.key")
		}
		return nil, fmt.Errorf("checkpoint signer key: %w", err)
	}
	return s, nil
}

// Sign returns the signed checkpoint of head.
func Sign(head store.AuditHead, signerKey string) ([]byte, error) {
	s, err := newSigner(signerKey)
	if err != nil {
		return nil, err
	}
	text := fmt.Sprintf("%s\n%d\n%s\nunchained %d\n", header, head.Seq, head.Hash, head.UnchainedDecisions)
	msg, err := note.Sign(&note.Note{Text: text}, s)
	if err != nil {
		return nil, fmt.Errorf("sign checkpoint: %w", err)
	}
	return msg, nil
}

// Open verifies a signed checkpoint with verifierKey and parses it.
func Open(msg []byte, verifierKey string) (store.AuditHead, error) {
	v, err := note.NewVerifier(strings.TrimSpace(verifierKey))
	if err != nil {
		if _, serr := note.NewSigner(strings.TrimSpace(verifierKey)); serr == nil {
			return store.AuditHead{}, errors.New("checkpoint verifier key: this is the signer key (PREFIX.key of audit keygen, triaged's); verify with the verifier, PREFIX.pub")
		}
		return store.AuditHead{}, fmt.Errorf("checkpoint verifier key: %w", err)
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		return store.AuditHead{}, fmt.Errorf("checkpoint signature: %w", err)
	}
	return parse(n.Text)
}

func parse(text string) (store.AuditHead, error) {
	var h store.AuditHead
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != 4 || lines[0] != header {
		return h, errors.New("checkpoint: not a fenjian audit checkpoint")
	}
	seq, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || seq < 0 {
		return h, fmt.Errorf("checkpoint: bad seq %q", lines[1])
	}
	if len(lines[2]) != 64 {
		return h, fmt.Errorf("checkpoint: bad hash %q", lines[2])
	}
	n, ok := strings.CutPrefix(lines[3], "unchained ")
	unchained, err := strconv.ParseInt(n, 10, 64)
	if !ok || err != nil || unchained < 0 {
		return h, fmt.Errorf("checkpoint: bad unchained line %q", lines[3])
	}
	return store.AuditHead{Seq: seq, Hash: lines[2], UnchainedDecisions: unchained}, nil
}

// maxKeyBytes bounds a key file: a note key (name, hash, base64 Ed25519
// key) is well under 200 bytes.
const maxKeyBytes = 4 << 10

// ReadKey reads a key file (signer or verifier key, one line). A path that
// is not a regular file or is larger than any key is refused, naming it:
// `triagectl audit verify -checkpoint-key` on a named pipe waited on the
// read for good, past SIGTERM (outside check), as a checkpoint did.
func ReadKey(path string) (string, error) {
	b, problem, err := readSmallFile(path, maxKeyBytes, "key")
	if err != nil {
		return "", fmt.Errorf("checkpoint key: %w", err)
	}
	if problem != "" {
		return "", fmt.Errorf("checkpoint key %s: %s", path, problem)
	}
	return strings.TrimSpace(string(b)), nil
}

// Write signs head and stores it in dir as <seq>.checkpoint, atomically. An
// existing checkpoint of the same seq is kept (the head did not move).
func Write(dir string, head store.AuditHead, signerKey string) (path string, written bool, err error) {
	path = filepath.Join(dir, fmt.Sprintf("%020d%s", head.Seq, fileSuffix))
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	msg, err := Sign(head, signerKey)
	if err != nil {
		return "", false, err
	}
	tmp, err := os.CreateTemp(dir, ".checkpoint-*")
	if err != nil {
		return "", false, fmt.Errorf("write checkpoint: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(msg); err != nil {
		tmp.Close()
		return "", false, fmt.Errorf("write checkpoint: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", false, fmt.Errorf("write checkpoint: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", false, fmt.Errorf("write checkpoint: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o444); err != nil {
		return "", false, fmt.Errorf("write checkpoint: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", false, fmt.Errorf("write checkpoint: %w", err)
	}
	return path, true, nil
}

// files lists the checkpoint files of dir in seq order.
func files(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("checkpoints: %w", err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), fileSuffix) && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}

// maxCheckpointBytes bounds a checkpoint file: a signed note of a head is a
// few hundred bytes.
const maxCheckpointBytes = 64 << 10

// readSmallFile reads the file p, at most limit bytes, or says why it is no
// `what` (a checkpoint, a key): not a regular file, or larger than limit
// (boundedfile.Read, which opens without blocking and checks the open
// descriptor). Whoever can write the file's directory could otherwise
// stall the reader: a named pipe called 1.checkpoint kept triagectl audit
// verify waiting on its read for good (SIGTERM did not end it; outside
// check), and a 300 MB file was read whole. Those are problems of the file
// (the report names them); any other failure is an error.
func readSmallFile(p string, limit int64, what string) (msg []byte, problem string, err error) {
	msg, err = boundedfile.Read(p, limit)
	switch {
	case errors.Is(err, boundedfile.ErrNotRegular):
		return nil, fmt.Sprintf("%v: no %s", err, what), nil
	case errors.Is(err, boundedfile.ErrTooLarge):
		return nil, fmt.Sprintf("%v, more than any %s", err, what), nil
	case err != nil:
		return nil, "", err
	}
	return msg, "", nil
}

// Chain is what Verify needs of the store.
type Chain interface {
	AuditHead(ctx context.Context) (store.AuditHead, error)
	AuditHashAt(ctx context.Context, seq int64) (string, error)
}

// Report is what Verify found.
type Report struct {
	OK bool `json:"ok"`
	// Checkpoints is how many checkpoints were checked; Latest is the
	// newest one's head.
	Checkpoints int             `json:"checkpoints"`
	Latest      store.AuditHead `json:"latest"`
	// Newer counts, for a copy (VerifyCopy), the checkpoints signed after
	// it was taken: beyond its head, not compared.
	Newer int `json:"newer,omitempty"`
	// Problem names the first checkpoint the chain does not agree with.
	File    string `json:"file,omitempty"`
	Problem string `json:"problem,omitempty"`
}

// Verify checks every checkpoint in dir: its signature, and that the chain
// still holds its head: the chain reaches its seq (else it was truncated),
// has its hash at that seq (else it was rewritten), and the count of
// pre-chain decisions is the signed one (else it was raised to cover forged
// rows). Run it after store.VerifyAudit, which checks that the chain is
// whole up to its head. No checkpoint at all is a failure: there is nothing
// to anchor the chain to.
func Verify(ctx context.Context, chain Chain, dir, verifierKey string) (Report, error) {
	return verify(ctx, chain, dir, verifierKey, false)
}

// VerifyCopy is Verify for a copy of the store (a backup): the servers go on
// signing heads after the copy was taken, and Verify fails every copy as
// truncated once they have. Checkpoints beyond the copy's head are counted
// in Report.Newer; those up to it must agree with the copy as Verify
// checks, and one at least must, or nothing anchors the copy. A store
// restored from a copy is verified with Verify: the checkpoints newer than
// the copy then show the decisions it lost.
func VerifyCopy(ctx context.Context, chain Chain, dir, verifierKey string) (Report, error) {
	return verify(ctx, chain, dir, verifierKey, true)
}

func verify(ctx context.Context, chain Chain, dir, verifierKey string, isCopy bool) (Report, error) {
	var rep Report
	paths, err := files(dir)
	if err != nil {
		return rep, err
	}
	if len(paths) == 0 {
		rep.Problem = "no checkpoint in " + dir
		return rep, nil
	}
	head, err := chain.AuditHead(ctx)
	if err != nil {
		return rep, err
	}
	for _, p := range paths {
		msg, problem, err := readSmallFile(p, maxCheckpointBytes, "checkpoint")
		if err != nil {
			return rep, fmt.Errorf("checkpoints: %w", err)
		}
		if problem != "" {
			rep.File, rep.Problem = p, problem
			return rep, nil
		}
		cp, err := Open(msg, verifierKey)
		if err != nil {
			rep.File, rep.Problem = p, err.Error()
			return rep, nil
		}
		if isCopy && cp.Seq > head.Seq {
			rep.Newer++
			continue
		}
		rep.Checkpoints++
		rep.Latest = cp
		switch {
		case cp.UnchainedDecisions != head.UnchainedDecisions:
			rep.File, rep.Problem = p, fmt.Sprintf("the store counts %d decisions older than the chain, the checkpoint %d: rows were added without chain entries", head.UnchainedDecisions, cp.UnchainedDecisions)
			return rep, nil
		case cp.Seq > head.Seq:
			rep.File, rep.Problem = p, fmt.Sprintf("the chain ends at seq %d, the checkpoint holds seq %d: the chain was truncated", head.Seq, cp.Seq)
			return rep, nil
		case cp.Seq == 0:
			continue
		}
		hash, err := chain.AuditHashAt(ctx, cp.Seq)
		if errors.Is(err, store.ErrNotFound) {
			rep.File, rep.Problem = p, fmt.Sprintf("audit row %d of the checkpoint is gone: the chain was truncated", cp.Seq)
			return rep, nil
		}
		if err != nil {
			return rep, err
		}
		if hash != cp.Hash {
			rep.File, rep.Problem = p, fmt.Sprintf("audit row %d hashes to %s, the checkpoint signed %s: the chain was rewritten", cp.Seq, hash, cp.Hash)
			return rep, nil
		}
	}
	if rep.Checkpoints == 0 {
		rep.Problem = fmt.Sprintf("no checkpoint in %s at or before the copy's head seq %d: nothing anchors it", dir, head.Seq)
		return rep, nil
	}
	rep.OK = true
	return rep, nil
}
