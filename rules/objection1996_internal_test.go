package rules

import (
	"strings"
	"testing"
)

// TestObjection1996Readings: the statute round 36 readings on their own —
// who refuses simplified procedure (the person named last before the
// refusal), and the procuratorate's proposal of the ordinary procedure.
func TestObjection1996Readings(t *testing.T) {
	for _, c := range []struct{ text, procuratorate, defender string }{
		{"人民检察院不同意适用简易程序。", "不同意适用简易程序", ""},
		{"公诉机关建议本案适用普通程序审理。", "建议本案适用普通程序", ""},
		{"检察院对适用简易程序有异议。", "对适用简易程序有异议", ""},
		{"辩护人不同意适用简易程序。", "", "不同意适用简易程序"},
		{"被告人的辩护人对适用简易程序提出异议。", "", "对适用简易程序提出异议"},
		// Another person named last: the defendant refuses.
		{"公诉机关指控被告人犯盗窃罪，被告人不同意适用简易程序。", "", ""},
		{"公诉机关称被告人要求适用普通程序审理。", "", ""},
		{"在辩护人在场的情况下，被告人不同意适用简易程序。", "", ""},
		// Negated, or consent.
		{"公诉机关并非不同意适用简易程序。", "", ""},
		{"公诉机关不建议适用普通程序。", "", ""},
		{"辩护人未对适用简易程序提出异议。", "", ""},
		{"人民检察院建议适用简易程序。", "", ""},
	} {
		if got := procuratorateObjectionIn(c.text); got != c.procuratorate {
			t.Errorf("procuratorateObjectionIn(%q) = %q, want %q", c.text, got, c.procuratorate)
		}
		if got := objectionOfIn(c.text, defenders[:]); got != c.defender {
			t.Errorf("objectionOfIn(%q, defenders) = %q, want %q", c.text, got, c.defender)
		}
	}
}

// FuzzObjection1996 reads filing text from outside: no panic, and what is
// returned is words of the text.
func FuzzObjection1996(f *testing.F) {
	for _, s := range []string{"", "人民检察院不同意适用简易程序。", "公诉机关建议本案适用普通程序审理", "辩护人", "普通程序建议公诉机关",
		"\xff\xfe普通程序", "检察院建议。普通程序", "被告人辩护人公诉人对适用简易程序有异议"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range []string{procuratorateObjectionIn(text), objectionOfIn(text, defenders[:])} {
			if w != "" && !strings.Contains(text, w) {
				t.Fatalf("read %q, not in %q", w, text)
			}
		}
	})
}

// TestFastTrackFirstTrialIn: the earlier trial in fast-track (Interp. 377).
func TestFastTrackFirstTrialIn(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"本案原审适用速裁程序审理，二审以事实不清为由发回重审。", "适用速裁程序"},
		{"一审适用速裁程序审理后，二审法院裁定发回重审。", "适用速裁程序"},
		{"原审未适用速裁程序，二审以事实不清为由发回重审。", ""},
		{"原审适用简易程序审理。", ""},
		{"被告人同意适用速裁程序。", ""}, // no earlier trial named
	} {
		if got := fastTrackFirstTrialIn(c.text); got != c.want {
			t.Errorf("fastTrackFirstTrialIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzFastTrackFirstTrialIn: no panic, and the words read are the text's.
func FuzzFastTrackFirstTrialIn(f *testing.F) {
	for _, s := range []string{"", "原审适用速裁程序", "适用速裁程序原审", "一审\xff适用速裁程序", "原判。适用速裁程序"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if w := fastTrackFirstTrialIn(text); w != "" && !strings.Contains(text, w) {
			t.Fatalf("read %q, not in %q", w, text)
		}
	})
}
