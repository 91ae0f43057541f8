package corpus

import (
	"math"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// family groups civil causes that share party structures and text shapes.
type family int

const (
	famLoan family = iota
	famBankLoan
	famCard
	famRecourse
	famContract
	famTraffic
	famInjury
	famMedical
	famDivorce
	famMaintenance
	famPostDivorce
	famLabour
	famPropertyFee
	famTenancy
	famConstruction
	famUnjust
	famInherit
	famOwnership
	famNeighbour
	famInsurance
	famHouse
	famTort
	famCommercial
	// famConsumer is not a text family: consumer cases (online shopping,
	// training courses) use famContract's texts but their own background
	// sentences and evidence.
	famConsumer
	famUtility // heat and water supply: famPropertyFee's texts, own background
)

// civilCause is one cause of the civil mix with its share and the
// parameters of its claims and complexity.
type civilCause struct {
	name   string
	weight float64 // share of civil filings, in percent
	fam    family
	// median and sigma of the money claimed (yuan) when there is a claim;
	// generative families (traffic, fees, wages…) build the amount from its
	// parts, and median is then what those parts give, as the tests check.
	median, sigma float64
	pZero         float64 // share of filings with no money claim
	// base shifts the latent complexity: credit-card and property-fee cases
	// are routine, construction and medical cases are not.
	base     float64
	pAppr    float64 // rate of appraisal_needed (at mean difficulty)
	pCounter float64 // rate of counterclaims
	pAbsent  float64 // rate of a defendant whose whereabouts are unknown
}

// civilCauses is the civil mix of a basic court's first-instance docket
// (shares from published court statistics, rounded): loans, financial and
// credit-card cases and contracts dominate; divorce is sizeable.
var civilCauses = []*civilCause{
	{"民间借贷纠纷", 12.5, famLoan, 80000, 1.15, 0, 0.1, 0.03, 0.03, 0.06},
	{"企业借贷纠纷", 0.3, famLoan, 600000, 1.0, 0, 0.9, 0.05, 0.05, 0.02},
	{"金融借款合同纠纷", 11, famBankLoan, 120000, 1.1, 0, -0.7, 0.01, 0.005, 0.08},
	{"小额借款合同纠纷", 3, famBankLoan, 15000, 0.8, 0, -1.0, 0, 0, 0.08},
	{"借款合同纠纷", 1, famBankLoan, 150000, 1.1, 0, -0.3, 0.01, 0.01, 0.06},
	{"融资租赁合同纠纷", 0.9, famBankLoan, 150000, 1.0, 0, 0.1, 0.03, 0.02, 0.05},
	{"信用卡纠纷", 9, famCard, 35000, 0.6, 0, -1.2, 0, 0, 0.10},
	{"追偿权纠纷", 2, famRecourse, 70000, 0.9, 0, -0.4, 0.01, 0.01, 0.06},
	{"保证合同纠纷", 0.5, famRecourse, 200000, 1.0, 0, 0.2, 0.01, 0.02, 0.04},
	{"买卖合同纠纷", 8.5, famContract, 90000, 1.2, 0.02, 0.1, 0.05, 0.05, 0.03},
	{"承揽合同纠纷", 1.4, famContract, 60000, 1.0, 0, 0.3, 0.12, 0.07, 0.02},
	{"加工合同纠纷", 0.3, famContract, 70000, 1.0, 0, 0.3, 0.10, 0.06, 0.02},
	{"服务合同纠纷", 2.5, famContract, 15000, 1.0, 0.02, -0.2, 0.02, 0.02, 0.03},
	{"装饰装修合同纠纷", 1.1, famContract, 40000, 0.9, 0.02, 0.6, 0.25, 0.10, 0.02},
	{"运输合同纠纷", 0.6, famContract, 30000, 1.0, 0, -0.1, 0.02, 0.03, 0.02},
	{"委托合同纠纷", 0.5, famContract, 50000, 1.1, 0.05, 0.3, 0.02, 0.04, 0.02},
	{"网络购物合同纠纷", 0.8, famContract, 5000, 1.0, 0, -0.5, 0.02, 0, 0.01},
	{"教育培训合同纠纷", 0.6, famContract, 12000, 0.8, 0, -0.5, 0, 0.01, 0.01},
	{"中介合同纠纷", 0.3, famContract, 20000, 0.9, 0, -0.1, 0, 0.02, 0.01},
	{"债权转让合同纠纷", 0.5, famContract, 80000, 1.0, 0, 0.2, 0.01, 0.01, 0.05},
	{"机动车交通事故责任纠纷", 6.5, famTraffic, 70000, 0, 0, 0.2, 0.32, 0.01, 0.02},
	{"生命权、身体权、健康权纠纷", 2, famInjury, 60000, 0, 0, 0.4, 0.30, 0.03, 0.02},
	{"提供劳务者受害责任纠纷", 0.8, famInjury, 70000, 0, 0, 0.6, 0.40, 0.01, 0.02},
	{"饲养动物损害责任纠纷", 0.3, famInjury, 7500, 0, 0, 0, 0.05, 0.01, 0.01},
	{"医疗损害责任纠纷", 0.5, famMedical, 300000, 0.9, 0, 2.0, 0.85, 0, 0},
	{"离婚纠纷", 8.5, famDivorce, 200000, 1.0, 0.62, 0, 0.03, 0.02, 0.07},
	{"抚养费纠纷", 0.9, famMaintenance, 55000, 0, 0, -0.3, 0.01, 0, 0.03},
	{"赡养费纠纷", 0.4, famMaintenance, 50000, 0, 0, -0.1, 0, 0, 0.02},
	{"离婚后财产纠纷", 0.6, famPostDivorce, 200000, 1.0, 0.3, 0.8, 0.25, 0.05, 0.02},
	{"劳动争议", 3, famLabour, 55000, 0, 0.05, 0.2, 0.02, 0.01, 0.01},
	{"追索劳动报酬纠纷", 2, famLabour, 45000, 0, 0, -0.1, 0.01, 0, 0.03},
	{"劳务合同纠纷", 1.8, famLabour, 33000, 0, 0, -0.2, 0.01, 0.01, 0.03},
	{"经济补偿金纠纷", 0.4, famLabour, 75000, 0, 0, 0, 0, 0, 0.01},
	{"确认劳动关系纠纷", 0.3, famLabour, 0, 0, 1, 0.5, 0, 0, 0.01},
	{"物业服务合同纠纷", 5, famPropertyFee, 7000, 0, 0, -1.3, 0, 0.005, 0.03},
	{"供用热力合同纠纷", 0.7, famPropertyFee, 9500, 0, 0, -1.2, 0, 0, 0.03},
	{"供用水合同纠纷", 0.2, famPropertyFee, 1300, 0, 0, -1.2, 0, 0, 0.03},
	{"房屋租赁合同纠纷", 3, famTenancy, 30000, 1.0, 0.08, 0, 0.03, 0.06, 0.05},
	{"租赁合同纠纷", 1.5, famTenancy, 50000, 1.0, 0.03, 0.1, 0.03, 0.04, 0.03},
	{"车辆租赁合同纠纷", 0.3, famTenancy, 15000, 0.8, 0.05, -0.2, 0.05, 0.02, 0.04},
	{"建设工程施工合同纠纷", 2.5, famConstruction, 800000, 1.2, 0, 1.5, 0.45, 0.12, 0.01},
	{"建设工程分包合同纠纷", 0.4, famConstruction, 400000, 1.1, 0, 1.3, 0.40, 0.10, 0.01},
	{"不当得利纠纷", 1.5, famUnjust, 50000, 1.1, 0, 0, 0.01, 0.01, 0.08},
	{"法定继承纠纷", 1.2, famInherit, 300000, 1.0, 0.6, 0.9, 0.25, 0.02, 0.03},
	{"遗嘱继承纠纷", 0.3, famInherit, 400000, 1.0, 0.6, 1.1, 0.35, 0.02, 0.02},
	{"共有物分割纠纷", 0.3, famInherit, 300000, 1.0, 0.7, 0.8, 0.30, 0.02, 0.02},
	{"所有权确认纠纷", 0.5, famOwnership, 0, 0, 1, 0.8, 0.05, 0.04, 0.03},
	{"相邻关系纠纷", 0.5, famNeighbour, 8000, 0.9, 0.65, 0.6, 0.30, 0.05, 0},
	{"排除妨害纠纷", 0.5, famNeighbour, 10000, 0.9, 0.75, 0.3, 0.10, 0.03, 0.02},
	{"返还原物纠纷", 0.3, famNeighbour, 20000, 1.0, 0.6, 0.2, 0.05, 0.02, 0.03},
	{"财产保险合同纠纷", 1.2, famInsurance, 30000, 1.0, 0, -0.3, 0.10, 0, 0.02},
	{"保险纠纷", 0.3, famInsurance, 40000, 1.0, 0, 0, 0.15, 0, 0.01},
	{"人身保险合同纠纷", 0.5, famInsurance, 60000, 1.0, 0, 0.3, 0.10, 0, 0},
	{"房屋买卖合同纠纷", 1, famHouse, 500000, 1.0, 0.35, 0.6, 0.10, 0.08, 0.02},
	{"商品房预售合同纠纷", 0.6, famHouse, 40000, 0.9, 0.15, 0.4, 0.05, 0.02, 0},
	{"财产损害赔偿纠纷", 1, famTort, 20000, 1.0, 0, 0.1, 0.30, 0.02, 0.02},
	{"名誉权纠纷", 0.3, famTort, 20000, 0.8, 0.25, 0.6, 0.02, 0.02, 0.01},
	{"股权转让纠纷", 0.4, famCommercial, 1000000, 1.2, 0.2, 1.6, 0.15, 0.08, 0.02},
	{"合伙合同纠纷", 0.5, famCommercial, 200000, 1.0, 0.1, 1.2, 0.25, 0.10, 0.02},
	// Fourth calibration: causes real courts file under the catalogue's
	// broader names (rules/catalogue/civil.json), which the corpus never
	// wrote — 劳动合同纠纷, 继承纠纷, 侵权责任纠纷 and 银行卡纠纷 are 8 of the
	// 48 real civil filings. Each takes the figures of its nearest specific
	// cause above (劳动争议, 法定继承纠纷, 财产损害赔偿纠纷, 信用卡纠纷).
	{"劳动合同纠纷", 1.5, famLabour, 55000, 0, 0.05, 0.2, 0.02, 0.01, 0.01},
	{"继承纠纷", 0.5, famInherit, 300000, 1.0, 0.6, 0.9, 0.25, 0.02, 0.03},
	{"侵权责任纠纷", 0.6, famTort, 20000, 1.0, 0, 0.3, 0.2, 0.02, 0.02},
	{"银行卡纠纷", 1.0, famCard, 35000, 0.6, 0, -1.2, 0, 0, 0.10},
}

func civilTable() []choice[*civilCause] {
	out := make([]choice[*civilCause], len(civilCauses))
	for i, c := range civilCauses {
		out[i] = choice[*civilCause]{c.weight, c}
	}
	return out
}

// Civil court level: basic courts hear almost all civil first instance
// since the 2021 jurisdiction reform; intermediate courts get the large,
// foreign-related or commercial cases.
const civilIntermediate = 0.035

func (g *generator) civilRecord(c *rec, i int, cc *civilCause) (triagev1.Procedure, error) {
	r := c.r
	c.fam = cc.fam
	switch cc.name {
	case "网络购物合同纠纷", "教育培训合同纠纷":
		c.fam = famConsumer
	case "供用热力合同纠纷", "供用水合同纠纷":
		c.fam = famUtility
	}
	pInterm := civilIntermediate
	if cc.fam == famCommercial || cc.fam == famConstruction || cc.name == "企业借贷纠纷" {
		pInterm = 0.15
	}
	c.ct = drawCourt(r, g.provs, pInterm)
	c.setCommon(triagev1.CaseKind_CASE_KIND_CIVIL, i, "民初", cc.name)

	c.civilParties(cc)
	c.civilCircumstances(cc)
	c.detail = int(clamp(math.Round(1.5+0.9*c.u+0.8*r.NormFloat64()), 0, 3))
	// The hidden dispute: more likely in difficult cases and difficult causes.
	c.contested = chance(r, sigmoid(-1.1+0.9*c.u+0.5*cc.base))
	c.drawComplications(cc)

	target := 0.0
	if cc.median > 0 && !chance(r, cc.pZero) {
		target = lognormal(r, cc.median, cc.sigma)
		if c.f.CourtLevel == triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE {
			target *= 8 // the cases that reach an intermediate court are bigger
		}
	}
	c.civilText(cc, target)
	if c.f.ClaimAmountFen == 0 {
		// A filing that claims no money asks for something else.
		c.c.NonMonetaryClaims = true
	}
	c.agreeSmallClaims()
	c.finishText()
	c.noteShown()
	a, err := c.eng.Evaluate(c.f)
	if err != nil {
		return 0, err
	}
	label := c.civilLabel(cc, a)
	if !allowed(a, label) {
		return 0, errUnavailable
	}
	return label, nil
}

const (
	plaintiff = triagev1.PartyRole_PARTY_ROLE_PLAINTIFF
	defendant = triagev1.PartyRole_PARTY_ROLE_DEFENDANT
	third     = triagev1.PartyRole_PARTY_ROLE_THIRD_PARTY
	person    = triagev1.PartyKind_PARTY_KIND_PERSON
	org       = triagev1.PartyKind_PARTY_KIND_ORGANIZATION
)

// person adds a natural person; foreign with the given probability.
func (c *rec) person(role triagev1.PartyRole, female bool, pForeign float64) *triagev1.Party {
	var p *triagev1.Party
	if chance(c.r, pForeign) {
		p = c.addParty(role, person, pick(c.r, foreignNames...))
		p.Foreign = true
	} else {
		p = c.addParty(role, person, personName(c.r, female))
	}
	c.female[len(c.female)-1] = female
	return p
}

func (c *rec) company(role triagev1.PartyRole, industry string) *triagev1.Party {
	return c.addParty(role, org, companyName(c.r, &c.ct, industry))
}

// civilParties builds the party structure typical of the cause's family.
func (c *rec) civilParties(cc *civilCause) {
	r := c.r
	if build := partyBuilders[cc.fam]; build != nil {
		build(c, cc)
	}
	// 下落不明: the defendant cannot be found (common in credit-card, loan
	// and divorce cases), which bars small claims and simplified procedure.
	if chance(r, cc.pAbsent) {
		for _, p := range c.df {
			if p.Kind == person {
				p.WhereaboutsUnknown = true
				break
			}
		}
	}
}

// pf is the rate of a foreign or HK/Macao/Taiwan party (涉外): rare at basic
// courts.
const pf = 0.006

// partyBuilders builds the party structure typical of each family: one
// function per family, each holding its own odds (who sues, how many
// defendants, guarantors and spouses), drawn in a fixed order so a seed
// always gives the same parties. Families without an entry (famConsumer,
// famUtility) are never a cause's family: they are set later, for texts.
var partyBuilders = map[family]func(*rec, *civilCause){
	famLoan:         (*rec).partiesLoan,
	famBankLoan:     (*rec).partiesBankLoan,
	famCard:         (*rec).partiesCard,
	famRecourse:     (*rec).partiesRecourse,
	famContract:     (*rec).partiesContract,
	famTraffic:      (*rec).partiesTraffic,
	famInjury:       (*rec).partiesInjury,
	famMedical:      (*rec).partiesMedical,
	famDivorce:      (*rec).partiesDivorce,
	famMaintenance:  (*rec).partiesMaintenance,
	famPostDivorce:  (*rec).partiesPostDivorce,
	famLabour:       (*rec).partiesLabour,
	famPropertyFee:  (*rec).partiesPropertyFee,
	famTenancy:      (*rec).partiesTenancy,
	famConstruction: (*rec).partiesConstruction,
	famUnjust:       (*rec).partiesUnjust,
	famInherit:      (*rec).partiesKin,
	famOwnership:    (*rec).partiesKin,
	famNeighbour:    (*rec).partiesNeighbour,
	famInsurance:    (*rec).partiesInsurance,
	famHouse:        (*rec).partiesHouse,
	famTort:         (*rec).partiesTort,
	famCommercial:   (*rec).partiesCommercial,
}

// coin is a fair draw: a party's sex where the cause says nothing of it.
func (c *rec) coin() bool { return chance(c.r, 0.5) }

func (c *rec) partiesLoan(cc *civilCause) {
	r := c.r
	if cc.name == "企业借贷纠纷" {
		c.company(plaintiff, "")
		c.company(defendant, "")
		if chance(r, 0.5) {
			c.person(defendant, false, 0)
		}
		return
	}
	if chance(r, 0.06) {
		c.company(plaintiff, "")
	} else {
		c.person(plaintiff, c.coin(), pf)
	}
	fem := chance(r, 0.3)
	c.person(defendant, fem, pf)
	if chance(r, 0.3) { // spouse: 夫妻共同债务
		c.person(defendant, !fem, 0)
	}
	if chance(r, 0.12) { // guarantor
		c.person(defendant, c.coin(), 0)
	}
}

func (c *rec) partiesBankLoan(cc *civilCause) {
	r := c.r
	switch cc.name {
	case "小额借款合同纠纷":
		c.addParty(plaintiff, org, pick(r, onlineLenders...))
	case "融资租赁合同纠纷":
		c.addParty(plaintiff, org, c.ct.prov.short+pick(r, brandChars...)+pick(r, brandChars...)+"融资租赁有限公司")
	default:
		c.addParty(plaintiff, org, bank(r, &c.ct))
	}
	if chance(r, 0.18) && cc.name != "小额借款合同纠纷" {
		c.company(defendant, "")
		for range between(r, 1, 2) {
			c.person(defendant, c.coin(), 0)
		}
	} else {
		c.person(defendant, c.coin(), pf/2)
		if cc.name != "小额借款合同纠纷" {
			if chance(r, 0.2) {
				c.person(defendant, c.coin(), 0)
			}
			if chance(r, 0.15) {
				c.addParty(defendant, org, c.ct.city.name[:len(c.ct.city.name)-3]+pick(r, brandChars...)+pick(r, brandChars...)+pick(r, guaranteeFirms...))
			}
		}
	}
}

func (c *rec) partiesCard(cc *civilCause) {
	r := c.r
	if chance(r, 0.7) {
		c.addParty(plaintiff, org, pick(r, cardCentres...))
	} else {
		c.addParty(plaintiff, org, bank(r, &c.ct))
	}
	c.person(defendant, c.coin(), pf/2)
}

func (c *rec) partiesRecourse(cc *civilCause) {
	r := c.r
	if chance(r, 0.7) {
		c.addParty(plaintiff, org, c.ct.city.name[:len(c.ct.city.name)-3]+pick(r, brandChars...)+pick(r, brandChars...)+pick(r, guaranteeFirms...))
	} else {
		c.person(plaintiff, c.coin(), 0)
	}
	for range between(r, 1, 3) {
		c.person(defendant, c.coin(), 0)
	}
}

func (c *rec) partiesContract(cc *civilCause) {
	r := c.r
	switch cc.name {
	case "网络购物合同纠纷", "教育培训合同纠纷":
		c.person(plaintiff, c.coin(), 0)
		c.company(defendant, pick(r, "网络科技", "电子商务", "教育咨询", "文化传播"))
	case "装饰装修合同纠纷":
		if chance(r, 0.5) {
			c.company(plaintiff, "装饰工程")
			c.person(defendant, c.coin(), 0)
		} else {
			c.person(plaintiff, c.coin(), 0)
			c.company(defendant, "装饰工程")
		}
	default:
		if chance(r, 0.6) {
			c.company(plaintiff, "")
		} else {
			c.person(plaintiff, c.coin(), pf)
		}
		if chance(r, 0.55) {
			c.company(defendant, "")
			if chance(r, 0.15) { // the shareholder of a one-person company
				c.person(defendant, c.coin(), 0)
			}
		} else {
			c.person(defendant, c.coin(), pf)
			if chance(r, 0.1) {
				c.addParty(defendant, org, soleTrader(r, &c.ct))
			}
		}
	}
}

func (c *rec) partiesTraffic(cc *civilCause) {
	r := c.r
	n := 1
	if chance(r, 0.08) { // a death: the close relatives sue
		c.extra = 1.2
		n = between(r, 2, 5)
	}
	for range n {
		c.person(plaintiff, c.coin(), pf/2)
	}
	c.person(defendant, chance(r, 0.25), pf/2)
	if chance(r, 0.35) { // the owner or the driver's employer
		if chance(r, 0.5) {
			c.company(defendant, pick(r, "物流", "汽车销售", "建筑工程", "商贸"))
		} else {
			c.person(defendant, c.coin(), 0)
		}
	}
	c.addParty(defendant, org, insurer(r, &c.ct))
	if chance(r, 0.18) { // compulsory and commercial cover with different insurers
		c.addParty(defendant, org, insurer(r, &c.ct))
	}
}

func (c *rec) partiesInjury(cc *civilCause) {
	r := c.r
	c.person(plaintiff, c.coin(), pf/2)
	switch cc.name {
	case "提供劳务者受害责任纠纷":
		c.person(defendant, false, 0)
		if chance(r, 0.4) {
			c.company(defendant, "建筑工程")
		}
	default:
		if chance(r, 0.25) {
			c.company(defendant, pick(r, "商贸", "酒店管理", "餐饮管理", "物业管理"))
		} else {
			for range between(r, 1, 2) {
				c.person(defendant, c.coin(), 0)
			}
		}
	}
}

func (c *rec) partiesMedical(cc *civilCause) {
	r := c.r
	n := 1
	if chance(r, 0.3) {
		n = between(r, 2, 4)
		c.extra = 1
	}
	for range n {
		c.person(plaintiff, c.coin(), 0)
	}
	c.addParty(defendant, org, c.ct.place()+pick(r, "人民医院", "中医院", "第一人民医院", "妇幼保健院")+"")
	if chance(r, 0.25) {
		c.addParty(defendant, org, c.ct.city.name+pick(r, "第二人民医院", "中心医院", "第三医院"))
	}
}

func (c *rec) partiesDivorce(cc *civilCause) {
	r := c.r
	fem := chance(r, 0.7) // women file most divorces
	c.person(plaintiff, fem, pf)
	c.person(defendant, !fem, pf)
}

func (c *rec) partiesMaintenance(cc *civilCause) {
	r := c.r
	c.person(plaintiff, c.coin(), 0)
	if cc.name == "抚养费纠纷" { // mostly the father who stopped paying
		c.person(defendant, chance(r, 0.15), 0)
		return
	}
	n := 1
	if cc.name == "赡养费纠纷" {
		n = between(r, 1, 4)
	}
	sur := surnameOf(c.nameRaw(c.pl[0]))
	for range n {
		if cc.name == "赡养费纠纷" && chance(r, 0.7) { // the parent's children
			fem := c.coin()
			c.addParty(defendant, person, sur+given(r, fem))
			c.female[len(c.female)-1] = fem
			continue
		}
		c.person(defendant, c.coin(), 0)
	}
}

func (c *rec) partiesPostDivorce(cc *civilCause) {
	r := c.r
	fem := chance(r, 0.6)
	c.person(plaintiff, fem, pf)
	c.person(defendant, !fem, 0)
}

func (c *rec) partiesLabour(cc *civilCause) {
	r := c.r
	switch {
	case cc.name == "劳动争议" && chance(r, 0.3): // employer sues after losing the arbitration
		c.company(plaintiff, "")
		c.person(defendant, c.coin(), 0)
	case cc.name == "追索劳动报酬纠纷" && chance(r, 0.12):
		n := between(r, 2, 9)
		if chance(r, 0.35) { // a crew of workers: 人数众多
			n = between(r, 10, 30)
		}
		for range n {
			c.person(plaintiff, chance(r, 0.15), 0)
		}
		c.company(defendant, pick(r, "建筑工程", "劳务", "装饰工程"))
		if chance(r, 0.5) {
			c.person(defendant, false, 0) // the labour contractor (包工头)
		}
	case cc.name == "劳务合同纠纷":
		c.person(plaintiff, chance(r, 0.3), 0)
		if chance(r, 0.5) {
			c.person(defendant, false, 0)
		} else {
			c.company(defendant, "")
		}
	default:
		c.person(plaintiff, c.coin(), pf/2)
		c.company(defendant, "")
		if chance(r, 0.12) {
			c.company(defendant, "人力资源") // labour dispatch
		}
	}
}

func (c *rec) partiesPropertyFee(cc *civilCause) {
	r := c.r
	switch cc.name {
	case "物业服务合同纠纷":
		c.company(plaintiff, "物业管理")
	case "供用热力合同纠纷":
		c.company(plaintiff, "热力")
	default:
		c.company(plaintiff, "自来水")
	}
	c.person(defendant, c.coin(), pf/2)
	if chance(r, 0.3) {
		c.person(defendant, c.coin(), 0)
	}
}

func (c *rec) partiesTenancy(cc *civilCause) {
	r := c.r
	if chance(r, 0.75) { // landlord sues for rent
		if cc.name == "房屋租赁合同纠纷" && chance(r, 0.6) {
			c.person(plaintiff, c.coin(), pf)
		} else {
			c.company(plaintiff, pick(r, "建材", "机械设备", "汽车销售", "房地产开发", "商贸"))
		}
		if chance(r, 0.5) {
			c.company(defendant, "")
		} else {
			c.person(defendant, c.coin(), pf)
		}
	} else {
		c.person(plaintiff, c.coin(), pf)
		c.person(defendant, c.coin(), 0)
	}
}

func (c *rec) partiesConstruction(cc *civilCause) {
	r := c.r
	if chance(r, 0.45) { // 实际施工人
		c.person(plaintiff, false, 0)
	} else {
		c.company(plaintiff, pick(r, "建筑工程", "钢结构", "装饰工程", "建设"))
	}
	for range between(r, 1, 3) {
		c.company(defendant, pick(r, "建筑工程", "房地产开发", "建设", ""))
	}
	if chance(r, 0.1) {
		c.company(third, "房地产开发")
	}
	if chance(r, 0.012) {
		for range between(r, 10, 20) {
			c.person(plaintiff, false, 0)
		}
	}
}

func (c *rec) partiesUnjust(cc *civilCause) {
	r := c.r
	c.person(plaintiff, c.coin(), pf)
	if chance(r, 0.15) {
		c.company(defendant, "")
	} else {
		c.person(defendant, c.coin(), pf)
	}
}

func (c *rec) partiesKin(cc *civilCause) {
	r := c.r
	// Heirs mostly carry the deceased's surname.
	c.sur = surname(r)
	kin := func(role triagev1.PartyRole, pForeign float64) {
		if cc.fam == famInherit && chance(r, 0.7) {
			fem := c.coin()
			c.addParty(role, person, c.sur+given(r, fem))
			c.female[len(c.female)-1] = fem
			return
		}
		c.person(role, c.coin(), pForeign)
	}
	for range between(r, 1, 3) {
		kin(plaintiff, pf)
	}
	for range between(r, 1, 4) {
		kin(defendant, pf/2)
	}
	if chance(r, 0.15) {
		c.person(third, c.coin(), 0)
	}
}

func (c *rec) partiesNeighbour(cc *civilCause) {
	r := c.r
	c.person(plaintiff, c.coin(), 0)
	c.person(defendant, c.coin(), 0)
	if chance(r, 0.2) {
		c.person(defendant, c.coin(), 0)
	}
}

func (c *rec) partiesInsurance(cc *civilCause) {
	r := c.r
	if cc.name == "财产保险合同纠纷" && chance(r, 0.65) { // subrogation
		c.addParty(plaintiff, org, insurer(r, &c.ct))
		if chance(r, 0.4) {
			c.company(defendant, "")
		} else {
			c.person(defendant, c.coin(), 0)
		}
		if chance(r, 0.3) {
			c.addParty(defendant, org, insurer(r, &c.ct))
		}
	} else {
		c.person(plaintiff, c.coin(), 0)
		c.addParty(defendant, org, insurer(r, &c.ct))
	}
}

func (c *rec) partiesHouse(cc *civilCause) {
	r := c.r
	if cc.name == "商品房预售合同纠纷" {
		n := 1
		if chance(r, 0.1) { // home buyers suing together
			n = between(r, 10, 40)
		} else if chance(r, 0.3) {
			n = 2
		}
		for range n {
			c.person(plaintiff, c.coin(), 0)
		}
		c.company(defendant, "房地产开发")
	} else {
		for range between(r, 1, 2) {
			c.person(plaintiff, c.coin(), pf)
		}
		for range between(r, 1, 2) {
			c.person(defendant, c.coin(), pf)
		}
		if chance(r, 0.15) {
			c.addParty(third, org, c.ct.place()+pick(r, "链家", "我爱我家", "安居", "21世纪")+"房地产经纪有限公司")
		}
	}
}

func (c *rec) partiesTort(cc *civilCause) {
	r := c.r
	c.person(plaintiff, c.coin(), 0)
	if chance(r, 0.3) {
		c.company(defendant, "")
	} else {
		c.person(defendant, c.coin(), 0)
	}
}

func (c *rec) partiesCommercial(cc *civilCause) {
	r := c.r
	for range between(r, 1, 2) {
		c.person(plaintiff, c.coin(), pf)
	}
	for range between(r, 1, 3) {
		c.person(defendant, c.coin(), pf)
	}
	if chance(r, 0.4) {
		c.company(third, "")
	}
}

// civilCircumstances sets what a complaint or the clerk states. Appraisal
// and counterclaims follow the latent difficulty u, so the visible flags and
// the hidden complexity agree, imperfectly.
func (c *rec) civilCircumstances(cc *civilCause) {
	r := c.r
	ci := c.c
	logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
	if cc.pAppr > 0 {
		ci.AppraisalNeeded = chance(r, sigmoid(logit(cc.pAppr)+1.1*c.u+0.8*c.extra))
	}
	if cc.pCounter > 0 {
		ci.Counterclaim = chance(r, sigmoid(logit(cc.pCounter)+0.8*c.u))
	}
	absent := false
	for _, p := range c.df {
		absent = absent || p.WhereaboutsUnknown
	}
	if absent {
		ci.PublicNoticeService = chance(r, 0.8)
	} else {
		ci.PublicNoticeService = chance(r, 0.004)
	}
	ci.Remanded = chance(r, 0.007)
	ci.Retrial = chance(r, 0.002)
	ci.ThirdPartyRevocation = chance(r, 0.0008)
	ci.PublicInterest = chance(r, 0.0008)
	switch cc.fam {
	case famDivorce:
		ci.PersonalStatus = chance(r, 0.6)
		ci.NonMonetaryClaims = true
	case famInherit, famOwnership, famPostDivorce:
		ci.PropertyRightsConfirmation = chance(r, 0.5)
	}
	if c.f.CourtLevel == triagev1.CourtLevel_COURT_LEVEL_BASIC {
		ci.PartiesAgreeSimplified = chance(r, 0.02+0.03*sigmoid(c.u))
	}
}

// civilLabel picks the procedure the case ends in. At filing the court
// chooses from what the filing shows: the legally open procedures and how
// complex the case reads (seenComplexity: the cause, the amount, the
// parties, the flags, the complications the complaint voices, the court's
// habits). Then the hearing turns up what the filing did not settle: a case
// on a simple track converts (CPL 169–170, 简转普) as convert decides —
// mostly for its complications, voiced or not, sometimes for none of them
// (the unforeseeable residue).
func (c *rec) civilLabel(cc *civilCause, a *rulesAssessment) triagev1.Procedure {
	r := c.r
	const (
		sc   = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
		simp = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		ord  = triagev1.Procedure_PROCEDURE_ORDINARY
	)
	z := c.seenComplexity(cc, a)
	scOpt, simpOpt := a.Option(sc), a.Option(simp)
	simpOK := simpOpt.GetAvailable()

	var p triagev1.Procedure
	switch {
	case scOpt.GetAvailable() && scOpt.GetMandatory():
		// The law says small claims "shall" apply; courts mostly comply but
		// send cases that look disputed to simplified from the start, and
		// the ones that look hardest to ordinary (CPL 165 applies to
		// simple cases only).
		switch {
		case chance(r, 0.93*sigmoid(filingSlope*(2.6-z))):
			p = sc
		case chance(r, sigmoid(filingSlope*(3.4-z))):
			p = simp
		default:
			p = ord
		}
	case scOpt.GetAvailable(): // CPL 165 ¶2: both parties agreed
		if chance(r, 0.8*sigmoid(filingSlope*(2.0-z))) {
			p = sc
		}
	case scOpt.GetAvailability() == triagev1.Availability_AVAILABILITY_UNDETERMINED:
		// No configured limit: the court knew its own figure and applied
		// small claims to some small cases; the corpus keeps that rare.
		if y := float64(c.f.ClaimAmountFen) / 100; y > 0 && y <= 40000 && chance(r, 0.22*sigmoid(filingSlope*(1.5-z))) {
			p = sc
		}
	}
	if p == 0 {
		switch {
		case simpOK && chance(r, sigmoid(filingSlope*(2.2-z)+0.8*b2f(c.c.PartiesAgreeSimplified))):
			p = simp
		default:
			p = ord
		}
	}
	c.initial = p
	// Conversions after filing.
	switch p {
	case sc:
		// CPL 169 / Interp. 278–279: a counterclaim, an added party, an
		// appraisal or a defendant who cannot be served mostly take the case
		// to ordinary procedure; a contested account as often to simplified
		// rules. The time limit runs from filing either way, so a court short
		// of time converts to ordinary.
		c.conv = c.convert(cc)
		switch c.conv {
		case convNone:
		case convForeseenHeavy:
			p = ord
			if simpOK && chance(r, 0.2) {
				p = simp
			}
		default:
			p = ord
			if simpOK && chance(r, 0.6) {
				p = simp
			}
		}
	case simp:
		if c.conv = c.convert(cc); c.conv != convNone {
			p = ord
		}
	}
	return p
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// agreeSmallClaims sets CPL 165 ¶2's agreement for some money claims above
// the mandatory band (up to four times it): parties who want a quick, final
// judgment. Only where nothing visible excludes small claims anyway.
func (c *rec) agreeSmallClaims() {
	y := float64(c.f.ClaimAmountFen) / 100
	if c.f.CourtLevel != triagev1.CourtLevel_COURT_LEVEL_BASIC || y < 40000 || y > 280000 {
		return
	}
	ci := c.c
	if ci.AppraisalNeeded || ci.Counterclaim || ci.PublicNoticeService || ci.NonMonetaryClaims || c.absent() {
		return
	}
	for _, p := range c.f.Parties {
		if p.Foreign {
			return
		}
	}
	if c.eng.LookupCause(c.f.CaseKind, c.f.Cause).Category != rules.CategoryMoneyPayment {
		return
	}
	ci.PartiesAgreeSmallClaims = chance(c.r, 0.07*sigmoid(1-c.u))
}
