package rules

import (
	"strings"
	"sync"
)

// countyCities are the county-level cities (县级市) of each province, written
// without their 市 ("乐清" for 乐清市), whose basic courts are named by the
// city alone ("乐清市人民法院", "慈溪市人民法院"): a name that opens with one
// places the court in its province (countyCityProvinceOf). Those a province
// administers directly (济源, 仙桃, 潜江, 天门, 海南's five) are in
// prefectures already and not repeated here; the cities of the Xinjiang
// Production and Construction Corps (石河子 …), county-level cities directly
// under the region whose courts sit in the Corps' branch of the Xinjiang
// high court, are 新疆's.
//
// Source: the Ministry of Civil Affairs' list of divisions at and above the
// county level (民政部《中华人民共和国县级以上行政区划代码》, the 2022 list,
// GB/T 2260 codes ending 81–99 under a prefecture and the 01–09 cities of
// an autonomous prefecture or league), with the 2023 changes 米林, 错那
// (西藏, from counties) and 白杨 (新疆兵团); compiled for fenjian on
// 2026-12-06 and checked against a public copy of the statistical division
// codes. Cities made districts before 2022 (富阳, 即墨, 长乐, 普兰店 …) are
// not listed: their courts' older names are not read.
//
// Each name is one division's alone in the country: no other county-level
// city, prefecture-level division (prefectures) or pilot county
// (pilotCities) has it (TestCountyCitiesUnique). A name shared by two
// divisions would be left out, since it would place a court in one of two
// provinces; none of the list is, as the ministry names no two cities
// alike. Names a district or county shares with a city's stem (大安区 in
// 自贡, 栖霞区 in 南京, 开平区 in 唐山, 海城区 in 北海) do not collide: the
// table is read only with the city's own 市 after the name ("大安市…").
//
// Like prefectures, the table only shows that a court's name contradicts
// the province a filing states (courtProvinceConflict: CPL 165 ¶1 takes
// the figure of the court's province); it never supplies a province a
// filing leaves out.
var countyCities = [...]struct {
	province string
	names    []string
}{
	{"河北", []string{"辛集", "晋州", "新乐", "遵化", "迁安", "滦州", "武安", "南宫", "沙河", "涿州", "定州", "安国",
		"高碑店", "平泉", "泊头", "任丘", "黄骅", "河间", "霸州", "三河", "深州"}},
	{"山西", []string{"古交", "高平", "怀仁", "介休", "永济", "河津", "原平", "侯马", "霍州", "孝义", "汾阳"}},
	{"内蒙古", []string{"霍林郭勒", "满洲里", "牙克石", "扎兰屯", "额尔古纳", "根河", "丰镇", "乌兰浩特", "阿尔山",
		"二连浩特", "锡林浩特"}},
	{"辽宁", []string{"新民", "瓦房店", "庄河", "海城", "东港", "凤城", "凌海", "北镇", "盖州", "大石桥", "灯塔",
		"调兵山", "开原", "北票", "凌源", "兴城"}},
	{"吉林", []string{"榆树", "德惠", "公主岭", "蛟河", "桦甸", "舒兰", "磐石", "双辽", "梅河口", "集安", "临江",
		"扶余", "洮南", "大安", "延吉", "图们", "敦化", "珲春", "龙井", "和龙"}},
	{"黑龙江", []string{"尚志", "五常", "讷河", "虎林", "密山", "铁力", "同江", "富锦", "抚远", "绥芬河", "海林",
		"宁安", "穆棱", "东宁", "北安", "五大连池", "嫩江", "安达", "肇东", "海伦", "漠河"}},
	{"江苏", []string{"江阴", "宜兴", "新沂", "邳州", "溧阳", "常熟", "张家港", "昆山", "太仓", "启东", "如皋", "海安",
		"东台", "仪征", "高邮", "丹阳", "扬中", "句容", "兴化", "靖江", "泰兴"}},
	{"浙江", []string{"建德", "余姚", "慈溪", "瑞安", "乐清", "龙港", "海宁", "平湖", "桐乡", "诸暨", "嵊州", "兰溪",
		"义乌", "东阳", "永康", "江山", "温岭", "临海", "玉环", "龙泉"}},
	{"安徽", []string{"巢湖", "无为", "桐城", "潜山", "天长", "明光", "界首", "宁国", "广德"}},
	{"福建", []string{"福清", "永安", "石狮", "晋江", "南安", "邵武", "武夷山", "建瓯", "漳平", "福安", "福鼎"}},
	{"江西", []string{"乐平", "瑞昌", "共青城", "庐山", "贵溪", "瑞金", "龙南", "井冈山", "丰城", "樟树", "高安", "德兴"}},
	{"山东", []string{"胶州", "平度", "莱西", "滕州", "龙口", "莱阳", "莱州", "招远", "栖霞", "海阳", "青州", "诸城",
		"寿光", "安丘", "高密", "昌邑", "曲阜", "邹城", "新泰", "肥城", "荣成", "乳山", "乐陵", "禹城", "临清", "邹平"}},
	{"河南", []string{"巩义", "荥阳", "新密", "新郑", "登封", "舞钢", "汝州", "林州", "卫辉", "辉县", "长垣", "沁阳",
		"孟州", "禹州", "长葛", "义马", "灵宝", "邓州", "永城", "项城"}},
	{"湖北", []string{"大冶", "丹江口", "宜都", "当阳", "枝江", "老河口", "枣阳", "宜城", "钟祥", "京山", "应城", "安陆",
		"汉川", "石首", "洪湖", "松滋", "监利", "麻城", "武穴", "赤壁", "广水", "恩施", "利川"}},
	{"湖南", []string{"浏阳", "宁乡", "醴陵", "湘乡", "韶山", "耒阳", "常宁", "武冈", "邵东", "汨罗", "临湘", "津市",
		"沅江", "资兴", "祁阳", "洪江", "冷水江", "涟源", "吉首"}},
	{"广东", []string{"乐昌", "南雄", "台山", "开平", "鹤山", "恩平", "廉江", "雷州", "吴川", "高州", "化州", "信宜",
		"四会", "兴宁", "陆丰", "阳春", "英德", "连州", "普宁", "罗定"}},
	{"广西", []string{"横州", "荔浦", "岑溪", "东兴", "桂平", "北流", "靖西", "平果", "合山", "凭祥"}},
	{"四川", []string{"都江堰", "彭州", "邛崃", "崇州", "简阳", "广汉", "什邡", "绵竹", "江油", "射洪", "隆昌", "峨眉山",
		"阆中", "华蓥", "万源", "马尔康", "康定", "西昌", "会理"}},
	{"贵州", []string{"清镇", "盘州", "赤水", "仁怀", "黔西", "兴义", "兴仁", "凯里", "都匀", "福泉"}},
	{"云南", []string{"安宁", "宣威", "澄江", "腾冲", "水富", "楚雄", "禄丰", "个旧", "开远", "蒙自", "弥勒", "文山",
		"景洪", "大理", "瑞丽", "芒", "泸水", "香格里拉"}},
	{"西藏", []string{"米林", "错那"}},
	{"陕西", []string{"兴平", "彬州", "韩城", "华阴", "子长", "神木", "旬阳"}},
	{"甘肃", []string{"华亭", "玉门", "敦煌", "临夏", "合作"}},
	{"青海", []string{"同仁", "玉树", "格尔木", "德令哈", "茫崖"}},
	{"宁夏", []string{"灵武", "青铜峡"}},
	{"新疆", []string{"昌吉", "阜康", "博乐", "阿拉山口", "库尔勒", "阿克苏", "库车", "阿图什", "喀什", "和田", "伊宁",
		"奎屯", "霍尔果斯", "塔城", "乌苏", "沙湾", "阿勒泰",
		"石河子", "阿拉尔", "图木舒克", "五家渠", "北屯", "铁门关", "双河", "可克达拉", "昆玉", "胡杨河", "新星", "白杨"}},
}

// countyCityProvinceOf is the province of the county-level city a court's
// name opens with, followed by its 市 ("乐清市人民法院", "慈溪市人民法院
// 周巷人民法庭"). A maritime court's name is not read, as in
// prefectureProvinceOf.
func countyCityProvinceOf(court string) (Province, bool) {
	if strings.Contains(court, "海事法院") {
		return Province{}, false
	}
	for i := range countyCities {
		for _, n := range countyCities[i].names {
			if strings.HasPrefix(court, n) && strings.HasPrefix(court[len(n):], "市") {
				return LookupProvince(countyCities[i].province)
			}
		}
	}
	return Province{}, false
}

// countyProvinceOf is the province of the county (县, 自治县, 旗, 自治旗) a
// court's name opens with, named in full ("苍南县人民法院", "乌审旗人民法院",
// "兰坪白族普米族自治县人民法院"): statute round 34. The names are the
// National Bureau of Statistics' statistical division codes of 2016 and
// 2023 (countyNames, generated by scripts/gen_counties.py), so that a
// county made a district or a city since 2016 (海安县, 无为县, 茌平县) still
// places the courts older filings name. No county name is two provinces'
// (the generator leaves such a name out; TestCountyNames checks the
// table). Like countyCityProvinceOf it never supplies a missing province,
// and a maritime court's name is not read.
func countyProvinceOf(court string) (Province, bool) {
	if strings.Contains(court, "海事法院") {
		return Province{}, false
	}
	m := countyIndex()
	// Every 县 or 旗 ends a candidate: 社旗县 holds a 旗 before its 县.
	for i, r := range court {
		if r != '县' && r != '旗' {
			continue
		}
		if p, ok := m[court[:i+len(string(r))]]; ok {
			return LookupProvince(p)
		}
	}
	return Province{}, false
}

// countyIndex maps each county's full name to its province's short name.
var countyIndex = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, c := range &countyNames {
		for n := range strings.FieldsSeq(c.names) {
			m[n] = c.province
		}
	}
	return m
})
