package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/modeltest"
	"github.com/fenjian/fenjian/store"
)

func loanRequest(id string) *triagev1.TriageRequest {
	return &triagev1.TriageRequest{Filing: &triagev1.Filing{
		Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Parties: plaintiffAndDefendant(), CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province: "江苏省", FiledOn: "2024-03-05", Cause: "民间借贷纠纷", ClaimAmountFen: 45_000_00,
		Text: "诉讼请求：判令被告偿还借款45000元。事实和理由：被告借款后逾期未还。",
	}}
}

// TestServeEmbeddedModel: with no -model the embedded trained model serves,
// and ReloadModel says there is nothing to reload.
func TestServeEmbeddedModel(t *testing.T) {
	dataDir := t.TempDir()
	conn, _, _ := startServe(t, "-data-dir="+dataDir)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	def, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := triagev1.NewTriageServiceClient(conn).Triage(ctx, loanRequest("(2024)苏0106民初1号"))
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.GetDecision().GetModelVersion(); got != def.Version() {
		t.Errorf("model_version %q, want the embedded %q", got, def.Version())
	}
	_, err = triagev1.NewAdminServiceClient(conn).ReloadModel(ctx, &triagev1.ReloadModelRequest{})
	if status.Code(err) != codes.Unauthenticated {
		t.Errorf("ReloadModel anonymously: %v, want UNAUTHENTICATED", err)
	}
	_, err = triagev1.NewAdminServiceClient(dialLocal(t, conn, dataDir, "FENJIAN_JUDGE_TOKEN")).ReloadModel(ctx, &triagev1.ReloadModelRequest{})
	if status.Code(err) != codes.PermissionDenied {
		t.Errorf("ReloadModel as the local judge: %v, want PERMISSION_DENIED", err)
	}
	_, err = triagev1.NewAdminServiceClient(dialLocal(t, conn, dataDir, "FENJIAN_ADMIN_TOKEN")).ReloadModel(ctx, &triagev1.ReloadModelRequest{})
	if status.Code(err) != codes.FailedPrecondition {
		t.Errorf("ReloadModel without -model: %v, want FAILED_PRECONDITION", err)
	}
}

// TestServeModelReload promotes models into the -model directory and swaps
// them in by RPC, SIGHUP and the manifest watch, while triage calls run and
// health stays SERVING; a broken promotion is refused and the old model serves.
func TestServeModelReload(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "model")
	modeltest.Write(t, dir, "model-a")
	dataDir := t.TempDir()
	conn, _, _ := startServe(t, "-data-dir="+dataDir, "-model="+dir, "-model-watch=20ms")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	admin := triagev1.NewAdminServiceClient(dialLocal(t, conn, dataDir, "FENJIAN_ADMIN_TOKEN"))
	triageClient := triagev1.NewTriageServiceClient(conn)
	health := healthpb.NewHealthClient(conn)

	serving := func() string {
		t.Helper()
		m, err := admin.GetModel(ctx, &triagev1.GetModelRequest{})
		if err != nil {
			t.Fatalf("GetModel: %v", err)
		}
		return m.GetModelVersion()
	}
	waitFor := func(version string) {
		t.Helper()
		for serving() != version {
			if ctx.Err() != nil {
				t.Fatalf("model %s never served", version)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if got := serving(); got != "model-a" {
		t.Fatalf("serving %s at start, want model-a", got)
	}

	// Triage and health checks run throughout the swaps.
	loadCtx, stopLoad := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []error
	for w := range 4 {
		wg.Go(func() {
			for i := 0; loadCtx.Err() == nil; i++ {
				if _, err := triageClient.Triage(loadCtx, loanRequest(fmt.Sprintf("load-%d-%d", w, i))); err != nil && loadCtx.Err() == nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
				}
				if w == 0 {
					h, err := health.Check(loadCtx, &healthpb.HealthCheckRequest{})
					if loadCtx.Err() == nil && (err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING) {
						mu.Lock()
						failures = append(failures, err)
						mu.Unlock()
					}
				}
			}
		})
	}

	modeltest.Write(t, dir, "model-b")
	res, err := admin.ReloadModel(ctx, &triagev1.ReloadModelRequest{})
	// The 20 ms watch may swap model-b in first; then the RPC finds it
	// serving already and says so.
	swapped := res.GetChanged() && res.GetPreviousVersion() == "model-a"
	if err != nil || res.GetModelVersion() != "model-b" || !(swapped || !res.GetChanged()) {
		t.Fatalf("ReloadModel: %v, %v", res, err)
	}

	modeltest.Write(t, dir, "model-c")
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor("model-c") // by SIGHUP or by the watch, whichever comes first

	modeltest.Write(t, dir, "model-d")
	waitFor("model-d") // by the watch alone

	// Broken before its manifest appears: the watch may try it first, and
	// must refuse it just the same.
	modeltest.WriteBroken(t, dir, "model-e")
	_, err = admin.ReloadModel(ctx, &triagev1.ReloadModelRequest{})
	if status.Code(err) != codes.FailedPrecondition {
		t.Fatalf("ReloadModel of a corrupt model: %v, want FAILED_PRECONDITION", err)
	}
	if got := serving(); got != "model-d" {
		t.Fatalf("serving %s after a refused model, want model-d", got)
	}
	resp, err := triageClient.Triage(ctx, loanRequest("(2024)苏0106民初2号"))
	if err != nil || resp.GetDecision().GetModelVersion() != "model-d" {
		t.Fatalf("decision after refusal: %v, %v", resp.GetDecision().GetModelVersion(), err)
	}

	stopLoad()
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d calls failed during swaps, first: %v", len(failures), failures[0])
	}
}

// TestServeBadModelDir: a -model that does not load stops the start.
func TestServeBadModelDir(t *testing.T) {
	dir := t.TempDir()
	modeltest.Write(t, dir, "model-a")
	modeltest.Corrupt(t, dir)
	var out syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if code := serve(ctx, []string{"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0", "-data-dir=" + t.TempDir(), "-model=" + dir}, &out); code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out.String())
	}
}

// TestServeShadowModel: with -shadow-model the filings served are scored
// again by the shadow model, counted in the metrics and recorded in the
// store; a promotion into its directory is picked up by the watch; a broken
// -shadow-model stops the start.
func TestServeShadowModel(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shadow")
	modeltest.Write(t, dir, "shadow-a")
	dataDir := t.TempDir()
	conn, logs, stop := startServe(t, "-data-dir="+dataDir, "-shadow-model="+dir, "-model-watch=20ms")
	metricsURL := "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client := triagev1.NewTriageServiceClient(conn)
	const n = 3
	for i := range n {
		if _, err := client.Triage(ctx, loanRequest(fmt.Sprintf("(2024)苏0106民初%d号", i+1))); err != nil {
			t.Fatal(err)
		}
	}
	scrape := func(name, label string) float64 { return scrapeSum(t, ctx, metricsURL, name, label) }
	waitMetric := func(name, label string, want float64) {
		t.Helper()
		for scrape(name, label) != want {
			if ctx.Err() != nil {
				t.Fatalf("%s{%s} never reached %v", name, label, want)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitMetric("fenjian_shadow_agreement_total", `case_kind="CASE_KIND_CIVIL"`, n)
	waitMetric("fenjian_shadow_model_info", `version="shadow-a"`, 1)
	modeltest.Write(t, dir, "shadow-b")
	waitMetric("fenjian_shadow_model_info", `version="shadow-b"`, 1)
	stop()

	st, err := store.Open(ctx, filepath.Join(dataDir, dbFile), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	counts, err := st.ShadowAgreement(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	recorded := 0
	for _, c := range counts {
		if c.ShadowModel != "shadow-a" || c.CaseKind != triagev1.CaseKind_CASE_KIND_CIVIL {
			t.Errorf("unexpected shadow score %+v", c)
		}
		recorded += c.Count
	}
	if recorded != n {
		t.Errorf("%d shadow scores recorded, want %d", recorded, n)
	}

	// A broken -shadow-model stops the start, as a broken -model does.
	modeltest.Corrupt(t, dir)
	var out syncBuffer
	if code := serve(ctx, []string{"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0", "-data-dir=" + t.TempDir(), "-shadow-model=" + dir}, &out); code != 1 {
		t.Fatalf("exit %d with a broken -shadow-model, want 1\n%s", code, out.String())
	}
}
