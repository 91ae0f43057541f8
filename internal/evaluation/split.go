package evaluation

import (
	"hash/fnv"
	"math"
)

// HeldOut reports whether the filing with this id belongs to the held-out
// (evaluation) split of size fraction: FNV-1a-64 over the UTF-8 bytes of id,
// modulo 1000, below fraction·1000 rounded to the nearest integer. fraction
// ≤ 0 holds out nothing, ≥ 1 everything. The rule depends on the id only, so
// the trainer, triagectl eval and scripts/sklearn_reference.py agree on the
// split without sharing state, and a record keeps its side as the corpus grows.
func HeldOut(id string, fraction float64) bool {
	if !(fraction > 0) { // also NaN
		return false
	}
	if fraction >= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(id)) // hash.Hash.Write never fails
	return h.Sum64()%1000 < uint64(math.Round(fraction*1000))
}
