package classifier

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/encoding/protojson"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenFilings are the filings the features golden file pins: 400
// generated ones (seed 13: civil, criminal and administrative, texts of a
// few hundred to a few thousand characters), the rules' example filings and
// hand-made texts at the edges of the normalisation (whitespace of every
// kind, digit runs, full-width and upper-case letters, invalid UTF-8,
// lexicon terms split by a space or a digit).
func goldenFilings(t *testing.T) []*triagev1.Filing {
	t.Helper()
	var out []*triagev1.Filing
	for _, lf := range generate(t, 400, 13) {
		out = append(out, lf.GetFiling())
	}
	paths, err := filepath.Glob("../rules/testdata/filings/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("rules example filings: %v (%d found)", err, len(paths))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := &triagev1.Filing{}
		if err := protojson.Unmarshal(b, f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, f)
	}
	ex, err := os.Open("../rules/testdata/design_example.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	rd := dataset.NewReader(ex)
	for {
		lf, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, lf.GetFiling())
	}
	for i, text := range []string{
		"",
		"鉴定",
		"鉴 定鉴\t定鉴\u3000定鉴\u00a0定鉴\u2028定",
		"鉴1定 鉴１２定 123 ４５６abc ABC Ａｂｃ",
		"下落不明，落不明，址不详。被告称：不同意。",
		"\x00\xff\xfe 　１２３abcDEF\x7f鉴\xe4\xbd定",
		"财产保全诉讼保全查封冻结调解调解调解反诉抵销",
		strings.Repeat("被告下落不明，原告申请公告送达并申请司法鉴定。", 40),
	} {
		f := loanFiling(text)
		f.Id = fmt.Sprintf("(2024)浙0102民初%d号", 900+i)
		out = append(out, f)
	}
	return out
}

// digest is a short hash of a list of bucket or feature indices in order.
func digest(xs []uint32) string {
	h := sha256.New()
	var b [4]byte
	for _, x := range xs {
		binary.LittleEndian.PutUint32(b[:], x)
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// exact formats a float so that it parses back to the same bits.
func exact(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// writeDense lists the non-zero dense features by name.
func writeDense(w *bytes.Buffer, d *[NumDense]float64) {
	for i, x := range d {
		if x != 0 || math.Signbit(x) {
			fmt.Fprintf(w, " %s=%s", denseNames[i], exact(x))
		}
	}
	w.WriteByte('\n')
}

// goldenFeatures extracts and scores every golden filing with the default
// model and writes what it found: the dense features with and without the
// rules' assessment, the hashed buckets (count and digest, in order), the
// model's selected features, the ensemble's unweighted probabilities, the
// scorer's final ones, the out-of-distribution verdict and the engine's
// decision.
func goldenFeatures(t *testing.T) []byte {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := testRules(t)
	e := triage.New(r, m)
	plain := m.ext.NewVector()
	filtered := m.ext.NewVector()
	filtered.filter = m.nb.sel
	unweighted := make([]float64, len(m.classes))
	var w bytes.Buffer
	for _, f := range goldenFilings(t) {
		fmt.Fprintf(&w, "== %s %s\n", f.GetId(), f.GetCaseKind())
		a, err := r.Evaluate(f)
		if err != nil {
			fmt.Fprintf(&w, "rules: invalid\n")
			a = (*rules.Assessment)(nil)
		}
		m.ext.Extract(f, nil, plain)
		w.WriteString("dense-unassessed:")
		writeDense(&w, &plain.Dense)
		fmt.Fprintf(&w, "buckets-unassessed: %d %s\n", len(plain.Buckets), digest(plain.Buckets))
		m.ext.Extract(f, a, plain)
		w.WriteString("dense:")
		writeDense(&w, &plain.Dense)
		fmt.Fprintf(&w, "buckets: %d %s\n", len(plain.Buckets), digest(plain.Buckets))
		m.ext.Extract(f, a, filtered)
		fmt.Fprintf(&w, "selected: %d %s\n", len(filtered.Buckets), digest(filtered.Buckets))
		m.Unweighted(f, a, unweighted)
		w.WriteString("unweighted:")
		for _, p := range unweighted {
			fmt.Fprintf(&w, " %s", exact(p))
		}
		var p triage.Probabilities
		m.Score(f, a, &p)
		w.WriteString("\nscore:")
		for _, c := range m.classes {
			fmt.Fprintf(&w, " %s", exact(p[c]))
		}
		fmt.Fprintf(&w, "\nood: %q\n", m.OutOfDistribution(f, a))
		if a == nil {
			continue
		}
		d, err := e.Decide(context.Background(), f)
		if err != nil {
			t.Fatalf("%s: %v", f.GetId(), err)
		}
		fmt.Fprintf(&w, "decision: %s review=%v", d.GetRecommended(), d.GetNeedsReview())
		for _, o := range d.GetOptions() {
			fmt.Fprintf(&w, " %s=%s", o.GetProcedure(), exact(o.GetProbability()))
		}
		w.WriteByte('\n')
	}
	return w.Bytes()
}

// TestFeaturesGolden pins, bit for bit, the features and probabilities of a
// few hundred filings under the default model, so that work on the speed
// of extraction and scoring cannot change what a filing is scored as. Run
// with -update only after an intended change to the features or the model,
// and review the diff. The golden depends on the generator, the rules and
// the default model as well: a change there legitimately moves it. It was
// recorded on amd64; an architecture where the compiler fuses multiply-adds
// (arm64) may round the probabilities differently in the last bit.
func TestFeaturesGolden(t *testing.T) {
	got := goldenFeatures(t)
	path := filepath.Join("testdata", "features.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("features differ from %s (-want +got):\n%s", path, diff)
	}
}
