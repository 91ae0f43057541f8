package server

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	_ "google.golang.org/grpc/health" // registers grpc-go's client-side health checking
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"

	"github.com/fenjian/fenjian/auth"
)

// clientHealthChecking is the service config of a gRPC client that checks
// health itself (grpc-go's healthCheckConfig): it keeps one health Watch on
// each connection and sends no call on a connection whose Watch fails.
const clientHealthChecking = `{"loadBalancingConfig":[{"round_robin":{}}],"healthCheckConfig":{"serviceName":""}}`

// TestHealthWatchesSharedByAddress: outside check 22 opened MaxHealthWatches
// anonymous health Watches from 127.0.0.1 against a running triaged; then
// a Watch from 127.0.0.2 was refused RESOURCE_EXHAUSTED, and a client
// checking health on its own (grpc-go's healthCheckConfig, as a filing
// system may) from 127.0.0.3 could send no call at all: "pickfirst: health
// check failure: … too many health watches open", DEADLINE_EXCEEDED. The
// places are now shared by address: a Watch from an address holding fewer
// takes the newest place of the address holding the most, which ends
// RESOURCE_EXHAUSTED (TOO_MANY_HEALTH_WATCHES), counted as evicted. The rows
// run in order against one flood.
func TestHealthWatchesSharedByAddress(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	addr := h.conn.Target()
	floodCtx, stopFlood := context.WithCancel(testContext(t))
	defer stopFlood()

	// The flood: every place, from one address, each Watch answered.
	perConn := MaxConcurrentStreams / 2
	var conns []healthpb.HealthClient
	for range MaxHealthWatches/perConn + 1 {
		conns = append(conns, healthpb.NewHealthClient(dialFrom(t, addr, "127.0.0.1")))
	}
	ended := make(chan error, MaxHealthWatches)
	for i := range MaxHealthWatches {
		s, err := conns[i/perConn].Watch(floodCtx, &healthpb.HealthCheckRequest{})
		if err == nil {
			_, err = s.Recv()
		}
		if err != nil {
			t.Fatalf("flood Watch %d: %v", i, err)
		}
		go func() {
			for {
				if _, err := s.Recv(); err != nil {
					ended <- err
					return
				}
			}
		}()
	}

	// A row's Watch stays open to the test's end, holding its place.
	watch := func(c healthpb.HealthClient) error {
		s, err := c.Watch(floodCtx, &healthpb.HealthCheckRequest{})
		if err != nil {
			return err
		}
		resp, err := s.Recv()
		if err == nil && resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
			return status.Errorf(codes.Unknown, "status %v, want SERVING", resp.GetStatus())
		}
		return err
	}
	for _, r := range []struct {
		name string
		call func(ctx context.Context) error
		// want is the call's code; evicted whether it takes a place of
		// the flood's, one of whose Watches then ends.
		want    codes.Code
		evicted bool
	}{
		{"a Watch from another address", func(context.Context) error {
			return watch(healthpb.NewHealthClient(dialFrom(t, addr, "127.0.0.2")))
		}, codes.OK, true},
		{"a client checking health itself, from a third address, calls", func(ctx context.Context) error {
			conn := dialFrom(t, addr, "127.0.0.3", grpc.WithDefaultServiceConfig(clientHealthChecking))
			_, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{}, grpc.WaitForReady(true))
			return err
		}, codes.OK, true},
		// Near miss: the address holding the most gets no more.
		{"one more Watch from the flooding address", func(context.Context) error {
			return watch(conns[len(conns)-1])
		}, codes.ResourceExhausted, false},
	} {
		t.Run(r.name, func(t *testing.T) {
			// Before the first eviction the series may be missing: none
			// counted.
			before, _ := metricValue(h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "health_watch"})
			ctx, cancel := context.WithTimeout(testContext(t), 10*time.Second)
			defer cancel()
			err := r.call(ctx)
			if status.Code(err) != r.want {
				t.Fatalf("%v, want %v", err, r.want)
			}
			if r.want == codes.ResourceExhausted {
				checkRetryable(t, err, ReasonTooManyHealthWatches, 0)
			}
			if !r.evicted {
				return
			}
			select {
			case err := <-ended:
				if status.Code(err) != codes.ResourceExhausted {
					t.Fatalf("the flood's Watch ended %v, want RESOURCE_EXHAUSTED", err)
				}
				checkRetryable(t, err, ReasonTooManyHealthWatches, 0)
			case <-ctx.Done():
				t.Fatal("no Watch of the flood ended")
			}
			if v := gathered(t, h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "health_watch"}); v != before+1 {
				t.Errorf("fenjian_grpc_evicted_total{call=health_watch} %v, want %v", v, before+1)
			}
		})
	}
}

// TestReflectionStreamsBoundedOnServer: reflection streams were bounded per
// identity only (MaxReflectionStreamsPerCaller), so every identity of a
// tokens file could hold 16 for as long as it liked: without a server-wide
// bound, 16 identities held 256 and a 17th opened its stream beside them,
// ending none. The server now holds at most
// MaxReflectionStreams, shared by identity: a stream of an identity holding
// none takes the newest place of one holding the most, whose stream ends
// RESOURCE_EXHAUSTED (TOO_MANY_REFLECTION_STREAMS), counted as evicted.
func TestReflectionStreamsBoundedOnServer(t *testing.T) {
	sec, tokens, leadToken := colludingReaders(t, MaxReflectionStreams/MaxReflectionStreamsPerCaller)
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
	ctx, cancel := context.WithCancel(testContext(t))
	defer cancel()

	// Every place taken, each stream answered once and kept open.
	ended := make(chan error, MaxReflectionStreams)
	for _, tok := range tokens {
		conn := dialAs(t, h.conn.Target(), tok)
		for i := range MaxReflectionStreamsPerCaller {
			s, err := reflectionpb.NewServerReflectionClient(conn).ServerReflectionInfo(ctx)
			if err == nil {
				err = s.Send(&reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}})
			}
			if err == nil {
				_, err = s.Recv()
			}
			if err != nil {
				t.Fatalf("held reflection stream %d of %d: %v", i, len(tokens), err)
			}
			go func() {
				for {
					if _, err := s.Recv(); err != nil {
						ended <- err
						return
					}
				}
			}()
		}
	}

	for _, r := range []struct {
		name  string
		token string
		// want is the new stream's code; evicted whether one held
		// stream then ends.
		want    codes.Code
		evicted bool
	}{
		{"an identity holding none", leadToken, codes.OK, true},
		// Near miss: refused by its own bound, before and after.
		{"an identity holding 16 asks one more", tokens[1], codes.ResourceExhausted, false},
	} {
		t.Run(r.name, func(t *testing.T) {
			before, _ := metricValue(h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "reflection"})
			rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			err := reflectionStatus(rctx, dialAs(t, h.conn.Target(), r.token))
			if status.Code(err) != r.want {
				t.Fatalf("%v, want %v", err, r.want)
			}
			if r.want == codes.ResourceExhausted {
				checkRetryable(t, err, ReasonTooManyReflectionStreams, 0)
			}
			if !r.evicted {
				return
			}
			select {
			case err := <-ended:
				if status.Code(err) != codes.ResourceExhausted {
					t.Fatalf("a held stream ended %v, want RESOURCE_EXHAUSTED\n%s", err, h.logs.String())
				}
				checkRetryable(t, err, ReasonTooManyReflectionStreams, 0)
			case <-rctx.Done():
				t.Fatalf("no held stream ended: %d streams open on the server", MaxReflectionStreams+1)
			}
			if v := gathered(t, h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "reflection"}); v != before+1 {
				t.Errorf("fenjian_grpc_evicted_total{call=reflection} %v, want %v", v, before+1)
			}
		})
	}
}

// TestRevokedTokenEndsReflectionStream: a reflection stream waits for its
// client's next request, so a credentials swap revoking its token ended
// nothing (the handler sat in Recv) and the next request was answered as
// before: a revoked admin's grpcurl session, or a leaked token's held
// streams, went on being served. Now the stream ends UNAUTHENTICATED at
// the swap. Near miss: another identity's stream stays open and answers.
func TestRevokedTokenEndsReflectionStream(t *testing.T) {
	ctx := testContext(t)
	table := auth.NewTable(auth.Credentials{Tokens: reloadTokens(t, leakedEntry)})
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: writeTeams(t, tinyTeams()),
		sec: &Security{Credentials: table}})
	list := &reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}}
	open := func(token string) reflectionpb.ServerReflection_ServerReflectionInfoClient {
		s, err := reflectionpb.NewServerReflectionClient(dialAs(t, h.conn.Target(), token)).ServerReflectionInfo(ctx)
		if err == nil {
			err = s.Send(list)
		}
		if err == nil {
			_, err = s.Recv()
		}
		if err != nil {
			t.Fatalf("reflection as %s: %v", token, err)
		}
		return s
	}
	streams := map[string]reflectionpb.ServerReflection_ServerReflectionInfoClient{leakedToken: open(leakedToken), testToken: open(testToken)}
	table.Swap(func(c auth.Credentials) auth.Credentials {
		c.Tokens = reloadTokens(t)
		return c
	})
	for _, r := range []struct {
		name  string
		token string
		want  codes.Code
	}{
		{"the revoked token's stream", leakedToken, codes.Unauthenticated},
		{"another identity's stream", testToken, codes.OK},
	} {
		t.Run(r.name, func(t *testing.T) {
			s := streams[r.token]
			got := make(chan error, 1)
			go func() {
				if r.want != codes.OK {
					// Ended at the swap: no request is needed to see it.
					_, err := s.Recv()
					got <- err
					return
				}
				err := s.Send(list)
				if err == nil {
					_, err = s.Recv()
				}
				got <- err
			}()
			select {
			case err := <-got:
				if status.Code(err) != r.want {
					t.Errorf("%v, want %v", err, r.want)
				}
			case <-time.After(5 * time.Second):
				t.Errorf("nothing within 5 s of the swap, want %v", r.want)
			}
		})
	}
}
