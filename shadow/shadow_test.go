package shadow_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/modeltest"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/shadow"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// engines returns the serving engine (the baseline scorer) and a shadow
// engine with the repository's trained model under version "shadow-1",
// both under the embedded rules.
func engines(t *testing.T) (served, shadowEngine *triage.Engine) {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "shadow")
	modeltest.Write(t, dir, "shadow-1")
	m, err := classifier.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return triage.New(r, classifier.NewBaseline()), triage.New(r, m)
}

func openStore(t *testing.T) *store.SQLite {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// decide decides f with e and records the decision in st, as the service
// does before it answers.
func decide(t *testing.T, e *triage.Engine, st store.Store, f *triagev1.Filing) (*triagev1.Filing, *triagev1.Decision) {
	t.Helper()
	// A filing of its own each time: the store takes one decision per
	// filing, and the tests offer the same smoke filing several times.
	id := uuid.Must(uuid.NewV7()).String()
	f = proto.CloneOf(f)
	f.Id += "-" + id
	d, err := e.Decide(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	d.DecisionId = id
	d.DecidedAt = timestamppb.Now()
	if err := st.SaveDecision(context.Background(), d, f); err != nil {
		t.Fatal(err)
	}
	return f, d
}

const agreementHead = "# HELP fenjian_shadow_agreement_total Filings the shadow model scored, by case kind and the procedure served and the one the shadow model recommended (agreement where they are equal).\n" +
	"# TYPE fenjian_shadow_agreement_total counter\n"

// TestShadowScoresAndRecords: every offered filing is scored by the shadow
// model, counted by case kind and pair of recommendations, and recorded; the
// counts are those of deciding the filings with the shadow engine directly.
func TestShadowScoresAndRecords(t *testing.T) {
	served, shadowEngine := engines(t)
	st := openStore(t)
	reg := prometheus.NewRegistry()
	s, err := shadow.New(shadow.Options{Engine: shadowEngine, Store: st, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx) }()
	defer func() { cancel(); <-done }()

	filings := reload.SmokeFilings()
	want := map[store.ShadowCount]int{}
	for round := range 3 {
		for _, f := range filings {
			f, d := decide(t, served, st, f)
			if !s.Offer(f, d) {
				t.Fatalf("round %d: Offer of %s dropped", round, f.GetId())
			}
			sd, err := shadowEngine.Decide(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			want[store.ShadowCount{ServedModel: d.GetModelVersion(), ShadowModel: "shadow-1", CaseKind: f.GetCaseKind(),
				Served: d.GetRecommended(), Shadow: sd.GetRecommended()}]++
		}
	}
	// Not offered: a dry run, a decision without an id.
	if s.Offer(filings[0], &triagev1.Decision{DryRun: true}) || s.Offer(filings[0], &triagev1.Decision{}) {
		t.Error("a dry run or a decision without id was offered")
	}

	var got []store.ShadowCount
	deadline := time.Now().Add(30 * time.Second)
	for total := 0; total < 3*len(filings); {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d scores recorded", total, 3*len(filings))
		}
		time.Sleep(10 * time.Millisecond)
		if got, err = st.ShadowAgreement(context.Background(), time.Time{}); err != nil {
			t.Fatal(err)
		}
		total = 0
		for _, c := range got {
			total += c.Count
		}
	}
	gotMap := map[store.ShadowCount]int{}
	var lines []string
	for _, c := range got {
		n := c.Count
		c.Count = 0
		gotMap[c] = n
		lines = append(lines, fmt.Sprintf("fenjian_shadow_agreement_total{case_kind=%q,served=%q,shadow=%q} %d\n", c.CaseKind, c.Served, c.Shadow, n))
	}
	if diff := cmp.Diff(want, gotMap); diff != "" {
		t.Errorf("recorded agreement (-want +got):\n%s", diff)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(agreementHead+strings.Join(lines, "")), "fenjian_shadow_agreement_total"); err != nil {
		t.Error(err)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(`# HELP fenjian_shadow_model_info 1 for the version of the shadow model scoring now (reloaded like the serving model).
# TYPE fenjian_shadow_model_info gauge
fenjian_shadow_model_info{version="shadow-1"} 1
`), "fenjian_shadow_model_info"); err != nil {
		t.Error(err)
	}
}

// TestShadowDropsWhenFull: with the queue full, Offer returns at once,
// drops the filing and counts it; nothing waits for a worker.
func TestShadowDropsWhenFull(t *testing.T) {
	served, shadowEngine := engines(t)
	st := openStore(t)
	reg := prometheus.NewRegistry()
	// No Run: nothing takes from the queue of two.
	s, err := shadow.New(shadow.Options{Engine: shadowEngine, Store: st, Registerer: reg, QueueSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	f := reload.SmokeFilings()[0]
	var offered []bool
	for range 5 {
		offered = append(offered, s.Offer(decide(t, served, st, f)))
	}
	if diff := cmp.Diff([]bool{true, true, false, false, false}, offered); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(`# HELP fenjian_shadow_dropped_total Decided filings not shadow-scored because the shadow queue was full.
# TYPE fenjian_shadow_dropped_total counter
fenjian_shadow_dropped_total 3
# HELP fenjian_shadow_queue_length Decided filings waiting for the shadow model.
# TYPE fenjian_shadow_queue_length gauge
fenjian_shadow_queue_length 2
`), "fenjian_shadow_dropped_total", "fenjian_shadow_queue_length"); err != nil {
		t.Error(err)
	}
}

// panicScorer is the trained model wrapped to panic on criminal filings, as
// a candidate with a bug the smoke test missed would.
type panicScorer struct{ triage.Scorer }

func (p panicScorer) Score(f *triagev1.Filing, a *rules.Assessment, out *triage.Probabilities) {
	if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
		panic("candidate bug")
	}
	p.Scorer.Score(f, a, out)
}

// TestShadowFailuresAreCounted: a candidate that panics fails its filing,
// counted as stage=score, and the others are still recorded; a store that
// cannot record counts its scores as stage=save. Neither stops the workers.
func TestShadowFailuresAreCounted(t *testing.T) {
	served, shadowEngine := engines(t)
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	buggy := triage.New(r, panicScorer{shadowEngine.Scorer()})
	for _, tt := range []struct {
		name         string
		engine       *triage.Engine
		closeStore   bool
		score, saved float64
	}{
		{"candidate panics on criminal filings", buggy, false, 1, 0},
		{"store closed", shadowEngine, true, 0, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t)
			reg := prometheus.NewRegistry()
			s, err := shadow.New(shadow.Options{Engine: tt.engine, Store: st, Registerer: reg})
			if err != nil {
				t.Fatal(err)
			}
			var fs []*triagev1.Filing
			var ds []*triagev1.Decision
			for _, f := range reload.SmokeFilings() {
				f, d := decide(t, served, st, f)
				fs, ds = append(fs, f), append(ds, d)
			}
			if tt.closeStore {
				if err := st.Close(); err != nil {
					t.Fatal(err)
				}
			}
			for i, f := range fs {
				s.Offer(f, ds[i])
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() { defer close(done); s.Run(ctx) }()
			want := fmt.Sprintf(`# HELP fenjian_shadow_failures_total Shadow scores lost: the shadow model failed on the filing (stage=score) or the store did not record the score (stage=save).
# TYPE fenjian_shadow_failures_total counter
fenjian_shadow_failures_total{stage="save"} %v
fenjian_shadow_failures_total{stage="score"} %v
`, tt.saved, tt.score)
			deadline := time.Now().Add(30 * time.Second)
			for testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_shadow_failures_total") != nil && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			cancel()
			<-done
			if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_shadow_failures_total"); err != nil {
				t.Error(err)
			}
			if !tt.closeStore {
				got, err := st.ShadowAgreement(context.Background(), time.Time{})
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, c := range got {
					n += c.Count
				}
				if n != 2 {
					t.Errorf("%d scores recorded, want the 2 filings the candidate scored", n)
				}
			}
		})
	}
}

func TestNewRequiresOptions(t *testing.T) {
	if _, err := shadow.New(shadow.Options{}); err == nil {
		t.Fatal("New without Engine and Store succeeded")
	}
}

// BenchmarkOffer is what shadow scoring adds to a Triage call: one Offer,
// queued (room in the queue) or dropped (queue full).
func BenchmarkOffer(b *testing.B) {
	r, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	e := triage.New(r, classifier.NewBaseline())
	f := reload.SmokeFilings()[0]
	d, err := e.Decide(context.Background(), f)
	if err != nil {
		b.Fatal(err)
	}
	d.DecisionId, d.DecidedAt = uuid.Must(uuid.NewV7()).String(), timestamppb.Now()
	for _, tt := range []struct {
		name  string
		queue func(n int) int
	}{
		{"queued", func(n int) int { return n + 1 }},
		{"dropped", func(int) int { return 1 }},
	} {
		b.Run(tt.name, func(b *testing.B) {
			// Nothing runs the workers: Offer alone is measured.
			st, err := store.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "fenjian.db"), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			s, err := shadow.New(shadow.Options{Engine: e, Store: st, QueueSize: tt.queue(b.N), Registerer: prometheus.NewRegistry()})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				s.Offer(f, d)
			}
		})
	}
}
