package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// mode is what a request asks.
type mode string

const (
	modeHealth mode = "health"
	modeDry    mode = "dry run"
	modeStored mode = "stored"
)

// loanFiling is the request body: a 30,000 yuan 民间借贷 small-claims case
// with an ~800-character statement, the shape of the measurements.
// Every request gets its own filing id.
func loanFiling(id string) *triagev1.Filing {
	text := "诉讼请求：1.判令被告偿还借款30000元及利息（以30000元为基数，按全国银行间同业拆借中心公布的一年期贷款市场报价利率的四倍，自2023年7月1日起计算至实际清偿之日止）；2.本案诉讼费由被告承担。事实与理由：" +
		strings.Repeat("被告因经营需要于2023年1月10日向原告借款30000元，约定于2023年6月30日前归还，原告当日通过银行转账方式交付借款，被告出具借条一张。借款到期后，经原告多次催要，被告至今未还。", 6) +
		"为维护原告的合法权益，特诉至贵院，请求依法判决。"
	return &triagev1.Filing{
		Id:             id,
		CaseKind:       triagev1.CaseKind_CASE_KIND_CIVIL,
		Court:          "沈阳市和平区人民法院",
		CourtLevel:     triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province:       "辽宁省",
		FiledOn:        time.Now().UTC().Format(time.DateOnly),
		Cause:          "民间借贷纠纷",
		ClaimAmountFen: 3_000_000,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "王秀英"},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "李建国"},
		},
		Text: text,
	}
}

// caller sends one kind of request on one connection.
type caller struct {
	mode   mode
	triage triagev1.TriageServiceClient
	health healthpb.HealthClient
	seq    atomic.Int64
}

func newCaller(conn *grpc.ClientConn, m mode) *caller {
	return &caller{mode: m, triage: triagev1.NewTriageServiceClient(conn), health: healthpb.NewHealthClient(conn)}
}

// call sends one request and returns the stored decision's id ("" for
// health and dry runs).
func (c *caller) call(ctx context.Context) (string, error) {
	switch c.mode {
	case modeHealth:
		_, err := c.health.Check(ctx, &healthpb.HealthCheckRequest{})
		return "", err
	default:
		d, err := c.decide(ctx)
		return d.GetDecisionId(), err
	}
}

// decide sends one Triage request of c's mode and returns its decision.
func (c *caller) decide(ctx context.Context) (*triagev1.Decision, error) {
	// The number's 收案年度 is the filing's year (loanFiling files today):
	// the engine refuses a number of a year its 立案 date cannot have.
	id := fmt.Sprintf("(%d)辽0102民初%d号", time.Now().UTC().Year(), c.seq.Add(1))
	resp, err := c.triage.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling(id), DryRun: c.mode == modeDry})
	if err != nil {
		return nil, err
	}
	return resp.GetDecision(), nil
}

// result is one cell of the table.
type result struct {
	ok, failed int
	elapsed    time.Duration
	lat        []time.Duration // successful requests only, sorted
	firstErr   error
}

func (r *result) rate() float64 { return float64(r.ok) / r.elapsed.Seconds() }

func (r *result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := int(p * float64(len(r.lat)-1))
	return r.lat[i]
}

// closedLoop runs n callers, each sending its next request as soon as the
// last one is answered, for d; like ghz -c n -z d on one connection.
func closedLoop(ctx context.Context, c *caller, n int, d time.Duration) *result {
	// Cancelled rather than given a deadline: a deadline travels to the
	// server, which may then fail the last requests before the client's
	// own timer fires, and they would count as errors.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	time.AfterFunc(d, cancel)
	lats := make([][]time.Duration, n)
	fails := make([]int, n)
	var firstErr atomic.Pointer[error]
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		wg.Go(func() {
			for ctx.Err() == nil {
				t := time.Now()
				_, err := c.call(ctx)
				switch {
				case err == nil:
					lats[i] = append(lats[i], time.Since(t))
				case ctx.Err() == nil:
					fails[i]++
					firstErr.CompareAndSwap(nil, &err)
				}
			}
		})
	}
	wg.Wait()
	r := &result{elapsed: time.Since(start)}
	for i := range n {
		r.lat = append(r.lat, lats[i]...)
		r.failed += fails[i]
	}
	if e := firstErr.Load(); e != nil {
		r.firstErr = *e
	}
	r.ok = len(r.lat)
	slices.Sort(r.lat)
	return r
}

// openLoop sends rate requests a second for d whatever the answers, each on
// its own goroutine, and measures each latency from when the request was
// due, not from when it was sent: a server that stalls cannot hide the
// requests that queued behind the stall (coordinated omission).
func openLoop(ctx context.Context, c *caller, rate int, d time.Duration) *result {
	total := int(d.Seconds() * float64(rate))
	interval := time.Second / time.Duration(rate)
	lats := make([]time.Duration, total)
	failed := make([]bool, total)
	var firstErr atomic.Pointer[error]
	var wg sync.WaitGroup
	start := time.Now()
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		if w := time.Until(due); w > 0 {
			select {
			case <-time.After(w):
			case <-ctx.Done():
			}
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			_, err := c.call(cctx)
			lats[i] = time.Since(due)
			if err != nil {
				failed[i] = true
				firstErr.CompareAndSwap(nil, &err)
			}
		})
	}
	wg.Wait()
	r := &result{elapsed: time.Since(start)}
	for i := range total {
		if failed[i] {
			r.failed++
		} else if lats[i] > 0 {
			r.lat = append(r.lat, lats[i])
		}
	}
	if e := firstErr.Load(); e != nil {
		r.firstErr = *e
	}
	r.ok = len(r.lat)
	slices.Sort(r.lat)
	return r
}
