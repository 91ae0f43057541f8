package server

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/protocodec"
)

// rawCodec sends and receives bytes as they are: the client side of the
// hostile-input tests, set per call so no global codec changes.
type rawCodec struct{}

func (rawCodec) Name() string { return "proto" }

func (rawCodec) Marshal(v any) (mem.BufferSlice, error) {
	return mem.BufferSlice{mem.SliceBuffer(*v.(*[]byte))}, nil
}

func (rawCodec) Unmarshal(data mem.BufferSlice, v any) error {
	*v.(*[]byte) = data.Materialize()
	return nil
}

// invokeRaw sends payload to method and returns the call's status.
func invokeRaw(ctx context.Context, conn *grpc.ClientConn, method string, payload []byte) *status.Status {
	var out []byte
	err := conn.Invoke(ctx, method, &payload, &out, grpc.ForceCodecV2(rawCodec{}))
	return status.Convert(err)
}

// filingBytes is validFiling encoded, with field (num, wire type, value)
// replaced or appended by extra.
func withString(field protowire.Number, value string) []byte {
	return protowire.AppendString(protowire.AppendTag(nil, field, protowire.BytesType), value)
}

func nested(field protowire.Number, inner []byte) []byte {
	return protowire.AppendBytes(protowire.AppendTag(nil, field, protowire.BytesType), inner)
}

// deepGroups is an unknown group nested depth times.
func deepGroups(depth int) []byte {
	var b []byte
	for range depth {
		b = protowire.AppendTag(b, 99, protowire.StartGroupType)
	}
	for range depth {
		b = protowire.AppendTag(b, 99, protowire.EndGroupType)
	}
	return b
}

// hostilePayloads are the crafted requests: broken wire format, invalid
// UTF-8 in every string field of a filing, deep group nesting, oversized
// messages, each aimed at several methods.
func hostilePayloads(t *testing.T) map[string][]byte {
	t.Helper()
	valid, err := proto.Marshal(validFiling())
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string][]byte{
		"truncated varint tag":       {0x80},
		"truncated varint value":     {0x08, 0xff, 0xff},
		"varint over 10 bytes":       append([]byte{0x08}, bytes.Repeat([]byte{0xff}, 11)...),
		"field number zero":          {0x00, 0x01},
		"wire type 6":                {0x0e, 0x01},
		"wire type 7":                {0x0f, 0x01},
		"length past end":            {0x0a, 0x10, 0x01},
		"length overflow":            append([]byte{0x0a}, bytes.Repeat([]byte{0xff}, 9)...),
		"end group without start":    protowire.AppendTag(nil, 5, protowire.EndGroupType),
		"start group without end":    protowire.AppendTag(nil, 5, protowire.StartGroupType),
		"mismatched group end":       append(protowire.AppendTag(nil, 5, protowire.StartGroupType), protowire.AppendTag(nil, 6, protowire.EndGroupType)...),
		"truncated fixed32":          {0x0d, 0x01, 0x02},
		"truncated fixed64":          {0x09, 0x01, 0x02, 0x03},
		"filing length past end":     nested(1, valid)[:len(valid)/2],
		"filing with broken tag":     nested(1, append(bytes.Clone(valid), 0x80)),
		"filing with bad wire type":  nested(1, append(bytes.Clone(valid), 0x0f)),
		"party with truncated field": nested(1, append(bytes.Clone(valid), nested(9, []byte{0x1a, 0x05, 'a'})...)),
		"string field as varint len": nested(1, []byte{0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f}),
		"deep groups 10001":          deepGroups(10001),
		"deep groups 100000":         deepGroups(100000),
		"deep groups in filing":      nested(1, deepGroups(20000)),
	}
	badUTF8 := map[string]string{
		"0xff": "\xff", "overlong": "\xc0\x80", "surrogate": "\xed\xa0\x80", "truncated": "王\xe4\xb8",
	}
	for name, s := range badUTF8 {
		for _, f := range []struct {
			name string
			num  protowire.Number
		}{{"id", 1}, {"court", 3}, {"province", 5}, {"filed_on", 6}, {"cause", 7}, {"text", 10}} {
			broken["invalid UTF-8 ("+name+") in filing."+f.name] = nested(1, append(bytes.Clone(valid), withString(f.num, s)...))
		}
		broken["invalid UTF-8 ("+name+") in party name"] = nested(1, append(bytes.Clone(valid), nested(9, withString(3, s))...))
	}
	return broken
}

// TestHostileInputProbe sends every crafted payload over a real loopback
// connection to every unary method of the service: each answers
// INVALID_ARGUMENT (or RESOURCE_EXHAUSTED for what is too large), never
// INTERNAL, and each malformed request is counted.
func TestHostileInputProbe(t *testing.T) {
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)
	payloads := hostilePayloads(t)
	payloads["over 4 MiB"] = nested(1, withString(10, strings.Repeat("字", (MaxRecvMsgSize/3)+10)))
	methods := []string{methodTriage, methodGetDecision, methodRecordOutcome, methodAssignCase}

	n := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	results := map[string]codes.Code{}
	for name, p := range payloads {
		for _, m := range methods {
			n++
			wg.Go(func() {
				code := invokeRaw(ctx, h.conn, m, p).Code()
				mu.Lock()
				results[m+" "+name] = code
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	if n < 100 {
		t.Errorf("probe set has %d requests; want at least 100", n)
	}
	for k, code := range results {
		if code != codes.InvalidArgument && code != codes.ResourceExhausted {
			t.Errorf("%s: code %s; want INVALID_ARGUMENT or RESOURCE_EXHAUSTED", k, code)
		}
	}
	got, err := metricValue(h.reg, "fenjian_grpc_malformed_requests_total", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got < float64(len(methods)*10) {
		t.Errorf("fenjian_grpc_malformed_requests_total = %v; want the malformed requests counted", got)
	}
	if !strings.Contains(h.logs.String(), `"msg":"malformed request"`) {
		t.Error("malformed requests not logged")
	}
	if strings.Contains(h.logs.String(), "王秀英") {
		t.Error("a party name reached the log")
	}

	// The stream is guarded too.
	stream, err := h.conn.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true}, methodWatch, grpc.ForceCodecV2(rawCodec{}))
	if err != nil {
		t.Fatal(err)
	}
	bad := withString(1, "\xff")
	if err := stream.SendMsg(&bad); err != nil {
		t.Fatal(err)
	}
	_ = stream.CloseSend()
	var out []byte
	if code := status.Code(stream.RecvMsg(&out)); code != codes.InvalidArgument {
		t.Errorf("WatchAssignments with invalid UTF-8: %s; want INVALID_ARGUMENT", code)
	}
}

// TestInvalidUTF8NamesTheField: a filing whose party name was sent in GBK
// (a legacy filing system's encoding) is refused with INVALID_ARGUMENT
// naming the field, in the message and the BadRequest detail, and the log
// says which field without the bytes; nothing is stored, so the filing sent
// again in UTF-8 is decided. The answer was "malformed request: not a valid
// protobuf encoding of the request message", the log "string field contains
// invalid UTF-8", neither saying which of the filing's fields (outside
// check 9).
func TestInvalidUTF8NamesTheField(t *testing.T) {
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)
	f := validFiling()
	f.Parties = f.Parties[:1] // the plaintiff; the defendant is appended below
	plaintiff, err := proto.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	defendant := func(name string) []byte {
		p := protowire.AppendVarint(protowire.AppendTag(nil, 1, protowire.VarintType), uint64(triagev1.PartyRole_PARTY_ROLE_DEFENDANT))
		p = protowire.AppendVarint(protowire.AppendTag(p, 2, protowire.VarintType), uint64(triagev1.PartyKind_PARTY_KIND_PERSON))
		return nested(9, append(p, withString(3, name)...))
	}
	valid := append(bytes.Clone(plaintiff), defendant("李建国")...)
	gbk := append(bytes.Clone(plaintiff), defendant("\xc0\xee\xbd\xa8\xb9\xfa")...) // 李建国 in GBK
	got := invokeRaw(ctx, h.conn, methodTriage, nested(1, gbk))
	const field = "filing.parties[1].name"
	if got.Code() != codes.InvalidArgument || !strings.HasPrefix(got.Message(), "invalid "+field+": is not valid UTF-8 (from byte 0)") || fieldViolation(got) != field {
		t.Errorf("Triage with a GBK party name: %s %q (field %q); want INVALID_ARGUMENT naming %s", got.Code(), got.Message(), fieldViolation(got), field)
	}
	if logs := h.logs.String(); !strings.Contains(logs, field+": not valid UTF-8 from byte 0") || strings.Contains(logs, "\xc0\xee") {
		t.Errorf("the log does not name the field, or holds the bytes:\n%s", logs)
	}
	if got := invokeRaw(ctx, h.conn, methodTriage, nested(1, valid)); got.Code() != codes.OK {
		t.Errorf("the same filing in UTF-8: %s %q; want it decided (nothing stored before)", got.Code(), got.Message())
	}
}

// TestUnknownFieldsDropped: a valid filing carrying a 3.9 MiB unknown field
// in the request (outside the messages that state facts) is decided, and
// the stored rows hold none of it.
func TestUnknownFieldsDropped(t *testing.T) {
	path := tempDB(t)
	st := openTarget(t, path)
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)

	junk := bytes.Repeat([]byte{0xAB}, 39<<20/10) // 3.9 MiB
	filing, err := proto.Marshal(validFiling())
	if err != nil {
		t.Fatal(err)
	}
	req := append(nested(1, filing), unknownBytes(999, []byte("request-junk"))...)
	req = append(req, unknownBytes(998, junk)...)

	var out []byte
	if err := h.conn.Invoke(ctx, methodTriage, &req, &out, grpc.ForceCodecV2(rawCodec{})); err != nil {
		t.Fatalf("Triage with unknown fields: %v", err)
	}
	var resp triagev1.TriageResponse
	if err := proto.Unmarshal(out, &resp); err != nil {
		t.Fatal(err)
	}
	id := resp.GetDecision().GetDecisionId()

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var filingBlob, decisionBlob []byte
	if err := db.QueryRowContext(ctx, `SELECT filing, decision FROM decisions WHERE decision_id = ?`, id).Scan(&filingBlob, &decisionBlob); err != nil {
		t.Fatalf("read stored decision: %v", err)
	}
	if n := len(filingBlob) + len(decisionBlob); n > 64<<10 {
		t.Errorf("stored rows hold %d bytes; the unknown field was kept", n)
	}
	for _, junk := range []string{"request-junk", "\xab\xab\xab\xab"} {
		if bytes.Contains(filingBlob, []byte(junk)) || bytes.Contains(decisionBlob, []byte(junk)) {
			t.Errorf("stored rows contain unknown field bytes %q", junk)
		}
	}
	var f triagev1.Filing
	if err := proto.Unmarshal(filingBlob, &f); err != nil {
		t.Fatal(err)
	}
	if n := protocodec.UnknownBytes(f.ProtoReflect()); n != 0 {
		t.Error("stored filing has unknown fields")
	}
}

// unknownBytes is field num, which no message of the API defines, holding v.
func unknownBytes(num protowire.Number, v []byte) []byte {
	return protowire.AppendBytes(protowire.AppendTag(nil, num, protowire.BytesType), v)
}

// unknownTrue is field num, which no message of the API defines, set to 1
// (true): what a client built from a newer api/ sends for a new bool.
func unknownTrue(num protowire.Number) []byte {
	return protowire.AppendVarint(protowire.AppendTag(nil, num, protowire.VarintType), 1)
}

// TestUnknownFactRefused: a field the server's schema does not have, in a
// message that states the facts of a case (the filing, a party, its
// circumstances, an outcome, its correction), is refused with
// INVALID_ARGUMENT naming the message by its path and the field by its
// number, in the message and the BadRequest detail, and nothing is stored:
// the same filing without it is then decided, and the outcomes refused
// leave the case without outcomes. Before, the field was dropped and the
// filing decided without it: a client built from a newer api/ that set a
// new circumstance (field 60, true) got small claims answered mandatory,
// with no sign that the fact was never read (outside check 16).
func TestUnknownFactRefused(t *testing.T) {
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)

	base := validFiling()
	base.Circumstances = &triagev1.Circumstances{PartiesAgreeSimplified: true}
	// encoded is base under its own case number, for each row.
	encoded := func(i int) []byte {
		f := proto.Clone(base).(*triagev1.Filing)
		f.Id = fmt.Sprintf("(2024)辽0102民初%d号", 1301+i)
		b, err := proto.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	party, err := proto.Marshal(&triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_THIRD_PARTY, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
	if err != nil {
		t.Fatal(err)
	}
	// Field 11 (circumstances) appears twice on the wire: proto merges them.
	triage := []struct {
		name  string
		req   []byte
		field string
		num   int
	}{
		{"filing", nested(1, append(encoded(0), unknownTrue(500)...)), "filing", 500},
		{"circumstances", nested(1, append(encoded(1), nested(11, unknownTrue(60))...)), "filing.circumstances", 60},
		{"third party", nested(1, append(encoded(2), nested(9, append(bytes.Clone(party), unknownTrue(20)...))...)), "filing.parties[2]", 20},
		{"group in the filing", nested(1, append(encoded(3), protowire.AppendTag(protowire.AppendTag(nil, 77, protowire.StartGroupType), 77, protowire.EndGroupType)...)), "filing", 77},
	}
	for i, tt := range triage {
		t.Run("Triage/"+tt.name, func(t *testing.T) {
			got := invokeRaw(ctx, h.conn, methodTriage, tt.req)
			want := fmt.Sprintf("invalid %s: has field %d, which this server's fenjian.triage.v1 does not define", tt.field, tt.num)
			if got.Code() != codes.InvalidArgument || !strings.HasPrefix(got.Message(), want) || fieldViolation(got) != tt.field {
				t.Errorf("Triage = %s %q (BadRequest field %q); want INVALID_ARGUMENT %q", got.Code(), got.Message(), fieldViolation(got), want)
			}
			id := fmt.Sprintf("(2024)辽0102民初%d号", 1301+i)
			if _, err := h.client.GetCase(ctx, &triagev1.GetCaseRequest{FilingId: id}); status.Code(err) != codes.NotFound {
				t.Errorf("GetCase %s after the refusal: %v; want NOT_FOUND (nothing stored)", id, err)
			}
		})
	}
	filing, err := proto.Marshal(base)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: base})
	if err != nil {
		t.Fatalf("the filing without an unknown field: %v", err)
	}
	d := resp.GetDecision()

	outcome, err := proto.Marshal(&triagev1.Outcome{
		DecisionId: d.GetDecisionId(), Procedure: d.GetRecommended(), Change: triagev1.ChangeKind_CHANGE_KIND_CONFIRMED,
		DecidedBy: "judge-17", DecidedOn: "2024-03-06",
	})
	if err != nil {
		t.Fatal(err)
	}
	corrected := bytes.Clone(filing)
	record := []struct {
		name  string
		req   []byte
		field string
		num   int
	}{
		{"outcome", nested(1, append(bytes.Clone(outcome), unknownTrue(30)...)), "outcome", 30},
		{"correction", nested(1, append(bytes.Clone(outcome), nested(14, append(nested(1, corrected), unknownTrue(9)...))...)), "outcome.correction", 9},
		{"corrected circumstances", nested(1, append(bytes.Clone(outcome), nested(14, nested(1, append(bytes.Clone(corrected), nested(11, unknownTrue(60))...)))...)), "outcome.correction.filing.circumstances", 60},
	}
	for _, tt := range record {
		t.Run("RecordOutcome/"+tt.name, func(t *testing.T) {
			got := invokeRaw(ctx, h.conn, methodRecordOutcome, tt.req)
			want := fmt.Sprintf("invalid %s: has field %d, which this server's fenjian.triage.v1 does not define", tt.field, tt.num)
			if got.Code() != codes.InvalidArgument || !strings.HasPrefix(got.Message(), want) || fieldViolation(got) != tt.field {
				t.Errorf("RecordOutcome = %s %q (BadRequest field %q); want INVALID_ARGUMENT %q", got.Code(), got.Message(), fieldViolation(got), want)
			}
		})
	}
	c, err := h.client.GetCase(ctx, &triagev1.GetCaseRequest{DecisionId: d.GetDecisionId()})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.GetOutcomes()); n != 0 {
		t.Errorf("the case has %d outcomes after the refusals; want none", n)
	}
}

// TestLoadShedding: with one call slot taken, the next call is refused at
// once with RESOURCE_EXHAUSTED instead of queueing, and health stays open.
func TestLoadShedding(t *testing.T) {
	blocking := &blockingStore{started: make(chan struct{})}
	sec := testSecurity(t)
	sec.MaxConcurrentCalls = 1
	h := startServer(t, deps{decider: newDecider(t), store: blocking, sec: &sec})
	ctx := testContext(t)

	callCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := h.client.Triage(callCtx, &triagev1.TriageRequest{Filing: validFiling()})
		done <- err
	}()
	<-blocking.started
	_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
	checkStatus(t, err, codes.ResourceExhausted, "", "")
	checkRetryable(t, err, ReasonOverloaded, 0)
	cancel()
	<-done
	if v, _ := metricValue(h.reg, "fenjian_grpc_refused_total", map[string]string{"code": "ResourceExhausted"}); v != 1 {
		t.Errorf("refused ResourceExhausted = %v; want 1", v)
	}
	// The shed call never reached grpc_server_handled_total: without its
	// own counter the error ratio alerted on read 0 while calls were shed.
	if v := gathered(t, h.reg, "fenjian_grpc_shed_total", nil); v != 1 {
		t.Errorf("fenjian_grpc_shed_total = %v; want 1", v)
	}
	// The record names who was shed: it said "anonymous" and "loopback":
	// false of every shed call, whoever sent it (outside check 13).
	if !strings.Contains(h.logs.String(), `"code":"ResourceExhausted","caller":"test-clerk","loopback":true`) {
		t.Errorf("the shed call is not logged with its caller:\n%s", h.logs.String())
	}
	checkRefusalLogged(t, h.logs.String(), methodTriage, ReasonOverloaded)
}

// TestCallSlotHeldWhileRequestIsRead: a unary call holds its slot from its
// headers on, while its request is still arriving, and gives it back when
// its stream ends however it ends. grpc-go reads a unary request whole
// (up to 4 MiB) before any interceptor runs; with the slot taken in the
// interceptor, 200 concurrent 4 MiB Triage calls took a running triaged to
// 1 GB with every one of them outside MaxConcurrentCalls (outside check
// 11). Here one call sends its headers and no request: the next call is
// shed, and after the first is reset, calls pass again.
func TestCallSlotHeldWhileRequestIsRead(t *testing.T) {
	sec := testSecurity(t)
	sec.MaxConcurrentCalls = 1
	h := startServer(t, deps{decider: newDecider(t), store: &countingStore{}, sec: &sec})
	ctx := testContext(t)
	req := &triagev1.TriageRequest{Filing: validFiling(), DryRun: true}
	if _, err := h.client.Triage(ctx, req); err != nil {
		t.Fatalf("first call on an idle server: %v", err)
	}
	unfinished := func() context.CancelFunc {
		t.Helper()
		sctx, cancel := context.WithCancel(ctx)
		// A unary method opened as a client stream: its headers go at
		// once, its request never does, as a 4 MiB request still
		// arriving.
		if _, err := h.conn.NewStream(sctx, &grpc.StreamDesc{ClientStreams: true, ServerStreams: true},
			"/fenjian.triage.v1.TriageService/Triage"); err != nil {
			t.Fatalf("open stream: %v", err)
		}
		return cancel
	}
	for round := range 3 {
		cancel := unfinished()
		var err error
		// The stream's headers reach the server some time after NewStream
		// returns; until they have, the slot is still free.
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if _, err = h.client.Triage(ctx, req); status.Code(err) == codes.ResourceExhausted {
				break
			}
		}
		checkStatus(t, err, codes.ResourceExhausted, "", "")
		cancel()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if _, err = h.client.Triage(ctx, req); err == nil {
				break
			}
		}
		if err != nil {
			t.Fatalf("round %d: after the unfinished call was reset, a call still fails: %v (its slot was not given back)", round, err)
		}
	}
}

// TestRateLimit: an identity over its budget gets RESOURCE_EXHAUSTED;
// another identity still gets through.
func TestRateLimit(t *testing.T) {
	sec := testSecurity(t)
	sec.RateLimit, sec.RateBurst = 0.001, 2
	h := startServer(t, deps{decider: newDecider(t), store: &countingStore{}, sec: &sec})
	ctx := testContext(t)
	req := &triagev1.TriageRequest{Filing: validFiling(), DryRun: true}
	for i := range 2 {
		if _, err := h.client.Triage(ctx, req); err != nil {
			t.Fatalf("call %d within burst: %v", i, err)
		}
	}
	_, err := h.client.Triage(ctx, req)
	checkStatus(t, err, codes.ResourceExhausted, "", "")
	// A token every 1,000 s: the next one within 1,000 s.
	checkRetryable(t, err, ReasonRateLimited, 1000*time.Second)
	other := triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), testFilingToken))
	if _, err := other.Triage(ctx, req); err != nil {
		t.Errorf("another identity: %v", err)
	}
	// A caller over its own budget is its doing, not a server that is
	// full: it is not shed (the error ratio counts shed calls).
	if v := gathered(t, h.reg, "fenjian_grpc_shed_total", nil); v != 0 {
		t.Errorf("fenjian_grpc_shed_total = %v; want 0", v)
	}
	checkRefusalLogged(t, h.logs.String(), methodTriage, ReasonRateLimited)
}

// checkRefusalLogged checks that logs hold a "call refused" record of
// method with the ErrorInfo reason its caller was given: RESOURCE_EXHAUSTED
// alone does not tell a full server from a caller over its own bounds
// (outside check 26).
func checkRefusalLogged(t testing.TB, logs, method, reason string) {
	t.Helper()
	for line := range strings.SplitSeq(logs, "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) != nil || rec["msg"] != "call refused" || rec["grpc_method"] != method {
			continue
		}
		if rec["reason"] == reason {
			return
		}
	}
	t.Errorf("no \"call refused\" record of %s with reason %s:\n%s", method, reason, logs)
}

// checkRetryable checks a RESOURCE_EXHAUSTED status's details: a
// google.rpc.ErrorInfo of reason in ErrorDomain, and a google.rpc.RetryInfo
// with a delay above 0 and at most maxDelay when maxDelay > 0 (none
// otherwise); reason "" wants neither (a request over the message limit,
// which no retry cures). Without them a client told a call it may send
// again from one it must not only by the message's text (outside check 16).
func checkRetryable(t testing.TB, err error, reason string, maxDelay time.Duration) {
	t.Helper()
	var info *errdetails.ErrorInfo
	var retry *errdetails.RetryInfo
	for _, d := range status.Convert(err).Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			info = d
		case *errdetails.RetryInfo:
			retry = d
		}
	}
	switch {
	case reason == "" && (info != nil || retry != nil):
		t.Errorf("%v: ErrorInfo %v, RetryInfo %v; want neither", err, info, retry)
	case reason != "" && (info.GetReason() != reason || info.GetDomain() != ErrorDomain):
		t.Errorf("%v: ErrorInfo %v; want reason %s, domain %s", err, info, reason, ErrorDomain)
	case maxDelay == 0 && retry != nil:
		t.Errorf("%v: RetryInfo %v; want none", err, retry)
	case maxDelay > 0 && (retry == nil || retry.GetRetryDelay().AsDuration() <= 0 || retry.GetRetryDelay().AsDuration() > maxDelay):
		t.Errorf("%v: RetryInfo %v; want a delay in (0, %v]", err, retry, maxDelay)
	}
}

// emptyParties is a filing of n parties, each an empty message: two bytes
// on the wire, a Go value of its own once decoded.
func emptyParties(n int) []byte {
	return bytes.Repeat([]byte{0x4a, 0x00}, n)
}

// TestHugeRepeatedFieldsRefusedBeforeDecoding sends, over a real
// connection and without credentials, requests just under 4 MiB whose
// filings hold two million empty parties. Decoded, such a request took
// 148 MB (eight at once, 1.4 GB, past the Deployment's 512 MiB limit), and
// grpc-go decodes before authentication. Counted on the wire instead, it is
// refused with INVALID_ARGUMENT naming the field, allocating a fraction of
// that. A filing over rules.Validate's 5,000 parties but under the codec's
// bound still gets the rules' own answer.
func TestHugeRepeatedFieldsRefusedBeforeDecoding(t *testing.T) {
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)
	huge := emptyParties((MaxRecvMsgSize - 64) / 2)
	for _, tt := range []struct {
		method, field string
		payload       []byte
	}{
		{methodTriage, "filing.parties", nested(1, huge)},
		{methodRecordOutcome, "outcome.correction.filing.parties", nested(1, nested(14, nested(1, huge[:len(huge)-16])))},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		st := invokeRaw(ctx, h.conn, tt.method, tt.payload)
		runtime.ReadMemStats(&after)
		if st.Code() != codes.InvalidArgument || !strings.Contains(st.Message(), tt.field) {
			t.Errorf("%s with two million parties: %s %q; want INVALID_ARGUMENT naming %s", tt.method, st.Code(), st.Message(), tt.field)
		}
		// The request's own bytes are allocated at least twice (the
		// transport's buffer, the codec's copy); its decoding was 148 MB.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40<<20 {
			t.Errorf("%s with two million parties allocated %d MiB while refused; want the request's bytes, not its decoding", tt.method, alloc>>20)
		}
	}

	for _, tt := range []struct {
		parties int
		want    string
	}{
		{5001, "invalid filing.parties: has 5001 parties; at most 5000"},
		{10_001, "invalid filing.parties: has more than 10000 elements"},
	} {
		f, err := proto.Marshal(validFiling())
		if err != nil {
			t.Fatal(err)
		}
		f = append(f, emptyParties(tt.parties-len(validFiling().GetParties()))...)
		if st := invokeRaw(ctx, h.conn, methodTriage, nested(1, f)); st.Code() != codes.InvalidArgument || st.Message() != tt.want {
			t.Errorf("Triage with %d parties: %s %q; want INVALID_ARGUMENT %q", tt.parties, st.Code(), st.Message(), tt.want)
		}
	}
}

// TestHealthWatchesBounded: health is open to every caller, on any address,
// and never shed, but a Watch is a stream that stays open: measured on a
// running triaged, 20,000 anonymous Watches over 20 connections took its
// memory from 40 MB to 284 MB (about 12 KB each), so forty connections
// would take a pod past its 512 MiB limit. At most MaxHealthWatches are
// open at once; one more is RESOURCE_EXHAUSTED (counted and logged like any
// refusal) while Check keeps answering, and a closed Watch frees its place.
func TestHealthWatchesBounded(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	addr := h.conn.Target()
	ctx, cancel := context.WithCancel(testContext(t))
	defer cancel()

	// MaxConcurrentStreams bounds one connection; spread the Watches.
	perConn := MaxConcurrentStreams / 2
	var clients []healthpb.HealthClient
	for range MaxHealthWatches/perConn + 2 {
		clients = append(clients, healthpb.NewHealthClient(dialAs(t, addr, "")))
	}
	watch := func(ctx context.Context, c healthpb.HealthClient) error {
		s, err := c.Watch(ctx, &healthpb.HealthCheckRequest{})
		if err == nil {
			_, err = s.Recv()
		}
		return err
	}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed []error
	)
	for i := range MaxHealthWatches {
		wg.Go(func() {
			if err := watch(ctx, clients[i/perConn]); err != nil {
				mu.Lock()
				failed = append(failed, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(failed) > 0 {
		t.Fatalf("%d of the first %d Watches failed, e.g. %v", len(failed), MaxHealthWatches, failed[0])
	}
	extraCtx, cancelExtra := context.WithCancel(testContext(t))
	defer cancelExtra()
	err := watch(extraCtx, clients[len(clients)-1])
	if status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("Watch number %d: %v, want RESOURCE_EXHAUSTED", MaxHealthWatches+1, err)
	}
	checkRetryable(t, err, ReasonTooManyHealthWatches, 0)
	if resp, err := clients[len(clients)-1].Check(testContext(t), &healthpb.HealthCheckRequest{}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("Check with every Watch place taken: %v %v, want SERVING", resp, err)
	}
	if !strings.Contains(h.logs.String(), `"grpc_method":"/grpc.health.v1.Health/Watch","code":"ResourceExhausted"`) {
		t.Errorf("the refused Watch is not logged:\n%s", h.logs.String())
	}

	// Closing the Watches frees their places.
	cancel()
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := watch(extraCtx, clients[len(clients)-1])
		if err == nil {
			break
		}
		if status.Code(err) != codes.ResourceExhausted || time.Now().After(deadline) {
			t.Fatalf("Watch after the others closed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestCallersRefusedBeforeTheirRequestIsRead: a caller who may not call a
// method, or is over its rate, is refused before the request is read
// (authorizer.tap): a malformed body gets the refusal, not INVALID_ARGUMENT,
// and a body of two million parties from a bad token is neither read nor
// decoded (148 MB decoded; counted on the wire, as an admitted caller's
// is, 8 MiB).
// Near miss: an admitted caller's malformed body is INVALID_ARGUMENT.
func TestCallersRefusedBeforeTheirRequestIsRead(t *testing.T) {
	sec := testSecurity(t)
	sec.RateLimit, sec.RateBurst = 0.001, 1
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, sec: &sec})
	ctx := testContext(t)
	garbage := []byte{0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f} // a length past the end
	huge := nested(1, emptyParties((MaxRecvMsgSize-64)/2))

	judge := dialAs(t, h.conn.Target(), testJudgeToken)
	if st := invokeRaw(ctx, judge, methodTriage, garbage); st.Code() != codes.PermissionDenied {
		t.Errorf("Triage from a judge with a malformed body: %s %q; want PERMISSION_DENIED", st.Code(), st.Message())
	}
	bad := dialAs(t, h.conn.Target(), "fjt_not-a-token")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for _, payload := range [][]byte{garbage, huge} {
		if st := invokeRaw(ctx, bad, methodTriage, payload); st.Code() != codes.Unauthenticated {
			t.Errorf("Triage with a bad token and a %d-byte body: %s %q; want UNAUTHENTICATED", len(payload), st.Code(), st.Message())
		}
	}
	runtime.ReadMemStats(&after)
	// Measured: 70–100 KiB refused unread, 8 MiB when read and counted.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("refusing a bad token's 4 MiB request allocated %d KiB; want far less than the request (not read)", alloc>>10)
	}

	filing := dialAs(t, h.conn.Target(), testFilingToken)
	// Near miss: admitted, the malformed body is the caller's error.
	if st := invokeRaw(ctx, filing, methodTriage, garbage); st.Code() != codes.InvalidArgument {
		t.Errorf("Triage from a filing system with a malformed body: %s %q; want INVALID_ARGUMENT", st.Code(), st.Message())
	}
	// Its budget (a burst of one) is spent: the next is refused unread.
	if st := invokeRaw(ctx, filing, methodTriage, garbage); st.Code() != codes.ResourceExhausted {
		t.Errorf("Triage over the rate with a malformed body: %s %q; want RESOURCE_EXHAUSTED", st.Code(), st.Message())
	}
	if v, _ := metricValue(h.reg, "fenjian_grpc_malformed_requests_total", nil); v != 1 {
		t.Errorf("malformed requests decoded = %v; want 1 (the admitted one)", v)
	}
	for code, want := range map[string]float64{"Unauthenticated": 2, "PermissionDenied": 1, "ResourceExhausted": 1} {
		if v, _ := metricValue(h.reg, "fenjian_grpc_refused_total", map[string]string{"code": code}); v != want {
			t.Errorf("refused %s = %v; want %v", code, v, want)
		}
	}
}

// TestRefusedMethodLoggedEscaped: the method of a refused call is the
// caller's text (the HTTP/2 :path, refused in the tap before any method is
// looked up), so its log record escapes the characters that are not
// printable and clips it, as it does a refused request's ids: a U+202E or a
// C1 CSI would act on the terminal of whoever reads the log, and a 100 KB
// path sent without credentials was a 100 KB log line. Near miss: a real
// method is logged as it is.
func TestRefusedMethodLoggedEscaped(t *testing.T) {
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)
	bad := dialAs(t, h.conn.Target(), "fjt_not-a-token")
	// Half the headers' bound: a longer path is reset before the tap.
	hostile := "/fenjian.triage.v1.TriageService/Triage\u202e\u009b31m" + strings.Repeat("a", MaxHeaderListSize/2)
	for _, m := range []string{hostile, methodTriage} {
		if st := invokeRaw(ctx, bad, m, nil); st.Code() != codes.Unauthenticated && st.Code() != codes.PermissionDenied {
			t.Errorf("%.60q with a bad token: %s %q; want it refused", m, st.Code(), st.Message())
		}
	}
	var records []string
	for line := range strings.Lines(h.logs.String()) {
		if strings.Contains(line, `"call refused"`) {
			records = append(records, line)
		}
	}
	if len(records) != 2 {
		t.Fatalf("%d refusals logged; want 2:\n%s", len(records), h.logs.String())
	}
	if r := records[0]; strings.ContainsAny(r, "\u202e\u009b") || !strings.Contains(r, `Triage\\u202E\\u009B31m`) || len(r) > 1024 {
		t.Errorf("hostile method logged as %d bytes: %.300s; want its U+202E and U+009B escaped and the path clipped", len(r), r)
	}
	if r := records[1]; !strings.Contains(r, `"grpc_method":"`+methodTriage+`"`) {
		t.Errorf("a real method logged as %s; want it as it is", r)
	}
}

// TestRefusalsLoggedAtABoundedRate: a flood of refused calls (a bad token)
// is counted call by call but logged at most RefusalLogBurst at once, and
// the next record says how many went unlogged, so the records and that
// count add up to the calls.
func TestRefusalsLoggedAtABoundedRate(t *testing.T) {
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	ctx := testContext(t)
	bad := dialAs(t, h.conn.Target(), "fjt_not-a-token")
	const n = 3 * RefusalLogBurst
	for range n {
		if st := invokeRaw(ctx, bad, methodTriage, nil); st.Code() != codes.Unauthenticated {
			t.Fatalf("bad token: %s; want UNAUTHENTICATED", st.Code())
		}
	}
	count := func() (records int, notLogged int64) {
		for line := range strings.Lines(h.logs.String()) {
			if !strings.Contains(line, `"call refused"`) {
				continue
			}
			records++
			var rec struct {
				N int64 `json:"refusals_not_logged"`
			}
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("log line %q: %v", line, err)
			}
			notLogged += rec.N
		}
		return records, notLogged
	}
	if records, _ := count(); records >= n || records < RefusalLogBurst {
		t.Errorf("%d of %d refusals logged at once; want the burst of %d and a few more", records, n, RefusalLogBurst)
	}
	// Once the rate allows a record again, it carries the count held back.
	time.Sleep(time.Second / RefusalLogRate * 3 / 2)
	if st := invokeRaw(ctx, bad, methodTriage, nil); st.Code() != codes.Unauthenticated {
		t.Fatalf("bad token: %s", st.Code())
	}
	if records, notLogged := count(); int64(records)+notLogged != n+1 {
		t.Errorf("%d records + %d not logged = %d; want the %d refusals", records, notLogged, int64(records)+notLogged, n+1)
	}
	if v, _ := metricValue(h.reg, "fenjian_grpc_refused_total", map[string]string{"code": "Unauthenticated"}); v != n+1 {
		t.Errorf("refused Unauthenticated = %v; want every refusal, %d", v, n+1)
	}
}

// TestCallHeadersBounded: a call's headers are bounded decoded, not on the
// wire. HPACK sends a repeated field as one byte, and grpc-go base64-decodes
// every "-bin" field into memory of its own, so under grpc-go's 16 MiB
// default 150 KB sent as 20 open calls held 300 MB in a running triaged
// (anonymous on loopback; any token elsewhere). Headers past
// MaxHeaderListSize are refused with RST_STREAM before the call starts;
// near miss: the same call with headers under the bound is answered by the
// handler (an empty request body: a status in trailers).
func TestCallHeadersBounded(t *testing.T) {
	st := openTarget(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	value := strings.Repeat("QUFB", 256) // 1 KiB of base64
	for _, tc := range []struct {
		name   string
		fields int
		refuse bool
	}{
		{"over the bound", MaxHeaderListSize/len(value) + 1, true},
		{"under the bound", MaxHeaderListSize/len(value) - 4, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			refused, answered := rawHeadersCall(t, h.conn.Target(), methodGetDecision, "x-pad-bin", value, tc.fields)
			if refused != tc.refuse || answered == tc.refuse {
				t.Errorf("a call with %d %d-byte metadata fields (%d bytes decoded): refused with RST_STREAM %v, answered %v; want refused %v",
					tc.fields, len(value), tc.fields*(len("x-pad-bin")+len(value)+32), refused, answered, tc.refuse)
			}
		})
	}
}

// rawHeadersCall opens an HTTP/2 connection to addr and sends one call to
// method whose headers repeat the field name: value n times (one byte each
// on the wire after the first, HPACK's indexing), with no body. It reports
// whether the server reset the stream or answered it with trailers.
func rawHeadersCall(t *testing.T, addr, method, name, value string, n int) (refused, answered bool) {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer nc.Close()
	if err := nc.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := nc.Write([]byte(http2.ClientPreface)); err != nil {
		t.Fatalf("preface: %v", err)
	}
	fr := http2.NewFramer(nc, nc)
	if err := fr.WriteSettings(); err != nil {
		t.Fatalf("settings: %v", err)
	}
	var block bytes.Buffer
	enc := hpack.NewEncoder(&block)
	fields := []hpack.HeaderField{
		{Name: ":method", Value: "POST"}, {Name: ":scheme", Value: "http"}, {Name: ":path", Value: method},
		{Name: ":authority", Value: "fenjian"}, {Name: "content-type", Value: "application/grpc"}, {Name: "te", Value: "trailers"},
	}
	for range n {
		fields = append(fields, hpack.HeaderField{Name: name, Value: value})
	}
	for _, f := range fields {
		if err := enc.WriteField(f); err != nil {
			t.Fatalf("encode: %v", err)
		}
	}
	if block.Len() > 16<<10 {
		t.Fatalf("header block of %d bytes: the test wants one HEADERS frame", block.Len())
	}
	if err := fr.WriteHeaders(http2.HeadersFrameParam{StreamID: 1, BlockFragment: block.Bytes(), EndHeaders: true, EndStream: true}); err != nil {
		t.Fatalf("headers: %v", err)
	}
	for {
		f, err := fr.ReadFrame()
		if err != nil {
			t.Fatalf("read frame: %v (neither reset nor answered)", err)
		}
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() {
				if err := fr.WriteSettingsAck(); err != nil {
					t.Fatalf("settings ack: %v", err)
				}
			}
		case *http2.RSTStreamFrame:
			return f.StreamID == 1, false
		case *http2.HeadersFrame:
			if f.StreamID == 1 && f.StreamEnded() {
				return false, true
			}
		case *http2.GoAwayFrame:
			t.Fatalf("GOAWAY %v", f.ErrCode)
		}
	}
}

// TestTeamFeedsBounded: team feeds are bounded server-wide, not only per
// connection (MaxConcurrentStreams): 2,048 feeds on two connections took a
// running triaged from 106 MB to 209 MB. Beyond Security.MaxTeamFeeds a
// feed is RESOURCE_EXHAUSTED, counted and logged; near miss: every feed up
// to the bound opens, on several connections, and a closed feed frees its
// place.
func TestTeamFeedsBounded(t *testing.T) {
	sec := testSecurity(t)
	sec.MaxTeamFeeds = 3
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
	var feeds []*feed
	for range sec.MaxTeamFeeds {
		c := triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), testToken)) // a connection each
		feeds = append(feeds, watch(t, c, "family", ""))
	}
	for i, f := range feeds {
		select {
		case err := <-f.end:
			t.Fatalf("feed %d of %d ended: %v", i+1, sec.MaxTeamFeeds, err)
		case <-time.After(300 * time.Millisecond):
		}
	}
	err := watchStatus(testContext(t), h.conn, "family")
	if status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("feed %d: %v; want RESOURCE_EXHAUSTED", sec.MaxTeamFeeds+1, err)
	}
	checkRetryable(t, err, ReasonTooManyTeamFeeds, 0)
	if v, _ := metricValue(h.reg, "fenjian_grpc_refused_total", map[string]string{"code": "ResourceExhausted"}); v != 1 {
		t.Errorf("refused ResourceExhausted = %v; want 1", v)
	}
	if !strings.Contains(h.logs.String(), `"grpc_method":"/fenjian.triage.v1.TriageService/WatchAssignments","code":"ResourceExhausted"`) {
		t.Errorf("the refused feed is not logged:\n%s", h.logs.String())
	}
	feeds[0].stop()
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := watchStatus(testContext(t), h.conn, "family")
		if err == nil {
			break
		}
		if status.Code(err) != codes.ResourceExhausted || time.Now().After(deadline) {
			t.Fatalf("feed after one closed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTeamFeedsBoundedPerCaller: one identity cannot take every team feed
// of the server. Beyond Security.MaxTeamFeedsPerCaller its feed is
// RESOURCE_EXHAUSTED, counted and logged with the caller, across
// connections, while another identity still opens feeds; near miss: the
// first identity opens one again once one of its own is closed.
func TestTeamFeedsBoundedPerCaller(t *testing.T) {
	sec := testSecurity(t)
	sec.MaxTeamFeeds = 10
	sec.MaxTeamFeedsPerCaller = 2
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
	open := func(token string) *feed {
		t.Helper()
		c := triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), token)) // a connection each
		f := watch(t, c, "family", "")
		select {
		case err := <-f.end:
			t.Fatalf("feed ended: %v", err)
		case <-time.After(300 * time.Millisecond):
		}
		return f
	}
	var a []*feed
	for range sec.MaxTeamFeedsPerCaller {
		a = append(a, open(testPresidentToken))
	}
	err := watchStatus(testContext(t), dialAs(t, h.conn.Target(), testPresidentToken), "family")
	if status.Code(err) != codes.ResourceExhausted || !strings.Contains(status.Convert(err).Message(), "this identity") {
		t.Fatalf("caller A's feed %d: %v; want RESOURCE_EXHAUSTED for this identity", sec.MaxTeamFeedsPerCaller+1, err)
	}
	checkRetryable(t, err, ReasonTooManyCallerTeamFeeds, 0)
	if v, _ := metricValue(h.reg, "fenjian_grpc_refused_total", map[string]string{"code": "ResourceExhausted"}); v != 1 {
		t.Errorf("refused ResourceExhausted = %v; want 1", v)
	}
	if !strings.Contains(h.logs.String(), `"grpc_method":"/fenjian.triage.v1.TriageService/WatchAssignments","code":"ResourceExhausted","caller":"president-1"`) {
		t.Errorf("the refused feed is not logged with its caller:\n%s", h.logs.String())
	}
	checkRefusalLogged(t, h.logs.String(), methodWatch, ReasonTooManyCallerTeamFeeds)
	// Caller B (test-clerk) is not held back by A.
	for range sec.MaxTeamFeedsPerCaller {
		open(testToken)
	}
	a[0].stop()
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := watchStatus(testContext(t), dialAs(t, h.conn.Target(), testPresidentToken), "family")
		if err == nil {
			break
		}
		if status.Code(err) != codes.ResourceExhausted || time.Now().After(deadline) {
			t.Fatalf("caller A's feed after one closed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestUnknownMethodUnimplemented calls methods no service of the server
// defines, as a client built from a newer api/ would: UNIMPLEMENTED naming
// the method, counted as a refusal, for an anonymous loopback caller and
// an identity alike, while a bad credential is still UNAUTHENTICATED first.
// They were PERMISSION_DENIED "method not open to any role", which sent an
// integrator after a role no identity can be given (outside check 26).
func TestUnknownMethodUnimplemented(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: &countingStore{}})
	ctx := testContext(t)
	filing := dialAs(t, h.conn.Target(), testFilingToken)
	bad := dialAs(t, h.conn.Target(), "no-such-token")
	tests := []struct {
		name   string
		conn   *grpc.ClientConn
		method string
		code   codes.Code
	}{
		{"anonymous, new method", h.conn, "/fenjian.triage.v1.TriageService/TriageBatch", codes.Unimplemented},
		{"anonymous, unknown service", h.conn, "/fenjian.triage.v2.TriageService/Triage", codes.Unimplemented},
		{"filing, new admin method", filing, "/fenjian.triage.v1.AdminService/RollbackModel", codes.Unimplemented},
		{"filing, unknown service", filing, "/evil.Svc/M", codes.Unimplemented},
		{"bad token, new method", bad, "/fenjian.triage.v1.TriageService/TriageBatch", codes.Unauthenticated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := invokeRaw(ctx, tt.conn, tt.method, nil)
			if st.Code() != tt.code {
				t.Fatalf("%s: %v %q; want %v", tt.method, st.Code(), st.Message(), tt.code)
			}
			if tt.code == codes.Unimplemented && !strings.Contains(st.Message(), "unknown method "+tt.method) {
				t.Errorf("%s: message %q does not name the method", tt.method, st.Message())
			}
		})
	}
	if v := gathered(t, h.reg, "fenjian_grpc_refused_total", map[string]string{"code": "Unimplemented"}); v != 4 {
		t.Errorf(`fenjian_grpc_refused_total{code="Unimplemented"} = %v; want 4`, v)
	}
}
