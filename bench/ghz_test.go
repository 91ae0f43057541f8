package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"

	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// The fixtures are reports of ghz v0.93.0 (internal/tools/ghz) run against
// triaged with --format json --duration-stop ignore: six accepted loan
// filings, and four filings with a negative claim.
func TestParseGhzReport(t *testing.T) {
	tests := []struct {
		name         string
		in           string // a testdata file, or the report itself
		ok, failed   int
		firstErr     string
		wantParseErr string
	}{
		{name: "answered", in: "testdata/ghz-report-ok.json", ok: 6},
		{name: "refused", in: "testdata/ghz-report-invalid.json", failed: 4, firstErr: "InvalidArgument: rpc error: code = InvalidArgument desc = invalid filing.claim_amount_fen"},
		{name: "an OK status with an error is a failure", in: `{"total": 1000, "details": [{"latency": 5, "status": "OK", "error": "EOF"}]}`, failed: 1, firstErr: "OK: EOF"},
		{name: "no requests", in: `{"total": 1000, "details": []}`},
		{name: "not JSON", in: `Summary: ...`, wantParseErr: "ghz report"},
		{name: "no duration", in: `{"total": 0, "details": []}`, wantParseErr: "not positive"},
		{name: "latency of the wrong type", in: `{"total": 1000, "details": [{"latency": "5ms", "status": "OK"}]}`, wantParseErr: "ghz report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			if strings.HasPrefix(tt.in, "testdata/") {
				var err error
				if in, err = os.ReadFile(tt.in); err != nil {
					t.Fatal(err)
				}
			}
			r, err := parseGhzReport(in)
			if tt.wantParseErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantParseErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantParseErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.ok != tt.ok || r.failed != tt.failed {
				t.Errorf("ok, failed = %d, %d; want %d, %d", r.ok, r.failed, tt.ok, tt.failed)
			}
			if len(r.lat) != r.ok || !slices.IsSorted(r.lat) {
				t.Errorf("latencies %v: want %d, sorted", r.lat, r.ok)
			}
			switch {
			case tt.firstErr == "" && r.firstErr != nil:
				t.Errorf("first error %v, want none", r.firstErr)
			case tt.firstErr != "" && (r.firstErr == nil || !strings.HasPrefix(r.firstErr.Error(), tt.firstErr)):
				t.Errorf("first error %v, want one starting %q", r.firstErr, tt.firstErr)
			}
			if r.ok > 0 && r.rate() <= 0 {
				t.Errorf("rate %v with %d answered", r.rate(), r.ok)
			}
		})
	}
}

// FuzzParseGhzReport: whatever ghz (or a broken pipe) writes, the parser
// either refuses it or accounts for every request once.
func FuzzParseGhzReport(f *testing.F) {
	for _, name := range []string{"testdata/ghz-report-ok.json", "testdata/ghz-report-invalid.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"total": 1, "details": [{"latency": -3, "status": "OK"}, {"status": "Unavailable", "error": "x"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := parseGhzReport(b)
		if err != nil {
			return
		}
		var rep ghzReport
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatalf("parsed a report encoding/json refuses: %v", err)
		}
		if r.ok+r.failed != len(rep.Details) || len(r.lat) != r.ok || !slices.IsSorted(r.lat) || r.elapsed <= 0 {
			t.Fatalf("ok %d + failed %d of %d requests, %d latencies, elapsed %v", r.ok, r.failed, len(rep.Details), len(r.lat), r.elapsed)
		}
		if (r.failed > 0) != (r.firstErr != nil) {
			t.Fatalf("%d failed, first error %v", r.failed, r.firstErr)
		}
	})
}

// TestProtoset: the set bench gives ghz holds both services it calls, with
// every import, so ghz needs no reflection and no proto files.
func TestProtoset(t *testing.T) {
	b, err := protoset(triagev1.File_fenjian_triage_v1_triage_proto, healthpb.File_grpc_health_v1_health_proto)
	if err != nil {
		t.Fatal(err)
	}
	var set descriptorpb.FileDescriptorSet
	if err := proto.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	files, err := protodesc.NewFiles(&set)
	if err != nil {
		t.Fatalf("the set does not resolve on its own: %v", err)
	}
	for _, name := range []protoreflect.FullName{"fenjian.triage.v1.TriageService", "grpc.health.v1.Health", "fenjian.triage.v1.TriageRequest"} {
		if _, err := files.FindDescriptorByName(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	seen := map[string]bool{}
	for _, f := range set.GetFile() {
		for _, dep := range f.GetDependency() {
			if !seen[dep] {
				t.Errorf("%s comes before its import %s", f.GetName(), dep)
			}
		}
		if seen[f.GetName()] {
			t.Errorf("%s twice", f.GetName())
		}
		seen[f.GetName()] = true
	}
}

func TestParseFlagsDriver(t *testing.T) {
	for _, tt := range []struct {
		args    []string
		want    string
		wantErr string
	}{
		{args: nil, want: "ghz"},
		{args: []string{"-driver", "builtin"}, want: "builtin"},
		{args: []string{"-driver", "wrk"}, wantErr: `-driver: unknown driver "wrk"`},
	} {
		c, err := parseFlags(tt.args, &strings.Builder{})
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.args, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%q: %v", tt.args, err)
		case c.driver != tt.want:
			t.Errorf("%q: driver %q, want %q", tt.args, c.driver, tt.want)
		}
	}
}

// TestGhzRunnerFailures: a ghz that fails, or writes something that is not
// its report, fails the cell by name instead of counting as a quiet zero.
func TestGhzRunnerFailures(t *testing.T) {
	for _, tt := range []struct {
		name, bin, want string
	}{
		{name: "exits non-zero", bin: "false", want: "ghz stored: exit status 1"},
		{name: "not a report", bin: "echo", want: "ghz report"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin, err := exec.LookPath(tt.bin)
			if err != nil {
				t.Skipf("no %s here: %v", tt.bin, err)
			}
			g, err := newGhzRunner(bin, t.TempDir(), "127.0.0.1:1")
			if err != nil {
				t.Fatal(err)
			}
			_, err = g.closedLoop(context.Background(), modeStored, 1, time.Millisecond)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
