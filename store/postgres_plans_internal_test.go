package store

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

// TestPostgresBatchStatementPlannedOnce: the writer's batch statement has
// one text whatever the batch's size (postgresWriteBatch: one array per
// column), so PostgreSQL's plan cache serves every batch with one generic
// plan after its first five custom plans, and a batch costs no planning
// (docs/performance.md). Batches of different sizes are made by saving from
// 1, 7 and 48 goroutines in turn; the writer's own session
// (pg_prepared_statements is per session, and the writer's pool is one
// connection) then says how each of its statements was planned. A statement
// whose text varied with the batch would show up as many statements, each
// planned anew. The generic plan, made while decisions is nearly empty, must
// still find the batch's filings by their index (prepareWriter): the
// writer's session counts no sequential scan of decisions.
func TestPostgresBatchStatementPlannedOnce(t *testing.T) {
	p := openTestPostgres(t, Options{})
	seqScans := func() (scans, rows int64) {
		t.Helper()
		// The writer's own session's counters, flushed on demand.
		if _, err := p.write.Exec(`SELECT pg_stat_force_next_flush()`); err != nil {
			t.Fatal(err)
		}
		if err := p.write.QueryRow(`SELECT seq_scan, seq_tup_read FROM pg_stat_user_tables WHERE relid = 'decisions'::regclass`).Scan(&scans, &rows); err != nil {
			t.Fatal(err)
		}
		return scans, rows
	}
	scans0, rows0 := seqScans() // the migrations' index builds
	d0, f0 := servedCase(t)
	var seed uint64
	var mu sync.Mutex
	for _, savers := range []int{1, 7, 48, 1, 48} {
		var wg sync.WaitGroup
		for range savers {
			wg.Go(func() {
				for range 12 {
					d, f := servedCopy(d0, f0)
					mu.Lock()
					seed++
					s := seed
					mu.Unlock()
					plan := &AssignmentPlan{Teams: []TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}}, Seed: s}
					if err := p.SaveTriage(context.Background(), d, f, plan); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
	}
	rows, err := p.write.Query(`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	batches := 0
	for rows.Next() {
		var stmt string
		var generic, custom int64
		if err := rows.Scan(&stmt, &generic, &custom); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(stmt, "WITH t0 AS (INSERT INTO decisions") {
			continue
		}
		batches++
		t.Logf("generic plans %d, custom plans %d", generic, custom)
		if custom > 5 || generic == 0 {
			t.Errorf("batch statement planned %d times for %d executions, want its 5 custom plans and a generic plan for the rest:\n%s",
				custom, custom+generic, stmt)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if batches != 1 {
		t.Errorf("the writer prepared %d batch statements, want 1 (decisions, assignments, audit rows and team_load)", batches)
	}
	// Planned while decisions was small, the statement still finds the
	// batch's filings by their index: the writer never read the table
	// through.
	if scans, rows := seqScans(); scans != scans0 {
		t.Errorf("the writer scanned decisions sequentially %d times (%d rows read); want its indexes only", scans-scans0, rows-rows0)
	}
}

// TestPostgresBatchInsertsStreamTheirArrays: each insert of the batch
// statement reads its rows from its arrays as they are unnested (a
// ProjectSet), not through a function scan, which first copies every row,
// blobs and all, into a tuplestore (docs/performance.md, 2026-12-05: 5 µs of
// the backend's CPU per stored decision). The statement with every table is
// prepared on a session of its own and its plan read with EXPLAIN.
func TestPostgresBatchInsertsStreamTheirArrays(t *testing.T) {
	p := openTestPostgres(t, Options{})
	ctx := context.Background()
	conn, err := p.read.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const all = 1 | 2 | 4 | 8 | 16 // decisions, assignments, outcomes, team_load, NOTIFY
	if _, err := conn.ExecContext(ctx, "PREPARE fenjian_batch AS "+postgresWriteBatch[all]); err != nil {
		t.Fatal(err)
	}
	var types []string
	rows, err := conn.QueryContext(ctx, `SELECT unnest(parameter_types)::text FROM pg_prepared_statements WHERE name = 'fenjian_batch'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var typ string
		if err := rows.Scan(&typ); err != nil {
			t.Fatal(err)
		}
		types = append(types, typ)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	args := make([]string, len(types))
	for i, typ := range types {
		switch {
		case strings.HasSuffix(typ, "[]"):
			args[i] = "'{}'"
		case typ == "bigint":
			args[i] = "0"
		default:
			args[i] = "''"
		}
	}
	var plan string
	if err := conn.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) EXECUTE fenjian_batch("+strings.Join(args, ", ")+")").Scan(&plan); err != nil {
		t.Fatal(err)
	}
	var root []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(plan), &root); err != nil || len(root) != 1 {
		t.Fatalf("EXPLAIN: %v\n%s", err, plan)
	}
	inserts := map[string]string{} // table: the node its rows come from
	var walk func(n planNode)
	walk = func(n planNode) {
		if n.NodeType == "ModifyTable" && n.Operation == "Insert" && len(n.Plans) == 1 {
			inserts[n.RelationName] = n.Plans[0].NodeType
		}
		for _, c := range n.Plans {
			walk(c)
		}
	}
	walk(root[0].Plan)
	for _, table := range []string{"decisions", "assignments", "outcomes", "audit_log"} {
		if got := inserts[table]; got != "ProjectSet" {
			t.Errorf("insert into %s reads its rows from a %q, want a ProjectSet", table, got)
		}
	}
}

// planNode is a node of EXPLAIN (FORMAT JSON)'s plan.
type planNode struct {
	NodeType     string     `json:"Node Type"`
	Operation    string     `json:"Operation"`
	RelationName string     `json:"Relation Name"`
	Plans        []planNode `json:"Plans"`
}
