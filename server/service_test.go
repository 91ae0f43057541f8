package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

func TestTriageRecordsBeforeReturning(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)

	resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	d := resp.GetDecision()
	id, err := uuid.Parse(d.GetDecisionId())
	if err != nil {
		t.Fatalf("decision_id %q: %v", d.GetDecisionId(), err)
	}
	if id.Version() != 7 || id.String() != d.GetDecisionId() {
		t.Errorf("decision_id %q: want a canonical UUIDv7", d.GetDecisionId())
	}
	if got := d.GetDecidedAt().AsTime(); !got.Equal(fixedNow) {
		t.Errorf("decided_at = %v, want the injected clock %v", got, fixedNow)
	}
	if d.GetDryRun() {
		t.Error("dry_run = true on a recorded decision")
	}
	if d.GetRecommended() == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
		t.Error("no recommended procedure")
	}
	if d.GetFilingId() != validFiling().GetId() || d.GetCaseKind() != triagev1.CaseKind_CASE_KIND_CIVIL {
		t.Errorf("filing_id, case_kind = %q, %v", d.GetFilingId(), d.GetCaseKind())
	}
	if d.GetRulesVersion() == "" || d.GetModelVersion() == "" || len(d.GetOptions()) == 0 {
		t.Errorf("incomplete decision from the engine: %v", d)
	}

	// The store had it before the client did: read it straight from the
	// store, then through the API.
	stored, err := st.GetDecision(ctx, d.GetDecisionId())
	if err != nil {
		t.Fatalf("store.GetDecision: %v", err)
	}
	if diff := cmp.Diff(d, stored, protocmp.Transform()); diff != "" {
		t.Errorf("stored decision differs from the returned one (-returned +stored):\n%s", diff)
	}
	got, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: d.GetDecisionId()})
	if err != nil {
		t.Fatalf("GetDecision: %v", err)
	}
	if diff := cmp.Diff(d, got.GetDecision(), protocmp.Transform()); diff != "" {
		t.Errorf("GetDecision differs from Triage (-Triage +GetDecision):\n%s", diff)
	}
	// Upper-case and URN forms name the same decision.
	for _, alt := range []string{strings.ToUpper(d.GetDecisionId()), "urn:uuid:" + d.GetDecisionId()} {
		if _, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: alt}); err != nil {
			t.Errorf("GetDecision(%q): %v", alt, err)
		}
	}

	waitMetric(t, h.reg, "fenjian_triage_requests_total", map[string]string{"code": "OK", "case_kind": "CASE_KIND_CIVIL"}, 1)
	waitMetric(t, h.reg, "fenjian_decisions_total", map[string]string{
		"case_kind": "CASE_KIND_CIVIL", "recommended": d.GetRecommended().String(), "needs_review": fmt.Sprint(d.GetNeedsReview()),
	}, 1)
	waitMetric(t, h.reg, "fenjian_triage_duration_seconds", nil, 1)
}

func TestTriageDryRunStoresNothing(t *testing.T) {
	st := &countingStore{CaseStore: openStore(t, tempDB(t))}
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)

	resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling(), DryRun: true})
	if err != nil {
		t.Fatalf("Triage(dry_run): %v", err)
	}
	d := resp.GetDecision()
	if d.GetDecisionId() != "" {
		t.Errorf("dry-run decision_id = %q, want empty", d.GetDecisionId())
	}
	if !d.GetDryRun() {
		t.Error("dry_run = false in a dry-run decision")
	}
	if d.GetRecommended() == triagev1.Procedure_PROCEDURE_UNSPECIFIED || len(d.GetOptions()) == 0 {
		t.Errorf("dry run returned an incomplete decision: %v", d)
	}
	if !d.GetDecidedAt().AsTime().Equal(fixedNow) {
		t.Errorf("decided_at = %v", d.GetDecidedAt().AsTime())
	}
	if n := st.saves.Load(); n != 0 {
		t.Errorf("SaveDecision called %d times for a dry run", n)
	}
	waitMetric(t, h.reg, "fenjian_triage_requests_total", map[string]string{"code": "OK", "case_kind": "CASE_KIND_CIVIL"}, 1)
	waitMetric(t, h.reg, "fenjian_decisions_total", map[string]string{
		"case_kind": "CASE_KIND_CIVIL", "recommended": d.GetRecommended().String(), "needs_review": fmt.Sprint(d.GetNeedsReview()),
	}, 0)
}

func TestTriageInvalidArgument(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	ctx := testContext(t)

	tests := []struct {
		name  string
		req   *triagev1.TriageRequest
		field string
	}{
		{name: "no filing", req: &triagev1.TriageRequest{}, field: "filing"},
		{name: "no filing (dry run)", req: &triagev1.TriageRequest{DryRun: true}, field: "filing"},
		{name: "empty id", req: withFiling(func(f *triagev1.Filing) { f.Id = "" }), field: "filing.id"},
		{name: "id too long", req: withFiling(func(f *triagev1.Filing) { f.Id = strings.Repeat("号", 65) }), field: "filing.id"},
		{name: "case kind unspecified", req: withFiling(func(f *triagev1.Filing) { f.CaseKind = triagev1.CaseKind_CASE_KIND_UNSPECIFIED }), field: "filing.case_kind"},
		{name: "court level unspecified", req: withFiling(func(f *triagev1.Filing) { f.CourtLevel = triagev1.CourtLevel_COURT_LEVEL_UNSPECIFIED }), field: "filing.court_level"},
		{name: "unknown province", req: withFiling(func(f *triagev1.Filing) { f.Province = "火星省" }), field: "filing.province"},
		{name: "bad date", req: withFiling(func(f *triagev1.Filing) { f.FiledOn = "2024-02-30" }), field: "filing.filed_on"},
		{name: "negative amount", req: withFiling(func(f *triagev1.Filing) { f.ClaimAmountFen = -1 }), field: "filing.claim_amount_fen"},
		{name: "text too long", req: withFiling(func(f *triagev1.Filing) { f.Text = strings.Repeat("字", 20001) }), field: "filing.text"},
		{name: "party role unspecified", req: withFiling(func(f *triagev1.Filing) { f.Parties[0].Role = triagev1.PartyRole_PARTY_ROLE_UNSPECIFIED }), field: "filing.parties[0].role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := h.client.Triage(ctx, tt.req)
			st := status.Convert(err)
			if st.Code() != codes.InvalidArgument {
				t.Fatalf("code = %v (%v), want InvalidArgument", st.Code(), err)
			}
			if resp != nil {
				t.Errorf("response with an error: %v", resp)
			}
			if !strings.Contains(st.Message(), tt.field+":") {
				t.Errorf("message %q does not name %s", st.Message(), tt.field)
			}
			if got := fieldViolation(st); got != tt.field {
				t.Errorf("BadRequest field = %q, want %q", got, tt.field)
			}
		})
	}
	waitMetric(t, h.reg, "fenjian_decisions_total", map[string]string{"case_kind": "CASE_KIND_CIVIL", "recommended": "PROCEDURE_SMALL_CLAIMS", "needs_review": "false"}, 0)
}

func withFiling(edit func(*triagev1.Filing)) *triagev1.TriageRequest {
	f := validFiling()
	edit(f)
	return &triagev1.TriageRequest{Filing: f}
}

func TestTriageStoreFailureReturnsNoDecision(t *testing.T) {
	tests := []struct {
		name string
		err  error
	}{
		{name: "store unavailable", err: fmt.Errorf("commit: %w: %w", store.ErrUnavailable, errSecret)},
		{name: "duplicate id", err: fmt.Errorf("insert: %w", store.ErrDuplicate)},
		{name: "unclassified store error", err: errSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := failingStore{CaseStore: openStore(t, tempDB(t)), saveErr: tt.err}
			h := startServer(t, deps{decider: newDecider(t), store: st})
			resp, err := h.client.Triage(testContext(t), &triagev1.TriageRequest{Filing: validFiling()})
			s := status.Convert(err)
			if s.Code() != codes.Unavailable {
				t.Fatalf("code = %v (%v), want Unavailable", s.Code(), err)
			}
			if resp != nil {
				t.Errorf("a decision was returned although it was not recorded: %v", resp)
			}
			mustNotLeak(t, s.Message())
			if len(s.Details()) != 0 {
				t.Errorf("details on UNAVAILABLE: %v", s.Details())
			}
			waitMetric(t, h.reg, "fenjian_triage_requests_total", map[string]string{"code": "Unavailable", "case_kind": "CASE_KIND_CIVIL"}, 1)
			// The internal detail is in the log for the operator.
			if !strings.Contains(h.logs.String(), "disk I/O error") && errors.Is(tt.err, errSecret) {
				t.Errorf("log lacks the store error: %s", h.logs.String())
			}
		})
	}
}

func TestGetDecisionCodes(t *testing.T) {
	ctx := testContext(t)
	real := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: real})
	broken := startServer(t, deps{decider: newDecider(t), store: failingStore{
		CaseStore: real, getErr: fmt.Errorf("query: %w: %w", store.ErrUnavailable, errSecret),
	}})
	resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	known := resp.GetDecision().GetDecisionId()
	unknown := uuid.Must(uuid.NewV7()).String()

	tests := []struct {
		name   string
		client triagev1.TriageServiceClient
		id     string
		code   codes.Code
		field  string
	}{
		{name: "known", client: h.client, id: known, code: codes.OK},
		{name: "empty id", client: h.client, id: "", code: codes.InvalidArgument, field: "decision_id"},
		{name: "not a UUID", client: h.client, id: "(2024)辽0102民初1234号", code: codes.InvalidArgument, field: "decision_id"},
		{name: "truncated UUID", client: h.client, id: known[:35], code: codes.InvalidArgument, field: "decision_id"},
		{name: "unknown", client: h.client, id: unknown, code: codes.NotFound},
		{name: "store failure", client: broken.client, id: known, code: codes.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: tt.id})
			st := status.Convert(err)
			if st.Code() != tt.code {
				t.Fatalf("code = %v (%v), want %v", st.Code(), err, tt.code)
			}
			if tt.code != codes.OK && got != nil {
				t.Errorf("response with an error: %v", got)
			}
			if f := fieldViolation(st); f != tt.field {
				t.Errorf("BadRequest field = %q, want %q", f, tt.field)
			}
			if tt.field != "" && !strings.Contains(st.Message(), tt.field) {
				t.Errorf("message %q does not name %s", st.Message(), tt.field)
			}
			mustNotLeak(t, st.Message())
		})
	}
}

func TestTriageCanceledAndDeadline(t *testing.T) {
	tests := []struct {
		name string
		call func(t *testing.T, h *harness, started <-chan struct{}) error
		code codes.Code
	}{
		{
			name: "deadline exceeded",
			call: func(t *testing.T, h *harness, _ <-chan struct{}) error {
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				defer cancel()
				_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
				return err
			},
			code: codes.DeadlineExceeded,
		},
		{
			name: "canceled",
			call: func(t *testing.T, h *harness, started <-chan struct{}) error {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				go func() {
					<-started // the server is inside the store call
					cancel()
				}()
				_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
				return err
			},
			code: codes.Canceled,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &blockingStore{CaseStore: openStore(t, tempDB(t)), started: make(chan struct{})}
			h := startServer(t, deps{decider: newDecider(t), store: st})
			err := tt.call(t, h, st.started)
			if got := status.Code(err); got != tt.code {
				t.Fatalf("client code = %v (%v), want %v", got, err, tt.code)
			}
			// The server classified the call as the client's doing, not as
			// a store fault. When the client's deadline fires first it
			// cancels the stream, so the server may see either code for
			// a deadline; TestServiceContextErrors pins the exact mapping.
			serverCodes := []codes.Code{tt.code}
			if tt.code == codes.DeadlineExceeded {
				serverCodes = append(serverCodes, codes.Canceled)
			}
			waitAnyMetric(t, h.reg, "fenjian_triage_requests_total", serverCodes, func(c codes.Code) map[string]string {
				return map[string]string{"code": c.String(), "case_kind": "CASE_KIND_CIVIL"}
			})
			waitAnyMetric(t, h.reg, "grpc_server_handled_total", serverCodes, func(c codes.Code) map[string]string {
				return map[string]string{
					"grpc_type": "unary", "grpc_service": "fenjian.triage.v1.TriageService", "grpc_method": "Triage", "grpc_code": c.String(),
				}
			})
		})
	}
}

// waitAnyMetric waits until the metric is 1 for one of the codes.
func waitAnyMetric(t *testing.T, g prometheus.Gatherer, name string, cs []codes.Code, labels func(codes.Code) map[string]string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		for _, c := range cs {
			if v, err := metricValue(g, name, labels(c)); err == nil && v == 1 {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: no call recorded with code in %v", name, cs)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestServiceContextErrors calls the Service directly with contexts that end,
// as the gRPC server's would, to pin the server-side codes exactly.
func TestServiceContextErrors(t *testing.T) {
	tests := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		code codes.Code
	}{
		{
			name: "deadline",
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 50*time.Millisecond)
			},
			code: codes.DeadlineExceeded,
		},
		{
			name: "canceled",
			ctx: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				time.AfterFunc(50*time.Millisecond, cancel)
				return ctx, cancel
			},
			code: codes.Canceled,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			real := openStore(t, tempDB(t))
			st := &blockingStore{CaseStore: real, started: make(chan struct{})}
			svc, err := NewService(Options{Decider: newDecider(t), Store: st})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := tt.ctx()
			defer cancel()
			resp, err := svc.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
			if got := status.Code(err); got != tt.code || resp != nil {
				t.Errorf("Triage: code %v, response %v; want %v and none", got, resp, tt.code)
			}

			// GetDecision against the real store with an ended context.
			ctx, cancel = tt.ctx()
			defer cancel()
			<-ctx.Done()
			reader, err := NewService(Options{Decider: newDecider(t), Store: real})
			if err != nil {
				t.Fatal(err)
			}
			got, err := reader.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: uuid.Must(uuid.NewV7()).String()})
			if c := status.Code(err); c != tt.code || got != nil {
				t.Errorf("GetDecision: code %v, response %v; want %v and none", c, got, tt.code)
			}
		})
	}
}

func TestTriageInternal(t *testing.T) {
	tests := []struct {
		name    string
		decider Decider
		panics  float64
	}{
		{name: "panic", decider: panicDecider{}, panics: 1},
		{name: "unexpected error", decider: errDecider{err: errSecret}},
		{name: "no decision", decider: nilDecider{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &countingStore{CaseStore: openStore(t, tempDB(t))}
			h := startServer(t, deps{decider: tt.decider, store: st})
			ctx := testContext(t)
			resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
			s := status.Convert(err)
			if s.Code() != codes.Internal {
				t.Fatalf("code = %v (%v), want Internal", s.Code(), err)
			}
			if resp != nil {
				t.Errorf("response with an error: %v", resp)
			}
			if s.Message() != msgInternal {
				t.Errorf("message = %q, want the generic %q", s.Message(), msgInternal)
			}
			if n := st.saves.Load(); n != 0 {
				t.Errorf("SaveDecision called %d times", n)
			}
			waitMetric(t, h.reg, "fenjian_grpc_panics_total", nil, tt.panics)
			waitMetric(t, h.reg, "grpc_server_handled_total", map[string]string{
				"grpc_type": "unary", "grpc_service": "fenjian.triage.v1.TriageService", "grpc_method": "Triage", "grpc_code": "Internal",
			}, 1)

			// The process survives and keeps serving other calls.
			if _, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: uuid.Must(uuid.NewV7()).String()}); status.Code(err) != codes.NotFound {
				t.Errorf("after the failure, GetDecision = %v, want NotFound", err)
			}
			if !strings.Contains(h.logs.String(), `"level":"ERROR"`) {
				t.Errorf("no error record logged: %s", h.logs.String())
			}
		})
	}
}

func TestTriageMessageTooLarge(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	f := validFiling()
	f.Text = strings.Repeat("a", MaxRecvMsgSize+1)
	_, err := h.client.Triage(testContext(t), &triagev1.TriageRequest{Filing: f})
	if got := status.Code(err); got != codes.ResourceExhausted {
		t.Fatalf("code = %v (%v), want ResourceExhausted", got, err)
	}
	// No ErrorInfo: not a call to send again (a shed call has one).
	checkRetryable(t, err, "", 0)
}

func TestLogsCarryNoPartyData(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	ctx := testContext(t)
	f := validFiling()
	resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	bad := validFiling()
	bad.ClaimAmountFen = -5
	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: bad}); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("invalid Triage: %v", err)
	}
	long := validFiling()
	long.Id = strings.Repeat("号", 100_000)
	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: long}); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("Triage(long id): %v", err)
	}
	if _, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: long.Id}); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("GetDecision(long id): %v", err)
	}
	logs := h.logs.String()
	if strings.Contains(logs, strings.Repeat("号", maxLoggedID+1)) {
		t.Error("logs carry an unbounded client-supplied id")
	}
	for _, forbidden := range []string{f.GetParties()[0].GetName(), f.GetParties()[1].GetName(), "借款30000元", "事实与理由"} {
		if strings.Contains(logs, forbidden) {
			t.Errorf("logs contain %q:\n%s", forbidden, logs)
		}
	}
	for _, want := range []string{
		`"method":"Triage"`, `"code":"OK"`, `"code":"InvalidArgument"`, `"field":"filing.claim_amount_fen"`,
		`"decision_id":"` + resp.GetDecision().GetDecisionId() + `"`,
		`"case_kind":"CASE_KIND_CIVIL"`, `"recommended":"` + resp.GetDecision().GetRecommended().String() + `"`,
		`"needs_review":`, `"duration_seconds":`, `"filing_id":"(2024)辽0102民初1234号"`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

func TestNewServiceRequiresDependencies(t *testing.T) {
	if _, err := NewService(Options{Store: failingStore{}}); err == nil {
		t.Error("NewService without a Decider: no error")
	}
	if _, err := NewService(Options{Decider: nilDecider{}}); err == nil {
		t.Error("NewService without a Store: no error")
	}
	reg := prometheus.NewRegistry()
	opts := Options{Decider: nilDecider{}, Store: failingStore{}, Registerer: reg}
	if _, err := NewService(opts); err != nil {
		t.Fatalf("NewService: %v", err)
	}
	if _, err := NewService(opts); err == nil {
		t.Error("second NewService on the same registry: no error for the duplicate metrics")
	}
}

// TestTriageOneDecisionPerFiling: a filing id that already has a stored
// decision is refused with ALREADY_EXISTS naming that decision when the
// filing sent differs from it, so a caller cannot resubmit until the team
// draw suits it; nothing more is stored. The same filing sent again is a
// retry, answered the stored decision (TestTriageReplay). A dry run of it,
// and another filing, still go through.
func TestTriageOneDecisionPerFiling(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)
	f := validFiling()
	first, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
	if err != nil {
		t.Fatalf("first Triage: %v", err)
	}
	id := first.GetDecision().GetDecisionId()

	other := proto.CloneOf(f)
	other.ClaimAmountFen++
	_, err = h.client.Triage(ctx, &triagev1.TriageRequest{Filing: other})
	st2 := status.Convert(err)
	if st2.Code() != codes.AlreadyExists || !strings.Contains(st2.Message(), id) {
		t.Fatalf("second Triage = %v; want ALREADY_EXISTS naming %s", err, id)
	}
	if named := resourceName(st2); named != id {
		t.Errorf("ResourceInfo names %q, want the stored decision %s", named, id)
	}
	waitMetric(t, h.reg, "fenjian_triage_requests_total", map[string]string{"code": "AlreadyExists", "case_kind": "CASE_KIND_CIVIL"}, 1)

	// Near misses: a dry run stores nothing and draws nothing; another
	// filing is a new case.
	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f, DryRun: true}); err != nil {
		t.Errorf("dry run of a decided filing: %v", err)
	}
	g := proto.CloneOf(f)
	g.Id += "-2"
	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: g}); err != nil {
		t.Errorf("another filing: %v", err)
	}

	// The same case number in its official spelling, full-width
	// parentheses and digits, or with spaces between its parts, a leading
	// zero and no 号, is the same filing: refused, and the message says
	// which spelling the decision was stored under.
	for _, spelling := range []string{"（２０２４）辽０１０２民初１２３４号", "(2024) 辽0102 民初 01234"} {
		w := proto.CloneOf(f)
		w.Id = spelling
		_, err = h.client.Triage(ctx, &triagev1.TriageRequest{Filing: w})
		if st := status.Convert(err); st.Code() != codes.AlreadyExists || !strings.Contains(st.Message(), id) ||
			!strings.Contains(st.Message(), `stored as filing.id "`+f.GetId()+`"`) {
			t.Errorf("Triage of %q after %q = %v; want ALREADY_EXISTS naming %s and the stored spelling", w.GetId(), f.GetId(), err, id)
		}
	}

	// Calls for one new filing racing each other: one decision is stored,
	// every other caller is told which (a different filing under the id;
	// the same filing is TestTriageReplay's race).
	r := proto.CloneOf(f)
	r.Id += "-race"
	const n = 12
	ids := make([]string, n)
	codesGot := make([]codes.Code, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			ri := proto.CloneOf(r)
			ri.ClaimAmountFen += int64(i)
			resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: ri})
			codesGot[i] = status.Code(err)
			if err == nil {
				ids[i] = resp.GetDecision().GetDecisionId()
				return
			}
			ids[i] = resourceName(status.Convert(err))
		})
	}
	close(start)
	wg.Wait()
	ok := 0
	for i, c := range codesGot {
		switch c {
		case codes.OK:
			ok++
		case codes.AlreadyExists:
		default:
			t.Errorf("racing Triage %d = %v; want OK or ALREADY_EXISTS", i, c)
		}
		if ids[i] != ids[0] || ids[i] == "" {
			t.Errorf("racing Triage %d names decision %q, Triage 0 %q: want one decision", i, ids[i], ids[0])
		}
	}
	if ok != 1 {
		t.Errorf("%d of %d racing Triage calls for one filing stored a decision; want 1", ok, n)
	}
}

// TestTriageLookalikeFilingIDs: an id that differs from a decided filing's
// only by characters nobody sees (white space at an end, a no-break space,
// a soft hyphen, a joiner, a mark, a variation selector, a filler, a tag)
// is refused with INVALID_ARGUMENT naming filing.id, so a caller cannot
// store a second decision, and draw a team again, under the same visible
// case number. Near misses: a space (U+0020) between the parts of the case
// number passes validation and is the same filing to the store
// (ALREADY_EXISTS), and so, since migration 17, is one inside its number;
// another number so spelt is another filing, stored.
func TestTriageLookalikeFilingIDs(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)
	f := validFiling()
	first, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
	if err != nil {
		t.Fatalf("first Triage: %v", err)
	}
	for _, tc := range []struct{ name, id string }{
		{"trailing space", f.Id + " "},
		{"leading space", " " + f.Id},
		{"trailing tab", f.Id + "\t"},
		{"trailing ideographic space", f.Id + "\u3000"},
		{"no-break space", f.Id + "\u00a0"},
		{"en space inside", "(2024)辽0102民初\u20021234号"},
		{"soft hyphen", f.Id + "\u00ad"},
		{"zero-width non-joiner", f.Id + "\u200c"},
		{"zero-width joiner", f.Id + "\u200d"},
		{"left-to-right mark", f.Id + "\u200e"},
		{"Arabic letter mark", f.Id + "\u061c"},
		{"Mongolian vowel separator", f.Id + "\u180e"},
		{"combining grapheme joiner", f.Id + "\u034f"},
		{"function application", f.Id + "\u2061"},
		{"variation selector", f.Id + "\ufe0f"},
		{"Hangul filler", f.Id + "\u3164"},
		{"tag space", f.Id + "\U000E0020"},
	} {
		g := proto.CloneOf(f)
		g.Id = tc.id
		_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: g})
		if st := status.Convert(err); st.Code() != codes.InvalidArgument || !strings.Contains(st.Message(), "filing.id") {
			t.Errorf("%s: Triage = %v; want INVALID_ARGUMENT naming filing.id (a lookalike of the decided filing)", tc.name, err)
		}
	}
	g := proto.CloneOf(f)
	g.Id = "(2024)辽0102民初 1234号"
	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: g}); status.Code(err) != codes.AlreadyExists {
		t.Errorf("a space between the case number's parts: %v; want ALREADY_EXISTS (the same case number)", err)
	}
	// Since migration 17 a space inside the number is the same case number
	// too (TestTriageCaseNumberSpellings); another number with one is
	// another filing.
	g.Id = "(2024)辽0102民初12 34号"
	resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: g})
	checkAlreadyDecided(t, resp, err, first.GetDecision().GetDecisionId())
	g.Id = "(2024)辽0102民初12 35号"
	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: g}); err != nil {
		t.Errorf("a space inside another number: %v; want it stored as another filing", err)
	}
}

// TestGetCaseDigitLookalike: GetCase by a filing id that reads as a stored
// case number but for a letter that looks like a digit ((2O24)…, a clerk's
// typo) is refused INVALID_ARGUMENT naming filing_id and the letter, as
// Triage refuses it, not NOT_FOUND, which told the clerk there was no such
// case (outside check 31). Near misses: the case number as stored finds
// the case; another case number, not stored, is NOT_FOUND; an id that is no
// case number either way is NOT_FOUND.
func TestGetCaseDigitLookalike(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)
	f := validFiling()
	d := triageOK(t, ctx, h.client, f)
	for _, tc := range []struct {
		name, id string
		want     codes.Code
		mention  string
	}{
		{"letter O in the year", strings.Replace(f.Id, "2024", "2O24", 1), codes.InvalidArgument, "'O'"},
		{"letter l in the number", strings.Replace(f.Id, "民初1", "民初l", 1), codes.InvalidArgument, "'l'"},
		{"Cyrillic О in the court code", strings.Replace(f.Id, "0102", "\u041e102", 1), codes.InvalidArgument, "filing_id"},
		{"as stored", f.Id, codes.OK, ""},
		{"another case number", strings.Replace(f.Id, "2024", "2023", 1), codes.NotFound, ""},
		{"not a case number", "JS-2O24-0001", codes.NotFound, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := h.client.GetCase(ctx, &triagev1.GetCaseRequest{FilingId: tc.id})
			st := status.Convert(err)
			if st.Code() != tc.want {
				t.Fatalf("GetCase(%q) = %v; want %v", tc.id, err, tc.want)
			}
			if tc.want == codes.InvalidArgument && (!strings.Contains(st.Message(), "filing_id") || !strings.Contains(st.Message(), tc.mention)) {
				t.Errorf("GetCase(%q): %q; want it to name filing_id and %s", tc.id, st.Message(), tc.mention)
			}
			if tc.want == codes.OK && resp.GetDecision().GetDecisionId() != d.GetDecisionId() {
				t.Errorf("GetCase(%q) found decision %q; want %q", tc.id, resp.GetDecision().GetDecisionId(), d.GetDecisionId())
			}
		})
	}
}

// TestRPCRecordsCarryDuration: every method's "rpc" log record carries
// duration_seconds, a number, on success and on failure, as
// docs/operations.md says; its log queries (`msg="rpc" and
// duration_seconds > 0.1`) find slow calls by it. GetCase, RecordOutcome,
// AssignCase and WatchAssignments logged none, so a slow outcome or case
// read was invisible to them (outside check 15).
func TestRPCRecordsCarryDuration(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)
	d := triageOK(t, ctx, h.client, loanFiling("(2024)辽0102民初4321号"))
	missing := "00000000-0000-7000-8000-000000000000"
	calls := []struct {
		method string
		call   func() error
	}{
		{"Triage", func() error {
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("(2024)辽0102民初4322号"), DryRun: true})
			return err
		}},
		{"GetDecision", func() error {
			_, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: missing})
			return err
		}},
		{"GetCase", func() error {
			_, err := h.client.GetCase(ctx, &triagev1.GetCaseRequest{DecisionId: d.GetDecisionId()})
			return err
		}},
		{"RecordOutcome", func() error {
			_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, d.GetRecommended(), "2024-03-06")})
			return err
		}},
		{"AssignCase", func() error {
			_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: missing, TeamId: "civil-trial-1", DesignatedBy: "president-07", Reason: "原承办团队需回避，院长指定。"})
			return err
		}},
		{"WatchAssignments", func() error {
			st := watchErr(t, h.client, &triagev1.WatchAssignmentsRequest{TeamId: "no-such-team"})
			return st.Err()
		}},
	}
	for _, c := range calls {
		t.Run(c.method, func(t *testing.T) {
			before := len(rpcRecords(t, h.logs.String(), c.method))
			_ = c.call() // success or refusal: both are recorded
			var recs []map[string]any
			waitFor(2*time.Second, func() bool {
				recs = rpcRecords(t, h.logs.String(), c.method)
				return len(recs) > before
			})
			if len(recs) <= before {
				t.Fatalf("no rpc record of %s", c.method)
			}
			rec := recs[len(recs)-1]
			if v, ok := rec["duration_seconds"].(float64); !ok || v < 0 {
				t.Errorf("%s's rpc record has duration_seconds %#v, want a number of seconds: %v", c.method, rec["duration_seconds"], rec)
			}
		})
	}
}

// rpcRecords returns the JSON log records with msg "rpc" of method.
func rpcRecords(t *testing.T, logs, method string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(logs, "\n") {
		if !strings.Contains(line, `"msg":"rpc"`) {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %v: %s", err, line)
		}
		if rec["method"] == method {
			out = append(out, rec)
		}
	}
	return out
}

// TestLogsCarryRequestID: a call's x-request-id (set by Envoy and Istio on
// what they forward, or by the filing system) is in every record of the
// call, its rpc record, a refusal and a malformed request, clipped like the
// other ids a client sends (and escaped: grpc-go clients send printable
// ASCII only, so that is not exercised here); a call without one has none.
// Before, a refused or UNAVAILABLE call matched nothing in the caller's logs
// but a time and a peer address (outside check 15).
func TestLogsCarryRequestID(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	bad := dialAs(t, h.conn.Target(), "no-such-token")
	negative := validFiling()
	negative.ClaimAmountFen = -5
	tests := []struct {
		name, sent, msg, want string // want "" : no request_id
		call                  func(ctx context.Context) error
	}{
		{"stored", "gw-0001", "rpc", "gw-0001", func(ctx context.Context) error {
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("(2024)辽0102民初5001号")})
			return err
		}},
		{"invalid", "gw-0002", "rpc", "gw-0002", func(ctx context.Context) error {
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: negative})
			return err
		}},
		{"refused", "gw-0003", "call refused", "gw-0003", func(ctx context.Context) error {
			_, err := triagev1.NewTriageServiceClient(bad).Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("(2024)辽0102民初5003号")})
			return err
		}},
		{"malformed", "gw-0004", "malformed request", "gw-0004", func(ctx context.Context) error {
			return invokeRaw(ctx, h.conn, methodTriage, []byte{0x0a, 0xff}).Err()
		}},
		{"quotes", `gw "0005"\`, "rpc", `gw "0005"\`, func(ctx context.Context) error {
			_, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: "00000000-0000-7000-8000-000000000005"})
			return err
		}},
		{"clipped", strings.Repeat("r", 5000), "rpc", strings.Repeat("r", maxLoggedID) + "…", func(ctx context.Context) error {
			_, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: "00000000-0000-7000-8000-000000000006"})
			return err
		}},
		{"none", "", "rpc", "", func(ctx context.Context) error {
			_, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: "00000000-0000-7000-8000-000000000007"})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			if tt.sent != "" {
				ctx = metadata.AppendToOutgoingContext(ctx, RequestIDHeader, tt.sent)
			}
			before := strings.Count(h.logs.String(), `"msg":"`+tt.msg+`"`)
			_ = tt.call(ctx) // answered or refused: both are logged
			var rec map[string]any
			waitFor(2*time.Second, func() bool {
				lines := strings.Split(h.logs.String(), "\n")
				n := 0
				for _, line := range lines {
					if strings.Contains(line, `"msg":"`+tt.msg+`"`) {
						if n++; n > before {
							rec = nil
							_ = json.Unmarshal([]byte(line), &rec)
							return true
						}
					}
				}
				return false
			})
			if rec == nil {
				t.Fatalf("no %q record logged", tt.msg)
			}
			got, ok := rec["request_id"].(string)
			if tt.want == "" {
				if ok {
					t.Errorf("request_id %q logged for a call that sent none: %v", got, rec)
				}
				return
			}
			if got != tt.want {
				t.Errorf("request_id = %q, want %q: %v", got, tt.want, rec)
			}
		})
	}
}
