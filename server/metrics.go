package server

import (
	"fmt"
	"maps"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
)

// metrics are the Service's own metrics. Labels are bounded: status code
// names, enum names, booleans, and codes and team ids that pass a
// labelGuard (rule codes and team ids come from the rules and teams files,
// a few dozen values; the guard keeps a bad file or a bug from exploding
// the series count).
type metrics struct {
	requests       *prometheus.CounterVec
	duration       prometheus.Histogram
	decisions      *prometheus.CounterVec
	reviewReasons  *prometheus.CounterVec
	blockingRules  *prometheus.CounterVec
	probability    *prometheus.HistogramVec
	outcomes       *prometheus.CounterVec
	assignments    *prometheus.CounterVec
	freeCapacity   *freeCapacity
	feeds          *prometheus.GaugeVec
	feedLag        prometheus.Histogram
	replays        *prometheus.CounterVec
	storeRefused   *prometheus.CounterVec
	codes, teamIDs *labelGuard
}

// replayMethods are the RPCs that answer a retry with what the first call
// stored (replay.go): fenjian_replays_total's method values.
var replayMethods = []string{"Triage", "RecordOutcome", "AssignCase"}

// procedures are the recommendable procedures, for initialising series.
var procedures = []triagev1.Procedure{
	triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
	triagev1.Procedure_PROCEDURE_SIMPLIFIED,
	triagev1.Procedure_PROCEDURE_ORDINARY,
	triagev1.Procedure_PROCEDURE_FAST_TRACK,
}

// newMetrics builds the Service metrics and registers them with reg; a nil reg
// registers nothing. now is the clock fenjian_team_free_capacity reads the
// current intake month from at scrape time, teams the table whose teams and
// capacities it shows.
func newMetrics(reg prometheus.Registerer, now func() time.Time, teams *routing.Table) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_triage_requests_total",
			Help: "Triage calls by gRPC status code and case kind.",
		}, []string{"code", "case_kind"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "fenjian_triage_duration_seconds",
			Help:    "Time to handle a Triage call, including the durable store commit.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16), // 100µs … ~3.3s
		}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_decisions_total",
			Help: "Decisions recorded and returned (dry runs excluded), by case kind, recommended procedure and review flag.",
		}, []string{"case_kind", "recommended", "needs_review"}),
		reviewReasons: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_review_reasons_total",
			Help: "Review reasons of recorded decisions, by reason code (a decision may have several).",
		}, []string{"reason"}),
		blockingRules: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_blocking_rules_total",
			Help: "Rules that made a procedure unavailable in recorded decisions, by procedure and rule code.",
		}, []string{"procedure", "code"}),
		probability: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "fenjian_recommendation_probability",
			Help:    "The model's probability of the recommended procedure in recorded decisions.",
			Buckets: []float64{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99},
		}, []string{"recommended"}),
		outcomes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_outcomes_total",
			Help: "Outcomes recorded, by kind of change (confirmed, overridden, 简转普, ...) and whether the procedure applied is the one recommended (agreement=agree|disagree).",
		}, []string{"change", "agreement"}),
		assignments: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_team_assignments_total",
			Help: "Assignments made by this replica, by team and kind: random (a draw, at triage or after a conversion the team does not take), designated, or unrouted (team \"\": a conversion no team could take).",
		}, []string{"team", "kind"}),
		freeCapacity: newFreeCapacity(now, teams),
		feeds: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "fenjian_team_feeds",
			Help: "Open WatchAssignments streams, by team.",
		}, []string{"team"}),
		feedLag: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "fenjian_feed_lag_seconds",
			Help: "Time from an assignment's commit to its delivery on a live team feed (replays of old assignments excluded).",
			// 1ms to ~65s: a wake-up, a LISTEN reconnect, a feed stuck behind a slow client.
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 17),
		}),
		replays: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_replays_total",
			Help: "Calls answered OK with what an earlier call of the same request by the same identity stored (a client's retry after a lost answer), by method; they store nothing and are not counted in decisions, outcomes or assignments.",
		}, []string{"method"}),
		storeRefused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_store_refused_total",
			Help: "Stored writes refused at once with UNAVAILABLE (ErrorInfo STORE_UNAVAILABLE) because the store's probe had failed twice running, by method; nothing of them reached the store.",
		}, []string{"method"}),
		codes:   newLabelGuard(200),
		teamIDs: newLabelGuard(200),
	}
	// The stored writes are the methods that replay a retry.
	for _, method := range replayMethods {
		m.replays.WithLabelValues(method)
		m.storeRefused.WithLabelValues(method)
	}
	// Initialise the series that rates and alerts divide by, so they see
	// zeros rather than absence.
	for _, kind := range []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL, triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE} {
		for _, p := range procedures {
			for _, review := range []bool{false, true} {
				m.decisions.WithLabelValues(kind.String(), p.String(), strconv.FormatBool(review))
			}
		}
	}
	for c := range triagev1.ChangeKind_name {
		if c == 0 {
			continue
		}
		for _, a := range []string{"agree", "disagree"} {
			m.outcomes.WithLabelValues(triagev1.ChangeKind(c).String(), a)
		}
	}
	for _, p := range procedures {
		m.probability.WithLabelValues(p.String())
	}
	// FenjianTeamOverCapacity alerts on its increase: a series born at the
	// first unassigned case would start at 1, which increase() never counts.
	m.reviewReasons.WithLabelValues(NoTeamCode)
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.requests, m.duration, m.decisions, m.reviewReasons, m.blockingRules,
		m.probability, m.outcomes, m.assignments, m.freeCapacity, m.feeds, m.feedLag, m.replays, m.storeRefused} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register service metrics: %w", err)
		}
	}
	return m, nil
}

// observeReplay counts a call of method answered as a replay.
func (m *metrics) observeReplay(method string) { m.replays.WithLabelValues(method).Inc() }

// observeDecision counts a recorded (not dry-run) decision: its kind,
// recommendation, review reasons, blocking rules, the model's probability
// of the recommendation, and the team drawn.
func (m *metrics) observeDecision(d *triagev1.Decision) {
	rec := procedureLabel(d.GetRecommended())
	m.decisions.WithLabelValues(caseKindLabel(d.GetCaseKind()), rec, strconv.FormatBool(d.GetNeedsReview())).Inc()
	for _, r := range d.GetReviewReasons() {
		m.reviewReasons.WithLabelValues(m.codes.value(r.GetCode())).Inc()
	}
	for _, o := range d.GetOptions() {
		if o.GetProcedure() == d.GetRecommended() {
			m.probability.WithLabelValues(rec).Observe(o.GetProbability())
		}
		if o.GetAvailable() {
			continue
		}
		for _, r := range o.GetReasons() {
			m.blockingRules.WithLabelValues(procedureLabel(o.GetProcedure()), m.codes.value(r.GetCode())).Inc()
		}
	}
	if a := d.GetAssignment(); a != nil {
		m.observeDraw(d.GetFiledOn(), a)
	}
	// A draw that found no room offered the full teams too: without it a
	// replica would go on showing the places of its last successful draw,
	// and FenjianTeamOverCapacity, the maximum over replicas, would not see
	// the team full.
	m.observeFree(d.GetFiledOn(), d.GetUnassignedDraw(), "")
}

// observeDraw counts assignment a, drawn for a case filed on filedOn at
// triage or again when an outcome converted it (a re-draw), and the free
// places its draw left in the case's intake month: a re-draw counts into
// the drawn team's load as a draw at triage does, and one that found no room
// (UNROUTED) offered the full teams. When only triage's draws set the gauge,
// a team filled by re-draws went on showing the places it had before them.
func (m *metrics) observeDraw(filedOn string, a *triagev1.Assignment) {
	m.observeAssignment(a)
	m.observeFree(filedOn, a.GetDraw(), a.GetTeamId())
}

// observeDesignation counts designated assignment a of a case filed on
// filedOn to a team of the given capacity, and the place it took in the
// case's intake month (freeCapacity.take).
func (m *metrics) observeDesignation(filedOn string, a *triagev1.Assignment, capacity int64) {
	m.observeAssignment(a)
	if month, ok := intakeMonthOf(filedOn); ok {
		m.freeCapacity.take(m.teamIDs.value(a.GetTeamId()), month, capacity)
	}
}

// observeFree records, for the intake month of filedOn, the free capacity
// of every team draw offered, less the place the draw gave taken (none
// when empty).
func (m *metrics) observeFree(filedOn string, draw *triagev1.Draw, taken string) {
	month, ok := intakeMonthOf(filedOn)
	if !ok {
		return
	}
	for _, c := range draw.GetCandidates() {
		free := c.GetFree()
		if c.GetTeamId() == taken {
			free-- // the draw took one place
		}
		m.freeCapacity.set(m.teamIDs.value(c.GetTeamId()), month, c.GetCapacity(), free)
	}
}

// intakeMonth is the layout of an intake month, as the store keys team_load.
const intakeMonth = "2006-01"

// intakeMonthOf is the intake month of a filed_on date; false when the date
// does not parse, which the store refuses before drawing (store.period):
// there is no place whose month is unknown to record.
func intakeMonthOf(filedOn string) (string, bool) {
	on, err := time.Parse(time.DateOnly, filedOn)
	if err != nil {
		return "", false
	}
	return on.Format(intakeMonth), true
}

// freeCapacity is fenjian_team_free_capacity, computed at scrape time.
// Capacity is per intake month (the filing's filed_on month, a Beijing
// date): a figure a draw left is true only in that month. A gauge set at
// the draw kept last month's figure into the next, a team full in November
// showing 0 free, and FenjianTeamOverCapacity firing, all December until a
// draw offered the team again. So each figure is kept with its month, and
// a team with none for the current month shows its full capacity: this
// replica drew none of its places this month, and capacity is the bound
// every other figure of the month also respects (loads only grow within a
// month), which the alert's maximum over replicas relies on.
type freeCapacity struct {
	desc *prometheus.Desc
	now  func() time.Time

	// source holds the teams table calls are routed by; its teams and
	// capacities are the ones shown (follow).
	source *routing.Table

	mu    sync.Mutex
	teams map[string]*teamFree // by team label
	table *routing.Teams       // source's teams as last followed
}

// teamFree is what the draws said of one team.
type teamFree struct {
	capacity int64            // as the latest draw that offered the team recorded it
	free     map[string]int64 // by intake month: after the month's latest draw
}

func newFreeCapacity(now func() time.Time, source *routing.Table) *freeCapacity {
	return &freeCapacity{
		desc: prometheus.NewDesc("fenjian_team_free_capacity",
			"A team's free capacity for the current intake month (Beijing time): after this replica's last draw of the month that offered it, or its full capacity when none has.",
			[]string{"team"}, nil),
		now:    now,
		source: source,
		teams:  map[string]*teamFree{},
	}
}

// currentMonth is the intake month of today in Beijing.
func (c *freeCapacity) currentMonth() string {
	return c.now().In(rules.Beijing()).Format(intakeMonth)
}

// set records a team's capacity and its free places in month after a draw.
func (c *freeCapacity) set(team, month string, capacity, free int64) {
	c.record(team, month, capacity, func(int64) int64 { return free })
}

// take records one place of team's month taken without a draw (a
// designation, which counts into the load without a capacity check): the
// month's figure less one, or the capacity less one when this replica has
// none for the month; never below 0, as a draw records it. No load was
// read, but loads only grow within a month, so the figure is still a bound
// the true one respects, as the maximum over replicas needs.
func (c *freeCapacity) take(team, month string, capacity int64) {
	c.record(team, month, capacity, func(known int64) int64 { return max(known-1, 0) })
}

// record sets team's capacity and its free places in month to free of the
// month's figure (the capacity when there is none). A month already past (a
// late filing's) only updates the capacity: it is never reported again.
//
// capacity is the one the call's table gave the team; after a reload the
// serving table's may differ (a call that read the old table finishing
// after the swap). The figures are then worked out in the call's terms and
// shifted to the serving capacity (teamFree.rebase), and a team the serving
// table no longer lists is not recorded at all: its series went with the
// table (retain) and a late call must not bring it back.
func (c *freeCapacity) record(team, month string, capacity int64, free func(known int64) int64) {
	current := c.currentMonth()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.follow()
	serving := capacity
	if c.table != nil && team != otherLabel {
		st, ok := c.table.Team(team)
		if !ok {
			return
		}
		serving = st.Capacity
	}
	t := c.teams[team]
	if t == nil {
		t = &teamFree{capacity: capacity, free: map[string]int64{}}
		c.teams[team] = t
	}
	t.rebase(capacity)
	defer t.rebase(serving)
	if month < current {
		return
	}
	// A filing may be dated tomorrow (rules.notAfterToday), so next month's
	// figure can come before this month ends; it waits.
	known, ok := t.free[month]
	if !ok {
		known = capacity
	}
	t.free[month] = free(known)
}

// follow brings the figures to the source's teams when a reload has
// swapped them since (checked at every draw and scrape; c.mu held): a team
// the new table does not list loses its series (no case is drawn to it any
// more, and a series left behind would keep FenjianTeamOverCapacity firing
// for a team that is gone), and a team whose capacity changed has its
// figures shifted by the change (teamFree.rebase), so a team given more
// places shows them at the next scrape rather than at its next draw.
func (c *freeCapacity) follow() {
	ts := c.source.Teams()
	if ts == c.table || ts == nil {
		return
	}
	c.table = ts
	for team, t := range c.teams {
		if team == otherLabel {
			continue
		}
		st, ok := ts.Team(team)
		if !ok {
			delete(c.teams, team)
			continue
		}
		t.rebase(st.Capacity)
	}
}

// rebase moves t's figures to capacity: each month's free places shift by
// the change, never below 0. A figure is capacity less the load this
// replica saw (or 0 when that load reached the capacity), and the true load
// only grows, so the shifted figure stays a bound the true free places
// respect (at 0, the load was at least the old capacity, so at most the
// change is left), which FenjianTeamOverCapacity's maximum over replicas
// relies on.
func (t *teamFree) rebase(capacity int64) {
	d := capacity - t.capacity
	if d == 0 {
		return
	}
	for month, f := range t.free {
		t.free[month] = max(f+d, 0)
	}
	t.capacity = capacity
}

// Describe implements prometheus.Collector.
func (c *freeCapacity) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

// Collect implements prometheus.Collector: each team's free places in the
// current month, dropping the figures of months past.
func (c *freeCapacity) Collect(ch chan<- prometheus.Metric) {
	current := c.currentMonth()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.follow()
	for team, t := range c.teams {
		maps.DeleteFunc(t.free, func(month string, _ int64) bool { return month < current })
		v, ok := t.free[current]
		if !ok {
			v = t.capacity
		}
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(v), team) //nolint:promlinter // c.desc is a field promlinter cannot resolve; its name and help are in its NewDesc
	}
}

// observeAssignment counts an assignment by team and kind.
func (m *metrics) observeAssignment(a *triagev1.Assignment) {
	switch a.GetKind() {
	case triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM:
		m.assignments.WithLabelValues(m.teamIDs.value(a.GetTeamId()), "random").Inc()
	case triagev1.AssignmentKind_ASSIGNMENT_KIND_UNROUTED:
		// No team: a conversion none could take, for a president to designate.
		m.assignments.WithLabelValues("", "unrouted").Inc()
	default:
		m.assignments.WithLabelValues(m.teamIDs.value(a.GetTeamId()), "designated").Inc()
	}
}

// observeOutcome counts an outcome recorded on d by kind of change and by
// whether the court applied the procedure fenjian recommended.
func (m *metrics) observeOutcome(d *triagev1.Decision, o *triagev1.Outcome) {
	agreement := "disagree"
	if o.GetProcedure() == d.GetRecommended() {
		agreement = "agree"
	}
	m.outcomes.WithLabelValues(o.GetChange().String(), agreement).Inc()
}

// observeFeedDelivery records the lag of an assignment delivered on a live
// feed (not during the replay that a resuming feed starts with).
func (m *metrics) observeFeedDelivery(a *triagev1.Assignment, now time.Time) {
	if at := a.GetAssignedAt(); at != nil {
		m.feedLag.Observe(max(0, now.Sub(at.AsTime()).Seconds()))
	}
}

// caseKindLabel keeps the case_kind label bounded: values outside the enum
// (a client sending an unknown number) share one label.
func caseKindLabel(k triagev1.CaseKind) string {
	if _, ok := triagev1.CaseKind_name[int32(k)]; !ok {
		return "UNKNOWN"
	}
	return k.String()
}

// procedureLabel keeps the recommended label bounded.
func procedureLabel(p triagev1.Procedure) string {
	if _, ok := triagev1.Procedure_name[int32(p)]; !ok {
		return "UNKNOWN"
	}
	return p.String()
}

// otherLabel is the label value of everything a labelGuard refuses.
const otherLabel = "OTHER"

// labelGuard bounds a label whose values come from configuration (rule
// codes, team ids): values of a sane shape pass until max distinct ones
// have been seen; after that, and for any other shape, the value is OTHER.
type labelGuard struct {
	mu   sync.Mutex
	max  int
	seen map[string]struct{}
}

func newLabelGuard(max int) *labelGuard {
	return &labelGuard{max: max, seen: make(map[string]struct{}, max)}
}

func (g *labelGuard) value(v string) string {
	if !labelShape(v) {
		return otherLabel
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.seen[v]; ok {
		return v
	}
	if len(g.seen) >= g.max {
		return otherLabel
	}
	g.seen[v] = struct{}{}
	return v
}

// labelShape accepts 1 to 64 ASCII letters, digits, '_', '-' and '.': the
// shape of rule codes and team ids.
func labelShape(v string) bool {
	if len(v) == 0 || len(v) > 64 {
		return false
	}
	for _, c := range []byte(v) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '.':
		default:
			return false
		}
	}
	return true
}
