package rules

import "time"

// smallClaimsRegime is the small-claims law in force on a date: which article
// sets the limit, at what share of the province's previous-year average wage
// of employed persons, and whether parties may agree to go above it. The law
// in force on the filing date decides, not the law of the day of decision:
// a filing of 2019 is judged under CPL 2017 art. 162 even when triaged today.
type smallClaimsRegime struct {
	// from is the first day the regime applies (Beijing calendar date).
	from time.Time
	// article is the provision as cited in a decision's SmallClaimsLimit.
	article string
	// percent is the mandatory share of the average wage (30 or 50).
	percent int64
	// agreement is whether parties may agree to small claims up to twice the
	// average wage (CPL 165 ¶2); before 2022 no such band existed.
	agreement bool
	// Reason codes that differ between the regimes.
	courtLevel, notMoney, mandatory, overMandatory string
	// amountNotStated: a money-payment cause without an amount.
	amountNotStated string
	// textNonMoney, textAmount: the claims text asks for more than money,
	// or names a sum the amount field does not (civiltext.go).
	textNonMoney, textAmount string
	// The agreement band's codes, where there is one: agreed and within it,
	// over it, and agreed in an excluded case.
	agreementOK, overAgreement, agreementExcluded string
}

// The days the civil provisions the rules follow took effect, one place for
// every rule that reads the law of the filing date.
var (
	// 最高人民法院关于适用简易程序审理民事案件的若干规定 (法释〔2003〕15号):
	// its art. 2 is the first text letting the parties choose simplified
	// procedure.
	prov2003InForce = time.Date(2003, 12, 1, 0, 0, 0, 0, time.UTC)
	// 最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见
	// (法发〔1992〕22号), in force 1992-07-14: before 若干规定 its art. 169
	// barred simplified procedure to a defendant whose whereabouts were
	// unknown when the suit was brought.
	opinion1992InForce = time.Date(1992, 7, 14, 0, 0, 0, 0, time.UTC)
	// CPL 2007 amendment: it renumbered the articles from 178 on (retrial,
	// execution, the foreign-related part); those before, the first-instance
	// procedures among them, kept the 1991 numbers.
	cpl2007InForce = time.Date(2008, 4, 1, 0, 0, 0, 0, time.UTC)
	// CPL 2012 amendment (small claims, art. 162).
	cpl2012InForce = time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC)
	// CPL 2017 amendment (art. 162 unchanged, renumbering elsewhere).
	cpl2017InForce = time.Date(2017, 7, 1, 0, 0, 0, 0, time.UTC)
	// CPL 2021 amendment (arts. 165–166, 41–42).
	cpl2021InForce = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	// CPL 2023 amendment: new foreign-related articles renumber that part
	// (the foreign-related time-limit rule, art. 277, becomes art. 287); the
	// first-instance articles before it keep their numbers.
	cpl2023InForce = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	// 民诉法解释（2015年）.
	interp2015InForce = time.Date(2015, 2, 4, 0, 0, 0, 0, time.UTC)
	// 民诉法解释 as revised by 法释〔2022〕11号, which brought it into line
	// with CPL 2021 (e.g. art. 258: simplified procedure four months at most,
	// no longer six with the parties' consent).
	interp2022InForce = time.Date(2022, 4, 10, 0, 0, 0, 0, time.UTC)
	// 法释〔2013〕16号, maritime courts' small claims.
	maritimeReply2013InForce = time.Date(2013, 6, 26, 0, 0, 0, 0, time.UTC)
	// 海事诉讼特别程序法 (published 1999-12-25, in force 2000-07-01): its art.
	// 98 first let a maritime court, of intermediate level, use simplified
	// procedure. Until then, as the SPC's notice on implementing it says
	// ("在2000年7月1日前，审理海事海商案件，应当适用《中华人民共和国民事诉讼法》"),
	// maritime courts had CPL 1991 art. 142, which gives simplified
	// procedure to basic courts and their tribunals only.
	msplInForce = time.Date(2000, 7, 1, 0, 0, 0, 0, time.UTC)
)

// The days the criminal provisions the rules follow took effect. Criminal
// articles are cited as numbered on the filing date: the 2018 amendment
// inserted art. 15 and the fast-track section (arts. 222–226), so the 2012
// text's simplified articles 208–210 are the 2018 text's 214–216 and its
// arts. 228 and 245 are 239 and 256.
var (
	// CrPL 1996 amendment ("自1997年1月1日起施行"): it created simplified
	// procedure (arts. 174–179); the 1979 law had none.
	crpl1996InForce = time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC)
	// CrPL 2012 amendment (simplified procedure for every basic-court case
	// the defendant admits; before it, CrPL 1996 art. 174: three years).
	crpl2012InForce = time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC)
	// CrPL 2018 amendment: 速裁程序 and the renumbering.
	crpl2018InForce = time.Date(2018, 10, 26, 0, 0, 0, 0, time.UTC)
	// 刑诉法解释（法释〔2021〕1号）, replacing 法释〔2012〕21号.
	crInterp2021InForce = time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	// 最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释
	// (法释〔1998〕23号), "自1998年9月8日起施行", in force until the 2012
	// interpretation replaced it on 2013-01-01: its art. 222 bars on the
	// 1996 law's simplified procedure.
	crInterp1998InForce = time.Date(1998, 9, 8, 0, 0, 0, 0, time.UTC)
	// 最高人民法院、最高人民检察院、司法部《关于适用简易程序审理公诉案件的若干
	// 意见》 (法发〔2003〕6号), issued and in force 2003-03-14: its art. 3 ¶2
	// ("人民法院在征得被告人、辩护人同意后决定适用简易程序") first made the
	// defendant's consent a condition; the 1998 interpretation's arts.
	// 217–221 asked only for the procuratorate's.
	crOpinion2003InForce = time.Date(2003, 3, 14, 0, 0, 0, 0, time.UTC)
	// 最高人民法院关于严格执行案件审理期限制度的若干规定 (法释〔2000〕29号),
	// "自2000年9月28日起施行": its art. 1 repeats the 1998 interpretation's
	// six months for a private prosecution whose defendant is free.
	timeLimitRules2000InForce = time.Date(2000, 9, 28, 0, 0, 0, 0, time.UTC)
)

// adminLaw2014InForce is when the 2014 amendment of 行政诉讼法 took effect:
// it created administrative simplified procedure (arts. 82–84) and the six
// months of art. 81; the 1989 law had neither (three months, art. 57).
var adminLaw2014InForce = time.Date(2015, 5, 1, 0, 0, 0, 0, time.UTC)

// regimeOn returns the small-claims regime in force on a date, or false
// before 2013-01-01, when the procedure did not exist.
//
// The periods, by the amendment in force:
//   - 2013-01-01 CPL 2012 amendment art. 162: ≤ 30%, first instance final;
//   - 2017-07-01 CPL 2017 amendment, art. 162 unchanged (only the citation
//     changes);
//   - 2022-01-01 CPL 2021 amendment art. 165: ≤ 50% mandatory, ≤ 2× by
//     agreement; the 2023 amendment (in force 2024-01-01) keeps art. 165.
//
// A function rather than a table variable keeps the law immutable.
func regimeOn(on time.Time) (smallClaimsRegime, bool) {
	cpl162 := smallClaimsRegime{
		percent:         30,
		courtLevel:      CodeCPL162CourtLevel,
		notMoney:        CodeCPL162NotMoneyPayment,
		mandatory:       CodeCPL162Mandatory,
		overMandatory:   CodeCPL162OverLimit,
		amountNotStated: CodeCPL162AmountNotStated,
		textNonMoney:    CodeReviewTextNonMoneyCPL2017,
		textAmount:      CodeReviewTextAmountCPL2017,
	}
	switch {
	case on.Before(cpl2012InForce):
		return smallClaimsRegime{}, false
	case on.Before(cpl2017InForce):
		r := cpl162
		r.from, r.article = cpl2012InForce, "民事诉讼法（2012年修正）第一百六十二条"
		if on.Before(interp2015InForce) {
			// The money-payment limit is the 2015 interpretation's art.
			// 274: before it, CPL 2012 art. 162 alone is cited.
			r.notMoney, r.textNonMoney = CodeCPL2012NotMoneyPayment, CodeReviewTextNonMoneyCPL2012
		}
		return r, true
	case on.Before(cpl2021InForce):
		r := cpl162
		r.from, r.article = cpl2017InForce, "民事诉讼法（2017年修正）第一百六十二条"
		return r, true
	default:
		return smallClaimsRegime{
			from:              cpl2021InForce,
			article:           "民事诉讼法第一百六十五条",
			percent:           50,
			agreement:         true,
			courtLevel:        CodeCPL165CourtLevel,
			notMoney:          CodeCPL165NotMoneyPayment,
			mandatory:         CodeCPL165Mandatory,
			overMandatory:     CodeCPL165OverMandatory,
			amountNotStated:   CodeCPL165AmountNotStated,
			textNonMoney:      CodeReviewTextNonMoney,
			textAmount:        CodeReviewTextAmount,
			agreementOK:       CodeCPL165Agreement,
			overAgreement:     CodeCPL165OverAgreement,
			agreementExcluded: CodeCPL165AgreementExcluded,
		}, true
	}
}

// sameShare reports whether a limit entry effective on from can serve a
// filing under regime r: the figure is a share of the wage, so an entry of
// the 30% years never answers a filing of the 50% years (nor the reverse),
// even when no newer entry exists. The 2012 and 2017 amendments share 30%.
func sameShare(from time.Time, r smallClaimsRegime) bool {
	er, ok := regimeOn(from)
	return ok && er.percent == r.percent
}
