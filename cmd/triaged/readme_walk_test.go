package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// TestREADMEWalkThrough runs the grpcurl calls of the README's "Outcomes,
// teams and feeds" walk-through as written (their -d JSON, with $id the
// README filing's decision, and the local token each names) against a real
// triaged with its local tokens and default teams, in order, and holds the
// GetCase call's answer to what its comment says: both outcomes, the
// procedure in force ordinary, the case designated to the commercial team,
// and the filing id naming the same case. WatchAssignments, which follows
// live, is left out.
func TestREADMEWalkThrough(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "## Outcomes, teams and feeds")
	end := strings.Index(readme, "### The audit chain")
	if start < 0 || end < start {
		t.Fatal("README.md has no \"Outcomes, teams and feeds\" section before \"The audit chain\"")
	}
	section := readme[start:end]
	calls := regexp.MustCompile(`(?s)grpcurl -plaintext -H "authorization: Bearer \$(\w+)" \\\s*-d '(.*?)'\s*(?:\\\s*)?127\.0\.0\.1:50051 fenjian\.triage\.v1\.TriageService/(\w+)`).FindAllStringSubmatch(section, -1)

	dataDir := t.TempDir()
	conn, _, _ := startServe(t, "-data-dir="+dataDir)
	client := triagev1.NewTriageServiceClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	resp, err := client.Triage(ctx, readmeTriageRequest(t, readme))
	if err != nil {
		t.Fatalf("Triage of the README's filing: %v", err)
	}
	d := resp.GetDecision()
	tokens, err := auth.ReadLocalSecrets(filepath.Join(dataDir, auth.LocalSecretsFile))
	if err != nil {
		t.Fatal(err)
	}

	var ran []string
	var record *triagev1.GetCaseResponse
	for _, c := range calls {
		tokenVar, body, method := c[1], strings.ReplaceAll(c[2], `'"$id"'`, d.GetDecisionId()), c[3]
		var req, out proto.Message
		switch method {
		case "RecordOutcome":
			req, out = &triagev1.RecordOutcomeRequest{}, &triagev1.RecordOutcomeResponse{}
		case "AssignCase":
			req, out = &triagev1.AssignCaseRequest{}, &triagev1.AssignCaseResponse{}
		case "GetCase":
			req, out = &triagev1.GetCaseRequest{}, &triagev1.GetCaseResponse{}
		default:
			continue // WatchAssignments follows live and never ends
		}
		if err := protojson.Unmarshal([]byte(body), req); err != nil {
			t.Fatalf("README's %s request is not valid protojson: %v\n%s", method, err, body)
		}
		token, ok := tokens[tokenVar]
		if !ok {
			t.Fatalf("README's %s call uses $%s, which local-tokens.env does not define", method, tokenVar)
		}
		callCtx := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
		if err := conn.Invoke(callCtx, "/fenjian.triage.v1.TriageService/"+method, req, out); err != nil {
			t.Fatalf("README's %s call as written: %v\n%s", method, err, body)
		}
		ran = append(ran, method)
		if g, ok := out.(*triagev1.GetCaseResponse); ok {
			record = g
		}
	}
	if want := []string{"RecordOutcome", "RecordOutcome", "AssignCase", "GetCase"}; strings.Join(ran, " ") != strings.Join(want, " ") {
		t.Fatalf("README's walk-through ran %v; want %v (update this test with the README)", ran, want)
	}
	last := record.GetAssignments()[len(record.GetAssignments())-1]
	if len(record.GetOutcomes()) != 2 || record.GetProcedure() != triagev1.Procedure_PROCEDURE_ORDINARY ||
		record.GetTimeLimit().GetProcedure() != triagev1.Procedure_PROCEDURE_ORDINARY ||
		last.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED || last.GetTeamId() != "commercial" ||
		record.GetAssignments()[0].GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM {
		t.Errorf("README's GetCase answer %v; want 2 outcomes, ordinary in force, drawn first and designated to commercial last", record)
	}
	m := regexp.MustCompile(`'(\{"filing_id":"[^"]*"\})' names the same case`).FindStringSubmatch(section)
	if m == nil {
		t.Fatal("README's GetCase comment no longer names the case by its filing id; update this test with it")
	}
	byFiling := &triagev1.GetCaseRequest{}
	if err := protojson.Unmarshal([]byte(m[1]), byFiling); err != nil {
		t.Fatal(err)
	}
	judge := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tokens["FENJIAN_JUDGE_TOKEN"])
	same, err := client.GetCase(judge, byFiling)
	if err != nil {
		t.Fatalf("GetCase %s: %v", m[1], err)
	}
	if !proto.Equal(same, record) {
		t.Errorf("GetCase %s differs from GetCase by decision id:\n%v\n%v", m[1], same, record)
	}
}
