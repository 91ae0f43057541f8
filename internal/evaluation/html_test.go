package evaluation_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/triage"
)

// hostileScorer has a version that would break out of the markup if it were
// not escaped.
type hostileScorer struct{ idScorer }

func (hostileScorer) Version() string { return `<script>alert("x")</script>&` }

func fixtureReports(t *testing.T) []*evaluation.Report {
	t.Helper()
	r := mustRules(t)
	reports, err := evaluation.Evaluate(context.Background(), openFixture(t), evaluation.Options{},
		triage.New(r, namedScorer{fixtureScorer, "baseline-cause-amount"}), triage.New(r, hostileScorer{fixtureScorer}))
	if err != nil {
		t.Fatal(err)
	}
	return reports
}

func TestWriteHTML(t *testing.T) {
	reports := fixtureReports(t)
	empty := &evaluation.Report{Model: "nothing evaluated"}
	empty.Metrics = evaluation.Compute(nil)
	tests := []struct {
		name     string
		cmp      *evaluation.Comparison
		wantSVGs int // confusion per model + calibration + per-class per model
		wantText []string
	}{
		{"one model", evaluation.Compare(reports[0]), 3, []string{"baseline-cause-amount", "普通程序 ordinary", "accuracy"}},
		{"side by side", evaluation.Compare(reports...), 5, []string{"baseline-cause-amount", `<script>alert("x")</script>&`, "(+"}},
		{"no data", evaluation.Compare(empty), 1, []string{"nothing evaluated: no evaluated cases."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := evaluation.WriteHTML(&buf, tt.cmp); err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, buf.Bytes())
			doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			svgs, scripts := 0, 0
			var text strings.Builder
			for n := range doc.Descendants() {
				switch n.Type {
				case html.TextNode:
					text.WriteString(n.Data)
				case html.ElementNode:
					switch n.Data {
					case "svg":
						svgs++
					case "script", "link", "img", "iframe":
						scripts++
					}
					for _, a := range n.Attr {
						if a.Key == "id" {
							ids[a.Val] = true
						}
						if a.Key == "src" || a.Key == "href" {
							t.Errorf("external reference %s=%q", a.Key, a.Val)
						}
					}
				}
			}
			for _, id := range []string{"headline", "confusion", "calibration", "per-class", "problems"} {
				if !ids[id] {
					t.Errorf("no section %q", id)
				}
			}
			if svgs != tt.wantSVGs {
				t.Errorf("%d <svg> elements, want %d", svgs, tt.wantSVGs)
			}
			if scripts != 0 {
				t.Errorf("%d script/link/img/iframe elements: something was not escaped or is external", scripts)
			}
			for _, s := range tt.wantText {
				if !strings.Contains(text.String(), s) {
					t.Errorf("page text lacks %q", s)
				}
			}
		})
	}
}

// checkWellFormed parses the page as XML: every element closed and nested,
// every attribute quoted, every entity known.
func checkWellFormed(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 {
		t.Errorf("unbalanced elements: depth %d at the end", depth)
	}
}
