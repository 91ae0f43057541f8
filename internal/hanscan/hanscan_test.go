package hanscan

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fenjian/fenjian/internal/dataset/realtest"
)

// alphabet is what the random texts are made of: characters that share
// lead and continuation bytes with each other and with the words (下 and
// 不 both begin E4 B8; 明, 诉 and 讼 end in a byte other characters end
// in), full-width and ASCII marks, digits, a line break, and bytes that
// are no UTF-8 at all or only part of a character.
var alphabet = []string{
	"下", "落", "不", "明", "公", "告", "送", "达", "反", "诉", "讼", "鉴", "定", "原", "被", "等", "人",
	"丁", "七", "万", "丈", "与", "专", "且", "世", "中", "丰", "串", "事", "实", "理", "由",
	"，", "。", "：", "（", "）", ",", ".", ":", "1", "2", "a", "\n", " ",
	"\x80", "\xbf", "\xe4", "\xe4\xb8", "\xff", "\xef\xbc",
}

// randomText is n pieces of the alphabet.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// needles are the words looked for in s: pieces of s itself (so most are
// found, some at the start or the end), random words, and byte slices
// that cut a character.
func needles(r *rand.Rand, s string) []string {
	var out []string
	for range 8 {
		if len(s) > 0 {
			i := r.IntN(len(s))
			j := min(len(s), i+1+r.IntN(16))
			out = append(out, s[i:j])
		}
		out = append(out, randomText(r, 1+r.IntN(4)))
	}
	return append(out, "", s, s+"下")
}

// check compares Index and Contains with package strings for every needle.
func check(t *testing.T, s string, subs []string) {
	t.Helper()
	for _, sub := range subs {
		if got, want := Index(s, sub), strings.Index(s, sub); got != want {
			t.Fatalf("Index(%q, %q) = %d, strings.Index %d", s, sub, got, want)
		}
		if got, want := Contains(s, sub), strings.Contains(s, sub); got != want {
			t.Fatalf("Contains(%q, %q) = %v, strings.Contains %v", s, sub, got, want)
		}
	}
}

// TestIndexMatchesStrings compares Index with strings.Index on 20,000
// random texts of 0 to 2,000 pieces, long runs of one character among
// them (the fall-back to strings.Index after many false candidates), and
// on the words the rules and the classifier look for.
func TestIndexMatchesStrings(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2026))
	words := []string{"下落不明", "公告送达", "反诉", "鉴定", "原告", "被告", "等", "事实与理由", "诉讼请求", "诉请", "发回", "明", "明明",
		// Words ending in ASCII, found by the character before it.
		"原告:", "公益诉讼起诉人:", "原告：", "第1", "等1", "明a:", "下\n", "告。", "不\xe4:"}
	for i := range 20000 {
		s := randomText(r, r.IntN(2000))
		if i%10 == 0 {
			s = strings.Repeat(alphabet[r.IntN(len(alphabet))], r.IntN(3000)) + s
		}
		check(t, s, append(needles(r, s), words...))
	}
}

// TestIndexRealTexts compares Index with strings.Index on the texts of the
// shared real filings (FENJIAN_REAL_DIR, default /work/shared/real),
// skipped where there are none, for pieces of each text and the words of
// every other one.
func TestIndexRealTexts(t *testing.T) {
	texts := loadRealTexts(t)
	r := rand.New(rand.NewPCG(290, 13))
	for i, s := range texts {
		subs := needles(r, s)
		// Two-character words of the other texts: mostly absent here.
		other := texts[(i+1)%len(texts)]
		for k := 0; k+6 <= len(other) && len(subs) < 200; k += 17 {
			if w := other[k : k+6]; utf8.ValidString(w) {
				subs = append(subs, w)
			}
		}
		check(t, s, subs)
	}
}

// loadRealTexts are the texts of the shared real filings
// (realtest.Filings: the test is skipped where there are none; CI has no
// copy).
func loadRealTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, lf := range realtest.Filings(t) {
		texts = append(texts, lf.GetFiling().GetText())
	}
	t.Logf("%d real texts", len(texts))
	return texts
}

// FuzzIndex compares Index with strings.Index on any text and word.
func FuzzIndex(f *testing.F) {
	f.Add(strings.Repeat("原告诉称：被告下落不明，", 10), "下落不明")
	f.Add(strings.Repeat("\xe4\xb8", 50)+"不", "不")
	f.Add(strings.Repeat("明", 100), "明明明")
	f.Add(strings.Repeat("原告：张三，", 20)+"原告:李四", "原告:")
	f.Add(strings.Repeat("明:", 100), "明::")
	f.Fuzz(func(t *testing.T, s, sub string) {
		check(t, s, []string{sub})
	})
}

func BenchmarkIndex(b *testing.B) {
	s := strings.Repeat("原告陈丽慧诉称：原、被告系同学，于2007年开始恋爱，并于2010年10月26日登记结婚。", 40)
	words := []string{"下落不明", "公告送达", "反诉", "鉴定", "公益诉讼", "发回"}
	b.Run("strings", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				strings.Index(s, w)
			}
		}
	})
	b.Run("hanscan", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				Index(s, w)
			}
		}
	})
}
