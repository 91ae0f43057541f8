package corpus

import (
	"math/rand/v2"
	"strings"
)

// city is a prefecture-level place with the courts a filing can go to.
type city struct {
	name   string   // "杭州市"
	plate  string   // licence-plate prefix, "浙A"
	interm string   // intermediate court's case-number code, "01"
	bases  []county // basic courts
	// intermName overrides "<name>中级人民法院" (Shanghai has numbered ones).
	intermName string
}

// county is a basic court's district: its name and GB/T 2260 code, which is
// also the court's code in case numbers ("浙0106").
type county struct {
	name string // "西湖区"; a county-level city names its own court ("义乌市")
	code string // "330106"
}

// province is a place filings come from. limited marks the five provinces
// whose high courts announced small-claims limits; for the others the
// default rules use limits derived from the wage statistic.
type province struct {
	name, short, code, abbr string
	limited                 bool
	cities                  []city
}

// provinces: all 31 mainland provinces (weights in provinceWeights); the
// five with announced limits are judged by them, the rest by limits
// derived from the wage statistic.
var provinces = []province{
	{"浙江省", "浙江", "330000", "浙", true, []city{
		{"杭州市", "浙A", "01", []county{{"西湖区", "330106"}, {"上城区", "330102"}, {"拱墅区", "330105"}, {"余杭区", "330110"}, {"萧山区", "330109"}}, ""},
		{"宁波市", "浙B", "02", []county{{"鄞州区", "330212"}, {"海曙区", "330203"}, {"慈溪市", "330282"}}, ""},
		{"温州市", "浙C", "03", []county{{"鹿城区", "330302"}, {"瑞安市", "330381"}, {"乐清市", "330382"}}, ""},
		{"金华市", "浙G", "07", []county{{"婺城区", "330702"}, {"义乌市", "330782"}, {"东阳市", "330783"}}, ""},
		{"绍兴市", "浙D", "06", []county{{"柯桥区", "330603"}, {"诸暨市", "330681"}}, ""},
		{"嘉兴市", "浙F", "04", []county{{"南湖区", "330402"}, {"海宁市", "330481"}}, ""},
		{"台州市", "浙J", "10", []county{{"黄岩区", "331003"}, {"温岭市", "331081"}}, ""},
	}},
	{"江苏省", "江苏", "320000", "苏", true, []city{
		{"南京市", "苏A", "01", []county{{"玄武区", "320102"}, {"鼓楼区", "320106"}, {"江宁区", "320115"}, {"秦淮区", "320104"}}, ""},
		{"苏州市", "苏E", "05", []county{{"姑苏区", "320508"}, {"吴中区", "320506"}, {"昆山市", "320583"}, {"常熟市", "320581"}}, ""},
		{"无锡市", "苏B", "02", []county{{"梁溪区", "320213"}, {"江阴市", "320281"}}, ""},
		{"常州市", "苏D", "04", []county{{"武进区", "320412"}, {"天宁区", "320402"}}, ""},
		{"徐州市", "苏C", "03", []county{{"鼓楼区", "320302"}, {"铜山区", "320312"}}, ""},
		{"南通市", "苏F", "06", []county{{"崇川区", "320602"}, {"海门区", "320614"}}, ""},
		{"扬州市", "苏K", "10", []county{{"邗江区", "321003"}}, ""},
	}},
	{"上海市", "上海", "310000", "沪", true, []city{
		{"上海市", "沪A", "01", []county{{"浦东新区", "310115"}, {"闵行区", "310112"}, {"徐汇区", "310104"}, {"静安区", "310106"}, {"嘉定区", "310114"}, {"松江区", "310117"}, {"宝山区", "310113"}, {"黄浦区", "310101"}}, "上海市第一中级人民法院"},
	}},
	{"辽宁省", "辽宁", "210000", "辽", true, []city{
		{"沈阳市", "辽A", "01", []county{{"和平区", "210102"}, {"沈河区", "210103"}, {"铁西区", "210106"}, {"浑南区", "210112"}}, ""},
		{"大连市", "辽B", "02", []county{{"中山区", "210202"}, {"甘井子区", "210211"}, {"金州区", "210213"}}, ""},
		{"鞍山市", "辽C", "03", []county{{"铁东区", "210302"}}, ""},
		{"锦州市", "辽G", "07", []county{{"古塔区", "210702"}}, ""},
		{"营口市", "辽H", "08", []county{{"站前区", "210802"}}, ""},
	}},
	{"湖南省", "湖南", "430000", "湘", true, []city{
		{"长沙市", "湘A", "01", []county{{"岳麓区", "430104"}, {"芙蓉区", "430102"}, {"雨花区", "430111"}, {"长沙县", "430121"}, {"开福区", "430105"}}, ""},
		{"株洲市", "湘B", "02", []county{{"天元区", "430211"}}, ""},
		{"湘潭市", "湘C", "03", []county{{"岳塘区", "430304"}}, ""},
		{"衡阳市", "湘D", "04", []county{{"蒸湘区", "430408"}}, ""},
		{"岳阳市", "湘F", "06", []county{{"岳阳楼区", "430602"}}, ""},
		{"常德市", "湘J", "07", []county{{"武陵区", "430702"}}, ""},
	}},
	{"广东省", "广东", "440000", "粤", false, []city{
		{"广州市", "粤A", "01", []county{{"天河区", "440106"}, {"白云区", "440111"}}, ""},
		{"深圳市", "粤B", "03", []county{{"南山区", "440305"}, {"龙岗区", "440307"}}, ""},
		{"佛山市", "粤E", "06", []county{{"南海区", "440605"}}, ""},
	}},
	{"北京市", "北京", "110000", "京", false, []city{
		{"北京市", "京A", "03", []county{{"朝阳区", "110105"}, {"海淀区", "110108"}, {"丰台区", "110106"}}, "北京市第三中级人民法院"},
	}},
	{"山东省", "山东", "370000", "鲁", false, []city{
		{"济南市", "鲁A", "01", []county{{"历下区", "370102"}}, ""},
		{"青岛市", "鲁B", "02", []county{{"市南区", "370202"}, {"黄岛区", "370211"}}, ""},
		{"临沂市", "鲁Q", "13", []county{{"兰山区", "371302"}}, ""},
	}},
	{"四川省", "四川", "510000", "川", false, []city{
		{"成都市", "川A", "01", []county{{"武侯区", "510107"}, {"锦江区", "510104"}}, ""},
		{"绵阳市", "川B", "07", []county{{"涪城区", "510703"}}, ""},
	}},
	{"河南省", "河南", "410000", "豫", false, []city{
		{"郑州市", "豫A", "01", []county{{"金水区", "410105"}, {"中原区", "410102"}}, ""},
		{"洛阳市", "豫C", "03", []county{{"西工区", "410303"}}, ""},
	}},
	{"湖北省", "湖北", "420000", "鄂", false, []city{
		{"武汉市", "鄂A", "01", []county{{"江汉区", "420103"}, {"洪山区", "420111"}}, ""},
	}},
	{"福建省", "福建", "350000", "闽", false, []city{
		{"福州市", "闽A", "01", []county{{"鼓楼区", "350102"}}, ""},
		{"厦门市", "闽D", "02", []county{{"思明区", "350203"}}, ""},
	}},
	{"安徽省", "安徽", "340000", "皖", false, []city{
		{"合肥市", "皖A", "01", []county{{"蜀山区", "340104"}, {"包河区", "340111"}}, ""},
	}},
	{"重庆市", "重庆", "500000", "渝", false, []city{
		{"重庆市", "渝A", "01", []county{{"渝北区", "500112"}, {"江北区", "500105"}}, "重庆市第一中级人民法院"},
	}},
	{"天津市", "天津", "120000", "津", false, []city{
		{"天津市", "津A", "01", []county{{"和平区", "120101"}, {"河西区", "120103"}, {"滨海新区", "120116"}}, "天津市第一中级人民法院"},
	}},
	{"河北省", "河北", "130000", "冀", false, []city{
		{"石家庄市", "冀A", "01", []county{{"长安区", "130102"}, {"裕华区", "130108"}}, ""},
		{"保定市", "冀F", "06", []county{{"竞秀区", "130602"}}, ""},
	}},
	{"山西省", "山西", "140000", "晋", false, []city{
		{"太原市", "晋A", "01", []county{{"小店区", "140105"}, {"迎泽区", "140106"}}, ""},
	}},
	{"内蒙古自治区", "内蒙古", "150000", "蒙", false, []city{
		{"呼和浩特市", "蒙A", "01", []county{{"新城区", "150102"}, {"赛罕区", "150105"}}, ""},
	}},
	{"吉林省", "吉林", "220000", "吉", false, []city{
		{"长春市", "吉A", "01", []county{{"朝阳区", "220104"}, {"南关区", "220102"}}, ""},
	}},
	{"黑龙江省", "黑龙江", "230000", "黑", false, []city{
		{"哈尔滨市", "黑A", "01", []county{{"道里区", "230102"}, {"南岗区", "230103"}}, ""},
	}},
	{"江西省", "江西", "360000", "赣", false, []city{
		{"南昌市", "赣A", "01", []county{{"东湖区", "360102"}, {"西湖区", "360103"}}, ""},
	}},
	{"广西壮族自治区", "广西", "450000", "桂", false, []city{
		{"南宁市", "桂A", "01", []county{{"青秀区", "450103"}, {"兴宁区", "450102"}}, ""},
	}},
	{"海南省", "海南", "460000", "琼", false, []city{
		{"海口市", "琼A", "01", []county{{"龙华区", "460106"}, {"美兰区", "460108"}}, ""},
	}},
	{"贵州省", "贵州", "520000", "贵", false, []city{
		{"贵阳市", "贵A", "01", []county{{"南明区", "520102"}, {"云岩区", "520103"}}, ""},
	}},
	{"云南省", "云南", "530000", "云", false, []city{
		{"昆明市", "云A", "01", []county{{"五华区", "530102"}, {"盘龙区", "530103"}}, ""},
	}},
	{"西藏自治区", "西藏", "540000", "藏", false, []city{
		{"拉萨市", "藏A", "01", []county{{"城关区", "540102"}}, ""},
	}},
	{"陕西省", "陕西", "610000", "陕", false, []city{
		{"西安市", "陕A", "01", []county{{"雁塔区", "610113"}, {"碑林区", "610103"}}, ""},
	}},
	{"甘肃省", "甘肃", "620000", "甘", false, []city{
		{"兰州市", "甘A", "01", []county{{"城关区", "620102"}, {"七里河区", "620103"}}, ""},
	}},
	{"青海省", "青海", "630000", "青", false, []city{
		{"西宁市", "青A", "01", []county{{"城中区", "630103"}, {"城西区", "630104"}}, ""},
	}},
	{"宁夏回族自治区", "宁夏", "640000", "宁", false, []city{
		{"银川市", "宁A", "01", []county{{"兴庆区", "640104"}, {"金凤区", "640106"}}, ""},
	}},
	{"新疆维吾尔自治区", "新疆", "650000", "新", false, []city{
		{"乌鲁木齐市", "新A", "01", []county{{"天山区", "650102"}, {"沙依巴克区", "650103"}}, ""},
	}},
}

// provinceWeights follow the provinces' resident population in millions
// (第七次全国人口普查公报, 2021: 广东 126.0 … 西藏 3.6), in the order of
// provinces: every mainland province files, the populous ones most. Real
// dockets per head differ (the coastal provinces sue more: in 2019 Q1
// 广东, 江苏, 河南 each took over 500,000 new cases, 山东 and 浙江 over
// 400,000 — SPC, 2019-05-15), which the population does not carry; the
// real development filings come from 21 (civil) and 26 (criminal)
// provinces, none dominating. Until the fourth calibration about 78% of
// filings came from the five provinces with announced limits.
var provinceWeights = []float64{
	64.6, 84.7, 24.9, 42.6, 66.4, // 浙江 江苏 上海 辽宁 湖南
	126.0, 21.9, 101.5, 83.7, 99.4, 57.8, 41.5, 61.0, 32.1, // 广东 北京 山东 四川 河南 湖北 福建 安徽 重庆
	13.9, 74.6, 34.9, 24.0, 24.1, 31.9, 45.2, 50.1, 10.1, // 天津 河北 山西 内蒙古 吉林 黑龙江 江西 广西 海南
	38.6, 47.2, 3.6, 39.5, 25.0, 5.9, 7.2, 25.9, // 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆
}

// court is where one filing is lodged.
type court struct {
	prov     *province
	city     *city
	county   *county // nil for an intermediate court
	name     string
	caseCode string // "浙0106" or "浙01"
}

// place is the district a filing's facts happen in ("杭州市西湖区").
func (c *court) place() string {
	if c.county == nil {
		return c.city.name
	}
	if strings.HasSuffix(c.county.name, "市") || strings.HasSuffix(c.county.name, "县") {
		return c.county.name
	}
	return c.city.name + c.county.name
}

// procuratorate is the prosecuting office at the court's level.
func (c *court) procuratorate() string {
	if c.county == nil {
		if c.city.intermName != "" {
			return c.city.name + "人民检察院第一分院"
		}
		return c.city.name + "人民检察院"
	}
	return c.place() + "人民检察院"
}

// police is the public-security organ of the district.
func (c *court) police() string {
	if c.county == nil {
		return c.city.name + "公安局"
	}
	if strings.HasSuffix(c.county.name, "市") || strings.HasSuffix(c.county.name, "县") {
		return c.county.name + "公安局"
	}
	return c.city.name + "公安局" + c.county.name + "分局"
}

// government is the district's (or city's) people's government.
func (c *court) government() string {
	return c.place() + "人民政府"
}

// drawCourt picks a court; intermediate with probability pInterm.
func drawCourt(r *rand.Rand, provs *table[int], pInterm float64) court {
	p := &provinces[provs.draw(r)]
	ci := &p.cities[r.IntN(len(p.cities))]
	if chance(r, pInterm) {
		name := ci.intermName
		if name == "" {
			name = ci.name + "中级人民法院"
		}
		return court{prov: p, city: ci, name: name, caseCode: p.abbr + ci.interm}
	}
	co := &ci.bases[r.IntN(len(ci.bases))]
	// County-level cities and counties name their own courts (义乌市人民法院);
	// districts carry the city (杭州市西湖区人民法院).
	name := ci.name + co.name + "人民法院"
	if strings.HasSuffix(co.name, "市") || strings.HasSuffix(co.name, "县") {
		name = co.name + "人民法院"
	}
	return court{prov: p, city: ci, county: co, name: name, caseCode: p.abbr + co.code[2:]}
}

// provinceField writes the filing's province the ways filing systems do:
// mostly the full name, sometimes the short name or a GB/T 2260 code (the
// province's or the court's own division code).
func provinceField(r *rand.Rand, c *court) string {
	x := r.IntN(100)
	switch {
	case x < 72:
		return c.prov.name
	case x < 82:
		return c.prov.short
	case x < 93:
		return c.prov.code
	default:
		if c.county != nil {
			return c.county.code
		}
		return c.prov.code
	}
}

var roads = []string{"人民路", "解放路", "中山路", "建设路", "新华路", "文化路", "和平路", "胜利路", "长江路", "黄河路",
	"朝阳路", "东风路", "青年路", "学院路", "滨江大道", "迎宾大道", "工业园路", "科技路", "金桥路", "复兴路",
	"光明路", "幸福路", "南京路", "延安路", "北京路", "环城西路", "民主路", "府前街", "花园街", "兴业大道",
	"振华路", "体育场路", "湖滨路", "育才路", "开发大道", "秀水街", "梧桐路", "香樟路", "丹桂街", "春晖路"}

var estateSuffix = []string{"花园", "小区", "苑", "家园", "新村", "公寓", "华庭", "名邸", "府", "广场"}

// address is a street address in the court's district.
func address(r *rand.Rand, c *court) string {
	return c.place() + pick(r, roads...) + itoa(between(r, 1, 999)) + "号"
}

// estate is a residential compound name ("金桂花园").
func estate(r *rand.Rand) string {
	return pick(r, brandChars...) + pick(r, brandChars...) + pick(r, estateSuffix...)
}

// unitAddress is a flat in a compound: "金桂花园3幢2单元601室".
func unitAddress(r *rand.Rand) string {
	return estate(r) + itoa(between(r, 1, 28)) + pick(r, "幢", "栋", "号楼") + itoa(between(r, 1, 4)) + "单元" + itoa(between(r, 1, 26)) + "0" + itoa(between(r, 1, 6)) + "室"
}
