package corpus

import (
	"hash/fnv"
	"math"
	"strings"
)

// Why civil cases convert (简转普, CPL 169–170).
//
// A simplified or small-claims case converts when the hearing turns up
// something the court did not plan for. In practice most of those somethings
// were there at filing: the defendant already denied the debt, the accounts
// were a tangle of transfers and part payments, a guarantor or the real
// borrower was missing from the suit, the injury had not been graded, the
// address given for the defendant was stale, the defendant had threatened to
// counterclaim. complication names these latent facts. Each civil case draws
// them from its family's base rates, raised by the case's difficulty u; each
// raises the odds that the case converts; and each is expressed in the
// complaint only sometimes (a complaint argues the plaintiff's case; it
// mentions the defendant's position when the drafter thinks of it), while
// the same phrases also turn up in cases that stay simple. What remains is
// the residue practice cannot foresee: the defendant who falls ill, the
// judge who is transferred, the party added on a late motion.
type complication int

const (
	// cxDispute: the defendant will contest the facts or the debt
	// (被告否认借款, 对欠款有异议). It is rec.contested.
	cxDispute complication = iota
	// cxAccounts: tangled accounts — many transfers, part repayments,
	// offsets, no agreed statement (对账不清).
	cxAccounts
	// cxJoinder: a party must be added: the real borrower, the company the
	// defendant is 挂靠 to, the other heirs, the sub-contractor's principal.
	cxJoinder
	// cxAppraisal: an appraisal will be asked for at the hearing though none
	// is flagged at filing (伤残等级, 工程造价, 笔迹鉴定, 质量检测).
	cxAppraisal
	// cxService: the defendant cannot be served at the address given;
	// service by public notice, barred in simplified procedure (Interp.
	// 140), looms.
	cxService
	// cxCounter: the defendant will counterclaim (反诉) though none is
	// stated at filing.
	cxCounter
	// cxInterest: several money claims (interest, penalties, fees) the
	// defendant will fight over rates and periods.
	cxInterest
	// cxMediation: pre-suit mediation failed over a real disagreement.
	cxMediation
	// cxPreservation: the plaintiff applied for property preservation (财产
	// 保全): a fight over assets, objections by outsiders.
	cxPreservation
	numComplications
)

// cxParam says how a complication acts.
type cxParam struct {
	name string
	// slope is how much the case's difficulty u raises its log-odds.
	slope float64
	// conv is the probability that, present in a case on a simple track,
	// it forces a conversion (at u = 0; the causes act independently).
	conv float64
	// seen is what it adds to the complexity the court perceives at filing
	// when the complaint expresses it: the court reads the same text.
	seen float64
	// show is how often a complaint of middling detail expresses it when it
	// is there; fake how often one expresses it when it is not (the
	// plaintiff anticipates a defence that never comes, a routine mention).
	show, fake float64
}

// The figures, second calibration: the heavy complications — the ones that
// bar a simple track outright — are what the plaintiff knows best at filing
// (the appraisal it will apply for, the defendant it cannot reach, the
// other people in the deal, the counterclaim it was threatened with), so a
// complaint voices about nine in ten of them and, once present, they
// convert four to five cases in five. The soft ones (a dispute, the
// accounts, interest, mediation, preservation) are voiced less often and
// alone rarely convert a case: most disputed cases are still tried simply.
// The first calibration (voiced two times in three, heavy ones converting
// 60–75%, a 4.5% residue) made about a seventh of all civil ordinary cases
// ones that nothing in the filing foreshadowed, more than the tenth that an
// ordinary recall of 0.9 leaves room for, although the grounds the law
// gives for leaving a simple track (service by public notice, Interp. 140;
// a counterclaim or an added party, Interp. 278; a case found unsuited,
// CPL 170) are mostly known to the plaintiff when it files.
var cxParams = [numComplications]cxParam{
	cxDispute:      {"dispute", 0.9, 0.01, 0.8, 0.85, 0.06},
	cxAccounts:     {"accounts", 0.5, 0.02, 0.3, 0.85, 0.05},
	cxJoinder:      {"joinder", 0.3, 0.80, 0.6, 0.95, 0.015},
	cxAppraisal:    {"appraisal", 0.6, 0.85, 0.9, 0.95, 0.015},
	cxService:      {"service", 0.2, 0.85, 0.7, 0.95, 0.015},
	cxCounter:      {"counterclaim", 0.6, 0.80, 0.8, 0.95, 0.015},
	cxInterest:     {"interest", 0.3, 0.01, 0.15, 0.8, 0.06},
	cxMediation:    {"mediation", 0.2, 0.005, 0.1, 0.8, 0.08},
	cxPreservation: {"preservation", 0.3, 0.005, 0.05, 0.8, 0.05},
}

// realVoicing scales how often a complaint voices each complication (show
// and fake alike), fitted to real complaints: the share of complaints in
// which the complexity lexicon (classifier/lexicon.go) finds a term of the
// category, real over generated, measured on the 48 real civil development
// filings (2015–2019; their 诉讼请求 and 事实和理由 as the judgments restate
// them) against 15,029 civil records of a 20,000-record corpus (seed 1)
// generated before the scaling:
//
//	category      real   generated  scale
//	dispute       0.04   0.54       0.074
//	accounts      0.04   0.26       0.15
//	appraisal     0.04   0.15       0.27
//	service       0.04   0.17       0.24
//	interest      0.08   0.21       0.38
//	mediation     0.02   0.20       0.10
//	preservation  0.02   0.13       0.15
//	counterclaim  0.15   0.09       1
//	joinder       0.12   0.09       1
//
// Real complaints state the claim and the facts that found it and rarely
// argue the defence in advance; the judge learns of the dispute, the
// accounts and the failed mediation at the hearing. Counterclaim and
// joinder are left as they were: their real hits are routine claim phrases
// (判令被告向原告返还…, a loan taken in another's 名义), not voiced trouble,
// so the lexicon overstates them on real text. The scale acts only on what
// the complaint voices, not on the traces complications leave in the facts
// (lists of transfers, an empty flat), so the generated rates stay above the
// real ones after it (internal/corpus/doc.go gives the re-measured figures). With
// 48 filings the real rates are uncertain by several points; the scale is
// the measured ratio, not a value chosen for the model's sake.
var realVoicing = [numComplications]float64{
	cxDispute:      0.074,
	cxAccounts:     0.15,
	cxJoinder:      1,
	cxAppraisal:    0.27,
	cxService:      0.24,
	cxCounter:      1,
	cxInterest:     0.38,
	cxMediation:    0.10,
	cxPreservation: 0.15,
}

// filingSlope is how sharply the court's choice at filing follows the
// complexity it perceives: courts apply written 繁简分流 criteria (cause,
// amount, parties, what the complaint says), so the same filing mostly
// gets the same track; the hidden part is the court's habit and the judge's
// own reading. At 8 a filing one point of complexity below a track's
// threshold gets that track 99.97% of the time, a quarter point below 88%.
const filingSlope = 8

// convResidue is the probability that a case on a simple track converts
// for none of its complications (at u = 0, in a court of average caseload):
// the unforeseeable residue — a party falls ill, new evidence surfaces, a
// judge is transferred, and, not least, the time limit runs out in a busy
// court, which converts to gain time.
const convResidue = 0.015

// cxRates are the base rates (at u = 0) of the complications other than the
// dispute (whose rate is rec.contested's), by family; families not listed
// use cxDefault; service trouble follows the cause's rate of missing
// defendants (drawComplications). Construction and partnership accounts are
// long, injuries wait for their grading, tenants and buyers answer with
// their own claims, loans hide the real borrower.
var cxDefault = [numComplications]float64{0, 0.05, 0.02, 0.02, 0, 0.015, 0.04, 0.12, 0.05}

var cxRates = map[family][numComplications]float64{
	//                 dsp acct  join   appr   svc cntr   int   med   pres
	famLoan:         {0, 0.18, 0.05, 0.03, 0, 0.015, 0.20, 0.12, 0.15},
	famBankLoan:     {0, 0.06, 0.02, 0.015, 0, 0.01, 0.12, 0.06, 0.20},
	famCard:         {0, 0.04, 0.01, 0.005, 0, 0.005, 0.10, 0.05, 0.04},
	famRecourse:     {0, 0.10, 0.03, 0.015, 0, 0.015, 0.10, 0.08, 0.12},
	famContract:     {0, 0.18, 0.04, 0.05, 0, 0.05, 0.12, 0.14, 0.15},
	famConsumer:     {0, 0.03, 0.015, 0.025, 0, 0.015, 0.03, 0.12, 0.02},
	famTraffic:      {0, 0.03, 0.05, 0.12, 0, 0.01, 0.02, 0.18, 0.05},
	famInjury:       {0, 0.03, 0.06, 0.13, 0, 0.02, 0.02, 0.18, 0.04},
	famMedical:      {0, 0.05, 0.03, 0.20, 0, 0.015, 0.02, 0.20, 0.05},
	famDivorce:      {0, 0.08, 0.015, 0.025, 0, 0.015, 0.01, 0.15, 0.05},
	famMaintenance:  {0, 0.03, 0.025, 0.01, 0, 0.01, 0.01, 0.15, 0.01},
	famPostDivorce:  {0, 0.20, 0.03, 0.06, 0, 0.04, 0.02, 0.12, 0.10},
	famLabour:       {0, 0.12, 0.05, 0.02, 0, 0.02, 0.04, 0.10, 0.04},
	famPropertyFee:  {0, 0.03, 0.015, 0.015, 0, 0.015, 0.06, 0.08, 0.01},
	famUtility:      {0, 0.03, 0.015, 0.015, 0, 0.015, 0.06, 0.08, 0.01},
	famTenancy:      {0, 0.12, 0.03, 0.03, 0, 0.05, 0.08, 0.12, 0.08},
	famConstruction: {0, 0.35, 0.13, 0.20, 0, 0.10, 0.08, 0.12, 0.30},
	famUnjust:       {0, 0.15, 0.03, 0.015, 0, 0.015, 0.04, 0.08, 0.12},
	famInherit:      {0, 0.20, 0.10, 0.06, 0, 0.025, 0.01, 0.15, 0.06},
	famOwnership:    {0, 0.08, 0.06, 0.04, 0, 0.025, 0.01, 0.12, 0.06},
	famNeighbour:    {0, 0.02, 0.03, 0.10, 0, 0.04, 0.01, 0.20, 0.02},
	famInsurance:    {0, 0.04, 0.025, 0.05, 0, 0.01, 0.05, 0.08, 0.02},
	famHouse:        {0, 0.10, 0.05, 0.06, 0, 0.06, 0.10, 0.12, 0.15},
	famTort:         {0, 0.04, 0.04, 0.10, 0, 0.025, 0.02, 0.15, 0.05},
	famCommercial:   {0, 0.30, 0.08, 0.08, 0, 0.08, 0.08, 0.12, 0.25},
}

// drawComplications draws the case's complications and which of them its
// complaint will express. It runs after the parties, the circumstances, the
// drafter's detail and the dispute are drawn, and before the text.
func (c *rec) drawComplications(cc *civilCause) {
	r := c.r
	rates, ok := cxRates[c.fam]
	if !ok {
		rates = cxDefault
	}
	logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
	c.cx[cxDispute] = c.contested
	for k := cxAccounts; k < numComplications; k++ {
		p := rates[k]
		switch k {
		case cxService:
			// Defendants who move away are those of the causes where some
			// vanish altogether (pAbsent); a defendant already known to be
			// missing is flagged, not foreshadowed.
			if c.absent() {
				continue
			}
			p = 0.01 + 0.45*cc.pAbsent
		case cxAppraisal:
			if c.c.AppraisalNeeded {
				continue
			}
		case cxCounter:
			if c.c.Counterclaim {
				continue
			}
		case cxMediation:
			if c.contested { // a real dispute makes mediation fail
				p *= 1.8
			}
		}
		if p <= 0 {
			continue
		}
		c.cx[k] = chance(r, sigmoid(logit(p)+cxParams[k].slope*c.u))
	}
	// Lawyers' detailed complaints anticipate more of the defence; the one
	// line a clerk types carries a little less.
	mod := [4]float64{0.9, 1.0, 1.0, 1.05}[c.detail]
	for k := range numComplications {
		pr := cxParams[k].fake
		if c.cx[k] {
			pr = cxParams[k].show
		}
		c.express[k] = chance(r, math.Min(0.97, pr*mod*realVoicing[k]))
	}
}

// largeClaimSlope is what a claim above 100,000 yuan adds to the complexity
// the court perceives, per unit of log amount, on top of the slope every
// cause has: courts put large loans and leases on ordinary trial teams. In
// the real filings 5 of the 8 loan and lease claims of 100,000 yuan or more
// ended ordinary (0.625, Wilson 95% 0.31–0.86); the corpus gave 0.21
// (loans) and 0.17 (leases) before this slope, 0.37 with it
// (TestMatchesRealFilings). The slope is the smallest round value that
// brings the corpus inside the real interval; the 8 real cases allow no
// finer fit.
var largeClaimSlope = map[family]float64{famLoan: 0.6, famBankLoan: 0.6, famTenancy: 0.6}

// seenComplexity is the complexity the court perceives at filing: the
// cause, the amount, the parties, the flags, what the complaint says and how
// much of it there is to say (its detail), plus the court's own habits.
func (c *rec) seenComplexity(cc *civilCause, a *rulesAssessment) float64 {
	z := cc.base + c.extra + 0.3*(float64(c.detail)-1.5) + courtHabit(c.ct.name)
	if y := float64(c.f.ClaimAmountFen) / 100; y > 0 {
		z += 0.3 * math.Log(y/50000)
		z += largeClaimSlope[c.fam] * math.Max(0, math.Log(y/100000))
	}
	ci := c.c
	z += 0.7*b2f(ci.AppraisalNeeded) + 0.9*b2f(ci.Counterclaim)
	z += 0.25 * math.Min(float64(len(c.df)-1), 3)
	if a.Facts.Numerous {
		z += 1.2
	}
	if a.Facts.Foreign {
		z += 0.6
	}
	if a.NeedsReview() {
		z += 0.6
	}
	for k := range numComplications {
		if c.shown[k] {
			z += cxParams[k].seen
		}
	}
	return z
}

// convCause says why a case on a simple track converted.
type convCause int

const (
	convNone          convCause = iota // it did not
	convResidual                       // for none of its complications: the unforeseeable residue
	convForeseen                       // a complication or what the filing shows (flags, parties, amount)
	convForeseenHeavy                  // among them one that bars a simple track outright: an added party, an appraisal, service by notice, a counterclaim
)

// convert decides whether a case on a simple track converts after filing.
// Every cause acts independently (a noisy-or): the residue, each
// complication present (voiced or not), what the court already saw (flags,
// a co-defendant chain, a claim far above the cause's usual size); the
// case's difficulty u scales them all a little.
func (c *rec) convert(cc *civilCause) convCause {
	r := c.r
	m := math.Exp(0.25 * c.u)
	fire := func(q float64) bool { return chance(r, math.Min(0.9, q*m)) }
	why := convNone
	if fire(convResidue * courtCongestion(c.ct.name)) {
		why = convResidual
	}
	for k := range numComplications {
		if c.cx[k] && fire(cxParams[k].conv) {
			switch k {
			case cxJoinder, cxAppraisal, cxService, cxCounter:
				why = convForeseenHeavy
			default:
				why = max(why, convForeseen)
			}
		}
	}
	// What the court saw and kept on a simple track anyway: an appraisal or
	// counterclaim already stated, a chain of three or more defendants (a
	// guarantor, a spouse, a co-borrower: one of them disputes or cannot be
	// served), a claim several times the cause's usual size.
	q := 0.15*b2f(c.c.AppraisalNeeded) + 0.15*b2f(c.c.Counterclaim) + 0.05*math.Max(0, math.Min(float64(len(c.df)-2), 3))
	if y := float64(c.f.ClaimAmountFen) / 100; y > 0 && cc.median > 0 {
		q += 0.1 * clamp(math.Log(y/(3*cc.median))/math.Log(10), 0, 1)
	}
	if q > 0 && fire(q) {
		why = max(why, convForeseen)
	}
	return why
}

// courtHabit is a court's own leaning: some basic courts hear nine cases in
// ten under simplified procedure, others send more to ordinary trial teams.
// It is fixed per court (a hash of its name), in [-0.6, 0.6].
func courtHabit(name string) float64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return (float64(h.Sum64()%1001)/1000 - 0.5) * 1.2
}

// courtCongestion scales the residue by a court's caseload (time-limit
// conversions), fixed per court, between 0.5 and 1.5.
func courtCongestion(name string) float64 {
	h := fnv.New64a()
	h.Write([]byte("congestion:"))
	h.Write([]byte(name))
	return 0.5 + float64(h.Sum64()%1001)/1000
}

// foreshadowing sentences, by complication. Placeholders as in
// contextPools. Family-specific pools come first when the family has one.
var foreshadowPools = [numComplications][]string{
	cxAccounts: {
		"双方之间资金往来频繁，除本案款项外另有多笔往来，被告曾陆续还款若干次。",
		"此后被告陆续零星还款{n}次，每次金额不等，双方对已还款项的性质及数额说法不一。",
		"双方曾于{ym}对账，但被告对对账结果未签字确认。",
		"被告先后通过其本人及亲属的账户多次向原告转账，部分款项未注明用途。",
		"期间双方另有数笔往来款项，原告已在诉请中予以扣减，具体以对账为准。",
		"被告的还款时断时续，有时通过微信、有时以现金支付，原告已尽力整理还款明细。",
		"因往来账目较多，原告根据现有单据整理出欠款金额，详见附表。",
		"双方约定的结算方式多次变更，部分款项以物抵款。",
		"被告称其中部分款项已通过第三人代为支付，双方至今未能核对一致。",
		"{date}，被告支付{amt}，但未说明系偿还本金还是利息。",
		"双方往来的转账记录达数十笔，部分系被告回借原告的款项。",
	},
	cxJoinder: {
		"据原告了解，涉案款项实际由被告的{who}使用，原告保留追加其为被告的权利。",
		"涉案款项系被告为其经营的公司所借，该公司是否应承担责任尚需查明。",
		"被告系挂靠于他人名下从事经营，挂靠单位的责任原告将另行主张。",
		"除被告外，另有他人参与了本案交易，其身份原告尚在核实。",
		"被告称其仅为名义上的经营者，实际经营者另有他人。",
		"被告的{who}对涉案债务是否知情、应否共同承担，原告将申请法院依法查明。",
		"涉案标的目前由案外人实际占有使用。",
		"原告在起诉前得知，被告已将相关权利转让给案外人。",
	},
	cxAppraisal: {
		"涉案损失的具体金额需经专业机构评估确定。",
		"被告称相关单据上的签名并非其本人所签。",
		"双方对损失数额差距较大，原告不排除申请评估。",
		"被告对原告提交的单据真实性提出异议。",
		"损坏的原因及修复费用，双方至今无法达成一致。",
	},
	cxService: {
		"被告户籍地与经常居住地不一致，原告仅知其户籍地址。",
		"被告已搬离原住所，现住址不详。",
		"被告常年在外地务工，联系电话时通时断。",
		"原告邮寄的催款函被以“查无此人”为由退回。",
		"被告手机号码已停机，原告仅能提供其身份证上的地址。",
		"被告拒不接听原告电话，并拒收原告邮寄的材料。",
		"被告现在何处居住，原告并不清楚。",
		"据原告了解，被告已前往外省，具体地址不详。",
		"被告近期更换了联系方式，原告多次寻找未果。",
		"被告在起诉状所列地址已长期无人居住。",
	},
	cxCounter: {
		"被告多次声称原告违约在先，并表示将要求原告赔偿其损失。",
		"被告扬言要另行起诉原告，要求原告赔偿其损失。",
		"被告表示其也有损失，要向原告主张。",
		"被告认为原告的行为给其造成了损失，要求原告赔偿。",
		"被告称原告存在违约行为，要求抵扣相应款项并赔偿损失。",
		"被告曾书面回复，称将通过诉讼要求原告返还已付款项。",
	},
	cxInterest: {
		"双方对利息的计算标准存在争议，被告认为约定利率过高。",
		"被告认为合同约定的违约金过高，要求予以调减。",
		"被告对逾期利息、罚息、复利的计算方式提出异议。",
		"原告同时主张利息、违约金及律师费，被告认为系重复计算。",
		"双方对逾期付款违约金的起算时间存在分歧。",
		"被告对原告主张的律师费、保全费等费用不予认可。",
		"被告称双方从未约定过利息。",
	},
	cxMediation: {
		"本案经诉前调解，因被告不同意调解方案，调解未成。",
		"起诉前，原告曾申请{place}人民调解委员会调解，双方未能达成一致。",
		"经村委会、派出所多次调解，被告均不同意。",
		"双方曾在律师主持下协商，因分歧较大未果。",
		"本案曾经诉前调解，被告未到场参加。",
		"经{place}矛盾纠纷调解中心调解无果。",
		"诉前调解阶段，被告提出的方案与原告诉求差距过大，调解终结。",
	},
	cxPreservation: {
		"原告已向法院申请财产保全，请求冻结被告名下银行存款{amt}。",
		"原告同时提出诉讼保全申请，并提供了担保。",
		"为防止被告转移财产，原告已申请查封被告名下房产一套。",
		"原告已于起诉前申请诉前财产保全。",
		"原告申请对被告名下车辆采取保全措施。",
		"原告已委托保险公司出具诉讼财产保全责任险保函，申请保全被告财产。",
	},
}

// foreshadowByFamily holds sentences only some families use.
var foreshadowByFamily = map[family]map[complication][]string{
	famLoan: {
		cxAccounts:  {"被告先后通过微信、支付宝及银行转账向原告还款十余笔，部分备注为利息。", "双方之间存在多笔借款和还款，被告主张的还款与原告的记录不一致。"},
		cxJoinder:   {"借款时被告称系为其{who}借款，其{who}也在场。", "借款实际用于被告与他人合伙经营的项目，原告保留追加合伙人的权利。"},
		cxAppraisal: {"被告称借条上的签名并非其本人所签。", "被告对借条的形成时间提出异议。", "被告称借条系在胁迫下书写。"},
		cxInterest:  {"被告称借款时已预先扣除了利息（“砍头息”），实际到手金额少于借条金额。", "双方口头约定的利息与借条记载不一致。"},
		cxCounter:   {"被告声称原告尚欠其货款，要求相互抵销。"},
	},
	famContract: {
		cxAccounts:  {"双方合作期间的送货、退货、对账单据较多，部分送货单由被告不同员工签收。", "被告曾以货抵款，抵款金额双方说法不一。"},
		cxAppraisal: {"被告称交付的货物存在质量缺陷，需专业机构检测。", "被告对收货单上的签字真实性有异议。", "被告称部分产品不合格，双方对不合格数量存在争议。"},
		cxCounter:   {"被告称原告交付的货物存在质量问题，扬言要起诉原告赔偿损失。", "被告以原告逾期交货为由，要求原告支付违约金。", "被告称装修工程存在质量问题，要求返工并赔偿损失。"},
		cxJoinder:   {"被告主张其系为案外人代为采购，实际买受人另有其人。"},
	},
	famTraffic: {
		cxAccounts:  {"原告的医疗费部分由被告垫付、部分由保险公司先行支付，已付金额双方存在分歧。"},
		cxAppraisal: {"原告目前仍在治疗中，伤残等级尚未评定，原告保留变更诉讼请求的权利。", "原告的后续治疗费、伤残赔偿金待鉴定后另行主张。", "被告对原告的伤情与本次事故之间的因果关系提出异议。", "原告的误工期、护理期、营养期尚需经鉴定确定。", "车辆损失金额双方存在较大争议。"},
		cxJoinder:   {"肇事车辆登记车主与实际车主不一致，车辆挂靠于某运输公司。", "事故车辆的投保情况尚不清楚，原告将视情况追加保险公司为被告。", "事发时驾驶人是否在执行职务尚不清楚，其用人单位的责任有待查明。"},
	},
	famInjury: {
		cxAccounts:  {"被告事后曾分几次支付部分医疗费，具体数额双方说法不一。"},
		cxAppraisal: {"原告目前仍在治疗中，伤残等级尚未评定。", "原告的伤残等级及三期待鉴定后再行确定。", "被告对原告的伤情与事发经过之间的因果关系提出异议。"},
		cxJoinder:   {"事发场所的管理人尚未确定，原告保留追加被告的权利。", "被告称原告系由包工头雇佣，与其无关，实际雇主另有其人。"},
	},
	famMedical: {
		cxJoinder:   {"患者曾在多家医疗机构就诊，其他医疗机构的责任尚待查明。"},
		cxAccounts:  {"原告在多家医院就诊，部分票据遗失，医疗费用数额尚需核对。"},
		cxAppraisal: {"被告对病历的完整性有异议，双方对诊疗行为是否存在过错各执一词。"},
	},
	famConstruction: {
		cxAccounts:  {"工程施工期间，被告以借支、代付材料款等方式陆续支付部分工程款，双方未进行最终结算。", "工程款的支付有的经过总包、有的由发包方直接支付，金额难以核对。"},
		cxAppraisal: {"被告对工程量及造价不予认可，双方未能完成结算。", "涉案工程未经竣工验收，工程质量是否合格存在争议。", "部分签证单没有被告签字，工程量需经造价鉴定确定。"},
		cxJoinder:   {"涉案工程存在转包、分包，发包人是否应在欠付范围内承担责任需追加其参加诉讼。", "原告系借用他人资质施工，被挂靠单位的地位有待确认。"},
		cxCounter:   {"被告称工期延误系原告造成，要求原告承担违约金及损失。", "被告主张工程存在质量问题，要求原告承担修复费用。"},
	},
	famLabour: {
		cxAccounts: {"被告有时以现金、有时通过包工头发放工资，原告仅能提供部分记工本。"},
		cxJoinder:  {"原告系由劳务派遣公司派遣至被告处工作，用工单位与派遣单位的责任划分尚不明确。", "原告由包工头招用，发包单位与包工头之间的关系原告并不清楚。"},
	},
	famTenancy: {
		cxAccounts:  {"被告曾以押金抵扣部分租金，双方对押金是否已抵扣存在不同说法。"},
		cxAppraisal: {"被告退租时房屋及设施损坏严重，修复费用需经评估。"},
		cxCounter:   {"被告称其对房屋进行了装修，要求原告补偿装修损失。", "被告认为原告未及时维修导致其停业，要求赔偿经营损失。"},
		cxJoinder:   {"被告已将房屋转租给他人，次承租人现仍在使用。"},
	},
	famInherit: {
		cxJoinder:   {"被继承人另有子女长期在外，未参加本次诉讼。", "被继承人生前可能另立有遗嘱，由他人保管。"},
		cxAccounts:  {"被继承人生前的存款已被部分继承人取出，去向不明。"},
		cxAppraisal: {"遗产房屋的价值需评估确定。"},
	},
	famHouse: {
		cxAppraisal: {"房屋存在渗漏、墙体开裂等问题，原因尚需专业机构鉴定。", "房屋的市场价值在此期间变化较大，双方对差价损失存在争议。"},
		cxCounter:   {"被告称原告逾期付款在先，要求原告承担违约责任。"},
		cxJoinder:   {"房屋系被告与其配偶共有，其配偶是否同意出售尚不清楚。"},
	},
	famNeighbour: {
		cxJoinder:   {"涉案房屋的实际使用人为被告的亲属，而非被告本人。"},
		cxAppraisal: {"漏水的原因及房屋受损的修复费用尚需专业机构鉴定。", "相邻建筑物是否影响原告房屋的采光、安全，需专业机构认定。"},
	},
	famTort: {
		cxJoinder:   {"侵权行为系多人共同实施，其他行为人的身份原告尚在核实。"},
		cxAppraisal: {"原告的财产损失数额需经评估确定。"},
	},
	famDivorce: {
		cxJoinder:   {"被告名下的部分财产登记在其父母名下。"},
		cxAccounts:  {"婚姻存续期间双方的存款、理财多次转移，共同财产的数额尚难确定。"},
		cxAppraisal: {"夫妻共同所有的房产价值需评估确定。"},
	},
	famPostDivorce: {
		cxJoinder:   {"涉案房产现登记在被告父母名下。"},
		cxAccounts:  {"离婚前后被告多次转出共同存款，具体数额尚待查明。"},
		cxAppraisal: {"涉案房产的现值需经评估确定。"},
	},
	famCommercial: {
		cxAccounts:  {"合伙期间的收支由被告一人掌管，原告多次要求查看账目未果。", "公司账目混乱，被告拒绝提供财务账册。"},
		cxAppraisal: {"目标公司的资产价值需审计评估。", "合伙财产的价值需经评估确定。"},
	},
	famCard: {
		cxService: {"被告在申领信用卡时填写的单位及住址均已变更。"},
	},
	famMaintenance: {
		cxJoinder:  {"被告再婚后另育有子女，其家庭收入状况原告并不清楚。"},
		cxAccounts: {"被告此前曾零星支付过部分抚养费，具体数额双方说法不一。"},
	},
	famOwnership: {
		cxJoinder:   {"涉案房产上还登记有他人的抵押权。"},
		cxAccounts:  {"购房款由多人分次出资，出资比例双方各执一词。"},
		cxAppraisal: {"涉案房产的价值需评估确定。"},
	},
	famBankLoan: {
		cxService: {"被告在借款合同中填写的送达地址已无人居住。"},
	},
}

// shortForeshadow is what the one-line form a clerk types says of each.
var shortForeshadow = [numComplications][]string{
	cxDispute:      {"被告对欠款有异议。", "被告否认欠款。", "被告对事实有争议。"},
	cxAccounts:     {"双方往来账目较多。", "被告已部分还款，数额有争议。"},
	cxJoinder:      {"另涉及案外人。", "可能需追加当事人。"},
	cxAppraisal:    {"伤残等级待鉴定。", "损失数额待评估。", "被告对签名真实性有异议。"},
	cxService:      {"被告住址不明确。", "被告联系方式已变更。"},
	cxCounter:      {"被告称将提起反诉。", "被告称原告违约在先。"},
	cxInterest:     {"利息计算有争议。", "被告认为违约金过高。"},
	cxMediation:    {"经诉前调解未果。", "已经调解，未成。"},
	cxPreservation: {"原告已申请财产保全。", "已申请诉讼保全。"},
}

var foreshadowLeads = []string{"", "", "", "另，", "此外，", "需要说明的是，", "另需说明，", "还需指出，"}

// genericFor says whether the generic sentences of a complication fit a
// family: accounts, joinder and interest sentences speak of money owed.
func genericFor(k complication, f family) bool {
	switch k {
	case cxAccounts, cxJoinder, cxInterest:
		switch f {
		case famTraffic, famInjury, famMedical, famDivorce, famMaintenance, famNeighbour, famTort, famOwnership, famInherit, famPostDivorce:
			return false
		}
	}
	return true
}

var kinWho = []string{"配偶", "儿子", "女儿", "合伙人", "亲属", "朋友"}

// say writes a foreshadowing sentence and remembers it, so that what the
// court perceives is what the final text actually contains.
func (c *rec) say(k complication, s string) {
	if s == "" {
		return
	}
	s = strings.ReplaceAll(s, "{who}", pick(c.r, kinWho...))
	s = c.expand(s)
	c.w(s)
	c.said[k] = append(c.said[k], s)
}

// foreshadow writes the expressed complications (all but the dispute, which
// signals writes with the family's own wording) in a random order.
func (c *rec) foreshadow() {
	r := c.r
	var ks [numComplications]complication
	n := 0
	for k := cxAccounts; k < numComplications; k++ {
		if c.express[k] && len(c.said[k]) == 0 {
			ks[n] = k
			n++
		}
	}
	r.Shuffle(n, func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
	for _, k := range ks[:n] {
		pool := foreshadowPools[k]
		if !genericFor(k, c.fam) {
			pool = nil
		}
		if fam := foreshadowByFamily[c.fam][k]; len(fam) > 0 && (len(pool) == 0 || chance(r, 0.6)) {
			pool = fam
		}
		if len(pool) == 0 {
			continue
		}
		c.w(pick(r, foreshadowLeads...))
		c.say(k, pick(r, pool...))
	}
}

// shortForeshadowing carries the expressed complications into the one-line
// form, less often than a full complaint would.
func (c *rec) shortForeshadowing() {
	for k := range numComplications {
		if c.express[k] && len(c.said[k]) == 0 && chance(c.r, 0.55) {
			c.say(k, pick(c.r, shortForeshadow[k]...))
		}
	}
}

// noteShown records which complications the final text expresses. A
// sentence restate joined to the next one ends in a comma there, so both
// sides are compared with full stops read as commas.
func (c *rec) noteShown() {
	text := strings.ReplaceAll(c.f.Text, "。", "，")
	for k := range numComplications {
		for _, s := range c.said[k] {
			if strings.Contains(text, strings.ReplaceAll(s, "。", "，")) {
				c.shown[k] = true
				break
			}
		}
	}
}
