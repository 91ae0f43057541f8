package corpus

import (
	"math"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// crimeCause is one charge of the criminal mix with its plea rate and the
// distribution of the prosecution's recommended sentence.
type crimeCause struct {
	name   string
	weight float64 // share of criminal filings, in percent
	pPlea  float64 // rate of 认罪认罚 (admission and acceptance)
	// median and sigma (log space) of the recommended sentence in months,
	// clamped to [minM, maxM]; 危险驾驶 has its own table (拘役 1–6 months).
	median, sigma float64
	minM, maxM    int
	victim        bool    // has a victim whose settlement matters (CrPL 223(6))
	pMulti        float64 // rate of several defendants
	maxDefs       int
	pInterm       float64 // rate of intermediate-court first instance
	pMinor        float64
}

// crimeCauses: 危险驾驶 dominates a basic court's criminal docket since
// drunk driving was criminalised; theft, fraud and the telecom-fraud
// helpers (帮信) follow. Drug cases weigh 6 (2.5 until the fourth
// calibration): the SPC ranks 走私、贩卖、运输、制造毒品罪 third among the
// charges tried in 2019 H1, after 危险驾驶 and 盗窃 and before 故意伤害 and
// 诈骗 (SPC press release, 2019-08-01); they are 25% of the real filings
// (a biased sample).
var crimeCauses = []*crimeCause{
	{"危险驾驶罪", 33, 0.97, 2, 0.5, 1, 6, false, 0, 1, 0, 0.003},
	{"盗窃罪", 15, 0.88, 8, 0.8, 2, 120, true, 0.15, 3, 0, 0.06},
	{"帮助信息网络犯罪活动罪", 10, 0.9, 9, 0.4, 4, 36, false, 0.2, 5, 0, 0.02},
	{"诈骗罪", 7, 0.82, 16, 0.9, 3, 180, true, 0.3, 4, 0.02, 0.02},
	{"故意伤害罪", 5.5, 0.75, 14, 0.6, 6, 120, true, 0.25, 3, 0.03, 0.04},
	{"交通肇事罪", 4.5, 0.9, 14, 0.4, 6, 84, true, 0, 1, 0, 0.005},
	{"开设赌场罪", 4, 0.82, 18, 0.6, 6, 120, false, 0.6, 6, 0.02, 0.01},
	{"寻衅滋事罪", 3.5, 0.78, 12, 0.5, 4, 60, true, 0.5, 5, 0, 0.08},
	{"掩饰、隐瞒犯罪所得、犯罪所得收益罪", 3, 0.88, 10, 0.5, 4, 60, false, 0.25, 3, 0, 0.02},
	{"走私、贩卖、运输、制造毒品罪", 6, 0.72, 12, 0.9, 4, 180, false, 0.25, 3, 0.08, 0.01},
	{"容留他人吸毒罪", 1.5, 0.88, 10, 0.4, 4, 36, false, 0, 1, 0, 0.005},
	{"妨害公务罪", 1.2, 0.85, 8, 0.4, 4, 36, false, 0.1, 2, 0, 0.01},
	{"袭警罪", 1, 0.85, 9, 0.4, 4, 36, false, 0.05, 2, 0, 0.01},
	{"信用卡诈骗罪", 2, 0.9, 18, 0.6, 6, 120, true, 0, 1, 0, 0},
	{"赌博罪", 1, 0.9, 8, 0.4, 3, 36, false, 0.6, 5, 0, 0},
	{"拒不支付劳动报酬罪", 0.6, 0.85, 10, 0.4, 6, 36, true, 0, 1, 0, 0},
	{"职务侵占罪", 1.2, 0.75, 18, 0.6, 6, 120, true, 0.1, 2, 0.02, 0},
	{"非法吸收公众存款罪", 0.8, 0.6, 36, 0.6, 12, 120, true, 0.5, 5, 0.3, 0},
	{"抢劫罪", 0.5, 0.7, 48, 0.5, 36, 180, true, 0.3, 3, 0.2, 0.15},
	{"抢夺罪", 0.3, 0.85, 10, 0.5, 6, 60, true, 0, 1, 0, 0.05},
	{"非法捕捞水产品罪", 0.3, 0.95, 6, 0.4, 3, 24, false, 0.3, 3, 0, 0},
	{"故意杀人罪", 0.15, 0.5, 144, 0.4, 60, 300, true, 0.1, 2, 0.95, 0.02},
	// Added in the fifth calibration (crimeAdded explains each).
	{"强奸罪", 2, 0.6, 42, 0.3, 36, 120, true, 0.05, 2, 0.03, 0.05},
	{"非法持有毒品罪", 1.5, 0.85, 10, 0.6, 4, 84, false, 0.05, 2, 0.02, 0.01},
	{"非法经营罪", 1, 0.8, 18, 0.7, 6, 120, false, 0.35, 4, 0.05, 0},
	{"合同诈骗罪", 1, 0.7, 36, 0.8, 6, 180, true, 0.2, 3, 0.05, 0},
	{"聚众斗殴罪", 0.8, 0.8, 18, 0.6, 6, 120, false, 0.95, 8, 0.02, 0.15},
	{"拒不执行判决、裁定罪", 0.6, 0.85, 10, 0.5, 4, 60, true, 0, 1, 0, 0},
	{"猥亵儿童罪", 0.5, 0.65, 24, 0.5, 6, 120, true, 0.02, 2, 0.02, 0.03},
	{"滥伐林木罪", 0.5, 0.92, 12, 0.5, 6, 60, false, 0.2, 3, 0, 0},
	{"污染环境罪", 0.5, 0.85, 14, 0.6, 6, 84, false, 0.4, 4, 0.02, 0},
	{"非法持有、私藏枪支、弹药罪", 0.4, 0.9, 10, 0.5, 6, 60, false, 0, 1, 0, 0},
	{"过失致人死亡罪", 0.3, 0.85, 30, 0.5, 6, 84, true, 0.05, 2, 0.02, 0.02},
}

// crimeAdded: the fifth calibration added the charges below. Only 0.68 of
// the 236 real criminal development filings had a charge the corpus
// generated; the largest missing were 强奸罪 (28 filings), 非法持有毒品罪 (5),
// 猥亵儿童罪, 滥伐林木罪 and 非法经营罪 (3 each). Of the real set's missing
// charges those added are the ones a basic court tries routinely; one-off
// charges of the sample (重婚, 徇私枉法, 放火, 单位行贿…) are left out. The
// weights are estimates of a basic court's docket, not the sample's counts
// (which over-represent rape and drugs); no national per-charge figure is
// cited for them. What decides each charge's procedure is the law and the
// sentence, not a rate fitted to the sample:
//
//   - 强奸罪 (刑法第二百三十六条): three to ten years for the basic case, so
//     fast-track (three years or less) is closed and simplified procedure
//     needs a panel; the consent defence makes pleas rarer (0.6) and the
//     victim's 谅解 matters. The intermediate court tries the aggravated
//     cases (轮奸, 多人): rare here.
//   - 非法持有毒品罪 (第三百四十八条): a basic court's cases are mostly
//     10–50 g of methamphetamine, up to three years, seldom contested.
//   - 非法经营罪 (第二百二十五条): illicit tobacco, unlicensed payment
//     settlement; up to five years, often several defendants.
//   - 合同诈骗罪 (第二百二十四条): like fraud, larger sums, fewer pleas.
//   - 聚众斗殴罪 (第二百九十二条): several defendants by definition; the
//     organisers up to three years, more with weapons or a crowd.
//   - 拒不执行判决、裁定罪 (第三百一十三条): up to three years; paying the
//     creditor (the victim here) is what the sentence turns on.
//   - 猥亵儿童罪 (第二百三十七条第三款): up to five years, heavier since
//     刑法修正案（十一）; victims are children, pleas less common.
//   - 滥伐林木罪 (第三百四十五条第二款), 污染环境罪 (第三百三十八条),
//     非法持有、私藏枪支、弹药罪 (第一百二十八条): up to three years in the
//     common case, almost always admitted.
//   - 过失致人死亡罪 (第二百三十三条): three to seven years, three or less
//     when the case is lighter; a victim's family to compensate.

func crimeTable() []choice[*crimeCause] {
	out := make([]choice[*crimeCause], len(crimeCauses))
	for i, c := range crimeCauses {
		out[i] = choice[*crimeCause]{c.weight, c}
	}
	return out
}

func (g *generator) criminalRecord(c *rec, i int, cc *crimeCause) (triagev1.Procedure, error) {
	r := c.r
	cc = chargeInForce(cc, c.filed)
	c.ct = drawCourt(r, g.provs, cc.pInterm+0.01)
	c.setCommon(triagev1.CaseKind_CASE_KIND_CRIMINAL, i, "刑初", cc.name)

	n := 1
	if chance(r, cc.pMulti) {
		n = between(r, 2, cc.maxDefs)
		if cc.maxDefs < 2 {
			n = 1
		}
	}
	for range n {
		fem := chance(r, 0.12)
		p := c.addParty(defendant, person, personName(r, fem))
		c.female[len(c.female)-1] = fem
		p.Minor = chance(r, cc.pMinor)
		p.Impaired = chance(r, 0.006)
		p.Foreign = chance(r, 0.003)
	}

	ci := c.c
	c.detail = int(clamp(math.Round(1.4+0.8*c.u+0.8*r.NormFloat64()), 0, 3))
	// 认罪认罚 is drawn as one event, as before the plea was split; a share
	// of the others admit the facts but contest the recommendation (认罪不认罚),
	// which opens simplified procedure (刑事诉讼法第二百一十四条) but not
	// fast-track. The extra draw happens only for them, so every record with
	// a full plea keeps its random stream.
	//
	// Before the 2018 amendment (2018-10-26) there was no 认罪认罚 to accept,
	// no fast-track outside the pilot courts, and prosecutors seldom put a
	// sentence in the indictment: the same draw then stands for 认罪 (the
	// facts admitted, which opened simplified procedure), more of the others
	// admit too, and a recommendation is stated in a few cases (crimeEra).
	era := crimeEraOf(c.filed)
	plea := chance(r, sigmoid(math.Log(cc.pPlea/(1-cc.pPlea))-0.5*c.u))
	ci.AdmitsChargedFacts, ci.AcceptsSentencingRecommendation = plea, plea
	if !plea {
		ci.AdmitsChargedFacts = chance(r, era.admitWithoutAcceptance)
	}
	months := recommendedMonths(c, cc)
	basic := c.f.CourtLevel == triagev1.CourtLevel_COURT_LEVEL_BASIC
	if plea {
		// 认罪认罚 comes with a sentencing recommendation almost always.
		if chance(r, era.recommendWithPlea) {
			ci.RecommendedSentenceMonths = int32(months)
		}
		if basic && months <= 36 && era.fastTrack {
			ci.ConsentsFastTrack = chance(r, pConsentsFastTrack)
		}
		ci.ObjectsSimplified = chance(r, 0.02)
		ci.DefencePleadsNotGuilty = chance(r, 0.015)
	} else {
		if chance(r, era.recommendWithoutPlea) {
			ci.RecommendedSentenceMonths = int32(months)
		}
		// A defendant who admits the facts seldom has counsel plead not guilty.
		pNotGuilty := 0.35
		if ci.AdmitsChargedFacts {
			pNotGuilty = 0.08
		}
		ci.DefencePleadsNotGuilty = chance(r, pNotGuilty)
	}
	if cc.victim {
		p := 0.2
		if !plea {
			p = 0.5
		}
		ci.VictimSettlementMissing = chance(r, p+0.1*math.Max(c.u, 0))
	}
	if n > 1 && chance(r, 0.12+0.3*b2f(!plea)) {
		// Which objection the co-defendant raises (刑事诉讼法第二百二十三条第四项,
		// 第二百一十五条第三项); a denial of the facts, which bars both
		// procedures, is the commonest.
		switch x := r.Float64(); {
		case x < 0.55:
			ci.CoDefendantDeniesChargedFacts = true
		case x < 0.8:
			ci.CoDefendantDisputesChargeOrSentence = true
		case x < 0.9:
			ci.CoDefendantObjectsFastTrack = true
		default:
			ci.CoDefendantObjectsSimplified = true
		}
	}
	ci.MajorSocialImpact = chance(r, 0.004+0.1*b2f(cc.name == "非法吸收公众存款罪" || cc.name == "故意杀人罪"))

	c.crimeText(cc)
	c.finishText()
	a, err := c.eng.Evaluate(c.f)
	if err != nil {
		return 0, err
	}
	label := c.criminalLabel(a, months)
	if !allowed(a, label) {
		return 0, errUnavailable
	}
	return label, nil
}

// pAdmitWithoutAcceptance: the share of defendants without a full plea who
// still admit the charged facts and contest only the recommendation.
const pAdmitWithoutAcceptance = 0.3

// pleaReform is when the 2018 amendment of the Criminal Procedure Law took
// effect: 认罪认罚从宽 and 速裁程序 nationwide.
var pleaReform = time.Date(2018, 10, 26, 0, 0, 0, 0, time.UTC)

// pConsentsFastTrack is how often a defendant who pleads, at a basic court,
// with a sentence of three years or less, consents to fast-track. Fitted to
// the real filings after the reform: fast-track is 9 of 46 (0.20, Wilson
// 95% 0.11–0.33) of all criminal filings; at the former 0.82 the corpus
// gave 0.40 of its (2022–2026) criminal filings.
const pConsentsFastTrack = 0.5

// crimeEra holds the figures of criminal practice that changed with the
// 2018 amendment.
type crimeEra struct {
	fastTrack              bool    // fast-track exists (outside the pilots)
	admitWithoutAcceptance float64 // of those without a full plea, share who admit the facts
	recommendWithPlea      float64 // indictments stating a sentence, given a plea
	recommendWithoutPlea   float64 // the same without one
}

// crimeEras: after the reform as before the fourth calibration (a
// recommendation comes with 认罪认罚 almost always); before it, fitted to the
// 190 real filings of 2016-01 – 2018-10: the facts admitted in 0.96 of all
// (the generator gives 0.86 + 0.14 × 0.65 ≈ 0.95), a recommended sentence
// in 0.13 (0.12 of the generator's with 0.12 and 0.15).
var crimeEras = [2]crimeEra{
	{fastTrack: false, admitWithoutAcceptance: 0.65, recommendWithPlea: 0.12, recommendWithoutPlea: 0.15},
	{fastTrack: true, admitWithoutAcceptance: pAdmitWithoutAcceptance, recommendWithPlea: 0.95, recommendWithoutPlea: 0.08},
}

func crimeEraOf(filed time.Time) crimeEra {
	if filed.Before(pleaReform) {
		return crimeEras[0]
	}
	return crimeEras[1]
}

// chargesSince lists charges younger than the corpus: a filing dated before
// a charge existed is brought under the charge its facts fell under then
// (袭警 was 妨害公务 until 刑法修正案（十一）, 2021-03-01; 帮信 was created by
// 刑法修正案（九）, 2015-11-01, the card sellers were tried for 掩饰、隐瞒).
var chargesSince = map[string]struct {
	since   time.Time
	instead string
}{
	"袭警罪":         {time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), "妨害公务罪"},
	"帮助信息网络犯罪活动罪": {time.Date(2015, 11, 1, 0, 0, 0, 0, time.UTC), "掩饰、隐瞒犯罪所得、犯罪所得收益罪"},
}

// chargeInForce returns cc, or the charge that stood for it on filed.
func chargeInForce(cc *crimeCause, filed time.Time) *crimeCause {
	s, ok := chargesSince[cc.name]
	if !ok || !filed.Before(s.since) {
		return cc
	}
	for _, o := range crimeCauses {
		if o.name == s.instead {
			return o
		}
	}
	return cc
}

// dangerousDrivingMonths: 拘役 one to six months, mostly one to three.
var dangerousDrivingMonths = newTable([]choice[int]{{26, 1}, {32, 2}, {20, 3}, {11, 4}, {7, 5}, {4, 6}})

func recommendedMonths(c *rec, cc *crimeCause) int {
	if cc.name == "危险驾驶罪" {
		return dangerousDrivingMonths.draw(c.r)
	}
	m := lognormal(c.r, cc.median, cc.sigma) * math.Exp(0.25*c.u)
	return int(clamp(math.Round(m), float64(cc.minM), float64(cc.maxM)))
}

// criminalLabel: fast-track when it is open and the court takes it up (most
// do, some keep simplified out of habit or because the hearing needs more);
// simplified when open; ordinary for contested or serious cases. A few cases
// convert after a defendant retracts or a fact turns out disputed.
func (c *rec) criminalLabel(a *rulesAssessment, months int) triagev1.Procedure {
	r := c.r
	const (
		ft   = triagev1.Procedure_PROCEDURE_FAST_TRACK
		simp = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		ord  = triagev1.Procedure_PROCEDURE_ORDINARY
	)
	ftOK, simpOK := a.Option(ft).GetAvailable(), a.Option(simp).GetAvailable()
	many := b2f(len(c.df) > 2)
	p := ord
	// Courts differ in how readily they take up fast-track (habit, the
	// prosecutors they work with); beyond that the filing decides: the
	// sentence, the number of defendants, review signals, a little of the
	// case's hidden difficulty.
	habit := courtHabit(c.ct.name)
	switch {
	case ftOK && chance(r, sigmoid(1.6-2*habit-0.6*b2f(months > 12)-0.4*math.Max(c.u, 0)-0.6*b2f(a.NeedsReview()))):
		p = ft
	case simpOK && chance(r, sigmoid(2*(2.3-0.03*math.Max(0, float64(months-36))-0.3*c.u-0.7*many-0.8*b2f(a.NeedsReview())))):
		p = simp
	}
	switch p {
	case ft:
		if chance(r, 0.04) {
			if simpOK && chance(r, 0.7) {
				p = simp
			} else {
				p = ord
			}
		}
	case simp:
		if chance(r, 0.04+0.04*sigmoid(c.u-1)) {
			p = ord
		}
	}
	return p
}

// sentence writes a recommended sentence the way 量刑建议 read.
func (c *rec) sentence(cc *crimeCause, months int) string {
	r := c.r
	var s string
	if months <= 6 && (cc.name == "危险驾驶罪" || chance(r, 0.4)) {
		s = "拘役" + cn(months) + "个月"
		if chance(r, 0.25) {
			s += "，缓刑" + monthsCN(months*2)
		}
	} else {
		s = "有期徒刑" + monthsCN(months)
		if months <= 36 && chance(r, 0.3) {
			s += "，缓刑" + monthsCN(int(math.Min(60, float64(months+12))))
		}
	}
	if chance(r, 0.8) && cc.name != "故意伤害罪" && cc.name != "交通肇事罪" {
		fine := pick(r, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 15000, 20000, 30000)
		if cc.name == "危险驾驶罪" { // fines follow the 拘役 term
			fine = months * 1000 * pick(r, 1, 2, 2, 3)
		}
		s += pick(r, "，并处罚金人民币", "，并处罚金") + cn(fine) + "元"
	}
	return s
}

func (c *rec) crimeText(cc *crimeCause) {
	r := c.r
	defs := c.df
	A := c.name(defs[0])
	all := c.joinNames(defs)
	proc := c.ct.procuratorate()
	when := c.pastDate(2, 14)
	c.due = when
	short := chance(r, 0.08)
	if !short && chance(r, 0.3+0.1*float64(c.detail)) {
		c.defendantHeader(cc)
	}
	// Opening.
	switch x := r.IntN(100); {
	case x < 35:
		c.w("公诉机关指控：")
	case x < 55:
		c.w(proc, "指控：")
	case x < 72:
		c.w("经审理查明：")
	case x < 85:
		c.w(proc, "以", c.ct.caseCode, pick(r, "检刑诉", "检一部刑诉", "检二部刑诉"), "〔", itoa(c.filed.Year()), "〕", itoa(between(r, 10, 3000)), "号起诉书指控被告人", all, "犯", cc.name, "，于", ymd(c.filed.AddDate(0, 0, -between(r, 0, 3))), "向本院提起公诉。", pick(r, "起诉书指控：", "公诉机关指控：", ""))
	default:
		c.w("起诉书指控，")
	}
	if short {
		c.w("被告人", all, "于", ym(when), "在", c.ct.place(), pick(r, "实施", "涉嫌"), strings.TrimSuffix(cc.name, "罪"), "行为。")
		c.crimeTail(cc)
		return
	}
	c.crimeFacts(cc, when, A, all)
	// Arrest and confession.
	switch r.IntN(5) {
	case 0:
		c.w("案发后，被告人", A, "被民警当场抓获。")
	case 1:
		c.w("被告人", A, "经电话通知后主动到案。")
	case 2:
		c.w("被告人", A, "于", ymd(when.AddDate(0, 0, between(r, 1, 90))), "被公安机关抓获归案。")
	case 3:
		c.w("案发后，被告人", A, pick(r, "主动到公安机关投案。", "在亲属陪同下投案。"))
	}
	c.crimeTail(cc)
}

func (c *rec) crimeFacts(cc *crimeCause, when time.Time, A, all string) {
	r := c.r
	d := crimeDraft{cc: cc, when: when, A: A, all: all}
	d.place = c.ct.place()
	d.road = pick(r, roads...)
	if write := crimeFactWriters[cc.name]; write != nil {
		write(c, d)
	} else {
		c.factsHomicide(d)
	}
}

// crimeDraft is what every charge's facts share: the charge, the date, the
// first defendant's and all defendants' names, a place and a road.
type crimeDraft struct {
	cc          *crimeCause
	when        time.Time
	A, all      string
	place, road string
}

// crimeFactWriters writes the facts of each charge: one function per
// charge, each with its own odds, drawn in a fixed order so a seed always
// gives the same text. A charge without an entry is written as homicide.
var crimeFactWriters = map[string]func(*rec, crimeDraft){
	"危险驾驶罪":       (*rec).factsDrunkDriving,
	"盗窃罪":         (*rec).factsTheft,
	"帮助信息网络犯罪活动罪": (*rec).factsAbetting,
	"诈骗罪":         (*rec).factsFraud,
	"故意伤害罪":       (*rec).factsAssault,
	"交通肇事罪":       (*rec).factsTrafficCasualty,
	"开设赌场罪":       (*rec).factsGambling,
	"赌博罪":         (*rec).factsGambling,
	"寻衅滋事罪":       (*rec).factsAffray,
	"掩饰、隐瞒犯罪所得、犯罪所得收益罪": (*rec).factsConcealing,
	"走私、贩卖、运输、制造毒品罪":    (*rec).factsDrugs,
	"容留他人吸毒罪":           (*rec).factsHarbouring,
	"妨害公务罪":             (*rec).factsObstruction,
	"袭警罪":               (*rec).factsObstruction,
	"信用卡诈骗罪":            (*rec).factsCardFraud,
	"拒不支付劳动报酬罪":         (*rec).factsWageRefusal,
	"职务侵占罪":             (*rec).factsEmbezzlement,
	"非法吸收公众存款罪":         (*rec).factsDeposits,
	"抢劫罪":               (*rec).factsRobbery,
	"抢夺罪":               (*rec).factsRobbery,
	"非法捕捞水产品罪":          (*rec).factsFishing,
	"故意杀人罪":             (*rec).factsHomicide,
	"强奸罪":               (*rec).factsRape,
	"猥亵儿童罪":             (*rec).factsChildIndecency,
	"非法持有毒品罪":           (*rec).factsDrugPossession,
	"非法经营罪":             (*rec).factsIllegalBusiness,
	"合同诈骗罪":             (*rec).factsContractFraud,
	"聚众斗殴罪":             (*rec).factsBrawl,
	"拒不执行判决、裁定罪":        (*rec).factsJudgmentRefusal,
	"滥伐林木罪":             (*rec).factsLogging,
	"污染环境罪":             (*rec).factsPollution,
	"非法持有、私藏枪支、弹药罪":     (*rec).factsGun,
	"过失致人死亡罪":           (*rec).factsNegligentDeath,
}

func (c *rec) factsDrunkDriving(d crimeDraft) {
	r := c.r
	when := d.when
	A := d.A
	place := d.place
	road := d.road
	bac := between(r, 82, 260)
	c.w(ymd(when), clock(r), "，被告人", A, pick(r, "饮酒后", "在酒后", "与朋友聚餐饮酒后"), "驾驶", c.ct.city.plate, "·", plateTail(r), "号", pick(r, "小型轿车", "小型普通客车", "二轮摩托车", "轻型货车", "小型越野客车"), "沿", place, road, pick(r, "由东向西", "由北向南", "由西向东", "由南向北"), "行驶，")
	if chance(r, 0.3) {
		c.w("行至", road, "与", pick(r, roads...), "交叉口时", pick(r, "与停放在路边的车辆发生碰撞", "与一辆电动自行车发生碰撞，致对方受轻微伤", "撞上道路隔离护栏"), "，")
	} else {
		c.w("行至", pick(r, roads...), pick(r, "路口", "路段"), "时", pick(r, "被执勤民警查获", "遇交警设卡检查被查获", "被巡逻民警拦停"), "，")
	}
	if c.appraises(d.cc) {
		c.w(pick(r, "经鉴定，", "经抽取血样送检，经鉴定，", "经司法鉴定，"))
	} else {
		c.w("经", pick(r, "呼气酒精测试", "抽取血样检验"), "，")
	}
	c.w("被告人", A, "血液中乙醇含量为", itoa(bac), "mg/100ml", pick(r, "，属醉酒驾驶机动车。", "。"))
	if chance(r, 0.15) {
		c.w("被告人", A, pick(r, "无有效机动车驾驶证。", "驾驶的车辆未投保交强险。", "曾于"+itoa(c.filed.Year()-between(r, 2, 8))+"年因饮酒驾驶被行政处罚。"))
	}
}

func (c *rec) factsTheft(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	place := d.place
	n := 1
	if chance(r, 0.4) {
		n = between(r, 2, 4+2*c.detail)
	}
	total := 0
	if n == 1 {
		v := int(lognormal(r, 5000, 1))
		total = v
		c.w(ymd(when), clock(r), "，被告人", all, pick(r, "窜至", "在"), place, pick(r, "某小区地下车库", "某超市", "某工地", "某出租屋", "某公交车上", "被害人家中"), "，", pick(r, "采用撬锁的方式", "趁无人之机", "采取扒窃手段", "翻窗入户"), "窃取", pick(r, "电动自行车一辆", "手机一部", "现金", "电缆线一批", "黄金项链一条", "笔记本电脑一台", "香烟若干条"), "，经", pick(r, "价格认定", "鉴定"), "价值", itoa(v), "元。")
	} else {
		c.w("被告人", all, "于", ym(when.AddDate(0, -between(r, 1, 6), 0)), "至", ym(when), "间，", pick(r, "先后", "多次"), pick(r, "在", "窜至"), place, pick(r, "等地", "多个小区", "多家商铺"), "实施盗窃", cn(n), "次，具体如下：")
		for k := range n {
			v := int(lognormal(r, 2500, 0.9))
			total += v
			c.w("\n", itoa(k+1), "．", ymd(when.AddDate(0, 0, -between(r, 1, 150))), "，在", place, pick(r, roads...), pick(r, "某店铺", "某小区", "路边"), "窃取", pick(r, "电动车电瓶", "手机", "现金", "烟酒", "铜线", "自行车"), "，价值", itoa(v), "元；")
		}
		c.w("\n以上盗窃财物共计价值", itoa(total), "元。")
	}
}

func (c *rec) factsAbetting(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	flow := int(lognormal(r, 300000, 1))
	c.w(pick(r, "自"+ym(when.AddDate(0, -between(r, 1, 8), 0))+"起，", ym(when.AddDate(0, -between(r, 1, 8), 0))+"至"+ym(when)+"间，"), "被告人", all, "明知他人利用信息网络实施犯罪，", pick(r, "仍将其名下"+cn(between(r, 1, 6))+"张银行卡及配套U盾、手机卡出售给他人使用", "仍为他人提供“跑分”支付结算帮助", "仍出租其微信、支付宝账户供他人转移资金", "仍帮助他人进行“刷脸”验证并取现"), "，")
	c.w(pick(r, "获利", "从中获利"), itoa(between(r, 5, 200)*100), "元。经查，", pick(r, "上述银行卡", "上述账户"), "被用于接收电信网络诈骗资金，", "流水共计", itoa(flow), "元，其中查实被害人被骗资金", itoa(flow/between(r, 3, 20)), "元。")
}

func (c *rec) factsFraud(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	v := int(lognormal(r, 30000, 1.1))
	c.w(dateVar(r, when), pick(r, "至", "起，"), "被告人", all, pick(r,
		"以帮助办理入学、工作为由，骗取被害人",
		"冒充电商平台客服，以退款理赔为由诱骗被害人",
		"通过网络交友取得被害人信任后，以投资虚拟货币为名骗取被害人",
		"谎称能低价购买二手车，骗取被害人",
		"虚构其在银行有内部关系可以办理贷款的事实，骗取被害人",
		"以“刷单返利”为幌子，诱骗被害人"), alias(personName(r, chance(r, 0.5)), c.style), pick(r, "人民币", "钱款共计", "款项"), itoa(v), "元，", pick(r, "所得款项用于个人挥霍", "后将所骗钱款用于赌博", "后逃匿"), "。")
	if c.detail >= 2 {
		c.w("经查，被告人", all, "采用相同手段先后骗取", cn(between(r, 2, 9)), "名被害人财物。")
	}
}

func (c *rec) factsAssault(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	place := d.place
	grade := pick(r, "轻伤二级", "轻伤二级", "轻伤一级", "轻伤一级", "重伤二级")
	c.w(ymd(when), clock(r), "，被告人", all, "在", place, pick(r, "某烧烤店", "某KTV门口", "被害人家门口", "某工地宿舍", "某村"), "因", pick(r, "琐事", "停车纠纷", "债务纠纷", "酒后言语冲突", "土地边界纠纷"), "与被害人", alias(personName(r, false), c.style), "发生争执，", "被告人", c.name(c.df[0]), pick(r, "持啤酒瓶", "持木棍", "用拳头", "持铁锹", "持水果刀"), pick(r, "击打", "殴打", "捅刺"), "被害人", pick(r, "头部", "面部", "腹部", "左臂"), "，致其受伤。")
	c.w("经", c.ct.city.name, "公安局物证鉴定所鉴定，被害人的损伤程度为", grade, "。")
	if !c.c.GetAdmitsChargedFacts() && chance(r, 0.3) {
		c.w("被告人对伤情鉴定意见提出异议，申请重新鉴定。")
	}
}

func (c *rec) factsTrafficCasualty(d crimeDraft) {
	r := c.r
	when := d.when
	A := d.A
	place := d.place
	road := d.road
	c.w(ymd(when), clock(r), "，被告人", A, "驾驶", c.ct.city.plate, "·", plateTail(r), "号", pick(r, "重型自卸货车", "小型轿车", "轻型货车", "电动三轮车"), "沿", place, road, "行驶时，", pick(r, "因未注意观察前方路况", "因超速行驶", "在通过路口时未减速让行", "因疲劳驾驶"), "，与", pick(r, "横过道路的行人", "驾驶电动自行车的被害人", "骑行自行车的被害人"), alias(personName(r, chance(r, 0.5)), c.style), "发生碰撞，造成被害人", pick(r, "当场死亡", "经抢救无效死亡", "重伤"), "。")
	if c.appraises(d.cc) {
		c.w("经鉴定，被害人系", pick(r, "因交通事故致颅脑损伤死亡。", "因交通事故致多发性损伤死亡。", "交通事故致伤，损伤程度为重伤二级。"))
	}
	c.w("经", c.ct.city.name, "公安局交通警察支队认定，被告人", A, "负事故", pick(r, "全部", "主要"), "责任。")
	if chance(r, 0.15) {
		c.w("事故发生后，被告人驾车逃离现场。")
	} else {
		c.w("事故发生后，被告人", pick(r, "留在现场并拨打了报警电话", "立即拨打120急救电话并在现场等候处理"), "。")
	}
}

func (c *rec) factsGambling(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	place := d.place
	profit := int(lognormal(r, 20000, 1))
	c.w(pick(r, "自"+ym(when.AddDate(0, -between(r, 1, 6), 0))+"起，", ym(when.AddDate(0, -between(r, 1, 6), 0))+"至"+ym(when)+"间，"), "被告人", all, "以营利为目的，", pick(r, "在"+place+"某村民房内设置赌场，组织他人以“推牌九”方式进行赌博", "建立微信群组织群成员以“抢红包”形式进行赌博", "在"+place+"某棋牌室内组织他人赌博", "利用网络赌博平台发展下线会员参赌"), "，", "抽头渔利", itoa(profit), "元。")
	if len(c.df) > 1 {
		c.w("其中，被告人", c.name(c.df[0]), "负责", pick(r, "组织管理", "提供场地", "出资"), "，被告人", c.name(c.df[1]), "负责", pick(r, "放哨望风", "记账", "招揽赌客", "发放红包"), "。")
	}
}

func (c *rec) factsAffray(d crimeDraft) {
	r := c.r
	when := d.when
	A := d.A
	all := d.all
	place := d.place
	c.w(ymd(when), clock(r), "，被告人", all, pick(r, "酒后", "结伙", ""), "在", place, pick(r, "某KTV", "某烧烤摊", "某网吧", "某酒吧", "某小区门口"), pick(r, "，因琐事随意殴打被害人", "，无故拦截、辱骂并殴打过往行人", "，任意损毁他人财物，砸坏"), alias(personName(r, false), c.style), pick(r, "等人", "", "的车辆"), "，", pick(r, "致人受伤", "致被害人受伤", "造成财物损失"+itoa(between(r, 20, 200)*100)+"元"), "，", "情节恶劣。")
	if c.appraises(d.cc) {
		c.w("经鉴定，", pick(r, "一名被害人的损伤程度为轻伤二级，另一人为轻微伤。", "被害人的损伤程度为轻微伤。", "被损毁财物价值"+itoa(between(r, 20, 200)*100)+"元。"))
	}
	if c.detail >= 2 {
		c.w("被告人", A, "此前还于", ym(when.AddDate(0, -between(r, 2, 10), 0)), "因类似行为被行政处罚。")
	}
}

func (c *rec) factsConcealing(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	c.w(dateVar(r, when), "，被告人", all, pick(r, "明知是他人盗窃所得的电动车电瓶", "明知是犯罪所得的手机", "明知是他人电信诈骗所得资金"), "，", pick(r, "仍以明显低于市场价格予以收购", "仍予以转移、取现", "仍帮助转账"), "，涉案金额", itoa(int(lognormal(r, 40000, 1))), "元。")
}

func (c *rec) factsDrugs(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	place := d.place
	g := formatFloat(lognormal(r, 2, 1), 2)
	c.w(ymd(when), clock(r), "，被告人", all, "在", place, pick(r, "某宾馆房间", "某小区门口", "某出租屋"), "以", itoa(between(r, 2, 30)*100), "元的价格向吸毒人员", alias(personName(r, false), c.style), "贩卖", pick(r, "甲基苯丙胺（冰毒）", "海洛因", "甲基苯丙胺片剂（麻古）"), g, "克。")
	c.w(pick(r, "交易完成后，被告人被民警当场抓获，", "民警在其住处查获"), "并从其身上查获毒品", formatFloat(lognormal(r, 3, 1), 2), "克。")
	if c.appraises(d.cc) {
		c.w("经鉴定，", pick(r, "上述毒品中均检出甲基苯丙胺成分。", "查获的毒品中检出海洛因成分。", "上述疑似毒品均检出毒品成分。"))
	}
}

func (c *rec) factsHarbouring(d crimeDraft) {
	r := c.r
	when := d.when
	A := d.A
	c.w(pick(r, "自"+ym(when.AddDate(0, -between(r, 1, 6), 0))+"起", ym(when.AddDate(0, -between(r, 1, 6), 0))+"至"+ym(when)+"间"), "，被告人", A, "先后", cn(between(r, 2, 5)), "次在其位于", address(c.r, &c.ct), "的", pick(r, "租住处", "家中", "经营的茶室"), "容留", alias(personName(r, false), c.style), "等人吸食甲基苯丙胺。")
	if c.appraises(d.cc) {
		c.w("经鉴定，从现场查获的吸毒工具中检出甲基苯丙胺成分。")
	} else if chance(r, 0.3) {
		c.w("经尿液检测，上述吸毒人员均呈甲基苯丙胺阳性。")
	}
}

func (c *rec) factsObstruction(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	place := d.place
	c.w(ymd(when), clock(r), "，", c.ct.police(), "民警在", place, pick(r, "某饭店", "某小区", "某路口"), "处置", pick(r, "一起纠纷警情", "交通违法行为", "一起打架警情"), "时，被告人", all, pick(r, "拒不配合", "情绪激动"), "，", pick(r, "用拳头击打民警面部", "撕扯民警警服、踢踹民警", "驾车冲撞执勤民警", "抢夺执法记录仪"), "，致", pick(r, "一名民警轻微伤", "执法记录仪损坏", "民警受伤"), "。")
}

func (c *rec) factsCardFraud(d crimeDraft) {
	r := c.r
	when := d.when
	A := d.A
	v := int(lognormal(r, 50000, 0.8))
	c.w("被告人", A, "于", ym(when.AddDate(-between(r, 1, 4), 0, 0)), "向", pick(r, cardCentres...), "申领信用卡一张，", "此后透支消费、取现，", "经发卡银行两次有效催收后超过三个月仍不归还，", "截至案发，透支本金", itoa(v), "元。")
}

func (c *rec) factsWageRefusal(d crimeDraft) {
	r := c.r
	when := d.when
	A := d.A
	n := between(r, 5, 60)
	c.w("被告人", A, "系", companyName(r, &c.ct, ""), pick(r, "实际经营人", "法定代表人", "项目负责人"), "。", ym(when.AddDate(0, -between(r, 3, 12), 0)), "至", ym(when), "间，被告人拖欠", cn(n), "名", pick(r, "工人", "员工", "农民工"), "工资共计", itoa(n*between(r, 50, 300)*100), "元。")
	c.w(c.ct.place(), "人力资源和社会保障局向其下达《劳动保障监察限期改正指令书》后，被告人仍不支付，", pick(r, "并逃匿。", "拒不接听电话。"))
}

func (c *rec) factsEmbezzlement(d crimeDraft) {
	r := c.r
	A := d.A
	c.w("被告人", A, "在担任", companyName(r, &c.ct, ""), pick(r, "销售经理", "出纳", "仓库管理员", "店长", "财务"), "期间，", "利用职务上的便利，", pick(r, "截留公司货款", "虚报费用", "私自变卖公司库存货物", "将公司资金转入个人账户"), "共计", itoa(int(lognormal(r, 100000, 0.8))), "元，用于个人消费。")
}

func (c *rec) factsDeposits(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	n := between(r, 30, 800)
	c.w(itoa(when.Year()-between(r, 1, 4)), "年至", itoa(when.Year()), "年间，被告人", all, "以", companyName(r, &c.ct, pick(r, "投资咨询", "农业开发", "信息技术")), "名义，通过", pick(r, "发放传单", "召开推介会", "亲友介绍", "网络宣传"), "等方式向社会公开宣传，以年化", itoa(between(r, 10, 36)), "%的高额回报为诱饵，向", cn(n), "名集资参与人吸收资金共计", itoa(int(lognormal(r, 8000000, 1))), "元，", "案发时尚有", itoa(int(lognormal(r, 3000000, 1))), "元未兑付。")
	if chance(r, 0.4) {
		c.w("部分集资参与人曾多次到有关部门集体上访。")
	}
}

func (c *rec) factsRobbery(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	place := d.place
	road := d.road
	c.w(ymd(when), clock(r), "，被告人", all, "在", place, road, pick(r, "附近", "某ATM机旁", "某小区"), pick(r, "持刀威胁被害人", "采用殴打手段", "趁被害人不备，驾驶摩托车从背后"), pick(r, "劫取", "抢走", "夺走"), "被害人", alias(personName(r, true), c.style), pick(r, "的手提包一个（内有现金及手机）", "的金项链一条", "现金"), "，价值", itoa(int(lognormal(r, 6000, 0.8))), "元。")
}

func (c *rec) factsFishing(d crimeDraft) {
	r := c.r
	when := d.when
	all := d.all
	place := d.place
	c.w(dateVar(r, when), "，被告人", all, "在", place, pick(r, "长江", "某水库", "某河段"), "禁渔区、禁渔期内，", "使用", pick(r, "电鱼工具", "地笼网", "禁用网具"), "非法捕捞，捕获渔获物", formatFloat(lognormal(r, 8, 0.8), 1), "公斤。")
}

func (c *rec) factsHomicide(d crimeDraft) {
	r := c.r
	when := d.when
	A := d.A
	place := d.place
	c.w(ymd(when), clock(r), "，被告人", A, "因", pick(r, "感情纠纷", "家庭矛盾", "经济纠纷"), "，在", place, pick(r, "家中", "某出租屋", "某路边"), "持刀捅刺被害人", alias(personName(r, chance(r, 0.5)), c.style), pick(r, "胸腹部数刀", "颈部"), "，致其", pick(r, "当场死亡", "经抢救无效死亡"), "。")
}

// crimeTail writes confession, settlement, plea and the recommendation:
// the facts the procedure turns on, stated as indictments state them, and
// sometimes left out.
func (c *rec) crimeTail(cc *crimeCause) {
	A := c.name(c.df[0])
	c.crimeVulnerable()
	c.crimeSettlement(cc)
	c.crimePlea(A)
	c.crimeCoDefendants(cc)
	c.crimeDefence(cc, A)
	c.crimeRecommendation(cc, A)
}

// crimeVulnerable states minors and impaired defendants.
func (c *rec) crimeVulnerable() {
	r := c.r
	for _, p := range c.df {
		if p.Minor && chance(r, 0.8) {
			age, ok := c.ages[p] // the birth date written in the header, if any, fixes it
			if !ok {
				age = minorDefendantAges.draw(r)
			}
			c.w("被告人", c.name(p), pick(r, "作案时未满十八周岁。", "系未成年人。", "犯罪时年仅"+cn(age)+"周岁。"))
		}
		if p.Impaired && chance(r, 0.8) {
			c.w(pick(r, "经司法精神病鉴定，被告人"+c.name(p)+"患有精神分裂症，作案时具有限定刑事责任能力。", "被告人"+c.name(p)+"系聋哑人。", "被告人"+c.name(p)+"系盲人。"))
		}
	}
}

// crimeSettlement states whether the victim was compensated.
func (c *rec) crimeSettlement(cc *crimeCause) {
	r := c.r
	ci := c.c
	if cc.victim {
		switch {
		case ci.VictimSettlementMissing && chance(r, 0.75):
			c.one("被告人尚未赔偿被害人的经济损失。", "被害人拒绝谅解被告人。", "双方未能就民事赔偿达成调解协议。", "被害人及其家属要求严惩被告人。")
		case !ci.VictimSettlementMissing && chance(r, 0.65):
			c.w(pick(r, "案发后，", "审查起诉阶段，", ""), "被告人", pick(r, "已退赔被害人全部经济损失并取得谅解", "与被害人达成和解协议，赔偿被害人"+itoa(between(r, 5, 200)*1000)+"元并取得谅解", "的家属代为退赔了全部赃款", "已赔偿被害人损失，被害人出具了谅解书"), "。")
		}
	}
}

// crimePlea states the plea, or the denial.
func (c *rec) crimePlea(A string) {
	r := c.r
	ci := c.c
	plea := ci.GetAdmitsChargedFacts() && ci.GetAcceptsSentencingRecommendation()
	switch {
	case ci.GetAdmitsChargedFacts() && !crimeEraOf(c.filed).fastTrack:
		// Before the reform there was 认罪, not 认罪认罚.
		if chance(r, 0.7) {
			c.w("被告人", c.joinNames(c.df), pick(r, "到案后如实供述了自己的罪行。", "归案后如实供述犯罪事实。", "对指控的犯罪事实供认不讳。", "自愿认罪。"))
		}
	case plea:
		if chance(r, 0.8) {
			c.w("被告人", c.joinNames(c.df), pick(r, "到案后如实供述了自己的罪行，", "归案后如实供述犯罪事实，", "对指控的犯罪事实供认不讳，", ""), pick(r, "自愿认罪认罚，并在值班律师见证下签署了认罪认罚具结书。", "自愿认罪认罚，在辩护人在场的情况下签署了《认罪认罚具结书》。", "表示认罪认罚。", "同意量刑建议，签署了具结书。"))
		} else if chance(r, 0.5) {
			c.w("被告人", A, "到案后如实供述了自己的罪行。")
		}
	case ci.GetAdmitsChargedFacts():
		if chance(r, 0.65) {
			c.w("被告人", A, pick(r, "对指控的犯罪事实没有异议，但不同意公诉机关的量刑建议，未签署认罪认罚具结书。", "如实供述了自己的罪行，但认为量刑建议过重。", "承认指控的犯罪事实，对量刑建议有异议。"))
		}
	case chance(r, 0.65):
		c.w("被告人", A, pick(r, "对起诉书指控的事实提出异议，辩称", "到案后拒不供认，辩称", "当庭翻供，称", "否认犯罪，辩称"), pick(r, "其不知道他人从事违法犯罪活动", "其系正当防卫", "涉案款项系借款，并非诈骗所得", "其并未参与殴打", "其并不知道是赃物", "该款项系合法经营所得"), "。")
	}
}

// crimeCoDefendants states a co-defendant's objection.
func (c *rec) crimeCoDefendants(cc *crimeCause) {
	r := c.r
	ci := c.c
	co := ci.GetCoDefendantDeniesChargedFacts() || ci.GetCoDefendantDisputesChargeOrSentence() ||
		ci.GetCoDefendantObjectsFastTrack() || ci.GetCoDefendantObjectsSimplified()
	if co && len(c.df) > 1 && chance(r, 0.8) {
		switch {
		case ci.GetCoDefendantDeniesChargedFacts():
			c.w("被告人", c.name(c.df[1]), pick(r, "对指控其参与的部分事实提出异议。", "辩称其仅为帮忙，对他人犯罪并不知情。", "否认参与预谋。"))
		case ci.GetCoDefendantDisputesChargeOrSentence():
			c.w("被告人", c.name(c.df[1]), pick(r, "对罪名有异议。", "对量刑建议有异议。", "认为其行为不构成"+cc.name+"。"))
		default:
			// An objection to the procedure itself is not written out: the
			// text must not name a procedure (it would leak the label).
			c.w("被告人", c.name(c.df[1]), pick(r, "对审理方式提出异议。", "要求依法开庭审理。"))
		}
	}
}

// crimeDefence writes the defence's plea, the case's impact, context and
// the evidence list.
func (c *rec) crimeDefence(cc *crimeCause, A string) {
	r := c.r
	ci := c.c
	if ci.DefencePleadsNotGuilty && chance(r, 0.8) {
		c.w(pick(r, "辩护人提出被告人", "被告人的辩护人认为被告人"), A, pick(r, "的行为不构成犯罪，应宣告无罪。", "主观上不明知，不构成本罪。", "的行为属于正当防卫，不负刑事责任。"))
	}
	if ci.MajorSocialImpact && chance(r, 0.8) {
		c.one("该案在当地引起较大社会反响，被媒体广泛报道。", "本案社会影响较大，引发舆情关注。")
	}
	if c.detail >= 1 && chance(r, crimeShape.context) {
		c.fam = famCriminal
		c.context(between(r, 1, c.detail+1))
	}
	if lootCharge(cc.name) && c.detail >= 1 && chance(r, crimeShape.loot) {
		c.fam = famLoot
		c.context(1)
	}
	if chance(r, crimeShape.evidence+crimeShape.evidencePerDetail*float64(c.detail)) {
		c.crimeEvidence(cc)
	}
}

// crimeShape holds the odds of the passages that lengthen a criminal text
// beyond the allegation: context sentences, restitution, the evidence list.
// Fourth calibration: the real allegations (公诉机关指控 …) have a median of
// 233 characters, the corpus had 273 (was: context 0.5, restitution 0.4,
// evidence 0.2 + 0.1 per detail step).
var crimeShape = struct {
	context, loot               float64
	evidence, evidencePerDetail float64
}{context: 0.3, loot: 0.3, evidence: 0.1, evidencePerDetail: 0.05}

// crimeRecommendation writes the prosecution's conclusion and recommended
// sentence.
func (c *rec) crimeRecommendation(cc *crimeCause, A string) {
	r := c.r
	ci := c.c
	if m := int(ci.RecommendedSentenceMonths); m > 0 && chance(r, 0.85) {
		c.w(pick(r, "公诉机关认为，", "公诉机关指控认为，", "检察机关认为，"), "被告人", A, "的行为已构成", cc.name, "，", pick(r, "建议判处", "提出量刑建议：", "建议对被告人判处"), c.sentence(cc, m), "。")
	} else if chance(r, 0.5) {
		c.w("公诉机关认为，被告人", c.joinNames(c.df), "的行为", pick(r, "触犯了《中华人民共和国刑法》", "已构成"+cc.name), "，", pick(r, "应当以"+cc.name+"追究其刑事责任。", "提请本院依法判处。", "犯罪事实清楚，证据确实、充分。"))
	}
}

var crimeEvidenceCommon = []string{"被告人的供述和辩解", "证人证言", "户籍证明", "到案经过", "视听资料", "辨认笔录", "现场勘验笔录及照片", "前科材料", "认罪认罚具结书"}

var crimeEvidenceSpecific = map[string][]string{
	"危险驾驶罪":       {"呼气酒精含量检测单", "血液乙醇含量检验报告", "机动车驾驶证、行驶证信息", "执法记录仪视频"},
	"盗窃罪":         {"被害人陈述", "价格认定结论书", "扣押清单", "监控视频"},
	"帮助信息网络犯罪活动罪": {"银行卡交易明细", "被害人陈述及报案材料", "聊天记录", "电子数据检查笔录"},
	"诈骗罪":         {"被害人陈述", "银行转账记录", "聊天记录截图", "电子数据提取笔录"},
	"故意伤害罪":       {"被害人陈述", "法医学人体损伤程度鉴定书", "病历资料", "现场监控录像"},
	"交通肇事罪":       {"道路交通事故认定书", "尸体检验报告", "车辆技术检验报告", "事故现场图"},
	"开设赌场罪":       {"微信群聊天记录", "赌资流水明细", "扣押的赌具", "参赌人员证言"},
	"走私、贩卖、运输、制造毒品罪": {"毒品称量笔录", "理化检验报告", "尿检报告", "扣押笔录"},
}

// crimeEvidence writes the "有下列证据证实" list judgments carry.
func (c *rec) crimeEvidence(cc *crimeCause) {
	r := c.r
	items := append([]string(nil), crimeEvidenceSpecific[cc.name]...)
	k := between(r, 2, 5)
	for range k {
		items = append(items, pick(r, crimeEvidenceCommon...))
	}
	c.w(pick(r, "上述事实，有下列证据证实：", "\n认定上述事实的证据有：", "公诉机关提供了以下证据："))
	nl := chance(r, 0.5)
	seen := map[string]bool{}
	n := 0
	for _, it := range items {
		if seen[it] || chance(r, 0.2) || (it == "认罪认罚具结书" && (!c.c.GetAcceptsSentencingRecommendation() || c.filed.Before(pleaReform))) {
			continue
		}
		seen[it] = true
		n++
		if nl {
			c.w("\n")
		}
		c.w(itoa(n), pick(r, ".", "、"), it, "；")
	}
	if n > 0 {
		s := c.b.String()
		c.b.Reset()
		c.b.WriteString(strings.TrimSuffix(s, "；"))
		c.w(pick(r, "等。", "。"))
	}
}

// lootCharge reports whether a charge is about taking property, so that
// restitution sentences fit.
func lootCharge(name string) bool {
	switch name {
	case "盗窃罪", "诈骗罪", "职务侵占罪", "抢劫罪", "抢夺罪", "信用卡诈骗罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪", "合同诈骗罪":
		return true
	}
	return false
}
