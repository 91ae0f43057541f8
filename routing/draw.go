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

// NoTeam is the index Pick and Redraw give when no candidate has free
// capacity: the case is stored unassigned, flagged NO_TEAM_CAPACITY, for a
// person to designate a team (指定分案, the logged exception). The draw never
// spreads an overload by itself: a team's capacity is what the court said it
// can take, and going past it is a decision someone must sign.
const NoTeam = -1

// Slot is an eligible team as the draw sees it.
type Slot struct {
	TeamID string
	// Capacity is the cases a month the team can take (> 0).
	Capacity int64
	// Load is the cases already assigned to the team in the intake month
	// (≥ 0), read in the same transaction that records the draw.
	Load int64
}

// Pick is the draw (随机分案), the one the store makes for every random
// assignment. It lists every slot as a candidate, in order, with its
// capacity, load and free capacity max(capacity - load, 0), draws among
// them by pcg-weighted-v1 from seed, and returns the record (seed,
// candidates, algorithm) with the index drawn, or NoTeam when no slot has
// free capacity (or there are none). A full team stays in the record with
// free 0: it weighs nothing in the draw, and an auditor sees it was
// eligible and why it was passed over. Pick is a pure function of its
// arguments, so Redraw on the record gives the same index.
func Pick(seed uint64, slots []Slot) (*triagev1.Draw, int, error) {
	d := &triagev1.Draw{Seed: seed, Algorithm: Algorithm, Candidates: make([]*triagev1.DrawCandidate, len(slots))}
	for i, s := range slots {
		switch {
		case s.TeamID == "":
			return nil, 0, fmt.Errorf("routing: pick: slots[%d] has no team id", i)
		case s.Capacity <= 0:
			return nil, 0, fmt.Errorf("routing: pick: slots[%d] (%s) has capacity %d; want > 0", i, s.TeamID, s.Capacity)
		case s.Load < 0:
			return nil, 0, fmt.Errorf("routing: pick: slots[%d] (%s) has load %d; want ≥ 0", i, s.TeamID, s.Load)
		}
		d.Candidates[i] = &triagev1.DrawCandidate{TeamId: s.TeamID, Free: max(s.Capacity-s.Load, 0), Capacity: s.Capacity, Load: s.Load}
	}
	if len(slots) == 0 {
		return d, NoTeam, nil
	}
	i, err := drawRecorded(d)
	if err != nil {
		return nil, 0, err
	}
	return d, i, nil
}

// LoadsRecorded reports whether d records every candidate's capacity and
// load, as Pick does. Older records list only the teams with room and their
// free capacity: their seed and candidates still redraw, but what the
// candidates' loads were cannot be checked against the earlier assignments.
func LoadsRecorded(d *triagev1.Draw) bool {
	cs := d.GetCandidates()
	return len(cs) > 0 && cs[0].GetCapacity() > 0
}

// Redraw re-runs a recorded draw and returns the index it gives, or NoTeam
// when the record says no candidate had room, so an auditor can check that
// the assignment's team is the one drawn. It fails on an algorithm it does
// not know, and on a record Pick could not have made: with capacities
// recorded, every candidate must have one and its free capacity must be
// max(capacity - load, 0).
func Redraw(d *triagev1.Draw) (int, error) {
	if d.GetAlgorithm() != Algorithm {
		return 0, fmt.Errorf("routing: redraw: unknown algorithm %q (this build knows %q)", d.GetAlgorithm(), Algorithm)
	}
	if LoadsRecorded(d) {
		for i, c := range d.GetCandidates() {
			switch {
			case c.GetCapacity() <= 0:
				return 0, fmt.Errorf("routing: redraw: candidates[%d] (%s) has no capacity recorded, candidates[0] has", i, c.GetTeamId())
			case c.GetLoad() < 0:
				return 0, fmt.Errorf("routing: redraw: candidates[%d] (%s) has load %d", i, c.GetTeamId(), c.GetLoad())
			case c.GetFree() != max(c.GetCapacity()-c.GetLoad(), 0):
				return 0, fmt.Errorf("routing: redraw: candidates[%d] (%s) records free %d, but capacity %d and load %d leave %d",
					i, c.GetTeamId(), c.GetFree(), c.GetCapacity(), c.GetLoad(), max(c.GetCapacity()-c.GetLoad(), 0))
			}
		}
	}
	return drawRecorded(d)
}

// drawRecorded draws by d's seed and candidates; a record of Pick with no
// free capacity gives NoTeam.
func drawRecorded(d *triagev1.Draw) (int, error) {
	i, err := Draw(d.GetSeed(), d.GetCandidates())
	if errors.Is(err, ErrNoWeight) && LoadsRecorded(d) {
		return NoTeam, nil
	}
	return i, err
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
