// Package dataset reads and writes the JSONL files that carry filings in and
// out of fenjian: scoring input, training and evaluation sets, exports. Each
// line is one protojson LabeledFiling (docs/architecture.md, Data format) or, for scoring input, a
// bare Filing; both are accepted wherever filings are read.
package dataset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// MaxLineBytes bounds one line. It must hold every filing the server
// stores, as an export writes it: a request of up to 4 MiB
// (server.MaxRecvMsgSize) passes rules.Validate with 5,000 parties of
// 200-character names, 3.4 MB as a JSON line (outside check 23: such a
// filing was stored, exported, and then skipped by train, eval and promote
// as longer than the 1 MiB this was). JSON escapes can double a name's
// bytes, so 8 MiB holds any such filing and still stops a runaway file
// from exhausting memory.
const MaxLineBytes = 8 << 20

// LineError is a problem with one line of input; Line counts from 1. File
// names the file when the input is several (FilesReader), else it is empty.
type LineError struct {
	File string
	Line int
	Err  error
}

// Error implements error.
func (e *LineError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s: line %d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// Reader reads LabeledFilings from JSONL, one per line; blank lines are
// skipped. A bare Filing line is returned wrapped with no label.
type Reader struct {
	br   *bufio.Reader
	buf  []byte // the line being read, at most MaxLineBytes and a chunk
	line int
	opts protojson.UnmarshalOptions
}

// utf8BOM is U+FEFF in UTF-8.
var utf8BOM = []byte("\ufeff")

// The UTF-16 byte-order marks, little- and big-endian (a UTF-32 file's
// little-endian mark begins with the first).
var (
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// ErrUTF16 is Read's final error for a file that opens with a UTF-16
// byte-order mark ("Unicode" in Windows editors): every line of it would
// fail, one error record each (522 for a file of 200 filings, each "invalid
// character '\xff'"), and none says why (outside check 18).
var ErrUTF16 = errors.New("the file is UTF-16 (it opens with a UTF-16 byte-order mark); JSONL is read as UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8")

// ErrLineTooLong is the error of a *LineError for a line longer than
// MaxLineBytes. The line is skipped, and reading goes on with the next.
var ErrLineTooLong = fmt.Errorf("line longer than %d bytes (%d MiB)", MaxLineBytes, MaxLineBytes>>20)

// NewReader returns a Reader on r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10)}
}

// Read returns the next record, io.EOF at the end, or a *LineError for a line
// that is not a Filing or LabeledFiling or is longer than MaxLineBytes
// (ErrLineTooLong); after a *LineError, reading may continue with the next
// line. Other errors are final.
func (r *Reader) Read() (*triagev1.LabeledFiling, error) {
	for {
		b, err := r.readLine()
		switch {
		case errors.Is(err, io.EOF):
			return nil, io.EOF
		case errors.Is(err, ErrLineTooLong):
			r.line++
			return nil, &LineError{Line: r.line, Err: err}
		case err != nil:
			return nil, fmt.Errorf("read line %d: %w", r.line+1, err)
		}
		r.line++
		if r.line == 1 {
			// A byte-order mark: files saved as "UTF-8 with BOM" start
			// with one, and RFC 8259 §8.1 lets a parser ignore it.
			b = bytes.TrimPrefix(b, utf8BOM)
			if bytes.HasPrefix(b, utf16LEBOM) || bytes.HasPrefix(b, utf16BEBOM) {
				return nil, fmt.Errorf("read line 1: %w", ErrUTF16)
			}
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		lf, err := ParseLine(b, r.opts)
		if err != nil {
			return nil, &LineError{Line: r.line, Err: err}
		}
		return lf, nil
	}
}

// readLine returns the next line, its "\n" included, valid until the next
// call; io.EOF after the last. A line longer than MaxLineBytes gives
// ErrLineTooLong: it is read to its end but not kept, so one runaway line
// costs no more memory than MaxLineBytes, and the next call reads the line
// after it. (A bufio.Scanner stops for good at such a line, which ended a
// whole batch at its first one.)
func (r *Reader) readLine() ([]byte, error) {
	r.buf = r.buf[:0]
	tooLong := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if !tooLong {
			n := len(chunk)
			if n > 0 && chunk[n-1] == '\n' {
				n-- // the newline is not the line's
			}
			if len(r.buf)+n > MaxLineBytes {
				tooLong, r.buf = true, r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue // the line goes on past the buffer
		case errors.Is(err, io.EOF) && !tooLong && len(r.buf) == 0:
			return nil, io.EOF
		case err != nil && !errors.Is(err, io.EOF):
			return nil, err
		case tooLong:
			return nil, ErrLineTooLong
		}
		// A newline, or the end of a last line that has none.
		return r.buf, nil
	}
}

// Line returns the number of the line last read.
func (r *Reader) Line() int { return r.line }

// NamedReader is one file of a FilesReader's input.
type NamedReader struct {
	Name string
	R    io.Reader
}

// FilesReader reads several files one after another, each with a Reader of
// its own, so that a problem names the file and the line in it. Reading
// the files as one stream numbered the lines of the whole, with a line
// between files: the twelfth line of a directory's second file, after a
// first of 100 lines, was "line 113" of a directory (triagectl eval -data
// DIR, outside check).
type FilesReader struct {
	files []NamedReader
	i     int
	cur   *Reader
}

// NewFilesReader returns a FilesReader on files, read in the order given.
func NewFilesReader(files ...NamedReader) *FilesReader {
	return &FilesReader{files: files}
}

// Read is Reader.Read across the files: a *LineError names its file; an
// over-long line ends the whole input, as in one file.
func (m *FilesReader) Read() (*triagev1.LabeledFiling, error) {
	for m.i < len(m.files) {
		if m.cur == nil {
			m.cur = NewReader(m.files[m.i].R)
		}
		lf, err := m.cur.Read()
		if errors.Is(err, io.EOF) {
			m.i++
			m.cur = nil
			continue
		}
		if le, ok := errors.AsType[*LineError](err); ok {
			le.File = m.files[m.i].Name
		} else if err != nil {
			err = fmt.Errorf("%s: %w", m.files[m.i].Name, err)
		}
		return lf, err
	}
	return nil, io.EOF
}

// Line returns the number of the line last read, in its file (File).
func (m *FilesReader) Line() int {
	if m.cur == nil {
		return 0
	}
	return m.cur.Line()
}

// File returns the name of the file of the line last read.
func (m *FilesReader) File() string {
	if m.i >= len(m.files) {
		return ""
	}
	return m.files[m.i].Name
}

// ParseLine parses one JSONL line as a LabeledFiling, or as a bare Filing when
// it has no "filing" member.
func ParseLine(b []byte, opts protojson.UnmarshalOptions) (*triagev1.LabeledFiling, error) {
	if !utf8.Valid(b) {
		// Say which encoding problem it is: protojson's "invalid UTF-8 in
		// string" or json's "invalid character" named neither the byte
		// nor what to do about a file saved as GBK (outside check 18).
		at := invalidUTF8At(b)
		return nil, fmt.Errorf("not UTF-8 (byte 0x%02X at byte %d): JSONL is read as UTF-8; convert a file saved as GBK, e.g. iconv -f GBK -t UTF-8", b[at], at+1)
	}
	if !json.Valid(b) {
		// Say what is wrong with the line itself: protojson would report the
		// first member of a cut-off labelled line as an unknown field of a
		// bare Filing, which sends the reader looking for a schema problem.
		var syntax *json.SyntaxError
		if err := json.Unmarshal(b, new(json.RawMessage)); errors.As(err, &syntax) {
			return nil, fmt.Errorf("not a complete JSON object (a truncated line?): %w at byte %d", err, syntax.Offset)
		}
		return nil, errors.New("not a complete JSON object (a truncated line?)")
	}
	if isLabeled(b) {
		lf := &triagev1.LabeledFiling{}
		if err := opts.Unmarshal(b, lf); err != nil {
			return nil, fmt.Errorf("parse labeled filing: %w", err)
		}
		if lf.GetFiling() == nil {
			return nil, errors.New("labeled filing has no filing")
		}
		// protojson takes any number for an enum: a label of 99 was
		// evaluated as a procedure of its own, a class "99" in the
		// report whose F1 of 0 pulled macro-F1 down (and narrowed the
		// gap promote compares), while train dropped it as a rare label.
		if _, known := triagev1.Procedure_name[int32(lf.GetLabel())]; !known {
			return nil, fmt.Errorf("label %d is not a procedure (PROCEDURE_SMALL_CLAIMS … PROCEDURE_FAST_TRACK)", lf.GetLabel())
		}
		return lf, nil
	}
	f := &triagev1.Filing{}
	if err := opts.Unmarshal(b, f); err != nil {
		return nil, fmt.Errorf("parse filing: %w", err)
	}
	return &triagev1.LabeledFiling{Filing: f}, nil
}

// isLabeled reports whether a JSON object has a top-level "filing" member.
// It walks the tokens instead of decoding into a map, so a large text member
// is not copied twice.
func isLabeled(b []byte) bool {
	var probe struct {
		Filing json.RawMessage `json:"filing"`
	}
	// A bare Filing never has a "filing" member. A decode error here just
	// means "not labeled": protojson then reports the real problem.
	return json.Unmarshal(b, &probe) == nil && len(probe.Filing) > 0
}

// Writer writes protojson records, one per line.
type Writer struct {
	w    *bufio.Writer
	opts protojson.MarshalOptions
	buf  bytes.Buffer
}

// NewWriter returns a Writer on w. Output uses proto field names, as the
// design's JSONL format does.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w), opts: protojson.MarshalOptions{UseProtoNames: true}}
}

// Write writes one message as a single line.
func (w *Writer) Write(m proto.Message) error {
	b, err := w.opts.Marshal(m)
	if err != nil {
		return fmt.Errorf("marshal %s: %w", m.ProtoReflect().Descriptor().Name(), err)
	}
	// protojson varies its whitespace from build to build on purpose;
	// compacting makes the same records the same bytes whichever binary
	// writes them (generated corpora and exports are hashed). Compact JSON
	// escapes newlines inside strings, so one record is one line.
	w.buf.Reset()
	if err := json.Compact(&w.buf, b); err != nil {
		return fmt.Errorf("compact %s: %w", m.ProtoReflect().Descriptor().Name(), err)
	}
	if _, err := w.w.Write(w.buf.Bytes()); err != nil {
		return fmt.Errorf("write record: %w", err)
	}
	if err := w.w.WriteByte('\n'); err != nil {
		return fmt.Errorf("write record: %w", err)
	}
	return nil
}

// Flush writes buffered records to the underlying writer.
func (w *Writer) Flush() error {
	if err := w.w.Flush(); err != nil {
		return fmt.Errorf("flush records: %w", err)
	}
	return nil
}

// invalidUTF8At is the index of the first byte of b that does not begin a
// valid UTF-8 sequence; b must hold one.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}
