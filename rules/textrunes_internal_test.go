package rules

import (
	"testing"
	"time"
)

// TestReadCriminalTextAsBefore: readCriminalText, which makes the text
// runes once for the age and the birth-date readers (textRunes), reads
// what ReadTextFacts and then ReadTextBirthMinor read on their own, each
// making its own runes as criminalTextFacts did, over random texts of
// defendants, victims, ages, birth and offence dates and the words that
// make them another's, and over the real texts; and it finds minors.
func TestReadCriminalTextAsBefore(t *testing.T) {
	pieces := []string{"被告人", "被害人", "王某", "李某", "男", "，", "。", "；", "的", "知", "其", "曾", "曾用名",
		"2008年3月1日出生", "2007年12月出生", "1990年5月2日出生", "于2024年5月1日", "于2025年3月", "出生",
		"（17周岁）", "年仅十七周岁", "案发时16岁", "现年15岁", "未满十六周岁", "已满十六周岁", "16岁以上", "11岁", "16岁时",
		"女儿", "x", "\xe4\xba", "\xff"}
	filed := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	check := func(text string) (found int) {
		t.Helper()
		got := readCriminalText(text, filed)
		want := ReadTextFacts(text)
		if want.Minor == "" {
			want.Minor = ReadTextBirthMinor(text, filed)
		}
		if got != want {
			t.Fatalf("readCriminalText(%q) = %+v, want %+v", text, got, want)
		}
		if got.Minor != "" {
			found++
		}
		return found
	}
	sameOnRandomAndReal(t, 211, pieces, 20000, 30, "state a minor", check)
}
