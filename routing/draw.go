package routing

import (
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Algorithm names the draw below; it is recorded in every triagev1.Draw so
// that a draw can be re-run with the algorithm it was made with. The steps
// are fixed for this name and never change; a different procedure gets a
// new name.
//
// pcg-weighted-v1, given a seed and candidates c[0..n) with weights w[i] =
// c[i].free ≥ 0 and total W = Σ w[i] > 0:
//
//  1. src := rand.NewPCG(seed, PCGStream) (math/rand/v2's PCG-DXSM, whose
//     output for a given state is fixed by its specification);
//  2. u := a uniform integer in [0, W): x := src.Uint64(); (hi, lo) :=
//     bits.Mul64(x, W); if W is a power of two u := x & (W-1), else while
//     lo < (2⁶⁴ mod W) draw x again; u := hi (Lemire's method; it is
//     math/rand/v2's Rand.Uint64N on 64-bit platforms, written out here
//     because on 32-bit platforms Uint64N takes another path for small W,
//     and the record must give the same team everywhere);
//  3. walk the candidates in order: the first i with u < w[i] is drawn,
//     else u -= w[i].
//
// So each candidate is drawn with probability w[i]/W, a candidate of weight
// 0 never, and the same seed and candidates always give the same index.
const Algorithm = "pcg-weighted-v1"

// PCGStream is the second PCG seed word of pcg-weighted-v1: the ASCII bytes
// of "fenjian1". It is part of the algorithm and never changes.
const PCGStream uint64 = 0x66656e6a69616e31

// Errors of a draw that cannot be made.
var (
	ErrNoCandidates = errors.New("routing: draw: no candidates")
	ErrNoWeight     = errors.New("routing: draw: every candidate has zero weight")
)

// Draw picks one of the candidates by pcg-weighted-v1 (see Algorithm) and
// returns its index. It fails when there are no candidates, a candidate is
// nil or has a negative weight, the weights sum to zero or overflow.
func Draw(seed uint64, cands []*triagev1.DrawCandidate) (int, error) {
	if len(cands) == 0 {
		return 0, ErrNoCandidates
	}
	var total uint64
	for i, c := range cands {
		if c == nil {
			return 0, fmt.Errorf("routing: draw: candidates[%d] is nil", i)
		}
		w := c.GetFree()
		if w < 0 {
			return 0, fmt.Errorf("routing: draw: candidates[%d] (%s) has negative weight %d", i, c.GetTeamId(), w)
		}
		if uint64(w) > math.MaxUint64-total {
			return 0, fmt.Errorf("routing: draw: weights overflow at candidates[%d]", i)
		}
		total += uint64(w)
	}
	if total == 0 {
		return 0, ErrNoWeight
	}
	u := uint64n(rand.NewPCG(seed, PCGStream), total)
	for i, c := range cands {
		w := uint64(c.GetFree())
		if u < w {
			return i, nil
		}
		u -= w
	}
	panic("routing: draw: walked past the total weight") // unreachable: u < total
}

// uint64n returns a uniform integer in [0, n), n > 0, by step 2 of
// pcg-weighted-v1.
func uint64n(src *rand.PCG, n uint64) uint64 {
	if n&(n-1) == 0 {
		return src.Uint64() & (n - 1)
	}
	hi, lo := bits.Mul64(src.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(src.Uint64(), n)
		}
	}
	return hi
}

// Redraw re-runs a recorded draw and returns the index it gives, so an
// auditor can check that the assignment's team is the one drawn. It fails on
// an algorithm it does not know.
func Redraw(d *triagev1.Draw) (int, error) {
	if d.GetAlgorithm() != Algorithm {
		return 0, fmt.Errorf("routing: redraw: unknown algorithm %q (this build knows %q)", d.GetAlgorithm(), Algorithm)
	}
	return Draw(d.GetSeed(), d.GetCandidates())
}

// NewSeed returns a seed from the operating system's secure random source,
// so that no one can predict or steer a draw before it is recorded.
func NewSeed() uint64 {
	var b [8]byte
	// crypto/rand.Read never fails (since Go 1.24 it crashes the program
	// rather than return short), so the error is always nil.
	_, _ = crand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// Candidates turns eligible teams into draw candidates weighted by free
// capacity: capacity minus the cases assigned to the team this month
// (assigned, by team id; absent = 0), floored at 0. When every team is at
// or over capacity the case must still go somewhere, so the weights fall
// back to the capacities themselves and the overload is shared in
// proportion. The candidates keep the teams' order.
func Candidates(eligible []Team, assigned map[string]int64) []*triagev1.DrawCandidate {
	out := make([]*triagev1.DrawCandidate, len(eligible))
	full := true
	for i, t := range eligible {
		free := max(t.Capacity-assigned[t.ID], 0)
		full = full && free == 0
		out[i] = &triagev1.DrawCandidate{TeamId: t.ID, Free: free}
	}
	if full {
		for i, t := range eligible {
			out[i].Free = t.Capacity
		}
	}
	return out
}

// NewDraw draws among candidates with a fresh seed and returns the record
// (seed, candidates, algorithm) with the index drawn.
func NewDraw(cands []*triagev1.DrawCandidate) (*triagev1.Draw, int, error) {
	d := &triagev1.Draw{Seed: NewSeed(), Candidates: cands, Algorithm: Algorithm}
	i, err := Draw(d.GetSeed(), cands)
	if err != nil {
		return nil, 0, err
	}
	return d, i, nil
}
