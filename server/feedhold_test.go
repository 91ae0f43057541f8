package server

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestHeldFeedsTakeNoPlace opens team feeds that never send their request,
// as every place of the server (Security.MaxTeamFeeds) allows. A feed took
// its place when its headers arrived, from any identity, and the team was
// checked only on the request: a judge, a clerk, a filing system and an
// admin, who may read no feed, held all 1,024 places of a running triaged
// with 256 feeds each, and team leads and the president were refused their
// own (outside check 17). Now an identity that may read no feed is refused
// at its headers, and a feed takes its place only once its request names a
// team the caller may read: held feeds of a president leave the places to
// the feeds that are read.
func TestHeldFeedsTakeNoPlace(t *testing.T) {
	const places = 4
	sec := testSecurity(t)
	sec.MaxTeamFeeds = places
	sec.MaxTeamFeedsPerCaller = places
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
	desc := &grpc.StreamDesc{StreamName: "WatchAssignments", ServerStreams: true}
	hold := func(token string) []grpc.ClientStream {
		t.Helper()
		conn := dialAs(t, h.conn.Target(), token)
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		var held []grpc.ClientStream
		for range places {
			s, err := conn.NewStream(ctx, desc, methodWatch)
			if err != nil {
				t.Fatalf("open a held feed: %v", err)
			}
			held = append(held, s)
		}
		return held
	}
	// end returns how a held feed ended, or nil if it is still open after
	// a moment.
	end := func(s grpc.ClientStream) error {
		ended := make(chan error, 1)
		go func() { ended <- s.RecvMsg(&triagev1.WatchAssignmentsResponse{}) }()
		select {
		case err := <-ended:
			return err
		case <-time.After(time.Second):
			return nil
		}
	}

	for i, s := range hold(testJudgeToken) {
		if err := end(s); status.Code(err) != codes.PermissionDenied {
			t.Errorf("judge's held feed %d: %v; want PERMISSION_DENIED at once (a judge reads no feed)", i, err)
		}
	}
	for i, s := range hold(testPresidentToken) {
		if err := end(s); err != nil {
			t.Errorf("president's held feed %d ended: %v; want it open, waiting for its request", i, err)
		}
	}
	// Every place is still free: as many feeds as there are places open.
	ctx := testContext(t)
	reader := dialAs(t, h.conn.Target(), testToken) // a president among its roles
	for i := range places {
		f := watch(t, triagev1.NewTriageServiceClient(reader), "family", "")
		select {
		case err := <-f.end:
			t.Fatalf("read feed %d of %d ended: %v", i+1, places, err)
		case <-time.After(200 * time.Millisecond):
		}
		defer f.stop()
	}
	if err := watchStatus(ctx, reader, "family"); status.Code(err) != codes.ResourceExhausted {
		t.Errorf("feed %d: %v; want RESOURCE_EXHAUSTED (the bound still holds)", places+1, err)
	}
}
