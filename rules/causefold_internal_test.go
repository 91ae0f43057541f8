package rules

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestFoldCause: the ways a cause is written fold to the catalogue's form.
func TestFoldCause(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"离婚纠纷", "离婚纠纷"},
		{"離婚糾紛", "离婚纠纷"},
		{"離婚糾紛", "离婚纠纷"}, // U+F9E2 離 (compatibility ideograph)
		{"离婚\u00a0纠纷", "离婚纠纷"},
		{"离婚\u200b纠纷", "离婚纠纷"},
		{"\ufeff离婚纠纷 ", "离婚纠纷"},
		{"离 婚　纠 纷", "离婚纠纷"},
		{"企业名称（商号）合同纠纷", "企业名称(商号)合同纠纷"},
		{"婚姻家庭纠纷－离婚纠纷", "婚姻家庭纠纷-离婚纠纷"},
		{"民事／合同纠纷＞借款合同纠纷", "民事/合同纠纷>借款合同纠纷"},
		{"民间借贷纠纷；离婚纠纷", "民间借贷纠纷;离婚纠纷"},
		{"著作权权属、侵权纠纷", "著作权权属、侵权纠纷"}, // 著 is the catalogue's, not OpenCC's 着
		{"執行異議之訴", "执行异议之诉"},
	} {
		if got := foldCause(tc.in); got != tc.want {
			t.Errorf("foldCause(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLookupCauseAsWritten: the look-up's reading of fields that name levels
// or several causes (docs/causes.md, How a written cause resolves).
func TestLookupCauseAsWritten(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Name     string
		Category string
		Match    string
		Others   []string
		Complete bool
	}
	for _, tc := range []struct {
		kind, in string
		want     got
	}{
		{"civil", "民间借贷纠纷、离婚纠纷", got{"离婚纠纷", "personal_status", "several", []string{"民间借贷纠纷"}, true}},
		{"civil", "离婚纠纷、民间借贷纠纷", got{"离婚纠纷", "personal_status", "several", []string{"民间借贷纠纷"}, true}},
		{"civil", "婚姻家庭纠纷-离婚纠纷", got{"离婚纠纷", "personal_status", "exact", nil, true}},
		// "/" between two causes that are no levels of each other: a list.
		{"civil", "离婚纠纷/民间借贷纠纷", got{"离婚纠纷", "personal_status", "several", []string{"民间借贷纠纷"}, true}},
		{"civil", "民事/合同纠纷>借款合同纠纷", got{"借款合同纠纷", "money_payment", "exact", nil, true}},
		{"civil", "民间借贷纠纷、某某纠纷", got{"民间借贷纠纷", "money_payment", "several", []string{""}, false}},
		{"civil", "离婚纠纷一案", got{"离婚纠纷", "personal_status", "exact", nil, true}},
		{"civil", "離婚糾紛", got{"离婚纠纷", "personal_status", "exact", nil, true}},
		// Catalogue names holding 、 are not split.
		{"civil", "婚姻家庭、继承纠纷", got{"婚姻家庭、继承纠纷", "personal_status", "exact", nil, true}},
		{"civil", "诉讼、仲裁、人民调解代理合同纠纷", got{"诉讼、仲裁、人民调解代理合同纠纷", "money_payment", "exact", nil, true}},
		// Criminal fields keep the first-charge reading.
		{"criminal", "盗窃罪、诈骗罪", got{"盗窃罪", "unknown", "first-charge", nil, true}},
	} {
		c := e.causes.lookup(tc.in, tc.kind)
		g := got{Name: c.Name, Category: c.Category.String(), Match: c.Match.String(), Complete: c.Complete()}
		for _, o := range c.Others {
			g.Others = append(g.Others, o.Name)
		}
		if d := cmp.Diff(tc.want, g); d != "" {
			t.Errorf("lookup(%q) (-want +got):\n%s", tc.in, d)
		}
	}
}

// TestCatalogueNamesHaveNoSeparators: no catalogue name or alias holds a
// level separator (the look-up would split it), and the traditional table
// never maps a character a catalogue writes.
func TestCatalogueNamesHaveNoSeparators(t *testing.T) {
	cats, err := embeddedCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		var walk func(n *CatalogueNode)
		walk = func(n *CatalogueNode) {
			for _, name := range append([]string{n.Name}, n.Aliases...) {
				f := foldCause(name)
				if strings.ContainsAny(f, causeLevelSeparators) {
					t.Errorf("%s: %q holds a level separator", c.Kind, name)
				}
				for _, r := range name {
					if _, ok := traditional[r]; ok {
						t.Errorf("%s: %q: %q is in the traditional table", c.Kind, name, r)
					}
				}
			}
			for i := range n.Children {
				walk(&n.Children[i])
			}
		}
		for i := range c.Nodes {
			walk(&c.Nodes[i])
		}
	}
}

// FuzzFoldCause: folding and the look-up never panic; foldCause and
// normalizeCause are idempotent; the folded form has no space or invisible
// character and looks up as the written one does.
func FuzzFoldCause(f *testing.F) {
	for _, s := range []string{"离婚纠纷", "離婚糾紛", "民间借贷纠纷、离婚纠纷", "婚姻家庭纠纷-离婚纠纷", "e\u200b\u0301", "¨",
		"企业名称（商号）合同纠纷", "、；", ">>", "(", "纠纷(", "\xff", "盗窃罪、诈骗罪"} {
		f.Add(s)
	}
	e, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := foldCause(s)
		if again := foldCause(fs); again != fs {
			t.Fatalf("foldCause not idempotent: %q → %q → %q", s, fs, again)
		}
		if !utf8.ValidString(fs) || strings.ContainsFunc(fs, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }) {
			t.Fatalf("foldCause(%q) = %q holds a space, an invisible character or invalid text", s, fs)
		}
		if n := normalizeCause(s); normalizeCause(n) != n && !strings.HasSuffix(n, ")") {
			// A stem may itself end in 纠纷 or 案 ("纠纷纠纷"): trimming is
			// once, like a clerk's; only the fold must be stable.
			if foldCause(n) != n {
				t.Fatalf("normalizeCause(%q) = %q is not folded", s, n)
			}
		}
		for _, kind := range []string{"civil", "administrative", "criminal"} {
			a, b := e.causes.lookup(s, kind), e.causes.lookup(fs, kind)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if string(ja) != string(jb) {
				t.Fatalf("%s: lookup(%q) = %s, lookup(folded %q) = %s", kind, s, ja, fs, jb)
			}
		}
	})
}

// TestFoldRunewise: the per-rune fold (foldTable) is foldCause's general
// fold for every rune of the BMP it claims, alone and beside runes that
// could join it (a letter, a combining mark, a Hangul syllable and jamo, a
// space, a traditional and a full-width character), and for random strings
// of the runes it claims.
func TestFoldRunewise(t *testing.T) {
	neighbours := []string{"", "a", "e", "\u0301", "\u0338", "가", "\u1100", "\u1161", "\u11a8", " ", "\u3000", "離", "，", "\u3099", "ｶ"}
	var claimed []rune
	for r := rune(0); r < 0x10000; r++ {
		if _, ok := foldRunewise(string(r)); !ok {
			continue
		}
		claimed = append(claimed, r)
		for _, a := range neighbours {
			for _, s := range []string{a + string(r), string(r) + a} {
				if got, ok := foldRunewise(s); ok && got != foldGeneral(s) {
					t.Fatalf("foldRunewise(%q) = %q, foldGeneral %q", s, got, foldGeneral(s))
				}
			}
		}
	}
	// The fast path must cover what filings are written in.
	for _, s := range []string{"，：；（）、。“”‘’《》【】！？…—", "离婚纠纷離婚糾紛", "ＡＢＣａｂｃ１２３", "abc 123\t\n\r", "\u00a0\u200b\ufeff\u3000", "￥¥"} {
		if _, ok := foldRunewise(s); !ok {
			t.Errorf("foldRunewise(%q) falls back to the general fold", s)
		}
	}
	// Invalid and odd UTF-8 (overlong, surrogate, cut, U+FFFD, outside the
	// BMP) is the general fold's.
	for _, s := range []string{"\xe0\x80\x80", "a\xed\xa0\x80", "离\xe4\xb8", "\xe4", "\xef\xbf\xbd离", "\U00020000离", "\xc0\xaf", "\xf4\x90\x80\x80"} {
		if got, want := foldCause(s), foldGeneral(s); got != want {
			t.Errorf("foldCause(%q) = %q, foldGeneral %q", s, got, want)
		}
		if _, ok := foldRunewise(s); ok {
			t.Errorf("foldRunewise(%q) claims it", s)
		}
	}
	rng := rand.New(rand.NewPCG(13, 5))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range 1 + rng.IntN(12) {
			b.WriteRune(claimed[rng.IntN(len(claimed))])
		}
		s := b.String()
		got, ok := foldRunewise(s)
		if !ok || got != foldGeneral(s) {
			t.Fatalf("foldRunewise(%q) = %q, %v; foldGeneral %q", s, got, ok, foldGeneral(s))
		}
	}
	t.Logf("%d BMP runes fold alone", len(claimed))
}

// TestFilingKeyFolded: filingKeyFolded lists exactly the characters
// filingKeyFolds replaces, so that FoldFilingID skips only ids it would
// leave as they are.
func TestFilingKeyFolded(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		s := "a" + string(r) + "b"
		if replaced := filingKeyFolds.Replace(s) != s; replaced != strings.ContainsRune(filingKeyFolded, r) {
			t.Errorf("U+%04X: replaced %v, in filingKeyFolded %v", r, replaced, !replaced)
		}
	}
}

// TestFoldRunewiseRandomAndReal: foldRunewise, where it claims a text,
// folds it as foldGeneral does, over random texts of what complaints hold
// (Chinese, ASCII, full-width punctuation, spaces, traditional and
// invisible characters) mixed with what it must leave to the general fold
// (cut, overlong and surrogate forms, combining marks, Hangul, a rune
// outside the BMP), and over the real texts; foldCause is foldGeneral
// everywhere.
func TestFoldRunewiseRandomAndReal(t *testing.T) {
	pieces := []string{"原告", "被告", "离婚", "離婚", "糾紛", "，", "：", "；", "（", "）", "。", "、", "“", "”", "…",
		"a", "Z", "1", " ", "\t", "\n", "\r", "\u3000", "\u00a0", "\u200b", "\ufeff", "ＡＢ", "１２", "￥", "ｶ",
		"\xe4\xb8", "\xe4", "\xb8", "\xe0\x80\x80", "\xed\xa0\x80", "\xef\xbf\xbd", "e\u0301", "가", "\U00020000", "\xff"}
	check := func(text string) int {
		want := foldGeneral(text)
		if got := foldCause(text); got != want {
			t.Fatalf("foldCause(%q) = %q, foldGeneral %q", text, got, want)
		}
		got, ok := foldRunewise(text)
		if !ok {
			return 0
		}
		if got != want {
			t.Fatalf("foldRunewise(%q) = %q, foldGeneral %q", text, got, want)
		}
		return 1
	}
	sameOnRandomAndReal(t, 1206, pieces, 30000, 40, "fold rune by rune", check)
}
