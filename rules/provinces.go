package rules

import "strings"

// Province is a province-level division (省、自治区、直辖市、特别行政区) with its
// GB/T 2260 code. Small-claims limits are announced per province (CPL 165).
type Province struct {
	Code  string // GB/T 2260, e.g. "210000"
	Name  string // full name, e.g. "辽宁省"
	Short string // short name, e.g. "辽宁"
}

// provinces is GB/T 2260's province-level list. Hong Kong, Macao and Taiwan
// are listed so that a filing naming them is recognised (and then gets
// LIMIT_UNKNOWN) instead of being rejected as malformed.
var provinces = [...]Province{
	{"110000", "北京市", "北京"}, {"120000", "天津市", "天津"}, {"130000", "河北省", "河北"},
	{"140000", "山西省", "山西"}, {"150000", "内蒙古自治区", "内蒙古"}, {"210000", "辽宁省", "辽宁"},
	{"220000", "吉林省", "吉林"}, {"230000", "黑龙江省", "黑龙江"}, {"310000", "上海市", "上海"},
	{"320000", "江苏省", "江苏"}, {"330000", "浙江省", "浙江"}, {"340000", "安徽省", "安徽"},
	{"350000", "福建省", "福建"}, {"360000", "江西省", "江西"}, {"370000", "山东省", "山东"},
	{"410000", "河南省", "河南"}, {"420000", "湖北省", "湖北"}, {"430000", "湖南省", "湖南"},
	{"440000", "广东省", "广东"}, {"450000", "广西壮族自治区", "广西"}, {"460000", "海南省", "海南"},
	{"500000", "重庆市", "重庆"}, {"510000", "四川省", "四川"}, {"520000", "贵州省", "贵州"},
	{"530000", "云南省", "云南"}, {"540000", "西藏自治区", "西藏"}, {"610000", "陕西省", "陕西"},
	{"620000", "甘肃省", "甘肃"}, {"630000", "青海省", "青海"}, {"640000", "宁夏回族自治区", "宁夏"},
	{"650000", "新疆维吾尔自治区", "新疆"}, {"710000", "台湾省", "台湾"},
	{"810000", "香港特别行政区", "香港"}, {"820000", "澳门特别行政区", "澳门"},
}

// LookupProvince resolves a province written as its full name ("辽宁省"), its
// short name ("辽宁") or its GB/T 2260 code ("210000"). A county- or
// prefecture-level code ("210102") resolves to its province, since filing
// systems often send the court's own division code.
func LookupProvince(s string) (Province, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Province{}, false
	}
	if isDigits(s) {
		if len(s) != 6 {
			return Province{}, false
		}
		code := s[:2] + "0000"
		for _, p := range provinces {
			if p.Code == code {
				return p, true
			}
		}
		return Province{}, false
	}
	for _, p := range provinces {
		if s == p.Name || s == p.Short {
			return p, true
		}
	}
	return Province{}, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// courtProvinceConflict returns the province the court's name places the
// court in when the filing states another (the zero Province when either is
// unknown or they agree). The name places it by a province's full name
// ("浙江省杭州市上城区人民法院", "北京市海淀区人民法院") or by a pilot city's
// name or county ("杭州市上城区人民法院"); other city names are not known to
// fenjian, so a conflict they would show passes unseen. The province decides
// the small-claims figure (CPL 165 ¶1) and the fast-track pilot's city.
func courtProvinceConflict(court, province string) Province {
	stated, ok := LookupProvince(province)
	if !ok {
		return Province{}
	}
	named, ok := provinceOfCourt(court)
	if !ok || named.Code == stated.Code {
		return Province{}
	}
	return named
}

// provinceOfCourt is the province a court's name places it in, if any.
func provinceOfCourt(court string) (Province, bool) {
	for _, p := range provinces {
		if strings.Contains(court, p.Name) {
			return p, true
		}
	}
	city := PilotCityOf(court, "")
	for _, c := range pilotCities {
		if c.crim && c.city == city {
			return LookupProvince(c.province)
		}
	}
	return Province{}, false
}
