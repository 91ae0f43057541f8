package batch_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/batch"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// newEngine returns the real triage engine: the embedded rules and the
// practice baseline.
func newEngine(t testing.TB) *triage.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatalf("rules.Default: %v", err)
	}
	return triage.New(r, classifier.NewBaseline())
}

func testContext(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// loanFiling is a 30,000 yuan 民间借贷 claim in 辽宁, inside the mandatory
// small-claims band.
func loanFiling(id string) *triagev1.Filing {
	return &triagev1.Filing{
		Id:             id,
		CaseKind:       triagev1.CaseKind_CASE_KIND_CIVIL,
		Court:          "沈阳市和平区人民法院",
		CourtLevel:     triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province:       "辽宁省",
		FiledOn:        "2024-03-05",
		Cause:          "民间借贷纠纷",
		ClaimAmountFen: 3_000_000,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
		},
		Text: "诉讼请求：1.判令被告偿还借款30000元及利息；2.诉讼费由被告承担。事实与理由：被告于2023年1月向原告借款，约定同年6月底归还，到期未还。",
	}
}

// drunkDrivingFiling is a 危险驾驶罪 prosecution with a guilty plea and a
// four-month recommendation: fast-track material.
func drunkDrivingFiling(id string) *triagev1.Filing {
	return &triagev1.Filing{
		Id:         id,
		CaseKind:   triagev1.CaseKind_CASE_KIND_CRIMINAL,
		Court:      "南京市玄武区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province:   "江苏省",
		FiledOn:    "2024-05-20",
		Cause:      "危险驾驶罪",
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
		},
		Text: "公诉机关指控：被告人赵某饮酒后驾驶小型轿车被查获，血液中乙醇含量为186.3mg/100ml。被告人自愿认罪认罚，公诉机关建议判处拘役四个月，并处罚金。",
		Circumstances: &triagev1.Circumstances{
			GuiltyPlea: true, ConsentsFastTrack: true, RecommendedSentenceMonths: 4,
		},
	}
}

// negativeFiling is invalid: a negative claim amount.
func negativeFiling(id string) *triagev1.Filing {
	f := loanFiling(id)
	f.ClaimAmountFen = -500_000
	return f
}

// jsonLine renders a message as one protojson line, as a filing system would.
func jsonLine(t testing.TB, f *triagev1.Filing, labeled bool) string {
	t.Helper()
	var (
		b   []byte
		err error
	)
	opts := protojson.MarshalOptions{UseProtoNames: true}
	if labeled {
		b, err = opts.Marshal(&triagev1.LabeledFiling{Filing: f, Label: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, Source: "test"})
	} else {
		b, err = opts.Marshal(f)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// want is the expected output for one input record.
type want struct {
	line        int
	filingID    string
	code        string // "" for a decision
	field       string
	recommended triagev1.Procedure
}

// mixedInput builds n records in a repeating pattern of good and bad lines,
// with blank lines between some, and the expected output in input order.
func mixedInput(t testing.TB, n int) (string, []want) {
	t.Helper()
	var (
		b     strings.Builder
		wants []want
		line  int
	)
	add := func(s string, w want) {
		line++
		b.WriteString(s)
		b.WriteByte('\n')
		w.line = line
		wants = append(wants, w)
	}
	for i := range n {
		id := fmt.Sprintf("(2024)辽0102民初%d号", 1000+i)
		switch i % 5 {
		case 0:
			add(jsonLine(t, loanFiling(id), false), want{filingID: id, recommended: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS})
		case 1:
			add(jsonLine(t, loanFiling(id), true), want{filingID: id, recommended: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS})
		case 2:
			add(`{"id":"`+id+`","case_kind":"CASE_KIND_CIVIL",`, want{code: "INVALID_ARGUMENT"})
		case 3:
			add(jsonLine(t, negativeFiling(id), false), want{filingID: id, code: "INVALID_ARGUMENT", field: "filing.claim_amount_fen"})
		case 4:
			id = fmt.Sprintf("(2024)苏0102刑初%d号", 100+i)
			add(jsonLine(t, drunkDrivingFiling(id), false), want{filingID: id, recommended: triagev1.Procedure_PROCEDURE_FAST_TRACK})
			line++ // a blank line: skipped, but counted
			b.WriteString("\n")
		}
	}
	return b.String(), wants
}

// checkResults compares the emitted results with the expected ones, in order.
func checkResults(t *testing.T, got []batch.Result, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("%d results, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		r := got[i]
		if r.Line != w.line || r.FilingID != w.filingID {
			t.Fatalf("result %d: line %d filing %q, want line %d filing %q", i, r.Line, r.FilingID, w.line, w.filingID)
		}
		if w.code != "" {
			if r.Err == nil {
				t.Fatalf("result %d (line %d): decision %v, want error %s", i, r.Line, r.Decision.GetRecommended(), w.code)
			}
			rec := r.ErrorRecord()
			if rec.Error.Code != w.code || rec.Error.Field != w.field {
				t.Fatalf("result %d (line %d): error %+v, want code %s field %q", i, r.Line, rec.Error, w.code, w.field)
			}
			continue
		}
		if r.Err != nil {
			t.Fatalf("result %d (line %d): %v", i, r.Line, r.Err)
		}
		if r.Decision.GetFilingId() != w.filingID || r.Decision.GetRecommended() != w.recommended {
			t.Fatalf("result %d (line %d): decision for %q recommends %v, want %q %v",
				i, r.Line, r.Decision.GetFilingId(), r.Decision.GetRecommended(), w.filingID, w.recommended)
		}
	}
}

// collector gathers emitted results; Run calls emit from one goroutine, the
// mutex only makes the test's later reads race-free.
type collector struct {
	mu      sync.Mutex
	results []batch.Result
}

func (c *collector) emit(r batch.Result) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results = append(c.results, r)
	return nil
}

func (c *collector) get() []batch.Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]batch.Result(nil), c.results...)
}

// delayed is a real scorer with added latency per filing, so that under
// concurrency later lines finish before earlier ones. A delay ends early,
// with ctx's error, when ctx ends, like a network call would.
type delayed struct {
	batch.Scorer
	delay func(f *triagev1.Filing) time.Duration
}

func (d delayed) Score(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error) {
	timer := time.NewTimer(d.delay(f))
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return d.Scorer.Score(ctx, f)
}
