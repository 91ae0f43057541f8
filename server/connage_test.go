package server

import (
	"context"
	"fmt"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestConnectionsAgeOut: past its maximum age the server tells a client to
// make its next calls on a new connection, the one moment a Kubernetes
// Service (which balances connections, not calls) can send them to another
// replica: a newly scaled one, or a ready one when this replica's store
// failed. A team feed open on the old connection goes on delivering.
func TestConnectionsAgeOut(t *testing.T) {
	const age = 500 * time.Millisecond
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t), maxConnectionAge: age})
	ctx := testContext(t)

	var dials atomic.Int32
	conn, err := grpc.NewClient(h.conn.Target(),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(bearer(testToken)),
		grpc.WithContextDialer(func(ctx context.Context, addr string) (net.Conn, error) {
			dials.Add(1)
			return (&net.Dialer{}).DialContext(ctx, "tcp", addr)
		}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	client := triagev1.NewTriageServiceClient(conn)
	f := watch(t, client, "civil-fast-general", "")
	f.quiet(t, 100*time.Millisecond)
	triageOK(t, ctx, client, loanFiling("age-1"))
	if n := dials.Load(); n != 1 {
		t.Fatalf("%d connections before the age; want 1", n)
	}

	// Past the age (plus grpc-go's 10% jitter), with calls going on.
	deadline := time.Now().Add(10 * age)
	for i := 0; dials.Load() < 2 && time.Now().Before(deadline); i++ {
		triageOK(t, ctx, client, loanFiling(fmt.Sprintf("age-wait-%d", i)))
		time.Sleep(age / 5)
	}
	if n := dials.Load(); n < 2 {
		t.Fatalf("still %d connection %v after the %v maximum age; want the client moved to a new one", n, 10*age, age)
	}
	d := triageOK(t, ctx, client, loanFiling("age-2"))
	for {
		a := f.take(t, 1)[0]
		if a.GetDecisionId() == d.GetDecisionId() {
			break
		}
	}
}
