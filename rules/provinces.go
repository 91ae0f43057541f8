package rules

import (
	"strings"
	"sync"
)

// Province is a province-level division (省、自治区、直辖市、特别行政区) with its
// GB/T 2260 code. Small-claims limits are announced per province (CPL 165).
type Province struct {
	Code  string // GB/T 2260, e.g. "210000"
	Name  string // full name, e.g. "辽宁省"
	Short string // short name, e.g. "辽宁"
	// Court is the character that names the province's high court in case
	// numbers, its 法院代字 (最高人民法院关于人民法院案件案号的若干规定,
	// 法〔2015〕137号, art. 4): the province's one-character abbreviation,
	// 内 for Inner Mongolia; 0 where no court of the mainland system sits.
	Court rune
}

// provinces is GB/T 2260's province-level list. Hong Kong, Macao and Taiwan
// are listed so that a filing naming them is recognised (and then gets
// LIMIT_UNKNOWN) instead of being rejected as malformed.
var provinces = [...]Province{
	{"110000", "北京市", "北京", '京'}, {"120000", "天津市", "天津", '津'}, {"130000", "河北省", "河北", '冀'},
	{"140000", "山西省", "山西", '晋'}, {"150000", "内蒙古自治区", "内蒙古", '内'}, {"210000", "辽宁省", "辽宁", '辽'},
	{"220000", "吉林省", "吉林", '吉'}, {"230000", "黑龙江省", "黑龙江", '黑'}, {"310000", "上海市", "上海", '沪'},
	{"320000", "江苏省", "江苏", '苏'}, {"330000", "浙江省", "浙江", '浙'}, {"340000", "安徽省", "安徽", '皖'},
	{"350000", "福建省", "福建", '闽'}, {"360000", "江西省", "江西", '赣'}, {"370000", "山东省", "山东", '鲁'},
	{"410000", "河南省", "河南", '豫'}, {"420000", "湖北省", "湖北", '鄂'}, {"430000", "湖南省", "湖南", '湘'},
	{"440000", "广东省", "广东", '粤'}, {"450000", "广西壮族自治区", "广西", '桂'}, {"460000", "海南省", "海南", '琼'},
	{"500000", "重庆市", "重庆", '渝'}, {"510000", "四川省", "四川", '川'}, {"520000", "贵州省", "贵州", '黔'},
	{"530000", "云南省", "云南", '云'}, {"540000", "西藏自治区", "西藏", '藏'}, {"610000", "陕西省", "陕西", '陕'},
	{"620000", "甘肃省", "甘肃", '甘'}, {"630000", "青海省", "青海", '青'}, {"640000", "宁夏回族自治区", "宁夏", '宁'},
	{"650000", "新疆维吾尔自治区", "新疆", '新'}, {"710000", "台湾省", "台湾", 0},
	{"810000", "香港特别行政区", "香港", 0}, {"820000", "澳门特别行政区", "澳门", 0},
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
		for _, p := range &provinces {
			if p.Code == code {
				return p, true
			}
		}
		return Province{}, false
	}
	for _, p := range &provinces {
		if s == p.Name || s == p.Short {
			return p, true
		}
	}
	return Province{}, false
}

// provinceOfCourtCode is the province a 法院代字's first character names
// (Province.Court), and 兵, the Production and Construction Corps' branch of
// the Xinjiang high court, as Xinjiang. 军 (military courts) names none.
func provinceOfCourtCode(r rune) (Province, bool) {
	if r == corpsCourt {
		r = '新'
	}
	for _, p := range &provinces {
		if p.Court != 0 && p.Court == r {
			return p, true
		}
	}
	return Province{}, false
}

// corpsCourt is the 法院代字 of the 新疆维吾尔自治区高级人民法院生产建设兵团分院.
const corpsCourt = '兵'

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
// ("浙江省杭州市上城区人民法院", "北京市海淀区人民法院"), by a pilot city's
// name or county ("杭州市上城区人民法院"), or by the prefecture-level
// division its name opens with ("温州市鹿城区人民法院", statute round 32:
// prefectureOfCourt), or by the county-level city it opens with
// ("乐清市人民法院", statute round 33: countyCities); a county's name alone
// ("苍南县人民法院") is not known to fenjian, so a conflict it would show
// passes unseen. The province decides the small-claims figure (CPL 165 ¶1)
// and the fast-track pilot's city.
func courtProvinceConflict(court, province string) Province {
	stated, ok := LookupProvince(province)
	if !ok {
		return Province{}
	}
	named, ok := provinceOfCourt(court)
	if !ok {
		named, ok = prefectureOfCourt(court)
	}
	if !ok || named.Code == stated.Code {
		return Province{}
	}
	return named
}

// provinceOfCourt is the province a court's name places it in, if any: a
// province's full name in it; a municipality's name opening it without 市,
// as the official names of its special courts have it (北京互联网法院,
// 上海铁路运输法院, 重庆两江新区人民法院), but not a maritime court's, whose
// tribunals may sit in another province (民诉法解释第二百七十三条); or a city
// of either pilot that fenjian knows by its districts and counties (成都市,
// 苏州市 and the internet courts are the civil pilot's only).
func provinceOfCourt(court string) (Province, bool) {
	r := courtProvinceOf(court)
	return r.p, r.ok
}

// prefectureOfCourt is the province of the prefecture-level division or
// the county-level city a court's name opens with (prefectureProvinceOf,
// countyCityProvinceOf), remembered with
// provinceOfCourt's answer. Only courtProvinceConflict reads it.
func prefectureOfCourt(court string) (Province, bool) {
	r := courtProvinceOf(court)
	return r.prefecture, r.prefectureOK
}

// courtProvinceOf is what a court's name says of its province, read once
// per name and remembered (rememberCourtProvince).
func courtProvinceOf(court string) courtProvince {
	courtProvinces.RLock()
	r, ok := courtProvinces.m[court]
	courtProvinces.RUnlock()
	if !ok {
		r = rememberCourtProvince(court)
	}
	return r
}

// rememberCourtProvince reads a court's name and keeps the answers in
// courtProvinces while there is room.
func rememberCourtProvince(court string) courtProvince {
	var r courtProvince
	r.p, r.ok = readProvinceOfCourt(court)
	r.prefecture, r.prefectureOK = prefectureProvinceOf(court)
	if !r.prefectureOK {
		r.prefecture, r.prefectureOK = countyCityProvinceOf(court)
	}
	if !r.prefectureOK {
		r.prefecture, r.prefectureOK = countyProvinceOf(court)
	}
	courtProvinces.Lock()
	if len(courtProvinces.m) < maxCourtProvinces {
		if courtProvinces.m == nil {
			courtProvinces.m = make(map[string]courtProvince)
		}
		courtProvinces.m[strings.Clone(court)] = r
	}
	courtProvinces.Unlock()
	return r
}

// courtProvinces remembers provinceOfCourt's answer for each court name
// (readProvinceOfCourt's, which depends on the name alone): it is asked on
// every Decide, once or twice, and reading a name against every province
// and pilot city was ~31,000 instructions, 6% of a Decide (callgrind,
// 2026-12-05); filings name a few thousand courts. Names past
// maxCourtProvinces (made-up ones) are read each time, not kept.
var courtProvinces struct {
	sync.RWMutex
	m map[string]courtProvince
}

// maxCourtProvinces bounds courtProvinces: China has ~3,500 courts.
const maxCourtProvinces = 8192

type courtProvince struct {
	p  Province
	ok bool
	// prefecture is prefectureProvinceOf's answer, or
	// countyCityProvinceOf's where that has none, or countyProvinceOf's
	// (statute round 34) where neither has one.
	prefecture   Province
	prefectureOK bool
}

// readProvinceOfCourt is provinceOfCourt without courtProvinces.
func readProvinceOfCourt(court string) (Province, bool) {
	for _, p := range &provinces {
		if strings.Contains(court, p.Name) {
			return p, true
		}
	}
	if !strings.Contains(court, "海事法院") {
		for _, p := range &provinces {
			if isCityShi(p.Name, p.Short) && strings.HasPrefix(court, p.Short) {
				return p, true
			}
		}
	}
	city := PilotCityOf(court, "")
	if city == "" {
		city = pilotCityOf(court, "", true)
	}
	for _, c := range &pilotCities {
		if city != "" && c.city == city {
			return LookupProvince(c.province)
		}
	}
	return Province{}, false
}
