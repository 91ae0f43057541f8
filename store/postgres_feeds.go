package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Team feeds across replicas. Every write transaction that puts rows on team
// feeds also sends a NOTIFY on the schema's feed channel, naming the teams
// and the replica that wrote; PostgreSQL delivers it when, and only if, the
// transaction commits. Each replica LISTENs on one connection of its own
// and wakes its feeds of the named teams, ignoring its own notifications
// (its writer has woken them already). When that connection is lost every
// feed is woken to read again (during an outage the read fails, and the
// feed ends with UNAVAILABLE); the listener dials again and, once
// listening, wakes every feed, which re-reads from its cursor: what was
// committed meanwhile is read, not missed. So no feed polls.

// maxNotifyPayload keeps a notification under PostgreSQL's 8,000-byte
// payload limit; a batch naming more teams sends several.
const maxNotifyPayload = 7000

// feedNotice is a notification's payload.
type feedNotice struct {
	Replica string   `json:"r"`
	Teams   []string `json:"t"`
}

// feedChannel is the NOTIFY channel of the feeds of the tables in schema:
// replicas of another schema in the same database (a test's, a staging
// copy's) are not woken. A hash keeps it within the 63 bytes of an
// identifier whatever the schema's name.
func feedChannel(schema string) string {
	h := sha256.Sum256([]byte(schema))
	return "fenjian_feed_" + hex.EncodeToString(h[:8])
}

// feedPayloads splits teams into notification payloads from replica.
func feedPayloads(replica string, teams []string) ([]string, error) {
	var out []string
	n := feedNotice{Replica: replica}
	size := 0
	flush := func() error {
		if len(n.Teams) == 0 {
			return nil
		}
		b, err := json.Marshal(n)
		if err != nil {
			return fmt.Errorf("encode feed notice: %w", err)
		}
		out = append(out, string(b))
		n.Teams, size = nil, 0
		return nil
	}
	for _, t := range teams {
		if size+len(t)+8 > maxNotifyPayload-len(replica)-16 {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		n.Teams = append(n.Teams, t)
		size += len(t) + 8 // quotes, comma and JSON escapes' room
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// batchFeedTeams returns the teams whose feeds b's assignment rows are on.
func batchFeedTeams(b *batch) []string {
	var teams []string
	seen := map[string]bool{}
	for _, r := range b.assignments {
		for _, t := range [2]string{r.teamID, r.previousTeamID} {
			if t != "" && !seen[t] {
				seen[t] = true
				teams = append(teams, t)
			}
		}
	}
	return teams
}

// listener is a Postgres store's LISTEN connection and its goroutine.
type listener struct {
	cfg     *pgx.ConnConfig
	channel string
	replica string
	feeds   *feedHub
	log     *slog.Logger
	metrics *metrics

	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
}

// listenerConfig is cfg for the LISTEN connection: its application_name
// says "(feeds)", so that operators (and pg_stat_activity queries that pick
// the store's pool sessions by name) tell the long-lived idle session apart.
func listenerConfig(cfg *pgx.ConnConfig) *pgx.ConnConfig {
	l := cfg.Copy()
	name := l.RuntimeParams["application_name"]
	if name == "" {
		name = "fenjian"
	}
	l.RuntimeParams["application_name"] = name + " (feeds)"
	return l
}

// listenerBackoff bounds the wait between attempts to listen again.
const (
	listenerMinBackoff = 100 * time.Millisecond
	listenerMaxBackoff = 5 * time.Second
)

// startListener connects and LISTENs, so that a store that opens follows
// other replicas from the start, then serves notifications on a goroutine
// until Close.
func startListener(ctx context.Context, l *listener) error {
	conn, err := l.connect(ctx)
	if err != nil {
		return fmt.Errorf("listen for feeds: %w: %w", ErrUnavailable, err)
	}
	run, cancel := context.WithCancel(context.Background())
	l.cancel, l.done = cancel, make(chan struct{})
	go l.run(run, conn)
	return nil
}

// connect dials a connection of its own and LISTENs on the channel.
func (l *listener) connect(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, l.cfg)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{l.channel}.Sanitize()); err != nil {
		_ = conn.Close(ctx)
		return nil, err
	}
	l.metrics.listening.Set(1)
	return conn, nil
}

func (l *listener) run(ctx context.Context, conn *pgx.Conn) {
	defer close(l.done)
	backoff := listenerMinBackoff
	for {
		err := l.serve(ctx, conn)
		_ = conn.Close(context.Background())
		l.metrics.listening.Set(0)
		if ctx.Err() != nil {
			return
		}
		l.log.Warn("feed listener lost its connection; feeds of other replicas' commits wait until it is back", "err", err)
		// Every feed reads again now: when the database itself is down the
		// read fails and the feed ends with UNAVAILABLE, so its client
		// knows and reconnects, instead of waiting on a feed that cannot
		// hear other replicas.
		l.feeds.notifyAll()
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			if conn, err = l.connect(ctx); err == nil {
				break
			}
			// Still unreachable: wake the feeds again. The first wake can
			// race the outage (a pooled connection may still answer the
			// re-read while the server shuts down); a feed must not wait
			// silently through it.
			l.feeds.notifyAll()
			backoff = min(2*backoff, listenerMaxBackoff)
		}
		backoff = listenerMinBackoff
		l.log.Info("feed listener listening again; feeds re-read from their cursors")
		// Commits made while nobody listened sent notifications nobody got.
		l.feeds.notifyAll()
	}
}

// serve wakes feeds on each notification until the connection fails or ctx
// ends.
func (l *listener) serve(ctx context.Context, conn *pgx.Conn) error {
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var notice feedNotice
		if err := json.Unmarshal([]byte(n.Payload), &notice); err != nil {
			// Not ours to read; wake everyone rather than miss a commit.
			l.log.Warn("feed notification not understood; waking every feed", "err", err)
			l.feeds.notifyAll()
			continue
		}
		if notice.Replica == l.replica {
			continue // this process's writer woke them already
		}
		l.feeds.notify(notice.Teams)
	}
}

// stop ends the listener and waits for it.
func (l *listener) stop() {
	l.once.Do(func() {
		if l.cancel == nil {
			return
		}
		l.cancel()
		<-l.done
	})
}

// Close implements io.Closer for the store's closers.
func (l *listener) Close() error {
	l.stop()
	return nil
}

var errNoSchema = errors.New("the session has no current schema (search_path names none that exists)")
