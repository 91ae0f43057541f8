package classifier

import (
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// chargeFam is a family of charges (罪名) that courts try alike: the law
// gives every charge the same procedures, but practice does not. On the
// real development filings, drug sales are tried simplified 55 times in 59
// and sheltering drug use 13 in 14, rape in ordinary procedure 18 times in
// 28 (closed hearings, the victim's protection), and dangerous driving is
// the fast-track staple (10 of its 26). The families follow the chapters and sections of
// 刑法分则 where practice agrees with them; a charge the keywords do not
// place has no family (all zero), and the text model still sees its name.
type chargeFam int

const (
	chargeDrugs          chargeFam = iota // 第六章第七节 走私、贩卖、运输、制造毒品罪
	chargeDriving                         // 危险驾驶, 交通肇事 (第二章)
	chargeSexual                          // 强奸, 猥亵, 组织/协助卖淫 (第四章, 第六章第八节)
	chargeViolence                        // 故意伤害, 杀人, 抢劫, 绑架 (第四章, 第五章)
	chargeTheft                           // 盗窃, 抢夺, 诈骗, 侵占, 敲诈 (第五章)
	chargePublicOrder                     // 寻衅滋事, 聚众斗殴, 赌博, 开设赌场, 妨害公务 (第六章第一节)
	chargeFinance                         // 非法吸收公众存款, 集资诈骗, 贷款诈骗, 非法经营, 信用卡 (第三章)
	chargeEnvironment                     // 滥伐林木, 非法狩猎, 捕捞, 污染环境, 非法采矿 (第六章第六节)
	chargeCorruption                      // 贪污, 受贿, 行贿, 挪用 (第八章)
	chargeWeapons                         // 枪支, 弹药, 爆炸物 (第二章)
	chargeFraudDocuments                  // 伪造、变造、买卖国家机关公文、证件, 帮助信息网络犯罪活动
	numCharge
)

var chargeNames = [numCharge]string{
	"charge_drugs", "charge_driving", "charge_sexual", "charge_violence", "charge_theft",
	"charge_public_order", "charge_finance", "charge_environment", "charge_corruption",
	"charge_weapons", "charge_documents",
}

// chargeKeys are matched in order against the written charge; the first
// hit decides, so the more specific keys (贷款诈骗 before 诈骗) come first.
var chargeKeys = []struct {
	key string
	fam chargeFam
}{
	{"毒品", chargeDrugs}, {"吸毒", chargeDrugs}, {"制毒", chargeDrugs}, {"罂粟", chargeDrugs},
	{"危险驾驶", chargeDriving}, {"交通肇事", chargeDriving},
	{"强奸", chargeSexual}, {"猥亵", chargeSexual}, {"卖淫", chargeSexual}, {"淫秽", chargeSexual},
	{"集资诈骗", chargeFinance}, {"贷款诈骗", chargeFinance}, {"吸收公众存款", chargeFinance},
	{"非法经营", chargeFinance}, {"信用卡", chargeFinance}, {"合同诈骗", chargeFinance}, {"洗钱", chargeFinance},
	{"伤害", chargeViolence}, {"杀人", chargeViolence}, {"抢劫", chargeViolence}, {"绑架", chargeViolence},
	{"非法拘禁", chargeViolence}, {"过失致人", chargeViolence},
	{"盗窃", chargeTheft}, {"抢夺", chargeTheft}, {"诈骗", chargeTheft}, {"侵占", chargeTheft},
	{"敲诈", chargeTheft}, {"掩饰、隐瞒", chargeTheft}, {"故意毁坏财物", chargeTheft},
	{"寻衅滋事", chargePublicOrder}, {"聚众斗殴", chargePublicOrder}, {"赌", chargePublicOrder},
	{"妨害公务", chargePublicOrder}, {"非法侵入住宅", chargePublicOrder},
	{"林木", chargeEnvironment}, {"狩猎", chargeEnvironment}, {"捕捞", chargeEnvironment},
	{"污染环境", chargeEnvironment}, {"采矿", chargeEnvironment}, {"农用地", chargeEnvironment}, {"野生动物", chargeEnvironment},
	{"贪污", chargeCorruption}, {"受贿", chargeCorruption}, {"行贿", chargeCorruption}, {"挪用", chargeCorruption},
	{"枪支", chargeWeapons}, {"弹药", chargeWeapons}, {"爆炸物", chargeWeapons}, {"管制刀具", chargeWeapons},
	{"公文", chargeFraudDocuments}, {"证件", chargeFraudDocuments}, {"信息网络", chargeFraudDocuments},
}

// chargeFamily returns the family of a written charge, −1 when none fits.
func chargeFamily(charge string) chargeFam {
	for _, k := range chargeKeys {
		if strings.Contains(charge, k.key) {
			return k.fam
		}
	}
	return -1
}

// Sentence kinds as a severity scale for the trees: 0 none stated, then
// from the mildest to the gravest.
const (
	sevNone = iota
	sevExemption
	sevFine
	sevSurveillance
	sevDetention
	sevSuspended
	sevFixedTerm
	sevLife
	sevDeath
)

// sentenceKind returns the severity of the sentencing recommendation and
// whether one is stated: from recommended_sentence_kind when set, otherwise
// (older records) from the months and the allegation's 建议判处 clause, which
// names the kind the way an indictment does.
func sentenceKind(c *triagev1.Circumstances, text string) (int, bool) {
	switch c.GetRecommendedSentenceKind() {
	case triagev1.SentenceKind_SENTENCE_KIND_EXEMPTION:
		return sevExemption, true
	case triagev1.SentenceKind_SENTENCE_KIND_FINE_ONLY:
		return sevFine, true
	case triagev1.SentenceKind_SENTENCE_KIND_PUBLIC_SURVEILLANCE:
		return sevSurveillance, true
	case triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION:
		return sevDetention, true
	case triagev1.SentenceKind_SENTENCE_KIND_SUSPENDED:
		return sevSuspended, true
	case triagev1.SentenceKind_SENTENCE_KIND_FIXED_TERM:
		return sevFixedTerm, true
	case triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT:
		return sevLife, true
	case triagev1.SentenceKind_SENTENCE_KIND_DEATH:
		return sevDeath, true
	}
	i := strings.Index(text, "建议")
	if i < 0 {
		if c.GetRecommendedSentenceMonths() > 0 {
			return sevFixedTerm, true
		}
		return sevNone, false
	}
	clause := text[i:]
	if j := strings.Index(clause, "。"); j >= 0 {
		clause = clause[:j]
	}
	switch {
	case strings.Contains(clause, "缓刑"):
		return sevSuspended, true
	case strings.Contains(clause, "拘役"):
		return sevDetention, true
	case strings.Contains(clause, "管制"):
		return sevSurveillance, true
	case strings.Contains(clause, "无期"):
		return sevLife, true
	case strings.Contains(clause, "死刑"):
		return sevDeath, true
	case strings.Contains(clause, "有期徒刑"):
		return sevFixedTerm, true
	case strings.Contains(clause, "罚金"):
		return sevFine, true
	case strings.Contains(clause, "免予"):
		return sevExemption, true
	case c.GetRecommendedSentenceMonths() > 0:
		return sevFixedTerm, true
	}
	return sevNone, strings.Contains(clause, "判处") || strings.Contains(clause, "量刑")
}
