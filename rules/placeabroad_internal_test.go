package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// placeAbroadAtMap is placeAbroadAt as it was before abroadFirst became a
// bit set: the first runes in a map.
func placeAbroadAtMap(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !abroadFirstMap[r] {
		return false
	}
	return prefixIn(s, abroadPlaces) > 0
}

var abroadFirstMap = func() map[rune]bool {
	m := map[rune]bool{}
	for _, p := range abroadPlaces {
		r, _ := utf8.DecodeRuneInString(p)
		m[r] = true
	}
	return m
}()

// domicileAbroadAtBefore is domicileAbroadAt as it was before the stay
// before a bare 住 was asked after the place: the same answer, in the
// other order.
func domicileAbroadAtBefore(text string, at int, head string) (start, end int, ok bool) {
	start, q := at, at+len(head)
	bare := false
	if head == "住" {
		n := prefixIn(text[q:], domicileAfterZhu[:])
		switch {
		case strings.HasSuffix(text[:at], "经常居") && n > 0:
			start -= len("经常居")
		case strings.HasPrefix(text[q:], "地"):
			return 0, 0, false
		case n == 0:
			bare = true
		}
		q += n
	} else {
		n := prefixIn(text[q:], domicileAfterHuji[:])
		if n == 0 {
			return 0, 0, false
		}
		q += n
	}
	if bare && slices.ContainsFunc(stayBefore[:], func(w string) bool { return strings.HasSuffix(text[:at], w) }) {
		return 0, 0, false
	}
	q += prefixIn(text[q:], domicileMarks[:])
	q += prefixIn(text[q:], []string{"中国"})
	if !placeAbroadAtMap(text[q:]) {
		return 0, 0, false
	}
	return start, q + prefixIn(text[q:], abroadPlaces), true
}

// TestPlaceAbroadAtBits: abroadFirst's bits answer as the map did for
// every rune (and a byte that is none), and placeAbroadAt and
// domicileAbroadAt answer as before at every 住 and 户籍 of 50,000 random
// texts of the words they read.
func TestPlaceAbroadAtBits(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune+1; r++ {
		s := string(r) + "国"
		if r == utf8.MaxRune+1 {
			s = "\xff国"
		}
		if got, want := placeAbroadAt(s), placeAbroadAtMap(s); got != want {
			t.Fatalf("placeAbroadAt(%q) = %v, with the map %v", s, got, want)
		}
	}
	for _, p := range abroadPlaces {
		if !placeAbroadAt(p) {
			t.Fatalf("placeAbroadAt(%q) = false", p)
		}
	}
	pieces := []string{"住", "所", "地", "址", "户籍", "所在", "经常居", "居", "暂", "入", "借", "同", "在", "为", "于", "位于", ":", "中国",
		"香港", "美国", "日本", "台湾", "澳", "新", "路", "被告", "原告", "并非", "不", ",", "。", "\xe4\xb8", "\xff", "a"}
	rng := rand.New(rand.NewPCG(36, 28))
	found := 0
	for range 50000 {
		text := randomText(rng, pieces, 1+rng.IntN(30))
		for _, head := range [...]string{"住", "户籍"} {
			for at := range occurrences(text, head) {
				s, e, ok := domicileAbroadAt(text, at, head)
				ws, we, wok := domicileAbroadAtBefore(text, at, head)
				if s != ws || e != we || ok != wok {
					t.Fatalf("domicileAbroadAt(%q, %d, %q) = %d, %d, %v, before %d, %d, %v", text, at, head, s, e, ok, ws, we, wok)
				}
				if ok {
					found++
				}
			}
		}
		if at := rng.IntN(len(text) + 1); placeAbroadAt(text[at:]) != placeAbroadAtMap(text[at:]) {
			t.Fatalf("placeAbroadAt(%q) differs from the map's", text[at:])
		}
	}
	if found < 1000 {
		t.Fatalf("only %d domiciles abroad in 50,000 random texts: the pieces no longer test the reading", found)
	}
}
