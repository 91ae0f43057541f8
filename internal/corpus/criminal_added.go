package corpus

import "strings"

// appraisalStated is how often an allegation of the charge cites an expert
// opinion (经鉴定…): measured on the real criminal development filings
// (the share whose text holds 鉴定; filings of the charge in brackets).
// The generator wrote it for assault (real 6 of 7) and theft (4 of 13)
// already; for the others its allegations said 检验 or nothing, and the
// criminal texts hit the lexicon's appraisal category 0.13 of the time
// against 0.42 real. Charges with fewer than five real filings take the
// practice of their kind: a drug, blood or injury finding is always an
// expert's, but the allegation does not always say so.
var appraisalStated = map[string]float64{
	"危险驾驶罪": 0.65, // 17 of 26: 经鉴定，血液中乙醇含量…
	"交通肇事罪": 0.57, // 4 of 7: cause of death, injury grade
	"走私、贩卖、运输、制造毒品罪": 0.38, // 23 of 60: 经鉴定，检出甲基苯丙胺成分
	"寻衅滋事罪":         0.75, // 6 of 8: the injuries' grade
	"容留他人吸毒罪":       0.21, // 3 of 14
	"强奸罪":           0.21, // 6 of 28: DNA, injuries, the victim's age or capacity
	"非法持有毒品罪":       0.8,  // 4 of 5
	"猥亵儿童罪":         0.2,  // as rape
	"聚众斗殴罪":         0.75, // as 寻衅滋事
	"过失致人死亡罪":       0.8,  // the cause of death
	"非法持有、私藏枪支、弹药罪": 0.8,  // 经鉴定，系以火药为动力发射弹丸的枪支
	"滥伐林木罪":         0.6,  // 林木蓄积 by an appraiser
	"污染环境罪":         0.7,  // 检测 of the discharge, 鉴定 of the damage
}

// appraises reports whether this allegation cites the expert opinion.
func (c *rec) appraises(cc *crimeCause) bool { return chance(c.r, appraisalStated[cc.name]) }

func (c *rec) factsRape(d crimeDraft) {
	r := c.r
	c.w(ymd(d.when), clock(r), "，被告人", d.all, "在", d.place, pick(r, "其租住的房屋内", "某宾馆房间内", "被害人家中", "某KTV包厢内", "其驾驶的车辆内"), "，")
	victim := alias(personName(r, true), c.style)
	switch r.IntN(3) {
	case 0:
		c.w("趁被害人", victim, "醉酒无力反抗之机，")
	case 1:
		c.w("违背被害人", victim, "的意志，", pick(r, "采用捂嘴、按压等手段", "以暴力、胁迫手段", ""))
	default:
		c.w("以", pick(r, "殴打", "言语威胁", "拍摄裸照相要挟"), "手段，违背被害人", victim, "的意愿，")
	}
	c.w(pick(r, "强行与其发生性关系。", "强行与被害人发生了性关系。"))
	if chance(r, 0.25) {
		c.w("被害人案发时未满十四周岁。")
	}
	if c.appraises(d.cc) {
		c.w("经鉴定，", pick(r, "从被害人内裤上检出被告人的精斑。", "被害人的损伤程度为轻微伤。", "被害人案发时处于醉酒状态。", "被害人系轻度精神发育迟滞，对性侵害的自我防卫能力削弱。"))
	}
	c.w(pick(r, "当日，被害人报警。", "案发后，被害人及其家属报警。", ""))
}

func (c *rec) factsChildIndecency(d crimeDraft) {
	r := c.r
	c.w(pick(r, ymd(d.when)+clock(r)+"，", ym(d.when)+"间，"), "被告人", d.A, "在", d.place, pick(r, "其经营的小卖部内", "某小区楼道内", "其家中", "某小学附近"), "，", pick(r, "以给零食为诱饵", "趁四下无人之机", "利用辅导作业之机"), "，对", pick(r, "年仅九岁的", "未满十四周岁的", "年仅七岁的"), "被害人", alias(personName(r, true), c.style), "实施", pick(r, "抚摸胸部、下体等猥亵行为。", "搂抱、亲吻等猥亵行为。", "猥亵行为。"))
	if chance(r, 0.3) {
		c.w("经查，被告人采用相同手段猥亵另一名儿童。")
	}
	if c.appraises(d.cc) {
		c.w("经鉴定，被害人的陈述", pick(r, "具有可信性。", "与现场勘查情况相符。"))
	}
}

func (c *rec) factsDrugPossession(d crimeDraft) {
	r := c.r
	drug := pick(r, "甲基苯丙胺（冰毒）", "甲基苯丙胺片剂（麻古）", "海洛因")
	c.w(ymd(d.when), clock(r), "，", c.ct.police(), "民警在", d.place, pick(r, "某宾馆房间", "被告人的出租屋", "某小区停车场", "被告人驾驶的车辆内"), "将被告人", d.all, "查获，", pick(r, "当场从其身上", "从其随身携带的挎包内", "从其住处"), "查获疑似毒品", cn(between(r, 1, 6)), "包，净重", formatFloat(lognormal(r, 20, 0.7), 2), "克。")
	if c.appraises(d.cc) {
		c.w("经鉴定，上述", pick(r, "疑似毒品", "查获物"), "中均检出", strings.TrimSuffix(strings.Split(drug, "（")[0], "片剂"), "成分。")
	}
}

func (c *rec) factsIllegalBusiness(d crimeDraft) {
	r := c.r
	switch r.IntN(3) {
	case 0:
		c.w(pick(r, ym(d.when.AddDate(0, -between(r, 2, 12), 0))+"至"+ym(d.when)+"间，", "自"+ym(d.when.AddDate(0, -between(r, 2, 12), 0))+"起，"), "被告人", d.all, "在未取得烟草专卖零售许可证的情况下，", pick(r, "通过物流渠道购进", "从外地收购"), "卷烟并在", d.place, "销售，", "经营数额共计", itoa(int(lognormal(r, 150000, 0.8))), "元。")
		c.w("民警在其", pick(r, "仓库", "店铺", "租住处"), "查获", pick(r, "中华", "芙蓉王", "玉溪", "利群"), "等品牌卷烟", itoa(between(r, 50, 900)), "条。")
	case 1:
		c.w(ym(d.when.AddDate(-1, 0, 0)), "至", ym(d.when), "间，被告人", d.all, "违反国家规定，利用", pick(r, "POS机", "第三方支付账户"), "以虚构交易的方式为他人信用卡套现，", "非法从事资金支付结算业务，", "金额共计", itoa(int(lognormal(r, 3000000, 0.8))), "元，从中获利", itoa(int(lognormal(r, 30000, 0.7))), "元。")
	default:
		c.w(dateVar(r, d.when), "，被告人", d.all, "在未取得", pick(r, "成品油经营许可", "药品经营许可证", "危险化学品经营许可证"), "的情况下，在", d.place, "非法销售", pick(r, "柴油", "药品", "危险化学品"), "，经营数额", itoa(int(lognormal(r, 200000, 0.8))), "元。")
	}
}

func (c *rec) factsContractFraud(d crimeDraft) {
	r := c.r
	v := int(lognormal(r, 200000, 1))
	c.w(dateVar(r, d.when), "，被告人", d.all, pick(r, "以"+companyName(r, &c.ct, "")+"名义", "冒用他人名义", "以虚假的产权证明作担保"), "，", pick(r, "与被害单位签订购销合同", "与被害人签订车辆租赁合同", "与被害人签订工程承包合同"), "，", pick(r, "在收受对方给付的货物后逃匿", "将租赁车辆抵押套现后挥霍", "收取保证金后逃匿"), "，骗取财物价值共计", itoa(v), "元。")
	if c.detail >= 2 {
		c.w("案发前，被告人", pick(r, "已无履约能力。", "以拆东墙补西墙的方式支付小额货款以取得对方信任。"))
	}
}

func (c *rec) factsBrawl(d crimeDraft) {
	r := c.r
	c.w(ymd(d.when), clock(r), "，被告人", d.A, "因", pick(r, "琐事", "债务纠纷", "酒后口角", "争抢生意"), "与", alias(personName(r, false), c.style), "一方约定在", d.place, pick(r, "某广场", "某工地", "某KTV门口", "某烧烤店"), "斗殴，", "被告人", d.all, "等人", pick(r, "持砍刀、钢管", "持木棍", "徒手"), "与对方多人互殴，")
	if c.appraises(d.cc) {
		c.w("造成双方多人受伤。经鉴定，", pick(r, "其中一人的损伤程度为轻伤二级，其余为轻微伤。", "两人的损伤程度为轻微伤。"))
	} else {
		c.w("造成双方多人受伤及车辆损坏。")
	}
}

func (c *rec) factsJudgmentRefusal(d crimeDraft) {
	r := c.r
	v := int(lognormal(r, 150000, 0.8))
	c.w(c.ct.name, "于", ymd(d.when.AddDate(-between(r, 1, 3), 0, 0)), "作出民事判决，判令被告人", d.A, "支付", pick(r, "借款", "工程款", "赔偿款", "货款"), itoa(v), "元。判决生效后，", "被告人", d.A, "在有能力履行的情况下，", pick(r, "将其名下车辆转让他人", "隐匿、转移其收入", "拒不申报财产，并将房屋低价出售给亲属"), "，拒不履行判决确定的义务，", pick(r, "致判决无法执行。", "情节严重。"))
}

func (c *rec) factsLogging(d crimeDraft) {
	r := c.r
	c.w(dateVar(r, d.when), "，被告人", d.all, "在未办理林木采伐许可证的情况下，", "在", d.place, pick(r, "某村集体林地", "其承包的山场", "某林场"), pick(r, "内擅自采伐", "滥伐"), pick(r, "杉木", "松木", "杨树", "桉树"), itoa(between(r, 30, 900)), "株，")
	if c.appraises(d.cc) {
		c.w("经鉴定，滥伐林木立木蓄积", formatFloat(lognormal(r, 25, 0.7), 2), "立方米。")
	} else {
		c.w("立木蓄积", formatFloat(lognormal(r, 25, 0.7), 2), "立方米。")
	}
}

func (c *rec) factsPollution(d crimeDraft) {
	r := c.r
	c.w(dateVar(r, d.when), "，被告人", d.all, "在经营", companyName(r, &c.ct, ""), "期间，", pick(r, "将电镀废水未经处理通过暗管直接排放", "将废矿物油非法倾倒", "将含重金属的污泥非法填埋"), "至", d.place, pick(r, "某河道", "某荒地", "厂区外沟渠"), "，")
	if c.appraises(d.cc) {
		c.w("经检测，", pick(r, "外排废水中总铬含量超过国家排放标准三倍以上", "倾倒物属于危险废物，数量"+itoa(between(r, 3, 60))+"吨"), "；经鉴定，造成生态环境损害数额", itoa(int(lognormal(r, 300000, 0.8))), "元。")
	} else {
		c.w("严重污染环境。")
	}
}

func (c *rec) factsGun(d crimeDraft) {
	r := c.r
	c.w(ymd(d.when), "，", c.ct.police(), "民警在", "被告人", d.A, "位于", d.place, "的住处", pick(r, "查获", "搜查出"), pick(r, "仿真枪", "气枪", "火药枪", "自制猎枪"), cn(between(r, 1, 3)), "支", pick(r, "。", "及铅弹"+itoa(between(r, 20, 500))+"发。"))
	if c.appraises(d.cc) {
		c.w("经鉴定，", pick(r, "上述枪支均系以压缩气体为动力发射弹丸的枪支，具有致伤力。", "该枪系以火药为动力发射弹丸的枪支。"))
	}
}

func (c *rec) factsNegligentDeath(d crimeDraft) {
	r := c.r
	c.w(ymd(d.when), clock(r), "，被告人", d.A, "在", d.place, pick(r, "某工地", "某鱼塘边", "某村道", "其家中"), pick(r, "因琐事与被害人发生推搡，致被害人倒地后头部撞击地面", "驾驶叉车作业时未注意观察，将被害人撞倒", "违规操作吊车，致重物坠落砸中被害人", "与被害人饮酒后未尽照顾义务，致被害人呕吐物窒息"), "，被害人", alias(personName(r, chance(r, 0.3)), c.style), pick(r, "经抢救无效死亡。", "当场死亡。"))
	if c.appraises(d.cc) {
		c.w("经鉴定，被害人系", pick(r, "颅脑损伤", "机械性窒息", "创伤性休克"), "死亡。")
	}
}
