package dataset_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/server"
)

const designExample = `{"filing":{"id":"(2024)辽0102民初1234号","case_kind":"CASE_KIND_CIVIL","court":"沈阳市和平区人民法院","court_level":"COURT_LEVEL_BASIC","province":"辽宁省","filed_on":"2024-03-05","cause":"民间借贷纠纷","claim_amount_fen":"3000000","parties":[{"role":"PARTY_ROLE_PLAINTIFF","kind":"PARTY_KIND_PERSON"},{"role":"PARTY_ROLE_DEFENDANT","kind":"PARTY_KIND_PERSON"}],"text":"诉讼请求：1.判令被告偿还借款30000元……"},"label":"PROCEDURE_SMALL_CLAIMS","source":"example"}`

func TestReader(t *testing.T) {
	input := designExample + "\n\n" +
		`{"id":"bare-1","case_kind":"CASE_KIND_CRIMINAL","court_level":"COURT_LEVEL_BASIC"}` + "\n" +
		`{"id":"broken"` + "\n" +
		`{"id":"x","no_such_field":1}` + "\n" +
		`{"filing":{"id":"l2"},"label":"PROCEDURE_ORDINARY"}`
	r := dataset.NewReader(strings.NewReader(input))
	type result struct {
		id      string
		label   triagev1.Procedure
		errLine int
	}
	want := []result{
		{id: "(2024)辽0102民初1234号", label: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS},
		{id: "bare-1"},
		{errLine: 4},
		{errLine: 5},
		{id: "l2", label: triagev1.Procedure_PROCEDURE_ORDINARY},
	}
	for i, w := range want {
		lf, err := r.Read()
		if w.errLine != 0 {
			var le *dataset.LineError
			if !errors.As(err, &le) || le.Line != w.errLine {
				t.Fatalf("record %d: got %v, want LineError at line %d", i, err, w.errLine)
			}
			continue
		}
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if lf.GetFiling().GetId() != w.id || lf.GetLabel() != w.label {
			t.Fatalf("record %d: got %q %v, want %q %v", i, lf.GetFiling().GetId(), lf.GetLabel(), w.id, w.label)
		}
	}
	if _, err := r.Read(); !errors.Is(err, io.EOF) {
		t.Fatalf("after last record: %v, want EOF", err)
	}
}

// TestParseLineTruncated: a line cut off mid-record is reported as
// incomplete JSON, not as an unknown field of the schema.
func TestParseLineTruncated(t *testing.T) {
	for _, line := range []string{
		designExample[:40],
		designExample[:len(designExample)-1],
		`{"id":"broken"`,
		`{"filing":{"id":"a","case_kind":"CASE_KIND_CIVIL","court_lev`,
	} {
		_, err := dataset.ParseLine([]byte(line), protojson.UnmarshalOptions{})
		if err == nil || !strings.Contains(err.Error(), "truncated") || strings.Contains(err.Error(), "unknown field") {
			t.Errorf("ParseLine(%.30q…) = %v, want a truncated-line error", line, err)
		}
	}
	// A complete line with a misspelt member is still a schema error.
	_, err := dataset.ParseLine([]byte(`{"id":"x","no_such_field":1}`), protojson.UnmarshalOptions{})
	if err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("ParseLine(unknown member) = %v, want an unknown-field error", err)
	}
}

// TestParseLineLabel: a label must be a procedure of the schema. protojson
// accepts any number for an enum, and eval scored a label of 99 as a class
// of its own; near miss: every named procedure, by name or number, and no
// label at all.
func TestParseLineLabel(t *testing.T) {
	const filing = `{"filing":{"id":"a"},"label":`
	for _, tc := range []struct {
		label string
		ok    bool
	}{
		{`99`, false},
		{`-1`, false},
		{`5`, false},
		{`"PROCEDURE_FAST_TRACK"`, true},
		{`4`, true},
		{`0`, true},
		{`"PROCEDURE_UNSPECIFIED"`, true},
	} {
		_, err := dataset.ParseLine([]byte(filing+tc.label+`}`), protojson.UnmarshalOptions{})
		switch {
		case tc.ok && err != nil:
			t.Errorf("label %s: %v; want it read", tc.label, err)
		case !tc.ok && (err == nil || !strings.Contains(err.Error(), "label "+tc.label+" is not a procedure")):
			t.Errorf("label %s: %v; want an error naming the label", tc.label, err)
		}
	}
}

// TestReaderLineTooLong: a line over MaxLineBytes is a LineError naming
// the limit, and reading goes on with the line after it; a line of exactly
// MaxLineBytes (its newline aside) is read.
func TestReaderLineTooLong(t *testing.T) {
	long := `{"id":"` + strings.Repeat("x", 2*dataset.MaxLineBytes) + `"}`
	// designExample padded with spaces to MaxLineBytes bytes.
	atLimit := designExample + strings.Repeat(" ", dataset.MaxLineBytes-len(designExample))
	tests := []struct {
		name  string
		input string
		// want is, per record read before io.EOF, the line of a
		// LineError for the over-long line, or 0 for a filing.
		want []int
	}{
		{name: "between good lines", input: designExample + "\n" + long + "\n" + designExample + "\n", want: []int{0, 2, 0}},
		{name: "CRLF lines", input: designExample + "\r\n" + long + "\r\n" + designExample + "\r\n", want: []int{0, 2, 0}},
		{name: "first line", input: long + "\n" + designExample, want: []int{1, 0}},
		{name: "last line, no newline", input: designExample + "\n" + long, want: []int{0, 2}},
		{name: "two in a row", input: long + "\n" + long + "\n\n" + designExample + "\n", want: []int{1, 2, 0}},
		{name: "one byte over", input: atLimit + " \n" + designExample + "\n", want: []int{1, 0}},
		{name: "at the limit", input: atLimit + "\n" + atLimit, want: []int{0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := dataset.NewReader(strings.NewReader(tc.input))
			var got []int
			for {
				lf, err := r.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				var le *dataset.LineError
				switch {
				case errors.As(err, &le):
					if !errors.Is(err, dataset.ErrLineTooLong) || !strings.Contains(err.Error(), fmt.Sprintf("%d bytes", dataset.MaxLineBytes)) {
						t.Fatalf("line %d: %v, want ErrLineTooLong naming the limit", le.Line, err)
					}
					got = append(got, le.Line)
				case err != nil:
					t.Fatalf("Read: %v", err)
				case lf.GetFiling().GetId() != "(2024)辽0102民初1234号":
					t.Fatalf("read %v, want the design example", lf)
				default:
					got = append(got, 0)
				}
				if len(got) > len(tc.want) {
					t.Fatalf("read %v, want %v", got, tc.want)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriterRoundTrip(t *testing.T) {
	lf, err := dataset.ParseLine([]byte(designExample), protojson.UnmarshalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lf.Filing.Text = "第一行\n第二行"
	var buf bytes.Buffer
	w := dataset.NewWriter(&buf)
	for range 3 {
		if err := w.Write(lf); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 3 {
		t.Fatalf("%d lines, want 3: %q", n, buf.String())
	}
	// Compact: protojson's deliberate whitespace jitter must not reach files
	// whose bytes are hashed.
	if strings.Contains(buf.String(), `": `) || strings.Contains(buf.String(), `, "`) {
		t.Fatalf("output is not compact: %s", buf.String())
	}
	if !strings.Contains(buf.String(), `"case_kind":"CASE_KIND_CIVIL"`) {
		t.Fatalf("output does not use proto field names: %s", buf.String())
	}
	r := dataset.NewReader(&buf)
	for range 3 {
		got, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(lf, got, protocmp.Transform()); diff != "" {
			t.Fatalf("round trip changed the record (-want +got):\n%s", diff)
		}
	}
}

func FuzzParseLine(f *testing.F) {
	f.Add([]byte(designExample))
	f.Add([]byte(`{"id":"a"}`))
	f.Add([]byte(`{"filing":null}`))
	f.Add([]byte(`{"filing":{},"label":7}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		lf, err := dataset.ParseLine(b, protojson.UnmarshalOptions{})
		if err != nil {
			return
		}
		if lf.GetFiling() == nil {
			t.Fatal("success without a filing")
		}
		var buf bytes.Buffer
		w := dataset.NewWriter(&buf)
		if err := w.Write(lf); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		again, err := dataset.ParseLine(bytes.TrimSpace(buf.Bytes()), protojson.UnmarshalOptions{})
		if err != nil {
			t.Fatalf("re-reading written record: %v\n%s", err, buf.Bytes())
		}
		if diff := cmp.Diff(lf, again, protocmp.Transform()); diff != "" {
			t.Fatalf("round trip changed record (-first +again):\n%s", diff)
		}
	})
}

// TestFilesReader: a directory's files read one after another keep their
// own line numbers, and a bad line names its file. Near miss: the same
// lines in one Reader are numbered in the one stream, without a file: the
// fifth line of the second file, after a first of three, is line 8.
func TestFilesReader(t *testing.T) {
	first := designExample + "\n" + designExample + "\n" + designExample
	second := designExample + "\n\n" + designExample + "\n" + designExample + "\n" + `{"filing":{"id":"x"},"label":99}` + "\n" + designExample
	r := dataset.NewFilesReader(
		dataset.NamedReader{Name: "a.jsonl", R: strings.NewReader(first)},
		dataset.NamedReader{Name: "b.jsonl", R: strings.NewReader(second)},
	)
	var records int
	var bad *dataset.LineError
	for {
		_, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if le, ok := errors.AsType[*dataset.LineError](err); ok {
			bad = le
			if r.File() != "b.jsonl" || r.Line() != 5 {
				t.Errorf("after the bad line: File() %q, Line() %d; want b.jsonl, 5", r.File(), r.Line())
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		records++
	}
	if records != 7 {
		t.Errorf("%d records, want 7", records)
	}
	if bad == nil || bad.File != "b.jsonl" || bad.Line != 5 || !strings.HasPrefix(bad.Error(), "b.jsonl: line 5: ") {
		t.Fatalf("bad line reported as %v, want b.jsonl line 5", bad)
	}

	one := dataset.NewReader(strings.NewReader(first + "\n" + second))
	for {
		_, err := one.Read()
		if errors.Is(err, io.EOF) {
			t.Fatal("no bad line in one stream")
		}
		if le, ok := errors.AsType[*dataset.LineError](err); ok {
			if le.File != "" || le.Line != 8 {
				t.Errorf("one stream: %v, want line 8 without a file", le)
			}
			break
		}
	}
}

// A file saved as "UTF-8 with BOM" (Windows Notepad, Excel's "CSV UTF-8",
// PowerShell 5's -Encoding UTF8) starts with U+FEFF. RFC 8259 §8.1 lets a
// parser ignore it; read as JSON it made the first record "not a complete
// JSON object (a truncated line?)": triagectl score failed line 1, and
// train and eval dropped the file's first filing with a warning (outside
// check 7). Only the first line's is ignored: U+FEFF elsewhere is no
// byte-order mark.
func TestReaderByteOrderMark(t *testing.T) {
	input := "\ufeff" + designExample + "\r\n" + designExample + "\r\n" + "\ufeff" + designExample + "\r\n"
	r := dataset.NewReader(strings.NewReader(input))
	for i := range 2 {
		lf, err := r.Read()
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		if lf.GetFiling().GetId() != "(2024)辽0102民初1234号" {
			t.Fatalf("record %d: %q", i+1, lf.GetFiling().GetId())
		}
	}
	if _, err := r.Read(); !errors.As(err, new(*dataset.LineError)) {
		t.Fatalf("U+FEFF opening line 3: %v, want a LineError", err)
	}
	if _, err := r.Read(); !errors.Is(err, io.EOF) {
		t.Fatalf("after the last line: %v, want EOF", err)
	}
}

// TestReaderEncodings: a file saved as UTF-16 ends reading at once with
// ErrUTF16, which says how to convert it, rather than failing each line
// on its own ("invalid character '\xff'", one error record per line); a
// line of another 8-bit encoding (GBK, Latin-1) is a LineError naming the
// byte and the conversion, and reading goes on; a U+FFFD written as a
// character is text like any other (outside check 18).
func TestReaderEncodings(t *testing.T) {
	utf16 := func(bigEndian bool) string {
		var b []byte
		if bigEndian {
			b = append(b, 0xFE, 0xFF)
		} else {
			b = append(b, 0xFF, 0xFE)
		}
		for _, r := range designExample + "\r\n" {
			if bigEndian {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return string(b)
	}
	gbk := strings.Replace(designExample, "沈阳市和平区人民法院", "\xc9\xf2\xd1\xf4\xca\xd0", 1)
	latin1 := strings.Replace(designExample, "诉讼请求", "caf\xe9", 1)
	replacement := strings.Replace(designExample, "诉讼请求", "\ufffd", 1)
	for _, tc := range []struct {
		name      string
		input     string
		wantFinal error  // Read's first error, final
		wantLine  string // else: the first line's LineError says this; "" = it reads
		wantAt    string
	}{
		{"UTF-16 little-endian", utf16(false) + utf16(false)[2:], dataset.ErrUTF16, "", ""},
		{"UTF-16 big-endian", utf16(true), dataset.ErrUTF16, "", ""},
		{"UTF-16 after a UTF-8 byte-order mark", "\ufeff" + utf16(false), dataset.ErrUTF16, "", ""},
		{"GBK", gbk + "\n" + designExample + "\n", nil, fmt.Sprintf("not UTF-8 (byte 0xC9 at byte %d)", strings.Index(gbk, "\xc9")+1), "iconv -f GBK -t UTF-8"},
		{"Latin-1", latin1 + "\n" + designExample + "\n", nil, "not UTF-8 (byte 0xE9 at byte", "convert"},
		{"U+FFFD written as a character", replacement + "\n" + designExample + "\n", nil, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := dataset.NewReader(strings.NewReader(tc.input))
			_, err := r.Read()
			switch {
			case tc.wantFinal != nil:
				if !errors.Is(err, tc.wantFinal) || errors.As(err, new(*dataset.LineError)) {
					t.Fatalf("first read: %v; want the final %v", err, tc.wantFinal)
				}
				return
			case tc.wantLine == "":
				if err != nil {
					t.Fatalf("first read: %v; want the record", err)
				}
			default:
				var le *dataset.LineError
				if !errors.As(err, &le) || le.Line != 1 || !strings.Contains(err.Error(), tc.wantLine) || !strings.Contains(err.Error(), tc.wantAt) {
					t.Fatalf("first read: %v; want line 1's error saying %q and %q", err, tc.wantLine, tc.wantAt)
				}
			}
			if lf, err := r.Read(); err != nil || lf.GetFiling().GetId() != "(2024)辽0102民初1234号" {
				t.Fatalf("the line after: %v, %v; want the example filing", lf, err)
			}
		})
	}
}

// TestReaderLargestStoredFiling: the largest filings the server stores —
// 5,000 parties with 200-character names and every flag, a 20,000-character
// text, within the server's 4 MiB request — are read back whole from their
// JSON lines, as an export writes them; before, lines over 1 MiB were
// skipped, so train, eval and promote left out a stored group action
// (outside check 23).
func TestReaderLargestStoredFiling(t *testing.T) {
	for _, tc := range []struct {
		name       string
		party      string // each party's name, before its number
		text       string
		wantOver1M bool // the JSON line is over the old 1 MiB bound
	}{
		{"Chinese names", strings.Repeat("投", 195), strings.Repeat("字", rules.MaxTextChars), true},
		{"names doubled by escapes", strings.Repeat(`"`, 195), strings.Repeat(`\`, rules.MaxTextChars), true},
		{"a text of line separators", "原告", strings.Repeat("\u2028", rules.MaxTextChars), false},
		{"the design example's size", "原告", "诉讼请求：判令被告偿还借款。", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &triagev1.Filing{Id: "(2024)苏0106民初9901号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "南京市鼓楼区人民法院",
				CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "江苏省", FiledOn: "2024-03-05", Cause: "证券虚假陈述责任纠纷",
				ClaimAmountFen: 900_000_000, Text: tc.text, Circumstances: &triagev1.Circumstances{PublicInterest: true}}
			for i := range rules.MaxParties {
				role := triagev1.PartyRole_PARTY_ROLE_PLAINTIFF
				if i == 0 {
					role = triagev1.PartyRole_PARTY_ROLE_DEFENDANT
				}
				f.Parties = append(f.Parties, &triagev1.Party{Role: role, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION,
					Name: fmt.Sprintf("%s%05d", tc.party, i), WhereaboutsUnknown: true, Foreign: true, Minor: true, Impaired: true})
			}
			if err := rules.ValidateAt(f, time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatalf("the fixture is no valid filing: %v", err)
			}
			if n := proto.Size(&triagev1.TriageRequest{Filing: f}); n > server.MaxRecvMsgSize {
				t.Fatalf("the fixture's request is %d bytes, over the server's %d", n, server.MaxRecvMsgSize)
			}
			var buf bytes.Buffer
			w := dataset.NewWriter(&buf)
			want := &triagev1.LabeledFiling{Filing: f, Label: triagev1.Procedure_PROCEDURE_ORDINARY, Source: "outcome"}
			if err := w.Write(want); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if over := buf.Len() > 1<<20; over != tc.wantOver1M {
				t.Fatalf("line of %d bytes: over 1 MiB %v, want %v (the row tests nothing)", buf.Len(), over, tc.wantOver1M)
			}
			r := dataset.NewReader(bytes.NewReader(append(buf.Bytes(), buf.Bytes()...)))
			for i := range 2 {
				got, err := r.Read()
				if err != nil {
					t.Fatalf("record %d of a %d-byte line: %v", i+1, buf.Len()/2, err)
				}
				if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
					t.Fatalf("record %d read back (-want +got):\n%s", i+1, diff)
				}
			}
			if _, err := r.Read(); !errors.Is(err, io.EOF) {
				t.Errorf("after both records: %v, want io.EOF", err)
			}
		})
	}
}
