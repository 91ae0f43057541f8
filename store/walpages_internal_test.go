package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// servedCase is what triaged decided for the bench's request (bench/load.go:
// a 民间借贷 filing with an ~800-character statement, decided by the shipped
// rules and model), without the assignment SaveTriage adds: the shape of a
// stored decision in the throughput measurements (docs/performance.md).
func servedCase(t testing.TB) (*triagev1.Decision, *triagev1.Filing) {
	t.Helper()
	d, f := &triagev1.Decision{}, &triagev1.Filing{}
	for name, m := range map[string]proto.Message{"served_decision.txtpb": d, "served_filing.txtpb": f} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := prototext.Unmarshal(b, m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return d, f
}

// servedFilings numbers the filings servedCopy makes.
var servedFilings atomic.Int64

// servedCopy returns a copy of servedCase's d0 and f0 with a new decision id
// and a filing id no other copy has: the store takes one decision per
// filing.
func servedCopy(d0 *triagev1.Decision, f0 *triagev1.Filing) (*triagev1.Decision, *triagev1.Filing) {
	d, f := proto.CloneOf(d0), proto.CloneOf(f0)
	d.DecisionId = uuid.Must(uuid.NewV7()).String()
	f.Id = fmt.Sprintf("(2026)辽0102民初%d号", 100000+servedFilings.Add(1))
	d.FilingId = f.Id
	return d, f
}

// servedFilingOf is servedCase's filing under the id d was decided for.
func servedFilingOf(t testing.TB, d *triagev1.Decision) *triagev1.Filing {
	_, f := servedCase(t)
	f.Id = d.GetFilingId()
	return f
}

// servedRequests returns n SaveTriage requests for servedCase with new ids,
// each drawing among the one team the bench's filing is eligible for.
func servedRequests(t testing.TB, n int) []*saveRequest {
	t.Helper()
	d0, f0 := servedCase(t)
	reqs := make([]*saveRequest, n)
	for i := range reqs {
		d, f := servedCopy(d0, f0)
		req, err := newTriageRequest(d, f, &AssignmentPlan{
			Teams: []TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}},
			Seed:  uint64(i + 1),
		})
		if err != nil {
			t.Fatal(err)
		}
		req.ctx = context.Background()
		reqs[i] = req
	}
	return reqs
}

// walFrame is one frame of a WAL file: the page it holds, and whether it
// ends a transaction.
type walFrame struct {
	page   uint32
	commit bool
}

// walFrames reads the frames of the WAL at path from byte offset on, and
// returns them with the offset after the last and the page size.
func walFrames(t testing.TB, path string, offset int64) ([]walFrame, int64, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hdr [32]byte
	if _, err := io.ReadFull(f, hdr[:]); err != nil {
		t.Fatalf("read WAL header: %v", err)
	}
	pageSize := int(binary.BigEndian.Uint32(hdr[8:]))
	if offset < 32 {
		offset = 32
	}
	var frames []walFrame
	fh := make([]byte, 24)
	for {
		if _, err := f.ReadAt(fh, offset); err != nil {
			break
		}
		frames = append(frames, walFrame{page: binary.BigEndian.Uint32(fh[0:]), commit: binary.BigEndian.Uint32(fh[4:]) != 0})
		offset += int64(24 + pageSize)
	}
	return frames, offset, pageSize
}

// pageOwners maps each page of the database to the table or index it
// belongs to (overflow pages included), from SQLite's dbstat table.
func pageOwners(t testing.TB, s *SQLite) map[uint32]string {
	t.Helper()
	rows, err := s.read.Query(`SELECT name, pageno, pagetype FROM dbstat`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[uint32]string{}
	for rows.Next() {
		var name, kind string
		var page uint32
		if err := rows.Scan(&name, &page, &kind); err != nil {
			t.Fatal(err)
		}
		if kind == "overflow" {
			name += " (overflow)"
		}
		out[page] = name
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// walCost is what committing batches wrote to the WAL.
type walCost struct {
	commits, decisions, frames int
	pageSize                   int
	byOwner                    map[string]int // frames by table or index
	cpu                        time.Duration  // the committing thread's CPU time
}

func (c walCost) framesPerDecision() float64 { return float64(c.frames) / float64(c.decisions) }

func (c walCost) String() string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(c.byOwner)) {
		parts = append(parts, fmt.Sprintf("%s %.2f", k, float64(c.byOwner[k])/float64(c.decisions)))
	}
	return fmt.Sprintf("%d commits of %d: %.1f µs CPU, %.2f frames (%.0f bytes of WAL) per decision, %.1f per commit; per decision by b-tree: %s",
		c.commits, c.decisions/c.commits, float64(c.cpu.Microseconds())/float64(c.decisions), c.framesPerDecision(),
		c.framesPerDecision()*float64(c.pageSize+24), float64(c.frames)/float64(c.commits), strings.Join(parts, ", "))
}

// measureWAL opens a SQLite store with no background checkpoints, fills it
// with prefill served decisions (so that its B-trees have the depth of a
// store in use), then commits rounds batches of batch served decisions
// through the writer's commit, and counts the WAL frames they appended.
func measureWAL(t *testing.T, prefill, batch, rounds int) walCost {
	t.Helper()
	path := t.TempDir() + "/fenjian.db"
	s, err := OpenSQLite(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	// Checkpoints would start the WAL over under the count.
	_ = s.checkpoints.Close()
	ctx := context.Background()
	for done := 0; done < prefill; done += 64 {
		if err := s.commitBatch(ctx, servedRequests(t, min(64, prefill-done))); err != nil {
			t.Fatal(err)
		}
	}
	_, offset, _ := walFrames(t, path+"-wal", 0)
	var frames []walFrame
	var pageSize int
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu time.Duration
	for range rounds {
		reqs := servedRequests(t, batch)
		c0 := threadCPU()
		if err := s.commitBatch(ctx, reqs); err != nil {
			t.Fatal(err)
		}
		cpu += time.Duration(threadCPU() - c0)
		for _, r := range reqs {
			if r.rejected != nil {
				t.Fatal(r.rejected)
			}
		}
		var fs []walFrame
		fs, offset, pageSize = walFrames(t, path+"-wal", offset)
		frames = append(frames, fs...)
	}
	owners := pageOwners(t, s)
	c := walCost{commits: rounds, decisions: rounds * batch, frames: len(frames), pageSize: pageSize, byOwner: map[string]int{}, cpu: cpu}
	commits := 0
	for _, f := range frames {
		name, ok := owners[f.page]
		if !ok {
			name = fmt.Sprintf("page %d", f.page)
		}
		c.byOwner[name]++
		if f.commit {
			commits++
		}
	}
	if commits != rounds {
		t.Fatalf("%d commit frames in the WAL, want %d", commits, rounds)
	}
	return c
}

// TestWALPagesPerDecision measures what a stored, routed decision costs the
// WAL at the batch sizes the writer sees (1 when idle, ~32 with 32 callers):
// every page a commit dirties is appended whole, and SQLite's commit time
// is mostly writing those frames (docs/performance.md).
func TestWALPagesPerDecision(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a store")
	}
	// The B-trees a routed decision writes: its row (and the overflow page
	// its ~4.5 KB need), three indexes; its assignment's row and two
	// indexes; two audit rows; and per commit the chain head, team_load and
	// the database header. Migration 10 took the assignment_id index off;
	// migration 13 put decisions_filing_id back (Triage looks a filing's
	// decision up: 0.11 frames per decision at batches of 32, 0.28 at 8,
	// on the bench's numbered filing ids), and migration 14 made it
	// decisions_filing_key (rows have a key since; the filing_id index
	// takes only older rows, without one).
	want := []string{
		"assignments", "assignments_decision", "assignments_team", "audit_head", "audit_log",
		"decisions", "decisions (overflow)", "decisions_decided_at_id", "decisions_filing_key",
		"sqlite_autoindex_decisions_1", "sqlite_schema", "team_load",
	}
	for _, batch := range []int{1, 8, 32} {
		c := measureWAL(t, 4096, batch, max(8, 256/batch))
		t.Logf("batch %d: %v", batch, c)
		if got := slices.Sorted(maps.Keys(c.byOwner)); !slices.Equal(got, want) {
			t.Errorf("batch %d: a routed decision writes pages of %q, want %q", batch, got, want)
		}
	}
}

// BenchmarkNewTriageRequest is SaveTriage's work in the calling goroutine,
// before the hand-off to the writer, on the served decision: the copy the
// writer works on, the decision cut into the parts the writer joins, the
// filing's encoding.
func BenchmarkNewTriageRequest(b *testing.B) {
	d0, f := servedCase(b)
	d0.DecisionId = uuid.Must(uuid.NewV7()).String()
	plan := &AssignmentPlan{
		Teams:  []TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}},
		NoTeam: &triagev1.Reason{Code: "NO_TEAM_CAPACITY", Message: "没有可承接的审判团队"},
	}
	b.ReportAllocs()
	for b.Loop() {
		req, err := newTriageRequest(d0, f, plan)
		if err != nil || req.triage.parts == nil {
			b.Fatal(err, "or no parts")
		}
	}
}
