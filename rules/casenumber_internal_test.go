package rules

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"golang.org/x/text/unicode/norm"
)

// TestParseCaseNumber: ids written by the rules on case numbers
// (法〔2015〕137号, 法〔2018〕335号), with spaces between their elements,
// leading zeros or no 号, are read with their year, court code, codes and
// number; ids that only look partly like one are not read at all.
func TestParseCaseNumber(t *testing.T) {
	for _, tc := range []struct {
		name, id string
		want     caseNumber // zero: not a case number
	}{
		{"basic court", "(2024)苏0106民初1001号", caseNumber{2024, "苏0106", "民初", 1001}},
		{"intermediate court", "(2017)京04民终367号", caseNumber{2017, "京04", "民终", 367}},
		{"high court", "(2017)京民终1号", caseNumber{2017, "京", "民终", 1}},
		{"supreme court", "(2016)最高法民申1号", caseNumber{2016, "最高法", "民申", 1}},
		{"special-division code", "(2019)最高法知民终1号", caseNumber{2019, "最高法", "知民终", 1}},
		{"one-character type code", "(2017)苏0106执1号", caseNumber{2017, "苏0106", "执", 1}},
		{"four characters (one special-division, three type)", "(2020)京73知行保全1号", caseNumber{2020, "京73", "知行保全", 1}},
		{"specialised intermediate court (71–99)", "(2018)辽7102刑初22号", caseNumber{2018, "辽7102", "刑初", 22}},
		{"Inner Mongolia", "(2018)内0102民初2041号", caseNumber{2018, "内0102", "民初", 2041}},
		{"military court", "(2018)军0101刑初1号", caseNumber{2018, "军0101", "刑初", 1}},
		{"Production and Construction Corps", "(2019)兵0202民初5号", caseNumber{2019, "兵0202", "民初", 5}},
		{"the first year of the rules", "(2016)浙0103刑初45号", caseNumber{2016, "浙0103", "刑初", 45}},
		{"criminal review, eight digits", "(2020)最高法刑核12345678号", caseNumber{2020, "最高法", "刑核", 12345678}},
		{"criminal review, eight digits with leading zeros", "(2020)最高法刑核00012345号", caseNumber{2020, "最高法", "刑核", 12345}},
		{"leading zeros", "(2016)浙0103刑初00045号", caseNumber{2016, "浙0103", "刑初", 45}},
		{"号 left out", "(2024)苏0106民初1001", caseNumber{2024, "苏0106", "民初", 1001}},
		{"space after the parenthesis", "(2024) 苏0106民初1001号", caseNumber{2024, "苏0106", "民初", 1001}},
		{"spaces between the parts", "(2024)苏0106 民初 1001 号", caseNumber{2024, "苏0106", "民初", 1001}},
		{"spaces inside the parentheses", "( 2024 )苏0106民初1001号", caseNumber{2024, "苏0106", "民初", 1001}},
		{"runs of spaces, zeros and no 号", "(2024)  苏0106  民初  0001001", caseNumber{2024, "苏0106", "民初", 1001}},

		// Near misses: not a case number, so the key stays what it was.
		{"pre-2016 form", "(2015)临潼民初字第01826号", caseNumber{}},
		{"pre-2016 form with a court code of today's shape", "(2015)苏民初字第1号", caseNumber{}},
		{"a year before the rules", "(2015)苏0106民初1号", caseNumber{}},
		{"字第 after 2016", "(2024)苏0106民初字第1001号", caseNumber{}},
		{"第 alone", "(2024)苏0106民初第1001号", caseNumber{}},
		{"a second document's suffix", "(2016)苏0106民初1号之一", caseNumber{}},
		{"anything after 号", "(2024)苏0106民初1001号A", caseNumber{}},
		{"a space at the end", "(2024)苏0106民初1001号 ", caseNumber{}},
		{"a space at the end, no 号", "(2024)苏0106民初1001 ", caseNumber{}},
		{"a space at the start", " (2024)苏0106民初1001号", caseNumber{}},
		{"a space inside the court code", "(2024)苏 0106民初1001号", caseNumber{}},
		{"a space inside the codes", "(2024)苏0106民 初1001号", caseNumber{}},
		{"a space inside the number", "(2024)苏0106民初10 01号", caseNumber{}},
		{"a space inside the year", "(20 24)苏0106民初1001号", caseNumber{}},
		{"a tab is not a space", "(2024)\t苏0106民初1001号", caseNumber{}},
		{"no parentheses", "2024苏0106民初1001号", caseNumber{}},
		{"full-width parentheses (folded before parsing)", "（2024）苏0106民初1001号", caseNumber{}},
		{"two-digit year", "(24)苏0106民初1001号", caseNumber{}},
		{"five-digit year", "(20245)苏0106民初1001号", caseNumber{}},
		{"year in Chinese numerals", "(二〇二四)苏0106民初1001号", caseNumber{}},
		{"not a court code", "(2024)港0106民初1001号", caseNumber{}},
		{"no court code", "(2024)民初1001号", caseNumber{}},
		{"three court digits", "(2024)苏010民初1001号", caseNumber{}},
		{"five court digits", "(2024)苏01061民初1001号", caseNumber{}},
		{"one court digit", "(2024)苏1民初1001号", caseNumber{}},
		{"digits after 最高法", "(2024)最高法01民初1号", caseNumber{}},
		{"最高 without 法", "(2024)最高民初1号", caseNumber{}},
		{"no codes", "(2024)苏01061001号", caseNumber{}},
		{"five code characters", "(2024)苏0106民初民初民1号", caseNumber{}},
		{"a letter in the codes", "(2024)苏0106民A初1号", caseNumber{}},
		{"no number", "(2024)苏0106民初号", caseNumber{}},
		{"number 0", "(2024)苏0106民初0号", caseNumber{}},
		{"number 000", "(2024)苏0106民初000号", caseNumber{}},
		{"nine digits", "(2024)苏0106民初123456789号", caseNumber{}},
		{"nine digits with a leading zero", "(2024)苏0106民初012345678号", caseNumber{}},
		{"a letter in the number", "(2024)苏0106民初10a1号", caseNumber{}},
		{"number in Chinese numerals", "(2024)苏0106民初一〇〇一号", caseNumber{}},
		{"traditional 號", "(2024)苏0106民初1001號", caseNumber{}},
		{"号 twice", "(2024)苏0106民初1001号号", caseNumber{}},
		{"a dash before the number", "(2024)苏0106民初-1001号", caseNumber{}},
		{"not a case number", "JS-2024-0001", caseNumber{}},
		{"empty", "", caseNumber{}},
		{"a parenthesis alone", "(", caseNumber{}},
		{"cut after the court", "(2024)苏0106", caseNumber{}},
		{"invalid UTF-8", "(2024)苏0106\xff民初1号", caseNumber{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseCaseNumber(tc.id)
			if want := tc.want != (caseNumber{}); ok != want || got != tc.want && ok {
				t.Errorf("parseCaseNumber(%q) = %+v, %v; want %+v, %v", tc.id, got, ok, tc.want, want)
			}
		})
	}
}

// TestParseRealCaseNumbers: the case numbers of the real filings (courts
// of every level and province, 2011–2020) are read when their year is
// 2016 or later, with the year, court code, type code and number the id
// shows, and not read before; no two of these different cases share a
// filing key. It skips when the real filings are absent (they are not in
// the repository).
func TestParseRealCaseNumbers(t *testing.T) {
	real := realtest.Filings(t)
	// The elements as the id writes them, read apart from the parser.
	shape := regexp.MustCompile(`^\((\d{4})\)(最高法|\p{Han}\d*)(\p{Han}+)(\d+)号$`)
	keys := map[string]string{}
	parsed := 0
	for _, r := range real {
		id := r.GetFiling().GetId()
		c, ok := parseCaseNumber(FoldFilingID(id))
		m := shape.FindStringSubmatch(id)
		if m == nil {
			t.Errorf("real id %q is not of a case number's shape", id)
			continue
		}
		year, _ := strconv.Atoi(m[1])
		if year < firstRulesYear {
			if ok {
				t.Errorf("parseCaseNumber(%q) = %+v; a case number before 2016 is not read", id, c)
			}
		} else {
			seq, _ := strconv.Atoi(m[4])
			if want := (caseNumber{year, m[2], m[3], seq}); !ok || c != want {
				t.Errorf("parseCaseNumber(%q) = %+v, %v; want %+v", id, c, ok, want)
			}
			parsed++
		}
		k := FilingKey(id)
		if other, dup := keys[k]; dup && other != id {
			t.Errorf("%q and %q, two cases, share the filing key %q", other, id, k)
		}
		keys[k] = id
	}
	t.Logf("%d real case numbers, %d read as case numbers", len(real), parsed)
}

// TestCaseNumberString: the canonical spelling has ASCII parentheses (the
// official full-width ones under NFKC), no space, no leading zero and 号.
func TestCaseNumberString(t *testing.T) {
	for _, tc := range []struct {
		c    caseNumber
		want string
	}{
		{caseNumber{2024, "苏0106", "民初", 1001}, "(2024)苏0106民初1001号"},
		{caseNumber{2019, "最高法", "知民终", 1}, "(2019)最高法知民终1号"},
		{caseNumber{2020, "最高法", "刑核", 12345}, "(2020)最高法刑核12345号"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// canonicalOracle spells a parsed id canonically another way than
// caseNumber.String: the spaces removed, 号 added if missing, and the
// number's leading zeros dropped. FuzzCaseNumber compares the two, so the
// parser cannot change anything else of an id it reads.
var canonicalOracle = regexp.MustCompile(`^(\(\d{4}\)\D\d*\D+?)0*(\d+)号$`)

// FuzzCaseNumber: parsing never panics; a parsed id's canonical spelling
// parses back to the same case number (so no two case numbers share a
// spelling), is a fixed point of filingKey, and differs from the id only by
// spaces, leading zeros of the number and 号; ids not parsed keep the key
// of migrations 0014 and 0015.
func FuzzCaseNumber(f *testing.F) {
	for _, s := range []string{
		"(2024)苏0106民初1001号", "（2024）苏0106 民初 01001 号", "(2019)最高法知民终1号", "(2017)京民终1", "(2020)最高法刑核12345678号",
		"(2015)临潼民初字第01826号", "(2016)苏0106民初1号之一", "(2024)苏0106民初0号", "JS-2024-0001", "",
		"（2024）蘇01 06民終1001號", "(٢٠٢٤)苏٠١٠٦民初١٠٠١号", "(2O24)苏01O6民初l001号", "ABC-O1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		folded := FoldFilingID(id)
		c, ok := readCaseNumber(folded)
		key := FilingKey(id)
		// A letter for a digit is refused only in an id the key does not
		// read as a case number: the refusal never stops a case number.
		if err := refuseDigitLookalike("filing.id", readID(id)); err != nil && ok {
			t.Errorf("refuseDigitLookalike(%q) = %v for an id FilingKey reads as %s", id, err, c)
		}
		// The case number as the fields are checked against it (round 19):
		// it reads every id the key reads, with the same year and court,
		// and the old form's reader takes any id without panicking.
		r := readID(id)
		nf, numbered := r.facts, r.numbered
		if ok && (!numbered || nf.year != c.year || nf.court != c.court) {
			t.Errorf("readID(%q) = %+v, %v; want the year and court of %+v", id, nf, numbered, c)
		}
		if numbered && nf.court != "" {
			courtCodeLevel(nf.court)
			r, _ := utf8.DecodeRuneInString(nf.court)
			provinceOfCourtCode(r)
		}
		if !ok {
			if key != folded {
				t.Errorf("FilingKey(%q) = %q for an id that is no case number; want the folded id %q", id, key, folded)
			}
			return
		}
		canon := c.String()
		if key != canon {
			t.Errorf("FilingKey(%q) = %q, want the canonical %q", id, key, canon)
		}
		again, ok := parseCaseNumber(canon)
		if !ok || again != c {
			t.Errorf("parseCaseNumber(%q) = %+v, %v; want %+v, the case number it was made from", canon, again, ok, c)
		}
		if FilingKey(canon) != canon {
			t.Errorf("FilingKey(%q) = %q, want itself", canon, FilingKey(canon))
		}
		bare := foldCaseNumber(folded)
		if !strings.HasSuffix(bare, "号") {
			bare += "号"
		}
		m := canonicalOracle.FindStringSubmatch(bare)
		if m == nil || m[1]+strings.TrimLeft(m[2], "0")+"号" != canon {
			t.Errorf("%q was read as %q, which differs by more than spaces, leading zeros, 号, traditional characters and digits", id, canon)
		}
		seq := strconv.Itoa(c.seq)
		if len(seq) < maxSeqDigits {
			seq = "0" + seq
		}
		spaced := fmt.Sprintf("（ %d ）%s　%s %s", c.year, c.court, c.kind, seq)
		if got := FilingKey(spaced); got != canon {
			t.Errorf("FilingKey(%q) = %q, want %q: the same case number spaced, zero-padded, without 号", spaced, got, canon)
		}
		if !utf8.ValidString(canon) || strings.ContainsAny(canon, " \t") {
			t.Errorf("canonical %q is not valid UTF-8 or holds white space", canon)
		}
	})
}

// TestFoldCaseNumberUncopied: foldCaseNumber, which returns a case number
// that needs no fold as it is, folds every string as the copying fold does,
// in random strings of what it drops, maps and keeps.
func TestFoldCaseNumberUncopied(t *testing.T) {
	pieces := []string{"(", "2024", ")", "苏", "0106", "民", "初", "號", "兩", "１", "٣", " ", "\u3000", "\t", "号", "\ufffd", "\xff", "\xe5\x85", "𝟘", "a"}
	rng := rand.New(rand.NewPCG(26, 4))
	uncopied := 0
	for i := range 100000 {
		var b strings.Builder
		for range i % 12 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		got, want := foldCaseNumber(s), foldCaseNumberCopy(s)
		if got != want {
			t.Fatalf("foldCaseNumber(%q) = %q, the copying fold %q", s, got, want)
		}
		if got == s {
			uncopied++
		}
	}
	if uncopied < 1000 {
		t.Fatalf("only %d strings needed no fold: the test reads too little", uncopied)
	}
}

// readNumberFactsReference and refuseDigitLookalikeReference are the id's
// readings before readID: each folded and parsed the id itself.
func readNumberFactsReference(id string) (numberFacts, bool) {
	folded := FoldFilingID(id)
	if c, ok := readCaseNumber(folded); ok {
		t, typed := lookupCaseType(c.kind)
		return numberFacts{number: c.String(), year: c.year, court: c.court, typ: t, typed: typed}, true
	}
	return readOldNumber(folded)
}

func refuseDigitLookalikeReference(field, id string) error {
	folded := FoldFilingID(id)
	if _, ok := readCaseNumber(folded); ok || strings.TrimSpace(folded) != folded {
		return nil
	}
	read := strings.Map(func(r rune) rune {
		if d, ok := digitLookalikes[r]; ok {
			return d
		}
		return r
	}, foldCaseNumber(folded))
	c, ok := parseCaseNumber(read)
	if !ok {
		return nil
	}
	i := 0
	for _, r := range id {
		if nr := []rune(norm.NFKC.String(string(r))); len(nr) == 1 && digitLookalikes[nr[0]] != 0 {
			d := digitLookalikes[nr[0]]
			return fieldErrorf(field, "reads as the case number %s but for the letter %q at %d, which looks like the digit %c: a case number has no letters in its year, court code or number; write the digit", c, r, i, d)
		}
		i++
	}
	return nil
}

// TestReadIDAsBefore: the id read once (readID) gives the facts and the
// lookalike refusal the readings of their own gave, on random ids of case
// numbers' parts (both forms, full-width and traditional forms, letters
// for digits, spaces, Arabic-Indic digits) and on the real filings' ids.
func TestReadIDAsBefore(t *testing.T) {
	// A case number's parts in order, each in forms read and not.
	parts := [][]string{
		{"(", "（", "〔", "[", ""}, {"2024", "2015", "2O24", "20 24", "٢٠٢٤", "2035"}, {")", "）", "〕", "]"},
		{"苏0106", "蘇01 06", "苏01O6", "京", "临潼", "最高法", "苏0l06"}, {"民初", "民終", "刑初", "知民终", "民初字第", "行初", "民再"},
		{"1001", "l001", "01826", "0", "1O"}, {"号", "號", ""}, {"", "之一", " ", "-O1"},
	}
	check := func(id string) int {
		r := readID(id)
		nf, numbered := readNumberFactsReference(id)
		if r.numbered != numbered || r.facts != nf {
			t.Fatalf("readID(%q) = %+v, %v; reference %+v, %v", id, r.facts, r.numbered, nf, numbered)
		}
		got, want := fmt.Sprint(refuseDigitLookalike("filing.id", r)), fmt.Sprint(refuseDigitLookalikeReference("filing.id", id))
		if got != want {
			t.Fatalf("refuseDigitLookalike(%q) = %s, reference %s", id, got, want)
		}
		if numbered || want != "<nil>" {
			return 1
		}
		return 0
	}
	rng := rand.New(rand.NewPCG(13, 1210))
	found := 0
	var b strings.Builder
	for range 30000 {
		b.Reset()
		for _, forms := range parts {
			b.WriteString(forms[rng.IntN(len(forms))])
		}
		found += check(b.String())
	}
	if found < 1000 {
		t.Fatalf("%d random ids read as case numbers or refused, want 1,000 or more", found)
	}
	for _, lf := range realtest.Filings(t) {
		check(lf.GetFiling().GetId())
	}
}
