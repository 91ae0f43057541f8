package reload

import triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"

// SmokeFilings are one filing of each case kind, the shapes every model must
// score before it may serve.
func SmokeFilings() []*triagev1.Filing {
	person := func(role triagev1.PartyRole) *triagev1.Party {
		return &triagev1.Party{Role: role, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}
	}
	return []*triagev1.Filing{
		{
			Id: "smoke-civil", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
			Province: "江苏省", FiledOn: "2024-03-05", Cause: "民间借贷纠纷", ClaimAmountFen: 45_000_00,
			Parties: []*triagev1.Party{person(triagev1.PartyRole_PARTY_ROLE_PLAINTIFF), person(triagev1.PartyRole_PARTY_ROLE_DEFENDANT)},
			Text:    "诉讼请求：1.判令被告偿还借款45000元；2.诉讼费由被告承担。事实和理由：被告向原告借款后逾期未还。",
		},
		{
			Id: "smoke-administrative", CaseKind: triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE, CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
			Province: "上海市", FiledOn: "2024-05-10", Cause: "政府信息公开",
			Parties:       []*triagev1.Party{person(triagev1.PartyRole_PARTY_ROLE_PLAINTIFF), {Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_ORGANIZATION}},
			Text:          "请求撤销被告作出的政府信息公开答复。",
			Circumstances: &triagev1.Circumstances{InformationDisclosure: true},
		},
		{
			Id: "smoke-criminal", CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
			Province: "浙江省", FiledOn: "2024-06-01", Cause: "危险驾驶罪",
			Parties:       []*triagev1.Party{person(triagev1.PartyRole_PARTY_ROLE_DEFENDANT)},
			Text:          "公诉机关指控：被告人醉酒驾驶机动车，血液酒精含量为120mg/100ml。被告人到案后如实供述，认罪认罚。",
			Circumstances: &triagev1.Circumstances{AdmitsChargedFacts: true, AcceptsSentencingRecommendation: true, ConsentsFastTrack: true, RecommendedSentenceMonths: 2},
		},
	}
}
