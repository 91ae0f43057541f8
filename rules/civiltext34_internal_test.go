package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCountyNames checks the county table (statute round 34, counties.go):
// every province is one, every name a county's or banner's in full, no
// name under two provinces, none a pilot county of another province, and
// countyProvinceOf places "<name>人民法院" in its province and nothing the
// table does not hold.
func TestCountyNames(t *testing.T) {
	seen := map[string]string{}
	total := 0
	for _, c := range &countyNames {
		want, ok := LookupProvince(c.province)
		if !ok {
			t.Errorf("countyNames: %q is no province", c.province)
			continue
		}
		for n := range strings.FieldsSeq(c.names) {
			total++
			if !strings.HasSuffix(n, "县") && !strings.HasSuffix(n, "旗") || utf8.RuneCountInString(n) < 2 {
				t.Errorf("countyNames: %q under %s is no county's name", n, c.province)
			}
			if q, dup := seen[n]; dup {
				t.Errorf("countyNames: %s under %s and %s", n, c.province, q)
			}
			seen[n] = c.province
			for _, pc := range &pilotCities {
				for _, county := range pc.counties {
					if county == n && pc.province != want.Name {
						t.Errorf("countyNames: %s under %s, the pilot's %s county in %s", n, c.province, pc.city, pc.province)
					}
				}
			}
			if got, ok := countyProvinceOf(n + "人民法院"); !ok || got != want {
				t.Errorf("countyProvinceOf(%s人民法院) = %v, %v; want %v", n, got, ok, want)
			}
		}
	}
	// The 2023 list's 1,299 县 and 自治县 and 49 旗 and 自治旗 with the 2016
	// list's counties made districts or cities since: a table that shrank
	// would place fewer courts unseen.
	if total < 1500 {
		t.Errorf("countyNames holds %d names, want at least 1,500", total)
	}
	for _, court := range []string{"朝阳区人民法院", "县人民法院", "苍南人民法院", "苍南县海事法院", "宁波海事法院", "长沙市人民法院"} {
		if p, ok := countyProvinceOf(court); ok {
			t.Errorf("countyProvinceOf(%s) = %v", court, p)
		}
	}
}

// TestSmallClaimsObjectionIn checks the objection reader on folded texts.
func TestSmallClaimsObjectionIn(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"被告表示不同意适用小额诉讼程序。", "不同意适用小额诉讼"},
		{"原告对本案适用小额诉讼程序有异议。", "对本案适用小额诉讼程序有异议"},
		{"被告对按照小额诉讼案件审理有异议。", "对按照小额诉讼案件审理有异议"},
		{"原告认为本案不宜适用小额诉讼程序。", "不宜适用小额诉讼"},
		{"原告申请本案不适用小额诉讼程序审理。", "申请本案不适用小额诉讼"},
		{"原告反对按照简易程序审理。", "反对按照简易程序"},
		{"被告不同意一审终审。", "不同意一审终审"},
		{"被告对适用小额诉讼程序无异议。", ""},
		{"被告对适用小额诉讼程序没有异议。", ""},
		{"被告对适用小额诉讼程序未提出异议。", ""},
		{"原告同意适用小额诉讼程序。", ""},
		{"被告并非不同意适用小额诉讼程序。", ""},
		{"另案中被告对适用小额诉讼程序提出异议。", ""},
		{"原告不同意适用普通程序。", ""},
		{"被告不同意调解，本案适用小额诉讼程序。", ""},
		{"被告对管辖权有异议。", ""},
		{"原告不同意由审判员一人独任审理本案。", "不同意由审判员一人独任"},
		{"被告申请组成合议庭审理本案。", "申请组成合议庭"},
		{"原告对本案由独任审理提出异议。", "对本案由独任审理提出异议"},
		{"原告未申请组成合议庭。", ""},
		{"被告对独任审理无异议。", ""},
		{"另案经合议庭审理。", ""},
		{"2.本案不适用小额诉讼程序审理。", "本案不适用小额诉讼"},
		{"原告认为本案不应适用简易程序。", "本案不应适用简易程序"},
		{"本案不属于不适用小额诉讼程序的情形。", ""},
		{"", ""},
	} {
		if got := smallClaimsObjectionIn(foldCause(c.text)); got != c.want {
			t.Errorf("smallClaimsObjectionIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
