package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// The closed-loop cells can be driven by ghz (https://ghz.sh), the load tool
// issue 13's figures were taken with, so that the table is comparable with
// what an operator measures from outside. ghz is pinned by its own tool
// module, internal/tools/ghz (kept apart from internal/tools: its 2020
// dependency set would otherwise pull the linters' versions down or be
// pulled up past what it builds with), and built from it on each run.
const ghzToolDir = "internal/tools/ghz"

// buildGhz builds the pinned ghz into dir.
func buildGhz(ctx context.Context, dir string) (string, error) {
	return goBuild(ctx, ghzToolDir, "github.com/bojand/ghz/cmd/ghz", filepath.Join(dir, "ghz"))
}

// ghzRunner drives one server's cells with a ghz binary.
type ghzRunner struct {
	runs     int // ghz runs so far: each numbers its requests from 0
	bin      string
	dir      string // where the protoset and request bodies are written
	addr     string // the server's gRPC address
	protoset string
}

// newGhzRunner writes what ghz needs to call addr without reflection
// (reflection needs an identity; an anonymous loopback caller may call
// Triage and the health check): a protoset of the triage and health
// services and their imports.
func newGhzRunner(bin, dir, addr string) (*ghzRunner, error) {
	set, err := protoset(triagev1.File_fenjian_triage_v1_triage_proto, healthpb.File_grpc_health_v1_health_proto)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "fenjian.protoset")
	if err := os.WriteFile(path, set, 0o644); err != nil {
		return nil, fmt.Errorf("write protoset: %w", err)
	}
	return &ghzRunner{bin: bin, dir: dir, addr: addr, protoset: path}, nil
}

// protoset is a serialized FileDescriptorSet of files and everything they
// import, each file after its imports.
func protoset(files ...protoreflect.FileDescriptor) ([]byte, error) {
	var set descriptorpb.FileDescriptorSet
	seen := map[string]bool{}
	var add func(protoreflect.FileDescriptor)
	add = func(f protoreflect.FileDescriptor) {
		if seen[f.Path()] {
			return
		}
		seen[f.Path()] = true
		imports := f.Imports()
		for i := range imports.Len() {
			add(imports.Get(i).FileDescriptor)
		}
		set.File = append(set.File, protodesc.ToFileDescriptorProto(f))
	}
	for _, f := range files {
		add(f)
	}
	b, err := proto.Marshal(&set)
	if err != nil {
		return nil, fmt.Errorf("protoset: %w", err)
	}
	return b, nil
}

// call is the method and request body ghz sends for a mode. Triage bodies
// number each filing, as bench's own caller does: ghz's {{.RequestNumber}}
// after the run's own three digits, since every run counts from 0. The
// store reads case numbers by the rules (a number's leading zeros do not
// make another case), so the run's digits start at 100, and ghz's filings
// are another court's (辽0103) than the bench caller's (辽0102): every
// request is a case number of its own.
func (g *ghzRunner) call(m mode) (method string, body []byte, err error) {
	if m == modeHealth {
		return "grpc.health.v1.Health/Check", []byte("{}"), nil
	}
	g.runs++
	id := fmt.Sprintf("(%d)辽0103民初%d{{.RequestNumber}}号", time.Now().UTC().Year(), 100+g.runs%900)
	req := &triagev1.TriageRequest{Filing: loanFiling(id), DryRun: m == modeDry}
	body, err = protojson.Marshal(req)
	if err != nil {
		return "", nil, fmt.Errorf("request body: %w", err)
	}
	return "fenjian.triage.v1.TriageService/Triage", body, nil
}

// closedLoop runs ghz with n concurrent callers on one connection for d,
// like bench's own closedLoop.
func (g *ghzRunner) closedLoop(ctx context.Context, m mode, n int, d time.Duration) (*result, error) {
	method, body, err := g.call(m)
	if err != nil {
		return nil, err
	}
	data := filepath.Join(g.dir, "ghz-"+strings.ReplaceAll(string(m), " ", "-")+".json")
	if err := os.WriteFile(data, body, 0o644); err != nil {
		return nil, fmt.Errorf("write request body: %w", err)
	}
	cmd := exec.CommandContext(ctx, g.bin,
		"--insecure", "--protoset", g.protoset, "--call", method, "--data-file", data,
		"--concurrency", strconv.Itoa(n), "--connections", "1", "--duration", d.String(),
		// ghz ends a timed run by closing its connection under the
		// requests in flight; "ignore" leaves those out of the report
		// instead of counting them as errors (bench's own caller does not
		// count requests cut by the end of the run either), so every
		// error left is the server's.
		"--duration-stop", "ignore",
		"--format", "json", g.addr)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("ghz %s: %w: %s", m, err, strings.TrimSpace(stderr.String()))
	}
	return parseGhzReport(out)
}

// ghzReport is the part of ghz's JSON report (--format json) bench reads.
type ghzReport struct {
	Total   time.Duration `json:"total"`
	Details []struct {
		Latency time.Duration `json:"latency"`
		Status  string        `json:"status"`
		Error   string        `json:"error"`
	} `json:"details"`
}

// parseGhzReport turns ghz's JSON report into a result: the answered
// requests with their latencies, and every failed one.
func parseGhzReport(out []byte) (*result, error) {
	var rep ghzReport
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("ghz report: %w", err)
	}
	if rep.Total <= 0 {
		return nil, fmt.Errorf("ghz report: total duration %v is not positive", rep.Total)
	}
	r := &result{elapsed: rep.Total}
	for _, d := range rep.Details {
		if d.Status == "OK" && d.Error == "" {
			r.ok++
			r.lat = append(r.lat, d.Latency)
			continue
		}
		r.failed++
		if r.firstErr == nil {
			r.firstErr = fmt.Errorf("%s: %s", d.Status, d.Error)
		}
	}
	slices.Sort(r.lat)
	return r, nil
}
