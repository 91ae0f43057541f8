package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/corpus"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
)

func readCorpus(t *testing.T, r io.Reader) []*triagev1.LabeledFiling {
	t.Helper()
	dr := dataset.NewReader(r)
	var out []*triagev1.LabeledFiling
	for {
		lf, err := dr.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, lf)
	}
}

func TestGen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "corpus.jsonl")
	e, _, stderr := testEnv("")
	if code := dispatch(context.Background(), e, []string{"gen", "-n", "50", "-seed", "7", "-out", path}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs := readCorpus(t, f)
	if len(recs) != 50 {
		t.Fatalf("read %d records, want 50", len(recs))
	}
	eng, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, lf := range recs {
		if lf.GetSource() != "synthetic" {
			t.Errorf("source %q", lf.GetSource())
		}
		a, err := eng.Evaluate(lf.GetFiling())
		if err != nil {
			t.Fatalf("%s: %v", lf.GetFiling().GetId(), err)
		}
		if o := a.Option(lf.GetLabel()); o == nil || o.GetAvailability() == triagev1.Availability_AVAILABILITY_UNAVAILABLE {
			t.Errorf("%s: label %s not open", lf.GetFiling().GetId(), lf.GetLabel())
		}
	}

	// Lines are compact JSON: no build-dependent protojson whitespace.
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range bytes.Split(bytes.TrimSuffix(raw, []byte("\n")), []byte("\n")) {
		var c bytes.Buffer
		if err := json.Compact(&c, line); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !bytes.Equal(c.Bytes(), line) {
			t.Fatalf("line %d is not compact JSON", i+1)
		}
	}

	// Same flags, same bytes, this time on stdout.
	e2, stdout, stderr2 := testEnv("")
	if code := dispatch(context.Background(), e2, []string{"gen", "-n", "50", "-seed", "7"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr2)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Error("stdout output differs from the file written with the same flags")
	}
	e3, stdout3, _ := testEnv("")
	if code := dispatch(context.Background(), e3, []string{"gen", "-n", "50", "-seed", "8"}); code != 0 {
		t.Fatal("seed 8 failed")
	}
	if bytes.Equal(stdout3.Bytes(), want) {
		t.Error("seeds 7 and 8 gave the same corpus")
	}
}

func TestGenUsage(t *testing.T) {
	for _, args := range [][]string{
		{"gen", "-n", "-3"},
		{"gen", "-n", "x"},
		{"gen", "extra"},
		{"gen", "-bogus"},
	} {
		e, _, _ := testEnv("")
		if code := dispatch(context.Background(), e, args); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	e, _, _ := testEnv("")
	if code := dispatch(context.Background(), e, []string{"gen", "-h"}); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
	e, _, _ = testEnv("")
	if code := dispatch(context.Background(), e, []string{"gen", "-n", "5", "-out", filepath.Join(t.TempDir(), "missing", "x.jsonl")}); code != 1 {
		t.Errorf("unwritable -out: exit %d, want 1", code)
	}
	e, _, _ = testEnv("")
	if code := dispatch(context.Background(), e, []string{"gen", "-n", "5", "-rules", filepath.Join(t.TempDir(), "nope.json")}); code != 1 {
		t.Errorf("missing -rules file: exit %d, want 1", code)
	}
}

// TestGenBounded: -n is at most corpus.MaxN, refused with a usage error
// naming the bound before the output is created; unbounded, a zero too many
// wrote until the disk was full (outside check 25).
func TestGenBounded(t *testing.T) {
	for _, tc := range []struct {
		n    string
		code int
	}{
		{strconv.Itoa(corpus.MaxN + 1), 2},
		{"1000000000", 2},
		{"9223372036854775807", 2},
	} {
		out := filepath.Join(t.TempDir(), "corpus.jsonl")
		e, _, stderr := testEnv("")
		if code := dispatch(context.Background(), e, []string{"gen", "-n", tc.n, "-out", out}); code != tc.code {
			t.Errorf("-n %s: exit %d, want %d", tc.n, code, tc.code)
		}
		if want := fmt.Sprintf("-n must be at most %d", corpus.MaxN); !strings.Contains(stderr.String(), want) {
			t.Errorf("-n %s: stderr %q; want it to say %q", tc.n, stderr, want)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("-n %s: -out %v; want none created", tc.n, err)
		}
	}
}

func TestGenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e, _, _ := testEnv("")
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if code := dispatch(ctx, e, []string{"gen", "-n", "1000", "-out", path}); code != 1 {
		t.Errorf("cancelled: exit %d, want 1", code)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a cancelled run left %s behind (stat: %v)", path, err)
	}
}
