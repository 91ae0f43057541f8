package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// gatePieces are the pieces random texts for the whereabouts words are made
// of: the words, their gates, each word's halves and first and last
// characters, a character cut in two, the parties, negations, breaks and
// things the reading weighs.
func gatePieces() []string {
	pieces := []string{"被告", "原告", "王五", "李四", "并非", "未", "现已联系上", "。", "，", "\n", "款项", "存款已被取出",
		"具体", "申请", "确", "之父", "\xe6\x98", "\xff", "x"}
	pieces = append(pieces, whereaboutsGates[:]...)
	for _, g := range whereaboutsGated {
		for _, w := range g.words {
			rs := []rune(w)
			pieces = append(pieces, w, string(rs[:len(rs)/2]), string(rs[len(rs)/2:]), string(rs[0]), string(rs[len(rs)-1]))
		}
	}
	return pieces
}

// TestGatedWordsSkipOnlyAbsent: a word's gate is a fragment of it, and
// gateSeen.mayHold says no only of a word the text does not hold (random
// texts of the words' pieces, the real texts and their folds); and it does
// say no, or the gates save nothing.
func TestGatedWordsSkipOnlyAbsent(t *testing.T) {
	for _, g := range whereaboutsGated {
		for i, w := range g.words {
			if j := g.gates[i]; j >= 0 && !strings.Contains(w, whereaboutsGates[j]) {
				t.Fatalf("%s gated by %s, not a fragment of it", w, whereaboutsGates[j])
			}
		}
	}
	gated := 0
	for _, g := range whereaboutsGated {
		for i := range g.words {
			if g.gates[i] >= 0 {
				gated++
			}
		}
	}
	if gated < 15 {
		t.Fatalf("%d of the whereabouts words gated, want 15 or more", gated)
	}
	check := func(text string) (skipped int) {
		seen := gateSeen{text: text}
		for _, g := range whereaboutsGated {
			for i, w := range g.words {
				// Twice: the remembered answer is the searched one.
				for range 2 {
					if seen.mayHold(&g, i) {
						continue
					}
					skipped++
					if strings.Contains(text, w) {
						t.Fatalf("%s skipped in %q, which holds it", w, text)
					}
				}
			}
		}
		return skipped
	}
	pieces := gatePieces()
	rng := rand.New(rand.NewPCG(27, 1))
	skipped := 0
	for i := range 50000 {
		// Long enough for hanscan's own search (64 bytes and more) too.
		skipped += check(randomText(rng, pieces, 1+i%60))
	}
	for _, text := range realTexts(t) {
		check(text)
		check(foldCause(text))
	}
	if skipped < 10000 {
		t.Fatalf("only %d words skipped in the random texts: the test reads too little", skipped)
	}
}

// TestReadWhereaboutsGated: the gated reading is the reading of every word
// (seen nil) on random texts of the words, parties and what the reading
// weighs, and on the real texts folded with their own parties.
func TestReadWhereaboutsGated(t *testing.T) {
	compare := func(text string, defendants, others []string) bool {
		seen := gateSeen{text: text}
		got := readWhereaboutsGated(nil, text, defendants, others, &seen)
		if want := readWhereaboutsGated(nil, text, defendants, others, nil); got != want {
			t.Fatalf("readWhereabouts(nil, %q, %q, %q) gated %+v, every word %+v", text, defendants, others, got, want)
		}
		return got != (whereaboutsReading{})
	}
	pieces := gatePieces()
	rng := rand.New(rand.NewPCG(27, 2))
	read := 0
	for i := range 20000 {
		if compare(randomText(rng, pieces, 1+i%60), []string{"被告", "王五"}, []string{"原告", "李四"}) {
			read++
		}
	}
	if read < 2000 {
		t.Fatalf("only %d random texts read: the test reads too little", read)
	}
	for _, lf := range realtest.Filings(t) {
		f := lf.GetFiling()
		defendants, others := []string{"被告"}, []string{"原告"}
		for _, p := range f.GetParties() {
			if name := foldCause(p.GetName()); utf8.RuneCountInString(name) >= 2 {
				if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
					defendants = append(defendants, name)
				} else if !slices.Contains(defendants, name) {
					others = append(others, name)
				}
			}
		}
		compare(foldCause(f.GetText()), defendants, others)
	}
}

// TestReadWhereaboutsNoAllocation: a complaint without the words costs no
// allocation (the subjects are made only when a word is found).
func TestReadWhereaboutsNoAllocation(t *testing.T) {
	text := foldCause(strings.Repeat("原告与被告系朋友关系，被告向原告借款，至今未还，原告多次催讨未果。", 20))
	defendants, others := []string{"被告", "王五"}, []string{"原告", "李四"}
	if n := testing.AllocsPerRun(100, func() { readWhereabouts(nil, text, defendants, others) }); n != 0 {
		t.Fatalf("readWhereabouts of a complaint without the words: %v allocations, want 0", n)
	}
}

// TestDenialGated: the gated search finds a denial word where containsAny
// does (random texts of the words' pieces, the real texts and their
// folds), and skips words.
func TestDenialGated(t *testing.T) {
	g := &denialGated
	for i, w := range g.words {
		if j := g.gates[i]; j >= 0 && !strings.Contains(w, g.fragments[j]) {
			t.Fatalf("%s gated by %s, not a fragment of it", w, g.fragments[j])
		}
	}
	skipped := 0
	check := func(text string) {
		want := containsAny(text, g.words)
		if got := g.containsAny(nil, text); got != want {
			t.Fatalf("denialGated.containsAny(%q) = %v, containsAny %v", text, got, want)
		}
		if got := g.containsAny(hanscan.NewText(text), text); got != want {
			t.Fatalf("denialGated.containsAny(%q) with its characters = %v, containsAny %v", text, got, want)
		}
		seen := gateSeen{text: text}
		for i, w := range g.words {
			if !seen.mayHold(g, i) {
				skipped++
				if strings.Contains(text, w) {
					t.Fatalf("%s skipped in %q, which holds it", w, text)
				}
			}
		}
	}
	pieces := []string{"被告", "原告", "。", "\xe8\xae", "\xff", "x", "认", "可", "承", "予", "不", "否", "抵", "赖", "确认"}
	pieces = append(pieces, g.fragments...)
	pieces = append(pieces, g.words...)
	rng := rand.New(rand.NewPCG(27, 4))
	for i := range 50000 {
		check(randomText(rng, pieces, 1+i%60))
	}
	for _, text := range realTexts(t) {
		check(text)
		check(foldCause(text))
	}
	if skipped < 10000 {
		t.Fatalf("only %d words skipped: the gates skip too little", skipped)
	}
}
