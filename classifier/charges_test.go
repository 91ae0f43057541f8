package classifier

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

func TestChargeFamily(t *testing.T) {
	tests := []struct {
		charge string
		want   chargeFam
	}{
		{"贩卖毒品罪", chargeDrugs},
		{"容留他人吸毒罪", chargeDrugs},
		{"危险驾驶罪", chargeDriving},
		{"强奸罪", chargeSexual},
		{"猥亵儿童罪", chargeSexual},
		{"贷款诈骗罪", chargeFinance}, // before the plain 诈骗
		{"诈骗罪", chargeTheft},
		{"故意伤害罪", chargeViolence},
		{"开设赌场罪", chargePublicOrder},
		{"滥伐林木罪", chargeEnvironment},
		{"受贿罪", chargeCorruption},
		{"非法持有枪支罪", chargeWeapons},
		{"重婚罪", -1},
		{"", -1},
	}
	for _, tc := range tests {
		if got := chargeFamily(tc.charge); got != tc.want {
			t.Errorf("chargeFamily(%q) = %d, want %d", tc.charge, got, tc.want)
		}
	}
}

func TestSentenceKind(t *testing.T) {
	tests := []struct {
		name       string
		c          *triagev1.Circumstances
		text       string
		want       int
		wantStated bool
	}{
		{"field wins", &triagev1.Circumstances{RecommendedSentenceKind: triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION}, "建议判处有期徒刑一年。", sevDetention, true},
		{"suspended from the clause", nil, "公诉机关指控……建议判处有期徒刑一年，缓刑二年。", sevSuspended, true},
		{"detention from the clause", nil, "建议判处拘役三个月，并处罚金。", sevDetention, true},
		{"only the first sentence of the clause", nil, "建议对被告人从轻处罚。另查明被告人曾被判处缓刑。", sevNone, false},
		{"months without a clause", &triagev1.Circumstances{RecommendedSentenceMonths: 8}, "被告人盗窃。", sevFixedTerm, true},
		{"nothing", nil, "被告人盗窃。", sevNone, false},
		{"stated without a kind", nil, "建议判处适当刑罚。", sevNone, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, stated := sentenceKind(tc.c, tc.text)
			if got != tc.want || stated != tc.wantStated {
				t.Errorf("sentenceKind = %d, %v; want %d, %v", got, stated, tc.want, tc.wantStated)
			}
		})
	}
}
