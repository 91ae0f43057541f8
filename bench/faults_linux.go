package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"google.golang.org/grpc/codes"

	"github.com/fenjian/fenjian/internal/pgcluster"
)

// pgDown is how long PostgreSQL stays stopped in each restart.
const pgDown = time.Second

// postgresRestart runs triaged on a private PostgreSQL cluster (never the
// shared server of -postgres) and, under stored load, stops it cleanly
// (pg_ctl -m fast) and starts it again, then kills it (-m immediate, as a
// crash would) and starts it again. Clients may be told UNAVAILABLE while
// it is down; triaged must store again without a restart of its own.
func (f *faults) postgresRestart(ctx context.Context) (*faultRow, error) {
	f.runs++
	const fault = "PostgreSQL stop -m fast + restart, then -m immediate + restart"
	base := filepath.Join(f.dir, fmt.Sprintf("pg-%d", f.runs))
	if err := os.Mkdir(base, 0o700); err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		// The server runs as postgres and must pass through bench's
		// temporary directory, private to root.
		if err := os.Chmod(f.dir, 0o711); err != nil {
			return nil, err
		}
	}
	pc, err := pgcluster.Init(base)
	if errors.Is(err, pgcluster.ErrNotInstalled) {
		return &faultRow{store: "postgres (private cluster)", fault: fault, note: err.Error()}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("private PostgreSQL cluster: %w", err)
	}
	if err := pc.Start(); err != nil {
		return nil, err
	}
	defer func() { _ = pc.Stop("immediate") }()

	srv, l, err := f.serveUnderLoad(ctx, "pg-restart", pc.URL())
	if err != nil {
		return nil, err
	}
	phase := f.phase(2)
	var outages []time.Duration
	runErr := sleep(ctx, phase)
	for _, mode := range []string{"fast", "immediate"} {
		if runErr != nil {
			break
		}
		start := time.Now()
		if runErr = pc.Stop(mode); runErr != nil {
			break
		}
		if runErr = sleep(ctx, pgDown); runErr != nil {
			break
		}
		if runErr = pc.Start(); runErr != nil {
			break
		}
		outages = append(outages, time.Since(start).Round(10*time.Millisecond))
		runErr = sleep(ctx, phase)
	}
	r := l.finish("postgres (private cluster)", fault)
	if runErr != nil {
		srv.kill()
		return nil, fmt.Errorf("%w\n%s", runErr, pc.LogTail(20))
	}
	if err := srv.stop(); err != nil {
		return nil, fmt.Errorf("stop triaged: %w", err)
	}
	r.note = fmt.Sprintf("down %v, then %v; triaged not restarted", outages[0], outages[1])
	r.allowed = []codes.Code{codes.Unavailable}
	return r, r.judge(ctx, pc.URL())
}

// diskFullSize is the tmpfs the SQLite store runs on in the disk-full run.
// The store must not fill it by itself before the filler does: at ~38 KB
// per decision (WAL and database file together) and ~5,000 decisions/s on
// two quiet cores, 64 MiB was full within the first phase of a 2 s run, so
// freeing the filler freed nothing; the default 10 s run writes ~600 MiB
// before the filler starts. tmpfs takes memory only for what is written.
const diskFullSize = 2 << 30

// minFiller is the least the filler must take for the run to test recovery:
// less means the store had filled the tmpfs itself.
const minFiller = 1 << 20

// diskFull runs triaged's SQLite store on a tmpfs of its own and, under
// stored load, fills the tmpfs to the last byte with another file, holds
// it full, then deletes the file. Clients may be told UNAVAILABLE while
// the disk is full; nothing acknowledged may be lost, and triaged must
// store again once there is room, without a restart.
func (f *faults) diskFull(ctx context.Context) (*faultRow, error) {
	f.runs++
	const fault = "disk full (SQLite directory), then space freed"
	mnt := filepath.Join(f.dir, fmt.Sprintf("tmpfs-%d", f.runs))
	if err := os.Mkdir(mnt, 0o700); err != nil {
		return nil, err
	}
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", diskFullSize)); err != nil {
		return &faultRow{store: "sqlite", fault: fault,
			note: fmt.Sprintf("cannot mount a tmpfs to fill (needs root or CAP_SYS_ADMIN): %v", err)}, nil
	}
	// Detached: a file still open somewhere must not leave the mount behind.
	defer func() { _ = syscall.Unmount(mnt, syscall.MNT_DETACH) }()
	storePath := filepath.Join(mnt, "fenjian.db")

	srv, l, err := f.serveUnderLoad(ctx, "disk-full", storePath)
	if err != nil {
		return nil, err
	}
	phase := f.phase(2)
	filler := filepath.Join(mnt, "filler")
	var beforeFull, whileFull, filled int64
	runErr := sleep(ctx, phase)
	if runErr == nil {
		beforeFull = l.acks.Load()
		filled, runErr = fill(filler)
	}
	if runErr == nil {
		runErr = sleep(ctx, phase)
		whileFull = l.acks.Load() - beforeFull
	}
	if runErr == nil {
		runErr = os.Remove(filler)
	}
	freed := l.acks.Load()
	if runErr == nil {
		runErr = sleep(ctx, phase)
	}
	r := l.finish("sqlite", fault)
	if runErr != nil {
		srv.kill()
		return nil, runErr
	}
	if err := srv.stop(); err != nil {
		return nil, fmt.Errorf("stop triaged: %w", err)
	}
	after := int64(len(r.acked)) - freed
	r.note = fmt.Sprintf("tmpfs of %d MiB (no fsync cost), filler %d MiB; acknowledged while full %d, after space was freed %d",
		diskFullSize>>20, filled>>20, whileFull, after)
	switch {
	case filled < minFiller:
		r.failure = "the store filled the tmpfs before the filler did, so freeing the filler tests nothing; raise diskFullSize"
	case after == 0:
		r.failure = "nothing acknowledged after space was freed"
	}
	r.allowed = []codes.Code{codes.Unavailable}
	return r, r.judge(ctx, storePath)
}

// fill writes path until the file system is full and returns how many
// bytes it wrote.
func fill(path string) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	buf := make([]byte, 1<<20)
	var written int64
	for {
		n, err := f.Write(buf)
		written += int64(n)
		if err != nil {
			_ = f.Close()
			if errors.Is(err, syscall.ENOSPC) {
				return written, nil
			}
			return written, fmt.Errorf("fill %s: %w", path, err)
		}
	}
}
