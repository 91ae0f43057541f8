package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestFilingKey: the spellings a case number (案号) arrives in from
// different filing systems share a key; ids that name other cases, or
// that differ in more than spelling, do not.
func TestFilingKey(t *testing.T) {
	const official = "（2024）苏0106民初1001号" // full-width parentheses, 法〔2015〕137号
	for _, tc := range []struct {
		name, a, b string
		same       bool
	}{
		{"ASCII parentheses", official, "(2024)苏0106民初1001号", true},
		{"full-width digits", official, "（２０２４）苏０１０６民初１００１号", true},
		{"tortoise-shell brackets", official, "〔2024〕苏0106民初1001号", true},
		{"lenticular brackets", official, "【2024】苏0106民初1001号", true},
		{"square brackets", official, "[2024]苏0106民初1001号", true},
		{"full-width square brackets", official, "［2024］苏0106民初1001号", true},
		{"full-width letters", "ＡＢ-12", "AB-12", true},
		{"decomposed é", "café-1", "cafe\u0301-1", true},
		{"compatibility ideograph", "\uF900-1", "\u8C48-1", true},
		{"white lenticular brackets", official, "〖2024〗苏0106民初1001号", true},
		{"white tortoise-shell brackets", official, "〘2024〙苏0106民初1001号", true},
		{"small tortoise-shell brackets", official, "﹝2024﹞苏0106民初1001号", true},
		{"hyphen", "JS-2024-0001", "JS\u20102024\u20100001", true},
		{"non-breaking hyphen", "JS-2024-0001", "JS\u20112024\u20110001", true},
		{"figure dash", "JS-2024-0001", "JS\u20122024\u20120001", true},
		{"en dash", "JS-2024-0001", "JS\u20132024\u20130001", true},
		{"em dash", "JS-2024-0001", "JS\u20142024\u20140001", true},
		{"horizontal bar", "JS-2024-0001", "JS\u20152024\u20150001", true},
		{"minus sign", "JS-2024-0001", "JS\u22122024\u22120001", true},
		{"full-width hyphen-minus", "JS-2024-0001", "JS－2024－0001", true},
		// Case numbers (rules.FilingKey): spaces between the parts, leading
		// zeros and a missing 号 are spellings too.
		{"a space after the parenthesis", official, "(2024) 苏0106民初1001号", true},
		{"spaces between the parts", official, "（2024）苏0106 民初 1001 号", true},
		{"an ideographic space", official, "（2024）\u3000苏0106民初1001号", true},
		{"a no-break space", official, "（2024）苏0106\u00a0民初1001号", true},
		{"the 号 left out", official, "(2024)苏0106民初1001", true},
		{"a leading zero", official, "(2024)苏0106民初01001号", true},
		{"all of them", official, "〔２０２４〕 苏0106 民初 0001001", true},
		{"supreme court, special division", "(2019)最高法知民终1号", "（2019）最高法知民终 0001 号", true},
		{"criminal review padded to eight digits", "(2020)最高法刑核00012345号", "(2020)最高法刑核12345号", true},
		// Near misses.
		{"another number", official, "(2024)苏0106民初1002号", false},
		{"another year", official, "(2025)苏0106民初1001号", false},
		{"another court", official, "(2024)苏0105民初1001号", false},
		{"brackets left out", official, "2024苏0106民初1001号", false},
		{"another type", official, "(2024)苏0106民终1001号", false},
		{"another special division", "(2019)最高法知民终1号", "(2019)最高法民终1号", false},
		{"an intermediate court, not its basic court", "(2024)苏01民初1001号", "(2024)苏0106民初1001号", false},
		{"a trailing zero is another number", official, "(2024)苏0106民初10010号", false},
		// Spellings no case number differs by (rules.FilingKey since
		// migration 0017; outside check 17 stored each as a new filing).
		{"a space inside the number", official, "(2024)苏0106民初10 01号", true},
		{"a space inside the codes", official, "(2024)苏0106民 初1001号", true},
		{"spaces inside the court code", official, "(2024)苏01 06民初1001号", true},
		{"a space inside the year", official, "(20 24)苏0106民初1001号", true},
		{"spaces everywhere", official, "( 2 0 2 4 ) 苏 0 1 0 6 民 初 1 0 0 1 号", true},
		{"traditional 號", official, "(2024)苏0106民初1001號", true},
		{"traditional 蘇", official, "(2024)蘇0106民初1001号", true},
		{"traditional 終", "(2024)苏01民终7号", "(2024)苏01民終7号", true},
		{"traditional 粵 and 轄", "(2024)粤03民辖9号", "（2024）粵03民轄9號", true},
		{"traditional 滬 and 執", "(2023)沪0115执88号", "(2023)滬0115執88號", true},
		{"Arabic-Indic digits", official, "(٢٠٢٤)苏٠١٠٦民初١٠٠١号", true},
		{"Extended Arabic-Indic digits", official, "(۲۰۲۴)苏۰۱۰۶民初۱۰۰۱号", true},
		{"Devanagari digits", official, "(२०२४)苏०१०६民初१००१号", true},
		{"mathematical digits", official, "(𝟐𝟎𝟐𝟒)苏𝟎𝟏𝟎𝟔民初𝟏𝟎𝟎𝟏号", true},
		{"digits of several scripts", official, "(2٠२۴)苏0١06民初1001号", true},
		{"all of the new folds", official, "〔٢٠٢٤〕蘇01 06民初 1 001號", true},
		// Near misses of the new folds: still another case.
		{"traditional, another court", official, "(2024)蘇0105民初1001号", false},
		{"traditional, another type", official, "(2024)苏0106民終1001号", false},
		{"Arabic-Indic, another number", official, "(٢٠٢٤)苏٠١٠٦民初١٠٠٢号", false},
		{"Arabic-Indic, another year", official, "(٢٠٢٥)苏0106民初1001号", false},
		{"a space inside, another number", official, "(2024)苏0106民初10 02号", false},
		{"spaces inside: a basic court is not its intermediate court", "(2024)苏01民初1001号", "(2024)苏01 06民初1001号", false},
		// Letters that look like digits are not read as digits: such an id
		// is refused as filing.id (rules.TestFilingIDDigitLookalikes).
		{"O for zero in the year", official, "(2O24)苏0106民初1001号", false},
		{"O for zero in the court code", official, "(2024)苏01O6民初1001号", false},
		{"o for zero in the number", official, "(2024)苏0106民初1o01号", false},
		{"l for one", official, "(2024)苏0106民初l001号", false},
		{"I for one", official, "(2024)苏0106民初100I号", false},
		{"traditional characters outside a case number", "辦-12", "办-12", false},
		{"digits outside a case number", "JS-٢٠٢٤-0001", "JS-2024-0001", false},
		{"spaces outside a case number", "JS-2024-0001", "JS-2024-00 01", false},
		{"a space at the end", official, official + " ", false},
		{"a second document's suffix", official, official + "之一", false},
		{"字第 after 2016", official, "(2024)苏0106民初字第1001号", false},
		{"pre-2016: a leading zero stays", "(2015)临潼民初字第1826号", "(2015)临潼民初字第01826号", false},
		{"pre-2016: a space stays", "(2015)临潼民初字第1826号", "(2015) 临潼民初字第1826号", false},
		{"a year before the rules", "(2015)苏0106民初1001号", "(2015)苏0106民初01001号", false},
		{"not a court code: a leading zero stays", "(2024)港0106民初1001号", "(2024)港0106民初01001号", false},
		{"nine digits: a leading zero stays", "(2024)苏0106民初12345678号", "(2024)苏0106民初012345678号", false},
		{"ids that are no case number keep their zeros", "JS-2024-1", "JS-2024-0001", false},
		{"ids that are no case number keep their spaces", "JS-2024-0001", "JS- 2024-0001", false},
		{"letter case", "ab-12", "AB-12", false},
		{"angle brackets are not parentheses", official, "《2024》苏0106民初1001号", false},
		{"CJK angle brackets are not parentheses", official, "〈2024〉苏0106民初1001号", false},
		{"an underscore is no dash", "JS-2024-0001", "JS_2024_0001", false},
		{"a slash is no dash", "JS-2024-0001", "JS/2024/0001", false},
		{"the dash left out", "JS-2024-0001", "JS20240001", false},
		{"the year in Chinese numerals", official, "(二〇二四)苏0106民初1001号", false},
		{"katakana ー is no dash", "JS-2024-0001", "JSー2024ー0001", false},
		{"一 is no dash", "JS-2024-0001", "JS一2024一0001", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ka, kb := filingKey(tc.a), filingKey(tc.b)
			if (ka == kb) != tc.same {
				t.Errorf("filingKey(%q) = %q, filingKey(%q) = %q; same = %v, want %v", tc.a, ka, tc.b, kb, ka == kb, tc.same)
			}
		})
	}
}

// FuzzFilingKey: a key is its own key (so a stored key and a new id's key
// compare alike), the key does not depend on how characters are composed,
// and an id that keys as a case number keys the same with a space put
// anywhere inside it.
func FuzzFilingKey(f *testing.F) {
	for _, s := range []string{"（2024）苏0106民初1001号", "〔２０２４〕", "cafe\u0301", "\uF900", "【】[]〖〗〘〙", "JS\u2011\u2013\u2212-", "",
		"(2024) 苏0106\u3000民初 01001", "(2015)临潼民初字第01826号",
		"〔٢٠٢٤〕蘇01 06民初 1 001號", "(2O24)苏01O6民初l001号", "(𝟐𝟎𝟐𝟒)苏०१०६民終1001", " (2024)苏0106民初1001号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		k := filingKey(id)
		if again := filingKey(k); again != k {
			t.Errorf("filingKey(filingKey(%q)) = %q, want %q", id, again, k)
		}
		// A case number's key is its canonical spelling, which ends in 号
		// and keys the same without it; no other key does both.
		if strings.HasSuffix(k, "号") && filingKey(strings.TrimSuffix(k, "号")) == k {
			rs := []rune(id)
			for i := 1; i < len(rs); i++ {
				spaced := string(rs[:i]) + " " + string(rs[i:])
				if got := filingKey(spaced); got != k {
					t.Errorf("filingKey(%q) = %q, but %q with a space inside keys %q", id, k, spaced, got)
					break
				}
			}
		}
		for _, form := range []norm.Form{norm.NFC, norm.NFD} {
			if got := filingKey(form.String(id)); got != k {
				t.Errorf("filingKey of %q in another composition = %q, want %q", id, got, k)
			}
		}
	})
}

// TestSQLiteFilingLookupUsesIndexes: the writer looks every batch's
// filings up, so the lookup must search the key's index for each key, never
// scan decisions.
func TestSQLiteFilingLookupUsesIndexes(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "f.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.read.QueryContext(ctx, "EXPLAIN QUERY PLAN "+s.dialect.selectDecisionsForFilings, `["k1","k2"]`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(detail + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"USING INDEX decisions_filing_key"} {
		if !strings.Contains(plan.String(), want) {
			t.Errorf("the filing lookup's plan does not say %q:\n%s", want, plan.String())
		}
	}
	if strings.Contains(plan.String(), "SCAN decisions") {
		t.Errorf("the filing lookup scans decisions:\n%s", plan.String())
	}
}
