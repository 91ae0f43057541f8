package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"google.golang.org/protobuf/testing/protocmp"
	"google.golang.org/protobuf/types/known/timestamppb"
	_ "modernc.org/sqlite" // database/sql driver "sqlite", to tamper with a store file

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/corpus"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// Procedures and change kinds, short.
const (
	pSmall      = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	pSimplified = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	pOrdinary   = triagev1.Procedure_PROCEDURE_ORDINARY
	pFastTrack  = triagev1.Procedure_PROCEDURE_FAST_TRACK
	cpl170      = "民事诉讼法第一百七十条"
	interp269   = "民诉法解释第二百六十九条"
)

// testBackend is a store the CLI tests run against: a SQLite file, or a
// PostgreSQL schema of its own, with a raw connection for tampering.
type testBackend struct {
	name   string
	target string
	// driver and dsn open the database directly, behind the store's back.
	driver, dsn string
	// dropTrigger removes the trigger that refuses updates of decisions.
	dropTrigger string
}

// q rewrites a query's ? placeholders for the backend's driver.
func (b testBackend) q(query string) string {
	if b.driver != "pgx" {
		return query
	}
	var out strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&out, "$%d", n)
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}

// forEachBackend runs fn against a fresh SQLite file and, when
// FENJIAN_TEST_POSTGRES is set, a fresh PostgreSQL schema.
func forEachBackend(t *testing.T, fn func(t *testing.T, b testBackend)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "fenjian.db")
		fn(t, testBackend{name: "sqlite", target: path, driver: "sqlite", dsn: path,
			dropTrigger: `DROP TRIGGER decisions_no_update`})
	})
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv(pgtest.Env) == "" {
			t.Skipf("set %s to run against PostgreSQL", pgtest.Env)
		}
		dsn := pgtest.Schema(t)
		fn(t, testBackend{name: "postgres", target: dsn, driver: "pgx", dsn: dsn,
			dropTrigger: `DROP TRIGGER decisions_no_update_delete ON decisions`})
	})
}

// dropDeletes drops the triggers that keep decisions and audit_log
// append-only, as an insider with DDL rights would.
func (b testBackend) dropDeletes() []string {
	if b.name == "postgres" {
		return []string{`DROP TRIGGER decisions_no_update_delete ON decisions`, `DROP TRIGGER audit_log_no_update_delete ON audit_log`}
	}
	return []string{`DROP TRIGGER decisions_no_delete`, `DROP TRIGGER audit_log_no_delete`}
}

// raw opens the backend's database directly.
func (b testBackend) raw(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open(b.driver, b.dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// beijing makes a decided_at in Beijing time.
func beijing(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, rules.Beijing())
}

// fixtureCase is one case of the fixture store: a filing, when it was
// decided, and the procedures the court applied in turn (the first is the
// choice at filing; a change to ordinary after simplified is 简转普, with
// basis as its legal basis).
type fixtureCase struct {
	key       string
	filing    *triagev1.Filing
	decidedAt time.Time
	applied   []triagev1.Procedure
	basis     string // legal basis of the 简转普, if any
	designate bool   // record a designated assignment too

	// Filled in by buildFixture.
	decision *triagev1.Decision
	outcomes []*triagev1.Outcome
}

func civilFiling(id, filedOn, cause string, yuan int64) *triagev1.Filing {
	return &triagev1.Filing{
		Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "沈阳市和平区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "辽宁省", FiledOn: filedOn,
		Cause: cause, ClaimAmountFen: yuan * 100,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
		},
		Text: "诉讼请求：1.判令被告支付" + cause + "项下款项；2.本案诉讼费由被告承担。事实与理由：双方发生纠纷，被告至今未履行。",
	}
}

// fixtureCases are the fixture's cases in decided_at order. With -since
// 2024-03-01 (Beijing time) G is out and H, decided 00:30 on 1 March in
// Beijing (still 29 February in UTC), is in; C has no outcome.
func fixtureCases() []*fixtureCase {
	criminal := &triagev1.Filing{
		Id: "(2024)辽0102刑初88号", CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: "沈阳市和平区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "辽宁省", FiledOn: "2024-04-15", Cause: "危险驾驶罪",
		Parties:       []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
		Text:          "公诉机关指控：被告人醉酒驾驶机动车，血液酒精含量为150mg/100ml。被告人自愿认罪认罚。",
		Circumstances: &triagev1.Circumstances{GuiltyPlea: true, ConsentsFastTrack: true, RecommendedSentenceMonths: 3},
	}
	// Twelve workers suing together: a group dispute, flagged for review.
	wageGroup := civilFiling("(2024)辽0102民初1377号", "2024-03-20", "追索劳动报酬纠纷", 240000)
	wageGroup.Parties = []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION}}
	for range 12 {
		wageGroup.Parties = append(wageGroup.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
	}
	// A complaint that says the dispute has drawn media attention: flagged
	// for review (REVIEW_TEXT_SIGNAL). Every province now has a limit, so a
	// missing limit no longer serves.
	noLimit := civilFiling("(2024)藏0102民初1420号", "2024-03-25", "民间借贷纠纷", 20000)
	noLimit.Province, noLimit.Court = "西藏自治区", "拉萨市城关区人民法院"
	noLimit.Text = "原告诉称，被告借款二万元未还，此事已有媒体报道。"
	return []*fixtureCase{
		{key: "G", filing: civilFiling("(2024)辽0102民初900号", "2024-02-29", "民间借贷纠纷", 80000),
			decidedAt: beijing(2024, 2, 29, 23, 30), applied: []triagev1.Procedure{pSimplified}},
		{key: "H", filing: civilFiling("(2024)辽0102民初901号", "2024-02-29", "民间借贷纠纷", 90000),
			decidedAt: beijing(2024, 3, 1, 0, 30), applied: []triagev1.Procedure{pSimplified}},
		{key: "A", filing: civilFiling("(2024)辽0102民初1234号", "2024-03-05", "民间借贷纠纷", 30000),
			decidedAt: beijing(2024, 3, 5, 10, 0), applied: []triagev1.Procedure{pSmall}},
		{key: "B", filing: civilFiling("(2024)辽0102民初1301号", "2024-03-12", "买卖合同纠纷", 150000),
			decidedAt: beijing(2024, 3, 12, 9, 15), applied: []triagev1.Procedure{pSimplified, pOrdinary}, basis: cpl170},
		{key: "C", filing: wageGroup, decidedAt: beijing(2024, 3, 20, 14, 0)},
		{key: "I", filing: noLimit, decidedAt: beijing(2024, 3, 25, 11, 0),
			applied: []triagev1.Procedure{pSimplified, pOrdinary}, basis: interp269},
		{key: "D", filing: civilFiling("(2024)辽0102民初1502号", "2024-04-02", "建设工程施工合同纠纷", 2000000),
			decidedAt: beijing(2024, 4, 2, 8, 45), applied: []triagev1.Procedure{pOrdinary}, designate: true},
		{key: "E", filing: civilFiling("(2024)辽0102民初1555号", "2024-04-08", "物业服务合同纠纷", 6800),
			decidedAt: beijing(2024, 4, 8, 16, 20), applied: []triagev1.Procedure{pSmall, pSimplified, pOrdinary}, basis: cpl170},
		{key: "F", filing: criminal, decidedAt: beijing(2024, 4, 15, 10, 30), applied: []triagev1.Procedure{pFastTrack}},
	}
}

// fixture is a store holding fixtureCases, built through the real engine,
// router and store, and what was recorded.
type fixture struct {
	cases       []*fixtureCase
	byKey       map[string]*fixtureCase
	records     int64 // audit records written: decisions, outcomes, assignments
	assignments int
}

// caseEngine is the real triage engine: the built-in rules and the baseline.
func caseEngine(t testing.TB) *triage.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return triage.New(r, classifier.NewBaseline())
}

// routePlan is the server's draw for a decision: the eligible teams of the
// default team file and a seed.
func routePlan(teams *routing.Teams, d *triagev1.Decision, f *triagev1.Filing, seed uint64) *store.AssignmentPlan {
	p := &store.AssignmentPlan{
		Seed:   seed,
		NoTeam: &triagev1.Reason{Code: "NO_TEAM_CAPACITY", Message: "没有可分配的团队"},
	}
	for _, tm := range teams.Eligible(d, f) {
		p.Teams = append(p.Teams, store.TeamSlot{TeamID: tm.ID, Capacity: tm.Capacity})
	}
	return p
}

// decideAndSave triages f with the engine, as the server does, and records
// it with a random draw.
func decideAndSave(ctx context.Context, t testing.TB, eng *triage.Engine, teams *routing.Teams, st store.Store,
	f *triagev1.Filing, at time.Time, seed uint64) *triagev1.Decision {
	t.Helper()
	d, err := tryDecideAndSave(ctx, eng, teams, st, f, at, seed)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// tryDecideAndSave is decideAndSave for goroutines other than the test's.
func tryDecideAndSave(ctx context.Context, eng *triage.Engine, teams *routing.Teams, st store.Store,
	f *triagev1.Filing, at time.Time, seed uint64) (*triagev1.Decision, error) {
	d, err := eng.Decide(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("decide %s: %w", f.GetId(), err)
	}
	id, err := uuid.NewV7()
	if err != nil {
		return nil, err
	}
	d.DecisionId = id.String()
	d.DecidedAt = timestamppb.New(at)
	if err := st.SaveTriage(ctx, d, f, routePlan(teams, d, f, seed)); err != nil {
		return nil, fmt.Errorf("SaveTriage %s: %w", f.GetId(), err)
	}
	return d, nil
}

// changeKind is how applying next after prev is recorded.
func changeKind(first bool, recommended, prev, next triagev1.Procedure) triagev1.ChangeKind {
	switch {
	case first && next == recommended:
		return triagev1.ChangeKind_CHANGE_KIND_CONFIRMED
	case first:
		return triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN
	case prev == pSimplified && next == pOrdinary:
		return triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY
	case prev == pSmall && next == pSimplified:
		return triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
	case prev == pSmall && next == pOrdinary:
		return triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY
	}
	return triagev1.ChangeKind_CHANGE_KIND_UNSPECIFIED
}

// buildFixture fills the store at target with fixtureCases.
func buildFixture(t *testing.T, target string) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, target, store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	}()
	teams, err := routing.Default()
	if err != nil {
		t.Fatal(err)
	}
	eng := caseEngine(t)
	fx := &fixture{cases: fixtureCases(), byKey: map[string]*fixtureCase{}}
	for i, c := range fx.cases {
		fx.byKey[c.key] = c
		c.decision = decideAndSave(ctx, t, eng, teams, st, c.filing, c.decidedAt, uint64(i+1))
		fx.records++
		if c.decision.GetAssignment() != nil {
			fx.assignments++
			fx.records++
		}
		prev := c.decision.GetRecommended()
		for j, p := range c.applied {
			o := &triagev1.Outcome{
				DecisionId: c.decision.GetDecisionId(), Procedure: p,
				Change:    changeKind(j == 0, c.decision.GetRecommended(), prev, p),
				DecidedBy: "judge-7", Previous: prev,
				DecidedOn: c.decidedAt.AddDate(0, 0, 10*j).Format(time.DateOnly),
			}
			if o.Change == triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY {
				o.LegalBasis, o.Reason = c.basis, "案情复杂，需要转为普通程序"
			}
			if err := st.SaveOutcome(ctx, o); err != nil {
				t.Fatalf("SaveOutcome %s: %v", c.key, err)
			}
			c.outcomes = append(c.outcomes, o)
			fx.records++
			prev = p
		}
		if c.designate {
			a := &triagev1.Assignment{DecisionId: c.decision.GetDecisionId(), TeamId: teams.All()[0].ID,
				DesignatedBy: "president-1", Reason: "专业审判团队集中审理"}
			if err := st.SaveAssignment(ctx, a); err != nil {
				t.Fatalf("SaveAssignment %s: %v", c.key, err)
			}
			fx.assignments++
			fx.records++
		}
	}
	return fx
}

// readExport reads an export file with the reader train and eval use,
// failing on any line it does not take as a labelled filing.
func readExport(t *testing.T, r io.Reader) []*triagev1.LabeledFiling {
	t.Helper()
	rd := dataset.NewReader(r)
	var out []*triagev1.LabeledFiling
	for {
		lf, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("export line %d does not read: %v", rd.Line()+1, err)
		}
		if _, ok := triagev1.Procedure_name[int32(lf.GetLabel())]; !ok || lf.GetLabel() == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
			t.Errorf("line %d: label %v", rd.Line(), lf.GetLabel())
		}
		out = append(out, lf)
	}
}

func TestExport(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b testBackend) {
		fx := buildFixture(t, b.target)
		for _, tc := range []struct {
			name    string
			args    []string
			want    []string // case keys, in decision order
			skipped int
		}{
			{"since", []string{"-since", "2024-03-01"}, []string{"H", "A", "B", "I", "D", "E", "F"}, 1},
			{"all", []string{"-all"}, []string{"G", "H", "A", "B", "I", "D", "E", "F"}, 1},
			{"since April", []string{"-since", "2024-04-02"}, []string{"D", "E", "F"}, 0},
			{"after everything", []string{"-since", "2030-01-01"}, nil, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "export.jsonl")
				e, stdout, stderr := testEnv("")
				args := append([]string{"export", "-store", b.target, "-out", out}, tc.args...)
				if code := dispatch(context.Background(), e, args); code != 0 {
					t.Fatalf("exit %d\n%s", code, stderr)
				}
				if stdout.Len() != 0 {
					t.Errorf("stdout is not empty with -out FILE: %q", stdout)
				}
				file, err := os.Open(out)
				if err != nil {
					t.Fatal(err)
				}
				defer file.Close()
				got := readExport(t, file)
				if len(got) != len(tc.want) {
					t.Fatalf("exported %d records, want %d (%v)", len(got), len(tc.want), tc.want)
				}
				labels := map[triagev1.Procedure]int{}
				for i, lf := range got {
					c := fx.byKey[tc.want[i]]
					wantLabel := c.applied[len(c.applied)-1]
					labels[wantLabel]++
					if diff := cmp.Diff(c.filing, lf.GetFiling(), protocmp.Transform()); diff != "" {
						t.Errorf("record %d: filing, not case %s's (-want +got):\n%s", i, c.key, diff)
					}
					if lf.GetLabel() != wantLabel {
						t.Errorf("record %d (case %s): label %v, want the last outcome's %v", i, c.key, lf.GetLabel(), wantLabel)
					}
					if lf.GetSource() != "outcome" || lf.GetModelVersion() != c.decision.GetModelVersion() || lf.GetModelVersion() == "" {
						t.Errorf("record %d: source %q, model_version %q; want \"outcome\", %q",
							i, lf.GetSource(), lf.GetModelVersion(), c.decision.GetModelVersion())
					}
				}
				summary := stderr.String()
				for _, want := range []string{
					"exported " + strconv.Itoa(len(tc.want)) + " of " + strconv.Itoa(len(tc.want)+tc.skipped) + " cases",
					"skipped " + strconv.Itoa(tc.skipped) + " without an outcome",
				} {
					if !strings.Contains(summary, want) {
						t.Errorf("summary lacks %q:\n%s", want, summary)
					}
				}
				for p, n := range labels {
					if want := strings.TrimPrefix(p.String(), "PROCEDURE_") + " " + strconv.Itoa(n); !strings.Contains(summary, want) {
						t.Errorf("summary lacks %q:\n%s", want, summary)
					}
				}
				if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
					t.Errorf("export left %d files in its directory, want only the export", len(entries))
				}
			})
		}
	})
}

// TestExportStdout: -out - writes the records to stdout and nothing else.
func TestExportStdout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	buildFixture(t, path)
	e, stdout, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"export", "-store", path, "-since", "2024-03-01", "-out", "-"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if got := readExport(t, stdout); len(got) != 7 {
		t.Errorf("stdout holds %d records, want 7", len(got))
	}
	if !strings.Contains(stderr.String(), "exported 7 of 8 cases") {
		t.Errorf("summary: %s", stderr)
	}
}

// TestExportTargets: -out names a file that is replaced whole, but an
// existing path that is not a regular file is written in place and stays
// what it was: renaming the finished export over /dev/full replaced the
// device with an 11 MB regular file (run as root, as in a container). A
// named pipe stands for the device here; a symbolic link stays a link to
// the file it names; a directory is refused before the store is read.
func TestExportTargets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	buildFixture(t, path)
	export := func(t *testing.T, out string) (int, string) {
		t.Helper()
		e, _, stderr := testEnv("")
		code := dispatch(context.Background(), e, []string{"export", "-store", path, "-since", "2024-03-01", "-out", out})
		return code, stderr.String()
	}

	t.Run("named pipe", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		// Read and write: opening does not wait for a writer, and the
		// test cannot hang if none comes.
		r, err := os.OpenFile(fifo, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		want := exportFixtureBytes(t, path)
		got := make(chan []byte, 1)
		go func() {
			b, _ := io.ReadAll(io.LimitReader(r, want))
			got <- b
		}()
		if code, stderr := export(t, fifo); code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Fatalf("after the export %s is %v (%v); want the named pipe it was", fifo, st.Mode(), err)
		}
		select {
		case b := <-got:
			if recs := readExport(t, bytes.NewReader(b)); len(recs) != 7 {
				t.Errorf("read %d records from the pipe, want 7", len(recs))
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no records came through the pipe")
		}
	})

	t.Run("symbolic link", func(t *testing.T) {
		dir := t.TempDir()
		file, link := filepath.Join(dir, "file.jsonl"), filepath.Join(dir, "link.jsonl")
		if err := os.WriteFile(file, []byte("old\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(file, link); err != nil {
			t.Fatal(err)
		}
		if code, stderr := export(t, link); code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("after the export %s is %v (%v); want the link it was", link, st.Mode(), err)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if recs := readExport(t, f); len(recs) != 7 {
			t.Errorf("the linked file holds %d records, want 7", len(recs))
		}
	})

	t.Run("directory", func(t *testing.T) {
		dir := t.TempDir()
		code, stderr := export(t, dir)
		if code != 1 || !strings.Contains(stderr, dir+" is a directory") {
			t.Errorf("export to a directory: exit %d, stderr %q; want 1 naming the directory", code, stderr)
		}
		if strings.Contains(stderr, "exported") {
			t.Errorf("export to a directory read the store first:\n%s", stderr)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("export to a directory left %d files in it", len(entries))
		}
	})
}

// exportFixtureBytes is the size of the fixture's export since 2024-03-01,
// exported to a regular file: what a reader of the pipe waits for.
func exportFixtureBytes(t *testing.T, store string) int64 {
	t.Helper()
	out := filepath.Join(t.TempDir(), "ref.jsonl")
	e, _, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"export", "-store", store, "-since", "2024-03-01", "-out", out}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	st, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

// TestExportFiledOnInferred: a filing stored without filed_on is exported
// with the date its decision used, so retraining sees the same limits.
func TestExportFiledOnInferred(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fenjian.db")
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	teams, err := routing.Default()
	if err != nil {
		t.Fatal(err)
	}
	f := civilFiling("(2024)辽0102民初2001号", "", "民间借贷纠纷", 30000)
	d := decideAndSave(ctx, t, caseEngine(t), teams, st, f, time.Now(), 1)
	if d.GetFiledOn() == "" {
		t.Fatal("the rules left the decision's filed_on empty")
	}
	if err := st.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: d.GetDecisionId(), Procedure: pSmall, Previous: d.GetRecommended()}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	e, stdout, stderr := testEnv("")
	if code := dispatch(ctx, e, []string{"export", "-store", path, "-all", "-out", "-"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	got := readExport(t, stdout)
	if len(got) != 1 || got[0].GetFiling().GetFiledOn() != d.GetFiledOn() {
		t.Fatalf("export %v, want one record filed on %s", got, d.GetFiledOn())
	}
}

// TestExportTrains: an export of decided cases is training data that
// `triagectl train` takes as it is.
func TestExportTrains(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fenjian.db")
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	teams, err := routing.Default()
	if err != nil {
		t.Fatal(err)
	}
	eng := caseEngine(t)
	var recs []*triagev1.LabeledFiling
	if err := corpus.Generate(ctx, corpus.Config{N: 400, Seed: 11}, nil, func(lf *triagev1.LabeledFiling) error {
		recs = append(recs, lf)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Concurrent saves share commits, as the server's do.
	var wg sync.WaitGroup
	work := make(chan int)
	for range 16 {
		wg.Go(func() {
			for i := range work {
				lf := recs[i]
				d, err := tryDecideAndSave(ctx, eng, teams, st, lf.GetFiling(), beijing(2024, 5, 1, 9, 0).Add(time.Duration(i)*time.Minute), uint64(i+1))
				if err != nil {
					t.Error(err)
					continue
				}
				if i%10 == 9 {
					continue // no outcome yet
				}
				if err := st.SaveOutcome(ctx, &triagev1.Outcome{DecisionId: d.GetDecisionId(), Procedure: lf.GetLabel(), Previous: d.GetRecommended()}); err != nil {
					t.Errorf("SaveOutcome: %v", err)
				}
			}
		})
	}
	for i := range recs {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if t.Failed() {
		t.FailNow()
	}

	data := filepath.Join(t.TempDir(), "export.jsonl")
	e, _, stderr := testEnv("")
	if code := dispatch(ctx, e, []string{"export", "-store", path, "-all", "-out", data}); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	if want := "exported 360 of 400 cases; skipped 40 without an outcome"; !strings.Contains(stderr.String(), want) {
		t.Errorf("summary lacks %q:\n%s", want, stderr)
	}
	model := filepath.Join(t.TempDir(), "model")
	e, stdout, stderr := testEnv("")
	args := append([]string{"train", "-data", data, "-out", model, "-version", "from-export"}, "-trees", "2", "-bag-size", "100", "-max-depth", "4", "-nb-features", "200", "-quiet")
	if code := dispatch(ctx, e, args); code != 0 {
		t.Fatalf("train on the export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if strings.Contains(stdout.String(), "invalid lines") && !strings.Contains(stdout.String(), " 0 invalid lines") {
		t.Errorf("train skipped lines of the export:\n%s", stdout)
	}
	m, err := classifier.Load(model)
	if err != nil {
		t.Fatal(err)
	}
	if man := m.Manifest(); man.Version != "from-export" || man.Training.Records != 360 {
		t.Errorf("manifest: version %q, %d training records; want from-export, 360", man.Version, man.Training.Records)
	}
}

func TestExportUsage(t *testing.T) {
	for name, args := range map[string][]string{
		"no -out":             {"-since", "2024-03-01"},
		"no -since, no -all":  {"-out", "x.jsonl"},
		"-since and -all":     {"-since", "2024-03-01", "-all", "-out", "x.jsonl"},
		"bad date":            {"-since", "2024-13-01", "-out", "x.jsonl"},
		"not a date":          {"-since", "last week", "-out", "x.jsonl"},
		"unknown flag":        {"-since", "2024-03-01", "-out", "x.jsonl", "-label", "final"},
		"extra argument":      {"-since", "2024-03-01", "-out", "x.jsonl", "more"},
		"empty -store":        {"-store", "", "-all", "-out", "x.jsonl"},
		"-all takes no value": {"-all=maybe", "-out", "x.jsonl"},
	} {
		t.Run(name, func(t *testing.T) {
			e, _, stderr := testEnv("")
			if code := dispatch(context.Background(), e, append([]string{"export"}, args...)); code != 2 {
				t.Errorf("exit %d, want 2\n%s", code, stderr)
			}
		})
	}
	e, _, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"export", "-h"}); code != 0 || !strings.Contains(stderr.String(), "-since") {
		t.Errorf("export -h: exit %d\n%s", code, stderr)
	}
}

// TestReadCommandsUnreachableStore: a store that cannot be opened is a
// failure (exit 1), a missing SQLite file is not created, and a password
// in a PostgreSQL URL never reaches the output.
func TestReadCommandsUnreachableStore(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope", "fenjian.db")
	pg := "postgres://fenjian:hunter2@127.0.0.1:1/test?sslmode=disable&connect_timeout=2"
	for _, target := range []string{missing, dir, pg} {
		for _, cmd := range [][]string{
			{"export", "-all", "-out", filepath.Join(dir, "out.jsonl")},
			{"stats"},
			{"audit", "verify"},
		} {
			t.Run(cmd[0]+" "+filepath.Base(target), func(t *testing.T) {
				e, stdout, stderr := testEnv("")
				if code := dispatch(context.Background(), e, append(cmd, "-store", target)); code != 1 {
					t.Errorf("exit %d, want 1\n%s", code, stderr)
				}
				if strings.Contains(stdout.String()+stderr.String(), "hunter2") {
					t.Errorf("output reveals the password:\n%s%s", stdout, stderr)
				}
			})
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read command created %s: %v", filepath.Dir(missing), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.jsonl")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed export left its output: %v", err)
	}
}

// TestReadCommandsMistypedStore: a mistyped target holding a password (a
// copied leading space, a secret's newline, a keyword/value DSN, postgres:
// without //) is refused saying what is wrong, exit 1, and the password is
// not printed: the read commands looked for it as a SQLite file first and
// said "store  postgres://u:hunter2@… does not exist" (outside check 12).
func TestReadCommandsMistypedStore(t *testing.T) {
	for target, want := range map[string]string{
		" postgres://fenjian:hunter2@127.0.0.1:1/test":  "white space",
		"postgres://fenjian:hunter2@127.0.0.1:1/test\n": "white space",
		"host=127.0.0.1 password=hunter2 dbname=test":   "keyword/value",
		"postgres:/fenjian:hunter2@127.0.0.1/test":      "postgres: target without //",
	} {
		for _, cmd := range [][]string{{"export", "-all", "-out", filepath.Join(t.TempDir(), "out.jsonl")}, {"stats"}, {"audit", "verify"}} {
			e, stdout, stderr := testEnv("")
			if code := dispatch(context.Background(), e, append(cmd, "-store", target)); code != 1 {
				t.Errorf("%s -store %q: exit %d, want 1\n%s", cmd[0], target, code, stderr)
			}
			out := stdout.String() + stderr.String()
			if strings.Contains(out, "hunter2") || !strings.Contains(out, want) {
				t.Errorf("%s -store %q: want %q and no password in:\n%s", cmd[0], target, want, out)
			}
		}
	}
}

// TestExportSparesTheStore: an -out that is the SQLite store the export
// reads, by its name, another spelling, a symbolic or a hard link, or the
// write-ahead log, shared memory or journal SQLite keeps beside it, is a
// usage error before anything is read or written, and the store still
// holds every case. Before, the export was renamed over the store
// (outside check 18).
func TestExportSparesTheStore(t *testing.T) {
	for _, tc := range []struct {
		name string
		out  func(dir, store string) string
	}{
		{"the store", func(_, store string) string { return store }},
		{"another spelling", func(dir, _ string) string { return filepath.Join(dir, "sub", "..", "fenjian.db") }},
		{"a symbolic link", func(dir, store string) string {
			link := filepath.Join(dir, "decided.jsonl")
			if err := os.Symlink(store, link); err != nil {
				t.Fatal(err)
			}
			return link
		}},
		{"a hard link", func(dir, store string) string {
			link := filepath.Join(dir, "hard.jsonl")
			if err := os.Link(store, link); err != nil {
				t.Skipf("hard link: %v", err)
			}
			return link
		}},
		{"the write-ahead log", func(_, store string) string { return store + "-wal" }},
		{"the shared memory", func(_, store string) string { return store + "-shm" }},
		{"the journal", func(_, store string) string { return store + "-journal" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
				t.Fatal(err)
			}
			store := filepath.Join(dir, "fenjian.db")
			buildFixture(t, store)
			before, err := os.ReadFile(store)
			if err != nil {
				t.Fatal(err)
			}
			out := tc.out(dir, store)
			e, _, stderr := testEnv("")
			code := dispatch(context.Background(), e, []string{"export", "-store", store, "-all", "-out", out})
			if code != 2 || !strings.Contains(stderr.String(), "would replace the decision store") {
				t.Errorf("export -out %s: exit %d, stderr %q; want 2, refused as the store", out, code, stderr)
			}
			if strings.Contains(stderr.String(), "exported") {
				t.Errorf("the store was read before the refusal:\n%s", stderr)
			}
			after, err := os.ReadFile(store)
			if err != nil || !bytes.Equal(before, after) {
				t.Fatalf("the store changed (%v): %d bytes before, %d after", err, len(before), len(after))
			}
			if got := exportFixtureBytes(t, store); got == 0 {
				t.Error("the store exports nothing after the refusal")
			}
		})
	}
}

// TestReadCommandsStoreNotSQLite: a -store file that is not a SQLite
// database (an export, a text file) is refused as such by export, stats and
// audit, not called a corrupt store to restore from a backup (outside check
// 18); a real store file still opens.
func TestReadCommandsStoreNotSQLite(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "decided.jsonl")
	if err := os.WriteFile(export, []byte(`{"filing":{"id":"(2024)苏0106民初1001号"},"label":"PROCEDURE_SIMPLIFIED"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short.db")
	if err := os.WriteFile(short, []byte("SQLite"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{export, short} {
		for _, cmd := range [][]string{{"export", "-all", "-out", filepath.Join(t.TempDir(), "out.jsonl")}, {"stats"}, {"audit", "verify"}} {
			e, _, stderr := testEnv("")
			code := dispatch(context.Background(), e, append(cmd, "-store", target))
			if code != 1 || !strings.Contains(stderr.String(), "is not a SQLite database") || strings.Contains(stderr.String(), "backup") {
				t.Errorf("%s -store %s: exit %d, stderr %q; want 1, saying it is not a SQLite database", cmd[0], filepath.Base(target), code, stderr)
			}
		}
	}
}
