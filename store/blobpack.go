package store

import (
	_ "embed" // the dictionaries
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sync"

	"google.golang.org/protobuf/proto"
)

// Packed blobs (migration 18, issue 13). A stored decision repeats the
// rules' texts (articles, reasons, time-limit extensions, the province's
// small-claims limit): ~2.4 KB of decision and ~2 KB of filing made a
// ~4.5 KB decisions row, more than a 4 KB SQLite page, so every decision
// took an overflow page of its own: one more WAL frame (two pwrite), one
// more page for the checkpointer to copy (pread and pwrite) and to write
// back. Packed, the served decision's row is under half a page and two
// share a leaf (docs/performance.md, "SQLite: fewer pages per decision").
//
// The format is an LZ77 of this package's own, not compress/flate: flate
// with a preset dictionary re-hashes the whole dictionary on every Reset
// (40–100 µs per blob measured, more than the pages it saves), where this
// one hashes its dictionary once per process and costs a few hundred
// nanoseconds per kilobyte. A packed blob is
//
//	0x00 | dictionary id | uvarint length of the unpacked bytes | tokens
//
// and each token starts with a uvarint c whose low two bits say what it is:
//
//	0: c>>2 literal bytes follow
//	1: a match of (c>>2)+4 bytes at a uvarint distance back in the output
//	2: a match of (c>>2)+4 bytes at a uvarint offset in the dictionary
//
// A protobuf encoding never starts with 0x00 (field number 0 is invalid),
// so a blob written before migration 18 (the bare encoding) and a packed one
// are told apart by their first byte, and every reader takes both
// (unmarshalBlob). Dictionary matches name an offset, not a distance, so
// packed pieces can be joined without repacking (the writer joins the
// caller's packed decision parts around its assignment: decisionParts).
//
// What is hashed is the unpacked encoding: a row's record_sha256 covers the
// decision and the filing as protobuf bytes, packed or not, so digests and
// the audit chain mean what they meant, and triagectl audit verify reads
// old and new rows alike.

// packedBlobsVersion is the migration from which SQLite stores packed
// blobs (migrations/sqlite/0018_decisions_packed_blobs.sql). PostgreSQL
// does not pack: its rows are lz4-compressed in place already.
const packedBlobsVersion = 18

// packsBlobs reports whether a SQLite store whose migrations stop at
// schemaUpTo (0: all) packs new rows: from the migration on; before it,
// rows are written as an older binary wrote them (tests of the upgrade).
func packsBlobs(schemaUpTo int) bool {
	return schemaUpTo == 0 || schemaUpTo >= packedBlobsVersion
}

// blobPacked is the first byte of a packed blob.
const blobPacked = 0x00

// blobDictID is the dictionary new blobs are packed with.
const blobDictID = 1

// maxUnpacked bounds the length a packed blob may claim, so that a damaged
// one cannot make a reader allocate without limit. SQLite's default
// SQLITE_MAX_LENGTH is 1e9; a filing is far smaller.
const maxUnpacked = 1 << 28

// blobDictV1 is dictionary 1 (store/blobdicts/v1.txt, made by
// scripts/blobdict.py from the rules of 2026-12-04.50). Frozen: blobs that
// name it are decoded with it for as long as they are kept
// (TestBlobDictionariesFrozen).
//
//go:embed blobdicts/v1.txt
var blobDictV1 []byte

// blobDicts are the dictionaries by id; 0 is none.
var blobDicts = [...][]byte{1: blobDictV1}

const (
	packHashBits = 14 // the dictionary's table: 16 K entries for ≤ 64 KB
	packSelfBits = 11 // a piece's own table, on the stack
	packMinMatch = 4
	// packWorthIt is the shortest match emitted: a match token and the
	// literal token after it take ~4 bytes, so a shorter match (under two
	// Chinese characters) saves nothing.
	packWorthIt = 6
	// packStep is how far a position without a match moves on: every
	// other position is probed, since a match that is worth it (≥ 6 bytes)
	// is still found one byte in, and extended back.
	packStep = 2
)

// packDict is a dictionary with the hash table of its 4-byte sequences,
// built once.
type packDict struct {
	id    byte
	bytes []byte
	// table maps the hash of 4 bytes to 1 + the last offset holding them
	// (0: none).
	table [1 << packHashBits]uint16
}

var newPackDict = sync.OnceValue(func() *packDict {
	d := &packDict{id: blobDictID, bytes: blobDicts[blobDictID]}
	if len(d.bytes) >= 1<<16 {
		panic("store: blob dictionary over 64 KB")
	}
	for i := 0; i+packMinMatch <= len(d.bytes); i++ {
		d.table[packHash(binary.LittleEndian.Uint32(d.bytes[i:]), packHashBits)] = uint16(i + 1)
	}
	return d
})

func packHash(v uint32, n uint) uint32 { return (v * 2654435761) >> (32 - n) }

// matchLen returns how many bytes a[i:] and b[j:] share from their start.
func matchLen(a []byte, i int, b []byte, j int) int {
	n := 0
	for i+8 <= len(a) && j+8 <= len(b) {
		if x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[j:]); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
		i, j, n = i+8, j+8, n+8
	}
	for i < len(a) && j < len(b) && a[i] == b[j] {
		i, j, n = i+1, j+1, n+1
	}
	return n
}

// packHeader appends a packed blob's header for n unpacked bytes.
func packHeader(dst []byte, n int) []byte {
	dst = append(dst, blobPacked, blobDictID)
	return binary.AppendUvarint(dst, uint64(n))
}

// packBlob returns raw packed: the header and packTokens.
func packBlob(raw []byte) []byte {
	dst := make([]byte, 0, len(raw)/2+16)
	return packTokens(packHeader(dst, len(raw)), raw)
}

// appendMatch appends a match token of kind 1 (at: a distance back) or 2
// (at: a dictionary offset).
func appendMatch(dst []byte, kind, n, at int) []byte {
	dst = binary.AppendUvarint(dst, uint64(n-packMinMatch)<<2|uint64(kind))
	return binary.AppendUvarint(dst, uint64(at))
}

// appendLiterals appends a literal token for lit (none when empty).
func appendLiterals(dst, lit []byte) []byte {
	if len(lit) == 0 {
		return dst
	}
	dst = binary.AppendUvarint(dst, uint64(len(lit))<<2)
	return append(dst, lit...)
}

// packTokens appends the tokens of src to dst. Its matches refer to the
// dictionary and to src itself only, so the tokens decode to src wherever
// they are placed in a blob. Greedy: at every other position it probes the
// dictionary's table and the piece's own (one hash serves both), extends
// the longer match backwards into the pending literals, and skips runs
// without a match faster the longer they get, as LZ4 does, so text that
// does not repeat costs little.
func packTokens(dst, src []byte) []byte {
	d := newPackDict()
	dict := d.bytes
	var self [1 << packSelfBits]uint16
	lit, i := 0, 0
	for i+8 <= len(src) {
		v := binary.LittleEndian.Uint32(src[i:])
		h := packHash(v, packHashBits)
		best, kind, at := 0, 0, 0
		if p := int(d.table[h]) - 1; p >= 0 && binary.LittleEndian.Uint32(dict[p:]) == v {
			best, kind, at = packMinMatch+matchLen(dict, p+packMinMatch, src, i+packMinMatch), 2, p
		}
		hs := h >> (packHashBits - packSelfBits)
		if p := int(self[hs]) - 1; p >= 0 && p < i && binary.LittleEndian.Uint32(src[p:]) == v {
			if n := packMinMatch + matchLen(src, p+packMinMatch, src, i+packMinMatch); n > best {
				best, kind, at = n, 1, p
			}
		}
		if i < 1<<16-1 {
			self[hs] = uint16(i + 1)
		}
		if best == 0 {
			i += packStep + (i-lit)>>4
			continue
		}
		// Back into the literals: a match found a byte or two into a
		// character usually starts earlier.
		from, base := i, dict
		if kind == 1 {
			base = src
		}
		for from > lit && at > 0 && base[at-1] == src[from-1] {
			from, at, best = from-1, at-1, best+1
		}
		if best < packWorthIt {
			i += packStep + (i-lit)>>4
			continue
		}
		dst = appendLiterals(dst, src[lit:from])
		if kind == 1 {
			at = from - at // a distance back
		}
		dst = appendMatch(dst, kind, best, at)
		i = from + best
		lit = i
	}
	return appendLiterals(dst, src[lit:])
}

// errBadPack is wrapped by UnpackBlob's errors.
var errBadPack = errors.New("damaged packed blob")

// UnpackBlob returns the protobuf encoding a decisions row's decision or
// filing blob holds: b itself when it is not packed (written before
// migration 18, or by PostgreSQL), else its unpacked bytes. The store's
// readers use it; so can a tool that reads the database file itself.
func UnpackBlob(b []byte) ([]byte, error) {
	if len(b) == 0 || b[0] != blobPacked {
		return b, nil
	}
	if len(b) < 2 {
		return nil, fmt.Errorf("%w: no header", errBadPack)
	}
	if int(b[1]) >= len(blobDicts) || blobDicts[b[1]] == nil {
		return nil, fmt.Errorf("%w: no dictionary %d", errBadPack, b[1])
	}
	dict := blobDicts[b[1]]
	n, k := binary.Uvarint(b[2:])
	if k <= 0 || n > maxUnpacked {
		return nil, fmt.Errorf("%w: bad length", errBadPack)
	}
	b = b[2+k:]
	out := make([]byte, 0, min(int(n), 64*len(b)+64))
	for len(b) > 0 {
		c, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, fmt.Errorf("%w: bad token at %d of %d bytes", errBadPack, len(out), n)
		}
		b = b[k:]
		switch c & 3 {
		case 0:
			m := c >> 2
			if m == 0 { // never written: the encoder's token for no literals is none
				return nil, fmt.Errorf("%w: empty literals", errBadPack)
			}
			if m > uint64(len(b)) || m > n-uint64(len(out)) {
				return nil, fmt.Errorf("%w: literals past the end", errBadPack)
			}
			out, b = append(out, b[:m]...), b[m:]
		case 1, 2:
			m := c>>2 + packMinMatch
			at, k := binary.Uvarint(b)
			if k <= 0 || c>>2 > maxUnpacked || m > n-uint64(len(out)) {
				return nil, fmt.Errorf("%w: bad match at %d of %d bytes", errBadPack, len(out), n)
			}
			b = b[k:]
			if c&3 == 2 {
				if at > uint64(len(dict)) || m > uint64(len(dict))-at {
					return nil, fmt.Errorf("%w: match past the dictionary", errBadPack)
				}
				out = append(out, dict[at:at+m]...)
				continue
			}
			if at == 0 || at > uint64(len(out)) {
				return nil, fmt.Errorf("%w: match before the start", errBadPack)
			}
			from := len(out) - int(at)
			if int(at) >= int(m) {
				out = append(out, out[from:from+int(m)]...)
				continue
			}
			for j := range int(m) { // overlaps what it appends: a run
				out = append(out, out[from+j])
			}
		default:
			return nil, fmt.Errorf("%w: bad token kind", errBadPack)
		}
	}
	if uint64(len(out)) != n {
		return nil, fmt.Errorf("%w: %d bytes, not the %d it names", errBadPack, len(out), n)
	}
	return out, nil
}

// unmarshalBlob decodes a stored decision or filing blob, packed or not,
// into m.
func unmarshalBlob(b []byte, m proto.Message) error {
	raw, err := UnpackBlob(b)
	if err != nil {
		return err
	}
	return proto.Unmarshal(raw, m)
}
