package rules

import (
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// statutoryCeiling is a charge whose heaviest punishment under 刑法分则 is
// at most three years of 有期徒刑: whoever is convicted of it alone "可能判处
// 三年有期徒刑以下刑罚" (刑事诉讼法第二百二十二条第一款; 1996 text art.
// 174(1)), whatever the prosecution recommends. A filing that names such a
// charge and no recommendation has established that condition by the
// charge itself.
type statutoryCeiling struct {
	charge string // the catalogue's name of the charge (罪名)
	// months is the longest 有期徒刑 the article allows; 0 when it allows
	// none (拘役 or lighter).
	months  int32
	article string // the article and its punishment, as the reason cites it
	// since is the day the article (with that punishment) came into force;
	// a charge's ceiling only binds filings from then on.
	since time.Time
}

// statutoryCeilings lists the charges whose statutory maximum is at most
// three years on every date since they came into force. Charges whose
// maximum was raised later (拒不执行判决、裁定罪: 三年 until 刑法修正案（九）,
// 七年 after) or whose aggravated paragraph goes beyond three years (虐待罪,
// 遗弃罪, 非法拘禁罪, 寻衅滋事罪, 伪证罪, 拒不支付劳动报酬罪 …) are not here:
// for them only the recommendation tells.
var statutoryCeilings = [...]statutoryCeiling{
	{"危险驾驶罪", 0, "刑法第一百三十三条之一：处拘役，并处罚金", onDay(2011, 5, 1)},
	{"妨害安全驾驶罪", 12, "刑法第一百三十三条之二：处一年以下有期徒刑、拘役或者管制，并处或者单处罚金", onDay(2021, 3, 1)},
	{"危险作业罪", 12, "刑法第一百三十四条之一：处一年以下有期徒刑、拘役或者管制", onDay(2021, 3, 1)},
	{"高空抛物罪", 12, "刑法第二百九十一条之二：处一年以下有期徒刑、拘役或者管制，并处或者单处罚金", onDay(2021, 3, 1)},
	{"使用虚假身份证件、盗用身份证件罪", 0, "刑法第二百八十条之一：处拘役或者管制，并处或者单处罚金", onDay(2015, 11, 1)},
	{"代替考试罪", 0, "刑法第二百八十四条之一第四款：处拘役或者管制，并处或者单处罚金", onDay(2015, 11, 1)},
	{"重婚罪", 24, "刑法第二百五十八条：处二年以下有期徒刑或者拘役", onDay(1997, 10, 1)},
	{"非法侵入住宅罪", 36, "刑法第二百四十五条：处三年以下有期徒刑或者拘役", onDay(1997, 10, 1)},
	{"非法搜查罪", 36, "刑法第二百四十五条：处三年以下有期徒刑或者拘役", onDay(1997, 10, 1)},
	{"侮辱罪", 36, "刑法第二百四十六条：处三年以下有期徒刑、拘役、管制或者剥夺政治权利", onDay(1997, 10, 1)},
	{"诽谤罪", 36, "刑法第二百四十六条：处三年以下有期徒刑、拘役、管制或者剥夺政治权利", onDay(1997, 10, 1)},
	{"赌博罪", 36, "刑法第三百零三条第一款：处三年以下有期徒刑、拘役或者管制，并处罚金", onDay(1997, 10, 1)},
	{"妨害公务罪", 36, "刑法第二百七十七条第一款：处三年以下有期徒刑、拘役、管制或者罚金", onDay(1997, 10, 1)},
	{"扰乱法庭秩序罪", 36, "刑法第三百零九条：处三年以下有期徒刑、拘役、管制或者罚金", onDay(1997, 10, 1)},
	{"非法狩猎罪", 36, "刑法第三百四十一条第二款：处三年以下有期徒刑、拘役、管制或者罚金", onDay(1997, 10, 1)},
	{"非法捕捞水产品罪", 36, "刑法第三百四十条：处三年以下有期徒刑、拘役、管制或者罚金", onDay(1997, 10, 1)},
	{"非法利用信息网络罪", 36, "刑法第二百八十七条之一：处三年以下有期徒刑或者拘役，并处或者单处罚金", onDay(2015, 11, 1)},
	{"帮助信息网络犯罪活动罪", 36, "刑法第二百八十七条之二：处三年以下有期徒刑或者拘役，并处或者单处罚金", onDay(2015, 11, 1)},
	{"催收非法债务罪", 36, "刑法第二百九十三条之一：处三年以下有期徒刑、拘役或者管制，并处或者单处罚金", onDay(2021, 3, 1)},
}

// onDay is a day in force, as the rules compare filing dates (UTC midnight).
func onDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ceilingOf returns the statutory ceiling that binds a filing: its cause
// must be one charge (Charges.One), written as the catalogue names it (or
// by an older name) with at most the words around a charge (chargeCore:
// 涉嫌, 一案), not a list, a list with a part that is no charge or 等, nor
// one with a remark naming another charge ("（数罪并罚）") — 数罪并罚 can
// exceed any one charge's maximum (刑法第六十九条) — and the filing must be
// on or after the day the charge's article came into force.
func ceilingOf(ch Charges, on time.Time) (statutoryCeiling, bool) {
	c, ok := ch.One()
	if !ok || c.Match != MatchExact && c.Match != MatchAlias {
		return statutoryCeiling{}, false
	}
	for _, sc := range statutoryCeilings {
		if sc.charge == c.Name && !on.Before(sc.since) {
			return sc, true
		}
	}
	return statutoryCeiling{}, false
}

// withCeiling fills in what a charge's statutory maximum establishes for a
// filing that states no recommendation (the caller checks: a stated one is
// the prosecution's reading of the case, and the rules read it as given):
// the punishment is at most three years (and, for a maximum of one year or
// none, at most one), and never life or death.
func (s Sentence) withCeiling(sc statutoryCeiling) Sentence {
	s.Known = true
	s.FromCharge = true
	s.WithinThreeYears = sc.months <= fastTrackMaxSentence
	s.WithinOneYear = sc.months <= fastTrackLongSentence
	return s
}

// ceilingInference is the inference a ceiling adds to a filing without a
// recommendation: the code's text plus the charge's own article. code is
// the inference as the procedure law of the filing date states it
// (crimCodes.sentenceFromCharge).
func ceilingInference(sc statutoryCeiling, code string) *triagev1.Reason {
	r := reason(code)
	return &triagev1.Reason{Code: r.GetCode(), Article: r.GetArticle(),
		Message: r.GetMessage() + "本案罪名：" + sc.charge + "（" + sc.article + "）。"}
}
