package corpus

import (
	"math"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// adminCause is one cause of the administrative mix.
type adminCause struct {
	name   string
	weight float64 // share of administrative filings, in percent
	base   float64 // latent complexity offset
}

// adminCauses: penalties and information-disclosure cases lead a basic
// court's administrative docket; work-injury findings, forced demolitions
// and expropriation compensation follow.
var adminCauses = []*adminCause{
	{"行政处罚", 35, -0.2},
	{"政府信息公开", 14, -0.5},
	{"工伤认定", 9, 0.2},
	{"行政强制", 8, 0.6},
	{"行政补偿", 5, 0.9},
	{"行政征收", 4, 1.0},
	{"行政登记", 5, 0.2},
	{"不履行法定职责", 8, 0},
	{"行政复议", 5, 0.1},
	{"行政协议", 3, 0.8},
	{"行政赔偿", 3, 0.5},
	{"行政许可", 1, 0.3},
}

func adminTable() []choice[*adminCause] {
	out := make([]choice[*adminCause], len(adminCauses))
	for i, c := range adminCauses {
		out[i] = choice[*adminCause]{c.weight, c}
	}
	return out
}

// Administrative first instance: cases against county-level governments go
// to intermediate courts (行政诉讼法 15), the rest to (designated) basic courts.
const adminIntermediate = 0.25

func (g *generator) adminRecord(c *rec, i int, ac *adminCause) (triagev1.Procedure, error) {
	r := c.r
	pInterm := adminIntermediate
	if ac.name == "行政处罚" || ac.name == "政府信息公开" {
		pInterm = 0.12
	}
	if ac.name == "行政征收" || ac.name == "行政补偿" || ac.name == "行政协议" {
		pInterm = 0.5
	}
	c.ct = drawCourt(r, g.provs, pInterm)
	cause := ac.name
	// Clerks sometimes qualify the cause; the catalogue still matches it.
	if ac.name == "行政处罚" && chance(r, 0.15) {
		cause = pick(r, "公安行政处罚", "治安行政处罚", "交通行政处罚")
	}
	c.setCommon(triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE, i, "行初", cause)
	c.sub = r.IntN(5)
	c.contested = chance(r, sigmoid(0.2+0.9*c.u+0.5*ac.base))
	c.adminParties(ac)
	ci := c.c
	ci.Remanded = chance(r, 0.015)
	ci.Retrial = chance(r, 0.004)
	ci.PartiesAgreeSimplified = chance(r, 0.03)
	c.detail = int(clamp(math.Round(1.4+0.8*c.u+0.8*r.NormFloat64()), 0, 3))
	if chance(r, 0.2+0.05*float64(c.detail)) || len(c.pl) >= 10 {
		c.partyHeader()
	}
	c.adminText(ac)
	c.finishText()
	c.noteShown()
	a, err := c.eng.Evaluate(c.f)
	if err != nil {
		return 0, err
	}
	label := c.adminLabel(ac, a)
	if !allowed(a, label) {
		return 0, errUnavailable
	}
	return label, nil
}

func (c *rec) adminParties(ac *adminCause) {
	r := c.r
	n := 1
	if (ac.name == "行政征收" || ac.name == "行政补偿" || ac.name == "行政强制") && chance(r, 0.1) {
		n = between(r, 2, 9)
		if chance(r, 0.3) {
			n = between(r, 10, 25) // a village group against an expropriation
		}
	}
	for range n {
		if chance(r, 0.15) && n == 1 && !(ac.name == "行政处罚" && c.sub <= 1) {
			c.company(plaintiff, "")
		} else {
			c.person(plaintiff, chance(r, 0.4), 0.004)
		}
	}
	c.addParty(defendant, org, c.agency(ac))
	if chance(r, 0.2) { // 复议维持: the review body is a co-defendant
		c.addParty(defendant, org, c.ct.government())
	}
	if ac.name == "工伤认定" || (ac.name == "行政登记" && chance(r, 0.5)) {
		if chance(r, 0.6) {
			c.company(third, "")
		} else {
			c.person(third, chance(r, 0.5), 0)
		}
	}
}

// agency is the defendant organ of an administrative cause.
func (c *rec) agency(ac *adminCause) string {
	r := c.r
	p := c.ct.place()
	if c.ct.county == nil && ac.name != "行政处罚" {
		return c.ct.city.name + "人民政府"
	}
	switch ac.name {
	case "行政处罚":
		switch c.sub {
		case 0:
			return pick(r, c.ct.city.name+"公安局交通警察支队", c.ct.police(), c.ct.city.name+"公安局交通警察支队"+c.ct.place()+"大队")
		case 1:
			return c.ct.police()
		case 2:
			return pick(r, p+"市场监督管理局", p+"卫生健康局", p+"文化市场综合行政执法队")
		case 3:
			return p + "综合行政执法局"
		default:
			return pick(r, c.ct.city.name+"生态环境局", p+"自然资源和规划局")
		}
	case "政府信息公开":
		return pick(r, c.ct.government(), p+"自然资源和规划局", p+"住房和城乡建设局", p+pick(r, "城关", "新城", "东湖", "长江")+"街道办事处", p+"人力资源和社会保障局")
	case "工伤认定":
		return p + "人力资源和社会保障局"
	case "行政强制":
		return pick(r, c.ct.government(), p+"综合行政执法局", p+pick(r, "城关", "新城", "东湖")+"街道办事处", p+pick(r, "城东", "沙河", "桥头")+"镇人民政府")
	case "行政补偿", "行政征收", "行政协议":
		return pick(r, c.ct.government(), p+"住房和城乡建设局", p+"房屋征收管理办公室")
	case "行政登记":
		return pick(r, p+"自然资源和规划局", p+"市场监督管理局", p+"民政局")
	case "不履行法定职责":
		return pick(r, c.ct.police(), p+"市场监督管理局", p+"综合行政执法局", p+"人力资源和社会保障局", c.ct.government())
	case "行政复议":
		return c.ct.government()
	case "行政赔偿":
		return pick(r, c.ct.police(), c.ct.government(), p+"综合行政执法局")
	default:
		return pick(r, p+"行政审批局", p+"市场监督管理局")
	}
}

func (c *rec) adminText(ac *adminCause) {
	r := c.r
	P, D := c.plainName(), c.D0()
	when := c.pastDate(2, 14)
	c.due = when
	d := adminDraft{P: P, D: D, when: when}
	d.docNo = func(kind string) string {
		return c.ct.place() + pick(r, "", "") + kind + "〔" + itoa(when.Year()) + "〕" + itoa(between(r, 1, 9999)) + "号"
	}
	act := adminActs[ac.name]
	if act == nil {
		act = (*rec).adminLicence
	}
	claims, facts := act(c, ac, d)
	claims = append(claims, pick(r, "本案诉讼费用由被告承担", "诉讼费由被告负担", "本案受理费由被告承担"))
	c.adminLayout(ac, d, claims, facts)
}

// adminDraft is what every administrative cause's text shares: the
// plaintiff's and first defendant's names, the date of the act and a
// numbering of the act's document.
type adminDraft struct {
	P, D  string
	when  time.Time
	docNo func(kind string) string
}

// adminActs writes each cause's claims and facts: one function per cause,
// each with its own odds, drawn in a fixed order so a seed always gives
// the same text. A cause without an entry is a licence case.
var adminActs = map[string]func(*rec, *adminCause, adminDraft) ([]string, func()){
	"行政处罚":    (*rec).adminPenalty,
	"政府信息公开":  (*rec).adminDisclosure,
	"工伤认定":    (*rec).adminWorkInjury,
	"行政强制":    (*rec).adminCoercion,
	"行政补偿":    (*rec).adminExpropriation,
	"行政征收":    (*rec).adminExpropriation,
	"行政协议":    (*rec).adminExpropriation,
	"行政登记":    (*rec).adminRegistration,
	"不履行法定职责": (*rec).adminInaction,
	"行政复议":    (*rec).adminReconsideration,
	"行政赔偿":    (*rec).adminCompensation,
	"行政许可":    (*rec).adminLicence,
}

// adminTail writes what follows the facts: context, the hidden dispute
// shown (imperfectly) as a contested account, a remand.
func (c *rec) adminTail() {
	r := c.r
	ci := c.c
	if c.detail >= 1 && chance(r, 0.6) {
		c.fam = famAdmin
		c.context(between(r, 1, c.detail+1))
	}
	switch {
	case c.contested && chance(r, 0.5) || !c.contested && chance(r, 0.04):
		c.say(cxDispute, pick(r, "被告对原告陈述的事实不予认可，认为其行政行为认定事实清楚、程序合法。", "双方对案件基本事实存在较大争议。", "该案涉及多个行政机关的职权划分，事实较为复杂。", "原告另提出行政赔偿请求，相关损失数额双方争议较大。"))
	case !c.contested && chance(r, 0.3):
		c.one("被告对基本事实无异议。", "本案事实清楚，争议焦点在于法律适用。", "双方对事实均无争议。")
	}
	if ci.Remanded && chance(r, 0.8) {
		c.w("本案曾经", c.ct.city.name, "中级人民法院二审裁定发回重审。")
	}
}

// adminLayout arranges claims and facts in one of the layouts
// administrative complaints use.
func (c *rec) adminLayout(ac *adminCause, d adminDraft, claims []string, facts func()) {
	r := c.r
	P, D := d.P, d.D
	tail := c.adminTail
	switch x := r.IntN(100); {
	case x < 45:
		c.one("诉讼请求：", "原告诉讼请求：", "请求事项：", "【诉讼请求】")
		writeList(r, &c.b, claims)
		c.w("\n")
		c.one("事实与理由：", "事实和理由：", "理由：")
		facts()
		tail()
		c.one("为维护原告合法权益，根据《中华人民共和国行政诉讼法》的规定，特向贵院提起行政诉讼。", "原告为维护自身合法权益，特诉至法院。", "请求人民法院依法判决。", "")
	case x < 75:
		c.w("原告", P, pick(r, "诉称：", "向本院起诉称，", "起诉称："))
		facts()
		tail()
		c.one("故诉至法院，请求：", "请求判令：", "为此，请求法院：")
		writeList(r, &c.b, claims)
	case x < 92:
		c.w("原告", P, "不服被告", D, pick(r, "作出的行政行为", "的行政行为"), "，", pick(r, "向本院提起行政诉讼。", "于"+ymd(c.filed)+"向本院提起行政诉讼。"), "原告请求：")
		writeList(r, &c.b, claims)
		sep(r, &c.b)
		facts()
		tail()
	default:
		c.w("原告", P, "诉被告", D, ac.name, "一案，原告请求", claims[0], "。")
		tail()
	}
}

func (c *rec) adminPenalty(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	ci := c.c
	D := d.D
	when := d.when
	docNo := d.docNo
	kind := c.sub
	var fine int
	switch kind {
	case 0: // traffic, often on the spot
		fine = pick(r, 50, 100, 150, 200, 200, 500, 1000, 2000)
		ci.ActOnTheSpot = chance(r, 0.6)
	case 1: // public order: fine or detention
		if chance(r, 0.5) {
			fine = pick(r, 200, 500, 500, 1000)
		}
		ci.ActOnTheSpot = chance(r, 0.1)
	case 2: // market regulation
		fine = int(lognormal(r, 30000, 1.2))
	case 3: // urban management
		fine = int(lognormal(r, 3000, 1))
		ci.ActOnTheSpot = chance(r, 0.2)
	default: // environment, land
		fine = int(lognormal(r, 80000, 1.1))
	}
	if fine > 0 {
		c.setAmount(int64(roundYuan(r, float64(fine))) * 100)
	}
	doc := "《行政处罚决定书》"
	if ci.ActOnTheSpot {
		doc = "《公安交通管理行政处罚决定书》"
		if kind != 0 {
			doc = "《当场处罚决定书》"
		}
	}
	claims = append(claims, pick(r, "依法撤销被告", "请求撤销被告", "判决撤销被告")+D+"于"+ymd(when)+"作出的"+docNo([]string{pick(r, "公交决字", "公（交）行罚决字"), pick(r, "公（治）行罚决字", "公行罚决字"), "市监罚处", "综执罚", pick(r, "环罚", "自然资罚")}[kind])+doc)
	if fine > 0 && chance(r, 0.5) {
		claims = append(claims, "判令被告返还原告罚款"+plainMoney(c.f.ClaimAmountFen))
	}
	if len(c.df) > 1 {
		claims = append(claims, "撤销被告"+c.name(c.df[1])+"作出的行政复议决定")
	}
	facts = func() {
		switch kind {
		case 0:
			c.w(ymd(when), clock(r), "，原告驾驶", c.ct.city.plate, "·", plateTail(r), "号车辆行驶至", c.ct.place(), pick(r, roads...), "时，被告执勤民警以原告", pick(r, "违反禁止标线指示", "驾车时拨打手持电话", "不按规定避让行人", "违反禁令标志", "未按规定停放"), "为由，", pick(r, "当场", "事后"), "对原告处以罚款", itoa(fine), "元", pick(r, "、记3分", "、记2分", "", "、记1分"), "的处罚。")
			c.w("原告认为，", pick(r, "原告并无该违法行为，被告认定事实不清、证据不足", "现场标线模糊不清，原告不存在违法故意", "被告执法程序违法，未告知原告陈述申辩权利", "电子监控抓拍的车辆并非原告车辆"), "。")
		case 1:
			penalty := pick(r, "行政拘留五日", "行政拘留十日", "行政拘留七日")
			if fine > 0 {
				penalty = pick(r, "罚款"+itoa(fine)+"元", "警告并罚款"+itoa(fine)+"元")
			}
			c.w(dateVar(r, when), "，原告与", alias(personName(r, chance(r, 0.5)), c.style), "因", pick(r, "邻里纠纷", "停车问题", "琐事"), "发生", pick(r, "争执", "冲突", "推搡"), "，被告以原告", pick(r, "殴打他人", "故意损毁财物", "扰乱公共秩序"), "为由，对原告作出", penalty, "的处罚决定。")
			c.w("原告认为，", pick(r, "原告系正当防卫，不应受到处罚", "被告认定事实错误，对方先动手", "被告未调取现场监控，证据不足"), "。")
		case 2:
			c.w("被告以原告经营的", soleTrader(r, &c.ct), pick(r, "销售过期食品", "销售不合格产品", "发布虚假广告", "无证经营", "使用未经检定的计量器具"), "为由，于", ymd(when), "对原告作出没收违法所得并罚款", itoa(fine), "元的处罚决定。")
			c.w("原告认为，", pick(r, "涉案商品系从正规渠道进货，原告已尽合理审查义务", "处罚明显过重，违反过罚相当原则", "被告在作出处罚前未举行听证，程序违法"), "。")
		case 3:
			c.w(dateVar(r, when), "，被告以原告", pick(r, "占道经营", "违法搭建", "乱倒建筑垃圾", "擅自设置户外广告"), "为由对原告罚款", itoa(fine), "元。")
			c.w("原告认为其行为不构成违法，被告处罚依据不足。")
		default:
			c.w("被告以原告", pick(r, "未批先建", "非法占用农用地建房", "超标排放污染物", "未办理环评手续擅自投入生产"), "为由，于", ymd(when), "作出罚款", itoa(fine), "元", pick(r, "并责令限期拆除", "并责令停产整治", ""), "的处罚决定。")
			c.w("原告认为，", pick(r, "该建筑系经村委会同意建造的", "原告已按要求整改完毕", "被告适用法律错误"), "，被告的处罚决定应予撤销。")
		}
		if len(c.df) > 1 {
			c.w("原告不服，向", c.name(c.df[1]), "申请行政复议，复议机关作出维持决定。")
		}
	}
	return claims, facts
}

func (c *rec) adminDisclosure(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	ci := c.c
	P := d.P
	D := d.D
	when := d.when
	ci.InformationDisclosure = chance(r, 0.85)
	info := pick(r, "其房屋所在地块的征收批准文件", "某项目的规划许可证及附图", "某小区的拆迁补偿安置方案", "某道路工程的立项审批文件", "村集体土地征收的补偿费用发放明细", "对其举报事项的调查处理结果", "某企业的环境影响评价报告")
	claims = append(claims, pick(r, "撤销被告作出的", "确认被告作出的")+"《政府信息公开申请答复书》"+pick(r, "违法", "", "并判令被告重新答复"), "判令被告在法定期限内向原告公开"+info)
	facts = func() {
		c.w(dateVar(r, when), "，原告", P, "通过", pick(r, "邮寄", "网上申请", "当面递交"), "方式向被告", D, "申请公开", info, "。")
		c.w("被告于", ymd(when.AddDate(0, 0, between(r, 10, 25))), pick(r, "作出答复，称该信息不存在", "作出答复，以该信息涉及第三方商业秘密为由不予公开", "作出答复，称该信息属于过程性信息不予公开", "逾期未作出答复", "仅公开了部分信息"), "。")
		c.w("原告认为，被告的答复", pick(r, "违反《中华人民共和国政府信息公开条例》的规定", "未尽到检索义务", "理由不能成立"), "，侵犯了原告的知情权。")
	}
	return claims, facts
}

func (c *rec) adminWorkInjury(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	D := d.D
	when := d.when
	docNo := d.docNo
	worker := alias(personName(r, chance(r, 0.3)), c.style)
	claims = append(claims, "撤销被告"+D+"作出的"+docNo("人社工伤认字")+pick(r, "《认定工伤决定书》", "《不予认定工伤决定书》"), "判令被告重新作出工伤认定")
	c.c.NonMonetaryClaims = true
	facts = func() {
		c.w(worker, pick(r, "系第三人的员工", "在原告处工作", "受雇于第三人"), "，", dateVar(r, when.AddDate(0, -between(r, 3, 12), 0)), pick(r, "在下班途中发生交通事故受伤", "在工作时间内突发疾病，经抢救无效死亡", "在工作中被机器轧伤右手", "在外出办事途中摔伤"), "。")
		c.w("被告经调查后作出", pick(r, "认定工伤", "视同工伤", "不予认定工伤"), "的决定。", "原告认为，", pick(r, "事故发生时不属于合理的上下班路线", "劳动者突发疾病并非在工作岗位上", "双方之间不存在劳动关系", "被告认定事实不清"), "，", "该决定应予撤销。")
	}
	return claims, facts
}

func (c *rec) adminCoercion(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	P := d.P
	D := d.D
	when := d.when
	claims = append(claims, "确认被告"+D+"于"+ymd(when)+"强制拆除原告"+pick(r, "房屋", "厂房", "养殖棚", "围墙")+"的行为违法")
	c.c.NonMonetaryClaims = true
	if chance(r, 0.3) {
		amt := int64(roundYuan(r, lognormal(r, 200000, 1))) * 100
		c.setAmount(amt)
		claims = append(claims, "判令被告赔偿原告损失"+money(r, amt))
	}
	facts = func() {
		c.w("原告", P, "在", c.ct.place(), pick(r, "某村", "某社区", pick(r, roads...)+"旁"), "拥有", pick(r, "房屋一处", "厂房一栋", "养殖场一处"), "。", dateVar(r, when), "，被告", pick(r, "在未作出强制拆除决定、未履行催告程序的情况下", "未经任何法定程序", "以违法建筑为由"), "，组织人员", pick(r, "强制拆除了原告的上述建筑", "将原告房屋推倒", "强行清除了原告的养殖设施"), "，", "造成原告财产损失。")
		c.w("原告认为，被告的强制行为违反了《中华人民共和国行政强制法》的规定，程序严重违法。")
	}
	return claims, facts
}

func (c *rec) adminExpropriation(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	P := d.P
	D := d.D
	when := d.when
	docNo := d.docNo
	amt := int64(0)
	if chance(r, 0.6) {
		amt = int64(roundYuan(r, lognormal(r, 600000, 1))) * 100
	}
	c.setAmount(amt)
	switch ac.name {
	case "行政协议":
		claims = append(claims, "判令被告履行"+pick(r, "《房屋征收补偿协议》", "《拆迁安置协议》", "《招商引资协议》"))
	case "行政征收":
		claims = append(claims, "撤销被告作出的"+docNo("征")+"《房屋征收决定》")
	default:
		claims = append(claims, "撤销被告作出的"+docNo("征补")+"《房屋征收补偿决定书》")
	}
	if amt > 0 {
		claims = append(claims, "判令被告支付原告补偿款"+money(r, amt))
	}
	c.c.NonMonetaryClaims = true
	property := pick(r, "房屋", "住宅及附属设施", "商铺")
	if c.pl[0].Kind == org {
		property = pick(r, "厂房", "办公楼", "仓库")
	}
	facts = func() {
		c.w(dateVar(r, when), "，被告", D, "作出", pick(r, "房屋征收决定", "征收补偿决定", "集体土地征收方案"), "，原告", P, "位于", c.ct.place(), pick(r, "某村", "老城区", pick(r, roads...)), "的", property, "被纳入征收范围。")
		c.w("原告认为，", pick(r, "被告确定的补偿标准明显低于市场价格", "评估机构的选定程序违法", "被告未对原告的经营损失予以补偿", "被告未履行协议约定的安置义务"), "，", pick(r, "侵犯了原告的合法权益。", "原告的合法权益未得到保障。"))
		if len(c.pl) >= 10 {
			c.w("该项目涉及村民人数众多，", pick(r, "部分村民曾多次集体上访。", "村民对补偿方案意见较大。"))
		}
		if c.contested && chance(r, 0.4) {
			c.w("原告申请对被征收房屋价值重新进行评估。")
		}
	}
	return claims, facts
}

func (c *rec) adminRegistration(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	D := d.D
	when := d.when
	claims = append(claims, pick(r, "撤销被告为第三人办理的不动产登记", "撤销被告作出的婚姻登记", "撤销被告作出的公司变更登记"))
	c.c.NonMonetaryClaims = true
	facts = func() {
		c.w(pick(r, "原告发现，", "原告于"+ym(when)+"得知，"), "被告", D, pick(r, "在原告不知情的情况下，根据第三人提交的虚假材料", "依据伪造的原告签名", "未尽审慎审查义务"), "，", pick(r, "将原告名下的房屋登记至第三人名下", "办理了以原告身份信息登记的结婚登记", "办理了公司股东变更登记"), "。")
		c.w("原告认为被告的登记行为", pick(r, "违法，应予撤销。", "缺乏事实依据。"))
	}
	return claims, facts
}

func (c *rec) adminInaction(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	D := d.D
	when := d.when
	claims = append(claims, "确认被告"+D+"未在法定期限内履行"+pick(r, "查处", "答复", "处理")+"职责的行为违法", "判令被告在一定期限内对原告的"+pick(r, "举报", "申请", "投诉")+"作出处理")
	c.c.NonMonetaryClaims = true
	facts = func() {
		c.w(dateVar(r, when), "，原告向被告", pick(r, "举报", "投诉", "书面申请"), pick(r, "邻居违法搭建", "某企业噪声扰民", "某商家销售假冒商品", "用人单位拖欠工资", "他人殴打原告"), "，", "要求被告依法查处。", "被告签收后，", pick(r, "至今未作出任何处理", "在法定期限内未予答复", "仅口头答复正在调查"), "。")
	}
	return claims, facts
}

func (c *rec) adminReconsideration(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	D := d.D
	when := d.when
	docNo := d.docNo
	claims = append(claims, "撤销被告"+D+"作出的"+docNo("行复")+"《行政复议决定书》", "判令被告重新作出复议决定")
	c.c.NonMonetaryClaims = true
	facts = func() {
		c.w("原告不服", c.ct.place(), pick(r, "自然资源和规划局", "市场监督管理局", "公安分局", "人力资源和社会保障局"), "作出的", pick(r, "行政处罚", "不予受理决定", "登记行为"), "，于", ymd(when), "向被告申请行政复议。被告", pick(r, "以超过申请期限为由驳回原告的复议申请", "作出维持决定", "逾期未作出复议决定"), "。")
		c.w("原告认为被告的复议决定认定事实不清、适用法律错误。")
	}
	return claims, facts
}

func (c *rec) adminCompensation(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	D := d.D
	when := d.when
	amt := int64(roundYuan(r, lognormal(r, 60000, 1.1))) * 100
	c.setAmount(amt)
	claims = append(claims, "判令被告赔偿原告"+pick(r, "财产损失", "人身损害赔偿金", "违法拘留期间的赔偿金")+money(r, amt))
	facts = func() {
		c.w(dateVar(r, when), "，被告", D, pick(r, "违法扣押原告车辆长达数月", "强制拆除原告房屋后未予赔偿", "违法对原告实施行政拘留，后被撤销", "在执法过程中损坏原告财物"), "，", "给原告造成损失。原告向被告提出赔偿申请，被告", pick(r, "逾期未作出赔偿决定", "决定不予赔偿", "仅同意赔偿少量金额"), "。")
	}
	return claims, facts
}

func (c *rec) adminLicence(ac *adminCause, d adminDraft) (claims []string, facts func()) {
	r := c.r
	D := d.D
	when := d.when
	claims = append(claims, "撤销被告作出的"+pick(r, "不予行政许可决定", "撤销许可决定"), "判令被告向原告颁发"+pick(r, "《食品经营许可证》", "《建设工程规划许可证》", "《道路运输经营许可证》"))
	c.c.NonMonetaryClaims = true
	facts = func() {
		c.w("原告于", ymd(when), "向被告", D, "申请", pick(r, "食品经营许可", "建设工程规划许可", "道路运输经营许可"), "，被告以", pick(r, "申请材料不齐全", "不符合规划要求", "经营场所不符合条件"), "为由不予许可。原告认为其申请符合法定条件。")
	}
	return claims, facts
}

// adminLabel: where 行政诉讼法 82 opens simplified procedure, courts use it
// for the cases that read straightforward; the rest, and everything else, go
// ordinary. A few simplified cases convert to ordinary (Art. 84).
func (c *rec) adminLabel(ac *adminCause, a *rulesAssessment) triagev1.Procedure {
	r := c.r
	const (
		simp = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		ord  = triagev1.Procedure_PROCEDURE_ORDINARY
	)
	if !a.Option(simp).GetAvailable() {
		return ord
	}
	// As in civil cases the court decides from what the filing shows (the
	// cause, a dispute the complaint voices, review signals) and its own
	// habits, with a little of the case's hidden difficulty.
	x := 0.8 - 0.3*c.u - 0.5*ac.base - 0.9*b2f(c.shown[cxDispute]) - 0.8*b2f(a.NeedsReview()) - courtHabit(c.ct.name)
	if c.c.PartiesAgreeSimplified {
		x += 2
	}
	if c.c.ActOnTheSpot || (c.f.ClaimAmountFen > 0 && c.f.ClaimAmountFen <= 2000_00) {
		x += 0.4
	}
	if chance(r, sigmoid(2*x)) {
		if chance(r, 0.05) {
			return ord
		}
		return simp
	}
	return ord
}
