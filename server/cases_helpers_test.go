package server

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/store"
)

// The case workflow's tests share these: filings that land on known teams,
// the stores they run on, a team feed client and status checks.

// Filings of the embedded engine and teams (routing.Default), as the
// exploration of the engine showed them: each comment says what the engine
// recommends and where routing sends it.

// loanFiling is a 30,000 yuan 民间借贷 case in 辽宁: small claims, not under
// review; only the 速裁团队 civil-fast-general takes it.
func loanFiling(id string) *triagev1.Filing {
	f := validFiling()
	f.Id = id
	return f
}

// simplifiedFiling is a 150,000 yuan loan: above the small-claims limit, so
// simplified; civil-fast-general.
func simplifiedFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	f.ClaimAmountFen = 15_000_000
	f.Text = "诉讼请求：1.判令被告偿还借款150000元及利息；2.诉讼费由被告承担。事实与理由：被告于2023年1月向原告借款，到期未还。"
	return f
}

// reviewTextFiling is loanFiling with a text signal of public attention:
// still small claims, but needs review (REVIEW_TEXT_SIGNAL), so the 速裁团队
// that would take it otherwise must not; the general civil teams do.
func reviewTextFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	f.Text += "本案已有媒体报道。"
	return f
}

// manyPlaintiffsFiling has twelve plaintiffs (Interp. 75: ten or more):
// ordinary, needs review (REVIEW_GROUP_DISPUTE).
func manyPlaintiffsFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	for range 11 {
		f.Parties = append(f.Parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
	}
	return f
}

// publicInterestFiling states public interest: ordinary, needs review.
func publicInterestFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	f.Circumstances = &triagev1.Circumstances{PublicInterest: true}
	return f
}

// divorceFiling is a divorce: simplified; the family team.
func divorceFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	f.Cause = "离婚纠纷"
	f.ClaimAmountFen = 0
	f.Text = "诉讼请求：1.判令原、被告离婚；2.婚生子由原告抚养。事实与理由：原、被告于2015年登记结婚，感情确已破裂。"
	return f
}

// constructionFiling is a five-million-yuan construction dispute: ordinary;
// the commercial team.
func constructionFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	f.Cause = "建设工程施工合同纠纷"
	f.ClaimAmountFen = 500_000_000
	f.Text = "诉讼请求：判令被告支付工程款5000000元。事实与理由：原告承建被告发包的工程，已竣工验收，被告拖欠工程款。"
	return f
}

// criminalFiling is a 危险驾驶 case with a guilty plea and consent:
// fast-track; the criminal 速裁团队. Without consent it is simplified.
func criminalFiling(id string, consents bool) *triagev1.Filing {
	return &triagev1.Filing{
		Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: "沈阳市和平区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "辽宁省", FiledOn: "2024-03-05", Cause: "危险驾驶罪",
		Parties: []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
		Text:    "被告人醉酒驾驶机动车，血液酒精含量为120mg/100ml。",
		Circumstances: &triagev1.Circumstances{
			GuiltyPlea: true, ConsentsFastTrack: consents, RecommendedSentenceMonths: 3,
		},
	}
}

// adminFiling is an information-disclosure case: simplified; the
// administrative team.
func adminFiling(id string) *triagev1.Filing {
	return &triagev1.Filing{
		Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE, Court: "沈阳市和平区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "辽宁省", FiledOn: "2024-03-05", Cause: "政府信息公开",
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION},
		},
		Circumstances: &triagev1.Circumstances{InformationDisclosure: true},
	}
}

// generalCivil are the default file's 普通审判团队 for civil cases: where
// civil cases under review go when no specialist but a 速裁团队 takes them.
var generalCivil = []string{"civil-trial-1", "civil-trial-2", "civil-trial-3"}

func defaultTeams(t testing.TB) *routing.Teams {
	t.Helper()
	ts, err := routing.Default()
	if err != nil {
		t.Fatalf("routing.Default: %v", err)
	}
	return ts
}

// writeTeams writes a teams file into the test's directory and loads it as
// a server would (routing.LoadFile).
func writeTeams(t testing.TB, f routing.File) *routing.Teams {
	t.Helper()
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "teams.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	ts, err := routing.LoadFile(path)
	if err != nil {
		t.Fatalf("load teams file: %v", err)
	}
	return ts
}

// tinyTeams is a teams file whose civil teams take a handful of cases a
// month: a loan case may go to the two 速裁团队 only (7 + 5 places), a loan
// case under review to the one general civil team only (3 places).
func tinyTeams() routing.File {
	all := func(kind string, procs ...string) routing.TeamEntry {
		return routing.TeamEntry{CaseKinds: []string{kind}, Procedures: procs}
	}
	civil := all("CASE_KIND_CIVIL", "PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY")
	fast := all("CASE_KIND_CIVIL", "PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED")
	crim := all("CASE_KIND_CRIMINAL", "PROCEDURE_FAST_TRACK", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY")
	admin := all("CASE_KIND_ADMINISTRATIVE", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY")
	team := func(e routing.TeamEntry, id, name string, capacity int64, fastTrack bool, causes ...string) routing.TeamEntry {
		e.ID, e.Name, e.Capacity, e.FastTrack, e.Causes = id, name, capacity, fastTrack, causes
		return e
	}
	return routing.File{Version: "tiny-1", Court: "测试法院", Teams: []routing.TeamEntry{
		team(fast, "fast-a", "速裁甲", 7, true, "民间借贷纠纷"),
		team(fast, "fast-b", "速裁乙", 5, true, "民间借贷纠纷"),
		team(civil, "civil", "民事审判团队", 3, false),
		team(crim, "criminal", "刑事审判团队", 1, false),
		team(admin, "admin", "行政审判团队", 1, false),
	}}
}

// backend is a database the case workflow runs on: target opens it, and
// every store opened on one target shares its records.
type backend struct {
	name   string
	target string
}

// forEachBackend runs test on a fresh SQLite file and on a fresh PostgreSQL
// schema (skipped, saying so, without FENJIAN_TEST_POSTGRES), in parallel.
func forEachBackend(t *testing.T, test func(t *testing.T, b backend)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		test(t, backend{name: "sqlite", target: tempDB(t)})
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		test(t, backend{name: "postgres", target: pgtest.Schema(t)})
	})
}

// openTarget opens the store of a SQLite path or a PostgreSQL URL and closes
// it at the end of the test.
func openTarget(t testing.TB, target string) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), target, store.Options{})
	if err != nil {
		t.Fatalf("open store %s: %v", store.Redact(target), err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// triageOK triages f and fails the test unless the call succeeds.
func triageOK(t testing.TB, ctx context.Context, c triagev1.TriageServiceClient, f *triagev1.Filing) *triagev1.Decision {
	t.Helper()
	resp, err := c.Triage(ctx, &triagev1.TriageRequest{Filing: f})
	if err != nil {
		t.Fatalf("Triage(%s): %v", f.GetId(), err)
	}
	return resp.GetDecision()
}

// teamFeed lists a team's whole feed straight from the store.
func teamFeed(t testing.TB, st CaseStore, team string) []*triagev1.Assignment {
	t.Helper()
	as, err := st.ListAssignments(context.Background(), team, 0, 10000)
	if err != nil {
		t.Fatalf("ListAssignments(%s): %v", team, err)
	}
	return as
}

func cursorOf(t testing.TB, a *triagev1.Assignment) int64 {
	t.Helper()
	n, err := strconv.ParseInt(a.GetCursor(), 10, 64)
	if err != nil || n <= 0 {
		t.Fatalf("assignment %s has cursor %q", a.GetAssignmentId(), a.GetCursor())
	}
	return n
}

// feed is a WatchAssignments stream read by a goroutine that hands over one
// assignment at a time, so what the test has not taken is not "seen".
type feed struct {
	cancel context.CancelFunc
	got    chan *triagev1.WatchAssignmentsResponse
	end    chan error // the error that ended the stream, once
	ended  error
}

// watch opens a team's feed after the cursor; stop (or the end of the test)
// disconnects it.
func watch(t testing.TB, c triagev1.TriageServiceClient, team, after string) *feed {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stream, err := c.WatchAssignments(ctx, &triagev1.WatchAssignmentsRequest{TeamId: team, AfterCursor: after})
	if err != nil {
		cancel()
		t.Fatalf("WatchAssignments(%s, %q): %v", team, after, err)
	}
	f := &feed{cancel: cancel, got: make(chan *triagev1.WatchAssignmentsResponse), end: make(chan error, 1)}
	go func() {
		defer close(f.got)
		for {
			resp, err := stream.Recv()
			if err != nil {
				f.end <- err
				return
			}
			select {
			case f.got <- resp:
			case <-ctx.Done():
				f.end <- ctx.Err()
				return
			}
		}
	}()
	t.Cleanup(f.stop)
	return f
}

// next returns the next assignment, or the error that ended the stream, or
// an error after d.
func (f *feed) next(d time.Duration) (*triagev1.Assignment, error) {
	ev, err := f.nextEvent(d)
	return ev.GetAssignment(), err
}

// nextEvent is next with the event kind.
func (f *feed) nextEvent(d time.Duration) (*triagev1.WatchAssignmentsResponse, error) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case a, ok := <-f.got:
		if !ok {
			if f.ended == nil {
				f.ended = <-f.end
			}
			return nil, f.ended
		}
		return a, nil
	case <-timer.C:
		return nil, errTimeout
	}
}

var errTimeout = errors.New("no assignment in time")

// take reads n assignments, failing the test if they do not come within
// a few seconds each.
func (f *feed) take(t testing.TB, n int) []*triagev1.Assignment {
	t.Helper()
	out := make([]*triagev1.Assignment, 0, n)
	for len(out) < n {
		a, err := f.next(10 * time.Second)
		if err != nil {
			t.Fatalf("feed: after %d of %d assignments: %v", len(out), n, err)
		}
		out = append(out, a)
	}
	return out
}

// feedQuiet is how long a feed must stay silent to count as having nothing
// more: a feed wakes on commits only, so a duplicate would come at once.
const feedQuiet = 300 * time.Millisecond

// takeEvents reads n events, failing the test if they do not come within a
// few seconds each.
func (f *feed) takeEvents(t testing.TB, n int) []*triagev1.WatchAssignmentsResponse {
	t.Helper()
	out := make([]*triagev1.WatchAssignmentsResponse, 0, n)
	for len(out) < n {
		ev, err := f.nextEvent(10 * time.Second)
		if err != nil {
			t.Fatalf("feed: after %d of %d events: %v", len(out), n, err)
		}
		out = append(out, ev)
	}
	return out
}

// quiet fails the test if the feed delivers anything within d.
func (f *feed) quiet(t testing.TB, d time.Duration) {
	t.Helper()
	if a, err := f.next(d); err == nil {
		t.Fatalf("feed delivered an unexpected assignment %s (cursor %s, decision %s)", a.GetAssignmentId(), a.GetCursor(), a.GetDecisionId())
	} else if !errors.Is(err, errTimeout) {
		t.Fatalf("feed ended: %v", err)
	}
}

// stop disconnects the feed and waits for its reader to finish.
func (f *feed) stop() {
	f.cancel()
	for range f.got {
	}
}

// watchErr opens a feed that must fail and returns its status.
func watchErr(t testing.TB, c triagev1.TriageServiceClient, req *triagev1.WatchAssignmentsRequest) *status.Status {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stream, err := c.WatchAssignments(ctx, req)
	if err == nil {
		var resp *triagev1.WatchAssignmentsResponse
		resp, err = stream.Recv()
		if err == nil {
			t.Fatalf("WatchAssignments(%v) delivered %v, want an error", req, resp)
		}
	}
	return status.Convert(err)
}

// checkStatus checks a failed call's code and, for INVALID_ARGUMENT, the
// field named in the message and the BadRequest detail, for
// FAILED_PRECONDITION the rule named in the message and the
// PreconditionFailure detail.
func checkStatus(t testing.TB, err error, code codes.Code, field, rule string) *status.Status {
	t.Helper()
	st := status.Convert(err)
	if st.Code() != code {
		t.Fatalf("code = %v (%q), want %v", st.Code(), st.Message(), code)
	}
	if field != "" {
		if !strings.Contains(st.Message(), field+":") {
			t.Errorf("message %q does not name the field %s", st.Message(), field)
		}
		if got := fieldViolation(st); got != field {
			t.Errorf("BadRequest field = %q, want %q", got, field)
		}
	}
	if rule != "" {
		if !strings.HasPrefix(st.Message(), rule) {
			t.Errorf("message %q does not start with the rule %s", st.Message(), rule)
		}
		if got := preconditionType(st); got != rule {
			t.Errorf("PreconditionFailure type = %q, want %q", got, rule)
		}
	}
	if code != codes.OK {
		mustNotLeak(t, st.Message())
	}
	return st
}

// preconditionType returns the type of the status's PreconditionFailure
// violation, or "".
func preconditionType(st *status.Status) string {
	for _, d := range st.Details() {
		if pf, ok := d.(*errdetails.PreconditionFailure); ok && len(pf.GetViolations()) > 0 {
			return pf.GetViolations()[0].GetType()
		}
	}
	return ""
}

// resourceName returns the resource_name of the status's ResourceInfo (an
// ALREADY_EXISTS names the decision so), or "".
func resourceName(st *status.Status) string {
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.ResourceInfo); ok {
			return ri.GetResourceName()
		}
	}
	return ""
}

func teamIDs(ts []routing.Team) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.ID
	}
	return out
}

func candidateIDs(d *triagev1.Draw) []string {
	var out []string
	for _, c := range d.GetCandidates() {
		out = append(out, c.GetTeamId())
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
