package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// A batch's columns are sent as one PostgreSQL array each (postgresWriteBatch).
// pgx encodes a Go slice as an array through its generic array codec: a
// reflective walk that boxes every element in an interface (an allocation
// per string or blob) and finds each element's plan again, and that was
// ~9 µs of the writer's CPU per stored decision (docs/performance.md,
// 2026-12-05). These column types are encoded by codecs the writer's
// connections register (registerColumnCodecs): the array's binary format
// written straight into pgx's parameter buffer, grown once per column.
type (
	// pgTexts is a text[] parameter.
	pgTexts []string
	// pgBlobs is a bytea[] parameter.
	pgBlobs [][]byte
	// pgInts is a bigint[] or smallint[] parameter.
	pgInts []int64
)

// registerColumnCodecs wraps the codecs of the array types a batch sends in
// conn's type map so that they encode pgTexts, pgBlobs and pgInts
// directly; every other value goes to pgx's own codec as before.
func registerColumnCodecs(conn *pgx.Conn) error {
	m := conn.TypeMap()
	for _, oid := range []uint32{pgtype.TextArrayOID, pgtype.ByteaArrayOID, pgtype.Int8ArrayOID, pgtype.Int2ArrayOID} {
		t, ok := m.TypeForOID(oid)
		if !ok {
			return fmt.Errorf("register column codecs: pgx knows no type %d", oid)
		}
		m.RegisterType(&pgtype.Type{Name: t.Name, OID: oid, Codec: columnCodec{t.Codec}})
	}
	return nil
}

// columnCodec is an array type's pgx codec with a fast path for the
// batch's column types, in the binary format only (which pgx prefers for
// arrays).
type columnCodec struct{ pgtype.Codec }

func (c columnCodec) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if format == pgtype.BinaryFormatCode {
		switch value.(type) {
		case pgTexts:
			if oid == pgtype.TextArrayOID {
				return columnPlan{}
			}
		case pgBlobs:
			if oid == pgtype.ByteaArrayOID {
				return columnPlan{}
			}
		case pgInts:
			switch oid {
			case pgtype.Int8ArrayOID:
				return columnPlan{}
			case pgtype.Int2ArrayOID:
				return columnPlan{int2: true}
			}
		}
	}
	return c.Codec.PlanEncode(m, oid, format, value)
}

// columnPlan encodes a column (appendColumn); int2 writes a pgInts as
// smallint elements.
type columnPlan struct{ int2 bool }

func (p columnPlan) Encode(value any, buf []byte) ([]byte, error) {
	return appendColumn(buf, value, p.int2)
}

// appendColumn appends v (a pgTexts, pgBlobs or pgInts) to buf in
// PostgreSQL's binary array format (array_recv): the number of
// dimensions, a has-nulls flag, the element type, each dimension's length
// and lower bound, then each element as its length and its bytes (-1 for
// a nil blob: NULL, as pgx sends a nil []byte). An empty column is the
// empty array.
func appendColumn(buf []byte, v any, int2 bool) ([]byte, error) {
	var n, size int
	var elem, nulls uint32
	switch v := v.(type) {
	case pgTexts:
		n, elem = len(v), pgtype.TextOID
		for _, s := range v {
			size += 4 + len(s)
		}
	case pgBlobs:
		n, elem = len(v), pgtype.ByteaOID
		for _, b := range v {
			size += 4 + len(b)
			if b == nil {
				nulls = 1
			}
		}
	case pgInts:
		n, elem, size = len(v), pgtype.Int8OID, 12*len(v)
		if int2 {
			elem, size = pgtype.Int2OID, 6*len(v)
		}
	default:
		return nil, fmt.Errorf("encode column: %T is not a column type", v)
	}
	buf = slices.Grow(buf, 20+size)
	if n == 0 {
		buf = binary.BigEndian.AppendUint32(buf, 0) // no dimensions
		buf = binary.BigEndian.AppendUint32(buf, 0)
		return binary.BigEndian.AppendUint32(buf, elem), nil
	}
	if n > math.MaxInt32 {
		return nil, fmt.Errorf("encode column: %d elements", n)
	}
	buf = binary.BigEndian.AppendUint32(buf, 1) // one dimension
	buf = binary.BigEndian.AppendUint32(buf, nulls)
	buf = binary.BigEndian.AppendUint32(buf, elem)
	buf = binary.BigEndian.AppendUint32(buf, uint32(n))
	buf = binary.BigEndian.AppendUint32(buf, 1) // lower bound
	switch v := v.(type) {
	case pgTexts:
		for _, s := range v {
			buf = binary.BigEndian.AppendUint32(buf, uint32(len(s)))
			buf = append(buf, s...)
		}
	case pgBlobs:
		for _, b := range v {
			if b == nil {
				buf = binary.BigEndian.AppendUint32(buf, math.MaxUint32) // -1
				continue
			}
			buf = binary.BigEndian.AppendUint32(buf, uint32(len(b)))
			buf = append(buf, b...)
		}
	case pgInts:
		for _, x := range v {
			if int2 {
				if x < math.MinInt16 || x > math.MaxInt16 {
					return nil, fmt.Errorf("encode column: %d is out of range for smallint", x)
				}
				buf = binary.BigEndian.AppendUint32(buf, 2)
				buf = binary.BigEndian.AppendUint16(buf, uint16(x))
				continue
			}
			buf = binary.BigEndian.AppendUint32(buf, 8)
			buf = binary.BigEndian.AppendUint64(buf, uint64(x))
		}
	}
	return buf, nil
}
