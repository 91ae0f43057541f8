package hanscan

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkText compares t.Index and t.Contains with Index for every needle,
// over t's whole text and over random parts of it, and over a copy of a
// part (memory of its own: searched in full).
func checkText(t *testing.T, r *rand.Rand, tx *Text, subs []string) {
	t.Helper()
	s := tx.String()
	parts := []string{s, s[:0], s[len(s):]}
	for range 4 {
		if len(s) > 0 {
			i := r.IntN(len(s))
			j := i + r.IntN(len(s)-i+1)
			parts = append(parts, s[i:j], strings.Clone(s[i:j])+"下")
		}
	}
	for _, p := range parts {
		for _, sub := range subs {
			if got, want := tx.Index(p, sub), Index(p, sub); got != want {
				t.Fatalf("Text(%q).Index(%q, %q) = %d, Index %d", s, p, sub, got, want)
			}
			if got, want := tx.Contains(p, sub), Contains(p, sub); got != want {
				t.Fatalf("Text(%q).Contains(%q, %q) = %v, Contains %v", s, p, sub, got, want)
			}
		}
	}
}

// absentAlphabet are characters the random texts never hold, to make
// words with a character absent from the text.
var absentAlphabet = []string{"鉴", "乙", "中", "理", "z", "\xe5", "\xe4\xb9", "\xc0", "𠀀"}

// TestTextMatchesIndex compares Text's Index and Contains with Index on
// 20,000 random texts of the alphabet (characters sharing bytes, ASCII,
// bytes that are no UTF-8 or part of a character), for pieces of each
// text, random words, the rules' words, and words with a character the
// text lacks in front, inside or at the end — and on parts of each text
// and a copy that is no part of it.
func TestTextMatchesIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(37, 2026))
	words := []string{"下落不明", "公告送达", "反诉", "鉴定", "原告", "被告", "等", "明明", "原告:", "第1", "不\xe4:", "\xb8\x8b", "\xe4\xb8"}
	tx := &Text{}
	for i := range 20000 {
		s := randomText(r, r.IntN(600))
		if i%10 == 0 {
			s = strings.Repeat(alphabet[r.IntN(len(alphabet))], r.IntN(300)) + s
		}
		// Half the texts lack some characters entirely.
		if i%2 == 0 {
			for _, a := range absentAlphabet[:3] {
				s = strings.ReplaceAll(s, a, "")
			}
		}
		tx.Reset(s)
		subs := append(needles(r, s), words...)
		for _, w := range needles(r, s)[:6] {
			a := absentAlphabet[r.IntN(len(absentAlphabet))]
			k := r.IntN(len(w) + 1)
			subs = append(subs, a+w, w[:k]+a+w[k:], w+a)
		}
		checkText(t, r, tx, subs)
	}
}

// TestTextSkipsAbsent checks that the set answers for absent words: over
// real complaints (or, where there are none, random texts), most words of
// the other texts that a text does not hold are rejected by MayHold, and
// no word a text holds is. Without the set every search is a scan.
func TestTextSkipsAbsent(t *testing.T) {
	texts := realOrRandomTexts(t)
	absent, rejected := 0, 0
	for i, s := range texts {
		tx := NewText(s)
		other := texts[(i+1)%len(texts)]
		for k := 0; k+6 <= len(other); k += 3 {
			w := other[k : k+6]
			in := strings.Contains(s, w)
			if in && !tx.MayHold(w) {
				t.Fatalf("MayHold(%q) false, but the text holds it", w)
			}
			if !in {
				absent++
				if !tx.MayHold(w) {
					rejected++
				}
			}
		}
	}
	t.Logf("%d of %d absent words rejected without a scan", rejected, absent)
	if absent == 0 || rejected*2 < absent {
		t.Fatalf("MayHold rejected %d of %d absent words, want at least half", rejected, absent)
	}
}

// realOrRandomTexts are the real filings' texts, else 200 random texts of
// a wider alphabet than the property test's.
func realOrRandomTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	t.Run("real", func(t *testing.T) { texts = loadRealTexts(t) })
	if len(texts) > 0 {
		return texts
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var b strings.Builder
		for range 300 {
			b.WriteRune(rune(0x4E00 + r.IntN(3000)))
		}
		texts = append(texts, b.String())
	}
	return texts
}

// FuzzText compares Text's Index with Index on any text and word, over
// the whole text and its second half.
func FuzzText(f *testing.F) {
	f.Add("原告诉称：被告下落不明，", "下落不明")
	f.Add("原告诉称：被告下落不明，", "鉴定")
	f.Add(strings.Repeat("\xe4\xb8", 50)+"不", "\xb8不")
	f.Add("明:明a", "a明")
	f.Fuzz(func(t *testing.T, s, sub string) {
		tx := NewText(s)
		for _, p := range []string{s, s[len(s)/2:]} {
			if got, want := tx.Index(p, sub), Index(p, sub); got != want {
				t.Fatalf("Text(%q).Index(%q, %q) = %d, Index %d", s, p, sub, got, want)
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	s := strings.Repeat("原告陈丽慧诉称：原、被告系同学，于2007年开始恋爱，并于2010年10月26日登记结婚。", 40)
	words := []string{"下落不明", "公告送达", "反诉", "鉴定", "公益诉讼", "发回"}
	b.Run("build", func(b *testing.B) {
		tx := &Text{}
		for b.Loop() {
			tx.Reset(s)
		}
	})
	b.Run("search", func(b *testing.B) {
		tx := NewText(s)
		for b.Loop() {
			for _, w := range words {
				tx.Index(s, w)
			}
		}
	})
}

// resetReference is Reset as first written: every sequence through
// hanSeq, then seqAt. Reset's own loop must make the same set.
func resetReference(t *Text, s string) {
	t.s = s
	t.set = [setWords]uint64{}
	for i := 0; i < len(s); {
		k, n := hanSeq(s, i)
		if n == 0 {
			k, n = seqAt(s, i)
		}
		if n == 0 {
			i++
			continue
		}
		t.set[k>>6&(setWords-1)] |= 1 << (k & 63)
		i += n
	}
}

// TestResetMatchesReference compares Reset's set with resetReference's on
// 20,000 random texts of the property test's alphabet (ASCII, characters
// sharing bytes, bytes that are no UTF-8 or part of a character, cut
// characters at the end) and on the real texts.
func TestResetMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 12))
	var texts []string
	for range 20000 {
		s := randomText(r, r.IntN(300))
		texts = append(texts, s, s[:r.IntN(len(s)+1)])
	}
	t.Run("real", func(t *testing.T) { texts = append(texts, loadRealTexts(t)...) })
	var got, want Text
	for _, s := range texts {
		got.Reset(s)
		resetReference(&want, s)
		if got.set != want.set {
			t.Fatalf("Reset(%q): set differs from the reference's", s)
		}
	}
}
