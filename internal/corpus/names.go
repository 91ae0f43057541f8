package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

func itoa(n int) string { return strconv.Itoa(n) }

// surnames in rough order of frequency; surname() favours the front.
var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
	"郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
	"余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
	"石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
	"龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
	"欧阳", "司马", "诸葛", "上官"}

var givenMale = []string{"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
	"建", "国", "志", "文", "海", "东", "林", "峰", "亮", "俊", "成", "晨", "龙", "永", "新", "德", "春", "金", "荣", "祥",
	"振", "宏", "建国", "建华", "志强", "海涛", "立新", "德明", "子豪", "浩然", "宇轩", "俊杰", "国庆", "卫东", "红军", "长青", "庆丰"}

var givenFemale = []string{"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "颖", "琳", "洁", "红", "梅", "琴", "萍",
	"秀英", "桂英", "玉兰", "美华", "晓燕", "丽娟", "雨欣", "梓涵", "诗琪", "佳怡", "欣怡", "思雨", "春花", "凤霞", "海燕", "淑芬", "秋菊", "月娥"}

func surname(r *rand.Rand) string {
	// Square of a uniform favours frequent surnames without a table.
	u := r.Float64()
	return surnames[int(u*u*float64(len(surnames)))]
}

// personName returns a plausible Chinese name: surname plus one or two
// given-name characters.
func personName(r *rand.Rand, female bool) string {
	return surname(r) + given(r, female)
}

// given returns one or two given-name characters.
func given(r *rand.Rand, female bool) string {
	pool := givenMale
	if female {
		pool = givenFemale
	}
	g := pick(r, pool...)
	if utf8.RuneCountInString(g) == 1 && chance(r, 0.45) {
		g = pick(r, pool...) + g
		if utf8.RuneCountInString(g) > 2 {
			g = string([]rune(g)[:2])
		}
	}
	return g
}

// foreignNames are foreign and Hong Kong/Macao/Taiwan parties (涉外).
var foreignNames = []string{"JOHN SMITH（约翰·史密斯）", "金敏浩（韩国籍）", "佐藤健一（日本籍）", "NGUYEN VAN HUNG（越南籍）", "陈家明（香港特别行政区居民）",
	"林志豪（台湾地区居民）", "MARIA GARCIA（玛丽亚·加西亚）", "何文杰（澳门特别行政区居民）", "PETER MÜLLER（彼得·穆勒）", "伊万诺夫（俄罗斯籍）"}

var foreignCompanies = []string{"香港恒丰国际贸易有限公司", "SUNRISE TRADING LIMITED", "大韩株式会社", "台湾鸿达实业股份有限公司", "新加坡亚太物流私人有限公司"}

// brandChars make up 字号 (trade names) and compound names.
var brandChars = []string{"恒", "瑞", "鑫", "华", "泰", "达", "盛", "源", "宏", "隆", "金", "信", "和", "顺", "德", "中", "远", "博", "创", "联",
	"新", "嘉", "汇", "丰", "永", "安", "祥", "凯", "旺", "正", "东", "方", "兴", "科", "海", "天", "明", "广", "越", "锦",
	"昌", "通", "诚", "荣", "宇", "晟", "润", "禾", "美", "峰", "亿", "佳", "立", "益", "卓", "弘", "鼎", "辉", "桂", "蓝"}

var industries = []string{"建筑工程", "商贸", "建材", "机械设备", "餐饮管理", "装饰工程", "劳务", "物流", "房地产开发", "电子科技",
	"服饰", "食品", "网络科技", "汽车销售", "钢结构", "环保科技", "文化传媒", "医疗器械", "五金制品", "家具",
	"农业开发", "化工", "印务", "信息技术", "贸易", "酒店管理", "教育咨询", "人力资源", "供应链管理", "新材料"}

// companyName builds "杭州恒瑞建材有限公司" style names.
func companyName(r *rand.Rand, c *court, industry string) string {
	if industry == "" {
		industry = pick(r, industries...)
	}
	prefix := c.city.name[:len(c.city.name)-len("市")]
	if chance(r, 0.25) {
		prefix = c.prov.short
	}
	form := "有限公司"
	switch x := r.IntN(20); {
	case x < 3:
		form = "有限责任公司"
	case x == 3:
		form = "股份有限公司"
	}
	return prefix + pick(r, brandChars...) + pick(r, brandChars...) + industry + form
}

// soleTrader is an individual business (个体工商户), which sues and is sued
// as an organization in practice.
func soleTrader(r *rand.Rand, c *court) string {
	return c.place() + pick(r, brandChars...) + pick(r, brandChars...) + pick(r, "五金店", "建材经营部", "餐馆", "超市", "汽修厂", "服装店", "水果店", "装饰部")
}

var bankNames = []string{"中国工商银行股份有限公司", "中国农业银行股份有限公司", "中国银行股份有限公司", "中国建设银行股份有限公司", "交通银行股份有限公司",
	"招商银行股份有限公司", "中国邮政储蓄银行股份有限公司", "兴业银行股份有限公司", "中信银行股份有限公司", "平安银行股份有限公司", "浦发银行股份有限公司", "民生银行股份有限公司"}

var cardCentres = []string{"招商银行股份有限公司信用卡中心", "交通银行股份有限公司太平洋信用卡中心", "广发银行股份有限公司信用卡中心", "中信银行股份有限公司信用卡中心",
	"中国民生银行股份有限公司信用卡中心", "平安银行股份有限公司信用卡中心", "兴业银行股份有限公司信用卡中心", "浦发银行股份有限公司信用卡中心", "华夏银行股份有限公司信用卡中心"}

// bank is a lending branch near the court ("中国建设银行股份有限公司杭州西湖支行"),
// or a local rural commercial bank.
func bank(r *rand.Rand, c *court) string {
	city := c.city.name[:len(c.city.name)-len("市")]
	if chance(r, 0.2) {
		return city + pick(r, "农村商业银行股份有限公司", "银行股份有限公司")
	}
	branch := city + "分行"
	if c.county != nil && chance(r, 0.6) {
		d := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(c.county.name, "区"), "市"), "县")
		branch = city + d + "支行"
	}
	return pick(r, bankNames...) + branch
}

var onlineLenders = []string{"重庆度小满小额贷款有限公司", "重庆蚂蚁消费金融有限公司", "马上消费金融股份有限公司", "招联消费金融有限公司", "中银消费金融有限公司",
	"深圳前海微众银行股份有限公司", "浙江网商银行股份有限公司", "重庆美团三快小额贷款有限公司", "兴业消费金融股份公司", "湖北消费金融股份有限公司"}

var insurerNames = []string{"中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司", "中华联合财产保险股份有限公司",
	"中国大地财产保险股份有限公司", "阳光财产保险股份有限公司", "天安财产保险股份有限公司", "中国人寿财产保险股份有限公司", "永安财产保险股份有限公司"}

// insurer is a prefecture branch of a property insurer.
func insurer(r *rand.Rand, c *court) string {
	return pick(r, insurerNames...) + c.city.name[:len(c.city.name)-len("市")] + pick(r, "市分公司", "中心支公司", "分公司")
}

var guaranteeFirms = []string{"融资担保有限公司", "融资担保股份有限公司", "信用融资担保有限公司"}

// alias is how the text refers to a party: the full name, or the
// anonymised 张某/张某某 that published judgments use.
func alias(name string, style int) string {
	rs := []rune(name)
	if style == 0 || len(rs) == 0 || len(rs) > 4 {
		return name
	}
	sur := string(rs[0])
	if len(rs) >= 3 && compound[string(rs[:2])] {
		sur = string(rs[:2])
	}
	if style == 1 {
		return sur + "某"
	}
	return sur + "某某"
}

var compound = map[string]bool{"欧阳": true, "司马": true, "诸葛": true, "上官": true}

// surnameOf returns the surname of a Chinese name (compound surnames too).
func surnameOf(name string) string {
	rs := []rune(name)
	if len(rs) == 0 {
		return "王"
	}
	if len(rs) >= 3 && compound[string(rs[:2])] {
		return string(rs[:2])
	}
	return string(rs[0])
}
