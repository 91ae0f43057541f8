package checkpoint

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"

	"github.com/fenjian/fenjian/store"
)

// ErrRefused is the error of a Checkpoint that would not sign the store's
// head because it does not extend the last checkpoint: the chain was
// truncated or rewritten under the server (or the pre-chain count raised).
var ErrRefused = errors.New("checkpoint: refusing to sign")

// Writer writes the server's checkpoints. Before signing a new head it
// checks that the chain still holds the last head it signed: a server never
// signs a chain that was truncated or rewritten under it.
type Writer struct {
	dir    string
	signer string
	chain  Chain
	logger *slog.Logger

	mu   sync.Mutex
	last *store.AuditHead
}

// NewWriter checks the signer key and the directory and picks up the newest
// checkpoint already there.
func NewWriter(dir, signerKey string, chain Chain, logger *slog.Logger) (*Writer, error) {
	if _, err := newSigner(signerKey); err != nil {
		return nil, err
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("checkpoint directory %s: not a directory (%w)", dir, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("checkpoint directory %s: not a directory", dir)
	}
	w := &Writer{dir: dir, signer: signerKey, chain: chain, logger: logger}
	paths, err := files(dir)
	if err != nil {
		return nil, err
	}
	if len(paths) > 0 {
		// Read as audit verify reads them: a pipe or a huge file in the
		// directory would otherwise stall or swell triaged's start.
		b, problem, err := readSmallFile(paths[len(paths)-1], maxCheckpointBytes, "checkpoint")
		switch {
		case err != nil:
			return nil, fmt.Errorf("checkpoints: %w", err)
		case problem != "":
			return nil, fmt.Errorf("checkpoint %s: %s", paths[len(paths)-1], problem)
		}
		// The body only: the signature is the auditor's to check, and
		// this server signed it with the same key.
		body, _, _ := strings.Cut(string(b), "\n\n")
		h, err := parse(body + "\n")
		if err != nil {
			return nil, fmt.Errorf("checkpoint %s: %w", paths[len(paths)-1], err)
		}
		w.last = &h
	}
	return w, nil
}

// Checkpoint signs and writes the chain's current head if it moved.
func (w *Writer) Checkpoint(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	head, err := w.chain.AuditHead(ctx)
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if last := w.last; last != nil {
		if head.UnchainedDecisions != last.UnchainedDecisions || head.Seq < last.Seq {
			return fmt.Errorf("%w: the store's head (seq %d, %d pre-chain decisions) does not extend the last checkpoint (seq %d, %d)",
				ErrRefused, head.Seq, head.UnchainedDecisions, last.Seq, last.UnchainedDecisions)
		}
		if last.Seq > 0 {
			hash, err := w.chain.AuditHashAt(ctx, last.Seq)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("checkpoint: %w", err)
			}
			if hash != last.Hash {
				return fmt.Errorf("%w: audit row %d no longer has the hash the last checkpoint signed", ErrRefused, last.Seq)
			}
		}
	}
	path, written, err := Write(w.dir, head, w.signer)
	if err != nil {
		return err
	}
	if written {
		w.logger.Debug("audit checkpoint written", slog.String("path", path), slog.Int64("seq", head.Seq))
	}
	w.last = &head
	return nil
}
