package rules

import "time"

// The civil 繁简分流 pilot (民事诉讼程序繁简分流改革试点), 2020–2021. The law
// as it was, with the sources (docs/statutes.md, "Civil: the 繁简分流 pilot"):
//
//   - 全国人民代表大会常务委员会关于授权最高人民法院在部分地区开展民事诉讼程序
//     繁简分流改革试点工作的决定 (人大常委会字〔2019〕42号, adopted 2019-12-28
//     by the 15th session of the 13th NPCSC; text read): the pilot courts are
//     "北京、上海市辖区内中级人民法院、基层人民法院，南京、苏州、杭州、宁波、合肥、
//     福州、厦门、济南、郑州、洛阳、武汉、广州、深圳、成都、贵阳、昆明、西安、银川市
//     中级人民法院及其辖区内基层人民法院，北京、上海、广州知识产权法院，上海金融
//     法院，北京、杭州、广州互联网法院"; during the pilot they "暂时调整适用" CPL
//     2017 art. 162 among others; "试点期限为二年，自试点办法印发之日起算".
//   - 最高人民法院《民事诉讼程序繁简分流改革试点方案》(法〔2020〕10号) and
//     《民事诉讼程序繁简分流改革试点实施办法》(法〔2020〕11号), issued together
//     on 2020-01-15 (the SPC's announcement of that day). The 实施办法's
//     chapter 三、完善小额诉讼程序 opens with art. 5, "基层人民法院审理的事实
//     清楚、权利义务关系明确、争议不大的简单…" (read that far in the 山东省
//     高级人民法院's reprint); the SPC's announcement gives its figures:
//     small claims "适用于标的额为人民币5万元以下的案件，对于标的额在人民币5万至
//     10万元的案件，允许当事人合意选择适用小额诉讼程序". Fixed amounts, the same
//     at every pilot court: no share of a wage, so the rules file's
//     figures play no part.
//
// Where a detail could not be confirmed from a text that was read, the
// reading that opens the pilot's small claims at fewer courts, on fewer days
// and for fewer cases is taken:
//   - Courts: small claims is a basic court's (art. 5): the basic courts of
//     the 20 cities placed by name as for the criminal pilot (pilotCityOf;
//     no court list was read, so every basic court of a city counts, as
//     the decision's "辖区内基层人民法院" says) and the three internet
//     courts. Maritime courts are not in the decision; the intermediate,
//     IP and financial courts try no small claims.
//   - Days: filings from 2020-01-15, the issue date, from which the
//     decision counts the pilot; until 2021-12-31, for from 2022-01-01 CPL
//     2021 art. 165 governs every court (the pilot's two years ran to
//     2022-01-14).
//   - Amounts: "以下" includes the figure (民法典 art. 1259): ≤ ¥50,000
//     mandatory, over it and ≤ ¥100,000 with the parties' agreement. In
//     北京 and 上海 the statute's 30% was above ¥50,000 from 2020-07-01 and
//     2021-07-01 (derived figures): there the pilot court's band is the
//     narrower one, since art. 162 was set aside for it.
//   - Exclusions: the 实施办法's own list was not read, so the exclusions
//     fenjian applies to every 2020–2021 filing (民诉法解释（2015年）第二百
//     七十五条, which still names 知识产权纠纷, and the simplified-procedure
//     bars) apply at pilot courts too, as does the counterclaim condition of
//     its art. 280; the pilot's own time limit and conversions are not
//     modelled.
var civilPilotFrom = time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)

// The pilot's figures, in fen: ≤ ¥50,000 mandatory, ≤ ¥100,000 by agreement.
const (
	civilPilotMandatoryFen = 50_000_00
	civilPilotAgreementFen = 100_000_00
)

// civilPilotArticle is the provision a decision's limit cites.
const civilPilotArticle = "《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号）第五条"

// CivilPilotCityOf returns the city of the civil 繁简分流 pilot whose courts
// the court's name places it in ("" when none): as PilotCityOf does for the
// criminal pilot, over the civil pilot's 20 cities, and the internet courts
// of 北京, 杭州 and 广州 by name. It says nothing of the filing date or the
// court's level.
func CivilPilotCityOf(court, province string) string {
	return pilotCityOf(court, province, true)
}

// civilPilotCity is the pilot city of a civil filing whose small claims the
// pilot governs, "" when the statute does: a basic court of a pilot city
// (pilotCourt: basic and not maritime), filed 2020-01-15 to 2021-12-31.
func civilPilotCity(court, province string, pilotCourt bool, on time.Time) string {
	if !pilotCourt || on.Before(civilPilotFrom) || !on.Before(cpl2021InForce) {
		return ""
	}
	return CivilPilotCityOf(court, province)
}

// civilPilotRegime is the pilot's small-claims law at a pilot court. Art.
// 162 was set aside there, so none of its codes applies; the court-level
// code is never given, for the pilot is a basic court's.
func civilPilotRegime() smallClaimsRegime {
	return smallClaimsRegime{
		from:              civilPilotFrom,
		article:           civilPilotArticle,
		agreement:         true,
		courtLevel:        CodeCPL162CourtLevel,
		notMoney:          CodePilot2020NotMoneyPayment,
		mandatory:         CodePilot2020Mandatory,
		overMandatory:     CodePilot2020OverMandatory,
		amountNotStated:   CodePilot2020AmountNotStated,
		textNonMoney:      CodeReviewTextNonMoneyPilot2020,
		textAmount:        CodeReviewTextAmountPilot2020,
		agreementOK:       CodePilot2020Agreement,
		overAgreement:     CodePilot2020OverAgreement,
		agreementExcluded: CodePilot2020AgreementExcluded,
	}
}

// civilPilotLimit is the pilot's limit as a decision shows it: known, the
// same in every province, announced by the SPC rather than derived.
func civilPilotLimit(province string) limit {
	p, _ := LookupProvince(province)
	return limit{
		province:     p,
		from:         civilPilotFrom,
		mandatoryFen: civilPilotMandatoryFen,
		agreementFen: civilPilotAgreementFen,
		entry: LimitEntry{
			EffectiveFrom: "2020-01-15",
			Source:        "最高人民法院《民事诉讼程序繁简分流改革试点实施办法》（法〔2020〕11号，2020年1月15日印发）第五条：标的额人民币5万元以下适用小额诉讼程序，5万元至10万元当事人可以约定适用；试点法院为全国人大常委会2019年12月28日授权决定所列法院",
		},
	}
}
