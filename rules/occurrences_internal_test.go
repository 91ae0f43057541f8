package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// occurrencesRef is the loop occurrences replaced in the readers, with
// strings.Index: each occurrence's index and the text since the one
// before.
func occurrencesRef(text, word string) (at []int, before []string) {
	off := 0
	for rest := text; ; {
		i := strings.Index(rest, word)
		if i < 0 {
			return at, before
		}
		at, before = append(at, off+i), append(before, rest[:i])
		rest = rest[i+len(word):]
		off += i + len(word)
	}
}

// TestOccurrences compares occurrences with the loop it replaced on
// 20,000 random texts of up to 1,200 pieces (long enough for
// hanscan.Index's own scan) and words made of the same pieces, words
// that overlap themselves (明明, 原告原) and pieces of the text; an early
// break stops it where the loop's break would.
func TestOccurrences(t *testing.T) {
	pieces := []string{"原", "告", "被", "明", "住", "香港", "公民", "不", "未", "否认", ":", ",", "。", "1", "a", "\xe4\xb8", "\xff"}
	r := rand.New(rand.NewPCG(36, 13))
	for n := range 20000 {
		text := randomText(r, pieces, r.IntN(1200))
		words := []string{"原告", "明明", "原告原", "住", "否认", "告:", ":", "不明", randomText(r, pieces, 1+r.IntN(3))}
		if len(text) > 0 {
			i := r.IntN(len(text))
			words = append(words, text[i:min(len(text), i+1+r.IntN(12))])
		}
		for _, w := range words {
			wantAt, wantBefore := occurrencesRef(text, w)
			var gotAt []int
			var gotBefore []string
			for at, before := range occurrences(text, w) {
				gotAt, gotBefore = append(gotAt, at), append(gotBefore, before)
			}
			if !slices.Equal(gotAt, wantAt) || !slices.Equal(gotBefore, wantBefore) {
				t.Fatalf("text %q, word %q: occurrences %v %q, loop %v %q", text, w, gotAt, gotBefore, wantAt, wantBefore)
			}
			// Stopping after the k-th occurrence sees the first k.
			if k := len(wantAt); k > 1 && n%7 == 0 {
				seen := 0
				for range occurrences(text, w) {
					if seen++; seen == k/2 {
						break
					}
				}
				if seen != k/2 {
					t.Fatalf("text %q, word %q: break after %d saw %d", text, w, k/2, seen)
				}
			}
		}
	}
	for range occurrences("原告原告", "") {
		t.Fatal("occurrences of the empty word yielded one")
	}
}
