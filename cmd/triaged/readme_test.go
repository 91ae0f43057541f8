package main

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/encoding/protojson"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestREADMETriageExample sends the README's example filing (the JSON of
// its grpcurl Triage call, as written) to a real triaged on the embedded
// rules and model, and holds the README's prose about the answer to what the
// server says: the recommendation and its probabilities, the due date, the
// review reasons the paragraph names (none named: none expected), and the
// whereabouts variant. A retrained model or a rules change that alters the
// example's answer must change the README with it: an operator checks the
// service against that paragraph first.
func TestREADMETriageExample(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	req := readmeTriageRequest(t, readme)
	para := readmeParagraph(t, readme, "For this filing small claims is `mandatory`")

	conn, _, _ := startServe(t, "-data-dir="+t.TempDir())
	client := triagev1.NewTriageServiceClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	resp, err := client.Triage(ctx, req)
	if err != nil {
		t.Fatalf("Triage of the README's filing: %v", err)
	}
	d := resp.GetDecision()

	// "small claims is `mandatory` … due 2024-05-06 … (small claims 0.60,
	// simplified 0.30, ordinary 0.10)"
	got := []string{d.GetRecommended().String(), d.GetTimeLimit().GetDueOn(), d.GetTimeLimit().GetUnadjustedDueOn()}
	for _, o := range d.GetOptions() {
		got = append(got, fmt.Sprintf("%s mandatory=%v p=%.2f", o.GetProcedure(), o.GetMandatory(), o.GetProbability()))
	}
	want := []string{"PROCEDURE_SMALL_CLAIMS", "2024-05-06", "2024-05-05",
		"PROCEDURE_SMALL_CLAIMS mandatory=true p=0.60",
		"PROCEDURE_SIMPLIFIED mandatory=false p=0.30",
		"PROCEDURE_ORDINARY mandatory=false p=0.10"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the README's example answer (-README +server):\n%s", diff)
	}
	for _, s := range []string{"2024-05-06", "2024-05-05", "small claims 0.60, simplified 0.30, ordinary 0.10"} {
		if !strings.Contains(para, s) {
			t.Errorf("the README's paragraph no longer says %q; update this test with it", s)
		}
	}

	// The review reasons the paragraph names in backquotes are the ones the
	// answer carries, no more and no fewer.
	var named []string
	for _, m := range regexp.MustCompile("`([A-Z][A-Z0-9_]+)`").FindAllStringSubmatch(para, -1) {
		named = append(named, m[1])
	}
	var reasons []string
	for _, r := range d.GetReviewReasons() {
		reasons = append(reasons, r.GetCode())
	}
	slices.Sort(named)
	slices.Sort(reasons)
	if diff := cmp.Diff(named, reasons); diff != "" {
		t.Errorf("review reasons the README names (-) against the answer's (+), needs_review %v:\n%s", d.GetNeedsReview(), diff)
	}
	if d.GetNeedsReview() != (len(reasons) > 0) {
		t.Errorf("needs_review %v with review reasons %v", d.GetNeedsReview(), reasons)
	}

	// "Mark the defendant "whereabouts_unknown":true and both small claims
	// (CPL166_WHEREABOUTS_UNKNOWN) and simplified
	// (INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN) become unavailable, leaving
	// ordinary."
	for _, s := range []string{`"whereabouts_unknown":true`, "CPL166_WHEREABOUTS_UNKNOWN", "INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN", "leaving ordinary"} {
		if !strings.Contains(para, s) {
			t.Errorf("the README's paragraph no longer says %q; update this test with it", s)
		}
	}
	for _, p := range req.GetFiling().GetParties() {
		if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
			p.WhereaboutsUnknown = true
		}
	}
	req.DryRun = true
	resp, err = client.Triage(ctx, req)
	if err != nil {
		t.Fatalf("Triage of the README's filing, defendant's whereabouts unknown: %v", err)
	}
	got = nil
	for _, o := range resp.GetDecision().GetOptions() {
		line := fmt.Sprintf("%s available=%v", o.GetProcedure(), o.GetAvailable())
		for _, r := range o.GetReasons() {
			if strings.Contains(r.GetCode(), "WHEREABOUTS") {
				line += " " + r.GetCode()
			}
		}
		got = append(got, line)
	}
	want = []string{
		"PROCEDURE_SMALL_CLAIMS available=false CPL166_WHEREABOUTS_UNKNOWN",
		"PROCEDURE_SIMPLIFIED available=false INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN",
		"PROCEDURE_ORDINARY available=true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("whereabouts unknown (-README +server):\n%s", diff)
	}
}

// readmeTriageRequest returns the request of the README's grpcurl Triage
// call: the single-quoted JSON after -d in the command naming
// TriageService/Triage.
func readmeTriageRequest(t *testing.T, readme string) *triagev1.TriageRequest {
	t.Helper()
	m := regexp.MustCompile(`(?s)-d '(\{"filing".*?)'[^']*?TriageService/Triage\b`).FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no grpcurl Triage call with -d '{\"filing\":…}'")
	}
	req := &triagev1.TriageRequest{}
	if err := protojson.Unmarshal([]byte(m[1]), req); err != nil {
		t.Fatalf("the README's Triage request is not valid protojson: %v\n%s", err, m[1])
	}
	return req
}

// readmeParagraph returns the paragraph of the README that begins with start.
func readmeParagraph(t *testing.T, readme, start string) string {
	t.Helper()
	i := strings.Index(readme, start)
	if i < 0 {
		t.Fatalf("README.md has no paragraph beginning %q", start)
	}
	p := readme[i:]
	if j := strings.Index(p, "\n\n"); j >= 0 {
		p = p[:j]
	}
	// One space for every line break and run of spaces: rewrapping the
	// paragraph changes nothing it says.
	return strings.Join(strings.Fields(p), " ")
}
