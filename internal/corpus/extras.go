package corpus

import (
	"math/rand/v2"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Pieces that make complaints and indictments look like the documents they
// are and give the texts their spread of lengths: party blocks (long when
// parties are many), evidence lists, the signature block and a reasoning
// section in detailed complaints.

var ethnic = []string{"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "壮族", "土家族", "蒙古族", "苗族"}
var educations = []string{"小学文化", "初中文化", "初中文化", "高中文化", "中专文化", "大专文化", "大学本科文化", "文盲"}
var occupations = []string{"无业", "务工", "农民", "个体经营者", "公司职员", "驾驶员", "厨师", "外卖骑手", "装修工", "销售人员"}
var orgTitles = []string{"执行董事", "总经理", "董事长", "负责人", "经理", "行长", "总裁"}
var lawFirmWords = []string{"天册", "金诚", "大成", "中伦", "国浩", "锦天城", "德恒", "汇业", "泽大", "君合", "星韵", "海派", "明炬", "正平"}

// adultDefendantAges is the age in completed years (周岁) of an adult
// criminal defendant at the offence, by band: 1,148 drunk-driving
// defendants of a Shanghai district procuratorate, 2014–2015 (高飞,
// 《危险驾驶犯罪的实证研究——以上海市某区人民检察院办理的1148起案件为例》:
// 18–30 years 314, 31–40 496, 41–50 258, 51–60 74, 61–70 5). No national
// table of defendants' ages (the SPC's statistics give only the minors'
// count) was found; drunk driving is a third of a basic court's criminal
// filings, and the sample's shape (few under 20 or over 60, most 25–45)
// is that of other local reports.
var adultDefendantAges = newTable([]choice[[2]int]{{314, [2]int{18, 30}}, {496, [2]int{31, 40}}, {258, [2]int{41, 50}}, {74, [2]int{51, 60}}, {5, [2]int{61, 70}}})

// minorDefendantAges is the age at the offence of a defendant the
// generator marks a minor: the SPC's study of 2015–2016 minors' criminal
// cases finds them mostly 16 and 17 (中国司法大数据研究院, 《未成年人犯罪》
// 专题研究, released 2017-11-30). 14 and 15 are left out: at that age only
// the eight grave crimes of 刑法第十七条第二款 are punishable, and the
// generator's minors are drawn for every charge.
var minorDefendantAges = newTable([]choice[int]{{45, 16}, {55, 17}})

// civilPartyAges bounds the age at filing of a natural person suing or
// sued in a civil or administrative case: an adult (a minor would sue
// through a 法定代理人, which the generator never writes). Uniform, not
// fitted to a statistic.
const civilPartyMinAge, civilPartyMaxAge = 20, 70

// bornAged is a birth date that makes a person age years old (周岁) at at:
// at least age years and a day before it (a 周岁 counts from the day after
// the birthday), less than age+1 years before it.
func bornAged(r *rand.Rand, at time.Time, age int) time.Time {
	return at.AddDate(-age, 0, -between(r, 1, 364))
}

// civilBirth writes a civil or administrative party's birth date: an adult
// at the filing date.
func (c *rec) civilBirth() string {
	return ymd(bornAged(c.r, c.filed, between(c.r, civilPartyMinAge, civilPartyMaxAge)))
}

// defendantBirth is a criminal defendant's birth date, drawn from the age
// at the offence (c.due): a minor (Party.Minor) 16 or 17, everyone else an
// adult of adultDefendantAges — an adult also at the earliest date the
// charge's facts may state (statedBefore before the offence), so that no
// adult reads as a minor at any date of the text (刑诉法解释第一百四十六条:
// the age at the offence decides).
func (c *rec) defendantBirth(p *triagev1.Party, cc *crimeCause) (time.Time, int) {
	r := c.r
	if p.Minor {
		age := minorDefendantAges.draw(r)
		return bornAged(r, c.due, age), age
	}
	band := adultDefendantAges.draw(r)
	age := between(r, band[0], band[1])
	born := bornAged(r, c.due, age)
	if latest := c.due.AddDate(-18, 0, -statedBefore(cc)-1); born.After(latest) {
		born = latest
	}
	return born, age
}

// statedBefore is how many days before the offence date (rec.due) the
// facts of a charge may state another full date: a theft spree's earliest
// theft (factsTheft's list), the civil judgment a 拒不执行 defendant
// ignored (factsJudgmentRefusal).
func statedBefore(cc *crimeCause) int {
	if cc.name == "拒不执行判决、裁定罪" {
		return 3*366 + 1
	}
	return 150
}

func (c *rec) lawyer() string {
	return personName(c.r, chance(c.r, 0.4)) + "，" + c.ct.prov.short + pick(c.r, lawFirmWords...) + pick(c.r, "律师事务所律师", "律师事务所律师", "（"+c.ct.city.name+"）律师事务所律师")
}

// partyHeader writes the 当事人 block complaints open with.
func (c *rec) partyHeader() {
	r := c.r
	roleName := func(p *triagev1.Party) string {
		switch p.Role {
		case triagev1.PartyRole_PARTY_ROLE_PLAINTIFF:
			return "原告"
		case triagev1.PartyRole_PARTY_ROLE_DEFENDANT:
			return "被告"
		}
		return "第三人"
	}
	sepc := pick(r, "：", "：", " ")
	for i, p := range c.f.Parties {
		if i >= 40 {
			c.w("（其余当事人情况详见附件名单）\n")
			break
		}
		c.w(roleName(p), sepc, c.name(p))
		if p.Kind == org {
			c.w("，住所地", address(r, &c.ct), "。")
			if chance(r, 0.6) {
				n := c.nameRaw(p)
				head, title := "法定代表人", pick(r, "执行董事", "总经理", "董事长", "执行董事兼总经理")
				switch {
				case strings.Contains(n, "银行") || strings.Contains(n, "信用卡中心"):
					head, title = "负责人", pick(r, "行长", "总经理", "主任")
				case strings.Contains(n, "分公司") || strings.Contains(n, "支公司"):
					head, title = "负责人", "总经理"
				case strings.HasSuffix(n, "局") || strings.HasSuffix(n, "分局"):
					title = "局长"
				case strings.HasSuffix(n, "镇人民政府"):
					title = "镇长"
				case strings.HasSuffix(n, "人民政府"):
					title = pick(r, "区长", "市长", "县长")
				case strings.HasSuffix(n, "办事处") || strings.HasSuffix(n, "办公室"):
					title = "主任"
				case strings.HasSuffix(n, "大队"):
					title = "大队长"
				case strings.HasSuffix(n, "支队"):
					title = "支队长"
				}
				c.w(head, "：", alias(personName(r, chance(r, 0.2)), c.style), "，", title, "。")
			}
		} else {
			sex := "男"
			if c.female[i] {
				sex = "女"
			}
			c.w("，", sex, "，", c.civilBirth(), "出生，", pick(r, ethnic...))
			switch {
			case p.Foreign:
				c.w("，住", pick(r, "香港特别行政区", "台湾地区台北市", "新加坡", "大韩民国首尔特别市"), "。")
			case p.WhereaboutsUnknown:
				c.w("，户籍地", address(r, &c.ct), "，现下落不明。")
			default:
				prov := c.ct.prov.name
				if strings.HasPrefix(c.ct.place(), prov) {
					prov = "" // municipalities: 上海市浦东新区…, not 上海市上海市
				}
				c.w("，住", prov, address(r, &c.ct), pick(r, "。", "。", "，现住"+c.ct.place()+unitAddress(r)+"。"))
			}
		}
		if p.Role == triagev1.PartyRole_PARTY_ROLE_PLAINTIFF && i == 0 && chance(r, 0.5) {
			c.w("\n委托诉讼代理人：", c.lawyer(), "。")
		}
		c.w("\n")
	}
}

// defendantHeader writes the 被告人 block of an indictment or judgment.
func (c *rec) defendantHeader(cc *crimeCause) {
	r := c.r
	cause := cc.name
	for _, p := range c.df {
		native := c.ct.prov.name + c.ct.city.name
		if c.ct.prov.name == c.ct.city.name {
			native = c.ct.city.name
		}
		sex := "男"
		if c.isFemale(p) {
			sex = "女"
		}
		born, age := c.defendantBirth(p, cc)
		if c.ages == nil {
			c.ages = map[*triagev1.Party]int{}
		}
		c.ages[p] = age
		c.w("被告人", c.name(p), "，", sex, "，", ymd(born), "出生", pick(r, "于"+native, ""), "，", pick(r, ethnic...), "，", pick(r, educations...), "，", pick(r, occupations...), "，住", c.ct.place(), pick(r, roads...), itoa(between(r, 1, 300)), "号。")
		// A prior conviction or penalty 3–12 years back, not before the
		// defendant was 16 (刑法第十七条).
		if back := min(12, c.filed.Year()-born.Year()-16); chance(r, 0.2) && back >= 3 {
			c.w("曾于", itoa(c.filed.Year()-between(r, 3, back)), "年因", pick(r, "盗窃罪", "赌博", "吸毒", "故意伤害罪", "酒后驾驶"), "被", pick(r, "判处有期徒刑六个月", "行政拘留十日", "判处拘役三个月", "罚款二千元"), "。")
		}
		when := c.filed.AddDate(0, 0, -between(r, 20, 200))
		c.w("因涉嫌犯", cause, "于", ymd(when), pick(r, "被"+c.ct.police()+"刑事拘留，同年"+itoa(int(when.AddDate(0, 1, 0).Month()))+"月经"+c.ct.procuratorate()+"批准逮捕。", "被"+c.ct.police()+"取保候审。", "被取保候审。", "被监视居住。", "被刑事拘留，现羁押于"+c.ct.city.name+"看守所。"))
		c.w("\n")
	}
}

var evidenceByFamily = map[family][]string{
	famLoan:         {"借条原件一份，证明被告向原告借款的事实", "银行转账凭证若干，证明原告已实际交付借款", "微信聊天记录截图，证明原告多次催讨及被告认可欠款", "结婚登记信息，证明被告之间系夫妻关系", "还款承诺书一份"},
	famBankLoan:     {"借款合同、保证合同各一份，证明双方借贷关系及担保关系", "借款借据、放款凭证，证明原告已发放贷款", "贷款账户明细及欠款清单，证明被告欠款数额", "催收记录", "抵押登记证明"},
	famCard:         {"信用卡申请表及领用合约，证明双方信用卡合同关系", "信用卡账户交易明细，证明被告透支及欠款数额", "催收记录，证明原告已履行催收义务", "被告身份信息"},
	famRecourse:     {"委托担保合同、反担保合同", "代偿凭证及银行出具的代偿证明", "借款合同"},
	famContract:     {"合同原件一份，证明双方合同关系", "送货单、对账单，证明原告已履行供货义务及欠款数额", "增值税发票", "微信聊天记录，证明原告催款的事实", "付款记录"},
	famTraffic:      {"道路交通事故认定书，证明事故经过及责任划分", "住院病历、出院记录、医疗费票据，证明原告伤情及医疗费支出", "司法鉴定意见书", "误工证明、工资流水", "保险单，证明肇事车辆投保情况", "护理证明"},
	famInjury:       {"报警回执、询问笔录", "病历资料及医疗费票据", "证人证言", "现场照片、视频"},
	famMedical:      {"门诊病历、住院病历", "医疗费票据", "医患沟通记录", "医疗纠纷人民调解委员会调解记录"},
	famDivorce:      {"结婚证复印件，证明双方婚姻关系", "子女出生医学证明", "房产证复印件", "报警记录、伤情照片", "分居证明"},
	famMaintenance:  {"离婚协议书", "出生医学证明", "医疗费票据", "学费收据"},
	famPostDivorce:  {"离婚协议书、民事调解书", "不动产权证书", "银行流水"},
	famLabour:       {"劳动合同或工作证、工资条，证明双方劳动关系", "银行工资流水", "仲裁裁决书", "考勤记录", "解除劳动合同通知书", "工资欠条"},
	famPropertyFee:  {"物业服务合同、临时管理规约", "不动产登记信息，证明被告系业主", "物业费计算清单", "催缴通知及送达照片"},
	famTenancy:      {"租赁合同原件", "租金支付记录", "解除合同通知书及送达凭证", "结算单", "现场照片"},
	famConstruction: {"建设工程施工合同", "工程结算单", "竣工验收报告", "付款凭证", "工程签证单", "会议纪要"},
	famUnjust:       {"转账凭证", "银行流水", "报警回执", "聊天记录"},
	famInherit:      {"死亡证明", "亲属关系证明", "不动产权证书", "遗嘱", "银行存款明细"},
	famOwnership:    {"购房合同", "付款凭证", "贷款还款记录", "证人证言"},
	famNeighbour:    {"现场照片", "物业证明", "维修费票据", "视频资料"},
	famInsurance:    {"保险合同、保险单", "理赔申请书及拒赔通知书", "事故认定书", "赔款支付凭证、权益转让书"},
	famHouse:        {"商品房买卖合同", "购房款发票", "交房通知书", "定金收据"},
	famTort:         {"现场照片", "损失评估报告", "维修票据", "网页截图及公证书"},
	famCommercial:   {"股权转让协议", "合伙协议", "付款凭证", "工商登记信息", "财务账簿"},
	famConsumer:     {"订单截图及付款记录，证明双方买卖合同关系", "商品实物照片", "与客服的聊天记录", "投诉记录", "培训协议及缴费凭证"},
}

// evidence writes an evidence list.
func (c *rec) evidence(fam family) {
	r := c.r
	items := evidenceByFamily[fam]
	if c.f.GetCause() == "赡养费纠纷" {
		items = []string{"户籍证明、亲属关系证明", "医疗费票据", "村（居）委会出具的证明", "调解记录"}
	}
	if len(items) == 0 {
		return
	}
	n := between(r, 2, len(items))
	c.w("\n", pick(r, "证据和证据来源：", "证据清单：", "附：证据目录\n", "证据材料："))
	start := r.IntN(len(items))
	for k := range n {
		c.w(itoa(k+1), pick(r, ".", "、"), items[(start+k)%len(items)], "；")
	}
}

// signature writes the 此致 block at the end of a complaint.
func (c *rec) signature() {
	r := c.r
	c.w("\n此致\n", c.ct.name, "\n", pick(r, "具状人：", "起诉人：", "原告："))
	if len(c.pl) > 0 {
		c.w(c.name(c.pl[0]))
	}
	c.w("\n", ymd(c.filed.AddDate(0, 0, -between(r, 1, 20))))
}

var reasoning = map[family][]string{
	famLoan: {"原被告之间的借贷关系合法有效，受法律保护", "借款事实有借条及转账记录为证，事实清楚", "被告逾期不还，应承担偿还本金及支付逾期利息的责任",
		"原告主张的利息未超过合同成立时一年期贷款市场报价利率四倍，应予支持", "该借款用于夫妻共同生活，应由被告夫妻共同偿还", "保证人未约定保证方式，应按一般保证承担责任"},
	famContract: {"双方之间的合同系真实意思表示，合法有效", "原告已全面履行合同义务，被告应当支付价款", "被告逾期付款构成违约，应赔偿原告的利息损失",
		"被告在对账单上签字确认，应视为对欠款金额的认可", "被告未在合理期限内提出质量异议，应视为标的物质量符合约定"},
	famTraffic: {"被告驾驶机动车发生交通事故，应承担相应的赔偿责任", "保险公司应在交强险限额内先行赔付，不足部分在商业三者险限额内按责赔偿",
		"原告的各项损失均有相应证据证明，计算标准符合法律规定", "车辆所有人对损害的发生有过错，应承担相应责任"},
	famLabour: {"原被告之间存在劳动关系，被告应依法支付劳动报酬", "被告违法解除劳动合同，应支付赔偿金", "被告未与原告签订书面劳动合同，应支付二倍工资",
		"用人单位对解除劳动合同的合法性负有举证责任"},
	famConstruction: {"案涉工程已竣工验收合格，被告应当按约支付工程款", "被告逾期支付工程款，应支付相应利息", "发包人应在欠付工程价款范围内对实际施工人承担责任",
		"原告对工程折价或拍卖的价款享有优先受偿权"},
	famDivorce: {"双方感情确已破裂，应准予离婚", "从有利于子女成长的角度出发，子女应由原告抚养", "夫妻共同财产应依法分割，照顾子女和女方权益",
		"双方因感情不和分居已满二年，符合法定离婚条件", "被告实施家庭暴力，原告有权请求损害赔偿"},
	famBankLoan: {"原被告签订的借款合同系双方真实意思表示，合法有效", "原告已依约发放贷款，被告未按期还款构成违约", "原告有权依约宣布贷款提前到期并要求被告清偿全部本息",
		"保证人应按照保证合同的约定承担连带保证责任", "罚息、复利的计算标准符合合同约定及金融监管规定"},
	famCard:        {"被告申领并使用信用卡，双方信用卡合同关系成立", "被告未按约还款，应承担偿还透支本息的责任", "原告主张的利息及违约金符合合同约定和相关规定"},
	famTenancy:     {"双方租赁合同合法有效，应当全面履行", "被告拖欠租金已达合同约定的解除条件", "合同解除后，被告应当返还租赁物并支付占用期间的使用费", "被告逾期付款，应当承担违约责任"},
	famPropertyFee: {"物业服务合同对全体业主具有约束力", "原告已按约提供物业服务，被告应按时缴纳物业费", "业主不得以未享受或无需接受相关物业服务为由拒绝缴纳物业费"},
	famInjury:      {"被告的侵权行为与原告的损害后果之间存在因果关系", "被告未尽到安全保障义务，应承担侵权责任", "原告的各项损失计算合理，应由被告赔偿"},
	famUnjust:      {"被告取得款项没有合法根据", "被告应当将取得的不当利益返还原告", "被告明知无合法根据仍拒不返还，还应赔偿原告利息损失"},
	famInherit:     {"原被告均为被继承人的第一顺序继承人", "同一顺序继承人继承遗产的份额一般应当均等", "遗嘱系被继承人真实意思表示，合法有效"},
	famRecourse:    {"原告已履行保证责任，有权向债务人追偿", "反担保人应当按照约定承担连带责任"},
	famConsumer:    {"经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿", "被告未按约提供服务，原告有权解除合同并要求退还费用", "原告作为消费者的合法权益应受法律保护"},
	famInsurance:   {"原告已依约赔付，依法取得代位求偿权", "保险人未就免责条款履行提示和明确说明义务，该条款不产生效力", "保险事故发生在保险期间内，被告应当承担保险责任"},
}

// reasons writes the 原告认为 section of a detailed complaint.
func (c *rec) reasons(fam family) {
	r := c.r
	pool := reasoning[fam]
	if len(pool) == 0 {
		return
	}
	n := between(r, 2, len(pool))
	c.w("\n", pick(r, "原告认为：", "综上，原告认为：", "具体理由如下："))
	style := numbering(r.IntN(int(numStyles)))
	start := r.IntN(len(pool))
	for k := range n {
		if chance(r, 0.5) {
			c.w("\n")
		}
		c.w(style.label(k+1), pool[(start+k)%len(pool)], "。")
	}
}

// dressCivil wraps a civil complaint body with the optional parts: party
// block before, reasoning, evidence and signature after. Longer, more
// formal complaints come with detailed (and often more complex) cases.
// civilShape holds the odds of the passages that make a civil text long:
// the party block, the evidence list and the signature (dressCivil), the
// context sentences and reasoning a detailed complaint argues with
// (complaint). Fourth calibration: real complaints are shorter than the
// corpus's were — median 310 characters and 6 sentences in the 48 real
// civil filings, against 408 and 14 generated — so every one of these was
// cut (was: header 0.2 + 0.1 per detail step, evidence 0.1 + 0.1, signature
// 0.2, context 0.7 of detail…2×detail sentences, reasoning 0.18 per
// detail step).
var civilShape = struct {
	header, headerPerDetail     float64
	evidence, evidencePerDetail float64
	signature                   float64
	context                     float64 // share of detailed complaints with context sentences
	reasonsPerDetail            float64
	// chronology is the share of the complaints that would write a
	// chronology of dunning (chron) that do: its 对账, 拒收, 搬离 and 调解
	// events carried most of the lexicon's accounts, service and mediation
	// hits (was 1).
	chronology float64
	// acknowledged is how often a complaint says, at one of the places a
	// complaint may, that the defendant acknowledged the debt, the delivery
	// or the account (被告对欠款无异议, 被告未提出异议, 对账确认, 在对账单上
	// 签字确认; rec.acknowledges): the commonest source of the lexicon's
	// dispute and accounts hits, and rare in real complaints — none of the
	// 48 real civil filings says 无异议 or 未提出异议, one says 对账 (fifth
	// calibration; was 0.4, then 0.1 for the uncontested summary alone,
	// while the contract narrations wrote an acknowledgment in two of three
	// deliveries, a third of the accounts and a quarter of the documents).
	acknowledged float64
}{
	header: 0.05, headerPerDetail: 0.04,
	evidence: 0.02, evidencePerDetail: 0.03,
	signature:        0.05,
	context:          0.35,
	reasonsPerDetail: 0.08,
	chronology:       0.35,
	acknowledged:     0.03,
}

func (c *rec) dressCivil(fam family) {
	r := c.r
	body := c.b.String()
	c.b.Reset()
	d := float64(c.detail)
	if chance(r, civilShape.header+civilShape.headerPerDetail*d) || len(c.pl) >= 10 {
		c.partyHeader()
	}
	c.w(body)
	if chance(r, civilShape.evidence+civilShape.evidencePerDetail*d) {
		c.evidence(fam)
	}
	if chance(r, civilShape.signature) {
		c.signature()
	}
}

var chatReplies = []string{"“过几天就还，别催了”", "“最近手头紧，下个月一定还”", "“等工程款下来就给你”", "“我知道欠你钱，会想办法的”", "“你去告吧”",
	"“钱不是我用的，你找他要”", "“年底前肯定结清”", "“先还一部分行不行”", "“账不对，我要再核一下”", "“我现在没钱，有钱了再说”"}

// chron writes a chronology whose length grows with the case's detail:
// the long tail of long complaints comes from protracted disputes.
func (c *rec) chron() {
	if !chance(c.r, civilShape.chronology) {
		return
	}
	switch c.detail {
	case 0, 1:
		c.chronology(1, 3)
	case 2:
		c.chronology(2, 6)
	default:
		c.chronology(4, 14)
	}
}

// chronology writes the dated back-and-forth after the debt fell due: the
// part of a complaint that grows with how long and messy a case is.
func (c *rec) chronology(lo, hi int) {
	r := c.r
	n := int(float64(between(r, lo, max(lo, hi)))*c.verb + 0.5)
	if n <= 0 {
		return
	}
	// Events run from after the due date (or a few months back) to filing.
	d := c.filed.AddDate(0, -between(r, n+1, n+8), 0)
	if !c.due.IsZero() && c.due.Before(c.filed.AddDate(0, 0, -30)) {
		d = c.due
	}
	step := int(c.filed.Sub(d).Hours()/24) / (n + 1)
	if step < 5 {
		step = 5
	}
	if chance(r, 0.5) {
		c.w(pick(r, "此后，", "其后，", "具体催收经过如下："))
	}
	for range n {
		d = d.AddDate(0, 0, between(r, step/2, step*3/2))
		if !d.Before(c.filed) {
			break
		}
		c.w(dateVar(r, d), "，")
		ev := r.IntN(7)
		// The chronology of a case with tangled accounts is one of part
		// payments; of a defendant who cannot be served, one of empty flats.
		switch {
		case c.cx[cxAccounts] && chance(r, 0.3):
			ev = 4
		case c.cx[cxService] && chance(r, 0.3):
			ev = 5
		}
		switch ev {
		case 0:
			c.w("原告", pick(r, "通过微信", "通过电话", "发短信"), pick(r, "向被告催要", "提醒被告还款", "要求被告付款"), "，被告回复称", pick(r, chatReplies...), "。")
		case 1:
			c.w("双方", pick(r, "在被告家中", "在一茶楼", "在原告办公室", "通过电话"), "协商，被告", pick(r, "同意分期偿还，但此后未履行", "表示无力偿还", "要求减免利息及违约金", "对部分金额提出异议", "承诺一个月内付清"), "。")
		case 2:
			c.w("原告委托", c.ct.prov.short, pick(r, lawFirmWords...), "律师事务所向被告发送律师函，被告", pick(r, "签收后未予回应。", "拒收。", "电话回复称会处理，但此后再无音讯。"))
		case 3:
			if c.pl[0].Kind == org {
				c.w("原告", pick(r, "申请行业商会居间调解", "派员到被告处对账", "通过律师与被告协商"), "，", pick(r, "未果。", "被告未到场。", "被告口头答应付款，但未兑现。"))
			} else {
				c.w("原告", pick(r, "向所在社区人民调解委员会申请调解", "向派出所反映情况", "请双方共同的朋友从中说和"), "，", pick(r, "调解未果。", "被告未到场。", "被告口头答应付款，但未兑现。"))
			}
		case 4:
			c.w("被告", pick(r, "通过微信转账支付", "通过现金支付", "委托其家人支付"), plainMoney(int64(between(r, 5, 100))*10000), "，", pick(r, "此后再未支付。", "并称余款尽快付清。", "原告已在诉讼请求中予以扣除。"))
		case 5:
			c.w("原告再次上门催要，发现被告", pick(r, "已搬离原住所", "经营的店铺已关门", "正在外地务工", "避而不见"), "。")
		default:
			c.w("被告", pick(r, "在微信中确认了欠款金额", "出具还款计划一份", "发来语音表示会尽快处理", "将原告微信拉黑"), "。")
		}
	}
}

var treatments = []string{"行切开复位内固定术", "行清创缝合术", "行开颅血肿清除术", "予以石膏外固定", "行关节镜下修补术", "予以保守治疗",
	"转入重症监护室治疗", "行椎体成形术", "予以抗感染、止痛等对症治疗"}

// treatment writes the course of treatment an injury complaint recounts.
func (c *rec) treatment() {
	r := c.r
	c.w(pick(r, "入院后", "住院期间，", "经检查，"), "医院", pick(r, treatments...), "，")
	if chance(r, 0.5) {
		if t := pick(r, treatments...); !strings.Contains(c.b.String()[max(0, c.b.Len()-40):], t) {
			c.w("后又", t, "，")
		}
	}
	c.w(pick(r, "后", "经治疗后", "待"), pick(r, "好转出院", "病情稳定后出院", "伤情稳定后出院"), "，出院医嘱：", pick(r, "全休三个月", "定期复查", "加强营养", "一年后取内固定", "陪护一人"), "。")
	if chance(r, 0.3) {
		c.w("出院后原告", pick(r, "多次到医院门诊复查", "在家中休养", "进行康复治疗"), pick(r, "，产生门诊费用若干。", "，至今未能正常工作。", "。"))
	}
}

// isFemale reports the sex a party's name was drawn with.
func (c *rec) isFemale(p *triagev1.Party) bool {
	for i, q := range c.f.Parties {
		if q == p {
			return c.female[i]
		}
	}
	return false
}
