package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// withWriterConn runs f on the pgx connection of p's writer pool, the
// session a batch is sent on.
func withWriterConn(t *testing.T, p *Postgres, f func(*pgx.Conn)) {
	t.Helper()
	ctx := context.Background()
	conn, err := p.write.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.Raw(func(dc any) error {
		c, err := pgxConn(dc)
		if err != nil {
			return err
		}
		f(c)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestPostgresColumnEncoding sends each column type of a batch
// (postgres_arrays.go) to a real server on the writer's session and reads
// it back: what the server decodes from appendColumn's binary arrays is
// what was sent, NULL for a nil blob as pgx sends one, the empty array for
// an empty column, and a smallint out of range is refused before sending.
// The writer's session must encode them with the column codecs, not pgx's
// reflective array codec.
func TestPostgresColumnEncoding(t *testing.T) {
	p := openTestPostgres(t, Options{})
	ctx := context.Background()
	long := strings.Repeat("民间借贷纠纷", 2000)
	withWriterConn(t, p, func(c *pgx.Conn) {
		for _, tc := range []struct {
			name  string
			query string
			arg   any
			want  string // the array as PostgreSQL prints it, "" for an error
		}{
			{"texts", "SELECT $1::text[]::text", pgTexts{"a", "", "借款合同", `q"u\o,te`}, `{a,"",借款合同,"q\"u\\o,te"}`},
			{"long text", "SELECT length(($1::text[])[1])::text", pgTexts{long}, "12000"},
			{"empty texts", "SELECT $1::text[]::text || cardinality($1::text[])", pgTexts{}, "{}0"},
			{"blobs", "SELECT $1::bytea[]::text", pgBlobs{{0, 1, 0xff}, {}}, `{"\\x0001ff","\\x"}`},
			{"nil blob is NULL", "SELECT $1::bytea[]::text", pgBlobs{{7}, nil}, `{"\\x07",NULL}`},
			{"empty blobs", "SELECT $1::bytea[]::text", pgBlobs{}, "{}"},
			{"bigints", "SELECT $1::bigint[]::text", pgInts{0, -1, 1 << 62, -1 << 63}, "{0,-1,4611686018427387904,-9223372036854775808}"},
			{"smallints", "SELECT $1::smallint[]::text", pgInts{0, 1, -32768, 32767}, "{0,1,-32768,32767}"},
			{"smallint out of range", "SELECT $1::smallint[]::text", pgInts{32768}, ""},
			{"other values still pgx's", "SELECT $1::text[]::text", []string{"x", "y"}, "{x,y}"},
		} {
			var got sql.NullString
			err := c.QueryRow(ctx, tc.query, tc.arg).Scan(&got)
			switch {
			case tc.want == "" && err == nil:
				t.Errorf("%s: got %q, want an error", tc.name, got.String)
			case tc.want != "" && err != nil:
				t.Errorf("%s: %v", tc.name, err)
			case tc.want != "" && got.String != tc.want:
				t.Errorf("%s: got %q, want %q", tc.name, got.String, tc.want)
			}
		}
		m := c.TypeMap()
		for _, v := range []struct {
			oid uint32
			arg any
		}{{pgtype.TextArrayOID, pgTexts{}}, {pgtype.ByteaArrayOID, pgBlobs{}}, {pgtype.Int8ArrayOID, pgInts{}}, {pgtype.Int2ArrayOID, pgInts{}}} {
			if _, ok := m.PlanEncode(v.oid, pgtype.BinaryFormatCode, v.arg).(columnPlan); !ok {
				t.Errorf("%T as type %d: the writer's session does not encode it with columnPlan", v.arg, v.oid)
			}
		}
	})
}

// TestAppendColumn checks the binary layout array_recv reads, byte for
// byte, for one element of each kind.
func TestAppendColumn(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
		int2 bool
		want []byte
	}{
		{"text", pgTexts{"ab"}, false, []byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 25, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 'a', 'b'}},
		{"nil blob", pgBlobs{nil}, false, []byte{0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff}},
		{"int8", pgInts{258}, false, []byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 1, 2}},
		{"int2", pgInts{-2}, true, []byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 21, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0xff, 0xfe}},
		{"empty", pgTexts{}, false, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 25}},
	} {
		got, err := appendColumn([]byte{9}, tc.v, tc.int2)
		if err != nil || !slices.Equal(got, append([]byte{9}, tc.want...)) {
			t.Errorf("%s: appendColumn = %v, %v; want %v", tc.name, got, err, append([]byte{9}, tc.want...))
		}
	}
	if _, err := appendColumn(nil, []string{"x"}, false); err == nil {
		t.Error("appendColumn of a []string: no error")
	}
}
