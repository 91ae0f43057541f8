package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/rules"
)

// TestFilingIDDigitLookalikes: an id that reads as a case number only once
// a letter in its year, court code or number is read as the digit it looks
// like (O or o for 0, l or I for 1, their Cyrillic and Greek twins, 〇) is refused as filing.id, the message
// naming the letter and where it is; the filing key does not read such a
// letter as a digit (rules.FilingKey says why). Ids that are no case
// number either way, letters and all, and case numbers as written, pass.
func TestFilingIDDigitLookalikes(t *testing.T) {
	clock := time.Date(2100, 12, 30, 12, 0, 0, 0, time.UTC)
	base := civilBase(t)
	for _, tc := range []struct {
		name, id string
		refused  string // the letter quoted as the message quotes it; "" = valid
	}{
		{"O for 0 in the year", "(2O24)苏0106民初1001号", `'O' at 2`},
		{"o for 0 in the year", "(2o24)苏0106民初1001号", `'o' at 2`},
		{"O for 0 in the court code", "(2024)苏01O6民初1001号", `'O' at 9`},
		{"l for 1 in the court code", "(2024)苏0l06民初1001号", `'l' at 8`},
		{"I for 1 in the number", "(2024)苏0106民初100I号", `'I' at 16`},
		{"l for 1 in the number", "(2024)苏0106民初l001号", `'l' at 13`},
		{"a full-width Ｏ", "（2024）苏Ｏ106民初1001号", `'Ｏ' at 7`},
		{"with a traditional character and a space", "(2O24)蘇01 06民初1001號", `'O' at 2`},
		{"every lookalike at once", "(2O24)苏Ol06民初lOOI号", `'O' at 2`},
		{"Cyrillic О for 0 in the year", "(2\u041e24)苏0106民初1001号", `'О' at 2`},
		{"Cyrillic о for 0 in the court code", "(2024)苏01\u043e6民初1001号", `'о' at 9`},
		{"Greek Ο for 0 in the number", "(2024)苏0106民初10\u039f1号", `'Ο' at 15`},
		{"Greek ο for 0 in the year", "(2\u03bf24)苏0106民初1001号", `'ο' at 2`},
		{"ideographic 〇 for 0 in the year", "(2〇24)苏0106民初1001号", `'〇' at 2`},
		{"Cyrillic І for 1 in the number", "(2024)苏0106民初\u0406001号", `'І' at 13`},
		{"Cyrillic і for 1 in the court code", "(2024)苏0\u045606民初1001号", `'і' at 8`},
		{"Cyrillic Ӏ for 1 in the number", "(2024)苏0106民初100\u04c0号", `'Ӏ' at 16`},
		{"Greek Ι for 1 in the number", "(2024)苏0106民初\u0399001号", `'Ι' at 13`},
		{"Roman numeral Ⅰ for 1 (I under NFKC)", "(2024)苏0106民初Ⅰ001号", `'Ⅰ' at 13`},
		// Near misses: not refused.
		{"the case number as written", "(2024)苏0106民初1001号", ""},
		{"an id that is no case number", "JS-2024-0001", ""},
		{"letters for digits in an id that is no case number", "ABC-O1", ""},
		{"another id with lookalikes", "lO-IOl", ""},
		{"a pre-2016 number with a letter", "(2O15)临潼民初字第1826号", ""},
		{"a letter after 号", "(2024)苏0106民初1001号O", ""},
		{"a letter in the codes' place", "(2024)苏0106O1001号", ""},
		{"a letter for the court", "(2024)O0106民初1001号", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := rules.ValidateAt(with(base, province("江苏省"), id(tc.id)), clock)
			if tc.refused == "" {
				if err != nil {
					t.Fatalf("ValidateAt(%q) = %v, want nil", tc.id, err)
				}
				return
			}
			var fe *rules.FieldError
			if !errors.As(err, &fe) || fe.Field != "filing.id" {
				t.Fatalf("ValidateAt(%q) = %v, want a FieldError on filing.id", tc.id, err)
			}
			if !strings.Contains(fe.Problem, tc.refused) || !strings.Contains(fe.Problem, "looks like the digit") {
				t.Errorf("problem %q does not name %s as a letter that looks like a digit", fe.Problem, tc.refused)
			}
			if k := rules.FilingKey(tc.id); k != rules.FoldFilingID(tc.id) && !strings.ContainsAny(k, "OolIＯ\u041e\u043e\u039f\u03bf〇\u0406\u0456\u04c0\u0399Ⅰ") {
				t.Errorf("FilingKey(%q) = %q: read the letter as a digit", tc.id, k)
			}
		})
	}
}
