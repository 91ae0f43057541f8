package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// randomText returns n bytes or a few more of CJK characters from a
// generator seeded with seed: text that repeats nothing.
func randomText(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 2))
	var b []byte
	for len(b) < n {
		b = append(b, string(rune(0x4e00+r.IntN(0x9fa5-0x4e00)))...)
	}
	return b
}

// TestPackBlobRoundTrip packs blobs of every kind the store keeps, and some
// it should never see, and unpacks them to the same bytes; the served
// decision and filing (the bench's request) must pack small enough that two
// decisions rows share a 4 KB page, which is what migration 18 is for.
func TestPackBlobRoundTrip(t *testing.T) {
	d, f := servedCase(t)
	dBlob, err := marshalOpts.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	fBlob, err := marshalOpts.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 5000)
	for i := range random {
		random[i] = byte(rand.New(rand.NewPCG(uint64(i), 3)).Uint32())
	}
	for _, tc := range []struct {
		name string
		raw  []byte
		// max is the largest packed size accepted, 0 for no bound.
		max int
	}{
		{"empty", []byte{}, 0},
		{"one byte", []byte{0x0a}, 0},
		{"shorter than a match", []byte("案件"), 0},
		{"the dictionary's own text", blobDictV1[1000:3000], 200},
		// The served decision repeats the rules' texts of an older
		// version: a dictionary of today's rules still takes it to well
		// under half of its 2,139 bytes.
		{"served decision", dBlob, 900},
		{"served filing", fBlob, 700},
		{"text that repeats nothing", randomText(1, 3000), 3100},
		{"random bytes", random, 5100},
		{"a run of one byte (matches overlapping their source)", bytes.Repeat([]byte{'x'}, 10000), 100},
		{"longer than the piece's table reaches (64 KB)", append(randomText(2, 70000), randomText(2, 3000)...), 0},
		{"a blob that starts like a packed one", append([]byte{blobPacked, blobDictID}, dBlob...), 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			packed := packBlob(tc.raw)
			if packed[0] != blobPacked {
				t.Fatalf("packed blob starts with %#x", packed[0])
			}
			got, err := UnpackBlob(packed)
			if err != nil {
				t.Fatalf("UnpackBlob: %v", err)
			}
			if !bytes.Equal(got, tc.raw) {
				t.Fatalf("unpacked %d bytes differ from the %d packed", len(got), len(tc.raw))
			}
			if tc.max > 0 && len(packed) > tc.max {
				t.Errorf("%d bytes packed to %d, want ≤ %d", len(tc.raw), len(packed), tc.max)
			}
			t.Logf("%d → %d bytes", len(tc.raw), len(packed))
		})
	}
	// A stored row holds ~150 bytes besides its blobs; two rows share a
	// page below ~2,000 bytes each (a table leaf's cells of a 4,096-byte page).
	if n := len(packBlob(dBlob)) + len(packBlob(fBlob)) + 150; n > 2000 {
		t.Errorf("the served decisions row packs to ~%d bytes: two do not share a page", n)
	}
}

// TestUnpackBlobPassesEncodingsThrough: a blob stored before migration 18,
// or by PostgreSQL, is the bare protobuf encoding, which never starts with
// the packed marker, and is returned as it is.
func TestUnpackBlobPassesEncodingsThrough(t *testing.T) {
	d, f := servedCase(t)
	for _, m := range []proto.Message{d, f, &triagev1.Decision{DecisionId: "x"}} {
		b, err := marshalOpts.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := UnpackBlob(b)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("UnpackBlob of a bare encoding = %d bytes, %v; want it unchanged", len(got), err)
		}
		back := m.ProtoReflect().New().Interface()
		if err := unmarshalBlob(packBlob(b), back); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(m, back, protocmp.Transform()); diff != "" {
			t.Errorf("unmarshalBlob of the packed encoding (-want +got):\n%s", diff)
		}
	}
	if got, err := UnpackBlob(nil); err != nil || len(got) != 0 {
		t.Errorf("UnpackBlob(nil) = %q, %v", got, err)
	}
}

// TestUnpackBlobRefusesDamage: a packed blob that does not hold what it
// says is an error (errBadPack), never a panic, a short or long result, or
// an allocation of what a damaged length claims.
func TestUnpackBlobRefusesDamage(t *testing.T) {
	good := packBlob([]byte("民事诉讼法第一百六十五条第一款民事诉讼法第一百六十五条第一款"))
	header := func(n uint64) []byte { return binary.AppendUvarint([]byte{blobPacked, blobDictID}, n) }
	lit := func(b []byte, s string) []byte {
		return append(binary.AppendUvarint(b, uint64(len(s))<<2), s...)
	}
	match := func(b []byte, kind, n, at uint64) []byte {
		return binary.AppendUvarint(binary.AppendUvarint(b, (n-packMinMatch)<<2|kind), at)
	}
	for _, tc := range []struct {
		name string
		blob []byte
	}{
		{"marker only", []byte{blobPacked}},
		{"no dictionary 0", []byte{blobPacked, 0, 1, 4, 'a'}},
		{"no dictionary 9", []byte{blobPacked, 9, 1, 4, 'a'}},
		{"no length", []byte{blobPacked, blobDictID}},
		{"length over the bound", header(maxUnpacked + 1)},
		{"length not reached", lit(header(5), "abcd")},
		{"literals past the length", lit(header(3), "abcd")},
		{"literals past the blob", append(binary.AppendUvarint(header(8), 8<<2), "abc"...)},
		{"match before the start", match(lit(header(10), "abcd"), 1, 6, 5)},
		{"match at distance 0", match(lit(header(10), "abcd"), 1, 6, 0)},
		{"match past the dictionary", match(header(8), 2, 8, uint64(len(blobDictV1)-4))},
		{"match past the length", match(lit(header(8), "abcd"), 1, 6, 4)},
		{"match length overflowing", match(lit(header(8), "abcd"), 1, 1<<62, 4)},
		{"match without its distance", binary.AppendUvarint(lit(header(10), "abcd"), 2<<2|1)},
		{"token kind 3", binary.AppendUvarint(header(4), 3)},
		{"a truncated token", append(header(4), 0x80)},
		{"the good blob cut short", good[:len(good)-3]},
		{"the good blob with a byte more", append(append([]byte{}, good...), 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := UnpackBlob(tc.blob)
			if !errors.Is(err, errBadPack) {
				t.Errorf("UnpackBlob = %d bytes, %v; want an error wrapping %v", len(got), err, errBadPack)
			}
		})
	}
}

// TestBlobDictionariesFrozen: a packed blob names its dictionary, so a
// dictionary in use can never change (a new one takes a new id). Their
// bytes are pinned here; the test fails on any edit.
func TestBlobDictionariesFrozen(t *testing.T) {
	want := map[int]string{
		1: "3aa86d4331ea3dbfb3ceae08c7a9a9f9f356b52205e9b07a0da8ad3a924297c8",
	}
	for id, d := range blobDicts {
		if id == 0 {
			continue
		}
		sum := sha256.Sum256(d)
		if got := hex.EncodeToString(sum[:]); got != want[id] {
			t.Errorf("dictionary %d has SHA-256 %s, want %s: blobs packed with it would unpack to other bytes", id, got, want[id])
		}
	}
	if len(blobDicts)-1 != len(want) {
		t.Errorf("%d dictionaries, %d pinned", len(blobDicts)-1, len(want))
	}
	if !strings.HasSuffix(string(blobDictV1), "\n") || len(blobDictV1) >= 1<<16 {
		t.Errorf("dictionary 1 is %d bytes", len(blobDictV1))
	}
}

// FuzzUnpackBlob: whatever a damaged or hostile database holds, UnpackBlob
// returns the length it names or an error, without panicking; and what
// packBlob packs unpacks to itself.
func FuzzUnpackBlob(f *testing.F) {
	d, fl := servedCase(f)
	for _, m := range []proto.Message{d, fl} {
		b, err := marshalOpts.Marshal(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(packBlob(b))
	}
	f.Add([]byte{blobPacked, blobDictID, 8, 1 << 2, 'x', 4<<2 | 1, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := UnpackBlob(b)
		if err == nil && len(b) > 0 && b[0] == blobPacked {
			n, _ := binary.Uvarint(b[2:])
			if uint64(len(got)) != n {
				t.Fatalf("unpacked %d bytes, the blob names %d", len(got), n)
			}
		}
		back, err := UnpackBlob(packBlob(b))
		if err != nil || !bytes.Equal(back, b) {
			t.Fatalf("packBlob did not round-trip %d bytes: %v", len(b), err)
		}
	})
}

// BenchmarkPackBlob is the caller's packing of the served decision's parts
// and filing, and a reader's unpacking.
func BenchmarkPackBlob(b *testing.B) {
	d, f := servedCase(b)
	dBlob, _ := marshalOpts.Marshal(d)
	fBlob, _ := marshalOpts.Marshal(f)
	newPackDict()
	for _, bc := range []struct {
		name string
		raw  []byte
	}{{"decision", dBlob}, {"filing", fBlob}} {
		b.Run("pack/"+bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.raw)))
			for b.Loop() {
				packBlob(bc.raw)
			}
		})
		packed := packBlob(bc.raw)
		b.Run("unpack/"+bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.raw)))
			for b.Loop() {
				if _, err := UnpackBlob(packed); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
