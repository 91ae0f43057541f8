package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// sqlStore is what SQLite and Postgres share once their database is open:
// reads, the group-commit writer, health and closing. Each exported store
// wraps one and adds only how to open its database and insert a batch, so
// the two cannot drift apart in behaviour.
type sqlStore struct {
	dialect dialect
	log     *slog.Logger
	// read serves GetDecision, Ping and SchemaVersion; writes never use it.
	read   *sql.DB
	writer *writer
	// closers are what Open got as far as opening, closed in reverse order
	// by Close or by a failed Open.
	closers []io.Closer

	closeOnce sync.Once
	closeErr  error
}

// startWriter builds the store's metrics and starts its writer goroutine,
// which Close stops and waits for.
func (s *sqlStore) startWriter(insert insertFunc, timeout time.Duration, opts Options) error {
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return fmt.Errorf("register metrics: %w", err)
	}
	s.writer = newWriter(writerConfig{
		insert:   insert,
		dialect:  s.dialect,
		timeout:  timeout,
		maxBatch: opts.maxBatch(),
		metrics:  m,
		log:      s.log,
	})
	go s.writer.run()
	return nil
}

func (s *sqlStore) saveDecision(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error {
	row, err := newDecisionRow(d, f, time.Now())
	if err != nil {
		return err
	}
	return s.writer.submit(ctx, row)
}

func (s *sqlStore) getDecision(ctx context.Context, decisionID string) (*triagev1.Decision, error) {
	if decisionID == "" {
		return nil, errors.New("store: decision_id is empty")
	}
	if strings.IndexByte(decisionID, 0) >= 0 {
		// SaveDecision refuses such ids, and PostgreSQL would reject the
		// query as an error rather than find nothing.
		return nil, fmt.Errorf("get decision %q: %w", decisionID, ErrNotFound)
	}
	var blob []byte
	err := s.readRow(ctx, s.dialect.selectDecision, []any{decisionID}, &blob)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("get decision %q: %w", decisionID, ErrNotFound)
	case err != nil && ctx.Err() != nil:
		// The caller gave up; the database may be fine.
		return nil, fmt.Errorf("get decision %q: %w", decisionID, ctx.Err())
	case err != nil:
		return nil, fmt.Errorf("get decision %q: %w: %w", decisionID, ErrUnavailable, err)
	}
	d := &triagev1.Decision{}
	if err := proto.Unmarshal(blob, d); err != nil {
		// Not ErrUnavailable: a row that does not decode will not decode on
		// retry either.
		return nil, fmt.Errorf("get decision %q: decode: %w", decisionID, err)
	}
	return d, nil
}

func (s *sqlStore) ping(ctx context.Context) error {
	if s.writer.isClosed() {
		return errClosed("ping store")
	}
	var version int
	if err := s.readRow(ctx, s.dialect.schemaVersion, nil, &version); err != nil {
		return fmt.Errorf("ping store: %w: %w", ErrUnavailable, err)
	}
	return nil
}

func (s *sqlStore) schemaVersion(ctx context.Context) (int, error) {
	var version int
	if err := s.readRow(ctx, s.dialect.schemaVersion, nil, &version); err != nil {
		return 0, fmt.Errorf("read schema version: %w: %w", ErrUnavailable, err)
	}
	return version, nil
}

// readRow runs a one-row read into dest. When the pooled connection it got
// turns out to have died since its last use (a restarted server, a killed
// session), it tries again: each failure retires one dead connection, so
// after at most as many tries as the pool holds it runs on a new one.
// Reads change nothing, so a retry is always safe.
func (s *sqlStore) readRow(ctx context.Context, query string, args []any, dest ...any) error {
	var err error
	for range s.read.Stats().MaxOpenConnections + 1 {
		err = s.read.QueryRowContext(ctx, query, args...).Scan(dest...)
		if err == nil || ctx.Err() != nil || !s.dialect.connLost(err) {
			return err
		}
	}
	return err
}

// close stops the writer once every queued decision is answered, then
// closes the databases. Later calls return the first call's result.
func (s *sqlStore) close() error {
	s.closeOnce.Do(func() {
		s.writer.stop()
		if err := s.closeAll(); err != nil {
			s.closeErr = fmt.Errorf("close %s store: %w", s.dialect.name, err)
		}
		s.log.Info("decision store closed")
	})
	return s.closeErr
}

// closeAll closes what Open opened, last opened first.
func (s *sqlStore) closeAll() error {
	var errs []error
	for i := len(s.closers) - 1; i >= 0; i-- {
		errs = append(errs, s.closers[i].Close())
	}
	return errors.Join(errs...)
}
