package corpus

import (
	"strings"
	"time"
)

// contextPools are background sentences complaints add when the plaintiff
// has more to tell: how the relationship began, what was promised, what the
// other side said. Placeholders: {P} {D} plaintiff/defendant, {date} a past
// date, {ym} a past month, {amt} a sum, {n} a small number, {place} the
// district, {estate} a compound, {firm} a law firm, {road} a road.
var contextPools = map[family][]string{
	famLoan: {
		"被告当时称其经营的生意资金周转困难，承诺{n}个月内归还。", "借款时，被告的配偶也在场，并表示知晓此事。", "原告出于多年的信任，未要求被告提供担保。",
		"原告出借的款项系家庭多年积蓄。", "原告出借的部分款项系向他人转借而来，现原告自身也背负债务。", "借款前，被告曾向原告展示其名下房产，称有还款能力。",
		"{date}，被告又以同样理由向原告借款{amt}，后已归还。", "被告借款后购买了车辆，并未用于其所称的用途。", "被告此前在其他人处也有借款未还，已被多人起诉。",
		"原告曾于{ym}到被告老家找其父母协商，未果。", "借条系被告当着原告的面亲笔书写并按捺指印。", "双方约定的利息在借款期间被告按月支付至{ym}，此后停止支付。",
	},
	famBankLoan: {
		"被告的征信报告已显示逾期记录。", "原告于{date}向被告邮寄《贷款提前到期通知书》，被告签收后仍未还款。", "原告工作人员多次通过电话、短信及上门方式催收。",
		"借款用途约定为{use}，被告实际将贷款用于他处。", "被告在借款合同中确认已阅读并理解全部条款，原告已就重要条款作出提示说明。", "合同约定双方发生争议由贷款人住所地人民法院管辖。",
		"贷款发放后，被告按期还款{n}期，此后开始逾期。", "被告名下的抵押房产已办理抵押登记，原告依法享有抵押权。", "原告曾同意对被告的贷款进行展期，但被告仍未按期还款。",
	},
	famCard: {
		"原告多次通过电话、短信、信函等方式进行催收，并于{date}向被告寄送《催收函》。", "被告在申领信用卡时签署的领用合约对利息、违约金的计算方式有明确约定。",
		"被告的信用卡已被原告止付。", "被告曾于{ym}申请账单分期，分期后仍未按期还款。", "被告最后一次还款时间为{date}，还款金额{amt}。", "原告依约向被告寄送了对账单，被告未提出异议。",
	},
	famContract: {
		"双方合作多年，一直采取月结方式结算。", "被告的采购人员在送货单上签收。", "合同约定货到后{n}十日内付清货款。", "原告按被告要求开具了增值税专用发票，被告已认证抵扣。",
		"被告曾以资金紧张为由请求原告宽限，原告予以同意。", "{date}，被告通过银行转账支付了部分款项{amt}。", "被告的法定代表人曾在微信中承诺年底前付清。",
		"原告为履行合同垫付了大量资金，现经营陷入困难。", "被告收货后已将货物转售或投入使用。", "合同约定逾期付款的，按未付款项每日万分之五支付违约金。",
	},
	famTraffic: {
		"事故发生后，原告被送往医院急诊，后转入骨科住院治疗。", "原告事发前在{place}从事个体经营，收入稳定。", "原告住院期间由其配偶护理，配偶因此误工。",
		"原告系城镇居民，应按城镇居民标准计算残疾赔偿金。", "事故发生时原告正在上班途中。", "被告驾驶的车辆登记在他人名下，系被告借用。",
		"事故造成原告的电动自行车损坏，维修费用{amt}。", "被告在事故发生后曾到医院探望，并承诺承担全部医疗费用。", "原告出院后仍需定期复查，后续治疗费另行主张。",
	},
	famInjury: {
		"事发时有多名目击者在场。", "原告当即报警，民警出警并制作了询问笔录。", "原告受伤后无法正常工作，收入锐减。", "被告事后曾表示愿意赔偿，但对金额不予认可。",
		"事发地点无任何警示标志。", "原告家中尚有年迈父母需要赡养。",
	},
	famDivorce: {
		"婚后被告经常彻夜不归，对家庭不管不顾。", "孩子一直由原告抚养照顾，被告很少过问。", "双方曾在亲友的劝说下和好，但不久又发生争吵。",
		"被告曾多次向原告提出离婚。", "原告收入稳定，具备抚养子女的条件。", "双方婚前缺乏了解，婚后性格差异逐渐显现。", "被告长期在外地务工，双方缺乏沟通。",
		"被告婚后多次借款用于赌博，欠下大量外债。", "双方曾于{ym}签订离婚协议，后被告反悔拒绝办理离婚登记。",
	},
	famLabour: {
		"原告工作期间勤勤恳恳，从未违反公司规章制度。", "被告每月通过{bank}代发工资。", "原告工作期间经常加班，但被告从未支付加班费。", "被告安排原告在{place}工作。",
		"被告的考勤记录显示原告每周工作六天。", "被告解除劳动合同前未通知工会。", "原告离职时被告未出具解除劳动合同证明。", "被告以现金方式发放部分工资，未提供工资条。",
	},
	famPropertyFee: {
		"原告已在小区公告栏公示物业费收支情况。", "小区其他业主均已按时缴纳物业费。", "原告多次向被告送达书面催缴通知并张贴于其房门。",
		"被告的房屋已于{ym}交付使用。", "原告对小区公共部位进行了定期维修养护。", "被告曾在小区业主群中表示拒交物业费。",
	},
	famTenancy: {
		"租赁期间，被告在房屋内经营{business}。", "原告多次到租赁房屋处催讨租金，被告均避而不见。", "合同约定承租人逾期支付租金超过三十日的，出租人有权解除合同。",
		"被告另欠水电费、物业费若干未缴。", "被告未经原告同意擅自将房屋转租给他人。", "原告于{date}向被告发出《解除合同通知书》。",
	},
	famConstruction: {
		"施工过程中，被告多次要求变更设计，增加了工程量。", "工程已由被告实际接收并投入使用。", "原告为施工垫付了大量材料款及人工费用。",
		"项目监理单位已对工程量进行了签证确认。", "被告曾于{date}出具付款承诺书。", "原告雇佣的工人多次讨要工资，原告已先行垫付。", "工程竣工后，原告多次提交结算资料，被告拖延审核。",
	},
	famHouse: {
		"房屋所在小区已交付使用多年。", "原告已向被告支付了全部购房款。", "原告因房屋未能过户，子女无法就近入学。", "涉案房屋目前由被告的亲属居住。",
	},
	famInherit: {
		"被继承人生前主要由原告照顾，原告尽了主要赡养义务。", "被继承人的丧葬事宜由原告操办。", "被告长期在外地生活，很少回家探望。", "该房屋目前由被告居住使用。",
	},
	famUnjust:      {"原告已向银行申请冻结该款项，未果。", "原告曾报警，派出所认为属民事纠纷。", "被告收到款项后立即转出。"},
	famMaintenance: {"原告现就读于{place}某小学。", "原告母亲收入微薄，难以独自承担抚养费用。", "被告有稳定工作，具备支付能力。"},
	famUtility: {
		"原告每年采暖期前均通过公告、短信等方式通知用户缴费。", "被告房屋的供热管网运行正常，原告已按约供热。", "原告曾上门检测室温，达到约定标准。",
		"被告未申请停止供热，也未办理报停手续。", "原告多次向被告送达缴费通知单。",
	},
	famConsumer: {
		"原告系普通消费者，购买该商品系用于自用。", "原告曾通过平台客服与被告协商退款，被告拒绝。", "原告已向当地市场监督管理部门投诉。", "涉案商品页面宣传为“正品保障、假一赔十”。",
		"被告在商品详情页中作出了与实际不符的承诺。", "原告收货后保留了完整的包装及快递单据。", "被告的客服在聊天中承认商品存在问题。",
	},
	famCriminal: {
		"被告人系初犯、偶犯。", "被告人的家属已代为预缴罚金。", "被告人归案后检举他人违法犯罪线索，尚在查证中。", "被告人平时表现良好，所在社区出具了情况证明。",
		"被告人家中有年迈父母需要照顾。", "被告人到案后稳定供述。", "被告人的辩护人提交了被告人的工作表现证明。", "现场监控视频完整记录了案发经过。",
		"被告人此前曾因同类行为被公安机关训诫。", "被告人系家中主要劳动力。", "被告人表示愿意接受社区矫正。",
	},
	famLoot: {
		"案发后，被告人积极退赃。", "被告人作案后将赃物藏匿于其租住处。", "涉案财物已发还被害人。", "被告人的家属代为退缴了全部违法所得。", "被告人将所得款项用于网络赌博和日常开销。",
	},
	famAdmin: {
		"原告曾向被告提交陈述申辩意见，被告未予采纳。", "被告作出决定前未告知原告享有听证的权利。", "原告于{date}收到上述决定书。", "原告在法定期限内提起本案诉讼。",
		"原告多次到被告处反映情况，均未得到答复。", "被告作出决定所依据的证据系事后补充。", "涉案行为发生在{place}{road}附近。", "原告系{place}常住居民，长期在当地生活。",
		"被告送达决定书时未向原告说明理由。", "原告曾申请行政复议，复议机关逾期未作出决定。",
	},
}

var businesses = []string{"餐饮", "服装店", "便利店", "美容院", "棋牌室", "培训机构", "仓储", "汽修"}
var loanUses = []string{"购买原材料", "装修", "个人消费", "经营周转", "购车"}

// Pools for the other kinds, keyed beside the civil families.
const (
	famCriminal family = 100 + iota
	famAdmin
	famLoot // property crimes: restitution and hidden loot
)

// context writes k distinct background sentences of the case's family.
func (c *rec) context(k int) {
	k = int(float64(k)*c.verb + 0.5)
	pool := contextPools[c.fam]
	if len(pool) == 0 || k <= 0 {
		return
	}
	start := c.r.IntN(len(pool))
	step := 1 + c.r.IntN(3)
	if len(pool)%step == 0 {
		step = 1
	}
	for i := range min(k, len(pool)) {
		c.w(c.expand(pool[(start+i*step)%len(pool)]))
	}
}

// expand fills a context sentence's placeholders.
func (c *rec) expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	r := c.r
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		b.WriteString(s[:i])
		key := s[i+1 : i+j]
		s = s[i+j+1:]
		switch key {
		case "P":
			b.WriteString(c.P0())
		case "D":
			b.WriteString(c.D0())
		case "date":
			b.WriteString(dateVar(r, c.sinceDue()))
		case "ym":
			b.WriteString(ym(c.sinceDue()))
		case "amt":
			amt := c.f.ClaimAmountFen / int64(between(r, 4, 12))
			if amt < 100_00 {
				amt = int64(between(r, 5, 50)) * 100_00
			}
			b.WriteString(plainMoney(amt / 100_00 * 100_00))
		case "n":
			b.WriteString(cn(between(r, 2, 9)))
		case "place":
			b.WriteString(c.ct.place())
		case "estate":
			b.WriteString(estate(r))
		case "bank":
			b.WriteString(bank(r, &c.ct))
		case "business":
			b.WriteString(pick(r, businesses...))
		case "use":
			b.WriteString(pick(r, loanUses...))
		case "road":
			b.WriteString(pick(r, roads...))
		}
	}
}

// sinceDue is a date between the due date (when known) and filing, so the
// events a context sentence mentions keep the story's order.
func (c *rec) sinceDue() time.Time {
	if !c.due.IsZero() && c.due.Before(c.filed.AddDate(0, 0, -10)) {
		days := int(c.filed.Sub(c.due).Hours() / 24)
		return c.due.AddDate(0, 0, 1+c.r.IntN(days-1))
	}
	return c.pastDate(1, 24)
}
