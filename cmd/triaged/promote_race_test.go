package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/training"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// TestServeReloadRacingPromotion: a triaged following its -model directory
// every millisecond, asked to reload by RPC without pause and deciding
// filings throughout, while promotions (training.Install, what triagectl
// promote runs) switch the directory between two models whose trees differ,
// never refuses a model and never decides with a mix of the two: every
// decision's probabilities are those of the model its version names.
// Promoted file by file, a reload reading the manifest of one promotion
// and the trees of the next was refused (checksum mismatch).
func TestServeReloadRacingPromotion(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	models := twoArtifacts(t)
	dir := filepath.Join(t.TempDir(), "model")
	if err := training.Install(ctx, dir, models[0].Files()); err != nil {
		t.Fatal(err)
	}
	references := map[string]*triage.Engine{}
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range models {
		m, err := a.Model()
		if err != nil {
			t.Fatal(err)
		}
		references[m.Version()] = triage.New(r, m)
	}

	dataDir := t.TempDir()
	conn, logs, _ := startServe(t, "-data-dir="+dataDir, "-model="+dir, "-model-watch=1ms")
	metricsURL := "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	admin := triagev1.NewAdminServiceClient(dialLocal(t, conn, dataDir, "FENJIAN_ADMIN_TOKEN"))
	client := triagev1.NewTriageServiceClient(conn)

	const promotions = 50
	done := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		failures = append(failures, fmt.Sprintf(format, args...))
	}
	// repeat runs try until the promotions are done, counting the tries
	// that passed in n.
	repeat := func(n *int, try func() error) {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := try(); err != nil {
					fail("%v", err)
					continue
				}
				mu.Lock()
				*n++
				mu.Unlock()
			}
		})
	}
	var reloads, starts, decided int
	for range 2 {
		repeat(&reloads, func() error {
			_, err := admin.ReloadModel(ctx, &triagev1.ReloadModelRequest{})
			return err
		})
	}
	// A server starting at any moment loads one of the two.
	repeat(&starts, func() error {
		m, err := classifier.Load(dir)
		if err != nil {
			return fmt.Errorf("a server starting: %w", err)
		}
		if _, ok := references[m.Version()]; !ok {
			return fmt.Errorf("a server starting loads %s, neither promoted model", m.Version())
		}
		return nil
	})
	req := loanRequest("(2024)苏0106民初9号")
	req.DryRun = true
	repeat(&decided, func() error {
		resp, err := client.Triage(ctx, req)
		if err != nil {
			return err
		}
		got := resp.GetDecision()
		ref, ok := references[got.GetModelVersion()]
		if !ok {
			return fmt.Errorf("decided by %s, neither promoted model", got.GetModelVersion())
		}
		want, err := ref.Decide(ctx, req.GetFiling())
		if err != nil {
			return err
		}
		if g, w := probabilities(got), probabilities(want); g != w {
			return fmt.Errorf("decided by %s with probabilities %s, the model's are %s", got.GetModelVersion(), g, w)
		}
		return nil
	})
	for i := range promotions {
		if err := training.Install(ctx, dir, models[(i+1)%2].Files()); err != nil {
			t.Errorf("promotion %d: %v", i+1, err)
			break
		}
	}
	close(done)
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d failures while promoting, first: %s", len(failures), failures[0])
	}
	if refused := scrapeSum(t, ctx, metricsURL, "fenjian_model_reloads_total", `result="refused"`); refused != 0 {
		t.Errorf("%v reloads refused", refused)
	}
	swapped := scrapeSum(t, ctx, metricsURL, "fenjian_model_reloads_total", `result="swapped"`)
	t.Logf("%d promotions: %v models swapped in, %d ReloadModel calls, %d decisions checked, %d starts", promotions, swapped, reloads, decided, starts)
	if swapped < 2 || reloads == 0 || decided == 0 || starts == 0 {
		t.Fatalf("the race did not happen: %v swaps, %d reloads, %d decisions, %d starts", swapped, reloads, decided, starts)
	}
}

// twoArtifacts returns the shipped model and the same with a baseline
// blend: trees that differ, so that a mixed model would be seen.
func twoArtifacts(t *testing.T) [2]*training.Artifact {
	t.Helper()
	shipped := filepath.Join("..", "..", "classifier", "defaultmodel", "model")
	var out [2]*training.Artifact
	for i := range out {
		a, err := training.ReadArtifact(shipped)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = a
	}
	if _, err := out[1].Adjust(map[string]float64{"CASE_KIND_CIVIL": 0.5}, nil, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(out[0].Files()[classifier.ModelFile], out[1].Files()[classifier.ModelFile]) {
		t.Fatal("the two models' trees are the same")
	}
	return out
}

// probabilities renders a decision's options' probabilities.
func probabilities(d *triagev1.Decision) string {
	var b strings.Builder
	for _, o := range d.GetOptions() {
		fmt.Fprintf(&b, "%v=%v ", o.GetProcedure(), o.GetProbability())
	}
	return b.String()
}

// scrapeSum returns the sum of the series of the named metric at url whose
// labels contain label.
func scrapeSum(t *testing.T, ctx context.Context, url, name, label string) float64 {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, line := range strings.Split(string(body), "\n") {
		series, value, ok := strings.Cut(line, " ")
		if !ok || !strings.HasPrefix(series, name+"{") || !strings.Contains(series, label) {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	return sum
}
