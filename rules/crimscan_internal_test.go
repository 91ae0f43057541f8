package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// dropCauseSeparatorsByRune is dropCauseSeparators as it was before issue
// 13's byte search: each rune looked up in causeSeparators.
func dropCauseSeparatorsByRune(s string) string {
	if !strings.ContainsAny(s, causeSeparators) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(causeSeparators, r) {
			return -1
		}
		return r
	}, s)
}

// TestDropCauseSeparatorsMatchesRunes: dropCauseSeparators answers what
// the rune-by-rune removal answers, for random texts of separators, their
// cut bytes, other CJK punctuation sharing 、's lead byte, bytes that are
// not UTF-8, charge names and the real texts (and their folds).
func TestDropCauseSeparatorsMatchesRunes(t *testing.T) {
	pieces := []string{"、", ",", "，", "。", "\u3000", "《", "\xe3", "\xe3\x80", "\x80\x81", "\xff", "x", "1", "罪", "盗窃",
		"掩饰、隐瞒犯罪所得罪", "武装叛乱、暴乱罪", "é", "𠀀"}
	pieces = append(pieces, nationalSecurityCharges[:]...)
	pieces = append(pieces, terrorismCharges[:]...)
	check := func(s string) {
		t.Helper()
		if got, want := dropCauseSeparators(s), dropCauseSeparatorsByRune(s); got != want {
			t.Fatalf("dropCauseSeparators(%q) = %q, want %q", s, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(13, 37))
	for i := range 100000 {
		check(randomText(rng, pieces, i%40))
	}
	for _, text := range realTexts(t) {
		check(text)
		check(foldCause(text))
	}
}

// intermediateChargeInTextByIndex is IntermediateChargeInText as it was
// before issue 13's character set: every name's separators dropped on each
// call and searched with strings.Index.
func intermediateChargeInTextByIndex(text string, on time.Time) string {
	if text == "" {
		return ""
	}
	w := strings.ReplaceAll(dropCauseSeparators(text), "军人叛逃罪", "")
	names := slices.Clone(nationalSecurityCharges[:])
	if !on.Before(crpl2012InForce) {
		names = append(names, terrorismCharges[:]...)
	}
	for _, n := range names {
		d := dropCauseSeparators(n)
		for rest := w; ; {
			i := strings.Index(rest, d)
			if i < 0 {
				break
			}
			if !slices.ContainsFunc(chargeNegations[:], func(neg string) bool { return strings.HasSuffix(rest[:i], neg) }) {
				return n
			}
			rest = rest[i+len(d):]
		}
	}
	return ""
}

// TestIntermediateChargeInTextMatchesIndex: IntermediateChargeInText,
// searching through the text's character set with the names' dropped
// forms made once, answers what searching every name with strings.Index
// answered, before and after 2013 (terrorism), for random texts long
// enough for the set (hanscan's parts of 96 bytes and more) of the names,
// their halves and characters, negations, 军人叛逃罪, separators and bytes
// that are not UTF-8, and for the real texts; and it finds names in them.
func TestIntermediateChargeInTextMatchesIndex(t *testing.T) {
	pieces := []string{"、", ",", "。", "军人叛逃罪", "军人", "\xe6\x81", "\xff", "x", "被告人", "犯", "罪", "盗窃罪",
		"危害国家安全", "恐怖"}
	pieces = append(pieces, chargeNegations[:]...)
	for _, n := range slices.Concat(nationalSecurityCharges[:], terrorismCharges[:]) {
		rs := []rune(n)
		pieces = append(pieces, n, dropCauseSeparators(n), string(rs[:len(rs)/2]), string(rs[len(rs)/2:]), string(rs[0]))
	}
	dates := []time.Time{crpl2012InForce.AddDate(0, 0, -1), crpl2012InForce}
	check := func(text string) (found int) {
		t.Helper()
		for _, on := range dates {
			got, want := IntermediateChargeInText(text, on), intermediateChargeInTextByIndex(text, on)
			if got != want {
				t.Fatalf("IntermediateChargeInText(%q, %s) = %q, want %q", text, on.Format(time.DateOnly), got, want)
			}
			if got != "" {
				found++
			}
		}
		return found
	}
	sameOnRandomAndReal(t, 21, pieces, 30000, 80, "name a charge", check)
}

// earliestOffenceDateAllClauses is earliestOffenceDate as it was before
// issue 13's gate: every clause searched for the prior words and made
// runes, the breaks looked up rune by rune.
func earliestOffenceDateAllClauses(text string, filed time.Time) (time.Time, bool) {
	var best time.Time
	found := false
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。；;，,", r) }) {
		prior := false
		for _, w := range priorSentenceWords {
			prior = prior || strings.Contains(clause, w)
		}
		if prior {
			continue
		}
		rs := []rune(clause)
		for i := 0; i+1 < len(rs); i++ {
			if rs[i] != '于' {
				continue
			}
			d, _, ok := dateAt(rs, i+1)
			if ok && !d.After(filed) && (!found || d.Before(best)) {
				best, found = d, true
			}
		}
	}
	return best, found
}

// TestEarliestOffenceDateMatchesAllClauses: earliestOffenceDate, reading
// only the clauses with 于, answers what reading every clause answered,
// for random texts of 于, dates and their parts, the prior words, the
// breaks, other punctuation and bad bytes, filed on several dates, and
// for the real texts; and it finds dates in them.
func TestEarliestOffenceDateMatchesAllClauses(t *testing.T) {
	pieces := []string{"于", "于2015年5月1日", "于2018年3月5日", "2018年3月5日", "2016年12月31日", "2020年2月", "2017", "年", "1", "月", "5日", "日", "。", "；", ";", "，", ",", "、",
		"\u3000", "\xe4\xba", "\xff", "x", "被告人", "在", "曾用名", "盗窃", "于是"}
	pieces = append(pieces, priorSentenceWords[:]...)
	filed := []time.Time{time.Date(2017, 6, 30, 0, 0, 0, 0, time.UTC), time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}
	check := func(text string) (found int) {
		t.Helper()
		for _, on := range filed {
			got, ok := earliestOffenceDate(text, on)
			want, wantOK := earliestOffenceDateAllClauses(text, on)
			if ok != wantOK || !got.Equal(want) {
				t.Fatalf("earliestOffenceDate(%q, %s) = %s %v, want %s %v", text, on.Format(time.DateOnly), got, ok, want, wantOK)
			}
			if ok {
				found++
			}
		}
		return found
	}
	sameOnRandomAndReal(t, 26, pieces, 50000, 40, "give a date", check)
}

// TestObjectionGateInEveryWord: objectionGate is a fragment of each of
// objectionWords, so a text without it holds none of them.
func TestObjectionGateInEveryWord(t *testing.T) {
	for _, w := range objectionWords {
		if !strings.Contains(w, objectionGate) {
			t.Errorf("objection word %s lacks the gate %s", w, objectionGate)
		}
	}
}

// objectionInSentenceOfUngated is objectionInSentenceOf as it was before
// issue 13's gate: every sentence searched for every objection word.
func objectionInSentenceOfUngated(text string, objector func(before string) bool) string {
	for sent := range sentencesOf(text) {
		for _, w := range objectionWords {
			i := strings.Index(sent, w)
			if i < 0 || !statedNotNegated(sent, w, 2) {
				continue
			}
			if objector(sent[:i]) {
				return w
			}
		}
	}
	return ""
}

// TestObjectionGateChangesNothing: objectionInSentenceOf, gated on
// objectionGate, answers what searching every sentence answered, for both
// readers' objectors (a representative or defender before the objection;
// the procuratorate as the last subject), over random texts of the
// objection words, their halves, the gate's parts, the persons, negations,
// breaks and bad bytes, and over the real texts; and it finds objections.
func TestObjectionGateChangesNothing(t *testing.T) {
	pieces := []string{objectionGate, "简易", "程序", "适用", "未", "没有", "不", "。", "；", "，", "\n", "被告人", "张三", "\xe7\xa8", "\xff", "x"}
	for _, w := range objectionWords {
		rs := []rune(w)
		pieces = append(pieces, w, string(rs[:len(rs)/2]), string(rs[len(rs)/2:]))
	}
	pieces = slices.Concat(pieces, representatives[:], procuratorates[:], defenders[:])
	objectors := []func(string) bool{
		func(before string) bool { return containsAny(before, representatives[:]) },
		func(before string) bool { return lastSubjectIsOneOf(before, procuratorates[:]) },
	}
	check := func(text string) (found int) {
		t.Helper()
		for k, obj := range objectors {
			got, want := objectionInSentenceOf(text, obj), objectionInSentenceOfUngated(text, obj)
			if got != want {
				t.Fatalf("objector %d: objectionInSentenceOf(%q) = %q, want %q", k, text, got, want)
			}
			if got != "" {
				found++
			}
		}
		return found
	}
	sameOnRandomAndReal(t, 68, pieces, 30000, 60, "state an objection", check)
}

// remandInUngated is remandIn as it was before issue 13's gate: every text
// made runes and walked.
func remandInUngated(text string) string {
	rs := []rune(text)
	for i := 0; i+remandSentRunes <= len(rs); i++ {
		if !remandSentAt(rs[i:]) || remandNegated(string(rs[max(0, i-remandNegationRunes):i])) {
			continue
		}
		window := rs[i:min(len(rs), i+remandSentRunes+remandWithin)]
		for _, m := range remandMarks {
			if j := strings.Index(string(window), m); j >= 0 && !strings.ContainsAny(string(window)[:j], "。；;，,") {
				return string(window)[:j+len(m)]
			}
		}
	}
	return ""
}

// TestRemandGateChangesNothing: remandIn, gated on remandSent's words,
// answers what walking every text answered, over random texts of the
// verbs, their characters and cut bytes, the marks, negations, breaks and
// bad bytes, and over the real texts; and it finds remands.
func TestRemandGateChangesNothing(t *testing.T) {
	pieces := []string{"发", "回", "还", "发\xff回", "\xe5\x8f", "\xff", "x", "不得再", "不", "。", "，", "裁定撤销原判", "人民法院", "重", "审"}
	for _, m := range remandSent {
		pieces = append(pieces, string(m))
	}
	pieces = append(pieces, remandMarks[:]...)
	check := sameAsReference(t, "remandIn", remandIn, remandInUngated, func(got string) bool { return got != "" })
	sameOnRandomAndReal(t, 832, pieces, 30000, 50, "state a remand", check)
}

// TestDeadGateInEveryWord: deadGate is a fragment of each of deadWords, so
// a text without it states no death deadAfter reads.
func TestDeadGateInEveryWord(t *testing.T) {
	for _, w := range deadWords {
		if !strings.Contains(w, deadGate) {
			t.Errorf("death word %s lacks the gate %s", w, deadGate)
		}
	}
}

// deadDefendantUngated is deadDefendant as it was before issue 13's gate.
func deadDefendantUngated(text string) string {
	for _, subj := range deadSubjects {
		for at := range occurrences(text, subj) {
			if w := deadAfter(text[at+len(subj):]); w != "" {
				return subj + w
			}
		}
	}
	return ""
}

// TestDeadGateChangesNothing: deadDefendant, gated on deadGate, answers
// what the ungated search answered, over random texts of the subjects,
// the death words and their parts, names, dates, the own-death and
// treatment words, stops and bad bytes (long enough for hanscan's own
// search), and over the real texts; and it finds deaths.
func TestDeadGateChangesNothing(t *testing.T) {
	pieces := []string{"死", "亡", "\xe4\xba", "\xff", "x", "王某", "于2024年2月1日", "在杭州市", "看守所", "因", "经", "的", "被害人", "。", "，"}
	pieces = slices.Concat(pieces, deadSubjects[:], deadWords[:], ownDeathWords[:], treatmentFailed[:])
	check := sameAsReference(t, "deadDefendant", deadDefendant, deadDefendantUngated, func(got string) bool { return got != "" })
	sameOnRandomAndReal(t, 209, pieces, 30000, 50, "state a death", check)
}

// sameOnRandomAndReal runs check, which compares a reader with its old
// form and returns how many readings a text gave, on n random texts of
// pieces (1 to maxPieces pieces, in turn) drawn from seed, then on the
// real texts. Fewer than 1,000 readings among the random texts fail the
// test: the texts would not exercise the reader ("%d random texts"

// sameAsReference is a check for sameOnRandomAndReal: it fails when reader
// and ref, the reader as it was before a gate, answer a text differently,
// and counts a text where found says reader found what it reads.
func sameAsReference[T comparable](t *testing.T, name string, reader, ref func(string) T, found func(T) bool) func(string) int {
	return func(text string) int {
		t.Helper()
		got, want := reader(text), ref(text)
		if got != want {
			t.Fatalf("%s(%q) = %#v, want %#v", name, text, got, want)
		}
		if found(got) {
			return 1
		}
		return 0
	}
}

// followed by what, e.g. "state a death").
func sameOnRandomAndReal(t *testing.T, seed uint64, pieces []string, n, maxPieces int, what string, check func(text string) int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(13, seed))
	found := 0
	for i := range n {
		found += check(randomText(rng, pieces, 1+i%maxPieces))
	}
	if found < 1000 {
		t.Fatalf("%d random texts %s, want 1,000 or more", found, what)
	}
	for _, text := range realTexts(t) {
		check(text)
	}
}
