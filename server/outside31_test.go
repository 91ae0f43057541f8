package server

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// integrationRow returns the row of docs/integration.md's "Filling a
// Filing" table whose first cell is field.
func integrationRow(t *testing.T, field string) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "docs", "integration.md"))
	if err != nil {
		t.Fatalf("read docs/integration.md: %v", err)
	}
	for line := range strings.SplitSeq(string(doc), "\n") {
		if strings.HasPrefix(line, "| `"+field+"` |") {
			return line
		}
	}
	t.Fatalf("docs/integration.md has no row for %s", field)
	return ""
}

// TestIntegrationDocCircumstancesOnCivil holds docs/integration.md's row for
// circumstances to what the server does (outside check 31): the row said
// every criminal-only fact on a civil filing is refused, while the server
// refuses two and reads the others on criminal filings only. Every boolean
// circumstance is set, one at a time, on a civil dry run over gRPC; those
// refused naming their own field must be the ones the row names as
// refused (before "; the other facts"), no more and no fewer.
func TestIntegrationDocCircumstancesOnCivil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	row := integrationRow(t, "circumstances")
	refusedPart, _, ok := strings.Cut(row, "; the other facts")
	if !ok {
		t.Fatalf("circumstances row %q does not say what happens to the other facts", row)
	}
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(refusedPart, -1) {
		named[m[1]] = true
	}
	fields := (&triagev1.Circumstances{}).ProtoReflect().Descriptor().Fields()
	refused := 0
	for i := range fields.Len() {
		fd := fields.Get(i)
		if fd.Kind() != protoreflect.BoolKind {
			continue
		}
		name := string(fd.Name())
		t.Run(name, func(t *testing.T) {
			f := loanFiling("O31-CIRC-" + name)
			c := &triagev1.Circumstances{}
			c.ProtoReflect().Set(fd, protoreflect.ValueOfBool(true))
			f.Circumstances = c
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: proto.CloneOf(f), DryRun: true})
			st := status.Convert(err)
			isRefused := st.Code() == codes.InvalidArgument && fieldViolation(st) == "filing.circumstances."+name
			if isRefused {
				refused++
			}
			if isRefused != named[name] {
				t.Errorf("%s on a civil filing: %v; docs/integration.md names it as refused: %v", name, err, named[name])
			}
		})
	}
	if refused == 0 {
		t.Errorf("no circumstance refused on a civil filing; the row names %v", named)
	}
}

// TestIntegrationDocFiledOnYears holds docs/integration.md's filed_on row to
// the years the server refuses (outside check 31: "outside 1991–2100" was
// said nowhere): the first refused and first accepted day at each end.
func TestIntegrationDocFiledOnYears(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	row := integrationRow(t, "filed_on")
	m := regexp.MustCompile(`a year before (\d{4}) or after (\d{4})`).FindStringSubmatch(row)
	if m == nil {
		t.Fatalf("filed_on row %q does not state the years accepted", row)
	}
	tests := []struct {
		filedOn string
		refused bool
	}{
		{filedOn: shiftYear(t, m[1], -1) + "-12-31", refused: true},
		{filedOn: m[1] + "-01-01", refused: false},
		{filedOn: shiftYear(t, m[2], 1) + "-01-01", refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.filedOn, func(t *testing.T) {
			f := loanFiling("O31-YEAR-" + tt.filedOn)
			f.FiledOn = tt.filedOn
			_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f, DryRun: true})
			st := status.Convert(err)
			got := st.Code() == codes.InvalidArgument && fieldViolation(st) == "filing.filed_on"
			if got != tt.refused {
				t.Errorf("filed_on %s: %v; want refused naming filing.filed_on: %v", tt.filedOn, err, tt.refused)
			}
			if tt.refused && !strings.Contains(st.Message(), m[1]+"–"+m[2]) {
				t.Errorf("filed_on %s: message %q does not name the years %s–%s the docs give", tt.filedOn, st.Message(), m[1], m[2])
			}
		})
	}
}

// shiftYear is year y (four digits) moved by by years.
func shiftYear(t *testing.T, y string, by int) string {
	t.Helper()
	n, err := strconv.Atoi(y)
	if err != nil {
		t.Fatalf("year %q: %v", y, err)
	}
	return fmt.Sprintf("%04d", n+by)
}
