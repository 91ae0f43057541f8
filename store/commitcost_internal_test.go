package store

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// BenchmarkCommitBatch is the writer's commit (commitBatch) of batches of n
// served decisions, on a store filled as one in use, with no callers and no
// writer goroutine around it: what one commit of n costs the writer's
// thread. A commit's fixed part and a decision's are the intercept and the
// slope between the sizes (docs/performance.md, "SQLite: what a commit
// costs whatever it carries"). The requests are made and the WAL is
// checkpointed (every 11 commits, as the checkpointer's 50 ms pass at the
// bench's ~230 commits a second) outside the timing and the thread's clock.
//
// Under callgrind, the difference between runs of two numbers of commits
// (up to 128) is what the commits cost: the requests are the same.
func BenchmarkCommitBatch(b *testing.B) {
	for _, n := range []int{1, 13, 32} {
		b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) {
			benchCommitBatch(b, n)
		})
	}
}

func benchCommitBatch(b *testing.B, n int) {
	s, err := OpenSQLite(context.Background(), b.TempDir()+"/fenjian.db", Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	// The benchmark checkpoints itself, at a fixed number of commits.
	_ = s.checkpoints.Close()
	ctx := context.Background()
	requests := func(n int) []*saveRequest { return servedRequests(b, n) }
	checkpoint := func() int {
		var busy, logFrames, copied int
		if err := s.checkpoints.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logFrames, &copied); err != nil {
			b.Fatal(err)
		}
		return logFrames
	}
	for range 2048 / 64 { // B-trees of a store in use
		if err := s.commitBatch(ctx, requests(64)); err != nil {
			b.Fatal(err)
		}
	}
	checkpoint() // all of it: the next commit starts the WAL over
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// Made 128 commits' worth at a time, so that under callgrind runs of up
	// to 128 commits make the same requests and differ by commits alone.
	var pool [][]*saveRequest
	var cpu, sys int64
	frames, commits, counted := 0, 0, 0
	for b.Loop() {
		b.StopTimer()
		if len(pool) == 0 {
			for range 128 {
				pool = append(pool, requests(n))
			}
		}
		reqs := pool[0]
		pool = pool[1:]
		if commits%11 == 0 && commits > 0 {
			frames += checkpoint() // the WAL restarted after the last one
			counted = commits
		}
		b.StartTimer()
		c0, s0 := threadCPU(), threadSys()
		if err := s.commitBatch(ctx, reqs); err != nil {
			b.Fatal(err)
		}
		cpu += threadCPU() - c0
		sys += threadSys() - s0
		commits++
		for _, r := range reqs {
			if r.rejected != nil {
				b.Fatal(r.rejected)
			}
		}
	}
	b.ReportMetric(float64(cpu)/1e3/float64(commits), "writer-cpu-µs/commit")
	b.ReportMetric(float64(cpu)/1e3/float64(commits*n), "writer-cpu-µs/decision")
	b.ReportMetric(float64(sys)/1e3/float64(commits), "writer-sys-µs/commit")
	if counted > 0 {
		b.ReportMetric(float64(frames)/float64(counted), "wal-frames/commit")
	}
}

// threadSys is the kernel's part of threadCPU, in nanoseconds: system calls
// (the WAL's pwrites, its fsync) and what they start (page writeback).
func threadSys() int64 {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return ru.Stime.Nano()
}
