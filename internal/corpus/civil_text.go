package corpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// civilText writes the complaint (诉讼请求 + 事实与理由) for a civil filing and
// sets its claim amount. target is the drawn size of the money claim in
// yuan (0: none); families that build the amount from its parts use it as a
// scale.
func (c *rec) civilText(cc *civilCause, target float64) {
	switch cc.fam {
	case famLoan:
		c.textLoan(cc, target)
	case famBankLoan:
		c.textBankLoan(cc, target)
	case famCard:
		c.textCard(target)
	case famRecourse:
		c.textRecourse(cc, target)
	case famContract:
		c.textContract(cc, target)
	case famTraffic:
		c.textTraffic()
	case famInjury:
		c.textInjury(cc)
	case famMedical:
		c.textMedical(target)
	case famDivorce:
		c.textDivorce(target)
	case famMaintenance:
		c.textMaintenance(cc)
	case famPostDivorce:
		c.textPostDivorce(target)
	case famLabour:
		c.textLabour(cc)
	case famPropertyFee:
		c.textPropertyFee(cc)
	case famTenancy:
		c.textTenancy(cc, target)
	case famConstruction:
		c.textConstruction(cc, target)
	case famUnjust:
		c.textUnjust(target)
	case famInherit:
		c.textInherit(cc, target)
	case famOwnership:
		c.textOwnership()
	case famNeighbour:
		c.textNeighbour(cc, target)
	case famInsurance:
		c.textInsurance(cc, target)
	case famHouse:
		c.textHouse(cc, target)
	case famTort:
		c.textTort(cc, target)
	case famCommercial:
		c.textCommercial(cc, target)
	}
	c.dressCivil(c.fam)
}

// ---- shared pieces ----

func (c *rec) P() string  { return c.joinNames(c.pl) }
func (c *rec) D() string  { return c.joinNames(c.df) }
func (c *rec) D0() string { return c.name(c.df[0]) }
func (c *rec) P0() string { return c.name(c.pl[0]) }

// pd returns how the text addresses plaintiffs and defendants: "原告"
// alone, or with names.
func (c *rec) plainName() string {
	if len(c.pl) > 3 {
		return c.name(c.pl[0]) + "等" + itoa(len(c.pl)) + "人"
	}
	return c.P()
}

func (c *rec) costs() string {
	return pick(c.r,
		"本案诉讼费用由被告承担", "本案诉讼费由被告负担", "本案案件受理费、保全费由被告承担",
		"本案诉讼费、保全费、保全担保费由被告承担", "诉讼费用由被告负担", "案件受理费由被告承担",
		"本案的诉讼费用全部由被告承担", "判令被告承担本案全部诉讼费用")
}

var closings = []string{
	"为维护原告的合法权益，特诉至贵院，请求依法判决。",
	"原告为维护自身合法权益，特向贵院提起诉讼，望判如所请。",
	"综上，被告的行为已严重侵害原告的合法权益，请求法院依法支持原告的诉讼请求。",
	"现原告依法诉至法院，请求判如所请。",
	"故原告诉至法院，请求判令如诉请。",
	"为此，原告诉至法院。",
	"特此起诉，恳请人民法院依法裁判。",
	"原告认为，被告的行为违反了诚实信用原则，应当承担相应的民事责任。为此，特具状起诉，请求法院支持原告的全部诉讼请求。",
	"无奈之下，原告只得诉至法院，请求依法处理。",
	"为维护自身合法权益，原告特依据相关法律规定提起诉讼，请依法判决。",
	"",
	"",
}

// closing ends a complaint, sometimes citing the law the claim rests on.
func (c *rec) closing(law string) {
	if law != "" && chance(c.r, 0.35) {
		c.w(pick(c.r, "根据", "依据", "依照"), law, pick(c.r, "之规定，", "的规定，", "等相关规定，"))
		c.one("被告应当承担相应的责任。", "原告的诉讼请求应予支持。", "特诉至法院。", "原告依法提起诉讼。")
		return
	}
	c.one(closings...)
}

// complaint lays out claims and facts in one of the shapes complaints and
// judgments take; facts writes the 事实与理由 body.
func (c *rec) complaint(cause string, claims []string, facts func(), law string) {
	r := c.r
	// Detailed complaints argue their case before closing.
	argue := func() {
		if c.detail >= 1 && chance(r, civilShape.context) {
			c.context(between(r, 1, c.detail))
		}
		if c.detail >= 1 && chance(r, civilShape.reasonsPerDetail*float64(c.detail)) {
			c.reasons(c.fam)
		}
	}
	x := r.IntN(100)
	switch {
	case x < 40:
		c.one("诉讼请求：", "诉讼请求:", "【诉讼请求】", "请求事项：", "诉讼请求\n", "诉讼请求：\n")
		writeList(r, &c.b, claims)
		c.w("\n")
		c.one("事实与理由：", "事实和理由：", "事实及理由：", "【事实与理由】", "事实与理由\n", "事实和理由:\n")
		facts()
		argue()
		sep(r, &c.b)
		c.closing(law)
	case x < 60:
		c.w("原告", c.plainName(), pick(r, "向本院提出诉讼请求：", "向本院起诉请求：", "诉称，请求：", "提出诉讼请求："))
		writeList(r, &c.b, claims)
		c.one("事实和理由：", "事实与理由：", "理由如下：", "\n事实和理由：")
		facts()
		argue()
		if chance(r, 0.5) {
			c.closing(law)
		}
	case x < 80:
		c.one("原告诉称：", "原告"+c.plainName()+"诉称：", "原告起诉称，", "原告"+c.P0()+"向本院诉称：")
		facts()
		argue()
		c.one("故诉至法院，请求判令：", "现诉至法院，请求：", "为此，原告诉请法院判令：", "原告遂提起诉讼，请求：", "请求法院判令：")
		writeList(r, &c.b, claims)
	case x < 92:
		c.one("一、诉讼请求\n", "一、诉讼请求：", "一、请求事项\n")
		writeList(r, &c.b, claims)
		c.one("\n二、事实与理由\n", "\n二、事实和理由：", "\n二、事实及理由\n")
		facts()
		argue()
		sep(r, &c.b)
		c.closing(law)
	default:
		// The short form clerks type into a filing system.
		c.w(pick(r, "原告", "原告", "申请人"), c.plainName(), "与被告", c.D(), "因", strings.TrimSuffix(cause, "纠纷"), pick(r, "发生纠纷", "纠纷一事", "产生争议"), "，")
		c.w(pick(r, "诉至本院，请求", "向本院起诉，要求", "起诉要求", "请求法院判令"), strings.TrimPrefix(claims[0], "判令"), "。")
		if len(claims) > 2 {
			c.w("另请求", claims[1], "。")
		}
		c.one("被告至今未履行。", "被告经催告仍未履行。", "双方协商未果。", "被告拒不履行义务。", "原告多次催要未果，故诉至法院。", "经协商无果，原告遂起诉。")
		c.shortSignals()
	}
}

// shortSignals carries the label-relevant flags into a short text too.
func (c *rec) shortSignals() {
	if c.c.AppraisalNeeded && chance(c.r, 0.5) {
		c.one("原告申请鉴定。", "需进行鉴定。", "本案涉及鉴定。")
	}
	if c.absent() && chance(c.r, 0.6) {
		c.one("被告下落不明。", "被告现下落不明，无法联系。")
	}
	if c.c.Counterclaim && chance(c.r, 0.4) {
		c.w("被告提出反诉。")
	}
	c.shortForeshadowing()
}

func (c *rec) absent() bool {
	for _, p := range c.df {
		if p.WhereaboutsUnknown {
			return true
		}
	}
	return false
}

var demands = []string{
	"经原告多次催讨，被告均以各种理由推脱。",
	"原告多次通过电话、微信向被告催要，被告至今未还。",
	"后原告多次催要未果。",
	"此后被告一直拖延，后来干脆不接原告电话。",
	"原告曾委托律师向被告发送律师函，被告仍置之不理。",
	"被告虽多次口头承诺还款，但始终分文未付。",
	"原告多次上门催收，被告总以手头紧张为由拖延。",
	"经原告反复催告，被告仍拒不履行。",
	"原告多次与被告协商，均无结果。",
	"其间原告通过短信、微信等方式多次催促，被告均未予理睬。",
}

// demand writes a dunning sentence, sometimes with a date.
func (c *rec) demand() {
	// A dated demand would clash with a chronology that follows in
	// detailed complaints, so only terse ones carry it.
	if c.detail == 0 && chance(c.r, 0.5) {
		d := daysBefore(c.r, c.filed, 20, 200)
		c.w(dateVar(c.r, d), "，", pick(c.r, "原告再次向被告催要，被告表示暂无能力偿还。", "原告通过EMS向被告邮寄催款函，被告签收后仍未付款。", "原告找到被告协商，被告承诺分期支付，但此后未再履行。"))
		return
	}
	c.one(demands...)
}

// signals writes the text's hints at the hidden dispute: usually present
// when the case is contested, occasionally present when it is not (the
// plaintiff exaggerates), and plain acknowledgments in many undisputed ones.
func (c *rec) signals(contested, simple []string) {
	r := c.r
	switch {
	case c.express[cxDispute] && len(c.said[cxDispute]) == 0:
		i := r.IntN(len(contested))
		c.say(cxDispute, contested[i])
		if c.contested && c.detail >= 2 && len(contested) > 1 && chance(r, 0.4) {
			c.say(cxDispute, contested[(i+1+r.IntN(len(contested)-1))%len(contested)])
		}
	case !c.contested && len(simple) > 0 && c.acknowledges():
		c.one(simple...)
	case c.contested && len(simple) > 0 && chance(r, 0.06):
		// The defendant acknowledged the debt before filing and fights it
		// at the hearing.
		c.one(simple...)
	}
	c.foreshadow()
	if c.absent() && chance(r, 0.75) {
		c.w(pick(r, "被告", "被告"+c.absentName()), pick(r, "现下落不明，原告无法与其取得联系", "已外出多年，下落不明", "离开住所地后去向不明，经多方查找无果", "电话停机、住所无人，下落不明"), pick(r, "，原告申请公告送达。", "。", "，请求法院依法公告送达。"))
	}
	if c.c.Counterclaim && chance(r, 0.45) {
		c.one("被告已就同一法律关系提出反诉。", "另，被告在答辩期内提起反诉，要求原告承担违约责任。", "被告对此不服并提起反诉。", "被告另提出反诉请求，双方争议较大。")
	}
	if len(c.pl) >= 10 && chance(r, 0.2) {
		c.one("该纠纷涉及人数众多，部分人员曾到有关部门集体上访。", "本案原告人数众多，情绪较为激动。", "此事已引起媒体关注。")
	}
}

// acknowledges draws whether the complaint reports that the defendant
// acknowledged the debt, the delivery or the account (被告对欠款无异议,
// 对账确认, 在对账单上签字确认): civilShape.acknowledged.
func (c *rec) acknowledges() bool { return chance(c.r, civilShape.acknowledged) }

func (c *rec) absentName() string {
	for _, p := range c.df {
		if p.WhereaboutsUnknown {
			return c.name(p)
		}
	}
	return ""
}

func (c *rec) setAmount(fen int64) {
	if fen < 0 {
		fen = 0
	}
	c.f.ClaimAmountFen = fen
}

func yuanToFen(y float64) int64 { return int64(math.Round(y * 100)) }

// pastDate returns a date between lo and hi months before filing.
func (c *rec) pastDate(lo, hi int) time.Time {
	return c.filed.AddDate(0, 0, -between(c.r, lo*30, hi*30))
}

// ---- families ----

var loanPurposes = []string{"资金周转", "做生意需要资金", "装修房屋", "购买车辆", "归还信用卡欠款", "支付货款", "家人看病", "工程垫资",
	"开办饭店", "支付购房首付", "孩子上学", "偿还其他债务", "进货", "养殖场扩建", "临时急用"}

var transferWays = []string{"通过中国农业银行账户转账", "通过微信转账", "通过支付宝转账", "以现金方式", "通过手机银行转账", "通过中国建设银行转账",
	"部分现金、部分银行转账的方式", "通过ATM机转账"}

var relations = []string{"朋友", "同事", "老乡", "生意伙伴", "亲戚", "同学", "多年好友", "邻居", "前同事", "战友"}

func (c *rec) textLoan(cc *civilCause, target float64) {
	r := c.r
	principalY := roundYuan(r, target*(0.78+0.2*r.Float64()))
	principal := principalY * 100
	loanDay := c.pastDate(6, 48)
	c.due = loanDay.AddDate(0, between(r, 1, 12), 0)
	monthsOut := int(c.filed.Sub(loanDay).Hours()/24/30) + 1
	rate := pick(r, 0.0, 0.0, 0.01, 0.012, 0.015, 0.02, 0.008)
	var interest int64
	computed := chance(r, 0.55)
	if computed {
		eff := rate
		if eff == 0 {
			eff = 0.0385 / 12 // overdue interest at the one-year LPR
		}
		if eff > 0.0123 { // courts cap at four times LPR; lawyers claim the cap
			eff = 0.0123
		}
		interest = int64(float64(principal) * eff * float64(monthsOut))
	}
	var fee int64
	if chance(r, 0.15) {
		fee = int64(between(r, 2, 30)) * 100_000
	}
	c.setAmount(principal + interest + fee)

	D := c.D0()
	var claims []string
	claims = append(claims, pick(r, "判令被告"+D+"归还原告借款本金", "判令被告"+D+"偿还借款", "请求判令被告返还借款", "判令被告向原告支付借款本金")+money(r, principal))
	if computed {
		claims = append(claims, pick(r, "判令被告支付利息", "判令被告支付逾期利息", "利息")+money(r, interest)+pick(r, "（暂计至"+ymd(c.filed.AddDate(0, 0, -between(r, 1, 20)))+"，此后以"+plainMoney(principal)+"为基数按全国银行间同业拆借中心公布的一年期贷款市场报价利率的四倍计算至实际清偿之日止）", "（计算至起诉之日）", "", "（按年利率14.8%计算）"))
	} else {
		claims = append(claims, pick(r,
			"判令被告支付自"+ymd(loanDay.AddDate(0, between(r, 1, 12), 0))+"起至实际清偿之日止的逾期利息（以"+plainMoney(principal)+"为基数，按一年期LPR计算）",
			"判令被告按照全国银行间同业拆借中心公布的一年期贷款市场报价利率（LPR）的四倍支付利息至实际还清之日",
			"判令被告支付资金占用期间的利息损失",
			"判令被告按月利率"+pick(r, "1%", "1.5%", "2%")+"支付借款利息至本息还清之日止"))
	}
	if fee > 0 {
		claims = append(claims, "判令被告承担原告为实现债权支出的律师费"+plainMoney(fee))
	}
	if len(c.df) > 1 {
		claims = append(claims, pick(r, "判令被告"+c.name(c.df[1])+"对上述债务承担连带清偿责任", "判令其余被告对上述债务承担共同还款责任", "判令被告"+c.name(c.df[1])+"承担连带保证责任"))
	}
	claims = append(claims, c.costs())

	facts := func() {
		if chance(r, 0.55) {
			c.w("原告与被告", D, pick(r, "系", "原系", "是"), pick(r, relations...), "关系。")
		}
		// Many transfers are the mark of tangled accounts, though a careful
		// drafter lists even a clean series of loans.
		multi := c.cx[cxAccounts] && chance(r, 0.5) || c.detail >= 2 && chance(r, 0.3)
		if multi {
			n := between(r, 2, 3+c.detail*2)
			c.w(pick(r, "自", "从"), ym(loanDay), pick(r, "起，被告以", "开始，被告陆续以"), pick(r, loanPurposes...), pick(r, "等为由", "为由"), "多次向原告借款，具体如下：")
			left := principalY
			day := loanDay
			for k := range n {
				amt := left
				if k < n-1 {
					amt = roundYuan(r, float64(left)*(0.2+0.4*r.Float64()))
					if amt >= left {
						amt = left / 2
					}
				}
				left -= amt
				day = day.AddDate(0, 0, between(r, 3, 60))
				if day.After(c.filed) {
					day = c.filed.AddDate(0, 0, -1)
				}
				c.w("\n", itoa(k+1), pick(r, ".", "、"), ymd(day), pick(r, "，", "转账", "借款"), plainMoney(amt*100), pick(r, "；", "，", "（微信转账）；", "（现金）；", "（银行转账）；"))
			}
			c.w("\n以上合计", plainMoney(principal), "。")
		} else {
			c.w(dateVar(r, loanDay), "，被告", D, "以", pick(r, loanPurposes...), "为由向原告借款", money(r, principal), "，")
			c.w("原告于", pick(r, "当日", "次日", ymd(loanDay.AddDate(0, 0, between(r, 0, 3)))), pick(r, transferWays...), "将", pick(r, "上述款项", "借款", "该款"), "交付被告。")
		}
		if chance(r, 0.7) {
			due := loanDay.AddDate(0, between(r, 1, 12), 0)
			c.w("被告", pick(r, "向原告出具借条一份", "为此出具《借条》一份", "当即书写借条", "在借条上签字确认"), "，")
			if chance(r, 0.4) {
				c.w("载明：“今借到", c.P0(), "人民币", daxie(principal), "（¥", yuanString(principal), "），于", ymd(due), "前归还。”")
			} else {
				c.w("约定", pick(r, "借款期限", "还款期限"), "至", ymd(due), "，")
				if rate > 0 {
					c.w("月利率", percent(rate), "。")
				} else {
					c.one("未约定利息。", "双方未约定借期内利息。", "逾期按月利率1%支付利息。")
				}
			}
		} else if chance(r, 0.5) {
			c.one("因双方关系较好，当时未出具书面借条，但有转账记录及微信聊天记录为证。", "双方通过微信聊天确认了借款事实。", "被告在微信中确认收到该笔借款。")
		}
		if chance(r, 0.35) {
			repaid := roundYuan(r, float64(principalY)*0.15*r.Float64()+500)
			c.w(pick(r, "借款到期后，被告仅归还", "此后被告陆续偿还了", "被告仅于"+ym(loanDay.AddDate(0, between(r, 2, 10), 0))+"归还"), plainMoney(repaid*100), pick(r, "（已冲抵利息），", "利息，", "，"), "余款至今未还。")
		} else {
			c.one("借款到期后，被告未按约还款。", "然而借款期限届满后，被告分文未还。", "到期后被告未能偿还。", "")
		}
		c.demand()
		if c.detail >= 1 && chance(r, 0.75) {
			c.chron()
		}
		if len(c.df) > 1 {
			c.w(pick(r,
				"被告"+D+"与被告"+c.name(c.df[1])+"系夫妻关系，该借款发生在夫妻关系存续期间，用于家庭共同生活，应属夫妻共同债务。",
				"被告"+c.name(c.df[1])+"作为担保人在借条上签字，承诺承担连带保证责任，保证期间尚未届满。",
				"被告"+c.name(c.df[1])+"在借条“担保人”处签名，应对上述借款承担保证责任。"))
		}
		if c.c.AppraisalNeeded && chance(r, 0.8) {
			c.one("因被告否认借条上签名的真实性，原告申请对借条签名进行笔迹鉴定。", "被告对借条形成时间提出异议，本案需对借条进行司法鉴定。", "原告申请对借条中被告的签名及指印进行鉴定。")
		}
		c.signals([]string{
			"被告称该款项系双方合伙投资款，并非借款。",
			"被告辩称已通过现金方式陆续归还大部分借款。",
			"双方之间存在多笔资金往来，被告对借款本金数额有异议。",
			"被告主张借款实际由案外人使用，其仅为名义借款人。",
			"被告认为原告主张的利息过高，且借款时已预先扣除了部分利息（“砍头息”）。",
			"被告否认收到全部借款，称借条金额中包含此前的赌债。",
			"被告对借款事实不予认可，称系原告向其支付的货款。",
		}, []string{
			"被告对借款事实无异议，但称暂时无力偿还。",
			"被告曾于" + ym(c.filed.AddDate(0, -between(r, 1, 6), 0)) + "在微信中确认尚欠借款未还。",
			"被告出具还款承诺书，承诺分期偿还，但到期后仍未履行。",
			"被告对欠款金额予以确认。",
		})
	}
	c.complaint(cc.name, claims, facts, pick(r, "《中华人民共和国民法典》第六百六十七条、第六百七十五条、第六百七十六条", "《中华人民共和国民法典》第六百七十五条", "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"))
}

func percent(rate float64) string {
	s := formatFloat(rate*100, 2)
	return s + "%"
}

func formatFloat(f float64, prec int) string {
	p := math.Pow(10, float64(prec))
	return strconv.FormatFloat(math.Round(f*p)/p, 'f', -1, 64)
}

var loanProducts = []string{"个人消费贷款", "个人经营性贷款", "个人住房装修贷款", "个人综合消费贷款", "“快e贷”", "“e抵快贷”", "小微企业流动资金贷款", "个人汽车消费贷款", "“税易贷”"}
var onlineProducts = []string{"“有钱花”", "“借呗”", "“安逸花”", "“微粒贷”", "“美团借钱”", "“招联好期贷”", "“360借条”"}

func (c *rec) textBankLoan(cc *civilCause, target float64) {
	r := c.r
	total := yuanToFen(target)
	principal := total * int64(80+r.IntN(17)) / 100
	principal -= principal % 100
	rest := total - principal
	interest := rest * int64(50+r.IntN(30)) / 100
	penalty := rest - interest
	compound := int64(0)
	if chance(r, 0.5) {
		compound = penalty / 4
		penalty -= compound
	}
	c.setAmount(principal + interest + penalty + compound)
	signed := c.pastDate(10, 60)
	term := pick(r, 12, 24, 36, 60, 6, 12)
	rateY := pick(r, 4.35, 4.9, 5.655, 6.5, 7.2, 8.4, 9.6, 12, 15.4, 18, 23.4)
	D := c.D0()
	contractNo := pick(r, "", "（编号：")
	if contractNo != "" {
		contractNo += strings.ToUpper(hexish(r, 4)) + itoa(signed.Year()) + itoa(between(r, 10000, 99999)) + "）"
	}
	lessor := cc.name == "融资租赁合同纠纷"
	var claims []string
	if lessor {
		claims = append(claims, "判令被告"+D+"支付全部未付租金"+money(r, principal), "判令被告支付逾期违约金"+money(r, interest+penalty+compound))
		if chance(r, 0.4) {
			claims = append(claims, "确认原告对租赁物享有所有权，并判令被告返还租赁物")
			c.c.NonMonetaryClaims = chance(r, 0.8)
		}
	} else {
		switch r.IntN(3) {
		case 0:
			claims = append(claims, "判令被告"+D+"归还借款本金"+money(r, principal)+"、利息"+plainMoney(interest)+"、罚息"+plainMoney(penalty+compound)+"，合计"+plainMoney(principal+interest+penalty+compound))
		case 1:
			claims = append(claims, "判令被告"+D+"立即偿还原告借款本金"+money(r, principal), "判令被告支付截至"+ymd(c.filed.AddDate(0, 0, -between(r, 1, 30)))+"的利息、罚息、复利共计"+money(r, interest+penalty+compound)+"，并支付自次日起至实际清偿之日止按合同约定计算的罚息、复利")
		default:
			claims = append(claims, "判令被告"+D+"偿还贷款本息"+money(r, principal+interest+penalty+compound)+"（其中本金"+plainMoney(principal)+"）")
		}
	}
	for _, p := range c.df[1:] {
		claims = append(claims, "判令被告"+c.name(p)+pick(r, "对上述债务承担连带清偿责任", "在担保范围内承担连带保证责任", "对被告"+D+"的债务承担共同还款责任"))
	}
	if chance(r, 0.25) {
		claims = append(claims, "判令原告对被告"+D+"名下位于"+unitAddress(r)+"的房产折价或者拍卖、变卖所得价款享有优先受偿权")
	}
	claims = append(claims, c.costs())
	facts := func() {
		lender := c.P0()
		switch {
		case cc.name == "小额借款合同纠纷":
			c.w(dateVar(r, signed), "，被告", D, "通过", pick(r, onlineProducts...), pick(r, "APP", "平台", "微信小程序"), "在线申请借款，", "双方以电子签名方式签订《", pick(r, "个人借款合同", "借款及服务协议", "个人消费贷款合同"), "》，约定借款金额", money(r, principal), "，借款期限", itoa(term), "期，年化利率", formatFloat(rateY, 2), "%，按月等额还款。")
			c.one("原告于当日向被告指定的银行账户发放了贷款。", "合同签订后，原告依约放款。", "原告已按约将借款支付至被告名下的银行卡。")
		case lessor:
			c.w(dateVar(r, signed), "，原告与被告", D, "签订《融资租赁合同》", contractNo, "，约定被告以售后回租方式向原告融资，租赁物为", pick(r, "挖掘机一台", "小型普通客车一辆", "重型半挂牵引车一辆", "数控机床两台", "医疗设备一批"), "，租赁期限", itoa(term), "个月，租金按月支付。")
		default:
			c.w(dateVar(r, signed), "，被告", D, "与原告签订《", pick(r, loanProducts...), pick(r, "合同", "借款合同", "借款合同》及《抵押合同", "额度借款合同"), "》", contractNo, "，约定原告向被告发放贷款", money(r, (principal+principal/int64(between(r, 3, 12)))/1000_00*1000_00+1000_00), "，期限", itoa(term), "个月，年利率", formatFloat(rateY, 2), "%，还款方式为", pick(r, "等额本息", "按月付息、到期还本", "等额本金", "按季付息"), "。")
			if chance(r, 0.6) {
				c.w("合同", pick(r, "还", "同时"), "约定，借款人未按期还款的，贷款人有权宣布贷款提前到期，并按合同利率上浮", pick(r, "50%", "30%", "40%"), "计收罚息，对未按时支付的利息计收复利。")
			}
			c.w(lender, pick(r, "依约向被告发放了贷款。", "按约履行了放款义务。", "于"+ymd(signed.AddDate(0, 0, between(r, 0, 5)))+"发放贷款。"))
		}
		if len(c.df) > 1 && chance(r, 0.8) {
			c.w(pick(r, "同日，", "为担保上述债务，", ""), "被告", c.name(c.df[len(c.df)-1]), pick(r, "与原告签订《保证合同》，承诺对上述借款承担连带保证责任。", "向原告出具担保函，自愿提供连带责任保证。", "作为共同借款人在合同上签字。"))
		}
		overdue := signed.AddDate(0, between(r, 2, term), 0)
		if overdue.After(c.filed) {
			overdue = c.filed.AddDate(0, -2, 0)
		}
		c.due = overdue
		c.w("自", ym(overdue), "起，被告", pick(r, "未按约还款", "开始逾期", "未再按期归还本息", "连续多期未还款"), "，", pick(r, "已构成违约。", "经原告多次催收仍未还款。", "原告依约宣布贷款提前到期。", "累计逾期"+itoa(between(r, 3, 24))+"期。"))
		if c.detail >= 2 {
			c.w("截至", ymd(c.filed.AddDate(0, 0, -between(r, 1, 30))), "，被告尚欠本金", plainMoney(principal), "、利息", plainMoney(interest), "、罚息", plainMoney(penalty))
			if compound > 0 {
				c.w("、复利", plainMoney(compound))
			}
			c.w("。")
		}
		if c.c.AppraisalNeeded && chance(r, 0.7) {
			c.one("被告对抵押物价值有异议，需对抵押房产进行评估。", "被告否认合同签名系其本人所签，需进行笔迹鉴定。", "本案需对租赁物现值进行评估。")
		}
		if c.detail >= 2 && chance(r, 0.4) {
			c.chron()
		}
		c.signals([]string{
			"被告称其并未实际使用该笔贷款，贷款系他人冒用其身份办理。",
			"被告对原告计算的罚息、复利标准提出异议。",
			"被告主张原告未履行提示说明义务，格式条款无效。",
			"被告称已与原告达成展期协议，贷款尚未到期。",
		}, []string{"被告对欠款事实予以认可。", "被告曾向原告申请延期还款，承认尚欠贷款。", ""})
	}
	law := "《中华人民共和国民法典》第六百六十七条、第六百七十四条、第六百七十五条"
	if lessor {
		law = "《中华人民共和国民法典》第七百五十二条"
	}
	c.complaint(cc.name, claims, facts, law)
}

// hexish returns n random upper-case letters for contract numbers.
func hexish(r *rand.Rand, n int) string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[r.IntN(len(letters))]
	}
	return string(b)
}

func (c *rec) textCard(target float64) {
	r := c.r
	total := yuanToFen(target)
	principal := total * int64(78+r.IntN(15)) / 100
	interest := (total - principal) * int64(55+r.IntN(35)) / 100
	penalty := total - principal - interest
	c.setAmount(total)
	D := c.D0()
	opened := c.pastDate(18, 96)
	card := "6" + itoa(between(r, 22, 28)) + itoa(between(r, 100, 999)) + "******" + itoa(between(r, 1000, 9999))
	var claims []string
	if chance(r, 0.5) {
		claims = append(claims, "判令被告"+D+"偿还信用卡透支本金"+plainMoney(principal)+"、利息"+plainMoney(interest)+"、"+pick(r, "违约金", "滞纳金", "分期手续费及违约金")+plainMoney(penalty)+"，合计"+money(r, total))
	} else {
		claims = append(claims, "判令被告"+D+"立即归还信用卡欠款"+money(r, total)+"（其中本金"+plainMoney(principal)+"）")
	}
	if chance(r, 0.6) {
		claims = append(claims, "判令被告支付自"+ymd(c.filed.AddDate(0, 0, -between(r, 1, 40)))+"起至实际清偿之日止的利息及违约金（以"+plainMoney(principal)+"为基数，按日利率万分之五计算）")
	}
	claims = append(claims, c.costs())
	facts := func() {
		c.w(pick(r, "被告", "被告"+D), "于", dateVar(r, opened), pick(r, "向原告申领", "向原告申请办理", "在原告处办理了"), pick(r, "信用卡一张", "信用卡", "“"+pick(r, "金卡", "白金卡", "标准卡", "车主卡")+"”信用卡一张"))
		c.opt(0.6, "（卡号："+card+"）")
		c.w("，", pick(r, "并签署了《信用卡领用合约》，", "双方签订《信用卡章程》及《领用合约》，", "并确认知悉相关条款，"), "约定被告应按期偿还透支款项，逾期未还的应按日利率万分之五支付利息，并支付违约金。")
		if c.detail >= 1 && chance(r, 0.5) {
			c.w(pick(r, "被告领卡后", "此后被告"), pick(r, "使用该卡进行消费和取现", "多次透支消费", "办理了账单分期", "申请了现金分期"+plainMoney(principal/1000*1000)), "，但自", ym(c.pastDate(3, 18)), "起未按约还款，")
		} else {
			c.w("被告透支消费后未按期还款，")
		}
		c.one("已严重逾期。", "至今拖欠不还。", "逾期时间已超过九十天。", "经原告多次电话、短信、信函催收，仍未归还。")
		if c.detail >= 2 {
			c.w("截至", ymd(c.filed.AddDate(0, 0, -between(r, 1, 40))), "，被告共欠透支本金", plainMoney(principal), "，利息", plainMoney(interest), "，违约金", plainMoney(penalty), "。")
		}
		if c.detail >= 2 && chance(r, 0.4) {
			c.chron()
		}
		c.signals([]string{"被告称该卡系他人盗刷，其本人未进行相关消费。", "被告对原告收取的分期手续费及违约金标准提出异议。", "被告称已与原告客服达成个性化分期还款协议。"},
			[]string{"被告曾向原告客服表示愿意还款，但称暂无能力。", "被告对欠款金额无异议。"})
	}
	c.complaint("信用卡纠纷", claims, facts, "《中华人民共和国民法典》第五百零九条、第五百七十七条")
}

func (c *rec) textRecourse(cc *civilCause, target float64) {
	r := c.r
	amount := roundYuan(r, target) * 100
	paidOn := c.pastDate(2, 24)
	fee := int64(0)
	if chance(r, 0.5) {
		fee = amount * int64(between(r, 2, 8)) / 100
	}
	c.setAmount(amount + fee)
	D := c.D0()
	bankName := bank(r, &c.ct)
	claims := []string{pick(r, "判令被告"+D+"向原告支付代偿款", "判令被告偿还原告代偿款项", "判令被告"+D+"支付原告代为清偿的款项") + money(r, amount)}
	if fee > 0 {
		claims = append(claims, "判令被告支付违约金（资金占用费）"+plainMoney(fee)+"，并以"+plainMoney(amount)+"为基数按年利率"+pick(r, "14.8%", "12%", "LPR四倍")+"支付自"+ymd(paidOn)+"起至实际清偿之日止的违约金")
	}
	if len(c.df) > 1 {
		claims = append(claims, "判令被告"+c.joinNames(c.df[1:])+pick(r, "对上述债务承担连带清偿责任", "作为反担保人承担连带保证责任"))
	}
	claims = append(claims, c.costs())
	facts := func() {
		borrowed := paidOn.AddDate(0, -between(r, 6, 30), 0)
		if cc.name == "保证合同纠纷" {
			c.w(dateVar(r, borrowed), "，被告", D, "向原告借款", money(r, amount), "，被告", c.D(), "等在借款合同上以保证人身份签字，约定承担连带保证责任，保证期间为主债务履行期届满之日起三年。")
			c.w("借款到期后，被告", D, "未偿还借款，", "保证人亦未履行保证责任。")
		} else {
			c.w(dateVar(r, borrowed), "，被告", D, "向", bankName, "申请借款", plainMoney(amount+amount/10/100*100), "，", "原告", pick(r, "应被告申请", "受被告委托", ""), "为该笔借款提供连带责任保证，")
			c.w("双方签订《", pick(r, "委托担保合同", "委托保证合同", "担保服务协议"), "》，约定原告代偿后有权向被告追偿，并按日万分之", cn(between(r, 3, 6)), "收取违约金。")
			if len(c.df) > 1 {
				c.w("被告", c.joinNames(c.df[1:]), pick(r, "向原告出具《反担保函》", "与原告签订《反担保保证合同》"), "，承诺承担连带反担保责任。")
			}
			c.w("借款到期后，被告", D, "未按约还款，原告于", ymd(paidOn), "依约代偿本息共计", plainMoney(amount), "。")
		}
		c.demand()
		c.signals([]string{"被告称原告代偿前未通知其行使抗辩权，代偿金额有误。", "被告主张主合同已变更，保证人不应再承担责任。", "被告认为保证期间已经届满。"},
			[]string{"被告对代偿事实无异议。", ""})
	}
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第七百条")
}

// contractVocab is the vocabulary of a contract cause.
type contractVocab struct {
	goods      []string
	payment    string // what the money is called
	doc        []string
	contested  []string
	law        string
	performVrb string
}

var contractVocabs = map[string]contractVocab{
	"买卖合同纠纷": {[]string{"钢材", "水泥", "建筑材料", "电缆电线", "服装面料", "茶叶", "冻品海鲜", "电子元器件", "办公家具", "饲料", "化肥", "空调设备", "五金配件", "食用油", "瓷砖", "木材", "塑料粒子", "纸箱", "酒水", "汽车配件"},
		"货款", []string{"送货单", "对账单", "增值税专用发票", "欠条", "微信对账记录"},
		[]string{"被告以货物存在质量问题为由拒付余款。", "双方对送货数量存在争议，部分送货单无被告员工签字。", "被告主张其仅为代理人，实际买受人为案外人。", "被告称部分货款已以现金方式支付给原告的业务员。", "被告认为原告交付的货物规格与约定不符，已造成其损失。"},
		"《中华人民共和国民法典》第五百九十五条、第六百二十六条", "供货"},
	"承揽合同纠纷": {[]string{"钢结构构件", "门窗", "广告牌", "模具", "机械零部件", "定制家具", "展台", "包装盒", "标识标牌"}, "加工款",
		[]string{"结算单", "验收单", "送货单"}, []string{"被告以成品不符合约定标准为由拒绝支付剩余款项。", "双方对加工数量和单价存在争议。", "被告称原告逾期交付，应扣减违约金。"},
		"《中华人民共和国民法典》第七百七十条、第七百八十二条", "加工"},
	"加工合同纠纷": {[]string{"服装", "五金件", "注塑件", "木制品", "电路板"}, "加工费", []string{"对账单", "送货单"},
		[]string{"被告称部分产品不合格，已退回原告。", "双方对损耗率的计算存在分歧。"}, "《中华人民共和国民法典》第七百七十条", "加工"},
	"服务合同纠纷": {[]string{"广告投放", "网站开发", "保洁服务", "婚庆服务", "健身服务", "软件维护", "代理记账", "安保服务", "绿化养护", "餐饮配送"}, "服务费",
		[]string{"服务确认单", "结算单", "聊天记录"}, []string{"被告认为原告提供的服务未达到约定标准。", "被告称原告单方终止服务，应退还预付款。", "双方对服务期限和服务内容理解不一致。"},
		"《中华人民共和国民法典》第五百零九条、第五百七十七条", "服务"},
	"装饰装修合同纠纷": {[]string{"住宅装修", "店面装修", "办公室装修", "厂房装修"}, "装修款",
		[]string{"装修合同", "增项确认单", "验收单", "结算单"}, []string{"被告认为装修存在墙面开裂、地砖空鼓等质量问题。", "双方对增项工程量及价款存在较大争议。", "被告称原告偷工减料，所用材料与合同约定不符。", "被告主张因工期延误造成其租金损失。"},
		"《中华人民共和国民法典》第七百八十八条", "施工"},
	"运输合同纠纷": {[]string{"货物运输", "整车运输", "冷链运输", "集装箱运输"}, "运费", []string{"运单", "对账单", "结算单"},
		[]string{"被告称运输途中货物损坏，应从运费中扣除损失。", "双方对运输趟次存在争议。"}, "《中华人民共和国民法典》第八百零九条", "运输"},
	"委托合同纠纷": {[]string{"代办证照", "代购商品", "代理诉讼", "代为投资", "代办贷款"}, "委托款项", []string{"委托协议", "收条"},
		[]string{"被告称已将款项用于委托事务，不应返还。", "双方对委托事项是否完成存在争议。"}, "《中华人民共和国民法典》第九百一十九条", "委托"},
	"网络购物合同纠纷": {[]string{"进口奶粉", "保健食品", "名牌手表", "手机", "化妆品", "白酒", "电动车电池"}, "货款", []string{"订单截图", "付款记录"},
		[]string{"被告称涉案商品系正品，原告系职业打假人。", "被告认为原告购买商品并非为生活消费需要。"}, "《中华人民共和国消费者权益保护法》第五十五条", "销售"},
	"教育培训合同纠纷": {[]string{"少儿英语课程", "舞蹈培训", "考研辅导", "职业技能培训", "编程课程", "美术课程"}, "培训费", []string{"培训协议", "缴费凭证"},
		[]string{"被告称原告已消耗大部分课时，退费金额有误。", "被告主张合同约定“一经缴费概不退还”。"}, "《中华人民共和国民法典》第五百六十三条", "培训"},
	"中介合同纠纷": {[]string{"房屋买卖居间", "房屋租赁居间", "二手车买卖居间"}, "中介费", []string{"居间服务确认书", "看房确认书"},
		[]string{"被告称其通过其他渠道购得房屋，未利用原告提供的信息。", "双方对是否促成交易存在争议。"}, "《中华人民共和国民法典》第九百六十三条", "居间"},
	"债权转让合同纠纷": {[]string{"货款债权", "借款债权", "工程款债权"}, "欠款", []string{"债权转让协议", "债权转让通知书"},
		[]string{"被告称未收到债权转让通知。", "被告对原债权数额有异议。"}, "《中华人民共和国民法典》第五百四十五条、第五百四十六条", "转让"},
}

func (c *rec) textContract(cc *civilCause, target float64) {
	r := c.r
	v := contractVocabs[cc.name]
	D := c.D0()
	goods := pick(r, v.goods...)
	if target == 0 {
		c.c.NonMonetaryClaims = true
	}
	owed := roundYuan(r, target) * 100
	if target == 0 {
		owed = 0
	}
	var extra int64
	if owed > 0 && chance(r, 0.4) {
		extra = owed * int64(between(r, 3, 20)) / 100
	}
	c.setAmount(owed + extra)
	start := c.pastDate(6, 40)
	c.due = start.AddDate(0, between(r, 1, 4), 0)
	var claims []string
	switch cc.name {
	case "网络购物合同纠纷":
		price := owed / 4
		if price < 100 {
			price = owed
		}
		c.setAmount(owed)
		claims = append(claims, "判令被告退还原告货款"+plainMoney(price), "判令被告支付"+pick(r, "三倍", "十倍")+"赔偿金"+plainMoney(owed-price))
	case "教育培训合同纠纷":
		claims = append(claims, "解除原被告之间的培训合同", "判令被告退还剩余培训费"+money(r, owed))
		c.c.NonMonetaryClaims = chance(r, 0.5)
	default:
		if owed > 0 {
			claims = append(claims, pick(r, "判令被告"+D+"支付", "判令被告立即支付原告", "请求判令被告给付", "判令被告"+D+"向原告支付")+v.payment+money(r, owed))
		}
		if extra > 0 {
			claims = append(claims, pick(r, "判令被告支付逾期付款违约金", "判令被告支付逾期付款利息损失", "判令被告赔偿损失")+plainMoney(extra)+pick(r, "", "（暂计至起诉之日）", "，并按LPR的1.5倍计至实际付清之日止"))
		} else if owed > 0 && chance(r, 0.5) {
			claims = append(claims, "判令被告以"+plainMoney(owed)+"为基数，按"+pick(r, "全国银行间同业拆借中心公布的一年期贷款市场报价利率", "LPR的1.3倍", "日万分之五")+"支付自"+ymd(start.AddDate(0, between(r, 2, 8), 0))+"起至实际付清之日止的逾期付款损失")
		}
		if owed == 0 || chance(r, 0.06) {
			claims = append(claims, pick(r, "判令被告继续履行合同", "判令被告交付剩余货物", "解除原被告签订的合同", "判令被告对不合格产品予以更换"))
			c.c.NonMonetaryClaims = true
		}
		if len(c.df) > 1 {
			claims = append(claims, "判令被告"+c.name(c.df[1])+"对上述债务承担连带责任")
		}
	}
	claims = append(claims, c.costs())
	facts := func() { c.contractFacts(cc, v, goods, owed, start) }
	c.complaint(cc.name, claims, facts, v.law)
}

// contractFacts writes the facts of a contract complaint: what was agreed,
// delivered and left unpaid.
func (c *rec) contractFacts(cc *civilCause, v contractVocab, goods string, owed int64, start time.Time) {
	r := c.r
	switch cc.name {
	case "网络购物合同纠纷":
		c.w(dateVar(r, start), "，原告在被告经营的", pick(r, "淘宝", "京东", "拼多多", "抖音"), "店铺购买", goods, pick(r, "若干", "一批", "两件", "六瓶"), "，支付货款", plainMoney(owed/4), "。")
		c.w("收货后，原告发现", pick(r, "该商品标签无中文标识，不符合食品安全国家标准", "商品系假冒注册商标的产品", "商品实物与宣传不符，属于虚假宣传", "商品已超过保质期"), "，", "被告的行为构成欺诈。")
	case "教育培训合同纠纷":
		c.w(dateVar(r, start), "，原告为其子女报名参加被告开设的", goods, "，签订《培训协议》，一次性缴纳培训费", plainMoney(owed+owed/2), "。")
		c.w(pick(r, "后被告培训机构突然停业，", "上课不久后被告频繁更换老师，教学质量严重下降，", "因原告家庭搬迁，"), "原告要求退还剩余课时费，被告", pick(r, "拒不退还。", "至今未退。", "以各种理由推脱。"))
	default:
		opened := chance(r, 0.6)
		if opened {
			c.w("原告与被告", pick(r, "系长期合作关系。", "自"+itoa(start.Year())+"年起建立业务往来。", "于"+ymd(start)+"签订《"+pick(r, goods+"购销合同", "合作协议", "框架协议", goods+"合同")+"》。"))
		}
		if c.detail >= 2 && chance(r, 0.6) && owed > 0 {
			n := between(r, 3, 4+2*c.detail)
			c.w(pick(r, "合同履行期间，", "自"+ym(start)+"起，"), "原告分", itoa(n), "次向被告", v.performVrb, pick(r, "，具体为：", "，明细如下："))
			d := start
			left := owed / 100
			for k := range n {
				d = d.AddDate(0, 0, between(r, 7, 45))
				if d.After(c.filed) {
					d = c.filed.AddDate(0, 0, -3)
				}
				amt := left
				if k < n-1 {
					amt = roundYuan(r, float64(left)*(0.15+0.3*r.Float64()))
					if amt >= left {
						amt = left / 2
					}
				}
				left -= amt
				c.w("\n", ymd(d), "，", goods, plainMoney(amt*100), "；")
			}
			c.w("\n以上共计", plainMoney(owed), "。")
		} else {
			lead := "自" + ym(start) + "起，"
			if opened {
				lead = pick(r, "合同签订后，", "此后，", lead)
			}
			c.w(lead, "原告", pick(r, "依约", "按照被告要求", "陆续"), "向被告", v.performVrb, pick(r, "，被告均已验收。", "。"))
			if c.acknowledges() {
				c.w("被告未提出异议。")
			}
			if owed > 0 {
				c.w(pick(r, "经结算，被告尚欠原告", "截至起诉时，被告尚欠"), v.payment, money(r, owed), "。")
			}
		}
		if chance(r, 0.6) && c.acknowledges() {
			doc := pick(r, v.doc...)
			c.w("被告", pick(r, "在"+doc+"上签字确认。", "已在"+doc+"上盖章确认。", "通过微信确认了"+doc+"载明的金额。", "对"+doc+"无异议。"))
		}
		c.demand()
		if c.detail >= 1 && chance(r, 0.55) {
			c.chron()
		}
	}
	if c.c.AppraisalNeeded && chance(r, 0.8) {
		c.w(pick(r, "因被告对", "鉴于双方对"), pick(r, "产品质量", "工程质量", "工程量及造价", "货物价值"), pick(r, "存在争议，需申请司法鉴定。", "有异议，原告申请进行质量鉴定。", "无法达成一致，本案需委托鉴定机构鉴定。"))
	}
	c.signals(v.contested, []string{"被告对欠款数额无异议，但称资金紧张无力支付。", "被告多次承诺付款，均未兑现。", "被告确认尚欠款项。"})
}

var injuries = []string{"左胫腓骨骨折", "右股骨颈骨折", "多发肋骨骨折", "腰1椎体压缩性骨折", "颅脑损伤、硬膜下血肿", "右锁骨骨折", "左桡骨远端骨折", "软组织挫伤",
	"脑震荡", "左膝关节半月板损伤", "面部多处擦伤", "骨盆骨折", "右踝关节骨折", "胸部闭合性损伤", "牙齿脱落三颗", "腰椎横突骨折"}

var hospitals = []string{"人民医院", "第一人民医院", "中医院", "骨伤科医院", "中心医院", "第二人民医院"}

// injuryLoss writes a loss itemisation (the core of every personal-injury
// complaint) and returns the total in fen. death switches to the items a
// death claim has.
func (c *rec) injuryLoss(death bool, scale float64, days int) int64 {
	return c.injuryLossGrade(death, scale, days, false)
}

// injuryLossGrade is injuryLoss with the disability items forced when an
// appraisal the text mentions found a disability grade.
func (c *rec) injuryLossGrade(death bool, scale float64, days int, disabled bool) int64 {
	r := c.r
	income := float64(pick(r, 52000, 57540, 63590, 67013, 69000, 74346, 79610, 84834))
	var items []struct {
		name  string
		fen   int64
		basis string
	}
	add := func(name string, y float64, basis string) {
		if y <= 0 {
			return
		}
		items = append(items, struct {
			name  string
			fen   int64
			basis string
		}{name, yuanToFen(math.Round(y)), basis})
	}
	if days <= 0 {
		days = between(r, 3, 30)
	}
	add("医疗费", lognormal(r, 12000*scale, 0.8), "")
	if death {
		years := 20
		if chance(r, 0.3) {
			years = between(r, 5, 19)
		}
		add("死亡赔偿金", income*float64(years), itoa(int(income))+"元/年×"+itoa(years)+"年")
		add("丧葬费", float64(between(r, 45000, 62000)), "")
		add("精神损害抚慰金", float64(pick(r, 50000, 60000, 80000, 100000)), "")
		add("被扶养人生活费", float64(between(r, 0, 3))*lognormal(r, 60000, 0.4), "")
		add("处理丧葬事宜人员误工费、交通费", float64(between(r, 2000, 6000)), "")
	} else {
		add("住院伙食补助费", float64(100*days), itoa(days)+"天×100元/天")
		nut := pick(r, 30, 60, 90)
		add("营养费", float64(nut*pick(r, 30, 40, 50)), itoa(nut)+"天")
		care := pick(r, 30, 45, 60, 90)
		add("护理费", float64(care*between(r, 130, 220)), itoa(care)+"天")
		off := pick(r, 60, 90, 120, 150, 180)
		wage := between(r, 3500, 9000)
		add("误工费", float64(off*wage/30), itoa(wage)+"元/月×"+itoa(off)+"天")
		add("交通费", float64(between(r, 3, 30)*100), "")
		if disabled || chance(r, clamp(0.12*scale, 0, 0.6)) {
			grade := pick(r, 10, 10, 10, 9, 9, 8, 7)
			coef := float64(11-grade) * 0.1
			add("残疾赔偿金", income*20*coef, itoa(int(income))+"元/年×20年×"+itoa(int(coef*100))+"%")
			add("精神损害抚慰金", float64(pick(r, 5000, 8000, 10000, 15000, 20000)), "")
			add("鉴定费", float64(between(r, 18, 40)*100), "")
		}
		if chance(r, 0.5) {
			add("财产损失", float64(between(r, 3, 80)*100), "")
		}
	}
	var total int64
	for _, it := range items {
		total += it.fen
	}
	if c.detail >= 1 && chance(r, 0.75) {
		c.w(pick(r, "原告的各项损失如下：", "原告因此造成的损失有：", "经计算，原告损失包括：", "各项损失明细："))
		nl := chance(r, 0.5)
		for i, it := range items {
			if nl {
				c.w("\n", itoa(i+1), ".")
			} else if i > 0 {
				c.w("；")
			}
			c.w(it.name, plainMoney(it.fen))
			if it.basis != "" && chance(r, 0.6) {
				c.w("（", it.basis, "）")
			}
		}
		c.w(pick(r, "；以上合计", "。共计", "，合计"), plainMoney(total), "。")
	} else {
		c.w(pick(r, "原告各项损失共计", "原告的损失合计", "经核算，原告的医疗费、误工费、护理费等各项损失共计"), money(r, total), "。")
	}
	return total
}

// minorInjuryLoss is the small bill of a dog bite: vaccine, dressing, a few
// days off work.
func (c *rec) minorInjuryLoss() int64 {
	r := c.r
	med := int64(between(r, 8, 60)) * 10000
	off := int64(between(r, 0, 30)) * int64(between(r, 150, 300)) * 100
	trans := int64(between(r, 1, 8)) * 10000
	total := med + off + trans
	c.w(pick(r, "原告为此支出医疗费（含狂犬疫苗、免疫球蛋白）", "原告花费医疗费"), plainMoney(med))
	if off > 0 {
		c.w("，误工损失", plainMoney(off))
	}
	c.w("，交通费", plainMoney(trans), "，合计", plainMoney(total), "。")
	return total
}

func (c *rec) textTraffic() {
	r := c.r
	death := len(c.pl) > 1
	when := c.pastDate(3, 30)
	driver := c.D0()
	var ins []*triagev1.Party
	for _, p := range c.df {
		if p.Kind == org && strings.Contains(c.nameRaw(p), "保险") {
			ins = append(ins, p)
		}
	}
	insName := c.joinNames(ins)
	plate := c.ct.city.plate + "·" + plateTail(r)
	victim := c.P0()
	stay := between(r, 3, 40)
	grade := 0 // 1: a pre-suit appraisal found a disability grade
	facts := func() {
		c.w(ymd(when), clockOpt(r), "，被告", driver, "驾驶", plate, "号", pick(r, "小型轿车", "小型普通客车", "重型半挂牵引车", "轻型厢式货车", "小型越野客车", "电动自行车", "普通二轮摩托车"), "沿", c.ct.place(), pick(r, roads...), pick(r, "由东向西", "由南向北", "由西向东", "由北向南"), "行驶至", pick(r, roads...), "交叉口", pick(r, "时", "处时", "路段时"), "，")
		if death {
			c.w("与", pick(r, "步行横过道路", "驾驶电动自行车", "骑行自行车"), "的", alias(c.nameRaw(c.pl[0]), c.style), pick(r, "（系原告亲属）", "（系原告之父）", "（系原告之母）", "（系原告丈夫）"), "发生碰撞，造成其", pick(r, "经抢救无效死亡", "当场死亡", "受伤后送医，于次日死亡"), "的交通事故。")
		} else {
			c.w("与原告", victim, pick(r, "驾驶的电动自行车", "驾驶的小型轿车", "（行人）", "骑行的自行车", "驾驶的二轮摩托车"), "发生碰撞，造成原告受伤、车辆受损的交通事故。")
		}
		c.w("该事故经", c.ct.city.name, "公安局交通警察", pick(r, "支队", "大队", "支队"+itoa(between(r, 1, 9))+"大队"), "认定，被告", driver, "负事故", pick(r, "全部", "全部", "主要", "同等"), "责任", pick(r, "，原告无责任。", "，原告负次要责任。", "。"))
		if !death {
			c.w("原告受伤后被送往", c.ct.city.name, pick(r, hospitals...), "住院治疗", itoa(stay), "天，", pick(r, "经诊断为", "诊断为", "伤情为"), pick(r, injuries...))
			if chance(r, 0.5) {
				second := pick(r, injuries...)
				if !strings.Contains(c.b.String()[max(0, c.b.Len()-60):], second) {
					c.w("、", second)
				}
			}
			c.w("。")
			if c.detail >= 1 && chance(r, 0.7) {
				c.treatment()
			}
		}
		if chance(r, 0.85) {
			c.w("被告驾驶的车辆在被告", insName, pick(r, "处投保了机动车交通事故责任强制保险（交强险）和商业第三者责任保险（保险金额", "投保了交强险及不计免赔的商业三者险（限额"), pick(r, "100万元", "200万元", "150万元", "300万元", "50万元"), "），事故发生在保险期间内。")
		}
		if len(c.df) > 2 && c.df[1].Kind != org {
			c.w("被告", c.name(c.df[1]), "系肇事车辆的", pick(r, "登记所有人", "实际所有人", "挂靠单位"), "，应承担连带赔偿责任。")
		} else if len(c.df) > 2 {
			c.w("事发时，被告", driver, "系被告", c.name(c.df[1]), "的员工，正在执行工作任务，", "应由用人单位承担赔偿责任。")
		}
		switch {
		case c.c.AppraisalNeeded && chance(r, 0.85):
			c.w(pick(r,
				"原告伤情尚需进行伤残等级及误工期、护理期、营养期（三期）鉴定，原告将在诉讼中申请司法鉴定。",
				"因原告伤残等级尚未评定，原告申请对伤残等级、护理依赖程度进行鉴定。",
				"被告对原告单方委托的鉴定意见有异议，要求重新鉴定。",
				"因双方对车辆损失金额存在争议，需对车损进行评估。",
				"原告申请对其伤残等级及后续治疗费进行司法鉴定。"))
		case !c.c.AppraisalNeeded && !death && chance(r, 0.3):
			c.w("经", c.ct.city.name, pick(r, "某司法鉴定所", "公信司法鉴定中心", "明鉴司法鉴定所", "正信司法鉴定所", "求实司法鉴定所"), "鉴定，原告", pick(r, "的伤情构成十级伤残", "构成九级伤残"), pick(r, "，误工期为120日、护理期60日、营养期60日。", "。"))
			grade = 1
		}
		total := c.injuryLossGrade(death, math.Exp(0.4*c.u), stay, grade == 1)
		c.setAmount(total)
		c.w(pick(r, "事故发生后，被告仅垫付了医疗费"+plainMoney(int64(between(r, 5, 50))*100000)+"，其余损失经协商未果。", "事故发生后，被告未进行任何赔偿。", "保险公司仅在交强险医疗费用限额内赔付了部分费用，余款经多次协商无果。", "原告多次要求赔偿未果。", ""))
		c.signals([]string{"被告保险公司对原告的伤残等级及误工损失提出异议。", "被告认为原告自身存在过错，应减轻被告的赔偿责任。", "保险公司称肇事司机存在饮酒驾驶情形，拒绝在商业险范围内赔付。", "被告对事故责任认定不服，认为原告应负主要责任。"},
			[]string{"被告对事故责任认定无异议。", "被告对事故经过及责任划分无异议，仅对赔偿金额存在分歧。"})
	}
	// The claims need the total, which the facts compute; write facts into
	// a scratch builder first.
	saved := c.b.String()
	c.b.Reset()
	facts()
	body := c.b.String()
	c.b.Reset()
	c.w(saved)
	total := c.f.ClaimAmountFen
	claims := []string{pick(r,
		"判令被告"+insName+"在交强险和商业三者险限额内赔偿原告各项损失共计"+money(r, total)+"，不足部分由被告"+driver+"赔偿",
		"判令各被告赔偿原告医疗费、误工费、护理费等各项损失共计"+money(r, total),
		"判令被告"+driver+"赔偿原告因交通事故造成的损失"+money(r, total)+"，被告"+insName+"在保险责任限额内直接向原告承担赔偿责任",
		"判令被告赔偿原告"+map[bool]string{true: "死亡赔偿金、丧葬费等", false: "各项"}[death]+"损失"+money(r, total))}
	claims = append(claims, c.costs())
	c.complaint("机动车交通事故责任纠纷", claims, func() { c.w(body) }, "《中华人民共和国道路交通安全法》第七十六条、《中华人民共和国民法典》第一千二百零八条")
}

// nameRaw is the party's name as the text knows it, not anonymised.
func (c *rec) nameRaw(p *triagev1.Party) string {
	for i, q := range c.f.Parties {
		if q == p {
			return c.names[i]
		}
	}
	return p.GetName()
}

func plateTail(r *rand.Rand) string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := []byte{letters[r.IntN(len(letters))]}
	for range 4 {
		if r.IntN(5) == 0 {
			b = append(b, letters[r.IntN(len(letters))])
		} else {
			b = append(b, byte('0'+r.IntN(10)))
		}
	}
	return string(b)
}

func clockOpt(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return ""
	}
	h := r.IntN(24)
	return itoa(h) + "时许"
}

func (c *rec) textInjury(cc *civilCause) {
	r := c.r
	when := c.pastDate(2, 24)
	D := c.D0()
	var body string
	scratch := func(f func()) string {
		saved := c.b.String()
		c.b.Reset()
		f()
		s := c.b.String()
		c.b.Reset()
		c.w(saved)
		return s
	}
	var total int64
	body = scratch(func() {
		switch cc.name {
		case "提供劳务者受害责任纠纷":
			c.w("原告自", ym(when.AddDate(0, -between(r, 1, 12), 0)), "起为被告", D, pick(r, "提供劳务", "做工", "从事泥瓦工工作", "从事搬运工作"), "，按日结算工资", itoa(between(r, 20, 45)*10), "元。")
			c.w(dateVar(r, when), "，原告在", pick(r, "被告承包的"+estate(r)+"工地", "被告家中", "被告经营的厂房内"), pick(r, "搭建脚手架时不慎坠落", "操作切割机时被割伤右手", "搬运货物时被砸伤", "高空作业时从梯子上摔下"), "，", "当即被送往医院治疗，诊断为", pick(r, injuries...), "。")
			c.w("被告作为接受劳务一方，未提供必要的安全防护措施，", pick(r, "应承担赔偿责任。", "对原告的损害负有过错。"))
			if c.detail >= 1 && chance(r, 0.6) {
				c.treatment()
			}
			total = c.injuryLoss(false, math.Exp(0.4*c.u), 0)
		case "饲养动物损害责任纠纷":
			c.w(ymd(when), clockOpt(r), "，原告在", c.ct.place(), estate(r), pick(r, "小区内散步时", "楼道内", "门口"), "，被被告", D, "饲养的", pick(r, "未拴绳的宠物犬", "大型犬", "狗"), "咬伤", pick(r, "左小腿", "右手", "大腿"), "。")
			c.w("原告随即前往", pick(r, "疾控中心", "医院"), "注射狂犬疫苗并进行了伤口处理。")
			c.one("被告作为动物饲养人，应当承担侵权责任。", "被告未对犬只采取安全措施，违反了管理规定。")
			total = c.minorInjuryLoss()
		default:
			switch r.IntN(3) {
			case 0:
				c.w(ymd(when), clockOpt(r), "，原告与被告", D, "因", pick(r, "停车问题", "琐事", "邻里纠纷", "债务问题", "宅基地边界问题", "饮酒过程中言语不和"), "发生争执，被告", pick(r, "用拳头殴打原告头部", "持木棍击打原告", "将原告推倒在地", "与其亲属一起殴打原告"), "，致原告受伤。")
				c.w("原告当即报警，", c.ct.police(), pick(r, "对被告作出行政拘留十日的处罚决定。", "出警处理，双方调解未果。", "已受理该案。"))
			case 1:
				c.w(dateVar(r, when), "，原告在被告", D, "经营的", pick(r, "超市", "饭店", "宾馆", "商场"), "内", pick(r, "因地面湿滑摔倒", "被掉落的货架砸伤", "在台阶处踩空跌倒"), "，", "受伤后被送往医院治疗，诊断为", pick(r, injuries...), "。")
				c.w("被告作为经营者未尽到安全保障义务，应承担相应的赔偿责任。")
			default:
				c.w(dateVar(r, when), "，原告", pick(r, "在参加被告组织的活动时", "与被告一起打篮球时", "乘坐被告驾驶的车辆时"), "受伤，诊断为", pick(r, injuries...), "。")
			}
			if c.detail >= 1 && chance(r, 0.5) {
				c.treatment()
			}
			total = c.injuryLoss(false, 0.7*math.Exp(0.4*c.u), 0)
		}
		c.setAmount(total)
		if c.c.AppraisalNeeded && chance(r, 0.85) {
			c.one("原告的伤残等级及三期尚需鉴定，原告申请司法鉴定。", "被告对原告的伤情与事故之间的因果关系有异议，需进行鉴定。", "原告申请对伤残等级及后续治疗费用进行鉴定。")
		}
		c.demand()
		c.signals([]string{"被告否认其实施了殴打行为，称系原告先动手。", "被告认为原告自身存在重大过失。", "被告称双方之间系承揽关系而非劳务关系。", "被告对原告的医疗费用合理性提出异议。"},
			[]string{"被告对事实无异议，但认为赔偿金额过高。"})
	})
	claims := []string{pick(r, "判令被告赔偿原告各项损失共计", "判令被告"+D+"赔偿原告医疗费、误工费等损失", "请求判令被告赔偿") + money(r, total)}
	if len(c.df) > 1 {
		claims = append(claims, "判令被告"+c.name(c.df[1])+"承担连带赔偿责任")
	}
	claims = append(claims, c.costs())
	c.complaint(cc.name, claims, func() { c.w(body) }, "《中华人民共和国民法典》第一千一百六十五条、第一千一百七十九条")
}

// medicalCases pair a complaint with the diagnosis it leads to.
var medicalCases = [][2]string{{"右下腹痛", "急性阑尾炎"}, {"右膝关节疼痛", "膝关节骨性关节炎"}, {"胸闷气短", "冠心病"}, {"发热咳嗽", "肺部感染"},
	{"腰腿痛", "腰椎间盘突出症"}, {"右上腹痛", "胆囊结石伴胆囊炎"}, {"妊娠足月待产", "孕39周"}, {"车祸致右腿骨折", "右胫骨骨折"}, {"头晕头痛", "脑梗死"}}

func (c *rec) textMedical(target float64) {
	r := c.r
	when := c.pastDate(6, 40)
	hosp := c.D0()
	total := roundYuan(r, target*math.Exp(0.3*c.extra)) * 100
	c.setAmount(total)
	death := len(c.pl) > 1
	claims := []string{pick(r, "判令被告赔偿原告医疗费、误工费、护理费、残疾赔偿金等各项损失共计", "判令被告赔偿原告各项损失", "判令被告承担医疗损害赔偿责任，赔偿原告") + money(r, total)}
	if c.c.AppraisalNeeded && chance(r, 0.5) {
		claims = append(claims, "本案鉴定费由被告承担")
	}
	claims = append(claims, c.costs())
	facts := func() {
		patient := c.P0()
		if death {
			patient = alias(personName(r, chance(r, 0.5)), c.style)
			c.w("原告系患者", patient, "的", pick(r, "近亲属", "配偶及子女", "父母"), "。")
		}
		ill := pick(r, medicalCases...)
		c.w(dateVar(r, when), "，", patient, "因", ill[0], "到被告", hosp, pick(r, "就诊", "住院治疗", "门诊就医"), "，")
		c.w("被告诊断为", ill[1], "，并于", ymd(when.AddDate(0, 0, between(r, 1, 7))), "为其实施了", pick(r, "手术", "介入治疗", "剖宫产手术", "内固定手术", "保守治疗"), "。")
		if death {
			c.w("术后", patient, pick(r, "病情突然恶化，经抢救无效死亡", "出现呼吸衰竭，于数日后死亡", "出现大出血，抢救无效死亡"), "。")
		} else {
			c.w("术后原告出现", pick(r, "切口感染", "神经损伤导致左足下垂", "肠瘘", "持续高热", "肢体功能障碍", "新生儿臂丛神经损伤"), "等并发症，", pick(r, "后转至上级医院治疗", "至今未能痊愈", "遗留后遗症"), "。")
		}
		c.w("原告认为，被告在诊疗过程中存在", pick(r, "未尽到告知义务、术前检查不充分、术后观察处理不及时等过错", "误诊漏诊、手术操作不当等过错", "违反诊疗规范的过错"), "，与损害后果之间存在因果关系。")
		if c.c.AppraisalNeeded || chance(r, 0.5) {
			c.w(pick(r, "原告申请对被告的诊疗行为是否存在过错、过错与损害后果之间的因果关系及原因力大小进行医疗损害鉴定", "本案需进行医疗过错司法鉴定", map[bool]string{true: "原告同时申请进行死因鉴定", false: "原告同时申请进行伤残等级鉴定"}[death]), "。")
		}
		if chance(r, 0.4) {
			c.w("事发后，双方曾经", c.ct.place(), "医疗纠纷人民调解委员会调解，未能达成一致。")
		}
		c.signals([]string{"被告坚持认为其诊疗行为符合规范，损害系患者自身疾病所致。", "双方对病历资料的真实性存在争议，原告认为病历存在事后修改。"}, nil)
	}
	c.complaint("医疗损害责任纠纷", claims, facts, "《中华人民共和国民法典》第一千二百一十八条、第一千二百二十一条")
}

var quarrels = []string{"性格不合", "生活琐事", "家庭经济问题", "婆媳关系", "子女教育问题", "被告沉迷赌博", "被告长期酗酒", "被告与他人有不正当关系", "被告不顾家庭",
	"双方长期两地分居", "被告有家庭暴力行为", "双方缺乏沟通"}

func (c *rec) textDivorce(target float64) {
	r := c.r
	married := c.pastDate(18, 240)
	kids := pick(r, 0, 1, 1, 1, 2, 2)
	var kidNames []string
	var girls int
	father := c.nameRaw(c.df[0])
	if c.female[1] {
		father = c.nameRaw(c.pl[0])
	}
	for k := range kids {
		girl := chance(r, 0.48)
		if girl {
			girls++
		}
		n := surnameOf(father) + given(r, girl)
		if c.style != 0 {
			// Judgments tell anonymised siblings apart: 覃某甲、覃某乙.
			n = surnameOf(father) + "某"
			if kids > 1 {
				n += []string{"甲", "乙"}[k]
			}
		}
		kidNames = append(kidNames, n)
	}
	kidWord := "婚生子女"
	switch {
	case kids == 1 && girls == 1:
		kidWord = "婚生女"
	case kids == 1:
		kidWord = "婚生子"
	}
	share := int64(0)
	if target > 0 {
		share = roundYuan(r, target) * 100
	}
	c.setAmount(share)
	support := between(r, 8, 30) * 100
	claims := []string{pick(r, "判令原告与被告离婚", "请求判决原、被告离婚", "依法解除原被告之间的婚姻关系", "准予原告与被告离婚")}
	if kids > 0 {
		claims = append(claims, kidWord+strings.Join(kidNames, "、")+pick(r, "由原告抚养，被告每月支付抚养费"+itoa(support)+"元至"+pick(r, "其年满十八周岁", "其独立生活")+"时止", "由原告直接抚养，被告按月支付抚养费", "随原告共同生活"))
	}
	if share > 0 {
		claims = append(claims, pick(r, "依法分割夫妻共同财产，原告要求分得", "判令被告向原告支付共同财产折价款", "依法分割位于"+unitAddress(r)+"的房屋，原告要求取得房屋所有权并向被告支付补偿款，或由被告向原告支付房屋折价款")+money(r, share))
	} else if chance(r, 0.35) {
		claims = append(claims, pick(r, "依法分割夫妻共同财产", "夫妻共同债务依法处理", "婚后共同财产依法分割"))
	}
	claims = append(claims, pick(r, "本案诉讼费由被告承担", "诉讼费用由被告负担", "本案诉讼费由原被告双方分担"))
	facts := func() {
		c.w(pick(r, "原、被告", "原告与被告"), pick(r, "于"+itoa(married.Year()-between(r, 0, 3))+"年经人介绍相识", "系同学，于"+itoa(married.Year()-between(r, 1, 5))+"年开始恋爱", "经网络相识", "经媒人介绍认识"), "，", pick(r, "于", "并于"), ymd(married), "登记结婚。")
		if kids > 0 {
			had := map[int]string{0: "二子", 1: "一子一女", 2: "二女"}[girls]
			if kids == 1 {
				had = map[int]string{0: "一子", 1: "一女"}[girls]
			}
			c.w("婚后育有", had, strings.Join(kidNames, "、"), "。")
		} else {
			c.one("婚后未生育子女。", "双方婚后未育。", "")
		}
		c.w(pick(r, "婚后初期双方感情尚可，后因", "婚后双方感情一般，常因", "由于婚前了解不够，婚后双方因", "婚后因"), pick(r, quarrels...), pick(r, "等原因", "、"+pick(r, quarrels...)+"等问题", ""), pick(r, "经常发生争吵", "矛盾不断", "多次发生激烈冲突"), "，夫妻感情", pick(r, "逐渐淡漠", "已经破裂", "日渐恶化"), "。")
		if chance(r, 0.6) {
			c.w("自", ym(c.pastDate(4, 36)), "起，双方分居至今", pick(r, "，已超过一年。", "。", "，互不往来。"))
		}
		if chance(r, 0.3) {
			c.w("原告曾于", itoa(c.filed.Year()-1), "年向本院起诉离婚，经判决不准离婚。此后双方感情未有改善，", pick(r, "分居已满一年。", "夫妻关系名存实亡。"))
		}
		if share > 0 && c.detail >= 1 {
			c.w("夫妻关系存续期间，双方", pick(r, "共同购买了位于"+unitAddress(r)+"的房屋一套", "共有存款若干", "购置车辆一辆（"+c.ct.city.plate+"·"+plateTail(r)+"）", "共同经营"+soleTrader(r, &c.ct)), pick(r, "，", "，另有"+pick(r, "银行存款", "理财产品", "公积金")+"若干，"), pick(r, "应依法分割。", "原告要求依法分割。"))
		}
		if c.c.AppraisalNeeded && chance(r, 0.8) {
			c.one("因双方对房屋价值无法达成一致，原告申请对房屋价值进行评估。", "需对共同财产价值进行评估。")
		}
		c.w(pick(r, "原告认为，双方感情确已破裂，已无和好可能。", "现夫妻感情确已破裂，无和好可能。", "原告认为，继续维持婚姻已无意义。", "为此原告诉至法院，要求离婚。"))
		c.signals([]string{"被告不同意离婚，并要求抚养子女。", "双方对子女抚养权及财产分割分歧较大。", "被告隐匿、转移夫妻共同财产。", "被告曾多次实施家庭暴力，原告曾报警处理。", "被告婚前个人财产与夫妻共同财产存在混同，难以区分。"},
			[]string{"被告亦同意离婚，但双方就财产分割未能达成协议。", "双方无共同财产及共同债务。"})
	}
	c.complaint("离婚纠纷", claims, facts, "《中华人民共和国民法典》第一千零七十九条")
}

func (c *rec) textMaintenance(cc *civilCause) {
	r := c.r
	monthly := int64(between(r, 5, 30)) * 10000
	months := between(r, 6, 60)
	total := monthly * int64(months)
	c.setAmount(total)
	D := c.D()
	var claims []string
	var facts func()
	if cc.name == "赡养费纠纷" {
		claims = []string{"判令被告" + D + pick(r, "每月", "每人每月") + "向原告支付赡养费" + plainMoney(monthly), "判令被告支付此前拖欠的赡养费" + money(r, total), "判令被告" + pick(r, "分担原告的医疗费用", "轮流照顾原告生活")}
		facts = func() {
			c.w("原告现年", itoa(between(r, 68, 92)), "岁，", pick(r, "与老伴共育有子女", "育有子女"), cn(len(c.df)+between(r, 0, 1)), "人，被告", D, "均系原告子女。")
			c.w("原告年老体弱，", pick(r, "患有高血压、糖尿病等多种疾病", "无固定收入", "仅有少量养老金", "丧失劳动能力"), "，生活困难。", "被告", pick(r, "长期不履行赡养义务", "以原告分家不公为由拒绝赡养", "多年未探望原告"), "。")
			c.w("原告曾请", pick(r, "村委会", "社区居委会", "人民调解委员会"), "调解，被告仍不履行。")
			c.signals([]string{"被告称原告分家时财产分配不公，其余子女应多承担。", "各被告之间对赡养费分担比例分歧较大。"}, nil)
		}
	} else {
		kid := c.P0()
		claims = []string{"判令被告" + D + "自" + ym(c.filed) + "起每月支付原告抚养费" + plainMoney(monthly) + "至原告年满十八周岁止", "判令被告支付拖欠的抚养费" + money(r, total)}
		facts = func() {
			c.w("原告", kid, "系被告", D, "与原告法定代理人", alias(personName(r, true), c.style), "的", pick(r, "婚生子", "婚生女", "非婚生子", "非婚生女"), "。")
			c.w(pick(r, "原告法定代理人与被告于"+ym(c.pastDate(12, 80))+"协议离婚，约定原告由其母亲抚养，被告每月支付抚养费"+plainMoney(monthly*2/3/100*100)+"，", "被告与原告母亲离婚后，原告随母亲生活，"), pick(r, "但被告自", "然而被告自"), ym(c.pastDate(6, 40)), "起", pick(r, "未再支付抚养费", "拒不支付抚养费", "仅支付了部分抚养费"), "。")
			c.w("现原告", pick(r, "已上小学", "上初中", "患病住院"), "，", pick(r, "生活、教育费用大幅增加", "原抚养费已不足以维持当地实际生活水平"), "。")
			c.signals([]string{"被告称其已失业，无力支付抚养费。", "被告对原告法定代理人的收入状况提出异议。"}, nil)
		}
	}
	claims = append(claims, c.costs())
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第一千零六十七条")
}

func (c *rec) textPostDivorce(target float64) {
	r := c.r
	share := int64(0)
	if target > 0 {
		share = roundYuan(r, target) * 100
	}
	c.setAmount(share)
	D := c.D0()
	claims := []string{pick(r, "依法分割原、被告离婚时未分割的"+pick(r, "房屋一套", "车辆一辆", "股权", "银行存款"), "判令被告"+D+"返还其隐匿的夫妻共同财产", "确认位于"+unitAddress(r)+"的房屋为原被告共同共有，并依法分割")}
	if share > 0 {
		claims = append(claims, pick(r, "判令被告支付原告财产折价款", "判令被告向原告支付", "原告要求分得")+money(r, share))
	}
	claims = append(claims, c.costs())
	facts := func() {
		c.w("原、被告原系夫妻关系，于", ymd(c.pastDate(6, 60)), pick(r, "经法院调解离婚", "协议离婚", "经法院判决离婚"), "。")
		c.w("离婚时，", pick(r, "双方未对婚后购买的房屋进行分割", "被告隐瞒了其名下的银行存款及理财产品", "双方约定的财产分割条款被告至今未履行", "被告名下公司股权未作处理"), "。")
		c.w("原告", pick(r, "近期才得知", "离婚后发现", "多次要求被告协商处理，"), pick(r, "上述财产属于夫妻共同财产，应当依法分割。", "被告拒不配合。"))
		if c.c.AppraisalNeeded {
			c.one("原告申请对房屋现值进行评估。", "需对涉案股权价值进行审计评估。")
		}
		c.signals([]string{"被告称该房屋系其父母出资购买，属于其个人财产。", "被告否认存在隐匿财产的情形。"}, nil)
	}
	c.complaint("离婚后财产纠纷", claims, facts, "《中华人民共和国民法典》第一千零九十二条")
}

var jobs = []string{"操作工", "销售员", "仓库管理员", "司机", "厨师", "会计", "电工", "焊工", "保安", "文员", "技术员", "店长", "快递员", "保洁员", "车间主任", "客服专员"}

func (c *rec) textLabour(cc *civilCause) {
	r := c.r
	wage := between(r, 35, 130) * 100
	hired := c.pastDate(8, 90)
	left := c.pastDate(2, 10)
	if !left.After(hired) {
		left = hired.AddDate(0, 6, 0)
	}
	years := int(math.Ceil(left.Sub(hired).Hours() / 24 / 365))
	if years < 1 {
		years = 1
	}
	lb := &labourCase{wage: wage, hired: hired, left: left, years: years, employerSues: c.pl[0].Kind == org}
	lb.E = c.D0()
	lb.W = c.P0()
	if lb.employerSues {
		lb.E, lb.W = c.P0(), c.D0()
	}
	c.labourClaims(cc, lb)
	c.setAmount(lb.total)
	lb.claims = append(lb.claims, c.costs())
	facts := func() { c.labourFacts(cc, lb) }
	law := pick(r, "《中华人民共和国劳动合同法》第三十条、第四十六条、第四十七条", "《中华人民共和国劳动合同法》第八十二条、第八十七条", "《保障农民工工资支付条例》")
	if lb.employerSues {
		law = pick(r, "《中华人民共和国劳动合同法》第三十九条", "《中华人民共和国劳动争议调解仲裁法》第五十条")
	}
	c.complaint(cc.name, lb.claims, facts, law)
}

// labourCase is what a labour complaint's claims and facts share: the wage,
// the dates of hiring and leaving, who sues, the months and money owed.
type labourCase struct {
	wage, years, monthsOwed int
	hired, left             time.Time
	employerSues            bool
	total                   int64
	claims                  []string
	E, W                    string // the employer's and the worker's names
}

// labourClaims writes the claims of a labour complaint and sums the money.
func (c *rec) labourClaims(cc *civilCause, lb *labourCase) {
	r := c.r
	add := func(label string, y int) {
		if y <= 0 {
			return
		}
		lb.total += int64(y) * 100
		lb.claims = append(lb.claims, label+plainMoney(int64(y)*100))
	}
	switch cc.name {
	case "确认劳动关系纠纷":
		lb.claims = append(lb.claims, "确认原告与被告自"+ymd(lb.hired)+"起存在劳动关系")
		c.c.NonMonetaryClaims = true
	case "追索劳动报酬纠纷", "劳务合同纠纷":
		lb.monthsOwed = between(r, 1, 10)
		owed := lb.wage * lb.monthsOwed * len(c.pl)
		if cc.name == "劳务合同纠纷" {
			owed = between(r, 20, 600) * 100
		}
		lb.total = int64(owed) * 100
		lb.claims = append(lb.claims, pick(r, "判令被告支付拖欠的", "判令被告立即支付原告", "判令被告给付")+pick(r, "劳动报酬", "工资", "劳务费")+money(r, lb.total))
		if len(c.df) > 1 {
			lb.claims = append(lb.claims, "判令被告"+c.name(c.df[1])+"承担连带支付责任")
		}
	default:
		if lb.employerSues {
			lb.claims = append(lb.claims, "判令原告无需向被告支付"+pick(r, "违法解除劳动合同赔偿金", "未签订书面劳动合同二倍工资差额", "加班工资"))
			add("判令原告无需支付经济补偿金", lb.wage*lb.years)
			c.c.NonMonetaryClaims = chance(r, 0.5)
			lb.total = 0
			if chance(r, 0.5) {
				lb.total = int64(lb.wage*lb.years) * 100
			}
		} else {
			if chance(r, 0.7) {
				add(pick(r, "判令被告支付违法解除劳动合同赔偿金", "判令被告支付经济补偿金"), lb.wage*lb.years*pick(r, 1, 2))
			}
			if chance(r, 0.4) {
				add("判令被告支付未签订书面劳动合同的二倍工资差额", lb.wage*between(r, 3, 11))
			}
			if chance(r, 0.4) {
				add("判令被告支付拖欠工资", lb.wage*between(r, 1, 4))
			}
			if chance(r, 0.3) {
				add("判令被告支付加班工资", between(r, 20, 300)*100)
			}
			if chance(r, 0.2) {
				add("判令被告支付未休年休假工资", lb.wage*between(r, 5, 15)/21)
			}
			if len(lb.claims) == 0 {
				add("判令被告支付经济补偿金", lb.wage*lb.years)
			}
			if chance(r, 0.2) {
				lb.claims = append(lb.claims, "判令被告为原告补缴"+itoa(lb.hired.Year())+"年"+itoa(int(lb.hired.Month()))+"月至今的社会保险")
				c.c.NonMonetaryClaims = true
			}
		}
	}
}

// labourFacts writes the facts of a labour complaint.
func (c *rec) labourFacts(cc *civilCause, lb *labourCase) {
	r := c.r
	switch {
	case len(c.pl) > 1:
		c.w("原告", c.plainName(), pick(r, "均系农民工，", "系同村村民，", ""), "于", ym(lb.hired), pick(r, "起经被告", "经"), pick(r, "班组长", "包工头"), c.name(c.df[len(c.df)-1]), pick(r, "招用，在被告", "介绍，在"), lb.E, pick(r, "承建的", "承包的"), estate(r), "项目工地从事", pick(r, "木工", "钢筋工", "泥瓦工", "水电安装", "架子工"), "工作。")
		c.w("工程完工后，被告", pick(r, "以发包方未支付工程款为由", "一直拖延", "仅支付了部分生活费"), pick(r, "，拖欠原告工资至今未付。", "，拒绝支付原告工资。"))
		if c.detail >= 2 {
			c.w("各原告被拖欠工资情况如下：")
			for i, p := range c.pl {
				if i >= 12 {
					c.w("\n……（其余人员明细详见附表）")
					break
				}
				c.w("\n", c.name(p), "，", itoa(between(r, 40, 260)), "个工日，欠付", plainMoney(int64(between(r, 60, 400))*10000), "；")
			}
		}
		c.w(pick(r, "原告等人曾多次向劳动监察部门反映，", "经劳动监察部门协调，被告出具了欠条，但", ""), "被告至今未支付。")
	case cc.name == "追索劳动报酬纠纷" && !lb.employerSues:
		from := c.filed.AddDate(0, -lb.monthsOwed-between(r, 1, 6), 0)
		if from.Before(lb.hired) {
			lb.hired = from.AddDate(0, -between(r, 2, 24), 0)
		}
		c.due = from
		c.w("原告", pick(r, "于", "自"), ym(lb.hired), pick(r, "起在被告", "进入被告"), lb.E, pick(r, "处工作", "从事"+pick(r, jobs...)+"工作"), "，", pick(r, "约定月工资", "月工资为", "双方口头约定每月工资"), plainMoney(int64(lb.wage)*100), "。")
		c.w("自", ym(from), "起，被告", pick(r, "以经营困难为由", "一直", "无故"), pick(r, "拖欠原告工资", "未足额发放工资", "停发原告工资"), "，", pick(r, "至原告离职时", "截至起诉时", "经结算"), "共拖欠工资", plainMoney(lb.total), "。")
		if c.detail >= 2 && lb.monthsOwed > 1 {
			c.w("具体为：")
			for k := range lb.monthsOwed {
				c.w(ym(from.AddDate(0, k, 0)), "工资", plainMoney(int64(lb.wage)*100), map[bool]string{true: "。", false: "；"}[k == lb.monthsOwed-1])
			}
		}
		if c.detail >= 2 && chance(r, 0.5) {
			c.chron()
		}
		c.opt(0.5, pick(r, "被告曾出具欠条一份，承诺于"+ym(c.filed.AddDate(0, -1, 0))+"前付清。", "原告曾向劳动保障监察大队投诉，被告仍未支付。", "原告已申请劳动仲裁，仲裁委作出裁决后被告仍未履行。"))
		c.demand()
	case cc.name == "劳务合同纠纷":
		c.w(dateVar(r, lb.hired), "，原告受被告", lb.E, "雇请，为其", pick(r, "装修房屋", "搬运货物", "种植果树", "看管鱼塘", "修建围墙", "驾驶货车"), "，双方约定", pick(r, "每日工资", "劳务费按天结算，每天"), itoa(between(r, 20, 45)*10), "元。")
		c.w("劳务完成后，经结算，被告尚欠原告劳务费", plainMoney(lb.total), pick(r, "，并出具欠条一张。", "。", "，有微信聊天记录为证。"))
		c.demand()
	default:
		if lb.employerSues {
			c.w("被告", lb.W, "于", ymd(lb.hired), "入职原告处，担任", pick(r, jobs...), "。", ymd(lb.left), "，", pick(r, "被告因严重违反公司规章制度被原告解除劳动合同", "被告以原告未缴纳社会保险为由提出解除劳动合同", "双方劳动合同到期终止"), "。")
			c.w("被告向", c.ct.place(), "劳动人事争议仲裁委员会申请仲裁，该委作出", itoa(c.filed.Year()), pick(r, "劳人仲案字第", "仲裁字第"), itoa(between(r, 100, 9999)), "号仲裁裁决，裁决原告支付被告", pick(r, "赔偿金", "经济补偿金", "二倍工资差额"), "等。")
			c.w("原告认为该裁决", pick(r, "认定事实错误", "适用法律错误", "计算标准有误"), "，", pick(r, "原告解除劳动合同合法有据，不应支付赔偿金。", "被告系自行离职，不应支付经济补偿。", "被告的月工资中包含了加班费，不应重复计算。"))
		} else {
			c.w("原告于", ymd(lb.hired), "入职被告", lb.E, "，", pick(r, "担任", "从事"), pick(r, jobs...), pick(r, "工作", "一职"), "，月工资", plainMoney(int64(lb.wage)*100), pick(r, "左右", "", "（含绩效）"), "。")
			c.opt(0.5, pick(r, "被告未与原告签订书面劳动合同，", "双方签订了为期三年的劳动合同，")+pick(r, "也未为原告缴纳社会保险。", "但未依法缴纳社会保险。", ""))
			c.w(dateVar(r, lb.left), "，", pick(r, "被告以原告不能胜任工作为由，单方解除与原告的劳动合同", "被告以经营困难为由通知原告离职", "被告无故将原告辞退", "原告因被告长期拖欠工资被迫提出解除劳动关系", "被告以原告严重违纪为由将原告开除"), "。")
			if cc.name != "确认劳动关系纠纷" {
				c.w("原告向", c.ct.place(), "劳动人事争议仲裁委员会申请仲裁，", pick(r, "该委作出仲裁裁决，原告不服", "该委以超过仲裁时效为由不予受理", "仲裁委逾期未作出裁决", "仲裁裁决仅支持了原告的部分请求，原告不服"), "，故诉至法院。")
			} else {
				c.w("被告否认与原告之间存在劳动关系，原告申请仲裁后，仲裁委未支持原告的请求。")
			}
		}
	}
	c.signals([]string{"被告否认与原告之间存在劳动关系，称原告系承包人雇佣的人员。", "双方对原告的工资标准及工作年限存在争议。", "被告称原告系主动辞职，不应支付经济补偿。", "被告主张已足额支付工资，原告的考勤记录系伪造。", "发包方、总承包方与分包方之间对欠付工资的责任承担相互推诿。"},
		[]string{"被告对欠薪事实予以认可。", "被告出具了工资欠条。", "被告承认拖欠工资，但称发包方未付款。"})
}

func (c *rec) textPropertyFee(cc *civilCause) {
	r := c.r
	area := 50 + r.Float64()*130
	var rate float64
	var months int
	var unit string
	switch cc.name {
	case "物业服务合同纠纷":
		rate = pick(r, 0.8, 1.2, 1.5, 1.8, 2.0, 2.2, 2.5, 2.8, 3.2, 4.5)
		months = between(r, 6, 60)
		unit = "元/平方米·月"
	case "供用热力合同纠纷":
		rate = pick(r, 22.0, 24.0, 25.0, 26.0, 28.0, 30.0)
		months = between(r, 1, 5) // heating seasons
		unit = "元/平方米·采暖期"
	default:
		rate = 0
		months = between(r, 6, 36)
	}
	var fee int64
	if rate > 0 {
		fee = yuanToFen(math.Round(area*rate*float64(months)*100) / 100)
	} else {
		fee = int64(between(r, 30, 120)) * 100 * int64(months)
	}
	var late int64
	if chance(r, 0.45) {
		late = fee * int64(between(r, 3, 25)) / 100
	}
	c.setAmount(fee + late)
	D := c.D0()
	room := unitAddress(r)
	areaS := formatFloat(area, 2)
	periodFrom := c.filed.AddDate(0, -months-between(r, 0, 6), 0)
	claims := []string{pick(r, "判令被告支付", "判令被告"+D+"向原告支付", "请求判令被告缴纳")}
	switch cc.name {
	case "物业服务合同纠纷":
		claims[0] += ym(periodFrom) + "至" + ym(periodFrom.AddDate(0, months, 0)) + "的物业服务费" + money(r, fee)
	case "供用热力合同纠纷":
		claims[0] += itoa(c.filed.Year()-months) + "—" + itoa(c.filed.Year()) + "年度采暖费" + money(r, fee)
	default:
		claims[0] += "拖欠的水费" + money(r, fee)
	}
	if late > 0 {
		claims = append(claims, "判令被告支付"+pick(r, "违约金", "滞纳金", "逾期付款违约金")+plainMoney(late))
	}
	claims = append(claims, c.costs())
	facts := func() {
		switch cc.name {
		case "物业服务合同纠纷":
			c.w("被告", D, "系", c.ct.place(), room, "房屋的", pick(r, "业主", "所有权人"), "，建筑面积", areaS, "平方米。")
			c.w("原告", pick(r, "经业主大会选聘", "通过招投标", "受开发商委托"), "为该小区提供物业服务，", pick(r, "并与业主委员会签订了《物业服务合同》", "与被告签订了《前期物业服务协议》", "双方签订的《临时管理规约》"), "，约定物业服务费标准为", formatFloat(rate, 2), unit, "，", pick(r, "按季度预交", "按年缴纳", "每月10日前缴纳"), "。")
			c.w("原告依约提供了", pick(r, "保洁、绿化、秩序维护、公共设施设备维修养护等", "物业管理"), "服务，但被告自", ym(periodFrom), "起", pick(r, "拒不缴纳物业服务费", "一直拖欠物业费", "未缴纳物业费"), "，")
			if c.detail >= 2 {
				c.w("按", areaS, "平方米×", formatFloat(rate, 2), "元×", itoa(months), "个月计算，共计", plainMoney(fee), "，")
			}
			c.one("经原告多次书面催缴，被告仍未缴纳。", "原告多次上门催缴并张贴催缴通知，被告仍未缴纳。", "严重影响了小区物业服务的正常开展。")
			if c.detail >= 2 && chance(r, 0.4) {
				c.chron()
			}
		case "供用热力合同纠纷":
			c.w("被告系", room, "房屋的所有权人，供暖面积", areaS, "平方米。原告为该房屋提供集中供热服务，采暖费标准为", formatFloat(rate, 2), unit, "。被告自", itoa(c.filed.Year()-months), "年采暖期起未缴纳采暖费。")
			c.demand()
		default:
			c.w("原告向被告", D, "位于", room, "的房屋供水，被告自", ym(periodFrom), "起未缴纳水费。")
			c.demand()
		}
		c.signals([]string{"被告以小区环境卫生差、房屋漏水物业未及时维修为由拒绝缴纳物业费。", "被告称其车辆在小区内被盗，物业公司未尽到安全保障义务。", "被告认为房屋存在质量问题，开发商和物业公司应当负责。", "被告称室内温度长期达不到18℃，供热不达标。", "被告称其房屋一直空置，不应全额缴费。"},
			[]string{"被告对欠费金额无异议。", "被告承诺补缴，但至今未缴。"})
	}
	law := "《中华人民共和国民法典》第九百三十七条、第九百四十四条"
	if cc.name != "物业服务合同纠纷" {
		law = "《中华人民共和国民法典》第六百五十六条"
	}
	c.complaint(cc.name, claims, facts, law)
}

func (c *rec) textTenancy(cc *civilCause, target float64) {
	r := c.r
	D := c.D0()
	landlordSues := c.pl[0].Kind == org || chance(r, 0.8)
	start := c.pastDate(8, 48)
	rentM := int64(roundYuan(r, math.Max(800, target/float64(between(r, 3, 12)))))
	arrears := c.pastDate(2, 14)
	c.due = arrears
	owedMonths := int64(between(r, 2, 12))
	var owed int64
	if target > 0 {
		owed = rentM * 100 * owedMonths
	}
	var claims []string
	thing := pick(r, "位于"+address(r, &c.ct)+"的商铺", "位于"+unitAddress(r)+"的住宅", "位于"+c.ct.place()+pick(r, roads...)+"的厂房", "位于"+c.ct.place()+"的仓库")
	switch cc.name {
	case "租赁合同纠纷":
		thing = pick(r, "钢管、扣件等建筑周转材料", "挖掘机一台", "塔吊一台", "建筑模板", "发电机组", "叉车两台")
	case "车辆租赁合同纠纷":
		thing = pick(r, "小型轿车一辆", "商务车一辆", "货车一辆")
	}
	var late int64
	if landlordSues {
		if owed > 0 {
			claims = append(claims, pick(r, "判令被告"+D+"支付拖欠的租金", "判令被告支付租金", "判令被告向原告支付"+ym(arrears)+"起的租金")+money(r, owed))
			if chance(r, 0.5) {
				late = owed * int64(between(r, 5, 30)) / 100
				claims = append(claims, "判令被告支付违约金"+plainMoney(late))
			}
		}
		if owed == 0 || chance(r, 0.45) {
			claims = append(claims, pick(r, "解除原被告之间的租赁合同", "确认原被告签订的租赁合同于"+ymd(c.filed.AddDate(0, 0, -between(r, 10, 90)))+"解除"), pick(r, "判令被告腾退并返还租赁房屋", "判令被告返还租赁物", "判令被告将房屋恢复原状后返还原告"))
			c.c.NonMonetaryClaims = true
		}
	} else {
		dep := rentM * 100 * int64(between(r, 1, 3))
		owed = dep
		if target > 0 {
			owed += int64(roundYuan(r, target*0.5)) * 100
		}
		claims = append(claims, "判令被告返还押金"+plainMoney(dep))
		if owed > dep {
			claims = append(claims, "判令被告赔偿原告装修损失等"+money(r, owed-dep))
		}
	}
	c.setAmount(owed + late)
	claims = append(claims, c.costs())
	facts := func() {
		if landlordSues {
			c.w(dateVar(r, start), "，原告与被告", D, "签订《", pick(r, "房屋租赁合同", "租赁合同", "租赁协议", "设备租赁合同"), "》，约定原告将", thing, "出租给被告使用，", "租期", pick(r, "一年", "三年", "五年", "两年", "自"+ymd(start)+"起至"+ymd(start.AddDate(between(r, 1, 5), 0, 0))+"止"), "，")
			c.w(pick(r, "月租金", "租金每月", "租金为每月"), plainMoney(rentM*100), pick(r, "，按季度支付", "，先付后用", "，每月5日前支付", "，押一付三"), "。")
			handed := "租赁物"
			if cc.name == "房屋租赁合同纠纷" {
				handed = "房屋"
			}
			c.w("合同签订后，原告依约交付了", handed, "。但被告自", ym(arrears), "起", pick(r, "未按约支付租金", "拖欠租金", "仅支付部分租金"), "，")
			c.one("已构成根本违约。", "经原告多次催告，被告仍未支付。", "原告依约发出解除合同通知，被告拒不搬离。", "现被告已人去楼空。")
			if c.detail >= 1 && chance(r, 0.5) {
				c.chron()
			}
			if cc.name == "租赁合同纠纷" && c.detail >= 2 && owed > 0 {
				c.w("双方于", ymd(c.pastDate(1, 3)), "进行结算，确认租赁期间被告共租用", thing, pick(r, "折合租金", "应付租费"), plainMoney(owed), "，有被告签字的结算单为证。")
			}
		} else {
			c.w(dateVar(r, start), "，原告向被告", D, "承租", thing, "，支付押金", plainMoney(rentM*100*2), "，并投入资金进行装修。")
			c.w(pick(r, "后被告擅自将房屋另行出租他人", "后因被告出售房屋，原告被迫搬离", "租期届满后被告拒绝退还押金", "后被告以原告违约为由单方解除合同"), "。")
		}
		if c.c.AppraisalNeeded {
			c.one("因双方对装修残值无法协商一致，原告申请对装饰装修残值进行评估。", "需对租赁物损坏程度进行鉴定。")
		}
		c.signals([]string{"被告称房屋存在漏水等问题，原告未及时维修，故暂停支付租金。", "被告认为原告提前收回房屋，应赔偿其装修损失。", "双方对租赁物的归还数量及损耗赔偿存在争议。", "被告称其已提前通知退租，不应支付剩余租金。"},
			[]string{"被告对欠付租金无异议。", "被告承认拖欠租金，表示资金困难。"})
	}
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第七百零三条、第七百二十一条、第七百二十二条")
}

var projects = []string{"住宅小区", "厂房", "综合楼", "道路", "学校教学楼", "安置房", "商业综合体", "污水管网", "农村公路", "办公楼装修", "钢结构车间", "养老院"}

func (c *rec) textConstruction(cc *civilCause, target float64) {
	r := c.r
	owed := roundYuan(r, target) * 100
	contractPrice := owed * int64(between(r, 150, 500)) / 100
	contractPrice -= contractPrice % 1000000
	if contractPrice < owed {
		contractPrice = owed * 2
	}
	var interest int64
	if chance(r, 0.55) {
		interest = owed * int64(between(r, 3, 15)) / 100
	}
	c.setAmount(owed + interest)
	D := c.D0()
	project := estate(r) + pick(r, projects...)
	signed := c.pastDate(18, 72)
	done := signed.AddDate(0, between(r, 6, 24), 0)
	if done.After(c.filed) {
		done = c.filed.AddDate(0, -3, 0)
	}
	c.due = done
	claims := []string{pick(r, "判令被告"+D+"支付工程款", "判令被告支付拖欠的工程款", "判令被告向原告支付工程价款") + money(r, owed)}
	if interest > 0 {
		claims = append(claims, "判令被告支付欠付工程款利息"+plainMoney(interest)+pick(r, "（自"+ymd(done.AddDate(0, 2, 0))+"起按LPR计算至实际付清之日）", ""))
	}
	if len(c.df) > 1 {
		claims = append(claims, "判令被告"+c.joinNames(c.df[1:])+pick(r, "在欠付工程款范围内承担连带责任", "对上述债务承担连带清偿责任", "作为发包人在欠付工程价款范围内对原告承担责任"))
	}
	if chance(r, 0.3) {
		claims = append(claims, "确认原告对"+project+"工程折价或者拍卖的价款享有优先受偿权")
		c.c.NonMonetaryClaims = chance(r, 0.5)
	}
	claims = append(claims, c.costs())
	facts := func() {
		actual := c.pl[0].Kind == person
		if actual {
			c.w(dateVar(r, signed), "，被告", D, pick(r, "将其承包的", "将"), project, pick(r, "工程", "项目"), pick(r, "中的劳务及部分主体工程", "土建工程", "钢结构工程", "水电安装工程"), "分包给原告施工，", "双方签订《", pick(r, "工程分包协议", "劳务分包合同", "内部承包协议"), "》，约定", pick(r, "按实际工程量结算", "固定单价", "总价包干"), "。")
			c.w("原告", pick(r, "系实际施工人，", "组织人员进场施工，", "借用被告资质进行施工，"), "于", ym(done), "完成全部工程，", pick(r, "并已交付使用。", "经验收合格。", "工程已实际投入使用。"))
		} else {
			c.w(dateVar(r, signed), "，原告与被告", D, "签订《建设工程施工合同》，约定由原告承建", project, "工程，合同价款", money(r, contractPrice), "，工期", itoa(between(r, 90, 540)), "日历天。")
			c.w("合同签订后，原告按约进场施工，", pick(r, "工程于"+ymd(done)+"竣工验收合格", "于"+ym(done)+"完工并交付", "因被告原因工程中途停工，双方于"+ym(done)+"解除合同"), "。")
		}
		if c.detail >= 2 {
			c.w("经", pick(r, "双方结算", "审计", "原告单方结算"), "，工程总价款为", plainMoney(owed+contractPrice/3/10000*10000), "，被告已支付", plainMoney(contractPrice/3/10000*10000), "，尚欠", plainMoney(owed), "。")
			if c.detail >= 3 {
				n := between(r, 3, 7)
				half := chance(r, 0.4)
				c.w("被告付款情况如下：")
				d := signed
				for k := range n {
					d = d.AddDate(0, 0, between(r, 30, 120))
					open, shut := "（", "）"
					if half {
						open, shut = "(", ")"
					}
					c.w("\n", open, itoa(k+1), shut, ymd(d), "支付", plainMoney(contractPrice/3/int64(n)/10000*10000), pick(r, "；", "。"))
				}
			}
		} else {
			c.w("被告尚欠工程款", plainMoney(owed), "未付。")
		}
		if len(c.df) > 1 {
			c.w("被告", c.name(c.df[len(c.df)-1]), pick(r, "系工程发包人，", "系建设单位，", "系总承包单位，"), pick(r, "尚欠付工程款，应在欠付范围内承担责任。", "应当承担连带责任。"))
		}
		if c.c.AppraisalNeeded && chance(r, 0.9) {
			c.w(pick(r, "因双方对工程量及结算价款存在争议，原告申请对工程造价进行司法鉴定。", "被告对工程质量提出异议，需进行工程质量鉴定。", "本案需对已完工程造价进行审计鉴定。", "原告申请对案涉工程已完工部分的造价进行鉴定。"))
		}
		if c.detail >= 1 && chance(r, 0.5) {
			c.chron()
		}
		c.signals([]string{"被告以工程质量存在问题及工期延误为由拒付工程款。", "双方对签证变更部分的工程量存在重大争议。", "被告称原告系挂靠施工，借用资质签订的合同无效。", "被告主张已超付工程款，并保留追偿权利。", "该工程涉及多层转包、违法分包，各方责任难以厘清。"},
			[]string{"被告对结算金额无异议，但称发包方资金未到位。", "被告出具了工程款结算确认书。"})
		c.demand()
	}
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第七百八十八条、第七百九十九条、第八百零七条")
}

func (c *rec) textUnjust(target float64) {
	r := c.r
	amt := yuanToFen(math.Round(target))
	if chance(r, 0.6) {
		amt = roundYuan(r, target) * 100
	}
	c.setAmount(amt)
	D := c.D0()
	when := c.pastDate(2, 30)
	claims := []string{pick(r, "判令被告返还不当得利", "判令被告"+D+"返还原告", "判令被告返还原告错误转账款项") + money(r, amt), pick(r, "判令被告支付资金占用期间的利息（以"+plainMoney(amt)+"为基数，自"+ymd(when)+"起按LPR计算至实际返还之日）", "判令被告支付利息损失"), c.costs()}
	facts := func() {
		switch r.IntN(3) {
		case 0:
			c.w(dateVar(r, when), "，原告", pick(r, "通过手机银行", "通过支付宝", "在银行柜台"), "向他人转账时，因", pick(r, "操作失误", "输错账号", "记错收款人"), "，将", money(r, amt), "误转入被告", D, "的账户（账号尾号", itoa(between(r, 1000, 9999)), "）。")
			c.w("原告发现后，", pick(r, "立即联系银行", "多次联系被告", "报警处理"), "，被告", pick(r, "拒不返还。", "承认收到款项但称已花掉。", "电话关机，无法联系。"))
		case 1:
			c.w("原告与被告原", pick(r, "系恋爱关系", "系合作关系", "系朋友"), "，", "期间原告陆续向被告转账共计", money(r, amt), pick(r, "，", "，用于"+pick(r, "共同投资", "购买车辆", "被告家人治病")+"，"), "现双方关系结束，被告无合法依据占有上述款项。")
		default:
			c.w(dateVar(r, when), "，被告冒用原告名义领取了", pick(r, "拆迁补偿款", "保险理赔款", "土地流转费", "工程款"), money(r, amt), "，", "该款项应归原告所有。")
		}
		c.w("被告取得上述款项没有法律依据，构成不当得利，应予返还。")
		c.signals([]string{"被告称该款项系原告赠与，并非不当得利。", "被告主张该款系原告偿还双方之前的借款。", "被告称款项系恋爱期间的赠与，不应返还。"}, []string{"被告承认收到款项。"})
	}
	c.complaint("不当得利纠纷", claims, facts, "《中华人民共和国民法典》第九百八十五条")
}

func (c *rec) textInherit(cc *civilCause, target float64) {
	r := c.r
	amt := int64(0)
	if target > 0 {
		amt = roundYuan(r, target) * 100
	}
	c.setAmount(amt)
	deceased := alias(c.sur+given(r, chance(r, 0.5)), c.style)
	if c.sur == "" {
		deceased = alias(personName(r, chance(r, 0.5)), c.style)
	}
	house := unitAddress(r)
	claims := []string{}
	if cc.name == "共有物分割纠纷" {
		claims = append(claims, "依法分割原、被告共有的位于"+c.ct.place()+house+"的房屋", "判令被告协助办理不动产变更登记手续")
	} else {
		claims = append(claims, pick(r, "依法继承被继承人"+deceased+"的遗产", "判令原告继承被继承人"+deceased+"遗留的位于"+c.ct.place()+house+"的房屋"+pick(r, "50%", "三分之一", "全部")+"产权份额", "确认被继承人"+deceased+"名下的房屋由原告继承"))
	}
	if amt > 0 {
		claims = append(claims, pick(r, "判令被告返还原告应继承的存款份额", "判令被告向原告支付房屋折价款", "依法分割被继承人名下的银行存款，原告应得")+money(r, amt))
	}
	claims = append(claims, pick(r, "本案诉讼费由各方按继承份额负担", c.costs()))
	facts := func() {
		if cc.name == "共有物分割纠纷" {
			c.w("原、被告系", pick(r, "兄弟姐妹", "原夫妻", "朋友"), "关系，于", ym(c.pastDate(24, 200)), "共同出资购买了", c.ct.place(), house, "房屋，登记为按份共有/共同共有。")
			c.w("现因", pick(r, "双方关系恶化", "原告需要资金", "被告长期独占使用"), "，原告要求分割共有物，双方协商未果。")
		} else {
			c.w("被继承人", deceased, "于", ymd(c.pastDate(3, 120)), pick(r, "因病去世", "在家中去世", "在医院病逝"), "，", pick(r, "其配偶先于其去世。", "其配偶尚健在。", "生前未再婚。"))
			c.w("被继承人生前育有子女", cn(len(c.pl)+len(c.df)), "人，即原告", c.P(), "与被告", c.D(), "。")
			c.w("被继承人留有", c.ct.place(), house, "房屋一套", pick(r, "（不动产权证号：", "（房产证号："), c.ct.prov.abbr, "(", itoa(c.filed.Year()-between(r, 2, 20)), ")", c.ct.city.name, "不动产权第", itoa(between(r, 1000000, 9999999)), "号）", pick(r, "及银行存款若干", "、车辆一辆", "", "及宅基地房屋"), "。")
			if cc.name == "遗嘱继承纠纷" || chance(r, 0.2) {
				c.w("被继承人生前", pick(r, "立有自书遗嘱", "立有代书遗嘱", "在公证处办理了遗嘱公证", "留有录音遗嘱"), "，", pick(r, "将上述房屋留给原告。", "载明房屋由原告继承。"))
			} else {
				c.w("被继承人生前未立遗嘱，应按法定继承处理。")
			}
			c.w("现各方就遗产分割", pick(r, "协商不成", "发生争议", "无法达成一致"), "，原告诉至法院。")
		}
		if c.c.AppraisalNeeded {
			c.one("原告申请对涉案房屋进行价值评估。", "被告对遗嘱的真实性提出异议，需进行笔迹鉴定。", "需对房屋市场价值进行评估。")
		}
		c.signals([]string{"被告对遗嘱的真实性不予认可。", "被告主张其对被继承人尽了主要赡养义务，应多分遗产。", "部分继承人下落不明，遗产范围尚未查清。", "被告称该房屋系其出资建造，不属于遗产。"}, []string{"各继承人对遗产范围无异议。"})
	}
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第一千一百二十七条、第一千一百三十条")
}

func (c *rec) textOwnership() {
	r := c.r
	c.setAmount(0)
	thing := pick(r, "位于"+c.ct.place()+unitAddress(r)+"的房屋", "车牌号为"+c.ct.city.plate+"·"+plateTail(r)+"的小型轿车", "位于"+c.ct.place()+pick(r, "某村", "新村")+"的宅基地房屋", "位于"+address(r, &c.ct)+"的商铺")
	claims := []string{"确认" + thing + "归原告所有", pick(r, "判令被告协助原告办理产权变更登记手续", "判令被告配合办理过户手续"), c.costs()}
	facts := func() {
		c.w(dateVar(r, c.pastDate(24, 180)), "，原告", pick(r, "出资购买了", "全款购买", "借用被告名义购买了"), thing, "，", pick(r, "因原告当时不具备购房资格", "为办理贷款方便", "因原告户籍原因"), "，", "登记在被告", c.D0(), "名下。")
		c.w("上述", pick(r, "房屋", "财产"), "的购买款项、贷款及税费均由原告支付，", pick(r, "房屋一直由原告居住使用。", "原告实际占有使用至今。"))
		c.w("现被告", pick(r, "拒绝配合办理过户", "欲将该财产出售", "否认原告的权利"), "，原告为此诉至法院。")
		c.signals([]string{"被告主张该财产系其出资购买，原告仅为借款给被告。", "被告称双方之间系借名买房，但原告未支付全部购房款。"}, nil)
	}
	c.complaint("所有权确认纠纷", claims, facts, "《中华人民共和国民法典》第二百三十四条")
}

func (c *rec) textNeighbour(cc *civilCause, target float64) {
	r := c.r
	amt := int64(0)
	if target > 0 {
		amt = roundYuan(r, target) * 100
	}
	c.setAmount(amt)
	D := c.D0()
	claims := []string{}
	var facts func()
	switch x := r.IntN(4); {
	case cc.name == "返还原物纠纷":
		item := pick(r, "小型轿车一辆", "挖掘机一台", "黄金首饰若干", "营业执照及公章", "房屋钥匙", "养殖设备")
		claims = append(claims, "判令被告返还原告"+item)
		facts = func() {
			c.w(dateVar(r, c.pastDate(2, 24)), "，", pick(r, "原告将", "被告借用原告的", "被告擅自开走原告的"), item, pick(r, "借给被告使用", "", "交由被告保管"), "，", "此后原告多次要求返还，被告拒不返还。")
		}
	case x == 0:
		claims = append(claims, "判令被告拆除其在"+c.ct.place()+estate(r)+pick(r, "楼顶", "房屋北侧", "院内")+"搭建的"+pick(r, "彩钢棚", "违章建筑", "围墙", "阳光房"), "判令被告排除妨害，恢复原告房屋的通风、采光")
		facts = func() {
			c.w("原、被告系", pick(r, "前后邻居", "上下楼邻居", "相邻住户"), "。", dateVar(r, c.pastDate(2, 24)), "，被告", D, "在", pick(r, "其房屋北侧", "楼顶平台", "公共绿地"), pick(r, "私自搭建", "违规加盖", "修建"), pick(r, "彩钢棚", "二层建筑", "围墙", "阳光房"), "，", pick(r, "严重影响原告房屋的通风、采光", "堵塞了原告的通行道路", "导致雨水倒灌至原告房屋"), "。")
		}
	case x == 1:
		claims = append(claims, "判令被告对其房屋"+pick(r, "卫生间", "厨房", "阳台")+"漏水问题进行维修", "判令被告赔偿原告房屋装修损失")
		facts = func() {
			c.w("原告居住在", unitAddress(r), "，被告", D, "居住在原告楼上。", "自", ym(c.pastDate(2, 18)), "起，被告房屋", pick(r, "卫生间", "厨房", "阳台"), "持续漏水，导致原告房屋天花板、墙面发霉脱落，", pick(r, "木地板起拱变形", "家具受损", "无法正常居住"), "。")
			c.w("原告多次找被告及物业协调，被告拒不维修。")
			if c.c.AppraisalNeeded {
				c.one("原告申请对漏水原因及损失进行鉴定。", "需对房屋漏水原因进行司法鉴定。")
			}
		}
	default:
		claims = append(claims, "判令被告清除堆放在"+pick(r, "公共通道", "楼道", "原告门前道路")+"的杂物，恢复通行", "判令被告停止侵害")
		facts = func() {
			c.w("被告", D, "长期在", pick(r, "公共通道", "楼道", "原告家门前的村道"), "堆放", pick(r, "杂物", "建筑垃圾", "木料", "废品"), "，", pick(r, "影响原告正常通行", "存在消防安全隐患", "原告车辆无法进出"), "。原告多次要求其清理，被告置之不理。")
		}
	}
	c.c.NonMonetaryClaims = true
	if amt > 0 {
		claims = append(claims, "判令被告赔偿原告损失"+money(r, amt))
	}
	claims = append(claims, c.costs())
	inner := facts
	facts = func() {
		inner()
		c.signals([]string{"被告称该建筑系经村委会同意搭建，不构成侵权。", "被告否认漏水系其房屋所致，称系楼顶防水层老化。", "双方积怨已久，曾多次发生肢体冲突。", "被告称该通道系其自家宅基地范围。"}, nil)
	}
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第二百八十八条、第二百九十三条")
}

func (c *rec) textInsurance(cc *civilCause, target float64) {
	r := c.r
	amt := yuanToFen(math.Round(target))
	c.setAmount(amt)
	D := c.D0()
	subrogation := c.pl[0].Kind == org
	var claims []string
	facts := func() {
		when := c.pastDate(3, 30)
		if subrogation {
			c.w(dateVar(r, when), "，被告", D, pick(r, "驾驶", "的员工驾驶"), c.ct.city.plate, "·", plateTail(r), "号车辆与原告承保的", c.ct.city.plate, "·", plateTail(r), "号车辆发生碰撞，造成原告承保车辆受损。")
			c.w("经交警部门认定，被告方负事故", pick(r, "全部", "主要"), "责任。")
			c.w("原告依照保险合同约定向被保险人", alias(personName(r, chance(r, 0.5)), c.style), "赔付了车辆损失", plainMoney(amt), "，依法取得代位求偿权。")
			if len(c.df) > 1 {
				c.w("被告", c.name(c.df[1]), "系肇事车辆的交强险及商业三者险承保人。")
			}
		} else {
			c.w("原告于", ymd(when.AddDate(-between(r, 0, 3), 0, 0)), "向被告", D, "投保了", pick(r, "重大疾病保险", "意外伤害保险", "百万医疗险", "机动车损失保险", "家庭财产保险", "养殖保险"), "，保险金额", plainMoney(amt*int64(between(r, 1, 4))), "，原告按期缴纳了保险费。")
			c.w(dateVar(r, when), "，原告", pick(r, "因病住院治疗，被确诊为"+pick(r, "甲状腺恶性肿瘤", "急性心肌梗死", "脑梗死", "乳腺癌"), "因意外摔伤致左腿骨折", "投保车辆发生单方事故受损", "养殖的生猪因疫病死亡"), "，向被告申请理赔，")
			c.w("被告以", pick(r, "原告投保前未如实告知既往病史", "不属于保险责任范围", "事故发生时驾驶人无有效驾驶证", "原告未在规定期限内报案"), "为由拒绝赔付。")
		}
		if c.c.AppraisalNeeded {
			c.one("被告对定损金额有异议，需对车辆损失进行评估鉴定。", "需对原告的伤残等级进行鉴定以确定保险金数额。")
		}
		c.signals([]string{"被告认为保险条款中的免责条款已经履行提示说明义务。", "被告对定损金额及维修费用的合理性提出异议。", "被告称原告投保时隐瞒了病史，保险合同应予解除。"}, []string{"被告对事故经过无异议。"})
	}
	if subrogation {
		claims = []string{pick(r, "判令被告赔偿原告保险代位求偿款", "判令被告向原告支付代位赔偿款", "判令被告赔偿原告") + money(r, amt)}
	} else {
		claims = []string{pick(r, "判令被告支付保险金", "判令被告向原告支付保险理赔款", "判令被告按照保险合同约定赔付") + money(r, amt)}
	}
	claims = append(claims, c.costs())
	law := "《中华人民共和国保险法》第六十条"
	if !subrogation {
		law = "《中华人民共和国保险法》第二十三条"
	}
	c.complaint(cc.name, claims, facts, law)
}

func (c *rec) textHouse(cc *civilCause, target float64) {
	r := c.r
	D := c.D0()
	amt := int64(0)
	if target > 0 {
		amt = roundYuan(r, target) * 100
	}
	c.setAmount(amt)
	var claims []string
	var facts func()
	if cc.name == "商品房预售合同纠纷" {
		price := int64(between(r, 60, 400)) * 1000000
		days := between(r, 60, 700)
		claims = nil
		if amt > 0 {
			claims = append(claims, pick(r, "判令被告支付逾期交房违约金", "判令被告支付逾期办理不动产权证的违约金", "判令被告按日万分之"+cn(between(r, 1, 5))+"支付违约金")+money(r, amt))
		}
		if amt == 0 || chance(r, 0.2) {
			claims = append(claims, "判令被告交付房屋并协助原告办理不动产权证")
			c.c.NonMonetaryClaims = true
		}
		facts = func() {
			c.w(dateVar(r, c.pastDate(24, 72)), "，原告", c.plainName(), pick(r, "与被告", "分别与被告"), D, "签订《商品房买卖合同（预售）》，购买", estate(r), "房屋", pick(r, "一套", ""), "，总价款", plainMoney(price), "。")
			c.w("合同约定被告应于", ymd(c.pastDate(6, 30)), "前交付房屋，逾期交付的按日支付已付房款万分之", cn(between(r, 1, 5)), "的违约金。")
			c.w("原告依约支付了购房款，但被告", pick(r, "逾期"+itoa(days)+"天才交付房屋", "至今未交付房屋", "交付后逾期未办理产权证"), "。")
			if len(c.pl) >= 10 {
				c.w("同小区多名业主遭遇相同情况，", pick(r, "多次集体与开发商交涉未果。", "业主曾集体上访反映问题。"))
			}
			c.signals([]string{"被告称延期交房系因疫情等不可抗力所致，应予免责。", "被告认为违约金约定过高，请求予以调减。", "被告称交付的房屋存在面积差异，双方对差价结算存在争议。"}, nil)
		}
	} else {
		price := int64(between(r, 40, 600)) * 1000000
		claims = []string{}
		if amt == 0 || chance(r, 0.3) {
			claims = append(claims, pick(r, "判令被告继续履行房屋买卖合同，协助原告办理房屋过户手续", "解除原被告签订的《房屋买卖合同》", "判令被告腾退房屋并交付原告"))
			c.c.NonMonetaryClaims = true
		}
		if amt > 0 {
			claims = append(claims, pick(r, "判令被告返还购房款", "判令被告双倍返还定金", "判令被告支付违约金", "判令被告支付剩余购房款")+money(r, amt))
		}
		facts = func() {
			c.w(dateVar(r, c.pastDate(4, 30)), "，原告与被告", D, pick(r, "经中介公司居间", "自行协商"), "签订《", pick(r, "存量房买卖合同", "房屋买卖合同", "二手房买卖协议"), "》，约定被告将其名下位于", unitAddress(r), "的房屋以", plainMoney(price), "的价格出售给原告。")
			c.w("合同签订后，原告支付了定金", plainMoney(price/20), pick(r, "及首付款。", "。"), pick(r, "后因房价上涨，被告拒绝继续履行合同。", "但被告以家人不同意为由拒绝办理过户。", "后原告因限购政策无法办理贷款，要求解除合同。", "被告未按约腾退房屋。"))
			c.signals([]string{"被告称房屋系夫妻共同财产，其配偶不同意出售。", "双方对违约责任的归属存在较大争议。", "被告称该房屋已设定抵押，无法办理过户。"}, nil)
		}
	}
	claims = append(claims, c.costs())
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第五百七十七条、第五百八十五条")
}

func (c *rec) textTort(cc *civilCause, target float64) {
	r := c.r
	D := c.D0()
	amt := roundYuan(r, target) * 100
	if target == 0 {
		amt = 0
	}
	c.setAmount(amt)
	var claims []string
	var facts func()
	if cc.name == "名誉权纠纷" {
		c.c.NonMonetaryClaims = true
		claims = []string{"判令被告立即删除其在" + pick(r, "微信群", "抖音", "微博", "朋友圈", "业主群") + "发布的侵权言论", "判令被告在" + pick(r, "同一平台", "相关微信群") + "公开赔礼道歉、消除影响、恢复名誉"}
		if amt > 0 {
			claims = append(claims, "判令被告赔偿原告精神损害抚慰金"+money(r, amt))
		}
		facts = func() {
			c.w(dateVar(r, c.pastDate(1, 12)), "起，被告", D, "在", pick(r, "微信群", "抖音账号", "微博", "朋友圈", "小区业主群"), "多次发布", pick(r, "原告欠钱不还、人品低劣", "原告与他人有不正当关系", "原告销售假货", "原告系骗子"), "等不实言论，", "并配有原告照片，", pick(r, "浏览量达数千次", "在当地广泛传播", "引起他人议论"), "，严重损害了原告的名誉。")
			c.signals([]string{"被告称其发布的内容属实，系正当维权。", "被告否认相关账号为其本人使用。"}, nil)
		}
	} else {
		claims = []string{pick(r, "判令被告赔偿原告财产损失", "判令被告赔偿原告车辆维修费等损失", "判令被告赔偿原告经济损失") + money(r, amt)}
		facts = func() {
			c.w(dateVar(r, c.pastDate(2, 24)), "，", pick(r,
				"被告在装修房屋时违规施工，导致原告房屋墙体开裂",
				"被告饲养的牛羊进入原告承包地，毁坏了原告种植的农作物",
				"被告驾驶挖掘机施工时挖断了原告铺设的管道",
				"被告经营的饭店发生火灾，火势蔓延至原告的店铺",
				"被告从楼上抛掷物品，砸坏了原告停放在楼下的车辆",
				"被告擅自砍伐了原告种植的树木"), "，给原告造成损失。")
			if c.c.AppraisalNeeded {
				c.one("原告申请对财产损失价值进行评估。", "需对房屋受损原因及修复费用进行鉴定。", "原告已委托评估机构对损失进行评估，被告对评估结论不予认可。")
			}
			c.demand()
			c.signals([]string{"被告否认损害系其行为造成。", "被告对损失金额有异议。", "双方对火灾原因存在争议。"}, nil)
		}
	}
	claims = append(claims, c.costs())
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第一千一百六十五条、第一千一百八十四条")
}

func (c *rec) textCommercial(cc *civilCause, target float64) {
	r := c.r
	amt := int64(0)
	if target > 0 {
		amt = roundYuan(r, target) * 100
	}
	c.setAmount(amt)
	co := companyName(r, &c.ct, "")
	var claims []string
	var facts func()
	if cc.name == "股权转让纠纷" {
		pct := pick(r, 10, 20, 30, 35, 49, 51, 60, 100)
		price := amt + amt/int64(between(r, 2, 6))
		if price == 0 { // the claim is for the transfer registration only
			price = int64(between(r, 10, 500)) * 10000_00
		}
		if amt > 0 {
			claims = append(claims, "判令被告"+c.D0()+"支付股权转让款"+money(r, amt))
		}
		if amt == 0 || chance(r, 0.3) {
			claims = append(claims, pick(r, "判令被告配合办理股权变更登记手续", "确认原被告签订的《股权转让协议》已解除"))
			c.c.NonMonetaryClaims = true
		}
		facts = func() {
			c.w(dateVar(r, c.pastDate(6, 48)), "，原告与被告", c.D0(), "签订《股权转让协议》，约定原告将其持有的", co, itoa(pct), "%股权转让给被告，", "转让价款", plainMoney(price), "，分", cn(between(r, 2, 4)), "期支付。")
			c.w("协议签订后，原告依约办理了股权变更登记，但被告仅支付了部分转让款，余款至今未付。")
			c.signals([]string{"被告称原告隐瞒了目标公司的对外债务，转让价款应予调整。", "被告主张原告违反了竞业限制承诺。", "双方对目标公司的资产价值存在重大分歧，需进行审计评估。"}, nil)
		}
	} else {
		if amt > 0 {
			claims = append(claims, pick(r, "判令被告返还原告合伙投资款", "判令被告支付合伙盈余分配款", "判令被告向原告支付合伙财产分割款")+money(r, amt))
		}
		claims = append(claims, pick(r, "判令对原被告的合伙账目进行清算", "解除原被告之间的合伙关系"))
		c.c.NonMonetaryClaims = true
		facts = func() {
			c.w(dateVar(r, c.pastDate(12, 72)), "，原告与被告", c.D0(), "签订《合伙协议》，约定共同出资经营", pick(r, "饭店", "养殖场", "建材店", "KTV", "装修工程", "物流公司"), "，原告出资", plainMoney(amt/2+100000), "，按出资比例分配利润。")
			c.w("经营期间，账目一直由被告掌管，", pick(r, "被告拒绝向原告公开账目", "被告擅自处分合伙财产", "合伙经营发生亏损后被告单方停业"), "。现合伙已无法继续，原告要求结算。")
			c.signals([]string{"双方对合伙期间的收支账目存在重大争议，需进行审计。", "被告称原告未足额出资。", "被告主张合伙已经亏损，原告应分担债务。"}, nil)
		}
	}
	claims = append(claims, c.costs())
	if c.c.AppraisalNeeded {
		inner := facts
		facts = func() {
			inner()
			c.one("原告申请对合伙期间的财务账目进行司法审计。", "需对目标公司股权价值进行评估。")
		}
	}
	c.complaint(cc.name, claims, facts, "《中华人民共和国民法典》第九百六十九条、第九百七十八条")
}
